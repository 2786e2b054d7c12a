"""No planted personal data in any published file, and identifiers that are personal data published as pseudonyms.

One consultation with a sentence per kind and language (the shapes that leaked before: spaced
CPF, obfuscated e-mails, glued phones, surnames after a cue, signatures ...), an e-mail column
chosen as the id and a phone column as a segment; analysed end to end, then every published
file (html, md, docx text, xlsx cells, csv, parquet) is scanned for each value in its raw,
digits-only and word forms.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from tests.conftest import SAMPLE_CSV
from tests.privacy.planted import PLANTED_KINDS, planted_sentences

runner = CliRunner()


def _consultation(tmp: Path) -> tuple[Path, list[tuple[str, str, str]], list[str], list[str]]:
    rng = random.Random(7)
    planted = [p for lang in ("es", "pt", "en") for p in planted_sentences(rng, 2 * len(PLANTED_KINDS[lang]), lang)]
    filler = pd.read_csv(SAMPLE_CSV, dtype=str, keep_default_na=False)["comentario"]
    filler = [t for t in filler if len(t) > 60][:160]
    texts = [s for s, _, _ in planted] + filler
    emails = [f"persona.{i:03d}.{rng.randint(1000, 9999)}@correo-vecinal.cl" for i in range(len(texts))]
    phones = [f"+56 9 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}" for _ in texts]
    path = tmp / "consulta.csv"
    pd.DataFrame({"correo": emails, "telefono": phones, "comentario": texts}).to_csv(path, index=False)
    return path, planted, emails, phones


def _published(out: Path) -> str:
    """Every file a government would publish: reports, workbook cells, tables as CSV and Parquet."""
    import docx
    from openpyxl import load_workbook

    parts = [(out / name).read_text(encoding="utf-8") for name in ("report.html", "report.md")]
    parts.append("\n".join(p.text for p in docx.Document(str(out / "report.docx")).paragraphs))
    for table in docx.Document(str(out / "report.docx")).tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for sheet in load_workbook(out / "summary.xlsx", read_only=True).worksheets:
        parts += [" ".join(str(v) for v in row if v is not None) for row in sheet.iter_rows(values_only=True)]
    parts += [p.read_text(encoding="utf-8") for p in sorted((out / "tables").glob("*.csv"))]
    parts += [(out / name).read_text(encoding="utf-8") for name in ("comments.csv", "topics_review.yaml", "manifest.json")]
    for path in sorted((out / "tables").glob("*.parquet")):
        parts.append(pd.read_parquet(path).astype(str).to_csv(index=False))
    return "\n".join(parts)


def _words(value: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", value) if len(w) >= 5 and not w.isdigit()]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("privacy")
    path, planted, emails, phones = _consultation(tmp)
    out = tmp / "out"
    args = [
        "analyze",
        str(path),
        "--out",
        str(out),
        "--text-column",
        "comentario",
        "--id-column",
        "correo",
        "--segment-columns",
        "telefono",
        "--quiet",
        "--cache-dir",
        str(tmp / "cache"),
        "--set",
        "topics.clustering=kmeans",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out, planted, emails, phones, args, tmp


def test_privacy_no_planted_value_in_any_published_file(run):
    out, planted, _, _, _, _ = run
    published = _published(out)
    # Every number as it is written, its separators dropped ("8.892.241", "8 892 241" -> 8892241). Not every digit of the
    # folder run together: a chart coordinate and a probability once spelt a planted DNI by chance (stop 42).
    numbers = {re.sub(r"\D", "", m) for m in re.findall(r"\d(?:[\d.\-/]|[ \u00a0](?=\d))*", published)}
    carriers = " ".join(s.replace(ident, " ") for s, _, ident in planted)
    leaked = []
    for sentence, kind, ident in planted:
        forms = [ident]
        number = re.sub(r"\D", "", ident)
        if kind not in ("NAME", "EMAIL", "ADDRESS") and len(number) >= 7:
            forms.append(number)  # digits only: 52998224725 for 529.982.247-25
        # Words of the value that the carrier sentences do not use themselves (surnames, e-mail user names;
        # an e-mail's domain, example.org, is no one's data).
        personal = re.split(r"@|\[at\]|\(at\)|\(arroba\)|\s+at\s+|\s+arroba\s+", ident)[0] if kind == "EMAIL" else ident
        forms += [w for w in _words(personal) if w.lower() not in carriers.lower()]
        for form in forms:
            if (form in numbers or any(n.startswith(form) or n.endswith(form) for n in numbers)) if form.isdigit() else form in published:
                leaked.append((kind, form, sentence))
    assert leaked == []
    assert len(planted) >= 60


def test_privacy_every_kind_is_listed_with_its_count(run):
    out, planted, _, _, _, _ = run
    privacy = pd.read_csv(out / "tables" / "privacy.csv")
    from consultnlp.privacy import PII_KINDS

    assert set(privacy["kind"]) == set(PII_KINDS) and privacy["checked"].all()
    counts = dict(zip(privacy["kind"], privacy["occurrences"]))
    for kind in {k for _, k, _ in planted}:
        assert counts[kind] >= 1, kind
    assert "Datos personales" in (out / "report.md").read_text(encoding="utf-8") or "datos personales" in (out / "report.md").read_text(
        encoding="utf-8"
    )


def test_privacy_personal_ids_and_segments_published_as_stable_traceable_pseudonyms(run):
    out, _, emails, phones, args, tmp = run
    published = _published(out)
    assert not [e for e in emails if e in published] and not [p for p in phones if p in published]
    assert not re.search(r"correo-vecinal", published)
    state = json.loads((out / "private" / "state" / "pseudonyms.json").read_text(encoding="utf-8"))
    assert state["columns"] == ["comment_id", "telefono"]
    comments = pd.read_csv(out / "private" / "comments.csv", dtype=str, keep_default_na=False)
    # private/comments.* keeps the value for the analyst, with the pseudonym every published file uses next to it.
    assert comments["comment_id"].tolist() == emails
    expected = ["p-" + hmac.new(bytes.fromhex(state["key"]), e.encode(), hashlib.sha256).hexdigest()[:12] for e in emails]
    assert comments["public_id"].tolist() == expected
    quotes = pd.read_csv(out / "tables" / "quotes.csv", dtype=str)
    assert quotes["comment_id"].str.startswith("p-").all() and set(quotes["comment_id"]) <= set(expected)
    segment = pd.read_csv(out / "tables" / "segment_telefono.csv", dtype=str)
    assert segment["telefono"].str.startswith("p-").all()
    # Stable across runs into the same folder: the key is reused.
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert pd.read_csv(out / "private" / "comments.csv", dtype=str)["public_id"].tolist() == expected
    # The open-data table shows the pseudonym as the id, and neither the e-mails nor the phones.
    public = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False)
    assert public["comment_id"].tolist() == expected and "correo" not in public and "public_id" not in public
    assert public["telefono"].str.startswith("p-").all() and "text" not in public
    # The report says where the key and the values are, and they are there (it said "state/" and "comments.*", which
    # are not where they are: a claim check of a Pol.is report, stop 40).
    told = json.dumps(json.loads((out / "manifest.json").read_text(encoding="utf-8")), ensure_ascii=False)
    told += (out / "report.md").read_text(encoding="utf-8")
    assert "private/state/" in told and "private/comments.*" in told and " state/" not in told.replace("private/state/", "")


def test_privacy_a_kind_switched_off_is_noted_in_the_report(tmp_path):
    path = tmp_path / "c.csv"
    texts = [f"Propuesta {i}: más buses en la comuna y mejores paraderos para la gente del barrio." for i in range(30)]
    texts[0] += " Escríbanme a ana.perez@example.org"
    pd.DataFrame({"comentario": texts}).to_csv(path, index=False)
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "analyze",
            str(path),
            "--out",
            str(out),
            "--quiet",
            "--no-cache",
            "--redact-kinds",
            "phone,cpf",
            "--set",
            "topics.clustering=kmeans",
        ],
    )
    assert result.exit_code == 0, result.output
    privacy = pd.read_csv(out / "tables" / "privacy.csv").set_index("kind")
    assert bool(privacy.loc["PHONE", "checked"]) and not bool(privacy.loc["EMAIL", "checked"])
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "no se buscaron ni ocultaron" in report and "correo electrónico" in report
