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
* ``pndbio``: ``../shared/data/external/brasil-pndbio-2025/pndbio_contribuicoes.csv`` (Portuguese),
  the plan's strategic action each contribution comments on, 39 actions (see ``pndbio``): 5-fold
  cross-validation twice, this classifier against the notes' TF-IDF + SGD on the same folds.
  No setting was chosen on it.

``--split validation`` measures on a validation split instead: 10% of the training part
(``numpy.random.default_rng(1)``), the model trained on the other 90%. Settings and the
multi-label threshold are chosen there; the test split is then measured once per final setting.

Run from the repository root (the first run embeds the texts, ~10-25 min for Chile on 2 cores;
later runs read the embedding cache; then Chile trains in about 3 min and peaks at 2 GB):
    python benchmarks/bench_themes_supervised.py --dataset chile --cache-dir .cache/consultnlp
    python benchmarks/bench_themes_supervised.py --dataset nhs --cache-dir .cache/consultnlp
    python benchmarks/bench_themes_supervised.py --dataset chile --split validation --cache-dir .cache/consultnlp
    python benchmarks/bench_themes_supervised.py --dataset pndbio --cache-dir .cache/consultnlp  # ~10 min on 2 cores
    python benchmarks/bench_themes_supervised.py --dataset chile --set nets=2 --set class_balance=0.5  # an ensemble
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
PNDBIO = EXTERNAL / "brasil-pndbio-2025" / "pndbio_contribuicoes.csv"
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
        "rows_train": len(train),
        "rows_test": len(test),
        "classes": len(model.classes_),
        "embedding_seconds": round(embed_s, 1),
        "training_seconds": round(train_s, 1),
        "timings_s": model.timings_,
    }
    t0 = time.perf_counter()
    variants = [settings.features] + (["tfidf", "embeddings"] if settings.features == "tfidf+embeddings" else [])
    for features in variants:
        scorer = part(model, features)
        key = features.replace("+", "_")
        if test.groups is not None:
            result[f"{key}_within_question"] = headline(
                scorer, scorer.scores(test.texts, groups=test.groups, embeddings=emb_test), test.labels
            )
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
    frame["labels"] = [";".join(l.replace(";", ",") for l in labels if row[l].strip() == "1") for _, row in frame[labels].iterrows()]
    train_frame, test_frame = split(frame, which)
    args = dict(text_column="FFT answer", label_column="labels", multi_label=";")
    train, test = labelled_from_frame(train_frame, **args), labelled_from_frame(test_frame, **args)
    out = {"data": str(NHS.relative_to(EXTERNAL)), "label_columns": len(labels)}
    return {**out, **fit_and_measure(train, test, settings, encoder)}


def sgd_baseline_scores(train, test) -> tuple[np.ndarray, list[str]]:
    """The notes' baseline: TF-IDF word 1-2 + char_wb 2-5 into SGD (modified_huber), restricted to the row's group."""
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier

    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    X = sparse.hstack([word.fit_transform(train.texts), char.fit_transform(train.texts)]).tocsr()
    X_test = sparse.hstack([word.transform(test.texts), char.transform(test.texts)]).tocsr()
    model = SGDClassifier(loss="modified_huber", random_state=0).fit(X, [ls[0] for ls in train.labels])
    scores = model.decision_function(X_test)
    classes = [str(c) for c in model.classes_]
    if test.groups is not None:
        seen = {}
        for g, ls in zip(train.groups, train.labels):
            seen.setdefault(g, set()).update(ls)
        for r, g in enumerate(test.groups):
            if g in seen:
                scores[r, [c not in seen[g] for c in classes]] = -np.inf
    return scores, classes


def top_k(scores: np.ndarray, classes: list[str], gold: list, k: int) -> int:
    """How many rows have a gold label among their ``k`` best-scored classes."""
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    names = np.asarray(classes, dtype=object)
    return sum(bool(set(names[o]) & set(g)) for o, g in zip(order, gold))


def pndbio(settings: ClassifierSettings, encoder: TextEncoder, which: str) -> dict:
    """Portuguese, 39 categories: each PNDBio contribution labelled with the plan's strategic action it comments on.

    ``acao`` of the rows that name one, actions with at least 3 contributions (187 rows, 39 actions), the
    mission (``missao_id``) as the question. Too small for one 80/20 split (a test row is 2.7 points), so:
    5-fold cross-validation stratified by action and grouped by text (a text never on both sides), with
    two shuffles (seeds 0 and 1), every row predicted once per shuffle; top-1/top-5 pooled over the rows and
    averaged over the shuffles, for this classifier and the notes' TF-IDF + SGD on the same folds.
    ``--split validation`` runs the same on the 80% part (``sample(frac=0.8, random_state=0)``) only.

    Measured 2026-12 (all rows, with the mission): TF-IDF + SGD top-1 0.409, top-5 0.818; the default
    classifier 0.545 / 0.829; with ``--set nets=2 --set class_balance=0.5`` 0.535 / 0.834.
    """
    from sklearn.model_selection import StratifiedGroupKFold

    frame = pd.read_csv(PNDBIO, dtype=str, keep_default_na=False)
    frame = frame[(frame["acao"].str.strip() != "") & (frame["contribuicao"].str.strip() != "")].copy()
    frame["acao"] = frame["acao"].str.replace(";", ",")
    counts = frame["acao"].value_counts()
    frame = frame[frame["acao"].isin(counts[counts >= 3].index)].reset_index(drop=True)
    if which == "validation":
        frame = frame.sample(frac=0.8, random_state=0).reset_index(drop=True)
    data = labelled_from_frame(frame, text_column="contribuicao", label_column="acao", group_column="missao_id")
    emb = embed_unique(data.texts, encoder) if settings.uses_embeddings else None
    gold = data.labels
    hits = {name: {1: [], 5: []} for name in ("classifier", "tfidf_sgd")}
    train_s = []
    for seed in (0, 1):
        folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
        found = {name: {1: 0, 5: 0} for name in hits}
        for tr, te in folds.split(data.texts, [ls[0] for ls in gold], groups=data.texts):
            train, test = data.subset(tr), data.subset(te)
            t0 = time.perf_counter()
            model = ThemeClassifier(settings).fit(
                train.texts, train.labels, groups=train.groups, embeddings=emb[tr] if emb is not None else None
            )
            train_s.append(time.perf_counter() - t0)
            scores = model.scores(test.texts, groups=test.groups, embeddings=emb[te] if emb is not None else None)
            sgd_scores, sgd_classes = sgd_baseline_scores(train, test)
            for k in (1, 5):
                found["classifier"][k] += top_k(scores, list(model.classes_), test.labels, k)
                found["tfidf_sgd"][k] += top_k(sgd_scores, sgd_classes, test.labels, k)
        for name in hits:
            for k in (1, 5):
                hits[name][k].append(found[name][k] / len(data))
    result: dict = {
        "data": str(PNDBIO.relative_to(EXTERNAL)),
        "rows": len(data),
        "classes": len({l for ls in gold for l in ls}),
        "training_seconds_per_fold": round(float(np.mean(train_s)), 1),
    }
    for name, by_k in hits.items():
        result[name] = {f"top{k}_accuracy": round(float(np.mean(v)), 3) for k, v in by_k.items()}
        result[name]["top5_per_shuffle"] = [round(v, 3) for v in by_k[5]]
    result["peak_memory_mb"] = peak_mb()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=["chile", "nhs", "pndbio", "all"], default="all")
    parser.add_argument("--features", default="tfidf+embeddings", help="tfidf, embeddings or tfidf+embeddings")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a ClassifierSettings field, e.g. --set epochs=8 (repeatable)",
    )
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
    if args.dataset in ("pndbio", "all"):
        results["pndbio"] = pndbio(settings, encoder, args.split)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
