"""The formats that leaked and the kinds added for them: found with a valid check digit, kept without.

Valid literals come from published examples (Visa's test card, the ECBS IBAN example,
python-stdnum's docstrings) or carry their hand computation in a comment.
"""

from __future__ import annotations

import pytest

from consultnlp.privacy import PII_KINDS, find_pii, redact_text
from consultnlp.report.safety import neutralise_cell


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start : m.end]) for m in find_pii(text)]


def test_new_kinds_are_listed_and_in_the_default_config() -> None:
    from consultnlp.config import RedactConfig

    new = {"CARD", "IBAN", "NIT", "RUC", "RG", "PIS", "VOTER_ID", "CNH", "INE", "CI"}
    assert new <= set(PII_KINDS)
    assert set(RedactConfig().kinds) == set(PII_KINDS)


# PIS 123.64056.22-7: 1*3+2*2+3*9+6*8+4*7+0*6+5*5+6*4+2*3+2*2 = 169; 169 % 11 = 4 -> 11-4 = 7.
# Título 4154 9909 2275: 4*2+1*3+5*4+4*5+9*6+9*7+0*8+9*9 = 249 % 11 = 7; state 22: 2*7+2*8+7*9 = 93 % 11 = 5.
# CNH 14547527767: 1*9+4*8+5*7+4*6+7*5+5*4+2*3+7*2+7*1 = 182 % 11 = 6; 1*1+4*2+...+7*9 = 238 % 11 = 7.
# Uruguayan CI 4.798.548-7: 4*2+7*9+9*8+8*7+5*6+4*3+8*4 = 273; (10 - 273 % 10) % 10 = 7.
# São Paulo RG 31.203.131-2: 3*2+1*3+2*4+0*5+3*6+1*7+3*8+1*9 = 75; 11 - 75 % 11 = 2.
VALID = [
    ("Meu CPF é 529.982.247 - 25.", "CPF", "529.982.247 - 25"),
    ("CPF 529 982 247 25", "CPF", "529 982 247 25"),
    ("Tarjeta 4111 1111 1111 1111 vence en 2027.", "CARD", "4111 1111 1111 1111"),
    ("card 4111-1111-1111-1111", "CARD", "4111-1111-1111-1111"),
    ("Cartão 4111111111111111", "CARD", "4111111111111111"),
    ("Amex 3782 822463 10005", "CARD", "3782 822463 10005"),
    ("IBAN GB82 WEST 1234 5698 7654 32", "IBAN", "GB82 WEST 1234 5698 7654 32"),
    ("transferir a GB82WEST12345698765432", "IBAN", "GB82WEST12345698765432"),
    ("NIT 213.123.432-1", "NIT", "213.123.432-1"),
    ("La empresa 893.036.426-1 apoya.", "NIT", "893.036.426-1"),
    ("RUC 20512333797", "RUC", "20512333797"),
    ("RG 31.203.131-2 SSP/SP", "RG", "31.203.131-2"),
    ("RG MG-12.345.678", "RG", "MG-12.345.678"),  # other states have no check digit: the cue decides
    ("PIS 123.64056.22-7", "PIS", "123.64056.22-7"),
    ("Meu NIS é 12364056227.", "PIS", "12364056227"),
    ("Título de eleitor 4154 9909 2275", "VOTER_ID", "4154 9909 2275"),
    ("título de eleitor nº 415499092275", "VOTER_ID", "415499092275"),
    ("CNH 14547527767", "CNH", "14547527767"),
    ("Mi clave de elector es LBPQBW85030227M690.", "INE", "LBPQBW85030227M690"),
    ("C.I. 4.798.548-7, Montevideo", "CI", "4.798.548-7"),
    ("cédula 1714307103", "CI", "1714307103"),
    ("C.C. No. 1.020.304.050 de Bogotá", "CI", "1.020.304.050"),
    ("CC 79.123.456", "CI", "79.123.456"),
    ("cédula de ciudadanía 1020304050", "CI", "1020304050"),
    ("Carnet de identidad 4567890 LP", "CI", "4567890"),  # "LP" (La Paz) is where it was issued
    ("C.I. N° 3.456.789 (Asunción)", "CI", "3.456.789"),
]


@pytest.mark.parametrize(("text", "kind", "value"), VALID)
def test_new_kinds_found(text: str, kind: str, value: str) -> None:
    assert _found(text) == [(kind, value)]


@pytest.mark.parametrize(
    "text",
    [
        "Meu CPF é 529.982.247 - 24.",
        "Tarjeta 4111 1111 1111 1112 vence en 2027.",
        "IBAN GB82 WEST 1234 5698 7654 33",
        "La empresa 893.036.426-2 apoya.",
        "RUC 20512333798",
        "PIS 123.64056.22-8",
        "Título de eleitor 4154 9909 2276",
        "CNH 14547527768",
        "Mi clave de elector es LBPQBW85133227M690.",  # month 13
        "Montevideo, 4.798.548-8",
    ],
)
def test_new_kinds_invalid_check_digit_not_redacted(text: str) -> None:
    assert find_pii(text) == []


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("escríbeme a juan.perez [at] gmail [dot] com", "juan.perez [at] gmail [dot] com"),
        ("maria (arroba) hotmail.com", "maria (arroba) hotmail.com"),
        ("contato: joao arroba uol ponto com ponto br", "joao arroba uol ponto com ponto br"),
        ("mail john.smith at gmail dot com today", "john.smith at gmail dot com"),
        ("ana_silva @ municipio.gob.cl", "ana_silva @ municipio.gob.cl"),
    ],
)
def test_new_kinds_obfuscated_email(text: str, email: str) -> None:
    assert _found(text) == [("EMAIL", email)]


@pytest.mark.parametrize("text", ["We meet at home dot com later", "look at example dot com", "arroba simples", "Nos vemos at 5 pm"])
def test_new_kinds_prose_with_at_is_not_an_email(text: str) -> None:
    assert find_pii(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Vivo en la Calle 10 # 5-23 apto 301, Bogotá.", "Calle 10 # 5-23 apto 301"),
        ("Carrera 7 No. 45-12", "Carrera 7 No. 45-12"),
        ("oficina en Cra. 15 #93-47", "Cra. 15 #93-47"),
        ("Diagonal 45 Bis Sur # 12-30", "Diagonal 45 Bis Sur # 12-30"),
        ("Av. Juárez 123, Col. Centro, C.P. 06000", "Av. Juárez 123, Col. Centro, C.P. 06000"),
        ("Calle Hidalgo 45 Int. 3 colonia Roma Norte", "Calle Hidalgo 45 Int. 3 colonia Roma Norte"),
        ("Mz. 5 Lt. 12, Col. Las Flores", "Mz. 5 Lt. 12, Col. Las Flores"),
    ],
)
def test_new_kinds_colombian_and_mexican_addresses(text: str, address: str) -> None:
    assert _found(text) == [("ADDRESS", address)]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("ligue 623524-6305", "623524-6305"),
        ("Contato 6298765-4321", "6298765-4321"),
    ],
)
def test_new_kinds_area_code_glued_to_phone(text: str, phone: str) -> None:
    assert _found(text) == [("PHONE", phone)]


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Firma: Ana Gómez", "Firma: [NAME]"),
        ("Assinado: Maria Souza", "Assinado: [NAME]"),
        ("Ass.: João Pereira", "Ass.: [NAME]"),
        # An author's label (claim check 81, Plano Clima: a name after "Autora:" was left in comments.csv).
        ("Que a escola tenha horta.\nAutora: Celi Pereira", "Que a escola tenha horta.\nAutora: [NAME]"),
        ("Author: Tam Nguyen", "Author: [NAME]"),
        ("Autor: Ministerio de Salud", "Autor: Ministerio de Salud"),  # an organisation
        ("El autor del proyecto propone más plazas", "El autor del proyecto propone más plazas"),  # no label
        ("Me chamo Maria paixão da Costa e moro aqui", "Me chamo [NAME] e moro aqui"),
        ("Me llamo José Pérez y Gómez", "Me llamo [NAME]"),
        ("Queremos agua potable para el pueblo.\n— Lucía, Tinogasta", "Queremos agua potable para el pueblo.\n— [NAME], Tinogasta"),
        ("María José González Pérez", "[NAME]"),
        ("Concordo com a proposta de Juliana da Silva sobre a pesca.", "Concordo com a proposta de [NAME] sobre a pesca."),
        ("Paulina Morales cree que la igualdad es la base.", "[NAME] cree que la igualdad es la base."),
        ("Gracias a todos.\nRodrigo", "Gracias a todos.\n[NAME]"),
    ],
)
def test_new_kinds_names_signatures_surnames_and_no_cue(text: str, redacted: str) -> None:
    assert redact_text(text)[0] == redacted


KEPT = [
    "A Lei 14.133/2021 trata de licitações.",
    "A Lei Maria da Penha protege as mulheres.",
    "Lei Maria da Penha",
    "El Hospital Carlos Van Buren necesita más camas.",
    "Estudié en la Universidad Diego Portales.",
    "A Escola Estadual João XXIII fica no centro.",
    "Vivo entre San Martín y Santa Cruz.",
    "O Vale do Jequitinhonha sofre com a seca.",
    "Salvador Allende y Michelle Bachelet fueron presidentes.",
    "O presidente Lula e a ministra Marina Silva falaram.",
    "El Ministro Rodrigo Valdés presentó el presupuesto.",
    "Vivo en Pedro Aguirre Cerda desde 1990.",
    "Salud Pública y Educación de Calidad para todos.",
    "Paz Social y Justicia.",
    "La reunión fue el 12/03/2024 en la sede.",
    "O orçamento é de R$ 1.500.000 para 2024.",
    "El 35% está de acuerdo; Ley N° 20.285.",
    "Processo nº 0001234-56.2020.8.26.0100 no TJSP.",
    "CEP 01310-100, São Paulo.",
    "Entre 2019 e 2022 foram 3.456.789 atendimentos.",
    "ISBN 978-85-7326-981-2",
    "At Warren County the school board met.",
    "South Glen Gables needs a park.",
    "Fundación Pablo Neruda y Colegio San Ignacio.",
    "Programa Bolsa Família e Plano Safra.",
    "The Martin Luther King Memorial is closed.",
    "Rua Sete de Setembro é histórica.",
    "JUAN PEREZ DICE QUE LA EDUCACION ES UN DERECHO",
    "Parque Padre Hurtado y Villa Alemana.",
    "En Isla de Pascua y Juan Fernández.",
]


@pytest.mark.parametrize("text", KEPT)
def test_new_kinds_laws_places_institutions_public_figures_numbers_kept(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "value",
    [
        "＝1+1",
        "＋SUM(A1:A9)",
        "－2+3",
        "＠SUM(A1)",
        '﹦HYPERLINK("http://x")',
        "\u2212cmd|' /C calc'!A0",
        "\u200b=1+1",
        "\ufeff+A1",
        "\u2010A1+1",
        "⁺1+A1",
    ],
)
def test_new_kinds_full_width_and_lookalike_formula_prefixes_neutralised(value: str) -> None:
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["—Lucía, Tinogasta", "–5 grados", "Ｈola", "\u22125", "－5", "¡Hola!"])
def test_new_kinds_lookalike_numbers_and_dashes_left_alone(value: str) -> None:
    assert neutralise_cell(value) == value


# ---------------------------------------------------------------- issue 21: formats that leaked
LEAKED = [
    # names in lower case, capitals, with particles, apostrophes and hyphens, surnames alone, whole span
    ("Lo conversamos con javiera soto muñoz ayer.", "NAME", "javiera soto muñoz"),
    ("Según RODRIGO TAPIA VERA, falta agua.", "NAME", "RODRIGO TAPIA VERA"),
    ("We talked with Jan van der Berg at the meeting.", "NAME", "Jan van der Berg"),
    ("Thanks to Siobhan O'Driscoll-Hughes for the notes.", "NAME", "Siobhan O'Driscoll-Hughes"),
    ("La vecina Pérez González pidió la palabra.", "NAME", "Pérez González"),
    ("Agradeço a Ana Paula de oliveira pela ajuda.", "NAME", "Ana Paula de oliveira"),
    ("sou maria dos santos, moradora", "NAME", "maria dos santos"),
    ("Referência: Lopes, Cristina L. et al. Biotecnologia.", "NAME", "Lopes, Cristina L."),
    # stop 37 (PNDBio 2025): given names the gazetteer lacks, in a reference list or before "et al."
    ("Heidemann, Marina & Valentini, Nicolò & Soccol, Carlos. (2025).", "NAME", "Valentini, Nicolò"),
    ("Pereira, Isabela & Ambiel, Cristiana. (2025). Fermentação.", "NAME", "Ambiel, Cristiana"),
    ("WITTE, Björn et al. Climate Friendly Foods, 2022.", "NAME", "WITTE, Björn"),
    ("Thana Sandy Rodrigues jaines", "NAME", "Thana Sandy Rodrigues jaines"),
    # identity numbers
    ("firmo con mi cc 79845123 de Bogotá", "CI", "79845123"),
    ("Meu CPF 529.982.247/25 está no cadastro.", "CPF", "529.982.247/25"),
    ("Documento 31.203.131-2 anexado.", "RG", "31.203.131-2"),
    ("Mi DNI es 10117410-2 (Lima).", "DNI", "10117410-2"),
    ("Mi DNI N.º 45678912 (Lima).", "DNI", "45678912"),
    # e-mails and phones in disguise
    ("escríbanme a juan.perez@@gmail.com", "EMAIL", "juan.perez@@gmail.com"),
    ("escríbanme a ｊｕａｎ＠ｇｍａｉｌ．ｃｏｍ ya", "EMAIL", "ｊｕａｎ＠ｇｍａｉｌ．ｃｏｍ"),
    ("write to jane.doe%40example.org today", "EMAIL", "jane.doe%40example.org"),
    ("mail: ma\u200bria@uol.com.br", "EMAIL", "ma\u200bria@uol.com.br"),
    ("mi celular es nueve 8765 4321", "PHONE", "nueve 8765 4321"),
    ("my mobile is nine 8765 4321", "PHONE", "nine 8765 4321"),
    ("meu celular é nove 8765-4321", "PHONE", "nove 8765-4321"),
    # addresses
    ("Vivo en Villa Los Aromos, calle Las Rosas, casa 17 de Puente Alto.", "ADDRESS", "Villa Los Aromos, calle Las Rosas, casa 17"),
    # bank accounts: CLABE 032180000118359719 (Banxico's example); CBU 2850590940090418135201 (python-stdnum's)
    ("Depositar a la CLABE 032180000118359719.", "BANK_ACCOUNT", "032180000118359719"),
    ("Mi CBU es 2850590940090418135201, gracias.", "BANK_ACCOUNT", "2850590940090418135201"),
    ("Doações: agência 1234-5, conta 67890-1.", "BANK_ACCOUNT", "1234-5, conta 67890-1"),
    ("Depositen en mi cuenta RUT 12345678.", "BANK_ACCOUNT", "12345678"),
    # licence plates
    ("O carro BRA2E19 bloqueou a rua.", "PLATE", "BRA2E19"),
    ("El auto AE 123 CD estaba mal estacionado.", "PLATE", "AE 123 CD"),
    ("La patente BCDF12 es del vecino.", "PLATE", "BCDF12"),
    ("Con placas ABC-123-D en Puebla.", "PLATE", "ABC-123-D"),
    ("The van AB12 CDE was parked there.", "PLATE", "AB12 CDE"),
    # handles, profiles, platform mentions
    ("Síganme en @juan_perez84 para más.", "HANDLE", "@juan_perez84"),
    ("Meu perfil: https://www.instagram.com/thiago.rib", "HANDLE", "https://www.instagram.com/thiago.rib"),
    ("Respondo a gid://decidim-consulta/Decidim::User/4521 sobre el punto 3.", "HANDLE", "gid://decidim-consulta/Decidim::User/4521"),
]


@pytest.mark.parametrize(("text", "kind", "value"), LEAKED)
def test_new_kinds_leaked_formats_found_with_their_kind(text: str, kind: str, value: str) -> None:
    assert (kind, value) in _found(text)


def test_new_kinds_values_in_a_link_query_string_follow_their_parameter() -> None:
    text = "ver https://sitio.cl/form?nombre=Juan+Perez&email=juan%40mail.com&x=1"
    assert redact_text(text)[0] == "ver https://sitio.cl/form?nombre=[NAME]&email=[EMAIL]&x=1"


def test_new_kinds_normalised_match_redacts_the_original_characters() -> None:
    text = "a ｊｕａｎ＠ｇｍａｉｌ．ｃｏｍ b juan%40mail.com c jo\u200bse@uol.com.br d"
    assert redact_text(text) == ("a [EMAIL] b [EMAIL] c [EMAIL] d", {"EMAIL": 3})


@pytest.mark.parametrize(
    "text",
    [
        "Los derechos de l@s niñ@s y adolescentes.",  # inclusive spelling, not a handle
        "It's time we had universal health @home too!",  # "@" for "at"
        "@media (max-width: 600px) { body { margin: 0 } }",  # CSS in a report
        "Pre-Voter Registration to those 16 & 17 yo.",  # "registration" is not a plate cue
        "Alejandro, Antonia y Álvaro matizaron la idea.",  # lone given names, not a reference list
        "Sedes: Manaus, Amazonas & Belém, Pará; Santos, SP.",  # places in a list, no known name among them
        "BRASIL, Ministério do Meio Ambiente et al. Plano, 2024.",  # an institution as author
        "El abuso daña la paz social.",  # "daña" folds to the name Dana
        "Que los procesos sean más rápidos.",  # "Sean" and "Mas" are names; "sean más" is not
        "Proponho que o Viaduto Santa Efigênia seja restaurado.",
        "A cidade de Bento Gonçalves foi inundada.",
        "Criação do Centro de Educação Ambiental Tubarões Prof. Fábio Hazin",
        "Escola Estadual Dr. João Silva",
        "el ministro Rodrigo Valdés dijo que no",
        "La cantante Violeta Parra y el escritor Pablo Neruda.",
        "la calle está mala en la casa 2 de mi vecino",
        "Hay dos tres cinco 1234 casos.",
    ],
)
def test_new_kinds_leaked_format_lookalikes_kept(text: str) -> None:
    assert _found(text) == []


def test_new_kinds_leaked_sentences_redacted_in_every_language() -> None:
    """Every generated value of every leaked format, es/pt/en, is removed (measured: names in lower case or
    capitals 0.90 — a given name that is also a word is not read there —, surnames alone 0.67, the rest 0.98-1.0)."""
    import random
    from collections import Counter

    from tests.privacy.leaked import leaked_sentences

    total: Counter[tuple[str, str]] = Counter()
    removed: Counter[tuple[str, str]] = Counter()
    for lang in ("es", "pt", "en"):
        for sentence, kind, value, variant in leaked_sentences(random.Random(21), 20, lang):
            redacted = redact_text(sentence)[0]
            total[kind, variant] += 1
            removed[kind, variant] += value not in redacted and not any(
                part in redacted for part in value.split() if len(part) > 3 and part[0].isalnum() and part.isalpha()
            )
    floor = {("NAME", "lower"): 0.8, ("NAME", "upper"): 0.8, ("NAME", "surnames_alone"): 0.6}
    low = {k: removed[k] / total[k] for k in total if removed[k] / total[k] < floor.get(k, 0.95)}
    assert low == {}
