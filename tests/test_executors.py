"""The same job under Dagster's multiprocess executor, each document batch a mapped step in its own
process, writes the same release bytes as in process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.build import build_release
from pipeline.cli import main as unres

ROOT = Path(__file__).resolve().parents[1]
SMALL_CORPUS = ["A_RES_72_130.txt", "S_RES_338_1973.txt", "S_RES_970_1995.txt"]


def test_multiprocess_executor_gives_the_same_release(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in SMALL_CORPUS:
        shutil.copy(ROOT / "data" / "raw" / name, raw / name)
    assert build_release(raw, tmp_path / "in_process", "2026.1.3") == 0
    capfd.readouterr()

    assert unres(["build", "--raw", str(raw), "--sources", "", "--out", str(tmp_path / "multiprocess"), "--version", "2026.1.3",
                  "--dist", "", "--cache", "", "--executor", "multiprocess", "--step-documents", "1"]) == 0
    log = capfd.readouterr().err
    batch_processes = {line.split("process ")[1].split(")")[0] for line in log.splitlines()
                       if "corpus.build_batch[" in line and " built " in line}
    assert len(batch_processes) == len(SMALL_CORPUS)  # one mapped step per document, each in its own process

    in_process = (tmp_path / "in_process" / "2026.1.3" / "SHA256SUMS").read_text()
    multiprocess = (tmp_path / "multiprocess" / "2026.1.3" / "SHA256SUMS").read_text()
    assert multiprocess == in_process
