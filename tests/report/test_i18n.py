"""Localisation: numbers, fixed strings, theme names and labels follow the report language."""

from __future__ import annotations

import re
import string

import pytest

from consultnlp.config import PipelineConfig, SummariseConfig
from consultnlp.frame import row_accounting
from consultnlp.i18n import PII_KINDS, REASONS, SETTINGS, STRINGS, number, percent
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


@pytest.mark.parametrize("table", [STRINGS, SETTINGS, PII_KINDS, REASONS])
def test_i18n_every_string_in_every_language_with_the_same_placeholders(table):
    for key, by_lang in table.items():
        assert set(by_lang) == {"es", "pt", "en"} and all(by_lang.values()), key
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(text) if f} for lang, text in by_lang.items()}
        assert fields["es"] == fields["pt"] == fields["en"], key


def _html(lang: str, input_rows: int = 12345) -> str:
    frame = golden_frame()
    summary = summarise(frame, **summary_inputs(frame), cfg=SummariseConfig(min_segment_count=1), accounting=row_accounting(frame), segment_columns=["region"], lang=lang)
    facts = dict(summary.facts, accounting=dict(summary.facts["accounting"], input=input_rows))
    content = build_content(summary.tables, facts, lang=lang, source="consulta.xlsx", taxonomy=taxonomy(),
                            settings=report_settings(PipelineConfig(), taxonomy(), lang), warnings=[])
    return render_html(content)


@pytest.mark.parametrize("lang, expected", [
    ("es", ["Lo que escuchamos", "Análisis de 12.345 contribuciones", "Resumen", "Cómo se elaboró este informe", "Datos abiertos",
            "Salud", "Datos, presupuesto, abiertos", "Sin tópico claro", "vacía", "Correo electrónico", "español", "Nivel de significación", "0,05", "Idiomas: español 67%, portugués 33%."]),
    ("pt", ["O que ouvimos", "Análise de 12.345 contribuições", "Resumo", "Como este relatório foi produzido", "Dados abertos",
            "Saúde", "Dados, saúde", "Sem tópico claro", "vazia", "E-mail", "português", "Nível de significância", "0,05", "Idiomas: espanhol 67%, português 33%."]),
    ("en", ["What we heard", "Analysis of 12,345 contributions", "Summary", "How this report was produced", "Open data",
            "Health", "Data, budget, open", "No clear topic", "empty", "Email address", "English", "Significance level", "0.05", "Languages: Spanish 67%, Portuguese 33%."]),
])
def test_i18n_report_is_in_the_report_language(lang, expected):
    html = _html(lang)
    assert f'<html lang="{lang}">' in html
    for text in expected:
        assert text in html, text


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_i18n_no_english_fixed_string_in_a_spanish_or_portuguese_report(lang):
    html = re.sub(r"<[^>]+>", " ", _html(lang))
    for key, by_lang in STRINGS.items():
        english = by_lang["en"].split("{")[0].strip()
        if len(english) >= 8 and english != by_lang[lang].split("{")[0].strip():
            assert english not in html, (key, english)
