"""Deterministic fake personal data for tests and benchmarks.

Every identifier generated here passes its validator, so a detector that misses
one has a real recall problem. All functions take a ``random.Random`` and draw
only from it: the same seed gives the same output.
"""

from __future__ import annotations

import random
import unicodedata

from consultnlp.privacy.validators import (
    CUIT_PREFIXES,
    CURP_STATES,
    cnpj_check_digits,
    cpf_check_digits,
    cuit_check_digit,
    curp_check_digit,
    rfc_check_digit,
    rut_check_digit,
)

__all__ = [
    "PHONE_COUNTRIES",
    "PLANTED_KINDS",
    "fake_cnpj",
    "fake_cpf",
    "fake_cuit",
    "fake_curp",
    "fake_dni",
    "fake_email",
    "fake_phone",
    "fake_rfc",
    "fake_rut",
    "planted_sentences",
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
        return rng.choice((
            f"+55 {ddd} {mobile}", f"({ddd}) {mobile}", f"{ddd} {mobile}", f"({ddd}) {land}",
            f"0800 {_digits(rng, 3)} {_digits(rng, 4)}", f"+55{ddd}9{_digits(rng, 8)}",
        ))
    if country == "CL":
        return rng.choice((
            f"+56 9 {_digits(rng, 4)} {_digits(rng, 4)}", f"+56 2 2{_digits(rng, 3)} {_digits(rng, 4)}",
            f"9 {_digits(rng, 4)} {_digits(rng, 4)}", f"+569{_digits(rng, 8)}",
            f"(2) 2{_digits(rng, 3)} {_digits(rng, 4)}",
        ))
    if country == "AR":
        return rng.choice((
            f"+54 9 11 {_group(rng, 4, '23456')}-{_digits(rng, 4)}", f"011 {_group(rng, 4, '2345')}-{_digits(rng, 4)}",
            f"11 {_group(rng, 4, '2345')}-{_digits(rng, 4)}", f"15-{_group(rng, 4, '2345')}-{_digits(rng, 4)}",
            f"0800-{_digits(rng, 3)}-{_digits(rng, 4)}", f"+54 351 {_digits(rng, 3)}-{_digits(rng, 4)}",
        ))
    if country == "MX":
        return rng.choice((
            f"+52 55 {_digits(rng, 4)} {_digits(rng, 4)}", f"55 {_group(rng, 4, '123456789')} {_digits(rng, 4)}",
            f"(55) {_digits(rng, 4)}-{_digits(rng, 4)}", f"+52 1 33 {_digits(rng, 4)} {_digits(rng, 4)}",
            f"722 {_digits(rng, 3)} {_digits(rng, 4)}",
        ))
    if country == "US":
        area, mid, last = _group(rng, 3, "23456789"), _group(rng, 3, "23456789"), _digits(rng, 4)
        return rng.choice((
            f"+1 ({area}) {mid}-{last}", f"({area}) {mid}-{last}", f"{area}-{mid}-{last}",
            f"+1 {area} {mid} {last}", f"{area}.{mid}.{last}",
        ))
    raise ValueError(f"country: unknown {country!r}. Valid countries: {', '.join(PHONE_COUNTRIES)}.")


_FIRST = {
    "es": ("Juan", "María", "José", "Camila", "Javiera", "Matías", "Sofía", "Diego", "Valentina", "Francisco",
           "Ignacio", "Catalina", "Andrés", "Fernanda", "María José", "Luis Alberto"),
    "pt": ("João", "Maria", "Ana", "Pedro", "Lucas", "Juliana", "Gabriel", "Beatriz", "Rafael", "Larissa",
           "Antônio", "Conceição", "Ana Paula", "José Carlos"),
    "en": ("John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "Sarah", "David"),
}
_LAST = {
    "es": ("Pérez", "González", "Muñoz", "Rojas", "Díaz", "Soto", "Contreras", "Silva", "Martínez", "Sepúlveda",
           "Morales", "Rodríguez", "López", "Fuentes", "de la Fuente", "del Río", "Ñancupil", "Hernández Vega"),
    "pt": ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida", "Nascimento",
           "Lima", "dos Santos", "da Silva", "de Souza Lima", "Gonçalves"),
    "en": ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "O'Brien", "Taylor", "Wilson"),
}
_DOMAINS = ("gmail.com", "hotmail.com", "yahoo.com.br", "outlook.com", "uol.com.br", "terra.cl", "live.com.mx",
            "fibertel.com.ar", "example.org", "municipio.gob.cl")


def _fake_name(rng: random.Random, lang: str) -> str:
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
    "es": (("Calle", "Av.", "Avenida", "Pasaje", "Psje.", "Camino", "calle"),
           ("Los Aromos", "Providencia", "San Martín", "Libertador Bernardo O'Higgins", "Las Rosas", "Irarrázaval",
            "9 de Julio", "Corrientes", "El Alba", "Vicuña Mackenna", "Gral. Velásquez")),
    "pt": (("Rua", "Av.", "Avenida", "Travessa", "Alameda", "Praça", "R."),
           ("das Flores", "Paulista", "Augusta", "Sete de Setembro", "25 de Março", "dos Andradas", "Santos",
            "Dr. Arnaldo", "Presidente Vargas", "do Ouvidor")),
    "en": (("Street", "Avenue", "Road", "St.", "Ave.", "Lane", "Drive"),
           ("Main", "Oak", "Maple", "Elm", "Washington", "Park", "Lake View", "Martin Luther King")),
}


def _fake_address(rng: random.Random, lang: str) -> str:
    kinds, names = _STREETS[lang]
    number = str(rng.randint(1, 9999))
    if lang == "en":
        return f"{number} {rng.choice(names)} {rng.choice(kinds)}"
    comma = ", " if rng.random() < 0.5 else " "
    flat = rng.choice(("", "", f" apto {rng.randint(1, 300)}" if lang == "pt" else f" depto {rng.randint(1, 300)}"))
    return f"{rng.choice(kinds)} {rng.choice(names)}{comma}{number}{flat}"


# Carrier sentences per (lang, kind). "{x}" is the identifier; the surrounding numbers
# (years, ages, counts) are there on purpose: a detector must not swallow them.
_CARRIERS: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {
        "RUT": ("Mi RUT es {x} y vivo en Maipú", "RUT: {x}", "Firmo con mi RUN {x}, vecina de La Florida desde 2010.",
                "Adjunto mi cédula {x} para validar la participación.", "Soy socio del sindicato ({x})."),
        "CUIT": ("CUIT {x}", "Mi CUIL es {x} y trabajo hace 12 años en el rubro.", "Facturar a {x} por favor."),
        "DNI": ("DNI {x}", "Mi DNI es {x} y tengo 34 años.", "D.N.I. Nº {x}", "documento de identidad nº {x}",
                "Firmado: C.I. {x}, Montevideo 2021."),
        "CURP": ("Mi CURP es {x}.", "CURP: {x}", "Registro con CURP {x} en 2019."),
        "RFC": ("RFC {x}", "Facturar al RFC {x} por favor.", "Nuestra cooperativa (RFC: {x}) apoya la propuesta."),
        "PHONE": ("Pueden llamarme al {x}.", "Mi celular es {x}", "Contacto: {x}", "Teléfono {x} (horario de oficina)",
                  "Escríbanme al {x} si tienen dudas sobre el artículo 19.",
                  "En 2023 presenté la idea; mi número es {x}."),
        "EMAIL": ("Escríbanme a {x}.", "Correo: {x}", "Más información en {x} o en la junta de vecinos."),
        "ADDRESS": ("Vivo en {x}, Santiago.", "La reunión será en {x} a las 19:00.", "Dirección: {x}"),
        "NAME": ("Me llamo {x} y quiero opinar sobre la educación.", "Mi nombre es {x}.",
                 "Hola, soy {x}, vecina de Ñuñoa.",
                 "Atentamente,\n{x}", "Saludos,\n{x}", "Lo planteó el Sr. {x} en la reunión de 2016.",
                 "La Dra. {x} presentó 3 propuestas."),
    },
    "pt": {
        "CPF": ("Meu CPF: {x}", "CPF {x}, moradora de Recife.", "Segue meu CPF {x} para cadastro.",
                "Sou agricultor, CPF nº {x}, e apoio a proposta 12.",
                "Informo o CPF {x} conforme solicitado em 2024."),
        "CNPJ": ("A associação (CNPJ {x}) apoia a meta 3.", "Empresa inscrita no CNPJ sob o nº {x}.", "CNPJ: {x}"),
        "PHONE": ("Meu telefone é {x}.", "Contato: {x}", "WhatsApp {x}", "Liguem para {x} em horário comercial.",
                  "Estou à disposição no {x} desde 2022."),
        "EMAIL": ("Meu e-mail é {x}.", "Contato: {x}", "Enviem sugestões para {x} até 30/11/2024."),
        "ADDRESS": ("Moro na {x}, em São Paulo.", "A sede fica na {x}.", "Endereço: {x}"),
        "NAME": ("Meu nome é {x} e sou pescadora.", "Eu sou {x}, moradora do bairro.", "Atenciosamente,\n{x}",
                 "Abraços,\n{x}", "Conforme a Sra. {x} explicou em 2023."),
    },
    "en": {
        "PHONE": ("Call me at {x}", "Phone: {x}", "You can reach our office on {x} after 5 pm.",
                  "Text {x} for updates."),
        "EMAIL": ("Email me at {x}", "Contact: {x}", "Send comments to {x} by 31 March 2024."),
        "ADDRESS": ("I live at {x}, Springfield.", "Our clinic at {x} has 3 doctors.", "Address: {x}"),
        "NAME": ("My name is {x} and I support this.", "Sincerely,\n{x}", "Kind regards,\n{x}",
                 "As Mr. {x} said in 2019, we need more parks.", "I am {x}, a local resident."),
    },
}
PLANTED_KINDS = {lang: tuple(by_kind) for lang, by_kind in _CARRIERS.items()}
_PHONE_COUNTRY = {"es": ("CL", "AR", "MX"), "pt": ("BR",), "en": ("US",)}


def _fake_identifier(rng: random.Random, kind: str, lang: str) -> str:
    formatted = rng.random() < 0.7
    makers = {
        "CPF": lambda: fake_cpf(rng, formatted), "CNPJ": lambda: fake_cnpj(rng, formatted),
        "RUT": lambda: fake_rut(rng, formatted), "CUIT": lambda: fake_cuit(rng, formatted),
        "DNI": lambda: fake_dni(rng, formatted), "CURP": lambda: fake_curp(rng), "RFC": lambda: fake_rfc(rng),
        "PHONE": lambda: fake_phone(rng, rng.choice(_PHONE_COUNTRY[lang])), "EMAIL": lambda: fake_email(rng),
        "ADDRESS": lambda: _fake_address(rng, lang), "NAME": lambda: _fake_name(rng, lang),
    }
    return makers[kind]()


def planted_sentences(
    rng: random.Random, n: int, lang: str, *, kinds: tuple[str, ...] | None = None
) -> list[tuple[str, str, str]]:
    """``n`` sentences in ``lang`` ("es", "pt", "en"), each carrying one fake identifier.

    Returns ``(sentence, kind, identifier)`` triples; kinds rotate over
    ``kinds`` (default: every kind natural for the language, ``PLANTED_KINDS[lang]``).
    """
    if lang not in _CARRIERS:
        raise ValueError(f"lang: unknown {lang!r}. Valid languages: {', '.join(_CARRIERS)}.")
    kinds = PLANTED_KINDS[lang] if kinds is None else kinds
    bad = [k for k in kinds if k not in _CARRIERS[lang]]
    if bad:
        valid = ", ".join(PLANTED_KINDS[lang])
        raise ValueError(f"kinds: no {lang!r} carrier sentences for {bad[0]!r}. Valid: {valid}.")
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        identifier = _fake_identifier(rng, kind, lang)
        sentence = rng.choice(_CARRIERS[lang][kind]).format(x=identifier)
        out.append((sentence, kind, identifier))
    return out
