"""Small generated files with the options the README lists: `analyze` then `report` end with exit 0, or with one
`Error:` line; never a traceback. Files of 1, 2, 3, 5 and 30 rows, each option set at more than one size."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app

runner = CliRunner()
TEXTS = [
    "Queremos más buses de noche en el barrio norte",
    "Publiquen los contratos de obras en formato abierto",
    "Sin fundamento",
    "Queremos más buses de noche en el barrio norte",
    "acuerdo total",
    "Dados abertos sobre o orçamento da saúde em todos os municípios",
    "We need open data on public procurement",
    "Más iluminación en las plazas y parques del sector",
    '=HYPERLINK("http://x.example","clic")',
    "ok",
]
# Option sets as the README lists them; {col} placeholders are the generated file's columns.
OPTIONS = {
    "plain": ["--format", "html"],
    "ids-segments": ["--id-column", "id", "--segment-columns", "region", "--format", "md,xlsx"],
    "personal-ids-positions": ["--id-column", "correo", "--position-column", "opinion", "--format", "md,docx"],
    "questions-qdpx": ["--questions", "texto,otra", "--id-column", "id", "--format", "md,qdpx"],
    "where-context": ["--text-column", "texto", "--where", "region != 'Sur'", "--context-column", "tema", "--format", "md"],
}
SIZES = (1, 2, 3, 5, 30)
# Each option set at two sizes, every size at least twice (the whole matrix: CONSULTNLP_SMALL_FILES=all).
CASES = [(name, SIZES[(i + k) % len(SIZES)]) for i, name in enumerate(OPTIONS) for k in (0, 2)]


def _file(folder, n: int):
    rows = [
        {
            "id": i + 1,
            "texto": TEXTS[i % len(TEXTS)],
            "otra": TEXTS[(i + 3) % len(TEXTS)],
            "region": ["Norte", "Sur"][i % 2],
            "correo": f"persona{i}@example.org",
            "opinion": ["De acuerdo", "En desacuerdo", ""][i % 3],
            "tema": ["Transporte", "Datos"][i % 2],
        }
        for i in range(n)
    ]
    path = folder / f"rows{n}.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def _ok_or_one_error(result) -> None:
    if result.exit_code == 0:
        return
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    assert lines and lines[-1].startswith("Error: ") and "Traceback" not in result.output, result.output[-2000:]


def _cases():
    import os

    if os.environ.get("CONSULTNLP_SMALL_FILES") == "all":
        return list(itertools.product(OPTIONS, SIZES))
    return CASES


@pytest.mark.parametrize(("options", "n"), _cases(), ids=[f"{o}-{n}" for o, n in _cases()])
def test_small_files_analyze_then_report_never_trace(tmp_path, options, n):
    path = _file(tmp_path, n)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["analyze", str(path), "--out", str(out), "--quiet", "--cache-dir", str(tmp_path / "cache"), *OPTIONS[options]]
    )
    _ok_or_one_error(result)
    if result.exit_code == 0:
        again = runner.invoke(app, ["report", str(out), "--lang", "pt", "--quiet"])
        _ok_or_one_error(again)


def test_small_files_nothing_in_an_analysed_language_still_writes_every_table(tmp_path):
    # An unseen Pol.is export in Chinese (stop 42): every statement set aside for its language, so nothing was left to
    # group; the topic tables had no header and the privacy check refused to publish the run.
    texts = ["我有在台灣以外的地方叫過 Uber", "我覺得載客的司機都應該保意外險。", "uber就是叫派計程車，談不上運用閒置資源或是共乘"]
    path = tmp_path / "zh.csv"
    pd.DataFrame({"id": range(1, 7), "texto": texts * 2}).to_csv(path, index=False)
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--text-column",
            "texto",
            "--id-column",
            "id",
            "--quiet",
            "--cache-dir",
            str(tmp_path / "c"),
        ],
    )
    assert result.exit_code == 0, result.output[-2000:]
    for table in sorted((out / "tables").glob("*.csv")):
        assert len(pd.read_csv(table).columns) > 1, table.name  # a header, so the file still reads as its table
    comments = pd.read_csv(out / "comments.csv", dtype=str)
    assert set(comments["excluded"]) == {"language"}  # another language, not "no readable text"
