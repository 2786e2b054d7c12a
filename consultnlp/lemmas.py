"""spaCy preprocessing: per-language tokenisation, lemmas and stopwords.

No trained spaCy pipeline for es/pt is installable offline at a current
version (see NOTES-STACK), so there is no parser and no noun chunks: we use
``spacy.blank(lang)`` plus a lemmatiser component. The default, ``simplemma``,
looks words up in simplemma's dictionaries; spaCy's lookup tables
(``spacy-lookup``) turn many Spanish and Portuguese nouns into verbs ("agua" ->
"aguar", "empresas" -> "empresar"), which ruins topic keywords. Lemmas feed
topic keywords (c-TF-IDF) and theme keyword matching.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from consultnlp import schema
from consultnlp.errors import ConfigError, missing_dependency
from consultnlp.resources import project_path, word_list
from consultnlp.text import fold

DATA_DIR = project_path("data")
SUPPORTED = schema.LANGUAGES
LEMMATIZERS = ("simplemma", "spacy-lookup")
_PLACEHOLDER = re.compile(r"\[[A-Z_]{2,12}\]")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

# Frequent words that simplemma gets wrong in our consultations (checked by hand on
# chile-ela-2016, brasil-planoclima-2024 and polis): word -> lemma.
LEMMA_FIXES: dict[str, dict[str, str]] = {
    "es": {
        "sana": "sano",
        "sanas": "sano",
        "digna": "digno",
        "dignas": "digno",
        "basada": "basado",
        "basadas": "basado",
        "basados": "basado",
        "desiciones": "decisión",
        "desicion": "decisión",
        "estado": "estado",
    },
    "pt": {
        "melhores": "melhor",
        "limpa": "limpo",
        "limpas": "limpo",
        "secas": "seca",
        "baixa": "baixo",
        "baixas": "baixo",
        "visto": "visto",
        "estado": "estado",
    },
    "en": {"better": "good", "best": "good", "left": "left", "data": "data", "means": "means"},
}
# Two-word terms kept whole although one word is a stop word ("por medio de" is boilerplate).
COMPOUNDS: dict[str, frozenset[tuple[str, str]]] = {
    "es": frozenset({("medio", "ambiente"), ("adulto", "mayor"), ("adultos", "mayores")}),
    "pt": frozenset({("meio", "ambiente")}),
    "en": frozenset(),
}


@lru_cache(maxsize=None)
def boilerplate_stopwords(lang: str) -> frozenset[str]:
    """The project's consultation stopwords for ``lang`` (``data/stopwords/<lang>.txt``, lines without ``!``)."""
    return frozenset(w for w in _stopword_lines(lang) if not w.startswith("!"))


@lru_cache(maxsize=None)
def kept_words(lang: str) -> frozenset[str]:
    """Content words that spaCy lists as stop words but consultations need ("estado", "meio"): ``!word`` lines."""
    return frozenset(w[1:] for w in _stopword_lines(lang) if w.startswith("!"))


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    """Articles, prepositions and pronouns of es/pt/en removed in every language (``data/stopwords/common.txt``).

    Mixed-language comments and mis-detected ones would otherwise leak another
    language's function words ("the", "não") into keywords.
    """
    return frozenset(_stopword_lines("common"))


@lru_cache(maxsize=1)
def copulas() -> frozenset[str]:
    """Forms of "to be" and "to have" of es/pt/en, accents folded (``data/stopwords/copulas.txt``)."""
    return frozenset(fold(w) for w in _stopword_lines("copulas"))


@lru_cache(maxsize=1)
def complement_openers() -> frozenset[str]:
    """Articles, "to" and "more" of es/pt/en, accents folded (``data/stopwords/openers.txt``): the words that open an
    object or a complement, after which a phrase has not ended."""
    return frozenset(fold(w) for w in _stopword_lines("openers"))


@lru_cache(maxsize=1)
def complement_linkers() -> frozenset[str]:
    """Prepositions that tie a complement to the word before them ("de", "do", "of"), accents folded
    (``data/stopwords/linkers.txt``): a name always followed by one has not ended."""
    return frozenset(fold(w) for w in _stopword_lines("linkers"))


@lru_cache(maxsize=1)
def modals() -> frozenset[str]:
    """Modal verbs of es/pt/en, accents folded (``data/stopwords/modals.txt``): the verb after one takes an object."""
    return frozenset(fold(w) for w in _stopword_lines("modals"))


@lru_cache(maxsize=1)
def demonstratives() -> frozenset[str]:
    """Demonstratives of es/pt/en, accents folded (``data/stopwords/demonstratives.txt``): a name with one inside points
    at something its reader does not see ("Importancia de este concepto")."""
    return frozenset(fold(w) for w in _stopword_lines("demonstratives"))


def _stopword_lines(name: str) -> list[str]:
    """``data/stopwords/<name>.txt`` in lower case (none when the file is missing)."""
    path = DATA_DIR / "stopwords" / f"{name}.txt"
    return [w.lower() for w in word_list(path)] if path.exists() else []


# Per language, every word simplemma was asked about in this process and its lemma (English: word and spaCy's
# lookup lemma), shared by the lemmatisers of the process and kept between runs in the cache folder (``load_lemmas``):
# a run whose words are all known never loads simplemma's dictionaries (2.5 s of the demo's 20 s warm run).
# The cache file holds in plain only words whose lemma is another word (an inflected dictionary word and its
# headword: "ciclovías" -> "ciclovía"); a word that is its own lemma, as a name or a rare word a redaction missed
# would be, is kept as a digest only (``_SAME_DIGESTS``).
_WORD_LEMMAS: dict[str, dict[str, str]] = {}
_SAME_DIGESTS: dict[str, set[str]] = {}
_LEARNT = [False]  # whether this process asked simplemma about a word since the cache file was read or written


LEMMA_FILE_FORMAT = "v2"  # {lang: {"lemmas": {word: lemma}, "same": [digest, ...]}}


def _digest(key: str) -> str:
    return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()


def _lemma_file(cache_dir: Path) -> Path:
    """The cache file of known lemmas, named after what the lemmas depend on (simplemma's and spaCy's data, the fixes)."""
    from importlib.metadata import PackageNotFoundError, version

    versions = []
    for package in ("simplemma", "spacy", "spacy-lookups-data"):
        try:
            versions.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            versions.append(f"{package}=none")
    fixes = json.dumps(LEMMA_FIXES, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(("\n".join(versions) + "\n" + fixes).encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir) / "lemmas" / f"simplemma-{LEMMA_FILE_FORMAT}-{digest}.json"


def load_lemmas(cache_dir: Path | None) -> int:
    """Add the lemmas an earlier run kept in ``cache_dir`` to this process's (the same words, the same lemmas: a lemma
    never depends on what else the cache holds); returns how many words the file holds."""
    if cache_dir is None:
        return 0
    try:
        saved = json.loads(_lemma_file(cache_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = {}
    count = 0
    for lang, part in saved.items() if isinstance(saved, dict) else ():
        if not isinstance(part, dict):
            continue
        known = _WORD_LEMMAS.setdefault(str(lang), {})
        lemmas = part.get("lemmas") if isinstance(part.get("lemmas"), dict) else {}
        known.update({str(k): str(v) for k, v in lemmas.items() if k not in known})
        same = [str(d) for d in part.get("same") or []] if isinstance(part.get("same"), list) else []
        _SAME_DIGESTS.setdefault(str(lang), set()).update(same)
        count += len(lemmas) + len(same)
    _LEARNT[0] = False
    return count


def save_lemmas(cache_dir: Path | None) -> None:
    """Keep this process's known lemmas in ``cache_dir`` when it learnt new words (written whole, then renamed)."""
    if cache_dir is None or not _LEARNT[0]:
        return
    out = {}
    for lang, known in sorted(_WORD_LEMMAS.items()):
        same = set(_SAME_DIGESTS.get(lang, set()))
        lemmas = {}
        for key, lemma in known.items():
            if lemma == key.split("\x00", 1)[0]:
                same.add(_digest(key))
            else:
                lemmas[key] = lemma
        out[lang] = {"lemmas": lemmas, "same": sorted(same)}
    path = _lemma_file(cache_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(partial, path)
    except OSError:  # a cache that cannot be written only costs time
        return
    _LEARNT[0] = False


def _simplemma_factory(nlp: Any, name: str) -> "SimplemmaLemmatizer":
    return SimplemmaLemmatizer(nlp.lang)


class SimplemmaLemmatizer:
    """spaCy component: sets ``token.lemma_`` from simplemma's dictionary for the pipeline's language.

    Results are memoised per word (a consultation has a small vocabulary). For
    English, simplemma sometimes adds a spurious "e" ("growing" -> "growe");
    when spaCy's lookup lemma (run just before) plus "e" is simplemma's answer,
    the lookup lemma wins.
    """

    def __init__(self, lang: str) -> None:
        try:
            import simplemma
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise missing_dependency("simplemma", None, "The simplemma lemmatiser") from exc
        self._lemmatize = simplemma.lemmatize
        self.lang = lang
        self.fixes = LEMMA_FIXES.get(lang, {})
        self._memo = _WORD_LEMMAS.setdefault(lang, {})
        self._same = _SAME_DIGESTS.setdefault(lang, set())

    def lemma(self, word: str, lookup: str = "") -> str:
        key = word if self.lang != "en" else f"{word}\x00{lookup}"
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        if self._same and _digest(key) in self._same:  # an earlier run found it is its own lemma
            self._memo[key] = word
            return word
        _LEARNT[0] = True
        if word in self.fixes:
            lemma = self.fixes[word]
        else:
            lemma = self._lemmatize(word, lang=self.lang).lower()
            if self.lang == "en" and lookup and lookup != lemma and lookup + "e" == lemma:
                lemma = lookup
        self._memo[key] = lemma
        return lemma

    def __call__(self, doc: Any) -> Any:
        for tok in doc:
            if tok.is_alpha:
                tok.lemma_ = self.lemma(tok.lower_, tok.lemma_)
        return doc


_WORD_LEMMATIZERS: dict[str, SimplemmaLemmatizer] = {}


def word_lemma(word: str, lang: str) -> str:
    """simplemma's lemma of one lower-case word of ``lang`` (``LEMMA_FIXES`` applied), through this process's known
    lemmas: a word the nlp stage or an earlier run (``load_lemmas``) asked about never loads simplemma's dictionaries
    (1.7 s of the demo's warm run, for the words of the topic names)."""
    if lang not in _WORD_LEMMATIZERS:
        _WORD_LEMMATIZERS[lang] = SimplemmaLemmatizer(lang)
    return _WORD_LEMMATIZERS[lang].lemma(word, word if lang == "en" else "")


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("consultnlp_simplemma"):
        Language.factory("consultnlp_simplemma")(_simplemma_factory)


class Lemmatizer:
    """Lower-cased content lemmas per language, with stopwords removed."""

    def __init__(self, *, method: str = "simplemma", extra_stopwords: dict[str, list[str]] | None = None, min_token_chars: int = 3) -> None:
        if method not in LEMMATIZERS:
            raise ConfigError(f"nlp.lemmatizer {method!r} is unknown; valid lemmatizers: {', '.join(LEMMATIZERS)}.")
        self.method = method
        self.extra_stopwords = {k: {w.lower() for w in v} for k, v in (extra_stopwords or {}).items()}
        self.min_token_chars = min_token_chars
        self._pipelines: dict[str, Any] = {}
        self._stopwords: dict[str, frozenset[str]] = {}

    def pipeline(self, lang: str):  # noqa: ANN201 - spaCy Language
        """The spaCy pipeline for ``lang`` (built once per lemmatizer)."""
        if lang not in self._pipelines:
            self._pipelines[lang] = _build_pipeline(lang, self.method)
        return self._pipelines[lang]

    def stopwords(self, lang: str) -> frozenset[str]:
        """spaCy's stop words for ``lang`` (minus the ``!`` kept words), the project's, the user's and es/pt/en function words."""
        if lang not in self._stopwords:
            words = set(self.pipeline(lang).Defaults.stop_words) - kept_words(lang)
            words |= boilerplate_stopwords(lang) | self.extra_stopwords.get(lang, set()) | function_words()
            # Lemmas of stop words are stop words too ("fue" -> "ser", "los" -> "el"). One pipe over
            # the ~1,000 words: a pipeline call per word took 1 s per language in every process.
            words |= set(self._lemmas(sorted(words), lang))
            self._stopwords[lang] = frozenset(words - kept_words(lang))
        return self._stopwords[lang]

    def lemma(self, word: str, lang: str) -> str:
        """The lemma of one lower-cased word."""
        return self._lemmas([word], lang)[0]

    def _lemmas(self, words: list[str], lang: str) -> list[str]:
        """The lemma of each lower-cased word (a word the tokenizer splits stays as it is)."""
        docs = self.pipeline(lang).pipe(words)
        return [(doc[0].lemma_ or doc[0].text) if len(doc) == 1 else word for word, doc in zip(words, docs)]

    def lemmatize(self, texts: list[str], lang: str, batch_size: int = 1000, forms: Counter | None = None) -> list[list[str]]:
        """Content lemmas of each text (language ``lang``; others fall back to English rules).

        When ``forms`` is given, it counts (lemma, surface) pairs for words and for
        adjacent lemma pairs, so keywords can be shown as people wrote them:
        "datos", not the lemma "dato"; "listas de espera", not "lista espera".
        """
        lang = lang if lang in SUPPORTED else "en"
        nlp = self.pipeline(lang)
        stop = self.stopwords(lang)
        compounds = COMPOUNDS.get(lang, frozenset())
        prepared = (_URL.sub(" ", _PLACEHOLDER.sub(" ", t)).lower() for t in texts)
        result: list[list[str]] = []
        min_chars = self.min_token_chars
        for doc in nlp.pipe(prepared, batch_size=batch_size):
            # One pass over spaCy's token objects; the rest works on plain tuples (half the time).
            words = [(t.text, t.lemma_, t.is_alpha) for t in doc]
            kept: list[tuple[str, int]] = []
            for i, (text, lemma, alpha) in enumerate(words):
                if not alpha or len(text) < min_chars:
                    continue
                lemma = lemma or text
                if (compounds and _in_compound(words, i, compounds)) or (
                    text not in stop and lemma not in stop and len(lemma) >= min_chars
                ):
                    kept.append((lemma, i))
            if forms is not None:
                _count_forms(forms, words, kept)
            result.append([lemma for lemma, _ in kept])
        return result

    def lemmatize_phrase(self, phrase: str, lang: str) -> str:
        """Lemmas of a keyword phrase, stopwords kept out, joined by spaces ('datos abiertos' -> 'dato abierto')."""
        lang = lang if lang in SUPPORTED else "en"
        nlp = self.pipeline(lang)
        tokens = [t.lemma_ or t.text for t in nlp(phrase.lower()) if t.is_alpha]
        stop = self.stopwords(lang)
        kept = [t for t in tokens if t not in stop] or tokens
        return " ".join(kept)


MAX_PHRASE_GAP = 2  # stop words between two keyword lemmas that a shown phrase keeps ("lista de espera")


def _count_forms(forms: Counter, words: list[tuple[str, str, bool]], kept: list[tuple[str, int]]) -> None:
    """Count (lemma, surface) for each kept word and each pair of consecutive kept words."""
    for n, (lemma, i) in enumerate(kept):
        text = words[i][0]
        forms[(lemma, text)] += 1
        if n:
            prev_lemma, j = kept[n - 1]
            # Keep the little words in between ("lista de espera"), not punctuation ("salud, educación").
            if i - j - 1 <= MAX_PHRASE_GAP and all(words[k][2] for k in range(j + 1, i)):
                surface = " ".join(w[0] for w in words[j : i + 1])
            else:
                surface = f"{words[j][0]} {text}"
            forms[(f"{prev_lemma} {lemma}", surface)] += 1


def _in_compound(words: list[tuple[str, str, bool]], i: int, compounds: frozenset[tuple[str, str]]) -> bool:
    after = i + 1 < len(words) and (words[i][0], words[i + 1][0]) in compounds
    return after or (i > 0 and (words[i - 1][0], words[i][0]) in compounds)


@lru_cache(maxsize=None)
def _build_pipeline(lang: str, method: str):  # noqa: ANN202 - spaCy Language
    import spacy

    nlp = spacy.blank(lang)
    if method == "spacy-lookup" or lang == "en":
        # English simplemma falls back on the lookup lemma in one case (see SimplemmaLemmatizer).
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    if method == "simplemma":
        _register_components()
        nlp.add_pipe("consultnlp_simplemma")
    nlp.initialize()
    return nlp


def _most_frequent_forms(counts: Counter) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for (lemma, surface), n in counts.items():
        # Most frequent form; ties go to the alphabetically first, for determinism.
        if lemma not in best or (n, _neg(surface)) > (best[lemma][0], _neg(best[lemma][1])):
            best[lemma] = (n, surface)
    return {lemma: surface for lemma, (_, surface) in best.items()}


def display_forms(forms: dict[str, Counter]) -> dict[str, dict[str, str]]:
    """Per language (and ``"*"`` for all), lemma -> the surface word most often written for it."""
    result = {lang: _most_frequent_forms(counts) for lang, counts in forms.items()}
    overall: Counter = Counter()
    for counts in forms.values():
        overall.update(counts)
    result["*"] = _most_frequent_forms(overall)
    return result


def _neg(word: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in word)


def show_keyword(keyword: str, forms: dict[str, str]) -> str:
    """A lemma keyword ("dato abierto") as people wrote it ("datos abiertos")."""
    if keyword in forms:
        return forms[keyword]
    return " ".join(forms.get(part, part) for part in keyword.split())


_LEMMATIZERS: dict[tuple, Lemmatizer] = {}


def shared_lemmatizer(
    method: str = "simplemma", extra_stopwords: dict[str, list[str]] | None = None, min_token_chars: int = 3
) -> Lemmatizer:
    """One lemmatiser per setting and process: its spaCy pipelines and memo are reused across partitions."""
    key = (method, tuple(sorted((k, tuple(v)) for k, v in (extra_stopwords or {}).items())), min_token_chars)
    if key not in _LEMMATIZERS:
        _LEMMATIZERS[key] = Lemmatizer(method=method, extra_stopwords=extra_stopwords, min_token_chars=min_token_chars)
    return _LEMMATIZERS[key]
