"""Positions in the summary: the balance, positions per subject and theme, by segment, and Pol.is votes.

Which rows count (every table says so in its columns):

- ``positions``: every row with a position (``position`` not empty): analysed contributions, duplicates
  counted once (``unique_contributions``), plus rows set aside as ``no_argument`` ("acuerdo total",
  "I agree"), one each (``set_aside``): they state a position and nothing else. ``on_a_target``: those of the
  unique ones whose position is about a named measure or matter (``position_target``), not the proposal as a whole;
  ``on_the_whole`` the others, and ``share_of_whole`` their shares: the balance on the proposal itself.
- ``topic_positions``, ``theme_positions``: analysed contributions only (set-aside rows have no topic or
  theme), duplicates counted once.
- ``position_segment``: unique contributions that state a position (support, partial or oppose), set-aside
  rows included, tested like ``theme_segment`` (χ² or Fisher, Holm per segment column) and marked
  ``material`` by the same rule as every other finding.
- ``position_targets``: per stated position and target phrase (``position_target``, lower-case), the distinct
  contributions (set-aside rows included, duplicates once) and the headline group most of them fall in, so that a
  report can say "12 contributions oppose «the toll» (subject Transport)".
- ``topic_votes``: Pol.is votes (``agrees``/``disagrees`` columns of the input) are other participants'
  reactions to a comment, not its author's position: agreement and division per subject and topic.

Shares of a position are of the contributions that state one (``share_*``); ``share_stated`` says how
many did.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.frame import analysed_mask, representatives, unit_mask
from consultnlp.i18n import t

POSITIONS = ("support", "partial", "oppose", "none")
STATED = ("support", "partial", "oppose")
ALL = "all"  # group id of a position's key points over every contribution
VOTE_COLUMNS = ("agrees", "disagrees")
COUNT_COLUMNS = ["unique_contributions", *POSITIONS, "stated", "share_stated", *(f"share_{p}" for p in STATED)]


def has_positions(frame: pd.DataFrame) -> bool:
    """Whether any row states a position (support, partial or oppose)."""
    return schema.POSITION in frame and bool(frame[schema.POSITION].isin(STATED).any())


def counted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows with a position, with ``unique`` (each set-aside row is its own voice; analysed duplicates count once)
    and ``set_aside`` (excluded from the analysis, counted for positions)."""
    part = frame.loc[frame[schema.POSITION].astype(str) != ""]
    analysed = analysed_mask(part)
    representative = representatives(part)
    targeted = part[schema.POSITION_TARGET].fillna("").astype(str) != "" if schema.POSITION_TARGET in part else False
    return pd.DataFrame(
        {
            "position": part[schema.POSITION].astype(str),
            "unique": (analysed & representative) | ~analysed,
            "set_aside": ~analysed,
            "targeted": targeted,
        },
        index=part.index,
    )


def position_name(position: str, lang: str) -> str:
    return t(f"position_{position}", lang)


def positions_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per position: contributions, unique contributions (analysed, set aside), share of all and of those stating one."""
    rows = counted_rows(frame)
    unique = rows[rows["unique"]]
    total, stated = len(unique), int(unique["position"].isin(STATED).sum())
    out = []
    for position in POSITIONS:
        mine = rows["position"] == position
        n_unique = int((mine & rows["unique"]).sum())
        out.append(
            {
                "position": position,
                "name": position_name(position, lang),
                "contributions": int(mine.sum()),
                "unique_contributions": n_unique,
                "analysed": int((mine & rows["unique"] & ~rows["set_aside"]).sum()),
                "set_aside": int((mine & rows["set_aside"]).sum()),
                "share": round(n_unique / total, 4) if total else 0.0,
                "share_of_stated": round(n_unique / stated, 4) if stated and position != "none" else np.nan,
                # Of those, the ones about a named measure or matter ("el peaje") rather than the proposal as a whole.
                "on_a_target": int((mine & rows["unique"] & rows["targeted"]).sum()),
            }
        )
    table = pd.DataFrame(out)
    # The balance on the proposal itself: shares of the stated positions that name no measure or matter (read 10:
    # "Rechazamos toda forma de autoritarismo", a defence of democracy, counted against the proposal).
    whole = (table["unique_contributions"] - table["on_a_target"]).where(table["position"] != "none", 0)
    table["on_the_whole"] = whole.astype(int)
    n_whole = int(whole.sum())
    table["share_of_whole"] = [round(w / n_whole, 4) if n_whole and p != "none" else np.nan for w, p in zip(whole, table["position"])]
    return table


def _counts(positions: pd.Series) -> dict[str, Any]:
    counts = positions.value_counts()
    row: dict[str, Any] = {"unique_contributions": int(len(positions))}
    row.update({p: int(counts.get(p, 0)) for p in POSITIONS})
    stated = sum(row[p] for p in STATED)
    row["stated"] = stated
    row["share_stated"] = round(stated / len(positions), 4) if len(positions) else 0.0
    row.update({f"share_{p}": round(row[p] / stated, 4) if stated else np.nan for p in STATED})
    return row


def _units(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.loc[unit_mask(frame) & (frame[schema.POSITION].astype(str) != "")]


def topic_positions_table(frame: pd.DataFrame, labels: dict[int, str], headlines: dict[int, str] | None) -> pd.DataFrame:
    """Positions of the unique analysed contributions per headline group (``level`` group) and fine topic (``level`` topic)."""
    units = _units(frame)
    rows = []
    for level, id_column, names in (("group", schema.TOPIC_GROUP_ID, headlines), ("topic", schema.TOPIC_ID, labels)):
        if id_column not in units or names is None:
            continue
        ids = units[id_column].astype("Int64").fillna(schema.OUTLIER_TOPIC).astype(int)
        for key, part in units.groupby(ids, sort=True):
            rows.append({"level": level, "id": int(key), "label": names.get(int(key), str(key)), **_counts(part[schema.POSITION])})
    table = pd.DataFrame(rows, columns=["level", "id", "label", *COUNT_COLUMNS])
    if table.empty:
        return table
    table["_outlier"] = table["id"] == schema.OUTLIER_TOPIC
    table = table.sort_values(["level", "_outlier", "unique_contributions", "id"], ascending=[True, True, False, True], kind="stable")
    return table.drop(columns="_outlier").reset_index(drop=True)


def theme_positions_table(frame: pd.DataFrame, theme_names: dict[str, str]) -> pd.DataFrame:
    """Positions of the unique analysed contributions per theme (a contribution counts in each of its themes)."""
    units = _units(frame)
    exploded = pd.DataFrame({"theme_id": units[schema.THEMES].astype(str).str.split(";"), "position": units[schema.POSITION]}).explode(
        "theme_id"
    )
    rows = [
        {"theme_id": theme, "name": theme_names.get(theme, theme), **_counts(part["position"])}
        for theme, part in exploded.groupby("theme_id", sort=True)
    ]
    table = pd.DataFrame(rows, columns=["theme_id", "name", *COUNT_COLUMNS])
    if table.empty:
        return table
    table["_other"] = table["theme_id"] == schema.OTHER_THEME
    table = table.sort_values(["_other", "unique_contributions", "theme_id"], ascending=[True, False, True], kind="stable")
    return table.drop(columns="_other").reset_index(drop=True)


def position_segment_table(frame: pd.DataFrame, segment_columns: list[str], cfg: Any, lang: str) -> pd.DataFrame:
    """Each (segment value, position) among the unique contributions that state a position, tested like themes by segment."""
    from consultnlp.summary import material_findings
    from consultnlp.summary.segments import theme_segment_table

    rows = counted_rows(frame)
    stated = rows[rows["position"].isin(STATED)]
    if stated.empty or not segment_columns:
        return pd.DataFrame()
    base = frame.loc[stated.index, [c for c in segment_columns if c in frame]].copy()
    groups = (
        frame.loc[stated.index, schema.DUP_GROUP].astype(str) if schema.DUP_GROUP in frame else pd.Series(stated.index, index=stated.index)
    )
    # A set-aside row is its own voice; analysed copies of one text share their duplicate group.
    base[schema.DUP_GROUP] = np.where(stated["set_aside"], "row:" + stated.index.astype(str), "group:" + groups)
    base[schema.THEMES] = stated["position"]
    base[schema.EXCLUDED] = ""
    tables = [theme_segment_table(base, c, alpha=cfg.alpha, min_count=cfg.min_segment_count) for c in segment_columns if c in base]
    tables = [x for x in tables if not x.empty]
    if not tables:
        return pd.DataFrame()
    table = pd.concat(tables, ignore_index=True)
    table["material"] = material_findings(table, cfg, parents=set())
    table = table.rename(columns={"theme_id": "position"}).drop(columns="level")
    table.insert(3, "name", [position_name(p, lang) for p in table["position"]])
    return table.reset_index(drop=True)


TARGET_IDS_SHOWN = 50  # comment ids listed per target


def position_targets_table(frame: pd.DataFrame, headlines: dict[int, str] | None) -> pd.DataFrame:
    """One row per (stated position, target phrase in lower case): distinct contributions, their ids, and the headline
    group most of them fall in (``group_id`` -1 and an empty label when none has one)."""
    columns = ["position", "target", "contributions", "group_id", "group_label", "group_contributions", "comment_ids"]
    if schema.POSITION_TARGET not in frame:
        return pd.DataFrame(columns=columns)
    rows = counted_rows(frame)
    rows = rows[rows["unique"] & rows["position"].isin(STATED)]
    targets = frame.loc[rows.index, schema.POSITION_TARGET].fillna("").astype(str).str.lower().str.split().str.join(" ")
    groups = (
        frame.loc[rows.index, schema.TOPIC_GROUP_ID].astype("Int64").fillna(schema.OUTLIER_TOPIC).astype(int)
        if schema.TOPIC_GROUP_ID in frame
        else pd.Series(schema.OUTLIER_TOPIC, index=rows.index)
    )
    part = pd.DataFrame({"position": rows["position"], "target": targets, "group": groups})
    part = part[part["target"] != ""]
    out = []
    for (position, target), mine in part.groupby(["position", "target"], sort=True):
        placed = mine.loc[mine["group"] != schema.OUTLIER_TOPIC, "group"]
        counts = placed.value_counts()
        top = int(counts.index[0]) if len(counts) and (counts.iloc[0] > counts.iloc[1:2]).all() else schema.OUTLIER_TOPIC
        out.append(
            {
                "position": position,
                "target": target,
                "contributions": len(mine),
                "group_id": top,
                "group_label": (headlines or {}).get(top, "") if top != schema.OUTLIER_TOPIC else "",
                "group_contributions": int(counts.get(top, 0)) if top != schema.OUTLIER_TOPIC else 0,
                "comment_ids": ";".join(str(i) for i in mine.index[:TARGET_IDS_SHOWN]),
            }
        )
    table = pd.DataFrame(out, columns=columns)
    if table.empty:
        return table
    table["_order"] = table["position"].map({p: i for i, p in enumerate(("oppose", "support", "partial"))})
    table = table.sort_values(["_order", "contributions", "target"], ascending=[True, False, True], kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)


def topic_votes_table(frame: pd.DataFrame, labels: dict[int, str], headlines: dict[int, str] | None) -> pd.DataFrame:
    """Pol.is votes per headline group and topic: agreement share and division (0 = all agree or all disagree, 1 = split)."""
    units = frame.loc[unit_mask(frame)]
    agrees = pd.to_numeric(units["agrees"], errors="coerce").fillna(0).clip(lower=0)
    disagrees = pd.to_numeric(units["disagrees"], errors="coerce").fillna(0).clip(lower=0)
    votes = agrees + disagrees
    division = (1 - (agrees - disagrees).abs() / votes.where(votes > 0)).fillna(0)
    rows = [{"level": "all", "id": schema.OUTLIER_TOPIC, "label": "", **_votes(agrees, disagrees, votes, division)}]
    for level, id_column, names in (("group", schema.TOPIC_GROUP_ID, headlines), ("topic", schema.TOPIC_ID, labels)):
        if id_column not in units or names is None:
            continue
        ids = units[id_column].astype("Int64").fillna(schema.OUTLIER_TOPIC).astype(int)
        for key, index in ids.groupby(ids, sort=True).groups.items():
            rows.append(
                {
                    "level": level,
                    "id": int(key),
                    "label": names.get(int(key), str(key)),
                    **_votes(agrees[index], disagrees[index], votes[index], division[index]),
                }
            )
    table = pd.DataFrame(rows)
    order = {"all": 0, "group": 1, "topic": 2}
    table["_order"] = table["level"].map(order)
    return (
        table.sort_values(["_order", "votes", "id"], ascending=[True, False, True], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def _votes(agrees: pd.Series, disagrees: pd.Series, votes: pd.Series, division: pd.Series) -> dict[str, Any]:
    total = float(votes.sum())
    return {
        "comments": int(len(votes)),
        "comments_with_votes": int((votes > 0).sum()),
        "votes": int(total),
        "agrees": int(agrees.sum()),
        "disagrees": int(disagrees.sum()),
        "agreement": round(float(agrees.sum()) / total, 4) if total else np.nan,
        # Vote-weighted: a comment seen by many weighs more than one nobody voted on.
        "division": round(float((division * votes).sum()) / total, 4) if total else np.nan,
    }


# A side that holds this share of the contributions (or of a subject's) has the subjects' key points for its reasons:
# its own would state the same points again (Chile's "acuerdo": 90% A, one group of some 160,000 contributions whose
# key points doubled the summary's time and were then dropped as restated).
DOMINANT_SIDE = 0.8


def dominant_side(n_side: int, n_all: int) -> bool:
    """Whether a side of ``n_side`` contributions of ``n_all`` is most of them: its reasons are everyone's."""
    return n_all > 0 and n_side >= DOMINANT_SIDE * n_all


def position_point_groups(units: pd.DataFrame, min_contributions: int) -> dict[tuple[str, str], np.ndarray]:
    """Unit rows whose key points give each position's reasons: ``(position, "all")`` and ``(position, group id)``
    for headline groups with at least ``min_contributions`` of that position, unless the position is most of them
    (``dominant_side``)."""
    if schema.POSITION not in units:
        return {}
    positions = units[schema.POSITION].astype(str).to_numpy()
    groups = units[schema.TOPIC_GROUP_ID].astype("Int64").fillna(-1).astype(int).to_numpy() if schema.TOPIC_GROUP_ID in units else None
    out: dict[tuple[str, str], np.ndarray] = {}
    for position in ("oppose", "support", "partial"):
        mine = positions == position
        if not mine.any():
            continue
        if not dominant_side(int(mine.sum()), len(positions)):
            out[(position, ALL)] = np.flatnonzero(mine)
        if groups is None:
            continue
        for g in sorted(set(groups[mine].tolist()) - {-1}):
            rows = np.flatnonzero(mine & (groups == g))
            if len(rows) >= min_contributions and not dominant_side(len(rows), int((groups == g).sum())):
                out[(position, str(g))] = rows
    return out


def position_point_names(headlines: dict[int, str] | None, lang: str) -> dict[tuple[str, str], str]:
    """Names of the position key points' groups: every contribution, or the headline group."""
    names = {(p, ALL): t("all_contributions", lang) for p in STATED}
    for key, label in (headlines or {}).items():
        names.update({(p, str(key)): label for p in STATED})
    return names


def position_quotes(frame: pd.DataFrame, points: pd.DataFrame | None, per_position: int) -> pd.DataFrame:
    """Quotes of each position (scope = the position, group ``all``): other voices than those its key points cite,
    texts of a readable length first, the most repeated first, a campaign's text last (campaigns have their own section:
    full Chile quoted the templates of its three largest campaigns as the reasons of 91% of the meetings)."""
    units = _units(frame)
    rows = []
    for position in STATED:
        mine = units[units[schema.POSITION] == position]
        if mine.empty or per_position == 0:
            continue
        cited: list[str] = []
        if points is not None and not points.empty:
            cited = [
                c
                for c in points.loc[(points["scope"] == position) & (points["group_id"] == ALL)].sort_values("rank")["comment_id"]
                if c in mine.index
            ]
        text = mine[schema.TEXT_REDACTED].astype(str)
        length = text.str.len()
        rest = pd.DataFrame(
            {
                "dup": mine[schema.DUP_COUNT] if schema.DUP_COUNT in mine else 1,
                "fit": ((length < 40) | (length > 600)).astype(int),
                "campaign": mine[schema.CAMPAIGN].astype(bool).astype(int) if schema.CAMPAIGN in mine else 0,
                "order": np.arange(len(mine)),
            },
            index=mine.index,
        )
        rest["central"] = pd.to_numeric(mine[schema.TOPIC_PROB], errors="coerce").fillna(0.0) if schema.TOPIC_PROB in mine else 0.0
        rest = rest.sort_values(["campaign", "fit", "dup", "central", "order"], ascending=[True, True, False, False, True], kind="stable")
        rest = rest.loc[~rest.index.isin(cited)]
        subjects = mine[schema.TOPIC_GROUP_ID] if schema.TOPIC_GROUP_ID in mine else None
        chosen = []  # a campaign's text last, then an unreadable length, whatever the subject; across subjects within each
        for _, tier in rest.groupby(["campaign", "fit"], sort=True):
            chosen += _across_subjects(tier.index, subjects, per_position - len(chosen))
        rows += [{"scope": position, "group_id": ALL, "rank": rank, "comment_id": cid} for rank, cid in enumerate(chosen, 1)]
    table = pd.DataFrame(rows, columns=["scope", "group_id", "rank", "comment_id"])
    if table.empty:
        return table
    table["lang"] = units.loc[table["comment_id"], schema.LANG].to_numpy() if schema.LANG in units else ""
    table["dup_count"] = units.loc[table["comment_id"], schema.DUP_COUNT].to_numpy() if schema.DUP_COUNT in units else 1
    table["quote"] = units.loc[table["comment_id"], schema.TEXT_REDACTED].astype(str).to_numpy()
    return table


def _across_subjects(ranked: pd.Index, groups: pd.Series | None, limit: int) -> list[str]:
    """Up to ``limit`` of the ``ranked`` ids, taken in turn from each subject, the subject with most of them first: a
    position's quotes speak for more than its first subject (claim check 62, ArgKP dev: the three quotes of those opposed
    were the first three rows of one motion of four, in input order)."""
    if limit <= 0:
        return []
    if groups is None:
        return list(ranked[:limit])
    subject = groups.reindex(ranked).fillna(schema.OUTLIER_TOPIC).astype(int)
    sizes = subject[subject >= 0].value_counts()
    order = sorted(sizes.index, key=lambda g: (-int(sizes[g]), g))
    heads = {g: subject.index[subject.to_numpy() == g][:limit].tolist() for g in order}
    out: list[str] = []
    for k in range(limit):
        out += [heads[g][k] for g in order if k < len(heads[g])]
    out += subject.index[subject.to_numpy() < 0][:limit].tolist()  # "no clear topic" after every subject
    return out[:limit]


def position_facts(frame: pd.DataFrame) -> dict[str, Any]:
    """How positions were found: rows per source, the closed question's name."""
    rows = frame.loc[frame[schema.POSITION].astype(str) != ""]
    sources = rows[schema.POSITION_SOURCE].astype(str).value_counts()
    from_column = rows[schema.POSITION_SOURCE] == "column"
    evidence = rows.loc[from_column, schema.POSITION_EVIDENCE].astype(str)
    # How each answer of the closed question was read: position -> its answers, the most frequent first. The report
    # says so, as a reading: an "A" may be agreement with the proposal or, as in Chile 2016, within a meeting.
    answers = pd.DataFrame({"position": rows.loc[from_column, schema.POSITION].astype(str), "answer": evidence.str.split("=", n=1).str[1]})
    counts = (
        answers.value_counts().reset_index(name="n").sort_values(["position", "n", "answer"], ascending=[True, False, True], kind="stable")
    )
    read_as = {str(p): [str(a) for a in group["answer"]] for p, group in counts.groupby("position", sort=True)}
    return {
        "sources": {str(k): int(v) for k, v in sources.items()},
        "column": evidence.iloc[0].split("=", 1)[0] if len(evidence) else "",
        "answers": read_as,
    }


def add_position_tables(
    tables: dict[str, pd.DataFrame],
    frame: pd.DataFrame,
    *,
    cfg: Any,
    lang: str,
    labels: dict[int, str],
    headlines: dict[int, str] | None,
    theme_names: dict[str, str] | None,
    segment_columns: list[str],
    names: dict[tuple[str, str], str],
) -> dict[str, Any]:
    """Add the position tables (when any row states a position) and the votes table (when the input has votes) to
    ``tables``; add position quotes to ``quotes``; return the facts the report needs."""
    facts: dict[str, Any] = {}
    if all(c in frame for c in VOTE_COLUMNS) and schema.TOPIC_ID in frame:
        tables["topic_votes"] = topic_votes_table(frame, labels, headlines)
    if not has_positions(frame):
        # Read and none stated (PNDBio): the method section says so, where there is no section to say it.
        return {**facts, "none_stated": schema.POSITION in frame and bool((frame[schema.POSITION].astype(str) != "").any())}
    tables["positions"] = positions_table(frame, lang)
    if schema.TOPIC_ID in frame:
        tables["topic_positions"] = topic_positions_table(frame, labels, headlines)
    if schema.THEMES in frame and theme_names is not None:
        tables["theme_positions"] = theme_positions_table(frame, theme_names)
    targets = position_targets_table(frame, headlines)
    if not targets.empty:
        tables["position_targets"] = targets
    # The closed question that gives the positions is no segment of them: "A" is 100% support by definition.
    source = position_facts(frame)["column"]
    segments = position_segment_table(frame, [c for c in segment_columns if c != source], cfg, lang)
    if not segments.empty:
        tables["position_segment"] = segments
    quotes = position_quotes(frame, tables.get("key_points"), cfg.quotes_per_topic)
    if not quotes.empty and "quotes" in tables:
        quotes.insert(2, "group_name", [names.get((s, g), g) for s, g in zip(quotes["scope"], quotes["group_id"])])
        tables["quotes"] = pd.concat([tables["quotes"], quotes[tables["quotes"].columns]], ignore_index=True)
    return {**facts, **position_facts(frame)}
