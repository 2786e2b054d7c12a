"""Key points count only the contributions whose own sentences make the point (issue 26): pro and con apart,
self-contained statements, one statement per point, honest wording where too few make the same point."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.embedders.base import l2_normalise
from consultnlp.report.sections.common import ReportContext
from consultnlp.report.sections.topics import groups_section
from consultnlp.summary.keypoints import KeyPointInputs, drop_restated, key_points
from consultnlp.summary.matching import SAME_POINT_THRESHOLD, THRESHOLD, judgement, match_probability, negated
from consultnlp.summary.statements import statement_problem
from tests.conftest import FakeEmbedder

BUSES = [
    "Queremos más buses nocturnos en la periferia de Santiago.",
    "Queremos más buses nocturnos en la periferia de Santiago ya.",
    "Pedimos más buses nocturnos en la periferia de Santiago.",
    "Queremos más buses nocturnos en toda la periferia de Santiago.",
]
SIDEWALKS = [
    "Hay que arreglar las veredas rotas del centro histórico.",
    "Arreglar las veredas rotas del centro es urgente.",
    "Las veredas rotas del centro histórico son un peligro.",
]


def _one_cluster(texts: list[str], positions: list[str] | None = None, weights: list[float] | None = None) -> KeyPointInputs:
    """Contributions whose whole-text vectors are all alike: one cluster, whatever their sentences say. Each text gets
    a short closing word, so that its sentence is embedded on its own (a one-sentence text would reuse the alike vector)."""
    texts = [f"{t} Gracias." for t in texts]
    rng = np.random.default_rng(0)
    base = rng.normal(size=64)
    vectors = l2_normalise(np.vstack([base + 0.01 * rng.normal(size=64) for _ in texts]))
    ids = pd.Index([f"c{i:02d}" for i in range(len(texts))])
    return KeyPointInputs(
        ids, texts, np.asarray(weights or [1.0] * len(texts)), vectors, None if positions is None else np.asarray(positions, dtype=object)
    )


def _around(texts: list[str], centres: np.ndarray) -> KeyPointInputs:
    """Contributions whose whole-text vectors lie around ``centres`` (one row per text), so that the clusters are the
    test's; each text gets a closing word, so that its sentence is matched by the fake embedder's own vector."""
    rng = np.random.default_rng(0)
    vectors = l2_normalise(np.asarray(centres, dtype=np.float64) + 0.01 * rng.normal(size=np.shape(centres)))
    ids = pd.Index([f"c{i:02d}" for i in range(len(texts))])
    return KeyPointInputs(ids, [f"{t} Gracias." for t in texts], np.ones(len(texts)), vectors)


def _points(inputs: KeyPointInputs, groups=None, **kwargs) -> pd.DataFrame:
    groups = groups or {("group", "0"): np.arange(len(inputs.texts))}
    return key_points(inputs, groups, FakeEmbedder().encode, min_support=3, **kwargs)


def test_keypoints_count_only_members_whose_sentences_make_the_point():
    inputs = _one_cluster(BUSES + SIDEWALKS, weights=[2, 1, 1, 1, 5, 1, 1])
    table = _points(inputs)
    assert len(table) == 1
    point = table.iloc[0]
    assert point["statement"] in BUSES
    # The cluster held all seven; only the four that ask for night buses say so.
    assert point["comment_ids"].split(";") == ["c00", "c01", "c02", "c03"]
    assert (point["unique_contributions"], point["contributions"]) == (4, 5)
    assert point["cluster_size"] == 7 and point["cluster_share"] == pytest.approx(4 / 7)


def test_keypoints_a_sentence_counts_for_one_point_of_its_group(monkeypatch):
    # Read 10: one contribution was counted in two key points of one subject. The last text asks for both; its one
    # sentence matches both statements (at a threshold lowered for the fake embedder), and counts for one point only.
    import consultnlp.summary.keypoints as module

    monkeypatch.setattr(module, "COUNT_THRESHOLD", 0.4)
    buses = [
        "Queremos más buses nocturnos en la periferia de Santiago.",
        "Queremos más buses nocturnos en la periferia de Santiago ya.",
        "Pedimos más buses nocturnos en la periferia de Santiago.",
    ]
    bikes = [
        "Necesitamos ciclovías seguras y anchas para ir al trabajo.",
        "Necesitamos ciclovías seguras y anchas para ir al trabajo ya.",
        "Exigimos ciclovías seguras y anchas para ir al trabajo.",
    ]
    both = ["Queremos más buses nocturnos en la periferia de Santiago y ciclovías seguras y anchas para ir al trabajo."]
    centres = np.random.default_rng(1).normal(size=(2, 64))
    table = _points(_around(buses + bikes + both, centres[[0, 0, 0, 1, 1, 1, 0]]))  # two clusters, the last in the first
    assert len(table) == 2
    members = [set(ids.split(";")) for ids in table["comment_ids"]]
    assert not members[0] & members[1]
    assert "c06" in members[0] | members[1]


def test_keypoints_quote_the_sentence_the_members_match_best(monkeypatch):
    # Read 10: «nueva vivienda» was quoted for three contributions, two of which ask for «vivienda digna». All three
    # statements count the same three (at a threshold lowered for the fake embedder); the odd one is the closest to
    # the cluster's centre, and the one the others match best is quoted.
    import consultnlp.summary.keypoints as module

    monkeypatch.setattr(module, "COUNT_THRESHOLD", 0.5)
    said = [
        "Todos tenemos derecho a vivir en una vivienda digna.",
        "Todos tenemos derecho a vivir en una vivienda digna y segura.",
        "Todos tenemos derecho a vivir en una nueva vivienda.",
    ]
    table = _points(_around(said, np.repeat(FakeEmbedder().encode([said[2]]), 3, axis=0)))
    assert table["unique_contributions"].tolist() == [3]
    assert table["statement"].tolist() == [said[0]]


def test_keypoints_no_point_when_fewer_than_the_minimum_make_it():
    # Seven alike contributions, but no sentence is shared by three of them.
    texts = (
        BUSES[:2]
        + SIDEWALKS[:2]
        + [
            "El parque municipal necesita más árboles y bancas nuevas.",
            "La biblioteca debería abrir también los domingos por la tarde.",
            "Los semáforos de la avenida principal duran demasiado poco.",
        ]
    )
    assert _points(_one_cluster(texts)).empty


def test_keypoints_supporters_and_opponents_never_share_a_point():
    texts = BUSES + [
        "Queremos más buses nocturnos en la periferia de Santiago, pero no así.",
        "Queremos más buses nocturnos en la periferia de Santiago, dicen, y es falso.",
        "Queremos más buses nocturnos en la periferia de Santiago: mala idea.",
    ]
    positions = ["support"] * 4 + ["oppose"] * 3
    table = _points(_one_cluster(texts, positions))
    assert len(table) >= 1
    side = dict(zip([f"c{i:02d}" for i in range(len(texts))], positions))
    for ids in table["comment_ids"]:
        assert len({side[c] for c in ids.split(";")}) == 1
    assert table.iloc[0]["comment_ids"].split(";") == ["c00", "c01", "c02", "c03"]


def test_keypoints_opposite_sentences_never_match():
    ban = [
        "Se debe prohibir la pirotecnia en las fiestas patrias.",
        "Se debe prohibir la pirotecnia en todas las fiestas patrias.",
        "Se debe prohibir ya la pirotecnia en las fiestas patrias.",
    ]
    allow = [
        "No se debe prohibir la pirotecnia en las fiestas patrias.",
        "No se debe prohibir la pirotecnia en todas las fiestas patrias.",
        "Nunca se debe prohibir la pirotecnia en las fiestas patrias.",
    ]
    table = _points(_one_cluster(ban + allow))
    assert len(table) == 1
    texts = dict(zip([f"c{i:02d}" for i in range(6)], ban + allow))
    members = table.iloc[0]["comment_ids"].split(";")
    assert len(members) == 3 and len({negated(texts[c]) for c in members}) == 1
    assert negated("No se debe prohibir.") and not negated("Se debe prohibir.") and negated("It shouldn't be banned.")


def test_keypoints_never_count_a_sentence_that_judges_the_subject_the_other_way():
    # Same subject words, opposite judgements, no negation word: a Pol.is conversation counted "my vote is wasted under
    # the current electoral system" as saying "I am pleased with the current electoral system".
    fair = [
        "The current electoral system of the province is fair.",
        "The current electoral system of the province is fair to voters.",
        "The current electoral system of the province is fair and good.",
    ]
    biased = [
        "The current electoral system of the province is biased.",
        "The current electoral system of the province is biased to voters.",
        "The current electoral system of the province is biased and undemocratic.",
    ]
    table = _points(_one_cluster(fair + biased))
    assert len(table) >= 1
    texts = dict(zip([f"c{i:02d}" for i in range(6)], fair + biased))
    for ids in table["comment_ids"]:
        assert len({judgement(texts[c]) for c in ids.split(";")}) == 1


@pytest.mark.parametrize(
    "text, sign",
    [
        ("I am pleased with the current electoral system.", 1),
        ("My vote is wasted under the current electoral system.", -1),
        ("The system is not fair.", -1),  # negation turns a judgement word around
        ("The system is unjust.", -1),
        ("El plan es un acierto.", 1),
        ("Cerrar los consultorios de noche es un error.", -1),
        ("Não funciona bem o transporte.", -1),
        ("A proposta é ótima.", 1),
        ("The bus service isn't reliable.", -1),
        ("Fares should be affordable.", 0),  # a demand names the state wanted, not a judgement of the present
        ("La tarifa debe ser justa.", 0),
        ("Buena idea, pero mal ejecutada.", 0),  # both: no single judgement
        ("Más buses nocturnos en la periferia.", 0),
    ],
)
def test_judgement_of_a_sentence(text, sign):
    assert judgement(text) == sign


def test_keypoints_agreeing_judgements_match_across_negation():
    # "not fair" and "unjust" say the same; the negation rule alone would keep them apart.
    texts = [
        "The new toll on the coast road is not fair.",
        "The new toll on the coast road is unjust.",
        "The new toll on the coast road is not fair at all.",
    ]
    table = _points(_one_cluster(texts))
    assert len(table) == 1 and table.iloc[0]["unique_contributions"] == 3


def test_keypoints_statement_is_self_contained():
    # The contribution closest to the centre only points back ("Esto ..."): another member states the point.
    texts = [
        "Esto permitiría mejorar mucho el transporte público de la ciudad.",
        "Mejorar el transporte público de la ciudad es urgente para todos.",
        "Mejorar el transporte público de la ciudad es urgente para todos nosotros.",
        "Mejorar el transporte público de toda la ciudad es urgente para todos.",
    ]
    table = _points(_one_cluster(texts))
    assert len(table) == 1
    assert statement_problem(table.iloc[0]["statement"]) is None
    assert table.iloc[0]["comment_id"] != "c00"
    # Only questions: no statement, so no key point.
    questions = ["¿Por qué no hay buses nocturnos en la periferia de Santiago?"] * 2 + [
        "¿Por qué no hay más buses nocturnos en la periferia de Santiago?",
        "¿Cuándo habrá buses nocturnos en la periferia de Santiago?",
    ]
    assert _points(_one_cluster(questions)).empty


@pytest.mark.parametrize(
    "sentence, problem",
    [
        ("Esto permitiría mejorar mucho el transporte público.", "anaphor"),
        ("Esta medida ayudaría a reducir la contaminación del aire.", "anaphor"),
        ("Isso ajudaria a reduzir o desmatamento na Amazônia.", "anaphor"),
        ("Ele deve ser aprovado o quanto antes pelo Congresso.", "anaphor"),
        ("They should stop the deductions from our pensions now.", "anaphor"),
        ("It would overcome the lack of funding for rural schools.", "anaphor"),
        ("The proposed fund would overcome the lack of rural credit.", "anaphor"),
        ("We support the proposed fund for small rural farmers.", "anaphor"),
        ("Além disso, os agricultores precisam de crédito rural.", "anaphor"),
        ("¿Por qué no hay buses nocturnos en la periferia?", "question"),
        ("Why are there no night buses in the suburbs?", "question"),
        ("Plan Nacional De Movilidad Urbana Sostenible", "fragment"),
        ("Transporte público gratuito y de calidad para todos", "fragment"),
        ("Propuestas para mejorar el transporte público:", "fragment"),
        ("dos próximos povos e comunidades tradicionais,", "fragment"),
        ("Reduzir juros do PRONAF para estimular a produção de alimentos saudáveis;", "fragment"),  # a list item
        ("Meta 3.2: Ampliação do valor da receita nacional com produtos de origem biológica até 2035.", "fragment"),
        ("Missão 6 - Produção de biomassa sustentável: Promover a intensificação", "fragment"),
        ("para que podamos cumplir las leyes de nuestro país", "fragment"),
        ("Pública, gratuita, de calidad", "fragment"),
        ("Muy buena idea.", "length"),
        ("Queremos más buses nocturnos en la periferia de Santiago.", None),
        ("Os agricultores familiares precisam de crédito rural mais barato.", None),
        ("Pension deductions should stop for retired teachers.", None),
        ("Es un principio básico para la democracia.", "anaphor"),
        ("Es un deber básico para que funcione la Democracia.", "anaphor"),  # read 10: the duty was compulsory voting
        ("É um dever de todos cuidar do meio ambiente.", None),  # the infinitive is the subject
        ("Es un lugar de encuentro para la comunidad entera.", "anaphor"),
        ("Es el fundamento para garantizar el respeto a los derechos humanos.", "anaphor"),
        ("Es necesario que esté en la Constitución.", "anaphor"),  # read of the full Chile report: 822 «say» it
        ("Es necesario que exista un tribunal constitucional independiente.", None),
        ("Es necesario que el Estado garantice la salud de todos.", None),
        ("debería tener mayor importancia, debería estar mas arriba", "anaphor"),
        ("Debe garantizar el acceso a la salud para todos.", "anaphor"),
        ("Deve garantir o acesso à saúde para todos os brasileiros.", "anaphor"),
        ("Debe existir una nueva constitución hecha por la ciudadanía.", None),
        ("Deben cumplirse las obligaciones fiscales de todos.", None),
        ("Deve-se garantir o acesso à água nas comunidades rurais.", None),
        ("Que sea para todos iguales, sin excepción.", "anaphor"),  # read 11 C, after it was measured
        ("No todos creen que debe estar en la Constitución.", "anaphor"),
        ("Que la educación sea gratuita y de calidad para todos.", None),
        ("Que haya un defensor del pueblo independiente en cada región.", None),
        ("El derecho a la salud es un derecho.", "tautology"),
        ("El derecho a la salud es un derecho humano fundamental.", None),
        ("A educação pública é uma educação para todos.", None),
        ("Muchos creen que la salud debe ser un derecho garantizado.", None),
        ("Es deber del Estado garantizar la salud de todos.", None),
        ("Porque sin medio ambiente no podemos vivir.", "anaphor"),
        ("Debe ser respetado por todos los ciudadanos.", "anaphor"),
        ("La constitución debe establecer la forma en que se garantice este deber.", "anaphor"),
        ("Elegido de manera popular El intendente debe ser elegido de manera popular.", "fragment"),
        ("En este país la salud debe ser un derecho garantizado para todos.", None),
        ("O orçamento participativo de Porto Alegre foi referência no mundo inteiro.", None),
        ("Please publish the plan in easy-read format for people with disabilities.", None),
        ("Al igual que el anterior, es un deber cuidar nuestro patrimonio.", "anaphor"),
        ("Fundamental para una sociedad desarrollada.", "anaphor"),
        ("Derecho a la educación pública, gratuita y de calidad.", "fragment"),
        ("Es necesario fortalecer la independencia de los tribunales.", None),
        ("É preciso que o governo invista em saneamento básico.", None),
        ("Para tener una mejor convivencia.", "anaphor"),  # the full Chile run with its prompts, this stop
        ("Para que se respeten los derechos de todos.", "anaphor"),
        ("Pra garantir a participação de todos.", "anaphor"),
        ("In order to protect the river for our children.", "anaphor"),
        ("Para tener una mejor convivencia, debemos respetarnos.", None),
        ("Para mí la salud debe ser un derecho garantizado.", None),
        # Read 72 (Chile 2016, blind): a topic opener, a reason and a sentence's second half, each with no claim of its own.
        ("En relación a la libertad que termina cuando comienza la libertad del otro.", "fragment"),
        ("Por ser el sistema que defiende la soberanía del pueblo.", "fragment"),
        ("resguardando la transparencia y probidad.", "fragment"),
        ("En relación a la salud, el Estado debe garantizar atención.", None),
        ("Por ser un derecho humano, la salud debe ser gratuita.", None),
        ("Respetando los derechos de todos se logra la paz.", None),
        ("Being able to vote is a right.", None),
    ],
)
def test_statement_problem_names_what_cannot_stand_alone(sentence, problem):
    assert statement_problem(sentence) == problem


def test_keypoints_one_statement_per_point_across_scopes():
    inputs = _one_cluster(BUSES)
    rows = np.arange(len(BUSES))
    table = _points(inputs, {("group", "0"): rows, ("theme", "transport"): rows, ("support", "all"): rows})
    # The theme and the position do not state the group's point again with another member's sentence (a blind reader
    # took such pairs for two findings): the point is stated once, under the first group.
    assert len(table) == 1 and table.iloc[0]["scope"] == "group"
    stated = drop_restated(table)
    assert len(stated) == 1 and stated.iloc[0]["scope"] == "group" and stated.iloc[0]["rank"] == 1


def test_keypoints_restated_only_when_most_members_were_counted_before():
    from consultnlp.summary.keypoints import _restates

    earlier = [set("abcdefg")]
    assert _restates(set("bcdefg"), earlier)  # the reader's "human rights" pair: 6 of 6 inside the 7
    assert _restates(set("abx"), earlier)
    assert not _restates(set("axy"), earlier)  # one shared contribution of three: another point
    assert not _restates(set("abxy"), earlier)  # half is not most


@pytest.mark.parametrize("centred", [True, False])
def test_match_probability_grows_with_both_scores(centred):
    p = match_probability(np.array([0.1, 0.6, 0.6, 0.95]), np.array([0.0, 0.0, 1.0, 1.0]), centred)
    assert p[0] < 0.2 and p[0] < p[1] < p[2] < p[3] and p[3] > THRESHOLD


def test_plain_matching_decides_as_the_uncentred_matcher_did():
    # A statement with no subject to centre on is matched as before centring: the uncentred fit counted from 0.65 and
    # took two statements as one point from 0.56; both now fall at the shared thresholds.
    cosine, lexical = np.meshgrid(np.linspace(0.2, 1.0, 81), np.linspace(0.0, 1.0, 51))
    before = 1.0 / (1.0 + np.exp(-(3.936 * cosine + 1.670 * lexical - 3.586)))
    now = match_probability(cosine, lexical, False)
    assert np.array_equal(before >= 0.65, now >= THRESHOLD - 1e-9)
    assert np.array_equal(before >= 0.56, now >= SAME_POINT_THRESHOLD - 1e-9)


def test_keypoints_centred_on_their_subject_keep_two_reasons_apart():
    # ArgKP read 42: «abolish IP because it gets very expensive» counted members giving other reasons to abolish IP.
    # Forty contributions share a long subject and give one of two reasons. On the plain cosine the subject's words
    # outweigh the reason's, and one point counts both reasons; centred on their subject (one fine topic of 40
    # sentences), each reason is its own point.
    subject = "La propiedad intelectual de las patentes farmacéuticas debe abolirse en el nuevo tratado comercial del país"
    costs = ["porque encarece los medicamentos", "porque encarece mucho los medicamentos", "porque los medicamentos se encarecen"]
    inventors = ["porque frena a los inventores jóvenes", "porque frena a inventores jóvenes", "porque los inventores jóvenes se frenan"]
    endings = ["hoy", "ya", "sin duda", "de verdad", "pronto", "cuanto antes", "sin demora"]
    texts = [f"{subject} {(costs if i < 20 else inventors)[i % 3]} {endings[i % 7]}." for i in range(40)]
    reason_of = {f"c{i:02d}": "costs" if i < 20 else "inventors" for i in range(40)}
    centres = np.random.default_rng(0).normal(size=(2, 64))
    inputs = _around(texts, centres[[0] * 20 + [1] * 20])

    def reasons(table: pd.DataFrame) -> list[set[str]]:
        return [{reason_of[c] for c in ids.split(";")} for ids in table["comment_ids"]]

    plain = _points(inputs)
    assert {"costs", "inventors"} in reasons(plain)
    centred = _points(replace(inputs, subjects=np.zeros(40, dtype=int)))
    assert sorted(map(sorted, reasons(centred))) == [["costs"], ["inventors"]]


def _context(lang: str) -> ReportContext:
    groups = pd.DataFrame(
        {
            "topic_group_id": [0],
            "label": ["Transporte"],
            "topics": [1],
            "topic_ids": ["0"],
            "topic_labels": ["Buses"],
            "contributions": [12],
            "unique_contributions": [9],
            "share": [1.0],
            "share_unique": [1.0],
        }
    )
    topics = pd.DataFrame({"topic_id": [0], "topic_group_id": [0], "label": ["Buses"], "unique_contributions": [9]})
    quotes = pd.DataFrame(
        {
            "scope": ["topic", "topic"],
            "group_id": ["0", "0"],
            "rank": [1, 2],
            "quote": ["Queremos más buses nocturnos.", "El transporte público debe llegar a Maipú."],
            "comment_id": ["c1", "c2"],
        }
    )
    overview = pd.DataFrame({"metric": ["unique_contributions"], "value": [9]})
    points = pd.DataFrame(columns=["scope", "group_id", "rank", "statement", "comment_id", "contributions", "unique_contributions"])
    return ReportContext(
        tables={"topic_groups": groups, "topics": topics, "quotes": quotes, "overview": overview, "key_points": points},
        facts={"accounting": {"analysed": 12}},
        lang=lang,
        taxonomy=None,
        settings={},
    )


@pytest.mark.parametrize(
    "lang, expected, claim",
    [
        ("es", "«Transporte» (12 contribuciones), por ejemplo:", "dicen"),
        ("pt", "«Transporte» (12 contribuições), por exemplo:", "dizem"),
        ("en", "“Transporte” (12 contributions), for example:", " say"),
    ],
)
def test_report_subject_without_key_points_gives_examples_never_n_say(lang, expected, claim):
    section = groups_section(_context(lang))
    blocks = section.subsections[0].blocks
    texts = [b.text for b in blocks if b.kind == "p"]
    assert expected in texts
    assert not any(claim in (b.text or "") for b in blocks)
    assert [q["cite"] for b in blocks if b.kind == "quotes" for q in b.quotes] == ["c1", "c2"]
    # No subject has a key point: the section says so instead of explaining key points it does not show.
    intro = " ".join(b.text for b in section.blocks if b.kind == "p")
    assert (
        "tables/key_points.csv" not in intro and {"es": "no puntos clave", "pt": "não pontos-chave", "en": "not key points"}[lang] in intro
    )


def test_report_explains_key_points_only_when_there_are_some():
    ctx = _context("en")
    ctx.tables["key_points"] = pd.DataFrame(
        {
            "scope": ["group"],
            "group_id": ["0"],
            "rank": [1],
            "statement": ["Queremos más buses nocturnos."],
            "comment_id": ["c1"],
            "contributions": [4],
            "unique_contributions": [4],
            "comment_ids": ["c1;c2;c3;c4"],
        }
    )
    intro = " ".join(b.text for b in groups_section(ctx).blocks if b.kind == "p")
    assert "Each key point gathers contributions" in intro and "not key points" not in intro


def test_keypoints_count_an_author_once():
    # The four night-bus contributions: three posted by one person (the export's author id), one by another.
    inputs = _one_cluster(BUSES + [BUSES[0].replace("ya", "ahora"), BUSES[2].replace("toda", "la")])
    plain = _points(inputs)
    assert plain.iloc[0]["unique_contributions"] == 6
    inputs.authors = np.array(["47772", "47772", "47772", "901", "", ""], dtype=object)
    one_voice = _points(inputs).iloc[0]
    assert one_voice["unique_contributions"] == 4  # 47772 once, 901, and the two with no author each on their own
    assert len(set(one_voice["comment_ids"].split(";")) & {"c00", "c01", "c02"}) == 1


def test_author_id_column_is_found_by_name():
    from consultnlp.ingest.columns import author_id_column

    assert author_id_column(["id_contribuicao", "id_autor", "data"]) == "id_autor"
    assert author_id_column(["comment-id", "author-id"]) == "author-id"
    assert author_id_column(["author/id", "author/name"]) == "author/id"
    assert author_id_column(["id", "autor", "user_agent", "participants"]) is None
    # A survey's respondent (claim check 61, NHS: 7,908 answers of 4,466 respondents, never said).
    assert author_id_column(["Comment ID", "Trust", "Respondent ID"]) == "Respondent ID"
    assert author_id_column(["id_encuestado", "respuesta"]) == "id_encuestado"
    assert author_id_column(["respondent", "respondents_total"]) is None


def test_report_subject_examples_show_the_subject_the_name_states():
    # "Homeless and recycling services": the examples come from the two named topics (not the larger "Parking"),
    # and within each, the best-ranked quote that uses a word of the topic's name, not merely its most central text.
    ctx = _context("en")
    ctx.tables["topic_groups"] = ctx.tables["topic_groups"].assign(label="Homeless and recycling services")
    ctx.tables["topics"] = pd.DataFrame(
        {
            "topic_id": [0, 1, 2],
            "topic_group_id": [0, 0, 0],
            "label": ["Homeless", "Parking", "Recycling services"],
            "unique_contributions": [5, 9, 3],
        }
    )
    ctx.tables["quotes"] = pd.DataFrame(
        {
            "scope": ["topic"] * 6,
            "group_id": ["0", "0", "1", "1", "2", "2"],
            "rank": [1, 2, 1, 2, 1, 2],
            "quote": [
                "We need mixed use housing downtown.",
                "Open a shelter for homeless people in winter.",
                "Build a parking garage.",
                "More parking near the square.",
                "Recycling pickup every week, please.",
                "Glass should be collected too.",
            ],
            "comment_id": ["a1", "a2", "b1", "b2", "c1", "c2"],
        }
    )
    blocks = groups_section(ctx).subsections[0].blocks
    assert [q["cite"] for b in blocks if b.kind == "quotes" for q in b.quotes] == ["a2", "c1"]


def test_report_subject_of_one_topic_shows_no_second_example_that_names_neither_it_nor_its_group():
    # The demo's «Educación» showed «Linguagem simples nas decisões judiciais» as its second example: a group of one
    # topic shows its next quote only where that one uses a word of the topic's or the group's name.
    ctx = _context("es")
    quotes = ctx.tables["quotes"]
    ctx.tables["quotes"] = quotes.assign(quote=["Queremos más buses nocturnos.", "Lenguaje claro en las sentencias judiciales."])
    blocks = groups_section(ctx).subsections[0].blocks
    assert [q["cite"] for b in blocks if b.kind == "quotes" for q in b.quotes] == ["c1"]
    ctx.tables["quotes"] = quotes.assign(quote=["Queremos más buses nocturnos.", "Lenguaje claro y transporte digno."])
    blocks = groups_section(ctx).subsections[0].blocks
    assert [q["cite"] for b in blocks if b.kind == "quotes" for q in b.quotes] == ["c1", "c2"]


def _analysed_frame(texts: list[str], *, topics: list[int], groups: list[int], unique: list[bool] | bool = True, **columns) -> pd.DataFrame:
    """Analysed contributions with their topic and subject, as the subject and topic tables read them."""
    return pd.DataFrame(
        {
            schema.TEXT_CLEAN: texts,
            schema.TEXT: texts,
            schema.EXCLUDED: "",
            schema.TOPIC_ID: topics,
            schema.TOPIC_GROUP_ID: groups,
            schema.DUP_REPRESENTATIVE: unique,
            **columns,
        }
    )


def test_subject_table_counts_who_wrote_it_and_how_many_use_the_words_of_its_name():
    from consultnlp.summary.tables import topic_groups_table

    subject = ["Shelters for the homeless in our city", "More homeless shelters in the city now", "Fix the potholes", "Fix the potholes"]
    others = [f"Recycling bins on street {i} of the city" for i in range(20)]  # "city" is everywhere: it tells nothing apart
    texts = subject + others
    frame = _analysed_frame(
        texts,
        topics=[0, 0, 1, 1] + [2] * 20,
        groups=[0, 0, 0, 0] + [1] * 20,
        unique=[True, True, True, False] + [True] * 20,
        author_id=["u1", "u1", "u2", ""] + [f"r{i}" for i in range(20)],
    )
    labels = {0: "Homeless people of the city", 1: "Recycling"}
    table = topic_groups_table(frame, None, labels, {0: "Homeless", 1: "Potholes", 2: "Recycling"}).set_index("topic_group_id")
    first = table.loc[0]
    assert (first["contributions"], first["unique_contributions"]) == (4, 3)
    assert first["naming_words"] == "homeless; people"  # not "city": more than a tenth of the contributions use it
    assert first["contributions_naming_it"] == 2  # the two about the homeless; the potholes (and their copy) do not
    # Every word of the name but "city" is in 2 of the 4 too: a name is loose only when even that is under a quarter. "city",
    # in every contribution outside the subject, is the consultation's own subject: no use of this name (claim check 48).
    assert first["contributions_using_name"] == 2 and first["name_words_counted"] == "homeless; people"
    assert first["participants"] == 3  # u1 once, u2, and the copy with no author on its own
    assert first["most_by_one"] == 2  # u1 wrote two of the four
    assert not first["most_by_organiser"]  # no row is the organiser's
    # u1 also posted a row set aside as the organiser's own text (a Pol.is seed): the subject's top author is the organiser.
    seeded = pd.concat([frame, frame.iloc[[0]].set_axis(["seed"]).assign(**{schema.EXCLUDED: "official", schema.TOPIC_GROUP_ID: pd.NA})])
    assert topic_groups_table(seeded, None, labels, {}).set_index("topic_group_id").loc[0, "most_by_organiser"]
    # "recycling" is everywhere in the consultation but only inside its subject: there it tells the subject apart, and
    # all 20 use it (read 7: a consultation's only subject, «Irrigation», had no clause; 2 of its 14 say irrigation).
    assert table.loc[1, "naming_words"] == "recycling" and table.loc[1, "contributions_naming_it"] == 20
    # A name whose telling word is rare but whose other word is common: "Potholes of the city" names the subject for the 2
    # that say potholes and, by "city", for the 2 others (read 8's Chile run: «Abusar de los derechos»), where "city" is in
    # a quarter of the contributions outside it. Where it is in all of them, it is the consultation's subject ("tax" in a
    # tax consultation): only "potholes" counts, and the table says which words were counted.
    name = {0: "Potholes of the city", 1: "Recycling"}
    common = frame.copy()
    common.loc[common.index[4 + 5 :], schema.TEXT_CLEAN] = [f"Recycling bins on street {i}" for i in range(15)]
    city = topic_groups_table(common, None, name, {}).set_index("topic_group_id").loc[0]
    assert city["naming_words"] == "potholes" and city["contributions_naming_it"] == 2 and city["contributions_using_name"] == 4
    assert city["name_words_counted"] == ""  # every word of the name was counted
    everywhere = topic_groups_table(frame, None, name, {}).set_index("topic_group_id").loc[0]
    assert everywhere["contributions_using_name"] == 2 and everywhere["name_words_counted"] == "potholes"
    assert everywhere["name_words_consultation"] == "city"
    # The consultation's own title names its subject too (claim check 53: «Warren County» in "Improving Bowling Green /
    # Warren County"): a name made only of its words is used by none; the table says which words were left out.
    from consultnlp.summary.subjects import NameEvidence

    titled = NameEvidence.of(common, "Fixing the potholes of our city")
    own = topic_groups_table(common, None, name, {}, evidence=titled).set_index("topic_group_id").loc[0]
    assert own["contributions_using_name"] == 0 and own["name_words_counted"] == "" and own["name_words_consultation"] == "potholes; city"
    without = topic_groups_table(frame.drop(columns="author_id"), None, labels, {})
    assert without["participants"].isna().all()
    # Words of a name are counted only where (nearly) all of the subject is written in the report's language.
    in_english = topic_groups_table(frame.assign(**{schema.LANG: "en"}), None, labels, {}, "en").set_index("topic_group_id")
    assert in_english.loc[0, "contributions_naming_it"] == 2
    mixed = frame.assign(**{schema.LANG: ["en", "pt", "en", "en"] + ["en"] * 20})
    table = topic_groups_table(mixed, None, labels, {}, "en").set_index("topic_group_id")
    assert table.loc[0, "naming_words"] == "" and pd.isna(table.loc[0, "contributions_naming_it"])


def test_topic_table_counts_the_words_that_tell_a_topic_apart():
    # Claim check 77 (Plano Clima): «Licenciamento ambiental (40)», 3 of whose 40 say "licenciamento" and 24 "ambiental" (a
    # word of the whole climate plan), was listed without the note that its name hardly speaks for it.
    from consultnlp.report.sections.common import loose_name
    from consultnlp.summary.tables import topics_table

    topic = (
        ["Licenciamento mais rigoroso"]
        + [f"Proteção ambiental do rio {i}" for i in range(6)]
        + [f"Fundo para favela {i}" for i in range(5)]
    )
    # "ambiental" in 4 of the 20 outside: too common to tell the topic apart, too rare to be the consultation's subject.
    others = [f"Educação ambiental na escola {i}" for i in range(4)] + [f"Energia solar no bairro {i}" for i in range(16)]
    frame = _analysed_frame(topic + others, topics=[0] * 12 + [1] * 20, groups=[0] * 32, lang=["pt"] * 32, **{schema.THEMES: ""})
    info = pd.DataFrame(
        {"topic_id": [0, 1], "label": ["Licenciamento ambiental", "Energia"], "keywords": [[], []], "keywords_by_lang": [{}, {}]}
    )
    table = topics_table(frame, info, None, "pt").set_index("topic_id")
    licensing = table.loc[0]
    assert licensing["contributions_using_name"] == 7  # any word of the name: 7 of 12, not loose by that count
    assert licensing["naming_words"] == "licenciamento" and licensing["contributions_naming_it"] == 1
    assert loose_name(licensing)
    assert table.loc[1, "naming_words"] == "energia" and table.loc[1, "contributions_naming_it"] == 16


@pytest.mark.parametrize(
    "lang, named, participants",
    [
        ("es", "«Transporte» (12 contribuciones; 5 de ellas mencionan «buses», «metro» o «tren»), por ejemplo:", "De 4 participantes."),
        ("pt", "«Transporte» (12 contribuições; 5 delas mencionam «buses», «metro» ou «tren»), por exemplo:", "De 4 participantes."),
        ("en", "“Transporte” (12 contributions; 5 of them mention “buses”, “metro” or “tren”), for example:", "From 4 participants."),
    ],
)
def test_report_subject_says_how_far_its_name_speaks_for_it_and_how_many_wrote_it(lang, named, participants):
    ctx = _context(lang)
    groups = ctx.tables["topic_groups"]
    ctx.tables["topic_groups"] = groups.assign(
        naming_words="buses; metro; tren", contributions_naming_it=pd.array([5], dtype="Int64"), participants=pd.array([4], dtype="Int64")
    )
    texts = [b.text for b in groups_section(ctx).subsections[0].blocks if b.kind == "p"]
    assert named in texts
    assert texts[0].endswith(" " + participants)
    # Every contribution uses the name's words and each has its own participant: the plain line, nothing added.
    ctx.tables["topic_groups"] = groups.assign(
        naming_words="buses", contributions_naming_it=pd.array([12], dtype="Int64"), participants=pd.array([12], dtype="Int64")
    )
    texts = [b.text for b in groups_section(ctx).subsections[0].blocks if b.kind == "p"]
    assert not any(participants in x for x in texts)
    # One of the 4 participants wrote 5 of the 12 (a platform's seeder): the line says so.
    ctx.tables["topic_groups"] = groups.assign(participants=pd.array([4], dtype="Int64"), most_by_one=pd.array([5], dtype="Int64"))
    texts = [b.text for b in groups_section(ctx).subsections[0].blocks if b.kind == "p"]
    one_wrote = {"es": "De 4 participantes; uno de ellos escribió 5.", "pt": "De 4 participantes; um deles escreveu 5."}
    assert texts[0].endswith(" " + one_wrote.get(lang, "From 4 participants; one of them wrote 5."))
    ctx.tables["topic_groups"] = groups.assign(
        participants=pd.array([4], dtype="Int64"), most_by_one=pd.array([5], dtype="Int64"), most_by_organiser=True
    )
    texts = [b.text for b in groups_section(ctx).subsections[0].blocks if b.kind == "p"]
    organiser = {
        "es": "De 4 participantes; 5 las publicó la cuenta que también publicó los textos del organizador.",
        "pt": "De 4 participantes; 5 foram publicadas pela conta que também publicou os textos do organizador.",
    }
    assert texts[0].endswith(
        " " + organiser.get(lang, "From 4 participants; 5 were posted by the account that also posted the organiser's own text.")
    )
    ctx.tables["topic_groups"] = groups.assign(participants=pd.array([4], dtype="Int64"), most_by_one=pd.array([2], dtype="Int64"))
    assert [b.text for b in groups_section(ctx).subsections[0].blocks if b.kind == "p"][0].endswith(" " + participants)
    assert named.split(" (")[0] + " (12 " in " ".join(texts) and not any("; " in x and x.endswith(":") for x in texts)


@pytest.mark.parametrize(
    "lang, title", [("es", "los 15 asuntos más grandes"), ("pt", "os 15 maiores assuntos"), ("en", "the 15 largest subjects")]
)
def test_report_chart_of_some_subjects_says_it_shows_the_largest(lang, title):
    ctx = _context(lang)
    one = ctx.tables["topic_groups"]
    chart = next(b for b in groups_section(ctx).blocks if b.kind == "chart")
    assert title not in chart.chart["title"]  # one subject, all of it charted
    many = pd.concat([one.assign(topic_group_id=g, label=f"Asunto {g}", share_unique=1 / 17) for g in range(17)], ignore_index=True)
    ctx.tables["topic_groups"] = many
    chart = next(b for b in groups_section(ctx).blocks if b.kind == "chart")
    assert len(chart.chart["labels"]) == 15 and title in chart.chart["title"]
    # One subject more than fits is charted too, not called "the 15 largest" of 16 (claim check 78: the first screen gave
    # three counts of subjects, "14 main", "16 found", "the 15 largest").
    ctx.tables["topic_groups"] = many.head(16)
    chart = next(b for b in groups_section(ctx).blocks if b.kind == "chart")
    assert len(chart.chart["labels"]) == 16 and title not in chart.chart["title"]


@pytest.mark.parametrize(
    "lang, fit",
    [
        ("es", "«Transporte» (100%; 4 de sus 12 mencionan «buses»)"),
        ("pt", "«Transporte» (100%; 4 de suas 12 mencionam «buses»)"),
        ("en", "“Transporte” (100%; 4 of its 12 mention “buses”)"),
    ],
)
def test_summary_headline_subject_says_when_its_name_fits_few_of_it(lang, fit):
    # Read 5: "Capital gains tax (69%)" headed a Pol.is summary; 4 of its 34 statements were about capital gains.
    from consultnlp.report.sections.summary import summary_sentences

    ctx = _context(lang)
    groups = ctx.tables["topic_groups"]
    ctx.tables["topic_groups"] = groups.assign(naming_words="buses", contributions_naming_it=pd.array([4], dtype="Int64"))
    assert any(fit in s for s in summary_sentences(ctx)), summary_sentences(ctx)
    # The words counted are named: read 38 compared "use a word of its name" with the table's contributions_using_name.
    ctx.tables["topic_groups"] = groups.assign(naming_words="buses; trenes", contributions_naming_it=pd.array([4], dtype="Int64"))
    assert any(" o " in s or " ou " in s or " or " in s for s in summary_sentences(ctx) if "4 " in s)
    ctx.tables["topic_groups"] = groups.assign(naming_words="buses", contributions_naming_it=pd.array([6], dtype="Int64"))
    assert not any("(100%;" in s or "(100 %;" in s for s in summary_sentences(ctx))


@pytest.mark.parametrize(
    "lang, heading, sentence",
    [
        (
            "es",
            "Nombre poco representativo (palabras de «Transporte» en 2 de 12)",
            "un solo asunto de nombre poco representativo: solo 2 de sus 12 usan alguna palabra de su nombre, «Transporte»",
        ),
        (
            "pt",
            "Nome pouco representativo (palavras de «Transporte» em 2 de 12)",
            "um só assunto de nome pouco representativo: só 2 de suas 12 usam alguma palavra do nome, «Transporte»",
        ),
        (
            "en",
            "Loosely named (words of “Transporte” in 2 of 12)",
            "one loosely named subject: only 2 of its 12 use a word of its name, “Transporte”",
        ),
    ],
)
def test_report_subject_whose_name_fits_under_a_quarter_is_not_called_by_it(lang, heading, sentence):
    # Read 8: "Federal" named a subject 4 of whose 34 contributions use the word; "Workers rights" 3 of 19.
    from consultnlp.report.sections.summary import summary_sentences

    ctx = _context(lang)
    groups = ctx.tables["topic_groups"]
    ctx.tables["topic_groups"] = groups.assign(naming_words="buses", contributions_naming_it=pd.array([2], dtype="Int64"))
    section = groups_section(ctx)
    assert any(s.heading.startswith(heading) for s in section.subsections)
    chart = next(b for b in section.blocks if b.kind == "chart")
    assert chart.chart["labels"] == [heading]
    assert any(sentence in s for s in summary_sentences(ctx))
    # Two subjects: the loose one is "a loosely named subject" among the largest, the other keeps its name.
    ctx.tables["topic_groups"] = pd.concat(
        [
            ctx.tables["topic_groups"],
            groups.assign(topic_group_id=1, label="Agua", share_unique=0.3, contributions_naming_it=pd.array([9], dtype="Int64")),
        ],
        ignore_index=True,
    )
    said = " ".join(summary_sentences(ctx))
    assert ctx.q("Agua") in said and ctx.q("Transporte") in said and sentence not in said
    # All of the largest loose: said once, not "a loosely named subject" three times (read 9, bg2050).
    loose = pd.concat(
        [groups.assign(topic_group_id=g, contributions_naming_it=pd.array([1], dtype="Int64")) for g in range(3)], ignore_index=True
    )
    ctx.tables["topic_groups"] = loose
    from consultnlp.i18n import t
    from consultnlp.report.sections.common import join_items

    said = " ".join(summary_sentences(ctx))
    assert said.count(t("s_largest_loose", lang, n="3", shown="3", shares=join_items([ctx.pct(1.0)] * 3, lang))) == 1


@pytest.mark.parametrize(
    "lang, heading, sentence",
    [
        (
            "es",
            "Nombre poco representativo («capital» o «gains» en 2 de 12)",
            "solo 2 de sus 12 mencionan «capital» o «gains», de su nombre «Capital gains tax»",
        ),
        (
            "pt",
            "Nome pouco representativo («capital» ou «gains» em 2 de 12)",
            "só 2 de suas 12 mencionam «capital» ou «gains», do nome «Capital gains tax»",
        ),
        (
            "en",
            "Loosely named (“capital” or “gains” in 2 of 12)",
            "only 2 of its 12 mention “capital” or “gains”, of its name “Capital gains tax”",
        ),
    ],
)
def test_report_loose_name_counted_without_the_consultations_own_subject_names_the_words_counted(lang, heading, sentence):
    # Claim check 48: "Capital gains tax" in a tax consultation; "tax", in most of its contributions, was not counted, so
    # "only 4 use a word of its name" would be false: the report names the words it counted.
    from consultnlp.report.sections.summary import summary_sentences

    ctx = _context(lang)
    groups = ctx.tables["topic_groups"].assign(label="Capital gains tax", name_words_counted="capital; gains")
    two = groups.assign(
        topic_group_id=1, label="Agua", share_unique=0.3, name_words_counted="", contributions_using_name=pd.array([9], dtype="Int64")
    )
    ctx.tables["topic_groups"] = pd.concat([groups.assign(contributions_using_name=pd.array([2], dtype="Int64")), two], ignore_index=True)
    assert any(s.heading.startswith(heading) for s in groups_section(ctx).subsections)
    assert any(sentence in s for s in summary_sentences(ctx)), summary_sentences(ctx)


@pytest.mark.parametrize(
    "lang, heading",
    [
        ("es", "Nombre poco representativo (su nombre, «Warren County», es el tema de toda la consulta)"),
        ("pt", "Nome pouco representativo (seu nome, «Warren County», é o tema de toda a consulta)"),
        ("en", "Loosely named (its name, “Warren County”, is the whole consultation's subject)"),
    ],
)
def test_report_a_name_made_of_the_consultations_own_words_is_no_subjects(lang, heading):
    ctx = _context(lang)
    groups = ctx.tables["topic_groups"].assign(
        label="Warren County",
        name_words_counted="",
        name_words_consultation="Warren; County",
        contributions_using_name=pd.array([0], dtype="Int64"),
    )
    ctx.tables["topic_groups"] = groups
    assert any(s.heading.startswith(heading) for s in groups_section(ctx).subsections)


@pytest.mark.parametrize(
    "lang, heading",
    [
        ("es", "Nombre poco representativo (dos de «old», «growth» y «forests» en 2 de 12)"),
        ("pt", "Nome pouco representativo (duas de «old», «growth» e «forests» em 2 de 12)"),
        ("en", "Loosely named (two of “old”, “growth” and “forests” in 2 of 12)"),
    ],
)
def test_report_a_name_counted_by_two_of_its_words_says_so(lang, heading):
    # Claim check 55: «Old growth forests», 2 of 18 about old growth; counted where two of its words are used.
    ctx = _context(lang)
    ctx.tables["topic_groups"] = ctx.tables["topic_groups"].assign(
        label="Old growth forests",
        name_words_counted="old; growth; forests",
        name_needs_two=True,
        contributions_using_name=pd.array([2], dtype="Int64"),
    )
    assert any(s.heading.startswith(heading) for s in groups_section(ctx).subsections)


@pytest.mark.parametrize("lang, one, many", [("es", "asunto principal", "asuntos principales"), ("en", "main subject", "main subjects")])
def test_summary_figures_agree_in_number(lang, one, many):
    # Read 7's runs: "1 main subjects" on a small Pol.is conversation.
    from consultnlp.report.sections.summary import summary_section

    def labels(ctx: ReportContext) -> list[str]:
        return [f["label"] for b in summary_section(ctx).blocks if b.kind == "figures" for f in b.figures]

    ctx = _context(lang)
    ctx.facts["accounting"] = {"input": 12, "analysed": 12}
    assert one in labels(ctx) and many not in labels(ctx)
    groups = ctx.tables["topic_groups"]
    ctx.tables["topic_groups"] = pd.concat([groups, groups.assign(topic_group_id=1)], ignore_index=True)
    assert many in labels(ctx)
    # A subject under 1% of the distinct contributions is no main subject (claim check 50: 28 of 181,836 among "21").
    ctx.tables["overview"] = pd.DataFrame({"metric": ["unique_contributions"], "value": [2500]})
    ctx.tables["topic_groups"] = pd.concat(
        [
            groups.assign(unique_contributions=2490, share_unique=0.996),
            groups.assign(topic_group_id=1, unique_contributions=10, share_unique=0.004),
        ],
        ignore_index=True,
    )
    # ... and the figure says it counts those of 1% or more (claim check 61: "16 main subjects" above "Of the 18 subjects").
    assert f"{one} (1% " in " ".join(labels(ctx)) and many not in " ".join(labels(ctx))


def test_report_subtopic_whose_name_few_use_says_so_in_its_subjects_list():
    # Read 9 (bowling-green): "Parking (60)" listed a topic 13 of whose 60 contributions mention parking.
    ctx = _context("en")
    ctx.tables["topics"] = pd.DataFrame(
        {
            "topic_id": [0, 1],
            "topic_group_id": [0, 0],
            "label": ["Buses", "Parking"],
            "contributions": [9, 60],
            "unique_contributions": [9, 60],
            "contributions_using_name": pd.array([8, 13], dtype="Int64"),
        }
    )
    text = " ".join(b.text or "" for s in groups_section(ctx).subsections for b in s.blocks)
    assert "Parking (60; only 13 use a word of its name)" in text and "Buses (9)" in text
    # ... and in the annex's list of every topic (claim check 84: «Fuerzas armadas (98)» was flagged above, not there).
    from consultnlp.report.sections.context import annex_section

    annex = " ".join(b.text or "" for s in annex_section(ctx).subsections for b in s.blocks)
    assert "Parking (60; only 13 use a word of its name)" in annex and "Buses (9)" in annex


def test_multilingual_subject_name_is_read_against_its_own_language():
    # The demo (es/pt/en): no subject had a count of who uses its name's words, since none was 90% Spanish, so
    # «Educación» (4 of its 24 Spanish contributions use the word) was no «mixed points» subject. A subject's Spanish
    # contributions are now read alone, and the report says of how many the count is.
    from consultnlp.summary.tables import topic_groups_table

    spanish = ["Datos abiertos de calidad ya"] * 2 + [f"Proteger los glaciares del valle {i}" for i in range(10)]
    other = [f"Proteger as geleiras do vale {i}" for i in range(8)]
    texts = spanish + other + [f"Reciclaje en la calle {i}" for i in range(20)]
    frame = _analysed_frame(
        texts, topics=[0] * 20 + [1] * 20, groups=[0] * 20 + [1] * 20, **{schema.LANG: ["es"] * 12 + ["pt"] * 8 + ["es"] * 20}
    )
    table = topic_groups_table(frame, None, {0: "Datos abiertos de calidad", 1: "Reciclaje"}, {}, "es").set_index("topic_group_id")
    assert table.loc[0, "contributions_using_name"] == 2 and table.loc[0, "contributions_in_name_language"] == 12
    assert table.loc[1, "contributions_using_name"] == 20 and pd.isna(table.loc[1, "contributions_in_name_language"])  # all Spanish
    few = frame.assign(**{schema.LANG: ["es"] * 2 + ["pt"] * 18 + ["es"] * 20})  # 2 in Spanish: too few to read
    assert pd.isna(
        topic_groups_table(few, None, {0: "Datos abiertos de calidad", 1: "Reciclaje"}, {}, "es").loc[0, "contributions_using_name"]
    )

    ctx = _context("es")
    ctx.tables["topic_groups"] = ctx.tables["topic_groups"].assign(
        contributions=[20],
        contributions_using_name=pd.array([2], dtype="Int64"),
        contributions_in_name_language=pd.array([12], dtype="Int64"),
    )
    assert (
        groups_section(ctx).subsections[0].heading.startswith("Nombre poco representativo (palabras de «Transporte» en 2 de 12 en español)")
    )


def test_subject_table_counts_three_letter_names_and_gives_no_count_without_words():
    # Read 10: «Ley» was "in 0 of 370" (words under four letters were not read) and «Iguales» in 0 of 22 (no countable
    # word): a count of 0 was printed where there was nothing to count.
    from consultnlp.summary.tables import topic_groups_table

    texts = ["Una ley de pesca justa", "Cumplir las leyes", "Otra cosa distinta", "Más parques"] + [
        f"Reciclaje en la calle {i}" for i in range(8)
    ]
    frame = _analysed_frame(texts, topics=[0, 0, 0, 0] + [1] * 8, groups=[0, 0, 0, 0] + [1] * 8)
    table = topic_groups_table(frame, None, {0: "Ley", 1: "De la"}, {}).set_index("topic_group_id")
    assert table.loc[0, "contributions_using_name"] == 2  # "ley" and "leyes"
    assert pd.isna(table.loc[1, "contributions_using_name"])  # a name of stop words only: nothing to count, not 0


@pytest.mark.parametrize(
    "lang, note",
    [
        ("es", "van los votos de los demás participantes sobre ella: el voto de su autor no se cuenta."),
        ("en", "come the other participants' votes on it: its author's own vote is not counted."),
    ],
)
def test_report_says_once_that_quoted_votes_leave_out_the_author(lang, note):
    # Canadian claim check (stop 41): every quoted "N agree" was one under the export's, with nothing to say why.
    ctx = _context(lang)
    ctx.tables["quotes"] = ctx.tables["quotes"].assign(agrees=[20, 3], disagrees=[4, 1])

    def text() -> str:
        return " ".join(b.text or "" for b in groups_section(ctx).blocks)

    assert note not in text()  # no vote matrix read: the counts are the export's own
    ctx.tables["statement_votes"] = pd.DataFrame({"comment_id": ["c1"]})
    ctx.facts["authorship"] = {"column": "author-id"}
    assert text().count(note) == 1


def test_report_without_key_points_says_participants_where_authors_are_known():
    # Claim check 63 (PNDBio): "no sentence that three or more distinct contributions say" was false of four rewordings by
    # two authors: with an author column, a point needs three participants, and the sentence says so.
    from consultnlp.report.sections.topics import groups_section

    def said(ctx: ReportContext) -> str:
        return " ".join(b.text or "" for b in groups_section(ctx).blocks)

    ctx = _context("en")
    assert "three or more distinct contributions" in said(ctx)
    ctx.facts["authorship"] = {"column": "id_autor", "contributions": 12, "participants": 5, "top": 1, "by_top": 4}
    assert "three or more participants" in said(ctx) and "each participant counts once" in said(ctx)


def test_matching_more_of_a_thing_never_matches_less_of_the_same_thing():
    # Blind reading 64 (Chile 2016): «… paguen menos impuestos» was counted for «Que las empresas paguen más impuestos».
    import numpy as np

    from consultnlp.summary.matching import SentenceTable

    texts = [
        "Que las empresas paguen más impuestos",
        "Que las empresas paguen menos impuestos",
        "Las grandes empresas deben pagar más impuestos",
        "Más seguridad en los barrios",
        "Reducir la delincuencia en los barrios",
    ]
    vectors = np.ones((len(texts), 4), dtype=np.float32)  # alike as can be: only the words can tell them apart
    table = SentenceTable.build(np.arange(len(texts)), texts, vectors)
    opposite = table.subset(np.arange(len(texts))).opposite(table, np.array([0, 3]))
    assert opposite[:, 0].tolist() == [False, True, False, False, False]
    # Less crime and more safety ask for the same thing: no contradiction without the same word.
    assert opposite[:, 1].tolist() == [False, False, False, False, False]


def test_matching_that_a_thing_must_be_never_matches_that_it_may_be():
    # Blind reading 64 (Chile 2016): «La constitución se debe modificar» counted «que la constitución se pueda modificar»,
    # «permita una modificación» and «puede ser modificada»: that change be possible is another claim.
    import numpy as np

    from consultnlp.summary.matching import SentenceTable

    texts = [
        "La constitución se debe modificar",
        "que la constitución se pueda modificar",
        "Que la constitución permita una modificación de la constitución.",
        "Para que se establezca que la constitución puede ser modificada",
        "Hay que modificar la constitución",
        "A constituição deve ser modificada",
        "We can ban handguns",
    ]
    vectors = np.ones((len(texts), 4), dtype=np.float32)
    table = SentenceTable.build(np.arange(len(texts)), texts, vectors)
    opposite = table.subset(np.arange(len(texts))).opposite(table, np.array([0, 6]))
    assert opposite[:, 0].tolist() == [False, True, True, True, False, False, False]
    assert not opposite[:, 1].any()  # "can" before a word no sentence says must be: nothing to contradict


@pytest.mark.parametrize(
    "lang, heading",
    [
        ("es", "Nombre poco representativo («online» en 2 de 12)"),
        ("pt", "Nome pouco representativo («online» em 2 de 12)"),
        ("en", "Loosely named (“online” in 2 of 12)"),
    ],
)
def test_report_a_name_whose_telling_words_few_use_is_loose_though_its_common_word_is_used(lang, heading):
    # Claim check 76: «Online voting», the largest subject of an electoral-reform conversation, 5 of whose 39 say "online"
    # and 13 "voting": read as a subject about online voting, it was mostly about ballots and candidates.
    ctx = _context(lang)
    loose = ctx.tables["topic_groups"].assign(
        label="Online voting",
        naming_words="online",
        contributions_naming_it=pd.array([2], dtype="Int64"),
        contributions_using_name=pd.array([5], dtype="Int64"),
    )
    ctx.tables["topic_groups"] = loose
    assert any(s.heading.startswith(heading) for s in groups_section(ctx).subsections)
    # A name whose telling word a quarter or more use keeps its name.
    ctx.tables["topic_groups"] = loose.assign(contributions_naming_it=pd.array([3], dtype="Int64"))
    assert any(s.heading.startswith("Online voting") for s in groups_section(ctx).subsections)


def test_report_the_annex_names_a_loosely_named_subject_as_its_heading_does():
    # Claim check 76 (Chile 2016): the annex listed «Respetar los derechos y ejercer sus derechos» where the headings said
    # «Nombre poco representativo («ejercer» en 504 de 9.011)»: two names for one subject.
    from consultnlp.report.sections.context import annex_section

    ctx = _context("en")
    ctx.tables["topic_groups"] = ctx.tables["topic_groups"].assign(
        label="Online voting", naming_words="online", contributions_naming_it=pd.array([2], dtype="Int64")
    )
    heading = next(s.heading for s in groups_section(ctx).subsections)
    annex = next(s for s in annex_section(ctx).subsections if s.id == "annex-topics")
    assert heading.startswith("Loosely named") and annex.blocks[0].text.startswith(heading.split(" — ")[0] + ": Buses (9)")


def test_report_the_annex_lists_subjects_in_the_order_of_their_sections():
    # Claim check 79 (PNDBio): «Bioeconomia amazônica» (79 contributions, 75 distinct) came after «Segurança jurídica»
    # (78, 77) in the sections, which rank by distinct contributions, and before it in the annex.
    from consultnlp.report.sections.context import annex_section

    ctx = _context("en")
    ctx.tables["topic_groups"] = pd.DataFrame(
        {
            "topic_group_id": [0, 1],
            "label": ["Amazon", "Legal certainty"],
            "topics": [1, 1],
            "topic_ids": ["0", "1"],
            "topic_labels": ["Amazon", "Legal certainty"],
            "contributions": [79, 78],
            "unique_contributions": [75, 77],
            "share": [0.5, 0.5],
            "share_unique": [0.49, 0.51],
        }
    )
    ctx.tables["topics"] = pd.DataFrame(
        {"topic_id": [0, 1], "topic_group_id": [0, 1], "label": ["Amazon", "Legal certainty"], "unique_contributions": [75, 77]}
    )
    sections = [s.heading.split(" — ")[0] for s in groups_section(ctx).subsections]
    annex = next(s for s in annex_section(ctx).subsections if s.id == "annex-topics")
    assert sections == ["Legal certainty", "Amazon"]
    assert [b.text.split(":")[0] for b in annex.blocks] == sections


def test_report_a_topic_with_no_quote_using_its_name_gives_no_example_where_another_topic_has_one():
    # Claim check 77 (Plano Clima): r000708, on squares and urban green areas, was the example of «Turismo e conservação
    # da biodiversidade» after "(… mencionam «…»), por exemplo:", and used no word of the subject's name nor its topic's.
    ctx = _context("en")
    ctx.tables["topic_groups"] = ctx.tables["topic_groups"].assign(label="Buses and parking", topics=2, topic_ids="0, 1")
    ctx.tables["topics"] = pd.DataFrame(
        {"topic_id": [0, 1], "topic_group_id": [0, 0], "label": ["Buses", "Parking"], "unique_contributions": [5, 4]}
    )
    ctx.tables["quotes"] = pd.DataFrame(
        {"scope": "topic", "group_id": ["0", "1"], "rank": [1, 1], "comment_id": ["c1", "c9"],
         "quote": ["More night buses to Maipú.", "Plant trees in the squares."]}
    )  # fmt: skip
    cites = [q["cite"] for b in groups_section(ctx).subsections[0].blocks if b.kind == "quotes" for q in b.quotes]
    assert cites == ["c1"]
    # ... and where no topic has one, each still shows its first.
    ctx.tables["quotes"] = ctx.tables["quotes"].assign(quote=["Plant trees.", "Clean the river."])
    cites = [q["cite"] for b in groups_section(ctx).subsections[0].blocks if b.kind == "quotes" for q in b.quotes]
    assert cites == ["c1", "c9"]


@pytest.mark.parametrize(
    "lang, said",
    [
        (
            "es",
            "El archivo tiene columnas que podrían desglosar los resultados y no se usaron, así que el informe no compara sus partes: «tema_nombre» (4 valores) y «capitulo» (12 valores).",
        ),
        (
            "pt",
            "O arquivo tem colunas que poderiam desdobrar os resultados e não foram usadas, então o relatório não compara suas partes: «tema_nombre» (4 valores) e «capitulo» (12 valores).",
        ),
        (
            "en",
            "The file has columns that could break the results down and were not used, so the report does not compare their parts: “tema_nombre” (4 values) and “capitulo” (12 values).",
        ),
    ],
)
def test_report_method_says_which_columns_could_break_the_results_down_and_were_not_used(lang, said):
    # Claim checks 78 and 79 (Chile 2016, PNDBio): the readers expected the breakdown by the four questions and by chapter,
    # and the report never said it had not been made.
    from consultnlp.report.sections.context import unused_segments

    ctx = _context(lang)
    assert unused_segments(ctx) == ""
    ctx.facts["segment_candidates"] = [["tema_nombre", 4], ["capitulo", 12]]
    assert unused_segments(ctx) == said
    ctx.facts["segment_candidates"] = [[f"c{i}", 2] for i in range(5)]
    assert unused_segments(ctx).endswith("(2 values) and 2 more.") if lang == "en" else True


@pytest.mark.parametrize(
    "lang, heading, sentence",
    [
        (
            "es",
            "“Buses”, “Metro” y 1 tópico más",
            "un asunto que reúne varios tópicos, “Buses”, “Metro” y 1 tópico más (100%; su nombre automático, «Transporte»",
        ),
        (
            "pt",
            "“Buses”, “Metro” e mais 1 tópico",
            "um assunto que reúne vários tópicos, “Buses”, “Metro” e mais 1 tópico (100%; seu nome automático, «Transporte»",
        ),
        (
            "en",
            "“Buses”, “Metro” and 1 other topic",
            "a subject of several topics, “Buses”, “Metro” and 1 other topic (100%; its automatic name, “Transporte”",
        ),
    ],
)
def test_report_a_loosely_named_subject_of_several_topics_is_called_by_its_topics(lang, heading, sentence):
    # Claim checks 85, 87, 88: «Nombre poco representativo (palabras de «Cumplir» en 2.503 de 16.264)» said what a subject
    # is not, never what it holds. Its topics, largest first, those whose own name fits them before the one whose does not.
    from consultnlp.report.sections.context import annex_section
    from consultnlp.report.sections.summary import summary_sentences

    ctx = _context(lang)
    loose = ctx.tables["topic_groups"].assign(contributions_using_name=pd.array([2], dtype="Int64"), topics=[3])
    other = loose.assign(topic_group_id=[1], label=["Salud"], contributions=[4], unique_contributions=[4], share_unique=[0.3])
    ctx.tables["topic_groups"] = pd.concat([loose, other.assign(contributions_using_name=pd.array([4], dtype="Int64"))])
    ctx.tables["topics"] = pd.DataFrame(
        {
            "topic_id": [0, 1, 2, 3],
            "topic_group_id": [0, 0, 0, 1],
            "label": ["Trenes", "Buses", "Metro", "Salud"],
            "contributions": [5, 3, 1, 4],
            "unique_contributions": [5, 3, 1, 4],
            "contributions_using_name": pd.array([0, 3, 1, 4], dtype="Int64"),  # few of «Trenes» say "trenes": it comes last
        }
    )
    section = groups_section(ctx)
    assert section.subsections[0].heading.startswith(heading + " — "), section.subsections[0].heading
    assert any(sentence in s for s in summary_sentences(ctx)), summary_sentences(ctx)
    annex = next(s for s in annex_section(ctx).subsections if s.id == "annex-topics")
    assert annex.blocks[0].text.startswith(heading + ": "), annex.blocks[0].text
    # A loosely named subject of one topic keeps the heading that says so.
    ctx.tables["topics"] = ctx.tables["topics"].iloc[[0, 3]]
    assert groups_section(ctx).subsections[0].heading.startswith(("Nombre poco", "Nome pouco", "Loosely named"))


@pytest.mark.parametrize(
    "lang, section, summary",
    [
        (
            "es",
            "«Transporte» (12 contribuciones; 5 de ellas usan alguna palabra del nombre)",
            "«Transporte» (100%; 5 de sus 12 usan alguna",
        ),
        ("pt", "«Transporte» (12 contribuições; 5 delas usam alguma palavra do nome)", "«Transporte» (100%; 5 de suas 12 usam alguma"),
        ("en", "“Transporte” (12 contributions; 5 of them use a word of its name)", "“Transporte” (100%; 5 of its 12 use a word"),
    ],
)
def test_report_a_name_no_word_of_which_tells_it_apart_still_says_how_many_use_it(lang, section, summary):
    # Chile 2016 (stop 49): «Respeto» (602 contribuciones), 194 of which say "respeto", was shown with no count: the word is
    # common in the consultation, so it tells no subject apart (no naming words), and only those were counted.
    from consultnlp.report.sections.summary import summary_sentences

    ctx = _context(lang)
    ctx.tables["topic_groups"] = ctx.tables["topic_groups"].assign(contributions_using_name=pd.array([5], dtype="Int64"))
    assert any(section in b.text for b in groups_section(ctx).subsections[0].blocks if b.text), groups_section(ctx).subsections[0]
    assert any(summary in s for s in summary_sentences(ctx)), summary_sentences(ctx)
    # Half or more using it: nothing to add.
    ctx.tables["topic_groups"] = ctx.tables["topic_groups"].assign(contributions_using_name=pd.array([6], dtype="Int64"))
    assert not any("5 de" in s or "6 de" in s or "6 of" in s for s in summary_sentences(ctx))
