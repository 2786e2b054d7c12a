"""Topics broken down by a segment column: with ``--questions``, what each open question's answers are about."""

from __future__ import annotations

import pandas as pd

from consultnlp import schema
from consultnlp.frame import analysed_mask, representatives
from consultnlp.summary.segments import segment_values

COLUMNS = ["segment_column", "segment", "topic_id", "label", "contributions", "unique_contributions", "segment_size", "share_in_segment"]


def topic_segment_table(frame: pd.DataFrame, column: str, labels: dict[int, str]) -> pd.DataFrame:
    """One row per (value of ``column``, topic): analysed contributions, unique ones, and the topic's share of the value's
    analysed contributions. Values in input order of first appearance; topics by size within each value."""
    analysed = frame.loc[analysed_mask(frame)]
    if analysed.empty or schema.TOPIC_ID not in analysed:
        return pd.DataFrame(columns=COLUMNS)
    segments = segment_values(analysed[column])
    unique = representatives(analysed)
    part = pd.DataFrame(
        {
            "segment": segments,
            "topic_id": analysed[schema.TOPIC_ID].astype("Int64").fillna(schema.OUTLIER_TOPIC).astype(int),
            "unique": unique,
        }
    )
    counts = part.groupby(["segment", "topic_id"], sort=False).agg(contributions=("unique", "size"), unique_contributions=("unique", "sum"))
    sizes = part["segment"].value_counts()
    rows = []
    for segment in pd.unique(segments):
        inside = counts.loc[segment].sort_values(["contributions"], ascending=False, kind="stable")
        inside = inside.assign(_outlier=inside.index == schema.OUTLIER_TOPIC).sort_values("_outlier", kind="stable")
        for topic, row in inside.iterrows():
            rows.append(
                {
                    "segment_column": column,
                    "segment": segment,
                    "topic_id": int(topic),
                    "label": labels.get(int(topic), str(topic)),
                    "contributions": int(row["contributions"]),
                    "unique_contributions": int(row["unique_contributions"]),
                    "segment_size": int(sizes[segment]),
                    "share_in_segment": round(int(row["contributions"]) / int(sizes[segment]), 4),
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS)
