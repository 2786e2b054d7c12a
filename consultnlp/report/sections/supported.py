"""The contributions a platform's supports (votes, endorsements) backed most: which they are, in which subject."""

from __future__ import annotations

import pandas as pd

from consultnlp.i18n import t
from consultnlp.report.model import Block, Section
from consultnlp.report.sections.common import ReportContext, subject_labels


def supported_section(ctx: ReportContext) -> Section | None:
    """The ``most_supported`` table: supports, the start of the text, its subject and id; the packages among them (long
    contributions that open with the same words); and what a support is not."""
    table = ctx.table("most_supported")
    if table is None:
        return None
    lang = ctx.lang
    subjects = subject_labels(ctx)
    shown = len(table)
    counted = int(ctx.facts.get("supported_contributions", 0) or 0) or shown
    rows = []
    for _, row in table.iterrows():
        group = row.get("topic_group_id")
        subject = subjects.get(int(group), str(row.get("group_label") or "")) if not pd.isna(group) and int(group) >= 0 else ""
        rows.append([ctx.n(int(row["supports"])), str(row["excerpt"]), subject or t("outliers", lang), str(row["comment_id"])])
    return Section(
        "most_supported",
        t("most_supported", lang),
        [
            Block("p", text=t("most_supported_intro", lang, count=shown, shown=ctx.n(shown), n=ctx.n(counted))),
            Block(
                "table",
                headers=[
                    t("supports_heading", lang),
                    t("contribution_start_heading", lang),
                    t("grouped_in_heading", lang),
                    t("id_heading", lang),
                ],
                numeric=[True, False, False, False],
                rows=rows,
            ),
            *[Block("p", text=text) for text in _package_sentences(ctx, table)],
            Block("p", text=t("most_supported_caveat", lang)),
        ],
    )


def _package_sentences(ctx: ReportContext, table: pd.DataFrame) -> list[str]:
    """One sentence per opening that two or more of the shown contributions share with a package of long ones."""
    if "opening" not in table:
        return []
    shared = table[(table["opening"].fillna("").astype(str) != "") & (table["opening_count"].fillna(0).astype(int) > 0)]
    out = []
    for _, rows in shared.groupby(shared["opening"].astype(str).str.casefold(), sort=False):
        if len(rows) < 2:
            continue
        first = rows.iloc[0]
        out.append(
            t(
                "most_supported_package",
                ctx.lang,
                k=ctx.n(len(rows)),
                shown=ctx.n(len(table)),
                opening=ctx.q(f"{first['opening']}…"),
                total=ctx.n(int(first["opening_count"])),
            )
        )
    return out
