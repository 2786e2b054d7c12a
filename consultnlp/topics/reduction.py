"""UMAP for the topic fit: exact neighbours, kernels compiled once per machine, epochs reported as progress.

- **Neighbours.** Up to ``EXACT_NEIGHBOURS_MAX`` points the ``k`` nearest neighbours
  are found exactly, by brute force with scikit-learn, and handed to UMAP; above it
  UMAP's NN-descent is faster. (UMAP's own exact path below 4,096 points was numba
  code compiled in every process.)
- **Compiled once.** umap-learn compiles its numba kernels the first time a process
  uses them and caches almost none on disk: 10 to 15 s of every run of a small
  consultation. ``cache_umap_kernels`` turns numba's on-disk cache on for umap's
  module-level kernels (what ``@njit(cache=True)`` does). The cache goes where numba
  puts it (``__pycache__`` beside umap's source, the user's cache folder when that is
  read-only, or ``NUMBA_CACHE_DIR`` when set), keyed by source file and CPU; cached
  machine code gives the same numbers as freshly compiled code.
- **Progress.** Each phase is a task of the run's ``Progress``; the layout advances per epoch.
"""

from __future__ import annotations

import importlib
import warnings
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

import numpy as np

from consultnlp.progress import NullProgress, Progress

EXACT_NEIGHBOURS_MAX = 50_000  # above this, UMAP's NN-descent is faster than brute force
LONG_LAYOUT_ABOVE = 10_000  # UMAP's own threshold between 500 and 200 layout epochs
LARGE_FIT_EPOCHS = 100  # default layout epochs above it (see topics.umap_epochs)
UMAP_MODULES = ("umap.umap_", "umap.layouts", "umap.utils", "umap.distances", "umap.spectral")
_CACHED: set[str] = set()


def cache_umap_kernels() -> int:
    """Turn on numba's on-disk cache for umap's module-level kernels; return how many (done once per process)."""
    if _CACHED:
        return len(_CACHED)
    from numba.core.caching import NullCache
    from numba.core.registry import CPUDispatcher

    for name in UMAP_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # pragma: no cover - another umap-learn layout: nothing to cache
            continue
        for value in list(vars(module).values()):
            if not isinstance(value, CPUDispatcher) or not getattr(value.py_func, "__module__", "").startswith("umap"):
                continue
            if isinstance(value._cache, NullCache):
                try:
                    value.enable_caching()
                except RuntimeError:  # no writable cache location: compiled per run, as before
                    continue
            _CACHED.add(f"{value.py_func.__module__}.{value.py_func.__qualname__}")
    return len(_CACHED)


def exact_neighbours(features: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, None]:
    """The ``k`` nearest rows of each row by cosine distance (itself first), in UMAP's ``precomputed_knn`` form."""
    from sklearn import config_context
    from sklearn.neighbors import NearestNeighbors

    # Blocks of 256 MB of distances rather than scikit-learn's default 1 GB: same result, lower peak memory.
    with config_context(working_memory=256):
        distances, indices = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute").fit(features).kneighbors(features)
    return indices.astype(np.int32), distances.astype(np.float32), None


def umap_reduce(
    features: np.ndarray,
    *,
    n_neighbors: int,
    n_components: int,
    epochs: int | None,
    random_state: int,
    progress: Progress | None = None,
    neighbours: tuple[np.ndarray, np.ndarray, None] | None = None,
) -> np.ndarray:
    """``features`` reduced to ``n_components`` dimensions with UMAP (cosine, ``min_dist=0``, seeded, one thread).

    ``neighbours`` (from ``exact_neighbours``, with at least ``n_neighbors`` columns) spares
    finding them again when several reductions share the same points.
    """
    progress = progress or NullProgress()
    n = len(features)
    k = max(2, min(n_neighbors, n - 1))
    options: dict[str, Any] = {}
    if epochs is not None or n > LONG_LAYOUT_ABOVE:
        options["n_epochs"] = epochs or LARGE_FIT_EPOCHS
    if n <= EXACT_NEIGHBOURS_MAX:
        if neighbours is None or neighbours[0].shape[1] < k:
            with progress.task("Topics: nearest neighbours", total=None):
                neighbours = exact_neighbours(features, k)
        # Measured on 20,000 comments, 2 cores: 10 s against 47 s for NN-descent (mostly numba compiling
        # it in every new process), same NMI on the Chile corpus. Its cost grows with n squared.
        options["precomputed_knn"] = (neighbours[0][:, :k], neighbours[1][:, :k], None)
        options["force_approximation_algorithm"] = True  # below 4,096 points UMAP would ignore them
    from umap import UMAP

    cache_umap_kernels()
    reducer = UMAP(
        n_neighbors=k,
        n_components=min(n_components, max(2, n - 2)),
        min_dist=0.0,
        metric="cosine",
        random_state=random_state,
        low_memory=True,
        # One thread: UMAP is only reproducible single-threaded.
        n_jobs=1,
        **options,
    )
    with warnings.catch_warnings(), _epochs_reported(progress):
        # "transform will be unavailable" with precomputed neighbours: new comments are placed by centroid, not by UMAP;
        # numba's "cannot cache" for the few kernels it cannot store.
        warnings.simplefilter("ignore", UserWarning)
        from numba.core.errors import NumbaWarning

        warnings.simplefilter("ignore", NumbaWarning)
        return reducer.fit_transform(features)


@contextmanager
def _epochs_reported(progress: Progress) -> Iterator[None]:
    """Report UMAP's layout epochs as a progress task.

    umap-learn shows its epochs with ``tqdm`` (``umap.layouts.tqdm``) and offers no callback;
    for the duration of one fit that name is a wrapper that advances ``progress`` instead.
    """
    try:
        import umap.layouts as layouts
    except ImportError:  # pragma: no cover
        yield
        return
    original = getattr(layouts, "tqdm", None)
    if original is None:  # pragma: no cover - another umap-learn: no epoch progress
        yield
        return

    def epochs(iterable: Iterable[int], **_: Any) -> Iterator[int]:
        items = list(iterable)
        with progress.task("Topics: UMAP layout (epochs)", total=len(items)) as task:
            for item in items:
                yield item
                task.advance(1)

    layouts.tqdm = epochs
    try:
        yield
    finally:
        layouts.tqdm = original
