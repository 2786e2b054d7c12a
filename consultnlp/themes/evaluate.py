"""Quality of theme predictions against gold labels: accuracy at k, F1, per-class scores, confusions.

Works from a score matrix (rows x classes, ``-inf`` where a class is not allowed, e.g.
outside the row's question) and the predicted label sets, so the same function
measures any classifier, single-label or multi-label.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

import numpy as np


def top_k_hits(scores: np.ndarray, gold: Sequence[Sequence[str]], classes: Sequence[str], k: int) -> np.ndarray:
    """Per row: does any gold label rank among the ``k`` best-scored allowed classes?"""
    index = {c: i for i, c in enumerate(classes)}
    k = min(k, scores.shape[1])
    if k == 0 or len(gold) == 0:
        return np.zeros(len(gold), dtype=bool)
    top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    hits = np.zeros(len(gold), dtype=bool)
    for i, labels in enumerate(gold):
        wanted = {index[label] for label in labels if label in index}
        # A masked class (-inf) never counts as proposed, even when a group has fewer than k labels.
        proposed = {j for j in top[i] if np.isfinite(scores[i, j])}
        hits[i] = bool(wanted & proposed)
    return hits


def _binarise(label_sets: Sequence[Sequence[str]], index: dict[str, int]) -> np.ndarray:
    out = np.zeros((len(label_sets), len(index)), dtype=bool)
    for i, labels in enumerate(label_sets):
        for label in labels:
            if label in index:
                out[i, index[label]] = True
    return out


def _f1(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> np.ndarray:
    denom = 2 * tp + fp + fn
    return np.divide(2 * tp, denom, out=np.zeros(tp.shape, dtype=float), where=denom > 0)


def evaluate_predictions(
    scores: np.ndarray,
    predicted: Sequence[Sequence[str]],
    gold: Sequence[Sequence[str]],
    classes: Sequence[str],
    *,
    multi_label: bool,
    top_confusions: int = 20,
) -> dict[str, Any]:
    """Metrics of one evaluation run, as a JSON-ready dict.

    ``top1_accuracy`` / ``top5_accuracy``: share of rows where a gold label is the best /
    among the 5 best allowed classes. ``macro_f1`` / ``micro_f1`` over the predicted label
    sets (single-label: micro-F1 equals top-1 accuracy); ``samples_f1`` for multi-label.
    Gold labels the model never saw count as misses and are listed in ``unseen_labels``.
    """
    if len(gold) != len(predicted) or len(gold) != scores.shape[0]:
        raise ValueError("scores, predicted and gold must have one entry per row")
    all_labels = sorted(set(classes) | {l for labels in gold for l in labels})
    index = {c: i for i, c in enumerate(all_labels)}
    y_true = _binarise(gold, index)
    y_pred = _binarise(predicted, index)
    tp = (y_true & y_pred).sum(axis=0).astype(float)
    fp = (~y_true & y_pred).sum(axis=0).astype(float)
    fn = (y_true & ~y_pred).sum(axis=0).astype(float)
    support = y_true.sum(axis=0)
    per_class_f1 = _f1(tp, fp, fn)
    present = support > 0
    result: dict[str, Any] = {
        "rows": int(len(gold)),
        "classes": int(len(classes)),
        "top1_accuracy": round(float(top_k_hits(scores, gold, classes, 1).mean()) if len(gold) else 0.0, 4),
        "top5_accuracy": round(float(top_k_hits(scores, gold, classes, 5).mean()) if len(gold) else 0.0, 4),
        # Macro over the classes that occur in the gold labels: a class absent from this data has no recall to average.
        "macro_f1": round(float(per_class_f1[present].mean()) if present.any() else 0.0, 4),
        "micro_f1": round(float(_f1(tp.sum(keepdims=True), fp.sum(keepdims=True), fn.sum(keepdims=True))[0]), 4),
    }
    if multi_label:
        row_tp = (y_true & y_pred).sum(axis=1)
        denom = y_true.sum(axis=1) + y_pred.sum(axis=1)
        row_f1 = np.divide(2 * row_tp, denom, out=np.ones(len(gold), dtype=float), where=denom > 0)
        result["samples_f1"] = round(float(row_f1.mean()) if len(gold) else 0.0, 4)
        result["exact_match"] = round(float((y_true == y_pred).all(axis=1).mean()) if len(gold) else 0.0, 4)
    known = set(classes)
    result["unseen_labels"] = sorted({l for labels in gold for l in labels} - known)
    per_class = {}
    for label, i in sorted(index.items(), key=lambda kv: -support[kv[1]]):
        precision = tp[i] / (tp[i] + fp[i]) if tp[i] + fp[i] else 0.0
        recall = tp[i] / support[i] if support[i] else 0.0
        per_class[label] = {
            "precision": round(float(precision), 4),
            "recall": round(float(recall), 4),
            "f1": round(float(per_class_f1[i]), 4),
            "support": int(support[i]),
            "predicted": int(tp[i] + fp[i]),
        }
    result["per_class"] = per_class
    result["confusions"] = confusion_table(predicted, gold, top=top_confusions)
    return result


def confusion_table(predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]], *, top: int = 20) -> list[dict[str, Any]]:
    """The most frequent (gold label missed, label predicted instead) pairs, with counts."""
    pairs: Counter = Counter()
    for pred, true in zip(predicted, gold):
        missed = set(true) - set(pred)
        wrong = set(pred) - set(true)
        for t in missed:
            for p in wrong or {""}:
                pairs[(t, p)] += 1
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return [{"gold": t, "predicted": p or "(none)", "count": int(n)} for (t, p), n in ranked]


def format_metrics(metrics: dict[str, Any], *, per_class: int = 10, confusions: int = 10) -> str:
    """A short plain-text rendering of ``evaluate_predictions`` output for the terminal."""
    lines = [f"rows {metrics['rows']}, classes {metrics['classes']}"]
    keys = ["top1_accuracy", "top5_accuracy", "macro_f1", "micro_f1", "samples_f1", "exact_match"]
    lines.append("  ".join(f"{k} {metrics[k]:.4f}" for k in keys if k in metrics))
    if metrics.get("unseen_labels"):
        lines.append(f"labels never seen in training ({len(metrics['unseen_labels'])}): {', '.join(metrics['unseen_labels'][:10])}")
    lines.append(f"largest classes (precision / recall / support), {per_class} of {len(metrics['per_class'])}:")
    for label, row in list(metrics["per_class"].items())[:per_class]:
        lines.append(f"  {label}: {row['precision']:.3f} / {row['recall']:.3f} / {row['support']}")
    if metrics["confusions"]:
        lines.append("top confusions (gold -> predicted: count):")
        for row in metrics["confusions"][:confusions]:
            lines.append(f"  {row['gold']} -> {row['predicted']}: {row['count']}")
    return "\n".join(lines)
