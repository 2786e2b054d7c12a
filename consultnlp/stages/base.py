"""The stage contract: a frame in, the same rows plus declared columns out.

A stage names the columns it ``requires`` and ``provides``, and the side data
(arrays and models that travel beside the frame in ``RunContext``) it
``requires_data`` and ``provides_data``, as spaCy components declare what they
assign. The pipeline checks the whole chain before running anything. Rows that
cannot be analysed are flagged in ``excluded`` with a reason, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pandas as pd

from consultnlp import schema
from consultnlp.engine import Engine, LocalEngine
from consultnlp.errors import PipelineError
from consultnlp.i18n import Note
from consultnlp.progress import NullProgress, Progress

if TYPE_CHECKING:
    import numpy as np

    from consultnlp.config import EmbedConfig
    from consultnlp.embedders import DiskMatrix, Embedder, TextEncoder
    from consultnlp.lemmas import Lemmatizer
    from consultnlp.taxonomy import LabelTaxonomy, Taxonomy
    from consultnlp.topics.model import TopicModel

# Side data a stage may provide or require, and the RunContext fields each name stands for.
SIDE_DATA: dict[str, tuple[str, ...]] = {
    "lemmatizer": ("lemmatizer", "lemma_forms"),
    "embeddings": ("embeddings", "unit_ids", "encoder"),
    "topic_model": ("topic_model", "topic_info", "topic_groups"),
    "taxonomy": ("taxonomy",),
}


@dataclass
class RunContext:
    """What stages share besides the frame: settings of the run, side data, warnings and stats."""

    random_state: int = 42
    progress: Progress = field(default_factory=NullProgress)
    cache_dir: Path | None = None
    model_dir: Path | None = None
    engine: Engine = field(default_factory=LocalEngine)
    # The report language the user asked for (None: the majority analysed language, decided by
    # ``frame.resolve_report_lang`` when a stage first needs it, and then kept here).
    report_lang: str | None = None
    # The consultation's own title (``--title``, or the export's: a Pol.is topic, a Decidim space); "" when not known.
    title: str = ""
    # An embedder to use instead of the configured one (tests inject a fake one), and the configured one's settings.
    embedder: "Embedder | None" = None
    embed_config: "EmbedConfig | None" = None
    # "lemmatizer": the nlp stage's lemmatiser and, per language, lemma -> the word people wrote.
    lemmatizer: "Lemmatizer | None" = None
    lemma_forms: dict[str, dict[str, str]] = field(default_factory=dict)
    # "embeddings": vectors of the modelled units, aligned to ``unit_ids``; the encoder embeds side texts.
    embeddings: "np.ndarray | DiskMatrix | None" = None
    unit_ids: pd.Index | None = None
    encoder: "TextEncoder | None" = None
    # Vectors the screen computed without a cache (``--no-cache``), by embedded text: the embed stage takes them instead of
    # encoding the same texts again, then drops them.
    vector_memo: "dict[str, np.ndarray] | None" = None
    lowercase_caps: bool = True
    # "topic_model": the fitted (or loaded) model and its topic table.
    topic_model: "TopicModel | None" = None
    topic_info: pd.DataFrame | None = None
    topic_groups: pd.DataFrame | None = None  # the headline groups of the fine topics
    # "taxonomy": the themes the comments were tagged with.
    taxonomy: "Taxonomy | LabelTaxonomy | None" = None
    warnings: list[Note] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def warn(self, key: str, **values: Any) -> None:
        """Record a technical note (a catalogue key, so the report shows it in its language) and show it in English."""
        note = Note(key, values)
        self.warnings.append(note)
        self.progress.note(note.text("en"))

    def has(self, name: str) -> bool:
        """Whether the side data ``name`` (a key of ``SIDE_DATA``) is present."""
        return all(getattr(self, attr) is not None for attr in SIDE_DATA[name] if attr != "lemma_forms")


class Stage:
    """Base class of every pipeline stage."""

    name: ClassVar[str]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    requires_data: tuple[str, ...] = ()
    provides_data: tuple[str, ...] = ()
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

    def finish(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        """Corpus-level work after ``run`` (which may have run as partitions): default none.

        A row-wise stage whose decision also depends on the whole file (the language stage's
        prior: the consultation's own language mix) completes it here, in this process.
        """
        return frame

    def notes(self, before: pd.DataFrame, after: pd.DataFrame) -> list[Note]:
        """Warnings about what the stage did, computed from its input and output frames.

        Kept apart from ``run`` so that a partitioned run reports totals once, not per partition.
        """
        return []

    def apply(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        """Run the stage (as partitions when the engine distributes work) and enforce its contract."""
        missing = [c for c in (*self.requires, schema.EXCLUDED, schema.EXCLUDED_STAGE) if c not in frame.columns]
        if missing:
            raise PipelineError(f"stage '{self.name}' needs column(s) {', '.join(missing)}, which the frame does not have.")
        absent = [name for name in self.requires_data if not context.has(name)]
        if absent:
            raise PipelineError(f"stage '{self.name}' needs {', '.join(absent)}, which no earlier stage of this run provided.")
        if self.row_wise and context.engine.distributes(len(frame)):
            parts = []
            with context.progress.task(f"{self.name.capitalize()} (in partitions)", total=len(frame)) as task:
                for part in context.engine.map_partitions(partial(_run_partition, self, context.random_state), frame):
                    parts.append(part)
                    task.advance(len(part))
            out = pd.concat(parts)
        else:
            out = self.run(frame, context)
        out = self.finish(out, context)
        # A broken contract is a bug in consultnlp, not a user error: fail loudly with a traceback.
        if not out.index.equals(frame.index):
            raise AssertionError(f"stage {self.name} dropped, added or reordered rows")
        added = set(out.columns) - set(frame.columns)
        if not added <= set(self.provides):
            raise AssertionError(f"stage {self.name} added undeclared columns: {sorted(added - set(self.provides))}")
        for note in self.notes(frame, out):
            context.warn(note.key, **note.values)
        return out


def _run_partition(stage: Stage, random_state: int, part: pd.DataFrame) -> pd.DataFrame:
    """Run a row-wise stage on one partition, in a worker process or on a Dask worker."""
    return stage.run(part, RunContext(random_state=random_state))
