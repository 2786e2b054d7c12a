"""A person's name found in one row is hidden wherever else the run publishes it (claim check 76, Chile 2016 minutes)."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.privacy.names import unusual_names
from tests.conftest import SAMPLE_CSV

runner = CliRunner()


def test_unusual_names_are_full_names_or_words_no_list_knows():
    texts = ["Iván señala que no. Yarela argumenta que sí.", "Atentamente, Fernanda Rozas", "Gonzalo opina que sí. Rosa también."]
    # «Iván» and «Gonzalo» are given names other people have: only a full name or a word no list knows travels.
    assert unusual_names(texts) == {"Yarela", "Fernanda Rozas"}


def test_a_name_found_in_one_row_is_hidden_in_the_others(tmp_path):
    # «Gayle señala que…» was found in one row of a meeting's minutes; «Gayle da respaldo a…» in two others was not, and
    # was published in comments.csv.
    texts = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False)["comentario"].head(60).tolist()
    texts[3] = "Iván señala que falta transporte nocturno. Yarela argumenta que los buses deben llegar a la villa."
    texts[17] = "La mesa concluye que el transporte es clave. Yarela da respaldo a la idea de buses de noche en la villa."
    path = tmp_path / "actas.csv"
    pd.DataFrame({"comentario": texts}).to_csv(path, index=False)
    out = tmp_path / "out"
    args = ["analyze", str(path), "--out", str(out), "--quiet", "--cache-dir", str(tmp_path / "cache"), "--set", "topics.clustering=kmeans"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    published = (out / "comments.csv").read_text(encoding="utf-8")
    assert "Yarela" not in published and "Iván" not in published
    assert "da respaldo a la idea de buses" in published  # the rest of that row is still there
