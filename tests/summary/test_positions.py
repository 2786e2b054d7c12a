"""Position tables on a hand-built frame whose answers are known; Pol.is votes; the report's sections."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.config import PipelineConfig, SummariseConfig
from consultnlp.frame import row_accounting
from consultnlp.report.content import build_content
from consultnlp.report.markdown import render_markdown
from consultnlp.report.outputs import report_settings
from consultnlp.summary import summarise
from consultnlp.summary.positions import position_point_groups, position_segment_table
from tests.report.frames import golden_frame, render_report, summary_inputs, taxonomy

POSITIONS = {
    "c01": "oppose",
    "c02": "oppose",
    "c03": "support",
    "c04": "support",
    "c05": "partial",
    "c06": "none",
    "c09": "oppose",
    "c10": "support",
}


def position_frame() -> pd.DataFrame:
    """The golden frame plus one row set aside as no_argument ("acuerdo total"), and a position on every counted row."""
    frame = golden_frame()
    extra = frame.loc[["c06"]].rename(index={"c06": "c10"})
    extra[[schema.TEXT, schema.TEXT_REDACTED]] = "acuerdo total"
    extra[[schema.EXCLUDED, schema.EXCLUDED_STAGE]] = [schema.REASON_NO_ARGUMENT, "screen"]
    extra[schema.TOPIC_ID] = pd.array([pd.NA], dtype="Int64")
    extra[schema.TOPIC_GROUP_ID] = pd.array([pd.NA], dtype="Int64")
    extra[schema.THEMES] = ""
    extra[[schema.DUP_GROUP, schema.DUP_REPRESENTATIVE, schema.ROW_NUMBER]] = [-1, False, 10]
    frame = pd.concat([frame, extra])
    frame[schema.POSITION] = [POSITIONS.get(i, "") for i in frame.index]
    frame[schema.POSITION_SOURCE] = ["text" if POSITIONS.get(i) else "" for i in frame.index]
    frame[schema.POSITION_EVIDENCE] = ""
    return frame


@pytest.fixture(scope="module")
def summary():
    frame = position_frame()
    return frame, summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang="en",
    )


def test_positions_table_counts_duplicates_once_and_set_aside_rows_each(summary):
    _, result = summary
    table = result.tables["positions"]
    assert table[["position", "name", "contributions", "unique_contributions", "analysed", "set_aside"]].values.tolist() == [
        ["support", "Support", 3, 3, 2, 1],
        ["partial", "Agree in part", 1, 1, 1, 0],
        ["oppose", "Oppose", 3, 2, 2, 0],
        ["none", "No stated position", 1, 1, 1, 0],
    ]
    assert table["share"].tolist() == [0.4286, 0.1429, 0.2857, 0.1429]
    assert table["share_of_stated"].tolist()[:3] == [0.5, 0.1667, 0.3333] and np.isnan(table["share_of_stated"].iloc[3])


def test_positions_table_reconciles_with_the_comment_frame(summary):
    frame, result = summary
    table = result.tables["positions"].set_index("position")
    counted = frame[frame[schema.POSITION] != ""]
    assert table["contributions"].sum() == len(counted)
    units = counted[(counted[schema.EXCLUDED] == "") & counted[schema.DUP_REPRESENTATIVE]]
    for position, row in table.iterrows():
        assert row["analysed"] == int((units[schema.POSITION] == position).sum())
        assert row["set_aside"] == int(
            ((counted[schema.EXCLUDED] == schema.REASON_NO_ARGUMENT) & (counted[schema.POSITION] == position)).sum()
        )


def test_positions_per_subject_topic_and_theme(summary):
    _, result = summary
    topics = result.tables["topic_positions"]
    groups = topics[topics["level"] == "group"].set_index("id")
    assert groups.loc[0, ["unique_contributions", "support", "partial", "oppose", "none", "stated"]].tolist() == [2, 1, 0, 1, 0, 2]
    assert groups.loc[1, ["unique_contributions", "support", "partial", "oppose", "stated"]].tolist() == [3, 1, 1, 1, 3]
    assert groups.loc[1, "share_oppose"] == 0.3333 and groups.loc[-1, "none"] == 1 and np.isnan(groups.loc[-1, "share_support"])
    assert groups.loc[1, "label"] == "Hospitals"
    # Every analysed unique contribution with a position counts once per level.
    assert groups["unique_contributions"].sum() == topics.loc[topics["level"] == "topic", "unique_contributions"].sum() == 6
    themes = result.tables["theme_positions"].set_index("theme_id")
    assert themes.loc["health", ["unique_contributions", "support", "partial", "oppose"]].tolist() == [4, 2, 1, 1]
    assert themes.loc["open_data", ["support", "oppose"]].tolist() == [1, 2] and themes.loc["open_data", "name"] == "Open data"


def test_positions_quotes_of_each_side_are_added(summary):
    _, result = summary
    quotes = result.tables["quotes"]
    mine = quotes[quotes["scope"].isin(["support", "partial", "oppose"])]
    assert mine[["scope", "group_id", "group_name", "comment_id"]].values.tolist()[:1] == [["support", "all", "All contributions", "c03"]]
    assert set(mine.loc[mine["scope"] == "oppose", "comment_id"]) == {"c01", "c09"}  # c02 is a copy of c01


def test_positions_key_point_groups_need_enough_contributions():
    units = pd.DataFrame(
        {schema.POSITION: ["oppose"] * 12 + ["support"] * 3 + ["none"] * 5, schema.TOPIC_GROUP_ID: [1] * 10 + [2] * 6 + [1] * 4}
    )
    groups = position_point_groups(units, min_contributions=10)
    assert sorted(groups) == [("oppose", "1"), ("oppose", "all"), ("support", "all")]
    assert groups[("oppose", "1")].tolist() == list(range(10))
    # A side that is most of the contributions (Chile's 90% "A") has the subjects' key points for reasons: none apart.
    most = pd.DataFrame({schema.POSITION: ["support"] * 18 + ["oppose"] * 2, schema.TOPIC_GROUP_ID: [1] * 20})
    assert sorted(position_point_groups(most, min_contributions=10)) == [("oppose", "all")]


def test_positions_by_segment_use_the_materiality_rule():
    n = {("Norte", "oppose"): 60, ("Norte", "support"): 20, ("Sur", "oppose"): 20, ("Sur", "support"): 80}
    rows = [(f"r{i}-{r}-{p}", r, p) for (r, p), k in n.items() for i in range(k)]
    frame = pd.DataFrame(rows, columns=["comment_id", "region", schema.POSITION]).set_index("comment_id")
    frame[schema.EXCLUDED] = ""
    frame[schema.DUP_GROUP] = np.arange(len(frame))
    frame[schema.DUP_REPRESENTATIVE] = True
    table = position_segment_table(frame, ["region"], SummariseConfig(), "es")
    found = table[table["material"]].set_index(["segment", "position"])
    assert sorted(found.index) == [("Norte", "oppose"), ("Sur", "support")]
    assert found.loc[("Norte", "oppose"), "share_in_segment"] == 0.75 and found.loc[("Norte", "oppose"), "name"] == "En contra"
    small = frame.iloc[::10]  # 18 contributions: significant perhaps, never material (finding_min_count 20)
    assert not position_segment_table(small, ["region"], SummariseConfig(), "es")["material"].any()


def test_positions_by_segment_leave_out_the_closed_question_that_gives_them():
    # Read 10: Chile's A/P/D column, given as a segment too, made "A" a group 92% in favour: true by definition.
    frame = position_frame()
    stated = frame[schema.POSITION] != ""
    frame["acuerdo"] = frame[schema.POSITION].map({"support": "A", "partial": "P", "oppose": "D", "none": ""})
    frame.loc[stated, schema.POSITION_SOURCE] = "column"
    frame.loc[stated, schema.POSITION_EVIDENCE] = "acuerdo=" + frame.loc[stated, "acuerdo"]
    result = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region", "acuerdo"],
        lang="en",
    )
    segments = result.tables["position_segment"]
    assert set(segments["segment_column"]) == {"region"}


def _table(frame: pd.DataFrame) -> pd.DataFrame:
    from consultnlp.summary.positions import positions_table

    return positions_table(frame, "en")


def _report(frame: pd.DataFrame, lang: str = "en") -> str:
    return render_report(frame, lang)


def test_positions_report_section_only_when_enough_state_a_position():
    # Six positions are too few (Plano Clima: 5 of 1,286, two of them misreadings, filled a section): no section, one
    # sentence in the method section, nothing in the summary.
    few = _report(position_frame())
    assert "## Support and opposition" not in few and "### Reasons given by those who oppose" not in few
    # Said as what the reading found (claim check 86: "Só 4 … expressam uma posição explícita" read as a fact of the texts).
    assert (
        "The automatic reading of positions found one, for or against what is consulted on or one of its measures, in only 6 of the " in few
    )
    assert "(3 in support, 1 agreeing in part and 2 opposed): with fewer than 20 there is no section" in few
    assert "state a position" not in few.split("\n## ")[1]
    assert "en solo 6 de las " in _report(position_frame(), "es") and "em só 6 das " in _report(position_frame(), "pt")
    # Twenty-four: the section, its reasons and the chart of shares.
    enough = _report(_four_copies(0))
    assert "## Support and opposition" in enough and "### Reasons given by those who oppose" in enough and "Only 24 of" not in enough
    none_stated = position_frame()
    none_stated[schema.POSITION] = none_stated[schema.POSITION].replace({"support": "none", "partial": "none", "oppose": "none"})
    # Read and none stated: no section, and the method says so (claim check 70, PNDBio: the section was missing with no word why).
    said = _report(none_stated)
    assert (
        "Support and opposition" not in said
        and "found none for or against in any of the 6 distinct contributions: there is no section" in said
    )
    assert "Support and opposition" not in _report(golden_frame())
    assert "## Apoyo y oposición" in _report(_four_copies(0), "es")


def _four_copies(targeted_copies: int, copies: int = 4) -> pd.DataFrame:
    """Four (``copies``) distinct copies of the position frame (6 stated positions each), the first ``targeted_copies`` of
    them stating their position about «el peaje»."""
    frames = []
    for k in range(copies):
        f = position_frame()
        f.index = [f"{i}-{k}" for i in f.index]
        for column in (schema.TEXT, schema.TEXT_REDACTED):
            f[column] = f[column].astype(str) + f" ({k})"
        f[schema.DUP_GROUP] = np.where(f[schema.DUP_GROUP] >= 0, f[schema.DUP_GROUP] + 100 * k, -1)
        f[schema.ROW_NUMBER] = f[schema.ROW_NUMBER] + 20 * k
        f[schema.POSITION_TARGET] = [
            "el peaje" if k < targeted_copies and p in ("support", "partial", "oppose") else "" for p in f[schema.POSITION]
        ]
        frames.append(f)
    frame = pd.concat(frames)
    frame.index.name = schema.COMMENT_ID
    return frame


@pytest.mark.parametrize("lang", ["es", "pt", "en"])
def test_positions_about_named_matters_are_not_added_up_as_support_for_the_proposal(lang):
    # 18 of the 24 positions name what they are about (a Pol.is "I support investments in renewable energy"): "70%
    # support it" would read as support for the proposal. Counts, no shares, no chart; the summary says so too.
    report = _report(_four_copies(targeted_copies=3), lang)
    summary, section = (
        report.split("\n## ")[1],
        report.split("\n## ")[
            [s.split("\n")[0] for s in report.split("\n## ")].index(
                {"es": "Apoyo y oposición", "pt": "Apoio e oposição", "en": "Support and opposition"}[lang]
            )
        ],
    )
    expected = {
        "es": (
            "De las 24 que expresan una postura (12 a favor, 4 de acuerdo en parte y 8 en contra), 18 la expresan sobre una medida",
            "no se suman como apoyo u oposición",
        ),
        "pt": (
            "Das 24 que expressam uma posição (12 a favor, 4 de acordo em parte e 8 contra), 18 a expressam sobre uma medida",
            "não são somadas como apoio ou oposição",
        ),
        "en": (
            "Of the 24 that state a position (12 in support, 4 agreeing in part and 8 opposed), 18 state it about a particular measure",
            "not added up as support or opposition",
        ),
    }[lang]
    assert expected[0] in section and expected[1] in summary
    assert {"es": "| Apoyo y oposición | % |", "pt": "| Apoio e oposição | % |", "en": "| Support and opposition | % |"}[
        lang
    ] not in section
    assert {"es": "% están a favor", "pt": "% são a favor", "en": "% support it"}[lang] not in report
    # A balance about the proposal itself keeps its shares, of the 18 positions that name no matter; the 6 that do are
    # counted apart (read 10: "Rechazamos toda forma de autoritarismo" counted against the proposal).
    whole = _report(_four_copies(targeted_copies=1, copies=5), "en")
    assert "Of the 24 that state a position on the proposal as a whole, 50% support it, 17% agree in part and 33% oppose it." in whole
    assert "6 more state one about a particular measure or matter they name (below)." in whole
    assert "| Support and opposition | % |" in whole
    summary = whole.split("\n## ")[1]
    assert (
        "30 (86%) state one, 6 of them about a particular measure or matter; of the 24 about the proposal as a whole, 50% support it"
        in summary
    )
    table = _table(_four_copies(targeted_copies=1, copies=5)).set_index("position")
    assert table["on_the_whole"].to_dict() == {"support": 12, "partial": 4, "oppose": 8, "none": 0}
    assert table.loc["oppose", "share_of_whole"] == round(8 / 24, 4) and np.isnan(table.loc["none", "share_of_whole"])
    # With fewer than 20 left about the proposal itself (18 of 24), no shares: counts, as when most name a matter.
    few = _report(_four_copies(targeted_copies=1), "en")
    assert "not added up as support or opposition" in few.split("\n## ")[1] and "| Support and opposition | % |" not in few


def test_positions_not_added_up_say_their_base_when_it_holds_rows_set_aside():
    # The bundled sample (stop 38): «23 de las 545 contribuciones distintas» two lines under the first screen's 538
    # distinct; the 7 more were set aside for stating only a position, and still count for positions.
    frame = _four_copies(targeted_copies=3)
    stated = frame.index[frame[schema.POSITION].isin(["support", "oppose"]) & (frame[schema.EXCLUDED] == "")][:3]
    frame.loc[stated, schema.EXCLUDED] = schema.REASON_NO_ARGUMENT
    table = _table(frame).set_index("position")
    set_aside, total = int(table["set_aside"].sum()), int(table["unique_contributions"].sum())
    assert set_aside >= 3
    summary = _report(frame, "es").split("\n## ")[1]
    assert (
        f"De las {total} contribuciones contadas para las posturas (las {total - set_aside} distintas analizadas y las {set_aside} "
        "apartadas por expresar solo una postura, cada una por separado)" in summary
    ), summary
    assert "no se suman como apoyo u oposición" in summary


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "es",
            "De las 28 contribuciones contadas para la pregunta cerrada «acuerdo» (las 24 distintas analizadas y las 4 apartadas "
            "por expresar solo una postura, cada una por separado), 24 (86%) la responden: 50% a favor",
        ),
        (
            "pt",
            "Das 28 contribuições contadas para a pergunta fechada «acuerdo» (as 24 distintas analisadas e as 4 separadas por "
            "expressarem só uma posição, cada uma à parte), 24 (86%) a respondem: 50% a favor",
        ),
        (
            "en",
            "Of the 28 contributions counted for the closed question “acuerdo” (the 24 distinct ones analysed and the 4 set aside "
            "for stating only a position, each on its own), 24 (86%) answer it: 50% support",
        ),
    ],
)
def test_positions_from_a_closed_question_are_said_as_its_answers(lang, expected):
    # Read 11: Chile's A/P/D column read as "4,824 (100%) state one", as if every argument had written a stance. The base
    # names the 4 rows set aside for stating only a position: "28 distinct" alone contradicted the first screen's 24
    # distinct (full Chile: "184,453 of the 184,453 distinct" next to 181,912). Claim check 67: those set aside are each
    # counted, not distinct (2,550 rows held 383 texts), and the sentence no longer calls them so.
    frame = _four_copies(targeted_copies=0)
    stated = frame[schema.POSITION] != ""
    frame.loc[stated, schema.POSITION_SOURCE] = "column"
    frame.loc[stated, schema.POSITION_EVIDENCE] = "acuerdo=" + frame.loc[stated, schema.POSITION]
    report = _report(frame, lang).replace("\\", "")
    assert expected in report.split("\n## ")[1]
    section = {"es": "De las 24 que responden a la pregunta, 50% están a favor", "pt": "Das 24 que respondem à pergunta, 50% são a favor"}
    assert section.get(lang, "Of the 24 that answer the question, 50% support") in report
    # With no row set aside, the base is the distinct contributions the first screen counts.
    frame = frame[frame[schema.EXCLUDED] == ""]
    plain = {"es": "20 de las 24 contribuciones distintas (83%) responden a la pregunta cerrada «acuerdo»: 40% de ellas están a favor"}
    assert plain.get(lang, "") in _report(frame, lang).replace("\\", "")


def test_positions_reasons_of_a_side_that_is_most_contributions_are_the_subjects_key_points():
    frame = _four_copies(targeted_copies=0)  # enough positions for a section
    frame[schema.POSITION] = frame[schema.POSITION].replace({"oppose": "support", "partial": "support"})
    report = _report(frame, "en")
    section = report.split("### Reasons given by those who support")[1]
    assert section.split("\n\n")[2].startswith("They are 83% of the contributions analysed: their reasons are the subjects' key points")


def test_positions_polis_votes_are_their_own_measure():
    frame = golden_frame()
    frame["agrees"] = [10, 10, 0, 5, 3, 0, 0, 0, 8]
    frame["disagrees"] = [0, 0, 0, 5, 1, 0, 0, 0, "n/a"]
    result = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=[],
        lang="en",
    )
    assert "positions" not in result.tables
    votes = result.tables["topic_votes"].set_index(["level", "id"])
    assert votes.loc[("all", -1), ["comments", "comments_with_votes", "votes", "agrees", "disagrees"]].tolist() == [6, 4, 32, 26, 6]
    assert votes.loc[("all", -1), "agreement"] == 0.8125
    # Topic 1: c04 5/5 (division 1), c05 3/1 (0.5), c09 8/0 (0): vote-weighted (10*1 + 4*0.5 + 0) / 22.
    assert votes.loc[("topic", 1), "division"] == round(12 / 22, 4) and votes.loc[("group", 1), "label"] == "Hospitals"
    report = render_markdown(
        build_content(
            result.tables,
            result.facts,
            lang="en",
            source="x.csv",
            taxonomy=taxonomy(),
            settings=report_settings(PipelineConfig(), taxonomy(), "en"),
            warnings=[],
        )
    )
    assert (
        "## Reactions of other participants (votes)" in report
        and "32 agree or disagree votes (passes not counted) on 6 distinct comments, as the export counts them (each author's own vote on their comment included"
        in report
        and "81% of them agree" in report
    )


def test_positions_segment_values_that_are_personal_data_published_as_pseudonyms():
    from consultnlp.privacy.pseudonyms import new_key
    from consultnlp.summary.public import public_tables

    table = pd.DataFrame(
        {"segment_column": ["email", "email"], "segment": ["ana@example.org", "(blank)"], "position": ["oppose", "support"]}
    )
    out = public_tables({"position_segment": table}, columns=["email"], key=new_key(), segment_tables={})["position_segment"]
    assert "ana@example.org" not in out["segment"].tolist() and out["segment"].iloc[1] == "(blank)"
    assert table["segment"].iloc[0] == "ana@example.org"  # the summary itself keeps the real value


def test_positions_quotes_are_other_voices_than_the_key_points():
    from consultnlp.summary.positions import position_quotes

    frame = position_frame()
    points = pd.DataFrame([{"scope": "support", "group_id": "all", "rank": 1, "comment_id": "c03"}])
    quotes = position_quotes(frame, points, 3)
    assert quotes.loc[quotes["scope"] == "support", "comment_id"].tolist() == ["c04"]
    assert quotes.loc[quotes["scope"] == "oppose", "comment_id"].tolist() == ["c09", "c01"]  # c01 is a campaign's text


def test_positions_quotes_put_a_campaigns_text_last():
    # Full Chile: the quotes of those "in favour" were the templates of the three largest campaigns (the most repeated
    # texts). A campaign has its own section; its text is quoted for a side only when nothing else is left.
    from consultnlp.summary.positions import position_quotes

    frame = position_frame()
    assert frame.loc["c01", schema.CAMPAIGN] and frame.loc["c01", schema.DUP_COUNT] > frame.loc["c09", schema.DUP_COUNT]
    assert position_quotes(frame, None, 3).loc[lambda q: q["scope"] == "oppose", "comment_id"].tolist() == ["c09", "c01"]
    frame[schema.CAMPAIGN] = False  # the same copies, not a campaign: the most repeated text first
    assert position_quotes(frame, None, 3).loc[lambda q: q["scope"] == "oppose", "comment_id"].tolist() == ["c01", "c09"]


def test_position_quotes_speak_for_several_subjects():
    # Claim check 62 (ArgKP dev): the three quotes of those opposed were the first three rows of one motion of four.
    from consultnlp.summary.positions import _across_subjects

    ranked = pd.Index(["a1", "a2", "a3", "b1", "c1", "b2", "n1"])
    groups = pd.Series({"a1": 0, "a2": 0, "a3": 0, "b1": 1, "b2": 1, "c1": 2, "n1": -1})
    assert _across_subjects(ranked, groups, 3) == ["a1", "b1", "c1"]
    assert _across_subjects(ranked, groups, 5) == ["a1", "b1", "c1", "a2", "b2"]
    assert _across_subjects(ranked, None, 2) == ["a1", "a2"]
