"""Where the project's own files are (pipelines, taxonomies, stopwords, word lists), and how its sectioned word lists are read.

In a source checkout (and an editable install) they sit beside the package;
a wheel installs them under ``<prefix>/share/consultnlp`` (see pyproject's
data-files), so both layouts are looked up.
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache
from pathlib import Path

from consultnlp.errors import ConfigError
from consultnlp.schema import LANGUAGES

SOURCE_ROOT = Path(__file__).resolve().parent.parent
INSTALLED_ROOT = Path(sys.prefix) / "share" / "consultnlp"


def project_path(*parts: str) -> Path:
    """The path of a bundled file or folder, e.g. ``project_path("data", "themes")``."""
    source = SOURCE_ROOT.joinpath(*parts)
    if source.exists():
        return source
    installed = INSTALLED_ROOT.joinpath(*parts)
    return installed if installed.exists() else source


def word_list(path: Path) -> list[str]:
    """The entries of a plain word-list file, one per line, stripped: blank lines and lines starting with ``#`` left
    out; ``.gz`` files read through gzip. The one reader of the project's plain lists (stopwords, names); sectioned
    lists are read by :func:`parse_sections`."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [entry for entry in (line.strip() for line in f) if entry and not entry.startswith("#")]


def parse_sections(text: str, source: str, allowed: tuple[str, ...]) -> dict[str, list[str]]:
    """The sections of a word-list file: ``[section]`` headers (each one of ``allowed``), one entry per line,
    ``#`` starts a comment. Used by the bundled non-answer and position lists and by users' own."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            if current not in allowed:
                raise ConfigError(f"{source}, line {number}: unknown section [{current}]. Sections: {', '.join(allowed)}.")
            sections.setdefault(current, [])
        elif current is None:
            raise ConfigError(f"{source}, line {number}: {line!r} comes before any [section] header.")
        else:
            sections[current].append(line)
    return sections


@lru_cache(maxsize=8)
def language_lists(directory: Path, allowed: tuple[str, ...]) -> dict[str, dict[str, list[str]]]:
    """``directory/<lang>.txt`` for each supported language that has one, parsed by :func:`parse_sections`."""
    return {
        lang: parse_sections((directory / f"{lang}.txt").read_text(encoding="utf-8"), f"{directory.name}/{lang}.txt", allowed)
        for lang in LANGUAGES
        if (directory / f"{lang}.txt").is_file()
    }
