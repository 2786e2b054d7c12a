"""Read a consultation file into the comment frame.

``sniff`` tells what a file is from its bytes, ``encoding`` how its text is
encoded, ``readers`` and ``sheets`` read each format into an all-text table
(``rows`` finds the header), ``columns`` builds the comment frame from it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from consultnlp.ingest.columns import (
    build_frame,
    choose_text_column,
    derive_comment_ids,
    text_likeness,
)
from consultnlp.ingest.info import IngestInfo
from consultnlp.ingest.readers import FORMATS, read_table

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
    header_row: int | None = None,
    format: str | None = None,  # noqa: A002 - the config key's name
) -> tuple[pd.DataFrame, IngestInfo]:
    """Read ``path`` and return the comment frame plus what was read.

    The keywords are the keys of the ``ingest:`` config section, so a caller can
    pass ``**config.ingest.model_dump()``. ``IngestInfo.warnings`` lists what was
    guessed or repaired (encoding, sheet, skipped title rows, removed control
    characters); the caller shows them.
    """
    raw, info = read_table(
        path, sheet=sheet, encoding=encoding, delimiter=delimiter, chunk_rows=chunk_rows,
        header_row=header_row, format=format, text_column=text_column,
    )
    frame = build_frame(raw, info, text_column=text_column, id_column=id_column, segment_columns=segment_columns)
    return frame, info
