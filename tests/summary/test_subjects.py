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


def test_subjects_a_proper_noun_in_a_name_is_counted_as_a_whole_word():
    # Claim check 70 (PNDBio 2025): «Bioeconomia do Amazonas» was said to be used by contributions that say «Amazônia»:
    # six-letter stems read both as "amazon". A proper noun or an acronym in a name counts as the whole word; other words
    # by their stems, as before ("bioeconômica" uses «Bioeconomia»).
    from consultnlp.summary.subjects import name_use

    texts = pd.Series(
        ["Fomentar a bioeconômica no Amazonas", "Proteger a Amazônia", "Cadeias da Amazônia", "Indústria do Amazonas", "Outra coisa"],
        index=[f"c{i}" for i in range(5)],
    )
    evidence = NameEvidence(texts, pd.Series(True, index=texts.index))
    part = pd.DataFrame(index=texts.index[:4])
    assert evidence.using(texts, ["Amazonas"]) == 2 and evidence.using(texts, ["amazonas"]) == 4
    assert name_use(evidence, part, "Bioeconomia do Amazonas", None)["contributions_using_name"] == 2


def test_subjects_a_name_word_the_consultations_description_uses_names_no_subject():
    # Claim check 72 (Pol.is bg2050): «Downtown Bowling Green», 17 of whose 20 contributions say the city's name (in the
    # conversation's description) and 3 "downtown", read as a name most of its contributions use.
    from consultnlp.summary.subjects import name_use

    texts = pd.Series(
        ["Bowling Green needs food pantries", "A hub in Bowling Green", "Fix downtown sidewalks", "More parks", "Bike lanes"],
        index=[f"c{i}" for i in range(5)],
    )
    part = pd.DataFrame(index=texts.index[:3])
    plain = NameEvidence(texts, pd.Series(True, index=texts.index))
    described = NameEvidence(texts, pd.Series(True, index=texts.index), described="What would you want in the Bowling Green of 2050?")
    assert name_use(plain, part, "Downtown Bowling Green", None)["contributions_using_name"] == 2  # the city: two of its words
    use = name_use(described, part, "Downtown Bowling Green", None)
    assert use["contributions_using_name"] == 1 and use["name_words_consultation"] == "Bowling; Green"
