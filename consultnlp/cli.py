"""The ``consultnlp`` command line: parse, call one library function, render."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer

from consultnlp import __version__
from consultnlp.errors import ConsultNLPError

app = typer.Typer(
    name="consultnlp",
    help="Turn public-consultation contributions (es/pt/en) into topics, themes and a 'what we heard' report, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class RichProgress:
    """Progress bars on stderr; ``--quiet`` replaces this with NullProgress."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator[object]:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        with Progress(*columns, console=self.console, transient=False) as bar:
            task_id = bar.add_task(description, total=total)

            class _Task:
                def advance(self, n: int = 1) -> None:
                    bar.advance(task_id, n)

            yield _Task()
            if total is None:
                bar.update(task_id, total=1, completed=1)

    def note(self, message: str) -> None:
        self.console.print(f"[dim]·[/dim] {message}", highlight=False)


def _progress(quiet: bool):  # noqa: ANN202
    from consultnlp.progress import NullProgress

    return NullProgress() if quiet else RichProgress()


def _fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code=1)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn consultnlp errors into one line and exit code 1; anything else keeps its traceback."""
    try:
        yield
    except ConsultNLPError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        typer.echo("Interrupted. Finished embedding chunks are cached; run the same command again to resume.", err=True)
        raise typer.Exit(code=130)


def _split(value: Optional[str]) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "consultnlp"


@app.command()
def analyze(
    input_path: Path = typer.Argument(..., metavar="INPUT", help="Consultation file: .csv .tsv .xlsx .json .jsonl .parquet (CSV/JSON may be .gz)."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the results (created if missing)."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Pipeline YAML (default: pipelines/default.yaml)."),
    set_: list[str] = typer.Option([], "--set", help="Override one setting: section.key=value (repeatable)."),
    text_column: Optional[str] = typer.Option(None, "--text-column", help="Column with the comment text (default: detected)."),
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Column with a unique comment id (default: derived)."),
    sheet: Optional[str] = typer.Option(None, "--sheet", help="XLSX sheet to read (default: the first)."),
    segment_columns: Optional[str] = typer.Option(None, "--segment-columns", help="Comma-separated metadata columns to break results down by."),
    languages: Optional[str] = typer.Option(None, "--languages", help="Comma-separated languages to analyse (es,pt,en); others are excluded and counted."),
    report_lang: Optional[str] = typer.Option(None, "--report-lang", help="Report language: es, pt or en (default: majority language)."),
    formats: Optional[str] = typer.Option(None, "--format", help="Report formats, comma-separated: html,md,xlsx,docx."),
    drop_original_text: bool = typer.Option(False, "--drop-original-text", help="Leave the original (unredacted) text out of comments.*."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Embedding cache folder (default: ~/.cache/consultnlp)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or notes."),
) -> None:
    """Analyse a consultation file end to end and write tables and a report."""
    from consultnlp.analysis import analyze as run_analysis
    from consultnlp.config import load_config

    extra: dict = {}
    for section, key, value in (
        ("ingest", "text_column", text_column), ("ingest", "id_column", id_column), ("ingest", "sheet", sheet),
        ("ingest", "segment_columns", _split(segment_columns)), ("language", "languages", _split(languages)),
        ("report", "lang", report_lang), ("report", "formats", _split(formats)),
        ("report", "drop_original_text", drop_original_text or None),
    ):
        if value is not None:
            extra.setdefault(section, {})[key] = value
    with _errors():
        cfg = load_config(config, set_, extra=extra)
        progress = _progress(quiet)
        result = run_analysis(
            input_path, out, cfg, progress=progress, cache_dir=None if no_cache else (cache_dir or default_cache_dir())
        )
    rows = result.manifest["rows"]
    excluded = ", ".join(f"{k} {v}" for k, v in rows["excluded"].items()) or "none"
    if not quiet:
        typer.echo(f"Analysed {rows['analysed']} of {rows['input']} contributions (excluded: {excluded}).", err=True)
    typer.echo(f"Report: {result.out_dir / 'report.html'}")


@app.command()
def version() -> None:
    """Print the consultnlp version."""
    typer.echo(__version__)


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
