"""TF-IDF over character n-grams reduced with truncated SVD (LSA). No model at all.

Fast and dependency-free, but poor across languages: Spanish and Portuguese
comments on the same subject tend to end up in separate topics.
"""

from __future__ import annotations

import numpy as np

from consultnlp.embedders.base import EMBEDDERS, Embedder, l2_normalise


class TfidfSvdEmbedder(Embedder):
    name = "tfidf-svd"
    cacheable = False

    @classmethod
    def from_config(cls, config, random_state: int) -> TfidfSvdEmbedder:  # noqa: ANN001 - EmbedConfig
        return cls(dimensions=config.dimensions, random_state=random_state)

    def __init__(self, *, dimensions: int = 256, random_state: int = 42) -> None:
        self.dimensions = dimensions
        self.random_state = random_state
        self._pipeline = None

    def fit(self, texts: list[str]) -> "TfidfSvdEmbedder":
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import make_pipeline

        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, max_features=200_000, sublinear_tf=True)
        n_features = vectorizer.fit(texts).transform(texts[:1]).shape[1]
        svd = TruncatedSVD(n_components=max(2, min(self.dimensions, n_features - 1, len(texts) - 1)), random_state=self.random_state)
        self._pipeline = make_pipeline(vectorizer, svd).fit(texts)
        return self

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._pipeline is None:
            self.fit(texts)
        return l2_normalise(self._pipeline.transform(texts))


EMBEDDERS.register(TfidfSvdEmbedder)
