"""The dedupe stage: duplicate groups, the row that represents each, and organised campaigns (``consultnlp/duplicates.py``).

Where rows have a prompt (``context``), two texts answering different prompts are never one group, and
near-duplicates that differ in the word naming a concept are split (``consultnlp/slots.py``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.cleaning import normalise_key
from consultnlp.config import DedupeConfig
from consultnlp.duplicates import group_ids, near_duplicate_pairs
from consultnlp.frame import analysed_mask, answered_prompts
from consultnlp.i18n import Note
from consultnlp.prompts import prompt_words
from consultnlp.slots import meaning_slot_pairs
from consultnlp.stages.base import RunContext, Stage

PROMPT_MARK = "\x1f"  # joins a text's key and its prompt: one exact group per text and prompt


class DedupeStage(Stage):
    """Adds ``dup_group``, ``dup_count``, ``dup_representative``, ``campaign`` and ``campaign_id``."""

    name = "dedupe"
    uses_engine = True
    requires = (schema.TEXT_CLEAN,)
    provides = (schema.DUP_GROUP, schema.DUP_COUNT, schema.DUP_REPRESENTATIVE, schema.CAMPAIGN, schema.CAMPAIGN_ID)

    def __init__(self, config: DedupeConfig) -> None:
        super().__init__(config)

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: DedupeConfig = self.config
        out = frame.copy()
        analysed = analysed_mask(out)
        texts = out.loc[analysed, [schema.TEXT_CLEAN]]
        keys = pd.concat(list(context.engine.map_partitions(_keys, texts))) if len(texts) else pd.Series([], dtype=object)
        # Exact duplicates: one unique key each, numbered by first appearance (stable, readable ids).
        # factorize hashes the strings; np.unique would build a fixed-width array as wide as the longest key.
        prompts = out.loc[analysed, schema.CONTEXT].fillna("").astype(str).to_numpy(dtype=object) if schema.CONTEXT in out else None
        keyed = keys.to_numpy(dtype=object) if prompts is None else keys.to_numpy(dtype=object) + PROMPT_MARK + prompts
        exact, unique_keyed = pd.factorize(keyed, sort=False)
        first = pd.Series(np.arange(len(exact))).groupby(exact).min().to_numpy() if len(exact) else np.zeros(0, dtype=np.int64)
        unique_keys = keys.to_numpy(dtype=object)[first]

        with context.progress.task("Finding near-duplicates", total=None):
            if cfg.method == "minhash":
                long_idx = [i for i, k in enumerate(unique_keys) if len(k) >= cfg.min_chars_near]
                pairs_local = near_duplicate_pairs(
                    [unique_keys[i] for i in long_idx], cfg.threshold, context.random_state, engine=context.engine
                )
                pairs = [(long_idx[a], long_idx[b]) for a, b in pairs_local]
                copies = np.bincount(exact, minlength=len(unique_keys))
                pairs = self._same_meaning(pairs, unique_keys, first, prompts, texts[schema.TEXT_CLEAN], context, copies)
            else:
                pairs = []
        key_group = group_ids(len(unique_keys), pairs)
        groups = key_group[exact]

        out[schema.DUP_GROUP] = -1
        out.loc[analysed, schema.DUP_GROUP] = groups
        sizes = pd.Series(groups).value_counts()
        out[schema.DUP_COUNT] = 1
        out.loc[analysed, schema.DUP_COUNT] = sizes.reindex(groups).to_numpy()
        out[schema.DUP_REPRESENTATIVE] = False
        first_rows = pd.Series(np.arange(len(groups))).groupby(groups).transform("min").to_numpy()
        out.loc[analysed, schema.DUP_REPRESENTATIVE] = first_rows == np.arange(len(groups))

        words = texts[schema.TEXT_CLEAN].str.count(r"[^\W\d_]+").to_numpy()
        long_enough = pd.Series(words).groupby(groups).max()
        campaign_groups = sizes[(sizes >= cfg.campaign_min_size) & (long_enough.reindex(sizes.index) >= cfg.campaign_min_words)]
        # Largest campaign first; ties by group id (input order).
        ranked = sorted(campaign_groups.items(), key=lambda kv: (-kv[1], kv[0]))
        campaign_of = {g: f"K{i + 1}" for i, (g, _) in enumerate(ranked)}
        out[schema.CAMPAIGN_ID] = out[schema.DUP_GROUP].map(campaign_of).fillna("")
        out[schema.CAMPAIGN] = out[schema.CAMPAIGN_ID] != ""
        for col in (schema.DUP_GROUP, schema.DUP_COUNT):
            out[col] = out[col].astype("int64")
        out[schema.DUP_REPRESENTATIVE] = out[schema.DUP_REPRESENTATIVE].astype(bool)
        n_dup = int(analysed.sum()) - len(sizes)
        context.stats["unique_contributions"] = int(len(sizes))
        if n_dup:
            context.progress.note(
                f"{n_dup} {'comment is a copy' if n_dup == 1 else 'comments are copies'} of others ({len(sizes)} unique); "
                f"{len(campaign_of)} {'campaign' if len(campaign_of) == 1 else 'campaigns'} of {cfg.campaign_min_size}+ copies."
            )
        return out

    def notes(self, before: pd.DataFrame, after: pd.DataFrame) -> list[Note]:
        """What the analysed rows answer, when they answer prompts: how many, and the two answered most."""
        counts = answered_prompts(after)
        if counts.empty:
            return []
        first, second = (list(counts.index[:2]) + [""])[:2]
        return [Note("note_prompts", {"n": len(counts), "first": first, "second": second})]

    @staticmethod
    def _same_meaning(
        pairs: list[tuple[int, int]],
        keys: np.ndarray,
        first: np.ndarray,
        prompts: np.ndarray | None,
        texts: pd.Series,
        context: RunContext,
        copies: np.ndarray | None = None,
    ) -> list[tuple[int, int]]:
        """The near-duplicate pairs that answer the same prompt and do not differ in the word naming a concept."""
        if prompts is not None:
            same = [(a, b) for a, b in pairs if prompts[first[a]] == prompts[first[b]]]
            context.stats["near_duplicates_split_by_prompt"] = len(pairs) - len(same)
            pairs = same
        originals = texts.to_numpy(dtype=object)
        split = meaning_slot_pairs(
            pairs,
            list(keys),
            [str(originals[i]) for i in first],
            prompt_words(prompts) if prompts is not None else frozenset(),
            (str(t) for t in originals),
            copies,
        )
        context.stats["near_duplicates_split_by_meaning"] = len(split)
        return [p for p in pairs if p not in split]


def _keys(texts: pd.DataFrame) -> pd.Series:
    """Comparison keys of one partition of cleaned texts."""
    return texts[schema.TEXT_CLEAN].map(normalise_key)
