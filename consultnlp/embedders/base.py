"""The embedder contract: texts in, L2-normalised float32 rows out.

Like BERTopic's ``BaseEmbedder``: one tiny class per backend, chosen by name
in the pipeline config (``embed.embedder``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import numpy as np

from consultnlp.registry import Registry

if TYPE_CHECKING:
    from consultnlp.config import EmbedConfig


class Embedder:
    """Base class. ``key`` identifies the model in the embedding cache. A backend registers itself where it is defined
    (``EMBEDDERS.register``): ``embed.embedder`` names it, and ``from_config`` builds it from the embed section."""

    name: ClassVar[str]
    # Corpus-fitted embedders (TF-IDF) change with the corpus, so they are never cached by text.
    cacheable: ClassVar[bool] = True

    @classmethod
    def from_config(cls, config: "EmbedConfig", random_state: int) -> "Embedder":
        raise NotImplementedError

    @property
    def key(self) -> str:
        return self.name

    def fit(self, texts: list[str]) -> "Embedder":
        """Learn corpus statistics if the embedder needs them (default: nothing)."""
        return self

    def encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError


# Every embedder, by its ``embed.embedder`` name; filled by the backend modules (``consultnlp.embedders`` imports them).
EMBEDDERS: Registry[type[Embedder]] = Registry("embedder")


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


def mmr(vectors: np.ndarray, relevance: np.ndarray, k: int, diversity: float, *, sources: np.ndarray | None = None) -> list[int]:
    """Indices of ``k`` items by maximal marginal relevance (ties broken by position). With ``sources`` (an author per
    item, "" for none), an item whose author is already chosen is as redundant as a copy: three quotes of one person
    read as three people (claim check 49)."""
    chosen: list[int] = []
    redundancy = np.zeros(len(vectors))
    for _ in range(min(k, len(vectors))):
        score = (1 - diversity) * relevance - diversity * redundancy
        score[chosen] = -np.inf
        best = int(np.lexsort((np.arange(len(score)), -score))[0])
        chosen.append(best)
        redundancy = np.maximum(redundancy, vectors @ vectors[best])
        if sources is not None and sources[best] != "":
            redundancy[sources == sources[best]] = 1.0
    return chosen
