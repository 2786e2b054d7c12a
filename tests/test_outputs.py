"""What goes into comments.* : every row, and the original text only when allowed."""

from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner

from consultnlp.cli import app

runner = CliRunner()
ROWS = [
    "Necesitamos más información sobre los contratos del hospital regional, mi correo es ana@example.org",
    "Meu CPF é 529.982.247-25 e quero dados abertos do orçamento da saúde",
    "Publiquen los contratos de obras públicas en formato abierto",
    "Queremos presupuestos participativos en cada comuna",
    "We need open data on public procurement and budgets",
    "",
    "xxx",
] * 3


def _analyze(tmp_path, *extra: str):
    path = tmp_path / "in.csv"
    pd.DataFrame({"comentario": ROWS, "region": ["Norte", "Sur", "Centro"] * 7}).to_csv(path, index=False)
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(path), "--out", str(out), "--quiet", "--no-cache", "--format", "md", *extra])
    assert result.exit_code == 0, result.output
    return out


def test_outputs_drop_original_text_removes_unredacted_text(tmp_path):
    out = _analyze(tmp_path, "--drop-original-text")
    for frame in (
        pd.read_parquet(out / "private" / "comments.parquet"),
        pd.read_csv(out / "private" / "comments.csv", dtype=str, keep_default_na=False),
    ):
        assert "text" not in frame.columns and "text_clean" not in frame.columns
        assert len(frame) == len(ROWS)
        assert frame["text_redacted"].str.contains("[CPF]", regex=False).sum() == 3
    raw = (out / "private" / "comments.csv").read_text(encoding="utf-8")
    assert "529.982.247-25" not in raw and "ana@example.org" not in raw
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["config"]["report"]["drop_original_text"] is True


def test_outputs_original_text_kept_by_default_but_never_text_clean(tmp_path):
    out = _analyze(tmp_path)
    frame = pd.read_parquet(out / "private" / "comments.parquet")
    assert frame["text"].tolist() == ROWS  # original, untouched, in input order (the analyst's working table)
    public = pd.read_parquet(out / "comments.parquet")
    assert "text" not in public.columns and public["text_redacted"].tolist() == frame["text_redacted"].tolist()
    assert "text_clean" not in frame.columns and "lemmas" not in frame.columns
    assert frame["excluded"].tolist()[5:7] == ["empty", "junk"]
