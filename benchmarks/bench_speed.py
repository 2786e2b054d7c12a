"""Wall time of ``consultnlp analyze`` against the time it takes to import what a run imports. Prints JSON.

    python benchmarks/bench_speed.py                       # the bundled sample and the first 10,000 Chile rows
    python benchmarks/bench_speed.py --datasets sample     # only the sample
    python benchmarks/bench_speed.py --tune                # also `topics tune`, a 2 x 2 grid on 8,000 Chile rows
    python benchmarks/bench_speed.py --nmi                 # also topic NMI against `concepto` on the Chile 5k sample

Every run is a new ``python -m consultnlp`` process, as a user runs it. "cold" is a
first run on a machine: a new ``--cache-dir`` (no embeddings) and a new
``NUMBA_CACHE_DIR`` (no compiled code); "warm" is the same command again. The import floor is a new process that imports every module the warm run
of that dataset had loaded (third-party and consultnlp, standard library left out):
the least a run could cost before it does any work. ``python -c "import consultnlp.cli"`` is the smaller
floor every command pays. Warm runs and floors alternate ``--repeat`` times; best and median are reported.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median
from typing import Any

from _common import ROOT, SHARED

OUT = ROOT / "benchmarks" / "out" / "speed"
CLI = [sys.executable, "-m", "consultnlp"]
SAMPLE = ROOT / "data" / "samples" / "consulta_gobierno_abierto.xlsx"
CHILE_FULL = SHARED / "chile-ela-2016" / "ela_fundamentos.csv.gz"
CHILE_5K = SHARED / "chile-ela-2016" / "ela_fundamentos_sample5k.csv"
CHILE_ARGS = ["--text-column", "fundamento", "--id-column", "row_id"]
SAMPLE_ARGS = ["--sheet", "Respuestas", "--id-column", "id", "--segment-columns", "region,tipo_participante"]

# Loads the modules a run loads, in-process, and prints their names (the import floor's list).
MODULES_OF_A_RUN = """
import sys, json
from pathlib import Path
from consultnlp.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
std = set(sys.stdlib_module_names)
names = sorted(m for m in list(sys.modules) if m.split(".")[0] not in std and not m.startswith("_") and sys.modules[m] is not None)
print("MODULES=" + json.dumps(names))
"""

IMPORT_ALL = """
import importlib, json, sys
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except Exception:
        pass
"""


def head_rows(source: Path, rows: int, target: Path) -> Path:
    """The header and the first ``rows`` records of a (gzipped) CSV, read as CSV so quoted newlines stay whole."""
    if target.exists():
        return target
    import pandas as pd

    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as handle:
        pd.read_csv(handle, nrows=rows, dtype=str, keep_default_na=False).to_csv(target, index=False)
    return target


def run(args: list[str], numba_cache: Path | None = None) -> float:
    env = {**os.environ, "NUMBA_CACHE_DIR": str(numba_cache)} if numba_cache is not None else None
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, check=False, env=env)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stderr[-2000:]}")
    return seconds


def analyze_args(path: Path, extra: list[str], out: Path, cache: Path) -> list[str]:
    return ["analyze", str(path), "--out", str(out), "--cache-dir", str(cache), "--quiet", "--format", "html,md,xlsx,docx", *extra]


def import_floor(path: Path, extra: list[str], out: Path, cache: Path, repeat: int) -> tuple[float, int]:
    """Seconds to import the modules a (warm) run of this dataset loads, and how many there are."""
    done = subprocess.run(
        [sys.executable, "-c", MODULES_OF_A_RUN, *analyze_args(path, extra, out, cache)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    line = next((l for l in done.stdout.splitlines() if l.startswith("MODULES=")), None)
    if line is None:
        raise SystemExit(f"could not list the modules of a run:\n{done.stderr[-2000:]}")
    names = json.loads(line[len("MODULES=") :])
    best = min(run([sys.executable, "-c", IMPORT_ALL, json.dumps(names)]) for _ in range(repeat))
    return best, len(names)


def cli_floor(repeat: int) -> list[float]:
    """Seconds of ``python -c "import consultnlp.cli"``, once per repeat: what any command costs before it parses its flags."""
    return [run([sys.executable, "-c", "import consultnlp.cli"]) for _ in range(repeat)]


def measure(name: str, path: Path, extra: list[str], repeat: int) -> dict[str, Any]:
    """Cold and warm runs, the import floors, ``repeat`` times each. On a shared machine take the median ratios
    (each warm run is divided by the floor measured right after it), not the seconds."""
    work = OUT / name
    colds, warms, floors, cli_floors = [], [], [], []
    modules = 0
    cache = Path(tempfile.mkdtemp(prefix="consultnlp-bench-cache-"))
    try:
        colds.append(run([*CLI, *analyze_args(path, extra, work / "cold", cache)], cache / "numba"))
        for _ in range(repeat):
            warms.append(run([*CLI, *analyze_args(path, extra, work / "warm", cache)], cache / "numba"))
            floor, modules = import_floor(path, extra, work / "floor", cache, 1)
            floors.append(floor)
            cli_floors += cli_floor(1)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    manifest = json.loads((work / "warm" / "manifest.json").read_text())
    return {
        "dataset": name,
        "rows": manifest["rows"]["input"],
        "analysed": manifest["rows"]["analysed"],
        "repeat": repeat,
        "cold_s": round(colds[0], 2),
        "warm_s": round(min(warms), 2),
        "warm_median_s": round(median(warms), 2),
        "import_floor_s": round(min(floors), 2),
        "modules": modules,
        "warm_over_floor": round(min(warms) / min(floors), 2),
        "warm_over_floor_median": round(median([w / f for w, f in zip(warms, floors)]), 2),
        "cli_import_s_median": round(median(cli_floors), 2),
        "warm_over_cli_import_median": round(median([w / f for w, f in zip(warms, cli_floors)]), 2),
        "warm_stage_s": manifest["timings_s"],
        "warm_summary_steps_s": manifest.get("step_timings_s", {}).get("summarise"),
    }


def measure_tune(repeat: int) -> dict[str, Any]:
    """`topics tune`, a 2 x 2 grid on the first 8,000 Chile rows, with every embedding cached (a first run fills the cache)."""
    path = head_rows(CHILE_FULL, 8_000, OUT / "chile8k.csv")
    cache = Path(tempfile.mkdtemp(prefix="consultnlp-bench-cache-"))
    args = [
        *CLI,
        "topics",
        "tune",
        str(path),
        *CHILE_ARGS,
        "--label-column",
        "concepto_norm",
        "--quiet",
        "--grid",
        "min_topic_size=10,20",
        "--grid",
        "n_neighbors=10,15",
        "--out",
        str(OUT / "tune"),
        "--cache-dir",
        str(cache),
    ]
    try:
        first = run(args, cache / "numba")
        warm = min(run(args, cache / "numba") for _ in range(repeat))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    import pandas as pd

    table = pd.read_csv(OUT / "tune" / "topics_tune.csv")
    return {
        "tune": "chile8k 2x2 (min_topic_size=10,20 x n_neighbors=10,15)",
        "first_s": round(first, 2),
        "warm_s": round(warm, 2),
        "fit_seconds": table["fit_seconds"].tolist(),
        "nmi": table["nmi"].tolist(),
    }


def measure_nmi() -> dict[str, Any]:
    """Topic NMI against `concepto` on the analysed rows of the Chile 5k sample (default settings)."""
    import pandas as pd
    from sklearn.metrics import normalized_mutual_info_score

    cache = Path(tempfile.mkdtemp(prefix="consultnlp-bench-cache-"))
    out = OUT / "chile5k"
    try:
        seconds = run([*CLI, *analyze_args(CHILE_5K, CHILE_ARGS, out, cache)])
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    comments = pd.read_parquet(out / "comments.parquet")
    analysed = comments[comments["excluded"] == ""]
    manifest = json.loads((out / "manifest.json").read_text())
    return {
        "nmi": "chile5k concepto",
        "analysed": len(analysed),
        "seconds": round(seconds, 1),
        "nmi_concepto": round(float(normalized_mutual_info_score(analysed["concepto"].astype(str), analysed["topic_id"].astype(int))), 4),
        "topics": manifest["stats"].get("topics_n"),
        "clustering": manifest["stats"].get("topics_clustering"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", default="sample,chile10k", help="comma-separated: sample, chile10k")
    parser.add_argument("--repeat", type=int, default=1, help="warm runs and floors of each dataset (best and median reported)")
    parser.add_argument("--tune", action="store_true", help="also time `topics tune` on 8,000 Chile rows")
    parser.add_argument("--nmi", action="store_true", help="also measure topic NMI on the Chile 5k sample")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    names = [n for n in args.datasets.split(",") if n]
    for name in names:
        if name == "sample":
            print(json.dumps(measure("sample", SAMPLE, SAMPLE_ARGS, args.repeat)), flush=True)
        elif name == "chile10k":
            path = head_rows(CHILE_FULL, 10_000, OUT / "chile10k.csv")
            print(json.dumps(measure("chile10k", path, CHILE_ARGS, args.repeat)), flush=True)
        else:
            raise SystemExit(f"unknown dataset {name!r}; use sample or chile10k")
    if args.tune:
        print(json.dumps(measure_tune(args.repeat)), flush=True)
    if args.nmi:
        print(json.dumps(measure_nmi()), flush=True)


if __name__ == "__main__":
    main()
