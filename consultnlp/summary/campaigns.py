"""Organised campaigns as a table: one row per campaign, with where it came from and a representative text."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.frame import analysed_mask
from consultnlp.summary.segments import segment_values


def campaigns_table(frame: pd.DataFrame, segment_columns: list[str] | None = None) -> pd.DataFrame:
    """One row per organised campaign: size, variants, languages, where it came from, a representative (redacted) text."""
    segment_columns = [c for c in segment_columns or [] if c in frame]
    cols = ["campaign_id", "contributions", "distinct_variants", "share_of_analysed", "languages", "topic_id", "themes"]
    cols += [c for col in segment_columns for c in (f"top_{col}", f"top_{col}_share")]
    cols += ["representative_id", "representative_text", "variant_examples"]
    if schema.CONTEXT in frame:  # what the campaign's text answers: a campaign never spans two prompts (stages.dedupe)
        cols.insert(cols.index("representative_id"), "prompt")
    if schema.CAMPAIGN_ID not in frame:
        return pd.DataFrame(columns=cols)
    analysed = analysed_mask(frame)
    part = frame.loc[analysed & (frame[schema.CAMPAIGN_ID].astype(str) != "")]
    text_col = schema.TEXT_REDACTED if schema.TEXT_REDACTED in frame else schema.TEXT_CLEAN
    rows = []
    for cid, group in part.groupby(schema.CAMPAIGN_ID, sort=False):
        rep = group[group[schema.DUP_REPRESENTATIVE].astype(bool)] if schema.DUP_REPRESENTATIVE in group else group
        rep_id = rep.index[0] if len(rep) else group.index[0]
        rep_text = str(group.loc[rep_id, text_col])
        variants = group[text_col].astype(str).drop_duplicates()
        topic = group.loc[rep_id, schema.TOPIC_ID] if schema.TOPIC_ID in group else pd.NA
        rows.append(
            {
                "campaign_id": cid,
                "contributions": len(group),
                "distinct_variants": len(variants),
                "share_of_analysed": float(np.round(len(group) / int(analysed.sum()), 4)),
                "languages": ", ".join(sorted(group[schema.LANG].astype(str).unique())) if schema.LANG in group else "",
                "topic_id": None if pd.isna(topic) else int(topic),
                "themes": str(group.loc[rep_id, schema.THEMES]) if schema.THEMES in group else "",
                **{k: v for col in segment_columns for k, v in _top_value(group[col], f"top_{col}").items()},
                "prompt": str(group.loc[rep_id, schema.CONTEXT]) if schema.CONTEXT in group else "",
                "representative_id": rep_id,
                "representative_text": rep_text,
                "variant_examples": "\n---\n".join([v for v in variants if v != rep_text][:3]),
            }
        )
    table = pd.DataFrame(rows, columns=cols)
    table["topic_id"] = table["topic_id"].astype("Int64")
    return table.sort_values(["contributions", "campaign_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _top_value(values: pd.Series, key: str) -> dict[str, Any]:
    """The most frequent value and its share (ties: alphabetical)."""
    counts = segment_values(values).value_counts()
    counts = counts[counts == counts.max()].sort_index()
    return {key: str(counts.index[0]), f"{key}_share": round(float(counts.iloc[0]) / len(values), 4)}
