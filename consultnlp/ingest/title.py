"""The consultation's own title, where an export carries it.

- Pol.is: the conversation's ``summary.csv`` (written beside ``comments.csv`` by its
  data export) has a ``topic`` row.
- Decidim: a ``participatory_space`` title column (``participatory_space/title/es`` ...),
  when the whole file comes from one space.
- Google Forms and Microsoft Forms name their download after the form: ``<title> (Responses).csv``,
  ``<title>(1-23).xlsx``.

Nothing found is ``None``: the report then names the file, and says that it is a file name.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from consultnlp.ingest.info import IngestInfo

POLIS_SUMMARY = "summary.csv"
SUMMARY_MAX_BYTES = 1_000_000  # a conversation summary is a few lines; anything larger is not one
_SPACE_TITLE = re.compile(r"^participatory[_ ]space[/._ ](title|name)([/._][a-z]{2,3}([-_][A-Za-z]{2,4})?)?$", re.IGNORECASE)
_GOOGLE_FILE = re.compile(r"^(?P<title>.+?)\s*\((responses|respuestas|respostas|réponses)\)$", re.IGNORECASE)
_MICROSOFT_FILE = re.compile(r"^(?P<title>.+?)\s*\(\d+\s*-\s*\d+\)$")
TITLE_MAX_CHARS = 300


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


def _polis_topic(summary: Path) -> tuple[str, str] | None:
    """The ``topic`` row of a Pol.is conversation summary (``topic,<title>``)."""
    try:
        if not summary.is_file() or summary.stat().st_size > SUMMARY_MAX_BYTES:
            return None
        with summary.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                if len(row) >= 2 and row[0].strip().lower() == "topic":
                    return row[1], f"{POLIS_SUMMARY} (topic)"
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
