"""Small analysed frames built by hand, whose every table is known in advance."""

from __future__ import annotations

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.summary.quotes import build_quote_pool
from consultnlp.taxonomy import Taxonomy
from tests.conftest import FakeEmbedder

ROWS = [
    # id, text_redacted, lang, excluded, stage, group, representative, campaign_id, topic, themes, region, pii
    ("c01", "Queremos datos abiertos del presupuesto municipal cada mes", "es", "", "", 1, True, "K1", 0, "open_data", "Norte", ""),
    ("c02", "Queremos datos abiertos del presupuesto municipal cada mes", "es", "", "", 1, False, "K1", 0, "open_data", "Norte", ""),
    ("c03", "Dados abertos da saúde por município, com filas de espera", "pt", "", "", 2, True, "", 0, "open_data;health", "Sur", ""),
    ("c04", "O hospital da cidade precisa de mais médicos e menos filas", "pt", "", "", 3, True, "", 1, "health", "Sur", ""),
    ("c05", "Publish hospital waiting lists for every region, every month", "en", "", "", 4, True, "", 1, "health", "Norte", ""),
    ("c06", "Thank you for the consultation, I have nothing else to add", "en", "", "", 5, True, "", -1, "other", "Sur", ""),
    ("c07", "   ", "es", "empty", "ingest", 6, True, "", None, "", "Norte", ""),
    ("c08", "Je voudrais plus de transparence", "other", "language", "language", 7, True, "", None, "", "", ""),
    (
        "c09",
        "Escríbanme a [EMAIL]: el hospital no publica sus datos abiertos",
        "es",
        "",
        "",
        8,
        True,
        "",
        1,
        "health;open_data",
        "Norte",
        "EMAIL:1",
    ),
]

TOPIC_INFO = pd.DataFrame(
    [
        {
            "topic_id": -1,
            "label": "—",
            "labels": {},
            "main_lang": "en",
            "group_id": -1,
            "keywords": ["thank"],
            "keywords_by_lang": {"en": ["thank"]},
            "unique_comments": 1,
        },
        {
            "topic_id": 0,
            "label": "Datos abiertos del presupuesto",
            "labels": {"es": "Datos abiertos del presupuesto", "pt": "Dados abertos da saúde"},
            "main_lang": "es",
            "group_id": 0,
            "keywords": ["data", "budget", "open"],
            "keywords_by_lang": {"es": ["datos", "presupuesto", "abiertos"], "pt": ["dados", "saúde"]},
            "unique_comments": 2,
        },
        {
            "topic_id": 1,
            "label": "Hospital waiting lists",
            "labels": {"es": "Hospital", "pt": "Filas de espera", "en": "Hospital waiting lists"},
            "main_lang": "en",
            "group_id": 1,
            "keywords": ["hospital", "waiting", "lists"],
            "keywords_by_lang": {"es": ["hospital", "datos"], "pt": ["hospital", "filas"], "en": ["hospital", "waiting", "lists"]},
            "unique_comments": 3,
        },
    ]
)
TOPIC_GROUPS = pd.DataFrame(
    [
        {
            "group_id": 0,
            "label": "Datos abiertos",
            "labels": {"es": "Datos abiertos", "pt": "Dados abertos"},
            "main_lang": "es",
            "topic_ids": [0],
            "unique_comments": 2,
        },
        {
            "group_id": 1,
            "label": "Hospitals",
            "labels": {"es": "Hospitales", "pt": "Hospitais", "en": "Hospitals"},
            "main_lang": "en",
            "topic_ids": [1],
            "unique_comments": 3,
        },
    ]
)
KEY_POINTS = pd.DataFrame(
    [
        {
            "scope": "group",
            "group_id": "1",
            "rank": 1,
            "statement": "O hospital da cidade precisa de mais médicos e menos filas",
            "comment_id": "c04",
            "contributions": 3,
            "unique_contributions": 3,
            "comment_ids": "c04;c05;c09",
        },
        {
            "scope": "theme",
            "group_id": "open_data",
            "rank": 1,
            "statement": "Queremos datos abiertos del presupuesto municipal cada mes",
            "comment_id": "c01",
            "contributions": 3,
            "unique_contributions": 2,
            "comment_ids": "c01;c03",
        },
    ]
)


def taxonomy(with_family: bool = False) -> Taxonomy:
    """``open_data`` and ``health`` named in es/pt/en (``health`` with two sub-themes when ``with_family``)."""
    themes = [
        {"id": "open_data", "name": {"es": "Datos abiertos", "pt": "Dados abertos", "en": "Open data"}},
        {"id": "health", "name": {"es": "Salud", "pt": "Saúde", "en": "Health"}},
    ]
    if with_family:
        themes += [
            {"id": "hospitals", "parent": "health", "name": {"es": "Hospitales", "pt": "Hospitais", "en": "Hospitals"}},
            {"id": "medicines", "parent": "health", "name": {"es": "Medicamentos", "pt": "Remédios", "en": "Medicines"}},
        ]
    return Taxonomy.model_validate({"id": "test", "name": {"es": "Prueba", "pt": "Teste", "en": "Test"}, "themes": themes})


def golden_frame() -> pd.DataFrame:
    """Nine rows: two excluded, one duplicate pair that is also campaign K1, one outlier, one with an email."""
    cols = [
        "comment_id",
        "text_redacted",
        "lang",
        "excluded",
        "excluded_stage",
        "dup_group",
        "dup_representative",
        "campaign_id",
        "topic_id",
        "themes",
        "region",
        "pii_found",
    ]
    frame = pd.DataFrame(ROWS, columns=cols).set_index("comment_id")
    frame.insert(0, schema.ROW_NUMBER, range(1, len(frame) + 1))
    frame.insert(1, schema.TEXT, frame[schema.TEXT_REDACTED].str.replace("[EMAIL]", "ana@example.org", regex=False))
    frame[schema.DUP_COUNT] = frame.groupby(schema.DUP_GROUP)[schema.DUP_GROUP].transform("size").astype("int64")
    frame[schema.CAMPAIGN] = frame[schema.CAMPAIGN_ID] != ""
    frame[schema.PII_COUNT] = frame[schema.PII_FOUND].str.count(":").astype("int64")
    frame[schema.TOPIC_ID] = pd.array(frame[schema.TOPIC_ID].tolist(), dtype="Int64")
    labels = {-1: "—", 0: "Datos abiertos del presupuesto", 1: "Hospital waiting lists"}
    frame[schema.TOPIC_LABEL] = [labels.get(t, "") if pd.notna(t) else "" for t in frame[schema.TOPIC_ID]]
    frame[schema.TOPIC_GROUP_ID] = frame[schema.TOPIC_ID]  # topic 0 is group 0, topic 1 group 1
    groups = {-1: "—", 0: "Datos abiertos", 1: "Hospitals"}
    frame[schema.TOPIC_GROUP_LABEL] = [groups.get(t, "") if pd.notna(t) else "" for t in frame[schema.TOPIC_GROUP_ID]]
    frame[schema.THEME_SCORES] = [";".join(f"{t}:0.5" for t in th.split(";") if t and t != "other") for th in frame[schema.THEMES]]
    return frame


def summary_inputs(frame: pd.DataFrame, *, with_family: bool = False, topic_info: pd.DataFrame | None = None) -> dict:
    """The side inputs of ``summarise`` for ``frame``: topic and group tables, key points, taxonomy, and a quote pool over fake embeddings."""
    units = frame.index[(frame[schema.EXCLUDED] == "") & frame[schema.DUP_REPRESENTATIVE]]
    embeddings = FakeEmbedder().encode(frame.loc[units, schema.TEXT_REDACTED].tolist())
    return {
        "topic_info": TOPIC_INFO.copy() if topic_info is None else topic_info,
        "taxonomy": taxonomy(with_family),
        "quote_pool": build_quote_pool(frame.loc[units], pd.Index(units), embeddings),
        "topic_groups": TOPIC_GROUPS.copy(),
        "key_points": KEY_POINTS.copy(),
    }


def segment_frame(cells: dict[tuple[str, str], int], *, copies: dict[tuple[str, str], int] | None = None) -> pd.DataFrame:
    """An analysed frame with ``cells[(region, theme)]`` unique comments each, and optional duplicate copies.

    ``copies[(region, theme)] = n`` adds one comment with ``n`` identical copies (a campaign) in that cell.
    """
    rows, group = [], 0
    for (region, theme), n in cells.items():
        for _ in range(n):
            rows.append((f"u{group:05d}", region, theme, group, True))
            group += 1
    for (region, theme), n in (copies or {}).items():
        for i in range(n):
            rows.append((f"k{group:05d}-{i}", region, theme, group, i == 0))
        group += 1
    frame = pd.DataFrame(rows, columns=["comment_id", "region", "themes", "dup_group", "dup_representative"]).set_index("comment_id")
    frame[schema.EXCLUDED] = ""
    frame[schema.ROW_NUMBER] = np.arange(1, len(frame) + 1)
    return frame


def render_report(frame: pd.DataFrame, lang: str = "en", segment_columns: tuple[str, ...] = ("region",), **facts) -> str:
    """The Markdown report of ``frame`` summarised as a run would (one segment column by default); ``facts`` are more
    of ``summarise``'s inputs (``screened``)."""
    from consultnlp.config import PipelineConfig, SummariseConfig
    from consultnlp.frame import row_accounting
    from consultnlp.report.content import build_content
    from consultnlp.report.markdown import render_markdown
    from consultnlp.report.outputs import report_settings
    from consultnlp.summary import summarise

    result = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=list(segment_columns),
        lang=lang,
        **facts,
    )
    settings = report_settings(PipelineConfig(), taxonomy(), lang)
    content = build_content(result.tables, result.facts, lang=lang, source="x.csv", taxonomy=taxonomy(), settings=settings, warnings=[])
    return render_markdown(content)
