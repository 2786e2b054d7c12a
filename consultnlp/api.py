"""The Python API: ``analyze`` a consultation and ``load_run`` a written one, from a script or a notebook.

The command line is a thin layer over these two functions: every option of ``consultnlp analyze`` is a keyword
here with the same meaning (``--text-column`` is ``text_column=``), and the rules that tie options together
(a theme model means supervised themes; a position column means positions from that column) live here, not in
the CLI. Errors name the keywords; the CLI names its flags instead (:class:`OptionError`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from consultnlp.config import PipelineConfig, load_config
from consultnlp.errors import ConfigError, OptionError
from consultnlp.progress import Progress
from consultnlp.summary import Summary

# keyword -> (pipeline section, key); None: a top-level setting.
OPTIONS: dict[str, tuple[str | None, str]] = {
    "text_column": ("ingest", "text_column"),
    "id_column": ("ingest", "id_column"),
    "sheet": ("ingest", "sheet"),
    "segment_columns": ("ingest", "segment_columns"),
    "header_row": ("ingest", "header_row"),
    "format_in": ("ingest", "format"),
    "encoding": ("ingest", "encoding"),
    "questions": ("ingest", "questions"),
    "where": ("ingest", "where"),
    "platform": ("ingest", "platform"),
    "context_column": ("ingest", "context_column"),
    "supports_column": ("ingest", "supports_column"),
    "languages": ("language", "languages"),
    "redact_kinds": ("redact", "kinds"),
    "report_lang": ("report", "lang"),
    "title": ("report", "title"),
    "formats": ("report", "formats"),
    "drop_original_text": ("report", "drop_original_text"),
    "topic_model": ("topics", "model"),
    "theme_model": ("themes", "model"),
    "position_column": ("positions", "column"),
    "position_model": ("positions", "model"),
    "engine": (None, "engine"),
    "scheduler": (None, "scheduler"),
}
LISTS = ("segment_columns", "questions", "languages", "redact_kinds", "formats")


def split_list(value: str | None) -> list[str] | None:
    """``"html, md"`` -> ``["html", "md"]``; nothing given -> ``None``."""
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def settings(**options: Any) -> dict[str, Any]:
    """The pipeline settings (``{section: {key: value}}``) that ``options`` stand for, with the rules between them."""
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise ConfigError(f"unknown option {', '.join(unknown)}; the options are: {', '.join(OPTIONS)}.")
    given = {k: v for k, v in options.items() if v is not None and v is not False}
    if "position_column" in given and "position_model" in given:
        raise OptionError(
            "{position_column} and {position_model} both give positions; use one of them.", "position_column", "position_model"
        )
    for name in LISTS:
        if isinstance(given.get(name), str):
            given[name] = split_list(given[name]) or []
    if "redact_kinds" in given:
        given["redact_kinds"] = [k.upper() for k in given["redact_kinds"]]
    for name in ("topic_model", "theme_model", "position_model"):
        if name in given:
            given[name] = str(given[name])
    out: dict[str, Any] = {}
    for name, value in given.items():
        section, key = OPTIONS[name]
        if section is None:
            out[key] = value
        else:
            out.setdefault(section, {})[key] = value
    # What one option implies for another setting.
    if "theme_model" in given:
        out["themes"]["method"] = "supervised"
    if "position_column" in given:
        out["positions"]["method"] = "column"
    if "position_model" in given:
        out["positions"]["method"] = "model"
    return out


@dataclass
class Run:
    """An analysed consultation: ``comments`` (every row, with its text, exclusion reason, topic, themes and
    position; the working table, personal data included), the ``summary`` the report is written from, the
    ``manifest`` (inputs, settings, row accounting, timings) and the folder it was written to, if any."""

    comments: pd.DataFrame
    summary: Summary
    manifest: dict[str, Any]
    out: Path | None = None


def analyze(
    path: str | Path,
    out: str | Path | None = None,
    *,
    config: str | Path | None = None,
    set: list[str] | None = None,  # noqa: A002 - the name of the CLI's --set
    cache_dir: str | Path | None = None,
    progress: Progress | None = None,
    **options: Any,
) -> Run:
    """Analyse the consultation at ``path``; write the run folder when ``out`` is given (as ``consultnlp analyze``).

    ``options`` are the keywords of :data:`OPTIONS` (``text_column="comentario"``, ``formats=["html", "md"]``);
    ``config`` a pipeline file and ``set`` its ``section.key=value`` overrides. ``cache_dir`` holds the embedding
    cache (default: none, every text is embedded)."""
    from consultnlp.analysis import analyze as analyze_into
    from consultnlp.analysis import analyze_in_memory

    cfg: PipelineConfig = load_config(config, set or [], extra=settings(**options))
    cache = Path(cache_dir) if cache_dir is not None else None
    if out is None:
        analysis = analyze_in_memory(path, cfg, progress=progress, cache_dir=cache)
        return Run(analysis.state.frame, analysis.summary, analysis.manifest, None)
    written = analyze_into(path, out, cfg, progress=progress, cache_dir=cache)
    return Run(written.result.frame, written.summary, written.manifest, Path(out))


def load_run(directory: str | Path, *, lang: str | None = None) -> Run:
    """A run folder written by ``analyze`` (or ``consultnlp analyze``), with the analyst's ``topics_review.yaml``
    applied as ``consultnlp report`` applies it; the summary in ``lang`` (default: the run's report language)."""
    from consultnlp.rerender import reviewed
    from consultnlp.state import load_state

    directory = Path(directory)
    state = load_state(directory)
    state, frame, summary, _ = reviewed(directory, state, lang or state.report_lang)
    return Run(frame, summary, dict(state.manifest), directory)
