"""The plain-language summary: sentences built only from numbers in the summary tables."""

from __future__ import annotations

from typing import Any

import pandas as pd

from consultnlp import schema
from consultnlp.i18n import column_name, language_name, number, percent, t
from consultnlp.summary.segments import BLANK

MAX_FINDINGS_IN_SUMMARY = 3


def _theme_name(row: pd.Series, taxonomy: Any, lang: str) -> str:
    if "theme_name" in row and isinstance(row["theme_name"], str) and row["theme_name"]:
        return row["theme_name"]
    try:
        return taxonomy.name_of(row["theme_id"], lang)
    except (KeyError, AttributeError):
        return str(row["theme_id"])


def finding_sentences(findings: pd.DataFrame, lang: str, taxonomy: Any) -> list[str]:
    """One sentence per (significant, over-represented) row of ``theme_segment``, in the given order."""
    out = []
    for _, row in findings.iterrows():
        segment = t("blank", lang) if row["segment"] == BLANK else str(row["segment"])
        out.append(t("s_finding", lang, segment=segment, column=column_name(row["segment_column"]).lower(),
                     theme=_theme_name(row, taxonomy, lang), lift=number(row["lift"], lang, 1),
                     share=percent(row["share_in_segment"], lang), overall=percent(row["share_overall"], lang)))
    return out


def summary_sentences(tables: dict[str, pd.DataFrame], facts: dict[str, Any], lang: str, taxonomy: Any) -> list[str]:
    """Who took part, what they raised most, campaigns, languages, and the strongest differences between groups."""
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
        if len(named) >= 3:
            a, b, c = named.iloc[0], named.iloc[1], named.iloc[2]
            sentences.append(t("s_top_theme", lang, name=a["name"], share=percent(a["share_of_analysed"], lang),
                               name2=b["name"], share2=percent(b["share_of_analysed"], lang),
                               name3=c["name"], share3=percent(c["share_of_analysed"], lang)))
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
            f"{language_name(str(r[schema.LANG]), lang)} {percent(r['share_of_analysed'], lang)}" for _, r in analysed.iterrows())))
    findings = tables.get("theme_segment")
    if findings is not None and not findings.empty:
        sig = findings[findings["significant"] & (findings["lift"] > 1) & (findings["theme_id"] != schema.OTHER_THEME)]
        sig = sig.sort_values(["lift", "segment", "theme_id"], ascending=[False, True, True], kind="stable")
        sentences += finding_sentences(sig.head(MAX_FINDINGS_IN_SUMMARY), lang, taxonomy)
    return sentences
