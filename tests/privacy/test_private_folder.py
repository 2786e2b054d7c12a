"""Everything outside private/ is publishable: personal columns found by content, segment values and headers.

A survey export (no platform recognised) with respondent columns known only by their content (``Nombres``,
``RUT``, ``Fono``, ``Mail``, an IP column), a segment column with one e-mail among its regions, and a segment
whose header names a person. After ``analyze``, no file outside private/ (every format, file names
included) holds any of those values; private/ holds them all.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.privacy.gate import KnownValues, PrivacyGateError, gate_folder
from consultnlp.privacy.validators import rut_check_digit
from tests.conftest import SAMPLE_CSV

runner = CliRunner()
HEADER = "Canal (encargado Juan Pérez)"
PLANTED_SEGMENT = "vecina.planted@correo-barrio.cl"


def _rut(body: int) -> str:
    return f"{body}-{rut_check_digit(str(body))}"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("private-folder")
    rng = random.Random(3)
    texts = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False)["comentario"]
    texts = [t for t in texts if len(t) > 60][:90]
    given = ["josefina", "MARGARITA", "Rosalía", "Florencia", "Eduviges", "Clotilde"]
    surnames = ["Sepúlveda Araya", "BUSTAMANTE ORELLANA", "Valenzuela Cárcamo", "Henríquez Tapia"]
    n = len(texts)
    frame = pd.DataFrame(
        {
            "fecha": [f"2026/03/{1 + i % 28:02d} 10:{i % 60:02d}:00" for i in range(n)],
            "Nombres": [f"{rng.choice(given)} {rng.choice(surnames)}" for _ in range(n)],
            "RUT": [_rut(9_000_000 + 7919 * i) for i in range(n)],
            "Fono": [f"+56 9 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}" for _ in range(n)],
            "Mail": [f"vecino{i:03d}.{rng.randint(100, 999)}@correo-barrio.cl" for i in range(n)],
            "Conexión": [f"190.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}" for _ in range(n)],
            "region": [PLANTED_SEGMENT if i == 5 else ["Norte", "Sur", "Centro"][i % 3] for i in range(n)],
            HEADER: [["web", "presencial"][i % 2] for i in range(n)],
            "¿Qué propone usted?": texts,
        }
    )
    path = tmp / "respuestas.csv"
    frame.to_csv(path, index=False)
    out = tmp / "out"
    result = runner.invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--text-column",
            "¿Qué propone usted?",
            "--id-column",
            "RUT",
            "--segment-columns",
            f"region,{HEADER}",
            "--format",
            "html,md,xlsx,docx,qdpx",
            "--quiet",
            "--cache-dir",
            str(tmp / "cache"),
            "--set",
            "topics.clustering=kmeans",
        ],
    )
    assert result.exit_code == 0, result.output
    return out, frame


def _published_text(out: Path) -> dict[str, str]:
    """Every file outside private/ as the text a reader sees, and every file name."""
    import docx
    from openpyxl import load_workbook

    found: dict[str, str] = {"(file names)": "\n".join(str(p.relative_to(out)) for p in out.rglob("*"))}
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out)
        if relative.parts[0] == "private" or not path.is_file():
            continue
        if path.suffix in (".html", ".md", ".yaml", ".json", ".csv", ".qdc"):
            found[str(relative)] = path.read_text(encoding="utf-8")
        elif path.suffix == ".parquet":
            table = pd.read_parquet(path)
            found[str(relative)] = " ".join(map(str, table.columns)) + "\n" + table.astype(str).to_csv(index=False)
        elif path.suffix == ".docx":
            document = docx.Document(str(path))
            parts = [p.text for p in document.paragraphs]
            parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
            found[str(relative)] = "\n".join(parts)
        elif path.suffix == ".xlsx":
            book = load_workbook(path, read_only=True)
            parts = list(book.sheetnames)
            for sheet in book.worksheets:
                parts += [" ".join(str(v) for v in row if v is not None) for row in sheet.iter_rows(values_only=True)]
            found[str(relative)] = "\n".join(parts)
        elif path.suffix == ".qdpx":
            with zipfile.ZipFile(path) as archive:
                found[str(relative)] = "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist())
        else:
            raise AssertionError(f"unexpected published file {relative}")
    return found


def test_private_folder_no_personal_column_value_segment_value_or_header_outside_private(run):
    out, frame = run
    published = _published_text(out)
    assert {
        "report.html",
        "report.md",
        "report.docx",
        "summary.xlsx",
        "comments.csv",
        "comments.parquet",
        "manifest.json",
        "topics_review.yaml",
    } <= set(published)
    assert any(name.endswith(".qdpx") for name in published)
    values = {column: frame[column].tolist() for column in ("Nombres", "RUT", "Fono", "Mail", "Conexión")}
    values["segment value"] = [PLANTED_SEGMENT]
    values["header"] = [HEADER, "Juan Pérez"]
    leaks = [
        (name, column, value) for name, text in published.items() for column, items in values.items() for value in items if value in text
    ]
    assert leaks == []


def test_private_folder_holds_the_working_table_with_every_value(run):
    out, frame = run
    working = pd.read_parquet(out / "private" / "comments.parquet")  # the CSV neutralises "+56 ..." as a formula
    for column in ("Nombres", "Fono", "Mail", "Conexión", HEADER):
        assert working[column].tolist() == frame[column].tolist(), column
    assert working["comment_id"].tolist() == frame["RUT"].tolist()
    assert working["text"].tolist() == frame["¿Qué propone usted?"].tolist()
    public = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False)
    assert not {"Nombres", "Fono", "Mail", "Conexión", "RUT", "text", HEADER} & set(public.columns)
    assert public["comment_id"].str.startswith("p-").all()
    assert (public["region"] == "[EMAIL]").sum() == 1 and set(public["region"]) == {"Norte", "Sur", "Centro", "[EMAIL]"}


def test_private_folder_report_says_what_is_private_and_what_the_gate_did(run):
    out, _ = run
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "fuera de private/ puede publicarse tal cual" in report
    assert "una revisión final buscó datos personales" in report
    assert (
        "Valores de segmento con datos personales mostrados como marcador: 1; encabezados de columna con datos personales "
        "reemplazados por un nombre neutro: 1." in report
    )
    assert (out / "tables" / "segment_column_8.csv").is_file()
    assert runner.invoke(app, ["check", str(out), "--no-fix"]).exit_code == 0


def test_private_folder_gate_redacts_a_value_it_can_and_fails_closed_on_one_it_cannot(tmp_path):
    import docx

    (tmp_path / "notes.md").write_text("Escribir a ana.rojas@example.org o a 12345678-5.\n", encoding="utf-8")
    result = gate_folder(tmp_path, values={"12345678-5": "id"})
    assert sorted((f.file, f.kind, f.count) for f in result.findings) == [("notes.md", "EMAIL", 1), ("notes.md", "id", 1)]
    assert result.by_kind() == [["EMAIL", 1, ["notes.md"]], ["id", 1, ["notes.md"]]]
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "Escribir a [EMAIL] o a [REDACTED].\n"
    # A value split across two runs of a Word paragraph is redacted on the paragraph's text; a value inside one run
    # keeps the paragraph's other runs (and their formatting) as they were.
    document = docx.Document()
    paragraph = document.add_paragraph("Contacto: ana.rojas@exa")
    paragraph.add_run("mple.org")
    kept = document.add_paragraph("Escribir a ")
    kept.add_run("ana.rojas@example.org").bold = True
    kept.add_run(" hoy")
    document.save(str(tmp_path / "report.docx"))
    result = gate_folder(tmp_path)
    assert [(f.file, f.kind, f.count) for f in result.findings if f.file == "report.docx"] == [("report.docx", "EMAIL", 2)]
    split, whole = docx.Document(str(tmp_path / "report.docx")).paragraphs
    assert split.text == "Contacto: [EMAIL]"
    assert [(r.text, r.bold) for r in whole.runs] == [("Escribir a ", None), ("[EMAIL]", True), (" hoy", None)]
    (tmp_path / "report.docx").unlink()
    (tmp_path / "chart.png").write_bytes(b"\x89PNG")
    with pytest.raises(PrivacyGateError, match=r"^chart.png: the privacy check cannot read .png files"):
        gate_folder(tmp_path)
    (tmp_path / "private").mkdir()
    (tmp_path / "chart.png").rename(tmp_path / "private" / "chart.png")
    assert gate_folder(tmp_path, redact=False).found == 0


def test_private_folder_check_command_lists_or_redacts(tmp_path):
    (tmp_path / "report.md").write_text("Contacto: ana.rojas@example.org\n", encoding="utf-8")
    listed = runner.invoke(app, ["check", str(tmp_path), "--no-fix"])
    assert listed.exit_code == 1
    assert listed.output.splitlines()[0] == "report.md: 1 EMAIL"
    assert "ana.rojas@example.org" in (tmp_path / "report.md").read_text(encoding="utf-8")
    fixed = runner.invoke(app, ["check", str(tmp_path)])
    assert fixed.exit_code == 0 and fixed.output.splitlines()[0] == "report.md: 1 EMAIL redacted"
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == "Contacto: [EMAIL]\n"
    missing = runner.invoke(app, ["check", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "does not exist or is not a folder" in missing.output


def test_private_folder_platform_lists_name_google_forms_and_consul_personal_columns(tmp_path):
    from consultnlp.ingest import ingest

    form = tmp_path / "form.csv"
    pd.DataFrame(
        {
            "Marca temporal": ["2024/01/02 10:00:00"] * 3,
            "Nombres": ["Ana Soto", "Luis Vera", "Eva Roa"],
            "RUT": ["9000000-4", "9007919-9", "9015838-3"],
            "Fono": ["+56 9 1111 2222"] * 3,
            "Mail": ["a@b.cl"] * 3,
            "¿Qué propone?": ["Más árboles en las plazas del barrio y mejores veredas para caminar."] * 3,
        }
    ).to_csv(form, index=False)
    frame, info = ingest(form)
    assert info.platform == "google-forms" and {"Nombres", "RUT", "Fono", "Mail"} <= set(info.dropped_columns)
    assert not {"Nombres", "RUT", "Fono", "Mail"} & set(frame.columns)
    consul = tmp_path / "proposals.csv"
    pd.DataFrame(
        {
            "ID": ["1", "2"],
            "Título": ["Plazas", "Veredas"],
            "Resumen": ["Más árboles en las plazas.", "Veredas anchas."],
            "Autor": ["Ana Soto", "Luis Vera"],
            "Email del autor": ["ana@x.cl", "luis@x.cl"],
        }
    ).to_csv(consul, index=False)
    frame, info = ingest(consul)
    assert info.platform == "consul-admin-proposals" and {"Autor", "Email del autor"} <= set(info.dropped_columns)


def test_private_folder_gate_leaves_the_runs_own_pseudonyms_alone(tmp_path):
    # Pseudonyms are random hex; about one in 10,000 reads as a phone ("p-0500037852b6") or an RFC to the detectors.
    # It is the quote's only trace back to its contribution, so the gate never redacts it (a CI run failed on one).
    from consultnlp.privacy.detectors import find_pii

    assert [m.kind for m in find_pii("Una propuesta.\n— p-0500037852b6")] == ["PHONE"]
    (tmp_path / "report.md").write_text("Una propuesta.\n— p-0500037852b6\nOtra, de 0500037852.\n", encoding="utf-8")
    result = gate_folder(tmp_path)
    assert [(f.file, f.kind, f.count) for f in result.findings] == [("report.md", "PHONE", 1)]
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == "Una propuesta.\n— p-0500037852b6\nOtra, de [PHONE].\n"


def test_private_folder_a_column_of_computed_shares_is_not_personal():
    # Read 9 (bg2050): Pol.is's "group-informed-consensus" (0.6839080459770114 ...) was taken for phone numbers, and
    # the final check replaced 317 values in the published tables, and "0.05" in the report, with [REDACTED].
    from consultnlp.privacy.metadata import personal_column

    shares = ["0.6839080459770114", "0.49707602339181284", "0.7107279693486589", "0.05", "1.0"]
    assert personal_column(shares, "group-informed-consensus") is None
    # Phones and ids are still found, whatever their separators.
    assert personal_column(["+56 9 8765 4321", "+56 9 1234 5678", "912345678"], "x") == "phone numbers"
    assert personal_column(["987654321", "912345678", "998877665"], "x") == "phone numbers"
    assert personal_column(["12.345.678-5", "9.876.543-3", "11.111.111-1"], "x") == "national id numbers"


def test_private_folder_gate_reads_theme_evidence_words_once_and_still_finds_what_they_hold(tmp_path, monkeypatch):
    import consultnlp.privacy.gate as gate

    calls = []
    detect = gate.find_pii
    monkeypatch.setattr(gate, "find_pii", lambda text, **kwargs: calls.append(text) or detect(text, **kwargs))
    evidence = [f"housing:vivienda|sim=0.{i:02d}|lex=0.{99 - i:02d};education:sim=0.{i:02d}|lex=0.01" for i in range(60)]
    leaked = "housing:ana.rojas@example.org|sim=0.40|lex=0.02"
    pd.DataFrame({"theme_evidence": [*evidence, leaked]}).to_csv(tmp_path / "comments.csv", index=False)
    result = gate_folder(tmp_path)
    # 60 values that differ only in their scores: their words are read once; the one that holds an e-mail is redacted.
    assert calls.count("housing:vivienda;education:") == 1 and not any("sim=0.0" in c for c in calls)
    assert [(f.file, f.kind, f.count) for f in result.findings] == [("comments.csv", "EMAIL", 1)]
    published = pd.read_csv(tmp_path / "comments.csv")["theme_evidence"].tolist()
    assert published[:60] == evidence and published[60] == "housing:[EMAIL]|sim=0.40|lex=0.02"


def test_private_folder_author_ids_are_counted_never_published(tmp_path):
    # PNDBio 2025: «id_autor» (platform account ids that link every contribution of one person) was published in
    # comments.csv. It is a personal column now: read to count participants, kept in private/ only.
    texts = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False)["comentario"]
    texts = [t for t in texts if len(t) > 60][:40]
    source = tmp_path / "export.csv"
    pd.DataFrame({"id_contribuicao": range(1, 41), "id_autor": [f"7{i % 9:04d}" for i in range(40)], "texto": texts}).to_csv(
        source, index=False
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(source), "--text-column", "texto", "--out", str(out), "--quiet", "--format", "md"])
    assert result.exit_code == 0, result.output
    public = pd.read_csv(out / "comments.csv", dtype=str)
    assert "id_autor" not in public.columns and "id_contribuicao" in public.columns
    assert "id_autor" in pd.read_csv(out / "private" / "comments.csv", dtype=str).columns
    assert not any("70003" in p.read_text(encoding="utf-8", errors="ignore") for p in out.rglob("*.csv") if "private" not in p.parts)


def test_private_folder_a_short_number_is_no_known_value_but_a_long_one_is():
    known = KnownValues({"1899": "personal column", "70312456": "personal column"})
    assert known.find("comment 1899, born 1899") == []
    assert [origin for *_, origin in known.find("call 70312456")] == ["personal column"]


def test_private_folder_known_values_are_found_in_any_case_and_accents_as_written():
    # The first-word check before a text is split (KnownValues._maybe) may let more texts through, never fewer.
    known = KnownValues({"Ana María Soto": "person's name", "Strauß Gasse 4": "address", "gayle": "person's name"})
    assert [origin for *_, origin in known.find("Dijo ANA MARÍA SOTO que sí")] == ["person's name"]
    assert [origin for *_, origin in known.find("an der STRAUSS GASSE 4")] == ["address"]
    assert [origin for *_, origin in known.find("Gayle da respaldo")] == ["person's name"]
    assert known.find("Gayles y Ana María") == [] and known.find("sin nombres") == []


def test_private_folder_comment_ids_equal_to_an_authors_number_are_published_whole(tmp_path):
    # Pol.is march-on: author numbers are a personal column, and 253 of 2,162 comment ids that equal some author's number
    # were published as "[REDACTED]" (key points and quotes then named ids no one could find).
    texts = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False)["comentario"]
    texts = [t for t in texts if len(t) > 60][:40]
    ids = list(range(1000, 1040))
    source = tmp_path / "comments.csv"
    pd.DataFrame(
        {
            "timestamp": [1521223304957 + i for i in range(40)],
            "datetime": ["Sat Mar 17 01:01:44 WIB 2018"] * 40,
            "comment-id": ids,
            "author-id": ids[::-1],  # every comment id is also some author's number
            "agrees": 1,
            "disagrees": 0,
            "moderated": 0,
            "comment-body": texts,
        }
    ).to_csv(source, index=False)
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(source), "--out", str(out), "--quiet", "--format", "md"])
    assert result.exit_code == 0, result.output
    public = pd.read_csv(out / "comments.csv", dtype=str)
    assert "author-id" not in public.columns
    assert sorted(public["comment_id"]) == sorted(map(str, ids))
    quoted = pd.read_csv(out / "tables" / "quotes.csv", dtype=str)["comment_id"]
    assert len(quoted) and set(quoted) <= set(public["comment_id"])


def test_private_folder_report_says_what_the_gate_found_and_where():
    # Claim check 85 (PNDBio): «encontrou e ocultou 74» said nothing of what they were; author ids in another column.
    from consultnlp.config import SummariseConfig
    from consultnlp.frame import row_accounting
    from consultnlp.report.content import build_content
    from consultnlp.summary import summarise
    from tests.report.frames import golden_frame, summary_inputs

    gate = {
        "files": 29,
        "found": 76,
        "by_kind": [["personal column", 74, ["comments.csv", "comments.parquet"]], ["EMAIL", 2, ["report.md"]]],
    }
    frame = golden_frame()
    said = {}
    for lang in ("es", "pt", "en"):
        summary = summarise(
            frame, **summary_inputs(frame), cfg=SummariseConfig(), accounting=row_accounting(frame), segment_columns=[], lang=lang
        )
        facts = {**summary.facts, "privacy_gate": gate}
        content = build_content(summary.tables, facts, lang=lang, source="consulta.xlsx", taxonomy=None, settings={}, warnings=[])
        section = next(s for s in content.sections if s.id == "method")
        said[lang] = next(b.text for b in section.blocks if b.kind == "p" and " 29 " in (b.text or ""))
    assert "Lo que encontró: valores de columnas personales: 74 (comments.csv, comments.parquet); correo electrónico: 2" in said["es"]
    assert "O que encontrou: valores de colunas pessoais: 74 (comments.csv, comments.parquet)" in said["pt"]
    assert said["en"].endswith(
        "What it found: values of personal columns: 74 (comments.csv, comments.parquet); email address: 2 (report.md)."
    )
    # ... and the method says how "N mention «…»" is counted (claim checks 84 and 87: word families were counted).
    method = " ".join(b.text or "" for b in section.blocks if b.kind == "p")
    assert "it counts those using a word that begins with the same six letters" in method


def test_private_folder_contribution_ids_equal_to_a_long_author_number_are_published_whole(tmp_path):
    # Claim check 93 (PNDBio 2025): 37 contribution ids equal to some author's 7-digit account number («id_autor») were
    # published as [REDACTED] in comments.csv; the author column itself stays private.
    texts = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False)["comentario"]
    texts = [t for t in texts if len(t) > 60][:40]
    ids = [1297800 + i for i in range(40)]
    source = tmp_path / "export.csv"
    pd.DataFrame({"id_contribuicao": ids, "id_autor": ids[::-1], "texto": texts}).to_csv(source, index=False)
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(source), "--text-column", "texto", "--out", str(out), "--quiet", "--format", "md"])
    assert result.exit_code == 0, result.output
    public = pd.read_csv(out / "comments.csv", dtype=str)
    assert "id_autor" not in public.columns
    assert sorted(public["id_contribuicao"].astype(int)) == ids
