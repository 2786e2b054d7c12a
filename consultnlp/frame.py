"""Helpers over the comment frame that every layer shares: which rows are analysed, which are modelled, row accounting.

A row is *analysed* while ``excluded`` is empty. A *unit* is an analysed row that
represents its duplicate group: units are what gets embedded, clustered and tagged,
and their results are copied to the other members of the group.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from consultnlp import schema


def analysed_mask(frame: pd.DataFrame) -> pd.Series:
    """Rows not excluded so far."""
    return frame[schema.EXCLUDED] == ""


def answered_prompts(frame: pd.DataFrame) -> pd.Series:
    """How many analysed rows answer each prompt (``context``), most answered first; empty without prompts."""
    if schema.CONTEXT not in frame:
        return pd.Series(dtype="int64")
    prompts = frame.loc[analysed_mask(frame), schema.CONTEXT].fillna("").astype(str)
    return prompts[prompts != ""].value_counts()


def representatives(frame: pd.DataFrame) -> pd.Series:
    """Whether each row is the representative of its duplicate group (every row, when dedupe did not run)."""
    if schema.DUP_REPRESENTATIVE in frame.columns:
        return frame[schema.DUP_REPRESENTATIVE].astype(bool)
    return pd.Series(True, index=frame.index)


def unit_mask(frame: pd.DataFrame) -> pd.Series:
    """Rows that are modelled: analysed and the representative of their duplicate group."""
    return analysed_mask(frame) & representatives(frame)


def exclude(frame: pd.DataFrame, mask: pd.Series, reason: str, stage: str) -> int:
    """Flag rows in ``mask`` that are still analysed; return how many were newly excluded."""
    newly = mask & analysed_mask(frame)
    frame.loc[newly, schema.EXCLUDED] = reason
    frame.loc[newly, schema.EXCLUDED_STAGE] = stage
    return int(newly.sum())


def broadcast_to_duplicates(frame: pd.DataFrame, columns: list[str], fill: dict[str, Any]) -> None:
    """Copy unit values to every analysed member of the unit's duplicate group; fill excluded rows."""
    analysed = analysed_mask(frame)
    if schema.DUP_GROUP in frame.columns:
        units = unit_mask(frame)
        by_group = frame.loc[units, [schema.DUP_GROUP, *columns]].set_index(schema.DUP_GROUP)
        members = analysed & ~units
        if members.any():
            groups = frame.loc[members, schema.DUP_GROUP]
            for col in columns:
                frame.loc[members, col] = by_group[col].reindex(groups.to_numpy()).to_numpy()
    for col, value in fill.items():
        frame.loc[~analysed, col] = value


def row_accounting(frame: pd.DataFrame) -> dict[str, Any]:
    """``{"input": N, "analysed": A, "excluded": {reason: n}}`` with N = A + sum(excluded)."""
    reasons = frame[schema.EXCLUDED]
    excluded = reasons[reasons != ""].value_counts().sort_index()
    return {
        "input": int(len(frame)),
        "analysed": int((reasons == "").sum()),
        "excluded": {str(k): int(v) for k, v in excluded.items()},
    }


def majority_language(frame: pd.DataFrame) -> str:
    """The most frequent analysed language among es/pt/en (ties: alphabetical), else English."""
    if schema.LANG not in frame:
        return "en"
    langs = frame.loc[analysed_mask(frame), schema.LANG]
    counts = langs[langs.isin(schema.LANGUAGES)].value_counts()
    if counts.empty:
        return "en"
    return sorted(counts[counts == counts.max()].index)[0]


def resolve_report_lang(frame: pd.DataFrame, requested: str | None) -> str:
    """The language reports and labels are written in: the requested one, or the majority analysed language."""
    if requested and requested != "auto":
        return requested
    return majority_language(frame)
