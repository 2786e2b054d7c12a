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

from consultnlp.lemmas import function_words
from consultnlp.text import fold, plural_stem

_SLUG = re.compile(r"^_*[^\s_]+(?:_+[^\s_]+)*_*$")  # "plebiscitos_referendos_y_consultas", "a_huelga", "justicia"
_WORD = re.compile(r"[^\W\d_]+")
LABEL_SAMPLE = 20_000  # texts read to restore the accents of slug labels
MIN_WORD_CHARS = 4  # shorter words of a prompt ("de", "la", "los") carry no meaning of their own


def accent_forms(texts: pd.Series, sample: int = LABEL_SAMPLE) -> dict[str, str]:
    """Folded word -> how ``texts`` (the first ``sample``) most often write it, accents included.

    "educacion" -> "educación" when the texts write "educación" more often than "educacion"; a word the texts
    capitalise more than twice as often as not keeps its capital ("chile" -> "Chile")."""
    counts: Counter[str] = Counter()
    for text in texts.head(sample).astype(str):
        counts.update(_WORD.findall(text))
    lower: dict[str, tuple[int, str]] = {}
    upper: dict[str, int] = Counter()
    for word, n in counts.items():
        key = fold(word)
        if word[0].isupper():
            upper[key] += n
        form = word.lower()
        n_form = counts.get(form, 0) + counts.get(form.capitalize(), 0)
        if key not in lower or (n_form, form) > lower[key]:
            lower[key] = (n_form, form)
    return {key: form.capitalize() if upper[key] > 2 * counts.get(form, 0) else form for key, (_, form) in lower.items()}


def prompt_labels(values: pd.Series, texts: pd.Series | None = None) -> pd.Series:
    """Readable labels of prompt values: a column of slugs ("plebiscitos_referendos_y_consultas", "justicia") becomes
    words ("Plebiscitos referendos y consultas", "Justicia"), with the accents the consultation's own ``texts`` use.

    Other columns are kept as written, stripped and with each run of spaces and line breaks one space (NHS feedback: the
    same question written with "that\\nyou" and "that \\nyou" was two prompts). A slug and its unaccented spelling get one label.
    """
    values = values.astype(str).str.split().str.join(" ")
    distinct = [v for v in values.unique() if v]
    # A column of slugs: every value one lower-case token, some joined by "_" (a one-word value is then a slug too).
    if not distinct or not any("_" in v for v in distinct) or not all(_SLUG.match(v) and v == v.lower() for v in distinct):
        return values
    slugs = distinct
    forms = accent_forms(texts) if texts is not None else {}
    labels = {}
    for slug in slugs:
        # "__" stood for punctuation the slug dropped: "plebiscitos__referendos_y_consultas" -> "Plebiscitos, referendos y consultas".
        clauses = [[forms.get(fold(w), w) for w in clause.split("_") if w] for clause in re.split(r"__+", slug.strip("_"))]
        label = ", ".join(" ".join(words) for words in clauses if words)
        labels[slug] = label[:1].upper() + label[1:]
    return values.map(lambda v: labels.get(v, v))


def prompt_words(prompts: pd.Series | list[str]) -> frozenset[str]:
    """The concepts named by one word: the folded, plural-stripped content word of each prompt that has only one
    ("Justicia", "A la salud", "No discriminación"). A word of a longer prompt ("derechos" in "Derecho al agua")
    names no concept on its own."""
    stop = function_words()
    words: set[str] = set()
    for prompt in pd.Series(prompts, dtype=object).dropna().astype(str).unique():
        content = {plural_stem(w) for w in _WORD.findall(fold(prompt)) if len(w) >= MIN_WORD_CHARS and w not in stop}
        if len(content) == 1:
            words.update(content)
    return frozenset(words)
