"""Outputs are written atomically: a failure while writing leaves the previous file whole and no temp file."""

from __future__ import annotations

import pandas as pd
import pytest

from consultnlp.files import atomic_path, write_text
from consultnlp.report.tables import write_csv


def test_failed_write_keeps_previous_file_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "summary.csv"
    write_text(target, "old,complete\n")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("new,half-writ", encoding="utf-8")
            raise RuntimeError("killed while writing")
    assert target.read_text(encoding="utf-8") == "old,complete\n"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.csv"]


def test_interrupted_csv_write_keeps_previous_table(tmp_path, monkeypatch):
    target = tmp_path / "comments.csv"
    write_csv(pd.DataFrame({"a": ["x"]}), target)
    before = target.read_bytes()

    def interrupted(self, path, **kwargs):
        open(path, "w", encoding="utf-8").write('"a"\n"par')
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_csv(pd.DataFrame({"a": ["y"] * 1000}), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["comments.csv"]


def test_output_formats_come_from_one_registry():
    # The formats were listed in the config (a Literal and its default), the writers, and two CLI help texts.
    from pathlib import Path

    from pydantic import ValidationError

    from consultnlp.config import PipelineConfig, ReportConfig
    from consultnlp.report import formats
    from consultnlp.report.outputs import FORMATS, REPORT_FILES

    names = formats.output_format_names()
    assert FORMATS == names and PipelineConfig().report.formats == formats.default_formats() == ["html", "md", "docx", "xlsx"]
    assert set(REPORT_FILES) == {"html", "md", "docx"} and all(ReportConfig(formats=[n]).formats == [n] for n in names)
    with pytest.raises(ValidationError, match="unknown report format 'pdf'; valid formats: html, md, docx, xlsx, qdpx, consul"):
        ReportConfig(formats=["html", "pdf"])
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    listed = next(line for line in readme.splitlines() if line.startswith("- `--format "))
    assert all(name in listed for name in names), listed
