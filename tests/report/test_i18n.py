"""Localisation: numbers, fixed strings, theme names and labels follow the report language."""

from __future__ import annotations

import re
import string

import pytest

from consultnlp.config import PipelineConfig, SummariseConfig
from consultnlp.frame import row_accounting
from consultnlp.i18n import (
    PII_KINDS,
    REASONS,
    SETTINGS,
    STRINGS,
    Note,
    note_text,
    number,
    percent,
    t,
)
from consultnlp.report.content import build_content
from consultnlp.report.html import render_html
from consultnlp.report.outputs import report_settings
from consultnlp.summary import summarise
from tests.report.frames import golden_frame, summary_inputs, taxonomy


def test_i18n_number_formats():
    assert [number(1234.5, lang, 1) for lang in ("es", "pt", "en")] == ["1.234,5", "1.234,5", "1,234.5"]
    assert [number(1234567, lang) for lang in ("es", "pt", "en")] == ["1.234.567", "1.234.567", "1,234,567"]
    assert [percent(0.186, lang, 1) for lang in ("es", "pt", "en")] == ["18,6%", "18,6%", "18.6%"]
    # Without digits: one decimal below 10%, none above.
    assert (percent(0.0436, "es"), percent(0.186, "en"), percent(0.0, "en")) == ("4,4%", "19%", "0%")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("table", [STRINGS, SETTINGS, PII_KINDS, REASONS])
def test_i18n_every_string_in_every_language_with_the_same_placeholders(table):
    for key, by_lang in table.items():
        assert set(by_lang) == {"es", "pt", "en"} and all(by_lang.values()), key
        if all(isinstance(v, dict) for v in by_lang.values()):
            # A count entry: the plural forms agree across languages; the singular may spell "1" out.
            assert all(set(v) == {"one", "other"} for v in by_lang.values()), key
            other = {lang: _fields(v["other"]) for lang, v in by_lang.items()}
            assert other["es"] == other["pt"] == other["en"], key
            assert all(_fields(v["one"]) <= other[lang] for lang, v in by_lang.items()), key
            continue
        fields = {lang: _fields(text) for lang, text in by_lang.items()}
        assert fields["es"] == fields["pt"] == fields["en"], key


def test_i18n_plurals_follow_the_count():
    assert t("point_count", "es", count=1, n="1") == "1 contribución dice:"
    assert t("point_count", "es", count=31, n="31") == "Al menos 31 contribuciones dicen:"
    assert t("campaign_heading", "pt", count=1, id="K1", n="1") == "Campanha K1: 1 contribuição"
    assert t("campaign_heading", "en", count=2, id="K1", n="2") == "Campaign K1: 2 contributions"
    # Two counts in one sentence: each stands after its words, so neither needs a plural («Foram separadas 1 respostas»).
    for lang in ("es", "pt", "en"):
        said = note_text(Note("note_set_aside", {"non_answer": 1, "no_argument": 1}), lang)
        assert not re.search(r"\b1 (?:respuestas|respostas|posturas|posições|non-answers|positions)\b", said), said


def test_i18n_notes_are_rendered_in_the_report_language():
    note = Note("note_language_excluded", {"n": 1203, "counts": {"pt": 1200, "en": 3}, "languages": ["es"]})
    assert note.text("es") == "1.203 contribuciones se apartaron por su idioma (portugués 1.200, inglés 3); idiomas analizados: español."
    assert (
        note.text("en")
        == "1,203 contributions were set aside for their language (Portuguese 1,200, English 3); languages analysed: Spanish."
    )
    assert note_text(note.to_dict(), "pt").startswith("1.203 contribuições foram separadas pelo idioma (espanhol") is False
    assert note_text(note.to_dict(), "pt").startswith("1.203 contribuições foram separadas pelo idioma (português 1.200")
    assert note_text("a note from an older run", "es") == "a note from an older run"


def _html(lang: str, input_rows: int = 12345) -> str:
    frame = golden_frame()
    summary = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang=lang,
    )
    facts = dict(summary.facts, accounting=dict(summary.facts["accounting"], input=input_rows))
    content = build_content(
        summary.tables,
        facts,
        lang=lang,
        source="consulta.xlsx",
        taxonomy=taxonomy(),
        settings=report_settings(PipelineConfig(), taxonomy(), lang),
        warnings=[],
    )
    return render_html(content)


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "es",
            [
                "Lo que escuchamos",
                "12.345 contribuciones recibidas",
                "Resumen",
                "Cómo se elaboró este informe",
                "Datos abiertos",
                "Salud",
                "Datos abiertos del presupuesto",
                "Hospitales",
                "Sin tópico claro",
                "vacía",
                "correo electrónico: 1",
                "español",
                "Nivel de significación",
                "0,05",
                "Idiomas de las contribuciones analizadas: español 43%, inglés 29%, portugués 29%.",
                "Al menos 3 contribuciones dicen: «O hospital da cidade precisa de mais médicos e menos filas» (c04)",
            ],
        ),
        (
            "pt",
            [
                "O que ouvimos",
                "12.345 contribuições recebidas",
                "Resumo",
                "Como este relatório foi produzido",
                "Dados abertos",
                "Saúde",
                "Dados abertos da saúde",
                "Hospitais",
                "Sem tópico claro",
                "vazia",
                "e-mail: 1",
                "português",
                "Nível de significância",
                "0,05",
                "Idiomas das contribuições analisadas: espanhol 43%, inglês 29%, português 29%.",
                "3 contribuições (2 distintas; 2 de campanhas organizadas) dizem: «Queremos datos abiertos del presupuesto municipal cada mes» (c01)",
            ],
        ),
        (
            "en",
            [
                "What we heard",
                "12,345 contributions received",
                "Summary",
                "How this report was produced",
                "Open data",
                "Health",
                "Hospital waiting lists",
                "Hospitals",
                "No clear topic",
                "empty",
                "email address: 1",
                "English",
                "Significance level",
                "0.05",
                "Languages of the analysed contributions: Spanish 43%, English 29%, Portuguese 29%.",
                "1 was empty.",
                "1 is in a language that was not analysed.",
            ],
        ),
    ],
)
def test_i18n_report_is_in_the_report_language(lang, expected):
    html = _html(lang)
    assert f'<html lang="{lang}">' in html
    for text in expected:
        assert text in html, text


def _literal_pieces(entry: object) -> list[str]:
    """The fixed text between placeholders of a catalogue entry (both forms of a count entry)."""
    texts = list(entry.values()) if isinstance(entry, dict) else [entry]
    return [piece.strip() for text in texts for piece, _, _, _ in string.Formatter().parse(text) if len(piece.strip()) >= 8]


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_i18n_no_english_fixed_string_in_a_spanish_or_portuguese_report(lang):
    """No fixed English text of the catalogue (nor of its technical notes) appears in an es or pt report."""
    frame = golden_frame()
    summary = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang=lang,
    )
    notes = [
        Note("note_truncated", {"n": 2, "max": 5000}),
        Note("note_small_corpus", {"n": 12, "needed": 45}),
        Note("note_set_aside", {"non_answer": 3, "no_argument": 1}),
    ]
    content = build_content(
        summary.tables,
        summary.facts,
        lang=lang,
        source="consulta.xlsx",
        taxonomy=taxonomy(),
        settings=report_settings(PipelineConfig(), taxonomy(), lang),
        warnings=notes,
    )
    html = re.sub(r"<[^>]+>", " ", render_html(content))
    checked = 0
    for key, by_lang in STRINGS.items():
        local = set(_literal_pieces(by_lang[lang]))
        for english in _literal_pieces(by_lang["en"]):
            if english not in local:
                assert english not in html, (key, english)
                checked += 1
    assert checked > 100
    assert "1.203" not in html and "non-answers" not in html
