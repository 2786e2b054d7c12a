"""The sections of the report, each built from the summary tables in the report language, in reading order."""

from __future__ import annotations

from typing import Any

from consultnlp.report.model import Section
from consultnlp.report.sections.common import ReportContext
from consultnlp.report.sections.context import (
    annex_section,
    campaigns_section,
    method_section,
    participation_section,
)
from consultnlp.report.sections.divides import divides_section
from consultnlp.report.sections.findings import findings_section
from consultnlp.report.sections.positions import positions_section, votes_section
from consultnlp.report.sections.summary import summary_section
from consultnlp.report.sections.supported import supported_section
from consultnlp.report.sections.themes import themes_section
from consultnlp.report.sections.topics import groups_section

__all__ = ["ReportContext", "build_sections"]


def build_sections(ctx: ReportContext, warnings: list[Any], review: dict[str, Any] | None) -> list[Section]:
    """Summary, where people agree and divide (votes on statements), what people said (groups), the most supported
    contributions, themes, support and opposition, votes, differences, participation, campaigns, method, annex."""
    built = [
        summary_section(ctx),
        divides_section(ctx),
        groups_section(ctx),
        supported_section(ctx),
        themes_section(ctx),
        positions_section(ctx),
        votes_section(ctx),
        findings_section(ctx),
        participation_section(ctx),
        campaigns_section(ctx),
        method_section(ctx, warnings, review),
        annex_section(ctx),
    ]
    return [section for section in built if section is not None]
