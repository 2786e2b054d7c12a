"""The REFI-QDA project and codebook: valid by the schema's rules, every analysed contribution coded, redacted text only."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp import schema
from consultnlp.cli import app
from tests.report.refi import check_qdc, check_qdpx
from tests.report.sample_run import copy_analysis, sample_analysis


@pytest.fixture(scope="module")
def qdpx_run(tmp_path_factory):
    run = copy_analysis(sample_analysis(tmp_path_factory), tmp_path_factory.mktemp("qdpx") / "run")
    result = CliRunner().invoke(app, ["report", str(run), "--format", "md,qdpx", "--quiet"])
    assert result.exit_code == 0, result.output
    return run


def test_qdpx_is_valid_and_codes_every_analysed_contribution(qdpx_run):
    report = check_qdpx(qdpx_run / "consulta_gobierno_abierto.qdpx")
    assert report.errors == []
    comments = pd.read_parquet(qdpx_run / "comments.parquet")
    analysed = comments.loc[comments[schema.EXCLUDED] == ""]
    assert report.selections == len(analysed) and report.sources == 1
    topics = analysed[schema.TOPIC_ID].astype(int)
    themes = analysed[schema.THEMES].str.split(";").explode()
    expected_codings = int((topics != schema.OUTLIER_TOPIC).sum()) + int((themes != schema.OTHER_THEME).sum())
    assert report.codings == expected_codings
    # Per code: as many selections as contributions with that topic (codes are named as the summary names them).
    topic_table = pd.read_parquet(qdpx_run / "tables" / "topics.parquet")
    biggest = topic_table.loc[topic_table["topic_id"] != schema.OUTLIER_TOPIC].iloc[0]
    by_name = {report.names[g]: n for g, n in report.coded.items()}
    assert by_name[biggest["label"]] == int(biggest["contributions"])
    # The codebook: themes root, topics root with groups inside; the .qdc holds the same codes.
    qdc = check_qdc(qdpx_run / "consulta_gobierno_abierto.qdc")
    assert qdc.errors == [] and qdc.codes == report.codes
    assert {"Temas", "Tópicos"} <= set(report.names.values())


def test_qdpx_sources_hold_redacted_text_only(qdpx_run):
    comments = pd.read_parquet(qdpx_run / "private" / "comments.parquet")  # the working table has the original text too
    with zipfile.ZipFile(qdpx_run / "consulta_gobierno_abierto.qdpx") as archive:
        text = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("sources/"))
    redacted = comments.loc[(comments[schema.EXCLUDED] == "") & (comments[schema.PII_COUNT] > 0)]
    assert len(redacted) >= 5
    for _, row in redacted.iterrows():
        assert row[schema.TEXT_REDACTED].replace("\r\n", "\n").replace("\r", "\n") in text
        assert row[schema.TEXT] not in text


def test_qdpx_checker_fails_on_broken_projects(qdpx_run, tmp_path):
    """The checks can fail: a code without isCodable, a coding pointing nowhere, a selection past its text."""
    with zipfile.ZipFile(qdpx_run / "consulta_gobierno_abierto.qdpx") as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    project = files["project.qde"].decode("utf-8")
    broken = {
        "attribute": project.replace(' isCodable="false"', "", 1),
        "reference": project.replace('<CodeRef targetGUID="', '<CodeRef targetGUID="00000000-0000-0000-0000-0000000000', 1),
        "position": pd.Series([project]).str.replace(r'endPosition="\d+"', 'endPosition="99999999"', n=1, regex=True).iloc[0],
        "order": project.replace("<Users>", "<Sources></Sources><Users>", 1),
    }
    for name, xml in broken.items():
        target = tmp_path / f"{name}.qdpx"
        with zipfile.ZipFile(target, "w") as archive:
            for member, data in files.items():
                archive.writestr(member, xml.encode("utf-8") if member == "project.qde" else data)
        assert not check_qdpx(target).valid, name


def test_qdpx_imports_with_an_open_source_reader(qdpx_run, tmp_path):
    """pyrefiqda (MIT) parses projects into models generated from the REFI-QDA schema; `make test` installs it (dev extra)."""
    pytest.importorskip("pyrefiqda", reason="pyrefiqda is not installed (pip install pyrefiqda to run this import check)")
    from pyrefiqda import RefiProject

    project = RefiProject.load(qdpx_run / "consulta_gobierno_abierto.qdpx", extract_dir=str(tmp_path / "x"))
    assert len(project.sources.text_source) == 1 and project.code_book is not None
