"""The fine topic map: no catch-all topic, no topic said twice."""

from __future__ import annotations

import numpy as np

from consultnlp.embedders.base import l2_normalise
from consultnlp.topics.reshape import merge_close_topics, split_large_topics


def _clusters(sizes: list[int], spread: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(len(sizes), 16))
    topics = np.repeat(np.arange(len(sizes)), sizes)
    features = l2_normalise(centres[topics] + spread * rng.normal(size=(len(topics), 16)))
    return topics, features


def test_split_large_topics_breaks_a_catch_all_into_pieces_under_the_cap():
    topics, features = _clusters([400] + [40] * 15)  # one topic holds 40% of a 16-topic map
    # The catch-all is really four subjects: give its members four sub-centres.
    rng = np.random.default_rng(1)
    sub = l2_normalise(rng.normal(size=(4, 16)))
    features[:400] = l2_normalise(features[:400] + 2.0 * sub[np.arange(400) % 4])
    out, splits = split_large_topics(topics, features, np.ones(len(topics)), max_share=0.10, min_size=10, random_state=0)
    assert splits == 1
    shares = np.bincount(out) / len(out)
    assert shares.max() <= 0.12 and len(set(out.tolist())) >= 16 + 4
    assert (out[400:] == topics[400:]).all()  # the other topics are untouched


def test_split_large_topics_leaves_a_map_of_few_real_subjects_alone():
    topics, features = _clusters([100, 100, 100])  # three subjects, a third each: no catch-all
    out, splits = split_large_topics(topics, features, np.ones(300), max_share=0.10, min_size=10, random_state=0)
    assert splits == 0 and (out == topics).all()


def test_split_large_topics_breaks_a_catch_all_in_a_small_map():
    topics, features = _clusters([250, 65, 60, 50, 45, 40, 35])  # seven topics, one holds 46% (a real 555-comment consultation)
    rng = np.random.default_rng(2)
    sub = l2_normalise(rng.normal(size=(5, 16)))
    features[:250] = l2_normalise(features[:250] + 2.0 * sub[np.arange(250) % 5])
    out, splits = split_large_topics(topics, features, np.ones(len(topics)), max_share=0.10, min_size=10, random_state=0)
    assert len(set(out[:250].tolist())) >= 5 and np.bincount(out).max() / len(out) <= 0.12
    # Once the map has ten topics, the two just over the cap are split too; those under it stay whole.
    assert splits == 3
    for topic in (3, 4, 5, 6):
        assert len(set(out[topics == topic].tolist())) == 1 and (out[topics == topic] == topic).all()


def test_split_large_topics_weighs_duplicates():
    topics, features = _clusters([30] * 12)
    weights = np.ones(360)
    weights[:30] = 5  # topic 0's comments stand for five contributions each: 150 of 480
    out, splits = split_large_topics(topics, features, weights, max_share=0.10, min_size=5, random_state=0)
    assert splits >= 1 and len(set(out[:30].tolist())) > 1


def test_split_large_topics_never_makes_a_topic_of_one_campaign_text():
    topics, features = _clusters([120] + [40] * 12)
    weights = np.ones(len(topics))
    weights[0] = 60  # one text in topic 0 stands for 60 copies of a campaign
    out, splits = split_large_topics(topics, features, weights, max_share=0.10, min_size=10, random_state=0)
    assert splits >= 1
    assert np.bincount(out[:120]).max() < 120 and min(np.bincount(out)[np.bincount(out) > 0]) >= 10


def test_merge_close_topics_merges_a_topic_said_twice_into_the_larger():
    topics, features = _clusters([60, 50, 40, 30])
    features[topics == 3] = features[topics == 0][:30] + 1e-3  # topic 3 is topic 0 again
    features = l2_normalise(features)
    out, merges = merge_close_topics(topics, features, threshold=0.95)
    assert merges == 1 and (out[topics == 3] == 0).all() and set(out.tolist()) == {0, 1, 2}
    same, none = merge_close_topics(topics, features, threshold=1.0)
    assert none == 0 and (same == topics).all()


def test_a_small_consultation_gets_topics_of_five_percent_of_it():
    from consultnlp.config import TopicsConfig
    from consultnlp.topics.model import scaled_to

    cfg = TopicsConfig()  # min_topic_size 15
    # 150 statements with topics of 15 could not split a topic over the 10% cap: 2 topics of 56% and 40%.
    assert scaled_to(150, cfg).min_topic_size == 8 and scaled_to(200, cfg).min_topic_size == 10
    assert scaled_to(300, cfg) is cfg and scaled_to(5_000, cfg) is cfg
    assert scaled_to(150, TopicsConfig(min_topic_size=5)).min_topic_size == 5  # a smaller setting stays
