"""Segment values spelt two ways are one value (``ingest.segments.merge_spellings``)."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.ingest.segments import merge_spellings
from tests.conftest import SAMPLE_CSV


def test_segments_values_that_differ_only_in_capitals_accents_punctuation_or_spaces_are_one():
    # Claim check 93 (PNDBio 2025): «CAPÍTULO 7: SALVAGUARDAS…» (11) and «CAPÍTULO 7 - SALVAGUARDAS…» (8) were two chapters.
    frame = pd.DataFrame(
        {
            "capitulo": ["CAPÍTULO 7: SALVAGUARDAS"] * 3
            + ["CAPÍTULO 7 - SALVAGUARDAS"] * 2
            + ["Capitulo 7  salvaguardas", "NDA", "NÃO IDENTIFICADO", None],
            "region": ["Norte", "norte", "Sur", "Sur", "Sur", "Sur", "Sur", "Sur", "Sur"],
        }
    )
    assert merge_spellings(frame, ["capitulo", "region"]) == {"capitulo": 2, "region": 1}
    assert frame["capitulo"].value_counts().to_dict() == {"CAPÍTULO 7: SALVAGUARDAS": 6, "NDA": 1, "NÃO IDENTIFICADO": 1}
    assert frame["capitulo"].isna().sum() == 1  # a blank stays blank; "NDA" and «NÃO IDENTIFICADO» are different words
    assert set(frame["region"]) == {"Norte", "Sur"}  # a tie: the first in sorted order
    assert merge_spellings(frame, ["capitulo"]) == {}  # nothing left to merge


def test_segments_merged_spellings_are_said_in_the_report(tmp_path):
    texts = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False)["comentario"]
    texts = [t for t in texts if len(t) > 60][:40]
    source = tmp_path / "export.csv"
    chapters = ["Capítulo 7: Salvaguardas", "CAPÍTULO 7 - SALVAGUARDAS", "Capítulo 1"] * 13 + ["Capítulo 1"]
    pd.DataFrame({"texto": texts, "capitulo": chapters}).to_csv(source, index=False)
    out = tmp_path / "out"
    args = [
        "analyze",
        str(source),
        "--text-column",
        "texto",
        "--segment-columns",
        "capitulo",
        "--out",
        str(out),
        "--quiet",
        "--format",
        "md",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    published = pd.read_csv(out / "comments.csv", dtype=str)
    # A tie (13 each): the first in sorted order.
    assert published["capitulo"].value_counts().to_dict() == {"CAPÍTULO 7 - SALVAGUARDAS": 26, "Capítulo 1": 14}
    assert "1 valor escrito de otra forma" in (out / "report.md").read_text(encoding="utf-8")
