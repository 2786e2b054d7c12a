"""Every reason a contribution was set aside is told as it is, with its number, and the first screen adds up."""

from __future__ import annotations

import json
import re

import pytest

from consultnlp import schema
from consultnlp.config import PipelineConfig, SummariseConfig
from consultnlp.frame import row_accounting, unit_mask
from consultnlp.i18n import percent, t
from consultnlp.report.content import build_content
from consultnlp.report.outputs import report_settings
from consultnlp.summary import summarise
from tests.report.frames import summary_inputs, taxonomy
from tests.report.reason_frames import REASON_ROWS, ROW_FILTER, every_reason_frame
from tests.report.sample_run import sample_analysis

LANGS = ("es", "pt", "en")
# Words that only the true sentence of each reason holds, per language: a sentence with the wrong reason fails.
MARKERS = {
    schema.REASON_FILTERED: ("filtro de filas", "filtro de linhas", "row filter"),
    schema.REASON_MODERATED: ("moderación", "moderação", "moderators"),
    schema.REASON_OFFICIAL: ("organizador", "organizador", "organiser"),
    schema.REASON_PROCESS_NOTE: ("reunión", "reunião", "meeting"),
    schema.REASON_FORMULA: ("fórmula", "fórmula", "formula"),
    schema.REASON_REPEATED: ("palabra por palabra", "palavra por palavra", "word for word"),
    schema.REASON_NON_ANSWER: ("contenido propio", "conteúdo próprio", "content of"),
    schema.REASON_NO_ARGUMENT: ("una postura", "uma posição", "only a position"),
    schema.REASON_JUNK: ("legible", "legível", "readable"),
    schema.REASON_TOO_SHORT: ("cortas", "curtas", "short"),
    schema.REASON_LANGUAGE: ("idioma", "idioma", "language"),
    schema.REASON_EMPTY: ("vacías", "vazias", "empty"),
}
NUMBER = r"(\d[\d.,]*)"


def _int(text: str) -> int:
    return int(re.sub(r"[.,]", "", text))


def _summary_section(lang: str, frame=None, row_filter: str | None = ROW_FILTER, section: str = "summary"):  # noqa: ANN001, ANN202
    frame = every_reason_frame() if frame is None else frame
    summary = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang=lang,
        row_filter=row_filter,
    )
    content = build_content(
        summary.tables,
        summary.facts,
        lang=lang,
        source="consulta.xlsx",
        taxonomy=taxonomy(),
        settings=report_settings(PipelineConfig(), taxonomy(), lang),
        warnings=[],
    )
    return frame, summary, next(s for s in content.sections if s.id == section)


def test_reasons_every_reason_is_in_the_catalogue_in_every_language():
    for reason in schema.EXCLUSION_REASONS:
        assert reason in MARKERS, f"a new reason {reason!r}: give it a sentence (why_{reason}) and a marker here"
    assert set(REASON_ROWS) == set(schema.EXCLUSION_REASONS)


@pytest.mark.parametrize("lang", LANGS)
def test_reasons_one_true_sentence_per_reason_with_its_number(lang):
    frame, _, section = _summary_section(lang)
    counts = frame.loc[frame[schema.EXCLUDED] != "", schema.EXCLUDED].value_counts().to_dict()
    assert counts == REASON_ROWS
    items = next(b for b in section.blocks if b.kind == "list").items
    assert len(items) == len(schema.EXCLUSION_REASONS)
    by_count = {n: reason for reason, n in counts.items()}
    column = LANGS.index(lang)
    for item in items:
        reason = by_count[_int(re.match(NUMBER, item).group(1))]
        found = {r for r, words in MARKERS.items() if words[column].lower() in item.lower()}
        assert found == {reason}, (item, found)
    # Most rows first; the filter is quoted as the analyst wrote it.
    assert [by_count[_int(re.match(NUMBER, i).group(1))] for i in items] == sorted(counts, key=lambda r: -counts[r])
    filtered = items[0]
    assert ROW_FILTER in filtered and filtered.startswith("14 ")


@pytest.mark.parametrize("lang", LANGS)
def test_reasons_first_screen_figures_add_up_and_agree_with_the_sentences(lang):
    frame, summary, section = _summary_section(lang)
    figures = [_int(f["value"]) for f in section.blocks[0].figures]
    received, analysed, excluded, distinct = figures[:4]
    assert received == len(frame) == analysed + excluded
    assert analysed == int((frame[schema.EXCLUDED] == "").sum()) == 7
    assert distinct == int(unit_mask(frame).sum()) == 6
    lead = section.blocks[1].text
    assert [_int(n) for n in re.findall(NUMBER, lead)] == [received, analysed, excluded]
    items = section.blocks[2].items
    assert sum(_int(re.match(NUMBER, i).group(1)) for i in items) == excluded
    copies = section.blocks[3].text
    assert [_int(n) for n in re.findall(r"\d+", copies)][:3] == [analysed, analysed - distinct, distinct]
    # Shares on the figures are of their stated base.
    labels = [f["label"] for f in section.blocks[0].figures]
    assert percent(analysed / received, lang) in labels[1] and percent(excluded / received, lang) in labels[2]
    assert percent(distinct / analysed, lang) in labels[3] == t("fig_distinct", lang, count=6, share=percent(6 / 7, lang))
    overview = dict(zip(summary.tables["overview"]["metric"], summary.tables["overview"]["value"]))
    assert (overview["contributions"], overview["analysed"], overview["excluded"], overview["unique_contributions"]) == (
        received,
        analysed,
        excluded,
        distinct,
    )


def test_reasons_without_the_expression_the_filter_is_still_named():
    _, _, section = _summary_section("es", row_filter=None)
    filtered = section.blocks[2].items[0]
    assert filtered == "14 no cumplen el filtro de filas elegido para este análisis."


def test_reasons_nothing_set_aside_and_no_copies():
    frame = every_reason_frame()
    frame = frame[frame[schema.EXCLUDED] == ""].copy()
    frame.loc["c02", schema.DUP_REPRESENTATIVE] = True
    frame.loc["c02", schema.DUP_GROUP] = 99
    _, _, section = _summary_section("pt", frame=frame)
    assert [b.kind for b in section.blocks[:3]] == ["figures", "p", "p"]
    assert section.blocks[1].text == "Foram recebidas 7 contribuições, e todas foram analisadas."
    assert section.blocks[2].text == "Nenhuma das analisadas repete o texto de outra: as 7 são distintas."
    # The method section announces no reasons when there are none (Plano Clima: «As que não foram analisadas são mantidas
    # com o motivo:» over a table without one).
    _, _, method = _summary_section("pt", frame=frame, section="method")
    assert method.blocks[0].text == "Todas as contribuições recebidas estão em comments.csv, na ordem original, e todas foram analisadas:"


def test_reasons_exclusions_table_names_the_filter():
    frame = every_reason_frame()
    summary = summarise(
        frame,
        **summary_inputs(frame),
        cfg=SummariseConfig(min_segment_count=1),
        accounting=row_accounting(frame),
        segment_columns=["region"],
        lang="es",
        row_filter=ROW_FILTER,
    )
    table = summary.tables["exclusions"].set_index("reason")
    assert table.loc[schema.REASON_FILTERED, "rule"] == ROW_FILTER
    assert (table.drop(index=schema.REASON_FILTERED)["rule"] == "").all()
    assert int(table["rows"].sum()) == sum(REASON_ROWS.values())


def test_reasons_sample_report_agrees_with_the_manifest(tmp_path_factory):
    """The bundled sample: the Markdown report's figures and reason sentences are the manifest's accounting."""
    out = sample_analysis(tmp_path_factory)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    rows = manifest["rows"]
    md = (out / "report.md").read_text(encoding="utf-8")
    figures = [_int(n) for n in re.findall(r"\*\*(\d[\d\\.,]*)\*\*", md.replace("\\", ""))[:4]]
    assert figures == [rows["input"], rows["analysed"], rows["excluded_total"], rows["distinct"]]
    assert rows["input"] == rows["analysed"] + rows["excluded_total"] and rows["analysed"] == rows["distinct"] + rows["duplicate_copies"]
    summary = md.split("## ", 2)[1]
    items = [line[2:] for line in summary.splitlines() if line.startswith("- ")]
    assert len(items) == len(rows["excluded"])
    column = LANGS.index(manifest["report_lang"])
    for reason, n in rows["excluded"].items():
        said = [i for i in items if MARKERS[reason][column].lower() in i.lower()]
        assert len(said) == 1 and _int(re.match(NUMBER, said[0]).group(1)) == n, (reason, said)
    assert manifest["title"] == {"text": "consulta_gobierno_abierto.xlsx", "origin": "file_name", "detail": ""}


def test_reasons_a_share_reads_100_or_0_percent_only_when_it_is():
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import share_of

    en, es = (ReportContext(tables={}, facts={}, lang=lang, taxonomy=None, settings={}) for lang in ("en", "es"))
    assert [share_of(en, 606, 607), share_of(es, 606, 607), share_of(en, 1, 20_000), share_of(en, 99_999, 100_000)] == [
        "99.8%",
        "99,8%",
        "0.005%",
        "99.999%",
    ]
    assert [share_of(en, 0, 5), share_of(en, 5, 5), share_of(en, 2, 3), share_of(en, 1, 0)] == ["0%", "100%", "67%", "0%"]


@pytest.mark.parametrize(
    "lang, said",
    [
        ("es", "Las más frecuentes de pocas palabras: «Sin fundamento» (4) y «Nada» (2)."),
        ("pt", "As mais frequentes de poucas palavras: «Sin fundamento» (4) e «Nada» (2)."),
        ("en", "The most frequent short ones: “Sin fundamento” (4) and “Nada” (2)."),
    ],
)
def test_reasons_quote_the_consultations_own_most_frequent_texts_never_a_lists_example(lang, said):
    # Claim check 50 (Chile 2016): "2.548 solo expresan una postura ... (como «acuerdo total» o «muy bien»)"; «muy bien» is
    # in none of them. Each reason now says what its rows say most often, in their words: texts written in 2 rows or more
    # (compared without case, accents or punctuation), of up to six words; one person's text is never quoted.
    frame = every_reason_frame()
    rows = frame.index[frame[schema.EXCLUDED] == schema.REASON_NON_ANSWER]
    texts = ["Sin fundamento", "sin fundamento.", "Sin fundamento", "SIN FUNDAMENTÓ", "nada", "Nada", "Una sola persona escribió esto"]
    frame.loc[rows[: len(texts)], schema.TEXT_REDACTED] = texts
    _, _, section = _summary_section(lang, frame=frame)
    items = next(b for b in section.blocks if b.kind == "list").items
    item = next(i for i in items if i.startswith("9 "))
    assert item.endswith(said), item
    assert "escribió" not in item
    # A reason whose rows all differ quotes nothing: no example a list holds and the consultation may not.
    plain = next(i for i in items if i.startswith("8 "))
    assert "«" not in plain and "“" not in plain, plain


@pytest.mark.parametrize("lang, label", [("es", "apartada (12% de las recibidas)"), ("pt", "separada (12% das recebidas)")])
def test_reasons_one_set_aside_agrees_in_number(lang, label):
    # PNDBio 2025: "1 separadas (0,2% das recebidas)".
    frame = every_reason_frame()
    frame = frame[(frame[schema.EXCLUDED] == "") | (frame.index == frame.index[frame[schema.EXCLUDED] == schema.REASON_JUNK][0])].copy()
    _, _, section = _summary_section(lang, frame=frame)
    labels = [f["label"] for f in section.blocks[0].figures]
    assert labels[2] == label, labels


def test_reasons_quote_texts_of_punctuation_alone_as_written():
    # Claim check 67 (Chile 2016): the unreadable rows' examples were «x», «xxx», «asd» while «.» filled 1,862 of 2,759.
    from consultnlp.summary.reasons import reason_examples

    frame = every_reason_frame()
    rows = frame.index[frame[schema.EXCLUDED] == schema.REASON_JUNK]
    texts = [".", ".", ".", "x", "x", "-"]
    frame.loc[rows[: len(texts)], schema.TEXT_REDACTED] = texts
    assert reason_examples(frame)[schema.REASON_JUNK] == [(".", 3), ("x", 2)]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "«A» (4; el valor de «acuerdo» en su fila en 4)"),
        ("pt", "«A» (4; o valor de «acuerdo» na sua linha em 4)"),
        ("en", "“A” (4; the value of “acuerdo” in its row in 4)"),
    ],
)
def test_reasons_an_example_that_is_another_columns_value_of_its_row_says_so(lang, expected):
    # Claim checks 87 and 89 (Chile 2016): «A» (823) was shown as a text too short to analyse; 708 of its rows have «A» in
    # their «acuerdo» column: the agreement code typed into the text field.
    frame = every_reason_frame()
    rows = frame.index[frame[schema.EXCLUDED] == "too_short"]
    frame["acuerdo"] = "D"
    frame.loc[rows[:4], schema.TEXT_REDACTED] = "A"
    frame.loc[rows[:4], "acuerdo"] = "A"
    frame.loc[rows[4:6], schema.TEXT_REDACTED] = "ok"  # no column holds "ok": nothing added
    _, _, section = _summary_section(lang, frame)
    items = next(b for b in section.blocks if b.kind == "list").items
    short = next(item for item in items if "(4" in item)
    assert expected in short and ("«ok» (2)" in short or "“ok” (2)" in short), short


@pytest.mark.parametrize("lang", LANGS)
def test_reasons_the_moderated_share_is_of_what_participants_wrote(lang):
    # Claim check 73 (Pol.is biodiversity): "147 were rejected by the platform's moderators" never said that this is 61% of
    # the 240 statements participants wrote (the organiser's 76 are counted apart).
    frame, _, section = _summary_section(lang)
    items = next(b for b in section.blocks if b.kind == "list").items
    moderated = next(item for item in items if MARKERS[schema.REASON_MODERATED][LANGS.index(lang)] in item)
    written = len(frame) - REASON_ROWS[schema.REASON_OFFICIAL]
    share = percent(REASON_ROWS[schema.REASON_MODERATED] / written, lang)
    expected = {
        "es": f"Son el {share} de las {written} escritas",
        "pt": f"São {share} das {written} escritas",
        "en": f"That is {share} of the {written} written",
    }
    assert expected[lang] in moderated, moderated


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "Son el 61% de las 240 escritas por participantes. El organizador volvió a publicar 16 de ellas reformuladas"),
        ("pt", "São 61% das 240 escritas por participantes. O organizador publicou de novo 16 delas reformuladas"),
        ("en", "That is 61% of the 240 written by participants. 16 of them were posted again, reworded, by the organiser"),
    ],
)
def test_reasons_the_moderated_say_how_many_the_organiser_posted_again(lang, expected):
    # Claim check 73 (Pol.is biodiversity): 16 of the 147 rejected statements survive as the organiser's rewordings,
    # analysed as their participants' ideas; the report said so of each quote but never how many.
    _, said = _moderated_sentence(lang, received=316, analysed=109, rejected=147, official=60, reworded=16)
    assert expected in said


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "De ellas, 19 son de participantes, el 15% de las 127 que escribieron; la otra es una reformulación del organizador."),
        ("pt", "Delas, 19 são de participantes, 15% das 127 que escreveram; a outra é uma reformulação do organizador."),
        ("en", "Of them, 19 are participants', 15% of the 127 they wrote; the other is one of the organiser's rewordings."),
    ],
)
def test_reasons_a_rejected_rewording_of_the_organiser_is_not_counted_as_a_participants(lang, expected):
    # Claim check 76 (Pol.is canadian electoral reform): "20 were rejected ... That is 16% of the 127 written by
    # participants. 6 of them were posted again" — one of the 20 was the organiser's rewording, rejected too: 19 of 127,
    # and 5 rewordings analysed.
    _, said = _moderated_sentence(lang, received=174, analysed=107, rejected=20, official=41, reworded=5, organiser_rejected=1)
    assert expected in said and ("5 " in said.split(expected)[1])


def test_reasons_the_organisers_rejected_rewordings_are_counted_from_the_frame():
    import pandas as pd

    from consultnlp.ingest.platforms import POLIS_ORGANISER, POLIS_RELAYED
    from consultnlp.summary.votes import organiser_rejected

    frame = pd.DataFrame(
        {
            POLIS_ORGANISER: ["true", "true", "true", "", ""],
            POLIS_RELAYED: ["84", "90", "", "", ""],
            schema.EXCLUDED: [schema.REASON_MODERATED, "", schema.REASON_OFFICIAL, schema.REASON_MODERATED, ""],
        },
        index=["85", "91", "1", "84", "90"],
    )
    assert organiser_rejected(frame) == (1, 1)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "De las 1.697 analizadas, 1.527 nunca pasaron por la moderación y nadie más que su autor votó sobre ellas"),
        ("pt", "Das 1.697 analisadas, 1.527 nunca passaram pela moderação e ninguém além do autor votou nelas"),
        ("en", "Of the 1,697 analysed, 1,527 were never reviewed by the moderators and no one but their author voted on them"),
    ],
)
def test_reasons_the_moderated_say_how_many_analysed_were_never_reviewed_nor_voted_on(lang, expected):
    # Claim check 92 (Pol.is march-on): "381 were rejected by the platform's moderators" read as if the rest had been
    # accepted; 1,527 of the 1,697 analysed were never reviewed, and no one but their author voted on them.
    from consultnlp.report.sections.common import quote_item

    ctx, said = _moderated_sentence(lang, received=2162, analysed=1697, rejected=381, official=67, unseen_by_voters=1527)
    assert expected in said
    # A quote no one but its author voted on says so instead of "1 agree, 0 disagree" (the author's own vote).
    unvoted = quote_item(ctx, {"comment_id": "884", "quote": "x", "agrees": 1, "disagrees": 0})["cite"]
    voted = quote_item(ctx, {"comment_id": "57", "quote": "x", "agrees": 732, "disagrees": 698})["cite"]
    assert (
        unvoted
        == "884, "
        + {
            "es": "nadie más que su autor votó sobre ella",
            "pt": "ninguém além do autor votou nela",
            "en": "no one but its author voted on it",
        }[lang]
    )
    assert "732" in voted and "698" in voted


def _moderated_sentence(lang: str, *, received: int, analysed: int, rejected: int, official: int, **facts: int):  # noqa: ANN202
    """(the report context, the sentence of the rows the moderators rejected) of a Pol.is run with these counts and the
    summary's other ``facts``."""
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import reason_sentence

    accounting = {
        "input": received,
        "analysed": analysed,
        "excluded": {schema.REASON_MODERATED: rejected, schema.REASON_OFFICIAL: official},
    }
    ctx = ReportContext(tables={}, facts={"accounting": accounting, **facts}, lang=lang, taxonomy=None, settings={})
    return ctx, reason_sentence(ctx, schema.REASON_MODERATED, rejected)
