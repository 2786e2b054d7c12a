"""A survey with two open questions, analysed without options: one contribution per respondent and question, reported by question."""

from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner

from consultnlp.cli import app
from tests.conftest import SAMPLE_XLSX


def test_questions_survey_end_to_end(tmp_path):
    sample = pd.read_excel(SAMPLE_XLSX, sheet_name="Respuestas", dtype=str).fillna("")
    n = 160
    form = pd.DataFrame(
        {
            "Carimbo de data/hora": ["02/03/2026 10:00:00"] * n,
            "Endereço de e-mail": [f"p{i}@respondents.invalid" for i in range(n)],
            "Região": sample["region"][:n].to_numpy(),
            "O que precisa melhorar?": sample["comentario"][:n].to_numpy(),
            "O que você propõe?": sample["comentario"][n : 2 * n].to_numpy(),
        }
    )
    path = tmp_path / "form.csv"
    form.to_csv(path, index=False)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--format",
            "md",
            "--quiet",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--set",
            "topics.clustering=kmeans",
        ],
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["platform"] == "google-forms" and manifest["input"]["questions"] == [
        "O que precisa melhorar?",
        "O que você propõe?",
    ]
    assert manifest["input"]["dropped_columns"] == ["Endereço de e-mail"]
    comments = pd.read_parquet(out / "comments.parquet")
    assert (
        len(comments) == 2 * n
        and "Endereço de e-mail" not in comments
        and not comments.astype(str).apply(lambda c: c.str.contains("@respondents.invalid")).any().any()
    )
    # Row accounting per question: each question's rows = analysed + set aside, and the questions add up to the input.
    per_question = pd.read_csv(out / "tables" / "segment_question.csv").set_index("question")
    assert per_question["contributions"].to_dict() == {"O que precisa melhorar?": n, "O que você propõe?": n}
    assert (per_question["contributions"] == per_question["analysed"] + per_question["excluded"]).all()
    assert per_question["analysed"].sum() == manifest["rows"]["analysed"]
    # Topics by question, and themes tested by question like any segment.
    topic_question = pd.read_csv(out / "tables" / "topic_question.csv")
    assert topic_question.groupby("segment")["contributions"].sum().to_dict() == per_question["analysed"].to_dict()
    assert set(pd.read_csv(out / "tables" / "theme_segment.csv")["segment_column"]) == {"question"}
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "O que você propõe?" in report
