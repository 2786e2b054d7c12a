"""A tiny progress interface, so library code reports progress without printing.

The CLI passes a rich-backed implementation; library callers get ``NullProgress``.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import ContextManager, Iterator, Protocol


class Task(Protocol):
    def advance(self, n: int = 1) -> None: ...


class Progress(Protocol):
    def task(self, description: str, total: int | None) -> ContextManager[Task]: ...

    def note(self, message: str) -> None: ...


class _NullTask:
    def advance(self, n: int = 1) -> None:
        return None


class NullProgress:
    """Reports nothing; collects notes so callers can still read them."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator[_NullTask]:
        yield _NullTask()

    def note(self, message: str) -> None:
        self.notes.append(message)
