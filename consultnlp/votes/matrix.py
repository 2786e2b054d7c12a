"""The participant x statement vote matrix of a Pol.is export: 1 agree, -1 disagree, 0 pass, NaN not seen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from consultnlp.errors import InputError

PARTICIPANTS_FILE, VOTES_FILE = "participants-votes.csv", "votes.csv"
# participants-votes.csv: these columns come first (some exports add "xid"), then one column per statement id.
PARTICIPANT_FIELDS = ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")


@dataclass(frozen=True)
class VoteMatrix:
    """Votes of ``participants`` (rows) on ``statements`` (columns); ``platform_groups`` is the opinion group the
    platform itself gave each participant (NaN: not placed), when the export has it."""

    participants: pd.Index
    statements: pd.Index
    values: np.ndarray  # float32, participants x statements
    platform_groups: pd.Series | None = None

    def without(self, statements: set[str]) -> VoteMatrix:
        """The matrix without the given statements (e.g. those the moderators rejected)."""
        keep = ~self.statements.isin(sorted(statements))
        return VoteMatrix(self.participants, self.statements[keep], self.values[:, keep], self.platform_groups)

    def without_own_votes(self, authors: pd.Series) -> VoteMatrix:
        """The matrix without each statement's author's own vote on it (``authors``: statement id -> participant id), so
        that its counts are the other participants' reactions, as the quotes' and the reactions table's are."""
        rows, cols = _own_cells(self, self.statements, authors.reindex(self.statements.astype(str)))
        if not len(rows):
            return self
        values = self.values.copy()
        values[rows, cols] = np.nan
        return VoteMatrix(self.participants, self.statements, values, self.platform_groups)

    def without_participants(self, participants: set[str]) -> VoteMatrix:
        """The matrix without the given participants' votes (the organiser's account: no participant)."""
        keep = ~self.participants.astype(str).isin(sorted(participants))
        if keep.all():
            return self
        groups = self.platform_groups[keep] if self.platform_groups is not None else None
        return VoteMatrix(self.participants[keep], self.statements, self.values[keep], groups)


def _votes_frame(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the votes ({exc}). Give the Pol.is export's own {path.name}.") from exc


def _from_participants(path: Path) -> VoteMatrix:
    frame = _votes_frame(path)
    missing = [c for c in PARTICIPANT_FIELDS if c not in frame.columns]
    if missing:
        raise InputError(
            f"{path}: no column {', '.join(missing)}; a Pol.is participants-votes.csv starts with {', '.join(PARTICIPANT_FIELDS)}."
        )
    # One column per statement, named by its id (Pol.is numbers them); other participant fields ("xid", an external id
    # some exports add) are no statement: counted as one, bg2050-volunteers read "votes on 317 statements" for 316.
    statements = [c for c in frame.columns if str(c).strip().isdigit()]
    if not statements:
        raise InputError(
            f"{path}: no statement column (Pol.is names them by the statement's number after {', '.join(PARTICIPANT_FIELDS)})."
        )
    values = frame[statements].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=np.float32)
    participants = pd.Index(frame["participant"].astype(str), name="participant")
    groups = pd.Series(pd.to_numeric(frame["group-id"], errors="coerce").to_numpy(), index=participants, name="group")
    return VoteMatrix(participants, pd.Index([str(s) for s in statements], name="statement"), values, groups)


def _from_votes(path: Path) -> VoteMatrix:
    frame = _votes_frame(path)
    missing = [c for c in ("comment-id", "voter-id", "vote") if c not in frame.columns]
    if missing:
        raise InputError(f"{path}: no column {', '.join(missing)}; a Pol.is votes.csv has comment-id, voter-id and vote.")
    if "timestamp" in frame:  # a participant may change a vote: the last one counts
        frame = frame.assign(_t=pd.to_numeric(frame["timestamp"], errors="coerce")).sort_values("_t", kind="stable")
    frame = frame.drop_duplicates(["voter-id", "comment-id"], keep="last")
    frame = frame.assign(vote=pd.to_numeric(frame["vote"], errors="coerce"))
    table = frame.pivot(index="voter-id", columns="comment-id", values="vote")
    table = table.reindex(index=sorted(table.index, key=_natural), columns=sorted(table.columns, key=_natural))
    return VoteMatrix(
        pd.Index(table.index.astype(str), name="participant"),
        pd.Index(table.columns.astype(str), name="statement"),
        table.to_numpy(dtype=np.float32),
    )


def _natural(value: str) -> tuple[int, int | str]:
    return (0, int(value)) if str(value).isdigit() else (1, str(value))


def read_vote_matrix(folder: Path) -> VoteMatrix | None:
    """The vote matrix beside a Pol.is ``comments.csv`` (``participants-votes.csv`` preferred, else ``votes.csv``),
    or None when the folder holds neither."""
    folder = Path(folder)
    if (folder / PARTICIPANTS_FILE).is_file():
        return _from_participants(folder / PARTICIPANTS_FILE)
    if (folder / VOTES_FILE).is_file():
        return _from_votes(folder / VOTES_FILE)
    return None


def _own_cells(matrix: VoteMatrix, statements: pd.Index, authors: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(participant rows, statement columns) where each of ``statements``' author (``authors``, aligned with them) meets it
    in the matrix: both known to it. Pol.is counts an author's vote on their own statement among its agrees: on Scoop
    HiveMind's UBI conversation it was the only vote on each of 18 participants' statements, and the report called them
    other participants' reactions."""
    rows = matrix.participants.astype(str).get_indexer(authors.fillna("").astype(str).str.strip().to_numpy())
    cols = matrix.statements.get_indexer(statements.astype(str))
    known = (rows >= 0) & (cols >= 0)
    return rows[known], cols[known]
