"""End-to-end speed and memory on the full Chile 2016 corpus (193,630 comments).

Prints JSON: wall time, peak RSS, per-stage seconds and throughput, rows, topic
quality (NMI against concepto_norm), and optionally the same embeddings through
vanilla BERTopic (UMAP + HDBSCAN defaults) as a speed/quality ratio, and a
second run that must skip embedding thanks to the cache.

    python benchmarks/bench_scale.py                 # default pipeline, full corpus
    python benchmarks/bench_scale.py --rows 50000    # a prefix, for quick checks
    python benchmarks/bench_scale.py --vanilla       # also time vanilla BERTopic (its defaults) on the same embeddings
    python benchmarks/bench_scale.py --repeat        # run twice: the second must not re-embed
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _common import TimingProgress, TreeMemory, peak_rss_mb, shared


def run_once(input_path: Path, out: Path, cache: Path, overrides: list[str]) -> dict:
    from consultnlp.analysis import analyze
    from consultnlp.config import load_config

    cfg = load_config(
        overrides=overrides, extra={"ingest": {"text_column": "fundamento", "id_column": "row_id", "segment_columns": ["tema_nombre"]}}
    )
    progress = TimingProgress()
    start = time.perf_counter()
    with TreeMemory() as memory:
        result = analyze(input_path, out, cfg, progress=progress, cache_dir=cache)
    wall = time.perf_counter() - start
    rows = result.manifest["rows"]
    timings = result.manifest["timings_s"]
    n_units = int(len(result.result.context.unit_ids)) if result.result.context.unit_ids is not None else 0
    return {
        "wall_s": round(wall, 1),
        # This process and its worker processes together, sampled every 0.25 s (the figure to hold to a memory budget).
        "peak_rss_mb_all_processes": round(memory.peak_mb, 1),
        "peak_rss_mb_main_process_so_far": peak_rss_mb(),
        "workers": cfg.workers,
        "rows": rows,
        "unique_units_modelled": n_units,
        "stage_seconds": timings,
        "stage_rows_per_s": {k: round(rows["input"] / v) for k, v in timings.items() if v},
        # Shares of the run (the gate is part of write): on a shared machine compare these, not the seconds.
        "stage_share": {k: round(v / max(sum(x for n, x in timings.items() if n != "privacy_gate"), 1e-9), 3) for k, v in timings.items()},
        "summarise_steps_s": result.manifest.get("step_timings_s", {}).get("summarise"),
        "embeddings_computed": result.manifest["stats"].get("embeddings_computed"),
        "embeddings_cached": result.manifest["stats"].get("embeddings_cached"),
        "result": result,
    }


def clustering_scores(labels, topics) -> dict:
    """NMI and AMI of topic ids against gold labels (outliers count as one more cluster), topic count, outlier share."""
    import numpy as np
    from sklearn.metrics import adjusted_mutual_info_score, normalized_mutual_info_score

    topics = np.asarray(topics)
    return {
        "nmi": round(normalized_mutual_info_score(labels, topics), 4),
        "ami": round(adjusted_mutual_info_score(labels, topics), 4),
        "n_topics": int(len(set(topics.tolist()) - {-1})),
        "outlier_share": round(float((topics == -1).mean()), 4),
    }


def topic_quality(result, label_column: str) -> dict:
    """Ours, against ``label_column``: on the modelled unique comments (as vanilla sees them) and on every analysed row."""
    frame = result.result.frame
    units = frame.loc[result.result.context.unit_ids]
    analysed = frame[frame["excluded"] == ""]
    return {
        "label": label_column,
        "on_unique_comments": clustering_scores(units[label_column], units["topic_id"].astype(int)),
        "on_analysed_rows": clustering_scores(analysed[label_column], analysed["topic_id"].astype(int)),
    }


def vanilla(result, label_column: str, random_state: int | None) -> dict:
    """BERTopic with its defaults (UMAP + HDBSCAN) on the same embeddings and the same unique comments.

    ``language="multilingual"`` only keeps accents in its keywords (no effect on the clusters).
    With ``random_state`` None, UMAP is BERTopic's default (unseeded, all cores); with a seed,
    UMAP runs single-threaded like ours, which is slower.
    """
    from bertopic import BERTopic

    ctx = result.result.context
    frame = result.result.frame
    docs = frame.loc[ctx.unit_ids, "text_redacted"].tolist()
    labels = frame.loc[ctx.unit_ids, label_column]
    options = {}
    if random_state is not None:
        from umap import UMAP

        options["umap_model"] = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=random_state)
    model = BERTopic(language="multilingual", **options)
    start = time.perf_counter()
    topics, _ = model.fit_transform(docs, embeddings=ctx.embeddings)
    seconds = time.perf_counter() - start
    return {
        "umap_seed": random_state,
        "fit_s": round(seconds, 1),
        "on_unique_comments": clustering_scores(labels, topics),
        "peak_rss_mb_after": peak_rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=None)
    parser.add_argument("--rows", type=int, default=None, help="use only the first N rows")
    parser.add_argument("--label-column", default="concepto_norm")
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    parser.add_argument("--vanilla", action="store_true", help="also fit BERTopic with its defaults on the same embeddings")
    parser.add_argument("--vanilla-seed", type=int, default=None, help="seed vanilla's UMAP (single-threaded, slower)")
    parser.add_argument("--repeat", action="store_true")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench_scale_"))
    work.mkdir(parents=True, exist_ok=True)
    source = args.input or shared("chile-ela-2016", "ela_fundamentos.csv.gz")
    if args.rows:
        import pandas as pd

        subset = work / f"subset_{args.rows}.csv"
        pd.read_csv(source, dtype=str, keep_default_na=False, nrows=args.rows).to_csv(subset, index=False)
        source = subset
    cache = work / "cache"
    report: dict = {"input": str(source), "overrides": args.overrides}
    first = run_once(source, work / "out1", cache, args.overrides)
    report["run1"] = {k: v for k, v in first.items() if k != "result"}
    report["run1"]["topics"] = topic_quality(first["result"], args.label_column)
    if args.vanilla:
        report["vanilla_bertopic"] = vanilla(first["result"], args.label_column, args.vanilla_seed)
        ours = first["stage_seconds"].get("topics")
        report["topic_stage_speedup_vs_vanilla"] = round(report["vanilla_bertopic"]["fit_s"] / ours, 2) if ours else None
    if args.repeat:
        second = run_once(source, work / "out2", cache, args.overrides)
        report["run2_cached"] = {k: v for k, v in second.items() if k != "result"}
    print(json.dumps(report, indent=2, default=str))
    print(f"outputs under {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
