"""Sample rows for the hand-labelled non-answer held-out set (benchmarks/labels/NONANSWERS.md).

From each source: (a) all rows of at most 6 words if fewer than 250, else a seeded random 250 of them;
(b) a seeded random 100 longer rows. Empty texts are left out. Prints dataset, id, words and the text
(for labelling on this machine only; the text is not written to the repo).

Usage: python benchmarks/labels/sample_nonanswers.py [--data /work/shared/data/external] [--tsv OUT]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

SEED = 20261205
SHORT_MAX_WORDS = 6
N_SHORT = 250
N_LONG = 100


def load(data: Path) -> list[tuple[str, pd.DataFrame]]:
    """Return (dataset, frame with columns id, text, question) per source."""
    out = []
    nhs = pd.read_csv(data / "nhs-patient-feedback/v6framework_230831.csv", dtype=str)
    out.append(
        ("nhs-patient-feedback", pd.DataFrame({"id": nhs["Comment ID"], "text": nhs["FFT answer"], "question": nhs["FFT question"]}))
    )
    frames = []
    for f in sorted((data / "polis-opendata").glob("*/comments.csv")):
        c = pd.read_csv(f, dtype=str)
        frames.append(pd.DataFrame({"id": f.parent.name + ":" + c["comment-id"], "text": c["comment-body"], "question": f.parent.name}))
    out.append(("polis-opendata", pd.concat(frames, ignore_index=True)))
    b = pd.read_csv(data / "brasil-pndbio-2025/pndbio_contribuicoes.csv", dtype=str)
    # id_contribuicao is not unique in this file (e.g. 180379 recurs), so the key is the 1-based data row number.
    out.append(
        (
            "brasil-pndbio-2025",
            pd.DataFrame({"id": [str(i + 1) for i in range(len(b))], "text": b["contribuicao"], "question": b["capitulo"]}),
        )
    )
    return out


def sample(df: pd.DataFrame) -> pd.DataFrame:
    df = df[df["text"].fillna("").str.strip() != ""].copy()
    df["words"] = df["text"].str.split().str.len()
    short = df[df["words"] <= SHORT_MAX_WORDS]
    long_ = df[df["words"] > SHORT_MAX_WORDS]
    if len(short) >= N_SHORT:
        short = short.sample(n=N_SHORT, random_state=SEED)
    long_ = long_.sample(n=min(N_LONG, len(long_)), random_state=SEED)
    return pd.concat([short.assign(part="short"), long_.assign(part="long")])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/external"))
    ap.add_argument("--tsv", type=Path, help="also write dataset/id/part/words/question/text here (keep out of repo)")
    args = ap.parse_args()
    rows = []
    for name, df in load(args.data):
        s = sample(df).assign(dataset=name)
        print(f"# {name}: {len(s[s.part == 'short'])} short, {len(s[s.part == 'long'])} long")
        rows.append(s)
    allrows = pd.concat(rows, ignore_index=True)
    for i, r in enumerate(allrows.itertuples()):
        text = " ".join(str(r.text).split())
        question = " ".join(str(r.question).split())
        print(f"{i}\t{r.dataset}\t{r.id}\t{r.part}\t{r.words}\t{question}\t{text}")
    if args.tsv:
        allrows[["dataset", "id", "part", "words", "question", "text"]].to_csv(args.tsv, sep="\t", index=False)


if __name__ == "__main__":
    main()
