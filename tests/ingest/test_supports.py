"""Supports: a platform's votes, supports or endorsements read as the integer column ``supports``, empty where missing."""

from __future__ import annotations

import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.errors import InputError
from consultnlp.ingest import ingest
from consultnlp.ingest.supports import find_supports_column, parse_supports
from tests.conftest import shared_path
from tests.ingest import platform_files as pf


def test_supports_parse_counts_and_leave_the_rest_empty():
    cells = pd.Series(["12", "1\nvoto", "1.234", "2 666", "7 apoios", "", "abc", "-3", "2,5", "0"])
    parsed = parse_supports(cells)
    assert str(parsed.dtype) == "Int64"
    assert parsed.tolist()[:5] == [12, 1, 1234, 2666, 7] and parsed.iloc[-1] == 0
    # No count is invented: an empty cell, a word, a negative or a fraction stay empty.
    assert parsed.iloc[5:9].isna().all()


def test_supports_decidim_old_layout_keeps_its_column_and_adds_supports(tmp_path):
    frame, info = ingest(pf.decidim_proposals(tmp_path))
    assert info.supports_column == "supports"
    assert str(frame[schema.SUPPORTS].dtype) == "Int64" and frame[schema.SUPPORTS].tolist() == list(range(12))
    assert frame["input_supports"].tolist()[:3] == ["0", "1", "2"]  # the export's own column, as it was
    assert "supports (votes, endorsements) from column supports" in info.warnings[-1]


def test_supports_decidim_hidden_votes_fall_through_to_likes(tmp_path):
    path = pf.decidim_proposals_new(tmp_path)
    table = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    table["votes"] = ""  # the space hides votes: Decidim writes nothing
    table["likes/total_count"] = [str(3 * i) for i in range(len(table))]
    table.to_csv(path, sep=";", index=False)
    frame, info = ingest(path)
    assert info.platform == "decidim-proposals" and info.supports_column == "likes/total_count"
    assert frame[schema.SUPPORTS].tolist() == [3 * i for i in range(12)]


def test_supports_consul_dump_is_recognised_with_its_votes(tmp_path):
    frame, info = ingest(pf.consul_dump(tmp_path, "proposals"))
    assert info.platform == "consul-proposals" and info.supports_column == "cached_votes_up"
    assert frame[schema.TEXT].iloc[0].startswith("Propuesta 1\n\n" + pf.ES[0])
    supports = frame[schema.SUPPORTS]
    assert supports.isna().tolist() == [i % 5 == 4 for i in range(12)]  # missing stays missing, never 0
    assert supports.dropna().tolist() == [(i * 7) % 11 for i in range(12) if i % 5 != 4]
    frame, info = ingest(pf.consul_dump(tmp_path, "comments"))
    # Up-votes only: the total also counts the down-votes.
    assert info.platform == "consul-comments" and info.supports_column == "cached_votes_up"
    assert frame[schema.SUPPORTS].iloc[:4].tolist() == [0, 1, 2, 3]


def test_supports_absent_leaves_no_column(tmp_path):
    frame, info = ingest(pf.decidim_comments(tmp_path))
    assert schema.SUPPORTS not in frame and info.supports_column is None
    frame, info = ingest(pf.polis_comments(tmp_path))  # agrees and disagrees are votes of their own, not supports
    assert schema.SUPPORTS not in frame
    path = tmp_path / "plain.csv"
    pd.DataFrame({"texto": ["uno dos tres cuatro", "cinco seis siete ocho"], "votos": ["sí", "no"]}).to_csv(path, index=False)
    frame, info = ingest(path)  # a "votos" column that counts nothing is no supports column
    assert schema.SUPPORTS not in frame and info.supports_column is None


def test_supports_option_names_a_column_or_none(tmp_path):
    path = tmp_path / "plain.csv"
    pd.DataFrame(
        {
            "texto": ["uno dos tres", "cuatro cinco seis", "siete ocho"],
            "apoyo_recibido": ["4", "", "10"],
            "region": ["Norte", "Sur", "Norte"],
        }
    ).to_csv(path, index=False)
    frame, _ = ingest(path)
    assert schema.SUPPORTS not in frame  # not a name a platform uses: only when asked
    frame, info = ingest(path, supports_column="apoyo_recibido")
    assert frame[schema.SUPPORTS].tolist()[0] == 4 and pd.isna(frame[schema.SUPPORTS].iloc[1]) and info.supports_column == "apoyo_recibido"
    frame, _ = ingest(pf.decidim_proposals(tmp_path), supports_column="none")
    assert schema.SUPPORTS not in frame
    with pytest.raises(InputError, match=r"supports_column=region: 3 of its 3 filled cells are not whole counts \(e.g. \'Norte\'\)"):
        ingest(path, supports_column="region")
    with pytest.raises(InputError, match="Use supports_column= with one of them"):
        ingest(path, supports_column="votes")


def test_supports_same_counts_in_any_input_order(tmp_path):
    path = pf.decidim_proposals(tmp_path)
    table = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    shuffled = tmp_path / "shuffled" / path.name
    shuffled.parent.mkdir()
    table.iloc[::-1].to_csv(shuffled, sep=";", index=False)
    first, _ = ingest(path)
    second, _ = ingest(shuffled)
    assert first[schema.SUPPORTS].to_dict() == second[schema.SUPPORTS].to_dict()


def test_supports_brasil_participativo_scrape_reads_votos():
    frame, info = ingest(shared_path("brasil-planoclima-2024", "propostas_brasil_participativo.csv"))
    assert info.supports_column == "votos"
    supports = frame[schema.SUPPORTS]
    # 1,318 proposals; 132 cells read "1\nvoto" as scraped: every one is a count.
    assert supports.notna().sum() == 1318 and int((supports == 1).sum()) == 132 and int(supports.max()) == 2666
    pndbio, _ = ingest(shared_path("brasil-pndbio-2025", "pndbio_contribuicoes.csv"))
    assert schema.SUPPORTS not in pndbio  # a consultation export with no votes
    assert find_supports_column(pd.DataFrame({"Votos": ["3", "4"]})) == "Votos"


def test_supports_cli_option_error_is_one_line(tmp_path):
    from typer.testing import CliRunner

    from consultnlp.cli import app

    path = tmp_path / "plain.csv"
    pd.DataFrame({"texto": ["uno dos tres cuatro", "cinco seis siete"], "region": ["Norte", "Sur"]}).to_csv(path, index=False)
    result = CliRunner().invoke(app, ["analyze", str(path), "--out", str(tmp_path / "out"), "--supports-column", "region", "--quiet"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: plain.csv: --supports-column region: 2 of its 2 filled cells are not whole counts (e.g. 'Norte'). "
        "Name the column that counts each row's votes or supports, or use --supports-column none.\n"
    )


def test_supports_can_filter_rows(tmp_path):
    frame, info = ingest(pf.consul_dump(tmp_path, "proposals"), where="supports >= 5")
    kept = frame[frame[schema.EXCLUDED] == ""]
    assert kept[schema.SUPPORTS].tolist() == [7, 10, 9, 5] and info.set_aside == {"filtered": 8}  # no count is no match
