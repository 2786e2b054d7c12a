"""Position classifiers: labels through the position mapping, class balancing, save/load without pickle, the CLI."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.errors import ConfigError, ModelError
from consultnlp.positions.model import (
    adjusted_probabilities,
    evaluate_position_model,
    labelled_positions,
    load_position_model,
    position_metrics,
    train_position_model,
)
from consultnlp.themes.data import labelled_from_frame
from consultnlp.themes.training import train_and_save

runner = CliRunner()
WORDS = {
    "A": ["bueno", "necesario", "importante", "justo", "derecho"],
    "P": ["depende", "matices", "discutible", "algunos", "dudas"],
    "D": ["malo", "innecesario", "peligroso", "injusto", "rechazo"],
}
FILLER = ["el", "la", "estado", "concepto", "porque", "debe", "ser", "para", "todos", "chile"]


def toy_frame(counts: dict[str, int], seed: int = 0) -> pd.DataFrame:
    """Texts with two words of their label among fillers; imbalanced like Chile 2016 (A many, D few)."""
    rng = np.random.default_rng(seed)
    rows = []
    for label, n in counts.items():
        for _ in range(n):
            words = list(rng.choice(WORDS[label], 2, replace=False)) + list(rng.choice(FILLER, 5))
            rng.shuffle(words)
            rows.append({"fundamento": " ".join(words), "acuerdo": label})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("positions") / "model"
    data = labelled_from_frame(toy_frame({"A": 300, "P": 60, "D": 30}), text_column="fundamento", label_column="acuerdo")
    card = train_position_model(data, out, features="tfidf", holdout=0.2, random_state=3)
    return out, card


def test_model_labels_read_through_the_position_mapping():
    data = labelled_from_frame(pd.DataFrame({"t": ["x", "y", "z"], "l": ["A", "Discordo", "-1"]}), text_column="t", label_column="l")
    assert [l[0] for l in labelled_positions(data).labels] == ["support", "oppose", "oppose"]
    bad = labelled_from_frame(pd.DataFrame({"t": ["x"], "l": ["quizás"]}), text_column="t", label_column="l")
    with pytest.raises(ConfigError, match='column "l" has values that are not positions: "quizás"'):
        labelled_positions(bad)


def test_model_trained_balanced_finds_the_rare_positions(trained):
    out, card = trained
    assert card["kind"] == "positions" and card["classes"] == ["oppose", "partial", "support"]
    assert card["prior_adjustment"] in (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5)
    metrics = card["metrics"]
    assert metrics["rows"] == 78 and metrics["macro_f1"] > 0.9
    assert metrics["per_class"]["oppose"]["recall"] > 0.8
    assert {"model.npz", "model.json", "card.json", "model_card.md"} <= {p.name for p in out.iterdir()}
    assert not any(p.suffix in (".joblib", ".pkl") for p in out.iterdir())
    card_md = (out / "model_card.md").read_text(encoding="utf-8")
    assert card_md.startswith("# Position classifier `model`") and "A -> support, P -> partial, D -> oppose" in card_md
    assert f"| oppose | {metrics['per_class']['oppose']['precision']:.3f} |" in card_md


def test_model_loaded_predicts_positions_with_probabilities(trained):
    out, _ = trained
    model = load_position_model(out)
    positions, prob = model.predict(["es malo e injusto para todos", "es bueno y necesario", "tengo dudas, depende de los matices"])
    assert positions == ["oppose", "support", "partial"]
    assert ((prob > 0.5) & (prob <= 1)).all()
    assert model.predict(["es malo e injusto"], min_probability=1.0)[0] == ["none"]


def test_model_evaluated_on_labelled_data(trained):
    out, _ = trained
    data = labelled_from_frame(toy_frame({"A": 40, "P": 20, "D": 20}, seed=9), text_column="fundamento", label_column="acuerdo")
    metrics = evaluate_position_model(out, data)
    assert metrics["rows"] == 80 and metrics["macro_f1"] > 0.9
    assert set(metrics["per_class"]) == {"support", "partial", "oppose"}


def test_model_a_theme_model_is_refused(tmp_path):
    data = labelled_from_frame(toy_frame({"A": 40, "D": 40}), text_column="fundamento", label_column="acuerdo")
    train_and_save(data, tmp_path / "themes", features="tfidf", holdout=0)
    with pytest.raises(ModelError, match="is a theme model, not a position model"):
        load_position_model(tmp_path / "themes")


def test_model_prior_adjustment_balances_decisions():
    log_prior = np.log(np.array([0.9, 0.1]))
    scores = np.log(np.array([[0.8, 0.2]]))
    assert adjusted_probabilities(scores, log_prior, 0.0).argmax() == 0
    balanced = adjusted_probabilities(scores, log_prior, 1.0)
    assert balanced.argmax() == 1 and np.isclose(balanced.sum(), 1.0)


def test_model_metrics_macro_f1_over_gold_classes():
    metrics = position_metrics(["support", "support", "oppose", "partial"], ["support", "oppose", "oppose", "support"])
    assert metrics["per_class"]["support"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert metrics["per_class"]["oppose"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert metrics["macro_f1"] == pytest.approx((0.5 + 0.6667 + 0) / 3, abs=1e-3)
    assert metrics["confusion"]["support"] == {"oppose": 1, "support": 1}


def test_model_cli_train_evaluate(tmp_path):
    path = tmp_path / "labelled.csv"
    toy_frame({"A": 150, "P": 40, "D": 30}, seed=4).to_csv(path, index=False)
    result = runner.invoke(
        app,
        [
            "positions",
            "train",
            str(path),
            "--text-column",
            "fundamento",
            "--label-column",
            "acuerdo",
            "--out",
            str(tmp_path / "m"),
            "--features",
            "tfidf",
            "--quiet",
            "--no-cache",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output and "--position-model" in result.output
    result = runner.invoke(
        app,
        [
            "positions",
            "evaluate",
            str(tmp_path / "m"),
            str(path),
            "--text-column",
            "fundamento",
            "--label-column",
            "acuerdo",
            "--out",
            str(tmp_path / "metrics.json"),
            "--quiet",
            "--no-cache",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "metrics.json").read_text())["macro_f1"] > 0.9
    result = runner.invoke(
        app,
        [
            "positions",
            "evaluate",
            str(tmp_path / "m"),
            str(path),
            "--text-column",
            "fundamento",
            "--label-column",
            "acuerdo",
            "--mapping",
            "{bad",
            "--no-cache",
        ],
    )
    assert result.exit_code == 1 and result.output.startswith("Error: --mapping is not valid JSON")
