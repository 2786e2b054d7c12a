"""Check-digit validators for Latin American identity and tax numbers.

Every ``is_valid_<kind>`` accepts the number formatted (``529.982.247-25``) or
bare (``52998224725``) and returns ``False`` for anything else; none raises.
The ``*_check_digit(s)`` helpers compute the digits that make a base valid and
are what the test fakes (``tests/privacy/fakes.py``) build on.

IBAN, payment cards (Luhn), Colombian NIT, Peruvian RUC and Ecuadorian cédula
are checked with python-stdnum, which keeps the per-country IBAN formats and
these algorithms up to date; the rest are written here (python-stdnum has no
RG, PIS, título de eleitor, CNH, Uruguayan CI or INE clave de elector, and our
CUIT follows AFIP more strictly than it does). ``benchmarks/bench_redaction.py
--validators`` measures the agreement of the two where both exist.
"""

from __future__ import annotations

import datetime
import re

from stdnum import iban as _iban
from stdnum import luhn as _luhn
from stdnum.ar import cbu as _ar_cbu
from stdnum.co import nit as _co_nit
from stdnum.ec import ci as _ec_ci
from stdnum.pe import cui as _pe_cui
from stdnum.pe import ruc as _pe_ruc

__all__ = [
    "CARD_PREFIXES",
    "clabe_check_digit",
    "is_valid_cbu",
    "is_valid_clabe",
    "is_valid_pe_dni",
    "INE_STATES",
    "cnh_check_digits",
    "is_valid_card",
    "is_valid_cnh",
    "is_valid_ec_ci",
    "is_valid_iban",
    "is_valid_ine",
    "is_valid_nit",
    "is_valid_pis",
    "is_valid_rg_sp",
    "is_valid_ruc",
    "is_valid_uy_ci",
    "is_valid_voter_id",
    "pis_check_digit",
    "rg_sp_check_digit",
    "uy_ci_check_digit",
    "voter_id_check_digits",
    "cnpj_check_digits",
    "cpf_check_digits",
    "cuit_check_digit",
    "curp_check_digit",
    "is_valid_cnpj",
    "is_valid_cpf",
    "is_valid_cuit",
    "is_valid_curp",
    "is_valid_rfc",
    "is_valid_rut",
    "rfc_check_digit",
    "rut_check_digit",
    "CUIT_PREFIXES",
    "CURP_STATES",
]

# Separators people put inside these numbers; stripped before checking.
_SEPARATORS = re.compile(r"[\s.\-/‐‑–]")

# Prefixes AFIP assigns: 20/23/24/27 people, 30/33/34 companies.
CUIT_PREFIXES = ("20", "23", "24", "27", "30", "33", "34")

# RENAPO state codes in CURP positions 12-13 ("NE" = born abroad).
CURP_STATES = (
    "AS",
    "BC",
    "BS",
    "CC",
    "CL",
    "CM",
    "CS",
    "CH",
    "DF",
    "DG",
    "GT",
    "GR",
    "HG",
    "JC",
    "MC",
    "MN",
    "MS",
    "NT",
    "NL",
    "OC",
    "PL",
    "QT",
    "QR",
    "SP",
    "SL",
    "SR",
    "TC",
    "TS",
    "TL",
    "VZ",
    "YN",
    "ZS",
    "NE",
)

# Character values for the CURP check digit: 0-9 -> 0-9, A -> 10 ... N -> 23, Ñ -> 24, O -> 25 ... Z -> 36.
_CURP_ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
# Character values for the RFC check digit (SAT): like CURP but "&" sits where "Ñ" does,
# then space = 37 and Ñ = 38.
_RFC_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"

_CURP_RE = re.compile(r"[A-Z][AEIOUX][A-Z]{2}(\d{2})(\d{2})(\d{2})[HMX]([A-Z]{2})[B-DF-HJ-NP-TV-Z]{3}([0-9A-Z])(\d)")
# Homoclave: the SAT tables never emit 0 in the first two positions; the check digit is 0-9 or A.
_RFC_RE = re.compile(r"([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([1-9A-Z]{2})([0-9A])")


def _compact(s: str) -> str:
    return _SEPARATORS.sub("", s.strip()).upper()


def _mod11_dv(total: int) -> int:
    """The Brazilian rule: remainder < 2 gives 0, otherwise 11 - remainder."""
    r = total % 11
    return 0 if r < 2 else 11 - r


def cpf_check_digits(base: str) -> str:
    """The two check digits for the first nine digits of a CPF."""
    digits = [int(c) for c in base]
    dv1 = _mod11_dv(sum(d * w for d, w in zip(digits, range(10, 1, -1))))
    dv2 = _mod11_dv(sum(d * w for d, w in zip(digits + [dv1], range(11, 1, -1))))
    return f"{dv1}{dv2}"


def is_valid_cpf(s: str) -> bool:
    """True if ``s`` is a Brazilian CPF (11 digits) whose two check digits are right."""
    n = _compact(s)
    if len(n) != 11 or not n.isascii() or not n.isdigit():
        return False
    if n == n[0] * 11:  # 000.000.000-00, 111.111.111-11 ... pass the arithmetic but are never issued
        return False
    return cpf_check_digits(n[:9]) == n[9:]


def _cnpj_value(c: str) -> int:
    # Receita Federal's alphanumeric CNPJ (issued from July 2026) values a character as
    # its ASCII code minus 48, which leaves digits unchanged; so one rule serves both.
    return ord(c) - 48


def cnpj_check_digits(base: str) -> str:
    """The two check digits for the first twelve characters of a CNPJ."""
    values = [_cnpj_value(c) for c in base.upper()]
    w1 = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
    w2 = (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
    dv1 = _mod11_dv(sum(v * w for v, w in zip(values, w1)))
    dv2 = _mod11_dv(sum(v * w for v, w in zip(values + [dv1], w2)))
    return f"{dv1}{dv2}"


def is_valid_cnpj(s: str) -> bool:
    """True if ``s`` is a Brazilian CNPJ (14 characters, numeric or the new alphanumeric form) with valid digits."""
    n = _compact(s)
    if len(n) != 14 or not n.isascii() or not re.fullmatch(r"[0-9A-Z]{12}\d{2}", n):
        return False
    if n == n[0] * 14:
        return False
    return cnpj_check_digits(n[:12]) == n[12:]


def rut_check_digit(body: str) -> str:
    """The verifier (0-9 or K) of a Chilean RUT/RUN body."""
    total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(body)))
    dv = 11 - total % 11
    return {11: "0", 10: "K"}.get(dv, str(dv))


def is_valid_rut(s: str) -> bool:
    """True if ``s`` is a Chilean RUT/RUN (``12.345.678-5``, ``12345678-5``, ``12345678K``) with the right verifier."""
    n = _compact(s)
    body, dv = n[:-1], n[-1:]
    if not (1 <= len(body) <= 9) or not body.isascii() or not body.isdigit() or dv not in "0123456789K":
        return False
    if int(body) == 0:
        return False
    return rut_check_digit(body) == dv


def cuit_check_digit(base: str) -> str | None:
    """The check digit for the first ten digits of a CUIT/CUIL, or None when no digit fits.

    AFIP never issues a number whose computed digit would be 10; it changes the
    prefix (to 23, 24 or 34) instead, so such a base has no valid digit.
    (python-stdnum maps 10 to 9 leniently; we follow AFIP.)
    """
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    dv = 11 - sum(int(d) * w for d, w in zip(base, weights)) % 11
    if dv == 11:
        return "0"
    if dv == 10:
        return None
    return str(dv)


def is_valid_cuit(s: str) -> bool:
    """True if ``s`` is an Argentine CUIT/CUIL (``20-12345678-6``) with a known prefix and a valid check digit."""
    n = _compact(s)
    if len(n) != 11 or not n.isascii() or not n.isdigit() or n[:2] not in CUIT_PREFIXES:
        return False
    return cuit_check_digit(n[:10]) == n[10]


def _is_real_date(yy: str, mm: str, dd: str, century: int) -> bool:
    try:
        datetime.date(century + int(yy), int(mm), int(dd))
    except ValueError:
        return False
    return True


def curp_check_digit(base: str) -> str:
    """The check digit (position 18) for the first seventeen characters of a CURP (RENAPO algorithm)."""
    total = sum(_CURP_ALPHABET.index(c) * (18 - i) for i, c in enumerate(base.upper()))
    return str((10 - total % 10) % 10)


def is_valid_curp(s: str) -> bool:
    """True if ``s`` is a Mexican CURP: right structure, a real birth date, a state code and a valid check digit."""
    n = _compact(s)
    m = _CURP_RE.fullmatch(n)
    if m is None:
        return False
    yy, mm, dd, state, differentiator, _ = m.groups()
    if state not in CURP_STATES:
        return False
    # Position 17 is a digit for people born up to 1999 and a letter from 2000 on.
    century = 1900 if differentiator.isdigit() else 2000
    if not _is_real_date(yy, mm, dd, century):
        return False
    return curp_check_digit(n[:17]) == n[17]


def rfc_check_digit(base: str) -> str:
    """The check digit (last character) for an RFC without it: 11 chars (persona moral) or 12 (persona física).

    A company RFC is padded on the left with a space to twelve characters; the
    weights run 13 down to 2 and the result is mod 11 (10 is written "A").
    """
    padded = base.upper().rjust(12)
    total = sum(_RFC_ALPHABET.index(c) * (13 - i) for i, c in enumerate(padded))
    return _RFC_ALPHABET[(11 - total % 11) % 11]


def is_valid_rfc(s: str) -> bool:
    """True if ``s`` is a Mexican RFC (13 chars persona física, 12 moral) with a real date and valid check digit.

    The check digit is verified. python-stdnum reports that about 1.5 % of RFCs
    in use carry a wrong check digit; those are rejected here on purpose, since
    detection must not fire on arbitrary letter-and-digit codes.
    """
    n = _compact(s)
    m = _RFC_RE.fullmatch(n)
    if m is None:
        return False
    _, yy, mm, dd, _, _ = m.groups()
    # The century is not encoded; 29 February needs a leap year in either century,
    # and 2000 is a leap year, so checking against the 2000s is enough.
    if not _is_real_date(yy, mm, dd, 2000):
        return False
    return rfc_check_digit(n[:-1]) == n[-1]


# ---------------------------------------------------------------- checked with python-stdnum
# Issuer prefixes of the cards people in our countries carry (Visa, Mastercard, Amex,
# Diners, Discover, JCB, Elo, Hipercard, Cabal, Naranja). A Luhn-valid digit run
# with another prefix is more likely a reference number than a card.
CARD_PREFIXES = (
    "4",
    "51",
    "52",
    "53",
    "54",
    "55",
    "22",
    "23",
    "24",
    "25",
    "26",
    "27",
    "34",
    "37",
    "36",
    "38",
    "30",
    "6011",
    "65",
    "64",
    "35",
    "636368",
    "438935",
    "504175",
    "451416",
    "636297",
    "5067",
    "4576",
    "4011",
    "606282",
    "3841",
    "589657",
    "604",
)


def is_valid_card(s: str) -> bool:
    """True if ``s`` is a payment card number: 13-19 digits, a known issuer prefix, and a valid Luhn digit."""
    n = _compact(s)
    if not 13 <= len(n) <= 19 or not n.isascii() or not n.isdigit() or n == n[0] * len(n):
        return False
    return n.startswith(CARD_PREFIXES) and _luhn.is_valid(n)


def is_valid_iban(s: str) -> bool:
    """True if ``s`` is an IBAN with the right length and format for its country and a valid mod-97 check."""
    n = _compact(s)
    return n.isascii() and _iban.is_valid(n)


def is_valid_nit(s: str) -> bool:
    """True if ``s`` is a Colombian NIT (8-15 digits and a check digit, ``900.123.456-7``) with a valid check digit."""
    n = _compact(s)
    return 9 <= len(n) <= 16 and n.isascii() and n.isdigit() and int(n[:-1]) != 0 and _co_nit.is_valid(n)


def is_valid_ruc(s: str) -> bool:
    """True if ``s`` is a Peruvian RUC (11 digits starting 10, 15, 17 or 20) with a valid check digit."""
    n = _compact(s)
    return len(n) == 11 and n.isascii() and n.isdigit() and _pe_ruc.is_valid(n)


def is_valid_ec_ci(s: str) -> bool:
    """True if ``s`` is an Ecuadorian cédula (10 digits, a province code, a valid check digit)."""
    n = _compact(s)
    return len(n) == 10 and n.isascii() and n.isdigit() and _ec_ci.is_valid(n)


# ---------------------------------------------------------------- written here
def uy_ci_check_digit(base: str) -> str:
    """The check digit of a Uruguayan cédula de identidad for its (up to 7) base digits."""
    digits = [int(c) for c in base.rjust(7, "0")]
    total = sum(d * w for d, w in zip(digits, (2, 9, 8, 7, 6, 3, 4)))
    return str((10 - total % 10) % 10)


def is_valid_uy_ci(s: str) -> bool:
    """True if ``s`` is a Uruguayan CI (``1.234.567-2``, 6-7 digits and a check digit) with a valid check digit."""
    n = _compact(s)
    if not 7 <= len(n) <= 8 or not n.isascii() or not n.isdigit() or int(n[:-1]) < 100_000:
        return False
    return uy_ci_check_digit(n[:-1]) == n[-1]


def rg_sp_check_digit(base: str) -> str:
    """The check digit (0-9 or X) of a São Paulo RG for its eight base digits (weights 2-9, mod 11)."""
    r = 11 - sum(int(d) * w for d, w in zip(base, range(2, 10))) % 11
    return {10: "X", 11: "0"}.get(r, str(r))


def is_valid_rg_sp(s: str) -> bool:
    """True if ``s`` is a São Paulo RG (``12.345.678-X``) with a valid check digit.

    Only São Paulo (and the states that copied its rule) publish a check digit;
    other states' RGs are found by their cue word alone (see the detectors).
    """
    n = _compact(s)
    if len(n) != 9 or not n.isascii() or not n[:8].isdigit() or n[8] not in "0123456789X" or n[:8] == n[0] * 8:
        return False
    return rg_sp_check_digit(n[:8]) == n[8]


def pis_check_digit(base: str) -> str:
    """The check digit of a PIS/PASEP/NIS/NIT (Brazil) for its ten base digits."""
    r = 11 - sum(int(d) * w for d, w in zip(base, (3, 2, 9, 8, 7, 6, 5, 4, 3, 2))) % 11
    return "0" if r >= 10 else str(r)


def is_valid_pis(s: str) -> bool:
    """True if ``s`` is a Brazilian PIS/PASEP/NIS (``123.45678.90-0``, 11 digits) with a valid check digit."""
    n = _compact(s)
    if len(n) != 11 or not n.isascii() or not n.isdigit() or n == n[0] * 11:
        return False
    return pis_check_digit(n[:10]) == n[10]


def voter_id_check_digits(base: str) -> str:
    """The two check digits of a Brazilian título de eleitor: eight sequential digits then the two-digit state code.

    TSE rule: first digit over the sequence (weights 2-9), second over the state
    code and the first digit (weights 7, 8, 9), both mod 11 with 10 written 0;
    for São Paulo and Minas Gerais (state codes 01, 02) a remainder of 0 is written 1.
    """
    seq, uf = base[:8], base[8:10]
    special = uf in ("01", "02")
    r1 = sum(int(d) * w for d, w in zip(seq, range(2, 10))) % 11
    dv1 = 1 if (r1 == 0 and special) else (0 if r1 == 10 else r1)
    r2 = (int(uf[0]) * 7 + int(uf[1]) * 8 + dv1 * 9) % 11
    dv2 = 1 if (r2 == 0 and special) else (0 if r2 == 10 else r2)
    return f"{dv1}{dv2}"


def is_valid_voter_id(s: str) -> bool:
    """True if ``s`` is a Brazilian título de eleitor (12 digits, state code 01-28) with valid check digits."""
    n = _compact(s)
    if len(n) != 12 or not n.isascii() or not n.isdigit() or not 1 <= int(n[8:10]) <= 28 or n[:8] == "0" * 8:
        return False
    return voter_id_check_digits(n[:10]) == n[10:]


def cnh_check_digits(base: str, *, discount: bool = True) -> str:
    """The two check digits of a Brazilian CNH (driving licence) for its nine base digits.

    DENATRAN's rule subtracts 2 from the second digit's sum when the first came
    out as 10 (``discount``); some licences issued since 2022 follow the rule
    without it, so :func:`is_valid_cnh` accepts either.
    """
    digits = [int(c) for c in base]
    r1 = sum(d * w for d, w in zip(digits, range(9, 0, -1))) % 11
    dsc = 2 if (r1 >= 10 and discount) else 0
    dv1 = 0 if r1 >= 10 else r1
    r2 = (sum(d * w for d, w in zip(digits, range(1, 10))) - dsc) % 11
    dv2 = 0 if r2 >= 10 else r2
    return f"{dv1}{dv2}"


def is_valid_cnh(s: str) -> bool:
    """True if ``s`` is a Brazilian CNH number (11 digits) with valid check digits (either rule)."""
    n = _compact(s)
    if len(n) != 11 or not n.isascii() or not n.isdigit() or n == n[0] * 11:
        return False
    return n[9:] in (cnh_check_digits(n[:9]), cnh_check_digits(n[:9], discount=False))


# INE state codes in the clave de elector: 01 Aguascalientes ... 32 Zacatecas.
INE_STATES = tuple(f"{i:02d}" for i in range(1, 33))
# Two consonants each of the paternal surname, maternal surname and given name
# ("GóMez VaLdez MaRía" -> GMVLMR), birth date YYMMDD, state, sex, three digits.
# There is no check digit; the structure, the state and a real date decide.
_INE_RE = re.compile(r"[A-ZÑ]{6}(\d{2})(\d{2})(\d{2})(\d{2})[HM]\d{3}")


def is_valid_ine(s: str) -> bool:
    """True if ``s`` has the structure of a Mexican INE clave de elector (18 characters) with a real birth date."""
    n = _compact(s)
    m = _INE_RE.fullmatch(n)
    if m is None:
        return False
    yy, mm, dd, state = m.groups()
    return state in INE_STATES and _is_real_date(yy, mm, dd, 1900)


# ---------------------------------------------------------------- bank accounts (issue 21)
def clabe_check_digit(base: str) -> str:
    """The check digit of a Mexican CLABE for its first seventeen digits (Banxico: weights 3, 7, 1; mod 10)."""
    total = sum(int(d) * w % 10 for d, w in zip(base, (3, 7, 1) * 6))
    return str((10 - total % 10) % 10)


def is_valid_clabe(s: str) -> bool:
    """True if ``s`` is a Mexican CLABE (18 digits: bank, branch, account, check digit) whose check digit is right."""
    n = _compact(s)
    if len(n) != 18 or not n.isascii() or not n.isdigit() or n == n[0] * 18:
        return False
    return clabe_check_digit(n[:17]) == n[17]


def is_valid_cbu(s: str) -> bool:
    """True if ``s`` is an Argentine CBU (22 digits, two check digits) that python-stdnum accepts."""
    n = _compact(s)
    return len(n) == 22 and n.isascii() and n.isdigit() and n != n[0] * 22 and _ar_cbu.is_valid(n)


def is_valid_pe_dni(s: str) -> bool:
    """True if ``s`` is a Peruvian DNI/CUI written with its check character (``45678912-3``, ``45678912 K``)."""
    n = _compact(s)
    return len(n) == 9 and n[:8].isascii() and n[:8].isdigit() and _pe_cui.is_valid(n)
