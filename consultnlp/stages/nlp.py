"""spaCy preprocessing: per-language tokenisation, lookup lemmas and stopwords.

No trained spaCy pipeline for es/pt is installable offline at a current
version (see NOTES-STACK), so we use ``spacy.blank(lang)`` with the lookup
lemmatiser from ``spacy-lookups-data``. Lemmas feed topic keywords (c-TF-IDF)
and theme keyword matching.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from consultnlp import schema
from consultnlp.config import NlpConfig
from consultnlp.stages.base import RunContext, Stage, unit_mask

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SUPPORTED = ("es", "pt", "en")
_PLACEHOLDER = re.compile(r"\[[A-Z_]{2,12}\]")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def boilerplate_stopwords(lang: str) -> set[str]:
    """The project's consultation stopwords for ``lang`` (``data/stopwords/<lang>.txt``)."""
    path = DATA_DIR / "stopwords" / f"{lang}.txt"
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


class Lemmatizer:
    """Lower-cased content lemmas per language, with stopwords removed."""

    def __init__(self, *, extra_stopwords: dict[str, list[str]] | None = None, min_token_chars: int = 3) -> None:
        self.extra_stopwords = {k: {w.lower() for w in v} for k, v in (extra_stopwords or {}).items()}
        self.min_token_chars = min_token_chars

    @staticmethod
    @lru_cache(maxsize=None)
    def pipeline(lang: str):  # noqa: ANN205 - spaCy Language
        import spacy

        nlp = spacy.blank(lang)
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp

    @lru_cache(maxsize=None)
    def stopwords(self, lang: str) -> frozenset[str]:
        """spaCy's stop words for ``lang`` plus the project's and the user's additions, for all three languages' lemmas."""
        words = set(self.pipeline(lang).Defaults.stop_words)
        words |= boilerplate_stopwords(lang) | self.extra_stopwords.get(lang, set())
        return frozenset(words)

    def lemmatize(
        self, texts: list[str], lang: str, batch_size: int = 1000, forms: Counter | None = None
    ) -> list[list[str]]:
        """Content lemmas of each text (language ``lang``; others fall back to English rules).

        When ``forms`` is given, it counts (lemma, surface word) pairs, so keywords can be
        shown as people wrote them ("agua", not the lookup lemma "aguar").
        """
        lang = lang if lang in SUPPORTED else "en"
        nlp = self.pipeline(lang)
        stop = self.stopwords(lang)
        prepared = (_URL.sub(" ", _PLACEHOLDER.sub(" ", t)).lower() for t in texts)
        result: list[list[str]] = []
        for doc in nlp.pipe(prepared, batch_size=batch_size):
            lemmas = []
            for tok in doc:
                if not tok.is_alpha or len(tok.text) < self.min_token_chars or tok.text in stop:
                    continue
                lemma = tok.lemma_ or tok.text
                if lemma not in stop and len(lemma) >= self.min_token_chars:
                    lemmas.append(lemma)
                    if forms is not None:
                        forms[(lemma, tok.text)] += 1
            result.append(lemmas)
        return result

    def lemmatize_phrase(self, phrase: str, lang: str) -> str:
        """Lemmas of a keyword phrase, stopwords kept out, joined by spaces ('datos abiertos' -> 'dato abierto')."""
        lang = lang if lang in SUPPORTED else "en"
        nlp = self.pipeline(lang)
        tokens = [t.lemma_ or t.text for t in nlp(phrase.lower()) if t.is_alpha]
        stop = self.stopwords(lang)
        kept = [t for t in tokens if t not in stop] or tokens
        return " ".join(kept)


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
    """A lemma keyword ("datar abrir") as written ("datos abiertos")."""
    return " ".join(forms.get(part, part) for part in keyword.split())


class NlpStage(Stage):
    """Adds ``lemmas`` (space-joined content lemmas) for modelled rows; empty for the rest."""

    name = "nlp"
    requires = (schema.TEXT_REDACTED, schema.LANG)
    provides = (schema.LEMMAS,)

    def __init__(self, config: NlpConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: NlpConfig = self.config
        out = frame.copy()
        lemmatizer = Lemmatizer(extra_stopwords=cfg.extra_stopwords, min_token_chars=cfg.min_token_chars)
        context.lemmatizer = lemmatizer
        out[schema.LEMMAS] = ""
        units = out[unit_mask(out)]
        forms: dict[str, Counter] = {}
        with context.progress.task("Lemmatising", total=len(units)) as task:
            for lang, part in units.groupby(schema.LANG, sort=True):
                forms[str(lang)] = Counter()
                lemmas = lemmatizer.lemmatize(part[schema.TEXT_REDACTED].tolist(), str(lang), forms=forms[str(lang)])
                out.loc[part.index, schema.LEMMAS] = [" ".join(x) for x in lemmas]
                task.advance(len(part))
        context.lemma_forms = display_forms(forms)
        # Duplicates share their representative's lemmas.
        from consultnlp.stages.base import broadcast_to_duplicates

        broadcast_to_duplicates(out, [schema.LEMMAS], {schema.LEMMAS: ""})
        return out
