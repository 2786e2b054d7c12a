"""The themes stage: keywords, zero-shot (keywords + calibrated embedding similarity), supervised."""

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.config import ThemesConfig
from consultnlp.errors import ConfigError, PipelineError
from consultnlp.stages.base import RunContext
from consultnlp.stages.nlp import Lemmatizer
from consultnlp.stages.themes import ThemesStage
from consultnlp.taxonomy import load_taxonomy
from consultnlp.themes.zeroshot import ZeroShotTagger

# (lang, text, a theme it must get; None = must be "other")
COMMENTS = [
    ("es", "Llevo ocho meses esperando una hora con el cardiólogo en el consultorio y nadie me da respuesta.", "health"),
    ("es", "La licitación del puente se adjudicó a la empresa del primo del alcalde, con sobreprecio.", "open_contracting"),
    ("es", "Mi hija no tiene profesor de matemáticas desde marzo y la escuela se llueve.", "education"),
    ("es", "Muchas gracias por la invitación, saludos cordiales a todo el equipo.", None),
    ("pt", "Os postos de saúde do bairro não têm médico e a fila para exames passa de seis meses.", "health"),
    ("pt", "O desmatamento na Amazônia e as queimadas estão acabando com a floresta e aumentando as emissões.", "climate_action"),
    ("pt", "Obrigado pela oportunidade, parabéns a todos.", None),
    ("en", "The police stopped and searched my son three times this month without any reason.", "policing_public_security"),
    ("en", "Publish every council spending line as open data in a machine-readable format, CSV please.", "open_data"),
    ("en", "Our school has had no maths teacher since March and the classroom roof leaks.", "education"),
    ("en", "Thanks, looks good to me.", None),
]


@pytest.fixture(scope="module")
def use_embedder():
    from consultnlp.stages.embed.use import UseEmbedder

    return UseEmbedder(threads=2)


def _frame(comments=COMMENTS) -> pd.DataFrame:
    texts = [c[1] for c in comments]
    langs = [c[0] for c in comments]
    index = pd.Index([f"c{i:03d}" for i in range(len(texts))], name=schema.COMMENT_ID)
    frame = pd.DataFrame({schema.TEXT: texts, schema.TEXT_REDACTED: texts, schema.LANG: langs}, index=index)
    lemmatizer = Lemmatizer()
    frame[schema.LEMMAS] = [" ".join(lemmatizer.lemmatize([t], l)[0]) for t, l in zip(texts, langs)]
    frame[schema.EXCLUDED] = ""
    frame[schema.EXCLUDED_STAGE] = ""
    return frame


def _context(frame: pd.DataFrame, embedder) -> RunContext:
    return RunContext(embedder=embedder, embeddings=embedder.encode(frame[schema.TEXT].tolist()), unit_ids=frame.index)


def test_themes_zero_shot_tags_hand_made_comments_in_each_language(use_embedder):
    frame = _frame()
    out = ThemesStage(ThemesConfig(method="zero-shot")).apply(frame, _context(frame, use_embedder))
    for (lang, text, expected), themes in zip(COMMENTS, out[schema.THEMES]):
        if expected is None:
            assert themes == schema.OTHER_THEME, (lang, text, themes)
        else:
            assert expected in themes.split(";"), (lang, text, themes)
    # Every assignment carries a score in (0, 1] and its evidence, one entry per theme, in the same order.
    for themes, scores, evidence in out[[schema.THEMES, schema.THEME_SCORES, schema.THEME_EVIDENCE]].itertuples(index=False):
        if themes == schema.OTHER_THEME:
            assert scores == evidence == ""
            continue
        ids = themes.split(";")
        assert [s.split(":")[0] for s in scores.split(";")] == ids
        assert all(0 < float(s.split(":")[1]) <= 1 for s in scores.split(";"))
        assert [e.split(":")[0] for e in evidence.split(";")] == ids
        assert all("sim=" in e for e in evidence.split(";"))


def test_themes_zero_shot_evidence_shows_keywords_and_similarity(use_embedder):
    frame = _frame()
    out = ThemesStage(ThemesConfig(method="zero-shot")).apply(frame, _context(frame, use_embedder))
    evidence = dict(e.split(":", 1) for e in out[schema.THEME_EVIDENCE].iloc[1].split(";"))
    assert evidence["open_contracting"].startswith("licitación|sobreprecio|sim=0.")
    # The Amazon comment gets climate_action from the embedding alone: no climate_action keyword is in it.
    amazon = dict(e.split(":", 1) for e in out[schema.THEME_EVIDENCE].iloc[5].split(";"))
    assert amazon["climate_action"].startswith("sim=0.")
    assert amazon["climate_environment"].startswith("amazônia|desmatamento|floresta|sim=")


def test_themes_keywords_method_keeps_keyword_evidence_only(use_embedder):
    frame = _frame()
    out = ThemesStage(ThemesConfig(method="keywords")).apply(frame, RunContext())
    assert out[schema.THEMES].iloc[0] == "health"
    assert out[schema.THEME_EVIDENCE].iloc[0] == "health:consultorio"
    assert out[schema.THEMES].iloc[3] == schema.OTHER_THEME


def test_themes_zero_shot_needs_embeddings():
    frame = _frame(COMMENTS[:2])
    with pytest.raises(PipelineError, match="needs comment embeddings: add 'embed' before 'themes'"):
        ThemesStage(ThemesConfig(method="zero-shot")).apply(frame, RunContext())


def test_themes_calibration_is_per_theme():
    # Theme 0 is close to every comment (a generic description); theme 1 only to comment 7.
    taxonomy = load_taxonomy("ogp")
    rng = np.random.default_rng(0)
    sims = np.full((300, len(taxonomy.themes)), 0.05) + rng.normal(0, 0.01, (300, len(taxonomy.themes)))
    sims[:, 0] = 0.45 + rng.normal(0, 0.02, 300)
    sims[7, 1] = 0.44
    tagger = ZeroShotTagger(taxonomy, min_z=2.5, min_similarity=0.2, margin=0.05, calibration="corpus")
    tagger.calibrate(sims, prototypes={})
    result = tagger.assign([{} for _ in range(300)], sims)
    ids = [t.id for t in taxonomy.themes]
    assert result[7].themes == [ids[1]]
    tagged = [i for i, a in enumerate(result) if a.themes]
    # The generic theme reaches z >= 2.5 only in its own upper tail (a handful of rows), never everywhere.
    assert 7 in tagged and len(tagged) < 10


def test_themes_supervised_needs_a_model():
    with pytest.raises(ConfigError, match="themes.model is empty. Use --theme-model models/NAME"):
        ThemesStage(ThemesConfig(method="supervised"))
