"""The screen stage: non-answers and reason-free statements leave the analysis but stay in every output."""

from __future__ import annotations

from consultnlp import schema
from consultnlp.config import ScreenConfig
from consultnlp.stages.base import RunContext
from consultnlp.stages.screen import ScreenStage
from tests.conftest import make_frame


def _run(texts, **cfg):
    frame = make_frame(texts)
    frame[schema.TEXT_CLEAN] = frame[schema.TEXT]
    context = RunContext()
    return ScreenStage(ScreenConfig(**cfg)).apply(frame, context), context


def test_screen_sets_aside_with_reasons_and_counts_them():
    out, context = _run(["Sin fundamento", "acuerdo total", "Queremos más buses en la periferia", "no hay salud sin agua"])
    assert out[schema.EXCLUDED].tolist() == ["non_answer", "no_argument", "", ""]
    assert out[schema.EXCLUDED_STAGE].tolist() == ["screen", "screen", "", ""]
    assert [(w.key, w.values) for w in context.warnings] == [("note_set_aside", {"non_answer": 1, "no_argument": 1})]


def test_screen_each_reason_can_be_switched_off():
    out, _ = _run(["Sin fundamento", "acuerdo total"], no_arguments=False)
    assert out[schema.EXCLUDED].tolist() == ["non_answer", ""]


def test_screen_keeps_rows_excluded_earlier_with_their_reason():
    frame = make_frame(["", "Sin fundamento"])
    frame[schema.TEXT_CLEAN] = frame[schema.TEXT]
    frame.loc["c000", [schema.EXCLUDED, schema.EXCLUDED_STAGE]] = ["empty", "clean"]
    out = ScreenStage(ScreenConfig()).apply(frame, RunContext())
    assert out[schema.EXCLUDED].tolist() == ["empty", "non_answer"]
