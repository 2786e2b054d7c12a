"""Whether a closed agree/disagree column records how far a group agreed, not each writer's stance.

Chile 2016's self-convened meetings marked each concept they chose A, P or D: whether the meeting's participants reached
agreement about it, not whether they supported it (they had just chosen it). Read as support and opposition, the report
said "0.7% against"; a blind reader found that of 40 "D" rows 12 said the participants did not agree among themselves,
16 argued for the concept and about 5 opposed it (claim check 76). The texts say so themselves: the answers read as
"against" or "in part" speak of the group's agreement (a ``[consensus]`` cue of ``data/positions``: "no hubo acuerdo",
"no se llegó a un consenso", "the group could not agree") far more often than the writers of a stance do.

Such records state no stance toward a proposal, in the column or in their texts (claim checks 78 and 83: of the stances
the texts were then read for, «estamos de acuerdo», «acuerdo parcial», «hay desacuerdo», 441 of 559 «in favour» and 289
of 298 «in part» were the meetings' own agreement): the report has no positions, and a note says why;
``--position-column`` reads the column as positions all the same.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from consultnlp.positions import OPPOSE, PARTIAL, SUPPORT
from consultnlp.positions.cues import CueDetector
from consultnlp.positions.lexicon import CONSENSUS
from consultnlp.positions.tokens import words

MAX_READ = 2_000  # texts read per answer, the first in row order (Chile's "D": 1,370)
MIN_GROUP_TEXTS = 10  # of those answering against or in part, at least this many speak of the group's agreement
# ... and at least this share of them (Chile 2016, at stop 47: 8.6% of "D" and 5.8% of "P" against 1.9% of "A"; in its
# 5,000-row sample, 24 of 443 "D" and "P"),
GROUP_SHARE = 0.05
GROUP_RATIO = 2.0  # ... and this many times the share among the answers read as support


@dataclass(frozen=True)
class GroupAgreement:
    """The evidence that a column records a group's agreement: of ``read`` texts whose answer is read as against or in
    part, ``named`` speak of it; ``phrase`` is the most frequent way they say it, as written."""

    read: int
    named: int
    phrase: str
    total: int = 0  # the texts answering against or in part, read or not


def _speaking_of_the_group(texts: list[tuple[str, str]], detector: CueDetector) -> list[tuple[str, bool]]:
    """Of ``texts`` (text, language), the words of each that speak of the group's agreement (a consensus cue, with its
    negator: "No hubo acuerdo") and whether they deny it; ("", False) where none do."""
    out = []
    for text, lang in texts:
        hit = next((h for h in detector.detect(text, lang).hits if h.cue.kind == CONSENSUS), None)
        out.append(("", False) if hit is None else (_cue_words(text, hit.first, hit.last), hit.negated))
    return out


def _cue_words(text: str, first: int, last: int) -> str:
    """The words ``first`` to ``last`` of ``text`` as written."""
    found = words(text)
    return " ".join(text[found[first].start : found[last - 1].end].split()) if 0 <= first < last <= len(found) else ""


def group_agreement(texts: pd.Series, langs: pd.Series, positions: pd.Series, detector: CueDetector | None = None) -> GroupAgreement | None:
    """Whether the answers of a closed question (``positions``: each row's answer as read, aligned with ``texts`` and
    ``langs``) record a group's agreement: the evidence, else None."""
    detector = detector or CueDetector()
    found: dict[str, list[tuple[str, bool]]] = {}
    read: dict[str, int] = {}
    total = int(positions.isin((OPPOSE, PARTIAL)).sum())
    for position in (SUPPORT, OPPOSE, PARTIAL):
        rows = (positions == position).to_numpy()
        pairs = list(zip(texts[rows].astype(str), langs[rows].astype(str)))[:MAX_READ]
        found[position] = [x for x in _speaking_of_the_group(pairs, detector) if x[0]]
        read[position] = len(pairs)
    share_for = len(found[SUPPORT]) / max(1, read[SUPPORT])
    against = found[OPPOSE] + found[PARTIAL]
    named, n = len(against), read[OPPOSE] + read[PARTIAL]
    if named < MIN_GROUP_TEXTS or named < GROUP_SHARE * n or named / n < GROUP_RATIO * share_for:
        return None
    # The most frequent denial shows it best ("No hubo acuerdo"), else the most frequent statement of it.
    denied = [w for w, negated in against if negated] or [w for w, _ in against]
    phrases = Counter(w[:1].upper() + w[1:] for w in denied)
    phrase = sorted(phrases.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return GroupAgreement(read=n, named=named, phrase=phrase, total=total)
