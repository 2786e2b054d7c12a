"""``consultnlp topics ...``: tune topic models."""

from __future__ import annotations

import typer

topics_app = typer.Typer(help="Topic models: tune settings on a grid.", no_args_is_help=True)
