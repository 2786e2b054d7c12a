"""Key points within one prompt: no point mixes contributions that answer different prompts, and each names its prompt."""

from __future__ import annotations

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.embedders.base import l2_normalise
from consultnlp.summary.keypoints import KeyPointInputs, key_points
from consultnlp.summary.prompt_points import NEAR_PROMPT, by_prompt, prompts_of, restates_prompt, with_prompts

PROMPTS = ["Plebiscitos, referendos y consultas", "Asamblea constituyente"]


def _units(sizes: list[tuple[str, int]] = ((PROMPTS[0], 9), (PROMPTS[1], 7))) -> tuple[pd.DataFrame, KeyPointInputs]:
    """One subject where both prompts get the same demand ("deben ser vinculantes"): without prompts it is one point."""
    rng = np.random.default_rng(0)
    direction = l2_normalise(rng.normal(size=(1, 16)))[0]
    texts, prompts, vectors = [], [], []
    for prompt, n in sizes:
        for i in range(n):
            texts.append(f"Los plebiscitos deben ser vinculantes para todas las autoridades, caso {prompt[:5]} {i}.")
            prompts.append(prompt)
            vectors.append(direction + 0.1 * rng.normal(size=16))
    ids = pd.Index([f"c{i:02d}" for i in range(len(texts))], name=schema.COMMENT_ID)
    units = pd.DataFrame({schema.CONTEXT: prompts, schema.TOPIC_GROUP_ID: 0}, index=ids)
    return units, KeyPointInputs(ids, texts, np.ones(len(texts)), l2_normalise(np.vstack(vectors)))


def _encode(sentences: list[str]) -> np.ndarray:
    return l2_normalise(np.ones((len(sentences), 16)))


def test_prompt_points_never_mix_prompts_and_name_theirs():
    units, inputs = _units()
    groups = {("group", "0"): np.arange(len(units))}
    mixed = key_points(inputs, groups, _encode, min_support=3)
    assert mixed["unique_contributions"].tolist() == [16]  # the failure: one point over both prompts
    table = with_prompts(key_points(inputs, by_prompt(groups, prompts_of(units)), _encode, min_support=3), 5)
    assert table[["group_id", "rank", "prompt", "unique_contributions"]].values.tolist() == [
        ["0", 1, PROMPTS[0], 9],
        ["0", 2, PROMPTS[1], 7],
    ]
    prompt_of = units[schema.CONTEXT]
    for _, point in table.iterrows():
        assert set(prompt_of.loc[point["comment_ids"].split(";")]) == {point["prompt"]}
        assert prompt_of.loc[point["comment_id"]] == point["prompt"]


def test_prompt_points_ranked_again_across_prompts_and_cut_per_group():
    # Eight prompts of falling size, two points kept per group: the largest parts' points, ranked 1 and 2 in each group.
    sizes = [(f"Concepto {k}", n) for k, n in enumerate([12, 3, 10, 4, 8, 5, 3, 6])]
    units, inputs = _units(sizes)
    groups = {("group", "0"): np.arange(len(units)), ("theme", "participacion"): np.arange(0, len(units), 2)}
    parts = by_prompt(groups, prompts_of(units))
    assert len(parts) == 16 and all(len(set(units[schema.CONTEXT].iloc[m])) == 1 for m in parts.values())
    table = with_prompts(key_points(inputs, parts, _encode, per_group=2, min_support=3), 2)
    # The theme's contributions make the group's points (the same sentence pattern): under the same prompts, they are
    # not stated again (they were the group's points twice, each count split in two).
    assert table[["scope", "group_id", "rank", "prompt", "contributions"]].values.tolist() == [
        ["group", "0", 1, "Concepto 0", 12],
        ["group", "0", 2, "Concepto 2", 10],
    ]


def test_prompt_points_without_prompts_leave_groups_whole():
    units, inputs = _units()
    units[schema.CONTEXT] = ""
    groups = {("group", "0"): np.arange(len(units))}
    assert by_prompt(groups, prompts_of(units)) is groups
    table = with_prompts(key_points(inputs, groups, _encode, min_support=3), 5)
    assert table["prompt"].tolist() == [""] and table["unique_contributions"].tolist() == [16]


def test_prompt_points_try_the_largest_clusters_of_all_a_groups_prompts_together(monkeypatch):
    # The same eight prompts, one cluster each. One point asked for: the group tries its CLUSTERS_TRIED (4) largest
    # clusters whatever prompt they answer, as a group without prompts would, not 4 clusters in each of 8 prompts.
    import consultnlp.summary.keypoints as kp

    sizes = [(f"Concepto {k}", n) for k, n in enumerate([12, 3, 10, 4, 8, 5, 3, 6])]
    units, inputs = _units(sizes)
    parts = by_prompt({("group", "0"): np.arange(len(units))}, prompts_of(units))
    assert [len(m) for m in parts.values()] == [12, 10, 8, 6, 5, 4, 3, 3]  # largest part first
    searched = []
    search = kp._group_points

    def spy(table, by_owner, inputs, part, clusters, *args, **kwargs):
        searched.append((len(part.members), len(clusters)))
        return search(table, by_owner, inputs, part, clusters, *args, **kwargs)

    monkeypatch.setattr(kp, "_group_points", spy)
    clustered = []
    cluster = kp._part
    monkeypatch.setattr(kp, "_part", lambda inputs, members, **kwargs: clustered.append(len(members)) or cluster(inputs, members, **kwargs))
    table = with_prompts(key_points(inputs, parts, _encode, per_group=1, min_support=3), 1)
    assert searched == [(12, 1), (10, 1), (8, 1), (6, 1)]
    # Once four clusters are found, a part of fewer contributions than the fourth (6) is not even clustered.
    assert clustered == [12, 10, 8, 6]
    assert table[["rank", "prompt", "contributions"]].values.tolist() == [[1, "Concepto 0", 12]]


def test_prompt_points_parts_are_clustered_on_their_share_of_one_groups_sample(monkeypatch):
    # A group of 51 contributions over eight prompts, with a cluster sample of 20: each part is clustered on its share
    # of the 20 (at least PART_SAMPLE, here 3), so the parts together cost what the whole group would.
    import consultnlp.summary.keypoints as kp

    monkeypatch.setattr(kp, "CLUSTER_SAMPLE", 20)
    monkeypatch.setattr(kp, "PART_SAMPLE", 3)
    sizes = [(f"Concepto {k}", n) for k, n in enumerate([12, 3, 10, 4, 8, 5, 3, 6])]
    units, inputs = _units(sizes)
    parts = by_prompt({("group", "0"): np.arange(len(units))}, prompts_of(units))
    samples = []
    cluster = kp.cluster_points
    monkeypatch.setattr(kp, "cluster_points", lambda vectors, seed, size: samples.append(size) or cluster(vectors, seed, size))
    key_points(inputs, parts, _encode, per_group=2, min_support=3)
    assert samples == [5, 4, 4, 3, 3, 3, 3, 3]  # ceil(20 * n / 51), at least 3
    whole = []
    monkeypatch.setattr(kp, "cluster_points", lambda vectors, seed, size: whole.append(size) or cluster(vectors, seed, size))
    key_points(inputs, {("group", "0"): np.arange(len(units))}, _encode, per_group=2, min_support=3)
    assert whole == [20]


def test_prompt_points_never_state_a_sentence_that_only_restates_the_prompt():
    # Read 13 (ArgKP as a consultation): «we should not adopt an austerity regime» answering "We should adopt an
    # austerity regime" was quoted for four contributions whose reasons all differed; it is a side, not a point.
    prompt = "We should adopt an austerity regime"
    assert restates_prompt("We should not adopt an austerity regime.", prompt)
    assert restates_prompt("I support austerity.", prompt) is False  # "support" is more than the prompt says
    assert not restates_prompt("Austerity would cut the national debt.", prompt) and not restates_prompt("Anything at all.", "")
    # Read 38 (Chile): «los derechos humanos son lo fundamental» answering «… derechos humanos y fundamentales»; a copula
    # ("son", "são", "are") adds nothing to the prompt's words.
    rights = "Protección, promoción y respeto de los derechos humanos y fundamentales"
    assert restates_prompt("los derechos humanos son lo fundamental.", rights)
    assert not restates_prompt("Los derechos humanos son la base de la convivencia.", rights)
    # Read 40: the prompt's words derived or inflected («proteger» / «protección», "abolished" / "abolition") ...
    assert restates_prompt("Se debe proteger, promocionar y respetar los derechos humanos.", rights)
    weapons = "We should fight for the abolition of nuclear weapons"
    assert restates_prompt("Nuclear weapons must be abolished.", weapons)
    # ... and one word added by a sentence that embeds as close to its prompt as a paraphrase.
    nature = "Deberes de protección de conservación de la naturaleza"
    assert restates_prompt("Cuidar y proteger la naturaleza", nature, closeness=NEAR_PROMPT + 0.1)
    assert not restates_prompt("Cuidar y proteger la naturaleza", nature, closeness=NEAR_PROMPT - 0.1)
    assert not restates_prompt("Cuidar la naturaleza y reciclar la basura", nature, closeness=NEAR_PROMPT + 0.1)  # two words
    rng = np.random.default_rng(1)
    direction = l2_normalise(rng.normal(size=(1, 16)))[0]
    texts = [f"We should not adopt an austerity regime. Austerity would cut the pensions of the poor, case {i}." for i in range(6)]
    ids = pd.Index([f"c{i:02d}" for i in range(len(texts))], name=schema.COMMENT_ID)
    units = pd.DataFrame({schema.CONTEXT: prompt, schema.TOPIC_GROUP_ID: 0}, index=ids)
    vectors = l2_normalise(np.vstack([direction + 0.05 * rng.normal(size=16) for _ in texts]))
    inputs = KeyPointInputs(ids, texts, np.ones(len(texts)), vectors, prompts=units[schema.CONTEXT].to_numpy(dtype=object))
    table = with_prompts(
        key_points(inputs, by_prompt({("group", "0"): np.arange(len(texts))}, prompts_of(units)), _encode, min_support=3), 5
    )
    assert len(table) == 1 and table.loc[0, "statement"].startswith("Austerity would cut the pensions"), table
    # Without the prompts known, the side itself would be the statement (the failure).
    bare = KeyPointInputs(ids, texts, np.ones(len(texts)), vectors)
    assert key_points(bare, {("group", "0"): np.arange(len(texts))}, _encode, min_support=3).loc[0, "statement"].startswith("We should not")


def test_prompt_points_a_sentence_that_restates_its_prompt_counts_for_no_point():
    # Read 41 (Chile): «… Promover y respetar los derechos humanos, dando garantías de protección» was counted for 15
    # contributions, most of which only named their prompt («Deber de protección, promoción y respeto a los derechos
    # humanos fundamentales»): they take the prompt's side, they do not say what the statement adds.
    prompt = "Protección, promoción y respeto de los derechos humanos"
    says = [
        f"El Estado debe dar garantías reales de protección y respeto a los derechos humanos de las víctimas, caso {i}." for i in range(4)
    ]
    names = ["Protección, promoción y respeto de los derechos humanos."] * 2 + ["Deber de protección y respeto a los derechos humanos."]
    texts = says + names
    ids = pd.Index([f"c{i:02d}" for i in range(len(texts))], name=schema.COMMENT_ID)
    units = pd.DataFrame({schema.CONTEXT: prompt, schema.TOPIC_GROUP_ID: 0}, index=ids)
    rng = np.random.default_rng(2)
    direction = l2_normalise(rng.normal(size=(1, 16)))[0]
    vectors = l2_normalise(np.vstack([direction + 0.05 * rng.normal(size=16) for _ in texts]))
    inputs = KeyPointInputs(ids, texts, np.ones(len(texts)), vectors, prompts=units[schema.CONTEXT].to_numpy(dtype=object))
    groups = by_prompt({("group", "0"): np.arange(len(texts))}, prompts_of(units))
    table = key_points(inputs, groups, _encode, min_support=3)
    assert len(table) == 1 and table.loc[0, "statement"].startswith("El Estado debe dar garantías")
    assert sorted(table.loc[0, "comment_ids"].split(";")) == ["c00", "c01", "c02", "c03"]
