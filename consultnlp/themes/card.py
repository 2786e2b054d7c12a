"""The human-readable model card (``model_card.md``) of a trained theme classifier."""

from __future__ import annotations

from typing import Any

_METRICS = ("top1_accuracy", "top5_accuracy", "macro_f1", "micro_f1", "samples_f1")
_PARTS = {
    "tfidf": "word 1-2-gram and character 2-5-gram TF-IDF into a one-hidden-layer network ({hidden_units} ReLU units)",
    "embeddings": "sentence embeddings into an MLP head ({head_hidden_units} units)",
}


def _method(settings: dict[str, Any], multi_label: bool) -> str:
    parts = [_PARTS[name].format(**settings) for name in settings["features"].split("+")]
    text = "; ".join(parts)
    if len(parts) > 1:
        text += f"; their {'probabilities' if multi_label else 'log-probabilities'} averaged with weight {settings['tfidf_weight']} on the TF-IDF part"
    return text + (f"; a label is given from probability {settings['threshold']}" if multi_label else "")


def _metric_rows(metrics: dict[str, Any] | None) -> list[str]:
    if not metrics:
        return ["No rows were held out (`--holdout 0`), so this card has no measured quality."]
    rows = ["| metric | value |", "|---|---|"]
    rows += [f"| {k} | {metrics[k]:.4f} |" for k in _METRICS if k in metrics]
    return rows


def render_card(card: dict[str, Any]) -> str:
    """Markdown for people: what the model was trained on, how well it did, how to use it."""
    data = card["data"]
    metrics = card.get("metrics")
    lines = [
        f"# Theme classifier `{card['name']}`",
        "",
        f"Trained {card['created']} with consultnlp {card['versions'].get('consultnlp')}: a {card['task']} classifier "
        f"over {len(card['classes'])} labels.",
        "",
        "## Data",
        "",
        f"- File: `{data.get('file', '(in memory)')}`, sha256 `{data.get('sha256', '-')}`",
        f"- Columns: text `{data.get('text_column')}`, label `{data.get('label_column')}`"
        + (f" (labels separated by `{data['multi_label_separator']}`)" if data.get("multi_label_separator") else "")
        + (f", question/group `{data['group_column']}`" if data.get("group_column") else ""),
        f"- Rows: {data.get('rows_read')} read, {data.get('rows_used')} used "
        f"({data.get('rows_train')} for training, {data.get('rows_holdout')} held out); "
        f"left out: {', '.join(f'{k} {v}' for k, v in (data.get('rows_left_out') or {}).items()) or 'none'}",
        "",
        "## Quality on the held-out rows",
        "",
        *_metric_rows(metrics),
    ]
    if card.get("metrics_without_groups"):
        plain = card["metrics_without_groups"]
        lines += ["", f"Without the per-question restriction: top-1 {plain['top1_accuracy']:.4f}, top-5 {plain['top5_accuracy']:.4f}."]
    if metrics and metrics.get("confusions"):
        lines += ["", "Most frequent confusions (gold -> predicted: count):", ""]
        lines += [f"- {c['gold']} -> {c['predicted']}: {c['count']}" for c in metrics["confusions"][:10]]
    lines += ["", "## Labels", ""]
    counts = card.get("class_counts", {})
    lines += [f"- `{label}`: {counts.get(label, 0)}" for label in list(counts)[:50]]
    if len(counts) > 50:
        lines.append(f"- ... and {len(counts) - 50} more (see card.json)")
    if card.get("groups"):
        lines += ["", "## Per-question label sets", ""]
        lines += [f"- `{g}`: {len(labels)} labels" for g, labels in card["groups"].items()]
    settings = card["settings"]
    lines += [
        "",
        "## Model",
        "",
        f"- Features: `{settings['features']}`" + (f"; embeddings from `{card['embedder']}`" if card.get("embedder") else ""),
        f"- Method: {_method(settings, card['task'] == 'multi-label')}"
        + ("; within a question, scores re-weighted by each label's share in that question" if card.get("groups") else ""),
        f"- Training time: {card['training_seconds']} s ({', '.join(f'{k} {v}' for k, v in card.get('timings_s', {}).items())}); "
        f"peak memory {card['peak_memory_mb']} MB; model file {card.get('model_bytes', 0) / 1e6:.1f} MB",
        f"- Settings: {', '.join(f'{k}={v}' for k, v in settings.items())}",
        f"- Versions: {', '.join(f'{k} {v}' for k, v in card['versions'].items())}",
        f"- {card['serialisation']}",
        "",
        "## Use",
        "",
        "```",
        f"consultnlp analyze FILE --theme-model {card['name']} --out results/"
        + (f" --set themes.group_column={data['group_column']}" if data.get("group_column") else ""),
        f"consultnlp themes evaluate {card['name']} LABELLED_FILE --text-column T --label-column L",
        "```",
        "",
    ]
    return "\n".join(lines)
