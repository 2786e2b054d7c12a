"""A wheel installs the project's own files (word lists, models, taxonomies) under ``<prefix>/share/consultnlp``, listed by
glob in pyproject's data-files: every file the code reads at run time must be covered, or an installed tool runs without it.
Stop 47: ``data/direction`` (the key-point matcher's words of more and less) and ``data/nonanswers/model_long.json`` were
in no glob."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_INSTALLED = ("data/samples/", "data/themes/manual-check/", "data/names/build_names.py")  # the demo input, a hand check, a build script


def _globs() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [pattern for patterns in config["tool"]["setuptools"]["data-files"].values() for pattern in patterns]


def test_packaging_every_file_the_tool_reads_is_installed():
    covered = {path for pattern in _globs() for path in ROOT.glob(pattern)}
    shipped = [
        p for p in sorted((ROOT / "data").rglob("*")) if p.is_file() and not p.relative_to(ROOT).as_posix().startswith(NOT_INSTALLED)
    ]
    assert shipped, "no data folder"
    assert [p.relative_to(ROOT).as_posix() for p in shipped if p not in covered] == []
    assert ROOT / "data" / "nonanswers" / "model_wide.json" in covered and ROOT / "pipelines" / "default.yaml" in covered
