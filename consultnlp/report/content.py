"""The report's content, built once from a summary's tables and rendered to HTML, Markdown and DOCX."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from typing import Any

import pandas as pd

from consultnlp import __version__
from consultnlp.i18n import number, quoted, t
from consultnlp.report import sections
from consultnlp.report.model import ReportContent, Section
from consultnlp.report.safety import clean_text


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _clean_section(section: Section) -> None:
    section.heading = clean_text(section.heading)
    for block in section.blocks:
        for f in fields(block):
            setattr(block, f.name, _clean(getattr(block, f.name)))
    for sub in section.subsections:
        _clean_section(sub)


def consultation_name(facts: dict[str, Any], source: str, title: str | None = None) -> tuple[str, bool]:
    """The consultation's name and whether it is only the file's name: the summary's ``title`` fact
    (``--title``, else the export's own title, else the file name), else ``title``, else ``source``."""
    known = facts.get("title")
    text, origin = getattr(known, "text", None), getattr(known, "origin", None)
    if text and origin in ("option", "platform"):
        return str(text), False
    if text is None and title and title.strip():
        return " ".join(title.split()), False
    return str(text or source), True


def _sentences(parts: list[str]) -> str:
    """``parts`` as one line of sentences: a part that ends without a stop gets one when another follows."""
    return " ".join(p if i == len(parts) - 1 or p.rstrip().endswith((".", "!", "?")) else p + "." for i, p in enumerate(parts))


PROCESSES_NAMED = 5  # processes named in the subtitle; the others are counted


def processes_sentence(facts: dict[str, Any], lang: str) -> list[str]:
    """The sentence that says the file holds several consultations, naming the largest with their rows; none otherwise."""
    known = facts.get("title")
    processes = list(getattr(known, "processes", ()) or ())
    if len(processes) < 2:
        return []
    named = [f"{p} ({number(n, lang)})" for p, n in processes[:PROCESSES_NAMED]]
    if len(processes) > PROCESSES_NAMED:
        named.append(t("processes_more", lang, n=number(len(processes) - PROCESSES_NAMED, lang)))
    listed = ", ".join(named[:-1]) + f" {t('and', lang)} " + named[-1]
    return [t("subtitle_processes", lang, n=number(len(processes), lang), column=getattr(known, "processes_from", ""), processes=listed)]


# A Markdown link in a platform's description ("[PEP](https://pep.org.nz)"): shown as its text and address, not as written.
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]+)\]\((https?://[^\s()]+)\)")


def question_sentence(facts: dict[str, Any], lang: str) -> list[str]:
    """The sentence that gives the conversation's own description, where the export has one (``ConsultationTitle.question``)."""
    question = _MARKDOWN_LINK.sub(r"\1 (\2)", str(getattr(facts.get("title"), "question", "") or ""))
    return [t("subtitle_question", lang, question=quoted(question, lang))] if question else []


def build_content(
    tables: dict[str, pd.DataFrame],
    facts: dict[str, Any],
    *,
    lang: str,
    source: str,
    taxonomy: Any,
    settings: dict[str, Any],
    warnings: list[Any],
    title: str | None = None,
    review: dict[str, Any] | None = None,
) -> ReportContent:
    """Assemble every section of the report in ``lang``.

    The header names the consultation: its title as the heading, or, when only the file's name is known,
    "What we heard" and the file's name marked as such.
    """
    ctx = sections.ReportContext(tables=tables, facts=facts, lang=lang, taxonomy=taxonomy, settings=settings)
    name, is_file = consultation_name(facts, source, title)
    n = number(facts["accounting"]["input"], lang)
    content = ReportContent(
        lang=lang,
        title=clean_text(t("title", lang) if is_file else name),
        subtitle=clean_text(
            _sentences(
                [
                    t("subtitle_file", lang, n=n, file=name) if is_file else t("subtitle_named", lang, n=n),
                    *processes_sentence(facts, lang),
                    *question_sentence(facts, lang),
                ]
            )
        ),
        generated=t("generated", lang, date=date.today().isoformat(), version=__version__),
        sections=sections.build_sections(ctx, warnings, review),
    )
    for section in content.sections:
        _clean_section(section)
    return content
