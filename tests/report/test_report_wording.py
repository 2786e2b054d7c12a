"""Report sentences that must read true in each language: a list-named subject quoted once, and the first accounting
sentence agreeing with the number analysed."""

from __future__ import annotations

import pandas as pd
import pytest


def test_a_subject_named_by_a_list_of_quoted_topics_is_not_quoted_again():
    # NHS feedback (claim check 61): "Loosely named (words of ““Mental health”, “Helped” and 7 other topics” in 175 of 924)".
    from consultnlp.report.sections.common import ReportContext, name_quoted

    en = ReportContext(tables={}, facts={}, lang="en", taxonomy=None, settings={})
    es = ReportContext(tables={}, facts={}, lang="es", taxonomy=None, settings={})
    assert name_quoted(en, "“Care”, “Feel at ease” and 7 other topics") == "“Care”, “Feel at ease” and 7 other topics"
    assert name_quoted(en, "Ward staff and food") == "“Ward staff and food”"
    assert name_quoted(es, "«Salud», «Educación» y 3 tópicos más") == "«Salud», «Educación» y 3 tópicos más"
    assert name_quoted(es, "Salud") == "«Salud»"


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "Of the 10 contributions received, 1 was analysed and 9 were set aside:", "6 were analysed and 4 were set aside"),
        ("es", "De las 10 contribuciones recibidas se analizó 1 y se apartaron 9:", "se analizaron 6 y se apartaron 4"),
        ("pt", "Das 10 contribuições recebidas, 1 foi analisada e 9 foram separadas:", "6 foram analisadas e 4 foram separadas"),
    ],
)
def test_the_accounting_sentence_agrees_with_the_number_analysed(lang, one, many):
    # The Austrian conversation in Portuguese: "Das 1.039 contribuições recebidas, 1 foram analisadas e 1.038 foram separadas".
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import accounting_blocks

    def first(analysed: int) -> str:
        facts = {"accounting": {"input": 10, "analysed": analysed, "excluded": {"language": 10 - analysed}}}
        tables = {"overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [analysed]})}
        return accounting_blocks(ReportContext(tables=tables, facts=facts, lang=lang, taxonomy=None, settings={}))[0].text

    assert first(1) == one
    assert many in first(6)


def test_a_closed_question_of_two_answers_shows_no_share_agreeing_in_part(tmp_path):
    # Claim check 62 (ArgKP dev): "51% of them support, 0% agree in part and 49% oppose" for an Agree / Disagree column.
    from typer.testing import CliRunner

    from consultnlp.cli import app

    topics = ["the bus lanes on the avenue", "the new library hours", "the park lighting", "the recycling points"]
    rows = [
        {"id": i, "comment": f"Comment {i} about {topics[i % 4]}, which matters to my street", "stance": ["Agree", "Disagree"][i % 3 == 0]}
        for i in range(40)
    ]
    path = tmp_path / "two.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    out = tmp_path / "run"
    args = ["analyze", str(path), "--text-column", "comment", "--id-column", "id", "--position-column", "stance"]
    result = CliRunner().invoke(app, [*args, "--out", str(out), "--format", "md", "--quiet", "--no-cache"])
    assert result.exit_code == 0, result.output
    report = (out / "report.md").read_text(encoding="utf-8")
    summary = report.split("## ")[1]
    assert "answer the closed question “stance”" in summary and "support and" in summary
    assert "in part" not in summary
    assert "different questions" not in report  # one question: its balance is one
    # Claim check 67 (Chile 2016, «acuerdo» marked agreement within a meeting): the headline says how the answers were read,
    # and each side's reasons are named by its answers, not as "those who oppose".
    assert "“Agree” is read as support and “Disagree” as oppose. If the question recorded something else" in summary
    assert "### Reasons given with the answer “Disagree” (read as oppose)" in report
    assert "Reasons given by those who oppose" not in report
    section = report.split("## Support and opposition")[1].split("\n## ")[0] if "## Support and opposition" in report else ""
    assert section and "| Agree in part |" not in section


def test_a_balance_of_answers_to_several_questions_says_it_adds_them_up(tmp_path):
    # ArgKP dev as a consultation (four motions): "51% support and 49% oppose" added up positions on four proposals.
    from typer.testing import CliRunner

    from consultnlp.cli import app

    topics = ["the bus lanes on the avenue", "the new library hours", "the park lighting", "the recycling points"]
    motions = ["We should close the avenue to cars", "We should open the library on Sundays"]
    rows = [
        {
            "id": i,
            "comment": f"Comment {i} about {topics[i % 4]}, which matters to my street",
            "motion": motions[i % 2],
            "stance": ["Agree", "Disagree"][i % 3 == 0],
        }
        for i in range(40)
    ]
    path = tmp_path / "motions.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    out = tmp_path / "run"
    args = [
        "analyze",
        str(path),
        "--text-column",
        "comment",
        "--id-column",
        "id",
        "--position-column",
        "stance",
        "--context-column",
        "motion",
    ]
    result = CliRunner().invoke(app, [*args, "--out", str(out), "--format", "md", "--quiet", "--no-cache"])
    assert result.exit_code == 0, result.output
    report = (out / "report.md").read_text(encoding="utf-8")
    summary = report.split("## ")[1]
    said = "The contributions answer 2 different questions: each position is on the question its contribution answers"
    assert said in summary
    assert said in report.split("## Support and opposition")[1].split("\n## ")[0]


def test_a_later_part_of_a_split_contribution_is_quoted_last():
    # Claim check 63 (PNDBio): "PARTE 2/2 …" was quoted for a subject its first part was not in.
    from consultnlp import schema
    from consultnlp.summary.quotes import LATER_PART_PENALTY, quote_adjustment

    texts = [
        "PARTE 2/2 - e por isso a bioeconomia precisa de crédito para as cooperativas da região norte do país",
        "Contribuição da associação (parte 3 de 3): linhas de crédito para cooperativas da região norte do país",
        "Parte 1/2: a bioeconomia precisa de crédito para as cooperativas da região norte do país, com prazos longos",
        "A parte 2/3 dos fundos deveria ir para as cooperativas da região norte do país e para a assistência técnica",
    ]
    units = pd.DataFrame({schema.TEXT_REDACTED: texts}, index=["a", "b", "c", "d"])
    adjust = quote_adjustment(units, units.index, "topic", "0")
    assert adjust.tolist() == [-LATER_PART_PENALTY, -LATER_PART_PENALTY, 0.0, 0.0]


def test_a_parent_theme_without_a_raised_sub_theme_is_not_said_to_have_them():
    # Claim check 63 (PNDBio): «Abertura fiscal (com seus subtemas)» had no sub-theme assigned.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.themes import theme_rows

    themes = pd.DataFrame(
        {
            "theme_id": ["fiscal", "budget", "climate", "water"],
            "name": ["Fiscal openness", "Budget", "Climate", "Water"],
            "parent": [None, "fiscal", None, "climate"],
            "unique_contributions": [4, 0, 10, 3],
            "unique_with_subthemes": [4, pd.NA, 12, pd.NA],
            "share_of_unique": [0.04, 0.0, 0.1, 0.03],
        }
    )
    tables = {"themes": themes, "overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [100]})}
    ctx = ReportContext(tables=tables, facts={"accounting": {"analysed": 100}}, lang="en", taxonomy=None, settings={})
    rows = theme_rows(ctx).set_index("theme_id")
    assert rows.loc["fiscal", "shown_name"] == "Fiscal openness" and rows.loc["fiscal", "shown_unique"] == 4
    assert rows.loc["climate", "shown_name"] == "Climate (with its sub-themes)" and rows.loc["climate", "shown_unique"] == 12


@pytest.mark.parametrize(("untagged", "said"), [(0.42, True), (0.29, False)])
def test_the_report_says_the_taxonomy_may_not_fit_when_many_get_no_theme(untagged, said):
    # Claim checks 61 and 63 (NHS 78%, PNDBio 42% with no theme): the report never said the taxonomy may be the wrong lens.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import summary_sentences

    themes = pd.DataFrame(
        {
            "theme_id": ["climate", "other"],
            "name": ["Climate", "Other"],
            "unique_contributions": [58, 42],
            "share_of_unique": [1 - untagged, untagged],
        }
    )
    tables = {"themes": themes, "overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [100]})}
    ctx = ReportContext(tables=tables, facts={"accounting": {"analysed": 100}}, lang="en", taxonomy=None, settings={})
    text = " ".join(summary_sentences(ctx))
    assert ("the taxonomy may not fit this consultation" in text) is said


@pytest.mark.parametrize("lang", ["es", "pt", "en"])
def test_a_theme_of_one_or_two_contributions_is_not_reported_as_raised(lang):
    # Claim check 76 (canadian electoral reform): «Fiscal openness», «Political finance» and «Local government» were charted
    # and listed at 0.9% each, one contribution apiece and each a word read in another sense.
    from consultnlp.i18n import t
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import summary_sentences
    from consultnlp.report.sections.themes import themes_section

    themes = pd.DataFrame(
        {
            "theme_id": ["elections", "parliament", "fiscal", "finance"],
            "name": ["Elections", "Open parliament", "Fiscal openness", "Political finance"],
            "unique_contributions": [69, 9, 1, 2],
            "share_of_unique": [0.61, 0.08, 0.009, 0.018],
        }
    )
    tables = {"themes": themes, "overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [113]})}
    ctx = ReportContext(tables=tables, facts={"accounting": {"analysed": 113}}, lang=lang, taxonomy=None, settings={})
    section = themes_section(ctx)
    headings = [s.heading for s in section.subsections]
    assert len(headings) == 2 and headings[0].startswith("Elections") and headings[1].startswith("Open parliament")
    chart = next(b for b in section.blocks if b.kind == "chart")
    assert "Fiscal openness" not in str(chart.__dict__)
    few = t(
        "themes_few", lang, count=2, n="2", min=3, names=f"{ctx.q('Political finance')} {t('and', lang)} {ctx.q('Fiscal openness')}"
    )  # larger first
    texts = [b.text for b in section.blocks if b.kind == "p"]
    assert few in texts, texts
    said = " ".join(summary_sentences(ctx))
    assert "Political finance" not in said and "Elections" in said
    # ... nor counted among the themes raised on the first screen (the canadian report's tile said 11 over 3 charted).
    from consultnlp.report.sections.summary import summary_section

    ctx.facts["accounting"] = {"input": 113, "analysed": 113, "excluded": {}}
    figures = next(b for b in summary_section(ctx).blocks if b.kind == "figures").figures
    assert {"value": "2", "label": t("fig_themes", lang, count=2)} in figures
    # The annex lists all four, and says why two of them are not counted (claim check 89: "35 temas" beside 38 rows).
    from consultnlp.report.sections.context import annex_section

    annex = next(s for s in annex_section(ctx).subsections if s.id == "annex-themes")
    assert len(next(b for b in annex.blocks if b.kind == "table").rows) == 4
    assert t("annex_themes_few", lang, count=2, n="2", min=3) in [b.text for b in annex.blocks if b.kind == "p"]


def test_a_theme_holding_one_of_the_largest_key_points_has_a_section():
    # Claim check 87 (Chile 2016): «El Congreso debe ser unicameral» (63), the run's largest key point, belonged to
    # «Parlamento abierto» (2.2%), a theme past the six with a section: the report never showed it.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.themes import THEMES_DETAILED, themes_section

    ids = [f"t{i}" for i in range(THEMES_DETAILED + 2)]
    themes = pd.DataFrame(
        {
            "theme_id": ids,
            "name": [f"Theme {i}" for i in range(len(ids))],
            "unique_contributions": [100 - 10 * i for i in range(len(ids))],
            "share_of_unique": [(100 - 10 * i) / 1000 for i in range(len(ids))],
        }
    )
    points = pd.DataFrame(
        {
            "scope": ["theme", "theme", "group"],
            "group_id": [ids[-1], ids[0], "0"],
            "rank": [1, 1, 1],
            "statement": ["Congress should have one chamber.", "Schools need more teachers.", "Buses at night."],
            "comment_id": ["c1", "c2", "c3"],
            "contributions": [63, 20, 10],
            "unique_contributions": [36, 20, 10],
        }
    )
    tables = {"themes": themes, "key_points": points, "overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [1000]})}
    ctx = ReportContext(tables=tables, facts={"accounting": {"analysed": 1000}}, lang="en", taxonomy=None, settings={})
    headings = [s.heading for s in themes_section(ctx).subsections]
    assert len(headings) == THEMES_DETAILED + 1 and headings[-1].startswith(f"Theme {len(ids) - 1}")
    assert not any(h.startswith(f"Theme {len(ids) - 2}") for h in headings)


def test_a_quote_as_long_as_the_platforms_limit_says_its_end_may_be_missing():
    # Claim check 86 (Plano Clima): 81 proposals of exactly 500 characters, quoted with no mark that they may be cut.
    from consultnlp.report.sections.common import ReportContext, quote_item

    ctx = ReportContext(tables={}, facts={"length_limit": {"n": 81, "chars": 20}}, lang="pt", taxonomy=None, settings={})
    cut = quote_item(ctx, {"quote": "x" * 20, "comment_id": "r1"})
    whole = quote_item(ctx, {"quote": "x" * 19, "comment_id": "r2"})
    assert cut["cite"] == "r1, 20 caracteres, o limite: o final pode faltar" and whole["cite"] == "r2"
    assert quote_item(ReportContext({}, {}, "pt", None, {}), {"quote": "x" * 20, "comment_id": "r1"})["cite"] == "r1"


def test_who_took_part_says_when_the_file_names_no_author():
    # Claim check 86 (Plano Clima): «Quem participou» held contributions per plan and never said who wrote them.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.context import participation_section

    table = pd.DataFrame({"plano": ["A", "B"], "contributions": [10, 5], "analysed": [10, 5], "unique_contributions": [9, 5]})
    table["share_of_unique"] = table["unique_contributions"] / 14
    facts = {"segment_tables": {"plano": "segment_plano"}, "accounting": {"analysed": 15}}
    tables = {"segment_plano": table, "overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [14]})}
    said = lambda f: " ".join(b.text or "" for b in participation_section(ReportContext(tables, f, "pt", None, {})).blocks)  # noqa: E731
    assert "não é possível contar os participantes" in said(facts)
    assert "não é possível contar" not in said({**facts, "authorship": {"column": "autor", "participants": 3}})
    assert "não é possível contar" not in said({**facts, "records": {"column": "id_ela", "records": 4}})


@pytest.mark.parametrize("lang", ["es", "pt", "en"])
def test_report_wording_the_annex_says_why_a_theme_heading_sub_themes_is_not_counted_on_the_first_screen(lang):
    # Claim checks 92 and 96: "34 themes raised" beside 38 rows less 3 (march-on), "29 temas" beside 31 (Plano Clima): a
    # theme listed with its sub-themes that was itself given to fewer than 3 is not counted, and the annex did not say so.
    from consultnlp.i18n import t
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.context import annex_section
    from consultnlp.report.sections.summary import summary_section

    themes = pd.DataFrame(
        {
            "theme_id": ["public_service_delivery", "education", "health", "elections", "open_data"],
            "name": ["Public service delivery", "Education", "Health", "Elections", "Open data"],
            "parent": ["", "public_service_delivery", "public_service_delivery", "", ""],
            "unique_contributions": [0, 40, 30, 20, 1],
            "unique_with_subthemes": [70, pd.NA, pd.NA, pd.NA, pd.NA],
            "share_of_unique": [0.0, 0.4, 0.3, 0.2, 0.01],
        }
    )
    tables = {"themes": themes, "overview": pd.DataFrame({"metric": ["unique_contributions"], "value": [100]})}
    facts = {"accounting": {"input": 100, "analysed": 100, "excluded": {}}}
    ctx = ReportContext(tables=tables, facts=facts, lang=lang, taxonomy=None, settings={})
    figures = next(b for b in summary_section(ctx).blocks if b.kind == "figures").figures
    assert {"value": "3", "label": t("fig_themes", lang, count=3)} in figures
    annex = next(s for s in annex_section(ctx).subsections if s.id == "annex-themes")
    rows = next(b for b in annex.blocks if b.kind == "table").rows
    texts = [b.text for b in annex.blocks if b.kind == "p"]
    assert len(rows) == 5  # 5 listed - 1 given to fewer - 1 heading sub-themes = 3 counted
    assert t("annex_themes_few", lang, count=1, n="1", min=3) in texts
    assert t("annex_themes_heads", lang, count=1, n="1", min=3) in texts
