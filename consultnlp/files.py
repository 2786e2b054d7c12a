"""Atomic writes: a half-written file never remains, and a run's folder is replaced whole.

A file is written to a temporary file and renamed. A run's folder is written whole
into a staging folder beside it (``.NAME.tmp-PID``) and swapped in when complete:
the previous folder is renamed to ``.NAME.old-PID``, the staging folder takes its
name, the old one is deleted. An interrupted run leaves the previous run as it was,
and no file of an older run remains beside the files of a newer one.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

from consultnlp.errors import OutputError

# What a run folder holds; anything else in it belongs to someone else and is never deleted.
RUN_FILES = frozenset(
    {
        "manifest.json",
        "comments.csv",
        "comments.parquet",
        "summary.xlsx",
        "report.html",
        "report.md",
        "report.docx",
        "topics_review.yaml",
    }
)
RUN_FOLDERS = {"tables": (".csv", ".parquet"), "state": (".json", ".parquet", ".npz")}
# private/: the analyst's working table and the re-render state (``state/`` at the top is where older runs kept it).
PRIVATE_FILES = frozenset({"comments.csv", "comments.parquet"})
STAGING = ".{name}.tmp-{pid}"
BACKUP = ".{name}.old-{pid}"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; rename it over ``target`` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        # mkstemp creates 0600 files; published outputs get the usual permissions.
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _is_temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp")


def listed_outputs(folder: Path) -> set[str]:
    """The files the run in ``folder`` says it wrote (its manifest's ``outputs`` and state files), as relative paths."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(manifest, dict):
        return set()
    state = manifest.get("state") if isinstance(manifest.get("state"), dict) else {}
    listed = [*(manifest.get("outputs") or []), *(state.get("files") or [])]
    return {str(name) for name in listed if isinstance(name, str)}


def foreign_entries(folder: Path) -> list[str]:
    """Entries of ``folder`` that a run does not write (relative names, folders ending in /): neither a file every run
    writes nor one the folder's own manifest lists (a .qdpx named after the input, consul/*.json ...)."""
    listed = listed_outputs(folder)
    found = []
    for entry in sorted(folder.iterdir()):
        name = entry.name
        if (name in RUN_FILES or name in listed) and entry.is_file() or _is_temporary(name):
            continue
        if name == "private" and entry.is_dir():
            for inner in sorted(entry.iterdir()):
                if inner.name == "state" and inner.is_dir():
                    found += _foreign_in(inner, "private/state", RUN_FOLDERS["state"], listed)
                elif not (
                    inner.is_file() and (inner.name in PRIVATE_FILES or f"private/{inner.name}" in listed or _is_temporary(inner.name))
                ):
                    found.append(f"private/{inner.name}" + ("/" if inner.is_dir() else ""))
            continue
        if entry.is_dir() and (name in RUN_FOLDERS or any(item.startswith(f"{name}/") for item in listed)):
            found += _foreign_in(entry, name, RUN_FOLDERS.get(name, ()), listed)
            continue
        found.append(name + ("/" if entry.is_dir() else ""))
    return found


def _foreign_in(folder: Path, shown: str, suffixes: tuple[str, ...], listed: set[str] = frozenset()) -> list[str]:
    """Entries of a run's sub-folder that it does not write: not of its kinds of file, nor listed in the manifest."""
    return [
        f"{shown}/{inner.name}" + ("/" if inner.is_dir() else "")
        for inner in sorted(folder.iterdir())
        if not (inner.is_file() and (inner.name.endswith(suffixes) or f"{shown}/{inner.name}" in listed or _is_temporary(inner.name)))
    ]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _about_folder(template: str, folder: Path, option: str | None, *others: str, **values: object) -> OutputError:
    """An ``OutputError`` whose ``{where}`` names ``folder`` as the ``option`` that gave it (``out=results`` from
    Python, ``--out results`` from the command line, see ``ConsultNLPError.about``), or plainly where none did; a
    ``{hint}`` names the option with ``values["hint"]``; ``others``: more options the template names."""
    where = "{" + option + ":{folder}}" if option else "{folder}"
    hint = "{" + option + ":{hint}}" if option else "{hint}"
    options = ((option,) if option else ()) + others
    return OutputError.about(template.replace("{where}", where).replace("{hint}", hint), *options, folder=folder, **values)


def check_run_folder(out: Path, *, inputs: Iterable[Path] = (), cache_dir: Path | None = None, option: str | None = "out") -> None:
    """Raise ``OutputError`` unless ``out`` can take a run: call it before any work.

    ``out`` may be missing (it is created with its parents) or a folder that holds only
    what a run writes. Each run replaces the whole folder, so it must not hold the
    ``inputs``, the ``cache_dir`` or anybody else's files, and its parent must be writable
    (the run is staged beside it). Messages name the folder as the ``option`` that gave it (``out``; ``None``: plainly).
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise _about_folder(
            "{where} is a file, not a folder. Give a folder for the results (it is created if missing)"
            + (", e.g. {hint}." if option else "."),
            out,
            option,
            hint="results/",
        )
    real = out.resolve()
    for path in inputs:
        if _inside(Path(path).resolve(), real):
            raise _about_folder(
                "{where} contains the input file {name}, and each run replaces that folder. "
                "Choose a folder of its own for the results" + (", e.g. {hint}." if option else "."),
                out,
                option,
                name=Path(path).name,
                hint=out / "results",
            )
    if cache_dir is not None and _inside(Path(cache_dir).resolve(), real):
        raise _about_folder(
            "{cache_dir:{cache}} is inside {where}, which each run replaces. Put the cache elsewhere.",
            out,
            option,
            "cache_dir",
            cache=cache_dir,
        )
    _recover(real)
    if real.is_dir():
        foreign = foreign_entries(real)
        if foreign:
            listed = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            raise _about_folder(
                "{where} holds files that a consultnlp run does not write ({listed}). Each run replaces the whole "
                "folder, so give a new or empty folder, or move those files elsewhere first.",
                out,
                option,
                listed=listed,
            )
        if not os.access(real, os.W_OK | os.X_OK):
            raise _about_folder("{where} is not writable. Choose another folder, or change its permissions.", out, option)
    _check_parent(real, out, option)


def check_writable_folder(out: Path, *, option: str | None = "out") -> None:
    """Raise ``OutputError`` unless files can be written into ``out`` (created if missing): for plain output folders.
    Messages name the folder as the ``option`` that gave it (``out_dir`` in ``tune_topics``; ``None``: plainly)."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise _about_folder("{where} is a file, not a folder. Give a folder (it is created if missing).", out, option)
    if out.is_dir():
        if not os.access(out, os.W_OK | os.X_OK):
            raise _about_folder("{where} is not writable. Choose another folder, or change its permissions.", out, option)
        return
    _check_parent(out.resolve(), out, option)


def _check_parent(real: Path, out: Path, option: str | None) -> None:
    """The parent of ``real`` (``out`` resolved) exists (created if needed) and a folder can be made in it."""
    parent = real.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        probe = tempfile.mkdtemp(dir=parent, prefix=f".{real.name}.probe-")
        os.rmdir(probe)
    except OSError as exc:
        raise _about_folder(
            "{where}: cannot write in {parent} ({why}). Choose a folder where you can write.",
            out,
            option,
            parent=parent,
            why=exc.strerror or exc,
        ) from None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _recover(out: Path) -> None:
    """Clean up after a run that was killed while writing: drop its staging folder, put back the previous run
    if it was killed between moving the old folder away and moving the new one in."""
    parent = out.parent
    if not parent.is_dir():
        return
    for pattern, restore in ((STAGING, False), (BACKUP, True)):
        for leftover in parent.glob(pattern.format(name=out.name, pid="*")):
            pid = leftover.name.rsplit("-", 1)[-1]
            if not pid.isdigit() or _alive(int(pid)) and int(pid) != os.getpid():
                continue
            if restore and not out.exists():
                os.rename(leftover, out)
            else:
                shutil.rmtree(leftover, ignore_errors=True)


LOCK = ".{name}.lock"
T = TypeVar("T")


@contextmanager
def run_lock(out: Path, *, option: str | None = "out") -> Iterator[None]:
    """Hold ``out`` for one run: a lock file beside it (``.NAME.lock``, with the holder's pid and start time).

    A second run into the same folder fails at once with one line naming the first run; the lock goes with the
    process that holds it (an advisory ``flock``), so a run that was killed never blocks the next one. Messages name
    the folder as the ``option`` that gave it (``None``: plainly).
    """
    import fcntl
    import time

    real = Path(out).resolve()
    path = real.parent / LOCK.format(name=real.name)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+", encoding="utf-8")
    except OSError as exc:
        raise _about_folder(
            "{where}: cannot write in {parent} ({why}). Choose a folder where you can write.",
            Path(out),
            option,
            parent=real.parent,
            why=exc.strerror or exc,
        ) from None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise _about_folder(
            "{where} is being written by another consultnlp run ({holder}). Wait for it to finish, or give another folder.",
            Path(out),
            option,
            holder=holder,
        ) from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        yield
    finally:
        path.unlink(missing_ok=True)
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        handle.close()


def holds_folder(option: str | None = "out") -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorate a function whose ``out_dir`` argument is a run folder: the folder is held (``run_lock``) while it runs.
    Messages name the folder as the ``option`` that gave it (``None``: plainly)."""

    def wrap(function: Callable[..., T]) -> Callable[..., T]:
        signature = inspect.signature(function)

        @functools.wraps(function)
        def held(*args: Any, **kwargs: Any) -> T:
            out_dir = Path(signature.bind(*args, **kwargs).arguments["out_dir"])
            with run_lock(out_dir, option=option):
                return function(*args, **kwargs)

        return held

    return wrap


@contextmanager
def staged_folder(out: Path, *, carry: Iterable[str] = ()) -> Iterator[Path]:
    """Yield an empty staging folder beside ``out``; when the block succeeds it replaces ``out`` whole.

    ``carry`` names files of the current ``out`` copied into the staging folder first
    (the analyst's ``topics_review.yaml`` on a re-render). If the block fails or is
    interrupted, the staging folder is removed and ``out`` is left as it was.
    """
    real = Path(out).resolve()
    real.parent.mkdir(parents=True, exist_ok=True)
    staging = real.parent / STAGING.format(name=real.name, pid=os.getpid())
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        for name in carry:
            if (real / name).is_file():
                shutil.copy2(real / name, staging / name)
        yield staging
        _swap(staging, real)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        os.rename(staging, out)
        return
    backup = out.parent / BACKUP.format(name=out.name, pid=os.getpid())
    shutil.rmtree(backup, ignore_errors=True)
    os.rename(out, backup)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(backup, out)
        raise
    shutil.rmtree(backup, ignore_errors=True)
