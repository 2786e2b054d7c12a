"""The consultation's own title, where an export carries it.

- Pol.is: the conversation's ``summary.csv`` (written beside ``comments.csv`` by its
  data export) has a ``topic`` row.
- Decidim: a ``participatory_space`` title column (``participatory_space/title/es`` ...),
  when the whole file comes from one space.
- Google Forms and Microsoft Forms name their download after the form: ``<title> (Responses).csv``,
  ``<title>(1-23).xlsx``.

Nothing found is ``None``: the report then names the file, and says that it is a file name.

One file may hold several consultations: a platform's export of all its processes (Brasil Participativo's
proposals of the Plano Clima and of the Plano Nacional da Pesca Artesanal, in one file). ``find_processes``
finds the column that says which process each row belongs to, so that the report says so instead of
presenting one consultation: a Decidim ``participatory_space`` title, a column named for the process
(``processo_slug``, ``proceso``, ``consulta``), or the ``/processes/<slug>/`` part of a platform URL.
A column that takes one value per process and has longer values (``plano``: the plans' full names)
names them. One process named in a column (not a URL's slug) is the whole file's title.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from consultnlp.ingest.info import IngestInfo
from consultnlp.privacy.detectors import redact_text

POLIS_SUMMARY = "summary.csv"
SUMMARY_MAX_BYTES = 1_000_000  # a conversation summary is a few lines; anything larger is not one
_SPACE_TITLE = re.compile(r"^participatory[_ ]space[/._ ](title|name)([/._][a-z]{2,3}([-_][A-Za-z]{2,4})?)?$", re.IGNORECASE)
_GOOGLE_FILE = re.compile(r"^(?P<title>.+?)\s*\((responses|respuestas|respostas|réponses)\)$", re.IGNORECASE)
_MICROSOFT_FILE = re.compile(r"^(?P<title>.+?)\s*\(\d+\s*-\s*\d+\)$")
TITLE_MAX_CHARS = 300
QUESTION_MAX_CHARS = 1_000  # a longer description is the organiser's background text, not the question
MAX_PROCESSES = 12  # more distinct values than this is not a column of processes
PROCESS_NAME_MAX_CHARS = 150
_PROCESS_COLUMN = re.compile(
    r"^(?:participatory[_ ]space(?:[/._ ](?:title|name|slug|id)(?:[/._][a-z]{2,3}([-_][A-Za-z]{2,4})?)?)?|"
    r"(?:process|processo|proceso|processus|consulta|consultation|consulta_publica|consulta_pública)(?:[_ ./-]?(?:slug|title|name|"
    r"nome|nombre|titulo|título|id))?)$",
    re.IGNORECASE,
)
_PROCESS_URL = re.compile(r"/(?:processes|assemblies|initiatives|conferences|processos|procesos)/([\w.-]+)")


def find_title(raw: pd.DataFrame, info: IngestInfo, path: Path) -> tuple[str, str] | None:
    """``(title, where it was read)`` from the export itself, or ``None``."""
    found = None
    if info.platform == "polis":
        found = _polis_topic(Path(path).parent / POLIS_SUMMARY)
    elif info.platform and info.platform.startswith("decidim"):
        found = _space_title(raw)
    elif info.platform in ("google-forms", "microsoft-forms"):
        pattern = _GOOGLE_FILE if info.platform == "google-forms" else _MICROSOFT_FILE
        match = pattern.match(Path(info.file_name).stem.strip())
        found = (match["title"], f"{info.platform} file name") if match else None
    if found is None or not found[0].strip() or len(found[0]) > TITLE_MAX_CHARS:
        return None
    return " ".join(found[0].split()), found[1]


def find_processes(raw: pd.DataFrame) -> tuple[str, list[tuple[str, int]]] | None:
    """``(column, [(process, rows), ...])`` (most rows first) when the rows say which process they belong to: one
    entry is the whole file's process, several mean the file holds several consultations. ``None`` when no column
    or URL says it."""
    found = _process_partition(raw)
    if found is None:
        return None
    column, labels = found
    labels = _readable_names(raw, labels)
    counts = labels[labels != ""].value_counts()
    ordered = sorted(((str(k), int(v)) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0]))
    return str(labels.name), ordered


def process_title(found: tuple[str, list[tuple[str, int]]]) -> tuple[str, str] | None:
    """``(title, where it was read)`` when ``find_processes`` found the whole file to be one process named in a column;
    not a slug, an id or a URL's part ("planoclima" names no consultation for a reader)."""
    column, processes = found
    if len(processes) != 1 or re.search(r"(?:slug|id|\(URL\))$", column, re.IGNORECASE):
        return None
    return processes[0][0], f"column {column}"


def _process_partition(raw: pd.DataFrame) -> tuple[str, pd.Series] | None:
    """The column (or the URLs' process slug) that assigns every filled row to one of a few processes."""
    for column in raw.columns:
        if not _PROCESS_COLUMN.match(str(column).strip()):
            continue
        values = raw[column].astype(str).str.strip()
        if _few(values):
            return str(column), values.rename(str(column))
    for column in raw.columns:
        values = raw[column].astype(str)
        slugs = values.str.extract(_PROCESS_URL, expand=False)
        if slugs.notna().mean() >= 0.9 and _few(slugs.fillna("")):
            return str(column), slugs.fillna("").rename(f"{column} (URL)")
    return None


def _few(values: pd.Series) -> bool:
    filled = values[values != ""]
    return len(filled) > 0 and filled.nunique() <= MAX_PROCESSES and len(filled) >= 0.9 * len(values)


def _readable_names(raw: pd.DataFrame, labels: pd.Series) -> pd.Series:
    """``labels`` replaced by the values of another column that takes exactly one value per label, when those are
    longer (a plan's name for its slug): the names a reader knows."""
    best, best_length = labels, labels[labels != ""].str.len().median()
    if labels[labels != ""].nunique() < 2:
        return best  # every constant column takes one value per process: none is known to name it
    for column in raw.columns:
        values = raw[column].astype(str).str.strip()
        if values.nunique() != labels.nunique() or values.nunique() * 2 > len(values) or values.str.len().max() > PROCESS_NAME_MAX_CHARS:
            continue
        if values.str.contains(r"^\w+://|^www\.", regex=True).any():
            continue  # a link is no name
        if not values.str.contains(r"[^\W\d_]{3,}", regex=True).all():
            continue  # nor a date or a code
        pairs = pd.DataFrame({"label": labels.to_numpy(), "value": values.to_numpy()}).drop_duplicates()
        if len(pairs) != labels.nunique() or pairs["value"].eq("").any():
            continue
        length = values.str.len().median()
        if length > best_length:
            best, best_length = values.rename(str(column)), length
    return best


# A banner in capitals before the title proper ("JOIN THE DISCUSSION BELOW: Land use and conservation in the San Juan
# Islands": claim check 55 read the banner as the consultation's name).
_BANNER = re.compile(r"^[^a-zà-ÿ:]{4,60}:\s+(?=\S)")


def _polis_topic(summary: Path) -> tuple[str, str] | None:
    """The ``topic`` row of a Pol.is conversation summary (``topic,<title>``), without a banner in capitals before it."""
    found = _summary_row(summary, "topic")
    banner = _BANNER.match(found or "")
    # Three words or more: "BREXIT: Can there be consensus?" keeps its subject.
    if banner and len(banner.group().split()) >= 3 and any(c.isalpha() for c in banner.group()) and found[banner.end() :].strip():
        found = found[banner.end() :].strip()
    return (found, f"{POLIS_SUMMARY} (topic)") if found else None


def find_question(info: IngestInfo, path: Path) -> str | None:
    """A Pol.is conversation's ``conversation-description``: often what it asked (the seattle claim check: the report
    never said), sometimes the organiser's closing note (freshwater's), so the report calls it the description. ``None``
    for other exports, or when too long."""
    if info.platform != "polis":
        return None
    found = _summary_row(Path(path).parent / POLIS_SUMMARY, "conversation-description")
    text = " ".join((found or "").split())
    # The organiser's contact address in it is personal data like any other (claim check 80: the report's own sentence
    # "a final check ... found and redacted 0" was false, as the gate redacted it from the reports afterwards).
    return redact_text(text)[0] if text and len(text) <= QUESTION_MAX_CHARS else None


def _summary_row(summary: Path, name: str) -> str | None:
    """The value of the row ``name`` of a Pol.is conversation summary (``name,<value>``)."""
    try:
        if not summary.is_file() or summary.stat().st_size > SUMMARY_MAX_BYTES:
            return None
        with summary.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                if len(row) >= 2 and row[0].strip().lower() == name:
                    return row[1]
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return None


def _space_title(raw: pd.DataFrame) -> tuple[str, str] | None:
    """The participatory space's title when every filled row names the same one (fullest column first)."""
    columns = [c for c in raw.columns if _SPACE_TITLE.match(str(c).strip())]
    filled = sorted(columns, key=lambda c: -int((raw[c].astype(str).str.strip() != "").sum()))
    for column in filled:
        values = raw[column].astype(str).str.strip()
        distinct = values[values != ""].unique()
        if len(distinct) == 1:
            return str(distinct[0]), f"column {column}"
        if len(distinct) > 1:
            return None  # several spaces in one file: no one title is the consultation's
    return None
