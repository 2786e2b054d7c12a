"""REFI-QDA exchange files for NVivo, ATLAS.ti, MAXQDA and QualCoder: a project (``.qdpx``) and its codebook (``.qdc``).

The codebook holds the themes (nested under their parents) and the topics
(nested under their headline group), each with a description. Every analysed
contribution is one ``PlainTextSelection`` of a text source, coded with its
topic and its themes; the text is the redacted text, never the original.

Sources hold at most ``SOURCE_SIZE`` contributions each (one series of sources
per open question): QDA tools slow down on one document of 100,000 answers,
and a document per answer makes 100,000 files. Each contribution is written as
``[id]`` on a line, its text, and a blank line; selections cover the text only.
Positions count characters (Unicode code points), as the specification says.

Everything streams: the comment table is read from ``comments.parquet`` in
batches, source texts go straight into the zip, and ``project.qde`` is written
to a temporary file beside the output and added at the end, so memory does not
grow with the number of contributions. GUIDs are derived from the run's ids
(uuid5), so writing the same analysis twice gives the same file.

Structure and names follow the REFI-QDA Project and Codebook schemas
(``urn:QDA-XML:project:1.0``, ``urn:QDA-XML:codebook:1.0``; specification 1.5).
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, Iterator
from xml.sax.saxutils import escape, quoteattr

import pandas as pd

from consultnlp import __version__, schema
from consultnlp.files import atomic_path
from consultnlp.i18n import t

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
SOURCE_SIZE = 5_000
BATCH_ROWS = 20_000
NAMESPACE = uuid.UUID("6f1c2a3e-5b7d-4c1e-9a8f-2d3b4c5d6e7f")  # consultnlp's REFI-QDA GUIDs
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def guid(*parts: object) -> str:
    """A stable GUID in the strict form QDA tools accept (uppercase 8-4-4-4-12)."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts))).upper()


def clean_text(text: str) -> str:
    """Text as written to a source: one kind of line break, no characters XML 1.0 forbids."""
    return _INVALID_XML.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def attr(value: object) -> str:
    return quoteattr(clean_text(str(value)))


@dataclass
class Code:
    guid: str
    name: str
    description: str = ""
    codable: bool = True
    children: list["Code"] = field(default_factory=list)


@dataclass
class Codebook:
    """The codes, and which code each theme id and topic id is."""

    codes: list[Code]
    themes: dict[str, str]  # theme id -> code GUID
    topics: dict[int, str]  # topic id -> code GUID

    @property
    def size(self) -> int:
        def count(codes: list[Code]) -> int:
            return sum(1 + count(c.children) for c in codes)

        return count(self.codes)


def build_codebook(summary: Any, taxonomy: Any, lang: str, run_key: str) -> Codebook:
    """Themes (with parents) and topics (group -> topic) from the summary, named in ``lang``."""
    codes: list[Code] = []
    themes: dict[str, str] = {}
    if taxonomy is not None and "themes" in summary.tables:
        nodes = {
            th.id: Code(
                guid(run_key, "theme", th.id),
                th.name.get(lang) or th.id,
                th.description.get(lang) or next(iter(th.description.values()), ""),
            )
            for th in taxonomy.themes
        }
        root = Code(guid(run_key, "themes"), t("theme_codes", lang), t("theme_codes_description", lang), codable=False)
        for th in taxonomy.themes:
            (nodes[th.parent].children if th.parent in nodes else root.children).append(nodes[th.id])
        themes = {k: v.guid for k, v in nodes.items()}
        codes.append(root)
    topics: dict[int, str] = {}
    table = summary.tables.get("topics")
    if table is not None and not table.empty:
        root = Code(guid(run_key, "topics"), t("topic_codes", lang), t("topic_codes_description", lang), codable=False)
        groups: dict[int, Code] = {}
        group_names = summary.facts.get("group_labels") or {}
        for _, row in table.iterrows():
            topic = int(row["topic_id"])
            if topic == schema.OUTLIER_TOPIC:
                continue
            words = str(row.get(f"keywords_{lang}") or row.get("keywords") or "")
            code = Code(guid(run_key, "topic", topic), str(row["label"]), words)
            topics[topic] = code.guid
            group = row.get("topic_group_id")
            if group is None or pd.isna(group) or int(group) == schema.OUTLIER_TOPIC:
                root.children.append(code)
                continue
            group = int(group)
            if group not in groups:
                groups[group] = Code(
                    guid(run_key, "group", group),
                    str(group_names.get(group, row.get("topic_group_label", group))),
                    t("topic_group_description", lang),
                    codable=True,
                )
                root.children.append(groups[group])
            groups[group].children.append(code)
        codes.append(root)
    return Codebook(codes, themes, topics)


def _codes_xml(codes: list[Code], indent: str = "  ") -> Iterator[str]:
    for code in codes:
        head = f'{indent}<Code guid="{code.guid}" name={attr(code.name)} isCodable="{str(code.codable).lower()}"'
        if not code.description and not code.children:
            yield head + "/>\n"
            continue
        yield head + ">\n"
        if code.description:
            yield f"{indent}  <Description>{escape(clean_text(code.description))}</Description>\n"
        yield from _codes_xml(code.children, indent + "  ")
        yield f"{indent}</Code>\n"


def codebook_xml(codebook: Codebook, namespace: str, *, root: bool) -> Iterator[str]:
    """``<CodeBook>`` as the root of a ``.qdc`` (codebook namespace) or inside a project."""
    if root:
        yield '<?xml version="1.0" encoding="utf-8"?>\n'
        yield f'<CodeBook xmlns="{namespace}" origin="consultnlp {__version__}">\n'
    else:
        yield "<CodeBook>\n"
    yield "<Codes>\n"
    yield from _codes_xml(codebook.codes)
    yield "</Codes>\n</CodeBook>\n"


def write_codebook(codebook: Codebook, target: Path) -> None:
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as out:
        out.writelines(codebook_xml(codebook, CODEBOOK_NS, root=True))


COLUMNS = ("public_id", schema.COMMENT_ID, schema.TEXT_REDACTED, schema.EXCLUDED, schema.TOPIC_ID, schema.THEMES, schema.QUESTION)


def _batches(comments: Path) -> Iterator[pd.DataFrame]:
    """Analysed rows of ``comments.parquet``, in order, a batch at a time, with only the columns needed."""
    import pyarrow.parquet as pq

    handle = pq.ParquetFile(comments)
    columns = [c for c in COLUMNS if c in handle.schema_arrow.names]
    for batch in handle.iter_batches(batch_size=BATCH_ROWS, columns=columns):
        frame = batch.to_pandas()
        if schema.EXCLUDED in frame:
            frame = frame.loc[frame[schema.EXCLUDED].fillna("") == ""]
        yield frame


def _selection(row: Any, start: int, end: int, codebook: Codebook, run_key: str, shown_id: str) -> str:
    codings = []
    topic = getattr(row, schema.TOPIC_ID, None)
    targets = []
    if topic is not None and not pd.isna(topic) and int(topic) in codebook.topics:
        targets.append(codebook.topics[int(topic)])
    themes = getattr(row, schema.THEMES, None)
    if isinstance(themes, str):
        targets += [codebook.themes[th] for th in themes.split(";") if th in codebook.themes]
    for target in targets:
        codings.append(f'<Coding guid="{guid(run_key, "coding", shown_id, target)}"><CodeRef targetGUID="{target}"/></Coding>')
    body = "".join(codings)
    head = f'<PlainTextSelection guid="{guid(run_key, "selection", shown_id)}" name={attr(shown_id)} startPosition="{start}" endPosition="{end}"'
    return f"    {head}>{body}</PlainTextSelection>\n" if body else f"    {head}/>\n"


@dataclass
class QdpxResult:
    contributions: int = 0
    codings: int = 0
    sources: int = 0
    codes: int = 0


class _Source:
    """One text source being filled: its text and its selections, until it holds ``SOURCE_SIZE`` contributions."""

    def __init__(self, key: tuple[object, ...], name: str, question: str) -> None:
        self.guid, self.name, self.question = guid(*key), name, question
        self.text: list[str] = []
        self.selections: list[str] = []
        self.length = 0


def write_qdpx(
    comments: Path,
    target: Path,
    codebook: Codebook,
    *,
    title: str,
    lang: str,
    run_key: str,
    source_size: int = SOURCE_SIZE,
) -> QdpxResult:
    """Write ``target`` (a ``.qdpx`` zip: ``project.qde`` and ``sources/*.txt``) from the published comments."""
    result = QdpxResult(codes=codebook.size)
    user = guid(run_key, "user")
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    label = t("qdpx_source", lang)
    with atomic_path(target) as tmp_zip, zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        fd, qde_path = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".qde")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as qde:
                qde.write('<?xml version="1.0" encoding="utf-8"?>\n')
                qde.write(
                    f'<Project xmlns="{PROJECT_NS}" name={attr(title)} origin="consultnlp {__version__}" '
                    f'creatingUserGUID="{user}" creationDateTime="{now}">\n'
                )
                qde.write(f'<Users>\n  <User guid="{user}" name="consultnlp"/>\n</Users>\n')
                if codebook.codes:
                    qde.writelines(codebook_xml(codebook, PROJECT_NS, root=False))
                qde.write("<Sources>\n")
                _write_sources(comments, archive, qde, codebook, result, run_key=run_key, label=label, source_size=source_size)
                qde.write("</Sources>\n</Project>\n")
            archive.write(qde_path, "project.qde")
        finally:
            os.unlink(qde_path)
    return result


def _write_sources(
    comments: Path,
    archive: zipfile.ZipFile,
    qde: IO[str],
    codebook: Codebook,
    result: QdpxResult,
    *,
    run_key: str,
    label: str,
    source_size: int,
) -> None:
    """One open source per question (at most ``source_size`` contributions each): answers to one question stay together."""
    open_sources: dict[str, _Source] = {}
    parts: dict[str, int] = {}

    def flush(source: _Source) -> None:
        with archive.open(f"sources/{source.guid}.txt", "w") as out:
            out.write("".join(source.text).encode("utf-8"))
        qde.write(f'  <TextSource guid="{source.guid}" name={attr(source.name)} plainTextPath="internal://{source.guid}.txt">\n')
        qde.writelines(source.selections)
        qde.write("  </TextSource>\n")
        result.sources += 1

    for batch in _batches(comments):
        ids = batch["public_id"] if "public_id" in batch else batch[schema.COMMENT_ID]
        for row, shown in zip(batch.itertuples(index=False), ids.astype(str)):
            question = str(getattr(row, schema.QUESTION, "") or "")
            current = open_sources.get(question)
            if current is None or len(current.selections) >= source_size:
                if current is not None:
                    flush(current)
                parts[question] = parts.get(question, 0) + 1
                name = f"{question} ({label} {parts[question]})" if question else f"{label} {parts[question]}"
                current = open_sources[question] = _Source((run_key, "source", question, parts[question]), name, question)
            text = clean_text(getattr(row, schema.TEXT_REDACTED))
            header = f"[{clean_text(shown)}]\n"
            start = current.length + len(header)
            end = start + len(text)
            current.text.append(header + text + "\n\n")
            current.length = end + 2
            selection = _selection(row, start, end, codebook, run_key, shown)
            current.selections.append(selection)
            result.contributions += 1
            result.codings += selection.count("<Coding ")
    for source in open_sources.values():
        flush(source)
