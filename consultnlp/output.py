"""Writing one run's folder: comments, tables, workbook, reports, the re-render state and the manifest.

``analyze`` and ``report`` (the re-render) both write through ``write_run``, so a
re-render writes exactly the files an analysis would. The folder is written whole
into a staging folder and swapped in when complete (``files.staged_folder``).

A run works on its rows in a canonical order, by comment id (``canonical_order``),
so the same comments in another input order give the same results; what is
published (``comments.*``, ``state/``) is in input order again.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.files import check_run_folder, staged_folder, write_text
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


def canonical_order(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its rows sorted by comment id (numerically when every id is a number), the order a run works in.

    Every step that depends on the order of the rows (which copy of a duplicate represents
    its group, group and campaign numbers, the topic fit, ties in every table) then gives the
    same result for the same comments in any input order. Returns ``frame`` itself when it is
    already in that order (derived ids, or ids that grow with the rows).
    """
    ids = frame.index.astype(str)
    numeric = bool(len(ids)) and all(i.isdigit() for i in ids)
    order = np.lexsort((ids.to_numpy(), ids.str.len().to_numpy())) if numeric else np.argsort(ids.to_numpy(), kind="stable")
    if np.array_equal(order, np.arange(len(frame))):
        return frame
    return frame.iloc[order]


def input_order(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` back in the order of the input file (its ``row_number`` column)."""
    if schema.ROW_NUMBER not in frame or frame[schema.ROW_NUMBER].is_monotonic_increasing:
        return frame
    return frame.iloc[np.argsort(frame[schema.ROW_NUMBER].to_numpy(), kind="stable")]


def comments_output(
    frame: pd.DataFrame, drop_original_text: bool, *, topic_labels: dict[int, str] | None = None,
    group_labels: dict[int, str] | None = None, pseudonym_key: str | None = None,
) -> pd.DataFrame:
    """The comment frame as published in ``comments.*``: one row per input row, input order, with the
    topic and group names of the summary's language next to their ids."""
    drop = [c for c in PRIVATE_COLUMNS if c in frame.columns]
    if drop_original_text and schema.TEXT in frame.columns:
        drop.append(schema.TEXT)
    out = input_order(frame).drop(columns=drop)
    for id_column, label_column, labels in (
        (schema.TOPIC_ID, schema.TOPIC_LABEL, topic_labels), (schema.TOPIC_GROUP_ID, schema.TOPIC_GROUP_LABEL, group_labels),
    ):
        if labels and id_column in out and label_column in out:
            ids = out[id_column].astype("Int64")
            out[label_column] = [labels.get(int(i), "") if pd.notna(i) else "" for i in ids]
    out = out.reset_index()
    if pseudonym_key is not None:
        # The id as every published file shows it, for the analyst to trace a quote back.
        out.insert(1, PUBLIC_ID, pseudonymise(out[schema.COMMENT_ID], pseudonym_key))
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
    carry: tuple[str, ...] = (),
) -> list[str]:
    """Write every file of the run to ``out_dir``, replacing the folder whole; return the relative paths of the published files.

    ``state.frame`` is the frame as published (after a topic review, on a re-render).
    ``review_template`` writes ``topics_review.yaml`` for the analyst to edit (analysis only:
    on a re-render the file is the analyst's, named in ``carry``: files of the current folder kept in the new one).
    Report formats not in ``formats`` are not carried: the folder holds what this run wrote.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    # Checked before the run too; again here, as the folder may have changed while the run worked.
    check_run_folder(out_dir)
    with staged_folder(out_dir, carry=carry) as staging:
        written = _write_files(staging, state, summary, lang=lang, formats=formats, review=review, review_template=review_template,
                               folder=out_dir)
        written += [name for name in carry if (staging / name).is_file() and name not in written]
        frame = input_order(state.frame)
        assignments = None if state.assignments is None else state.assignments.reindex(frame.index)
        published = replace(state, frame=frame, assignments=assignments)
        state_files = save_state(staging, published)
        manifest["outputs"] = written
        manifest["state"] = {"files": state_files, "bytes": sum((staging / f).stat().st_size for f in state_files)}
        manifest.setdefault("timings_s", {})["write"] = round(time.perf_counter() - started, 3)
        manifest["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        write_text(staging / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n")
    return written


def _write_files(
    out_dir: Path, state: AnalysisState, summary: Summary, *, lang: str, formats: list[str], review: dict[str, Any] | None,
    review_template: bool, folder: Path,
) -> list[str]:
    comments = comments_output(
        state.frame, state.config.report.drop_original_text, topic_labels=summary.facts.get("topic_labels"),
        group_labels=summary.facts.get("group_labels"),
        pseudonym_key=state.pseudonym_key if ID_COLUMN in state.pseudonymised else None,
    )
    if state.pseudonymised and state.pseudonym_key:
        summary = replace(summary, tables=public_tables(
            summary.tables, columns=state.pseudonymised, key=state.pseudonym_key, segment_tables=summary.facts.get("segment_tables") or {}))
    write_parquet(comments, out_dir / "comments.parquet")
    write_csv(comments, out_dir / "comments.csv")
    written = ["comments.parquet", "comments.csv"]
    if review_template and state.topic_info is not None:
        from consultnlp.topics.review import write_review_template

        write_review_template(state.topic_info, state.frame, out_dir / REVIEW_FILE, groups=state.topic_groups, folder=folder)
        written.append(REVIEW_FILE)
    written += publish(
        out_dir, summary, state.config, formats=formats, lang=lang, source=state.source, taxonomy=state.taxonomy,
        warnings=state.warnings, review=review or None,
    )
    return written
