"""Summary tables computed from the analysed frame.

Every table counts both contributions (all analysed rows, duplicates
included) and unique contributions (one per duplicate group). Column names
are stable English identifiers; the report localises what people read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.config import SummariseConfig
from consultnlp.stages.base import analysed_mask, unit_mask


@dataclass
class Summary:
    """Named tables in a fixed order, plus facts the report's prose uses."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)


def _share(part: pd.Series | np.ndarray | int, whole: int) -> Any:
    return np.round(np.asarray(part, dtype=float) / whole, 4) if whole else 0.0


def _unique(frame: pd.DataFrame) -> pd.Series:
    return frame[schema.DUP_REPRESENTATIVE].astype(bool) if schema.DUP_REPRESENTATIVE in frame else pd.Series(True, index=frame.index)


def explode_themes(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (comment, theme) for analysed rows."""
    part = frame.loc[analysed_mask(frame), [schema.THEMES]].copy()
    part["unique"] = _unique(frame).loc[part.index]
    part["theme_id"] = part[schema.THEMES].str.split(";")
    return part.explode("theme_id").drop(columns=[schema.THEMES])


def overview_table(frame: pd.DataFrame, accounting: dict[str, Any]) -> pd.DataFrame:
    analysed = analysed_mask(frame)
    rows: list[tuple[str, Any]] = [
        ("contributions", accounting["input"]),
        ("analysed", accounting["analysed"]),
        ("unique_contributions", int(unit_mask(frame).sum())),
        ("excluded", sum(accounting["excluded"].values())),
    ]
    rows += [(f"excluded_{reason}", n) for reason, n in accounting["excluded"].items()]
    if schema.CAMPAIGN in frame:
        rows += [
            ("campaigns", int(frame.loc[analysed, schema.CAMPAIGN_ID].replace("", np.nan).nunique())),
            ("campaign_contributions", int(frame.loc[analysed, schema.CAMPAIGN].sum())),
        ]
    if schema.TOPIC_ID in frame:
        topics = frame.loc[analysed, schema.TOPIC_ID]
        rows += [("topics", int(topics[topics >= 0].nunique())), ("outlier_share", float(_share(int((topics == -1).sum()), len(topics))))]
    if schema.THEMES in frame:
        themes = frame.loc[analysed, schema.THEMES]
        rows.append(("share_with_theme", float(_share(int((themes != schema.OTHER_THEME).sum()), len(themes)))))
    if schema.PII_COUNT in frame:
        rows.append(("comments_with_personal_data", int((frame[schema.PII_COUNT] > 0).sum())))
    # Counts stay integers and shares stay fractions in the CSV (object column, not float).
    return pd.DataFrame({"metric": [m for m, _ in rows], "value": pd.Series([v for _, v in rows], dtype=object)})


def participation_table(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Contributions, analysed and unique contributions per value of ``column``."""
    analysed = analysed_mask(frame)
    unique = analysed & _unique(frame)
    keys = frame[column].astype(str).replace("", "(blank)")
    table = pd.DataFrame(
        {
            "contributions": keys.value_counts(),
            "analysed": keys[analysed].value_counts(),
            "unique_contributions": keys[unique].value_counts(),
        }
    ).fillna(0).astype("int64")
    table["share_of_analysed"] = _share(table["analysed"], int(analysed.sum()))
    table.index.name = column
    return table.sort_values(["contributions", column], ascending=[False, True], kind="stable").reset_index()


def topics_table(frame: pd.DataFrame, topic_info: pd.DataFrame | None) -> pd.DataFrame:
    analysed = frame.loc[analysed_mask(frame)]
    unique = _unique(frame).loc[analysed.index]
    total = len(analysed)
    rows = []
    for topic_id, part in analysed.groupby(schema.TOPIC_ID, sort=True):
        info = topic_info.set_index("topic_id").loc[topic_id] if topic_info is not None and topic_id in set(topic_info["topic_id"]) else None
        langs = part[schema.LANG].value_counts(normalize=True)
        themes = explode_themes(part.assign(**{schema.DUP_REPRESENTATIVE: unique.loc[part.index]}))["theme_id"]
        themes = themes[themes != schema.OTHER_THEME].value_counts().head(3)
        row = {
            "topic_id": int(topic_id),
            "label": part[schema.TOPIC_LABEL].iloc[0],
            "contributions": len(part),
            "unique_contributions": int(unique.loc[part.index].sum()),
            "share": float(_share(len(part), total)),
            "languages": ", ".join(f"{l} {p:.0%}" for l, p in langs.items()),
            "keywords": ", ".join(info["keywords"][:10]) if info is not None else "",
            "top_themes": ", ".join(themes.index),
        }
        for lang in ("es", "pt", "en"):
            row[f"keywords_{lang}"] = ", ".join(info["keywords_by_lang"].get(lang, [])[:10]) if info is not None else ""
        rows.append(row)
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    # Outliers last; topics by size.
    table["_outlier"] = table["topic_id"] == -1
    table = table.sort_values(["_outlier", "contributions", "topic_id"], ascending=[True, False, True], kind="stable")
    return table.drop(columns="_outlier").reset_index(drop=True)


def themes_table(frame: pd.DataFrame, taxonomy: Any, lang: str) -> pd.DataFrame:
    exploded = explode_themes(frame)
    analysed = analysed_mask(frame)
    total = int(analysed.sum())
    counts = exploded.groupby("theme_id").agg(contributions=("unique", "size"), unique_contributions=("unique", "sum"))
    if schema.TOPIC_ID in frame:
        topics = frame.loc[exploded.index, schema.TOPIC_ID]
        n_topics = pd.Series(topics.to_numpy(), index=exploded["theme_id"].to_numpy())
        counts["topics"] = n_topics[n_topics >= 0].groupby(level=0).nunique().reindex(counts.index).fillna(0).astype("int64")
    counts["share_of_analysed"] = _share(counts["contributions"], total)
    counts = counts.reset_index()
    counts["name"] = [schema.OTHER_THEME if t == schema.OTHER_THEME else taxonomy.name_of(t, lang) for t in counts["theme_id"]]
    counts["parent"] = [
        "" if t == schema.OTHER_THEME else (taxonomy.get(t).parent or "") for t in counts["theme_id"]
    ]
    counts["_other"] = counts["theme_id"] == schema.OTHER_THEME
    counts = counts.sort_values(["_other", "contributions", "theme_id"], ascending=[True, False, True], kind="stable")
    cols = ["theme_id", "name", "parent", "contributions", "unique_contributions", "share_of_analysed"]
    cols += ["topics"] if "topics" in counts else []
    return counts[cols].reset_index(drop=True)


def topic_theme_table(frame: pd.DataFrame) -> pd.DataFrame:
    exploded = explode_themes(frame)
    exploded["topic_id"] = frame.loc[exploded.index, schema.TOPIC_ID].astype("int64")
    table = exploded.groupby(["topic_id", "theme_id"]).agg(contributions=("unique", "size"), unique_contributions=("unique", "sum"))
    table = table.reset_index()
    sizes = frame.loc[analysed_mask(frame)].groupby(schema.TOPIC_ID).size()
    table["share_of_topic"] = np.round(table["contributions"] / sizes.reindex(table["topic_id"]).to_numpy(), 4)
    return table.sort_values(["topic_id", "contributions", "theme_id"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def theme_segment_table(frame: pd.DataFrame, column: str, *, alpha: float, min_count: int) -> pd.DataFrame:
    """Theme share per segment value, with lift and a χ² test per (segment, theme) 2×2 table.

    A finding is ``significant`` when the Holm-corrected p-value is below ``alpha``
    and the cell has at least ``min_count`` contributions (tiny cells mislead).
    """
    from scipy.stats import chi2_contingency

    exploded = explode_themes(frame)
    exploded["segment"] = frame.loc[exploded.index, column].astype(str).replace("", "(blank)")
    analysed = frame.loc[analysed_mask(frame), column].astype(str).replace("", "(blank)")
    seg_sizes = analysed.value_counts()
    total = int(seg_sizes.sum())
    counts = exploded.groupby(["segment", "theme_id"]).size()
    theme_totals = exploded.groupby("theme_id").size()
    rows = []
    for (segment, theme), count in counts.items():
        n_seg, n_theme = int(seg_sizes[segment]), int(theme_totals[theme])
        table = np.array([[count, n_seg - count], [n_theme - count, total - n_seg - n_theme + count]])
        p = 1.0
        if (table >= 0).all() and table.sum() > 0 and (table.sum(axis=0) > 0).all() and (table.sum(axis=1) > 0).all():
            p = float(chi2_contingency(table, correction=True)[1])
        share = count / n_seg
        overall = n_theme / total
        rows.append(
            {
                "segment_column": column, "segment": segment, "theme_id": theme, "contributions": int(count),
                "segment_size": n_seg, "share_in_segment": round(share, 4), "share_overall": round(overall, 4),
                "lift": round(share / overall, 3) if overall else np.nan, "p_value": p,
            }
        )
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    # Holm-Bonferroni over every test in the table: many segments x themes means many chances of a fluke.
    order = np.argsort(table["p_value"].to_numpy(), kind="stable")
    m = len(order)
    adjusted = np.empty(m)
    running = 0.0
    for rank, idx in enumerate(order):
        running = max(running, min(1.0, (m - rank) * table["p_value"].iat[idx]))
        adjusted[idx] = running
    table["p_adjusted"] = np.round(adjusted, 6)
    table["p_value"] = table["p_value"].round(6)
    table["significant"] = (table["p_adjusted"] < alpha) & (table["contributions"] >= min_count)
    return table.sort_values(["segment", "theme_id"], kind="stable").reset_index(drop=True)


def select_quotes(
    candidates: pd.Index, unit_ids: pd.Index, embeddings: np.ndarray, texts: pd.Series, k: int, diversity: float = 0.5
) -> list[str]:
    """Pick ``k`` comment ids central to the group yet unlike each other (maximal marginal relevance).

    Texts that are very short or very long make poor quotes, so they are penalised.
    """
    if k <= 0 or len(candidates) == 0:
        return []
    pos = unit_ids.get_indexer(candidates)
    keep = pos >= 0
    candidates, pos = candidates[keep], pos[keep]
    if len(candidates) == 0:
        return []
    vectors = embeddings[pos]
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) + 1e-12
    relevance = vectors @ centroid
    lengths = texts.loc[candidates].str.len().to_numpy()
    relevance = relevance - 0.15 * ((lengths < 40) | (lengths > 600))
    chosen: list[int] = []
    redundancy = np.zeros(len(candidates))
    for _ in range(min(k, len(candidates))):
        score = (1 - diversity) * relevance - diversity * redundancy
        score[chosen] = -np.inf
        best = int(np.lexsort((np.arange(len(score)), -score))[0])
        chosen.append(best)
        redundancy = np.maximum(redundancy, vectors @ vectors[best])
    return [str(candidates[i]) for i in chosen]


def quotes_table(frame: pd.DataFrame, context: Any, cfg: SummariseConfig) -> pd.DataFrame:
    if context.embeddings is None or context.unit_ids is None:
        return pd.DataFrame(columns=["scope", "group_id", "rank", "comment_id", "lang", "dup_count", "quote"])
    units = frame.loc[unit_mask(frame)]
    texts = units[schema.TEXT_REDACTED].astype(str)
    rows = []
    if schema.TOPIC_ID in units:
        for topic, part in units.groupby(schema.TOPIC_ID, sort=True):
            if topic == -1:
                continue
            for rank, cid in enumerate(select_quotes(part.index, context.unit_ids, context.embeddings, texts, cfg.quotes_per_topic), 1):
                rows.append(("topic", str(topic), rank, cid))
    if schema.THEMES in units:
        exploded = units[schema.THEMES].str.split(";").explode()
        for theme, part in exploded.groupby(exploded, sort=True):
            if theme == schema.OTHER_THEME:
                continue
            for rank, cid in enumerate(select_quotes(part.index.unique(), context.unit_ids, context.embeddings, texts, cfg.quotes_per_theme), 1):
                rows.append(("theme", str(theme), rank, cid))
    table = pd.DataFrame(rows, columns=["scope", "group_id", "rank", "comment_id"])
    table["lang"] = units.loc[table["comment_id"], schema.LANG].to_numpy()
    table["dup_count"] = units.loc[table["comment_id"], schema.DUP_COUNT].to_numpy() if schema.DUP_COUNT in units else 1
    table["quote"] = texts.loc[table["comment_id"]].to_numpy()
    return table


def campaigns_table(frame: pd.DataFrame) -> pd.DataFrame:
    cols = ["campaign_id", "contributions", "distinct_variants", "languages", "representative_id", "representative_text", "variant_examples"]
    if schema.CAMPAIGN_ID not in frame:
        return pd.DataFrame(columns=cols)
    part = frame.loc[frame[schema.CAMPAIGN_ID] != ""]
    text_col = schema.TEXT_REDACTED if schema.TEXT_REDACTED in frame else schema.TEXT_CLEAN
    rows = []
    for cid, group in part.groupby(schema.CAMPAIGN_ID, sort=False):
        rep = group[group[schema.DUP_REPRESENTATIVE]]
        rep_id = rep.index[0] if len(rep) else group.index[0]
        variants = group[text_col].drop_duplicates()
        rows.append(
            {
                "campaign_id": cid, "contributions": len(group), "distinct_variants": len(variants),
                "languages": ", ".join(sorted(group[schema.LANG].unique())) if schema.LANG in group else "",
                "representative_id": rep_id, "representative_text": group.loc[rep_id, text_col],
                "variant_examples": "\n---\n".join(v for v in variants.iloc[1:4] if v != group.loc[rep_id, text_col]),
            }
        )
    table = pd.DataFrame(rows, columns=cols)
    return table.sort_values(["contributions", "campaign_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def exclusions_table(frame: pd.DataFrame) -> pd.DataFrame:
    part = frame.loc[~analysed_mask(frame)]
    table = part.groupby([schema.EXCLUDED, schema.EXCLUDED_STAGE]).agg(
        rows=(schema.ROW_NUMBER, "size"), example_comment_ids=(schema.ROW_NUMBER, lambda s: ", ".join(s.index[:5]))
    )
    table = table.reset_index().rename(columns={schema.EXCLUDED: "reason", schema.EXCLUDED_STAGE: "stage"})
    return table.sort_values(["rows", "reason"], ascending=[False, True], kind="stable").reset_index(drop=True)


def privacy_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts per kind of personal data redacted (never the values)."""
    if schema.PII_FOUND not in frame:
        return pd.DataFrame(columns=["kind", "occurrences", "comments"])
    items = frame[schema.PII_FOUND].str.split(";").explode()
    items = items[items.fillna("") != ""]
    if items.empty:
        return pd.DataFrame(columns=["kind", "occurrences", "comments"])
    kinds = items.str.split(":").str[0]
    counts = items.str.split(":").str[1].astype(int)
    table = pd.DataFrame({"kind": kinds.to_numpy(), "n": counts.to_numpy(), "cid": items.index})
    out = table.groupby("kind").agg(occurrences=("n", "sum"), comments=("cid", "nunique")).reset_index()
    return out.sort_values(["occurrences", "kind"], ascending=[False, True], kind="stable").reset_index(drop=True)


def summarise(frame: pd.DataFrame, context: Any, cfg: SummariseConfig, accounting: dict[str, Any], *, segment_columns: list[str], lang: str) -> Summary:
    """Build every table the outputs and the report use."""
    summary = Summary()
    t = summary.tables
    t["overview"] = overview_table(frame, accounting)
    if schema.LANG in frame:
        t["languages"] = participation_table(frame, schema.LANG)
    for col in segment_columns:
        t[f"segment_{col}"] = participation_table(frame, col)
    if schema.TOPIC_ID in frame:
        t["topics"] = topics_table(frame, context.topic_info)
    if schema.THEMES in frame and context.taxonomy is not None:
        t["themes"] = themes_table(frame, context.taxonomy, lang)
        if schema.TOPIC_ID in frame:
            t["topic_theme"] = topic_theme_table(frame)
        segs = [theme_segment_table(frame, c, alpha=cfg.alpha, min_count=cfg.min_segment_count) for c in segment_columns]
        segs = [s for s in segs if not s.empty]
        if segs:
            t["theme_segment"] = pd.concat(segs, ignore_index=True)
    t["quotes"] = quotes_table(frame, context, cfg)
    if schema.CAMPAIGN_ID in frame:
        t["campaigns"] = campaigns_table(frame)
    t["exclusions"] = exclusions_table(frame)
    if schema.PII_FOUND in frame:
        t["privacy"] = privacy_table(frame)
    summary.facts = {"lang": lang, "accounting": accounting}
    return summary
