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


def map_documents(function: Callable[[Item], Result], items: Sequence[Item], workers: int | None = None) -> list[Result]:
    """``[function(item) for item in items]``, in order, on every core for large inputs.

    Workers are spawned, not forked: the caller may be a Dagster process with threads.
    """
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(items) < MIN_PARALLEL_ITEMS:
        return [function(item) for item in items]
    chunksize = max(1, len(items) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return list(pool.map(function, items, chunksize=chunksize))
