"""The organiser's questions about who took part are told from its statements of opinion."""

from __future__ import annotations

import pandas as pd
import pytest

from consultnlp.votes.profile import is_profile_question, profile_questions


@pytest.mark.parametrize(
    "text",
    [
        "I voted to Remain.",
        "I live on Orcas.",
        "My household income is less than $50,000",
        "I am between 20 and 25 years old.",
        "I had at least one encounter (good or bad) with the police.",
        "Soy estudiante universitario",
        "Vivo en una zona rural",
        "Moro na zona norte da cidade",
        "Tenho filhos em idade escolar",
        "English is my first language.",
        "El español es mi lengua materna",
        "Português é minha primeira língua",
    ],
)
def test_profile_a_question_about_who_takes_part(text):
    assert is_profile_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "I think we should support the referendum result.",
        "I am pleased with the current electoral system.",
        "I played football as a kid, and loved it.",
        "I would like Canada to implement an online voting system.",
        "Creo que el transporte debe ser gratuito",
        "Eu acho que a tarifa deveria baixar",
        "The Single Market is important for the prosperity of the country.",
        "People of my age should be heard by the police.",
    ],
)
def test_profile_a_view_is_no_profile_question(text):
    assert not is_profile_question(text)


def test_profile_only_the_organisers_statements_and_is_meta_whatever_its_words():
    frame = pd.DataFrame(
        {
            "text": ["I live in a town", "I live in a town", "BG should have more parks", "I think so"],
            "is-meta": ["false", "false", "true", "false"],
        },
        index=["1", "2", "3", "4"],
    )
    # 2 is a participant's own "I live in a town": never a profile question; 3 is flagged by the export.
    assert profile_questions(frame, {"1", "3", "4"}, "text") == {"1", "3"}
