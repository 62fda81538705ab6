"""The fanned-out path gives the same tables as the sequential one."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.parallel as parallel
from pipeline.tables import build_extraction, build_structure, read_raw_documents

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def _build():
    structure = build_structure(read_raw_documents(RAW))
    extraction = build_extraction(structure.documents, structure.paragraphs, structure.footnotes)
    return structure, extraction


def test_process_pool_matches_sequential(monkeypatch: pytest.MonkeyPatch) -> None:
    sequential_structure, sequential_extraction = _build()
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 2)
    monkeypatch.setattr(parallel, "BATCH_SIZE", 5)
    pooled_structure, pooled_extraction = _build()
    for name in ("documents", "paragraphs", "footnotes", "quarantine"):
        assert getattr(pooled_structure, name).equals(getattr(sequential_structure, name)), name
    for name in ("clauses", "actor_mentions", "citations", "instruments", "deadlines", "mandates", "instrument_graph"):
        assert getattr(pooled_extraction, name).equals(getattr(sequential_extraction, name)), name
