"""The sections of the report, each built from the summary tables in the report language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from babel.numbers import format_decimal

from consultnlp import schema
from consultnlp.i18n import (
    LOCALES,
    PII_KINDS,
    column_name,
    language_name,
    number,
    percent,
    pii_name,
    quoted,
    reason_name,
    setting_name,
    t,
)
from consultnlp.report.model import Block, Section
from consultnlp.report.prose import finding_sentences, summary_sentences
from consultnlp.summary.segments import BLANK

THEMES_IN_CHART = 12
THEMES_DETAILED = 10
TOPICS_IN_CHART = 15
TOPICS_DETAILED = 20
SEGMENT_VALUES_IN_CHART = 15
FINDINGS_AS_SENTENCES = 5   # more findings than this are also listed in a table


@dataclass
class ReportContext:
    """What every section builder reads."""

    tables: dict[str, pd.DataFrame]
    facts: dict[str, Any]
    lang: str
    taxonomy: Any
    settings: dict[str, Any]

    def table(self, name: str) -> pd.DataFrame | None:
        table = self.tables.get(name)
        return None if table is None or table.empty else table

    def n(self, value: float | int, digits: int = 0) -> str:
        return number(value, self.lang, digits)

    def pct(self, value: float, digits: int | None = None) -> str:
        return percent(float(value), self.lang, digits)


def segment_label(value: str, lang: str) -> str:
    return t("blank", lang) if value == BLANK else str(value)


def _chart(labels: list[str], values: list[float], title: str, lang: str) -> Block:
    return Block("chart", chart={"labels": labels, "values": [float(v) for v in values], "title": title, "lang": lang})


def quotes_block(ctx: ReportContext, scope: str, group_id: Any) -> Block | None:
    quotes = ctx.table("quotes")
    if quotes is None:
        return None
    part = quotes[(quotes["scope"] == scope) & (quotes["group_id"].astype(str) == str(group_id))].sort_values("rank")
    items = []
    for _, q in part.iterrows():
        cite = f"{q['comment_id']} · {language_name(str(q['lang']), ctx.lang)}"
        if int(q["dup_count"]) > 1:
            cite += f" · {ctx.n(int(q['dup_count']))} {t('copies', ctx.lang)}"
        items.append({"text": str(q["quote"]), "cite": cite})
    return Block("quotes", quotes=items) if items else None


def summary_section(ctx: ReportContext) -> Section:
    acc = ctx.facts["accounting"]
    overview = dict(zip(ctx.tables["overview"]["metric"], ctx.tables["overview"]["value"]))
    figures = [
        {"value": ctx.n(acc["input"]), "label": t("fig_received", ctx.lang)},
        {"value": ctx.n(acc["analysed"]), "label": t("fig_analysed", ctx.lang)},
        {"value": ctx.n(int(overview.get("unique_contributions", acc["analysed"]))), "label": t("fig_unique", ctx.lang)},
    ]
    themes = ctx.table("themes")
    if themes is not None:
        figures.append({"value": ctx.n(int((themes["theme_id"] != schema.OTHER_THEME).sum())), "label": t("fig_themes", ctx.lang)})
    if "topics" in overview:
        figures.append({"value": ctx.n(int(overview["topics"])), "label": t("fig_topics", ctx.lang)})
    blocks = [Block("figures", figures=figures)]
    blocks += [Block("p", text=sentence) for sentence in summary_sentences(ctx.tables, ctx.facts, ctx.lang, ctx.taxonomy)]
    return Section("summary", t("summary", ctx.lang), blocks)


def themes_section(ctx: ReportContext) -> Section | None:
    themes = ctx.table("themes")
    if themes is None:
        return None
    named = themes[themes["theme_id"] != schema.OTHER_THEME]
    taxonomy_name = ctx.settings.get("taxonomy_name") or ctx.settings.get("taxonomy", "")
    sec = Section("themes", t("themes", ctx.lang), [Block("p", text=t(
        "themes_intro", ctx.lang, max=ctx.settings.get("max_themes", 3), taxonomy=taxonomy_name, analysed=ctx.n(ctx.facts["accounting"]["analysed"])))])
    sec.blocks.append(Block("p", text=t("quotes_note", ctx.lang)))
    top = named.head(THEMES_IN_CHART)
    sec.blocks.append(_chart(top["name"].astype(str).tolist(), top["share_of_analysed"].tolist(), t("chart_themes", ctx.lang), ctx.lang))
    if len(named) > THEMES_DETAILED:
        sec.blocks.append(Block("p", text=t("themes_more", ctx.lang)))
    topics, topic_theme = ctx.table("topics"), ctx.table("topic_theme")
    labels = dict(zip(topics["topic_id"], topics["label"])) if topics is not None else {}
    for _, theme in named.head(THEMES_DETAILED).iterrows():
        sub = Section(f"theme-{theme['theme_id']}", f"{theme['name']} — {ctx.pct(theme['share_of_analysed'])}")
        sub.blocks.append(Block("p", text=t("theme_counts", ctx.lang, n=ctx.n(theme["contributions"]),
                                            unique=ctx.n(theme["unique_contributions"]), topics=ctx.n(theme.get("topics", 0)))))
        if topic_theme is not None:
            related = topic_theme[(topic_theme["theme_id"] == theme["theme_id"]) & (topic_theme["topic_id"] >= 0)]
            related = related.sort_values(["contributions", "topic_id"], ascending=[False, True], kind="stable").head(4)
            if len(related):
                sub.blocks.append(Block("p", text=f"{t('related_topics', ctx.lang)}: " + "; ".join(
                    f"{quoted(str(labels.get(r['topic_id'], r['topic_id'])), ctx.lang)} ({ctx.n(r['contributions'])})" for _, r in related.iterrows())))
        quotes = quotes_block(ctx, "theme", theme["theme_id"])
        if quotes:
            sub.blocks.append(quotes)
        sec.subsections.append(sub)
    return sec


def topics_section(ctx: ReportContext) -> Section | None:
    topics = ctx.table("topics")
    if topics is None:
        return None
    real = topics[topics["topic_id"] >= 0]
    sec = Section("topics", t("topics", ctx.lang), [Block("p", text=t("topics_intro", ctx.lang))])
    top = real.head(TOPICS_IN_CHART)
    sec.blocks.append(_chart(top["label"].astype(str).tolist(), top["share"].tolist(), t("chart_topics", ctx.lang), ctx.lang))
    sec.blocks.append(Block(
        "table", headers=[t("topic", ctx.lang), t("contributions", ctx.lang), t("unique_contributions", ctx.lang), t("share", ctx.lang), t("main_themes", ctx.lang)],
        numeric=[False, True, True, True, False],
        rows=[[str(r["label"]), ctx.n(r["contributions"]), ctx.n(r["unique_contributions"]), ctx.pct(r["share"], 1), str(r.get("top_theme_names", ""))]
              for _, r in topics.iterrows()]))
    for _, topic in real.head(TOPICS_DETAILED).iterrows():
        sub = Section(f"topic-{topic['topic_id']}", f"{topic['label']} — {ctx.pct(topic['share'])}")
        langs = ", ".join(f"{language_name(code, ctx.lang)} {ctx.pct(topic.get(f'lang_share_{code}', 0), 0)}"
                          for code in schema.LANGUAGES if topic.get(f"lang_share_{code}", 0) > 0)
        sub.blocks.append(Block("p", text=t("topic_counts", ctx.lang, n=ctx.n(topic["contributions"]), unique=ctx.n(topic["unique_contributions"]), langs=langs)))
        keywords = topic.get(f"keywords_{ctx.lang}") or topic.get("keywords")
        if keywords:
            sub.blocks.append(Block("p", text=f"{t('keywords', ctx.lang)}: {keywords}"))
        if topic.get("top_theme_names"):
            sub.blocks.append(Block("p", text=f"{t('main_themes', ctx.lang)}: {topic['top_theme_names']}"))
        quotes = quotes_block(ctx, "topic", topic["topic_id"])
        if quotes:
            sub.blocks.append(quotes)
        sec.subsections.append(sub)
    return sec


def findings_section(ctx: ReportContext) -> Section | None:
    columns = ctx.facts.get("segment_columns") or []
    if not columns or ctx.table("themes") is None:
        return None
    lang = ctx.lang
    sec = Section("findings", t("findings", lang), [Block("p", text=t(
        "findings_intro", lang, columns=", ".join(column_name(c).lower() for c in columns),
        alpha=ctx.n(ctx.facts.get("alpha", 0.01), 2), min=ctx.n(ctx.facts.get("min_segment_count", 5))))])
    findings = ctx.table("theme_segment")
    sig = pd.DataFrame() if findings is None else findings[
        findings["significant"] & (findings["lift"] > 1) & (findings["theme_id"] != schema.OTHER_THEME)]
    if sig.empty:
        sec.blocks.append(Block("p", text=t("findings_none", lang)))
        return sec
    sig = sig.sort_values(["lift", "segment", "theme_id"], ascending=[False, True, True], kind="stable")
    sec.blocks.append(Block("list", items=finding_sentences(sig.head(FINDINGS_AS_SENTENCES), lang, ctx.taxonomy)))
    if len(sig) <= FINDINGS_AS_SENTENCES:
        return sec
    sec.blocks.append(Block(
        "table", headers=[t("group", lang), t("theme", lang), t("in_segment", lang), t("overall", lang), t("times", lang)],
        numeric=[False, False, True, True, True],
        rows=[[f"{segment_label(r['segment'], lang)} ({column_name(r['segment_column'])})", str(r.get("theme_name", r["theme_id"])),
               ctx.pct(r["share_in_segment"], 1), ctx.pct(r["share_overall"], 1), ctx.n(r["lift"], 1)] for _, r in sig.iterrows()]))
    return sec


def _participation_table(ctx: ReportContext, table: pd.DataFrame, column: str, label: str, names: dict[str, str] | None = None) -> Block:
    return Block(
        "table", headers=[label, t("contributions", ctx.lang), t("analysed", ctx.lang), t("unique_contributions", ctx.lang), t("share", ctx.lang)],
        numeric=[False, True, True, True, True],
        rows=[[(names or {}).get(str(r[column]), segment_label(str(r[column]), ctx.lang)), ctx.n(r["contributions"]), ctx.n(r["analysed"]),
               ctx.n(r["unique_contributions"]), ctx.pct(r["share_of_analysed"], 1)] for _, r in table.iterrows()])


def participation_section(ctx: ReportContext) -> Section:
    lang = ctx.lang
    sec = Section("participation", t("participation", lang))
    languages = ctx.table("languages")
    if languages is not None:
        names = {code: language_name(code, lang).capitalize() for code in languages[schema.LANG].astype(str)}
        sub = Section("participation-languages", t("languages", lang))
        shown = languages[languages["analysed"] > 0]
        sub.blocks.append(_chart([names[str(c)] for c in shown[schema.LANG]], shown["share_of_analysed"].tolist(), t("chart_languages", lang), lang))
        sub.blocks.append(_participation_table(ctx, languages, schema.LANG, t("language", lang), names))
        sec.subsections.append(sub)
    for column, name in (ctx.facts.get("segment_tables") or {}).items():
        table = ctx.table(name)
        if table is None:
            continue
        sub = Section(f"participation-{name}", column_name(column))
        shown = table[table["analysed"] > 0].head(SEGMENT_VALUES_IN_CHART)
        sub.blocks.append(_chart([segment_label(str(v), lang) for v in shown[column]], shown["share_of_analysed"].tolist(),
                                 t("chart_segment", lang, column=column_name(column).lower()), lang))
        sub.blocks.append(_participation_table(ctx, table, column, column_name(column)))
        sec.subsections.append(sub)
    return sec


def campaigns_section(ctx: ReportContext) -> Section | None:
    campaigns = ctx.table("campaigns")
    if campaigns is None:
        return None
    lang = ctx.lang
    sec = Section("campaigns", t("campaigns", lang), [Block("p", text=t("campaigns_intro", lang, min=ctx.settings.get("campaign_min_size", 10)))])
    topics = ctx.table("topics")
    labels = dict(zip(topics["topic_id"], topics["label"])) if topics is not None else {}
    themes = ctx.table("themes")
    theme_names = dict(zip(themes["theme_id"], themes["name"])) if themes is not None else {}
    for _, c in campaigns.iterrows():
        sub = Section(f"campaign-{c['campaign_id']}", t("campaign_heading", lang, id=c["campaign_id"], n=ctx.n(c["contributions"])))
        langs = ", ".join(language_name(code.strip(), lang) for code in str(c["languages"]).split(",") if code.strip())
        topic = labels.get(c["topic_id"], "—") if not pd.isna(c["topic_id"]) else "—"
        names = ", ".join(theme_names.get(th, th) for th in str(c["themes"]).split(";") if th) or "—"
        sub.blocks.append(Block("p", text=t("campaign_detail", lang, variants=ctx.n(c["distinct_variants"]), langs=langs, topic=topic, themes=names)))
        origin = [f"{column_name(col)}: {segment_label(str(c[f'top_{col}']), lang)} ({ctx.pct(c[f'top_{col}_share'])})"
                  for col in ctx.facts.get("segment_columns") or [] if f"top_{col}" in c]
        if origin:
            sub.blocks.append(Block("p", text=f"{t('campaign_origin', lang)}: " + "; ".join(origin)))
        sub.blocks.append(Block("quotes", quotes=[{"text": str(c["representative_text"]), "cite": f"{c['representative_id']} · {ctx.n(c['contributions'])} {t('copies', lang)}"}]))
        sec.subsections.append(sub)
    return sec


def method_section(ctx: ReportContext, warnings: list[str], review: dict[str, Any] | None) -> Section:
    lang = ctx.lang
    acc = ctx.facts["accounting"]
    overview = dict(zip(ctx.tables["overview"]["metric"], ctx.tables["overview"]["value"]))
    sec = Section("method", t("method", lang), [Block("p", text=t("accounting_intro", lang))])
    rows = [[t("input_rows", lang), ctx.n(acc["input"])]]
    rows += [[f"{t('excluded', lang)}: {reason_name(k, lang)}", ctx.n(v)] for k, v in acc["excluded"].items()]
    rows += [[t("analysed", lang), ctx.n(acc["analysed"])]]
    if "duplicate_copies" in overview:
        rows += [[t("duplicate_copies", lang), ctx.n(int(overview["duplicate_copies"]))],
                 [t("unique_contributions", lang), ctx.n(int(overview["unique_contributions"]))]]
    sec.blocks.append(Block("table", headers=[t("reason", lang), t("rows", lang)], numeric=[False, True], rows=rows))
    sec.blocks.append(Block("p", text=t("dedupe_text", lang)))
    privacy = ctx.table("privacy")
    if privacy is not None:
        sec.blocks.append(Block("p", text=t("privacy_text", lang, n=ctx.n(int(overview.get("comments_with_personal_data", 0))))))
        sec.blocks.append(Block("table", headers=[t("kind", lang), t("occurrences", lang)], numeric=[False, True],
                                rows=[[pii_name(str(r["kind"]), lang).capitalize() if str(r["kind"]) in PII_KINDS else str(r["kind"]), ctx.n(r["occurrences"])]
                                      for _, r in privacy.iterrows()]))
    sec.blocks.append(Block("p", text=t("settings", lang) + ":"))
    sec.blocks.append(Block("table", headers=[t("setting", lang), t("value", lang)], numeric=[False, False],
                            rows=[[setting_name(k, lang), _setting_value(k, v, lang)] for k, v in ctx.settings.items()]))
    if review and review.get("audit"):
        sec.blocks.append(Block("p", text=t("review_text", lang, n=ctx.n(len(review["audit"])), file=review.get("file", ""))))
        sec.blocks.append(Block("list", items=[_audit_line(entry) for entry in review["audit"]]))
    if warnings:
        # The pipeline writes its notes in English; the heading says so in es/pt.
        sec.blocks.append(Block("p", text=t("warnings", lang) + ":"))
        sec.blocks.append(Block("list", items=[str(w) for w in warnings]))
    sec.blocks.append(Block("p", text=t("limitations", lang) + ":"))
    sec.blocks.append(Block("list", items=[t(k, lang) for k in ("limitation_auto", "limitation_sample", "limitation_themes", "limitation_privacy")]))
    return sec


def _setting_value(key: str, value: Any, lang: str) -> str:
    """A setting as readers of ``lang`` write it: 0,05 not 0.05, language names not codes."""
    if key == "languages":
        return ", ".join(language_name(code.strip(), lang) for code in str(value).split(","))
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float)):
        return format_decimal(value, format="#,##0.###", locale=LOCALES[lang]) if isinstance(value, float) else number(value, lang)
    return str(value)


def _audit_line(entry: Any) -> str:
    if isinstance(entry, dict):
        return "; ".join(f"{k}: {v}" for k, v in entry.items())
    return str(entry)


def annex_section(ctx: ReportContext) -> Section | None:
    themes = ctx.table("themes")
    if themes is None:
        return None
    lang = ctx.lang
    return Section("annex", t("annex", lang), [Block(
        "table", headers=[t("theme", lang), t("contributions", lang), t("unique_contributions", lang), t("share", lang)],
        numeric=[False, True, True, True],
        rows=[[str(r["name"]), ctx.n(r["contributions"]), ctx.n(r["unique_contributions"]), ctx.pct(r["share_of_analysed"], 1)]
              for _, r in themes.iterrows()])])
