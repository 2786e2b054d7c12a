"""Learning from the analyst (issue 22): corrections in a review file become codebook examples for the next run."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.errors import InputError
from consultnlp.taxonomy import load_taxonomy
from consultnlp.themes.fewshot import read_review, with_examples
from consultnlp.themes.zeroshot import CodebookTagger
from tests.conftest import NAME_ONLY


def test_themes_review_file_errors_name_the_comment_and_the_fix(write_file):
    taxonomy = load_taxonomy(str(write_file("ciudad.yaml", NAME_ONLY)))
    good = write_file("r.yaml", "comments:\n  C-1: [transporte, transporte]\n  C-2: agua\n  C-3: []\n")
    assert read_review(good, taxonomy) == {"C-1": ["transporte"], "C-2": ["agua"], "C-3": []}
    with pytest.raises(InputError, match=r"comment C-1: unknown theme 'bus'. Themes of 'ciudad': agua, salud, transporte."):
        read_review(write_file("bad.yaml", "comments:\n  C-1: [bus]\n"), taxonomy)
    with pytest.raises(InputError, match="expected a mapping 'comments:'"):
        read_review(write_file("flat.yaml", "- C-1\n"), taxonomy)


def test_themes_analyst_corrections_change_the_next_runs_tags(write_file):
    from consultnlp.embedders import TextEncoder
    from consultnlp.embedders.use import UseEmbedder

    taxonomy = load_taxonomy(str(write_file("ciudad.yaml", NAME_ONLY)))
    encoder = TextEncoder(UseEmbedder(threads=2))
    comment = "El bus de la línea 5 pasa cada cuarenta minutos y el metro va repleto."
    # A name alone is far from this comment: no theme (0.35, below the threshold).
    before = CodebookTagger(taxonomy).fit([comment], encoder).assign(encoder.encode([comment]), [comment], ["es"], [{}], [9])[0]
    assert before.themes == []
    # The analyst set two other comments of the run right: they become examples of "transporte".
    review = {"C-1": ["transporte"], "C-2": ["transporte"], "C-3": ["agua"], "C-404": ["salud"]}
    texts = {
        "C-1": "La micro de mi barrio pasa cada media hora y va llena.",
        "C-2": "Los buses nocturnos no pasan nunca.",
        "C-3": "Sale agua turbia de la llave.",
    }
    learned, added, missing = with_examples(taxonomy, review, texts, {"C-1": "es", "C-2": "es", "C-3": "es"})
    assert added == {"transporte": 2, "agua": 1} and missing == ["C-404"]
    after = CodebookTagger(learned).fit([comment], encoder).assign(encoder.encode([comment]), [comment], ["es"], [{}], [9])[0]
    assert after.themes == ["transporte"]


def test_themes_learn_cli_writes_a_valid_codebook(write_file, tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    (run / "manifest.json").write_text(json.dumps({"config": {"themes": {"taxonomy": str(write_file("ciudad.yaml", NAME_ONLY))}}}))
    pd.DataFrame({"comment_id": ["C-1", "C-2"], "text_redacted": ["La micro va llena.", "Sin agua."], "lang": ["es", "es"]}).to_parquet(
        run / "comments.parquet"
    )
    (run / "themes_review.yaml").write_text("comments:\n  C-1: [transporte]\n  C-2: [agua]\n  C-9: [salud]\n")
    runner = CliRunner()
    result = runner.invoke(app, ["themes", "learn", str(run), "--out", str(tmp_path / "learned.yaml")])
    assert result.exit_code == 0, result.output
    assert "Examples added per theme: agua 1, transporte 1." in result.output
    assert "1 reviewed id(s) are not comments of this run, skipped: C-9." in result.output
    learned = load_taxonomy(str(tmp_path / "learned.yaml"))
    assert learned.get("transporte").examples == {"es": ["La micro va llena."]} and learned.get("salud").examples == {}
    bad = runner.invoke(app, ["themes", "learn", str(tmp_path), "--out", str(tmp_path / "x.yaml")])
    assert bad.exit_code == 1 and "not a run folder (no manifest.json)" in bad.output


def test_themes_evaluate_a_codebook_against_its_baseline(write_file, tmp_path):
    base = write_file("ciudad.yaml", NAME_ONLY)
    learned = write_file(
        "learned.yaml",
        NAME_ONLY.replace(
            "    name: {es: Transporte público}\n",
            '    name: {es: Transporte público}\n    examples: {es: ["La micro de mi barrio pasa cada media hora y va llena.", "Los buses nocturnos no pasan nunca."]}\n',
        ),
    )
    data = write_file(
        "labelled.csv",
        (
            "text,theme\n"
            "El bus de la línea 5 pasa cada cuarenta minutos y el metro va repleto.,transporte\n"
            "La micro 210 no pasa los domingos y hay que caminar veinte cuadras.,transporte\n"
            "Llevamos tres días sin agua potable en la población.,agua\n"
            "Esperé ocho meses por una hora con el cardiólogo en el hospital.,salud\n"
        ),
    )
    result = CliRunner().invoke(
        app,
        [
            "themes",
            "evaluate",
            str(learned),
            str(data),
            "--text-column",
            "text",
            "--label-column",
            "theme",
            "--baseline",
            str(base),
            "--out",
            str(tmp_path / "m.json"),
            "--quiet",
            "--no-cache",
        ],
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads((tmp_path / "m.json").read_text())
    with_examples_, names_only = metrics[str(learned)], metrics[str(base)]
    assert with_examples_["rows"] == names_only["rows"] == 4
    assert with_examples_["top1_accuracy"] == 1.0
    assert with_examples_["recall"] > names_only["recall"]
    assert result.output.splitlines()[-1].startswith("difference  ")
    wrong = write_file("wrong.csv", "text,theme\nAlgo.,buses\n")
    bad = CliRunner().invoke(
        app, ["themes", "evaluate", str(base), str(wrong), "--text-column", "text", "--label-column", "theme", "--quiet", "--no-cache"]
    )
    assert bad.exit_code == 1 and "labels buses are not themes of 'ciudad'" in bad.output
