"""Train, save, load and evaluate theme classifiers; each saved model carries a model card.

A model folder (``models/NAME/``) holds ``model.npz`` (the fitted ``ThemeClassifier``'s
arrays, read with ``allow_pickle=False``), ``model.json`` (its labels, settings and the
shapes that rebuild it), ``card.json`` (machine-readable card) and ``model_card.md`` (the
same for people). Loading a folder runs no code from it: a model another team sent is
data, not a program. Folders from older versions hold a pickle (``model.joblib``) and are
refused with a message asking to retrain.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from consultnlp.config import ClassifierSettings
from consultnlp.embedders import TextEncoder, embedding_text
from consultnlp.errors import ConfigError, ModelError
from consultnlp.progress import NullProgress, Progress
from consultnlp.themes.classifier import ThemeClassifier
from consultnlp.themes.data import LabelledData
from consultnlp.themes.evaluate import evaluate_predictions
from consultnlp.versions import package_versions

MODEL_ARRAYS = "model.npz"
MODEL_JSON = "model.json"
MODEL_FILE = MODEL_ARRAYS  # what a folder must hold; the card's "model_bytes" is its size
OLD_PICKLE = "model.joblib"
CARD_JSON = "card.json"
CARD_MD = "model_card.md"
# /3: arrays and JSON instead of a joblib pickle; /2 models (pickles) must be retrained.
# /2: the TF-IDF part became a small network (``net_``); /1 models held a linear model.
CARD_FORMAT = "consultnlp-theme-classifier/3"
# TfidfVectorizer parameters that decide what ``transform`` computes; saved and restored.
_TFIDF_PARAMS = (
    "analyzer",
    "ngram_range",
    "lowercase",
    "strip_accents",
    "sublinear_tf",
    "min_df",
    "max_features",
    "norm",
    "use_idf",
    "smooth_idf",
    "token_pattern",
    "binary",
)


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
        train.texts,
        train.labels,
        groups=train.groups,
        multi_label=data.multi_label,
        progress=progress,
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
        data,
        model,
        out,
        rows_train=len(train),
        rows_holdout=len(held),
        metrics=metrics,
        metrics_without_groups=metrics_without_groups,
        training_seconds=training_seconds,
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
        "settings": model.settings.model_dump(),
        "embedder": model_embedder().key if model.settings.uses_embeddings else None,
        "versions": package_versions(),
        "serialisation": f"{MODEL_ARRAYS} (numpy arrays, loaded with allow_pickle=False) and {MODEL_JSON}: "
        "loading the folder runs no code from it.",
    }


def _net_prefix(k: int) -> str:
    """Array-name prefix of the k-th TF-IDF network: ``net_`` for the first (as in single-network models), then ``net1_`` ..."""
    return "net_" if k == 0 else f"net{k}_"


def _model_state(model: ThemeClassifier) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The fitted classifier as named arrays and JSON-able metadata (no Python objects)."""
    arrays: dict[str, np.ndarray] = {"class_log_prior": model.class_log_prior_}
    groups = sorted(model.group_log_prior_)
    for i, g in enumerate(groups):
        arrays[f"group_log_prior_{i}"] = model.group_log_prior_[g]
    meta: dict[str, Any] = {
        "classes": [str(c) for c in model.classes_],
        "multi_label": bool(model.multi_label_),
        "threshold": float(model.threshold_),
        "settings": model.settings.model_dump(),
        "group_labels": model.group_labels_,
        "group_prior_order": groups,
        "timings_s": getattr(model, "timings_", {}),
    }
    if hasattr(model, "nets_"):
        for k, net in enumerate(model.nets_):
            for key, value in net.items():
                arrays[f"{_net_prefix(k)}{key}"] = value
        meta["tfidf"] = []
        for i, vec in enumerate(model.vectorizer_):
            terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
            arrays[f"tfidf_{i}_terms"] = np.array(terms, dtype=str)
            arrays[f"tfidf_{i}_idf"] = vec.idf_
            params = {k: getattr(vec, k) for k in _TFIDF_PARAMS}
            params["ngram_range"] = list(params["ngram_range"])
            meta["tfidf"].append({**params, "dtype": np.dtype(vec.dtype).name})
    if hasattr(model, "head_"):
        head = model.head_
        for i, (w, b) in enumerate(zip(head.coefs_, head.intercepts_)):
            arrays[f"head_coef_{i}"] = w
            arrays[f"head_intercept_{i}"] = b
        arrays["head_classes"] = np.asarray(head.classes_)
        meta["head"] = {
            "params": {k: v for k, v in head.get_params().items() if isinstance(v, (int, float, str, bool, tuple, type(None)))},
            "layers": len(head.coefs_),
            "n_layers": head.n_layers_,
            "n_outputs": head.n_outputs_,
            "out_activation": head.out_activation_,
            "n_features_in": int(head.n_features_in_),
        }
    return arrays, meta


def _model_from_state(arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> ThemeClassifier:
    """Rebuild a ``ThemeClassifier`` from ``_model_state``'s output; it scores exactly as the saved one did."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.neural_network import MLPClassifier

    model = ThemeClassifier(ClassifierSettings(**meta["settings"]))
    model.classes_ = np.array(meta["classes"], dtype=object)
    model.multi_label_ = meta["multi_label"]
    model.threshold_ = meta["threshold"]
    model.timings_ = meta.get("timings_s", {})
    model.class_log_prior_ = arrays["class_log_prior"]
    model.group_labels_ = meta["group_labels"]
    model.group_log_prior_ = {g: arrays[f"group_log_prior_{i}"] for i, g in enumerate(meta["group_prior_order"])}
    if "tfidf" in meta:
        model.nets_ = []
        while f"{_net_prefix(len(model.nets_))}W1" in arrays:
            prefix = _net_prefix(len(model.nets_))
            model.nets_.append({key: arrays[f"{prefix}{key}"] for key in ("W1", "b1", "W2", "b2")})
        vectorizers = []
        for i, params in enumerate(meta["tfidf"]):
            kwargs = {**params, "ngram_range": tuple(params["ngram_range"]), "dtype": np.dtype(params["dtype"]).type}
            vec = TfidfVectorizer(**kwargs)
            vec.vocabulary_ = {str(t): j for j, t in enumerate(arrays[f"tfidf_{i}_terms"])}
            vec.idf_ = arrays[f"tfidf_{i}_idf"]
            vec.stop_words_ = None
            vectorizers.append(vec)
        model.vectorizer_ = tuple(vectorizers)
    if "head" in meta:
        info = meta["head"]
        params = {k: tuple(v) if k == "hidden_layer_sizes" else v for k, v in info["params"].items()}
        head = MLPClassifier(**params)
        head.coefs_ = [arrays[f"head_coef_{i}"] for i in range(info["layers"])]
        head.intercepts_ = [arrays[f"head_intercept_{i}"] for i in range(info["layers"])]
        head.n_layers_, head.n_outputs_ = info["n_layers"], info["n_outputs"]
        head.out_activation_, head.n_features_in_ = info["out_activation"], info["n_features_in"]
        head.classes_ = arrays["head_classes"]
        model.head_ = head
    return model


def save_model(model: ThemeClassifier, card: dict[str, Any], out: Path) -> None:
    """Write ``model.npz``, ``model.json``, ``card.json`` and ``model_card.md`` into ``out``."""
    from consultnlp.themes.card import render_card

    out.mkdir(parents=True, exist_ok=True)
    arrays, meta = _model_state(model)
    np.savez_compressed(out / MODEL_ARRAYS, **arrays)
    (out / MODEL_JSON).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    card["model_bytes"] = (out / MODEL_ARRAYS).stat().st_size + (out / MODEL_JSON).stat().st_size
    (out / CARD_JSON).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / CARD_MD).write_text(render_card(card), encoding="utf-8")


def load_model(path: str | Path) -> tuple[ThemeClassifier, dict[str, Any]]:
    """Load a model folder written by ``save_model``; raise ``ModelError`` saying what is wrong.

    Nothing in the folder is executed: arrays are read with ``allow_pickle=False``
    and a folder holding a pickle from an older consultnlp is refused unread.
    """
    path = Path(path)
    if path.is_file() and path.name in (MODEL_ARRAYS, MODEL_JSON, CARD_JSON, OLD_PICKLE):
        path = path.parent
    if not path.is_dir():
        raise ModelError(f"theme model {path} does not exist. Train one with: consultnlp themes train DATA --out {path} ...")
    if (path / OLD_PICKLE).exists() and not (path / MODEL_ARRAYS).exists():
        raise ModelError(
            f"{path} was saved by an older consultnlp as a pickle ({OLD_PICKLE}), which can run code when loaded; "
            "retrain it with consultnlp themes train."
        )
    missing = [name for name in (MODEL_ARRAYS, MODEL_JSON, CARD_JSON) if not (path / name).exists()]
    if missing:
        raise ModelError(f"{path} is not a theme model folder: {', '.join(missing)} missing. Train one with: consultnlp themes train.")
    try:
        card = json.loads((path / CARD_JSON).read_text(encoding="utf-8"))
        meta = json.loads((path / MODEL_JSON).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path} cannot be read ({exc}). Retrain the model.") from None
    if card.get("format") != CARD_FORMAT:
        raise ModelError(f"{path} holds a model of format {card.get('format')!r}; this consultnlp reads {CARD_FORMAT!r}. Retrain it.")
    try:
        with np.load(path / MODEL_ARRAYS, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        model = _model_from_state(arrays, meta)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        # ValueError includes "Object arrays cannot be loaded when allow_pickle=False".
        raise ModelError(
            f"{path / MODEL_ARRAYS} cannot be loaded ({type(exc).__name__}: {exc}). Retrain it with consultnlp themes train."
        ) from None
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
