"""Opinion groups from votes, the way Pol.is forms them.

Participants with enough votes are projected on the first two principal components of the
vote matrix (unseen votes take the statement's mean; a participant who saw few statements is
scaled up, Pol.is's sparsity-aware projection), summarised by up to 100 base clusters, and the
base clusters are grouped by k-means with k from 2 to 5 chosen by silhouette. Participants are
sorted by id before fitting and groups are numbered by size, so the result does not depend on
the order of the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from consultnlp.votes.matrix import VoteMatrix

MIN_VOTES = 7  # Pol.is places a participant once they voted on 7 statements (or on all, when there are fewer)
BASE_CLUSTERS = 100
K_MARGIN = 0.02  # a larger k is taken only where its silhouette is this much better
K_RANGE = (2, 5)
# No group smaller than the votes the consensus rule needs from every group (statements.MIN_SEEN): a group of 3 can
# never see a statement 5 times, so "no statement has the agreement of every group" was true of nothing (read 8,
# London: groups of 9, 9, 3 and 3 while 8 statements had 60% or more in all four).
MIN_GROUP = 5


@dataclass(frozen=True)
class OpinionGroups:
    """``groups``: participant id -> group (0 = largest); ``silhouette`` of the chosen k; ``projection``: each placed
    participant's two coordinates (rows in the order of ``groups``)."""

    groups: pd.Series
    silhouette: float
    projection: np.ndarray

    @property
    def k(self) -> int:
        return int(self.groups.nunique())

    @classmethod
    def none(cls) -> OpinionGroups:
        """No groups: the votes are read for all participants only."""
        return cls(pd.Series([], dtype=np.int64, name="group"), float("nan"), np.zeros((0, 2)))


def _projection(values: np.ndarray) -> np.ndarray:
    seen = ~np.isnan(values)
    totals, counts = np.where(seen, values, 0.0).sum(axis=0), seen.sum(axis=0)
    means = np.divide(totals, counts, out=np.zeros(values.shape[1]), where=counts > 0)
    filled = np.where(seen, values, means)
    centred = filled - filled.mean(axis=0)
    # Principal axes by SVD; each axis's sign fixed so that results do not flip between runs or platforms.
    _, _, axes = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    axes = axes[:2]
    axes *= np.where(axes[np.arange(len(axes)), np.abs(axes).argmax(axis=1)] < 0, -1.0, 1.0)[:, None]
    scale = np.sqrt(values.shape[1] / np.maximum(seen.sum(axis=1), 1))[:, None]
    return (centred @ axes.T) * scale


def opinion_groups(
    matrix: VoteMatrix, *, min_votes: int = MIN_VOTES, k_range: tuple[int, int] = K_RANGE, min_group: int = MIN_GROUP, random_state: int = 0
) -> OpinionGroups | None:
    """Opinion groups of the participants who voted on at least ``min_votes`` statements (all of them, when there are
    fewer), each of at least ``min_group`` participants, or None when too few participants voted to form two such groups."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    order = sorted(range(len(matrix.participants)), key=lambda i: _sort_key(matrix.participants[i]))
    values = matrix.values[order]
    participants = matrix.participants[order]
    counts = (~np.isnan(values)).sum(axis=1)
    placed = counts >= min(min_votes, values.shape[1])
    if placed.sum() < max(2 * k_range[0], 2 * min_group) or values.shape[1] < 2:
        return None
    points = _projection(values[placed])
    unique_points = np.unique(points.round(9), axis=0)
    n_base = min(BASE_CLUSTERS, len(unique_points))
    base = KMeans(n_clusters=n_base, n_init=1, random_state=random_state).fit(points)
    weights = np.bincount(base.labels_, minlength=n_base).astype(float)
    best: tuple[float, np.ndarray] | None = None
    for k in range(k_range[0], min(k_range[1], n_base) + 1):
        grouping = KMeans(n_clusters=k, n_init=10, random_state=random_state).fit(base.cluster_centers_, sample_weight=weights)
        labels = grouping.labels_[base.labels_]
        if len(np.unique(labels)) < 2 or np.bincount(labels).min() < min_group:
            continue
        score = float(silhouette_score(points, labels, random_state=random_state))
        if best is None or score > best[0] + K_MARGIN:
            best = (score, labels)
    if best is None:
        return None
    score, labels = best
    # Groups numbered by size (then by their first participant), whatever k-means called them.
    sizes = np.bincount(labels)
    first = np.array([np.flatnonzero(labels == g)[0] for g in range(len(sizes))])
    rank = {int(g): r for r, g in enumerate(np.lexsort((first, -sizes)))}
    groups = pd.Series([rank[int(g)] for g in labels], index=participants[placed], name="group")
    return OpinionGroups(groups=groups, silhouette=round(score, 4), projection=points)


def _sort_key(value: str) -> tuple[int, int | str]:
    return (0, int(value)) if str(value).isdigit() else (1, str(value))
