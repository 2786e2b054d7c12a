"""Profile questions: statements the organiser wrote to learn who the participants are ("I live on Orcas Island",
"I voted to Remain", "Soy estudiante"). Their votes describe the participants, not an opinion, so the report keeps
them out of the opinion groups, agreement and division (read 8: "I own real-estate…" led "what every group agrees
on", and a group was formed on "I consider myself working class").

A Pol.is ``is-meta`` statement is one whatever its words. Otherwise an organiser's statement is one when it opens
with a word of the speaker as subject, or names one of the speaker's attributes ("my first language"), and states no
view (``data/profile/{lang}.txt``). A participant's own "I am pro-choice" is never one: the rule reads only what the
organiser wrote.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from consultnlp.resources import language_lists, project_path
from consultnlp.text import surface_tokens

SECTIONS = ("self", "attribute", "opinion")
_ASIDE = re.compile(r"\([^)]*\)")


def _words(text: str) -> tuple[str, ...]:
    """The text's words as the lists' entries are read: folded ("I'm" is "i", "m"), endings kept."""
    return tuple(surface_tokens(text, stem=False))


VALENCE = ("good", "bad")  # the judgement words of data/valence state a view too ("I am pleased with …"), matched whole
MIN_PREFIX = 4  # a one-word opinion entry this long also matches its inflections ("love": "loved", "hope": "hoped")


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], tuple[str, ...]]:
    """(openers, attribute phrases, opinion phrases, opinion prefixes) of every language, phrases as tuples of words."""
    openers: set[tuple[str, ...]] = set()
    attributes: set[tuple[str, ...]] = set()
    opinion: set[tuple[str, ...]] = set()
    for sections in language_lists(project_path("data", "profile"), SECTIONS).values():
        openers.update(_words(entry) for entry in sections.get("self", []))
        attributes.update(_words(entry) for entry in sections.get("attribute", []))
        opinion.update(_words(entry) for entry in sections.get("opinion", []))
    prefixes = tuple(sorted(p[0] for p in opinion if len(p) == 1 and len(p[0]) >= MIN_PREFIX))
    for sections in language_lists(project_path("data", "valence"), ("good", "bad", "demand")).values():
        opinion.update(_words(entry) for name in VALENCE for entry in sections.get(name, []))
    for phrases in (openers, attributes, opinion):
        phrases.discard(())
    return frozenset(openers), frozenset(attributes), frozenset(opinion), prefixes


def _has(words: tuple[str, ...], phrases: frozenset[tuple[str, ...]], *, at_start: bool = False) -> bool:
    starts = [0] if at_start else range(len(words))
    return any(words[i : i + len(p)] == p for p in phrases for i in starts)


def is_profile_question(text: str) -> bool:
    """Whether an organiser's statement asks who the participant is rather than what they think."""
    words = _words(_ASIDE.sub(" ", text))  # "(good or bad)" offers both answers: no view
    openers, attributes, opinion, prefixes = _lists()
    # Opened by the speaker ("I live on Orcas"), or naming one of the speaker's attributes anywhere ("English is my first
    # language": claim check 59, london.youth.policing, where it was counted among the views).
    if not words or not (_has(words, openers, at_start=True) or _has(words, attributes)):
        return False
    return not _has(words, opinion) and not any(w.startswith(prefixes) for w in words)


def profile_questions(frame: pd.DataFrame, organiser: set[str], text_column: str) -> set[str]:
    """The ids (as strings) of the statements in ``organiser`` that are profile questions: flagged ``is-meta`` by the
    export, or worded as one."""
    ids = frame.index.astype(str)
    flagged = frame["is-meta"].astype(str).str.strip().str.lower().eq("true").to_numpy() if "is-meta" in frame else [False] * len(frame)
    texts = frame[text_column].astype(str) if text_column in frame else pd.Series("", index=frame.index)
    return {i for i, meta, text in zip(ids, flagged, texts) if i in organiser and (meta or is_profile_question(text))}
