"""The summary: key figures and plain-language sentences built only from numbers in the summary tables."""

from __future__ import annotations

from typing import Any

import pandas as pd

from consultnlp import schema
from consultnlp.i18n import STRINGS, language_name, reason_name, t
from consultnlp.i18n.accounting import OTHER_LANGUAGE_NAMES
from consultnlp.report.model import Block, Section
from consultnlp.report.sections.common import (
    ReportContext,
    consultation_words,
    join_items,
    loose_key,
    loose_name,
    loose_name_fields,
    mixed_subject_label,
    name_quoted,
    name_speaks_for,
    naming_words,
    ranked_subjects,
)
from consultnlp.report.sections.divides import votes_headline
from consultnlp.report.sections.findings import finding_sentences, material_findings
from consultnlp.report.sections.positions import (
    FEW_FOR_SHARES,
    answers_read,
    balance_shares,
    from_closed_question,
    not_added_up,
    on_targets,
    several_prompts,
    two_answers,
)
from consultnlp.report.sections.themes import MIN_THEME_SHOWN, theme_rows

LANGUAGE_MIN_SHARE = 0.01  # languages below this share of the analysed contributions are not named in the summary
MAIN_SUBJECT_SHARE = 0.01  # a subject with a smaller share of the distinct contributions is no main subject in the figures
LED_BY_SHARE = 1 / 3  # a theme's largest sub-theme is named beside it from this share of the theme's contributions
UNFIT_TAXONOMY_SHARE = 0.4  # past this share of distinct contributions with no theme, the report says the taxonomy may not fit
FINDINGS_IN_SUMMARY = 3  # the strongest; the section on differences states up to summarise.max_findings
TOP_THEMES_WITH_TIES = 5  # the summary names the three most frequent themes, and those as frequent as the third, up to this


def summary_section(ctx: ReportContext) -> Section:
    """Key figures, then the sentences that account for them (every reason a contribution was set aside, and the copies), then findings."""
    lang = ctx.lang
    acc = ctx.facts["accounting"]
    received, analysed = int(acc["input"]), int(acc["analysed"])
    excluded, distinct = received - analysed, ctx.unique_total()
    figures = [
        {"value": ctx.n(received), "label": t("fig_received", lang, count=received)},
        {"value": ctx.n(analysed), "label": t("fig_analysed", lang, count=analysed, share=share_of(ctx, analysed, received))},
        {"value": ctx.n(excluded), "label": t("fig_excluded", lang, count=excluded, share=share_of(ctx, excluded, received))},
        {"value": ctx.n(distinct), "label": t("fig_distinct", lang, count=distinct, share=share_of(ctx, distinct, analysed))},
    ]
    groups = ctx.table("topic_groups")
    if groups is not None:
        # Main subjects: those holding 1% of the distinct contributions or more (Chile 2016 counted «Grupo consensuamos las
        # temas», 28 of 181,836, among its "21 main subjects": claim check 50); every subject is still listed below.
        real = groups[groups["topic_group_id"] >= 0]
        shares = (
            pd.to_numeric(real["share_unique"], errors="coerce").fillna(1.0) if "share_unique" in real else pd.Series(1.0, index=real.index)
        )
        n_groups = int((shares >= MAIN_SUBJECT_SHARE).sum())
        # Said as such where some subjects are smaller (claim check 61, NHS: "16 main subjects" above "Of the 18 subjects
        # found" read as a contradiction).
        key = "fig_groups" if n_groups == len(real) else "fig_groups_main"
        figures.append({"value": ctx.n(n_groups), "label": t(key, lang, count=n_groups)})
    themes = ctx.table("themes")
    if themes is not None:
        # Themes given to enough contributions to say they were raised (a theme that only heads sub-themes given is no more
        # one mentioned; one of one or two contributions is not said to be raised: the themes section names them apart).
        n_themes = int(((themes["theme_id"] != schema.OTHER_THEME) & (themes["unique_contributions"] >= MIN_THEME_SHOWN)).sum())
        figures.append({"value": ctx.n(n_themes), "label": t("fig_themes", lang, count=n_themes)})
    blocks = [Block("figures", figures=figures)]
    blocks += accounting_blocks(ctx)
    blocks += [Block("p", text=sentence) for sentence in summary_sentences(ctx)]
    return Section("summary", t("summary", lang), blocks)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def share_of(ctx: ReportContext, part: int, whole: int) -> str:
    """``part`` of ``whole`` as a percentage that never reads 100% or 0% unless it is (606 of 607 is 99.8%, not 100%)."""
    if not whole:
        return ctx.pct(0.0)
    ratio = _ratio(part, whole)
    digits = 1 if 0 < abs(ratio) < 0.1 else 0  # as ``i18n.percent`` chooses
    # Compared as written: the formatter rounds half to even, Python's round() does not see the same digits.
    while part not in (0, whole) and digits < 4 and ctx.pct(ratio, digits) in (ctx.pct(0.0, digits), ctx.pct(1.0, digits)):
        digits += 1
    return ctx.pct(ratio, digits)


def reason_counts(accounting: dict[str, Any]) -> list[tuple[str, int]]:
    """``(reason, rows)`` of every reason that set rows aside: most rows first, ties in ``schema.EXCLUSION_REASONS`` order."""
    order = {reason: i for i, reason in enumerate(schema.EXCLUSION_REASONS)}
    counts = [(str(reason), int(n)) for reason, n in (accounting.get("excluded") or {}).items() if int(n) > 0]
    return sorted(counts, key=lambda rn: (-rn[1], order.get(rn[0], len(order)), rn[0]))


def _main_other_language(ctx: ReportContext, rows: int) -> str:
    """ " Most of them (470) are in German." where one language the tool does not analyse holds most of the ``rows`` set
    aside for their language ("" otherwise, or for a run from before stop 43)."""
    counts = ctx.facts.get("other_languages") or {}
    if not counts:
        return ""
    code, k = max(counts.items(), key=lambda kv: (int(kv[1]), kv[0]))
    name = OTHER_LANGUAGE_NAMES.get(str(code), {}).get(ctx.lang)
    if not name or int(k) * 2 <= rows:
        return ""
    return " " + t("why_language_mostly", ctx.lang, k=ctx.n(int(k)), language=name)


def reason_sentence(ctx: ReportContext, reason: str, rows: int) -> str:
    """One sentence that says why ``rows`` contributions were set aside for ``reason``, with their number."""
    lang, n = ctx.lang, ctx.n(rows)
    if reason == schema.REASON_FILTERED:
        where = str(ctx.facts.get("row_filter") or "").strip()
        return t("why_filtered", lang, count=rows, n=n, where=ctx.q(where)) if where else t("why_filtered_plain", lang, count=rows, n=n)
    if f"why_{reason}" not in STRINGS:
        return t("why_other", lang, count=rows, n=n, reason=reason_name(reason, lang))
    sentence = t(f"why_{reason}", lang, count=rows, n=n)
    if reason == schema.REASON_LANGUAGE:
        sentence += _main_other_language(ctx, rows)
    if reason == schema.REASON_MODERATED:
        sentence += _moderated_detail(ctx, rows)
    # What they say, in the consultation's own words: its most frequent short texts of this reason (summary.reasons).
    seen = (ctx.facts.get("reason_examples") or {}).get(reason) or []
    if seen:
        same = (ctx.facts.get("reason_example_columns") or {}).get(reason) or {}
        examples = join_items([f"{ctx.q(str(text))} ({ctx.n(int(k))}{_same_as_column(ctx, same.get(text))})" for text, k in seen], lang)
        sentence += " " + t("why_examples", lang, examples=examples)
    return sentence


def _same_as_column(ctx: ReportContext, found: list | None) -> str:
    """ "; the value of «acuerdo» in its row in 708" for an example most of whose rows repeat another column's value."""
    if not found:
        return ""
    return "; " + t("same_as_column", ctx.lang, column=ctx.q(str(found[0])), n=ctx.n(int(found[1])))


def _moderated_detail(ctx: ReportContext, rows: int) -> str:
    """What the moderators' ``rows`` are of what participants wrote, where the organiser's rows are counted apart (not
    its seeds, nor its rewordings of rejected statements, counted with their participants), and how many the organiser
    posted again, reworded, that stand (claim check 73); "" where neither applies."""
    lang = ctx.lang
    official = int((ctx.facts["accounting"].get("excluded") or {}).get(schema.REASON_OFFICIAL, 0) or 0)
    reworded = int(ctx.facts.get("reworded", 0) or 0)
    # The organiser's rewordings the moderators rejected too are its rows, not participants' (claim check 76).
    theirs = int(ctx.facts.get("organiser_rejected", 0) or 0)
    said = ""
    if official:
        written = int(ctx.facts["accounting"]["input"]) - official - reworded - theirs
        share, m = share_of(ctx, rows - theirs, written), ctx.n(written)
        if theirs:
            said += " " + t("why_moderated_share_theirs", lang, count=theirs, k=ctx.n(rows - theirs), o=ctx.n(theirs), share=share, m=m)
        else:
            said += " " + t("why_moderated_share", lang, share=share, m=m)
    if reworded:
        said += " " + t("why_moderated_reworded", lang, count=reworded, n=ctx.n(reworded))
    unseen = int(ctx.facts.get("unseen_by_voters", 0) or 0)
    if unseen:
        analysed = int(ctx.facts["accounting"]["analysed"])
        said += " " + t("why_moderated_unseen", lang, count=unseen, n=ctx.n(unseen), m=ctx.n(analysed))
    return said


def accounting_blocks(ctx: ReportContext) -> list[Block]:
    """Received = analysed + set aside, one sentence per reason; analysed = distinct + copies of a text already counted."""
    lang, acc = ctx.lang, ctx.facts["accounting"]
    received, analysed = int(acc["input"]), int(acc["analysed"])
    reasons = reason_counts(acc)
    excluded = sum(rows for _, rows in reasons)
    blocks: list[Block] = []
    if excluded:
        blocks.append(
            Block(
                "p",
                text=t(
                    "s_accounting",
                    lang,
                    count=excluded,
                    input=ctx.n(received),
                    analysed=t("s_accounting_analysed", lang, count=analysed, n=ctx.n(analysed)),
                    excluded=ctx.n(excluded),
                ),
            )
        )
        blocks.append(Block("list", items=[reason_sentence(ctx, reason, rows) for reason, rows in reasons]))
    else:
        blocks.append(Block("p", text=t("s_accounting_all", lang, count=received, input=ctx.n(received))))
    distinct = ctx.unique_total()
    copies = analysed - distinct
    if analysed:
        blocks.append(
            Block(
                "p",
                text=t(
                    "s_duplicates_prompt" if int(ctx.facts.get("prompts", 0) or 0) >= 2 else "s_duplicates",
                    lang,
                    count=copies,
                    n=ctx.n(copies),
                    analysed=ctx.n(analysed),
                    unique=ctx.n(distinct),
                    share=share_of(ctx, distinct, analysed),
                )
                if copies
                else t("s_no_duplicates", lang, unique=ctx.n(distinct)),
            )
        )
    who, records = ctx.facts.get("authorship") or {}, ctx.facts.get("records") or {}
    if not who and records and int(records["records"]) < int(records["contributions"]):
        # No author column, but rows grouped in records: who speaks is a meeting or an account (claim checks 84 and 87).
        blocks.append(
            Block(
                "p",
                text=t(
                    "s_records",
                    lang,
                    contributions=ctx.n(int(records["contributions"])),
                    records=ctx.n(int(records["records"])),
                    column=str(records["column"]),
                    most=ctx.n(int(records["most"])),
                ),
            )
        )
    if who and int(who["participants"]) < int(who["contributions"]):  # someone wrote more than one
        top, by_top = int(who["top"]), int(who["by_top"])
        blocks.append(
            Block(
                "p",
                text=t(
                    "s_authorship",
                    lang,
                    count=top,
                    top=ctx.n(top),
                    contributions=ctx.n(int(who["contributions"])),
                    participants=ctx.n(int(who["participants"])),
                    column=str(who["column"]),
                    by_top=ctx.n(by_top),
                    share=share_of(ctx, by_top, int(who["contributions"])),
                ),
            )
        )
    bodies = organisations_sentence(ctx)
    if bodies:
        blocks.append(Block("p", text=bodies))
    return blocks


def organisations_sentence(ctx: ReportContext) -> str:
    """How many analysed contributions are presented in an organisation's name, and some of the organisations
    (``summary.organisations``); "" where none is."""
    bodies = ctx.facts.get("organisations") or {}
    if not bodies:
        return ""
    n, k = int(bodies["contributions"]), int(bodies["organisations"])
    names = join_items([ctx.q(str(name)) for name in bodies["shown"]], ctx.lang)
    return t("s_organisations" if k > 1 else "s_organisations_one", ctx.lang, count=n, n=ctx.n(n), k=ctx.n(k), names=names)


NAME_FITS = 0.5  # a subject whose name's words fewer than half of its contributions use says so where it is headlined


def _name_fit(ctx: ReportContext, group: pd.Series) -> str:
    """ "; 4 of its 34 mention «capital» or «gains»" when the words that tell a headlined subject apart speak for fewer than
    half of it, else nothing."""
    fit, n = name_speaks_for(ctx, group, NAME_FITS), int(group["contributions"])
    if fit is None:
        return ""
    by, named = fit
    if by == "consultation":
        return t("s_name_fit_consultation", ctx.lang, words=consultation_words(ctx, group))
    if by == "name":
        return t("s_name_fit_name", ctx.lang, named=ctx.n(named), n=ctx.n(n))
    return t("s_name_fit", ctx.lang, named=ctx.n(named), n=ctx.n(n), words=naming_words(ctx, group))


def _headlined(ctx: ReportContext, group: pd.Series) -> str:
    """A subject among the largest: its name and share, or "a loosely named subject" when its name fits a few of it."""
    if loose_name(group):
        fields = loose_name_fields(ctx, group)
        mixed = mixed_subject_label(ctx, group)
        if mixed:  # called by its topics, as its heading is, and why
            return t("s_mixed_group", ctx.lang, topics=mixed, share=ctx.pct(group["share_unique"]), name=fields["name"])
        return t(loose_key("s_loose_group", fields), ctx.lang, share=ctx.pct(group["share_unique"]), **fields)
    # A name that lists its topics in quotes is not quoted again (march-on: ««Impeach Trump», … and 6 other topics»).
    return f"{name_quoted(ctx, str(group['label']))} ({ctx.pct(group['share_unique'])}{_name_fit(ctx, group)})"


def _subjects_sentence(ctx: ReportContext, real: pd.DataFrame) -> str:
    """The largest subjects, by name; said once when none of them has a name a quarter of it uses (read 9: "a subject of
    mixed points", as it was worded then, three times in one sentence)."""
    top = real.head(3)
    if len(real) == 1 and loose_name(real.iloc[0]):
        return t("s_one_loose", ctx.lang, **loose_name_fields(ctx, real.iloc[0]))
    fields = [loose_name_fields(ctx, r) if loose_name(r) else None for _, r in top.iterrows()]
    # A name that is the consultation's own subject is not "used by fewer than a quarter" (claim check 80: «Affordable
    # housing», 14 of whose 22 say "affordable", in a consultation on affordable housing): each subject says its own case.
    if all(fields) and not any(f["own"] for f in fields if f):
        shares = join_items([ctx.pct(r["share_unique"]) for _, r in top.iterrows()], ctx.lang)
        key = "s_largest_loose_words" if any(f["words"] or f["two"] for f in fields if f) else "s_largest_loose"
        return t(key, ctx.lang, n=ctx.n(len(real)), shown=ctx.n(len(top)), shares=shares)
    named = [_headlined(ctx, r) for _, r in top.iterrows()]
    return t("s_top_groups", ctx.lang, count=len(real), n=ctx.n(len(real)), names=join_items(named, ctx.lang))


def _led_by(ctx: ReportContext, themes: pd.DataFrame, row: Any) -> str:
    """ "; led by «Climate action», 30%" for a theme counted with its sub-themes: its largest sub-theme, which may be larger
    than the next themes named (claim check 51: «Clima e meio ambiente (com seus subtemas)» 70% hid «Ação climática» 30.5%)."""
    if "parent" not in themes or pd.isna(row.get("unique_with_subthemes", pd.NA)):
        return ""
    subs = themes[themes["parent"].fillna("").astype(str) == str(row["theme_id"])]
    subs = subs[subs["unique_contributions"].astype(int) > 0]
    total = ctx.unique_total() if ctx.table("overview") is not None else 0
    if subs.empty or not total:
        return ""
    top = subs.sort_values(["unique_contributions", "theme_id"], ascending=[False, True], kind="stable").iloc[0]
    if int(top["unique_contributions"]) < LED_BY_SHARE * int(row["unique_with_subthemes"]):
        return ""  # most of it is the theme itself (claim check 55: "led by Participatory budgeting, 0.8%", 1 of 8)
    return "; " + t("theme_led_by", ctx.lang, name=ctx.q(str(top["name"])), share=ctx.pct(int(top["unique_contributions"]) / total))


def _title_themes_sentence(ctx: ReportContext, themes: pd.DataFrame) -> str:
    """The themes the consultation's own title names, with how many contributions use its words ("" where none does:
    ``summary.title_themes``); the most used first."""
    said = ""
    if "title_named" in themes and themes["title_named"].astype(bool).any():
        named_by_title = themes[themes["title_named"].astype(bool)].sort_values(
            ["unique_contributions", "theme_id"], ascending=[False, True]
        )
        said = " ".join(
            t("s_title_named_theme", ctx.lang, theme=ctx.q(str(row["name"])), share=ctx.pct(float(row["share_of_unique"])))
            for _, row in named_by_title.iterrows()
        )
    if "title_users" not in themes:
        return said
    users = pd.to_numeric(themes["title_users"], errors="coerce")
    named = themes[users.notna()].assign(_users=users[users.notna()]).sort_values(["_users", "theme_id"], ascending=[False, True])
    if named.empty:
        return said
    words = list(dict.fromkeys(w for cell in named["title_words"].astype(str) for w in cell.split("; ") if w))
    return (said + " " if said else "") + t(
        "s_title_themes",
        ctx.lang,
        count=len(named),
        themes=join_items([ctx.q(str(name)) for name in named["name"]], ctx.lang),
        users=ctx.n(int(named["_users"].max())),
        n=ctx.n(ctx.unique_total()),
        words=join_items([ctx.q(w) for w in words], ctx.lang, last="or"),
    )


def summary_sentences(ctx: ReportContext) -> list[str]:
    """What they raised most, campaigns, languages, positions, and the strongest differences between groups."""
    lang, acc, overview = ctx.lang, ctx.facts["accounting"], ctx.overview()
    sentences: list[str] = votes_headline(ctx)  # a conversation with votes: what they say first, as its report leads with them
    groups = ctx.table("topic_groups")
    if groups is not None:
        real = ranked_subjects(groups)
        if len(real):
            sentences.append(_subjects_sentence(ctx, real))
    themes = ctx.table("themes")
    if themes is not None:
        # Ranked, named and counted as the themes section ranks them (a theme with its sub-themes counted with them).
        named = theme_rows(ctx)
        named = named[named["shown_unique"] >= MIN_THEME_SHOWN]  # one or two tags are no theme raised
        if {"parent", "unique_with_subthemes"} <= set(named.columns):
            # A sub-theme is counted in its parent's share "with its sub-themes": listing both counts it twice.
            families = set(named.loc[named["unique_with_subthemes"].notna(), "theme_id"].astype(str))
            named = named[~named["parent"].fillna("").astype(str).isin(families)]
        # The three most frequent, and any theme as frequent as the third: naming one of two equals hides the other (read 38:
        # «Inclusão» 9.4% named, «Governo local» 9.4% not).
        if len(named) > 3:
            named = named[named["shown_unique"] >= named["shown_unique"].iloc[2]].head(TOP_THEMES_WITH_TIES)
        if len(named):
            listed = [f"{ctx.q(str(r['shown_name']))} ({ctx.pct(r['shown_share'])}{_led_by(ctx, themes, r)})" for _, r in named.iterrows()]
            sentences.append(t("s_top_themes", lang, names=join_items(listed, lang)))
        titled = _title_themes_sentence(ctx, themes)
        if titled:
            sentences.append(titled)
        other = themes[themes["theme_id"] == schema.OTHER_THEME]
        if len(other):
            untagged = float(other.iloc[0]["share_of_unique"])
            sentences.append(t("s_other", lang, share=ctx.pct(untagged)))
            if untagged >= UNFIT_TAXONOMY_SHARE:
                sentences[-1] += " " + t("s_other_fit", lang)
    if int(overview.get("campaigns", 0)):
        rows = int(overview.get("campaign_contributions", 0))
        sentences.append(
            t(
                "s_campaigns",
                lang,
                count=int(overview["campaigns"]),
                n=ctx.n(int(overview["campaigns"])),
                rows=ctx.n(rows),
                share=ctx.pct(rows / max(acc["analysed"], 1)),
            )
        )
    languages = ctx.table("languages")
    if languages is not None:
        shown = languages[languages["share_of_analysed"] >= LANGUAGE_MIN_SHARE]
        if len(shown) > 1:
            sentences.append(
                t(
                    "s_languages",
                    lang,
                    langs=", ".join(
                        f"{language_name(str(r[schema.LANG]), lang)} {ctx.pct(r['share_of_analysed'])}" for _, r in shown.iterrows()
                    ),
                )
            )
    sentences += positions_sentence(ctx)
    if ctx.facts.get("segment_columns") and themes is not None:
        findings = material_findings(ctx)
        sentences += finding_sentences(ctx, findings.head(FINDINGS_IN_SUMMARY)) if len(findings) else [t("s_no_findings", lang)]
    return sentences


def positions_sentence(ctx: ReportContext) -> list[str]:
    """The balance of stated positions in one sentence; nothing when fewer than ``FEW_FOR_SHARES`` state one."""
    table = ctx.table("positions")
    if table is None:
        return []
    rows = table.set_index("position")
    stated = int(rows.loc[["support", "partial", "oppose"], "unique_contributions"].sum())
    total = int(rows["unique_contributions"].sum())
    if stated < FEW_FOR_SHARES or total == 0:  # a handful of positions is no headline; the section gives their counts
        return []
    targeted = on_targets(rows)
    base = {"stated": ctx.n(stated), "total": ctx.n(total), "share": share_of(ctx, stated, total)}  # every variant says these
    # The base is said in full when it holds rows set aside for stating only a position: the first screen counts them
    # as set aside, so "of the N distinct contributions" alone would contradict its count of distinct ones.
    set_aside = int(rows["set_aside"].sum()) if "set_aside" in rows else 0
    parts = {"analysed": ctx.n(total - set_aside), "set_aside": ctx.n(set_aside)}
    if not_added_up(stated, targeted):  # stances on different things, or too few on the proposal itself, are not added up
        key = "s_positions_targets_set_aside" if set_aside else "s_positions_targets"
        return [t(key, ctx.lang, **base, **(parts if set_aside else {}), targeted=ctx.n(targeted))]
    column = balance_shares(rows, targeted)
    shares = {p: ctx.pct(float(rows.loc[p, column])) for p in ("support", "partial", "oppose")}

    def balance(*said: str) -> list[str]:
        """The balance's sentences as one paragraph, with the note that it adds up several questions where it does."""
        return [" ".join([*said, *several_prompts(ctx)])]

    if from_closed_question(ctx):  # said as its answers, set-aside rows included
        question = str((ctx.facts.get("positions") or {}).get("column", ""))
        key = ("s_positions_column_set_aside" if set_aside else "s_positions_column") + ("_two" if two_answers(ctx) else "")
        # How its answers were read, and that another reading is possible (claim check 67: Chile 2016's «acuerdo» marks
        # agreement within a meeting, and the headline said "91% a favor" without the section's caveat).
        reading = answers_read(ctx, (ctx.facts.get("positions") or {}).get("answers") or {}).strip()
        return balance(t(key, ctx.lang, **base, **parts, column=question, **shares), *([reading] if reading else []))
    if column == "share_of_whole":  # the shares are of the positions on the proposal as a whole
        return balance(t("s_positions_whole", ctx.lang, **base, targeted=ctx.n(targeted), whole=ctx.n(stated - targeted), **shares))
    on_parts = [t("s_positions_some_targeted", ctx.lang, count=targeted, n=ctx.n(targeted))] if targeted else []
    if set_aside:
        return balance(t("s_positions_set_aside", ctx.lang, **base, **parts, **shares)) + on_parts
    return balance(t("s_positions", ctx.lang, **base, **shares)) + on_parts
