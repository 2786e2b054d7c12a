"""Issue 25: a stance on a part of the proposal or a measure is kept with its target; requests and titles are no stance."""

from __future__ import annotations

import pytest

from consultnlp.positions.cues import CueDetector


@pytest.fixture(scope="module")
def detector() -> CueDetector:
    return CueDetector()


@pytest.mark.parametrize(
    "lang, text, position, target",
    [
        ("es", "Estoy en contra del peaje que introduce este plan.", "oppose", "peaje"),
        ("es", "Estoy de acuerdo con la reforma propuesta.", "support", "la reforma"),
        ("es", "Rechazo subir el pasaje.", "oppose", "subir el pasaje"),
        ("es", "No estoy de acuerdo con el artículo 5 porque es injusto.", "oppose", "el artículo 5"),
        ("pt", "Não concordo com o corte de verbas previsto.", "oppose", "o corte de verbas"),
        ("pt", "Sou contra o aumento do pedágio.", "oppose", "o aumento do pedágio"),
        ("en", "I am against the toll this plan introduces.", "oppose", "the toll"),
        ("en", "I oppose closing the clinics at night.", "oppose", "closing the clinics at night"),
        ("en", "I support the proposed tax on sugar.", "support", "the proposed tax on sugar"),
    ],
)
def test_a_stance_on_a_measure_is_kept_with_its_target(detector, lang, text, position, target):
    found = detector.detect(text, lang)
    assert (found.position, found.target) == (position, target)


def test_a_negated_stance_on_a_measure_is_opposition_to_that_measure(detector):
    found = detector.detect("No estoy de acuerdo con cerrar los consultorios de noche.", "es")
    assert (found.position, found.target) == ("oppose", "cerrar los consultorios de noche")
    assert detector.detect("No estoy de acuerdo con cerrar los consultorios", "es").target == "cerrar los consultorios"


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "Estoy de acuerdo con la propuesta."),
        ("pt", "Concordo com isso."),
        ("en", "I support this plan."),
        ("es", "Estoy en contra."),
    ],
)
def test_a_stance_on_the_whole_proposal_has_no_target(detector, lang, text):
    found = detector.detect(text, lang)
    assert found.position in ("support", "oppose")
    assert found.target == ""


@pytest.mark.parametrize(
    "lang, text, reason",
    [
        ("es", "Apoyo a la agricultura familiar", "a title"),
        ("pt", "Apoio à agricultura familiar", "a title"),
        ("es", "Pedimos apoyo a la agricultura familiar.", "a request"),
        ("es", "Estoy en contra de la corrupción.", "about something else"),
        ("es", "No estamos de acuerdo con el aborto.", "about something else"),
        ("en", "I agree with what John said above.", "about a statement"),
        ("pt", "Apoio à agricultura familiar", "a title"),
        ("en", "I agree with the previous commenter.", "about a statement"),
        # Claim check 90 (Plano Clima): proposals opening "Defendo uma …" and a list's first item "- Apoio à …" were
        # counted as support for what is under consultation; they say what the writer proposes.
        ("pt", "Defendo uma extensão pesqueira inclusiva, que valorize os saberes tradicionais.", "a proposal"),
        ("es", "Apoyamos un sistema de transporte gratuito para estudiantes", "a proposal"),
        ("pt", "- Apoio à demarcação dos territórios. - Diagnóstico de agravos e doenças.", "a title"),
        ("es", "-A favor de La salud.", "a title"),
    ],
)
def test_titles_requests_proposals_and_other_things_are_no_stance(detector, lang, text, reason):
    found = detector.detect(text, lang)
    assert found.position == "none"
    assert [h.reason for h in found.hits] == [reason]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Support for family farming"),
        ("en", "We ask for support for family farming."),
    ],
)
def test_english_titles_and_requests_are_none(detector, lang, text):
    assert detector.detect(text, lang).position == "none"


def test_a_title_about_the_proposal_itself_is_a_stance(detector):
    assert detector.detect("Apoio à proposta", "pt").position == "support"


def test_a_sentence_opening_with_apoio_a_is_no_title(detector):
    found = detector.detect("Apoio a criação de uma guarda municipal.", "pt")
    assert (found.position, found.target) == ("support", "a criação de uma guarda municipal")


def test_an_item_of_a_list_opening_with_apoio_a_is_no_stance(detector):
    found = detector.detect("Ações de educação ambiental; apoio a preservação das unidades; apoio a redução do desmatamento.", "pt")
    assert found.position == "none"
    assert [h.reason for h in found.hits if h.cue.words == ("apoio",)][-1] == "a title"


@pytest.mark.parametrize(
    "lang, text",
    [
        ("pt", "Defendo a criação do parque previsto."),  # definite: a measure of the plan
        ("es", "Apoyamos una reforma prevista en el borrador"),  # indefinite, but marked as the plan's
        ("pt", "Apoio a proposta do governo."),
    ],
)
def test_a_stance_on_the_plans_own_measure_stays(detector, lang, text):
    assert detector.detect(text, lang).position == "support"


@pytest.mark.parametrize("lang, text", [("es", "Estoy de acuerdo con Javier."), ("en", "I agree with Manning.")])
def test_a_name_is_no_measure(detector, lang, text):
    assert detector.detect(text, lang).position == "none"


@pytest.mark.parametrize(
    "text, lang, target",
    [
        ("Nós não damos o nosso aval à mudança da feira.", "pt", "mudança da feira"),  # «à» is "to the", not an article
        ("Sou contra a extinção do conselho.", "pt", "a extinção do conselho"),  # «a» is the article
        ("Our union branch opposes outright the move to zero-hours contracts.", "en", "the move to zero-hours contracts"),
    ],
)
def test_targets_start_after_the_preposition_and_adverbs(text, lang, target):
    from consultnlp.positions.cues import CueDetector

    assert CueDetector().detect(text, lang).target == target
