"""Cleaning a comment's text: Unicode NFC, markup removal, whitespace repair, junk and keyboard-mash checks."""

from __future__ import annotations

import html
import re
import unicodedata

from consultnlp.text import strip_accents

_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
# Zero-width characters and C0/C1 controls except tab and newline.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_NEWLINES = re.compile(r"\s*\n\s*(?:\n\s*)+")
LETTER = re.compile(r"[^\W\d_]")

# Text that is not language: fillers, tests and keyboard runs (compared after normalise_key). Placeholders
# that are language ("sin comentarios", "ver anexo") are non-answers: see consultnlp/nonanswers.py.
JUNK_PHRASES = frozenset(
    {
        "x",
        "xx",
        "xxx",
        "xxxx",
        "xxxxx",
        "teste",
        "test",
        "testing",
        "prueba",
        "pruebas",
        "lorem ipsum",
        "foo",
        "asdf",
        "asdfg",
        "asdfgh",
        "asd",
        "qwerty",
        "qwer",
        "zxcv",
        "...",
        "-",
        ".",
        "?",
        "!",
    }
)
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjklñ", "zxcvbnm")
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


def normalise_text(text: str, *, strip_html: bool = True) -> str:
    """NFC, no markup, no invisible characters, single spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text)
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
        if len(word) >= 4 and not re.search(r"[aeiouáéíóúâêôãõàüy]", word):
            return True
        if len(word) >= 4 and any(word in row or word in row[::-1] for row in _KEYBOARD_ROWS):
            return True
    return False


def is_junk(text: str) -> bool:
    """A non-answer or placeholder rather than a contribution."""
    key = normalise_key(text)
    return key in JUNK_PHRASES or not LETTER.search(text) or is_keyboard_mash(text) or bool(_SPREADSHEET_ERROR.match(text.strip()))


def truncate_at_word(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", 0, max_chars)
    return text[: cut if cut > max_chars * 0.8 else max_chars].rstrip() + " …"
