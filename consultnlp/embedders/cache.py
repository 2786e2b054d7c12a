"""On-disk embedding cache keyed by model and text hash.

Each run appends shards (``.npz`` with text digests and vectors) written
atomically, so an interrupted run keeps every finished chunk and a re-run
embeds only what is missing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

import numpy as np

DIGEST_BYTES = 16


def text_digests(texts: list[str]) -> np.ndarray:
    return np.array(
        [hashlib.blake2b(t.encode("utf-8", "surrogatepass"), digest_size=DIGEST_BYTES).digest() for t in texts],
        dtype=f"S{DIGEST_BYTES}",
    )


class EmbeddingCache:
    """Vectors of one embedding model, stored under ``root/<model key>/``."""

    def __init__(self, root: Path, model_key: str) -> None:
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in model_key)
        self.dir = Path(root) / "embeddings" / safe

    def shards(self) -> list[Path]:
        return sorted(self.dir.glob("shard-*.npz")) if self.dir.exists() else []

    def lookup(self, digests: np.ndarray, make: Callable[[int, int], Any]) -> tuple[Any | None, np.ndarray]:
        """Return (vectors or None, found mask) for ``digests``; rows not found are zero.

        ``make(rows, dims)`` creates the zero matrix the vectors go to (``ondisk.new_matrix``).
        """
        found = np.zeros(len(digests), dtype=bool)
        vectors: Any | None = None
        if len(digests) == 0:
            return vectors, found
        # Every position of a digest is filled, also when a text occurs more than once.
        order = np.argsort(digests, kind="stable")
        ordered = digests[order]
        for shard in self.shards():
            with np.load(shard) as data:
                keys = data["keys"]
                hit = np.isin(keys, digests)
                if not hit.any():
                    continue
                shard_vectors = data["vectors"][hit]
            if vectors is None:
                vectors = make(len(digests), shard_vectors.shape[1])
            left = np.searchsorted(ordered, keys[hit], side="left")
            counts = np.searchsorted(ordered, keys[hit], side="right") - left
            starts = np.repeat(left - np.cumsum(counts) + counts, counts)
            rows = order[starts + np.arange(int(counts.sum()))]
            vectors[rows] = shard_vectors[np.repeat(np.arange(len(counts)), counts)]
            found[rows] = True
        return vectors, found

    def store(self, digests: np.ndarray, vectors: np.ndarray) -> Path | None:
        """Write one shard atomically (temp file, then rename)."""
        if len(digests) == 0:
            return None
        self.dir.mkdir(parents=True, exist_ok=True)
        name = hashlib.blake2b(digests.tobytes(), digest_size=8).hexdigest()
        target = self.dir / f"shard-{name}.npz"
        fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, keys=digests, vectors=vectors.astype(np.float32))
        os.replace(tmp, target)
        return target
