"""Text written by the organiser, not by a citizen: found by the author's role and by the organiser's template.

Two kinds of evidence, both from the consultation itself (``data/nonanswers/README.md``):

- **Author role.** A platform export says who wrote a row: Decidim's official proposals are authored
  by the organisation (``author/url`` is the instance's root, not a ``/profiles/`` page); exports with a
  role or type column name it (``official``, ``admin``, ``organización`` ...). Ingest writes the role to
  the ``author_role`` column (:data:`AUTHOR_ROLE`); a role in :data:`OFFICIAL_ROLES` is official.
- **Template.** The organiser's own sheets follow one form: the same field labels at line starts
  ("Objetivo:", "Órgão responsável:", "Meta:") in many rows with different content, while most rows
  have none of them. A set of at least ``min_labels`` labels shared by ``min_rows`` distinct texts and
  by at most ``max_share`` of the rows is a template; the rows that carry it are official. Citizens who
  write "Objetivo:" once, or a label every citizen was asked to use, are not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from consultnlp.text import fold

AUTHOR_ROLE = "author_role"  # the column ingest fills from a platform's author fields: official / meeting / user_group / participant
ROLE_OFFICIAL, ROLE_MEETING, ROLE_GROUP, ROLE_PARTICIPANT = "official", "meeting", "user_group", "participant"
# Seed values of a role/type column that mean the organiser (compared folded, whole value).
OFFICIAL_ROLES = frozenset(
    {
        "official",
        "oficial",
        "officials",
        "admin",
        "administrator",
        "administrador",
        "administradora",
        "organization",
        "organisation",
        "organizacion",
        "organizacao",
        "organizer",
        "organiser",
        "organizador",
        "government",
        "gobierno",
        "governo",
        "staff",
        "moderator",
        "moderador",
        "decidim organization",
        "true",
        "1",
        "yes",
        "si",
        "sim",
    }
)
# Seed labels of an organiser's sheet: a label set with one of them needs only ``seed_min_rows`` rows.
OFFICIAL_LABELS = frozenset(
    {
        "orgao responsavel",
        "orgaos responsaveis",
        "organismo responsable",
        "unidad responsable",
        "institucion responsable",
        "ministerio responsable",
        "responsible body",
        "responsible department",
        "lead agency",
        "orgao executor",
        "secretaria responsavel",
        "area responsavel",
        "responsavel",
        "responsable",
        "responsible",
    }
)
# A field label at a line start (or after a sentence end when line breaks were lost): one to five words, then ":".
_LABEL = re.compile(r"(?:^|\n|[.;!?]\s)\s*[-•*]?\s*([A-ZÁÉÍÓÚÂÊÔÃÕÇÑ][\wÀ-ÿ()/ -]{1,40}?)\s*:(?!//)", re.MULTILINE)


def role_is_official(values: pd.Series) -> pd.Series:
    """Whether each role value names the organiser (``official``, ``Administrador`` ...)."""
    return values.fillna("").astype(str).map(lambda v: " ".join(fold(v).replace("_", " ").split()) in OFFICIAL_ROLES)


def field_labels(text: str) -> frozenset[str]:
    """The field labels a text uses ("Objetivo: ...\\nÓrgão responsável: ..." -> {objetivo, orgao responsavel})."""
    labels = set()
    for match in _LABEL.finditer(text):
        label = " ".join(fold(match.group(1)).split())
        if 1 <= len(label.split()) <= 5 and not label.isdigit():
            labels.add(label)
    return frozenset(labels)


@dataclass(frozen=True)
class Template:
    """A set of field labels the organiser's rows share, and how many rows carry it."""

    labels: frozenset[str]
    rows: int

    def describe(self) -> str:
        return ", ".join(f"{label}:" for label in sorted(self.labels))


def find_templates(
    texts: pd.Series,
    *,
    min_rows: int = 10,
    min_labels: int = 2,
    max_share: float = 0.2,
    seed_min_rows: int = 3,
) -> list[Template]:
    """Label sets that at least ``min_rows`` distinct texts share and at most ``max_share`` of the rows carry.

    A label counts when it is rare in the file (in at most ``max_share`` of the distinct texts): labels most rows
    use belong to the form every citizen filled in, not to the organiser. A set with a seed label of
    :data:`OFFICIAL_LABELS` ("Órgão responsável:") needs only ``seed_min_rows`` distinct texts.
    """
    if texts.empty:
        return []
    unique = pd.Series(pd.unique(texts.astype(str).to_numpy()))
    labels = unique.map(field_labels)
    frequency = Counter(label for found in labels for label in found)
    limit = max_share * len(unique)
    least = min(min_rows, seed_min_rows)
    common = {label for label, n in frequency.items() if n >= least and n <= limit}
    if len(common) < min_labels:
        return []
    # Rows grouped by the common labels they carry; a template is a label set carried by enough rows.
    carried = labels.map(lambda found: frozenset(found & common))
    sets = Counter(s for s in carried if len(s) >= min_labels)
    templates: list[Template] = []
    for labelset, _ in sets.most_common():
        rows = int(sum(1 for s in carried if labelset <= s))
        needed = seed_min_rows if labelset & OFFICIAL_LABELS else min_rows
        if rows >= needed and not any(labelset <= t.labels for t in templates):
            templates.append(Template(labelset, rows))
    return templates


def template_mask(texts: pd.Series, templates: list[Template]) -> pd.Series:
    """Rows whose text carries every label of one of ``templates``."""
    if not templates:
        return pd.Series(False, index=texts.index)
    verdict = {text: any(t.labels <= field_labels(text) for t in templates) for text in pd.unique(texts.astype(str).to_numpy())}
    return texts.astype(str).map(verdict).astype(bool)
