"""Horizontal bar charts with matplotlib: inline SVG for HTML, PNG for DOCX."""

from __future__ import annotations

import hashlib
import io
import textwrap
from typing import Any

from consultnlp.i18n import percent

LABEL_WIDTH = 34  # characters per label line
LABEL_LINES = 2
BAR_COLOUR = "#1f5f99"


def chart_label(text: str) -> str:
    """A label on at most two lines, ``$`` escaped so matplotlib never reads it as mathematics."""
    lines = textwrap.wrap(" ".join(str(text).split()), LABEL_WIDTH) or [""]
    if len(lines) > LABEL_LINES:
        lines = lines[: LABEL_LINES - 1] + [textwrap.shorten(" ".join(lines[LABEL_LINES - 1 :]), LABEL_WIDTH, placeholder="…")]
    return "\n".join(lines).replace("$", r"\$")


def _figure(chart: dict[str, Any]):  # noqa: ANN202 - matplotlib Figure
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [chart_label(label) for label in chart["labels"]][::-1]
    values = [float(v) for v in chart["values"]][::-1]
    two_line = any("\n" in label for label in labels)
    height = 0.5 + (0.46 if two_line else 0.36) * max(len(labels), 1)
    with plt.rc_context({"font.family": "DejaVu Sans", "font.size": 10}):
        fig, ax = plt.subplots(figsize=(7.2, height), dpi=110)
        bars = ax.barh(range(len(values)), values, color=BAR_COLOUR, height=0.7)
        ax.set_yticks(range(len(labels)), labels, fontsize=10)
        ax.tick_params(axis="y", length=0)
        ax.xaxis.set_visible(False)
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        ax.spines["left"].set_color("#a0aec0")
        top = max(values) if values else 1
        ax.set_xlim(0, top * 1.16 if top else 1)
        ax.set_ylim(-0.6, len(values) - 0.4)
        for bar, value in zip(bars, values):
            ax.text(
                bar.get_width() + top * 0.012,
                bar.get_y() + bar.get_height() / 2,
                percent(value, chart["lang"], 1),
                va="center",
                fontsize=9.5,
                color="#1a202c",
            )
        fig.tight_layout(pad=0.4)
    return fig


def chart_svg(chart: dict[str, Any]) -> str:
    """An inline ``<svg>`` element (text kept as text, so it stays searchable and scales)."""
    import matplotlib
    import matplotlib.pyplot as plt

    # Element ids are hashed with this salt: stable for the same chart, distinct between charts of one page.
    salt = hashlib.sha256(repr((chart.get("title"), chart["labels"], chart["values"])).encode()).hexdigest()[:12]
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        fig = _figure(chart)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def chart_png(chart: dict[str, Any]) -> bytes:
    import matplotlib.pyplot as plt

    fig = _figure(chart)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()
