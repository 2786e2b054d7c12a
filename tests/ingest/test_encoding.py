"""Encoding detection (BOM, UTF-16 without BOM, UTF-8, cp1252 / Mac Roman / Latin-1) and control characters."""

import io

import pytest

from consultnlp import schema
from consultnlp.errors import InputError
from consultnlp.ingest import ingest
from consultnlp.ingest.encoding import (
    CleanTextReader,
    Encoding,
    clean_controls,
    detect_encoding,
    utf16_without_bom,
)
from tests.ingest.files import csv_text, random_bytes, write

TEXTS = {
    "es": "id,comentario\n1,¿Cómo se eligen los proyectos? Queremos participación ciudadana, señor.\n2,Año tras año, la información no llega.\n",
    "pt": "id,comentario\n1,A participação da população nas decisões é fundamental.\n2,Não há transparência nas licitações; ações já!\n",
    "en": "id,comment\n1,We don’t want “more of the same” – please publish the budget.\n2,It’s fine.\n",
    "caps": "ID,COMENTARIO\n1,INFORMACIÓN PÚBLICA Y PARTICIPACIÓN CIUDADANA EN LA GESTIÓN\n2,AÑO\n",
    "one-word": "comentario\nsí\n",
}


def _detect(raw: bytes, encoding: str | None = None) -> Encoding:
    return detect_encoding(lambda: iter([raw]), "c.csv", encoding)


@pytest.mark.parametrize("lang", list(TEXTS))
@pytest.mark.parametrize("codec", ["cp1252", "mac_roman"])
def test_encoding_8bit_decoded_without_mojibake(lang, codec):
    raw = TEXTS[lang].encode(codec)
    found = _detect(raw)
    assert found.name == codec
    assert raw.decode(found.name) == TEXTS[lang]


def test_encoding_issue_mac_roman_como_is_not_c1_mojibake():
    # The issue: "cómo" written on a Mac came out as "c\x97mo" (Latin-1) or "c—mo" (cp1252).
    raw = "id,comentario\n1,¿cómo se decide?\n".encode("mac_roman")
    found = _detect(raw)
    assert (found.name, raw.decode(found.name).split("\n")[1]) == ("mac_roman", "1,¿cómo se decide?")
    assert found.warning == 'c.csv is not UTF-8; read it as Mac Roman (e.g. "cómo"). If accents look wrong, pass --encoding NAME.'


def test_encoding_latin1_when_cp1252_cannot_decode():
    # 0x81 is undefined in cp1252; Latin-1 reads it (as a C1 character, kept, never dropping the row).
    found = _detect("año\x81 señal".encode("latin-1"))
    assert found.name == "latin-1"


def test_encoding_utf8_has_no_warning():
    assert _detect("id,comentario\n1,información\n".encode()) == Encoding("utf-8")


@pytest.mark.parametrize("codec,expected", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_encoding_utf16_without_bom_by_nul_pattern(codec, expected):
    assert utf16_without_bom(csv_text().encode(codec)) == expected


@pytest.mark.parametrize("raw", [csv_text().encode(), random_bytes(), b"id,comentario\n1,a\x00b\n"])
def test_encoding_utf16_not_claimed_for_other_bytes(raw):
    assert utf16_without_bom(raw) is None


def test_encoding_explicit_wins_over_detection():
    raw = "id,comentario\n1,¿cómo se decide?\n".encode("mac_roman")
    found = _detect(raw, "cp1252")
    assert found == Encoding("cp1252")  # no guess, no warning: the user's choice, mojibake and all
    assert raw.decode(found.name).split("\n")[1] == "1,Àc—mo se decide?"


def test_encoding_explicit_unknown_name_is_an_error():
    with pytest.raises(InputError) as err:
        _detect(b"id\n1\n", "klingon")
    assert (
        str(err.value)
        == "unknown encoding 'klingon'. Use a name such as utf-8, cp1252, mac_roman or latin-1, or leave it unset to detect it."
    )


def test_encoding_explicit_utf8_drops_the_byte_order_mark(tmp_path):
    frame, info = ingest(write(tmp_path, "c.csv", "\ufeff" + csv_text()), encoding="utf-8")
    assert info.encoding == "utf-8-sig" and "id" in frame.columns


def test_controls_removed_text_around_kept():
    assert clean_controls("a\x00b\x0bc\td\r\ne\x7f") == ("ab c\td\r\ne", 3)


def test_controls_reader_does_not_end_on_an_all_control_chunk():
    reader = CleanTextReader(io.BytesIO(b"\x00" * 10 + b"abc"), Encoding("utf-8"))
    parts = iter(lambda: reader.read(5), "")
    assert "".join(parts) == "abc" and reader.removed == 10


def test_controls_nul_in_csv_keeps_the_whole_cell(tmp_path):
    path = write(tmp_path, "c.csv", "id,comentario\n1,antes\x00después del NUL\x01 y más\n2,otro comentario con palabras\n")
    frame, info = ingest(path, text_column="comentario")
    assert frame[schema.TEXT].tolist() == ["antesdespués del NUL y más", "otro comentario con palabras"]
    assert info.warnings == ["c.csv: removed 2 NUL or other control character(s) from the cells; the text around them is kept."]


def test_controls_nul_in_json_string_removed_with_warning(tmp_path):
    path = write(tmp_path, "c.json", '[{"texto": "antes\\u0000después del NUL, todo el comentario"}]')
    frame, info = ingest(path)
    assert frame[schema.TEXT].tolist() == ["antesdespués del NUL, todo el comentario"]
    assert info.warnings == ["c.json: removed 1 NUL or other control character(s) from the cells; the text around them is kept."]


def test_encoding_explicit_reads_what_detection_calls_binary(tmp_path):
    path = write(tmp_path, "c.csv", csv_text().encode("utf-32-le"))
    with pytest.raises(InputError, match=r"^c\.csv is not a text file"):
        ingest(path)
    frame, info = ingest(path, encoding="utf-32-le")
    assert len(frame) == 30 and frame[schema.TEXT].iloc[0].startswith("Necesitamos más información")


def test_encoding_multi_character_delimiter_is_an_error(tmp_path):
    with pytest.raises(InputError) as err:
        ingest(write(tmp_path, "c.csv", csv_text()), delimiter="||")
    assert (
        str(err.value)
        == "the delimiter must be one character; got '||'. Set it with --set ingest.delimiter=';' (or tab), or leave it unset to detect it."
    )
