"""``consultnlp themes ...``: taxonomy validation, classifier training and evaluation."""

from __future__ import annotations

import typer

themes_app = typer.Typer(help="Commitment themes: validate taxonomies, train and evaluate classifiers.", no_args_is_help=True)
