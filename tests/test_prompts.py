"""Prompts: what each contribution answers, stored in ``context``, shown with its key points, and never crossed by a campaign."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp import schema
from consultnlp.cli import app
from consultnlp.errors import InputError
from consultnlp.ingest import ingest
from consultnlp.prompts import prompt_labels, prompt_words
from tests.ingest import platform_files as pf


def test_prompts_slug_labels_take_the_accents_of_the_texts():
    values = pd.Series(["plebiscitos_referendos_y_consultas", "educacion_gratuita", "educación_gratuita", "justicia", ""])
    texts = pd.Series(["La educación debe ser gratuita", "educación pública", "educacion para todos", "Deben ser vinculantes"])
    assert prompt_labels(values, texts).tolist() == [
        "Plebiscitos referendos y consultas",
        "Educación gratuita",
        "Educación gratuita",
        "Justicia",
        "",
    ]
    # A column of written titles is kept as written, even where one of them looks like a slug.
    titles = pd.Series(["Medio ambiente", "plan_b", "¿Qué propone?"])
    assert prompt_labels(titles, texts).tolist() == titles.tolist()
    # "__" stood for a comma; a name the texts capitalise keeps its capital.
    slugs = pd.Series(["plebiscitos__referendos_y_consultas", "congreso_o_parlamento__estructura_y_funciones_", "respeto_por_chile"])
    texts = pd.Series(["En Chile queremos", "Chile primero", "todo Chile", "el respeto"])
    assert prompt_labels(slugs, texts).tolist() == [
        "Plebiscitos, referendos y consultas",
        "Congreso o parlamento, estructura y funciones",
        "Respeto por Chile",
    ]


def test_prompts_words_are_the_concepts_prompts_name_in_one_word():
    prompts = ["Plebiscitos, referendos y consultas", "Justicia", "Justicia", "A la salud", "No discriminación", "Derecho al agua"]
    assert prompt_words(prompts) == {"justicia", "salud", "discriminacion"}


def _csv(tmp_path, rows: list[tuple[str, str]], name: str = "ela.csv") -> str:
    path = tmp_path / name
    pd.DataFrame(rows, columns=["concepto", "fundamento"]).rename_axis("row_id").reset_index().to_csv(path, index=False)
    return str(path)


def test_prompts_context_column_stored_and_named(tmp_path):
    path = _csv(
        tmp_path,
        [("plebiscitos_referendos_y_consultas", "Deben ser vinculantes"), ("justicia", "Igualdad ante la ley"), ("", "Sin concepto")],
    )
    frame, info = ingest(path, text_column="fundamento", context_column="concepto")
    assert frame[schema.CONTEXT].tolist() == ["Plebiscitos referendos y consultas", "Justicia", ""]
    assert frame["concepto"].tolist()[:2] == ["plebiscitos_referendos_y_consultas", "justicia"]  # the input column is kept as it is
    assert info.context_column == "concepto"
    assert (
        info.warnings[-1].startswith('Prompt of each contribution (what it answers): column "concepto", 2 values')
        and "1 rows have none" in info.warnings[-1]
    )


def test_prompts_context_column_errors_name_the_option(tmp_path):
    path = _csv(tmp_path, [("justicia", "Igualdad ante la ley")])
    with pytest.raises(
        InputError, match=r'ela.csv has no column "concept". Found: row_id, concepto, fundamento. Use context_column= with one of them.'
    ):
        ingest(path, text_column="fundamento", context_column="concept")
    with pytest.raises(InputError, match="context_column=fundamento: that column is the text itself"):
        ingest(path, text_column="fundamento", context_column="fundamento")


def test_prompts_a_concept_column_nobody_named_is_found_by_its_name(tmp_path):
    concepts = ["justicia", "a_la_salud", "plebiscitos_referendos_y_consultas"]
    rows = [(concepts[i % 3], f"Argumento número {i} sobre el concepto") for i in range(12)]
    frame, info = ingest(_csv(tmp_path, rows), text_column="fundamento")
    assert info.context_column == "concepto"
    assert frame[schema.CONTEXT].tolist()[:3] == ["Justicia", "A la salud", "Plebiscitos referendos y consultas"]
    assert "Found by the column's name; --context-column none leaves it out." in info.warnings[-1]
    # "none" leaves it out; a named column is used as named.
    frame, info = ingest(_csv(tmp_path, rows), text_column="fundamento", context_column="none")
    assert info.context_column is None and schema.CONTEXT not in frame


@pytest.mark.parametrize(
    "values",
    [
        [f"concepto libre {i}" for i in range(12)],  # never repeated: free text, not a menu
        ["12", "7", "12", "7"] * 3,  # numeric codes
        ["justicia"] * 6 + [""] * 6,  # half the rows name none
        [("una razón larga " * 12).strip()] * 12,  # long texts
    ],
)
def test_prompts_a_concept_column_that_is_no_menu_is_not_taken(tmp_path, values):
    rows = [(value, f"Argumento número {i}") for i, value in enumerate(values)]
    frame, info = ingest(_csv(tmp_path, rows), text_column="fundamento")
    assert info.context_column is None and schema.CONTEXT not in frame


def test_prompts_a_found_column_is_said_in_the_report_language(tmp_path):
    from consultnlp.i18n import Note

    note = Note("note_prompts", {"n": 135, "first": "A la salud", "second": "Justicia"})
    assert note.text("es").startswith("Cada contribución responde a uno de 135 enunciados de la consulta (como «A la salud» o «Justicia»)")
    assert note.text("pt").startswith("Cada contribuição responde a um de 135 enunciados da consulta (como «A la salud» ou «Justicia»)")
    assert note.text("en").startswith("Each contribution answers one of 135 prompts (such as “A la salud” or “Justicia”)")
    one = Note("note_prompts", {"n": 1, "first": "Justicia", "second": ""})
    assert one.text("es") == "Todas las contribuciones responden al mismo enunciado de la consulta, «Justicia»."


def test_prompts_question_is_the_prompt_with_questions(tmp_path):
    path = tmp_path / "form.csv"
    pd.DataFrame({"id": ["1", "2"], "¿Qué mejorar?": ["Más buses", "Más metro"], "¿Qué propone?": ["Ciclovías", "Parques"]}).to_csv(
        path, index=False
    )
    frame, info = ingest(path, questions=["¿Qué mejorar?", "¿Qué propone?"], id_column="id")
    assert frame[schema.CONTEXT].tolist() == ["¿Qué mejorar?", "¿Qué propone?", "¿Qué mejorar?", "¿Qué propone?"]
    assert info.context_column == schema.QUESTION


def test_prompts_platform_fields_become_the_prompt(tmp_path):
    # A Decidim comments export that carries the commented proposal's title, and Consul's admin CSV (the proposal column).
    comments = pd.read_csv(pf.decidim_comments(tmp_path), sep=";", dtype=str).fillna("")
    comments["commentable/title/pt-BR"] = [f"Proposta {i % 4}" for i in range(len(comments))]
    path = tmp_path / "with-title-proposal_comments.csv"
    comments.to_csv(path, sep=";", index=False)
    frame, info = ingest(path)
    assert info.platform == "decidim-comments" and frame[schema.CONTEXT].tolist()[:5] == [
        "Proposta 0",
        "Proposta 1",
        "Proposta 2",
        "Proposta 3",
        "Proposta 0",
    ]
    assert "; prompt commentable/title/pt-BR;" in next(w for w in info.warnings if "recognised a decidim-comments" in w)
    frame, info = ingest(pf.consul_admin_csv(tmp_path))
    assert frame[schema.CONTEXT].tolist()[:3] == ["Propuesta 0", "Propuesta 1", "Propuesta 2"]
    # Without the title (Decidim's own export has only commentable_id) there is no prompt.
    frame, _ = ingest(pf.decidim_comments(tmp_path))
    assert schema.CONTEXT not in frame


BINDING = [
    "Deben ser vinculantes para todas las autoridades del país",
    "Los resultados tienen que ser vinculantes para el gobierno",
    "Que sean vinculantes y obligatorios para las autoridades",
    "Deben ser vinculantes, si no la gente no participa",
    "Los plebiscitos deben ser vinculantes y periódicos",
    "Tienen que ser vinculantes para que la ciudadanía decida",
]
EDUCATION = [
    "La educación debe ser pública, gratuita y de calidad",
    "Educación pública gratuita y de calidad para todos",
    "Queremos educación gratuita y de calidad en todo Chile",
    "Que la educación sea gratuita, pública y de calidad",
    "Una educación pública de calidad y gratuita en todos los niveles",
    "Educación gratuita y de calidad como derecho",
]
HEALTH = [
    "La salud debe ser un derecho garantizado por el Estado",
    "Salud pública digna y oportuna para todas las personas",
    "Acceso a la salud sin importar los ingresos",
    "Que la salud no sea un negocio sino un derecho",
    "Hospitales con especialistas en todas las regiones",
    "Salud garantizada y de calidad para todos",
]


def test_prompts_cli_end_to_end_key_points_show_their_prompt(tmp_path):
    # Each meeting argues for a concept; the same demand ("deben ser vinculantes") answers two concepts.
    rows = [("plebiscitos_referendos_y_consultas", t) for t in BINDING] + [("asamblea_constituyente", t) for t in BINDING[:3]]
    rows += [("educacion_gratuita", t) for t in EDUCATION] + [("a_la_salud", t) for t in HEALTH]
    rows += [(concept, f"{text}. Lo acordamos en el encuentro número {i}.") for i, (concept, text) in enumerate(rows)]
    rows += [("a_la_salud", HEALTH[0]), ("a_la_salud", HEALTH[1])]  # two copies within one prompt
    path = _csv(tmp_path, rows)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "analyze",
            path,
            "--out",
            str(out),
            "--text-column",
            "fundamento",
            "--id-column",
            "row_id",
            "--context-column",
            "concepto",
            "--format",
            "md,xlsx",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--set",
            "topics.clustering=kmeans",
        ],
    )
    assert result.exit_code == 0, result.output
    assert 'Prompt of each contribution (what it answers): column "concepto", 4 values' in result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["config"]["ingest"]["context_column"] == "concepto"
    comments = pd.read_parquet(out / "comments.parquet")
    assert comments[schema.CONTEXT].value_counts().to_dict() == {
        "Plebiscitos referendos y consultas": 12,
        "Educación gratuita": 12,
        "A la salud": 14,
        "Asamblea constituyente": 6,
    }
    points = pd.read_parquet(out / "tables" / "key_points.parquet")
    assert len(points) and (points["prompt"] != "").all()
    prompt_of = comments.set_index(schema.COMMENT_ID)[schema.CONTEXT]
    for _, point in points.iterrows():  # no key point mixes prompts
        assert set(prompt_of.loc[point["comment_ids"].split(";")]) == {point["prompt"]}, point.to_dict()
    report = (out / "report.md").read_text(encoding="utf-8")
    shown = [line for line in report.splitlines() if " — sobre «" in line]
    assert shown and all(f"» — sobre «{p}» (" in report for p in points["prompt"].head(3))
    # "... vinculantes" answers two concepts: any of its points names one of them, never the others (whether such a
    # point is stated at all is for the sentence match to decide: "Deben ser vinculantes" has no subject of its own).
    binding = points[points["statement"].str.contains("vinculantes")]
    assert set(binding["prompt"]) <= {"Plebiscitos referendos y consultas", "Asamblea constituyente"}
    assert points["prompt"].nunique() >= 2
    # The method section says what the contributions answer, counted from the analysed rows.
    counts = comments.loc[comments[schema.EXCLUDED].fillna("") == "", schema.CONTEXT].value_counts()
    assert (
        f"Cada contribución responde a uno de {len(counts)} enunciados de la consulta (como «{counts.index[0]}» o «{counts.index[1]}»)"
        in report
    )
    # The first screen says copies are counted within one prompt: the three "vinculantes" texts under a second concept
    # are contributions of their own, the two health texts written twice under one concept are copies.
    analysed = comments[comments[schema.EXCLUDED].fillna("") == ""]
    assert len(analysed) - int(analysed[schema.DUP_REPRESENTATIVE].sum()) == 2
    assert "De las 44 analizadas, 2 repiten el texto de otra que responde al mismo enunciado (igual o casi igual)" in report


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("es", "Al menos 3 contribuciones dicen: «Deben ser vinculantes» — sobre «Plebiscitos, referendos y consultas» (c04)"),
        ("pt", "Pelo menos 3 contribuições dizem: «Deben ser vinculantes» — sobre «Plebiscitos, referendos y consultas» (c04)"),
        ("en", "At least 3 contributions say: “Deben ser vinculantes” — on “Plebiscitos, referendos y consultas” (c04)"),
    ],
)
def test_prompts_key_point_shows_its_prompt_in_each_language(lang, expected):
    from consultnlp.i18n.workbook import column_header
    from consultnlp.report.sections.common import ReportContext, key_points_block

    points = pd.DataFrame(
        [
            {
                "scope": "group",
                "group_id": "1",
                "rank": 1,
                "statement": "Deben ser vinculantes",
                "prompt": "Plebiscitos, referendos y consultas",
                "comment_id": "c04",
                "contributions": 3,
                "unique_contributions": 3,
                "comment_ids": "c04;c05;c09",
            },
            {
                "scope": "group",
                "group_id": "1",
                "rank": 2,
                "statement": "Más buses nocturnos",
                "prompt": "",
                "comment_id": "c07",
                "contributions": 3,
                "unique_contributions": 3,
                "comment_ids": "c07;c08;c10",
            },
        ]
    )
    ctx = ReportContext(tables={"key_points": points}, facts={}, lang=lang, taxonomy=None, settings={})
    items = key_points_block(ctx, "group", "1", 5).items
    assert items[0] == expected
    assert items[1].endswith("Más buses nocturnos» (c07)" if lang != "en" else "Más buses nocturnos” (c07)")  # no prompt, nothing added
    assert column_header("prompt", lang, []) == {"es": "En respuesta a", "pt": "Em resposta a", "en": "In reply to"}[lang]


def test_prompts_cli_context_column_not_found(tmp_path):
    path = _csv(tmp_path, [("justicia", "Igualdad ante la ley para todas las personas")])
    result = CliRunner().invoke(
        app, ["analyze", path, "--out", str(tmp_path / "o"), "--text-column", "fundamento", "--context-column", "concepts"]
    )
    assert result.exit_code == 1
    assert (
        'Error: ela.csv has no column "concepts". Found: row_id, concepto, fundamento. Use --context-column with one of them.'
        in result.output
    )


def test_prompts_a_survey_in_long_form_answers_its_question_column(tmp_path):
    # NHS feedback (claim check 61): "FFT question" held "How could we improve?" and "What was good?", and the report
    # pooled praise and suggestions into the same key points. The same question written with other spacing is one prompt.
    questions = ["How could we improve?", "What was good?", "Please describe the\n111 service?", "Please describe the \n111 service?"]
    path = tmp_path / "survey.csv"
    rows = [{"id": i, "FFT question": questions[i % 4], "FFT answer": f"Answer number {i} about the ward"} for i in range(12)]
    pd.DataFrame(rows).to_csv(path, index=False)
    frame, info = ingest(path, text_column="FFT answer")
    assert info.context_column == "FFT question"
    assert sorted(frame[schema.CONTEXT].unique()) == ["How could we improve?", "Please describe the 111 service?", "What was good?"]
    # A column named for the question whose values are codes, not questions, is no prompt.
    pd.DataFrame([{**r, "FFT question": ["Q1", "Q2"][r["id"] % 2]} for r in rows]).to_csv(path, index=False)
    frame, info = ingest(path, text_column="FFT answer")
    assert info.context_column is None and schema.CONTEXT not in frame


def test_prompts_a_subject_that_is_one_prompt_is_named_by_it():
    # Claim check 62 (ArgKP dev): the 224 arguments about ending affirmative action formed a subject named «Minorities»,
    # read as "a subject of mixed points"; its name had avoided the motion's words.
    from consultnlp.summary.prompt_points import prompt_named_groups

    motions = ["We should end affirmative action"] * 10 + ["We should adopt an austerity regime"] * 10
    groups = [0] * 10 + [1] * 6 + [2] * 4  # group 1 holds 60% of the austerity answers, group 2 40%
    frame = pd.DataFrame({schema.CONTEXT: motions, schema.TOPIC_GROUP_ID: groups, schema.EXCLUDED: ""})
    names = {0: "Minorities", 1: "Debt", 2: "Cuts", -1: "No clear topic"}
    named = prompt_named_groups(names, frame, None)
    assert named == {0: "We should end affirmative action", 1: "We should adopt an austerity regime", 2: "Cuts", -1: "No clear topic"}
    # A reviewer's name stays; a group that mixes prompts keeps its own; one prompt for all the rows names nothing.
    reviewed = pd.DataFrame({"group_id": [0], "custom_label": ["Affirmative action"]})
    assert prompt_named_groups(names, frame, reviewed)[0] == "Minorities"
    mixed = frame.assign(**{schema.TOPIC_GROUP_ID: [0] * 8 + [1] * 12})
    assert prompt_named_groups(names, mixed, None)[1] == "Debt"
    assert prompt_named_groups(names, frame.assign(**{schema.CONTEXT: "One question"}), None) == names
