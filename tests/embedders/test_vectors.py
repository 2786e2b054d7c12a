"""A text's vector depends on the text alone: not on the texts around it, the chunks, or what the cache held."""

from __future__ import annotations

import numpy as np

import consultnlp.embedders as embed_module
from consultnlp.config import EmbedConfig
from consultnlp.embedders import TextEncoder, make_embedder

TEXTS = [
    "Agua potable para todos los barrios de la ciudad.",
    "Publiquen los contratos de obras públicas en formato abierto, con fechas y montos, cada semana.",
    "Participação social nas políticas de saúde.",
    "Open data on budgets.",
    "transparencia",
    "Queremos presupuestos participativos en cada comuna y que el municipio rinda cuentas de lo que hace con ellos todos los años.",
] * 2 + ["Más transparencia en las licitaciones públicas, ¡ya!"]


def test_vectors_use_same_bytes_alone_in_any_batch_and_order():
    embedder = make_embedder(EmbedConfig(embedder="use-multilingual"))
    batch = embedder.encode(TEXTS)
    alone = np.vstack([embedder.encode([t]) for t in TEXTS])
    reordered = embedder.encode(TEXTS[::-1])[::-1]
    mixed = embedder.encode(TEXTS[:3] + ["Un texto más que cambia el lote."] + TEXTS[3:])
    assert batch.tobytes() == alone.tobytes() == reordered.tobytes()
    assert np.delete(mixed, 3, axis=0).tobytes() == batch.tobytes()


def test_vectors_fresh_cached_and_partly_cached_are_identical(tmp_path, monkeypatch):
    """The run that found a cache partly filled used to embed the rest in other batches (other vectors)."""
    monkeypatch.setattr(embed_module, "CHUNK", 4)
    embedder = make_embedder(EmbedConfig(embedder="use-multilingual"))
    fresh, counts = TextEncoder(embedder, cache_dir=tmp_path / "a").encode_corpus(TEXTS)
    assert counts.computed == len(TEXTS)
    cached, counts = TextEncoder(embedder, cache_dir=tmp_path / "a").encode_corpus(TEXTS)
    assert counts.cached == len(TEXTS)
    TextEncoder(embedder, cache_dir=tmp_path / "b").encode([TEXTS[1], TEXTS[4]])  # one step of another run
    partly, counts = TextEncoder(embedder, cache_dir=tmp_path / "b").encode_corpus(TEXTS)
    assert counts.cached == 4 and counts.computed == len(TEXTS) - 4  # repeated texts are found too
    uncached, _ = TextEncoder(embedder, cache_dir=None).encode_corpus(TEXTS)
    assert fresh.tobytes() == cached.tobytes() == partly.tobytes() == uncached.tobytes()


def test_vectors_repeated_text_is_embedded_once(tmp_path):
    from tests.embedders.test_cache import CountingEmbedder

    counting = CountingEmbedder()
    vectors, counts = TextEncoder(counting, cache_dir=tmp_path).encode_corpus(["a b", "c d", "a b", "a b"])
    assert counting.encoded == 2 and counts.computed == 4
    assert vectors[0].tobytes() == vectors[2].tobytes() == vectors[3].tobytes()
    again = CountingEmbedder()
    vectors2, counts = TextEncoder(again, cache_dir=tmp_path).encode_corpus(["a b", "a b", "c d"])
    assert again.encoded == 0 and counts.cached == 3  # every position of a repeated text is read from the cache
    assert vectors2[1].tobytes() == vectors[0].tobytes()


def test_vectors_aligned_batches_of_many_texts_and_a_long_one():
    """Hundreds of texts (several batches, texts crossing batch limits) and a text longer than a batch: the same bytes
    alone, in random batches and in another order; and the same model as the package's own encoder."""
    rng = np.random.default_rng(7)
    words = " ".join(TEXTS).split()
    texts = [" ".join(rng.choice(words, size=int(rng.integers(1, 60)))) for _ in range(240)]
    texts.append(" ".join(rng.choice(words, size=900)))  # over one batch of token rows
    embedder = make_embedder(EmbedConfig(embedder="use-multilingual"))
    whole = embedder.encode(texts)
    order = rng.permutation(len(texts))
    shuffled = np.empty_like(whole)
    shuffled[order] = embedder.encode([texts[i] for i in order])
    pieces, start = [], 0
    while start < len(texts):
        size = int(rng.integers(1, 40))
        pieces.append(embedder.encode(texts[start : start + size]))
        start += size
    alone = np.vstack([embedder.encode([texts[i]]) for i in range(0, len(texts), 12)])
    assert whole.tobytes() == shuffled.tobytes() == np.vstack(pieces).tobytes()
    assert whole[::12].tobytes() == alone.tobytes()
    backend = embedder._model._model
    package = np.vstack([backend._encode([t]) for t in texts[:40]])
    package /= np.linalg.norm(package, axis=1, keepdims=True)
    assert np.abs(package - whole[:40]).max() < 1e-5  # other rounding, same model


def test_vectors_encode_many_is_cached_and_the_same_bytes(tmp_path):
    embedder = make_embedder(EmbedConfig(embedder="use-multilingual"))
    encoder = TextEncoder(embedder, cache_dir=tmp_path)
    many = encoder.encode_many(TEXTS)
    assert many.tobytes() == TextEncoder(embedder, cache_dir=None).encode(TEXTS).tobytes()
    again, counts = TextEncoder(embedder, cache_dir=tmp_path).encode_corpus(TEXTS)
    assert counts.cached == len(TEXTS) and again.tobytes() == many.tobytes()  # stored for the next run


def test_every_registered_embedder_is_a_valid_setting_and_in_the_readme():
    from pathlib import Path

    import pytest

    from consultnlp.config import EmbedConfig
    from consultnlp.embedders import EMBEDDERS, make_embedder

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name, cls in EMBEDDERS.items():
        assert cls.name == name and EmbedConfig(embedder=name).embedder == name
        assert f"| `{name}` |" in readme, name
    assert type(make_embedder(EmbedConfig(embedder="tfidf-svd"))).name == "tfidf-svd"
    with pytest.raises(ValueError, match="valid embedders: .*use-multilingual"):
        EmbedConfig(embedder="bert")
