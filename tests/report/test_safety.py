"""Hostile citizen text and metadata: escaped in HTML and Markdown, neutralised in CSV and XLSX, kept as text in DOCX."""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from consultnlp.config import PipelineConfig, SummariseConfig
from consultnlp.frame import row_accounting
from consultnlp.report.outputs import publish
from consultnlp.report.safety import clean_text, neutralise_cell
from consultnlp.report.tables import write_csv
from consultnlp.summary import summarise
from consultnlp.taxonomy import Taxonomy
from tests.report.frames import TOPIC_INFO, golden_frame, summary_inputs

SCRIPT = "<script>alert(1)</script> y además"
HOSTILE_COLUMN = '=HYPERLINK("http://evil.example","x")'
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?$")


def _hostile():
    frame = golden_frame()
    texts = {
        "c03": SCRIPT + ' =HYPERLINK("http://evil.example","clic")',
        "c04": '=HYPERLINK("http://evil.example","clic") aquí',
        "c05": "+cmd|' /C calc'!A0 publish the budget",
        "c06": "@SUM(1+1)*cmd|' /C calc'!A0 thanks",
        "c09": "-2+3 and a vertical\x0btab and a \u202ereversed\u202c word",
    }
    for cid, text in texts.items():
        frame.loc[cid, "text_redacted"] = text
        frame.loc[cid, "text"] = text
    frame["region"] = ["=1+1", "=1+1", "<img src=x onerror=alert(1)>", "\t=cmd", "\r=cmd", "-2+3", "", "", "@SUM(A1)"]
    frame[HOSTILE_COLUMN] = ["+cmd|' /C calc'!A0"] * 4 + ["<b>x</b>"] * 5
    info = TOPIC_INFO.copy()
    info.at[1, "labels"] = {"es": "<script>alert(2)</script>"}
    info.at[1, "keywords_by_lang"] = {"es": ["<script>alert(2)</script>", "=cmd"]}
    info.at[2, "labels"] = {"es": "=HYPERLINK(1)"}
    info.at[2, "keywords_by_lang"] = {"es": ["=HYPERLINK(1)"]}
    inputs = summary_inputs(frame, topic_info=info)
    # Key points quote citizens verbatim: the hostile texts themselves.
    inputs["key_points"] = pd.DataFrame(
        [
            {
                "scope": "group",
                "group_id": "0",
                "rank": 1,
                "statement": texts["c03"],
                "comment_id": "c03",
                "contributions": 2,
                "unique_contributions": 2,
                "comment_ids": "c03;c04",
            },
            {
                "scope": "theme",
                "group_id": "health",
                "rank": 1,
                "statement": texts["c05"],
                "comment_id": "c05",
                "contributions": 1,
                "unique_contributions": 1,
                "comment_ids": "c05",
            },
        ]
    )
    inputs["taxonomy"] = Taxonomy.model_validate(
        {
            "id": "t",
            "themes": [
                {"id": "open_data", "name": {"es": "<i>Datos</i> por $100 y $200", "pt": "x", "en": "x"}},
                {"id": "health", "name": {"es": '=Salud"><svg onload=alert(3)>', "pt": "x", "en": "x"}},
            ],
        }
    )
    return frame, inputs


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    frame, inputs = _hostile()
    segments = ["region", HOSTILE_COLUMN]
    summary = summarise(
        frame, **inputs, cfg=SummariseConfig(min_segment_count=1), accounting=row_accounting(frame), segment_columns=segments, lang="es"
    )
    publish(
        out,
        summary,
        PipelineConfig(),
        formats=["html", "md", "xlsx", "docx"],
        lang="es",
        source="<b>consulta</b>.xlsx",
        taxonomy=inputs["taxonomy"],
        warnings=["<script>warn</script>"],
    )
    write_csv(frame.reset_index(), out / "comments.csv")
    return out, summary


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_safety_html_has_no_live_markup_from_data(published):
    out, _ = published
    html = (out / "report.html").read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "b", "i", "a", "link", "base"} - {"a"}
    assert all(not name.startswith("on") for _, attrs in parser.tags for name, _ in attrs)
    links = [dict(attrs).get("href", "") for tag, attrs in parser.tags if tag == "a"]
    assert links and all(href.startswith("#") for href in links)  # only the table of contents
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # topic label, in headings, tables and the chart
    assert "\x0b" not in html and "\u202e" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_safety_chart_labels_are_text_not_maths_or_markup(published):
    out, _ = published
    html = (out / "report.html").read_text(encoding="utf-8")
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(svgs) >= 2  # subjects and themes
    labels = " ".join(svgs)
    assert "&lt;i&gt;Datos&lt;/i&gt; por $100 y $200" in labels  # dollars shown, not typeset as maths
    assert "onload" not in labels.replace("svg onload=alert(3)&gt;", "")


def _dangerous(cell: str) -> bool:
    return cell.startswith(DANGEROUS) and not PLAIN_NUMBER.match(cell.strip())


def test_safety_csv_cells_and_headers_are_neutralised(published):
    out, _ = published
    paths = sorted((out / "tables").glob("*.csv")) + [out / "comments.csv"]
    seen = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                assert not [cell for cell in row if _dangerous(cell)], path.name
                seen += row
    text = "\n".join(seen)
    for needle in ("'=HYPERLINK(", "'+cmd|", "'@SUM(", "'-2+3", "'\t=cmd", "'=1+1", "'<script>"[1:]):
        assert needle in text, needle
    assert "segment_HYPERLINK_http_evil_exa" in {p.stem for p in paths}


def test_safety_xlsx_has_no_formulas_and_sheet_names_match_tables(published):
    from openpyxl import load_workbook

    out, summary = published
    book = load_workbook(out / "summary.xlsx")
    assert book.sheetnames[0] == "Léame" and len(book.sheetnames) == len(summary.tables) + 1
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not _dangerous(cell.value), (sheet.title, cell.coordinate, cell.value)


def test_safety_markdown_escapes_markup_and_line_starts(published):
    out, _ = published
    md = (out / "report.md").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<(script|img|b>|i>)", md) and "\\<script\\>alert(1)\\</script\\>" in md
    assert not re.search(r"^> ?[-+=]", md, flags=re.M)  # a quote line never starts a list or heading
    assert "\\$100" in md
    # A table cell starts no list: its numbers are written plainly ("34.5%", not "34\\.5%": the seattle claim check),
    # and its markup is still escaped.
    cells = [line for line in md.splitlines() if line.startswith("| ")]
    assert cells and not any(re.search(r"\d\\\.", line) for line in cells)
    assert not any(re.search(r"(?<!\\)<(script|img|b>)", line) for line in cells)


def test_safety_docx_keeps_hostile_text_as_text(published):
    import docx

    out, _ = published
    document = docx.Document(str(out / "report.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert SCRIPT in text and "\x0b" not in text and "\u202e" not in text


def test_safety_neutralise_cell_cases():
    cases = {
        "=1+1": "'=1+1",
        "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
        "@SUM(1)": "'@SUM(1)",
        "-2+3": "'-2+3",
        "\t=1": "'\t=1",
        "\r=1": "'\r=1",
        "-5": "-5",
        "+3.5": "+3.5",
        # A lone dash or plus runs nothing (claim check 76: a placeholder «-» read «'-» in comments.csv); with more, it may.
        "-": "-",
        " + ": " + ",
        "--": "'--",
        "- Más buses": "'- Más buses",
        "plain": "plain",
        7: 7,
        # Bidi overrides and control characters never reach a table: the cell reads as the text says.
        "a \u202ereversed\u202c word": "a reversed word",
        "x\x0by\u2066z\u2069": "xyz",
        "\u202e=1+1": "'=1+1",
    }
    assert {k: neutralise_cell(k) for k in cases} == cases
    assert clean_text("a\x00b\x1bc\r\nd\u202ee\u2066f") == "abc\ndef"


def test_safety_no_invisible_controls_in_any_table(published):
    out, _ = published
    files = [*out.rglob("*.csv"), *out.rglob("*.md"), *out.rglob("*.html")]
    assert any("reversed" in f.read_text(encoding="utf-8") for f in files)  # the hostile text is there ...
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search("[\u202a-\u202e\u2066-\u2069\x0b\x0c]", text), path.name  # ... without its controls


def test_markdown_escapes_a_number_only_where_it_would_start_a_list():
    from consultnlp.report.markdown import md_escape

    # "9.471 contribuciones distintas" was written "9\.471" (the seattle claim check read the backslashes).
    assert md_escape("9.471 contribuciones distintas") == "9.471 contribuciones distintas"
    assert md_escape("1. item") == "1\\. item" and md_escape("2) x") == "2\\) x" and md_escape("3.") == "3\\."
    assert md_escape("- a") == "\\- a" and md_escape("> b") == "\\> b"
