import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.errors import InputError
from consultnlp.ingest import derive_comment_ids, ingest
from consultnlp.ingest.encoding import decode_bytes

ROWS = [
    ("1", "Norte", "Necesitamos más información sobre los contratos públicos del municipio."),
    ("2", "Sur", "Precisamos de dados abertos sobre o orçamento da saúde, com atualização mensal."),
    ("3", "Centro", "The budget should be published in open formats every month, please."),
]


def _csv(sep: str = ",") -> str:
    lines = [sep.join(["id", "region", "comentario"])]
    lines += [sep.join([i, r, f'"{t}"']) for i, r, t in ROWS]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_ingest_csv_sniffs_delimiter(write_file, sep):
    frame, info = ingest(write_file("c.csv", _csv(sep)))
    assert info.delimiter == sep
    assert frame[schema.TEXT].tolist() == [t for _, _, t in ROWS]
    assert list(frame["region"]) == ["Norte", "Sur", "Centro"]


@pytest.mark.parametrize("encoding,expected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"), ("utf-16", "utf-16")])
def test_ingest_csv_detects_encoding(write_file, encoding, expected):
    text = "id,comentario\n1,Información pública “ya” — acción ñandú\n2,Participação cidadã é essencial €\n"
    if encoding == "cp1252":
        text = text.replace("ç", "c").replace("ã", "a")  # cp1252 lacks nothing here, keep it simple
    frame, info = ingest(write_file("c.csv", text.encode(encoding)))
    assert info.encoding == expected
    assert frame[schema.TEXT].iloc[0] == "Información pública “ya” — acción ñandú"


def test_ingest_latin1_fallback_never_loses_rows():
    text, used = decode_bytes("año\x81".encode("latin-1"))
    assert used == "latin-1" and text == "año\x81"


def test_ingest_text_column_is_detected_and_reported(write_file):
    frame, info = ingest(write_file("c.csv", _csv()))
    assert info.text_column == "comentario" and info.text_column_auto


def test_ingest_id_column_becomes_index(write_file):
    frame, info = ingest(write_file("c.csv", _csv()), id_column="id")
    assert frame.index.tolist() == ["1", "2", "3"] and frame.index.name == schema.COMMENT_ID


def test_ingest_derived_ids_are_stable_and_unique():
    ids = derive_comment_ids(pd.Series(["a", "a", "b"]))
    assert len(set(ids)) == 3
    assert ids.equals(derive_comment_ids(pd.Series(["a", "a", "b"])))
    assert ids[0].startswith("r000001-")


def test_ingest_duplicate_ids_are_an_error(write_file):
    path = write_file("c.csv", "id,comentario\n1,uno dos tres cuatro\n1,cinco seis siete ocho\n")
    with pytest.raises(InputError, match=r'column "id" is not unique \(1 repeated ids'):
        ingest(path, id_column="id")


def test_ingest_reserved_column_names_are_renamed(write_file):
    frame, info = ingest(write_file("c.csv", "lang,topic_id,comentario\nes,7,Un comentario largo sobre la salud pública\n"))
    assert "input_lang" in frame and "input_topic_id" in frame
    assert info.renamed_columns == {"lang": "input_lang", "topic_id": "input_topic_id"}


def test_ingest_xlsx_keeps_formula_text(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Respuestas"
    sheet.append(["id", "comentario"])
    sheet.append([1, '=HYPERLINK("http://example.com","clic")'])
    sheet.append([2, "Más transparencia en las compras públicas del hospital"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    frame, info = ingest(path, sheet="Respuestas", text_column="comentario", id_column="id")
    assert frame[schema.TEXT].iloc[0] == '=HYPERLINK("http://example.com","clic")'
    assert frame.index.tolist() == ["1", "2"] and info.sheet == "Respuestas"


def test_ingest_json_jsonl_parquet_gz(tmp_path):
    records = [{"id": i, "texto": t, "meta": {"region": r}} for i, r, t in ROWS]
    (tmp_path / "c.json").write_text(json.dumps({"data": records}), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(_csv().encode()))
    pd.DataFrame([{"id": i, "texto": t} for i, _, t in ROWS]).to_parquet(tmp_path / "c.parquet")
    for name in ("c.json", "c.jsonl", "c.parquet", "c.csv.gz"):
        frame, _ = ingest(tmp_path / name)
        assert frame[schema.TEXT].tolist() == [t for _, _, t in ROWS], name
    frame, _ = ingest(tmp_path / "c.json")
    assert frame["meta.region"].tolist() == ["Norte", "Sur", "Centro"]


def test_ingest_huge_comment_is_read_whole(write_file):
    big = "palabra " * 250_000  # 2 MB
    frame, _ = ingest(write_file("c.csv", f'id,comentario\n1,"{big}"\n2,corto pero con varias palabras\n'), text_column="comentario")
    assert len(frame[schema.TEXT].iloc[0]) == len(big)


def test_ingest_csv_read_in_chunks_is_identical(write_file):
    lines = ["id;comentario"] + [f"{i};Comentario número {i} sobre la acción pública" for i in range(57)]
    path = write_file("c.csv", ("\n".join(lines) + "\n").encode("cp1252"))
    whole, info = ingest(path, chunk_rows=100_000)
    chunked, info2 = ingest(path, chunk_rows=10)
    pd.testing.assert_frame_equal(whole, chunked)
    assert info.encoding == info2.encoding == "cp1252" and len(chunked) == 57


def test_ingest_explicit_wrong_encoding_is_an_error(write_file):
    path = write_file("c.csv", "id,comentario\n1,Información pública\n".encode("cp1252"))
    with pytest.raises(InputError, match="is not valid utf-8"):
        ingest(path, encoding="utf-8")


def test_ingest_jsonl_error_names_the_real_line_after_blank_lines(write_file):
    lines = ['{"texto": "uno dos tres"}', "", '{"texto": "cuatro cinco"}', "", '{"texto": "seis" "siete"}']
    with pytest.raises(InputError) as err:
        ingest(write_file("c.jsonl", "\n".join(lines) + "\n"))
    assert (
        str(err.value)
        == "c.jsonl line 5, column 18: not valid JSON (Expecting ',' delimiter). Each line must hold one complete object; fix or remove that line."
    )


def test_ingest_jsonl_line_separator_inside_a_string_is_text(write_file):
    # U+2028 is legal inside JSON strings; str.splitlines() would cut the record there.
    lines = [json.dumps({"texto": "primera parte\u2028segunda parte del comentario"}, ensure_ascii=False), '{"texto": "otro comentario"}']
    frame, _ = ingest(write_file("c.jsonl", "\n".join(lines)))
    assert frame[schema.TEXT].tolist() == ["primera parte\u2028segunda parte del comentario", "otro comentario"]


def test_ingest_json_literal_newline_and_tab_in_strings_are_read(write_file):
    frame, _ = ingest(write_file("c.json", '[{"texto": "línea uno\nlínea\tdos del comentario"}]'))
    assert frame[schema.TEXT].tolist() == ["línea uno\nlínea\tdos del comentario"]


def test_ingest_json_several_lists_of_records_is_an_error(write_file):
    data = {"data": [{"texto": "uno"}], "included": [{"tipo": "autor"}], "tags": ["a", "b"]}
    with pytest.raises(InputError) as err:
        ingest(write_file("c.json", json.dumps(data)))
    assert (
        str(err.value)
        == 'c.json holds several lists of records ("data", "included"). Keep only the one with the comments, or save it as JSON Lines.'
    )


def test_ingest_json_one_list_of_records_beside_plain_lists(write_file):
    data = {"tags": ["a", "b"], "comments": [{"texto": t} for _, _, t in ROWS]}
    frame, _ = ingest(write_file("c.json", json.dumps(data)))
    assert frame[schema.TEXT].tolist() == [t for _, _, t in ROWS]


def test_ingest_json_in_utf16_without_bom(write_file):
    frame, info = ingest(write_file("c.json", json.dumps([{"texto": t} for _, _, t in ROWS], ensure_ascii=False).encode("utf-16-le")))
    assert info.encoding == "utf-16-le" and frame[schema.TEXT].tolist() == [t for _, _, t in ROWS]


def test_ingest_keywords_are_the_config_keys():
    # analysis passes the ingest: section to ingest(); a key added to one must exist in the other.
    import inspect

    from consultnlp.config import IngestConfig

    params = set(inspect.signature(ingest).parameters) - {"path"}
    assert params == set(IngestConfig.model_fields)


def test_ingest_excel_sep_line_names_the_delimiter(write_file):
    frame, info = ingest(write_file("c.csv", "sep=;\n" + _csv(";")))
    assert (info.delimiter, info.header_row, info.warnings) == (";", 2, [])
    assert frame[schema.TEXT].tolist() == [t for _, _, t in ROWS]


def test_ingest_mac_roman_with_classic_mac_line_ends(write_file):
    frame, info = ingest(write_file("c.csv", _csv().replace("\n", "\r").encode("mac_roman")))
    assert info.encoding == "mac_roman" and frame[schema.TEXT].tolist() == [t for _, _, t in ROWS]


def test_ingest_formats_come_from_one_registry(tmp_path):
    # A format was listed in four files (config, CLI, readers, sniffer): a new one had to be added to each.
    from pydantic import ValidationError

    from consultnlp.cli.analyze import INPUT_FORMATS, check_ingest_options
    from consultnlp.config import IngestConfig
    from consultnlp.errors import ConfigError
    from consultnlp.ingest import formats, sniff
    from consultnlp.ingest.readers import READ_FORMATS
    from consultnlp.ingest.sheets import SHEET_FORMATS

    names = formats.format_names()
    assert READ_FORMATS == INPUT_FORMATS == names and set(SHEET_FORMATS) < set(names)
    assert set(sniff.FORMATS.values()) == set(names) and set(sniff.FORMAT_NAMES) == set(names)
    for name in names:
        assert IngestConfig(format=name).format == name
    with pytest.raises(ValidationError, match="ingest.format tsv: unknown format. Use one of: csv, xlsx"):
        IngestConfig(format="tsv")
    with pytest.raises(ConfigError, match="--format-in tsv: unknown format"):
        check_ingest_options(None, "tsv")
    # The README's list of inputs names every format.
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    inputs = next(line for line in readme.splitlines() if line.startswith("- Input:")).lower()
    assert all(name in inputs for name in names), inputs
    # A registered format is known everywhere that reads the registry (the sniffer's tables are built at import).
    extra = formats.InputFormat("tsvx", "a test format", (".tsvx",), text=True)
    formats.register(extra)
    try:
        assert IngestConfig(format="tsvx").format == "tsvx" and "tsvx" in formats.format_names()
        with pytest.raises(ValueError, match="registered twice"):
            formats.register(extra)
    finally:
        del formats.INPUT_FORMATS["tsvx"]
