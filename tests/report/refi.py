"""Checks of REFI-QDA files written from the Project and Codebook schemas (qdasoftware.org, specification 1.5).

The schemas themselves could not be fetched here; these rules were transcribed from
them as published in ``pyrefiqda`` (MIT; its models are generated from the XSD):
element names and order within each sequence, required attributes, the GUID
pattern. Only the parts of the schema consultnlp writes are allowed; anything else
fails. On top: GUIDs unique, every CodeRef pointing at a code, every selection
inside its source text. Streams (``iterparse``), so a project of 200,000
contributions is checked in bounded memory. Shared with ``benchmarks/bench_formats.py``.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import iterparse

PROJECT = "urn:QDA-XML:project:1.0"
CODEBOOK = "urn:QDA-XML:codebook:1.0"
GUID = re.compile(
    r"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$"
)
# element -> (children in schema order, required attributes, optional attributes)
SCHEMA: dict[str, tuple[tuple[str, ...], set[str], set[str]]] = {
    "Project": (
        ("Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs", "Description", "NoteRef"),
        {"name"},
        {"origin", "creatingUserGUID", "creationDateTime", "modifyingUserGUID", "modifiedDateTime", "basePath"},
    ),
    "Users": (("User",), set(), set()),
    "User": ((), {"guid"}, {"name", "id"}),
    "CodeBook": (("Codes", "Sets"), set(), {"origin"}),
    "Codes": (("Code",), set(), set()),
    "Code": (("Description", "NoteRef", "Code"), {"guid", "name", "isCodable"}, {"color"}),
    "Description": ((), set(), set()),
    "Sources": (("TextSource", "PictureSource", "PDFSource", "AudioSource", "VideoSource"), set(), set()),
    "TextSource": (
        ("Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef", "VariableValue"),
        {"guid"},
        {"name", "richTextPath", "plainTextPath", "creatingUser", "creationDateTime", "modifyingUser", "modifiedDateTime"},
    ),
    "PlainTextSelection": (
        ("Description", "Coding", "NoteRef"),
        {"guid", "startPosition", "endPosition"},
        {"name", "creatingUser", "creationDateTime", "modifyingUser", "modifiedDateTime"},
    ),
    "Coding": (("CodeRef", "NoteRef"), {"guid"}, {"creatingUser", "creationDateTime"}),
    "CodeRef": ((), {"targetGUID"}, set()),
}
GUID_ATTRIBUTES = {"guid", "targetGUID", "creatingUserGUID", "modifyingUserGUID", "creatingUser", "modifyingUser"}


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    codes: int = 0
    sources: int = 0
    selections: int = 0
    codings: int = 0
    coded: dict[str, int] = field(default_factory=dict)  # code GUID -> selections coded with it
    names: dict[str, str] = field(default_factory=dict)  # code GUID -> name

    @property
    def valid(self) -> bool:
        return not self.errors


def _local(tag: str, namespace: str, report: Report) -> str:
    ns, _, name = tag[1:].partition("}")
    if ns != namespace:
        report.errors.append(f"<{name}> is in namespace {ns!r}, not {namespace!r}")
    return name


def _check_tree(stream, namespace: str, root: str, report: Report, texts: dict[str, str] | None) -> None:  # noqa: ANN001
    guids: set[str] = set()
    refs: list[str] = []
    stack: list[tuple[str, int]] = []  # (element, index in its parent's sequence reached so far)
    for event, element in iterparse(stream, events=("start", "end")):
        name = _local(element.tag, namespace, report)
        if event == "start":
            if not stack:
                if name != root:
                    report.errors.append(f"root is <{name}>, not <{root}>")
            else:
                parent, reached = stack[-1]
                order = SCHEMA.get(parent, ((), set(), set()))[0]
                if name not in order:
                    report.errors.append(f"<{name}> is not allowed in <{parent}>")
                elif order.index(name) < reached:
                    report.errors.append(f"<{name}> comes after an element it must precede in <{parent}>")
                else:
                    stack[-1] = (parent, order.index(name))
            if name not in SCHEMA:
                report.errors.append(f"<{name}> is not an element consultnlp may write")
            else:
                _, required, optional = SCHEMA[name]
                missing = required - set(element.attrib)
                unknown = set(element.attrib) - required - optional
                if missing or unknown:
                    report.errors.append(f"<{name}> missing {sorted(missing)} / unknown {sorted(unknown)}")
            for key, value in element.attrib.items():
                if key in GUID_ATTRIBUTES and not GUID.match(value):
                    report.errors.append(f"<{name} {key}={value!r}> is not a GUID")
            if "guid" in element.attrib and name != "User":
                if element.attrib["guid"] in guids:
                    report.errors.append(f"GUID {element.attrib['guid']} used twice")
                guids.add(element.attrib["guid"])
            if name == "Code" and element.attrib.get("isCodable") not in ("true", "false", "1", "0"):
                report.errors.append(f"<Code isCodable={element.attrib.get('isCodable')!r}> is not a boolean")
            stack.append((name, 0))
            continue
        stack.pop()
        if name == "Code":
            report.codes += 1
            report.names[element.attrib["guid"]] = element.attrib["name"]
        elif name == "Codes" and not len(element):
            report.errors.append("<Codes> needs at least one <Code>")
        elif name == "TextSource":
            report.sources += 1
            path = element.attrib.get("plainTextPath", "")
            if texts is not None and path.removeprefix("internal://") not in texts:
                report.errors.append(f"source {path} is not in the archive")
            text = (texts or {}).get(path.removeprefix("internal://"), "")
            for selection in element.iter(f"{{{namespace}}}PlainTextSelection"):
                start, end = int(selection.attrib["startPosition"]), int(selection.attrib["endPosition"])
                if not 0 <= start <= end <= len(text):
                    report.errors.append(
                        f"selection {selection.attrib.get('name')} [{start}, {end}] is outside its source ({len(text)} characters)"
                    )
            element.clear()
        elif name == "PlainTextSelection":
            report.selections += 1
        elif name == "Coding":
            report.codings += 1
            ref = element.find(f"{{{namespace}}}CodeRef")
            if ref is None:
                report.errors.append("<Coding> without <CodeRef>")
            else:
                refs.append(ref.attrib["targetGUID"])
    for target in refs:
        report.coded[target] = report.coded.get(target, 0) + 1
        if target not in report.names:
            report.errors.append(f"CodeRef {target} points at no code")


def check_qdpx(path: Path) -> Report:
    """Check a ``.qdpx`` archive: ``project.qde`` against the schema rules, its sources present and in range."""
    report = Report()
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if "project.qde" not in names:
            report.errors.append("no project.qde in the archive")
            return report
        texts = {n.removeprefix("sources/"): archive.read(n).decode("utf-8") for n in names if n.startswith("sources/")}
        if any(t.startswith("\ufeff") for t in texts.values()):
            report.errors.append("a source starts with a byte-order mark")
        with archive.open("project.qde") as stream:
            _check_tree(stream, PROJECT, "Project", report, texts)
    return report


def check_qdc(path: Path) -> Report:
    report = Report()
    with open(path, "rb") as stream:
        _check_tree(stream, CODEBOOK, "CodeBook", report, None)
    return report
