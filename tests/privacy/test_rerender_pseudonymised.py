"""``consultnlp report DIR`` on a run whose ids were pseudonymised: it re-renders, and nothing published shows a raw id."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
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
    result = runner.invoke(app, ["analyze", str(path), "--out", str(out), "--text-column", "comentario", "--id-column", "rut",
                                 "--quiet", "--cache-dir", str(tmp / "cache"), "--set", "topics.clustering=kmeans"])
    assert result.exit_code == 0, result.output
    return out, ruts


def _rut(body: int) -> str:
    total, factor = 0, 2
    for digit in reversed(str(body)):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    check = {10: "K", 11: "0"}.get(11 - total % 11, str(11 - total % 11))
    return f"{body:,}".replace(",", ".") + f"-{check}"


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
