"""What a published summary shows in place of identifiers that are personal data.

When the id column or a segment column holds e-mails, phones or national ids
(``consultnlp.privacy.pseudonyms``), every published table and report carries a stable
pseudonym instead. The summary is computed on the real values (so a re-render finds the
same rows) and only its published copy is rewritten here.
"""

from __future__ import annotations

import pandas as pd

from consultnlp.privacy.pseudonyms import pseudonymise

ID_COLUMN = "comment_id"
# Pol.is participants placed in opinion groups (``participant_groups``): their ids are the author ids of the statements,
# a personal column, so the published table shows pseudonyms (the UBI claim check, stop 37, placed 15 of 18 authors).
PARTICIPANT_COLUMN = "participant"


def _join(values: str, separator: str, key: str) -> str:
    parts = [p for p in str(values).split(separator) if p.strip()]
    return separator.join(pseudonymise(pd.Series([p.strip() for p in parts]), key)) if parts else str(values)


def public_tables(
    tables: dict[str, pd.DataFrame], *, columns: list[str], key: str, segment_tables: dict[str, str]
) -> dict[str, pd.DataFrame]:
    """Copies of ``tables`` with the ids (``comment_id`` in ``columns``) and the values of personal segment
    columns replaced by their pseudonyms; tables without such values are returned as they are."""
    out = dict(tables)
    if ID_COLUMN in columns:
        for name, column, separator in (
            ("quotes", "comment_id", None),
            ("key_points", "comment_id", None),
            ("key_points", "comment_ids", ";"),
            ("exclusions", "example_comment_ids", ", "),
            ("campaigns", "representative_id", None),
            ("most_supported", "comment_id", None),
        ):
            table = out.get(name)
            if table is None or column not in table:
                continue
            table = out[name] = table.copy()
            if separator is None:
                table[column] = pseudonymise(table[column].astype(str), key)
            else:
                table[column] = [_join(v, separator, key) for v in table[column]]
    if PARTICIPANT_COLUMN in columns and "participant_groups" in out:
        table = out["participant_groups"] = out["participant_groups"].copy()
        table[PARTICIPANT_COLUMN] = pseudonymise(table[PARTICIPANT_COLUMN].astype(str), key)
    for segment in (c for c in columns if c not in (ID_COLUMN, PARTICIPANT_COLUMN)):
        name = segment_tables.get(segment)
        if name in out and segment in out[name]:
            out[name] = out[name].copy()
            out[name][segment] = _keep_blank(out[name][segment], key)
        for name in ("theme_segment", "position_segment"):
            if name in out:
                table = out[name] = out[name].copy()
                rows = table["segment_column"] == segment
                table.loc[rows, "segment"] = _keep_blank(table.loc[rows, "segment"], key)
        if "campaigns" in out and f"top_{segment}" in out["campaigns"]:
            out["campaigns"] = out["campaigns"].copy()
            out["campaigns"][f"top_{segment}"] = _keep_blank(out["campaigns"][f"top_{segment}"], key)
    return out


def _keep_blank(values: pd.Series, key: str) -> list[str]:
    """Pseudonyms, except for the "(blank)" marker of missing values, which is no one's data."""
    from consultnlp.summary.segments import BLANK

    return [v if v == BLANK else p for v, p in zip(values.astype(str), pseudonymise(values.astype(str), key))]
