"""``consultnlp report DIR``: re-render tables and reports from a saved analysis, without refitting.

Reads ``DIR/private/state/`` and ``DIR/private/comments.parquet``, applies ``DIR/topics_review.yaml``
when there is one (to the topics as the model first assigned them, so applying
it again changes nothing), then writes the same files ``analyze`` writes.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from consultnlp import __version__, schema
from consultnlp.errors import ConfigError
from consultnlp.files import check_run_folder, holds_folder
from consultnlp.frame import row_accounting
from consultnlp.i18n import REPORT_LANGS
from consultnlp.ingest.info import ConsultationTitle, analysed_columns
from consultnlp.output import REVIEW_FILE, canonical_order, review_frame, summary_frame, write_run
from consultnlp.report.outputs import check_formats
from consultnlp.screening import record_column_found, screened_beyond_lists
from consultnlp.state import AnalysisState, load_state
from consultnlp.summary import Summary, summarise


@dataclass
class RerenderResult:
    out_dir: Path
    lang: str
    written: list[str]
    review: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def apply_topic_review(
    out_dir: Path, frame: pd.DataFrame, topic_info: pd.DataFrame | None, topic_groups: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame | None, dict[str, Any]]:
    """Apply ``DIR/topics_review.yaml`` if present; return (frame, topic_info, topic_groups, what the manifest records).

    Group edits (renames, topics moved to another group) apply first, to the topics as fitted; then the topic edits."""
    path = out_dir / REVIEW_FILE
    if not path.is_file():
        return frame, topic_info, topic_groups, {}
    record: dict[str, Any] = {"file": REVIEW_FILE, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    try:
        from consultnlp.topics.group_review import apply_group_review
        from consultnlp.topics.review import apply_review, load_review
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("consultnlp.topics"):
            raise
        record.update(applied=False, note="topics review support is not installed in this version; the review file was not applied")
        return frame, topic_info, topic_groups, record
    if topic_info is None:
        record.update(applied=False, note="this analysis has no topics; the review file was not applied")
        return frame, topic_info, topic_groups, record
    review = load_review(path)
    moved_info, topic_groups, group_audit = apply_group_review(topic_info, topic_groups, review)
    reviewed, info, audit = apply_review(frame, moved_info, review)
    if not reviewed.index.equals(frame.index):
        raise AssertionError("apply_review dropped, added or reordered rows")
    # A label the review changed (or a topic it created) is the reviewer's in every report language.
    before = dict(zip(topic_info["topic_id"].astype(int), topic_info["label"].astype(str)))
    info = info.copy()
    info["custom_label"] = [
        label if before.get(int(tid)) != label else "" for tid, label in zip(info["topic_id"], info["label"].astype(str))
    ]
    record.update(applied=True, audit=[*group_audit, *audit])
    return reviewed, info, topic_groups, record


def follow_groups(frame: pd.DataFrame, topic_info: pd.DataFrame | None, review: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Each comment's headline group follows its topic after a review: a merged topic's comments join the
    target's group, a topic split off stays in the group of the topic it came from."""
    if topic_info is None or "group_id" not in topic_info or schema.TOPIC_GROUP_ID not in frame:
        return frame, topic_info
    info = topic_info.copy()
    group = dict(zip(info["topic_id"].astype(int), info["group_id"]))
    for change in review.get("audit", []):
        if change.get("action") == "split_off":
            group[int(change["new_topic_id"])] = group.get(int(change["topic_id"]), schema.OUTLIER_TOPIC)
    group[schema.OUTLIER_TOPIC] = schema.OUTLIER_TOPIC
    info["group_id"] = [
        int(group.get(int(t), schema.OUTLIER_TOPIC)) if pd.notna(group.get(int(t))) else schema.OUTLIER_TOPIC for t in info["topic_id"]
    ]
    out = frame.copy()
    topics = out[schema.TOPIC_ID].astype("Int64")
    out[schema.TOPIC_GROUP_ID] = pd.array(
        [group.get(int(t), schema.OUTLIER_TOPIC) if pd.notna(t) else pd.NA for t in topics], dtype="Int64"
    )
    return out, info


@holds_folder(option=None)
def reviewed(out_dir: Path, state: AnalysisState, lang: str) -> tuple[AnalysisState, pd.DataFrame, Summary, dict[str, Any]]:
    """A saved analysis as the analyst reviewed it: the state (frame in canonical order), the frame with
    ``topics_review.yaml`` applied, its summary in ``lang``, and what the review changed (for the manifest)."""
    state = replace(state, frame=canonical_order(state.frame))
    original_topics = state.original_topics
    # The review file names comments by their published ids (pseudonyms when the ids are personal data).
    shown = review_frame(state)
    frame, topic_info, topic_groups, review = apply_topic_review(out_dir, shown, state.topic_info, state.topic_groups)
    frame = frame.drop(columns=[schema.COMMENT_ID]) if schema.COMMENT_ID in frame.columns else frame
    frame, topic_info = follow_groups(frame, topic_info, review)
    if not frame.index.equals(state.frame.index):  # pragma: no cover - guarded in apply_topic_review
        raise AssertionError("re-render changed the rows of comments.*")
    summary = summarise(
        summary_frame(state, frame)[0],
        topic_info=topic_info,
        taxonomy=state.taxonomy,
        quote_pool=state.quote_pool,
        cfg=state.config.summarise,
        accounting=row_accounting(frame),
        segment_columns=state.segment_columns,
        lang=lang,
        original_topics=original_topics,
        topic_groups=topic_groups,
        key_points=state.key_points,
        pii_kinds=state.config.redact.kinds,
        title=ConsultationTitle.from_dict(state.manifest.get("title"))
        or ConsultationTitle.resolve(state.config.report.title, file_name=state.source),
        row_filter=state.config.ingest.where,
        votes=state.votes,
        screened=screened_beyond_lists(state.stats),
        other_languages=state.stats.get("other_languages"),
        text_columns=analysed_columns(state.manifest.get("input") or {}),
        text_column_auto=bool((state.manifest.get("input") or {}).get("text_column_auto")),
        unplaced_share=state.stats.get("topics_raw_outlier_share"),
        segment_candidates=(state.manifest.get("input") or {}).get("segment_candidates"),
        record_column=record_column_found(state.stats),
    )
    return state, frame, summary, review


def rerender(out_dir: str | Path, *, lang: str | None = None, formats: list[str] | None = None) -> RerenderResult:
    """Re-render ``out_dir`` in ``lang`` (default: the analysis' report language) as ``formats`` (the folder is held
    for the re-render: another run into it fails at once)."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    if lang is not None and lang not in REPORT_LANGS:
        raise ConfigError.about(
            "{lang:{value}} is not a report language; use one of " + ", ".join(REPORT_LANGS) + ".", "lang", value=repr(lang)
        )
    state = load_state(out_dir)
    check_run_folder(out_dir, option=None)  # before any work: the folder is replaced whole, so nobody else's files may be in it
    formats = check_formats(formats if formats else list(state.config.report.formats))
    lang = lang or state.report_lang
    state, frame, summary, review = reviewed(out_dir, state, lang)
    published = replace(state, frame=frame)
    manifest = dict(state.manifest)
    manifest["report_lang"] = lang
    manifest["rerendered"] = {
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "consultnlp_version": __version__,
        "lang": lang,
        "formats": formats,
    }
    if review:
        manifest["review"] = review
    else:
        manifest.pop("review", None)
    # The analyst's review file stays; report files of formats not asked for this time are dropped.
    written = write_run(out_dir, published, summary, lang=lang, formats=formats, manifest=manifest, review=review, carry=(REVIEW_FILE,))
    return RerenderResult(out_dir, lang, written, review, round(time.perf_counter() - started, 3))
