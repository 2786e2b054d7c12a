"""From the raw table to the columns ``build_frame`` reads: platform mapping, joined text columns, open questions, row filters.

``shape_table`` runs before the comment frame is built: it recognises a
platform export (``platforms``, ``surveys``), leaves out personal columns, joins
several text columns into one contribution (``--text-column title,body``) or
turns several open questions into one contribution per respondent and question
(``--questions``). ``set_aside`` runs after: rows a moderator rejected and rows
outside ``--where`` are flagged (``excluded``), never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import consultnlp.ingest.surveys  # noqa: F401 - registers the survey tools' exports
from consultnlp import schema
from consultnlp.cleaning import is_formula_source
from consultnlp.errors import InputError
from consultnlp.filters import evaluate_where, parse_where
from consultnlp.ingest.columns import missing_column
from consultnlp.ingest.info import IngestInfo
from consultnlp.ingest.platforms import PLATFORMS as PLATFORM_EXPORTS
from consultnlp.ingest.platforms import Mapping
from consultnlp.ingest.prompts import find_context_column
from consultnlp.ingest.supports import read_supports

PLATFORMS = ("auto", "none", *PLATFORM_EXPORTS.names())  # the choices of --platform
JOIN = "\n\n"  # between the parts of one contribution (title, then body)
ANSWER, RESPONDENT = "answer", "respondent"
REASON_FILTERED = schema.REASON_FILTERED
REASON_FORMULA = schema.REASON_FORMULA


@dataclass
class Plan:
    """What ``build_frame`` is given once the table is shaped."""

    text_column: str | None
    id_column: str | None
    segment_columns: list[str] = field(default_factory=list)
    respondent_rows: np.ndarray | None = None  # with --questions: each contribution's row in the input
    context_column: str | None = None  # the prompt each row answers (--context-column, the question, a platform field)
    context_found: bool = False  # context_column was found by its name (ingest.prompts.find_context_column)
    set_aside: list[tuple[str, str]] = field(default_factory=list)
    supports: pd.Series | None = None  # each row's count of supports (votes, endorsements), aligned to the shaped table


def unknown_platform(name: str) -> str:
    """The one-line message for a platform nobody registered."""
    return f"unknown platform {name!r}. Use one of: {', '.join(PLATFORMS)}."


def recognise(raw: pd.DataFrame, info: IngestInfo, platform: str) -> tuple[pd.DataFrame, Mapping | None]:
    """The platform whose export ``raw`` is (``platform`` "auto"), the one named, or none."""
    if platform not in PLATFORMS:
        raise InputError(unknown_platform(platform))
    if platform == "none":
        return raw, None
    for name, export in PLATFORM_EXPORTS.items():
        if platform in ("auto", name) and (found := export.detect(raw, info)) is not None:
            return found
    if platform != "auto":
        raise InputError(
            f"{info.where} does not have the columns of a {platform} export (found: {', '.join(raw.columns)}). "
            "Leave out --platform to detect the export, or use --platform none and name the columns."
        )
    return raw, None


def split_columns(value: str, raw: pd.DataFrame, info: IngestInfo, option: str) -> list[str]:
    """``A,B`` as a list of columns (a column whose name holds a comma is taken whole); each must exist."""
    names = [value] if value in raw.columns else [v.strip() for v in value.split(",") if v.strip()]
    missing = [n for n in names if n not in raw.columns]
    if missing:
        raise missing_column(info, raw, missing[0], option)
    return names


def join_parts(raw: pd.DataFrame, parts: list[list[str]]) -> pd.Series:
    """Per row, the parts joined in order (blank line between), each part its first non-empty column."""
    joined = None
    for candidates in parts:
        part = raw[candidates[0]].astype(str).str.strip().to_numpy(dtype=object)
        for column in candidates[1:]:
            part = np.where(part == "", raw[column].astype(str).str.strip().to_numpy(dtype=object), part)
        joined = part if joined is None else np.where(joined == "", part, np.where(part == "", joined, joined + JOIN + part))
    return pd.Series(joined, index=raw.index, dtype=object)


def reshape_questions(
    raw: pd.DataFrame, questions: list[str], labels: dict[str, str], id_column: str | None
) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per respondent and question (input order, then question order): ``answer``, ``question``,
    ``respondent`` (the id, else the row number), a ``contribution_id`` and the respondent's other columns."""
    meta = raw.drop(columns=questions)
    meta = meta.rename(columns={c: f"input_{c}" for c in meta.columns if c in (ANSWER, schema.QUESTION, RESPONDENT, "contribution_id")})
    n, k = len(raw), len(questions)
    rows = np.repeat(np.arange(n), k)
    which = np.tile(np.arange(k), n)
    respondents = (
        raw[id_column].astype(str).str.strip() if id_column else pd.Series(np.arange(1, n + 1).astype(str), index=raw.index)
    ).to_numpy()
    answers = np.column_stack([raw[q].astype(str).to_numpy(dtype=object) for q in questions]).reshape(-1)
    names = np.array([labels.get(q, q) for q in questions], dtype=object)
    long = pd.DataFrame(
        {
            "contribution_id": [f"{r}-q{j + 1}" for r, j in zip(respondents[rows], which)],
            ANSWER: answers,
            schema.QUESTION: names[which],
            RESPONDENT: respondents[rows],
        }
    )
    long = pd.concat([long, meta.iloc[rows].reset_index(drop=True)], axis=1)
    return long, rows + 1


def shape_table(
    raw: pd.DataFrame,
    info: IngestInfo,
    *,
    platform: str = "auto",
    text_column: str | None = None,
    id_column: str | None = None,
    segment_columns: list[str] | None = None,
    questions: list[str] | None = None,
    where: str | None = None,
    context_column: str | None = None,
    supports_column: str | None = None,
) -> tuple[pd.DataFrame, Plan]:
    """Recognise the export, apply the options over its mapping, and return the table ``build_frame`` reads."""
    if where is not None:
        parse_where(where)  # a bad expression fails before anything else is done
    raw, mapping = recognise(raw, info, platform)
    mapping = mapping or Mapping("none")
    if text_column and questions:
        raise InputError.about(
            "{text_column} and {questions} cannot be used together: {questions} names the text columns, one per question.",
            "text_column",
            "questions",
        )
    parts = [[c] for c in split_columns(text_column, raw, info, "text_column")] if text_column else mapping.text_parts
    asked = [c for q in questions or [] for c in split_columns(q, raw, info, "questions")]
    open_questions = asked or ([] if text_column else mapping.questions)
    if len(open_questions) == 1:
        parts, open_questions = [open_questions], []
    detect_context = context_column is None
    context_column = None if context_column == "none" else context_column
    if context_column is not None:
        if context_column not in raw:
            raise missing_column(info, raw, context_column, "context_column")
        if any(context_column in p for p in parts) or context_column in open_questions:
            raise InputError.about(
                "{context_column:{column}}: that column is the text itself. Name the column that holds what "
                "each row answers (a concept, a proposal, a question).",
                "context_column",
                column=context_column,
            )
    if supports_column not in (None, "none") and supports_column not in raw:
        raise missing_column(info, raw, supports_column, "supports_column")
    named = {
        *(c for p in parts for c in p),
        *open_questions,
        *(segment_columns or []),
        *([id_column] if id_column else []),
        *([context_column] if context_column else []),
    }
    personal = [c for c in mapping.personal_columns if c not in named]
    unused = [c for c in mapping.unused_text if c not in named and c in raw]
    raw = raw.drop(columns=personal + unused)
    ids = id_column or mapping.id_column
    segments = list(segment_columns) if segment_columns else [c for c in mapping.segment_columns if c in raw]
    plan = Plan(text_column=None, id_column=ids, set_aside=list(mapping.set_aside))
    platform_prompt = mapping.context_column if mapping.context_column in raw else None
    plan.context_column = context_column or platform_prompt
    if plan.context_column is None and detect_context and not open_questions:
        plan.context_column = find_context_column(raw, named | set(segments))
        plan.context_found = plan.context_column is not None
    if open_questions:
        raw, plan.respondent_rows = reshape_questions(raw, open_questions, mapping.question_labels, ids)
        plan.text_column, plan.id_column = ANSWER, "contribution_id"
        segments = [schema.QUESTION, *[s for s in segments if s != schema.QUESTION]]
        plan.context_column = context_column or schema.QUESTION  # the question a contribution answers is its prompt
        info.questions = [mapping.question_labels.get(q, q) for q in open_questions]
        info.text_columns = list(open_questions)
    elif len(parts) == 1 and len(parts[0]) == 1:
        plan.text_column = parts[0][0]
        info.text_columns = [plan.text_column]
    elif parts:
        used = [c for p in parts for c in p]
        name = " + ".join(p[0] for p in parts)
        raw = raw.assign(**{name: join_parts(raw, parts)}).drop(columns=used)
        plan.text_column = name
        info.text_columns = used
    plan.segment_columns = segments
    plan.supports, info.supports_column = read_supports(raw, supports_column, info.where)
    if info.supports_column:
        mapping.notes.append(
            f"supports (votes, endorsements) from column {info.supports_column} as column {schema.SUPPORTS}: they order "
            "quotes and key points, they are not read as positions"
        )
    info.platform = None if mapping.platform == "none" else mapping.platform
    info.dropped_columns = personal + unused
    info.row_filter = where
    if info.platform:
        info.mapping = {
            "platform": mapping.platform,
            "text": [" or ".join(p) for p in parts] if not open_questions else [],
            "questions": info.questions,
            "id": plan.id_column if not open_questions else ids,
            "segments": segments,
            "prompt": plan.context_column,
            "left_out": personal,
            "unused_text": unused,
            "set_aside": [f"{reason}: {expr}" for reason, expr in plan.set_aside],
            "notes": mapping.notes,
        }
        info.warnings.append(describe_mapping(info))
    elif info.supports_column:
        info.warnings.append(f"{info.file_name}: {mapping.notes[-1]}. Choose another with --supports-column, or none.")
    return raw, plan


def describe_mapping(info: IngestInfo) -> str:
    """One line saying what was recognised and which columns are used, and how to change it."""
    m = info.mapping
    used = f"questions {'; '.join(m['questions'])}" if m["questions"] else f"text {' + '.join(m['text']) or '(chosen by content)'}"
    parts = [used, f"id {m['id'] or '(derived)'}", f"segments {', '.join(m['segments']) or 'none'}"]
    if m.get("prompt"):
        parts.append(f"prompt {m['prompt']}")
    if m["left_out"]:
        parts.append(f"personal columns left out: {', '.join(m['left_out'])}")
    if m["unused_text"]:
        parts.append(f"other text columns left out: {', '.join(m['unused_text'])}")
    if m["set_aside"]:
        parts.append(f"set aside: {'; '.join(m['set_aside'])}")
    parts += m["notes"]
    return (
        f"{info.file_name}: recognised a {m['platform']} export: {'; '.join(parts)}. Change any of it with --text-column, "
        "--questions, --id-column, --segment-columns, --context-column, --supports-column or --platform none."
    )


def set_aside(frame: pd.DataFrame, info: IngestInfo, plan: Plan) -> pd.DataFrame:
    """Flag rows the platform sets aside (a moderator's rejection) and rows outside ``--where``; count them in ``info``.

    A row keeps the first reason that applies: the platform's rules, then the filter.
    """
    unvalued = set(info.formulas.get("unvalued", ()))
    # A formula the spreadsheet saved no value for, or a formula's source exported as text (a .csv): no citizen's text.
    text = frame[schema.TEXT].astype(str) if schema.TEXT in frame else pd.Series("", index=frame.index)
    formula = text.map(is_formula_source)
    if unvalued:
        formula |= text.str.strip().isin(unvalued)
    if not plan.set_aside and not info.row_filter and not formula.any():
        return frame
    reasons = pd.Series("", index=frame.index, dtype=object)
    masks = [(REASON_FORMULA, formula)] if formula.any() else []
    for reason, expression in plan.set_aside:
        try:
            masks.append((reason, evaluate_where(expression, frame, aliases=info.renamed_columns)))
        except InputError:
            continue  # the platform's column was renamed or left out by an option
    if info.row_filter:
        masks.append((REASON_FILTERED, ~evaluate_where(info.row_filter, frame, aliases=info.renamed_columns)))
    for reason, mask in masks:
        newly = mask & (reasons == "")
        reasons[newly] = reason
        info.set_aside[reason] = info.set_aside.get(reason, 0) + int(newly.sum())  # a reason may have several rules
    if info.set_aside.get(REASON_FORMULA):
        info.warnings.append(
            f"{info.where}: {info.set_aside[REASON_FORMULA]} row(s) whose text is a formula with no saved value set aside "
            "as 'formula'. If the file came from a spreadsheet, open it there, let it calculate, save it and run again."
        )
    frame = frame.copy()
    frame[schema.EXCLUDED] = reasons
    frame[schema.EXCLUDED_STAGE] = np.where(reasons != "", "ingest", "")
    return frame
