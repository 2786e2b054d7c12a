"""Read a consultation file into the comment frame: ``readers`` per format, ``columns`` for the frame itself."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from consultnlp.ingest.columns import (
    build_frame,
    choose_text_column,
    derive_comment_ids,
    text_likeness,
)
from consultnlp.ingest.readers import FORMATS, IngestInfo, read_table

__all__ = ["FORMATS", "IngestInfo", "build_frame", "choose_text_column", "derive_comment_ids", "ingest", "read_table", "text_likeness"]


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
) -> tuple[pd.DataFrame, IngestInfo]:
    """Read ``path`` and return the comment frame plus what was read."""
    raw, info = read_table(path, sheet=sheet, encoding=encoding, delimiter=delimiter, chunk_rows=chunk_rows)
    frame = build_frame(raw, info, text_column=text_column, id_column=id_column, segment_columns=segment_columns)
    return frame, info

