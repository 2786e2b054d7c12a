"""Topic quality measures on tiny corpora where the right answer is known."""

import math

import numpy as np
import pytest

from consultnlp.topics.metrics import (
    label_agreement,
    n_topics,
    npmi_coherence,
    outlier_share,
    topic_diversity,
)


def test_topics_npmi_is_one_for_words_always_together_and_minus_one_for_never():
    docs = ["agua río", "agua río", "escuela profesor", "escuela profesor", "salud"]
    assert npmi_coherence([["agua", "río"], ["escuela", "profesor"]], docs) == pytest.approx(1.0)
    assert npmi_coherence([["agua", "escuela"]], docs) == pytest.approx(-1.0)
    # Independent words: p(ab) = p(a) p(b) gives 0.
    docs = ["a b", "a c", "d b", "d c"]
    assert npmi_coherence([["a", "b"]], docs) == pytest.approx(0.0, abs=1e-12)


def test_topics_npmi_counts_phrases_as_terms():
    docs = ["dato abierto portal", "dato abierto portal", "portal caído", "dato cerrado"]
    # p(dato abierto) = 1/2, p(portal) = 3/4, together 1/2.
    assert npmi_coherence([["dato abierto", "portal"]], docs) == pytest.approx(math.log(0.5 / 0.375) / -math.log(0.5))
    assert math.isnan(npmi_coherence([["solo"]], docs))


def test_topics_diversity_and_counts():
    assert topic_diversity([["a", "b"], ["c", "d"]]) == 1.0
    assert topic_diversity([["a", "b"], ["a", "c"]]) == 0.75
    topics = np.array([0, 0, 1, -1])
    assert n_topics(topics) == 2 and outlier_share(topics) == 0.25


def test_topics_label_agreement_ignores_missing_labels():
    topics = np.array([0, 0, 1, 1, 2])
    nmi, ari = label_agreement(topics, ["x", "x", "y", "y", None])
    assert nmi == pytest.approx(1.0) and ari == pytest.approx(1.0)
    nmi, _ = label_agreement(np.array([0, 1, 0, 1]), ["x", "x", "y", "y"])
    assert nmi == pytest.approx(0.0, abs=1e-9)
