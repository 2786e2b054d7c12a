"""Vehicle licence plates of the es/pt/en countries.

Plates have no check digit. Shapes that ordinary text almost never has count
on their own when written in capitals: Brazil's Mercosul plate (``BRA2E19``),
Argentina's (``AE 123 CD``), the British one (``AB12 CDE``) and Chile's with
its middle dot (``BBBB·12``, ``AB·1234``). Any other letter-and-digit code
(Chile ``BCDF12``, older Brazil ``ABC-1234``, Mexico ``ABC-123-D``, Peru,
Colombia, the US) counts only after a cue word ("patente", "placa",
"matrícula", "plate", "registration"), in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["find_plates"]

_END = r"(?![\w-])"
_START = r"(?<![\w-])"
_SHAPES = re.compile(
    rf"{_START}(?:"
    r"[A-Z]{3}[ -]?\d[A-Z]\d{2}"  # Brazil Mercosul BRA2E19
    r"|A[A-H][ ]?\d{3}[ ]?(?!KM|KG|MT|MM|CM|HA|UF|US|MW|KW)[A-Z]{2}"  # Argentina Mercosur AB 123 CD (from 2016: AA...)
    r"|[A-Z]{2}\d{2}[ ][A-Z]{3}"  # United Kingdom AB12 CDE
    r"|[BCDFGHJKLPRSTVWXYZ]{4}[·•]\d{2}"  # Chile BBBB·12
    r"|[A-Z]{2}[·•]\d{2}[·•]?\d{2}"  # Chile AB·1234, AB·12·34
    rf"){_END}"
)
# Words that look like a Mercosur/UK shape but are codes of another kind.
_NOT_PLATE = re.compile(r"(?:ISO|NBR|ABNT|COVID|SARS|CO2|PM\d|ODS|SDG|PL|PEC|LEI|HB|SB|HR|BR)(?=[ -]?\d)", re.ASCII)

_CUE = re.compile(
    r"(?i)\b(?:placa[ \t]+(?:do|del|de)[ \t]+(?:carro|auto|ve[íi]culo|moto|coche)|patentes?|placas?|matr[íi]culas?|"
    r"plates?|license[ \t]+plate|licence[ \t]+plate|registration[ \t]+(?:number|no\.?|plate|mark))\b"
)
# After a cue: a code of 5 to 8 letters and digits with both kinds, maybe split by a space, dash or dot.
_CODE = re.compile(
    r"[ \t]*(?:(?i:n[º°o]\.?|nro\.?|n[úu]mero|number|es|é|is|do|da|de|del|of)[ \t]*)*[:#]?[ \t]*"
    r"(?P<code>[A-Za-z0-9]{1,4}(?:[ ·.\-]?[A-Za-z0-9]{1,4}){1,2})(?![\w])"
)


def find_plates(text: str) -> Iterator[tuple[int, int]]:
    """Spans of licence plates in ``text`` (overlaps possible)."""
    for m in _SHAPES.finditer(text):
        if not _NOT_PLATE.match(m.group()):
            yield m.start(), m.end()
    for cue in _CUE.finditer(text):
        m = _CODE.match(text, cue.end())
        if m is None:
            continue
        # A lower-case word after the code is the sentence going on ("BCDF12 es del vecino").
        end = m.end("code")
        while True:
            tail = re.search(r"[ ·.\-]([a-z]+)$", text[m.start("code") : end])
            if tail is None or not any(c.isupper() or c.isdigit() for c in text[m.start("code") : end - len(tail.group())]):
                break
            end -= len(tail.group())
        code = re.sub(r"[^A-Za-z0-9]", "", text[m.start("code") : end])
        # Letters and digits both, in the code itself ("for all 16" is words and a number).
        if 5 <= len(code) <= 8 and re.search(r"\d", code) and re.search(r"[A-Za-z]", code):
            yield m.start("code"), end
