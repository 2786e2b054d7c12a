"""The report's content, built once and rendered to HTML, Markdown and DOCX.

Keeping one content model means the three formats say the same thing: same
headings, same numbers, same quotes. Every string is final text in the report
language; renderers only escape and lay out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

import pandas as pd

from consultnlp import __version__
from consultnlp.i18n import number, t
from consultnlp.report.safety import clean_text


@dataclass
class Block:
    """One piece of a section.

    ``p`` (``text``), ``list`` (``items``), ``figures`` (key numbers: ``figures``
    as value/label pairs), ``table`` (``headers``, ``rows``, ``numeric`` per
    column), ``quotes`` (``quotes``: text and cite) or ``chart`` (``chart``).
    """

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    figures: list[dict[str, str]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    numeric: list[bool] = field(default_factory=list)
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

    def headings(self) -> list[tuple[int, str]]:
        """(level, text) of every heading in order: 1 title, 2 sections, 3 subsections."""
        out = [(1, self.title)]
        for section in self.sections:
            out.append((2, section.heading))
            out += [(3, sub.heading) for sub in section.subsections]
        return out


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _clean_section(section: Section) -> None:
    section.heading = clean_text(section.heading)
    for block in section.blocks:
        for f in fields(block):
            setattr(block, f.name, _clean(getattr(block, f.name)))
    for sub in section.subsections:
        _clean_section(sub)


def build_content(
    tables: dict[str, pd.DataFrame], facts: dict[str, Any], *, lang: str, source: str, taxonomy: Any,
    settings: dict[str, Any], warnings: list[str], title: str | None = None, review: dict[str, Any] | None = None,
) -> ReportContent:
    """Assemble every section of the report in ``lang``."""
    from consultnlp.report import sections as s

    ctx = s.Ctx(tables=tables, facts=facts, lang=lang, taxonomy=taxonomy, settings=settings)
    built = [
        s.summary_section(ctx), s.themes_section(ctx), s.topics_section(ctx), s.findings_section(ctx),
        s.participation_section(ctx), s.campaigns_section(ctx), s.method_section(ctx, warnings, review), s.annex_section(ctx),
    ]
    content = ReportContent(
        lang=lang,
        title=clean_text(title or t("title", lang)),
        subtitle=clean_text(t("subtitle", lang, n=number(facts["accounting"]["input"], lang), source=source)),
        generated=t("generated", lang, date=date.today().isoformat(), version=__version__),
        sections=[sec for sec in built if sec is not None],
    )
    for section in content.sections:
        _clean_section(section)
    return content
