"""``consultnlp report``: re-render the outputs of an existing analysis without refitting."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from consultnlp.api import split_list
from consultnlp.cli.common import errors, written_line
from consultnlp.report.formats import output_format_names


def report(
    analysis_dir: Path = typer.Argument(..., metavar="DIR", help="Folder written by `consultnlp analyze`."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Report language: es, pt or en (default: the one the analysis used)."),
    formats: Optional[str] = typer.Option(
        None, "--format", help=f"Comma-separated: {','.join(output_format_names())} (default: the analysis' formats)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the report path."),
) -> None:
    """Re-render tables and reports from DIR (applying DIR/topics_review.yaml if present), without refitting."""
    from consultnlp.rerender import rerender

    with errors():
        result = rerender(analysis_dir, lang=lang, formats=split_list(formats))
    review = result.review
    if not quiet and review:
        if review.get("applied"):
            typer.echo(f"Applied {len(review.get('audit', []))} change(s) from {review['file']}.", err=True)
        else:
            typer.echo(f"Note: {review['file']} was not applied: {review.get('note', '')}.", err=True)
    typer.echo(written_line(result.out_dir, result.written))
