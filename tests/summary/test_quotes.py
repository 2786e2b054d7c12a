"""Quote selection: a bounded candidate pool, the same choice after a save and load, sensible preferences."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.summary.quotes import (
    QuotePool,
    build_quote_pool,
    choose_quotes,
    group_centre,
    topic_groups,
)


def _units(n_topics: int, per_topic: int, dim: int = 16, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(n_topics, dim))
    topics = np.repeat(np.arange(n_topics), per_topic)
    vectors = centres[topics] + 0.3 * rng.normal(size=(len(topics), dim))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = [f"u{i:05d}" for i in range(len(topics))]
    units = pd.DataFrame(
        {
            schema.TOPIC_ID: pd.array(topics, dtype="Int64"),
            schema.THEMES: ["open_data" if t % 2 else "health;open_data" for t in topics],
            schema.TEXT_REDACTED: [f"A comment of topic {t} that is long enough to be quoted, number {i}" for i, t in enumerate(topics)],
            schema.PII_COUNT: 0,
            schema.CAMPAIGN: False,
        },
        index=pd.Index(ids, name=schema.COMMENT_ID),
    )
    return units, vectors.astype(np.float32)


def _roundtrip(pool: QuotePool) -> QuotePool:
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **pool.to_arrays())
    buffer.seek(0)
    with np.load(buffer, allow_pickle=False) as arrays:
        return QuotePool.from_arrays({k: arrays[k] for k in arrays.files})


def test_quotes_pool_is_bounded_per_group_and_float16():
    units, vectors = _units(n_topics=40, per_topic=300, dim=32)
    pool = build_quote_pool(units, units.index, vectors, pool_size=50)
    groups = 40 + 2  # topics + themes
    assert pool.vectors.dtype == np.float16 and len(pool.ids) <= 50 * groups
    assert len(pool.ids) < len(units) / 4
    assert set(pool.sizes) == {("topic", str(t)) for t in range(40)} | {("theme", "health"), ("theme", "open_data")}
    # 200,000 comments, 150 topics, 45 themes, 512 dimensions: what the pool costs at most.
    assert 50 * (150 + 45) * 512 * 2 / 1e6 < 10.5


def test_quotes_same_choice_after_save_and_load():
    units, vectors = _units(n_topics=5, per_topic=60)
    pool = build_quote_pool(units, units.index, vectors, pool_size=20)
    before = list(choose_quotes(units, pool, "topic", topic_groups(units), 3))
    loaded = _roundtrip(pool)
    original = units[schema.TOPIC_ID].astype("int64").astype(str)
    after = list(choose_quotes(units, loaded, "topic", topic_groups(units), 3, original=original))
    assert before == after and len(before) == 15
    assert [rank for _, rank, _ in before[:3]] == [1, 2, 3]


def test_quotes_centre_of_merged_topics_is_the_weighted_mean():
    units, vectors = _units(n_topics=3, per_topic=30)
    pool = build_quote_pool(units, units.index, vectors, pool_size=10)
    original = units[schema.TOPIC_ID].astype("int64").astype(str)
    merged = units.index[units[schema.TOPIC_ID].isin([0, 1])]  # a review merged topic 1 into 0
    centre = group_centre(pool, "topic", "0", merged, original)
    assert np.allclose(centre, vectors[:60].mean(axis=0), atol=1e-5)
    assert group_centre(pool, "topic", "2", units.index[units[schema.TOPIC_ID] == 2], original) is pool.centres[("topic", "2")]
    quotes = list(choose_quotes(units, pool, "topic", {"0": merged}, 4, original=original))
    assert len(quotes) == 4 and {units.loc[c, schema.TOPIC_ID] for _, _, c in quotes} <= {0, 1}


@pytest.mark.parametrize("column, value", [(schema.PII_COUNT, 2), (schema.CAMPAIGN, True)])
def test_quotes_prefer_comments_without_personal_data_or_campaign_copies(column, value):
    units, vectors = _units(n_topics=1, per_topic=20)
    pool = build_quote_pool(units, units.index, vectors)
    first = next(iter(choose_quotes(units, pool, "topic", topic_groups(units), 1)))[2]
    units.loc[first, column] = value
    again = next(iter(choose_quotes(units, pool, "topic", topic_groups(units), 1)))[2]
    assert again != first


def test_quotes_groups_share_few_quotes():
    units, vectors = _units(n_topics=1, per_topic=30)
    pool = build_quote_pool(units, units.index, vectors)
    members = units.index
    chosen = list(choose_quotes(units, pool, "theme", {"health": members, "open_data": members}, 3, used=set()))
    first, second = {c for g, _, c in chosen if g == "health"}, {c for g, _, c in chosen if g == "open_data"}
    assert len(first) == len(second) == 3 and not first & second


def test_quotes_of_one_subject_come_from_different_participants_where_the_export_names_them():
    # Claim check 49 (a Pol.is conversation): three of the report's quotes were one participant's, which it did not say.
    units, vectors = _units(n_topics=1, per_topic=30)
    pool = build_quote_pool(units, units.index, vectors)
    chosen = [c for _, _, c in choose_quotes(units, pool, "topic", topic_groups(units), 3)]
    # The participant who wrote the first quote also wrote the next two: a different participant's text comes second.
    units["author-id"] = [f"p{i}" for i in range(len(units))]
    units.loc[chosen, "author-id"] = "p0"
    again = [c for _, _, c in choose_quotes(units, pool, "topic", topic_groups(units), 3)]
    assert again[0] == chosen[0] and len({units.loc[c, "author-id"] for c in again}) == 3
    # Without authors (or with none named) the choice is as before.
    assert [c for _, _, c in choose_quotes(units.drop(columns="author-id"), pool, "topic", topic_groups(units), 3)] == chosen
    assert [c for _, _, c in choose_quotes(units.assign(**{"author-id": ""}), pool, "topic", topic_groups(units), 3)] == chosen
