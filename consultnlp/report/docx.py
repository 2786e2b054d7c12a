"""The Word report: same content and headings as the HTML, editable before publishing."""

from __future__ import annotations

import io
from pathlib import Path

from consultnlp.report.charts import chart_png
from consultnlp.report.content import Block, ReportContent
from consultnlp.report.files import atomic_path


def _illegal_xml_free(text: str) -> str:
    # Word's XML rejects control characters that citizens sometimes paste.
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)


def _add_block(document, block: Block) -> None:  # noqa: ANN001 - python-docx Document
    from docx.shared import Inches, Pt

    if block.kind == "p":
        document.add_paragraph(_illegal_xml_free(block.text))
    elif block.kind == "table" and block.headers:
        table = document.add_table(rows=1, cols=len(block.headers))
        table.style = "Light Grid Accent 1"
        for cell, header in zip(table.rows[0].cells, block.headers):
            cell.text = _illegal_xml_free(header)
        for row in block.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = _illegal_xml_free(str(value))
    elif block.kind == "quotes":
        for quote in block.quotes:
            para = document.add_paragraph(_illegal_xml_free(quote["text"]), style="Quote")
            cite = para.add_run("\n— " + _illegal_xml_free(quote["cite"]))
            cite.font.size = Pt(8)
    elif block.kind == "chart" and block.chart.get("labels"):
        document.add_picture(io.BytesIO(chart_png(block.chart)), width=Inches(6.2))


def write_docx(content: ReportContent, target: Path) -> None:
    """Write ``report.docx`` with Heading 1/2/3 matching the HTML's h1/h2/h3."""
    from docx import Document

    document = Document()
    document.core_properties.title = content.title
    document.add_heading(_illegal_xml_free(content.title), level=1)
    document.add_paragraph(_illegal_xml_free(content.subtitle))
    for section in content.sections:
        document.add_heading(_illegal_xml_free(section.heading), level=2)
        for block in section.blocks:
            _add_block(document, block)
        for sub in section.subsections:
            document.add_heading(_illegal_xml_free(sub.heading), level=3)
            for block in sub.blocks:
                _add_block(document, block)
    document.add_paragraph(content.generated)
    with atomic_path(target) as tmp:
        document.save(str(tmp))
