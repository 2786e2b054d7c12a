"""Readers per file format: CSV/TSV (optionally gzipped), XLSX, JSON, JSONL and Parquet, into an all-text frame.

Every cell is read as text so ids like ``007`` and citizen text that starts with
``=`` survive unchanged.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from consultnlp.errors import InputError
from consultnlp.ingest.encoding import (
    decode_bytes,
    open_binary,
    sniff_delimiter,
    sniff_encoding,
)

FORMATS = {
    ".csv": "csv", ".tsv": "csv", ".tab": "csv", ".txt": "csv",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".parquet": "parquet", ".pq": "parquet",
}
SNIFF_BYTES = 256 * 1024


@dataclass
class IngestInfo:
    """What was read and how; recorded in the manifest."""

    path: str
    file_name: str
    sha256: str
    format: str
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    text_column: str = ""
    text_column_auto: bool = False
    id_column: str | None = None
    segment_columns: list[str] = field(default_factory=list)
    renamed_columns: dict[str, str] = field(default_factory=dict)
    n_rows: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def detect_format(path: Path) -> tuple[str, bool]:
    """Return (format, gzipped) from the file name, or raise naming the supported ones."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    ext = suffixes[-2] if gzipped and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    if ext not in FORMATS or (gzipped and FORMATS[ext] not in ("csv", "jsonl", "json")):
        supported = ", ".join(sorted(FORMATS)) + " (CSV/TSV/JSON also .gz)"
        if ext == ".xls":
            raise InputError(f"{path.name}: old Excel .xls files are not supported. Save it as .xlsx (File > Save As) and run again.")
        raise InputError(f"{path.name}: unsupported file type '{ext or path.suffix or '(none)'}'. Supported: {supported}.")
    return FORMATS[ext], gzipped


def _read_csv(
    path: Path, gzipped: bool, encoding: str | None, delimiter: str | None, chunk_rows: int = 100_000
) -> tuple[pd.DataFrame, str, str]:
    """Read a delimited file in chunks of ``chunk_rows`` straight from disk (gzip too)."""
    with open_binary(path, gzipped) as handle:
        if not handle.read(SNIFF_BYTES).strip():
            raise InputError(f"{path.name} is empty. Export the consultation with a header row and at least one comment.")
    used_encoding = sniff_encoding(path, gzipped, encoding)
    try:
        with open_binary(path, gzipped) as handle:
            sample = handle.read(SNIFF_BYTES).decode(used_encoding, errors="ignore")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}. Use a name such as utf-8, cp1252 or latin-1, or leave it unset to detect it.") from None
    sep = sniff_delimiter(sample.lstrip("\ufeff"), delimiter)
    try:
        reader = pd.read_csv(
            path, sep=sep, dtype=str, keep_default_na=False, na_filter=False, engine="c", skip_blank_lines=True,
            encoding=used_encoding, compression="gzip" if gzipped else None, chunksize=chunk_rows,
            encoding_errors="strict",
        )
        with reader:
            chunks = list(reader)
    except pd.errors.ParserError as exc:
        raise InputError(f"{path.name} is not a well-formed delimited file (delimiter {sep!r}): {exc}".replace("\n", " ")) from None
    except pd.errors.EmptyDataError:
        raise InputError(f"{path.name} is empty. Export the consultation with a header row and at least one comment.") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path.name} is not valid {used_encoding} ({exc.reason} at byte {exc.start}). Leave the encoding unset to detect it.") from None
    frame = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    return frame, used_encoding, sep


def _cell_to_str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path, sheet: str | None) -> tuple[pd.DataFrame, str]:
    from zipfile import BadZipFile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if path.stat().st_size == 0:
        raise InputError(f"{path.name} is empty. Export the consultation with a header row and at least one comment.")
    try:
        # data_only=False: a citizen's text that begins with "=" is stored as a formula; we want its text, not a value.
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, BadZipFile, KeyError, OSError) as exc:
        raise InputError(f"{path.name} is not a readable .xlsx workbook ({exc}). Open it in Excel and save it as .xlsx again.") from None
    try:
        names = book.sheetnames
        if sheet is None:
            sheet_name = names[0]
        elif sheet in names:
            sheet_name = sheet
        else:
            raise InputError(f'{path.name} has no sheet "{sheet}". Sheets found: {", ".join(names)}. Use --sheet with one of them.')
        rows = book[sheet_name].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None or all(h is None for h in header):
            raise InputError(f'{path.name} (sheet "{sheet_name}") is empty. Put a header row and at least one comment in it.')
        width = max(i + 1 for i, h in enumerate(header) if h is not None)
        names_row = [_cell_to_str(h).strip() or f"column_{i + 1}" for i, h in enumerate(header[:width])]
        records = []
        for row in rows:
            cells = [_cell_to_str(v) for v in row[:width]]
            if not any(c.strip() for c in cells):
                continue
            records.append(cells + [""] * (width - len(cells)))
    finally:
        book.close()
    return pd.DataFrame(records, columns=_dedupe_names(names_row), dtype=str), sheet_name


def _dedupe_names(names: list[str]) -> list[str]:
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


def _records_frame(records: list[Any], name: str) -> pd.DataFrame:
    if not records:
        raise InputError(f"{name} holds no records. Provide a list of objects, one per comment.")
    if not all(isinstance(r, dict) for r in records):
        raise InputError(f"{name} must hold objects (one per comment, e.g. {{\"id\": 1, \"text\": \"...\"}}), not plain values.")
    frame = pd.json_normalize(records)
    return frame.apply(lambda col: col.map(_json_cell)).astype(str)


def _json_cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return _cell_to_str(value)


def _read_json(path: Path, gzipped: bool, lines: bool, encoding: str | None) -> tuple[pd.DataFrame, str]:
    raw = gzip.decompress(path.read_bytes()) if gzipped else path.read_bytes()
    if not raw.strip():
        raise InputError(f"{path.name} is empty. Provide at least one comment record.")
    text, used = decode_bytes(raw, encoding)
    try:
        if lines:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            data = json.loads(text)
            if isinstance(data, dict):
                # {"data": [...]} or {"comments": [...]} wrappers are common in API exports.
                lists = [v for v in data.values() if isinstance(v, list)]
                data = lists[0] if len(lists) == 1 else [data]
            records = data
    except json.JSONDecodeError as exc:
        kind = "JSON Lines (one object per line)" if lines else "JSON"
        raise InputError(f"{path.name} is not valid {kind}: {exc}.") from None
    return _records_frame(records, path.name), used


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
) -> tuple[pd.DataFrame, IngestInfo]:
    """Read any supported file into an all-text frame (no index handling yet)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path} does not exist. Check the path (current folder: {Path.cwd()}).")
    if path.is_dir():
        raise InputError(f"{path} is a folder. Give the path of a consultation file (.csv, .xlsx, .json, .parquet ...).")
    fmt, gzipped = detect_format(path)
    if sheet is not None and fmt != "xlsx":
        raise InputError(f"--sheet applies to .xlsx files only; {path.name} is {fmt.upper()}. Remove --sheet.")
    info = IngestInfo(path=str(path), file_name=path.name, sha256=file_sha256(path), format=fmt)
    if fmt == "csv":
        frame, info.encoding, info.delimiter = _read_csv(path, gzipped, encoding, delimiter, chunk_rows)
    elif fmt == "xlsx":
        frame, info.sheet = _read_xlsx(path, sheet)
    elif fmt in ("json", "jsonl"):
        frame, info.encoding = _read_json(path, gzipped, fmt == "jsonl", encoding)
    else:
        frame = _read_parquet(path)
    frame.columns = _dedupe_names([str(c).strip() or f"column_{i + 1}" for i, c in enumerate(frame.columns)])
    if frame.empty:
        where = f'{path.name} (sheet "{info.sheet}")' if info.sheet else path.name
        raise InputError(f"{where} has a header but no rows. Export the consultation with at least one comment.")
    return frame, info
