"""``consultnlp report DIR``: re-render tables and reports from a saved analysis, without refitting.

Reads ``DIR/state/`` and ``DIR/comments.parquet``, applies ``DIR/topics_review.yaml``
when there is one (to the topics as the model first assigned them, so applying
it again changes nothing), then writes the same files ``analyze`` writes.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd

from consultnlp import __version__
from consultnlp.errors import ConfigError
from consultnlp.pipeline import row_accounting
from consultnlp.report.files import write_text
from consultnlp.report.i18n import REPORT_LANGS
from consultnlp.report.outputs import check_formats, publish
from consultnlp.report.tables import write_csv, write_parquet
from consultnlp.state import load_state
from consultnlp.summarise import summarise

REVIEW_FILE = "topics_review.yaml"


@dataclass
class RerenderResult:
    out_dir: Path
    lang: str
    written: list[str]
    review: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def apply_topic_review(
    out_dir: Path, frame: pd.DataFrame, topic_info: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame | None, dict[str, Any]]:
    """Apply ``DIR/topics_review.yaml`` if present; return (frame, topic_info, what the manifest records)."""
    path = out_dir / REVIEW_FILE
    if not path.is_file():
        return frame, topic_info, {}
    record: dict[str, Any] = {"file": REVIEW_FILE, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    try:
        from consultnlp.topics.review import apply_review, load_review
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("consultnlp.topics"):
            raise
        record.update(applied=False, note="topics review support is not installed in this version; the review file was not applied")
        return frame, topic_info, record
    if topic_info is None:
        record.update(applied=False, note="this analysis has no topics; the review file was not applied")
        return frame, topic_info, record
    reviewed, info, audit = apply_review(frame, topic_info, load_review(path))
    if not reviewed.index.equals(frame.index):
        raise AssertionError("apply_review dropped, added or reordered rows")
    # A label the review changed (or a topic it created) is the reviewer's in every report language.
    before = dict(zip(topic_info["topic_id"].astype(int), topic_info["label"].astype(str)))
    info = info.copy()
    info["custom_label"] = [
        label if before.get(int(tid)) != label else "" for tid, label in zip(info["topic_id"], info["label"].astype(str))
    ]
    record.update(applied=True, audit=list(audit))
    return reviewed, info, record


def rerender(out_dir: str | Path, *, lang: str | None = None, formats: list[str] | None = None) -> RerenderResult:
    """Re-render ``out_dir`` in ``lang`` (default: the analysis' report language) as ``formats``."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    if lang is not None and lang not in REPORT_LANGS:
        raise ConfigError(f"--lang {lang!r} is not a report language; use one of {', '.join(REPORT_LANGS)}.")
    state = load_state(out_dir)
    config = state.config
    formats = check_formats(formats if formats else list(config.report.formats))
    lang = lang or state.report_lang
    frame, topic_info, review = apply_topic_review(out_dir, state.frame, state.topic_info)
    n_rows, order = len(frame), frame.index.copy()
    accounting = row_accounting(frame)
    context = SimpleNamespace(topic_info=topic_info, taxonomy=state.taxonomy, embeddings=None, unit_ids=None)
    summary = summarise(
        frame, context, config.summarise, accounting, segment_columns=state.segment_columns, lang=lang,
        quote_pool=state.quote_pool, original_topics=state.original_topics,
    )
    comments = frame.reset_index()
    if len(comments) != n_rows or not frame.index.equals(order):  # pragma: no cover - guarded above
        raise AssertionError("re-render changed the rows of comments.*")
    write_parquet(comments, out_dir / "comments.parquet")
    write_csv(comments, out_dir / "comments.csv")
    written = ["comments.parquet", "comments.csv"]
    written += publish(
        out_dir, summary, config, formats=formats, lang=lang, source=state.source, taxonomy=state.taxonomy,
        warnings=state.warnings, review=review or None,
    )
    seconds = round(time.perf_counter() - started, 3)
    manifest = dict(state.manifest)
    manifest["report_lang"] = lang
    manifest["outputs"] = sorted(set(manifest.get("outputs", [])) | set(written))
    manifest["rerendered"] = {
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "consultnlp_version": __version__,
        "lang": lang, "formats": formats, "seconds": seconds,
    }
    if review:
        manifest["review"] = review
    else:
        manifest.pop("review", None)
    write_text(out_dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n")
    return RerenderResult(out_dir, lang, written, review, seconds)

