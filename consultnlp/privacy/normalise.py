"""Undo the disguises text picks up before detection, keeping a map back to the original.

Three things hide personal data from patterns written for plain text: compatibility
characters (full-width ``ｊｕａｎ＠ｍａｉｌ．ｃｏｍ``, non-breaking spaces), percent-encoding
(``juan%40mail.com`` copied from a URL) and invisible characters (zero-width spaces,
soft hyphens) typed or pasted inside a word. :func:`normalise` returns the text with
those undone and a :class:`OffsetMap` that turns a span of the normalised text back
into the span of the original, so redaction removes what the reader actually sees.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["OffsetMap", "normalise"]

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
# Runs of percent escapes, and single non-ASCII characters: the only places a change can happen.
# A letter with combining accents after it ("e" + U+0301) is composed as one.
_CANDIDATE = re.compile(r"(?:%[0-9A-Fa-f]{2})+|\w?[\u0300-\u036f]+|[^\x00-\x7f]")
_QUICK = re.compile(r"%[0-9A-Fa-f]{2}|[\u200b-\u200d\u2060\ufeff\u00ad\u180e]")


@dataclass(frozen=True)
class OffsetMap:
    """For each character of the normalised text, the start and end of what it came from in the original."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``[start, end)``."""
        if start >= end:
            return (self.starts[start] if start < len(self.starts) else self.ends[-1],) * 2
        return self.starts[start], self.ends[end - 1]


def _percent(run: str) -> str | None:
    """The text a run of ``%XX`` escapes stands for, or None when it is not UTF-8 text."""
    raw = bytes(int(run[i + 1 : i + 3], 16) for i in range(0, len(run), 3))
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # Only printable characters: "%0A" or "%00" in prose is not hiding an address.
    return decoded if decoded.isprintable() else None


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """``text`` with full-width and other compatibility forms (NFKC), percent-escapes and invisible
    characters undone, and the map back to ``text``; ``(text, None)`` when nothing changes."""
    if text.isascii():
        if "%" not in text:
            return text, None
    elif unicodedata.is_normalized("NFKC", text) and _QUICK.search(text) is None:
        return text, None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    changed = False
    for m in _CANDIDATE.finditer(text):
        token = m.group()
        if token[0] == "%":
            new = _percent(token)
            if new is not None:
                # A decoded "%25" stays a percent sign; decoding once is what browsers do.
                new = "".join("" if c in _INVISIBLE else unicodedata.normalize("NFKC", c) for c in new)
        elif token in _INVISIBLE:
            new = ""
        else:
            new = unicodedata.normalize("NFKC", token)
        if new is None or new == token:
            continue
        changed = True
        for i in range(pos, m.start()):
            starts.append(i)
            ends.append(i + 1)
        pieces.append(text[pos : m.start()])
        pieces.append(new)
        starts.extend([m.start()] * len(new))
        ends.extend([m.end()] * len(new))
        pos = m.end()
    if not changed:
        return text, None
    for i in range(pos, len(text)):
        starts.append(i)
        ends.append(i + 1)
    pieces.append(text[pos:])
    return "".join(pieces), OffsetMap(tuple(starts), tuple(ends))
