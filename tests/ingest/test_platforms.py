"""Platform and survey-tool exports recognised without options; joined text columns, --questions and --where."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp import schema
from consultnlp.cli import app
from consultnlp.errors import InputError
from consultnlp.ingest import ingest
from consultnlp.pipeline import init_frame
from tests.ingest import platform_files as pf


def _published(frame: pd.DataFrame) -> str:
    """Every cell and column name of the frame, as one text to search for values that must not be there."""
    return " ".join(map(str, frame.columns)) + " " + " ".join(frame.astype(str).to_numpy().ravel())


def test_platforms_decidim_proposals_join_title_and_body(tmp_path):
    frame, info = ingest(pf.decidim_proposals(tmp_path))
    assert info.platform == "decidim-proposals"
    assert info.text_column == "title/pt-BR + body/pt-BR" and info.text_columns == ["title/pt-BR", "body/pt-BR"]
    assert frame[schema.TEXT].iloc[0] == "Mais ciclovias nas capitais\n\n<p>" + pf.BODIES[0] + " Proposta 1.</p>"
    assert info.id_column == "id" and frame.index[:2].tolist() == ["100", "101"]
    assert info.segment_columns == ["category/name/pt-BR"]
    # Names of people never reach the frame; neither does text in other locales (unredacted citizen text).
    assert set(info.dropped_columns) == {"author/name", "endorsements/user_endorsements", "title/es", "body/es"}
    assert "Maria Silva" not in _published(frame) and "title/pt-BR" not in frame
    assert "recognised a decidim-proposals export" in info.warnings[-1]


def test_platforms_decidim_new_layout_and_comments(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    frame, info = ingest(pf.decidim_proposals_new(tmp_path / "a"))
    assert info.platform == "decidim-proposals" and info.segment_columns == ["taxonomies"]
    assert frame["taxonomies"].tolist()[:2] == ["Energia", "Cidades"]
    assert {"author/id", "author/name", "author/url", "likes/user_likes"} <= set(info.dropped_columns)
    assert "Ana Costa" not in _published(frame)
    frame, info = ingest(pf.decidim_comments(tmp_path / "b"))
    assert info.platform == "decidim-comments" and info.text_column == "body/pt-BR"
    assert frame["alignment"].tolist()[:3] == ["1", "0", "-1"]  # kept for positions
    assert "Pedro Lima" not in _published(frame)


@pytest.mark.parametrize(
    "kind,platform,text,record_type",
    [
        (
            "proposals",
            "consul-proposals",
            "Propuesta 1: transparencia\n\n" + pf.ES[0] + " Número 1.\n\n<p>" + pf.ES[0] + " Número 1.</p> Detalle.",
            "Proposal",
        ),
        ("budget_investments", "consul-budget-investments", "Inversión 1\n\n" + pf.ES[0] + " Número 1.", "Budget::Investment"),
        ("comments", "consul-comments", pf.ES[0] + " Número 1.", None),
    ],
)
def test_platforms_consul_machine_learning_json(tmp_path, kind, platform, text, record_type):
    frame, info = ingest(pf.consul_json(tmp_path, kind))
    assert info.platform == platform and info.id_column == "id"
    assert frame[schema.TEXT].iloc[0] == text
    if record_type:
        assert set(frame["consul_type"]) == {record_type}
    else:
        assert frame["commentable_type"].iloc[0] == "Proposal"


def test_platforms_consul_admin_csv_drops_emails(tmp_path):
    frame, info = ingest(pf.consul_admin_csv(tmp_path))
    assert info.platform == "consul-admin-comments" and info.text_column == "Comment Content" and info.id_column == "Comment ID"
    assert info.segment_columns == ["Proposal"]
    assert "@example.org" not in _published(frame) and "Summary" not in frame


def test_platforms_polis_moderated_set_aside_and_votes(tmp_path):
    frame, info = ingest(pf.polis_comments(tmp_path))
    assert info.platform == "polis" and info.text_column == "comment-body" and info.id_column == "comment-id"
    assert info.set_aside == {"moderated": 5}
    assert frame[schema.EXCLUDED].value_counts().to_dict() == {"": 15, "moderated": 5}
    assert (frame.loc[frame[schema.EXCLUDED] == "moderated", "moderated"] == "-1").all()
    assert frame["polis_consensus"].tolist()[:4] == ["agree", "disagree", "divisive", "few_votes"]
    assert frame["polis_agree_share"].tolist()[:4] == ["0.9375", "0.0698", "0.5263", "0.6667"]
    assert frame["polis_votes"].tolist()[:4] == ["32", "43", "38", "3"]
    assert info.segment_columns == []  # a statement's vote class is no group of participants
    # The pipeline keeps the reason and counts the rows; blank text stays "empty" only where nothing else applied.
    started = init_frame(frame)
    assert (started[schema.EXCLUDED] == "moderated").sum() == 5 and set(
        started.loc[started[schema.EXCLUDED] == "moderated", schema.EXCLUDED_STAGE]
    ) == {"ingest"}


def test_platforms_options_override_the_mapping(tmp_path):
    path = pf.polis_comments(tmp_path)
    frame, info = ingest(path, platform="none")
    assert info.platform is None and schema.EXCLUDED not in frame and "polis_consensus" not in frame
    frame, info = ingest(path, segment_columns=["author-id"], where="agrees > 10")
    assert info.segment_columns == ["author-id"]
    # moderated first, then the filter: 20 rows = 5 moderated + 5 filtered (agrees 3 or 2, not moderated) + 10 kept.
    assert frame[schema.EXCLUDED].value_counts().to_dict() == {"": 10, "moderated": 5, "filtered": 5}
    with pytest.raises(InputError, match="does not have the columns of a decidim export"):
        ingest(path, platform="decidim")


def test_platforms_survey_tools(tmp_path):
    for name in ("google", "ms", "sm", "qualtrics"):
        (tmp_path / name).mkdir()
    frame, info = ingest(pf.google_forms(tmp_path / "google"))
    assert info.platform == "google-forms" and info.questions == ["¿Qué problema ve en su barrio?", "¿Qué propone para resolverlo?"]
    assert len(frame) == 24 and frame[schema.QUESTION].tolist()[:2] == info.questions
    assert frame[schema.ROW_NUMBER].tolist()[:4] == [1, 1, 2, 2] and frame["respondent"].tolist()[:3] == ["1", "1", "2"]
    assert info.segment_columns == [schema.QUESTION] and "@example.org" not in _published(frame)

    frame, info = ingest(pf.microsoft_forms(tmp_path / "ms"))
    assert (info.platform, info.text_column, info.id_column) == ("microsoft-forms", "Comentario", "ID")
    assert set(info.dropped_columns) == {"Email", "Name"}

    frame, info = ingest(pf.surveymonkey(tmp_path / "sm"))
    assert info.platform == "surveymonkey" and info.questions == ["¿Qué opina del presupuesto?", "¿Algo más?"]
    assert len(frame) == 24 and frame["respondent"].iloc[0] == "9000"  # the answer-kind row is not a respondent
    assert "¿Qué temas le interesan? - Salud" in frame  # an option column named after its question
    assert {"IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1"} <= set(info.dropped_columns)

    frame, info = ingest(pf.qualtrics(tmp_path / "qualtrics"))
    assert info.platform == "qualtrics" and info.questions == ["¿Qué debe mejorar el gobierno?", "¿Cómo quiere participar?"]
    assert len(frame) == 24 and frame["respondent"].iloc[0] == "R_0000" and frame.index[0] == "R_0000-q1"
    assert "@example.org" not in _published(frame) and "10.1.1.0" not in _published(frame)


def _plain_csv(tmp_path, rows=8):
    path = tmp_path / "plain.csv"
    lines = ["id,titulo,descricao,outra,regiao"]
    lines += [f'{i},"Título {i}","{pf.BODIES[i % 6]}","{pf.ES[i % 4]}",{"NS"[i % 2]}' for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_platforms_joined_text_columns(tmp_path):
    frame, info = ingest(_plain_csv(tmp_path), text_column="titulo,descricao", id_column="id")
    assert info.platform is None and info.text_column == "titulo + descricao"
    assert frame[schema.TEXT].iloc[1] == "Título 1\n\n" + pf.BODIES[1]
    assert "titulo" not in frame and "descricao" not in frame and "outra" in frame
    with pytest.raises(InputError) as err:
        ingest(_plain_csv(tmp_path), text_column="titulo,descrição")
    assert str(err.value) == 'plain.csv has no column "descrição". Found: id, titulo, descricao, outra, regiao. Use text_column=descricao.'


def test_platforms_questions_option(tmp_path):
    frame, info = ingest(_plain_csv(tmp_path), questions=["descricao", "outra"], id_column="id")
    assert len(frame) == 16 and frame.index[:3].tolist() == ["0-q1", "0-q2", "1-q1"]
    assert frame[schema.QUESTION].tolist()[:2] == ["descricao", "outra"] and info.segment_columns == [schema.QUESTION]
    assert frame[schema.TEXT].tolist()[:2] == [pf.BODIES[0], pf.ES[0]] and frame["regiao"].tolist()[:3] == ["N", "N", "S"]
    with pytest.raises(InputError, match="cannot be used together"):
        ingest(_plain_csv(tmp_path), questions=["descricao"], text_column="titulo")


def test_platforms_where_on_a_plain_file(tmp_path):
    frame, info = ingest(_plain_csv(tmp_path), where="regiao = 'N'", text_column="descricao")
    assert info.set_aside == {"filtered": 4} and frame[schema.EXCLUDED].tolist()[:2] == ["", "filtered"]


def test_platforms_cli_errors_are_one_line(tmp_path):
    path = _plain_csv(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", str(path), "--out", str(tmp_path / "out"), "--where", "regiao = N", "--quiet"])
    assert result.exit_code == 1
    assert (
        result.output
        == "Error: --where \"regiao = N\": expected a number or a quoted string (write 'N' for text), found 'N' at position 10.\n"
    )
    result = runner.invoke(app, ["analyze", str(path), "--out", str(tmp_path / "out"), "--platform", "decidm", "--quiet"])
    assert result.exit_code == 1 and result.output.startswith("Error: --platform decidm: unknown platform. Use one of: auto, none, polis,")


def test_platforms_surveymonkey_other_please_specify_is_read_not_dropped(tmp_path):
    header = ["Respondent ID", "Collector ID", "¿Qué opina del presupuesto?", "¿Qué temas le interesan?", "", ""]
    sub = ["", "", "Open-Ended Response", "Transparencia", "Salud", "Otro (especifique)"]
    rows = [sub] + [
        [str(100 + i), "7", pf.ES[i % len(pf.ES)], "Transparencia", "", "Vivienda para jóvenes del barrio" if i % 2 else ""]
        for i in range(6)
    ]
    path = tmp_path / "sm.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    frame, info = ingest(path)
    other = "¿Qué temas le interesan? - Otro (especifique)"
    assert info.questions == ["¿Qué opina del presupuesto?", other]
    answers = frame.loc[frame[schema.QUESTION] == other, schema.TEXT]
    assert (answers == "Vivienda para jóvenes del barrio").sum() == 3
    assert any("'other, please specify' answers read as open questions" in w for w in info.warnings)


def test_platforms_decidim_author_role_from_author_url(tmp_path):
    # Decidim's serializer gives an official proposal the instance's root as author/url, a meeting's its page.
    path = pf.decidim_proposals_new(tmp_path)
    table = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    table.loc[0, "author/url"] = "https://example.org/"
    table.loc[1, "author/url"] = "https://example.org/processes/clima/f/9/meetings/7"
    table.to_csv(path, sep=";", index=False)
    frame, info = ingest(path)
    assert frame["author_role"].tolist()[:4] == ["official", "meeting", "participant", "participant"]
    assert "author/url" in info.dropped_columns and "example.org/profiles" not in _published(frame)


# A Pol.is export with the is-meta and is-seed columns, and the organiser's seed statement that opened it.
POLIS_FLAGGED = "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,comment-body\n"
SEED = "1,0,0,10,2,1,false,true,I hope the town keeps its parks\n"


def _flagged_export(tmp_path, rows: str):  # noqa: ANN001, ANN202 - a pytest folder; ingest's (frame, info)
    """A Pol.is comments.csv with is-meta / is-seed columns, the organiser's opening seed, then ``rows``, read as a user would."""
    path = tmp_path / "comments.csv"
    path.write_text(POLIS_FLAGGED + SEED + rows, encoding="utf-8")
    return ingest(path)


def test_platforms_polis_seed_and_meta_statements_are_the_organisers(tmp_path):
    # Some exports flag the organiser's statements: seeds posted to start the conversation, meta questions about who
    # people are. Both are voted on, but neither is a participant's words.
    frame, info = _flagged_export(
        tmp_path,
        "2,1,0,8,1,1,true,true,I have lived here all my life\n"
        "3,2,5,7,3,1,false,false,We need a bus to the hospital\n"
        "4,3,6,1,9,-1,false,false,spam spam\n"
        "5,4,0,4,4,1,false,false,The owner writing as a participant\n"
        "6,5,7,0,0,-1,false,false,Bring back the night buses to the hospital and the stadium!!! NOW\n"
        "7,6,0,9,1,1,false,false,Bring back the night buses to the hospital\n",
    )
    # The owner's later post is the organiser's too (read 9, bg2050: 17 such posts quoted as participants'); its repost of
    # a participant's statement the moderators rejected (reworded) is that participant's idea, and is analysed.
    assert info.platform == "polis" and info.set_aside == {"moderated": 2, "official": 3}
    assert frame[schema.EXCLUDED].tolist() == ["official", "official", "", "moderated", "official", "moderated", ""]
    assert frame["polis_relayed_from"].tolist() == ["", "", "", "", "", "", "5"]


def test_platforms_polis_organiser_copy_of_a_statement_never_accepted_is_the_participants(tmp_path):
    # Scoop HiveMind's UBI conversation: the organiser re-posted participants' statements the moderators never accepted
    # (moderated 0); the copies were voted on, and the report credited two of them to the organiser. A copy must say
    # the same both ways: "support of women candidates" does not re-post "supporting progressive candidates, but ...".
    frame, _ = _flagged_export(
        tmp_path,
        "2,1,5,1,0,0,false,false,With unemployment rising we need a basic income ready in time\n"
        "3,2,6,1,0,0,false,false,March On should prioritize supporting progressive candidates but not be absolutist when a moderate can win\n"
        "4,3,0,40,3,1,false,false,With unemployment rising we need a basic income ready in time\n"
        "5,4,0,30,8,1,false,false,March On should prioritize support of women candidates\n",
    )
    assert frame["polis_relayed_from"].tolist() == ["", "", "", "1", ""]
    assert frame[schema.EXCLUDED].tolist() == ["official", "", "", "", "official"]


def test_platforms_polis_without_seed_flag_the_statements_that_opened_the_conversation_are_the_organisers(tmp_path):
    # Most exports have no is-seed column. The statements one account wrote before anyone else wrote one opened the
    # conversation: the owner's seeds (in bg2050, the export with the flag, 20 of its 25 seeds and nothing else). The
    # same account's later statements (its own, or participants' ideas it reposted) are no participant's own words either.
    path = tmp_path / "comments.csv"
    header = "timestamp,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    rows = (
        "100,0,3451,10,2,1,I live in a rural area\n"
        "300,1,7,8,1,1,We need a bus to the hospital\n"
        "200,2,3451,7,3,1,The current system is fair\n"
        "150,3,3451,1,9,1,Concussions are a public health issue\n"
        "400,4,8,1,9,-1,spam spam\n"
        "500,5,3451,4,1,1,Reposted: a participant's idea the moderators rejected\n"
    )
    path.write_text(header + rows, encoding="utf-8")
    frame, info = ingest(path)
    assert info.set_aside == {"moderated": 1, "official": 4}
    assert frame[schema.EXCLUDED].tolist() == ["official", "", "official", "official", "moderated", "official"]
    assert frame["polis_seeded"].tolist() == ["true", "false", "true", "true", "false", "false"]
    assert frame["polis_organiser"].tolist() == ["true", "false", "true", "true", "false", "true"]
    # Two statements before someone else wrote prove nothing: no row is the organiser's.
    path.write_text(header + rows.replace("150,3,3451", "350,3,3451"), encoding="utf-8")
    frame, info = ingest(path)
    assert info.set_aside == {"moderated": 1}


def test_platforms_polis_a_rewording_that_keeps_half_of_many_words_is_the_participants(tmp_path):
    # Scoop HiveMind's biodiversity: «Threatened Plants need legal protection» (rejected) was posted by the organiser as
    # «Threatened indigenous plants should be protected by stronger legal mechanisms»: 4 of its 8 words, and it was set
    # aside as the organiser's own text. Half of a short statement is a coincidence: "March On should prioritize support
    # of women candidates" keeps 3 of «The Womens March should be a bipartisan event».
    frame, _ = _flagged_export(
        tmp_path,
        "2,1,5,0,0,-1,false,false,Threatened Plants need legal protection\n"
        "3,2,6,0,0,-1,false,false,The Womens March should be a bipartisan event.\n"
        "4,3,0,40,3,1,false,false,Threatened indigenous plants should be protected by stronger legal mechanisms\n"
        "5,4,0,30,8,1,false,false,March On should prioritize support of women candidates\n",
    )
    assert frame["polis_relayed_from"].tolist() == ["", "", "", "1", ""]
    assert frame[schema.EXCLUDED].tolist() == ["official", "moderated", "moderated", "", "official"]


def test_platforms_polis_a_draft_the_organiser_rejected_itself_is_the_organisers_not_a_moderated_comment(tmp_path):
    # london.youth.policing (claim check 59): the organiser's own drafts of an age question, moderated out, were reported
    # as "rejected by the platform's moderators", as if participants had been censored. A participant's rejected
    # statement stays moderated.
    frame, info = _flagged_export(
        tmp_path,
        "2,1,0,0,0,-1,false,false,Are you between 15 and 19 years old?\n"
        "3,2,5,7,3,1,false,false,We need a bus to the hospital\n"
        "4,3,6,1,9,-1,false,false,spam spam\n",
    )
    assert info.set_aside == {"official": 2, "moderated": 1}
    assert frame[schema.EXCLUDED].tolist() == ["official", "official", "", "moderated"]
