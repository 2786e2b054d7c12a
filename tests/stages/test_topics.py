"""The topics stage: determinism, clean keywords, outlier cap, small corpora, label language, saved models."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.config import PipelineConfig, TopicsConfig
from consultnlp.embedders.base import Embedder, l2_normalise
from consultnlp.errors import ModelError
from consultnlp.ingest import ingest
from consultnlp.lemmas import Lemmatizer
from consultnlp.pipeline import build_stages, init_frame
from consultnlp.stages.base import RunContext
from consultnlp.topics.model import fit_topic_model
from tests.conftest import SAMPLE_CSV, FakeEmbedder, make_frame

# Words that must never be a topic keyword: function words and consultation boilerplate, es/pt/en.
BANNED = {
    "que",
    "de",
    "la",
    "los",
    "the",
    "and",
    "of",
    "não",
    "uma",
    "propuesta",
    "proposta",
    "proposal",
    "gobierno",
    "governo",
    "government",
    "plan de acción",
}


def run_stages(frame: pd.DataFrame, config: PipelineConfig, context: RunContext) -> pd.DataFrame:
    current = init_frame(frame)
    for stage in build_stages(config):
        current = stage.apply(current, context)
    return current


@pytest.fixture(scope="module")
def sample_frame() -> pd.DataFrame:
    frame, _ = ingest(SAMPLE_CSV, text_column="comentario", id_column="id")
    return frame.head(400)


@pytest.fixture(scope="module")
def sample_run(sample_frame):
    context = RunContext(embedder=FakeEmbedder())
    out = run_stages(sample_frame, PipelineConfig(), context)
    return out, context


def test_topics_same_input_and_config_give_identical_topic_ids(sample_frame, sample_run):
    first, _ = sample_run
    second = run_stages(sample_frame, PipelineConfig(), RunContext(embedder=FakeEmbedder()))
    pd.testing.assert_series_equal(first[schema.TOPIC_ID], second[schema.TOPIC_ID])
    pd.testing.assert_series_equal(first[schema.TOPIC_LABEL], second[schema.TOPIC_LABEL])
    assert first[schema.TOPIC_ID].dropna().nunique() >= 3


def test_topics_outliers_are_capped_at_max_outlier_share(sample_run):
    out, context = sample_run
    analysed = out[out[schema.EXCLUDED] == ""]
    assert analysed[schema.TOPIC_ID].notna().all()
    assert (analysed[schema.TOPIC_ID] == -1).mean() <= 0.05 + 1e-9
    assert out.loc[out[schema.EXCLUDED] != "", schema.TOPIC_ID].isna().all()
    # BERTopic's convention: ids are 0..k-1 from the largest topic down.
    sizes = context.topic_info.set_index("topic_id")["unique_comments"].drop(-1, errors="ignore")
    assert list(sizes.index) == list(range(len(sizes)))
    assert sizes.is_monotonic_decreasing


def test_topics_keywords_contain_no_stopwords_in_any_language(sample_run):
    _, context = sample_run
    lemmatizer = Lemmatizer()
    info = context.topic_info
    checked = 0
    for _, row in info.iterrows():
        for lang, words in row["keywords_by_lang"].items():
            stop = lemmatizer.stopwords(lang)
            for keyword in words:
                parts = keyword.split()
                # A shown phrase may keep little words inside ("listas de espera"), never at its ends.
                assert parts[0] not in stop and parts[-1] not in stop, (row["topic_id"], lang, keyword)
                assert keyword not in BANNED
                checked += 1
        for keyword in row["keywords"]:
            assert keyword not in BANNED and keyword.split()[0] not in {"que", "the", "de", "não"}
    assert checked > 50
    langs = {lang for by_lang in info["keywords_by_lang"] for lang in by_lang}
    assert langs == {"es", "pt", "en"}


def test_topics_small_corpus_falls_back_to_kmeans():
    texts = [f"Comentario número {i} sobre el agua potable y los ríos" for i in range(6)] + [
        f"Comentário {i} sobre escolas e professores" for i in range(6)
    ]
    frame = make_frame(texts)
    context = RunContext(embedder=FakeEmbedder())
    out = run_stages(frame, PipelineConfig(), context)
    assert out[schema.TOPIC_ID].notna().all()
    assert [w.key for w in context.warnings] == ["note_small_corpus"]
    assert context.stats["topics_clustering"] == "kmeans"
    assert 1 <= context.stats["topics_n"] <= 3


class ThemeEmbedder(Embedder):
    """Puts comments on the same theme together whatever their language (a stand-in for USE)."""

    name = "theme-fake"
    THEMES = (("agua", "água", "rios", "ríos"), ("escuela", "escola", "profesor", "professor"))

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 8), dtype=np.float32)
        for i, text in enumerate(texts):
            low = text.lower()
            for j, words in enumerate(self.THEMES):
                out[i, j] = sum(w in low for w in words)
        return l2_normalise(out + 1e-3)


def _bilingual_frame() -> pd.DataFrame:
    texts = []
    for i in range(40):
        texts.append(f"El agua de los ríos está contaminada; necesitamos agua limpia en el barrio {i}.")
        texts.append(f"A água dos rios está poluída; precisamos de água limpa no bairro {i}.")
        texts.append(f"La escuela necesita más profesores y la escuela rural no tiene internet, caso {i}.")
        texts.append(f"A escola precisa de mais professores e a escola rural não tem internet, caso {i}.")
    langs = ["es", "pt"] * 80
    return make_frame(texts, lang=langs)


@pytest.mark.parametrize("report_lang, expected, foreign", [("pt", "água", "agua"), ("es", "agua", "água")])
def test_topics_labels_are_in_the_requested_language(report_lang, expected, foreign):
    frame = _bilingual_frame()
    # No keyword channel: ThemeEmbedder only knows whole comments, not single words.
    config = PipelineConfig(stages=["nlp", "embed", "topics"], topics={"min_topic_size": 10, "lexical_weight": 0})
    # The language stage is skipped: the frame already says which language each comment is in.
    frame[schema.TEXT_REDACTED] = frame[schema.TEXT]
    context = RunContext(embedder=ThemeEmbedder(), report_lang=report_lang)
    out = run_stages(frame, config, context)
    info = context.topic_info
    water = info[info["keywords_by_lang"].map(lambda d: "agua" in d.get("es", []))]
    assert len(water) == 1, info[["topic_id", "label", "languages"]].to_string()
    assert set(water.iloc[0]["keywords_by_lang"]) == {"es", "pt"}  # the topic mixes both languages
    label = water.iloc[0]["label"]
    # A phrase taken from the comments in the report language ("Água dos rios", "Agua de los ríos").
    words = {w.lower() for w in label.split()}
    assert expected in words and foreign not in words, label
    assert set(water.iloc[0]["labels"]) == {"es", "pt"}
    assert (out[schema.TOPIC_LABEL] == label).sum() >= 70


def test_topics_transform_with_saved_model(sample_frame, sample_run, tmp_path):
    fitted, context = sample_run
    path = tmp_path / "models" / "gobierno-abierto"
    config = PipelineConfig(topics={"save_model": str(path)})
    run_stages(sample_frame, config, RunContext(embedder=FakeEmbedder()))
    assert (path / "card.json").is_file() and (path / "model_card.md").is_file()

    # New comments (and the same ones) go into the saved topics; nothing is refitted.
    batch = sample_frame.iloc[::2]
    applied_ctx = RunContext(embedder=FakeEmbedder())
    applied = run_stages(batch, PipelineConfig(topics={"model": str(path)}), applied_ctx)
    saved_ids = set(context.topic_info["topic_id"]) | {-1}
    assert set(applied[schema.TOPIC_ID].dropna().astype(int)) <= saved_ids
    assert applied_ctx.stats["topics_model_applied"] == str(path)
    same = fitted.loc[batch.index, schema.TOPIC_ID]
    both = same.notna() & (same >= 0) & (applied[schema.TOPIC_ID] >= 0)
    assert (applied.loc[both, schema.TOPIC_ID] == same[both]).mean() >= 0.8
    labels = dict(zip(context.topic_info["topic_id"], context.topic_info["label"]))
    for topic, label in applied.loc[applied[schema.TOPIC_ID] >= 0, [schema.TOPIC_ID, schema.TOPIC_LABEL]].itertuples(index=False):
        assert labels[int(topic)] == label

    class OtherEmbedder(FakeEmbedder):
        name = "other-fake"

    with pytest.raises(ModelError, match=r"was fitted on embeddings from 'fake', but this run embeds with 'other-fake'"):
        run_stages(batch, PipelineConfig(topics={"model": str(path)}), RunContext(embedder=OtherEmbedder()))
    with pytest.raises(ModelError, match="does not exist"):
        run_stages(batch, PipelineConfig(topics={"model": str(tmp_path / "nope")}), RunContext(embedder=FakeEmbedder()))


def test_topics_fit_on_a_sample_assigns_every_document():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(4, 16))
    embeddings = l2_normalise(np.repeat(centres, 60, axis=0) + 0.15 * rng.normal(size=(240, 16)))
    words = ["agua río", "escuela profesor", "salud hospital", "vivienda arriendo"]
    docs = [f"{words[i // 60]} cosa" for i in range(240)]
    cfg = TopicsConfig(min_topic_size=10).model_copy(update={"fit_sample_size": 120})
    model, topics = fit_topic_model(docs, embeddings, cfg, 42)
    again, topics_again = fit_topic_model(docs, embeddings, cfg, 42)
    assert model.stats["fit_docs"] == 120 and len(topics) == 240
    np.testing.assert_array_equal(topics, topics_again)
    assert (topics == -1).mean() <= 0.05 + 1e-9
    truth = np.repeat(np.arange(4), 60)
    from sklearn.metrics import adjusted_rand_score

    assert adjusted_rand_score(truth, topics) > 0.9
