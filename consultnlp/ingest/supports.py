"""Supports: how many people backed each contribution on the platform (votes, supports, endorsements, likes).

A platform counts its participants' backing per contribution: Decidim's proposal ``supports`` (``votes`` from 0.28
on, empty where the space hides them) and endorsements (``endorsements/total_count``; ``likes/total_count`` from
0.28 on), Consul Democracy's ``cached_votes_up`` (supports of a proposal or an investment, up-votes of a debate or a
comment). ``find_supports_column`` picks the export's column (``CANDIDATES``, in order: a platform's votes before
its endorsements), ``parse_supports`` reads its cells as whole counts. The count becomes the ``supports`` column
(``schema.SUPPORTS``, nullable integer): a cell that holds no count stays empty, never 0.

Supports order what is shown within a subject (``summary``); they are never read as positions: backing a proposal
says nothing about agreeing with the consultation's text. Not counts of backing, so never used: comment counts
(``comments``), followers, Consul's ``cached_votes_total`` and ``cached_votes_down`` (down-votes are in the total),
Pol.is' agrees and disagrees (read as votes of their own, ``ingest.platforms``).
"""

from __future__ import annotations

import re

import pandas as pd

from consultnlp.errors import InputError, literal

# Column names (case and separators aside) that hold a count of backing, first match wins.
CANDIDATES = (
    "supports",
    "votes",
    "cached_votes_up",  # Decidim proposals (old, 0.28+), Consul Democracy
    "endorsements/total_count",
    "endorsements_count",
    "likes/total_count",
    "likes_count",  # Decidim endorsements
    "apoyos",
    "apoios",
    "votos",
    "votos a favor",  # the same, as exports and scrapes name it in es/pt
)
MIN_COUNT_SHARE = 0.9  # of the filled cells, at least this share must read as a count for the column to be used
# "12", "1.234" / "1,234" / "1 234" (thousands), "1\nvoto", "12 apoios": a whole number, with at most a word after it.
_COUNT = re.compile(r"^\s*(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)(?:\s+[^\W\d_]+)?\s*$")


def _key(name: str) -> str:
    return re.sub(r"[._/\s]+", "/", str(name).strip().casefold())


def parse_supports(values: pd.Series) -> pd.Series:
    """Whole counts as a nullable integer column; empty where a cell holds none (never 0)."""

    def count(cell: object) -> int | None:
        match = _COUNT.match(str(cell)) if cell is not None else None
        return int(re.sub(r"\D", "", match.group(1))) if match else None

    return pd.Series([count(v) for v in values], index=values.index, dtype="Int64")


def counts_share(values: pd.Series) -> tuple[int, float]:
    """Filled cells, and the share of them that read as a count."""
    cells = values.astype(str).str.strip()
    filled = cells[cells != ""]
    if not len(filled):
        return 0, 0.0
    return len(filled), float(filled.map(lambda c: _COUNT.match(c) is not None).mean())


def find_supports_column(raw: pd.DataFrame) -> str | None:
    """The column of ``raw`` that counts each row's backing (``CANDIDATES`` in order), or None.

    A candidate is used only when it has filled cells and nearly all of them are counts: a votes column the
    platform left empty (Decidim with votes hidden) falls through to the endorsements."""
    by_key = {}
    for column in raw.columns:
        by_key.setdefault(_key(column), column)
    for name in CANDIDATES:
        column = by_key.get(_key(name))
        if column is None:
            continue
        filled, share = counts_share(raw[column])
        if filled and share >= MIN_COUNT_SHARE:
            return column
    return None


def read_supports(raw: pd.DataFrame, option: str | None, where: str) -> tuple[pd.Series | None, str | None]:
    """The counts of ``raw``'s supports column and its name: the column ``option`` names, else the one found
    (``option`` None), none with ``option`` "none"."""
    if option == "none":
        return None, None
    if option is None:
        column = find_supports_column(raw)
        return (None, None) if column is None else (parse_supports(raw[column]), column)
    filled, share = counts_share(raw[option])
    if filled and share < MIN_COUNT_SHARE:
        cells = raw[option].astype(str).str.strip()
        bad = next(c for c in cells if c and not _COUNT.match(c))
        raise InputError.about(
            literal(f"{where}: ")
            + "{supports_column:{column}}"
            + literal(f": {round((1 - share) * filled)} of its {filled} filled cells are not whole counts (e.g. {bad[:40]!r}). ")
            + "Name the column that counts each row's votes or supports, or use {supports_column:none}.",
            "supports_column",
            column=option,
        )
    return parse_supports(raw[option]), option
