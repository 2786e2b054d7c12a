"""Saved theme classifiers are data, not code: arrays in .npz and JSON, never a pickle."""

from __future__ import annotations

import json
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from consultnlp.errors import ModelError
from consultnlp.themes.classifier import ClassifierSettings, ThemeClassifier
from consultnlp.themes.data import labelled_from_frame
from consultnlp.themes.training import build_card, load_model, save_model

WORDS = {
    "water": "agua pozo sequía río cañería",
    "school": "escuela profesor aula libros liceo",
    "road": "camino puente bache asfalto vereda",
    "clinic": "hospital médico consulta remedios enfermera",
}
FILLER = "el la barrio gente queremos mejor pedimos urgente comuna vecinos".split()


def _toy(seed: int, n: int = 25) -> tuple[list[str], list[tuple[str, ...]], list[str], np.ndarray]:
    rng = np.random.default_rng(seed)
    texts, labels, groups, emb = [], [], [], []
    for k, (label, words) in enumerate(sorted(WORDS.items())):
        for _ in range(n):
            chosen = list(rng.choice(words.split(), 2, replace=False)) + list(rng.choice(FILLER, 3))
            texts.append(" ".join(chosen))
            labels.append((label,) if k % 2 else (label, sorted(WORDS)[0]))
            groups.append("q1" if k < 2 else "q2")
            emb.append(rng.normal(size=8) + np.eye(8)[k] * 3)
    return texts, labels, groups, np.asarray(emb, dtype=np.float32)


def _card(model: ThemeClassifier, out: Path) -> dict:
    texts, labels, _, _ = _toy(1)
    frame = pd.DataFrame({"texto": texts, "tema": ["|".join(ls) for ls in labels]})
    data = labelled_from_frame(frame, text_column="texto", label_column="tema", multi_label="|")
    return build_card(
        data, model, out, rows_train=len(texts), rows_holdout=0, metrics=None, metrics_without_groups=None, training_seconds=0.0
    )


@pytest.fixture(scope="module")
def fitted() -> dict[str, ThemeClassifier]:
    texts, labels, groups, emb = _toy(1)
    single = [ls[:1] for ls in labels]
    return {
        "tfidf": ThemeClassifier(ClassifierSettings(features="tfidf", random_state=0)).fit(texts, single, groups=groups),
        "both-multi": ThemeClassifier(ClassifierSettings(features="tfidf+embeddings", head_epochs=3, random_state=0)).fit(
            texts, labels, groups=groups, embeddings=emb, multi_label=True
        ),
        "embeddings": ThemeClassifier(ClassifierSettings(features="embeddings", head_epochs=3, random_state=0)).fit(
            texts, single, embeddings=emb
        ),
    }


@pytest.mark.parametrize("kind", ["tfidf", "both-multi", "embeddings"])
def test_model_files_round_trip_gives_identical_scores(fitted, kind: str, tmp_path: Path) -> None:
    model = fitted[kind]
    save_model(model, _card(model, tmp_path), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["card.json", "model.json", "model.npz", "model_card.md"]
    loaded, card = load_model(tmp_path)
    texts, _, groups, emb = _toy(7, n=5)
    before = model.scores(texts, groups=groups, embeddings=emb)
    after = loaded.scores(texts, groups=groups, embeddings=emb)
    assert np.array_equal(before, after)  # exactly, not approximately
    assert model.predict_sets(before) == loaded.predict_sets(after)
    assert list(loaded.classes_) == list(model.classes_) and loaded.group_labels_ == model.group_labels_
    assert card["model_bytes"] == (tmp_path / "model.npz").stat().st_size + (tmp_path / "model.json").stat().st_size


def test_model_files_hold_no_pickled_objects(fitted, tmp_path: Path) -> None:
    save_model(fitted["both-multi"], _card(fitted["both-multi"], tmp_path), tmp_path)
    with zipfile.ZipFile(tmp_path / "model.npz") as z:
        assert all(name.endswith(".npy") for name in z.namelist())
    with np.load(tmp_path / "model.npz", allow_pickle=False) as npz:
        assert all(npz[name].dtype != object for name in npz.files)  # would raise if any needed pickle
        assert npz["net_W1"].dtype == np.float16
    json.loads((tmp_path / "model.json").read_text())


def test_model_files_refuse_an_old_pickle_without_loading_it(tmp_path: Path) -> None:
    ran = tmp_path / "ran"

    class Payload:  # unpickling this would create a file: it must never happen
        def __reduce__(self):
            return (Path.touch, (ran,))

    (tmp_path / "model.joblib").write_bytes(pickle.dumps(Payload()))
    (tmp_path / "card.json").write_text(json.dumps({"format": "consultnlp-theme-classifier/2"}))
    with pytest.raises(ModelError) as err:
        load_model(tmp_path)
    message = str(err.value)
    assert "\n" not in message
    assert message == (
        f"{tmp_path} was saved by an older consultnlp as a pickle (model.joblib), which can run code "
        "when loaded; retrain it with consultnlp themes train."
    )
    assert not ran.exists()


def test_model_files_object_array_is_refused(fitted, tmp_path: Path) -> None:
    save_model(fitted["tfidf"], _card(fitted["tfidf"], tmp_path), tmp_path)
    with np.load(tmp_path / "model.npz", allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    arrays["class_log_prior"] = np.array([object()], dtype=object)
    np.savez(tmp_path / "model.npz", **arrays)
    with pytest.raises(ModelError, match=r"model\.npz cannot be loaded \(ValueError: Object arrays cannot be loaded"):
        load_model(tmp_path)
