"""Files recognised by content: what the bytes are, checked against the name, and --format-in."""

import json
from pathlib import Path

import pytest

from consultnlp import schema
from consultnlp.errors import InputError
from consultnlp.ingest import ingest
from consultnlp.ingest.sniff import format_from_name, sniff_content
from tests.ingest.files import (
    HEADER,
    csv_text,
    gz,
    ods,
    ole,
    parquet,
    rows,
    write,
    xls,
    xlsx_bytes,
    zip_of,
)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("a.csv", ("csv", False)),
        ("a.CSV.GZ", ("csv", True)),
        ("a.xls", ("xls", False)),
        ("a.ods", ("ods", False)),
        ("a.ndjson", ("jsonl", False)),
        ("a.pdf", (None, False)),
        ("a", (None, False)),
    ],
)
def test_sniff_format_from_name(name, expected):
    assert format_from_name(Path(name)) == expected


@pytest.mark.parametrize(
    "build,kind",
    [
        (lambda d: write(d, "x", xlsx_bytes({"H": [HEADER]})), "xlsx"),
        (lambda d: ods(d, "x", {"H": [HEADER]}), "ods"),
        (lambda d: xls(d, "x", {"H": [HEADER]}), "xls"),
        (lambda d: parquet(d, "x"), "parquet"),
        (lambda d: ole(d, "x", ["PowerPoint Document"]), "ppt"),
        (lambda d: write(d, "x", "\ufeff  <html><body>"), "html"),
        (lambda d: write(d, "x", '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'), "spreadsheetml"),
        (lambda d: write(d, "x", "{\\rtf1\\ansi hola}"), "rtf"),
        (lambda d: write(d, "x", "[id],[texto]\n1,hola\n"), "text"),  # a bracketed CSV header is not JSON
        (lambda d: write(d, "x", '[\n  {"texto": "hola"}\n]'), "json"),
        (lambda d: write(d, "x", '{"texto": "hola"}\n{"texto": "chau"}\n'), "jsonl"),
    ],
)
def test_sniff_content_kind(tmp_path, build, kind):
    assert sniff_content(build(tmp_path)).kind == kind


def test_sniff_zip_lists_a_few_members(tmp_path):
    path = zip_of(tmp_path, "c.csv", {f"parte{i}.csv": "x" for i in range(5)})
    with pytest.raises(InputError) as err:
        ingest(path)
    assert (
        str(err.value)
        == "c.csv is a ZIP archive holding parte0.csv, parte1.csv, parte2.csv and 2 more, not a data file. Unzip it and pass the file inside."
    )


def test_sniff_gzipped_workbook_says_decompress(tmp_path):
    with pytest.raises(InputError) as err:
        ingest(write(tmp_path, "c.xlsx.gz", gz(xlsx_bytes({"H": [HEADER, *rows(3)]}))))
    assert (
        str(err.value)
        == "c.xlsx.gz is a gzip-compressed file holding a ZIP archive, not a data file. Decompress it and look at what it holds."
    )


def test_sniff_gzipped_parquet_says_decompress(tmp_path):
    data = parquet(tmp_path, "p.parquet").read_bytes()
    with pytest.raises(InputError) as err:
        ingest(write(tmp_path, "c.parquet.gz", gz(data)))
    assert (
        str(err.value) == "c.parquet.gz is a gzip-compressed file holding a Parquet file. Decompress it (gunzip) and pass the file inside."
    )


def test_sniff_gz_name_without_compression_is_read_with_a_warning(tmp_path):
    frame, info = ingest(write(tmp_path, "c.csv.gz", csv_text()))
    assert len(frame) == 30 and info.warnings == ["c.csv.gz is not compressed despite its .gz name; read it as it is."]


def test_sniff_format_in_reads_a_misnamed_workbook(tmp_path):
    frame, info = ingest(write(tmp_path, "c.csv", xlsx_bytes({"Hoja1": [HEADER, *rows(5)]})), format="xlsx")
    assert (info.format, info.sheet, len(frame)) == ("xlsx", "Hoja1", 5)


def test_sniff_format_in_reads_an_unknown_extension(tmp_path):
    frame, info = ingest(write(tmp_path, "export.dat", csv_text(sep=";")), format="csv")
    assert (info.format, info.delimiter, len(frame)) == ("csv", ";", 30)


def test_sniff_format_in_decides_between_text_formats(tmp_path):
    path = write(tmp_path, "c.txt", json.dumps([{"texto": t} for _, _, t in rows(4)]))
    frame, info = ingest(path, format="json")
    assert info.format == "json" and frame[schema.TEXT].tolist() == [t for _, _, t in rows(4)]


def test_sniff_format_in_jsonl_on_a_json_document(tmp_path):
    path = write(tmp_path, "c.txt", json.dumps([{"texto": t} for _, _, t in rows(4)], indent=2))
    with pytest.raises(InputError) as err:
        ingest(path, format="jsonl")
    assert (
        str(err.value) == "c.txt holds one JSON document, not JSON Lines (one object per line). Rename it to .json or pass format_in=json."
    )


def test_sniff_format_in_unknown_is_an_error(tmp_path):
    with pytest.raises(InputError) as err:
        ingest(write(tmp_path, "c.csv", csv_text()), format="pdf")
    assert str(err.value) == "format pdf: unknown format. Use one of: csv, xlsx, xls, ods, json, jsonl, parquet."


def test_sniff_header_row_on_json_is_an_error(tmp_path):
    with pytest.raises(InputError) as err:
        ingest(write(tmp_path, "c.json", json.dumps([{"texto": "hola"}])), header_row=2)
    assert str(err.value) == "header_row= applies to CSV files and spreadsheets only; c.json is JSON. Remove header_row=."


def test_sniff_damaged_xlsx_says_how_to_fix(tmp_path):
    data = xlsx_bytes({"H": [HEADER, *rows(3)]})
    with pytest.raises(InputError) as err:
        ingest(write(tmp_path, "c.xlsx", data[: len(data) // 2]))
    assert str(err.value).startswith("c.xlsx is a damaged ZIP/Office file (")
