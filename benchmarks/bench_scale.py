"""End-to-end speed and memory on the full Chile 2016 corpus (193,630 comments).

Prints JSON: wall time, peak RSS, per-stage seconds and throughput, rows, topic
quality (NMI against concepto_norm), and optionally the same embeddings through
vanilla BERTopic (UMAP + HDBSCAN defaults) as a speed/quality ratio, and a
second run that must skip embedding thanks to the cache.

    python benchmarks/bench_scale.py                 # default pipeline, full corpus
    python benchmarks/bench_scale.py --rows 50000    # a prefix, for quick checks
    python benchmarks/bench_scale.py --vanilla       # also time vanilla BERTopic on the same embeddings
    python benchmarks/bench_scale.py --repeat        # run twice: the second must not re-embed
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _common import TimingProgress, peak_rss_mb, shared


def run_once(input_path: Path, out: Path, cache: Path, overrides: list[str]) -> dict:
    from consultnlp.analysis import analyze
    from consultnlp.config import load_config

    cfg = load_config(overrides=overrides, extra={"ingest": {"text_column": "fundamento", "id_column": "row_id", "segment_columns": ["tema_nombre"]}})
    progress = TimingProgress()
    start = time.perf_counter()
    result = analyze(input_path, out, cfg, progress=progress, cache_dir=cache)
    wall = time.perf_counter() - start
    rows = result.manifest["rows"]
    timings = result.manifest["timings_s"]
    n_units = int(len(result.result.context.unit_ids)) if result.result.context.unit_ids is not None else 0
    return {
        "wall_s": round(wall, 1),
        "peak_rss_mb": peak_rss_mb(),
        "rows": rows,
        "unique_units_modelled": n_units,
        "stage_seconds": timings,
        "stage_rows_per_s": {k: round(rows["input"] / v) for k, v in timings.items() if v},
        "embeddings_computed": result.manifest["stats"].get("embeddings_computed"),
        "embeddings_cached": result.manifest["stats"].get("embeddings_cached"),
        "result": result,
    }


def topic_quality(result, label_column: str) -> dict:
    from sklearn.metrics import normalized_mutual_info_score

    frame = result.result.frame
    analysed = frame[frame["excluded"] == ""]
    topics = analysed["topic_id"].astype(int)
    return {
        "nmi_vs_" + label_column: round(normalized_mutual_info_score(analysed[label_column], topics), 4),
        "n_topics": int(topics[topics >= 0].nunique()),
        "outlier_share": round(float((topics == -1).mean()), 4),
    }


def vanilla(result, label_column: str, random_state: int) -> dict:
    """BERTopic with its default UMAP + HDBSCAN on the same embeddings and the same documents."""
    from bertopic import BERTopic
    from sklearn.metrics import normalized_mutual_info_score
    from umap import UMAP

    ctx = result.result.context
    frame = result.result.frame
    docs = frame.loc[ctx.unit_ids, "text_redacted"].tolist()
    labels = frame.loc[ctx.unit_ids, label_column]
    model = BERTopic(language="multilingual", umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=random_state))
    start = time.perf_counter()
    topics, _ = model.fit_transform(docs, embeddings=ctx.embeddings)
    seconds = time.perf_counter() - start
    import numpy as np

    topics = np.asarray(topics)
    return {
        "fit_s": round(seconds, 1),
        "nmi_vs_" + label_column + "_on_units": round(normalized_mutual_info_score(labels, topics), 4),
        "n_topics": int(len(set(topics.tolist()) - {-1})),
        "outlier_share": round(float((topics == -1).mean()), 4),
        "peak_rss_mb_after": peak_rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=None)
    parser.add_argument("--rows", type=int, default=None, help="use only the first N rows")
    parser.add_argument("--label-column", default="concepto_norm")
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    parser.add_argument("--vanilla", action="store_true")
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
        report["vanilla_bertopic"] = vanilla(first["result"], args.label_column, 42)
        ours = first["run1_topics_s"] = first["stage_seconds"].get("topics")
        report["topic_stage_speedup_vs_vanilla"] = round(report["vanilla_bertopic"]["fit_s"] / ours, 2) if ours else None
    if args.repeat:
        second = run_once(source, work / "out2", cache, args.overrides)
        report["run2_cached"] = {k: v for k, v in second.items() if k != "result"}
    print(json.dumps(report, indent=2, default=str))
    print(f"outputs under {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
