"""Sentences holding the formats that leaked past the detectors (issue 21), for tests and benchmarks.

:func:`leaked_sentences` yields ``(sentence, kind, value, variant)``: ``value`` is
the exact text a redaction must remove, ``variant`` names the disguise (``lower``,
``fullwidth``, ``percent`` ...), so a benchmark can report recall per kind and per
variant. Values are generated with valid check digits where the kind has one.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from consultnlp.privacy.validators import clabe_check_digit
from tests.privacy.fakes import fake_cpf, fake_email, fake_rg

__all__ = ["LEAKED_VARIANTS", "leaked_sentences"]

_GIVEN = {
    "es": ("Javiera", "Camila", "Rodrigo", "Matías", "Francisca", "Ignacio", "Valentina", "Sebastián"),
    "pt": ("João", "Ana Paula", "Luiz Carlos", "Fernanda", "Rafael", "Juliana", "Thiago", "Larissa"),
    "en": ("Jennifer", "Michael", "Sarah", "Matthew", "Emily", "Jonathan", "Megan", "Patrick"),
}
_SURNAMES = {
    "es": ("González Muñoz", "Soto", "Fuentes Araya", "Sepúlveda", "Contreras", "Tapia Vera", "Guzmán"),
    "pt": ("de Oliveira", "dos Santos Pereira", "Ferreira", "Gonçalves", "Carvalho", "Ribeiro", "Almeida"),
    "en": ("Thompson", "Anderson", "Mitchell", "Robinson", "Harrison", "Fitzgerald", "Henderson"),
}
_PARTICLED = (
    "Jan van der Berg",
    "Sofía de la Fuente",
    "Maria da Conceição",
    "Pieter van den Heuvel",
    "Ana dos Santos",
    "Luis del Río Soto",
)
_APOSTROPHE = (
    "Siobhan O'Driscoll-Hughes",
    "Mary O'Brien-Walsh",
    "Patrick D'Arcy",
    "Sinéad O'Connor-Lynch",
    "Ana Martínez-Ortiz",
    "Jean-Pierre Dupont",
)
_CONTEXT = {
    "es": (
        "Según {v}, la propuesta no alcanza.",
        "Lo conversamos con {v} en la junta de vecinos.",
        "Agradezco a {v} por organizar el cabildo.",
    ),
    "pt": ("Conforme {v}, a proposta não basta.", "Conversamos com {v} na associação de moradores.", "Agradeço a {v} pela organização."),
    "en": (
        "According to {v}, the plan falls short.",
        "We talked with {v} at the residents' meeting.",
        "Thanks to {v} for organising the meeting.",
    ),
}


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def _names(rng: random.Random, lang: str) -> Iterator[tuple[str, str, str, str]]:
    name = f"{rng.choice(_GIVEN[lang])} {rng.choice(_SURNAMES[lang])}"
    context = rng.choice(_CONTEXT[lang])
    for variant, value in (
        ("title", name),
        ("lower", name.lower()),
        ("upper", name.upper()),
        ("particles", rng.choice(_PARTICLED)),
        ("apostrophe_hyphen", rng.choice(_APOSTROPHE)),
    ):
        yield context.format(v=value), "NAME", value, variant
    surnames = {"es": "Pérez González", "pt": "Ferreira Gonçalves", "en": "Thompson Mitchell"}[lang]
    frame = {"es": "La vecina {} pidió la palabra.", "pt": "A vizinha {} pediu a palavra.", "en": "Our neighbour {} asked to speak."}[lang]
    yield frame.format(surnames), "NAME", surnames, "surnames_alone"


def _contact(rng: random.Random, lang: str) -> Iterator[tuple[str, str, str, str]]:
    email = fake_email(rng)
    user, domain = email.split("@")
    cue = {"es": "Escríbanme a", "pt": "Escrevam para", "en": "Write to"}[lang]
    for variant, value in (
        ("double_at", f"{user}@@{domain}"),
        ("fullwidth", _fullwidth(email)),
        ("percent", f"{user}%40{domain}"),
        ("zero_width", f"{user[:2]}\u200b{user[2:]}@{domain}"),
    ):
        yield f"{cue} {value} .", "EMAIL", value, variant
    words = {"es": ("nueve", "ocho", "siete"), "pt": ("nove", "oito", "sete"), "en": ("nine", "eight", "seven")}[lang]
    phone = f"{rng.choice(words)} {_digits(rng, 4)} {_digits(rng, 4)}"
    cue = {"es": "mi celular es", "pt": "meu celular é", "en": "my mobile is"}[lang]
    yield f"Si quieren, {cue} {phone}.", "PHONE", phone, "words"


def _ids(rng: random.Random, lang: str) -> Iterator[tuple[str, str, str, str]]:
    cc = _digits(rng, 8).lstrip("0").rjust(8, "7")
    yield f"Firmo con mi cc {cc} de Bogotá.", "CI", cc, "cc_lower"
    cpf = fake_cpf(rng, formatted=False)
    slashed = f"{cpf[:3]}.{cpf[3:6]}.{cpf[6:9]}/{cpf[9:]}"
    yield f"Meu CPF {slashed} está no cadastro.", "CPF", slashed, "slash"
    rg = fake_rg(rng)
    yield f"Documento {rg} anexado.", "RG", rg, "no_cue"
    from stdnum.pe import cui

    base = _digits(rng, 8)
    dni = f"{base}-{cui.calc_check_digits(base)[0]}"
    yield f"Mi DNI es {dni} (Lima).", "DNI", dni, "peru_check"
    yield f"Mi DNI N.º {base} (Lima).", "DNI", base, "peru_no"


def _places(rng: random.Random, lang: str) -> Iterator[tuple[str, str, str, str]]:
    street = rng.choice(("Las Rosas", "Los Aromos", "El Alba", "3"))
    address = f"Villa {rng.choice(('Los Aromos', 'San Pedro', 'El Esfuerzo'))}, calle {street}, casa {rng.randint(1, 300)}"
    yield f"Vivo en {address}, Puente Alto.", "ADDRESS", address, "villa_calle_casa"
    yield f"vivo en {address.lower()}, puente alto.", "ADDRESS", address.lower(), "villa_calle_casa_lower"


def _banks(rng: random.Random, lang: str) -> Iterator[tuple[str, str, str, str]]:
    base = rng.choice(("002", "012", "014", "072")) + _digits(rng, 14)
    clabe = base + clabe_check_digit(base)
    yield f"Depositar a la CLABE {clabe}.", "BANK_ACCOUNT", clabe, "clabe"
    yield (
        f"Mi cuenta: {clabe[:3]} {clabe[3:6]} {clabe[6:17]} {clabe[17]}",
        "BANK_ACCOUNT",
        f"{clabe[:3]} {clabe[3:6]} {clabe[6:17]} {clabe[17]}",
        "clabe_grouped",
    )
    from stdnum.ar import cbu

    first = rng.choice(("011", "007", "017", "285")) + _digits(rng, 4)
    second = _digits(rng, 13)
    number = first + cbu.calc_check_digit(first) + second + cbu.calc_check_digit(second)
    yield f"Transferir al CBU {number} gracias.", "BANK_ACCOUNT", number, "cbu"
    ag = f"agência {_digits(rng, 4)}, conta {_digits(rng, 5)}-{rng.randint(0, 9)}"
    yield f"Doações: Banco do Brasil {ag}.", "BANK_ACCOUNT", ag[len("agência ") :], "agencia_conta"


def _plates(rng: random.Random, lang: str) -> Iterator[tuple[str, str, str, str]]:
    def letters(n: int, pool: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
        return "".join(rng.choice(pool) for _ in range(n))

    chile = "BCDFGHJKLPRSTVWXYZ"  # no vowels, M, N, Ñ or Q on Chilean plates
    for variant, plate, frame in (
        ("brazil_mercosul", f"{letters(3)}{rng.randint(0, 9)}{letters(1)}{_digits(rng, 2)}", "O carro {} bloqueou a rua."),
        ("argentina_mercosur", f"A{rng.choice('ABCDEFGH')} {_digits(rng, 3)} {letters(2)}", "El auto {} estaba mal estacionado."),
        ("chile_cue", f"{letters(4, chile)}{_digits(rng, 2)}", "La patente {} es del vecino."),
        ("chile_dot", f"{letters(4, chile)}·{_digits(rng, 2)}", "La camioneta {} quedó en la vereda."),
        ("mexico_cue", f"{letters(3)}-{_digits(rng, 3)}-{letters(1)}", "Con placas {} en Puebla."),
        ("uk", f"{letters(2)}{_digits(rng, 2)} {letters(3)}", "The van {} was parked there."),
    ):
        yield frame.format(plate), "PLATE", plate, variant


def _online(rng: random.Random, lang: str) -> Iterator[tuple[str, str, str, str]]:
    handle = rng.choice(("juan_perez84", "mari.gonzalez", "thiago.rib", "jen_thompson"))
    yield f"Síganme en @{handle} para más.", "HANDLE", f"@{handle}", "handle"
    url = f"https://www.instagram.com/{handle}"
    yield f"Mi perfil: {url} .", "HANDLE", url, "profile_url"
    yield f"Como dijo @{handle} en el debate, falta agua.", "HANDLE", f"@{handle}", "decidim_mention"
    gid = f"gid://decidim-consulta/Decidim::User/{rng.randint(10, 99999)}"
    yield f"Respondo a {gid} sobre el punto 3.", "HANDLE", gid, "decidim_gid"
    name = f"{rng.choice(_GIVEN['es'])}+{rng.choice(('Soto', 'Guzmán', 'Tapia'))}"
    yield f"Formulario: https://participa.gob.cl/f?nombre={name}&id=3", "NAME", name, "url_query"
    email = fake_email(rng).replace("@", "%40")
    yield f"Ver https://participa.gob.cl/f?email={email}&x=1", "EMAIL", email, "url_query"


LEAKED_VARIANTS = (_names, _contact, _ids, _places, _banks, _plates, _online)


def leaked_sentences(rng: random.Random, n: int, lang: str) -> Iterator[tuple[str, str, str, str]]:
    """``n`` rounds of one sentence per leaked format in ``lang``: ``(sentence, kind, value, variant)``."""
    for _ in range(n):
        for make in LEAKED_VARIANTS:
            yield from make(rng, lang)
