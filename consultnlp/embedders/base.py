"""The embedder contract: texts in, L2-normalised float32 rows out.

Like BERTopic's ``BaseEmbedder``: one tiny class per backend, chosen by name
in the pipeline config (``embed.embedder``).
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np


class Embedder:
    """Base class. ``key`` identifies the model in the embedding cache."""

    name: ClassVar[str]
    # Corpus-fitted embedders (TF-IDF) change with the corpus, so they are never cached by text.
    cacheable: ClassVar[bool] = True

    @property
    def key(self) -> str:
        return self.name

    def fit(self, texts: list[str]) -> "Embedder":
        """Learn corpus statistics if the embedder needs them (default: nothing)."""
        return self

    def encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)
