"""Sentences in es/pt/en carrying one fake identifier each: the recall test of the detectors.

The carriers are everyday consultation sentences with numbers around the
identifier on purpose (years, ages, counts): a detector must not swallow them.
Identifiers come from :mod:`tests.privacy.fakes` and pass their check
digits, in the shapes people type, including the ones that leaked before
(spaces around a CPF's separators, obfuscated e-mails, area codes glued to the
number, lower-case surnames after a cue, a name signed after a dash).
"""

from __future__ import annotations

import random

from tests.privacy import fakes

__all__ = ["PLANTED_KINDS", "planted_sentences"]

# Carrier sentences per (lang, kind). "{x}" is the identifier; the surrounding numbers
# (years, ages, counts) are there on purpose: a detector must not swallow them.
_CARRIERS: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {
        "RUT": (
            "Mi RUT es {x} y vivo en Maipú",
            "RUT: {x}",
            "Firmo con mi RUN {x}, vecina de La Florida desde 2010.",
            "Adjunto mi cédula {x} para validar la participación.",
            "Soy socio del sindicato ({x}).",
        ),
        "CUIT": ("CUIT {x}", "Mi CUIL es {x} y trabajo hace 12 años en el rubro.", "Facturar a {x} por favor."),
        "DNI": (
            "DNI {x}",
            "Mi DNI es {x} y tengo 34 años.",
            "D.N.I. Nº {x}",
            "documento de identidad nº {x}",
            "Mi número de identidad es {x}.",
        ),
        "CURP": ("Mi CURP es {x}.", "CURP: {x}", "Registro con CURP {x} en 2019."),
        "RFC": ("RFC {x}", "Facturar al RFC {x} por favor.", "Nuestra cooperativa (RFC: {x}) apoya la propuesta."),
        "PHONE": (
            "Pueden llamarme al {x}.",
            "Mi celular es {x}",
            "Contacto: {x}",
            "Teléfono {x} (horario de oficina)",
            "Escríbanme al {x} si tienen dudas sobre el artículo 19.",
            "En 2023 presenté la idea; mi número es {x}.",
        ),
        "EMAIL": ("Escríbanme a {x}.", "Correo: {x}", "Más información en {x} o en la junta de vecinos."),
        "ADDRESS": ("Vivo en {x}, Santiago.", "La reunión será en {x} a las 19:00.", "Dirección: {x}"),
        "CI": (
            "C.C. {x}",
            "Firmado: C.I. {x}, Montevideo 2021.",
            "cédula de ciudadanía No. {x}",
            "Mi cédula de identidad es {x}.",
            "CC No. {x} de Bogotá",
        ),
        "NIT": ("NIT {x}", "La empresa con NIT {x} apoya la propuesta.", "Facturar a nombre de la fundación, NIT: {x}."),
        "RUC": ("RUC {x}", "Mi RUC es {x} y soy comerciante.", "Empresa con RUC N° {x}."),
        "INE": ("Mi clave de elector es {x}.", "Clave INE: {x}", "Credencial para votar {x}, sección 1234."),
        "CARD": ("Mi tarjeta {x} fue clonada en 2023.", "Pagué con la tarjeta {x}.", "Número de tarjeta: {x}"),
        "IBAN": ("Cuenta IBAN {x} para donaciones.", "Transferir a {x} antes del 30 de junio.", "IBAN: {x}"),
        "NAME": (
            "Me llamo {x} y quiero opinar sobre la educación.",
            "Mi nombre es {x}.",
            "Hola, soy {x}, vecina de Ñuñoa.",
            "Atentamente,\n{x}",
            "Saludos,\n{x}",
            "Lo planteó el Sr. {x} en la reunión de 2016.",
            "La Dra. {x} presentó 3 propuestas.",
            "Firma: {x}",
            "Propuesta presentada por {x} en la reunión.",
            "{x}",
            "Estoy de acuerdo con lo que dijo {x} sobre el agua.",
        ),
    },
    "pt": {
        "CPF": (
            "Meu CPF: {x}",
            "CPF {x}, moradora de Recife.",
            "Segue meu CPF {x} para cadastro.",
            "Sou agricultor, CPF nº {x}, e apoio a proposta 12.",
            "Informo o CPF {x} conforme solicitado em 2024.",
        ),
        "CNPJ": ("A associação (CNPJ {x}) apoia a meta 3.", "Empresa inscrita no CNPJ sob o nº {x}.", "CNPJ: {x}"),
        "PHONE": (
            "Meu telefone é {x}.",
            "Contato: {x}",
            "WhatsApp {x}",
            "Liguem para {x} em horário comercial.",
            "Estou à disposição no {x} desde 2022.",
        ),
        "EMAIL": ("Meu e-mail é {x}.", "Contato: {x}", "Enviem sugestões para {x} até 30/11/2024."),
        "ADDRESS": ("Moro na {x}, em São Paulo.", "A sede fica na {x}.", "Endereço: {x}"),
        "RG": ("RG {x} SSP/SP", "Meu RG é {x}.", "Carteira de identidade nº {x}"),
        "PIS": ("PIS {x}", "Meu NIS é {x} e recebo o Bolsa Família desde 2019.", "PIS/PASEP: {x}"),
        "VOTER_ID": ("Título de eleitor {x}, zona 123.", "Meu título eleitoral é {x}.", "título de eleitor nº {x}"),
        "CNH": ("CNH {x}", "Minha CNH é {x}, categoria B.", "carteira de motorista nº {x}"),
        "CARD": ("Meu cartão {x} foi clonado.", "Paguei com o cartão {x} em 2024.", "Cartão: {x}"),
        "IBAN": ("IBAN {x} para doações.", "Conta {x} no exterior.", "IBAN: {x}"),
        "NAME": (
            "Meu nome é {x} e sou pescadora.",
            "Eu sou {x}, moradora do bairro.",
            "Atenciosamente,\n{x}",
            "Abraços,\n{x}",
            "Conforme a Sra. {x} explicou em 2023.",
            "Assinado: {x}",
            "Ass.: {x}",
            "Concordo com a proposta de {x} sobre a pesca.",
            "{x}",
        ),
    },
    "en": {
        "PHONE": ("Call me at {x}", "Phone: {x}", "You can reach our office on {x} after 5 pm.", "Text {x} for updates."),
        "EMAIL": ("Email me at {x}", "Contact: {x}", "Send comments to {x} by 31 March 2024."),
        "ADDRESS": ("I live at {x}, Springfield.", "Our clinic at {x} has 3 doctors.", "Address: {x}"),
        "CARD": ("My card {x} was charged twice.", "Card number: {x}", "I paid with {x} in 2024."),
        "IBAN": ("Please send the refund to {x}.", "IBAN: {x}", "Our account is {x} (Lloyds)."),
        "NAME": (
            "My name is {x} and I support this.",
            "Sincerely,\n{x}",
            "Kind regards,\n{x}",
            "As Mr. {x} said in 2019, we need more parks.",
            "I am {x}, a local resident.",
        ),
    },
}
PLANTED_KINDS = {lang: tuple(by_kind) for lang, by_kind in _CARRIERS.items()}
_PHONE_COUNTRY = {"es": ("CL", "AR", "MX"), "pt": ("BR",), "en": ("US",)}
_PLACES = ("Tinogasta", "Maipú", "Recife", "Temuco", "Belém", "Ushuaia")


def _spaced_cpf(rng: random.Random) -> str:
    """A CPF with spaces around its separators, as a real export had it: ``390.533.447 - 05``."""
    n = fakes.fake_cpf(rng, formatted=False)
    return rng.choice(
        (f"{n[:3]}.{n[3:6]}.{n[6:9]} - {n[9:]}", f"{n[:3]} {n[3:6]} {n[6:9]} {n[9:]}", f"{n[:3]} . {n[3:6]} . {n[6:9]} - {n[9:]}")
    )


def _obfuscated_email(rng: random.Random) -> str:
    user, domain = fakes.fake_email(rng).split("@")
    host, tld = domain.split(".", 1)
    at = rng.choice((" [at] ", " (at) ", " (arroba) ", "[arroba]", " arroba ", " at ", " @ "))
    dot = rng.choice((" [dot] ", " (punto) ", " dot ", " ponto ", "."))
    if at.strip() in ("at", "arroba") and dot == ".":
        dot = " dot "  # a bare "at" needs an obfuscated dot too (otherwise it is prose)
    return f"{user}{at}{host}{dot}{tld.replace('.', dot)}"


def _glued_phone(rng: random.Random) -> str:
    """Brazilian area code glued to the number: ``623524-6305``."""
    ddd = rng.choice(("11", "21", "31", "62", "71", "81", "85"))
    return f"{ddd}{rng.choice('2345')}{fakes._digits(rng, 3)}-{fakes._digits(rng, 4)}"


def _name_variant(rng: random.Random, lang: str, carrier: str) -> tuple[str, str]:
    """(carrier, identifier) for the name shapes that need their own carrier."""
    first, last = fakes.fake_name(rng, lang).split(" ", 1)
    roll = rng.random()
    if lang == "pt" and roll < 0.15:
        return "Me chamo {x} e moro em Belém.", f"{first} {rng.choice(('paixão', 'santos', 'ferreira'))} da Costa"
    if lang in ("es", "pt") and roll < 0.3:
        place = rng.choice(_PLACES)
        return "Queremos más agua potable para el pueblo.\n— {x}, " + place, first
    return carrier, f"{first} {last}"


def _fake_identifier(rng: random.Random, kind: str, lang: str) -> str:
    formatted = rng.random() < 0.7
    makers = {
        "CPF": lambda: _spaced_cpf(rng) if rng.random() < 0.25 else fakes.fake_cpf(rng, formatted),
        "CNPJ": lambda: fakes.fake_cnpj(rng, formatted),
        "RUT": lambda: fakes.fake_rut(rng, formatted),
        "CUIT": lambda: fakes.fake_cuit(rng, formatted),
        "DNI": lambda: fakes.fake_dni(rng, formatted),
        "CURP": lambda: fakes.fake_curp(rng),
        "RFC": lambda: fakes.fake_rfc(rng),
        "PHONE": lambda: _glued_phone(rng)
        if lang == "pt" and rng.random() < 0.2
        else fakes.fake_phone(rng, rng.choice(_PHONE_COUNTRY[lang])),
        "EMAIL": lambda: _obfuscated_email(rng) if rng.random() < 0.3 else fakes.fake_email(rng),
        "ADDRESS": lambda: fakes.fake_address(rng, lang),
        "NAME": lambda: fakes.fake_name(rng, lang),
        "CARD": lambda: fakes.fake_card(rng),
        "IBAN": lambda: fakes.fake_iban(rng),
        "NIT": lambda: fakes.fake_nit(rng),
        "RUC": lambda: fakes.fake_ruc(rng),
        "RG": lambda: fakes.fake_rg(rng),
        "PIS": lambda: fakes.fake_pis(rng, formatted),
        "VOTER_ID": lambda: fakes.fake_voter_id(rng),
        "CNH": lambda: fakes.fake_cnh(rng),
        "INE": lambda: fakes.fake_ine(rng),
        "CI": lambda: rng.choice((fakes.fake_cc_co, fakes.fake_uy_ci, fakes.fake_ec_ci))(rng),
    }
    return makers[kind]()


def planted_sentences(rng: random.Random, n: int, lang: str, *, kinds: tuple[str, ...] | None = None) -> list[tuple[str, str, str]]:
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
        carrier = rng.choice(_CARRIERS[lang][kind])
        if kind == "NAME":
            carrier, identifier = _name_variant(rng, lang, carrier)
        else:
            identifier = _fake_identifier(rng, kind, lang)
        out.append((carrier.format(x=identifier), kind, identifier))
    return out
