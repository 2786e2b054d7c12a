"""The report's content model: sections of blocks, final text in the report language.

Keeping one content model means HTML, Markdown and DOCX say the same thing: same
headings, same numbers, same quotes. Renderers only escape and lay out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Block:
    """One piece of a section.

    ``p`` (``text``), ``list`` (``items``), ``figures`` (key numbers: ``figures``
    as value/label pairs), ``table`` (``headers``, ``rows``, ``numeric`` per
    column), ``quotes`` (``quotes``: text and cite) or ``chart`` (``chart``).
    """

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    figures: list[dict[str, str]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    numeric: list[bool] = field(default_factory=list)
    quotes: list[dict[str, str]] = field(default_factory=list)
    chart: dict[str, Any] = field(default_factory=dict)


@dataclass
class Section:
    id: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)


@dataclass
class ReportContent:
    lang: str
    title: str
    subtitle: str
    generated: str
    sections: list[Section]

    def headings(self) -> list[tuple[int, str]]:
        """(level, text) of every heading in order: 1 title, 2 sections, 3 subsections."""
        out = [(1, self.title)]
        for section in self.sections:
            out.append((2, section.heading))
            out += [(3, sub.heading) for sub in section.subsections]
        return out
