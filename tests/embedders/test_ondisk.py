"""DiskMatrix: embeddings in a temporary file, indexed like an array."""

from __future__ import annotations

import numpy as np

from consultnlp.embedders.ondisk import DiskMatrix, new_matrix


def test_disk_matrix_reads_back_what_was_written_by_any_index():
    rng = np.random.default_rng(0)
    expected = np.zeros((40, 6), dtype=np.float32)
    matrix = DiskMatrix(40, 6)
    rows = rng.permutation(40)[:25]  # 15 rows never written: they read as zeros
    values = rng.normal(size=(25, 6)).astype(np.float32)
    matrix[rows[:10]] = values[:10]
    matrix[rows[10:]] = values[10:]
    expected[rows] = values
    assert matrix.shape == (40, 6) and len(matrix) == 40
    np.testing.assert_array_equal(matrix[0:40], expected)
    np.testing.assert_array_equal(matrix[7:19], expected[7:19])
    picks = np.array([39, 0, 5, 5, 12])
    np.testing.assert_array_equal(matrix[picks], expected[picks])
    mask = expected[:, 0] > 0
    np.testing.assert_array_equal(matrix[mask], expected[mask])
    out = matrix[picks]
    out[:] = 1.0  # a read is a copy: changing it leaves the file alone
    np.testing.assert_array_equal(matrix[picks], expected[picks])
    matrix.close()


def test_new_matrix_in_memory_or_on_disk_starts_at_zero():
    assert isinstance(new_matrix(3, 2, on_disk=False), np.ndarray)
    disk = new_matrix(3, 2, on_disk=True)
    assert isinstance(disk, DiskMatrix)
    np.testing.assert_array_equal(disk[:], np.zeros((3, 2), dtype=np.float32))
    empty = DiskMatrix(0, 4)
    assert empty[np.array([], dtype=np.int64)].shape == (0, 4)
