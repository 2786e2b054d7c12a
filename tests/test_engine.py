"""The Dask engine gives the same tables as a local run (LocalCluster, 2 workers)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from tests.conftest import SAMPLE_CSV

runner = CliRunner()


def _run(out, cache, *extra: str) -> None:
    args = ["analyze", str(SAMPLE_CSV), "--out", str(out), "--quiet", "--id-column", "id", "--text-column", "comentario",
            "--segment-columns", "region", "--format", "xlsx,md", "--cache-dir", str(cache), *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


def test_engine_dask_tables_identical_to_local(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    _run(tmp_path / "local", tmp_path / "cache-local")
    # Separate caches: the Dask run must compute its own embeddings on the workers.
    _run(tmp_path / "dask", tmp_path / "cache-dask", "--engine", "dask", "--set", "partition_rows=100")
    local_tables = sorted(p.name for p in (tmp_path / "local" / "tables").glob("*.csv"))
    assert local_tables == sorted(p.name for p in (tmp_path / "dask" / "tables").glob("*.csv"))
    for name in local_tables + ["../comments.csv"]:
        a = (tmp_path / "local" / "tables" / name).read_bytes()
        b = (tmp_path / "dask" / "tables" / name).read_bytes()
        assert a == b, name
    import json

    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text())
    assert manifest["stats"]["engine"]["engine"] == "dask" and manifest["stats"]["engine"]["workers"] == 2


def test_engine_dask_bad_scheduler_is_one_line_error(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    args = ["analyze", str(SAMPLE_CSV), "--out", str(tmp_path / "o"), "--quiet", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:1'")
