"""Campaigns and duplicates never cross prompts, and near-duplicates that differ in the word naming a concept are not one text."""

from __future__ import annotations

from consultnlp import schema
from consultnlp.config import DedupeConfig
from consultnlp.slots import meaning_slot_pairs, raised_words
from consultnlp.stages.base import RunContext
from consultnlp.stages.dedupe import DedupeStage
from consultnlp.summary.campaigns import campaigns_table
from consultnlp.text import fold
from tests.conftest import make_frame
from tests.stages.test_dedupe import LETTER

TEMPLATE = "En nuestro encuentro el 100% de los asistentes está de acuerdo con el valor de la {} para la nueva constitución de Chile"
CONCEPTS = ["Justicia", "Solidaridad", "Igualdad", "Libertad"]


def _run(texts, prompts=None, **cfg):
    frame = make_frame(texts)
    frame[schema.TEXT_CLEAN] = frame[schema.TEXT]
    if prompts is not None:
        frame[schema.CONTEXT] = prompts
    context = RunContext()
    return DedupeStage(DedupeConfig(**cfg)).run(frame, context), context


def test_dedupe_prompts_same_text_answering_two_prompts_is_two_campaigns():
    note = "Es fundamental para la nueva constitución y el desarrollo del país, lo votamos por unanimidad en el cabildo"
    texts = [note] * 12 + [note.replace("cabildo", "encuentro")] * 12
    prompts = ["Justicia"] * 6 + ["Democracia"] * 6 + ["Justicia"] * 6 + ["Democracia"] * 6
    without, _ = _run(texts, campaign_min_size=10)
    assert without[schema.CAMPAIGN_ID].nunique() == 1 and without[schema.DUP_COUNT].iloc[0] == 24  # the old behaviour
    out, context = _run(texts, prompts, campaign_min_size=10)
    by_prompt = out.groupby(schema.CONTEXT)[schema.CAMPAIGN_ID].unique().map(list).to_dict()
    assert by_prompt == {"Democracia": ["K2"], "Justicia": ["K1"]} and out[schema.DUP_COUNT].tolist() == [12] * 24
    assert context.stats["near_duplicates_split_by_prompt"] == 4  # of the 6 pairs among 2 variants x 2 prompts
    table = campaigns_table(out)
    assert table[["campaign_id", "contributions", "prompt"]].values.tolist() == [["K1", 12, "Justicia"], ["K2", 12, "Democracia"]]


def test_dedupe_prompts_template_filled_with_different_concepts_is_not_one_campaign():
    texts = [TEMPLATE.format(c) for c in CONCEPTS] * 3
    # The concepts are written in lower case elsewhere: common nouns raised to names, not proper names.
    texts.append("Creemos que la justicia, la solidaridad, la igualdad y la libertad son los valores que nos unen como país")
    out, context = _run(texts, campaign_min_size=3)
    assert out[schema.DUP_GROUP].tolist()[:4] == [0, 1, 2, 3] and out[schema.DUP_GROUP].tolist()[4:8] == [0, 1, 2, 3]
    assert out[schema.CAMPAIGN_ID].tolist()[:4] == ["K1", "K2", "K3", "K4"] and context.stats["near_duplicates_split_by_meaning"] >= 1


def test_dedupe_prompts_concepts_named_by_prompts_split_even_in_capitals():
    texts = [TEMPLATE.format(c).upper() for c in CONCEPTS] * 3
    others = ["Que todos seamos iguales ante la ley", "Ayudarnos entre todos", "Poder elegir sin miedo", "Que la ley se cumpla"]
    out, _ = _run(texts + others, ["Valores"] * 16, campaign_min_size=3)
    assert out[schema.DUP_GROUP].iloc[:12].nunique() < 4  # no word case, no prompt naming them: nothing tells the concepts apart
    # Other rows answer prompts that name the concepts: the template's rows (all one prompt) differ in a concept.
    out, _ = _run(texts + others, ["Valores"] * 12 + CONCEPTS, campaign_min_size=3)
    assert out[schema.DUP_GROUP].iloc[:12].nunique() == 4 and out[schema.CAMPAIGN_ID].iloc[:4].tolist() == ["K1", "K2", "K3", "K4"]


def test_dedupe_prompts_form_letter_signed_from_other_towns_stays_one_campaign():
    towns = ["Copiapó", "Vallenar", "Caldera", "Chañaral"]
    texts = [f"{LETTER} Saludos desde {town}, firmado por la Junta de Vecinos de {town}." for town in towns] * 3
    out, context = _run(texts, campaign_min_size=10)
    assert out[schema.DUP_GROUP].nunique() == 1 and out[schema.CAMPAIGN].all()
    assert context.stats["near_duplicates_split_by_meaning"] == 0


def test_dedupe_prompts_slot_rule_needs_a_concept_on_both_sides():
    keys = ["el valor de la justicia para chile", "el valor de la solidaridad para chile", "el valor de la justicia para chile hoy"]
    texts = ["El valor de la Justicia para Chile", "El valor de la Solidaridad para Chile", "El valor de la Justicia para Chile hoy"]
    corpus = texts + ["la justicia y la solidaridad"]
    assert meaning_slot_pairs([(0, 1), (0, 2)], keys, texts, frozenset(), corpus) == {(0, 1)}  # an added word is no slot
    assert meaning_slot_pairs([(0, 1)], keys, texts, frozenset(), texts) == set()  # never in lower case: could be names
    assert meaning_slot_pairs([(0, 1)], keys, [t.lower() for t in texts], frozenset({"justicia", "solidaridad"}), texts) == {(0, 1)}
    assert raised_words("Justicia para todos. La Solidaridad y «Bien Común» en CHILE") == {"solidaridad", "bien", "comun"}


def test_dedupe_prompts_letter_signed_by_an_organisation_stays_one_campaign():
    # The sample's campaign B: one copy signed by a collective ("Coletivo Juventude Ativa", words the consultation also
    # writes in lower case) is the same letter, not a different concept.
    body = (
        "Exigimos dados abertos do orçamento. Como cidadão, peço que o Plano de Ação de Governo Aberto obrigue todos os "
        "municípios a publicar a execução orçamentária em formato aberto, atualizada mensalmente, com detalhamento por "
        "programa e por bairro. Orçamento público é dinheiro do povo."
    )
    texts = [
        f"{body} - Associação Moradores Unidos, Recife",
        f"{body} - Coletivo Juventude Ativa, Salvador",
        "A juventude do coletivo quer uma cidade ativa, e a associação dos moradores unidos quer praças.",
    ]
    keys = [fold(t) for t in texts]
    assert meaning_slot_pairs([(0, 1)], keys, texts, frozenset(), texts) == set()
    # The same words in the letter's body are a filled slot: that pair is split.
    filled = [f"Queremos mais verba para a {w} do bairro, já." for w in ("Juventude", "Associação")]
    assert meaning_slot_pairs([(0, 1)], [fold(t) for t in filled], filled, frozenset(), [*filled, texts[2]]) == {(0, 1)}


def test_dedupe_prompts_two_short_texts_written_once_that_differ_in_a_content_word_are_two():
    # Claim check 53 (Bowling Green): "1 repeats the text of another" was a noise ordinance counted as a copy of a leash law.
    keys = [
        "lease laws should be enacted and enforced in the county as they are in the city",
        "noise ordinances should be enacted and enforced in the county as they are in the city",
        "lease lwas should be enacted and enforced in the county as they are in the city",
    ]
    texts = [k.capitalize() + "." for k in keys]
    corpus = [*texts, "The noise at night and the lease of council land"]  # the consultation writes both in lower case
    assert meaning_slot_pairs([(0, 1)], keys, texts, frozenset(), corpus, [1, 1, 1]) == {(0, 1)}
    assert meaning_slot_pairs([(0, 2)], keys, texts, frozenset(), corpus, [1, 1, 1]) == set()  # a typo is the same word
    # A text many sent is a circulated one: its variants are the same message (a campaign), as before.
    assert meaning_slot_pairs([(0, 1)], keys, texts, frozenset(), corpus, [12, 1, 1]) == set()
    # An everyday word opening the sentence is capitalised by the sentence, not because it is a name (Bowling Green's pair:
    # "Lease" is written in lower case nowhere else).
    assert meaning_slot_pairs([(0, 1)], keys, texts, frozenset(), texts, [1, 1, 1]) == {(0, 1)}
    # Differing names (capitalised, never written in lower case) are signatures, not another proposal.
    signed = ["Apoyo el plan de ciclovías del barrio. Juan", "Apoyo el plan de ciclovías del barrio. María"]
    assert meaning_slot_pairs([(0, 1)], [fold(t) for t in signed], signed, frozenset(), signed, [1, 1]) == set()
