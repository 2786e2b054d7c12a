"""Seconds spent in the named steps of a stage, for the manifest (``step_timings_s``) and the benchmarks.

A stage's own time is in ``timings_s``; the steps inside it (the summary's quote pool, key-point sentences,
clustering, matching, tables) are kept apart so that the stage times still add up to the run.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator


class StepTimes:
    """Seconds per step name, summed over every time the step ran (a step run once per group adds up)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def rounded(self) -> dict[str, float]:
        return {name: round(seconds, 3) for name, seconds in self.seconds.items()}


NO_TIMES = StepTimes()  # for callers that do not keep the times (a shared sink nobody reads)
