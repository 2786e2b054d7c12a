"""The report's content, built once from a summary's tables and rendered to HTML, Markdown and DOCX."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

import pandas as pd

from consultnlp import __version__
from consultnlp.i18n import number, t
from consultnlp.report import sections
from consultnlp.report.model import ReportContent, Section
from consultnlp.report.safety import clean_text


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
    settings: dict[str, Any], warnings: list[Any], title: str | None = None, review: dict[str, Any] | None = None,
) -> ReportContent:
    """Assemble every section of the report in ``lang``."""
    ctx = sections.ReportContext(tables=tables, facts=facts, lang=lang, taxonomy=taxonomy, settings=settings)
    content = ReportContent(
        lang=lang,
        title=clean_text(title or t("title", lang)),
        subtitle=clean_text(t("subtitle", lang, n=number(facts["accounting"]["input"], lang), source=source)),
        generated=t("generated", lang, date=date.today().isoformat(), version=__version__),
        sections=sections.build_sections(ctx, warnings, review),
    )
    for section in content.sections:
        _clean_section(section)
    return content
