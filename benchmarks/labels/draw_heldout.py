"""How the comments in names_heldout.tsv were drawn (issue 21). Prints the drawn comments; labels were then
written by hand, before the detector was run on them. Run from the repository root with ../shared beside it.

Stratum A (seed 2026): comments of at most 700 characters with two capitalised words in a row (not at a sentence
start) or a gazetteer given name before a surname or capitalised word: PNDBio 35, Chile 30, English Pol.is 35
(conversations other than the four in names_real.tsv). Stratum B (seed 2027): a gazetteer given name before a
known surname in any case, or a name cue; Chile 55 and every one of the few in Plano Clima, PNDBio and Pol.is.
Stratum C: every NHS patient-feedback answer with a capitalised gazetteer given name mid-sentence or a Dr/Mr/Nurse cue.
The draws use the gazetteer of the day they were made (given and surname lists unchanged by issue 21).
"""

from __future__ import annotations

import csv
import gzip
import io
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from consultnlp.privacy.name_lists import fold, load_gazetteer  # noqa: E402

EXT = next(
    (p / "shared" / "data" / "external" for p in ROOT.parents if (p / "shared" / "data" / "external").exists()),
    ROOT.parent / "shared" / "data" / "external",
)
POLIS = [
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
]
W = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
CAPPAIR = re.compile(
    r"(?<![.!?]\s)(?<!^)\b[A-ZÁÉÍÓÚÑ][a-záéíóúñãõç]+[ \t]+(?:(?:de|da|do|dos|del|van|der)[ \t]+)?"
    r"[A-ZÁÉÍÓÚÑ][a-záéíóúñãõç]+"
)
CUE = re.compile(
    r"(?i)\b(me llamo|mi nombre|meu nome|me chamo|my name|atentamente|atenciosamente|sincerely|"
    r"saludos,|att\.|sr\.|sra\.|dr\.|dra\.|prof\.)"
)
NHS_CUE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Nurse|nurse|doctor|Doctor|Sister|sister)\.?\s+[A-Z]")


def rows(file: str) -> list[dict[str, str]]:
    raw = gzip.open(EXT / file, "rb") if file.endswith(".gz") else open(EXT / file, "rb")
    return list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))


def main() -> None:
    gaz = load_gazetteer()
    tuned = {
        (line.split("\t")[0], line.split("\t")[2]) for line in open(ROOT / "benchmarks/labels/names_real.tsv") if not line.startswith("#")
    }

    def a_likely(t: str) -> bool:
        ws = W.findall(t)
        if any(fold(x) in gaz.given and len(y) >= 3 and (fold(y) in gaz.surnames or y[:1].isupper()) for x, y in zip(ws, ws[1:])):
            return True
        return bool(CAPPAIR.search(t[1:]))

    def b_likely(t: str) -> bool:
        ws = W.findall(t)
        return any(fold(x) in gaz.given and fold(y) in gaz.surnames and len(y) >= 3 for x, y in zip(ws, ws[1:])) or bool(CUE.search(t))

    rng = random.Random(2026)
    drawn: list[tuple[str, str, str]] = []
    pool: list[tuple[str, str, str]] = []
    for file, idc, col, n in [
        ("brasil-pndbio-2025/pndbio_contribuicoes.csv", "id_contribuicao", "contribuicao", 35),
        ("chile-ela-2016/ela_fundamentos.csv.gz", "row_id", "fundamento", 30),
    ] + [(f"polis-opendata/{c}/comments.csv", "comment-id", "comment-body", None) for c in POLIS]:
        cands = [
            (file, r[idc], r[col]) for r in rows(file) if r[col] and len(r[col]) <= 700 and (file, r[idc]) not in tuned and a_likely(r[col])
        ]
        if n is None:
            pool += cands
        else:
            drawn += rng.sample(cands, n)
    drawn += rng.sample(pool, 35)
    first = {(f, i) for f, i, _ in drawn}
    rng = random.Random(2027)
    pools: dict[str, list[tuple[str, str, str]]] = {}
    for file, idc, cols in [
        ("brasil-pndbio-2025/pndbio_contribuicoes.csv", "id_contribuicao", ["contribuicao"]),
        ("brasil-planoclima-2024/propostas_brasil_participativo.csv", "id_proposta", ["titulo", "descricao"]),
        ("chile-ela-2016/ela_fundamentos.csv.gz", "row_id", ["fundamento"]),
    ] + [(f"polis-opendata/{c}/comments.csv", "comment-id", ["comment-body"]) for c in POLIS]:
        for r in rows(file):
            for col in cols:
                t = r[col]
                if (
                    t
                    and len(t) <= (700 if "chile" in file else 2000)
                    and (file, r[idc]) not in tuned
                    and (file, r[idc]) not in first
                    and b_likely(t)
                ):
                    pools.setdefault(file.split("/")[0], []).append((file, r[idc], t))
    for key, n in {"chile-ela-2016": 55, "polis-opendata": 5, "brasil-pndbio-2025": 15, "brasil-planoclima-2024": 25}.items():
        drawn += rng.sample(pools.get(key, []), min(n, len(pools.get(key, []))))
    for r in rows("nhs-patient-feedback/v6framework_230831.csv"):
        t = r["FFT answer"]
        if t and (
            NHS_CUE.search(t)
            or any(
                m.group()[:1].isupper() and fold(m.group()) in gaz.given and not re.search(r"[.!?]\s*$", t[: m.start()])
                for m in list(W.finditer(t))[1:]
            )
        ):
            drawn.append(("nhs-patient-feedback/v6framework_230831.csv", r["Comment ID"], t))
    for file, rid, text in drawn:
        print(f"{file}\t{rid}\t{text!r}")


if __name__ == "__main__":
    main()
