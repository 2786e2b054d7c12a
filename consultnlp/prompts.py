"""Prompts: what a contribution answers (a concept the group chose, a proposal it comments, a survey question).

A statement such as «Deben ser vinculantes» means nothing without the prompt it
answers («Plebiscitos, referendos y consultas»). The prompt of each row is kept in
``context`` (see ``ingest.prompts``); key points and campaigns are found within one
prompt. This module holds what several layers need about prompts: their readable
labels and the words they are made of.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from consultnlp.text import fold

_SLUG = re.compile(r"^[^\s_]+(?:_+[^\s_]+)*$")  # "plebiscitos_referendos_y_consultas", "a_huelga", "justicia"
_WORD = re.compile(r"[^\W\d_]+")
LABEL_SAMPLE = 20_000  # texts read to restore the accents of slug labels
MIN_WORD_CHARS = 4  # shorter words of a prompt ("de", "la", "los") carry no meaning of their own


def accent_forms(texts: pd.Series, sample: int = LABEL_SAMPLE) -> dict[str, str]:
    """Folded word -> its most frequent lower-case spelling in ``texts`` (the first ``sample``), accents included.

    "educacion" -> "educación" when the texts write "educación" more often than "educacion".
    """
    counts: Counter[str] = Counter()
    for text in texts.head(sample).astype(str):
        counts.update(w.lower() for w in _WORD.findall(text))
    best: dict[str, tuple[int, str]] = {}
    for word, n in counts.items():
        key = fold(word)
        if key not in best or (n, word) > best[key]:
            best[key] = (n, word)
    return {key: word for key, (_, word) in best.items()}


def prompt_labels(values: pd.Series, texts: pd.Series | None = None) -> pd.Series:
    """Readable labels of prompt values: a column of slugs ("plebiscitos_referendos_y_consultas", "justicia") becomes
    words ("Plebiscitos referendos y consultas", "Justicia"), with the accents the consultation's own ``texts`` use.

    Other columns are kept as written (stripped). A slug and its unaccented spelling get one label.
    """
    values = values.astype(str).str.strip()
    distinct = [v for v in values.unique() if v]
    # A column of slugs: every value one lower-case token, some joined by "_" (a one-word value is then a slug too).
    if not distinct or not any("_" in v for v in distinct) or not all(_SLUG.match(v) and v == v.lower() for v in distinct):
        return values
    slugs = distinct
    forms = accent_forms(texts) if texts is not None else {}
    labels = {}
    for slug in slugs:
        words = [w for w in re.split(r"_+", slug) if w]
        words = [forms.get(fold(w), w) for w in words]
        label = " ".join(words)
        labels[slug] = label[:1].upper() + label[1:]
    return values.map(lambda v: labels.get(v, v))


def prompt_words(prompts: pd.Series | list[str]) -> frozenset[str]:
    """The folded words (``MIN_WORD_CHARS``+ letters) of the distinct prompts: the words that name what is answered."""
    words: set[str] = set()
    for prompt in pd.Series(prompts, dtype=object).dropna().astype(str).unique():
        words.update(w for w in _WORD.findall(fold(prompt)) if len(w) >= MIN_WORD_CHARS)
    return frozenset(words)
