"""Read a consultation file into the comment frame.

``sniff`` tells what a file is from its bytes, ``encoding`` how its text is
encoded, ``readers`` and ``sheets`` read each format into an all-text table
(``rows`` finds the header), ``shape`` recognises platform exports (``platforms``,
``surveys``), joins text columns and splits open questions, ``columns`` builds the
comment frame from it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from consultnlp import schema
from consultnlp.ingest.columns import (
    build_frame,
    choose_text_column,
    derive_comment_ids,
    text_likeness,
)
from consultnlp.ingest.info import IngestInfo
from consultnlp.ingest.prompts import add_prompts
from consultnlp.ingest.readers import FORMATS, read_table
from consultnlp.ingest.segments import merge_spellings, record_segment_candidates
from consultnlp.ingest.shape import PLATFORMS, set_aside, shape_table
from consultnlp.ingest.title import find_processes, find_question, find_title, process_title

__all__ = [
    "FORMATS",
    "PLATFORMS",
    "IngestInfo",
    "build_frame",
    "choose_text_column",
    "derive_comment_ids",
    "ingest",
    "read_table",
    "text_likeness",
]


def ingest(
    path: str | Path,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    sheet: str | None = None,
    segment_columns: list[str] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    chunk_rows: int = 100_000,
    header_row: int | None = None,
    format: str | None = None,  # noqa: A002 - the config key's name
    platform: str = "auto",
    questions: list[str] | None = None,
    where: str | None = None,
    context_column: str | None = None,
    supports_column: str | None = None,
) -> tuple[pd.DataFrame, IngestInfo]:
    """Read ``path`` and return the comment frame plus what was read.

    The keywords are the keys of the ``ingest:`` config section, so a caller can
    pass ``**config.ingest.model_dump()``. ``IngestInfo.warnings`` lists what was
    guessed or repaired (encoding, sheet, skipped title rows, removed control
    characters, the platform export recognised and the columns used); the caller
    shows them. ``text_column`` may name several columns (``title,body``), joined
    into one contribution; ``questions`` names open questions, one contribution per
    respondent and question; rows outside ``where`` are flagged ``excluded = filtered``.
    ``IngestInfo.title`` is the consultation's own title where the export carries one.
    ``context_column`` names the prompt each row answers (a concept, a proposal), kept as
    ``context``; with ``questions`` the prompt is the question. ``supports_column`` names the column counting each row's
    supports (votes, endorsements), kept as the integer column ``supports`` (empty where a cell holds no count);
    None finds a platform's (``ingest.supports``), "none" reads none.
    """
    raw, info = read_table(
        path,
        sheet=sheet,
        encoding=encoding,
        delimiter=delimiter,
        chunk_rows=chunk_rows,
        header_row=header_row,
        format=format,
        text_column=text_column,
    )
    raw, plan = shape_table(
        raw,
        info,
        platform=platform,
        text_column=text_column,
        id_column=id_column,
        segment_columns=segment_columns,
        questions=questions,
        where=where,
        context_column=context_column,
        supports_column=supports_column,
    )
    found = find_title(raw, info, Path(path))
    processes = find_processes(raw)
    if processes is not None:
        info.processes_from, info.processes = processes[0], [list(p) for p in processes[1]]
        found = found or process_title(processes)
        # Several consultations in one file: each subject's and theme's share per process is a finding (Plano Clima, read
        # 38: a subject 23 of whose 30 contributions came from the other process). The column is a segment unless the
        # analyst chose the segments.
        if len(info.processes) > 1 and not segment_columns and processes[0] in raw and processes[0] not in plan.segment_columns:
            plan.segment_columns = [processes[0], *plan.segment_columns]
    if found is not None:
        info.title, info.title_from = found
    info.question = find_question(info, Path(path))
    frame = build_frame(raw, info, text_column=plan.text_column, id_column=plan.id_column, segment_columns=plan.segment_columns)
    info.segment_spellings = merge_spellings(frame, [c for c in info.segment_columns if c in frame])
    if not plan.segment_columns:  # the analyst chose none: say which columns could serve (claim check 63, PNDBio's chapters)
        used = {info.text_column or "", plan.id_column or "", plan.context_column or "", *info.analysed_columns}
        record_segment_candidates(raw, info, used)
    frame = add_prompts(frame, info, plan.context_column, found=plan.context_found)
    if plan.supports is not None:
        frame[schema.SUPPORTS] = plan.supports.array  # nullable integers: empty where a row has no count
    if plan.respondent_rows is not None:
        frame[schema.ROW_NUMBER] = plan.respondent_rows  # each answer keeps its respondent's row in the input
    return set_aside(frame, info, plan), info
