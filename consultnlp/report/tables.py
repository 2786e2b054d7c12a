"""Write the comment frame and the summary tables as CSV, Parquet and XLSX."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from consultnlp.report.files import atomic_path
from consultnlp.report.safety import neutralise_frame

SHEET_NAME_MAX = 31


def write_csv(frame: pd.DataFrame, target: Path, *, index: bool = False) -> None:
    """UTF-8 CSV with formula-neutralised text, LF line ends, written atomically."""
    safe = neutralise_frame(frame.reset_index() if index else frame)
    with atomic_path(target) as tmp:
        safe.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")


def write_parquet(frame: pd.DataFrame, target: Path, *, index: bool = False) -> None:
    data = frame.reset_index() if index else frame
    with atomic_path(target) as tmp:
        data.to_parquet(tmp, index=False)


def sheet_name(name: str, used: set[str]) -> str:
    base = name[:SHEET_NAME_MAX]
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
        sheet.append([str(c) for c in safe.columns])
        for row in safe.itertuples(index=False):
            sheet.append([None if (not isinstance(v, str) and pd.isna(v)) else (v.item() if hasattr(v, "item") else v) for v in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.freeze_panes = "A2"
        if len(safe.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(safe.columns))}{max(1, len(safe) + 1)}"
        for i, col in enumerate(safe.columns, 1):
            letter = get_column_letter(i)
            values = safe[col].head(200).astype(str)
            width = max([len(str(col))] + values.str.len().tolist())
            sheet.column_dimensions[letter].width = min(max(10, width + 2), 70)
            kind = _number_format(str(col), table[col])
            if kind:
                for cell in sheet[letter][1:]:
                    cell.number_format = kind
            elif width > 70:
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    with atomic_path(target) as tmp:
        book.save(tmp)
    return names


def _number_format(column: str, values: pd.Series) -> str | None:
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return None
    if "share" in column:
        return "0.0%"
    if column.startswith("p_"):
        return "0.0000"
    if pd.api.types.is_integer_dtype(values):
        return "#,##0"
    return "#,##0.00"
