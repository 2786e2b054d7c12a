"""Helpers shared by the CLI commands: error rendering, progress bars, option parsing."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import typer

from consultnlp.errors import ConsultNLPError


class RichProgress:
    """Progress bars on stderr; ``--quiet`` replaces this with NullProgress.

    One live display for the whole command, one row per label: a task opened again under a
    label already shown (keywords embedded in several steps, the key points' sentences)
    continues its row, and a task opened inside another (the phases of the topic fit) is one
    more row under it. ``close`` stops the display (also at exit, should a command not call it).
    """

    def __init__(self) -> None:
        import atexit

        from rich.console import Console

        self.console = Console(stderr=True)
        self._bar = None
        self._rows: dict[str, int] = {}
        atexit.register(self.close)

    def _display(self):  # noqa: ANN202 - rich's Progress, imported lazily
        if self._bar is None:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                ProgressColumn,
                SpinnerColumn,
                TextColumn,
            )
            from rich.text import Text

            class Spent(ProgressColumn):
                """Seconds spent in the row's tasks (a row used again adds up, without the time between)."""

                def render(self, task) -> Text:  # noqa: ANN001
                    seconds = int(task.fields.get("spent", 0.0) + (task.elapsed or 0.0))
                    return Text(f"{seconds // 60}:{seconds % 60:02d}", style="progress.elapsed")

            columns = [SpinnerColumn(finished_text="✓"), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Spent()]
            self._bar = Progress(*columns, console=self.console, transient=False)
            self._bar.start()
        return self._bar

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator[object]:
        bar = self._display()
        task_id = self._rows.get(description)
        if task_id is None:
            task_id = self._rows[description] = bar.add_task(description, total=total, spent=0.0)
        else:
            row = next(t for t in bar.tasks if t.id == task_id)
            spent = row.fields.get("spent", 0.0) + (row.elapsed or 0.0)
            grown = None if total is None or row.total is None else row.total + total
            bar.reset(task_id, total=grown, completed=row.completed if grown is not None else 0, spent=spent)

        class _Task:
            def advance(self, n: int = 1) -> None:
                bar.advance(task_id, n)

        try:
            yield _Task()
            row = next(t for t in bar.tasks if t.id == task_id)
            if total is None:
                done = row.total if row.total is not None else 1
                bar.update(task_id, total=done, completed=done)
            else:
                bar.update(task_id, completed=row.completed)  # marks a row with nothing to do (0 of 0) finished
        finally:
            bar.stop_task(task_id)

    def note(self, message: str) -> None:
        self.console.print(f"[dim]·[/dim] {message}", highlight=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
            self._rows.clear()


def make_progress(quiet: bool):  # noqa: ANN201
    from consultnlp.progress import NullProgress

    return NullProgress() if quiet else RichProgress()


@contextmanager
def progress_display(quiet: bool) -> Iterator[object]:
    """``make_progress`` for one command, its display stopped when the command's work ends."""
    progress = make_progress(quiet)
    try:
        yield progress
    finally:
        close = getattr(progress, "close", None)
        if close is not None:
            close()


def fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code=1)


@contextmanager
def errors() -> Iterator[None]:
    """Turn consultnlp errors into one line and exit code 1; anything else keeps its traceback."""
    try:
        yield
    except ConsultNLPError as exc:
        fail(exc.naming(flags(exc.options)))
    except KeyboardInterrupt:
        typer.echo("Interrupted. Finished embedding chunks are cached; run the same command again to resume.", err=True)
        raise typer.Exit(code=130) from None


# The flags whose name is not the keyword's (``formats=`` is ``--format``); the rest are ``--`` and the keyword, dashed.
FLAG_NAMES = {"formats": "--format", "out_dir": "--out"}


def flags(options: tuple[str, ...]) -> dict[str, str]:
    """The command line's flag for each of ``options`` (library keywords, ``consultnlp.api.OPTIONS``)."""
    return {name: FLAG_NAMES.get(name, "--" + name.replace("_", "-")) for name in options}


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "consultnlp"


def cache_folder(cache_dir: Path | None, no_cache: bool) -> Path | None:
    """The embedding cache a command uses: none with ``--no-cache``, else ``--cache-dir`` or the user's default."""
    return None if no_cache else (cache_dir or default_cache_dir())


REPORTS = ("report.html", "report.docx", "report.md")


def written_line(out_dir: Path, written: list[str]) -> str:
    """The line that ends a run: the report a person opens (the first that was written and exists), else the files."""
    for name in REPORTS:
        if name in written and (out_dir / name).is_file():
            return f"Report: {out_dir / name}"
    present = [name for name in written if (out_dir / name).is_file()]
    return f"Written in {out_dir}: {', '.join(present) or 'nothing'}"
