"""``consultnlp analyze``: the whole job on one consultation file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from consultnlp.cli.common import (
    cache_folder,
    errors,
    progress_display,
    written_line,
)
from consultnlp.errors import ConfigError
from consultnlp.ingest.formats import format_names, unknown_format
from consultnlp.privacy.detectors import PII_KINDS
from consultnlp.report.formats import default_formats, output_format_names

INPUT_FORMATS = format_names()  # ingest.formats


def check_ingest_options(header_row: Optional[int], format_in: Optional[str]) -> None:
    """Name the option in the error (validated later, a bad value would be blamed on the config file)."""
    if header_row is not None and header_row < 1:
        raise ConfigError(f"--header-row {header_row}: rows are counted from 1 (the first row of the file or sheet).")
    if format_in is not None and format_in not in INPUT_FORMATS:
        raise ConfigError(unknown_format(format_in, "--format-in"))


def check_platform(platform: Optional[str]) -> None:
    from consultnlp.ingest import PLATFORMS

    if platform is not None and platform not in PLATFORMS:
        raise ConfigError(f"--platform {platform}: unknown platform. Use one of: {', '.join(PLATFORMS)}.")


def analyze(
    input_path: Path = typer.Argument(
        ..., metavar="INPUT", help="Consultation file: .csv .tsv .xlsx .xls .ods .json .jsonl .parquet (CSV/JSON may be .gz)."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the results (created if missing)."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Pipeline YAML (default: pipelines/default.yaml)."),
    set_: list[str] = typer.Option([], "--set", help="Override one setting: section.key=value (repeatable)."),
    text_column: Optional[str] = typer.Option(
        None,
        "--text-column",
        help="Column with the comment text (default: detected); A,B joins columns in order into one contribution (title, body).",
    ),
    questions: Optional[str] = typer.Option(
        None,
        "--questions",
        help="Open questions of a survey, comma-separated: one contribution per respondent and question, reported by question.",
    ),
    where: Optional[str] = typer.Option(
        None,
        "--where",
        help="Analyse only rows that match, e.g. \"moderated >= 0\" or \"region in ('Norte', 'Sur')\"; the others are set aside as filtered.",
    ),
    platform: Optional[str] = typer.Option(
        None,
        "--platform",
        help="Export the file comes from (default: auto, recognised by its columns): decidim, consul, polis, google-forms, "
        "microsoft-forms, surveymonkey, qualtrics, or none.",
    ),
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Column with a unique comment id (default: derived)."),
    sheet: Optional[str] = typer.Option(None, "--sheet", help="Spreadsheet sheet to read (default: the one with the most free text)."),
    header_row: Optional[int] = typer.Option(
        None, "--header-row", help="Row (1-based) with the column names, for CSV and spreadsheets (default: detected, skipping title rows)."
    ),
    format_in: Optional[str] = typer.Option(
        None,
        "--format-in",
        help=f"Read the input as {', '.join(INPUT_FORMATS[:-1])} or {INPUT_FORMATS[-1]} (default: from its content and extension).",
    ),
    encoding: Optional[str] = typer.Option(
        None, "--encoding", help="Text encoding of a CSV/JSON input, e.g. utf-8, cp1252, mac_roman (default: detected)."
    ),
    segment_columns: Optional[str] = typer.Option(
        None, "--segment-columns", help="Comma-separated metadata columns to break results down by."
    ),
    context_column: Optional[str] = typer.Option(
        None,
        "--context-column",
        help="Column with what each row answers (a concept the group chose, the proposal commented): "
        "shown with each key point; key points and campaigns are found within one prompt. With --questions: the question. "
        "Default: a platform's own, else a column named concepto/concept/prompt/consigna whose short values repeat; none = none.",
    ),
    supports_column: Optional[str] = typer.Option(
        None,
        "--supports-column",
        help="Column counting each contribution's supports (votes, endorsements; default: a platform's own, "
        "e.g. Decidim supports, Consul cached_votes_up; none = none): orders quotes and key points, never read as a position.",
    ),
    redact_kinds: Optional[str] = typer.Option(
        None,
        "--redact-kinds",
        help="Kinds of personal data to redact, comma-separated (default: all; see redact.kinds). A kind left out is noted in the report. "
        f"Kinds: {', '.join(PII_KINDS)}.",
    ),
    languages: Optional[str] = typer.Option(
        None, "--languages", help="Comma-separated languages to analyse (es,pt,en); others are excluded and counted."
    ),
    report_lang: Optional[str] = typer.Option(None, "--report-lang", help="Report language: es, pt or en (default: majority language)."),
    title: Optional[str] = typer.Option(
        None,
        "--title",
        help="The consultation's name in the report header (default: the export's own title where it has one, "
        "e.g. a Pol.is conversation's topic; else the file name, marked as such).",
    ),
    formats: Optional[str] = typer.Option(
        None,
        "--format",
        help=f"Report formats, comma-separated: {','.join(output_format_names())} (default: {','.join(default_formats())}).",
    ),
    drop_original_text: bool = typer.Option(False, "--drop-original-text", help="Leave the original (unredacted) text out of comments.*."),
    topic_model: Optional[Path] = typer.Option(
        None, "--topic-model", help="Apply a saved topic model (models/NAME) instead of fitting one."
    ),
    theme_model: Optional[Path] = typer.Option(None, "--theme-model", help="Tag themes with a trained classifier (models/NAME)."),
    position_column: Optional[str] = typer.Option(
        None, "--position-column", help="Closed-question column giving each contribution's position (A/P/D, Likert, yes/no, alignment)."
    ),
    position_model: Optional[Path] = typer.Option(None, "--position-model", help="Find positions with a trained classifier (models/NAME)."),
    engine: Optional[str] = typer.Option(None, "--engine", help="local (default) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Embedding cache folder (default: ~/.cache/consultnlp)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or notes."),
) -> None:
    """Analyse a consultation file end to end and write tables and a report."""
    from consultnlp.api import analyze as run_analysis

    options = dict(
        text_column=text_column,
        id_column=id_column,
        sheet=sheet,
        segment_columns=segment_columns,
        header_row=header_row,
        format_in=format_in,
        encoding=encoding,
        questions=questions,
        where=where,
        platform=platform,
        context_column=context_column,
        supports_column=supports_column,
        languages=languages,
        redact_kinds=redact_kinds,
        report_lang=report_lang,
        title=title,
        formats=formats,
        drop_original_text=drop_original_text,
        topic_model=topic_model,
        theme_model=theme_model,
        position_column=position_column,
        position_model=position_model,
        engine=engine,
        scheduler=scheduler,
    )
    with errors():
        check_ingest_options(header_row, format_in)
        check_platform(platform)
        # The library's errors name its keywords; ``errors`` names these flags instead.
        with progress_display(quiet) as progress:
            result = run_analysis(
                input_path,
                out,
                config=config,
                set=set_,
                progress=progress,
                cache_dir=cache_folder(cache_dir, no_cache),
                **options,
            )
    rows = result.manifest["rows"]
    excluded = ", ".join(f"{k} {v}" for k, v in rows["excluded"].items()) or "none"
    if not quiet:
        typer.echo(f"Analysed {rows['analysed']} of {rows['input']} contributions (excluded: {excluded}).", err=True)
    typer.echo(written_line(result.out, result.manifest.get("outputs", [])))
