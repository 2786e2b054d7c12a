"""Writing one run's folder: comments, tables, workbook, reports, the re-render state and the manifest.

``analyze`` and ``report`` (the re-render) both write through ``write_run``, so a
re-render writes exactly the files an analysis would.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from consultnlp import schema
from consultnlp.files import write_text
from consultnlp.privacy.pseudonyms import pseudonymise
from consultnlp.report.outputs import publish
from consultnlp.report.tables import write_csv, write_parquet
from consultnlp.state import AnalysisState, save_state
from consultnlp.summary import Summary
from consultnlp.summary.public import ID_COLUMN, public_tables

# Derived columns that hold unredacted citizen text or are internal: never written out.
PRIVATE_COLUMNS = (schema.TEXT_CLEAN, schema.LEMMAS)
REVIEW_FILE = "topics_review.yaml"
PUBLIC_ID = "public_id"


def comments_output(
    frame: pd.DataFrame, drop_original_text: bool, *, topic_labels: dict[int, str] | None = None,
    group_labels: dict[int, str] | None = None, public_ids: list[str] | None = None,
) -> pd.DataFrame:
    """The comment frame as published in ``comments.*``: one row per input row, input order, with the
    topic and group names of the summary's language next to their ids."""
    drop = [c for c in PRIVATE_COLUMNS if c in frame.columns]
    if drop_original_text and schema.TEXT in frame.columns:
        drop.append(schema.TEXT)
    out = frame.drop(columns=drop)
    for id_column, label_column, labels in (
        (schema.TOPIC_ID, schema.TOPIC_LABEL, topic_labels), (schema.TOPIC_GROUP_ID, schema.TOPIC_GROUP_LABEL, group_labels),
    ):
        if labels and id_column in out and label_column in out:
            ids = out[id_column].astype("Int64")
            out[label_column] = [labels.get(int(i), "") if pd.notna(i) else "" for i in ids]
    out = out.reset_index()
    if public_ids is not None:
        # The id as every published file shows it, for the analyst to trace a quote back.
        out.insert(1, PUBLIC_ID, public_ids)
    return out


def write_run(
    out_dir: Path,
    state: AnalysisState,
    summary: Summary,
    *,
    lang: str,
    formats: list[str],
    manifest: dict[str, Any],
    review: dict[str, Any] | None = None,
    review_template: bool = False,
) -> list[str]:
    """Write every file of the run to ``out_dir``; return the relative paths of the published files.

    ``state.frame`` is the frame as published (after a topic review, on a re-render).
    ``review_template`` writes ``topics_review.yaml`` for the analyst to edit (analysis only:
    on a re-render the file is the analyst's).
    """
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    public_ids = pseudonymise(state.frame.index, state.pseudonym_key) if ID_COLUMN in state.pseudonymised and state.pseudonym_key else None
    comments = comments_output(
        state.frame, state.config.report.drop_original_text, topic_labels=summary.facts.get("topic_labels"),
        group_labels=summary.facts.get("group_labels"), public_ids=public_ids,
    )
    if state.pseudonymised and state.pseudonym_key:
        summary = replace(summary, tables=public_tables(
            summary.tables, columns=state.pseudonymised, key=state.pseudonym_key, segment_tables=summary.facts.get("segment_tables") or {}))
    write_parquet(comments, out_dir / "comments.parquet")
    write_csv(comments, out_dir / "comments.csv")
    written = ["comments.parquet", "comments.csv"]
    if review_template and state.topic_info is not None:
        from consultnlp.topics.review import write_review_template

        write_review_template(state.topic_info, state.frame, out_dir / REVIEW_FILE)
        written.append(REVIEW_FILE)
    written += publish(
        out_dir, summary, state.config, formats=formats, lang=lang, source=state.source, taxonomy=state.taxonomy,
        warnings=state.warnings, review=review or None,
    )
    state_files = save_state(out_dir, state)
    manifest["outputs"] = written
    manifest["state"] = {"files": state_files, "bytes": sum((out_dir / f).stat().st_size for f in state_files)}
    manifest.setdefault("timings_s", {})["write"] = round(time.perf_counter() - started, 3)
    manifest["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    write_text(out_dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n")
    return written
