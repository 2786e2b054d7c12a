"""Opinion groups from Pol.is votes against the groups Pol.is itself assigned.

For every conversation in ``../shared/data/external/polis-opendata`` with a vote matrix, prints one JSON
line: participants placed by each side, k and silhouette of ours, Pol.is's k, and the adjusted Rand index
of our groups against Pol.is's ``group-id`` on the participants both placed (groups formed as the pipeline forms them,
without the organiser's profile questions and, from stop 41, without the organiser's account; ``ari_with_profile``: with
the questions, as before stop 32); then the consensus and
divisive statements of ``--show`` conversations (their text), to be read.

    python benchmarks/bench_opinion_groups.py
    python benchmarks/bench_opinion_groups.py --show brexit-consensus,scoop-hivemind.ubi
"""

from __future__ import annotations

import argparse
import json
import time

import pandas as pd
from _common import shared
from sklearn.metrics import adjusted_rand_score

from consultnlp.ingest.platforms import organiser_statements, relayed_from
from consultnlp.votes import group_statements, opinion_groups, read_vote_matrix, statement_votes
from consultnlp.votes.profile import profile_questions


def rejected(folder) -> set[str]:
    comments = pd.read_csv(folder / "comments.csv", dtype=str)
    return set(comments.loc[comments["moderated"] == "-1", "comment-id"])


def organiser_accounts(folder) -> set[str]:
    """The account that posted the organiser's own statements: no participant, left out of the votes as the pipeline
    leaves it out (``analysis._without_organiser``; from stop 41)."""
    comments = pd.read_csv(folder / "comments.csv", dtype=str).set_index("comment-id", drop=False)
    found = organiser_statements(comments)
    if found is None:
        return set()
    seeds, organiser = found
    official = organiser & (relayed_from(comments, seeds, organiser) == "")
    return set(comments.loc[official.to_numpy(), "author-id"].dropna().astype(str).str.strip()) - {""}


def profile(folder) -> set[str]:
    """The organiser's questions about who took part, which the pipeline keeps out of the groups (``votes.profile``)."""
    comments = pd.read_csv(folder / "comments.csv", dtype=str).set_index("comment-id", drop=False)
    found = organiser_statements(comments)
    if found is None:
        return set()
    seeds, organiser = found
    official = organiser & (relayed_from(comments, seeds, organiser) == "")  # as the Pol.is reader sets them aside
    return profile_questions(comments, set(comments.index[official.to_numpy()]), "comment-body")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", default="", help="conversations whose consensus and divisive statements to print")
    args = parser.parse_args()
    root = shared("polis-opendata")
    aris = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        matrix = read_vote_matrix(folder)
        if matrix is None:
            continue
        matrix = matrix.without_participants(organiser_accounts(folder))
        started = time.perf_counter()
        asked = profile(folder)
        found = opinion_groups(matrix.without(rejected(folder) | asked))
        seconds = time.perf_counter() - started
        with_profile = opinion_groups(matrix.without(rejected(folder))) if asked else found
        theirs = matrix.platform_groups.dropna() if matrix.platform_groups is not None else pd.Series(dtype=float)
        row = {
            "conversation": folder.name,
            "participants": len(matrix.participants),
            "statements": len(matrix.statements),
            "polis_placed": len(theirs),
            "polis_k": int(theirs.nunique()),
            "profile_questions": len(asked),
            "seconds": round(seconds, 2),
        }
        if with_profile is not None and with_profile is not found:
            both = with_profile.groups.index.intersection(theirs.index)
            row["ari_with_profile"] = (
                round(adjusted_rand_score(theirs.loc[both].astype(int), with_profile.groups.loc[both]), 3) if len(both) else None
            )
            row["k_with_profile"] = with_profile.k
        if found is not None:
            both = found.groups.index.intersection(theirs.index)
            ari = adjusted_rand_score(theirs.loc[both].astype(int), found.groups.loc[both]) if len(both) else float("nan")
            aris.append(ari)
            row.update(
                {
                    "ours_placed": len(found.groups),
                    "ours_k": found.k,
                    "silhouette": found.silhouette,
                    "compared": len(both),
                    "ari": round(ari, 3),
                }
            )
        print(json.dumps(row))
        if folder.name in args.show.split(",") and found is not None:
            texts = pd.read_csv(folder / "comments.csv", dtype=str).set_index("comment-id")["comment-body"]
            votes = statement_votes(matrix.without(rejected(folder)), found)
            overall = votes[votes["group"] == "all"].set_index("statement")
            for flag in ("consensus", "divisive"):
                chosen = overall[overall[flag]].sort_values("seen", ascending=False).head(5)
                print(f"  {flag} ({int(overall[flag].sum())}):")
                for sid, _row in chosen.iterrows():
                    shares = votes[(votes["statement"] == sid) & (votes["group"] != "all")]
                    by_group = ", ".join(
                        f"g{g}: {a:.0%} agree/{d:.0%} disagree"
                        for g, a, d in shares[["group", "agree_share", "disagree_share"]].itertuples(index=False)
                    )
                    print(f"    [{sid}] {texts.get(sid, '?')[:110]!r} ({by_group})")
            apart = group_statements(matrix.without(rejected(folder)), found, per_group=2)
            for r in apart.itertuples(index=False):
                print(
                    f"  group {r.group} {r.direction}s {r.share_in_group:.0%} vs {r.share_outside:.0%}: {texts.get(r.statement, '?')[:100]!r}"
                )
    if aris:
        print(
            json.dumps(
                {
                    "conversations": len(aris),
                    "mean_ari": round(sum(aris) / len(aris), 3),
                    "median_ari": round(float(pd.Series(aris).median()), 3),
                }
            )
        )


if __name__ == "__main__":
    main()
