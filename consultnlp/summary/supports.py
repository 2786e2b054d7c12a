"""Supports (a platform's votes, supports, endorsements: ``ingest.supports``) as the order of what a subject shows.

Which quotes a subject shows and which key points it has, with their counts, are decided without supports
(representativeness, and the contributions that make each point). Supports only order them: a subject's quotes
most supported first, and its key points by the contributions that make them, then by the supports those
contributions received. A contribution or point with no count comes after those with one; ties keep the order
they had. Supports are never read as positions.
"""

from __future__ import annotations

import pandas as pd

from consultnlp import schema
from consultnlp.frame import analysed_mask


def unit_supports(frame: pd.DataFrame) -> pd.Series:
    """Supports of each analysed row, summed over its duplicate group (the copies of one text are one unit);
    empty (NA) where no row of the group has a count. Empty when the frame has no supports."""
    if schema.SUPPORTS not in frame:
        return pd.Series(dtype="Int64")
    analysed = frame.loc[analysed_mask(frame)] if schema.EXCLUDED in frame else frame
    counts = pd.to_numeric(analysed[schema.SUPPORTS], errors="coerce").astype("Int64")
    if schema.DUP_GROUP not in analysed:
        return counts
    groups = analysed[schema.DUP_GROUP].astype(str)
    totals = counts.groupby(groups).sum(min_count=1)
    return pd.Series(groups.map(totals).to_numpy(), index=analysed.index, dtype="Int64")


def _reranked(table: pd.DataFrame, supports: pd.Series, before: list[str]) -> pd.DataFrame:
    """``table`` with each (scope, group)'s ranks renumbered: by the columns ``before`` (larger first), then by
    ``supports`` (larger first, none last), then by the rank it had. The groups keep their order in the table,
    each one's rows in their new rank order."""
    if table.empty or supports.isna().all():
        return table
    group = table["scope"].astype(str) + "\x00" + table["group_id"].astype(str)
    keys = table[before].astype("int64").mul(-1) if before else pd.DataFrame(index=table.index)
    keys = keys.assign(
        _none=supports.isna().to_numpy(),
        _supports=-supports.fillna(0).astype("int64").to_numpy(),
        _rank=table["rank"].astype("int64").to_numpy(),
        _group=group,
    )
    order = keys.sort_values([*before, "_none", "_supports", "_rank"], kind="stable").index
    ranks = keys.loc[order].groupby("_group", sort=False).cumcount() + 1
    out = table.assign(rank=ranks.reindex(table.index).astype("int64").to_numpy())
    first = group.map({g: i for i, g in enumerate(pd.unique(group))})
    return out.iloc[pd.DataFrame({"g": first.to_numpy(), "r": out["rank"].to_numpy()}).sort_values(["g", "r"], kind="stable").index]


def order_quotes(table: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The chosen quotes of each subject ranked most supported first (``quotes`` table: scope, group_id, rank, comment_id)."""
    supports = unit_supports(frame)
    if supports.empty or table.empty:
        return table
    mine = supports.set_axis(supports.index.astype(str)).reindex(table["comment_id"].astype(str).to_numpy())
    return _reranked(table, pd.Series(mine.to_numpy(), index=table.index, dtype="Int64"), [])


def order_key_points(table: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Key points of each subject ranked by contributions, distinct contributions, then the supports of the
    contributions that make them (``comment_ids``); the points and their counts are unchanged."""
    supports = unit_supports(frame)
    if supports.empty or table.empty:
        return table
    supports = supports.set_axis(supports.index.astype(str))
    totals = [supports.reindex([i for i in str(ids).split(";") if i]).sum(min_count=1) for ids in table["comment_ids"]]
    return _reranked(table, pd.Series(totals, index=table.index, dtype="Int64"), ["contributions", "unique_contributions"])


def supported_contributions(frame: pd.DataFrame) -> int:
    """Analysed contributions with a count of supports: what the method section says orders quotes and key points."""
    if schema.SUPPORTS not in frame:
        return 0
    analysed = frame.loc[analysed_mask(frame)] if schema.EXCLUDED in frame else frame
    return int(pd.to_numeric(analysed[schema.SUPPORTS], errors="coerce").notna().sum())
