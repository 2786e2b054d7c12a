"""Key points within one prompt: a point's members answer the same concept, proposal or question, and the point names it.

«Deben ser vinculantes» says nothing until the reader sees that it answers «Plebiscitos,
referendos y consultas». When the contributions have a prompt (``context``), each group
handed to ``summary.keypoints.key_points`` is split by prompt before clustering, so no
point mixes prompts, and each point then carries its prompt in a ``prompt`` column. The
points of one group are ranked again across its prompts, largest first.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from consultnlp import schema

PROMPT_MARK = "\x1f"  # between a group's id and the prompt its part answers, while key points are found
PROMPT = "prompt"


def prompts_of(units: pd.DataFrame) -> np.ndarray | None:
    """Each unit's prompt, or None when no unit has one."""
    if schema.CONTEXT not in units:
        return None
    prompts = units[schema.CONTEXT].fillna("").astype(str).to_numpy(dtype=object)
    return prompts if (prompts != "").any() else None


def by_prompt(groups: dict[tuple[str, str], np.ndarray], prompts: np.ndarray | None) -> dict[tuple[str, str], np.ndarray]:
    """``groups`` (``(scope, group id)`` -> unit rows) with each group split by its members' prompt (``prompts``: each
    unit's, from ``prompts_of``), a group's largest part first (``summary.keypoints.key_points`` then leaves unclustered
    a part with fewer contributions than the group's last cluster to try).

    A part's id is ``<group id>\\x1f<prompt>``; ``with_prompts`` turns it back into the group id and a prompt.
    Without prompts, ``groups`` as given."""
    if prompts is None:
        return groups
    parts: dict[tuple[str, str], np.ndarray] = {}
    for (scope, group), members in groups.items():
        members = np.asarray(members, dtype=np.int64)
        values = prompts[members]
        names, counts = np.unique(values.astype(str), return_counts=True)
        for prompt in names[np.lexsort((names, -counts))].tolist():
            parts[(scope, f"{group}{PROMPT_MARK}{prompt}")] = members[values == prompt]
    return parts


def whole_group(group: str) -> str:
    """The group a ``by_prompt`` part belongs to (the group itself when it is not a part)."""
    return str(group).partition(PROMPT_MARK)[0]


def with_prompts(points: pd.DataFrame, per_group: int) -> pd.DataFrame:
    """Key points found on ``by_prompt`` parts, back under their group with a ``prompt`` column ("" = none), ranked
    again within each group (most contributions first) and cut to ``per_group``."""
    points = points.copy()
    if points.empty:
        points[PROMPT] = pd.Series(dtype=object)
        return points
    ids = points["group_id"].astype(str)
    split = ids.str.partition(PROMPT_MARK)
    points["group_id"] = split[0].to_numpy(dtype=object)
    points[PROMPT] = split[2].to_numpy(dtype=object)
    if not ids.str.contains(PROMPT_MARK, regex=False).any():
        return points
    order = ["contributions", "unique_contributions"]
    points["_order"] = np.arange(len(points))
    points = points.sort_values(["scope", "group_id", *order, "_order"], ascending=[True, True, False, False, True], kind="stable")
    points["rank"] = points.groupby(["scope", "group_id"], sort=False).cumcount() + 1
    points = points[points["rank"] <= per_group].sort_values("_order", kind="stable")
    # Back to the order key points were found in (groups in their order), each group's points by rank.
    first = points.groupby(["scope", "group_id"], sort=False)["_order"].transform("min")
    points = points.assign(_first=first).sort_values(["_first", "rank"], kind="stable")
    return points.drop(columns=["_order", "_first"]).reset_index(drop=True)
