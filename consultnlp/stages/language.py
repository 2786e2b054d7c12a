"""The language stage: ``lang`` and ``lang_score`` per comment (``consultnlp/langid.py`` scores them)."""

from __future__ import annotations

import pandas as pd

from consultnlp import schema
from consultnlp.config import LanguageConfig
from consultnlp.frame import exclude
from consultnlp.i18n import Note
from consultnlp.langid import BATCH_SIZE, detect_languages
from consultnlp.stages.base import RunContext, Stage


class LanguageStage(Stage):
    """Adds ``lang`` and ``lang_score``; excludes rows whose language is not analysed."""

    name = "language"
    requires = (schema.TEXT_CLEAN,)
    provides = (schema.LANG, schema.LANG_SCORE)
    row_wise = True

    def __init__(self, config: LanguageConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: LanguageConfig = self.config
        out = frame.copy()
        texts = out[schema.TEXT_CLEAN].fillna("").astype(str)
        # Detect each distinct text once: campaigns repeat the same text thousands of times.
        uniques = pd.unique(texts.to_numpy())
        found_lang: dict[str, str] = {}
        found_score: dict[str, float] = {}
        with context.progress.task("Detecting language", total=len(uniques)) as task:
            for start in range(0, len(uniques), BATCH_SIZE):
                chunk = list(uniques[start : start + BATCH_SIZE])
                langs, scores = detect_languages(
                    chunk, languages=cfg.languages, min_letters=cfg.min_letters, min_confidence=cfg.min_confidence
                )
                found_lang.update(zip(chunk, langs))
                found_score.update(zip(chunk, scores))
                task.advance(len(chunk))
        out[schema.LANG] = texts.map(found_lang).astype(object)
        out[schema.LANG_SCORE] = texts.map(found_score).astype(float)
        exclude(out, ~out[schema.LANG].isin(cfg.languages), schema.REASON_LANGUAGE, self.name)
        return out

    def notes(self, before: pd.DataFrame, after: pd.DataFrame) -> list[Note]:
        newly = (after[schema.EXCLUDED_STAGE] == self.name) & (before[schema.EXCLUDED] == "")
        if not newly.any():
            return []
        counts = {str(k): int(v) for k, v in after.loc[newly, schema.LANG].value_counts().items()}
        return [Note("note_language_excluded", {"n": int(newly.sum()), "counts": counts, "languages": list(self.config.languages)})]
