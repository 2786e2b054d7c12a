"""Text helpers shared across the package: accent folding, plural stripping, word tokens."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


def fold(text: str) -> str:
    """Lower case without accents."""
    return strip_accents(text.lower())


_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=500_000)  # a consultation repeats a small vocabulary: 3.8M calls for 178k comments
def plural_stem(token: str) -> str:
    """A crude plural stripper for folded es/pt/en tokens; only consistency between keyword and text matters."""
    if len(token) <= 3:
        return token
    if token.endswith("oes") or token.endswith("aes"):
        return token[:-3] + "ao"  # pt: licitacoes -> licitacao
    if len(token) > 4 and token[-3:] in ("ais", "eis", "ois"):
        return token[:-2] + "l"  # pt: ambientais -> ambiental, renovaveis -> renovavel
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"  # en: bodies -> body
    if token.endswith("es") and len(token) > 4 and token[-3] in "rlndzjsy":
        return token[:-2]  # es: ciudades -> ciudad, leyes -> ley
    if token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def surface_tokens(text: str, *, stem: bool = True) -> list[str]:
    """Folded, plural-stripped word tokens of ``text``, stopwords kept (``stem=False``: not plural-stripped, where the
    ending tells a verb from its noun: "works" is a judgement, "I work in housing" a fact)."""
    return [plural_stem(t) if stem else t for t in _NON_WORD.split(fold(text)) if t]


def word_stems(text: str, min_chars: int = 4) -> set[str]:
    """Stems of the words of ``min_chars`` letters or more (accents, case and plurals folded, six letters kept): enough
    to tell whether a quote uses a word of a name ("homeless" in "shelters for the homeless"; ``min_chars=3`` keeps
    "ley" and "tax"). The key-point matcher has its own, calibrated with it (``consultnlp.summary.matching.content_stems``:
    function words out, no plurals)."""
    return {plural_stem(w)[:6] for w in _NON_WORD.split(fold(text)) if len(w) >= min_chars}
