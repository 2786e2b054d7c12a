"""Pipeline configuration: pydantic models loaded from ``pipelines/*.yaml``.

Every tunable is a keyword of one stage section, with the same name in YAML.
Unknown keys, stages or implementations are errors that list the valid names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from consultnlp.embedders import EMBEDDERS
from consultnlp.errors import ConfigError
from consultnlp.privacy.detectors import PII_KINDS
from consultnlp.report.formats import OUTPUT_FORMATS, default_formats, unknown_output_format
from consultnlp.resources import project_path
from consultnlp.schema import LANGUAGES

PIPELINES_DIR = project_path("pipelines")
DEFAULT_PIPELINE = "default.yaml"


class Section(BaseModel):
    """One section of a pipeline file.

    A section with swappable implementations names the key that chooses one
    (``CHOICE``) and, in ``ONLY_FOR``, the keys that only some implementations read;
    setting such a key away from its default while another implementation is chosen
    is an error (see ``unused_settings``), so a setting is never silently ignored.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    CHOICE: ClassVar[str | None] = None
    ONLY_FOR: ClassVar[dict[str, tuple[str, ...]]] = {}

    def unused_settings(self) -> list[tuple[str, tuple[str, ...]]]:
        """(key, implementations that read it) for keys set away from their default that the chosen implementation ignores."""
        if self.CHOICE is None:
            return []
        chosen = getattr(self, self.CHOICE)
        unused = []
        for key, implementations in self.ONLY_FOR.items():
            default = type(self).model_fields[key].get_default(call_default_factory=True)
            if chosen not in implementations and getattr(self, key) != default:
                unused.append((key, implementations))
        return unused


class IngestConfig(Section):
    text_column: str | None = None
    id_column: str | None = None
    sheet: str | None = None
    segment_columns: list[str] = Field(default_factory=list)
    encoding: str | None = None  # None = sniff (BOM, UTF-16, UTF-8, then cp1252 / Mac Roman / Latin-1)
    delimiter: str | None = None  # None = sniff
    chunk_rows: int = Field(default=100_000, ge=1_000)
    header_row: int | None = Field(default=None, ge=1)  # 1-based row of the column names (CSV and spreadsheets); None = detect
    format: str | None = None  # a registered input format (ingest.formats); None = from the content and extension
    platform: str = "auto"  # exports recognised by their columns: "auto", "none" (never) or one of ingest.platforms.PLATFORMS
    questions: list[str] = Field(default_factory=list)  # open questions of a survey: one contribution per respondent and question
    where: str | None = None  # row filter, e.g. "moderated >= 0"; other rows are set aside as filtered
    context_column: str | None = None  # the prompt each row answers (a concept, a proposal) as ``context``; null = found; none = none
    supports_column: str | None = None  # the column counting each row's supports (votes, endorsements); null = found; none = none

    @field_validator("platform", "format")
    @classmethod
    def _registered(cls, value: str | None, info: ValidationInfo) -> str | None:
        from consultnlp.ingest.formats import INPUT_FORMATS, unknown_format
        from consultnlp.ingest.shape import PLATFORMS, unknown_platform
        if info.field_name == "platform" and value not in PLATFORMS:
            raise ValueError(unknown_platform(value))
        if info.field_name == "format" and value is not None and value not in INPUT_FORMATS:
            raise ValueError(unknown_format(value, "ingest.format"))
        return value


class ScreenConfig(Section):
    non_answers: bool = True  # set placeholders and meta text aside as non_answer ("Sin fundamento", "ver adjunto")
    no_arguments: bool = True  # set positions without a reason aside as no_argument ("acuerdo total", "I agree")
    max_words: int = Field(default=10, ge=1)  # longer comments are never set aside by the word-class rule
    extra_non_answers: dict[str, list[str]] = Field(default_factory=dict)  # e.g. {es: ["no se discutió"]}
    extra_no_arguments: dict[str, list[str]] = Field(default_factory=dict)  # e.g. {pt: ["apoiamos a proposta"]}
    official: bool = True  # rows by the organiser (author role, the organiser's template) -> official
    role_column: str | None = None  # author role/type column; null = author_role from a platform export, else one named so
    template_min_rows: int = Field(default=10, ge=2)  # a label set ("Objetivo:", "Órgão responsável:") in this many distinct texts ...
    template_max_share: float = Field(default=0.2, gt=0, le=1)  # ... and in at most this share of the rows is a template
    process_notes: bool = True  # the same note about the meeting or record in many rows -> process_note
    corpus_evidence: bool = True  # non-answers no list holds: repeated, or close to a listed one, in form/absence words
    min_repeats: int = Field(default=3, ge=2)  # rows a text needs to count as repeated
    process_max_words: int = Field(default=20, ge=1)  # longer texts are never process notes
    foreign_share: float = Field(default=0.0002, ge=0, le=1)  # a word in at most this share of long contributions is foreign to them
    content_share: float = Field(default=0.01, gt=0, le=1)  # a listed form/process word in this share of them is a content word here
    seed_similarity: float = Field(default=0.6, gt=0, le=1)  # character n-gram cosine to a listed non-answer
    meaning: bool = True  # short texts the meaning model (data/nonanswers/model.json) reads as placeholders
    field_words: list[str] = Field(default_factory=list)  # words of your form's field or question name, e.g. [fundamento]
    record_prompts: int = Field(default=3, ge=0)  # one record's same text under this many prompts counts once (0: off)
    record_column: str | None = None  # the meeting or author id column; null = an author id column, else the one found


class LanguageConfig(Section):
    languages: list[str] = Field(default_factory=lambda: list(LANGUAGES))
    min_letters: int = Field(default=2, ge=0)  # fewer letters: "und" (too short to tell), whatever the lexicon says
    min_confidence: float = Field(default=0.5, ge=0, le=1)  # the best es/pt/en probability below which a text is "und"
    # Short or unclear texts are decided again with the consultation's own language mix as a prior.
    file_prior: bool = True

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        unknown = [v for v in value if v not in LANGUAGES]
        if unknown or not value:
            raise ValueError(f"languages must be a non-empty subset of {', '.join(LANGUAGES)}; got {value}")
        return value


class CleanConfig(Section):
    min_chars: int = Field(default=3, ge=0)
    max_chars: int = Field(default=5_000, ge=100)
    strip_html: bool = True
    mark_urls: bool = True
    detect_junk: bool = True


class DedupeConfig(Section):
    CHOICE = "method"
    ONLY_FOR = {"threshold": ("minhash",), "min_chars_near": ("minhash",)}

    method: Literal["exact", "minhash"] = "minhash"
    threshold: float = Field(default=0.7, gt=0, le=1)
    campaign_min_size: int = Field(default=10, ge=2)
    # A campaign is a real shared text: short slogans written by many on their own are duplicates, not a campaign.
    campaign_min_words: int = Field(default=8, ge=1)
    min_chars_near: int = Field(default=40, ge=0)


class RedactConfig(Section):
    # An id or segment column of e-mails, phones or ID numbers is published as stable pseudonyms (key in private/state/).
    pseudonymise_identifiers: bool = True
    kinds: list[str] = Field(default_factory=lambda: list(PII_KINDS))  # every kind the detectors know (privacy.detectors)


class NlpConfig(Section):
    # simplemma: dictionary lemmas (default; right for es/pt nouns); spacy-lookup: spaCy's lookup tables.
    lemmatizer: Literal["simplemma", "spacy-lookup"] = "simplemma"
    extra_stopwords: dict[str, list[str]] = Field(default_factory=dict)
    min_token_chars: int = Field(default=3, ge=1)


class EmbedConfig(Section):
    CHOICE = "embedder"
    ONLY_FOR = {"model": ("sentence-transformers",), "dimensions": ("tfidf-svd",)}

    embedder: str = "use-multilingual"  # one of consultnlp.embedders.EMBEDDERS
    model: str | None = None  # for sentence-transformers: a local path or a model name the user chose
    batch_size: int = Field(default=256, ge=1)
    cache: bool = True
    dimensions: int = Field(default=256, ge=2)  # tfidf-svd only
    # BLAS threads per embedding process (one each beats several on the encoder's small matrices); processes: ``workers``.
    threads: int = Field(default=1, ge=1)
    lowercase_caps: bool = True  # embed ALL-CAPS comments in lower case (the encoder reads capitals as other words)
    # Above this many unique comments the embeddings wait in a temporary file (TMPDIR), read in chunks; None = never.
    in_memory_max: int | None = Field(default=250_000, ge=0)

    @field_validator("embedder")
    @classmethod
    def _known_embedder(cls, value: str) -> str:
        if value not in EMBEDDERS:
            raise ValueError(f"unknown embedder {value!r}; valid embedders: {', '.join(EMBEDDERS.names())}")
        return value


class TopicsConfig(Section):
    CHOICE = "clustering"
    ONLY_FOR = {
        "min_samples": ("umap-hdbscan",), "refine": ("umap-hdbscan",), "n_clusters": ("umap-kmeans", "kmeans"),
        "n_neighbors": ("umap-hdbscan", "umap-kmeans"), "n_components": ("umap-hdbscan", "umap-kmeans"),
        "umap_epochs": ("umap-hdbscan", "umap-kmeans"),
    }

    # umap-hdbscan: BERTopic's (topic count from the data); umap-kmeans: n_clusters after UMAP; kmeans: no UMAP (fastest).
    clustering: Literal["umap-hdbscan", "umap-kmeans", "kmeans"] = "umap-hdbscan"
    min_topic_size: int = Field(default=15, ge=2)
    min_samples: int | None = Field(default=5, ge=1)  # HDBSCAN; None = min_topic_size (often one giant topic)
    refine: bool = True  # umap-hdbscan: k-means seeded with HDBSCAN's clusters redraws topic borders
    n_neighbors: int = Field(default=15, ge=2)
    n_components: int = Field(default=5, ge=2)
    n_clusters: int | None = Field(default=None, ge=2)  # kmeans; None = from corpus size
    lexical_weight: float = Field(default=1.0, ge=0, le=10)  # weight of the cross-lingual keyword vectors; 0 = off
    max_outlier_share: float = Field(default=0.05, ge=0, le=1)
    # No catch-all: a topic holding more of the analysed contributions than this is split with k-means inside it.
    max_topic_share: float = Field(default=0.10, gt=0, le=1)
    # Topics whose centres are this alike (cosine) are one topic said twice, and are merged; 1 = never.
    merge_similarity: float = Field(default=0.95, gt=0, le=1)
    # The headline level: fine topics agglomerated into about 2 x sqrt(topics) groups, within these bounds.
    min_groups: int = Field(default=8, ge=1)
    max_groups: int = Field(default=30, ge=1)
    top_n_words: int = Field(default=10, ge=3)
    # Above this many unique comments the model is fitted on a seeded sample, the rest placed (README, "Large consultations").
    fit_sample_size: int = Field(default=15_000, ge=1_000)
    # UMAP layout epochs; None = 100 above 10,000 comments (as good, a fifth of the time), else UMAP's default (500).
    umap_epochs: int | None = Field(default=None, ge=10)
    model: str | None = None  # a saved topic model to transform with instead of fitting
    save_model: str | None = None  # save the fitted model to this folder (a bare name goes under the model dir)


class ThemesConfig(Section):
    CHOICE = "method"
    ONLY_FOR = {
        "min_score": ("zero-shot",), "similarity_min_words": ("zero-shot",),
        "taxonomy": ("keywords", "zero-shot"), "min_keyword_hits": ("keywords", "zero-shot"),
        "model": ("supervised",), "group_column": ("supervised",), "min_probability": ("supervised",),
    }

    taxonomy: str = "ogp"  # a bundled taxonomy name (data/themes/<name>.yaml) or a file path
    method: Literal["keywords", "zero-shot", "supervised"] = "zero-shot"
    model: str | None = None  # supervised: a folder written by `consultnlp themes train`
    group_column: str | None = None  # supervised: the question column; only that question's labels are proposed
    min_keyword_hits: int = Field(default=1, ge=1)
    max_themes: int = Field(default=3, ge=1)
    # zero-shot (consultnlp/themes/zeroshot.py): a theme is given at this calibrated probability (None: the ArgKP-fitted one)
    min_score: float | None = Field(default=None, gt=0, lt=1)
    similarity_min_words: int = Field(default=3, ge=0)  # shorter comments (content words) get themes from keywords only
    min_probability: float = Field(default=0.0, ge=0, le=1)  # supervised: below this, "other"


CLASSIFIER_FEATURES = ("tfidf", "embeddings", "tfidf+embeddings")


class ClassifierSettings(Section):
    """``classifier:``, the hyper-parameters of ``consultnlp themes train``; the defaults are the ones measured
    in benchmarks/bench_themes_supervised.py. A trained model keeps the settings it was trained with in its card."""

    features: str = "tfidf+embeddings"  # tfidf, embeddings or tfidf+embeddings
    hidden_units: int = Field(default=256, ge=1)  # TF-IDF network; 512 measured the same top-5 for twice the time
    epochs: int = Field(default=5, ge=1)  # TF-IDF network; 8 (with more dropout) measured the same
    learning_rate: float = Field(default=0.05, gt=0)  # start of the linearly decaying SGD step; 0.3 diverged
    dropout: float = Field(default=0.3, ge=0, lt=1)  # on the hidden units, TF-IDF network
    head_hidden_units: int = Field(default=768, ge=1)
    head_epochs: int = Field(default=12, ge=1)
    tfidf_weight: float = Field(default=0.6, ge=0, le=1)  # fusion weight of the TF-IDF part (the embedding part gets 1 - w)
    prior_weight: float = Field(default=1.0, ge=0)  # 1 = the Bayes re-weighting by p(label | group) / p(label)
    threshold: float = Field(default=0.3, gt=0, lt=1)  # multi-label: a label is given when its fused probability reaches this
    word_max_features: int = Field(default=150_000, ge=1)
    char_max_features: int = Field(default=150_000, ge=1)
    random_state: int = 42
    class_balance: float = Field(default=0.0, ge=0, le=1)  # TF-IDF network (every 2nd of several): row steps scale with label count ** -this
    nets: int = Field(default=1, ge=1)  # TF-IDF networks trained from different seeds, their log-probabilities averaged

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as err:
            # Built directly (themes train, a saved model's card) or as the pipeline's classifier: section.
            first = err.errors()[0]
            key = f"classifier.{'.'.join(str(p) for p in first['loc'])}"
            if first["type"] == "extra_forbidden":
                raise ConfigError(f"unknown key '{key}'. Valid keys in section 'classifier': {', '.join(type(self).model_fields)}.") from None
            raise ConfigError(f"{key}: {first['msg']} (got {first.get('input')!r}).") from None

    @field_validator("features")
    @classmethod
    def _known_features(cls, value: str) -> str:
        if value not in CLASSIFIER_FEATURES:
            raise ValueError(f"choose one of {', '.join(CLASSIFIER_FEATURES)}")
        return value

    @property
    def uses_tfidf(self) -> bool:
        return "tfidf" in self.features

    @property
    def uses_embeddings(self) -> bool:
        return "embeddings" in self.features


class PositionsConfig(Section):
    CHOICE = "method"
    ONLY_FOR = {
        "column": ("column",), "mapping": ("column",), "model": ("model",), "min_probability": ("model",),
        "extra_cues": ("cues", "model"), "extra_targets": ("cues", "model"), "detect_column": ("cues",),
    }

    # cues: statements in the text (data/positions/); column: a closed question; model: `positions train`; off: none.
    method: Literal["cues", "column", "model", "off"] = "cues"
    column: str | None = None  # column: the closed question (--position-column)
    mapping: dict[str, Literal["support", "partial", "oppose", "none"]] = Field(default_factory=dict)  # column: value -> position
    model: str | None = None  # model: a folder from `consultnlp positions train` (--position-model)
    min_probability: float = Field(default=0.0, ge=0, le=1)  # model: below this, "none"
    extra_cues: dict[Literal["support", "consensus", "partial", "oppose"], list[str]] = Field(default_factory=dict)
    extra_targets: list[str] = Field(default_factory=list)  # words that name the proposal, e.g. [peaje, congestion charge]
    # cues: an input column that is a closed agree/disagree question ("acuerdo": A/P/D) gives the positions instead
    detect_column: bool = True
    set_aside: bool = True  # rows set aside as no_argument ("acuerdo total", "I agree") count for positions
    # Reasons by position: key points of a position within a headline group need this many unique contributions.
    min_reason_contributions: int = Field(default=10, ge=2)

    @field_validator("method", mode="before")
    @classmethod
    def _off_is_not_false(cls, value: Any) -> Any:
        return "off" if value is False else value  # YAML reads a bare `off` as false


class SummariseConfig(Section):
    key_points_per_group: int = Field(default=5, ge=0)  # per headline group and per theme
    key_point_min_support: int = Field(default=3, ge=2)  # unique contributions that make a point, at least
    quotes_per_topic: int = Field(default=3, ge=0)
    quotes_per_theme: int = Field(default=3, ge=0)
    min_segment_count: int = Field(default=5, ge=1)
    alpha: float = Field(default=0.05, gt=0, lt=1)  # family-wise error rate per segment column (Holm)
    # A significant difference is stated only when material: this many in the cell, a share this far (0.05 = 5 points) above.
    finding_min_count: int = Field(default=20, ge=1)
    finding_min_points: float = Field(default=0.05, ge=0, le=1)
    max_findings: int = Field(default=5, ge=0)  # stated in the report, strongest first


class ReportConfig(Section):
    lang: str = "auto"  # auto (the majority analysed language) or one of schema.LANGUAGES
    title: str | None = None
    formats: list[str] = Field(default_factory=default_formats)  # registered in report.formats
    drop_original_text: bool = False

    @field_validator("formats")
    @classmethod
    def _known_formats(cls, value: list[str]) -> list[str]:
        for unknown in (f for f in value if f not in OUTPUT_FORMATS):
            raise ValueError(unknown_output_format(unknown))
        return value

    @field_validator("lang")
    @classmethod
    def _known_lang(cls, value: str) -> str:
        if value != "auto" and value not in LANGUAGES:
            raise ValueError(f"report language must be auto or one of {', '.join(LANGUAGES)}; got {value!r}")
        return value


STAGE_SECTIONS: dict[str, type[Section]] = {
    "clean": CleanConfig,
    "screen": ScreenConfig,
    "language": LanguageConfig,
    "dedupe": DedupeConfig,
    "redact": RedactConfig,
    "nlp": NlpConfig,
    "embed": EmbedConfig,
    "topics": TopicsConfig,
    "themes": ThemesConfig,
    "positions": PositionsConfig,
}


class PipelineConfig(Section):
    name: str = "default"
    random_state: int = 42
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None  # dask scheduler address; None = a local cluster
    # Processes for row-wise stages and embedding once the input has more than partition_rows rows (1 = one process).
    workers: int = Field(default=2, ge=1)
    partition_rows: int = Field(default=20_000, ge=1)  # rows per partition (local worker processes or Dask)
    stages: list[str] = Field(default_factory=lambda: list(STAGE_SECTIONS))
    ingest: IngestConfig = Field(default_factory=IngestConfig)
    language: LanguageConfig = Field(default_factory=LanguageConfig)
    clean: CleanConfig = Field(default_factory=CleanConfig)
    screen: ScreenConfig = Field(default_factory=ScreenConfig)
    dedupe: DedupeConfig = Field(default_factory=DedupeConfig)
    redact: RedactConfig = Field(default_factory=RedactConfig)
    nlp: NlpConfig = Field(default_factory=NlpConfig)
    embed: EmbedConfig = Field(default_factory=EmbedConfig)
    topics: TopicsConfig = Field(default_factory=TopicsConfig)
    themes: ThemesConfig = Field(default_factory=ThemesConfig)
    positions: PositionsConfig = Field(default_factory=PositionsConfig)
    summarise: SummariseConfig = Field(default_factory=SummariseConfig)
    classifier: ClassifierSettings = Field(default_factory=ClassifierSettings)
    report: ReportConfig = Field(default_factory=ReportConfig)

    @field_validator("stages")
    @classmethod
    def _known_stages(cls, value: list[str]) -> list[str]:
        unknown = [s for s in value if s not in STAGE_SECTIONS]
        if unknown:
            raise ValueError(f"unknown stage {unknown[0]!r}; valid stages: {', '.join(STAGE_SECTIONS)}")
        if len(set(value)) != len(value):
            raise ValueError(f"a stage is listed twice: {value}")
        return value


def _format_validation_error(err: ValidationError, source: str) -> str:
    first = err.errors()[0]
    loc = ".".join(str(p) for p in first["loc"])
    if first["type"] == "extra_forbidden":
        section_path = [str(p) for p in first["loc"][:-1]]
        model: type[BaseModel] = PipelineConfig
        for part in section_path:
            model = model.model_fields[part].annotation  # type: ignore[assignment]
        valid = ", ".join(model.model_fields)
        where = f"section '{'.'.join(section_path)}'" if section_path else "the top level"
        return f"{source}: unknown key '{loc}'. Valid keys in {where}: {valid}."
    return f"{source}: invalid value for '{loc}': {first['msg']} (got {first.get('input')!r})."


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"Config file {path} does not exist.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}".replace("\n", " ")) from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must hold a mapping of sections (ingest:, clean:, ...), not {type(data).__name__}.")
    return data


def parse_override(item: str) -> tuple[list[str], Any]:
    """Parse ``section.key=value`` (value read as YAML, so 10, true, [a, b] work)."""
    if "=" not in item:
        raise ConfigError(f"--set {item!r} must look like section.key=value, e.g. --set topics.min_topic_size=20.")
    key, raw = item.split("=", 1)
    path = [p for p in key.strip().split(".") if p]
    if not path:
        raise ConfigError(f"--set {item!r} has no key before '='.")
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        value = raw
    return path, value


def _nest(path: list[str], value: Any) -> dict[str, Any]:
    out: Any = value
    for part in reversed(path):
        out = {part: out}
    return out


def load_config(
    path: str | Path | None = None,
    overrides: list[str] | None = None,
    extra: dict[str, Any] | None = None,
) -> PipelineConfig:
    """``pipelines/default.yaml``, overlaid by ``path`` (a file holding only what differs), ``extra`` and ``--set``.

    Every step is validated, so an error names the file or the ``--set`` that caused it; then
    settings that the chosen implementation would ignore are refused (``Section.unused_settings``).
    """
    default_path = PIPELINES_DIR / DEFAULT_PIPELINE
    data = _read_yaml(default_path)
    steps = [(default_path.name, data)]
    if path is not None and Path(path).resolve() != default_path.resolve():
        data = _deep_merge(data, _read_yaml(Path(path)))
        steps.append((str(path), data))
    if extra:
        data = _deep_merge(data, extra)
        steps[-1] = (steps[-1][0], data)
    for item in overrides or []:
        key_path, value = parse_override(item)
        data = _deep_merge(data, _nest(key_path, value))
        steps.append((f"--set {item}", data))
    config: PipelineConfig | None = None
    # Validate after each step so an error names the file or the --set that caused it.
    for source, snapshot in steps:
        try:
            config = PipelineConfig.model_validate(snapshot)
        except ValidationError as err:
            raise ConfigError(_format_validation_error(err, source)) from None
    assert config is not None
    check_implementations(config)
    return config


def check_implementations(config: PipelineConfig) -> None:
    """Raise when a setting is made that the chosen implementation of its section ignores."""
    for name in PipelineConfig.model_fields:
        section = getattr(config, name)
        if not isinstance(section, Section):
            continue
        for key, implementations in section.unused_settings():
            chosen = getattr(section, section.CHOICE)
            raise ConfigError(
                f"{name}.{key} has no effect with {name}.{section.CHOICE}={chosen} (it applies to "
                f"{' and '.join(implementations)}). Remove it, or set {name}.{section.CHOICE} to "
                f"{' or '.join(implementations)}."
            )


def config_to_dict(config: PipelineConfig) -> dict[str, Any]:
    """The fully resolved config, as recorded in the manifest."""
    return config.model_dump(mode="json")
