"""The same job under Dagster's multiprocess executor, each document batch a mapped step in its own
process, writes the same release bytes as in process."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

import pipeline.definitions
from pipeline.build import build_release

ROOT = Path(__file__).resolve().parents[1]
SMALL_CORPUS = ["A_RES_72_130.txt", "S_RES_338_1973.txt", "S_RES_970_1995.txt"]


def test_multiprocess_executor_gives_the_same_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in SMALL_CORPUS:
        shutil.copy(ROOT / "data" / "raw" / name, raw / name)
    assert build_release(raw, tmp_path / "in_process", "2026.1.3", dist_dir=None) == 0

    monkeypatch.setenv("UNRES_EXECUTOR", "multiprocess")
    config = {"raw_dir": str(raw), "releases_dir": str(tmp_path / "multiprocess"), "version": "2026.1.3",
              "dist_dir": "", "gold_dir": str(ROOT / "tests" / "gold"), "cache_dir": "", "step_documents": 1}
    (tmp_path / "dagster_home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster_home")) as instance:
        result = dg.execute_job(dg.reconstructable(pipeline.definitions.release_job), instance=instance,
                                run_config={"resources": {"config": {"config": config}}})
        assert result.success
        batch_processes = {event.pid for event in result.all_events
                           if event.event_type_value == "STEP_START" and event.step_key.startswith("corpus.build_batch[")}
    assert len(batch_processes) == len(SMALL_CORPUS)  # one mapped step per batch, each in its own process

    in_process = (tmp_path / "in_process" / "2026.1.3" / "SHA256SUMS").read_text()
    multiprocess = (tmp_path / "multiprocess" / "2026.1.3" / "SHA256SUMS").read_text()
    assert multiprocess == in_process
