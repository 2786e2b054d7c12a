from consultnlp import schema
from consultnlp.config import DedupeConfig
from consultnlp.stages.base import RunContext
from consultnlp.stages.dedupe import DedupeStage
from tests.conftest import make_frame

LETTER = (
    "Exijo que el plan de acción incluya un compromiso vinculante para proteger los glaciares y las fuentes "
    "de agua frente a la minería, con monitoreo ciudadano y datos abiertos de los derechos de agua."
)


def _run(texts, **cfg):
    frame = make_frame(texts)
    frame[schema.TEXT_CLEAN] = frame[schema.TEXT]
    return DedupeStage(DedupeConfig(**cfg)).run(frame, RunContext())


def test_dedupe_exact_ignores_case_accents_punctuation():
    out = _run(["Más salud rural!", "mas salud rural", "Otra cosa distinta sobre educación"])
    assert out[schema.DUP_GROUP].tolist() == [0, 0, 1]
    assert out[schema.DUP_COUNT].tolist() == [2, 2, 1]
    assert out[schema.DUP_REPRESENTATIVE].tolist() == [True, False, True]


def test_dedupe_near_duplicate_form_letters_grouped_into_campaign():
    variants = [
        LETTER,
        "Estimados: " + LETTER,
        LETTER + " Saludos desde Copiapó.",
        LETTER.replace("minería", "mineria").upper(),
    ]
    other = "Propongo publicar el presupuesto municipal en formato abierto cada mes con explicaciones sencillas."
    out = _run(variants * 3 + [other], campaign_min_size=10)
    groups = out[schema.DUP_GROUP].tolist()
    assert len(set(groups[:12])) == 1 and groups[12] != groups[0]
    assert out[schema.DUP_COUNT].iloc[0] == 12
    assert out[schema.CAMPAIGN].tolist() == [True] * 12 + [False]
    assert out[schema.CAMPAIGN_ID].iloc[0] == "K1"
    assert int(out[schema.DUP_REPRESENTATIVE].sum()) == 2


def test_dedupe_short_texts_only_exact():
    out = _run(["Muy bien", "Muy bien!", "Muy mal"])
    assert out[schema.DUP_GROUP].tolist() == [0, 0, 1]


def test_dedupe_excluded_rows_are_not_grouped():
    frame = make_frame(["Muy bien", "Muy bien"])
    frame[schema.TEXT_CLEAN] = frame[schema.TEXT]
    frame.loc["c001", schema.EXCLUDED] = "language"
    out = DedupeStage(DedupeConfig()).run(frame, RunContext())
    assert out[schema.DUP_GROUP].tolist() == [0, -1]
    assert out[schema.DUP_REPRESENTATIVE].tolist() == [True, False]


def test_dedupe_exact_method_skips_near():
    out = _run([LETTER, "Estimados: " + LETTER], method="exact")
    assert out[schema.DUP_GROUP].tolist() == [0, 1]
