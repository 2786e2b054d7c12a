"""Encodings, delimiters and control characters of text files: detected from the bytes, or as the user gave them.

Detection order: a byte-order mark; UTF-16 without one (NUL bytes on every
other position); UTF-8 (which almost never decodes text that is not UTF-8);
otherwise the 8-bit encoding among cp1252, Mac Roman and Latin-1 whose
decoding reads most like Spanish/Portuguese/English text.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from consultnlp.errors import InputError

BLOCK = 1 << 20
SCORE_BYTES = BLOCK  # the 8-bit encodings are told apart on the file's first 1 MB
LEGACY = ("cp1252", "latin-1", "mac_roman")  # ties go to the first: Excel on Windows exports cp1252
LABELS = {
    "cp1252": "Windows-1252 (cp1252)",
    "latin-1": "Latin-1 (ISO-8859-1)",
    "mac_roman": "Mac Roman",
    "utf-16-le": "UTF-16 little-endian",
    "utf-16-be": "UTF-16 big-endian",
}
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Letters and marks that Spanish, Portuguese and English text uses beyond ASCII.
TEXT_LETTERS = frozenset("áéíóúàâêôãõçñüÁÉÍÓÚÀÂÊÔÃÕÇÑÜ")
TEXT_MARKS = frozenset("¿¡ºª°«»“”‘’–—…€£")
APOSTROPHES = frozenset("’'")
NON_ASCII = re.compile(r"[^\x00-\x7f]")

# C0 control characters (tab and line breaks kept) and DEL are never text: removed; the ones that separate
# lines or records become a space so words stay apart. C1 characters (U+0080-U+009F) are kept: they are the
# trace of a wrong encoding, which detection avoids and an explicit --encoding asked for.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACED = "\x0b\x0c\x1c\x1d\x1e\x1f"
CONTROL_TABLE = {c: (" " if chr(c) in _SPACED else None) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}


@dataclass
class Encoding:
    """The codec to read a text file with, how to treat bad bytes, and what to tell the user about the choice."""

    name: str
    errors: str = "strict"
    warning: str | None = None


def clean_controls(text: str) -> tuple[str, int]:
    """Remove NUL and other control characters (tab and line breaks kept); return the text and how many went."""
    if CONTROL_RE.search(text) is None:
        return text, 0
    return text.translate(CONTROL_TABLE), len(CONTROL_RE.findall(text))


class CleanTextReader(io.TextIOBase):
    """Decode a binary stream and drop control characters on the way, counting them.

    pandas' C parser stops a cell at a NUL byte, so they must go before it reads.
    """

    def __init__(self, raw: IO[bytes], encoding: Encoding) -> None:
        self._text = io.TextIOWrapper(raw, encoding=encoding.name, errors=encoding.errors, newline="")
        self.removed = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        while True:
            chunk = self._text.read(size if size is not None and size >= 0 else -1)
            cleaned, n = clean_controls(chunk)
            self.removed += n
            # An all-control chunk must not read as the end of the file.
            if cleaned or not chunk:
                return cleaned

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        line, n = clean_controls(self._text.readline(-1 if size is None else size))
        self.removed += n
        return line

    def close(self) -> None:
        self._text.close()
        super().close()


def open_binary(path: Path, gzipped: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if gzipped else path.open("rb")


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NUL bytes sit on every other position (mostly-ASCII UTF-16), else None."""
    sample = head[: 1 << 16]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.3 and nul_even < 0.05:
        candidate = "utf-16-le"
    elif nul_even > 0.3 and nul_odd < 0.05:
        candidate = "utf-16-be"
    else:
        return None
    try:
        codecs.getincrementaldecoder(candidate)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    return candidate


def plausibility(text: str) -> float:
    """How much the non-ASCII characters of ``text`` read like es/pt/en text (higher is more plausible).

    A wrong 8-bit decoding shows itself as C1 control characters (Latin-1 reading
    cp1252 quotes), symbols inside words ("c—mo", "c‡mo": Mac Roman read as
    cp1252) or capitals after small letters ("cÛmo": cp1252 read as Mac Roman).
    """
    score = 0.0
    for match in NON_ASCII.finditer(text):
        i, ch = match.start(), match.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        inside_word = before.isalpha() and after.isalpha()
        if "\x80" <= ch <= "\x9f":
            score -= 3
        elif ch in TEXT_LETTERS:
            score += -1 if ch.isupper() and before.islower() else 1
        elif ch in APOSTROPHES:
            score += 0.5
        elif ch in TEXT_MARKS:
            score += -1 if inside_word else 0.5
        elif ch.isalpha():
            score -= 1 if ch.isupper() and before.islower() else 0.5
        else:
            score -= 1
    return score


def _example_word(text: str) -> str:
    match = re.search(r"\w*(?:(?![\x00-\x7f])[^\W\d_])\w*", text)  # the first word with a non-ASCII letter
    return match.group()[:40] if match else ""


def _first_invalid_utf8_line(blocks: Iterable[bytes]) -> int | None:
    """The line of the first byte that is not UTF-8, or None when the whole file is UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    newlines = 0
    for block in blocks:
        try:
            decoder.decode(block)
        except UnicodeDecodeError as exc:
            return newlines + block.count(b"\n", 0, max(exc.start, 0)) + 1
        newlines += block.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return newlines + 1
    return None


def _count_utf8(blocks: Iterable[bytes]) -> tuple[int, int]:
    """(non-ASCII characters that are valid UTF-8, bytes that are not) over the whole file."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def texts() -> Iterator[str]:
        for block in blocks:
            yield decoder.decode(block)
        yield decoder.decode(b"", final=True)

    valid = invalid = 0
    for text in texts():
        bad = text.count("\ufffd")
        invalid += bad
        valid += len(NON_ASCII.findall(text)) - bad
    return valid, invalid


def _decodes(blocks: Iterable[bytes], name: str) -> bool:
    decoder = codecs.getincrementaldecoder(name)()
    try:
        for block in blocks:
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(blocks: Callable[[], Iterator[bytes]], name: str, encoding: str | None = None) -> Encoding:
    """Choose the codec for a text file read as ``blocks()`` (called again for each pass; nothing is kept).

    ``encoding`` (the user's) always wins; the file must then decode with it.
    """
    head = b"".join(take_bytes(blocks(), 1 << 16))
    if encoding:
        return _explicit(blocks, name, encoding, head)
    for bom, codec in BOMS:
        if head.startswith(bom):
            return Encoding(codec)
    utf16 = utf16_without_bom(head)
    if utf16 and _decodes(blocks(), utf16):
        return Encoding(
            utf16,
            warning=f"{name} has no byte-order mark; read it as {LABELS[utf16]} (NUL bytes on every other position). If the text looks wrong, pass --encoding NAME.",
        )
    bad_line = _first_invalid_utf8_line(blocks())
    if bad_line is None:
        return Encoding("utf-8")
    valid, invalid = _count_utf8(blocks())
    if valid > invalid:
        # Mostly UTF-8 with a few stray bytes (files pasted together, a truncated character): keep UTF-8.
        return Encoding(
            "utf-8",
            "replace",
            (
                f"{name} is UTF-8 except for {invalid} byte(s) (the first on line {bad_line}); they were replaced by \ufffd. "
                "Fix them at the source, or pass --encoding NAME if the whole file is in another encoding."
            ),
        )
    sample = b"".join(take_bytes(blocks(), SCORE_BYTES))
    scores = []
    for rank, codec in enumerate(LEGACY):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        scores.append((plausibility(text), -rank, codec, text))
    for _, _, codec, text in sorted(scores, reverse=True):
        if len(sample) < SCORE_BYTES or codec != "cp1252" or _decodes(blocks(), codec):
            example = _example_word(text)
            shown = f' (e.g. "{example}")' if example else ""
            return Encoding(
                codec, warning=f"{name} is not UTF-8; read it as {LABELS[codec]}{shown}. If accents look wrong, pass --encoding NAME."
            )
    return Encoding("latin-1")  # unreachable: Latin-1 decodes any bytes


def _explicit(blocks: Callable[[], Iterator[bytes]], name: str, encoding: str, head: bytes) -> Encoding:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r}. Use a name such as utf-8, cp1252, mac_roman or latin-1, or leave it unset to detect it."
        ) from None
    if codec == "utf-8" and head.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"  # the mark is not text: it must not end up in the first column's name
    decoder = codecs.getincrementaldecoder(codec)()
    offset = 0
    try:
        for block in blocks():
            decoder.decode(block)
            offset += len(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not valid {encoding} ({exc.reason} at byte {offset + max(exc.start, 0)}). Leave the encoding unset to detect it."
        ) from None
    return Encoding(codec)


def take_bytes(blocks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    taken = 0
    for block in blocks:
        if taken >= limit:
            break
        yield block[: limit - taken]
        taken += len(block)


def file_blocks(path: Path, gzipped: bool) -> Callable[[], Iterator[bytes]]:
    """A callable that reads the (decompressed) file in blocks each time it is called."""

    def blocks() -> Iterator[bytes]:
        with open_binary(path, gzipped) as handle:
            yield from iter(lambda: handle.read(BLOCK), b"")

    return blocks


def decode_bytes(raw: bytes, encoding: str | None = None, name: str = "the file") -> tuple[str, str]:
    """Decode a whole file's bytes with the detected (or given) encoding: (text, encoding used)."""
    text, found = decode_with_warning(raw, encoding, name)
    return text, found.name


def decode_with_warning(raw: bytes, encoding: str | None, name: str) -> tuple[str, Encoding]:
    found = detect_encoding(lambda: iter([raw]), name, encoding)
    return raw.decode(found.name, errors=found.errors), found


def sniff_delimiter(sample: str, hint: str | None = None) -> str:
    if hint:
        return "\t" if hint in ("\\t", "tab", "TAB") else hint
    lines = sample.splitlines()
    head = "\n".join(lines[: min(len(lines), 50)])
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t|").delimiter
    except csv.Error:
        # One-column files and unusual quoting: count candidates on the header line.
        first = lines[0] if lines else ""
        counts = {d: first.count(d) for d in ",;\t|"}
        best = max(counts, key=counts.get)  # type: ignore[arg-type]
        return best if counts[best] else ","
