"""The input formats consultnlp reads, registered once: the sniffer, the readers, the CLI and the config read them here.

Each format has a name (what ``--format-in`` and ``ingest.format`` take), a description (what messages call it), the
file extensions that suggest it, and what applies to it: read as text (so it may be gzipped and its encoding is
sniffed), a workbook (``--sheet`` applies), a table with a header row (``--header-row`` applies). Adding a format is
an entry here, its content test in ``ingest.sniff`` and its reader in ``ingest.readers``.
"""

from __future__ import annotations

from dataclasses import dataclass

from consultnlp.registry import Registry


@dataclass(frozen=True)
class InputFormat:
    name: str
    description: str
    extensions: tuple[str, ...]  # the first is the one a file of this format is expected to have
    text: bool = False
    sheet: bool = False
    header_row: bool = False


INPUT_FORMATS: Registry[InputFormat] = Registry("input format")
register = INPUT_FORMATS.register


register(InputFormat("csv", "a CSV/text table", (".csv", ".tsv", ".tab", ".txt"), text=True, header_row=True))
register(InputFormat("xlsx", "an Excel workbook (.xlsx)", (".xlsx", ".xlsm"), sheet=True, header_row=True))
register(InputFormat("xls", "a legacy Excel workbook (.xls)", (".xls",), sheet=True, header_row=True))
register(InputFormat("ods", "an OpenDocument spreadsheet (.ods)", (".ods",), sheet=True, header_row=True))
register(InputFormat("json", "a JSON document", (".json",), text=True))
register(InputFormat("jsonl", "JSON Lines (one object per line)", (".jsonl", ".ndjson"), text=True))
register(InputFormat("parquet", "a Parquet file", (".parquet", ".pq")))


def format_names() -> tuple[str, ...]:
    """Every registered input format's name, in registration order."""
    return INPUT_FORMATS.names()


def unknown_format(name: str, option: str) -> str:
    """The one-line message for a format nobody registered, naming the option it came from."""
    return f"{option} {name}: unknown format. Use one of: {', '.join(format_names())}."
