"""What an analysis keeps so that ``consultnlp report DIR`` can re-render it without refitting.

All of it is private: it lives under ``DIR/private/`` with the analyst's working table
(``private/comments.parquet``, original text, raw ids and personal columns), never beside
the published files. ``DIR/private/state/`` holds:

- ``state.json``: source file name, segment columns, row accounting, the
  resolved config, warnings and stats, the report language used;
- ``topic_info.json``: per topic its names per language, keywords, keywords per language and group;
- ``topic_groups.json``: the headline groups, their names per language and their topics;
- ``key_points.parquet``: the key points of every group and theme (statements, counts, comment ids);
- ``votes_<table>.parquet``: the opinion groups, consensus and division of a Pol.is conversation's votes
  (``consultnlp.summary.votes``), which a re-render cannot compute again without the vote files;
- ``taxonomy.json``: the theme taxonomy as used (a user's file may move);
- ``assignments.parquet``: each row's topic as the model assigned it, so a
  topic review is always applied to the original, never twice;
- ``pseudonyms.json``: which columns hold personal data and the key of their pseudonyms;
  ``state.json`` also names the personal columns (and why), and the neutral names given to headers
  that held personal data;
- ``quotes.npz``: quote candidates with float16 embeddings and group centres
  (see ``consultnlp.summary.quotes``), never the embeddings of every comment.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import __version__, schema
from consultnlp.config import PipelineConfig, config_to_dict
from consultnlp.errors import InputError
from consultnlp.files import atomic_path, write_text
from consultnlp.summary.quotes import QuotePool

PRIVATE_DIR = "private"
STATE_DIR = f"{PRIVATE_DIR}/state"
LEGACY_STATE_DIR = "state"  # where runs before the private/ folder kept it; still read
WORKING_TABLE = f"{PRIVATE_DIR}/comments.parquet"
STATE_FORMAT = 1
# Columns the written tables add to the frame (the pseudonym of each id): derived again on every write, never read back.
PUBLIC_ID = "public_id"
OUTPUT_ONLY_COLUMNS = (PUBLIC_ID,)


@dataclass
class AnalysisState:
    """Everything a re-render reads: the comment frame (topics as first assigned) and the saved side data."""

    frame: pd.DataFrame
    topic_info: pd.DataFrame | None
    taxonomy: Any
    config: PipelineConfig
    accounting: dict[str, Any]
    source: str
    segment_columns: list[str]
    report_lang: str
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    quote_pool: QuotePool | None = None
    topic_groups: pd.DataFrame | None = None
    key_points: pd.DataFrame | None = None
    votes: dict[str, pd.DataFrame] = field(default_factory=dict)  # vote tables by name (``summary.votes.TABLES``)
    # Columns whose values are personal data ("comment_id" for the ids), shown as pseudonyms under this key.
    pseudonymised: list[str] = field(default_factory=list)
    pseudonym_key: str | None = None
    # Input columns whose values are personal data (found by content or named by the platform) -> why, e.g. "e-mails".
    personal_columns: dict[str, str] = field(default_factory=dict)
    # Neutral name -> the input header it replaces, for headers that held personal data.
    neutral_headers: dict[str, str] = field(default_factory=dict)
    # Each row's topic columns as the model assigned them (before any review), indexed by comment_id.
    assignments: pd.DataFrame | None = None
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def original_topics(self) -> pd.Series | None:
        """Unit comment_id -> topic id (as text) as first assigned: what the quote pool was built on."""
        if self.assignments is None:
            return None
        units = self.frame[schema.EXCLUDED] == ""
        if schema.DUP_REPRESENTATIVE in self.frame:
            units &= self.frame[schema.DUP_REPRESENTATIVE].astype(bool)
        return self.assignments.loc[units[units].index, schema.TOPIC_ID].dropna().astype("int64").astype(str)


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def _dump(path: Path, data: Any) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1, default=_json_default) + "\n")


def save_state(out_dir: Path, state: AnalysisState) -> list[str]:
    """Write ``out_dir/private/state/`` from ``state``; return the relative paths written."""
    state_dir = Path(out_dir) / STATE_DIR
    state_dir.mkdir(parents=True, exist_ok=True)
    _dump(
        state_dir / "state.json",
        {
            "format": STATE_FORMAT,
            "consultnlp_version": __version__,
            "source": state.source,
            "segment_columns": list(state.segment_columns),
            "accounting": state.accounting,
            "report_lang": state.report_lang,
            "config": config_to_dict(state.config),
            "warnings": list(state.warnings),
            "stats": state.stats,
            "personal_columns": state.personal_columns,
            "neutral_headers": state.neutral_headers,
        },
    )
    written = [f"{STATE_DIR}/state.json"]
    if state.topic_info is not None:
        _dump(state_dir / "topic_info.json", state.topic_info.to_dict(orient="records"))
        written.append(f"{STATE_DIR}/topic_info.json")
    if state.taxonomy is not None:
        _dump(state_dir / "taxonomy.json", state.taxonomy.model_dump(mode="json"))
        written.append(f"{STATE_DIR}/taxonomy.json")
    if state.pseudonym_key is not None:
        # The key links pseudonyms back to values: it stays with the analyst, never in a published file.
        _dump(state_dir / "pseudonyms.json", {"columns": state.pseudonymised, "key": state.pseudonym_key})
        written.append(f"{STATE_DIR}/pseudonyms.json")
    if state.topic_groups is not None:
        _dump(state_dir / "topic_groups.json", state.topic_groups.to_dict(orient="records"))
        written.append(f"{STATE_DIR}/topic_groups.json")
    if state.key_points is not None:
        with atomic_path(state_dir / "key_points.parquet") as tmp:
            state.key_points.to_parquet(tmp, index=False)
        written.append(f"{STATE_DIR}/key_points.parquet")
    for name, table in state.votes.items():
        with atomic_path(state_dir / f"votes_{name}.parquet") as tmp:
            table.to_parquet(tmp, index=False)
        written.append(f"{STATE_DIR}/votes_{name}.parquet")
    if state.assignments is not None:
        with atomic_path(state_dir / "assignments.parquet") as tmp:
            state.assignments.reset_index().to_parquet(tmp, index=False)
        written.append(f"{STATE_DIR}/assignments.parquet")
    if state.quote_pool is not None:
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **state.quote_pool.to_arrays())
        with atomic_path(state_dir / "quotes.npz") as tmp:
            tmp.write_bytes(buffer.getvalue())
        written.append(f"{STATE_DIR}/quotes.npz")
    return written


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path} cannot be read ({exc}). Run `consultnlp analyze` again to rewrite it.") from None


def load_state(out_dir: Path) -> AnalysisState:
    """Read what ``save_state`` wrote, with ``private/comments.parquet`` as the frame (its topics reset to the original ones)."""
    from consultnlp.taxonomy import Taxonomy

    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise InputError(f"{out_dir} does not exist or is not a folder. Give the --out folder of a `consultnlp analyze` run.")
    state_dir, comments_path = out_dir / STATE_DIR, out_dir / WORKING_TABLE
    if not (state_dir / "state.json").is_file() and (out_dir / LEGACY_STATE_DIR / "state.json").is_file():
        # A run from before private/: its state and working table sat beside the published files.
        state_dir, comments_path = out_dir / LEGACY_STATE_DIR, out_dir / "comments.parquet"
    if not (state_dir / "state.json").is_file():
        raise InputError(
            f"{out_dir} has no {STATE_DIR}/state.json: it is not an analysis folder, or it was written by an older consultnlp. "
            f"Run `consultnlp analyze INPUT --out {out_dir}` to create it."
        )
    if not comments_path.is_file():
        raise InputError(f"{out_dir} has no {comments_path.relative_to(out_dir)}. Run `consultnlp analyze INPUT --out {out_dir}` again.")
    meta = _read_json(state_dir / "state.json")
    if meta.get("format") != STATE_FORMAT:
        raise InputError(
            f"{state_dir}/state.json has format {meta.get('format')!r}; this consultnlp reads format {STATE_FORMAT}. Run `consultnlp analyze` again."
        )
    frame = pd.read_parquet(comments_path).set_index(schema.COMMENT_ID)
    # The pseudonym column is written beside the ids, not part of the analysis: a re-render derives it again.
    frame = frame.drop(columns=[c for c in OUTPUT_ONLY_COLUMNS if c in frame.columns])
    # The working table shows the input's headers; the analysis knows a personal one by its neutral name.
    neutral = dict(meta.get("neutral_headers", {}))
    frame = frame.rename(columns={original: name for name, original in neutral.items()})
    assigned = None
    if (state_dir / "assignments.parquet").is_file():
        assigned = pd.read_parquet(state_dir / "assignments.parquet").set_index(schema.COMMENT_ID)
        if not assigned.index.equals(frame.index):
            raise InputError(
                f"{comments_path} no longer matches {state_dir}/assignments.parquet (rows changed). Run `consultnlp analyze` again."
            )
        for column in assigned.columns:
            frame[column] = assigned[column]
    topic_info = None
    if (state_dir / "topic_info.json").is_file():
        topic_info = pd.DataFrame(_read_json(state_dir / "topic_info.json"))
    groups = pd.DataFrame(_read_json(state_dir / "topic_groups.json")) if (state_dir / "topic_groups.json").is_file() else None
    pseudonyms = _read_json(state_dir / "pseudonyms.json") if (state_dir / "pseudonyms.json").is_file() else {}
    points = pd.read_parquet(state_dir / "key_points.parquet") if (state_dir / "key_points.parquet").is_file() else None
    taxonomy = Taxonomy.model_validate(_read_json(state_dir / "taxonomy.json")) if (state_dir / "taxonomy.json").is_file() else None
    votes = {path.stem[len("votes_") :]: pd.read_parquet(path) for path in sorted(state_dir.glob("votes_*.parquet"))}
    pool = None
    if (state_dir / "quotes.npz").is_file():
        with np.load(state_dir / "quotes.npz", allow_pickle=False) as arrays:
            pool = QuotePool.from_arrays({k: arrays[k] for k in arrays.files})
    manifest_path = out_dir / "manifest.json"
    manifest = _read_json(manifest_path) if manifest_path.is_file() else {}
    return AnalysisState(
        frame=frame,
        topic_info=topic_info,
        taxonomy=taxonomy,
        config=PipelineConfig.model_validate(meta["config"]),
        accounting=meta["accounting"],
        source=meta["source"],
        segment_columns=list(meta["segment_columns"]),
        report_lang=meta.get("report_lang", "en"),
        warnings=list(meta.get("warnings", [])),
        stats=meta.get("stats", {}),
        quote_pool=pool,
        assignments=assigned,
        manifest=manifest,
        topic_groups=groups,
        key_points=points,
        votes=votes,
        pseudonymised=list(pseudonyms.get("columns", [])),
        pseudonym_key=pseudonyms.get("key"),
        personal_columns=dict(meta.get("personal_columns", {})),
        neutral_headers=neutral,
    )
