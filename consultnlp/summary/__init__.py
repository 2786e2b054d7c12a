"""Analysis of the analysed frame: the summary tables, segment statistics and quote choice.

``summarise`` takes typed inputs (the frame, the topic table, the taxonomy, the quote
pool) and returns a ``Summary``; ``consultnlp.report`` renders it and computes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from consultnlp import schema
from consultnlp.cleaning import at_length_limit
from consultnlp.config import SummariseConfig
from consultnlp.frame import analysed_mask, answered_prompts, unit_mask
from consultnlp.i18n import t
from consultnlp.ingest.columns import author_id_column
from consultnlp.summary.breakdown import topic_segment_table
from consultnlp.summary.campaigns import campaigns_table
from consultnlp.summary.organisations import organisations
from consultnlp.summary.positions import add_position_tables, position_point_names
from consultnlp.summary.prompt_points import prompt_named_groups
from consultnlp.summary.quotes import QuotePool, quotes_reworded, quotes_with_prompts, quotes_with_votes
from consultnlp.summary.reasons import example_columns, reason_examples
from consultnlp.summary.segments import BLANK, self_evident, theme_families, theme_segment_table
from consultnlp.summary.subjects import NameEvidence, authorship, records, segments_within_writers
from consultnlp.summary.supports import most_supported_table, supported_contributions
from consultnlp.summary.tables import (
    exclusions_table,
    group_labels,
    key_points_table,
    overview_table,
    parents_of,
    participation_table,
    privacy_table,
    quotes_table,
    segment_table_names,
    theme_name,
    themes_table,
    topic_groups_table,
    topic_labels,
    topic_theme_table,
    topics_table,
)
from consultnlp.summary.title_themes import with_title_words
from consultnlp.summary.votes import counter_votes, organiser_rejected, unseen_by_voters, voted_by_others
from consultnlp.taxonomy import LabelTaxonomy, Taxonomy


@dataclass
class Summary:
    """Named tables in a fixed order, facts the report's prose uses, and the quote pool to save."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    quote_pool: QuotePool | None = None


def material_findings(table: pd.DataFrame, cfg: SummariseConfig, *, parents: set[str]) -> pd.Series:
    """Findings a report may state: significant, and also material: enough unique contributions in the
    cell, a difference of enough percentage points, a segment value that is not missing, a real theme
    (for a theme with sub-themes, the row that counts it with them), and not self-evident (the segment
    value and the theme name the same thing: ``self_evident``, when the table has that column)."""
    evident = table["self_evident"].astype(bool) if "self_evident" in table else pd.Series(False, index=table.index)
    return ~evident & stated_findings(table, cfg, parents=parents)


def stated_findings(table: pd.DataFrame, cfg: SummariseConfig, *, parents: set[str]) -> pd.Series:
    """``material_findings`` before self-evident pairs are dropped."""
    return (
        table["significant"].astype(bool)
        & (table["unique_contributions"] >= cfg.finding_min_count)
        & (table["share_in_segment"] - table["share_overall"] >= cfg.finding_min_points)
        & (table["segment"] != BLANK)
        & (table["theme_id"] != schema.OTHER_THEME)
        & ~((table["level"] == "theme") & table["theme_id"].isin(parents))
    )


def all_theme_names(taxonomy: Taxonomy | LabelTaxonomy | None) -> dict[str, list[str]]:
    """Theme id -> its names in every language (a classifier's label is its own name)."""
    if taxonomy is None:
        return {}
    return {th.id: [str(n) for n in getattr(th, "name", {}).values()] for th in taxonomy.themes}


def all_theme_keywords(taxonomy: Taxonomy | LabelTaxonomy | None) -> dict[str, list[str]]:
    """Theme id -> its keywords in every language (a classifier's labels have none)."""
    if taxonomy is None:
        return {}
    return {th.id: [str(k) for words in getattr(th, "keywords", {}).values() for k in words] for th in taxonomy.themes}


def summarise(
    frame: pd.DataFrame,
    *,
    topic_info: pd.DataFrame | None,
    taxonomy: Taxonomy | LabelTaxonomy | None,
    quote_pool: QuotePool | None,
    cfg: SummariseConfig,
    accounting: dict[str, Any],
    segment_columns: list[str],
    lang: str,
    topic_groups: pd.DataFrame | None = None,
    key_points: pd.DataFrame | None = None,
    original_topics: pd.Series | None = None,
    pii_kinds: list[str] | None = None,
    title: Any = None,
    row_filter: str | None = None,
    votes: dict[str, pd.DataFrame] | None = None,
    screened: dict[str, int] | None = None,
    other_languages: dict[str, int] | None = None,
    text_columns: list[str] | None = None,
    text_column_auto: bool = False,
    unplaced_share: float | None = None,
    segment_candidates: list[list[Any]] | None = None,
    record_column: str | None = None,
) -> Summary:
    """Build every table the outputs and the report use, in ``lang``.

    ``quote_pool`` holds the quote candidates (``build_quote_pool`` at analysis time, the
    saved pool on a re-render); ``original_topics`` maps each unit to the topic it had when
    the pool was built, so a reviewed topic's centre can be rebuilt. ``topic_groups`` (the headline
    level) and ``key_points`` were computed at analysis time and are only named here. ``title`` (an
    ``ingest.info.ConsultationTitle``) and ``row_filter`` (the ``--where`` expression) are facts the report states, and so is
    ``screened`` (rows the screen set aside that no list names, ``screening.screened_beyond_lists``), ``other_languages`` (the
    languages of the rows in none of es/pt/en) and the input columns the
    text was taken from (``text_columns``; ``text_column_auto`` when the tool chose it), and the columns that could break
    the results down but were not named (``segment_candidates``: [column, values]), and the column the screen found to group
    rows into records (``record_column``: a meeting's minutes, an account) where no author column is named."""
    summary = Summary()
    tables = summary.tables
    tables["overview"] = overview_table(frame, accounting)
    if schema.LANG in frame:
        tables["languages"] = participation_table(frame, schema.LANG)
    segment_names = segment_table_names(segment_columns)
    for col in segment_columns:
        tables[segment_names[col]] = participation_table(frame, col)
    labels = topic_labels(topic_info, lang)
    headlines = group_labels(topic_groups, lang) if schema.TOPIC_GROUP_ID in frame else None
    if headlines is not None:  # a subject that is one of the prompts the rows answer is named by it (summary.prompt_points)
        headlines = prompt_named_groups(headlines, frame, topic_groups)
    # The consultation's own title (given or the platform's, not a file's name) is its subject.
    own_title = title.text if title is not None and getattr(title, "origin", "") in ("option", "platform") else ""
    described = getattr(title, "question", "") if title is not None else ""  # a Pol.is conversation's description
    evidence = NameEvidence.of(frame, own_title, described) if schema.TOPIC_ID in frame else None  # read once for every table
    if schema.TOPIC_ID in frame:
        if headlines is not None:
            tables["topic_groups"] = topic_groups_table(frame, topic_info, headlines, labels, lang, evidence)
        tables["topics"] = topics_table(frame, topic_info, taxonomy, lang, headlines, evidence)
        labels.update({int(r["topic_id"]): str(r["label"]) for _, r in tables["topics"].iterrows() if int(r["topic_id"]) not in labels})
    if schema.TOPIC_ID in frame and schema.QUESTION in segment_columns:
        # Several open questions (--questions): what each question's answers are about.
        tables["topic_question"] = topic_segment_table(frame, schema.QUESTION, labels)
    has_themes = schema.THEMES in frame and taxonomy is not None
    self_evident_dropped, self_evident_shown = 0, []
    if has_themes:
        tables["themes"] = themes_table(frame, taxonomy, lang)
        if own_title:  # themes its title names: the consultation's question, counted apart (summary.title_themes)
            tables["themes"] = with_title_words(tables["themes"], evidence or NameEvidence.of(frame, own_title, described), taxonomy)
        if schema.TOPIC_ID in frame:
            tables["topic_theme"] = topic_theme_table(frame, labels, taxonomy, lang)
        families = theme_families(taxonomy)
        segs = [theme_segment_table(frame, c, alpha=cfg.alpha, min_count=cfg.min_segment_count, families=families) for c in segment_columns]
        segs = [s for s in segs if not s.empty]
        if segs:
            table = pd.concat(segs, ignore_index=True)
            table.insert(3, "theme_name", [theme_name(taxonomy, th, lang) for th in table["theme_id"]])
            # A family row speaks for the theme and its sub-themes: say so in its name.
            table.loc[table["level"] == "family", "theme_name"] += " " + t("with_subthemes", lang)
            table["self_evident"] = self_evident(
                table["segment"], table["theme_id"], all_theme_names(taxonomy), all_theme_keywords(taxonomy)
            )
            table["material"] = material_findings(table, cfg, parents=set(parents_of(taxonomy).values()))
            # Said in the method section: how many findings were left out as self-evident.
            dropped = table["self_evident"] & stated_findings(table, cfg, parents=set(parents_of(taxonomy).values()))
            self_evident_dropped = int(dropped.sum())
            # ... and which, so that a reader can judge (claim check 77: "the biggest difference was removed, unnamed").
            self_evident_shown = [
                {
                    "segment": str(r["segment"]),
                    "theme": str(r["theme_name"]),
                    "inside": float(r["share_in_segment"]),
                    "overall": float(r["share_overall"]),
                }
                for _, r in table[dropped].sort_values("lift", ascending=False, kind="stable").head(3).iterrows()
            ]
            tables["theme_segment"] = table
    names = {("topic", str(k)): v for k, v in labels.items()}
    if has_themes:
        names.update({("theme", str(r["theme_id"])): str(r["name"]) for _, r in tables["themes"].iterrows()})
    if headlines is not None:
        names.update({("group", str(k)): v for k, v in headlines.items()})
    names.update(position_point_names(headlines, lang))
    tables["quotes"] = quotes_table(frame, quote_pool, cfg, names=names, original_topics=original_topics)
    if key_points is not None:
        tables["key_points"] = key_points_table(frame, key_points, names)
    positions = add_position_tables(
        tables,
        frame,
        cfg=cfg,
        lang=lang,
        labels=labels,
        headlines=headlines,
        segment_columns=segment_columns,
        names=names,
        theme_names={k: v for (scope, k), v in names.items() if scope == "theme"} if has_themes else None,
    )
    tables["quotes"] = quotes_with_votes(quotes_reworded(quotes_with_prompts(tables["quotes"], frame), frame), frame)
    for name, table in (votes or {}).items():
        tables[name] = table  # opinion groups, consensus and division of a Pol.is conversation (``summary.votes``)
    if not votes and not (counted := counter_votes(frame)).empty:
        tables["statement_votes"] = counted  # no vote matrix: the export's own counters of each statement
    if not (supported := most_supported_table(frame, headlines)).empty:
        tables["most_supported"] = supported  # a platform's votes: which contributions were backed most (summary.supports)
    if schema.CAMPAIGN_ID in frame:
        tables["campaigns"] = campaigns_table(frame, segment_columns)
    tables["exclusions"] = exclusions_table(frame, row_filter=row_filter)
    if schema.PII_FOUND in frame:
        tables["privacy"] = privacy_table(frame, pii_kinds)
    summary.quote_pool = quote_pool
    reworded, rejected_rewordings = organiser_rejected(frame)
    examples = reason_examples(frame)
    summary.facts = {
        "lang": lang,
        "accounting": accounting,
        "segment_columns": list(segment_columns),
        "segment_tables": segment_names,
        "alpha": cfg.alpha,
        "min_segment_count": cfg.min_segment_count,
        "finding_min_count": cfg.finding_min_count,
        "finding_min_points": cfg.finding_min_points,
        "max_findings": cfg.max_findings,
        # The names comments.* shows next to each topic and group id, in this summary's language.
        "topic_labels": labels,
        "group_labels": headlines or {},
        "positions": positions,
        "title": title,
        "row_filter": row_filter,
        "self_evident_dropped": self_evident_dropped,
        "self_evident_findings": self_evident_shown,
        "supported_contributions": supported_contributions(frame),  # with a platform's count of supports (summary.supports)
        "authorship": authorship(frame, author_id_column(frame.columns)),  # participants and the most prolific (summary.subjects)
        # Contributions presented in an organisation's name (summary.organisations): not every participant is a person.
        "organisations": organisations(frame.loc[analysed_mask(frame), schema.TEXT_REDACTED]) if schema.TEXT_REDACTED in frame else {},
        "length_limit": at_length_limit(frame.loc[analysed_mask(frame), schema.TEXT_REDACTED].astype(str))
        if schema.TEXT_REDACTED in frame
        else {},  # where the platform cut the texts: a quote that long may lack its end (cleaning.at_length_limit)
        "records": records(frame, record_column),  # ... or, with no author column, the records rows come from (summary.subjects)
        # Per segment column: writers with several contributions, and how many of them give it several values.
        "segments_within_writers": segments_within_writers(frame, author_id_column(frame.columns) or record_column, list(segment_columns)),
        "prompts": len(answered_prompts(frame)),  # distinct prompts the analysed rows answer (copies are found within one)
        "screened": dict(screened or {}),
        "other_languages": dict(other_languages or {}),  # rows set aside as 'other' by their likeliest language (stages.language)
        "reason_examples": examples,  # the most frequent short texts of each reason (summary.reasons)
        # ... and the column whose value of the same row most of an example's rows repeat («A»: the row's «acuerdo»)
        "reason_example_columns": example_columns(frame, examples, list(text_columns or [])),
        "text_columns": list(text_columns or []),
        "text_column_auto": bool(text_column_auto),
        "unplaced_share": unplaced_share,
        "segment_candidates": [list(c) for c in segment_candidates or []] if not segment_columns else [],
        # Pol.is statements the organiser posted again, reworded, that stand (analysed as their participants'), and the
        # organiser's rows the moderators rejected (its rejected rewordings: no participant's rejected statement).
        "reworded": reworded,
        "organiser_rejected": rejected_rewordings,
        # Statements the moderators never reviewed and no one but their author voted on (a vote matrix: own votes left out).
        "unseen_by_voters": unseen_by_voters(frame.loc[analysed_mask(frame)], own_votes_left_out=bool(votes)),
        "voted_by_others": voted_by_others(frame.loc[unit_mask(frame)], own_votes_left_out=bool(votes)),
    }
    return summary
