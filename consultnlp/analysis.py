"""``analyze``: ingest a file, run the pipeline, summarise, write the run."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import __version__, schema
from consultnlp.config import (
    PipelineConfig,
    PositionsConfig,
    SummariseConfig,
    config_to_dict,
)
from consultnlp.files import check_run_folder, holds_folder
from consultnlp.frame import row_accounting, unit_mask
from consultnlp.ingest import ingest
from consultnlp.ingest.columns import author_id_column
from consultnlp.ingest.info import ConsultationTitle
from consultnlp.ingest.platforms import polis_votes
from consultnlp.ingest.segments import segment_note
from consultnlp.lemmas import save_lemmas
from consultnlp.output import canonical_order, summary_frame, write_run
from consultnlp.pipeline import PipelineResult, run_pipeline
from consultnlp.privacy.gate import KnownValues, iter_known
from consultnlp.privacy.pseudonyms import holds_personal_data, new_key
from consultnlp.progress import NullProgress, Progress
from consultnlp.report.consul import is_consul_export, not_a_consul_export
from consultnlp.screening import record_column_found, screened_beyond_lists
from consultnlp.stages.base import RunContext
from consultnlp.state import LEGACY_STATE_DIR, STATE_DIR, AnalysisState
from consultnlp.summary import Summary, summarise
from consultnlp.summary.keypoints import KeyPointInputs, drop_restated, key_point_groups, key_points
from consultnlp.summary.positions import position_point_groups
from consultnlp.summary.prompt_points import by_prompt, prompts_of, with_prompts
from consultnlp.summary.public import ID_COLUMN, PARTICIPANT_COLUMN
from consultnlp.summary.quotes import build_quote_pool
from consultnlp.summary.votes import statement_authors, vote_tables
from consultnlp.timing import NO_TIMES, StepTimes
from consultnlp.versions import package_versions
from consultnlp.votes import VoteMatrix, read_vote_matrix
from consultnlp.votes.export import polis_export


@dataclass
class AnalysisOutput:
    out_dir: Path
    result: PipelineResult
    summary: Summary
    manifest: dict[str, Any]
    report_lang: str


def analysis_state(result: PipelineResult, accounting: dict[str, Any]) -> AnalysisState:
    """What the run's folder keeps of a pipeline result (the quote pool is added once built)."""
    frame, context = result.frame, result.context
    topic_columns = [c for c in (schema.TOPIC_ID, schema.TOPIC_LABEL, schema.TOPIC_GROUP_ID, schema.TOPIC_GROUP_LABEL) if c in frame]
    assignments = frame[topic_columns] if schema.TOPIC_ID in frame else None
    return AnalysisState(
        frame=frame,
        topic_info=context.topic_info,
        taxonomy=context.taxonomy,
        config=result.config,
        accounting=accounting,
        source=result.ingest.file_name,
        segment_columns=list(result.ingest.segment_columns),
        report_lang=context.report_lang,
        warnings=[note.to_dict() for note in context.warnings],
        stats=context.stats,
        assignments=assignments,
        topic_groups=context.topic_groups,
        personal_columns=dict(result.ingest.personal_columns),
        neutral_headers=dict(result.ingest.neutral_headers),
    )


def manifest_rows(accounting: dict[str, Any], frame: pd.DataFrame) -> dict[str, Any]:
    """The row accounting the report's first screen states: received = analysed + set aside (by reason),
    analysed = distinct + copies of a text already counted."""
    distinct = int(unit_mask(frame).sum())
    return {
        **accounting,
        "excluded_total": int(sum(accounting["excluded"].values())),
        "distinct": distinct,
        "duplicate_copies": int(accounting["analysed"]) - distinct,
    }


def personal_columns(state: AnalysisState, id_column: str | None) -> list[str]:
    """The identifier columns whose values are personal data: the ids (as ``comment_id``) and segment columns,
    by their values or because the column is personal by content (``state.personal_columns``)."""
    personal = state.personal_columns
    pseudonymous = id_column and (
        id_column in personal or holds_personal_data(state.frame.index) or _ids_hold_personal_values(state, id_column)
    )
    columns = [ID_COLUMN] if pseudonymous else []
    if columns and id_column in state.frame and id_column not in personal:
        # The id column is also kept as a column of the frame: private/ only, like any personal column.
        personal[id_column] = "identifiers that are personal data"
    # A segment is shown as pseudonyms when it is personal as a whole; a stray personal value among ordinary
    # ones (an e-mail typed as a region) is shown as a placeholder instead (``output.summary_frame``).
    return columns + [c for c in state.segment_columns if c in state.frame and c in personal]


def _ids_hold_personal_values(state: AnalysisState, id_column: str) -> bool:
    """Whether an id holds a value of another personal column: NHS feedback's «NEAS PTS 1125 - Q2» is the respondent's id
    and the question. The privacy gate redacts such values wherever they are published, so the ids would all read
    «[REDACTED] - Q2» (7,908 rows, 3 distinct ids, stop 45): they are published as pseudonyms instead."""
    known = KnownValues(dict(iter_known(state.frame, [c for c in state.personal_columns if c != id_column])))
    return bool(len(known)) and any(known.find(str(v)) for v in state.frame.index)


def pseudonym_key(out_dir: Path) -> str:
    """The key of an earlier run in ``out_dir`` (so pseudonyms stay the same across runs), else a new one."""
    for folder in (STATE_DIR, LEGACY_STATE_DIR):
        try:
            key = json.loads((out_dir / folder / "pseudonyms.json").read_text(encoding="utf-8")).get("key")
            bytes.fromhex(key)
            return key
        except (OSError, ValueError, TypeError, AttributeError):
            continue
    return new_key()


def find_key_points(
    units: pd.DataFrame, context: RunContext, cfg: SummariseConfig, positions: PositionsConfig | None = None, *, times: StepTimes = NO_TIMES
) -> pd.DataFrame:
    """Key points of every headline group and theme, and the reasons of each position, from the units' embeddings (see ``summary.keypoints``)."""
    rows = context.unit_ids.get_indexer(units.index)
    author = author_id_column(units.columns)  # a point counts each author once
    inputs = KeyPointInputs(
        ids=units.index,
        texts=units[schema.TEXT_REDACTED].astype(str).tolist(),
        weights=units[schema.DUP_COUNT].to_numpy(dtype=float) if schema.DUP_COUNT in units else np.ones(len(units)),
        embeddings=_Rows(context.embeddings, rows),
        positions=units[schema.POSITION].astype(str).to_numpy() if schema.POSITION in units else None,
        authors=units[author].fillna("").astype(str).str.strip().to_numpy() if author else None,
        prompts=prompts_of(units),
        subjects=units[schema.TOPIC_ID].fillna(-1).astype(int).to_numpy() if schema.TOPIC_ID in units else None,
    )
    if author:
        context.stats["key_points_one_per_author"] = author
    groups = key_point_groups(units)
    if positions is not None:
        groups.update(position_point_groups(units, positions.min_reason_contributions))

    # The members' sentences are embedded in one call (``summary.keypoints.sentence_table``): in the worker processes
    # and through the cache, like the comments (on Chile 2016, 98,068 sentences: most of the summary stage).
    encode = partial(context.encoder.encode_many, description="Embedding key-point sentences")
    points = key_points(
        inputs,
        by_prompt(groups, inputs.prompts),
        encode,
        per_group=cfg.key_points_per_group,
        min_support=cfg.key_point_min_support,
        random_state=context.random_state,
        times=times,
    )
    # Each point within one prompt, and naming it (summary.prompt_points); then no point stated twice in other words.
    return drop_restated(with_prompts(points, cfg.key_points_per_group))


class _Rows:
    """``matrix`` seen through ``rows``: indexing reads only the rows asked for (the matrix may be on disk)."""

    def __init__(self, matrix: Any, rows: np.ndarray) -> None:
        self.matrix, self.rows = matrix, rows

    def __getitem__(self, key: Any) -> np.ndarray:
        return np.asarray(self.matrix[self.rows[key]])


@dataclass
class Analysis:
    """One consultation analysed in memory: what ``write_run`` writes, not yet written."""

    result: PipelineResult
    state: AnalysisState
    summary: Summary
    manifest: dict[str, Any]
    report_lang: str


@holds_folder()
def analyze(
    input_path: str | Path,
    out_dir: str | Path,
    config: PipelineConfig,
    *,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    model_dir: Path | None = None,
) -> AnalysisOutput:
    """Run the whole job on one consultation file and write the outputs to ``out_dir`` (held for the run: a second
    run into the same folder fails at once)."""
    progress = progress or NullProgress()
    out_dir = Path(out_dir)
    # Before any work: a bad out_dir would otherwise fail after the whole analysis.
    check_run_folder(out_dir, inputs=[Path(input_path)], cache_dir=cache_dir)
    analysis = analyze_in_memory(
        input_path, config, progress=progress, cache_dir=cache_dir, model_dir=model_dir, pseudonyms=lambda: pseudonym_key(out_dir)
    )
    with progress.task("Writing outputs", total=None):
        write_run(
            out_dir,
            analysis.state,
            analysis.summary,
            lang=analysis.report_lang,
            formats=list(config.report.formats),
            manifest=analysis.manifest,
            review_template=True,
        )
    return AnalysisOutput(out_dir, analysis.result, analysis.summary, analysis.manifest, analysis.report_lang)


def analyze_in_memory(
    input_path: str | Path,
    config: PipelineConfig,
    *,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    model_dir: Path | None = None,
    pseudonyms: Callable[[], str] = new_key,
) -> Analysis:
    """Ingest, run the pipeline and summarise, writing nothing. ``pseudonyms`` gives the key of the pseudonyms
    (called only when some ids are personal data): an earlier run's, so they stay the same, or a new one."""
    progress = progress or NullProgress()
    t0 = time.perf_counter()
    with polis_export(Path(input_path)) as (comments_path, votes_folder):
        # A Pol.is export (its folder or zip) is read whole: the comments, and the votes beside them.
        frame, info = ingest(comments_path, **config.ingest.model_dump())
        matrix = read_vote_matrix(votes_folder) if votes_folder is not None and info.platform == "polis" else None
    if matrix is not None:
        matrix = _without_organiser(matrix, frame)
        frame = _without_own_votes(frame, matrix)
    if "consul" in config.report.formats and not is_consul_export(frame.columns):
        raise not_a_consul_export()  # now, not after the whole analysis
    frame = canonical_order(frame)
    for warning in info.warnings:
        progress.note(warning)
    if segment_note(info):
        progress.note(segment_note(info))
    if info.text_column_auto:
        progress.note(f'Using column "{info.text_column}" as the comment text (choose another with --text-column).')
    t_ingest = round(time.perf_counter() - t0, 3)
    result = run_pipeline(frame, info, config, progress=progress, cache_dir=cache_dir, model_dir=model_dir)
    result.timings = {"ingest": t_ingest, **result.timings}
    context = result.context
    for column, spellings in info.segment_spellings.items():
        context.warn("note_segment_spellings", column=column, n=spellings)
    report_lang = context.report_lang
    accounting = row_accounting(result.frame)
    state = analysis_state(result, accounting)
    steps = StepTimes()  # the summary stage's steps, in the manifest's step_timings_s
    t1 = time.perf_counter()
    if matrix is not None:
        with progress.task("Votes: opinion groups, consensus and division", total=None), steps.step("votes"):
            state.votes = vote_tables(matrix, result.frame, random_state=config.random_state)
    if config.redact.pseudonymise_identifiers:
        state.pseudonymised = personal_columns(state, info.id_column)
        # The voters placed in groups are the statements' authors: pseudonymised where groups were formed (claim check 59:
        # the method named a participant_groups table that a conversation without groups does not have).
        if matrix is not None and author_id_column(state.personal_columns) and "participant_groups" in (state.votes or {}):
            state.pseudonymised.append(PARTICIPANT_COLUMN)  # the voters placed in groups are the statements' authors
        if state.pseudonymised:
            state.pseudonym_key = pseudonyms()
            columns = [info.id_column if c == ID_COLUMN else c for c in state.pseudonymised if c != PARTICIPANT_COLUMN]
            if columns:
                context.warn("note_pseudonymised", columns=", ".join(str(c) for c in columns))
            if PARTICIPANT_COLUMN in state.pseudonymised:
                context.warn("note_participants_pseudonymised")
            state.warnings = [note.to_dict() for note in context.warnings]
    title = ConsultationTitle.of_input(config.report.title, info)
    if context.has("embeddings"):
        units = result.frame.loc[unit_mask(result.frame)]
        with steps.step("quote_pool"):
            state.quote_pool = build_quote_pool(units, context.unit_ids, context.embeddings)
        with progress.task("Finding key points", total=None), steps.step("key_points"):
            state.key_points = find_key_points(units, context, config.summarise, config.positions, times=steps)
    with steps.step("tables"):
        summary = summarise(
            summary_frame(state)[0],
            topic_info=context.topic_info,
            taxonomy=context.taxonomy,
            quote_pool=state.quote_pool,
            cfg=config.summarise,
            accounting=accounting,
            segment_columns=info.segment_columns,
            lang=report_lang,
            topic_groups=state.topic_groups,
            key_points=state.key_points,
            pii_kinds=state.config.redact.kinds,
            title=title,
            row_filter=info.row_filter,
            votes=state.votes,
            screened=screened_beyond_lists(context.stats),
            other_languages=context.stats.get("other_languages"),
            text_columns=info.analysed_columns,
            text_column_auto=info.text_column_auto,
            unplaced_share=context.stats.get("topics_raw_outlier_share"),
            segment_candidates=info.segment_candidates,
            record_column=record_column_found(context.stats),
        )
    result.timings["summarise"] = round(time.perf_counter() - t1, 3)
    # Words lemmatised after the nlp stage kept its lemmas (topic names, theme keywords, segment values): the next run
    # knows them too, and never reads simplemma's dictionaries when its words are all known.
    save_lemmas(context.cache_dir)
    manifest = {
        "consultnlp_version": __version__,
        "input": info.to_dict(),
        "config": config_to_dict(config),
        "random_seed": config.random_state,
        "report_lang": report_lang,
        "title": title.to_dict(),
        "versions": package_versions(),
        "started": result.started,
        "finished": None,
        "timings_s": result.timings,
        # The steps inside a stage (their seconds are part of the stage's in timings_s).
        "step_timings_s": {"summarise": steps.rounded()},
        "rows": manifest_rows(accounting, result.frame),
        "stats": context.stats,
        "warnings": [note.text("en") for note in context.warnings],
    }
    return Analysis(result, state, summary, manifest, report_lang)


def _without_organiser(matrix: VoteMatrix, frame: pd.DataFrame) -> VoteMatrix:
    """The vote matrix without the votes of the organiser's account (the author of the rows set aside as the
    organiser's own): no participant. The freshwater claim check found it among those who voted and placed in an
    opinion group, every vote a pass, which changed what every group was said to agree on."""
    author = author_id_column(frame.columns)
    if author is None or schema.EXCLUDED not in frame:
        return matrix
    accounts = frame.loc[frame[schema.EXCLUDED] == schema.REASON_OFFICIAL, author].dropna().astype(str).str.strip()
    return matrix.without_participants(set(accounts) - {""})


def _without_own_votes(frame: pd.DataFrame, matrix: VoteMatrix) -> pd.DataFrame:
    """A Pol.is frame whose ``agrees`` and ``disagrees`` are counted from the export's vote matrix (each participant's
    final vote) where it has the statement, and leave out each statement's author's own vote, so they
    are other participants' reactions; its vote columns recomputed (``polis_votes``). The export's own counters also
    count votes changed or cast twice (seattle's statement 12: 85 agree, against 82 participants who agree), so the
    report's sections disagreed with each other."""
    if not {"agrees", "disagrees"} <= set(frame.columns):
        return frame
    # The same matrix the vote tables count (``summary.votes``): a statement the organiser's account posted in the words
    # of a participant's rejected one is that participant's, and their vote on it their own (the freshwater claim check
    # counted three such agrees as others').
    reported = matrix.without_own_votes(statement_authors(frame))
    columns = reported.statements.get_indexer(frame.index.astype(str))
    counted = columns >= 0
    counts = {}
    for column, vote in (("agrees", 1), ("disagrees", -1)):
        exported = pd.to_numeric(frame[column], errors="coerce").fillna(0).to_numpy(dtype=float)
        final = (reported.values == vote).sum(axis=0).astype(float)
        counts[column] = np.where(counted, final[np.maximum(columns, 0)], exported) if len(final) else exported
    return polis_votes(
        frame.assign(**{c: pd.Series(v, index=frame.index).clip(lower=0).astype(int).astype(str) for c, v in counts.items()})
    )
