import pandas as pd
import pytest

from consultnlp import langid as language_module
from consultnlp import schema
from consultnlp.config import LanguageConfig
from consultnlp.errors import PipelineError
from consultnlp.langid import _build_lexicon, _weights, detect_languages, langid_probs
from consultnlp.stages import language as language_stage
from consultnlp.stages.base import RunContext
from consultnlp.stages.language import LanguageStage

# Short comments typical of consultations, written for this test and never used to tune the
# lexicon or the thresholds (those were tuned on other phrases and on real data; see
# benchmarks/bench_language.py). Same ideas in the three languages, with and without accents,
# in capitals, with emoji.
HELD_OUT = {
    "es": [
        "Totalmente de acuerdo con la propuesta",
        "Me opongo a esta medida",
        "Hay que mejorar el transporte público",
        "No me parece justo",
        "Falta información sobre los costos",
        "¿Quién va a pagar esto?",
        "Necesitamos más ciclovías en el barrio",
        "Estoy en contra",
        "Buena iniciativa, felicitaciones",
        "Que se respete la ley",
        "Muchas gracias por consultarnos",
        "Los vecinos queremos más seguridad",
        "Sería bueno ampliar el horario",
        "Apoyo la idea",
        "Urge arreglar las calles",
        "Me gusta mucho",
        "NO ESTOY DE ACUERDO",
        "Que pasa con los adultos mayores?",
        "Mas areas verdes por favor",
        "Esto ya existe",
        "Propongo que la salud sea gratuita",
        "Hace falta un consultorio en la comuna",
        "Excelente trabajo 👏",
        "Las escuelas necesitan más profesores",
        "Bien pensado",
        "Eso no sirve para nada",
        "Yo vivo en el campo y no hay buses",
    ],
    "pt": [
        "Concordo totalmente com a proposta",
        "Sou contra essa medida",
        "É preciso melhorar o transporte público",
        "Não acho justo",
        "Faltam informações sobre os custos",
        "Quem vai pagar isso?",
        "Precisamos de mais ciclovias no bairro",
        "Muito bom, parabéns pela iniciativa",
        "Isso não resolve nada",
        "Que a lei seja respeitada",
        "Muito obrigada pela consulta",
        "Os moradores querem mais segurança",
        "Seria bom ampliar o horário",
        "Apoio a ideia",
        "Tem que consertar as ruas",
        "Gostei muito",
        "NÃO CONCORDO",
        "E os idosos, como ficam?",
        "Mais áreas verdes, por favor",
        "Isso já existe",
        "Proponho que a saúde seja gratuita",
        "Falta um posto de saúde no bairro",
        "Ótimo trabalho 👏",
        "As escolas precisam de mais professores",
        "Bem pensado",
        "Não serve pra nada",
        "Eu moro no interior e não tem ônibus",
    ],
    "en": [
        "I totally agree with this proposal",
        "I am against this measure",
        "Public transport needs improvement",
        "This is not fair",
        "There is no information about costs",
        "Who is going to pay for this?",
        "We need more bike lanes",
        "Great initiative, well done",
        "This does not solve anything",
        "Respect the law",
        "Thank you for asking us",
        "Residents want more safety",
        "Please extend the opening hours",
        "I support the idea",
        "Fix the roads first",
        "Love it",
        "I DISAGREE",
        "What about older people?",
        "More green spaces please",
        "This already exists",
        "Healthcare should be free",
        "We need a clinic in our area",
        "Good job 👏",
        "Schools need more teachers",
        "Well thought out",
        "Useless",
        "I live in the countryside and there are no buses",
    ],
}

LONG = {
    "es": (
        "Considero que el Estado debe garantizar el acceso a una educación pública, gratuita y de calidad "
        "en todas las regiones del país, porque hoy las familias de menores ingresos no tienen las mismas "
        "oportunidades y eso profundiza la desigualdad entre las comunas."
    ),
    "pt": (
        "Acredito que o governo precisa investir mais em saneamento básico nas periferias e no interior, "
        "pois muitas famílias ainda não têm acesso à água tratada e isso causa doenças que poderiam ser "
        "evitadas com políticas públicas contínuas e bem fiscalizadas."
    ),
    "en": (
        "I believe the council should invest in safer walking and cycling routes to schools, because many "
        "parents currently drive their children short distances, which adds to congestion and air pollution "
        "around the town centre every morning."
    ),
}

OTHER_LANGUAGES = [
    "Je ne suis pas d'accord avec cette proposition du gouvernement",
    "Wir brauchen mehr Radwege und einen besseren öffentlichen Verkehr in der Stadt",
    "Questa proposta è inaccettabile per i cittadini del quartiere",
    "我们应该支持这个提案",
    "Мы поддерживаем это предложение",
]


def make_frame(texts: list[str], index: list[str] | None = None) -> pd.DataFrame:
    index = index or [f"c{i:03d}" for i in range(len(texts))]
    return pd.DataFrame(
        {"text": texts, "text_clean": texts, "excluded": "", "excluded_stage": ""},
        index=pd.Index(index, name="comment_id"),
    )


def test_language_held_out_short_comments_accuracy():
    texts = [t for lang in HELD_OUT for t in HELD_OUT[lang]]
    truth = [lang for lang in HELD_OUT for _ in HELD_OUT[lang]]
    assert len(texts) >= 30 and all(len(v) >= 10 for v in HELD_OUT.values())
    predicted, scores = detect_languages(texts)
    wrong = [(t, want, got) for t, want, got in zip(texts, truth, predicted) if want != got]
    accuracy = 1 - len(wrong) / len(texts)
    assert accuracy >= 0.97, wrong
    for lang in HELD_OUT:
        per_lang = [got == lang for want, got in zip(truth, predicted) if want == lang]
        assert sum(per_lang) / len(per_lang) >= 0.9, (lang, wrong)
    assert all(0.5 <= s <= 1.0 for s, p in zip(scores, predicted) if p in HELD_OUT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Sí", "es"), ("Sim", "pt"), ("Yes", "en"), ("Não", "pt"), ("Gracias", "es"), ("Obrigada", "pt"), ("Thanks", "en")],
)
def test_language_one_word_answers(text, expected):
    assert detect_languages([text])[0] == [expected]


def test_language_long_texts_are_confident():
    langs, scores = detect_languages(list(LONG.values()))
    assert langs == list(LONG)
    assert min(scores) > 0.95


def test_language_long_text_in_capitals():
    langs, _ = detect_languages([LONG["es"].upper(), LONG["pt"].upper()])
    assert langs == ["es", "pt"]


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_language_other_languages(text):
    langs, scores = detect_languages([text])
    assert langs == ["other"]
    assert scores[0] > 0.7


@pytest.mark.parametrize("text", ["", " ", ".", "!!!", "😀😀👍", "123 456", "—", "?"])
def test_language_no_letters_is_und(text):
    assert detect_languages([text]) == (["und"], [0.0])


def test_language_min_letters():
    assert detect_languages(["a"], min_letters=2)[0] == ["und"]
    assert detect_languages(["Sí"], min_letters=3)[0] == ["und"]
    assert detect_languages(["Sí"], min_letters=2)[0] == ["es"]


def test_language_ambiguous_short_text_is_und_below_min_confidence():
    # "Fundamental" is spelt the same in the three languages.
    langs, scores = detect_languages(["Fundamental"], min_confidence=0.9)
    assert langs == ["und"]
    assert 0.33 <= scores[0] < 0.9


def test_language_portuguese_stays_pt_when_only_spanish_is_analysed():
    texts = ["Não concordo com essa proposta", "Concordo plenamente", "Muito obrigado"]
    assert detect_languages(texts, languages=["es"])[0] == ["pt", "pt", "pt"]
    assert detect_languages(texts, languages=["es"]) == detect_languages(texts)


def test_language_rejects_unknown_languages():
    with pytest.raises(ValueError, match="languages must be a non-empty subset of es, pt, en; got \\['fr'\\]"):
        detect_languages(["hola"], languages=["fr"])


def test_language_lexicon_rejects_a_word_listed_twice():
    with pytest.raises(ValueError, match="lists 'muy' twice"):
        _build_lexicon([(_weights(es=1.0), "muy bien"), (_weights(pt=1.0), "muy")])


def test_language_batch_scores_match_py3langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    texts = [LONG["es"], "Concordo plenamente", "Sim", "Je suis d'accord", "EL ESTADO DEBE", "a", "!!", "Fully agree"]
    full, restricted = langid_probs(texts)
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    labels = list(language_module._model().labels)
    for text, row in zip(texts, full):
        for lang, prob in identifier.rank(text)[:5]:
            assert row[labels.index(lang)] == pytest.approx(prob, abs=1e-4)
    identifier.set_languages(["es", "pt", "en"])
    for text, row in zip(texts, restricted):
        expected = dict(identifier.rank(text))
        assert row == pytest.approx([expected["es"], expected["pt"], expected["en"]], abs=1e-4)
    assert restricted[0].argmax() == 0 and restricted[1].argmax() == 1 and restricted[-1].argmax() == 2


def test_language_deterministic_and_order_independent():
    texts = HELD_OUT["es"][:5] + HELD_OUT["pt"][:5] + OTHER_LANGUAGES[:2]
    first = detect_languages(texts)
    again = detect_languages(list(reversed(texts)))
    assert first == detect_languages(texts)
    assert first == (list(reversed(again[0])), list(reversed(again[1])))


def test_language_stage_excludes_portuguese_when_only_spanish_is_analysed():
    frame = make_frame(["Estoy de acuerdo con la propuesta", "Não concordo com isso", "Fully agree", "Muy bien"])
    context = RunContext()
    out = LanguageStage(LanguageConfig(languages=["es"])).apply(frame, context)
    assert out[schema.LANG].tolist() == ["es", "pt", "en", "es"]
    assert out[schema.EXCLUDED].tolist() == ["", "language", "language", ""]
    assert out[schema.EXCLUDED_STAGE].tolist() == ["", "language", "language", ""]
    assert [w.text("en") for w in context.warnings] == [
        "2 contributions were set aside for their language (Portuguese 1, English 1); languages analysed: Spanish."
    ]


def test_language_stage_keeps_rows_order_and_input():
    texts = ["Me parece bien", "", "Acho ótimo", "Good idea", "Me parece bien", "Ich bin dagegen, das ist zu teuer"]
    frame = make_frame(texts, index=["z9", "a1", "m5", "b2", "y8", "c3"])
    frame.loc["a1", ["excluded", "excluded_stage"]] = ["empty", "clean"]
    before = frame.copy(deep=True)
    out = LanguageStage(LanguageConfig()).apply(frame, RunContext())
    pd.testing.assert_frame_equal(frame, before)
    assert out.index.tolist() == ["z9", "a1", "m5", "b2", "y8", "c3"]
    assert out[schema.LANG].tolist() == ["es", "und", "pt", "en", "es", "other"]
    assert out.loc["a1", schema.LANG_SCORE] == 0.0
    assert out.loc["z9", schema.LANG_SCORE] == out.loc["y8", schema.LANG_SCORE] > 0.5
    # Rows excluded earlier keep their reason; new exclusions are for language.
    assert out[schema.EXCLUDED].tolist() == ["", "empty", "", "", "", "language"]
    assert out[schema.EXCLUDED_STAGE].tolist() == ["", "clean", "", "", "", "language"]
    assert out[schema.LANG_SCORE].dtype == float


def test_language_stage_detects_each_distinct_text_once(monkeypatch):
    seen: list[str] = []
    real = language_module.detect_languages

    def counting(texts, **kwargs):
        seen.extend(texts)
        return real(texts, **kwargs)

    monkeypatch.setattr(language_stage, "detect_languages", counting)
    frame = make_frame(["Muy bien"] * 50 + ["Concordo"] * 30 + ["Muy bien"])
    out = LanguageStage(LanguageConfig()).run(frame, RunContext())
    assert sorted(seen) == ["Concordo", "Muy bien"]
    assert out[schema.LANG].value_counts().to_dict() == {"es": 51, "pt": 30}


def test_language_stage_needs_text_clean():
    frame = make_frame(["Muy bien"]).drop(columns=["text_clean"])
    with pytest.raises(PipelineError, match="stage 'language' needs column"):
        LanguageStage(LanguageConfig()).apply(frame, RunContext())


def _without_and_with_prior(texts: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, RunContext]:
    """The language stage over ``texts`` without the consultation's language mix as a prior, then with it (and its context)."""
    frame = make_frame(texts)
    frame[schema.TEXT_CLEAN] = frame[schema.TEXT]
    without = LanguageStage(LanguageConfig(file_prior=False)).apply(frame, RunContext())
    context = RunContext()
    return without, LanguageStage(LanguageConfig()).apply(frame, context), context


def test_language_file_prior_decides_short_texts_by_the_consultations_own_mix():
    spanish = [f"La constitución debe garantizar el derecho a la educación pública y gratuita en la comuna número {i}." for i in range(60)]
    short = ["Autoexplicativo", "AUTONOMIA REGIONAL", "Elegidos por voto popular", "real e igualitaria"]
    portuguese = ["Precisamos de mais escolas públicas e de professores bem pagos em todas as cidades do interior do estado."]
    without, out, context = _without_and_with_prior(spanish + short + portuguese)
    assert (without[schema.LANG].iloc[60:64] != "es").any()  # two words are not enough on their own
    assert out[schema.LANG].iloc[:64].eq("es").all()
    assert out[schema.LANG].iloc[64] == "pt"  # a clear minority comment keeps its language
    assert context.stats["language_prior"]["es"] > 0.9


def test_language_file_prior_sets_aside_short_texts_in_the_consultations_own_other_language():
    # An Austrian Pol.is conversation (claim check 60's export): its short German statements were analysed as English.
    german = [f"Die Gemeinde {i} soll Photovoltaik auf allen öffentlichen Dächern fördern und die Bürger beteiligen." for i in range(40)]
    short = ["Häuser energieautark machen", "mehr Wasserkraft", "Windräder dort, wo effizient", "Bin dafür"]
    english = ["The council should put solar panels on every school roof and let residents buy into the scheme."]
    without, out, context = _without_and_with_prior(german + short + english)
    assert (without[schema.LANG].iloc[40:44] == "en").any()  # a few words of German are closest to English among es/pt/en
    assert out[schema.LANG].iloc[:44].eq("other").all()
    assert out[schema.LANG].iloc[44] == "en"  # an English comment among them keeps its language
    assert context.stats["language_prior"]["other"] > 0.9
    # ... and which language they are in, for the report to name (claim check 60: it never said German).
    assert context.stats["other_languages"] == {"de": 44}


def test_file_prior_keeps_es_pt_en_shares_and_adds_other_only_when_seen():
    from consultnlp.stages.language import file_prior

    langs, scores, words = ["es", "es", "pt", "other"], [0.99, 0.95, 0.99, 0.97], [10, 9, 12, 15]
    with_other = file_prior(langs, scores, words)
    without = file_prior(langs[:3], scores[:3], words[:3])
    assert {k: with_other[k] for k in ("es", "pt", "en")} == without
    assert "other" not in without and 0 < with_other["other"] < 0.5
    assert file_prior(["other"], [0.99], [3]) == {}  # too short to be sure of: no prior at all


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", " Most of them (477) are in German."),
        ("es", " La mayoría de ellas (477) están en alemán."),
        ("pt", " A maioria delas (477) está em alemão."),
    ],
)
def test_language_reason_names_the_main_language_not_analysed(lang, said):
    from consultnlp.report.sections.common import ReportContext
    from consultnlp.report.sections.summary import _main_other_language

    def named(counts: dict, rows: int) -> str:
        return _main_other_language(
            ReportContext(tables={}, facts={"other_languages": counts}, lang=lang, taxonomy=None, settings={}), rows
        )

    assert named({"de": 477, "en": 2}, 479) == said
    assert named({"de": 4, "fr": 3}, 10) == ""  # no language holds most of them
    assert named({"xx": 9}, 10) == "" and named({}, 10) == ""  # a language without a name here; a run before stop 43
