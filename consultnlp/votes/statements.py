"""How each opinion group voted on each statement: shares, consensus, division, and what sets a group apart.

Shares are of the participants of the group who saw the statement (agree + disagree + pass).
A statement is **consensus** when every group, each with at least ``min_seen`` votes on it, agrees with it
(agree probability, with one pseudo-vote each way as Pol.is does, of at least ``majority``); it is
**divisive** when one group agrees with it and another disagrees, both by that majority. A statement
**sets a group apart** (Pol.is's representative statements) when the group agrees (or disagrees) with it
by a majority, more than the other participants do, and the difference passes a one-sided two-proportion
z-test at 95%.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from consultnlp.votes.groups import OpinionGroups
from consultnlp.votes.matrix import VoteMatrix

MIN_SEEN = 5
MAJORITY = 0.6
Z_95 = 1.6449
ALL = "all"
COLUMNS = [
    "statement",
    "group",
    "seen",
    "agree",
    "disagree",
    "pass",
    "agree_share",
    "disagree_share",
    "pass_share",
    "consensus",
    "divisive",
]


def _counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (values == 1).sum(axis=0), (values == -1).sum(axis=0), (values == 0).sum(axis=0)


def _share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.round(np.divide(part, whole, out=np.zeros(len(part)), where=whole > 0), 4)


def _probability(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return (part + 1.0) / (whole + 2.0)


def statement_votes(matrix: VoteMatrix, groups: OpinionGroups, *, min_seen: int = MIN_SEEN, majority: float = MAJORITY) -> pd.DataFrame:
    """One row per statement for all participants (``group`` = "all") and per opinion group, with the
    statement-level ``consensus`` and ``divisive`` flags on every row of the statement (no groups: "all" rows only,
    neither flag)."""
    member = matrix.participants.isin(groups.groups.index)
    labels = groups.groups.reindex(matrix.participants[member]).to_numpy()
    values = matrix.values[member]
    ids = list(range(groups.k))
    per_group = {g: _counts(values[labels == g]) for g in ids}
    consensus = divisive = np.zeros(len(matrix.statements), dtype=bool)  # no groups: neither
    if per_group:
        agrees = np.vstack([_probability(a, a + d + p) for a, d, p in per_group.values()])
        disagrees = np.vstack([_probability(d, a + d + p) for a, d, p in per_group.values()])
        seen = np.vstack([a + d + p for a, d, p in per_group.values()])
        enough = (seen >= min_seen).all(axis=0)
        consensus = enough & (agrees >= majority).all(axis=0)
        divisive = enough & (agrees >= majority).any(axis=0) & (disagrees >= majority).any(axis=0)
    frames = []
    for group, (a, d, p) in [(ALL, _counts(matrix.values)), *per_group.items()]:
        total = a + d + p
        frames.append(
            pd.DataFrame(
                {
                    "statement": matrix.statements,
                    "group": str(group),
                    "seen": total,
                    "agree": a,
                    "disagree": d,
                    "pass": p,
                    "agree_share": _share(a, total),
                    "disagree_share": _share(d, total),
                    "pass_share": _share(p, total),
                    "consensus": consensus,
                    "divisive": divisive,
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table["_g"] = table["group"].map(lambda g: -1 if g == ALL else int(g))
    order = {s: i for i, s in enumerate(matrix.statements)}
    table = table.sort_values(["statement", "_g"], key=lambda c: c.map(order) if c.name == "statement" else c, kind="stable")
    return table.drop(columns="_g").reset_index(drop=True)[COLUMNS]


def group_statements(
    matrix: VoteMatrix, groups: OpinionGroups, *, per_group: int = 5, min_seen: int = MIN_SEEN, majority: float = MAJORITY
) -> pd.DataFrame:
    """The statements that set each group apart: ``group``, ``rank``, ``statement``, ``direction`` (agree/disagree),
    the share inside the group and outside it, and the z score of the difference."""
    member = matrix.participants.isin(groups.groups.index)
    labels = groups.groups.reindex(matrix.participants[member]).to_numpy()
    values = matrix.values[member]
    rows = []
    for g in range(groups.k):
        inside, outside = values[labels == g], values[labels != g]
        a_in, d_in, p_in = _counts(inside)
        a_out, d_out, p_out = _counts(outside)
        n_in, n_out = a_in + d_in + p_in, a_out + d_out + p_out
        candidates = []
        for direction, hits_in, hits_out in (("agree", a_in, a_out), ("disagree", d_in, d_out)):
            p1, p2 = _probability(hits_in, n_in), _probability(hits_out, n_out)
            pooled = (hits_in + hits_out + 1.0) / (n_in + n_out + 2.0)
            z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / (n_in + 1) + 1.0 / (n_out + 1)))
            ok = (n_in >= min_seen) & (p1 >= majority) & (p1 > p2) & (z >= Z_95)
            for j in np.flatnonzero(ok):
                candidates.append(
                    (float(z[j] * p1[j]), direction, j, float(_share(hits_in, n_in)[j]), float(_share(hits_out, n_out)[j]), float(z[j]))
                )
        candidates.sort(key=lambda c: (-c[0], c[2], c[1]))
        used: set[int] = set()
        for _, direction, j, share_in, share_out, z in candidates:
            if j in used:
                continue
            used.add(j)
            rows.append(
                {
                    "group": g,
                    "rank": len(used),
                    "statement": matrix.statements[j],
                    "direction": direction,
                    "share_in_group": share_in,
                    "share_outside": share_out,
                    "z": round(z, 3),
                }
            )
            if len(used) == per_group:
                break
    return pd.DataFrame(rows, columns=["group", "rank", "statement", "direction", "share_in_group", "share_outside", "z"])
