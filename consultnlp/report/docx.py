"""The Word report: same content and headings as the HTML, editable before publishing."""

from __future__ import annotations

import io
from pathlib import Path

from consultnlp.errors import missing_dependency
from consultnlp.files import atomic_path
from consultnlp.report.charts import chart_png
from consultnlp.report.model import Block, ReportContent
from consultnlp.report.safety import clean_text


def _text(text: str) -> str:
    # Word's XML rejects control characters that citizens sometimes paste.
    return clean_text(str(text))


def _add_table(document, headers: list[str], rows: list[list[str]], numeric: list[bool]) -> None:  # noqa: ANN001
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Light Grid Accent 1"
    for i, (cell, header) in enumerate(zip(table.rows[0].cells, headers)):
        cell.text = _text(header)
        if i < len(numeric) and numeric[i]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in rows:
        cells = table.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, row)):
            cell.text = _text(value)
            if i < len(numeric) and numeric[i]:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()


def _add_block(document, block: Block) -> None:  # noqa: ANN001 - python-docx Document
    from docx.shared import Inches, Pt

    if block.kind == "p":
        document.add_paragraph(_text(block.text))
    elif block.kind == "list":
        for item in block.items:
            document.add_paragraph(_text(item), style="List Bullet")
    elif block.kind == "figures":
        para = document.add_paragraph()
        for i, figure in enumerate(block.figures):
            value = para.add_run(("   " if i else "") + _text(figure["value"]) + " ")
            value.bold = True
            value.font.size = Pt(16)
            para.add_run(_text(figure["label"]))
    elif block.kind == "table" and block.headers:
        _add_table(document, block.headers, block.rows, block.numeric)
    elif block.kind == "quotes":
        for quote in block.quotes:
            para = document.add_paragraph(_text(quote["text"]), style="Quote")
            cite = para.add_run("\n— " + _text(quote["cite"]))
            cite.font.size = Pt(8)
    elif block.kind == "chart" and block.chart.get("labels"):
        caption = document.add_paragraph()
        caption.add_run(_text(block.chart["title"])).bold = True
        document.add_picture(io.BytesIO(chart_png(block.chart)), width=Inches(6.2))


def write_docx(content: ReportContent, target: Path) -> None:
    """Write ``report.docx`` with Heading 1/2/3 matching the HTML's h1/h2/h3."""
    try:
        from docx import Document
    except ImportError as exc:  # pragma: no cover - python-docx is a core dependency
        raise missing_dependency("python-docx", None, "Writing report.docx") from exc

    document = Document()
    document.core_properties.title = _text(content.title)
    document.add_heading(_text(content.title), level=1)
    document.add_paragraph(_text(content.subtitle))
    for section in content.sections:
        document.add_heading(_text(section.heading), level=2)
        for block in section.blocks:
            _add_block(document, block)
        for sub in section.subsections:
            document.add_heading(_text(sub.heading), level=3)
            for block in sub.blocks:
                _add_block(document, block)
    document.add_paragraph(_text(content.generated))
    with atomic_path(target) as tmp:
        document.save(str(tmp))
