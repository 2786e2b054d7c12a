"""The Markdown report: the same content and headings as the HTML, as plain text.

Charts become small tables (label, share), so the numbers survive where images do not.
"""

from __future__ import annotations

import re
from pathlib import Path

from consultnlp.files import write_text
from consultnlp.i18n import percent
from consultnlp.report.model import Block, ReportContent

# Characters that Markdown (or the HTML a Markdown viewer makes) would interpret anywhere in a line:
# emphasis, code, links (with ``[`` escaped, ``(`` and ``!`` are inert), inline HTML, entities, tables, maths.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
# What makes a line a heading, list item, rule or quote only when it starts the line. A number starts an ordered list
# only when a space or the line's end follows its "." or ")": "9.471 contributions" starts none.
_LINE_START = re.compile(r"^(\s*)([-+#=:>]|\d+[.)](?=\s|$))", re.MULTILINE)


def md_escape(text: str) -> str:
    """Escape Markdown and inline HTML so citizen text renders as the text it is."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "".join("\\" + ch if not ch.isdigit() else ch for ch in m.group(2)), escaped)


def _cell(value: str) -> str:
    """A table cell: inline markup escaped, not line starts, which start no list or heading inside a cell ("34.5%" was
    written "34\\.5%", and a reader of the .md saw the backslash: the seattle claim check)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def _table(headers: list[str], rows: list[list[str]], numeric: list[bool]) -> list[str]:
    align = ["---:" if numeric and i < len(numeric) and numeric[i] else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(_cell(h) for h in headers) + " |", "| " + " | ".join(align) + " |"]
    return lines + ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows] + [""]


def _block(block: Block) -> list[str]:
    if block.kind == "p":
        return [md_escape(block.text), ""]
    if block.kind == "list":
        return [f"- {md_escape(' '.join(item.split()))}" for item in block.items] + [""]
    if block.kind == "figures":
        return [" · ".join(f"**{md_escape(f['value'])}** {md_escape(f['label'])}" for f in block.figures), ""]
    if block.kind == "table":
        return _table(block.headers, block.rows, block.numeric)
    if block.kind == "quotes":
        lines = []
        for quote in block.quotes:
            lines += ["> " + line if line.strip() else ">" for line in md_escape(quote["text"]).split("\n")]
            lines += [">", f"> — *{md_escape(quote['cite'])}*", ""]
        return lines
    if block.kind == "chart" and block.chart.get("labels"):
        chart = block.chart
        rows = [[label, percent(value, chart["lang"], 1)] for label, value in zip(chart["labels"], chart["values"])]
        return _table([chart["title"], "%"], rows, [False, True])
    return []


def render_markdown(content: ReportContent) -> str:
    lines = [f"# {md_escape(content.title)}", "", f"*{md_escape(content.subtitle)}*", ""]
    for section in content.sections:
        lines += [f"## {md_escape(section.heading)}", ""]
        for block in section.blocks:
            lines += _block(block)
        for sub in section.subsections:
            lines += [f"### {md_escape(sub.heading)}", ""]
            for block in sub.blocks:
                lines += _block(block)
    lines += ["---", "", md_escape(content.generated), ""]
    return "\n".join(lines)


def write_markdown(content: ReportContent, target: Path) -> None:
    write_text(target, render_markdown(content))
