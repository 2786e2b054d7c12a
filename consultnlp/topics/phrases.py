"""Names for topics and groups: a short phrase taken from the group's own comments.

Candidates are word n-grams (1 to 4 words) of the comments' redacted text that do not
cross punctuation and neither start nor end with a stop word. Each is scored as BERTopic's
KeyBERTInspired representation scores words: first a class-based TF-IDF over the groups
(how much more often the group's comments use the phrase than the others'), then, for the
best of those, how close the phrase's embedding is to the group's centre; maximal marginal
relevance keeps the runner-up names unlike the best one. Names are chosen greedily from the
largest group down so that every name is unique (a group whose best phrase is taken gets its
next best).

A phrase is shown as people wrote it most often outside ALL-CAPS comments, so accents and
acronyms stay (AFP, IPVA, SUS), with a capital first letter.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Mapping, Sequence

import numpy as np

from consultnlp.embedders.base import l2_normalise, mmr
from consultnlp.lemmas import boilerplate_stopwords, complement_linkers, complement_openers, demonstratives, modals
from consultnlp.text import fold
from consultnlp.topics.adjectives import known_noun

MAX_WORDS = 4
MIN_WORD_CHARS = 3
CANDIDATES = 25  # best c-TF-IDF candidates per group whose embeddings are compared with the centre
# Among those, the cosine to the group's centre decides, with a little weight on c-TF-IDF (which on its
# own favours single common words) and on length: "Democracia participativa" over "Democracia",
# "Derecho a la salud" over "Salud" (on the Chile 2016 sample).
CTFIDF_WEIGHT = 0.1
LENGTH_BONUS = 0.03  # per extra word up to three
MIN_SUPPORT_SHARE = 0.03  # a candidate is used by at least this share of the group's comments (and 2)
MMR_DIVERSITY = 0.5
WIDESPREAD_SHARE = 0.5  # a phrase among the candidates of half the groups names the consultation, not a group
WIDESPREAD_MIN_GROUPS = 3  # ... and of at least this many ("Land Bank" in 4 topics of 4, "BG" in 5 of 6)
# A name is a whole phrase. One followed (or preceded) by the same content word in TRUNCATED_SHARE of its
# TRUNCATED_MIN+ uses is cut short ("Equal pay for equal" [work], "Adaptação às Mudanças" [Climáticas], [equal]
# "pay for equal work"). One whose last word, over its DANGLING_MIN+ uses in the consultation, ends a clause less
# often than DANGLING_SHARE and is followed by an article, "to" or "more" at least OPENED_SHARE of the time stops
# where its sense goes on ("County needs" [to ..., more ...], "Police need to enforce" [the law]): a word that takes
# an object. So does one that ends in a preposition and a word that names no thing, never ends a clause and is always
# followed by "de", "do", "of" (``complement_linkers``): "Biomassa brasileira ao longo" [da cadeia].
TRUNCATED_SHARE = 0.75
TRUNCATED_MIN = 2
DANGLING_SHARE = 0.1
DANGLING_MIN = 3
OPENED_SHARE = 0.5
_CLAUSE = re.compile(r"[.,;:!?()\[\]{}\"«»“”\n/|–—-]+|\s-\s")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ACRONYM = re.compile(r"^[A-ZÁÉÍÓÚÃÕÇÑ]{2,6}s?$")


@dataclass
class Phrase:
    """A candidate name: its comparison key, how often each written form occurs, and the comments using it."""

    key: str
    forms: Counter = field(default_factory=Counter)
    docs: set[int] = field(default_factory=set)
    after: Counter = field(default_factory=Counter)  # the folded word after each use ("" at the end of a clause)
    before: Counter = field(default_factory=Counter)  # the folded word before each use ("" at the start of a clause)

    def written(self) -> str:
        """The most frequent written form (ties: alphabetical)."""
        return sorted(self.forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def capitalised(name: str) -> str:
    """``name`` with a capital first letter, as a heading starts."""
    return name[:1].upper() + name[1:]


def _shouting(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _shown_word(word: str, *, shouting: bool, sentence_start: bool) -> str:
    """Acronyms as written; a capitalised word inside a sentence is a name and keeps its capital; the rest in lower case."""
    if shouting:
        return word.lower()
    if _ACRONYM.match(word):
        return word
    if not sentence_start and word[:1].isupper() and word[1:].islower():
        return word
    return word.lower()


def _clauses(text: str) -> list[tuple[list[str], bool]]:
    """The words of each clause (text between punctuation), and whether the clause starts a sentence."""
    out = []
    starts_sentence = True
    position = 0
    for match in [*_CLAUSE.finditer(text), None]:
        end = match.start() if match else len(text)
        words = _WORD.findall(text[position:end])
        if words:
            out.append((words, starts_sentence))
        if match is None:
            break
        starts_sentence = bool(re.search(r"[.!?\n]", match.group(0)))
        position = match.end()
    return out


def _head(word: str) -> str:
    """A contraction's first word: "isn't" -> "is", "it's" -> "it", "can't" -> "can" (a name never ends "Football isn't")."""
    if "'" not in word and "’" not in word:
        return word
    head, _, tail = word.replace("’", "'").partition("'")
    if tail == "t" and head.endswith("n"):
        head = {"ca": "can", "wo": "will", "sha": "shall"}.get(head[:-1], head[:-1])
    return head


def candidates(texts: Sequence[str], is_stopword: Callable[[str], bool], *, neighbours: bool = False) -> dict[str, Phrase]:
    """Every n-gram of up to ``MAX_WORDS`` words in ``texts``, keyed without case or accents; with ``neighbours``, the
    words before and after each use too (what names need to be judged whole, see ``_cut_short``)."""
    found: dict[str, Phrase] = {}
    for doc, text in enumerate(texts):
        shouting = _shouting(text)
        for words, starts_sentence in _clauses(text):
            folded = [fold(w) for w in words]
            # An acronym is a name even when it spells a stop word of another language ("SUS", Brazil's health system).
            acronym = [bool(_ACRONYM.match(w)) and not shouting for w in words]
            usable = [a or (not is_stopword(_head(f)) and len(f) >= MIN_WORD_CHARS) for f, a in zip(folded, acronym)]
            shown = [_shown_word(w, shouting=shouting, sentence_start=starts_sentence and k == 0) for k, w in enumerate(words)]
            for i in range(len(words)):
                if not usable[i]:
                    continue
                for j in range(i + 1, min(i + MAX_WORDS, len(words)) + 1):
                    if not usable[j - 1]:
                        continue
                    key = " ".join(folded[i:j])
                    phrase = found.get(key)
                    if phrase is None:
                        phrase = found[key] = Phrase(key)
                    if neighbours:
                        phrase.after[folded[j] if j < len(words) else ""] += 1
                        phrase.before[folded[i - 1] if i > 0 else ""] += 1
                    if doc not in phrase.docs:
                        phrase.docs.add(doc)
                        phrase.forms[" ".join(shown[i:j])] += 1
    return found


def class_tfidf(groups: Mapping[int, dict[str, Phrase]], sizes: Mapping[int, int]) -> dict[int, dict[str, float]]:
    """Per group, each candidate's share of the group's comments times log(1 + groups / summed shares over groups)."""
    shares = {g: {k: len(p.docs) / max(1, sizes[g]) for k, p in found.items()} for g, found in groups.items()}
    total: dict[str, float] = defaultdict(float)
    for found in shares.values():
        for key, share in found.items():
            total[key] += share
    n = len(groups)
    return {g: {k: s * math.log(1 + n / total[k]) for k, s in found.items()} for g, found in shares.items()}


def ranked_names(
    texts: Mapping[int, Sequence[str]],
    centres: Mapping[int, np.ndarray],
    encode: Callable[[list[str]], np.ndarray],
    is_stopword: Callable[[str], bool],
) -> dict[int, list[tuple[str, str]]]:
    """Per group, its candidate names best first, as (comparison key, written form)."""
    found = {g: candidates(t, is_stopword, neighbours=True) for g, t in texts.items()}
    ends = _word_ends(found)
    for g, phrases in found.items():
        floor = max(2, math.ceil(MIN_SUPPORT_SHARE * len(texts[g])))
        kept = {
            k: p for k, p in phrases.items() if len(p.docs) >= floor and not _cut_short(p, ends, is_stopword) and not _points_outside(k)
        }
        # A tiny group has few repeated phrases: fall back on its most used ones.
        found[g] = kept or dict(sorted(phrases.items(), key=lambda kv: (-len(kv[1].docs), kv[0]))[:CANDIDATES])
    found = _without_widespread(found)
    scores = class_tfidf(found, {g: len(t) for g, t in texts.items()})
    best: dict[int, list[str]] = {}
    for g, by_key in scores.items():
        top = sorted(by_key.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
        best[g] = [k for k, _ in top]
    shown = {(g, k): found[g][k].written() for g, keys in best.items() for k in keys}
    unique = sorted(set(shown.values()))
    vectors = l2_normalise(np.asarray(encode(unique), dtype=np.float32)) if unique else np.zeros((0, 1), np.float32)
    row = {text: i for i, text in enumerate(unique)}
    out: dict[int, list[tuple[str, str]]] = {}
    for g, keys in best.items():
        if not keys:
            out[g] = []
            continue
        cand = vectors[[row[shown[(g, k)]] for k in keys]]
        centre = l2_normalise(np.asarray(centres[g], dtype=np.float32).reshape(1, -1))[0]
        tfidf = np.array([scores[g][k] for k in keys])
        tfidf = tfidf / (tfidf.max() or 1.0)
        length = np.array([min(len(k.split()), 3) - 1 for k in keys])
        relevance = cand @ centre + CTFIDF_WEIGHT * tfidf + LENGTH_BONUS * length
        out[g] = [(keys[i], shown[(g, keys[i])]) for i in mmr(cand, relevance, len(keys), MMR_DIVERSITY)]
    return out


def _word_ends(found: Mapping[int, dict[str, Phrase]]) -> dict[str, tuple[int, int, int]]:
    """Per word, over every group's texts: (uses, uses that end a clause, uses followed by an article, "to" or "more")."""
    openers = complement_openers()
    ends: dict[str, tuple[int, int, int]] = {}
    for phrases in found.values():
        for key, phrase in phrases.items():
            if " " not in key:
                uses, final, opened = ends.get(key, (0, 0, 0))
                ends[key] = (
                    uses + sum(phrase.after.values()),
                    final + phrase.after[""],
                    opened + sum(n for word, n in phrase.after.items() if word in openers),
                )
    return ends


@lru_cache(maxsize=1)
def _consultation_words() -> frozenset[str]:
    """The project's consultation stopwords of es/pt/en, folded ("gobierno", "propuesta"): left out of names, but a
    name's neighbour all the same."""
    return frozenset(fold(w) for lang in ("es", "pt", "en") for w in boilerplate_stopwords(lang))


_BETWEEN = frozenset({"entre", "between"})
_AND = frozenset({"y", "e", "and", "o", "ou", "or"})


def _cut_short(phrase: Phrase, ends: Mapping[str, tuple[int, int, int]], is_stopword: Callable[[str], bool]) -> bool:
    """Whether the phrase stops before its sense does (see ``TRUNCATED_SHARE``): nearly always followed or preceded by
    one same content word, or ending in a word that takes an object or a complement."""
    uses = sum(phrase.after.values())
    consultation = _consultation_words()
    for neighbours in (phrase.after, phrase.before):
        # A consultation's own words count: "abierto" nearly always after "gobierno" is a piece of "gobierno abierto".
        same = max((n for word, n in neighbours.items() if word and (not is_stopword(word) or word in consultation)), default=0)
        if uses >= TRUNCATED_MIN and same >= TRUNCATED_SHARE * uses:
            return True
    # A phrase that ends in a preposition and a word that names no thing ("ao longo"), never ends a clause
    # and is always followed by "de"/"do"/"of": a locution without its complement, "Biomassa brasileira ao longo" [da
    # cadeia] (PNDBio 2025). "Garantizar la seguridad" [de las personas] ends in a noun: it names a thing.
    words = phrase.key.split()
    # "Between" takes two: «Igualdad entre hombres» [y mujeres] (claim check 84) stops before its sense does.
    between = next((i for i, w in enumerate(words[:-1]) if w in _BETWEEN), None)
    if between is not None and not any(w in _AND for w in words[between + 1 :]):
        return True
    # The verb after a modal takes an object: «March On should prioritize» [...] (claim check 92, Pol.is march-on).
    if len(words) >= 2 and words[-2] in modals():
        return True
    if (
        len(words) >= 3
        and is_stopword(words[-2])
        and uses >= TRUNCATED_MIN
        and not phrase.after[""]
        and all(word in complement_linkers() for word, n in phrase.after.items() if n)
        and not known_noun(words[-1])
    ):
        return True
    seen, final, opened = ends.get(phrase.key.rsplit(" ", 1)[-1], (0, 0, 0))
    return seen >= DANGLING_MIN and final < DANGLING_SHARE * seen and opened >= OPENED_SHARE * seen


def _points_outside(key: str) -> bool:
    """Whether the phrase holds a demonstrative ("importancia de este concepto", Chile 2016): it names what the reader
    of the report does not see (the prompt, an earlier sentence)."""
    return not demonstratives().isdisjoint(key.split())


def _without_widespread(found: dict[int, dict[str, Phrase]]) -> dict[int, dict[str, Phrase]]:
    """Each group's candidates less those that name the whole consultation rather than the group: a phrase (or one
    inside a longer candidate: "Bowling Green" in "Bowling Green needs") used in at least ``WIDESPREAD_SHARE`` of the
    groups ("Mudanças climáticas" across a climate plan's topics). A group left with nothing keeps its candidates."""
    if len(found) < WIDESPREAD_MIN_GROUPS:
        return found
    spread = Counter(k for phrases in found.values() for k in phrases)
    floor = max(WIDESPREAD_MIN_GROUPS, math.ceil(WIDESPREAD_SHARE * len(found)))
    widespread = {k for k, n in spread.items() if n >= floor}
    if not widespread:
        return found

    def names_all(key: str) -> bool:
        # A widespread word inside a longer phrase is fine ("ambiental" in "educação ambiental"); a widespread phrase is not.
        words = key.split()
        return key in widespread or any(" ".join(words[i:j]) in widespread for i in range(len(words)) for j in range(i + 2, len(words) + 1))

    out = {}
    for g, phrases in found.items():
        kept = {k: p for k, p in phrases.items() if not names_all(k)}
        out[g] = kept or phrases
    return out


def unique_names(ranked: Mapping[int, list[tuple[str, str]]], order: Sequence[int], fallback: Callable[[int], str]) -> dict[int, str]:
    """One name per group (as written), unique without case or accents: greedily, in ``order`` (largest first)."""
    used: set[str] = set()
    names: dict[int, str] = {}
    for g in order:
        for key, shown in ranked.get(g, []):
            if key not in used:
                names[g] = shown
                used.add(key)
                break
        else:
            name, i = fallback(g), 2
            while fold(name) in used:
                name, i = f"{fallback(g)} ({i})", i + 1
            names[g] = name
            used.add(fold(name))
    return names
