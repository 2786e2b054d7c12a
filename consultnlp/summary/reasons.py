"""What the rows set aside for a reason say, in the consultation's own words: its most frequent short texts.

A report that says "2,548 state only a position, with no reason (such as «acuerdo total» or «muy bien»)" quotes
examples from the word lists, which the consultation may never use (claim check 50, stop 42: «muy bien» is in none of
Chile 2016's 2,548; 77% of them say how the meeting agreed, "todos de acuerdo"). The report shows these instead.
"""

from __future__ import annotations

import re

import pandas as pd

from consultnlp import schema
from consultnlp.nonanswers import NO_ARGUMENT, NON_ANSWER
from consultnlp.text import fold

# Reasons whose rows are short texts worth showing. Not: other languages, the organiser's rows, moderated or filtered
# rows (what they say is not why they were set aside), nor empty ones.
REASONS = (NON_ANSWER, NO_ARGUMENT, "junk", "too_short", schema.REASON_PROCESS_NOTE)
MAX_WORDS = 6  # a longer text is a person's own words, not a phrasing many typed
MAX_CHARS = 60
MIN_REPEATS = 2  # ... and a text written once is one person's
SHOWN = 3
_KEY = re.compile(r"[^\w]+")


def reason_examples(frame: pd.DataFrame) -> dict[str, list[tuple[str, int]]]:
    """Per reason, up to ``SHOWN`` of its most frequent short texts as (text as most often written, rows), written in at
    least ``MIN_REPEATS`` rows; texts compared without case, accents or punctuation. Redacted text only."""
    if schema.EXCLUDED not in frame:
        return {}
    column = schema.TEXT_REDACTED if schema.TEXT_REDACTED in frame else schema.TEXT_CLEAN
    if column not in frame:
        return {}
    out: dict[str, list[tuple[str, int]]] = {}
    for reason in REASONS:
        texts = frame.loc[frame[schema.EXCLUDED] == reason, column].fillna("").astype(str).str.strip()
        texts = texts[(texts != "") & (texts.str.len() <= MAX_CHARS) & (texts.str.split().str.len() <= MAX_WORDS)]
        if texts.empty:
            continue
        # A text of punctuation alone is its own key: «.» in 1,862 rows of Chile 2016 was never shown, so the examples of
        # unreadable rows («x», «xxx», «asd») hid what 84% of them were (claim check 67).
        keys = texts.map(lambda text: _folded(text) or text)
        counts = keys.value_counts()
        counts = counts[(counts >= MIN_REPEATS) & (counts.index != "")]
        if counts.empty:
            continue
        counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable").head(SHOWN)
        out[reason] = [(_as_written(texts[keys == key]), int(n)) for key, n in counts.items()]
    return out


SAME_AS_COLUMN = 0.8  # of an example's rows, those whose other column holds the same value, to say so


def example_columns(frame: pd.DataFrame, examples: dict[str, list[tuple[str, int]]], text_columns: list[str]) -> dict[str, dict[str, list]]:
    """Per reason and example text, the input column that holds the same value in the same row for most of its rows, and in
    how many: [column, rows]. Chile 2016's «A» (823 rows set aside as too short) is the agreement code of its row's
    «acuerdo» in 789 of them: typed into the text field, not a short answer (claim checks 87, 89)."""
    if schema.EXCLUDED not in frame or not examples:
        return {}
    column = schema.TEXT_REDACTED if schema.TEXT_REDACTED in frame else schema.TEXT_CLEAN
    others = [c for c in frame.columns if c not in schema.RESERVED and not str(c).startswith("_") and c not in text_columns]
    out: dict[str, dict[str, list]] = {}
    for reason, shown in examples.items():
        rows = frame.loc[frame[schema.EXCLUDED] == reason]
        keys = rows[column].fillna("").astype(str).map(_folded)
        for text, _ in shown:
            key = _folded(text)
            mine = rows.loc[keys == key] if key else rows.iloc[:0]
            best = max(
                ((int((mine[c].fillna("").astype(str).map(_folded) == key).sum()), str(c)) for c in others),
                default=(0, ""),
            )
            if len(mine) and best[0] >= SAME_AS_COLUMN * len(mine):
                out.setdefault(reason, {})[text] = [best[1], best[0]]
    return out


def _folded(text: str) -> str:
    """``text`` compared without case, accents or punctuation ("" for punctuation alone)."""
    return _KEY.sub(" ", fold(text)).strip()


def _as_written(texts: pd.Series) -> str:
    """The form most often written (ties: the first in sort order)."""
    counts = texts.value_counts()
    return str(counts[counts == counts.max()].sort_index().index[0])
