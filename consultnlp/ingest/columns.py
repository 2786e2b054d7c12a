"""From a raw all-text table to the comment frame: the text column, the ids, the metadata columns."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import pandas as pd

from consultnlp import schema
from consultnlp.errors import ConsultNLPError, InputError, literal
from consultnlp.ingest.info import IngestInfo
from consultnlp.privacy.metadata import neutral_header, personal_column, personal_header

# Column names that usually hold the free text, in es/pt/en (compared lower-cased, accents kept).
TEXT_NAME_HINTS = (
    "text",
    "texto",
    "comment",
    "comments",
    "comentario",
    "comentário",
    "comentarios",
    "contribuicao",
    "contribuição",
    "contribucion",
    "contribución",
    "respuesta",
    "resposta",
    "answer",
    "response",
    "fundamento",
    "descricao",
    "descrição",
    "descripcion",
    "descripción",
    "opinion",
    "opinião",
    "opinión",
    "message",
    "mensaje",
    "mensagem",
    "body",
    "comment-body",
    "proposta",
    "propuesta",
    "observacion",
    "observación",
    "sugerencia",
    "sugestão",
    "feedback",
)


def text_likeness(values: pd.Series) -> float:
    """Score how much a column looks like free text: mean letters per non-empty cell, times share non-empty."""
    sample = values.head(2000)
    non_empty = sample[sample.str.strip() != ""]
    if non_empty.empty:
        return 0.0
    letters = non_empty.str.count(r"[^\W\d_]")
    words = non_empty.str.count(r"\s+") + 1
    # Free text has several words per cell; category columns repeat a few values.
    variety = non_empty.nunique() / len(non_empty)
    return float(letters.mean() * min(words.mean() / 3.0, 1.0) * variety * len(non_empty) / len(sample))


def choose_text_column(frame: pd.DataFrame, info: IngestInfo) -> str:
    """Pick the column that holds the comments, or raise listing the columns."""
    scores = {col: text_likeness(frame[col]) for col in frame.columns}
    hinted = {col: s for col, s in scores.items() if col.strip().lower() in TEXT_NAME_HINTS and s >= 5}
    candidates = hinted or {col: s for col, s in scores.items() if s >= 10}
    if not candidates:
        found = ", ".join(frame.columns)
        raise InputError.about(
            f"{literal(info.where)} has no column that looks like free text. Found: {literal(found)}. Use {{text_column:NAME}}.",
            "text_column",
        )
    return max(candidates, key=candidates.get)  # type: ignore[arg-type]


def missing_column(info: IngestInfo, frame: pd.DataFrame, name: str, option: str) -> ConsultNLPError:
    """The error for a column ``option`` (a keyword: ``text_column``) names that the file does not have."""
    found = ", ".join(frame.columns)
    lower = {c.lower(): c for c in frame.columns}
    column = lower.get(name.lower())
    if option == "text_column" and column is None:
        try:
            column = choose_text_column(frame, info)
        except InputError:
            pass
    hint = f" Use {{{option}:{{column}}}}." if column is not None else f" Use {{{option}}} with one of them."
    return InputError.about(f'{literal(info.where)} has no column "{literal(name)}". Found: {literal(found)}.{hint}', option, column=column)


def find_personal_columns(meta: pd.DataFrame, info: IngestInfo) -> dict[str, str]:
    """The columns of ``meta`` whose values are mostly personal data, whatever their header, with why
    (``{"Mail": "e-mails"}``), and the author identifier column (``author_id_column``: a platform's account ids link
    every contribution of one person); recorded in ``info.personal_columns`` with a note naming each one."""
    found = {str(c): why for c in meta.columns if (why := personal_column(meta[c], str(c)))}
    author = author_id_column(meta.columns)
    if author is not None and author not in found and meta[author].astype(str).str.strip().ne("").any():
        found[author] = schema.AUTHOR_IDS  # PNDBio 2025: «id_autor» was published in comments.csv
    info.personal_columns = found
    if found:
        listed = ", ".join(f'"{c}" ({why})' for c, why in found.items())
        info.warnings.append(f"{info.where}: personal columns, kept in private/ only: {listed}.")
    return found


def derive_comment_ids(texts: pd.Series) -> pd.Index:
    """Stable ids from row position and a short hash of the text: ``r000001-1a2b3c4d``."""
    hashes = [hashlib.sha1(t.encode("utf-8", "surrogatepass")).hexdigest()[:8] for t in texts]
    return pd.Index([f"r{i + 1:06d}-{h}" for i, h in enumerate(hashes)], name=schema.COMMENT_ID)


def build_frame(
    frame: pd.DataFrame,
    info: IngestInfo,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    segment_columns: list[str] | None = None,
) -> pd.DataFrame:
    """Turn a raw all-text table into the comment frame indexed by ``comment_id``."""
    if text_column is None:
        text_column = choose_text_column(frame, info)
        info.text_column_auto = True
    elif text_column not in frame.columns:
        raise missing_column(info, frame, text_column, "text_column")
    info.text_column = text_column
    for col in segment_columns or []:
        if col not in frame.columns:
            raise missing_column(info, frame, col, "segment_columns")
    info.segment_columns = list(segment_columns or [])

    texts = frame[text_column].astype(str)
    if id_column is not None:
        if id_column not in frame.columns:
            raise missing_column(info, frame, id_column, "id_column")
        ids = frame[id_column].astype(str).str.strip()
        blank = int((ids == "").sum())
        if blank:
            raise InputError.about(
                f'{literal(info.where)}: {blank} rows have an empty "{literal(id_column)}". Fill them in or leave out {{id_column}} to derive ids.',
                "id_column",
            )
        dupes = ids[ids.duplicated()].unique()
        if len(dupes):
            raise InputError(
                f'{info.where}: column "{id_column}" is not unique ({len(dupes)} repeated ids, e.g. {dupes[0]!r}). '
                "Use another --id-column, or leave it out to derive ids."
            )
        index = pd.Index(ids, name=schema.COMMENT_ID)
        info.id_column = id_column
    else:
        index = derive_comment_ids(texts)

    meta = frame.drop(columns=[text_column])
    find_personal_columns(meta, info)
    renamed = {c: f"input_{c}" for c in meta.columns if c in schema.RESERVED}
    # A header that holds personal data gets a neutral name, so no output (nor file name) shows it.
    neutral = {c: neutral_header(i) for i, c in enumerate(frame.columns, 1) if c in meta.columns and personal_header(str(c))}
    renamed.update(neutral)
    meta = meta.rename(columns=renamed)
    info.renamed_columns = renamed
    info.neutral_headers = {name: original for original, name in neutral.items()}
    info.personal_columns = {renamed.get(c, c): why for c, why in info.personal_columns.items()}
    info.segment_columns = [renamed.get(c, c) for c in info.segment_columns]
    out = pd.DataFrame({schema.ROW_NUMBER: range(1, len(frame) + 1), schema.TEXT: texts.to_numpy()}, index=index)
    meta.index = index
    out = pd.concat([out, meta], axis=1)
    info.n_rows = len(out)
    return out


# An export's author identifier: id_autor, author_id, author/id, user_id, usuario_id, participant_id, a survey's
# "Respondent ID" ... (issue 26: one person who posts the same point several times is counted once; claim check 61, NHS
# feedback: 7,908 answers from 4,466 respondents, and the report never said so). Read to count; a personal column: never
# published.
_WHO = r"autor|author|usuario|usuário|user|participante|participant|respondent|respondente|encuestado|entrevistado"
_AUTHOR_ID = re.compile(rf"^(id[_ .-]?)?({_WHO})([_ ./-]?id)$|^id[_ .-]?({_WHO})$", re.IGNORECASE)


def author_id_column(columns: Iterable[object]) -> str | None:
    """The first column whose name says it identifies the author, or ``None``."""
    return next((str(c) for c in columns if _AUTHOR_ID.match(str(c).strip())), None)
