"""The topic review file: an analyst renames, merges, hides or splits topics without refitting.

``analyze`` writes ``topics_review.yaml`` (one entry per topic, with its size,
keywords and ``EXAMPLES_PER_TOPIC`` example comments: id and short redacted text). The analyst edits ``label``,
``merge_into``, ``hide``, ``split_off`` / ``split_label``, and under ``groups:``
a headline group's ``label`` or the ``topics`` it holds (``consultnlp.topics.group_review``);
``consultnlp report DIR`` applies the file with :func:`load_review` and :func:`apply_review`, which
return the changed frames and an audit trail (one dict per change) for the
manifest.

Changes apply in a fixed order, whatever the order of the file: split-offs
(they name comments of the topic as fitted), then merges, then hides, then
renames.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from consultnlp import schema
from consultnlp.errors import ConfigError
from consultnlp.topics.group_review import GROUP_HEADER, GroupEdit, check_group_structure, group_template_lines

OUTLIER_LABEL = "—"
EXAMPLES_PER_TOPIC = 3
EXAMPLE_CHARS = 160
HEADER = """\
# Topic review. Edit this file, save it, then run: consultnlp report {out_dir}
# For each topic you may change:
#   label: "new name"          rename the topic
#   merge_into: 7              move all its comments into topic 7 (topic 7 keeps its label and keywords)
#   hide: true                 move its comments to "no clear topic" (-1), e.g. off-topic noise
#   split_off: ["c012", "c345"]  move these comments (and their duplicates) out of the topic ...
#   split_label: "new topic"   ... into a new topic with this name; leave it null to move them to -1
# id, group, size, keywords and examples (id and redacted text of the comments closest to the
# topic's centre) are there to help you; editing them changes nothing.
# Topic -1 (no clear topic) only accepts split_off.
"""


def _to_str_list(value: Any) -> Any:
    # Comment ids may look like numbers in YAML (split_off: [12, 40]); they are strings in the frame.
    if isinstance(value, list):
        return [str(v) for v in value]
    return value


class TopicEdit(BaseModel):
    """One topic's entry in the review file."""

    model_config = ConfigDict(extra="forbid")

    id: int
    label: str | None = None
    group: int | None = None
    size: int | None = None
    keywords: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    merge_into: int | None = None
    hide: bool = False
    split_off: list[str] = Field(default_factory=list)
    split_label: str | None = None

    _to_str = field_validator("examples", "split_off", "keywords", mode="before")(_to_str_list)

    @field_validator("label", "split_label")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank; leave the key out (or null) to keep the current name")
        return value.strip() if value is not None else None


class Review(BaseModel):
    """A parsed review file."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    topics: list[TopicEdit] = Field(default_factory=list)
    groups: list[GroupEdit] = Field(default_factory=list)
    _source: str = PrivateAttr(default="review")
    _lines: dict[int, int] = PrivateAttr(default_factory=dict)  # position in ``topics`` -> line in the file
    _group_lines: dict[int, int] = PrivateAttr(default_factory=dict)  # position in ``groups`` -> line in the file

    def where(self, position: int) -> str:
        """``file line N`` for the entry at ``position``, for error messages."""
        line = self._lines.get(position)
        return f"{self._source} line {line}" if line else self._source

    def group_where(self, position: int) -> str:
        """``file line N`` for the group entry at ``position``, for error messages."""
        line = self._group_lines.get(position)
        return f"{self._source} line {line}" if line else self._source


# ---------------------------------------------------------------------------- writing


def write_review_template(
    topic_info: pd.DataFrame, frame: pd.DataFrame, path: Path, *, groups: pd.DataFrame | None = None, folder: Path | None = None
) -> None:
    """Write ``path`` (``topics_review.yaml``): every topic with its label as displayed, group, size, keywords
    and three short redacted examples; then every headline group (``groups``) with its label and topics.

    ``folder`` is the output folder the header tells the analyst to re-render (default: the file's folder;
    the run writes into a staging folder first, so it names the real one).

    ``topic_info`` is the topics stage's table (``topic_id``, ``label``,
    ``keywords``, ``unique_comments``); ``frame`` is the analysed comment frame
    (indexed by ``comment_id``, or with that column). Examples are the unique
    comments closest to the topic centre (highest ``topic_prob``), shown redacted and cut short.
    """
    path = Path(path)
    needed = [
        c
        for c in (schema.COMMENT_ID, schema.TOPIC_ID, schema.TOPIC_PROB, schema.DUP_REPRESENTATIVE, schema.TEXT_REDACTED)
        if c in frame.columns
    ]
    comments = _with_id_column(frame[needed])  # a few columns: at a million comments the whole frame is gigabytes
    has_groups = groups is not None and not groups.empty
    lines = [
        HEADER.format(out_dir=folder if folder is not None else path.parent) + (GROUP_HEADER if has_groups else ""),
        "version: 1",
        "topics:",
    ]
    info = topic_info.copy()
    info["_outlier"] = info["topic_id"] == schema.OUTLIER_TOPIC
    info = info.sort_values(["_outlier", "topic_id"], kind="stable")
    examples = _examples(comments)
    for _, row in info.iterrows():
        topic = int(row["topic_id"])
        size = (
            int(row["unique_comments"])
            if "unique_comments" in row and pd.notna(row["unique_comments"])
            else int((comments[schema.TOPIC_ID] == topic).sum())
        )
        keywords = [str(k) for k in (row.get("keywords") if isinstance(row.get("keywords"), (list, np.ndarray)) else [])][:10]
        lines += [
            f"  - id: {topic}",
            f"    label: {_dump(str(row['label']))}",
            *([f"    group: {int(row['group_id'])}"] if "group_id" in row and pd.notna(row["group_id"]) else []),
            f"    size: {size}",
            f"    keywords: {_dump(keywords)}",
            f"    examples: {_dump(examples.get(topic, []))}",
            "    merge_into: null",
            "    hide: false",
            "    split_off: []",
            "    split_label: null",
        ]
    lines += group_template_lines(groups, _dump)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _with_id_column(frame: pd.DataFrame) -> pd.DataFrame:
    if schema.COMMENT_ID in frame.columns:
        return frame
    out = frame.copy()
    out[schema.COMMENT_ID] = frame.index.astype(str)
    return out


def _dump(value: Any) -> str:
    # JSON scalars and flow lists are valid YAML and need no escaping rules of our own.
    return json.dumps(value, ensure_ascii=False)


def _examples(comments: pd.DataFrame) -> dict[int, list[str]]:
    analysed = comments[comments[schema.TOPIC_ID].notna()]
    if schema.DUP_REPRESENTATIVE in analysed:
        analysed = analysed[analysed[schema.DUP_REPRESENTATIVE].astype(bool)]
    prob = analysed[schema.TOPIC_PROB] if schema.TOPIC_PROB in analysed else pd.Series(0.0, index=analysed.index)
    ordered = analysed.assign(_p=-prob.fillna(0).to_numpy(), _pos=np.arange(len(analysed)))
    ordered = ordered.sort_values(["_p", "_pos"], kind="stable")
    out: dict[int, list[str]] = {}
    for topic, part in ordered.groupby(schema.TOPIC_ID, sort=False):
        head = part.head(EXAMPLES_PER_TOPIC)
        texts = head[schema.TEXT_REDACTED].astype(str) if schema.TEXT_REDACTED in head else pd.Series("", index=head.index)
        out[int(topic)] = [f"{cid}: {_short(text)}" if text else str(cid) for cid, text in zip(head[schema.COMMENT_ID].astype(str), texts)]
    return out


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


# ---------------------------------------------------------------------------- loading


def load_review(path: Path) -> Review:
    """Parse and check a review file; mistakes are ConfigErrors naming the file and line."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"Review file {path} does not exist. Run consultnlp analyze first; it writes topics_review.yaml.")
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}".replace("\n", " ")) from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must be a mapping with a 'topics:' list, as written by consultnlp analyze.")
    try:
        review = Review.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = [p for p in first["loc"]]
        line = _line_of(root, loc)
        where = f"{path} line {line}" if line else str(path)
        field = ".".join(str(p) for p in loc)
        if first["type"] == "extra_forbidden":
            entry = GroupEdit if loc[0] == "groups" else TopicEdit
            valid = ", ".join(entry.model_fields if len(loc) > 1 else Review.model_fields)
            raise ConfigError(f"{where}: unknown key '{loc[-1]}'. Valid keys: {valid}.") from None
        raise ConfigError(f"{where}: invalid value for '{field}': {first['msg']} (got {first.get('input')!r}).") from None
    review._source = str(path)
    review._lines = _entry_lines(root)
    review._group_lines = _entry_lines(root, "groups")
    _check_structure(review)
    check_group_structure(review)
    return review


def _line_of(node: Any, loc: list[Any]) -> int | None:
    """1-based line of the YAML node at pydantic location ``loc`` (the deepest one that exists)."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:
                child = next((k for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


def _entry_lines(root: Any, key: str = "topics") -> dict[int, int]:
    if not isinstance(root, yaml.MappingNode):
        return {}
    topics = next((v for k, v in root.value if k.value == key), None)
    if not isinstance(topics, yaml.SequenceNode):
        return {}
    return {i: item.start_mark.line + 1 for i, item in enumerate(topics.value)}


def _check_structure(review: Review) -> None:
    seen: dict[int, int] = {}
    split_ids: dict[str, int] = {}
    for pos, edit in enumerate(review.topics):
        where = review.where(pos)
        if edit.id in seen:
            raise ConfigError(f"{where}: topic {edit.id} is listed twice (also at {review.where(seen[edit.id])}); keep one entry.")
        seen[edit.id] = pos
        if edit.id == schema.OUTLIER_TOPIC and (edit.merge_into is not None or edit.hide):
            raise ConfigError(f"{where}: topic -1 (no clear topic) cannot be merged or hidden; only split_off applies to it.")
        if edit.merge_into is not None and edit.hide:
            raise ConfigError(f"{where}: topic {edit.id} has both merge_into and hide: true; choose one.")
        if edit.merge_into == edit.id:
            raise ConfigError(f"{where}: topic {edit.id} cannot merge into itself; set merge_into: null.")
        if edit.split_label is not None and not edit.split_off:
            raise ConfigError(f"{where}: topic {edit.id} has split_label but no split_off comment ids.")
        for cid in edit.split_off:
            if cid in split_ids:
                raise ConfigError(f"{where}: comment {cid} is split off twice (also in topic {split_ids[cid]}).")
            split_ids[cid] = edit.id


# ---------------------------------------------------------------------------- applying


def apply_review(frame: pd.DataFrame, topic_info: pd.DataFrame, review: Review) -> tuple[pd.DataFrame, pd.DataFrame, list[dict[str, Any]]]:
    """Apply ``review``: return the comment frame (``topic_id``/``topic_label`` updated), topic_info, and the audit trail.

    ``frame`` may be indexed by ``comment_id`` or hold it as a column; it is not
    modified. ``topic_info`` needs ``topic_id`` and ``label``; size columns it
    has (``unique_comments``, ``contributions``, ``share``) are recounted, and a
    ``merged_from`` column lists the topics merged into each one. Everything is
    checked against the data before anything changes.
    """
    out = frame.copy()
    ids = _comment_ids(out)
    info = topic_info.copy().reset_index(drop=True)
    known = set(info["topic_id"].astype(int).tolist())
    _check_against_data(review, out, ids, known)
    if "merged_from" not in info:
        info["merged_from"] = [[] for _ in range(len(info))]
    audit: list[dict[str, Any]] = []
    outlier_label = _outlier_label(info)

    next_id = max([t for t in known if t >= 0], default=-1) + 1
    for edit in review.topics:
        if not edit.split_off:
            continue
        rows = _split_rows(out, ids, edit)
        target = schema.OUTLIER_TOPIC if edit.split_label is None else next_id
        if edit.split_label is not None:
            next_id += 1
            info = pd.concat([info, _new_topic_row(info, target, edit.split_label)], ignore_index=True)
        out.loc[rows, schema.TOPIC_ID] = target
        out.loc[rows, schema.TOPIC_LABEL] = edit.split_label if edit.split_label is not None else outlier_label
        audit.append(
            {
                "action": "split_off",
                "topic_id": edit.id,
                "new_topic_id": target,
                "label": edit.split_label,
                "comment_ids": list(edit.split_off),
                "rows": int(rows.sum()),
            }
        )

    targets = _resolve_merges(review)
    for source, target in targets.items():
        rows = (out[schema.TOPIC_ID] == source).fillna(False).to_numpy()
        target_label = str(info.loc[info["topic_id"] == target, "label"].iloc[0])
        out.loc[rows, schema.TOPIC_ID] = target
        out.loc[rows, schema.TOPIC_LABEL] = target_label
        t_idx = info.index[info["topic_id"] == target][0]
        s_idx = info.index[info["topic_id"] == source][0]
        info.at[t_idx, "merged_from"] = sorted([*info.at[t_idx, "merged_from"], source, *info.at[s_idx, "merged_from"]])
        info = info.drop(index=s_idx)
        audit.append({"action": "merge", "topic_id": source, "into": target, "rows": int(rows.sum())})

    for edit in review.topics:
        if not edit.hide:
            continue
        rows = (out[schema.TOPIC_ID] == edit.id).fillna(False).to_numpy()
        out.loc[rows, schema.TOPIC_ID] = schema.OUTLIER_TOPIC
        out.loc[rows, schema.TOPIC_LABEL] = outlier_label
        info = info[info["topic_id"] != edit.id]
        audit.append({"action": "hide", "topic_id": edit.id, "rows": int(rows.sum())})

    for edit in review.topics:
        current = info.loc[info["topic_id"] == edit.id, "label"]
        if edit.label is None or current.empty or edit.label == str(current.iloc[0]) or edit.merge_into is not None or edit.hide:
            continue
        rows = (out[schema.TOPIC_ID] == edit.id).fillna(False).to_numpy()
        info.loc[info["topic_id"] == edit.id, "label"] = edit.label
        out.loc[rows, schema.TOPIC_LABEL] = edit.label
        audit.append({"action": "rename", "topic_id": edit.id, "from": str(current.iloc[0]), "to": edit.label})

    if schema.OUTLIER_TOPIC not in set(info["topic_id"].tolist()) and (out[schema.TOPIC_ID] == schema.OUTLIER_TOPIC).any():
        info = pd.concat([info, _new_topic_row(info, schema.OUTLIER_TOPIC, outlier_label)], ignore_index=True)
    out[schema.TOPIC_ID] = out[schema.TOPIC_ID].astype("Int64")
    info = _recount(info.reset_index(drop=True), out)
    return out, info, audit


def _comment_ids(frame: pd.DataFrame) -> pd.Series:
    if schema.COMMENT_ID in frame.columns:
        return frame[schema.COMMENT_ID].astype(str)
    return pd.Series(frame.index.astype(str), index=frame.index)


def _outlier_label(info: pd.DataFrame) -> str:
    rows = info.loc[info["topic_id"] == schema.OUTLIER_TOPIC, "label"]
    return str(rows.iloc[0]) if not rows.empty else OUTLIER_LABEL


def _check_against_data(review: Review, frame: pd.DataFrame, ids: pd.Series, known: set[int]) -> None:
    valid = ", ".join(str(t) for t in sorted(known))
    by_id = pd.Series(frame[schema.TOPIC_ID].to_numpy(), index=ids.to_numpy())
    hidden = {e.id for e in review.topics if e.hide}
    for pos, edit in enumerate(review.topics):
        where = review.where(pos)
        if edit.id not in known:
            raise ConfigError(
                f"{where}: there is no topic {edit.id} in this analysis (topics: {valid}). Was the review written for another run?"
            )
        if edit.merge_into is not None:
            if edit.merge_into not in known or edit.merge_into == schema.OUTLIER_TOPIC:
                raise ConfigError(f"{where}: topic {edit.id} merge_into {edit.merge_into}: no such topic (topics: {valid}).")
            if edit.merge_into in hidden:
                raise ConfigError(
                    f"{where}: topic {edit.id} merges into topic {edit.merge_into}, which is hidden; hide topic {edit.id} too, or merge it elsewhere."
                )
        for cid in edit.split_off:
            if cid not in by_id.index:
                raise ConfigError(f"{where}: split_off names comment {cid!r}, which is not in this analysis.")
            current = by_id.loc[[cid]].iloc[0]
            if pd.isna(current) or int(current) != edit.id:
                now = "no topic (excluded)" if pd.isna(current) else f"topic {int(current)}"
                raise ConfigError(f"{where}: split_off names comment {cid!r}, which is in {now}, not topic {edit.id}.")
    _resolve_merges(review)


def _resolve_merges(review: Review) -> dict[int, int]:
    """Source topic -> final target, following chains (3 -> 5 -> 8 gives 3 -> 8); a cycle is an error."""
    direct = {e.id: e.merge_into for e in review.topics if e.merge_into is not None}
    final: dict[int, int] = {}
    for source in direct:
        seen = [source]
        target = direct[source]
        while target in direct:
            if target in seen:
                cycle = " -> ".join(str(t) for t in [*seen, target])
                raise ConfigError(f"{review._source}: merge_into forms a cycle ({cycle}); one of these topics must keep merge_into: null.")
            seen.append(target)
            target = direct[target]
        final[source] = target
    return final


def _split_rows(frame: pd.DataFrame, ids: pd.Series, edit: TopicEdit) -> np.ndarray:
    rows = ids.isin(edit.split_off).to_numpy()
    if schema.DUP_GROUP in frame.columns:
        # Duplicates were analysed once: the copies of a split comment follow it.
        groups = set(frame.loc[rows, schema.DUP_GROUP].dropna().tolist())
        rows |= frame[schema.DUP_GROUP].isin(groups).to_numpy() & (frame[schema.TOPIC_ID] == edit.id).fillna(False).to_numpy()
    return rows


def _new_topic_row(info: pd.DataFrame, topic: int, label: str) -> pd.DataFrame:
    row: dict[str, Any] = {}
    for col in info.columns:
        sample = info[col].iloc[0] if len(info) else None
        row[col] = [] if isinstance(sample, (list, np.ndarray)) else ({} if isinstance(sample, dict) else None)
    row.update({"topic_id": topic, "label": label, "merged_from": []})
    return pd.DataFrame([row])


def _recount(info: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    analysed = frame[frame[schema.TOPIC_ID].notna()]
    if schema.EXCLUDED in analysed:
        analysed = analysed[analysed[schema.EXCLUDED].fillna("") == ""]
    topics = analysed[schema.TOPIC_ID].astype(int)
    if "contributions" in info:
        info["contributions"] = info["topic_id"].map(topics.value_counts()).fillna(0).astype("int64")
    if "share" in info:
        info["share"] = info["topic_id"].map(topics.value_counts(normalize=True)).fillna(0.0)
    if "unique_comments" in info:
        unique = analysed[analysed[schema.DUP_REPRESENTATIVE].astype(bool)] if schema.DUP_REPRESENTATIVE in analysed else analysed
        info["unique_comments"] = info["topic_id"].map(unique[schema.TOPIC_ID].astype(int).value_counts()).fillna(0).astype("int64")
    return info
