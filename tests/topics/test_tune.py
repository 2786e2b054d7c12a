"""``consultnlp topics tune``: one row per grid point with the measures, a recommendation, a CSV and a plot."""

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.config import load_config
from consultnlp.errors import ConfigError
from consultnlp.topics.tune import COLUMNS, parse_grid, recommend
from consultnlp.tuning import tune_topics
from tests.conftest import SAMPLE_CSV, FakeEmbedder

runner = CliRunner()


def test_topics_tune_grid_table_has_every_column(tmp_path):
    small = tmp_path / "small.csv"
    pd.read_csv(SAMPLE_CSV).head(300).to_csv(small, index=False)
    config = load_config(overrides=["ingest.text_column=comentario", "ingest.id_column=id"])
    grid = parse_grid(["min_topic_size=8,15", "n_neighbors=10"])
    result = tune_topics(small, grid, config, label_column="region", out_dir=tmp_path / "tune", embedder=FakeEmbedder())
    table = result.table
    assert list(table.columns) == COLUMNS + ["min_topic_size", "n_neighbors"]
    assert table["setting"].tolist() == ["min_topic_size=8 n_neighbors=10", "min_topic_size=15 n_neighbors=10"]
    assert (table["n_topics"] >= 1).all() and (table["outlier_share"] <= 0.05 + 1e-9).all()
    assert table["nmi"].between(0, 1).all() and table["diversity"].between(0, 1).all()
    assert table.loc[0, "n_topics"] >= table.loc[1, "n_topics"]  # smaller topics, more of them
    assert result.recommended["n_neighbors"] == 10 and result.recommended["min_topic_size"] in (8, 15)
    assert "NMI" in result.rule
    written = pd.read_csv(tmp_path / "tune" / "topics_tune.csv")
    assert list(written.columns) == list(table.columns) and len(written) == 2
    assert (tmp_path / "tune" / "topics_tune.png").stat().st_size > 10_000


def test_topics_tune_recommendation_rules():
    table = pd.DataFrame(
        {
            "setting": ["a", "b", "c"],
            "n_topics": [40, 20, 10],
            "raw_outlier_share": [0.2, 0.3, 0.7],
            "npmi": [0.05, 0.04, 0.20],
            "diversity": [0.9, 0.95, 1.0],
            "nmi": [0.450, 0.448, 0.30],
        }
    )
    assert recommend(table, labelled=True)[0] == 1  # within 0.005 of the best NMI, fewer topics
    assert recommend(table, labelled=False)[0] == 1  # c leaves 70% outliers; b ranks best on the rest


def test_topics_tune_bad_grid_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["topics", "tune", str(SAMPLE_CSV), "--grid", "min_topic_sise=10,20", "--quiet"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: --grid key 'min_topic_sise' cannot be tuned. Tunable keys: clustering, min_topic_size, min_samples, refine, "
        "n_neighbors, n_components, n_clusters, lexical_weight, max_outlier_share."
    )
    result = runner.invoke(app, ["topics", "tune", str(SAMPLE_CSV), "--grid", "min_topic_size=1", "--quiet"])
    assert result.exit_code == 1 and "Error: --grid value 1 for 'min_topic_size' is invalid" in result.output
    with pytest.raises(ConfigError, match="must look like key=v1,v2"):
        parse_grid(["min_topic_size"])


def test_topics_tune_unknown_label_column_lists_columns(tmp_path):
    result = runner.invoke(
        app, ["topics", "tune", str(SAMPLE_CSV), "--grid", "min_topic_size=10", "--label-column", "tema", "--quiet", "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert 'Error: consulta_gobierno_abierto.csv has no column "tema" for --label-column. Found: id, fecha, region' in result.output
