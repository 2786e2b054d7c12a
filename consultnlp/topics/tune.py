"""Topic settings on a grid: every point fitted on the same embeddings, measured, and one recommended.

``consultnlp/tuning.py`` runs the pipeline up to the embeddings once and calls
``evaluate_grid``; this module knows nothing of files or stages.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd
import yaml
from pydantic import ValidationError

from consultnlp.config import TopicsConfig
from consultnlp.errors import ConfigError
from consultnlp.progress import NullProgress, Progress
from consultnlp.topics.metrics import (
    label_agreement,
    multilingual_npmi,
    n_topics,
    outlier_share,
    topic_diversity,
)
from consultnlp.topics.model import fit_topic_model

TUNABLE = (
    "clustering",
    "min_topic_size",
    "min_samples",
    "refine",
    "n_neighbors",
    "n_components",
    "n_clusters",
    "lexical_weight",
    "max_outlier_share",
)
COLUMNS = ["setting", "n_topics", "raw_outlier_share", "outlier_share", "npmi", "diversity", "nmi", "ari", "fit_seconds"]
MAX_RAW_OUTLIERS = 0.5
TIE = 0.005
RULE_LABELS = "highest NMI against --label-column; settings within 0.005 NMI of the best count as tied, and the one with fewer topics wins"
RULE_UNLABELLED = (
    "best average rank on coherence (NPMI) and topic diversity, among settings that leave at most half of the "
    "comments as outliers before reassignment; ties go to fewer topics"
)


def parse_grid(items: list[str]) -> dict[str, list[Any]]:
    """``["min_topic_size=10,20", "n_neighbors=15"]`` -> ``{"min_topic_size": [10, 20], "n_neighbors": [15]}``."""
    grid: dict[str, list[Any]] = {}
    for item in items:
        if "=" not in item:
            raise ConfigError(f"--grid {item!r} must look like key=v1,v2,..., e.g. --grid min_topic_size=10,20,40.")
        key, raw = (part.strip() for part in item.split("=", 1))
        if key.startswith("topics."):
            key = key[len("topics.") :]
        if key not in TUNABLE:
            raise ConfigError(f"--grid key {key!r} cannot be tuned. Tunable keys: {', '.join(TUNABLE)}.")
        values = [yaml.safe_load(v) if v.strip() else None for v in raw.split(",")]
        if not values or any(v is None and key not in ("min_samples", "n_clusters") for v in values):
            raise ConfigError(f"--grid {item!r} has an empty value; list values separated by commas.")
        grid[key] = values
    if not grid:
        raise ConfigError("Give at least one --grid key=v1,v2, e.g. --grid min_topic_size=10,20,40.")
    return grid


def grid_points(base: TopicsConfig, grid: dict[str, list[Any]]) -> list[tuple[str, TopicsConfig]]:
    """Every combination of the grid as (a readable name, a validated topics config)."""
    keys = list(grid)
    points = []
    for values in itertools.product(*(grid[k] for k in keys)):
        update = dict(zip(keys, values))
        try:
            cfg = TopicsConfig.model_validate({**base.model_dump(), **update})
        except ValidationError as err:
            first = err.errors()[0]
            raise ConfigError(
                f"--grid value {first.get('input')!r} for '{'.'.join(str(p) for p in first['loc'])}' is invalid: {first['msg']}."
            ) from None
        points.append((" ".join(f"{k}={v}" for k, v in update.items()), cfg))
    return points


def evaluate_grid(
    points: list[tuple[str, TopicsConfig]],
    docs: list[str],
    embeddings: np.ndarray,
    langs: np.ndarray,
    *,
    labels: list[Any] | None,
    keys: list[str],
    random_state: int,
    encode: Callable[[list[str]], np.ndarray] | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Fit topics for every grid point on the same units; one row of measures (and the ``keys`` settings) per point.

    Whatever does not depend on the grid is computed once: keyword vectors, the clustered
    features, the nearest neighbours (for the largest ``n_neighbors``), and a UMAP reduction
    per ``n_neighbors`` / ``n_components`` shared by points that differ only in the clustering.
    """
    progress = progress or NullProgress()
    encode = _memoised(encode)
    # Shared by every point: keyword vectors, features, neighbours (as many as the largest n_neighbors) and UMAP results.
    reductions: dict[Any, Any] = {"max_neighbors": max(cfg.n_neighbors for _, cfg in points)}
    rows = []
    with progress.task(f"Fitting {len(points)} settings", total=len(points)) as task:
        for name, cfg in points:
            started = time.perf_counter()
            model, topics = fit_topic_model(docs, embeddings, cfg, random_state, encode=encode, reductions=reductions, progress=progress)
            seconds = time.perf_counter() - started
            rep = model.bertopic
            words = [[w for w, _ in (rep.get_topic(t) or [])] for t in sorted(set(topics.tolist()) - {-1})] if rep is not None else []
            nmi, ari = label_agreement(topics, labels) if labels is not None else (float("nan"), float("nan"))
            rows.append(
                {
                    "setting": name,
                    "n_topics": n_topics(topics),
                    "raw_outlier_share": model.stats.get("raw_outlier_share"),
                    "outlier_share": round(outlier_share(topics), 4),
                    "npmi": round(multilingual_npmi(rep, docs, topics, langs), 4) if rep is not None else float("nan"),
                    "diversity": round(topic_diversity(words), 4),
                    "nmi": round(nmi, 4),
                    "ari": round(ari, 4),
                    "fit_seconds": round(seconds, 2),
                    **{k: v for k, v in cfg.model_dump().items() if k in keys},
                }
            )
            task.advance(1)
    return pd.DataFrame(rows)


def recommend(table: pd.DataFrame, *, labelled: bool) -> tuple[int, str]:
    """Index of the recommended row and the rule that chose it."""
    if labelled and table["nmi"].notna().any():
        best = table["nmi"].max()
        tied = table[table["nmi"] >= best - TIE]
        return int(tied.sort_values(["n_topics", "nmi"], ascending=[True, False], kind="stable").index[0]), RULE_LABELS
    ok = table[table["raw_outlier_share"].fillna(0) <= MAX_RAW_OUTLIERS]
    pool = ok if not ok.empty else table
    score = pool["npmi"].rank(ascending=False, method="min") + pool["diversity"].rank(ascending=False, method="min")
    ranked = pool.assign(_score=score).sort_values(["_score", "n_topics"], kind="stable")
    return int(ranked.index[0]), RULE_UNLABELLED


def plot_grid(table: pd.DataFrame, best: int, path: Path, *, labelled: bool) -> Path:
    """Save a PNG with one panel per measure, the recommended setting highlighted."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    measures = [
        ("n_topics", "topics"),
        ("outlier_share", "outlier share (raw, hatched)"),
        ("npmi", "NPMI coherence"),
        ("diversity", "topic diversity"),
    ]
    if labelled:
        measures += [("nmi", "NMI vs labels"), ("ari", "ARI vs labels")]
    cols = 2
    rows = (len(measures) + 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(11, 3.0 * rows), squeeze=False)
    x = np.arange(len(table))
    colors = ["#d95f02" if i == best else "#7570b3" for i in range(len(table))]
    for ax, (column, title) in zip(axes.ravel(), measures):
        ax.bar(x, table[column].astype(float).fillna(0), color=colors)
        if column == "outlier_share":
            ax.bar(x, table["raw_outlier_share"].astype(float).fillna(0), color="none", edgecolor="#444", hatch="//")
        ax.set_title(title, fontsize=10)
        ax.set_xticks(x)
        ax.set_xticklabels(table["setting"], rotation=60, ha="right", fontsize=7)
    for ax in axes.ravel()[len(measures) :]:
        ax.axis("off")
    fig.suptitle(f"Recommended (orange): {table.loc[best, 'setting']}", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _memoised(encode: Any) -> Any:
    if encode is None:
        return None
    seen: dict[str, np.ndarray] = {}

    def cached(words: list[str]) -> np.ndarray:
        missing = [w for w in dict.fromkeys(words) if w not in seen]
        if missing:
            for word, vec in zip(missing, encode(missing)):
                seen[word] = vec
        return np.vstack([seen[w] for w in words]) if words else np.zeros((0, 1), dtype=np.float32)

    return cached


def plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value
