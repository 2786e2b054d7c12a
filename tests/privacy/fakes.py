"""Deterministic fake personal data for tests and benchmarks.

Every identifier generated here passes its validator, so a detector that misses
one has a real recall problem. All functions take a ``random.Random`` and draw
only from it: the same seed gives the same output.
"""

from __future__ import annotations

import random
import unicodedata

from stdnum import iban as _iban
from stdnum import luhn as _luhn
from stdnum.co import nit as _co_nit
from stdnum.pe import ruc as _pe_ruc

from consultnlp.privacy.validators import (
    CUIT_PREFIXES,
    CURP_STATES,
    cnh_check_digits,
    cnpj_check_digits,
    cpf_check_digits,
    cuit_check_digit,
    curp_check_digit,
    is_valid_ec_ci,
    pis_check_digit,
    rfc_check_digit,
    rg_sp_check_digit,
    rut_check_digit,
    uy_ci_check_digit,
    voter_id_check_digits,
)

__all__ = [
    "PHONE_COUNTRIES",
    "fake_address",
    "fake_card",
    "fake_cc_co",
    "fake_cnh",
    "fake_ec_ci",
    "fake_iban",
    "fake_ine",
    "fake_name",
    "fake_nit",
    "fake_pis",
    "fake_rg",
    "fake_ruc",
    "fake_uy_ci",
    "fake_voter_id",
    "fake_cnpj",
    "fake_cpf",
    "fake_cuit",
    "fake_curp",
    "fake_dni",
    "fake_email",
    "fake_phone",
    "fake_rfc",
    "fake_rut",
]

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def fake_cpf(rng: random.Random, formatted: bool = True) -> str:
    """A valid CPF, ``123.456.789-09`` or bare ``12345678909``."""
    base = _digits(rng, 9)
    while base == base[0] * 9:
        base = _digits(rng, 9)
    n = base + cpf_check_digits(base)
    return f"{n[:3]}.{n[3:6]}.{n[6:9]}-{n[9:]}" if formatted else n


def fake_cnpj(rng: random.Random, formatted: bool = True) -> str:
    """A valid numeric CNPJ (head office ``0001`` most of the time), ``12.345.678/0001-95`` or bare."""
    branch = "0001" if rng.random() < 0.8 else f"{rng.randint(2, 99):04d}"
    base = _digits(rng, 8) + branch
    n = base + cnpj_check_digits(base)
    return f"{n[:2]}.{n[2:5]}.{n[5:8]}/{n[8:12]}-{n[12:]}" if formatted else n


def fake_rut(rng: random.Random, formatted: bool = True) -> str:
    """A valid Chilean RUT, ``12.345.678-5`` or ``12345678-5`` (a K verifier may appear as ``12345678K``)."""
    body = str(rng.randint(1_000_000, 26_000_000))
    dv = rut_check_digit(body)
    if formatted:
        dotted = f"{int(body):,}".replace(",", ".")
        return f"{dotted}-{dv}"
    if dv == "K" and rng.random() < 0.5:
        return f"{body}K"
    return f"{body}-{dv}"


def fake_cuit(rng: random.Random, formatted: bool = True) -> str:
    """A valid Argentine CUIT/CUIL, ``20-12345678-6`` or bare ``20123456786``."""
    while True:
        base = rng.choice(CUIT_PREFIXES) + str(rng.randint(10_000_000, 45_999_999))
        dv = cuit_check_digit(base)
        if dv is not None:
            break
    return f"{base[:2]}-{base[2:]}-{dv}" if formatted else base + dv


def fake_dni(rng: random.Random, formatted: bool = True) -> str:
    """An Argentine DNI number (no check digit), ``12.345.678`` or ``12345678``."""
    n = rng.randint(5_000_000, 45_999_999)
    return f"{n:,}".replace(",", ".") if formatted else str(n)


def _yymmdd(rng: random.Random, first_year: int, last_year: int) -> tuple[int, str]:
    year = rng.randint(first_year, last_year)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)  # every month has a 28th: always a real date
    return year, f"{year % 100:02d}{month:02d}{day:02d}"


def fake_curp(rng: random.Random) -> str:
    """A valid Mexican CURP (18 characters)."""
    year, date = _yymmdd(rng, 1940, 2015)
    head = rng.choice(_LETTERS) + rng.choice("AEIOU") + rng.choice(_LETTERS) + rng.choice(_LETTERS)
    inner = "".join(rng.choice(_CONSONANTS) for _ in range(3))
    # Position 17 is a digit for births up to 1999 and a letter from 2000.
    differentiator = rng.choice("0123456789") if year < 2000 else rng.choice(_LETTERS)
    base = head + date + rng.choice("HM") + rng.choice(CURP_STATES) + inner + differentiator
    return base + curp_check_digit(base)


def fake_rfc(rng: random.Random, persona: str | None = None) -> str:
    """A valid Mexican RFC: 13 characters for ``persona="fisica"``, 12 for ``"moral"`` (random if None)."""
    if persona is None:
        persona = rng.choice(("fisica", "fisica", "moral"))
    if persona not in ("fisica", "moral"):
        raise ValueError(f"persona: expected 'fisica' or 'moral', got {persona!r}.")
    letters = 4 if persona == "fisica" else 3
    _, date = _yymmdd(rng, 1940, 2020)
    homoclave = "".join(rng.choice("123456789ABCDEFGHIJKLMNPQRSTUVWXYZ") for _ in range(2))
    base = "".join(rng.choice(_LETTERS) for _ in range(letters)) + date + homoclave
    return base + rfc_check_digit(base)


def _group(rng: random.Random, n: int, first: str) -> str:
    """``n`` digits whose first is drawn from ``first`` (landlines start 2-5, US exchanges 2-9)."""
    return rng.choice(first) + _digits(rng, n - 1)


PHONE_COUNTRIES = ("BR", "CL", "AR", "MX", "US")


def fake_phone(rng: random.Random, country: str) -> str:
    """A phone number in one of the common written formats of ``country`` (one of ``PHONE_COUNTRIES``)."""
    if country == "BR":
        ddd = rng.choice(("11", "21", "31", "41", "48", "51", "61", "62", "71", "81", "85", "91", "92"))
        mobile = f"9{_digits(rng, 4)}-{_digits(rng, 4)}"
        land = f"{_group(rng, 4, '2345')}-{_digits(rng, 4)}"
        return rng.choice(
            (
                f"+55 {ddd} {mobile}",
                f"({ddd}) {mobile}",
                f"{ddd} {mobile}",
                f"({ddd}) {land}",
                f"0800 {_digits(rng, 3)} {_digits(rng, 4)}",
                f"+55{ddd}9{_digits(rng, 8)}",
            )
        )
    if country == "CL":
        return rng.choice(
            (
                f"+56 9 {_digits(rng, 4)} {_digits(rng, 4)}",
                f"+56 2 2{_digits(rng, 3)} {_digits(rng, 4)}",
                f"9 {_digits(rng, 4)} {_digits(rng, 4)}",
                f"+569{_digits(rng, 8)}",
                f"(2) 2{_digits(rng, 3)} {_digits(rng, 4)}",
            )
        )
    if country == "AR":
        return rng.choice(
            (
                f"+54 9 11 {_group(rng, 4, '23456')}-{_digits(rng, 4)}",
                f"011 {_group(rng, 4, '2345')}-{_digits(rng, 4)}",
                f"11 {_group(rng, 4, '2345')}-{_digits(rng, 4)}",
                f"15-{_group(rng, 4, '2345')}-{_digits(rng, 4)}",
                f"0800-{_digits(rng, 3)}-{_digits(rng, 4)}",
                f"+54 351 {_digits(rng, 3)}-{_digits(rng, 4)}",
            )
        )
    if country == "MX":
        return rng.choice(
            (
                f"+52 55 {_digits(rng, 4)} {_digits(rng, 4)}",
                f"55 {_group(rng, 4, '123456789')} {_digits(rng, 4)}",
                f"(55) {_digits(rng, 4)}-{_digits(rng, 4)}",
                f"+52 1 33 {_digits(rng, 4)} {_digits(rng, 4)}",
                f"722 {_digits(rng, 3)} {_digits(rng, 4)}",
            )
        )
    if country == "US":
        area, mid, last = _group(rng, 3, "23456789"), _group(rng, 3, "23456789"), _digits(rng, 4)
        return rng.choice(
            (
                f"+1 ({area}) {mid}-{last}",
                f"({area}) {mid}-{last}",
                f"{area}-{mid}-{last}",
                f"+1 {area} {mid} {last}",
                f"{area}.{mid}.{last}",
            )
        )
    raise ValueError(f"country: unknown {country!r}. Valid countries: {', '.join(PHONE_COUNTRIES)}.")


_FIRST = {
    "es": (
        "Juan",
        "María",
        "José",
        "Camila",
        "Javiera",
        "Matías",
        "Sofía",
        "Diego",
        "Valentina",
        "Francisco",
        "Ignacio",
        "Catalina",
        "Andrés",
        "Fernanda",
        "María José",
        "Luis Alberto",
    ),
    "pt": (
        "João",
        "Maria",
        "Ana",
        "Pedro",
        "Lucas",
        "Juliana",
        "Gabriel",
        "Beatriz",
        "Rafael",
        "Larissa",
        "Antônio",
        "Conceição",
        "Ana Paula",
        "José Carlos",
    ),
    "en": ("John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "Sarah", "David"),
}
_LAST = {
    "es": (
        "Pérez",
        "González",
        "Muñoz",
        "Rojas",
        "Díaz",
        "Soto",
        "Contreras",
        "Silva",
        "Martínez",
        "Sepúlveda",
        "Morales",
        "Rodríguez",
        "López",
        "Fuentes",
        "de la Fuente",
        "del Río",
        "Ñancupil",
        "Hernández Vega",
    ),
    "pt": (
        "Silva",
        "Santos",
        "Oliveira",
        "Souza",
        "Pereira",
        "Costa",
        "Rodrigues",
        "Almeida",
        "Nascimento",
        "Lima",
        "dos Santos",
        "da Silva",
        "de Souza Lima",
        "Gonçalves",
    ),
    "en": ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "O'Brien", "Taylor", "Wilson"),
}
_DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "yahoo.com.br",
    "outlook.com",
    "uol.com.br",
    "terra.cl",
    "live.com.mx",
    "fibertel.com.ar",
    "example.org",
    "municipio.gob.cl",
)


def fake_name(rng: random.Random, lang: str) -> str:
    """A given name and a surname common in ``lang`` ("es", "pt", "en")."""
    return f"{rng.choice(_FIRST[lang])} {rng.choice(_LAST[lang])}"


def fake_email(rng: random.Random) -> str:
    """An e-mail address such as ``maria.gonzalez84@gmail.com``."""
    lang = rng.choice(("es", "pt", "en"))
    first = rng.choice(_FIRST[lang]).split()[0]
    last = rng.choice(_LAST[lang]).split()[-1]
    ascii_name = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode().lower()
    ascii_name = ascii_name.replace("'", "")
    sep = rng.choice((".", "_", ""))
    user = ascii_name.replace(".", sep) + (str(rng.randint(1, 99)) if rng.random() < 0.5 else "")
    return f"{user}@{rng.choice(_DOMAINS)}"


_STREETS = {
    "es": (
        ("Calle", "Av.", "Avenida", "Pasaje", "Psje.", "Camino", "calle"),
        (
            "Los Aromos",
            "Providencia",
            "San Martín",
            "Libertador Bernardo O'Higgins",
            "Las Rosas",
            "Irarrázaval",
            "9 de Julio",
            "Corrientes",
            "El Alba",
            "Vicuña Mackenna",
            "Gral. Velásquez",
        ),
    ),
    "pt": (
        ("Rua", "Av.", "Avenida", "Travessa", "Alameda", "Praça", "R."),
        (
            "das Flores",
            "Paulista",
            "Augusta",
            "Sete de Setembro",
            "25 de Março",
            "dos Andradas",
            "Santos",
            "Dr. Arnaldo",
            "Presidente Vargas",
            "do Ouvidor",
        ),
    ),
    "en": (
        ("Street", "Avenue", "Road", "St.", "Ave.", "Lane", "Drive"),
        ("Main", "Oak", "Maple", "Elm", "Washington", "Park", "Lake View", "Martin Luther King"),
    ),
}


def fake_address(rng: random.Random, lang: str) -> str:
    """A street address as written in ``lang``: Spanish also in Colombian and Mexican shapes."""
    if lang == "es" and rng.random() < 0.4:
        return _fake_address_co_mx(rng)
    kinds, names = _STREETS[lang]
    number = str(rng.randint(1, 9999))
    if lang == "en":
        return f"{number} {rng.choice(names)} {rng.choice(kinds)}"
    comma = ", " if rng.random() < 0.5 else " "
    flat = rng.choice(("", "", f" apto {rng.randint(1, 300)}" if lang == "pt" else f" depto {rng.randint(1, 300)}"))
    return f"{rng.choice(kinds)} {rng.choice(names)}{comma}{number}{flat}"


def _fake_address_co_mx(rng: random.Random) -> str:
    """Colombian grid ("Calle 10 # 5-23 apto 301") or Mexican ("Av. Juárez 123 Int. 4, Col. Centro, C.P. 06000")."""
    if rng.random() < 0.6:
        street = rng.choice(("Calle", "Carrera", "Cra.", "Cl.", "Transversal", "Diagonal", "Av. Carrera", "Kr"))
        letter = rng.choice(("", "", "A", "B", " Bis"))
        sign = rng.choice(("#", "# ", "No. ", "N° "))
        flat = rng.choice(("", "", f" apto {rng.randint(101, 1504)}", f" Int. {rng.randint(1, 9)}"))
        return f"{street} {rng.randint(1, 170)}{letter} {sign}{rng.randint(1, 99)}-{rng.randint(1, 99)}{flat}"
    street = rng.choice(("Av.", "Calle", "Calzada", "Privada", "Blvd."))
    name = rng.choice(("Juárez", "Insurgentes Sur", "Hidalgo", "Morelos", "Benito Juárez", "Reforma", "Las Flores"))
    colonia = rng.choice(("Centro", "Roma Norte", "Del Valle", "Doctores", "Jardines del Sur"))
    tail = rng.choice((f", Col. {colonia}", f", colonia {colonia}", f" Col. {colonia}, C.P. {rng.randint(1000, 99999):05d}"))
    return f"{street} {name} {rng.randint(1, 3000)}{tail}"


def fake_card(rng: random.Random) -> str:
    """A Luhn-valid card number (Visa, Mastercard, Amex, Elo), grouped by spaces or hyphens, or bare."""
    prefix, length = rng.choice(
        (("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("636368", 16), ("4", 13), ("6011", 16))
    )
    base = prefix + _digits(rng, length - len(prefix) - 1)
    n = base + _luhn.calc_check_digit(base)
    sep = rng.choice((" ", "-", ""))
    if length == 15:
        return sep.join((n[:4], n[4:10], n[10:]))
    if length == 16:
        return sep.join(n[i : i + 4] for i in range(0, 16, 4))
    return n


# BBAN lengths (digits only, which every one of these countries allows) for the IBANs people here hold.
_IBAN_BBAN = {"ES": 20, "PT": 21, "DE": 18, "FR": None, "GB": None, "BR": None}


def fake_iban(rng: random.Random) -> str:
    """A valid IBAN (Spain, Portugal, Germany, UK, Brazil), grouped by fours or bare."""
    country = rng.choice(("ES", "PT", "DE", "GB", "BR"))
    if country == "GB":
        bban = "".join(rng.choice(_LETTERS) for _ in range(4)) + _digits(rng, 14)
    elif country == "BR":
        bban = _digits(rng, 23) + rng.choice("CP") + rng.choice("123456789")
    else:
        bban = _digits(rng, {"ES": 20, "PT": 21, "DE": 18}[country])
    while country == "ES" and not _iban.is_valid(country + _iban.calc_check_digits(country + "00" + bban) + bban):
        bban = _digits(rng, 20)  # Spanish BBANs carry their own two check digits
    while country == "PT" and not _iban.is_valid(country + _iban.calc_check_digits(country + "00" + bban) + bban):
        bban = _digits(rng, 21)
    n = country + _iban.calc_check_digits(country + "00" + bban) + bban
    return " ".join(n[i : i + 4] for i in range(0, len(n), 4)) if rng.random() < 0.7 else n


def fake_nit(rng: random.Random) -> str:
    """A valid Colombian company NIT, ``900.123.456-7``."""
    base = rng.choice("89") + _digits(rng, 8)
    dv = _co_nit.calc_check_digit(base)
    return f"{base[:3]}.{base[3:6]}.{base[6:]}-{dv}"


def fake_ruc(rng: random.Random) -> str:
    """A valid Peruvian RUC (11 digits, persons 10..., companies 20...)."""
    base = rng.choice(("10", "20")) + _digits(rng, 8)
    return base + _pe_ruc.calc_check_digit(base)


def fake_rg(rng: random.Random) -> str:
    """A São Paulo RG with its check digit, ``12.345.678-X``."""
    base = _digits(rng, 8)
    return f"{base[:2]}.{base[2:5]}.{base[5:]}-{rg_sp_check_digit(base)}"


def fake_pis(rng: random.Random, formatted: bool = True) -> str:
    """A valid PIS/PASEP/NIS, ``123.45678.90-1`` or bare."""
    base = rng.choice("12") + _digits(rng, 9)
    n = base + pis_check_digit(base)
    return f"{n[:3]}.{n[3:8]}.{n[8:10]}-{n[10]}" if formatted else n


def fake_voter_id(rng: random.Random) -> str:
    """A valid título de eleitor, ``1234 5678 0191`` (state codes 01-28)."""
    base = _digits(rng, 8) + f"{rng.randint(1, 28):02d}"
    n = base + voter_id_check_digits(base)
    return " ".join(n[i : i + 4] for i in range(0, 12, 4)) if rng.random() < 0.6 else n


def fake_cnh(rng: random.Random) -> str:
    """A valid CNH number (11 digits)."""
    base = _digits(rng, 9)
    return base + cnh_check_digits(base)


def fake_ine(rng: random.Random) -> str:
    """An INE clave de elector: six consonants, birth date, state 01-32, H/M, three digits."""
    _, date = _yymmdd(rng, 1940, 1999)
    return "".join(rng.choice(_CONSONANTS) for _ in range(6)) + date + f"{rng.randint(1, 32):02d}" + rng.choice("HM") + _digits(rng, 3)


def fake_uy_ci(rng: random.Random) -> str:
    """A valid Uruguayan CI, ``1.234.567-2``."""
    base = str(rng.randint(1_000_000, 6_999_999))
    return f"{base[0]}.{base[1:4]}.{base[4:]}-{uy_ci_check_digit(base)}"


def fake_ec_ci(rng: random.Random) -> str:
    """A valid Ecuadorian cédula (10 digits)."""
    while True:
        n = f"{rng.randint(1, 24):02d}" + str(rng.randint(0, 5)) + _digits(rng, 7)
        if is_valid_ec_ci(n):
            return n


def fake_cc_co(rng: random.Random) -> str:
    """A Colombian cédula de ciudadanía number (no check digit), ``1.020.304.050`` or ``79.123.456``."""
    n = rng.choice((rng.randint(1_000_000_000, 1_100_000_000), rng.randint(10_000_000, 99_999_999)))
    return f"{n:,}".replace(",", ".") if rng.random() < 0.7 else str(n)
