"""Position classifiers: the theme classifier (TF-IDF network + embedding head, saved as npz + json) trained on positions.

Positions are imbalanced (Chile 2016: 91% agreement, 8% partial, 0.7% disagreement), so a plain
classifier almost never says "oppose". The model is balanced at decision time by logit adjustment
(Menon et al., 2021): the log-probabilities are shifted by ``-tau * log p(class)``; ``tau = 1`` scores
as if every position were equally frequent. ``tau`` is chosen on a validation part of the training rows
(the best macro-F1), stored in the card, and used by ``analyze --position-model``. An offset per position
chosen on top of it moved the Chile 2016 test macro-F1 by -0.008 to +0.006 (noise: 137 validation rows of
disagreement), so there is none.

The default features are the TF-IDF network alone: on Chile 2016 it measured macro-F1 0.477 against
0.457 with the embedding head fused in, and trains in a minute instead of four, with no embedding
(``benchmarks/bench_positions.py``).

Labels are read through the same mapping as ``--position-column`` (``consultnlp/positions/mapping.py``),
so A/P/D, Likert answers, yes/no or ``alignment`` train a model directly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

from consultnlp.config import ClassifierSettings
from consultnlp.errors import ModelError
from consultnlp.positions import NONE, POSITIONS
from consultnlp.positions.mapping import map_positions
from consultnlp.progress import NullProgress, Progress
from consultnlp.themes.classifier import ThemeClassifier
from consultnlp.themes.data import LabelledData
from consultnlp.themes.training import (
    build_card,
    embed_unique,
    holdout_split,
    load_model,
    model_encoder,
    save_model,
)

KIND = "positions"
ADJUSTMENTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5)  # values of tau tried on the validation rows
VALIDATION_SHARE = 0.1  # of the training rows, to choose tau
DEFAULT_FEATURES = "tfidf"


@dataclass
class PositionModel:
    """A fitted classifier over positions and the prior adjustment its decisions use."""

    classifier: ThemeClassifier
    adjustment: float = 1.0
    card: dict[str, Any] | None = None

    @property
    def classes(self) -> list[str]:
        return [str(c) for c in self.classifier.classes_]

    def probabilities(self, texts: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray:
        """(rows x classes) balanced probabilities."""
        scores = self.classifier.scores(list(texts), embeddings=embeddings)
        return adjusted_probabilities(scores, self.classifier.class_log_prior_, self.adjustment)

    def predict(self, texts: Sequence[str], embeddings: np.ndarray | None = None, *, min_probability: float = 0.0) -> tuple[list[str], np.ndarray]:
        """(position of each text, its probability); below ``min_probability``: ``none``."""
        if len(texts) == 0:
            return [], np.zeros(0)
        prob = self.probabilities(texts, embeddings)
        best = prob.argmax(axis=1)
        top = prob[np.arange(len(best)), best]
        classes = self.classes
        return [classes[b] if p >= min_probability else NONE for b, p in zip(best, top)], top


def adjusted_probabilities(scores: np.ndarray, log_prior: np.ndarray, adjustment: float) -> np.ndarray:
    """Softmax of the log-probabilities shifted by ``-adjustment * log prior``."""
    z = scores - adjustment * log_prior
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def labelled_positions(data: LabelledData, mapping: dict[str, str] | None = None) -> LabelledData:
    """``data`` with its labels read as positions (A/P/D, Likert, yes/no, alignment, or ``mapping``)."""
    column = data.source.get("label_column") or "label"
    positions, seen = map_positions(pd.Series([labels[0] for labels in data.labels]), column, mapping)
    out = replace(data, labels=[(p,) for p in positions])
    out.source = {**data.source, "label_mapping": {value: position for value, (position, _) in seen.items()}}
    return out


def position_metrics(gold: Sequence[str], predicted: Sequence[str], classes: Sequence[str] | None = None) -> dict[str, Any]:
    """Accuracy, macro-F1 over the classes present in ``gold``, per-class precision/recall/F1, confusion counts."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    labels = [p for p in (classes or POSITIONS) if p in set(gold)]
    precision, recall, f1, support = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    confusion = pd.crosstab(pd.Series(list(gold), name="gold"), pd.Series(list(predicted), name="predicted"))
    return {
        "rows": len(gold),
        "accuracy": round(float(np.mean(np.asarray(gold) == np.asarray(predicted))), 4) if len(gold) else 0.0,
        "macro_f1": round(float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)), 4),
        "per_class": {c: {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4), "support": int(s)}
                      for c, p, r, f, s in zip(labels, precision, recall, f1, support)},
        "confusion": {str(g): {str(p): int(n) for p, n in row.items() if n} for g, row in confusion.iterrows()},
    }


def choose_adjustment(classifier: ThemeClassifier, scores: np.ndarray, gold: Sequence[str]) -> tuple[float, dict[str, float]]:
    """The ``tau`` with the best macro-F1 on validation rows (ties: the smaller), and every tau's macro-F1."""
    classes = np.asarray(classifier.classes_, dtype=object)
    tried = {}
    for tau in ADJUSTMENTS:
        predicted = classes[adjusted_probabilities(scores, classifier.class_log_prior_, tau).argmax(axis=1)]
        tried[str(tau)] = position_metrics(gold, list(predicted))["macro_f1"]
    best = max(ADJUSTMENTS, key=lambda tau: (tried[str(tau)], -tau))
    return best, tried


def train_position_model(
    data: LabelledData,
    out: str | Path,
    *,
    mapping: dict[str, str] | None = None,
    features: str = DEFAULT_FEATURES,
    holdout: float = 0.1,
    random_state: int = 42,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Train on ``data`` (labels mapped to positions) minus a held-out share; choose the balancing on a validation
    part of the training rows; measure on the held-out share; save model and card to ``out``; return the card."""
    from consultnlp.themes.training import _check_out_dir

    out = Path(out)
    _check_out_dir(out)
    progress = progress or NullProgress()
    data = labelled_positions(data, mapping)
    settings = ClassifierSettings(features=features, random_state=random_state)
    started = time.perf_counter()
    train_idx, hold_idx = holdout_split(len(data), holdout, random_state)
    fit_rel, val_rel = holdout_split(len(train_idx), VALIDATION_SHARE, random_state + 1)
    fit_idx, val_idx = train_idx[fit_rel], train_idx[val_rel]
    embeddings = embed_unique(data.texts, model_encoder(progress, cache_dir)) if settings.uses_embeddings else None

    def rows(index: np.ndarray) -> tuple[list[str], np.ndarray | None]:
        return [data.texts[i] for i in index], embeddings[index] if embeddings is not None else None

    texts, emb = rows(fit_idx)
    classifier = ThemeClassifier(settings).fit(texts, [data.labels[i] for i in fit_idx], embeddings=emb, progress=progress)
    adjustment, tried = 1.0, {}
    if len(val_idx):
        texts, emb = rows(val_idx)
        adjustment, tried = choose_adjustment(classifier, classifier.scores(texts, embeddings=emb), [data.labels[i][0] for i in val_idx])
    model = PositionModel(classifier, adjustment)
    metrics = None
    if len(hold_idx):
        texts, emb = rows(hold_idx)
        predicted, _ = model.predict(texts, emb)
        metrics = position_metrics([data.labels[i][0] for i in hold_idx], predicted, model.classes)
    card = build_card(data, classifier, out, rows_train=len(fit_idx), rows_holdout=len(hold_idx), metrics=metrics,
                      metrics_without_groups=None, training_seconds=round(time.perf_counter() - started, 1))
    card.update({"kind": KIND, "prior_adjustment": adjustment, "adjustment_macro_f1": tried, "rows_validation": len(val_idx)})
    save_model(classifier, card, out)
    (out / "model_card.md").write_text(render_position_card(card), encoding="utf-8")
    return card


def render_position_card(card: dict[str, Any]) -> str:
    """The model card for people: data, balancing, quality per position, how to use it."""
    data, metrics = card["data"], card.get("metrics")
    lines = [
        f"# Position classifier `{card['name']}`", "",
        f"Trained {card['created']} with consultnlp {card['versions'].get('consultnlp')} on `{data.get('file', '(in memory)')}` "
        f"(sha256 `{data.get('sha256', '-')}`), text `{data.get('text_column')}`, label `{data.get('label_column')}` read as positions: "
        + ", ".join(f"{k or '(blank)'} -> {v}" for k, v in (data.get("label_mapping") or {}).items()) + ".", "",
        f"Rows: {data.get('rows_train')} for training, {card.get('rows_validation', 0)} to choose the balancing, "
        f"{data.get('rows_holdout')} held out. Classes: {', '.join(f'{k} {v}' for k, v in card['class_counts'].items())}.", "",
        f"Balancing: decisions shifted by -{card['prior_adjustment']} x log(share of the position) (logit adjustment), chosen for "
        f"the best macro-F1 on the validation rows ({', '.join(f'{k}: {v}' for k, v in card.get('adjustment_macro_f1', {}).items())}).", "",
        "## Quality on the held-out rows", "",
    ]
    if metrics:
        lines += [f"Macro-F1 {metrics['macro_f1']:.3f}, accuracy {metrics['accuracy']:.3f}.", "", "| position | precision | recall | F1 | rows |",
                  "|---|---|---|---|---|"]
        lines += [f"| {p} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |" for p, m in metrics["per_class"].items()]
    else:
        lines.append("No rows were held out (`--holdout 0`), so this card has no measured quality.")
    lines += ["", "## Use", "", f"`consultnlp analyze FILE --position-model {card['name']}` (or `positions.model`). A model reads what people "
              "wrote; many who disagree in part or in full do not say so in words, so expect low recall of the rare positions.", ""]
    return "\n".join(lines)


def load_position_model(path: str | Path) -> PositionModel:
    """A folder written by ``consultnlp positions train``; a theme model is refused with a message."""
    classifier, card = load_model(path)
    if card.get("kind") != KIND:
        raise ModelError(f"{path} is a theme model, not a position model. Train one with: consultnlp positions train DATA "
                         f"--text-column T --label-column L --out models/NAME.")
    return PositionModel(classifier, float(card.get("prior_adjustment", 1.0)), card)


def evaluate_position_model(
    path: str | Path, data: LabelledData, *, mapping: dict[str, str] | None = None, progress: Progress | None = None,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Macro-F1, per-class scores and confusions of a saved position model on labelled data."""
    model = load_position_model(path)
    data = labelled_positions(data, mapping)
    started = time.perf_counter()
    embeddings = embed_unique(data.texts, model_encoder(progress, cache_dir)) if model.classifier.settings.uses_embeddings else None
    predicted, _ = model.predict(data.texts, embeddings)
    metrics = position_metrics([labels[0] for labels in data.labels], predicted, model.classes)
    metrics.update({"model": str(path), "prior_adjustment": model.adjustment, "seconds": round(time.perf_counter() - started, 1),
                    "data": {k: data.source.get(k) for k in ("file", "sha256", "rows_read", "rows_used")}})
    return metrics


def format_position_metrics(metrics: dict[str, Any]) -> str:
    """Lines for the terminal: macro-F1, accuracy, then one line per position."""
    lines = [f"rows {metrics['rows']}  macro-F1 {metrics['macro_f1']:.4f}  accuracy {metrics['accuracy']:.4f}"]
    for position, m in metrics["per_class"].items():
        lines.append(f"  {position:8} precision {m['precision']:.3f}  recall {m['recall']:.3f}  F1 {m['f1']:.3f}  (n={m['support']})")
    return "\n".join(lines)
