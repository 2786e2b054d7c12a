"""Differences between groups of participants (or of contributions, where a column describes those: a questionnaire's
section), only those both significant and material."""

from __future__ import annotations

from consultnlp.i18n import t
from consultnlp.report.model import Block, Section
from consultnlp.report.sections.common import ReportContext
from consultnlp.report.sections.context import describes_contributions
from consultnlp.report.sections.summary import finding_sentences, material_findings


def findings_section(ctx: ReportContext) -> Section | None:
    columns = ctx.facts.get("segment_columns") or []
    if not columns or ctx.table("themes") is None:
        return None
    lang = ctx.lang
    sec = Section(
        "findings",
        # Groups of contributions where a column's value changes within one writer's (claim check 89: Chile's «tema_nombre»).
        t("findings_contributions" if any(describes_contributions(ctx, c) for c in columns) else "findings", lang),
        [
            Block(
                "p",
                text=t(
                    "findings_intro",
                    lang,
                    columns=", ".join(str(c) for c in columns),
                    alpha=ctx.n(ctx.facts.get("alpha", 0.05), 2),
                    min=ctx.n(ctx.facts.get("finding_min_count", 20)),
                    points=ctx.n(100 * ctx.facts.get("finding_min_points", 0.05)),
                    max=ctx.n(ctx.facts.get("max_findings", 5)),
                ),
            )
        ],
    )
    findings = material_findings(ctx)
    if findings.empty:
        sec.blocks.append(Block("p", text=t("findings_none", lang)))
        return sec
    sec.blocks.append(Block("list", items=finding_sentences(ctx, findings)))
    return sec
