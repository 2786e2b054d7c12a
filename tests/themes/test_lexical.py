"""The lexical evidence of the codebook tagger: stem TF-IDF cosine and coverage of a theme's stems."""

from __future__ import annotations

import numpy as np

from consultnlp.themes.codebook import LexicalIndex

CORPUS = [
    "Queremos educación pública, gratuita y de calidad para todos.",
    "Los hospitales públicos necesitan más médicos y camas.",
    "Proteger el agua y los glaciares de la minería: https://ejemplo.cl/agua",
    "La educación técnica debe tener más recursos.",
    "Queremos educación pública, gratuita y de calidad para todos.",  # a copy
]
THEMES = ["Educación pública y gratuita", "Salud: hospitales y médicos", "Agua, glaciares y medio ambiente"]


def test_lexical_corpus_texts_compare_as_any_text():
    index = LexicalIndex(CORPUS)
    kept = index.compare(CORPUS[:4], THEMES)  # the stems found when the index was fitted
    index.row_of_ = {}  # found again
    fresh = index.compare(CORPUS[:4], THEMES)
    for a, b in zip(kept, fresh):
        assert np.array_equal(a, b)
    tfidf, coverage = kept
    assert [int(np.argmax(row)) for row in tfidf[:3]] == [0, 1, 2]
    assert coverage[0, 0] == 1.0 and coverage[3, 0] < 1.0  # "educación" alone is part of the theme's stems
    # A text the index never saw, with a theme-only word, still compares.
    other = index.compare(["Más médicos rurales, por favor."], THEMES)
    assert int(np.argmax(other[0][0])) == 1
