"""The embedding cache: a second run embeds nothing; an interrupted run resumes."""

from __future__ import annotations

import numpy as np
import pytest

import consultnlp.stages.embed as embed_module
from consultnlp.stages.base import RunContext
from consultnlp.stages.embed import embed_texts
from tests.conftest import FakeEmbedder


class CountingEmbedder(FakeEmbedder):
    name = "counting"

    def __init__(self, fail_after: int | None = None) -> None:
        super().__init__()
        self.encoded = 0
        self.fail_after = fail_after

    def encode(self, texts):
        if self.fail_after is not None and self.encoded >= self.fail_after:
            raise KeyboardInterrupt  # what Ctrl-C looks like in the middle of a run
        self.encoded += len(texts)
        return super().encode(texts)


TEXTS = [f"comentario número {i} sobre agua y salud {i % 7}" for i in range(25)]


def test_embed_cache_second_run_embeds_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(embed_module, "CHUNK", 10)
    first = CountingEmbedder()
    context = RunContext(cache_dir=tmp_path)
    a = embed_texts(TEXTS, first, context)
    assert first.encoded == 25 and context.stats["embeddings_computed"] == 25
    second = CountingEmbedder()
    context2 = RunContext(cache_dir=tmp_path)
    b = embed_texts(TEXTS, second, context2)
    assert second.encoded == 0 and context2.stats["embeddings_cached"] == 25
    np.testing.assert_array_equal(a, b)


def test_embed_cache_interrupted_run_resumes_from_finished_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(embed_module, "CHUNK", 10)
    with pytest.raises(KeyboardInterrupt):
        embed_texts(TEXTS, CountingEmbedder(fail_after=20), RunContext(cache_dir=tmp_path))
    assert not list((tmp_path / "embeddings").rglob("*.tmp"))  # no half-written shard
    resumed = CountingEmbedder()
    context = RunContext(cache_dir=tmp_path)
    vectors = embed_texts(TEXTS, resumed, context)
    assert resumed.encoded == 5  # only the chunk that never finished
    np.testing.assert_array_equal(vectors, FakeEmbedder().encode(TEXTS))


def test_embed_cache_is_keyed_by_model(tmp_path):
    class Other(CountingEmbedder):
        name = "other-model"

    embed_texts(TEXTS[:5], CountingEmbedder(), RunContext(cache_dir=tmp_path))
    other = Other()
    embed_texts(TEXTS[:5], other, RunContext(cache_dir=tmp_path))
    assert other.encoded == 5
