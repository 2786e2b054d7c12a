"""Positions from a closed question: every built-in scale, the user's mapping, and values that are not positions."""

from __future__ import annotations

import pandas as pd
import pytest

from consultnlp.errors import ConfigError
from consultnlp.positions.mapping import (
    describe_mapping,
    map_positions,
    normalise_value,
)


def mapped(values: list, **kwargs) -> list[str]:
    return map_positions(pd.Series(values), "q", **kwargs)[0].tolist()


def test_mapping_chile_agreement_letters():
    assert mapped(["A", "P", "D", "a", " d ", ":Acuerdo"]) == ["support", "partial", "oppose", "support", "oppose", "support"]


@pytest.mark.parametrize(
    "scale, expected",
    [
        (
            ["Muy de acuerdo", "De acuerdo", "Ni de acuerdo ni en desacuerdo", "En desacuerdo", "Muy en desacuerdo"],
            ["support", "support", "none", "oppose", "oppose"],
        ),
        (
            [
                "Totalmente de acuerdo",
                "De acuerdo",
                "Algo de acuerdo",
                "Ni de acuerdo ni en desacuerdo",
                "Algo en desacuerdo",
                "En desacuerdo",
                "Totalmente en desacuerdo",
            ],
            ["support", "support", "support", "none", "oppose", "oppose", "oppose"],
        ),
        (
            ["Concordo totalmente", "Concordo", "Nem concordo nem discordo", "Discordo", "Discordo totalmente"],
            ["support", "support", "none", "oppose", "oppose"],
        ),
        (
            [
                "Concordo totalmente",
                "Concordo",
                "Concordo parcialmente",
                "Não concordo nem discordo",
                "Discordo parcialmente",
                "Discordo",
                "Discordo totalmente",
            ],
            ["support", "support", "partial", "none", "oppose", "oppose", "oppose"],
        ),
        (
            ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"],
            ["support", "support", "none", "oppose", "oppose"],
        ),
        (
            [
                "Strongly agree",
                "Agree",
                "Somewhat agree",
                "Neither agree nor disagree",
                "Somewhat disagree",
                "Disagree",
                "Strongly disagree",
            ],
            ["support", "support", "support", "none", "oppose", "oppose", "oppose"],
        ),
        (
            ["Parcialmente de acuerdo", "Partly agree", "Concordo em parte", "Don't know", "No sabe", "Não sei"],
            ["partial", "partial", "partial", "none", "none", "none"],
        ),
    ],
)
def test_mapping_likert_scales_in_three_languages(scale, expected):
    assert mapped(scale) == expected


def test_mapping_yes_no_in_three_languages():
    assert mapped(["Sí", "si", "No", "Sim", "Não", "nao", "Yes", "no", "Sí, con cambios", "Yes, with changes"]) == [
        "support",
        "support",
        "oppose",
        "support",
        "oppose",
        "oppose",
        "support",
        "oppose",
        "partial",
        "partial",
    ]


def test_mapping_decidim_alignment_numbers_and_text():
    assert mapped([1, 0, -1, None]) == ["support", "none", "oppose", "none"]
    assert mapped([1.0, -1.0, float("nan")]) == ["support", "oppose", "none"]
    assert mapped(["1", "0", "-1", ""]) == ["support", "none", "oppose", "none"]


def test_mapping_blank_cells_are_no_position():
    assert mapped(["", "  ", None, pd.NA]) == ["none"] * 4


def test_mapping_unknown_values_are_listed_with_counts():
    with pytest.raises(ConfigError) as err:
        mapped(["sí"] * 3 + ["quizás"] * 12 + ["tal vez"])
    assert str(err.value) == (
        'column "q" has values that are not positions: "quizás" (12 rows), "tal vez" (1 row). Map them with positions.mapping, '
        "e.g. --set 'positions.mapping={\"quizás\": none}' (positions: support, partial, oppose, none)."
    )


def test_mapping_numeric_scales_are_not_guessed():
    with pytest.raises(ConfigError, match=r'"5" \(1 row\), "4" \(1 row\), "3" \(1 row\), "2" \(1 row\)'):
        mapped([5, 4, 3, 2, 1])


def test_mapping_user_values_extend_and_override():
    assert mapped(["quizás", "Sí", "5"], user={"Quizás": "none", "sí": "partial", "5": "support"}) == ["none", "partial", "support"]
    with pytest.raises(ConfigError, match="positions.mapping: 'x' maps to 'maybe'"):
        mapped(["x"], user={"x": "maybe"})


def test_mapping_described_for_the_progress_note():
    _, seen = map_positions(pd.Series(["A", "A", "D", None, "P"]), "acuerdo")
    assert describe_mapping(seen) == "A -> support (2), P -> partial (1), D -> oppose (1), (blank) -> none (1)"


def test_mapping_values_normalised():
    assert normalise_value("  «Sí, con cambios.» ") == "si, con cambios"
    assert normalise_value(2.0) == "2"
