"""``topics tune``: run the pipeline up to the embeddings once, then fit topics for every grid point.

The same ``run_pipeline`` as ``analyze`` prepares the comments (the embedding cache
makes a re-run cheap); ``consultnlp.topics.tune`` fits and measures the grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from consultnlp import schema
from consultnlp.config import PipelineConfig
from consultnlp.errors import ConfigError, InputError
from consultnlp.files import check_writable_folder
from consultnlp.frame import unit_mask
from consultnlp.ingest import ingest
from consultnlp.output import canonical_order
from consultnlp.pipeline import run_pipeline
from consultnlp.progress import NullProgress, Progress
from consultnlp.topics.tune import (
    COLUMNS,
    evaluate_grid,
    grid_points,
    plain,
    plot_grid,
    recommend,
)


@dataclass
class TuneResult:
    """The grid table (one row per setting), the recommended setting and why, and the files written."""

    table: pd.DataFrame
    recommended: dict[str, Any]
    rule: str
    n_comments: int
    files: list[Path] = field(default_factory=list)


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
    progress = progress or NullProgress()
    points = grid_points(config.topics, grid)
    if "embed" not in config.stages or "nlp" not in config.stages:
        raise ConfigError("topics tune needs the nlp and embed stages in 'stages:'.")
    prep = config.model_copy(update={"stages": config.stages[: config.stages.index("embed") + 1]})
    if out_dir is not None:
        check_writable_folder(Path(out_dir), option="out_dir")  # before any work, not after the grid
    frame, info = ingest(input_path, **config.ingest.model_dump())
    frame = canonical_order(frame)  # the order analyze works in, so a recommended setting fits the same topics there
    label_name = _label_column(frame, label_column, Path(input_path).name)
    result = run_pipeline(frame, info, prep, progress=progress, cache_dir=cache_dir, embedder=embedder)
    analysed, context = result.frame, result.context
    units = analysed.index[unit_mask(analysed)]
    if len(units) < 10:
        raise InputError(f"{Path(input_path).name} has only {len(units)} unique comments to model; topics tune needs at least 10.")
    labels = analysed.loc[units, label_name].tolist() if label_name else None
    table = evaluate_grid(
        points,
        analysed.loc[units, schema.LEMMAS].astype(str).tolist(),
        context.embeddings,
        analysed.loc[units, schema.LANG].astype(str).to_numpy(),
        labels=labels,
        keys=list(grid),
        random_state=config.random_state,
        encode=partial(context.encoder.encode, description="Embedding keywords"),
        progress=progress,
    )
    table = table[COLUMNS + [k for k in grid if k not in COLUMNS]]
    best, rule = recommend(table, labelled=labels is not None)
    recommended = {k: plain(table.loc[best, k]) for k in grid}
    files: list[Path] = []
    if out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        table.to_csv(out / "topics_tune.csv", index=False)
        files.append(out / "topics_tune.csv")
        files.append(plot_grid(table, best, out / "topics_tune.png", labelled=labels is not None))
    return TuneResult(table=table, recommended=recommended, rule=rule, n_comments=len(units), files=files)


def _label_column(frame: pd.DataFrame, label_column: str | None, source: str) -> str | None:
    if label_column is None:
        return None
    for name in (label_column, f"input_{label_column}"):
        if name in frame.columns:
            return name
    found = ", ".join(c for c in frame.columns if c not in schema.RESERVED)
    raise InputError(f'{source} has no column "{label_column}" for --label-column. Found: {found}.')
