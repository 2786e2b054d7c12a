"""Where people agree and where they divide: opinion groups from the votes (Pol.is), what sets each group apart,
the statements every group agrees on and those that split them. It leads the report of a conversation with votes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from consultnlp.i18n import t
from consultnlp.report.model import Block, Section
from consultnlp.report.sections.common import ReportContext, reworded
from consultnlp.summary.votes import OTHER_SEEDS
from consultnlp.votes.groups import MIN_GROUP

SHOWN = 5  # statements listed per part
FIRM_SPLIT = 0.9  # groups that other random starts reproduce less well than this are said to be a tendency

# One set of groups splits the other where this share more of those both place fall in one group of it than if all did.
NESTED_MARGIN = 0.05
PROFILE_SHOWN = 12  # profile questions listed with their answers, the most seen first (more: the list says how many)


def _group_shares(ctx: ReportContext, votes: pd.DataFrame, statement: str, column: str = "agree_share", bases: bool = False) -> str:
    """ "A 10%, B 85%"; with ``bases``, of how many in each group who saw it ("A 10% of 81, B 85% of 8": claim checks 49, 55
    and 57 found a group's share resting on 5 to 10 people, and the report gave no base)."""
    rows = votes[(votes["statement"] == statement) & (votes["group"] != "all")]
    if not bases or "seen" not in rows:
        return ", ".join(f"{g} {ctx.pct(v)}" for g, v in zip(rows["group"], rows[column]))
    return ", ".join(
        f"{g} " + t("share_of_seen", ctx.lang, share=ctx.pct(v), n=ctx.n(int(n)))
        for g, v, n in zip(rows["group"], rows[column], rows["seen"])
    )


def _shares(ctx: ReportContext, votes: pd.DataFrame, statement: str, flag: str) -> str:
    """Every group's agree share; for a divisive statement its disagree shares too, which make it one (the seattle claim
    check: "agree: A 18%, B 94%" did not show the 60% of A that disagrees)."""
    text = t("divides_shares", ctx.lang, shares=_group_shares(ctx, votes, statement, bases=True))
    if flag != "divisive" or "disagree_share" not in votes:
        return text
    return text + "; " + t("divides_disagree_shares", ctx.lang, shares=_group_shares(ctx, votes, statement, "disagree_share"))


def _distinct(statements: pd.DataFrame) -> pd.DataFrame:
    """``statements`` (in order) with one row per text: a statement posted twice in the same words (freshwater's 38 and
    40, "3 statements divide the groups" for two issues) is listed and counted once, the first, with the others' ids in
    ``also``."""
    if statements.empty:
        return statements.assign(also="")
    # Compared without case, spacing, end marks and an organiser's numbering ("13. Industrial water users…", "24. …").
    key = statements["text"].astype(str).str.casefold().str.split().str.join(" ").str.replace(r"^\d+[.)]\s*", "", regex=True)
    key = key.str.strip(" .!?¡¿")
    ids = statements["statement"].astype(str)
    also = {k: ", ".join(ids[key == k].iloc[1:]) for k in key[key.duplicated()].unique()}
    return statements[~key.duplicated()].assign(also=key[~key.duplicated()].map(also).fillna("").to_numpy())


def _statement(ctx: ReportContext, row: pd.Series) -> str:
    also = f", {t('also_posted', ctx.lang, ids=row['also'])}" if str(row.get("also") or "") else ""
    if bool(row.get("by_organiser", False)):
        return f"{ctx.q(str(row['text']))} ({row['statement']}, {t('by_organiser', ctx.lang)}{also})"
    return f"{ctx.q(str(row['text']))} ({row['statement']}{reworded(ctx, row)}{also})"


def _most_agreed(statements: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The three statements most agreed with among those at least the median number of participants saw (and 5), and
    that number: a statement 6 people saw is no "most agreed"."""
    floor = int(np.ceil(max(5, statements["seen"].median()))) if len(statements) else 5
    enough = statements[statements["seen"] >= floor]
    return _distinct(enough.sort_values(["agree_share", "seen"], ascending=False)).head(3), floor


# Without opinion groups, a statement divides the participants when its smaller side, agree or disagree, holds at least this
# share of those two (claim check 59, london.youth.policing: «… into cadets» had 6 agree and 9 disagree, and the report
# named no division at all).
DISPUTED_SHARE = 1 / 3


def _most_disputed(statements: pd.DataFrame, floor: int) -> pd.DataFrame:
    """The three statements whose agree and disagree votes come closest to even, among those at least ``floor``
    participants saw and whose smaller side holds ``DISPUTED_SHARE`` of the two (most even first, then most seen)."""
    enough = statements[statements["seen"] >= floor]
    cast = (enough["agree"] + enough["disagree"]).astype(float)
    smaller = np.minimum(enough["agree"], enough["disagree"]).astype(float)
    evenness = (smaller / cast.where(cast > 0)).fillna(0.0)
    disputed = enough.assign(_even=evenness)[evenness >= DISPUTED_SHARE]
    return _distinct(disputed.sort_values(["_even", "seen"], ascending=False, kind="stable").drop(columns="_even")).head(3)


def _eligible(ctx: ReportContext, statements: pd.DataFrame, floor: int) -> dict[str, str]:
    """How many of ``statements`` at least ``floor`` participants saw, of how many."""
    return {"eligible": ctx.n(int((statements["seen"] >= floor).sum())), "total": ctx.n(len(statements))}


def _agreed_section(ctx: ReportContext, section_id: str, title: str, top: pd.DataFrame) -> Section:
    items = [
        f"{_statement(ctx, r)}: "
        + t("divides_overall", ctx.lang, agree=ctx.n(int(r["agree"])), disagree=ctx.n(int(r["disagree"])), seen=ctx.n(int(r["seen"])))
        for _, r in top.iterrows()
    ]
    return Section(section_id, title, [Block("list", items=items)])


def _method(ctx: ReportContext, groups: pd.DataFrame) -> str:
    """How the groups were formed, and how many the export's own assignment has (Pol.is may choose another k)."""
    text = t("divides_method", ctx.lang, silhouette=ctx.n(float(groups["silhouette"].iloc[0]), 2))
    firm = groups["seed_agreement"].iloc[0] if "seed_agreement" in groups else None
    if firm is not None and not pd.isna(firm) and float(firm) < FIRM_SPLIT:
        text += " " + t("divides_seeds", ctx.lang, others=ctx.n(OTHER_SEEDS), agreement=ctx.n(float(firm), 2))
    theirs = groups["platform_groups"].iloc[0] if "platform_groups" in groups else None
    if theirs is None or pd.isna(theirs):
        return text
    placed = int(groups["platform_placed"].iloc[0])
    key = "divides_platform_same" if int(theirs) == len(groups) else "divides_platform_other"
    text += " " + t(key, ctx.lang, k=ctx.n(int(theirs)), placed=ctx.n(placed), ours=ctx.n(len(groups)))
    if "platform_both" in groups and not pd.isna(groups["platform_both"].iloc[0]) and int(groups["platform_both"].iloc[0]):
        # The same number of groups is no proof of the same groups (read 7: a city/rural split against a sceptical minority).
        both, matched = int(groups["platform_both"].iloc[0]), int(groups["platform_matched"].iloc[0])
        text += " " + t("divides_platform_agree", ctx.lang, matched=ctx.n(matched), both=ctx.n(both), share=ctx.pct(matched / both))
        largest = groups["platform_largest"].iloc[0] if "platform_largest" in groups else None
        baseline = int(largest) if largest is not None and not pd.isna(largest) else None
        if baseline is not None:
            text += " " + t("divides_platform_chance", ctx.lang, n=ctx.n(baseline), share=ctx.pct(baseline / both))
            if matched <= baseline:
                text += " " + t("divides_platform_unlike", ctx.lang)
        nested = groups["platform_nested"].iloc[0] if "platform_nested" in groups else None
        # One assignment splits the other only where more fall in one group of the other than all in its largest would
        # (claim check 94, football: "This report's 3 groups split Pol.is's 2: 383 (76%)" against 382 for everyone in one).
        if (
            int(theirs) != len(groups)
            and nested is not None
            and not pd.isna(nested)
            and (baseline is None or int(nested) > baseline + NESTED_MARGIN * both)
        ):
            ours_finer = len(groups) > int(theirs)
            key = "divides_platform_nested_ours" if ours_finer else "divides_platform_nested_theirs"
            finer, coarser = (len(groups), int(theirs)) if ours_finer else (int(theirs), len(groups))
            text += " " + t(
                key, ctx.lang, finer=ctx.n(finer), coarser=ctx.n(coarser), nested=ctx.n(int(nested)), share=ctx.pct(int(nested) / both)
            )
    return text


def _intro(ctx: ReportContext, groups: pd.DataFrame | None, every: pd.DataFrame) -> str:
    if "counted" in every:  # no vote matrix: the export's counters (``summary.votes.counter_votes``)
        return t("divides_intro_counters", ctx.lang, votes=ctx.n(int(every["seen"].sum())), statements=ctx.n(len(every)))
    # Every vote cast, each author's on their own statement included (the counts per statement leave those out).
    cast = int(every["seen"].sum()) + (int(every["author_voted"].astype(bool).sum()) if "author_voted" in every else 0)
    numbers = {"votes": ctx.n(cast), "statements": ctx.n(len(every))}
    if groups is None or groups.empty:
        # Read 8 (London): four groups, two of 3 participants that no statement could set apart or unite.
        voters = int(every["voters"].iloc[0]) if "voters" in every and len(every) else 0
        return t("divides_intro_no_groups", ctx.lang, voters=ctx.n(voters), min_group=ctx.n(MIN_GROUP), **numbers)
    placed = int(groups["participants"].sum())
    voters = int(groups["voters"].iloc[0]) if "voters" in groups else placed
    return t("divides_intro", ctx.lang, voters=ctx.n(voters), k=ctx.n(len(groups)), placed=ctx.n(placed), **numbers)


def _group_parts(ctx: ReportContext, groups: pd.DataFrame, votes: pd.DataFrame, overall: pd.DataFrame) -> list[Section]:
    """What sets each group apart, what every group agrees on and what divides them."""
    lang = ctx.lang
    apart = ctx.table("group_statements")
    items = []
    for _, g in groups.iterrows():
        head = t("divides_group", lang, group=g["group"], n=ctx.n(int(g["participants"])), share=ctx.pct(float(g["share"])))
        mine = _distinct(apart[apart["group"] == g["group"]]).head(3) if apart is not None else pd.DataFrame()
        said = [
            t(
                f"divides_{r['direction']}s",
                lang,
                text=_statement(ctx, r),
                inside=ctx.pct(float(r["share_in_group"])),
                outside=ctx.pct(float(r["share_outside"])),
            )
            for _, r in mine.iterrows()
        ]
        items.append(head + (": " + "; ".join(said) if said else "") + ".")
    parts = [Section("divides-groups", t("divides_sets_apart", lang), [Block("list", items=items)])]

    # Consensus and division, the most voted first; each statement with every group's agree share.
    for flag, key in (("consensus", "divides_consensus"), ("divisive", "divides_divisive")):
        chosen = overall[overall[flag].astype(bool)]
        if flag == "divisive":
            # The groups' agree shares with one pseudo-vote each way (as Pol.is reads them): a 5-to-0 split of five
            # voters each does not outrank 170 of 200 against 20 of 200.
            by_group = votes[votes["group"] != "all"]
            smoothed = (by_group["agree"].astype(float) + 1.0) / (by_group["seen"].astype(float) + 2.0)
            spread = smoothed.groupby(by_group["statement"]).agg(lambda s: s.max() - s.min())
            chosen = chosen.assign(_order=-spread.reindex(chosen.index).fillna(0).to_numpy()).sort_values(
                ["_order", "seen"], ascending=[True, False]
            )
        else:
            chosen = chosen.sort_values(["seen", "agree_share"], ascending=False)
        chosen = _distinct(chosen)
        if chosen.empty:
            blocks = [Block("p", text=t(f"{key}_none", lang))]
        else:
            blocks = [
                Block("p", text=t(f"{key}_intro", lang, count=len(chosen), n=ctx.n(len(chosen)), shown=ctx.n(min(SHOWN, len(chosen))))),
                Block(
                    "list",
                    items=[f"{_statement(ctx, r)}: {_shares(ctx, votes, r['statement'], flag)}" for _, r in chosen.head(SHOWN).iterrows()],
                ),
            ]
        parts.append(Section(f"divides-{flag}", t(key, lang), blocks))
    return parts


def divides_section(ctx: ReportContext) -> Section | None:
    groups, votes = ctx.table("opinion_groups"), ctx.table("statement_votes")
    if votes is None:
        return None
    lang = ctx.lang
    every = votes[votes["group"] == "all"].set_index("statement", drop=False)
    profile = every[every["profile"].astype(bool)] if "profile" in every else every.iloc[:0]
    overall = every.drop(profile.index)
    sec = Section("divides", t("divides", lang), [Block("p", text=_intro(ctx, groups, every))])
    if len(profile):
        example = ctx.q(str(profile.sort_values("seen", ascending=False, kind="stable")["text"].iloc[0]))
        sec.blocks.append(Block("p", text=t("divides_profile", lang, count=len(profile), n=ctx.n(len(profile)), example=example)))
        # Their answers say who took part (brexit: 155 of 166 agree «I voted to Remain»), which a reader needs before the
        # agreement below: the most seen first.
        asked = _distinct(profile.reset_index(drop=True).sort_values(["seen", "statement"], ascending=[False, True], kind="stable")).head(
            PROFILE_SHOWN
        )
        items = [
            f"{ctx.q(str(r['text']))}: "
            + t("divides_overall", lang, agree=ctx.n(int(r["agree"])), disagree=ctx.n(int(r["disagree"])), seen=ctx.n(int(r["seen"])))
            for _, r in asked.iterrows()
        ]
        if len(profile) > len(asked):  # claim check 52: "asked 7 questions" over a list of 6
            items.append(t("divides_profile_more", lang, count=len(profile) - len(asked), n=ctx.n(len(profile) - len(asked))))
        sec.blocks.append(Block("list", items=items))
    has_groups = groups is not None and not groups.empty
    if has_groups:
        sec.subsections += _group_parts(ctx, groups, votes, overall)

    # The statements most agreed with overall (among those most participants saw), whatever the groups.
    top, overall_floor = _most_agreed(overall)
    counted = "_counted" if "counted" in overall else ""  # votes counted by the export, not participants who saw it
    if not top.empty:
        title = t(f"divides_most_agreed{counted}", lang, seen=ctx.n(overall_floor), **_eligible(ctx, overall, overall_floor))
        sec.subsections.append(_agreed_section(ctx, "divides-agreed", title, top))
    by_organiser = overall["by_organiser"].astype(bool) if "by_organiser" in overall else pd.Series(False, index=overall.index)
    if not top.empty and top["statement"].isin(overall.loc[by_organiser, "statement"]).all():
        # All of them the organiser's (seeded first, so seen by most): then the participants' own, among those most
        # of their statements' voters saw (the seattle claim check: 45, 72% of 75 votes, appeared nowhere).
        mine, floor = _most_agreed(overall[~by_organiser])
        if not mine.empty:
            key = f"divides_most_agreed_participants{counted}"
            title = t(key, lang, seen=ctx.n(floor), **_eligible(ctx, overall[~by_organiser], floor))
            sec.subsections.append(_agreed_section(ctx, "divides-agreed-participants", title, mine))
    if not has_groups and len(overall):
        # With groups, what divides is told group by group above; without, the statements that split the voters.
        disputed = _most_disputed(overall, overall_floor)
        if not disputed.empty:
            title = t(f"divides_most_disputed{counted}", lang, seen=ctx.n(overall_floor), **_eligible(ctx, overall, overall_floor))
            sec.subsections.append(_agreed_section(ctx, "divides-disputed", title, disputed))
    if has_groups:
        sec.subsections.append(Section("divides-method", t("divides_how", lang), [Block("p", text=_method(ctx, groups))]))
    return sec


def votes_headline(ctx: ReportContext) -> list[str]:
    """The votes' two findings for the summary: what most sets the largest opinion group apart, and the most voted
    statement every group agrees on. Claim check 76 (canadian electoral reform): the report never said that 92% of the
    participants placed agree the electoral system should change; it was in the group list only."""
    groups, votes, apart = ctx.table("opinion_groups"), ctx.table("statement_votes"), ctx.table("group_statements")
    if groups is None or groups.empty or votes is None:
        return []
    lang, out = ctx.lang, []
    placed = int(groups["participants"].sum())
    largest = groups.sort_values(["participants", "group"], ascending=[False, True], kind="stable").iloc[0]
    mine = _distinct(apart[apart["group"] == largest["group"]]).head(1) if apart is not None else pd.DataFrame()
    if len(mine):
        row = mine.iloc[0]
        out.append(
            t(
                f"s_votes_largest_{row['direction']}",
                lang,
                n=ctx.n(int(largest["participants"])),
                placed=ctx.n(placed),
                share=ctx.pct(int(largest["participants"]) / placed),
                text=_statement(ctx, row),
                inside=ctx.pct(float(row["share_in_group"])),
                outside=ctx.pct(float(row["share_outside"])),
            )
        )
    every = votes[votes["group"] == "all"]
    if "profile" in every:
        every = every[~every["profile"].astype(bool)]
    agreed = _distinct(every[every["consensus"].astype(bool)].sort_values(["seen", "agree_share"], ascending=False, kind="stable"))
    if len(agreed):
        out.append(t("s_votes_consensus", lang, count=len(agreed), n=ctx.n(len(agreed)), text=_statement(ctx, agreed.iloc[0])))
    return out
