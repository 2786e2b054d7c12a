"""Where per-comment work runs: in this process, in local worker processes, or on a Dask cluster.

Row-wise stages (cleaning, language, redaction, lemmas) and embedding chunks are
independent per comment, so they can run as partitions elsewhere. Corpus-level
steps (duplicate grouping, fitting the topic model on a sample, summary tables)
stay in this process: they need every comment at once. Results are put back in
input order, so tables are the same whichever engine ran them.

The local engine uses ``workers`` processes once a frame has more than
``partition_rows`` rows; smaller inputs run in this process, which spares the
start-up of worker processes (a few seconds) when there is little to share.
"""

from __future__ import annotations

from concurrent.futures import Executor, ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any, Callable, Iterator, Sequence

import pandas as pd

from consultnlp.errors import ConsultNLPError, missing_dependency

DEFAULT_PARTITION_ROWS = 20_000


def partitions(frame: pd.DataFrame, rows: int) -> list[pd.DataFrame]:
    """Consecutive row slices of at most ``rows`` rows (one empty slice for an empty frame)."""
    return [frame.iloc[i : i + rows] for i in range(0, len(frame), rows)] or [frame]


class Engine:
    """Where per-comment work runs; ``LocalEngine`` and ``DaskEngine`` are the two kinds."""

    name = "base"

    def distributes(self, n_rows: int) -> bool:
        """True when a frame of ``n_rows`` rows is split into partitions that run elsewhere."""
        raise NotImplementedError

    def map_partitions(self, fn: Callable[[pd.DataFrame], Any], frame: pd.DataFrame) -> Iterator[Any]:
        raise NotImplementedError

    def parallel_chunks(self, n_chunks: int) -> bool:
        raise NotImplementedError

    def map_chunks(self, fn: Callable[[Any], Any], chunks: Sequence[Any]) -> Iterator[Any]:
        raise NotImplementedError

    def release(self) -> None:
        """Stop worker processes that are no longer needed."""

    def close(self) -> None:
        self.release()

    def describe(self) -> dict[str, Any]:
        raise NotImplementedError


class LocalEngine(Engine):
    """Runs in this process, or in ``workers`` local processes for frames above ``partition_rows`` rows."""

    name = "local"

    def __init__(self, *, workers: int = 1, partition_rows: int = DEFAULT_PARTITION_ROWS) -> None:
        self.workers = workers
        self.partition_rows = partition_rows
        self._pool: Executor | None = None

    def distributes(self, n_rows: int) -> bool:
        """True when a frame of ``n_rows`` rows is split into partitions that run elsewhere."""
        return self.workers > 1 and n_rows > self.partition_rows

    def _executor(self) -> Executor:
        if self._pool is None:
            # spawn, not fork: the parent may hold threads (progress bars, BLAS pools).
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=get_context("spawn"))
        return self._pool

    def map_partitions(self, fn: Callable[[pd.DataFrame], Any], frame: pd.DataFrame) -> Iterator[Any]:
        """``fn`` of each partition, in order, yielded as they are ready."""
        if not self.distributes(len(frame)):
            yield fn(frame)
            return
        yield from self._executor().map(fn, partitions(frame, self.partition_rows))

    def parallel_chunks(self, n_chunks: int) -> bool:
        """True when ``map_chunks`` over ``n_chunks`` chunks runs them in other processes."""
        return self.workers > 1 and n_chunks > 1

    def map_chunks(self, fn: Callable[[Any], Any], chunks: Sequence[Any]) -> Iterator[Any]:
        """``fn`` of each chunk, in order, yielded as they are ready."""
        if not self.parallel_chunks(len(chunks)):
            yield from (fn(chunk) for chunk in chunks)
            return
        yield from self._executor().map(fn, chunks)

    def release(self) -> None:
        """Stop the worker processes (about 600 MB each once they hold the encoder and lemmatiser); a later call starts new ones."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        self.release()

    def describe(self) -> dict[str, Any]:
        return {"engine": self.name, "workers": self.workers, "partition_rows": self.partition_rows}


class DaskEngine(LocalEngine):
    """Runs partitions on a Dask cluster: an existing scheduler, or a local cluster of worker processes."""

    name = "dask"

    def __init__(
        self,
        scheduler: str | None = None,
        *,
        partition_rows: int = DEFAULT_PARTITION_ROWS,
        n_workers: int = 2,
        threads_per_worker: int = 1,
    ) -> None:
        super().__init__(workers=n_workers, partition_rows=partition_rows)
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
                    n_workers=n_workers,
                    threads_per_worker=threads_per_worker,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=40,
                )
                self.client = Client(self._cluster)
        except OSError as exc:
            raise ConsultNLPError(
                f"cannot reach the Dask scheduler at {scheduler!r} ({exc}). Check the address, or leave out --scheduler for a local cluster."
            ) from None
        self.scheduler = scheduler or self.client.scheduler.address

    def distributes(self, n_rows: int) -> bool:
        return n_rows > 0

    def parallel_chunks(self, n_chunks: int) -> bool:
        return n_chunks > 0

    def map_partitions(self, fn: Callable[[pd.DataFrame], Any], frame: pd.DataFrame) -> Iterator[Any]:
        # pure=False: identical partitions (e.g. two empty ones) must still each run.
        futures = self.client.map(fn, partitions(frame, self.partition_rows), pure=False)
        yield from self.client.gather(futures)

    def map_chunks(self, fn: Callable[[Any], Any], chunks: Sequence[Any]) -> Iterator[Any]:
        futures = self.client.map(fn, list(chunks), pure=False)
        yield from self.client.gather(futures)

    def release(self) -> None:
        return None  # the cluster's workers are not ours to stop until close()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def describe(self) -> dict[str, Any]:
        workers = self.client.scheduler_info().get("workers", {})
        return {"engine": self.name, "scheduler": self.scheduler, "workers": len(workers), "partition_rows": self.partition_rows}


def make_engine(name: str, scheduler: str | None = None, partition_rows: int = DEFAULT_PARTITION_ROWS, workers: int = 1) -> Engine:
    """The engine named in the config (``local`` or ``dask``)."""
    if name == "dask":
        return DaskEngine(scheduler, partition_rows=partition_rows)
    return LocalEngine(workers=workers, partition_rows=partition_rows)
