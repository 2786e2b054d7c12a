"""Shared fixtures: small hand-built frames, a deterministic fake embedder, paths to real data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.embedders.base import Embedder, l2_normalise

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CSV = ROOT / "data" / "samples" / "consulta_gobierno_abierto.csv"
SAMPLE_XLSX = ROOT / "data" / "samples" / "consulta_gobierno_abierto.xlsx"
SHARED = ROOT.parent / "shared" / "data" / "external"


SLOW_LIST = ROOT / "tests" / "slow_tests.txt"

# A codebook as analysts write the shortest ones: three themes, names only, one language (issue 22).
NAME_ONLY = """\
id: ciudad
name: {es: Ciudad}
version: "1"
languages: [es]
themes:
  - id: transporte
    name: {es: Transporte público}
  - id: agua
    name: {es: Agua potable}
  - id: salud
    name: {es: Salud}
"""


def pytest_collection_modifyitems(config, items):
    """Mark as ``slow`` the tests that took 10 s or more in the last measured run (``tests/slow_tests.txt``, written by
    ``make slow-list``). ``make test`` runs them all; ``make test-fast`` leaves them out while developing."""
    if not SLOW_LIST.is_file():
        return
    slow = {line.strip() for line in SLOW_LIST.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    for item in items:
        if item.nodeid in slow:
            item.add_marker(pytest.mark.slow)


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data/external, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not available: {path} is absent (clone the project beside ../shared to run this test)")
    return path


class FakeEmbedder(Embedder):
    """Deterministic bag-of-words hashing embedder: texts sharing words are close. For tests only."""

    name = "fake"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                h = int(hashlib.md5(word.encode()).hexdigest(), 16)
                out[i, h % self.dim] += 1.0 if (h >> 64) % 2 else -1.0
        out[:, 0] += 1e-3  # no all-zero rows
        return l2_normalise(out)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


def make_frame(texts: list[str], **columns: list) -> pd.DataFrame:
    """A frame as the pipeline hands it to the first stage."""
    index = pd.Index([f"c{i:03d}" for i in range(len(texts))], name=schema.COMMENT_ID)
    frame = pd.DataFrame({schema.ROW_NUMBER: range(1, len(texts) + 1), schema.TEXT: texts}, index=index)
    for name, values in columns.items():
        frame[name] = values
    frame[schema.EXCLUDED] = ""
    frame[schema.EXCLUDED_STAGE] = ""
    return frame


@pytest.fixture
def write_file(tmp_path: Path):
    """Write bytes or text to a file in tmp_path and return its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding=encoding, newline="")
        return path

    return _write


@pytest.fixture(scope="session")
def chile_sample_cache(tmp_path_factory) -> Path:
    """One embedding cache for the tests that embed the Chile 5k sample (the end-to-end run and the supervised themes
    test): the second reads the vectors the first computed, as a user's second run would. Tables do not depend on
    the cache (tests/test_determinism.py)."""
    return tmp_path_factory.mktemp("chile-sample-embeddings")
