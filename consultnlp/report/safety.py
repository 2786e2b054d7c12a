"""Citizen text is data, never code.

Spreadsheet programs execute a cell that starts with ``=``, ``+``, ``-`` or
``@`` (and some read a leading tab or carriage return the same way). We prefix
such cells with an apostrophe, the usual formula-injection defence; plain
numbers like ``-5`` are left alone because they cannot run anything.
"""

from __future__ import annotations

import re

import pandas as pd

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?$")
# Control characters (invalid in XML, so in SVG and DOCX) and bidirectional overrides,
# which can make a published quote display differently from what it says.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` without control characters or bidi overrides (tabs and line breaks kept, CR LF made LF)."""
    return _UNPRINTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def neutralise_cell(value: object) -> object:
    """Return ``value`` made safe for a spreadsheet cell."""
    if isinstance(value, str) and value.startswith(_DANGEROUS_START) and not _PLAIN_NUMBER.match(value.strip()):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell neutralised (column names too)."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            # A list keeps mixed ints/floats as they are (Series.map would infer float64).
            out[col] = pd.Series([neutralise_cell(v) for v in out[col]], index=out.index, dtype=object)
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out
