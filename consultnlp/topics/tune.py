"""``consultnlp topics tune``: fit topics over a grid of settings and recommend one.

The pipeline runs once up to the embeddings (the embedding cache makes a
re-run cheap); every grid point then only re-clusters. UMAP reductions are
shared between points that differ only in HDBSCAN settings.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from pydantic import ValidationError

from consultnlp import schema
from consultnlp.config import PipelineConfig, TopicsConfig
from consultnlp.errors import ConfigError, InputError
from consultnlp.progress import NullProgress, Progress
from consultnlp.stages.base import unit_mask
from consultnlp.topics.metrics import label_agreement, multilingual_npmi, n_topics, outlier_share, topic_diversity
from consultnlp.topics.model import fit_topic_model

TUNABLE = ("clustering", "min_topic_size", "min_samples", "refine", "n_neighbors", "n_components", "n_clusters",
           "lexical_weight", "max_outlier_share")
COLUMNS = ["setting", "n_topics", "raw_outlier_share", "outlier_share", "npmi", "diversity", "nmi", "ari", "fit_seconds"]
MAX_RAW_OUTLIERS = 0.5
TIE = 0.005
RULE_LABELS = (
    "highest NMI against --label-column; settings within 0.005 NMI of the best count as tied, "
    "and the one with fewer topics wins"
)
RULE_UNLABELLED = (
    "best average rank on coherence (NPMI) and topic diversity, among settings that leave at most half of the "
    "comments as outliers before reassignment; ties go to fewer topics"
)


@dataclass
class TuneResult:
    """The grid table (one row per setting), the recommended setting and why, and the files written."""

    table: pd.DataFrame
    recommended: dict[str, Any]
    rule: str
    n_comments: int
    files: list[Path] = field(default_factory=list)


def parse_grid(items: list[str]) -> dict[str, list[Any]]:
    """``["min_topic_size=10,20", "n_neighbors=15"]`` -> ``{"min_topic_size": [10, 20], "n_neighbors": [15]}``."""
    grid: dict[str, list[Any]] = {}
    for item in items:
        if "=" not in item:
            raise ConfigError(f"--grid {item!r} must look like key=v1,v2,..., e.g. --grid min_topic_size=10,20,40.")
        key, raw = (part.strip() for part in item.split("=", 1))
        if key.startswith("topics."):
            key = key[len("topics."):]
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


def tune_topics(
    input_path: str | Path,
    grid: dict[str, list[Any]],
    config: PipelineConfig,
    *,
    label_column: str | None = None,
    out_dir: str | Path | None = None,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    embedder: Any = None,
) -> TuneResult:
    """Embed ``input_path`` once, fit topics for every grid point, write ``topics_tune.csv`` and ``topics_tune.png``."""
    from consultnlp.pipeline import INITIAL_COLUMNS, build_stages, check_chain, init_frame
    from consultnlp.stages.base import RunContext
    from consultnlp.stages.ingest import ingest
    from consultnlp.stages.topics import _vocabulary_encoder

    progress = progress or NullProgress()
    points = grid_points(config.topics, grid)
    if "embed" not in config.stages or "nlp" not in config.stages:
        raise ConfigError("topics tune needs the nlp and embed stages in 'stages:'.")
    upto = config.stages[: config.stages.index("embed") + 1]
    prep = config.model_copy(update={"stages": upto})
    ing = config.ingest
    frame, info = ingest(
        input_path, text_column=ing.text_column, id_column=ing.id_column, sheet=ing.sheet,
        segment_columns=ing.segment_columns, encoding=ing.encoding, delimiter=ing.delimiter,
    )
    label_name = _label_column(frame, label_column, Path(input_path).name)
    # The stages up to the embeddings, as run_pipeline runs them; a caller (a test) may inject the embedder.
    context = RunContext(random_state=config.random_state, progress=progress, cache_dir=cache_dir, embedder=embedder)
    stages = build_stages(prep)
    check_chain(stages, set(frame.columns) | set(INITIAL_COLUMNS))
    analysed = init_frame(frame)
    for stage in stages:
        analysed = stage.apply(analysed, context)
    units = analysed.index[unit_mask(analysed)]
    if len(units) < 10:
        raise InputError(f"{Path(input_path).name} has only {len(units)} unique comments to model; topics tune needs at least 10.")
    docs = analysed.loc[units, schema.LEMMAS].astype(str).tolist()
    embeddings = context.embeddings
    langs = analysed.loc[units, schema.LANG].astype(str).to_numpy()
    labels = analysed.loc[units, label_name].tolist() if label_name else None
    encode = _memoised(_vocabulary_encoder(context))
    reductions: dict[Any, np.ndarray] = {}
    rows = []
    with progress.task(f"Fitting {len(points)} settings", total=len(points)) as task:
        for name, cfg in points:
            started = time.perf_counter()
            model, topics = fit_topic_model(
                docs, embeddings, cfg, config.random_state, encode=encode, reductions=reductions
            )
            seconds = time.perf_counter() - started
            rep = model.bertopic
            words = [[w for w, _ in (rep.get_topic(t) or [])] for t in sorted(set(topics.tolist()) - {-1})] if rep is not None else []
            nmi, ari = label_agreement(topics, labels) if labels is not None else (float("nan"), float("nan"))
            rows.append({
                "setting": name, "n_topics": n_topics(topics), "raw_outlier_share": model.stats.get("raw_outlier_share"),
                "outlier_share": round(outlier_share(topics), 4), "npmi": round(multilingual_npmi(rep, docs, topics, langs), 4) if rep is not None else float("nan"),
                "diversity": round(topic_diversity(words), 4), "nmi": round(nmi, 4), "ari": round(ari, 4),
                "fit_seconds": round(seconds, 2), **{k: v for k, v in cfg.model_dump().items() if k in grid},
            })
            task.advance(1)
    table = pd.DataFrame(rows)
    table = table[COLUMNS + [k for k in grid if k not in COLUMNS]]
    best, rule = recommend(table, labelled=labels is not None)
    recommended = {k: _plain(table.loc[best, k]) for k in grid}
    files: list[Path] = []
    if out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        table.to_csv(out / "topics_tune.csv", index=False)
        files.append(out / "topics_tune.csv")
        files.append(plot_grid(table, best, out / "topics_tune.png", labelled=labels is not None))
    return TuneResult(table=table, recommended=recommended, rule=rule, n_comments=len(units), files=files)


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

    measures = [("n_topics", "topics"), ("outlier_share", "outlier share (raw, hatched)"), ("npmi", "NPMI coherence"),
                ("diversity", "topic diversity")]
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
    for ax in axes.ravel()[len(measures):]:
        ax.axis("off")
    fig.suptitle(f"Recommended (orange): {table.loc[best, 'setting']}", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _label_column(frame: pd.DataFrame, label_column: str | None, source: str) -> str | None:
    if label_column is None:
        return None
    for name in (label_column, f"input_{label_column}"):
        if name in frame.columns:
            return name
    found = ", ".join(c for c in frame.columns if c not in schema.RESERVED)
    raise InputError(f'{source} has no column "{label_column}" for --label-column. Found: {found}.')


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


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value
