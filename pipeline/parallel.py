"""Per-document work fanned out over the machine's cores when the corpus is large."""

from __future__ import annotations

import atexit
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from pipeline.progress import advance_build

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many documents a process pool costs more (spawning, importing) than it saves.
MIN_PARALLEL_ITEMS = 400
BATCH_SIZE = 250  # documents per task: large enough to amortise pickling, small enough to balance

_pools: dict[int, ProcessPoolExecutor] = {}


def batches(items: Sequence[Item], size: int | None = None) -> list[Sequence[Item]]:
    size = size or BATCH_SIZE
    return [items[start : start + size] for start in range(0, len(items), size)]


def map_batches(function: Callable[[Sequence[Item]], Result], items: Sequence[Item],
                workers: int | None = None) -> list[Result]:
    """``[function(batch) for batch in batches(items)]``, in order, on every core when the corpus
    is large enough to pay for the pool."""
    chunks = batches(items)
    workers = workers or os.cpu_count() or 1
    serial = workers < 2 or len(chunks) < 2 or len(items) < MIN_PARALLEL_ITEMS
    results = map(function, chunks) if serial else _pool(workers).map(function, chunks)
    return [_counted(result, len(chunk)) for result, chunk in zip(results, chunks, strict=True)]


def _counted(result: Result, size: int) -> Result:
    advance_build(size)
    return result


def _pool(workers: int) -> ProcessPoolExecutor:
    """One pool per process, kept for the process's life: the mapped steps of a run share it
    instead of each paying to spawn and import. Spawned, not forked: the caller may be a Dagster
    process with threads."""
    if workers not in _pools:
        _pools[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    return _pools[workers]


@atexit.register
def _shut_down() -> None:
    for pool in _pools.values():
        pool.shutdown(cancel_futures=True)
