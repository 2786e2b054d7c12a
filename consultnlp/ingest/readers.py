"""Readers per file format: CSV/TSV (optionally gzipped), spreadsheets, JSON, JSON Lines and Parquet, into an all-text frame.

The format comes from the file's content (``sniff``), checked against its
extension. Every cell is read as text so ids like ``007`` and citizen text that
starts with ``=`` survive unchanged; NUL and other control characters are
removed (never cutting a cell short) and counted in ``IngestInfo.warnings``.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd

from consultnlp.errors import InputError, literal
from consultnlp.ingest.encoding import (
    CleanTextReader,
    clean_controls,
    decode_with_warning,
    detect_encoding,
    file_blocks,
    open_binary,
    sniff_delimiter,
    take_bytes,
)
from consultnlp.ingest.formats import INPUT_FORMATS, format_names, unknown_format
from consultnlp.ingest.info import IngestInfo
from consultnlp.ingest.rows import (
    HEADER_SCAN_ROWS,
    cell_text,
    clean_frame,
    column_names,
    controls_warning,
    dedupe_names,
    find_header_row,
    skipped_rows_warning,
)
from consultnlp.ingest.sheets import SHEET_FORMATS, read_sheet
from consultnlp.ingest.sniff import FORMATS, resolve_format

__all__ = ["FORMATS", "IngestInfo", "file_sha256", "read_table"]

SNIFF_BYTES = 256 * 1024
READ_FORMATS = format_names()  # ingest.formats
EMPTY = "is empty. Export the consultation with a header row and at least one comment."


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sample_records(sample: str, sep: str, truncated: bool) -> list[list[str]]:
    """The first records of a delimited file, parsed as pandas will (a record cut by the sample's end dropped)."""
    records: list[list[str]] = []
    complete = True
    try:
        for row in csv.reader(io.StringIO(sample, newline=""), delimiter=sep):
            records.append(row)
            if len(records) > HEADER_SCAN_ROWS + 20:
                complete = False
                break
    except csv.Error:  # a cell longer than the csv module's limit: what came before is enough
        complete = False
    if truncated and complete and records:
        records.pop()
    return records


def _parser_error(name: str, sep: str, exc: Exception) -> InputError:
    text = str(exc).strip()
    fields = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text)
    if fields:
        expected, line, saw = fields.groups()
        return InputError(
            f"{name} row {line} has {saw} cells but the table has {expected} columns (delimiter {sep!r}). "
            f"Put quotes around text that contains {sep!r}, or set the delimiter with --set ingest.delimiter=..."
        )
    quote = re.search(r"EOF inside string starting at row (\d+)", text)
    if quote:
        return InputError(
            f'{name} has a quote (") that is never closed, starting on row {int(quote.group(1)) + 1}. Close or remove it and run again.'
        )
    return InputError(f"{name} is not a well-formed delimited file (delimiter {sep!r}): {text}".replace("\n", " "))


def _read_csv(
    path: Path, gzipped: bool, info: IngestInfo, *, encoding: str | None, delimiter: str | None, chunk_rows: int, header_row: int | None
) -> pd.DataFrame:
    """Read a delimited file in chunks of ``chunk_rows`` straight from disk (gzip too), decoding and cleaning on the way."""
    blocks = file_blocks(path, gzipped)
    head = b"".join(take_bytes(blocks(), SNIFF_BYTES))
    if not head.strip():
        raise InputError(f"{path.name} {EMPTY}")
    enc = detect_encoding(blocks, path.name, encoding)
    info.encoding = enc.name
    if enc.warning:
        info.warnings.append(enc.warning)
    sample, _ = clean_controls(codecs.getincrementaldecoder(enc.name)(errors="replace").decode(head).lstrip("\ufeff"))
    # Excel writes "sep=;" as a first line to name the delimiter: take it, and do not count it as a title.
    excel_sep = re.fullmatch(r"sep=(.)", sample.split("\n", 1)[0].strip("\r"))
    hint = 1 if excel_sep else 0
    sep = info.delimiter = sniff_delimiter(
        sample.split("\n", 1)[1] if excel_sep else sample, delimiter or (excel_sep.group(1) if excel_sep else None)
    )
    if len(sep) != 1:
        raise InputError(
            f"the delimiter must be one character; got {sep!r}. Set it with --set ingest.delimiter=';' (or tab), or leave it unset to detect it."
        )
    records = _sample_records(sample, sep, truncated=len(head) >= SNIFF_BYTES)
    if header_row is not None:
        if header_row > len(records) or not any(c.strip() for c in records[header_row - 1]):
            place = "past the first rows" if header_row > len(records) else "an empty row"
            raise InputError.about(
                f"{literal(path.name)}: {{header_row:{header_row}}} is {place} of the file. Give the row that holds the column names.",
                "header_row",
            )
        h = header_row - 1
    else:
        h = hint + (find_header_row(records[hint:]) if records[hint:] else 0)
        if any(any(c.strip() for c in r) for r in records[hint:h]):
            info.warnings.append(skipped_rows_warning(path.name, h, records))
    info.header_row = h + 1
    header = records[h] if records else []
    width = max((len(r) for r in records[h:]), default=1)
    names = column_names(header, width)
    stream = CleanTextReader(open_binary(path, gzipped), enc)
    try:
        # The header is parsed above and given as names: rows shorter than it are padded, longer ones are an error
        # (pandas would otherwise turn the first column into an index, or cut the extra cells off).
        reader = pd.read_csv(
            stream,
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            engine="c",
            skip_blank_lines=True,
            header=None,
            names=names,
            skiprows=h + 1,
            index_col=False,
            chunksize=chunk_rows,
        )
        with reader:
            chunks = list(reader)
    except pd.errors.ParserError as exc:
        raise _parser_error(path.name, sep, exc) from None
    except pd.errors.EmptyDataError:
        raise InputError(f"{path.name} {EMPTY}") from None
    finally:
        stream.close()
    frame = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    frame = frame.fillna("")
    frame = _drop_trailing_delimiters(frame, len(header), path.name, info)
    if stream.removed:
        info.warnings.append(controls_warning(path.name, stream.removed))
    return frame


def _drop_trailing_delimiters(frame: pd.DataFrame, named: int, name: str, info: IngestInfo) -> pd.DataFrame:
    """Columns past the header: dropped when empty everywhere (trailing delimiters), else kept and reported."""
    extra = list(frame.columns[named:])
    filled = {c: frame[c].str.strip() != "" for c in extra}
    kept = [c for c in extra if filled[c].any()]
    if kept:
        rows = pd.concat([filled[c] for c in kept], axis=1).any(axis=1)
        first = int(rows.to_numpy().argmax()) + info.header_row + 1
        info.warnings.append(
            f"{name}: {int(rows.sum())} row(s) have more cells than the header (the first is row {first}); "
            f"the extra cells are kept as {', '.join(kept)}. If a comment was split, put quotes around text that contains {info.delimiter!r}."
        )
    return frame.drop(columns=[c for c in extra if c not in kept])


def _records_frame(records: list[Any], name: str) -> pd.DataFrame:
    if not records:
        raise InputError(f"{name} holds no records. Provide a list of objects, one per comment.")
    if not all(isinstance(r, dict) for r in records):
        raise InputError(f'{name} must hold objects (one per comment, e.g. {{"id": 1, "text": "..."}}), not plain values.')
    frame = pd.json_normalize(records)
    return frame.apply(lambda col: col.map(_json_cell)).astype(str)


def _json_cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return cell_text(value)


def _json_records(data: Any, name: str) -> list[Any]:
    if not isinstance(data, dict):
        return data if isinstance(data, list) else [data]
    # {"data": [...]} or {"comments": [...]} wrappers are common in API exports.
    lists = {k: v for k, v in data.items() if isinstance(v, list) and all(isinstance(r, dict) for r in v)}
    if len(lists) > 1:
        keys = ", ".join(f'"{k}"' for k in lists)
        raise InputError(f"{name} holds several lists of records ({keys}). Keep only the one with the comments, or save it as JSON Lines.")
    return next(iter(lists.values())) if lists else [data]


def _read_json(path: Path, gzipped: bool, lines: bool, encoding: str | None, info: IngestInfo) -> pd.DataFrame:
    raw = gzip.decompress(path.read_bytes()) if gzipped else path.read_bytes()
    if not raw.strip():
        raise InputError(f"{path.name} is empty. Provide at least one comment record.")
    text, enc = decode_with_warning(raw, encoding, path.name)
    info.encoding = enc.name
    if enc.warning:
        info.warnings.append(enc.warning)
    text = text.lstrip("\ufeff")
    if lines:
        records = []
        # Only "\n" ends a record: str.splitlines() would also split at U+2028 and other characters that JSON strings may hold.
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line, strict=False))
            except json.JSONDecodeError as exc:
                if number == 1 and _parses(text):
                    raise InputError.about(
                        f"{literal(path.name)} holds one JSON document, not JSON Lines (one object per line). Rename it to .json or pass "
                        "{format_in:json}.",
                        "format_in",
                    ) from None
                raise InputError(
                    f"{path.name} line {number}, column {exc.colno}: not valid JSON ({exc.msg}). Each line must hold one complete object; fix or remove that line."
                ) from None
    else:
        try:
            data = json.loads(text, strict=False)
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data" and all(_parses(line) for line in text.split("\n")[:2] if line.strip()):
                raise InputError.about(
                    f"{literal(path.name)} holds JSON Lines (one object per line), not one JSON document. Rename it to .jsonl or pass "
                    "{format_in:jsonl}.",
                    "format_in",
                ) from None
            raise InputError(
                f"{path.name} line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}). Fix the file there and run again."
            ) from None
        records = _json_records(data, path.name)
    return _records_frame(records, path.name)


def _parses(text: str) -> bool:
    try:
        json.loads(text, strict=False)
    except ValueError:
        return False
    return True


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several unrelated types for corrupt files
        raise InputError(f"{path.name} is not a readable Parquet file ({type(exc).__name__}: {exc}).".replace("\n", " ")) from None
    return frame.apply(lambda col: col.map(_json_cell)).astype(str)


def read_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    chunk_rows: int = 100_000,
    header_row: int | None = None,
    format: str | None = None,  # noqa: A002 - the config key's name
    text_column: str | None = None,
) -> tuple[pd.DataFrame, IngestInfo]:
    """Read any supported file into an all-text frame (no index handling yet).

    ``format`` overrides the detected format; ``text_column`` helps choose among
    several sheets (the one that has it). What was guessed or repaired on the
    way is listed in ``IngestInfo.warnings``.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path} does not exist. Check the path (current folder: {Path.cwd()}).")
    if path.is_dir():
        raise InputError(f"{path} is a folder. Give the path of a consultation file (.csv, .xlsx, .json, .parquet ...).")
    if format is not None and format not in INPUT_FORMATS:
        raise InputError(unknown_format(format, "format"))
    resolved = resolve_format(path, format, encoding)
    fmt = resolved.format
    if sheet is not None and fmt not in SHEET_FORMATS:
        raise InputError.about(
            f"{{sheet}} applies to spreadsheets (.xlsx, .xls, .ods) only; {literal(path.name)} is {fmt.upper()}. Remove {{sheet}}.",
            "sheet",
        )
    if header_row is not None and not INPUT_FORMATS[fmt].header_row:
        raise InputError.about(
            f"{{header_row}} applies to CSV files and spreadsheets only; {literal(path.name)} is {fmt.upper()}. Remove {{header_row}}.",
            "header_row",
        )
    info = IngestInfo(path=str(path), file_name=path.name, sha256=file_sha256(path), format=fmt, warnings=list(resolved.warnings))
    if fmt == "csv":
        frame = _read_csv(
            path, resolved.gzipped, info, encoding=encoding, delimiter=delimiter, chunk_rows=chunk_rows, header_row=header_row
        )
    elif fmt in SHEET_FORMATS:
        frame = read_sheet(path, fmt, info, sheet=sheet, header_row=header_row, text_column=text_column)
    else:
        if fmt in ("json", "jsonl"):
            frame = _read_json(path, resolved.gzipped, fmt == "jsonl", encoding, info)
        else:
            frame = _read_parquet(path)
        frame, removed = clean_frame(frame)
        if removed:
            info.warnings.append(controls_warning(path.name, removed))
    frame.columns = dedupe_names([str(c).strip() or f"column_{i + 1}" for i, c in enumerate(frame.columns)])
    if frame.empty:
        raise InputError(f"{info.where} has a header but no rows. Export the consultation with at least one comment.")
    return frame, info
