"""Street addresses: a street type, a name or number, and a house number.

Four shapes: Spanish/Portuguese "Calle Los Aromos 1234, depto 12" and "Rua das
Flores, 123 apto 52"; Colombian grid addresses "Calle 10 # 5-23", "Cra. 7 No.
45-12 apto 301"; Mexican ones with their colonia and postal code ("Av. Juárez
123 Int. 4, Col. Centro, C.P. 06000"); and English "123 Main Street". A street
word in lower case followed by a year ("la avenida Chile 2030") is prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["find_addresses"]

_UP = "A-ZÁÉÍÓÚÑÂÊÔÃÕÇÜÀ"
_LO = "a-záéíóúñâêôãõçüàèìòùäëïö"
_CAP = rf"(?:(?:[{_UP}]['’])?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)?|[{_UP}]{{2,}}(?![{_LO}]))"
_PARTICLE = r"(?:de|da|do|das|dos|del|la|las|los|di|van|von|der|du)"

# Flat, block and office after the number; Mexican "Int." (interior) too.
_UNIT = (
    r"(?:[ \t]*,?[ \t]*(?i:apto?\.?|apartamento|depto?\.?|dpto\.?|departamento|piso|casa|bloco|bloque|block|"
    r"torre|of\.?|oficina|sala|conj\.?|conjunto|int\.?|interior|local)[ \t]*[0-9A-Z]{1,5}\b){0,2}"
)
# Mexican tail: ", Col. Centro" / "colonia Roma Norte", then ", C.P. 06000".
_COLONIA = rf"(?:[ \t]*,?[ \t]*(?i:col\.|colonia)[ \t]+{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP}){{0,3}})?"
_POSTAL = r"(?:[ \t]*,?[ \t]*(?i:c\.[ ]?p\.|cp)[ \t]*\d{5}\b)?"

_STREET_ES_PT = (
    r"calle|c/|avenida|avda\.?|av\.?|pasaje|psje\.?|pje\.?|camino|paseo|bulevar|boulevard|blvd\.?|"
    r"calzada|calz\.?|privada|priv\.?|cerrada|andador|prolongaci[óo]n|prol\.?|"
    r"rua|r\.|travessa|trav\.|tv\.|alameda|praça|pça\.?|estrada"
)
_ADDR_TOKEN = rf"(?:{_CAP}|[{_UP}][{_LO}]{{0,4}}\.|\d{{1,2}}[ \t]+de[ \t]+{_CAP})"
_ADDRESS_ES_PT = re.compile(
    rf"(?<![\w/])(?P<type>(?i:{_STREET_ES_PT}))[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}"
    rf"{_ADDR_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_ADDR_TOKEN}){{0,5}}"
    r"[ \t]*,?[ \t]*(?:(?i:n[º°o]\.?|nro\.?|n[úu]m(?:ero)?\.?|#)[ \t]*)?"
    r"(?:(?P<num>\d{1,5})[A-Za-z]?(?![\w%])(?![.,/-]\d)|(?i:s/n)\b)"
    rf"{_UNIT}{_COLONIA}{_POSTAL}"
)
# Colombia: a numbered street ("Calle 10", "Cra. 7A", "Diagonal 45 Bis Sur"), "#" / "No." and the
# cross street and distance ("5-23"). The "# 5-23" part is what makes it an address.
_STREET_CO = (
    r"calle|cll?\.?|carrera|cra\.?|kra\.?|cr\.?|kr\.?|transversal|tv\.?|trans\.?|diagonal|dg\.?|diag\.?|"
    r"avenida(?:[ \t]+(?:calle|carrera))?|av\.?(?:[ \t]+(?:calle|carrera|cra\.?))?|ak|ac"
)
_ADDRESS_CO = re.compile(
    rf"(?<![\w/])(?i:{_STREET_CO})[ \t]*\d{{1,3}}[ \t]?[A-Za-z]?(?:[ \t]+(?i:bis|sur|norte|este|oeste)){{0,2}}"
    r"[ \t]*(?:#|(?i:n[º°o]\.?|nro\.?|n[úu]m(?:ero)?\.?))[ \t]*\d{1,3}[ \t]?[A-Za-z]?[ \t]*[-–][ \t]*\d{1,3}"
    r"(?:[ \t]+(?i:bis|sur|norte|este|oeste))?(?![\w%])(?![.,/]\d)"
    rf"{_UNIT}"
)
# Mexico and Peru: "Mz. 5 Lt. 12", "Manzana 3 Lote 12".
_ADDRESS_LOT = re.compile(
    r"(?<![\w/])(?i:mz\.?|manzana)[ \t]*[0-9A-Z]{1,4}[ \t]*,?[ \t]*(?i:lt\.?|lote)[ \t]*\d{1,4}\b"
    rf"{_COLONIA}{_POSTAL}"
)
_ADDRESS_EN = re.compile(
    rf"(?<![\w.,/-])\d{{1,5}}[ \t]+(?:[NSEW]\.?[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}}[ \t]+"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Crescent)\b\.?"
)


# Chile and Brazil: "Villa Los Aromos, calle Las Rosas, casa 17", "pasaje 3, casa 17", "conjunto X, bloco 2,
# apto 31". The neighbourhood, the street and a house number together are an address in any case.
_WORDS = r"[\w'’.-]+(?:[ \t]+[\w'’.-]+){0,4}?"
_AREA = r"(?i:villa|vila|poblaci[óo]n|pobl\.|condominio|condom[íi]nio|conjunto|barrio|bairro|jardim|loteamento|sector|setor)"
_HOUSE = (
    r"(?i:casa|depto\.?|dpto\.?|departamento|apto\.?|apartamento|block|bloque|bloco|sitio|parcela|lote|"
    r"n[º°o]\.?|nro\.?|n[úu]mero|#)"
)
_HOUSE_WORD = re.compile(rf"(?<!\w){_HOUSE}[ \t]*\d")
_ADDRESS_HOUSE = re.compile(
    rf"(?<![\w/])(?P<area>{_AREA}[ \t]+{_WORDS}[ \t]*,?[ \t]+)?(?P<type>(?i:{_STREET_ES_PT}))[ \t]+(?P<street>{_WORDS})"
    r"(?P<comma>[ \t]*,)?[ \t]*"
    rf"{_HOUSE}[ \t]*\d{{1,5}}[A-Za-z]?\b"
)


def _is_year(g: str) -> bool:
    return len(g) == 4 and 1900 <= int(g) <= 2099


def find_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Spans of street addresses in ``text`` (overlaps possible)."""
    for m in _ADDRESS_ES_PT.finditer(text):
        # "el camino de Santiago 2020", "la avenida Chile 2030": a street word in lower case
        # followed by a year is prose about a plan, not an address.
        if m.group("type").islower() and m.group("num") and _is_year(m.group("num")):
            continue
        yield m.start(), m.end()
    for m in _ADDRESS_HOUSE.finditer(text) if _HOUSE_WORD.search(text) else ():
        # Without its neighbourhood, "la calle está mala en la casa 2" is prose: ask for a street
        # name in capitals or a number ("pasaje 3"), or a comma before the house number.
        first = m.group("street")[:1]
        if m.group("area") or m.group("comma") or first.isupper() or first.isdigit():
            yield m.start(), m.end()
    for pattern in (_ADDRESS_CO, _ADDRESS_LOT, _ADDRESS_EN):
        for m in pattern.finditer(text):
            yield m.start(), m.end()
