"""Write what an analysis publishes besides ``comments.*``: tables, workbook and reports.

``analyze`` and ``report`` (the re-render) both come through here, so a
re-render writes exactly the files an analysis would.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from consultnlp.config import PipelineConfig
from consultnlp.errors import ConfigError
from consultnlp.i18n import t
from consultnlp.report.content import build_content, consultation_name
from consultnlp.report.formats import OUTPUT_FORMATS, output_format_names, unknown_output_format
from consultnlp.report.model import ReportContent
from consultnlp.report.tables import write_csv, write_parquet, write_xlsx

FORMATS = output_format_names()  # report.formats
REPORT_FILES = {name: fmt.report_file for name, fmt in OUTPUT_FORMATS.items() if fmt.report_file}


def check_formats(formats: list[str]) -> list[str]:
    """``formats`` in a fixed order, or a ``ConfigError`` naming the valid ones."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError(f"{unknown_output_format(unknown[0])} (e.g. --format html,docx).")
    return [f for f in FORMATS if f in formats]


def report_formats(formats: list[str]) -> list[str]:
    """The report formats among ``formats`` (html, md, docx), in their fixed order."""
    return [f for f in check_formats(formats) if f in REPORT_FILES]


def report_settings(config: PipelineConfig, taxonomy: Any, lang: str) -> dict[str, Any]:
    """The pipeline settings a reader of the report needs, keyed as in ``i18n.SETTINGS``."""
    name = ""
    if taxonomy is not None:
        name = (getattr(taxonomy, "name", {}) or {}).get(lang) or getattr(taxonomy, "id", "") or config.themes.taxonomy
    return {
        "embedder": config.embed.embedder,
        "clustering": config.topics.clustering,
        "min_topic_size": config.topics.min_topic_size,
        "themes_method": config.themes.method,
        "taxonomy": name or config.themes.taxonomy,
        "max_themes": config.themes.max_themes,
        "languages": ", ".join(config.language.languages),
        "dedupe_threshold": config.dedupe.threshold,
        "campaign_min_size": config.dedupe.campaign_min_size,
        "campaign_min_words": config.dedupe.campaign_min_words,
        "alpha": config.summarise.alpha,
        "random_state": config.random_state,
    }


def write_tables(
    out_dir: Path,
    tables: dict[str, Any],
    *,
    xlsx: bool,
    lang: str = "en",
    segment_tables: dict[str, str] | None = None,
    title: str = "",
) -> list[str]:
    """``tables/<name>.csv`` and ``.parquet`` for every table (stable snake_case for programs), and ``summary.xlsx``
    (for people: a "read me" sheet, names and headers in ``lang``) when asked."""
    written: list[str] = []
    for name, table in tables.items():
        write_csv(table, out_dir / "tables" / f"{name}.csv")
        write_parquet(table, out_dir / "tables" / f"{name}.parquet")
        written += [f"tables/{name}.csv", f"tables/{name}.parquet"]
    if xlsx:
        write_xlsx(tables, out_dir / "summary.xlsx", lang=lang, segment_tables=segment_tables, title=title)
        written.append("summary.xlsx")
    return written


def write_reports(out_dir: Path, content: ReportContent, formats: list[str]) -> list[str]:
    """``report.html``, ``report.md`` and ``report.docx`` as asked."""
    written: list[str] = []
    if "html" in formats:
        from consultnlp.report.html import write_html

        write_html(content, out_dir / REPORT_FILES["html"])
        written.append(REPORT_FILES["html"])
    if "md" in formats:
        from consultnlp.report.markdown import write_markdown

        write_markdown(content, out_dir / REPORT_FILES["md"])
        written.append(REPORT_FILES["md"])
    if "docx" in formats:
        from consultnlp.report.docx import write_docx

        write_docx(content, out_dir / REPORT_FILES["docx"])
        written.append(REPORT_FILES["docx"])
    return written


def publish(
    out_dir: Path,
    summary: Any,
    config: PipelineConfig,
    *,
    formats: list[str],
    lang: str,
    source: str,
    taxonomy: Any,
    warnings: list[str],
    review: dict[str, Any] | None = None,
    reports: bool = True,
) -> list[str]:
    """Tables, workbook and reports of one analysis in ``lang``; returns the relative paths written. Without
    ``reports`` the reports are left to the caller (a run writes them once, after the privacy gate: ``output.gate_run``)."""
    formats = check_formats(formats)
    name, is_file = consultation_name(summary.facts, source, config.report.title)
    written = write_tables(
        out_dir,
        summary.tables,
        xlsx="xlsx" in formats,
        lang=lang,
        segment_tables=summary.facts.get("segment_tables"),
        title=t("file_name_marked", lang, file=name) if is_file else name,
    )
    if reports:
        written += rewrite_reports(
            out_dir, summary, config, formats=formats, lang=lang, source=source, taxonomy=taxonomy, warnings=warnings, review=review
        )
    return written + write_exchange(
        out_dir, summary, formats=formats, lang=lang, source=source, taxonomy=taxonomy, title=None if is_file else name
    )


def rewrite_reports(
    out_dir: Path,
    summary: Any,
    config: PipelineConfig,
    *,
    formats: list[str],
    lang: str,
    source: str,
    taxonomy: Any,
    warnings: list[str],
    review: dict[str, Any] | None = None,
) -> list[str]:
    """The reports alone (html, md, docx as asked). A run writes them once the privacy gate has run
    (``summary.facts["privacy_gate"]``), so that they say what it found (``output.gate_run``)."""
    content = build_content(
        summary.tables,
        summary.facts,
        lang=lang,
        source=source,
        taxonomy=taxonomy,
        settings=report_settings(config, taxonomy, lang),
        warnings=warnings,
        title=config.report.title,
        review=review,
    )
    return write_reports(out_dir, content, check_formats(formats))


def exchange_name(source: str, title: str | None) -> str:
    """The file name (without suffix) of the exchange files: the title's or the source file's, in safe characters."""
    base = title or Path(source).stem or "consultation"
    return re.sub(r"[^\w.-]+", "_", base, flags=re.UNICODE).strip("._") or "consultation"


def write_exchange(
    out_dir: Path,
    summary: Any,
    *,
    formats: list[str],
    lang: str,
    source: str,
    taxonomy: Any,
    title: str | None = None,
) -> list[str]:
    """Files for other tools, from the published ``comments.parquet``: a REFI-QDA project and codebook (``qdpx``), the
    tag files Consul Democracy imports (``consul``)."""
    written: list[str] = []
    comments = out_dir / "comments.parquet"
    if "qdpx" in formats:
        from consultnlp.report.qdpx import build_codebook, write_codebook, write_qdpx

        name = exchange_name(source, title)
        codebook = build_codebook(summary, taxonomy, lang, run_key=source)
        write_qdpx(comments, out_dir / f"{name}.qdpx", codebook, title=title or source, lang=lang, run_key=source)
        written.append(f"{name}.qdpx")
        if codebook.codes:
            write_codebook(codebook, out_dir / f"{name}.qdc")
            written.append(f"{name}.qdc")
    if "consul" in formats:
        from consultnlp.report.consul import write_consul

        written += write_consul(comments, out_dir, summary, lang)
    return written
