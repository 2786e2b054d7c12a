"""Campaigns with and without prompts: what ``--context-column`` changes in the dedupe stage.

Runs clean, screen and dedupe (no model) on one file twice: without a prompt, and with
the prompt column given, and prints one JSON object: campaigns and copies in each run,
the near-duplicate pairs split by prompt and by a concept word, and the largest campaigns
of each run (size, number of prompts among their rows, text) so a person can read them.

Run from the repository root, e.g. on whole meetings of the Chilean town halls:
    python benchmarks/bench_campaigns_prompts.py FILE --text-column fundamento --context-column concepto \
        [--sample-column id_ela --sample-n 2000] [--top 10]
``--sample-column/--sample-n`` keep every row of that many values of the column (seed 0):
whole meetings, so what one meeting repeats across its concepts stays together.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
import pandas as pd
from _common import ROOT  # noqa: F401 - puts the repository on the path

from consultnlp import schema
from consultnlp.config import PipelineConfig
from consultnlp.ingest import ingest
from consultnlp.pipeline import init_frame
from consultnlp.stages import STAGES
from consultnlp.stages.base import RunContext


def dedupe(frame: pd.DataFrame, config: PipelineConfig) -> tuple[pd.DataFrame, dict, float]:
    context = RunContext()
    out = init_frame(frame)
    for name in ("clean", "screen"):
        out = STAGES[name](getattr(config, name)).run(out, context)
    start = time.perf_counter()
    out = STAGES["dedupe"](config.dedupe).run(out, context)
    return out, context.stats, round(time.perf_counter() - start, 2)


def largest(out: pd.DataFrame, top: int, prompt_column: str) -> list[dict]:
    campaigns = out[out[schema.CAMPAIGN]]
    rows = []
    for cid, group in sorted(campaigns.groupby(schema.CAMPAIGN_ID), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
        rows.append(
            {
                "campaign": cid,
                "rows": len(group),
                "prompts": int(group[prompt_column].nunique()),
                "text": " ".join(str(group[schema.TEXT].iloc[0]).split())[:160],
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--text-column", required=True)
    parser.add_argument("--context-column", required=True)
    parser.add_argument("--sample-column")
    parser.add_argument("--sample-n", type=int, default=0)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    frame, _ = ingest(args.path, text_column=args.text_column, context_column=args.context_column)
    if args.sample_column and args.sample_n:
        values = frame[args.sample_column].drop_duplicates()
        keep = set(values.sample(min(args.sample_n, len(values)), random_state=0))
        frame = frame[frame[args.sample_column].isin(keep)]
    config = PipelineConfig()
    result = {"rows": len(frame), "prompts": int(frame[schema.CONTEXT].nunique())}
    for name, part in (("without_prompt", frame.drop(columns=[schema.CONTEXT])), ("with_prompt", frame)):
        out, stats, seconds = dedupe(part, config)
        analysed = out[schema.EXCLUDED] == ""
        result[name] = {
            "campaigns": int(out.loc[out[schema.CAMPAIGN], schema.CAMPAIGN_ID].nunique()),
            "campaign_rows": int(out[schema.CAMPAIGN].sum()),
            "unique": int(stats["unique_contributions"]),
            "analysed": int(analysed.sum()),
            "groups_2plus": int((out.loc[analysed].groupby(schema.DUP_GROUP).size() >= 2).sum()),
            "split_by_prompt": stats.get("near_duplicates_split_by_prompt", 0),
            "split_by_meaning": stats.get("near_duplicates_split_by_meaning", 0),
            "dedupe_s": seconds,
            "largest": largest(out.assign(_prompt=frame[schema.CONTEXT]), args.top, "_prompt"),
        }
    print(json.dumps(result, ensure_ascii=False, indent=1, default=lambda v: v.item() if isinstance(v, np.generic) else str(v)))


if __name__ == "__main__":
    main()
