"""The last check before a run is kept: nothing outside ``private/`` may hold personal data.

Every publishable file of a folder (html, md, yaml, json, csv, parquet, xlsx cells and
sheet names, docx text, qdpx/qdc) is read as the text a reader would see and scanned for
two things: any known value of a personal column, raw id or personal header
(``known_values``), and any hit of the text detectors (``find_pii``). What is found is
redacted in place (the value becomes ``[REDACTED]``, a detector hit ``[KIND]``) and the
file is scanned again; what is still there, or a file the gate cannot read, fails the
run with one line naming the file and the kind (``PrivacyGateError``): it fails closed.
"""

from __future__ import annotations

import csv
import html
import json
import re
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from consultnlp.errors import OutputError
from consultnlp.privacy.detectors import find_pii
from consultnlp.privacy.pseudonyms import HASH_CHARS, PREFIX

PRIVATE_DIR = "private"
REDACTED = "[REDACTED]"
# A known value shorter than this, or without a letter or digit, is no one's data on its own ("-", "sí", "1").
MIN_VALUE_CHARS = 4
MAX_PREFILTER_WORDS = 5_000  # known values' first words read as one pattern before a text is split (``KnownValues.find``)
_TOKEN = re.compile(r"[^\W_]+(?:[@.'’+\-_%][^\W_]+)*", re.UNICODE)
# Cells no detector can fire on: numbers of up to six integer digits (counts, shares, scores, row numbers), booleans.
# Skipping them keeps the gate to about one pass of the detectors over the published texts.
_NUMBER = r"[-+]?\d{1,6}(?:[.,]\d+)?(?:[eE][-+]?\d+)?"
# ... and scores keyed by a code, as the theme columns write them ("civic_space:0.929;health:0.41").
# The run's own pseudonyms ("p-0500037852b6"): random hex that a detector can read as a phone or an RFC about once in
# 10,000; they are what makes a quote traceable, so they are never findings.
_PSEUDONYM = re.compile(rf"(?<![\w-]){re.escape(PREFIX)}[0-9a-f]{{{HASH_CHARS}}}(?![\w-])")
# The scores in a theme_evidence value ("housing:vivienda|sim=0.36|lex=0.04"): they make most values distinct (57,449
# in the full Chile run, 15 s of detectors), while the words around them are the codebook's, and repeat.
_EVIDENCE_SCORE = re.compile(rf"(?:\||(?<=:))(?:sim|lex)={_NUMBER}(?=[|;]|$)")
# A known value that is a number of up to six digits (a platform's author number, "1899") is no one's data on its own,
# and the same digits are a comment id, a count or a year elsewhere: on a Pol.is conversation 253 of 2,162 comment ids
# equal to some author's number were published as "[REDACTED]", and quotes no longer traced back to their comment.
_SHORT_NUMBER = re.compile(rf"^\s*{_NUMBER}\s*$")
_PLAIN = re.compile(rf"^(?:{_NUMBER}|True|False|true|false|nan|NaN|None|<NA>|[a-z][a-z0-9_]*:{_NUMBER}(?:;[a-z][a-z0-9_]*:{_NUMBER})*)$")
# What counts as text in each format, and what it is in order of checking.
TEXT_SUFFIXES = (".md", ".txt", ".yaml", ".yml")
SUFFIXES = (".html", ".htm", *TEXT_SUFFIXES, ".json", ".csv", ".parquet", ".xlsx", ".docx", ".qdpx", ".qdc")


class PrivacyGateError(OutputError):
    """A publishable file still holds personal data the gate could not redact, or cannot be read by it."""


@dataclass(frozen=True)
class GateFinding:
    """What the gate found in one file: ``kind`` is a detector kind (``EMAIL``) or a known value's origin."""

    file: str
    kind: str
    count: int


@dataclass
class GateResult:
    """One pass of the gate over a folder."""

    files: int = 0
    findings: list[GateFinding] = field(default_factory=list)
    seconds: float = 0.0
    known_values: int = 0

    @property
    def found(self) -> int:
        return sum(f.count for f in self.findings)

    def by_kind(self) -> list[list]:
        """``[kind, count, [files]]`` per kind found, most first (ties by kind): what the report says it found, and where."""
        kinds: dict[str, list] = {}
        for f in self.findings:
            entry = kinds.setdefault(f.kind, [f.kind, 0, []])
            entry[1] += f.count
            entry[2].append(f.file)
        return sorted(kinds.values(), key=lambda e: (-e[1], e[0]))

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "found": self.found,
            "known_values": self.known_values,
            "seconds": round(self.seconds, 3),
            "findings": [asdict(f) for f in self.findings],
        }


class KnownValues:
    """Literal values to find in published text, matched on whole word sequences ("ana@x.cl", "Juan Pérez"); a number of
    up to six digits is not one of them (``_SHORT_NUMBER``)."""

    def __init__(self, values: dict[str, str]) -> None:
        self.origin: dict[tuple[str, ...], str] = {}
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for value, origin in values.items():
            tokens = tuple(t.casefold() for t in _TOKEN.findall(str(value)))
            if not tokens or len(str(value).strip()) < MIN_VALUE_CHARS or _SHORT_NUMBER.match(str(value)) or tokens in self.origin:
                continue
            self.origin[tokens] = origin
            self.first.setdefault(tokens[0], []).append(tokens)
        for options in self.first.values():
            options.sort(key=len, reverse=True)
        # Most texts hold none of the values: a text whose casefolded form holds no first word of one is skipped without
        # being split into words (2 s over the 181,275 texts of the full Chile run, with its 12 travelling names, 40 ms so).
        words = sorted(self.first, key=len, reverse=True)
        self._maybe = re.compile("|".join(map(re.escape, words))) if 0 < len(words) <= MAX_PREFILTER_WORDS else None

    def __len__(self) -> int:
        return len(self.origin)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, origin) of every known value in ``text``."""
        if not self.first or (self._maybe is not None and not self._maybe.search(text.casefold())):
            return []
        matches = list(_TOKEN.finditer(text))
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(matches):
            options = self.first.get(matches[i].group().casefold())
            hit = None
            for tokens in options or ():
                if i + len(tokens) <= len(matches) and all(matches[i + j].group().casefold() == tokens[j] for j in range(1, len(tokens))):
                    hit = tokens
                    break
            if hit is None:
                i += 1
                continue
            found.append((matches[i].start(), matches[i + len(hit) - 1].end(), self.origin[hit]))
            i += len(hit)
        return found


class _Scanner:
    """Finds and redacts in one string; remembers every string it has seen (the same texts recur across files)."""

    def __init__(self, known: KnownValues, kinds: Collection[str] | None, redacted: Iterable[str] = ()) -> None:
        self.known, self.kinds = known, kinds
        self.cache: dict[str, tuple[str, tuple[str, ...]]] = {}
        # Texts the redaction stage wrote with these same detectors: only known values are looked for in them.
        self.redacted = frozenset(redacted)

    def __call__(self, text: str) -> tuple[str, tuple[str, ...]]:
        """(``text`` redacted, the kinds found, one per finding)."""
        hit = self.cache.get(text)
        if hit is not None:
            return hit
        bare = _EVIDENCE_SCORE.sub("", text)
        if bare != text and not self(bare)[1]:
            # Without its scores the value holds nothing (the scores are numbers below a million, never an id);
            # where the words do hold something, the whole value is scanned and redacted below.
            self.cache[text] = (text, ())
            return self.cache[text]
        spans = [(s, e, origin) for s, e, origin in self.known.find(text)]
        detect = len(text) >= 3 and (self.kinds is None or self.kinds) and not _PLAIN.match(text)
        if detect and text not in self.redacted and text.lstrip("'") not in self.redacted:
            own = [m.span() for m in _PSEUDONYM.finditer(text)]
            spans += [
                (m.start, m.end, m.kind)
                for m in find_pii(text, kinds=self.kinds)
                if not any(m.start < end and start < m.end for start, end in own)
            ]
        if not spans:
            result = (text, ())
        else:
            spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
            parts, pos, kinds = [], 0, []
            for start, end, kind in spans:
                if start < pos:
                    continue
                parts += [text[pos:start], REDACTED if kind.islower() or " " in kind else f"[{kind}]"]
                pos = end
                kinds.append(kind)
            parts.append(text[pos:])
            result = ("".join(parts), tuple(kinds))
        if len(self.cache) < 2_000_000:
            self.cache[text] = result
        return result


# ------------------------------------------------------------------ the formats: strings in, strings out


def _rewrite_strings(values: Iterable[object], scan: _Scanner, found: Counter) -> tuple[list[object], bool]:
    out, changed = [], False
    for value in values:
        if isinstance(value, str) and value:
            new, kinds = scan(value)
            if kinds:
                found.update(kinds)
                changed = changed or new != value
                value = new
        out.append(value)
    return out, changed


def _text(path: Path, scan: _Scanner, found: Counter, redact: bool) -> None:
    text = path.read_text(encoding="utf-8")
    lines, changed = _rewrite_strings(text.split("\n"), scan, found)
    if changed and redact:
        path.write_text("\n".join(str(line) for line in lines), encoding="utf-8")


_NODE = re.compile(r"(?<=>)[^<]+(?=<)")
_CODE = re.compile(r"<(script|style)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r'(\b(?:title|alt|aria-label|content|data-[\w-]+)=")([^"]*)(")')


def _markup(text: str, scan: _Scanner, found: Counter) -> str:
    """Text nodes and readable attributes of html/xml, unescaped to scan, escaped back; markup and code left alone."""

    def node(m: re.Match[str]) -> str:
        raw = m.group()
        plain = html.unescape(raw)
        new, kinds = scan(plain)
        if not kinds:
            return raw
        found.update(kinds)
        return html.escape(new, quote=False)

    def attr(m: re.Match[str]) -> str:
        plain = html.unescape(m.group(2))
        new, kinds = scan(plain)
        if not kinds:
            return m.group()
        found.update(kinds)
        return m.group(1) + html.escape(new) + m.group(3)

    pieces, pos = [], 0
    for code in _CODE.finditer(text):
        pieces.append(_ATTR.sub(attr, _NODE.sub(node, text[pos : code.start()])))
        pieces.append(code.group())
        pos = code.end()
    pieces.append(_ATTR.sub(attr, _NODE.sub(node, text[pos:])))
    return "".join(pieces)


def _html(path: Path, scan: _Scanner, found: Counter, redact: bool) -> None:
    text = path.read_text(encoding="utf-8")
    new = _markup(text, scan, found)
    if new != text and redact:
        path.write_text(new, encoding="utf-8")


def _json(path: Path, scan: _Scanner, found: Counter, redact: bool) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    changed = False

    def walk(value: object) -> object:
        nonlocal changed
        if isinstance(value, str):
            (new,), moved = _rewrite_strings([value], scan, found)
            changed = changed or moved
            return new
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {walk(k): walk(v) for k, v in value.items()}
        return value

    data = walk(data)
    if changed and redact:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _columns(frame: pd.DataFrame, scan: _Scanner, found: Counter) -> bool:
    """Scan each text column by its distinct values (a million-row table has far fewer); redact in place; True if changed."""
    changed = False
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if not (column.dtype == object or pd.api.types.is_string_dtype(column)):
            continue
        counts = column[column.map(lambda v: isinstance(v, str) and v != "")].value_counts(sort=False)
        replace: dict[str, str] = {}
        for value, n in counts.items():
            new, kinds = scan(value)
            if kinds:
                found.update({k: c * int(n) for k, c in Counter(kinds).items()})
                if new != value:
                    replace[value] = new
        if replace:
            frame.iloc[:, position] = column.map(lambda v, replace=replace: replace.get(v, v) if isinstance(v, str) else v)
            changed = True
    return changed


def _csv(path: Path, scan: _Scanner, found: Counter, redact: bool) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, header=None, encoding="utf-8")
    if _columns(frame, scan, found) and redact:
        frame.to_csv(path, index=False, header=False, encoding="utf-8", lineterminator="\n", quoting=csv.QUOTE_ALL)


def _parquet(path: Path, scan: _Scanner, found: Counter, redact: bool) -> None:
    frame = pd.read_parquet(path)
    columns, changed = _rewrite_strings([str(c) for c in frame.columns], scan, found)
    frame.columns = range(frame.shape[1])
    changed = _columns(frame, scan, found) or changed
    if changed and redact:
        frame.columns = [str(c) for c in columns]
        frame.to_parquet(path, index=False)


def _xlsx(path: Path, scan: _Scanner, found: Counter, redact: bool) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    changed = False
    for sheet in book.worksheets:
        (title,), moved = _rewrite_strings([sheet.title], scan, found)
        if moved:
            sheet.title = str(title)[:31]
            changed = True
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    (value,), moved = _rewrite_strings([cell.value], scan, found)
                    if moved:
                        cell.value, changed = value, True
    if changed and redact:
        book.save(path)


def _docx(path: Path, scan: _Scanner, found: Counter, redact: bool) -> None:
    import docx

    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        paragraphs += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    for section in document.sections:
        paragraphs += list(section.header.paragraphs) + list(section.footer.paragraphs)
    changed = False
    for paragraph in paragraphs:
        _, kinds = scan(paragraph.text)
        if not kinds:
            continue
        found.update(kinds)
        # Redacted run by run, which keeps the formatting; a value split across runs (a quote in bold next to
        # its count) is redacted on the paragraph's whole text, which then goes into its first run.
        runs = paragraph.runs
        for run in runs:
            new, run_kinds = scan(run.text)
            if run_kinds and new != run.text:
                run.text, changed = new, True
        whole, left = scan(paragraph.text)
        if left and runs and whole != paragraph.text:
            runs[0].text = whole
            for run in runs[1:]:
                run.text = ""
            changed = True
    if changed and redact:
        document.save(str(path))


def _zipped(path: Path, scan: _Scanner, found: Counter, redact: bool) -> None:
    """A REFI-QDA project: an XML project file and plain-text sources in a zip."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    changed = False
    out = []
    for info, data in members:
        name = info.filename.lower()
        if name.endswith((".qde", ".xml", ".txt")):
            text = data.decode("utf-8")
            if name.endswith(".txt"):
                lines, moved = _rewrite_strings(text.split("\n"), scan, found)
                new = "\n".join(str(line) for line in lines)
            else:
                new = _markup(text, scan, found)
            if new != text:
                data, changed = new.encode("utf-8"), True
        elif not info.is_dir():
            raise PrivacyGateError(
                f"{path.name}: cannot check {info.filename} inside it (not text). Move the file into private/ or remove it."
            )
        out.append((info, data))
    if changed and redact:
        tmp = path.with_name(path.name + ".gate")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in out:
                archive.writestr(info, data)
        tmp.replace(path)


def _qdc(path: Path, scan: _Scanner, found: Counter, redact: bool) -> None:
    _html(path, scan, found, redact)


HANDLERS: dict[str, Callable[[Path, _Scanner, Counter, bool], None]] = {
    ".html": _html,
    ".htm": _html,
    ".json": _json,
    ".csv": _csv,
    ".parquet": _parquet,
    ".xlsx": _xlsx,
    ".docx": _docx,
    ".qdpx": _zipped,
    ".qdc": _qdc,
    **{s: _text for s in TEXT_SUFFIXES},
}


# ------------------------------------------------------------------ the gate


def publishable_files(folder: Path) -> list[Path]:
    """Every file of ``folder`` outside ``private/`` (hidden temporary files of a write in progress left out)."""
    folder = Path(folder)
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if relative.parts[0] == PRIVATE_DIR or not path.is_file() or path.name.startswith("."):
            continue
        files.append(path)
    return files


def _scan_file(path: Path, scan: _Scanner, redact: bool, shown: str) -> Counter:
    handler = HANDLERS.get(path.suffix.lower())
    if handler is None:
        raise PrivacyGateError(
            f"{shown}: the privacy check cannot read {path.suffix or 'this'} files, so it cannot tell whether it holds "
            "personal data. Move it into private/ or remove it."
        )
    found: Counter = Counter()
    try:
        handler(path, scan, found, redact)
    except PrivacyGateError:
        raise
    except Exception as exc:  # noqa: BLE001 - any unreadable file fails closed, naming it
        raise PrivacyGateError(
            f"{shown}: the privacy check cannot read it ({type(exc).__name__}: {exc}). Move it into private/ or remove it."
        ) from None
    return found


def gate_folder(
    folder: Path,
    *,
    values: dict[str, str] | None = None,
    kinds: Collection[str] | None = None,
    redact: bool = True,
    files: Iterable[Path] | None = None,
    redacted: Iterable[str] = (),
) -> GateResult:
    """Scan the publishable files of ``folder`` (or ``files``) for ``values`` (value -> where it comes from) and for
    detector hits of ``kinds`` (default: all). With ``redact`` each finding is redacted in place and the file is
    scanned again; anything left raises ``PrivacyGateError`` naming the file and kind. Without ``redact`` nothing
    is changed and the findings are returned. ``redacted`` are texts the run's redaction wrote with the same detectors
    (its ``text_redacted``): the detectors are not run on them again, known values are still looked for."""
    started = time.perf_counter()
    folder = Path(folder)
    known = KnownValues(values or {})
    scan = _Scanner(known, None if kinds is None else list(kinds), redacted)
    result = GateResult(known_values=len(known))
    for path in list(files) if files is not None else publishable_files(folder):
        shown = str(path.relative_to(folder)) if path.is_relative_to(folder) else path.name
        found = _scan_file(path, scan, redact, shown)
        result.files += 1
        result.findings += [GateFinding(shown, kind, count) for kind, count in sorted(found.items())]
        if found and redact:
            left = _scan_file(path, scan, False, shown)
            if left:
                kind = sorted(left)[0]
                raise PrivacyGateError(
                    f"{shown}: {sum(left.values())} value(s) of personal data ({kind}) could not be redacted; the run was not kept. "
                    "Remove the value from the input or the review file, or report it as a bug."
                )
    result.seconds = time.perf_counter() - started
    return result


def iter_known(frame: pd.DataFrame, columns: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(value, origin) for every distinct non-empty value of ``columns`` of ``frame``."""
    for column in columns:
        if column in frame:
            for value in pd.unique(frame[column].dropna().astype(str)):
                if value.strip():
                    yield value, "personal column"
