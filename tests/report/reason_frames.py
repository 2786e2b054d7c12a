"""The golden frame with rows set aside for every reason of ``schema.EXCLUSION_REASONS``, each reason a different count."""

from __future__ import annotations

import pandas as pd

from consultnlp import schema
from tests.report.frames import golden_frame

ROW_FILTER = "región != 'Centro'"
# Rows set aside per reason, all different so that a sentence's number names its reason.
# The golden frame already holds one ``empty`` and one ``language`` row.
REASON_ROWS = {
    schema.REASON_REPEATED: 3,
    schema.REASON_FILTERED: 14,
    schema.REASON_MODERATED: 13,
    schema.REASON_OFFICIAL: 12,
    schema.REASON_PROCESS_NOTE: 11,
    schema.REASON_FORMULA: 10,
    schema.REASON_NON_ANSWER: 9,
    schema.REASON_NO_ARGUMENT: 8,
    schema.REASON_JUNK: 7,
    schema.REASON_TOO_SHORT: 6,
    schema.REASON_LANGUAGE: 5,
    schema.REASON_EMPTY: 4,
}
STAGES = {
    schema.REASON_FILTERED: "ingest",
    schema.REASON_MODERATED: "ingest",
    schema.REASON_FORMULA: "ingest",
    schema.REASON_LANGUAGE: "language",
    schema.REASON_NON_ANSWER: "screen",
    schema.REASON_NO_ARGUMENT: "screen",
    schema.REASON_OFFICIAL: "screen",
    schema.REASON_PROCESS_NOTE: "screen",
    schema.REASON_REPEATED: "screen",
}


def every_reason_frame() -> pd.DataFrame:
    """Nine golden rows (seven analysed, six distinct) plus ``REASON_ROWS[reason]`` rows set aside for each reason."""
    frame = golden_frame()
    have = frame.loc[frame[schema.EXCLUDED] != "", schema.EXCLUDED].value_counts().to_dict()
    extra = []
    for reason, wanted in REASON_ROWS.items():
        extra += [(reason, i) for i in range(wanted - have.get(reason, 0))]
    # Copies of the golden empty row (same dtypes), one per row to add, then given their reason.
    rows = frame.loc[["c07"] * len(extra)].copy()
    rows.index = pd.Index([f"x{len(frame) + k + 1:03d}" for k in range(len(extra))], name=frame.index.name)
    rows[schema.ROW_NUMBER] = range(len(frame) + 1, len(frame) + len(extra) + 1)
    rows[schema.TEXT] = rows[schema.TEXT_REDACTED] = [f"{reason} {i}" for reason, i in extra]
    rows[schema.EXCLUDED] = [reason for reason, _ in extra]
    rows[schema.EXCLUDED_STAGE] = [STAGES.get(reason, "clean") for reason, _ in extra]
    rows[schema.DUP_GROUP] = range(100, 100 + len(extra))
    out = pd.concat([frame, rows])
    return out
