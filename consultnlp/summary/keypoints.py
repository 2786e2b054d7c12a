"""Key points: what people actually said in a group or theme, as verbatim sentences with counts that can be checked.

Inside each headline group, theme and position, the unique contributions are clustered by their
embeddings (average linkage, cosine) to find candidate points. A candidate is stated by a verbatim,
self-contained sentence of one of the contributions central to its cluster (``summary.statements``).
A contribution counts for the statement only if one of its OWN sentences makes the same point: the
calibrated sentence-to-statement match of ``summary.matching`` (fitted on human judgements), with
the same polarity, and never on the other side of a stated position. The count, the unique count and
the ids of a key point are those contributions, whichever cluster they fell in; a point that fewer
than ``min_support`` contributions make is no key point. A sentence states one key point only,
across the whole summary, and within a group a sentence counts for one point only (the larger one).
Extractive on purpose: every statement is a citation and every number can be recounted from
``comments.*``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from typing import Callable

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.summary.linkage import CLUSTER_SAMPLE, cluster_points, unit
from consultnlp.summary.matching import COUNT_THRESHOLD, SAME_POINT_THRESHOLD, SentenceTable
from consultnlp.summary.prompt_points import part_prompt, restating, whole_group
from consultnlp.summary.statements import statement_problem
from consultnlp.timing import NO_TIMES, StepTimes

POINTS_PER_GROUP = 5
MIN_SUPPORT = 3  # unique contributions that make a point, at least
RESTATED_SHARE = 0.5  # a point more than half of whose contributions an earlier point counts is not stated again
PART_SAMPLE = 100  # a prompt's part of a group is clustered on its share of CLUSTER_SAMPLE, and on at least this many
CENTRAL_CANDIDATES = 12  # the contributions closest to a cluster's centre whose sentences may state its point
STATEMENT_OPTIONS = 8  # of their self-contained sentences, the ones closest to the centre whose matches are counted
CLUSTERS_TRIED = 4  # clusters tried per key point asked for (a cluster whose statement few members make yields none)
MAX_SENTENCES = 12  # sentences of one contribution that are matched (a long text's later ones are rarely its point)
MIN_MATCH_CHARS = 12  # shorter pieces ("Gracias.", "Saludos") match nothing
MATCH_BLOCK = 20_000  # sentences matched at once
MIN_CENTRE_SENTENCES = 30  # a subject's centre is taken from at least this many sentences: from fewer, it is mostly its one point
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
OPPOSITE = {"support": "oppose", "oppose": "support"}
COLUMNS = ["scope", "group_id", "rank", "statement", "comment_id", "contributions", "unique_contributions", "comment_ids"]
EXTRA_COLUMNS = ["cluster_size", "cluster_share"]  # kept in state/key_points.parquet for benchmarks, not published


@dataclass
class KeyPointInputs:
    """The modelled contributions: redacted texts and contributions each stands for, aligned with their embeddings,
    the position each states (support / oppose / partial / none) where the run found positions, and its author where
    the export names one (a point counts an author once, however many of their contributions make it)."""

    ids: pd.Index
    texts: list[str]
    weights: np.ndarray  # contributions per unit (its duplicate group's analysed rows)
    embeddings: np.ndarray
    positions: np.ndarray | None = None
    authors: np.ndarray | None = None  # "" = unknown: the contribution counts on its own
    prompts: np.ndarray | None = None  # the prompt each answers ("" = none), where the rows answer prompts
    subjects: np.ndarray | None = None  # the fine topic each is about (-1: none), where the run has topics


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each a verbatim substring (stripped)."""
    out, start = [], 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        if match is None:
            break
        start = match.end()
    return out


def normalised(sentence: str) -> str:
    """The form under which two statements are the same sentence (case, spacing and end punctuation aside)."""
    return re.sub(r"\s+", " ", sentence.casefold()).strip(" .!;")


def sentence_table(
    inputs: KeyPointInputs, rows: np.ndarray, encode: Callable[[list[str]], np.ndarray], times: StepTimes = NO_TIMES
) -> SentenceTable:
    """The sentences of the units ``rows``, embedded once: a one-sentence text keeps its own vector, the
    other sentences are encoded in one call (each distinct sentence once)."""
    owner, texts, reuse = [], [], []
    for row in rows.tolist():
        text = inputs.texts[row]
        pieces = [s for s in sentences(text) if len(s) >= MIN_MATCH_CHARS][:MAX_SENTENCES] or [text.strip()]
        for piece in pieces:
            owner.append(row)
            texts.append(piece)
            reuse.append(len(pieces) == 1 and piece == text.strip())
    reuse_mask = np.array(reuse, dtype=bool)
    vectors = np.zeros((len(texts), 0), dtype=np.float32)
    if len(texts):
        own_rows = np.array(owner, dtype=np.int64)[reuse_mask]
        own = np.asarray(inputs.embeddings[own_rows]) if len(own_rows) else None
        todo = sorted({t for t, r in zip(texts, reuse) if not r})
        with times.step("key_points.embed_sentences"):
            new = np.asarray(encode(todo)) if todo else None
        dim = (own if own is not None else new).shape[1]
        vectors = np.zeros((len(texts), dim), dtype=np.float32)
        if own is not None:
            vectors[reuse_mask] = own
        if new is not None:
            where = {t: i for i, t in enumerate(todo)}
            idx = [i for i, r in enumerate(reuse) if not r]
            vectors[idx] = new[[where[texts[i]] for i in idx]]
    with times.step("key_points.sentence_stems"):
        return SentenceTable.build(np.array(owner, dtype=np.int64), texts, vectors)


@dataclass
class _Stated:
    """The statements of the points found so far, in every group: their sentences (``rows``, indices of the sentence
    table) and their normalised texts. A sentence states one point, and a point is stated once."""

    rows: list[int] = field(default_factory=list)
    texts: set[str] = field(default_factory=set)
    prompts: list[str] = field(default_factory=list)  # the prompt each answers ("" = none)

    def add(self, table: SentenceTable, statement: int, prompt: str) -> None:
        self.rows.append(statement)
        self.texts.add(normalised(table.texts[statement]))
        self.prompts.append(prompt)

    def restated(self, table: SentenceTable, options: np.ndarray, prompt: str) -> np.ndarray:
        """Which of ``options`` (sentence indices) state the point of an earlier statement answering the same ``prompt``
        (the same demand under two prompts is two points: «Deben ser vinculantes» for referendums and for an assembly),
        by the plain model alone (``matching.PLAIN``, at the 0.56 it always used). Centred, two paraphrases on a subject
        that is all one point are noise against its centre: ArgKP's «cannabis is a gateway drug…» was stated twice."""
        earlier = np.asarray([row for row, p in zip(self.rows, self.prompts) if p == prompt], dtype=np.int64)
        if not len(earlier) or not len(options):
            return np.zeros(len(options), dtype=bool)
        plain = np.zeros(table.vectors.shape[1], dtype=np.float32)
        return (table.scores(earlier, options, plain) >= SAME_POINT_THRESHOLD).any(axis=0)


def subject_centres(
    table: SentenceTable, rows: np.ndarray, statements: np.ndarray, subjects: np.ndarray | None, prompt: str = ""
) -> np.ndarray:
    """One centre per statement (``matching.SentenceTable.centre``): the direction that the sentences of its subject
    share, among the group's sentences ``rows``. Its subject: the fine topic of the statement's contribution; else,
    where the group is the answers to one ``prompt``, the group. A sentence then matches a statement by what it adds to
    their subject: the reason it gives, not the subject both name. A subject with fewer than ``MIN_CENTRE_SENTENCES``
    sentences gives no centre (zero: the plain cosine, ``matching.PLAIN``)."""
    fallback = table.centre(rows) if prompt and len(rows) >= MIN_CENTRE_SENTENCES else np.zeros(table.vectors.shape[1], np.float32)
    out = np.tile(fallback, (len(statements), 1))
    if subjects is None:
        return out
    wanted = subjects[table.owner[statements]]
    of_rows = subjects[table.owner[rows]]
    for subject in np.unique(wanted[wanted >= 0]).tolist():
        inside = rows[of_rows == subject]
        if len(inside) >= MIN_CENTRE_SENTENCES:
            out[wanted == subject] = table.centre(inside)
    return out


@dataclass
class _Point:
    statement: int  # sentence index in the table
    members: np.ndarray  # unit rows that make the point
    weight: float
    cluster: np.ndarray  # unit rows of the cluster it was found in


def _count(table: SentenceTable, owners: np.ndarray, passes: np.ndarray, option: int, positions: np.ndarray | None) -> np.ndarray:
    """The unit rows with a sentence of their own that makes the point of ``option`` (a sentence index; ``passes`` is
    the match of the group's sentences, owned by ``owners``, with it), its author among them; on one side of a
    stated position only."""
    author = int(table.owner[option])
    rows = np.union1d(owners[passes], [author])
    if positions is not None:
        side = str(positions[author])
        if side not in OPPOSITE:  # the author states no side: the side most of the others state
            n_support, n_oppose = int((positions[rows] == "support").sum()), int((positions[rows] == "oppose").sum())
            side = "" if n_support == n_oppose == 0 else ("support" if n_support >= n_oppose else "oppose")
        if side in OPPOSITE:
            rows = rows[positions[rows] != OPPOSITE[side]]
    return rows.astype(np.int64)


def _one_per_author(rows: np.ndarray, statement_row: int, authors: np.ndarray | None) -> np.ndarray:
    """``rows`` with each named author's first contribution only (the statement's own kept): one person who posts
    the same point four times is one voice, not four."""
    if authors is None or not len(rows):
        return rows
    order = np.r_[rows[rows == statement_row], rows[rows != statement_row]]
    seen: set[str] = set()
    keep = []
    for row in order.tolist():
        author = str(authors[row])
        if author and author in seen:
            continue
        if author:
            seen.add(author)
        keep.append(row)
    return np.sort(np.asarray(keep, dtype=np.int64))


@lru_cache(maxsize=200_000)
def _can_state(sentence: str) -> bool:
    return statement_problem(sentence) is None


def _candidates(
    table: SentenceTable,
    by_owner: dict[int, np.ndarray],
    members: np.ndarray,
    vectors: np.ndarray,
    inside: np.ndarray,
    used: _Stated,
    restated: np.ndarray,
) -> np.ndarray:
    """The self-contained, unused sentences of a cluster's most central contributions that say more than the prompt
    they answer (``restated``: per sentence, from ``prompt_points.restating``), closest to the cluster's centre first."""
    centre = unit(vectors[inside].mean(axis=0, keepdims=True))[0]
    closeness = vectors[inside] @ centre
    central = members[inside[np.lexsort((inside, -closeness))[:CENTRAL_CANDIDATES]]]
    options = [
        int(s)
        for row in central.tolist()
        for s in by_owner[row].tolist()
        if normalised(table.texts[s]) not in used.texts and _can_state(table.texts[s]) and not restated[s]
    ]
    if not options:
        return np.zeros(0, dtype=np.int64)
    fit = table.vectors[options] @ centre
    return np.array(options, dtype=np.int64)[np.argsort(-fit, kind="stable")[:STATEMENT_OPTIONS]]


@dataclass
class _Part:
    """A group's unit rows (or those of one of its prompts), their unit vectors, and the clusters found among them:
    ``(contributions, size, first row, rows inside)`` (``key_points`` ranks them with the group's other parts')."""

    members: np.ndarray
    vectors: np.ndarray
    clusters: list[tuple[float, int, int, np.ndarray]]


def _part(
    inputs: KeyPointInputs,
    members: np.ndarray,
    *,
    min_support: int,
    random_state: int,
    sample: int = CLUSTER_SAMPLE,
    times: StepTimes = NO_TIMES,
) -> _Part:
    """``members`` clustered on at most ``sample`` of them (see ``cluster_points``), keeping the clusters of at least
    ``min_support`` rows."""
    with times.step("key_points.cluster"):
        vectors = unit(inputs.embeddings[members])
        labels = cluster_points(vectors, random_state, sample)
    clusters = []
    for label in np.unique(labels[labels >= 0]):
        inside = np.flatnonzero(labels == label)
        if len(inside) >= min_support:
            clusters.append((float(inputs.weights[members[inside]].sum()), len(inside), int(inside.min()), inside))
    return _Part(members, vectors, clusters)


def _group_points(
    table: SentenceTable,
    by_owner: dict[int, np.ndarray],
    inputs: KeyPointInputs,
    part: _Part,
    clusters: list[tuple[float, int, int, np.ndarray]],
    used: _Stated,
    *,
    per_group: int,
    min_support: int,
    restated: np.ndarray,
    prompt: str = "",
    times: StepTimes = NO_TIMES,
) -> list[_Point]:
    """The key points of one group (or one prompt's part of it): candidates from ``clusters`` (of ``part``, in the order
    tried), each counted over every member."""
    members, vectors = part.members, part.vectors
    with times.step("key_points.candidates"):
        tried = [(inside, _candidates(table, by_owner, members, vectors, inside, used, restated)) for *_, inside in clusters]
        tried = [(inside, options) for inside, options in tried if len(options)]
    if not tried:
        return []
    with times.step("key_points.match"):
        # Every candidate matched against every sentence of the group, a block of sentences at a time (a position's
        # group can hold most of a 193,630-row consultation: its vectors are not copied whole).
        rows = np.concatenate([by_owner[int(m)] for m in members])
        every = np.unique(np.concatenate([options for _, options in tried]))
        centres = subject_centres(table, rows, every, inputs.subjects, prompt)
        probability = np.empty((len(rows), len(every)), dtype=np.float32)  # to choose among statements, not to count
        passes = np.empty((len(rows), len(every)), dtype=bool)
        for start in range(0, len(rows), MATCH_BLOCK):
            block = table.scores(rows[start : start + MATCH_BLOCK], every, centres)
            passes[start : start + MATCH_BLOCK] = block >= COUNT_THRESHOLD
            passes[start : start + MATCH_BLOCK] &= ~restated[rows[start : start + MATCH_BLOCK], None]
            probability[start : start + MATCH_BLOCK] = block
        column = {int(o): j for j, o in enumerate(every.tolist())}
        owners = table.owner[rows]
    points: list[_Point] = []
    # A sentence makes one point: once an earlier (larger) point of the group has counted it, no later point counts it
    # again (read 10 found one contribution in two key points of one subject).
    taken = np.zeros(len(rows), dtype=bool)
    sentence_at = {int(s): i for i, s in enumerate(rows.tolist())}
    for inside, options in tried:
        if len(points) >= per_group:
            break
        options = np.array(
            [o for o in options.tolist() if normalised(table.texts[o]) not in used.texts and not taken[sentence_at[int(o)]]], dtype=np.int64
        )
        # Not a second statement of a point already stated, in this group or an earlier one (read 40: one argument stated
        # twice split its contributions between two counts; on ArgKP train, 12 of 50 pure points repeated an earlier one).
        options = options[~used.restated(table, options, prompt)]
        if not len(options):
            continue
        counted = [
            _one_per_author(
                _count(table, owners, passes[:, column[int(o)]] & ~taken, int(o), inputs.positions), int(table.owner[o]), inputs.authors
            )
            for o in options
        ]
        weights = [float(inputs.weights[ids].sum()) for ids in counted]
        # The statement that the most contributions make; among equals, the one its members' sentences match best (the
        # sentence closest to the others, not one with a detail they do not share: read 10's «nueva vivienda» for three
        # that ask for «vivienda digna»), then the one closest to the cluster's centre.
        closeness = [float(probability[passes[:, column[int(o)]] & ~taken, column[int(o)]].sum()) for o in options]
        best = max(range(len(options)), key=lambda j: (len(counted[j]), weights[j], round(closeness[j], 6), -j))
        if len(counted[best]) < min_support:
            continue
        statement = int(options[best])
        used.add(table, statement, prompt)
        taken |= (passes[:, column[statement]] & np.isin(owners, counted[best])) | (rows == statement)
        points.append(_Point(statement, counted[best], weights[best], members[inside]))
    points.sort(key=lambda p: (-p.weight, -len(p.members), p.statement))
    return points


def _restates(members: set[str], stated: list[set[str]]) -> bool:
    """Whether more than ``RESTATED_SHARE`` of ``members`` are the members of one earlier point."""
    return any(len(members & earlier) > RESTATED_SHARE * len(members) for earlier in stated)


def drop_restated(points: pd.DataFrame) -> pd.DataFrame:
    """The key points as the report states them (``points`` in report order, groups first), without a point most of
    whose contributions an earlier point already counts: that is the earlier point again in other words ("Fundamental
    son los derechos humanos" under a theme, after "los derechos humanos son lo fundamental" under its subject).
    Each group's points are ranked again."""
    if points.empty:
        return points
    stated: list[set[str]] = []
    keep = []
    for ids in points["comment_ids"].astype(str):
        members = set(ids.split(";"))
        keep.append(not _restates(members, stated))
        if keep[-1]:
            stated.append(members)
    out = points[np.asarray(keep)].copy()
    out["rank"] = out.groupby(["scope", "group_id"], sort=False).cumcount() + 1
    return out.reset_index(drop=True)


def key_points(
    inputs: KeyPointInputs,
    groups: dict[tuple[str, str], np.ndarray],
    encode: Callable[[list[str]], np.ndarray],
    *,
    per_group: int = POINTS_PER_GROUP,
    min_support: int = MIN_SUPPORT,
    random_state: int = 42,
    times: StepTimes = NO_TIMES,
) -> pd.DataFrame:
    """Up to ``per_group`` key points of each group (``(scope, group id)`` -> unit rows), largest point first.

    Groups are taken in the given order, and a sentence that states a point of one group states no other."""
    wanted = [np.asarray(m, dtype=np.int64) for m in groups.values() if len(m) >= min_support]
    rows_needed = np.unique(np.concatenate(wanted)) if wanted else np.zeros(0, dtype=np.int64)
    with times.step("key_points.sentences"):
        table = sentence_table(inputs, rows_needed, encode, times)
    by_owner: dict[int, np.ndarray] = {}
    if len(table.owner):
        order = np.argsort(table.owner, kind="stable")
        starts = np.flatnonzero(np.r_[True, np.diff(table.owner[order]) != 0])
        for chunk in np.split(order, starts[1:]):
            by_owner[int(table.owner[chunk[0]])] = chunk
    used = _Stated()
    with times.step("key_points.restating"):
        restated = restating(table, inputs.prompts, encode)
    rows = []
    entries = [(scope, group, np.sort(np.asarray(m, dtype=np.int64))) for (scope, group), m in groups.items() if len(m) >= min_support]
    # A group split by prompt (``prompt_points.by_prompt``: its parts in a row) tries the largest clusters of all its
    # parts together, as many as one group would (each part's points are then ranked again, ``with_prompts``).
    # A part whose contributions all together are fewer than those of the group's last cluster to try so far cannot
    # add one (a cluster holds some of its part's contributions), and is not clustered.
    tries = per_group * CLUSTERS_TRIED
    # Its parts are clustered on as many rows as the whole group would be (CLUSTER_SAMPLE, shared by size; at least
    # PART_SAMPLE each): split into 135 prompts, the largest group of Chile 2016 took 20 s to cluster, against 9 s whole.
    for _, together in groupby(entries, key=lambda e: (e[0], whole_group(e[1]))):
        together = list(together)
        total = sum(len(members) for *_, members in together)
        parts, ranked = [], []
        for scope, group, members in together:
            if len(ranked) >= tries and float(inputs.weights[members].sum()) < ranked[-1][0][0]:
                continue
            sample = max(-(-CLUSTER_SAMPLE * len(members) // total), PART_SAMPLE)
            part = _part(inputs, members, min_support=min_support, random_state=random_state, sample=sample, times=times)
            ranked = sorted(ranked + [(c, len(parts)) for c in part.clusters], key=lambda c: (-c[0][0], -c[0][1], c[1], c[0][2]))[:tries]
            parts.append((scope, group, part))
        for k, (scope, group, part) in enumerate(parts):
            clusters = [cluster for cluster, j in ranked if j == k]
            if not clusters:
                continue
            points = _group_points(
                table,
                by_owner,
                inputs,
                part,
                clusters,
                used,
                per_group=per_group,
                min_support=min_support,
                prompt=part_prompt(group),
                restated=restated,
                times=times,
            )
            rows.extend(_point_rows(scope, group, points, table, inputs))
    return pd.DataFrame(rows, columns=COLUMNS + EXTRA_COLUMNS)


def _point_rows(scope: str, group: str, points: list[_Point], table: SentenceTable, inputs: KeyPointInputs) -> list[dict]:
    """The rows of ``key_points``' table for one group's points, ranked as found."""
    rows = []
    for rank, point in enumerate(points, 1):
        author = int(table.owner[point.statement])
        cluster_pass = np.isin(point.cluster, point.members).mean() if len(point.cluster) else 0.0
        rows.append(
            {
                "scope": scope,
                "group_id": str(group),
                "rank": rank,
                "statement": table.texts[point.statement],
                "comment_id": str(inputs.ids[author]),
                "contributions": int(round(point.weight)),
                "unique_contributions": int(len(point.members)),
                "comment_ids": ";".join(str(inputs.ids[i]) for i in point.members),
                "cluster_size": int(len(point.cluster)),
                "cluster_share": float(cluster_pass),
            }
        )
    return rows


def key_point_groups(units: pd.DataFrame) -> dict[tuple[str, str], np.ndarray]:
    """Unit rows of every headline group and every theme (``other`` and outliers left out), in a fixed order."""
    groups: dict[tuple[str, str], np.ndarray] = {}
    if schema.TOPIC_GROUP_ID in units:
        ids = units[schema.TOPIC_GROUP_ID].astype("Int64").fillna(-1).astype(int).to_numpy()
        for g in sorted(set(ids.tolist()) - {-1}):
            groups[("group", str(g))] = np.flatnonzero(ids == g)
    if schema.THEMES in units:
        exploded = units[schema.THEMES].astype(str).str.split(";")
        position = pd.Series(np.arange(len(units)), index=units.index)
        per_theme: dict[str, list[int]] = {}
        for pos, themes in zip(position, exploded):
            for theme in themes:
                if theme and theme != schema.OTHER_THEME:
                    per_theme.setdefault(theme, []).append(int(pos))
        for theme in sorted(per_theme):
            groups[("theme", theme)] = np.asarray(per_theme[theme], dtype=np.int64)
    return groups
