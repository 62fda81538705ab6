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
TASKS_PER_WORKER = 8  # sized tasks: enough that the last ones to finish are small

_pools: dict[int, ProcessPoolExecutor] = {}


def batches(items: Sequence[Item], size: int | None = None) -> list[Sequence[Item]]:
    size = size or BATCH_SIZE
    return [items[start : start + size] for start in range(0, len(items), size)]


def map_batches(function: Callable[[Sequence[Item]], Result], items: Sequence[Item],
                workers: int | None = None, size: Callable[[Item], int] | None = None) -> list[Result]:
    """``[function(batch) for batch in batches(items)]``, on every core when the corpus is large
    enough to pay for the pool. Given the ``size`` of an item (its bytes), the pool gets the largest
    items first, in tasks of about equal size, so that no large PDF starts while the other workers
    have nothing left to do; the results then come in that order, not in the order of ``items``."""
    chunks = batches(items)
    workers = workers or os.cpu_count() or 1
    serial = workers < 2 or len(chunks) < 2 or len(items) < MIN_PARALLEL_ITEMS
    if not serial and size is not None:
        chunks = largest_first(items, size, workers * TASKS_PER_WORKER)
    results = map(function, chunks) if serial else _pool(workers).map(function, chunks)
    return [_counted(result, len(chunk)) for result, chunk in zip(results, chunks, strict=True)]


def _counted(result: Result, size: int) -> Result:
    advance_build(size)
    return result


def largest_first(items: Sequence[Item], size: Callable[[Item], int], tasks: int) -> list[list[Item]]:
    """``items`` in about ``tasks`` tasks of about equal total size (at most BATCH_SIZE items each),
    the largest items first; an item larger than a task is a task of its own."""
    ordered = sorted(items, key=size, reverse=True)
    target = sum(size(item) for item in ordered) / tasks
    chunks: list[list[Item]] = []
    filled = target
    for item in ordered:
        if filled >= target or len(chunks[-1]) >= BATCH_SIZE:
            chunks.append([])
            filled = 0
        chunks[-1].append(item)
        filled += size(item)
    return chunks


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
