"""Stances stated by judging a measure, not with a stance verb: the judged measure is the target."""

from __future__ import annotations

import pytest

from consultnlp.positions.cues import CueDetector


@pytest.fixture(scope="module")
def detector():
    return CueDetector()


@pytest.mark.parametrize(
    "text, lang, position, target",
    [
        ("El cierre del consultorio nocturno es inaceptable.", "es", "oppose", "El cierre del consultorio nocturno"),
        ("Creo que la ciclovía por la costanera es una gran idea.", "es", "support", "la ciclovía por la costanera"),
        ("A cobrança de taxa de lixo é um absurdo.", "pt", "oppose", "A cobrança de taxa de lixo"),
        ("Achei excelente a criação do conselho de bairro.", "pt", "support", "a criação do conselho de bairro"),
        ("Closing the night clinic would be a terrible mistake.", "en", "oppose", "Closing the night clinic"),
        ("I think the new cycle path is a great idea.", "en", "support", "the new cycle path"),
        ("Este anteproyecto es un retroceso.", "es", "oppose", ""),  # the plan itself
        ("This draft should be withdrawn.", "en", "oppose", ""),
    ],
)
def test_evaluations_a_judged_measure_states_a_stance_with_its_target(detector, text, lang, position, target):
    found = detector.detect(text, lang)
    assert (found.position, found.target) == (position, target)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("La situación actual del transporte es inaceptable.", "es"),  # the way things are now, not the plan
        ("El concejal es un desastre.", "es"),  # a person
        ("A corrupção é um absurdo.", "pt"),  # a general cause
        ("Mi vecina dice que el peaje es un abuso.", "es"),  # someone else's judgement
        ("¿El peaje es un abuso?", "es"),  # a question
        ("We went to the meeting last week. It is a disaster.", "en"),  # a pronoun later on points at anything
        ("La ventanilla única fue un gran avance.", "es"),  # a judgement of what was done, not of the plan
    ],
)
def test_evaluations_of_people_causes_the_status_quo_or_others_state_nothing(detector, text, lang):
    assert detector.detect(text, lang).position == "none"


def test_evaluations_with_a_reservation_are_partial(detector):
    found = detector.detect("La tarifa social es una buena idea, pero falta decir quién la paga.", "es")
    assert (found.position, found.target) == ("partial", "La tarifa social")


@pytest.mark.parametrize(
    "text, lang, position, target",
    [
        ("Extending the car park is completely unacceptable.", "en", "oppose", "Extending the car park"),  # a word in two lists
        ("El cobro por la basura es realmente un abuso.", "es", "oppose", "El cobro por la basura"),  # an adverb
        ("Parabéns pela ampliação do horário do posto de saúde.", "pt", "support", "ampliação do horário do posto de saúde"),
    ],
)
def test_evaluations_read_past_adverbs_and_congratulations_state_support(detector, text, lang, position, target):
    found = detector.detect(text, lang)
    assert (found.position, found.target) == (position, target)


@pytest.mark.parametrize(
    "text, lang, position, target",
    [
        ("Considero inadmisible el recorte a la atención primaria.", "es", "oppose", "el recorte a la atención primaria"),
        ("Encuentro la propuesta muy positiva.", "es", "support", ""),  # the judged thing before the judgement
        ("I consider the new charge unacceptable.", "en", "oppose", "the new charge"),
        ("The parking levy is a rip-off.", "en", "oppose", "The parking levy"),
        ("La subida del IBI sería un robo a las familias.", "es", "oppose", "La subida del IBI"),
        ("Que absurdo o aumento da passagem!", "pt", "oppose", "o aumento da passagem"),  # an exclamation
        ("Pésima la decisión de cerrar el mercado.", "es", "oppose", "la decisión de cerrar el mercado"),  # a judgement opening it
    ],
)
def test_evaluations_opinion_verbs_exclamations_and_idioms_judge_a_measure(detector, text, lang, position, target):
    found = detector.detect(text, lang)
    assert (found.position, found.target) == (position, target)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Qué buena idea cerrar la única biblioteca del barrio.", "es"),  # praise in an exclamation: too often ironic
        ("Sería muy bueno que se amplíe el horario.", "es"),  # a wish about a clause
        ("Es inaceptable que la gente tire basura en la calle.", "es"),  # a clause judged, not the plan
        ("Abuso del poder en las instituciones.", "es"),  # names a thing
        ("I think the ambulance crew do a brilliant job.", "en"),  # a judgement inside the clause
        ("Pésimo el servicio de buses hoy.", "es"),  # the status quo
        ("Excelente el trabajo de los funcionarios del consultorio.", "es"),  # people
    ],
)
def test_evaluations_ironic_wished_or_other_judgements_state_none(detector, text, lang):
    assert detector.detect(text, lang).position == "none"


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("El nuevo peaje no es justo.", "es", "oppose"),  # a good judgement negated before its link
        ("O novo pedágio não é razoável.", "pt", "oppose"),
        ("The new toll is not reasonable.", "en", "oppose"),  # negated after the link
        ("El nuevo peaje no es un desastre.", "es", "none"),  # not judged bad is no support
        ("The new toll is not a disaster.", "en", "none"),
    ],
)
def test_evaluations_a_negated_judgement_turns_good_into_oppose_and_bad_into_nothing(detector, text, lang, position):
    assert detector.detect(text, lang).position == position


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Traffic is terrible.", "en"),  # the world, not something the plan does
        ("Football is amazing.", "en"),
        ("Semi-automatic weapons should be illegal.", "en"),
        ("O projeto foi discutido e aprovado pela câmara.", "pt"),  # "e" is "and"; only "é" links
        ("It would be great if the plan added a night bus.", "en"),  # a wish about the clause that follows
        ("Lo que me parece lamentable es la actitud de la empresa.", "es"),  # the judged thing follows the cleft
    ],
)
def test_evaluations_of_the_world_wishes_and_conjunctions_state_nothing(detector, text, lang):
    assert detector.detect(text, lang).position == "none"


@pytest.mark.parametrize(
    "text, lang, target",
    [
        ("Closing the river path is unacceptable.", "en", "Closing the river path"),  # a gerund opening the sentence is no name
        ("Cerrar el polideportivo en agosto es un disparate.", "es", "Cerrar el polideportivo en agosto"),
        ("La digitalización de los trámites es un acierto.", "es", "La digitalización de los trámites"),  # a noun of an action
        ("The new bus lane is a great idea.", "en", "The new bus lane"),  # what the plan brings
    ],
)
def test_evaluations_a_judged_thing_the_plan_does_is_a_target(detector, text, lang, target):
    found = detector.detect(text, lang)
    assert found.position != "none" and found.target == target


def test_evaluations_an_activity_judged_is_no_measure(detector):
    # The bundled sample: a small firm judging what tendering costs it today argues for fairer rules; it opposes nothing.
    assert detector.detect("Participar en licitaciones es carísimo.", "es").position == "none"
    assert detector.detect("Cerrar el polideportivo en agosto es carísimo para las familias.", "es").position == "oppose"
