"""Issue 25: the targets of stated positions, counted per position and target, and named in the report."""

from __future__ import annotations

from consultnlp import schema
from consultnlp.config import SummariseConfig
from consultnlp.frame import row_accounting
from consultnlp.summary import summarise
from consultnlp.summary.positions import position_targets_table
from tests.report.frames import summary_inputs
from tests.summary.test_positions import _four_copies, _report, position_frame

TARGETS = {"c01": "The toll", "c02": "the  toll", "c05": "the toll", "c09": "the toll", "c03": "el cierre", "c10": "El cierre"}


def target_frame():
    frame = position_frame()
    frame.loc["c05", schema.POSITION] = "oppose"
    frame[schema.POSITION_TARGET] = [TARGETS.get(i, "") for i in frame.index]
    return frame


def test_position_targets_count_distinct_contributions_per_position_and_target():
    frame = target_frame()
    table = position_targets_table(frame, {0: "Roads", 1: "Hospitals"})
    rows = table.set_index(["position", "target"])
    # c02 is a duplicate of c01: counted once; "The toll" and "the  toll" are one target.
    assert rows.loc[("oppose", "the toll"), ["contributions", "group_id", "group_label", "group_contributions"]].tolist() == [
        3,
        1,
        "Hospitals",
        2,
    ]
    assert rows.loc[("oppose", "the toll"), "comment_ids"] == "c01;c05;c09"
    # c10 is set aside ("acuerdo total", no subject): it counts, and the subject is the one of the others.
    assert rows.loc[("support", "el cierre"), ["contributions", "group_id", "group_contributions"]].tolist() == [2, 0, 1]
    assert table["position"].tolist() == ["oppose", "support"] and len(table) == 2


def test_position_targets_without_a_target_column_are_empty():
    frame = position_frame()
    assert position_targets_table(frame, None).empty


def test_position_targets_in_the_summary_and_the_report():
    frame = target_frame()
    result = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang="en",
    )
    assert result.tables["position_targets"]["contributions"].tolist() == [3, 2]
    # The report's positions section needs 20 stating a position: the frame four times, its targets in the first copy.
    frame = _four_copies(targeted_copies=0)
    frame[schema.POSITION_TARGET] = [TARGETS.get(i.split("-")[0], "") if i.endswith("-0") else "" for i in frame.index]
    frame.loc["c05-0", schema.POSITION] = "oppose"
    report = _report(frame)
    assert "3 distinct contributions oppose “the toll” (subject “" in report
    assert "“el cierre”" not in report  # two contributions: too few to be named
    assert "3 contribuciones distintas están en contra de «the toll» (asunto «" in _report(frame, "es")
    assert "3 contribuições distintas são contra «the toll» (assunto «" in _report(frame, "pt")
