#!/usr/bin/env python3
"""Build the bundled sample consultation ``consulta_gobierno_abierto.{csv,xlsx}``.

The sample is a *synthetic* public consultation on a fictional regional
"Plan de Acción de Gobierno Abierto 2027-2029" held across Latin America.
Every comment was written for consultnlp and is released under CC0-1.0; none
is copied from a real consultation or dataset.

Ordinary comments live in ``source/NN_<theme>.txt`` (one comment per line,
``## es|pt|en`` blocks); the planted features (organised campaigns, exact
duplicates, junk, empty rows, fake personal data, hostile text, other languages)
are defined in this script so that their counts are explicit.

The build is deterministic: one ``random.Random(2027)`` drives every choice,
so running the script twice gives byte-identical CSV files. The script also
rewrites the generated block of ``README.md`` (between the ``BEGIN GENERATED``
and ``END GENERATED`` markers) with the counts and row ids of every planted
feature, so the README never drifts from the data.

Usage::

    python data/samples/build_sample.py            # write CSV, XLSX, README block
    python data/samples/build_sample.py --report   # ... and print a summary
    python data/samples/build_sample.py --no-xlsx --no-readme

Only the standard library is needed for the CSV; the XLSX needs openpyxl.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "source"
CSV_PATH = HERE / "consulta_gobierno_abierto.csv"
XLSX_PATH = HERE / "consulta_gobierno_abierto.xlsx"
README_PATH = HERE / "README.md"
SHEET_NAME = "Respuestas"
SEED = 2027

COLUMNS = ["id", "fecha", "region", "tipo_participante", "comentario"]

REGIONS = ["Norte", "Centro", "Sur", "Metropolitana", "Costa", "Exterior"]

CIU = "Ciudadano/a"
OSC = "Organización de la sociedad civil"
FUN = "Funcionario/a público/a"
PRI = "Sector privado"
ACA = "Academia"
TIPOS = [CIU, OSC, FUN, PRI, ACA]
TIPO_MARKERS = {"ciu": CIU, "osc": OSC, "fun": FUN, "pri": PRI, "aca": ACA}

DATE_START = dt.date(2026, 8, 1)
DATE_END = dt.date(2026, 10, 31)

THEMES = [
    "access_info", "open_contracting", "anticorruption", "participation", "open_data",
    "digital_gov", "environment", "health", "education", "justice", "inclusion",
    "security", "fiscal", "parliament",
]

# Region weights (same order as REGIONS). English speakers sit more often on the
# Costa (Caribbean coast) and abroad.
W_BASE = [14, 22, 18, 28, 12, 6]
W_BASE_EN = [10, 14, 12, 22, 24, 18]
W_CAMPAIGN_WATER = [70, 8, 10, 8, 4, 0]

# Planted skews: of the ordinary, PII and hostile rows on a theme, exactly this share
# (rounded) is given to the region; the rest are drawn from the base weights without
# that region. Norte writes about water/mining/environment about 3x more than the
# other regions do, Metropolitana about public security.
SKEWS = {"environment": ("Norte", 0.40), "security": ("Metropolitana", 0.50)}

# Participant type weights (same order as TIPOS) for rows without a marker.
T_DEFAULT = [70, 10, 8, 6, 6]


# ---------------------------------------------------------------------------
# Row model
# ---------------------------------------------------------------------------

@dataclass
class Row:
    text: str
    lang: str                 # es / pt / en / other / und  (kept in the script only)
    theme: str                # one of THEMES, or "" for junk / empty / undecidable
    kind: str                 # ordinary, campaign_water_es, campaign_budget_pt, duplicate,
                              # junk, empty, pii, hostile, other_lang
    tags: list[str] = field(default_factory=list)   # sub-features (html, emoji, ...)
    tipo: str | None = None
    region: str | None = None
    date: dt.date | None = None
    id: str = ""
    dup_of: "Row | None" = None
    key: str = ""             # stable handle for README tables (e.g. "pii-03")


# ---------------------------------------------------------------------------
# Check digits of the planted (fake) identifiers
# ---------------------------------------------------------------------------

def _digits(s: str) -> list[int]:
    return [int(c) for c in s if c.isdigit()]


def cpf_is_valid(cpf: str) -> bool:
    d = _digits(cpf)
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        s = sum(x * w for x, w in zip(d[:n], range(n + 1, 1, -1)))
        r = s * 10 % 11
        if (0 if r == 10 else r) != d[n]:
            return False
    return True


def cnpj_is_valid(cnpj: str) -> bool:
    d = _digits(cnpj)
    if len(d) != 14 or len(set(d)) == 1:
        return False
    w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
    w2 = [6] + w1
    for n, w in ((12, w1), (13, w2)):
        r = sum(x * y for x, y in zip(d[:n], w)) % 11
        if (0 if r < 2 else 11 - r) != d[n]:
            return False
    return True


def rut_is_valid(rut: str) -> bool:
    body, _, dv = rut.replace(".", "").upper().partition("-")
    if not body.isdigit() or len(dv) != 1:
        return False
    s, m = 0, 2
    for c in reversed(body):
        s += int(c) * m
        m = 2 if m == 7 else m + 1
    v = 11 - s % 11
    expected = {11: "0", 10: "K"}.get(v, str(v))
    return dv == expected


def cuit_is_valid(cuit: str) -> bool:
    d = _digits(cuit)
    if len(d) != 11:
        return False
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    v = 11 - sum(x * y for x, y in zip(d[:10], w)) % 11
    if v == 10:
        return False
    return (0 if v == 11 else v) == d[10]


CURP_ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_is_valid(curp: str) -> bool:
    if not re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d", curp):
        return False
    s = sum(CURP_ALPHABET.index(c) * (18 - i) for i, c in enumerate(curp[:17]))
    return (10 - s % 10) % 10 == int(curp[17])


VALIDATORS = {
    "CPF": cpf_is_valid,
    "CNPJ": cnpj_is_valid,
    "RUT": rut_is_valid,
    "CUIT": cuit_is_valid,
    "CURP": curp_is_valid,
}


# ---------------------------------------------------------------------------
# Planted personal data (all fake; check digits valid)
# ---------------------------------------------------------------------------

# (key, lang, theme, tipo, text, [(kind, identifier), ...])
PII_ROWS = [
    ("pii-01", "es", "health", CIU,
     "Me llamo Rosa Quispe Mamani y vivo en una comunidad a cuatro horas del hospital más "
     "cercano. Mi hijo necesita un especialista y nos dan hora para dentro de ocho meses. Pido "
     "que la lista de espera sea pública y que haya rondas médicas en las comunidades.",
     [("NAME", "Rosa Quispe Mamani")]),
    ("pii-02", "pt", "digital_gov", CIU,
     "Meu nome é João Carlos da Silva, CPF 529.982.247-25. Tentei atualizar meu cadastro no "
     "aplicativo do governo e o sistema diz que meu CPF já está vinculado a outra pessoa. "
     "Ninguém resolve. Como confiar na proteção de dados assim?",
     [("NAME", "João Carlos da Silva"), ("CPF", "529.982.247-25")]),
    ("pii-03", "pt", "digital_gov", CIU,
     "Encontrei meu CPF 384.716.290-03 completo numa planilha publicada pela prefeitura no "
     "portal da transparência, junto com meu endereço. Transparência sim, mas com proteção de "
     "dados pessoais!",
     [("CPF", "384.716.290-03")]),
    ("pii-04", "pt", "open_contracting", PRI,
     "Nossa empresa, CNPJ 47.381.926/0001-38, foi desclassificada de uma licitação de merenda "
     "por um detalhe no atestado, enquanto a vencedora apresentou documento vencido. Pedimos "
     "que os recursos e as decisões das comissões de licitação sejam publicados.",
     [("CNPJ", "47.381.926/0001-38")]),
    ("pii-05", "pt", "participation", OSC,
     "Coordeno um coletivo de juventude no bairro e queremos ajudar a divulgar as próximas "
     "consultas. Contato: ana.ferreira@example.com ou pelo WhatsApp +55 11 98765-4321.",
     [("EMAIL", "ana.ferreira@example.com"), ("PHONE", "+55 11 98765-4321")]),
    ("pii-06", "es", "health", CIU,
     "Mi RUT es 16.482.913-8, estoy en lista de espera para una cirugía de vesícula desde marzo "
     "de 2025 en el hospital regional. Nadie me dice cuánto falta. Necesitamos saber nuestra "
     "posición en la lista.",
     [("RUT", "16.482.913-8")]),
    ("pii-07", "es", "justice", CIU,
     "Tengo una causa de pensión de alimentos que no avanza. Mi RUT 9.876.543-3, si alguien del "
     "tribunal puede llamarme al +56 9 8765 4321 se lo agradecería. La justicia de familia está "
     "colapsada.",
     [("RUT", "9.876.543-3"), ("PHONE", "+56 9 8765 4321")]),
    ("pii-08", "es", "education", FUN,
     "Soy docente suplente, mi DNI 30.123.456. Hace cinco meses que no cobro y en el ministerio "
     "me dicen que el expediente \"está en circuito\". Publiquen el estado de los expedientes "
     "de pago a docentes.",
     [("DNI", "30.123.456")]),
    ("pii-09", "es", "fiscal", CIU,
     "Soy monotributista (CUIT 27-35719284-1) y la página de la agencia de recaudación se cae "
     "en todos los vencimientos. Pido que publiquen las estadísticas de caídas del sistema y que "
     "no cobren recargos cuando la falla es de ellos.",
     [("CUIT", "27-35719284-1")]),
    ("pii-10", "es", "open_contracting", PRI,
     "Nuestra cooperativa de trabajo, CUIT 30-71234567-1, presta servicios de limpieza al "
     "municipio y cobra con 180 días de atraso. Transparencia en los plazos de pago a "
     "proveedores, por favor.",
     [("CUIT", "30-71234567-1")]),
    ("pii-11", "es", "digital_gov", CIU,
     "Intenté sacar mi constancia con mi CURP HEGM850412MOCRRR02 y el portal dice que no existe. "
     "En la oficina me dijeron que hay un error en el registro. Debería poder corregir mis datos "
     "en línea sin hacer fila.",
     [("CURP", "HEGM850412MOCRRR02")]),
    ("pii-12", "es", "access_info", CIU,
     "Solicité información sobre las licencias de construcción en mi barrio hace tres meses y "
     "sigo esperando. Si alguien de la unidad de transparencia lee esto, escríbanme a "
     "lucia.mendoza@example.org.",
     [("EMAIL", "lucia.mendoza@example.org")]),
    ("pii-13", "es", "security", CIU,
     "En mi cuadra hubo cinco robos en un mes. Armamos un grupo de vecinos y queremos coordinar "
     "con la comisaría. Mi celular es +54 9 11 5432-1098, llamen por favor.",
     [("PHONE", "+54 9 11 5432-1098")]),
    ("pii-14", "en", "open_data", OSC,
     "My name is David Thompson and I run a small civic-tech group. We would love to volunteer "
     "to clean up the metadata of the open data portal. Reach me at d.thompson@example.com.",
     [("NAME", "David Thompson"), ("EMAIL", "d.thompson@example.com")]),
    ("pii-15", "pt", "environment", CIU,
     "Sou a Maria Aparecida dos Santos, moradora atingida pela barragem, CPF 071.305.448-48 no "
     "cadastro de atingidos. Até hoje não recebemos o laudo da água do rio. Meu telefone é "
     "+55 21 99876-5432.",
     [("NAME", "Maria Aparecida dos Santos"), ("CPF", "071.305.448-48"),
      ("PHONE", "+55 21 99876-5432")]),
]


def verify_planted_identifiers() -> None:
    """Raise ValueError if a planted CPF/CNPJ/RUT/CUIT/CURP has a wrong check digit,
    or if an identifier is not literally in its row."""
    for key, _lang, _theme, _tipo, text, idents in PII_ROWS:
        for kind, value in idents:
            if value not in text:
                raise ValueError(f"{key}: identifier {value!r} not found in its text")
            check = VALIDATORS.get(kind)
            if check is not None and not check(value):
                raise ValueError(f"{key}: {kind} {value!r} has a wrong check digit")
            if kind == "DNI" and len(_digits(value)) not in (7, 8):
                raise ValueError(f"{key}: DNI {value!r} must have 7 or 8 digits")


# ---------------------------------------------------------------------------
# Hostile / odd text (each still a real comment on a theme)
# ---------------------------------------------------------------------------

# (key, tag, lang, theme, text)
HOSTILE_ROWS = [
    ("html-1", "html", "es", "access_info",
     "<p>Buenas tardes,</p><p>Solicito que la informaci&oacute;n sobre los contratos de "
     "recolecci&oacute;n de basura est&eacute; disponible en la p&aacute;gina de transparencia "
     "municipal.<br>Atentamente,&nbsp;Junta de Vecinos Villa Esperanza</p>"),
    ("html-2", "html", "pt", "fiscal",
     "<p>Prezados,<br/>gostaria que os dados do or&ccedil;amento da sa&uacute;de fossem "
     "publicados mensalmente em formato aberto.&nbsp;Obrigada!</p>"),
    ("html-3", "html", "en", "open_contracting",
     "<div><p>Please publish&nbsp;the full&nbsp;contracts for the new highway &amp; the bridge."
     "</p><br><br><p>Regards,<br>Riverside Community Council</p></div>"),
    ("script", "script", "es", "digital_gov",
     "Copié esto de la página del municipio porque el formulario de trámites no carga: "
     "<script>alert(1)</script> ¿Es seguro usar esa página para hacer trámites con mis datos "
     "personales?"),
    ("formula-hyperlink", "formula", "es", "open_data",
     '=HYPERLINK("http://example.com","clic") aquí están los datos de la encuesta que hicimos '
     "en el barrio sobre el estado de las veredas; el municipio debería publicar datos así."),
    ("formula-cmd", "formula", "es", "fiscal",
     "+cmd|' /C calc'!A0 Propuesta: publicar el presupuesto municipal completo en datos abiertos "
     "cada mes."),
    ("leading-dash", "leading_dash", "es", "participation",
     "- Más presupuestos participativos\n- Cabildos abiertos en los barrios\n- Respuesta escrita "
     "a cada aporte de esta consulta"),
    ("leading-at", "leading_at", "es", "health",
     "@ministeriodesalud ¿cuándo van a publicar las listas de espera por hospital? Lo prometieron "
     "el año pasado."),
    ("emoji-1", "emoji", "es", "environment",
     "Cuidemos el agua 💧💧 sin agua no hay vida 🌱 no a la mina en la cabecera del río"),
    ("emoji-2", "emoji", "pt", "participation",
     "Adorei a consulta 👍👍 parabéns pela iniciativa de ouvir a população"),
    ("emoji-3", "emoji", "en", "environment",
     "Plant more trees in the city 🌱🌳 and publish the climate budget! 💧"),
    ("emoji-4", "emoji", "es", "security",
     "Más luminarias en la plaza por favor 🙏 está muy oscuro y es peligroso de noche 😟"),
    ("emoji-5", "emoji", "pt", "health",
     "Fila do SUS absurda 😡 minha mãe espera uma cirurgia há dois anos 👎"),
    ("caps-1", "all_caps", "es", "anticorruption",
     "BASTA DE CORRUPCIÓN!!! QUEREMOS SABER EN QUÉ SE GASTA NUESTRA PLATA Y QUIÉN SE LA LLEVA"),
    ("caps-2", "all_caps", "pt", "environment",
     "NÃO À MINERAÇÃO NAS NASCENTES. ÁGUA É VIDA. QUEREMOS OS LAUDOS PUBLICADOS"),
    ("caps-3", "all_caps", "es", "health",
     "EXIJO QUE PUBLIQUEN LAS LISTAS DE ESPERA DEL HOSPITAL REGIONAL YA, MI MADRE LLEVA DOS AÑOS "
     "ESPERANDO"),
    ("url-1", "url", "es", "open_data",
     "Miren este ejemplo de portal de datos abiertos bien hecho: "
     "https://example.org/datos/portal-ejemplo deberíamos tener algo así, con API y descarga en CSV."),
    ("url-2", "url", "en", "open_contracting",
     "See our monitoring report at https://example.org/reports/contract-monitoring-2026.pdf: "
     "23 of the 40 road contracts we followed had cost overruns that were never explained."),
    ("url-3", "url", "pt", "parliament",
     "Fizemos um levantamento das votações da câmara municipal: "
     "https://example.com/camara/votacoes?ano=2026&municipio=todos vale a pena ver quem faltou."),
    ("typo-1", "typos", "es", "access_info",
     "necesito informacion sobre los permisos de construccion en mi sector pero la municipalidad "
     "no responde nada desde hace meses q hago"),
    ("typo-2", "typos", "pt", "participation",
     "a participacao popular e muito importante mas ninguem divulga as reunioes no meu bairro"),
    ("typo-3", "typos", "es", "security",
     "la poli nunca viene cuando uno llama, aca en la poblacion hay balasos todas las noches y "
     "nadie ase nada"),
    ("typo-4", "typos", "pt", "education",
     "nao tem vaga na creche pra minha filha e a prefeitura nao fala qual a posicao dela na fila"),
    ("typo-5", "typos", "en", "digital_gov",
     "the goverment website dont work on my phone, cant finish the aplication for benefits"),
]

LONG_SUBMISSION_FILE = SOURCE_DIR / "long_submission_es.txt"

# ---------------------------------------------------------------------------
# Other languages and undecidable short answers
# ---------------------------------------------------------------------------

# (lang, theme, text)
OTHER_LANG_ROWS = [
    ("fr", "fiscal", "Je soutiens pleinement l'initiative de transparence budgétaire, mais il faut "
                     "publier les données dans un format ouvert."),
    ("fr", "environment", "Il faudrait consulter davantage les communautés autochtones avant "
                          "d'autoriser les projets miniers."),
    ("fr", "", "Très bonne initiative, merci."),
    ("de", "open_contracting", "Die Regierung sollte alle öffentlichen Aufträge vollständig online "
                               "veröffentlichen."),
    ("de", "participation", "Ich wohne seit zehn Jahren hier und finde die Bürgerbeteiligung sehr "
                            "wichtig."),
    ("und", "", "Muy bien"),
    ("und", "", "Concordo plenamente"),
    ("und", "", "Fully agree"),
    ("und", "", "Sí"),
    ("und", "", "👍"),
    ("und", "", "De acuerdo"),
    ("und", "", "Ótimo"),
    ("und", "", "+1"),
    ("und", "", "Agree"),
    ("und", "", "Bien"),
]

# ---------------------------------------------------------------------------
# Junk and empty
# ---------------------------------------------------------------------------

JUNK_TEXTS = [
    "xxx", ".", "-", "teste", "vea documento adjunto", "ver anexo", "asdfgh", "jjjjjj",
    "ok", "n/a", "sin comentarios", "...",
]

EMPTY_TEXTS = ["", " ", "   ", "\t", "\n", " \n\t "]

# ---------------------------------------------------------------------------
# Organised campaigns (form letters)
# ---------------------------------------------------------------------------

N_CAMPAIGN_WATER_ES = 40
N_CAMPAIGN_BUDGET_PT = 25
N_EXACT_DUPLICATES = 10
P_CANONICAL_COPY = 0.3   # share of campaign copies sent exactly as the organisers wrote them

WATER_GREETINGS = ["Señores del Gobierno:", "Estimadas autoridades:", "A quien corresponda:",
                   "Señoras y señores:", "Estimados:", ""]
WATER_WHO = ["Como vecino de la región", "Como vecina de la región",
             "Como habitante de la región", "Como vecino/a de la región"]
WATER_BODY = (
    "{who}, exijo que el Plan de Acción de Gobierno Abierto 2027-2029 incluya un compromiso "
    "vinculante para proteger los glaciares y las fuentes de agua frente a la minería. Pedimos: "
    "(1) publicar en línea todos los derechos de agua otorgados a empresas mineras y su consumo "
    "real; (2) prohibir la actividad minera en zonas de glaciares y ambiente periglaciar; "
    "(3) monitoreo ciudadano del agua con resultados públicos."
)
WATER_EXTRAS = [
    "En mi comuna ya casi no llueve y los pozos están secos.",
    "Mis abuelos tomaban agua del río; mis hijos ya no pueden.",
    "Los camiones aljibe no son una solución.",
    "Sin glaciares no hay futuro para la agricultura del valle.",
    "Exijo también que se publiquen los planes de cierre de las faenas.",
]
WATER_CLOSINGS = ["El agua vale más que el oro.", "¡El agua vale más que el oro!",
                  "EL AGUA VALE MÁS QUE EL ORO", "El agua vale más que el oro"]
WATER_SIGNATURES = ["Ana, Copiapó", "Pedro, Calama", "Vecinos de Andacollo", "Lucía, Tinogasta",
                    "Familia Condori, Jujuy", "Julián, Cajamarca", "Marta, Vallenar",
                    "Comunidad de Chañaral Alto", "Raúl, Famatina", "Teresa, Huasco"]

BUDGET_OPENINGS = ["Exigimos dados abertos do orçamento!", "Exigimos dados abertos do orçamento.",
                   "EXIGIMOS DADOS ABERTOS DO ORÇAMENTO!", "Olá. Exigimos dados abertos do orçamento!"]
BUDGET_WHO = ["Como cidadão", "Como cidadã", "Como cidadão(ã)", "Como contribuinte"]
BUDGET_BODY = (
    "{who}, peço que o Plano de Ação de Governo Aberto 2027-2029 obrigue todos os municípios e "
    "estados a publicar a execução orçamentária em formato aberto (CSV), atualizada "
    "mensalmente, com detalhamento por programa, por fornecedor e por bairro. Orçamento público "
    "é dinheiro do povo e o povo tem o direito de acompanhar cada centavo."
)
BUDGET_EXTRAS = [
    "Na minha cidade o portal só tem PDF.",
    "Queremos saber para onde vão as emendas parlamentares.",
    "Transparência não é favor, é obrigação.",
]
BUDGET_TAGS = ["#OrçamentoAberto", "#orcamentoaberto", "#OrçamentoAberto #DadosAbertos", ""]
BUDGET_SIGNATURES = ["Carla, Recife", "Paulo, Belo Horizonte", "Coletivo Juventude Ativa, Salvador",
                     "Fernanda, Manaus", "Rafael, Curitiba", "Moradores do Jardim Ângela, São Paulo"]


def _punct_variant(rng: random.Random, text: str) -> str:
    """Small punctuation/case edits a copy-paster produces."""
    r = rng.random()
    if r < 0.15:
        return text.lower()
    if r < 0.30:
        return text.replace("; ", ", ")
    if r < 0.40:
        return text.replace(": ", ":\n", 1)
    if r < 0.50:
        return text.replace(".", "..", 1)
    if r < 0.58:
        return "  " + text + "  "
    return text


def make_water_campaign(rng: random.Random) -> list[Row]:
    rows = []
    canonical = " ".join([WATER_GREETINGS[0], WATER_BODY.format(who=WATER_WHO[0]), WATER_CLOSINGS[0]])
    for i in range(N_CAMPAIGN_WATER_ES):
        if rng.random() < P_CANONICAL_COPY:
            rows.append(Row(text=canonical, lang="es", theme="environment",
                            kind="campaign_water_es", key=f"water-{i + 1:02d}"))
            continue
        parts = []
        g = rng.choice(WATER_GREETINGS)
        if g:
            parts.append(g)
        parts.append(WATER_BODY.format(who=rng.choice(WATER_WHO)))
        if rng.random() < 0.35:
            parts.append(rng.choice(WATER_EXTRAS))
        parts.append(rng.choice(WATER_CLOSINGS))
        if rng.random() < 0.45:
            parts.append("— " + rng.choice(WATER_SIGNATURES))
        text = _punct_variant(rng, " ".join(parts))
        rows.append(Row(text=text, lang="es", theme="environment", kind="campaign_water_es",
                        key=f"water-{i + 1:02d}"))
    return rows


def make_budget_campaign(rng: random.Random) -> list[Row]:
    rows = []
    canonical = " ".join([BUDGET_OPENINGS[0], BUDGET_BODY.format(who=BUDGET_WHO[0]), BUDGET_TAGS[0]])
    for i in range(N_CAMPAIGN_BUDGET_PT):
        if rng.random() < P_CANONICAL_COPY:
            rows.append(Row(text=canonical, lang="pt", theme="fiscal",
                            kind="campaign_budget_pt", key=f"budget-{i + 1:02d}"))
            continue
        parts = [rng.choice(BUDGET_OPENINGS), BUDGET_BODY.format(who=rng.choice(BUDGET_WHO))]
        if rng.random() < 0.3:
            parts.append(rng.choice(BUDGET_EXTRAS))
        tag = rng.choice(BUDGET_TAGS)
        if tag:
            parts.append(tag)
        if rng.random() < 0.4:
            parts.append("- " + rng.choice(BUDGET_SIGNATURES))
        text = _punct_variant(rng, " ".join(parts))
        rows.append(Row(text=text, lang="pt", theme="fiscal", kind="campaign_budget_pt",
                        key=f"budget-{i + 1:02d}"))
    return rows


# ---------------------------------------------------------------------------
# Loading the hand-written ordinary comments
# ---------------------------------------------------------------------------

MARKER_RE = re.compile(r"^\s*(?:\[(ciu|osc|fun|pri|aca)\]|\{(\w+)\})\s*")


def load_source_comments() -> list[Row]:
    rows: list[Row] = []
    files = sorted(p for p in SOURCE_DIR.glob("[0-9][0-9]_*.txt"))
    for path in files:
        theme = path.stem.split("_", 1)[1]
        if theme not in THEMES:
            raise ValueError(f"{path.name}: unknown theme {theme!r}")
        lang = None
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line:
                continue
            if line.startswith("## "):
                lang = line[3:].strip()
                if lang not in ("es", "pt", "en"):
                    raise ValueError(f"{path.name}:{lineno}: unknown language {lang!r}")
                continue
            if line.startswith("#"):
                continue
            if lang is None:
                raise ValueError(f"{path.name}:{lineno}: comment before any '## lang' line")
            tipo = region = None
            while True:
                m = MARKER_RE.match(line)
                if not m:
                    break
                if m.group(1):
                    tipo = TIPO_MARKERS[m.group(1)]
                else:
                    if m.group(2) not in REGIONS:
                        raise ValueError(f"{path.name}:{lineno}: unknown region {m.group(2)!r}")
                    region = m.group(2)
                line = line[m.end():]
            text = line.replace("\\n", "\n")
            rows.append(Row(text=text, lang=lang, theme=theme, kind="ordinary", tipo=tipo,
                            region=region, key=f"{path.stem}:{lineno}"))
    return rows


# ---------------------------------------------------------------------------
# Metadata
# ---------------------------------------------------------------------------

def _region_weights(row: Row, exclude: str | None = None) -> list[int]:
    if row.kind == "campaign_water_es":
        w = W_CAMPAIGN_WATER
    elif row.lang == "en":
        w = W_BASE_EN
    else:
        w = W_BASE
    if exclude is not None:
        w = [0 if g == exclude else x for g, x in zip(REGIONS, w)]
    return w


def _random_date(rng: random.Random, start: dt.date, end: dt.date, mode: float | None = None) -> dt.date:
    span = (end - start).days
    if mode is None:
        offset = rng.randint(0, span)
    else:
        offset = min(span, int(rng.triangular(0, span + 1, mode)))
    return start + dt.timedelta(days=offset)


def assign_metadata(rng: random.Random, rows: list[Row]) -> None:
    span = (DATE_END - DATE_START).days
    for theme, (region, share) in SKEWS.items():
        eligible = [r for r in rows if r.theme == theme and r.region is None
                    and r.kind in ("ordinary", "pii", "hostile")]
        order = list(range(len(eligible)))
        rng.shuffle(order)
        n_target = round(share * len(eligible))
        for rank, i in enumerate(order):
            row = eligible[i]
            if rank < n_target:
                row.region = region
            else:
                row.region = rng.choices(REGIONS, weights=_region_weights(row, exclude=region))[0]
    for row in rows:
        if row.region is None:
            row.region = rng.choices(REGIONS, weights=_region_weights(row))[0]
        if row.tipo is None:
            if row.kind in ("campaign_water_es", "campaign_budget_pt"):
                row.tipo = rng.choices(TIPOS, weights=[90, 8, 0, 0, 2])[0]
            else:
                row.tipo = rng.choices(TIPOS, weights=T_DEFAULT)[0]
        if row.date is None:
            if row.kind == "campaign_water_es":
                row.date = _random_date(rng, dt.date(2026, 9, 14), dt.date(2026, 9, 21))
            elif row.kind == "campaign_budget_pt":
                row.date = _random_date(rng, dt.date(2026, 10, 5), dt.date(2026, 10, 12))
            else:
                # more answers towards the closing date, as in real consultations
                row.date = _random_date(rng, DATE_START, DATE_END, mode=span * 0.85)


def make_duplicates(rng: random.Random, ordinary: list[Row]) -> list[Row]:
    """Exact re-submissions of ordinary comments (same person, same or next days)."""
    candidates = [r for r in ordinary if len(r.text.split()) >= 8]
    picked = rng.sample(candidates, N_EXACT_DUPLICATES)
    dups = []
    for i, orig in enumerate(picked):
        date = min(DATE_END, orig.date + dt.timedelta(days=rng.randint(0, 3)))
        dups.append(Row(text=orig.text, lang=orig.lang, theme=orig.theme, kind="duplicate",
                        tipo=orig.tipo, region=orig.region, date=date, dup_of=orig,
                        key=f"dup-{i + 1:02d}"))
    return dups


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

def build_rows() -> list[Row]:
    verify_planted_identifiers()
    rng = random.Random(SEED)

    ordinary = load_source_comments()
    texts = Counter(r.text for r in ordinary)
    repeated = [t for t, n in texts.items() if n > 1]
    if repeated:
        raise ValueError(f"ordinary comments must be distinct; repeated: {repeated[:3]}")

    special: list[Row] = []
    for key, lang, theme, tipo, text, _ids in PII_ROWS:
        special.append(Row(text=text, lang=lang, theme=theme, kind="pii", tipo=tipo, key=key))
    for key, tag, lang, theme, text in HOSTILE_ROWS:
        special.append(Row(text=text, lang=lang, theme=theme, kind="hostile", tags=[tag], key=key))
    long_text = LONG_SUBMISSION_FILE.read_text(encoding="utf-8").strip("\n")
    special.append(Row(text=long_text, lang="es", theme="participation", kind="hostile",
                       tags=["very_long"], tipo=OSC, region="Centro", key="long"))
    for i, (lang, theme, text) in enumerate(OTHER_LANG_ROWS):
        special.append(Row(text=text, lang=lang, theme=theme, kind="other_lang",
                           key=f"other-{i + 1:02d}"))
    for i, text in enumerate(JUNK_TEXTS):
        special.append(Row(text=text, lang="und", theme="", kind="junk", key=f"junk-{i + 1:02d}"))
    for i, text in enumerate(EMPTY_TEXTS):
        special.append(Row(text=text, lang="und", theme="", kind="empty", key=f"empty-{i + 1:02d}"))

    campaigns = make_water_campaign(rng) + make_budget_campaign(rng)

    rows = ordinary + special + campaigns
    assign_metadata(rng, rows)
    rows += make_duplicates(rng, ordinary)

    rng.shuffle(rows)
    for i, row in enumerate(rows, 1):
        row.id = f"C-{i:04d}"
    _sanity_checks(rows)
    return rows


def _sanity_checks(rows: list[Row]) -> None:
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    # every planted identifier appears in exactly one row, its own
    by_key = {r.key: r for r in rows}
    for key, *_rest, idents in PII_ROWS:
        for _kind, value in idents:
            hits = [r.id for r in rows if value in r.text]
            if hits != [by_key[key].id]:
                raise ValueError(f"identifier {value!r} found in rows {hits}, expected only {key}")
    for r in rows:
        assert DATE_START <= r.date <= DATE_END, r
        assert r.region in REGIONS and r.tipo in TIPOS, r
    if not 600 <= len(rows) <= 700:
        raise ValueError(f"{len(rows)} rows; expected 600-700")


# ---------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------

def csv_bytes(rows: list[Row]) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow([r.id, r.date.isoformat(), r.region, r.tipo, r.text])
    return buf.getvalue().encode("utf-8")


def write_xlsx(rows: list[Row], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    ws.append(COLUMNS)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        ws.append([r.id, r.date.isoformat(), r.region, r.tipo, r.text])
        cell = ws.cell(row=ws.max_row, column=len(COLUMNS))
        # openpyxl turns any string starting with "=" into a formula; the sample must hold
        # the citizen's text verbatim, so force the cell back to a plain string.
        if cell.data_type == "f":
            cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 9
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 15
    ws.column_dimensions["D"].width = 32
    ws.column_dimensions["E"].width = 100
    ws.freeze_panes = "A2"
    fixed = dt.datetime(2026, 11, 1, 0, 0, 0)
    wb.properties.creator = "consultnlp build_sample.py"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.title = "Consulta pública - Plan de Acción de Gobierno Abierto 2027-2029 (sintética)"
    wb.save(path)


# ---------------------------------------------------------------------------
# README generated block and report
# ---------------------------------------------------------------------------

BEGIN = "<!-- BEGIN GENERATED by build_sample.py: do not edit by hand -->"
END = "<!-- END GENERATED -->"


def _ids(rows: list[Row]) -> str:
    return ", ".join(sorted(r.id for r in rows))


def _show(text: str) -> str:
    s = repr(text) if (not text.strip() or text != text.strip()) else text
    return s.replace("|", "\\|")


def generated_block(rows: list[Row]) -> str:
    by_kind: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_kind[r.kind].append(r)
    by_key = {r.key: r for r in rows}
    langs = Counter(r.lang for r in rows)
    out: list[str] = []
    add = out.append

    add(f"Total rows: **{len(rows)}** (ids `C-0001` … `C-{len(rows):04d}`).\n")
    add("| planted feature | rows |")
    add("|---|---|")
    labels = [
        ("ordinary", "ordinary hand-written comments (all distinct)"),
        ("pii", "comments with fake personal data"),
        ("hostile", "hostile / odd text (HTML, formulas, emoji, caps, URLs, typos, very long)"),
        ("campaign_water_es", "campaign A (es): protect water and glaciers from mining"),
        ("campaign_budget_pt", "campaign B (pt): open budget data"),
        ("duplicate", "exact duplicates of ordinary comments (second copy)"),
        ("junk", "junk"),
        ("empty", "empty or whitespace-only"),
        ("other_lang", "other language (fr/de) or undecidable short answer"),
    ]
    for kind, label in labels:
        add(f"| {label} | {len(by_kind[kind])} |")
    add("")
    analysable = sum(langs[k] for k in ("es", "pt", "en"))
    add("Language of the rows (the script's own tagging; not a CSV column): "
        + ", ".join(f"{k} {langs[k]}" for k in ("es", "pt", "en", "fr", "de", "und"))
        + f". Among es/pt/en rows: es {langs['es'] / analysable:.0%}, "
          f"pt {langs['pt'] / analysable:.0%}, en {langs['en'] / analysable:.0%}.\n")

    add("### Organised campaigns\n")
    for kind, label in (("campaign_water_es", "Campaign A (es, water/glaciers/mining)"),
                        ("campaign_budget_pt", "Campaign B (pt, open budget data)")):
        rs = by_kind[kind]
        distinct = len(set(r.text for r in rs))
        add(f"- **{label}**: {len(rs)} rows, {distinct} distinct texts; ids: {_ids(rs)}")
    add("")
    add("### Exact duplicates\n")
    add("| original | duplicate |")
    add("|---|---|")
    for r in sorted(by_kind["duplicate"], key=lambda r: r.dup_of.id):
        add(f"| {r.dup_of.id} | {r.id} |")
    add("")

    add("### Junk rows\n")
    add("| id | text |")
    add("|---|---|")
    for r in sorted(by_kind["junk"], key=lambda r: r.id):
        add(f"| {r.id} | `{_show(r.text)}` |")
    add("")
    add("### Empty / whitespace-only rows\n")
    add("| id | text (Python repr) |")
    add("|---|---|")
    for r in sorted(by_kind["empty"], key=lambda r: r.id):
        add(f"| {r.id} | `{r.text!r}` |")
    add("")

    add("### Other languages and undecidable answers\n")
    add("| id | lang | text |")
    add("|---|---|---|")
    for r in sorted(by_kind["other_lang"], key=lambda r: r.id):
        add(f"| {r.id} | {r.lang} | {_show(r.text)} |")
    add("")

    add("### Planted personal data (all fake; check digits valid)\n")
    add("None of these strings may appear in any published output.\n")
    add("| id | type | identifier |")
    add("|---|---|---|")
    for key, *_rest, idents in PII_ROWS:
        for kind, value in idents:
            add(f"| {by_key[key].id} | {kind} | `{value}` |")
    add("")

    add("### Hostile and odd text\n")
    add("| id | feature | lang | starts with |")
    add("|---|---|---|---|")
    for r in sorted(by_kind["hostile"], key=lambda r: r.id):
        start = r.text[:50].replace("\n", "\\n").replace("|", "\\|").replace("`", "'")
        feat = r.tags[0] + (f" ({len(r.text)} chars)" if r.tags[0] == "very_long" else "")
        add(f"| {r.id} | {feat} | {r.lang} | `{start}` |")
    tag_counts = Counter(r.tags[0] for r in by_kind["hostile"])
    add("")
    add("Counts: " + ", ".join(f"{t} {n}" for t, n in sorted(tag_counts.items())) + ".\n")

    add("### Region × theme (every row with a theme, campaigns and duplicates included)\n")
    themed = [r for r in rows if r.theme]
    add("| theme | " + " | ".join(REGIONS) + " | total |")
    add("|---|" + "---|" * (len(REGIONS) + 1))
    for theme in THEMES:
        cells = [sum(1 for r in themed if r.theme == theme and r.region == g) for g in REGIONS]
        add(f"| {theme} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    add("")
    ord_rows = [r for r in rows if r.kind in ("ordinary", "pii", "hostile")]
    add("Share of *environment* among ordinary, PII and hostile rows (campaigns and duplicates "
        "excluded), by region: " + ", ".join(
            f"{g} {_share(ord_rows, g, 'environment')}" for g in REGIONS) + ".")
    for theme, (region, _share_) in SKEWS.items():
        inside = [r for r in ord_rows if r.region == region]
        outside = [r for r in ord_rows if r.region != region]
        a = sum(r.theme == theme for r in inside) / len(inside)
        b = sum(r.theme == theme for r in outside) / len(outside)
        add(f"{region} × {theme}: {a:.1%} of {region} rows against {b:.1%} of all other "
            f"regions' rows (ratio {a / b:.1f}).")
    add("Share of *security* on the same rows: " + ", ".join(
        f"{g} {_share(ord_rows, g, 'security')}" for g in REGIONS) + ".")
    return "\n".join(out)


def _share(rows: list[Row], region: str, theme: str) -> str:
    rs = [r for r in rows if r.region == region]
    n = sum(1 for r in rs if r.theme == theme)
    return f"{n}/{len(rs)} ({n / len(rs):.0%})" if rs else "0/0"


def update_readme(rows: list[Row]) -> bool:
    if not README_PATH.exists():
        return False
    text = README_PATH.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        return False
    head, rest = text.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    new = head + BEGIN + "\n\n" + generated_block(rows) + "\n\n" + END + tail
    if new != text:
        README_PATH.write_text(new, encoding="utf-8")
    return True


def report(rows: list[Row]) -> str:
    lines = [f"rows: {len(rows)}"]
    kinds = Counter(r.kind for r in rows)
    lines.append("kinds: " + ", ".join(f"{k}={n}" for k, n in sorted(kinds.items())))
    langs = Counter(r.lang for r in rows)
    lines.append("langs: " + ", ".join(f"{k}={n}" for k, n in sorted(langs.items())))
    ordinary = [r for r in rows if r.kind == "ordinary"]
    lines.append("ordinary per theme (es/pt/en):")
    for t in THEMES:
        c = Counter(r.lang for r in ordinary if r.theme == t)
        lines.append(f"  {t:17s} {c['es']:3d} {c['pt']:3d} {c['en']:3d}")
    words = sorted(len(r.text.split()) for r in ordinary)
    lines.append(f"ordinary words: min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-xlsx", action="store_true", help="do not write the XLSX file")
    ap.add_argument("--no-readme", action="store_true", help="do not refresh README.md")
    ap.add_argument("--report", action="store_true", help="print a summary of the rows")
    args = ap.parse_args(argv)

    rows = build_rows()
    CSV_PATH.write_bytes(csv_bytes(rows))
    if not args.no_xlsx:
        write_xlsx(rows, XLSX_PATH)
    if not args.no_readme:
        update_readme(rows)
    if args.report:
        print(report(rows))
    print(f"wrote {CSV_PATH.name} ({len(rows)} rows)"
          + ("" if args.no_xlsx else f" and {XLSX_PATH.name}"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
