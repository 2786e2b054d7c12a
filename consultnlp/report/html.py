"""The self-contained HTML report: no script, no external resource, citizen text escaped."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from consultnlp.report.charts import chart_svg
from consultnlp.report.content import ReportContent
from consultnlp.report.files import write_text

TEMPLATES = Path(__file__).resolve().parent / "templates"


def render_html(content: ReportContent) -> str:
    """Render the report. Autoescaping is on: every string from the data is escaped."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    svgs: dict[int, str] = {}
    for section in content.sections:
        for sec in [section, *section.subsections]:
            for block in sec.blocks:
                if block.kind == "chart" and block.chart.get("labels"):
                    block.chart_id = len(svgs)  # type: ignore[attr-defined]
                    # matplotlib writes text into SVG with XML escaping, so labels cannot inject markup.
                    svgs[block.chart_id] = chart_svg(block.chart)  # type: ignore[attr-defined]
    return env.get_template("report.html.j2").render(c=content, svgs=svgs)


def write_html(content: ReportContent, target: Path) -> None:
    write_text(target, render_html(content))
