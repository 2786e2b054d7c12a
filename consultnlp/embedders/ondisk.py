"""Embeddings kept in a temporary file instead of memory, for corpora of a million comments and more.

The embeddings of the unique comments are 2 KB each (512 float32): 1.9 GB at a million,
9 GB at the 4.6 million of the EU summertime consultation. Every later stage reads them in
chunks or by groups of rows, so they need not all be in memory at once. :class:`DiskMatrix`
keeps them in an anonymous temporary file (deleted by the operating system when the process
ends, also after a crash) and maps the file only for the duration of one read or write. A
mapping kept open would count every page read so far in the process's memory; mapped per
access, pages stay in the page cache, which the kernel reclaims when it needs memory.

numpy's ``memmap`` does the mapping; this module only decides when to map and unmap.
"""

from __future__ import annotations

import tempfile
from typing import Any

import numpy as np


class DiskMatrix:
    """A float32 (rows x dims) matrix in a temporary file; ``m[key]`` reads rows into memory.

    ``key`` is anything numpy accepts for the first axis (a slice, an integer array, a mask).
    Stages index it the way they index an array (``embeddings[rows]``, ``embeddings[a:b]``).
    """

    dtype = np.dtype(np.float32)
    ndim = 2

    def __init__(self, rows: int, dims: int) -> None:
        self.shape = (int(rows), int(dims))
        self._file = tempfile.TemporaryFile(prefix="consultnlp-embeddings-")  # in TMPDIR
        self._file.truncate(max(1, rows * dims * self.dtype.itemsize))  # sparse: unwritten rows read as zeros

    def __len__(self) -> int:
        return self.shape[0]

    def _map(self, mode: str) -> np.memmap:
        return np.memmap(self._file, dtype=self.dtype, mode=mode, shape=self.shape)

    def __getitem__(self, key: Any) -> np.ndarray:
        if self.shape[0] == 0:
            return np.zeros((0, self.shape[1]), dtype=self.dtype)[key]
        mapped = self._map("r")
        out = np.array(mapped[key])
        del mapped  # the last reference: the file is unmapped now and its pages leave this process
        return out

    def __setitem__(self, key: Any, value: np.ndarray) -> None:
        mapped = self._map("r+")
        mapped[key] = value
        mapped.flush()
        del mapped

    def close(self) -> None:
        self._file.close()


def new_matrix(rows: int, dims: int, *, on_disk: bool) -> np.ndarray | DiskMatrix:
    """A zero (rows x dims) float32 matrix, in memory or in a temporary file."""
    if on_disk:
        return DiskMatrix(rows, dims)
    return np.zeros((rows, dims), dtype=np.float32)
