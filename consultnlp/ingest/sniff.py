"""What a file is, from its bytes: workbooks, archives, documents, binary data or text.

The extension says what the user thinks the file is; the content decides. A
mismatch, or a file that holds no table at all (a PDF, a Word document, a ZIP
of several files), is an error that names what the file is and what to do.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from consultnlp.errors import InputError, literal
from consultnlp.ingest.encoding import BOMS, utf16_without_bom
from consultnlp.ingest.formats import INPUT_FORMATS

HEAD_BYTES = 1 << 16
FORMATS = {ext: fmt.name for fmt in INPUT_FORMATS.values() for ext in fmt.extensions}  # extension -> format (ingest.formats)
TEXT_FORMATS = tuple(name for name, fmt in INPUT_FORMATS.items() if fmt.text)
# JSON starts with an object or an array of values; a CSV header like "[id],[texto]" does not match.
JSON_START = re.compile(r'\{\s*(?:"|\})|\[\s*(?:[\[{"\]]|-?\d|true|false|null)')
FORMAT_NAMES = {name: fmt.description for name, fmt in INPUT_FORMATS.items()}
EXTENSIONS = {name: fmt.extensions[0] for name, fmt in INPUT_FORMATS.items()}
EXPORT = "Export the responses from the consultation platform as CSV or XLSX and run again."
NOT_DATA = {
    "pdf": ("a PDF document", EXPORT),
    "docx": (
        "a Word document",
        "Export the responses as CSV or XLSX (a table in a document can be pasted into a spreadsheet and saved as .xlsx).",
    ),
    "doc": (
        "a legacy Word document (.doc)",
        "Export the responses as CSV or XLSX (a table in a document can be pasted into a spreadsheet and saved as .xlsx).",
    ),
    "odt": (
        "an OpenDocument text document",
        "Export the responses as CSV or XLSX (a table in a document can be pasted into a spreadsheet and saved as .xlsx).",
    ),
    "rtf": ("a Rich Text (RTF) document", "Export the responses as CSV or XLSX."),
    "pptx": ("a PowerPoint presentation", EXPORT),
    "ppt": ("a legacy PowerPoint presentation", EXPORT),
    "odp": ("an OpenDocument presentation", EXPORT),
    "html": (
        "an HTML page",
        "If it came from an 'Export to Excel' button, open it in Excel and save it as .xlsx; otherwise export the responses as CSV or XLSX.",
    ),
    "xml": ("an XML file", "Export the responses as CSV, XLSX or JSON."),
    "spreadsheetml": ("an Excel 2003 XML spreadsheet", "Open it in Excel, save it as .xlsx and run again."),
    "encrypted": (
        "a password-protected Office file",
        "Open it, remove the password (File > Info > Protect Workbook), save it as .xlsx and run again.",
    ),
    "ole": ("a legacy Microsoft Office file that is not a workbook", EXPORT),
    "binary": (
        "not a text file (it holds binary data)",
        "Export the responses as CSV (UTF-8) or XLSX, or pass --encoding NAME if it is text in an unusual encoding.",
    ),
}


@dataclass
class Content:
    """What the bytes are: ``format`` is the reader to use, None when the file holds no table."""

    kind: str
    format: str | None
    description: str
    inner: Content | None = None  # what a gzip file holds
    members: list[str] = field(default_factory=list)  # what a ZIP archive holds


@dataclass
class Resolved:
    format: str
    gzipped: bool
    warnings: list[str] = field(default_factory=list)


def format_from_name(path: Path) -> tuple[str | None, bool]:
    """(format, gzipped) from the file name; format is None for an extension we do not read."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    ext = suffixes[-2] if gzipped and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    return FORMATS.get(ext), gzipped


def _zip_content(path: Path) -> Content:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError, zlib.error) as exc:
        return Content("damaged-zip", None, f"a damaged ZIP/Office file ({exc})")
    if mimetype.endswith("opendocument.spreadsheet"):
        return Content("ods", "ods", FORMAT_NAMES["ods"])
    if mimetype.endswith("opendocument.text"):
        return Content("odt", None, NOT_DATA["odt"][0])
    if mimetype.endswith("opendocument.presentation"):
        return Content("odp", None, NOT_DATA["odp"][0])
    tops = {n.split("/", 1)[0] for n in names}
    if "xl" in tops:
        return Content("xlsx", "xlsx", FORMAT_NAMES["xlsx"])
    if "word" in tops:
        return Content("docx", None, NOT_DATA["docx"][0])
    if "ppt" in tops:
        return Content("pptx", None, NOT_DATA["pptx"][0])
    files = [n for n in names if not n.endswith("/")]
    return Content("zip", None, "a ZIP archive", members=files)


def _ole_names(head: bytes, path: Path) -> set[str]:
    """Stream names in an OLE2 (legacy Office) file's first directory sector."""
    names: set[str] = set()
    try:
        shift = struct.unpack_from("<H", head, 0x1E)[0]
        start = struct.unpack_from("<I", head, 0x30)[0]
        size = 1 << shift
        with path.open("rb") as handle:
            handle.seek((start + 1) * size)
            sector = handle.read(size)
        for off in range(0, len(sector) - 127, 128):
            length = struct.unpack_from("<H", sector, off + 0x40)[0]
            if 2 <= length <= 64:
                names.add(sector[off : off + length - 2].decode("utf-16-le", "replace"))
    except (struct.error, OSError, OverflowError, ValueError):
        pass
    return names


def _ole_content(head: bytes, path: Path) -> Content:
    names = _ole_names(head, path)
    if names & {"EncryptedPackage", "EncryptionInfo"}:
        return Content("encrypted", None, NOT_DATA["encrypted"][0])
    if names & {"WordDocument"}:
        return Content("doc", None, NOT_DATA["doc"][0])
    if names & {"PowerPoint Document"}:
        return Content("ppt", None, NOT_DATA["ppt"][0])
    if names & {"Workbook", "Book"} or not names:
        # An unreadable directory: let the .xls reader try and say what it finds.
        return Content("xls", "xls", FORMAT_NAMES["xls"])
    return Content("ole", None, NOT_DATA["ole"][0])


def _text_start(head: bytes, encoding: str | None = None) -> str | None:
    """The first characters of a text file, decoded well enough to look at; None for binary data.

    With the user's ``encoding`` the bytes are text by definition (UTF-32, EBCDIC ... look binary otherwise).
    """
    if encoding:
        try:
            return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head[:4096])
        except LookupError:
            raise InputError(
                f"unknown encoding {encoding!r}. Use a name such as utf-8, cp1252, mac_roman or latin-1, or leave it unset to detect it."
            ) from None
    for bom, codec in BOMS:
        if head.startswith(bom):
            return codecs.getincrementaldecoder(codec)(errors="replace").decode(head[:4096])
    utf16 = utf16_without_bom(head)
    if utf16:
        return codecs.getincrementaldecoder(utf16)(errors="replace").decode(head[:4096])
    sample = head[:HEAD_BYTES]
    controls = sum(sample.count(bytes([b])) for b in (*range(0, 9), *range(14, 32), 127))
    if controls >= 4 and controls > 0.05 * len(sample):
        return None
    return sample[:4096].decode("utf-8", errors="replace")


def _text_content(start: str) -> Content:
    text = start.lstrip("\ufeff \t\r\n")
    lower = text[:2000].lower()
    if lower.startswith("{\\rtf"):
        return Content("rtf", None, NOT_DATA["rtf"][0])
    if lower.startswith("<?xml"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in lower or "<workbook" in lower:
            return Content("spreadsheetml", None, NOT_DATA["spreadsheetml"][0])
        return Content("xml", None, NOT_DATA["xml"][0])
    if lower.startswith(("<!doctype html", "<html", "<table", "<head", "<body", "<meta")) or (lower.startswith("<") and "<html" in lower):
        return Content("html", None, NOT_DATA["html"][0])
    if JSON_START.match(text):
        lines = [line for line in text.split("\n")[:3] if line.strip()]
        if text.startswith("{") and len(lines) > 1 and lines[1].lstrip().startswith("{"):
            try:
                json.loads(lines[0])
                return Content("jsonl", "jsonl", FORMAT_NAMES["jsonl"])
            except ValueError:
                pass
        return Content("json", "json", FORMAT_NAMES["json"])
    return Content("text", "csv", "a text table")


def sniff_content(path: Path, encoding: str | None = None) -> Content:
    """What ``path`` holds, from its first bytes (and a ZIP's table of contents); ``encoding``: the user's, for text."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if not head.strip():
        return Content("empty", None, "empty")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_content(path)
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(path, "rb") as inner:
                inner_head = inner.read(HEAD_BYTES)
        except (OSError, EOFError, zlib.error) as exc:
            return Content("damaged-gzip", None, f"a damaged gzip file ({exc})")
        inner_content = _bytes_content(inner_head, encoding) if inner_head.strip() else Content("empty", None, "empty")
        return Content("gzip", inner_content.format, f"a gzip-compressed file holding {inner_content.description}", inner=inner_content)
    if head.startswith(b"PAR1"):
        return Content("parquet", "parquet", FORMAT_NAMES["parquet"])
    if head.startswith(b"%PDF"):
        return Content("pdf", None, NOT_DATA["pdf"][0])
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_content(head, path)
    return _bytes_content(head, encoding)


def _bytes_content(head: bytes, encoding: str | None = None) -> Content:
    """Content of bytes that are not a ZIP/OLE container (a gzip file's inside, or a plain file)."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return Content("zip", None, "a ZIP archive")
    if head.startswith(b"PAR1"):
        return Content("parquet", "parquet", FORMAT_NAMES["parquet"])
    if head.startswith(b"%PDF"):
        return Content("pdf", None, NOT_DATA["pdf"][0])
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return Content("ole", None, "a legacy Microsoft Office file")
    if len(head) > 262 and head[257:262] == b"ustar":
        return Content("tar", None, "a tar archive")
    start = _text_start(head, encoding)
    if start is None:
        return Content("binary", None, NOT_DATA["binary"][0])
    return _text_content(start)


def _not_data(name: str, content: Content) -> InputError:
    if content.kind == "binary":
        return InputError(f"{name} is {NOT_DATA['binary'][0]}. {NOT_DATA['binary'][1]}")
    if content.kind == "zip" and content.members:
        shown = ", ".join(content.members[:3]) + (f" and {len(content.members) - 3} more" if len(content.members) > 3 else "")
        return InputError(f"{name} is a ZIP archive holding {shown}, not a data file. Unzip it and pass the file inside.")
    if content.kind in ("zip", "tar", "ole") or content.kind.startswith("damaged"):
        return InputError(f"{name} is {content.description}, not a data file. Unzip or repair it, or export the responses as CSV or XLSX.")
    if content.kind == "gzip" and content.inner is not None:
        inner = content.inner
        if inner.kind == "empty":
            return InputError(
                f"{name} is gzip-compressed but holds nothing. Export the consultation with a header row and at least one comment."
            )
        if inner.kind == "binary":
            return InputError(
                f"{name} is gzip-compressed, and what it holds is not a text file. Decompress it and check what it is, or export the responses as CSV or XLSX."
            )
        return InputError(
            f"{name} is a gzip-compressed file holding {inner.description}, not a data file. Decompress it and look at what it holds."
        )
    advice = NOT_DATA.get(content.kind, ("", EXPORT))[1]
    return InputError(f"{name} is {content.description}, not a data file. {advice}")


def _mismatch(path: Path, content: Content, expected: str, format_in: str | None) -> InputError:
    found = content.format or ""
    if format_in:
        return InputError.about(
            "{format_in:{given}} does not fit "
            + literal(path.name)
            + ": it is "
            + literal(content.description)
            + ". Use {format_in:{found}}.",
            "format_in",
            given=format_in,
            found=found,
        )
    stem = path.name[: -len("".join(path.suffixes))] if path.suffixes else path.name
    ext = path.suffixes[-1] if path.suffixes else ""
    return InputError.about(
        literal(f"{path.name} is {content.description}, not {FORMAT_NAMES[expected]} as its {ext or 'name'} says. ")
        + literal(f"Rename it to {stem}{EXTENSIONS[found]}")
        + " or pass {format_in:{found}}.",
        "format_in",
        found=found,
    )


def resolve_format(path: Path, format_in: str | None = None, encoding: str | None = None) -> Resolved:
    """The reader for ``path``: from its content, checked against the extension (or ``format_in``, which wins)."""
    named, named_gz = format_from_name(path)
    content = sniff_content(path, encoding)
    if content.kind == "empty":
        raise InputError(f"{path.name} is empty. Export the consultation with a header row and at least one comment.")
    gzipped = content.kind == "gzip"
    inner = content.inner if gzipped and content.inner is not None else content
    if inner.format is None:
        raise _not_data(path.name, content)
    expected = format_in or named
    if expected is None:
        supported = ", ".join(sorted(FORMATS)) + " (CSV/TSV/JSON also .gz)"
        ext = "".join(path.suffixes[-2:]) if named_gz else path.suffix
        raise InputError.about(
            literal(f"{path.name}: unsupported file type '{ext or '(none)'}'. Supported: {supported}. ")
            + literal(f"Its content looks like {inner.description}")
            + ": pass {format_in:{found}} to read it.",
            "format_in",
            found=inner.format,
        )
    if gzipped and inner.format not in TEXT_FORMATS:
        raise InputError(
            f"{path.name} is a gzip-compressed file holding {inner.description}. Decompress it (gunzip) and pass the file inside."
        )
    warnings = []
    found = inner.format
    if found != expected:
        # The text formats are told apart by a glance at the first lines; the user's --format-in decides.
        if not (format_in and found in TEXT_FORMATS and expected in TEXT_FORMATS):
            raise _mismatch(path, inner, expected, format_in)
    if gzipped and not named_gz:
        warnings.append(f"{path.name} is gzip-compressed; read it decompressed.")
    if named_gz and not gzipped:
        warnings.append(f"{path.name} is not compressed despite its .gz name; read it as it is.")
    return Resolved(expected, gzipped, warnings)
