"""No English word in a Spanish or Portuguese report: the catalogue, every section and note as rendered, and the sample run.

Citizens' words (quotes, key points, topic names drawn from contributions) and names the user gave (columns,
their values, the file, the --where expression) are taken out first: they stay in the language they were written in.
"""

from __future__ import annotations

import string

import pytest

from consultnlp import schema
from consultnlp.config import PipelineConfig, SummariseConfig
from consultnlp.frame import row_accounting
from consultnlp.i18n import LANGUAGE_NAMES, PII_KINDS, REASONS, SETTINGS, STRINGS, Note, t, workbook
from consultnlp.ingest.info import ConsultationTitle
from consultnlp.report.outputs import publish
from consultnlp.rerender import rerender
from consultnlp.summary import summarise
from tests.report.english import english_words, is_english, visible_docx, visible_html, visible_markdown, with_context
from tests.report.frames import TOPIC_GROUPS, TOPIC_INFO, summary_inputs, taxonomy
from tests.report.reason_frames import ROW_FILTER, every_reason_frame
from tests.report.sample_run import copy_analysis, sample_analysis

LOCAL = ("es", "pt")
# Every note a stage records, with values shaped as the stage passes them (see consultnlp/stages/).
NOTES = [
    Note("note_truncated", {"n": 2, "max": 5000}),
    Note("note_at_length_limit", {"n": 81, "chars": 500, "unended": 30}),
    Note("note_at_length_limit_ended", {"n": 20, "chars": 140, "unended": 0}),
    Note("note_split_parts", {"n": 15}),
    Note("note_segment_spellings", {"column": "capitulo", "n": 2}),
    Note("note_language_excluded", {"n": 3, "counts": {"en": 2, "other": 1}, "languages": ["es", "pt"]}),
    Note("note_set_aside", {"non_answer": 9, "no_argument": 8}),
    Note("note_group_column_unset"),
    Note("note_group_column_ignored", {"column": "region"}),
    Note("note_unknown_groups", {"n": 2, "column": "region", "values": "Centro"}),
    Note("note_pseudonymised", {"columns": "region"}),
    Note("note_participants_pseudonymised", {}),
    Note("note_nothing_to_model"),
    Note("note_small_corpus", {"n": 6, "needed": 45}),
    Note("note_position_mapping", {"column": "region", "mapping": [["A", "support", 3], ["P", "partial", 1], ["", "none", 2]]}),
    Note("note_position_answers_left", {"column": "acuerdo", "n": 136}),
    Note("note_positions", {"support": 3, "partial": 1, "oppose": 1, "none": 2}),
    Note("note_positions_votes", {}),
    Note("note_position_column_found", {"column": "acuerdo"}),
    Note("note_position_column_group", {"column": "acuerdo", "named": 230, "read": 3370, "total": 17638, "phrase": "No hay acuerdo"}),
    Note("note_position_column_group_all", {"column": "acuerdo", "named": 24, "read": 431, "total": 431, "phrase": "No hay acuerdo"}),
    Note("note_prompts", {"n": 3, "first": "Justicia", "second": "A la salud"}),
    Note("note_prompts", {"n": 1, "first": "Justicia", "second": ""}),
]
REVIEW = {
    "file": "topics_review.yaml",
    "audit": [
        {"action": "rename", "topic_id": 1, "from": "Hospital", "to": "Hospitales públicos"},
        {"action": "merge", "topic_id": 2, "into": 1, "rows": 3},
        {"action": "hide", "topic_id": 3, "rows": 2},
        {"action": "split_off", "topic_id": 1, "new_topic_id": 4, "rows": 2, "label": "Listas de espera"},
    ],
}
# Columns of the summary tables that hold citizens' words or names drawn from them.
NAME_COLUMNS = (
    "label",
    "name",
    "topic_labels",
    "topic_label",
    "topic_group_label",
    "group_name",
    "theme_name",
    "parent_name",
    "top_theme_names",
    "quote",
    "statement",
    "representative_text",
    "variant_examples",
    "segment",
    "region",
    "top_region",
)


def _texts(entry: object) -> list[str]:
    return [v for v in entry.values()] if isinstance(entry, dict) else [str(entry)]


def _without_placeholders(text: str) -> str:
    return "".join(literal + " " for literal, _, _, _ in string.Formatter().parse(text))


def _catalogue(lang: str) -> dict[str, str]:
    """Every fixed string a report or workbook in ``lang`` can show, by a name for the failure message."""
    found: dict[str, str] = {}
    for table_name, table in (
        ("STRINGS", STRINGS),
        ("REASONS", REASONS),
        ("SETTINGS", SETTINGS),
        ("PII_KINDS", PII_KINDS),
        ("COLUMNS", workbook.COLUMNS),
        ("METRICS", workbook.METRICS),
    ):
        for key, by_lang in table.items():
            for i, text in enumerate(_texts(by_lang[lang])):
                found[f"{table_name}.{key}.{i}"] = text
    for key, (name, description) in workbook.SHEETS.items():
        found[f"SHEETS.{key}"] = f"{name[lang]} {description[lang]}"
    for key, entry in (
        ("README_INTRO", workbook.README_INTRO),
        ("EXCLUDED_METRIC", workbook.EXCLUDED_METRIC),
        ("TOP_VALUE", workbook.TOP_VALUE),
        ("TOP_SHARE", workbook.TOP_SHARE),
    ):
        found[key] = entry[lang]
    found["README_HEADERS"] = " ".join(h[lang] for h in workbook.README_HEADERS)
    found["SEGMENT_SHEET"] = " ".join(s[lang] for s in workbook.SEGMENT_SHEET)
    found["LANGUAGE_NAMES"] = " ".join(LANGUAGE_NAMES[lang].values())
    return found


def test_no_english_the_detector_finds_english():
    """The word test can fail: it flags the English catalogue and leaks seen in reports, and passes Spanish and Portuguese."""
    english = [w for text in _catalogue("en").values() for w in english_words(_without_placeholders(text))]
    assert len(set(english)) > 150
    assert english_words("Se apartaron 90 respuestas («I agree»); A -> support (18.436)") == ["agree", "support"]
    assert english_words("Posturas de la columna «acuerdo»: A -> a favor (18.436); dados abertos da saúde, do tema") == []
    assert not is_english("total") and not is_english("do") and is_english("where")


@pytest.mark.parametrize("lang", LOCAL)
def test_no_english_in_the_catalogue(lang):
    leaks = {name: english_words(_without_placeholders(text)) for name, text in _catalogue(lang).items()}
    assert not {name: words for name, words in leaks.items() if words}


def _full_summary(lang: str):  # noqa: ANN202
    """The every-reason frame with positions, votes, a campaign and a finding: every optional section of the report."""
    frame = every_reason_frame()
    stated = {"c01": "support", "c02": "support", "c03": "oppose", "c04": "partial", "c05": "none", "c06": "none", "c09": "support"}
    frame[schema.POSITION] = [
        stated.get(i, "support" if r == schema.REASON_NO_ARGUMENT else "") for i, r in zip(frame.index, frame[schema.EXCLUDED])
    ]
    frame[schema.POSITION_SOURCE] = ["text" if p else "" for p in frame[schema.POSITION]]
    frame[schema.POSITION_EVIDENCE] = ""
    frame["agrees"] = ["12" if r == "" else "" for r in frame[schema.EXCLUDED]]
    frame["disagrees"] = ["3" if r == "" else "" for r in frame[schema.EXCLUDED]]
    summary = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang=lang,
        row_filter=ROW_FILTER,
        title=ConsultationTitle("consulta.xlsx", "file_name"),
    )
    findings = summary.tables.get("theme_segment")
    assert findings is not None and len(findings)
    findings.loc[findings.index[findings["theme_id"] != schema.OTHER_THEME][0], ["significant", "material"]] = True
    assert {"positions", "topic_votes", "campaigns", "key_points", "exclusions"} <= set(summary.tables)
    # The positions section needs 20 distinct contributions stating a position (fewer: one sentence in the method
    # section); the frame has a handful, so its counts are scaled to render the section's every sentence.
    positions = summary.tables["positions"]
    positions["unique_contributions"] = positions["unique_contributions"] * 10
    return frame, summary


def _drop(frame, summary) -> list[str]:  # noqa: ANN001
    """Citizens' words and user-given names in this summary."""
    drop = [
        *frame[schema.TEXT_REDACTED].astype(str),
        *frame[schema.TEXT].astype(str),
        *frame.index.astype(str),
        "region",
        ROW_FILTER,
        "consulta.xlsx",
        "K1",
        "Hospitales públicos",
        "Listas de espera",
        "Centro",
        "Norte",
        "Sur",
    ]
    for table in (TOPIC_INFO, TOPIC_GROUPS):
        drop += [str(v) for labels in table["labels"] for v in labels.values()] + table["label"].astype(str).tolist()
    for table in summary.tables.values():
        for column in NAME_COLUMNS:
            if column in table:
                drop += [str(v) for v in table[column].dropna()]
    return drop


@pytest.mark.parametrize("lang", LOCAL)
def test_no_english_in_any_section_or_note_of_a_report(lang, tmp_path):
    frame, summary = _full_summary(lang)
    assert {n.key for n in NOTES} == {k for k in STRINGS if k.startswith("note_")}, "a new note: add an example to NOTES"
    publish(
        tmp_path,
        summary,
        PipelineConfig(),
        formats=["html", "md", "docx", "xlsx"],
        lang=lang,
        source="consulta.xlsx",
        taxonomy=taxonomy(),
        warnings=NOTES,
        review=REVIEW,
    )
    drop = _drop(frame, summary)
    html = visible_html((tmp_path / "report.html").read_text(encoding="utf-8"))
    for heading in (t("positions", lang), t("votes", lang), t("campaigns", lang), t("findings", lang), t("warnings", lang)):
        assert heading in html, heading  # every optional section was rendered
    for kind, text in (
        ("html", html),
        ("md", visible_markdown((tmp_path / "report.md").read_text(encoding="utf-8"))),
        ("docx", visible_docx(tmp_path / "report.docx")),
    ):
        words = english_words(text, drop=drop)
        assert not words, (kind, with_context(text, words))
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "summary.xlsx")
    shown = [sheet.title for sheet in book.worksheets] + [str(c.value) for c in book.worksheets[0]["A"] if c.value]
    shown += [str(c.value) for sheet in book.worksheets[1:] for c in sheet[1] if c.value]
    shown += [str(c.value) for c in book[workbook.sheet_title("exclusions", lang)]["A"][1:]]
    words = english_words(" ".join(shown), drop=drop)
    assert not words, ("xlsx", words)


def test_no_english_in_the_sample_report_in_spanish_and_portuguese(tmp_path_factory, tmp_path):
    """The bundled sample as analysed (Spanish), and re-rendered in Portuguese: only citizens' words may be in another language."""
    import pandas as pd

    source = sample_analysis(tmp_path_factory)
    folder = copy_analysis(source, tmp_path / "pt")
    rerender(folder, lang="pt", formats=["html", "md"])
    comments = pd.read_parquet(source / "comments.parquet")
    drop = comments["text_redacted"].astype(str).tolist() + comments["comment_id"].astype(str).tolist()
    # Topic and group names are citizens' words, chosen again in the report's language: a Portuguese render names a topic of
    # English comments from their words («Climate», stop 38), so each render's own tables are read too.
    for name in ("topics", "topic_groups", "key_points", "quotes", "campaigns", "themes"):
        for run in (source, folder):
            path = run / "tables" / f"{name}.csv"
            if path.is_file():
                table = pd.read_csv(path, dtype=str, keep_default_na=False)
                drop += [v for column in NAME_COLUMNS if column in table for v in table[column]]
    for name in ("segment_region", "segment_tipo_participante"):
        drop += pd.read_csv(source / "tables" / f"{name}.csv", dtype=str, keep_default_na=False).iloc[:, 0].tolist()
    drop += ["region", "tipo_participante", "consulta_gobierno_abierto.xlsx"]
    for lang, out in (("es", source), ("pt", folder)):
        text = visible_html((out / "report.html").read_text(encoding="utf-8"))
        words = english_words(text, drop=drop)
        assert not words, (lang, with_context(text, words))
