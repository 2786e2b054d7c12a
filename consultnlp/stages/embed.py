"""The embed stage: the modelled comments' vectors go to the run context (``embeddings``), not to a column."""

from __future__ import annotations

import pandas as pd

from consultnlp import schema
from consultnlp.config import EmbedConfig
from consultnlp.embedders import TextEncoder, embedding_text, make_embedder
from consultnlp.frame import unit_mask
from consultnlp.stages.base import RunContext, Stage


class EmbedStage(Stage):
    """Embeds the modelled units; provides ``embeddings`` (aligned to ``unit_ids``) and the ``encoder`` for side texts."""

    name = "embed"
    uses_engine = True
    requires = (schema.TEXT_REDACTED,)
    provides = ()
    provides_data = ("embeddings",)

    def __init__(self, config: EmbedConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: EmbedConfig = self.config
        units = frame.index[unit_mask(frame)]
        # A caller (or a test) may inject an embedder; otherwise build the configured one.
        embedder = context.embedder or make_embedder(cfg, context.random_state)
        encoder = TextEncoder(
            embedder,
            cache_dir=context.cache_dir,
            progress=context.progress,
            engine=context.engine,
            worker_config=cfg,
            random_state=context.random_state,
            use_cache=cfg.cache,
            memo=context.vector_memo,  # the screen's vectors, where there is no cache to find them in
        )
        texts = frame.loc[units, schema.TEXT_REDACTED].astype(str).tolist()
        if cfg.lowercase_caps:
            texts = [embedding_text(t) for t in texts]
        # Above embed.in_memory_max unique comments the vectors wait in a temporary file (2 KB per comment).
        on_disk = cfg.in_memory_max is not None and len(texts) > cfg.in_memory_max
        context.embeddings, counts = encoder.encode_corpus(texts, on_disk=on_disk)
        context.vector_memo = encoder.memo = None
        context.stats["embeddings_cached"] = counts.cached
        context.stats["embeddings_computed"] = counts.computed
        context.stats["embeddings_on_disk"] = on_disk
        context.unit_ids = units
        context.embedder = embedder
        context.encoder = encoder
        context.lowercase_caps = cfg.lowercase_caps
        return frame.copy()
