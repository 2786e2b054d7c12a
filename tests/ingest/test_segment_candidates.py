"""Columns that could break the results down are named when the analyst chose none (claim check 63: PNDBio's chapters)."""

from __future__ import annotations

import pandas as pd

from consultnlp.ingest import ingest
from consultnlp.ingest.segments import segment_note


def _export(tmp_path, **columns):  # noqa: ANN001, ANN003, ANN202 - a pytest folder and columns; ingest's (frame, info)
    n = 40
    data = {"id": range(n), "comentario": [f"Comentario número {i} sobre la plaza del barrio" for i in range(n)], **columns}
    path = tmp_path / "export.csv"
    pd.DataFrame(data).to_csv(path, index=False)
    return path


def test_segment_candidates_named_when_the_analyst_chose_none(tmp_path):
    path = _export(
        tmp_path,
        capitulo=[f"Capítulo {i % 4}" for i in range(40)],  # 4 values of 10 rows: a segment
        fecha=[f"2025-10-{i % 28 + 1:02d}" for i in range(40)],  # a date: no segment
        votos=[str(i % 3) for i in range(40)],  # a count: no segment
        correo=[f"persona{i}@ejemplo.cl" for i in range(40)],  # personal: never named
        libre=[f"texto libre {i}" for i in range(40)],  # every value different: no grouping
    )
    _, info = ingest(path, text_column="comentario", id_column="id")
    assert info.segment_candidates == [["capitulo", 4]]
    assert segment_note(info) == (
        'Columns that could break the results down, not used: "capitulo" (4 values). Name them with --segment-columns to '
        "compare their parts."
    )
    # Named by the analyst: nothing to suggest.
    _, info = ingest(path, text_column="comentario", id_column="id", segment_columns=["capitulo"])
    assert info.segment_candidates == [] and segment_note(info) == ""
