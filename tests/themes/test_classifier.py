"""Supervised theme classifiers: train, save, load, evaluate, per-question label sets, the CLI."""

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp import schema
from consultnlp.cli import app
from consultnlp.config import ThemesConfig
from consultnlp.errors import ConfigError, ModelError
from consultnlp.ingest.readers import file_sha256
from consultnlp.stages.base import RunContext
from consultnlp.stages.themes import ThemesStage
from consultnlp.themes.classifier import ClassifierSettings, ThemeClassifier
from consultnlp.themes.data import labelled_from_frame
from consultnlp.themes.training import evaluate_model, load_model, train_and_save

runner = CliRunner()
VOCAB = {
    "q1": {
        "water": ["agua", "pozo", "sequía", "río", "cañería"],
        "school": ["escuela", "profesor", "aula", "libros", "liceo"],
        "road": ["camino", "puente", "bache", "asfalto", "vereda"],
    },
    "q2": {
        "crime": ["robo", "policía", "asalto", "delito", "carabineros"],
        "clinic": ["hospital", "médico", "consulta", "remedios", "enfermera"],
        "school": ["escuela", "profesor", "aula", "libros", "liceo"],
    },
}
FILLER = ["el", "la", "barrio", "gente", "queremos", "mejor", "pedimos", "urgente", "comuna", "vecinos", "siempre", "nunca"]


def toy_frame(n_per_label: int, seed: int, *, multi: bool = False) -> pd.DataFrame:
    """Each text: 2 words of its label(s) among fillers; a learnable problem with a known answer."""
    rng = np.random.default_rng(seed)
    rows = []
    for group, labels in VOCAB.items():
        names = sorted(labels)
        for label in names:
            for _ in range(n_per_label):
                chosen = [label] + ([names[(names.index(label) + 1) % len(names)]] if multi else [])
                words = [w for l in chosen for w in rng.choice(labels[l], 2, replace=False)]
                words += list(rng.choice(FILLER, 4))
                rng.shuffle(words)
                rows.append({"texto": " ".join(words), "tema": "|".join(chosen), "pregunta": group})
    return pd.DataFrame(rows)


def _data(frame: pd.DataFrame, **kwargs):
    return labelled_from_frame(frame, text_column="texto", label_column="tema", **kwargs)


@pytest.fixture(scope="module")
def toy_model(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("models") / "toy"
    train_and_save(_data(toy_frame(40, seed=1), group_column="pregunta"), out, features="tfidf", holdout=0.2, random_state=0)
    return out


def test_themes_train_save_load_evaluate_toy(toy_model: Path):
    card = json.loads((toy_model / "card.json").read_text())
    assert card["classes"] == ["clinic", "crime", "road", "school", "water"]
    assert card["groups"] == {"q1": ["road", "school", "water"], "q2": ["clinic", "crime", "school"]}
    assert card["data"]["rows_train"] == 192 and card["data"]["rows_holdout"] == 48
    assert card["metrics"]["top1_accuracy"] >= 0.95 and card["metrics"]["group_restriction"] is True
    assert {"training_seconds", "peak_memory_mb", "versions", "settings", "serialisation"} <= set(card)
    card_md = (toy_model / "model_card.md").read_text()
    assert card_md.startswith("# Theme classifier `toy`")
    assert (
        "- Method: word 1-2-gram and character 2-5-gram TF-IDF into a one-hidden-layer network (256 ReLU units); within a question"
        in card_md
    )
    model, _ = load_model(toy_model)
    assert list(model.classes_) == card["classes"]
    metrics = evaluate_model(toy_model, _data(toy_frame(20, seed=2), group_column="pregunta"))
    assert metrics["rows"] == 120
    assert metrics["top1_accuracy"] >= 0.95 and metrics["macro_f1"] >= 0.95 and metrics["micro_f1"] >= 0.95
    assert metrics["top5_accuracy"] == 1.0
    assert set(metrics["per_class"]) == {"clinic", "crime", "road", "school", "water"}
    assert metrics["per_class"]["water"]["support"] == 20


def test_themes_group_column_restricts_labels(toy_model: Path):
    model, _ = load_model(toy_model)
    texts = ["agua pozo sequía río barrio", "agua pozo sequía río barrio"]
    with_groups = model.predict_sets(model.scores(texts, groups=["q1", "q2"]))
    assert with_groups[0] == ["water"]
    assert with_groups[1][0] in {"clinic", "crime", "school"}  # water was never an answer to q2
    assert model.predict_sets(model.scores(texts[1:]))[0] == ["water"]  # no group: every label allowed
    scores = model.scores(texts, groups=["q2", "unknown question"])
    assert np.isneginf(scores[0, list(model.classes_).index("water")])
    assert np.isfinite(scores[1]).all() and model.unknown_groups(["q2", "unknown question"]) == ["unknown question"]


def test_themes_classifier_same_seed_same_scores_and_saved_model_scores_alike(toy_model: Path):
    data = _data(toy_frame(40, seed=1), group_column="pregunta")
    settings = ClassifierSettings(features="tfidf", random_state=0)
    first = ThemeClassifier(settings).fit(data.texts, data.labels, groups=data.groups)
    second = ThemeClassifier(settings).fit(data.texts, data.labels, groups=data.groups)
    other_seed = ThemeClassifier(ClassifierSettings(features="tfidf", random_state=1)).fit(data.texts, data.labels, groups=data.groups)
    texts, groups = ["agua pozo barrio", "robo escuela comuna"], ["q1", "q2"]
    assert np.array_equal(first.scores(texts, groups=groups), second.scores(texts, groups=groups))
    assert not np.array_equal(first.scores(texts, groups=groups), other_seed.scores(texts, groups=groups))
    loaded, _ = load_model(toy_model)  # W1 is stored as float16: scoring still gives proper log-probabilities
    assert loaded.nets_[0]["W1"].dtype == np.float16
    scores = loaded.scores(texts, groups=groups)
    assert np.allclose(np.exp(scores).sum(axis=1), 1.0)


def test_themes_group_prior_breaks_ties_toward_the_question_s_frequent_label():
    # "escuela" texts are school in both questions; a text with no label words gets the label
    # its question used most, through p(label | question) / p(label).
    rows = [("agua pozo", "water", "q1")] * 30 + [("escuela aula", "school", "q1")] * 5
    rows += [("robo delito", "crime", "q2")] * 5 + [("escuela aula", "school", "q2")] * 30
    frame = pd.DataFrame(rows, columns=["texto", "tema", "pregunta"])
    model = ThemeClassifier(ClassifierSettings(features="tfidf")).fit(
        frame["texto"].tolist(), [(l,) for l in frame["tema"]], groups=frame["pregunta"].tolist()
    )
    assert model.predict_sets(model.scores(["vecinos comuna", "vecinos comuna"], groups=["q1", "q2"])) == [["water"], ["school"]]
    with pytest.raises(ConfigError, match=r"^classifier.dropout: Input should be less than 1 \(got 1.0\).$"):
        ClassifierSettings(dropout=1.0)
    with pytest.raises(ConfigError, match=r"classifier.features: Value error, choose one of tfidf, embeddings, tfidf\+embeddings"):
        ClassifierSettings(features="words")


def test_themes_train_settings_come_from_the_pipeline_config(tmp_path: Path):
    """One configuration system: `themes train` reads the classifier: section, --set overrides it."""
    from consultnlp.config import load_config

    cfg = load_config(overrides=["classifier.epochs=8", "classifier.features=tfidf"]).classifier
    assert (cfg.epochs, cfg.features, cfg.uses_embeddings) == (8, "tfidf", False)
    with pytest.raises(ConfigError, match="unknown key 'classifier.epoch'"):
        load_config(overrides=["classifier.epoch=8"])


def test_themes_old_model_format_asks_to_retrain(toy_model: Path, tmp_path: Path):
    old = tmp_path / "old"
    old.mkdir()
    card = json.loads((toy_model / "card.json").read_text())
    (old / "card.json").write_text(json.dumps({**card, "format": "consultnlp-theme-classifier/1"}))
    for name in ("model.npz", "model.json"):  # the arrays read fine; the card's format decides
        (old / name).write_bytes((toy_model / name).read_bytes())
    with pytest.raises(ModelError, match=r"format 'consultnlp-theme-classifier/1'.*Retrain it"):
        load_model(old)


def test_themes_multi_label_toy(tmp_path: Path):
    out = tmp_path / "multi"
    card = train_and_save(_data(toy_frame(40, seed=3, multi=True), multi_label="|"), out, features="tfidf", holdout=0.0)
    assert card["task"] == "multi-label" and card["metrics"] is None
    metrics = evaluate_model(out, _data(toy_frame(15, seed=4, multi=True), multi_label="|"))
    assert metrics["micro_f1"] >= 0.85 and metrics["samples_f1"] >= 0.85
    assert metrics["top1_accuracy"] >= 0.95


def test_themes_embeddings_head_learns_with_use(tmp_path: Path):
    # The default model (TF-IDF fused with an MLP over real USE embeddings), on the toy problem.
    settings = ClassifierSettings(features="tfidf+embeddings", head_epochs=30)
    card = train_and_save(_data(toy_frame(20, seed=5)), tmp_path / "emb", settings=settings, holdout=0.25)
    assert card["embedder"].startswith("use-multilingual")
    assert card["metrics"]["top1_accuracy"] >= 0.9


def test_themes_stage_supervised_tags_with_model_and_question(toy_model: Path):
    texts = ["agua pozo sequía río barrio", "agua pozo sequía río barrio", "robo asalto carabineros"]
    index = pd.Index(["a", "b", "c"], name=schema.COMMENT_ID)
    frame = pd.DataFrame(
        {
            schema.TEXT_REDACTED: texts,
            schema.LANG: "es",
            schema.LEMMAS: "",
            "pregunta": ["q1", "q2", "q2"],
            schema.EXCLUDED: "",
            schema.EXCLUDED_STAGE: "",
        },
        index=index,
    )
    context = RunContext()
    config = ThemesConfig(method="supervised", model=str(toy_model), group_column="pregunta")
    out = ThemesStage(config).apply(frame, context)
    assert out[schema.THEMES].iloc[0] == "water" and out[schema.THEMES].iloc[2] == "crime"
    assert out[schema.THEMES].iloc[1] != "water"
    assert re.fullmatch(r"water:p=(0\.\d\d|1\.00)", out[schema.THEME_EVIDENCE].iloc[0])
    assert context.taxonomy.name_of("water", "es") == "water" and context.taxonomy.get("water").parent is None
    plain = ThemesStage(ThemesConfig(method="supervised", model=str(toy_model))).apply(frame, context)
    assert plain[schema.THEMES].iloc[1] == "water"
    assert any(w.key == "note_group_column_unset" for w in context.warnings)


def test_themes_cli_train_and_evaluate(tmp_path: Path):
    train_csv, test_csv = tmp_path / "train.csv", tmp_path / "test.csv"
    toy_frame(30, seed=6).to_csv(train_csv, index=False)
    toy_frame(10, seed=7).to_csv(test_csv, index=False)
    model = tmp_path / "models" / "codebook"
    common = ["--text-column", "texto", "--label-column", "tema", "--group-column", "pregunta", "--quiet", "--no-cache"]
    trained = runner.invoke(app, ["themes", "train", str(train_csv), "--out", str(model), "--features", "tfidf", *common])
    assert trained.exit_code == 0, trained.output
    assert trained.output.startswith("Trained on 162 rows, 5 classes in ")
    card = json.loads((model / "card.json").read_text())
    assert card["data"]["sha256"] == file_sha256(train_csv) and card["data"]["group_column"] == "pregunta"
    report = tmp_path / "eval.json"
    evaluated = runner.invoke(app, ["themes", "evaluate", str(model), str(test_csv), "--out", str(report), *common])
    assert evaluated.exit_code == 0, evaluated.output
    metrics = json.loads(report.read_text())
    assert {"top1_accuracy", "top5_accuracy", "macro_f1", "micro_f1", "per_class", "confusions"} <= set(metrics)
    assert metrics["top1_accuracy"] >= 0.9 and "top1_accuracy" in evaluated.output


def test_themes_cli_errors_are_one_line(tmp_path: Path):
    data = tmp_path / "d.csv"
    toy_frame(5, seed=8).to_csv(data, index=False)
    bad_column = runner.invoke(
        app,
        [
            "themes",
            "train",
            str(data),
            "--out",
            str(tmp_path / "m"),
            "--text-column",
            "texto",
            "--label-column",
            "label",
            "--no-cache",
            "-q",
        ],
    )
    assert bad_column.exit_code == 1
    assert (
        bad_column.output.strip()
        == 'Error: d.csv has no column "label". Found: texto, tema, pregunta. Use --label-column with one of them.'
    )
    no_model = runner.invoke(
        app,
        ["themes", "evaluate", str(tmp_path / "nope"), str(data), "--text-column", "texto", "--label-column", "tema", "--no-cache", "-q"],
    )
    assert no_model.exit_code == 1
    assert no_model.output.strip().startswith(f"Error: theme model {tmp_path / 'nope'} does not exist. Train one with:")


def test_themes_two_networks_are_averaged_and_saved_without_pickle(tmp_path: Path):
    """nets=2: two TF-IDF networks from different seeds, their log-probabilities averaged; the saved folder
    (arrays loaded with allow_pickle=False) scores exactly as the fitted model."""
    data = _data(toy_frame(30, seed=2), group_column="pregunta")
    card = train_and_save(data, tmp_path / "two", settings=ClassifierSettings(features="tfidf", nets=2, random_state=0), holdout=0.2)
    assert card["settings"]["nets"] == 2
    loaded, _ = load_model(tmp_path / "two")
    assert len(loaded.nets_) == 2 and not np.array_equal(loaded.nets_[0]["W1"], loaded.nets_[1]["W1"])
    texts, groups = ["agua pozo barrio", "robo escuela comuna", "vecinos comuna"], ["q1", "q2", "q2"]
    one = ThemeClassifier(ClassifierSettings(features="tfidf", random_state=0)).fit(data.texts, data.labels, groups=data.groups)
    two = ThemeClassifier(ClassifierSettings(features="tfidf", nets=2, random_state=0)).fit(data.texts, data.labels, groups=data.groups)
    assert np.array_equal(one.nets_[0]["W1"], two.nets_[0]["W1"])  # the first network is the single-network model
    assert not np.allclose(one.scores(texts, groups=groups), two.scores(texts, groups=groups))
    with np.load(tmp_path / "two" / "model.npz", allow_pickle=False) as npz:
        assert {"net_W1", "net1_W1"} <= set(npz.files)
    held = ["agua río vecinos", "hospital médico gente"]
    assert loaded.predict_sets(loaded.scores(held, groups=["q1", "q2"])) == [["water"], ["clinic"]]


def test_themes_class_balance_weighs_rare_labels_up():
    from consultnlp.themes.classifier import balanced_row_weight

    Y = np.zeros((5, 2), dtype=bool)
    Y[:4, 0] = True
    Y[4, 1] = True
    assert balanced_row_weight(Y, 0.0) is None
    w = balanced_row_weight(Y, 1.0)  # counts 4 and 1: weights 1/4 and 1, rescaled to mean 1
    assert np.allclose(w, np.array([0.25, 0.25, 0.25, 0.25, 1.0]) / 0.4)
    # With the rare label weighed up, a text of that label's words ranks it higher than without.
    rows = [("agua pozo", "water")] * 60 + [("agua escuela", "school")] * 3
    texts, labels = [t for t, _ in rows], [(l,) for _, l in rows]
    plain = ThemeClassifier(ClassifierSettings(features="tfidf")).fit(texts, labels)
    balanced = ThemeClassifier(ClassifierSettings(features="tfidf", class_balance=1.0)).fit(texts, labels)
    school = list(plain.classes_).index("school")
    assert balanced.scores(["agua escuela"])[0, school] > plain.scores(["agua escuela"])[0, school]
