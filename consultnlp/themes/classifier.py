"""Supervised theme classifier: a small network over TF-IDF n-grams fused with an MLP over sentence embeddings.

Chosen on the Chile 2016 benchmark (``benchmarks/bench_themes_supervised.py``), on a
validation split carved out of the training part (top-5 within the question):

- ``tfidf``: word 1-2-grams and char_wb 2-5-grams feed one ReLU hidden layer (256 units,
  dropout) and a softmax over all labels, trained by per-example SGD (fastText-like, compiled
  with numba). 0.901 alone, against 0.862 for the one-vs-rest ``modified_huber`` linear model
  it replaced, in about 60 s instead of 450-500 s.
- ``embeddings``: a one-hidden-layer MLP over the comment embeddings (the multilingual USE
  by default), which generalises to paraphrases the n-grams miss. 0.877 alone.
- fusion: a weighted sum of the two log-probabilities, 0.904. A second network, wider
  n-grams, a wider or longer-trained network, kNN over embeddings or the old linear model
  added to the mix all stayed within 0.002 of it.

On the fixed 20% test split the default model measured top-1 0.694, top-5 0.908 within the
question (0.585 / 0.838 without it), trained in about 3 minutes on 2 cores (embeddings cached).

Ensembles (``nets``, ``class_balance``; 2026-12, the TF-IDF part alone, top-5 within the question):
several networks averaged, alternating plain and class-balanced ones (a row's steps scale with
its label's count ** -0.5), measured on validation 0.900 (one network), 0.900 (two seeds),
0.904 (plain + balanced), 0.905 (three, alternating); on the test split 0.903, 0.904, 0.905,
0.906 (three seeds 0.906 too). Each network adds about 60 s of training on 2 cores (unloaded)
and 110 MB to the saved model. The defaults stay at one plain network, which the position
classifier shares. A balanced network alone (validation 0.900) and the question as one more
network input (0.898) did not help.

Per-question codebooks: with groups, a label is only proposed for a row whose group
(question) it was seen with in training, and the scores are re-weighted by the label's
share within that group instead of its share overall (Bayes: p(y|x,g) ~ p(y|x) p(y|g) / p(y)).
The networks are trained on all labels, so the same model also ranks without a question;
training them with the softmax restricted to the question's labels instead measured the
same within the question once that prior was added, and worse without it.
"""

from __future__ import annotations

import math
import time
import warnings
from typing import Sequence

import numpy as np

from consultnlp.config import ClassifierSettings
from consultnlp.errors import ConfigError, missing_dependency
from consultnlp.progress import NullProgress, Progress

_PRIOR_SMOOTHING = 0.1  # pseudo-count per label when estimating p(label | group)
# Small data gets more epochs, at least this many SGD updates: on NHS (4,500 rows) 15 and 30 epochs
# measured +0.01 micro-F1 over 7 (within the noise of its 500-row validation split); toy frames need them.
_MIN_UPDATES = 60_000
# Hidden-layer weights start uniform in +-this: about He initialisation for a row with ~300 active n-grams.
_INIT_SCALE = 0.08


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def _sgd_epochs(indptr, indices, data, target_ptr, targets, row_weight, order, W1, b1, W2, b2, lr0, dropout, sigmoid, seed):  # noqa: ANN001, ANN202
    """Per-example SGD over sparse rows: hidden = relu(x W1 + b1) with dropout, output softmax or sigmoids.

    Plain Python so that numba can compile it (``_compiled_sgd``); it mutates the weights in place.
    Written by hand because no installed library trains this well: scikit-learn's MLPClassifier
    (used for the embedding head) accepts sparse input but computes a dense gradient for the whole
    300,000 x 256 first layer at every mini-batch, whereas an example here only touches the rows
    of the few hundred n-grams it contains (the fastText trick).
    """
    np.random.seed(seed)
    d = W1.shape[1]
    n_classes = W2.shape[0]
    h = np.zeros(d, np.float32)
    a = np.zeros(d, np.float32)
    keep = np.zeros(d, np.float32)
    grad_a = np.zeros(d, np.float32)
    z = np.zeros(n_classes, np.float32)
    gold = np.zeros(n_classes, np.float32)
    n_steps = order.shape[0]
    for step in range(n_steps):
        i = order[step]
        lr = lr0 * (1.0 - step / n_steps) * row_weight[i]
        for k in range(d):
            h[k] = b1[k]
        for p in range(indptr[i], indptr[i + 1]):
            w = data[p]
            r = indices[p]
            for k in range(d):
                h[k] += w * W1[r, k]
        for k in range(d):
            keep[k] = 0.0 if np.random.random() < dropout else 1.0 / (1.0 - dropout)
            a[k] = h[k] * keep[k] if h[k] > 0 else 0.0
        top = -1e30
        for c in range(n_classes):
            s = b2[c]
            for k in range(d):
                s += a[k] * W2[c, k]
            z[c] = s
            top = max(top, s)
        for t in range(target_ptr[i], target_ptr[i + 1]):
            gold[targets[t]] = 1.0
        if sigmoid:
            for c in range(n_classes):
                # Clamped: fastmath lets the compiler assume exp never overflows to inf.
                z[c] = 1.0 / (1.0 + np.exp(-min(max(z[c], -30.0), 30.0))) - gold[c]
        else:
            total = 0.0
            for c in range(n_classes):
                z[c] = np.exp(z[c] - top)
                total += z[c]
            for c in range(n_classes):
                z[c] = z[c] / total - gold[c]
        for t in range(target_ptr[i], target_ptr[i + 1]):
            gold[targets[t]] = 0.0
        for k in range(d):
            grad_a[k] = 0.0
        for c in range(n_classes):
            g = z[c]
            if -1e-6 < g < 1e-6:  # most classes have a negligible share of a softmax; skip their update
                continue
            for k in range(d):
                grad_a[k] += g * W2[c, k]
                W2[c, k] -= lr * g * a[k]
            b2[c] -= lr * g
        for k in range(d):
            grad_a[k] = grad_a[k] * keep[k] if h[k] > 0 else 0.0
            b1[k] -= lr * grad_a[k]
        for p in range(indptr[i], indptr[i + 1]):
            w = lr * data[p]
            r = indices[p]
            for k in range(d):
                W1[r, k] -= w * grad_a[k]


_COMPILED = None


def _compiled_sgd():  # noqa: ANN202 - a numba dispatcher
    """``_sgd_epochs`` compiled by numba (a few seconds, once per process; scoring needs no numba)."""
    global _COMPILED
    if _COMPILED is None:
        try:
            import numba
        except ImportError as exc:  # pragma: no cover - installed with umap-learn
            raise missing_dependency("numba", None, "Training a theme classifier") from exc
        _COMPILED = numba.njit(fastmath=True, nogil=True)(_sgd_epochs)
    return _COMPILED


def balanced_row_weight(Y: np.ndarray, power: float) -> np.ndarray | None:
    """Class-balanced steps: a row weighs (mean count of its labels) ** -power, rescaled to mean 1 (None when power is 0)."""
    if power == 0:
        return None
    counts = Y.sum(axis=0).astype(np.float64)
    per_row = (Y * counts).sum(axis=1) / np.maximum(Y.sum(axis=1), 1)
    weight = np.maximum(per_row, 1.0) ** -power
    return (weight / weight.mean()).astype(np.float32)


def train_net(
    X,  # noqa: ANN001 - scipy CSR matrix, rows L2-normalised
    Y: np.ndarray,
    *,
    hidden_units: int,
    epochs: int,
    learning_rate: float,
    dropout: float,
    multi_label: bool,
    rng: np.random.Generator,
    row_weight: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Weights (W1, b1, W2, b2) of the one-hidden-layer network over the sparse rows of ``X`` for label matrix ``Y``.

    ``row_weight`` scales each row's gradient steps (1 for all rows when None).
    """
    n, n_classes = X.shape[0], Y.shape[1]
    W1 = rng.uniform(-_INIT_SCALE, _INIT_SCALE, (X.shape[1], hidden_units)).astype(np.float32)
    b1 = np.zeros(hidden_units, np.float32)
    W2 = np.zeros((n_classes, hidden_units), np.float32)
    b2 = np.zeros(n_classes, np.float32)
    target_ptr = np.concatenate([[0], np.cumsum(Y.sum(axis=1))]).astype(np.int64)
    targets = np.flatnonzero(Y.ravel()) % n_classes  # row-major: each row's labels in order
    weight = np.ones(n, np.float32) if row_weight is None else np.asarray(row_weight, dtype=np.float32)
    epochs = max(epochs, math.ceil(_MIN_UPDATES / max(n, 1)))
    order = np.concatenate([rng.permutation(n) for _ in range(epochs)]).astype(np.int64)
    _compiled_sgd()(
        X.indptr.astype(np.int64),
        X.indices.astype(np.int32),
        X.data.astype(np.float32),
        target_ptr,
        targets.astype(np.int32),
        weight,
        order,
        W1,
        b1,
        W2,
        b2,
        np.float32(learning_rate),
        np.float32(dropout),
        bool(multi_label),
        int(rng.integers(2**31 - 1)),
    )
    return W1, b1, W2, b2


class ThemeClassifier:
    """Fit on texts with label sets (and optional groups); score, rank and predict labels.

    Learned state ends in ``_``: ``classes_``, ``multi_label_``, ``group_labels_``,
    ``vectorizer_``, ``nets_``, ``head_``, ``threshold_`` ...
    """

    def __init__(self, settings: ClassifierSettings | None = None) -> None:
        self.settings = settings or ClassifierSettings()
        self.classes_: np.ndarray | None = None

    # ------------------------------------------------------------------ fitting

    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[Sequence[str]],
        *,
        groups: Sequence[str] | None = None,
        embeddings: np.ndarray | None = None,
        multi_label: bool = False,
        progress: Progress | None = None,
    ) -> "ThemeClassifier":
        """Learn from ``texts`` and their label sets; ``embeddings`` (rows aligned) are needed for the embedding part."""
        s = self.settings
        progress = progress or NullProgress()
        if s.uses_embeddings and embeddings is None:
            raise ValueError("this classifier uses embeddings: pass embeddings aligned to texts")
        self.multi_label_ = bool(multi_label)
        self.classes_ = np.array(sorted({l for ls in labels for l in ls}), dtype=object)
        if len(self.classes_) < 2:
            raise ConfigError(f"a classifier needs at least 2 different labels; found {len(self.classes_)}: {', '.join(self.classes_)}.")
        index = {c: i for i, c in enumerate(self.classes_)}
        Y = np.zeros((len(labels), len(self.classes_)), dtype=bool)
        for i, ls in enumerate(labels):
            Y[i, [index[l] for l in ls]] = True
        self._fit_priors(Y, groups)
        self.timings_: dict[str, float] = {}
        if s.uses_tfidf:
            self._fit_net(list(texts), Y, progress)
        if s.uses_embeddings:
            self._fit_head(np.asarray(embeddings, dtype=np.float32), Y, progress)
        self.threshold_ = s.threshold
        return self

    def _fit_priors(self, Y: np.ndarray, groups: Sequence[str] | None) -> None:
        counts = Y.sum(axis=0).astype(float)
        self.class_log_prior_ = np.log((counts + _PRIOR_SMOOTHING) / (counts + _PRIOR_SMOOTHING).sum())
        self.group_labels_: dict[str, list[str]] | None = None
        self.group_log_prior_: dict[str, np.ndarray] = {}
        if groups is None:
            return
        groups = [str(g) for g in groups]
        self.group_labels_ = {}
        for g in sorted(set(groups)):
            rows = np.fromiter((x == g for x in groups), dtype=bool, count=len(groups))
            c = Y[rows].sum(axis=0).astype(float)
            self.group_labels_[g] = [str(self.classes_[j]) for j in np.flatnonzero(c > 0)]
            self.group_log_prior_[g] = np.log((c + _PRIOR_SMOOTHING) / (c + _PRIOR_SMOOTHING).sum())

    def _fit_net(self, texts: list[str], Y: np.ndarray, progress: Progress) -> None:
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.preprocessing import normalize

        s = self.settings
        t0 = time.perf_counter()
        min_df = 2 if len(texts) >= 1000 else 1
        common = dict(lowercase=True, strip_accents="unicode", sublinear_tf=True, dtype=np.float32)
        word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=min_df, max_features=s.word_max_features, **common)
        char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=min_df, max_features=s.char_max_features, **common)
        with progress.task("Fitting TF-IDF features", total=None):
            X = normalize(sparse.hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr())
        for vec in (word, char):
            vec.stop_words_ = None  # the pruned-term set is large and only useful for debugging
        self.vectorizer_ = (word, char)
        self.timings_["tfidf_s"] = round(time.perf_counter() - t0, 1)
        t0 = time.perf_counter()
        rng = np.random.default_rng(s.random_state)
        balanced = balanced_row_weight(Y, s.class_balance)
        self.nets_: list[dict[str, np.ndarray]] = []
        for k in range(s.nets):
            # An ensemble alternates plain and class-balanced networks (more diverse than seeds alone); one network is balanced.
            row_weight = balanced if (k % 2 == 1 or s.nets == 1) else None
            with progress.task(f"Training TF-IDF network {k + 1} of {s.nets}", total=None):
                W1, b1, W2, b2 = train_net(
                    X,
                    Y,
                    hidden_units=s.hidden_units,
                    epochs=s.epochs,
                    learning_rate=s.learning_rate,
                    dropout=s.dropout,
                    multi_label=self.multi_label_,
                    rng=rng,
                    row_weight=row_weight,
                )
            # float16 halves the saved model (about 110 MB for 200k n-grams); Chile top-1/top-5 were identical.
            self.nets_.append({"W1": W1.astype(np.float16), "b1": b1, "W2": W2, "b2": b2})
        self.timings_["net_s"] = round(time.perf_counter() - t0, 1)

    def _fit_head(self, E: np.ndarray, Y: np.ndarray, progress: Progress) -> None:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier

        s = self.settings
        t0 = time.perf_counter()
        # Small data gets small batches, so that a fixed number of epochs still means enough updates.
        batch = int(min(512, max(16, len(E) // 50)))
        head = MLPClassifier(
            hidden_layer_sizes=(s.head_hidden_units,),
            alpha=1e-4,
            batch_size=batch,
            learning_rate_init=1e-3,
            max_iter=s.head_epochs,
            shuffle=True,
            random_state=s.random_state,
        )
        target = Y if self.multi_label_ else Y.argmax(axis=1)
        with progress.task("Training the embedding head", total=None), warnings.catch_warnings():
            warnings.simplefilter("ignore", category=ConvergenceWarning)
            self.head_ = head.fit(E, target)
        self.timings_["head_s"] = round(time.perf_counter() - t0, 1)

    # ------------------------------------------------------------------ scoring

    def allowed(self, groups: Sequence[str] | None, n: int) -> np.ndarray:
        """(rows x classes) mask of labels each row may receive: its group's labels (all for an unknown group)."""
        assert self.classes_ is not None
        mask = np.ones((n, len(self.classes_)), dtype=bool)
        if groups is None or self.group_labels_ is None:
            return mask
        index = {c: i for i, c in enumerate(self.classes_)}
        per_group = {}
        for g, labels in self.group_labels_.items():
            m = np.zeros(len(self.classes_), dtype=bool)
            m[[index[l] for l in labels]] = True
            per_group[g] = m
        for i, g in enumerate(groups):
            if str(g) in per_group:
                mask[i] = per_group[str(g)]
        return mask

    def unknown_groups(self, groups: Sequence[str] | None) -> list[str]:
        """Group values not seen in training (their rows may receive any label)."""
        if groups is None or self.group_labels_ is None:
            return []
        return sorted({str(g) for g in groups} - set(self.group_labels_))

    def _prior_shift(self, groups: Sequence[str] | None, n: int) -> np.ndarray:
        if groups is None or not self.group_log_prior_ or self.settings.prior_weight == 0:
            return np.zeros((n, len(self.classes_)), dtype=np.float64)
        shift = np.zeros((n, len(self.classes_)), dtype=np.float64)
        for i, g in enumerate(groups):
            group_prior = self.group_log_prior_.get(str(g))
            if group_prior is not None:
                shift[i] = group_prior - self.class_log_prior_
        return self.settings.prior_weight * shift

    def _tfidf(self, texts: Sequence[str]):  # noqa: ANN202 - scipy sparse matrix
        from scipy import sparse
        from sklearn.preprocessing import normalize

        word, char = self.vectorizer_
        return normalize(sparse.hstack([word.transform(texts), char.transform(texts)]).tocsr())

    def _net_parts(self, texts: Sequence[str]) -> np.ndarray:
        """The TF-IDF networks' output, averaged: log-probabilities (single-label) or probabilities (multi-label)."""
        X = self._tfidf(texts)
        total = np.zeros((len(texts), len(self.classes_)), dtype=np.float64)
        for net in self.nets_:
            hidden = np.maximum(np.asarray(X @ net["W1"].astype(np.float32)) + net["b1"], 0)
            logits = (hidden @ net["W2"].T + net["b2"]).astype(np.float64)
            total += 1.0 / (1.0 + np.exp(-logits)) if self.multi_label_ else _log_softmax(logits)
        return total / len(self.nets_)

    def scores(self, texts: Sequence[str], *, groups: Sequence[str] | None = None, embeddings: np.ndarray | None = None) -> np.ndarray:
        """(rows x classes) scores, ``-inf`` for labels outside the row's group.

        Single-label: log-probabilities (softmax over the allowed labels). Multi-label:
        per-label probabilities in [0, 1].
        """
        if self.classes_ is None:
            raise RuntimeError("the classifier is not fitted")
        s = self.settings
        n = len(texts)
        if s.uses_embeddings and embeddings is None:
            raise ValueError("this classifier uses embeddings: pass embeddings aligned to texts")
        parts: list[tuple[float, np.ndarray]] = []
        if self.multi_label_:
            if s.uses_tfidf:
                parts.append((s.tfidf_weight, self._net_parts(texts)))
            if s.uses_embeddings:
                parts.append((1 - s.tfidf_weight, self.head_.predict_proba(np.asarray(embeddings, dtype=np.float32))))
            total = sum(w for w, _ in parts)
            prob = sum(w * p for w, p in parts) / total
            return np.where(self.allowed(groups, n), prob, -np.inf)
        if s.uses_tfidf:
            parts.append((s.tfidf_weight, self._net_parts(texts)))
        if s.uses_embeddings:
            proba = self.head_.predict_proba(np.asarray(embeddings, dtype=np.float32))
            parts.append((1 - s.tfidf_weight, np.log(np.clip(proba, 1e-12, 1.0))))
        total = sum(w for w, _ in parts)
        logits = sum(w * p for w, p in parts) / total + self._prior_shift(groups, n)
        logits = np.where(self.allowed(groups, n), logits, -np.inf)
        return _log_softmax(logits)

    def probabilities(self, scores: np.ndarray) -> np.ndarray:
        """Scores as probabilities (0 for labels a row may not receive)."""
        if self.multi_label_:
            return np.where(np.isfinite(scores), scores, 0.0)
        return np.exp(scores)

    def predict_sets(self, scores: np.ndarray, *, min_probability: float = 0.0, max_labels: int = 3) -> list[list[str]]:
        """Label sets from ``scores``: the best label (single-label), or every label above the threshold (multi-label).

        A multi-label row where nothing passes gets its best label, because every training
        row had at least one; any row whose best label is below ``min_probability`` gets none.
        """
        assert self.classes_ is not None
        prob = self.probabilities(scores)
        order = np.argsort(-prob, axis=1, kind="stable")[:, :max_labels]
        out: list[list[str]] = []
        for i in range(len(prob)):
            best = order[i, 0]
            if prob[i, best] < min_probability or prob[i, best] <= 0:
                out.append([])
            elif self.multi_label_:
                chosen = [j for j in order[i] if prob[i, j] >= self.threshold_] or [best]
                out.append([str(self.classes_[j]) for j in chosen])
            else:
                out.append([str(self.classes_[best])])
        return out
