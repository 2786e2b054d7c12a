"""Key-point matching on ArgKP-2021: the shared task's metric on dev, for a TF-IDF baseline, raw embedding cosine and
the calibrated matcher of ``consultnlp.summary.matching``; the threshold's precision and recall on dev.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_keypoints.py [--fit] [--cache-dir DIR]
    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_keypoints.py --runs /tmp/keypoints/chile5k /tmp/keypoints/planoclima ...

``--fit`` fits the logistic calibration on the train split and prints the constants to paste into
``consultnlp/summary/matching.py`` (nothing is fitted at run time). ``--runs`` reads run folders made by
``consultnlp analyze`` and prints, per run, its key points and the share of each point's original cluster that
passes the match (``private/state/key_points.parquet``). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consultnlp.summary import matching  # noqa: E402
from consultnlp.summary.keypoints import sentences  # noqa: E402

COUNT_PRECISION = 0.95  # where the calibration anchor (matching.THRESHOLD) was set; counting is at matching.COUNT_THRESHOLD
SAME_POINT_PRECISION = 0.85  # two statements are one point (matching.SAME_POINT_THRESHOLD)
ARGKP = ROOT.parent / "shared" / "data" / "external" / "argkp-2021"
if not ARGKP.exists():
    ARGKP = Path("/work/shared/data/external/argkp-2021")


def load(split: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    args = pd.read_csv(ARGKP / f"arguments_{split}.csv")
    kps = pd.read_csv(ARGKP / f"key_points_{split}.csv")
    labels = pd.read_csv(ARGKP / f"labels_{split}.csv")
    return args, kps, labels


def encoder(cache_dir: Path | None):
    from consultnlp.embedders import TextEncoder
    from consultnlp.embedders.use import UseEmbedder

    return TextEncoder(UseEmbedder(threads=1), cache_dir=cache_dir)


def all_pairs(args: pd.DataFrame, kps: pd.DataFrame) -> pd.DataFrame:
    """Every argument with every key point of its topic and stance (the shared task scores all of them)."""
    return args.merge(kps, on=["topic", "stance"])


def features(pairs: pd.DataFrame, args: pd.DataFrame, kps: pd.DataFrame, enc) -> pd.DataFrame:
    """Per pair: raw cosine of whole texts, and over the argument's sentences the best calibrated probability (with and
    without the polarity rule) and that sentence's centred cosine and lexical score, all from ``matching.SentenceTable``."""
    arg_text = dict(zip(args["arg_id"], args["argument"].astype(str)))
    kp_text = dict(zip(kps["key_point_id"], kps["key_point"].astype(str)))
    owners, texts = [], []
    for a in args["arg_id"]:
        for piece in sentences(arg_text[a]) or [arg_text[a]]:
            owners.append(a)
            texts.append(piece)
    kp_ids = list(kp_text)
    all_texts = texts + [kp_text[k] for k in kp_ids]
    uniq = sorted(set(all_texts) | set(arg_text.values()))
    vec = enc.encode(uniq, description="ArgKP")
    where = {t: i for i, t in enumerate(uniq)}
    table = matching.SentenceTable.build(np.arange(len(all_texts)), all_texts, vec[[where[t] for t in all_texts]])
    kp_row = {k: len(texts) + j for j, k in enumerate(kp_ids)}
    by_arg: dict[str, list[int]] = {}
    for i, a in enumerate(owners):
        by_arg.setdefault(a, []).append(i)
    out = []
    # A topic's arguments are a group, as a prompt's answers are in a run: centred on what they all share.
    topic_of = dict(zip(args["arg_id"], args["topic"]))
    centres = {topic: table.centre(np.concatenate([by_arg[a] for a in part["arg_id"]])) for topic, part in args.groupby("topic", sort=True)}
    for a, k in zip(pairs["arg_id"], pairs["key_point_id"]):
        rows, statement, centre = np.array(by_arg[a]), np.array([kp_row[k]]), centres[topic_of[a]]
        cos, lex = (m[:, 0] for m in table.components(rows, statement, centre))
        prob_nopol = matching.match_probability(cos, lex, True)
        prob = table.scores(rows, statement, centre)[:, 0]
        best = int(np.argmax(prob_nopol))
        raw = float(vec[where[arg_text[a]]] @ vec[where[kp_text[k]]])
        out.append((raw, float(cos[best]), float(lex[best]), float(prob_nopol.max()), float(prob.max())))
    cols = ["raw_cosine", "cosine", "lexical", "prob_nopolarity", "prob"]
    return pd.concat([pairs.reset_index(drop=True), pd.DataFrame(out, columns=cols)], axis=1)


def tfidf_scores(pairs: pd.DataFrame) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = pd.concat([pairs["argument"], pairs["key_point"]]).astype(str).unique()
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit(texts)
    a = vec.transform(pairs["argument"].astype(str))
    b = vec.transform(pairs["key_point"].astype(str))
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def shared_task_map(pairs: pd.DataFrame, labels: pd.DataFrame, score: str) -> tuple[float, float]:
    """(strict, relaxed) mAP: each argument's best key point; per topic and stance the top 50% by score; average precision."""
    from sklearn.metrics import average_precision_score

    best = pairs.sort_values(score, ascending=False, kind="stable").drop_duplicates("arg_id")
    best = best.merge(labels, on=["arg_id", "key_point_id"], how="left")
    out = []
    for fill in (0, 1):
        aps = []
        for _, part in best.groupby(["topic", "stance"]):
            top = part.sort_values(score, ascending=False, kind="stable").head(int(len(part) * 0.5))
            y = top["label"].fillna(fill).astype(int)
            aps.append(average_precision_score(y, top[score]) if y.sum() else 0.0)
        out.append(float(np.mean(aps)))
    return out[0], out[1]


def fit(train: pd.DataFrame) -> None:
    from sklearn.linear_model import LogisticRegression

    x = train[["cosine", "lexical"]].to_numpy()
    y = train["label"].to_numpy()
    model = LogisticRegression(C=10.0).fit(x, y)
    print(f"COEF_COSINE = {model.coef_[0][0]:.3f}\nCOEF_LEXICAL = {model.coef_[0][1]:.3f}\nINTERCEPT = {model.intercept_[0]:.3f}")
    p = model.predict_proba(x)[:, 1]
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85):
        chosen = p >= threshold
        precision = y[chosen].mean() if chosen.any() else float("nan")
        print(f"  train threshold {threshold:.2f}: precision {precision:.3f} recall {chosen[y == 1].mean():.3f}")
    # The thresholds: the lowest probability at which train precision reaches its target. A count claims that every
    # contribution in it makes the point (a missed one only lowers a count); two statements are one point from a
    # lower precision, so that near-paraphrases are not offered twice.
    for name, target in (("THRESHOLD", COUNT_PRECISION), ("SAME_POINT_THRESHOLD", SAME_POINT_PRECISION)):
        for threshold in np.arange(0.40, 0.99, 0.01):
            chosen = p >= threshold
            if chosen.any() and y[chosen].mean() >= target:
                print(f"{name} = {threshold:.2f}  # train precision {y[chosen].mean():.3f}, recall {chosen[y == 1].mean():.3f}")
                break


def precision_recall(frame: pd.DataFrame, column: str, threshold: float) -> tuple[float, float]:
    y = frame["label"].to_numpy()
    chosen = frame[column].to_numpy() >= threshold
    return float(y[chosen].mean()) if chosen.any() else float("nan"), float(chosen[y == 1].mean())


def argkp(cache_dir: Path | None, do_fit: bool) -> None:
    enc = encoder(cache_dir)
    if do_fit:
        args, kps, labels = load("train")
        train = features(all_pairs(args, kps), args, kps, enc).merge(labels, on=["arg_id", "key_point_id"])
        print(f"ArgKP train: {len(train)} labelled pairs, {int(train['label'].sum())} positive")
        train.to_parquet("/tmp/keypoints/argkp_train_features.parquet")
        fit(train)
    args, kps, labels = load("dev")
    pairs = features(all_pairs(args, kps), args, kps, enc)
    pairs["tfidf"] = tfidf_scores(pairs)
    print(f"ArgKP dev: {len(args)} arguments, {len(kps)} key points, {len(labels)} labelled pairs")
    print("method                              strict mAP  relaxed mAP")
    for name, column in (
        ("(a) TF-IDF cosine", "tfidf"),
        ("(b) embedding cosine (whole argument)", "raw_cosine"),
        ("(c) centred model alone, no polarity", "prob_nopolarity"),
        ("(c) calibrated matcher", "prob"),
    ):
        strict, relaxed = shared_task_map(pairs, labels, column)
        print(f"{name:<36}  {strict:.3f}       {relaxed:.3f}")
    labelled = pairs.merge(labels, on=["arg_id", "key_point_id"])
    for column in ("prob", "prob_nopolarity"):
        precision, recall = precision_recall(labelled, column, matching.COUNT_THRESHOLD)
        print(
            f"threshold {matching.COUNT_THRESHOLD} on dev labelled pairs ({column}): precision {precision:.3f}, recall {recall:.3f}, "
            f"base rate {labelled['label'].mean():.3f}"
        )


def _state(folder: Path) -> Path:
    """A run's key points with their cluster columns (``private/state/``; ``state/`` in runs before it moved)."""
    path = folder / "private" / "state" / "key_points.parquet"
    return path if path.is_file() else folder / "state" / "key_points.parquet"


def runs(folders: list[Path]) -> None:
    print("run                      key points  mean share of cluster passing  mean unique per point")
    for folder in folders:
        path = _state(folder)
        if not path.is_file():
            print(f"{folder}: no private/state/key_points.parquet")
            continue
        points = pd.read_parquet(path)
        share = points["cluster_share"].mean() if "cluster_share" in points and len(points) else float("nan")
        print(f"{folder.name:<24} {len(points):>10}  {share:>29.3f}  {points['unique_contributions'].mean():>21.1f}")


def read_statements(sheets: list[Path]) -> set[str]:
    """The statements of earlier reading sheets (a new sheet leaves them out: a reading of points tuned on is no measure)."""
    return {m for path in sheets for m in re.findall(r"^\*\*«(.*)»\*\*", path.read_text(encoding="utf-8"), re.M)}


def sheet(
    folder: Path, out: Path, n: int = 20, members: int = 4, seed: int = 0, context: str | None = None, skip: set[str] = frozenset()
) -> Path:
    """A reading sheet: ``n`` key points drawn at random (seeded) from a run, each with ``members`` of its counted
    contributions (the author first), their text, and an empty verdict (fair / weak / wrong) to fill by hand.
    ``context``: an input column shown before each member's text (the concept a Chile argument answers); ``skip``:
    statements already read, left out."""
    points = pd.read_parquet(_state(folder))
    points = points[~points["statement"].isin(skip)].reset_index(drop=True)
    # The key points of private/state/ name rows by their raw ids; where the published ids are pseudonyms, private/ maps them.
    private = folder / "private" / "comments.parquet"
    comments = pd.read_parquet(private if private.is_file() else folder / "comments.parquet").set_index("comment_id")
    text = comments["text_redacted"].astype(str)
    if context:
        text = "[" + comments[context].astype(str) + "] " + text
    rng = np.random.default_rng(seed)
    chosen = points.iloc[np.sort(rng.choice(len(points), min(n, len(points)), replace=False))] if len(points) else points
    lines = [
        f"# Key points of {folder.name}: {len(points)} in all, {len(chosen)} read",
        "",
        "Verdict per point: fair (every member shown makes the point), weak (most do, or the statement is vague), wrong.",
        "",
    ]
    for k, (_, p) in enumerate(chosen.iterrows(), 1):
        ids = str(p["comment_ids"]).split(";")
        others = [i for i in ids if i != p["comment_id"]]
        shown = [p["comment_id"]] + list(rng.choice(others, min(members - 1, len(others)), replace=False))
        lines += [
            f"## {k}. [{p['scope']} {p['group_id']} #{p['rank']}] {p['unique_contributions']} distinct "
            f"({p['contributions']} in all), cluster {p.get('cluster_size', '?')}",
            f"**«{p['statement']}»** ({p['comment_id']})" + (f" — answering «{p['prompt']}»" if str(p.get("prompt") or "") else ""),
            "",
        ]
        lines += [f"- {cid}: {text.get(cid, '?')[:400]}" for cid in shown]
        lines += ["", "Verdict: ", ""]
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"keypoints_sheet_{folder.name}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="fit the calibration on ArgKP train and print its constants")
    parser.add_argument("--cache-dir", type=Path, default=Path("/work/cache/keypoints"))
    parser.add_argument("--runs", type=Path, nargs="*", help="run folders: key points and match share per run (no ArgKP)")
    parser.add_argument("--sheet", action="store_true", help="with --runs: write a reading sheet per run to benchmarks/out/")
    parser.add_argument("--context", default=None, help="with --sheet: an input column shown before each member's text")
    parser.add_argument("--seed", type=int, default=0, help="with --sheet: the draw's seed")
    parser.add_argument("--skip-sheets", type=Path, nargs="*", default=[], help="with --sheet: earlier sheets whose points are left out")
    ns = parser.parse_args()
    if ns.runs:
        runs(ns.runs)
        for folder in ns.runs if ns.sheet else []:
            skip = read_statements(ns.skip_sheets)
            print(f"reading sheet: {sheet(folder, ROOT / 'benchmarks' / 'out', context=ns.context, seed=ns.seed, skip=skip)}")
        return
    argkp(ns.cache_dir, ns.fit)


if __name__ == "__main__":
    main()
