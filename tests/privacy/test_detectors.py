"""find_pii / redact_text: what is found, what is left alone, and how overlaps resolve."""

from __future__ import annotations

import dataclasses
import random

import pytest

from consultnlp.privacy import (
    PII_KINDS,
    PiiMatch,
    find_pii,
    is_valid_cpf,
    is_valid_rut,
    redact_text,
)
from tests.privacy.fakes import fake_phone
from tests.privacy.planted import PLANTED_KINDS, planted_sentences


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start : m.end]) for m in find_pii(text)]


# --- API ---------------------------------------------------------------------------------
def test_pii_match_is_frozen() -> None:
    m = PiiMatch(0, 3, "CPF")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.kind = "RUT"  # type: ignore[misc]


def test_find_pii_unknown_kind_raises_listing_valid_kinds() -> None:
    with pytest.raises(ValueError, match=r"unknown personal-data kind 'PASSPORT'.*EMAIL, PHONE, CPF"):
        find_pii("x", kinds=["CPF", "PASSPORT"])
    with pytest.raises(ValueError, match="Valid kinds"):
        redact_text("x", kinds={"cpf"})


def test_find_pii_kinds_filters_after_resolving_overlaps() -> None:
    text = "CPF 529.982.247-25, tel (11) 91234-5678, joao@example.org"
    everything = find_pii(text)
    assert [m.kind for m in everything] == ["CPF", "PHONE", "EMAIL"]
    assert find_pii(text, kinds=["PHONE"]) == [m for m in everything if m.kind == "PHONE"]
    assert find_pii(text, kinds="EMAIL") == [m for m in everything if m.kind == "EMAIL"]
    assert find_pii(text, kinds=[]) == []


def test_redact_text_replaces_with_kind_and_counts_only_found_kinds() -> None:
    text = "Meu CPF: 529.982.247-25 e o da minha mãe 123.456.789-09; e-mail ana.silva@uol.com.br"
    redacted, counts = redact_text(text)
    assert redacted == "Meu CPF: [CPF] e o da minha mãe [CPF]; e-mail [EMAIL]"
    assert counts == {"CPF": 2, "EMAIL": 1}
    assert redact_text("") == ("", {})
    assert redact_text("Sin datos personales en 2024.") == ("Sin datos personales en 2024.", {})


def test_redact_text_kinds_leaves_other_kinds() -> None:
    text = "Escríbanme a juan@correo.cl o al +56 9 8765 4321"
    assert redact_text(text, kinds=["EMAIL"]) == ("Escríbanme a [EMAIL] o al +56 9 8765 4321", {"EMAIL": 1})


# --- identity numbers ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meu CPF é 529.982.247-25.", [("CPF", "529.982.247-25")]),
        ("cpf 52998224725", [("CPF", "52998224725")]),
        ("CNPJ 11.222.333/0001-81", [("CNPJ", "11.222.333/0001-81")]),
        ("CNPJ novo 12.ABC.345/01DE-35", [("CNPJ", "12.ABC.345/01DE-35")]),
        ("Mi RUT es 12.345.678-5 y vivo en Maipú", [("RUT", "12.345.678-5")]),
        ("RUN 12345670K", [("RUT", "12345670K")]),
        ("CUIT 20-12345678-6", [("CUIT", "20-12345678-6")]),
        ("Mi CURP es HEGG560427MVZRRL04.", [("CURP", "HEGG560427MVZRRL04")]),
        ("RFC: GODE561231GR8 y empresa MAB9307148T4", [("RFC", "GODE561231GR8"), ("RFC", "MAB9307148T4")]),
    ],
)
def test_find_pii_detects_valid_identifiers(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Meu CPF é 529.982.247-24.",  # wrong check digit
        "RUT 12.345.678-4",
        "CUIT 20-12345678-5",
        "CNPJ 11.222.333/0001-82",
        "CURP HEGG560427MVZRRL05",
        "RFC VACE460910SX6",
    ],
)
def test_find_pii_ignores_identifiers_with_wrong_check_digit(text: str) -> None:
    assert find_pii(text) == []


def test_find_pii_same_digits_valid_as_cpf_and_cuit_follow_the_cue() -> None:
    # 23428023315 is both: CPF 2*10+3*9+4*8+2*7+8*6+0*5+2*4+3*3+3*2 = 164 -> 164 % 11 = 10 -> 1;
    # 2*11+3*10+4*9+2*8+8*7+0*6+2*5+3*4+3*3+1*2 = 193 -> 6 -> 5.
    # CUIT 2*5+3*4+4*3+2*2+8*7+0*6+2*5+3*4+3*3+1*2 = 127 -> 127 % 11 = 6 -> 5.
    assert _found("CUIT 23428023315") == [("CUIT", "23428023315")]
    assert _found("CPF 23428023315") == [("CPF", "23428023315")]


def test_find_pii_validated_id_beats_phone() -> None:
    # A bare 11-digit number after "telefone" is phone-shaped, but it validates as a CPF.
    assert _found("telefone/CPF 52998224725") == [("CPF", "52998224725")]


def test_find_pii_email_wins_over_digits_inside_it() -> None:
    assert _found("joao.52998224725@gmail.com") == [("EMAIL", "joao.52998224725@gmail.com")]


def test_find_pii_dni_needs_a_cue_word() -> None:
    assert _found("DNI 12.345.678") == [("DNI", "12.345.678")]
    assert _found("Mi D.N.I. Nº 23456789, gracias") == [("DNI", "23456789")]
    assert _found("documento de identidad nº 7.654.321") == [("DNI", "7.654.321")]
    assert _found("C.I. 1.234.567") == [("CI", "1.234.567")]  # a cédula is CI since the CI kind exists
    assert find_pii("Votaron 12.345.678 personas.") == []
    assert find_pii("El documento 2024 tiene 12.345.678 firmas") == []  # a number sits between cue and count


# --- phones ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "phone",
    [
        "+55 11 91234-5678",
        "(11) 91234-5678",
        "+56 9 1234 5678",
        "+54 9 11 1234-5678",
        "+52 55 1234 5678",
        "0800 123 4567",
        "+1 (555) 123-4567",
        "11 3456-7890",
        "555-123-4567",
        "9 8765 4321",
        "(2) 2345 6789",
        "+5511912345678",
        "15-4567-8901",
        "84 991668315",
        "(21) 987654321",
    ],
)
def test_find_pii_phone_formats(phone: str) -> None:
    text = f"Pueden escribirme al {phone} en la tarde."
    assert _found(text) == [("PHONE", phone)]


def test_find_pii_phone_cue_within_forty_characters() -> None:
    # The shape of a real comment (Plano Clima 2024), with the number changed.
    text = "Entre em contato comigo se precisar pelo 84 991234567"
    assert _found(text) == [("PHONE", "84 991234567")]
    assert _found("Entre em contato comigo se precisar pelo 991234567") == [("PHONE", "991234567")]


@pytest.mark.parametrize(
    ("cue", "number"), [("Celular", "912345678"), ("whatsapp:", "11912345678"), ("Tel.", "3456-7890"), ("fono", "800 123 456")]
)
def test_find_pii_weak_phone_shape_needs_cue(cue: str, number: str) -> None:
    assert _found(f"{cue} {number}") == [("PHONE", number)]
    assert find_pii(f"Código {number} del catálogo") == []


@pytest.mark.parametrize("country", ["BR", "CL", "AR", "MX", "US"])
def test_find_pii_fake_phones_found_without_cue(country: str) -> None:
    rng = random.Random(9)
    for _ in range(100):
        phone = fake_phone(rng, country)
        assert _found(f"Dejo mi número {phone} aquí.") == [("PHONE", phone)], phone


# --- ordinary numbers must survive -------------------------------------------------------------
ORDINARY = [
    "En 2021 se aprobó la reforma.",
    "Entre 1990-2020 la desigualdad aumentó.",
    "O orçamento é de R$ 1.500.000 para 2024.",
    "Cuesta $ 25.000 al mes.",
    "Se invirtieron USD 3,5 millones en el proyecto.",
    "El 35% de los encuestados está de acuerdo.",
    "A Lei 14.133/2021 trata de licitações.",
    "La Ley N° 20.285 sobre acceso a la información pública.",
    "Según el Decreto 1.234/2019 del Ministerio.",
    "El artículo 19 N° 8 de la Constitución garantiza un medio ambiente sano.",
    "La reunión fue el 12/03/2024 en la sede.",
    "Se recibieron 193.630 argumentos en total.",
    "Votaron 1.234.567 personas en la consulta.",
    "Hubo 12.345.678 votos válidos.",
    "A população é de 203.080.756 habitantes.",
    "O PIB cresceu 2,9% em 2023.",
    "Meta de reduzir 50% das emissões até 2030 e zerar até 2050.",
    "Período 2020-2030: 10 anos de transição.",
    "La Ley 21.180 de transformación digital del Estado.",
    "Decreto nº 11.550, de 5 de junho de 2023.",
    "Portaria SAP/MAPA nº 265 de 2021 e nº 608 de 2022.",
    "O Projeto de Lei 2159/2021 flexibiliza o licenciamento.",
    "Processo SEI nº 00000.012345/2024-11.",
    "Boletín 11.144-07 del Senado.",
    "Los años 1973-1990 fueron de dictadura.",
    "Cerca de 2.500.000 hectares foram desmatados.",
    "El presupuesto 2024 asciende a $ 1.234.567.890.",
    "Medida Provisória 1309 de 2025.",
    "A meta 4.2.1 prevê 30% até 2030.",
    "Resolución Exenta N° 1600 de 2019.",
    "Tabla: 2019 2020 2021 2022",
    "ODS 13, ODS 14 e ODS 15.",
    "Entre 1.000 y 2.000 personas asistieron el 15-04-2016.",
    "CEP 01310-100, São Paulo.",
    "La votación fue 120 a favor, 35 en contra y 12 abstenciones.",
    "Se plantaron 10 000 000 de árboles.",
    "Entre 2019 e 2022 foram 3.456.789 atendimentos.",
    "Norma ISO 14001:2015.",
    "Lei Complementar nº 140/2011 e Emenda Constitucional 109/2021.",
    "Año 2016: 8.000 cabildos y 106.412 participantes.",
    "Superficie de 756.102 km2.",
    "La UF está en $ 37.000 y la UTM en $ 65.000.",
    "El 1° de enero de 2025 entra en vigencia.",
    "El proyecto de ley (Boletín N° 12.345-67) fue aprobado.",
    "O valor total é R$ 500.000.000,00 em 2025.",
    "In 2019, 1,234,567 people signed the petition.",
    "Between 2010-2015 and 2016-2020 emissions fell 12.5%.",
    "La reunión del 2024-03-12 duró 3 horas.",
    "Artigo 225 da Constituição Federal de 1988.",
    "Ley 19.300 de Bases Generales del Medio Ambiente y Ley 20.417 de 2010.",
    "Entre 2000-3000 personas y precios de 1500-2500 pesos.",
    "PL 2.159/2021 e PEC 45/2019.",
    "El teléfono no es prioridad: 12345678 personas no tienen internet.",
    "Call 911 in an emergency; 311 for city services.",
    "la avenida principal está colapsada desde 2019",
    "A Avenida Paulista é símbolo da cidade.",
    "Soy Ingeniero Civil y trabajo desde 2005.",
    "YO SOY JUSTO CON EL RESTO DE LA SOCIEDAD",
    "Atentamente,\nEl Comité de Vecinos",
    "I would vote sincerely. But under our current system, 1 vote counts less.",
    "El camino de Santiago 2020 fue largo y la avenida Chile 2030 también.",
    "A lo largo de Santiago 1500 familias fueron afectadas.",
    "Como muestran Santos et al. Brasil 2019, el 40% de los casos.",
]


def test_find_pii_ordinary_sentences_are_left_alone() -> None:
    assert len(ORDINARY) >= 40
    flagged = {t: _found(t) for t in ORDINARY if find_pii(t)}
    assert flagged == {}


def _thousands(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


_ORDINARY_SHAPES = {
    "year": lambda r: str(r.randint(1900, 2099)),
    "year range": lambda r: f"{r.randint(1900, 2050)}-{r.randint(1900, 2099)}",
    "reais": lambda r: "R$ " + _thousands(r.randint(1000, 10**12), "."),
    "pesos": lambda r: "$ " + _thousands(r.randint(1000, 10**12), "."),
    "count es": lambda r: _thousands(r.randint(10**6, 10**11), ".") + " personas",
    "count en": lambda r: _thousands(r.randint(10**6, 10**11), ",") + " people",
    "spaced count": lambda r: _thousands(r.randint(10**6, 10**11), " "),
    "lei": lambda r: f"Lei {_thousands(r.randint(1000, 99999), '.')}/{r.randint(1990, 2025)}",
    "ley": lambda r: f"Ley {_thousands(r.randint(1000, 99999), '.')}",
    "date /": lambda r: f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{r.randint(1950, 2030)}",
    "date -": lambda r: f"{r.randint(1, 28):02d}-{r.randint(1, 12):02d}-{r.randint(1950, 2030)}",
    "date .": lambda r: f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(1950, 2030)}",
    "percent": lambda r: f"{r.randint(1, 999)},{r.randint(1, 99)}%",
    "boletin": lambda r: f"Boletín {_thousands(r.randint(1000, 99999), '.')}-{r.randint(1, 99):02d}",
    "processo": lambda r: f"processo {r.randint(10**4, 10**5)}.{r.randint(10**5, 10**6)}/{r.randint(2000, 2025)}-11",
}


@pytest.mark.parametrize("shape", sorted(_ORDINARY_SHAPES))
def test_find_pii_random_ordinary_numbers_are_left_alone(shape: str) -> None:
    rng = random.Random(31)
    flagged = []
    for _ in range(500):
        text = f"En la consulta, {_ORDINARY_SHAPES[shape](rng)} y además."
        if find_pii(text):
            flagged.append(_found(text))
    assert flagged == []


# --- addresses and names -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Vivo en Calle Los Aromos 1234, Santiago.", "Calle Los Aromos 1234"),
        ("La sede está en Av. Providencia 1550.", "Av. Providencia 1550"),
        ("Moro na Rua das Flores, 123.", "Rua das Flores, 123"),
        ("Endereço: Avenida Paulista, 1000 apto 52", "Avenida Paulista, 1000 apto 52"),
        ("I live at 123 Main Street, Springfield.", "123 Main Street"),
        ("Pasaje Las Rosas 456 depto 12", "Pasaje Las Rosas 456 depto 12"),
        ("Travessa do Ouvidor, 34", "Travessa do Ouvidor, 34"),
        ("Alameda Santos 2000", "Alameda Santos 2000"),
        ("Av. Dr. Arnaldo, 455", "Av. Dr. Arnaldo, 455"),
    ],
)
def test_find_pii_address(text: str, address: str) -> None:
    assert _found(text) == [("ADDRESS", address)]


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Me llamo Juan Pérez y vivo en Maipú.", "Me llamo [NAME] y vivo en Maipú."),
        ("Mi nombre es María José de la Fuente.", "Mi nombre es [NAME]."),
        ("Hola, soy Camila Rojas, vecina de Ñuñoa.", "Hola, soy [NAME], vecina de Ñuñoa."),
        ("Meu nome é João da Silva e sou pescador.", "Meu nome é [NAME] e sou pescador."),
        ("Eu sou Ana Paula Gonçalves, moradora.", "Eu sou [NAME], moradora."),
        ("My name is John O'Brien.", "My name is [NAME]."),
        ("Atentamente,\nFrancisco Sepúlveda", "Atentamente,\n[NAME]"),
        ("Att., Larissa Costa", "Att., [NAME]"),
        ("Saludos,\nIgnacio Muñoz", "Saludos,\n[NAME]"),
        ("Atenciosamente,\nBeatriz dos Santos", "Atenciosamente,\n[NAME]"),
        ("Sincerely,\nJane Doe", "Sincerely,\n[NAME]"),
        ("Lo dijo el Sr. Hernán Cabrera.", "Lo dijo el Sr. [NAME]."),
        ("La Dra. Ana María López opinó.", "La Dra. [NAME] opinó."),
        ("As Mrs. Taylor said,", "As Mrs. [NAME] said,"),
        ("Sr. Presidente Juan Pérez", "Sr. Presidente [NAME]"),
        # Meeting minutes that attribute each view to a participant (full Chile 2016 published 27 such rows).
        (
            "Todos de acuerdo. Bernardo dice que la información debe ser pública.",
            "Todos de acuerdo. [NAME] dice que la información debe ser pública.",
        ),
        ("Iván opina que el Estado no debe subsidiar.", "[NAME] opina que el Estado no debe subsidiar."),
        ("Pascual cree que es muy fundamental.", "[NAME] cree que es muy fundamental."),
        ("A Maria acha que falta transporte.", "A [NAME] acha que falta transporte."),
        ("Camila no cree que deba explicitarse.", "[NAME] no cree que deba explicitarse."),
        # Once minutes name people, the other given names they write are people too (claim check 50, stop 42): after
        # "con", in a list with a name, before a verb of saying; a given name that is also a word or a place stays.
        (
            "Iván opina que sí. Luego concuerda con Mariano. Rosa también. Vive en Santiago.",
            "[NAME] opina que sí. Luego concuerda con [NAME]. Rosa también. Vive en Santiago.",
        ),
        ("Gonzalo, Roberto Soto y Blanca se inclinaban por el federalismo.", "[NAME], [NAME] y [NAME] se inclinaban por el federalismo."),
        ("Iván cree que no. Pascual opina distinto.", "[NAME] cree que no. [NAME] opina distinto."),
        # Claim check 76 (stop 46): a name no list knows, before a verb of saying in minutes that name people, and a
        # clitic between a name and its verb; a capitalised everyday word stays ("Chile", "Estado").
        (
            "Iván señala que no. Yarela argumenta que sí. Tomás se adhiere. Chile señala otra cosa.",
            "[NAME] señala que no. [NAME] argumenta que sí. [NAME] se adhiere. Chile señala otra cosa.",
        ),
        # Claim check 90 (stop 49, Plano Clima): after an article, as a person is spoken of, a given name's capitalised
        # next word is a surname even where it is an everyday word ("Rocket"); without the article it is not read so.
        ("Sigo o curso. O Joao Rocket fundou a escola.", "Sigo o curso. O [NAME] fundou a escola."),
        ("Falé con la Marta Llave ayer.", "Falé con la [NAME] ayer."),
    ],
)
def test_redact_text_name_keeps_cue_words(text: str, redacted: str) -> None:
    assert redact_text(text)[0] == redacted


@pytest.mark.parametrize(
    "text",
    [
        "me llamo la atención",
        "Soy Chileno y estoy de acuerdo.",
        "Saludos a todos",
        "Sr. Presidente:",
        "Atentamente, La Directiva",
        "Chile cree en la democracia.",  # a verb of saying after a capitalised word that is no given name
        "El Estado dice que sí.",
        "Pascual dice algo.",  # a given name that is also a common word, with no "que" after the verb
        "Queremos más salud en Santiago, Concepción y Victoria.",  # places, with no person named beside them
    ],
)
def test_find_pii_name_needs_capitalised_person_name(text: str) -> None:
    assert find_pii(text, kinds=["NAME"]) == []


# --- planted fakes at scale --------------------------------------------------------------------
@pytest.mark.parametrize("lang", sorted(PLANTED_KINDS))
def test_redact_text_removes_every_planted_identifier(lang: str) -> None:
    rng = random.Random(2024)
    kinds = PLANTED_KINDS[lang]
    sentences = planted_sentences(rng, 200 * len(kinds), lang)
    per_kind = {k: 0 for k in kinds}
    for sentence, kind, identifier in sentences:
        redacted, counts = redact_text(sentence)
        assert identifier not in redacted, (sentence, redacted)
        # A bare 11-digit number valid as both CUIT and CPF, with no cue word, is labelled CPF.
        ambiguous = kind == "CUIT" and identifier.isdigit() and is_valid_cpf(identifier)
        # A Uruguayan CI (1.234.567-2) that also passes the Chilean RUT check after "cédula" is labelled RUT.
        label = "RUT" if kind == "CI" and is_valid_rut(identifier) and counts.get("RUT") else kind
        assert counts.get("CPF" if ambiguous else label, 0) >= 1, (sentence, redacted, counts)
        per_kind[kind] += 1
    assert all(n == 200 for n in per_kind.values())


def test_find_pii_matches_sorted_and_non_overlapping() -> None:
    rng = random.Random(1)
    text = " ".join(s for s, _, _ in planted_sentences(rng, 90, "es") + planted_sentences(rng, 60, "pt"))
    matches = find_pii(text)
    # Some name carriers only count at the end of a text ("— Lucía, Tinogasta", a title row)
    # and lose that position once joined; every other planted value is still found.
    assert len(matches) >= 140
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))
    assert all(m.kind in PII_KINDS for m in matches)


def test_detectors_portuguese_self_introduction_with_article():
    # Found by the sample end-to-end test: "Sou a <name>" slipped through.
    assert redact_text("Sou a Maria Aparecida dos Santos, moradora atingida")[0] == "Sou a [NAME], moradora atingida"
    assert redact_text("Eu sou o João Carlos da Silva e moro aqui")[0] == "Eu sou o [NAME] e moro aqui"
    assert redact_text("Sou a favor da proposta")[1] == {}


def test_every_registered_kind_has_a_rank_and_a_name_in_each_report_language():
    from consultnlp.i18n import PII_KINDS as NAMES
    from consultnlp.privacy.detectors import KINDS

    assert PII_KINDS == tuple(KINDS) and all(1 <= kind.rank <= 5 for kind in KINDS.values())
    missing = {(kind, lang) for kind in KINDS for lang in ("es", "pt", "en") if lang not in NAMES.get(kind, {})}
    assert not missing, missing


def test_redact_stage_refuses_an_unknown_kind_with_the_registry_message():
    from consultnlp.config import RedactConfig
    from consultnlp.errors import ConfigError
    from consultnlp.stages.redact import RedactStage

    with pytest.raises(ConfigError, match=r"redact.kinds: unknown personal-data kind 'PASSPORT'\. Valid kinds: EMAIL, PHONE"):
        RedactStage(RedactConfig(kinds=["EMAIL", "PASSPORT"]))


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Canal YouTube@waldirdupont.", "@waldirdupont"),  # Plano Clima 2024: a private person's channel, glued to the name
        ("meu Instagram:@ana.souza_ e nada mais", "@ana.souza_"),
        ("IG@maria123", "@maria123"),
    ],
)
def test_a_handle_glued_to_its_platform_name_is_a_handle(text, handle):
    found = [text[m.start : m.end] for m in find_pii(text) if m.kind == "HANDLE"]
    assert found == [handle]
    assert [m.kind for m in find_pii("escreva para youtube@empresa.com.br")] == ["EMAIL"]  # an e-mail stays an e-mail


def test_detectors_a_name_signing_the_text_at_its_end_is_a_name():
    # Claim check 96 (Plano Clima 19293): «… ambientais. João Roberto - BH - MG.» was published whole.
    from consultnlp.privacy.detectors import find_pii

    def names(text: str) -> list[str]:
        return [text[m.start : m.end] for m in find_pii(text) if m.kind == "NAME"]

    assert names("Plantio feito com escolas públicas e as OSCs ambientais. João Roberto - BH - MG.") == ["João Roberto"]
    assert names("Precisamos de mais ônibus à noite. Ana Souza, Recife") == ["Ana Souza"]
    assert names("Salud Gratuita") == []  # the whole text, title-cased (Chile 2016)
    assert names("Máxima Autoridad Política.") == []
    assert names("Mais ciclovias no centro. São Paulo - SP") == []  # a place signs nothing
    assert names("Centro de Educação Ambiental Tubarões Prof. Fábio Hazin") == []  # an honoree in an institution's name
    assert names("Queremos mais árvores no Rio Grande do Sul.") == []
