"""The stage contract: a frame in, the same rows plus declared columns out.

A stage names the columns it ``requires`` and ``provides``; the pipeline
checks the chain before running anything. Rows that cannot be analysed are
flagged in ``excluded`` with a reason, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.errors import PipelineError
from consultnlp.progress import NullProgress, Progress


@dataclass
class RunContext:
    """What stages share besides the frame: side arrays, fitted models, warnings."""

    random_state: int = 42
    progress: Progress = field(default_factory=NullProgress)
    cache_dir: Path | None = None
    model_dir: Path | None = None
    # Embeddings of the modelled units (analysed duplicate-group representatives), aligned to ``unit_ids``.
    unit_ids: pd.Index | None = None
    embeddings: np.ndarray | None = None
    embedder: Any = None
    embed_config: Any = None  # the embed section, so later stages can embed side texts in worker processes
    topic_model: Any = None
    topic_info: pd.DataFrame | None = None
    taxonomy: Any = None
    lemmatizer: Any = None
    lemma_forms: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> lemma -> surface word
    report_lang: str | None = None  # set when the user chose --report-lang; else the majority language
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    engine: Any = field(default_factory=lambda: _local_engine())

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        self.progress.note(message)


def _local_engine() -> Any:
    from consultnlp.engine import LocalEngine

    return LocalEngine()


class Stage:
    """Base class of every pipeline stage."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    # True when running on any subset of rows gives those rows' results unchanged,
    # so the stage can run as partitions in worker processes or on Dask workers.
    row_wise: ClassVar[bool] = False
    # True when ``run`` sends work to the engine itself (lemmas, MinHash signatures, embedding chunks).
    uses_engine: ClassVar[bool] = False

    def __init__(self, config: Any) -> None:
        self.config = config

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        """Return a new frame: the same rows in the same order, plus ``provides`` columns."""
        raise NotImplementedError

    def notes(self, before: pd.DataFrame, after: pd.DataFrame) -> list[str]:
        """Warnings about what the stage did, computed from its input and output frames.

        Kept apart from ``run`` so that a partitioned run reports totals once, not per partition.
        """
        return []

    def apply(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        """Run the stage (as partitions when the engine distributes work) and enforce its contract."""
        missing = [c for c in (*self.requires, schema.EXCLUDED, schema.EXCLUDED_STAGE) if c not in frame.columns]
        if missing:
            raise PipelineError(f"stage '{self.name}' needs column(s) {', '.join(missing)}, which the frame does not have.")
        if self.row_wise and context.engine.distributes(len(frame)):
            parts = []
            with context.progress.task(f"{self.name.capitalize()} (in partitions)", total=len(frame)) as task:
                for part in context.engine.map_partitions(partial(_run_partition, self, context.random_state), frame):
                    parts.append(part)
                    task.advance(len(part))
            out = pd.concat(parts)
        else:
            out = self.run(frame, context)
        # A broken contract is a bug in consultnlp, not a user error: fail loudly with a traceback.
        if not out.index.equals(frame.index):
            raise AssertionError(f"stage {self.name} dropped, added or reordered rows")
        added = set(out.columns) - set(frame.columns)
        if not added <= set(self.provides):
            raise AssertionError(f"stage {self.name} added undeclared columns: {sorted(added - set(self.provides))}")
        for message in self.notes(frame, out):
            context.warn(message)
        return out


def _run_partition(stage: Stage, random_state: int, part: pd.DataFrame) -> pd.DataFrame:
    """Run a row-wise stage on one partition, in a worker process or on a Dask worker."""
    return stage.run(part, RunContext(random_state=random_state))


def analysed_mask(frame: pd.DataFrame) -> pd.Series:
    """Rows not excluded so far."""
    return frame[schema.EXCLUDED] == ""


def unit_mask(frame: pd.DataFrame) -> pd.Series:
    """Rows that are modelled: analysed and the representative of their duplicate group."""
    mask = analysed_mask(frame)
    if schema.DUP_REPRESENTATIVE in frame.columns:
        mask &= frame[schema.DUP_REPRESENTATIVE].astype(bool)
    return mask


def exclude(frame: pd.DataFrame, mask: pd.Series, reason: str, stage: str) -> int:
    """Flag rows in ``mask`` that are still analysed; return how many were newly excluded."""
    newly = mask & analysed_mask(frame)
    frame.loc[newly, schema.EXCLUDED] = reason
    frame.loc[newly, schema.EXCLUDED_STAGE] = stage
    return int(newly.sum())


def broadcast_to_duplicates(frame: pd.DataFrame, columns: list[str], fill: dict[str, Any]) -> None:
    """Copy unit values to every analysed member of the unit's duplicate group; fill excluded rows."""
    analysed = analysed_mask(frame)
    if schema.DUP_GROUP in frame.columns:
        units = unit_mask(frame)
        by_group = frame.loc[units, [schema.DUP_GROUP, *columns]].set_index(schema.DUP_GROUP)
        members = analysed & ~units
        if members.any():
            groups = frame.loc[members, schema.DUP_GROUP]
            for col in columns:
                frame.loc[members, col] = by_group[col].reindex(groups.to_numpy()).to_numpy()
    for col, value in fill.items():
        frame.loc[~analysed, col] = value
