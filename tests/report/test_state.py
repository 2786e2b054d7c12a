"""private/state/: what an analysis saves for re-rendering, read back unchanged; unusable folders give clear errors."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.config import PipelineConfig, SummariseConfig
from consultnlp.errors import InputError
from consultnlp.frame import row_accounting
from consultnlp.report.tables import write_parquet
from consultnlp.state import AnalysisState, load_state, save_state
from consultnlp.summary import summarise
from tests.report.frames import golden_frame, summary_inputs


def _save(out):
    frame = golden_frame()
    inputs = summary_inputs(frame)
    summary = summarise(frame, **inputs, cfg=SummariseConfig(), accounting=row_accounting(frame), segment_columns=["region"], lang="pt")
    state = AnalysisState(
        frame=frame,
        topic_info=inputs["topic_info"],
        taxonomy=inputs["taxonomy"],
        config=PipelineConfig(),
        accounting=row_accounting(frame),
        source="consulta.xlsx",
        segment_columns=["region"],
        report_lang="pt",
        warnings=["a warning"],
        stats={"k": 1},
        quote_pool=inputs["quote_pool"],
        assignments=frame[[schema.TOPIC_ID, schema.TOPIC_LABEL]],
    )
    write_parquet(frame.reset_index(), out / "private" / "comments.parquet")
    return frame, summary, save_state(out, state)


def test_state_roundtrip(tmp_path):
    frame, summary, written = _save(tmp_path)
    assert written == [
        "private/state/state.json",
        "private/state/topic_info.json",
        "private/state/taxonomy.json",
        "private/state/assignments.parquet",
        "private/state/quotes.npz",
    ]
    state = load_state(tmp_path)
    pd.testing.assert_frame_equal(state.frame, frame, check_dtype=False)
    assert (state.source, state.segment_columns, state.report_lang, state.warnings) == ("consulta.xlsx", ["region"], "pt", ["a warning"])
    assert state.accounting == row_accounting(frame) and state.config == PipelineConfig()
    assert state.taxonomy.name_of("health", "pt") == "Saúde"
    assert state.topic_info["keywords_by_lang"].iloc[1] == {"es": ["datos", "presupuesto", "abiertos"], "pt": ["dados", "saúde"]}
    assert state.original_topics.to_dict() == {"c01": "0", "c03": "0", "c04": "1", "c05": "1", "c06": "-1", "c09": "1"}
    assert state.quote_pool.ids.tolist() == summary.quote_pool.ids.tolist()
    assert np.array_equal(state.quote_pool.vectors, summary.quote_pool.vectors)


def test_state_restores_topics_as_first_assigned(tmp_path):
    frame, _, _ = _save(tmp_path)
    changed = frame.copy()
    changed.loc["c04", schema.TOPIC_ID] = 0  # as a re-render after a review writes comments.*
    write_parquet(changed.reset_index(), tmp_path / "private" / "comments.parquet")
    assert load_state(tmp_path).frame.loc["c04", schema.TOPIC_ID] == 1


def test_state_errors_name_the_fix(tmp_path):
    _save(tmp_path)
    meta = json.loads((tmp_path / "private" / "state" / "state.json").read_text())
    (tmp_path / "private" / "state" / "state.json").write_text(json.dumps(dict(meta, format=99)))
    with pytest.raises(InputError, match="has format 99; this consultnlp reads format 1. Run `consultnlp analyze` again"):
        load_state(tmp_path)
    (tmp_path / "private" / "state" / "state.json").write_text(json.dumps(meta))
    write_parquet(golden_frame().reset_index().head(3), tmp_path / "private" / "comments.parquet")
    with pytest.raises(InputError, match="no longer matches"):
        load_state(tmp_path)
    (tmp_path / "private" / "comments.parquet").unlink()
    with pytest.raises(InputError, match="has no private/comments.parquet"):
        load_state(tmp_path)


def test_state_reads_a_run_written_before_private(tmp_path):
    """Runs before private/ kept state/ and the working table at the top: ``report`` still reads them."""
    frame, _, _ = _save(tmp_path)
    (tmp_path / "private" / "state").rename(tmp_path / "state")
    (tmp_path / "private" / "comments.parquet").rename(tmp_path / "comments.parquet")
    state = load_state(tmp_path)
    pd.testing.assert_frame_equal(state.frame, frame, check_dtype=False)


def test_state_working_table_public_id_is_not_read_back(tmp_path):
    """The pseudonym column beside the ids is derived on every write: reading it back crashed the next write."""
    frame, _, _ = _save(tmp_path)
    table = frame.reset_index()
    table.insert(1, "public_id", ["p-" + str(i) for i in range(len(table))])
    write_parquet(table, tmp_path / "private" / "comments.parquet")
    assert "public_id" not in load_state(tmp_path).frame.columns
