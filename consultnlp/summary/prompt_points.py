"""Key points within one prompt: a point's members answer the same concept, proposal or question, and the point names it.

«Deben ser vinculantes» says nothing until the reader sees that it answers «Plebiscitos,
referendos y consultas». When the contributions have a prompt (``context``), each group
handed to ``summary.keypoints.key_points`` is split by prompt before clustering, so no
point mixes prompts, and each point then carries its prompt in a ``prompt`` column. The
points of one group are ranked again across its prompts, largest first. A sentence that only
restates its prompt («Se debe proteger … los derechos humanos», answering «Protección … de los
derechos humanos») states no point and counts for none (``restates_prompt``, ``restating``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.embedders.base import l2_normalise
from consultnlp.frame import analysed_mask
from consultnlp.summary.matching import SentenceTable, content_stems

PROMPT_MARK = "\x1f"  # between a group's id and the prompt its part answers, while key points are found
PROMPT = "prompt"
# A statement's word is its prompt's when they share this many first letters: an inflection or a derivation of it
# («proteger» / «protección», "abolished" / "abolition"), where the matcher's stems keep six (``matching.STEM_CHARS``).
PROMPT_STEM_CHARS = 5
# A statement that adds one word to its prompt restates it when it embeds at least this close to it (USE cosine; read
# 40: «Cuidar y proteger la naturaleza» 0.76 and "all nuclear weapons should be abolished" 0.75 to their prompts, while
# the statements read as points added a word at 0.62 and below).
NEAR_PROMPT = 0.65


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


def part_prompt(group: str) -> str:
    """The prompt a ``by_prompt`` part answers ("" when it is a whole group)."""
    return str(group).partition(PROMPT_MARK)[2]


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


def restates_prompt(sentence: str, prompt: str, closeness: float = 0.0) -> bool:
    """Whether ``sentence`` says nothing its prompt does not: every content word of it is one of the prompt's, inflected
    or derived ("we should not adopt an austerity regime", answering "We should adopt an austerity regime"; «Se debe
    proteger, promocionar y respetar los derechos humanos», answering «Protección, promoción y respeto de los derechos
    humanos»), or it adds one word and embeds as close to the prompt as a paraphrase (``closeness``, the cosine of the
    two: «Cuidar y proteger la naturaleza», answering «Deberes de protección de conservación de la naturaleza»). That is
    a side taken, not a point: the positions count it, and its reason, if any, is in another sentence (reads 13, 40)."""
    if not prompt:
        return False
    added = _prefixes(content_stems(sentence) - _copula_stems()) - _prefixes(_prompt_stems(prompt))
    return not added or (len(added) == 1 and closeness >= NEAR_PROMPT)


def _prefixes(stems: set[str] | frozenset[str]) -> set[str]:
    return {stem[:PROMPT_STEM_CHARS] for stem in stems}


@lru_cache(maxsize=1)
def _copula_stems() -> frozenset[str]:
    """«son», «são», «are»: a copula adds nothing to what the prompt says («los derechos humanos son lo fundamental»)."""
    from consultnlp.lemmas import copulas

    return frozenset(content_stems(" ".join(copulas())))


@lru_cache(maxsize=4096)
def _prompt_stems(prompt: str) -> frozenset[str]:
    return frozenset(content_stems(prompt))


def restating(table: SentenceTable, prompts: np.ndarray | None, encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """Per sentence of ``table``: whether it restates the prompt its contribution answers (``restates_prompt``; ``prompts``
    per unit row, the prompts embedded with ``encode``). Such a sentence states no point, and counts for none: «Deber de
    protección, promoción y respeto a los derechos humanos fundamentales» does not say «… dando garantías de protección»
    (read 41)."""
    out = np.zeros(len(table.texts), dtype=bool)
    if prompts is None or not len(table.texts):
        return out
    prompt_of = np.asarray(prompts, dtype=object)[table.owner].astype(str)
    vectors = _prompt_unit_vectors(prompt_of, encode)
    for prompt, vector in vectors.items():
        where = np.flatnonzero(prompt_of == prompt)
        closeness = table.vectors[where] @ vector
        out[where] = [restates_prompt(table.texts[i], prompt, float(c)) for i, c in zip(where.tolist(), closeness.tolist())]
    return out


def _prompt_unit_vectors(prompts: np.ndarray, encode: Callable[[list[str]], np.ndarray]) -> dict[str, np.ndarray]:
    """The unit vector of each distinct prompt ("" = none is left out)."""
    distinct = sorted({str(p) for p in prompts if str(p)})
    return dict(zip(distinct, l2_normalise(np.asarray(encode(distinct), dtype=np.float32)))) if distinct else {}


# A subject is its prompt when nearly all of it answers one prompt and it holds most of that prompt's answers: claim check
# 62 (ArgKP dev, four motions) read "a subject of mixed points (words of “Minorities” in 46 of 226)" for the 224 arguments
# about ending affirmative action (195 say "affirmative"): its name had avoided the motion's words.
PROMPT_SUBJECT_SHARE = 0.9
PROMPT_HELD_SHARE = 0.5


def prompt_named_groups(names: dict[int, str], frame: pd.DataFrame, topic_groups: pd.DataFrame | None) -> dict[int, str]:
    """``names`` (headline group id -> name) with the prompt as the name of each group that is one prompt (above), where
    the rows answer two prompts or more and no reviewer named the group (``custom_label``)."""
    if schema.CONTEXT not in frame or schema.TOPIC_GROUP_ID not in frame:
        return names
    rows = frame.loc[analysed_mask(frame)] if schema.EXCLUDED in frame else frame
    prompts = rows[schema.CONTEXT].fillna("").astype(str)
    if prompts[prompts != ""].nunique() < 2:
        return names
    groups = rows[schema.TOPIC_GROUP_ID].astype("Int64").fillna(schema.OUTLIER_TOPIC).astype(int)
    custom = {}
    if topic_groups is not None and "custom_label" in topic_groups:
        custom = {int(g): str(c) for g, c in zip(topic_groups["group_id"], topic_groups["custom_label"]) if isinstance(c, str) and c}
    per_prompt = prompts.value_counts()
    out = dict(names)
    for group, part in prompts.groupby(groups):
        if group < 0 or group in custom or not len(part):
            continue
        top = part.value_counts()
        prompt, n = str(top.index[0]), int(top.iloc[0])
        if prompt and n >= PROMPT_SUBJECT_SHARE * len(part) and n >= PROMPT_HELD_SHARE * int(per_prompt[prompt]):
            out[int(group)] = prompt
    return out
