"""How well the screen sets aside non-answers, and whether it sets aside real arguments, on data it was not tuned on.

The screen's lists, rule and corpus evidence (``consultnlp/nonanswers.py``, ``consultnlp/screening.py``,
``consultnlp/official.py``) were written and tuned on:

  tuned on   chile-ela-2016 (sample5k, and the full file with ``--full``), brasil-planoclima-2024, and the blind
             written sets ``benchmarks/labels/nonanswers_written.tsv`` to ``nonanswers_written15.tsv`` (300 es/pt/en texts
             each, 450 in sets 13 to 15; each held out until it was read or trained on: issue 26, stops 29 to 40)
  held out   nhs-patient-feedback (English; gold: its ``Labelling not possible`` column, and the hand labels),
             polis-opendata (21 conversations, each screened as its own consultation), brasil-pndbio-2025,
             and the newest written set (``_common.NONANSWER_SETS[-1]``; each set is written blind by a helper who never
             saw the code, the lists or the earlier sets, read once while held out, then tuned on).
             First readings: sets 10-18: 77/150 and 6, 90/150 and 8, 81/150 and 3, 232/300 and 3, 220/300 and 2,
             230/300 and 9, 182/300 and 1, 137/300 and 1, 174/300 and 2 (+18 bare agreements as no argument, by design);
             set 19: 185/300 and 4; set 20: 209/300 and 0; set 21: 271/300 and 1; set 22 (stop 45, at 8e0454f):
             247/300 and 3 as non-answers (+7 bare positions as no argument); set 23 (stop 45, after set 22's rules):
             232/300 and 1 (219/300 and 1 at 8e0454f); set 24 (stop 45, after set 23's rules): 202/300 and 3;
             stop 46: set 25 214/300 and 2, set 26 158 and 3, set 27 223 and 6, set 28 164 and 4; stop 47, at c9f08a8:
             set 29 215 and 7, set 30 174 and 0 (181 after set 28's lists; it then chose the second reading's settings:
             204 and 0), set 31 216 and 2 (231 and 2 at the stop's end); stop 48: set 32 239 and 0 (247 and 0 at its
             end); stop 49: set 33 246 and 2 (249 and 2 after set 32's rules).
The longer texts' model (``data/nonanswers/model_long.json``) was trained on written sets 6-22 (stop 45); its threshold floor was
set after reading the Pol.is conversations and its out-of-domain share after reading NHS (both tuned on, for that model).

The meaning model (``data/nonanswers/model.json``, ``benchmarks/train_nonanswers.py``) was trained on the lists,
Chile, Plano Clima, the first five written sets and ArgKP train only (sets 6-13 were tried and left out); its second
reading (``model_wide.json``, ``--wide``) on written sets 1-31, used only where both agree (``MeaningModel.reads``).

Rows a platform's moderators rejected (Pol.is ``moderated = -1``) are set aside at ingest, before any
screening, and the organiser's own rows (``official``: Pol.is seeds, a template's programme sheets) are no verdict on
content: both are counted apart and left out of the screen's scores.

Each file is read as a user would (``ingest``) and run through the ``clean`` and ``screen`` stages, three times:
``before`` = the lists and word-class rule only (official, process notes and corpus evidence off), ``words``
= the default screen without the meaning model, ``after`` = the default screen. A row counts as *set aside as a non-answer* when clean or screen excluded it
(empty, junk, too_short, non_answer, process_note, official) and as *no argument* when screen gave
``no_argument``.

Gold labels:
  * ``benchmarks/labels/nonanswers_heldout.tsv`` (dataset, id, label in answer / non_answer / no_argument),
    hand-labelled by another person who never read the screen's lists or code; short texts (<= 6 words)
    are over-sampled, so its rates are not population rates (see that folder's NONANSWERS.md).
  * NHS ``Labelling not possible`` = 1: the coders found nothing to code (all 7,908 rows; empty texts left out).
    All 1,189 such rows read "Did not answer", a phrase added to the English list after it was seen in this
    file: that gold measures one phrase, and the hand labels are also scored without those rows.

For the tuned-on files there is no gold: the counts per reason are printed, to compare with the held-out rates.
Prints a readable table to stdout (``--json`` for JSON). Never prints a comment's text (the NHS licence is
non-commercial; the numbers are all that leave this script).

Run from the repository root:
    python benchmarks/bench_nonanswers.py [--full] [--data ../shared/data/external]
    python benchmarks/bench_nonanswers.py --settings after --set 33   # one written set's counts alone (~20 s)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd
from _common import NONANSWER_SETS, nonanswer_background

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consultnlp import schema  # noqa: E402
from consultnlp.config import PipelineConfig, ScreenConfig  # noqa: E402
from consultnlp.ingest import ingest  # noqa: E402
from consultnlp.nonanswers import normalise  # noqa: E402
from consultnlp.pipeline import run_pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = ROOT.parent / "shared" / "data" / "external"
LABELS = ROOT / "benchmarks" / "labels" / "nonanswers_heldout.tsv"
NON_ANSWER_LIKE = {
    schema.REASON_EMPTY,
    schema.REASON_JUNK,
    schema.REASON_TOO_SHORT,
    schema.REASON_NON_ANSWER,
    schema.REASON_PROCESS_NOTE,
    schema.REASON_OFFICIAL,
}
SCREENED = NON_ANSWER_LIKE | {schema.REASON_NO_ARGUMENT}
# Texts of a held-out file seen while the lists were written (the NHS file's first data rows, read when checking its
# header); "did not answer" was added to en.txt afterwards, so rows with it are also scored apart.
SEEN_WHILE_TUNING = {"did not answer", "didn t answer", "didnt answer"}
BEFORE = ScreenConfig(official=False, process_notes=False, corpus_evidence=False)
WORDS = ScreenConfig(meaning=False)
AFTER = ScreenConfig()
SETTINGS = {"before": BEFORE, "words": WORDS, "after": AFTER}
CACHE = ROOT / ".cache" / "consultnlp"


def screened(path: Path, screen: ScreenConfig, **options) -> pd.DataFrame:
    """The file after clean and screen: ``excluded`` per row, with the row's id and 1-based row number.
    The meaning model needs the embedder it was trained on (``use-multilingual``, one thread, the repository cache)."""
    frame, info = ingest(path, **options)
    embedder = None
    if screen.meaning and screen.corpus_evidence:
        from consultnlp.embedders.use import UseEmbedder

        embedder = UseEmbedder(threads=1)
    result = run_pipeline(
        frame, info, PipelineConfig(stages=["clean", "screen"], screen=screen, workers=1), embedder=embedder, cache_dir=CACHE
    )
    return result.frame[[schema.ROW_NUMBER, schema.EXCLUDED]]


def written(screen: ScreenConfig, data: Path, scratch: Path, path: Path, name: str) -> dict:
    """The blind written set (300 es/pt/en texts, ``NONANSWERS_WRITTEN.md``) screened inside a consultation:
    its rows shuffled among 2,000 Chilean arguments, up to 1,000 Plano Clima proposals and 1,000 ArgKP dev arguments,
    so the corpus evidence has a consultation's vocabulary to read them against. Only the written rows are scored."""
    labels = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3)
    background = nonanswer_background(data)
    rows = pd.concat(
        [
            pd.DataFrame({"id": [f"w{i}" for i in range(len(labels))], "text": labels["text"]}),
            pd.DataFrame({"id": [f"b{i}" for i in range(sum(map(len, background)))], "text": pd.concat(background).astype(str).to_numpy()}),
        ]
    )
    rows = rows.sample(frac=1, random_state=0)
    mixed = scratch / "written_in_consultation.csv"
    rows.to_csv(mixed, index=False)
    out = screened(mixed, screen, text_column="text", id_column="id")
    pred = out[schema.EXCLUDED].reindex([f"w{i}" for i in range(len(labels))]).map(predicted).fillna("answer")
    results = {f"{name}: all": scores(labels["label"], pred)}
    for lang in ("es", "pt", "en"):
        mask = (labels["lang"] == lang).to_numpy()
        results[f"{name}: {lang}"] = scores(labels["label"][mask], pred[mask])
    return results


def predicted(reason: str) -> str:
    if reason in (schema.REASON_MODERATED, schema.REASON_FILTERED, schema.REASON_OFFICIAL):
        # The platform's moderators (or --where) set it aside before any screening; the organiser's own rows are no
        # verdict on whether a text has content (a Pol.is owner's seed statements are contentful).
        return "ingest"
    if reason == schema.REASON_NO_ARGUMENT:
        return "no_argument"
    return "non_answer" if reason in NON_ANSWER_LIKE else "answer"


def scores(gold: pd.Series, pred: pd.Series) -> dict:
    """Recall of non-answers (set aside as anything), answers set aside, precision of what was set aside."""
    gold, pred = pd.Series(gold.astype(str).to_numpy()), pd.Series(pred.astype(str).to_numpy())
    at_ingest = pred == "ingest"
    out: dict = {"rows": int(len(gold)), "gold": {k: int(v) for k, v in gold.value_counts().items()}}
    if at_ingest.any():
        out["set aside at ingest or as the organiser's (moderated, official), by gold label"] = {
            k: int(v) for k, v in gold[at_ingest].value_counts().items()
        }
        out["not analysed: non_answer"] = _rate(((gold == "non_answer") & (pred != "answer")).sum(), (gold == "non_answer").sum())
        gold, pred = gold[~at_ingest], pred[~at_ingest]
        out["rows that reach the screen"] = int(len(gold))
    non = gold == "non_answer"
    aside = pred != "answer"
    out["non_answer_recall"] = _rate((non & aside).sum(), non.sum())
    out["non_answer_recall_as_non_answer"] = _rate((non & (pred == "non_answer")).sum(), non.sum())
    noarg = gold == "no_argument"
    out["no_argument_set_aside"] = _rate((noarg & aside).sum(), noarg.sum())
    answers = gold == "answer"
    out["answers_set_aside"] = f"{int((answers & aside).sum())} of {int(answers.sum())}"
    out["precision"] = _rate((aside & ~answers).sum(), aside.sum())
    out["confusion"] = {g: {p: int(n) for p, n in pred[gold == g].value_counts().items()} for g in sorted(gold.unique())}
    return out


def _rate(hit, total) -> str:
    return f"{int(hit)}/{int(total)} = {hit / total:.1%}" if total else "n/a"


def held_out(screen: ScreenConfig, labels: pd.DataFrame | None, data: Path) -> dict:
    results: dict = {}
    nhs_path = data / "nhs-patient-feedback" / "v6framework_230831.csv"
    if nhs_path.exists():
        nhs = screened(nhs_path, screen, text_column="FFT answer", id_column="Comment ID")
        raw = pd.read_csv(nhs_path, dtype=str, keep_default_na=False).set_index("Comment ID")
        has_text = raw["FFT answer"].str.strip() != ""
        gold = raw["Labelling not possible"].map(lambda v: "non_answer" if v.strip() in ("1", "1.0") else "answer")
        pred = nhs[schema.EXCLUDED].reindex(raw.index).map(predicted)
        results["nhs: Labelling not possible (all non-empty rows)"] = scores(gold[has_text], pred[has_text])
        results["nhs: reasons"] = _reasons(nhs[schema.EXCLUDED])
        if labels is not None:
            rows = labels[labels["dataset"] == "nhs-patient-feedback"]
            results["nhs: hand labels"] = scores(rows["label"], nhs[schema.EXCLUDED].reindex(rows["id"]).map(predicted).fillna("answer"))
            # Contamination: "did not answer" was added to en.txt after it was seen in this file's first data row.
            seen = raw["FFT answer"].map(normalise).isin(SEEN_WHILE_TUNING).reindex(rows["id"]).to_numpy()
            rows = rows[~seen]
            results["nhs: hand labels, without the rows seen while tuning"] = scores(
                rows["label"], nhs[schema.EXCLUDED].reindex(rows["id"]).map(predicted).fillna("answer")
            )
    polis_dir = data / "polis-opendata"
    if polis_dir.exists():
        parts = []
        for comments in sorted(polis_dir.glob("*/comments.csv")):
            out = screened(comments, screen, id_column="comment-id")
            parts.append(out[schema.EXCLUDED].rename(lambda i, f=comments.parent.name: f"{f}:{i}"))
        polis = pd.concat(parts)
        results["polis: reasons"] = _reasons(polis)
        if labels is not None:
            rows = labels[labels["dataset"] == "polis-opendata"]
            results["polis: hand labels"] = scores(rows["label"], polis.reindex(rows["id"]).map(predicted).fillna("answer"))
    pndbio_path = data / "brasil-pndbio-2025" / "pndbio_contribuicoes.csv"
    if pndbio_path.exists():
        pnd = screened(pndbio_path, screen, text_column="contribuicao")
        by_row = pnd.set_index(pnd[schema.ROW_NUMBER].astype(str))[schema.EXCLUDED]
        results["pndbio: reasons"] = _reasons(by_row)
        if labels is not None:
            rows = labels[labels["dataset"] == "brasil-pndbio-2025"]
            results["pndbio: hand labels"] = scores(rows["label"], by_row.reindex(rows["id"]).map(predicted).fillna("answer"))
    return results


def tuned_on(screen: ScreenConfig, full: bool, data: Path) -> dict:
    results = {}
    chile = data / "chile-ela-2016"
    files = [("chile sample5k", chile / "ela_fundamentos_sample5k.csv", {"text_column": "fundamento", "id_column": "row_id"})]
    if full:
        files.append(("chile full", chile / "ela_fundamentos.csv.gz", {"text_column": "fundamento", "id_column": "row_id"}))
    files.append(
        (
            "plano clima",
            data / "brasil-planoclima-2024" / "propostas_brasil_participativo.csv",
            {"text_column": "descricao", "id_column": "id_proposta"},
        )
    )
    for name, path, options in files:
        if path.exists():
            results[f"{name}: reasons"] = _reasons(screened(path, screen, **options)[schema.EXCLUDED])
    return results


def _reasons(excluded: pd.Series) -> dict:
    counts = excluded[excluded.isin(SCREENED)].value_counts()
    return {"rows": int(len(excluded)), **{k: int(v) for k, v in counts.sort_index().items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="also the full Chilean file (193,630 rows; minutes)")
    parser.add_argument("--tuned-only", action="store_true", help="only the files the screen was tuned on (while tuning)")
    parser.add_argument("--data", type=Path, default=EXTERNAL, help=f"the shared external data folder (default {EXTERNAL})")
    parser.add_argument("--settings", default="before,words,after", help="which screens to compare (before, words, after)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--set", type=int, metavar="N", help="only written set N (1 = nonanswers_written.tsv), screened as the others are: its counts alone"
    )
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"benchmark data not found: {args.data} (clone the project beside ../shared or pass --data)")
    labels = pd.read_csv(LABELS, sep="\t", dtype=str) if LABELS.exists() else None
    if labels is None:
        print(f"note: {LABELS} is absent; only the NHS column gold is used", file=sys.stderr)
    report: dict = {}
    names = {
        "before": "before (lists and word rule)",
        "words": "words (lists and corpus evidence, no meaning model)",
        "after": "after (default screen: with the meaning model)",
    }
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        for key in args.settings.split(","):
            screen = SETTINGS[key]
            t0 = time.perf_counter()
            if args.set:
                path = NONANSWER_SETS[args.set - 1]
                part = "HELD OUT" if args.set == len(NONANSWER_SETS) else "TUNED ON"
                scores = written(screen, args.data, Path(scratch), path, f"written set {args.set}")
                report[names[key]] = {"TUNED ON": {}, "HELD OUT": {}, part: scores, "seconds": round(time.perf_counter() - t0, 1)}
                continue
            held, tuned = {}, tuned_on(screen, args.full, args.data)
            if not args.tuned_only:
                held = held_out(screen, labels, args.data)
                if NONANSWER_SETS[-1].exists():
                    held.update(written(screen, args.data, Path(scratch), NONANSWER_SETS[-1], f"written set {len(NONANSWER_SETS)}"))
            # The meaning model was trained on each of these once the next set was written.
            for number, path in enumerate(NONANSWER_SETS[:-1], 1):
                if path.exists():
                    tuned.update(written(screen, args.data, Path(scratch), path, f"written set {number}"))
            report[names[key]] = {
                "TUNED ON": tuned,
                "HELD OUT": held,
                "seconds": round(time.perf_counter() - t0, 1),
            }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for name, parts in report.items():
        print(f"\n=== {name}  ({parts['seconds']} s)")
        for part in ("TUNED ON", "HELD OUT"):
            print(f"--- {part}")
            for key, value in parts[part].items():
                print(f"  {key}:")
                for k, v in value.items():
                    print(f"      {k}: {v}")


if __name__ == "__main__":
    main()
