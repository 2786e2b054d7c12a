"""Every registered stage keeps the row count and order, leaves its input alone,
adds only the columns it declares, and refuses a frame without its inputs."""

import pandas as pd
import pytest

from consultnlp.config import PipelineConfig
from consultnlp.errors import PipelineError
from consultnlp.pipeline import build_stages, init_frame
from consultnlp.stages import STAGES
from consultnlp.stages.base import RunContext
from consultnlp.ingest import ingest
from tests.conftest import SAMPLE_CSV, FakeEmbedder


@pytest.fixture(scope="module")
def staged_inputs():
    """The input frame each stage sees in the default pipeline, on 150 sample rows."""
    frame, _ = ingest(SAMPLE_CSV, text_column="comentario", id_column="id")
    current = init_frame(frame.head(150))
    context = RunContext(embedder=FakeEmbedder())
    inputs = {}
    for stage in build_stages(PipelineConfig(topics={"min_topic_size": 5})):
        inputs[stage.name] = (stage, current.copy(deep=True), context)
        current = stage.apply(current, context)
    return inputs


@pytest.mark.parametrize("name", list(STAGES))
def test_stage_contract(staged_inputs, name):
    stage, frame, context = staged_inputs[name]
    before = frame.copy(deep=True)
    out = stage.apply(frame, context)
    pd.testing.assert_frame_equal(frame, before)  # input not mutated
    assert out.index.equals(frame.index)  # same rows, same order
    added = set(out.columns) - set(frame.columns)
    assert added == set(stage.provides)  # exactly the declared columns
    for col in frame.columns:
        if col not in ("excluded", "excluded_stage"):
            pd.testing.assert_series_equal(out[col], frame[col], check_names=True)
    for required in stage.requires:
        with pytest.raises(PipelineError, match=f"stage '{name}' needs column"):
            stage.apply(frame.drop(columns=[required]), context)
