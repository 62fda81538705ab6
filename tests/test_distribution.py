"""Releases people can download, verify, load and compare: two successive builds from different
inputs are published to dist/, served over HTTP on 127.0.0.1 and fetched with ``unres download``;
bad archives are refused and leave the target directory as it was."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import shutil
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import polars as pl
import pytest

import pipeline
from pipeline.build import build_release
from pipeline.cli import main as unres
from pipeline.datapackage import frictionless_errors
from pipeline.distribute import PublishError, publish, read_index
from pipeline.verify import verify_release
from schemas import TABLES

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
OLD, NEW = "2026.1.1", "2026.1.2"
EDIT = ("in ensuring support to Member States", "in providing support to Member States")


@dataclass(frozen=True)
class Published:
    raw_new: Path
    releases: Path
    dist: Path


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """2026.1.1 from two resolutions; 2026.1.2 adds a third and rewords a phrase in one of them."""
    base = tmp_path_factory.mktemp("distribution")
    raw_old, raw_new = base / "raw_old", base / "raw_new"
    raw_old.mkdir()
    raw_new.mkdir()
    for name in ("A_RES_72_1.txt", "A_RES_72_130.txt"):
        shutil.copy2(RAW / name, raw_old / name)
        shutil.copy2(RAW / name, raw_new / name)
    shutil.copy2(RAW / "S_RES_598_1987.txt", raw_new / "S_RES_598_1987.txt")
    edited = raw_new / "A_RES_72_1.txt"
    text = edited.read_text(encoding="utf-8")
    assert text.count(EDIT[0]) == 1
    edited.write_text(text.replace(*EDIT), encoding="utf-8")
    releases, dist = base / "releases", base / "dist"
    assert build_release(raw_old, releases, OLD, dist_dir=dist) == 0
    assert build_release(raw_new, releases, NEW, dist_dir=dist) == 0
    return Published(raw_new, releases, dist)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[tuple[str, list[str]]]:
    """``directory`` over HTTP on 127.0.0.1 in a thread; yields the base URL and the requested paths.
    The server stops when the block ends, or by itself after 60 s."""
    requested: list[str] = []

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            requested.append(self.path)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    watchdog = threading.Timer(60, server.shutdown)
    thread.start()
    watchdog.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requested
    finally:
        watchdog.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def snapshot(directory: Path) -> dict[str, str]:
    return {p.relative_to(directory).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(directory.rglob("*"))}


def test_download_verify_load_and_query(published: Published, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "data"
    with serve(published.dist) as (url, requested):
        assert unres(["download", "latest", "--to", str(target), "--from", url]) == 0
    out, err = capsys.readouterr()
    release = target / NEW
    assert out.strip() == str(release)
    assert "downloading unres-2026.1.2.zip: 100%" in err and "every file against SHA256SUMS" in err
    assert requested == ["/releases.json", "/unres-2026.1.2.zip"]
    assert verify_release(release) == []
    assert sorted(p.name for p in target.iterdir()) == [NEW]  # no temporary files left

    index = read_index(published.dist)
    rows = next(r for r in index["releases"] if r["version"] == NEW)["rows"]
    clauses = pipeline.load("clauses", root=target)
    assert isinstance(clauses, pl.LazyFrame)
    assert clauses.select(pl.len()).collect().item() == rows["clauses"]
    assert clauses.collect().equals(pl.read_parquet(published.releases / NEW / "parquet" / "clauses.parquet"))

    database = duckdb.connect(str(release / "unres.duckdb"), read_only=True)
    try:
        joined = database.execute("from clauses join actor_mentions using (clause_id) limit 5").fetchall()
        assert len(joined) == 5
        counts = {name: database.execute(f'select count(*) from "{name}"').fetchone()[0] for name in TABLES}  # type: ignore[index]
        assert counts == rows
        comment = database.execute("select comment from duckdb_columns() where table_name = 'clauses' "
                               "and column_name = 'verb'").fetchone()
        assert comment == (TABLES["clauses"].model.to_schema().columns["verb"].description,)
        keys = database.execute("select constraint_text from duckdb_constraints() where table_name = 'clauses' "
                            "and constraint_type = 'FOREIGN KEY' order by 1").fetchall()
        assert ("FOREIGN KEY (verb) REFERENCES verbs(verb)",) in keys
    finally:
        database.close()

    assert frictionless_errors(release / "datapackage.json") == []


def test_parquet_fields_carry_descriptions(published: Published) -> None:
    import pyarrow.parquet as pq

    for name, spec in TABLES.items():
        schema = pq.read_schema(published.releases / NEW / "parquet" / f"{name}.parquet")
        for column, model_column in spec.model.to_schema().columns.items():
            assert schema.field(column).metadata[b"description"].decode() == model_column.description


def test_already_present_verified_version_is_not_fetched_again(published: Published, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    with serve(published.dist) as (url, requested):
        assert unres(["download", NEW, "--to", str(tmp_path), "--from", url, "--quiet"]) == 0
        before = snapshot(tmp_path)
        capsys.readouterr()
        assert unres(["download", NEW, "--to", str(tmp_path), "--from", url]) == 0
    assert "already present and verified" in capsys.readouterr().err
    assert requested == ["/releases.json", "/unres-2026.1.2.zip", "/releases.json"]
    assert snapshot(tmp_path) == before


def test_load_downloads_a_missing_version(published: Published, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    with serve(published.dist) as (url, _):
        monkeypatch.setenv("UNRES_RELEASE_URL", url)
        documents = pipeline.load("documents", version=OLD, root=tmp_path).collect()
    assert documents["source_file"].sort().to_list() == ["A_RES_72_1.txt", "A_RES_72_130.txt"]
    assert verify_release(tmp_path / OLD) == []
    with pytest.raises(ValueError, match="unknown table 'clause'"):
        pipeline.load("clause", root=tmp_path)


def _keyed_rows(release: Path, name: str) -> dict[tuple, tuple]:
    frame = pl.read_parquet(release / "parquet" / f"{name}.parquet")
    key = list(TABLES[name].primary_key)
    return {tuple(row[k] for k in key): tuple(str(v) for v in row.values()) for row in frame.iter_rows(named=True)}


def test_changes_report_the_difference_exactly(published: Published) -> None:
    old, new = published.releases / OLD, published.releases / NEW
    assert "First release" in (old / "CHANGES.md").read_text(encoding="utf-8")
    changes_md = (new / "CHANGES.md").read_text(encoding="utf-8")
    changes = pl.read_parquet(new / "changes.parquet")
    assert f"Compared with **{OLD}**" in changes_md
    for name in TABLES:  # expected counts computed independently, from the two releases' rows
        before, after = _keyed_rows(old, name), _keyed_rows(new, name)
        added, removed = after.keys() - before.keys(), before.keys() - after.keys()
        changed = {k for k in after.keys() & before.keys() if after[k] != before[k]}
        line = f"| {name} | {len(before)} | {len(after)} | {len(added)} | {len(removed)} | {len(changed)} |"
        assert line in changes_md
        rows = changes.filter(pl.col("table") == name)
        assert rows.filter(pl.col("change") == "row added").height == len(added)
        assert rows.filter(pl.col("change") == "row removed").height == len(removed)
        assert rows.filter(pl.col("change") == "value changed")["key"].n_unique() == len(changed)
    assert "- added (1): `S/RES/598(1987)`" in changes_md
    assert "- changed (1), by column: `source_sha256` 1" in changes_md
    text = changes.filter((pl.col("table") == "paragraphs") & (pl.col("column") == "text")).row(0, named=True)
    assert EDIT[0] in text["before"] and EDIT[1] in text["after"]
    assert "ensuring support" in changes_md and "providing support" in changes_md
    assert "None: every table has the same columns and types." in changes_md
    packages = {v: json.loads((published.releases / v / "datapackage.json").read_text()) for v in (OLD, NEW)}
    assert (packages[OLD]["schema_version"], packages[NEW]["schema_version"]) == ("1.0.0", "1.0.1")
    assert [r["schema_version"] for r in read_index(published.dist)["releases"]] == ["1.0.0", "1.0.1"]


def test_release_carries_citation_licence_and_accuracy(published: Published) -> None:
    release = published.releases / NEW
    assert f'version: "{NEW}"' in (release / "CITATION.cff").read_text(encoding="utf-8")
    licence = (release / "LICENSE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence or "Creative Commons Attribution 4.0" in licence
    assert "United Nations documents" in licence
    accuracy = json.loads((release / "accuracy.json").read_text(encoding="utf-8"))
    assert [d["document_id"] for d in accuracy["documents"]] == ["A/RES/72/130", "S/RES/598(1987)"]
    assert {s["gold"] for s in accuracy["skipped"]} == {"a_res_72_284", "s_res_970_1995"}
    assert accuracy["tables"]["clauses"]["expected"] > 0
    card = (release / "README.md").read_text(encoding="utf-8")
    assert "## Accuracy" in card and "schema version 1.0.1" in card and "## How to cite" in card


def test_rebuild_gives_the_same_archive_and_index(published: Published, tmp_path: Path) -> None:
    index_before = (published.dist / "releases.json").read_bytes()
    archive = published.dist / f"unres-{NEW}.zip"
    archive_before = archive.read_bytes()
    assert build_release(published.raw_new, tmp_path / "releases", NEW, dist_dir=published.dist) == 0
    assert (tmp_path / "releases" / NEW / "SHA256SUMS").read_bytes() == (published.releases / NEW / "SHA256SUMS").read_bytes()
    assert archive.read_bytes() == archive_before
    assert (published.dist / "releases.json").read_bytes() == index_before
    again = tmp_path / "dist"
    publish(published.releases / NEW, again)
    assert (again / archive.name).read_bytes() == archive_before
    with zipfile.ZipFile(archive) as zipped:
        names = [info.filename for info in zipped.infolist()]
        assert names == sorted(names) and all(n.startswith(f"unres-{NEW}/") for n in names)
        assert {info.date_time for info in zipped.infolist()} == {(2026, 1, 2, 0, 0, 0)}
        assert f"unres-{NEW}/unres.duckdb" not in names


def test_publishing_other_content_under_a_published_version_is_refused(published: Published, tmp_path: Path) -> None:
    copy = tmp_path / NEW
    shutil.copytree(published.releases / NEW, copy)
    (copy / "CHANGES.md").write_text("rewritten\n", encoding="utf-8")
    sums = copy / "SHA256SUMS"  # re-summed, so that the archive is a consistent release with other content
    sums.write_text("".join(f"{hashlib.sha256((copy / line.split('  ')[1]).read_bytes()).hexdigest()}  {line.split('  ')[1]}\n"
                            for line in sums.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    dist = tmp_path / "dist"
    shutil.copytree(published.dist, dist)
    before = snapshot(dist)
    with pytest.raises(PublishError, match="immutable"):
        publish(copy, dist)
    assert snapshot(dist) == before


# --- refusals -------------------------------------------------------------------------------


def _rezip(archive: Path, change: Callable[[zipfile.ZipFile, zipfile.ZipFile], None]) -> None:
    """Rewrite ``archive`` through ``change(source, out)`` and list the new bytes in releases.json,
    so that only the check under test can catch it."""
    data = io.BytesIO()
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(data, "w") as out:
        change(source, out)
    archive.write_bytes(data.getvalue())
    index_path = archive.parent / "releases.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for entry in index["releases"]:
        if entry["archive"] == archive.name:
            entry["bytes"], entry["sha256"] = len(data.getvalue()), hashlib.sha256(data.getvalue()).hexdigest()
    index_path.write_text(json.dumps(index), encoding="utf-8")


def _with_entry(name: str) -> Callable[[Path], None]:
    def change(archive: Path) -> None:
        def copy_and_add(source: zipfile.ZipFile, out: zipfile.ZipFile) -> None:
            for info in source.infolist():
                out.writestr(info, source.read(info))
            out.writestr(zipfile.ZipInfo(name), b"escaped\n")
        _rezip(archive, copy_and_add)
    return change


def _tampered_member(archive: Path) -> None:
    def flip(source: zipfile.ZipFile, out: zipfile.ZipFile) -> None:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("csv/clauses.csv"):
                data = data.replace(b"request", b"REQUEST", 1)
            out.writestr(info, data)
    _rezip(archive, flip)


def _flip_byte(archive: Path) -> None:
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))


def _truncate(archive: Path) -> None:
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])


@pytest.mark.parametrize(
    ("version", "corrupt", "message"),
    [
        (NEW, _flip_byte, "unres-2026.1.2.zip: refused: SHA-256"),
        (NEW, _truncate, "unres-2026.1.2.zip: refused: truncated download, got"),
        (NEW, _with_entry(f"unres-{NEW}/../../evil.txt"), "'unres-2026.1.2/../../evil.txt' would escape the target directory"),
        (NEW, _with_entry("../evil.txt"), "'../evil.txt' would escape the target directory"),
        (NEW, _with_entry("/tmp/unres-evil.txt"), "'/tmp/unres-evil.txt' is an absolute path"),
        (NEW, _tampered_member, "csv/clauses.csv: SHA-256 does not match SHA256SUMS"),
        ("2099.1.1", None, "unknown version '2099.1.1'; published versions: 2026.1.1, 2026.1.2"),
    ],
    ids=["tampered", "truncated", "zip-slip", "parent-entry", "absolute-entry", "tampered-file", "unknown-version"],
)
def test_bad_archives_are_refused_and_leave_the_target_unchanged(
    published: Published, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    version: str, corrupt: Callable[[Path], None] | None, message: str,
) -> None:
    served = tmp_path / "served"
    shutil.copytree(published.dist, served)
    if corrupt:
        corrupt(served / f"unres-{NEW}.zip")
    target = tmp_path / "target"
    (target / "keep").mkdir(parents=True)
    (target / "keep" / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = snapshot(target)
    with serve(served) as (url, _):
        assert unres(["download", version, "--to", str(target), "--from", url, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert message in err, err
    assert snapshot(target) == before
    assert not list(tmp_path.rglob("evil.txt")) and not Path("/tmp/unres-evil.txt").exists()


def test_refused_download_into_a_new_directory_leaves_no_directory(published: Published, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    served = tmp_path / "served"
    shutil.copytree(published.dist, served)
    _truncate(served / f"unres-{NEW}.zip")
    target = tmp_path / "new" / "releases"
    with serve(served) as (url, _):
        assert unres(["download", "--to", str(target), "--from", url, "--quiet"]) == 1
    assert "truncated download" in capsys.readouterr().err
    assert not target.exists()


def test_unres_release_publishes_an_existing_release(published: Published, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert unres(["release", str(published.releases / OLD), "--dist", str(tmp_path)]) == 0
    assert f"unres-{OLD}.zip" in capsys.readouterr().out
    assert (tmp_path / f"unres-{OLD}.zip").read_bytes() == (published.dist / f"unres-{OLD}.zip").read_bytes()
    assert [r["version"] for r in read_index(tmp_path)["releases"]] == [OLD]


def test_scratch_build_publishes_beside_its_output(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy2(RAW / "A_RES_72_130.txt", raw)
    assert unres(["build", "--raw", str(raw), "--sources", "", "--out", str(tmp_path / "releases"), "--version", "2026.2.1"]) == 0
    assert [r["version"] for r in read_index(tmp_path / "dist")["releases"]] == ["2026.2.1"]


# --- faults: hostile index entries, tampered releases ---------------------------------------------


def _edit_index(dist: Path, edit: Callable[[dict], object]) -> None:
    index = json.loads((dist / "releases.json").read_text(encoding="utf-8"))
    for entry in index["releases"]:
        edit(entry)
    (dist / "releases.json").write_text(json.dumps(index), encoding="utf-8")


@pytest.mark.faults
@pytest.mark.parametrize(("edit", "message"), [
    (lambda entry: entry.update(version="../../escaped"), "release entry 1: version '../../escaped' is not a CalVer"),
    (lambda entry: entry.update(archive="../escaped.zip"), "release entry 1: archive '../escaped.zip' is not"),
    (lambda entry: entry.pop("bytes"), "release entry 1: 'bytes' None is not a size"),
    (lambda entry: entry.update(sha256=None), "release entry 1: 'sha256' None is not a SHA-256 digest"),
], ids=["version-path", "archive-path", "no-size", "no-digest"])
def test_malformed_index_entries_are_refused_before_use(published: Published, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        edit, message: str) -> None:
    served = tmp_path / "served"
    shutil.copytree(published.dist, served)
    _edit_index(served, edit)
    target = tmp_path / "deep" / "er" / "target"
    with serve(served) as (url, _):
        assert unres(["download", "latest", "--to", str(target), "--from", url, "--quiet"]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "deep").exists() and not list(tmp_path.rglob("escaped*"))


@pytest.mark.faults
def test_download_to_a_file_and_a_corrupt_index_are_named(published: Published, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("mine\n", encoding="utf-8")
    with serve(published.dist) as (url, _):
        assert unres(["download", NEW, "--to", str(a_file), "--from", url]) == 2  # wrong usage
    assert f"--to {a_file} is a file" in capsys.readouterr().err
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "releases.json").write_text('{"releases": [', encoding="utf-8")
    assert unres(["release", str(published.releases / NEW), "--dist", str(dist)]) == 1
    assert f"{dist / 'releases.json'}: not a valid release index" in capsys.readouterr().err


def _sums(release: Path) -> list[str]:
    return [line.split("  ", 1)[1] for line in (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]


def _resum(release: Path) -> None:
    (release / "SHA256SUMS").write_text("".join(
        f"{hashlib.sha256((release / name).read_bytes()).hexdigest()}  {name}\n" for name in _sums(release)), encoding="utf-8")


def _drop_last_csv_row(release: Path) -> None:
    """One row fewer in the CSV, with datapackage.json and SHA256SUMS re-done to match the new file."""
    path = release / "csv" / "clauses.csv"
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]))
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["name"] == "clauses":
            resource["bytes"], resource["hash"] = path.stat().st_size, f"sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}"
    (release / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")


def _append_outside_path(release: Path) -> None:
    passwd = Path("/etc/passwd")
    with (release / "SHA256SUMS").open("a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(passwd.read_bytes()).hexdigest()}  {passwd}\n")


@pytest.mark.faults
@pytest.mark.parametrize(("tamper", "message"), [
    (lambda r: (r / "csv" / "clauses.csv").write_bytes((r / "csv" / "clauses.csv").read_bytes().replace(b"request", b"demand", 1)),
     "csv/clauses.csv: SHA-256 does not match datapackage.json"),
    (_drop_last_csv_row, "rows, but datapackage.json says"),
    (lambda r: (r / "parquet" / "documents.parquet").write_bytes(b"PAR1 not parquet PAR1"),
     "parquet/documents.parquet: "),
    (_append_outside_path, "path '/etc/passwd' is absolute or outside the release; refused"),
], ids=["csv-edited", "csv-row-dropped", "parquet-replaced", "absolute-path"])
def test_validate_catches_a_re_summed_tampering(published: Published, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 tamper, message: str) -> None:
    release = tmp_path / NEW
    shutil.copytree(published.releases / NEW, release)
    tamper(release)
    if "absolute" not in message:
        _resum(release)
    assert unres(["validate", str(release)]) == 1
    err = capsys.readouterr().err
    assert message in err, err


@pytest.mark.faults
def test_validate_names_a_parquet_file_that_does_not_read(published: Published, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Everything re-done to match a Parquet file that is not one: validate names it, no traceback."""
    release = tmp_path / NEW
    shutil.copytree(published.releases / NEW, release)
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["name"] != "verbs-parquet"] + [
        {**r, "bytes": 4, "hash": f"sha256:{hashlib.sha256(b'PAR1').hexdigest()}"}
        for r in package["resources"] if r["name"] == "verbs-parquet"]
    (release / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    (release / "parquet" / "verbs.parquet").write_bytes(b"PAR1")
    _resum(release)
    assert unres(["validate", str(release)]) == 1
    assert "parquet/verbs.parquet: unreadable" in capsys.readouterr().err
