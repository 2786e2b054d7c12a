"""How much the opinion groups depend on the random seed, and how far they agree with Pol.is's own, over several seeds.

For every conversation in ``../shared/data/external/polis-opendata`` with a vote matrix, the groups are formed as the
pipeline forms them (``bench_opinion_groups.py``: without rejected statements, the organiser's profile questions or the
organiser's account) with seeds 0 to ``--seeds`` - 1. Prints one line per conversation: the mean adjusted Rand index
between the seeds' groupings (1: the seed changes nothing), the mean ARI against Pol.is's ``group-id``, and each seed's
k; then the means over the conversations. Asserts nothing.

    python benchmarks/bench_opinion_group_seeds.py
"""

from __future__ import annotations

import argparse
import itertools

import numpy as np
import pandas as pd
from _common import shared
from bench_opinion_groups import organiser_accounts, profile, rejected
from sklearn.metrics import adjusted_rand_score

from consultnlp.votes import opinion_groups, read_vote_matrix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    between, against = [], []
    for folder in sorted(p for p in shared("polis-opendata").iterdir() if p.is_dir()):
        matrix = read_vote_matrix(folder)
        if matrix is None:
            continue
        matrix = matrix.without_participants(organiser_accounts(folder)).without(rejected(folder) | profile(folder))
        runs = [found for seed in range(args.seeds) if (found := opinion_groups(matrix, random_state=seed)) is not None]
        if len(runs) < 2:
            continue
        pairs = [adjusted_rand_score(a.groups, b.groups.reindex(a.groups.index)) for a, b in itertools.combinations(runs, 2)]
        theirs = matrix.platform_groups.dropna() if matrix.platform_groups is not None else pd.Series(dtype=float)
        polis = []
        for found in runs:
            both = found.groups.index.intersection(theirs.index)
            polis.append(adjusted_rand_score(theirs.loc[both].astype(int), found.groups.loc[both]) if len(both) else np.nan)
        between.append(float(np.mean(pairs)))
        against.append(float(np.nanmean(polis)))
        print(f"{folder.name[:40]:40s} seeds agree {between[-1]:.3f}  ARI vs Pol.is {against[-1]:.3f}  k {[r.k for r in runs]}")
    print(f"mean over {len(between)} conversations: seeds agree {np.mean(between):.3f}, ARI vs Pol.is {np.mean(against):.3f}")


if __name__ == "__main__":
    main()
