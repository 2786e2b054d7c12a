"""Every sentence a reader sees, in es, pt and en, with number formats and plurals.

The catalogue lives in ``catalogue.py``; this module looks strings up and formats
values the way readers of each language write them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from babel.numbers import format_decimal, format_percent

from consultnlp import schema
from consultnlp.i18n.accounting import ACCOUNTING_STRINGS
from consultnlp.i18n.catalogue import (
    LANGUAGE_NAMES,
    PII_KINDS,
    REASONS,
    SETTINGS,
    STRINGS,
)
from consultnlp.i18n.positions import POSITION_STRINGS
from consultnlp.i18n.subjects import SUBJECT_STRINGS
from consultnlp.i18n.themes import THEME_STRINGS
from consultnlp.i18n.votes import VOTE_STRINGS

STRINGS.update(POSITION_STRINGS)
STRINGS.update(ACCOUNTING_STRINGS)
STRINGS.update(VOTE_STRINGS)
STRINGS.update(SUBJECT_STRINGS)
STRINGS.update(THEME_STRINGS)
LOCALES = {"es": "es", "pt": "pt_BR", "en": "en"}
REPORT_LANGS = schema.LANGUAGES


QUOTES = {"es": ("«", "»"), "pt": ("«", "»"), "en": ("“", "”")}


def t(key: str, lang: str, count: int | None = None, **values: object) -> str:
    """The string ``key`` in ``lang`` with ``values`` filled in; ``count`` picks the singular or plural form."""
    entry = STRINGS[key].get(lang) or STRINGS[key]["en"]
    if isinstance(entry, dict):
        entry = entry["one" if count == 1 else "other"]
    return entry.format(**values) if values else entry


@dataclass(frozen=True)
class Note:
    """A technical note about a run, kept as a catalogue key and its values so that it reads in any language."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        """The note in ``lang``: numbers as its readers write them, language codes as language names."""
        shown: dict[str, Any] = {}
        for name, value in self.values.items():
            if isinstance(value, bool):
                shown[name] = str(value)
            elif isinstance(value, int):
                shown[name] = number(value, lang)
            elif name == "languages":
                shown[name] = ", ".join(language_name(code, lang) for code in value)
            elif name == "counts":
                shown[name] = ", ".join(f"{language_name(code, lang)} {number(n, lang)}" for code, n in value.items())
            elif name == "mapping" and isinstance(value, list):
                shown[name] = position_mapping(value, lang)
            else:
                shown[name] = value
        count = next((v for k, v in self.values.items() if k in ("n", "count") and isinstance(v, int)), None)
        return t(self.key, lang, count=count, **shown)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "values": self.values}


def note_text(note: "Note | dict | str", lang: str) -> str:
    """A note (as recorded: a Note, its dict form from state.json, or plain text from an older run) in ``lang``."""
    if isinstance(note, Note):
        return note.text(lang)
    if isinstance(note, dict) and note.get("key") in STRINGS:
        return Note(note["key"], dict(note.get("values") or {})).text(lang)
    return str(note)


def position_mapping(items: list, lang: str) -> str:
    """``[[value, position, rows], ...]`` as ``A -> a favor (18.436), (sin dato) -> sin postura expresa (3)`` in ``lang``."""
    shown = []
    for value, position, rows in items:
        key = f"position_{position}"
        name = t(key, lang) if key in STRINGS else str(position)
        shown.append(f"{value or t('blank', lang)} -> {name[:1].lower() + name[1:]} ({number(int(rows), lang)})")
    return ", ".join(shown)


def number(value: float | int, lang: str, digits: int = 0) -> str:
    """1.234,5 (es/pt) or 1,234.5 (en)."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def percent(value: float, lang: str, digits: int | None = None) -> str:
    """18,6% (es/pt) or 18.6% (en); without ``digits``, one decimal below 10% and none above."""
    if digits is None:
        digits = 1 if abs(value) < 0.1 and value != 0 else 0
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(value, format=pattern, locale=LOCALES[lang])


def quoted(text: str, lang: str) -> str:
    """``text`` in the quotation marks of ``lang``: «…» (es, pt) or “…” (en)."""
    left, right = QUOTES.get(lang, QUOTES["en"])
    return f"{left}{text}{right}"


def language_name(code: str, lang: str) -> str:
    return LANGUAGE_NAMES[lang].get(code, code)


def reason_name(code: str, lang: str) -> str:
    return REASONS.get(code, {}).get(lang, code)


def setting_name(key: str, lang: str) -> str:
    return SETTINGS.get(key, {}).get(lang, key)


def pii_name(kind: str, lang: str) -> str:
    return PII_KINDS.get(kind, {}).get(lang, kind)


def column_name(column: str) -> str:
    """A metadata column name as people read it: ``tipo_participante`` -> ``Tipo participante``."""
    text = str(column).replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else str(column)
