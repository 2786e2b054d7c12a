"""A Pol.is export as people download it: a folder or a zip holding ``comments.csv`` beside the vote files."""

from __future__ import annotations

import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from consultnlp.errors import InputError
from consultnlp.votes.matrix import PARTICIPANTS_FILE, VOTES_FILE

COMMENTS_FILE = "comments.csv"
EXPORT_FILES = (COMMENTS_FILE, PARTICIPANTS_FILE, VOTES_FILE, "summary.csv")


def _member(names: list[str], wanted: str) -> str | None:
    """The zip member named ``wanted`` (at the top or inside one folder), the shortest path first."""
    found = sorted((n for n in names if n == wanted or n.endswith("/" + wanted)), key=lambda n: (n.count("/"), n))
    return found[0] if found else None


@contextmanager
def polis_export(path: Path) -> Iterator[tuple[Path, Path | None]]:
    """Yield (the comments file to read, the folder its vote files are in, or None).

    A folder or a zip with ``comments.csv`` is read as a Pol.is export (the zip's files are unpacked into a
    temporary folder for the length of the block); any other path is yielded as it is, with its own folder
    when the vote files lie beside it.
    """
    path = Path(path)
    if path.is_dir():
        if not (path / COMMENTS_FILE).is_file():
            raise InputError(
                f"{path} is a folder without a {COMMENTS_FILE}. Give the file to analyse, or a Pol.is export "
                f"folder (comments.csv beside votes.csv or participants-votes.csv)."
            )
        yield path / COMMENTS_FILE, path
        return
    if path.suffix.lower() == ".zip" and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            comments = _member(names, COMMENTS_FILE)
            if comments is None:
                raise InputError(f"{path.name} is a zip without a {COMMENTS_FILE}. Unzip it and give the file to analyse.")
            prefix = comments[: -len(COMMENTS_FILE)]  # the files of the export sit beside its comments.csv
            with tempfile.TemporaryDirectory(prefix="consultnlp-polis-") as tmp:
                folder = Path(tmp)
                for wanted in EXPORT_FILES:
                    if prefix + wanted in names:
                        (folder / wanted).write_bytes(archive.read(prefix + wanted))
                yield folder / COMMENTS_FILE, folder
        return
    beside = path.parent
    has_votes = path.name == COMMENTS_FILE and any((beside / f).is_file() for f in (PARTICIPANTS_FILE, VOTES_FILE))
    yield path, beside if has_votes else None
