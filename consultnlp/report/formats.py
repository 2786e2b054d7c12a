"""The output formats consultnlp writes, registered once: the config, the CLI's ``--format`` and the writers read them.

Each format has a name (what ``--format`` and ``report.formats`` take), a description, whether it is written by default,
and the report file it is (html, md, docx) when it is one. Adding a format is an entry here and its writer in
``report.outputs`` (``write_reports``, ``write_tables`` or ``write_exchange``).
"""

from __future__ import annotations

from dataclasses import dataclass

from consultnlp.registry import Registry


@dataclass(frozen=True)
class OutputFormat:
    name: str
    description: str
    default: bool = False
    report_file: str | None = None  # the report file this format is, if it is a report


OUTPUT_FORMATS: Registry[OutputFormat] = Registry("output format")
register = OUTPUT_FORMATS.register


register(OutputFormat("html", "the report as one self-contained web page", default=True, report_file="report.html"))
register(OutputFormat("md", "the report in Markdown", default=True, report_file="report.md"))
# Governments edit the Word file before publishing, so it is written by default.
register(OutputFormat("docx", "the report as a Word document", default=True, report_file="report.docx"))
register(OutputFormat("xlsx", "the tables as one workbook (summary.xlsx)", default=True))
register(OutputFormat("qdpx", "a REFI-QDA project and codebook for qualitative-analysis software"))
register(OutputFormat("consul", "the tag files Consul Democracy imports"))


def output_format_names() -> tuple[str, ...]:
    """Every registered output format's name, in registration order."""
    return OUTPUT_FORMATS.names()


def default_formats() -> list[str]:
    """The formats written when none are asked for."""
    return [name for name, fmt in OUTPUT_FORMATS.items() if fmt.default]


def unknown_output_format(name: str) -> str:
    """What is wrong with an output format nobody registered, and the valid ones."""
    return f"unknown report format {name!r}; valid formats: {', '.join(OUTPUT_FORMATS)}"
