"""The Markdown report: the same content as the HTML, as plain text."""

from __future__ import annotations

import re
from pathlib import Path

from consultnlp.report.content import Block, ReportContent
from consultnlp.report.files import write_text

# Characters that Markdown (or the HTML a Markdown viewer makes) would interpret.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Escape Markdown and inline HTML so citizen text renders as the text it is."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _block(block: Block) -> list[str]:
    if block.kind == "p":
        return [md_escape(block.text), ""]
    if block.kind == "table":
        lines = ["| " + " | ".join(md_escape(h) for h in block.headers) + " |", "|" + "---|" * len(block.headers)]
        lines += ["| " + " | ".join(md_escape(v).replace("\n", " ") for v in row) + " |" for row in block.rows]
        return lines + [""]
    if block.kind == "quotes":
        lines = []
        for quote in block.quotes:
            lines += ["> " + line if line else ">" for line in md_escape(quote["text"]).split("\n")]
            lines += [f"> — *{md_escape(quote['cite'])}*", ""]
        return lines
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
