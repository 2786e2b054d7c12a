"""Contributions presented in an organisation's name (``summary.organisations``; claim check 93, PNDBio 2025)."""

from __future__ import annotations

import pandas as pd
import pytest

from consultnlp.report.sections.common import ReportContext
from consultnlp.report.sections.summary import organisations_sentence
from consultnlp.summary.organisations import organisation_name, organisations


def test_organisations_a_text_that_opens_in_a_bodys_name_is_one_and_one_that_speaks_of_it_is_not():
    assert organisation_name("Contribuição da Mercy For Animals (parte 1/4)\n RECOMENDAÇÃO") == ("Mercy For Animals", False)
    assert organisation_name("Em nome da Confederação Nacional da Indústria (CNI)\n Em relação") == (
        "Confederação Nacional da Indústria",
        False,
    )
    assert organisation_name("Contribuição ABIHV – Associação Brasileira da Indústria do Hidrogênio Verde:") == ("ABIHV", False)
    assert organisation_name("(Ibá – Indústria Brasileira de Árvores) É fundamental") == ("Ibá – Indústria Brasileira de Árvores", False)
    assert organisation_name("On behalf of the Tenants Union, we ask for rent control") == ("Tenants Union", False)
    assert organisation_name("[ABIOGÁS]\n Sugerimos que") == ("ABIOGÁS", True)  # capitals alone: counted where it recurs
    assert organisation_name("La junta de vecinos pide más luminarias")[0] == ""  # speaks of a body, not as it
    assert organisation_name("(Parte 2) Ampliar o crédito")[0] == ""
    assert organisation_name("Contribuição importante: ampliar o crédito")[0] == ""
    assert organisation_name("[NAME] propone más plazas")[0] == ""  # redaction's placeholder (Chile 2016: 30 rows)


def test_organisations_counts_rows_and_bodies_and_a_lone_shouted_word_is_none():
    texts = pd.Series(
        ["(Ibá – Indústria Brasileira de Árvores) A"] * 3
        + ["(Ibá - Indústria Brasileira de Árvores) B", "[CROPLIFE] C", "(CROPLIFE) D", "(VINCULANTE) E", "Mais ciclovias"]
    )
    found = organisations(texts)
    assert found == {"contributions": 6, "organisations": 2, "shown": ["Ibá – Indústria Brasileira de Árvores", "CROPLIFE"]}
    assert organisations(pd.Series(["(VINCULANTE) E", "Mais ciclovias"])) == {}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "112 contribuciones analizadas se presentan a nombre de una organización (9 organizaciones, como «Ibá» y «CNI»)"),
        ("pt", "112 contribuições analisadas são apresentadas em nome de uma organização (9 organizações, como «Ibá» e «CNI»)"),
        ("en", "112 contributions analysed are presented in an organisation's name (9 organisations, such as “Ibá” and “CNI”)"),
    ],
)
def test_organisations_said_in_the_first_screen(lang, expected):
    facts = {
        "accounting": {"input": 576, "analysed": 575, "excluded": {}, "unique": 555},
        "organisations": {"contributions": 112, "organisations": 9, "shown": ["Ibá", "CNI"]},
    }
    ctx = ReportContext(tables={}, facts=facts, lang=lang, taxonomy=None, settings={})
    assert organisations_sentence(ctx).startswith(expected)
    assert organisations_sentence(ReportContext(tables={}, facts={}, lang=lang, taxonomy=None, settings={})) == ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "8 contribuciones analizadas se presentan a nombre de una misma organización («Ibá»)"),
        ("pt", "8 contribuições analisadas são apresentadas em nome de uma mesma organização («Ibá»)"),
        ("en", "8 contributions analysed are presented in the name of one organisation (“Ibá”)"),
    ],
)
def test_organisations_one_organisation_is_said_as_one(lang, expected):
    # Chile 2016 read "(1 organizaciones, como «NAME»)".
    facts = {"organisations": {"contributions": 8, "organisations": 1, "shown": ["Ibá"]}}
    ctx = ReportContext(tables={}, facts=facts, lang=lang, taxonomy=None, settings={})
    assert organisations_sentence(ctx).startswith(expected)
