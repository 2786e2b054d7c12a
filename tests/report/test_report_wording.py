"""Report sentences that must read true in each language: a list-named subject quoted once, and the first accounting
sentence agreeing with the number analysed."""

from __future__ import annotations

import pandas as pd
import pytest


def test_a_subject_named_by_a_list_of_quoted_topics_is_not_quoted_again():
    # NHS feedback (claim check 61): "Mixed points (words of ““Mental health”, “Helped” and 7 other topics” in 175 of 924)".
    from consultnlp.report.sections.common import ReportContext, name_quoted

    en = ReportContext(tables={}, facts={}, lang="en", taxonomy=None, settings={})
    es = ReportContext(tables={}, facts={}, lang="es", taxonomy=None, settings={})
    assert name_quoted(en, "“Care”, “Feel at ease” and 7 other topics") == "“Care”, “Feel at ease” and 7 other topics"
    assert name_quoted(en, "Ward staff and food") == "“Ward staff and food”"
    assert name_quoted(es, "«Salud», «Educación» y 3 tópicos más") == "«Salud», «Educación» y 3 tópicos más"
    assert name_quoted(es, "Salud") == "«Salud»"


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "Of the 10 contributions received, 1 was analysed and 9 were set aside:", "6 were analysed and 4 were set aside"),
        ("es", "De las 10 contribuciones recibidas se analizó 1 y se apartaron 9:", "se analizaron 6 y se apartaron 4"),
        ("pt", "Das 10 contribuições recebidas, 1 foi analisada e 9 foram separadas:", "6 foram analisadas e 4 foram separadas"),
    ],
)
def test_the_accounting_sentence_agrees_with_the_number_analysed(lang, one, many):
    # The Austrian conversation in Portuguese: "Das 1.039 contribuições recebidas, 1 foram analisadas e 1.038 foram separadas".
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import accounting_blocks

    def first(analysed: int) -> str:
        facts = {"accounting": {"input": 10, "analysed": analysed, "excluded": {"language": 10 - analysed}}}
        tables = {"overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [analysed]})}
        return accounting_blocks(ReportContext(tables=tables, facts=facts, lang=lang, taxonomy=None, settings={}))[0].text

    assert first(1) == one
    assert many in first(6)
