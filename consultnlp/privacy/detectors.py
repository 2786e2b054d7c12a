"""Find and redact personal data in Spanish, Portuguese and English comments.

Rule-based and offline. Identity numbers count only when their check digits
validate, or right after their cue word when the number has no check digit
(:mod:`~consultnlp.privacy.identifiers`), so the ordinary numbers of a
consultation (years, amounts, law numbers) are left alone. E-mails and phones
are in :mod:`~consultnlp.privacy.contact`, addresses in
:mod:`~consultnlp.privacy.addresses`, names in :mod:`~consultnlp.privacy.names`.
This module resolves overlaps between them and replaces what is kept.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from consultnlp.privacy.accounts import find_bank_accounts
from consultnlp.privacy.addresses import find_addresses
from consultnlp.privacy.contact import find_emails, find_phones, find_spelled_phones
from consultnlp.privacy.identifiers import find_identifiers
from consultnlp.privacy.names import find_names
from consultnlp.privacy.normalise import normalise
from consultnlp.privacy.online import find_handles, find_url_values
from consultnlp.privacy.plates import find_plates
from consultnlp.registry import Registry

__all__ = ["KINDS", "PII_KINDS", "PiiKind", "PiiMatch", "find_pii", "redact_text", "unknown_kind"]


@dataclass(frozen=True)
class PiiKind:
    """A kind of personal data the detectors find. When spans overlap the higher ``rank`` wins, then the longer span,
    then a span whose own cue word ("CPF", "CUIT" ...) precedes it. An e-mail can contain digits that look like an ID;
    a validated ID is stronger evidence than a phone shape. A number right after "RG" or "cédula" is as strong as a
    check digit (a São Paulo RG is shaped like a RUT, a Uruguayan CI too: the cue word then decides); after "DNI" it
    is weaker. The report names each kind in its language (``consultnlp.i18n.PII_KINDS``)."""

    name: str
    rank: int


# Every kind, registered once: the redact settings, the stage's check and the tables read this registry.
KINDS: Registry[PiiKind] = Registry("personal-data kind")
for _name, _rank in (
    ("EMAIL", 5),
    ("PHONE", 2),
    ("CPF", 4),
    ("CNPJ", 4),
    ("RUT", 4),
    ("CUIT", 4),
    ("DNI", 3),
    ("CURP", 4),
    ("RFC", 4),
    ("ADDRESS", 1),
    ("NAME", 1),
    ("CARD", 4),
    ("IBAN", 4),
    ("NIT", 4),
    ("RUC", 4),
    ("RG", 4),
    ("PIS", 4),
    ("VOTER_ID", 4),
    ("CNH", 4),
    ("INE", 4),
    ("CI", 4),
    ("BANK_ACCOUNT", 4),
    ("PLATE", 2),
    ("HANDLE", 3),
):
    KINDS.register(PiiKind(_name, _rank))
PII_KINDS = KINDS.names()
_RANK = {kind.name: kind.rank for kind in KINDS.values()}


@dataclass(frozen=True)
class PiiMatch:
    """One span of personal data: ``text[start:end]`` is of ``kind`` (one of ``PII_KINDS``)."""

    start: int
    end: int
    kind: str


_DIGIT = re.compile(r"\d")


# ---------------------------------------------------------------- public API
def unknown_kind(kinds: Collection[str]) -> str:
    """What is wrong with the first of ``kinds`` nobody registered ("" when all are known), with the valid kinds."""
    unknown = [kind for kind in kinds if kind not in KINDS]
    return f"unknown personal-data kind {unknown[0]!r}. Valid kinds: {', '.join(PII_KINDS)}." if unknown else ""


def _check_kinds(kinds: Collection[str] | None) -> frozenset[str]:
    if kinds is None:
        return frozenset(PII_KINDS)
    wanted = frozenset([kinds] if isinstance(kinds, str) else kinds)
    if problem := unknown_kind(sorted(wanted)):
        raise ValueError(f"kinds: {problem}")
    return wanted


def _candidates(text: str) -> Iterator[tuple[int, int, str, int]]:
    """Every (start, end, kind, cue_bonus) any detector proposes, overlaps included."""
    for start, end in find_emails(text):
        yield start, end, "EMAIL", 0
    for start, end in find_handles(text):
        yield start, end, "HANDLE", 0
    if _DIGIT.search(text):
        yield from find_identifiers(text)
        for start, end in find_bank_accounts(text):
            yield start, end, "BANK_ACCOUNT", 0
        for start, end in find_phones(text):
            yield start, end, "PHONE", 0
        for start, end in find_addresses(text):
            yield start, end, "ADDRESS", 0
        for start, end in find_plates(text):
            yield start, end, "PLATE", 0
        for start, end in find_spelled_phones(text):
            yield start, end, "PHONE", 0
    for start, end in find_names(text):
        yield start, end, "NAME", 0


def _all_candidates(text: str) -> Iterator[tuple[int, int, str, int]]:
    """Candidates found on the normalised text, as spans of the original ``text``."""
    normalised, offsets = normalise(text)
    if offsets is None:
        yield from _candidates(text)
    else:
        for start, end, kind, bonus in _candidates(normalised):
            yield (*offsets.span(start, end), kind, bonus)
    # A link's query string is read as written: decoding "%20" would split the link.
    for start, end, kind in find_url_values(text):
        yield start, end, kind, 1


def find_pii(text: str, *, kinds: Collection[str] | None = None) -> list[PiiMatch]:
    """Personal data in ``text`` as sorted, non-overlapping matches, restricted to ``kinds`` (default: all).

    Detectors run on ``text`` with full-width forms, percent-escapes and invisible
    characters undone (:mod:`~consultnlp.privacy.normalise`); the spans returned
    are those of ``text`` as given, so redaction removes what a reader sees.
    Overlaps are resolved over all kinds before filtering, so a CPF is never
    reported as a phone even when only ``kinds=["PHONE"]`` is asked for.
    Raises ``ValueError`` for a kind not in ``PII_KINDS``.
    """
    wanted = _check_kinds(kinds)
    ranked = sorted(_all_candidates(text), key=lambda c: (-_RANK[c[2]], c[0] - c[1], -c[3], c[0]))
    chosen: list[PiiMatch] = []
    for start, end, kind, _ in ranked:
        if start < end and not any(start < m.end and m.start < end for m in chosen):
            chosen.append(PiiMatch(start, end, kind))
    return sorted((m for m in chosen if m.kind in wanted), key=lambda m: m.start)


def redact_text(text: str, *, kinds: Collection[str] | None = None) -> tuple[str, dict[str, int]]:
    """``text`` with each match replaced by ``[KIND]`` (e.g. ``[CPF]``), and the count of each kind found."""
    matches = find_pii(text, kinds=kinds)
    counts: dict[str, int] = {}
    parts: list[str] = []
    pos = 0
    for m in matches:
        parts.append(text[pos : m.start])
        parts.append(f"[{m.kind}]")
        pos = m.end
        counts[m.kind] = counts.get(m.kind, 0) + 1
    parts.append(text[pos:])
    return "".join(parts), counts
