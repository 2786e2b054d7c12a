"""What a subject's name is measured by: the words it shows, and how many of its contributions use them."""

from __future__ import annotations

import pandas as pd

from consultnlp.summary.subjects import NameEvidence


def test_subjects_a_name_counts_every_word_it_shows_but_function_words():
    # PNDBio 2025: «Dados e segurança jurídica» was measured by «segurança» and «jurídica» only (spaCy lists «dados»,
    # "given", as a stop word), so the report said 18 of 76 contributions used its name; counting «dados», 32.
    texts = pd.Series(
        ["Os dados do SNICBio devem ser abertos.", "Mais segurança jurídica para investir.", "Um observatório de dados."],
        index=["a", "b", "c"],
    )
    evidence = NameEvidence(texts, pd.Series(True, index=texts.index))
    assert evidence.words("Dados e segurança jurídica", share=None) == ["dados", "segurança", "jurídica"]
    assert evidence.words("Dados de la consulta", share=None)[:1] == ["dados"]  # "de", "la": function words
