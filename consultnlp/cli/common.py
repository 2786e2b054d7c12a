"""Helpers shared by the CLI commands: error rendering, progress bars, option parsing."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer

from consultnlp.errors import ConsultNLPError


class RichProgress:
    """Progress bars on stderr; ``--quiet`` replaces this with NullProgress."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator[object]:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

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


def make_progress(quiet: bool):  # noqa: ANN201
    from consultnlp.progress import NullProgress

    return NullProgress() if quiet else RichProgress()


def fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code=1)


@contextmanager
def errors() -> Iterator[None]:
    """Turn consultnlp errors into one line and exit code 1; anything else keeps its traceback."""
    try:
        yield
    except ConsultNLPError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        typer.echo("Interrupted. Finished embedding chunks are cached; run the same command again to resume.", err=True)
        raise typer.Exit(code=130)


def split_list(value: Optional[str]) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "consultnlp"


