"""Sentence embedders behind one tiny base class, their on-disk cache and matrix, and ``TextEncoder``.

Every caller embeds through a ``TextEncoder``: the embedder, the cache folder, the
engine that may run chunks in worker processes, and a progress reporter. The
comments of a run, the theme descriptions and the topic keywords all go through
the same encoder, so they share the cache and the same chunking rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import numpy as np

from consultnlp.embedders import tfidf, transformers, use  # noqa: F401 - each registers its embedder
from consultnlp.embedders.base import EMBEDDERS, Embedder
from consultnlp.embedders.cache import EmbeddingCache, text_digests
from consultnlp.embedders.ondisk import DiskMatrix, new_matrix
from consultnlp.progress import NullProgress, Progress

if TYPE_CHECKING:
    from consultnlp.config import EmbedConfig

CHUNK = 5_000
CAPS_MIN_LETTERS = 12
CAPS_SHARE = 0.8


def make_embedder(config: "EmbedConfig", random_state: int = 42) -> Embedder:
    """Build the embedder named in ``embed.embedder`` (``EMBEDDERS``, validated by the config)."""
    return EMBEDDERS[config.embedder].from_config(config, random_state)


def embedding_text(text: str) -> str:
    """The text to embed: an ALL-CAPS comment in lower case, any other as written.

    The encoder is case-sensitive and reads shouting as different words: "TODOS TENEMOS
    DERECHO A UNA VIVIENDA DIGNA" scored 0.19 against the housing theme, its lower-case
    form 0.37. 6% of the Chile 2016 comments are written in capitals.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= CAPS_MIN_LETTERS and sum(ch.isupper() for ch in letters) >= CAPS_SHARE * len(letters):
        return text.lower()
    return text


@dataclass
class EmbeddingCounts:
    """How many vectors of one call came from the cache and how many were computed."""

    cached: int = 0
    computed: int = 0


@dataclass
class TextEncoder:
    """An embedder with its cache folder, progress reporter and engine.

    ``worker_config`` (the embed section) lets chunks run in the engine's worker
    processes, each of which builds its own embedder from it; without it every
    chunk is encoded in this process.
    """

    embedder: Embedder
    cache_dir: Path | None = None
    progress: Progress = field(default_factory=NullProgress)
    engine: Any = None
    worker_config: "EmbedConfig | None" = None
    random_state: int = 42
    use_cache: bool = True
    memo: "dict[str, np.ndarray] | None" = None  # vectors already computed this run, by text (without a cache)

    @property
    def key(self) -> str:
        return self.embedder.key

    def encode_corpus(self, texts: list[str], *, on_disk: bool = False) -> tuple[np.ndarray | DiskMatrix, EmbeddingCounts]:
        """Embed the run's comments: a corpus-fitted embedder is fitted on them first."""
        if not self.embedder.cacheable:
            self.embedder.fit(texts)
        return self._encode(texts, description="Embedding", on_disk=on_disk, parallel=True)

    def encode(self, texts: list[str], *, description: str = "Embedding") -> np.ndarray:
        """Embed side texts (theme descriptions, keywords) in the space of the comments, never refitting it."""
        if not self.embedder.cacheable:
            return self.embedder.encode(texts)
        vectors, _ = self._encode(texts, description=description, on_disk=False, parallel=False)
        return vectors

    def encode_many(self, texts: list[str], *, description: str = "Embedding") -> np.ndarray:
        """Embed many side texts at once (the sentences key points are matched on) in the space of the comments: cached,
        and in the engine's worker processes like the comments, never refitting a corpus-fitted embedder."""
        if not self.embedder.cacheable:
            return self.embedder.encode(texts)
        vectors, _ = self._encode(texts, description=description, on_disk=False, parallel=True)
        return vectors

    def _encode(
        self, texts: list[str], *, description: str, on_disk: bool, parallel: bool
    ) -> tuple[np.ndarray | DiskMatrix, EmbeddingCounts]:
        """Look every text up in the cache, embed the others once each (a repeated text takes the vector
        of its first occurrence), store them. A vector depends on its text alone (see ``UseEmbedder.encode``),
        so neither the chunks, the engine nor what the cache already held changes it."""
        embedder = self.embedder
        cache = EmbeddingCache(self.cache_dir, embedder.key) if (self.use_cache and self.cache_dir and embedder.cacheable) else None
        digests = text_digests(texts) if cache else None
        make = partial(new_matrix, on_disk=on_disk)
        vectors, found = cache.lookup(digests, make) if cache else (None, np.zeros(len(texts), dtype=bool))
        if cache is None and self.memo:
            found = np.fromiter((t in self.memo for t in texts), dtype=bool, count=len(texts))
            if found.any():
                dim = len(next(iter(self.memo.values())))
                vectors = make(len(texts), dim)
                for i in np.flatnonzero(found).tolist():
                    vectors[i] = self.memo[texts[i]]
        missing = np.flatnonzero(~found)
        first: dict[str, int] = {}
        copies: list[tuple[int, int]] = []
        for i in missing.tolist():
            j = first.setdefault(texts[i], i)
            if j != i:
                copies.append((i, j))
        todo = np.fromiter(first.values(), dtype=np.int64, count=len(first))
        chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
        with self.progress.task(description, total=len(todo)) as task:
            for idx, new in zip(chunks, self._encode_chunks(texts, chunks, parallel and embedder.cacheable)):
                if vectors is None:
                    vectors = make(len(texts), new.shape[1])
                vectors[idx] = new
                if cache is not None:
                    # One shard per chunk: an interrupted run keeps what it finished.
                    cache.store(digests[idx], new)
                task.advance(len(idx))
        if copies:
            dst, src = (np.array(side, dtype=np.int64) for side in zip(*copies))
            vectors[dst] = vectors[src]
        counts = EmbeddingCounts(cached=int(found.sum()), computed=int(len(missing)))
        return (vectors if vectors is not None else np.zeros((0, 2), dtype=np.float32)), counts

    def _encode_chunks(self, texts: list[str], chunks: list[np.ndarray], parallel: bool) -> Iterator[np.ndarray]:
        """Yield the vectors of each chunk in order: on Dask workers, in local worker processes, or here."""
        batches = ([texts[i] for i in idx] for idx in chunks)
        distribute = parallel and self.worker_config is not None and self.engine is not None and len(chunks) > 1
        if not distribute or not self.engine.parallel_chunks(len(chunks)):
            yield from (self.embedder.encode(batch) for batch in batches)
            return
        yield from self.engine.map_chunks(partial(_encode_on_worker, self.worker_config, self.random_state), list(batches))


def _encode_on_worker(config: "EmbedConfig", random_state: int, texts: list[str]) -> np.ndarray:
    """Encode one chunk in a worker process (local or Dask); the embedder is built once per process."""
    key = (config.model_dump_json(), random_state)
    embedder = _WORKER_EMBEDDERS.get(key)
    if embedder is None:
        embedder = _WORKER_EMBEDDERS[key] = make_embedder(config, random_state)
    return embedder.encode(texts)


_WORKER_EMBEDDERS: dict[tuple[str, int], Embedder] = {}
