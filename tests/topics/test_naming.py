"""Topic and group names: phrases from the comments, unique, written as people wrote them; groups within bounds."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from consultnlp.embedders.base import l2_normalise
from consultnlp.text import word_stems
from consultnlp.topics.hierarchy import group_count, group_topics
from consultnlp.topics.naming import group_names
from consultnlp.topics.phrases import (
    candidates,
    capitalised,
    ranked_names,
    unique_names,
)

STOP = {"la", "las", "los", "el", "de", "del", "que", "en", "y", "a", "no", "son", "por", "para", "con", "su", "sus", "se", "es"}


def test_phrases_keep_acronyms_accents_and_names_as_written():
    texts = [
        "La AFP no paga pensiones dignas. Las pensiones de la AFP son bajas en Chile.",
        "Pensiones dignas para los jubilados; la afp se queda con todo.",
        "PENSIONES DIGNAS YA PARA TODOS LOS JUBILADOS DE CHILE",
        "Que el SUS atienda en la Amazônia.",
    ]
    found = candidates(texts, STOP.__contains__)
    assert found["afp"].written() == "AFP"  # the acronym as most people wrote it, not "afp"
    assert found["pensiones dignas"].written() == "pensiones dignas"  # shouting counts in lower case
    assert found["chile"].written() == "Chile" and found["amazonia"].written() == "Amazônia"
    assert found["sus"].written() == "SUS"
    assert "la afp" not in found and "pensiones de la afp" in found  # no phrase starts or ends with a stop word
    assert capitalised("derecho a la salud") == "Derecho a la salud" and capitalised("AFP y pensiones") == "AFP y pensiones"


def _vectors(words: list[str]) -> np.ndarray:
    """Fixed word vectors: phrases about water point one way, about schools another."""
    out = np.zeros((len(words), 4), dtype=np.float32)
    for i, w in enumerate(words):
        low = w.lower()
        out[i] = [("agua" in low) + 0.1, ("escuela" in low or "profesor" in low) + 0.1, 0.1, 0.05]
    return l2_normalise(out)


def test_names_are_phrases_of_the_group_and_unique():
    texts = {
        0: ["Agua potable para el barrio", "Falta agua potable en la escuela", "El agua potable llega sucia"] * 3,
        1: ["La escuela rural necesita profesores", "Más profesores en la escuela rural", "La escuela rural no tiene agua"] * 3,
        2: ["Agua potable y limpia", "Agua potable en las poblaciones", "agua potable ahora"] * 3,
    }
    centres = {0: _vectors(["agua"])[0], 1: _vectors(["escuela"])[0], 2: _vectors(["agua"])[0]}
    ranked = ranked_names(texts, centres, _vectors, STOP.__contains__)
    names = unique_names(ranked, [0, 1, 2], fallback=str)
    assert "agua" in names[0].lower() and "agua" in names[2].lower() and "escuela" in names[1].lower()
    assert len({n.lower() for n in names.values()}) == 3  # two groups about drinking water still get two names
    for group, name in names.items():  # each name is a phrase of its own group's comments
        assert any(name.lower() in text.lower() for text in texts[group]), (group, name)


@pytest.mark.parametrize("n_topics", [6, 4])
def test_names_leave_out_a_phrase_that_names_the_whole_consultation(n_topics):
    # "mudanças climáticas" is among the candidates of every topic of a climate plan: it names the consultation, not a
    # topic. A widespread word inside a longer phrase stays ("ambiental" in "educação ambiental"). A small conversation
    # too: «Land Bank» named 3 of the 4 topics of a Pol.is conversation about the Land Bank.
    subjects = ["agua potable", "escuela rural", "bosque nativo", "transporte público", "energía solar", "educación ambiental"][-n_topics:]
    texts = {
        g: [f"El cambio climático exige {s} ya", f"Por el cambio climático, {s} para todos", f"{s} es lo primero", "ambiental"] * 3
        for g, s in enumerate(subjects)
    }
    # One axis per subject and one for the climate; each topic's centre leans to the climate axis, so without the
    # rule every topic would be named after the consultation.
    axis = {s.split()[0]: i for i, s in enumerate(subjects)}
    centres = {g: np.eye(7, dtype=np.float32)[g] + 2 * np.eye(7, dtype=np.float32)[6] for g in texts}

    def climate_first(words: list[str]) -> np.ndarray:
        out = np.full((len(words), 7), 0.01, dtype=np.float32)
        for i, w in enumerate(words):
            low = w.lower()
            out[i, 6 if "clim" in low else axis.get(low.split()[0], 5)] = 1.0
        return l2_normalise(out)

    names = unique_names(ranked_names(texts, centres, climate_first, STOP.__contains__), list(texts), fallback=str)
    assert not any("clim" in n.lower() for n in names.values()), names
    assert all(names[g].lower() in subjects[g].lower() or subjects[g].lower() in names[g].lower() for g in texts), names


def test_names_are_whole_phrases_not_cut_short():
    # The embedding would pick the fragments: every phrase with "needs" or "pay" sits on the group's axis. "County
    # needs" stops where its sense goes on (in this consultation "needs" is followed by "to"/"more" and never ends a
    # clause); "equal pay for equal" is always followed by "work" and "pay for equal work" always preceded by "equal".
    texts = {
        0: [
            "The county needs more fiber internet.",
            "Our county needs to fix internet service",
            "The county needs more cell towers for internet",
            "County needs a better internet provider, slow internet",
            "Rural internet is too slow.",
            "The library needs more computers with internet",
        ],
        1: [
            "Equal pay for equal work, now.",
            "We want equal pay for equal work",
            "Women deserve equal pay for equal work and paid leave",
            "Equal pay, and paid leave for parents",
        ],
    }
    stop = {"the", "our", "to", "more", "a", "for", "and", "is", "too", "we", "now", "of", "every"}

    def fragments_first(words: list[str]) -> np.ndarray:
        out = np.full((len(words), 3), 0.01, dtype=np.float32)
        for i, w in enumerate(words):
            low = w.lower()
            out[i, 0] = 1.0 if "needs" in low else 0.5 if "internet" in low else 0.01
            out[i, 1] = 1.0 if "pay for" in low else 0.6 if "pay" in low else 0.01
        return l2_normalise(out)

    centres = {0: np.array([1.0, 0.0, 0.0], np.float32), 1: np.array([0.0, 1.0, 0.0], np.float32)}
    names = unique_names(ranked_names(texts, centres, fragments_first, stop.__contains__), [0, 1], fallback=str)
    assert "needs" not in names[0].lower() and "internet" in names[0].lower(), names
    assert names[1].lower() == "equal pay", names


def test_names_do_not_end_in_a_locution_without_its_complement():
    # PNDBio 2025: «Biomassa brasileira ao longo» [da cadeia] named a topic. The phrase ends in a preposition and a
    # word that names no thing, and is always followed by "da"/"de": the name gives way. A phrase that ends in a noun,
    # though always followed by "de" ("a segurança alimentar" aside), still names a thing.
    from consultnlp.topics.phrases import Phrase, _cut_short

    stop = {"ao", "a", "de", "da", "do", "la", "e"}.__contains__
    locution = Phrase("biomassa brasileira ao longo", after=Counter({"da": 2, "de": 1}))
    assert _cut_short(locution, {}, stop)
    assert not _cut_short(Phrase("biomassa brasileira ao longo", after=Counter({"da": 2, "": 1})), {}, stop)  # ends a clause once
    assert not _cut_short(Phrase("garantizar la seguridad", after=Counter({"de": 3})), {}, stop)  # a noun: a thing
    assert not _cut_short(Phrase("biomassa brasileira", after=Counter({"da": 3})), {}, stop)  # no preposition before its end
    # "Between" takes two (claim check 84: «Igualdad entre hombres» [y mujeres] named a topic).
    assert _cut_short(Phrase("igualdad entre hombres", after=Counter({"y": 3})), {}, stop)
    assert not _cut_short(Phrase("entre hombres y mujeres", after=Counter({"": 3})), {}, stop)
    # The verb after a modal takes an object (claim check 92: «March On should prioritize» [...] named a subject's topic).
    assert _cut_short(Phrase("march on should prioritize", after=Counter({"women": 1, "": 1})), {}, stop)
    assert _cut_short(Phrase("el estado debe garantizar", after=Counter({"la": 2})), {}, stop)
    assert not _cut_short(Phrase("should prioritize women", after=Counter({"": 2})), {}, stop)


def test_name_is_not_the_rest_of_a_phrase_whose_head_is_a_consultation_word():
    # "gobierno" is a stopword of an open-government consultation; "abierto", nearly always right after it, is a piece
    # of "gobierno abierto" and names nothing (the demo's «Derechos de agua y abierto»).
    texts = {
        0: [
            "El plan de gobierno abierto debe exigir evaluación de impacto ambiental a las mineras.",
            "Que el gobierno abierto publique la evaluación de impacto ambiental de cada faena.",
            "Un gobierno abierto informa la evaluación de impacto ambiental en tiempo real.",
            "Gobierno abierto es publicar los relaves y la evaluación de impacto ambiental.",
        ]
    }
    stop = {"el", "de", "la", "a", "las", "que", "en", "un", "es", "los", "y", "debe", "cada", "gobierno", "plan"}

    def abierto_first(words: list[str]) -> np.ndarray:
        return l2_normalise(np.array([[1.0, 0.1] if "abierto" in w.lower() else [0.6, 0.5] for w in words], dtype=np.float32))

    names = unique_names(ranked_names(texts, {0: np.array([1.0, 0.0], np.float32)}, abierto_first, stop.__contains__), [0], fallback=str)
    assert names[0].lower() != "abierto", names


def test_name_is_not_a_phrase_that_points_at_what_the_reader_does_not_see():
    # Full Chile 2016 run: a topic named «Importancia de este concepto», "this concept" being the prompt each row
    # answers, which a reader of the name does not see. The embedding would pick it: it sits on the group's axis.
    texts = {
        0: [
            "La importancia de este concepto es la participación ciudadana vinculante.",
            "Por la importancia de este concepto: participación ciudadana en todo.",
            "Participación ciudadana vinculante, por la importancia de este concepto",
            "Participación ciudadana en las decisiones del estado.",
        ]
    }

    def demonstrative_first(words: list[str]) -> np.ndarray:
        return l2_normalise(np.array([[1.0, 0.1] if "este" in w.lower() else [0.6, 0.5] for w in words], dtype=np.float32))

    ranked = ranked_names(texts, {0: np.array([1.0, 0.0], np.float32)}, demonstrative_first, STOP.__contains__)
    assert ranked[0] and not any("este" in key.split() for key, _ in ranked[0]), ranked
    names = unique_names(ranked, [0], fallback=str)
    assert "participación" in names[0].lower(), names


def test_group_names_join_two_subtopics_without_repeating_a_word():
    written = {
        1: {"es": "salud"},
        2: {"es": "educación"},
        3: {"es": "igualdad"},
        4: {"es": "igualdad ante la ley"},
        5: {"es": "leyes y normas"},
        6: {"es": "justicia"},
        7: {"es": "conservación de la naturaleza"},
        8: {"es": "derecho a la salud"},
        9: {"es": "respetar los derechos humanos de todas las personas"},
        10: {"es": "valores y principios"},
        11: {"es": "derecho a la educación"},
        12: {"es": "dignidad"},
    }
    main = dict.fromkeys(written, "es")
    # Read 10: a second topic that only shares "derecho" names another thing, and is not skipped for the third.
    assert group_names([11, 8, 12], written, main) == {"es": "Derecho a la educación y derecho a la salud"}
    assert group_names([1, 2], written, main) == {"es": "Salud y educación"}
    assert group_names([1, 3], written, main) == {"es": "Salud e igualdad"}  # Spanish "y" becomes "e" before an i sound
    assert group_names([4, 3], written, main) == {"es": "Igualdad ante la ley"}  # the second would repeat "igualdad"
    assert group_names([5, 6], written, main) == {"es": "Leyes y normas"}  # the first already joins two things
    assert group_names([7, 8], written, main) == {"es": "Conservación de la naturaleza y derecho a la salud"}
    assert group_names([7, 9], written, main) == {"es": "Conservación de la naturaleza"}  # together over eight words
    # A second that already joins two things follows after a comma (stop 38: «Presupuesto» named a group half about judges).
    assert group_names([8, 10], written, main) == {"es": "Derecho a la salud, valores y principios"}
    budget = {1: {"es": "Presupuesto"}, 2: {"es": "Jueces y fiscales"}}
    assert group_names([1, 2], budget, dict.fromkeys(budget, "es"), sizes={1: 77, 2: 70}) == {"es": "Presupuesto, jueces y fiscales"}
    cased = {1: {"pt": "Indústria do Hidrogênio Verde"}, 2: {"pt": "Produção de biomassa"}, 3: {"pt": "SUS"}}
    main_pt = dict.fromkeys(cased, "pt")
    assert group_names([1, 2], cased, main_pt) == {"pt": "Indústria do Hidrogênio Verde e produção de biomassa"}
    assert group_names([2, 1], cased, main_pt) == {"pt": "Produção de biomassa e Indústria do Hidrogênio Verde"}
    assert group_names([2, 3], cased, main_pt) == {"pt": "Produção de biomassa e SUS"}


@pytest.mark.parametrize("n_topics, expected", [(3, 3), (12, 8), (60, 15), (114, 21), (500, 30)])
def test_group_count_stays_within_bounds(n_topics, expected):
    assert group_count(n_topics) == expected


def test_group_topics_on_a_large_fixture_gives_8_to_30_groups_numbered_by_size():
    rng = np.random.default_rng(0)
    themes = rng.normal(size=(25, 32))
    centroids = l2_normalise(np.repeat(themes, 8, axis=0) + 0.3 * rng.normal(size=(200, 32)))  # 200 topics in 25 families
    sizes = rng.integers(20, 400, size=200)
    groups = group_topics(centroids, sizes)
    n = len(set(groups.tolist()))
    assert 8 <= n <= 30 and sorted(set(groups.tolist())) == list(range(n))
    totals = np.bincount(groups, weights=sizes)
    assert (np.diff(totals) <= 0).all()  # group 0 holds the most comments
    # Topics of one family land together: each family's 8 topics share at most two groups.
    assert max(len(set(groups[i * 8 : (i + 1) * 8].tolist())) for i in range(25)) <= 2


def test_group_names_say_when_the_largest_topics_hold_less_than_half():
    """Chile 2016's largest group: nine topics, the two largest a third of it. Its name says so, or names what they share."""
    written = {
        1: {"es": "conservación de la naturaleza", "en": "nature conservation"},
        2: {"es": "Educación", "en": "Education"},
        3: {"es": "Derecho a la salud"},
        4: {"es": "Derecho a una vivienda"},
        5: {"es": "Seguridad social"},
        6: {"es": "Constitución"},
        7: {"es": "Respetar la constitución"},
    }
    main = dict.fromkeys(written, "es")
    sizes = {1: 30, 2: 20, 3: 20, 4: 20, 5: 20, 6: 40, 7: 45}
    assert group_names([1, 2, 3, 4, 5], written, main, sizes=sizes) == {
        "es": "“Conservación de la naturaleza”, “Educación” y 3 tópicos más",
        "en": "“Nature conservation”, “Education” and 3 other topics",
    }
    assert group_names([1, 2, 3, 4, 5], written, main, sizes=sizes, shared={"es": "derechos sociales"})["es"] == "Derechos sociales"
    # Two largest that hold half or more: named as before.
    assert group_names([1, 2, 3], written, main, sizes=sizes) == {
        "es": "Conservación de la naturaleza y educación",
        "en": "Nature conservation and education",
    }
    # A topic whose name shares a word with the headline counts as spoken for ("Constitución" under "Respetar la constitución").
    # 45 + 30 named and 40 spoken for, of 195: more than half.
    assert (
        group_names([7, 6, 1, 2, 3, 4, 5], written, main, sizes=sizes)["es"] == "Respetar la constitución y conservación de la naturaleza"
    )
    # Two topics, the first not half, its name already joining two things: both are named.
    assert group_names([5, 1], {5: {"es": "Leyes y normas"}, 1: {"es": "Educación"}}, main, sizes={5: 20, 1: 30}) == {
        "es": "“Leyes y normas” y “Educación”"
    }


def test_names_are_never_bare_verbs():
    from consultnlp.topics.adjectives import is_bare_verb

    # «Seriam» ("would be") named a topic of Plano Clima 2024, and half of its group's name.
    verbs = [("Seriam", "pt"), ("Deben", "es"), ("Queremos", "es"), ("Precisa", "pt"), ("Podem", "pt")]
    # Claim check 72 (Pol.is bg2050): «Create» and «Incentivize» named subjects of health and food, of jobs and schools.
    verbs += [("Create", "en"), ("Incentivize", "en"), ("Improve", "en")]
    # Plurals of nouns whose lemma looks like an infinitive, infinitives (an action), and nouns.
    named = [("Mulheres", "pt"), ("Lugares", "es"), ("Poderes", "es"), ("Reciclar", "es"), ("Reciclagem", "pt"), ("Votos", "es")]
    named += [("Seres humanos", "es"), ("Educação ambiental", "pt"), ("Plantio", "pt"), ("Parking", "en")]
    named += [("Transit", "en"), ("Museum", "en"), ("Create jobs", "en"), ("Vote", "en"), ("Exercise", "en")]
    assert [n for n, lang in verbs if not is_bare_verb(n, lang)] == []
    assert [n for n, lang in named if is_bare_verb(n, lang)] == []
    written = {1: {"pt": "Educação ambiental"}, 2: {"pt": "Seriam"}, 3: {"pt": "Reciclagem"}}
    assert group_names([1, 2, 3], written, dict.fromkeys(written, "pt")) == {"pt": "Educação ambiental e reciclagem"}


def test_names_are_never_bare_adjectives():
    from consultnlp.topics.adjectives import is_bare_adjective

    bare = [
        ("Iguales", "es"),
        ("Públicas y privadas", "es"),
        ("Libre", "es"),
        ("Iguais", "pt"),
        ("Públicas e privadas", "pt"),
        ("Helpful and professional", "en"),
    ]
    named = [
        ("Derechos humanos", "es"),
        ("Animales", "es"),
        ("Stray animals", "en"),
        ("Educación", "es"),
        ("Energia limpa", "pt"),
        ("Fundamental para el desarrollo", "es"),
        ("Empresas privadas", "pt"),
        ("Derecho", "es"),
        ("Saúde", "pt"),
        ("Chilenos y extranjeros", "es"),
        ("Animales y plantas", "es"),
        ("Biocombustíveis", "pt"),
    ]
    assert [n for n, lang in bare if not is_bare_adjective(n, lang)] == []
    assert [n for n, lang in named if is_bare_adjective(n, lang)] == []
    # The second name of a group skips a bare adjective for the next topic's name.
    written = {1: {"es": "Igualdad ante la ley"}, 2: {"es": "Iguales"}, 3: {"es": "Derechos sociales"}, 4: {"es": "Públicas y privadas"}}
    main = dict.fromkeys(written, "es")
    assert group_names([3, 4], written, main) == {"es": "Derechos sociales"}
    assert group_names([3, 4, 1], written, main) == {"es": "Derechos sociales e igualdad ante la ley"}


def test_a_word_that_may_be_a_noun_is_no_name_where_the_comments_use_it_as_an_adjective():
    from consultnlp.topics.adjectives import describes_a_noun, names_no_thing

    # The bundled sample named a group «Públicos» (stop 38): its comments say «servicios públicos», «recursos públicos».
    publicos = ["Más recursos públicos para salud", "Los servicios públicos no llegan", "Cargos públicos con sueldos altos"]
    assert describes_a_noun("Públicos", publicos, "es") and names_no_thing("Públicos", "es", texts=publicos)
    assert describes_a_noun("Public", ["Public services are slow", "More public transport please"], "en")
    # Used as a noun ("el público", "los animales"), or a name of two words, it stays a name.
    assert not describes_a_noun("Públicos", ["El público no entiende", "Para los públicos jóvenes"], "es")
    assert not describes_a_noun("Animales", ["Proteger a los animales", "Los animales sufren"], "es")
    assert not describes_a_noun("Derechos humanos", ["derechos humanos", "derechos humanos ya"], "es")
    assert not describes_a_noun("Públicos", ["Servicios públicos"], "es")  # one use is too few to tell
    assert not names_no_thing("Públicos", "es")  # without texts, the lemma index alone decides


def test_a_shared_word_that_mostly_qualifies_other_nouns_names_no_group():
    from consultnlp.topics.shared import qualifies

    # Chile 2016 named its group of the rights to education, health and housing «Calidad» (stop 41): «… y de calidad».
    stop = {"de", "la", "y", "a", "el", "para"}.__contains__
    said = ["Educación pública, gratuita y de calidad", "Salud de calidad para todos", "Una vivienda de calidad", "La calidad de vida"]
    assert qualifies("Calidad", said, stop)
    # The subject of its own sentences, it names one; so does a phrase of two content words; three uses at least.
    assert not qualifies("Salud", ["Derecho a la salud", "La salud pública", "Centro de salud", "Salud para todos"], stop)
    assert not qualifies("Calidad educativa", said, stop)
    assert not qualifies("Calidad", said[:2], stop)


def test_shared_phrase_is_used_by_most_topics_and_not_by_everyone():
    from consultnlp.topics.naming import Units
    from consultnlp.topics.shared import shared_phrases

    texts, topics = [], []
    bodies = {
        0: "En Chile faltan buses de transporte público para la comuna",
        1: "En Chile el transporte público llega tarde al trabajo",
        2: "Ciclovías seguras en Chile",
        3: "Hospitales con médicos en Chile",
        4: "Consultorios abiertos en Chile de noche",
    }
    for topic, body in bodies.items():
        for i in range(10):
            texts.append(f"{body} {i}")
            topics.append(topic)
    units = Units(
        texts=texts,
        langs=np.array(["es"] * len(texts)),
        topics=np.array(topics),
        closeness=np.ones(len(texts)),
        embeddings=np.zeros((len(texts), 2)),
    )
    members = {t: np.flatnonzero(units.topics == t) for t in bodies}
    found = shared_phrases({0: [0, 1, 2], 1: [3, 4]}, members, units, STOP.__contains__)
    assert found[0]["es"][0] == "transporte público"  # topics 0 and 1 (20 of 30 comments) use it
    assert all("chile" not in p.lower() for g in found for p in found[g].get("es", []))  # every group says Chile
    assert found[1] == {}  # hospitals and clinics share no phrase


def test_name_made_only_of_the_consultations_title_words_gives_way():
    # Read 5: the Pol.is "Tax HiveMind Window" had a subject named "Tax": it names the whole consultation. A name that
    # adds a word of its own does not; nor a longer one ("Electoral reform" in "Canadian Electoral Reform" still tells
    # its subject apart, and the next candidate there was a fragment).
    from consultnlp.topics.naming import _content_stems, _only_title_words

    stop = {"the", "of", "and", "a"}.__contains__
    title = _content_stems("Tax HiveMind Window", stop)
    assert _only_title_words("Tax", title, stop) and _only_title_words("Window", title, stop)
    assert not _only_title_words("Capital gains tax", title, stop) and not _only_title_words("Tax Working Group", title, stop)
    reform = _content_stems("Canadian Electoral Reform", stop)
    assert not _only_title_words("Electoral reform", reform, stop) and not _only_title_words("Electoral system", reform, stop)
    assert not _only_title_words("Tax", set(), stop)  # no title known (only the file's name): nothing gives way


def test_name_candidates_never_end_in_a_contracted_stop_word():
    # Read 6: a Pol.is subject was named «Football isn't»; "isn't" is "is" + "not", both stop words.
    from consultnlp.topics.phrases import candidates

    stop = {"is", "not", "it", "the", "do", "can", "a"}.__contains__
    found = candidates(["Football isn't the problem, it's the parents. People's safety can't wait."], stop)
    assert "football" in found and "people's safety" in found
    assert not any(k.endswith(("isn't", "it's", "can't")) or k.startswith(("isn't", "it's", "can't")) for k in found)


def test_group_names_put_a_topic_whose_comments_hardly_use_its_name_last():
    # Claim check 77 (Plano Clima): «Turismo e conservação da biodiversidade», 14% of the report, from a «Turismo» topic 4
    # of whose 49 comments mention tourism.
    from consultnlp.topics.naming import _loose_names

    written = {1: {"pt": "turismo"}, 2: {"pt": "conservação da biodiversidade"}, 3: {"pt": "povos e comunidades tradicionais"}}
    main = dict.fromkeys(written, "pt")
    sizes = {1: 49, 2: 49, 3: 45}
    assert group_names([1, 2, 3], written, main, sizes=sizes) == {"pt": "Turismo e conservação da biodiversidade"}
    loose = {1: {"pt"}, 2: set(), 3: set()}
    named = group_names([1, 2, 3], written, main, sizes=sizes, loose=loose)["pt"]
    assert named.startswith("Conservação da biodiversidade") and "Turismo" not in named
    # Nor is it the second name (Plano Clima: «Incêndios florestais e licenciamento ambiental», 3 of 40 on licensing).
    pair = {1: {"pt": "incêndios florestais"}, 2: {"pt": "licenciamento ambiental"}}
    both = group_names([1, 2], pair, dict.fromkeys(pair, "pt"), sizes={1: 73, 2: 40}, loose={2: {"pt"}})["pt"]
    assert both == "Incêndios florestais"
    assert (
        group_names([1, 2], pair, dict.fromkeys(pair, "pt"), sizes={1: 73, 2: 40})["pt"] == "Incêndios florestais e licenciamento ambiental"
    )
    # A name is loose where under a quarter of the comments in its language use a word of it.
    texts = ["Mais turismo rural."] + ["Proteger as praças e as árvores."] * 9
    stems = [word_stems(text, 3) for text in texts]
    assert _loose_names({"pt": "Turismo"}, stems, ["pt"] * 10) == {"pt"}
    assert _loose_names({"pt": "Turismo"}, stems[:1] * 3 + stems[1:8], ["pt"] * 10) == set()


def test_a_topic_name_is_loose_when_few_use_the_words_that_tell_it_apart():
    # Claim check 77 (Plano Clima): «Licenciamento ambiental», 24 of whose 40 say "ambiental" (a word of the whole climate
    # plan) and 3 "licenciamento", was not flagged.
    from consultnlp.topics.naming import _loose_names

    topic = ["Licenciamento mais rigoroso."] + ["Proteção ambiental dos rios."] * 6 + ["Fundos para favelas."] * 3
    outside = ["Educação ambiental nas escolas."] * 30 + ["Energia solar."] * 30
    stems = [word_stems(text, 3) for text in topic + outside]
    use = Counter(stem for found in stems for stem in found)
    mine = stems[: len(topic)]
    assert _loose_names({"pt": "Licenciamento ambiental"}, mine, ["pt"] * 10, use, len(stems)) == {"pt"}
    # Read against the topic alone, any word of the name counts: 7 of 10.
    assert _loose_names({"pt": "Licenciamento ambiental"}, mine, ["pt"] * 10) == set()
    # Where "ambiental" is rare outside, it tells the topic apart too.
    rare = [word_stems(text, 3) for text in topic + ["Energia solar."] * 60]
    use = Counter(stem for found in rare for stem in found)
    assert _loose_names({"pt": "Licenciamento ambiental"}, mine, ["pt"] * 10, use, len(rare)) == set()


def test_a_topic_whose_every_candidate_is_a_bare_adjective_is_named_by_its_keywords():
    # Claim check 84 (Chile 2016 sample): a topic of 20 was «Iguales», 3 of whose contributions use the word.
    from consultnlp.topics.naming import _things_named

    found = [("iguales", "Iguales"), ("libres e iguales", "Libres e iguales")]
    texts = ["Todos somos iguales ante la ley", "Libres e iguales en dignidad"]
    assert _things_named(found, "es", lambda w: False, texts, set()) == []  # names_by_language then takes the keyword label
    found.append(("igualdad", "Igualdad"))
    assert _things_named(found, "es", lambda w: False, texts, set()) == [("igualdad", "Igualdad")]
    # A name made only of the consultation's title words comes last, but is still a name.
    assert _things_named([("impuestos", "Impuestos")], "es", lambda w: False, ["Impuestos"], {"impuest"}) == [("impuestos", "Impuestos")]
