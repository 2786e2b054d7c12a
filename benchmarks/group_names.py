"""Print each headline group of an analysis folder with its topics, for reading whether the name describes it.

    python benchmarks/group_names.py OUT_DIR [OUT_DIR ...]

Per group: its name, share of distinct contributions, how much of the group its two largest
topics hold, and its topics (name and distinct contributions), largest first. The judgement
(does the name describe the group?) is a person's; this only lays out what to read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd


def describe(out_dir: Path) -> None:
    groups = pd.read_csv(out_dir / "tables" / "topic_groups.csv")
    topics = pd.read_csv(out_dir / "tables" / "topics.csv").set_index("topic_id")
    print(f"== {out_dir}")
    for _, g in groups[groups["topic_group_id"] >= 0].iterrows():
        ids = [int(t) for t in str(g["topic_ids"]).split(", ") if int(t) >= 0]
        sizes = topics.loc[ids, "unique_contributions"].sort_values(ascending=False)
        top2 = sizes.head(2).sum() / max(1, sizes.sum())
        listed = "; ".join(f"{topics.loc[t, 'label']} ({n})" for t, n in sizes.items())
        print(f"[{int(g['topic_group_id'])}] {g['label']!r}  {100 * g['share_unique']:.1f}%  top2={100 * top2:.0f}%  :: {listed}")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        describe(Path(arg))
