"""``consultnlp report DIR`` on a run whose ids were pseudonymised: it re-renders, and nothing published shows a raw id."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.privacy.validators import rut_check_digit
from tests.conftest import SAMPLE_CSV

runner = CliRunner()


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[Path, list[str]]:
    tmp = tmp_path_factory.mktemp("pseudo-rerender")
    texts = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False)["comentario"].head(120).tolist()
    # Chilean RUTs (valid check digits) as the ids: personal data, so every published file shows pseudonyms.
    ruts = [_rut(10_000_000 + 7919 * i) for i in range(len(texts))]
    path = tmp / "consulta.csv"
    pd.DataFrame({"rut": ruts, "comentario": texts}).to_csv(path, index=False)
    out = tmp / "out"
    result = runner.invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--text-column",
            "comentario",
            "--id-column",
            "rut",
            "--quiet",
            "--cache-dir",
            str(tmp / "cache"),
            "--set",
            "topics.clustering=kmeans",
        ],
    )
    assert result.exit_code == 0, result.output
    return out, ruts


def _rut(body: int) -> str:
    return f"{body:,}".replace(",", ".") + f"-{rut_check_digit(str(body))}"


def test_rerender_pseudonymised_run_rerenders(run):
    out, ruts = run
    result = runner.invoke(app, ["report", str(out), "--lang", "pt"])
    assert result.exit_code == 0, result.output
    assert (out / "report.html").is_file()


def test_rerender_pseudonymised_review_file_shows_pseudonyms_only(run):
    out, ruts = run
    review = (out / "topics_review.yaml").read_text(encoding="utf-8")
    assert not [r for r in ruts if r in review]
    assert "p-" in review


def test_rerender_pseudonymised_split_off_names_a_pseudonym(run, tmp_path):
    """The review file shows pseudonyms, so its split_off names comments by pseudonym; the re-render applies it."""
    import re
    import shutil

    import yaml

    source, ruts = run
    out = shutil.copytree(source, tmp_path / "out")
    review = yaml.safe_load((out / "topics_review.yaml").read_text(encoding="utf-8"))
    topic = next(t for t in review["topics"] if t["id"] >= 0 and t["examples"])
    pseudonym = re.match(r"(p-[0-9a-f]{12})", topic["examples"][0]).group(1)
    topic["split_off"] = [pseudonym]
    (out / "topics_review.yaml").write_text(yaml.safe_dump(review, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["report", str(out), "--format", "md"])
    assert result.exit_code == 0, result.output
    public = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False).set_index("comment_id")
    assert public.loc[pseudonym, "topic_id"] == "-1"
    working = pd.read_parquet(out / "private" / "comments.parquet").set_index("public_id")
    assert working.loc[pseudonym, "comment_id"] in ruts
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert pseudonym in manifest and not [r for r in ruts if r in manifest]
    assert not [r for r in ruts if r in (out / "report.md").read_text(encoding="utf-8")]
