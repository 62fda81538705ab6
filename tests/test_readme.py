"""README.md runs: every Python example and every shown output against the full-corpus release, the commands it
names, and the figures its prose quotes. The release is built once per session, here only (``unres build`` with
the default sources, unpublished, its own cache). Refresh the README with ``python -m tests.readme --update``."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import pipeline
from pipeline.cli import main as unres
from tests.readme import COMMANDS_RUN, NOT_RUN, README, build_full_release, problems_and_update, unlisted


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full-corpus release; ``$UNRES_README_RELEASE`` names one already built from this code, to rerun quickly."""
    given = os.environ.get("UNRES_README_RELEASE")
    return Path(given).resolve() if given else build_full_release(tmp_path_factory.mktemp("readme"))


def test_every_block_and_command_is_run_or_listed() -> None:
    assert unlisted(README.read_text(encoding="utf-8")) == []
    assert not set(NOT_RUN) & set(COMMANDS_RUN)


def test_readme_shows_what_runs(release: Path) -> None:
    """The Python examples, the `unres evaluate` blocks, the document_forms table and the prose figures."""
    problems, _ = problems_and_update(README.read_text(encoding="utf-8"), release)
    assert problems == [], "\n\n".join(problems) + "\n\nrefresh with: .venv/bin/python -m tests.readme --update"


def test_commands_the_readme_names(release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert unres(["info"]) == 0 and unres(["info", "votes"]) == 0
    out = capsys.readouterr().out
    assert out.count("votes (document_id, member_state): ") == 2
    assert unres(["validate", str(release)]) == 0
    assert capsys.readouterr().out.strip() == f"{release}: OK"
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=release, capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and checked.stdout.count(": OK") == len((release / "SHA256SUMS").read_text().splitlines())
    documents = release / "parquet" / "documents.parquet"
    assert str(pd.read_parquet(documents, dtype_backend="pyarrow")["adopted_on"].dtype) == "date32[day][pyarrow]"
    assert pd.read_parquet(documents)["adopted_on"].dtype == object  # "without it, dates come as object"


def test_release_download_and_load_as_the_readme_says(release: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    dist = tmp_path / "dist"
    assert unres(["release", str(release), "--dist", str(dist)]) == 0
    assert capsys.readouterr().out.startswith(f"archive: {dist / f'unres-{release.name}.zip'} (")
    with _http_server(dist) as url:
        assert unres(["download", "latest", "--from", url, "--to", str(tmp_path / "unres")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "unres" / release.name)
    downloaded = pipeline.load("votes", version="latest", root=tmp_path / "unres").collect()
    assert downloaded.equals(pl.read_parquet(release / "parquet" / "votes.parquet"))


@contextlib.contextmanager
def _http_server(directory: Path):
    """``python -m http.server -d dist PORT &``, on a free port of 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", "-d", str(directory), "-b", "127.0.0.1", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.kill()  # not terminate(): a SIGTERM ignored by the shell that started the tests is ignored here too
        server.wait()
