"""Ids that hold another personal column's value are published as pseudonyms, so they stay distinct and traceable."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from consultnlp.cli import app
from tests.conftest import SAMPLE_CSV

runner = CliRunner()


def test_ids_that_hold_a_respondents_id_are_pseudonyms_not_redacted(tmp_path):
    # NHS feedback: «NEAS PTS 1125 - Q2» is the respondent's id («Respondent ID», a personal column) and the question. The
    # privacy gate redacted the respondent's part wherever it was published: 7,908 comment ids read as 3 («[REDACTED] - Q1»
    # ...), and no quote or key point could be traced back to its contribution.
    texts = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False)["comentario"].head(80).tolist()
    respondents = [f"RSP {40_000 + 37 * (i // 2)}" for i in range(len(texts))]
    ids = [f"{r} - Q{1 + i % 2}" for i, r in enumerate(respondents)]
    path = tmp_path / "feedback.csv"
    pd.DataFrame({"Comment ID": ids, "Respondent ID": respondents, "comentario": texts}).to_csv(path, index=False)
    out = tmp_path / "out"
    args = ["analyze", str(path), "--out", str(out), "--text-column", "comentario", "--id-column", "Comment ID", "--quiet"]
    result = runner.invoke(app, [*args, "--cache-dir", str(tmp_path / "cache"), "--set", "topics.clustering=kmeans"])
    assert result.exit_code == 0, result.output
    published = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False)["comment_id"]
    assert published.nunique() == len(ids)  # distinct, as the input's ids are
    assert not published.str.contains("REDACTED|RSP", regex=True).any(), published.head().tolist()
    quotes = pd.read_csv(out / "tables" / "quotes.csv", dtype=str, keep_default_na=False)
    assert set(quotes["comment_id"]) <= set(published)  # every quote traces back to a published row
