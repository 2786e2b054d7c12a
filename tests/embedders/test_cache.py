"""The embedding cache: a second run embeds nothing; an interrupted run resumes."""

from __future__ import annotations

import numpy as np
import pytest

import consultnlp.embedders as embed_module
from consultnlp.embedders import TextEncoder
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
    a, counts = TextEncoder(first, cache_dir=tmp_path).encode_corpus(TEXTS)
    assert first.encoded == 25 and counts.computed == 25
    second = CountingEmbedder()
    b, counts = TextEncoder(second, cache_dir=tmp_path).encode_corpus(TEXTS)
    assert second.encoded == 0 and counts.cached == 25
    np.testing.assert_array_equal(a, b)


def test_embed_cache_interrupted_run_resumes_from_finished_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(embed_module, "CHUNK", 10)
    with pytest.raises(KeyboardInterrupt):
        TextEncoder(CountingEmbedder(fail_after=20), cache_dir=tmp_path).encode_corpus(TEXTS)
    assert not list((tmp_path / "embeddings").rglob("*.tmp"))  # no half-written shard
    resumed = CountingEmbedder()
    vectors, _ = TextEncoder(resumed, cache_dir=tmp_path).encode_corpus(TEXTS)
    assert resumed.encoded == 5  # only the chunk that never finished
    np.testing.assert_array_equal(vectors, FakeEmbedder().encode(TEXTS))


def test_embed_cache_is_keyed_by_model(tmp_path):
    class Other(CountingEmbedder):
        name = "other-model"

    TextEncoder(CountingEmbedder(), cache_dir=tmp_path).encode(TEXTS[:5])
    other = Other()
    TextEncoder(other, cache_dir=tmp_path).encode(TEXTS[:5])
    assert other.encoded == 5
