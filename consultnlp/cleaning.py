"""Cleaning a comment's text: Unicode NFC, markup removal, whitespace repair, junk and keyboard-mash checks."""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from consultnlp.resources import project_path, word_list
from consultnlp.text import strip_accents

if TYPE_CHECKING:
    import pandas as pd

_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
# Zero-width characters and C0/C1 controls except tab and newline.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_NEWLINES = re.compile(r"\s*\n\s*(?:\n\s*)+")
LETTER = re.compile(r"[^\W\d_]")

# Text that is not language: fillers, tests and keyboard runs (compared after normalise_key; ``data/nonanswers/junk.txt``).
# Placeholders that are language ("sin comentarios", "ver anexo") are non-answers: see consultnlp/nonanswers.py.
JUNK_PHRASES = frozenset(word_list(project_path("data", "nonanswers", "junk.txt")))
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjklñ", "zxcvbnm")
_LATIN_WORD = re.compile(r"[a-zà-ɏ]{3,}")
# A spreadsheet's error value exported as the cell's text, in any locale: #REF!, #DIV/0!, #NAME?, #¡VALOR!, #NOME?,
# #¿NOMBRE?, #N/A, #N/D. Upper case and closed by ! or ? (a hashtag, "#FueraCorruptos", is neither).
_SPREADSHEET_ERROR = re.compile(r"^#[¡¿]?[A-ZÁÉÍÓÚÑÇ0-9/_.]+[!?]$|^#N/[AD]$")


def strip_markup(text: str) -> str:
    """Drop HTML tags (and script/style contents), keep the words, decode entities."""
    if not _LOOKS_LIKE_HTML.search(text):
        return text
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    for br in soup.find_all(["br", "p", "div", "li", "tr"]):
        br.insert_after("\n")
    return html.unescape(soup.get_text(" "))


# A spreadsheet formula typed or pasted at the start of a cell: a DDE payload ("+cmd|' /C calc'!A0") is no one's words;
# a HYPERLINK formula shows its label (and keeps its address). The rest of the cell is the contribution.
_DDE_PAYLOAD = re.compile(r"^\s*[=+\-@]\s*[A-Za-z]+\s*\|\s*'[^']*'\s*!\s*[A-Za-z]*\d*\s*")
_HYPERLINK = re.compile(r'^\s*[=+@]\s*(?:HYPERLINK|HIPERVINCULO|HIPERLINK)\(\s*"([^"]*)"\s*[,;]\s*"([^"]*)"\s*\)\s*', re.IGNORECASE)


# A whole cell that is a spreadsheet function over cell references ("=BUSCARV(A2;Hoja2!A:B;2;FALSO)", "=SUM(B2:B9)"):
# a formula's source exported as text, never anyone's words. A cell reference is what tells it from "=a mí me parece(…)".
_FORMULA_SOURCE = re.compile(
    r"\s*=\s*[A-Za-z][A-Za-z0-9._]*\s*\((?=[^)]*(?:\b[A-Z]{1,3}\$?\d{1,7}\b|![A-Z$]|\b[A-Z]{1,3}:[A-Z]{1,3}\b)).*\)\s*"
)


def is_formula_source(text: str) -> bool:
    """Whether the whole cell is the source of a spreadsheet formula over cell references."""
    return bool(_FORMULA_SOURCE.fullmatch(text))


def strip_formula(text: str) -> str:
    """The cell's text without a formula at its start: a DDE payload dropped, a hyperlink formula as "label (address)"."""
    text = _DDE_PAYLOAD.sub("", text, count=1)
    return _HYPERLINK.sub(lambda m: f"{m.group(2)} ({m.group(1)}) " if m.group(2) else f"{m.group(1)} ", text, count=1)


def normalise_text(text: str, *, strip_html: bool = True) -> str:
    """NFC, no markup, no formula at the start, no invisible characters, single spaces, at most one blank line."""
    text = strip_formula(unicodedata.normalize("NFC", text))
    if strip_html:
        text = strip_markup(text)
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _SPACES.sub(" ", text)
    text = _NEWLINES.sub("\n\n", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def normalise_key(text: str) -> str:
    """A comparison key: lower case, no accents, no punctuation, single spaces."""
    folded = strip_accents(text.casefold())
    folded = re.sub(r"[^\w\s/.?!-]|_", " ", folded)
    folded = re.sub(r"\s+", " ", folded).strip()
    return folded if folded in JUNK_PHRASES else re.sub(r"[^\w\s]", "", folded).strip()


def is_keyboard_mash(text: str) -> bool:
    """True for 'jjjjjj', 'asdfasdf', 'kkkkk' style input: few distinct letters or keyboard runs, no real word."""
    letters = "".join(LETTER.findall(text.casefold()))
    if len(letters) < 4:
        return False
    if len(set(letters)) <= 2:
        return True
    words = re.findall(r"[^\W\d_]+", text.casefold())
    if len(words) > 2:
        return False
    for word in words:
        if not _LATIN_WORD.fullmatch(word):  # another script ("計程車", "такси") has no Latin vowels or keyboard rows to judge
            continue
        if len(word) >= 4 and not re.search(r"[aeiouáéíóúâêôãõàüy]", word):
            return True
        if len(word) >= 4 and any(word in row or word in row[::-1] for row in _KEYBOARD_ROWS):
            return True
    return False


# Keyboard mashing that no rule of thumb above catches ("tejisotjaoisjd", "test asdiofjasdoifj astest", 70 rows of an
# unseen Pol.is export) is told apart by its letters: words people write follow the letter pairs of their language.
GIBBERISH_LOG_PROB = -3.75  # mean log-probability of a letter pair below this: not es/pt/en (words: -2.2 to -3.7)
GIBBERISH_UNKNOWN = 0.75  # ... and at least this share of its words in no everyday-word list
GIBBERISH_LONGEST = 6  # ... with a word of at least this many letters ("Maipú", "AFP" are too short to judge)
GIBBERISH_ONE_WORD = 30  # one unknown "word" longer than this is no word ("buttonActivebuttonActive…")
GIBBERISH_MAX_WORDS = 40  # longer texts are left to the other checks


@lru_cache(maxsize=1)
def _letter_pairs() -> tuple[frozenset[str], dict[str, int], dict[str, int], int]:
    """The everyday words of es/pt/en (``data/names/common_words.txt.gz``) and their letter-pair counts."""
    from consultnlp.privacy.name_lists import load_gazetteer

    words = load_gazetteer().words
    pairs: Counter = Counter()
    starts: Counter = Counter()
    for word in words:
        padded = f"^{strip_accents(word)}$"
        pairs.update(padded[i : i + 2] for i in range(len(padded) - 1))
        starts.update(padded[:-1])
    return words, dict(pairs), dict(starts), len({ch for pair in pairs for ch in pair})


def is_gibberish(text: str) -> bool:
    """Latin-letter text whose words are mostly in no everyday-word list and whose letter pairs are unlike es/pt/en."""
    found = re.findall(r"[^\W\d_]+", text.casefold())
    words = [w for w in found if len(w) >= 3]
    if not words or len(found) > GIBBERISH_MAX_WORDS or not all(_LATIN_WORD.fullmatch(w) for w in words):
        return False
    lexicon, pairs, starts, alphabet = _letter_pairs()
    bare = [strip_accents(w) for w in words]
    unknown = sum(w not in lexicon and b not in lexicon for w, b in zip(words, bare)) / len(words)
    if unknown < GIBBERISH_UNKNOWN:
        return False
    if len(words) == 1 and len(words[0]) > GIBBERISH_ONE_WORD:
        return True
    if max(len(w) for w in words) < GIBBERISH_LONGEST:
        return False
    total, n = 0.0, 0
    for word in bare:
        padded = f"^{word}$"
        for i in range(len(padded) - 1):
            total += math.log((pairs.get(padded[i : i + 2], 0) + 1) / (starts.get(padded[i], 0) + alphabet))
            n += 1
    return total / n < GIBBERISH_LOG_PROB


def is_junk(text: str) -> bool:
    """A non-answer or placeholder rather than a contribution."""
    key = normalise_key(text)
    return (
        key in JUNK_PHRASES
        or key.startswith("lorem ipsum")  # a designer's filler text, whatever its length
        or not LETTER.search(text)
        or is_keyboard_mash(text)
        or bool(_SPREADSHEET_ERROR.match(text.strip()))
        or is_gibberish(text)
    )


def truncate_at_word(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", 0, max_chars)
    return text[: cut if cut > max_chars * 0.8 else max_chars].rstrip() + " …"


AT_LIMIT_MIN = 10  # texts of the longest length, at least this many ...
AT_LIMIT_SHARE = 0.02  # ... and this share of the analysed texts, the longest at least AT_LIMIT_CHARS: a platform's limit
AT_LIMIT_CHARS = 100


# A text that ends as a sentence does: its last mark closes it (a full stop, a bracket, a quote mark, an emoji aside).
_ENDED = re.compile(r"[.!?…)\]»”\"'’]\W*$")


def ends_whole(text: str) -> bool:
    """Whether ``text`` ends with a mark that closes a sentence: one as long as the platform's limit that does was
    probably written to fit it, not cut (claim check 92, Pol.is march-on: 54 of the 75 statements of 140 characters)."""
    return bool(_ENDED.search(text.rstrip()))


def at_length_limit(texts: pd.Series) -> dict[str, int]:
    """Where many texts are exactly as long as the longest, that is the platform's limit (claim check 81, Plano Clima: 81
    proposals of exactly 500 characters, some ending mid-word): how many, at what length, and how many of them end with
    no mark that closes a sentence (``unended``: those may have been cut); {} otherwise."""
    lengths = texts.str.len()
    if lengths.empty:
        return {}
    longest = int(lengths.max())
    at_limit = texts[lengths == longest]
    n = len(at_limit)
    if longest >= AT_LIMIT_CHARS and n >= AT_LIMIT_MIN and n >= AT_LIMIT_SHARE * len(texts):
        return {"n": n, "chars": longest, "unended": int((~at_limit.map(ends_whole)).sum())}
    return {}


# A contribution that says it is one part of a longer one, at its start or in brackets: «Parte 1/2:», «PARTE 2/2:», «(parte
# 1/4)», "Part 2 of 3" (claim check 85, PNDBio: 15 such rows, each counted and quoted as a contribution of its own); a
# part with no total («(Parte 2)»), a bare fraction heading it («2/3:», «… Verde (1/5):»), or a note that it goes
# on («(continua)») (claim check 93, PNDBio: "12 say they are part of a longer one", where 30 rows did). A tally is no
# part: «ACUERDO PARCIAL(14/2)», «(10/10) INSTITUCION QUE VELE…» (Chile 2016).
_PART = re.compile(
    r"(?:^\W*|\()(?:parte|part)\s*\d+(?:\s*(?:/|de|of)\s*\d+)?\b|^[^\w(]*[1-9]\d?\s*/\s*[1-9]\d?\s*[:–-]|\(\s*[1-9]\d?\s*/\s*[1-9]\d?\s*\)\s*:|"
    r"\((?:continua|continúa|continuação|continuacao|continuación|continuacion|continued|cont\.?|sigue|segue)\)\s*$",
    re.IGNORECASE,
)
MIN_PARTS = 2


def split_parts(texts: pd.Series) -> dict[str, int]:
    """How many of ``texts`` say they are one part of a longer contribution ({} under ``MIN_PARTS``)."""
    n = int(texts.astype(str).str.contains(_PART).sum())
    return {"n": n} if n >= MIN_PARTS else {}
