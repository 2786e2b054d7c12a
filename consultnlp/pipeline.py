"""Run the configured stages in order over one comment frame.

Before anything runs, the requires/provides chain is checked, so a pipeline
file that cannot work fails in a second rather than after the embedding.
"""

from __future__ import annotations

import ctypes
import gc
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from consultnlp import schema
from consultnlp.config import PipelineConfig
from consultnlp.embedders.base import Embedder
from consultnlp.engine import make_engine
from consultnlp.errors import PipelineError
from consultnlp.frame import resolve_report_lang
from consultnlp.ingest import IngestInfo
from consultnlp.progress import NullProgress, Progress
from consultnlp.stages import STAGES
from consultnlp.stages.base import RunContext, Stage

INITIAL_COLUMNS = (schema.ROW_NUMBER, schema.TEXT, schema.EXCLUDED, schema.EXCLUDED_STAGE)
# Memory freed by a stage is given back to the system (``return_free_memory``) on files of at least this many rows: a
# full collection walks every object of a run's ~3,000 modules (0.1 s a stage, 1.5 s of the demo's 25 s) and frees
# next to nothing on a small file.
TRIM_ROWS = 20_000


@dataclass
class PipelineResult:
    """The analysed frame and everything the writers need."""

    frame: pd.DataFrame
    context: RunContext
    config: PipelineConfig
    ingest: IngestInfo
    timings: dict[str, float] = field(default_factory=dict)
    started: str = ""
    finished: str = ""


def build_stages(config: PipelineConfig) -> list[Stage]:
    """Instantiate the stages named in ``config.stages`` with their sections."""
    return [STAGES[name](getattr(config, name)) for name in config.stages]


def check_chain(stages: list[Stage], columns: set[str]) -> None:
    """Raise if a stage requires a column or side data (embeddings, lemmatizer ...) that no earlier stage provides."""
    available, data = set(columns), set()
    for stage in stages:
        missing = [c for c in stage.requires if c not in available]
        absent = [d for d in stage.requires_data if d not in data]
        if missing or absent:
            providers = [s.name for s in STAGES.values() if set(missing) & set(s.provides) or set(absent) & set(s.provides_data)]
            what = ", ".join([f"column {c}" for c in missing] + list(absent))
            raise PipelineError(
                f"stage '{stage.name}' needs {what}, which no earlier stage provides. "
                f"Add {' or '.join(sorted(set(providers))) or 'the missing stage'} before '{stage.name}' in 'stages:'."
            )
        available.update(stage.provides)
        data.update(stage.provides_data)


def init_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the exclusion columns and flag rows whose text is blank."""
    out = frame.copy()
    # Rows ingest set aside (a moderator's rejection, outside --where) keep their reason.
    out[schema.EXCLUDED] = frame[schema.EXCLUDED] if schema.EXCLUDED in frame else ""
    out[schema.EXCLUDED_STAGE] = frame[schema.EXCLUDED_STAGE] if schema.EXCLUDED_STAGE in frame else ""
    blank = (out[schema.TEXT].str.strip() == "") & (out[schema.EXCLUDED] == "")
    out.loc[blank, schema.EXCLUDED] = schema.REASON_EMPTY
    out.loc[blank, schema.EXCLUDED_STAGE] = "ingest"
    return out


def return_free_memory() -> None:
    """Give memory freed by a stage back to the operating system.

    glibc keeps freed small blocks in its heap; after dedupe or the topic fit at a million
    comments that is gigabytes the next stage cannot use elsewhere. ``malloc_trim`` has no
    library wrapper, hence ctypes; elsewhere than glibc this does nothing.
    """
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def run_pipeline(
    frame: pd.DataFrame,
    info: IngestInfo,
    config: PipelineConfig,
    *,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    model_dir: Path | None = None,
    embedder: Embedder | None = None,
) -> PipelineResult:
    """Run every configured stage over ``frame`` (as returned by ``ingest``).

    ``embedder`` replaces the configured one (tests pass a fast fake). The report language
    is decided once, by the first stage that needs it or at the end, and kept in the context.
    """
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    stages = build_stages(config)
    check_chain(stages, set(frame.columns) | set(INITIAL_COLUMNS))
    engine = make_engine(config.engine, config.scheduler, config.partition_rows, config.workers)
    context = RunContext(
        random_state=config.random_state,
        progress=progress or NullProgress(),
        cache_dir=cache_dir,
        model_dir=model_dir,
        engine=engine,
        embedder=embedder,
        embed_config=config.embed if "embed" in config.stages else None,
        report_lang=None if config.report.lang == "auto" else config.report.lang,
        title=config.report.title or info.title or "",
    )
    context.stats["engine"] = engine.describe()
    current = init_frame(frame)
    timings: dict[str, float] = {}
    # After the last stage that sends work to the engine, its worker processes are stopped, so their
    # memory is free for the topic fit and the tables (at 193k comments: 1.3 GB of 4 GB).
    last_parallel = max((i for i, s in enumerate(stages) if s.row_wise or s.uses_engine), default=-1)
    try:
        for i, stage in enumerate(stages):
            t0 = time.perf_counter()
            current = stage.apply(current, context)
            if i == last_parallel:
                engine.release()
            if len(current) >= TRIM_ROWS:
                return_free_memory()
            timings[stage.name] = round(time.perf_counter() - t0, 3)
    finally:
        engine.close()
    context.report_lang = resolve_report_lang(current, context.report_lang)
    finished = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return PipelineResult(current, context, config, info, timings, started, finished)
