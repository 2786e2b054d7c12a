"""Near-duplicates that differ in the word that carries their meaning are not one text.

A template filled with different concepts («El 100% de los asistentes está de acuerdo
con el valor de la Justicia» / «... de la Solidaridad») is near-identical word for word,
yet each copy says something else. A pair of near-duplicates is split when, aligned word
by word, one stretch holds different words on the two sides (a slot filled differently,
not an added greeting, signature or list item) and, on both sides, one of those words
names a concept (plurals and accents aside: "público" / "públicos" is no difference):

- a concept a prompt of the consultation names in one word (``--context-column`` values such as
  «Justicia», «A la salud»; see ``prompts.prompt_words``), or
- a common noun raised to a name: capitalised inside a sentence here («el valor de la
  Justicia») and written in lower case elsewhere in the consultation. Proper names (a
  person, a town in a form letter's signature) are never written in lower case, so a
  letter signed from another town stays one campaign.

In two short texts (``SHORT_WORDS`` words at most), each written once, any content word in place of another says something else ("Noise
ordinances should be enacted in the county" / "Lease laws should be enacted in the county"), unless it is the same word
spelt otherwise ("contratos" / "contrtos"), a sign-off, or capitalised (a name: a short letter signed "Juan" or "María").
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Iterable, Sequence

from consultnlp.lemmas import function_words
from consultnlp.text import fold, plural_stem

MIN_WORD_CHARS = 4  # shorter differing words (articles, "de", "la") name nothing
# In texts this short, another content word in the same place says something else: "Noise ordinances should be enacted in
# the county" is no copy of "Lease laws should be enacted in the county" (claim check 53). A respelling is the same word.
SHORT_WORDS = 20
RESPELLED = 0.8  # letters in common (difflib ratio) from which two differing words are one word spelt two ways
_WORD = re.compile(r"[^\W\d_]+")
_OPENERS = " \t\"'«“(¿¡"  # may stand between a sentence's end and its first word
_SENTENCE_END = ".!?:;\n•-*"


def raised_words(text: str) -> set[str]:
    """Folded, plural-stripped words written capitalised inside a sentence of ``text`` ("la Justicia" -> "justicia").

    All-caps words and a sentence's first word are left out."""
    found = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < 2 or not word[0].isupper() or word.isupper():
            continue
        before = text[max(0, match.start() - 8) : match.start()].rstrip(_OPENERS)
        if before and before[-1] not in _SENTENCE_END:
            found.add(plural_stem(fold(word)))
    return found


_SIGN_OFF = re.compile(r"\s[-–—]\s*([^-–—]{1,80})$")  # "... cada centavo. - Rafael, Curitiba"
SIGN_OFF_WORDS = 8


def sign_off_words(text: str) -> set[str]:
    """Folded, plural-stripped words of a short sign-off after a final dash (a name, a town, an organisation):
    a form letter signed by someone else is still the same letter."""
    found = _SIGN_OFF.search(text.strip())
    words = _WORD.findall(found.group(1)) if found else []
    return {plural_stem(fold(w)) for w in words} if 0 < len(words) <= SIGN_OFF_WORDS else set()


def lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """Folded, plural-stripped words that appear written in lower case somewhere in ``texts``."""
    seen: set[str] = set()
    for text in texts:
        seen.update(w for w in _WORD.findall(text) if w[0].islower())
    return frozenset(plural_stem(fold(w)) for w in seen)


def _slots(a: str, b: str) -> list[tuple[set[str], set[str]]]:
    """The words ``a`` and ``b`` (folded keys) hold in the same place but differently: per replaced stretch of the
    word-by-word alignment, its content words on each side (plurals stripped, both sides non-empty)."""
    stop = function_words()
    wa, wb = [plural_stem(w) for w in a.split()], [plural_stem(w) for w in b.split()]
    slots = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        if tag != "replace":
            continue
        left = {w for w in wa[i1:i2] if len(w) >= MIN_WORD_CHARS and w.isalpha() and w not in stop} - set(wb[j1:j2])
        right = {w for w in wb[j1:j2] if len(w) >= MIN_WORD_CHARS and w.isalpha() and w not in stop} - set(wa[i1:i2])
        if left and right:
            slots.append((left, right))
    return slots


def meaning_slot_pairs(
    pairs: list[tuple[int, int]],
    keys: list[str],
    texts: list[str],
    prompt_words: frozenset[str],
    corpus: Iterable[str],
    copies: Sequence[int] | None = None,
) -> set[tuple[int, int]]:
    """The ``pairs`` (indexes into ``keys``/``texts``) whose texts differ in a word that names a concept (see the module).

    ``keys`` are the folded comparison keys, ``texts`` an original-case text of each key, ``corpus`` every
    analysed text (read only when some differing word is capitalised inside a sentence), ``copies`` how many rows wrote
    each key: the short-text rule reads only texts written once (a text many sent is a circulated one, its variants
    the same message: "... lo votamos en el cabildo" / "... en el encuentro").
    """
    differing = {}
    raised: dict[int, set[str]] = {}
    for i, j in pairs:
        slots = _slots(keys[i], keys[j])
        if slots:
            differing[(i, j)] = slots
    if not differing:
        return set()

    def raised_of(k: int) -> set[str]:
        if k not in raised:
            raised[k] = raised_words(texts[k])
        return raised[k]

    lowered: list[frozenset[str]] = []  # the words the consultation writes in lower case somewhere, read once when needed

    def lower_words() -> frozenset[str]:
        if not lowered:
            lowered.append(lower_case_words(corpus))
        return lowered[0]

    candidates = {w for (i, j), slots in differing.items() for wi, wj in slots for w in (wi & raised_of(i)) | (wj & raised_of(j))}
    common = lower_words() & candidates if candidates else frozenset()

    def names_concept(words: set[str], k: int) -> bool:
        words = words - sign_off_words(texts[k])
        return bool(words & prompt_words) or bool(words & raised_of(k) & common)

    def short(k: int) -> bool:
        return len(keys[k].split()) <= SHORT_WORDS and (copies is None or copies[k] == 1)

    from consultnlp.privacy.name_lists import load_gazetteer  # everyday es/pt/en words and given names

    gazetteer = load_gazetteer()

    def says_else(wi: set[str], wj: set[str], i: int, j: int) -> bool:
        # Words the consultation writes in lower case, or everyday words that are no given name where only the start of
        # a sentence capitalises them ("Lease laws ..."): any other may be a name (a letter signed "Juan", "María").
        def common(words: set[str], k: int) -> set[str]:
            everyday = {w for w in words if w in gazetteer.words and w not in gazetteer.given and w not in raised_of(k)}
            return {w for w in words - sign_off_words(texts[k]) if w in lower_words() or w in everyday}

        wi, wj = common(wi, i), common(wj, j)
        return bool(wi and wj) and not any(SequenceMatcher(a=a, b=b).ratio() >= RESPELLED for a in wi for b in wj)

    return {
        (i, j)
        for (i, j), slots in differing.items()
        if any(names_concept(wi, i) and names_concept(wj, j) for wi, wj in slots)
        or (short(i) and short(j) and any(says_else(wi, wj, i, j) for wi, wj in slots))
    }
