"""Per-document work fanned out over the machine's cores when the corpus is large."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many documents a process pool costs more (spawning, importing) than it saves.
MIN_PARALLEL_ITEMS = 400
BATCH_SIZE = 250  # documents per task: large enough to amortise pickling, small enough to balance


def batches(items: Sequence[Item], size: int | None = None) -> list[Sequence[Item]]:
    size = size or BATCH_SIZE
    return [items[start : start + size] for start in range(0, len(items), size)]


def map_batches(function: Callable[[Item], Result], items: Sequence[Item], total_documents: int,
                workers: int | None = None) -> list[Result]:
    """``[function(item) for item in items]`` over batches of documents, in order, on every core
    when the corpus is large enough to pay for the pool.

    Workers are spawned, not forked: the caller may be a Dagster process with threads.
    """
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(items) < 2 or total_documents < MIN_PARALLEL_ITEMS:
        return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return list(pool.map(function, items))
