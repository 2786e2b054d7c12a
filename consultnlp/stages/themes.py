"""Theme tagging against a commitment taxonomy (keyword matching on lemmas).

Keywords are lemmatised with the same spaCy lemmatiser as the comments and
compared without accents, so "información", "informacion" and "informaciones"
all match. A comment may carry several themes, or ``other`` when none matches.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pandas as pd

from consultnlp import schema
from consultnlp.config import ThemesConfig
from consultnlp.stages.base import RunContext, Stage, broadcast_to_duplicates, unit_mask
from consultnlp.stages.nlp import SUPPORTED, Lemmatizer
from consultnlp.taxonomy import Taxonomy, load_taxonomy


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class KeywordMatcher:
    """Finds taxonomy keywords (as folded lemma n-grams) in lemma strings."""

    def __init__(self, taxonomy: Taxonomy, lemmatizer: Lemmatizer) -> None:
        self.order = {t.id: i for i, t in enumerate(taxonomy.themes)}
        self.phrases: dict[str, dict[str, set[tuple[str, str]]]] = {}
        self.max_len = 1
        for lang in SUPPORTED:
            table: dict[str, set[tuple[str, str]]] = defaultdict(set)
            for theme in taxonomy.themes:
                for keyword in theme.keywords.get(lang, []):
                    phrase = fold(lemmatizer.lemmatize_phrase(keyword, lang))
                    if phrase:
                        table[phrase].add((theme.id, keyword))
                        self.max_len = max(self.max_len, len(phrase.split()))
            self.phrases[lang] = dict(table)

    def match(self, lemmas: str, lang: str) -> dict[str, list[str]]:
        """Theme id -> the keywords (as written in the taxonomy) found in ``lemmas``."""
        tokens = fold(lemmas).split()
        tables = [self.phrases[lang]] if lang in self.phrases else list(self.phrases.values())
        found: dict[str, set[str]] = defaultdict(set)
        for n in range(1, self.max_len + 1):
            for i in range(len(tokens) - n + 1):
                gram = " ".join(tokens[i : i + n])
                for table in tables:
                    for theme_id, keyword in table.get(gram, ()):
                        found[theme_id].add(keyword)
        return {k: sorted(v) for k, v in found.items()}


def assign(found: dict[str, list[str]], order: dict[str, int], *, min_hits: int, max_themes: int) -> tuple[list[str], list[float]]:
    """Themes with at least ``min_hits`` distinct keywords, most hits first (taxonomy order breaks ties)."""
    ranked = sorted(((len(v), k) for k, v in found.items() if len(v) >= min_hits), key=lambda x: (-x[0], order[x[1]]))
    chosen = ranked[:max_themes]
    return [k for _, k in chosen], [round(h / (h + 1), 3) for h, _ in chosen]


class ThemesStage(Stage):
    """Adds ``themes``, ``theme_scores`` and ``theme_evidence``."""

    name = "themes"
    requires = (schema.LEMMAS, schema.LANG)
    provides = (schema.THEMES, schema.THEME_SCORES, schema.THEME_EVIDENCE)

    def __init__(self, config: ThemesConfig) -> None:
        super().__init__(config)
        self.taxonomy = load_taxonomy(config.taxonomy)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: ThemesConfig = self.config
        out = frame.copy()
        lemmatizer = context.lemmatizer or Lemmatizer()
        matcher = KeywordMatcher(self.taxonomy, lemmatizer)
        units = out[unit_mask(out)]
        themes, scores, evidence = [], [], []
        with context.progress.task("Tagging themes", total=len(units)) as task:
            for lemmas, lang in zip(units[schema.LEMMAS].astype(str), units[schema.LANG].astype(str)):
                found = matcher.match(lemmas, lang)
                ids, vals = assign(found, matcher.order, min_hits=cfg.min_keyword_hits, max_themes=cfg.max_themes)
                themes.append(";".join(ids) or schema.OTHER_THEME)
                scores.append(";".join(f"{i}:{v}" for i, v in zip(ids, vals)))
                evidence.append(";".join(f"{i}:{'|'.join(found[i])}" for i in ids))
            task.advance(len(units))
        for col in (schema.THEMES, schema.THEME_SCORES, schema.THEME_EVIDENCE):
            out[col] = ""
        out.loc[units.index, schema.THEMES] = themes
        out.loc[units.index, schema.THEME_SCORES] = scores
        out.loc[units.index, schema.THEME_EVIDENCE] = evidence
        broadcast_to_duplicates(out, [schema.THEMES, schema.THEME_SCORES, schema.THEME_EVIDENCE], {})
        context.taxonomy = self.taxonomy
        return out
