"""Helpers shared by the benchmark scripts: paths, peak memory, timing progress."""

from __future__ import annotations

import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "external"
sys.path.insert(0, str(ROOT))


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (clone the project beside ../shared)")
    return path


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process so far (or of its largest finished child process), in MiB (Linux reports KiB)."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


class TimingProgress:
    """A progress object that records how long each task took (no output)."""

    def __init__(self) -> None:
        self.tasks: list[dict] = []
        self.notes: list[str] = []

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator[object]:
        start = time.perf_counter()

        class _Task:
            def advance(self, n: int = 1) -> None:
                return None

        yield _Task()
        self.tasks.append({"task": description, "items": total, "seconds": round(time.perf_counter() - start, 2)})

    def note(self, message: str) -> None:
        self.notes.append(message)
        print(f"  note: {message}", file=sys.stderr)
