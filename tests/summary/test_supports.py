"""Supports order a subject's quotes and key points; they never change which are chosen nor their counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.config import SummariseConfig
from consultnlp.i18n import t
from consultnlp.ingest import ingest
from consultnlp.summary.quotes import build_quote_pool
from consultnlp.summary.supports import supported_contributions, unit_supports
from consultnlp.summary.tables import key_points_table, quotes_table
from tests.conftest import FakeEmbedder
from tests.ingest import platform_files as pf


def _analysed(frame: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """An ingested export as the summary sees it: two topics, every row analysed and its own unit, fake embeddings."""
    frame = frame.copy()
    frame[schema.TEXT_REDACTED] = frame[schema.TEXT].str.replace(r"<[^>]+>", "", regex=True) + " " + "palavra " * 8
    frame[schema.TOPIC_ID] = pd.array(np.arange(len(frame)) % 2, dtype="Int64")
    frame[schema.EXCLUDED] = ""
    frame[schema.LANG] = "pt"
    frame[schema.DUP_GROUP] = np.arange(len(frame))
    frame[schema.DUP_COUNT] = 1
    frame[schema.DUP_REPRESENTATIVE] = True
    return frame, FakeEmbedder().encode(frame[schema.TEXT_REDACTED].tolist())


def _quotes(frame: pd.DataFrame, vectors: np.ndarray) -> pd.DataFrame:
    pool = build_quote_pool(frame, frame.index, vectors, pool_size=10)
    return quotes_table(frame, pool, SummariseConfig(quotes_per_topic=4, quotes_per_theme=0), names={})


@pytest.mark.parametrize("export", [pf.decidim_proposals, lambda folder: pf.consul_dump(folder, "proposals")])
def test_supports_order_quotes_most_supported_first(tmp_path, export):
    frame, vectors = _analysed(ingest(export(tmp_path))[0])
    assert frame[schema.SUPPORTS].notna().any()
    with_supports = _quotes(frame, vectors)
    without = _quotes(frame.drop(columns=schema.SUPPORTS), vectors)
    for topic in ("0", "1"):
        mine = with_supports[with_supports["group_id"] == topic]
        # The same quotes are chosen; only their order follows the supports (a quote with none comes last).
        assert set(mine["comment_id"]) == set(without.loc[without["group_id"] == topic, "comment_id"]) and len(mine) == 4
        assert mine["rank"].tolist() == [1, 2, 3, 4]
        shown = frame.loc[mine["comment_id"], schema.SUPPORTS]
        assert shown.fillna(-1).tolist() == sorted(shown.fillna(-1).tolist(), reverse=True)
    assert not with_supports.equals(without)  # the supports did reorder something
    assert with_supports.equals(_quotes(frame, vectors))  # and the same input gives the same table


def test_supports_without_counts_leave_quotes_as_chosen(tmp_path):
    frame, vectors = _analysed(ingest(pf.decidim_proposals(tmp_path))[0])
    empty = frame.assign(**{schema.SUPPORTS: pd.array([pd.NA] * len(frame), dtype="Int64")})
    assert _quotes(empty, vectors).equals(_quotes(frame.drop(columns=schema.SUPPORTS), vectors))
    assert supported_contributions(empty) == 0 and supported_contributions(frame) == 12


def test_supports_of_a_unit_sum_its_copies_and_skip_excluded_rows():
    frame = pd.DataFrame(
        {
            schema.SUPPORTS: pd.array([3, 4, pd.NA, pd.NA, 5], dtype="Int64"),
            schema.DUP_GROUP: [0, 0, 1, 1, 2],
            schema.EXCLUDED: ["", "", "", "", "junk"],
        },
        index=pd.Index(["a", "b", "c", "d", "e"], name=schema.COMMENT_ID),
    )
    supports = unit_supports(frame)
    assert supports.loc["a"] == 7 and supports.loc["b"] == 7  # two copies of one text: their supports together
    assert pd.isna(supports.loc["c"]) and "e" not in supports  # none is not 0; an excluded row counts for nothing


def test_supports_order_key_points_after_their_counts():
    frame = pd.DataFrame(
        {
            schema.SUPPORTS: pd.array([1, 50, 2, 2, pd.NA, 9], dtype="Int64"),
            schema.EXCLUDED: "",
        },
        index=pd.Index(["a", "b", "c", "d", "e", "f"], name=schema.COMMENT_ID),
    )
    points = pd.DataFrame(
        {
            "scope": ["group", "group", "group", "group", "theme"],
            "group_id": ["0", "0", "0", "0", "health"],
            "rank": [1, 2, 3, 4, 1],
            "statement": ["s1", "s2", "s3", "s4", "s5"],
            "comment_id": ["a", "c", "b", "e", "f"],
            "contributions": [5, 3, 3, 3, 3],
            "unique_contributions": [3, 2, 2, 2, 3],
            "comment_ids": ["a;c;d", "c;d", "b;a", "e", "f"],
        }
    )
    table = key_points_table(frame, points, names={})
    # More contributions first, whatever their supports; among equals the most supported; a point with none last.
    assert table["statement"].tolist() == ["s1", "s3", "s2", "s4", "s5"]
    assert table["rank"].tolist() == [1, 2, 3, 4, 1]
    assert table[["contributions", "unique_contributions", "comment_ids"]].values.tolist() == [
        [5, 3, "a;c;d"],
        [3, 2, "b;a"],
        [3, 2, "c;d"],
        [3, 2, "e"],
        [3, 3, "f"],
    ]
    unchanged = key_points_table(frame.drop(columns=schema.SUPPORTS), points, names={})
    assert unchanged["statement"].tolist() == ["s1", "s2", "s3", "s4", "s5"]


def test_supports_method_sentence_in_every_language():
    for lang in ("es", "pt", "en"):
        assert t("supports_count", lang, count=12, n="12").startswith("12 ")
        assert "1 " in t("supports_count", lang, count=1, n="1")
    assert "not read as positions" in t("supports_order", "en")
    assert "no se leen como posiciones" in t("supports_order", "es") and "não são lidos como posições" in t("supports_order", "pt")


def _supported_frame() -> pd.DataFrame:
    """Six rows: two copies of one text (3 + 4 supports), a row with none, a row with 0, an excluded row with the most,
    and two more with 5 each (a tie, ordered by id)."""
    frame = pd.DataFrame(
        {
            schema.SUPPORTS: pd.array([3, 4, pd.NA, 0, 99, 5, 5], dtype="Int64"),
            schema.DUP_GROUP: [0, 0, 1, 2, 3, 4, 5],
            schema.DUP_REPRESENTATIVE: [True, False, True, True, True, True, True],
            schema.DUP_COUNT: [2, 2, 1, 1, 1, 1, 1],
            schema.EXCLUDED: ["", "", "", "", "junk", "", ""],
            schema.TOPIC_GROUP_ID: pd.array([1, 1, 0, 0, pd.NA, -1, 0], dtype="Int64"),
            schema.TEXT_REDACTED: ["Más buses  nocturnos", "Más buses nocturnos", "Sin", "Cero", "spam", "x " * 200, "Ciclovías"],
        },
        index=pd.Index(["a", "b", "c", "d", "e", "g", "f"], name=schema.COMMENT_ID),
    )
    return frame


def test_supports_most_supported_are_distinct_analysed_contributions_most_first():
    from consultnlp.summary.supports import EXCERPT_CHARS, most_supported_table

    table = most_supported_table(_supported_frame(), {0: "Transporte", 1: "Buses"})
    # Copies count once with their supports added (7); none and 0 are not "supported"; an excluded row never shows;
    # equal supports in id order.
    assert table[["comment_id", "supports", "contributions"]].values.tolist() == [["a", 7, 2], ["f", 5, 1], ["g", 5, 1]]
    assert table["rank"].tolist() == [1, 2, 3] and table["group_label"].tolist() == ["Buses", "Transporte", ""]
    assert table.loc[0, "excerpt"] == "Más buses nocturnos"  # on one line
    long = table.loc[2, "excerpt"]
    assert long.endswith("…") and len(long) <= EXCERPT_CHARS + 1
    assert most_supported_table(_supported_frame(), None, limit=1)["comment_id"].tolist() == ["a"]
    assert most_supported_table(_supported_frame().drop(columns=schema.SUPPORTS), None).empty


def test_supports_most_supported_section_in_every_language():
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.supported import supported_section
    from consultnlp.summary.supports import most_supported_table

    frame = _supported_frame()
    frame.loc["f", schema.TEXT_REDACTED] = "<script>alert(1)</script> Ciclovías"
    table = most_supported_table(frame, {0: "Transporte", 1: "Buses"})
    groups = pd.DataFrame({"topic_group_id": [0, 1], "label": ["Transporte", "Buses"], "contributions": [3, 2]})
    expected = {
        "es": ("Las contribuciones con más apoyos", "Sin tópico claro"),
        "pt": ("As contribuições mais apoiadas", "Sem tópico claro"),
    }
    expected["en"] = ("The most supported contributions", "No clear topic")
    for lang, (heading, outliers) in expected.items():
        ctx = ReportContext({"most_supported": table, "topic_groups": groups}, {"supported_contributions": 5}, lang, None, {})
        section = supported_section(ctx)
        assert section is not None and section.heading == heading
        rows = section.blocks[1].rows
        assert [r[0] for r in rows] == ["7", "5", "5"] and [r[3] for r in rows] == ["a", "f", "g"]
        assert rows[0][2] == "Buses" and rows[2][2] == outliers
        # The subject a contribution was grouped in, not what it is about (claim check 81).
        assert section.blocks[1].headers[2] == {"es": "Asunto en que se agrupó", "pt": "Assunto em que foi agrupada"}.get(
            lang, "Subject it was grouped in"
        )
        assert "5" in section.blocks[0].text
    assert "not how many contributions say the same" in section.blocks[2].text
    assert supported_section(ReportContext({}, {}, "en", None, {})) is None


def test_supports_most_supported_name_a_package_of_long_texts_with_one_opening():
    # Plano Clima 2024: nine long proposals open «A proposta compreende duas medidas», four of them among the ten most
    # voted; the report said nothing of it (claim check, stop 36).
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.supported import supported_section
    from consultnlp.summary.supports import most_supported_table

    body = " ".join(f"palavra{i}" for i in range(40))
    texts = [f"A proposta compreende duas medidas: {k}. {body}" for k in range(4)]
    texts += [f"Outra proposta qualquer sobre {k} coisas diferentes: {body}" for k in range(3)]
    texts += ["A proposta compreende duas medidas curtas."]  # short: no part of a package
    frame = pd.DataFrame(
        {
            schema.SUPPORTS: pd.array([900, 800, 5, 4, 700, 3, 2, 600], dtype="Int64"),
            schema.DUP_GROUP: range(8),
            schema.DUP_REPRESENTATIVE: True,
            schema.DUP_COUNT: 1,
            schema.EXCLUDED: "",
            schema.TEXT_REDACTED: texts,
        },
        index=pd.Index([f"c{i}" for i in range(8)], name=schema.COMMENT_ID),
    )
    table = most_supported_table(frame, None, limit=4)
    assert table["comment_id"].tolist() == ["c0", "c1", "c4", "c7"]
    assert table["opening_count"].tolist() == [4, 4, 0, 0] and table.loc[0, "opening"] == "A proposta compreende duas medidas"
    section = supported_section(ReportContext({"most_supported": table}, {}, "pt", None, {}))
    package = [b.text for b in section.blocks if b.kind == "p" and "mesmas palavras" in b.text]
    assert package == [
        "2 destas 4 começam com as mesmas palavras («A proposta compreende duas medidas…»), como 4 contribuições longas no total: "
        "podem ser um pacote de propostas de uma mesma organização, que também pode ter reunido seus apoios."
    ]
    # One shown contribution of a package is no pattern among the most supported: no sentence.
    alone = supported_section(ReportContext({"most_supported": most_supported_table(frame, None, limit=1)}, {}, "pt", None, {}))
    assert not [b for b in alone.blocks if "mesmas palavras" in b.text]


def test_supports_most_supported_ids_are_published_as_pseudonyms_when_personal():
    # Ids that are personal data (e-mails as ids) are shown as their pseudonyms in every published table; the most
    # supported table was missing from that list.
    from consultnlp.privacy.pseudonyms import new_key, pseudonym
    from consultnlp.summary.public import ID_COLUMN, public_tables
    from consultnlp.summary.supports import most_supported_table

    frame = _supported_frame().rename(index=lambda i: f"{i}@correo.cl")
    key = new_key()
    table = public_tables({"most_supported": most_supported_table(frame, None)}, columns=[ID_COLUMN], key=key, segment_tables={})
    assert table["most_supported"]["comment_id"].tolist() == [pseudonym(f"{i}@correo.cl", key) for i in ("a", "f", "g")]
