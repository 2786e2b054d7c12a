"""Codebook matching on ArgKP-2021: the shared task's metric on dev for TF-IDF cosine, raw embedding cosine and the
calibrated codebook matcher of ``consultnlp.themes.codebook``; precision and recall of its threshold.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_codebook.py [--fit] [--cache-dir DIR]

Each topic and stance is one codebook: its key points are the themes (text only, as a name-only codebook), its
arguments the comments; the lexical IDF is fitted on the split's arguments. ``--fit`` fits the logistic calibration
on the train split and prints the constants to paste into ``consultnlp/themes/codebook.py`` (nothing is fitted at
run time). Dev is never used for fitting. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_keypoints import encoder, load, shared_task_map, tfidf_scores  # noqa: E402

from consultnlp.themes import codebook  # noqa: E402


def pair_features(split: str, enc) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every argument with every key point of its topic and stance: the codebook features and probability."""
    args, kps, labels = load(split)
    texts = sorted(set(args["argument"].astype(str)) | set(kps["key_point"].astype(str)))
    vec = enc.encode(texts, description=f"ArgKP {split}")
    where = {t: i for i, t in enumerate(texts)}
    index = codebook.LexicalIndex(args["argument"].astype(str).tolist())
    parts = []
    for (topic, stance), group in args.groupby(["topic", "stance"], sort=True):
        points = kps[(kps["topic"] == topic) & (kps["stance"] == stance)]
        a_text, k_text = group["argument"].astype(str).tolist(), points["key_point"].astype(str).tolist()
        cosine = vec[[where[t] for t in a_text]] @ vec[[where[t] for t in k_text]].T
        tfidf, coverage = index.compare(a_text, k_text)
        scores = codebook.score(cosine, tfidf, coverage)
        feats = scores.features()
        for j, kp_id in enumerate(points["key_point_id"]):
            part = pd.DataFrame({"arg_id": group["arg_id"].to_numpy(), "key_point_id": kp_id, "topic": topic, "stance": stance,
                                 "argument": a_text, "key_point": k_text[j], "prob": scores.probability[:, j]})
            for f, name in enumerate(codebook.FEATURES):
                part[name] = feats[:, j, f]
            parts.append(part)
    return pd.concat(parts, ignore_index=True), labels


def fit(pairs: pd.DataFrame, labels: pd.DataFrame) -> None:
    from sklearn.linear_model import LogisticRegression

    train = pairs.merge(labels, on=["arg_id", "key_point_id"])
    x, y = train[list(codebook.FEATURES)].to_numpy(), train["label"].to_numpy()
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    print(f"ArgKP train: {len(train)} labelled pairs, {int(y.sum())} positive")
    print(f"COEFFICIENTS = ({', '.join(f'{c:.3f}' for c in model.coef_[0])})")
    print(f"INTERCEPT = {model.intercept_[0]:.3f}")
    p = model.predict_proba(x)[:, 1]
    best = (0.0, 0.5)
    for threshold in np.arange(0.20, 0.80, 0.02):
        chosen = p >= threshold
        precision = y[chosen].mean() if chosen.any() else 0.0
        recall = chosen[y == 1].mean()
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        best = max(best, (f1, round(float(threshold), 2)))
        print(f"  train threshold {threshold:.2f}: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
    print(f"THRESHOLD = {best[1]:.2f}  # F1 {best[0]:.3f} on ArgKP train labelled pairs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="fit the calibration on ArgKP train and print its constants")
    parser.add_argument("--cache-dir", type=Path, default=Path("/work/cache/codebook"))
    ns = parser.parse_args()
    enc = encoder(ns.cache_dir)
    if ns.fit:
        fit(*pair_features("train", enc))
        return
    pairs, labels = pair_features("dev", enc)
    args, kps, _ = load("dev")
    pairs["tfidf_baseline"] = tfidf_scores(pairs)
    texts = sorted(set(pairs["argument"]) | set(pairs["key_point"]))
    vec = enc.encode(texts, description="ArgKP dev")
    where = {t: i for i, t in enumerate(texts)}
    a = vec[[where[t] for t in pairs["argument"]]]
    b = vec[[where[t] for t in pairs["key_point"]]]
    pairs["raw_cosine"] = (a * b).sum(axis=1)
    print(f"ArgKP dev: {len(args)} arguments, {len(kps)} key points, {len(labels)} labelled pairs")
    print("method                               strict mAP  relaxed mAP")
    for name, column in (("(a) TF-IDF cosine", "tfidf_baseline"), ("(b) embedding cosine", "raw_cosine"),
                         ("(c) codebook matcher", "prob")):
        strict, relaxed = shared_task_map(pairs, labels, column)
        print(f"{name:<36}  {strict:.3f}       {relaxed:.3f}")
    labelled = pairs.merge(labels, on=["arg_id", "key_point_id"])
    y, chosen = labelled["label"].to_numpy(), labelled["prob"].to_numpy() >= codebook.THRESHOLD
    print(f"threshold {codebook.THRESHOLD} on dev labelled pairs: precision {y[chosen].mean():.3f}, recall "
          f"{chosen[y == 1].mean():.3f}, base rate {y.mean():.3f}")
    best = pairs.sort_values("prob", ascending=False, kind="stable").drop_duplicates("arg_id")
    print(f"arguments given no key point (none): {(best['prob'] < codebook.THRESHOLD).mean():.3f}")


if __name__ == "__main__":
    main()
