"""Saved topic models: a round trip keeps what assigning needs; damaged folders are clear ModelErrors."""

import json

import numpy as np
import pandas as pd
import pytest

from consultnlp.config import TopicsConfig
from consultnlp.embedders.base import l2_normalise
from consultnlp.errors import ModelError
from consultnlp.topics.model import assign_topics, fit_topic_model
from consultnlp.topics.model_store import (
    check_embedder,
    load_topic_model,
    save_topic_model,
)


@pytest.fixture(scope="module")
def fitted():
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(3, 12))
    embeddings = l2_normalise(np.repeat(centres, 40, axis=0) + 0.1 * rng.normal(size=(120, 12)))
    words = ["agua río", "escuela profesor", "salud hospital"]
    docs = [f"{words[i // 40]} tema" for i in range(120)]
    encode = lambda terms: l2_normalise(rng.normal(size=(len(terms), 12)))  # noqa: E731 - any fixed word vectors
    model, topics = fit_topic_model(docs, embeddings, TopicsConfig(min_topic_size=10), 42, encode=encode, embedder_key="fake")
    info = pd.DataFrame(
        {
            "topic_id": sorted(set(topics.tolist())),
            "label": "x",
            "keywords": [["agua"]] * len(set(topics.tolist())),
            "keywords_by_lang": [{"es": ["agua"]}] * len(set(topics.tolist())),
            "unique_comments": 1,
        }
    )
    return model, topics, info, docs, embeddings


def test_topics_saved_model_assigns_like_the_fitted_one(fitted, tmp_path):
    model, topics, info, docs, embeddings = fitted
    path = save_topic_model(model, info, tmp_path / "m", embedder_key="fake", config=TopicsConfig().model_dump(), data_sha256="abc")
    card = json.loads((path / "card.json").read_text())
    assert card["n_docs"] == 120 and card["n_topics"] == 3 and card["embedder_key"] == "fake" and card["data_sha256"] == "abc"
    assert {"numpy", "bertopic", "scikit-learn"} <= set(card["versions"])
    assert "| 0 | x |" in (path / "model_card.md").read_text()
    saved = load_topic_model(path)
    np.testing.assert_array_equal(saved.model.topic_ids, model.topic_ids)
    assert saved.model.keyword_space.vocabulary == model.keyword_space.vocabulary
    before, _ = assign_topics(model, docs, embeddings)
    after, _ = assign_topics(saved.model, docs, embeddings)
    assert (before == after).mean() >= 0.99  # keyword vectors are stored as float16
    assert (after[topics >= 0] == topics[topics >= 0]).mean() >= 0.95
    assert list(saved.topic_info["keywords_by_lang"]) == list(info["keywords_by_lang"])
    check_embedder(saved, "fake", corpus_fitted=False)
    with pytest.raises(ModelError, match="refitted on every corpus"):
        check_embedder(saved, "tfidf-svd", corpus_fitted=True)


def test_topics_load_model_errors_say_what_to_do(fitted, tmp_path):
    with pytest.raises(ModelError, match="does not exist. Save one with --set topics.save_model=NAME"):
        load_topic_model(tmp_path / "absent")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="has no card.json"):
        load_topic_model(tmp_path / "empty")
    model, _, info, _, _ = fitted
    path = save_topic_model(model, info, tmp_path / "old", embedder_key="fake", config={}, data_sha256="x")
    card = json.loads((path / "card.json").read_text())
    card["format_version"] = 99
    (path / "card.json").write_text(json.dumps(card))
    with pytest.raises(ModelError, match="format 99; this consultnlp reads format 1"):
        load_topic_model(path)


def test_topics_assign_by_row_index_in_chunks_equals_assigning_a_copy(fitted, monkeypatch):
    """Placing comments by their rows in the full embedding matrix (no copy) gives the same topics and similarities."""
    from consultnlp.topics import model as topic_model

    model, _, _, docs, embeddings = fitted
    rows = np.random.default_rng(3).permutation(len(docs))[:70]
    monkeypatch.setattr(topic_model, "CHUNK", 16)
    by_index = assign_topics(model, [docs[i] for i in rows], embeddings, rows=rows)
    copied = assign_topics(model, [docs[i] for i in rows], embeddings[rows].copy())
    np.testing.assert_array_equal(by_index[0], copied[0])
    np.testing.assert_array_equal(by_index[1], copied[1])
    assert len(set(by_index[0].tolist())) >= 2  # the rows span several topics, so a wrong row would show
