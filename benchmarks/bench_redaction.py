"""Quality of PII redaction: recall on planted fakes, and what fires on real comments.

Prints one JSON object to stdout:
  * ``recall``: per kind, the share of planted identifiers found with the right
    kind and fully covered (``recall_any_kind``: covered by a match of any kind,
    i.e. what redaction actually removes);
  * ``real_data``: per dataset, how many texts were scanned (those with at least
    four consecutive digits or digit groups) and how many matches of each kind
    fired. Every real match is printed to stderr with 40 characters of context
    so that a person can judge which are false positives.

Run from the repository root:
    python benchmarks/bench_redaction.py --n 2000 --seed 13 2> matches.txt
Options widen the precision check: ``--all-texts`` scans texts without numbers too
(names and addresses need no digits), ``--ela-full`` reads all 193,630 Chilean
arguments instead of the 5k sample.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from consultnlp.privacy import PII_KINDS, find_pii
from consultnlp.privacy.planted import planted_sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXTERNAL = SHARED / "data" / "external"
ELA_FULL = ("chile-ela-2016-full", EXTERNAL / "chile-ela-2016" / "ela_fundamentos.csv.gz", "fundamento")
DATASETS = (
    ("chile-ela-2016", EXTERNAL / "chile-ela-2016" / "ela_fundamentos_sample5k.csv", "fundamento"),
    ("brasil-planoclima-2024", EXTERNAL / "brasil-planoclima-2024" / "propostas_brasil_participativo.csv", "descricao"),
    ("brasil-pndbio-2025", EXTERNAL / "brasil-pndbio-2025" / "pndbio_contribuicoes.csv", "contribuicao"),
)
# "at least 4 consecutive digits or digit groups": 2021, 1.500, 14.133/2021, 11 3456 ...
# (four digits in a row, single separators allowed between them).
NUMERIC = re.compile(r"\d(?:[ .,/-]?\d){3,}")


def measure_recall(n: int, seed: int) -> dict[str, dict[str, float | int]]:
    """Recall per kind over ``n`` planted sentences per language."""
    rng = random.Random(seed)
    total: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    for lang in ("es", "pt", "en"):
        for sentence, kind, identifier in planted_sentences(rng, n, lang):
            start = sentence.index(identifier)
            end = start + len(identifier)
            matches = find_pii(sentence)
            total[kind] += 1
            exact[kind] += any(m.kind == kind and m.start <= start and m.end >= end for m in matches)
            # Redaction removes the identifier if the matches together cover every character of it.
            cover = set()
            for m in matches:
                cover.update(range(max(m.start, start), min(m.end, end)))
            covered[kind] += len(cover) == end - start
    return {
        k: {"n": total[k], "recall": round(exact[k] / total[k], 4), "recall_any_kind": round(covered[k] / total[k], 4)}
        for k in PII_KINDS if total[k]
    }


def _read_column(path: Path, column: str) -> list[str]:
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")
    with raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as f:
        return [row[column] or "" for row in csv.DictReader(f)]


def scan_real(path: Path, column: str, name: str, all_texts: bool = False) -> dict[str, object]:
    """Matches per kind on the texts of one dataset that contain numbers (or all); each match goes to stderr."""
    if not path.exists():
        return {"skipped": f"{path} not found"}
    texts = _read_column(path, column)
    numeric = texts if all_texts else [t for t in texts if NUMERIC.search(t)]
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    for i, text in enumerate(numeric):
        for m in find_pii(text):
            counts[m.kind] += 1
            left = text[max(0, m.start - 40):m.start].replace("\n", " ")
            right = text[m.end:m.end + 40].replace("\n", " ")
            print(f"{name}\t{i}\t{m.kind}\t…{left}[[{text[m.start:m.end]}]]{right}…", file=sys.stderr)
    seconds = time.perf_counter() - started
    return {
        "texts": len(texts),
        "texts_scanned": len(numeric),
        "texts_with_numbers": sum(1 for t in texts if NUMERIC.search(t)),
        "matches": dict(sorted(counts.items())),
        "seconds": round(seconds, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="planted sentences per language (es, pt, en)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--all-texts", action="store_true", help="scan every text, not only those with numbers")
    parser.add_argument("--ela-full", action="store_true", help="use all 193,630 Chilean arguments, not the sample")
    args = parser.parse_args()
    datasets = (ELA_FULL, *DATASETS[1:]) if args.ela_full else DATASETS
    result = {
        "n_per_language": args.n,
        "seed": args.seed,
        "recall": measure_recall(args.n, args.seed),
        "real_data": {name: scan_real(path, column, name, args.all_texts) for name, path, column in datasets},
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
