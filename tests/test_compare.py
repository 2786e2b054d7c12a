"""``consultnlp compare``: two runs of the sample with different settings, and a run against itself."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.compare import match
from tests.conftest import SAMPLE_XLSX
from tests.report.sample_run import sample_analysis


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """(A, B): the shared sample run (k-means, automatic k, Spanish) and one with 12 topics reported in Portuguese."""
    a = sample_analysis(tmp_path_factory)
    folder = tmp_path_factory.mktemp("compare")
    b = folder / "b"
    result = CliRunner().invoke(
        app,
        [
            "analyze",
            str(SAMPLE_XLSX),
            "--sheet",
            "Respuestas",
            "--id-column",
            "id",
            "--out",
            str(b),
            "--format",
            "md",
            "--quiet",
            "--cache-dir",
            str(folder / "cache"),
            "--set",
            "topics.clustering=kmeans",
            "--set",
            "topics.n_clusters=12",
            "--report-lang",
            "pt",
        ],
    )
    assert result.exit_code == 0, result.output
    return a, b, folder


def test_compare_two_settings(runs):
    a, b, folder = runs
    out = folder / "ab"
    result = CliRunner().invoke(app, ["compare", str(a), str(b), "--out", str(out)])
    assert result.exit_code == 0, result.output
    topics = pd.read_csv(out / "tables" / "topics.csv")
    n_a = int((pd.read_parquet(a / "tables" / "topics.parquet")["topic_id"] >= 0).sum())
    n_b = int((pd.read_parquet(b / "tables" / "topics.parquet")["topic_id"] >= 0).sum())
    status = topics["status"].value_counts()
    assert status.get("kept", 0) + status.get("gone", 0) == n_a and status.get("kept", 0) + status.get("new", 0) == n_b
    assert status.get("kept", 0) >= 3 and (topics.loc[topics["status"] == "kept", "similarity"] >= 0.85).all()
    assert (topics.loc[topics["status"] != "kept", "similarity"] < 1).all()
    kept = topics.loc[topics["status"] == "kept"]
    assert (kept["change"] - (kept["share_b"] - kept["share_a"])).abs().max() < 1e-4
    # Themes do not depend on the topic settings: same shares in both runs.
    themes = pd.read_csv(out / "tables" / "themes.csv")
    assert len(themes) > 10 and (themes["change"] == 0).all() and set(themes["status"]) == {"kept"}
    overview = pd.read_csv(out / "tables" / "overview.csv").set_index("metric")
    assert overview.loc["input", "change"] == 0 and overview.loc["topics", "a"] == n_a and overview.loc["topics", "b"] == n_b
    # B's report language (pt) unless asked: the report and the topic names follow it.
    report = (out / "comparison.md").read_text(encoding="utf-8")
    assert report.startswith("# O que mudou entre duas análises") and f"{status['kept']} tópicos continuam" in report
    assert "comparison.html" in result.output


def test_compare_a_run_with_itself_in_english(runs, tmp_path):
    a, _, _ = runs
    result = CliRunner().invoke(app, ["compare", str(a), str(a), "--out", str(tmp_path / "aa"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    topics = pd.read_csv(tmp_path / "aa" / "tables" / "topics.csv")
    assert set(topics["status"]) == {"kept"} and (topics["topic_a"] == topics["topic_b"]).all() and (topics["change"] == 0).all()
    assert (topics["similarity"] > 0.999).all()
    assert (tmp_path / "aa" / "comparison.md").read_text(encoding="utf-8").startswith("# What changed between two analyses")


def test_compare_errors(runs, tmp_path):
    a, _, _ = runs
    result = CliRunner().invoke(app, ["compare", str(a), str(tmp_path), "--out", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: {tmp_path} is not an analysis folder (no private/state/). Give two --out folders of `consultnlp analyze`.\n"
    )


def test_compare_match_is_one_to_one_and_greedy():
    import numpy as np

    similarity = np.array([[0.9, 0.95, 0.1], [0.92, 0.5, 0.2]])
    assert match(similarity, 0.85) == [(0, 1, 0.95), (1, 0, 0.92)]
    assert match(similarity, 0.96) == []
