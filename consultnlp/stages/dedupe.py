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
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from consultnlp import schema
from consultnlp.config import DedupeConfig
from consultnlp.engine import LocalEngine
from consultnlp.stages.base import RunContext, Stage, analysed_mask
from consultnlp.stages.clean import normalise_key

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


def near_duplicate_pairs(keys: list[str], threshold: float, seed: int, *, engine: LocalEngine | None = None) -> list[tuple[int, int]]:
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


class DedupeStage(Stage):
    """Adds ``dup_group``, ``dup_count``, ``dup_representative``, ``campaign`` and ``campaign_id``."""

    name = "dedupe"
    uses_engine = True
    requires = (schema.TEXT_CLEAN,)
    provides = (schema.DUP_GROUP, schema.DUP_COUNT, schema.DUP_REPRESENTATIVE, schema.CAMPAIGN, schema.CAMPAIGN_ID)

    def __init__(self, config: DedupeConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: DedupeConfig = self.config
        out = frame.copy()
        analysed = analysed_mask(out)
        texts = out.loc[analysed, [schema.TEXT_CLEAN]]
        keys = pd.concat(list(context.engine.map_partitions(_keys, texts))) if len(texts) else pd.Series([], dtype=object)
        # Exact duplicates: one unique key each, numbered by first appearance (stable, readable ids).
        # factorize hashes the strings; np.unique would build a fixed-width array as wide as the longest key.
        exact, unique_keys = pd.factorize(keys.to_numpy(dtype=object), sort=False)

        with context.progress.task("Finding near-duplicates", total=None):
            if cfg.method == "minhash":
                long_idx = [i for i, k in enumerate(unique_keys) if len(k) >= cfg.min_chars_near]
                pairs_local = near_duplicate_pairs(
                    [unique_keys[i] for i in long_idx], cfg.threshold, context.random_state, engine=context.engine
                )
                pairs = [(long_idx[a], long_idx[b]) for a, b in pairs_local]
            else:
                pairs = []
        key_group = group_ids(len(unique_keys), pairs)
        groups = key_group[exact]

        out[schema.DUP_GROUP] = -1
        out.loc[analysed, schema.DUP_GROUP] = groups
        sizes = pd.Series(groups).value_counts()
        out[schema.DUP_COUNT] = 1
        out.loc[analysed, schema.DUP_COUNT] = sizes.reindex(groups).to_numpy()
        out[schema.DUP_REPRESENTATIVE] = False
        first_rows = pd.Series(np.arange(len(groups))).groupby(groups).transform("min").to_numpy()
        out.loc[analysed, schema.DUP_REPRESENTATIVE] = first_rows == np.arange(len(groups))

        campaign_groups = sizes[sizes >= cfg.campaign_min_size]
        # Largest campaign first; ties by group id (input order).
        ranked = sorted(campaign_groups.items(), key=lambda kv: (-kv[1], kv[0]))
        campaign_of = {g: f"K{i + 1}" for i, (g, _) in enumerate(ranked)}
        out[schema.CAMPAIGN_ID] = out[schema.DUP_GROUP].map(campaign_of).fillna("")
        out[schema.CAMPAIGN] = out[schema.CAMPAIGN_ID] != ""
        for col in (schema.DUP_GROUP, schema.DUP_COUNT):
            out[col] = out[col].astype("int64")
        out[schema.DUP_REPRESENTATIVE] = out[schema.DUP_REPRESENTATIVE].astype(bool)
        n_dup = int(analysed.sum()) - len(sizes)
        context.stats["unique_contributions"] = int(len(sizes))
        if n_dup:
            context.progress.note(
                f"{n_dup} comments are copies of others ({len(sizes)} unique); {len(campaign_of)} campaign(s) of {cfg.campaign_min_size}+ copies."
            )
        return out


def _keys(texts: pd.DataFrame) -> pd.Series:
    """Comparison keys of one partition of cleaned texts."""
    return texts[schema.TEXT_CLEAN].map(normalise_key)
