"""Quality and cost of PII redaction. Prints numbers; asserts nothing.

Prints one JSON object to stdout with the parts asked for (all by default):
  * ``recall``: per kind, the share of planted identifiers (``tests.privacy.planted``)
    found with the right kind and fully covered (``recall_any_kind``: covered by a match of
    any kind, i.e. what redaction actually removes);
  * ``leaked``: the same per kind and variant for the formats that leaked (issue 21:
    ``tests.privacy.leaked``): names in lower case, capitals, with particles, apostrophes
    and hyphens, surnames alone; e-mails with a doubled @, full-width, percent-encoded; CLABE,
    CBU, agência/conta; plates; handles, profile links, Decidim mentions; values in links ...;
  * ``real_data``: per dataset, every text of the real comments in ../shared/data/external
    (Chile 2016 full, Plano Clima titles and descriptions, PNDBio, the English Pol.is
    conversations) and how many matches of each kind fired; ``precision_sample``: a seeded
    sample of 100 of those matches joined with the judgements in
    ``benchmarks/labels/precision_sample.tsv`` (how many are wrong);
  * ``names``: precision and recall of NAME on the hand-labelled real comments in
    ``benchmarks/labels/names_real.tsv`` (references and offsets only; texts read from ../shared),
    the set the name rules and veto lists were tuned on; ``names_heldout``: the same on
    ``names_heldout.tsv``, 168 comments labelled blind and not tuned on;
  * ``validators``: agreement of our check-digit validators with python-stdnum on generated
    valid and corrupted numbers, and the time per call of each;
  * ``cost``: seconds to redact the 193,630 Chilean arguments (unique texts, as the stage does).

Run from the repository root:
    python benchmarks/bench_redaction.py 2> matches.txt
    python benchmarks/bench_redaction.py --only names --only names_heldout
    python benchmarks/bench_redaction.py --only leaked --n 2000
Every real match is printed to stderr with 40 characters of context. Parts that need
../shared print {"skipped": reason} when it is absent.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consultnlp.privacy import PII_KINDS, find_pii, redact_text, validators  # noqa: E402
from tests.privacy import fakes  # noqa: E402  (test fixtures, not part of the package)
from tests.privacy.planted import planted_sentences  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the clone; a git worktree one level deeper finds it one level up.
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "data" / "external").exists()), ROOT.parent / "shared")
EXTERNAL = SHARED / "data" / "external"
LABELS = ROOT / "benchmarks" / "labels"
ELA = "chile-ela-2016/ela_fundamentos.csv.gz"
POLIS_ENGLISH = (
    "american-assembly.bowling-green",
    "bg2050-volunteers",
    "march-on.operation-marchin-orders",
    "15-per-hour-seattle",
    "brexit-consensus",
    "canadian-electoral-reform",
    "football-concussions",
    "london.youth.policing",
    "scoop-hivemind.affordable-housing",
    "scoop-hivemind.biodiversity",
    "scoop-hivemind.freshwater",
    "scoop-hivemind.taxes",
    "scoop-hivemind.ubi",
    "ssis.land-bank-farmland.2rumnecbeh.2021-08-01",
)
# (file under data/external, id column, text columns)
SOURCES = (
    (ELA, "row_id", ("fundamento",)),
    ("brasil-planoclima-2024/propostas_brasil_participativo.csv", "id_proposta", ("titulo", "descricao")),
    ("brasil-pndbio-2025/pndbio_contribuicoes.csv", "id_contribuicao", ("contribuicao",)),
    *((f"polis-opendata/{c}/comments.csv", "comment-id", ("comment-body",)) for c in POLIS_ENGLISH),
)
# Labelled for NAME only (not scanned by ``real_data``): NHS patient feedback, English, held out.
LABELLED_ONLY = (("nhs-patient-feedback/v6framework_230831.csv", "Comment ID", ("FFT answer",)),)
PARTS = ("recall", "leaked", "real_data", "names", "names_heldout", "validators", "cost")


def _read_rows(path: Path) -> list[dict[str, str]]:
    raw = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")
    with raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _texts() -> Iterator[tuple[str, str, str, str, str]]:
    """(file, id column, id, column, text) for every text of every source."""
    for file, id_col, columns in SOURCES:
        for row in _read_rows(EXTERNAL / file):
            for col in columns:
                yield file, id_col, row[id_col], col, row[col] or ""


# ---------------------------------------------------------------- recall on planted values
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
            cover = set()
            for m in matches:
                cover.update(range(max(m.start, start), min(m.end, end)))
            covered[kind] += len(cover) == end - start
    return {
        k: {"n": total[k], "recall": round(exact[k] / total[k], 4), "recall_any_kind": round(covered[k] / total[k], 4)}
        for k in PII_KINDS
        if total[k]
    }


# ---------------------------------------------------------------- recall on the formats that leaked (issue 21)
def measure_leaked(n: int, seed: int) -> dict[str, dict[str, object]]:
    """Per kind and variant (lower case, full-width, percent-encoded ...): share of values fully redacted.

    ``recall``: covered by matches of the right kind; ``recall_any_kind``: covered by any match
    (what redaction removes). ``n`` rounds per language of :func:`~tests.privacy.leaked.leaked_sentences`.
    """
    from tests.privacy.leaked import leaked_sentences  # here, so the other parts run on older versions too

    rng = random.Random(seed)
    total: Counter[tuple[str, str]] = Counter()
    exact: Counter[tuple[str, str]] = Counter()
    covered: Counter[tuple[str, str]] = Counter()
    for lang in ("es", "pt", "en"):
        for sentence, kind, value, variant in leaked_sentences(rng, n, lang):
            start = sentence.index(value)
            end = start + len(value)
            matches = find_pii(sentence)
            total[kind, variant] += 1
            right, cover = set(), set()
            for m in matches:
                span = range(max(m.start, start), min(m.end, end))
                cover.update(span)
                if m.kind == kind:
                    right.update(span)
            exact[kind, variant] += len(right) == end - start
            covered[kind, variant] += len(cover) == end - start
    out: dict[str, dict[str, object]] = {}
    for kind, variant in sorted(total):
        k = (kind, variant)
        out.setdefault(kind, {})[variant] = {
            "n": total[k],
            "recall": round(exact[k] / total[k], 4),
            "recall_any_kind": round(covered[k] / total[k], 4),
        }
    return out


# ---------------------------------------------------------------- what fires on real comments
def scan_real(sample: int, seed: int) -> dict[str, object]:
    """Matches per kind and dataset on every real text; a seeded sample joined with the judgement file."""
    counts: dict[str, Counter[str]] = {}
    texts: Counter[str] = Counter()
    found: list[tuple[str, str, str, str, int, int, str]] = []
    for file, id_col, rid, col, text in _texts():
        dataset = file.split("/")[0]
        texts[dataset] += 1
        for m in find_pii(text):
            counts.setdefault(dataset, Counter())[m.kind] += 1
            found.append((file, id_col, rid, col, m.start, m.end, m.kind))
            left = text[max(0, m.start - 40) : m.start].replace("\n", " ")
            right = text[m.end : m.end + 40].replace("\n", " ")
            print(f"{file}\t{rid}\t{col}\t{m.start}\t{m.end}\t{m.kind}\t…{left}[[{text[m.start : m.end]}]]{right}…", file=sys.stderr)
    drawn = sorted(random.Random(seed).sample(found, min(sample, len(found))))
    judged = _read_judgements()
    verdicts = Counter(judged.get(tuple(map(str, d)), "unjudged") for d in drawn)
    return {
        "texts": dict(texts),
        "matches": {d: dict(sorted(c.items())) for d, c in sorted(counts.items())},
        "matches_total": len(found),
        "precision_sample": {"n": len(drawn), **dict(verdicts), "judgements": str((LABELS / "precision_sample.tsv").relative_to(ROOT))},
    }


def _read_judgements() -> dict[tuple[str, ...], str]:
    path = LABELS / "precision_sample.tsv"
    if not path.exists():
        return {}
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith(("#", "file\t")) or not line.strip():
                continue
            file, id_col, rid, col, start, end, kind, verdict, *_ = line.rstrip("\n").split("\t")
            out[(file, id_col, rid, col, start, end, kind)] = verdict
    return out


# ---------------------------------------------------------------- names on hand-labelled comments
def _spans(field: str) -> list[tuple[int, int]]:
    return [tuple(map(int, s.split("-"))) for s in field.split(",") if s]  # type: ignore[misc]


def measure_names(labels_file: str = "names_real.tsv") -> dict[str, object]:
    """Span precision and recall of NAME on ``labels/<labels_file>`` (``names_real.tsv``: the set the name
    rules and veto lists were tuned on; ``names_heldout.tsv``: 168 comments labelled blind, never tuned on).

    A labelled person counts as found when NAME matches cover all its characters; a
    NAME match counts as right when it overlaps a labelled person or lone given name.
    """
    labels = [
        line.rstrip("\n").split("\t")
        for line in (LABELS / labels_file).open(encoding="utf-8")
        if not line.startswith(("#", "file\t")) and line.strip()
    ]
    wanted: dict[tuple[str, str, str], list[str]] = {(r[0], r[2], r[3]): r for r in labels}
    files = {r[0] for r in labels}
    tp = fp = people = found = 0
    misses, false = [], []
    for file, id_col, columns in SOURCES + LABELLED_ONLY:
        if file not in files:
            continue
        for row in _read_rows(EXTERNAL / file):
            for col in columns:
                label = wanted.get((file, row[id_col], col))
                if label is None:
                    continue
                text = row[col] or ""
                gold, optional = _spans(label[4]), _spans(label[5])
                pred = [(m.start, m.end) for m in find_pii(text) if m.kind == "NAME"]
                covered = {i for a, b in pred for i in range(a, b)}
                for a, b in gold:
                    people += 1
                    if all(i in covered for i in range(a, b)):
                        found += 1
                    else:
                        misses.append(f"{file}#{row[id_col]}: {text[a:b]}")
                for a, b in pred:
                    if any(a < d and c < b for c, d in gold + optional):
                        tp += 1
                    else:
                        fp += 1
                        false.append(f"{file}#{row[id_col]}: {text[a:b]}")
    return {
        "comments": len(labels),
        "comments_with_a_person": sum(1 for r in labels if r[4]),
        "people": people,
        "recall": round(found / people, 4) if people else None,
        "predicted": tp + fp,
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "missed": misses,
        "false_positives": false,
    }


# ---------------------------------------------------------------- validators against python-stdnum
def _corrupt(rng: random.Random, s: str) -> str:
    """``s`` with one digit changed (never to itself): what a typo or an invented number looks like."""
    positions = [i for i, c in enumerate(s) if c.isdigit()]
    i = rng.choice(positions)
    return s[:i] + rng.choice([d for d in "0123456789" if d != s[i]]) + s[i + 1 :]


def compare_validators(n: int, seed: int) -> dict[str, object]:
    """Agreement (share of equal verdicts) on ``n`` valid and ``n`` corrupted numbers per kind, and µs per call."""
    from stdnum import luhn
    from stdnum.ar import cuit
    from stdnum.br import cnpj, cpf
    from stdnum.cl import rut
    from stdnum.mx import curp, rfc

    rng = random.Random(seed)
    pairs: dict[str, tuple[Callable[[], str], Callable[[str], bool], Callable[[str], bool]]] = {
        "CPF": (lambda: fakes.fake_cpf(rng), validators.is_valid_cpf, cpf.is_valid),
        "CNPJ": (lambda: fakes.fake_cnpj(rng), validators.is_valid_cnpj, cnpj.is_valid),
        "RUT": (lambda: fakes.fake_rut(rng), validators.is_valid_rut, rut.is_valid),
        "CUIT": (lambda: fakes.fake_cuit(rng), validators.is_valid_cuit, cuit.is_valid),
        "CURP": (lambda: fakes.fake_curp(rng), validators.is_valid_curp, curp.is_valid),
        "RFC": (lambda: fakes.fake_rfc(rng), validators.is_valid_rfc, lambda s: rfc.is_valid(s, validate_check_digits=True)),
        "CARD (Luhn)": (lambda: fakes.fake_card(rng), validators.is_valid_card, luhn.is_valid),
    }
    out: dict[str, object] = {}
    for kind, (make, ours, theirs) in pairs.items():
        numbers = [make() for _ in range(n)]
        numbers += [_corrupt(rng, s) for s in numbers]
        ours_v = [ours(s) for s in numbers]
        theirs_v = [theirs(s.replace(" ", "").replace("-", "") if kind == "CARD (Luhn)" else s) for s in numbers]
        disagree = [s for s, a, b in zip(numbers, ours_v, theirs_v) if a != b]
        timings = {}
        for name, fn in (("ours", ours), ("stdnum", theirs)):
            started = time.perf_counter()
            for s in numbers:
                fn(s)
            timings[f"{name}_us"] = round((time.perf_counter() - started) / len(numbers) * 1e6, 2)
        out[kind] = {
            "n": len(numbers),
            "agreement": round(1 - len(disagree) / len(numbers), 4),
            "valid_ours": sum(ours_v[:n]),
            "valid_stdnum": sum(theirs_v[:n]),
            "corrupted_accepted_ours": sum(ours_v[n:]),
            "corrupted_accepted_stdnum": sum(theirs_v[n:]),
            "disagreements": disagree[:5],
            **timings,
        }
    return out


# ---------------------------------------------------------------- cost
def measure_cost() -> dict[str, object]:
    """Seconds to redact every unique Chilean argument, as the redact stage does (one call per unique text)."""
    texts = [row["fundamento"] or "" for row in _read_rows(EXTERNAL / ELA)]
    unique = list(dict.fromkeys(texts))
    redact_text("warm up: loads the name lists")
    started, cpu = time.perf_counter(), time.process_time()
    for text in unique:
        redact_text(text)
    # CPU seconds too: on a shared machine the wall clock also counts other people's work.
    return {
        "texts": len(texts),
        "unique_texts": len(unique),
        "seconds": round(time.perf_counter() - started, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="planted sentences per language (es, pt, en)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--sample", type=int, default=100, help="real matches drawn for the precision judgement")
    parser.add_argument("--only", choices=PARTS, action="append", help="run only these parts (repeatable)")
    args = parser.parse_args()
    parts = args.only or PARTS
    result: dict[str, object] = {"n_per_language": args.n, "seed": args.seed}
    if "recall" in parts:
        result["recall"] = measure_recall(args.n, args.seed)
    if "leaked" in parts:
        result["leaked"] = measure_leaked(max(1, args.n // 20), args.seed)
    if "validators" in parts:
        result["validators"] = compare_validators(args.n, args.seed)
    for part, fn in (
        ("real_data", lambda: scan_real(args.sample, args.seed)),
        ("names", measure_names),
        ("names_heldout", lambda: measure_names("names_heldout.tsv")),
        ("cost", measure_cost),
    ):
        if part in parts:
            result[part] = fn() if EXTERNAL.exists() else {"skipped": f"{EXTERNAL} not found (a clone without ../shared)"}
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
