"""Personal data outside the comment text: whole columns, single segment values, column headers.

The text detectors (``find_pii``) look at one value at a time; here they decide about the
rest of a table. A column whose values are mostly e-mails, phones, national ids, IP
addresses or person names is personal whatever its header says (``personal_column``); a
segment value that holds personal data is shown as a placeholder (``public_segment_values``);
a header that holds personal data gets a neutral name (``personal_header``).
"""

from __future__ import annotations

import re
from typing import Iterable

import pandas as pd

from consultnlp.privacy.detectors import find_pii
from consultnlp.privacy.pseudonyms import IDENTIFYING_KINDS, is_personal_value

# Why a column is personal, by the kind most of its values are.
REASONS = {"EMAIL": "e-mails", "PHONE": "phone numbers", "IP": "IP addresses", "NAME": "person names", "ID": "national id numbers"}
# A column is personal when at least this share of its non-empty sampled cells is (a header alone never decides).
MIN_SHARE = 0.5
SAMPLE = 1_000
_IPV4 = re.compile(r"^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$")
_IPV6 = re.compile(r"^(?=.*:.*:)[0-9A-Fa-f:]{2,39}$")
# Cells this short cannot name a person, and longer ones are sentences, not a name.
_NAME_CHARS = (4, 60)
_NAME_WORDS = (2, 6)
PLACEHOLDER = "[{kind}]"
# Dates and times are long runs of digits too (30/09/2021, 2022-07-07 11:53:44), never anyone's number.
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
# A column of bare 10- or 13-digit numbers under a time header is Unix time (Pol.is' "timestamp"), not phones.
_TIME_HEADER = re.compile(r"time|date|fecha|data|hora|created|modified|updated|carimbo|marca", re.IGNORECASE)
_EPOCH = re.compile(r"^1\d{9}(?:\d{3})?$")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+(?:[eE][+-]?\d+)?")  # one decimal point and nothing else: 0.68, -1.5, 3.2e-05


def value_kind(value: object) -> str | None:
    """The kind of personal data a single cell is (``EMAIL``, ``PHONE``, ``ID``, ``IP``, ``NAME``), or None.

    A cell holds no sentence context, so a name is looked for in title case too ("juan pérez",
    "JUAN PÉREZ"); it must fill most of the cell and have two to six words.
    """
    text = str(value).strip()
    if not text:
        return None
    if _IPV4.match(text) or _IPV6.match(text):
        return "IP"
    if _DATE.match(text):
        return None
    if is_personal_value(text):
        found = find_pii(text, kinds=IDENTIFYING_KINDS)
        kind = found[0].kind if found else "PHONE"
        return kind if kind in ("EMAIL", "PHONE") else "ID"
    words = text.split()
    if (
        _NAME_CHARS[0] <= len(text) <= _NAME_CHARS[1]
        and _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1]
        and not any(ch.isdigit() for ch in text)
    ):
        for candidate in {text, text.title()}:
            covered = sum(m.end - m.start for m in find_pii(candidate, kinds=["NAME"]))
            if covered >= 0.6 * len(text):
                return "NAME"
    return None


def personal_column(values: Iterable[object], header: str = "") -> str | None:
    """Why a column is personal (``"e-mails"``, ``"person names"`` ...), or None: at least ``MIN_SHARE`` of
    a sample of its non-empty cells is one kind of personal data or another. The ``header`` only rules out
    Unix times (bare 10- or 13-digit numbers under a header that names a time)."""
    cells = pd.Series(list(values), dtype=object).dropna().astype(str).str.strip()
    cells = cells[cells != ""].head(SAMPLE)
    if cells.empty:
        return None
    if _TIME_HEADER.search(str(header)) and cells.str.match(_EPOCH).all():
        return None
    if _measurements(cells):
        return None
    kinds = pd.Series([value_kind(v) for v in pd.unique(cells)], index=pd.unique(cells), dtype=object)
    per_cell = cells.map(kinds)
    if per_cell.notna().sum() < MIN_SHARE * len(cells):
        return None
    return REASONS[str(per_cell.value_counts().index[0])]


def _measurements(cells: pd.Series) -> bool:
    """Whether a column holds numbers with a fractional part, as computed scores and shares are written (Pol.is'
    "group-informed-consensus": 0.6839080459770114): a phone or an id is never written with a decimal point alone
    (read 9: 317 such values were taken for phone numbers and replaced in the published tables and report)."""
    numbers = pd.to_numeric(cells.where(cells.str.fullmatch(_DECIMAL)), errors="coerce")
    return bool(numbers.notna().mean() >= MIN_SHARE and (numbers.dropna() % 1 != 0).any())


def text_kind(text: str) -> str | None:
    """The first kind of personal data in a short text (a header, a segment value), or None."""
    text = str(text)
    kind = value_kind(text)
    if kind is not None:
        return kind
    found = find_pii(text)
    return found[0].kind if found else None


def personal_header(name: str) -> bool:
    """Whether a column header holds personal data ("Canal (encargado Juan Pérez)", an e-mail ...)."""
    return text_kind(name) is not None


def neutral_header(position: int) -> str:
    """The name a personal header is given in every output (1-based position of the column in the input)."""
    return f"column_{position}"


def public_segment_values(frame: pd.DataFrame, columns: Iterable[str], *, skip: Iterable[str] = ()) -> tuple[pd.DataFrame, dict[str, int]]:
    """``frame`` with each segment value that holds personal data replaced by a placeholder (``[EMAIL]``);
    and the count of rows changed per column. Columns in ``skip`` (shown as pseudonyms) are left as they are.
    Returns ``frame`` itself when nothing changes."""
    skipped = set(skip)
    counts: dict[str, int] = {}
    out = frame
    for column in columns:
        if column in skipped or column not in frame:
            continue
        values = frame[column]
        distinct = pd.unique(values.dropna().astype(str))
        replace = {v: PLACEHOLDER.format(kind=k) for v in distinct if (k := text_kind(v)) is not None}
        if not replace:
            continue
        if out is frame:
            out = frame.copy()
        text = values.astype(object)
        mask = text.astype(str).isin(list(replace)) & values.notna()
        out[column] = text.where(~mask, text.astype(str).map(replace))
        counts[column] = int(mask.sum())
    return out, counts
