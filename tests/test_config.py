from pathlib import Path

import pytest
import yaml

from consultnlp.config import PIPELINES_DIR, PipelineConfig, config_to_dict, load_config
from consultnlp.errors import ConfigError


def test_config_default_yaml_matches_model_defaults():
    # The YAML documents every key; it must not drift from the code's defaults.
    assert load_config() == PipelineConfig()


def _flatten(data: dict, prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, dict) and value:
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


# What each bundled overlay is meant to change, and nothing else.
INTENDED = {
    "default.yaml": {},
    "fast.yaml": {"name": "fast", "topics.clustering": "kmeans", "topics.fit_sample_size": 100000, "themes.method": "keywords"},
}


def test_config_every_pipeline_file_differs_from_default_only_where_intended():
    default = _flatten(config_to_dict(PipelineConfig()))
    files = sorted(p.name for p in PIPELINES_DIR.glob("*.yaml"))
    assert files == sorted(INTENDED), "a new pipeline file needs its intended differences listed here"
    for name in files:
        loaded = _flatten(config_to_dict(load_config(PIPELINES_DIR / name)))
        changed = {key: loaded[key] for key in loaded if loaded[key] != default[key]}
        assert changed == INTENDED[name], name
        # An overlay holds only what it changes, so it cannot drift from the default.
        if name != "default.yaml":
            assert _flatten(yaml.safe_load((PIPELINES_DIR / name).read_text(encoding="utf-8"))) == INTENDED[name]


def test_config_overlay_keeps_every_other_default(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text("topics:\n  min_topic_size: 30\n", encoding="utf-8")
    cfg = load_config(path)
    assert cfg.topics.min_topic_size == 30
    assert cfg.model_copy(update={"topics": cfg.topics.model_copy(update={"min_topic_size": 15})}) == PipelineConfig()


@pytest.mark.parametrize(
    "overrides, message",
    [
        (
            ["themes.method=keywords", "themes.min_score=0.4"],
            "themes.min_score has no effect with themes.method=keywords (it applies to zero-shot). Remove it, or set themes.method to zero-shot.",
        ),
        (
            ["themes.min_probability=0.3"],
            "themes.min_probability has no effect with themes.method=zero-shot (it applies to supervised). Remove it, or set themes.method to supervised.",
        ),
        (
            ["topics.clustering=kmeans", "topics.min_samples=10"],
            "topics.min_samples has no effect with topics.clustering=kmeans (it applies to umap-hdbscan). Remove it, or set topics.clustering to umap-hdbscan.",
        ),
        (
            ["embed.dimensions=128"],
            "embed.dimensions has no effect with embed.embedder=use-multilingual (it applies to tfidf-svd). Remove it, or set embed.embedder to tfidf-svd.",
        ),
    ],
)
def test_config_setting_ignored_by_the_chosen_implementation_is_an_error(overrides, message):
    with pytest.raises(ConfigError) as err:
        load_config(overrides=overrides)
    assert str(err.value) == message


def test_config_setting_read_by_the_chosen_implementation_is_accepted():
    cfg = load_config(overrides=["topics.clustering=kmeans", "topics.n_clusters=12", "embed.embedder=tfidf-svd", "embed.dimensions=64"])
    assert (cfg.topics.n_clusters, cfg.embed.dimensions) == (12, 64)


def test_config_set_override_parses_yaml_values():
    cfg = load_config(overrides=["topics.min_topic_size=25", "language.languages=[es, pt]", "clean.strip_html=false"])
    assert cfg.topics.min_topic_size == 25
    assert cfg.language.languages == ["es", "pt"]
    assert cfg.clean.strip_html is False


def test_config_unknown_key_lists_valid_keys():
    with pytest.raises(ConfigError) as err:
        load_config(overrides=["topics.min_topic_sise=25"])
    message = str(err.value)
    assert "unknown key 'topics.min_topic_sise'" in message
    assert "min_topic_size" in message and "--set topics.min_topic_sise=25" in message


def test_config_unknown_section_lists_sections(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("topicz:\n  min_topic_size: 3\n")
    with pytest.raises(ConfigError, match=r"unknown key 'topicz'.*Valid keys in the top level: name, random_state"):
        load_config(path)


def test_config_unknown_stage_and_implementation_are_errors():
    with pytest.raises(ConfigError, match="unknown stage 'sentiment'; valid stages: clean, screen, language"):
        load_config(overrides=["stages=[clean, sentiment]"])
    with pytest.raises(ConfigError, match="embed.embedder"):
        load_config(overrides=["embed.embedder=word2vec"])


def test_config_bad_value_names_key_and_value():
    with pytest.raises(ConfigError, match=r"topics.min_topic_size.*got -3"):
        load_config(overrides=["topics.min_topic_size=-3"])


def test_config_missing_file_is_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.yaml")
