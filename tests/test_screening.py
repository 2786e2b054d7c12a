"""Non-answers and process notes decided from the consultation's own evidence (consultnlp/screening.py)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from consultnlp.nonanswers import NO_ARGUMENT, NON_ANSWER, load_screen, normalise
from consultnlp.schema import REASON_PROCESS_NOTE
from consultnlp.screening import CorpusScreen

# A consultation's longer contributions: they make up its vocabulary (what its arguments are about).
ARGUMENTS = [
    f"Necesitamos un sistema de salud público {i} con más hospitales y agua potable para todas las comunas del país" for i in range(60)
] + [
    f"La corrupción en los municipios {i} se combate con transparencia, reuniones abiertas con la comunidad y control ciudadano"
    for i in range(60)
]


def _decide(short: list[str], **kwargs) -> dict[str, tuple[str, str]]:
    keys = pd.Series([normalise(t) for t in ARGUMENTS + short])
    return CorpusScreen(load_screen(), **kwargs).decide(keys)


def test_screening_new_placeholder_repeated_is_a_non_answer():
    # No list holds "diligenciado"; repeated across rows, with an absence word, it is a non-answer.
    verdicts = _decide(["Campo no diligenciado"] * 4)
    assert verdicts[normalise("Campo no diligenciado")][0] == NON_ANSWER
    assert load_screen().classify("Campo no diligenciado") == ""  # the lists alone miss it


def test_screening_placeholder_once_needs_a_listed_look_alike():
    verdicts = _decide(["sin fudamento", "no diligenciado"])
    assert verdicts[normalise("sin fudamento")][0] == NON_ANSWER  # a misspelt listed phrase
    assert normalise("no diligenciado") not in verdicts  # once, and like no listed phrase: kept
    assert not _decide(["sin peajes", "sin agua potable"])  # an absence word and a word the consultation does not use: kept


def test_screening_process_note_repeated_across_records():
    note = "Solo se llenó para el sistema"
    verdicts = _decide([note] * 5 + ["se discutio el tema pero no se transcribieron comentarios"] * 3)
    assert verdicts[normalise(note)][0] == REASON_PROCESS_NOTE
    assert normalise("se discutio el tema pero no se transcribieron comentarios") in verdicts


def test_screening_real_short_arguments_kept_even_when_repeated():
    kept = [
        "sin corrupción",
        "no hay salud sin agua",
        "más reuniones con la comunidad",
        "no abusar del sistema",
        "sistema de salud público",
        "sin peajes",
    ]
    verdicts = _decide([t for t in kept for _ in range(5)])
    assert not {normalise(t) for t in kept} & set(verdicts), verdicts


def test_screening_a_listed_process_word_the_consultation_argues_with_is_content():
    screen = CorpusScreen(load_screen())
    screen.decide(pd.Series([normalise(t) for t in ARGUMENTS]))
    kinds = dict(screen.word_kinds("solo se lleno para el sistema"))
    assert kinds["sistema"] == "content" and kinds["lleno"] == "form"


def test_screening_once_is_not_repeated():
    verdicts = _decide(["Solo se llenó para el sistema"] * 2, min_repeats=3)
    assert not verdicts


def test_screening_cue_says_at_which_threshold_the_meaning_model_reads_a_text():
    corpus = CorpusScreen(load_screen())
    corpus.decide(pd.Series([normalise(t) for t in ARGUMENTS]))
    # A word that could make it a placeholder (an absence, form or foreign word), naming nothing the consultation argues with.
    assert corpus.cue(normalise("el facilitador no completó el campo")) == "placeholder"
    # Only words the consultation argues with: never a placeholder by the gated threshold.
    assert corpus.cue(normalise("más hospitales públicos")) == "none"
    # An absence word names what the text wants gone: never read.
    assert corpus.cue(normalise("sin corrupción en los municipios")) == "names_missing"


def test_screening_meaning_model_card_reads_its_thresholds(tmp_path):
    from consultnlp.nonanswers import MeaningModel

    card = {"embedder": "use-multilingual", "weights": [0.0] * 4, "intercept": 0.0, "threshold": 0.8}
    path = tmp_path / "model.json"
    path.write_text(json.dumps(card), encoding="utf-8")
    old = MeaningModel.load(path)  # a card written before the second threshold: texts with no cue never read, 10 words
    assert (old.threshold, old.threshold_alone, old.max_words) == (0.8, 2.0, 10)
    path.write_text(json.dumps({**card, "threshold_alone": 0.97, "max_words": 14}), encoding="utf-8")
    new = MeaningModel.load(path)
    assert (new.threshold_alone, new.max_words) == (0.97, 14)


def test_screening_the_second_reading_needs_both_models_and_a_text_in_words_the_consultation_hardly_uses(tmp_path):
    # Stop 47: a second model trained on every written set but the newest reads new wordings the first misses, and alone
    # it read NHS feedback («Responded very quickly to my 999 call») as placeholders: a text is read by it only where the
    # first model reads it at its floor, at the first's own threshold (a word that could make it a placeholder), and
    # where the caller allows it (``widely``: no word the consultation argues with).
    from consultnlp.nonanswers import MeaningModel

    card = {"embedder": "use-multilingual", "weights": [1.0, 0.0], "intercept": 0.0, "threshold": 0.8}
    (tmp_path / "model.json").write_text(json.dumps(card), encoding="utf-8")
    wide = {**card, "weights": [0.0, 1.0], "threshold": 0.9, "floor": 0.5}
    (tmp_path / "wide.json").write_text(json.dumps(wide), encoding="utf-8")
    alone = MeaningModel.load(tmp_path / "model.json")
    both = MeaningModel.load(tmp_path / "model.json", wide=tmp_path / "wide.json")
    assert alone.wide is None and both.wide is not None and both.floor == 0.5
    logit = lambda p: float(np.log(p / (1 - p)))  # noqa: E731 - a vector whose probability is p
    vectors = np.array([[logit(0.85), logit(0.1)], [logit(0.6), logit(0.95)], [logit(0.4), logit(0.99)], [logit(0.6), logit(0.8)]])
    at = np.array([0.8, 0.8, 0.8, 0.8])
    assert alone.reads(vectors, at).tolist() == [True, False, False, False]
    assert both.reads(vectors, at).tolist() == [True, True, False, False]  # the floor; the wider one's threshold
    asked = []
    allowed = lambda rows: [asked.extend(rows.tolist()) or i != 1 for i in rows]  # noqa: E731 - the second row is argued
    assert both.reads(vectors, at, allowed).tolist() == [True, False, False, False]
    assert asked == [1]  # only the rows the second reading would add are looked at
    assert both.reads(vectors, np.array([0.8, 0.97, 0.8, 0.8])).tolist() == [True, False, False, False]  # read at another threshold


def test_screening_a_text_in_words_the_consultation_argues_with_is_left_to_the_first_reading():
    feedback = [f"The crew responded quickly and kept me calm all the way to the hospital, visit {i}" for i in range(30)] + ARGUMENTS
    corpus = CorpusScreen(load_screen())
    corpus.decide(pd.Series([normalise(t) for t in feedback]))
    assert corpus.argued("Responded very quickly to my call")  # "quickly": in most of this consultation's texts
    assert not corpus.argued("Survey will not load on my phone")  # words it hardly uses


def test_screening_a_stated_position_is_never_a_placeholder_by_meaning(tmp_path):
    """The meaning model reads bare stances ("Me opongo" 0.96, "I object to this" 0.99) as placeholders; a text that
    states a position is a position without a reason instead (written set 9). A placeholder no list holds is still read."""
    from consultnlp import schema
    from consultnlp.config import PipelineConfig
    from consultnlp.embedders.use import UseEmbedder
    from consultnlp.ingest import ingest
    from consultnlp.pipeline import run_pipeline

    texts = ARGUMENTS + ["Me opongo", "I object to this", "Não concordo com isso", "el facilitador no completó el campo"]
    path = tmp_path / "c.csv"
    pd.DataFrame({"id": [f"c{i}" for i in range(len(texts))], "text": texts}).to_csv(path, index=False)
    frame, info = ingest(path, text_column="text", id_column="id")
    result = run_pipeline(frame, info, PipelineConfig(stages=["clean", "screen"], workers=1), embedder=UseEmbedder(threads=1))
    excluded = dict(zip(result.frame[schema.TEXT], result.frame[schema.EXCLUDED]))
    assert result.context.stats["screen_meaning"]["used"]
    assert excluded["el facilitador no completó el campo"] == NON_ANSWER
    for stance in ("Me opongo", "I object to this", "Não concordo com isso"):
        assert excluded[stance] in ("", NO_ARGUMENT), stance  # a position without a reason: the positions count it
    assert excluded["Me opongo"] == NO_ARGUMENT  # the model reads it as a placeholder (0.96)


def test_screening_an_edit_that_quotes_the_draft_is_never_a_placeholder_by_meaning(tmp_path):
    """PNDBio 2025: «Inserção da palavra “processos” depois de “equipamentos”;», an edit to the draft, was set aside as a
    placeholder by the meaning model («processos» is a process word, the rest rare). A text that quotes words beside its
    own is about those words: the model never reads it. A quoted placeholder alone is still one."""
    from consultnlp import schema
    from consultnlp.config import PipelineConfig
    from consultnlp.embedders.use import UseEmbedder
    from consultnlp.ingest import ingest
    from consultnlp.nonanswers import quotes_words
    from consultnlp.pipeline import run_pipeline

    edit = "Inserção da palavra “processos” depois de “equipamentos”;"
    assert quotes_words(edit) and quotes_words('Substituir "deve" por "poderá" no art. 3')
    assert not quotes_words('"N/A"') and not quotes_words("«sin comentarios»") and not quotes_words("I don't know")
    texts = ARGUMENTS + [edit, "el facilitador no completó el campo"]
    path = tmp_path / "c.csv"
    pd.DataFrame({"id": [f"c{i}" for i in range(len(texts))], "text": texts}).to_csv(path, index=False)
    frame, info = ingest(path, text_column="text", id_column="id")
    result = run_pipeline(frame, info, PipelineConfig(stages=["clean", "screen"], workers=1), embedder=UseEmbedder(threads=1))
    excluded = dict(zip(result.frame[schema.TEXT], result.frame[schema.EXCLUDED]))
    assert excluded[edit] == ""
    assert excluded["el facilitador no completó el campo"] == NON_ANSWER


# Notes with no staff label before a colon: with one ("Nota de la relatora: ...") the lists' rule sets them aside first.
LONG_NOTES = [
    "La relatora anota que el grupo se quedó sin tiempo discutiendo la hora de la próxima reunión y no dejó nada escrito aquí",
    "A entrevistadora registrou que o morador não quis responder a esta parte e pediu para voltar outro dia",
    "The facilitator noted that the group spent the whole session on introductions and did not get to this question at all",
]


def _screened_with_models(tmp_path, texts):  # noqa: ANN001, ANN202
    from consultnlp.config import PipelineConfig
    from consultnlp.embedders.use import UseEmbedder
    from consultnlp.ingest import ingest
    from consultnlp.pipeline import run_pipeline

    path = tmp_path / "c.csv"
    pd.DataFrame({"id": [f"c{i}" for i in range(len(texts))], "text": texts}).to_csv(path, index=False)
    frame, info = ingest(path, text_column="text", id_column="id")
    return run_pipeline(frame, info, PipelineConfig(stages=["clean", "screen"], workers=1), embedder=UseEmbedder(threads=1))


def test_screening_longer_notes_about_the_meeting_or_form_are_read_by_the_longer_texts_model(tmp_path):
    """No list or word rule reads past 10 words: set 16's first reading set aside none of its 51 non-answers of 13-24
    words. The longer texts' model (``model_long.json``, 11-40 words) reads notes about the form, the meeting or the
    respondent (these were written for this test, not taken from a set); the arguments around them stay."""
    from consultnlp import schema
    from consultnlp.nonanswers import LONG_MODEL_PATH, MeaningModel

    card = MeaningModel.load(LONG_MODEL_PATH)
    assert (card.min_words, card.max_words) == (11, 40) and 0 < card.max_share < 0.1
    # About the consultation itself, and asking for something: a contribution (the model read the first as a note, 0.98).
    demands = [
        "¿Cómo van a devolver los resultados de esta consulta? Pido un informe de respuesta punto por punto.",
        "The council should publish a response to every submission made in this consultation, point by point.",
    ]
    result = _screened_with_models(tmp_path, ARGUMENTS + LONG_NOTES + demands)
    excluded = dict(zip(result.frame[schema.TEXT], result.frame[schema.EXCLUDED]))
    assert [excluded[note] for note in LONG_NOTES] == [NON_ANSWER] * 3
    assert all(excluded[argument] == "" for argument in ARGUMENTS + demands)
    stats = result.context.stats["screen_meaning"]
    assert stats["rows_longer"] == 3 and not stats["longer_outside"]


def test_screening_the_longer_texts_model_is_not_used_where_it_reads_a_consultations_own_answers_as_notes(tmp_path):
    """NHS patient feedback: the model read 9% of its longer answers as notes (accounts of calls, of being listened to).
    Past ``max_share`` of the longer texts read (and past 3), a consultation is outside what it learned: none is set aside."""
    from consultnlp import schema

    notes = [f"{note} (mesa {i})" for i in range(10) for note in LONG_NOTES]
    result = _screened_with_models(tmp_path, ARGUMENTS + notes)
    assert result.context.stats["screen_meaning"]["longer_outside"]
    assert (result.frame[schema.EXCLUDED] == "").sum() == len(ARGUMENTS) + len(notes)


def test_screening_a_test_word_beside_only_numbers_and_words_nobody_uses_is_a_test_entry():
    # Unseen Pol.is exports analysed "CIOB testing" and "test etasetsd" as contributions (claim check 54).
    entries = ["CIOB testing", "test etasetsd", "teste 123", "prueba 2 xkqz"]
    kept = ["Teste do pezinho gratuito", "test scores matter", "More testing", "Test results for every school"]
    verdicts = _decide(entries + kept)
    assert all(verdicts.get(normalise(t), ("",))[0] == NON_ANSWER for t in entries), verdicts
    assert not any(normalise(t) in verdicts for t in kept)


def test_screening_without_a_cache_the_embed_stage_takes_the_screens_vectors(tmp_path):
    """The longer texts' model embeds most texts in the screen stage; with no cache (``--no-cache``) the embed stage would
    encode them all again. It takes the screen's vectors instead, identical to its own."""
    from consultnlp.config import PipelineConfig
    from consultnlp.embedders.use import UseEmbedder
    from consultnlp.ingest import ingest
    from consultnlp.pipeline import run_pipeline

    texts = ARGUMENTS[60:80] + LONG_NOTES  # none asks for anything: the longer texts' model reads them all
    path = tmp_path / "c.csv"
    pd.DataFrame({"id": [f"c{i}" for i in range(len(texts))], "text": texts}).to_csv(path, index=False)
    frame, info = ingest(path, text_column="text", id_column="id")
    stages = ["clean", "screen", "language", "dedupe", "redact", "embed"]
    config = PipelineConfig(stages=stages, workers=1)
    config.embed.cache = False
    result = run_pipeline(frame, info, config, embedder=UseEmbedder(threads=1))
    assert result.context.stats["embeddings_computed"] == 0  # every analysed text was read by the screen first
    assert result.context.vector_memo is None  # dropped once used
    alone = UseEmbedder(threads=1).encode([ARGUMENTS[60]])
    units = list(result.context.unit_ids)
    first = units.index(result.frame.index[result.frame["text_clean"] == ARGUMENTS[60]][0])
    assert np.array_equal(np.asarray(result.context.embeddings)[first], alone[0])
