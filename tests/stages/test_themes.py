"""The themes stage: keywords, zero-shot (keywords + calibrated embedding similarity), supervised."""

import numpy as np
import pandas as pd
import pytest

from consultnlp import schema
from consultnlp.config import ThemesConfig
from consultnlp.embedders import TextEncoder
from consultnlp.errors import ConfigError, PipelineError
from consultnlp.lemmas import Lemmatizer
from consultnlp.stages.base import RunContext
from consultnlp.stages.themes import ThemesStage
from consultnlp.taxonomy import load_taxonomy
from consultnlp.themes.keywords import KeywordMatcher
from consultnlp.themes.zeroshot import ZeroShotTagger, contrast

# (lang, text, themes it must get (empty = must be "other"), themes it must not get)
COMMENTS = [
    ("es", "Llevo ocho meses esperando una hora con el cardiólogo en el consultorio y nadie me da respuesta.", {"health"}, set()),
    ("es", "La licitación del puente se adjudicó a la empresa del primo del alcalde, con sobreprecio.", {"open_contracting"}, set()),
    ("es", "Mi hija no tiene profesor de matemáticas desde marzo y la escuela se llueve.", {"education"}, set()),
    ("es", "Muchas gracias por la invitación, saludos cordiales a todo el equipo.", set(), set()),
    ("es", "Los carabineros reprimieron la marcha pacífica y detuvieron a dos periodistas.", {"policing_public_security", "media_freedom"}, set()),
    ("es", "El agua potable llega turbia a nuestra población y la empresa sanitaria no responde.", {"water_sanitation"}, set()),
    # General values: mildly close to many themes, standing out for none.
    ("es", "Respeto, dignidad y buena convivencia entre todos.", set(), set()),
    ("es", "Que los pueblos originarios tengan escaños reservados y se reconozca la plurinacionalidad.", {"indigenous_peoples"}, set()),
    ("pt", "Os postos de saúde do bairro não têm médico e a fila para exames passa de seis meses.", {"health"}, {"local_government"}),
    # climate_action comes from the embedding alone: no climate_action keyword is in the text.
    ("pt", "O desmatamento na Amazônia e as queimadas estão acabando com a floresta e aumentando o calor.", {"climate_environment", "climate_action"}, set()),
    ("pt", "Obrigado pela oportunidade, parabéns a todos.", set(), set()),
    # "justiça" inside "justiça climática" is climate action, not the justice system.
    ("pt", "A justiça climática precisa chegar às periferias que mais sofrem com as enchentes.", {"climate_action"}, {"justice"}),
    ("pt", "Fiz um pedido pela LAI perguntando quanto a prefeitura gastou com a festa e não tive resposta.", {"access_to_information"}, set()),
    ("pt", "As energias renováveis devem chegar às comunidades quilombolas.", {"climate_action", "indigenous_peoples"}, set()),
    ("en", "The police stopped and searched my son three times this month without any reason.", {"policing_public_security"}, set()),
    ("en", "Publish every council spending line as open data in a machine-readable format, CSV please.", {"open_data"}, set()),
    ("en", "Our school has had no maths teacher since March and the classroom roof leaks.", {"education"}, set()),
    ("en", "Thanks, looks good to me.", set(), set()),
    ("en", "Rents have doubled and my landlord is threatening to evict us.", {"housing"}, set()),
    ("en", "The voting age should be lowered to 16.", {"elections"}, set()),
    ("en", "Warehouse workers need a living wage and the right to join a trade union.", {"labour"}, {"civil_service"}),
    ("en", "Everyone deserves respect and kindness, whoever they are.", set(), set()),
]


@pytest.fixture(scope="module")
def use_embedder():
    from consultnlp.embedders.use import UseEmbedder

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
    """What the nlp and embed stages leave in the context for the themes stage."""
    return RunContext(
        embedder=embedder, embeddings=embedder.encode(frame[schema.TEXT].tolist()), unit_ids=frame.index,
        encoder=TextEncoder(embedder), lemmatizer=Lemmatizer(),
    )


@pytest.fixture(scope="module")
def zero_shot(use_embedder) -> pd.DataFrame:
    frame = _frame()
    return ThemesStage(ThemesConfig(method="zero-shot")).apply(frame, _context(frame, use_embedder))


def _evidence(row: pd.Series) -> dict[str, str]:
    return dict(e.split(":", 1) for e in row[schema.THEME_EVIDENCE].split(";")) if row[schema.THEME_EVIDENCE] else {}


def test_themes_zero_shot_tags_hand_made_comments_in_each_language(zero_shot):
    for (lang, text, wanted, unwanted), themes in zip(COMMENTS, zero_shot[schema.THEMES]):
        given = set(themes.split(";"))
        if wanted:
            assert wanted <= given, (lang, text, themes)
            assert not unwanted & given, (lang, text, themes)
        else:
            assert themes == schema.OTHER_THEME, (lang, text, themes)


def test_themes_zero_shot_scores_and_evidence_line_up(zero_shot):
    # Every assignment carries a score in (0, 1] and its evidence, one entry per theme, in the same order.
    for themes, scores, evidence in zero_shot[[schema.THEMES, schema.THEME_SCORES, schema.THEME_EVIDENCE]].itertuples(index=False):
        if themes == schema.OTHER_THEME:
            assert scores == evidence == ""
            continue
        ids = themes.split(";")
        assert 1 <= len(ids) <= 3
        assert [s.split(":")[0] for s in scores.split(";")] == ids
        values = [float(s.split(":")[1]) for s in scores.split(";")]
        assert all(0 < v <= 1 for v in values) and values == sorted(values, reverse=True)
        assert [e.split(":")[0] for e in evidence.split(";")] == ids
        assert all("sim=" in e for e in evidence.split(";"))


def test_themes_zero_shot_evidence_shows_keywords_and_similarity(zero_shot):
    assert _evidence(zero_shot.iloc[1])["open_contracting"].startswith("licitación|sobreprecio|sim=0.")
    amazon = _evidence(zero_shot.iloc[9])
    assert amazon["climate_action"].startswith("sim=0.")  # from the embedding alone
    # "queimadas" matches the keyword "queimada" although the lemmatiser is not consistent about it.
    assert amazon["climate_environment"].startswith("amazônia|desmatamento|floresta|queimada|sim=")
    # One entry per thing mentioned: "energias renováveis" is "energia renovável" once; "quilombolas" is found.
    assert _evidence(zero_shot.iloc[13])["climate_action"].startswith("energia renovável|sim=")
    assert _evidence(zero_shot.iloc[13])["indigenous_peoples"].startswith("quilombola|sim=")


def test_themes_keyword_matcher_counts_each_mention_once_and_longest_match_wins():
    lemmatizer = Lemmatizer()
    matcher = KeywordMatcher(load_taxonomy("ogp"), lemmatizer)

    def match(text: str, lang: str) -> dict[str, list[str]]:
        return matcher.match(" ".join(lemmatizer.lemmatize([text], lang)[0]), lang, text)

    # Spelling variants and a keyword inside a longer one count once.
    assert match("Os povos indígenas e as mudanças climáticas; a mudanca climatica.", "pt") == {
        "indigenous_peoples": ["povos indígenas"], "climate_action": ["mudança climática"],
    }
    # A word inside another theme's phrase belongs to that phrase, unless it also appears on its own.
    assert match("Queremos justiça climática.", "pt") == {"climate_action": ["justiça climática"]}
    assert match("Queremos justiça climática, e a justiça é lenta.", "pt") == {
        "justice": ["justiça"], "climate_action": ["justiça climática"],
    }
    assert match("Seguridad social para todos.", "es") == {"social_protection": ["seguridad social"]}
    assert match("Más seguridad en las calles.", "es") == {"policing_public_security": ["seguridad"]}
    assert match("Soil health matters.", "en") == {"climate_environment": ["soil health"]}


def test_themes_keywords_method_keeps_keyword_evidence_only():
    frame = _frame()
    out = ThemesStage(ThemesConfig(method="keywords")).apply(frame, RunContext(lemmatizer=Lemmatizer()))
    assert out[schema.THEMES].iloc[0] == "health"
    assert out[schema.THEME_EVIDENCE].iloc[0] == "health:consultorio"
    assert out[schema.THEMES].iloc[3] == schema.OTHER_THEME
    # Without the embedding, the Amazon comment gets only the theme its keywords name.
    assert out[schema.THEMES].iloc[9] == "climate_environment"


def test_themes_zero_shot_needs_embeddings():
    frame = _frame(COMMENTS[:2])
    with pytest.raises(PipelineError, match="stage 'themes' needs embeddings, which no earlier stage"):
        ThemesStage(ThemesConfig(method="zero-shot")).apply(frame, RunContext(lemmatizer=Lemmatizer()))


def _synthetic(n_rows: int = 300, seed: int = 0) -> tuple[object, np.ndarray]:
    taxonomy = load_taxonomy("ogp")
    rng = np.random.default_rng(seed)
    sims = np.full((n_rows, len(taxonomy.themes)), 0.05) + rng.normal(0, 0.01, (n_rows, len(taxonomy.themes)))
    return taxonomy, sims


def test_themes_calibration_is_per_theme():
    # Theme 0 is close to every comment (a generic description); theme 1 only to comment 7.
    taxonomy, sims = _synthetic()
    sims[:, 0] = 0.45 + np.random.default_rng(1).normal(0, 0.02, len(sims))
    sims[7, 1] = 0.44
    tagger = ZeroShotTagger(taxonomy, min_z=2.5, min_similarity=0.2, margin=0.05, calibration="corpus")
    tagger.calibrate(sims, prototypes={})
    result = tagger.assign([{} for _ in range(len(sims))], sims)
    ids = [t.id for t in taxonomy.themes]
    assert result[7].themes == [ids[1]]
    tagged = [i for i, a in enumerate(result) if a.themes]
    # The generic theme reaches z >= 2.5 only in its own upper tail (a handful of rows), never everywhere.
    assert 7 in tagged and len(tagged) < 10


def test_themes_embedding_only_needs_the_theme_to_stand_out():
    taxonomy, sims = _synthetic(2)
    sims[0, 3] = 0.40  # close to one theme only: stands out
    sims[1, :12] = 0.40  # as close to twelve themes: none stands out
    assert contrast(sims)[0, 3] > 6 and contrast(sims)[1, :12].max() < 2
    tagger = ZeroShotTagger(taxonomy, min_z=-100, min_similarity=0.2, margin=0.5, calibration="corpus")
    result = tagger.calibrate(sims, prototypes={}).assign([{}, {}], sims)
    assert result[0].themes == [taxonomy.themes[3].id] and result[0].evidence == ["sim=0.40"]
    assert result[1].themes == []
    # Keywords are kept whatever the embedding says (the veto is optional); the theme that stands out ranks first.
    kept = tagger.assign([{taxonomy.themes[20].id: ["x"]}, {}], sims)[0]
    assert kept.themes == [taxonomy.themes[3].id, taxonomy.themes[20].id] and kept.evidence[1].startswith("x|sim=")
    vetoed = ZeroShotTagger(taxonomy, min_z=-100, margin=0.5, keyword_min_contrast=0.5, calibration="corpus")
    assert vetoed.calibrate(sims, prototypes={}).assign([{taxonomy.themes[20].id: ["x"]}, {}], sims)[0].themes == [taxonomy.themes[3].id]


CSV_TAXONOMY = (
    "id,parent,name_es,name_en,description_es,description_en,keywords_es,keywords_en\n"
    "transporte,,Transporte,Public transport,Buses y metro.,Buses and the metro.,bus;metro;pasaje,bus;metro;fare\n"
    "agua,,Agua,Water,Cortes y calidad del agua.,Water cuts and quality.,agua;alcantarillado,water;sewer\n"
    "parques,,Parques,Parks,Plazas y áreas verdes.,Parks and green spaces.,parque;plaza;árbol,park;playground;tree\n"
)


def test_themes_user_csv_taxonomy_zero_shot_uses_keywords_and_warns(use_embedder, write_file):
    path = write_file("mine.csv", CSV_TAXONOMY)
    comments = [
        ("es", "Subieron otra vez el pasaje del metro.", {"transporte"}, set()),
        ("en", "The playground in the park has been broken for months.", {"parques"}, set()),
        ("en", "We had no water for two days and the sewer overflows.", {"agua"}, set()),
        # No keyword: with three themes the least unrelated one is not evidence.
        ("en", "I think the mayor is doing a fine job overall.", set(), set()),
    ]
    frame = _frame(comments)
    context = _context(frame, use_embedder)
    out = ThemesStage(ThemesConfig(method="zero-shot", taxonomy=str(path))).apply(frame, context)
    assert out[schema.THEMES].tolist() == ["transporte", "parques", "agua", schema.OTHER_THEME]
    assert out[schema.THEME_EVIDENCE].iloc[1].startswith("parques:park|playground|sim=0.")
    assert context.taxonomy.id == "mine"
    assert [(w.key, w.values) for w in context.warnings] == [("note_small_taxonomy", {"n": 3, "min": 8})]


def test_themes_supervised_needs_a_model():
    with pytest.raises(ConfigError, match="themes.model is empty. Use --theme-model models/NAME"):
        ThemesStage(ThemesConfig(method="supervised"))


def test_similarities_in_chunks_by_row_index_match_one_product(monkeypatch):
    """Chunked, indexed similarities (used so a million embeddings are never copied) equal the plain product."""
    from consultnlp.themes import zeroshot

    rng = np.random.default_rng(0)
    embeddings = rng.normal(size=(50, 8)).astype(np.float32)
    prototypes = {lang: rng.normal(size=(5, 8)).astype(np.float32) for lang in ("es", "pt", "en")}
    rows = rng.permutation(50)[:37]
    langs = [("es", "pt", "en", "de")[i % 4] for i in range(37)]
    monkeypatch.setattr(zeroshot, "SIMILARITY_CHUNK", 7)
    got = zeroshot.similarities(embeddings, langs, prototypes, rows=rows)
    for k, (row, lang) in enumerate(zip(rows, langs)):
        if lang in prototypes:
            expected = embeddings[row] @ prototypes[lang].T
        else:  # no prototypes in this language: the best over the taxonomy's languages
            expected = np.max([embeddings[row] @ p.T for p in prototypes.values()], axis=0)
        np.testing.assert_allclose(got[k], expected, rtol=1e-5, atol=1e-6)
