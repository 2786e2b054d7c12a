"""sentence-transformers models, behind the ``transformers`` extra.

Only a model the user names (a local folder, or a hub name they chose) is
loaded; nothing is downloaded unless they asked for that model by name.
"""

from __future__ import annotations

import numpy as np

from consultnlp.embedders.base import EMBEDDERS, Embedder, l2_normalise
from consultnlp.errors import ConfigError, missing_dependency


class SentenceTransformerEmbedder(Embedder):
    name = "sentence-transformers"

    @classmethod
    def from_config(cls, config, random_state: int) -> SentenceTransformerEmbedder:  # noqa: ANN001 - EmbedConfig
        return cls(model=config.model, batch_size=config.batch_size)

    def __init__(self, *, model: str | None, batch_size: int = 256, device: str | None = None) -> None:
        if not model:
            raise ConfigError(
                "embed.embedder 'sentence-transformers' needs embed.model: a local model folder or a model name, "
                "e.g. --set embed.model=/models/paraphrase-multilingual-MiniLM-L12-v2."
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise missing_dependency("sentence-transformers", "transformers", "The sentence-transformers embedder") from exc
        self.model_name = model
        self.batch_size = batch_size
        self._model = SentenceTransformer(model, device=device)

    @property
    def key(self) -> str:
        return f"{self.name}-{self.model_name.replace('/', '_')}"

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(texts, batch_size=self.batch_size, show_progress_bar=False, convert_to_numpy=True)
        return l2_normalise(np.asarray(vectors, dtype=np.float32))


EMBEDDERS.register(SentenceTransformerEmbedder)
