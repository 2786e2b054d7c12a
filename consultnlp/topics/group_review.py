"""The ``groups:`` part of the topic review file: an analyst renames a headline group or moves a topic to another.

``topics_review.yaml`` lists every headline group with its id, its label and the
topics it holds. Editing ``label`` renames the group (in every report language);
listing a topic under another group's ``topics`` moves it there. Group moves are
applied to the topics as fitted, before the topic edits, so a topic merged into
another later takes the group of the topic it joined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from consultnlp import schema
from consultnlp.errors import ConfigError

if TYPE_CHECKING:
    from consultnlp.topics.review import Review

GROUP_HEADER = """\
# Headline groups (groups:), after the topics. For each group you may change:
#   label: "new name"          rename the group
#   topics: [3, 8]             the topics it holds: list a topic under another group to move it there
# A topic listed under no group stays where it is; a group left with no topics disappears.
# (A topic's own "group:" above only shows where it is; moves are made here.)
"""


class GroupEdit(BaseModel):
    """One headline group's entry in the review file."""

    model_config = ConfigDict(extra="forbid")

    id: int
    label: str | None = None
    size: int | None = None
    topics: list[int] = Field(default_factory=list)

    @field_validator("label")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank; leave the key out (or null) to keep the current name")
        return value.strip() if value is not None else None


def group_template_lines(groups: pd.DataFrame | None, dump: Any) -> list[str]:
    """The ``groups:`` block of the review file (empty when the analysis has no headline groups)."""
    if groups is None or groups.empty or "group_id" not in groups:
        return []
    lines = ["groups:"]
    for _, row in groups.sort_values("group_id", kind="stable").iterrows():
        group = int(row["group_id"])
        if group < 0:
            continue
        topics = sorted(int(t) for t in _as_list(row.get("topic_ids")))
        lines += [
            f"  - id: {group}",
            f"    label: {dump(str(row['label']))}",
            *([f"    size: {int(row['unique_comments'])}"] if pd.notna(row.get("unique_comments")) else []),
            f"    topics: {dump(topics)}",
        ]
    return lines


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple, np.ndarray)):
        return list(value)
    return []


def check_group_structure(review: Review) -> None:
    """Mistakes visible in the file alone: a group listed twice, a topic listed under two groups, topic -1."""
    seen: dict[int, int] = {}
    holder: dict[int, int] = {}
    for pos, edit in enumerate(review.groups):
        where = review.group_where(pos)
        if edit.id in seen:
            raise ConfigError(f"{where}: group {edit.id} is listed twice (also at {review.group_where(seen[edit.id])}); keep one entry.")
        seen[edit.id] = pos
        for topic in edit.topics:
            if topic == schema.OUTLIER_TOPIC:
                raise ConfigError(f"{where}: group {edit.id} lists topic -1 (no clear topic), which belongs to no group; remove it.")
            if topic in holder and holder[topic] != edit.id:
                raise ConfigError(
                    f"{where}: topic {topic} is listed under groups {holder[topic]} and {edit.id}; "
                    f"list it under the one group it belongs to."
                )
            holder[topic] = edit.id


def apply_group_review(
    topic_info: pd.DataFrame, groups: pd.DataFrame | None, review: Review
) -> tuple[pd.DataFrame, pd.DataFrame | None, list[dict[str, Any]]]:
    """Apply the review's ``groups:`` to the topics as fitted: (topic_info with ``group_id`` moved, the groups table
    with renamed labels in ``custom_label`` and recounted topics, the audit trail). Nothing is modified in place."""
    if not review.groups:
        return topic_info, groups, []
    if groups is None or "group_id" not in topic_info:
        raise ConfigError(f"{review._source}: this analysis has no headline groups; remove the 'groups:' list.")
    info, table = topic_info.copy(), groups.copy().reset_index(drop=True)
    current = {int(t): int(g) for t, g in zip(info["topic_id"], info["group_id"]) if pd.notna(g)}
    known = sorted(int(g) for g in table["group_id"] if int(g) >= 0)
    topics = sorted(t for t in current if t >= 0)
    audit: list[dict[str, Any]] = []
    for pos, edit in enumerate(review.groups):
        where = review.group_where(pos)
        if edit.id not in known:
            raise ConfigError(
                f"{where}: there is no group {edit.id} in this analysis (groups: {', '.join(map(str, known))}). "
                f"Keep the ids analyze wrote; to move a topic, list it under an existing group."
            )
        for topic in edit.topics:
            if topic not in current:
                raise ConfigError(
                    f"{where}: group {edit.id} lists topic {topic}, which is not in this analysis "
                    f"(topics: {', '.join(map(str, topics))}); remove it."
                )
    for edit in review.groups:
        for topic in edit.topics:
            if current[topic] != edit.id:
                audit.append({"action": "group_move", "topic_id": topic, "from_group": current[topic], "to_group": edit.id})
                current[topic] = edit.id
    info["group_id"] = [current.get(int(t), g) for t, g in zip(info["topic_id"], info["group_id"])]
    if "custom_label" not in table:
        table["custom_label"] = ""
    for edit in review.groups:
        row = table.index[table["group_id"] == edit.id][0]
        shown = str(table.at[row, "label"])
        if edit.label is not None and edit.label != shown:
            table.at[row, "custom_label"] = edit.label
            table.at[row, "label"] = edit.label
            audit.append({"action": "group_rename", "group_id": edit.id, "from": shown, "to": edit.label})
    held = {g: sorted(t for t, h in current.items() if h == g and t >= 0) for g in known}
    table["topic_ids"] = [held.get(int(g), _as_list(ids)) for g, ids in zip(table["group_id"], table["topic_ids"])]
    if "unique_comments" in table and "unique_comments" in info:
        sizes = dict(zip(info["topic_id"].astype(int), info["unique_comments"]))
        table["unique_comments"] = [
            int(sum(sizes.get(t, 0) for t in ids)) if int(g) >= 0 else n
            for g, ids, n in zip(table["group_id"], table["topic_ids"], table["unique_comments"])
        ]
    emptied = table["group_id"].isin([g for g, ids in held.items() if not ids])
    return info, table[~emptied].reset_index(drop=True), audit
