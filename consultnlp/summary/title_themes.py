"""Themes the consultation's own title names: its question, not a finding about the contributions.

A keyword made of the title's words is no evidence of a theme (``stages/themes.py``: "county" in "Improving Bowling
Green / Warren County"). Where many contributions use those words, the theme is what the consultation asks about, and
its share counts only those tagged on other words: claim check 59 (london.youth.policing, "What is the best way to engage
more young people in local scrutiny of policing?") read «Youth and children» 8.3% while 11 of the 24 contributions
name young people. The themes table says so for each such theme (``title_words``, ``title_users``) and the report tells it.
"""

from __future__ import annotations

import pandas as pd

from consultnlp.summary.subjects import CONSULTATION_SHARE, NAME_WORD_CHARS, NameEvidence
from consultnlp.taxonomy import Taxonomy
from consultnlp.text import word_stems


def title_keywords(taxonomy: Taxonomy, title_stems: frozenset[str]) -> dict[str, list[str]]:
    """Each theme's keywords (any language) made only of the title's word stems, by theme id; themes with none left out."""
    out: dict[str, list[str]] = {}
    for theme in taxonomy.themes:
        words = sorted(
            {k for keywords in theme.keywords.values() for k in keywords if (s := word_stems(k, NAME_WORD_CHARS)) and s <= title_stems}
        )
        if words:
            out[theme.id] = words
    return out


def with_title_words(themes: pd.DataFrame, evidence: NameEvidence, taxonomy: object) -> pd.DataFrame:
    """``themes`` with ``title_words`` (the theme's keywords the title is made of, "; "-joined, "" for none) and
    ``title_users`` (how many distinct contributions use one of them), filled only for a theme whose title words at least
    ``CONSULTATION_SHARE`` of the distinct contributions use: the consultation's own subject."""
    out = themes.copy()
    out["title_words"] = ""
    out["title_users"] = pd.Series(pd.NA, index=out.index, dtype="Int64")
    out["title_named"] = False
    if not isinstance(taxonomy, Taxonomy) or not evidence.consultation:
        return out
    distinct = evidence.texts[evidence.distinct]
    # A theme the title names by its name counts its title words as evidence (``stages/themes.py``): its share is the
    # consultation's question as much as a finding, and the summary says so (``title_named``).
    named = {theme.id for theme in taxonomy.themes if theme.named_by(evidence.consultation)}
    out["title_named"] = out["theme_id"].astype(str).isin(named)
    for theme_id, words in title_keywords(taxonomy, evidence.consultation).items():
        if theme_id in named:
            continue
        # A keyword of several words is used where all of them are ("young people", not "people" alone).
        keys = [word_stems(w, NAME_WORD_CHARS) for w in words]
        users = int(sum(any(k <= evidence.stems[text] for k in keys) for text in distinct))
        if users and users >= CONSULTATION_SHARE * len(distinct):
            row = out["theme_id"].astype(str) == theme_id
            out.loc[row, "title_words"] = "; ".join(words)
            out.loc[row, "title_users"] = users
    return out
