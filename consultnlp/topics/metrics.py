"""Topic quality measures: NPMI coherence, topic diversity, NMI/ARI against labels, outlier share.

Coherence is measured on the corpus itself (document co-occurrence of the
keyword lemmas), as OCTIS and the BERTopic paper do when no reference corpus
is at hand.
"""

from __future__ import annotations

import itertools
import math
from typing import Sequence

import numpy as np


def npmi_coherence(topic_words: Sequence[Sequence[str]], docs: Sequence[str], top_n: int = 10) -> float:
    """Mean NPMI over topics of their top ``top_n`` keyword pairs, from document co-occurrence in ``docs``.

    ``docs`` are space-joined lemma strings (the ``lemmas`` column) and keywords
    are lemma uni- or bigrams. A pair that never co-occurs scores -1; a topic
    with fewer than two keywords is skipped. Range -1..1, higher is better.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    topics = [list(dict.fromkeys(w for w in words if w))[:top_n] for words in topic_words]
    vocab = sorted({w for words in topics for w in words})
    topics = [t for t in topics if len(t) >= 2]
    if not topics or not docs:
        return float("nan")
    max_n = max(len(w.split()) for w in vocab)
    vectorizer = CountVectorizer(vocabulary=vocab, ngram_range=(1, max_n), token_pattern=r"\S+", binary=True, lowercase=False)
    presence = vectorizer.transform(docs).tocsc().astype(np.float64)
    n_docs = presence.shape[0]
    index = {w: i for i, w in enumerate(vocab)}
    doc_freq = np.asarray(presence.sum(axis=0)).ravel()
    scores = []
    for words in topics:
        cols = [index[w] for w in words]
        sub = presence[:, cols]
        joint = (sub.T @ sub).toarray()
        pair_scores = []
        for a, b in itertools.combinations(range(len(cols)), 2):
            p_ab = joint[a, b] / n_docs
            p_a, p_b = doc_freq[cols[a]] / n_docs, doc_freq[cols[b]] / n_docs
            if p_ab <= 0 or p_a <= 0 or p_b <= 0:
                pair_scores.append(-1.0)
            elif p_ab >= 1.0:
                pair_scores.append(1.0)
            else:
                pair_scores.append(math.log(p_ab / (p_a * p_b)) / -math.log(p_ab))
        scores.append(float(np.mean(pair_scores)))
    return float(np.mean(scores))


def topic_diversity(topic_words: Sequence[Sequence[str]], top_n: int = 10) -> float:
    """Share of unique words among the top ``top_n`` keywords of all topics (1 = no keyword repeated)."""
    words = [w for topic in topic_words for w in list(topic)[:top_n] if w]
    return float(len(set(words)) / len(words)) if words else float("nan")


def label_agreement(topics: np.ndarray, labels: Sequence[object]) -> tuple[float, float]:
    """(NMI, ARI) of topic ids against reference labels, over rows whose label is present.

    Outliers (-1) count as one more cluster, as they would in a report.
    """
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    labels_arr = np.asarray(labels, dtype=object)
    present = np.array([v is not None and v == v and str(v).strip() != "" for v in labels_arr], dtype=bool)
    if present.sum() < 2:
        return float("nan"), float("nan")
    y = labels_arr[present].astype(str)
    t = np.asarray(topics)[present]
    return float(normalized_mutual_info_score(y, t)), float(adjusted_rand_score(y, t))


def outlier_share(topics: np.ndarray) -> float:
    """Share of documents in topic -1."""
    topics = np.asarray(topics)
    return float((topics == -1).mean()) if len(topics) else 0.0


def n_topics(topics: np.ndarray) -> int:
    """Number of topics, not counting -1."""
    return int(len(set(np.asarray(topics).tolist()) - {-1}))


def multilingual_npmi(bertopic: object, docs: Sequence[str], topics: np.ndarray, langs: Sequence[str], top_n: int = 10) -> float:
    """NPMI of each topic's keywords per language, on that language's comments, averaged by comment count.

    Plain NPMI punishes a topic that mixes languages: a Spanish and a
    Portuguese keyword never share a comment. Here each language's keywords of
    a topic are scored on the comments in that language, and languages with
    fewer than 5 comments in the topic are left out.
    """
    from consultnlp.topics.labels import keywords_by_language

    topics = np.asarray(topics)
    langs_arr = np.asarray(langs).astype(str)
    per_topic = keywords_by_language(bertopic, docs, topics, langs_arr, top_n)
    docs = list(docs)
    by_lang_docs = {lang: [d for d, l in zip(docs, langs_arr) if l == lang] for lang in set(langs_arr.tolist())}
    scores, weights = [], []
    for topic, by_lang in per_topic.items():
        if topic == -1:
            continue
        for lang, words in by_lang.items():
            count = int(((topics == topic) & (langs_arr == lang)).sum())
            if count < 5 or len(words) < 2:
                continue
            value = npmi_coherence([words[:top_n]], by_lang_docs[lang], top_n)
            if value == value:
                scores.append(value)
                weights.append(count)
    return float(np.average(scores, weights=weights)) if scores else float("nan")
