"""From raw rows of cells to a table: cell text, control characters, the header row, column names.

Shared by the CSV reader (for title lines above the header) and the spreadsheet readers.
"""

from __future__ import annotations

from typing import Any, Sequence

import pandas as pd

from consultnlp.ingest.encoding import CONTROL_RE, CONTROL_TABLE

HEADER_SCAN_ROWS = 30  # rows of a CSV sample parsed to find the header
MAX_TITLE_ROWS = 10  # at most this many title rows are skipped without --header-row
HEADER_CELL_CHARS = 150  # a header cell is a name or a form's question, not a comment


def cell_text(value: Any) -> str:
    """A cell as text: empty for nothing, whole numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def dedupe_names(names: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        if name in seen:
            seen[name] += 1
            out.append(f"{name}_{seen[name]}")
        else:
            seen[name] = 1
            out.append(name)
    return out


def column_names(header: Sequence[str], width: int) -> list[str]:
    """Names for ``width`` columns: the header's, ``column_N`` where it has none."""
    padded = list(header) + [""] * (width - len(header))
    return dedupe_names([h.strip() or f"column_{i + 1}" for i, h in enumerate(padded[:width])])


def _filled(row: Sequence[str]) -> int:
    return sum(1 for cell in row if cell.strip())


def _looks_like_header(row: Sequence[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    if len(cells) < 2 or len(set(cells)) < len(cells):
        return False
    if any(len(c) > HEADER_CELL_CHARS for c in cells):
        return False
    return not all(c.replace(".", "", 1).replace(",", "", 1).lstrip("-").isdigit() for c in cells)


def find_header_row(rows: Sequence[Sequence[str]]) -> int:
    """0-based index of the header among ``rows`` (the first rows of a sheet or file).

    Rows above the header may be empty or hold one cell each (a title, a merged
    cell, a date line). The header is the first row with two or more distinct,
    short, not-all-numeric cells, at least half as wide as the rows under it.
    Without such a row (a one-column table), the first non-empty row.
    """
    first = next((i for i, row in enumerate(rows) if _filled(row)), 0)
    for i in range(first, min(len(rows), first + MAX_TITLE_ROWS + 1)):
        filled = _filled(rows[i])
        if filled >= 2:
            widest = max((_filled(r) for r in rows[i + 1 : i + 21]), default=0)
            return i if _looks_like_header(rows[i]) and filled * 2 >= widest else first
    return first


def trim_row(cells: list[str]) -> list[str]:
    """Drop trailing empty cells (spreadsheets pad rows to the sheet's width)."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def clean_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Remove control characters from every cell and column name; return the frame and how many went."""
    removed = 0
    columns = []
    for name in frame.columns:
        text = str(name)
        removed += len(CONTROL_RE.findall(text))
        columns.append(text.translate(CONTROL_TABLE))
    frame.columns = columns
    for col in frame.columns:
        values = frame[col]
        if not isinstance(values, pd.Series) or not len(values):
            continue
        has = values.str.contains(CONTROL_RE, regex=True)
        if has.any():
            removed += int(values[has].str.count(CONTROL_RE).sum())
            frame[col] = values.where(~has, values[has].map(lambda t: t.translate(CONTROL_TABLE)))
    return frame, removed


def controls_warning(where: str, removed: int) -> str:
    return f"{where}: removed {removed} NUL or other control character(s) from the cells; the text around them is kept."


def skipped_rows_warning(where: str, header_index: int, rows: Sequence[Sequence[str]]) -> str:
    """Say that rows above the header were left out, quoting what they held."""
    titles = [" ".join(c.strip() for c in row if c.strip()) for row in rows[:header_index]]
    shown = "; ".join(f'"{t[:60]}"' for t in titles if t)
    held = f" ({shown})" if shown else " (empty)"
    above = "row 1" if header_index == 1 else f"rows 1-{header_index}"
    return f"{where}: the header is on row {header_index + 1}; {above} above it skipped{held}. Use --header-row N to choose another row."
