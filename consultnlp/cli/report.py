"""``consultnlp report``: re-render the outputs of an existing analysis without refitting."""

from __future__ import annotations

from pathlib import Path

import typer

from consultnlp.cli.common import fail


def report(
    analysis_dir: Path = typer.Argument(..., metavar="DIR", help="Folder written by `consultnlp analyze`."),
) -> None:
    """Re-render tables and reports from DIR (and its review file)."""
    fail("`consultnlp report` is not available yet in this version; re-run `consultnlp analyze`.")
