"""The supervised classifier on real consultation data (skipped without ../shared)."""

import numpy as np
import pandas as pd
import pytest

from consultnlp.themes.classifier import ThemeClassifier
from consultnlp.themes.data import labelled_from_frame
from consultnlp.themes.evaluate import top_k_hits
from consultnlp.themes.training import embed_unique, model_encoder
from tests.conftest import shared_path


@pytest.mark.shared_data
def test_themes_chile_sample_top5_within_question_above_floor(chile_sample_cache):
    """Train the default model on 80% of the Chile 5k sample, test on the other 20%.

    Floor 0.77: on this split the default model measured 0.825 top-5 within the question
    (1,000 test rows, standard error about 0.012, so the floor is 4-5 standard errors below;
    its TF-IDF part alone measured 0.795, the model it replaced 0.67), while always
    proposing the question's 5 most frequent concepts reaches 0.43. The sample has about
    150 concepts for 4,000 training rows (full data: 155k), hence below the full
    benchmark's 0.90.
    """
    frame = pd.read_csv(shared_path("chile-ela-2016", "ela_fundamentos_sample5k.csv"), dtype=str, keep_default_na=False)
    frame = frame[frame["fundamento"].str.strip() != ""]
    train_frame = frame.sample(frac=0.8, random_state=0)
    test_frame = frame.drop(train_frame.index)
    columns = dict(text_column="fundamento", label_column="concepto", group_column="tema")
    train, test = labelled_from_frame(train_frame, **columns), labelled_from_frame(test_frame, **columns)
    encoder = model_encoder(cache_dir=chile_sample_cache / "cache")
    model = ThemeClassifier().fit(train.texts, train.labels, groups=train.groups, embeddings=embed_unique(train.texts, encoder))
    scores = model.scores(test.texts, groups=test.groups, embeddings=embed_unique(test.texts, encoder))
    top5 = top_k_hits(scores, test.labels, list(model.classes_), 5).mean()
    frequent = {g: part["concepto"].value_counts().index[:5] for g, part in train_frame.groupby("tema")}
    prior_top5 = np.mean([labels[0] in frequent[g] for labels, g in zip(test.labels, test.groups)])
    assert prior_top5 < 0.5
    assert top5 >= 0.77, top5
    assert top5 - prior_top5 >= 0.3
