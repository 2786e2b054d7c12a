"""Text helpers shared by stages and the topic and theme code (no pipeline imports here)."""

from __future__ import annotations

import re
import unicodedata

# Combining Diacritical Marks, the block NFKD splits Latin accents into.
_LATIN_MARKS = re.compile("[\u0300-\u036f]")


def strip_accents(text: str) -> str:
    """``text`` in NFKD with its combining marks removed ("Ação" -> "Acao").

    Latin accents go in one regex pass; only text still holding non-ASCII characters
    after that (other scripts) is checked character by character, which is 3x slower.
    """
    decomposed = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text))
    if decomposed.isascii():
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
