"""Contributions presented in an organisation's name: who took part is not only people.

Claim check 93 (PNDBio 2025): "575 contributions from 78 participants" read as 78 people, where the accounts that wrote
most signed as industry associations and NGOs («Contribuição da Mercy For Animals», «Em nome da Confederação Nacional da
Indústria (CNI)», «Contribuição ABIHV – Associação Brasileira…», «(Ibá – Indústria Brasileira de Árvores)»). A text that
opens in an organisation's name says so in its first words: a submission "of"/"on behalf of" a named body, or the body's
name alone in brackets, with a word that names an organisation or in capitals (an acronym). Texts that name a body later
(«la junta de vecinos pide…») are not counted: they speak of it, not as it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pandas as pd

from consultnlp.privacy.detectors import PII_KINDS

_CAPITAL = "A-ZÁÉÍÓÚÂÊÔÃÕÇÑ"
_NAME = rf"[{_CAPITAL}][\w&'’.\-]*(?:\s+(?:d[aoe]s?|del|de|of|for|and|e|y|la|the|[{_CAPITAL}][\w&'’.\-]*)){{0,8}}"
# "Contribución de la X", «Contribuição da X», «Em nome da X», "Submission from X", "On behalf of the X", and «Contribuição
# ABIHV –» (an acronym straight after it).
_ON_BEHALF = re.compile(
    r"^\W*(?:(?i:(?:contribui[cç][aã]o|contribuci[oó]n|contribution|submission|posicionamento|manifesta[cç][aã]o|aporte)\s+"
    rf"(?:d[aoe]s?|del|de\s+la|from|by|of)\s+(?:la\s+|el\s+|los\s+|the\s+)?|(?:em\s+nome\s+d[aoe]s?|en\s+nombre\s+de(?:l|\s+la|\s+los)?|"
    rf"on\s+behalf\s+of(?:\s+the)?)\s+)(?P<name>{_NAME})|(?i:contribui[cç][aã]o|contribuci[oó]n|contribution|submission)\s+"
    rf"(?P<acronym>[{_CAPITAL}]{{3,}}[\w]*)\b)"
)
# The body's name alone in brackets at the start: «(Ibá – Indústria Brasileira de Árvores)», «[ABIOGÁS]», «(CROPLIFE)».
_BRACKETED = re.compile(rf"^\s*[(\[](?P<name>[{_CAPITAL}][^()\[\]\n]{{1,90}})[)\]]")
_BODY = re.compile(
    r"\b(?:associa[cç][aã]o|asociaci[oó]n|association|confedera[cç][aã]o|confederaci[oó]n|confederation|federa[cç][aã]o|"
    r"federaci[oó]n|federation|instituto|institute|sindicato|union|funda[cç][aã]o|fundaci[oó]n|foundation|ind[uú]stria|"
    r"industry|c[aâ]mara|chamber|conselho|consejo|council|coaliz[aã]o|coalici[oó]n|coalition|rede|red|network|ong|ngo|"
    r"cooperativa|cooperative|col[eé]gio|colegio|universidad|universidade|university|empresa|company|ltda|s\.a\.)\b",
    re.IGNORECASE,
)
SHOWN = 3  # names given in the report, those with most contributions first
# What redaction writes in a text's place («[NAME] propone…»: Chile 2016, 30 rows read as an organisation «NAME»).
_REDACTED = frozenset({*PII_KINDS, "REDACTED"})


MIN_ACRONYM_ROWS = 2  # a name in capitals alone in brackets opens at least this many contributions («(VINCULANTE)» once)


def organisation_name(text: str) -> tuple[str, bool]:
    """The organisation ``text`` is presented in the name of, in its first words ("" where none is), and whether only its
    capitals say it is one (a bracketed word in capitals: an acronym or a shouted word, told apart by how often it opens)."""
    match = _ON_BEHALF.match(text)
    if match:
        return (match.group("name") or match.group("acronym") or "").strip(" –-:"), False
    match = _BRACKETED.match(text)
    if match:
        name = match.group("name").strip()
        if _BODY.search(name):
            return name, False
        head = re.split(r"\s+[–-]\s+", name)[0]
        if head.isupper() and len(head) >= 3 and " " not in head and head not in _REDACTED:
            return name, True
    return "", False


def organisations(texts: pd.Series) -> dict[str, Any]:
    """How many of ``texts`` (the analysed contributions) are presented in an organisation's name, how many distinct
    organisations (by the name's first part: «Ibá» of «Ibá – Indústria Brasileira de Árvores»), and the ``SHOWN`` with
    most contributions; {} where none is."""
    found = texts.astype(str).map(organisation_name)
    names, weak = found.str[0], found.str[1].astype(bool)
    keys = names.map(lambda n: re.split(r"\s+[–-]\s+|\s*\(", n)[0].strip().casefold())
    rows = keys[names != ""].value_counts()
    named = names[(names != "") & ~(weak & keys.map(rows).fillna(0).lt(MIN_ACRONYM_ROWS))]
    if named.empty:
        return {}
    keys = keys[named.index]
    counts = Counter(keys)
    first: dict[str, str] = {}
    for key, name in zip(keys, named):
        first.setdefault(key, name)  # the spelling its first contribution uses
    shown = [first[k] for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:SHOWN]]
    return {"contributions": int(len(named)), "organisations": len(counts), "shown": shown}
