"""The embedding stage and its swappable embedders."""

from __future__ import annotations

from functools import partial
from typing import Iterator

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.config import EmbedConfig
from consultnlp.stages.base import RunContext, Stage, unit_mask
from consultnlp.stages.embed.base import Embedder
from consultnlp.stages.embed.cache import EmbeddingCache, text_digests
from consultnlp.stages.embed.ondisk import DiskMatrix, new_matrix

EMBEDDERS = ("use-multilingual", "tfidf-svd", "sentence-transformers")
CHUNK = 5_000


def make_embedder(config: EmbedConfig, random_state: int = 42) -> Embedder:
    """Build the embedder named in ``embed.embedder``."""
    if config.embedder == "use-multilingual":
        from consultnlp.stages.embed.use import UseEmbedder

        return UseEmbedder(threads=config.threads, batch_size=config.batch_size)
    if config.embedder == "tfidf-svd":
        from consultnlp.stages.embed.tfidf import TfidfSvdEmbedder

        return TfidfSvdEmbedder(dimensions=config.dimensions, random_state=random_state)
    from consultnlp.stages.embed.transformers import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(model=config.model, batch_size=config.batch_size)


def _encode_on_worker(config: EmbedConfig, random_state: int, texts: list[str]) -> np.ndarray:
    """Encode one chunk in a worker process (local or Dask); the embedder is built once per process."""
    key = (config.model_dump_json(), random_state)
    embedder = _WORKER_EMBEDDERS.get(key)
    if embedder is None:
        embedder = _WORKER_EMBEDDERS[key] = make_embedder(config, random_state)
    return embedder.encode(texts)


_WORKER_EMBEDDERS: dict[tuple[str, int], Embedder] = {}


def embed_texts(
    texts: list[str], embedder: Embedder, context: RunContext, *, use_cache: bool = True,
    description: str = "Embedding", config: EmbedConfig | None = None, record: bool = True, on_disk: bool = False,
) -> np.ndarray | DiskMatrix:
    """Embed ``texts`` in chunks, reusing and filling the on-disk cache when there is one.

    ``record`` puts the cached/computed counts in ``context.stats`` (the comments' embedding,
    not side texts such as theme descriptions). ``on_disk`` returns a :class:`DiskMatrix`
    (a temporary file read in chunks) instead of an array; the vectors are the same.

    Chunks always start at multiples of ``CHUNK`` among the missing texts, whatever the
    engine, so a distributed run computes exactly the same vectors as a local one.
    """
    cache = EmbeddingCache(context.cache_dir, embedder.key) if (use_cache and context.cache_dir and embedder.cacheable) else None
    if not embedder.cacheable:
        embedder.fit(texts)
    digests = text_digests(texts) if cache else None
    make = partial(new_matrix, on_disk=on_disk)
    vectors, found = cache.lookup(digests, make) if cache else (None, np.zeros(len(texts), dtype=bool))
    missing = np.flatnonzero(~found)
    if record:
        context.stats["embeddings_cached"] = int(found.sum())
        context.stats["embeddings_computed"] = int(len(missing))
    chunks = [missing[i : i + CHUNK] for i in range(0, len(missing), CHUNK)]
    parallel = config is not None and embedder.cacheable and len(chunks) > 1
    with context.progress.task(description, total=len(missing)) as task:
        for idx, new in zip(chunks, _encode_chunks(texts, chunks, embedder, context, config if parallel else None)):
            if vectors is None:
                vectors = make(len(texts), new.shape[1])
            vectors[idx] = new
            if cache is not None:
                # One shard per chunk: an interrupted run keeps what it finished.
                cache.store(digests[idx], new)
            task.advance(len(idx))
    return vectors if vectors is not None else np.zeros((0, 2), dtype=np.float32)


def _encode_chunks(
    texts: list[str], chunks: list[np.ndarray], embedder: Embedder, context: RunContext, config: EmbedConfig | None
) -> Iterator[np.ndarray]:
    """Yield the vectors of each chunk in order: on Dask workers, in local worker processes, or here."""
    batches = ([texts[i] for i in idx] for idx in chunks)
    if config is None or not context.engine.parallel_chunks(len(chunks)):
        yield from (embedder.encode(batch) for batch in batches)
        return
    yield from context.engine.map_chunks(partial(_encode_on_worker, config, context.random_state), list(batches))


CAPS_MIN_LETTERS = 12
CAPS_SHARE = 0.8


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


class EmbedStage(Stage):
    """Embeds the modelled units; vectors go to ``context.embeddings`` (no frame column)."""

    name = "embed"
    uses_engine = True
    requires = (schema.TEXT_REDACTED,)
    provides = ()

    def __init__(self, config: EmbedConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: EmbedConfig = self.config
        units = frame.index[unit_mask(frame)]
        # A caller (or a test) may inject an embedder; otherwise build the configured one.
        embedder = context.embedder or make_embedder(cfg, context.random_state)
        texts = frame.loc[units, schema.TEXT_REDACTED].astype(str).tolist()
        if cfg.lowercase_caps:
            texts = [embedding_text(t) for t in texts]
        # Above embed.in_memory_max unique comments the vectors wait in a temporary file (2 KB per comment).
        on_disk = cfg.in_memory_max is not None and len(texts) > cfg.in_memory_max
        context.embeddings = embed_texts(texts, embedder, context, use_cache=cfg.cache, config=cfg, on_disk=on_disk)
        context.stats["embeddings_on_disk"] = on_disk
        context.unit_ids = units
        context.embedder = embedder
        context.embed_config = cfg
        return frame.copy()
