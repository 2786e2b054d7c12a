"""Labelled comments for training and evaluating theme classifiers, read from any supported file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from consultnlp.errors import InputError
from consultnlp.ingest import read_table

# ``themes`` joins labels with ";", so a label cannot contain it.
FORBIDDEN_IN_LABEL = ";"


@dataclass
class LabelledData:
    """Texts with their label sets (one label each unless multi-label) and optional question/group ids."""

    texts: list[str]
    labels: list[tuple[str, ...]]
    groups: list[str] | None = None
    multi_label: bool = False
    source: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, index: Any) -> "LabelledData":
        """Rows at the integer positions ``index``, in that order."""
        idx = list(index)
        return LabelledData(
            texts=[self.texts[i] for i in idx],
            labels=[self.labels[i] for i in idx],
            groups=[self.groups[i] for i in idx] if self.groups is not None else None,
            multi_label=self.multi_label,
            source=dict(self.source),
        )


def split_labels(value: str, separator: str | None) -> tuple[str, ...]:
    """The label set of one cell: the whole cell, or its ``separator``-separated parts (trimmed, no blanks, unique)."""
    parts = [value] if separator is None else value.split(separator)
    seen: dict[str, None] = {}
    for part in parts:
        part = part.strip()
        if part:
            seen[part] = None
    return tuple(seen)


def labelled_from_frame(
    frame: pd.DataFrame,
    *,
    text_column: str,
    label_column: str,
    multi_label: str | None = None,
    group_column: str | None = None,
    where: str = "the data",
) -> LabelledData:
    """Build ``LabelledData`` from a frame; rows with an empty text or no label are left out and counted."""
    for option, column in (("--text-column", text_column), ("--label-column", label_column), ("--group-column", group_column)):
        if column is not None and column not in frame.columns:
            found = ", ".join(map(str, frame.columns))
            raise InputError(f'{where} has no column "{column}". Found: {found}. Use {option} with one of them.')
    texts = frame[text_column].fillna("").astype(str)
    raw_labels = frame[label_column].fillna("").astype(str)
    labels = [split_labels(v, multi_label) for v in raw_labels]
    keep = [bool(t.strip()) and bool(l) for t, l in zip(texts, labels)]
    bad = sorted({l for ls, k in zip(labels, keep) if k for l in ls if FORBIDDEN_IN_LABEL in l})
    if bad:
        hint = " Use --multi-label ';' if they are lists of labels." if multi_label is None else ""
        raise InputError(f"{where}: label(s) contain ';', which separates themes in the output: {', '.join(bad[:3])}.{hint}")
    groups = None
    if group_column is not None:
        groups = [g.strip() for g in frame[group_column].fillna("").astype(str)]
    kept = [i for i, k in enumerate(keep) if k]
    data = LabelledData(
        texts=[texts.iloc[i] for i in kept],
        labels=[labels[i] for i in kept],
        groups=[groups[i] for i in kept] if groups is not None else None,
        multi_label=multi_label is not None,
        source={
            "rows_read": int(len(frame)),
            "rows_used": len(kept),
            "rows_left_out": {
                "empty_text": int(sum(not t.strip() for t in texts)),
                "no_label": int(sum(bool(t.strip()) and not l for t, l in zip(texts, labels))),
            },
            "text_column": text_column,
            "label_column": label_column,
            "multi_label_separator": multi_label,
            "group_column": group_column,
        },
    )
    if not kept:
        raise InputError(f"{where} has no row with both a text in '{text_column}' and a label in '{label_column}'.")
    return data


def read_labelled(
    path: str | Path,
    *,
    text_column: str,
    label_column: str,
    multi_label: str | None = None,
    group_column: str | None = None,
    sheet: str | None = None,
) -> LabelledData:
    """Read labelled comments from a CSV/XLSX/JSON/Parquet file (as ``analyze`` reads its input)."""
    frame, info = read_table(path, sheet=sheet)
    data = labelled_from_frame(
        frame,
        text_column=text_column,
        label_column=label_column,
        multi_label=multi_label,
        group_column=group_column,
        where=info.file_name,
    )
    data.source.update({"file": info.file_name, "sha256": info.sha256})
    return data
