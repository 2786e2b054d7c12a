"""Bank account numbers outside IBAN: Mexican CLABE, Argentine CBU, and accounts after their cue words.

CLABE (18 digits) and CBU (22 digits) carry check digits, so a run that
validates counts wherever it is; a bare CLABE also needs a bank code Banxico
assigns, or the word "CLABE" nearby, because one run in ten of 18 digits
validates by chance. Brazilian "agência 1234-5, conta 67890-1", Chilean
"cuenta RUT" / "cuenta corriente", and English "account number" have no
shared check digit: the cue word decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from consultnlp.privacy.validators import is_valid_cbu, is_valid_clabe

__all__ = ["find_bank_accounts"]

_LEAD = r"(?<![\w+])(?<!\d[.,/-])"
_TAIL = r"(?!\d)(?![.,/-]\d)"
# 18 digits in one run, or grouped as banks print them (3 3 11 1, or fours).
_CLABE_RE = re.compile(rf"{_LEAD}\d(?:[ -]?\d){{17}}{_TAIL}")
_CBU_RE = re.compile(rf"{_LEAD}\d(?:[ -]?\d){{21}}{_TAIL}")
_LONG_NUMBER = re.compile(r"\d{3}[ -]?\d{3}")
# Checked on the lower-cased text: the cue words without which no account pattern can match.
_ACCOUNT_TRIGGER = re.compile(r"ag[êe.n ]|cuenta|conta|account|caja|sort|c/c|c\.c\.|\bcc\b|n[úu]mero")
_CLABE_CUE = re.compile(r"(?i)\bclabe\b|\bspei\b|\btransfer")
# The first three digits of a CLABE are the bank (Banxico's catalogue): the largest ones.
_CLABE_BANKS = frozenset(
    "002 006 009 012 014 019 021 030 036 037 042 044 058 059 060 062 072 102 103 106 108 110 112 113 116 124 "
    "127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 143 145 147 148 149 150 151 152 154 155 156 "
    "157 158 159 160 166 168 600 601 602 605 606 607 608 610 614 615 616 617 618 619 620 621 622 623 626 627 "
    "628 629 630 631 632 633 634 636 637 638 640 642 646 647 648 649 651 652 653 655 656 659 670 901 902".split()
)
_NUM = r"(?P<{name}>\d[\d.]{{2,14}}\d(?:[ ]?[-‐–][ ]?[\dxXkK])?|\d{{3,16}})(?![\d\w])"
_N = r"(?:[ \t]*(?i:n[º°o.]{1,2}|nro\.?|n[úu]m(?:ero)?\.?|number|#))?[ \t]*:?[ \t]*"
# Portuguese agência + conta (in either order) is one account; redact from the first number to the last.
_AGENCIA = r"(?i:ag[êe]ncia|ag\.|ag)"
_CONTA = r"(?i:conta(?:[ \t]+(?:corrente|poupan[çc]a|sal[áa]rio))?|c/c|c\.c\.|cc)"
_AG_CONTA_RE = re.compile(
    rf"\b{_AGENCIA}{_N}{_NUM.format(name='a')}[ \t]*[,;/e-]?[ \t]*(?:e[ \t]+)?{_CONTA}\b\.?{_N}{_NUM.format(name='b')}"
)
_ACCOUNT_RE = re.compile(
    r"(?i:\bconta[ \t]+(?:corrente|poupan[çc]a|sal[áa]rio|banc[áa]ria)|\bcuenta[ \t]+(?:corriente|vista|rut|"
    r"de[ \t]+ahorros?|bancaria|n[º°o]|nro)|\bcaja[ \t]+de[ \t]+ahorros?|\baccount[ \t]+(?:number|no\.?|#)|"
    r"\bbank[ \t]+account|\bsort[ \t]+code|\bn[úu]mero[ \t]+de[ \t]+(?:cuenta|conta))\b\.?"
    rf"{_N}{_NUM.format(name='b')}"
)


def find_bank_accounts(text: str) -> Iterator[tuple[int, int]]:
    """Spans of bank account numbers in ``text`` (overlaps possible)."""
    if _LONG_NUMBER.search(text):  # 18 or 22 digits always hold a run like "123 456" or "1234"
        yield from _checked_numbers(text)
    if _ACCOUNT_TRIGGER.search(text.lower()) is None:
        return
    for m in _AG_CONTA_RE.finditer(text):
        yield m.start("a"), m.end("b")
    for m in _ACCOUNT_RE.finditer(text):
        yield m.start("b"), m.end("b")


def _checked_numbers(text: str) -> Iterator[tuple[int, int]]:
    for m in _CBU_RE.finditer(text):
        if is_valid_cbu(m.group()):
            yield m.start(), m.end()
    for m in _CLABE_RE.finditer(text):
        if is_valid_clabe(m.group()) and (m.group()[:3] in _CLABE_BANKS or _CLABE_CUE.search(text, max(0, m.start() - 40), m.start())):
            yield m.start(), m.end()
