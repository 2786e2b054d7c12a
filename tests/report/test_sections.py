"""Report sections that have nothing to say are left out, not printed as an empty heading."""

from __future__ import annotations

import re

import pandas as pd

from consultnlp import schema
from tests.report.frames import golden_frame, render_report


def _report(frame: pd.DataFrame, segment_columns: list[str]) -> str:
    return render_report(frame, "en", tuple(segment_columns))


def test_who_took_part_only_when_there_is_a_language_or_segment_to_show():
    # Full Chile 2016 (one language, no segment column) printed "## Quién participó" with nothing under it.
    frame = golden_frame()
    assert "## Who took part\n\n### Languages" in _report(frame, ["region"])
    one_language = frame.copy()
    one_language[schema.LANG] = "es"
    report = _report(one_language, [])
    assert "## Who took part" not in report and "## How this report was produced" in report


def test_quotes_name_the_prompt_their_contribution_answers():
    # Full Chile 2016: «Pública, gratuita y de calidad…» quoted among the reasons of those "against", with nothing to
    # say against what: each row answers a concept, and the quote's cite now names it.
    frame = golden_frame()
    frame[schema.CONTEXT] = ["Salud" if i % 2 else "Datos abiertos" for i in range(len(frame))]
    report = _report(frame, ["region"])
    quoted = re.findall(r"^> — \*(.+)\*$", report, re.M)
    assert quoted, report
    prompts = frame[schema.CONTEXT]
    for cite in quoted:
        comment_id, _, on = cite.replace("\\", "").partition(", ")
        assert on == f"on “{prompts[comment_id]}”", cite
    # Without prompts, the cite is the comment id alone.
    assert all(", on " not in cite for cite in re.findall(r"^> — \*(.+)\*$", _report(golden_frame(), ["region"]), re.M))
