"""The screen stage: non-answers and reason-free statements are set aside before language detection (``consultnlp/nonanswers.py``).

Placeholders ("Sin fundamento", "NO HAY FUNDAMENTO") fool language detection and form
the largest "topics" and "campaigns" when they are analysed, so they leave first.
"""

from __future__ import annotations

import pandas as pd

from consultnlp import schema
from consultnlp.config import ScreenConfig
from consultnlp.frame import analysed_mask, exclude
from consultnlp.i18n import Note
from consultnlp.nonanswers import NO_ARGUMENT, NON_ANSWER, load_screen
from consultnlp.stages.base import RunContext, Stage


class ScreenStage(Stage):
    """Excludes rows whose text is a non-answer (``non_answer``) or a position without a reason (``no_argument``)."""

    name = "screen"
    requires = (schema.TEXT_CLEAN,)
    provides = ()
    row_wise = True

    def __init__(self, config: ScreenConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: ScreenConfig = self.config
        out = frame.copy()
        screen = load_screen(extra_non_answers=cfg.extra_non_answers, extra_no_arguments=cfg.extra_no_arguments, max_words=cfg.max_words)
        texts = out.loc[analysed_mask(out), schema.TEXT_CLEAN].astype(str)
        uniques = pd.unique(texts.to_numpy())
        with context.progress.task("Setting aside non-answers", total=len(uniques)) as task:
            verdict = {text: screen.classify(text) for text in uniques}
            task.advance(len(uniques))
        reasons = texts.map(verdict)
        for reason, wanted in ((NON_ANSWER, cfg.non_answers), (NO_ARGUMENT, cfg.no_arguments)):
            if wanted:
                exclude(out, out.index.isin(reasons.index[reasons == reason]), reason, self.name)
        return out

    def notes(self, before: pd.DataFrame, after: pd.DataFrame) -> list[Note]:
        newly = (after[schema.EXCLUDED_STAGE] == self.name) & (before[schema.EXCLUDED] == "")
        counts = after.loc[newly, schema.EXCLUDED].value_counts()
        if counts.empty:
            return []
        return [Note("note_set_aside", {"non_answer": int(counts.get(NON_ANSWER, 0)), "no_argument": int(counts.get(NO_ARGUMENT, 0))})]
