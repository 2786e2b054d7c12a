"""Every platform and survey export fixture: no value of a personal column in any file outside private/."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from tests.ingest import platform_files as pf
from tests.privacy.test_private_folder import _published_text

runner = CliRunner()

# The columns a person reading each export would call personal (respondent e-mail, name, IP, location).
PERSONAL = {
    "decidim_proposals": (pf.decidim_proposals, ";", 0, ["author/name"]),
    "decidim_comments": (pf.decidim_comments, ";", 0, ["author/name"]),
    "consul_admin_csv": (pf.consul_admin_csv, ",", 0, ["Author", "Comment Author"]),
    "google_forms": (pf.google_forms, ",", 0, ["Dirección de correo electrónico"]),
    "microsoft_forms": (pf.microsoft_forms, ",", 0, ["Email", "Name"]),
    "surveymonkey": (pf.surveymonkey, ",", 1, ["IP Address", "Email Address", "First Name", "Last Name"]),
    "qualtrics": (
        pf.qualtrics,
        ",",
        2,
        ["IPAddress", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "LocationLatitude", "LocationLongitude"],
    ),
}


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("platform-cache")


@pytest.mark.parametrize("name", sorted(PERSONAL))
def test_platform_outputs_no_personal_column_value_outside_private(name, tmp_path, cache):
    build, sep, skip, columns = PERSONAL[name]
    path = build(tmp_path)
    raw = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
    raw = raw.iloc[skip:]
    values = {v for c in columns for v in raw[c] if len(v.strip()) >= 4}
    assert values, name
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--quiet",
            "--cache-dir",
            str(cache),
            "--format",
            "html,md,xlsx,docx",
            "--set",
            "topics.clustering=kmeans",
            "--set",
            "topics.min_topic_size=2",
        ],
    )
    assert result.exit_code == 0, result.output
    leaks = sorted({(file, v) for file, text in _published_text(out).items() for v in values if v in text})
    assert leaks == []
