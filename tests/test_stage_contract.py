"""Every registered stage keeps the row count and order, leaves its input alone,
adds only the columns it declares, and refuses a frame without its inputs."""

import pandas as pd
import pytest

from consultnlp.config import PipelineConfig
from consultnlp.errors import PipelineError
from consultnlp.ingest import ingest
from consultnlp.pipeline import build_stages, init_frame
from consultnlp.stages import STAGES
from consultnlp.stages.base import RunContext
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


def test_stage_contract_side_data_declared_and_provided(staged_inputs):
    """What a stage declares in provides_data is in the context after it ran; a stage that requires side data refuses a context without it."""
    context = staged_inputs["themes"][2]
    for name, (stage, frame, _) in staged_inputs.items():
        assert all(context.has(data) for data in stage.provides_data), name
        if stage.requires_data:
            with pytest.raises(PipelineError) as err:
                stage.apply(frame, RunContext(embedder=FakeEmbedder()))
            assert str(err.value) == f"stage '{name}' needs {', '.join(stage.requires_data)}, which no earlier stage of this run provided."
    assert staged_inputs["topics"][0].requires_data == ("embeddings", "lemmatizer")


@pytest.mark.parametrize(
    "stages, message",
    [
        (
            ["clean", "language", "dedupe", "redact", "nlp", "topics", "themes"],
            "stage 'topics' needs embeddings, which no earlier stage provides. Add embed before 'topics' in 'stages:'.",
        ),
        (
            ["clean", "language", "dedupe", "redact", "embed", "topics"],
            "stage 'topics' needs column lemmas, lemmatizer, which no earlier stage provides. Add nlp before 'topics' in 'stages:'.",
        ),
        (
            ["clean", "language", "nlp"],
            "stage 'nlp' needs column text_redacted, which no earlier stage provides. Add redact before 'nlp' in 'stages:'.",
        ),
    ],
)
def test_stage_contract_chain_checked_before_any_work(stages, message):
    frame, info = ingest(SAMPLE_CSV, text_column="comentario", id_column="id")

    class NeverEmbeds(FakeEmbedder):
        def encode(self, texts):
            raise AssertionError("work started before the chain was checked")

    from consultnlp.pipeline import run_pipeline

    with pytest.raises(PipelineError) as err:
        run_pipeline(frame, info, PipelineConfig(stages=stages), embedder=NeverEmbeds())
    assert str(err.value) == message
