"""Positions through ``consultnlp analyze``: tables reconcile with comments.*, the closed question, the report, re-rendering."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.report.sections.positions import not_added_up
from tests.conftest import SAMPLE_CSV
from tests.report.sample_run import sample_analysis

runner = CliRunner()
STATED = ["support", "partial", "oppose"]


def recount(comments: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Per position: rows, analysed unique contributions, set-aside rows; from comments.* alone."""
    counted = comments[comments["position"].fillna("") != ""]
    analysed = counted["excluded"].fillna("") == ""
    unique = analysed & counted["dup_representative"].astype(bool)
    return {
        p: {
            "contributions": int((counted["position"] == p).sum()),
            "analysed": int(((counted["position"] == p) & unique).sum()),
            "set_aside": int(((counted["position"] == p) & ~analysed).sum()),
        }
        for p in ["support", "partial", "oppose", "none"]
    }


def test_positions_sample_tables_reconcile_with_comments(tmp_path_factory):
    out = sample_analysis(tmp_path_factory)
    comments = pd.read_csv(out / "comments.csv", dtype={"excluded": str, "position": str})
    table = pd.read_csv(out / "tables" / "positions.csv").set_index("position")
    expected = recount(comments)
    for position, counts in expected.items():
        assert table.loc[position, "contributions"] == counts["contributions"], position
        assert table.loc[position, "analysed"] == counts["analysed"], position
        assert table.loc[position, "set_aside"] == counts["set_aside"], position
        assert table.loc[position, "unique_contributions"] == counts["analysed"] + counts["set_aside"], position
    # Rows set aside as position-only statements count, and stay excluded.
    set_aside = comments[comments["excluded"] == "no_argument"]
    assert len(set_aside) and (set_aside["position"].isin(STATED + ["none"])).all()
    assert (comments.loc[~comments["excluded"].fillna("").isin(["", "no_argument"]), "position"].fillna("") == "").all()
    # Per subject: every analysed unique contribution once.
    topics = pd.read_csv(out / "tables" / "topic_positions.csv")
    groups = topics[topics["level"] == "group"]
    assert groups["unique_contributions"].sum() == sum(c["analysed"] for c in expected.values())
    assert groups[STATED].sum().to_dict() == {p: expected[p]["analysed"] for p in STATED}
    report = (out / "report.md").read_text(encoding="utf-8")
    stated = int(table.loc[STATED, "unique_contributions"].sum())
    assert ("## Apoyo y oposición" in report) == (stated >= 20)  # fewer: one sentence in the method section
    # The rows set aside as reason-free count only where they state a position ("Muy bien" is an appraisal): the
    # section says how many of them do.
    set_aside_rows, stating = int(table["set_aside"].sum()), int(table.loc[STATED, "set_aside"].sum())
    if set_aside_rows and stating < set_aside_rows:
        assert f"{set_aside_rows} apartadas del análisis porque solo expresan una postura o una valoración sin razones" in report
        assert f"; {stating} de ellas expresan una postura, que aquí sí cuenta." in report
    elif set_aside_rows:
        assert f"{set_aside_rows} apartadas del análisis porque solo expresan una postura («acuerdo total»" in report
    # Few positions are given as counts in one sentence of the method section, never as shares of a handful, and make no
    # headline.
    summary = report.split("\n## ")[1]
    if 0 < stated < 20:  # no headline in the summary, no section; counts in the method section
        assert "que expresan una postura" not in summary and "expresan una postura:" not in summary  # the positions headline
        assert f"Solo {stated} de las " in report and "no hay sección sobre apoyo y oposición" in report
    elif stated and not_added_up(stated, int(table.loc[STATED, "on_a_target"].sum())):
        # Most name a measure or matter, or too few are left about the proposal itself: counts, no shares.
        assert "no se suman como apoyo u oposición" in summary and "| Apoyo y oposición | % |" not in report
    elif stated:
        # The positions headline: with or without positions set aside as the only thing a contribution says.
        assert ("de ellas están a favor" in summary or "expresan una" in summary) and "| Apoyo y oposición | % |" in report


@pytest.fixture(scope="module")
def closed_question(tmp_path_factory):
    """The first 150 sample rows with a closed question in Spanish: Likert answers, one blank."""
    tmp = tmp_path_factory.mktemp("closed")
    frame = pd.read_csv(SAMPLE_CSV).head(150)
    answers = ["Muy de acuerdo", "De acuerdo", "En desacuerdo", "Ni de acuerdo ni en desacuerdo", "Parcialmente de acuerdo"]
    frame["opinion"] = [answers[i % len(answers)] for i in range(len(frame))]
    frame.loc[3, "opinion"] = ""
    path = tmp / "closed.csv"
    frame.to_csv(path, index=False)
    return tmp, path, frame


def _analyze(path, out, tmp, *extra):
    return runner.invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--quiet",
            "--cache-dir",
            str(tmp / "cache"),
            "--text-column",
            "comentario",
            "--id-column",
            "id",
            "--format",
            "md,xlsx",
            "--set",
            "topics.clustering=kmeans",
            *extra,
        ],
    )


def test_positions_from_a_closed_question_end_to_end(closed_question):
    tmp, path, frame = closed_question
    out = tmp / "out"
    result = _analyze(path, out, tmp, "--position-column", "opinion", "--segment-columns", "region")
    assert result.exit_code == 0, result.output
    comments = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False).set_index("comment_id")
    counted = comments[comments["position"] != ""]
    assert set(counted["position_source"]) == {"column"}
    assert counted.loc["C-0003", "position"] == "oppose" and counted.loc["C-0003", "position_evidence"] == "opinion=En desacuerdo"
    assert counted.loc["C-0005", "position"] == "partial"
    table = pd.read_csv(out / "tables" / "positions.csv").set_index("position")
    assert table["contributions"].sum() == len(counted)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [w for w in manifest["warnings"] if w.startswith("Positions from")] == [
        "Positions from the column “opinion”: De acuerdo -> support (30), Muy de acuerdo -> support (28), Parcialmente de acuerdo -> "
        "agree in part (29), En desacuerdo -> oppose (30), Ni de acuerdo ni en desacuerdo -> no stated position (26), "
        "(not given) -> no stated position (1)."
    ]
    # Rows set aside for another reason that answer the question are not counted, and the notes say how many (claim
    # check 67, Chile 2016: 6,003 answers of set-aside rows were missing from the note with no word why).
    excluded = comments["excluded"].reindex(frame["id"].astype(str)).to_numpy()
    answered = (frame["opinion"].fillna("").astype(str).str.strip() != "").to_numpy()
    left = int((answered & (excluded != "") & (excluded != "no_argument")).sum())
    assert left >= 2  # the sample's first 150 rows hold placeholders and short texts
    assert [w for w in manifest["warnings"] if "also answer" in w] == [
        f"{left} rows set aside for other reasons (no content, unreadable, too short…) also answer “opinion” and are not counted."
    ]
    report = (out / "report.md").read_text(encoding="utf-8")
    # As the file records them, not "as each participant chose them": in Chile 2016 each meeting marked its A/P/D.
    assert "Las posturas son las respuestas a la pregunta cerrada «opinion», tal como las registra el archivo." in report
    # How each answer was read, the most frequent first, and how to read them otherwise (Chile 2016's A/P/D marked
    # agreement within a meeting: "91% a favor" was a reading the report did not own).
    assert (
        "«De acuerdo» y «Muy de acuerdo» se leen como a favor, «Parcialmente de acuerdo» como de acuerdo en parte y «En "
        "desacuerdo» como en contra. Si la pregunta registraba otra cosa" in report
    ), report
    assert "la correspondencia se cambia con positions.mapping." in report
    assert "### Razones de las contribuciones con la respuesta «En desacuerdo» (leída como en contra)" in report
    # The summary states the balance, from the same table.
    stated = int(table.loc[STATED, "unique_contributions"].sum())
    summary = report.split("\n## ")[1]
    share = f"{100 * table.loc['oppose', 'share_of_stated']:.0f}"
    # The base names the rows set aside for stating only a position, so it agrees with the first screen's distinct count.
    counted_for, set_aside = int(table["unique_contributions"].sum()), int(table["set_aside"].sum())
    distinct = summary.split("** distintas")[0].rsplit("**", 1)[1]
    said = f"(las {distinct} distintas analizadas y las {set_aside} apartadas por expresar solo una postura, cada una por separado)"
    assert set_aside and said in summary, summary
    assert f"De las {counted_for} contribuciones contadas para la pregunta cerrada «opinion»" in summary, summary
    assert f"), {stated} (" in summary and " la responden: " in summary, summary
    assert f"{share}% en contra" in summary, summary
    assert "Posturas" in pd.ExcelFile(out / "summary.xlsx").sheet_names
    # Re-rendering in English keeps the section, from the saved state.
    result = runner.invoke(app, ["report", str(out), "--lang", "en", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "## Support and opposition" in (out / "report.md").read_text(encoding="utf-8")


def test_positions_closed_question_with_values_that_are_not_positions(closed_question):
    tmp, path, frame = closed_question
    frame = frame.copy()
    frame.loc[[0, 1], "opinion"] = "quizás"
    bad = tmp / "bad.csv"
    frame.to_csv(bad, index=False)
    result = _analyze(bad, tmp / "bad_out", tmp, "--position-column", "opinion")
    assert result.exit_code == 1
    assert result.output.strip() == (
        'Error: column "opinion" has values that are not positions: "quizás" (2 rows). Map them with positions.mapping, '
        "e.g. --set 'positions.mapping={\"quizás\": none}' (positions: support, partial, oppose, none)."
    )
    result = _analyze(bad, tmp / "mapped_out", tmp, "--position-column", "opinion", "--set", 'positions.mapping={"quizás": none}')
    assert result.exit_code == 0, result.output


def test_positions_cli_option_errors(tmp_path):
    result = runner.invoke(app, ["analyze", str(SAMPLE_CSV), "--out", str(tmp_path), "--position-column", "x", "--position-model", "m"])
    assert (
        result.exit_code == 1
        and result.output.strip() == "Error: --position-column and --position-model both give positions; use one of them."
    )
    result = runner.invoke(app, ["analyze", str(SAMPLE_CSV), "--out", str(tmp_path), "--set", "positions.mapping={a: support}"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: positions.mapping has no effect with positions.method=cues (it applies to column). "
        "Remove it, or set positions.method to column."
    )


def test_positions_off_leaves_no_trace(closed_question):
    tmp, path, _ = closed_question
    out = tmp / "off"
    result = _analyze(path, out, tmp, "--set", "positions.method=off")
    assert result.exit_code == 0, result.output
    assert "position" not in pd.read_csv(out / "comments.csv", nrows=1).columns
    assert not (out / "tables" / "positions.csv").exists()
