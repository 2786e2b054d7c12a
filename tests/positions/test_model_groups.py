"""Position models trained with what each text answers (a concept): the group's shares shift decisions where they help."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.positions.model import group_log_ratios, group_shift, load_position_model, train_position_model
from consultnlp.themes.data import labelled_from_frame
from tests.positions.test_model import FILLER, WORDS

runner = CliRunner()
SAME = "el concepto es importante para chile"


def concept_frame(seed: int = 0) -> pd.DataFrame:
    """Half the texts say their position; the other half say the same words whatever the position, and then only
    the concept tells: under "voto_obligatorio" most disagree, under "salud" all agree."""
    rng = np.random.default_rng(seed)
    rows = []
    for concept, counts in (("salud", {"A": 300}), ("voto_obligatorio", {"A": 40, "D": 120}), ("educacion", {"A": 200, "D": 20})):
        for label, n in counts.items():
            for i in range(n):
                words = list(rng.choice(FILLER, 5)) + list(rng.choice(WORDS[label], 2, replace=False))
                rng.shuffle(words)
                text = " ".join(words) if i % 2 == 0 else SAME
                rows.append({"fundamento": text, "acuerdo": label, "concepto": concept})
    return pd.DataFrame(rows).sample(frac=1.0, random_state=seed).reset_index(drop=True)


@pytest.fixture(scope="module")
def trained_both(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grouped")
    frame = concept_frame()
    with_groups = labelled_from_frame(frame, text_column="fundamento", label_column="acuerdo", group_column="concepto")
    text_only = labelled_from_frame(frame, text_column="fundamento", label_column="acuerdo")
    return (
        train_position_model(with_groups, folder / "g", features="tfidf", holdout=0.25, random_state=3),
        folder / "g",
        train_position_model(text_only, folder / "t", features="tfidf", holdout=0.25, random_state=3),
    )


def test_model_groups_log_ratios_are_smoothed_shares():
    ratios = group_log_ratios(
        ["oppose"] * 3 + ["support"] * 7 + ["support"] * 90, ["a"] * 10 + ["b"] * 90, ["oppose", "support"], smoothing=10.0
    )
    overall = np.array([4 / 102, 98 / 102])  # counts + 1 each
    expected_a = (np.array([3, 7]) + 10 * overall) / 20
    assert ratios["a"] == pytest.approx(list(np.log(expected_a) - np.log(overall)), abs=1e-5)
    assert ratios["a"][0] > 0 > ratios["b"][0]  # "a" leans to oppose, "b" away from it
    shift = group_shift(ratios, ["a", "unseen", None], 3, 2, 0.5)
    assert shift[0] == pytest.approx([0.5 * v for v in ratios["a"]]) and not shift[1:].any()


def test_model_groups_chosen_where_they_help_and_saved(trained_both):
    card, out, text_only = trained_both
    assert card["group_column"] == "concepto" and card["group_weight"] > 0
    assert set(card["group_log_ratios"]) == {"salud", "voto_obligatorio", "educacion"}
    assert card["metrics"]["macro_f1"] > text_only["metrics"]["macro_f1"] + 0.05
    assert "Groups: the value of `concepto` shifts decisions" in (out / "model_card.md").read_text(encoding="utf-8")
    assert json.loads((out / "card.json").read_text(encoding="utf-8"))["group_weight"] == card["group_weight"]
    assert text_only["group_column"] is None and text_only["group_weight"] == 0.0


def test_model_groups_loaded_model_reads_the_group(trained_both):
    _, out, _ = trained_both
    model = load_position_model(out)
    assert model.group_column == "concepto"
    filler = SAME
    assert model.predict([filler, filler], groups=["voto_obligatorio", "salud"])[0] == ["oppose", "support"]
    # Without the column (or for an unseen concept) the text alone decides: no position is invented from the group.
    assert model.predict([filler], groups=["otro"])[0] == model.predict([filler])[0]


def test_model_groups_cli_train_with_group_column(tmp_path):
    path = tmp_path / "labelled.csv"
    concept_frame(seed=5).to_csv(path, index=False)
    result = runner.invoke(
        app,
        [
            "positions",
            "train",
            str(path),
            "--text-column",
            "fundamento",
            "--label-column",
            "acuerdo",
            "--group-column",
            "concepto",
            "--out",
            str(tmp_path / "m"),
            "--features",
            "tfidf",
            "--quiet",
            "--no-cache",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "group weight" in result.output and "(concepto)" in result.output
    result = runner.invoke(
        app,
        [
            "positions",
            "train",
            str(path),
            "--text-column",
            "fundamento",
            "--label-column",
            "acuerdo",
            "--group-column",
            "concept",
            "--out",
            str(tmp_path / "m2"),
            "--quiet",
            "--no-cache",
        ],
    )
    assert result.exit_code == 1 and 'has no column "concept"' in result.output and "--group-column" in result.output


def test_model_groups_analyze_stage_reads_the_same_column(trained_both, tmp_path):
    from consultnlp import schema
    from consultnlp.config import PositionsConfig
    from consultnlp.stages.base import RunContext
    from consultnlp.stages.positions import PositionsStage
    from tests.conftest import make_frame

    _, out, _ = trained_both
    rows = make_frame([SAME, SAME, SAME], concepto=["voto_obligatorio", "salud", "voto_obligatorio"])
    for column in (schema.TEXT_CLEAN, schema.TEXT_REDACTED):
        rows[column] = rows[schema.TEXT]
    rows[schema.LANG] = "es"
    stage = PositionsStage(PositionsConfig(method="model", model=str(out)))
    found = stage.apply(rows, RunContext())
    assert found[schema.POSITION].tolist() == ["oppose", "support", "oppose"]
    # An input without the column: the text alone decides, and a note says so.
    context = RunContext()
    alone = stage.apply(rows.drop(columns="concepto"), context)
    assert len(set(alone[schema.POSITION])) == 1
    assert any('trained with column "concepto"' in note for note in context.progress.notes)
