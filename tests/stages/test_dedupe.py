import numpy as np

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


def test_near_duplicate_pairs_are_those_datasketch_lsh_finds():
    """The numpy banding gives exactly the pairs of datasketch's MinHashLSH (query, then Jaccard check)."""
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    from consultnlp.duplicates import NUM_PERM, near_duplicate_pairs, signatures

    rng = np.random.default_rng(5)
    vocab = [f"palabra{i}" for i in range(300)]
    base = [" ".join(rng.choice(vocab, size=30)) for _ in range(40)]
    keys = []
    for text in base:  # each base text with 0-5 variants: a word changed or added, so some pairs sit near the threshold
        keys.append(text)
        for _ in range(int(rng.integers(0, 6))):
            words = text.split()
            words[int(rng.integers(0, len(words)))] = str(rng.choice(vocab))
            if rng.random() < 0.5:
                words.insert(int(rng.integers(0, len(words))), str(rng.choice(vocab)))
            keys.append(" ".join(words))
    values = signatures(keys, seed=42)
    scheme = MinHash(num_perm=NUM_PERM, seed=42).scheme
    hashes = [LeanMinHash(seed=42, hashvalues=row, scheme=scheme) for row in values]
    lsh = MinHashLSH(threshold=0.7, num_perm=NUM_PERM)
    expected = set()
    for i, mh in enumerate(hashes):
        expected |= {(j, i) for j in lsh.query(mh) if mh.jaccard(hashes[j]) >= 0.7}
        lsh.insert(i, mh)
    found = near_duplicate_pairs(keys, 0.7, 42)
    assert len(expected) >= 20  # the planted variants give many pairs to compare
    assert set(found) == expected and len(found) == len(expected)


def test_dedupe_short_repeated_texts_are_duplicates_not_campaigns():
    # 30 meetings wrote the same slogan on their own: copies are grouped, but a campaign is a real shared text.
    out = _run(["Educación gratuita y de calidad"] * 30 + [LETTER] * 12, campaign_min_size=10, campaign_min_words=8)
    assert out[schema.DUP_COUNT].iloc[0] == 30 and not out[schema.CAMPAIGN].iloc[:30].any()
    assert out[schema.CAMPAIGN].iloc[30:].all() and out[schema.CAMPAIGN_ID].iloc[30] == "K1"


def test_dedupe_campaigns_are_never_made_of_non_answers():
    """A placeholder typed by hundreds (Chile 2016: "Sin fundamento" 493 times) is set aside before dedupe."""
    from consultnlp.config import PipelineConfig
    from consultnlp.pipeline import build_stages, init_frame

    texts = ["Sin fundamento."] * 40 + ["NO HAY FUNDAMENTO"] * 15 + ["Acuerdo total"] * 20 + [LETTER] * 11
    current = init_frame(make_frame(texts))
    context = RunContext()
    for stage in build_stages(PipelineConfig(stages=["clean", "screen", "language", "dedupe"])):
        current = stage.apply(current, context)
    assert current[schema.EXCLUDED].iloc[:55].eq("non_answer").all() and current[schema.EXCLUDED].iloc[55:75].eq("no_argument").all()
    campaigns = current.loc[current[schema.CAMPAIGN], schema.TEXT].unique().tolist()
    assert campaigns == [LETTER]
