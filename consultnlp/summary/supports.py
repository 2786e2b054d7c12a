"""Supports (a platform's votes, supports, endorsements: ``ingest.supports``) as the order of what a subject shows.

Which quotes a subject shows and which key points it has, with their counts, are decided without supports
(representativeness, and the contributions that make each point). Supports only order them: a subject's quotes
most supported first, and its key points by the contributions that make them, then by the supports those
contributions received. A contribution or point with no count comes after those with one; ties keep the order
they had. Supports are never read as positions.

The report also names the most supported contributions (``most_supported_table``): a government that answers the
proposals with the most votes needs to see which they are, each with its subject and id.
"""

from __future__ import annotations

import re

import pandas as pd

from consultnlp import schema
from consultnlp.frame import analysed_mask, unit_mask

MOST_SUPPORTED = 10  # contributions the report names, most supported first
EXCERPT_CHARS = 220  # of each one's redacted text
# A package: at least PACKAGE_MIN distinct contributions of PACKAGE_MIN_WORDS words or more that open with the same
# OPENING_WORDS words (Plano Clima 2024: nine long proposals open «A proposta compreende duas medidas», 575-1,332 votes
# each against a median of 7; four of them are among the ten most voted). Shorter texts share openings by chance ("Es un
# derecho fundamental para…").
OPENING_WORDS, PACKAGE_MIN, PACKAGE_MIN_WORDS = 5, 4, 30
MOST_SUPPORTED_COLUMNS = [
    "rank",
    "comment_id",
    "supports",
    "contributions",
    "topic_group_id",
    "group_label",
    "excerpt",
    "opening",
    "opening_count",
]
_WORD = re.compile(r"\w+")


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


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` on one line, cut at the last word boundary before ``limit`` characters, with "…" when cut."""
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.-–—")
    return f"{cut}…"


def most_supported_table(frame: pd.DataFrame, headlines: dict[int, str] | None, limit: int = MOST_SUPPORTED) -> pd.DataFrame:
    """The ``limit`` distinct analysed contributions with the most supports (their copies' summed), most first and then by
    id: supports, copies, subject and the start of the redacted text. Empty without supports, or when none has one."""
    supports = unit_supports(frame)
    if supports.empty:
        return pd.DataFrame(columns=MOST_SUPPORTED_COLUMNS)
    units = frame.loc[unit_mask(frame)]
    counts = supports.reindex(units.index)
    counts = counts[counts.notna() & (counts.fillna(0) > 0)]
    if counts.empty:
        return pd.DataFrame(columns=MOST_SUPPORTED_COLUMNS)
    order = pd.DataFrame({"supports": counts.astype("int64"), "id": counts.index.astype(str)}, index=counts.index)
    top = order.sort_values(["supports", "id"], ascending=[False, True], kind="stable").head(limit).index
    chosen = frame.loc[top]
    groups = (
        pd.to_numeric(chosen[schema.TOPIC_GROUP_ID], errors="coerce").astype("Int64")
        if schema.TOPIC_GROUP_ID in chosen
        else pd.Series(pd.NA, index=top, dtype="Int64")
    )
    return pd.DataFrame(
        {
            "rank": range(1, len(top) + 1),
            "comment_id": top.astype(str),
            "supports": order.loc[top, "supports"].to_numpy(),
            "contributions": chosen[schema.DUP_COUNT].astype("int64").to_numpy() if schema.DUP_COUNT in chosen else 1,
            "topic_group_id": groups.to_numpy(),
            "group_label": [(headlines or {}).get(int(g), "") if not pd.isna(g) else "" for g in groups],
            "excerpt": [excerpt(text) for text in chosen[schema.TEXT_REDACTED].astype(str)],
        }
    ).assign(**_packages(units[schema.TEXT_REDACTED], chosen[schema.TEXT_REDACTED]))[MOST_SUPPORTED_COLUMNS]


def _opening(text: str) -> str:
    """The first ``OPENING_WORDS`` words of a long text, as written ("" for a shorter text)."""
    words = _WORD.findall(str(text))
    return " ".join(words[:OPENING_WORDS]) if len(words) >= PACKAGE_MIN_WORDS else ""


def _packages(units: pd.Series, chosen: pd.Series) -> dict[str, list]:
    """Per chosen text, the opening it shares with at least ``PACKAGE_MIN`` distinct long contributions (case aside) and how
    many share it; "" and 0 where it shares none."""
    openings = units.astype(str).map(_opening)
    counts = openings[openings != ""].str.casefold().value_counts()
    mine = chosen.astype(str).map(_opening)
    shared = [int(counts.get(o.casefold(), 0)) if o else 0 for o in mine]
    return {
        "opening": [o if n >= PACKAGE_MIN else "" for o, n in zip(mine, shared)],
        "opening_count": [n if n >= PACKAGE_MIN else 0 for n in shared],
    }
