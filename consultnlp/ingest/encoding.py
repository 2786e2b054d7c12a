"""Encodings and delimiters of text files: detected from the bytes, or as the user gave them."""

from __future__ import annotations

import codecs
import csv
import gzip
from pathlib import Path
from typing import IO

from consultnlp.errors import InputError


def decode_bytes(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode text, sniffing UTF-8 (with/without BOM), UTF-16 (Excel 'Unicode text') and cp1252/latin-1."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode the file as {encoding!r} ({exc}). Leave the encoding unset to detect it.") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows exports CSV in cp1252; it differs from latin-1 only in 0x80-0x9F (€, “ ” …).
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


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


def open_binary(path: Path, gzipped: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if gzipped else path.open("rb")


def sniff_encoding(path: Path, gzipped: bool, encoding: str | None) -> str:
    """Detect the encoding by decoding the whole file incrementally (nothing is kept in memory).

    UTF-8 is tried first because it almost never decodes text that is not UTF-8;
    Excel on Windows exports cp1252, which differs from latin-1 only in 0x80-0x9F.
    """
    with open_binary(path, gzipped) as handle:
        head = handle.read(4)
    if encoding:
        return encoding
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    for candidate in ("utf-8", "cp1252"):
        decoder = codecs.getincrementaldecoder(candidate)()
        try:
            with open_binary(path, gzipped) as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            return candidate
        except UnicodeDecodeError:
            continue
    return "latin-1"
