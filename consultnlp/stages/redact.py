"""Personal-data redaction: ``text_redacted`` is what every later stage and output uses."""

from __future__ import annotations

import pandas as pd

from consultnlp import schema
from consultnlp.config import RedactConfig
from consultnlp.errors import ConfigError
from consultnlp.privacy import redact_text
from consultnlp.privacy.detectors import unknown_kind
from consultnlp.stages.base import RunContext, Stage


def format_counts(counts: dict[str, int]) -> str:
    """``{"EMAIL": 1, "CPF": 2}`` -> ``"CPF:2;EMAIL:1"`` (sorted, stable)."""
    return ";".join(f"{k}:{v}" for k, v in sorted(counts.items()))


class RedactStage(Stage):
    """Adds ``text_redacted``, ``pii_found`` and ``pii_count`` for every row."""

    name = "redact"
    requires = (schema.TEXT_CLEAN,)
    provides = (schema.TEXT_REDACTED, schema.PII_FOUND, schema.PII_COUNT)
    row_wise = True

    def __init__(self, config: RedactConfig) -> None:
        if problem := unknown_kind(config.kinds):
            raise ConfigError(f"redact.kinds: {problem}")
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: RedactConfig = self.config
        out = frame.copy()
        texts = out[schema.TEXT_CLEAN].astype(str)
        uniques = pd.unique(texts.to_numpy())
        redacted: dict[str, str] = {}
        found: dict[str, str] = {}
        totals: dict[str, int] = {}
        with context.progress.task("Redacting personal data", total=len(uniques)) as task:
            for i, text in enumerate(uniques):
                new, counts = redact_text(text, kinds=cfg.kinds)
                redacted[text] = new
                found[text] = format_counts(counts)
                totals[text] = sum(counts.values())
                if i % 2000 == 1999:
                    task.advance(2000)
            task.advance(len(uniques) % 2000)
        out[schema.TEXT_REDACTED] = texts.map(redacted)
        out[schema.PII_FOUND] = texts.map(found)
        out[schema.PII_COUNT] = texts.map(totals).astype("int64")
        return out
