"""Golden tests: every summary table on a hand-built frame whose answers are known."""

from __future__ import annotations

import pandas as pd
import pytest

from consultnlp.config import SummariseConfig
from consultnlp.frame import row_accounting
from consultnlp.summary import segment_table_names, summarise
from tests.report.frames import golden_frame, summary_inputs


@pytest.fixture(scope="module")
def golden():
    frame = golden_frame()
    summary = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang="es",
    )
    return frame, summary


def _records(table: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(r) for r in table[columns].itertuples(index=False)]


def test_summarise_table_names_and_order(golden):
    _, summary = golden
    assert list(summary.tables) == [
        "overview",
        "languages",
        "segment_region",
        "topic_groups",
        "topics",
        "themes",
        "topic_theme",
        "theme_segment",
        "quotes",
        "key_points",
        "campaigns",
        "exclusions",
        "privacy",
    ]


def test_summarise_overview_golden(golden):
    _, summary = golden
    overview = dict(zip(summary.tables["overview"]["metric"], summary.tables["overview"]["value"]))
    assert overview == {
        "contributions": 9,
        "analysed": 7,
        "unique_contributions": 6,
        "duplicate_copies": 1,
        "excluded": 2,
        "excluded_empty": 1,
        "excluded_language": 1,
        "campaigns": 1,
        "campaign_contributions": 2,
        "campaign_unique_contributions": 1,
        "topics": 2,
        "outlier_share": 0.1429,
        "share_with_theme": 0.8571,
        "comments_with_personal_data": 1,
    }
    assert overview["contributions"] == overview["analysed"] + overview["excluded"]


def test_summarise_participation_golden(golden):
    _, summary = golden
    cols = ["contributions", "analysed", "unique_contributions", "excluded", "share_of_analysed", "share_of_unique"]
    assert _records(summary.tables["languages"], ["lang", *cols]) == [
        ("es", 4, 3, 2, 1, 0.4286, 0.3333),
        ("en", 2, 2, 2, 0, 0.2857, 0.3333),
        ("pt", 2, 2, 2, 0, 0.2857, 0.3333),
        ("other", 1, 0, 0, 1, 0.0, 0.0),
    ]
    # Blank metadata is its own value, listed last.
    assert _records(summary.tables["segment_region"], ["region", *cols]) == [
        ("Norte", 5, 4, 3, 1, 0.5714, 0.5),
        ("Sur", 3, 3, 3, 0, 0.4286, 0.5),
        ("(blank)", 1, 0, 0, 1, 0.0, 0.0),
    ]


def test_summarise_topics_golden(golden):
    _, summary = golden
    topics = summary.tables["topics"]
    cols = [
        "topic_id",
        "label",
        "topic_group_id",
        "topic_group_label",
        "contributions",
        "unique_contributions",
        "share",
        "share_unique",
        "languages",
        "top_themes",
        "top_theme_names",
    ]
    assert _records(topics, cols) == [
        (
            0,
            "Datos abiertos del presupuesto",
            0,
            "Datos abiertos",
            3,
            2,
            0.4286,
            0.3333,
            "es 67%, pt 33%",
            "open_data, health",
            "Datos abiertos, Salud",
        ),
        (1, "Hospital", 1, "Hospitales", 3, 3, 0.4286, 0.5, "en 33%, es 33%, pt 33%", "health, open_data", "Salud, Datos abiertos"),
        (-1, "Sin tópico claro", -1, "Sin tópico claro", 1, 1, 0.1429, 0.1667, "en 100%", "", ""),
    ]
    assert topics.loc[0, ["lang_share_es", "lang_share_pt", "lang_share_en"]].tolist() == [0.6667, 0.3333, 0.0]
    assert topics.loc[1, "keywords_en"] == "hospital, waiting, lists" and topics.loc[0, "keywords_en"] == ""


def test_summarise_topic_labels_follow_report_language():
    frame = golden_frame()
    labels = {}
    for lang in ("es", "pt", "en"):
        summary = summarise(
            frame, **summary_inputs(frame), cfg=SummariseConfig(), accounting=row_accounting(frame), segment_columns=[], lang=lang
        )
        labels[lang] = summary.tables["topics"].set_index("topic_id")["label"].to_dict()
    # The names stored per language at analysis time; a language the topic has no name in gets its main language's.
    assert (labels["es"][0], labels["pt"][0], labels["en"][0]) == (
        "Datos abiertos del presupuesto",
        "Dados abertos da saúde",
        "Datos abiertos del presupuesto",
    )
    assert (labels["es"][1], labels["pt"][1], labels["en"][1]) == ("Hospital", "Filas de espera", "Hospital waiting lists")
    assert labels["pt"][-1] == "Sem tópico claro" and labels["en"][-1] == "No clear topic"


def test_summarise_groups_and_key_points_golden(golden):
    frame, summary = golden
    groups = summary.tables["topic_groups"]
    assert _records(
        groups, ["topic_group_id", "label", "topics", "topic_ids", "contributions", "unique_contributions", "share_unique"]
    ) == [
        (0, "Datos abiertos", 1, "0", 3, 2, 0.3333),
        (1, "Hospitales", 1, "1", 3, 3, 0.5),
        (-1, "Sin tópico claro", 0, "-1", 1, 1, 0.1667),
    ]
    points = summary.tables["key_points"]
    assert _records(points, ["scope", "group_id", "group_name", "contributions"]) == [
        ("group", "1", "Hospitales", 3),
        ("theme", "open_data", "Datos abiertos", 3),
    ]
    for _, point in points.iterrows():
        assert point["statement"] in frame.loc[point["comment_id"], "text_redacted"]


def test_summarise_themes_golden(golden):
    _, summary = golden
    cols = ["theme_id", "name", "contributions", "unique_contributions", "share_of_analysed", "share_of_unique", "topics"]
    assert _records(summary.tables["themes"], cols) == [
        ("health", "Salud", 4, 4, 0.5714, 0.6667, 2),
        ("open_data", "Datos abiertos", 4, 3, 0.5714, 0.5, 2),
        ("other", "Otros (ningún tema)", 1, 1, 0.1429, 0.1667, 0),
    ]
    assert summary.tables["themes"]["unique_with_subthemes"].isna().all()  # no theme has sub-themes here


def _with_a_subtheme(lang: str):  # noqa: ANN202 - a Summary
    """The golden frame with c04 tagged with a sub-theme of health only and c05 with both."""
    frame = golden_frame()
    frame.loc["c04", "themes"] = "hospitals"  # a sub-theme of health
    frame.loc["c05", "themes"] = "hospitals;health"  # both: counted once for the family
    return summarise(
        frame,
        **summary_inputs(frame, with_family=True),
        cfg=SummariseConfig(),
        accounting=row_accounting(frame),
        segment_columns=[],
        lang=lang,
    )


def test_summarise_parent_theme_counts_with_its_subthemes_once():
    summary = _with_a_subtheme("es")
    themes = summary.tables["themes"].set_index("theme_id")
    assert themes.loc["health", "unique_contributions"] == 3  # c03, c05, c09 name health itself
    assert themes.loc["health", "unique_with_subthemes"] == 4  # plus c04 through its sub-theme, c05 once
    assert themes.loc["health", "share_of_unique_with_subthemes"] == round(4 / 6, 4)
    assert pd.isna(themes.loc["hospitals", "unique_with_subthemes"])


def test_summarise_parent_theme_never_given_itself_still_heads_its_subthemes():
    # PNDBio 2025: «Prestação de serviços públicos» (7.9% with «Saúde» and «Educação») was given to no contribution
    # itself, so it had no row: the themes table listed its sub-themes alone and the summary's top themes skipped it.
    frame = golden_frame()
    frame["themes"] = frame["themes"].str.replace("health", "hospitals", regex=False)
    summary = summarise(
        frame,
        **summary_inputs(frame, with_family=True),
        cfg=SummariseConfig(),
        accounting=row_accounting(frame),
        segment_columns=[],
        lang="en",
    )
    themes = summary.tables["themes"].set_index("theme_id")
    assert themes.loc["health", "unique_contributions"] == 0 and themes.loc["health", "contributions"] == 0
    assert themes.loc["health", "unique_with_subthemes"] == themes.loc["hospitals", "unique_contributions"] > 0


def test_summary_names_the_most_frequent_themes_as_the_themes_section_ranks_them():
    # A reader found the summary's third theme (a leaf, 2.0%) below one the themes table put third (4.0%, with its
    # sub-themes): the summary now counts and names them as the section does.
    from consultnlp.config import PipelineConfig
    from consultnlp.report.content import build_content
    from consultnlp.report.markdown import render_markdown
    from consultnlp.report.outputs import report_settings
    from tests.report.frames import taxonomy

    summary = _with_a_subtheme("en")
    content = build_content(
        summary.tables,
        summary.facts,
        lang="en",
        source="x.csv",
        taxonomy=taxonomy(True),
        settings=report_settings(PipelineConfig(), taxonomy(True), "en"),
        warnings=[],
    )
    report = render_markdown(content)
    line = next(x for x in report.split("\n") if x.startswith("The most frequent themes were"))
    assert line.startswith("The most frequent themes were “Health (with its sub-themes)” (67%; led by “Hospitals”, "), line
    # The sub-theme is inside its parent's 67%: named beside it, it would be counted twice (read 5, two reports); it is
    # named inside its parent's share, which may hide a sub-theme larger than the next themes (claim check 51).
    assert line.count("Hospitals") == 1 and summary.tables["themes"].set_index("theme_id").loc["hospitals", "unique_contributions"] > 0


def test_summary_names_a_theme_as_frequent_as_the_third():
    # Plano Clima, read 38: «Inclusão» (9.4%) was named third and «Governo local», as frequent, was not.
    from consultnlp import schema
    from consultnlp.config import PipelineConfig
    from consultnlp.report.content import build_content
    from consultnlp.report.markdown import render_markdown
    from consultnlp.report.outputs import report_settings
    from consultnlp.taxonomy import Taxonomy

    names = {"a": "Alpha", "b": "Beta", "c": "Gamma", "d": "Delta", "e": "Epsilon"}
    tax = Taxonomy.model_validate(
        {
            "id": "t",
            "name": {"es": "T", "pt": "T", "en": "T"},
            "themes": [{"id": k, "name": {"es": v, "pt": v, "en": v}} for k, v in names.items()],
        }
    )
    frame = golden_frame()
    # Units c01, c03, c04, c05, c06, c09 (c02 copies c01): a 5, b 4, c 3 and d 3 (tied third), e 0. (A theme of fewer
    # than 3 contributions is named nowhere: report.sections.themes.MIN_THEME_SHOWN.)
    frame["themes"] = ["a;b;c", "a;b;c", "a;b;d", "a;c;d", "a;c;d", "a;b", "", "", "b"]
    frame[schema.THEME_SCORES] = [";".join(f"{t}:0.5" for t in th.split(";") if t and t != "other") for th in frame["themes"]]
    inputs = summary_inputs(frame)
    inputs["taxonomy"] = tax
    summary = summarise(frame, **inputs, cfg=SummariseConfig(), accounting=row_accounting(frame), segment_columns=[], lang="en")
    counts = summary.tables["themes"].set_index("theme_id")["unique_contributions"].to_dict()
    assert (counts["a"], counts["b"], counts["c"], counts["d"]) == (5, 4, 3, 3), counts
    content = build_content(
        summary.tables,
        summary.facts,
        lang="en",
        source="x.csv",
        taxonomy=tax,
        settings=report_settings(PipelineConfig(), tax, "en"),
        warnings=[],
    )
    line = next(x for x in render_markdown(content).split("\n") if x.startswith("The most frequent themes were"))
    assert "“Gamma”" in line and "“Delta”" in line, line  # tied third: both named
    assert "Epsilon" not in line


def test_summarise_topic_theme_golden(golden):
    _, summary = golden
    cols = ["topic_id", "theme_id", "contributions", "unique_contributions", "share_of_topic", "share_of_theme"]
    assert _records(summary.tables["topic_theme"], cols) == [
        (-1, "other", 1, 1, 1.0, 1.0),
        (0, "open_data", 3, 2, 1.0, 0.75),
        (0, "health", 1, 1, 0.3333, 0.25),
        (1, "health", 3, 3, 1.0, 0.75),
        (1, "open_data", 1, 1, 0.3333, 0.25),
    ]


def test_summarise_theme_segment_counts_copies_once(golden):
    _, summary = golden
    table = summary.tables["theme_segment"].set_index(["segment", "theme_id"])
    norte = table.loc[("Norte", "open_data")]
    # c01+c02 are one duplicate group: 3 contributions but 2 unique (c01, c09) of Norte's 3 unique.
    assert (norte["contributions"], norte["unique_contributions"], norte["segment_size"], norte["segment_unique"]) == (3, 2, 4, 3)
    assert (norte["share_in_segment"], norte["share_overall"], norte["lift"]) == (0.6667, 0.5, 1.333)
    assert (norte["share_in_segment_with_duplicates"], norte["share_overall_with_duplicates"]) == (0.75, 0.5714)
    assert norte["test"] == "fisher" and norte["p_value"] == 1.0 and not norte["significant"]


def test_summarise_exclusions_privacy_campaigns_golden(golden):
    _, summary = golden
    assert _records(summary.tables["exclusions"], ["reason", "stage", "rows", "share_of_input", "example_comment_ids"]) == [
        ("empty", "ingest", 1, 0.1111, "c07"),
        ("language", "language", 1, 0.1111, "c08"),
    ]
    privacy = summary.tables["privacy"]
    from consultnlp.privacy import PII_KINDS

    # Every kind is listed (a reader sees what was looked for), the ones found first.
    assert _records(privacy.head(2), ["kind", "checked", "occurrences", "comments"]) == [("EMAIL", True, 1, 1), ("PHONE", True, 0, 0)]
    assert privacy["kind"].tolist()[1:] == [k for k in PII_KINDS if k != "EMAIL"] and privacy["occurrences"].sum() == 1
    campaigns = summary.tables["campaigns"]
    assert _records(
        campaigns,
        [
            "campaign_id",
            "contributions",
            "distinct_variants",
            "share_of_analysed",
            "languages",
            "topic_id",
            "themes",
            "top_region",
            "top_region_share",
            "representative_id",
            "variant_examples",
        ],
    ) == [
        ("K1", 2, 1, 0.2857, "es", 0, "open_data", "Norte", 1.0, "c01", ""),
    ]


def test_summarise_quotes_are_redacted_traceable_and_exclude_outliers(golden):
    frame, summary = golden
    quotes = summary.tables["quotes"]
    assert set(quotes["scope"]) == {"topic", "theme"}
    assert "-1" not in set(quotes.loc[quotes["scope"] == "topic", "group_id"]) and "other" not in set(quotes["group_id"])
    for _, q in quotes.iterrows():
        assert q["quote"] == frame.loc[q["comment_id"], "text_redacted"]  # the redacted text, traceable by id
        assert "ana@example.org" not in q["quote"]
    # c02 is a copy of c01: only representatives are quoted.
    assert "c02" not in set(quotes["comment_id"])
    by_group = quotes.groupby(["scope", "group_id"])["comment_id"].apply(list).to_dict()
    assert sorted(by_group[("topic", "1")]) == ["c04", "c05", "c09"]
    assert quotes.loc[quotes["group_id"] == "health", "group_name"].iloc[0] == "Salud"


def test_summarise_segment_table_names_are_safe_unique_and_fit_a_sheet_name():
    long = "pregunta_sobre_el_tipo_de_participante"
    assert segment_table_names(["región", "tipo/participante", "tipo_participante", "=cmd|' /C calc'!A0", "", long, long + "_2"]) == {
        "región": "segment_región",
        "tipo/participante": "segment_tipo_participante",
        "tipo_participante": "segment_tipo_participante_2",
        "=cmd|' /C calc'!A0": "segment_cmd_C_calc_A0",
        "": "segment_column",
        long: "segment_pregunta_sobre_el_tipo",
        long + "_2": "segment_pregunta_sobre_el_tip_2",
    }


def test_summarise_significant_but_immaterial_finding_is_not_stated():
    """A p-value alone is not a finding: a cell needs enough unique contributions and enough percentage points."""
    from consultnlp.summary import material_findings

    table = pd.DataFrame(
        [
            # significant, 150 unique, +12 points: stated
            {
                "segment": "Norte",
                "theme_id": "health",
                "level": "theme",
                "significant": True,
                "unique_contributions": 150,
                "share_in_segment": 0.32,
                "share_overall": 0.20,
            },
            # significant, but +0.3 points ("Beneficiarios finales 0,5% vs 0,2%"): not stated
            {
                "segment": "Sur",
                "theme_id": "beneficial_ownership",
                "level": "theme",
                "significant": True,
                "unique_contributions": 25,
                "share_in_segment": 0.005,
                "share_overall": 0.002,
            },
            # significant, big difference, but 6 contributions: not stated
            {
                "segment": "Este",
                "theme_id": "water",
                "level": "theme",
                "significant": True,
                "unique_contributions": 6,
                "share_in_segment": 0.60,
                "share_overall": 0.10,
            },
            # a missing value is never a finding ("(sem dado)" 35.7 times more often)
            {
                "segment": "(blank)",
                "theme_id": "health",
                "level": "theme",
                "significant": True,
                "unique_contributions": 300,
                "share_in_segment": 0.90,
                "share_overall": 0.20,
            },
            # a theme with sub-themes is stated on its family row only
            {
                "segment": "Norte",
                "theme_id": "anticorruption",
                "level": "theme",
                "significant": True,
                "unique_contributions": 90,
                "share_in_segment": 0.30,
                "share_overall": 0.10,
            },
            {
                "segment": "Norte",
                "theme_id": "anticorruption",
                "level": "family",
                "significant": True,
                "unique_contributions": 120,
                "share_in_segment": 0.40,
                "share_overall": 0.15,
            },
            # not significant: never stated
            {
                "segment": "Oeste",
                "theme_id": "health",
                "level": "theme",
                "significant": False,
                "unique_contributions": 400,
                "share_in_segment": 0.50,
                "share_overall": 0.20,
            },
        ]
    )
    stated = material_findings(table, SummariseConfig(), parents={"anticorruption"})
    assert stated.tolist() == [True, False, False, False, False, True, False]


def test_report_leaves_out_a_parent_theme_that_is_only_its_one_subtheme():
    # Seattle claim check (stop 41): «Public service delivery (with its sub-themes)» 18% and «Social protection» 18% were the
    # same 3 contributions, listed twice beside "2 themes raised". A parent with none of its own and one sub-theme with some
    # is left out; with two such sub-themes it stays (PNDBio's «Prestação de serviços públicos», «Saúde» and «Educação»).
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.themes import theme_rows

    def table(children: dict[str, int]) -> pd.DataFrame:
        rows = [("labour", "", 9, None), ("public_service_delivery", "", 0, 3)]
        rows += [(child, "public_service_delivery", n, None) for child, n in children.items()]
        frame = pd.DataFrame(rows, columns=["theme_id", "parent", "unique_contributions", "unique_with_subthemes"])
        return frame.assign(
            name=frame["theme_id"],
            share_of_unique=frame["unique_contributions"] / 17,
            share_of_unique_with_subthemes=frame["unique_with_subthemes"] / 17,
        )

    def shown(children: dict[str, int]) -> list[str]:
        ctx = ReportContext(tables={"themes": table(children)}, facts={}, lang="en", taxonomy=None, settings={})
        return theme_rows(ctx)["theme_id"].tolist()

    assert shown({"social_protection": 3, "health": 0}) == ["labour", "social_protection", "health"]
    assert shown({"social_protection": 2, "health": 1}) == ["labour", "public_service_delivery", "social_protection", "health"]


def test_report_theme_shares_come_from_the_counts_not_the_rounded_table():
    # Brexit claim check (stop 41): 4 of 19 distinct contributions is 21.05%, printed 21.0% from the table's 0.2105.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.themes import theme_rows

    themes = pd.DataFrame(
        {"theme_id": ["labour"], "name": ["Labour"], "parent": [""], "unique_contributions": [4], "unique_with_subthemes": [None], "share_of_unique": [0.2105]}
    )  # fmt: skip
    overview = pd.DataFrame({"metric": ["unique_contributions"], "value": [19]})
    ctx = ReportContext(
        tables={"themes": themes, "overview": overview}, facts={"accounting": {"analysed": 19}}, lang="en", taxonomy=None, settings={}
    )
    share = float(theme_rows(ctx)["shown_share"].iloc[0])
    assert share == 4 / 19 and ctx.pct(share, 1) == "21.1%"


def test_summary_names_a_themes_largest_subtheme_only_where_it_holds_a_third_of_it():
    # Claim check 55: "Fiscal openness … led by Participatory budgeting, 0.8%": 1 of its 8, the other 7 the theme itself.
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import _led_by

    themes = pd.DataFrame(
        {
            "theme_id": ["fiscal", "budgeting", "audit"],
            "name": ["Fiscal openness", "Participatory budgeting", "Audit"],
            "parent": ["", "fiscal", "fiscal"],
            "unique_contributions": [7, 1, 0],
            "unique_with_subthemes": [8, pd.NA, pd.NA],
        }
    )
    overview = pd.DataFrame({"metric": ["unique_contributions"], "value": [120]})
    ctx = ReportContext(
        tables={"themes": themes, "overview": overview}, facts={"accounting": {"analysed": 120}}, lang="en", taxonomy=None, settings={}
    )
    assert _led_by(ctx, themes, themes.iloc[0]) == ""
    themes.loc[1, "unique_contributions"] = 3  # 3 of 8: a third and more
    assert _led_by(ctx, themes, themes.iloc[0]) == "; led by “Participatory budgeting”, 2.5%"


def test_report_subject_shares_come_from_the_counts_not_the_rounded_table():
    # Claim check 86 (Plano Clima): 155 of 1,286 distinct contributions is 12.05%, printed 12,0% from the table's 0.1205.
    from consultnlp.report.sections.common import ReportContext

    groups = pd.DataFrame({"topic_group_id": [0], "label": ["Educação"], "unique_contributions": [155], "share_unique": [0.1205]})
    overview = pd.DataFrame({"metric": ["unique_contributions"], "value": [1286]})
    ctx = ReportContext(
        tables={"topic_groups": groups, "overview": overview},
        facts={"accounting": {"analysed": 1300}},
        lang="pt",
        taxonomy=None,
        settings={},
    )
    assert ctx.pct(ctx.table("topic_groups")["share_unique"].iloc[0], 1) == "12,1%"
    assert ctx.tables["topic_groups"]["share_unique"].iloc[0] == 0.1205  # the published table keeps its own rounding


def test_summary_says_which_records_the_rows_come_from_where_no_author_is_named():
    # Claim checks 84 and 87 (Chile 2016): rows written by 8,108 local meetings read as if each were a person's.
    from consultnlp.report.content import build_content

    frame = golden_frame()
    frame["acta"] = ["m1", "m1", "m1", "m2", "m2", "m3", "m3", "m4", "m4"][: len(frame)]
    analysed = frame[frame["excluded"] == ""]
    summary = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(),
        accounting=row_accounting(frame),
        segment_columns=[],
        lang="es",
        record_column="acta",
    )
    expected = analysed["acta"].value_counts()
    assert summary.facts["records"] == {
        "column": "acta",
        "contributions": len(analysed),
        "records": len(expected),
        "most": int(expected.iloc[0]),
    }
    content = build_content(summary.tables, summary.facts, lang="es", source="x.csv", taxonomy=None, settings={}, warnings=[])
    text = " ".join(b.text or "" for s in content.sections for b in s.blocks)
    assert f"vienen de {len(expected)} registros distintos según la columna «acta»" in text
    # Without the column the screen found, nothing is said.
    plain = summarise(
        frame, **summary_inputs(frame), cfg=SummariseConfig(), accounting=row_accounting(frame), segment_columns=[], lang="es"
    )
    assert plain.facts["records"] == {}


def test_a_segment_column_that_changes_within_a_writers_contributions_describes_the_contributions():
    # Claim check 89 (Chile 2016): «tema_nombre», the block of the questionnaire each meeting wrote under, was headed "Who
    # took part" and its differences "between groups of participants"; 762 of the 961 meetings with several rows span blocks.
    from consultnlp.report.content import build_content

    frame = golden_frame()
    n = len(frame)
    frame["acta"] = (["m1", "m1", "m2", "m2", "m3", "m3", "m4", "m4", "m5"] * 2)[:n]
    frame["bloque"] = (["a", "b"] * n)[:n]  # changes within each meeting
    frame["region"] = (["norte", "norte", "sur", "sur", "norte", "norte", "sur", "sur", "sur"] * 2)[:n]  # the meeting's own
    analysed = frame[frame["excluded"] == ""]
    summary = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(),
        accounting=row_accounting(frame),
        segment_columns=["bloque", "region"],
        lang="es",
        record_column="acta",
    )
    sizes = analysed.groupby("acta").agg(rows=("bloque", "size"), bloques=("bloque", "nunique"), regiones=("region", "nunique"))
    several = sizes[sizes["rows"] >= 2]
    assert summary.facts["segments_within_writers"] == {
        "bloque": [len(several), int((several["bloques"] > 1).sum())],
        "region": [len(several), int((several["regiones"] > 1).sum())],
    }
    assert int((several["bloques"] > 1).sum()) >= 1 and int((several["regiones"] > 1).sum()) == 0
    content = build_content(summary.tables, summary.facts, lang="es", source="x.csv", taxonomy=None, settings={}, warnings=[])
    text = " ".join(b.text or "" for s in content.sections for sub in [s, *s.subsections] for b in sub.blocks)
    assert "«bloque» describe las contribuciones, no a quienes participaron" in text
    assert "«region» describe" not in text
    headings = [s.heading for s in content.sections]
    assert "Diferencias entre grupos de contribuciones" in headings and "Diferencias entre grupos de participantes" not in headings


def test_summarise_segment_shares_are_of_the_distinct_contributions_analysed():
    # Claim check 93 (PNDBio): one text sent under two chapters counted in each, and the shares were of their sum (556)
    # where the report's base is the 555 distinct: chapter 4 read 68.4% for 68.5%.
    from consultnlp import schema
    from consultnlp.summary.tables import participation_table

    frame = pd.DataFrame(
        {
            "capitulo": ["4", "4", "4", "7"],
            schema.EXCLUDED: ["", "", "", ""],
            schema.DUP_GROUP: ["a", "b", "c", "c"],  # "c" was sent under both chapters
        },
        index=["r1", "r2", "r3", "r4"],
    )
    table = participation_table(frame, "capitulo").set_index("capitulo")
    assert table["unique_contributions"].to_dict() == {"4": 3, "7": 1}
    assert table["share_of_unique"].to_dict() == {"4": 1.0, "7": round(1 / 3, 4)}  # of the 3 distinct, not of 4


def test_summarise_a_two_word_topic_name_records_its_less_used_word_and_its_count():
    # Claim check 95 (Chile 5k): «Congreso unicameral», many say "congreso", few "unicameral".
    from consultnlp.summary.subjects import NameEvidence
    from consultnlp.summary.tables import _rarest

    texts = pd.Series(["Un congreso unicameral", "El congreso debe ser elegido", "Reformar el congreso", "Congreso con menos cargos"])
    evidence = NameEvidence(texts, pd.Series(True, index=texts.index))
    assert _rarest(evidence, texts, ["congreso", "unicameral"]) == {"naming_rarest_word": "unicameral", "contributions_naming_rarest": 1}
    assert _rarest(evidence, texts, ["congreso"])["naming_rarest_word"] == ""
