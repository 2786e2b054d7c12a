"""Support and opposition: the balance of positions, the reasons of each side, positions by subject and by group; Pol.is votes.

Present only when some contribution states a position (the ``positions`` table exists), and the votes
section only when the input carried Pol.is votes (``topic_votes``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from consultnlp.i18n import t
from consultnlp.report.model import Block, Section
from consultnlp.report.sections.common import (
    ReportContext,
    chart,
    join_items,
    key_points_block,
    own_votes_left_out,
    quote_item,
    segment_label,
    subject_labels,
)
from consultnlp.summary.positions import dominant_side

REASONS_ORDER = ("oppose", "support", "partial")
POINTS_OVERALL = 3
GROUPS_WITH_REASONS = 3  # headline groups whose own reasons are shown, per position
POINTS_PER_GROUP = 2
QUOTES_SHOWN = 3
GROUPS_IN_TABLE = 10
FEW_FOR_SHARES = 20  # below this many stating a position, counts are given instead of shares
FEW_STATED = 0.5  # below this share stating a position, the report says the shares describe only those who did
MAX_FINDINGS = 5
TARGETS_PER_SIDE = 3  # targets named per side (support, oppose)
TARGET_MIN_CONTRIBUTIONS = 3  # distinct contributions a target needs to be named
# When more than this share of the stated positions name what they are about (a Pol.is statement "I support investments
# in renewable energy", a town hall's "I am against highway widening"), they are about different things: no shares.
MOSTLY_TARGETED = 0.5


def positions_section(ctx: ReportContext) -> Section | None:
    table = ctx.table("positions")
    if table is None:
        return None
    lang = ctx.lang
    rows = table.set_index("position")
    stated = stated_positions(rows)
    if stated < FEW_FOR_SHARES:
        return None  # nothing to say: the method section gives the count in one sentence (``few_positions_sentence``)
    sec = Section("positions", t("positions", lang), [Block("p", text=_intro(ctx, rows))])
    shown_sides = sides(ctx)
    targeted = on_targets(rows)
    mixed = not_added_up(stated, targeted)
    column = balance_shares(rows, targeted)  # the shares the sentence and the chart give
    counts = _side_counts(ctx, rows)
    if mixed:
        sec.blocks.append(Block("p", text=t("positions_balance_targets", lang, stated=ctx.n(stated), targeted=ctx.n(targeted), **counts)))
    else:
        shares = {p: ctx.pct(float(rows.loc[p, column])) for p in ("support", "partial", "oppose")}
        if column == "share_of_whole":
            text = t("positions_balance_whole", lang, whole=ctx.n(stated - targeted), targeted=ctx.n(targeted), **shares)
        else:
            key = "positions_balance_column" if from_closed_question(ctx) else "positions_balance"  # answers, not stances written
            text = t(key + ("_two" if len(shown_sides) == 2 else ""), lang, stated=ctx.n(stated), **shares)
        sec.blocks.append(Block("p", text=" ".join([text, *several_prompts(ctx)])))
    total = int(rows["unique_contributions"].sum())
    if total and stated / total < FEW_STATED and not mixed:
        sec.blocks.append(Block("p", text=t("positions_few_stated", lang, share=ctx.pct(stated / total))))
    sec.blocks.append(
        Block(
            "table",
            headers=[t("position_heading", lang), t("unique_contributions", lang), t("share", lang)],
            numeric=[False, True, True],
            rows=[
                [str(r["name"]), ctx.n(int(r["unique_contributions"])), ctx.pct(float(r["share"]), 1)]
                for _, r in table.iterrows()
                if r["position"] != "partial" or "partial" in shown_sides
            ],
        )
    )
    if not mixed:
        sec.blocks.append(
            chart(
                [str(rows.loc[p, "name"]) for p in shown_sides],
                [float(rows.loc[p, column]) for p in shown_sides],
                t("positions", lang),
                lang,
            )
        )
    targets = _targets(ctx)
    if targets is not None:
        sec.blocks += targets
    for position in REASONS_ORDER:
        sub = _reasons(ctx, position, int(rows.loc[position, "analysed"]))
        if sub is not None:
            sec.subsections.append(sub)
    by_group = _by_group(ctx)
    if by_group is not None:
        sec.subsections.append(by_group)
    findings = _findings(ctx)
    if findings is not None:
        sec.subsections.append(findings)
    return sec


def stated_positions(rows: pd.DataFrame) -> int:
    """Distinct contributions that state a position (``rows``: the positions table by position)."""
    return int(rows.loc[["support", "partial", "oppose"], "unique_contributions"].sum())


def _side_counts(ctx: ReportContext, rows: pd.DataFrame) -> dict[str, str]:
    """Distinct contributions per side, as the report writes numbers (``rows``: the positions table by position)."""
    return {p: ctx.n(int(rows.loc[p, "unique_contributions"])) for p in ("support", "partial", "oppose")}


def few_positions_sentence(ctx: ReportContext) -> str:
    """The method section's one sentence when fewer than ``FEW_FOR_SHARES`` contributions state a position and the report
    has no positions section ("" otherwise): how many, on which side, and why no section."""
    table = ctx.table("positions")
    if table is None:
        none_stated = bool((ctx.facts.get("positions") or {}).get("none_stated"))
        return t("positions_none", ctx.lang, total=ctx.n(ctx.unique_total())) if none_stated else ""
    rows = table.set_index("position")
    stated = stated_positions(rows)
    if not 0 < stated < FEW_FOR_SHARES:
        return ""
    total = int(rows["unique_contributions"].sum())
    counts = _side_counts(ctx, rows)
    return t("positions_too_few", ctx.lang, stated=ctx.n(stated), total=ctx.n(total), minimum=ctx.n(FEW_FOR_SHARES), **counts)


def from_closed_question(ctx: ReportContext) -> bool:
    """Whether every position is a closed question's answer (said as answers, not as stances the texts state)."""
    return set(((ctx.facts.get("positions") or {}).get("sources") or {}).keys()) == {"column"}


def several_prompts(ctx: ReportContext) -> list[str]:
    """The sentence saying that the balance adds up answers to different questions, where the analysed rows answer two
    or more prompts (``facts["prompts"]``); none otherwise."""
    prompts = int(ctx.facts.get("prompts", 0) or 0)
    return [t("positions_several_prompts", ctx.lang, prompts=ctx.n(prompts))] if prompts >= 2 else []


def two_answers(ctx: ReportContext) -> bool:
    """Whether the positions are a closed question's answers, none of which is read as agreeing in part (Agree / Disagree):
    the report then shows no "in part" it never offered (claim check 62: "0% agree in part" for ArgKP's two sides)."""
    answers = (ctx.facts.get("positions") or {}).get("answers") or {}
    return from_closed_question(ctx) and bool(answers) and not answers.get("partial")


def sides(ctx: ReportContext) -> tuple[str, ...]:
    """The positions the report shows: support, partial and oppose, or support and oppose (``two_answers``)."""
    return ("support", "oppose") if two_answers(ctx) else ("support", "partial", "oppose")


def balance_shares(rows: pd.DataFrame, targeted: int) -> str:
    """The column of the positions table the balance's shares come from: of the positions on the proposal as a whole
    when some name a measure or matter, else of all stated positions (a table written before the column existed)."""
    return "share_of_whole" if targeted and "share_of_whole" in rows else "share_of_stated"


def not_added_up(stated: int, targeted: int) -> bool:
    """Whether the stated positions are given as counts only: most of them name a measure or matter, or too few are
    left about the proposal as a whole for shares."""
    return targeted > MOSTLY_TARGETED * stated or (targeted > 0 and stated - targeted < FEW_FOR_SHARES)


def on_targets(rows: pd.DataFrame) -> int:
    """Distinct contributions whose stated position is about a named measure or matter, not the proposal as a whole
    (``rows``: the positions table by position; 0 for a table written before the column existed)."""
    if "on_a_target" not in rows:
        return 0
    return int(rows.loc[["support", "partial", "oppose"], "on_a_target"].sum())


def _targets(ctx: ReportContext) -> list[Block] | None:
    """One sentence per most opposed and most supported target: "12 contributions oppose «the toll» (subject Transport)"."""
    table = ctx.table("position_targets")
    if table is None or table.empty:
        return None
    lang, items = ctx.lang, []
    for position in ("oppose", "support"):
        mine = table[(table["position"] == position) & (table["contributions"] >= TARGET_MIN_CONTRIBUTIONS)]
        for _, r in mine.sort_values(["contributions", "target"], ascending=[False, True], kind="stable").head(TARGETS_PER_SIDE).iterrows():
            label = "" if pd.isna(r["group_label"]) else str(r["group_label"])
            group = t("target_in_group", lang, group=label) if label else ""
            n = int(r["contributions"])
            items.append(t(f"s_target_{position}", lang, count=n, n=ctx.n(n), target=str(r["target"]), group=group))
    if not items:
        return None
    return [Block("p", text=t("positions_targets_intro", lang)), Block("list", items=items)]


def _intro(ctx: ReportContext, rows: pd.DataFrame) -> str:
    facts: dict[str, Any] = ctx.facts.get("positions") or {}
    sources = facts.get("sources") or {}
    lang = ctx.lang
    if sources.get("column"):
        intro = t("positions_intro_column", lang, column=facts.get("column", "")) + answers_read(ctx, facts.get("answers") or {})
    elif sources.get("model"):
        intro = t("positions_intro_model", lang)
    else:
        intro = t("positions_intro_text", lang)
    total, set_aside = int(rows["unique_contributions"].sum()), int(rows["set_aside"].sum())
    stating = int(rows.loc[rows.index != "none", "set_aside"].sum())
    numbers = {"total": ctx.n(total), "analysed": ctx.n(total - set_aside), "set_aside": ctx.n(set_aside), "stating": ctx.n(stating)}
    if not set_aside:
        counted = t("positions_counted_plain", lang, total=ctx.n(total))
    else:
        counted = t("positions_counted" if stating == set_aside else "positions_counted_some", lang, **numbers)
    return f"{intro} {counted}"


ANSWERS_NAMED = 3  # a position's answers named in the reading, the most frequent first ("De acuerdo", "Muy de acuerdo")


def answers_read(ctx: ReportContext, answers: dict[str, list[str]]) -> str:
    """ " «A» se lee como a favor, «P» como de acuerdo en parte y «D» como en contra; …": how the closed question's
    answers were read, and how to read them otherwise. Nothing for a run saved before the facts held it."""
    readings = [
        (
            join_items([ctx.q(a) for a in answers[p][:ANSWERS_NAMED]], ctx.lang) + ("…" if len(answers[p]) > ANSWERS_NAMED else ""),
            t(f"position_{p}", ctx.lang).lower(),
            len(answers[p]),
        )
        for p in ("support", "partial", "oppose")
        if answers.get(p)
    ]
    if not readings:
        return ""
    (said, position, many), *rest = readings
    parts = [t("answers_read_first_many" if many > 1 else "answers_read_first", ctx.lang, answers=said, position=position)]
    parts += [t("answers_read_more", ctx.lang, answers=a, position=p) for a, p, _ in rest]
    return " " + t("answers_read", ctx.lang, readings=join_items(parts, ctx.lang))


def _reasons(ctx: ReportContext, position: str, analysed: int) -> Section | None:
    """The reasons of one side: its key points over all contributions, quotes, then its key points within the largest subjects."""
    if analysed == 0:
        return None
    lang = ctx.lang
    answers = ((ctx.facts.get("positions") or {}).get("answers") or {}).get(position) or []
    heading = t(f"reasons_{position}", lang)
    if from_closed_question(ctx) and answers:
        said = join_items([ctx.q(a) for a in answers[:ANSWERS_NAMED]], lang, last="or") + ("…" if len(answers) > ANSWERS_NAMED else "")
        heading = t("reasons_answered", lang, answers=said, position=t(f"position_{position}", lang).lower())
    sub = Section(
        f"reasons-{position}",
        heading,
        [Block("p", text=t("reasons_counts", lang, count=analysed, n=ctx.n(analysed)))],
    )
    points = key_points_block(ctx, position, "all", POINTS_OVERALL)
    positions = ctx.table("positions")
    everyone = int(positions["analysed"].sum()) if positions is not None and "analysed" in positions else 0
    if points is not None:
        sub.blocks.append(points)
    elif dominant_side(analysed, everyone):  # its reasons were not looked for apart: they are the subjects' key points
        sub.blocks.append(Block("p", text=t("reasons_dominant", lang, share=ctx.pct(analysed / everyone))))
    elif position == "partial":
        return None
    else:
        sub.blocks.append(Block("p", text=t("reasons_no_points", lang)))
    quotes = ctx.table("quotes")
    if quotes is not None:
        mine = quotes[(quotes["scope"] == position) & (quotes["group_id"].astype(str) == "all")].sort_values("rank").head(QUOTES_SHOWN)
        if len(mine):
            sub.blocks.append(Block("quotes", quotes=[quote_item(ctx, q) for _, q in mine.iterrows()]))
    table = ctx.table("key_points")
    if table is not None:
        mine = table[(table["scope"] == position) & (table["group_id"].astype(str) != "all")]
        sizes = mine.groupby("group_id")["unique_contributions"].sum().sort_values(ascending=False, kind="stable")
        for group_id in sizes.index[:GROUPS_WITH_REASONS]:
            block = key_points_block(ctx, position, group_id, POINTS_PER_GROUP)
            name = str(mine.loc[mine["group_id"] == group_id, "group_name"].iloc[0])
            if block is not None:
                sub.blocks.append(Block("p", text=t("reasons_in_group", lang, group=name) + ":"))
                sub.blocks.append(block)
    return sub


def _by_group(ctx: ReportContext) -> Section | None:
    table = ctx.table("topic_positions")
    if table is None:
        return None
    groups = table[(table["level"] == "group") & (table["id"] >= 0) & (table["stated"] > 0)]
    groups = groups.sort_values(["stated", "id"], ascending=[False, True], kind="stable").head(GROUPS_IN_TABLE)
    if groups.empty:
        return None
    lang = ctx.lang
    shown_sides = sides(ctx)
    headers = [t("group_heading", lang), t("stated_heading", lang)] + [t(f"position_{p}", lang) for p in shown_sides]
    shown = subject_labels(ctx)
    rows = [
        [shown.get(int(r["id"]), str(r["label"])), ctx.n(int(r["stated"]))] + [ctx.pct(float(r[f"share_{p}"])) for p in shown_sides]
        for _, r in groups.iterrows()
    ]
    return Section(
        "positions-groups",
        t("positions_by_group", lang),
        [Block("table", headers=headers, numeric=[False] + [True] * (len(headers) - 1), rows=rows)],
    )


def _findings(ctx: ReportContext) -> Section | None:
    """Differences between groups of participants, stated only when significant and material."""
    table = ctx.table("position_segment")
    if table is None:
        return None
    lang = ctx.lang
    chosen = table[table["material"].astype(bool)].copy()
    chosen["_points"] = chosen["share_in_segment"] - chosen["share_overall"]
    chosen = chosen.sort_values(["_points", "segment_column", "segment", "position"], ascending=[False, True, True, True], kind="stable")
    chosen = chosen.head(int(ctx.facts.get("max_findings", MAX_FINDINGS)))
    sec = Section("positions-findings", t("positions_findings", lang))
    if chosen.empty:
        sec.blocks.append(Block("p", text=t("positions_no_findings", lang)))
        return sec
    sec.blocks.append(
        Block(
            "list",
            items=[
                t(
                    "s_position_finding",
                    lang,
                    segment=segment_label(str(r["segment"]), lang),
                    column=str(r["segment_column"]),
                    share=ctx.pct(r["share_in_segment"]),
                    verb=t(f"position_verb_{r['position']}", lang),
                    overall=ctx.pct(r["share_overall"]),
                    n=ctx.n(int(r["unique_contributions"])),
                )
                for _, r in chosen.iterrows()
            ],
        )
    )
    return sec


def votes_section(ctx: ReportContext) -> Section | None:
    """Pol.is votes: the audience's agreement and division per subject (their own measure, not positions)."""
    table = ctx.table("topic_votes")
    if table is None:
        return None
    overall = table[table["level"] == "all"]
    if overall.empty or int(overall.iloc[0]["votes"]) == 0:
        return None
    lang = ctx.lang
    first = overall.iloc[0]
    sec = Section(
        "votes",
        t("votes", lang),
        [
            Block(
                "p",
                text=t(
                    # The vote matrix and the authors known: each author's own vote was left out (analysis._without_own_votes).
                    "votes_intro_own" if own_votes_left_out(ctx) else "votes_intro",
                    lang,
                    votes=ctx.n(int(first["votes"])),
                    comments=ctx.n(int(first["comments"])),
                    agreement=ctx.pct(float(first["agreement"])),
                ),
            )
        ],
    )
    unseen = int(ctx.facts.get("unseen_by_voters", 0) or 0)
    if unseen:
        k = int(ctx.facts.get("voted_by_others", int(first["comments"]) - unseen))
        sec.blocks[0].text += " " + t("votes_unseen", lang, count=unseen, n=ctx.n(unseen), k=ctx.n(k))
    voted = table[(table["level"] == "group") & (table["votes"] > 0)]
    groups = voted.head(GROUPS_IN_TABLE)
    shown = subject_labels(ctx)
    if len(groups):
        sec.blocks.append(
            Block(
                "table",
                headers=[
                    t("group_heading", lang),
                    t("comments_heading", lang),
                    t("votes_heading", lang),
                    t("agreement_heading", lang),
                    t("division_heading", lang),
                ],
                numeric=[False, True, True, True, True],
                rows=[
                    [
                        shown.get(int(r["id"]), str(r["label"])),
                        ctx.n(int(r["comments"])),
                        ctx.n(int(r["votes"])),
                        ctx.pct(float(r["agreement"])),
                        ctx.n(float(r["division"]), 2),
                    ]
                    for _, r in groups.iterrows()
                ],
            )
        )
        if len(voted) > len(groups):
            more = len(voted) - len(groups)
            sec.blocks.append(Block("p", text=t("votes_more", lang, count=more, n=ctx.n(more))))
    return sec
