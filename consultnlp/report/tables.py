"""Write the comment frame and the summary tables as CSV, Parquet and XLSX."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from consultnlp.files import atomic_path
from consultnlp.report.safety import neutralise_frame
from consultnlp.summary.tables import SHEET_NAME_MAX


def write_csv(frame: pd.DataFrame, target: Path, *, index: bool = False) -> None:
    """UTF-8 CSV with formula-neutralised text, every text field quoted, LF line ends, written atomically.

    Quoting every text field matters: with minimal quoting a lone carriage return
    in a comment is written bare, and Excel starts a new row there, whose first
    cell (``=cmd...``) would then escape the neutralisation.
    """
    safe = neutralise_frame(frame.reset_index() if index else frame)
    with atomic_path(target) as tmp:
        safe.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)


def write_parquet(frame: pd.DataFrame, target: Path, *, index: bool = False) -> None:
    data = frame.reset_index() if index else frame
    with atomic_path(target) as tmp:
        data.to_parquet(tmp, index=False)


def sheet_name(name: str, used: set[str]) -> str:
    """``name`` as a valid, unused sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'")[:SHEET_NAME_MAX] or "sheet"
    candidate, i = base, 2
    while candidate in used:
        suffix = f"_{i}"
        candidate, i = base[: SHEET_NAME_MAX - len(suffix)] + suffix, i + 1
    used.add(candidate)
    return candidate


def write_xlsx(tables: dict[str, pd.DataFrame], target: Path) -> dict[str, str]:
    """One formatted sheet per table: bold frozen header, auto-filter, column widths, number formats.

    Returns table name -> sheet name.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    names: dict[str, str] = {}
    header_fill = PatternFill("solid", fgColor="DDE7F0")
    for name, table in tables.items():
        sheet = book.create_sheet(sheet_name(name, used))
        names[name] = sheet.title
        safe = neutralise_frame(table)
        sheet.append([_xlsx_value(str(c)) for c in safe.columns])
        for row in safe.itertuples(index=False):
            sheet.append([_xlsx_value(v) for v in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.freeze_panes = "A2"
        if len(safe.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(safe.columns))}{max(1, len(safe) + 1)}"
        for i, (col, original) in enumerate(zip(safe.columns, table.columns), 1):
            letter = get_column_letter(i)
            values = safe.iloc[:200, i - 1].astype(str)
            width = max([len(str(col))] + values.str.len().tolist())
            sheet.column_dimensions[letter].width = min(max(10, width + 2), 70)
            kind = _number_format(str(original), table.iloc[:, i - 1])
            if kind:
                for cell in sheet[letter][1:]:
                    cell.number_format = kind
            elif width > 70:
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    with atomic_path(target) as tmp:
        book.save(tmp)
    return names


def _xlsx_value(value: object) -> object:
    """A cell value openpyxl can store: no NA, plain Python numbers, no control characters."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _number_format(column: str, values: pd.Series) -> str | None:
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return None
    if "share" in column:
        return "0.0%"
    if column.startswith("p_"):
        return "0.000000"
    if column in ("lift", "expected"):
        return "0.00"
    if pd.api.types.is_integer_dtype(values):
        return "#,##0"
    return "#,##0.00"
