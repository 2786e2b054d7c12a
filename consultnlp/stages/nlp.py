"""The nlp stage: content lemmas of every modelled comment (``consultnlp/lemmas.py`` does the work)."""

from __future__ import annotations

from collections import Counter
from functools import partial

import pandas as pd

from consultnlp import schema
from consultnlp.config import NlpConfig
from consultnlp.frame import broadcast_to_duplicates, unit_mask
from consultnlp.lemmas import display_forms, load_lemmas, save_lemmas, shared_lemmatizer
from consultnlp.stages.base import RunContext, Stage


class NlpStage(Stage):
    """Adds ``lemmas`` (space-joined content lemmas) for modelled rows; empty for the rest."""

    name = "nlp"
    uses_engine = True
    requires = (schema.TEXT_REDACTED, schema.LANG)
    provides = (schema.LEMMAS,)
    provides_data = ("lemmatizer",)

    def __init__(self, config: NlpConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: NlpConfig = self.config
        out = frame.copy()
        load_lemmas(context.cache_dir)  # the words an earlier run lemmatised: simplemma's dictionaries stay unread
        context.lemmatizer = _lemmatizer(cfg)
        out[schema.LEMMAS] = ""
        units = out.loc[unit_mask(out), [schema.TEXT_REDACTED, schema.LANG]]
        forms: dict[str, Counter] = {}
        # Lemmas of a comment do not depend on the others, so large inputs are lemmatised as
        # partitions in the engine's worker processes; the surface-form counts are summed here.
        with context.progress.task("Lemmatising", total=len(units)) as task:
            for lemmas, part_forms in context.engine.map_partitions(partial(lemmatize_partition, cfg), units):
                out.loc[lemmas.index, schema.LEMMAS] = lemmas
                for lang, counts in part_forms.items():
                    forms.setdefault(lang, Counter()).update(counts)
                task.advance(len(lemmas))
        save_lemmas(context.cache_dir)
        context.lemma_forms = display_forms(forms)
        # Duplicates share their representative's lemmas.
        broadcast_to_duplicates(out, [schema.LEMMAS], {schema.LEMMAS: ""})
        return out


def lemmatize_partition(cfg: NlpConfig, units: pd.DataFrame) -> tuple[pd.Series, dict[str, Counter]]:
    """Space-joined lemmas of each row of ``units`` (text_redacted, lang) and the (lemma, surface) counts per language."""
    lemmatizer = _lemmatizer(cfg)
    lemmas = pd.Series("", index=units.index, dtype=object)
    forms: dict[str, Counter] = {}
    for lang, part in units.groupby(schema.LANG, sort=True):
        forms[str(lang)] = Counter()
        result = lemmatizer.lemmatize(part[schema.TEXT_REDACTED].tolist(), str(lang), forms=forms[str(lang)])
        lemmas.loc[part.index] = [" ".join(x) for x in result]
    return lemmas, forms


def _lemmatizer(cfg: NlpConfig):  # noqa: ANN202 - Lemmatizer
    return shared_lemmatizer(cfg.lemmatizer, cfg.extra_stopwords, cfg.min_token_chars)
