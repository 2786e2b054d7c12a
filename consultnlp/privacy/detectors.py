"""Find and redact personal data in Spanish, Portuguese and English comments.

Rule-based and offline. Identity numbers (CPF, CNPJ, RUT, CUIT, CURP, RFC)
count only when their check digits validate, so the ordinary numbers of a
consultation (years, amounts, law numbers) are left alone. Phones need a
phone-like shape or a nearby cue word; DNI needs a cue word. Names and
addresses are best effort: self-introductions, signatures, honorifics, and a
street type followed by a name and a house number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from consultnlp.privacy.validators import (
    is_valid_cnpj,
    is_valid_cpf,
    is_valid_cuit,
    is_valid_curp,
    is_valid_rfc,
    is_valid_rut,
)

__all__ = ["PII_KINDS", "PiiMatch", "find_pii", "redact_text"]

PII_KINDS = ("EMAIL", "PHONE", "CPF", "CNPJ", "RUT", "CUIT", "DNI", "CURP", "RFC", "ADDRESS", "NAME")


@dataclass(frozen=True)
class PiiMatch:
    """One span of personal data: ``text[start:end]`` is of ``kind`` (one of ``PII_KINDS``)."""

    start: int
    end: int
    kind: str


# When spans overlap the higher rank wins, then the longer span, then a span whose
# own cue word ("CPF", "CUIT" ...) precedes it. An e-mail can contain digits that
# look like an ID; a validated ID is stronger evidence than a phone shape.
_RANK = {"EMAIL": 5, "CPF": 4, "CNPJ": 4, "RUT": 4, "CUIT": 4, "CURP": 4, "RFC": 4, "DNI": 3, "PHONE": 2,
         "ADDRESS": 1, "NAME": 1}

# A number must not start or continue inside another ("1.529.982.247-25", "14.133/2021").
_TAIL = r"(?!\d)(?![.,/-]\d)"
_DASH = r"\-‐‑–"  # escaped: it goes inside character classes

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# Each ID regex admits formatted and bare forms; the validator decides.
_ID_PATTERNS: tuple[tuple[str, re.Pattern[str], Callable[[str], bool]], ...] = (
    ("CPF", re.compile(rf"(?<![\d+])(?<!\d[.,/-])\d{{3}}[.\s]?\d{{3}}[.\s]?\d{{3}}[{_DASH}.\s]?\d{{2}}{_TAIL}"),
     is_valid_cpf),
    ("CNPJ", re.compile(rf"(?<![\d+])(?<!\d[.,/-])\d{{2}}\.?\d{{3}}\.?\d{{3}}/?\d{{4}}[{_DASH}]?\d{{2}}{_TAIL}"),
     is_valid_cnpj),
    # The alphanumeric CNPJ only in its full formatted shape; bare, it would look like any code.
    ("CNPJ", re.compile(rf"(?<![\w.])[0-9A-Z]{{2}}\.[0-9A-Z]{{3}}\.[0-9A-Z]{{3}}/[0-9A-Z]{{4}}[{_DASH}]\d{{2}}{_TAIL}"),
     is_valid_cnpj),
    ("CUIT", re.compile(
        rf"(?<![\d+])(?<!\d[.,/-])(?:20|23|24|27|30|33|34)[{_DASH}\s.]?"
        rf"\d{{2}}\.?\d{{3}}\.?\d{{3}}[{_DASH}\s.]?\d{_TAIL}"),
     is_valid_cuit),
    # A RUT needs its verifier set off by a dash, or a K: a bare 9-digit run is too common to trust.
    ("RUT", re.compile(
        rf"(?<![\d+])(?<!\d[.,/-])(?:\d{{1,2}}\.\d{{3}}\.\d{{3}}|\d{{7,8}})"
        rf"(?:[ ]?[{_DASH}][ ]?[\dkK]|[kK])(?![\w])(?![.,/-]\d)"),
     is_valid_rut),
    ("CURP", re.compile(
        r"(?<![A-Za-z0-9])[A-Za-z][AEIOUXaeioux][A-Za-z]{2}\d{6}[HMXhmx][A-Za-z]{5}[0-9A-Za-z]\d(?![A-Za-z0-9])"),
     is_valid_curp),
    ("RFC", re.compile(rf"(?<![\w&])[A-Za-zÑñ&]{{3,4}}[ {_DASH}]?\d{{6}}[ {_DASH}]?[A-Za-z0-9]{{2}}[0-9Aa](?![\w&])"),
     is_valid_rfc),
)
_ID_CUES = {
    "CPF": re.compile(r"(?i)\bcpf\b"),
    "CNPJ": re.compile(r"(?i)\bcnpj\b"),
    "CUIT": re.compile(r"(?i)\bcui[tl]\b"),
    "RUT": re.compile(r"(?i)\bru[tn]\b"),
    "CURP": re.compile(r"(?i)\bcurp\b"),
    "RFC": re.compile(r"(?i)\brfc\b"),
}

# DNI: a cue word, a little filler ("nº", ":", "es"), then 7-8 digits not followed by a verifier.
_DNI_RE = re.compile(
    r"(?:(?i:\bD\.?[ ]?N\.?[ ]?I\b\.?|\bdocumento(?:[ ]+nacional)?(?:[ ]+de[ ]+identidad)?\b|"
    r"\bc[ée]dula(?:[ ]+de[ ]+identidad)?\b|\bidentidad\b)|\bC\.?I\b\.?)"
    r"[ \t:#.,º°-]*(?:(?i:n[º°o]|nro|n[úu]m(?:ero)?|es|is|é)\.?[ \t:#.,º°-]*){0,2}"
    rf"(?P<num>\d{{1,2}}\.\d{{3}}\.\d{{3}}|\d{{7,8}})(?!\d)(?![.,/]\d)(?![ ]?[{_DASH}][ ]?[\dkK])(?![kK]\b)"
)

# ---------------------------------------------------------------- phones
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
# 11 3456-7890, 15-1234-5678, 91234-5678; a bare 3456-7890 is only weak (could be a range).
_PHONE_HYPHEN = re.compile(
    rf"{_PHONE_LEAD}(?:(?P<area>\d{{2,3}})(?:[ .]|[{_DASH}]))?(?P<a>\d{{4,5}})[{_DASH}]\d{{4}}{_TAIL}"
)
_PHONE_WEAK = re.compile(rf"{_PHONE_LEAD}\d+(?:{_SEP}\d+){{0,5}}{_TAIL}")
_PHONE_CUE = re.compile(
    r"(?i)\b(?:tel[eé]fonos?|telefones?|tel|tfno|tlf|telf|fonos?|fone|celular(?:es)?|cel|m[oó]vil|"
    r"whats?app|wpp|zap|phone|mobile|cell|ll[aá]m(?:ame|enme|ar)|ligue|ligar|call|contato|contacto|contact|"
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


def _is_year(g: str) -> bool:
    return len(g) == 4 and 1900 <= int(g) <= 2099


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
    window = text[max(0, start - 40):start]
    last = None
    for last in _PHONE_CUE.finditer(window):
        pass
    if last is not None and not any(c.isdigit() for c in window[last.end():]):
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


def _find_phones(text: str) -> Iterator[tuple[int, int]]:
    for pattern in _PHONE_STRONG:
        for m in pattern.finditer(text):
            if _phone_ok(text, m.start(), m.end(), strong=True):
                yield m.start(), m.end()
    for m in _PHONE_HYPHEN.finditer(text):
        strong = m.group("area") is not None or (len(m.group("a")) == 5 and m.group("a")[0] == "9")
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


# ---------------------------------------------------------------- names and addresses
_UP = "A-ZÁÉÍÓÚÑÂÊÔÃÕÇÜÀ"
_LO = "a-záéíóúñâêôãõçüàèìòùäëïö"
# Capitalised word (María, O'Higgins, Jean-Pierre) or an all-caps one (PÉREZ).
_CAP = rf"(?:(?:[{_UP}]['’])?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)?|[{_UP}]{{2,}}(?![{_LO}]))"
_PARTICLE = r"(?:de|da|do|das|dos|del|la|las|los|di|van|von|der|du)"
_NAME = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_CAP}){{0,4}}"

_INTRO_RE = re.compile(
    r"(?i:\b(?:me[ \t]+llamo|mi[ \t]+nombre[ \t]+es|meu[ \t]+nome[ \t]+é|me[ \t]+chamo|my[ \t]+name[ \t]+is|"
    r"nombre[ \t]+completo:|nome[ \t]+completo:|full[ \t]+name:))[ \t]+"
    rf"(?P<name>{_NAME})"
)
# "soy", "eu sou", "I am" introduce a name only when a first and last name follow.
# Portuguese often puts an article before the name ("Sou a Maria ...", "Eu sou o João ...").
_SOY_RE = re.compile(
    rf"(?i:\b(?:soy(?:[ \t]+(?:el|la))?|(?:eu[ \t]+)?sou(?:[ \t]+(?:o|a))?|I[ \t]+am|I'm))[ \t]+(?P<name>{_NAME})"
)
# A closing word is a signature only when a comma, colon or line break sets it off
# ("vote sincerely. But ..." is prose); "Att." / "Atte." may take just the dot.
_SIGN_RE = re.compile(
    r"(?:(?i:\b(?:atentamente|cordialmente|saludos[ \t]+cordiales|un[ \t]+saludo|saludos|atenciosamente|"
    r"abraços|abrazos|sincerely|best[ \t]+regards|kind[ \t]+regards|regards|yours[ \t]+(?:sincerely|faithfully|truly)"
    r"|atte|att))\.?[ \t]*(?:[,:;\-][ \t]*(?:\r?\n[ \t]*)?|\r?\n[ \t]*)|(?i:\batte?)\.[ \t]*)"
    rf"(?P<name>{_NAME})"
)
_HONORIFIC_RE = re.compile(
    r"(?<![\w.])(?:(?:Sr|Sra|Srta|Sres|Dr|Dra|Mr|Mrs|Ms|Prof|Profa|Lic|Ing)\.[ \t]*|"
    r"(?:Sr|Sra|Dr|Dra|Mr|Mrs|Ms|Don|Doña|Dona|Señor|Señora|Senhor|Senhora)[ \t]+)"
    rf"(?P<name>{_NAME})"
)
# Capitalised words that follow these cues but are not names. A leading title is
# skipped ("Sr. Presidente Juan Pérez"); a leading article or organisation word
# means there is no person ("Atentamente, El Comité"); either ends a name.
_ARTICLES = frozenset(
    w.capitalize() for w in "El La Los Las O A Os As The Un Una Um Uma Mi Mis Meu Minha My Our Nuestro Nuestra".split()
)
_TITLES = frozenset(w.capitalize() for w in """
Presidente Presidenta President Ministro Ministra Minister Diputado Diputada Deputado Deputada Senador Senadora
Alcalde Alcaldesa Prefeito Prefeita Governador Gobernador Gobernadora Director Directora Diretor Diretora
Secretario Secretaria Secretário Secretária Secretary Juez Jueza Juiz Juíza Vereador Vereadora Concejal Concejala
Ingeniero Ingeniera Engenheiro Engenheira Engineer Profesor Profesora Professor Professora Estudiante Estudante
Student Abogado Abogada Advogado Advogada Médico Médica Doctor Doctora Enfermero Enfermera Técnico Técnica
Agricultor Agricultora Pescador Pescadora Vecino Vecina Morador Moradora Madre Padre Mãe Pai Mother Father
Chileno Chilena Brasileiro Brasileira Brasileño Brasileña Argentino Mexicano Mexicana Indígena Mapuche
Miembro Membro Member Coordinador Coordinadora Coordenador Coordenadora Representante Representative
Ciudadano Ciudadana Cidadão Cidadã Citizen Titular Adjunto Asociado Associado Vocero Vocera Dirigente Tesorero
Tesorera Socio Socia Fundador Fundadora Jefe Jefa Gerente Licenciado Licenciada Trabajador Trabajadora Trabalhador
Trabalhadora Funcionario Funcionaria Servidor Servidora Joven Jovem Mujer Mulher Hombre Homem Activista Feminista
""".split())
_ORGS = frozenset(w.capitalize() for w in """
Equipo Equipe Team Comité Comitê Committee Comisión Comissão Asociación Associação Association Fundación
Fundação Instituto Institute Sindicato Federación Federação Consejo Conselho Council Coordinación Coordenação
Red Rede Movimiento Movimento Colectivo Coletivo Grupo Group Centro Center Centre Junta
Universidad Universidade University
Ministerio Ministério Gobierno Governo Government República Nación Nação Estado State Congreso Congresso Senado
Cámara Câmara Municipalidad Prefeitura Gracias Obrigado Obrigada Thanks Thank Cordiales Todos Todas Chile Brasil
Brazil México Mexico Argentina ONG NGO Partido Party
""".split())

_STREET_ES_PT = (r"calle|c/|avenida|avda\.?|av\.?|pasaje|psje\.?|pje\.?|camino|paseo|bulevar|boulevard|blvd\.?|"
                 r"rua|r\.|travessa|trav\.|tv\.|alameda|praça|pça\.?|estrada")
_ADDR_TOKEN = rf"(?:{_CAP}|[{_UP}][{_LO}]{{0,4}}\.|\d{{1,2}}[ \t]+de[ \t]+{_CAP})"
_ADDRESS_ES_PT = re.compile(
    rf"(?<![\w/])(?P<type>(?i:{_STREET_ES_PT}))[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}"
    rf"{_ADDR_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_ADDR_TOKEN}){{0,5}}"
    r"[ \t]*,?[ \t]*(?:(?i:n[º°o]\.?|nro\.?|n[úu]m(?:ero)?\.?|#)[ \t]*)?"
    r"(?:(?P<num>\d{1,5})[A-Za-z]?(?![\w%])(?![.,/-]\d)|(?i:s/n)\b)"
    r"(?:[ \t]*,?[ \t]*(?i:apto?\.?|apartamento|depto?\.?|dpto\.?|departamento|piso|casa|bloco|bloque|block|"
    r"torre|of\.?|oficina|sala|conj\.?|conjunto)[ \t]*[0-9A-Z]{1,5}\b){0,2}"
)
_ADDRESS_EN = re.compile(
    rf"(?<![\w.,/-])\d{{1,5}}[ \t]+(?:[NSEW]\.?[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}}[ \t]+"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Crescent)\b\.?"
)


def _find_addresses(text: str) -> Iterator[tuple[int, int]]:
    for m in _ADDRESS_ES_PT.finditer(text):
        # "el camino de Santiago 2020", "la avenida Chile 2030": a street word in lower case
        # followed by a year is prose about a plan, not an address.
        if m.group("type").islower() and m.group("num") and _is_year(m.group("num")):
            continue
        yield m.start(), m.end()
    for m in _ADDRESS_EN.finditer(text):
        yield m.start(), m.end()


def _is_particle(word: str) -> bool:
    return re.fullmatch(_PARTICLE, word, re.IGNORECASE) is not None


def _name_span(m: re.Match[str], min_tokens: int) -> tuple[int, int] | None:
    """The name group of ``m`` without titles or trailing role words, if enough name tokens remain."""
    tokens = list(re.finditer(r"\S+", m.group("name")))
    words = [t.group() for t in tokens]
    keys = [w.capitalize() for w in words]  # "EL COMITÉ" is "El Comité"
    first = 0
    while first < len(words) and keys[first] not in _ARTICLES and (
        keys[first] in _TITLES or _is_particle(words[first])
    ):
        first += 1
    if first == len(words) or keys[first] in _ARTICLES or keys[first] in _ORGS:
        return None
    last = first
    while last + 1 < len(words) and keys[last + 1] not in _TITLES and keys[last + 1] not in _ORGS:
        last += 1
    while _is_particle(words[last]):
        last -= 1
    if sum(1 for w in words[first:last + 1] if not _is_particle(w)) < min_tokens:
        return None
    name = words[first:last + 1]
    cue = m.group()[:m.start("name") - m.start()]
    # In text written in capitals ("YO SOY JUSTO CON EL RESTO") capitals say nothing about names.
    if all(w.isupper() or _is_particle(w) for w in name) and not any(c.islower() for c in cue):
        return None
    base = m.start("name")
    return base + tokens[first].start(), base + tokens[last].end()


def _find_names(text: str) -> Iterator[tuple[int, int]]:
    for pattern, min_tokens in ((_INTRO_RE, 1), (_SOY_RE, 2), (_SIGN_RE, 1), (_HONORIFIC_RE, 1)):
        for m in pattern.finditer(text):
            span = _name_span(m, min_tokens)
            if span is not None:
                yield span


# ---------------------------------------------------------------- public API
def _check_kinds(kinds: Collection[str] | None) -> frozenset[str]:
    if kinds is None:
        return frozenset(PII_KINDS)
    wanted = frozenset([kinds] if isinstance(kinds, str) else kinds)
    unknown = sorted(wanted - set(PII_KINDS))
    if unknown:
        raise ValueError(f"kinds: unknown PII kind {unknown[0]!r}. Valid kinds: {', '.join(PII_KINDS)}.")
    return wanted


def _candidates(text: str) -> Iterator[tuple[int, int, str, int]]:
    """Every (start, end, kind, cue_bonus) any detector proposes, overlaps included."""
    if "@" in text:
        for m in _EMAIL_RE.finditer(text):
            yield m.start(), m.end(), "EMAIL", 0
    if any(c.isdigit() for c in text):
        for kind, pattern, is_valid in _ID_PATTERNS:
            for m in pattern.finditer(text):
                if is_valid(m.group()):
                    bonus = int(_ID_CUES[kind].search(text, max(0, m.start() - 30), m.start()) is not None)
                    yield m.start(), m.end(), kind, bonus
        for m in _DNI_RE.finditer(text):
            yield m.start("num"), m.end("num"), "DNI", 0
        for start, end in _find_phones(text):
            yield start, end, "PHONE", 0
        for start, end in _find_addresses(text):
            yield start, end, "ADDRESS", 0
    for start, end in _find_names(text):
        yield start, end, "NAME", 0


def find_pii(text: str, *, kinds: Collection[str] | None = None) -> list[PiiMatch]:
    """Personal data in ``text`` as sorted, non-overlapping matches, restricted to ``kinds`` (default: all).

    Overlaps are resolved over all kinds before filtering, so a CPF is never
    reported as a phone even when only ``kinds=["PHONE"]`` is asked for.
    Raises ``ValueError`` for a kind not in ``PII_KINDS``.
    """
    wanted = _check_kinds(kinds)
    ranked = sorted(_candidates(text), key=lambda c: (-_RANK[c[2]], c[0] - c[1], -c[3], c[0]))
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
        parts.append(text[pos:m.start])
        parts.append(f"[{m.kind}]")
        pos = m.end
        counts[m.kind] = counts.get(m.kind, 0) + 1
    parts.append(text[pos:])
    return "".join(parts), counts
