"""A theme the consultation's own title names is its question: the themes table says how many use the title's words."""

from __future__ import annotations

import pandas as pd

from consultnlp.summary.subjects import NameEvidence
from consultnlp.summary.title_themes import title_keywords, with_title_words
from consultnlp.taxonomy import Taxonomy, Theme


def _taxonomy() -> Taxonomy:
    return Taxonomy(
        id="t",
        languages=["en"],
        themes=[
            Theme(id="youth", name={"en": "Youth"}, keywords={"en": ["young people", "youth"]}),
            Theme(id="local", name={"en": "Local government"}, keywords={"en": ["local", "council"]}),
            Theme(id="health", name={"en": "Health"}, keywords={"en": ["hospital"]}),
        ],
    )


def test_title_themes_a_theme_whose_title_words_many_contributions_use_is_marked():
    # london.youth.policing (claim check 59): «Youth and children» 8.3% while half its contributions name young people.
    texts = pd.Series(
        ["Young people need incentives", "Ask young people what they think", "Train the officers better", "People should listen"],
        index=["a", "b", "c", "d"],
    )
    evidence = NameEvidence(texts, pd.Series(True, index=texts.index), "How to engage young people in local scrutiny of policing")
    assert title_keywords(_taxonomy(), evidence.consultation) == {"youth": ["young people"], "local": ["local"]}
    themes = pd.DataFrame({"theme_id": ["youth", "local", "health"], "name": ["Youth", "Local government", "Health"]})
    out = with_title_words(themes, evidence, _taxonomy())
    # 2 of 4 use "young people" ("people" alone is not it); none says "local": that theme is no question they answer.
    assert out["title_words"].tolist() == ["young people", "", ""]
    assert out["title_users"].tolist()[0] == 2 and out["title_users"].isna().tolist() == [False, True, True]


def test_title_themes_without_a_title_nothing_is_marked():
    texts = pd.Series(["Young people need incentives"], index=["a"])
    evidence = NameEvidence(texts, pd.Series(True, index=texts.index), "")
    themes = pd.DataFrame({"theme_id": ["youth"], "name": ["Youth"]})
    out = with_title_words(themes, evidence, _taxonomy())
    assert out["title_words"].tolist() == [""] and out["title_users"].isna().all()


def test_title_themes_the_report_says_which_themes_the_title_names_in_each_language():
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import _title_themes_sentence

    themes = pd.DataFrame(
        {
            "theme_id": ["policing", "youth", "other"],
            "name": ["Policing", "Youth", "Other"],
            "title_words": ["", "young people", ""],
            "title_users": pd.array([pd.NA, 12, pd.NA], dtype="Int64"),
        }
    )
    facts = {"accounting": {"analysed": 30}}
    tables = {"themes": themes, "overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [24]})}
    said = {
        lang: _title_themes_sentence(ReportContext(tables=tables, facts=facts, lang=lang, taxonomy=None, settings={}), themes)
        for lang in ("en", "es", "pt")
    }
    assert said["en"].startswith("The consultation's own title names the theme “Youth”: 12 of the 24 distinct contributions")
    assert "«young people»" in said["es"] and "título" in said["es"] and "título" in said["pt"]
    # No theme named by the title (or a table from an older run): no sentence.
    plain = themes.drop(columns=["title_words", "title_users"])
    assert _title_themes_sentence(ReportContext(tables=tables, facts=facts, lang="en", taxonomy=None, settings={}), plain) == ""


def test_title_themes_the_theme_the_title_names_by_its_name_is_marked_and_said():
    # Read 68 (Pol.is "ScoopNZ Hivemind on affordable housing"): «Housing» keeps its title keyword as evidence (64%), and the
    # summary says its share is the question as much as a finding; its title words are then no "words the title is made of".
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import _title_themes_sentence

    taxonomy = Taxonomy(
        id="t",
        languages=["en"],
        themes=[
            Theme(id="housing", name={"en": "Housing"}, keywords={"en": ["housing", "rent"]}),
            Theme(id="land", name={"en": "Land and territory"}, keywords={"en": ["land"]}),
        ],
    )
    texts = pd.Series(["State housing must be secured", "More housing near transport", "Cap the rent"], index=["a", "b", "c"])
    evidence = NameEvidence(texts, pd.Series(True, index=texts.index), "Hivemind on affordable housing")
    themes = pd.DataFrame({"theme_id": ["housing", "land"], "name": ["Housing", "Land and territory"]})
    out = with_title_words(themes, evidence, taxonomy)
    assert out["title_named"].tolist() == [True, False] and out["title_words"].tolist() == ["", ""]
    out["unique_contributions"], out["share_of_unique"] = [2, 0], [0.667, 0.0]
    facts = {"accounting": {"analysed": 3}}
    tables = {"themes": out, "overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [3]})}
    said = _title_themes_sentence(ReportContext(tables=tables, facts=facts, lang="en", taxonomy=None, settings={}), out)
    assert (
        said
        == "The consultation's own title names the theme “Housing” (67%): its share says what was asked about as much as what people raised."
    )
