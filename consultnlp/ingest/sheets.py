"""Spreadsheets as people make them: .xlsx (openpyxl), .xls and .ods (python-calamine).

Several sheets: without ``--sheet``, the one with the most free text is read and
the choice is reported (or, when two are alike, the user is asked). Title rows
and merged cells above the header are skipped and reported; ``--header-row N``
names the header row. Every cell is read as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import pandas as pd

from consultnlp.errors import InputError, literal, missing_dependency
from consultnlp.ingest.columns import TEXT_NAME_HINTS, text_likeness
from consultnlp.ingest.encoding import clean_controls
from consultnlp.ingest.formats import INPUT_FORMATS
from consultnlp.ingest.info import IngestInfo
from consultnlp.ingest.rows import (
    cell_text,
    column_names,
    controls_warning,
    find_header_row,
    skipped_rows_warning,
    trim_row,
)

SHEET_FORMATS = tuple(name for name, fmt in INPUT_FORMATS.items() if fmt.sheet)  # ingest.formats
SCAN_ROWS = 500  # rows looked at per sheet when choosing one
CLEAR_LEAD = 2.0  # the chosen sheet scores at least this many times the next one, or the user is asked


class _Cells:
    """Cell values to text with control characters removed, counting them."""

    def __init__(self) -> None:
        self.removed = 0

    def row(self, values: Iterable[Any]) -> list[str]:
        out = []
        for value in values:
            text, n = clean_controls(cell_text(value))
            self.removed += n
            out.append(text)
        return trim_row(out)


class _OpenpyxlBook:
    """.xlsx through openpyxl, which keeps a formula's text (citizen text that starts with "=")."""

    def __init__(self, path: Path) -> None:
        from zipfile import BadZipFile

        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException

        # Handles, not the path: openpyxl refuses a path whose extension is not .xlsx (--format-in xlsx on a .csv).
        # The workbook is opened twice: with formulas (a text cell that begins with "=" is read as written) and with
        # the values the spreadsheet saved for its formulas, so that a formula is read as its value, never as its source.
        self._handles = [path.open("rb"), path.open("rb")]
        try:
            self._book = openpyxl.load_workbook(self._handles[0], read_only=True, data_only=False)
            self._values = openpyxl.load_workbook(self._handles[1], read_only=True, data_only=True)
        except (InvalidFileException, BadZipFile, KeyError, OSError) as exc:
            for handle in self._handles:
                handle.close()
            raise InputError(
                f"{path.name} is not a readable .xlsx workbook ({exc}). Open it in Excel and save it as .xlsx again."
            ) from None
        self.names: list[str] = list(self._book.sheetnames)
        self.charts = {name for name in self.names if not hasattr(self._book[name], "iter_rows")}
        self.formulas = Formulas()

    def rows(self, name: str) -> Iterator[Sequence[Any]]:
        if name in self.charts:
            return iter(())  # a chart sheet holds no cells: it reads as empty
        sheets = [self._book[name], self._values[name]]
        for sheet in sheets:
            # Some writers record a wrong size ("A1") for the sheet; read_only mode would stop there.
            sheet.reset_dimensions()
        return (
            self.formulas.resolve(written, saved)
            for written, saved in zip(*(sheet.iter_rows(values_only=True) for sheet in sheets), strict=False)
        )

    def close(self) -> None:
        self._book.close()
        self._values.close()
        for handle in self._handles:
            handle.close()


class Formulas:
    """Formula cells: read as the value the spreadsheet saved for them; the source of those without one is remembered,
    so that a row whose text is such a formula is set aside (``formula``) rather than analysed as a citizen's words."""

    def __init__(self) -> None:
        self.valued = 0
        self.unvalued: set[str] = set()

    def resolve(self, written: Sequence[Any], saved: Sequence[Any]) -> list[Any]:
        out = list(written)
        for i, value in enumerate(out):
            if not (isinstance(value, str) and value.startswith("=")):
                continue
            cached = saved[i] if i < len(saved) else None
            if cached == value:
                continue  # a text cell that begins with "=" (no formula behind it): the citizen's own words
            if cached is None:
                self.unvalued.add(value)
            else:
                out[i] = cached
                self.valued += 1
        return out


class _CalamineBook:
    """.xls and .ods through python-calamine (a maintained Rust reader; xlrd 2 no longer reads .xls it did not write)."""

    def __init__(self, path: Path, fmt: str) -> None:
        try:
            from python_calamine import CalamineWorkbook
        except ImportError:  # pragma: no cover - a declared dependency
            raise missing_dependency("python-calamine", None, f"Reading .{fmt} files") from None
        self._path, self._fmt = path, fmt
        try:
            self._book = CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # calamine raises its own types for every kind of damage
            raise self._unreadable(exc) from None
        self.names = list(self._book.sheet_names)
        self.charts: set[str] = set()

    def _unreadable(self, exc: Exception) -> InputError:
        detail = f"{type(exc).__name__}: {exc}".replace("\n", " ")
        return InputError(
            f"{self._path.name} is not a readable .{self._fmt} workbook ({detail}). Open it in Excel or LibreOffice and save it as .xlsx."
        )

    def rows(self, name: str) -> Iterator[Sequence[Any]]:
        try:
            return iter(self._book.get_sheet_by_name(name).to_python(skip_empty_area=False))
        except Exception as exc:
            raise self._unreadable(exc) from None

    def close(self) -> None:
        self._book.close()


def open_book(path: Path, fmt: str) -> _OpenpyxlBook | _CalamineBook:
    return _OpenpyxlBook(path) if fmt == "xlsx" else _CalamineBook(path, fmt)


@dataclass
class SheetProfile:
    """How much a sheet looks like the comments: its best free-text column and its rows (among the first SCAN_ROWS)."""

    name: str
    rows: int
    column: str
    likeness: float
    hinted: bool
    has_text_column: bool

    @property
    def text_like(self) -> bool:
        return self.likeness >= 10 or (self.hinted and self.likeness >= 5)

    @property
    def score(self) -> float:
        return self.likeness * (1.5 if self.hinted else 1.0) * self.rows

    @property
    def summary(self) -> str:
        rows = f"{self.rows}+" if self.rows >= SCAN_ROWS - 1 else str(self.rows)
        return f'{rows} rows, column "{self.column}"'


def profile_sheet(name: str, rows: list[list[str]], text_column: str | None) -> SheetProfile | None:
    """None for an empty sheet."""
    if not any(rows):
        return None
    h = find_header_row(rows)
    data = [r for r in rows[h + 1 :] if r]
    width = max(len(r) for r in [rows[h], *data])
    names = column_names(rows[h], width)
    best = (0.0, names[0], False)
    for j, col in enumerate(names):
        likeness = text_likeness(pd.Series([r[j] if j < len(r) else "" for r in data], dtype=str))
        hinted = col.strip().lower() in TEXT_NAME_HINTS
        if likeness * (1.5 if hinted else 1.0) > best[0] * (1.5 if best[2] else 1.0):
            best = (likeness, col, hinted)
    return SheetProfile(name, len(data), best[1], best[0], best[2], text_column is not None and text_column in names)


def choose_sheet(book: _OpenpyxlBook | _CalamineBook, file_name: str, text_column: str | None, warnings: list[str]) -> str:
    """The sheet with the most free text; a warning says which, an error lists them when two are alike."""
    cells = _Cells()
    profiles = [
        p for p in (profile_sheet(n, [cells.row(r) for r in islice(book.rows(n), SCAN_ROWS)], text_column) for n in book.names) if p
    ]
    if not profiles:
        return book.names[0]
    candidates = [p for p in profiles if p.has_text_column] or profiles
    texty = sorted((p for p in candidates if p.text_like), key=lambda p: p.score, reverse=True)
    if len(candidates) == 1:
        chosen, reason = candidates[0], f'it has the column "{text_column}"' if candidates[0].has_text_column and len(profiles) > 1 else ""
    elif not texty:
        chosen, reason = candidates[0], "the first with data; none looks like free text"
    elif len(texty) == 1 or texty[0].score >= CLEAR_LEAD * texty[1].score:
        chosen, reason = texty[0], f"the most free text: {texty[0].summary}"
    else:
        alike = ", ".join(f'"{p.name}" ({p.summary})' for p in texty[:5])
        raise InputError.about(
            f"{literal(file_name)} has several sheets that could hold the comments: {literal(alike)}. Use {{sheet}} with one of them.",
            "sheet",
        )
    others = [p.name for p in profiles if p is not chosen]
    if others:
        left = ", ".join(f'"{n}"' for n in others)
        warnings.append(
            f'{file_name} has {len(profiles)} sheets with data; read "{chosen.name}" ({reason}), not {left}. Use --sheet NAME to read another.'
        )
    return chosen.name


def table_from_rows(rows: list[list[str]], info: IngestInfo, header_row: int | None) -> pd.DataFrame:
    """An all-text frame from a sheet's rows: the header found (or given), rows above it reported, empty rows dropped."""
    where = info.where
    if not any(rows):
        raise InputError(f"{where} is empty. Put a header row and at least one comment in it.")
    if header_row is not None:
        if header_row > len(rows) or not rows[header_row - 1]:
            last = max(i for i, r in enumerate(rows) if r) + 1
            place = "past the last row" if header_row > last else "an empty row"
            raise InputError.about(
                f"{literal(where)}: {{header_row:{header_row}}} is {place} (the sheet has rows 1-{last}). Give the row that holds the column names.",
                "header_row",
            )
        h = header_row - 1
    else:
        h = find_header_row(rows)
        if any(rows[:h]):
            info.warnings.append(skipped_rows_warning(where, h, rows))
    info.header_row = h + 1
    data = [r for r in rows[h + 1 :] if any(c.strip() for c in r)]
    width = max(len(r) for r in [rows[h], *data])
    return pd.DataFrame([r + [""] * (width - len(r)) for r in data], columns=column_names(rows[h], width), dtype=str)


def read_sheet(
    path: Path, fmt: str, info: IngestInfo, *, sheet: str | None, header_row: int | None, text_column: str | None
) -> pd.DataFrame:
    """Read one sheet of a workbook into an all-text frame; ``info`` gets the sheet, header row and warnings."""
    if path.stat().st_size == 0:
        raise InputError(f"{path.name} is empty. Export the consultation with a header row and at least one comment.")
    book = open_book(path, fmt)
    try:
        if sheet is not None and sheet not in book.names:
            found = ", ".join(book.names)
            raise InputError.about(
                f'{literal(path.name)} has no sheet "{literal(sheet)}". Sheets found: {literal(found)}. Use {{sheet}} with one of them.',
                "sheet",
            )
        if sheet in book.charts:
            tables = ", ".join(n for n in book.names if n not in book.charts)
            raise InputError.about(
                f'{literal(path.name)} (sheet "{literal(sheet)}") is a chart, not a table. Use {{sheet}} with one of: {literal(tables)}.',
                "sheet",
            )
        if sheet is None:
            sheet = book.names[0] if len(book.names) == 1 else choose_sheet(book, path.name, text_column, info.warnings)
        info.sheet = sheet
        cells = _Cells()
        rows = [cells.row(r) for r in book.rows(sheet)]
    finally:
        book.close()
    frame = table_from_rows(rows, info, header_row)
    formulas = getattr(book, "formulas", None)
    if formulas is not None and (formulas.valued or formulas.unvalued):
        info.formulas = {"valued": formulas.valued, "unvalued": sorted(clean_controls(f)[0].strip() for f in formulas.unvalued)}
        if formulas.valued:
            info.warnings.append(f"{info.where}: {formulas.valued} formula cell(s) read as the value the spreadsheet saved for them.")
    if cells.removed:
        info.warnings.append(controls_warning(info.where, cells.removed))
    return frame
