"""``consultnlp topics ...``: tune topic models."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from consultnlp.cli.common import cache_folder, errors, progress_display

topics_app = typer.Typer(help="Topic models: tune settings on a grid.", no_args_is_help=True)


@topics_app.command()
def tune(
    input_path: Path = typer.Argument(..., metavar="INPUT", help="Consultation file, as for analyze."),
    grid: list[str] = typer.Option([], "--grid", help="key=v1,v2,... (repeatable), e.g. --grid min_topic_size=10,20,40."),
    label_column: Optional[str] = typer.Option(None, "--label-column", help="Column with reference labels: adds NMI and ARI."),
    text_column: Optional[str] = typer.Option(None, "--text-column", help="Column with the comment text (default: detected)."),
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Column with a unique comment id (default: derived)."),
    sheet: Optional[str] = typer.Option(None, "--sheet", help="XLSX sheet to read (default: the first)."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Pipeline YAML (default: pipelines/default.yaml)."),
    set_: list[str] = typer.Option([], "--set", help="Override one setting: section.key=value (repeatable)."),
    out: Path = typer.Option(Path("results/tune"), "--out", "-o", help="Folder for topics_tune.csv and topics_tune.png."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Embedding cache folder (default: ~/.cache/consultnlp)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars; print only the table and the recommendation."),
) -> None:
    """Fit topics for every combination of --grid values and recommend one (table, CSV and plot)."""
    from consultnlp.config import load_config
    from consultnlp.topics.tune import parse_grid
    from consultnlp.tuning import tune_topics

    extra: dict = {"ingest": {k: v for k, v in (("text_column", text_column), ("id_column", id_column), ("sheet", sheet)) if v}}
    with errors():
        cfg = load_config(config, set_, extra=extra if extra["ingest"] else None)
        parsed = parse_grid(grid)
        with progress_display(quiet) as progress:
            result = tune_topics(
                input_path,
                parsed,
                cfg,
                label_column=label_column,
                out_dir=out,
                progress=progress,
                cache_dir=cache_folder(cache_dir, no_cache),
            )
    typer.echo(result.table.to_string(index=False))
    setting = " ".join(f"--set topics.{k}={v}" for k, v in result.recommended.items())
    typer.echo(f"\nRecommended for {result.n_comments} unique comments: {setting}")
    typer.echo(f"Rule: {result.rule}.")
    for path in result.files:
        typer.echo(f"Wrote {path}")
