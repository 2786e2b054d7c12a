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


def test_subjects_a_name_part_of_three_words_is_used_where_two_of_them_are():
    # Claim check 55: «Old growth forests» was shown as a subject, 2 of its 18 contributions about old growth; the rest said
    # "forests" or "old". A part of three words or more counts where two are used; parts joined by "and" / "y" / a comma
    # each count alone, and a word in two parts ("respeto") is in both.
    import pandas as pd

    from consultnlp.summary.subjects import NameEvidence, name_use

    texts = pd.Series(
        [
            "Protect the old growth stands",
            "Old growth forests are irreplaceable",
            "Thin the forests for fire safety",
            "Forests need trails",
            "Old roads need repair",
            "Buy more land",
        ],
        index=[f"c{i}" for i in range(6)],
    )
    evidence = NameEvidence(texts, pd.Series(True, index=texts.index))
    part = pd.DataFrame(index=texts.index[:5])
    use = name_use(evidence, part, "Old growth forests", None)
    assert use["name_needs_two"] and use["contributions_using_name"] == 2 and use["name_words_counted"] == "old; growth; forests"
    # Two parts of two words each: one word of either is enough, as before.
    both = name_use(evidence, part, "Old growth and forest trails", None)
    assert not both["name_needs_two"] and both["contributions_using_name"] == 5
