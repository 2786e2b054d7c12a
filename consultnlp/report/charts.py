"""Horizontal bar charts with matplotlib: inline SVG for HTML, PNG for DOCX."""

from __future__ import annotations

import io
import textwrap
from typing import Any

from consultnlp.report.i18n import percent


def _figure(chart: dict[str, Any]):  # noqa: ANN202 - matplotlib Figure
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [textwrap.shorten(label, 48, placeholder="…") for label in chart["labels"]][::-1]
    values = list(chart["values"])[::-1]
    height = 0.8 + 0.36 * max(len(labels), 1)
    fig, ax = plt.subplots(figsize=(7.2, height), dpi=110)
    bars = ax.barh(range(len(values)), values, color="#2b6cb0")
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    ax.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    top = max(values) if values else 1
    ax.set_xlim(0, top * 1.18 if top else 1)
    for bar, value in zip(bars, values):
        ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, percent(value, chart["lang"], 1), va="center", fontsize=8.5)
    fig.tight_layout()
    return fig


def chart_svg(chart: dict[str, Any]) -> str:
    """An inline ``<svg>`` element (text kept as text, so it stays searchable and scales)."""
    import matplotlib
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "consultnlp"  # stable element ids: same input, same file
    fig = _figure(chart)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def chart_png(chart: dict[str, Any]) -> bytes:
    import matplotlib.pyplot as plt

    fig = _figure(chart)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()
