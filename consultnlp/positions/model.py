"""Position classifiers: the theme classifier (TF-IDF network + embedding head, saved as npz + json) trained on positions.

Positions are imbalanced (Chile 2016: 91% agreement, 8% partial, 0.7% disagreement), so a plain
classifier almost never says "oppose". The model is balanced at decision time by logit adjustment
(Menon et al., 2021): the log-probabilities are shifted by ``-tau * log p(class)``; ``tau = 1`` scores
as if every position were equally frequent. ``tau`` is chosen on a validation part of the training rows
(the best macro-F1), stored in the card, and used by ``analyze --position-model``. An offset per position
chosen on top of it moved the Chile 2016 test macro-F1 by -0.008 to +0.006 (noise: 137 validation rows of
disagreement), so there is none.

What each contribution answers (a closed question's concept, the question) shifts the decision too, when the
model is trained with a group column (``positions train --group-column concepto_norm``): its log-probabilities
get ``+ w * (log p(position | group) - log p(position))``, the group's shares pulled toward the overall ones by
``GROUP_SMOOTHING`` rows; ``w`` is chosen with ``tau`` on the validation rows (0 when the groups do not help).
On Chile 2016 (``concepto_norm``: disagreement runs from 0% to 9% by concept) validation chose w = 0.5 for +0.002
macro-F1, and the test rows then measured 0.472 against 0.480 for the text alone: no gain there (noise: 103
validation rows of disagreement), so it stays an option (``benchmarks/bench_positions.py --group-column``).

The default features are the TF-IDF network alone: on Chile 2016 it measured macro-F1 0.477 against
0.457 with the embedding head fused in, and trains in a minute instead of four, with no embedding
(``benchmarks/bench_positions.py``).

Labels are read through the same mapping as ``--position-column`` (``consultnlp/positions/mapping.py``),
so A/P/D, Likert answers, yes/no or ``alignment`` train a model directly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
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
GROUP_WEIGHTS = (0.0, 0.5, 1.0)  # weights of the group's prior tried with each tau on the validation rows
GROUP_SMOOTHING = 100.0  # a group's counts are pulled toward the overall shares by this many rows' worth of them


@dataclass
class PositionModel:
    """A fitted classifier over positions and the prior adjustment its decisions use."""

    classifier: ThemeClassifier
    adjustment: float = 1.0
    card: dict[str, Any] | None = None
    group_column: str | None = None  # the column whose value (a concept, a question) shifts the decision
    group_weight: float = 0.0
    group_ratios: dict[str, list[float]] = field(default_factory=dict)  # group -> log p(position | group) - log p(position)

    @property
    def classes(self) -> list[str]:
        return [str(c) for c in self.classifier.classes_]

    def group_shift(self, groups: Sequence[str] | None, n: int) -> np.ndarray:
        """(rows x classes) what each row's group adds to its scores (0 for no group, or one not seen in training)."""
        return group_shift(self.group_ratios, groups, n, len(self.classes), self.group_weight)

    def probabilities(self, texts: Sequence[str], embeddings: np.ndarray | None = None, groups: Sequence[str] | None = None) -> np.ndarray:
        """(rows x classes) balanced probabilities."""
        scores = self.classifier.scores(list(texts), embeddings=embeddings) + self.group_shift(groups, len(texts))
        return adjusted_probabilities(scores, self.classifier.class_log_prior_, self.adjustment)

    def predict(
        self,
        texts: Sequence[str],
        embeddings: np.ndarray | None = None,
        *,
        min_probability: float = 0.0,
        groups: Sequence[str] | None = None,
    ) -> tuple[list[str], np.ndarray]:
        """(position of each text, its probability); below ``min_probability``: ``none``. ``groups``: each text's
        value of ``group_column`` (ignored by a model trained without one)."""
        if len(texts) == 0:
            return [], np.zeros(0)
        prob = self.probabilities(texts, embeddings, groups)
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


def group_log_ratios(
    positions: Sequence[str], groups: Sequence[str], classes: Sequence[str], *, smoothing: float = GROUP_SMOOTHING
) -> dict[str, list[float]]:
    """Per group, ``log p(position | group) - log p(position)`` over ``classes``, each group's counts pulled toward
    the overall shares by ``smoothing`` rows' worth of them (a small group says little)."""
    table = pd.crosstab(pd.Series(list(groups), name="group"), pd.Series(list(positions), name="position"))
    table = table.reindex(columns=list(classes), fill_value=0)
    overall = (table.sum(axis=0).to_numpy(dtype=float) + 1.0) / (table.to_numpy().sum() + len(classes))
    shares = (table.to_numpy(dtype=float) + smoothing * overall) / (table.sum(axis=1).to_numpy(dtype=float)[:, None] + smoothing)
    ratios = np.log(shares) - np.log(overall)
    return {str(g): [round(float(v), 6) for v in row] for g, row in zip(table.index, ratios)}


def group_shift(ratios: dict[str, list[float]], groups: Sequence[str] | None, n: int, n_classes: int, weight: float) -> np.ndarray:
    """(rows x classes) ``weight`` times each row's group ratios; 0 for rows whose group has none."""
    shift = np.zeros((n, n_classes), dtype=np.float64)
    if groups is None or not ratios or weight == 0:
        return shift
    for i, group in enumerate(groups):
        row = ratios.get(str(group).strip())
        if row is not None:
            shift[i] = row
    return weight * shift


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
        "per_class": {
            c: {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4), "support": int(s)}
            for c, p, r, f, s in zip(labels, precision, recall, f1, support)
        },
        "confusion": {str(g): {str(p): int(n) for p, n in row.items() if n} for g, row in confusion.iterrows()},
    }


def choose_adjustment(classifier: ThemeClassifier, scores: np.ndarray, gold: Sequence[str]) -> tuple[float, dict[str, float]]:
    """The ``tau`` with the best macro-F1 on validation rows (ties: the smaller), and every tau's macro-F1."""
    tau, _, tried = choose_balancing(classifier, scores, gold)
    return tau, tried


def choose_balancing(
    classifier: ThemeClassifier,
    scores: np.ndarray,
    gold: Sequence[str],
    shift: np.ndarray | None = None,
) -> tuple[float, float, dict[str, float]]:
    """The ``tau`` and group weight with the best macro-F1 on validation rows (ties: the smaller weight, then tau),
    and every pair's macro-F1. ``shift`` is the rows' group ratios at weight 1 (None: no groups, weight 0)."""
    classes = np.asarray(classifier.classes_, dtype=object)
    weights = GROUP_WEIGHTS if shift is not None else (0.0,)
    tried, scored = {}, {}
    for weight in weights:
        for tau in ADJUSTMENTS:
            shifted = scores + weight * shift if shift is not None else scores
            predicted = classes[adjusted_probabilities(shifted, classifier.class_log_prior_, tau).argmax(axis=1)]
            scored[(tau, weight)] = position_metrics(gold, list(predicted))["macro_f1"]
            tried[str(tau) if shift is None else f"tau {tau}, group {weight}"] = scored[(tau, weight)]
    tau, weight = max(scored, key=lambda k: (scored[k], -k[1], -k[0]))
    return tau, weight, tried


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
    groups = data.groups
    ratios = group_log_ratios([data.labels[i][0] for i in fit_idx], [groups[i] for i in fit_idx], classifier.classes_) if groups else {}
    adjustment, weight, tried = 1.0, 0.0, {}
    if len(val_idx):
        texts, emb = rows(val_idx)
        shift = group_shift(ratios, [groups[i] for i in val_idx], len(val_idx), len(classifier.classes_), 1.0) if groups else None
        adjustment, weight, tried = choose_balancing(
            classifier, classifier.scores(texts, embeddings=emb), [data.labels[i][0] for i in val_idx], shift
        )
    group_column = data.source.get("group_column") if groups else None
    model = PositionModel(classifier, adjustment, group_column=group_column, group_weight=weight, group_ratios=ratios if weight else {})
    metrics = None
    if len(hold_idx):
        texts, emb = rows(hold_idx)
        predicted, _ = model.predict(texts, emb, groups=[groups[i] for i in hold_idx] if groups else None)
        metrics = position_metrics([data.labels[i][0] for i in hold_idx], predicted, model.classes)
    card = build_card(
        data,
        classifier,
        out,
        rows_train=len(fit_idx),
        rows_holdout=len(hold_idx),
        metrics=metrics,
        metrics_without_groups=None,
        training_seconds=round(time.perf_counter() - started, 1),
    )
    card.update(
        {
            "kind": KIND,
            "prior_adjustment": adjustment,
            "adjustment_macro_f1": tried,
            "rows_validation": len(val_idx),
            "group_column": model.group_column if weight else None,
            "group_weight": weight,
            "group_smoothing": GROUP_SMOOTHING,
            "group_log_ratios": model.group_ratios,
        }
    )
    save_model(classifier, card, out)
    (out / "model_card.md").write_text(render_position_card(card), encoding="utf-8")
    return card


def render_position_card(card: dict[str, Any]) -> str:
    """The model card for people: data, balancing, quality per position, how to use it."""
    data, metrics = card["data"], card.get("metrics")
    lines = [
        f"# Position classifier `{card['name']}`",
        "",
        f"Trained {card['created']} with consultnlp {card['versions'].get('consultnlp')} on `{data.get('file', '(in memory)')}` "
        f"(sha256 `{data.get('sha256', '-')}`), text `{data.get('text_column')}`, label `{data.get('label_column')}` read as positions: "
        + ", ".join(f"{k or '(blank)'} -> {v}" for k, v in (data.get("label_mapping") or {}).items())
        + ".",
        "",
        f"Rows: {data.get('rows_train')} for training, {card.get('rows_validation', 0)} to choose the balancing, "
        f"{data.get('rows_holdout')} held out. Classes: {', '.join(f'{k} {v}' for k, v in card['class_counts'].items())}.",
        "",
        f"Balancing: decisions shifted by -{card['prior_adjustment']} x log(share of the position) (logit adjustment), chosen for "
        f"the best macro-F1 on the validation rows ({', '.join(f'{k}: {v}' for k, v in card.get('adjustment_macro_f1', {}).items())}).",
        "",
    ]
    if card.get("group_column"):
        lines += [
            f"Groups: the value of `{card['group_column']}` shifts decisions by {card['group_weight']} x log(share of the position in "
            f"the group / overall share) ({len(card.get('group_log_ratios') or {})} groups; an unseen group shifts nothing).",
            "",
        ]
    elif data.get("group_column"):
        lines += [f"Groups: `{data['group_column']}` did not improve the validation rows; the model reads the text only.", ""]
    lines += ["## Quality on the held-out rows", ""]
    if metrics:
        lines += [
            f"Macro-F1 {metrics['macro_f1']:.3f}, accuracy {metrics['accuracy']:.3f}.",
            "",
            "| position | precision | recall | F1 | rows |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {p} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |" for p, m in metrics["per_class"].items()
        ]
    else:
        lines.append("No rows were held out (`--holdout 0`), so this card has no measured quality.")
    lines += [
        "",
        "## Use",
        "",
        f"`consultnlp analyze FILE --position-model {card['name']}` (or `positions.model`). A model reads what people "
        "wrote; many who disagree in part or in full do not say so in words, so expect low recall of the rare positions.",
        "",
    ]
    return "\n".join(lines)


def load_position_model(path: str | Path) -> PositionModel:
    """A folder written by ``consultnlp positions train``; a theme model is refused with a message."""
    classifier, card = load_model(path)
    if card.get("kind") != KIND:
        raise ModelError(
            f"{path} is a theme model, not a position model. Train one with: consultnlp positions train DATA "
            f"--text-column T --label-column L --out models/NAME."
        )
    return PositionModel(
        classifier,
        float(card.get("prior_adjustment", 1.0)),
        card,
        group_column=card.get("group_column"),
        group_weight=float(card.get("group_weight") or 0.0),
        group_ratios=dict(card.get("group_log_ratios") or {}),
    )


def evaluate_position_model(
    path: str | Path,
    data: LabelledData,
    *,
    mapping: dict[str, str] | None = None,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Macro-F1, per-class scores and confusions of a saved position model on labelled data."""
    model = load_position_model(path)
    data = labelled_positions(data, mapping)
    started = time.perf_counter()
    embeddings = embed_unique(data.texts, model_encoder(progress, cache_dir)) if model.classifier.settings.uses_embeddings else None
    predicted, _ = model.predict(data.texts, embeddings, groups=data.groups)
    metrics = position_metrics([labels[0] for labels in data.labels], predicted, model.classes)
    metrics.update(
        {
            "model": str(path),
            "prior_adjustment": model.adjustment,
            "seconds": round(time.perf_counter() - started, 1),
            "data": {k: data.source.get(k) for k in ("file", "sha256", "rows_read", "rows_used")},
        }
    )
    return metrics


def format_position_metrics(metrics: dict[str, Any]) -> str:
    """Lines for the terminal: macro-F1, accuracy, then one line per position."""
    lines = [f"rows {metrics['rows']}  macro-F1 {metrics['macro_f1']:.4f}  accuracy {metrics['accuracy']:.4f}"]
    for position, m in metrics["per_class"].items():
        lines.append(f"  {position:8} precision {m['precision']:.3f}  recall {m['recall']:.3f}  F1 {m['f1']:.3f}  (n={m['support']})")
    return "\n".join(lines)
