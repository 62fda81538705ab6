"""Crash- and concurrency-safe file operations: directory locks, durable atomic writes, and removal
of the staging files a killed process leaves behind.

Every publishing step writes under a name ending in ``-<pid>`` (or ``.<pid>``), fsyncs it and renames
it into place, so a crash leaves either the old state or the new one plus a staging leftover; the
next run in that directory removes the leftovers of processes that are gone.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

# Staging names: `.<name>.staging-<pid>`, `.part-<pid>`, `.unpack-<pid>`, the DuckDB scratch file and a cache
# segment in the making (`.<24 hex>.<pid>`).
_STAGING = re.compile(r"\..+\.(?:staging|part|unpack)-(\d+)|\.unres\.duckdb\.tmp-(\d+)(?:\.wal)?|\.[0-9a-f]{24}\.(\d+)")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` for the block: a directory (locked itself, so nothing is
    added to it) or a lock file (created if missing, and left: deleting it would race). Other
    processes, and other threads of this one, wait."""
    flags = os.O_RDONLY | os.O_DIRECTORY if path.is_dir() else os.O_RDWR | os.O_CREAT
    descriptor = os.open(path, flags, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` so that a crash leaves the old bytes or the new, never a mix."""
    staging = path.with_name(f".{path.name}.staging-{os.getpid()}")
    try:
        with open(staging, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staging, path)
    finally:
        staging.unlink(missing_ok=True)
    fsync_dir(path.parent)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable."""
    descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_tree(root: Path) -> None:
    """Every file and folder under ``root``, before ``root`` is renamed into place."""
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and not path.is_symlink():
            fsync_file(path)
        elif path.is_dir():
            fsync_dir(path)
    fsync_dir(root)


def staging_pid(name: str) -> int | None:
    """The process id in a staging file's name, or None for any other name."""
    match = _STAGING.fullmatch(name)
    return int(next(group for group in match.groups() if group)) if match else None


def remove_stale(directory: Path) -> list[str]:
    """Remove the staging leftovers in ``directory`` whose process is gone; return their names."""
    removed = []
    for path in sorted(directory.iterdir()) if directory.is_dir() else []:
        pid = staging_pid(path.name)
        if pid is None or pid == os.getpid() or _alive(pid):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path.name)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
