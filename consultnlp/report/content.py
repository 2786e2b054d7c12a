"""The report's content, built once and rendered to HTML, Markdown and DOCX.

Keeping one content model means the three formats say the same thing: same
headings, same numbers, same quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from consultnlp import __version__, schema
from consultnlp.report.i18n import language_name, number, percent, reason_name, t


@dataclass
class Block:
    """A paragraph (``text``), a table (``headers``/``rows``), quotes or a chart."""

    kind: str
    text: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    quotes: list[dict[str, str]] = field(default_factory=list)
    chart: dict[str, Any] = field(default_factory=dict)


@dataclass
class Section:
    id: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)


@dataclass
class ReportContent:
    lang: str
    title: str
    subtitle: str
    generated: str
    sections: list[Section]


def _quotes(tables: dict[str, pd.DataFrame], scope: str, group_id: str, lang: str) -> Block:
    quotes = tables.get("quotes")
    if quotes is None or quotes.empty:
        return Block("quotes")
    part = quotes[(quotes["scope"] == scope) & (quotes["group_id"] == str(group_id))].sort_values("rank")
    items = []
    for _, q in part.iterrows():
        copies = f" · {number(int(q['dup_count']), lang)} {t('copies', lang)}" if int(q["dup_count"]) > 1 else ""
        items.append({"text": str(q["quote"]), "cite": f"{q['comment_id']} · {q['lang']}{copies}"})
    return Block("quotes", quotes=items)


def _bar_chart(labels: list[str], values: list[float], title: str, lang: str) -> Block:
    return Block("chart", chart={"labels": labels, "values": values, "title": title, "lang": lang})


def summary_sentences(tables: dict[str, pd.DataFrame], facts: dict[str, Any], lang: str, taxonomy: Any) -> list[str]:
    acc = facts["accounting"]
    overview = dict(zip(tables["overview"]["metric"], tables["overview"]["value"]))
    sentences = [
        t("s_rows", lang, input=number(acc["input"], lang), analysed=number(acc["analysed"], lang),
          unique=number(int(overview.get("unique_contributions", acc["analysed"])), lang),
          excluded=number(sum(acc["excluded"].values()), lang))
    ]
    themes = tables.get("themes")
    if themes is not None and not themes.empty:
        named = themes[themes["theme_id"] != schema.OTHER_THEME]
        if len(named) >= 2:
            a, b = named.iloc[0], named.iloc[1]
            sentences.append(t("s_top_theme", lang, name=a["name"], share=percent(a["share_of_analysed"], lang),
                               name2=b["name"], share2=percent(b["share_of_analysed"], lang)))
        other = themes[themes["theme_id"] == schema.OTHER_THEME]
        if len(other):
            sentences.append(t("s_other", lang, share=percent(float(other.iloc[0]["share_of_analysed"]), lang)))
    topics = tables.get("topics")
    if topics is not None and not topics.empty:
        real = topics[topics["topic_id"] >= 0]
        if len(real):
            sentences.append(t("s_topics", lang, n=number(len(real), lang), label=real.iloc[0]["label"], share=percent(real.iloc[0]["share"], lang)))
    if int(overview.get("campaigns", 0)):
        rows = int(overview.get("campaign_contributions", 0))
        sentences.append(t("s_campaigns", lang, n=number(int(overview["campaigns"]), lang), rows=number(rows, lang),
                           share=percent(rows / max(acc["analysed"], 1), lang)))
    languages = tables.get("languages")
    if languages is not None and not languages.empty:
        analysed = languages[languages["analysed"] > 0]
        sentences.append(t("s_languages", lang, langs=", ".join(
            f"{language_name(r['lang'], lang)} {percent(r['share_of_analysed'], lang)}" for _, r in analysed.iterrows())))
    findings = tables.get("theme_segment")
    if findings is not None and not findings.empty and taxonomy is not None:
        sig = findings[findings["significant"] & (findings["lift"] > 1) & (findings["theme_id"] != schema.OTHER_THEME)]
        for _, row in sig.sort_values("lift", ascending=False).head(3).iterrows():
            sentences.append(t("s_finding", lang, segment=row["segment"], column=row["segment_column"],
                               theme=taxonomy.name_of(row["theme_id"], lang), lift=number(row["lift"], lang, 1),
                               share=percent(row["share_in_segment"], lang), overall=percent(row["share_overall"], lang)))
    return sentences


def build_content(
    tables: dict[str, pd.DataFrame], facts: dict[str, Any], *, lang: str, source: str, taxonomy: Any,
    settings: dict[str, Any], warnings: list[str], title: str | None = None,
) -> ReportContent:
    """Assemble every section of the report in ``lang``."""
    acc = facts["accounting"]
    sections: list[Section] = []
    sections.append(Section("summary", t("summary", lang), [Block("p", text=s) for s in summary_sentences(tables, facts, lang, taxonomy)]))

    themes = tables.get("themes")
    topics = tables.get("topics")
    topic_theme = tables.get("topic_theme")
    if themes is not None and not themes.empty:
        sec = Section("themes", t("themes", lang))
        named = themes[themes["theme_id"] != schema.OTHER_THEME]
        sec.blocks.append(_bar_chart([str(n) for n in named["name"].head(12)], named["share_of_analysed"].head(12).tolist(), t("themes", lang), lang))
        sec.blocks.append(Block("table", headers=[t("theme", lang), t("contributions", lang), t("unique_contributions", lang), t("share", lang)], rows=[
            [t("other_theme", lang) if r["theme_id"] == schema.OTHER_THEME else str(r["name"]), number(r["contributions"], lang),
             number(r["unique_contributions"], lang), percent(r["share_of_analysed"], lang, 1)] for _, r in themes.iterrows()]))
        for _, theme in named.head(10).iterrows():
            sub = Section(f"theme-{theme['theme_id']}", f"{theme['name']} — {percent(theme['share_of_analysed'], lang)}")
            if topic_theme is not None and topics is not None:
                related = topic_theme[(topic_theme["theme_id"] == theme["theme_id"]) & (topic_theme["topic_id"] >= 0)].head(5)
                labels = dict(zip(topics["topic_id"], topics["label"]))
                if len(related):
                    sub.blocks.append(Block("p", text=f"{t('topics', lang)}: " + "; ".join(
                        f"{labels.get(r['topic_id'], r['topic_id'])} ({number(r['contributions'], lang)})" for _, r in related.iterrows())))
            sub.blocks.append(_quotes(tables, "theme", theme["theme_id"], lang))
            sec.subsections.append(sub)
        sections.append(sec)

    if topics is not None and not topics.empty:
        sec = Section("topics", t("topics", lang))
        real = topics[topics["topic_id"] >= 0]
        sec.blocks.append(_bar_chart([str(x) for x in real["label"].head(15)], real["share"].head(15).tolist(), t("topics", lang), lang))
        sec.blocks.append(Block("table", headers=[t("topic", lang), t("contributions", lang), t("share", lang), t("languages", lang), t("keywords", lang)], rows=[
            [t("outliers", lang) if r["topic_id"] == -1 else f"{r['topic_id']}. {r['label']}", number(r["contributions"], lang), percent(r["share"], lang, 1),
             str(r["languages"]), str(r.get(f"keywords_{lang}") or r["keywords"])] for _, r in topics.iterrows()]))
        for _, topic in real.head(20).iterrows():
            sub = Section(f"topic-{topic['topic_id']}", f"{topic['topic_id']}. {topic['label']} — {percent(topic['share'], lang)}")
            sub.blocks.append(Block("p", text=f"{t('keywords', lang)}: {topic.get(f'keywords_{lang}') or topic['keywords']}"))
            sub.blocks.append(_quotes(tables, "topic", topic["topic_id"], lang))
            sec.subsections.append(sub)
        sections.append(sec)

    part = Section("participation", t("participation", lang))
    languages = tables.get("languages")
    if languages is not None:
        part.blocks.append(Block("table", headers=[t("language", lang), t("contributions", lang), t("analysed", lang), t("share", lang)], rows=[
            [language_name(r["lang"], lang), number(r["contributions"], lang), number(r["analysed"], lang), percent(r["share_of_analysed"], lang, 1)]
            for _, r in languages.iterrows()]))
    for name, table in tables.items():
        if name.startswith("segment_"):
            column = name[len("segment_"):]
            part.blocks.append(Block("p", text=f"{t('segment', lang)}: {column}"))
            part.blocks.append(Block("table", headers=[column, t("contributions", lang), t("analysed", lang), t("share", lang)], rows=[
                [str(r[column]), number(r["contributions"], lang), number(r["analysed"], lang), percent(r["share_of_analysed"], lang, 1)]
                for _, r in table.iterrows()]))
    sections.append(part)

    campaigns = tables.get("campaigns")
    if campaigns is not None and not campaigns.empty:
        sec = Section("campaigns", t("campaigns", lang))
        for _, c in campaigns.iterrows():
            sec.blocks.append(Block("quotes", quotes=[{"text": str(c["representative_text"]),
                                                        "cite": f"{c['campaign_id']} · {number(c['contributions'], lang)} {t('copies', lang)} · {c['representative_id']}"}]))
        sections.append(sec)

    method = Section("method", t("method", lang))
    method.blocks.append(Block("p", text=t("accounting", lang)))
    rows = [[t("input_rows", lang), number(acc["input"], lang)], [t("analysed", lang), number(acc["analysed"], lang)]]
    rows += [[f"{t('excluded', lang)}: {reason_name(k, lang)}", number(v, lang)] for k, v in acc["excluded"].items()]
    method.blocks.append(Block("table", headers=[t("reason", lang), t("rows", lang)], rows=rows))
    privacy = tables.get("privacy")
    if privacy is not None and not privacy.empty:
        method.blocks.append(Block("p", text=t("privacy", lang) + ": " + ", ".join(f"{r['kind']} {number(r['occurrences'], lang)}" for _, r in privacy.iterrows())))
    method.blocks.append(Block("p", text=t("settings", lang) + ": " + "; ".join(f"{k} = {v}" for k, v in settings.items())))
    if warnings:
        method.blocks.append(Block("p", text=t("warnings", lang) + ": " + " ".join(warnings)))
    method.blocks.append(Block("p", text=t("limitations", lang) + ": " + t("limitation_text", lang)))
    sections.append(method)

    return ReportContent(
        lang=lang,
        title=title or t("title", lang),
        subtitle=t("subtitle", lang, n=number(acc["input"], lang), source=source),
        generated=t("generated", lang, date=date.today().isoformat(), version=__version__),
        sections=sections,
    )
