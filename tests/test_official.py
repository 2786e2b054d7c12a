"""The organiser's own rows: author role and template (consultnlp/official.py)."""

from __future__ import annotations

import pandas as pd

from consultnlp.official import field_labels, find_templates, role_is_official, template_mask


def _sheet(i: int) -> str:
    return (
        f"Objetivo: Fortalecer la atención primaria en la región {i}.\n"
        f"Órgano responsable: Ministerio de Salud, división {i}.\nMeta: {i * 10} centros al año."
    )


CITIZENS = [
    "Objetivo: que el barrio tenga una plaza con juegos para los niños.",  # one citizen uses a label once
    *[f"Necesitamos más buses en la periferia {i}, el recorrido actual no llega a los cerros." for i in range(30)],
    *[f"Queremos ciclovías seguras y separadas del tráfico en la calle {i}." for i in range(30)],
    "Propuesta: reciclaje en todas las escuelas. Responsable: la municipalidad.",
]


def test_official_field_labels_at_line_starts_and_after_a_sentence():
    assert field_labels(_sheet(1)) == {"objetivo", "organo responsable", "meta"}
    assert field_labels("Primero. Objetivo: bajar tarifas. Plazo: 2030") == {"objetivo", "plazo"}
    assert field_labels("ver https://example.org: no es un rótulo") == frozenset()


def test_official_template_found_from_the_data_and_citizens_kept():
    texts = pd.Series([_sheet(i) for i in range(12)] + CITIZENS)
    templates = find_templates(texts, min_rows=10)
    assert [sorted(t.labels) for t in templates] == [["meta", "objetivo", "organo responsable"]]
    mask = template_mask(texts, templates)
    assert mask.tolist() == [True] * 12 + [False] * len(CITIZENS)


def test_official_no_template_when_labels_are_the_citizens_form():
    # Every row uses the labels the form asked for: that is the citizens' form, not the organiser's sheet.
    texts = pd.Series([f"Problema: falta luz en la calle {i}.\nPropuesta: poner faroles nuevos {i}." for i in range(40)])
    assert find_templates(texts, min_rows=10) == []


def test_official_too_few_rows_is_no_template_unless_a_seed_label():
    few = pd.Series([f"Eje: movilidad {i}.\nPrograma: buses {i}." for i in range(5)] + CITIZENS)
    assert find_templates(few, min_rows=10) == []
    seeded = pd.Series([f"Eje: movilidad {i}.\nÓrgão responsável: Ministério {i}." for i in range(4)] + CITIZENS)
    assert [sorted(t.labels) for t in find_templates(seeded, min_rows=10)] == [["eje", "orgao responsavel"]]


def test_official_roles():
    roles = pd.Series(["official", "participant", "Administrador", "", "meeting", "Organização", None])
    assert role_is_official(roles).tolist() == [True, False, True, False, False, True, False]
