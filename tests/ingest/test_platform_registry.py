"""Platforms are registered where their exports are read (``ingest.platforms``, ``ingest.surveys``); the settings, the
CLI's choices and help and the README's table of exports are checked against the registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.config import IngestConfig
from consultnlp.ingest import PLATFORMS
from consultnlp.ingest.platforms import PLATFORMS as REGISTERED
from consultnlp.ingest.platforms import Platform, register_platform

README = Path(__file__).resolve().parents[2] / "README.md"


def test_platform_registry_feeds_settings_cli_help_and_readme():
    assert list(REGISTERED) == ["polis", "decidim", "consul", "qualtrics", "surveymonkey", "microsoft-forms", "google-forms"]
    assert PLATFORMS == ("auto", "none", *REGISTERED)
    help_text = " ".join(CliRunner().invoke(app, ["analyze", "--help"], terminal_width=400).output.split())
    table = README.read_text(encoding="utf-8").split("## Platform exports, surveys and other tools", 1)[1].split("\n## ", 1)[0]
    for name, platform in REGISTERED.items():
        assert IngestConfig(platform=name).platform == name
        assert name in help_text, name
        assert platform.label in table, platform.label
    with pytest.raises(ValueError, match="unknown platform 'ideascale'. Use one of: auto, none, polis"):
        IngestConfig(platform="ideascale")


def test_platform_registry_refuses_a_name_twice_and_cli_names_the_choices(tmp_path):
    with pytest.raises(ValueError, match="platform 'polis' is registered twice"):
        register_platform(Platform("polis", "Pol.is", lambda frame, info: None))
    source = tmp_path / "c.csv"
    source.write_text("text\nMás buses de noche para el barrio\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(source), "--platform", "ideascale", "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code != 0 and "Use one of: auto, none, polis, decidim" in result.output
