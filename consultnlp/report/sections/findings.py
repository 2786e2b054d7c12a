"""Differences between groups of participants (or of contributions, where a column describes those: a questionnaire's
section), only those both significant and material."""

from __future__ import annotations

import pandas as pd

from consultnlp.i18n import t
from consultnlp.report.model import Block, Section
from consultnlp.report.sections.common import ReportContext, segment_label
from consultnlp.report.sections.context import describes_contributions


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


def material_findings(ctx: ReportContext) -> pd.DataFrame:
    """The findings a report may state (significant and material), strongest first, at most ``max_findings``."""
    findings = ctx.table("theme_segment")
    if findings is None or "material" not in findings:
        return pd.DataFrame()
    chosen = findings[findings["material"].astype(bool)].copy()
    chosen["_points"] = chosen["share_in_segment"] - chosen["share_overall"]
    chosen = chosen.sort_values(["_points", "segment_column", "segment", "theme_id"], ascending=[False, True, True, True], kind="stable")
    return chosen.drop(columns="_points").head(int(ctx.facts.get("max_findings", 5)))


def finding_sentences(ctx: ReportContext, findings: pd.DataFrame) -> list[str]:
    return [
        t(
            "s_finding",
            ctx.lang,
            segment=segment_label(str(r["segment"]), ctx.lang),
            column=str(r["segment_column"]),
            theme=str(r["theme_name"]),
            share=ctx.pct(r["share_in_segment"]),
            overall=ctx.pct(_overall_share(ctx, r)),
            n=ctx.n(int(r["unique_contributions"])),
        )
        for _, r in findings.iterrows()
    ]


def _overall_share(ctx: ReportContext, finding: pd.Series) -> float:
    """A finding's theme's share of all distinct contributions, from the themes table's counts as the theme list prints
    it; the finding's own four-digit share where the table lacks it (claim check 95: 422 of 4,768 printed "8,9%" in the
    theme list and "8,8% del total" from 0.0885 here)."""
    themes, total = ctx.table("themes"), ctx.unique_total()
    if themes is None or not total or "theme_id" not in themes:
        return float(finding["share_overall"])
    row = themes[themes["theme_id"].astype(str) == str(finding["theme_id"])]
    column = "unique_with_subthemes" if str(finding.get("level", "")) != "theme" else "unique_contributions"
    if row.empty or column not in row or pd.isna(pd.to_numeric(row[column].iloc[0], errors="coerce")):
        return float(finding["share_overall"])
    return float(pd.to_numeric(row[column].iloc[0])) / total
