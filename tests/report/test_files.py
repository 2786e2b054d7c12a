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
