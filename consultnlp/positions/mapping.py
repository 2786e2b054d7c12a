"""Positions from a closed question: agreement letters, Likert scales, yes/no, Decidim's ``alignment``.

Values are compared without case, accents, surrounding punctuation or repeated spaces. The
built-in table covers:

- Chile 2016 and similar: ``A`` / ``P`` / ``D`` (acuerdo, acuerdo parcial, desacuerdo);
- agree/disagree Likert scales of 5 and 7 points in es/pt/en: every degree of agreement is
  ``support`` and of disagreement ``oppose`` ("algo de acuerdo", "somewhat disagree"); an
  explicit partial agreement ("parcialmente de acuerdo", "concordo em parte", "partly agree") is
  ``partial``; the midpoint ("ni de acuerdo ni en desacuerdo", "neutral") and "don't know" are ``none``;
- yes / no: sí, si, sim, yes / no, não, nao; "sí, con cambios" / "yes, with changes" is ``partial``;
- Decidim ``alignment``: 1 in favour, 0 neutral (``none``), -1 against.

Blank cells are ``none``. ``positions.mapping`` adds values or overrides these; a value neither
maps is an error that lists it.

``find_position_column`` finds such a closed question in an input nobody described: a column named
for agreement ("acuerdo", "agree", "concorda", "postura", "stance", "alignment") whose every value is
in the built-in table and says at least two different things. Chile 2016 gave every argument the
meeting's A/P/D mark; read without it, the report said that 2% of arguments stated a position.
"""

from __future__ import annotations

import re

import pandas as pd

from consultnlp.errors import ConfigError
from consultnlp.positions import NONE, OPPOSE, PARTIAL, POSITIONS, SUPPORT
from consultnlp.text import fold

SHOWN_UNKNOWN = 5  # unknown values named in the error
# Column names that say agreement, folded; a count of supports ("supports", "votos") is no position.
_AGREEMENT_NAME = re.compile(r"acuerdo|agree|concord|postura|posici|posica|stance|alignment|alineacion|alinhamento")
MIN_FILLED_SHARE = 0.5  # of the counted rows, at least this share answer the closed question

_LIKERT_AGREE = {
    "es": ("de acuerdo", "en desacuerdo"),
    "pt": ("de acordo", "em desacordo"),
}
_DEGREES = {
    "es": ("muy", "totalmente", "completamente", "bastante", "algo", "mas bien", "fuertemente", "plenamente"),
    "pt": ("muito", "totalmente", "completamente", "bastante", "um pouco", "mais ou menos", "plenamente", "fortemente"),
}


def _builtin() -> dict[str, str]:
    table: dict[str, str] = {}

    def put(position: str, *values: str) -> None:
        for value in values:
            table[normalise_value(value)] = position

    put(
        SUPPORT,
        "a",
        "acuerdo",
        "de acuerdo",
        "si",
        "sí",
        "yes",
        "y",
        "sim",
        "s",
        "a favor",
        "en favor",
        "em favor",
        "favor",
        "favorable",
        "favorável",
        "apoyo",
        "apoio",
        "support",
        "supports",
        "in favour",
        "in favor",
        "for",
        "agree",
        "strongly agree",
        "somewhat agree",
        "mostly agree",
        "tend to agree",
        "agree strongly",
        "agree somewhat",
        "slightly agree",
        "completely agree",
        "totally agree",
        "concordo",
        "concordo totalmente",
        "concordo plenamente",
        "concordo fortemente",
        "concordo muito",
        "concordo um pouco",
        "concordo mais ou menos",
        "de acordo",
        "acordo",
        "1",
        "+1",
        "1.0",
        "positivo",
    )
    put(
        PARTIAL,
        "p",
        "acuerdo parcial",
        "parcialmente de acuerdo",
        "de acuerdo en parte",
        "de acuerdo parcialmente",
        "en parte de acuerdo",
        "en parte",
        "parcialmente",
        "parcial",
        "partially agree",
        "partly agree",
        "agree in part",
        "agree partially",
        "in part",
        "partly",
        "partially",
        "partial",
        "concordo parcialmente",
        "concordo em parte",
        "parcialmente de acordo",
        "de acordo em parte",
        "em parte",
        "acordo parcial",
        "si con cambios",
        "sí, con cambios",
        "si con modificaciones",
        "sí, con modificaciones",
        "si con reservas",
        "con reservas",
        "yes with changes",
        "yes, with changes",
        "yes with amendments",
        "yes, with amendments",
        "with reservations",
        "sim com alteracoes",
        "sim, com alterações",
        "sim com ressalvas",
        "sim, com ressalvas",
        "com ressalvas",
    )
    put(
        OPPOSE,
        "d",
        "desacuerdo",
        "en desacuerdo",
        "no",
        "não",
        "nao",
        "n",
        "en contra",
        "contra",
        "against",
        "oppose",
        "opposed",
        "disagree",
        "strongly disagree",
        "somewhat disagree",
        "mostly disagree",
        "tend to disagree",
        "disagree strongly",
        "disagree somewhat",
        "slightly disagree",
        "completely disagree",
        "totally disagree",
        "partly disagree",
        "partially disagree",
        "parcialmente en desacuerdo",
        "discordo",
        "discordo totalmente",
        "discordo plenamente",
        "discordo fortemente",
        "discordo muito",
        "discordo parcialmente",
        "discordo em parte",
        "discordo um pouco",
        "discordo mais ou menos",
        "desacordo",
        "em desacordo",
        "parcialmente em desacordo",
        "rechazo",
        "rejeito",
        "reject",
        "desfavorable",
        "desfavorável",
        "-1",
        "-1.0",
        "negativo",
    )
    put(
        NONE,
        "",
        "ni de acuerdo ni en desacuerdo",
        "ni acuerdo ni desacuerdo",
        "neutral",
        "neutro",
        "indiferente",
        "indeciso",
        "neither agree nor disagree",
        "neither",
        "neutral / no opinion",
        "no opinion",
        "sin opinion",
        "sin opinión",
        "sem opiniao",
        "sem opinião",
        "nem concordo nem discordo",
        "nao concordo nem discordo",
        "não concordo nem discordo",
        "no sabe",
        "no se",
        "no sé",
        "ns/nr",
        "ns nr",
        "nao sei",
        "não sei",
        "don't know",
        "dont know",
        "do not know",
        "not sure",
        "unsure",
        "n/a",
        "na",
        "nr",
        "0",
        "0.0",
        "abstencion",
        "abstención",
        "abstencao",
        "abstenção",
        "abstain",
    )
    for lang, (agree, disagree) in _LIKERT_AGREE.items():
        for degree in _DEGREES[lang]:
            put(SUPPORT, f"{degree} {agree}")
            put(OPPOSE, f"{degree} {disagree}")
    # "Parcialmente" and "en parte" name a partial agreement explicitly, whatever the scale does with the rest.
    put(PARTIAL, "parcialmente de acuerdo", "parcialmente de acordo")
    put(OPPOSE, "parcialmente en desacuerdo", "parcialmente em desacordo")
    return table


_SPACES = re.compile(r"\s+")
_EDGE = re.compile(r"^[\s\"'«»“”.,;:!¡?¿()\[\]]+|[\s\"'«»“”.,;:!¡?¿()\[\]]+$")


def normalise_value(value: object) -> str:
    """A cell as the table keys it: folded, trimmed of punctuation, single spaces ("Sí, con cambios." -> "si, con cambios")."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = str(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return _SPACES.sub(" ", _EDGE.sub("", fold(text))).replace(" ,", ",")


BUILTIN = _builtin()


def resolve_mapping(user: dict[str, str] | None) -> dict[str, str]:
    """The built-in table with ``positions.mapping`` laid over it (keys normalised)."""
    table = dict(BUILTIN)
    for value, position in (user or {}).items():
        if position not in POSITIONS:
            raise ConfigError(f"positions.mapping: {value!r} maps to {position!r}; use one of {', '.join(POSITIONS)}.")
        table[normalise_value(value)] = position
    return table


def map_positions(values: pd.Series, column: str, user: dict[str, str] | None = None) -> tuple[pd.Series, dict[str, tuple[str, int]]]:
    """(position of each row, ``{value as written: (position, rows)}`` for the values seen).

    Raises ``ConfigError`` listing the values that are not positions, with their row counts.
    """
    table = resolve_mapping(user)
    keys = values.map(normalise_value)
    unknown = keys[~keys.isin(table.keys())]
    if len(unknown):
        counts = values[unknown.index].astype(str).str.strip().value_counts()
        shown = ", ".join(f'"{v}" ({n} row{"s" if n != 1 else ""})' for v, n in counts.head(SHOWN_UNKNOWN).items())
        more = f" and {len(counts) - SHOWN_UNKNOWN} more" if len(counts) > SHOWN_UNKNOWN else ""
        example = counts.index[0].replace('"', "")
        raise ConfigError(
            f'column "{column}" has values that are not positions: {shown}{more}. Map them with positions.mapping, '
            f"e.g. --set 'positions.mapping={{\"{example}\": none}}' (positions: {', '.join(POSITIONS)})."
        )
    positions = keys.map(table).astype(object)
    seen: dict[str, tuple[str, int]] = {}
    written = values.map(_shown)
    for value, n in written.value_counts(sort=False).items():
        seen[str(value)] = (table[normalise_value(value)], int(n))
    order = {p: i for i, p in enumerate(POSITIONS)}
    seen = dict(sorted(seen.items(), key=lambda kv: (order[kv[1][0]], -kv[1][1], kv[0])))
    return positions, seen


def _shown(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()


def describe_mapping(seen: dict[str, tuple[str, int]]) -> str:
    """``A -> support (175,992), P -> partial (16,268), (blank) -> none (3)``."""
    return ", ".join(f"{value or '(blank)'} -> {position} ({n:,})" for value, (position, n) in seen.items())


def find_position_column(frame: pd.DataFrame, columns: list[str]) -> str | None:
    """The first of ``columns`` that is a closed agree/disagree question (see the module docstring), or ``None``."""
    table = _builtin()
    stated = {SUPPORT, PARTIAL, OPPOSE}
    for column in columns:
        if column not in frame or not _AGREEMENT_NAME.search(fold(str(column))):
            continue
        values = frame[column].map(_shown)
        filled = values[values != ""]
        if len(filled) < MIN_FILLED_SHARE * max(len(values), 1):
            continue
        keys = filled.map(normalise_value)
        if keys.isin(table.keys()).all() and len(set(keys.map(table)) & stated) >= 2:
            return str(column)
    return None
