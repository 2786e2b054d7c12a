"""Report sections that have nothing to say are left out, not printed as an empty heading."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from consultnlp import schema
from tests.report.frames import golden_frame, render_report


def _report(frame: pd.DataFrame, segment_columns: list[str]) -> str:
    return render_report(frame, "en", tuple(segment_columns))


def test_who_took_part_only_when_there_is_a_language_or_segment_to_show():
    # Full Chile 2016 (one language, no segment column) printed "## Quién participó" with nothing under it.
    frame = golden_frame()
    # (The file names no author: the section says so before its tables, claim check 86.)
    shown = _report(frame, ["region"])
    assert "## Who took part\n\nThe file does not say who wrote each contribution" in shown and "\n### Languages" in shown
    one_language = frame.copy()
    one_language[schema.LANG] = "es"
    report = _report(one_language, [])
    assert "## Who took part" not in report and "## How this report was produced" in report


def test_quotes_name_the_prompt_their_contribution_answers():
    # Full Chile 2016: «Pública, gratuita y de calidad…» quoted among the reasons of those "against", with nothing to
    # say against what: each row answers a concept, and the quote's cite now names it.
    frame = golden_frame()
    frame[schema.CONTEXT] = ["Salud" if i % 2 else "Datos abiertos" for i in range(len(frame))]
    report = _report(frame, ["region"])
    quoted = re.findall(r"^> — \*(.+)\*$", report, re.M)
    assert quoted, report
    prompts = frame[schema.CONTEXT]
    for cite in quoted:
        comment_id, _, on = cite.replace("\\", "").partition(", ")
        assert on == f"on “{prompts[comment_id]}”", cite
    # Without prompts, the cite is the comment id alone.
    assert all(", on " not in cite for cite in re.findall(r"^> — \*(.+)\*$", _report(golden_frame(), ["region"]), re.M))


def test_method_says_how_many_were_set_aside_beyond_the_lists():
    # The method section said only "the lists are in data/nonanswers/", while on full Chile 2016 the meaning model set
    # aside 131 rows and the corpus evidence 37 that no list names.
    frame = golden_frame()
    expected = {
        "es": (
            "37 de las apartadas por no tener contenido propio no están en ninguna lista",
            "131 contribuciones que no están en ninguna lista",
        ),
        "pt": (
            "37 das separadas por não terem conteúdo próprio não estão em nenhuma lista",
            "131 contribuições que não estão em nenhuma lista",
        ),
        "en": ("37 of those set aside as having no content of their own are in no list", "131 contributions in no list"),
    }
    for lang, sentences in expected.items():
        report = render_report(frame, lang, ("region",), screened={"evidence": 37, "meaning": 131})
        assert all(sentence in report for sentence in sentences), lang
    only_meaning = render_report(frame, "en", ("region",), screened={"evidence": 0, "meaning": 1})
    assert "1 contribution in no list was set aside" in only_meaning and "of those set aside" not in only_meaning
    assert "in no list" not in _report(frame, ["region"])  # nothing beyond the lists: no sentence


def test_subjects_say_how_many_distinct_contributions_no_topic_holds():
    # Plano Clima: "As 1.286 contribuições distintas foram agrupadas … em 20 tópicos", while 64 were in none and the
    # subjects' shares summed to 94.9% without saying so (blind claim check, stop 36).
    frame = golden_frame()
    outliers = frame[frame[schema.TOPIC_ID] == -1]
    assert len(outliers) == 1 and outliers[schema.EXCLUDED].eq("").all()
    expected = {
        "es": "1 contribución distinta (",
        "pt": "1 contribuição distinta (",
        "en": "1 distinct contribution (",
    }
    for lang, start in expected.items():
        report = render_report(frame, lang)
        line = next((x for x in report.splitlines() if x.startswith(start)), "")
        assert "tópico" in line or "topic" in line, (lang, line)
    clustered = frame.copy()
    clustered.loc[clustered[schema.TOPIC_ID] == -1, schema.TOPIC_ID] = 0
    assert "close to no topic" not in _report(clustered, ["region"])


def test_subjects_say_when_the_clustering_placed_fewer_than_half_of_the_texts():
    # Claim check 73 (Pol.is biodiversity): "5 distinct contributions (4.6%) were close to no topic", while the clustering
    # had left 55% in no topic and each was given its closest one afterwards (a subject «Land», 10 of 39 about land).
    frame = golden_frame()
    expected = {
        "es": "El agrupamiento dejó primero sin tópico al 55% de los textos",
        "pt": "O agrupamento deixou primeiro sem tópico 55% dos textos",
        "en": "The clustering first left 55% of the texts in no topic",
    }
    for lang, sentence in expected.items():
        report = render_report(frame, lang, unplaced_share=0.5505).replace("\\", "")
        assert sentence in report, (lang, [x for x in report.splitlines() if "55" in x])
    for share in (0.3817, None):  # Chile 2016's 38%, or a summary made without the statistic: nothing said
        assert "The clustering first left" not in render_report(frame, "en", unplaced_share=share)


def test_method_names_the_column_the_text_came_from():
    # Plano Clima: the report never said that «descricao» was analysed and «titulo» was not (blind claim check, stop 36).
    frame = golden_frame()
    expected = {
        "es": "Se analizó el texto de la columna «descricao» (elegida automáticamente; ingest.text_column elige otra).",
        "pt": "Foi analisado o texto da coluna «descricao» (escolhida automaticamente; ingest.text_column escolhe outra).",
        "en": "The text analysed is that of the column “descricao” (chosen automatically; ingest.text_column chooses another).",
    }
    for lang, sentence in expected.items():
        report = render_report(frame, lang, ("region",), text_columns=["descricao"], text_column_auto=True).replace("\\", "")
        assert sentence in report, lang
    chosen = render_report(frame, "en", ("region",), text_columns=["title", "body"]).replace("\\", "")
    assert "The text analysed is that of the columns “title” and “body”." in chosen
    assert "The text analysed" not in _report(frame, ["region"])  # a summary made without the input's columns says nothing


def test_summary_says_how_many_participants_wrote_and_how_much_the_most_prolific_did():
    # PNDBio 2025: 575 contributions from 78 participants, 221 of them (38%) by five accounts; the report never said so.
    frame = golden_frame()
    analysed = frame.index[frame[schema.EXCLUDED] == ""]
    frame["id_autor"] = ""
    frame.loc[analysed, "id_autor"] = ["u1", "u1", "u1", "u2", "u3", "u4", "u5"][: len(analysed)]
    n = len(analysed)
    expected = {
        "es": f"Las {n} contribuciones analizadas son de 5 participantes (columna «id_autor»); quien más escribió suma 3",
        "pt": f"As {n} contribuições analisadas são de 5 participantes (coluna «id_autor»); quem mais escreveu soma 3",
        "en": f"The {n} contributions analysed come from 5 participants (column “id_autor”); the one who wrote most accounts for 3",
    }
    for lang, sentence in expected.items():
        assert sentence in render_report(frame, lang).replace("\\_", "_"), lang
    frame.loc[analysed, "id_autor"] = [f"u{i}" for i in range(len(analysed))]  # one each: nothing to say
    assert "participants (column" not in _report(frame, ["region"])
    assert "participants (column" not in _report(golden_frame(), ["region"])  # no author column


def test_a_theme_counted_with_its_sub_themes_shows_theirs_when_it_has_no_example_of_its_own():
    # Biodiversity (claim check, stop 40): «Inclusion (with its sub-themes)» had a section and no example.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.themes import _quotes

    themes = pd.DataFrame(
        {
            "theme_id": ["inclusion", "indigenous_peoples", "youth"],
            "parent": ["", "inclusion", "inclusion"],
            "unique_contributions": [0, 6, 2],
        }
    )
    quotes = pd.DataFrame(
        {
            "scope": ["theme", "theme", "theme"],
            "group_id": ["indigenous_peoples", "youth", "youth"],
            "rank": [1, 1, 2],
            "comment_id": ["61", "69", "142"],
            "quote": ["indigenous ecosystems", "educating young people", "field trips"],
        }
    )
    ctx = ReportContext({"themes": themes, "quotes": quotes}, {}, "en", None, {})
    # Indigenous peoples has a section of its own: its quotes stay there, the parent shows the other sub-theme's.
    assert [q["cite"] for q in _quotes(ctx, "inclusion", {"inclusion", "indigenous_peoples"})] == ["69", "142"]
    assert [q["cite"] for q in _quotes(ctx, "inclusion")][:1] == ["61"]  # largest sub-theme first
    assert [q["cite"] for q in _quotes(ctx, "youth")] == ["69", "142"]  # a theme with its own quotes shows them


def test_method_lists_the_personal_data_found_by_kind_and_names_the_rest_looked_for():
    # Canadian and seattle claim checks (stop 41): 24 kinds each followed by ": 0" read as boilerplate. What was found
    # is counted by kind; what else was looked for is named once, without a zero after each.
    frame = golden_frame()
    frame["pii_found"] = ""
    frame.iloc[0, frame.columns.get_loc("pii_found")] = "EMAIL:2"
    report = render_report(frame, "en")
    line = next(x for x in report.splitlines() if "Personal data redacted, by kind:" in x)
    assert line.startswith("Personal data redacted, by kind: email address: 2. Also looked for, none found: phone number, ")
    assert ": 0" not in line and "email address" not in line.split("Also looked for")[1]
    # Claim checks 66 and 70 (Brazilian consultations): the other countries' identity numbers are one item, the report
    # language's own countries' are named (Brazil's in Portuguese, none in English).
    assert line.endswith("the identity and tax numbers of other countries (Brazil, Chile, Argentina, Mexico, Colombia and Peru)."), line
    pt = next(x for x in render_report(frame, "pt").splitlines() if "Também se procurou" in x)
    assert "CPF" in pt and "RUT" not in pt and pt.endswith("de outros países (Chile, Argentina, México, Colômbia e Peru).")
    es = next(x for x in render_report(frame, "es").splitlines() if "También se buscó" in x)
    assert "RUT (Chile)" in es and "CPF" not in es and es.endswith("de otros países (Brasil).")
    frame["pii_found"] = ""
    nothing = next(x for x in render_report(frame, "es").splitlines() if "sin encontrar ninguno" in x)
    assert nothing.startswith("Se buscó, sin encontrar ninguno: correo electrónico, ") and ": 0" not in nothing


def test_sections_columns_not_used_as_segments_are_said_only_when_none_was_named():
    # Claim checks 78 and 79: the report never said the breakdown by the export's own structure had not been made.
    frame = golden_frame()
    candidates = [["tema_nombre", 4]]
    unnamed = render_report(frame, segment_columns=(), segment_candidates=candidates)
    assert "The file has a column that could break the results down and was not used" in unnamed and "“tema\\_nombre” (4 values)" in unnamed
    named = render_report(frame, segment_columns=("region",), segment_candidates=candidates)
    assert "could break the results down" not in named


@pytest.mark.parametrize("lang", ["es", "pt", "en"])
def test_sections_a_long_quote_is_shown_from_its_start_to_a_sentence_end_and_marked_as_an_excerpt(lang):
    # Claim check 93 (PNDBio): quotes of 4,995 and 2,367 characters, a page each.
    from consultnlp.report.sections.common import QUOTE_SHOWN_CHARS, ReportContext, quote_item

    ctx = ReportContext(tables={}, facts={}, lang=lang, taxonomy=None, settings={})
    sentence = "Ampliar o financiamento das cadeias da sociobiodiversidade nos territórios. "
    text = sentence * 40
    item = quote_item(ctx, {"comment_id": "r000001", "quote": text.strip()})
    assert item["text"].endswith(". […]") and len(item["text"]) <= QUOTE_SHOWN_CHARS + 4
    assert text.startswith(item["text"][: -len(" […]")])  # verbatim, from the start
    assert ("comments.csv" in item["cite"]) and (
        f"{len(text.strip()):,}".replace(",", "") in item["cite"].replace(",", "").replace(".", "")
    )
    short = quote_item(ctx, {"comment_id": "r000002", "quote": sentence.strip()})
    assert short == {"text": sentence.strip(), "cite": "r000002"}


def test_sections_a_name_of_the_whole_consultations_words_is_said_to_be_one_not_used_by_none():
    # Claim check 94 (Pol.is football): «Football» (30 contributions; 0 of them use a word of its name), where 15 say it:
    # "football" is the whole conversation's word, not counted.
    from consultnlp.report.sections.common import ReportContext, name_speaks_for

    ctx = ReportContext(tables={}, facts={}, lang="en", taxonomy=None, settings={})
    group = pd.Series({"label": "Football", "contributions": 30, "contributions_using_name": 0, "name_words_consultation": "football"})
    assert name_speaks_for(ctx, group, 1.0) == ("consultation", 0)
    assert name_speaks_for(ctx, group.drop("name_words_consultation"), 1.0) == ("name", 0)
    assert name_speaks_for(ctx, pd.Series({**group.to_dict(), "contributions_using_name": 20}), 0.5) is None


def test_sections_a_findings_overall_share_is_the_theme_lists_from_its_counts():
    # Claim check 95 (Chile 5k): 422 of 4,768 distinct was "8,9%" in the theme list and "8,8% del total" in a finding,
    # from the finding's four-digit 0.0885.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.findings import _overall_share

    themes = pd.DataFrame(
        {"theme_id": ["public_service_delivery", "health"], "unique_contributions": [14, 142], "unique_with_subthemes": [422, pd.NA]}
    )
    overview = pd.DataFrame({"metric": ["unique_contributions"], "value": [4768]})
    facts = {"accounting": {"analysed": 5000}}
    ctx = ReportContext(tables={"themes": themes, "overview": overview}, facts=facts, lang="es", taxonomy=None, settings={})
    family = pd.Series({"theme_id": "public_service_delivery", "level": "family", "share_overall": 0.0885})
    assert ctx.unique_total() == 4768
    assert ctx.pct(_overall_share(ctx, family)) == "8,9%"
    assert _overall_share(ctx, pd.Series({"theme_id": "health", "level": "theme", "share_overall": 0.0298})) == 142 / 4768
    assert _overall_share(ctx, pd.Series({"theme_id": "other", "level": "theme", "share_overall": 0.5})) == 0.5


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "Congreso unicameral (97; solo 18 mencionan «unicameral»)"),
        ("pt", "Congreso unicameral (97; só 18 mencionam «unicameral»)"),
        ("en", "Congreso unicameral (97; only 18 mention “unicameral”)"),
    ],
)
def test_sections_a_topic_whose_name_states_what_few_say_says_how_many_mention_that_word(lang, expected):
    # Claim check 95 (Chile 5k): «Congreso unicameral» (97), 37 of which say "congreso" or "unicameral" and 24 argue for a
    # single chamber, was listed with no note.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.topics import subtopic

    ctx = ReportContext(tables={}, facts={}, lang=lang, taxonomy=None, settings={})
    topic = pd.Series(
        {
            "label": "Congreso unicameral",
            "unique_contributions": 97,
            "contributions": 97,
            "naming_words": "congreso; unicameral",
            "contributions_naming_it": 37,
            "contributions_using_name": 37,
            "naming_rarest_word": "unicameral",
            "contributions_naming_rarest": 18,
        }
    )
    assert subtopic(ctx, topic) == expected
    assert subtopic(ctx, pd.Series({**topic.to_dict(), "contributions_naming_rarest": 40})) == "Congreso unicameral (97)"


def test_sections_a_headlined_subject_named_by_its_quoted_topics_is_not_quoted_twice():
    # march-on's summary read ««Impeach Trump», «Democratic Party» and 6 other topics» with a doubled opening quote.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import _headlined

    ctx = ReportContext(tables={}, facts={}, lang="en", taxonomy=None, settings={})
    label = "“Impeach Trump”, “Democratic Party” and 6 other topics"
    group = pd.Series(
        {"label": label, "contributions": 489, "unique_contributions": 489, "share_unique": 0.29, "contributions_using_name": 300}
    )
    assert _headlined(ctx, group).startswith(label + " (29%")
    plain = pd.Series({**group.to_dict(), "label": "Health care"})
    assert _headlined(ctx, plain).startswith("“Health care” (29%")


def test_sections_a_spanish_subject_named_by_its_quoted_topics_is_not_quoted_twice():
    # Chile 5k: «“Leyes y normas”, “Responsabilidad” y 6 tópicos más»: the names list their topics in “…” in every language.
    from consultnlp.report.sections.common import ReportContext, name_quoted

    ctx = ReportContext(tables={}, facts={}, lang="es", taxonomy=None, settings={})
    assert name_quoted(ctx, "“Leyes y normas”, “Responsabilidad” y 6 tópicos más") == "“Leyes y normas”, “Responsabilidad” y 6 tópicos más"
    assert name_quoted(ctx, "Democracia") == "«Democracia»"
