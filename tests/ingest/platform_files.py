"""Exports as the platforms write them, built from their published column lists (no real data).

Decidim: ``decidim-proposals/lib/decidim/proposals/{proposal,open_data_proposal}_serializer.rb`` and the comments
serializer (``;``-separated, nested fields flattened with ``/``). Consul Democracy: ``app/models/*/exporter.rb``
(``json_values``) and ``Proposal::Exporter``'s admin CSV (``spec/models/proposal/exporter_spec.rb``). Pol.is:
``comments.csv`` of compdemocracy/openData. Survey tools: the columns their exports start with.
Shared by ``tests/ingest/test_platforms.py`` and ``benchmarks/bench_formats.py``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

TITLES = [
    "Mais ciclovias nas capitais",
    "Energia solar nas escolas",
    "Proteção das nascentes",
    "Transporte público gratuito",
    "Reflorestamento das margens",
    "Coleta seletiva em todos os bairros",
]
BODIES = [
    "Propomos ampliar a rede de ciclovias e integrar com o transporte coletivo para reduzir emissões.",
    "Instalar painéis solares em escolas públicas reduz custos e ensina sobre energia limpa.",
    "As nascentes precisam de cercamento e fiscalização para garantir água no futuro.",
    "Ônibus gratuitos diminuem o uso de carros e a poluição nas grandes cidades brasileiras.",
    "Replantar a mata ciliar dos rios evita erosão e protege a biodiversidade local.",
    "A coleta seletiva deve chegar a todos os bairros com apoio às cooperativas de catadores.",
]
ES = [
    "Necesitamos más información sobre los contratos públicos del municipio y sus montos.",
    "Los datos del presupuesto deberían publicarse cada mes en formatos abiertos.",
    "Queremos participar en las decisiones del barrio con asambleas periódicas y abiertas.",
    "La transparencia en las compras públicas evita la corrupción y mejora los servicios.",
]


def _csv(path: Path, header: list[str], rows: list[list[str]], sep: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def decidim_proposals(folder: Path, n: int = 12) -> Path:
    """Older open-data layout: category/scope, HTML body, ``;``, a pt-BR and an empty es locale, author names."""
    header = [
        "id",
        "category/id",
        "category/name/pt-BR",
        "scope/id",
        "scope/name/pt-BR",
        "participatory_space/url",
        "component/id",
        "title/pt-BR",
        "title/es",
        "body/pt-BR",
        "body/es",
        "address",
        "state",
        "reference",
        "supports",
        "endorsements/total_count",
        "endorsements/user_endorsements",
        "comments",
        "published_at",
        "url",
        "is_amend",
        "author/name",
    ]
    rows = []
    for i in range(n):
        k = i % len(TITLES)
        rows.append(
            [
                str(100 + i),
                str(k % 2),
                ["Energia", "Cidades"][k % 2],
                "",
                "",
                "https://example.org/processes/clima",
                "7",
                TITLES[k],
                "",
                f"<p>{BODIES[k]} Proposta {i + 1}.</p>",
                "",
                "",
                "accepted",
                f"BR-PROP-{100 + i}",
                str(i),
                "0",
                "Maria Silva, João Souza",
                "0",
                "2024-05-01",
                f"https://example.org/proposals/{100 + i}",
                "false",
                "Maria Silva",
            ]
        )
    return _csv(folder / "example-open-data-proposals.csv", header, rows, sep=";")


def decidim_proposals_new(folder: Path, n: int = 12) -> Path:
    """Decidim 0.28+ layout: taxonomies instead of category/scope, plain-text body, author fields and likes."""
    header = [
        "id",
        "author/id",
        "author/name",
        "author/url",
        "taxonomies/id",
        "taxonomies/name/11/pt-BR",
        "taxonomies/name/12/pt-BR",
        "participatory_space/id",
        "participatory_space/url",
        "component/id",
        "title/pt-BR",
        "body/pt-BR",
        "state",
        "reference",
        "votes",
        "likes/total_count",
        "likes/user_likes",
        "comments",
        "published_at",
        "url",
        "withdrawn",
    ]
    rows = []
    for i in range(n):
        k = i % len(TITLES)
        rows.append(
            [
                str(500 + i),
                str(900 + i),
                "Ana Costa",
                f"https://example.org/profiles/u{i}",
                "11",
                ["Energia", ""][k % 2],
                ["", "Cidades"][k % 2],
                "3",
                "https://example.org/processes/clima",
                "9",
                TITLES[k],
                f"{BODIES[k]} ({i + 1})",
                "",
                f"BR-PROP-{500 + i}",
                str(i),
                "1",
                "Ana Costa",
                "0",
                "2025-03-01",
                f"https://example.org/p/{500 + i}",
                "false",
            ]
        )
    return _csv(folder / "example-open-data-proposals.csv", header, rows, sep=";")


def decidim_comments(folder: Path, n: int = 12) -> Path:
    header = [
        "id",
        "created_at",
        "body/pt-BR",
        "locale",
        "author/id",
        "author/name",
        "alignment",
        "depth",
        "user_group/id",
        "user_group/name",
        "commentable_id",
        "commentable_type",
        "root_commentable_url",
    ]
    rows = [
        [
            str(1000 + i),
            "2024-05-02",
            f"{BODIES[i % len(BODIES)]} Concordo em parte, comentário {i + 1}.",
            "pt-BR",
            str(i),
            "Pedro Lima",
            str([1, 0, -1][i % 3]),
            "0",
            "",
            "",
            str(100 + i % 4),
            "Decidim::Proposals::Proposal",
            "https://example.org/proposals/100",
        ]
        for i in range(n)
    ]
    return _csv(folder / "example-open-data-proposal_comments.csv", header, rows, sep=";")


def consul_json(folder: Path, kind: str, n: int = 12) -> Path:
    """``proposals.json``, ``budget_investments.json`` or ``comments.json`` as Consul's machine-learning module writes them."""
    records = []
    for i in range(n):
        text = ES[i % len(ES)] + f" Número {i + 1}."
        if kind == "proposals":
            records.append(
                {"id": 10 + i, "title": f"Propuesta {i + 1}: transparencia", "summary": text, "description": f"<p>{text}</p> Detalle."}
            )
        elif kind == "budget_investments":
            records.append({"id": 20 + i, "title": f"Inversión {i + 1}", "description": text})
        else:
            records.append({"id": 30 + i, "commentable_id": 10 + i % 3, "commentable_type": "Proposal", "body": text})
    path = folder / f"{kind}.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def consul_admin_csv(folder: Path, n: int = 12) -> Path:
    """``Proposal::Exporter#to_csv`` in English: one row per comment, author e-mails in two columns."""
    header = [
        "ID",
        "Proposal",
        "Author",
        "Summary",
        "Created at",
        "Comment ID",
        "Comment Author",
        "Comment Content",
        "Comment Parent",
        "Comment Created at",
    ]
    rows = [
        [
            str(10 + i % 3),
            f"Propuesta {i % 3}",
            f"autor{i % 3}@example.org",
            ES[i % 3],
            "2026-06-01 14:56:10",
            str(200 + i),
            f"vecino{i}@example.org",
            ES[(i + 1) % len(ES)] + f" Comentario {i + 1}.",
            "",
            "2026-06-01 14:58:10",
        ]
        for i in range(n)
    ]
    return _csv(folder / "proposals.csv", header, rows)


def polis_comments(folder: Path, n: int = 20) -> Path:
    header = ["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"]
    rows = []
    for i in range(n):
        agrees, disagrees = [(30, 2), (3, 40), (20, 18), (2, 1)][i % 4]
        rows.append(
            [
                str(1500000000 + i),
                "Mon Jan 01 2018",
                str(i),
                str(i % 5 + 1),  # participant 0 would be the owner who opened the conversation
                str(agrees),
                str(disagrees),
                str([1, 1, 0, -1][i % 4]),
                f"{ES[i % len(ES)]} Comentario {i}.",
            ]
        )
    return _csv(folder / "comments.csv", header, rows)


def google_forms(folder: Path, n: int = 12) -> Path:
    """A Spanish Google Form: localised timestamp, e-mail collected, one closed and two open questions."""
    header = [
        "Marca temporal",
        "Dirección de correo electrónico",
        "Región",
        "¿Qué problema ve en su barrio?",
        "¿Qué propone para resolverlo?",
    ]
    rows = [
        [
            f"01/0{1 + i % 9}/2024 10:00:00",
            f"persona{i}@example.org",
            ["Norte", "Sur"][i % 2],
            ES[i % len(ES)],
            ES[(i + 2) % len(ES)] + f" Idea {i}.",
        ]
        for i in range(n)
    ]
    return _csv(folder / "formulario.csv", header, rows)


def microsoft_forms(folder: Path, n: int = 12) -> Path:
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Región", "Comentario"]
    rows = [
        [
            str(i + 1),
            "1/2/24 10:00:00",
            "1/2/24 10:05:00",
            f"p{i}@example.org",
            f"Persona {i}",
            "",
            ["Norte", "Sur"][i % 2],
            ES[i % len(ES)] + f" Nota {i}.",
        ]
        for i in range(n)
    ]
    return _csv(folder / "msforms.csv", header, rows)


def surveymonkey(folder: Path, n: int = 12) -> Path:
    """Two header rows: question text, then the answer kind (an open-ended question and a multiple-choice one)."""
    header = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
        "¿Qué opina del presupuesto?",
        "¿Qué temas le interesan?",
        "",
        "¿Algo más?",
    ]
    sub = ["", "", "", "", "", "", "", "", "", "Open-Ended Response", "Transparencia", "Salud", "Open-Ended Response"]
    rows = [sub] + [
        [
            str(9000 + i),
            "42",
            "01/02/2024",
            "01/02/2024",
            f"10.0.0.{i}",
            f"r{i}@example.org",
            "Ana",
            "Pérez",
            "",
            ES[i % len(ES)],
            "Transparencia" if i % 2 else "",
            "Salud" if i % 3 else "",
            ES[(i + 1) % len(ES)] + f" Fin {i}.",
        ]
        for i in range(n)
    ]
    return _csv(folder / "surveymonkey.csv", header, rows)


def qualtrics(folder: Path, n: int = 12) -> Path:
    """Three header rows: field ids, question text, import ids."""
    header = [
        "StartDate",
        "EndDate",
        "Status",
        "IPAddress",
        "Progress",
        "Finished",
        "ResponseId",
        "RecipientLastName",
        "RecipientFirstName",
        "RecipientEmail",
        "LocationLatitude",
        "LocationLongitude",
        "Q1",
        "Q2",
    ]
    texts = [
        "Start Date",
        "End Date",
        "Response Type",
        "IP Address",
        "Progress",
        "Finished",
        "Response ID",
        "Recipient Last Name",
        "Recipient First Name",
        "Recipient Email",
        "Location Latitude",
        "Location Longitude",
        "¿Qué debe mejorar el gobierno?",
        "¿Cómo quiere participar?",
    ]
    imports = [
        json.dumps({"ImportId": i})
        for i in (
            "startDate",
            "endDate",
            "status",
            "ipAddress",
            "progress",
            "finished",
            "_recordId",
            "recipientLastName",
            "recipientFirstName",
            "recipientEmail",
            "locationLatitude",
            "locationLongitude",
            "QID1_TEXT",
            "QID2_TEXT",
        )
    ]
    rows = [texts, imports] + [
        [
            "2024-01-02",
            "2024-01-02",
            "0",
            f"10.1.1.{i}",
            "100",
            "1",
            f"R_{i:04d}",
            "Pérez",
            "Ana",
            f"a{i}@example.org",
            "-33.4",
            "-70.6",
            ES[i % len(ES)] + f" Uno {i}.",
            ES[(i + 3) % len(ES)] + f" Dos {i}.",
        ]
        for i in range(n)
    ]
    return _csv(folder / "qualtrics.csv", header, rows)


def consul_dump(folder: Path, kind: str = "debates", n: int = 12) -> Path:
    """A table of Consul Democracy's own columns (a database or open-data dump) with its vote caches: proposals
    (``cached_votes_up`` = supports) or comments (up, down and total votes); a few counts missing."""
    if kind == "proposals":
        header = ["id", "title", "summary", "description", "cached_votes_up", "comments_count", "hot_score", "created_at"]
        rows = [
            [
                str(40 + i),
                f"Propuesta {i + 1}",
                ES[i % len(ES)],
                f"<p>{ES[i % len(ES)]} Detalle {i + 1}.</p>",
                "" if i % 5 == 4 else str((i * 7) % 11),
                str(i % 3),
                "123",
                "2026-06-01",
            ]
            for i in range(n)
        ]
    else:
        header = [
            "id",
            "commentable_id",
            "commentable_type",
            "body",
            "cached_votes_total",
            "cached_votes_up",
            "cached_votes_down",
            "created_at",
        ]
        rows = [
            [
                str(60 + i),
                str(40 + i % 3),
                "Debate",
                f"{ES[i % len(ES)]} Comentario {i + 1}.",
                str(2 * i + 1),
                "" if i % 5 == 4 else str(i),
                str(i + 1),
                "2026-06-01",
            ]
            for i in range(n)
        ]
    return _csv(folder / f"consul_{kind}.csv", header, rows)
