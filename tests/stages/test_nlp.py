"""spaCy preprocessing: lemmas that keep es/pt nouns nouns, stopwords in three languages, readable keyword forms."""

from collections import Counter

import pytest

from consultnlp.lemmas import Lemmatizer, display_forms, function_words, show_keyword

# Frequent words of chile-ela-2016 (es), brasil-planoclima-2024 (pt) and polis (en) on which spaCy's
# lookup tables and simplemma disagree, with the lemma a reader expects.
GOLD = {
    "es": {
        "personas": "persona",
        "respeto": "respeto",
        "desarrollo": "desarrollo",
        "ambiente": "ambiente",
        "libertad": "libertad",
        "pueblo": "pueblo",
        "trabajo": "trabajo",
        "condiciones": "condición",
        "políticas": "política",
        "valores": "valor",
        "agua": "agua",
        "mejores": "mejor",
        "huelga": "huelga",
        "sueldo": "sueldo",
        "salario": "salario",
        "pensiones": "pensión",
        "cosas": "cosa",
        "casa": "casa",
        "mercado": "mercado",
        "voto": "voto",
        "leyes": "ley",
        "datos": "dato",
        "empresas": "empresa",
        "niños": "niño",
        "sana": "sano",
        "digna": "digno",
        "privados": "privado",
        "ideas": "idea",
    },
    "pt": {
        "empresas": "empresa",
        "uso": "uso",
        "ações": "ação",
        "saúde": "saúde",
        "vida": "vida",
        "florestas": "floresta",
        "programa": "programa",
        "projetos": "projeto",
        "governo": "governo",
        "renda": "renda",
        "verde": "verde",
        "animais": "animal",
        "pesca": "pesca",
        "lixo": "lixo",
        "dados": "dado",
        "metas": "meta",
        "casa": "casa",
        "melhores": "melhor",
        "políticas": "política",
        "povos": "povo",
        "terras": "terra",
        "leis": "lei",
    },
    "en": {
        "housing": "housing",
        "taxes": "tax",
        "matter": "matter",
        "number": "number",
        "rent": "rent",
        "growing": "grow",
        "mixed": "mix",
        "thinking": "think",
        "companies": "company",
        "rights": "right",
        "children": "child",
        "policies": "policy",
        "laws": "law",
        "women": "woman",
        "data": "data",
        "funding": "funding",
    },
}


def _accuracy(method: str, lang: str) -> float:
    lemmatizer = Lemmatizer(method=method)
    gold = GOLD[lang]
    return sum(lemmatizer.lemma(word, lang) == lemma for word, lemma in gold.items()) / len(gold)


@pytest.mark.parametrize("lang", ["es", "pt", "en"])
def test_nlp_simplemma_lemmas_beat_spacy_lookup(lang):
    ours, lookup = _accuracy("simplemma", lang), _accuracy("spacy-lookup", lang)
    assert ours >= 0.95
    assert ours > lookup + 0.2


def test_nlp_stopwords_cover_boilerplate_and_other_languages_function_words():
    lemmatizer = Lemmatizer()
    es, pt, en = (lemmatizer.stopwords(lang) for lang in ("es", "pt", "en"))
    assert {"que", "propuesta", "gobierno", "ser", "el"} <= es
    assert {"que", "proposta", "governo", "não", "ser"} <= pt
    assert {"the", "proposal", "government", "be"} <= en
    # A Portuguese or English function word in a Spanish comment is still a stop word, and so on.
    assert {"não", "the", "uma"} <= es and {"los", "the"} <= pt and {"que", "não"} <= en
    assert function_words() <= es & pt & en
    # Content words spaCy lists as stop words are kept where consultations need them.
    assert "estado" not in es and "povo" not in pt and "sistema" not in pt
    assert "solo" not in pt  # soil in Portuguese, "only" in Spanish


def test_nlp_lemmas_keep_content_and_compounds():
    lemmatizer = Lemmatizer(extra_stopwords={"es": ["municipio"]})
    es = lemmatizer.lemmatize(["Los datos abiertos del Estado, por medio de la ley, protegen el medio ambiente del municipio."], "es")[0]
    assert es == ["dato", "abierto", "estado", "ley", "proteger", "medio", "ambiente"]
    pt = lemmatizer.lemmatize(["Que as empresas protejam o meio ambiente e os povos indígenas, por meio de leis."], "pt")[0]
    assert pt == ["empresa", "proteger", "meio", "ambiente", "povo", "indígena", "lei"]
    en = lemmatizer.lemmatize(["The government should publish the growing waiting lists [EMAIL] http://x.org"], "en")[0]
    assert en == ["publish", "grow", "wait", "list"]


def test_nlp_keywords_are_shown_as_people_wrote_them():
    lemmatizer = Lemmatizer()
    forms: Counter = Counter()
    texts = ["Publicar las listas de espera de los hospitales.", "Las listas de espera son largas.", "Datos abiertos ya."]
    lemmatizer.lemmatize(texts, "es", forms=forms)
    shown = display_forms({"es": forms})["es"]
    assert show_keyword("lista espera", shown) == "listas de espera"
    assert show_keyword("dato abierto", shown) == "datos abiertos"
    assert show_keyword("hospital", shown) == "hospitales"


def test_nlp_lemmas_kept_in_the_cache_are_the_lemmas_and_spare_the_dictionaries(tmp_path, monkeypatch):
    # A warm re-run loaded simplemma's three dictionaries again (2.5 s of the demo's 20 s); the words an earlier run
    # lemmatised are now kept in the cache folder, and a run whose words are all known never asks simplemma.
    from consultnlp import lemmas

    texts = ["Las ciclovías seguras para los niños del barrio Quilicura", "Queremos más árboles y plazas limpias, dijo Zunilda"]
    component = lemmas._build_pipeline("es", "simplemma").get_pipe("consultnlp_simplemma")  # one per process
    memo, same = component._memo, component._same
    assert memo is lemmas._WORD_LEMMAS["es"] and same is lemmas._SAME_DIGESTS["es"]
    before = (dict(memo), set(same))
    monkeypatch.setattr(lemmas, "_LEARNT", [False])
    try:
        memo.clear()
        same.clear()
        first = Lemmatizer().lemmatize(texts, "es")
        lemmas.save_lemmas(tmp_path)
        saved = list((tmp_path / "lemmas").glob("simplemma-*.json"))
        assert len(saved) == 1
        held = saved[0].read_text(encoding="utf-8")
        # An inflected word is kept with its headword; a word that is its own lemma (a name, a place) only as a digest.
        assert '"ciclovías": "ciclovía"' in held and "zunilda" not in held.lower() and "quilicura" not in held.lower()
        # As a new process: nothing known until the cache is read; then the same lemmas, simplemma never asked.
        memo.clear()
        same.clear()
        assert lemmas.load_lemmas(tmp_path) > 0 and "ciclovías" in memo

        def unread(*args, **kwargs):
            raise AssertionError("simplemma asked about a word the cache knows")

        monkeypatch.setattr(component, "_lemmatize", unread)
        assert Lemmatizer().lemmatize(texts, "es") == first and "quilicura" in {w for t in first for w in t}
        assert lemmas.load_lemmas(None) == 0  # no cache folder: nothing read
    finally:
        memo.clear()
        memo.update(before[0])
        same.clear()
        same.update(before[1])


def test_nlp_word_lemma_shares_the_known_lemmas(tmp_path, monkeypatch):
    # The topic names' adjective test and the theme keywords asked simplemma directly, so a warm demo read its
    # dictionaries anyway (1.7 s); word_lemma goes through the same known lemmas, which the run keeps when it ends.
    from consultnlp import lemmas

    memo, same = lemmas._WORD_LEMMAS.setdefault("es", {}), lemmas._SAME_DIGESTS.setdefault("es", set())
    before = (dict(memo), set(same))
    monkeypatch.setattr(lemmas, "_LEARNT", [False])
    try:
        memo.clear()
        same.clear()
        assert lemmas.word_lemma("públicas", "es") == "público" and lemmas.word_lemma("dignas", "es") == "digno"  # fixes apply
        lemmas.save_lemmas(tmp_path)
        memo.clear()
        same.clear()
        lemmas.load_lemmas(tmp_path)

        def unread(*args, **kwargs):
            raise AssertionError("simplemma asked about a word the cache knows")

        monkeypatch.setattr(lemmas._WORD_LEMMATIZERS["es"], "_lemmatize", unread)
        assert lemmas.word_lemma("públicas", "es") == "público" and lemmas.word_lemma("dignas", "es") == "digno"
    finally:
        memo.clear()
        memo.update(before[0])
        same.clear()
        same.update(before[1])
