"""Zero-shot theme tagging against a codebook of any size: the calibrated text match, plus keywords that pass a sense check.

The text match (``consultnlp.themes.codebook``) scores every comment against every theme's name and description,
lexically and semantically, as one calibrated probability. A theme's examples (written in the codebook, or added
from an analyst's corrections by ``consultnlp themes learn``) are embedded one by one: the semantic evidence is the
higher of the cosine with the theme text and the mean cosine with the theme's ``EXAMPLE_NEIGHBOURS`` nearest
examples (few-shot). Joining examples to the theme text instead blurred it (``bench_codebook.py --concepts``). Keywords, where the codebook has them, are
evidence on top of it, in their own language only, and only in a sense that fits the theme:

- web addresses, e-mail addresses and domains are not evidence ("gov.br" is no digital-services comment);
- a keyword counts only when the comment's embedding is at least orthogonal to the theme (cosine >= 0) and nearer
  the theme than any of the theme's ``traps`` (texts naming the senses the keyword also has: "consulta médica"
  for a participation theme's "consulta");
- a counted keyword raises the match's log-odds by ``KEYWORD_LOGIT`` (at most ``MAX_KEYWORD_HITS`` of them): it
  makes a theme likelier, it never gives one on its own against the text evidence.

A theme is given when its probability reaches ``min_score`` and its cosine is not below zero; the best
``max_themes`` are kept, and a comment with none gets ``other``. Very short comments ("ok", "gracias") sit near
some theme by chance, so below ``min_words`` content words only keywords can give a theme.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from consultnlp.embedders import TextEncoder
from consultnlp.embedders.base import l2_normalise
from consultnlp.taxonomy import Taxonomy
from consultnlp.themes import codebook

# Log-odds one counted keyword adds (two at most): one lifts a theme the text match puts at 0.11 to the threshold (0.36).
# Set by hand on the test comments and Chile 5k (1.1 and 2.2 tried; not on ArgKP, which has no keywords).
KEYWORD_LOGIT = 1.6
MAX_KEYWORD_HITS = 2
EXAMPLE_NEIGHBOURS = 3  # a comment's cosine with a theme's examples: the mean over its nearest few
CHUNK = 20_000  # comments per block: the comments x themes evidence is built a block at a time


@dataclass(frozen=True)
class Assignment:
    """The themes of one comment, best first, with scores and human-readable evidence."""

    themes: list[str]
    scores: list[float]
    evidence: list[str]


def theme_text(taxonomy: Taxonomy, theme_index: int, lang: str) -> str:
    """The text a theme is matched on in ``lang``: "name. description" (its examples are compared one by one)."""
    theme = taxonomy.themes[theme_index]
    parts = [theme.name.get(lang, ""), theme.description.get(lang, "")]
    return ". ".join(p.strip().rstrip(".") for p in parts if p and p.strip())


class CodebookTagger:
    """Tags comments with a taxonomy's themes (see the module docstring)."""

    def __init__(
        self, taxonomy: Taxonomy, *, max_themes: int = 3, min_score: float | None = None, min_words: int = 3, min_keyword_hits: int = 1
    ) -> None:
        self.taxonomy = taxonomy
        self.ids = [t.id for t in taxonomy.themes]
        self.langs = list(taxonomy.languages)
        self.max_themes = max_themes
        self.min_score = codebook.THRESHOLD if min_score is None else min_score
        self.min_words = min_words
        self.min_keyword_hits = min_keyword_hits
        self.texts_: dict[str, list[str]] = {}
        self.vectors_: dict[str, np.ndarray] = {}
        self.traps_: list[np.ndarray] = []
        self.examples_: list[np.ndarray] = []
        self.index_: codebook.LexicalIndex | None = None
        # A theme, its parent and its sub-themes do not compete with each other (see codebook._gap).
        parent = {t.id: t.parent for t in taxonomy.themes}
        self.related_ = np.array([[a == b or parent[a] == b or parent[b] == a for b in self.ids] for a in self.ids], dtype=bool)
        self.needs_keyword_ = np.array([t.needs_keyword for t in taxonomy.themes], dtype=bool)

    def fit(self, corpus: list[str], encoder: TextEncoder) -> "CodebookTagger":
        """Embed the theme texts and traps, and fit the lexical IDF on the consultation's own texts (no labels)."""
        for lang in self.langs:
            # Without its examples: each example is embedded on its own (see _example_cosine).
            self.texts_[lang] = [theme_text(self.taxonomy, j, lang) for j in range(len(self.ids))]
            self.vectors_[lang] = l2_normalise(encoder.encode(self.texts_[lang], description="Embedding theme descriptions"))
        self.traps_ = _per_theme(encoder, [[t for ts in theme.traps.values() for t in ts] for theme in self.taxonomy.themes])
        self.examples_ = _per_theme(encoder, [[t for ts in theme.examples.values() for t in ts] for theme in self.taxonomy.themes])
        self.index_ = codebook.LexicalIndex(corpus)
        return self

    def scores(self, embeddings: np.ndarray, texts: list[str], langs: list[str]) -> codebook.MatchScores:
        """Comments x themes evidence and probability; a comment in a language the codebook lacks takes, for each
        kind of evidence, the best over the codebook's languages."""
        if self.index_ is None:
            raise RuntimeError("call fit() before scores()")
        n, k = len(texts), len(self.ids)
        cosine, tfidf, coverage = (np.full((n, k), -np.inf, dtype=np.float32) for _ in range(3))
        langs_arr = np.asarray(langs, dtype=object)
        known = np.isin(langs_arr, self.langs)
        for lang in self.langs:
            rows = np.flatnonzero((langs_arr == lang) | ~known)
            if not len(rows):
                continue
            c = np.asarray(embeddings[rows], dtype=np.float32) @ self.vectors_[lang].T
            c = np.maximum(c, self._example_cosine(np.asarray(embeddings[rows], dtype=np.float32)))
            t, v = self.index_.compare([texts[i] for i in rows], self.texts_[lang])
            for target, value in ((cosine, c), (tfidf, t), (coverage, v)):
                target[rows] = np.maximum(target[rows], value)
        return codebook.score(cosine, tfidf, coverage, self.related_)

    def _example_cosine(self, embeddings: np.ndarray) -> np.ndarray:
        """Comments x themes: the mean cosine with the theme's ``EXAMPLE_NEIGHBOURS`` nearest examples (-inf without)."""
        out = np.full((len(embeddings), len(self.ids)), -np.inf, dtype=np.float32)
        for j, vectors in enumerate(self.examples_):
            if len(vectors):
                sims = embeddings @ vectors.T
                k = min(EXAMPLE_NEIGHBOURS, sims.shape[1])
                out[:, j] = np.sort(sims, axis=1)[:, -k:].mean(axis=1)
        return out

    def trap_cosine(self, embeddings: np.ndarray) -> np.ndarray:
        """Comments x themes: the cosine with the nearest of the theme's traps (-inf for a theme without traps)."""
        out = np.full((len(embeddings), len(self.ids)), -np.inf, dtype=np.float32)
        for j, vectors in enumerate(self.traps_):
            if len(vectors):
                out[:, j] = (np.asarray(embeddings, dtype=np.float32) @ vectors.T).max(axis=1)
        return out

    def assign(
        self, embeddings: np.ndarray, texts: list[str], langs: list[str], found: list[dict[str, list[str]]], words: list[int] | None = None
    ) -> list[Assignment]:
        """One ``Assignment`` per comment, from its embedding, text (for the lexical evidence), language, keyword
        hits (theme id -> keywords, in the comment's language) and number of content words."""
        out: list[Assignment] = []
        for start in range(0, len(texts), CHUNK):
            stop = min(start + CHUNK, len(texts))
            block = np.asarray(embeddings[start:stop])
            match = self.scores(block, texts[start:stop], langs[start:stop])
            traps = self.trap_cosine(block)
            for i in range(stop - start):
                out.append(self._one(match, traps, i, found[start + i], None if words is None else words[start + i]))
        return out

    def _one(self, match: codebook.MatchScores, traps: np.ndarray, i: int, hits: dict[str, list[str]], words: int | None) -> Assignment:
        col = {tid: j for j, tid in enumerate(self.ids)}
        cosine = match.cosine[i]
        logit = np.log(np.clip(match.probability[i], 1e-9, 1 - 1e-9)) - np.log1p(-np.clip(match.probability[i], 1e-9, 1 - 1e-9))
        counted: dict[int, list[str]] = {}
        for tid, keywords in hits.items():
            j = col[tid]
            # The keyword's sense fits the theme: the comment is not opposite to it, nor nearer one of its traps.
            if len(keywords) >= self.min_keyword_hits and cosine[j] >= 0 and cosine[j] > traps[i, j]:
                counted[j] = keywords
                logit[j] += KEYWORD_LOGIT * min(len(keywords), MAX_KEYWORD_HITS)
        prob = 1.0 / (1.0 + np.exp(-logit))
        eligible = (prob >= self.min_score) & (cosine >= 0)
        keyword = np.isin(np.arange(len(self.ids)), list(counted))
        if words is not None and words < self.min_words:
            eligible &= keyword
        eligible &= keyword | ~self.needs_keyword_  # a narrow theme by its keywords only
        chosen = sorted(np.flatnonzero(eligible), key=lambda j: (-prob[j], j))[: self.max_themes]
        evidence = []
        for j in chosen:
            parts = list(counted.get(j, [])) + [f"sim={cosine[j]:.2f}", f"lex={match.tfidf[i, j]:.2f}"]
            evidence.append("|".join(parts))
        return Assignment([self.ids[j] for j in chosen], [round(float(prob[j]), 3) for j in chosen], evidence)


def matched_on(taxonomy: Taxonomy) -> list[str]:
    """Per theme, one line saying what it will be matched on (``consultnlp themes validate``)."""
    lines = []
    for theme in taxonomy.themes:
        parts = [f"name ({', '.join(l for l in taxonomy.languages if theme.name.get(l))})"]
        if theme.description:
            parts.append(f"description ({', '.join(l for l in taxonomy.languages if theme.description.get(l))})")
        n_examples = sum(len(v) for v in theme.examples.values())
        if n_examples:
            parts.append(f"{n_examples} example(s) ({', '.join(l for l in taxonomy.languages if theme.examples.get(l))})")
        kws = {l: len(v) for l, v in theme.keywords.items() if v}
        if kws:
            parts.append("keywords " + ", ".join(f"{l} {n}" for l, n in kws.items()) + " (each only in comments of its language)")
        else:
            parts.append("no keywords (text match only)")
        if theme.needs_keyword:
            parts.append("given only with one of its keywords")
        n_traps = sum(len(v) for v in theme.traps.values())
        if n_traps:
            parts.append(f"{n_traps} trap sense(s) that keep its keywords from counting")
        lines.append(f"  {theme.id}: " + "; ".join(parts))
    return lines


def _per_theme(encoder: TextEncoder, texts: list[list[str]]) -> list[np.ndarray]:
    """Unit vectors of each theme's texts (traps, examples), one matrix per theme (possibly empty)."""
    flat = [t for ts in texts for t in ts]
    vectors = l2_normalise(encoder.encode(flat, description="Embedding theme examples")) if flat else np.zeros((0, 1), np.float32)
    bounds = np.cumsum([0] + [len(ts) for ts in texts])
    return [vectors[a:b] for a, b in zip(bounds[:-1], bounds[1:])]
