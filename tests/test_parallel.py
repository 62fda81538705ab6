"""The fanned-out path gives the same tables as the sequential one."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.parallel as parallel
from pipeline.corpus import build_corpus
from pipeline.sources import read_user_files

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_process_pool_matches_sequential(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = read_user_files(RAW)
    sequential = build_corpus(raw, workers=1)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 2)
    monkeypatch.setattr(parallel, "BATCH_SIZE", 5)
    pooled = build_corpus(raw, workers=2)
    assert set(pooled) == set(sequential)
    for name, frame in sequential.items():
        assert pooled[name].equals(frame), name


def test_batches_cover_every_item_in_order() -> None:
    items = list(range(11))
    chunks = parallel.batches(items, 4)
    assert [list(chunk) for chunk in chunks] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10]]


def test_sized_tasks_start_with_the_largest_items_and_cover_every_item() -> None:
    sizes = [3, 1, 40, 2, 2, 25, 1, 1, 5, 0]  # bytes of ten inputs, two of them large PDFs
    chunks = parallel.largest_first(sizes, lambda size: size, tasks=4)  # a task of about 20 bytes
    assert chunks[0] == [40] and chunks[1] == [25]  # each large input is a task of its own, first
    assert chunks[2:] == [[5, 3, 2, 2, 1, 1, 1, 0]]
    assert sorted(item for chunk in chunks for item in chunk) == sorted(sizes)
