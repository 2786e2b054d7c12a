"""Positions: support, partial, oppose or none for every contribution counted (``consultnlp/positions/``).

``positions.method``:

- ``cues`` (default): explicit statements in the text, by the phrase lists of ``data/positions/`` (not for a Pol.is
  export: its statements are positions others vote on, read from the votes);
  everything without one is ``none``. When the input has a closed agree/disagree question nobody named
  (``positions.mapping.find_position_column``: a column "acuerdo" of A/P/D), its answers are the
  positions, as with ``column``, and a note says so (``positions.detect_column: false`` reads the text); unless its
  answers record how far each group agreed, not the writer's stance (``consultnlp.positions.agreement``: Chile 2016's
  meetings): then no position is read, in the column or the text, and a note says why.
- ``column``: a closed question (``--position-column``) mapped to positions; the mapping is noted.
- ``model``: a classifier from ``consultnlp positions train`` (``--position-model``) on the analysed
  contributions; rows set aside as ``no_argument`` are read by the cues (their text is a position).
- ``off``: no position columns.

Rows counted: every analysed row, and rows set aside as ``no_argument`` ("acuerdo total", "I agree",
"discordo") when ``positions.set_aside`` is on: they stay excluded from the analysis, but their
position counts. Other rows get an empty ``position``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from consultnlp import schema
from consultnlp.config import PositionsConfig
from consultnlp.errors import OptionError, literal
from consultnlp.frame import analysed_mask, broadcast_to_duplicates, unit_mask
from consultnlp.i18n import Note
from consultnlp.ingest.platforms import POLIS_VOTES
from consultnlp.positions import (
    NONE,
    POSITIONS,
    SOURCE_COLUMN,
    SOURCE_MODEL,
    SOURCE_TEXT,
)
from consultnlp.stages.base import RunContext, Stage

if TYPE_CHECKING:
    from consultnlp.positions.agreement import GroupAgreement

OUTPUT_COLUMNS = [schema.POSITION, schema.POSITION_SOURCE, schema.POSITION_EVIDENCE, schema.POSITION_TARGET]


def counted_mask(frame: pd.DataFrame, set_aside: bool) -> pd.Series:
    """Rows whose position counts: analysed rows, and rows set aside as no_argument when ``set_aside``."""
    mask = analysed_mask(frame)
    if set_aside:
        mask |= frame[schema.EXCLUDED] == schema.REASON_NO_ARGUMENT
    return mask


class PositionsStage(Stage):
    """Adds ``position``, ``position_source``, ``position_evidence`` and ``position_target`` (the measure or part of the
    proposal a stated position is about, from the text; "" for the proposal as a whole, a closed question or the model)."""

    name = "positions"
    requires = (schema.TEXT_CLEAN,)
    provides = tuple(OUTPUT_COLUMNS)

    def __init__(self, config: PositionsConfig) -> None:
        super().__init__(config)
        if config.method == "off":
            self.requires, self.provides = (), ()  # type: ignore[misc]
        elif config.method == "column":
            if not config.column:
                raise OptionError(
                    "positions.method is 'column' but positions.column is empty. Give {position_column:COLUMN}.", "position_column"
                )
            self.requires = ()  # type: ignore[misc]
        elif config.method == "model":
            if not config.model:
                raise OptionError(
                    "positions.method is 'model' but positions.model is empty. Give {position_model:models/NAME}.", "position_model"
                )
            self.requires = (schema.TEXT_CLEAN, schema.TEXT_REDACTED)  # type: ignore[misc]

    def run(self, frame: pd.DataFrame, context: RunContext) -> pd.DataFrame:
        cfg: PositionsConfig = self.config
        if cfg.method == "off":
            return frame.copy()
        out = frame.copy()
        for column in OUTPUT_COLUMNS:
            out[column] = ""
        if cfg.method == "cues" and POLIS_VOTES in frame:
            # A Pol.is statement is a position others vote on: agreement is read from the votes, not from its words
            # (in a blind reading, 19 of 30 statements the cues read as a stance judged the world, not a measure).
            context.warn("note_positions_votes")
            context.stats["positions_method"] = "votes"
            return out
        source = self._source_column(frame) if cfg.method == "column" else self._found_column(frame, context)
        if "positions_group_column" in context.stats:
            # Records of how far each group agreed: their texts' "estamos de acuerdo", "acuerdo parcial", "hay desacuerdo"
            # say the same (claim checks 78 and 83): no stance toward a proposal is read, and the note says why.
            context.stats["positions_method"] = "none: group agreement"
            return out
        counted = counted_mask(out, cfg.set_aside)
        if source is not None:
            self._from_column(out, counted, source, context)
        elif cfg.method == "model":
            self._from_model(out, context)
            self._from_cues(out, counted & ~analysed_mask(out), context)
        else:
            self._from_cues(out, counted, context)
        context.stats["positions_method"] = "column" if source is not None else cfg.method
        return out

    def _found_column(self, frame: pd.DataFrame, context: RunContext) -> str | None:
        """With cues: an input column that is a closed agree/disagree question, said in a note (``positions.detect_column``)."""
        from consultnlp.positions.mapping import find_position_column

        cfg: PositionsConfig = self.config
        if cfg.method != "cues" or not cfg.detect_column:
            return None
        column = find_position_column(frame, [c for c in frame.columns if c not in schema.RESERVED])
        if column is None:
            return None
        group = self._group_agreement(frame, column)
        if group is not None:
            key = "note_position_column_group_all" if group.read == group.total else "note_position_column_group"
            context.warn(key, column=column, named=group.named, read=group.read, total=group.total, phrase=group.phrase)
            context.stats["positions_group_column"] = column
            return None
        context.warn("note_position_column_found", column=column)
        return column

    def _group_agreement(self, frame: pd.DataFrame, column: str) -> GroupAgreement | None:
        """Whether the found column records how far each group agreed (``consultnlp.positions.agreement``), read on the
        rows whose positions are counted."""
        from consultnlp.positions.agreement import group_agreement
        from consultnlp.positions.mapping import map_positions

        rows = counted_mask(frame, self.config.set_aside) & (frame[column].astype("string").str.strip().fillna("") != "")
        positions, _ = map_positions(frame.loc[rows, column], column, self.config.mapping)
        langs = frame.loc[rows, schema.LANG] if schema.LANG in frame else pd.Series("", index=frame.index[rows])
        return group_agreement(frame.loc[rows, schema.TEXT_CLEAN].fillna(""), langs, positions)

    def _source_column(self, frame: pd.DataFrame) -> str:
        """The closed question's column; an input column named like a pipeline column was kept as ``input_<name>``."""
        column = str(self.config.column)
        if column in schema.RESERVED and f"input_{column}" in frame.columns:
            return f"input_{column}"
        if column not in frame.columns:
            found = ", ".join(str(c) for c in frame.columns if c not in schema.RESERVED)
            raise OptionError(
                f'positions.column: the input has no column "{literal(column)}". Found: {literal(found)}. Give one of them as '
                "{position_column}.",
                "position_column",
            )
        return column

    def _from_column(self, out: pd.DataFrame, counted: pd.Series, column: str, context: RunContext) -> None:
        from consultnlp.positions.mapping import map_positions

        cfg: PositionsConfig = self.config
        name = str(cfg.column or column)  # as the user named it (``column`` may be its ``input_`` copy), or as found
        values = out.loc[counted, column]
        positions, seen = map_positions(values, name, cfg.mapping)
        # Kept as data, so that the note names positions and writes numbers in the report's language.
        context.warn("note_position_mapping", column=name, mapping=[[value, position, n] for value, (position, n) in seen.items()])
        # Rows set aside for another reason (no content, unreadable, too short) also answer the question: not counted, but
        # said (claim check 67, Chile 2016: the note's A, P and D fell 6,003 short of the file's, with no word why).
        answered = out[column].astype("string").str.strip().fillna("") != ""
        left = int((answered & ~counted).sum())
        if left:
            context.warn("note_position_answers_left", column=name, n=left)
        shown = values.map(lambda v: "" if pd.isna(v) else str(v).strip())
        out.loc[counted, schema.POSITION] = positions.to_numpy()
        out.loc[counted, schema.POSITION_SOURCE] = SOURCE_COLUMN
        out.loc[counted, schema.POSITION_EVIDENCE] = (f"{name}=" + shown).to_numpy()

    def _from_cues(self, out: pd.DataFrame, rows: pd.Series, context: RunContext) -> None:
        from consultnlp.positions.cues import CueDetector
        from consultnlp.positions.lexicon import load_cues

        cfg: PositionsConfig = self.config
        detector = CueDetector(load_cues(extra_cues=cfg.extra_cues, extra_targets=cfg.extra_targets))
        langs = out.loc[rows, schema.LANG].astype(str) if schema.LANG in out else pd.Series("", index=out.index[rows])
        pairs = pd.Series(list(zip(out.loc[rows, schema.TEXT_CLEAN].fillna("").astype(str), langs)), index=out.index[rows])
        uniques = list(dict.fromkeys(pairs.tolist()))
        with context.progress.task("Finding stated positions", total=len(uniques)) as task:
            found = {}
            for text, lang in uniques:
                detection = detector.detect(text, lang)
                found[(text, lang)] = (detection.position, detection.evidence, detection.target if detection.position != NONE else "")
            task.advance(len(uniques))
        results = pairs.map(found)
        out.loc[rows, schema.POSITION] = [r[0] for r in results]
        out.loc[rows, schema.POSITION_SOURCE] = SOURCE_TEXT
        out.loc[rows, schema.POSITION_EVIDENCE] = [r[1] for r in results]
        out.loc[rows, schema.POSITION_TARGET] = [r[2] for r in results]

    def _from_model(self, out: pd.DataFrame, context: RunContext) -> None:
        from consultnlp.positions.model import load_position_model

        cfg: PositionsConfig = self.config
        model = load_position_model(cfg.model)  # type: ignore[arg-type]
        units = out[unit_mask(out)]
        texts = units[schema.TEXT_REDACTED].astype(str).tolist()
        embeddings = self._embeddings(units, texts, model, context) if model.classifier.settings.uses_embeddings else None
        groups = None
        if model.group_column:
            # The model was trained with what each text answers (a concept): the same input column, renamed or not.
            column = next((c for c in (model.group_column, f"input_{model.group_column}") if c in units), None)
            if column is None:
                context.progress.note(
                    f'The position model was trained with column "{model.group_column}", which this input lacks: '
                    "positions are read from the text alone."
                )
            else:
                groups = units[column].fillna("").astype(str).tolist()
        with context.progress.task("Classifying positions", total=len(units)) as task:
            positions, prob = model.predict(texts, embeddings, min_probability=cfg.min_probability, groups=groups)
            task.advance(len(units))
        out.loc[units.index, schema.POSITION] = positions
        out.loc[units.index, schema.POSITION_SOURCE] = SOURCE_MODEL
        out.loc[units.index, schema.POSITION_EVIDENCE] = [f"p={p:.2f}" for p in prob]
        broadcast_to_duplicates(out, OUTPUT_COLUMNS, {})

    @staticmethod
    def _embeddings(units: pd.DataFrame, texts: list[str], model, context: RunContext):  # noqa: ANN001, ANN205
        """The run's embeddings when the model was trained with the same encoder, else the model's own."""
        from consultnlp.themes.training import embed_unique, model_encoder

        encoder = model_encoder(context.progress, context.cache_dir)
        if context.has("embeddings") and context.lowercase_caps and context.encoder.key == encoder.key:
            position = context.unit_ids.get_indexer(units.index)
            if (position >= 0).all():
                return context.embeddings[position]
        return embed_unique(texts, encoder)

    def notes(self, before: pd.DataFrame, after: pd.DataFrame) -> list[Note]:
        if schema.POSITION not in after:
            return []
        counts = after.loc[after[schema.POSITION] != "", schema.POSITION].value_counts()
        values = {p: int(counts.get(p, 0)) for p in POSITIONS}
        # No stated position: no note (the report simply has no section on positions).
        return [Note("note_positions", values)] if sum(values.values()) > values[NONE] else []
