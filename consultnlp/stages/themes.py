"""Theme tagging against a commitment taxonomy or with a trained classifier.

``themes.method``:

- ``keywords``: taxonomy keywords found in the lemmas. Keywords are lemmatised with the
  same spaCy lemmatiser as the comments and compared without accents, so "información",
  "informacion" and "informaciones" all match.
- ``zero-shot``: keywords plus embedding similarity to the theme descriptions, with
  thresholds calibrated on the consultation (``consultnlp/themes/zeroshot.py``).
- ``supervised``: a classifier trained with ``consultnlp themes train`` (``themes.model``),
  optionally restricted to the labels of each row's question (``themes.group_column``).

A comment may carry several themes, or ``other`` when none passes. ``theme_scores`` keeps
each theme's score and ``theme_evidence`` why it was given (keywords, ``sim=0.41``, ``p=0.62``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.config import ThemesConfig
from consultnlp.errors import ConfigError, PipelineError
from consultnlp.stages.base import RunContext, Stage, broadcast_to_duplicates, unit_mask
from consultnlp.stages.nlp import SUPPORTED, Lemmatizer
from consultnlp.taxonomy import LabelTaxonomy, Taxonomy, load_taxonomy
from consultnlp.text import strip_accents

OUTPUT_COLUMNS = [schema.THEMES, schema.THEME_SCORES, schema.THEME_EVIDENCE]


def fold(text: str) -> str:
    """Lower case without accents."""
    return strip_accents(text.lower())


_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=500_000)  # a consultation repeats a small vocabulary: 3.8M calls for 178k comments
def _stem(token: str) -> str:
    """A crude plural stripper for folded es/pt/en tokens; only consistency between keyword and text matters."""
    if len(token) <= 3:
        return token
    if token.endswith("oes") or token.endswith("aes"):
        return token[:-3] + "ao"  # pt: licitacoes -> licitacao
    if len(token) > 4 and token[-3:] in ("ais", "eis", "ois"):
        return token[:-2] + "l"  # pt: ambientais -> ambiental, renovaveis -> renovavel
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"  # en: bodies -> body
    if token.endswith("es") and len(token) > 4 and token[-3] in "rlndzjsy":
        return token[:-2]  # es: ciudades -> ciudad, leyes -> ley
    if token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def surface_tokens(text: str) -> list[str]:
    """Folded, plural-stripped word tokens of ``text``, stopwords kept."""
    return [_stem(t) for t in _NON_WORD.split(fold(text)) if t]


class KeywordMatcher:
    """Finds taxonomy keywords in comments.

    A one-word keyword is matched on the comment's lemmas (so verbs and plurals match
    their base form) and on its plural-stripped surface words. A keyword of several words,
    or one that the lemmatiser would turn into a stopword, is matched only as a phrase of
    plural-stripped surface words, stopwords kept: lemmatising "obras públicas" would drop "públicas" (a consultation stopword)
    and leave "obra", which is far too broad.

    The longest match wins across themes: a keyword whose every occurrence lies inside a
    longer phrase of another theme does not count for its own theme ("justiça" inside
    "justiça climática" is climate action, not the justice system; "health" inside
    "soil health" is the environment).
    """

    def __init__(self, taxonomy: Taxonomy, lemmatizer: Lemmatizer) -> None:
        self.order = {t.id: i for i, t in enumerate(taxonomy.themes)}
        self.words: dict[str, dict[str, set[tuple[str, str]]]] = {}
        self.phrases: dict[str, dict[str, set[tuple[str, str]]]] = {}
        self.first_words: dict[str, frozenset[str]] = {}  # first word of every phrase, to skip most n-grams
        self.max_len = 1
        for lang in SUPPORTED:
            word_table: dict[str, set[tuple[str, str]]] = defaultdict(set)
            phrase_table: dict[str, set[tuple[str, str]]] = defaultdict(set)
            stop = lemmatizer.stopwords(lang)
            single: dict[tuple[str, str], list[str]] = defaultdict(list)  # (theme, lemma) -> one-word keywords
            for theme in taxonomy.themes:
                for keyword in theme.keywords.get(lang, []):
                    words = surface_tokens(keyword)
                    lemma = fold(lemmatizer.lemmatize_phrase(keyword, lang))
                    if len(words) == 1 and lemma and len(lemma.split()) == 1 and lemma not in stop:
                        single[(theme.id, lemma)].append(keyword)
                    elif words:
                        phrase_table[" ".join(words)].add((theme.id, keyword))
                        self.max_len = max(self.max_len, len(words))
            for (theme_id, lemma), keywords in single.items():
                # Keywords sharing a lemma ("vote", "voting") are one mention, shown in base form. They are
                # also matched as plural-stripped surface words: the lemmatiser is not always consistent
                # between a keyword and the same word in a sentence (pt "queimadas" -> "queimar").
                shown = min(keywords, key=lambda k: (fold(k) != lemma, -len(k.encode()), k))
                word_table[lemma].add((theme_id, shown))
                for keyword in keywords:
                    phrase_table[surface_tokens(keyword)[0]].add((theme_id, shown))
            self.words[lang] = dict(word_table)
            self.phrases[lang] = dict(phrase_table)
            self.first_words[lang] = frozenset(p.split()[0] for p in phrase_table)
        self.any_first_word = frozenset().union(*self.first_words.values())

    def match(self, lemmas: str, lang: str, text: str = "") -> dict[str, list[str]]:
        """Theme id -> the keywords (as written in the taxonomy) found in ``lemmas`` or, for phrases, ``text``."""
        langs = [lang] if lang in self.words else list(self.words)
        found: dict[str, set[str]] = defaultdict(set)
        for token in fold(lemmas).split():
            for l in langs:
                for theme_id, keyword in self.words[l].get(token, ()):
                    found[theme_id].add(keyword)
        tokens = surface_tokens(text) if text else []
        spans: list[tuple[int, int, str]] = []  # phrase matches: start, end, theme
        first = self.first_words[lang] if lang in self.words else self.any_first_word
        for n in range(2, self.max_len + 1) if tokens else ():
            for i in range(len(tokens) - n + 1):
                if tokens[i] not in first:  # no phrase starts with this word: skip building the n-gram
                    continue
                for l in langs:
                    for theme_id, keyword in self.phrases[l].get(" ".join(tokens[i : i + n]), ()):
                        found[theme_id].add(keyword)
                        spans.append((i, i + n, theme_id))
        for token in tokens:  # one-word keywords as surface words
            for l in langs:
                for theme_id, keyword in self.phrases[l].get(token, ()):
                    found[theme_id].add(keyword)
        if spans:
            for theme_id, keywords in found.items():
                keywords -= {k for k in keywords if _inside_other_theme(surface_tokens(k), tokens, spans, theme_id)}
        return {k: _distinct(v) for k, v in found.items() if v}


def _inside_other_theme(words: list[str], tokens: list[str], spans: list[tuple[int, int, str]], theme_id: str) -> bool:
    """True when every occurrence of ``words`` in ``tokens`` lies inside a longer phrase match of another theme."""
    n = len(words)
    starts = [i for i in range(len(tokens) - n + 1) if tokens[i : i + n] == words]
    return bool(starts) and all(
        any(a <= i and i + n <= b and b - a > n and other != theme_id for a, b, other in spans) for i in starts
    )


def _distinct(keywords: set[str]) -> list[str]:
    """One entry per thing mentioned: spelling variants ("información" / "informacion", "mudança climática" /
    "mudanças climáticas") count once, the accented one shown, and a keyword found inside a longer one
    ("indígena" in "povos indígenas") is left out, so the number of hits counts distinct mentions."""
    best: dict[str, str] = {}
    for word in sorted(keywords):
        key = " ".join(surface_tokens(word))
        if key not in best or len(word.encode()) > len(best[key].encode()):
            best[key] = word
    inside = {k for k in best if any(k != other and f" {k} " in f" {other} " for other in best)}
    return sorted(word for key, word in best.items() if key not in inside)


def assign(found: dict[str, list[str]], order: dict[str, int], *, min_hits: int, max_themes: int) -> tuple[list[str], list[float]]:
    """Themes with at least ``min_hits`` distinct keywords, most hits first (taxonomy order breaks ties)."""
    ranked = sorted(((len(v), k) for k, v in found.items() if len(v) >= min_hits), key=lambda x: (-x[0], order[x[1]]))
    chosen = ranked[:max_themes]
    return [k for _, k in chosen], [round(h / (h + 1), 3) for h, _ in chosen]


def _join(ids: list[str], scores: list[float], evidence: list[str]) -> tuple[str, str, str]:
    return (
        ";".join(ids) or schema.OTHER_THEME,
        ";".join(f"{i}:{v}" for i, v in zip(ids, scores)),
        ";".join(f"{i}:{e}" for i, e in zip(ids, evidence)),
    )


class ThemesStage(Stage):
    """Adds ``themes``, ``theme_scores`` and ``theme_evidence``."""

    name = "themes"
    requires = (schema.LEMMAS, schema.LANG, schema.TEXT_REDACTED)
    provides = tuple(OUTPUT_COLUMNS)

    def __init__(self, config: ThemesConfig) -> None:
        super().__init__(config)
        if config.method == "supervised":
            if not config.model:
                raise ConfigError("themes.method is 'supervised' but themes.model is empty. Use --theme-model models/NAME.")
            # Only the text is needed; per-instance so the pipeline's chain check sees it.
            self.requires = (schema.TEXT_REDACTED,)  # type: ignore[misc]
            self.taxonomy: Any = None
        else:
            self.taxonomy = load_taxonomy(config.taxonomy)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: ThemesConfig = self.config
        out = frame.copy()
        units = out[unit_mask(out)]
        if cfg.method == "supervised":
            rows = self._supervised(units, context)
        elif cfg.method == "zero-shot":
            rows = self._zero_shot(units, context)
        else:
            rows = self._keywords(units, context)
        for col in OUTPUT_COLUMNS:
            out[col] = ""
        if rows:
            values = np.array(rows, dtype=object)
            for k, col in enumerate(OUTPUT_COLUMNS):
                out.loc[units.index, col] = values[:, k]
        broadcast_to_duplicates(out, OUTPUT_COLUMNS, {})
        context.taxonomy = self.taxonomy
        context.stats["themes_method"] = cfg.method
        context.stats["themes_other_share"] = round(float(np.mean([r[0] == schema.OTHER_THEME for r in rows])), 4) if rows else 0.0
        return out

    def _matches(self, units: pd.DataFrame, context: RunContext) -> list[dict[str, list[str]]]:
        matcher = KeywordMatcher(self.taxonomy, context.lemmatizer or Lemmatizer())
        rows = zip(units[schema.LEMMAS].astype(str), units[schema.LANG].astype(str), units[schema.TEXT_REDACTED].astype(str))
        return [matcher.match(lemmas, lang, text) for lemmas, lang, text in rows]

    def _keywords(self, units: pd.DataFrame, context: RunContext) -> list[tuple[str, str, str]]:
        cfg: ThemesConfig = self.config
        order = {t.id: i for i, t in enumerate(self.taxonomy.themes)}
        rows = []
        with context.progress.task("Tagging themes", total=len(units)) as task:
            for found in self._matches(units, context):
                ids, vals = assign(found, order, min_hits=cfg.min_keyword_hits, max_themes=cfg.max_themes)
                rows.append(_join(ids, vals, ["|".join(found[i]) for i in ids]))
            task.advance(len(units))
        return rows

    def _zero_shot(self, units: pd.DataFrame, context: RunContext) -> list[tuple[str, str, str]]:
        from consultnlp.themes.zeroshot import ZeroShotTagger, similarities, theme_prototypes

        cfg: ThemesConfig = self.config
        if len(units) == 0:
            return []
        if context.embeddings is None or context.unit_ids is None or context.embedder is None:
            raise PipelineError(
                "themes.method 'zero-shot' needs comment embeddings: add 'embed' before 'themes' in stages, "
                "or use --set themes.method=keywords."
            )
        position = context.unit_ids.get_indexer(units.index)
        if (position < 0).any():
            raise PipelineError("the embeddings do not cover every analysed comment; run 'embed' right before 'themes'.")
        n_themes = len(self.taxonomy.themes)
        if n_themes < cfg.similarity_min_themes:
            context.warn(
                f"themes: the taxonomy has {n_themes} theme(s), fewer than themes.similarity_min_themes "
                f"({cfg.similarity_min_themes}); with so few, the most similar theme is not evidence, so themes come "
                "from keywords only. Add themes, or lower the setting to use embedding similarity anyway."
            )
        with context.progress.task("Tagging themes (zero-shot)", total=len(units)) as task:
            prototypes = theme_prototypes(self.taxonomy, context.embedder, context)
            sims = similarities(context.embeddings, units[schema.LANG].astype(str).tolist(), prototypes, rows=position)
            tagger = ZeroShotTagger(
                self.taxonomy, min_keyword_hits=cfg.min_keyword_hits, max_themes=cfg.max_themes,
                min_contrast=cfg.min_contrast, min_z=cfg.min_z, min_similarity=cfg.min_similarity,
                margin=cfg.similarity_margin, min_words=cfg.similarity_min_words, min_themes=cfg.similarity_min_themes,
                keyword_min_contrast=cfg.keyword_min_contrast, keyword_margin=cfg.keyword_margin,
                calibration=cfg.calibration,
            ).calibrate(sims, prototypes)
            words = units[schema.LEMMAS].astype(str).str.split().str.len().fillna(0).astype(int).tolist()
            assignments = tagger.assign(self._matches(units, context), sims, words)
            task.advance(len(units))
        return [_join(a.themes, a.scores, a.evidence) for a in assignments]

    def _supervised(self, units: pd.DataFrame, context: RunContext) -> list[tuple[str, str, str]]:
        from consultnlp.themes.training import embed_unique, load_model, model_embedder

        cfg: ThemesConfig = self.config
        model, card = load_model(cfg.model)  # type: ignore[arg-type]
        self.taxonomy = LabelTaxonomy.from_labels(card.get("name") or Path(str(cfg.model)).name, list(model.classes_))
        groups = self._groups(units, model, context)
        if len(units) == 0:
            return []
        texts = units[schema.TEXT_REDACTED].astype(str).tolist()
        embeddings = None
        if model.settings.uses_embeddings:
            embedder = model_embedder()
            same = context.embedder is not None and context.embeddings is not None and context.unit_ids is not None
            # The model was trained on ALL-CAPS comments embedded in lower case, as analyze does by default.
            same = same and getattr(context.embed_config, "lowercase_caps", True)
            position = context.unit_ids.get_indexer(units.index) if same else None
            if same and context.embedder.key == embedder.key and (position >= 0).all():
                embeddings = context.embeddings[position]
            else:
                embeddings = embed_unique(texts, embedder, context)
        with context.progress.task("Tagging themes (classifier)", total=len(units)) as task:
            scores = model.scores(texts, groups=groups, embeddings=embeddings)
            labels = model.predict_sets(scores, min_probability=cfg.min_probability, max_labels=cfg.max_themes)
            prob = model.probabilities(scores)
            index = {c: i for i, c in enumerate(model.classes_)}
            rows = []
            for i, chosen in enumerate(labels):
                vals = [round(float(prob[i, index[l]]), 3) for l in chosen]
                rows.append(_join(chosen, vals, [f"p={v:.2f}" for v in vals]))
            task.advance(len(units))
        return rows

    def _groups(self, units: pd.DataFrame, model: Any, context: RunContext) -> list[str] | None:
        column = self.config.group_column
        if column is None:
            if model.group_labels_ is not None:
                context.warn(
                    "the theme model has per-question label sets, but themes.group_column is not set: every label is allowed. "
                    "Set --set themes.group_column=COLUMN to restrict labels to each row's question."
                )
            return None
        if column not in units.columns:
            raise ConfigError(f"themes.group_column: the input has no column {column!r}. Use one of the input's columns.")
        if model.group_labels_ is None:
            context.warn(f"themes.group_column={column} is ignored: the theme model was trained without --group-column.")
            return None
        groups = units[column].fillna("").astype(str).str.strip().tolist()
        unknown = model.unknown_groups(groups)
        if unknown:
            context.warn(
                f"{sum(g in set(unknown) for g in groups)} comment(s) have a {column} value the theme model never saw "
                f"({', '.join(unknown[:5])}); they may receive any label."
            )
        return groups
