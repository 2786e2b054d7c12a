"""The topics stage: fit topics on the modelled comments, or place them into a saved model's topics.

The work lives in :mod:`consultnlp.topics` (``fit_topic_model``,
``assign_topics``, ``describe_topics``, the model store); this module wires it
to the frame: one ``topic_id`` per comment (-1 = outlier, NA = excluded), its
label in the report language, and the similarity to the topic's centre.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.config import TopicsConfig
from consultnlp.errors import PipelineError
from consultnlp.frame import broadcast_to_duplicates, resolve_report_lang, unit_mask
from consultnlp.stages.base import RunContext, Stage
from consultnlp.topics.labels import OUTLIER_LABEL, describe_topics
from consultnlp.topics.model import (
    TopicModel,
    assign_topics,
    fit_topic_model,
    is_small,
    similarity_to_topic,
)
from consultnlp.topics.naming import Units, folded_stopwords, name_topics_and_groups

DEFAULT_MODEL_DIR = Path("models")


class TopicsStage(Stage):
    """Adds ``topic_id``, ``topic_label`` and ``topic_prob``; the model and topic table go to the context."""

    name = "topics"
    requires = (schema.LEMMAS, schema.LANG)
    provides = (schema.TOPIC_ID, schema.TOPIC_LABEL, schema.TOPIC_PROB, schema.TOPIC_GROUP_ID, schema.TOPIC_GROUP_LABEL)
    requires_data = ("embeddings", "lemmatizer")
    provides_data = ("topic_model",)

    def __init__(self, config: TopicsConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: TopicsConfig = self.config
        out = frame.copy()
        units = out.index[unit_mask(out)]
        if not context.unit_ids.equals(units):
            raise PipelineError("the embeddings do not cover the comments to model; run 'embed' right before 'topics'.")
        docs = out.loc[units, schema.LEMMAS].astype(str).tolist()
        langs = out.loc[units, schema.LANG].astype(str).to_numpy()
        embeddings = context.embeddings
        # Excluded rows have no topic (NA), which is not the same as an outlier (-1).
        out[schema.TOPIC_ID] = pd.array([pd.NA] * len(out), dtype="Int64")
        out[schema.TOPIC_LABEL] = ""
        out[schema.TOPIC_PROB] = np.nan
        out[schema.TOPIC_GROUP_ID] = pd.array([pd.NA] * len(out), dtype="Int64")
        out[schema.TOPIC_GROUP_LABEL] = ""
        if len(units) == 0:
            context.warn("note_nothing_to_model")
            return out
        label_lang = context.report_lang = resolve_report_lang(out, context.report_lang)
        if cfg.model:
            model, topics, info, similarity = self._apply_saved(cfg.model, docs, embeddings, langs, context)
        else:
            weights = out.loc[units, schema.DUP_COUNT].to_numpy(dtype=float) if schema.DUP_COUNT in out else np.ones(len(units))
            model, topics, info = self._fit(cfg, docs, embeddings, langs, label_lang, context, weights)
            similarity = model.fit_similarity
        # Fitting and assigning already measured each comment against its topic; a reviewed or
        # loaded model without those measures recomputes them.
        sims = similarity if similarity is not None else similarity_to_topic(model, docs, embeddings, topics)
        found = Units(out.loc[units, schema.TEXT_REDACTED].astype(str).tolist(), langs, topics, sims, embeddings)
        with context.progress.task("Naming topics and their groups", total=None):
            info, groups = name_topics_and_groups(
                info,
                model,
                found,
                lang=label_lang,
                encode=vocabulary_encoder(context),
                is_stopword=folded_stopwords(context.lemmatizer),
                min_groups=cfg.min_groups,
                max_groups=cfg.max_groups,
                named=not cfg.model,
                title=context.title,
            )
        labels = dict(zip(info["topic_id"], info["label"]))
        group_of = dict(zip(info["topic_id"], info["group_id"]))
        group_labels = dict(zip(groups["group_id"], groups["label"]))
        out.loc[units, schema.TOPIC_ID] = topics
        out.loc[units, schema.TOPIC_LABEL] = [labels.get(int(t), OUTLIER_LABEL) for t in topics]
        out.loc[units, schema.TOPIC_PROB] = np.round(sims, 4)
        out.loc[units, schema.TOPIC_GROUP_ID] = [group_of.get(int(t), schema.OUTLIER_TOPIC) for t in topics]
        out.loc[units, schema.TOPIC_GROUP_LABEL] = [group_labels.get(group_of.get(int(t), -1), OUTLIER_LABEL) for t in topics]
        columns = [schema.TOPIC_ID, schema.TOPIC_LABEL, schema.TOPIC_PROB, schema.TOPIC_GROUP_ID, schema.TOPIC_GROUP_LABEL]
        broadcast_to_duplicates(out, columns, {})
        out[schema.TOPIC_ID] = out[schema.TOPIC_ID].astype("Int64")
        out[schema.TOPIC_GROUP_ID] = out[schema.TOPIC_GROUP_ID].astype("Int64")
        out[schema.TOPIC_PROB] = out[schema.TOPIC_PROB].astype("float64")
        context.topic_model = model
        context.topic_info = info
        context.topic_groups = groups
        context.stats["topic_groups_n"] = int((groups["group_id"] >= 0).sum())
        context.stats["topics_merged"] = model.stats.get("topics_merged", 0)
        context.stats["topics_split"] = model.stats.get("topics_split", 0)
        context.stats["topics_n"] = int((info["topic_id"] >= 0).sum())
        context.stats["topics_outlier_share"] = round(float((topics == -1).mean()), 4)
        context.stats["topics_label_lang"] = label_lang
        if cfg.save_model and not cfg.model:
            path = _model_path(cfg.save_model, context.model_dir)
            from consultnlp.topics.model_store import save_topic_model

            save_topic_model(
                model,
                info,
                path,
                embedder_key=context.encoder.key,
                config=cfg.model_dump(mode="json"),
                data_sha256=_texts_sha256(out.loc[units, schema.TEXT_REDACTED] if schema.TEXT_REDACTED in out else pd.Series(docs)),
            )
            context.stats["topics_model_saved"] = str(path)
            context.progress.note(f"Topic model saved to {path} (apply it to new comments with --topic-model {path}).")
        return out

    def _fit(
        self,
        cfg: TopicsConfig,
        docs: list[str],
        embeddings: np.ndarray,
        langs: np.ndarray,
        label_lang: str,
        context: RunContext,
        weights: np.ndarray,
    ) -> tuple[TopicModel, np.ndarray, pd.DataFrame]:
        n = len(docs)
        if is_small(n, cfg):
            context.warn("note_small_corpus", n=n, needed=3 * cfg.min_topic_size)
        method = "k-means" if is_small(n, cfg) or cfg.clustering == "kmeans" else cfg.clustering.replace("-", " + ").upper()
        with context.progress.task(f"Fitting topics ({method})", total=None):
            model, topics = fit_topic_model(
                docs,
                embeddings,
                cfg,
                context.random_state,
                encode=vocabulary_encoder(context),
                embedder_key=context.encoder.key,
                weights=weights,
                progress=context.progress,
            )
        if n > cfg.fit_sample_size:
            context.progress.note(f"Topics fitted on a sample of {cfg.fit_sample_size} and applied to all {n} unique comments.")
        context.stats["topics_raw_outlier_share"] = model.stats.get("raw_outlier_share")
        context.stats["topics_clustering"] = model.clustering
        info = describe_topics(
            model.bertopic,
            docs,
            topics,
            langs,
            forms=context.lemma_forms,
            label_lang=label_lang,
            top_n=cfg.top_n_words,
            is_stopword=_stopword_test(context),
            vector_of=model.keyword_vector,
        )
        return model, topics, info

    def _apply_saved(
        self, path: str, docs: list[str], embeddings: np.ndarray, langs: np.ndarray, context: RunContext
    ) -> tuple[TopicModel, np.ndarray, pd.DataFrame, np.ndarray]:
        from consultnlp.topics.model_store import check_embedder, load_topic_model

        saved = load_topic_model(Path(path))
        encoder = context.encoder
        check_embedder(saved, encoder.key, corpus_fitted=not encoder.embedder.cacheable)
        with context.progress.task(f"Assigning comments to the topics of {saved.path.name}", total=None):
            topics, similarity = assign_topics(saved.model, docs, embeddings)
        info = saved.topic_info.copy()
        sizes = pd.Series(topics).value_counts()
        present = set(sizes.index.tolist())
        if -1 in present and -1 not in set(info["topic_id"].tolist()):
            info = pd.concat(
                [info, pd.DataFrame([{"topic_id": -1, "label": OUTLIER_LABEL, "keywords": [], "keywords_by_lang": {}}])], ignore_index=True
            )
        info = info[info["topic_id"].isin(present)].copy()
        info["unique_comments"] = info["topic_id"].map(sizes).astype("int64")
        info["languages"] = [
            ", ".join(f"{lang} {p:.0%}" for lang, p in pd.Series(langs[topics == t]).value_counts(normalize=True).items())
            for t in info["topic_id"]
        ]
        context.stats["topics_model_applied"] = str(saved.path)
        context.progress.note(f"Comments placed into the {len(saved.model.topic_ids)} topics of {saved.path}; nothing was refitted.")
        return saved.model, topics, info.sort_values("topic_id", kind="stable").reset_index(drop=True), similarity


def vocabulary_encoder(context: RunContext) -> Callable[[list[str]], np.ndarray]:
    """Embeds keyword lemmas in the comments' space, in this process (the worker processes are
    stopped after the embed stage to free their memory, and 10,000 keywords take a few seconds)."""
    encoder = context.encoder
    return lambda words: encoder.encode(words, description="Embedding keywords")


def _stopword_test(context: RunContext) -> Callable[[str, str], bool] | None:
    lemmatizer: Any = context.lemmatizer
    if lemmatizer is None:
        return None
    return lambda word, lang: word in lemmatizer.stopwords(lang if lang in schema.LANGUAGES else "en")


def _model_path(name: str, model_dir: Path | None) -> Path:
    path = Path(name)
    if len(path.parts) == 1 and not path.is_absolute():
        return (model_dir or DEFAULT_MODEL_DIR) / path
    return path


def _texts_sha256(texts: pd.Series) -> str:
    digest = hashlib.sha256()
    for text in texts.astype(str):
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()
