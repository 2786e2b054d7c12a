"""Topic discovery with BERTopic on precomputed multilingual embeddings.

We always pass our own embeddings (BERTopic would otherwise download a model)
and our own vectorizer over spaCy lemmas (so keywords keep their accents and
lose stopwords). Outliers keep BERTopic's ``-1`` and are reassigned to the
nearest topic centroid down to ``max_outlier_share``.
"""

from __future__ import annotations

import logging
import math
from contextlib import contextmanager
from typing import Any, Iterator

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.config import TopicsConfig
from consultnlp.stages.base import RunContext, Stage, broadcast_to_duplicates, unit_mask
from consultnlp.stages.nlp import show_keyword

TOKEN_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"
LABEL_WORDS = 3


def default_n_clusters(n_units: int, min_topic_size: int) -> int:
    """KMeans topic count: about sqrt(n/2), at most n / min_topic_size, within [1, 150]."""
    return int(max(1, min(150, round(math.sqrt(n_units / 2)), n_units // min_topic_size)))


def build_bertopic(cfg: TopicsConfig, n_units: int, random_state: int, *, force_kmeans: bool = False) -> Any:
    """A BERTopic configured for precomputed embeddings and lemma documents."""
    from bertopic import BERTopic
    from bertopic.dimensionality import BaseDimensionalityReduction
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    min_df = 2 if n_units >= 200 else 1
    vectorizer = CountVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), min_df=min_df, max_features=100_000)
    ctfidf = ClassTfidfTransformer(reduce_frequent_words=True)
    if cfg.clustering == "kmeans" or force_kmeans:
        from sklearn.cluster import KMeans

        k = cfg.n_clusters or default_n_clusters(n_units, cfg.min_topic_size)
        reducer = BaseDimensionalityReduction()
        clusterer = KMeans(n_clusters=min(k, n_units), n_init=3, random_state=random_state)
    else:
        import hdbscan
        from umap import UMAP

        reducer = UMAP(
            n_neighbors=min(cfg.n_neighbors, n_units - 1), n_components=cfg.n_components, min_dist=0.0,
            metric="cosine", random_state=random_state, low_memory=True, n_jobs=1,
        )
        clusterer = hdbscan.HDBSCAN(
            min_cluster_size=cfg.min_topic_size, metric="euclidean", cluster_selection_method="eom", prediction_data=True
        )
    return BERTopic(
        language="multilingual", top_n_words=cfg.top_n_words, min_topic_size=cfg.min_topic_size,
        umap_model=reducer, hdbscan_model=clusterer, vectorizer_model=vectorizer, ctfidf_model=ctfidf,
        calculate_probabilities=False, verbose=False,
    )


def reassign_outliers(
    topics: np.ndarray, embeddings: np.ndarray, max_share: float
) -> tuple[np.ndarray, np.ndarray]:
    """Move the outliers closest to a topic centroid into it until at most ``max_share`` remain.

    Returns (topics, similarity to the assigned centroid). Outliers furthest from
    every topic stay ``-1``: they are the comments that really fit nowhere.
    """
    topics = topics.copy()
    ids = sorted(t for t in set(topics.tolist()) if t != -1)
    sims = np.zeros(len(topics), dtype=np.float32)
    if not ids:
        return topics, sims
    centroids = np.vstack([embeddings[topics == t].mean(axis=0) for t in ids])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True) + 1e-12
    all_sims = embeddings @ centroids.T
    best = np.asarray(all_sims.argmax(axis=1))
    sims = all_sims[np.arange(len(topics)), best].astype(np.float32)
    outliers = np.flatnonzero(topics == -1)
    keep = int(math.floor(max_share * len(topics)))
    n_move = max(0, len(outliers) - keep)
    if n_move:
        # Most similar first; ties broken by position for determinism.
        order = np.lexsort((outliers, -sims[outliers]))[:n_move]
        moved = outliers[order]
        topics[moved] = np.array(ids)[best[moved]]
    return topics, sims


def keywords_by_language(
    model: Any, docs: list[str], topics: np.ndarray, langs: np.ndarray, top_n: int
) -> dict[int, dict[str, list[str]]]:
    """Per topic and language, the topic's c-TF-IDF words weighted by their share of use in that language."""
    vectorizer = model.vectorizer_model
    vocab = np.asarray(vectorizer.get_feature_names_out())
    counts = vectorizer.transform(docs)
    ctfidf = model.c_tf_idf_
    offset = 1 if -1 in set(model.topics_) else 0
    out: dict[int, dict[str, list[str]]] = {}
    for topic in sorted(set(topics.tolist())):
        row = np.asarray(ctfidf[topic + offset].todense()).ravel() if topic + offset < ctfidf.shape[0] else None
        in_topic = topics == topic
        total = np.asarray(counts[in_topic].sum(axis=0)).ravel()
        per_lang: dict[str, list[str]] = {}
        for lang in sorted(set(langs[in_topic].tolist())):
            mask = in_topic & (langs == lang)
            lang_counts = np.asarray(counts[mask].sum(axis=0)).ravel()
            if row is None or not lang_counts.any():
                continue
            score = row * np.divide(lang_counts, total, out=np.zeros_like(row), where=total > 0)
            best = [i for i in np.lexsort((np.arange(len(score)), -score))[:top_n] if score[i] > 0]
            per_lang[str(lang)] = vocab[best].tolist()
        out[int(topic)] = per_lang
    return out


def make_label(keywords: list[str], n: int = LABEL_WORDS) -> str:
    words: list[str] = []
    for word in keywords:
        # Skip a bigram whose parts are already shown, and unigrams inside a shown bigram.
        if any(word in w.split() or w in word.split() for w in words):
            continue
        words.append(word)
        if len(words) == n:
            break
    return ", ".join(words)


def label_for(per_lang: dict[str, list[str]], global_words: list[str], lang: str) -> str:
    words = per_lang.get(lang) or global_words
    return make_label(words)


class TopicsStage(Stage):
    """Adds ``topic_id``, ``topic_label`` and ``topic_prob``; the fitted model goes to the context."""

    name = "topics"
    requires = (schema.LEMMAS, schema.LANG)
    provides = (schema.TOPIC_ID, schema.TOPIC_LABEL, schema.TOPIC_PROB)

    def __init__(self, config: TopicsConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: TopicsConfig = self.config
        out = frame.copy()
        units = out.index[unit_mask(out)]
        if context.embeddings is None or context.unit_ids is None or not context.unit_ids.equals(units):
            raise AssertionError("topics needs the embed stage to run right before it on the same units")
        docs = out.loc[units, schema.LEMMAS].astype(str).tolist()
        langs = out.loc[units, schema.LANG].astype(str).to_numpy()
        embeddings = context.embeddings
        n = len(units)
        # Excluded rows have no topic (NA), which is not the same as an outlier (-1).
        out[schema.TOPIC_ID] = pd.array([pd.NA] * len(out), dtype="Int64")
        out[schema.TOPIC_LABEL] = ""
        out[schema.TOPIC_PROB] = np.nan
        if n == 0:
            context.warn("No comment is left to model after exclusions; topics were not fitted.")
            return out

        small = n < 3 * cfg.min_topic_size or n < 10
        if small:
            context.warn(
                f"Only {n} unique comments to model: too few for density clustering "
                f"(needs {3 * cfg.min_topic_size}); they were grouped with k-means into few topics."
            )
        model = build_bertopic(cfg, n, context.random_state, force_kmeans=small)
        with context.progress.task(f"Fitting topics ({'k-means' if small or cfg.clustering == 'kmeans' else 'UMAP + HDBSCAN'})", total=None):
            if n > cfg.fit_sample_size:
                rng = np.random.default_rng(context.random_state)
                sample = np.sort(rng.choice(n, size=cfg.fit_sample_size, replace=False))
                model.fit([docs[i] for i in sample], embeddings=embeddings[sample])
                topics, _ = model.transform(docs, embeddings=embeddings)
                topics = np.asarray(topics)
                context.progress.note(f"Topics fitted on a sample of {cfg.fit_sample_size} and applied to all {n} unique comments.")
            else:
                topics = np.asarray(model.fit_transform(docs, embeddings=embeddings)[0])
        raw_outliers = float((topics == -1).mean())
        topics, sims = reassign_outliers(topics, embeddings, cfg.max_outlier_share)
        if not np.array_equal(topics, np.asarray(model.topics_)):
            # BERTopic warns that manual assignments should be the last step; here they are.
            with _quiet_logger("BERTopic"):
                model.update_topics(
                    docs, topics=topics.tolist(), top_n_words=cfg.top_n_words,
                    vectorizer_model=model.vectorizer_model, ctfidf_model=model.ctfidf_model,
                )

        label_lang = context.report_lang or _majority(out.loc[units, schema.LANG])
        per_lang_lemmas = keywords_by_language(model, docs, topics, langs, cfg.top_n_words)
        forms = context.lemma_forms
        # Keywords are lemmas; show them as people wrote them, per language.
        per_lang = {
            t: {lang: [show_keyword(w, forms.get(lang, {})) for w in words] for lang, words in by_lang.items()}
            for t, by_lang in per_lang_lemmas.items()
        }
        rows = []
        for topic in sorted(set(topics.tolist())):
            words = [show_keyword(w, forms.get("*", {})) for w, _ in (model.get_topic(topic) or []) if w]
            mask = topics == topic
            rows.append(
                {
                    "topic_id": topic,
                    "label": "—" if topic == -1 else label_for(per_lang.get(topic, {}), words, label_lang),
                    "keywords": words,
                    "keywords_by_lang": per_lang.get(topic, {}),
                    "unique_comments": int(mask.sum()),
                }
            )
        info = pd.DataFrame(rows)
        labels = dict(zip(info["topic_id"], info["label"]))
        out.loc[units, schema.TOPIC_ID] = topics
        out.loc[units, schema.TOPIC_LABEL] = [labels[t] for t in topics]
        out.loc[units, schema.TOPIC_PROB] = np.round(sims, 4)
        broadcast_to_duplicates(out, [schema.TOPIC_ID, schema.TOPIC_LABEL, schema.TOPIC_PROB], {})
        out[schema.TOPIC_ID] = out[schema.TOPIC_ID].astype("Int64")
        out[schema.TOPIC_PROB] = out[schema.TOPIC_PROB].astype("float64")
        context.topic_model = model
        context.topic_info = info
        context.stats["topics_raw_outlier_share"] = round(raw_outliers, 4)
        context.stats["topics_label_lang"] = label_lang
        return out


@contextmanager
def _quiet_logger(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _majority(langs: pd.Series) -> str:
    counts = langs[langs.isin(["es", "pt", "en"])].value_counts()
    if counts.empty:
        return "en"
    top = counts.max()
    return sorted(l for l, c in counts.items() if c == top)[0]
