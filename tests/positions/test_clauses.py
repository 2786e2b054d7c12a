"""What may open the clause of a stated position: fillers, verbs of expressing, the author's role, a conjunction."""

from __future__ import annotations

import pytest

from consultnlp.positions.cues import CueDetector


@pytest.fixture(scope="module")
def detector() -> CueDetector:
    return CueDetector()


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("Oye yo no estoy de acuerdo con subir la tarifa del agua.", "es", "oppose"),
        ("Bueno la verdad es que apoyo el plan de ciclovías.", "es", "support"),
        ("Olha eu concordo com a criação da ciclovia.", "pt", "support"),
        ("Honestly I oppose the new parking charges.", "en", "oppose"),
    ],
)
def test_clauses_a_filler_before_the_statement_keeps_it(detector, text, lang, position):
    assert detector.detect(text, lang).position == position


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Los temas que apoyo no están en el plan.", "es"),
        ("Look at the issues I support.", "en"),
        ("Expresar su aprobación o rechazo a esta idea.", "es"),
    ],
)
def test_clauses_other_words_before_a_cue_still_make_it_no_statement(detector, text, lang):
    found = detector.detect(text, lang)
    assert found.position == "none", found.hits


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("Queremos manifestar nuestro rechazo a la tala de los árboles de la plaza.", "es", "oppose"),
        ("Por medio de la presente manifestamos nuestro respaldo al plan regulador.", "es", "support"),
        ("Venho manifestar meu total repúdio à privatização da água.", "pt", "oppose"),
        ("We are writing to express our strong support for the proposal.", "en", "support"),
        ("I would like to register my strong objection to the new incinerator.", "en", "oppose"),
        ("Cuenten con mi apoyo para el nuevo parque.", "es", "support"),
    ],
)
def test_clauses_a_verb_of_expressing_before_a_stance_noun_states_it(detector, text, lang, position):
    assert detector.detect(text, lang).position == position


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Algunos vecinos manifestaron su apoyo al proyecto.", "es"),  # someone else's support
        ("Es importante expresar nuestro apoyo a los bomberos.", "es"),  # not the main clause, and people
        ("Os vereadores manifestaram seu repúdio à proposta.", "pt"),
        ("Many residents expressed their support for the plan.", "en"),
        ("It is important to express our support for the nurses.", "en"),
    ],
)
def test_clauses_others_expressing_a_stance_state_none(detector, text, lang):
    assert detector.detect(text, lang).position == "none"


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("Desde el centro de padres apoyamos la ampliación del colegio.", "es", "support"),
        ("Como moradores do bairro apoiamos a proposta.", "pt", "support"),
        ("As a local parent I fully support the new crossing.", "en", "support"),
    ],
)
def test_clauses_the_authors_role_before_a_first_person_statement(detector, text, lang, position):
    assert detector.detect(text, lang).position == position


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Como apoyo a las familias, el municipio entregará bonos.", "es"),  # "as help to families"
        ("Desde que apoyamos el proyecto, nadie nos llamó.", "es"),  # "since we supported", a clause
        ("As a result of the changes I support, prices fell.", "en"),  # a connector, not a role
    ],
)
def test_clauses_a_role_word_without_a_role_states_none(detector, text, lang):
    assert detector.detect(text, lang).position == "none"


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("El parque hacía falta y lo apoyamos sin dudar.", "es", "support"),
        ("A praça precisa de reforma e eu apoio a proposta.", "pt", "support"),
        ("The library extension is long overdue and we support it.", "en", "support"),
    ],
)
def test_clauses_a_conjunction_before_a_first_person_statement_opens_a_main_clause(detector, text, lang, position):
    assert detector.detect(text, lang).position == position


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Se necesita formación y apoyo a las cooperativas.", "es"),
        ("Faltam recursos e apoio técnico às cooperativas.", "pt"),
    ],
)
def test_clauses_a_noun_after_a_conjunction_is_no_statement(detector, text, lang):
    found = detector.detect(text, lang)
    assert found.position == "none" and [h.reason for h in found.hits] == ["not the main clause"]


@pytest.mark.parametrize(
    "text, lang, position",
    [
        # Written set 9: a first-person plural verb after "y"/"e" is its own main clause, as it is after a role.
        ("Vivimos junto al cerro y rechazamos la ampliación de la cantera.", "es", "oppose"),
        ("Moramos no centro e apoiamos a nova linha de elétrico.", "pt", "support"),
    ],
)
def test_clauses_a_first_person_plural_verb_after_a_conjunction_states_a_position(detector, text, lang, position):
    assert detector.detect(text, lang).position == position
