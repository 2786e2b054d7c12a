"""Only citizens' words are analysed: the organiser's rows and process notes are set aside, counted, never quoted (issue 26)."""

from __future__ import annotations

import json

import pandas as pd

from consultnlp.analysis import analyze
from consultnlp.config import load_config

TOPICS = [
    ("buses", "Necesitamos más buses en la periferia porque el recorrido actual no llega a los cerros del sector {i}"),
    ("ciclovias", "Queremos ciclovías seguras y separadas del tráfico para ir al trabajo en bicicleta por la avenida {i}"),
    ("agua", "Falta agua potable en las poblaciones del sector {i}, los camiones aljibe no alcanzan en verano"),
    ("plazas", "Las plazas del barrio {i} necesitan luminarias y juegos para que los niños jueguen seguros de noche"),
]
SHEET = (
    "Objetivo: Fortalecer la atención primaria de salud en la región número {i} con nuevos centros.\n"
    "Órgano responsable: Ministerio de Salud, subsecretaría de redes asistenciales {i}."
)
NOTE = "Solo se llenó para el sistema"


def test_citizens_only_official_and_process_notes_never_quoted(tmp_path):
    rows = [(f"c{t}{i}", text.format(i=i)) for t, (_, text) in enumerate(TOPICS) for i in range(25)]
    rows += [(f"s{i}", SHEET.format(i=i)) for i in range(12)]
    rows += [(f"n{i}", NOTE) for i in range(8)]
    path = tmp_path / "consulta.csv"
    pd.DataFrame(rows, columns=["id", "texto"]).to_csv(path, index=False)
    config = load_config(
        overrides=[
            "embed.embedder=tfidf-svd",
            "embed.dimensions=32",
            "topics.clustering=kmeans",
            "topics.n_clusters=4",
            "themes.method=keywords",
            "workers=1",
            "report.formats=[md]",
        ]
    )
    config.ingest.text_column, config.ingest.id_column = "texto", "id"
    out = tmp_path / "out"
    analyze(path, out, config, cache_dir=tmp_path / "cache")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rows"]["excluded"] == {"official": 12, "process_note": 8}
    comments = pd.read_parquet(out / "comments.parquet").set_index("comment_id")
    assert (comments.loc[[f"s{i}" for i in range(12)], "excluded"] == "official").all()
    notes = comments.loc[[f"n{i}" for i in range(8)]]
    assert (notes["excluded"] == "process_note").all() and not notes["campaign"].astype(bool).any()  # not a campaign
    tables = {p.stem: pd.read_parquet(p) for p in (out / "tables").glob("*.parquet")}
    quoted = [t for name, t in tables.items() if name.startswith(("quotes", "key_points", "position_quotes"))]
    assert quoted and sum(len(t) for t in quoted) > 0
    for table in quoted:
        text = " ".join(table.astype(str).to_numpy().ravel())
        assert "Objetivo" not in text and "responsable" not in text and "sistema" not in text
        ids = {i for col in ("comment_id", "comment_ids") if col in table for v in table[col].astype(str) for i in v.split(";")}
        assert not {i for i in ids if i[0] in "sn"}, ids
