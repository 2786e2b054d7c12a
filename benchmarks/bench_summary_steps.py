"""Seconds of each step of the summary stage's key points, re-run on a finished run folder. Prints JSON.

    python benchmarks/bench_summary_steps.py RUN_DIR --cache-dir CACHE            # the run's own cache: every vector cached
    python benchmarks/bench_summary_steps.py RUN_DIR --cache-dir CACHE --profile  # also the 25 costliest functions
    PYTHONPATH=../old-checkout python benchmarks/bench_summary_steps.py ...         # another version of the code

``RUN_DIR`` is an ``analyze`` output folder (its ``private/comments.parquet``); ``CACHE`` the ``--cache-dir`` it
ran with, so the comments' vectors come from the cache (the key-point sentences too, after a first run). The
step names are the manifest's ``step_timings_s.summarise``; ``analyze`` itself reports them on every run.
This script isolates the key points so one change can be timed without a whole run, and checks that the
points found are those the run saved (``private/state/key_points.parquet``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import time
from pathlib import Path
from types import SimpleNamespace

import pandas as pd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir", type=Path)
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    from consultnlp import schema
    from consultnlp.analysis import find_key_points
    from consultnlp.config import load_config
    from consultnlp.embedders import TextEncoder, embedding_text, make_embedder
    from consultnlp.frame import unit_mask

    try:
        from consultnlp.timing import StepTimes
    except ImportError:  # an older version of the code
        StepTimes = None

    config = load_config()  # the default pipeline, as the runs timed here were made
    frame = pd.read_parquet(args.run_dir / "private" / "comments.parquet").set_index(schema.COMMENT_ID)
    units = frame.loc[unit_mask(frame)]
    encoder = TextEncoder(make_embedder(config.embed), cache_dir=args.cache_dir)
    texts = units[schema.TEXT_REDACTED].astype(str).tolist()
    started = time.perf_counter()
    embeddings, counts = encoder.encode_corpus([embedding_text(t) for t in texts] if config.embed.lowercase_caps else texts)
    embed_s = time.perf_counter() - started
    context = SimpleNamespace(unit_ids=units.index, embeddings=embeddings, encoder=encoder, random_state=config.random_state)
    times = StepTimes() if StepTimes else SimpleNamespace(rounded=dict)
    profiler = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    try:
        points = find_key_points(units, context, config.summarise, config.positions, times=times)
    except TypeError:  # an older version of the code, without step times (for a before/after comparison)
        points = find_key_points(units, context, config.summarise, config.positions)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    saved_path = args.run_dir / "private" / "state" / "key_points.parquet"
    same = None
    if saved_path.exists():
        saved = pd.read_parquet(saved_path)
        cols = [c for c in ("scope", "group_id", "rank", "statement", "comment_ids") if c in saved and c in points]
        same = saved[cols].astype(str).reset_index(drop=True).equals(points[cols].astype(str).reset_index(drop=True))
    print(
        json.dumps(
            {
                "run": str(args.run_dir),
                "units": len(units),
                "comments_cached": counts.cached,
                "comments_embed_s": round(embed_s, 2),
                "key_points_s": round(seconds, 2),
                "steps_s": times.rounded(),
                "points": len(points),
                "same_points_as_run": same,
            }
        )
    )
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())


if __name__ == "__main__":
    main()
