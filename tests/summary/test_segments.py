"""Theme × segment tests: a known difference is found, a null one is not, and copies are one voice."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.summary.segments import (
    holm,
    theme_families,
    theme_segment_table,
    two_by_two_test,
)
from tests.report.frames import segment_frame, taxonomy


def _row(table, segment, theme, level="theme"):
    hit = table[(table["segment"] == segment) & (table["theme_id"] == theme) & (table["level"] == level)]
    assert len(hit) == 1, (segment, theme, level)
    return hit.iloc[0]


def test_segments_known_difference_is_significant():
    # Norte: 60 of 100 raise water; Sur and Centro: 10 of 100. Health is 30% everywhere.
    cells = {
        ("Norte", "water"): 60,
        ("Norte", "health"): 30,
        ("Norte", "other"): 10,
        ("Sur", "water"): 10,
        ("Sur", "health"): 30,
        ("Sur", "other"): 60,
        ("Centro", "water"): 10,
        ("Centro", "health"): 30,
        ("Centro", "other"): 60,
    }
    table = theme_segment_table(segment_frame(cells), "region", alpha=0.05, min_count=5)
    north = _row(table, "Norte", "water")
    assert (north["unique_contributions"], north["segment_unique"], north["share_in_segment"], north["share_overall"]) == (
        60,
        100,
        0.6,
        0.2667,
    )
    assert north["lift"] == pytest.approx(2.25, abs=1e-3) and north["test"] == "chi2"
    assert north["p_adjusted"] < 1e-10 and north["significant"]
    assert _row(table, "Sur", "water")["significant"] and _row(table, "Sur", "water")["lift"] < 1  # under-represented, also significant
    for region in ("Norte", "Sur", "Centro"):
        health = _row(table, region, "health")
        assert health["p_value"] == 1.0 and not health["significant"]


def test_segments_equal_shares_are_not_significant():
    cells = {(r, t): n for r in ("A", "B", "C") for t, n in (("water", 30), ("health", 70))}
    table = theme_segment_table(segment_frame(cells), "region", alpha=0.05, min_count=5)
    assert not table["significant"].any()
    assert (table["lift"] == 1.0).all()


def test_segments_campaign_copies_do_not_make_a_difference_significant():
    # Water is 20% in both regions; a 60-copy campaign about water is sent from A.
    cells = {("A", "water"): 20, ("A", "other"): 80, ("B", "water"): 20, ("B", "other"): 80}
    table = theme_segment_table(segment_frame(cells, copies={("A", "water"): 60}), "region", alpha=0.05, min_count=5)
    a = _row(table, "A", "water")
    assert (a["contributions"], a["unique_contributions"], a["segment_size"], a["segment_unique"]) == (80, 21, 160, 101)
    assert a["share_in_segment_with_duplicates"] == 0.5  # counted with its copies, water looks like 50% of A ...
    assert not a["significant"] and a["p_value"] > 0.5  # ... but one campaign is one voice: no finding


def test_segments_small_cells_are_not_findings():
    # 3 of 10 in A against 0 of 200 in B: striking, but below the minimum of 5.
    cells = {("A", "rare"): 3, ("A", "other"): 7, ("B", "other"): 200}
    table = theme_segment_table(segment_frame(cells), "region", alpha=0.05, min_count=5)
    rare = _row(table, "A", "rare")
    assert rare["test"] == "" and np.isnan(rare["p_value"]) and not rare["significant"]  # theme too small to test
    table = theme_segment_table(segment_frame(cells), "region", alpha=0.05, min_count=3)
    rare = _row(table, "A", "rare")
    assert rare["test"] == "fisher" and rare["significant"]


def test_segments_holm_adjustment_matches_hand_computation():
    assert holm(np.array([0.01, 0.04, 0.03, 0.005])).tolist() == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm(np.array([0.5, 0.9])).tolist() == pytest.approx([1.0, 1.0])


def test_segments_chi2_matches_scipy():
    from scipy.stats import chi2_contingency

    for a, n_s, n_t, n in [(30, 100, 60, 400), (16, 88, 43, 553), (50, 100, 100, 200)]:
        table = np.array([[a, n_s - a], [n_t - a, n - n_s - n_t + a]])
        test, p, expected = two_by_two_test(a, n_s, n_t, n)
        assert test == "chi2" and p == pytest.approx(chi2_contingency(table, correction=True)[1], rel=1e-9)
        assert expected == pytest.approx(n_s * n_t / n)


def test_segments_theme_family_pools_sub_themes():
    # Neither sub-theme alone reaches 5 in A, together they do; a comment with both counts once.
    frame = segment_frame(
        {
            ("A", "hospitals"): 3,
            ("A", "medicines"): 2,
            ("A", "hospitals;medicines"): 1,
            ("A", "other"): 14,
            ("B", "hospitals"): 1,
            ("B", "other"): 99,
        }
    )
    families = theme_families(taxonomy(with_family=True))
    assert families == {"open_data": [], "health": ["health"], "hospitals": ["health"], "medicines": ["health"]}
    table = theme_segment_table(frame, "region", alpha=0.05, min_count=5, families=families)
    family = _row(table, "A", "health", level="family")
    assert (family["unique_contributions"], family["segment_unique"], family["significant"]) == (6, 20, True)
    assert _row(table, "A", "hospitals")["unique_contributions"] == 4


def test_segments_self_evident_finding_is_dropped_and_said_in_the_method(tmp_path):
    """A segment value that names the theme ("Salud pública" x "Salud") is no finding; the method says one was dropped."""
    from consultnlp.config import PipelineConfig, SummariseConfig
    from consultnlp.frame import row_accounting
    from consultnlp.report.content import build_content
    from consultnlp.report.markdown import render_markdown
    from consultnlp.report.outputs import report_settings
    from consultnlp.summary import summarise
    from consultnlp.summary.segments import self_evident
    from tests.report.frames import taxonomy

    # "Salud pública" raises health 90%, the rest 20%; "Norte" raises open data 80%, the rest 10%: both significant.
    cells = {
        ("Salud pública", "health"): 90,
        ("Salud pública", "other"): 10,
        ("Norte", "open_data"): 80,
        ("Norte", "other"): 20,
        ("Sur", "health"): 20,
        ("Sur", "open_data"): 10,
        ("Sur", "other"): 70,
    }
    frame = segment_frame(cells)
    frame[schema.EXCLUDED_STAGE] = ""
    frame[schema.DUP_COUNT] = 1
    summary = summarise(
        frame,
        topic_info=None,
        taxonomy=taxonomy(),
        quote_pool=None,
        cfg=SummariseConfig(min_segment_count=5),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang="es",
    )
    table = summary.tables["theme_segment"].set_index(["segment", "theme_id", "level"])
    assert table.loc[("Salud pública", "health", "theme"), "significant"]
    assert table.loc[("Salud pública", "health", "theme"), "self_evident"]
    assert not table.loc[("Salud pública", "health", "theme"), "material"]
    assert table.loc[("Norte", "open_data", "theme"), "material"] and not table.loc[("Norte", "open_data", "theme"), "self_evident"]
    assert summary.facts["self_evident_dropped"] == 1
    # ... and named, so that a reader can judge it (claim check 77: "the biggest difference was removed, unnamed").
    assert [f["segment"] for f in summary.facts["self_evident_findings"]] == ["Salud pública"]
    for lang, sentence in (
        ("es", "Se omitió 1 diferencia evidente por definición"),
        ("pt", "Foi omitida 1 diferença evidente"),
        ("en", "1 difference was left out as self-evident"),
        ("es", "Fue: «Salud» en «Salud pública» (90%, frente al"),
    ):
        content = build_content(
            summary.tables,
            {**summary.facts, "lang": lang},
            lang=lang,
            source="x.csv",
            taxonomy=taxonomy(),
            settings=report_settings(PipelineConfig(), taxonomy(), lang),
            warnings=[],
        )
        text = render_markdown(content)
        assert sentence in text
    # Accents, case and plurals fold; unrelated names and stop words do not match.
    segments = pd.Series(["PUEBLOS INDÍGENAS", "Educación", "Derecho a la vivienda", "de la", "Salud"])
    themes = pd.Series(["indigenous", "health", "housing", "health", "health"])
    names = {"indigenous": ["Pueblo indígena", "Povos indígenas"], "health": ["Salud", "Saúde", "Health"], "housing": ["Vivienda digna"]}
    assert self_evident(segments, themes, names).tolist() == [True, False, True, False, True]


def test_segments_a_segment_that_holds_a_keyword_of_the_theme_is_self_evident():
    # Claim check 66 (Plano Clima): «Indústrias extrativas e recursos naturais» in 78% of «Plano Nacional da Pesca
    # Artesanal», tagged by «pesca» and «pescador», was given as a finding.
    import pandas as pd

    from consultnlp.summary.segments import self_evident

    names = {"extractive": ["Extractive industries"], "water": ["Water"]}
    keywords = {"extractive": ["pesca artesanal", "recurso natural", "mining"], "water": ["agua potable"]}
    segments = pd.Series(["Plano Nacional da Pesca Artesanal", "Recursos humanos", "Plano Clima", "Agua y saneamiento"])
    themes = pd.Series(["extractive", "extractive", "extractive", "water"])
    evident = self_evident(segments, themes, names, keywords).tolist()
    # A keyword of several words counts whole: «recurso natural» is not «Recursos humanos», «agua potable» not «Agua y …».
    assert evident == [True, False, False, False]
    assert self_evident(segments, themes, names).tolist() == [False, False, False, False]
