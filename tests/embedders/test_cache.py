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


# The index (issue 23): a lookup reads only the shards that hold its keys, and returns the same bytes whatever the
# cache holds, with or without index.npz, stale or broken.

from consultnlp.embedders import cache as cache_module  # noqa: E402
from consultnlp.embedders.cache import INDEX_FILE, EmbeddingCache, text_digests  # noqa: E402

MANY = [f"propuesta {i}: más {['agua', 'salud', 'buses', 'plazas'][i % 4]} en el barrio {i % 11}" for i in range(60)]


def _fresh_process(monkeypatch):
    """What a new run sees: nothing of the cache known in memory."""
    monkeypatch.setattr(cache_module, "_KNOWN", {})
    monkeypatch.setattr(cache_module, "_WRITTEN", {})


def _shard_reads(monkeypatch) -> list[str]:
    read: list[str] = []
    original = cache_module._shard_rows

    def spy(path, rows):
        read.append(path.name)
        return original(path, rows)

    monkeypatch.setattr(cache_module, "_shard_rows", spy)
    return read


def test_embed_cache_same_bytes_empty_full_and_partly_filled(tmp_path, monkeypatch):
    monkeypatch.setattr(embed_module, "CHUNK", 7)
    empty, _ = TextEncoder(CountingEmbedder(), use_cache=False).encode_corpus(MANY)
    TextEncoder(CountingEmbedder(), cache_dir=tmp_path / "full").encode_corpus(MANY)
    _fresh_process(monkeypatch)
    full, counts = TextEncoder(CountingEmbedder(), cache_dir=tmp_path / "full").encode_corpus(MANY)
    assert counts.cached == len(MANY)
    # Partly filled, by several earlier runs of other texts, some with texts in common.
    for part in (MANY[3:9], MANY[40:55], MANY[5:20:3], ["otro texto", MANY[59]]):
        _fresh_process(monkeypatch)
        TextEncoder(CountingEmbedder(), cache_dir=tmp_path / "partly").encode(part)
    _fresh_process(monkeypatch)
    partly, counts = TextEncoder(CountingEmbedder(), cache_dir=tmp_path / "partly").encode_corpus(MANY[::-1])
    assert 0 < counts.cached < len(MANY)
    assert empty.tobytes() == full.tobytes() == partly[::-1].tobytes()


def test_embed_cache_lookup_reads_only_the_shards_holding_its_keys(tmp_path, monkeypatch):
    monkeypatch.setattr(embed_module, "CHUNK", 10)
    TextEncoder(CountingEmbedder(), cache_dir=tmp_path).encode_corpus(MANY)  # 6 shards
    cache = EmbeddingCache(tmp_path, CountingEmbedder().key)
    assert len(cache.shards()) == 6
    _fresh_process(monkeypatch)
    read = _shard_reads(monkeypatch)
    vectors, found = cache.lookup(text_digests([MANY[12], MANY[15], "nunca visto"]), lambda r, d: np.zeros((r, d), np.float32))
    assert found.tolist() == [True, True, False] and len(read) == 1  # both in the second shard
    np.testing.assert_array_equal(vectors[:2], FakeEmbedder().encode([MANY[12], MANY[15]]))
    assert (cache.dir / INDEX_FILE).exists()  # the next run finds the index written by this lookup


def test_embed_cache_stale_or_broken_index_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(embed_module, "CHUNK", 10)
    reference, _ = TextEncoder(CountingEmbedder(), use_cache=False).encode_corpus(MANY)
    TextEncoder(CountingEmbedder(), cache_dir=tmp_path).encode_corpus(MANY)
    cache = EmbeddingCache(tmp_path, CountingEmbedder().key)
    _fresh_process(monkeypatch)
    cache.index()  # writes index.npz
    # A shard removed after it was indexed: its texts are embedded again, the others still come from the cache.
    cache.shards()[0].unlink()
    _fresh_process(monkeypatch)
    again = CountingEmbedder()
    vectors, counts = TextEncoder(again, cache_dir=tmp_path).encode_corpus(MANY)
    assert again.encoded == 10 and counts.cached == 50
    assert vectors.tobytes() == reference.tobytes()
    # A broken index is read as no index.
    (cache.dir / INDEX_FILE).write_bytes(b"not a zip file")
    _fresh_process(monkeypatch)
    third = CountingEmbedder()
    vectors, counts = TextEncoder(third, cache_dir=tmp_path).encode_corpus(MANY)
    assert third.encoded == 0 and vectors.tobytes() == reference.tobytes()
