"""Is a name a bare adjective ("Iguales", "Públicas y privadas") or a bare verb ("Seriam", "Deben")? A heading must
name a thing.

There is no offline part-of-speech tagger for es/pt (see ``consultnlp.lemmas``), so this
looks words up in spaCy's lemma index tables (``spacy-lookups-data``: the adjectives and
nouns spaCy's rule lemmatiser knows for Spanish and English). Portuguese has no such table:
its lemma (simplemma) is looked up in the Spanish one without accents ("iguais" -> "igual"),
so Portuguese-only adjectives ("sustentável") go unnoticed.

A word is an adjective when its lemma is one and not a noun ("igual", "fundamental"); a word
that may be either ("público", "humano") is one only in the feminine of an -o lemma ("públicas")
and no other word of the name is its head noun: "Derechos humanos" and "Stray animals" name a
thing, "Públicas y privadas" does not.

A word is an inflected verb (es/pt) when its lemma is an infinitive ("seriam" -> "ser", "deben" -> "deber") that
the word is not the plural of ("mujeres" -> "mujer", "lugares" -> "lugar" are nouns) and the word is no noun of the
index itself. An infinitive names an action ("Reciclar") and stays.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from consultnlp.lemmas import word_lemma
from consultnlp.text import fold

CONJUNCTIONS = frozenset({"y", "e", "o", "u", "ou", "and", "or", "ni", "nem", "nor"})
_WORD = re.compile(r"[^\W\d_]+")
_INFINITIVE = re.compile(r"\w{1,}(?:ar|er|ir|or)$")  # "por" (pt "pôr") folded
ADJECTIVE, EITHER, OTHER = "adj", "either", "other"


@lru_cache(maxsize=None)
def _tables(lang: str) -> dict[str, frozenset[str]]:
    """spaCy's lemma index for ``lang`` (part of speech -> lemmas), folded; empty when there is none."""
    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - a core dependency
        return {}
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_lemma_index.json.gz"
    if not path.is_file():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    return {pos: frozenset(fold(w) for w in words) for pos, words in table.items()}


def _index(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(adjective lemmas, noun lemmas) of spaCy's lemma index for ``lang``, folded; empty when there is none."""
    tables = _tables(lang)
    return tables.get("adj", frozenset()), tables.get("noun", frozenset())


@lru_cache(maxsize=50_000)
def _lemma(word: str, lang: str) -> str:
    return fold(word_lemma(word, lang))


def word_class(word: str, lang: str) -> str:
    """``adj`` (an adjective only), ``either`` (adjective or noun) or ``other`` for one lower-case word."""
    table = "es" if lang == "pt" else lang
    adjectives, nouns = _index(table)
    lemma = _lemma(word, lang)
    candidates = [lemma]
    if lang == "pt":
        # "privada" -> "privado". No rule for "-vel": "biocombustível" and "nível" are nouns (PNDBio 2025).
        candidates += [lemma[:-1] + "o"] if lemma.endswith("a") else []
    for lemma in candidates:
        if lemma in adjectives:
            return EITHER if lemma in nouns else ADJECTIVE
    return OTHER


def _feminine(word: str, lang: str) -> bool:
    """The feminine of a word whose lemma ends in -o ("públicas", "privada"): an adjective agreeing with a noun
    left out. A plural alone is not enough: "Animales" and "Humanos" are nouns."""
    lemma = _lemma(word, lang)
    masculine = lemma[:-1] + "o" if lang == "pt" and lemma.endswith("a") else lemma  # pt lemmatises "privadas" to "privada"
    return fold(word).rstrip("s").endswith("a") and masculine.endswith("o") and masculine in _index("es" if lang == "pt" else lang)[0]


def is_bare_adjective(name: str, lang: str, is_stopword=lambda w: False) -> bool:  # noqa: ANN001 - a predicate
    """Whether ``name`` (a topic or group name in ``lang``) is only adjectives, with no noun they describe."""
    words = [w for w in _WORD.findall(name.lower())]
    content = [w for w in words if fold(w) not in CONJUNCTIONS and not is_stopword(fold(w)) and len(w) > 2]
    if not content:
        return False
    classes = [word_class(w, lang) for w in content]
    if OTHER in classes:
        return False
    coordinated = len(content) == 1 or any(fold(w) in CONJUNCTIONS for w in words)
    if not coordinated:
        return False  # "Derechos humanos", "Stray animals": one word is the noun the other describes
    # Coordinated words that are all adjectives, or adjective-or-noun next to one that can only be an adjective
    # ("Helpful and professional", "Libre y soberano").
    return ADJECTIVE in classes or all(_feminine(w, lang) for w in content)


def _inflected_verb(word: str, lang: str) -> bool:
    """Whether ``word`` (es/pt, lower case) is a verb form other than its infinitive: "seriam", "deben", "queremos"."""
    if lang not in ("es", "pt"):
        return False
    folded, lemma = fold(word), _lemma(word, lang)
    if folded == lemma or folded in (lemma + "s", lemma + "es") or not _INFINITIVE.fullmatch(lemma):
        return False
    return folded not in _index("es")[1]


def _english_verb(word: str, lang: str) -> bool:
    """Whether ``word`` (en, lower case) is only a verb: a verb of the lemma index and no noun of it ("create", "improve";
    not "transit", "plan", "vote"), or an -ize/-ise verb the index lacks ("incentivize")."""
    if lang != "en":
        return False
    tables, folded = _tables("en"), fold(word)
    if folded in tables.get("noun", frozenset()):
        return False
    return folded in tables.get("verb", frozenset()) or (len(folded) >= 7 and folded.endswith(("ize", "ise")))


def is_bare_verb(name: str, lang: str, is_stopword=lambda w: False) -> bool:  # noqa: ANN001 - a predicate
    """Whether every content word of ``name`` is an inflected verb ("Seriam", a topic of Plano Clima 2024) or, in English,
    a verb and no noun ("Create", "Incentivize": claim check 72, Pol.is bg2050, two subjects of health and food, and of
    jobs and schools): a name with no thing in it. A Spanish or Portuguese infinitive names an action ("Reciclar") and stays."""
    content = [w for w in _WORD.findall(name.lower()) if fold(w) not in CONJUNCTIONS and not is_stopword(fold(w)) and len(w) > 2]
    return bool(content) and all(_inflected_verb(w, lang) or _english_verb(w, lang) for w in content)


def names_no_thing(name: str, lang: str, is_stopword=lambda w: False, texts: list[str] | None = None) -> bool:  # noqa: ANN001 - a predicate
    """Whether ``name`` is only adjectives or only verb forms: a heading that names no thing. With the ``texts`` the name
    was drawn from, a one-word name that may be either an adjective or a noun is also one where they use it as an
    adjective (:func:`describes_a_noun`)."""
    if is_bare_adjective(name, lang, is_stopword) or is_bare_verb(name, lang, is_stopword):
        return True
    return bool(texts) and describes_a_noun(name, texts, lang, is_stopword)


ADJECTIVE_USE_SHARE = 0.5  # of a word's uses, next to a noun it describes
ADJECTIVE_USE_MIN = 2


def describes_a_noun(name: str, texts: list[str], lang: str, is_stopword=lambda w: False) -> bool:  # noqa: ANN001 - a predicate
    """Whether the one content word of ``name``, an adjective or a noun by the lemma index ("públicos", "abiertos",
    "public"), is mostly an adjective in ``texts``: right after a noun in es/pt («servicios públicos», «datos abiertos»),
    right before one in en ("public services"). The bundled sample's group of budget, parliament, hospitals and courts
    was named «Públicos» (stop 38): a heading that names no thing."""
    content = [w for w in _WORD.findall(name.lower()) if fold(w) not in CONJUNCTIONS and not is_stopword(fold(w)) and len(w) > 2]
    if len(content) != 1 or word_class(content[0], lang) != EITHER:
        return False
    step = 1 if lang == "en" else -1

    def next_to_a_noun(tokens: list[str], i: int) -> bool:
        j = i + step
        return 0 <= j < len(tokens) and not is_stopword(tokens[j]) and known_noun(tokens[j])

    uses, beside = word_uses(fold(content[0]), texts, next_to_a_noun)
    return uses >= ADJECTIVE_USE_MIN and beside >= ADJECTIVE_USE_SHARE * uses


def word_uses(word: str, texts: list[str], where: Callable[[list[str], int], bool]) -> tuple[int, int]:
    """How often the folded ``word`` occurs in ``texts``, and how often ``where`` (the text's folded tokens, the word's
    index) holds at those places: how a word is used, not only whether."""
    uses = held = 0
    for text in texts:
        tokens = [fold(t) for t in _WORD.findall(text.lower())]
        for i, token in enumerate(tokens):
            if token == word:
                uses += 1
                held += bool(where(tokens, i))
    return uses, held


def known_noun(word: str) -> bool:
    """Whether the folded ``word`` (or it without a plural ending) is a noun of spaCy's Spanish or English lemma index."""
    folded = fold(word)
    forms = {folded, folded[:-1] if folded.endswith("s") else folded, folded[:-2] if folded.endswith("es") else folded}
    return any(form in _index(lang)[1] for lang in ("es", "en") for form in forms)
