"""Zero-shot theme tagging: taxonomy keywords found in the lemmas, plus embedding similarity.

Each theme gets one prototype vector per language: the mean of the embedding of
"name. description" and the mean embedding of its keywords (on a labelled dev set,
see ``benchmarks/bench_themes_zeroshot.py``, this ranked themes better than either
alone). A comment's similarity to a theme is the cosine with the prototype in the
comment's language.

Raw cosines are not comparable, so two calibrated views of them are used:

- ``z``, per theme: how far the cosine sits above what the theme usually gets from
  unrelated text, measured on the taxonomy itself (its other themes' prototypes) or,
  with ``calibration="corpus"``, on the consultation (median and MAD).
- ``contrast``, per comment: how far the theme stands out among all the taxonomy's
  themes for that comment (the comment's row of cosines as z-scores). A comment on
  general values ("respect, dignity, equality for everyone") is mildly close to many
  themes and stands out for none; a comment about bus fares stands out for transport.
  On the real consultations of the benchmark, contrast separated right from wrong
  embedding-only assignments far better than ``z`` (``data/themes/manual-check-2026-12.md``).

A theme is assigned when

- its keywords are found (``min_keyword_hits``). Optionally the embedding may overrule
  them (contrast below ``keyword_min_contrast``, or the cosine more than
  ``keyword_margin`` below the comment's best theme); this is off by default because,
  judged by hand on real comments, such vetoes removed more right themes than wrong
  ones: ambiguous keywords are better fixed in the taxonomy. Or
- without keywords: contrast >= ``min_contrast``, z >= ``min_z``, the cosine is at
  least ``min_similarity`` and within ``margin`` of the comment's best theme, and the
  comment has at least ``min_words`` content words. A taxonomy of fewer than
  ``min_themes`` themes gets no embedding-only themes: with three themes, whichever is
  least unrelated to a comment about something else stands out as much as a real match.

Comments with no theme get ``other``. Scores combine both kinds of evidence in [0, 1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from consultnlp.embedders import TextEncoder
from consultnlp.embedders.base import l2_normalise
from consultnlp.taxonomy import Taxonomy

# Below this many comments the corpus distribution is too thin to calibrate on; the
# taxonomy's own similarity spread (prototype vs. the other themes) is used instead.
MIN_CALIBRATION_ROWS = 200
SIMILARITY_CHUNK = 50_000  # comments per block of the similarity product
# Median gap between the two calibrations' locations (prototype vs. unrelated prototypes, and
# comment vs. theme over a corpus): 0.24 on the bundled sample's 496 hand-written comments with
# the USE embedder, where the two scales agreed (median ratio 1.0).
TAXONOMY_SHIFT = 0.24
# Contrast thresholds are set for a taxonomy of this many themes (the bundled OGP one). With n themes
# the largest contrast a comment can reach is sqrt(n - 1), so smaller taxonomies get thresholds scaled
# by sqrt((n - 1) / (REFERENCE_THEMES - 1)): the same share of the largest possible contrast.
REFERENCE_THEMES = 43


@dataclass(frozen=True)
class Assignment:
    """The themes of one comment, best first, with scores and human-readable evidence."""

    themes: list[str]
    scores: list[float]
    evidence: list[str]


def prototype_texts(taxonomy: Taxonomy, lang: str) -> tuple[list[str], list[list[str]]]:
    """Per theme: "name. description" in ``lang``, and its keywords in ``lang``."""
    descriptions, keywords = [], []
    for theme in taxonomy.themes:
        name = theme.name.get(lang, "")
        descriptions.append(f"{name}. {theme.description.get(lang, '')}".strip())
        keywords.append(list(theme.keywords.get(lang, [])) or [name])
    return descriptions, keywords


def theme_prototypes(taxonomy: Taxonomy, encoder: TextEncoder) -> dict[str, np.ndarray]:
    """Language -> (themes x dim) unit vectors, in the comments' embedding space (through the cache)."""
    out: dict[str, np.ndarray] = {}
    for lang in taxonomy.languages:
        descriptions, keywords = prototype_texts(taxonomy, lang)
        flat = [k for kws in keywords for k in kws]
        vectors = encoder.encode(descriptions + flat, description="Embedding theme descriptions")
        desc, kw = vectors[: len(descriptions)], vectors[len(descriptions):]
        bounds = np.cumsum([0] + [len(k) for k in keywords])
        kw_mean = l2_normalise(np.vstack([kw[a:b].mean(axis=0) for a, b in zip(bounds[:-1], bounds[1:])]))
        out[lang] = l2_normalise(desc + kw_mean)
    return out


def similarities(
    embeddings: np.ndarray, langs: list[str], prototypes: dict[str, np.ndarray], rows: np.ndarray | None = None
) -> np.ndarray:
    """(comments x themes) cosine; a comment in a language the taxonomy lacks takes the best over its languages.

    ``rows``, when given, are the comments' rows in ``embeddings``. Works in chunks, so the
    embeddings are never copied whole (1.9 GB at a million comments).
    """
    n = len(langs) if rows is None else len(rows)
    n_themes = next(iter(prototypes.values())).shape[0]
    out = np.empty((n, n_themes), dtype=np.float32)
    langs_arr = np.asarray(langs, dtype=object)
    for start in range(0, n, SIMILARITY_CHUNK):
        stop = min(start + SIMILARITY_CHUNK, n)
        chunk = embeddings[start:stop] if rows is None else embeddings[rows[start:stop]]
        chunk_langs = langs_arr[start:stop]
        covered = np.zeros(stop - start, dtype=bool)
        for lang, proto in prototypes.items():
            mine = chunk_langs == lang
            if mine.any():
                out[start:stop][mine] = chunk[mine] @ proto.T
                covered |= mine
        if not covered.all():
            rest = ~covered
            out[start:stop][rest] = np.max(np.stack([chunk[rest] @ p.T for p in prototypes.values()]), axis=0)
    return out


def corpus_calibration(sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-theme location and scale of the similarity distribution: median and 1.4826 x MAD."""
    centre = np.median(sims, axis=0)
    scale = 1.4826 * np.median(np.abs(sims - centre), axis=0)
    return centre, np.maximum(scale, 1e-3)


def taxonomy_calibration(prototypes: dict[str, np.ndarray], taxonomy: Taxonomy) -> tuple[np.ndarray, np.ndarray]:
    """Per-theme location and scale from the similarity of each prototype to the unrelated themes' prototypes.

    Used for small inputs; comments sit lower than prototypes do against each other, so
    the location is shifted by the typical gap measured on the dev set (see the benchmark).
    """
    ids = [t.id for t in taxonomy.themes]
    related = {t.id: {t.id, t.parent} | {c.id for c in taxonomy.themes if c.parent == t.id} for t in taxonomy.themes}
    stacked = np.vstack(list(prototypes.values()))
    owners = ids * len(prototypes)
    centre, scale = np.zeros(len(ids)), np.zeros(len(ids))
    for j, tid in enumerate(ids):
        keep = np.array([o not in related[tid] for o in owners])
        if not keep.any():
            centre[j], scale[j] = 0.0, 0.1
            continue
        ref = np.concatenate([p[j] @ stacked[keep].T for p in prototypes.values()])
        centre[j], scale[j] = float(np.median(ref)), float(1.4826 * np.median(np.abs(ref - np.median(ref))))
    return centre - TAXONOMY_SHIFT, np.maximum(scale, 1e-3)


def contrast(sims: np.ndarray) -> np.ndarray:
    """(comments x themes): how far each theme stands out among all themes for the same comment (row z-scores)."""
    if sims.size == 0:
        return sims
    spread = np.maximum(sims.std(axis=1, keepdims=True), 1e-6)
    return (sims - sims.mean(axis=1, keepdims=True)) / spread


class ZeroShotTagger:
    """Assigns themes from keyword hits and calibrated embedding similarity (see the module docstring)."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        *,
        min_keyword_hits: int = 1,
        max_themes: int = 3,
        min_contrast: float = 3.0,
        min_z: float = 2.0,
        min_similarity: float = 0.2,
        margin: float = 0.05,
        min_words: int = 3,
        min_themes: int = 8,
        keyword_min_contrast: float | None = None,
        keyword_margin: float | None = None,
        calibration: str = "taxonomy",
    ) -> None:
        self.taxonomy = taxonomy
        self.ids = [t.id for t in taxonomy.themes]
        self.min_keyword_hits = min_keyword_hits
        self.max_themes = max_themes
        self.min_contrast = min_contrast
        self.min_z = min_z
        self.min_similarity = min_similarity
        self.margin = margin
        self.min_words = min_words
        self.min_themes = min_themes
        self.keyword_min_contrast = keyword_min_contrast
        self.keyword_margin = keyword_margin
        self.calibration = calibration
        self.centre_: np.ndarray | None = None
        self.scale_: np.ndarray | None = None

    def calibrate(self, sims: np.ndarray, prototypes: dict[str, np.ndarray]) -> "ZeroShotTagger":
        """Learn each theme's similarity location and scale (``calibration``: taxonomy, or corpus when large enough)."""
        if self.calibration == "corpus" and (sims.shape[0] >= MIN_CALIBRATION_ROWS or not prototypes):
            self.centre_, self.scale_ = corpus_calibration(sims)
        else:
            self.centre_, self.scale_ = taxonomy_calibration(prototypes, self.taxonomy)
        return self

    def zscores(self, sims: np.ndarray) -> np.ndarray:
        """Per-theme z-scores of the similarities against the calibration."""
        if self.centre_ is None or self.scale_ is None:
            raise RuntimeError("call calibrate() before zscores()")
        return (sims - self.centre_) / self.scale_

    def assign(self, found: list[dict[str, list[str]]], sims: np.ndarray, words: Sequence[int] | None = None) -> list[Assignment]:
        """One ``Assignment`` per comment from its keyword hits (theme -> keywords), similarity row and content-word count."""
        z = self.zscores(sims)
        stand_out = contrast(sims)
        shrink = min(1.0, math.sqrt(max(len(self.ids) - 1, 1) / (REFERENCE_THEMES - 1)))
        min_contrast = self.min_contrast * shrink
        keyword_floor = -math.inf if self.keyword_min_contrast is None else self.keyword_min_contrast * shrink
        keyword_margin = math.inf if self.keyword_margin is None else self.keyword_margin
        best = sims.max(axis=1) if sims.size else np.zeros(len(found))
        by_embedding = len(self.ids) >= self.min_themes
        col = {tid: j for j, tid in enumerate(self.ids)}
        out = []
        for i, hits in enumerate(found):
            candidates: dict[int, tuple[float, str]] = {}
            for tid, keywords in hits.items():
                j = col[tid]
                # Keywords count unless the optional veto says the embedding contradicts them.
                agrees = stand_out[i, j] >= keyword_floor and sims[i, j] >= best[i] - keyword_margin
                if len(keywords) >= self.min_keyword_hits and agrees:
                    candidates[j] = (self._score(len(keywords), stand_out[i, j] - min_contrast), "|".join(keywords))
            # Very short comments ("ok", ".") sit near some description by chance: keywords only.
            if by_embedding and (words is None or words[i] >= self.min_words):
                near_best = (
                    (stand_out[i] >= min_contrast)
                    & (z[i] >= self.min_z)
                    & (sims[i] >= self.min_similarity)
                    & (sims[i] >= best[i] - self.margin)
                )
                for j in np.flatnonzero(near_best):
                    if j not in candidates:
                        candidates[j] = (self._score(0, stand_out[i, j] - min_contrast), "")
            # Best score first; ties go to the theme listed first in the taxonomy (deterministic output).
            ranked = sorted(candidates.items(), key=lambda kv: (-kv[1][0], kv[0]))[: self.max_themes]
            themes = [self.ids[j] for j, _ in ranked]
            scores = [round(s, 3) for _, (s, _) in ranked]
            evidence = ["|".join(x for x in (kw, f"sim={sims[i, j]:.2f}") if x) for j, (_, kw) in ranked]
            out.append(Assignment(themes, scores, evidence))
        return out

    @staticmethod
    def _score(hits: int, above: float) -> float:
        """1 - (1 - keyword part)(1 - embedding part); the embedding part is 0.5 where contrast = the threshold."""
        keyword_part = hits / (hits + 1)
        embedding_part = 1.0 / (1.0 + math.exp(-float(above)))
        return 1.0 - (1.0 - keyword_part) * (1.0 - embedding_part)
