"""Does this comment speak to this theme? A calibrated match of comments against a codebook of any size.

A theme needs only an id and a name; a description, examples and keywords each add evidence when given. Its
*text* is "name. description" in each language the codebook has. Every comment is scored against every theme from
evidence of two kinds:

- semantic: the cosine of the comment's embedding and the theme text's (the run's multilingual embedder, so a
  codebook in one language matches comments in all three), or with the theme's nearest examples when that is
  higher (``consultnlp.themes.zeroshot``);
- lexical: the TF-IDF cosine of the two over crude stems, with the IDF fitted on the consultation's own comments
  (a rare shared word, "ciclovías", counts more than a common one of the consultation), and the rarity-weighted
  share of the theme's stems the comment uses (``consultnlp.summary.matching``'s lexical score).

Each is also taken relative to the comment's other themes (how far it stands above the best other theme), which
is what tells "about this theme" from "about something, mildly near everything". A logistic model turns the six
numbers into one probability. Its coefficients were fitted once on ArgKP-2021 train (human judgements of
"does this argument make this key point?": the key point plays the theme, the argument the comment; see
``benchmarks/bench_codebook.py --fit``) and are constants here: nothing is trained at run time. Arguments from
another debate, scored against a debate's key points, get a theme in 6.5% of cases on dev (the benchmark); adding
such arguments as negatives when fitting cut that to 0.5% but sent most right tags of Chile 5k to ``other``. The probability
is comparable across comments, so ``theme_scores`` ranks matches; below ``THRESHOLD`` a theme is not given, and a
comment with no theme gets ``other`` (the ``none`` outcome). No minimum number of themes is needed: with one theme
the relative features are zero and the absolute ones decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from consultnlp.summary.matching import content_stems

# Fitted on ArgKP-2021 train with use-multilingual (benchmarks/bench_codebook.py --fit). Order: FEATURES.
FEATURES = ("cosine", "tfidf", "coverage", "cosine_gap", "tfidf_gap", "coverage_gap")
COEFFICIENTS = (1.208, 2.044, -0.390, 5.532, 5.873, -0.876)
INTERCEPT = -1.563
# A theme is given at or above this probability: the lowest at which precision on ArgKP train reaches 0.60 (recall
# 0.46 there; the benchmark says why not the F1-best threshold, 0.28).
THRESHOLD = 0.36

# Not evidence: web addresses (with a scheme, "www." or a path) and e-mail addresses say where, not what. A bare name
# ("o app gov.br") is left: it names the service the comment is about.
_NOT_EVIDENCE = re.compile(
    r"(?:https?://|www\.)\S+|[\w.%+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)+/\S*",
    re.IGNORECASE,
)


def strip_non_evidence(text: str) -> str:
    """``text`` without web and e-mail addresses (they name a site, not a subject)."""
    return _NOT_EVIDENCE.sub(" ", text)


def _stems(text: str) -> list[str]:
    return sorted(content_stems(strip_non_evidence(text)))


@dataclass(frozen=True)
class MatchScores:
    """Comments x themes: the evidence of each kind, and the calibrated probability."""

    cosine: np.ndarray
    tfidf: np.ndarray
    coverage: np.ndarray
    probability: np.ndarray
    related: np.ndarray | None = None

    def features(self) -> np.ndarray:
        """(comments x themes x 6), in the order of ``FEATURES``."""
        return match_features(self.cosine, self.tfidf, self.coverage, self.related)


class LexicalIndex:
    """Stem TF-IDF fitted on a consultation's comments; compares comments with theme texts."""

    def __init__(self, corpus: list[str]) -> None:
        vocabulary: dict[str, int] = {}
        rows, cols = [], []
        for i, text in enumerate(corpus):
            for stem in _stems(text):
                rows.append(i)
                cols.append(vocabulary.setdefault(stem, len(vocabulary)))
        self.vocabulary_ = vocabulary
        # The corpus's stems, kept: the comments compared later are these texts, and finding their stems again took
        # most of the themes stage.
        self.matrix_ = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(corpus), max(len(vocabulary), 1)))
        self.row_of_ = {text: i for i, text in reversed(list(enumerate(corpus)))}
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocabulary)) if cols else np.zeros(0)
        # Words the consultation never uses (a theme's own vocabulary) get the largest IDF.
        self.n_docs_ = len(corpus)
        self.idf_ = np.log((1.0 + len(corpus)) / (1.0 + df)) + 1.0
        self.rare_idf_ = float(np.log(1.0 + len(corpus)) + 1.0)

    def _matrix(self, texts: list[str], vocabulary: dict[str, int]) -> sparse.csr_matrix:
        """Binary texts x ``vocabulary`` stems (the fitted vocabulary first, then the themes' own stems)."""
        width = max(len(vocabulary), 1)
        known = [self.row_of_.get(text) for text in texts]
        if texts and all(i is not None for i in known):  # corpus texts: their stems are all in the fitted vocabulary
            part = self.matrix_[known]
            return sparse.csr_matrix((part.data, part.indices, part.indptr), shape=(len(texts), width))
        rows, cols = [], []
        for i, text in enumerate(texts):
            for stem in _stems(text):
                if stem in vocabulary:
                    rows.append(i)
                    cols.append(vocabulary[stem])
        return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), max(len(vocabulary), 1)))

    def compare(self, comments: list[str], themes: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(tfidf cosine, rarity-weighted coverage of the theme's stems), comments x themes."""
        vocabulary = dict(self.vocabulary_)
        for text in themes:
            for stem in _stems(text):
                vocabulary.setdefault(stem, len(vocabulary))
        idf = np.concatenate([self.idf_, np.full(len(vocabulary) - len(self.idf_), self.rare_idf_)]) if vocabulary else np.ones(1)
        binary = self._matrix(comments, vocabulary)
        c = binary.multiply(idf[None, :]).tocsr()
        t = self._matrix(themes, vocabulary).multiply(idf[None, :]).tocsr()
        dot = (c @ t.T).toarray()
        c_norm = np.sqrt(np.asarray(c.multiply(c).sum(axis=1)).ravel())
        t_norm = np.sqrt(np.asarray(t.multiply(t).sum(axis=1)).ravel())
        tfidf = dot / np.maximum(c_norm[:, None] * t_norm[None, :], 1e-9)
        # Coverage: the share of the theme's (IDF-weighted) stems the comment uses.
        present = (binary @ t.T).toarray()
        t_size = np.asarray(t.sum(axis=1)).ravel()
        coverage = present / np.maximum(t_size[None, :], 1e-9)
        return tfidf.astype(np.float32), coverage.astype(np.float32)


def _gap(values: np.ndarray, related: np.ndarray | None = None) -> np.ndarray:
    """Per comment: each theme's value minus the best of the comment's other themes (0 with a single theme).

    ``related`` (themes x themes, True on the diagonal) names the themes that are not competitors: a sub-theme is
    not measured against its parent ("climate action" inside "climate and environment"), nor the parent against it.
    """
    n, k = values.shape
    if k < 2:
        return np.zeros_like(values)
    if related is None:
        order = np.sort(values, axis=1)
        best, second = order[:, -1:], order[:, -2:-1]
        return values - np.where(values >= best, second, best)
    out = np.zeros_like(values)
    for j in range(k):
        others = ~related[j]
        if others.any():
            out[:, j] = values[:, j] - values[:, others].max(axis=1)
    return out


def match_features(cosine: np.ndarray, tfidf: np.ndarray, coverage: np.ndarray, related: np.ndarray | None = None) -> np.ndarray:
    """(comments x themes x 6) features in the order of ``FEATURES``."""
    return np.stack([cosine, tfidf, coverage, _gap(cosine, related), _gap(tfidf, related), _gap(coverage, related)], axis=-1).astype(
        np.float64
    )


def probability(features: np.ndarray) -> np.ndarray:
    """The calibrated probability that a comment speaks to a theme, from ``match_features``."""
    z = features @ np.asarray(COEFFICIENTS, dtype=np.float64) + INTERCEPT
    return 1.0 / (1.0 + np.exp(-z))


def score(cosine: np.ndarray, tfidf: np.ndarray, coverage: np.ndarray, related: np.ndarray | None = None) -> MatchScores:
    """Evidence and calibrated probability, comments x themes (``related``: see ``_gap``)."""
    return MatchScores(cosine, tfidf, coverage, probability(match_features(cosine, tfidf, coverage, related)), related)
