"""Files Consul Democracy's machine-learning module reads back, so a Consul site shows our topics and themes as tags.

Consul (``app/models/machine_learning.rb``) exports ``proposals.json``,
``budget_investments.json`` and ``comments.json`` for a script, then imports
what the script leaves in its data folder:

- ``ml_tags_{proposals,budgets}.json``: ``[{"id", "name", "taggings_count"}]``
  (a tag per name; names over 150 characters are cut);
- ``ml_taggings_{proposals,budgets}.json``: ``[{"tag_id", "taggable_id"}]`` (the
  importer adds the type and the ``ml_tags`` context; any other key would be
  passed to ``Tagging.create!``, so there is none);
- ``ml_related_content_{proposals,budgets}.json``: ``[{"id", "related_1", ...}]``,
  most related first (the importer scores them in that order);
- ``ml_comments_summaries_{proposals,budgets}.json``:
  ``[{"id", "commentable_id", "commentable_type", "body"}]``.

A run on ``proposals.json`` or ``budget_investments.json`` writes tags,
taggings and related content (other records of the same topic, most central
first); a run on ``comments.json`` writes a summary of each record's comments.
The ids are Consul's own, read from the run's ``comment_id``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from consultnlp import schema
from consultnlp.errors import ConfigError
from consultnlp.files import write_text
from consultnlp.i18n import number, t

CONSUL_TYPE = "consul_type"  # the column ingest adds to Consul proposals and investments (ingest.platforms)
KINDS = {"Proposal": "proposals", "Budget::Investment": "budgets"}
TAG_MAX_CHARS = 150
RELATED_MAX = 3
SUMMARY_TOPICS = 3


def _dump(path: Path, records: list[dict[str, Any]]) -> None:
    write_text(path, json.dumps(records, ensure_ascii=False, indent=1) + "\n")


def _consul_id(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _theme_names(summary: Any) -> dict[str, str]:
    table = summary.tables.get("themes")
    if table is None:
        return {}
    return {str(r["theme_id"]): str(r["name"]) for _, r in table.iterrows() if r["theme_id"] != schema.OTHER_THEME}


def _tags(frame: pd.DataFrame, summary: Any) -> tuple[list[dict[str, Any]], list[dict[str, int]]]:
    """Tags for the topics and themes the records have, and one tagging per (record, tag)."""
    topics = summary.facts.get("topic_labels") or {}
    themes = _theme_names(summary)
    names: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    for row in frame.itertuples(index=True):
        record = _consul_id(row.Index)
        wanted = []
        topic = getattr(row, schema.TOPIC_ID, None)
        if topic is not None and not pd.isna(topic) and int(topic) != schema.OUTLIER_TOPIC and int(topic) in topics:
            wanted.append(topics[int(topic)])
        wanted += [themes[th] for th in str(getattr(row, schema.THEMES, "") or "").split(";") if th in themes]
        for name in dict.fromkeys(n[:TAG_MAX_CHARS] for n in wanted if n):
            names.setdefault(name, len(names) + 1)
            pairs.append((names[name], record))
    counts = pd.Series([tag for tag, _ in pairs], dtype="int64").value_counts()
    tags = [{"id": tag_id, "name": name, "taggings_count": int(counts.get(tag_id, 0))} for name, tag_id in names.items()]
    return tags, [{"tag_id": tag, "taggable_id": record} for tag, record in pairs]


def _related(frame: pd.DataFrame) -> list[dict[str, int]]:
    """Per record, up to ``RELATED_MAX`` others of its topic, the most central (highest topic probability) first."""
    if schema.TOPIC_ID not in frame:
        return []
    part = frame.loc[frame[schema.TOPIC_ID].fillna(schema.OUTLIER_TOPIC).astype(int) != schema.OUTLIER_TOPIC]
    prob = part[schema.TOPIC_PROB].astype(float) if schema.TOPIC_PROB in part else pd.Series(0.0, index=part.index)
    out = []
    for _, members in part.groupby(part[schema.TOPIC_ID].astype(int), sort=True):
        ranked = prob.loc[members.index].sort_values(ascending=False, kind="stable").index
        for record in members.index:
            others = [_consul_id(r) for r in ranked if r != record][:RELATED_MAX]
            if others:
                out.append({"id": _consul_id(record), **{f"related_{i}": o for i, o in enumerate(others, 1)}})
    return sorted(out, key=lambda r: r["id"])


def _summaries(frame: pd.DataFrame, summary: Any, lang: str) -> dict[str, list[dict[str, Any]]]:
    """Per commented record: how many comments were analysed, and their main topics and themes, in ``lang``."""
    topics = summary.facts.get("topic_labels") or {}
    themes = _theme_names(summary)
    out: dict[str, list[dict[str, Any]]] = {}
    for (kind, record), part in frame.groupby(["commentable_type", "commentable_id"], sort=True):
        if kind not in KINDS or _consul_id(record) is None:
            continue
        lines = [t("consul_comments", lang, count=len(part), n=number(len(part), lang))]
        counts = part[schema.TOPIC_ID].dropna().astype(int).value_counts() if schema.TOPIC_ID in part else pd.Series(dtype=int)
        counts = counts[counts.index != schema.OUTLIER_TOPIC].head(SUMMARY_TOPICS)
        if len(counts):
            lines.append(
                t("consul_topics", lang, items=", ".join(f"{topics.get(int(k), k)} ({number(int(v), lang)})" for k, v in counts.items()))
            )
        if schema.THEMES in part:
            found = part[schema.THEMES].astype(str).str.split(";").explode()
            found = found[found.isin(list(themes))].value_counts().head(SUMMARY_TOPICS)
            if len(found):
                lines.append(t("consul_themes", lang, items=", ".join(f"{themes[k]} ({number(int(v), lang)})" for k, v in found.items())))
        out.setdefault(KINDS[kind], []).append(
            {
                "id": len(out.get(KINDS[kind], [])) + 1,
                "commentable_id": _consul_id(record),
                "commentable_type": kind,
                "body": " ".join(lines),
            }
        )
    return out


def write_consul(comments: Path, out_dir: Path, summary: Any, lang: str) -> list[str]:
    """Write the ``ml_*.json`` files for the run's Consul export into ``out_dir/consul/``; return their relative paths."""
    frame = pd.read_parquet(comments).set_index(schema.COMMENT_ID)
    frame = frame.loc[frame[schema.EXCLUDED].fillna("") == ""]
    folder = out_dir / "consul"
    written: list[str] = []
    if CONSUL_TYPE in frame:
        for kind, part in frame.groupby(CONSUL_TYPE, sort=True):
            if kind not in KINDS:
                continue
            suffix = KINDS[kind]
            tags, taggings = _tags(part, summary)
            for name, records in (
                (f"ml_tags_{suffix}.json", tags),
                (f"ml_taggings_{suffix}.json", taggings),
                (f"ml_related_content_{suffix}.json", _related(part)),
            ):
                _dump(folder / name, records)
                written.append(f"consul/{name}")
    elif {"commentable_id", "commentable_type"} <= set(frame.columns):
        for suffix, records in _summaries(frame, summary, lang).items():
            name = f"ml_comments_summaries_{suffix}.json"
            _dump(folder / name, records)
            written.append(f"consul/{name}")
    else:
        raise not_a_consul_export()
    return written


def is_consul_export(columns: Iterable[str]) -> bool:
    """Whether a frame with these columns came from a Consul Democracy machine-learning export."""
    columns = set(columns)
    return CONSUL_TYPE in columns or {"commentable_id", "commentable_type"} <= columns


def not_a_consul_export() -> ConfigError:
    return ConfigError(
        "format 'consul' writes files for Consul Democracy's machine-learning module, so the analysis must read one of the files "
        "that module exports (proposals.json, budget_investments.json or comments.json). Nothing was written: leave consul out "
        "of the formats, or analyse a Consul export."
    )
