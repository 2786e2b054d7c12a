"""Theme tagging against a commitment taxonomy or with a trained classifier.

``themes.method``:

- ``keywords``: taxonomy keywords found in the lemmas (``consultnlp/themes/keywords.py``).
- ``zero-shot``: a calibrated lexical and semantic match of each comment against every theme's name,
  description and examples, with keywords that pass a sense check (``consultnlp/themes/zeroshot.py``).
- ``supervised``: a classifier trained with ``consultnlp themes train`` (``themes.model``),
  optionally restricted to the labels of each row's question (``themes.group_column``).

A comment may carry several themes, or ``other`` when none passes. ``theme_scores`` keeps
each theme's score and ``theme_evidence`` why it was given (keywords, ``sim=0.41|lex=0.20``, ``p=0.62``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.config import ThemesConfig
from consultnlp.errors import ConfigError, OptionError, PipelineError
from consultnlp.frame import broadcast_to_duplicates, unit_mask
from consultnlp.lemmas import Lemmatizer
from consultnlp.stages.base import RunContext, Stage
from consultnlp.taxonomy import LabelTaxonomy, load_taxonomy
from consultnlp.text import word_stems
from consultnlp.themes.keywords import KeywordMatcher, assign, join_assignment

OUTPUT_COLUMNS = [schema.THEMES, schema.THEME_SCORES, schema.THEME_EVIDENCE]


class _EmbeddingRows:
    """The analysed comments' rows of the run's embeddings, sliced a block at a time (never copied whole)."""

    def __init__(self, embeddings: Any, position: np.ndarray) -> None:
        self.embeddings, self.position = embeddings, position

    def __getitem__(self, block: slice) -> np.ndarray:
        return np.asarray(self.embeddings[self.position[block]])


class ThemesStage(Stage):
    """Adds ``themes``, ``theme_scores`` and ``theme_evidence``."""

    name = "themes"
    requires = (schema.LEMMAS, schema.LANG, schema.TEXT_REDACTED)
    provides = tuple(OUTPUT_COLUMNS)
    provides_data = ("taxonomy",)

    def __init__(self, config: ThemesConfig) -> None:
        super().__init__(config)
        # Keyword matching lemmatises the taxonomy like the comments; zero-shot also compares embeddings.
        self.requires_data = {"keywords": ("lemmatizer",), "zero-shot": ("lemmatizer", "embeddings")}.get(config.method, ())
        if config.method == "supervised":
            if not config.model:
                raise OptionError("themes.method is 'supervised' but themes.model is empty. Give {theme_model:models/NAME}.", "theme_model")
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
        """Keyword hits per unit; a keyword made of the consultation's own title's words is no evidence of a theme there
        ("county" in "Improving Bowling Green / Warren County": claim check 53, 40 of 44 tagged local government by it)."""
        matcher = KeywordMatcher(self.taxonomy, context.lemmatizer or Lemmatizer())
        rows = zip(units[schema.LEMMAS].astype(str), units[schema.LANG].astype(str), units[schema.TEXT_REDACTED].astype(str))
        found = [matcher.match(lemmas, lang, text) for lemmas, lang, text in rows]
        own = word_stems(context.title, 3)
        if not own:
            return found
        hit = {k for hits in found for keywords in hits.values() for k in keywords}  # each distinct keyword read once
        titled = {k for k in hit if (stems := word_stems(k, 3)) and stems <= own}
        if not titled:
            return found
        # The theme the title names keeps them: «housing» is evidence of Housing in "... on affordable housing" (read 68:
        # 11 of 30 housing contributions had no theme; 7 name housing).
        named = {theme.id for theme in self.taxonomy.themes if theme.named_by(own)}
        evidence = [{t: [k for k in keywords if k not in titled or t in named] for t, keywords in hits.items()} for hits in found]
        return [{t: keywords for t, keywords in hits.items() if keywords} for hits in evidence]

    def _keywords(self, units: pd.DataFrame, context: RunContext) -> list[tuple[str, str, str]]:
        cfg: ThemesConfig = self.config
        order = {t.id: i for i, t in enumerate(self.taxonomy.themes)}
        rows = []
        with context.progress.task("Tagging themes", total=len(units)) as task:
            for found in self._matches(units, context):
                ids, vals = assign(found, order, min_hits=cfg.min_keyword_hits, max_themes=cfg.max_themes)
                rows.append(join_assignment(ids, vals, ["|".join(found[i]) for i in ids]))
            task.advance(len(units))
        return rows

    def _zero_shot(self, units: pd.DataFrame, context: RunContext) -> list[tuple[str, str, str]]:
        from consultnlp.themes.zeroshot import CodebookTagger

        cfg: ThemesConfig = self.config
        if len(units) == 0:
            return []
        position = context.unit_ids.get_indexer(units.index)
        if (position < 0).any():
            raise PipelineError("the embeddings do not cover every analysed comment; run 'embed' right before 'themes'.")
        texts = units[schema.TEXT_REDACTED].astype(str).tolist()
        with context.progress.task("Tagging themes (zero-shot)", total=len(units)) as task:
            tagger = CodebookTagger(
                self.taxonomy,
                max_themes=cfg.max_themes,
                min_score=cfg.min_score,
                min_words=cfg.similarity_min_words,
                min_keyword_hits=cfg.min_keyword_hits,
            ).fit(texts, context.encoder)
            words = units[schema.LEMMAS].astype(str).str.split().str.len().fillna(0).astype(int).tolist()
            assignments = tagger.assign(
                _EmbeddingRows(context.embeddings, position),
                texts,
                units[schema.LANG].astype(str).tolist(),
                self._matches(units, context),
                words,
            )
            task.advance(len(units))
        return [join_assignment(a.themes, a.scores, a.evidence) for a in assignments]

    def _supervised(self, units: pd.DataFrame, context: RunContext) -> list[tuple[str, str, str]]:
        from consultnlp.themes.training import embed_unique, load_model, model_encoder

        cfg: ThemesConfig = self.config
        model, card = load_model(cfg.model)  # type: ignore[arg-type]
        self.taxonomy = LabelTaxonomy.from_labels(card.get("name") or Path(str(cfg.model)).name, list(model.classes_))
        groups = self._groups(units, model, context)
        if len(units) == 0:
            return []
        texts = units[schema.TEXT_REDACTED].astype(str).tolist()
        embeddings = None
        if model.settings.uses_embeddings:
            encoder = model_encoder(context.progress, context.cache_dir)
            # The model was trained on ALL-CAPS comments embedded in lower case, as analyze does by default.
            same = context.has("embeddings") and context.lowercase_caps and context.encoder.key == encoder.key
            position = context.unit_ids.get_indexer(units.index) if same else None
            if same and (position >= 0).all():
                embeddings = context.embeddings[position]
            else:
                embeddings = embed_unique(texts, encoder)
        with context.progress.task("Tagging themes (classifier)", total=len(units)) as task:
            scores = model.scores(texts, groups=groups, embeddings=embeddings)
            labels = model.predict_sets(scores, min_probability=cfg.min_probability, max_labels=cfg.max_themes)
            prob = model.probabilities(scores)
            index = {c: i for i, c in enumerate(model.classes_)}
            rows = []
            for i, chosen in enumerate(labels):
                vals = [round(float(prob[i, index[l]]), 3) for l in chosen]
                rows.append(join_assignment(chosen, vals, [f"p={v:.2f}" for v in vals]))
            task.advance(len(units))
        return rows

    def _groups(self, units: pd.DataFrame, model: Any, context: RunContext) -> list[str] | None:
        column = self.config.group_column
        if column is None:
            if model.group_labels_ is not None:
                context.warn("note_group_column_unset")
            return None
        if column not in units.columns:
            raise ConfigError(f"themes.group_column: the input has no column {column!r}. Use one of the input's columns.")
        if model.group_labels_ is None:
            context.warn("note_group_column_ignored", column=column)
            return None
        groups = units[column].fillna("").astype(str).str.strip().tolist()
        unknown = model.unknown_groups(groups)
        if unknown:
            context.warn("note_unknown_groups", n=sum(g in set(unknown) for g in groups), column=column, values=", ".join(unknown[:5]))
        return groups
