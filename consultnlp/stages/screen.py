"""The screen stage: rows that are not citizens' contributions are set aside before language detection.

Row by row (``consultnlp/nonanswers.py``): listed placeholders and reason-free statements. Then over
the whole file (``finish``): the organiser's own rows (author role, template; ``consultnlp/official.py``),
and non-answers and process notes decided from the consultation's own evidence (``consultnlp/screening.py``).
Placeholders ("Sin fundamento", "NO HAY FUNDAMENTO") fool language detection and form the largest
"topics" and "campaigns" when they are analysed, so they leave first.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.config import ScreenConfig
from consultnlp.embedders import TextEncoder, embedding_text, make_embedder
from consultnlp.frame import analysed_mask, exclude
from consultnlp.i18n import Note
from consultnlp.langid import detect_languages
from consultnlp.nonanswers import (
    LONG_MODEL_PATH,
    NO_ARGUMENT,
    NON_ANSWER,
    WIDE_MODEL_PATH,
    MeaningModel,
    load_screen,
    normalise,
    quotes_words,
)
from consultnlp.official import AUTHOR_ROLE, find_templates, role_is_official, template_mask
from consultnlp.positions import NONE
from consultnlp.positions.cues import CueDetector
from consultnlp.screening import CorpusScreen, repeated_in_record, restates_prompt
from consultnlp.stages.base import RunContext, Stage

# Columns whose name says they hold the author's role or type (when no platform export filled author_role).
_ROLE_NAME = re.compile(
    r"^(is[_ ]?)?(official|oficial)$|^(author|autor|user|usuario|usuário)[_ /.-]?(role|type|tipo|rol|papel)$|"
    r"^(tipo|rol|papel)[_ ](de[_ ])?(autor|usuario|usuário|participante)$",
    re.IGNORECASE,
)


LONG_MIN_OUTSIDE = 3  # the longer texts' model is found outside its domain only past this many texts and its max_share


class ScreenStage(Stage):
    """Sets aside non-answers, positions without a reason, the organiser's rows and process notes."""

    name = "screen"
    requires = (schema.TEXT_CLEAN,)
    provides = ()
    row_wise = True

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: ScreenConfig = self.config
        out = frame.copy()
        screen = load_screen(extra_non_answers=cfg.extra_non_answers, extra_no_arguments=cfg.extra_no_arguments, max_words=cfg.max_words)
        texts = out.loc[analysed_mask(out), schema.TEXT_CLEAN].astype(str)
        uniques = pd.unique(texts.to_numpy())
        with context.progress.task("Setting aside non-answers", total=len(uniques)) as task:
            verdict = {text: screen.classify(text) for text in uniques}
            task.advance(len(uniques))
        reasons = texts.map(verdict)
        if schema.CONTEXT in out:  # only its own prompt, word for word: the form's text, not an answer (claim check 91)
            reasons[restates_prompt(texts, out.loc[texts.index, schema.CONTEXT]) & (reasons == "")] = NON_ANSWER
        if schema.CONTEXT in out and (reasons == NON_ANSWER).any():
            # "Nothing." to "How could we improve?" says there is nothing to change, to "What was good?" that nothing was:
            # an appraisal, no placeholder.
            asked = out.loc[reasons.index[reasons == NON_ANSWER], schema.CONTEXT].fillna("").astype(str)
            pairs = {pair: screen.appraises_nothing(*pair) for pair in set(zip(texts[asked.index], asked))}
            changed = [i for i, pair in zip(asked.index, zip(texts[asked.index], asked)) if pairs[pair]]
            reasons.loc[changed] = NO_ARGUMENT
        for reason, wanted in ((NON_ANSWER, cfg.non_answers), (NO_ARGUMENT, cfg.no_arguments)):
            if wanted:
                exclude(out, out.index.isin(reasons.index[reasons == reason]), reason, self.name)
        return out

    def finish(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        """What needs the whole file: the organiser's rows, then repeated notes and placeholders."""
        cfg: ScreenConfig = self.config
        out = frame.copy() if (cfg.official or cfg.process_notes or cfg.corpus_evidence) else frame
        if cfg.official:
            self._set_aside_official(out, context)
        # Each analysed text normalised once, for the corpus evidence, the meaning models and the records' repeats.
        keys = out.loc[analysed_mask(out), schema.TEXT_CLEAN].astype(str).map(normalise)
        if cfg.process_notes or (cfg.corpus_evidence and cfg.non_answers):
            screen = load_screen(
                extra_non_answers=cfg.extra_non_answers, extra_no_arguments=cfg.extra_no_arguments, max_words=cfg.max_words
            )
            corpus = CorpusScreen(
                screen,
                max_words=cfg.max_words,
                process_max_words=cfg.process_max_words,
                min_repeats=cfg.min_repeats,
                foreign_share=cfg.foreign_share,
                content_share=cfg.content_share,
                seed_similarity=cfg.seed_similarity,
                field_words=tuple(normalise(w) for w in cfg.field_words),
            )
            with context.progress.task("Reading the consultation's own evidence", total=None):
                verdicts = corpus.decide(keys)
            reasons = keys.map(lambda k: verdicts.get(k, ("", ""))[0])
            wanted = {schema.REASON_PROCESS_NOTE: cfg.process_notes, NON_ANSWER: cfg.corpus_evidence and cfg.non_answers}
            for reason, on in wanted.items():
                if on:
                    exclude(out, out.index.isin(reasons.index[reasons == reason]), reason, self.name)
            # Counts only: the texts themselves are the citizens' (comments.* lists each row with its reason).
            kinds = pd.Series(
                [
                    f"{reason}: {'close to a listed non-answer' if why.startswith('close') else 'repeated'}"
                    for reason, why in verdicts.values()
                ],
                dtype=str,
            )
            context.stats["screen_evidence"] = {
                "texts": {k: int(v) for k, v in kinds.value_counts().sort_index().items()},
                "rows": {r: int((reasons == r).sum()) for r in wanted if wanted[r]},
            }
            if cfg.corpus_evidence and cfg.non_answers and cfg.meaning:
                self._set_aside_by_meaning(out, context, corpus, keys)
        # One record's (meeting's, author's) same text under ``record_prompts`` prompts or more: the first copy stays.
        analysed = analysed_mask(out)
        column, later = repeated_in_record(out.loc[analysed], keys.loc[out.index[analysed]], cfg.record_column, cfg.record_prompts)
        if column:
            rows = exclude(out, out.index.isin(later.index[later]), schema.REASON_REPEATED, self.name)
            context.stats["repeated_in_record"] = {"column": column, "min_prompts": cfg.record_prompts, "rows": rows}
        return out

    def _set_aside_by_meaning(self, out: pd.DataFrame, context: RunContext, corpus: CorpusScreen, keys: pd.Series) -> None:
        """Texts the meaning models (``consultnlp.nonanswers.MeaningModel``) read as placeholders or notes. Short texts
        (up to 10 words): at the model's threshold when a word could make the text one (an absence, form, process,
        courtesy or foreign word), at its higher ``threshold_alone`` otherwise; at the first, also by a second reading
        where a wider model agrees (``MeaningModel.reads``; not in words the consultation argues with). Longer ones (11 to 40 words: a note about
        the form, the meeting or the respondent) by a second model, at its threshold, where the text is in an analysed
        language (a note in another is left to the language stage, which sets it aside for its language). One whose cues
        state a position is a position without a reason (``no_argument``). A text that quotes words beside its own (an
        edit to the draft: «Inserção da palavra “processos” depois de “equipamentos”») is never read: it is about those
        words. Runs only with the embedder the models were trained on."""
        model, long_model = MeaningModel.load(wide=WIDE_MODEL_PATH), MeaningModel.load(LONG_MODEL_PATH)
        embedder, built = context.embedder, False
        if embedder is None and context.embed_config is not None and context.embed_config.embedder == getattr(model, "embedder", None):
            embedder, built = make_embedder(context.embed_config, context.random_state), True
        if model is None or embedder is None or embedder.name != model.embedder:
            context.stats["screen_meaning"] = {"used": False}
            return
        texts = out.loc[analysed_mask(out), schema.TEXT_CLEAN].astype(str)
        keys = keys.loc[texts.index]  # normalised once by ``finish``
        words = keys.str.split().str.len()
        langs = out.loc[texts.index, schema.LANG] if schema.LANG in out else pd.Series("", index=texts.index)
        lang_of = dict(zip(texts, langs))
        never = 2.0  # above any probability
        short = words.between(1, model.max_words) & ~texts.duplicated()  # each distinct text once, with its normalised key
        # The threshold a text is read at depends on its words (``CorpusScreen.cue``); a text no threshold can reach is not read.
        at = {"placeholder": model.threshold, "none": model.threshold_alone, "names_missing": never}
        read = [(text, never if quotes_words(text) else at[corpus.cue(key)]) for text, key in zip(texts[short], keys[short])]
        candidates = [(text, threshold) for text, threshold in read if threshold <= 1.0]
        read_long: list[tuple[str, float]] = []
        if long_model is not None and long_model.embedder == embedder.name:
            longer = words.between(long_model.min_words, long_model.max_words) & ~texts.duplicated()
            # A text that asks for something ("Pido un informe de respuesta punto por punto") is a contribution.
            read_long = [(text, long_model.threshold) for text in texts[longer] if not quotes_words(text) and not corpus.screen.asks(text)]
        chosen: dict[str, str] = {}
        outside = False  # the longer texts' model read too many of this consultation's texts as notes
        if candidates or read_long:
            use_cache = context.embed_config.cache if context.embed_config is not None else True
            # A large file's texts are embedded in the engine's worker processes, as the embed stage does (the workers
            # build the embedder from the embed section: only when it is the one built here). The vectors are cached, and
            # the embed stage finds them there.
            encoder = TextEncoder(
                embedder,
                cache_dir=context.cache_dir,
                progress=context.progress,
                engine=context.engine,
                worker_config=context.embed_config if built else None,
                use_cache=use_cache,
                random_state=context.random_state,
            )
            found: list[str] = []
            long_found: list[str] = []  # the longer texts' model's hits, checked for their language below
            for reader, batch, description in (
                (model, candidates, "Reading short texts for placeholders"),
                (long_model, read_long, "Reading longer texts for notes about the form"),
            ):
                if batch:
                    embedded = [embedding_text(t) for t, _ in batch]
                    vectors = encoder.encode_many(embedded, description=description)
                    if not use_cache:  # no cache for the embed stage to find them in: hand them over (``vector_memo``)
                        context.vector_memo = {**(context.vector_memo or {}), **dict(zip(embedded, np.asarray(vectors)))}
                    thresholds = np.array([threshold for _, threshold in batch], dtype=np.float64)
                    read_as = reader.reads(vectors, thresholds, lambda rows, batch=batch: [not corpus.argued(batch[i][0]) for i in rows])
                    hits = [text for (text, _), hit in zip(batch, read_as) if hit]
                    # A consultation whose own answers the model reads as notes by the dozen is outside what it learned:
                    # it is not used there (NHS patient feedback, 9% of its longer texts: accounts of calls and of being
                    # listened to; 0.4% at most in 20 Pol.is conversations, PNDBio, Plano Clima and ArgKP).
                    outside = reader is long_model and len(hits) > LONG_MIN_OUTSIDE and len(hits) > long_model.max_share * len(batch)
                    found += [] if outside else hits
                    long_found += hits if reader is long_model and not outside else []
            if long_found:  # a longer note in another language is that language's, not a non-answer (the language stage follows)
                detected, _ = detect_languages(long_found)
                other = {text for text, lang in zip(long_found, detected) if lang not in schema.LANGUAGES}
                found = [text for text in found if text not in other]
            # A text that states a position ("Me opongo", "ACUERDO PARCIAL (12/3)") and reads as a placeholder is a
            # position without a reason (``no_argument``: the positions count it), not a placeholder.
            detector = CueDetector()
            for text in found:
                chosen[text] = NON_ANSWER if detector.detect(text, lang_of[text]).position == NONE else NO_ARGUMENT
        reasons = texts.map(chosen).fillna("")
        rows = {
            reason: exclude(out, out.index.isin(texts.index[reasons == reason]), reason, self.name) for reason in (NON_ANSWER, NO_ARGUMENT)
        }
        longer_rows = int((reasons[words > model.max_words] != "").sum())
        context.stats["screen_meaning"] = {
            "used": True,
            "texts_read": len(candidates) + len(read_long),
            "texts": len(chosen),
            "rows": rows[NON_ANSWER],
            "rows_no_argument": rows[NO_ARGUMENT],
            "rows_longer": longer_rows,  # of those, texts of more than 10 words (the longer texts' model)
            "longer_outside": outside,  # ... which read too many as notes here, and was not used
        }
        context.embedder = embedder  # the embed stage uses the same one

    def _set_aside_official(self, out: pd.DataFrame, context: RunContext) -> None:
        cfg: ScreenConfig = self.config
        column = cfg.role_column or (
            AUTHOR_ROLE if AUTHOR_ROLE in out else next((c for c in out.columns if _ROLE_NAME.match(str(c))), None)
        )
        if column is not None and column in out:
            by_role = exclude(out, role_is_official(out[column]), schema.REASON_OFFICIAL, self.name)
            context.stats["official_by_role"] = {"column": str(column), "rows": by_role}
        analysed = analysed_mask(out)
        texts = out.loc[analysed, schema.TEXT].astype(str)
        templates = find_templates(texts, min_rows=cfg.template_min_rows, max_share=cfg.template_max_share)
        if templates:
            by_template = exclude(out, out.index.isin(texts.index[template_mask(texts, templates)]), schema.REASON_OFFICIAL, self.name)
            context.stats["official_templates"] = {"labels": [t.describe() for t in templates], "rows": by_template}

    def notes(self, before: pd.DataFrame, after: pd.DataFrame) -> list[Note]:
        newly = (after[schema.EXCLUDED_STAGE] == self.name) & (before[schema.EXCLUDED] == "")
        counts = after.loc[newly, schema.EXCLUDED].value_counts()
        if counts.empty or not (counts.get(NON_ANSWER, 0) or counts.get(NO_ARGUMENT, 0)):
            return []
        return [Note("note_set_aside", {"non_answer": int(counts.get(NON_ANSWER, 0)), "no_argument": int(counts.get(NO_ARGUMENT, 0))})]
