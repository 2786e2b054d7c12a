"""The prompt of each row: ``--context-column``, the question with ``--questions``, or a platform's field.

The prompt's readable label is stored in ``context``; the input column is kept as it is.
"""

from __future__ import annotations

import pandas as pd

from consultnlp import schema
from consultnlp.ingest.info import IngestInfo
from consultnlp.prompts import prompt_labels

EXAMPLES = 3


def add_prompts(frame: pd.DataFrame, info: IngestInfo, column: str | None) -> pd.DataFrame:
    """``frame`` with ``context`` from ``column`` (an input column, renamed or not), and a note naming it."""
    if column is None:
        return frame
    source = info.renamed_columns.get(column, column)
    labels = prompt_labels(frame[source].fillna("").astype(str), frame[schema.TEXT])
    frame = frame.copy()
    frame[schema.CONTEXT] = labels.to_numpy(dtype=object)
    info.context_column = column
    named = labels[labels != ""]
    counts = named.value_counts()
    examples = ", ".join(f"«{v}»" for v in counts.index[:EXAMPLES])
    info.warnings.append(
        f'Prompt of each contribution (what it answers): column "{column}", {len(counts)} '
        f"{'value' if len(counts) == 1 else 'values'}{f' ({examples} ...)' if examples else ''}; "
        "key points and campaigns are found within one prompt."
        + (f" {len(labels) - len(named)} rows have none." if len(named) < len(labels) else "")
    )
    return frame
