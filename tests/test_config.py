from pathlib import Path

import pytest

from consultnlp.config import PIPELINES_DIR, PipelineConfig, load_config
from consultnlp.errors import ConfigError


def test_config_default_yaml_matches_model_defaults():
    # The YAML documents every key; it must not drift from the code's defaults.
    assert load_config() == PipelineConfig()


def test_config_every_pipeline_file_loads():
    for path in PIPELINES_DIR.glob("*.yaml"):
        load_config(path)


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
    with pytest.raises(ConfigError, match="unknown stage 'sentiment'; valid stages: clean, language"):
        load_config(overrides=["stages=[clean, sentiment]"])
    with pytest.raises(ConfigError, match="embed.embedder"):
        load_config(overrides=["embed.embedder=word2vec"])


def test_config_bad_value_names_key_and_value():
    with pytest.raises(ConfigError, match=r"topics.min_topic_size.*got -3"):
        load_config(overrides=["topics.min_topic_size=-3"])


def test_config_missing_file_is_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.yaml")
