"""Accuracy, speed and memory of the supervised theme classifier on real labelled consultations.

Prints one JSON object to stdout, one entry per dataset:

* ``chile``: ``../shared/data/external/chile-ela-2016/ela_fundamentos.csv.gz`` (193,630 Spanish
  arguments, label ``concepto_norm``, question ``tema``). Empty texts dropped, train on
  ``sample(frac=0.8, random_state=0)``, test on the rest. Metrics within the question
  (``--group-column tema``) and without it, for the fused model and for each of its two
  parts alone (same fit, ablation at scoring time), plus training time, embedding time
  and peak memory. The meeting id ``id_ela`` is never used.
* ``nhs``: ``../shared/data/external/nhs-patient-feedback/v6framework_230831.csv`` (English,
  one-hot theme columns after ``Comment sentiment``; rows "Did not answer" left out),
  80/20 split with ``random_state=0``: multi-label micro-F1 and samples-F1, and the F1 at
  several probability thresholds. The data (CC BY-NC-SA) is read in place, never copied.

``--split validation`` measures on a validation split instead: 10% of the training part
(``numpy.random.default_rng(1)``), the model trained on the other 90%. Settings and the
multi-label threshold are chosen there; the test split is then measured once per final setting.

Run from the repository root (the first run embeds the texts, ~10-25 min for Chile on 2 cores;
later runs read the embedding cache; then Chile trains in about 3 min and peaks at 2 GB):
    python benchmarks/bench_themes_supervised.py --dataset chile --cache-dir .cache/consultnlp
    python benchmarks/bench_themes_supervised.py --dataset nhs --cache-dir .cache/consultnlp
    python benchmarks/bench_themes_supervised.py --dataset chile --split validation --cache-dir .cache/consultnlp
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from consultnlp.config import ClassifierSettings
from consultnlp.embedders import TextEncoder
from consultnlp.progress import NullProgress
from consultnlp.themes.classifier import ThemeClassifier
from consultnlp.themes.data import labelled_from_frame
from consultnlp.themes.evaluate import evaluate_predictions
from consultnlp.themes.training import embed_unique, model_encoder

EXTERNAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "external"
CHILE = EXTERNAL / "chile-ela-2016" / "ela_fundamentos.csv.gz"
NHS = EXTERNAL / "nhs-patient-feedback" / "v6framework_230831.csv"
HEADLINE = ("top1_accuracy", "top5_accuracy", "macro_f1", "micro_f1", "samples_f1")


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def headline(model: ThemeClassifier, scores: np.ndarray, gold: list, *, threshold: float | None = None) -> dict:
    if threshold is not None:
        model = copy.copy(model)
        model.threshold_ = threshold
    metrics = evaluate_predictions(scores, model.predict_sets(scores), gold, list(model.classes_), multi_label=model.multi_label_)
    return {k: metrics[k] for k in HEADLINE if k in metrics}


def part(model: ThemeClassifier, features: str) -> ThemeClassifier:
    """The same fitted model scoring with only some of its parts."""
    clone = copy.copy(model)
    clone.settings = model.settings.model_copy(update={"features": features})
    return clone


def fit_and_measure(train, test, settings: ClassifierSettings, encoder: TextEncoder) -> dict:
    t0 = time.perf_counter()
    emb_train = embed_unique(train.texts, encoder) if settings.uses_embeddings else None
    emb_test = embed_unique(test.texts, encoder) if settings.uses_embeddings else None
    embed_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    model = ThemeClassifier(settings).fit(
        train.texts, train.labels, groups=train.groups, embeddings=emb_train, multi_label=train.multi_label
    )
    train_s = time.perf_counter() - t0
    result: dict = {
        "rows_train": len(train), "rows_test": len(test), "classes": len(model.classes_),
        "embedding_seconds": round(embed_s, 1), "training_seconds": round(train_s, 1), "timings_s": model.timings_,
    }
    t0 = time.perf_counter()
    variants = [settings.features] + (["tfidf", "embeddings"] if settings.features == "tfidf+embeddings" else [])
    for features in variants:
        scorer = part(model, features)
        key = features.replace("+", "_")
        if test.groups is not None:
            result[f"{key}_within_question"] = headline(scorer, scorer.scores(test.texts, groups=test.groups, embeddings=emb_test), test.labels)
        result[f"{key}_no_question"] = headline(scorer, scorer.scores(test.texts, groups=None, embeddings=emb_test), test.labels)
    result["scoring_seconds_all_variants"] = round(time.perf_counter() - t0, 1)
    if train.multi_label:
        scores = model.scores(test.texts, embeddings=emb_test)
        result["thresholds"] = {str(t): headline(model, scores, test.labels, threshold=t) for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)}
    result["peak_memory_mb"] = peak_mb()
    return result


def split(frame: pd.DataFrame, which: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The fixed 80/20 train/test split, or (``validation``) 90/10 of the training part."""
    train_frame = frame.sample(frac=0.8, random_state=0)
    test_frame = frame.drop(train_frame.index)
    if which == "test":
        return train_frame, test_frame
    order = np.random.default_rng(1).permutation(len(train_frame))
    n_val = len(train_frame) // 10
    return train_frame.iloc[np.sort(order[n_val:])], train_frame.iloc[np.sort(order[:n_val])]


def chile(settings: ClassifierSettings, encoder: TextEncoder, which: str) -> dict:
    frame = pd.read_csv(CHILE)
    frame = frame[frame["fundamento"].fillna("").str.strip() != ""]
    train_frame, test_frame = split(frame, which)
    args = dict(text_column="fundamento", label_column="concepto_norm", group_column="tema")
    train = labelled_from_frame(train_frame.astype({"tema": str}), **args)
    test = labelled_from_frame(test_frame.astype({"tema": str}), **args)
    return {"data": str(CHILE.relative_to(EXTERNAL)), **fit_and_measure(train, test, settings, encoder)}


def nhs(settings: ClassifierSettings, encoder: TextEncoder, which: str) -> dict:
    frame = pd.read_csv(NHS, dtype=str, keep_default_na=False)
    labels = list(frame.columns[frame.columns.get_loc("Comment sentiment") + 1 :])
    frame = frame[~frame["FFT answer"].str.strip().str.lower().isin(["", "did not answer"])].copy()
    frame["labels"] = [
        ";".join(l.replace(";", ",") for l in labels if row[l].strip() == "1") for _, row in frame[labels].iterrows()
    ]
    train_frame, test_frame = split(frame, which)
    args = dict(text_column="FFT answer", label_column="labels", multi_label=";")
    train, test = labelled_from_frame(train_frame, **args), labelled_from_frame(test_frame, **args)
    out = {"data": str(NHS.relative_to(EXTERNAL)), "label_columns": len(labels)}
    return {**out, **fit_and_measure(train, test, settings, encoder)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=["chile", "nhs", "all"], default="all")
    parser.add_argument("--features", default="tfidf+embeddings", help="tfidf, embeddings or tfidf+embeddings")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a ClassifierSettings field, e.g. --set epochs=8")
    parser.add_argument("--split", choices=["test", "validation"], default="test", help="measure on the test split or a validation split")
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache (default: none, embed every run)")
    args = parser.parse_args()
    if not EXTERNAL.exists():
        sys.exit(f"{EXTERNAL} is absent: clone the project beside ../shared to run this benchmark.")
    overrides = {}
    for item in args.set:
        key, _, value = item.partition("=")
        if key not in ClassifierSettings.model_fields:
            sys.exit(f"--set {item}: unknown setting. Known: {', '.join(ClassifierSettings.model_fields)}")
        overrides[key] = type(getattr(ClassifierSettings(), key))(value)
    settings = ClassifierSettings(features=args.features, **overrides)
    encoder = model_encoder(NullProgress(), args.cache_dir)
    results: dict = {"settings": settings.__dict__, "split": args.split}
    if args.dataset in ("chile", "all"):
        results["chile"] = chile(settings, encoder, args.split)
    if args.dataset in ("nhs", "all"):
        results["nhs"] = nhs(settings, encoder, args.split)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
