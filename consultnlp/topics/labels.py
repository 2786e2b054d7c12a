"""Topic keywords and labels: c-TF-IDF lemmas shown as people wrote them, per language.

A topic that mixes languages gets keywords per language and a label in the
report language; the overall keyword list drops a word already shown in
another language ("água" after "agua") so it is not the same word three times.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from consultnlp.lemmas import show_keyword
from consultnlp.text import fold

LABEL_WORDS = 3
# A label is written in the report language when that many of the topic's comments (and that share) are in it.
MIN_LABEL_DOCS = 3
LABEL_LANG_SHARE = 0.1
OUTLIER_LABEL = "—"
# Keyword vectors this close (cosine) are the same word in two languages ("agua"/"água"/"water").
TRANSLATION_SIMILARITY = 0.85


def keywords_by_language(
    bertopic: Any, docs: Sequence[str], topics: np.ndarray, langs: np.ndarray, top_n: int
) -> dict[int, dict[str, list[str]]]:
    """Per topic and language, the topic's c-TF-IDF lemmas weighted by their share of use in that language."""
    vectorizer = bertopic.vectorizer_model
    vocab = np.asarray(vectorizer.get_feature_names_out())
    counts = vectorizer.transform(list(docs)).tocsr()
    ctfidf = bertopic.c_tf_idf_
    offset = 1 if -1 in set(bertopic.topics_) else 0
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
            best = [i for i in np.lexsort((np.arange(len(score)), -score))[: top_n * 2] if score[i] > 0]
            per_lang[str(lang)] = vocab[best].tolist()
        out[int(topic)] = per_lang
    return out


def make_label(keywords: Sequence[str], n: int = LABEL_WORDS, show: Callable[[str], str] = str) -> str:
    """``n`` keywords (lemmas, best first) shown with ``show``, joined by commas.

    A word is replaced by a phrase that contains it when the phrase ranks
    among the first ``n + 2`` keywords ("espera" -> "listas de espera"), and a
    keyword sharing a word with one already shown is skipped.
    """
    top_phrases = [k for k in keywords[: n + 2] if " " in k]
    chosen: list[str] = []
    for word in keywords:
        if " " not in word:
            word = next((p for p in top_phrases if word in p.split()), word)
        # "educacion" and "educación" are the same word to a reader.
        if any(set(fold(word).split()) & set(fold(c).split()) for c in chosen):
            continue
        chosen.append(word)
        if len(chosen) == n:
            break
    return ", ".join(show(c) for c in chosen)


def label_for(per_lang: Mapping[str, Sequence[str]], global_words: Sequence[str], lang: str) -> str:
    """A label from shown keywords: the ``lang`` keywords when there are some, else the overall ones."""
    return make_label(list(per_lang.get(lang) or global_words))


def drop_translations(keywords: Sequence[str], vector_of: Callable[[str], np.ndarray | None] | None = None) -> list[str]:
    """Keywords without repeats across languages: same accent-folded spelling, or near-identical keyword vectors."""
    kept: list[str] = []
    folded: set[str] = set()
    vectors: list[np.ndarray] = []
    for word in keywords:
        key = fold(word)
        if key in folded:
            continue
        vec = vector_of(word) if vector_of is not None else None
        if vec is not None and vectors and float(np.max(np.vstack(vectors) @ vec)) >= TRANSLATION_SIMILARITY:
            continue
        kept.append(word)
        folded.add(key)
        if vec is not None:
            vectors.append(vec)
    return kept


def describe_topics(
    bertopic: Any,
    docs: Sequence[str],
    topics: np.ndarray,
    langs: np.ndarray,
    *,
    forms: Mapping[str, Mapping[str, str]],
    label_lang: str,
    top_n: int,
    is_stopword: Callable[[str, str], bool] | None = None,
    vector_of: Callable[[str], np.ndarray | None] | None = None,
) -> pd.DataFrame:
    """The topic table: ``topic_id``, ``label``, ``keywords``, ``keywords_by_lang``, ``languages``, ``unique_comments``.

    Keywords are c-TF-IDF lemmas shown in their most frequent written form
    (``forms``: language -> lemma -> word, ``"*"`` for all). The label is made of
    the keywords in ``label_lang`` when enough of the topic's comments are in it
    (3 and 10%), else of the overall keywords. ``is_stopword(word, lang)`` is a last guard: a keyword
    whose every word is a stop word in every language of the topic is dropped.
    """
    docs = list(docs)
    per_lang_lemmas = keywords_by_language(bertopic, docs, topics, langs, top_n) if bertopic is not None else {}
    rows = []
    for topic in sorted(set(topics.tolist())):
        mask = topics == topic
        topic_langs = sorted(set(langs[mask].tolist()))

        def content(word: str, within: Sequence[str] = topic_langs) -> bool:
            parts = word.split()
            if len(parts) > 1 and len({fold(p) for p in parts}) == 1:
                return False  # "respeto respeto"
            if is_stopword is None:
                return True
            return not all(all(is_stopword(part, lang) for lang in within) for part in word.split())

        found = (bertopic.get_topic(topic) or []) if bertopic is not None else []
        lemmas = [w for w, _ in found if w and content(w)]
        overall = drop_translations(lemmas, vector_of)[:top_n]
        everywhere = forms.get("*", {})
        shown = [show_keyword(w, everywhere) for w in overall]
        lang_lemmas = {lang: [w for w in words if content(w, [lang])][:top_n] for lang, words in per_lang_lemmas.get(topic, {}).items()}
        by_lang = {lang: [show_keyword(w, forms.get(lang, {})) for w in words] for lang, words in lang_lemmas.items()}
        share = pd.Series(langs[mask]).value_counts(normalize=True)
        in_label_lang = int((langs[mask] == label_lang).sum())
        if topic == -1:
            label = OUTLIER_LABEL
        elif in_label_lang >= max(MIN_LABEL_DOCS, LABEL_LANG_SHARE * mask.sum()) and lang_lemmas.get(label_lang):
            label_forms = forms.get(label_lang, {})
            label = make_label(lang_lemmas[label_lang], show=lambda w, forms_=label_forms: show_keyword(w, forms_))
        else:
            label = make_label(overall, show=lambda w, forms_=everywhere: show_keyword(w, forms_)) or f"{topic}"
        rows.append(
            {
                "topic_id": int(topic),
                "label": label,
                "keywords": shown,
                "keywords_by_lang": by_lang,
                "languages": ", ".join(f"{lang} {p:.0%}" for lang, p in share.items()),
                "unique_comments": int(mask.sum()),
            }
        )
    return pd.DataFrame(rows, columns=["topic_id", "label", "keywords", "keywords_by_lang", "languages", "unique_comments"])
