"""Near-duplicates that differ in the word that carries their meaning are not one text.

A template filled with different concepts («El 100% de los asistentes está de acuerdo
con el valor de la Justicia» / «... de la Solidaridad») is near-identical word for word,
yet each copy says something else. A pair of near-duplicates is split when each side
has words the other lacks (a slot filled differently, not an added greeting or
signature) and, on both sides, one of those words names a concept:

- a word of a prompt of the consultation (``--context-column`` values, the questions), or
- a common noun raised to a name: capitalised inside a sentence here («el valor de la
  Justicia») and written in lower case elsewhere in the consultation. Proper names (a
  person, a town in a form letter's signature) are never written in lower case, so a
  letter signed from another town stays one campaign.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from consultnlp.lemmas import function_words
from consultnlp.text import fold

MIN_WORD_CHARS = 4  # shorter differing words (articles, "de", "la") name nothing
_WORD = re.compile(r"[^\W\d_]+")
_OPENERS = " \t\"'«“(¿¡"  # may stand between a sentence's end and its first word
_SENTENCE_END = ".!?:;\n•-*"


def raised_words(text: str) -> set[str]:
    """Folded words written capitalised inside a sentence of ``text`` ("la Justicia" -> "justicia").

    All-caps words and a sentence's first word are left out."""
    found = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < 2 or not word[0].isupper() or word.isupper():
            continue
        before = text[max(0, match.start() - 8):match.start()].rstrip(_OPENERS)
        if before and before[-1] not in _SENTENCE_END:
            found.add(fold(word))
    return found


def lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """Folded words that appear written in lower case somewhere in ``texts``."""
    seen: set[str] = set()
    for text in texts:
        seen.update(w for w in _WORD.findall(text) if w[0].islower())
    return frozenset(fold(w) for w in seen)


def _differing(a: str, b: str) -> tuple[set[str], set[str]]:
    """Content words (folded keys' tokens) only ``a`` has, and only ``b`` has."""
    stop = function_words()
    ca, cb = Counter(a.split()), Counter(b.split())
    only_a = {w for w in (ca - cb) if len(w) >= MIN_WORD_CHARS and w.isalpha() and w not in stop}
    only_b = {w for w in (cb - ca) if len(w) >= MIN_WORD_CHARS and w.isalpha() and w not in stop}
    return only_a, only_b


def meaning_slot_pairs(
    pairs: list[tuple[int, int]], keys: list[str], texts: list[str], prompt_words: frozenset[str], corpus: Iterable[str]
) -> set[tuple[int, int]]:
    """The ``pairs`` (indexes into ``keys``/``texts``) whose texts differ in a word that names a concept (see the module).

    ``keys`` are the folded comparison keys, ``texts`` an original-case text of each key, ``corpus`` every
    analysed text (read only when some differing word is capitalised inside a sentence).
    """
    differing = {}
    raised: dict[int, set[str]] = {}
    for i, j in pairs:
        only_i, only_j = _differing(keys[i], keys[j])
        if only_i and only_j:
            differing[(i, j)] = (only_i, only_j)
    if not differing:
        return set()

    def raised_of(k: int) -> set[str]:
        if k not in raised:
            raised[k] = raised_words(texts[k])
        return raised[k]

    candidates = {w for (i, j), (wi, wj) in differing.items() for w in (wi & raised_of(i)) | (wj & raised_of(j))}
    common = lower_case_words(corpus) & candidates if candidates else frozenset()

    def names_concept(words: set[str], k: int) -> bool:
        return bool(words & prompt_words) or bool(words & raised_of(k) & common)

    return {pair for pair, (wi, wj) in differing.items() if names_concept(wi, pair[0]) and names_concept(wj, pair[1])}
