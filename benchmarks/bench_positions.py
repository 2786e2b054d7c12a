"""Quality of positions: the cue detector on hand-written sentences and real comments, and the supervised model on Chile 2016.

Prints one JSON object per part (``--part``, default all that can run):

* ``cues``: ``benchmarks/labels/positions_cues.tsv`` (hand-written es/pt/en sentences, CC0): precision and
  recall of support, partial and oppose per language, and a confusion table; what each kind of sentence
  (negation, question, reported, quoted, irony, object, implicit ...) got.
* ``real``: ``benchmarks/labels/positions_real.tsv`` (references to real comments in ``../shared/data/external``
  and a hand judgement of what the detector found; never the texts): precision of the positions found.
  ``--sample-real N`` prints the next sample to judge instead.
* ``real-hits``: how many distinct texts of each real file (Chile 2016, PNDBio, Plano Clima, NHS, the English Pol.is
  conversations) state a position, per position: what a change to the lists moves (never the texts).
* ``chile-cues``: the cue detector on Chile 2016 (``ela_fundamentos.csv.gz``, column ``acuerdo``): share of
  P and D rows where it finds a position, and how often that position agrees with the label (A = support,
  P = partial, D = oppose), and the same on A rows.
* ``targets``: ``benchmarks/labels/positions_targets.tsv`` (columns lang, text, position, target, kind; sentences
  with a target written by a helper who never saw the cue lists, held out): precision and recall of support
  and oppose per language, the target found against the labelled one (exact after lower-casing and dropping
  punctuation; overlap: one contains the other or half their words are shared) on rows whose position is
  labelled and found alike, and per kind.
* ``stance-model``: a stance classifier on the sentence embedding, trained on the written sets tuned on and the cue
  sentences, tested on the held-out sets (4 and 7), alone and after the cues (tried in stop 31; ``analyze`` does not use it).
* ``model``: a position classifier on Chile 2016, text only, ``acuerdo`` as the label, train on
  ``sample(frac=0.8, random_state=0)`` of the rows with a text, test on the rest: macro-F1 and per-class F1
  against a TF-IDF + class-balanced logistic regression baseline. The prior adjustment is chosen on a
  validation tenth of the training part, never on the test rows. ``--group-column concepto_norm``: the concept
  each text argues for, as ``positions train --group-column`` uses it (its shares of A/P/D, from the fit rows,
  shift the decision by a weight chosen with the adjustment on the validation rows).

Run from the repository root (the model part embeds 193k texts on a first run, 25-40 min on 2 cores,
then trains for 10-20 min):
    python benchmarks/bench_positions.py --part cues
    python benchmarks/bench_positions.py --part model --cache-dir .cache/consultnlp
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import SHARED, peak_rss_mb  # noqa: E402
from consultnlp.positions.cues import CueDetector  # noqa: E402

LABELS = Path(__file__).resolve().parent / "labels"
CUES_FILE = LABELS / "positions_cues.tsv"
REAL_FILE = LABELS / "positions_real.tsv"
# Sentences with targets, each set written blind by its own helper who never saw the cue lists: (set, file, role).
# "tuned on": its errors were read and the lists or rules changed for them; "held out": only its scores were read.
TARGET_SETS = [
    (1, LABELS / "positions_targets.tsv", "tuned on"),  # since the second set was written (stop 29)
    (2, LABELS / "positions_targets2.tsv", "tuned on"),  # since the third (stop 30)
    (3, LABELS / "positions_targets3.tsv", "tuned on"),  # read for errors since the fourth (stop 31)
    (4, LABELS / "positions_targets4.tsv", "tuned on"),  # read for errors since the eighth (stop 40)
    (5, LABELS / "positions_targets5.tsv", "tuned on"),  # stop 39: written with 6 and 7, read for errors and trained on
    (6, LABELS / "positions_targets6.tsv", "tuned on"),
    (7, LABELS / "positions_targets7.tsv", "tuned on"),  # read for errors since the eighth (stop 40)
    (8, LABELS / "positions_targets8.tsv", "tuned on"),  # stop 40: written blind while 4 and 7 were read; read at stop 41
    (9, LABELS / "positions_targets9.tsv", "tuned on"),  # stop 41: written blind while 8 was read; read at stop 41
    (10, LABELS / "positions_targets10.tsv", "held out"),  # stop 42: written blind (stance in subordinate clauses, registers)
    (
        11,
        LABELS / "positions_targets11.tsv",
        "tuned on",
    ),  # stop 43: written blind (long sentences, consequences, articles and figures); its misses read
    (12, LABELS / "positions_targets12.tsv", "held out"),  # stop 43: written blind (phone and meeting phrasing, preferences, concessions)
    # stop 50: written blind (formal submissions, conditions, litotes, stances on behalf of a group); only its scores read
    (13, LABELS / "positions_targets13.tsv", "held out"),
]
TARGETS_FILE = TARGET_SETS[0][1]
HELD_OUT = [path for _, path, role in TARGET_SETS if role == "held out"]
CHILE = SHARED / "chile-ela-2016" / "ela_fundamentos.csv.gz"
CHILE_POSITIONS = {"A": "support", "P": "partial", "D": "oppose"}
STATED = ("support", "partial", "oppose")
# Real comments read by hand: file, id column, text column, language.
REAL_SOURCES = {
    "chile-ela-2016/ela_fundamentos.csv.gz": ("row_id", "fundamento", "es"),
    "brasil-pndbio-2025/pndbio_contribuicoes.csv": ("id_contribuicao", "contribuicao", "pt"),
    "brasil-planoclima-2024/propostas_brasil_participativo.csv": ("id_proposta", "descricao", "pt"),
    "nhs-patient-feedback/v6framework_230831.csv": ("Comment ID", "FFT answer", "en"),
}
# Every English Pol.is conversation (the Austrian ones are German, vtaiwan Chinese).
REAL_SOURCES.update(
    {
        f"polis-opendata/{name}/comments.csv": ("comment-id", "comment-body", "en")
        for name in (
            "15-per-hour-seattle",
            "american-assembly.bowling-green",
            "bg2050-volunteers",
            "brexit-consensus",
            "canadian-electoral-reform",
            "football-concussions",
            "london.youth.policing",
            "march-on.operation-marchin-orders",
            "scoop-hivemind.affordable-housing",
            "scoop-hivemind.biodiversity",
            "scoop-hivemind.freshwater",
            "scoop-hivemind.taxes",
            "scoop-hivemind.ubi",
            "ssis.land-bank-farmland.2rumnecbeh.2021-08-01",
        )
    }
)


def precision_recall(gold: list[str], found: list[str]) -> dict:
    out = {}
    for position in STATED:
        tp = sum(g == position and f == position for g, f in zip(gold, found))
        predicted, actual = sum(f == position for f in found), sum(g == position for g in gold)
        out[position] = {
            "precision": round(tp / predicted, 3) if predicted else None,
            "recall": round(tp / actual, 3) if actual else None,
            "found": predicted,
            "labelled": actual,
        }
    stated_tp = sum(g == f and f in STATED for g, f in zip(gold, found))
    stated_found = sum(f in STATED for f in found)
    out["any_position"] = {
        "precision": round(stated_tp / stated_found, 3) if stated_found else None,
        "recall": round(stated_tp / max(sum(g in STATED for g in gold), 1), 3),
    }
    return out


def part_cues(detector: CueDetector) -> dict:
    frame = pd.read_csv(CUES_FILE, sep="\t", comment="#", dtype=str)
    frame["found"] = [detector.detect(text, lang).position for text, lang in zip(frame["text"], frame["lang"])]
    result: dict = {
        "file": str(CUES_FILE.relative_to(LABELS.parent.parent)),
        "sentences": len(frame),
        "all": precision_recall(frame["label"].tolist(), frame["found"].tolist()),
    }
    for lang, part in frame.groupby("lang"):
        result[lang] = precision_recall(part["label"].tolist(), part["found"].tolist())
    result["by_kind"] = {
        kind: {"sentences": len(part), "correct": int((part["label"] == part["found"]).sum())} for kind, part in frame.groupby("kind")
    }
    result["confusion"] = {g: {f: int(n) for f, n in row.items() if n} for g, row in pd.crosstab(frame["label"], frame["found"]).iterrows()}
    result["wrong"] = [f"{r.lang} {r.label}->{r.found}: {r.text}" for r in frame.itertuples() if r.label != r.found]
    return result


def _norm_target(text: object) -> str:
    words = "".join(c if c.isalnum() else " " for c in ("" if pd.isna(text) else str(text)).lower()).split()
    return " ".join(words)


def _target_match(gold: str, found: str) -> tuple[bool, bool]:
    """(exact, overlap) of two normalised targets; two empty targets match exactly."""
    if gold == found:
        return True, True
    if not gold or not found:
        return False, False
    a, b = set(gold.split()), set(found.split())
    return False, gold in found or found in gold or len(a & b) / len(a | b) >= 0.5


def _target_rates(frame: pd.DataFrame) -> dict:
    """Target agreement on rows whose stated position (support / oppose) was found as labelled."""
    both = frame[(frame["position"] == frame["found"]) & frame["position"].isin(("support", "oppose"))]
    matches = [_target_match(_norm_target(g), _norm_target(f)) for g, f in zip(both["target"], both["found_target"])]
    with_target = [m for m, g in zip(matches, both["target"]) if _norm_target(g)]
    return {
        "rows": len(both),
        "exact": round(sum(m[0] for m in matches) / len(matches), 3) if matches else None,
        "overlap": round(sum(m[1] for m in matches) / len(matches), 3) if matches else None,
        "rows_with_a_labelled_target": len(with_target),
        "exact_of_labelled": round(sum(m[0] for m in with_target) / len(with_target), 3) if with_target else None,
        "overlap_of_labelled": round(sum(m[1] for m in with_target) / len(with_target), 3) if with_target else None,
    }


def read_targets(paths: Path | list[Path]) -> pd.DataFrame:
    """One or more target sets as one frame (lang, text, position, target, kind)."""
    paths = paths if isinstance(paths, list) else [paths]
    return pd.concat([pd.read_csv(p, sep="\t", comment="#", dtype=str, keep_default_na=False, quoting=3) for p in paths], ignore_index=True)


def part_targets(detector: CueDetector, path: Path | list[Path] = TARGETS_FILE) -> dict:
    frame = read_targets(path)
    found = [detector.detect(text, lang) for text, lang in zip(frame["text"], frame["lang"])]
    frame["found"], frame["found_target"] = [d.position for d in found], [d.target for d in found]
    result: dict = {
        "file": ", ".join(str(p.relative_to(LABELS.parent.parent)) for p in (path if isinstance(path, list) else [path])),
        "sentences": len(frame),
        "all": precision_recall(frame["position"].tolist(), frame["found"].tolist()),
        "target": _target_rates(frame),
    }
    for lang, part in frame.groupby("lang"):
        pr = precision_recall(part["position"].tolist(), part["found"].tolist())
        result[lang] = {"support": pr["support"], "oppose": pr["oppose"], "target": _target_rates(part)}
    result["by_kind"] = {
        kind: {"sentences": len(part), "position_right": int((part["position"] == part["found"]).sum()), "target": _target_rates(part)}
        for kind, part in frame.groupby("kind")
    }
    result["confusion"] = {
        g: {f: int(n) for f, n in row.items() if n} for g, row in pd.crosstab(frame["position"], frame["found"]).iterrows()
    }
    return result


def _read_source(name: str) -> pd.DataFrame:
    id_column, text_column, _ = REAL_SOURCES[name]
    frame = pd.read_csv(SHARED / name, dtype=str, keep_default_na=False)
    return frame[[id_column, text_column]].rename(columns={id_column: "id", text_column: "text"})


def sample_real(detector: CueDetector, n: int, seed: int) -> None:
    """Print comments where the detector finds a position, for a person to judge (not written to the project)."""
    rng = np.random.default_rng(seed)
    for name, (_, _, lang) in REAL_SOURCES.items():
        frame = _read_source(name)
        frame = frame.iloc[rng.permutation(len(frame))]
        shown = 0
        for row in frame.itertuples():
            found = detector.detect(str(row.text), lang)
            if found.position in STATED:
                print(f"{name}\t{row.id}\t{found.position}\t{found.evidence}\t{' '.join(str(row.text).split())[:400]}")
                shown += 1
                if shown >= n:
                    break


def part_real(detector: CueDetector) -> dict:
    """Precision on the judged real comments, per sample: as judged, and with the detector as it is now (rows it still finds)."""
    judged = pd.read_csv(REAL_FILE, sep="\t", comment="#", dtype=str, keep_default_na=False)
    now = {}
    for name, part in judged.drop_duplicates(["file", "id"]).groupby("file", sort=False):
        texts = _read_source(name).drop_duplicates("id").set_index("id")["text"]
        lang = REAL_SOURCES[name][2]
        now.update({(name, row.id): detector.detect(str(texts.loc[row.id]), lang).position for row in part.itertuples()})
    judged["found_now"] = [now[(f, i)] for f, i in zip(judged["file"], judged["id"])]
    out: dict = {}
    for sample, part in judged.groupby("sample", sort=False):
        found = part[part["found_now"].isin(STATED)]
        result: dict = {
            "judged": len(part),
            "correct_as_judged": int((part["found"] == part["truth"]).sum()),
            "precision_as_judged": round(float((part["found"] == part["truth"]).mean()), 3),
            "per_position_as_judged": {
                p: [int(((part["found"] == p) & (part["truth"] == p)).sum()), int((part["found"] == p).sum())]
                for p in STATED
                if (part["found"] == p).any()
            },
            "by_source_as_judged": {
                src: [int((g["found"] == g["truth"]).sum()), len(g)]
                for src, g in part.groupby(part["file"].str.split("/").str[0], sort=False)
            },
            "still_found_now": len(found),
            "correct_now": int((found["found_now"] == found["truth"]).sum()),
            "precision_now": round(float((found["found_now"] == found["truth"]).mean()), 3) if len(found) else None,
            "per_position_now": {
                p: [int(((found["found_now"] == p) & (found["truth"] == p)).sum()), int((found["found_now"] == p).sum())]
                for p in STATED
                if (found["found_now"] == p).any()
            },
        }
        result["wrong_now"] = [f"{r.id}: {r.found_now}, truth {r.truth} ({r.note})" for r in found.itertuples() if r.found_now != r.truth]
        result["changed_since_judged"] = [
            f"{r.id}: {r.found} -> {r.found_now} (truth {r.truth})" for r in part.itertuples() if r.found != r.found_now
        ]
        out[sample] = result
    return out


def chile_frame() -> pd.DataFrame:
    frame = pd.read_csv(CHILE)
    return frame[frame["fundamento"].fillna("").str.strip() != ""]


def part_real_hits(detector: CueDetector) -> dict:
    """How many distinct texts of each real file the detector reads as a position (Chile 2016 over all its distinct
    texts). A change to the lists or rules that moves these counts changes what reports say: judge the rows that moved
    (``--sample-real`` prints hits to judge) before calling it an improvement."""
    out: dict = {}
    for name, (_, _, lang) in REAL_SOURCES.items():
        if not (SHARED / name).exists():
            continue
        texts = _read_source(name)["text"].astype(str).drop_duplicates()
        found = pd.Series([detector.detect(text, lang).position for text in texts])
        out[name] = {"texts": len(texts), **{p: int((found == p).sum()) for p in STATED}}
    return out


def part_chile_cues(detector: CueDetector) -> dict:
    frame = chile_frame()
    started = time.perf_counter()
    found = [detector.detect(text, "es").position for text in frame["fundamento"].astype(str)]
    seconds = time.perf_counter() - started
    frame = frame.assign(found=found, gold=frame["acuerdo"].map(CHILE_POSITIONS))
    out: dict = {"rows": len(frame), "seconds": round(seconds, 1), "rows_per_second": round(len(frame) / seconds)}
    for label, part in frame.groupby("acuerdo"):
        stated = part[part["found"].isin(STATED)]
        out[label] = {
            "rows": len(part),
            "found": len(stated),
            "share_found": round(len(stated) / len(part), 4),
            "agree_with_label": int((stated["found"] == stated["gold"]).sum()),
            "share_agreeing": round(float((stated["found"] == stated["gold"]).mean()), 3) if len(stated) else None,
            "found_as": {k: int(v) for k, v in stated["found"].value_counts().items()},
        }
    stated = frame[frame["found"].isin(STATED)]
    out["precision_per_found_position"] = {
        p: round(float((stated.loc[stated["found"] == p, "gold"] == p).mean()), 3) for p in STATED if (stated["found"] == p).any()
    }
    return out


def part_model(cache_dir: Path | None, features: str, group_column: str | None = None, baseline: bool = True) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from consultnlp.config import ClassifierSettings
    from consultnlp.positions.model import (
        PositionModel,
        choose_balancing,
        group_log_ratios,
        group_shift,
        position_metrics,
    )
    from consultnlp.progress import NullProgress
    from consultnlp.themes.classifier import ThemeClassifier
    from consultnlp.themes.training import embed_unique, model_encoder

    frame = chile_frame()
    train = frame.sample(frac=0.8, random_state=0)
    test = frame.drop(train.index)
    gold = test["acuerdo"].map(CHILE_POSITIONS).tolist()
    out: dict = {"rows_train": len(train), "rows_test": len(test), "test_counts": pd.Series(gold).value_counts().to_dict()}
    if baseline:
        started = time.perf_counter()
        vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2)
        model = LogisticRegression(class_weight="balanced", max_iter=2000).fit(
            vectorizer.fit_transform(train["fundamento"]), train["acuerdo"]
        )
        predicted = pd.Series(model.predict(vectorizer.transform(test["fundamento"]))).map(CHILE_POSITIONS).tolist()
        out["baseline_tfidf_logreg_balanced"] = {
            **_short(position_metrics(gold, predicted)),
            "seconds": round(time.perf_counter() - started, 1),
        }
    # Validation tenth of the training part chooses the prior adjustment (as `positions train` does).
    order = np.random.default_rng(1).permutation(len(train))
    n_val = len(train) // 10
    fit, val = train.iloc[np.sort(order[n_val:])], train.iloc[np.sort(order[:n_val])]
    settings = ClassifierSettings(features=features)
    encoder = model_encoder(NullProgress(), cache_dir)
    started = time.perf_counter()
    embed = (lambda texts: embed_unique(texts, encoder)) if settings.uses_embeddings else (lambda texts: None)
    e_fit, e_val, e_test = (embed(part["fundamento"].tolist()) for part in (fit, val, test))
    out["embedding_seconds"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    classifier = ThemeClassifier(settings).fit(
        fit["fundamento"].tolist(), [(CHILE_POSITIONS[a],) for a in fit["acuerdo"]], embeddings=e_fit
    )
    out["training_seconds"] = round(time.perf_counter() - started, 1)
    n_classes = len(classifier.classes_)
    ratios = (
        group_log_ratios(fit["acuerdo"].map(CHILE_POSITIONS).tolist(), fit[group_column].astype(str).tolist(), classifier.classes_)
        if group_column
        else {}
    )
    shift = group_shift(ratios, val[group_column].astype(str).tolist(), len(val), n_classes, 1.0) if group_column else None
    tau, weight, tried = choose_balancing(
        classifier, classifier.scores(val["fundamento"].tolist(), embeddings=e_val), val["acuerdo"].map(CHILE_POSITIONS).tolist(), shift
    )
    out["validation_macro_f1_by_adjustment"], out["chosen_adjustment"], out["chosen_group_weight"] = tried, tau, weight
    model = PositionModel(classifier, tau, group_column=group_column, group_weight=weight, group_ratios=ratios)
    test_groups = test[group_column].astype(str).tolist() if group_column else None
    predicted, _ = model.predict(test["fundamento"].tolist(), e_test, groups=test_groups)
    name = f"model_{features.replace('+', '_')}" + (f"_{group_column}" if group_column else "")
    out[name] = _short(position_metrics(gold, predicted))
    out["model_without_adjustment"] = _short(
        position_metrics(gold, PositionModel(classifier, 0.0).predict(test["fundamento"].tolist(), e_test)[0])
    )
    # As `analyze --position-model` does: an explicit statement found by the cues takes precedence over the model.
    detector = CueDetector()
    cues = [detector.detect(text, "es").position for text in test["fundamento"].astype(str)]
    combined = [c if c in STATED else m for c, m in zip(cues, predicted)]
    out["model_with_cues_first"] = _short(position_metrics(gold, combined))
    out["cues_found_in_test"] = int(sum(c in STATED for c in cues))
    out["peak_memory_mb"] = peak_rss_mb()
    return out


def part_stance_model(cache_dir: Path | None) -> dict:
    """A stance classifier tried beside the cues (issue 25, stop 31): a balanced logistic regression on the multilingual
    sentence embedding, trained on the hand-written sets tuned on and the cue sentences, tested on the held-out sets; alone
    and after the cues (a cue's position first), at a few probability floors. Not used by ``analyze``."""
    from sklearn.linear_model import LogisticRegression

    from consultnlp.embedders import TextEncoder
    from consultnlp.embedders.use import UseEmbedder

    def read(path: Path, label: str = "position") -> pd.DataFrame:
        frame = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False, quoting=3)
        return frame.rename(columns={label: "position"})[["lang", "text", "position"]]

    tuned = [read(path) for _, path, role in TARGET_SETS if role == "tuned on" and path.exists()]
    train = pd.concat([*tuned, read(CUES_FILE, "label")], ignore_index=True)
    train = train[train["position"].isin(["support", "oppose", "partial", "none"])]
    test = pd.concat([read(path) for path in HELD_OUT], ignore_index=True)
    encoder = TextEncoder(UseEmbedder(threads=1), cache_dir=cache_dir)
    x_train, x_test = encoder.encode(train["text"].tolist()), encoder.encode(test["text"].tolist())
    detector = CueDetector()
    cues = [detector.detect(text, lang).position for text, lang in zip(test["text"], test["lang"])]
    gold = test["position"].tolist()
    out: dict = {"train_sentences": len(train), "test_sentences": len(test), "cues": _stances(precision_recall(gold, cues))}
    for c in (1.0, 10.0):
        model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x_train, train["position"])
        probability = model.predict_proba(x_test)
        best, confidence = model.classes_[probability.argmax(axis=1)], probability.max(axis=1)
        for floor in (0.5, 0.7, 0.8, 0.9):
            alone = [b if p >= floor else "none" for b, p in zip(best, confidence)]
            first = [cue if cue in STATED else a for cue, a in zip(cues, alone)]
            out[f"C={c} floor={floor}"] = {
                "model": _stances(precision_recall(gold, alone)),
                "cues_first": _stances(precision_recall(gold, first)),
            }
    return out


def _stances(found: dict) -> dict:
    return {p: f"P {found[p]['precision']} R {found[p]['recall']} ({found[p]['found']} found)" for p in ("support", "oppose")}


def _short(metrics: dict) -> dict:
    return {
        "macro_f1": metrics["macro_f1"],
        "accuracy": metrics["accuracy"],
        "f1": {p: m["f1"] for p, m in metrics["per_class"].items()},
        "precision": {p: m["precision"] for p, m in metrics["per_class"].items()},
        "recall": {p: m["recall"] for p, m in metrics["per_class"].items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--part", choices=["cues", "real", "real-hits", "chile-cues", "targets", "model", "stance-model", "all"], default="all"
    )
    parser.add_argument("--cache-dir", type=Path, default=None, help="embedding cache (model part)")
    parser.add_argument(
        "--features", default="tfidf", help="model part: tfidf (the default of `positions train`), embeddings or tfidf+embeddings"
    )
    parser.add_argument(
        "--group-column",
        default=None,
        help="model part: a column of what each text answers (concepto_norm), as positions train --group-column uses it",
    )
    parser.add_argument("--no-baseline", action="store_true", help="model part: leave out the logistic-regression baseline (8 min)")
    parser.add_argument(
        "--sample-real", type=int, default=0, metavar="N", help="print N comments per real file where a position is found, to judge"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--brief", action="store_true", help="targets part: one line per set instead of the JSON")
    args = parser.parse_args()
    detector = CueDetector()
    if args.sample_real:
        sample_real(detector, args.sample_real, args.seed)
        return
    results: dict = {}
    if args.part in ("cues", "all"):
        results["cues"] = part_cues(detector)
    if args.part in ("real", "all") and SHARED.exists() and REAL_FILE.exists():
        results["real"] = part_real(detector)
    if args.part == "real-hits" and SHARED.exists():
        results["real_hits"] = part_real_hits(detector)
    if args.part in ("chile-cues", "all") and CHILE.exists():
        results["chile_cues"] = part_chile_cues(detector)
    if args.part in ("targets", "all"):
        for number, path, role in TARGET_SETS:
            if path.exists():
                results[f"targets (set {number}, {role})"] = part_targets(detector, path)
        if all(path.exists() for path in HELD_OUT):
            results["targets (held-out sets together)"] = part_targets(detector, HELD_OUT)
    if args.part == "stance-model":
        results["stance_model"] = part_stance_model(args.cache_dir)
    if args.part == "model":
        results["model"] = part_model(args.cache_dir, args.features, args.group_column, baseline=not args.no_baseline)
    if args.brief:
        for name, result in results.items():
            if name.startswith("targets"):
                found = result["all"]
                sides = "  ".join(f"{p} P {found[p]['precision']} R {found[p]['recall']}" for p in ("support", "oppose", "partial"))
                print(f"{name:36} {sides}  target overlap {result['target']['overlap']}")
        return
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
