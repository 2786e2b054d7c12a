"""Words of a comment for cue matching: folded, with their sentence, clause, and whether they sit in a question or a quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

from consultnlp.text import fold

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[?¿!¡.;:,«»\"“”„()\[\]…]|\n", re.UNICODE)
SENTENCE_END = frozenset(".!?;…\n")
CLAUSE_END = frozenset(",:()[]")
OPEN_QUOTES = {"«": "»", "“": "”", "„": "“"}
TAG_QUESTION_WORDS = 3  # "..., isn't it?", "..., ¿no?", "..., não é?": only this short last clause is the question
WHOLE_QUOTE_SHARE = 0.8  # a comment wrapped in quotes as a whole is the author's own text
# English contractions, so that "don't support" is read as "do not support".
_CONTRACTIONS = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "i'm": ("i", "am"),
    "let's": ("let", "us"),
}
_SUFFIXES = (("n't", ("not",)), ("'re", ("are",)), ("'ve", ("have",)), ("'ll", ("will",)), ("'d", ("would",)), ("'m", ("am",)))
_IS_BEFORE = frozenset({"it", "that", "there", "he", "she", "what", "this", "who"})


@dataclass
class Token:
    word: str  # folded word, or "" for punctuation
    punct: str
    start: int
    end: int


@dataclass
class Word:
    """A folded word with where it sits."""

    text: str
    start: int
    end: int
    sentence: int
    clause: int
    question: bool = False
    quoted: bool = False  # inside quotation marks or parentheses: someone else's words, or an aside


def unit_start(found: list[Word], k: int, unit: str = "clause") -> int:
    """Index of the first word of ``found[k]``'s ``unit`` ("clause" or "sentence")."""
    first = k
    while first > 0 and getattr(found[first - 1], unit) == getattr(found[k], unit):
        first -= 1
    return first


def adverb(word: str) -> bool:
    """A folded word in -mente / -ly, longer than five letters: "rotundamente", "veementemente", "wholeheartedly"."""
    return len(word) > 5 and word.endswith(("mente", "ly"))


def _expand(word: str) -> tuple[str, ...]:
    word = word.replace("’", "'")
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    for suffix, parts in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            return (("can" if stem == "ca" else "will" if stem == "wo" else stem), *parts)
    if word.endswith("'s"):
        stem = word[:-2]
        return (stem, "is") if stem in _IS_BEFORE else (stem,)
    return (word,)


def tokenize(text: str) -> list[Token]:
    """Folded words (English contractions expanded) and the punctuation that separates sentences, clauses and quotes."""
    out: list[Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if raw[0].isalnum():
            for part in _expand(fold(raw)):
                out.append(Token(part, "", match.start(), match.end()))
        else:
            out.append(Token("", raw, match.start(), match.end()))
    return out


def words(text: str) -> list[Word]:
    """The words of ``text`` with their sentence and clause numbers, question and quote flags.

    Words in parentheses count as quoted: in group reports "(Desacuerdo)" annotates a point, it is no statement."""
    tokens = tokenize(text)
    out: list[Word] = []
    sentence = clause = 0
    quote_close: str | None = None
    parentheses = 0
    opened_question: int | None = None  # index in ``out`` where a "¿" opened
    sentence_first = 0
    questions: list[tuple[int, int]] = []  # (first, last+1) word ranges that are questions

    def end_sentence(mark: str) -> None:
        nonlocal sentence, clause, sentence_first, opened_question
        if mark == "?" and len(out) > sentence_first:
            questions.append(_question_range(out, sentence_first, opened_question))
        opened_question = None
        sentence += 1
        clause += 1
        sentence_first = len(out)

    for token in tokens:
        if token.word:
            out.append(Word(token.word, token.start, token.end, sentence, clause, quoted=quote_close is not None or parentheses > 0))
            continue
        mark = token.punct
        if mark in "()":
            parentheses = max(0, parentheses + (1 if mark == "(" else -1))
        if mark == "¿":
            opened_question = len(out)
            clause += 1
        elif mark in SENTENCE_END:
            end_sentence(mark)
        elif mark in CLAUSE_END:
            clause += 1
        elif quote_close is not None and mark == quote_close:
            quote_close = None
            clause += 1
        elif mark in OPEN_QUOTES or mark == '"':
            quote_close = OPEN_QUOTES.get(mark, '"')
            clause += 1
    for first, last in questions:
        for word in out[first:last]:
            word.question = True
    if out and sum(w.quoted for w in out) >= WHOLE_QUOTE_SHARE * len(out):
        for word in out:
            word.quoted = False
    return out


def _question_range(out: list[Word], first: int, opened: int | None) -> tuple[int, int]:
    """The words of a sentence ending in "?" that form the question: from an opening "¿", else a short last
    clause (a tag question), else the whole sentence."""
    if opened is not None:
        return opened, len(out)
    last_clause = out[-1].clause
    tail = [i for i in range(first, len(out)) if out[i].clause == last_clause]
    if out[first].clause != last_clause and len(tail) <= TAG_QUESTION_WORDS:
        return tail[0], len(out)
    return first, len(out)
