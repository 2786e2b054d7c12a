"""Supervised theme classifier: a TF-IDF linear model fused with an MLP over sentence embeddings.

Chosen on the Chile 2016 benchmark (``benchmarks/bench_themes_supervised.py``), where each
part alone reached about 0.86-0.88 top-5 within the question and the fusion 0.89-0.90:

- ``tfidf``: word 1-2-grams and char_wb 2-5-grams, an SGD linear model with the
  ``modified_huber`` loss (one-vs-rest). Its margins become log-probabilities through a
  softmax with a fixed temperature.
- ``embeddings``: a one-hidden-layer MLP over the comment embeddings (the multilingual
  USE by default), which generalises to paraphrases the n-grams miss.
- fusion: a weighted sum of the two log-probabilities.

Per-question codebooks: with groups, a label is only proposed for a row whose group
(question) it was seen with in training, and the scores are re-weighted by the label's
share within that group instead of its share overall (Bayes: p(y|x,g) ~ p(y|x) p(y|g) / p(y)).
On Chile that prior alone moved top-5 from 0.86 to 0.90.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from consultnlp.errors import ConfigError
from consultnlp.progress import NullProgress, Progress

FEATURES = ("tfidf", "embeddings", "tfidf+embeddings")
_PRIOR_SMOOTHING = 0.1  # pseudo-count per label when estimating p(label | group)


@dataclass(frozen=True)
class ClassifierSettings:
    """Hyper-parameters; the defaults are the ones measured in the benchmark."""

    features: str = "tfidf+embeddings"
    alpha: float = 1e-5  # SGD L2 penalty
    linear_epochs: int = 8  # 15 measured +0.001 top-5 on Chile for twice the time
    temperature: float = 5.0  # softmax temperature turning modified_huber margins into log-probabilities
    hidden_units: int = 768
    head_epochs: int = 12
    tfidf_weight: float = 0.5  # fusion weight of the TF-IDF part (the embedding part gets 1 - w)
    prior_weight: float = 1.0  # 1 = the Bayes re-weighting by p(label | group) / p(label)
    threshold: float = 0.3  # multi-label: a label is given when its fused probability reaches this
    word_max_features: int = 150_000
    char_max_features: int = 150_000
    n_jobs: int = 2
    random_state: int = 42

    def __post_init__(self) -> None:
        if self.features not in FEATURES:
            raise ConfigError(f"--features {self.features!r} is not valid. Choose one of: {', '.join(FEATURES)}.")

    @property
    def uses_tfidf(self) -> bool:
        return "tfidf" in self.features

    @property
    def uses_embeddings(self) -> bool:
        return "embeddings" in self.features


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class ThemeClassifier:
    """Fit on texts with label sets (and optional groups); score, rank and predict labels.

    Learned state ends in ``_``: ``classes_``, ``multi_label_``, ``group_labels_``,
    ``vectorizer_``, ``linear_``, ``head_``, ``threshold_`` ...
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
            self._fit_linear(list(texts), Y, progress)
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

    def _fit_linear(self, texts: list[str], Y: np.ndarray, progress: Progress) -> None:
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier
        from sklearn.multiclass import OneVsRestClassifier
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
        sgd = SGDClassifier(
            loss="modified_huber", alpha=s.alpha, max_iter=s.linear_epochs, tol=None, random_state=s.random_state
        )
        with progress.task("Training the TF-IDF linear model", total=None), warnings.catch_warnings():
            warnings.simplefilter("ignore", category=UserWarning)
            if self.multi_label_:
                self.linear_ = OneVsRestClassifier(sgd, n_jobs=s.n_jobs).fit(X, Y)
                for est in self.linear_.estimators_:
                    if hasattr(est, "coef_"):
                        est.coef_ = est.coef_.astype(np.float32)
            else:
                sgd.set_params(n_jobs=s.n_jobs)
                self.linear_ = sgd.fit(X, Y.argmax(axis=1))
                # float32 halves the saved model; ranking is unchanged at this precision.
                self.linear_.coef_ = self.linear_.coef_.astype(np.float32)
        self.timings_["linear_s"] = round(time.perf_counter() - t0, 1)

    def _fit_head(self, E: np.ndarray, Y: np.ndarray, progress: Progress) -> None:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier

        s = self.settings
        t0 = time.perf_counter()
        # Small data gets small batches, so that a fixed number of epochs still means enough updates.
        batch = int(min(512, max(16, len(E) // 50)))
        head = MLPClassifier(
            hidden_layer_sizes=(s.hidden_units,), alpha=1e-4, batch_size=batch, learning_rate_init=1e-3,
            max_iter=s.head_epochs, shuffle=True, random_state=s.random_state,
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

    def _linear_features(self, texts: Sequence[str]):  # noqa: ANN202 - scipy sparse matrix
        from scipy import sparse
        from sklearn.preprocessing import normalize

        word, char = self.vectorizer_
        return normalize(sparse.hstack([word.transform(texts), char.transform(texts)]).tocsr())

    def scores(
        self, texts: Sequence[str], *, groups: Sequence[str] | None = None, embeddings: np.ndarray | None = None
    ) -> np.ndarray:
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
                parts.append((s.tfidf_weight, self.linear_.predict_proba(self._linear_features(texts))))
            if s.uses_embeddings:
                parts.append((1 - s.tfidf_weight, self.head_.predict_proba(np.asarray(embeddings, dtype=np.float32))))
            total = sum(w for w, _ in parts)
            prob = sum(w * p for w, p in parts) / total
            return np.where(self.allowed(groups, n), prob, -np.inf)
        if s.uses_tfidf:
            margins = self.linear_.decision_function(self._linear_features(texts))
            parts.append((s.tfidf_weight, _log_softmax(s.temperature * np.asarray(margins, dtype=np.float64))))
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
