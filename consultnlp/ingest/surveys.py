"""Survey-tool exports recognised by their columns: Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics.

Survey tools add columns about the respondent (e-mail, name, IP address,
location): those are left out of the frame, so no published file can carry them.
Their open questions are found by the tool's own marks where it has them
(SurveyMonkey's "Open-Ended Response" sub-header, Qualtrics' ``_TEXT`` import
ids), else as the columns that read like free text; two or more open questions
become one contribution per respondent and question (``--questions``).
"""

from __future__ import annotations

import json
import re

import pandas as pd

from consultnlp.ingest.columns import text_likeness
from consultnlp.ingest.info import IngestInfo
from consultnlp.ingest.platforms import Mapping, Platform, register_platform, usable_id

GOOGLE_TIMESTAMPS = {"timestamp", "marca temporal", "marca de tiempo", "carimbo de data/hora", "horodateur"}
MS_START = {"start time", "hora de inicio", "hora de início"}
MS_END = {"completion time", "hora de finalización", "hora de conclusão", "hora de finalizacion"}
SM_RESPONDENT = {"respondent id", "id del encuestado", "id do respondente"}
SM_COLLECTOR = {"collector id", "id del recopilador", "id do coletor"}
SM_OPEN = {"open-ended response", "respuesta abierta", "resposta aberta"}
SM_RESPONSE = {"response", "respuesta", "resposta"}
# "Other (please specify)": the free text a respondent wrote beside a closed question's options.
SM_OTHER = re.compile(r"^(?:other|otr[oa]s?|outr[oa]s?)\b.*(?:specify|especifi)", re.IGNORECASE)
QUALTRICS = {"startdate", "enddate", "responseid"}
# Columns about the respondent, in es/pt/en (whole words of a short column name).
PERSONAL = re.compile(
    r"\b(e-?mail|correo|endere[cç]o de e-?mail|ip ?address|direcci[oó]n ip|endere[cç]o ip|ipaddress|first ?name|last ?name|"
    r"full name|name|nombres?|nomes?|apellidos?|sobrenome|tel[eé]fono|telefone|phone|celular|whatsapp|fono|mail|rut|dni|cpf|"
    r"c[eé]dula|documento de identidad|"
    r"recipient(first|last)?name|recipientemail|locationlatitude|locationlongitude|externalreference|"
    r"externaldatareference|custom data \d+|datos personalizados \d+|dados personalizados \d+)\b",
    re.IGNORECASE,
)
PERSONAL_MAX_CHARS = 60  # a longer header is a question; only its own words can make it personal
OPEN_MIN_LIKENESS = 10.0


def _lower(columns: pd.Index) -> set[str]:
    return {str(c).strip().lower() for c in columns}


def personal_columns(columns: list[str]) -> list[str]:
    return [c for c in columns if len(c) <= PERSONAL_MAX_CHARS and PERSONAL.search(c)]


def open_questions(frame: pd.DataFrame, candidates: list[str]) -> list[str]:
    """The candidate columns that read like free text, in file order."""
    return [c for c in candidates if text_likeness(frame[c].astype(str)) >= OPEN_MIN_LIKENESS]


def _mapping(
    platform: str,
    frame: pd.DataFrame,
    system: set[str],
    *,
    id_column: str | None = None,
    marked_open: list[str] | None = None,
    labels: dict[str, str] | None = None,
) -> Mapping:
    personal = personal_columns([c for c in frame.columns if c != id_column])
    rest = [c for c in frame.columns if c not in system and c not in personal]
    questions = marked_open if marked_open else open_questions(frame, rest)
    mapping = Mapping(
        platform,
        id_column=usable_id(frame, id_column),
        personal_columns=personal,
        question_labels={q: (labels or {}).get(q, q) for q in questions},
    )
    if len(questions) > 1:
        mapping.questions = questions
    elif questions:
        mapping.text_parts = [questions]
    return mapping


def detect_google_forms(frame: pd.DataFrame, info: IngestInfo) -> tuple[pd.DataFrame, Mapping] | None:
    first = str(frame.columns[0]).strip().lower()
    if first not in GOOGLE_TIMESTAMPS:
        return None
    return frame, _mapping("google-forms", frame, {frame.columns[0]})


def detect_microsoft_forms(frame: pd.DataFrame, info: IngestInfo) -> tuple[pd.DataFrame, Mapping] | None:
    lower = {str(c).strip().lower(): c for c in frame.columns}
    if not (MS_START & set(lower) and MS_END & set(lower)):
        return None
    system = {
        lower[k]
        for k in lower
        if k in MS_START | MS_END | {"id", "last modified time", "hora de la última modificación", "hora da última modificação"}
    }
    return frame, _mapping("microsoft-forms", frame, system, id_column=lower.get("id"))


def detect_surveymonkey(frame: pd.DataFrame, info: IngestInfo) -> tuple[pd.DataFrame, Mapping] | None:
    lower = {str(c).strip().lower(): c for c in frame.columns}
    if not (SM_RESPONDENT & set(lower) and SM_COLLECTOR & set(lower)) or frame.empty:
        return None
    # The row under the header names each column's answer: "Response", "Open-Ended Response" or an option.
    sub = frame.iloc[0].astype(str).str.strip()
    names, question, marked = {}, "", []
    for column in frame.columns:
        below = sub[column]
        if column.startswith("column_"):  # no header: one more option of the question on its left
            new = f"{question} - {below}" if question and below else column
        else:
            question = column
            new = column if not below or below.lower() in SM_RESPONSE | SM_OPEN else f"{column} - {below}"
        names[column] = new
        if below.lower() in SM_OPEN or SM_OTHER.match(below):
            marked.append(new)
    frame = frame.iloc[1:].rename(columns=names).reset_index(drop=True)
    system = {
        c
        for c in frame.columns
        if c.strip().lower() in SM_RESPONDENT | SM_COLLECTOR
        or re.match(r"^(start|end) date$|^fecha de (inicio|finalización)$|^data de (início|término)$", c.strip(), re.I)
    }
    respondent = next(c for c in frame.columns if c.strip().lower() in SM_RESPONDENT)
    mapping = _mapping("surveymonkey", frame, system, id_column=respondent, marked_open=[m for m in marked if m in frame])
    mapping.notes.append("second header row (answer kinds) read and left out of the data")
    others = [m for m in marked if m in frame and SM_OTHER.match(sub.get(next(k for k, v in names.items() if v == m), ""))]
    if others:
        mapping.notes.append(f"'other, please specify' answers read as open questions: {', '.join(others)}")
    return frame, mapping


def detect_qualtrics(frame: pd.DataFrame, info: IngestInfo) -> tuple[pd.DataFrame, Mapping] | None:
    if not QUALTRICS <= _lower(frame.columns) or len(frame) < 2:
        return None
    texts, imports = frame.iloc[0].astype(str), frame.iloc[1].astype(str)
    ids = {}
    for column in frame.columns:
        try:
            ids[column] = str(json.loads(imports[column]).get("ImportId", ""))
        except (ValueError, AttributeError):
            ids[column] = ""
    frame = frame.iloc[2:].reset_index(drop=True)
    system = {c for c in frame.columns if not re.match(r"^QID\d+", ids[c]) and ids[c]}
    marked = [c for c in frame.columns if ids[c].upper().endswith("_TEXT") and re.match(r"^QID\d+", ids[c])]
    respondent = next((c for c in frame.columns if c.lower() == "responseid"), None)
    labels = {c: texts[c].strip() or c for c in frame.columns}
    mapping = _mapping("qualtrics", frame, system, id_column=respondent, marked_open=marked, labels=labels)
    mapping.notes.append("question-text and import-id rows under the header read and left out of the data")
    return frame, mapping


register_platform(Platform("qualtrics", "Qualtrics", detect_qualtrics))
register_platform(Platform("surveymonkey", "SurveyMonkey", detect_surveymonkey))
register_platform(Platform("microsoft-forms", "Microsoft Forms", detect_microsoft_forms))
register_platform(Platform("google-forms", "Google Forms", detect_google_forms))
