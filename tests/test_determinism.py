"""The same input gives the same tables, byte for byte, whatever the cache held and in whatever order the rows came.

Worker processes, the Dask engine and embeddings kept on disk are checked in ``tests/test_engine.py``;
``benchmarks/bench_determinism.py`` prints the whole matrix on the sample or the Chile 5k sample.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from tests.conftest import SAMPLE_CSV

runner = CliRunner()
ROWS = 200  # enough for UMAP + HDBSCAN (the default), small enough to run in seconds


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("determinism")
    frame = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False).head(ROWS)
    paths = {"file": tmp / "in.csv", "shuffled": tmp / "shuffled.csv"}
    frame.to_csv(paths["file"], index=False)
    frame.sample(frac=1.0, random_state=3).to_csv(paths["shuffled"], index=False)
    return paths


def _run(path: Path, out: Path, *extra: str) -> Path:
    result = runner.invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--quiet",
            "--text-column",
            "comentario",
            "--id-column",
            "id",
            "--segment-columns",
            "region",
            "--format",
            "md",
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return out


def _published(out: Path, *, by_id: bool = False) -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted((out / "tables").glob("*.csv"))}
    comments = (out / "comments.csv").read_bytes()
    if by_id:  # row_number is where the row was in the file: the one column shuffling changes
        frame = pd.read_csv(io.BytesIO(comments), dtype=str, keep_default_na=False)
        comments = frame.drop(columns=["row_number"]).sort_values("comment_id").to_csv(index=False).encode()
    files["comments.csv"] = comments
    return files


def test_determinism_fresh_warm_partial_and_no_cache_identical(inputs, tmp_path):
    fresh = _published(_run(inputs["file"], tmp_path / "fresh", "--cache-dir", str(tmp_path / "a")))
    warm = _published(_run(inputs["file"], tmp_path / "warm", "--cache-dir", str(tmp_path / "a")))
    # A cache that already holds some of the comments and keywords, embedded by another run: the rest
    # used to be embedded in other batches than in a fresh run, and got other vectors.
    from consultnlp.config import EmbedConfig
    from consultnlp.embedders import TextEncoder, make_embedder

    texts = pd.read_csv(inputs["file"], dtype=str, keep_default_na=False)["comentario"].tolist()[::3]
    words = ["transparencia", "datos", "salud", "contratos", "participación", "educación", "información", "público"]
    TextEncoder(make_embedder(EmbedConfig()), cache_dir=tmp_path / "b").encode(texts + words)
    partial = _published(_run(inputs["file"], tmp_path / "partial", "--cache-dir", str(tmp_path / "b")))
    uncached = _published(_run(inputs["file"], tmp_path / "none", "--no-cache"))
    assert len(fresh) > 5
    for name in fresh:
        assert fresh[name] == warm[name] == partial[name] == uncached[name], name


def test_determinism_shuffled_rows_identical_by_comment_id(inputs, tmp_path):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    ordered = _run(inputs["file"], tmp_path / "ordered", *cache)
    shuffled = _run(inputs["shuffled"], tmp_path / "shuffled", *cache)
    a, b = _published(ordered, by_id=True), _published(shuffled, by_id=True)
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], name
    # comments.* stay in the order of their own input file.
    ids = pd.read_csv(shuffled / "comments.csv", dtype=str)["comment_id"].tolist()
    assert ids == pd.read_csv(inputs["shuffled"], dtype=str)["id"].tolist()


def test_determinism_canonical_order_is_numeric_for_numeric_ids():
    from consultnlp.output import canonical_order, input_order

    frame = pd.DataFrame({"row_number": [1, 2, 3, 4], "x": list("abcd")}, index=pd.Index(["10", "9", "100", "1"], name="comment_id"))
    ordered = canonical_order(frame)
    assert ordered.index.tolist() == ["1", "9", "10", "100"]
    assert input_order(ordered).index.tolist() == ["10", "9", "100", "1"]
    mixed = frame.rename(index={"1": "a1"})
    assert canonical_order(mixed).index.tolist() == ["10", "100", "9", "a1"]
    already = frame.iloc[[3, 1, 0, 2]]
    assert canonical_order(already) is already  # nothing copied when already in order
