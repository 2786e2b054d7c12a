"""Where per-comment work runs: in this process, or on a Dask cluster.

Row-wise stages (cleaning, language, redaction) and embedding chunks are
independent per comment, so they can run as partitions on Dask workers.
Corpus-level steps (duplicate grouping, fitting the topic model on a sample,
summary tables) stay in this process: they need every comment at once.
Results are put back in input order, so tables are the same either way.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import pandas as pd

from consultnlp.errors import ConsultNLPError, missing_dependency

DEFAULT_PARTITION_ROWS = 20_000


class LocalEngine:
    """Runs everything in this process."""

    name = "local"

    def map_partitions(self, fn: Callable[[pd.DataFrame], Any], frame: pd.DataFrame) -> list[Any]:
        return [fn(frame)]

    def map_chunks(self, fn: Callable[[Any], Any], chunks: Sequence[Any]) -> list[Any]:
        return [fn(chunk) for chunk in chunks]

    def close(self) -> None:
        return None

    def describe(self) -> dict[str, Any]:
        return {"engine": self.name}


class DaskEngine(LocalEngine):
    """Runs partitions on a Dask cluster: an existing scheduler, or a local cluster of worker processes."""

    name = "dask"

    def __init__(
        self, scheduler: str | None = None, *, partition_rows: int = DEFAULT_PARTITION_ROWS, n_workers: int = 2,
        threads_per_worker: int = 1,
    ) -> None:
        self.partition_rows = partition_rows
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise missing_dependency("dask[distributed]", "dask", "--engine dask") from exc
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                self._cluster = LocalCluster(
                    n_workers=n_workers, threads_per_worker=threads_per_worker, processes=True,
                    dashboard_address=None, silence_logs=40,
                )
                self.client = Client(self._cluster)
        except OSError as exc:
            raise ConsultNLPError(f"cannot reach the Dask scheduler at {scheduler!r} ({exc}). Check the address, or leave out --scheduler for a local cluster.") from None
        self.scheduler = scheduler or self.client.scheduler.address

    def map_partitions(self, fn: Callable[[pd.DataFrame], Any], frame: pd.DataFrame) -> list[Any]:
        size = self.partition_rows
        parts = [frame.iloc[i : i + size] for i in range(0, len(frame), size)] or [frame]
        # pure=False: identical partitions (e.g. two empty ones) must still each run.
        futures = self.client.map(fn, parts, pure=False)
        return self.client.gather(futures)

    def map_chunks(self, fn: Callable[[Any], Any], chunks: Sequence[Any]) -> list[Any]:
        futures = self.client.map(fn, list(chunks), pure=False)
        return self.client.gather(futures)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def describe(self) -> dict[str, Any]:
        workers = self.client.scheduler_info().get("workers", {})
        return {"engine": self.name, "scheduler": self.scheduler, "workers": len(workers)}


def make_engine(name: str, scheduler: str | None = None, partition_rows: int = DEFAULT_PARTITION_ROWS) -> LocalEngine:
    """The engine named in the config (``local`` or ``dask``)."""
    if name == "dask":
        return DaskEngine(scheduler, partition_rows=partition_rows)
    return LocalEngine()
