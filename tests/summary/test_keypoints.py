"""Key points: contributions that make the same point, stated verbatim, counted so anyone can recount them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from consultnlp.embedders.base import l2_normalise
from consultnlp.summary.keypoints import (
    KeyPointInputs,
    key_point_groups,
    key_points,
    sentences,
)


def test_keypoints_sentences_are_verbatim_pieces():
    text = "Más buses en la periferia. ¿Por qué no hay horario nocturno?\nQue el metro llegue a Maipú; es urgente"
    assert sentences(text) == [
        "Más buses en la periferia.",
        "¿Por qué no hay horario nocturno?",
        "Que el metro llegue a Maipú;",
        "es urgente",
    ]
    assert all(s in text for s in sentences(text))


def _inputs() -> tuple[KeyPointInputs, dict]:
    rng = np.random.default_rng(0)
    points = l2_normalise(rng.normal(size=(3, 24)))
    texts, vectors, weights = [], [], []
    for k, (n, say) in enumerate(
        [(12, "Queremos más buses nocturnos en la periferia."), (7, "El metro debe llegar a Maipú."), (2, "Ciclovías seguras.")]
    ):
        for i in range(n):
            texts.append(f"Hola. {say} Comentario {k}-{i} con detalles propios del barrio.")
            vectors.append(points[k] + 0.15 * rng.normal(size=24))
            weights.append(3 if (k, i) == (0, 0) else 1)  # the first comment stands for three copies
    ids = pd.Index([f"c{i:02d}" for i in range(len(texts))])
    return KeyPointInputs(ids, texts, np.asarray(weights, float), l2_normalise(np.vstack(vectors))), {("group", "0"): np.arange(len(texts))}


def _encode_like(inputs: KeyPointInputs):
    """Sentence vectors: the point's direction for its demand sentence, noise for greetings and details."""
    directions = {}
    for i, text in enumerate(inputs.texts):
        directions.setdefault(text.split(". ")[1], inputs.embeddings[i])
    rng = np.random.default_rng(1)

    def encode(sents: list[str]) -> np.ndarray:
        return l2_normalise(np.vstack([directions.get(s.rstrip("."), rng.normal(size=24)) for s in sents]))

    return encode


def test_keypoints_count_unique_and_all_contributions_and_cite_verbatim():
    inputs, groups = _inputs()
    table = key_points(inputs, groups, _encode_like(inputs), min_support=3)
    assert table["rank"].tolist() == [1, 2]  # the two-comment point is below the support of 3
    first, second = table.iloc[0], table.iloc[1]
    assert (first["unique_contributions"], first["contributions"]) == (12, 14)  # c00 stands for 3
    assert (second["unique_contributions"], second["contributions"]) == (7, 7)
    assert first["statement"] == "Queremos más buses nocturnos en la periferia."
    position = dict(zip(inputs.ids, inputs.texts))
    for _, point in table.iterrows():
        assert point["statement"] in position[point["comment_id"]]  # verbatim from the cited comment
        assert point["comment_id"] in point["comment_ids"].split(";")


def test_keypoint_groups_cover_groups_and_themes_not_outliers_or_other():
    units = pd.DataFrame(
        {"topic_group_id": pd.array([0, 0, 1, -1], dtype="Int64"), "themes": ["health;water", "other", "water", "health"]},
        index=["a", "b", "c", "d"],
    )
    groups = key_point_groups(units)
    assert {k: v.tolist() for k, v in groups.items()} == {
        ("group", "0"): [0, 1],
        ("group", "1"): [2],
        ("theme", "health"): [0, 3],
        ("theme", "water"): [0, 2],
    }


def _partition(labels) -> list[tuple[int, ...]]:
    groups: dict[int, list[int]] = {}
    for row, label in enumerate(np.asarray(labels).tolist()):
        groups.setdefault(label, []).append(row)
    return sorted(tuple(g) for g in groups.values())


def test_keypoints_average_linkage_is_sklearns_partition():
    """The clustering from one matrix product (issue 23) splits rows exactly as scikit-learn's did."""
    from sklearn.cluster import AgglomerativeClustering

    from consultnlp.summary.linkage import average_linkage

    rng = np.random.default_rng(3)
    for n, spread in ((2, 0.5), (3, 0.1), (40, 0.6), (400, 0.9), (900, 0.7)):
        centres = rng.normal(size=(max(1, n // 15), 64))
        vectors = (centres[rng.integers(0, len(centres), n)] + rng.normal(scale=spread, size=(n, 64))).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        expected = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.45).fit_predict(
            vectors
        )
        found = average_linkage(vectors, 0.45)
        assert _partition(found) == _partition(expected), n
        assert 1 < len(set(found.tolist())) < n or n <= 3  # the cases cut the tree somewhere in the middle
