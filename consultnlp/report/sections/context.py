"""Who took part, organised campaigns, how the report was produced, and the annex of every topic and theme."""

from __future__ import annotations

from typing import Any

import pandas as pd
from babel.numbers import format_decimal

from consultnlp import schema
from consultnlp.i18n import (
    LOCALES,
    STRINGS,
    language_name,
    note_text,
    number,
    pii_name,
    reason_name,
    setting_name,
    t,
)
from consultnlp.i18n.accounting import COUNTRY_NAMES, HOME_COUNTRIES, ID_COUNTRIES
from consultnlp.report.model import Block, Section
from consultnlp.report.sections.common import ReportContext, join_items, quote_item, ranked_subjects, segment_label, subject_label
from consultnlp.report.sections.positions import few_positions_sentence
from consultnlp.report.sections.themes import MIN_THEME_SHOWN, theme_rows
from consultnlp.report.sections.topics import subtopic

SEGMENT_VALUES_IN_TABLE = 25
CAMPAIGNS_QUOTED = 3
CAMPAIGNS_IN_TABLE = 15  # the largest; the rest are counted in a line and listed in tables/campaigns.csv
EXCERPT_CHARS = 110


def gate_kind_name(kind: str, lang: str) -> str:
    """What the final privacy check found, by the value's origin ("personal column") or its detector's kind (``EMAIL``)."""
    key = f"gate_{kind}"
    return t(key, lang) if key in STRINGS else pii_name(kind, lang)


def _participation_table(ctx: ReportContext, table: pd.DataFrame, column: str, label: str, names: dict[str, str] | None = None) -> Block:
    shown = table.head(SEGMENT_VALUES_IN_TABLE)
    return Block(
        "table",
        headers=[label, t("contributions", ctx.lang), t("analysed", ctx.lang), t("unique_contributions", ctx.lang), t("share", ctx.lang)],
        numeric=[False, True, True, True, True],
        rows=[
            [
                (names or {}).get(str(r[column]), segment_label(str(r[column]), ctx.lang)),
                ctx.n(r["contributions"]),
                ctx.n(r["analysed"]),
                ctx.n(r["unique_contributions"]),
                ctx.pct(r["share_of_unique"], 1),
            ]
            for _, r in shown.iterrows()
        ],
    )


def participation_section(ctx: ReportContext) -> Section | None:
    """Who took part, by language and by each segment column; ``None`` when there is neither (full Chile 2016 printed
    the heading with nothing under it)."""
    lang = ctx.lang
    sec = Section("participation", t("participation", lang))
    languages = ctx.table("languages")
    if languages is not None and int((languages["analysed"] > 0).sum()) > 1:
        names = {code: language_name(code, lang).capitalize() for code in languages[schema.LANG].astype(str)}
        sub = Section("participation-languages", t("languages", lang))
        sub.blocks.append(_participation_table(ctx, languages, schema.LANG, t("language", lang), names))
        sec.subsections.append(sub)
    for column, name in (ctx.facts.get("segment_tables") or {}).items():
        table = ctx.table(name)
        if table is None:
            continue
        # Input column names are shown as written: they are the consultation's own words.
        sub = Section(f"participation-{name}", str(column))
        sub.blocks.append(_participation_table(ctx, table, column, str(column)))
        varied = describes_contributions(ctx, column)
        if varied:
            sub.blocks.append(
                Block("p", text=t("segment_of_contributions", lang, column=ctx.q(str(column)), varied=ctx.n(varied[1]), n=ctx.n(varied[0])))
            )
        if len(table) > SEGMENT_VALUES_IN_TABLE:
            more = len(table) - SEGMENT_VALUES_IN_TABLE
            sub.blocks.append(Block("p", text=t("values_more", lang, count=more, n=ctx.n(more), table=f"tables/{name}.csv")))
        sec.subsections.append(sub)
    if sec.subsections and not ctx.facts.get("authorship") and not ctx.facts.get("records"):
        # What it cannot say (claim check 86, Plano Clima: «Quem participou» held contributions per plan, nothing on who).
        sec.blocks.append(Block("p", text=t("participation_no_authors", lang)))
    return sec if sec.subsections else None


WITHIN_WRITER_SHARE = 0.5  # of the writers with several contributions, those giving a column several values


def describes_contributions(ctx: ReportContext, column: str) -> tuple[int, int] | None:
    """(writers with several contributions, how many of them give ``column`` several values) where most do: the column
    describes the contributions, not who wrote them (``summary.subjects.segments_within_writers``); else None."""
    counts = (ctx.facts.get("segments_within_writers") or {}).get(str(column))
    if not counts or not counts[0] or counts[1] < WITHIN_WRITER_SHARE * counts[0]:
        return None
    return int(counts[0]), int(counts[1])


def campaigns_section(ctx: ReportContext) -> Section | None:
    campaigns = ctx.table("campaigns")
    if campaigns is None:
        return None
    lang = ctx.lang
    sec = Section(
        "campaigns",
        t("campaigns", lang),
        [
            Block(
                "p",
                text=t(
                    "campaigns_intro", lang, min=ctx.settings.get("campaign_min_size", 10), words=ctx.settings.get("campaign_min_words", 8)
                ),
            )
        ],
    )
    labels = ctx.facts.get("topic_labels") or {}
    rows = []
    for _, c in campaigns.head(CAMPAIGNS_IN_TABLE).iterrows():
        text = " ".join(str(c["representative_text"]).split())
        excerpt = text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rsplit(" ", 1)[0] + "…"
        topic = labels.get(int(c["topic_id"]), "—") if pd.notna(c["topic_id"]) else "—"
        variants = int(c["distinct_variants"])
        rows.append([str(c["campaign_id"]), ctx.n(int(c["contributions"])), ctx.n(variants), str(topic), excerpt])
    sec.blocks.append(
        Block(
            "table",
            headers=[t("campaign", lang), t("contributions", lang), t("variants", lang), t("topic", lang), t("text", lang)],
            numeric=[False, True, True, False, False],
            rows=rows,
        )
    )
    if len(campaigns) > CAMPAIGNS_IN_TABLE:
        more = len(campaigns) - CAMPAIGNS_IN_TABLE
        sec.blocks.append(Block("p", text=t("campaigns_more", lang, count=more, n=ctx.n(more), table="tables/campaigns.csv")))
    for _, c in campaigns.head(CAMPAIGNS_QUOTED).iterrows():
        sub = Section(
            f"campaign-{c['campaign_id']}",
            t("campaign_heading", lang, count=int(c["contributions"]), id=c["campaign_id"], n=ctx.n(int(c["contributions"]))),
        )
        origin = [
            f"{col}: {segment_label(str(c[f'top_{col}']), lang)} ({ctx.pct(c[f'top_{col}_share'])})"
            for col in ctx.facts.get("segment_columns") or []
            if f"top_{col}" in c
        ]
        if origin:
            sub.blocks.append(Block("p", text=f"{t('campaign_origin', lang)}: " + "; ".join(origin)))
        sub.blocks.append(
            Block(
                "quotes",
                quotes=[
                    quote_item(ctx, {"quote": c["representative_text"], "comment_id": c["representative_id"], "prompt": c.get("prompt")})
                ],
            )
        )
        sec.subsections.append(sub)
    return sec


def method_section(ctx: ReportContext, warnings: list[Any], review: dict[str, Any] | None) -> Section:
    lang = ctx.lang
    acc = ctx.facts["accounting"]
    overview = ctx.overview()
    intro = "accounting_intro" if any(acc["excluded"].values()) else "accounting_intro_all"
    sec = Section("method", t("method", lang), [Block("p", text=t(intro, lang))])
    columns = [str(c) for c in ctx.facts.get("text_columns") or [] if str(c)]
    if columns:
        auto = t("analysed_columns_auto", lang) if ctx.facts.get("text_column_auto") and len(columns) == 1 else ""
        quoted = join_items([ctx.q(c) for c in columns], lang)
        sec.blocks.insert(0, Block("p", text=t("analysed_columns", lang, count=len(columns), columns=quoted, auto=auto)))
    rows = [[t("input_rows", lang), ctx.n(acc["input"])]]
    rows += [[f"{t('excluded', lang)}: {reason_name(k, lang)}", ctx.n(v)] for k, v in acc["excluded"].items()]
    rows += [[t("analysed", lang), ctx.n(acc["analysed"])]]
    if "duplicate_copies" in overview:
        rows += [
            [t("duplicate_copies", lang), ctx.n(int(overview["duplicate_copies"]))],
            [t("unique_contributions_long", lang), ctx.n(int(overview["unique_contributions"]))],
        ]
    sec.blocks.append(Block("table", headers=[t("reason", lang), t("rows", lang)], numeric=[False, True], rows=rows))
    sec.blocks.append(Block("p", text=t("set_aside_text", lang)))
    screened = ctx.facts.get("screened") or {}
    beyond = [t(f"screened_{how}", lang, count=n, n=ctx.n(n)) for how in ("evidence", "meaning") if (n := int(screened.get(how, 0) or 0))]
    if beyond:
        sec.blocks.append(Block("p", text=" ".join(beyond)))
    sec.blocks.append(Block("p", text=t("dedupe_text", lang)))
    if unused := unused_segments(ctx):
        sec.blocks.append(Block("p", text=unused))
    if few := few_positions_sentence(ctx):
        sec.blocks.append(Block("p", text=few))
    sec.blocks.append(Block("p", text=t("naming_text", lang) + " " + t("mentions_text", lang)))
    supported = int(ctx.facts.get("supported_contributions", 0) or 0)
    if supported:
        sec.blocks.append(Block("p", text=t("supports_count", lang, count=supported, n=ctx.n(supported)) + " " + t("supports_order", lang)))
    dropped = int(ctx.facts.get("self_evident_dropped", 0) or 0)
    if dropped:
        text = t("self_evident_dropped", lang, count=dropped, n=ctx.n(dropped))
        shown = [
            t(
                "self_evident_item",
                lang,
                segment=ctx.q(f["segment"]),
                theme=ctx.q(f["theme"]),
                inside=ctx.pct(f["inside"]),
                overall=ctx.pct(f["overall"]),
            )
            for f in ctx.facts.get("self_evident_findings") or []
        ]
        if shown:
            text += " " + t("self_evident_which", lang, count=len(shown), items=join_items(shown, lang)) + "."
        sec.blocks.append(Block("p", text=text))
    privacy = ctx.table("privacy")
    if privacy is not None:
        sec.blocks.append(Block("p", text=t("privacy_text", lang, n=ctx.n(int(overview.get("comments_with_personal_data", 0))))))
        # What was found, by kind, and what else was looked for: a reader sees both, without a row of zeros for every
        # country's identity numbers (two claim checks of stop 41 read that list as boilerplate).
        checked = privacy[privacy["checked"].astype(bool)]
        found = checked[checked["occurrences"].astype(int) > 0]
        absent = absent_kinds(checked.loc[checked["occurrences"].astype(int) == 0, "kind"].astype(str).tolist(), lang)
        parts = []
        if len(found):
            kinds = [f"{pii_name(str(r['kind']), lang)}: {ctx.n(r['occurrences'])}" for _, r in found.iterrows()]
            parts.append(t("privacy_kinds", lang) + " " + "; ".join(kinds) + ".")
        if absent:
            parts.append(t("privacy_not_found" if len(found) else "privacy_none_found", lang, kinds=", ".join(absent)))
        if parts:
            sec.blocks.append(Block("p", text=" ".join(parts)))
        off = [pii_name(str(k), lang) for k in privacy.loc[~privacy["checked"].astype(bool), "kind"]]
        if off:
            sec.blocks.append(Block("p", text=t("privacy_off", lang, kinds=", ".join(off))))
    sec.blocks.append(Block("p", text=t("private_folder", lang)))
    gate = ctx.facts.get("privacy_gate")
    if gate:
        said = t("privacy_gate", lang, files=ctx.n(gate["files"]), found=ctx.n(gate["found"]))
        if gate.get("by_kind"):
            items = [f"{gate_kind_name(str(kind), lang)}: {ctx.n(int(n))} ({', '.join(files)})" for kind, n, files in gate["by_kind"]]
            said += " " + t("privacy_gate_where", lang, items="; ".join(items))
        sec.blocks.append(Block("p", text=said))
        if gate.get("segment_values") or gate.get("headers"):
            sec.blocks.append(
                Block("p", text=t("privacy_metadata", lang, values=ctx.n(gate["segment_values"]), headers=ctx.n(gate["headers"])))
            )
    sec.blocks.append(Block("p", text=t("settings", lang) + ":"))
    sec.blocks.append(
        Block(
            "table",
            headers=[t("setting", lang), t("value", lang)],
            numeric=[False, False],
            rows=[[setting_name(k, lang), _setting_value(k, v, lang)] for k, v in ctx.settings.items()],
        )
    )
    if review and review.get("audit"):
        sec.blocks.append(
            Block("p", text=t("review_text", lang, count=len(review["audit"]), n=ctx.n(len(review["audit"])), file=review.get("file", "")))
        )
        sec.blocks.append(Block("list", items=[_audit_line(entry, lang) for entry in review["audit"]]))
    if warnings:
        sec.blocks.append(Block("p", text=t("warnings", lang) + ":"))
        sec.blocks.append(Block("list", items=[note_text(w, lang) for w in warnings]))
    sec.blocks.append(Block("p", text=t("limitations", lang) + ":"))
    sec.blocks.append(
        Block("list", items=[t(k, lang) for k in ("limitation_auto", "limitation_sample", "limitation_themes", "limitation_privacy")])
    )
    return sec


def _setting_value(key: str, value: Any, lang: str) -> str:
    """A setting as readers of ``lang`` write it: 0,05 not 0.05, language names not codes."""
    if key == "languages":
        return ", ".join(language_name(code.strip(), lang) for code in str(value).split(","))
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if value is None:
        return "—"
    if isinstance(value, (int, float)):
        return format_decimal(value, format="#,##0.###", locale=LOCALES[lang]) if isinstance(value, float) else number(value, lang)
    return t(f"value_{value}".replace("-", "_"), lang) if f"value_{value}".replace("-", "_") in _VALUE_KEYS else str(value)


_VALUE_KEYS = {
    "value_umap_hdbscan",
    "value_umap_kmeans",
    "value_kmeans",
    "value_use_multilingual",
    "value_tfidf_svd",
    "value_zero_shot",
    "value_keywords",
    "value_supervised",
}


def _audit_line(entry: Any, lang: str) -> str:
    if not isinstance(entry, dict):
        return str(entry)
    action = entry.get("action")
    values = {k: v for k, v in entry.items() if k != "action"}
    key = f"audit_{action}"
    try:
        return t(key, lang, **{k: (", ".join(map(str, v)) if isinstance(v, list) else v) for k, v in values.items()})
    except KeyError:
        return "; ".join(f"{k}: {v}" for k, v in entry.items())


def annex_section(ctx: ReportContext) -> Section | None:
    topics, named = ctx.table("topics"), theme_rows(ctx)
    if topics is None and named is None:
        return None
    lang = ctx.lang
    sec = Section("annex", t("annex", lang))
    if topics is not None:
        # One line per subject with its topics and their distinct contributions: every fine topic, compactly.
        sub = Section("annex-topics", t("annex_topics", lang))
        fine = topics[topics["topic_id"] >= 0].sort_values(["unique_contributions", "topic_id"], ascending=[False, True], kind="stable")
        groups = ctx.table("topic_groups")
        # Each subject as its heading names it: a loosely named one by what its name fits, not by the name itself (claim
        # check 76: «Respetar los derechos y ejercer sus derechos» here, «Nombre poco representativo (…)» above).
        # ... in the order of the subjects' sections (claim check 79: «Bioeconomia amazônica», 79 contributions of which 75
        # distinct, came before «Segurança jurídica», 78 and 77, here and after it above).
        real = ranked_subjects(groups) if groups is not None else pd.DataFrame(columns=["topic_group_id"])
        for _, group in real.iterrows():
            group_id = group["topic_group_id"]
            members = fine[fine["topic_group_id"] == group_id] if "topic_group_id" in fine else fine
            # A loosely named topic carries its warning here too (claim check 84: «Fuerzas armadas (98)», 15 of whose rows
            # are about the armed forces, was flagged above and not here).
            listed = "; ".join(subtopic(ctx, r) for _, r in members.iterrows())
            sub.blocks.append(Block("p", text=f"{subject_label(ctx, group)}: {listed}."))
        outliers = topics[topics["topic_id"] < 0]
        if len(outliers):
            sub.blocks.append(Block("p", text=f"{outliers.iloc[0]['label']}: {ctx.n(int(outliers.iloc[0]['unique_contributions']))}."))
        sec.subsections.append(sub)
    if named is not None:
        sub = Section("annex-themes", t("annex_themes", lang))
        sub.blocks.append(
            Block(
                "table",
                headers=[t("theme", lang), t("unique_contributions", lang), t("share", lang)],
                numeric=[False, True, True],
                rows=[[str(r["shown_name"]), ctx.n(int(r["shown_unique"])), ctx.pct(r["shown_share"], 1)] for _, r in named.iterrows()],
            )
        )
        # The first screen counts only the themes given to MIN_THEME_SHOWN or more (claim check 89: "35 temas mencionados"
        # beside 38 rows here).
        few = int((named["shown_unique"] < MIN_THEME_SHOWN).sum())
        if few:
            sub.blocks.append(Block("p", text=t("annex_themes_few", lang, count=few, n=ctx.n(few), min=MIN_THEME_SHOWN)))
        # ... nor a theme listed with its sub-themes that was itself given to fewer (claim check 96: "29 temas", 31 rows).
        heads = int(((named["unique_contributions"] < MIN_THEME_SHOWN) & (named["shown_unique"] >= MIN_THEME_SHOWN)).sum())
        if heads:
            sub.blocks.append(Block("p", text=t("annex_themes_heads", lang, count=heads, n=ctx.n(heads), min=MIN_THEME_SHOWN)))
        sec.subsections.append(sub)
    return sec


def absent_kinds(kinds: list[str], lang: str) -> list[str]:
    """The kinds looked for and not found, as the privacy paragraph lists them: each by its name, but the identity and tax
    numbers of countries other than the report language's as one item ("identity and tax numbers of Chile, Argentina …")."""
    home = HOME_COUNTRIES.get(lang, set())
    foreign = [k for k in kinds if ID_COUNTRIES.get(k) and ID_COUNTRIES[k] not in home]
    shown = [pii_name(k, lang) for k in kinds if k not in foreign]
    countries = list(dict.fromkeys(ID_COUNTRIES[k] for k in foreign))
    if countries:
        names = join_items([COUNTRY_NAMES[c][lang] for c in countries], lang)
        shown.append(t("privacy_other_countries", lang, countries=names))
    return shown


SEGMENTS_NAMED = 3  # columns named in the sentence on segments not used


def unused_segments(ctx: ReportContext) -> str:
    """The sentence that says which columns could break the results down and were not used ("" when none or when the
    analyst named segments): claim checks 78 and 79 expected the breakdown by Chile's four questions and PNDBio's chapters,
    and the report never said it had not been made."""
    found = [c for c in ctx.facts.get("segment_candidates") or [] if len(c) == 2]
    if not found:
        return ""
    named = [t("segment_values", ctx.lang, column=ctx.q(str(c)), n=ctx.n(int(n))) for c, n in found[:SEGMENTS_NAMED]]
    if len(found) > SEGMENTS_NAMED:
        named.append(t("segments_more", ctx.lang, n=ctx.n(len(found) - SEGMENTS_NAMED)))
    return t("segments_unused", ctx.lang, count=len(found), columns=join_items(named, ctx.lang))
