"""The topic review file: written by analyze, edited by an analyst, applied by consultnlp report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from consultnlp import schema
from consultnlp.errors import ConfigError
from consultnlp.topics.group_review import apply_group_review
from consultnlp.topics.review import apply_review, load_review, write_review_template


def _frame() -> pd.DataFrame:
    """12 comments: topics 0 (5), 1 (3), 2 (2), one outlier, one excluded; c010 duplicates c000."""
    ids = [f"c{i:03d}" for i in range(12)]
    topic = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 0, -1]
    frame = pd.DataFrame(
        {
            schema.TOPIC_ID: pd.array(topic, dtype="Int64"),
            schema.TOPIC_LABEL: ["agua, ríos"] * 5 + ["escuelas"] * 3 + ["salud"] * 2 + ["agua, ríos", "—"],
            schema.TOPIC_PROB: [0.9, 0.8, 0.95, 0.5, 0.4, 0.7, 0.9, 0.6, 0.8, 0.7, 0.9, 0.2],
            schema.EXCLUDED: [""] * 12,
            schema.DUP_GROUP: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 11],
            schema.DUP_REPRESENTATIVE: [True] * 10 + [False, True],
            schema.TEXT_REDACTED: [
                f"comentario número {i} sobre el tema " + "con muchas palabras " * (8 if i == 2 else 1) for i in range(12)
            ],
        },
        index=pd.Index(ids, name=schema.COMMENT_ID),
    )
    frame = pd.concat(
        [
            frame,
            pd.DataFrame(
                {
                    schema.TOPIC_ID: pd.array([pd.NA], dtype="Int64"),
                    schema.TOPIC_LABEL: [""],
                    schema.TOPIC_PROB: [float("nan")],
                    schema.EXCLUDED: ["junk"],
                    schema.DUP_GROUP: [12],
                    schema.DUP_REPRESENTATIVE: [True],
                    schema.TEXT_REDACTED: ["xxx"],
                },
                index=pd.Index(["c012"], name=schema.COMMENT_ID),
            ),
        ]
    )
    return frame


def _info() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "topic_id": [-1, 0, 1, 2],
            "label": ["—", "agua, ríos", "escuelas", "salud"],
            "keywords": [[], ["agua", "ríos"], ["escuelas"], ["salud"]],
            "keywords_by_lang": [{}, {"es": ["agua"]}, {"es": ["escuelas"]}, {"es": ["salud"]}],
            "unique_comments": [1, 5, 3, 2],
        }
    )


def _edit(path: Path, changes: dict[int, dict]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in data["topics"]:
        entry.update(changes.get(entry["id"], {}))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_topics_review_template_lists_every_topic_with_examples(tmp_path):
    path = tmp_path / "topics_review.yaml"
    write_review_template(_info(), _frame(), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Topic review.") and "consultnlp report" in text
    review = load_review(path)
    assert [t.id for t in review.topics] == [0, 1, 2, -1]  # outliers last
    first = review.topics[0]
    assert first.label == "agua, ríos" and first.size == 5 and first.keywords == ["agua", "ríos"]
    # Closest to the centre first, with their redacted text cut short; duplicates are not examples.
    assert [e.split(":")[0] for e in first.examples] == ["c002", "c000", "c001"]
    assert first.examples[1] == "c000: comentario número 0 sobre el tema con muchas palabras"
    assert len(first.examples[0]) <= len("c002: ") + 160 and first.examples[0].endswith("…")
    assert [e.split(":")[0] for e in review.topics[1].examples] == ["c006", "c005", "c007"]
    # Applying the untouched template changes nothing.
    frame, info, audit = apply_review(_frame(), _info(), review)
    assert audit == []
    pd.testing.assert_series_equal(frame[schema.TOPIC_ID], _frame()[schema.TOPIC_ID])


def test_topics_review_rename_merge_hide_split_are_applied(tmp_path):
    path = tmp_path / "topics_review.yaml"
    write_review_template(_info(), _frame(), path)
    _edit(
        path,
        {
            0: {"label": "Agua y ríos", "split_off": ["c000", "c001"], "split_label": "Glaciares"},
            1: {"merge_into": 0},
            2: {"hide": True},
            -1: {"split_off": ["c011"]},
        },
    )
    original = _frame()
    frame, info, audit = apply_review(original, _info(), load_review(path))
    pd.testing.assert_frame_equal(original, _frame())  # input untouched
    assert frame.index.equals(original.index)
    topic = frame[schema.TOPIC_ID]
    # split: c000 and its duplicate c010 form new topic 3; c001 too.
    assert topic[["c000", "c010", "c001"]].tolist() == [3, 3, 3]
    assert set(frame.loc[["c000", "c010", "c001"], schema.TOPIC_LABEL]) == {"Glaciares"}
    # merge: topic 1's comments are in topic 0, which is renamed.
    assert topic[["c005", "c006", "c007"]].tolist() == [0, 0, 0]
    assert set(frame.loc[topic == 0, schema.TOPIC_LABEL]) == {"Agua y ríos"}
    # hide: topic 2's comments are outliers now.
    assert topic[["c008", "c009"]].tolist() == [-1, -1]
    assert pd.isna(topic["c012"])  # excluded rows keep no topic
    assert set(info["topic_id"]) == {-1, 0, 3}
    sizes = info.set_index("topic_id")["unique_comments"]
    assert sizes[0] == 3 + 3 and sizes[3] == 2 and sizes[-1] == 3
    assert info.set_index("topic_id").loc[0, "merged_from"] == [1]
    actions = [(a["action"], a["topic_id"]) for a in audit]
    assert actions == [("split_off", 0), ("split_off", -1), ("merge", 1), ("hide", 2), ("rename", 0)]
    assert audit[0]["new_topic_id"] == 3 and audit[0]["rows"] == 3
    assert audit[2] == {"action": "merge", "topic_id": 1, "into": 0, "rows": 3}
    assert audit[4]["from"] == "agua, ríos" and audit[4]["to"] == "Agua y ríos"


def test_topics_review_accepts_a_frame_with_comment_id_column(tmp_path):
    path = tmp_path / "r.yaml"
    write_review_template(_info(), _frame().reset_index(), path)
    _edit(path, {2: {"merge_into": 1}})
    frame, info, audit = apply_review(_frame().reset_index(), _info(), load_review(path))
    assert (frame[schema.TOPIC_ID] == 1).sum() == 5 and audit[0]["rows"] == 2


@pytest.mark.parametrize(
    "changes, message",
    [
        ({0: {"merge_into": 9}}, r"line \d+: topic 0 merge_into 9: no such topic \(topics: -1, 0, 1, 2\)"),
        ({0: {"merge_into": 1}, 1: {"merge_into": 0}}, r"merge_into forms a cycle \(0 -> 1 -> 0\)"),
        ({1: {"split_off": ["c000"]}}, r"line \d+: split_off names comment 'c000', which is in topic 0, not topic 1"),
        ({1: {"split_off": ["zzz"]}}, r"split_off names comment 'zzz', which is not in this analysis"),
        ({0: {"hide": True, "merge_into": 1}}, r"line \d+: topic 0 has both merge_into and hide: true"),
        ({1: {"merge_into": 2}, 2: {"hide": True}}, r"merges into topic 2, which is hidden"),
        ({-1: {"hide": True}}, r"topic -1 \(no clear topic\) cannot be merged or hidden"),
    ],
)
def test_topics_review_mistakes_are_config_errors_with_a_line(tmp_path, changes, message):
    path = tmp_path / "topics_review.yaml"
    write_review_template(_info(), _frame(), path)
    _edit(path, changes)
    with pytest.raises(ConfigError, match=message):
        apply_review(_frame(), _info(), load_review(path))


def test_topics_review_unknown_key_and_bad_value_name_the_line(tmp_path):
    path = tmp_path / "topics_review.yaml"
    write_review_template(_info(), _frame(), path)
    text = path.read_text(encoding="utf-8").replace("    hide: false\n", "    hidden: true\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    hidden: true") + 1
    with pytest.raises(ConfigError, match=rf"topics_review.yaml line {line}: unknown key 'hidden'. Valid keys: id, label"):
        load_review(path)
    path.write_text(text.replace("    hidden: true\n", "    hide: false\n").replace("merge_into: null", "merge_into: water", 1))
    with pytest.raises(ConfigError, match=r"line \d+: invalid value for 'topics.0.merge_into'.*got 'water'"):
        load_review(path)
    with pytest.raises(ConfigError, match="does not exist"):
        load_review(tmp_path / "missing.yaml")


def _grouped_info() -> pd.DataFrame:
    return _info().assign(group_id=[-1, 0, 0, 1])


def _groups() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group_id": [0, 1],
            "label": ["Agua y escuelas", "Salud"],
            "labels": [{"es": "Agua y escuelas"}, {"es": "Salud"}],
            "main_lang": ["es", "es"],
            "topic_ids": [[0, 1], [2]],
            "unique_comments": [8, 2],
        }
    )


def _edit_groups(path: Path, changes: dict[int, dict]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in data["groups"]:
        entry.update(changes.get(entry["id"], {}))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_topics_review_template_lists_groups_and_names_the_output_folder(tmp_path):
    path = tmp_path / "staging" / "topics_review.yaml"
    write_review_template(_grouped_info(), _frame(), path, groups=_groups(), folder=Path("/data/out/consulta"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Topic review. Edit this file, save it, then run: consultnlp report /data/out/consulta\n")
    assert "staging" not in text and '\ngroups:\n  - id: 0\n    label: "Agua y escuelas"\n    size: 8\n    topics: [0, 1]\n' in text
    review = load_review(path)
    assert [(g.id, g.label, g.topics, g.size) for g in review.groups] == [(0, "Agua y escuelas", [0, 1], 8), (1, "Salud", [2], 2)]
    info, groups, audit = apply_group_review(_grouped_info(), _groups(), review)  # untouched: nothing changes
    assert audit == [] and info["group_id"].tolist() == [-1, 0, 0, 1] and groups["topic_ids"].tolist() == [[0, 1], [2]]


def test_topics_review_group_rename_and_move_are_applied(tmp_path):
    path = tmp_path / "topics_review.yaml"
    write_review_template(_grouped_info(), _frame(), path, groups=_groups())
    _edit_groups(path, {0: {"label": "Agua", "topics": [0]}, 1: {"topics": [1, 2]}})
    info, groups, audit = apply_group_review(_grouped_info(), _groups(), load_review(path))
    assert info.set_index("topic_id")["group_id"].to_dict() == {-1: -1, 0: 0, 1: 1, 2: 1}
    assert groups.set_index("group_id")["topic_ids"].to_dict() == {0: [0], 1: [1, 2]}
    assert groups.set_index("group_id")["unique_comments"].to_dict() == {0: 5, 1: 5}
    assert groups.set_index("group_id")["custom_label"].to_dict() == {0: "Agua", 1: ""}
    assert audit == [
        {"action": "group_move", "topic_id": 1, "from_group": 0, "to_group": 1},
        {"action": "group_rename", "group_id": 0, "from": "Agua y escuelas", "to": "Agua"},
    ]
    # A group left without topics disappears.
    _edit_groups(path, {0: {"label": "Agua y escuelas", "topics": []}, 1: {"topics": [0, 1, 2]}})
    info, groups, audit = apply_group_review(_grouped_info(), _groups(), load_review(path))
    assert groups["group_id"].tolist() == [1] and set(info["group_id"]) == {-1, 1}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({0: {"id": 7}}, r"topics_review.yaml line \d+: there is no group 7 in this analysis \(groups: 0, 1\)\. Keep the ids"),
        ({1: {"topics": [1, 2]}}, r"line \d+: topic 1 is listed under groups 0 and 1; list it under the one group it belongs to"),
        ({1: {"topics": [2, 9]}}, r"line \d+: group 1 lists topic 9, which is not in this analysis \(topics: 0, 1, 2\); remove it"),
        ({1: {"topics": [-1]}}, r"line \d+: group 1 lists topic -1 \(no clear topic\), which belongs to no group"),
        ({1: {"label": " "}}, r"line \d+: invalid value for 'groups.1.label': .*must not be blank"),
        ({1: {"name": "x"}}, r"line \d+: unknown key 'name'. Valid keys: id, label, size, topics"),
    ],
)
def test_topics_review_group_mistakes_are_one_line_config_errors(tmp_path, changes, message):
    path = tmp_path / "topics_review.yaml"
    write_review_template(_grouped_info(), _frame(), path, groups=_groups())
    _edit_groups(path, changes)
    with pytest.raises(ConfigError, match=message) as err:
        apply_group_review(_grouped_info(), _groups(), load_review(path))
    assert "\n" not in str(err.value)
