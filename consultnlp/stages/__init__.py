"""The registry of pipeline stages, by the name used in ``stages:``."""

from __future__ import annotations

from consultnlp.stages.base import Stage
from consultnlp.stages.clean import CleanStage
from consultnlp.stages.dedupe import DedupeStage
from consultnlp.stages.embed import EmbedStage
from consultnlp.stages.language import LanguageStage
from consultnlp.stages.nlp import NlpStage
from consultnlp.stages.positions import PositionsStage
from consultnlp.stages.redact import RedactStage
from consultnlp.stages.screen import ScreenStage
from consultnlp.stages.themes import ThemesStage
from consultnlp.stages.topics import TopicsStage

STAGES: dict[str, type[Stage]] = {
    stage.name: stage
    for stage in (
        CleanStage,
        ScreenStage,
        LanguageStage,
        DedupeStage,
        RedactStage,
        NlpStage,
        EmbedStage,
        TopicsStage,
        ThemesStage,
        PositionsStage,
    )
}
