"""The ``consultnlp`` command line: parse, call one library function, render.

Each command lives in its own module; this one only assembles the app.
"""

from __future__ import annotations

import typer

from consultnlp import __version__
from consultnlp.cli.analyze import analyze
from consultnlp.cli.check import check
from consultnlp.cli.compare import compare
from consultnlp.cli.positions import positions_app
from consultnlp.cli.report import report
from consultnlp.cli.themes import themes_app
from consultnlp.cli.topics import topics_app

app = typer.Typer(
    name="consultnlp",
    help="Turn public-consultation contributions (es/pt/en) into topics, themes and a 'what we heard' report, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(analyze)
app.command()(report)
app.command()(compare)
app.command()(check)
app.add_typer(topics_app, name="topics")
app.add_typer(themes_app, name="themes")
app.add_typer(positions_app, name="positions")


@app.command()
def version() -> None:
    """Print the consultnlp version."""
    typer.echo(__version__)


def main() -> None:  # pragma: no cover - entry point
    app()
