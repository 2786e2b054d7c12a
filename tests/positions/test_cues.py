"""Explicit statements of position: cues, negation, questions, reported speech, objects, irony."""

from __future__ import annotations

import pytest

from consultnlp.errors import ConfigError
from consultnlp.positions.cues import CueDetector
from consultnlp.positions.lexicon import load_cues, parse_sections


@pytest.fixture(scope="module")
def detector() -> CueDetector:
    return CueDetector()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Estoy en contra de esta propuesta.", "oppose"),
        ("Rechazamos el proyecto porque no fue consultado.", "oppose"),
        ("No estoy de acuerdo con el borrador.", "oppose"),
        ("En desacuerdo. La medida perjudica a los comerciantes.", "oppose"),
        ("Discordo da proposta.", "oppose"),
        ("Sou contra essa medida.", "oppose"),
        ("Não concordo com o texto.", "oppose"),
        ("I oppose this proposal.", "oppose"),
        ("We disagree with the plan.", "oppose"),
        ("I can't support this.", "oppose"),
        ("Apoyo la propuesta.", "support"),
        ("Totalmente de acuerdo.", "support"),
        ("Concordo plenamente com a proposta.", "support"),
        ("I fully support this proposal.", "support"),
        ("Hubo consenso en el grupo.", "support"),
    ],
)
def test_cues_explicit_statements(detector, text, expected):
    assert detector.detect(text).position == expected


@pytest.mark.parametrize(
    "text",
    [
        "No estoy en contra de la propuesta.",
        "No me opongo a la medida.",
        "Não sou contra a proposta.",
        "I am not against the plan.",
        "We do not oppose the proposal.",
    ],
)
def test_cues_negated_opposition_is_not_support(detector, text):
    found = detector.detect(text)
    assert found.position == "none"
    assert [h.reason for h in found.hits] == ["negated"]


@pytest.mark.parametrize(
    "text",
    [
        "No estoy totalmente de acuerdo.",
        "No estoy del todo de acuerdo con el texto.",
        "Não concordo totalmente com a redação.",
        "I don't fully agree with the plan.",
        "No hubo acuerdo en el grupo.",
    ],
)
def test_cues_negation_with_totality_or_of_a_consensus_is_partial(detector, text):
    assert detector.detect(text).position == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "¿Está usted de acuerdo con la propuesta?",
        "¿Estás de acuerdo?",
        "Você concorda com essa proposta?",
        "Do you agree with this?",
        "Si estás de acuerdo, ¿por qué no lo dices?",
    ],
)
def test_cues_questions_state_no_position(detector, text):
    assert detector.detect(text).position == "none"


def test_cues_tag_question_only_drops_the_tag(detector):
    assert detector.detect("I support this, don't you?").position == "support"
    assert detector.detect("Estoy en contra, ¿no?").position == "oppose"


@pytest.mark.parametrize(
    "text",
    [
        "Algunos dicen que estamos en contra de la reforma.",
        "Se dice que estamos en contra, pero no es así.",
        "Some people say we oppose the plan.",
        "Mucha gente repite «estoy en contra» sin saber por qué.",
        'People keep saying "I disagree" without reading it.',
    ],
)
def test_cues_reported_and_quoted_opponents_are_not_the_author(detector, text):
    found = detector.detect(text)
    assert found.position == "none", found.hits


def test_cues_the_author_after_reported_speech_counts(detector):
    found = detector.detect("Algunos dicen que están en contra, pero yo apoyo esta medida.")
    assert (found.position, found.evidence) == ("support", "apoyo")


def test_cues_a_comment_quoted_as_a_whole_is_the_authors(detector):
    assert detector.detect("«Estoy en contra de esta propuesta.»").position == "oppose"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Estoy en contra de la corrupción.", "about something else"),
        ("Estoy de acuerdo con las familias vulnerables.", "about something else"),
        ("I agree with the previous commenter.", "about a statement"),
        ("Apoyo a las familias vulnerables.", "about something else"),
        ("Estoy de acuerdo con lo que dijo el vecino.", "about a statement"),
        ("No estamos de acuerdo con el aborto.", "about something else"),
        ("I am against corruption.", "about something else"),
        ("De acuerdo con la ley, el plazo es de treinta días.", "followed by an object"),
        ("No estoy de acuerdo con el sistema actual de pensiones.", "about the status quo"),
    ],
)
def test_cues_about_something_else_state_no_position(detector, text, reason):
    found = detector.detect(text)
    assert found.position == "none"
    assert [h.reason for h in found.hits] == [reason]


def test_cues_only_the_proposal_or_a_part_of_it_as_object_counts(detector):
    assert detector.detect("Rechazo el artículo 5 del borrador.").position == "oppose"
    assert detector.detect("Estoy en contra de la nueva propuesta.").position == "oppose"
    assert detector.detect("We disagree with this.").position == "oppose"
    # Something else, even a policy: the draft may not propose it (Chile 2016: "no estamos de acuerdo con el aborto" argues for a right).
    # Slogans ("No a ...") are mostly about issues: "No a la ley antiterrorista" argued for a right in Chile 2016.
    for text in (
        "No a la corrupción.",
        "No al proyecto minero.",
        "No estamos de acuerdo con el aborto.",
        "Estoy en contra de que se privatice el agua.",
        "I strongly oppose corruption in the library.",
    ):
        assert detector.detect(text).position == "none", text


@pytest.mark.parametrize(
    "text, reason",
    [
        ("No tuvo mucho apoyo porque divide al país.", "a noun"),
        ("El rechazo a esta medida fue general.", "a noun"),
        ("Es necesario expresarse cuando no estamos de acuerdo.", "subordinate"),
        ("When we disagree, we should say so.", "subordinate"),
        ("Hay tratados en los cuales no estamos de acuerdo.", "subordinate"),
        ("El acuerdo parcial se dio con 1 voto en contra.", "not at the start"),
        ("Expresar su aprobación o rechazo a esta idea.", "a noun"),
        ("A favor: cuidar la vida. En contra: ya está en la ley.", "a heading"),
    ],
)
def test_cues_nouns_and_hypotheticals_state_no_position(detector, text, reason):
    found = detector.detect(text)
    assert found.position == "none" and reason in {h.reason for h in found.hits}


def test_cues_not_everyone_agreeing_is_partial(detector):
    assert detector.detect("No todos estamos de acuerdo con este punto.").position == "partial"
    assert detector.detect("We do not all agree with this.").position == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "Estoy de acuerdo, pero la redacción debe mejorar.",
        "I agree as long as the budget is published.",
        "Hay acuerdo en que debe existir. Sin embargo, se discute su forma.",
        "Concordo parcialmente.",
        "Acuerdo parcial.",
        "Apoyaría la propuesta si se garantiza el financiamiento.",
        "Apoyo la idea general, pero rechazo el artículo 5.",
    ],
)
def test_cues_reservations_conditions_and_mixed_statements_are_partial(detector, text):
    assert detector.detect(text).position == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "Claro, apoyo totalmente que nos suban los impuestos 🙄",
        "Yeah right, I fully support this.",
        "Concordo totalmente kkkk",
    ],
)
def test_cues_ironic_support_is_dropped(detector, text):
    assert detector.detect(text).position == "none"


def test_cues_neither_nor_and_not_only(detector):
    assert detector.detect("Ni de acuerdo ni en desacuerdo.").position == "none"
    assert detector.detect("I neither agree nor disagree.").position == "none"
    assert detector.detect("No solo estoy de acuerdo, sino que lo celebramos.").position == "support"


def test_cues_without_a_cue_nothing_is_guessed(detector):
    for text in ("Great idea, please go ahead.", "", "La educación debe ser gratuita.", "El plan llega tarde a los barrios."):
        assert detector.detect(text).position == "none"
    # A judgement of the plan is a statement of position (tests/positions/test_evaluations.py), not a guess.
    assert detector.detect("Esta propuesta es un error.").position == "oppose"


def test_cues_evidence_is_the_statement_as_written(detector):
    assert detector.detect("Yo NO estoy del todo de acuerdo con esto.").evidence == "NO estoy del todo de acuerdo"
    assert detector.detect("Estoy de acuerdo, pero falta presupuesto.").evidence == "Estoy de acuerdo … pero"


def test_cues_user_cues_and_proposal_words():
    plain = CueDetector()
    # A stance on a measure keeps its target without any list naming the measure (issue 25, second round).
    assert (plain.detect("Rechazo el tranvía en la avenida.").position, plain.detect("Rechazo el tranvía en la avenida.").target) == (
        "oppose",
        "el tranvía en la avenida",
    )
    assert plain.detect("No queremos el tranvía.").position == "none"
    mine = CueDetector(load_cues(extra_cues={"oppose": ["no queremos >"]}, extra_targets=["tranvia"]))
    assert mine.detect("Rechazo el tranvía en la avenida.").position == "oppose"
    assert mine.detect("No queremos el tranvía.").position == "oppose"
    assert mine.detect("No queremos más corrupción.").position == "none"


def test_cues_list_errors_name_the_file_and_line():
    with pytest.raises(ConfigError, match=r"es.txt, line 2: unknown section \[supprt\]"):
        parse_sections("# x\n[supprt]\nestoy de acuerdo\n", "es.txt")
    with pytest.raises(ConfigError, match="line 1: 'estoy' comes before any"):
        parse_sections("estoy\n", "es.txt")
    with pytest.raises(ConfigError, match="positions.extra_cues: unknown kind 'against'"):
        load_cues(extra_cues={"against": ["x"]})


@pytest.mark.parametrize(
    "text",
    [
        "Desacuerdo, pero a la vez es un principio importante.",  # opposition with a reservation: not "oppose"
        "Desacuerdo (6/5).",  # a split vote: the meeting was divided
        "Sin acuerdo.",  # no agreement was reached
        "Acuerdo parcial, 14 a 3.",
        "Existe acuerdo parcial sobre este punto.",
    ],
)
def test_cues_when_in_doubt_partial_rather_than_oppose(detector, text):
    assert detector.detect(text).position == "partial"


def test_cues_a_clause_as_object_is_no_opposition_to_the_proposal(detector):
    found = detector.detect("No estamos de acuerdo que esté la presidenta.")
    assert found.position == "none" and [h.reason for h in found.hits] == ["a clause as object"]
    assert detector.detect("Estamos de acuerdo en que este valor debe estar en la constitución.").position == "support"


def test_cues_a_word_in_a_list_is_no_statement(detector):
    found = detector.detect("Empatía, apoyo, colaboración u otro en momento de necesidad.")
    assert found.position == "none" and [h.reason for h in found.hits] == ["a list item"]
    assert detector.detect("Apoyo, porque es necesario.").position == "support"


@pytest.mark.parametrize(
    "text, lang, position, target",
    [
        ("Rechazamos la venta del estadio municipal.", "es", "oppose", "la venta del estadio municipal"),
        ("Apoio a ampliação do horário das creches.", "pt", "support", "a ampliação do horário das creches"),
        ("We oppose the merger of the two primary schools.", "en", "oppose", "the merger of the two primary schools"),
        ("Apoyo a los médicos del consultorio.", "es", "none", ""),  # people, not a measure
        ("Sou contra a corrupção na prefeitura.", "pt", "none", ""),  # a general cause
    ],
)
def test_cues_a_stance_on_any_measure_keeps_its_target_people_and_causes_do_not(detector, text, lang, position, target):
    found = detector.detect(text, lang)
    assert (found.position, found.target) == (position, target), found.hits


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("Estoy en completo desacuerdo con el nuevo reglamento de ferias.", "es", "oppose"),
        ("Estou em total desacordo com a proposta de concessão do parque.", "pt", "oppose"),
        ("I am in total disagreement with the proposed car park.", "en", "oppose"),
        ("No estoy en total desacuerdo con el plan.", "es", "partial"),  # a word of totality, negated
    ],
)
def test_cues_a_word_of_totality_inside_a_cue_is_passed_over(detector, text, lang, position):
    assert detector.detect(text, lang).position == position


def test_cues_a_longer_cue_not_at_the_start_gives_way_to_a_shorter_one():
    # "^total desacuerdo" (start of a sentence only) and "desacuerdo" both start at "desacuerdo" here:
    lists = load_cues(extra_cues={"oppose": ["^desacuerdo con el plan", "desacuerdo con"]})
    found = CueDetector(lists).detect("Los vecinos, en fin, desacuerdo con el plan.", "es")
    assert found.position == "oppose" and [" ".join(h.cue.words) for h in found.hits] == ["desacuerdo con"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("No podemos respaldar este borrador tal como está.", "es"),
        ("Nunca vamos a aceptar la venta del cerro.", "es"),
        ("De ninguna manera aceptamos el cobro por estacionar en el centro.", "es"),
        ("Não vamos aceitar o fechamento da escola.", "pt"),
        ("De jeito nenhum aceito esse aumento do IPTU.", "pt"),
        ("We cannot accept the closure of the youth centre.", "en"),
        ("Under no circumstances will we accept the loss of the playing fields.", "en"),
        ("I can't in all honesty accept this plan.", "en"),
    ],
)
def test_cues_a_negated_modal_or_an_emphatic_negation_before_support_is_opposition(detector, text, lang):
    assert detector.detect(text, lang).position == "oppose"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("No aceptar sobornos es un deber de todo funcionario.", "es"),  # an infinitive proposes
        ("Não aceitar propina é obrigação de todos.", "pt"),
        ("Los comerciantes no van a aceptar el plan.", "es"),  # someone else
        ("Nadie va a apoyar esto.", "es"),
        ("They will never accept the plan.", "en"),
        ("Acepto la invitación a participar.", "es"),  # "aceptar" counts only negated
        ("¿No vamos a aceptar el cierre?", "es"),
    ],
)
def test_cues_accepting_states_nothing_unless_the_author_negates_it(detector, text, lang):
    assert detector.detect(text, lang).position == "none"


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("Veo con muy buenos ojos la peatonalización de la calle Mayor.", "es", "support"),
        ("Estamos conformes con el plan de movilidad.", "es", "support"),
        ("No estoy conforme con el nuevo horario de la biblioteca.", "es", "oppose"),
        ("Decimos no al vertedero en nuestro barrio.", "es", "oppose"),
        ("Yo no lo veo bien, la verdad.", "es", "oppose"),
        ("Lo apoyo a medias.", "es", "partial"),
        ("Vemos com muito bons olhos a criação do parque linear.", "pt", "support"),
        ("Achamos muito bem a ampliação do horário do posto.", "pt", "support"),
        ("I'm totally behind this plan.", "en", "support"),
        ("I'm dead set against the bypass.", "en", "oppose"),
        ("I'm all for the new cycle lanes.", "en", "support"),
    ],
)
def test_cues_idioms_of_support_and_opposition(detector, text, lang, position):
    assert detector.detect(text, lang).position == position


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Estou dentro do ônibus agora.", "pt"),  # "^estou dentro$" takes no object
        ("I am behind on my rent.", "en"),
        ("I'm all for free speech.", "en"),  # a general cause
    ],
)
def test_cues_idioms_used_literally_or_about_a_cause_state_none(detector, text, lang):
    assert detector.detect(text, lang).position == "none"


@pytest.mark.parametrize(
    "text, lang, position, target",
    [
        ("Sou radicalmente contra a privatização da água.", "pt", "oppose", "a privatização da água"),
        ("Me opongo rotundamente al cierre de la escuela.", "es", "oppose", "cierre de la escuela"),  # not part of the target
        ("No estoy nada de acuerdo con la propuesta.", "es", "oppose", ""),
        ("Highly agree with the new crossing.", "en", "support", "the new crossing"),
    ],
)
def test_cues_an_adverb_inside_or_before_a_cue_is_passed_over(detector, text, lang, position, target):
    found = detector.detect(text, lang)
    assert (found.position, found.target) == (position, target)


@pytest.mark.parametrize(
    "text, lang", [("Los temas que realmente apoyo no están en el plan.", "es"), ("The family I support lives abroad.", "en")]
)
def test_cues_an_adverb_does_not_make_a_relative_clause_a_statement(detector, text, lang):
    assert detector.detect(text, lang).position == "none"


def test_cues_a_user_cue_marked_negated_only():
    mine = CueDetector(load_cues(extra_cues={"support": ["!tolero"]}))
    assert mine.detect("No tolero el cierre del consultorio.", "es").position == "oppose"
    found = mine.detect("Tolero el cierre del consultorio.", "es")
    assert found.position == "none" and [h.reason for h in found.hits] == ["not negated"]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Rechazó la encuesta", "none"),  # what someone did (written set 9 of the non-answers), not the author's stance
        ("Apoyó", "none"),
        ("Rechazo la propuesta", "oppose"),
        ("Apoyo el proyecto", "support"),
        ("Se apoyó la idea de que los profesores tengan más libertad", "support"),  # a meeting records its own decision
        ("Se llegó a acuerdo completo de los miembros", "support"),
    ],
)
def test_cues_a_third_person_preterite_is_no_stance_of_the_author(text, position):
    assert CueDetector().detect(text, "es").position == position


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PNDBio 2025 and Plano Clima 2024: "apoio" as a noun in a list is help, not support of the plan.
        ("O plano comprova que é possível com governança territorial, apoio técnico e valorização do saber local.", "none"),
        ("Incluir linhas de crédito de médio porte, apoio a hubs empresariais regionais e certificações.", "none"),
        ("Criar caminhos para que essas mulheres retomem a vida social com dignidade, apoio emocional e segurança.", "none"),
        # the verb, at the start, after "eu" or "também", at the end of its clause; the noun that states support
        ("Apoio a proposta.", "support"),
        ("Eu apoio o artigo 3.", "support"),
        ("Também apoio a proposta do bairro.", "support"),
        ("A proibição de carros no centro é uma ótima medida, apoio.", "support"),
        ("A associação vem, por meio desta, manifestar apoio integral à minuta em consulta.", "support"),
    ],
)
def test_cues_portuguese_apoio_as_a_noun_is_no_position(detector, text, expected):
    assert detector.detect(text, "pt").position == expected


@pytest.mark.parametrize(
    "text, lang, position, target",
    [
        ("No al peaje en la costanera.", "es", "oppose", "peaje en la costanera"),  # a slogan against a measure
        ("Não ao corte de verbas previsto.", "pt", "oppose", "corte de verbas"),
        ("No al lucro en la educación.", "es", "none", ""),  # a slogan against a general evil
        ("No to racism.", "en", "none", ""),
        # Stop 47 (written target set 7): yes and out-with slogans, and works a plan may propose.
        ("Sí a la tala selectiva del bosque exótico.", "es", "support", "tala selectiva del bosque exótico"),
        ("Sim à venda do terreno da antiga estação.", "pt", "support", "venda do terreno da antiga estação"),
        ("Não ao aterro na várzea.", "pt", "oppose", "aterro na várzea"),
        ("No to the landfill behind the school.", "en", "oppose", "the landfill behind the school"),
        ("Fuera la cláusula de reelección.", "es", "oppose", "cláusula de reelección"),
        ("Out with the clause on re-election.", "en", "oppose", "the clause on re-election"),
        ("Sí a la educación pública.", "es", "none", ""),  # a cause, no measure
        ("Não à corrupção!", "pt", "none", ""),
    ],
)
def test_cues_a_yes_or_no_slogan_is_a_stance_only_on_a_measure(text, lang, position, target):
    found = CueDetector().detect(text, lang)
    assert (found.position, found.target) == (position, target)


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("Nós não damos o nosso aval à mudança da feira.", "pt", "oppose"),  # a negated giving of a stance noun
        ("No damos nuestro apoyo a esta reforma.", "es", "oppose"),
        ("Mi vecino cree que el nuevo peaje es un abuso.", "es", "none"),  # someone else's opinion
        ("My neighbour reckons the new toll is a disaster.", "en", "none"),
        ("Discordo da forma como a companhia de energia trata os moradores.", "pt", "none"),  # conduct, not a measure
        ("A favor da escola em tempo integral no campo", "pt", "none"),  # a title: what is wanted
        ("In favour of a mobile library van for the hamlets", "en", "none"),
        ("A favor de la propuesta", "es", "support"),  # a title naming the proposal states support
    ],
)
def test_cues_negated_giving_reported_opinions_conduct_and_titles(text, lang, position):
    assert CueDetector().detect(text, lang).position == position


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("La Asociación de Jubilados del Valle Verde apoya el aumento de la pensión mínima.", "es", "support"),
        ("O Sindicato dos Professores repudia o aumento da idade mínima.", "pt", "oppose"),
        ("Our union branch opposes the move to zero-hours contracts.", "en", "oppose"),
        ("The Tenants' Forum does not accept the proposed rise in rents.", "en", "oppose"),
        # Stop 41 (sets 3, 5, 6, 8): an English name of several capitalised words before the organisation's noun.
        ("The Market Street Traders' Group formally objects to the proposals as drafted.", "en", "oppose"),
        ("The Greystone Tenants' Association is not in favour of the rent increase.", "en", "oppose"),
        ("The Mayor said the Riverside Group objects to it.", "en", "none"),  # reported
        ("The other local groups object to it.", "en", "none"),  # no name written as one
        ("Mi vecino apoya el plan.", "es", "none"),  # a third person who is not the author
        ("The chamber of commerce says it supports the scheme.", "en", "none"),  # reported
    ],
)
def test_cues_an_organisation_writing_of_itself_states_its_position(text, lang, position):
    assert CueDetector().detect(text, lang).position == position


@pytest.mark.parametrize(
    "text, lang, position",
    [
        ("La Cofradía de Pescadores manifiesta, por acuerdo de su asamblea, su frontal oposición al plan.", "es", "oppose"),
        ("A Colônia de Pescadores vem, por meio desta, manifestar seu inteiro apoio à proposta.", "pt", "support"),
        ("The Residents Association registers its opposition to the new car park.", "en", "oppose"),
        ("La Asociación agradece su apoyo a todos los vecinos.", "es", "none"),  # thanks for someone else's support
    ],
)
def test_cues_an_organisations_stance_noun_after_its_verb_of_expressing(text, lang, position):
    assert CueDetector().detect(text, lang).position == position


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # Stop 40, sets 4 and 7: a request to withdraw or shelve a measure or the plan opposes it ...
        ("Shelve the congestion charge until there's a bus worth taking.", "en", "oppose"),
        ("Que lo retiren. Un plan de clima sin metas vinculantes es puro maquillaje verde.", "es", "oppose"),
        ("Retirem este plano e comecem de novo.", "pt", "oppose"),
        # ... the speaker's intensifiers, time adverbs and future stand before a cue ...
        ("sou super a favor da feira noturna na praça da matriz!!", "pt", "support"),
        ("I came in sceptical, read the whole thing, and I'm now firmly in favour.", "en", "support"),
        ("Ni por asomo vamos a aceptar la cárcel regional en medio del valle agrícola.", "es", "oppose"),
        # ... and withdrawing what is not the plan's is no stance.
        ("We withdraw our earlier comment.", "en", "none"),
    ],
)
def test_cues_requests_to_withdraw_and_words_before_a_cue(detector, text, lang, expected):
    assert detector.detect(text, lang).position == expected
