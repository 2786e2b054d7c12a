"""The clean stage: ``text_clean`` per comment; empty, junk and too-short rows are excluded (``consultnlp/cleaning.py``)."""

from __future__ import annotations

import pandas as pd

from consultnlp import schema
from consultnlp.cleaning import LETTER, URL, at_length_limit, is_junk, normalise_text, split_parts, truncate_at_word
from consultnlp.config import CleanConfig
from consultnlp.frame import analysed_mask, exclude
from consultnlp.i18n import Note
from consultnlp.stages.base import RunContext, Stage


class CleanStage(Stage):
    """Adds ``text_clean``, ``has_url`` and ``truncated``; excludes empty, junk and too-short rows."""

    name = "clean"
    requires = (schema.TEXT,)
    provides = (schema.TEXT_CLEAN, schema.HAS_URL, schema.TRUNCATED)
    row_wise = True

    def __init__(self, config: CleanConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: CleanConfig = self.config
        out = frame.copy()
        texts = out[schema.TEXT].astype(str)
        # Clean each distinct text once: campaigns repeat the same text thousands of times.
        uniques = pd.unique(texts.to_numpy())
        with context.progress.task("Cleaning", total=len(uniques)) as task:
            cleaned_map = {}
            for i, text in enumerate(uniques):
                cleaned_map[text] = normalise_text(text, strip_html=cfg.strip_html)
                if i % 5000 == 4999:
                    task.advance(5000)
            task.advance(len(uniques) % 5000)
        cleaned = texts.map(cleaned_map)
        long = cleaned.str.len() > cfg.max_chars
        out[schema.TRUNCATED] = long
        out[schema.TEXT_CLEAN] = cleaned.where(~long, cleaned[long].map(lambda t: truncate_at_word(t, cfg.max_chars)))
        out[schema.HAS_URL] = cleaned.str.contains(URL) if cfg.mark_urls else False
        exclude(out, cleaned.str.strip() == "", schema.REASON_EMPTY, self.name)
        if cfg.detect_junk:
            junk_map = {t: is_junk(t) for t in pd.unique(cleaned[analysed_mask(out)].to_numpy())}
            exclude(out, cleaned.map(lambda t: junk_map.get(t, False)), schema.REASON_JUNK, self.name)
        letters = cleaned.str.count(LETTER.pattern)
        exclude(out, letters < cfg.min_chars, schema.REASON_TOO_SHORT, self.name)
        return out

    def notes(self, before: pd.DataFrame, after: pd.DataFrame) -> list[Note]:
        n_long = int((after[schema.TRUNCATED] & analysed_mask(after)).sum())
        found = [Note("note_truncated", {"n": n_long, "max": self.config.max_chars})] if n_long else []
        texts = after.loc[analysed_mask(after), schema.TEXT].astype(str)
        at_limit, parts = at_length_limit(texts), split_parts(texts)
        limit_key = "note_at_length_limit" if at_limit.get("unended") else "note_at_length_limit_ended"
        return found + ([Note(limit_key, at_limit)] if at_limit else []) + ([Note("note_split_parts", parts)] if parts else [])
