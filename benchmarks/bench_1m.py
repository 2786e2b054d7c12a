"""A 1,000,000-comment scale test built from the real Chile corpus.

How the corpus is made (so that duplicates do not make it trivially easy):
each synthetic comment starts from a real `fundamento` drawn at random, then
gets light perturbations that keep it readable but make it a distinct text:
one random word dropped (texts of 6+ words), one pair of neighbouring words
swapped, a short connective phrase added at the start or the end from a pool
of 40, and random case/punctuation changes. About 1 in 10 rows are kept as an
exact copy, as real consultations have copies. Seeded, so the corpus is the
same every time.

    python benchmarks/bench_1m.py --rows 1000000            # build + analyse
    python benchmarks/bench_1m.py --rows 1000000 --build-only

Prints JSON with wall time, peak RSS, per-stage seconds and rows.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from _common import TimingProgress, TreeMemory, peak_rss_mb, shared

PREFIXES = [
    "Creemos que",
    "En nuestra opinión",
    "Para nosotros",
    "Consideramos que",
    "Como comunidad",
    "Pensamos que",
    "A nuestro juicio",
    "Según el grupo",
    "Nos parece que",
    "Estimamos que",
    "El grupo cree que",
    "Opinamos que",
    "En el cabildo se dijo que",
    "Varios participantes dicen que",
    "Es clave que",
    "Todos coincidimos en que",
    "Hubo acuerdo en que",
    "Se propone que",
    "Queremos que",
    "Es urgente que",
]
SUFFIXES = [
    "para todos",
    "sin excepción",
    "en todo el país",
    "para las futuras generaciones",
    "de verdad",
    "ya",
    "como base de la convivencia",
    "con participación ciudadana",
    "y eso es fundamental",
    "por el bien común",
    "en cada región",
    "desde la infancia",
    "sin discriminación",
    "con transparencia",
    "de manera efectiva",
    "y con recursos",
    "a nivel local",
    "para una mejor democracia",
    "con justicia",
    "siempre",
]


def perturb(text: str, rng: random.Random) -> str:
    if rng.random() < 0.1:
        return text
    words = text.split()
    if len(words) >= 6:
        del words[rng.randrange(len(words))]
    if len(words) >= 4:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    out = " ".join(words)
    if rng.random() < 0.5:
        out = f"{rng.choice(PREFIXES)} {out[:1].lower()}{out[1:]}"
    else:
        out = f"{out.rstrip('.')} {rng.choice(SUFFIXES)}."
    roll = rng.random()
    if roll < 0.1:
        out = out.upper()
    elif roll < 0.3:
        out = out.lower()
    return out


def build(rows: int, target: Path, seed: int = 0) -> Path:
    import pandas as pd

    source = pd.read_csv(shared("chile-ela-2016", "ela_fundamentos.csv.gz"), dtype=str, keep_default_na=False)
    texts = source["fundamento"].tolist()
    temas = source["tema_nombre"].tolist()
    labels = source["concepto_norm"].tolist()
    rng = random.Random(seed)
    with gzip.open(target, "wt", encoding="utf-8", newline="") as handle:
        import csv

        writer = csv.writer(handle)
        writer.writerow(["id", "tema_nombre", "concepto_norm", "fundamento"])
        for i in range(rows):
            j = rng.randrange(len(texts))
            writer.writerow([f"s{i:07d}", temas[j], labels[j], perturb(texts[j], rng)])
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench_1m_"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"synthetic_{args.rows}.csv.gz"
    if not corpus.exists():
        t0 = time.perf_counter()
        build(args.rows, corpus)
        print(f"built {corpus} in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    if args.build_only:
        return
    from consultnlp.analysis import analyze
    from consultnlp.config import load_config

    cfg = load_config(
        overrides=args.overrides, extra={"ingest": {"text_column": "fundamento", "id_column": "id", "segment_columns": ["tema_nombre"]}}
    )
    progress = TimingProgress()
    start = time.perf_counter()
    with TreeMemory() as memory:
        result = analyze(corpus, work / "out", cfg, progress=progress, cache_dir=work / "cache")
    wall = time.perf_counter() - start
    manifest = result.manifest
    print(
        json.dumps(
            {
                "rows": manifest["rows"],
                "wall_s": round(wall, 1),
                "peak_rss_mb_all_processes": round(memory.peak_mb, 1),
                "peak_rss_mb_main_process": peak_rss_mb(),
                "stage_seconds": manifest["timings_s"],
                "unique_units_modelled": int(len(result.result.context.unit_ids)),
                "stats": manifest["stats"],
                "tasks": progress.tasks,
            },
            indent=2,
            default=str,
        )
    )


if __name__ == "__main__":
    main()
