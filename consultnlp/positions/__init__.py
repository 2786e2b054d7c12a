"""Positions: who supports a proposal, who opposes it, and who states no position.

Every contribution counted for positions gets one of ``support``, ``partial``, ``oppose``
or ``none`` (no position stated), with its source and evidence:

- ``column``: a closed question mapped to positions (``consultnlp/positions/mapping.py``).
- ``text``: explicit statements found by phrase cues with negation, questions, reported
  speech and the object of the statement handled (``consultnlp/positions/cues.py``,
  lists in ``data/positions/``). Everything without an explicit cue is ``none``.
- ``model``: a classifier trained with ``consultnlp positions train`` (``consultnlp/positions/model.py``).
"""

from __future__ import annotations

SUPPORT = "support"
PARTIAL = "partial"
OPPOSE = "oppose"
NONE = "none"
POSITIONS = (SUPPORT, PARTIAL, OPPOSE, NONE)
STATED = (SUPPORT, PARTIAL, OPPOSE)

# Where a row's position came from (the values of ``position_source``).
SOURCE_COLUMN = "column"
SOURCE_TEXT = "text"
SOURCE_MODEL = "model"
SOURCES = (SOURCE_COLUMN, SOURCE_TEXT, SOURCE_MODEL)
