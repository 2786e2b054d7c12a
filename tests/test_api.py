"""The Python API: ``from consultnlp import analyze, load_run``, and the README's example run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consultnlp import api
from consultnlp.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_settings_follow_the_cli_rules_between_options():
    out = api.settings(theme_model=Path("models/themes"), position_column="acuerdo", formats="html, md", redact_kinds=["email"])
    assert out["themes"] == {"model": "models/themes", "method": "supervised"}
    assert out["positions"] == {"column": "acuerdo", "method": "column"}
    assert out["report"] == {"formats": ["html", "md"]}
    assert out["redact"] == {"kinds": ["EMAIL"]}
    assert api.settings(text_column=None, drop_original_text=False) == {}


def test_errors_name_keywords_and_the_cli_can_name_flags():
    with pytest.raises(api.OptionError) as caught:
        api.settings(position_column="a", position_model="models/p")
    assert str(caught.value) == "position_column= and position_model= both give positions; use one of them."
    flags = caught.value.naming({"position_column": "--position-column", "position_model": "--position-model"})
    assert flags == "--position-column and --position-model both give positions; use one of them."
    with pytest.raises(ConfigError, match="unknown option textcolumn"):
        api.settings(textcolumn="x")


def test_cli_names_flags_for_conflicting_options(tmp_path):
    from typer.testing import CliRunner

    from consultnlp.cli import app

    sample = tmp_path / "c.csv"
    sample.write_text("comment\nMás buses\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["analyze", str(sample), "--out", str(tmp_path / "o"), "--position-column", "a", "--position-model", "m"]
    )
    assert result.exit_code == 1
    assert "--position-column and --position-model both give positions" in result.output


def test_readme_example_runs_as_written(tmp_path, monkeypatch):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## From Python", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").symlink_to(ROOT / "data")
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "results" / "python" / "report.html").is_file()


def test_analyze_without_out_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sample = tmp_path / "c.csv"
    sample.write_text(
        "comentario\n" + "\n".join(f"Queremos más buses nocturnos en la comuna {i} por seguridad" for i in range(12)), encoding="utf-8"
    )
    run = api.analyze(sample, set=["stages=[clean,screen,language,dedupe,redact]"])
    assert run.out is None and sorted(p.name for p in tmp_path.iterdir()) == ["c.csv"]
    assert run.manifest["rows"]["input"] == 12 and len(run.comments) == 12


def test_a_stage_error_names_the_keyword_in_the_library_and_the_flag_on_the_command_line(tmp_path):
    # Issue 24: "themes.model is empty. Use --theme-model models/NAME" told a Python user about a flag.
    from typer.testing import CliRunner

    from consultnlp.cli import app

    sample = tmp_path / "c.csv"
    sample.write_text("comment\nMás buses de noche\nMenos autos en el centro\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"themes.model is empty. Give theme_model=models/NAME.$"):
        api.analyze(sample, set=["themes.method=supervised"])
    result = CliRunner().invoke(app, ["analyze", str(sample), "--out", str(tmp_path / "o"), "--set", "themes.method=supervised", "--quiet"])
    assert result.exit_code == 1
    assert "themes.model is empty. Give --theme-model models/NAME." in result.output


def test_a_run_folder_error_names_the_keyword_in_the_library(tmp_path):
    # Issue 24: the run-folder checks said "--out X is a file" and "--cache-dir C is inside --out X" to a Python user.
    from consultnlp.errors import OutputError
    from consultnlp.files import check_writable_folder

    sample = tmp_path / "c.csv"
    sample.write_text("comment\nMás buses de noche\nMenos autos en el centro\n", encoding="utf-8")
    taken = tmp_path / "taken.txt"
    taken.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=rf"^out={re.escape(str(taken))} is a file, not a folder\. .*e\.g\. out=results/\.$"):
        api.analyze(sample, taken)
    out = tmp_path / "o"
    with pytest.raises(OutputError, match=rf"^cache_dir={re.escape(str(out / 'c'))} is inside out={re.escape(str(out))}, "):
        api.analyze(sample, out, cache_dir=out / "c")
    with pytest.raises(OutputError, match=rf"^out_dir={re.escape(str(taken))} is a file"):
        check_writable_folder(taken, option="out_dir")
    with pytest.raises(OutputError, match=rf"^{re.escape(str(taken))} is a file"):
        check_writable_folder(taken, option=None)
