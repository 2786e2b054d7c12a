"""The vectors topics are clustered on: sentence embeddings plus a cross-lingual keyword channel.

Sentence embeddings (USE) capture what a comment means but blur the concrete
words a consultation turns on ("huelga", "pensiones"). TF-IDF over lemmas
captures those words but splits languages apart. The keyword channel keeps
both: each lemma of the vocabulary is embedded with the same multilingual
encoder, and a comment's keyword vector is the TF-IDF weighted mean of its
lemmas' vectors, so "agua" and "água" point the same way. The clustered vector
is ``[sentence, lexical_weight * keywords]``, L2-normalised.

Measured (benchmarks/bench_topics.py): on the Chile sample this raises NMI
against the concept labels; on the bundled es/pt/en sample topics still mix
languages, whereas TF-IDF/char n-gram features split them by language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from consultnlp.embedders.base import l2_normalise

# A lemma (or two-lemma phrase) enters the vocabulary when at least this many comments use it.
MIN_DOC_FREQ = 2
# The 10,000 most frequent terms: on Chile 2016 (193k) 50,000 gave the same NMI (0.378 vs 0.380) for 3x the words to embed.
MAX_VOCABULARY = 10_000
# Phrases ("derecho huelga") add a little over single lemmas (measured: +0.005 to +0.01 NMI on the Chile sample).
NGRAMS = (1, 2)


@dataclass
class KeywordSpace:
    """What turns lemma strings into keyword vectors: vocabulary, idf and one vector per lemma."""

    vocabulary: list[str]
    idf: np.ndarray  # (V,) float32
    vectors: np.ndarray  # (V, d) float32, L2-normalised
    _index: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    def vector(self, term: str) -> np.ndarray | None:
        """The vector of one vocabulary lemma or phrase; None when it is not in the vocabulary."""
        if self._index is None:
            self._index = {t: i for i, t in enumerate(self.vocabulary)}
        i = self._index.get(term)
        return None if i is None else self.vectors[i]

    def transform(self, docs: Sequence[str]) -> np.ndarray:
        """Keyword vectors of space-joined lemma strings; a comment with no known lemma gets zeros."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        if not self.vocabulary:
            return np.zeros((len(docs), self.vectors.shape[1] if self.vectors.ndim == 2 else 0), dtype=np.float32)
        vectorizer = TfidfVectorizer(
            vocabulary=self.vocabulary, token_pattern=r"\S+", lowercase=False, sublinear_tf=True, norm="l2", ngram_range=NGRAMS
        )
        # Use the stored idf, not one refitted on the new comments: same space as at fit time.
        vectorizer.fit(self.vocabulary[:1])
        vectorizer.idf_ = self.idf.astype(np.float64)
        weights = vectorizer.transform(list(docs))
        return l2_normalise(np.asarray(weights @ self.vectors, dtype=np.float32))


def fit_keyword_space(docs: Sequence[str], encode: Callable[[list[str]], np.ndarray]) -> KeywordSpace:
    """Learn the vocabulary and idf from lemma strings and embed every vocabulary lemma with ``encode``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        token_pattern=r"\S+",
        lowercase=False,
        min_df=min(MIN_DOC_FREQ, max(1, len(docs))),
        max_features=MAX_VOCABULARY,
        sublinear_tf=True,
        ngram_range=NGRAMS,
    )
    try:
        vectorizer.fit(list(docs))
    except ValueError:  # every comment empty after stopwords
        return KeywordSpace([], np.zeros(0, dtype=np.float32), np.zeros((0, 0), dtype=np.float32))
    vocabulary = vectorizer.get_feature_names_out().tolist()
    vectors = l2_normalise(np.asarray(encode(vocabulary), dtype=np.float32))
    return KeywordSpace(vocabulary, vectorizer.idf_.astype(np.float32), vectors)


def topic_features(embeddings: np.ndarray, keyword_vectors: np.ndarray | None, lexical_weight: float) -> np.ndarray:
    """``[embeddings, lexical_weight * keyword_vectors]``, L2-normalised (the embeddings alone when the weight is 0)."""
    if keyword_vectors is None or lexical_weight <= 0 or keyword_vectors.shape[1] == 0:
        return l2_normalise(np.asarray(embeddings, dtype=np.float32))
    return l2_normalise(np.hstack([embeddings, lexical_weight * keyword_vectors]).astype(np.float32))
