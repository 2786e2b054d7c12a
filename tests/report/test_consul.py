"""Consul Democracy's machine-learning files: written in the shape its importer reads (app/models/machine_learning.rb)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp import schema
from consultnlp.cli import app
from consultnlp.errors import ConfigError
from consultnlp.report.consul import write_consul
from tests.conftest import SAMPLE_XLSX


def consul_import_tags(folder: Path, suffix: str) -> dict[int, set[str]]:
    """What ``import_ml_*_tags`` does: tags by name (cut at 150), then taggings with only tag_id and taggable_id."""
    tags = json.loads((folder / f"ml_tags_{suffix}.json").read_text(encoding="utf-8"))
    ids = {}
    for tag in tags:
        assert set(tag) == {"id", "name", "taggings_count"} and tag["name"] and len(tag["name"]) <= 150
        ids[tag["id"]] = tag["name"]
    tagged: dict[int, set[str]] = {}
    for tagging in json.loads((folder / f"ml_taggings_{suffix}.json").read_text(encoding="utf-8")):
        assert set(tagging) == {"tag_id", "taggable_id"}  # any other key would reach Tagging.create!
        assert isinstance(tagging["taggable_id"], int)
        tagged.setdefault(tagging["taggable_id"], set()).add(ids[tagging["tag_id"]])
    counts = pd.Series([n for names in tagged.values() for n in names]).value_counts()
    assert {t["name"]: t["taggings_count"] for t in tags} == counts.to_dict()
    return tagged


def consul_import_related(folder: Path, suffix: str) -> dict[int, list[int]]:
    """What ``import_*_related_content`` does: ``id`` removed, the other values in order are the related records."""
    out = {}
    for related in json.loads((folder / f"ml_related_content_{suffix}.json").read_text(encoding="utf-8")):
        record = related.pop("id")
        assert list(related) == [f"related_{i}" for i in range(1, len(related) + 1)] and record not in related.values()
        out[record] = list(related.values())
    return out


@pytest.fixture(scope="module")
def proposals_run(tmp_path_factory):
    """``proposals.json`` as Consul exports it, from the sample's comments, analysed with --format consul."""
    folder = tmp_path_factory.mktemp("consul")
    sample = pd.read_excel(SAMPLE_XLSX, sheet_name="Respuestas", dtype=str).fillna("")
    records = [
        {"id": 1000 + i, "title": " ".join(text.split()[:6]), "summary": text, "description": ""}
        for i, text in enumerate(sample["comentario"][:300])
    ]
    path = folder / "proposals.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    out = folder / "out"
    result = CliRunner().invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--format",
            "md,consul",
            "--quiet",
            "--cache-dir",
            str(folder / "cache"),
            "--set",
            "topics.clustering=kmeans",
        ],
    )
    assert result.exit_code == 0, result.output
    return out


def test_consul_proposals_round_trip(proposals_run):
    folder = proposals_run / "consul"
    assert sorted(p.name for p in folder.iterdir()) == [
        "ml_related_content_proposals.json",
        "ml_taggings_proposals.json",
        "ml_tags_proposals.json",
    ]
    comments = pd.read_parquet(proposals_run / "comments.parquet")
    analysed = comments.loc[comments[schema.EXCLUDED] == ""]
    tagged = consul_import_tags(folder, "proposals")
    topics = pd.read_parquet(proposals_run / "tables" / "topics.parquet").set_index("topic_id")["label"]
    # Every analysed proposal with a topic carries its topic's tag; ids are Consul's.
    with_topic = analysed.loc[analysed[schema.TOPIC_ID].astype(int) != schema.OUTLIER_TOPIC]
    assert set(tagged) >= set(with_topic[schema.COMMENT_ID].astype(int))
    for _, row in with_topic.head(50).iterrows():
        assert topics[int(row[schema.TOPIC_ID])] in tagged[int(row[schema.COMMENT_ID])]
    related = consul_import_related(folder, "proposals")
    topic_of = dict(zip(analysed[schema.COMMENT_ID].astype(int), analysed[schema.TOPIC_ID].astype(int)))
    assert len(related) == len(with_topic) - (with_topic[schema.TOPIC_ID].value_counts() == 1).sum()
    assert all(topic_of[r] == topic_of[record] and len(others) <= 3 for record, others in related.items() for r in others)


def test_consul_comments_summaries_and_other_inputs(tmp_path):
    frame = pd.DataFrame(
        {
            schema.COMMENT_ID: ["1", "2", "3", "4"],
            schema.EXCLUDED: ["", "", "", "junk"],
            "commentable_id": ["10", "10", "11", "11"],
            "commentable_type": ["Proposal", "Proposal", "Budget::Investment", "Proposal"],
            schema.TOPIC_ID: [0, 0, 1, 1],
            schema.THEMES: ["open_data", "open_data;budget", "other", ""],
        }
    )
    frame.to_parquet(tmp_path / "comments.parquet")
    summary = SimpleNamespace(
        facts={"topic_labels": {0: "Datos", 1: "Presupuesto"}},
        tables={"themes": pd.DataFrame({"theme_id": ["open_data", "budget"], "name": ["Datos abiertos", "Presupuestos"]})},
    )
    written = write_consul(tmp_path / "comments.parquet", tmp_path, summary, "es")
    assert written == ["consul/ml_comments_summaries_budgets.json", "consul/ml_comments_summaries_proposals.json"]
    proposals = json.loads((tmp_path / "consul" / "ml_comments_summaries_proposals.json").read_text(encoding="utf-8"))
    assert proposals == [
        {
            "id": 1,
            "commentable_id": 10,
            "commentable_type": "Proposal",
            "body": "2 comentarios analizados. Tópicos: Datos (2). Temas: Datos abiertos (2), Presupuestos (1).",
        }
    ]
    budgets = json.loads((tmp_path / "consul" / "ml_comments_summaries_budgets.json").read_text(encoding="utf-8"))
    assert budgets[0]["body"] == "1 comentario analizado. Tópicos: Presupuesto (1)."
    frame.drop(columns=["commentable_id", "commentable_type"]).to_parquet(tmp_path / "comments.parquet")
    with pytest.raises(ConfigError, match="^format 'consul' writes files for Consul Democracy.*Nothing was written"):
        write_consul(tmp_path / "comments.parquet", tmp_path, summary, "es")


def test_consul_format_on_another_export_fails_before_any_work(tmp_path):
    from typer.testing import CliRunner

    from consultnlp.cli import app

    path = tmp_path / "c.csv"
    path.write_text("texto\nQueremos más buses de noche\nMás parques en el barrio\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), "--out", str(tmp_path / "out"), "--format", "md,consul", "--no-cache"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: format 'consul' writes files for Consul Democracy")
    assert "Nothing was written" in result.output and not (tmp_path / "out").exists()
