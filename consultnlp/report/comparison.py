"""The comparison of two analyses as files: ``tables/*.csv`` for programs, ``comparison.md`` and ``.html`` for people."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pandas as pd

from consultnlp.files import write_text
from consultnlp.i18n import number, percent, reason_name, t
from consultnlp.report.markdown import md_escape
from consultnlp.report.tables import write_csv

TOP = 15  # rows of each table shown in the report (the CSV has them all)


def _points(value: float, lang: str) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{number(abs(value) * 100, lang, 1)} {t('cmp_points', lang)}"


def _metric(name: str, lang: str) -> str:
    if name.startswith("excluded_"):
        return f"{t('cmp_set_aside', lang)}: {reason_name(name[len('excluded_') :], lang)}"
    return t(f"cmp_metric_{name}", lang)


def sections(comparison: Any) -> list[tuple[str, list[str], list[str], list[list[str]]]]:
    """(heading, paragraphs, table headers, table rows) per section, in the comparison's language."""
    lang, facts, tables = comparison.facts["lang"], comparison.facts, comparison.tables
    out = []
    overview = tables["overview"]
    out.append(
        (
            t("cmp_overview", lang),
            [t("cmp_intro", lang, a=facts["source_a"], b=facts["source_b"])],
            [t("cmp_measure", lang), "A", "B", t("cmp_change", lang)],
            [
                [_metric(r.metric, lang), number(r.a, lang), number(r.b, lang), f"{'+' if r.change > 0 else ''}{number(r.change, lang)}"]
                for r in overview.itertuples()
            ],
        )
    )
    topics = tables["topics"]
    counts = facts["counts"]
    method = (
        t("cmp_method_centres", lang, threshold=number(facts["min_similarity"], lang, 2))
        if facts["method"] == "centres"
        else t("cmp_method_keywords", lang, threshold=number(facts["min_similarity"], lang, 2))
    )
    shown = topics.head(TOP)
    out.append(
        (
            t("cmp_topics", lang),
            [t("cmp_topics_counts", lang, kept=counts["kept"], new=counts["new"], gone=counts["gone"]), method],
            [t("cmp_status", lang), t("cmp_topic_a", lang), t("cmp_topic_b", lang), "A", "B", t("cmp_change", lang)],
            [
                [
                    t(f"cmp_{r.status}", lang),
                    r.label_a,
                    r.label_b,
                    percent(r.share_a, lang),
                    percent(r.share_b, lang),
                    _points(r.change, lang),
                ]
                for r in shown.itertuples()
            ],
        )
    )
    themes = tables["themes"].head(TOP)
    out.append(
        (
            t("cmp_themes", lang),
            [t("cmp_themes_note", lang)],
            [t("theme", lang), "A", "B", t("cmp_change", lang)],
            [[r.name, percent(r.share_a, lang), percent(r.share_b, lang), _points(r.change, lang)] for r in themes.itertuples()],
        )
    )
    campaigns = tables["campaigns"]
    rows = [
        [t(f"cmp_{r.status}", lang), number(r.contributions_a, lang), number(r.contributions_b, lang), r.text[:120]]
        for r in campaigns.head(TOP).itertuples()
    ]
    out.append(
        (
            t("cmp_campaigns", lang),
            [] if rows else [t("cmp_no_campaigns", lang)],
            [t("cmp_status", lang), "A", "B", t("cmp_text", lang)] if rows else [],
            rows,
        )
    )
    return out


def _markdown(comparison: Any) -> str:
    lang = comparison.facts["lang"]
    lines = [f"# {md_escape(t('cmp_title', lang))}", ""]
    for heading, paragraphs, headers, rows in sections(comparison):
        lines += [f"## {md_escape(heading)}", ""]
        for text in paragraphs:
            lines += [md_escape(text), ""]
        if headers and rows:
            cell = lambda v: md_escape(" ".join(str(v).split()))  # noqa: E731
            lines += ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
            lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows] + [""]
    return "\n".join(lines) + "\n"


def _html(comparison: Any) -> str:
    lang = comparison.facts["lang"]
    title = html.escape(t("cmp_title", lang))
    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>',
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style></head><body>",
        f"<h1>{title}</h1>",
    ]
    for heading, paragraphs, headers, rows in sections(comparison):
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
        if headers and rows:
            parts.append("<table><tr>" + "".join(f"<th>{html.escape(str(h))}</th>" for h in headers) + "</tr>")
            parts += ["<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows]
            parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_comparison(comparison: Any, out: Path) -> list[str]:
    """Write the tables and the two report files under ``out``; return the relative paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in comparison.tables.items():
        write_csv(pd.DataFrame(table), out / "tables" / f"{name}.csv")
        written.append(f"tables/{name}.csv")
    write_text(out / "comparison.md", _markdown(comparison))
    write_text(out / "comparison.html", _html(comparison))
    return written + ["comparison.md", "comparison.html"]
