"""Representative quotes: central to their group, unlike each other, and fit to publish.

Choosing quotes needs embeddings, and a re-render must not need all of them.
So quotes are chosen in two steps that both ``analyze`` and ``report`` run:

1. ``build_quote_pool`` (analysis only): per topic and per theme, the
   ``pool_size`` candidates most central to the group, with their embeddings
   rounded to float16, plus each group's mean embedding and size.
2. ``choose_quotes`` (analysis and re-render): maximal marginal relevance over
   the pool members that belong to the group now. Because analysis uses the
   same float16 vectors, a re-render without changes picks the same quotes.

A re-render after a topic review (topics merged, comments moved) rebuilds a
group's centre from the stored centres of the original groups its members came
from, weighted by how many members each contributed: exact for a merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.embedders.base import mmr
from consultnlp.ingest.columns import author_id_column
from consultnlp.ingest.platforms import POLIS_VOTES
from consultnlp.summary.votes import credited_authors, reworded_from

POOL_SIZE = 50
# Penalties and bonuses on a candidate's cosine to its group centre.
LENGTH_PENALTY = 0.15  # very short texts say little; very long ones are not read
PII_PENALTY = 0.25  # "[PHONE]" placeholders read badly and hint at a personal request
CAMPAIGN_PENALTY = 0.3  # campaigns have their own section; quote them only when nothing else fits
REUSE_PENALTY = 0.3  # one comment quoted under many themes makes the report repetitive
AUTHOR_REUSE_PENALTY = 0.1  # ... and one participant quoted under many subjects speaks for more people than they are
THEME_SCORE_WEIGHT = 0.3  # a comment with many keyword hits is a clearer example of the theme
MIN_CHARS, MAX_CHARS = 50, 600
# A later part of a contribution split in several ("PARTE 2/2", "parte 4 de 4", "part 3 of 3") reads as a fragment: its
# first part says what it is about (claim check 63, PNDBio: "PARTE 2/2 …" quoted for a subject its first part was not in).
LATER_PART_PENALTY = 0.3
_LATER_PART = re.compile(r"(?:^\W*|\(|[-–:]\s*)(?:parte|part)\s*(?:[2-9]|\d\d)\s*(?:/|de|of)\s*\d+", re.IGNORECASE)


@dataclass
class QuotePool:
    """Quote candidates with float16 embeddings, and the centre of every group at analysis time."""

    ids: pd.Index  # candidate comment ids (unique)
    vectors: np.ndarray  # float16, aligned to ``ids``
    centres: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)  # (scope, group) -> mean vector
    sizes: dict[tuple[str, str], int] = field(default_factory=dict)  # (scope, group) -> units

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Plain arrays for ``numpy.savez_compressed``."""
        keys = sorted(self.centres)
        dim = self.vectors.shape[1] if self.vectors.ndim == 2 else 0
        return {
            "ids": np.asarray(self.ids.astype(str), dtype=str),
            "vectors": self.vectors.astype(np.float16),
            "group_scope": np.asarray([k[0] for k in keys], dtype=str),
            "group_id": np.asarray([k[1] for k in keys], dtype=str),
            "group_size": np.asarray([self.sizes[k] for k in keys], dtype=np.int64),
            "centres": np.vstack([self.centres[k] for k in keys]).astype(np.float32) if keys else np.zeros((0, dim), np.float32),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> "QuotePool":
        keys = list(zip(arrays["group_scope"].tolist(), arrays["group_id"].tolist()))
        return cls(
            ids=pd.Index(arrays["ids"].tolist(), dtype=object),
            vectors=arrays["vectors"],
            centres={k: arrays["centres"][i] for i, k in enumerate(keys)},
            sizes={k: int(arrays["group_size"][i]) for i, k in enumerate(keys)},
        )


def theme_groups(units: pd.DataFrame) -> dict[str, pd.Index]:
    """Theme id -> unit ids tagged with it (``other`` left out: it is no theme)."""
    if schema.THEMES not in units:
        return {}
    exploded = units[schema.THEMES].astype(str).str.split(";").explode()
    exploded = exploded[(exploded != "") & (exploded != schema.OTHER_THEME)]
    return {str(t): pd.Index(part.index.unique()) for t, part in exploded.groupby(exploded, sort=True)}


def topic_groups(units: pd.DataFrame) -> dict[str, pd.Index]:
    """Topic id (as text) -> unit ids; outliers (-1) have no quotes."""
    if schema.TOPIC_ID not in units:
        return {}
    topics = units[schema.TOPIC_ID].dropna().astype("int64")
    topics = topics[topics >= 0]
    return {str(t): pd.Index(part.index) for t, part in topics.groupby(topics, sort=True)}


def _theme_score(units: pd.DataFrame, ids: pd.Index, theme: str) -> np.ndarray:
    if schema.THEME_SCORES not in units:
        return np.zeros(len(ids))
    prefix = theme + ":"
    out = []
    for value in units.loc[ids, schema.THEME_SCORES].astype(str):
        score = next((item[len(prefix) :] for item in value.split(";") if item.startswith(prefix)), "0")
        try:
            out.append(float(score))
        except ValueError:
            out.append(0.0)
    return np.asarray(out, dtype=float)


def confident(units: pd.DataFrame, members: pd.Index, theme: str) -> np.ndarray:
    """Mask of the theme's most confident half: its quotes come from there (theme scores rank the matches)."""
    scores = _theme_score(units, members, theme)
    return scores >= np.median(scores) if len(scores) else np.zeros(0, dtype=bool)


def quote_adjustment(units: pd.DataFrame, ids: pd.Index, scope: str, group: str) -> np.ndarray:
    """What is added to a candidate's centrality: penalties for poor quotes, a bonus for clear theme examples."""
    lengths = units.loc[ids, schema.TEXT_REDACTED].astype(str).str.len().to_numpy()
    adjust = -LENGTH_PENALTY * ((lengths < MIN_CHARS) | (lengths > MAX_CHARS))
    if schema.PII_COUNT in units:
        adjust = adjust - PII_PENALTY * (units.loc[ids, schema.PII_COUNT].to_numpy() > 0)
    if schema.CAMPAIGN in units:
        adjust = adjust - CAMPAIGN_PENALTY * units.loc[ids, schema.CAMPAIGN].astype(bool).to_numpy()
    heads = units.loc[ids, schema.TEXT_REDACTED].astype(str).str[:80]
    adjust = adjust - LATER_PART_PENALTY * heads.str.contains(_LATER_PART).to_numpy()
    if scope == "theme":
        adjust = adjust + THEME_SCORE_WEIGHT * _theme_score(units, ids, group)
    return adjust


def _normalised(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) + 1e-12)


def build_quote_pool(units: pd.DataFrame, unit_ids: pd.Index, embeddings: np.ndarray, *, pool_size: int = POOL_SIZE) -> QuotePool:
    """Per topic and theme, the ``pool_size`` most central candidates (after adjustments) and the group centre."""
    chosen: set[str] = set()
    centres: dict[tuple[str, str], np.ndarray] = {}
    sizes: dict[tuple[str, str], int] = {}
    for scope, groups in (("topic", topic_groups(units)), ("theme", theme_groups(units))):
        for group, members in groups.items():
            pos = unit_ids.get_indexer(members)
            members, pos = members[pos >= 0], pos[pos >= 0]
            if len(members) == 0:
                continue
            vectors = embeddings[pos].astype(np.float32)
            centre = vectors.mean(axis=0)
            centres[(scope, group)] = centre
            sizes[(scope, group)] = len(members)
            if scope == "theme":
                keep = confident(units, members, group)
                members, vectors = members[keep], vectors[keep]
            relevance = vectors @ _normalised(centre) + quote_adjustment(units, members, scope, group)
            order = np.lexsort((np.arange(len(relevance)), -relevance))[:pool_size]
            chosen.update(str(members[i]) for i in order)
    # Input order, so the pool (and the file it is saved to) does not depend on set ordering.
    ids = pd.Index([i for i in unit_ids.astype(str) if i in chosen], dtype=object)
    pos = unit_ids.astype(str).get_indexer(ids)
    vectors = embeddings[pos].astype(np.float16) if len(ids) else np.zeros((0, embeddings.shape[1]), np.float16)
    return QuotePool(ids=ids, vectors=vectors, centres=centres, sizes=sizes)


def group_centre(pool: QuotePool, scope: str, group: str, members: pd.Index, original: pd.Series | None) -> np.ndarray | None:
    """The group's centre: stored when its members are unchanged, else rebuilt from the original groups' centres."""
    key = (scope, group)
    if (
        original is None
        or key in pool.centres
        and pool.sizes.get(key) == len(members)
        and (original.reindex(members).astype(str) == group).all()
    ):
        return pool.centres.get(key)
    # Members moved by a review: a size-weighted mean of the centres they came from.
    sources = original.reindex(members).dropna().astype(str).value_counts()
    total, weight = None, 0
    for source, n in sources.items():
        centre = pool.centres.get((scope, source))
        if centre is not None:
            total = centre * n if total is None else total + centre * n
            weight += n
    return None if total is None else total / weight


def choose_quotes(
    units: pd.DataFrame,
    pool: QuotePool,
    scope: str,
    groups: dict[str, pd.Index],
    k: int,
    *,
    diversity: float = 0.5,
    original: pd.Series | None = None,
    used: set[str] | None = None,
) -> Iterable[tuple[str, int, str]]:
    """Yield (group, rank, comment id) for up to ``k`` quotes per group, largest groups first.

    ``original`` maps unit id -> the group it had when the pool was built
    (topics only; ``None`` when groups cannot have changed). Ids in ``used``
    (updated as quotes are chosen) are penalised, so groups share few quotes.
    """
    if k <= 0:
        return
    used = set() if used is None else used
    author = author_id_column(units.columns)
    authors = credited_authors(units, author).fillna("").astype(str).str.strip() if author else None
    quoted_authors: set[str] = set()  # participants quoted in this scope so far
    for group in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        members = groups[group]
        candidates = members[pool.ids.get_indexer(members) >= 0] if len(pool.ids) else members[:0]
        if scope == "theme" and len(candidates):
            candidates = candidates[candidates.isin(members[confident(units, members, group)])]
        centre = group_centre(pool, scope, group, members, original)
        if len(candidates) == 0 or centre is None:
            continue
        vectors = pool.vectors[pool.ids.get_indexer(candidates)].astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
        relevance = vectors @ _normalised(centre.astype(np.float32)) + quote_adjustment(units, candidates, scope, group)
        relevance = relevance - REUSE_PENALTY * candidates.astype(str).isin(used)
        sources = authors.reindex(candidates).fillna("").to_numpy(dtype=str) if authors is not None else None
        if sources is not None:  # a participant quoted elsewhere already is quoted again only for a clearly better text
            relevance = relevance - AUTHOR_REUSE_PENALTY * np.isin(sources, list(quoted_authors)) * (sources != "")
        for rank, i in enumerate(mmr(vectors, relevance, k, diversity, sources=sources), 1):
            used.add(str(candidates[i]))
            if sources is not None and sources[i]:
                quoted_authors.add(sources[i])
            yield group, rank, str(candidates[i])


def quotes_with_prompts(quotes: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The quotes with the prompt each answers, after ``comment_id``, where the rows answer prompts (a Chile 2016
    argument's concept): a quote "against" means against its prompt, which the reader must see. Unchanged otherwise."""
    if schema.CONTEXT not in frame or "prompt" in quotes:
        return quotes
    return _beside_id(quotes, {"prompt": frame[schema.CONTEXT].fillna("").astype(str)}, "")


def quotes_reworded(quotes: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The quotes with ``reworded_from`` after ``comment_id`` where some quote is a Pol.is statement the organiser's account
    posted again in its own words after the moderators rejected a participant's (the report says whose words they are).
    Unchanged otherwise."""
    source = reworded_from(frame)
    if quotes.empty or source.empty or not quotes["comment_id"].astype(str).isin(source.index).any():
        return quotes
    return _beside_id(quotes, {"reworded_from": source}, "")


def quotes_with_votes(quotes: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The quotes with the Pol.is votes on each (``agrees``, ``disagrees``: other participants', after ``comment_id``),
    where the export counts them: a statement most voters rejected is still quoted as its subject's example, and the
    reader must see that (the biodiversity claim check of stop 40: «… Maori land that needs to be poisoned», 14 agree and 44
    disagree, shown twice without its votes). Unchanged otherwise."""
    if quotes.empty or POLIS_VOTES not in frame or not {"agrees", "disagrees"} <= set(frame.columns):
        return quotes
    counts = {column: pd.to_numeric(frame[column], errors="coerce").fillna(0).astype(int) for column in ("agrees", "disagrees")}
    return _beside_id(quotes, counts, 0)


def _beside_id(quotes: pd.DataFrame, values: dict[str, pd.Series], fill: str | int) -> pd.DataFrame:
    """``quotes`` with a column per entry of ``values`` (a value per comment id: the frame's index) after ``comment_id``,
    in order; ``fill`` where a quote's comment has none."""
    quotes = quotes.copy()
    at = quotes.columns.get_loc("comment_id") + 1
    ids = quotes["comment_id"].astype(str)
    for offset, (name, by_id) in enumerate(values.items()):
        by_id = by_id.set_axis(by_id.index.astype(str))
        quotes.insert(at + offset, name, ids.map(by_id).fillna(fill).astype(type(fill)).to_numpy())
    return quotes
