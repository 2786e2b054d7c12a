"""Key points of ArgKP-2021 analysed as a consultation, scored against its human judgements.

ArgKP's arguments answer one of a few motions ("We should end affirmative action") with a side, and its annotators
said, for every argument and every key point of its motion and side, whether the argument makes that point. Run as a
consultation (the motion as the prompt, the side as a closed question), each key point the tool finds can be read
against those judgements without a reader:

- **purity**: of a point's counted members, the share whose judged key points include the point's most common one;
  a point is *pure* when at least ``PURE`` of its members are;
- **statement**: whether the quoted member itself makes that most common point;
- **mixed sides**: points whose members argue both sides of the motion (the findings issue: never);
- **stated twice**: points whose most common judged key point is that of an earlier (pure) point: one argument the
  report lists twice, its contributions split between the two counts;
- **coverage**: of the arguments the annotators matched to some key point, the share counted in a key point.

A point whose statement only restates a side ("we should not adopt an austerity regime") has no judged key point of
its own, so it scores low on purity although its members may all say it: read those by hand.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_keypoints_argkp.py --make dev --out /tmp/argkp_dev.csv
    .venv/bin/python -m consultnlp analyze /tmp/argkp_dev.csv --text-column text --id-column id \\
        --context-column prompt --position-column stance -o /tmp/argkp_dev
    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_keypoints_argkp.py --run /tmp/argkp_dev --split dev

Tune on ``train`` (24 motions, 5,583 arguments); report ``dev`` (4 motions, 932 arguments). Prints numbers; asserts
nothing.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
ARGKP = ROOT.parent / "shared" / "data" / "external" / "argkp-2021"
PURE = 0.75  # a point is pure when three in four of its members make its most common judged point
SIDES = {1: "Agree", -1: "Disagree"}


def make(split: str, out: Path) -> None:
    """The split's arguments as a consultation file: id, text, the motion as its prompt, the side as a closed answer."""
    args = pd.read_csv(ARGKP / f"arguments_{split}.csv")
    frame = pd.DataFrame({"id": args["arg_id"], "text": args["argument"], "prompt": args["topic"], "stance": args["stance"].map(SIDES)})
    frame.to_csv(out, index=False)
    print(f"{out}: {len(frame):,} arguments on {frame['prompt'].nunique()} motions")


def score(run: Path, split: str) -> None:
    labels = pd.read_csv(ARGKP / f"labels_{split}.csv")
    args = pd.read_csv(ARGKP / f"arguments_{split}.csv").set_index("arg_id")
    judged = labels[labels["label"] == 1].groupby("arg_id")["key_point_id"].apply(set).to_dict()
    points = pd.read_csv(run / "tables" / "key_points.csv", dtype=str, keep_default_na=False)
    pure = statement_ok = mixed = members = agreeing = 0
    counted: set[str] = set()
    tops: list[str] = []
    twice = 0
    for _, point in points.iterrows():
        ids = point["comment_ids"].split(";")
        counted.update(ids)
        votes = collections.Counter(k for i in ids for k in judged.get(i, ()))
        top, n = votes.most_common(1)[0] if votes else (None, 0)
        members, agreeing = members + len(ids), agreeing + n
        pure += n >= PURE * len(ids)
        if top is not None and n >= PURE * len(ids):
            twice += top in tops
            tops.append(top)
        statement_ok += top is not None and top in judged.get(point["comment_id"], set())
        mixed += args.loc[[i for i in ids if i in args.index], "stance"].nunique() > 1
    matched = set(judged)
    print(f"run {run} (ArgKP {split}): {len(points)} key points, {members} members counted")
    if not len(points):
        return
    print(f"  pure points (>= {PURE:.0%} of members make its most common judged point): {pure} of {len(points)} ({pure / len(points):.0%})")
    print(f"  members making their point's most common judged point: {agreeing} of {members} ({agreeing / members:.1%})")
    print(f"  statements that make it themselves: {statement_ok} of {len(points)}")
    print(f"  points mixing both sides of the motion: {mixed}")
    print(f"  pure points whose judged point an earlier pure point already states: {twice}")
    print(
        f"  coverage: {len(counted & matched)} of the {len(matched)} arguments judged to make some key point ({len(counted & matched) / len(matched):.1%})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--make", choices=["train", "dev"], help="write the split as a consultation file to --out")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--run", type=Path, help="a run folder made from that file")
    parser.add_argument("--split", choices=["train", "dev"], default="dev")
    ns = parser.parse_args()
    if ns.make:
        make(ns.make, ns.out)
    if ns.run:
        score(ns.run, ns.split)


if __name__ == "__main__":
    main()
