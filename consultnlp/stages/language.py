"""The language stage: ``lang`` and ``lang_score`` per comment (``consultnlp/langid.py`` scores them)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from consultnlp import schema
from consultnlp.config import LanguageConfig
from consultnlp.frame import analysed_mask, exclude
from consultnlp.i18n import Note
from consultnlp.langid import BATCH_SIZE, OTHER, best_outside, detect_languages
from consultnlp.schema import LANGUAGES
from consultnlp.stages.base import RunContext, Stage

# The consultation's language mix as a prior: counted on texts long and clear enough to be sure of (PRIOR_MIN_WORDS words,
# PRIOR_MIN_CONFIDENCE); ``langid.PRIOR_FLOOR`` keeps a language the file rarely uses.
PRIOR_MIN_WORDS = 8
PRIOR_MIN_CONFIDENCE = 0.9
# Texts this short, or detected with less confidence than this, are decided again with the prior.
PRIOR_MAX_WORDS = 12
PRIOR_MAX_CONFIDENCE = 0.99


def file_prior(langs: Sequence[str], scores: Sequence[float], word_counts: Sequence[int]) -> dict[str, float]:
    """The share of es, pt and en among the texts detected with confidence (long enough, clear enough), and under
    ``other`` the share of those, all languages counted, in a language outside them. An Austrian Pol.is conversation
    (97% German): its short statements («mehr Wasserkraft», «Häuser energieautark machen») were analysed as English,
    py3langid's best of es/pt/en; the German the consultation is written in now decides them."""
    counts = dict.fromkeys(LANGUAGES, 0)
    others = 0
    for lang, score, words in zip(langs, scores, word_counts):
        if score >= PRIOR_MIN_CONFIDENCE and words >= PRIOR_MIN_WORDS:
            if lang in counts:
                counts[lang] += 1
            elif lang == OTHER:
                others += 1
    total = sum(counts.values())
    prior = {lang: (n + 1) / (total + len(LANGUAGES)) for lang, n in counts.items()} if total else {}
    if others:
        prior[OTHER] = (others + 1) / (total + others + len(LANGUAGES) + 1)
    return prior


def _main_other_language(texts: pd.Series, langs: pd.Series, scores: pd.Series, words: pd.Series) -> str | None:
    """The language (py3langid's code) most of the clear texts in none of es/pt/en are in, as ``file_prior`` counts them."""
    clear = texts[(langs == OTHER) & (scores >= PRIOR_MIN_CONFIDENCE) & (words >= PRIOR_MIN_WORDS)]
    if clear.empty:
        return None
    found = [code for code in best_outside(list(pd.unique(clear))) if code]
    return max(sorted(set(found)), key=found.count) if found else None


def needs_prior(word_count: int, score: float) -> bool:
    """Whether a text's first detection is weak enough for the consultation's language mix to decide it."""
    return word_count <= PRIOR_MAX_WORDS or score < PRIOR_MAX_CONFIDENCE


class LanguageStage(Stage):
    """Adds ``lang`` and ``lang_score``; excludes rows whose language is not analysed."""

    name = "language"
    requires = (schema.TEXT_CLEAN,)
    provides = (schema.LANG, schema.LANG_SCORE)
    row_wise = True

    def __init__(self, config: LanguageConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: LanguageConfig = self.config
        out = frame.copy()
        texts = out[schema.TEXT_CLEAN].fillna("").astype(str)
        # Detect each distinct text once: campaigns repeat the same text thousands of times.
        uniques = pd.unique(texts.to_numpy())
        found_lang: dict[str, str] = {}
        found_score: dict[str, float] = {}
        with context.progress.task("Detecting language", total=len(uniques)) as task:
            for start in range(0, len(uniques), BATCH_SIZE):
                chunk = list(uniques[start : start + BATCH_SIZE])
                langs, scores = detect_languages(
                    chunk, languages=cfg.languages, min_letters=cfg.min_letters, min_confidence=cfg.min_confidence
                )
                found_lang.update(zip(chunk, langs))
                found_score.update(zip(chunk, scores))
                task.advance(len(chunk))
        out[schema.LANG] = texts.map(found_lang).astype(object)
        out[schema.LANG_SCORE] = texts.map(found_score).astype(float)
        return out

    def finish(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        """Decide short and unclear texts again with the consultation's language mix as a prior, then exclude
        the languages not analysed. Placeholders and two-word answers ("Autoexplicativo", "AUTONOMIA REGIONAL")
        in a Spanish consultation no longer come out Portuguese."""
        cfg: LanguageConfig = self.config
        out = frame.copy()
        analysed = analysed_mask(out)
        texts = out.loc[analysed, schema.TEXT_CLEAN].fillna("").astype(str)
        words = texts.str.split().str.len().fillna(0).astype(int)
        prior = file_prior(out.loc[analysed, schema.LANG].tolist(), out.loc[analysed, schema.LANG_SCORE].tolist(), words.tolist())
        if cfg.file_prior and prior:
            weak = [needs_prior(w, s) for w, s in zip(words, out.loc[analysed, schema.LANG_SCORE])]
            again = pd.unique(texts[weak].to_numpy())
            own = _main_other_language(texts, out.loc[analysed, schema.LANG], out.loc[analysed, schema.LANG_SCORE], words)
            if len(again):
                langs, scores = detect_languages(
                    list(again),
                    languages=cfg.languages,
                    min_letters=cfg.min_letters,
                    min_confidence=cfg.min_confidence,
                    prior=prior,
                    other_language=own,
                )
                rows = texts.index[weak]
                out.loc[rows, schema.LANG] = texts[weak].map(dict(zip(again, langs))).to_numpy()
                out.loc[rows, schema.LANG_SCORE] = texts[weak].map(dict(zip(again, scores))).to_numpy()
            context.stats["language_prior"] = {k: round(v, 4) for k, v in prior.items()}
        exclude(out, ~out[schema.LANG].isin(cfg.languages), schema.REASON_LANGUAGE, self.name)
        other = out.loc[analysed & (out[schema.LANG] == OTHER), schema.TEXT_CLEAN].fillna("").astype(str)
        if len(other):
            # Which languages the "other" rows are in (the report names the main one: claim check 60, an Austrian
            # conversation whose report never said it was in German).
            best = dict(zip(pd.unique(other), best_outside(list(pd.unique(other)))))
            counts = other.map(best).replace("", pd.NA).dropna().value_counts()
            context.stats["other_languages"] = {str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}
        return out

    def notes(self, before: pd.DataFrame, after: pd.DataFrame) -> list[Note]:
        newly = (after[schema.EXCLUDED_STAGE] == self.name) & (before[schema.EXCLUDED] == "")
        if not newly.any():
            return []
        counts = {str(k): int(v) for k, v in after.loc[newly, schema.LANG].value_counts().items()}
        return [Note("note_language_excluded", {"n": int(newly.sum()), "counts": counts, "languages": list(self.config.languages)})]
