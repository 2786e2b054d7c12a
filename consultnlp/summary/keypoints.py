"""Key points: what people actually said in a group or theme, as verbatim sentences with counts that can be checked.

Inside each headline group and each theme, the unique contributions are clustered by
their sentence embeddings (average linkage, cosine): a cluster is a set of contributions
that make the same point. The largest clusters become key points, each stated by one
verbatim sentence of the redacted text of the contribution most central to it, with the
number of contributions (duplicates included) and of unique contributions, and the ids of
the unique ones. Extractive on purpose: every statement is a citation and every number
can be recounted from ``comments.*``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from consultnlp import schema

POINTS_PER_GROUP = 5
MIN_SUPPORT = 3  # unique contributions that make a point, at least
# Two contributions make the same point when their average cosine is at least this (USE embeddings:
# paraphrases of one demand score 0.6-0.8, different demands on one subject 0.3-0.5).
SAME_POINT = 0.55
CLUSTER_SAMPLE = 2_000  # larger groups are clustered on a seeded sample; every member is then placed
CENTRAL_CANDIDATES = 5  # the contributions closest to a point's centre whose sentences may state it
MIN_STATEMENT_CHARS, MAX_STATEMENT_CHARS = 25, 320
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_PLACEHOLDER = re.compile(r"\[[A-Z_]{2,12}\]")
# A sentence that opens by pointing back ("Por conta disso, ...", "Estas medidas ...", "This is why ...") does not
# stand alone as a statement; another sentence is chosen when there is one.
_POINTS_BACK = re.compile(
    r"^(?:por (?:eso|esto|ello|lo tanto|conta disso|isso)|además|ademas|asimismo|también|en paralelo|em paralelo|"
    r"além disso|alem disso|diante d\w*|esto|esta|estas|estos|eso|esa|esas|esos|ello|isso|isto|essa|essas|esse|esses|"
    r"this|these|that|those|also|in addition|moreover|therefore)\b",
    re.IGNORECASE,
)
COLUMNS = ["scope", "group_id", "rank", "statement", "comment_id", "contributions", "unique_contributions", "comment_ids"]


@dataclass
class KeyPointInputs:
    """The modelled contributions: redacted texts and contributions each stands for, aligned with their embeddings."""

    ids: pd.Index
    texts: list[str]
    weights: np.ndarray  # contributions per unit (its duplicate group's analysed rows)
    embeddings: np.ndarray


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each a verbatim substring (stripped)."""
    out, start = [], 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        if match is None:
            break
        start = match.end()
    return out


def _unit(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    return matrix / (np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-12)


def cluster_points(vectors: np.ndarray, random_state: int) -> np.ndarray:
    """A point label per row (-1: makes no point shared by others), by average-linkage clustering on cosine."""
    from sklearn.cluster import AgglomerativeClustering

    n = len(vectors)
    if n < 2:
        return np.full(n, -1, dtype=np.int64)
    sample = np.arange(n) if n <= CLUSTER_SAMPLE else np.sort(np.random.default_rng(random_state).choice(n, CLUSTER_SAMPLE, replace=False))
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - SAME_POINT
    ).fit_predict(vectors[sample])
    ids, counts = np.unique(labels, return_counts=True)
    kept = ids[counts >= 2]
    if len(kept) == 0:
        return np.full(n, -1, dtype=np.int64)
    centres = _unit(np.vstack([vectors[sample][labels == k].mean(axis=0) for k in kept]))
    scores = vectors @ centres.T
    best = scores.argmax(axis=1)
    return np.where(scores[np.arange(n), best] >= SAME_POINT, best, -1).astype(np.int64)


def _statement(
    members: np.ndarray, vectors: np.ndarray, texts: list[str], ids: pd.Index, encode: Callable[[list[str]], np.ndarray]
) -> tuple[str, str]:
    """(sentence, comment id): the sentence of a central member's text closest to the point's centre.

    ``members`` index ``vectors``, ``texts`` and ``ids`` (those of one group)."""
    centre = _unit(vectors[members].mean(axis=0, keepdims=True))[0]
    closeness = vectors[members] @ centre
    central = members[np.lexsort((members, -closeness))[:CENTRAL_CANDIDATES]]
    options = [(s, int(i)) for i in central for s in sentences(texts[i])]
    readable = [(s, i) for s, i in options if MIN_STATEMENT_CHARS <= len(s) <= MAX_STATEMENT_CHARS and not _PLACEHOLDER.search(s)
                and not _POINTS_BACK.match(s)]
    options = readable or options
    if not options:
        i = int(central[0])
        return texts[i].strip(), str(ids[i])
    scores = _unit(encode([s for s, _ in options])) @ centre
    # A little weight on the contribution's own centrality: its sentence speaks for the point best.
    rank = {int(i): r for r, i in enumerate(central)}
    adjusted = scores - 0.02 * np.array([rank[i] for _, i in options])
    best = int(np.argmax(adjusted))  # the first of equal scores: deterministic
    sentence, row = options[best]
    return sentence, str(ids[row])


def key_points(
    inputs: KeyPointInputs,
    groups: dict[tuple[str, str], np.ndarray],
    encode: Callable[[list[str]], np.ndarray],
    *,
    per_group: int = POINTS_PER_GROUP,
    min_support: int = MIN_SUPPORT,
    random_state: int = 42,
) -> pd.DataFrame:
    """Up to ``per_group`` key points of each group (``(scope, group id)`` -> unit rows), largest point first."""
    vectors = inputs.embeddings
    rows = []
    for (scope, group), members in groups.items():
        members = np.sort(np.asarray(members, dtype=np.int64))
        if len(members) < min_support:
            continue
        group_vectors = _unit(vectors[members])
        labels = cluster_points(group_vectors, random_state)
        points = []
        for label in np.unique(labels[labels >= 0]):
            inside = members[labels == label]
            if len(inside) >= min_support:
                points.append((float(inputs.weights[inside].sum()), len(inside), int(inside.min()), inside))
        points.sort(key=lambda p: (-p[0], -p[1], p[2]))
        local = {int(m): k for k, m in enumerate(members)}
        texts, ids = [inputs.texts[i] for i in members], inputs.ids[members]
        for rank, (weight, n_unique, _, inside) in enumerate(points[:per_group], 1):
            statement, cited = _statement(np.array([local[int(m)] for m in inside]), group_vectors, texts, ids, encode)
            rows.append({
                "scope": scope, "group_id": str(group), "rank": rank, "statement": statement, "comment_id": cited,
                "contributions": int(round(weight)), "unique_contributions": int(n_unique),
                "comment_ids": ";".join(str(inputs.ids[i]) for i in inside),
            })
    return pd.DataFrame(rows, columns=COLUMNS)


def key_point_groups(units: pd.DataFrame) -> dict[tuple[str, str], np.ndarray]:
    """Unit rows of every headline group and every theme (``other`` and outliers left out), in a fixed order."""
    groups: dict[tuple[str, str], np.ndarray] = {}
    if schema.TOPIC_GROUP_ID in units:
        ids = units[schema.TOPIC_GROUP_ID].astype("Int64").fillna(-1).astype(int).to_numpy()
        for g in sorted(set(ids.tolist()) - {-1}):
            groups[("group", str(g))] = np.flatnonzero(ids == g)
    if schema.THEMES in units:
        exploded = units[schema.THEMES].astype(str).str.split(";")
        position = pd.Series(np.arange(len(units)), index=units.index)
        per_theme: dict[str, list[int]] = {}
        for pos, themes in zip(position, exploded):
            for theme in themes:
                if theme and theme != schema.OTHER_THEME:
                    per_theme.setdefault(theme, []).append(int(pos))
        for theme in sorted(per_theme):
            groups[("theme", theme)] = np.asarray(per_theme[theme], dtype=np.int64)
    return groups
