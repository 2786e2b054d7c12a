"""What people said: the headline groups, each with its fine topics and its key points."""

from __future__ import annotations

import pandas as pd

from consultnlp.i18n import t
from consultnlp.report.model import Block, Section
from consultnlp.report.sections.common import (
    LOOSE_NAME,
    ReportContext,
    cell_text,
    chart,
    consultation_words,
    key_points_block,
    loose_key,
    loose_name,
    loose_name_fields,
    name_base,
    name_base_text,
    name_quoted,
    name_speaks_for,
    naming_words,
    own_votes_left_out,
    quote_item,
    ranked_subjects,
    subject_label,
)
from consultnlp.text import word_stems

GROUPS_IN_CHART = 15
GROUPS_DETAILED = 8
SUBTOPICS_LISTED = 6
POINTS_PER_GROUP = 3  # in the report; tables/key_points.csv has up to summarise.key_points_per_group
CAMPAIGNS_NAMED = 3  # campaigns named under a subject; the campaigns section lists them all
# The clustering placing fewer than half of the texts itself is said (claim check 73, Pol.is biodiversity: 55% given their
# closest topic afterwards, a subject «Land» of which 10 of 39 are about land); 19-38% is usual (PNDBio, Pol.is bg2050,
# housing, march-on, football, Plano Clima, Chile 2016), and is not.
UNPLACED_SHARE = 0.5
EXAMPLES_WITHOUT_POINTS = 2  # quotes shown for a group where no point is shared by enough contributions
MOST_BY_ONE_SHARE = 0.2  # "one of them wrote M" when one participant wrote this share of a subject (claim 49: 11 of 47 unsaid at 1/4) ...
MOST_BY_ONE_MIN = 3  # ... and at least this many of its contributions


def _has_key_points(ctx: ReportContext) -> bool:
    points = ctx.table("key_points")
    return points is not None and "scope" in points and bool((points["scope"] == "group").any())


def groups_section(ctx: ReportContext) -> Section | None:
    groups, topics = ctx.table("topic_groups"), ctx.table("topics")
    if groups is None or topics is None:
        return None
    lang = ctx.lang
    real = ranked_subjects(groups)
    n_topics = int((topics["topic_id"] >= 0).sum())
    sec = Section(
        "groups",
        t("groups", lang),
        [
            Block(
                "p",
                text=t("groups_intro_one", lang, unique=ctx.n(ctx.unique_total()))
                if n_topics == 1 and len(real) == 1
                else t("groups_intro", lang, unique=ctx.n(ctx.unique_total()), topics=ctx.n(n_topics), groups=ctx.n(len(real))),
            ),
            # No subject has a key point: say so, instead of explaining key points the report does not have.
            Block(
                "p",
                text=t(
                    "points_note" if _has_key_points(ctx) else "points_none_people" if ctx.facts.get("authorship") else "points_none", lang
                ),
            ),
        ],
    )
    quotes = ctx.table("quotes")
    if own_votes_left_out(ctx) and quotes is not None and "agrees" in quotes:  # canadian claim check: "20 agree" against 21
        sec.blocks.append(Block("p", text=t("quote_votes_note", lang)))
    outliers = topics.loc[topics["topic_id"] < 0, "unique_contributions"]
    if len(outliers) and int(outliers.sum()) and ctx.unique_total():
        n = int(outliers.sum())
        share = ctx.pct(n / ctx.unique_total())
        sec.blocks.insert(1, Block("p", text=t("groups_outliers", lang, count=n, n=ctx.n(n), share=share)))
    unplaced = ctx.facts.get("unplaced_share")
    if unplaced is not None and float(unplaced) >= UNPLACED_SHARE:
        sec.blocks.insert(1, Block("p", text=t("groups_unplaced", lang, share=ctx.pct(float(unplaced)))))
    # One subject more than fits is shown too: "the 15 largest subjects" of 16 gave the first screen a third count of them
    # (claim check 78: "14 main subjects", "of the 16 subjects found", "the 15 largest").
    top = real if len(real) <= GROUPS_IN_CHART + 1 else real.head(GROUPS_IN_CHART)
    # A chart of some of the subjects says so: the rest are in the table of remaining subjects.
    title = t("chart_groups", lang) if len(top) == len(real) else t("chart_groups_largest", lang, n=ctx.n(len(top)))
    sec.blocks.append(chart([subject_label(ctx, g) for _, g in top.iterrows()], top["share_unique"].tolist(), title, lang))
    fine = topics[topics["topic_id"] >= 0]
    for _, group in real.head(GROUPS_DETAILED).iterrows():
        sub = Section(f"group-{group['topic_group_id']}", f"{subject_label(ctx, group)} — {ctx.pct(group['share_unique'])}")
        members = fine[fine["topic_group_id"] == group["topic_group_id"]].sort_values(
            ["unique_contributions", "topic_id"], ascending=[False, True], kind="stable"
        )
        n, unique = int(group["contributions"]), int(group["unique_contributions"])
        counts = (
            t("group_counts", lang, count=n, n=ctx.n(n), unique=ctx.n(unique))
            if n != unique
            else t("theme_counts", lang, count=unique, unique=ctx.n(unique))
        )
        if len(members) > 1:
            listed = "; ".join(subtopic(ctx, r) for _, r in members.head(SUBTOPICS_LISTED).iterrows())
            more = len(members) - SUBTOPICS_LISTED
            if more > 0:
                listed += " " + t("and_more", lang, count=more, n=ctx.n(more))
            counts += " " + t("subtopics", lang, list=listed)
        counts += _campaigns_in(ctx, members["topic_id"].tolist())
        participants, top = group.get("participants"), group.get("most_by_one")
        if participants is not None and not pd.isna(participants) and int(participants) < n:
            if int(participants) > 1 and top is not None and not pd.isna(top) and int(top) >= max(MOST_BY_ONE_MIN, MOST_BY_ONE_SHARE * n):
                key = (
                    "group_participants_organiser_wrote" if bool(group.get("most_by_organiser", False)) else "group_participants_one_wrote"
                )
                counts += " " + t(key, lang, n=ctx.n(int(participants)), top=ctx.n(int(top)))
            else:
                counts += " " + t("group_participants", lang, count=int(participants), n=ctx.n(int(participants)))
        sub.blocks.append(Block("p", text=counts))
        points = key_points_block(ctx, "group", group["topic_group_id"], POINTS_PER_GROUP)
        if points:
            sub.blocks.append(points)
        else:
            examples = _examples(ctx, members, str(group["label"]))
            if examples:
                # Fewer than the minimum make any one point: name the subject and show what was said, never "N say".
                said = t("subject_examples", lang, count=n, subject=name_quoted(ctx, str(group["label"])), n=ctx.n(n))
                # The name speaks for only part of the subject: say for how much, so the examples do not stand for all.
                fit, named = name_speaks_for(ctx, group, 1.0), ""
                if fit is not None:
                    by, count = fit
                    words = naming_words(ctx, group)
                    if by == "consultation":
                        words = consultation_words(ctx, group)
                    key = {"words": "named_by", "name": "named_by_name", "consultation": "named_by_consultation"}[by]
                    named = t(key, lang, count=count, n=ctx.n(count), words=words)
                if named:
                    said = t(
                        "subject_examples_named", lang, count=n, subject=name_quoted(ctx, str(group["label"])), n=ctx.n(n), named=named
                    )
                sub.blocks += [Block("p", text=said), Block("quotes", quotes=examples)]
        sec.subsections.append(sub)
    rest = real.iloc[GROUPS_DETAILED:]
    if len(rest):
        others = Section("group-others", t("groups_more", lang, count=len(rest), n=ctx.n(len(rest))))
        sec.subsections.append(others)
        others.blocks.append(
            Block(
                "table",
                headers=[t("group_heading", lang), t("unique_contributions", lang), t("share", lang), t("topics_heading", lang)],
                numeric=[False, True, True, False],
                rows=[
                    [subject_label(ctx, r), ctx.n(int(r["unique_contributions"])), ctx.pct(r["share_unique"], 1), str(r["topic_labels"])]
                    for _, r in rest.iterrows()
                ],
            )
        )
    return sec


def subtopic(ctx: ReportContext, topic: pd.Series) -> str:
    """A topic in its subject's list: "Parking (60)", or "Parking (60; only 13 use a word of its name)" when under a
    quarter of it does (read 9)."""
    n = ctx.n(int(topic["unique_contributions"]))
    if not loose_name(topic):
        rarest, word = topic.get("contributions_naming_rarest"), cell_text(topic, "naming_rarest_word")
        if word and rarest is not None and not pd.isna(rarest) and int(rarest) < LOOSE_NAME * name_base(topic):
            # One of its two words is used by many, the one that says what it states by few (claim check 95: «Congreso
            # unicameral», 37 of 97 say "congreso" or "unicameral", 24 "unicameral").
            return f"{topic['label']} ({n}; {t('topic_loose_rarest', ctx.lang, named=ctx.n(int(rarest)), word=ctx.q(word))})"
        return f"{topic['label']} ({n})"
    fields = loose_name_fields(ctx, topic)
    named = fields["named"]
    if not pd.isna(topic.get("contributions_in_name_language", pd.NA)):  # "13 of its 34 in Spanish"
        named = t("named_of", ctx.lang, named=named, n=name_base_text(ctx, topic))
    return f"{topic['label']} ({n}; {t(loose_key('topic_loose', fields), ctx.lang, named=named, words=fields['words'], all_words=fields['all_words'])})"


def _examples(ctx: ReportContext, members: pd.DataFrame, group_label: str) -> list[dict[str, str]]:
    """At most ``EXAMPLES_WITHOUT_POINTS`` quotes that show the subject the group's name states: the topics whose
    names the group's name is made of come first, then the largest; within a topic, its best-ranked quote that
    uses a word of the topic's name ("Homeless": a quote about the homeless, not the topic's most central text); a topic
    with no such quote gives none, unless no topic of the group has one (then each topic's first)."""
    quotes = ctx.table("quotes")
    if quotes is None:
        return []
    topics = list(zip(members["topic_id"].tolist(), members["label"].astype(str).tolist()))
    named = [(t, label) for t, label in topics if word_stems(label) & word_stems(group_label)]
    order = named + [x for x in topics if x not in named]
    # Each topic's quotes, best first, and which of them use a word of its name: read once, for the check and the picks.
    topic_quotes = quotes[quotes["scope"] == "topic"]
    found = {}
    for topic, label in topics:
        mine = topic_quotes[topic_quotes["group_id"].astype(str) == str(topic)].sort_values("rank")
        found[topic] = (mine, [i for i, q in enumerate(mine["quote"].astype(str)) if word_stems(label) & word_stems(q)])
    # A topic none of whose quotes uses a word of its name shows none, unless no topic's does (claim check 77: three
    # examples after "(… mention «…»), for example:" used no word of the subject's name, nor of their topic's).
    any_named = any(showing for _, showing in found.values())
    chosen: list[dict[str, str]] = []
    for topic, label in order:
        mine, showing = found[topic]
        if mine.empty:
            continue
        if not showing and any_named:
            continue
        picks = [showing[0]] if showing else [0]
        if len(topics) == 1:  # a group of one topic: its next quote too, one that uses a word of its name or the group's
            # where any does (the demo's «Educación» showed «Linguagem simples nas decisões judiciais» as its second)
            named_quotes = [
                i for i, q in enumerate(mine["quote"].astype(str)) if (word_stems(label) | word_stems(group_label)) & word_stems(q)
            ]
            picks += [i for i in (named_quotes if showing else range(len(mine))) if i not in picks]
        chosen += [quote_item(ctx, mine.iloc[i]) for i in picks]
        if len(chosen) >= EXAMPLES_WITHOUT_POINTS:
            break
    return chosen[:EXAMPLES_WITHOUT_POINTS]


def _campaigns_in(ctx: ReportContext, topic_ids: list[int]) -> str:
    """ " Includes 1 organised campaign (K1, 40 contributions)." for the campaigns placed in these topics, or ""."""
    campaigns = ctx.table("campaigns")
    if campaigns is None or "topic_id" not in campaigns:
        return ""
    mine = campaigns[campaigns["topic_id"].isin(topic_ids)].head(CAMPAIGNS_NAMED)
    if mine.empty:
        return ""
    items = [
        t("group_campaign_item", ctx.lang, count=int(c["contributions"]), id=str(c["campaign_id"]), n=ctx.n(int(c["contributions"])))
        for _, c in mine.iterrows()
    ]
    total = int(campaigns["topic_id"].isin(topic_ids).sum())
    listed = "; ".join(items) + (
        " " + t("and_more", ctx.lang, count=total - len(items), n=ctx.n(total - len(items))) if total > len(items) else ""
    )
    return " " + t("group_campaigns", ctx.lang, count=total, n=ctx.n(total), list=listed)
