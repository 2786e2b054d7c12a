"""The headline level of the topic map: fine topics agglomerated into a few groups a reader can take in.

A consultation yields dozens to a hundred fine topics; a report headlines 8 to 30 groups,
each with its subtopics. Groups are built bottom-up from the fine topics' centroids with
Ward linkage (which keeps groups of comparable size, where average linkage leaves one
group holding most topics), so every fine topic belongs to exactly one group.
"""

from __future__ import annotations

import math

import numpy as np

MIN_GROUPS = 8
MAX_GROUPS = 30


def group_count(n_topics: int, *, min_groups: int = MIN_GROUPS, max_groups: int = MAX_GROUPS) -> int:
    """About twice the square root of the number of topics, within [min_groups, max_groups] and at most one per topic."""
    if n_topics <= 0:
        return 0
    target = max(min_groups, min(max_groups, round(2 * math.sqrt(n_topics))))
    return min(n_topics, target)


def group_topics(centroids: np.ndarray, sizes: np.ndarray, *, min_groups: int = MIN_GROUPS, max_groups: int = MAX_GROUPS) -> np.ndarray:
    """The group of each topic (rows of ``centroids``), numbered 0.. from the group with most comments down."""
    n = len(centroids)
    k = group_count(n, min_groups=min_groups, max_groups=max_groups)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if k >= n:
        labels = np.arange(n)
    else:
        from sklearn.cluster import AgglomerativeClustering

        unit = centroids / (np.linalg.norm(centroids, axis=1, keepdims=True) + 1e-12)
        labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(unit.astype(np.float64))
    totals = np.bincount(labels, weights=np.asarray(sizes, dtype=float), minlength=int(labels.max()) + 1)
    first = np.array([np.flatnonzero(labels == g).min() for g in range(len(totals))])
    order = np.lexsort((first, -totals))  # largest group first; ties by their first topic
    renumber = np.empty(len(order), dtype=np.int64)
    renumber[order] = np.arange(len(order))
    return renumber[labels]
