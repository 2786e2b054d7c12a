"""Citizen text is data, never code.

Spreadsheet programs execute a cell that starts with ``=``, ``+``, ``-`` or
``@`` (and some read a leading tab or carriage return the same way). We prefix
such cells with an apostrophe, the usual formula-injection defence; plain
numbers like ``-5`` are left alone because they cannot run anything.

Look-alikes count too: spreadsheet apps normalise some of them to the ASCII
sign (full-width ``＝＋－＠``, small forms ``﹦﹢﹣﹫``, superscripts), and the
minus sign, hyphens and heavy plus look the same to a reader. So does a sign
behind invisible characters (zero-width space, BOM, word joiner).
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_LONE_SIGNS = ("-", "+")  # a cell of one sign and nothing else: a placeholder ("-"), no formula
# Characters NFKC does not map to an ASCII sign but that read as one.
_LOOKALIKES = {
    "\u2212": "-",  # minus sign
    # Hyphens that are drawn like "-"; en and em dashes are left alone: they open quoted speech
    # in Spanish and Portuguese ("— Lucía, Tinogasta") and no spreadsheet reads them as a sign.
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2796": "-",
    "\u2795": "+",
    "\u2a72": "+",
    "\u229c": "=",
    "\u2a75": "=",
    "\u2a76": "=",
    "\uff5c": "|",
}
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?$")
# Control characters (invalid in XML, so in SVG and DOCX) and bidirectional overrides,
# which can make a published quote display differently from what it says.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` without control characters or bidi overrides (tabs and line breaks kept, CR LF made LF)."""
    return _UNPRINTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _ascii_start(value: str) -> str:
    """The first characters of ``value`` as a spreadsheet may read them: invisible ones dropped, look-alikes mapped."""
    head = value[:16]
    if head.isascii():
        return value  # nothing invisible, nothing a look-alike, and NFKC leaves ASCII as it is
    visible = "".join(c for c in head if unicodedata.category(c) != "Cf")
    return unicodedata.normalize("NFKC", visible).translate(_LOOKALIKE_TABLE) + value[16:]


def neutralise_cell(value: object) -> object:
    """Return ``value`` made safe for a spreadsheet cell: no control character or bidi override (a published table
    shows a quote as it reads), and no leading sign a spreadsheet would run as a formula."""
    if not isinstance(value, str):
        return value
    value = _UNPRINTABLE.sub("", value)
    if value.strip() in _LONE_SIGNS:
        return value  # a lone dash or plus runs nothing; escaped, «-» read «'-» in comments.csv (claim check 76)
    if value.startswith(_DANGEROUS_START) and not _PLAIN_NUMBER.match(value.strip()):
        return "'" + value
    read = _ascii_start(value)
    if read != value and read.startswith(_DANGEROUS_START) and not _PLAIN_NUMBER.match(read.strip()):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell neutralised (column names too)."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            # Each distinct text once: most columns repeat a few values (a language, a topic), and a 193,630-row
            # table has some 40 of them, written twice. A list keeps mixed ints/floats as they are (Series.map would
            # infer float64).
            done: dict[str, object] = {}
            cells = [(done[v] if v in done else done.setdefault(v, neutralise_cell(v))) if isinstance(v, str) else v for v in out[col]]
            out[col] = pd.Series(cells, index=out.index, dtype=object)
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out
