"""The consultation's title: --title, else the export's own (Pol.is topic, Decidim space, form), else the file name, marked as such."""

from __future__ import annotations

import csv
import shutil

import pytest

from consultnlp.config import PipelineConfig, ReportConfig, SummariseConfig
from consultnlp.frame import row_accounting
from consultnlp.ingest import ingest
from consultnlp.ingest.info import ConsultationTitle, IngestInfo
from consultnlp.report.outputs import publish
from consultnlp.summary import summarise
from tests.conftest import shared_path
from tests.ingest.platform_files import decidim_proposals, google_forms, microsoft_forms, polis_comments
from tests.report.frames import golden_frame, summary_inputs, taxonomy


def _polis_summary(folder, topic: str) -> None:  # noqa: ANN001
    with (folder / "summary.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [["topic", topic], ["url", "https://pol.is/x"], ["comments", "20"], ["conversation-description", "¿Qué debería cambiar?"]]
        )


def test_title_polis_description_with_the_organisers_address_is_redacted(tmp_path):
    # Claim check 80 (Pol.is affordable housing): the description asked for queries by email; the report quoted it and
    # said its final check had found no personal data, while the gate redacted the address from the reports afterwards.
    path = polis_comments(tmp_path)
    with (tmp_path / "summary.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [["topic", "Vivienda"], ["conversation-description", "Dudas: escriba a ana.perez@ejemplo.org, gracias"]]
        )
    assert ingest(path)[1].question == "Dudas: escriba a [EMAIL], gracias"


def test_title_polis_topic_from_the_conversation_summary(tmp_path):
    path = polis_comments(tmp_path)
    assert ingest(path)[1].title is None  # no summary.csv beside it
    _polis_summary(tmp_path, "  Mejorar   el barrio ")
    _, info = ingest(path)
    assert (info.title, info.title_from) == ("Mejorar el barrio", "summary.csv (topic)")
    # The conversation's description is what it asked (the seattle claim check: the report never said), kept whatever
    # the title is.
    assert info.question == "¿Qué debería cambiar?"
    assert ConsultationTitle.of_input(None, info) == ConsultationTitle(
        "Mejorar el barrio", "platform", "summary.csv (topic)", question="¿Qué debería cambiar?"
    )
    assert ConsultationTitle.of_input("Consulta 2024", info) == ConsultationTitle(
        "Consulta 2024", "option", question="¿Qué debería cambiar?"
    )


def test_title_decidim_space_only_when_the_file_is_one_space(tmp_path):
    path = decidim_proposals(tmp_path)
    assert ingest(path)[1].title is None  # the open-data export carries the space's url, not its title
    lines = path.read_text(encoding="utf-8").splitlines()
    one = [lines[0] + ";participatory_space/title/pt-BR"] + [line + ";Plano Clima Participativo" for line in lines[1:]]
    path.write_text("\n".join(one) + "\n", encoding="utf-8")
    _, info = ingest(path)
    assert (info.title, info.title_from) == ("Plano Clima Participativo", "column participatory_space/title/pt-BR")
    two = [one[0]] + [line + ("" if i % 2 else " 2") for i, line in enumerate(one[1:])]
    path.write_text("\n".join(two) + "\n", encoding="utf-8")
    assert ingest(path)[1].title is None


def test_title_forms_are_named_after_the_form(tmp_path):
    google = google_forms(tmp_path)
    assert ingest(google)[1].title is None  # a file someone renamed: only its name is known
    named = google.rename(tmp_path / "Presupuesto participativo 2024 (Respuestas).csv")
    _, info = ingest(named)
    assert (info.platform, info.title) == ("google-forms", "Presupuesto participativo 2024")
    ms = microsoft_forms(tmp_path).rename(tmp_path / "Consulta de movilidad(1-12).csv")
    assert ingest(ms)[1].title == "Consulta de movilidad"


def test_title_file_name_when_nothing_else_is_known():
    info = IngestInfo(path="/x/comentarios.xlsx", file_name="comentarios.xlsx", sha256="", format="xlsx")
    title = ConsultationTitle.of_input(None, info)
    assert title == ConsultationTitle("comentarios.xlsx", "file_name")
    assert ConsultationTitle.of_input("   ", info).origin == "file_name"
    assert ConsultationTitle.from_dict(title.to_dict()) == title
    assert ConsultationTitle.from_dict({"text": "x", "origin": "guess"}) is None


def _publish(tmp_path, lang: str, title: ConsultationTitle):  # noqa: ANN001, ANN202
    frame = golden_frame()
    summary = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang=lang,
        title=title,
    )
    config = PipelineConfig(report=ReportConfig(title=title.text if title.origin == "option" else None))
    out = tmp_path / f"{lang}-{title.origin}"
    publish(
        out, summary, config, formats=["html", "md", "docx", "xlsx"], lang=lang, source="comentarios.xlsx", taxonomy=taxonomy(), warnings=[]
    )
    return out


def _headers(out) -> dict[str, str]:  # noqa: ANN001
    import docx
    import openpyxl

    document = docx.Document(str(out / "report.docx"))
    book = openpyxl.load_workbook(out / "summary.xlsx")
    return {
        "md": "\n".join((out / "report.md").read_text(encoding="utf-8").splitlines()[:3]).replace("\\", ""),
        "html": (out / "report.html").read_text(encoding="utf-8").split("</header>")[0],
        "docx": "\n".join(p.text for p in document.paragraphs[:2]),
        "xlsx": str(book.worksheets[0]["A1"].value),
    }


@pytest.mark.parametrize(
    "lang, named, marked",
    [
        ("es", "Lo que escuchamos: 9 contribuciones recibidas", "Consulta: comentarios.xlsx (nombre del archivo)"),
        ("pt", "O que ouvimos: 9 contribuições recebidas", "Consulta: comentarios.xlsx (nome do arquivo)"),
        ("en", "What we heard: 9 contributions received", "Consultation: comentarios.xlsx (file name)"),
    ],
)
def test_title_in_the_header_of_every_format(tmp_path, lang, named, marked):
    platform = _headers(_publish(tmp_path, lang, ConsultationTitle("Mejorar el barrio", "platform", "summary.csv (topic)")))
    for kind, header in platform.items():
        assert "Mejorar el barrio" in header, kind
        assert "comentarios.xlsx" not in header, kind
    for kind in ("md", "html", "docx"):
        assert named in platform[kind], kind
    by_file = _headers(_publish(tmp_path, lang, ConsultationTitle("comentarios.xlsx", "file_name")))
    for kind in ("md", "html", "docx"):
        assert marked in by_file[kind], kind
    assert marked.split(": ", 1)[1] in by_file["xlsx"]


def test_title_real_polis_conversation_topic(tmp_path):
    folder = shared_path("polis-opendata", "american-assembly.bowling-green")
    for name in ("comments.csv", "summary.csv"):
        shutil.copy(folder / name, tmp_path / name)
    _, info = ingest(tmp_path / "comments.csv")
    assert info.platform == "polis" and info.title == "Improving Bowling Green / Warren County"


def _write(path, header: list[str], rows: list[list[str]]):  # noqa: ANN001, ANN202
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


TEXTS = [
    "Precisamos de mais investimento em energia solar nas escolas públicas.",
    "A pesca artesanal precisa de crédito próprio e de assistência técnica.",
    "Proteger os manguezais é urgente para as comunidades do litoral.",
    "O desmatamento ilegal deve ser combatido com mais fiscalização no campo.",
    "Os agricultores familiares precisam de sementes crioulas e água.",
    "As cidades precisam de mais árvores e de corredores verdes.",
]


def test_processes_a_file_of_several_consultations_says_so(tmp_path):
    # Read 10: Brasil Participativo's file held the Plano Clima (1,281) and the Pesca Artesanal plan (37), and the report
    # presented one consultation named after the file.
    slugs = ["planoclima", "PNPA", "planoclima", "planoclima", "PNPA", "planoclima"]
    names = {"planoclima": "Plano Clima Participativo", "PNPA": "Plano Nacional da Pesca Artesanal"}
    rows = [[str(i), s, names[s], text] for i, (s, text) in enumerate(zip(slugs, TEXTS))]
    path = _write(tmp_path / "propostas.csv", ["id", "processo_slug", "plano", "descricao"], rows)
    _, info = ingest(path, text_column="descricao", id_column="id")
    assert info.processes == [["Plano Clima Participativo", 4], ["Plano Nacional da Pesca Artesanal", 2]]  # the names, not slugs
    assert info.processes_from == "plano" and info.title is None
    title = ConsultationTitle.of_input(None, info)
    assert title.origin == "file_name" and title.processes == (("Plano Clima Participativo", 4), ("Plano Nacional da Pesca Artesanal", 2))
    assert ConsultationTitle.from_dict(title.to_dict()) == title  # kept in the manifest for `consultnlp report`
    # One process named in a column is the file's title; a slug is not.
    one = _write(tmp_path / "uma.csv", ["id", "consulta", "descricao"], [[r[0], names["planoclima"], r[3]] for r in rows])
    _, info = ingest(one, text_column="descricao", id_column="id")
    assert (info.title, info.title_from) == ("Plano Clima Participativo", "column consulta")
    assert ConsultationTitle.of_input(None, info).processes == ()
    slug = _write(tmp_path / "slug.csv", ["id", "processo_slug", "descricao"], [[r[0], "planoclima", r[3]] for r in rows])
    assert ingest(slug, text_column="descricao", id_column="id")[1].title is None


def test_processes_column_is_a_segment_unless_the_analyst_chose_segments(tmp_path):
    # Read 38: Plano Clima's subject «Pescadores e pescadoras artesanais» held 23 contributions of the other process, and no
    # share said so. Each process is now a segment: its subjects and themes are compared with the whole file's.
    slugs = ["planoclima", "PNPA", "planoclima", "planoclima", "PNPA", "planoclima"]
    names = {"planoclima": "Plano Clima Participativo", "PNPA": "Plano Nacional da Pesca Artesanal"}
    rows = [[str(i), s, names[s], "Norte" if i % 2 else "Sul", text] for i, (s, text) in enumerate(zip(slugs, TEXTS))]
    path = _write(tmp_path / "propostas.csv", ["id", "processo_slug", "plano", "regiao", "descricao"], rows)
    frame, info = ingest(path, text_column="descricao", id_column="id")
    assert info.segment_columns == ["plano"] and set(frame["plano"]) == set(names.values())
    _, chosen = ingest(path, text_column="descricao", id_column="id", segment_columns=["regiao"])
    assert chosen.segment_columns == ["regiao"]
    # One process is the title, not a segment.
    one = _write(tmp_path / "uma.csv", ["id", "consulta", "descricao"], [[r[0], names["planoclima"], r[4]] for r in rows])
    assert ingest(one, text_column="descricao", id_column="id")[1].segment_columns == []


def test_processes_from_platform_urls_and_not_from_any_small_column(tmp_path):
    urls = [f"https://brasilparticipativo.gov.br/processes/{s}/f/7/proposals/{i}" for i, s in enumerate(["clima", "pesca"] * 3)]
    path = _write(tmp_path / "p.csv", ["id", "url", "descricao"], [[str(i), u, t] for i, (u, t) in enumerate(zip(urls, TEXTS))])
    _, info = ingest(path, text_column="descricao", id_column="id")
    assert info.processes == [["clima", 3], ["pesca", 3]] and info.processes_from == "url (URL)"
    # A respondent's health plan is a small column of a survey, not a process.
    plans = _write(tmp_path / "s.csv", ["id", "plan", "descricao"], [[str(i), ["Fonasa", "Isapre"][i % 2], t] for i, t in enumerate(TEXTS)])
    _, info = ingest(plans, text_column="descricao", id_column="id")
    assert info.processes == [] and info.title is None


@pytest.mark.parametrize(
    "lang, sentence",
    [
        ("es", "El archivo reúne contribuciones a 2 procesos (columna «plano»), analizadas juntas: Plano Clima (1.281) y Pesca (37)."),
        ("pt", "O arquivo reúne contribuições a 2 processos (coluna «plano»), analisadas juntas: Plano Clima (1.281) e Pesca (37)."),
        ("en", "The file holds contributions to 2 processes (column «plano»), analysed together: Plano Clima (1,281) and Pesca (37)."),
    ],
)
def test_processes_named_in_the_header(tmp_path, lang, sentence):
    title = ConsultationTitle("comentarios.xlsx", "file_name", processes=(("Plano Clima", 1281), ("Pesca", 37)), processes_from="plano")
    headers = _headers(_publish(tmp_path, lang, title))
    marked = {"es": "(nombre del archivo). El archivo", "pt": "(nome do arquivo). O arquivo", "en": "(file name). The file"}[lang]
    assert marked in headers["md"]  # two sentences, each with its stop
    for kind in ("md", "html", "docx"):
        assert sentence in headers[kind].replace("&#171;", "«").replace("&#187;", "»"), kind


@pytest.mark.parametrize(
    "topic, title",
    [
        ("JOIN THE DISCUSSION BELOW: Land use and conservation", "Land use and conservation"),  # claim check 55
        ("BREXIT: Can there be consensus?", "BREXIT: Can there be consensus?"),  # one word in capitals: its subject
        ("UBI: A universal basic income", "UBI: A universal basic income"),
    ],
)
def test_title_polis_topic_without_a_banner_in_capitals(tmp_path, topic, title):
    path = polis_comments(tmp_path)
    _polis_summary(tmp_path, topic)
    assert ingest(path)[1].title == title


def test_a_descriptions_markdown_link_is_shown_as_its_text_and_address():
    # Pol.is biodiversity: the report's header read «Scoop and [PEP](https://pep.org.nz) would like to thank …».
    from consultnlp.report.content import question_sentence

    title = ConsultationTitle("Biodiversity", "platform", "summary.csv (topic)", question="Scoop and [PEP](https://pep.org.nz) thank you")
    assert question_sentence({"title": title}, "en") == ["The conversation's description: “Scoop and PEP (https://pep.org.nz) thank you”"]
    plain = ConsultationTitle("Biodiversity", "platform", question="See [the note] and (this)")
    assert question_sentence({"title": plain}, "es") == ["Descripción de la conversación: «See [the note] and (this)»"]
