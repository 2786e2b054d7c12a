"""Saving a fitted topic model to a folder and loading it back, without pickle and without torch.

A saved model is what :func:`consultnlp.topics.model.assign_topics` needs to
place new comments into the fitted topics: topic centroids, the outlier
threshold, the keyword vocabulary with its idf and vectors, the topic table,
and a model card. Plain ``.npz``/``.json`` files: loading one runs no code
from the folder, and no comment text is stored. See ``models/README.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from consultnlp.errors import ModelError
from consultnlp.topics.features import KeywordSpace
from consultnlp.topics.model import TopicModel
from consultnlp.versions import package_versions

FORMAT = "consultnlp-topic-model"
FORMAT_VERSION = 1
ARRAYS = "topic_model.npz"
VOCABULARY = "vocabulary.json"
TOPICS = "topics.json"
CARD_JSON = "card.json"
CARD_MD = "model_card.md"


@dataclass
class SavedTopicModel:
    """A loaded model folder: the model, its topic table and its card."""

    model: TopicModel
    topic_info: pd.DataFrame
    card: dict[str, Any]
    path: Path


def save_topic_model(
    model: TopicModel,
    topic_info: pd.DataFrame,
    path: Path,
    *,
    embedder_key: str | None,
    config: dict[str, Any],
    data_sha256: str,
) -> Path:
    """Write ``path/`` (created if missing): arrays, vocabulary, topic table, ``card.json`` and ``model_card.md``.

    ``config`` is the topics section used for fitting; ``data_sha256`` identifies
    the comments the model was fitted on. Returns ``path``.
    """
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    space = model.keyword_space
    np.savez_compressed(
        path / ARRAYS,
        topic_ids=model.topic_ids.astype(np.int64),
        centroids=model.centroids.astype(np.float32),
        outlier_threshold=np.float64(model.outlier_threshold),
        lexical_weight=np.float64(model.lexical_weight),
        idf=(space.idf if space is not None else np.zeros(0)).astype(np.float32),
        # float16 halves the file; cosine similarities move by < 1e-3.
        keyword_vectors=(space.vectors if space is not None else np.zeros((0, 0))).astype(np.float16),
    )
    _write_json(path / VOCABULARY, space.vocabulary if space is not None else [])
    _write_json(path / TOPICS, _topics_records(topic_info))
    n_topics = int((topic_info["topic_id"] >= 0).sum()) if len(topic_info) else 0
    card = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "embedder_key": embedder_key,
        "data_sha256": data_sha256,
        "n_docs": int(model.n_docs),
        "n_topics": n_topics,
        "clustering": model.clustering,
        "lexical_weight": float(model.lexical_weight),
        "vocabulary_size": len(space.vocabulary) if space is not None else 0,
        "stats": model.stats,
        "config": config,
        "versions": package_versions(),
        "files": [ARRAYS, VOCABULARY, TOPICS, CARD_JSON, CARD_MD],
    }
    _write_json(path / CARD_JSON, card)
    (path / CARD_MD).write_text(_card_markdown(card, topic_info), encoding="utf-8")
    return path


def load_topic_model(path: Path) -> SavedTopicModel:
    """Read a folder written by :func:`save_topic_model`; a missing or foreign folder is a ModelError."""
    path = Path(path)
    card_path = path / CARD_JSON
    if not path.is_dir():
        raise ModelError(f"Topic model folder {path} does not exist. Save one with --set topics.save_model=NAME (it goes to models/NAME).")
    if not card_path.is_file():
        raise ModelError(
            f"{path} is not a consultnlp topic model: it has no {CARD_JSON}. Point --topic-model at a folder written by topics.save_model."
        )
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{card_path} is not valid JSON ({exc.msg}, line {exc.lineno}); the model folder is damaged.") from None
    if card.get("format") != FORMAT:
        raise ModelError(f"{path} is not a consultnlp topic model (card.json format is {card.get('format')!r}).")
    if card.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"{path} was saved in topic model format {card.get('format_version')}; this consultnlp reads format "
            f"{FORMAT_VERSION}. Refit the model with this version."
        )
    missing = [name for name in (ARRAYS, VOCABULARY, TOPICS) if not (path / name).is_file()]
    if missing:
        raise ModelError(f"Topic model {path} is incomplete: {', '.join(missing)} missing. Save it again.")
    with np.load(path / ARRAYS, allow_pickle=False) as arrays:
        vocabulary = json.loads((path / VOCABULARY).read_text(encoding="utf-8"))
        space = None
        if vocabulary:
            space = KeywordSpace(vocabulary, arrays["idf"].astype(np.float32), arrays["keyword_vectors"].astype(np.float32))
        model = TopicModel(
            topic_ids=arrays["topic_ids"].astype(np.int64),
            centroids=arrays["centroids"].astype(np.float32),
            outlier_threshold=float(arrays["outlier_threshold"]),
            lexical_weight=float(arrays["lexical_weight"]),
            keyword_space=space,
            embedder_key=card.get("embedder_key"),
            n_docs=int(card.get("n_docs", 0)),
            clustering=str(card.get("clustering", "")),
            stats=dict(card.get("stats", {})),
        )
    records = json.loads((path / TOPICS).read_text(encoding="utf-8"))
    topic_info = pd.DataFrame(records)
    return SavedTopicModel(model=model, topic_info=topic_info, card=card, path=path)


def check_embedder(saved: SavedTopicModel, embedder_key: str, *, corpus_fitted: bool) -> None:
    """Raise a ModelError unless comments embedded with ``embedder_key`` can be placed in ``saved``'s topics."""
    expected = saved.card.get("embedder_key")
    if corpus_fitted:
        raise ModelError(
            f"Topic model {saved.path} cannot be applied with the '{embedder_key}' embedder: it is refitted on every "
            "corpus, so new comments do not land in the same space. Use an embedder with fixed weights "
            "(embed.embedder: use-multilingual) for models you want to reuse."
        )
    if expected != embedder_key:
        raise ModelError(
            f"Topic model {saved.path} was fitted on embeddings from '{expected}', but this run embeds with "
            f"'{embedder_key}'. Use the same embed.embedder (and embed.model) as when the model was saved, or fit a new model."
        )


def _topics_records(topic_info: pd.DataFrame) -> list[dict[str, Any]]:
    records = []
    for row in topic_info.to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if isinstance(value, np.ndarray):
                value = value.tolist()
            elif isinstance(value, np.generic):
                value = value.item()
            clean[str(key)] = value
        records.append(clean)
    return records


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def _card_markdown(card: dict[str, Any], topic_info: pd.DataFrame) -> str:
    lines = [
        "# Topic model card",
        "",
        f"- Created: {card['created']} with consultnlp {card['versions'].get('consultnlp')}",
        f"- Fitted on {card['n_docs']} unique comments (sha256 of their redacted texts: `{card['data_sha256']}`)",
        f"- Embeddings: `{card['embedder_key']}`; clustering: {card['clustering']}; keyword weight {card['lexical_weight']}",
        f"- Topics: {card['n_topics']}; outliers before reassignment: {card['stats'].get('raw_outlier_share', 'n/a')}",
        "",
        "Apply it to new comments with `consultnlp analyze NEW_FILE --topic-model THIS_FOLDER`: each comment goes to",
        "the nearest topic centroid, or to -1 when it is further from every topic than the least typical",
        f"{card['config'].get('max_outlier_share', 0.05):.0%} of the comments it was fitted on.",
        "",
        "The folder holds numbers and words only (centroids, keyword vocabulary and vectors, this table), no comment text.",
        "",
        "| topic | label | size | keywords |",
        "|---:|---|---:|---|",
    ]
    for _, row in topic_info.iterrows():
        keywords = ", ".join(list(row.get("keywords", []))[:8])
        lines.append(f"| {row['topic_id']} | {row['label']} | {row.get('unique_comments', '')} | {keywords} |")
    return "\n".join(lines) + "\n"
