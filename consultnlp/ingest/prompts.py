"""The prompt of each row: ``--context-column``, the question with ``--questions``, a platform's field, or a column
found by its name.

The prompt's readable label is stored in ``context``; the input column is kept as it is.

``find_context_column`` finds the prompt column of an input nobody described: a column named for the concept or
prompt each row answers (Chile's ``concepto``: the constitutional concept a meeting chose, then argued for), whose
values are short and repeat (a menu, not free text). A survey export in long form has one: a column named for the
question whose values are questions ("FFT question": "How could we improve?", "What was good?"; claim check 61, NHS
feedback, where praise and suggestions were pooled into one key point). A platform's own prompt (a Decidim comment's
proposal) comes first.
"""

from __future__ import annotations

import re

import pandas as pd

from consultnlp import schema
from consultnlp.ingest.info import IngestInfo
from consultnlp.prompts import prompt_labels
from consultnlp.text import fold

EXAMPLES = 3
# Folded column names that say each row answers a prompt: "concepto", "concepto_norm", "concept", "conceito",
# "prompt", "consigna". The first such column in the input's order is taken.
_PROMPT_NAME = re.compile(r"^(?:concept|conceito|prompt|consigna)")
# ... or named for the question ("question", "FFT question", "pregunta", "pergunta"), where most of its distinct values
# are questions (end with "?"): a column "question_type" of codes is no prompt.
_QUESTION_NAME = re.compile(r"\b(?:question|pregunta|pergunta)")
QUESTION_SHARE = 0.5
MIN_FILLED_SHARE = 0.8  # of the rows, at least this share must name a prompt
MIN_ROWS_PER_PROMPT = 2  # on average: values that do not repeat are free text, not a menu of prompts
MAX_PROMPT_CHARS = 150  # a prompt's median length: longer values are texts of their own


def find_context_column(raw: pd.DataFrame, exclude: set[str]) -> str | None:
    """The first column of ``raw`` (not in ``exclude``) named for the prompt each row answers, with short values that
    repeat and fill most rows; or None."""
    for column in raw.columns:
        name = fold(str(column)).strip()
        question = _QUESTION_NAME.search(name) is not None
        if column in exclude or not (_PROMPT_NAME.match(name) or question):
            continue
        values = raw[column].dropna().astype(str).str.strip()
        values = values[values != ""]
        if question and not _PROMPT_NAME.match(name) and pd.Series(values.unique()).str.endswith("?").mean() < QUESTION_SHARE:
            continue
        if len(values) < MIN_FILLED_SHARE * max(len(raw), 1) or len(values) < 2:
            continue
        distinct = values.nunique()
        if distinct < 2 or len(values) / distinct < MIN_ROWS_PER_PROMPT:
            continue
        if values.str.len().median() > MAX_PROMPT_CHARS or values.str.fullmatch(r"[\d\s.,-]+").all():
            continue
        return str(column)
    return None


def add_prompts(frame: pd.DataFrame, info: IngestInfo, column: str | None, *, found: bool = False) -> pd.DataFrame:
    """``frame`` with ``context`` from ``column`` (an input column, renamed or not), and a note naming it; ``found``:
    the column was found by its name, and the note says how to leave it out."""
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
        + (" Found by the column's name; --context-column none leaves it out." if found else "")
    )
    return frame
