"""Faults a user meets: a build killed or out of disk, builds and publications at once, hostile servers
and archives, damaged caches. Real faults where they can be made: ``kill -9`` of a build in a subprocess,
a full or read-only tmpfs (when ``mount`` works, i.e. as root; else simulated, as the tests say), HTTP
servers on 127.0.0.1 that cut a chunked body or send a byte at a time. (More in test_distribution.py.)
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import http.server
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest

import pipeline
import pipeline.assets.release as release_assets
import pipeline.distribute as distribute
from pipeline.cache import DocumentCache
from pipeline.cli import main as unres
from pipeline.corpus import build_corpus
from pipeline.distribute import DownloadError, PublishError, download, publish, read_index
from pipeline.release import write_release
from pipeline.sources import read_user_files
from pipeline.verify import verify_release
from schemas import TABLES
from tests.test_distribution import _rezip, _sums, serve, snapshot

pytestmark = pytest.mark.faults

ROOT = Path(__file__).resolve().parents[1]
SMALL = ["A_RES_72_130.txt", "A_RES_72_284.txt", "S_RES_598_1987.txt", "S_RES_970_1995.txt"]
V = "2026.3.1"

# A build whose DuckDB step stops once its scratch file exists, until the file named by argv[2] appears.
PAUSED_BUILD = r"""
import pathlib, sys, time
import duckdb
marker, go = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
real = duckdb.connect
def paused(database, *args, **kwargs):
    connection = real(database, *args, **kwargs)
    marker.write_text(str(database))
    while not go.exists():
        time.sleep(0.05)
    return connection
duckdb.connect = paused
from pipeline.cli import main
sys.exit(main(sys.argv[3:]))
"""


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("raw")
    for name in SMALL:
        shutil.copy(ROOT / "data" / "raw" / name, folder / name)
    return folder


def _build_args(raw: Path, base: Path, version: str = V, cache: str = "") -> list[str]:
    no_gold = raw.parent / "no-gold"  # an empty gold folder: accuracy.json says there is none
    no_gold.mkdir(exist_ok=True)
    return ["build", "--raw", str(raw), "--sources", "", "--out", str(base / "releases"), "--dist", str(base / "dist"),
            "--cache", cache, "--gold", str(no_gold), "--version", version, "--workers", "1"]


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@pytest.fixture(scope="module")
def built(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small release and its dist/, built over the staging leftovers of a killed process (and one of a
    live process) in every directory the build writes."""
    base = tmp_path_factory.mktemp("built")
    dead, live = _dead_pid(), os.getppid()
    segments = DocumentCache(base / "cache").directory.relative_to(base)
    for folder, names in {"releases": [f".{V}.staging-{dead}", f".{V}.staging-{live}"],
                          "dist": [f".unres-{V}.zip.staging-{dead}", f".releases.json.staging-{dead}"],
                          segments: [f".{'0' * 24}.{dead}", f".{'1' * 24}.{live}"]}.items():
        for name in names:
            (base / folder / name).mkdir(parents=True)
    assert unres(_build_args(raw, base, cache=str(base / "cache"))) == 0
    return base


@contextlib.contextmanager
def paused_build(raw: Path, base: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, Path, Path]]:
    """A build in a subprocess, stopped inside its DuckDB step; yields it, the file that resumes it
    and its log (stdout and stderr)."""
    marker, go, log = tmp_path / "in-duckdb-step", tmp_path / "go", tmp_path / "build.log"
    with log.open("w") as output:
        child = subprocess.Popen([sys.executable, "-c", PAUSED_BUILD, str(marker), str(go), *_build_args(raw, base)],
                                 stdout=output, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, f"the build ended before its DuckDB step:\n{log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, "the build did not reach its DuckDB step"
            time.sleep(0.05)
        yield child, go, log
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def _downloads(dist: Path, target: Path) -> bool:
    with serve(dist) as (url, _):
        return unres(["download", V, "--to", str(target), "--from", url, "--quiet"]) == 0


# --- 1, 10, 14: killed and concurrent builds ---------------------------------------------------


def test_a_build_killed_in_its_duckdb_step_then_rebuilt_publishes_a_downloadable_release(
        raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "work"
    release = base / "releases" / V
    with paused_build(raw, base, tmp_path) as (child, _, _):
        assert list(release.glob(".unres.duckdb.tmp*"))  # the kill below lands mid-step
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert unres(_build_args(raw, base)) == 0, capsys.readouterr().err
    assert not list(release.glob(".unres.duckdb.tmp*"))  # the killed build's scratch file is gone
    with zipfile.ZipFile(base / "dist" / f"unres-{V}.zip") as archive:  # exactly the files of SHA256SUMS
        assert sorted(name.split("/", 1)[1] for name in archive.namelist()) == sorted([*_sums(release), "SHA256SUMS"])
    assert _downloads(base / "dist", tmp_path / "downloaded"), capsys.readouterr().err


def test_two_builds_of_one_version_at_once_both_succeed(raw: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "work"
    with paused_build(raw, base, tmp_path) as (child, go, log):
        second = unres(_build_args(raw, base))  # while the first is inside its DuckDB step
        err = capsys.readouterr().err
        go.touch()
        child.wait(120)
        first_err = log.read_text()
    assert (second, child.returncode) == (0, 0), err + first_err[-3000:]
    assert "different archive" not in err + first_err
    assert _downloads(base / "dist", tmp_path / "downloaded"), capsys.readouterr().err


def test_two_writes_of_one_release_at_once_do_not_collide(built: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The first writer stops just before renaming its release into place; the second must wait for
    it, then find the same release (not fail on a directory that appeared under it)."""
    tables = {name: pl.read_parquet(built / "releases" / V / "parquet" / f"{name}.parquet") for name in TABLES}
    releases, final = tmp_path / "releases", tmp_path / "releases" / V
    stopped, resume = threading.Event(), threading.Event()
    real_rename = os.rename

    def rename(source, target, *args, **kwargs):
        if Path(target) == final and threading.current_thread().name == "first":
            stopped.set()
            resume.wait(10)
        return real_rename(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    real_getpid, pids = os.getpid, {"first": os.getpid(), "second": os.getppid()}  # two live processes' ids
    monkeypatch.setattr(os, "getpid", lambda: pids.get(threading.current_thread().name, real_getpid()))
    results: dict[str, object] = {}

    def write(name: str) -> None:
        try:
            results[name] = write_release(tables, releases, V, []).written
        except Exception as error:  # noqa: BLE001 - the test reports what the user would see
            results[name] = error

    first = threading.Thread(target=write, args=("first",), name="first")
    first.start()
    assert stopped.wait(30)
    second = threading.Thread(target=write, args=("second",), name="second")
    second.start()
    second.join(3)  # a second writer that does not wait has renamed its own copy by now
    resume.set()
    first.join(30)
    second.join(30)
    assert results == {"first": True, "second": False}
    assert verify_release(final) == []


# --- 1, 8: a full disk -------------------------------------------------------------------------


@contextlib.contextmanager
def tmpfs(path: Path, options: str) -> Iterator[bool]:
    """Mount a tmpfs at ``path``; yields False (and mounts nothing) where mounting is not allowed."""
    path.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True).returncode:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_disk_full_in_the_duckdb_step_names_the_file_and_leaves_a_downloadable_release(
        raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    disk = tmp_path / "disk"
    with tmpfs(disk, "size=32m") as real_disk:
        filler = disk / "filler"
        real_ensure = release_assets.ensure_duckdb

        def full_disk_then(release_dir: Path):
            if not real_disk:  # no tmpfs here: a simulated full disk
                monkeypatch.setattr(duckdb, "connect", _no_space)
            with contextlib.suppress(OSError), filler.open("wb", buffering=0) as out:
                while real_disk:
                    out.write(b"\0" * (1 << 20))
            return real_ensure(release_dir)

        monkeypatch.setattr(release_assets, "ensure_duckdb", full_disk_then)
        assert unres(_build_args(raw, disk)) == 1
        err = capsys.readouterr().err
        assert "unres.duckdb: not built" in err and "No space left on device" in err, err
        assert f"written before the failure: release {disk / 'releases' / V}; archive {disk / 'dist' / f'unres-{V}.zip'}" in err
        release = disk / "releases" / V
        assert not list(release.glob(".unres.duckdb.tmp*")) and not (release / "unres.duckdb").exists()
        filler.unlink(missing_ok=True)
        monkeypatch.undo()
        assert _downloads(disk / "dist", tmp_path / "downloaded"), capsys.readouterr().err
        assert unres(_build_args(raw, disk)) == 0, capsys.readouterr().err
        assert (release / "unres.duckdb").is_file()


def _no_space(*args, **kwargs):
    raise duckdb.IOException(f"[Errno {errno.ENOSPC}] No space left on device")


# --- 2, 14: downloads and load ------------------------------------------------------------------


def test_load_latest_reads_the_complete_release_not_a_half_unpacked_one(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "releases"
    shutil.copytree(built / "releases" / V, root / V)
    half = root / f".{V}.unpack-{_dead_pid()}"  # a download killed while unpacking
    (half / "parquet").mkdir(parents=True)
    shutil.copy(root / V / "SHA256SUMS", half / "SHA256SUMS")
    data = (root / V / "parquet" / "documents.parquet").read_bytes()
    (half / "parquet" / "documents.parquet").write_bytes(data[: len(data) // 2])
    documents = pipeline.load("documents", root=root).collect()
    assert documents.equals(pl.read_parquet(root / V / "parquet" / "documents.parquet"))


def test_a_download_after_a_killed_one_removes_its_leftovers(built: Path, tmp_path: Path) -> None:
    target, dead = tmp_path / "releases", _dead_pid()
    leftovers = [f".{V}.unpack-{dead}", f".unres-{V}.zip.part-{dead}"]
    (target / leftovers[0] / "parquet").mkdir(parents=True)
    (target / leftovers[1]).write_bytes(b"PK\x03\x04 half an archive")
    assert _downloads(built / "dist", target)
    assert sorted(p.name for p in target.iterdir()) == [V]
    assert pipeline.load("clauses", root=target).collect().height == read_index(built / "dist")["releases"][0]["rows"]["clauses"]


# --- 3: SQL from the network --------------------------------------------------------------------


def test_a_downloaded_unres_sql_is_never_run(built: Path, tmp_path: Path) -> None:
    served, outside = tmp_path / "served", tmp_path / "outside.csv"
    shutil.copytree(built / "dist", served)
    sql = (built / "releases" / V / "unres.sql").read_bytes() + f"\nCOPY (SELECT 42 AS x) TO '{outside}';\n".encode()

    def attack(source: zipfile.ZipFile, out: zipfile.ZipFile) -> None:  # the server controls SHA256SUMS too
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("/SHA256SUMS"):
                data = re.sub(rb"[0-9a-f]{64}(?=  unres\.sql\n)", hashlib.sha256(sql).hexdigest().encode(), data)
            out.writestr(info, sql if info.filename.endswith("/unres.sql") else data)

    _rezip(served / f"unres-{V}.zip", attack)
    assert _downloads(served, tmp_path / "target")
    assert not outside.exists()
    database = duckdb.connect(str(tmp_path / "target" / V / "unres.duckdb"), read_only=True)
    try:
        assert database.execute("select count(*) from clauses").fetchone()[0] == \
            read_index(built / "dist")["releases"][0]["rows"]["clauses"]
    finally:
        database.close()


# --- 6: publishing at once ----------------------------------------------------------------------


def test_two_versions_published_at_once_are_both_listed(built: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Each publisher is slowed between reading releases.json and writing it back, so both read it
    before either writes: without a lock one of the two entries is lost."""
    releases = tmp_path / "releases"
    for version in ("2026.4.1", "2026.4.2"):
        shutil.copytree(built / "releases" / V, releases / version)
    dist = tmp_path / "dist"
    real_read = distribute.read_index

    def slow_read(directory: Path) -> dict:
        index = real_read(directory)
        time.sleep(0.5)
        return index

    monkeypatch.setattr(distribute, "read_index", slow_read)
    threads = [threading.Thread(target=publish, args=(releases / version, dist)) for version in ("2026.4.1", "2026.4.2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert [entry["version"] for entry in real_read(dist)["releases"]] == ["2026.4.1", "2026.4.2"]
    assert sorted(p.name for p in dist.iterdir()) == [".releases.json.lock", "releases.json",
                                                      "unres-2026.4.1.zip", "unres-2026.4.2.zip"]


# --- 7, 12: hostile or broken servers ----------------------------------------------------------


@contextlib.contextmanager
def raw_server(respond) -> Iterator[str]:
    """A server whose handler ``respond(handler)`` writes the whole response itself."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            with contextlib.suppress(OSError):
                respond(self)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _index_then(built: Path, archive_response):
    index = (built / "dist" / "releases.json").read_bytes()

    def respond(handler: http.server.BaseHTTPRequestHandler) -> None:
        if handler.path == "/releases.json":
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(index)))
            handler.end_headers()
            handler.wfile.write(index)
        else:
            archive_response(handler, (built / "dist" / f"unres-{V}.zip").read_bytes())
    return respond


def _cut_chunked(handler: http.server.BaseHTTPRequestHandler, data: bytes) -> None:
    handler.send_response(200)
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    handler.wfile.write(b"%x\r\n" % len(data) + data[: len(data) // 2])  # the connection drops mid-chunk
    handler.wfile.flush()
    handler.close_connection = True


def _drip(handler: http.server.BaseHTTPRequestHandler, data: bytes) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    for position in range(0, len(data), 512):  # ~10 s for the whole archive, a read every few ms
        handler.wfile.write(data[position:position + 512])
        handler.wfile.flush()
        time.sleep(0.03)


@pytest.mark.parametrize(("respond", "message"), [
    (_cut_chunked, f"unres-{V}.zip: download failed after"),
    (_drip, f"unres-{V}.zip: refused: not complete within the 1-second download time limit"),
], ids=["chunked-transfer-cut", "slow-drip"])
def test_a_broken_or_slow_server_gives_a_named_error(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch, respond, message: str) -> None:
    monkeypatch.setenv("UNRES_DOWNLOAD_TIMEOUT", "1")
    started = time.monotonic()
    with raw_server(_index_then(built, respond)) as url:
        assert unres(["download", V, "--to", str(tmp_path / "target"), "--from", url, "--quiet"]) == 1
    assert message in capsys.readouterr().err
    assert time.monotonic() - started < 5
    assert not (tmp_path / "target").exists()


def test_an_oversized_index_is_refused_naming_the_limit(built: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    served = tmp_path / "served"
    shutil.copytree(built / "dist", served)
    index = (served / "releases.json").read_bytes()
    (served / "releases.json").write_bytes(index + b" " * (10_000_001 - len(index)))  # valid JSON, too long
    with serve(served) as (url, _):
        assert unres(["download", V, "--to", str(tmp_path / "target"), "--from", url, "--quiet"]) == 1
    assert "larger than the 10,000,000-byte limit for a release index" in capsys.readouterr().err
    with pytest.raises(PublishError, match="10,000,000-byte limit"):
        read_index(served)


# --- 9: versions become paths -----------------------------------------------------------------


def test_a_version_that_is_a_path_is_refused_before_anything_starts(raw: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "a" / "b"
    assert unres(_build_args(raw, base, version="../../escaped")) == 2
    assert "version '../../escaped' is not a CalVer version" in capsys.readouterr().err
    assert not (tmp_path / "a").exists() and not list(tmp_path.rglob("escaped*"))
    with pytest.raises(ValueError, match="not a CalVer"):
        pipeline.load("documents", version="../x", root=tmp_path)
    assert unres(["download", "../x", "--to", str(tmp_path / "t"), "--from", "http://127.0.0.1:9"]) == 2  # wrong usage
    assert "'../x' is not a CalVer" in capsys.readouterr().err


# --- 5, 14: a read-only cache, staging leftovers ---------------------------------------------


def test_a_read_only_cache_warns_and_the_build_goes_on(raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    cache_dir = tmp_path / "cache"
    with tmpfs(cache_dir, "ro,size=1m") as mounted:
        if not mounted:  # no mount here: a read-only file system simulated where the cache writes
            real_mkdir = Path.mkdir
            monkeypatch.setattr(Path, "mkdir", lambda self, *a, **k: _read_only(self) if cache_dir in self.parents
                                else real_mkdir(self, *a, **k))
        tables = build_corpus(read_user_files(raw), DocumentCache(cache_dir))
    uncached = build_corpus(read_user_files(raw))
    assert all(tables[name].equals(uncached[name]) for name in uncached)
    assert "document cache: cannot store" in caplog.text and "building without it" in caplog.text


def _read_only(path: Path):
    raise OSError(errno.EROFS, "Read-only file system", str(path))


def test_builds_remove_the_leftovers_of_killed_processes_only(built: Path) -> None:
    live = os.getppid()
    assert sorted(p.name for p in (built / "releases").iterdir()) == [f".{V}.staging-{live}", V]
    assert sorted(p.name for p in (built / "dist").iterdir()) == [".releases.json.lock", "releases.json", f"unres-{V}.zip"]
    cache = DocumentCache(built / "cache")
    assert [p.name for p in cache.directory.iterdir() if p.name.startswith(".")] == [f".{'1' * 24}.{live}"]
    assert len(cache.segments()) == 1


# --- 11: the document cache ----------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["other_table", "edited_rows"])
def test_a_damaged_cache_segment_is_dropped_and_rebuilt(raw: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                        damage: str) -> None:
    cache = DocumentCache(tmp_path / "cache")
    uncached = build_corpus(read_user_files(raw), cache)
    (segment,) = cache.segments()
    paragraphs = segment / "paragraphs.arrow"
    if damage == "other_table":
        shutil.copy(segment / "clauses.arrow", paragraphs)
    else:
        frame = pl.read_ipc(paragraphs)
        frame.with_columns(pl.col("text").str.replace("Decides", "Refuses")).write_ipc(paragraphs, compression="lz4")
    rebuilt = build_corpus(read_user_files(raw), cache)
    assert all(rebuilt[name].equals(uncached[name]) for name in uncached)
    assert f"dropping segment {segment}" in caplog.text
    assert len(cache.segments()) == 1  # rebuilt and stored again


# --- 12: a disk that fills while unpacking -----------------------------------------------------


def test_download_refuses_when_unpacking_fails(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A disk that fills while unpacking: a named refusal and an unchanged target, not a traceback."""
    target = tmp_path / "target"
    (target / "keep").mkdir(parents=True)
    before = snapshot(target)
    real_copy = shutil.copyfileobj

    def full(source, out, *args, **kwargs):
        if str(getattr(out, "name", "")).startswith(str(target)):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_copy(source, out, *args, **kwargs)

    monkeypatch.setattr(shutil, "copyfileobj", full)
    with serve(built / "dist") as (url, _), pytest.raises(DownloadError, match="No space left on device"):
        download(V, target, url, progress=None)
    assert snapshot(target) == before
