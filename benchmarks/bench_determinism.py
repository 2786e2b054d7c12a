"""Are the published tables byte-identical whatever the cache, the engine or the row order? Prints a matrix.

    python benchmarks/bench_determinism.py                    # the bundled sample (644 rows)
    python benchmarks/bench_determinism.py --dataset chile5k  # the Chile 5k sample
    python benchmarks/bench_determinism.py --skip dask,shuffled

Every axis is one ``python -m consultnlp analyze`` run compared with a reference run
(a new embedding cache, the local engine in one process, the rows in file order):
``tables/*.csv`` and ``comments.csv`` must be byte-identical. For shuffled rows,
``comments.csv`` is compared after sorting both by ``comment_id`` and without
``row_number`` (the position in the input file, which shuffling changes by definition).
Timings and the manifest are not compared.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from _common import ROOT, SHARED

OUT = ROOT / "benchmarks" / "out" / "determinism"
CLI = [sys.executable, "-m", "consultnlp"]
DATASETS = {
    "sample": (
        ROOT / "data" / "samples" / "consulta_gobierno_abierto.csv",
        ["--text-column", "comentario", "--id-column", "id", "--segment-columns", "region,tipo_participante"],
    ),
    "chile5k": (
        SHARED / "chile-ela-2016" / "ela_fundamentos_sample5k.csv",
        ["--text-column", "fundamento", "--id-column", "row_id", "--segment-columns", "tema_nombre,acuerdo"],
    ),
}


def analyze(path: Path, args: list[str], out: Path, *extra: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [*CLI, "analyze", str(path), "--out", str(out), "--quiet", "--format", "md", *args, *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"analyze failed ({' '.join(extra)}):\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def differences(reference: Path, other: Path, *, sort_comments: bool) -> list[str]:
    """Names of the published tables that are not byte-identical."""
    names = sorted(p.name for p in (reference / "tables").glob("*.csv"))
    found = [f"tables/{n}" for n in names if (reference / "tables" / n).read_bytes() != (other / "tables" / n).read_bytes()]
    found += [f"tables/{n} (missing)" for n in sorted({p.name for p in (other / "tables").glob("*.csv")} ^ set(names))]
    a, b = (reference / "comments.csv").read_bytes(), (other / "comments.csv").read_bytes()
    if sort_comments:
        a, b = (_sorted_csv(x) for x in (a, b))
    if a != b:
        found.append("comments.csv")
    return found


def _sorted_csv(raw: bytes) -> bytes:
    frame = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    frame = frame.drop(columns=["row_number"], errors="ignore").sort_values("comment_id", kind="stable")
    return frame.to_csv(index=False).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="sample", choices=sorted(DATASETS))
    parser.add_argument("--skip", default="", help="axes to leave out: warm,partial,nocache,workers,disk,dask,shuffled")
    args = parser.parse_args()
    path, options = DATASETS[args.dataset]
    if not path.exists():
        raise SystemExit(f"data not found: {path}")
    skip = set(filter(None, args.skip.split(",")))
    work = OUT / args.dataset
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    caches = Path(tempfile.mkdtemp(prefix="consultnlp-determinism-"))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    shuffled = work / f"shuffled{path.suffix}"
    frame.sample(frac=1.0, random_state=7).to_csv(shuffled, index=False)
    half = work / f"first_half{path.suffix}"
    frame.iloc[: len(frame) // 2].to_csv(half, index=False)
    try:
        seconds = {"reference": analyze(path, options, work / "reference", "--cache-dir", str(caches / "a"))}
        axes: list[tuple[str, str, Path, list[str], bool]] = [
            ("warm", "warm cache (same cache again)", path, ["--cache-dir", str(caches / "a")], False),
            ("partial", "partly filled cache (first half embedded before)", path, ["--cache-dir", str(caches / "half")], False),
            ("nocache", "--no-cache", path, ["--no-cache"], False),
            (
                "workers",
                "workers=2, partition_rows=200",
                path,
                ["--cache-dir", str(caches / "w"), "--set", "workers=2", "--set", "partition_rows=200"],
                False,
            ),
            (
                "disk",
                "embeddings on disk (embed.in_memory_max=0)",
                path,
                ["--cache-dir", str(caches / "d"), "--set", "embed.in_memory_max=0"],
                False,
            ),
            (
                "dask",
                "engine dask (local cluster, 2 workers)",
                path,
                ["--cache-dir", str(caches / "k"), "--engine", "dask", "--set", "partition_rows=200"],
                False,
            ),
            ("shuffled", "rows shuffled (compared by comment_id)", shuffled, ["--cache-dir", str(caches / "s")], True),
        ]
        # The partly filled cache: the first half of the rows analysed with it beforehand.
        analyze(half, options, work / "half", "--cache-dir", str(caches / "half"))
        rows = []
        for key, name, source, extra, by_id in axes:
            if key in skip:
                continue
            target = work / key
            if key == "dask":
                try:
                    import distributed  # noqa: F401
                except ImportError:
                    rows.append({"axis": name, "identical": None, "note": "dask extra not installed"})
                    continue
            seconds[name] = analyze(source, options, target, *extra)
            found = differences(work / "reference", target, sort_comments=by_id)
            rows.append({"axis": name, "identical": not found, "differs": found[:6]})
    finally:
        shutil.rmtree(caches, ignore_errors=True)
    width = max(len(r["axis"]) for r in rows)
    print(f"dataset: {args.dataset} ({len(frame)} rows); reference: new cache, local engine, one process, file order")
    for row in rows:
        mark = "n/a" if row["identical"] is None else ("yes" if row["identical"] else "NO ")
        detail = row.get("note") or (", ".join(row["differs"]) if row.get("differs") else "")
        print(f"  {row['axis']:<{width}}  byte-identical: {mark}  {detail}")
    print(json.dumps({"dataset": args.dataset, "axes": rows, "seconds": {k: round(v, 1) for k, v in seconds.items()}}))


if __name__ == "__main__":
    main()
