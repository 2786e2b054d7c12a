"""The positions stage: which rows count, the three sources, and the errors a person can act on."""

from __future__ import annotations

import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.config import PositionsConfig, load_config
from consultnlp.errors import ConfigError
from consultnlp.stages.base import RunContext
from consultnlp.stages.positions import PositionsStage
from consultnlp.themes.data import labelled_from_frame
from tests.conftest import make_frame
from tests.positions.test_model import toy_frame

ROWS = [
    # text, excluded, dup_group, representative, acuerdo
    ("Estoy en contra de esta propuesta porque encarece el transporte.", "", 0, True, "D"),
    ("Estoy en contra de esta propuesta porque encarece el transporte.", "", 0, False, "D"),
    ("No estoy en contra de la propuesta, pero pido más plazo.", "", 1, True, "P"),
    ("La educación debe ser gratuita.", "", 2, True, "A"),
    ("acuerdo total", schema.REASON_NO_ARGUMENT, -1, False, "A"),
    ("discordo", schema.REASON_NO_ARGUMENT, -1, False, "D"),
    ("Sin fundamento", schema.REASON_NON_ANSWER, -1, False, "A"),
    ("   ", schema.REASON_EMPTY, -1, False, ""),
]


def frame(**extra) -> pd.DataFrame:
    out = make_frame([r[0] for r in ROWS], acuerdo=[r[4] for r in ROWS], **extra)
    out[schema.TEXT_CLEAN] = out[schema.TEXT].str.strip()
    out[schema.TEXT_REDACTED] = out[schema.TEXT_CLEAN]
    out[schema.LANG] = "es"
    out[schema.EXCLUDED] = [r[1] for r in ROWS]
    out[schema.DUP_GROUP] = [r[2] for r in ROWS]
    out[schema.DUP_REPRESENTATIVE] = [r[3] for r in ROWS]
    out[schema.DUP_COUNT] = [2, 2, 1, 1, 1, 1, 1, 1]
    return out


def run(config: PositionsConfig, data: pd.DataFrame | None = None, context: RunContext | None = None) -> pd.DataFrame:
    return PositionsStage(config).apply(frame() if data is None else data, context or RunContext())


def test_positions_cues_by_default_count_set_aside_rows_and_leave_them_excluded():
    out = run(load_config().positions, frame().drop(columns="acuerdo"))
    assert out[schema.POSITION].tolist() == ["oppose", "oppose", "none", "none", "support", "oppose", "", ""]
    assert out[schema.POSITION_SOURCE].tolist() == ["text"] * 6 + ["", ""]
    assert out.loc["c000", schema.POSITION_EVIDENCE] == "Estoy en contra"
    assert out[schema.EXCLUDED].tolist() == [r[1] for r in ROWS]


def test_positions_set_aside_rows_left_out_when_asked():
    out = run(PositionsConfig(set_aside=False))
    assert out[schema.POSITION].tolist()[4:6] == ["", ""]


def test_positions_a_closed_question_nobody_named_gives_the_positions():
    # Read 10: Chile 2016 marks every argument A/P/D; read from the text alone, the report said 2% state a position.
    context = RunContext()
    out = run(load_config().positions, context=context)
    assert out[schema.POSITION].tolist() == ["oppose", "oppose", "partial", "support", "support", "oppose", "", ""]
    assert out.loc["c002", schema.POSITION_EVIDENCE] == "acuerdo=P" and context.stats["positions_method"] == "column"
    note = [n for n in context.warnings if n.key == "note_position_column_found"][0]
    assert "«acuerdo»" in note.text("es") and "positions.detect_column: false" in note.text("en")
    # Asked not to, or a column whose name or values are not a closed agree/disagree question: the text's cues.
    assert run(PositionsConfig(detect_column=False))[schema.POSITION_SOURCE].tolist()[0] == "text"
    for name, values in (("acuerdo", ["A", "A", "A", "A", "A", "A", "A", ""]), ("region", [r[4] for r in ROWS])):
        data = frame().drop(columns="acuerdo")
        data[name] = values  # one answer only says nothing; "region" holding letters is no question of agreement
        assert run(load_config().positions, data)[schema.POSITION_SOURCE].tolist()[0] == "text", name
    data = frame()
    data["acuerdo"] = ["D", "D", "P", "A", "A", "quizás", "", ""]  # a value that is no position: not this column
    assert run(load_config().positions, data)[schema.POSITION_SOURCE].tolist()[0] == "text"


def _meetings(denials: int) -> pd.DataFrame:
    """Meeting records answering an A/P/D column: 60 "A" arguments, 12 with a written reason for "D" or "P", ``denials``
    of which say the group did not agree."""
    agree = [f"El derecho a la vivienda número {i} debe garantizarse para todas las familias." for i in range(60)]
    denied = [
        "No hubo acuerdo entre los asistentes sobre este concepto.",
        "No se llegó a un consenso en el grupo.",
        "No hay acuerdo: algunos lo apoyan y otros no.",
    ]
    against = [denied[i % 3] + f" Punto {i}." for i in range(denials)]
    against += [f"Debe limitarse el lucro en el caso {i}." for i in range(12 - denials)]
    texts = agree + against
    out = make_frame(texts, acuerdo=["A"] * 60 + ["D", "P"] * 6)
    out[schema.TEXT_CLEAN] = out[schema.TEXT_REDACTED] = out[schema.TEXT]
    out[schema.LANG] = "es"
    out[schema.EXCLUDED] = ""
    out[schema.DUP_GROUP] = range(len(texts))
    out[schema.DUP_REPRESENTATIVE] = True
    out[schema.DUP_COUNT] = 1
    return out


def test_positions_a_column_of_how_far_each_group_agreed_is_no_stance():
    # Claim check 76 (Chile 2016): a meeting's "D" says its participants did not agree; read as opposition, the report said
    # "0.7% against". Where the answers against or in part speak of the group's agreement, the column records it, and so do
    # the texts ("estamos de acuerdo", "acuerdo parcial": checks 78 and 83): no position is read, and a note says why.
    context = RunContext()
    out = run(load_config().positions, _meetings(10), context)
    assert set(out[schema.POSITION]) == {""} and set(out[schema.POSITION_SOURCE]) == {""}
    assert context.stats["positions_group_column"] == "acuerdo"
    note = next(n for n in context.warnings if n.key == "note_position_column_group_all")  # every such answer read
    assert "de las 12 contribuciones que la responden en contra o en parte, 10 hablan del acuerdo del grupo" in note.text("es")
    assert "«No hubo acuerdo»" in note.text("es") and "--position-column acuerdo" in note.text("en")
    # Fewer such texts (a writer's own "no estoy de acuerdo" is no group's): the column gives the positions.
    context = RunContext()
    out = run(load_config().positions, _meetings(4), context)
    assert out[schema.POSITION_SOURCE].iloc[0] == "column" and "positions_group_column" not in context.stats
    # Named by the analyst, it is read as positions all the same.
    out = run(PositionsConfig(method="column", column="acuerdo"), _meetings(10))
    assert set(out[schema.POSITION_SOURCE]) == {"column"}


def test_positions_from_a_closed_question_with_the_mapping_noted():
    context = RunContext()
    out = run(PositionsConfig(method="column", column="acuerdo"), context=context)
    assert out[schema.POSITION].tolist() == ["oppose", "oppose", "partial", "support", "support", "oppose", "", ""]
    assert out.loc["c002", schema.POSITION_EVIDENCE] == "acuerdo=P"
    assert set(out.loc[out[schema.POSITION] != "", schema.POSITION_SOURCE]) == {"column"}
    note = [n for n in context.warnings if n.key == "note_position_mapping"][0]
    assert note.text("en") == "Positions from the column “acuerdo”: A -> support (2), P -> agree in part (1), D -> oppose (3)."
    assert note.text("es") == "Posturas de la columna «acuerdo»: A -> a favor (2), P -> de acuerdo en parte (1), D -> en contra (3)."


def test_positions_closed_question_errors():
    bad = frame()
    bad.loc["c003", "acuerdo"] = "quizás"
    with pytest.raises(ConfigError, match=r'column "acuerdo" has values that are not positions: "quizás" \(1 row\)'):
        run(PositionsConfig(method="column", column="acuerdo"), bad)
    with pytest.raises(ConfigError, match='positions.column: the input has no column "acuerdo_x". Found: acuerdo'):
        run(PositionsConfig(method="column", column="acuerdo_x"))
    with pytest.raises(ConfigError, match="positions.column is empty. Give position_column=COLUMN"):
        PositionsStage(PositionsConfig(method="column"))
    with pytest.raises(ConfigError, match="positions.model is empty. Give position_model=models/NAME"):
        PositionsStage(PositionsConfig(method="model"))


def test_positions_an_input_column_named_position_is_read_under_its_kept_name():
    data = frame().rename(columns={"acuerdo": "input_position"})
    out = run(PositionsConfig(method="column", column="position"), data)
    assert out.loc["c000", schema.POSITION] == "oppose" and out.loc["c000", "input_position"] == "D"


def test_positions_off_adds_nothing():
    stage = PositionsStage(PositionsConfig(method="off"))
    assert stage.provides == () and stage.requires == ()
    assert list(stage.apply(frame(), RunContext()).columns) == list(frame().columns)


def test_positions_model_reads_units_and_copies_duplicates(tmp_path):
    from consultnlp.positions.model import train_position_model

    data = labelled_from_frame(toy_frame({"A": 200, "P": 50, "D": 50}), text_column="fundamento", label_column="acuerdo")
    train_position_model(data, tmp_path / "m", features="tfidf", holdout=0)
    rows = frame()
    rows.loc[["c000", "c001"], schema.TEXT_REDACTED] = "es malo e injusto para todos"
    rows.loc["c003", schema.TEXT_REDACTED] = "es bueno y necesario"
    out = run(PositionsConfig(method="model", model=str(tmp_path / "m")), rows)
    assert out[schema.POSITION].tolist()[:2] == ["oppose", "oppose"] and out.loc["c003", schema.POSITION] == "support"
    assert out[schema.POSITION_SOURCE].tolist() == ["model"] * 4 + ["text", "text", "", ""]
    assert out.loc["c001", schema.POSITION_EVIDENCE] == out.loc["c000", schema.POSITION_EVIDENCE]
    assert out.loc["c000", schema.POSITION_EVIDENCE].startswith("p=")


def test_positions_notes_count_positions():
    context = RunContext()
    run(PositionsConfig(detect_column=False), context=context)
    assert [n.text("en") for n in context.warnings] == [
        "Positions (contributions, copies included): 1 support, 0 agree in part, 3 oppose, 2 state none."
    ]
    context = RunContext()
    none_stated = frame()
    none_stated[schema.TEXT_CLEAN] = "La educación debe ser gratuita."
    run(PositionsConfig(detect_column=False), none_stated, context)
    assert context.warnings == []


def test_positions_a_stance_on_a_measure_records_its_target():
    data = frame().drop(columns="acuerdo")
    data[schema.TEXT_CLEAN] = [
        "No estoy de acuerdo con cerrar los consultorios de noche.",
        "Estoy en contra de la corrupción.",
        "Estoy de acuerdo con la propuesta.",
        "Apoyo a la agricultura familiar",
        *data[schema.TEXT_CLEAN].tolist()[4:],
    ]
    out = run(load_config().positions, data)
    assert out[schema.POSITION].tolist()[:4] == ["oppose", "none", "support", "none"]
    assert out[schema.POSITION_TARGET].tolist()[:4] == ["cerrar los consultorios de noche", "", "", ""]
    assert out[schema.POSITION_TARGET].tolist()[6:] == ["", ""]  # rows not counted


def test_positions_of_a_polis_export_are_its_votes_not_its_words():
    # Each Pol.is statement is a position others vote on; read as stances, 19 of 30 judged the world (stop 39's blind reading).
    from consultnlp.ingest.platforms import POLIS_VOTES

    context = RunContext()
    data = frame().drop(columns="acuerdo").assign(**{POLIS_VOTES: "12"})
    out = run(load_config().positions, data, context)
    assert (out[schema.POSITION] == "").all() and context.stats["positions_method"] == "votes"
    assert "votes" in [n for n in context.warnings if n.key == "note_positions_votes"][0].text("en")
