"""Does the key-point matcher count a sentence that says the opposite? A blind, hand-written set of (statement,
sentence) pairs in es/pt/en labelled ``same`` (the sentence makes the point), ``opposite`` or ``different`` (same
subject, another point): ``benchmarks/labels/keypoint_pairs.tsv``, described in ``KEYPOINT_PAIRS.md``.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_keypoint_pairs.py [--cache-dir DIR]

Per label and language: the share of pairs the matcher counts (probability at or above ``matching.COUNT_THRESHOLD``, the
sentence's best-matching sentence), for the matcher as it runs and for two ablations: no judgement words (negation
alone) and no opposite-sentence rule at all. A ``same`` pair counted is right; an ``opposite`` or ``different`` pair
counted is a false claim in a report. Prints numbers; asserts nothing.

The judgement words (``data/valence``) were written before this set existed. After one look at the es and en
rows the matcher counted, four words were added ("success", "easy", "difficult" and their es/pt forms) and
"more"/"less" stopped marking a demand; the pt rows were never read: they are the held-out part.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consultnlp.summary import matching  # noqa: E402
from consultnlp.summary.keypoints import sentences  # noqa: E402

PAIRS = ROOT / "benchmarks" / "labels" / "keypoint_pairs.tsv"


def scores(pairs: pd.DataFrame, cache_dir: Path | None) -> pd.DataFrame:
    from bench_keypoints import encoder

    owner, texts = [], []
    for i, (statement, sentence) in enumerate(zip(pairs["statement"], pairs["sentence"])):
        owner.append(-1 - i)  # the statement: one sentence
        texts.append(statement)
        for piece in sentences(sentence) or [sentence]:
            owner.append(i)
            texts.append(piece)
    unique = sorted(set(texts))
    vectors = encoder(cache_dir).encode(unique, description="pairs")
    where = {t: k for k, t in enumerate(unique)}
    table = matching.SentenceTable.build(np.array(owner), texts, vectors[[where[t] for t in texts]])
    owner = np.array(owner)
    # Each pair is its own subject, with no other sentence on it: matched on the plain cosine, as the tool matches a
    # statement whose subject has too few sentences to centre on (``keypoints.subject_centres``). Centred on all the
    # pairs at once (a centre broader than any one subject), the matcher counted 38% of the "different" pairs.
    centre = np.zeros(table.vectors.shape[1], dtype=np.float32)
    rows = []
    for i in range(len(pairs)):
        mine = np.flatnonzero(owner == i)
        statement = np.flatnonzero(owner == -1 - i)
        subset = table.subset(mine)
        raw = matching.match_probability(*subset.components(table, statement, centre), False)[:, 0]
        opposite = subset.opposite(table, statement)[:, 0]
        negation_only = subset.negated != table.negated[statement[0]]
        rows.append(
            {
                "matcher": float(np.where(opposite, 0.0, raw).max()),
                "negation only": float(np.where(negation_only, 0.0, raw).max()),
                "no opposite rule": float(raw.max()),
            }
        )
    return pd.concat([pairs.reset_index(drop=True), pd.DataFrame(rows)], axis=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache-dir", type=Path, default=None)
    args = parser.parse_args()
    if not PAIRS.exists():
        sys.exit(f"{PAIRS} is missing.")
    pairs = pd.read_csv(PAIRS, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False)
    scored = scores(pairs, args.cache_dir)
    print(f"{len(pairs)} pairs; counted = probability >= {matching.COUNT_THRESHOLD}")
    for variant in ("matcher", "negation only", "no opposite rule"):
        counted = scored[variant] >= matching.COUNT_THRESHOLD
        table = counted.groupby([scored["label"], scored["lang"]]).mean().unstack("lang")
        table["all"] = counted.groupby(scored["label"]).mean()
        n = counted.groupby(scored["label"]).sum()
        print(f"\n{variant}: share of pairs counted as making the statement's point")
        print((table.round(3)).assign(n_counted=n).to_string())
    judged = scored["statement"].map(matching.judgement).ne(0) & scored["sentence"].map(matching.judgement).ne(0)
    print(f"\npairs where both sides carry a judgement word: {int(judged.sum())} of {len(scored)}")
    print(judged.groupby(scored["label"]).mean().round(3).to_string())


if __name__ == "__main__":
    main()
