"""CLI behaviour on bad input: one line, 'Error: ...', exit code 1, never a traceback."""

import json
from importlib import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consultnlp import __version__
from consultnlp.cli import app
from tests.ingest.files import CASES, csv_text, write

runner = CliRunner()


def _run(*args: str):
    result = runner.invoke(app, ["analyze", *args, "--quiet", "--no-cache"])
    return result


def _assert_error(result, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [l for l in result.output.splitlines() if l.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: "), lines[0]
    assert expected in lines[0], lines[0]
    assert "Traceback" not in result.output


def test_cli_missing_file(tmp_path: Path):
    _assert_error(_run(str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o")), "nope.csv does not exist")


def test_cli_empty_file(write_file, tmp_path):
    _assert_error(_run(str(write_file("empty.csv", "")), "--out", str(tmp_path / "o")), "empty.csv is empty")


def test_cli_header_only_file(write_file, tmp_path):
    _assert_error(_run(str(write_file("h.csv", "id,comentario\n")), "--out", str(tmp_path / "o")), "h.csv has a header but no rows")


def test_cli_no_text_like_column(write_file, tmp_path):
    path = write_file("n.csv", "id,edad,region\n1,34,Norte\n2,51,Sur\n3,22,Norte\n")
    _assert_error(
        _run(str(path), "--out", str(tmp_path / "o")),
        "n.csv has no column that looks like free text. Found: id, edad, region. Use --text-column NAME.",
    )


def test_cli_text_column_not_found_lists_columns(write_file, tmp_path):
    path = write_file("c.csv", "id,Comentario,Region\n1,Más información pública sobre contratos,Norte\n")
    _assert_error(
        _run(str(path), "--out", str(tmp_path / "o"), "--text-column", "texto"),
        'c.csv has no column "texto". Found: id, Comentario, Region. Use --text-column Comentario.',
    )


def test_cli_sheet_not_found_lists_sheets(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Respuestas"
    book.active.append(["comentario"])
    book.active.append(["Más información pública sobre contratos"])
    book.create_sheet("Resumen")
    path = tmp_path / "c.xlsx"
    book.save(path)
    _assert_error(
        _run(str(path), "--out", str(tmp_path / "o"), "--sheet", "Hoja1"), 'c.xlsx has no sheet "Hoja1". Sheets found: Respuestas, Resumen.'
    )


def test_cli_unsupported_extension(write_file, tmp_path):
    _assert_error(_run(str(write_file("c.pdf", "x")), "--out", str(tmp_path / "o")), "c.pdf: unsupported file type '.pdf'. Supported:")


def test_cli_damaged_xls_says_how_to_fix(write_file, tmp_path):
    damaged = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    result = _run(str(write_file("c.xls", damaged)), "--out", str(tmp_path / "o"))
    _assert_error(result, "Error: c.xls is not a readable .xls workbook (")
    assert result.output.strip().endswith("Open it in Excel or LibreOffice and save it as .xlsx.")


@pytest.mark.parametrize("case", [c for c in CASES if c.error], ids=[c.id for c in CASES if c.error])
def test_cli_bad_file_is_one_line_and_exit_1(tmp_path, case):
    result = _run(str(case.build(tmp_path)), "--out", str(tmp_path / "o"), *case.cli_args())
    said = case.cli_error or case.error
    _assert_error(result, f"Error: {said}")
    assert result.output.strip() == f"Error: {said}"


def test_cli_warnings_are_recorded_in_the_manifest(tmp_path):
    path = write(tmp_path, "nul.csv", csv_text().replace("contratos", "contr\x00atos", 1))
    result = _run(str(path), "--out", str(tmp_path / "o"), "--set", "stages=[clean]")
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["warnings"] == [
        "nul.csv: removed 1 NUL or other control character(s) from the cells; the text around them is kept."
    ]
    assert manifest["rows"]["input"] == 30


def test_cli_encoding_option_wins(tmp_path):
    # Mac Roman bytes read as Latin-1 because the user said so: no guess, no warning.
    path = write(tmp_path, "mac.csv", csv_text().encode("mac_roman"))
    result = _run(str(path), "--out", str(tmp_path / "o"), "--set", "stages=[clean]", "--encoding", "latin-1")
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["encoding"] == "iso8859-1" and manifest["input"]["warnings"] == []


def test_cli_bad_format_in_names_the_choices(write_file, tmp_path):
    path = write_file("c.csv", "comentario\nMás información pública sobre contratos\n")
    _assert_error(
        _run(str(path), "--out", str(tmp_path / "o"), "--format-in", "pdf"),
        "Error: --format-in pdf: unknown format. Use one of: csv, xlsx, xls, ods, json, jsonl, parquet.",
    )


def test_cli_header_row_counts_from_one(write_file, tmp_path):
    path = write_file("c.csv", "comentario\nMás información pública sobre contratos\n")
    _assert_error(
        _run(str(path), "--out", str(tmp_path / "o"), "--header-row", "0"),
        "Error: --header-row 0: rows are counted from 1 (the first row of the file or sheet).",
    )


def test_cli_config_unknown_key(write_file, tmp_path):
    path = write_file("c.csv", "comentario\nMás información pública sobre contratos\n")
    cfg = write_file("p.yaml", "topics:\n  min_cluster: 5\n")
    _assert_error(
        _run(str(path), "--out", str(tmp_path / "o"), "--config", str(cfg)),
        "p.yaml: unknown key 'topics.min_cluster'. Valid keys in section 'topics': clustering, min_topic_size",
    )


def test_cli_set_unknown_key(write_file, tmp_path):
    path = write_file("c.csv", "comentario\nMás información pública sobre contratos\n")
    _assert_error(
        _run(str(path), "--out", str(tmp_path / "o"), "--set", "clean.maxchars=10"), "--set clean.maxchars=10: unknown key 'clean.maxchars'"
    )


def test_cli_segment_column_not_found(write_file, tmp_path):
    path = write_file("c.csv", "comentario,region\nMás información pública sobre contratos,Norte\n")
    _assert_error(
        _run(str(path), "--out", str(tmp_path / "o"), "--segment-columns", "regiao"), 'has no column "regiao". Found: comentario, region.'
    )


def test_cli_bad_language_code(write_file, tmp_path):
    path = write_file("c.csv", "comentario\nMás información pública sobre contratos\n")
    _assert_error(
        _run(str(path), "--out", str(tmp_path / "o"), "--languages", "es,fr"), "languages must be a non-empty subset of es, pt, en"
    )


def test_cli_version():
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.output == f"{__version__}\n" and __version__ == metadata.version("consultnlp")
