"""Write the comment frame and the summary tables as CSV, Parquet and XLSX."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from consultnlp.files import atomic_path
from consultnlp.i18n import reason_name, workbook
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


def write_xlsx(
    tables: dict[str, pd.DataFrame],
    target: Path,
    *,
    lang: str = "en",
    segment_tables: dict[str, str] | None = None,
    title: str = "",
) -> dict[str, str]:
    """A workbook for people: a "read me" sheet first, then one formatted sheet per table (bold frozen header,
    auto-filter, column widths, number formats) with sheet names and headers in ``lang``.

    ``segment_tables`` maps each segment column to its table name. Returns table name -> sheet name.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    segment_of = {table: column for column, table in (segment_tables or {}).items()}
    segments = list(segment_of.values())
    book = Workbook()
    readme = book.active
    used: set[str] = {sheet_name(workbook.README[lang], set())}
    readme.title = workbook.README[lang]
    names: dict[str, str] = {}
    header_fill = PatternFill("solid", fgColor="DDE7F0")
    for name, table in tables.items():
        column = segment_of.get(name)
        sheet = book.create_sheet(sheet_name(workbook.sheet_title(name, lang, column), used))
        names[name] = sheet.title
        shown = _readable(table, name, lang, segments)
        safe = neutralise_frame(shown)
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
    _write_readme(readme, tables, names, segment_of, lang, title, header_fill)
    with atomic_path(target) as tmp:
        book.save(tmp)
    return names


def _readable(table: pd.DataFrame, name: str, lang: str, segments: list[str]) -> pd.DataFrame:
    """``table`` with headers (and the overview's measures) in ``lang``; values are kept as they are."""
    out = table.copy()
    if name == "overview" and "metric" in out:
        out["metric"] = [_metric(str(m), lang) for m in out["metric"]]
    if name == "exclusions" and "reason" in out:
        out["reason"] = [reason_name(str(r), lang) for r in out["reason"]]
    out.columns = [workbook.column_header(str(c), lang, segments) for c in out.columns]
    return out


def _metric(metric: str, lang: str) -> str:
    if metric in workbook.METRICS:
        return workbook.METRICS[metric][lang]
    if metric.startswith("excluded_"):
        return workbook.EXCLUDED_METRIC[lang].format(reason=reason_name(metric[len("excluded_") :], lang))
    return metric


def _write_readme(sheet, tables, names, segment_of, lang, title, header_fill) -> None:  # noqa: ANN001 - openpyxl objects
    from openpyxl.styles import Alignment, Font

    sheet.append([workbook.README_INTRO[lang].format(title=title)])
    sheet.append([])
    sheet.append([h[lang] for h in workbook.README_HEADERS])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    for name in tables:
        sheet.append([names[name], workbook.sheet_description(name, lang, segment_of.get(name)), f"tables/{name}.csv"])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    sheet.column_dimensions["C"].width = 34
    for row in sheet.iter_rows(min_row=4):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")


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
