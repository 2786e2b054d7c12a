"""Does a segment (a region, a kind of participant) raise a theme more than the rest?

One 2×2 test per (segment value, theme): in the segment or not, with the
theme or not. The unit of observation is the unique contribution: copies of
one text (a campaign) are one voice, not forty independent observations, so
they cannot make a difference "significant" on their own. Each duplicate
group counts once per segment value it was sent from.

- χ² with Yates' correction when every expected cell count is at least 5,
  Fisher's exact test otherwise (χ² is unreliable on small expected counts).
- Holm's correction over every test of one segment column: a table of 6
  regions × 40 themes is 240 chances of a fluke.
- Themes with sub-themes are also tested as a family (the theme or any of its
  sub-themes, ``level = "family"``): keyword tagging spreads one concern, such
  as the environment, over several narrow themes, each too small to test alone.
- Only cells that could support a finding are tested (the segment and the
  theme each have at least ``min_count`` unique contributions); a finding is
  ``significant`` when the adjusted p-value is below ``alpha`` and the
  observed or expected count is at least ``min_count``.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.frame import analysed_mask

BLANK = "(blank)"
COLUMNS = [
    "segment_column",
    "segment",
    "theme_id",
    "level",
    "contributions",
    "unique_contributions",
    "segment_size",
    "segment_unique",
    "share_in_segment",
    "share_overall",
    "share_in_segment_with_duplicates",
    "share_overall_with_duplicates",
    "lift",
    "expected",
    "test",
    "p_value",
    "p_adjusted",
    "significant",
]


def segment_values(values: pd.Series) -> pd.Series:
    """Metadata values as text; missing and blank values become ``(blank)``."""
    out = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    return out.mask(out == "", BLANK)


def holm(p_values: np.ndarray) -> np.ndarray:
    """Holm–Bonferroni adjusted p-values (step-down, monotone, capped at 1)."""
    p = np.asarray(p_values, dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted = np.empty(m)
    running = 0.0
    for rank, idx in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[idx]))
        adjusted[idx] = running
    return adjusted


def two_by_two_test(a: int, n_segment: int, n_theme: int, n: int) -> tuple[str, float, float]:
    """(test name, p-value, expected count of the cell) for the table [[a, b], [c, d]] built from its margins."""
    from scipy.special import chdtrc

    table = np.array([[a, n_segment - a], [n_theme - a, n - n_segment - n_theme + a]], dtype=float)
    expected = n_segment * n_theme / n if n else 0.0
    if (table < 0).any() or n_segment in (0, n) or n_theme in (0, n):
        return "", float("nan"), expected
    cells = np.outer(table.sum(axis=1), table.sum(axis=0)) / n
    if cells.min() < 5:
        from scipy.stats import fisher_exact

        return "fisher", float(fisher_exact(table.astype(int))[1]), expected
    # Pearson's χ² with Yates' correction, as scipy.stats.chi2_contingency computes it for 2×2 (1 degree of freedom).
    deviation = abs(a - expected)
    deviation -= min(0.5, deviation)
    return "chi2", float(chdtrc(1, (deviation**2 / cells).sum())), expected


def theme_families(taxonomy: Any) -> dict[str, list[str]]:
    """Theme id -> the themes with sub-themes it belongs to (itself included when it has sub-themes)."""
    if taxonomy is None:
        return {}
    parents = {th.id: th.parent for th in taxonomy.themes}
    with_children = {p for p in parents.values() if p}
    out: dict[str, list[str]] = {}
    for theme in parents:
        chain, node, seen = [], theme, set()
        while node and node not in seen:
            seen.add(node)
            if node in with_children:
                chain.append(node)
            node = parents.get(node)
        out[theme] = chain
    return out


def _theme_rows(frame: pd.DataFrame, segments: pd.Series, families: dict[str, list[str]]) -> pd.DataFrame:
    """One row per (comment, theme) with ``level`` "theme", plus one per (comment, family) with ``level`` "family"."""
    part = pd.DataFrame({"segment": segments, "theme_id": frame[schema.THEMES].astype(str).str.split(";")}).explode("theme_id")
    part["level"] = "theme"
    fam = part.assign(theme_id=part["theme_id"].map(lambda th: families.get(th, []))).explode("theme_id").dropna(subset=["theme_id"])
    fam = fam.reset_index().drop_duplicates([fam.index.name or "index", "theme_id"]).set_index(fam.index.name or "index")
    return pd.concat([part, fam.assign(level="family")])


def theme_segment_table(
    frame: pd.DataFrame, column: str, *, alpha: float, min_count: int, families: dict[str, list[str]] | None = None
) -> pd.DataFrame:
    """Every (value of ``column``, theme or theme family) pair: shares with and without duplicates, lift, test, Holm-adjusted p."""
    families = families or {}
    analysed = frame.loc[analysed_mask(frame)]
    if analysed.empty or schema.THEMES not in analysed:
        return pd.DataFrame(columns=COLUMNS)
    segments = segment_values(analysed[column])
    groups = analysed[schema.DUP_GROUP].astype(str) if schema.DUP_GROUP in analysed else pd.Series(analysed.index, index=analysed.index)
    # One observation per (duplicate group, segment value): duplicates share their themes.
    first = ~pd.DataFrame({"g": groups, "s": segments}).duplicated()
    obs, obs_segments = analysed.loc[first], segments[first]
    n = len(obs)
    seg_unique, seg_all = obs_segments.value_counts(), segments.value_counts()
    unique_rows, all_rows = _theme_rows(obs, obs_segments, families), _theme_rows(analysed, segments, families)
    theme_unique = unique_rows.groupby(["level", "theme_id"]).size()
    theme_all = all_rows.groupby(["level", "theme_id"]).size()
    cell_unique = unique_rows.groupby(["level", "segment", "theme_id"]).size()
    cell_all = all_rows.groupby(["level", "segment", "theme_id"]).size()
    rows = []
    for segment in sorted(seg_unique.index):
        for level, theme in sorted(theme_unique.index, key=lambda k: (k[1], k[0] != "theme")):
            a, n_s, n_t = int(cell_unique.get((level, segment, theme), 0)), int(seg_unique[segment]), int(theme_unique[(level, theme)])
            testable = n_s >= min_count and n_t >= min_count
            test, p, expected = two_by_two_test(a, n_s, n_t, n) if testable else ("", float("nan"), n_s * n_t / n)
            share, overall = a / n_s, n_t / n
            rows.append(
                {
                    "segment_column": column,
                    "segment": segment,
                    "theme_id": theme,
                    "level": level,
                    "contributions": int(cell_all.get((level, segment, theme), 0)),
                    "unique_contributions": a,
                    "segment_size": int(seg_all[segment]),
                    "segment_unique": n_s,
                    "share_in_segment": round(share, 4),
                    "share_overall": round(overall, 4),
                    "share_in_segment_with_duplicates": round(int(cell_all.get((level, segment, theme), 0)) / int(seg_all[segment]), 4),
                    "share_overall_with_duplicates": round(int(theme_all.get((level, theme), 0)) / len(analysed), 4),
                    "lift": round(share / overall, 3) if overall else np.nan,
                    "expected": round(expected, 2),
                    "test": test,
                    "p_value": p,
                }
            )
    table = pd.DataFrame(rows, columns=COLUMNS[:-2])
    tested = table["p_value"].notna().to_numpy()
    adjusted = np.full(len(table), np.nan)
    if tested.any():
        adjusted[tested] = holm(table.loc[tested, "p_value"].to_numpy())
    big_enough = np.maximum(table["unique_contributions"], table["expected"]).to_numpy() >= min_count
    # Decided on the unrounded values; the table shows six decimals.
    significant = np.nan_to_num(adjusted, nan=1.0) < alpha
    table["p_adjusted"] = np.round(adjusted, 6)
    table["p_value"] = table["p_value"].round(6)
    table["significant"] = significant & big_enough
    return table.reset_index(drop=True)


# ---------------------------------------------------------------------------- self-evident findings
# "In category «Indigenous peoples», the theme «Indigenous peoples» appears in 97%" states how the
# segment was defined, not what its participants said: such a pair is never a finding.


def content_lemmas(text: str) -> set[str]:
    """The accent-folded content lemmas of ``text`` in any of es/pt/en (stop words and short words left out).

    Each word stands for every form it may take (its lemma in each language and its plural stem), so
    "Pueblos indígenas" and "pueblo indígena" share lemmas while "Educación" and "Salud" share none.
    """
    from consultnlp.lemmas import shared_lemmatizer
    from consultnlp.text import fold, plural_stem

    lemmatizer = shared_lemmatizer()
    out: set[str] = set()
    for word in re.findall(r"[^\W\d_]+", str(text).lower().replace("_", " ")):
        folded = fold(word)
        if len(folded) < 4 or any(folded in lemmatizer.stopwords(lang) or word in lemmatizer.stopwords(lang) for lang in schema.LANGUAGES):
            continue
        out |= {plural_stem(folded), *(plural_stem(fold(lemmatizer.lemma(word, lang))) for lang in schema.LANGUAGES)}
    return out


def self_evident(
    segments: pd.Series, theme_ids: pd.Series, names: dict[str, list[str]], keywords: dict[str, list[str]] | None = None
) -> pd.Series:
    """Whether each (segment value, theme) pair names one thing twice: a content lemma shared by the segment
    value and the theme's id or any of its names (``names``: theme id -> its names in every language), or a keyword of
    the theme (``keywords``, any language) all of whose content lemmas the segment value holds: claim check 66 (Plano
    Clima) read «Indústrias extrativas e recursos naturais» in 78% of «Plano Nacional da Pesca Artesanal» as a finding,
    tagged by «pesca» and «pescador» (a keyword of several words counts whole: «recurso natural» is not «Recursos humanos»)."""
    theme_lemmas = {th: set().union(*(content_lemmas(n) for n in [th, *names.get(th, [])])) for th in set(theme_ids)}
    keyword_lemmas = {th: [k for k in map(content_lemmas, (keywords or {}).get(th, [])) if k] for th in set(theme_ids)}
    segment_lemmas = {s: content_lemmas(s) for s in set(segments)}

    def evident(segment: str, theme: str) -> bool:
        mine = segment_lemmas[segment]
        return bool(mine & theme_lemmas[theme]) or any(k <= mine for k in keyword_lemmas[theme])

    return pd.Series([evident(s, th) for s, th in zip(segments, theme_ids)], index=segments.index, dtype=bool)
