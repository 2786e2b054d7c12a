"""Local worker processes and the Dask engine give the same tables as a run in one process."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from tests.conftest import SAMPLE_CSV

runner = CliRunner()


def _run(out, cache, *extra: str) -> None:
    args = [
        "analyze",
        str(SAMPLE_CSV),
        "--out",
        str(out),
        "--quiet",
        "--id-column",
        "id",
        "--text-column",
        "comentario",
        "--segment-columns",
        "region",
        "--format",
        "xlsx,md",
        "--cache-dir",
        str(cache),
        *extra,
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """One run in this process (the sample's 644 rows are under ``partition_rows``): the tables every engine and
    every way of keeping the embeddings must give. Its output folder and its embedding cache, shared by the tests."""
    tmp = tmp_path_factory.mktemp("engine")
    _run(tmp / "reference", tmp / "cache-reference")
    return tmp / "reference", tmp / "cache-reference"


def _assert_same_outputs(a_dir, b_dir) -> None:
    tables = sorted(p.name for p in (a_dir / "tables").glob("*.csv"))
    assert tables and tables == sorted(p.name for p in (b_dir / "tables").glob("*.csv"))
    for name in tables + ["../comments.csv"]:
        assert (a_dir / "tables" / name).read_bytes() == (b_dir / "tables" / name).read_bytes(), name


def test_engine_local_workers_tables_identical_to_one_process(tmp_path, reference):
    # 644 rows in partitions of 100: clean, language, redact and lemmas run in 2 worker processes.
    _run(tmp_path / "two", tmp_path / "cache-two", "--set", "workers=2", "--set", "partition_rows=100")
    _assert_same_outputs(reference[0], tmp_path / "two")
    import json

    engine = json.loads((tmp_path / "two" / "manifest.json").read_text())["stats"]["engine"]
    assert engine == {"engine": "local", "workers": 2, "partition_rows": 100}


def test_engine_dask_tables_identical_to_local(tmp_path, reference):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    # Its own cache: the Dask run must compute its own embeddings on the workers.
    _run(tmp_path / "dask", tmp_path / "cache-dask", "--engine", "dask", "--set", "partition_rows=100")
    _assert_same_outputs(reference[0], tmp_path / "dask")
    import json

    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text())
    assert manifest["stats"]["engine"]["engine"] == "dask" and manifest["stats"]["engine"]["workers"] == 2


def test_engine_dask_bad_scheduler_is_one_line_error(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    args = ["analyze", str(SAMPLE_CSV), "--out", str(tmp_path / "o"), "--quiet", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:1'")


def _square(x: int) -> int:
    return x * x


def test_engine_local_release_stops_workers_and_later_work_starts_new_ones():
    from consultnlp.engine import LocalEngine

    engine = LocalEngine(workers=2, partition_rows=10)
    try:
        assert list(engine.map_chunks(_square, [1, 2, 3])) == [1, 4, 9]
        engine.release()
        assert engine._pool is None
        assert list(engine.map_chunks(_square, [4, 5])) == [16, 25]
    finally:
        engine.close()
    assert not engine.parallel_chunks(1) and engine.parallel_chunks(2)


def test_embeddings_on_disk_give_identical_tables(tmp_path, reference):
    """embed.in_memory_max=0 keeps the embeddings in a temporary file; computed or read from the cache, same tables."""
    import json

    memory, cache = reference  # the embeddings in memory, computed into ``cache``
    _run(tmp_path / "disk", tmp_path / "cache-b", "--set", "embed.in_memory_max=0")
    _run(tmp_path / "disk-cached", cache, "--set", "embed.in_memory_max=0")
    folders = {"memory": memory, "disk": tmp_path / "disk", "disk-cached": tmp_path / "disk-cached"}
    stats = {name: json.loads((folder / "manifest.json").read_text())["stats"] for name, folder in folders.items()}
    assert [s["embeddings_on_disk"] for s in stats.values()] == [False, True, True]
    assert stats["disk"]["embeddings_computed"] > 0 and stats["disk-cached"]["embeddings_computed"] == 0
    _assert_same_outputs(memory, tmp_path / "disk")
    _assert_same_outputs(memory, tmp_path / "disk-cached")
    quotes = [(folder / "private" / "state" / "quotes.npz").read_bytes() for folder in folders.values()]
    assert quotes[0] == quotes[1] == quotes[2]
