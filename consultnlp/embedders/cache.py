"""On-disk embedding cache keyed by model and text hash.

Each run appends shards (``.npz`` with text digests and vectors) written
atomically, so an interrupted run keeps every finished chunk and a re-run
embeds only what is missing.

A lookup reads only the shards that hold one of its keys, and of those only the
rows it needs. Which shard holds which key is kept in ``index.npz`` beside the
shards (every key, sorted, with its shard and row), merged with the keys of any
shard written since by a later lookup, and in this process's memory between
lookups. The index is only a shortcut: a shard it does not list is read for its
keys, a shard it lists that is gone is dropped, so a stale, missing or broken
index never changes a vector.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

DIGEST_BYTES = 16
INDEX_FILE = "index.npz"
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a zip member's local file header (30 bytes)


def text_digests(texts: list[str]) -> np.ndarray:
    return np.array(
        [hashlib.blake2b(t.encode("utf-8", "surrogatepass"), digest_size=DIGEST_BYTES).digest() for t in texts],
        dtype=f"S{DIGEST_BYTES}",
    )


@dataclass
class ShardIndex:
    """Every key of some shards, sorted, each with the shard (position in ``names``) and row that hold it.

    A key stored in more than one shard (two runs that embedded the same text at once) points at the shard
    last in name order, the one whose vector the cache used to return."""

    names: list[str]
    keys: np.ndarray
    shard: np.ndarray
    row: np.ndarray

    @classmethod
    def empty(cls) -> "ShardIndex":
        return cls([], np.zeros(0, dtype=f"S{DIGEST_BYTES}"), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32))

    def with_shards(self, added: dict[str, np.ndarray], gone: set[str] = frozenset()) -> "ShardIndex":
        """This index without the shards ``gone`` and with the keys of ``added`` (shard name -> its keys)."""
        names = sorted((set(self.names) - set(gone)) | set(added))
        position = {name: i for i, name in enumerate(names)}
        old = np.array([position.get(name, -1) for name in self.names], dtype=np.int32)
        keep = old[self.shard] >= 0 if len(self.names) else np.zeros(0, dtype=bool)
        keys = [self.keys[keep]]
        shard = [old[self.shard[keep]]]
        row = [self.row[keep]]
        for name, shard_keys in added.items():
            keys.append(np.asarray(shard_keys, dtype=f"S{DIGEST_BYTES}"))
            shard.append(np.full(len(shard_keys), position[name], dtype=np.int32))
            row.append(np.arange(len(shard_keys), dtype=np.int32))
        keys_all, shard_all, row_all = np.concatenate(keys), np.concatenate(shard), np.concatenate(row)
        # Sorted by key, then by shard name descending: the first entry of a key is the one kept.
        order = np.lexsort((-shard_all.astype(np.int64), keys_all))
        keys_all, shard_all, row_all = keys_all[order], shard_all[order], row_all[order]
        first = np.r_[True, keys_all[1:] != keys_all[:-1]] if len(keys_all) else np.zeros(0, dtype=bool)
        return ShardIndex(names, keys_all[first], shard_all[first], row_all[first])

    def find(self, digests: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions in this index, found mask) of ``digests``."""
        where = np.searchsorted(self.keys, digests)
        where = np.minimum(where, max(len(self.keys) - 1, 0))
        found = (self.keys[where] == digests) if len(self.keys) else np.zeros(len(digests), dtype=bool)
        return where, found


# Per cache folder: the index as this process last knew it, and the keys of the shards it wrote since (merged
# into the index at the next lookup, in one sort).
_KNOWN: dict[Path, ShardIndex] = {}
_WRITTEN: dict[Path, dict[str, np.ndarray]] = {}


class EmbeddingCache:
    """Vectors of one embedding model, stored under ``root/<model key>/``."""

    def __init__(self, root: Path, model_key: str) -> None:
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in model_key)
        self.dir = Path(root) / "embeddings" / safe

    def shards(self) -> list[Path]:
        return sorted(self.dir.glob("shard-*.npz")) if self.dir.exists() else []

    def index(self) -> ShardIndex:
        """The index of every shard now in the folder: from memory or ``index.npz``, brought up to date."""
        present = {p.name for p in self.shards()}
        index = _KNOWN.get(self.dir)
        if index is None:
            index = _read_index(self.dir / INDEX_FILE)
        known = set(index.names)
        missing = sorted(present - known)
        written = _WRITTEN.pop(self.dir, {})
        if missing or known - present:
            added = {}
            for name in missing:
                keys = written[name] if name in written else _shard_keys(self.dir / name)
                if keys is not None:
                    added[name] = keys
            index = index.with_shards(added, gone=known - present)
            if len(added) > len(set(written) & set(added)) or known - present:
                _write_index(self.dir, index)  # what another run wrote or removed; this run's own shards wait
        _KNOWN[self.dir] = index
        return index

    def lookup(self, digests: np.ndarray, make: Callable[[int, int], Any]) -> tuple[Any | None, np.ndarray]:
        """Return (vectors or None, found mask) for ``digests``; rows not found are zero.

        ``make(rows, dims)`` creates the zero matrix the vectors go to (``ondisk.new_matrix``).
        Every position of a digest is filled, also when a text occurs more than once.
        """
        found = np.zeros(len(digests), dtype=bool)
        vectors: Any | None = None
        if len(digests) == 0 or not self.dir.exists():
            return vectors, found
        index = self.index()
        where, hit = index.find(digests)
        if not hit.any():
            return vectors, found
        positions = np.flatnonzero(hit)
        shard_of = index.shard[where[positions]]
        for shard in np.unique(shard_of).tolist():
            mine = positions[shard_of == shard]
            rows = index.row[where[mine]]
            shard_vectors = _shard_rows(self.dir / index.names[shard], rows)
            if shard_vectors is None:  # removed since it was indexed: those texts are embedded again
                continue
            if vectors is None:
                vectors = make(len(digests), shard_vectors.shape[1])
            vectors[mine] = shard_vectors
            found[mine] = True
        return vectors, found

    def store(self, digests: np.ndarray, vectors: np.ndarray) -> Path | None:
        """Write one shard atomically (temp file, then rename)."""
        if len(digests) == 0:
            return None
        self.dir.mkdir(parents=True, exist_ok=True)
        name = hashlib.blake2b(digests.tobytes(), digest_size=8).hexdigest()
        target = self.dir / f"shard-{name}.npz"
        fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, keys=digests, vectors=vectors.astype(np.float32))
        os.replace(tmp, target)
        # This process knows the new shard without reading it back; index.npz learns it at the next run's lookup.
        _WRITTEN.setdefault(self.dir, {})[target.name] = np.array(digests, dtype=f"S{DIGEST_BYTES}")
        return target


def _read_index(path: Path) -> ShardIndex:
    """``index.npz``, or an empty index when it is missing or unreadable (every shard is then read for its keys)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            names = [str(n) for n in data["names"].tolist()]
            index = ShardIndex(names, data["keys"], data["shard"].astype(np.int32), data["row"].astype(np.int32))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError):
        return ShardIndex.empty()
    if (
        len(index.keys) != len(index.shard)
        or len(index.keys) != len(index.row)
        or (len(index.shard) and (index.shard.min() < 0 or index.shard.max() >= len(names)))
    ):
        return ShardIndex.empty()
    return index


def _write_index(folder: Path, index: ShardIndex) -> None:
    """Write ``index.npz`` atomically; a folder that cannot be written to just goes without it."""
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, names=np.array(index.names, dtype=str), keys=index.keys, shard=index.shard, row=index.row)
        os.replace(tmp, folder / INDEX_FILE)
    except OSError:
        pass


def _shard_keys(path: Path) -> np.ndarray | None:
    try:
        with np.load(path) as data:
            return data["keys"]
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError):
        return None


def _shard_rows(path: Path, rows: np.ndarray) -> np.ndarray | None:
    """The vectors ``rows`` of one shard, reading only those rows where the shard is stored uncompressed
    (``np.savez`` does); None when the shard is gone."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("vectors.npy")
            if info.compress_type == zipfile.ZIP_STORED:
                with open(path, "rb") as raw:
                    raw.seek(info.header_offset)
                    header = _LOCAL_HEADER.unpack(raw.read(_LOCAL_HEADER.size))
                    start = info.header_offset + _LOCAL_HEADER.size + header[-2] + header[-1]
                    raw.seek(start)
                    version = np.lib.format.read_magic(raw)
                    read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
                    shape, fortran, dtype = read_header(raw)
                    offset = raw.tell()
                if not fortran and len(shape) == 2:
                    mapped = np.memmap(path, dtype=dtype, mode="r", offset=offset, shape=shape)
                    out = np.array(mapped[rows])
                    del mapped
                    return out
        with np.load(path) as data:
            return data["vectors"][rows]
    except FileNotFoundError:
        return None
