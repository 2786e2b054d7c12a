"""E-mail addresses (also obfuscated: "nombre [at] dominio [dot] com") and phone numbers.

Phones need a phone-like shape (international prefix, area code in brackets,
a final group of four after the same separator twice ...) or a nearby cue word
("tel.", "celular", "WhatsApp"); dates, ranges, amounts and law numbers are
rejected whatever their shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from consultnlp.privacy.addresses import _is_year

__all__ = ["find_emails", "find_phones", "find_spelled_phones"]

_TAIL = r"(?!\d)(?![.,/-]\d)"
_DASH = r"\-‐‑–"  # escaped: it goes inside character classes

# A doubled "@" ("juan@@mail.com") is a typo that still identifies the person.
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.%+-]+@@?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Obfuscated: "[at]", "(arroba)", "{at}", " at ", " arroba ", " @ " for the at sign; "[dot]", "(punto)",
# " dot ", " ponto " or a plain dot between domain labels. Words in brackets are unambiguous; bare
# words ("juan at gmail dot com") need a known top-level domain written as a word or after a dot.
_AT_BRACKETED = r"[ \t]*[\[({<][ \t]*(?i:at|arroba|@)[ \t]*[\])}>][ \t]*"
_AT_WORD = r"[ \t]+(?i:at|arroba)[ \t]+|[ \t]+@[ \t]*|[ \t]*@[ \t]+"
_DOT_BRACKETED = r"[ \t]*[\[({<][ \t]*(?i:dot|punto|ponto|\.)[ \t]*[\])}>][ \t]*"
_DOT_WORD = r"[ \t]+(?i:dot|punto|ponto)[ \t]+"
_TLD = r"(?i:com|org|net|edu|gov|gob|br|cl|ar|mx|co|pe|uy|py|bo|ec|ve|es|pt|uk|us|ca|nz|au|de|fr|it|info|io|me)"
_OBFUSCATED_RE = re.compile(
    rf"(?<![\w.+-])(?P<user>[\w.%+-]*\w)(?:(?P<bat>{_AT_BRACKETED})|(?P<wat>{_AT_WORD}))"
    rf"(?P<domain>[\w-]+(?:(?:{_DOT_BRACKETED}|{_DOT_WORD}|\.)[\w-]+)*?(?:(?:{_DOT_BRACKETED}|{_DOT_WORD}|\.){_TLD})+)"
    r"(?![\w-])"
)
_OBFUSCATION_IN_DOMAIN = re.compile(rf"{_DOT_BRACKETED}|{_DOT_WORD}")


def find_emails(text: str) -> Iterator[tuple[int, int]]:
    """Spans of e-mail addresses, plain or obfuscated."""
    if "@" in text:
        for m in _EMAIL_RE.finditer(text):
            yield m.start(), m.end()
    lowered = text.lower()
    # "at" only as a word or in brackets: the substring "at" is in most texts and the pattern is costly.
    if "@" not in text and "arroba" not in lowered and not any(w in lowered for w in (" at ", "at]", "at)", "at}", "at>", "\tat")):
        return
    for m in _OBFUSCATED_RE.finditer(text):
        if m.group("wat") is not None and "@" not in m.group("wat"):
            # A bare "at" / "arroba" between words is prose unless the domain was obfuscated too
            # ("juan at gmail dot com"); "meet at home.com" stays.
            if not _OBFUSCATION_IN_DOMAIN.search(m.group("domain")):
                continue
        if m.group("wat") is not None and m.group("wat").strip().lower() == "at":
            # The user part of prose ("look at example dot com") is a common word: ask for
            # a digit, a dot or an underscore in it, or a known mail provider after it.
            user, domain = m.group("user"), m.group("domain").lower()
            if not re.search(r"[\d._]", user) and not domain.startswith(_PROVIDERS):
                continue
        yield m.start(), m.end()


_PROVIDERS = (
    "gmail",
    "hotmail",
    "yahoo",
    "outlook",
    "live",
    "uol",
    "bol",
    "terra",
    "icloud",
    "proton",
    "protonmail",
    "msn",
    "ig",
    "globo",
    "aol",
    "gmx",
    "zoho",
    "mail",
    "correo",
)


_SEP = rf"(?:[ \u00a0]?[{_DASH}][ \u00a0]?|[ .\u00a0])"
_PHONE_LEAD = r"(?<![\w+])(?<!\d[.,/-])"
_PHONE_STRONG = (
    # +55 11 91234-5678, +56 9 1234 5678, +1 (555) 123-4567, +5511912345678
    re.compile(rf"(?<![\w+])\+[ ]?\d{{1,3}}(?:{_SEP}?\(\d{{1,4}}\))?{_SEP}?\d+(?:{_SEP}\d+){{0,5}}{_TAIL}"),
    # (11) 91234-5678, (555) 123-4567, (02) 2345 6789
    re.compile(rf"(?<![\w(])\(\d{{1,4}}\)[ \u00a0]?\d{{3,5}}{_SEP}?\d{{4}}{_TAIL}"),
    # 0800 123 4567 (toll-free and premium numbers in Brazil and Argentina)
    re.compile(rf"{_PHONE_LEAD}0[3589]00{_SEP}?\d{{2,4}}{_SEP}?\d{{3,4}}{_TAIL}"),
    # 9 1234 5678, 55 1234 5678, 555-123-4567, 11 91234 5678: final group of four, same separator twice
    re.compile(rf"{_PHONE_LEAD}\d{{1,3}}(?P<sep>[ .{_DASH}])\d{{3,5}}(?P=sep)\d{{4}}{_TAIL}"),
    # 84 991668315, (11) 912345678: a Brazilian area code and a nine-digit mobile starting with 9
    re.compile(rf"(?<![\w+(])(?<!\d[.,/-])(?:\d{{2}}[ ]|\(\d{{2}}\)[ ]?)9\d{{8}}{_TAIL}"),
)
# 11 3456-7890, 15-1234-5678, 91234-5678, and the area code glued on (623524-6305, as a real
# export had it); a bare 3456-7890 is only weak (could be a range).
_PHONE_HYPHEN = re.compile(rf"{_PHONE_LEAD}(?:(?P<area>\d{{2,3}})(?P<asep>[ .]|[{_DASH}])?)?(?P<a>\d{{4,5}})[{_DASH}](?P<z>\d{{4}}){_TAIL}")
_PHONE_WEAK = re.compile(rf"{_PHONE_LEAD}\d+(?:{_SEP}\d+){{0,5}}{_TAIL}")
_PHONE_CUE = re.compile(
    r"(?i)\b(?:tel[eé]fonos?|telefones?|tel|tfno|tlf|telf|fonos?|fone|celular(?:es)?|cel|m[oó]vil|"
    r"whats?app|wpp|zap|phone|mobile|cell|ll[aá]m(?:ame|enme|ar)|ligue|liguem|ligar|call|contato|contacto|contact|"
    r"(?:mi|meu|my)[ \t]+n(?:[úu]mero|umber))\b"
)
_PHONE_CUE_AFTER = re.compile(r"(?i)[\s(:\-]*(?:whats?app|wpp|celular|cel|m[oó]vil|fixo|tel)\b")
_CURRENCY_BEFORE = re.compile(r"(?:R\$|US\$|U\$S|\$|€|£|\b(?:USD|EUR|CLP|ARS|BRL|MXN|UF|UTM))\s*$")
_UNIT_AFTER = re.compile(
    r"(?i)\s*(?:%|por\s?cien|percent|pesos|reais|d[oó]lares|dollars|millones|milh|mil\b|votos|votes|"
    r"personas|pessoas|people|habitantes|firmas|assinaturas|argumentos|km|kg|hect|toneladas|tons)"
)
_LAW_BEFORE = re.compile(
    r"(?i)\b(?:lei|ley|law|decreto|decree|art(?:[ií]culos?|igos?|s?)?\.?|n[º°]\.?|no\.|inciso|portaria|"
    r"resolu[cç][aã]o|resoluci[oó]n|bolet[ií]n|proyecto|projeto|rol|processo|proceso|expediente)\s*$"
)


def _is_date_or_years(groups: list[str]) -> bool:
    """1990-2020, 12-03-2024, 2024.03.12: shapes of dates and ranges, not numbers to dial."""
    if len(groups) >= 2 and _is_year(groups[-1]) and _is_year(groups[-2]):
        return True
    if len(groups) == 3:
        a, b, c = groups
        if _is_year(c) and len(a) <= 2 and len(b) <= 2 and 1 <= int(a) <= 31 and 1 <= int(b) <= 12:
            return True
        if _is_year(a) and len(b) <= 2 and len(c) <= 2 and 1 <= int(b) <= 12 and 1 <= int(c) <= 31:
            return True
    return False


def _has_phone_cue(text: str, start: int, end: int) -> bool:
    """A phone cue word shortly before the number (with no other number between) or right after it."""
    window = text[max(0, start - 40) : start]
    last = None
    for last in _PHONE_CUE.finditer(window):  # noqa: B007 - the last cue is the one wanted
        pass
    if last is not None and not any(c.isdigit() for c in window[last.end() :]):
        return True
    return _PHONE_CUE_AFTER.match(text, end, min(len(text), end + 20)) is not None


def _phone_ok(text: str, start: int, end: int, strong: bool) -> bool:
    span = text[start:end]
    groups = re.findall(r"\d+", span)
    if not 8 <= sum(map(len, groups)) <= 15:
        return False
    if _CURRENCY_BEFORE.search(text, max(0, start - 8), start) or _UNIT_AFTER.match(text, end):
        return False
    if _is_date_or_years(groups):
        return False
    international = span.startswith("+")
    # 1.500.000 and 12,345,678 are amounts whatever the context.
    if not international and re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", span):
        return False
    cue = _has_phone_cue(text, start, end)
    if not international and not cue:
        if _LAW_BEFORE.search(text, max(0, start - 25), start):
            return False
        if re.fullmatch(r"\d{1,3}(?:[ \u00a0]\d{3})+", span):  # 12 345 678: spaced thousands
            return False
    return strong or cue


def find_phones(text: str) -> Iterator[tuple[int, int]]:
    for pattern in _PHONE_STRONG:
        for m in pattern.finditer(text):
            if _phone_ok(text, m.start(), m.end(), strong=True):
                yield m.start(), m.end()
    for m in _PHONE_HYPHEN.finditer(text):
        strong = m.group("area") is not None or (len(m.group("a")) == 5 and m.group("a")[0] == "9")
        if (
            m.group("area") is not None
            and m.group("asep") is None
            and (m.group("area")[0] == "0" or (_is_year(m.group("z")) and _is_year(m.group("a")[-4:])))
        ):
            strong = False  # glued "201920-2020" is more likely two years than a phone
        if _phone_ok(text, m.start(), m.end(), strong=strong):
            yield m.start(), m.end()
    for m in _PHONE_WEAK.finditer(text):
        if not _has_phone_cue(text, m.start(), m.end()):
            continue
        # A greedy run can swallow a following number; drop trailing groups until it fits.
        groups = list(re.finditer(r"\d+", m.group()))
        while groups:
            end = m.start() + groups[-1].end()
            if _phone_ok(text, m.start(), end, strong=False):
                yield m.start(), end
                break
            groups.pop()


# ---------------------------------------------------------------- phones partly written in words
_DIGIT_WORDS = {
    **dict.fromkeys(("cero", "zero"), "0"),
    **dict.fromkeys(("uno", "um", "one"), "1"),
    **dict.fromkeys(("dos", "dois", "duas", "two"), "2"),
    **dict.fromkeys(("tres", "três", "three"), "3"),
    **dict.fromkeys(("cuatro", "quatro", "four"), "4"),
    **dict.fromkeys(("cinco", "five"), "5"),
    **dict.fromkeys(("seis", "meia", "six"), "6"),
    **dict.fromkeys(("siete", "sete", "seven"), "7"),
    **dict.fromkeys(("ocho", "oito", "eight"), "8"),
    **dict.fromkeys(("nueve", "nove", "nine"), "9"),
}
_DIGIT_WORD_SET = frozenset(_DIGIT_WORDS)
_DIGIT_WORD = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
# Digit groups and digit words in any mix, separated by spaces, dashes or dots: "nueve 8765 4321".
_SPELLED_RE = re.compile(
    rf"(?<![\w+])(?:\+[ ]?)?(?:\d+|(?i:{_DIGIT_WORD}))(?:(?:[ ]?[{_DASH}.,][ ]?|[ ]+)(?:\d+|(?i:{_DIGIT_WORD}))){{2,14}}(?![\w])"
)


def find_spelled_phones(text: str) -> Iterator[tuple[int, int]]:
    """Phones written partly in digit words ("mi celular es nueve 8765 4321"), after a phone cue.

    The caller runs this only on texts with a digit: a phone spelled out entirely in words is not looked for.
    """
    if _DIGIT_WORD_SET.isdisjoint(text.lower().replace(",", " ").replace(".", " ").split()):
        return
    if _PHONE_CUE.search(text) is None:
        return
    for m in _SPELLED_RE.finditer(text):
        parts = re.findall(rf"\d+|(?i:{_DIGIT_WORD})", m.group())
        words = [p for p in parts if not p.isdigit()]
        digits = "".join(p if p.isdigit() else _DIGIT_WORDS[p.lower()] for p in parts)
        if not words or not 8 <= len(digits) <= 15:
            continue
        # Words alone ("dos tres cinco ...") are numbers in prose unless a phone cue is right there.
        if (m.group().startswith("+") or _has_phone_cue(text, m.start(), m.end())) and (len(words) < len(parts) or len(words) >= 8):
            yield m.start(), m.end()
