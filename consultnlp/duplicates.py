"""Duplicates and organised campaigns.

Exact duplicates share a normalised key (case, accents, punctuation and
spacing ignored). Near-duplicates (form letters with a changed greeting or an
added sentence) are found with MinHash LSH: ``datasketch`` signatures, banded
as its ``MinHashLSH`` does, which finds pairs above a Jaccard threshold in
roughly linear time (pairwise TF-IDF cosine cannot at 200k comments). Groups are connected components of the
pairs (``scipy.sparse.csgraph``).
"""

from __future__ import annotations

from functools import partial

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from consultnlp.engine import Engine, LocalEngine

NUM_PERM = 64
SHINGLE_WORDS = 3
SIGNATURE_CHUNK = 20_000  # keys per chunk of MinHash signatures (a unit of work for worker processes)
PAIR_CHUNK = 200_000  # candidate pairs verified per block


def shingles(key: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = key.split()
    if len(words) < size:
        return {key.encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signatures(keys: list[str], seed: int) -> np.ndarray:
    """MinHash signatures (one row of ``NUM_PERM`` hash values per key) of the keys' word 3-shingles."""
    from datasketch import MinHash

    if not keys:
        return np.zeros((0, NUM_PERM), dtype=np.uint64)
    hashes = MinHash.bulk([shingles(k) for k in keys], num_perm=NUM_PERM, seed=seed)
    return np.vstack([h.hashvalues for h in hashes])


def near_duplicate_pairs(keys: list[str], threshold: float, seed: int, *, engine: Engine | None = None) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of keys whose estimated Jaccard similarity of word 3-shingles is at least ``threshold``.

    Signatures are computed per key, so they run as chunks in the engine's worker
    processes. The LSH step is the banding of ``datasketch.MinHashLSH`` (its own choice of
    bands and rows for the threshold), done on the signature matrix with numpy: two keys
    are candidates when one band of their signatures is equal, and a candidate is a pair
    when its share of equal hash values (datasketch's Jaccard estimate) reaches the
    threshold. The pairs are the ones MinHashLSH finds; its index of Python objects
    took 3 GB at a million comments, this takes the signature matrix and one band at a time.
    """
    from datasketch import MinHashLSH

    if len(keys) < 2:
        return []
    engine = engine or LocalEngine()
    chunks = [keys[i : i + SIGNATURE_CHUNK] for i in range(0, len(keys), SIGNATURE_CHUNK)]
    values = np.vstack(list(engine.map_chunks(partial(signatures, seed=seed), chunks)))
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)  # only for its bands: nothing is inserted
    candidates = [_band_candidates(values[:, start:stop]) for start, stop in lsh.hashranges]
    n = len(keys)
    codes = np.unique(np.concatenate(candidates)) if candidates else np.zeros(0, dtype=np.int64)
    first, second = codes // n, codes % n
    keep = np.zeros(len(codes), dtype=bool)
    for start in range(0, len(codes), PAIR_CHUNK):
        stop = start + PAIR_CHUNK
        equal = np.count_nonzero(values[first[start:stop]] == values[second[start:stop]], axis=1)
        keep[start:stop] = equal / NUM_PERM >= threshold
    return list(zip(first[keep].tolist(), second[keep].tolist()))


def _band_candidates(band: np.ndarray) -> np.ndarray:
    """Pairs of rows with equal ``band`` (one band of the signatures), coded as ``i * n + j`` with ``i < j``."""
    n = len(band)
    rows = np.ascontiguousarray(band).view(np.dtype((np.void, band.shape[1] * band.itemsize))).ravel()
    order = np.argsort(rows, kind="stable")
    ordered = rows[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    sizes = np.diff(np.r_[starts, n])
    codes = []
    for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
        members = np.sort(order[start : start + size])
        i, j = np.triu_indices(size, 1)
        codes.append(members[i] * n + members[j])
    return np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64)


def group_ids(n: int, pairs: list[tuple[int, int]]) -> np.ndarray:
    """Connected-component label per item, numbered by first appearance."""
    if not pairs:
        return np.arange(n)
    a, b = np.array(pairs).T
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    # Renumber so that group ids follow input order (deterministic and readable).
    _, first = np.unique(labels, return_index=True)
    order = np.argsort(first)
    remap = np.empty_like(order)
    remap[order] = np.arange(len(order))
    return remap[labels]
