"""Stable pseudonyms for identifiers that are personal data.

An analyst may pick an e-mail column as ``--id-column`` or a phone column as a segment.
Published files then carry a keyed hash of each value instead (``p-3f9a1c2b7e4d``): the same
value always gets the same pseudonym under one key, so quotes stay traceable, and only
whoever holds the key (kept in the run's ``state/``) can link a pseudonym back to a value by
recomputing it. ``comments.*`` keeps the original next to the pseudonym for the analyst.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Iterable

import pandas as pd

from consultnlp.privacy.detectors import PII_KINDS, find_pii

# Kinds that make an identifier or a segment value personal: contact data and national ids. A region
# called "Santa Cruz" may look like a name; names and addresses are left to the redaction of texts.
IDENTIFYING_KINDS = tuple(k for k in PII_KINDS if k not in ("NAME", "ADDRESS"))
# A cell of digits and phone punctuation with this many digits is a phone or an id number.
_NUMBER_LIKE = re.compile(r"^\+?[\d\s().\-/]+$")
MIN_DIGITS = 8
# A column is personal when this share of its distinct values is; one stray value does not make it so.
MIN_SHARE = 0.2
SAMPLE = 2_000
PREFIX = "p-"
HASH_CHARS = 12


def new_key() -> str:
    """A random key (hex), kept in ``state/`` beside the run."""
    return secrets.token_hex(32)


def is_personal_value(value: str) -> bool:
    """Whether a cell holds an e-mail, a phone or an identity number (most of the cell)."""
    text = str(value).strip()
    if not text:
        return False
    if _NUMBER_LIKE.match(text) and sum(ch.isdigit() for ch in text) >= MIN_DIGITS:
        return True
    found = find_pii(text, kinds=IDENTIFYING_KINDS)
    return sum(m.end - m.start for m in found) >= 0.5 * len(text)


def holds_personal_data(values: Iterable[object]) -> bool:
    """Whether a column (ids, or a segment) holds personal data: at least ``MIN_SHARE`` of a sample of its distinct values."""
    distinct = pd.unique(pd.Series(list(values), dtype=object).astype(str).str.strip())
    distinct = [v for v in distinct[:SAMPLE] if v]
    if not distinct:
        return False
    return sum(is_personal_value(v) for v in distinct) >= MIN_SHARE * len(distinct)


def pseudonym(value: str, key: str) -> str:
    """``p-`` and the first 12 hex characters of HMAC-SHA256(key, value)."""
    digest = hmac.new(bytes.fromhex(key), str(value).encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
    return PREFIX + digest[:HASH_CHARS]


def pseudonymise(values: pd.Series | pd.Index, key: str) -> list[str]:
    """The pseudonym of every value (blank values stay blank)."""
    cache: dict[str, str] = {}
    out = []
    for value in values:
        text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
        if text.strip() == "":
            out.append(text)
            continue
        if text not in cache:
            cache[text] = pseudonym(text, key)
        out.append(cache[text])
    return out
