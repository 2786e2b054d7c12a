"""Train, save, load and evaluate theme classifiers; each saved model carries a model card.

A model folder (``models/NAME/``) holds ``model.joblib`` (the fitted ``ThemeClassifier``),
``card.json`` (machine-readable card) and ``model_card.md`` (the same for people).
joblib files are pickles: load only models you trained yourself or trust.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from dataclasses import asdict, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from consultnlp.embedders import TextEncoder, embedding_text
from consultnlp.errors import ConfigError, ModelError
from consultnlp.progress import NullProgress, Progress
from consultnlp.themes.classifier import ClassifierSettings, ThemeClassifier
from consultnlp.themes.data import LabelledData
from consultnlp.themes.evaluate import evaluate_predictions
from consultnlp.versions import package_versions

MODEL_FILE = "model.joblib"
CARD_JSON = "card.json"
CARD_MD = "model_card.md"
# /2: the TF-IDF part became a small network (``net_``); /1 models held a linear model and must be retrained.
CARD_FORMAT = "consultnlp-theme-classifier/2"


def model_embedder():  # noqa: ANN201 - Embedder
    """The embedder classifiers are trained with (the multilingual USE, weights inside its package)."""
    from consultnlp.embedders.use import UseEmbedder

    return UseEmbedder(threads=2)


def embed_unique(texts: Sequence[str], encoder: TextEncoder) -> np.ndarray:
    """Embeddings of ``texts`` computed once per distinct text (through the on-disk cache when there is one).

    Texts go through the same ``embedding_text`` as in ``analyze`` (ALL-CAPS in lower case), so a
    model scores the vectors it was trained on.
    """
    unique = list(dict.fromkeys(texts))
    position = {t: i for i, t in enumerate(unique)}
    vectors = encoder.encode([embedding_text(t) for t in unique], description="Embedding comments")
    return vectors[[position[t] for t in texts]]


def _peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


def holdout_split(n: int, share: float, random_state: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the training and held-out rows (no held-out rows when ``share`` is 0 or the data is tiny)."""
    if not 0 <= share < 1:
        raise ConfigError(f"--holdout must be in [0, 1); got {share}.")
    order = np.random.default_rng(random_state).permutation(n)
    n_hold = int(round(n * share)) if n >= 20 else 0
    return np.sort(order[n_hold:]), np.sort(order[:n_hold])


def _check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file. Give a folder, e.g. models/{out.stem}.")
    if out.is_dir() and any(out.iterdir()) and not (out / CARD_JSON).exists():
        raise ConfigError(f"--out {out} is a folder with other files in it. Give a new or empty folder, e.g. models/{out.name}_themes.")


def model_encoder(progress: Progress | None = None, cache_dir: Path | None = None) -> TextEncoder:
    """The classifiers' embedder, through the embedding cache when there is one."""
    return TextEncoder(model_embedder(), cache_dir=cache_dir, progress=progress or NullProgress())


def predict_scores(model: ThemeClassifier, data: LabelledData, encoder: TextEncoder) -> np.ndarray:
    """Score ``data`` with ``model`` (embedding the texts first when the model needs it)."""
    embeddings = embed_unique(data.texts, encoder) if model.settings.uses_embeddings else None
    return model.scores(data.texts, groups=data.groups, embeddings=embeddings)


def measure(model: ThemeClassifier, data: LabelledData, scores: np.ndarray) -> dict[str, Any]:
    """``evaluate_predictions`` on ``data`` given its scores, plus how the group restriction was applied."""
    predicted = model.predict_sets(scores)
    metrics = evaluate_predictions(scores, predicted, data.labels, list(model.classes_), multi_label=model.multi_label_)
    metrics["group_restriction"] = bool(data.groups is not None and model.group_labels_ is not None)
    unknown = model.unknown_groups(data.groups)
    if unknown:
        metrics["unknown_groups"] = unknown
    return metrics


def train_and_save(
    data: LabelledData,
    out: str | Path,
    *,
    features: str = "tfidf+embeddings",
    holdout: float = 0.1,
    random_state: int = 42,
    settings: ClassifierSettings | None = None,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Train on ``data`` minus a held-out share, measure on that share, save model and card to ``out``; return the card."""
    out = Path(out)
    _check_out_dir(out)
    settings = settings or ClassifierSettings(features=features, random_state=random_state)
    progress = progress or NullProgress()
    encoder = model_encoder(progress, cache_dir)
    started = time.perf_counter()
    train_idx, hold_idx = holdout_split(len(data), holdout, random_state)
    train, held = data.subset(train_idx), data.subset(hold_idx)
    embeddings = embed_unique(data.texts, encoder) if settings.uses_embeddings else None
    model = ThemeClassifier(settings).fit(
        train.texts, train.labels, groups=train.groups, multi_label=data.multi_label, progress=progress,
        embeddings=embeddings[train_idx] if embeddings is not None else None,
    )
    training_seconds = round(time.perf_counter() - started, 1)
    metrics: dict[str, Any] | None = None
    metrics_without_groups: dict[str, Any] | None = None
    if len(held):
        held_emb = embeddings[hold_idx] if embeddings is not None else None
        scores = model.scores(held.texts, groups=held.groups, embeddings=held_emb)
        metrics = measure(model, held, scores)
        if held.groups is not None:
            plain = model.scores(held.texts, groups=None, embeddings=held_emb)
            ungrouped = measure(model, replace(held, groups=None), plain)
            metrics_without_groups = {k: ungrouped[k] for k in ("top1_accuracy", "top5_accuracy", "macro_f1", "micro_f1")}
    card = build_card(
        data, model, out, rows_train=len(train), rows_holdout=len(held), metrics=metrics,
        metrics_without_groups=metrics_without_groups, training_seconds=training_seconds,
    )
    save_model(model, card, out)
    return card


def build_card(
    data: LabelledData,
    model: ThemeClassifier,
    out: Path,
    *,
    rows_train: int,
    rows_holdout: int,
    metrics: dict[str, Any] | None,
    metrics_without_groups: dict[str, Any] | None,
    training_seconds: float,
) -> dict[str, Any]:
    """The machine-readable model card (``card.json``)."""
    counts: dict[str, int] = {}
    for labels in data.labels:
        for label in labels:
            counts[label] = counts.get(label, 0) + 1
    return {
        "format": CARD_FORMAT,
        "name": out.name,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "task": "multi-label" if model.multi_label_ else "single-label",
        "data": {**data.source, "rows_train": rows_train, "rows_holdout": rows_holdout},
        "classes": [str(c) for c in model.classes_],
        "class_counts": dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        "groups": model.group_labels_,
        "metrics": metrics,
        "metrics_without_groups": metrics_without_groups,
        "training_seconds": training_seconds,
        "timings_s": getattr(model, "timings_", {}),
        "peak_memory_mb": _peak_memory_mb(),
        "settings": asdict(model.settings),
        "embedder": model_embedder().key if model.settings.uses_embeddings else None,
        "versions": package_versions(),
        "serialisation": f"{MODEL_FILE} is a joblib pickle: load only models you trained yourself or trust.",
    }


def save_model(model: ThemeClassifier, card: dict[str, Any], out: Path) -> None:
    """Write ``model.joblib``, ``card.json`` and ``model_card.md`` into ``out``."""
    import joblib

    from consultnlp.themes.card import render_card

    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / MODEL_FILE, compress=3)
    card["model_bytes"] = (out / MODEL_FILE).stat().st_size
    (out / CARD_JSON).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / CARD_MD).write_text(render_card(card), encoding="utf-8")


def load_model(path: str | Path) -> tuple[ThemeClassifier, dict[str, Any]]:
    """Load a model folder written by ``save_model``; raise ``ModelError`` saying what is wrong."""
    import joblib

    path = Path(path)
    if path.is_file() and path.name in (MODEL_FILE, CARD_JSON):
        path = path.parent
    if not path.is_dir():
        raise ModelError(f"theme model {path} does not exist. Train one with: consultnlp themes train DATA --out {path} ...")
    missing = [name for name in (MODEL_FILE, CARD_JSON) if not (path / name).exists()]
    if missing:
        raise ModelError(f"{path} is not a theme model folder: {', '.join(missing)} missing. Train one with: consultnlp themes train.")
    try:
        card = json.loads((path / CARD_JSON).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path / CARD_JSON} cannot be read ({exc}). Retrain the model.") from None
    if card.get("format") != CARD_FORMAT:
        raise ModelError(f"{path} holds a model of format {card.get('format')!r}; this consultnlp reads {CARD_FORMAT!r}. Retrain it.")
    try:
        model = joblib.load(path / MODEL_FILE)
    except Exception as exc:  # unpickling fails in many ways (versions, truncation); all mean "retrain"
        trained = card.get("versions", {}).get("scikit-learn", "?")
        raise ModelError(
            f"{path / MODEL_FILE} cannot be loaded ({type(exc).__name__}: {exc}). It was saved with scikit-learn {trained}; "
            f"this environment has {package_versions()['scikit-learn']}. Retrain it with consultnlp themes train."
        ) from None
    if not isinstance(model, ThemeClassifier):
        raise ModelError(f"{path / MODEL_FILE} does not hold a consultnlp theme classifier. Retrain it.")
    return model, card


def evaluate_model(
    model_path: str | Path, data: LabelledData, *, progress: Progress | None = None, cache_dir: Path | None = None
) -> dict[str, Any]:
    """Metrics of a saved model on labelled data (see ``evaluate_predictions``), plus where they come from."""
    model, card = load_model(model_path)
    if data.multi_label != model.multi_label_:
        kind = "multi-label" if model.multi_label_ else "single-label"
        fix = "add --multi-label SEP" if model.multi_label_ else "drop --multi-label"
        raise ConfigError(f"{Path(model_path).name} is a {kind} model; {fix} to evaluate it.")
    if data.groups is not None and model.group_labels_ is None:
        raise ConfigError(f"{Path(model_path).name} was trained without --group-column; evaluate it without --group-column.")
    started = time.perf_counter()
    scores = predict_scores(model, data, model_encoder(progress, cache_dir))
    metrics = measure(model, data, scores)
    metrics["model"] = str(model_path)
    metrics["data"] = {k: data.source.get(k) for k in ("file", "sha256", "rows_read", "rows_used", "group_column")}
    metrics["seconds"] = round(time.perf_counter() - started, 1)
    if model.group_labels_ is not None and data.groups is None:
        metrics["note"] = "the model knows per-question label sets, but no --group-column was given: every label was allowed"
    return metrics
