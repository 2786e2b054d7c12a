"""Writing one run's folder: comments, tables, workbook, reports, the re-render state and the manifest.

``analyze`` and ``report`` (the re-render) both write through ``write_run``, so a
re-render writes exactly the files an analysis would. The folder is written whole
into a staging folder and swapped in when complete (``files.staged_folder``).

Everything outside ``private/`` is publishable as it is: ``comments.*`` is the open-data
table (redacted text, pseudonymous ids, no personal columns). ``private/`` holds the
analyst's working table (``private/comments.*``: original text, raw ids, every column) and
the re-render state. Before the folder is kept, the privacy gate (``privacy.gate``) scans
every publishable file for personal data; what it cannot redact fails the run.

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
from consultnlp.privacy.gate import REDACTED, GateResult, KnownValues, gate_folder, iter_known
from consultnlp.privacy.metadata import public_segment_values
from consultnlp.privacy.names import unusual_names
from consultnlp.privacy.pseudonyms import pseudonymise
from consultnlp.report.outputs import publish, report_formats, rewrite_reports
from consultnlp.report.tables import write_csv, write_parquet
from consultnlp.state import PRIVATE_DIR, PUBLIC_ID, AnalysisState, save_state
from consultnlp.summary import Summary
from consultnlp.summary.public import ID_COLUMN, public_tables

# Derived columns that hold unredacted citizen text or are internal: never written out.
PRIVATE_COLUMNS = (schema.TEXT_CLEAN, schema.LEMMAS)
REVIEW_FILE = "topics_review.yaml"
WORKING_FILES = (f"{PRIVATE_DIR}/comments.parquet", f"{PRIVATE_DIR}/comments.csv")
OPEN_FILES = ("comments.parquet", "comments.csv")


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
    frame: pd.DataFrame,
    drop_original_text: bool,
    *,
    topic_labels: dict[int, str] | None = None,
    group_labels: dict[int, str] | None = None,
    pseudonym_key: str | None = None,
) -> pd.DataFrame:
    """The comment frame as published in ``comments.*``: one row per input row, input order, with the
    topic and group names of the summary's language next to their ids."""
    drop = [c for c in PRIVATE_COLUMNS if c in frame.columns]
    if drop_original_text and schema.TEXT in frame.columns:
        drop.append(schema.TEXT)
    out = input_order(frame).drop(columns=drop)
    for id_column, label_column, labels in (
        (schema.TOPIC_ID, schema.TOPIC_LABEL, topic_labels),
        (schema.TOPIC_GROUP_ID, schema.TOPIC_GROUP_LABEL, group_labels),
    ):
        if labels and id_column in out and label_column in out:
            ids = out[id_column].astype("Int64")
            out[label_column] = [labels.get(int(i), "") if pd.notna(i) else "" for i in ids]
    out = out.reset_index()
    if pseudonym_key is not None:
        # The id as every published file shows it, for the analyst to trace a quote back.
        out.insert(1, PUBLIC_ID, pseudonymise(out[schema.COMMENT_ID], pseudonym_key))
    return out


def open_comments(working: pd.DataFrame, state: AnalysisState) -> pd.DataFrame:
    """The open-data table (``comments.*``) from the working table: redacted text only, the pseudonym as
    ``comment_id``, personal columns left out (a personal segment shown as pseudonyms, as in every table),
    segment values that hold personal data shown as a placeholder."""
    out = working.drop(columns=[schema.TEXT], errors="ignore")
    # The platform's moderators chose not to publish these (insults, allegations against named people: claim check 53):
    # the open table lists each with its reason, and its text stays in private/comments.*.
    if schema.EXCLUDED in out and schema.TEXT_REDACTED in out:
        out.loc[out[schema.EXCLUDED] == schema.REASON_MODERATED, schema.TEXT_REDACTED] = ""
    if PUBLIC_ID in out:
        out[schema.COMMENT_ID] = out.pop(PUBLIC_ID)
    segments = [c for c in state.pseudonymised if c != ID_COLUMN and c in out]
    for column in segments:
        out[column] = pseudonymise(out[column], state.pseudonym_key or "")
    out = out.drop(columns=[c for c in state.personal_columns if c in out and c not in segments])
    out, _ = public_segment_values(out, state.segment_columns, skip=state.pseudonymised)
    return out


def summary_frame(state: AnalysisState, frame: pd.DataFrame | None = None) -> tuple[pd.DataFrame, dict[str, int]]:
    """The frame a summary is computed on: segment values that hold personal data replaced by a placeholder
    (one row of the segment table counts them all), and how many rows each segment column had so."""
    return public_segment_values(state.frame if frame is None else frame, state.segment_columns, skip=state.pseudonymised)


def known_values(state: AnalysisState) -> dict[str, str]:
    """What the gate looks for in published files, with where it comes from: the raw ids when they are personal,
    every value of a personal column, the headers given neutral names, the segment values shown as placeholders and
    the names found in the texts that are no everyday word (``privacy.names.unusual_names``)."""
    frame = state.frame
    values: dict[str, str] = {}
    if ID_COLUMN in state.pseudonymised:
        values.update((str(v), "id") for v in frame.index if str(v).strip())
    columns = [c for c in (*state.personal_columns, *state.pseudonymised) if c != ID_COLUMN]
    # A platform's author number, however long, is an account number that says whose it is only in its own column (left
    # out of published files): the same digits number contributions (claim check 93, PNDBio 2025: 37 contribution ids
    # equal to some author's 7-digit number were published as [REDACTED]).
    numbers = {c for c in columns if state.personal_columns.get(c) == schema.AUTHOR_IDS}
    values.update(iter_known(frame, [c for c in columns if c not in numbers]))
    values.update((v, origin) for v, origin in iter_known(frame, numbers) if not v.strip().isdigit())
    public, counts = summary_frame(state)
    for column in counts:
        changed = frame[column].astype(str) != public[column].astype(str)
        values.update((str(v), "segment value") for v in pd.unique(frame.loc[changed, column].astype(str)))
    values.update((original, "header") for original in state.neutral_headers.values())
    if {schema.PII_FOUND, schema.TEXT_CLEAN} <= set(frame.columns):
        # A name the detectors found in one row that is no everyday word, wherever else it is published.
        named = frame[schema.PII_FOUND].astype(str).str.contains("NAME", regex=False)
        values.update((name, "person's name") for name in unusual_names(pd.unique(frame.loc[named, schema.TEXT_CLEAN].astype(str))))
    return values


def redacted_texts(state: AnalysisState) -> list[str]:
    """The run's redacted texts: the gate trusts its detectors' own output, and only looks for known values in them."""
    if schema.TEXT_REDACTED not in state.frame:
        return []
    return [str(t) for t in pd.unique(state.frame[schema.TEXT_REDACTED].astype(str))]


def scrub(value: Any, known: KnownValues) -> Any:
    """``value`` (a manifest: dicts, lists, text) with every known value replaced by ``[REDACTED]``."""
    if isinstance(value, str):
        spans = known.find(value)
        for start, end, _ in reversed(spans):
            value = value[:start] + REDACTED + value[end:]
        return value
    if isinstance(value, list):
        return [scrub(v, known) for v in value]
    if isinstance(value, dict):
        return {scrub(k, known): scrub(v, known) for k, v in value.items()}
    return value


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
    values = known_values(state)
    segment_values = sum(summary_frame(state)[1].values())
    summary = published_summary(state, summary)
    with staged_folder(out_dir, carry=carry) as staging:
        written = _write_files(
            staging, state, summary, lang=lang, formats=formats, review=review, review_template=review_template, folder=out_dir
        )
        written += [name for name in carry if (staging / name).is_file() and name not in written]
        frame = input_order(state.frame)
        assignments = None if state.assignments is None else state.assignments.reindex(frame.index)
        published = replace(state, frame=frame, assignments=assignments)
        state_files = save_state(staging, published)
        gate, reports = gate_run(staging, state, summary, values, lang=lang, formats=formats, review=review, segment_values=segment_values)
        written += reports
        manifest["outputs"] = written
        manifest["private"] = list(WORKING_FILES) + state_files
        manifest["state"] = {"files": state_files, "bytes": sum((staging / f).stat().st_size for f in state_files)}
        manifest["privacy_gate"] = gate.to_dict()
        manifest.setdefault("timings_s", {})["privacy_gate"] = round(gate.seconds, 3)
        manifest["timings_s"]["write"] = round(time.perf_counter() - started, 3)
        manifest["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        # The manifest records the input as read (its columns, notes): a personal header or value is scrubbed first.
        text = json.dumps(scrub(manifest, KnownValues(values)), ensure_ascii=False, indent=2, default=str) + "\n"
        write_text(staging / "manifest.json", text)
        gate_folder(staging, values=values, kinds=state.config.redact.kinds, files=[staging / "manifest.json"])
    return written


def published_summary(state: AnalysisState, summary: Summary) -> Summary:
    """``summary`` as published: ids and personal segment values shown as their pseudonyms."""
    if not (state.pseudonymised and state.pseudonym_key):
        return summary
    return replace(
        summary,
        tables=public_tables(
            summary.tables, columns=state.pseudonymised, key=state.pseudonym_key, segment_tables=summary.facts.get("segment_tables") or {}
        ),
    )


def gate_run(
    staging: Path,
    state: AnalysisState,
    summary: Summary,
    values: dict[str, str],
    *,
    lang: str,
    formats: list[str],
    review: dict[str, Any] | None,
    segment_values: int = 0,
) -> tuple[GateResult, list[str]]:
    """Run the privacy gate over the staged folder, then write the reports, which say what it found (they are written
    once, here), and check them (fails closed on anything left); returns the gate's result and the reports written."""
    kinds = state.config.redact.kinds
    redacted = redacted_texts(state)
    result = gate_folder(staging, values=values, kinds=kinds, redacted=redacted)
    facts = {
        **summary.facts,
        "privacy_gate": {
            "files": result.files + len(report_formats(formats)),  # the reports are checked after they are written
            "found": result.found,
            "by_kind": result.by_kind(),  # what it found and in which files (claim check 85: «74» said nothing more)
            "segment_values": segment_values,
            "headers": len(state.neutral_headers),
        },
    }
    rewritten = rewrite_reports(
        staging,
        replace(summary, facts=facts),
        state.config,
        formats=formats,
        lang=lang,
        source=state.source,
        taxonomy=state.taxonomy,
        warnings=state.warnings,
        review=review or None,
    )
    again = gate_folder(staging, values=values, kinds=kinds, files=[staging / f for f in rewritten], redacted=redacted)
    result.files += again.files
    result.findings += again.findings
    result.seconds += again.seconds
    return result, rewritten


def review_frame(state: AnalysisState, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The frame the review file is written from and applied to: its ``comment_id`` column holds the ids as
    published (pseudonyms when the ids are personal data), so the file shows and names only those."""
    frame = state.frame if frame is None else frame
    if ID_COLUMN not in state.pseudonymised or not state.pseudonym_key:
        return frame
    return frame.assign(**{schema.COMMENT_ID: pseudonymise(frame.index, state.pseudonym_key)})


def _write_files(
    out_dir: Path,
    state: AnalysisState,
    summary: Summary,
    *,
    lang: str,
    formats: list[str],
    review: dict[str, Any] | None,
    review_template: bool,
    folder: Path,
) -> list[str]:
    comments = comments_output(
        state.frame,
        state.config.report.drop_original_text,
        topic_labels=summary.facts.get("topic_labels"),
        group_labels=summary.facts.get("group_labels"),
        pseudonym_key=state.pseudonym_key if ID_COLUMN in state.pseudonymised else None,
    )
    working = comments.rename(columns=state.neutral_headers)
    write_parquet(working, out_dir / WORKING_FILES[0])
    write_csv(working, out_dir / WORKING_FILES[1])
    public = open_comments(comments, state)
    write_parquet(public, out_dir / OPEN_FILES[0])
    write_csv(public, out_dir / OPEN_FILES[1])
    written = list(OPEN_FILES)
    if review_template and state.topic_info is not None:
        from consultnlp.topics.review import write_review_template

        write_review_template(state.topic_info, review_frame(state), out_dir / REVIEW_FILE, groups=state.topic_groups, folder=folder)
        written.append(REVIEW_FILE)
    written += publish(
        out_dir,
        summary,
        state.config,
        formats=formats,
        lang=lang,
        source=state.source,
        taxonomy=state.taxonomy,
        warnings=state.warnings,
        review=review or None,
        reports=False,  # written once the privacy gate has run, so that they say what it found (gate_run)
    )
    return written


def check_folder(folder: str | Path, *, redact: bool = True) -> GateResult:
    """``consultnlp check OUT``: the privacy gate over a folder (one edited by hand, say). The values to look for
    and the kinds of personal data come from its ``private/`` when it has one; else every detector kind is used."""
    from consultnlp.errors import InputError
    from consultnlp.state import load_state

    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder} does not exist or is not a folder. Give the --out folder of a `consultnlp analyze` run.")
    try:
        state = load_state(folder)
    except InputError:
        return gate_folder(folder, redact=redact)
    return gate_folder(folder, values=known_values(state), kinds=state.config.redact.kinds, redact=redact, redacted=redacted_texts(state))
