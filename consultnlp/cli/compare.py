"""``consultnlp compare``: what changed between two analyses."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from consultnlp.cli.common import errors


def compare(
    run_a: Path = typer.Argument(..., metavar="RUN_A", help="--out folder of the first analysis (the earlier round, the old settings)."),
    run_b: Path = typer.Argument(..., metavar="RUN_B", help="--out folder of the second analysis."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the comparison (created if missing)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Report language: es, pt or en (default: RUN_B's)."),
    min_similarity: float = typer.Option(
        0.85, "--min-similarity", help="Cosine between topic centres for two topics to be the same topic."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the report path."),
) -> None:
    """Compare two analyses: topics kept, new and gone, theme shares, campaigns, row counts."""
    from consultnlp.compare import compare as run_compare

    with errors():
        comparison, _ = run_compare(run_a, run_b, out, lang=lang, min_similarity=min_similarity)
    if not quiet:
        counts = comparison.facts["counts"]
        typer.echo(f"Topics: {counts['kept']} continue, {counts['new']} new, {counts['gone']} gone.", err=True)
    typer.echo(f"Comparison: {out / 'comparison.html'}")
