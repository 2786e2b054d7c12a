"""The self-contained HTML report: no script, no external resource, citizen text escaped."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from consultnlp.files import write_text
from consultnlp.i18n import t
from consultnlp.report.charts import chart_svg
from consultnlp.report.model import Block, ReportContent

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _blocks(content: ReportContent) -> list[Block]:
    return [b for s in content.sections for sec in (s, *s.subsections) for b in sec.blocks]


def render_html(content: ReportContent) -> str:
    """Render the report. Autoescaping is on: every string from the data is escaped."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True
    )
    # matplotlib writes text into SVG with XML escaping, so labels cannot inject markup.
    svgs = {id(b): chart_svg(b.chart) for b in _blocks(content) if b.kind == "chart" and b.chart.get("labels")}
    return env.get_template("report.html.j2").render(
        c=content, svg_for=lambda b: svgs.get(id(b), ""), contents_label=t("contents", content.lang)
    )


def write_html(content: ReportContent, target: Path) -> None:
    write_text(target, render_html(content))
