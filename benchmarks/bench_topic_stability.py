"""Do the topics survive a small change to the input? Prints the agreement of topic assignments, as adjusted Rand index.

Stop 37 set aside three distinct texts (30 rows) of the full Chilean file as process notes and non-answers; the
topic assignment of the other 185,168 rows then agreed with the one before at an adjusted Rand index of about 0.5, and
the report led with other subjects. Runs are deterministic (the same input gives the same output); this measures
whether a reader can expect the subjects to survive a corrected export.

For each dataset: one reference run, then one run per perturbation, each dropping ``--drop`` distinct texts (every copy
of each) drawn with a seed. Printed per perturbation: the adjusted Rand index of ``topic_id`` and of
``topic_group_id`` over the rows analysed in both runs (outliers as a class of their own), the number of topics
and subjects in each run, and the share of rows whose headline subject keeps a name (the reference's name is among
the perturbed run's names for the same rows' majority subject).

    python benchmarks/bench_topic_stability.py                       # the bundled sample, 3 perturbations of 1 text
    python benchmarks/bench_topic_stability.py --dataset chile5k --drop 1 --runs 3

The Chile 5k sample takes about 40 s a run on 2 cores with a warm embedding cache (``--cache-dir``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from _common import ROOT, SHARED
from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(ROOT))

from consultnlp.api import analyze  # noqa: E402

DATASETS = {
    "sample": (ROOT / "data" / "samples" / "consulta_gobierno_abierto.csv", {"text_column": "comentario", "id_column": "id"}),
    "chile5k": (SHARED / "chile-ela-2016" / "ela_fundamentos_sample5k.csv", {"text_column": "fundamento", "id_column": "row_id"}),
}


def assignments(path: Path, options: dict, cache_dir: Path | None) -> pd.DataFrame:
    """``topic_id``, ``topic_group_id`` and ``topic_group_label`` of every analysed row of one in-memory run."""
    run = analyze(path, cache_dir=cache_dir, **options)
    frame = run.comments
    analysed = frame["excluded"].fillna("").astype(str).eq("")
    out = frame.loc[analysed, ["topic_id", "topic_group_id", "topic_group_label"]].copy()
    out.index = out.index.astype(str)
    return out


def compare(reference: pd.DataFrame, other: pd.DataFrame) -> dict:
    common = reference.index.intersection(other.index)
    a, b = reference.loc[common], other.loc[common]
    # Does each reference subject keep its name? The perturbed run's subject of most of its rows has the same label.
    kept = 0
    for label, rows in a.groupby("topic_group_label").groups.items():
        top = b.loc[rows, "topic_group_label"].value_counts()
        kept += len(rows) if len(top) and top.index[0] == label else 0
    return {
        "rows_compared": int(len(common)),
        "topics_ari": round(float(adjusted_rand_score(a["topic_id"].astype(str), b["topic_id"].astype(str))), 3),
        "subjects_ari": round(float(adjusted_rand_score(a["topic_group_id"].astype(str), b["topic_group_id"].astype(str))), 3),
        "topics": [int(a["topic_id"].nunique()), int(b["topic_id"].nunique())],
        "subjects": [int(a["topic_group_id"].nunique()), int(b["topic_group_id"].nunique())],
        "rows_whose_subject_keeps_its_name": round(kept / max(len(common), 1), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", default="sample", choices=sorted(DATASETS))
    parser.add_argument("--drop", type=int, default=1, help="distinct texts dropped per perturbation (every copy of each)")
    parser.add_argument("--runs", type=int, default=3, help="perturbations")
    parser.add_argument("--cache-dir", type=Path, default=None)
    args = parser.parse_args()
    path, options = DATASETS[args.dataset]
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    text = options["text_column"]
    reference = assignments(path, options, args.cache_dir)
    distinct = sorted(set(table[text]) - {""})
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for seed in range(args.runs):
            dropped = set(np.random.default_rng(seed).choice(distinct, args.drop, replace=False))
            smaller = Path(scratch) / f"drop{seed}{path.suffix}"
            table[~table[text].isin(dropped)].to_csv(smaller, index=False)
            results.append(
                {
                    "seed": seed,
                    "rows_dropped": int(table[text].isin(dropped).sum()),
                    **compare(reference, assignments(smaller, options, args.cache_dir)),
                }
            )
    print(json.dumps({"dataset": args.dataset, "drop": args.drop, "perturbations": results}, indent=2))


if __name__ == "__main__":
    main()
