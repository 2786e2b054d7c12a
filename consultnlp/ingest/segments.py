"""Columns that could break the results down, found when the analyst named none.

Segments are the analyst's choice (``--segment-columns``): which groups of participants or parts of the plan to compare is
a question the consultation asks, not the tool. But an export often carries them, and a new user does not know to ask:
claim check 63 (PNDBio 2025) found no breakdown by chapter or mission, though every row names both. So the run says which
columns look like segments (a few values, each shared by many rows, filling most rows), and how to use them.
"""

from __future__ import annotations

import re

import pandas as pd

from consultnlp.ingest.columns import author_id_column
from consultnlp.ingest.info import IngestInfo
from consultnlp.text import fold

MAX_VALUES = 30  # more values than this is no grouping a report can show
MIN_ROWS_PER_VALUE = 5  # on average: fewer, and the parts are too small to compare
MIN_FILLED_SHARE = 0.8
SHOWN = 3
# Columns named as ids, dates, links or counts are no segments ("missao_id", "data", "url", "votos").
_NOT_A_SEGMENT = re.compile(r"(?:^|[_ .-])(?:id|ids|uuid|data|date|fecha|timestamp|url|link|votos|votes|supports|apoios)(?:$|[_ .-])")
_NUMBER = re.compile(r"[\d\s.,:/-]+")


def merge_spellings(frame: pd.DataFrame, columns: list[str]) -> dict[str, int]:
    """Write the values of each segment column of ``frame`` that differ only in case, accents, punctuation or spacing as
    one, their most frequent spelling (ties: the first in sorted order), in place; per column, how many spellings were
    read as another. Claim check 93 (PNDBio 2025): «CAPÍTULO 7: SALVAGUARDAS…» (11) and «CAPÍTULO 7 - SALVAGUARDAS…» (8)
    were two chapters in the report, each too small to compare."""
    merged: dict[str, int] = {}
    for column in columns:
        values = frame[column]
        counts = values.dropna().astype(str).value_counts()
        keys = pd.Series({v: " ".join(re.findall(r"\w+", fold(v))) for v in counts.index}, dtype=object)
        spelling: dict[str, str] = {}
        for _, group in keys.groupby(keys, sort=False):
            if len(group) > 1:
                chosen = sorted(group.index, key=lambda v: (-counts[v], v))[0]
                spelling.update({v: chosen for v in group.index if v != chosen})
        if spelling:
            frame[column] = values.map(lambda v, spelling=spelling: spelling.get(v, v) if isinstance(v, str) else v)
            merged[column] = len(spelling)
    return merged


def segment_candidates(raw: pd.DataFrame, info: IngestInfo, used: set[str]) -> list[tuple[str, int]]:
    """(column, number of values) of the columns of ``raw`` that look like segments, in the input's order, leaving out the
    columns ``used`` otherwise (text, id, prompt), the author's and the personal ones."""
    skip = set(used) | set(info.personal_columns) | {author_id_column(raw.columns) or ""}
    found: list[tuple[str, int]] = []
    for column in raw.columns:
        name = fold(str(column)).strip()
        if column in skip or _NOT_A_SEGMENT.search(name):
            continue
        values = raw[column].dropna().astype(str).str.strip()
        values = values[values != ""]
        if len(values) < MIN_FILLED_SHARE * max(len(raw), 1) or values.str.fullmatch(_NUMBER).all():
            continue
        distinct = values.nunique()
        if 2 <= distinct <= MAX_VALUES and len(values) / distinct >= MIN_ROWS_PER_VALUE:
            found.append((str(column), int(distinct)))
    return found


def record_segment_candidates(raw: pd.DataFrame, info: IngestInfo, used: set[str]) -> None:
    """Record in ``info.segment_candidates`` the columns that could break the results down (none for a Pol.is export:
    its columns are its votes and the tool's own flags)."""
    if info.platform != "polis":
        info.segment_candidates = [[column, n] for column, n in segment_candidates(raw, info, used)]


def segment_note(info: IngestInfo) -> str:
    """The one line that names up to ``SHOWN`` of them and how to use them ("" when there are none)."""
    found = info.segment_candidates
    if not found:
        return ""
    listed = ", ".join(f'"{column}" ({n} values)' for column, n in found[:SHOWN])
    more = f" and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    return f"Columns that could break the results down, not used: {listed}{more}. Name them with --segment-columns to compare their parts."
