"""A run's folder is one unit: written whole, swapped in when complete, --out checked before any work."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from tests.report.sample_run import copy_analysis, sample_analysis

runner = CliRunner()
ROWS = [
    "Necesitamos más información sobre los contratos del hospital regional y sus plazos",
    "Publiquen los contratos de obras públicas en formato abierto cada semana",
    "Queremos presupuestos participativos en cada comuna del país",
    "We need open data on public procurement and budgets every month",
    "Dados abertos sobre o orçamento da saúde em todos os municípios",
] * 8


def _input(tmp_path: Path, name: str = "in.csv", rows: list[str] = ROWS) -> Path:
    path = tmp_path / name
    pd.DataFrame({"id": range(1, len(rows) + 1), "comentario": rows, "region": ["Norte", "Sur"] * (len(rows) // 2)}).to_csv(
        path, index=False
    )
    return path


@pytest.fixture(scope="module", autouse=True)
def _cache(tmp_path_factory) -> None:
    """One embedding cache for the module: the runs here are about folders, not vectors."""
    global CACHE
    CACHE = tmp_path_factory.mktemp("run-folder-cache")


CACHE: Path | None = None


def _analyze(path: Path, out: Path, *extra: str):
    return runner.invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--quiet",
            "--cache-dir",
            str(CACHE),
            "--id-column",
            "id",
            "--set",
            "topics.clustering=kmeans",
            *extra,
        ],
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_run_folder_rerun_with_another_input_leaves_no_file_of_the_old_run(tmp_path):
    out = tmp_path / "out"
    first = _analyze(_input(tmp_path), out, "--segment-columns", "region", "--format", "html,md,docx,xlsx")
    assert first.exit_code == 0, first.output
    assert (out / "tables" / "segment_region.csv").is_file() and (out / "report.docx").is_file()
    assert first.output.strip().endswith(f"Report: {out / 'report.html'}")
    second = _analyze(_input(tmp_path, "other.csv", ROWS[:20]), out, "--format", "md")
    assert second.exit_code == 0, second.output
    # The line names the report that was written, never one that is not there.
    assert second.output.strip().endswith(f"Report: {out / 'report.md'}")
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["input"]["file_name"] == "other.csv" and manifest["rows"]["input"] == 20
    left = set(_files(out))
    assert not [n for n in left if "segment_region" in n or "theme_segment" in n]
    assert not {"report.docx", "report.html", "summary.xlsx"} & left
    # Everything in the folder is this run's: what the manifest lists, its state and the manifest itself.
    assert left == set(manifest["outputs"]) | set(manifest["private"]) | {"manifest.json"}
    assert all(f.startswith("private/") for f in manifest["private"]) and not [f for f in manifest["outputs"] if f.startswith("private/")]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")]  # no staging or backup left


def test_run_folder_interrupted_write_leaves_the_previous_run_untouched(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert _analyze(_input(tmp_path), out, "--format", "md").exit_code == 0
    before = _files(out)
    import consultnlp.output as output

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C after comments.* were written to the staging folder

    monkeypatch.setattr(output, "publish", interrupted)
    result = _analyze(_input(tmp_path, "other.csv", ROWS[:20]), out, "--format", "md")
    assert result.exit_code == 130
    assert _files(out) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_run_folder_refuses_files_that_are_not_a_run(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = _analyze(_input(tmp_path), out)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: --out {out} holds files that a consultnlp run does not write (notes.txt).")
    assert "give a new or empty folder, or move those files elsewhere first" in result.output
    assert (out / "notes.txt").read_text() == "mine" and len(list(out.iterdir())) == 1


def test_run_folder_out_checked_before_ingest(tmp_path, monkeypatch):
    import consultnlp.analysis as analysis

    def no_ingest(*args, **kwargs):
        raise AssertionError("ingest ran before --out was checked")

    monkeypatch.setattr(analysis, "ingest", no_ingest)
    path = _input(tmp_path)
    a_file = tmp_path / "results.csv"
    a_file.write_text("x")
    cases = {
        a_file: f"Error: --out {a_file} is a file, not a folder.",
        path: f"Error: --out {path} is a file, not a folder.",  # the input itself
        tmp_path: f"Error: --out {tmp_path} contains the input file in.csv, and each run replaces that folder.",
        a_file / "sub": f"Error: --out {a_file / 'sub'}: cannot write in {a_file}",  # a folder under a file: not writable
    }
    for out, expected in cases.items():
        result = _analyze(path, out)
        assert result.exit_code == 1, (out, result.output)
        assert result.output.startswith(expected), result.output
        assert len(result.output.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_run_folder_unwritable_parent_is_one_line(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        result = _analyze(_input(tmp_path), parent / "out")
    finally:
        parent.chmod(0o700)
    assert result.exit_code == 1 and result.output.startswith(f"Error: --out {parent / 'out'}: cannot write in {parent}")


def test_run_folder_cache_inside_out_is_refused(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(_input(tmp_path)), "--out", str(out), "--quiet", "--cache-dir", str(out / "cache")])
    assert result.exit_code == 1 and result.output.startswith(f"Error: --cache-dir {out / 'cache'} is inside --out {out}")


def test_run_folder_recovers_after_a_killed_run(tmp_path):
    """A run killed between moving the old folder away and moving the new one in: the next run puts the old back first."""
    from consultnlp.files import check_run_folder

    out = tmp_path / "out"
    dead = 2**22 + 12345  # above pid_max on Linux: no such process
    (tmp_path / f".out.old-{dead}").mkdir()
    (tmp_path / f".out.old-{dead}" / "manifest.json").write_text("{}")
    (tmp_path / f".out.tmp-{dead}").mkdir()
    check_run_folder(out)
    assert (out / "manifest.json").read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return sample_analysis(tmp_path_factory)


def test_run_folder_rerender_keeps_review_and_state_and_drops_other_formats(sample, tmp_path):
    out = copy_analysis(sample, tmp_path / "run")
    review = out / "topics_review.yaml"
    edited = review.read_text(encoding="utf-8") + "\n# the analyst's note\n"
    review.write_text(edited, encoding="utf-8")
    result = runner.invoke(app, ["report", str(out), "--lang", "en", "--format", "md"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert review.read_text(encoding="utf-8") == edited
    assert (out / "report.md").is_file() and not (out / "report.html").exists() and not (out / "report.docx").exists()
    assert not (out / "summary.xlsx").exists()
    assert set(_files(out)) == set(manifest["outputs"]) | set(manifest["private"]) | {"manifest.json"}
    assert "topics_review.yaml" in manifest["outputs"]
    # The re-rendered folder re-renders again: its state is complete.
    again = runner.invoke(app, ["report", str(out), "--format", "html"])
    assert again.exit_code == 0, again.output
    assert (out / "report.html").is_file() and not (out / "report.md").exists()


def test_run_folder_rerender_refuses_foreign_files(sample, tmp_path):
    out = copy_analysis(sample, tmp_path / "run")
    (out / "tables" / "my_pivot.xlsx").write_bytes(b"mine")
    result = runner.invoke(app, ["report", str(out)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {out} holds files that a consultnlp run does not write (tables/my_pivot.xlsx).")
    assert (out / "tables" / "my_pivot.xlsx").read_bytes() == b"mine"


def test_run_folder_tune_out_checked_before_any_work(tmp_path, monkeypatch):
    import consultnlp.tuning as tuning

    def no_ingest(*args, **kwargs):
        raise AssertionError("ingest ran before --out was checked")

    monkeypatch.setattr(tuning, "ingest", no_ingest)
    a_file = tmp_path / "tune.csv"
    a_file.write_text("x")
    result = runner.invoke(app, ["topics", "tune", str(_input(tmp_path)), "--grid", "min_topic_size=5,10", "--out", str(a_file), "--quiet"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: --out {a_file} is a file, not a folder.")


def test_run_folder_recognises_every_file_it_wrote_in_any_format(tmp_path):
    out = tmp_path / "out"
    first = _analyze(_input(tmp_path), out, "--format", "md,qdpx")
    assert first.exit_code == 0, first.output
    assert [p.name for p in out.glob("*.qdpx")] and [p.name for p in out.glob("*.qdc")]
    again = _analyze(_input(tmp_path), out, "--format", "md")
    assert again.exit_code == 0, again.output  # its own .qdpx/.qdc are not "foreign files"
    assert not list(out.glob("*.qdpx"))
    # A file the run did not write is still refused.
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    refused = _analyze(_input(tmp_path), out, "--format", "md")
    assert refused.exit_code == 1 and "notes.txt" in refused.output


def test_run_folder_second_run_into_the_same_folder_fails_naming_the_first(tmp_path):
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    ready = tmp_path / "ready"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import pathlib, time\n"
                "from consultnlp.files import run_lock\n"
                f"with run_lock(pathlib.Path({str(out)!r})):\n"
                f"    pathlib.Path({str(ready)!r}).write_text('x')\n"
                "    time.sleep(60)\n"
            ),
        ]
    )
    try:
        for _ in range(300):
            if ready.exists():
                break
            time.sleep(0.1)
        result = _analyze(_input(tmp_path), out, "--format", "md")
        assert result.exit_code == 1
        line = result.output.strip().splitlines()[-1]
        assert line.startswith(f"Error: --out {out} is being written by another consultnlp run (pid {holder.pid}, started ")
        assert not out.exists()
    finally:
        holder.kill()
        holder.wait()
    # The lock went with the process that held it: the next run goes ahead.
    assert _analyze(_input(tmp_path), out, "--format", "md").exit_code == 0
    assert not (tmp_path / ".out.lock").exists()
