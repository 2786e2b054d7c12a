"""Accuracy and speed of language identification on real consultation comments.

Prints one JSON object to stdout:
  * ``conditions``: for full texts and for texts cut to their first 3 and 5 words, per
    language the number of texts, the accuracy, the share tagged ``und`` and ``other``,
    the confusion matrix (true language -> predicted label -> count), and the overall
    accuracy (pooled texts) and macro accuracy (mean over languages); beside them, the
    accuracy of py3langid restricted to es/pt/en alone (no lexicon, never ``und``);
  * ``other_languages``: the share of German (Austrian Klimarat) and Chinese (vTaiwan)
    comments tagged ``other``, when those pol.is files are present;
  * ``file_prior``: per real consultation, how many comments come out in another of es/pt/en
    without and with the consultation's own language mix as a prior (the language stage), and
    mixed files where a 2% minority language is planted, to check it survives the prior;
  * ``throughput``: texts per second of ``detect_languages`` after the model is loaded, on
    the pooled full texts repeated to ``--throughput-n`` texts (``--ela-full``: on all
    193,630 Chilean arguments instead).

Labelled sample, up to ``--n`` distinct texts per language (seed ``--seed``):
  es: ``fundamento`` of chile-ela-2016 (sample5k); pt: ``descricao`` of brasil-planoclima-2024
  and ``contribuicao`` of brasil-pndbio-2025; en: ``comment-body`` of pol.is bowling-green.
The label is the language of the consultation, not of the comment: the real files contain a
few mislabelled rows (a Spanish text in a Brazilian file, "Lorem ipsum" test rows, English
place names), so 100% is not reachable and every error is printed to stderr with
``--show-errors`` so a person can judge it. Texts with fewer than 3 letters are left out
(the clean stage excludes them as too short); the cut conditions also leave out texts of
fewer than 3 words.

Run from the repository root:
    python benchmarks/bench_language.py --n 1000 --seed 0 --show-errors 40 2> errors.txt
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

from consultnlp.langid import (
    OTHER,
    UNDETERMINED,
    _model,
    detect_languages,
    langid_probs,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXTERNAL = SHARED / "data" / "external"
POLIS = EXTERNAL / "polis-opendata"
LABELLED = {
    "es": [(EXTERNAL / "chile-ela-2016" / "ela_fundamentos_sample5k.csv", "fundamento")],
    "pt": [
        (EXTERNAL / "brasil-planoclima-2024" / "propostas_brasil_participativo.csv", "descricao"),
        (EXTERNAL / "brasil-pndbio-2025" / "pndbio_contribuicoes.csv", "contribuicao"),
    ],
    "en": [(POLIS / "american-assembly.bowling-green" / "comments.csv", "comment-body")],
}
ELA_FULL = EXTERNAL / "chile-ela-2016" / "ela_fundamentos.csv.gz"
LANGS = ("es", "pt", "en")
LABELS = (*LANGS, OTHER, UNDETERMINED)
_LETTER = re.compile(r"[^\W\d_]")


def read_texts(files: list[tuple[Path, str]]) -> pd.Series:
    parts = [pd.read_csv(path, usecols=[column], dtype=str)[column] for path, column in files]
    texts = pd.concat(parts, ignore_index=True).dropna().str.strip()
    texts = texts[texts.str.count(_LETTER.pattern) >= 3]
    return texts.drop_duplicates().reset_index(drop=True)


def sample(texts: pd.Series, n: int, seed: int) -> list[str]:
    return texts.sample(n=min(n, len(texts)), random_state=seed).tolist()


def first_words(texts: list[str], k: int) -> list[str]:
    return [" ".join(t.split()[:k]) for t in texts if len(t.split()) >= 3]


def evaluate(texts_by_lang: dict[str, list[str]], show_errors: int, condition: str) -> dict:
    per_lang: dict[str, dict] = {}
    correct_all = total_all = baseline_all = 0
    for lang, texts in texts_by_lang.items():
        predicted, scores = detect_languages(texts)
        counts = Counter(predicted)
        correct = counts[lang]
        per_lang[lang] = {
            "n": len(texts),
            "accuracy": round(correct / len(texts), 4) if texts else None,
            "und_share": round(counts[UNDETERMINED] / len(texts), 4) if texts else None,
            "other_share": round(counts[OTHER] / len(texts), 4) if texts else None,
            "predicted": {label: counts[label] for label in LABELS},
        }
        # Baseline: py3langid restricted to es/pt/en alone (always answers, no lexicon, no und).
        _, restricted = langid_probs(texts)
        baseline = int((restricted.argmax(axis=1) == LANGS.index(lang)).sum()) if texts else 0
        per_lang[lang]["baseline_py3langid_accuracy"] = round(baseline / len(texts), 4) if texts else None
        baseline_all += baseline
        correct_all += correct
        total_all += len(texts)
        errors = [(p, s, t) for p, s, t in zip(predicted, scores, texts) if p != lang]
        for p, s, t in errors[:show_errors]:
            print(f"[{condition}] {lang} -> {p} ({s:.2f}): {t[:160]!r}", file=sys.stderr)
    accuracies = [v["accuracy"] for v in per_lang.values() if v["accuracy"] is not None]
    return {
        "per_language": per_lang,
        "overall_accuracy": round(correct_all / total_all, 4) if total_all else None,
        "macro_accuracy": round(sum(accuracies) / len(accuracies), 4) if accuracies else None,
        "baseline_py3langid_overall_accuracy": round(baseline_all / total_all, 4) if total_all else None,
        "confusion": {lang: v["predicted"] for lang, v in per_lang.items()},
    }


def other_languages(n: int, seed: int) -> dict[str, dict]:
    """Share tagged ``other`` on German and Chinese pol.is conversations (when present)."""
    sources = {
        "de": [(path / "comments.csv", "comment-body") for path in sorted(POLIS.glob("austria-climate*"))],
        "zh": [(POLIS / "vtaiwan.uberx" / "comments.csv", "comment-body")],
    }
    result = {}
    for lang, files in sources.items():
        files = [f for f in files if f[0].exists()]
        if not files:
            continue
        texts = sample(read_texts(files), n, seed)
        predicted, _ = detect_languages(texts)
        counts = Counter(predicted)
        result[lang] = {"n": len(texts), "other_share": round(counts[OTHER] / len(texts), 4), "predicted": dict(counts)}
    return result


def throughput(texts: list[str], n: int) -> dict[str, float | int]:
    _model()  # load once; a run pays this (about 1 s) a single time
    repeated = (texts * (n // max(len(texts), 1) + 1))[:n] if n else texts
    start = time.perf_counter()
    detect_languages(repeated)
    seconds = time.perf_counter() - start
    return {
        "texts": len(repeated),
        "mean_chars": round(sum(map(len, repeated)) / max(len(repeated), 1), 1),
        "seconds": round(seconds, 2),
        "texts_per_s": round(len(repeated) / seconds),
    }


WHOLE_FILES = {
    "chile-ela-2016 (full)": ("es", ELA_FULL, "fundamento"),
    "brasil-planoclima-2024": ("pt", *LABELLED["pt"][0]),
    "brasil-pndbio-2025": ("pt", *LABELLED["pt"][1]),
    "polis bowling-green": ("en", *LABELLED["en"][0]),
}


def _stage_labels(texts: list[str], prior: bool) -> pd.Series:
    """Languages as the language stage gives them (with or without the file's own mix as a prior)."""
    from consultnlp import schema
    from consultnlp.config import LanguageConfig
    from consultnlp.stages.base import RunContext
    from consultnlp.stages.language import LanguageStage

    frame = pd.DataFrame({schema.TEXT_CLEAN: texts, schema.EXCLUDED: "", schema.EXCLUDED_STAGE: ""})
    return LanguageStage(LanguageConfig(file_prior=prior)).apply(frame, RunContext())[schema.LANG]


def file_prior_effect(seed: int, show: int) -> dict:
    """Per real consultation (one language each): comments labelled another es/pt/en language, without and with the
    file's own language mix as a prior; and mixed files (a minority language planted) to see the minority survive."""
    from consultnlp.cleaning import normalise_text
    from consultnlp.nonanswers import load_screen

    screen = load_screen()
    out: dict = {"whole_files": {}, "mixed_files": {}}
    prepared: dict[str, list[str]] = {}
    for name, (main, path, column) in WHOLE_FILES.items():
        texts = read_texts([(path, column)]).map(normalise_text)
        texts = texts[texts.map(screen.classify) == ""].tolist()  # the screen stage runs first
        prepared[name] = texts
        row = {"main_language": main, "texts": len(texts)}
        for prior in (False, True):
            labels = _stage_labels(texts, prior)
            row["with_prior" if prior else "without_prior"] = {
                "other_es_pt_en": int((labels.isin(LANGS) & (labels != main)).sum()),
                "und": int((labels == UNDETERMINED).sum()),
            }
            if prior and show:
                wrong = [(lab, t) for lab, t in zip(labels, texts) if lab in LANGS and lab != main]
                for lab, text in wrong[:show]:
                    print(f"[{name}] {lab}: {text[:100]!r}", file=sys.stderr)
        out["whole_files"][name] = row
    # A Spanish consultation with 2% of Portuguese comments planted (and the reverse): the minority must survive.
    import random

    rng = random.Random(seed)
    for majority, minority in (("chile-ela-2016 (full)", "brasil-planoclima-2024"), ("brasil-planoclima-2024", "polis bowling-green")):
        major = rng.sample(prepared[majority], min(2000, len(prepared[majority])))
        minor = rng.sample(prepared[minority], max(1, len(major) // 50))
        labels = _stage_labels(major + minor, True)
        minor_lang = WHOLE_FILES[minority][0]
        out["mixed_files"][f"{majority} ({len(major)}) + 2% {minority}"] = {
            "minority_kept": int((labels.iloc[len(major) :] == minor_lang).sum()),
            "minority_planted": len(minor),
            "majority_mislabelled": int((labels.iloc[: len(major)] != WHOLE_FILES[majority][0]).sum()),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="texts per language (at most)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show-errors", type=int, default=0, help="print up to this many errors per language and condition to stderr")
    parser.add_argument("--throughput-n", type=int, default=50_000, help="texts timed (the pooled sample, repeated)")
    parser.add_argument("--ela-full", action="store_true", help="time all 193,630 Chilean arguments instead")
    args = parser.parse_args()
    missing = [str(path) for files in LABELLED.values() for path, _ in files if not path.exists()]
    if missing:
        sys.exit(f"bench_language: real data not found: {', '.join(missing)}. Clone the project beside ../shared to run it.")

    full = {lang: sample(read_texts(files), args.n, args.seed) for lang, files in LABELLED.items()}
    conditions = {
        "full": full,
        "first_3_words": {lang: first_words(texts, 3) for lang, texts in full.items()},
        "first_5_words": {lang: first_words(texts, 5) for lang, texts in full.items()},
    }
    result: dict = {"n_per_language": args.n, "seed": args.seed}
    result["conditions"] = {name: evaluate(texts, args.show_errors, name) for name, texts in conditions.items()}
    result["other_languages"] = other_languages(args.n, args.seed)
    result["file_prior"] = file_prior_effect(args.seed, args.show_errors)
    if args.ela_full:
        with gzip.open(ELA_FULL, "rt", encoding="utf-8") as handle:
            ela = pd.read_csv(handle, usecols=["fundamento"], dtype=str)["fundamento"].fillna("").tolist()
        result["throughput"] = throughput(ela, 0)
    else:
        result["throughput"] = throughput([t for texts in full.values() for t in texts], args.throughput_n)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
