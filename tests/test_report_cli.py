"""``consultnlp report DIR``: re-render an analysis in another language, apply a topic review, never refit."""

from __future__ import annotations

import json
import sys
import types
from importlib.util import find_spec
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from tests.report.sample_run import (
    copy_analysis,
    docx_headings,
    html_headings,
    sample_analysis,
)

runner = CliRunner()


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return sample_analysis(tmp_path_factory)


def _report(*args: str):
    return runner.invoke(app, ["report", *map(str, args)])


def _manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_report_cli_rerenders_in_portuguese_and_back_byte_identical(sample, tmp_path):
    out = copy_analysis(sample, tmp_path / "pt")
    tables = sorted((out / "tables").glob("*.csv")) + [out / "comments.csv"]
    before = {p.name: p.read_bytes() for p in tables}
    result = _report(out, "--lang", "pt", "--format", "html,md,xlsx,docx")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(f"Report: {out / 'report.html'}")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="pt">' in html and "O que ouvimos" in html and "Como este relatório foi produzido" in html
    themes = pd.read_csv(out / "tables" / "themes.csv")
    assert "Acesso à informação" in set(themes["name"]) and "Outros (nenhum tema)" in set(themes["name"])
    comments = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False)
    original = pd.read_csv(sample / "comments.csv", dtype=str, keep_default_na=False)
    # Same rows, order and values; only the names shown next to topic and group ids follow the language.
    assert comments.drop(columns=["topic_label", "topic_group_label"]).equals(original.drop(columns=["topic_label", "topic_group_label"]))
    manifest = _manifest(out)
    assert manifest["report_lang"] == "pt" and manifest["rerendered"]["lang"] == "pt"
    assert manifest["rows"] == _manifest(sample)["rows"]
    # analyze writes an untouched topics_review.yaml: re-rendering applies it and records that nothing changed.
    assert manifest["review"]["applied"] is True and manifest["review"]["audit"] == []
    # The three reports carry the same headings; the workbook has one sheet per table, named like it.
    assert docx_headings(out / "report.docx") == html_headings(html)
    from openpyxl import load_workbook

    sheets = load_workbook(out / "summary.xlsx", read_only=True).sheetnames
    assert sheets[0] == "Leia-me" and len(sheets) == 1 + len(list((out / "tables").glob("*.csv")))
    # Back in the analysis' language, every table is byte-identical to what analyze wrote: no label moved.
    result = _report(out, "--lang", "es", "--format", "html,md,xlsx,docx")
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in tables} == before


def test_report_cli_same_language_reproduces_every_table(sample, tmp_path):
    out = copy_analysis(sample, tmp_path / "same")
    assert _report(out, "--quiet").exit_code == 0
    for path in sorted((sample / "tables").glob("*.csv")) + [sample / "comments.csv"]:
        assert (out / path.relative_to(sample)).read_bytes() == path.read_bytes(), path.name


def _fake_review_module(monkeypatch, merge: tuple[int, int], rename: str) -> None:
    """A stand-in for consultnlp.topics.review: merge topic a into b, rename b."""
    source, target = merge

    def load_review(path):
        return types.SimpleNamespace(path=str(path), groups=[])

    def apply_review(frame, topic_info, review):
        out = frame.copy()
        rows = (out["topic_id"] == source).fillna(False)
        out.loc[rows, "topic_id"] = target
        out.loc[(out["topic_id"] == target).fillna(False), "topic_label"] = rename
        info = topic_info[topic_info["topic_id"] != source].copy()
        info.loc[info["topic_id"] == target, "label"] = rename
        audit = [
            {"action": "merge", "topic_id": source, "into": target, "rows": int(rows.sum())},
            {"action": "rename", "topic_id": target, "to": rename},
        ]
        return out, info, audit

    module = types.ModuleType("consultnlp.topics.review")
    module.load_review, module.apply_review = load_review, apply_review
    if find_spec("consultnlp.topics") is None:
        monkeypatch.setitem(sys.modules, "consultnlp.topics", types.ModuleType("consultnlp.topics"))
    monkeypatch.setitem(sys.modules, "consultnlp.topics.review", module)


def test_report_cli_applies_topic_review_once_and_records_it(sample, tmp_path, monkeypatch):
    out = copy_analysis(sample, tmp_path / "review")
    topics = pd.read_csv(sample / "tables" / "topics.csv")
    a, b = [int(t) for t in topics.loc[topics["topic_id"] >= 0, "topic_id"].head(2)]
    (out / "topics_review.yaml").write_text("version: 1\n", encoding="utf-8")
    _fake_review_module(monkeypatch, (a, b), "Transparencia presupuestaria")
    for _ in range(2):  # applying the same review twice gives the same result
        result = _report(out, "--lang", "en", "--format", "html,md")
        assert result.exit_code == 0, result.output
        reviewed = pd.read_csv(out / "tables" / "topics.csv")
        assert a not in set(reviewed["topic_id"])
        merged = reviewed.set_index("topic_id").loc[b]
        original = topics.set_index("topic_id")
        assert merged["contributions"] == original.loc[a, "contributions"] + original.loc[b, "contributions"]
        assert merged["label"] == "Transparencia presupuestaria"  # the reviewer's name, even in an English report
    manifest = _manifest(out)
    assert manifest["review"]["applied"] is True and [e["action"] for e in manifest["review"]["audit"]] == ["merge", "rename"]
    comments = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False)
    assert comments["comment_id"].tolist() == pd.read_csv(sample / "comments.csv", dtype=str)["comment_id"].tolist()
    assert str(a) not in set(comments["topic_id"])
    quotes = pd.read_csv(out / "tables" / "quotes.csv", dtype=str)
    assert len(quotes[(quotes["scope"] == "topic") & (quotes["group_id"] == str(b))]) == 3
    assert "Transparencia presupuestaria" in (out / "report.html").read_text(encoding="utf-8")


def test_report_cli_without_review_support_notes_it(sample, tmp_path, monkeypatch):
    out = copy_analysis(sample, tmp_path / "noreview")
    (out / "topics_review.yaml").write_text("version: 1\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "consultnlp.topics.review", None)  # as if the module were absent
    result = _report(out, "--format", "md")
    assert result.exit_code == 0, result.output
    assert "topics_review.yaml was not applied" in result.output
    review = _manifest(out)["review"]
    assert review["applied"] is False and review["file"] == "topics_review.yaml" and len(review["sha256"]) == 64


def _assert_error(result, expected: str) -> None:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and expected in lines[0], result.output


def test_report_cli_errors_are_one_line(sample, tmp_path):
    _assert_error(_report(tmp_path / "nope"), "does not exist or is not a folder")
    (tmp_path / "empty").mkdir()
    _assert_error(_report(tmp_path / "empty"), "has no private/state/state.json")
    _assert_error(_report(sample, "--lang", "fr"), "--lang 'fr' is not a report language; use one of es, pt, en")
    _assert_error(_report(sample, "--format", "html,pdf"), "unknown report format 'pdf'; valid formats: html, md, docx, xlsx")


def test_report_cli_applies_group_rename_and_topic_move(sample, tmp_path):
    """A group renamed and a topic moved in topics_review.yaml reach topic_groups, comments.*, the report and the manifest."""
    import yaml

    out = copy_analysis(sample, tmp_path / "groups")
    path = out / "topics_review.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# Topic review. Edit this file, save it, then run: consultnlp report {sample}\n")
    data = yaml.safe_load(text)
    groups = {g["id"]: g for g in data["groups"]}
    assert len(groups) >= 2
    source = next(g for g in data["groups"] if len(g["topics"]) >= 2)  # a group that keeps a topic after the move
    target = next(g for g in data["groups"] if g["id"] != source["id"])
    moved = source["topics"][-1]
    source["topics"].remove(moved)
    target["topics"].append(moved)
    target["label"] = "Movilidad sostenible"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = _report(out, "--lang", "en", "--format", "html,md")
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out / "tables" / "topic_groups.csv").set_index("topic_group_id")
    assert table.loc[target["id"], "label"] == "Movilidad sostenible"  # the reviewer's name, even in an English report
    assert str(moved) in table.loc[target["id"], "topic_ids"].split(", ")
    assert str(moved) not in table.loc[source["id"], "topic_ids"].split(", ")
    comments = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False)
    in_moved = comments["topic_id"] == str(moved)
    assert in_moved.any()
    assert set(comments.loc[in_moved, "topic_group_id"]) == {str(target["id"])}
    assert set(comments.loc[in_moved, "topic_group_label"]) == {"Movilidad sostenible"}
    audit = _manifest(out)["review"]["audit"]
    assert {"action": "group_move", "topic_id": moved, "from_group": source["id"], "to_group": target["id"]} in audit
    assert any(e["action"] == "group_rename" and e["to"] == "Movilidad sostenible" for e in audit)
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "Movilidad sostenible" in report and f"Topic {moved} moved from subject {source['id']} to subject {target['id']}" in report
    # An invalid edit is one line naming the file, the group and the fix.
    target["id"] = 99
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _assert_error(_report(out, "--format", "md"), "there is no group 99 in this analysis")


def test_report_library_errors_name_keywords_and_the_command_line_its_flags(sample):
    # Issue 24: library errors named CLI flags ("--lang"), which a notebook user does not have.
    import pytest

    from consultnlp.compare import compare_runs
    from consultnlp.errors import ConfigError, InputError
    from consultnlp.rerender import rerender

    with pytest.raises(ConfigError, match=r"^lang='fr' is not a report language"):
        rerender(sample, lang="fr")
    with pytest.raises(InputError, match=r"^lang=xx: use one of es, pt, en\.$"):
        compare_runs(sample, sample, lang="xx")
    with pytest.raises(InputError, match=r"^min_similarity=1\.5: give a cosine"):
        compare_runs(sample, sample, min_similarity=1.5)
