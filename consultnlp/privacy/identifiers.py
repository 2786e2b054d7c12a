"""Identity, tax, bank and card numbers in free text.

Two kinds of evidence. A number with a check digit counts when the digit
validates (CPF, CNPJ, RUT, CUIT, CURP, RFC, NIT, PIS, CARD, IBAN ...); where a
bare run of digits would validate too often by chance, the number also needs
its formatted shape or its cue word. A number without a check digit (DNI, RG of
most states, Colombian, Bolivian and Paraguayan cédulas) counts only right
after its cue word ("DNI", "RG", "C.C.", "cédula de identidad" ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from consultnlp.privacy.validators import (
    is_valid_card,
    is_valid_cnh,
    is_valid_cnpj,
    is_valid_cpf,
    is_valid_cuit,
    is_valid_curp,
    is_valid_ec_ci,
    is_valid_iban,
    is_valid_ine,
    is_valid_nit,
    is_valid_pe_dni,
    is_valid_pis,
    is_valid_rfc,
    is_valid_rg_sp,
    is_valid_ruc,
    is_valid_rut,
    is_valid_uy_ci,
    is_valid_voter_id,
)

__all__ = ["find_identifiers"]

# A number must not start or continue inside another ("1.529.982.247-25", "14.133/2021").
_TAIL = r"(?!\d)(?![.,/-]\d)"
_LEAD = r"(?<![\d+])(?<!\d[.,/-])"
_DASH = r"\-‐‑–"  # escaped: it goes inside character classes
# Separators people type, sometimes with spaces around them: "390.533.447 - 05".
_DOT = r"(?:[ ]?\.[ ]?|[ ])?"
_HYPHEN = rf"(?:[ ]?[{_DASH}][ ]?|[.\s])?"
_CUE_GAP = r"[ \t:#.,º°-]*(?:(?i:n\.?[º°o]|nro|n[úu]m(?:ero)?|es|é|is|do|da|de)\.?[ \t:#.,º°-]*){0,3}"


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})\W{{0,3}}(?:\w+\W+){{0,3}}$", re.IGNORECASE)


# Each pattern admits the shapes people write; the validator decides. ``cue`` (optional)
# is a cue word required before the number; ``None`` means the shape and the check digit suffice.
_Validator = Callable[[str], bool]
_PATTERNS: tuple[tuple[str, re.Pattern[str], _Validator, re.Pattern[str] | None], ...] = (
    ("CPF", re.compile(rf"{_LEAD}\d{{3}}{_DOT}\d{{3}}{_DOT}\d{{3}}{_HYPHEN}\d{{2}}{_TAIL}"), is_valid_cpf, None),
    # "529.982.247/25": a slash before the check digits, as some forms print it.
    ("CPF", re.compile(rf"{_LEAD}\d{{3}}\.?\d{{3}}\.?\d{{3}}[ ]?/[ ]?\d{{2}}(?!\d)(?![.,-]\d)"), is_valid_cpf, None),
    (
        "CNPJ",
        re.compile(rf"{_LEAD}\d{{2}}{_DOT}\d{{3}}{_DOT}\d{{3}}(?:[ ]?/[ ]?)?\d{{4}}(?:[ ]?[{_DASH}][ ]?)?\d{{2}}{_TAIL}"),
        is_valid_cnpj,
        None,
    ),
    # The alphanumeric CNPJ only in its full formatted shape; bare, it would look like any code.
    (
        "CNPJ",
        re.compile(rf"(?<![\w.])[0-9A-Z]{{2}}\.[0-9A-Z]{{3}}\.[0-9A-Z]{{3}}/[0-9A-Z]{{4}}[{_DASH}]\d{{2}}{_TAIL}"),
        is_valid_cnpj,
        None,
    ),
    (
        "CUIT",
        re.compile(rf"{_LEAD}(?:20|23|24|27|30|33|34)[{_DASH}\s.]?\d{{2}}\.?\d{{3}}\.?\d{{3}}[{_DASH}\s.]?\d{_TAIL}"),
        is_valid_cuit,
        None,
    ),
    # A RUT needs its verifier set off by a dash, or a K: a bare 9-digit run is too common to trust.
    (
        "RUT",
        re.compile(rf"{_LEAD}(?:\d{{1,2}}\.\d{{3}}\.\d{{3}}|\d{{7,8}})(?:[ ]?[{_DASH}][ ]?[\dkK]|[kK])(?![\w])(?![.,/-]\d)"),
        is_valid_rut,
        None,
    ),
    (
        "CURP",
        re.compile(r"(?<![A-Za-z0-9])[A-Za-z][AEIOUXaeioux][A-Za-z]{2}\d{6}[HMXhmx][A-Za-z]{5}[0-9A-Za-z]\d(?![A-Za-z0-9])"),
        is_valid_curp,
        None,
    ),
    ("RFC", re.compile(rf"(?<![\w&])[A-Za-zÑñ&]{{3,4}}[ {_DASH}]?\d{{6}}[ {_DASH}]?[A-Za-z0-9]{{2}}[0-9Aa](?![\w&])"), is_valid_rfc, None),
    ("INE", re.compile(r"(?<![A-Za-z0-9])[A-ZÑ]{6}\d{8}[HM]\d{3}(?![A-Za-z0-9])"), is_valid_ine, None),
    # Cards: 4-4-4-4(-3), Amex/Diners 4-6-5 / 4-6-4, or one run of 13-19 digits.
    (
        "CARD",
        re.compile(
            rf"{_LEAD}(?:\d{{4}}(?P<s>[ {_DASH}])\d{{4}}(?P=s)\d{{4}}(?P=s)\d{{1,4}}(?:(?P=s)\d{{3}})?|"
            rf"\d{{4}}(?P<t>[ {_DASH}])\d{{6}}(?P=t)\d{{4,5}}|\d{{13,19}}){_TAIL}"
        ),
        is_valid_card,
        None,
    ),
    ("IBAN", re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\w])"), is_valid_iban, None),
    # NIT: a company's 9 digits with dots and a dashed check digit ("900.123.456-7"); other shapes after "NIT".
    ("NIT", re.compile(rf"{_LEAD}[89]\d{{2}}\.\d{{3}}\.\d{{3}}[ ]?[{_DASH}][ ]?\d{_TAIL}"), is_valid_nit, None),
    (
        "NIT",
        re.compile(rf"{_LEAD}(?:\d{{1,3}}(?:\.\d{{3}}){{2,3}}|\d{{8,15}})(?:[ ]?[{_DASH}][ ]?)?\d{_TAIL}"),
        is_valid_nit,
        _cue(r"\bnit\b"),
    ),
    ("RUC", re.compile(rf"{_LEAD}(?:10|15|17|20)[{_DASH}\s.]?\d{{8}}[{_DASH}\s.]?\d{_TAIL}"), is_valid_ruc, _cue(r"\bruc\b")),
    # PIS/PASEP/NIS in its own shape 123.45678.90-1; bare 11 digits only after its cue word.
    ("PIS", re.compile(rf"{_LEAD}\d{{3}}\.\d{{5}}\.\d{{2}}[{_DASH}]\d{_TAIL}"), is_valid_pis, None),
    (
        "PIS",
        re.compile(rf"{_LEAD}\d{{3}}\.?\d{{5}}\.?\d{{2}}[{_DASH}]?\d{_TAIL}"),
        is_valid_pis,
        _cue(r"\b(?:pis|pasep|nis|nit|pis/pasep)\b"),
    ),
    # Título de eleitor: 12 digits, grouped 4-4-4 or bare after its cue.
    ("VOTER_ID", re.compile(rf"{_LEAD}\d{{4}}[ .]\d{{4}}[ .]\d{{4}}{_TAIL}"), is_valid_voter_id, None),
    (
        "VOTER_ID",
        re.compile(rf"{_LEAD}\d{{4}}[ .]?\d{{4}}[ .]?\d{{4}}{_TAIL}"),
        is_valid_voter_id,
        _cue(r"\bt[íi]tulo(?:[ ]+de)?[ ]+eleitor|\bt[íi]tulo[ ]+eleitoral|\binscri[çc][ãa]o[ ]+eleitoral|\beleitor\b"),
    ),
    (
        "CNH",
        re.compile(rf"{_LEAD}\d{{9}}[{_DASH} ]?\d{{2}}{_TAIL}"),
        is_valid_cnh,
        _cue(r"\bcnh\b|\bhabilita[çc][ãa]o\b|\bcarteira[ ]+de[ ]+motorista\b"),
    ),
    # A São Paulo RG in its printed shape 12.345.678-X validates on its own; a Chilean RUT of the same
    # shape that validates too is found by the RUT pattern above, which wins the tie.
    ("RG", re.compile(rf"{_LEAD}\d{{2}}\.\d{{3}}\.\d{{3}}[ ]?[{_DASH}][ ]?[\dXx](?![\w])(?![.,/-]\d)"), is_valid_rg_sp, None),
    # A Peruvian DNI with its check character (45678912-3, 45678912-K) after its cue.
    (
        "DNI",
        re.compile(rf"{_LEAD}\d{{8}}[ ]?[{_DASH}][ ]?[\dA-Ka-k](?![\w])"),
        is_valid_pe_dni,
        _cue(r"\bd\.?[ ]?n\.?[ ]?i\b|\bdocumento\b|\bcui\b"),
    ),
    # Uruguayan CI in its own shape 1.234.567-2; Ecuadorian cédula only after a cue.
    ("CI", re.compile(rf"{_LEAD}\d\.\d{{3}}\.\d{{3}}[ ]?[{_DASH}][ ]?\d{_TAIL}"), is_valid_uy_ci, None),
    ("CI", re.compile(rf"{_LEAD}\d{{9}}[{_DASH}]?\d{_TAIL}"), is_valid_ec_ci, _cue(r"\bc[ée]dula\b|\bc\.?[ ]?i\b\.?|\bidentidad\b|\bcc\b")),
)

# ID kinds whose own cue word before the number breaks a tie between two kinds that both validate.
_CUES = {
    "CPF": re.compile(r"(?i)\bcpf\b"),
    "CNPJ": re.compile(r"(?i)\bcnpj\b"),
    "CUIT": re.compile(r"(?i)\bcui[tl]\b"),
    # In Chile the cédula de identidad carries the RUN: "cédula 9.226.658-3" is a RUT even when
    # the same digits also pass the Uruguayan CI check (the tie goes to the earlier pattern, RUT).
    "RUT": re.compile(r"(?i)\bru[tn]\b|\bc[ée]dula\b"),
    "CURP": re.compile(r"(?i)\bcurp\b"),
    "RFC": re.compile(r"(?i)\brfc\b"),
    "RUC": re.compile(r"(?i)\bruc\b"),
    "NIT": re.compile(r"(?i)\bnit\b"),
    "PIS": re.compile(r"(?i)\b(?:pis|pasep|nis)\b"),
    "CNH": re.compile(r"(?i)\bcnh\b|\bhabilita[çc][ãa]o\b|\bcarteira[ ]+de[ ]+motorista\b"),
    "RG": re.compile(r"\bR\.?G\b|(?i:\bidentidade\b)"),
    "VOTER_ID": re.compile(r"(?i)\beleitor"),
    "CI": re.compile(r"(?i)\bc[ée]dula|\bc\.?[ ]?[ic]\b"),
    "CARD": re.compile(r"(?i)\bcart[ãa]o|\btarjeta|\bcard\b"),
    "IBAN": re.compile(r"(?i)\biban\b"),
    "INE": re.compile(r"(?i)\belector|\bine\b"),
}

# Numbers without a check digit: the cue word, a little filler ("nº", ":", "es"), then the number.
_NUM = rf"(?P<num>\d{{1,3}}(?:\.\d{{3}}){{1,3}}|\d{{6,10}})(?!\d)(?![.,/]\d)(?![ ]?[{_DASH}][ ]?[\dkK])(?![kK]\b)"
_DNI_RE = re.compile(
    r"(?i:\bD\.?[ ]?N\.?[ ]?I\b\.?|\bdocumento(?:[ ]+nacional)?(?:[ ]+de[ ]+identidad)?\b|\bidentidad\b)"
    # Peru prints the DNI with a check character after a dash ("45678912-3"); Chile's RUN shape stays a RUT.
    rf"{_CUE_GAP}(?P<num>\d{{1,2}}\.\d{{3}}\.\d{{3}}|\d{{8}}[ ]?[{_DASH}][ ]?[\dA-Ka-k](?![\w])|\d{{7,8}})"
    rf"(?!\d)(?![.,/]\d)(?![ ]?[{_DASH}][ ]?[\dkK])(?![kK]\b)"
)
# Cédulas: Colombia (C.C., CC, cédula de ciudadanía), Bolivia, Paraguay, Venezuela, Uruguay,
# Ecuador (C.I., cédula de identidad). "V-" / "E-" prefix for Venezuela; "LP", "SC" ... suffix in Bolivia.
_CI_RE = re.compile(
    r"(?:(?i:\bc[ée]dula(?:[ ]+de[ ]+(?:identidad|ciudadan[íi]a|extranjer[íi]a))?\b|\bcarn[eé]t?[ ]+de[ ]+identidad\b)"
    r"|\bC\.?[ ]?[IC]\b\.?|\b[cC]\.?[ ]?[cCiI]\b\.?(?=[ \t:#.,º°-]*(?:n\.?[º°o]\.?[ \t]*|nro\.?[ \t]*)?[VE]?[ ]?-?[ ]?\d))"
    rf"{_CUE_GAP}(?:[VE][ ]?-[ ]?)?{_NUM}(?:[ ]?(?:LP|SC|CB|OR|PT|CH|TJ|BN|PD)\b)?"
)
# RG: only São Paulo's has a check digit, so the cue word decides; the number may carry a
# state prefix ("MG-12.345.678") and an X verifier.
_RG_RE = re.compile(
    r"(?:\bR\.?G\b\.?|(?i:\b(?:carteira|c[ée]dula)[ ]+de[ ]+identidade\b|\bidentidade\b))"
    rf"{_CUE_GAP}(?P<num>(?:[A-Z]{{2}}[ ]?-?[ ]?)?\d{{1,2}}\.?\d{{3}}\.?\d{{3}}(?:[ ]?[{_DASH}][ ]?[\dXx])?|\d{{5,10}})"
    rf"(?!\d)(?![.,/]\d)"
)


def find_identifiers(text: str) -> Iterator[tuple[int, int, str, int]]:
    """``(start, end, kind, cue_bonus)`` for every identity number candidate in ``text`` (overlaps possible)."""
    for kind, pattern, is_valid, cue in _PATTERNS:
        for m in pattern.finditer(text):
            if cue is not None and not cue.search(text, max(0, m.start() - 40), m.start()):
                continue
            if is_valid(m.group()):
                own = _CUES.get(kind)
                bonus = int(own is not None and own.search(text, max(0, m.start() - 30), m.start()) is not None)
                yield m.start(), m.end(), kind, bonus
    # "cédula de identidad" also holds the DNI cue "identidad": the longer cue (CI) wins the tie.
    for kind, pattern, bonus in (("DNI", _DNI_RE, 1), ("CI", _CI_RE, 2), ("RG", _RG_RE, 1)):
        for m in pattern.finditer(text):
            yield m.start("num"), m.end("num"), kind, bonus
