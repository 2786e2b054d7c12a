"""A registry of named things (input formats, output formats): each registered once, where it is defined, and read
by everything that lists them (config validation, CLI choices and help, the README checks)."""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar


class Named(Protocol):
    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=Named)


class Registry(dict[str, T], Generic[T]):
    """Name -> thing, in registration order; ``kind`` names the things in messages ("input format")."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def register(self, item: T) -> T:
        """Add ``item`` under its name, which must be new."""
        if item.name in self:
            raise ValueError(f"{self.kind} {item.name!r} is registered twice")
        self[item.name] = item
        return item

    def names(self) -> tuple[str, ...]:
        """Every registered name, in registration order."""
        return tuple(self)
