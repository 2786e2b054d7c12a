"""Reshaping a fitted topic map: near-duplicate topics merged, catch-all topics split.

Both work on the clustered features of the fitted comments, before the topics are named.
"""

from __future__ import annotations

import math

import numpy as np

# A topic over topics.max_topic_share and this many times the median topic is a catch-all in a map of any size.
CATCH_ALL_RATIO = 3.0


def topic_centroids(topics: np.ndarray, features: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Unit-length mean vector of each topic in ``ids`` (rows of other topics, e.g. -1, are left out)."""
    from scipy import sparse

    index = {int(t): i for i, t in enumerate(ids)}
    rows = np.array([index.get(int(t), -1) for t in topics])
    mask = rows >= 0
    # A (topics x documents) indicator matrix times the features sums each topic's rows in one product.
    members = sparse.csr_matrix(
        (np.ones(int(mask.sum()), dtype=np.float64), (rows[mask], np.flatnonzero(mask))), shape=(len(ids), len(topics))
    )
    centroids = np.asarray(members @ features.astype(np.float64), dtype=np.float32)
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True) + 1e-12
    return centroids


def merge_close_topics(topics: np.ndarray, features: np.ndarray, threshold: float) -> tuple[np.ndarray, int]:
    """Merge topics whose centroids are at least ``threshold`` alike (near-duplicates); return (topics, merges made)."""
    ids = np.array(sorted(t for t in set(topics.tolist()) if t != -1), dtype=np.int64)
    if len(ids) < 2 or threshold >= 1:
        return topics, 0
    centroids = topic_centroids(topics, features, ids)
    similar = np.triu(centroids @ centroids.T, 1) >= threshold
    if not similar.any():
        return topics, 0
    from scipy.sparse.csgraph import connected_components

    _, component = connected_components(similar, directed=False)
    sizes = {int(t): int((topics == t).sum()) for t in ids}
    target: dict[int, int] = {}
    for c in np.unique(component):
        members = ids[component == c]
        keep = int(max(members, key=lambda t: (sizes[int(t)], -t)))  # the largest absorbs the others
        target.update({int(t): keep for t in members})
    merged = np.array([target.get(int(t), int(t)) for t in topics], dtype=np.int64)
    return merged, int(len(ids) - len(np.unique(component)))


def split_large_topics(
    topics: np.ndarray, features: np.ndarray, weights: np.ndarray, *, max_share: float, min_size: int, random_state: int
) -> tuple[np.ndarray, int]:
    """Split each catch-all topic with k-means inside it, into pieces under ``max_share`` of the weight; return (topics, splits made).

    A catch-all topic (a quarter of a consultation under "general values") tells a reader
    nothing; its pieces usually do. A topic over the cap is a catch-all when it is at least
    ``CATCH_ALL_RATIO`` times the median topic, in a map of any size; once the map has at least
    ``1 / max_share`` topics, every topic over the cap is (with three real subjects, a third
    each is no catch-all), and so is a k-means piece that came out over it (up to three rounds).
    Pieces are never smaller than ``min_size`` comments on average.
    Topics within 5% of the cap count as over it: placing the other comments and the outliers
    after the fit moves shares a little.
    """
    out = np.asarray(topics, dtype=np.int64).copy()
    total = float(weights.sum())
    if total <= 0:
        return out, 0
    splits = 0
    cannot: set[int] = set()  # topics k-means cannot cut into pieces of min_size
    pieces: set[int] = set()  # topics made by a split: cut again only when strictly over the cap
    for every_topic_over_cap in (False, True, True, True):  # catch-alls first; then, in a large map, whatever is left over the cap
        ids = sorted(t for t in set(out.tolist()) if t != -1)
        if every_topic_over_cap and len(ids) < math.ceil(1 / max_share):
            break
        shares = {t: float(weights[out == t].sum()) / total for t in ids}
        median = float(np.median(list(shares.values()))) if shares else 0.0
        over = [
            t
            for t in ids
            if t not in cannot
            and shares[t] > (1.0 if t in pieces else 0.95) * max_share
            and (every_topic_over_cap or shares[t] >= CATCH_ALL_RATIO * median)
        ]
        if every_topic_over_cap and not over:
            break
        for topic in over:
            made = _split_topic(out, topic, features, shares[topic], max_share, min_size, random_state)
            if made:
                splits += 1
                pieces.update([topic, *made])
            else:
                cannot.add(topic)
    return out, splits


def _split_topic(
    out: np.ndarray, topic: int, features: np.ndarray, share: float, max_share: float, min_size: int, random_state: int
) -> list[int]:
    """Split ``topic`` in place into k-means pieces under the cap; the first piece keeps its id. Returns the new ids ([] if not split)."""
    from sklearn.cluster import KMeans

    rows = np.flatnonzero(out == topic)
    k = min(math.ceil(share / (0.8 * max_share)), len(rows) // max(1, min_size))
    if k < 2:
        return []
    # Unweighted: a campaign text standing for 40 copies must not become a topic of its own.
    parts = KMeans(n_clusters=k, n_init=3, random_state=random_state).fit_predict(features[rows])
    made = list(range(int(out.max()) + 1, int(out.max()) + k))
    for part, new_id in zip(range(1, k), made):
        out[rows[parts == part]] = new_id
    return made
