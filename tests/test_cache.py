"""The document cache: a rebuild parses only texts it has not seen, and gives the same tables."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
import pytest

import pipeline.cache as cache_module
import pipeline.corpus as corpus_module
from pipeline.build import build_release
from pipeline.cache import DocumentCache
from pipeline.corpus import build_corpus
from pipeline.sources import read_user_files

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SMALL = ["A_RES_72_130.txt", "A_RES_72_284.txt", "S_RES_598_1987.txt", "S_RES_970_1995.txt"]


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(RAW / name, folder / name)
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first line of every text the parser is run on."""
    seen: list[str] = []
    real = corpus_module.read_resolution

    def counting(form: str, text: str | None, data: bytes | None, name: str):
        seen.append((text or "").strip().splitlines()[0])
        return real(form, text, data, name)

    monkeypatch.setattr(corpus_module, "read_resolution", counting)
    return seen


def _assert_same(left: dict[str, pl.DataFrame], right: dict[str, pl.DataFrame]) -> None:
    assert set(left) == set(right)
    for name, frame in left.items():
        assert frame.equals(right[name]), name


def test_warm_cache_parses_nothing_and_gives_the_same_tables(raw: Path, tmp_path: Path, parses: list[str]) -> None:
    uncached = build_corpus(read_user_files(raw))
    cache = DocumentCache(tmp_path / "cache")
    cold = build_corpus(read_user_files(raw), cache)
    assert len(parses) == 2 * len(SMALL)
    warm = build_corpus(read_user_files(raw), cache)
    assert len(parses) == 2 * len(SMALL)  # nothing parsed the third time
    _assert_same(cold, uncached)
    _assert_same(warm, uncached)


def test_one_changed_text_is_the_only_one_parsed(raw: Path, tmp_path: Path, parses: list[str]) -> None:
    cache = DocumentCache(tmp_path / "cache")
    build_corpus(read_user_files(raw), cache)
    parses.clear()
    seed = raw / "A_RES_72_284.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Calls upon", "Urges", 1), encoding="utf-8")
    (raw / "S_RES_598_1987.txt").rename(raw / "renamed.txt")
    rebuilt = build_corpus(read_user_files(raw), cache)
    assert len(parses) == 1  # the edited text; the renamed one is the same content
    _assert_same(rebuilt, build_corpus(read_user_files(raw)))
    assert "renamed.txt" in rebuilt["documents"]["source_file"].to_list()


def test_new_code_starts_a_new_cache_and_drops_the_old(raw: Path, tmp_path: Path, parses: list[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "cache"
    build_corpus(read_user_files(raw), DocumentCache(root))
    old = [p.name for p in root.iterdir()]
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "0123456789abcdef")
    cache = DocumentCache(root)
    build_corpus(read_user_files(raw), cache)
    assert len(parses) == 2 * len(SMALL)
    cache.compact(set())
    assert [p.name for p in root.iterdir()] == ["0123456789abcdef"] != old


def test_unreadable_segment_is_rebuilt(raw: Path, tmp_path: Path, parses: list[str]) -> None:
    cache = DocumentCache(tmp_path / "cache")
    build_corpus(read_user_files(raw), cache)
    (segment,) = cache.segments()
    (segment / "paragraphs.arrow").write_bytes(b"not arrow")
    parses.clear()
    rebuilt = build_corpus(read_user_files(raw), cache)
    assert len(parses) == len(SMALL)
    _assert_same(rebuilt, build_corpus(read_user_files(raw)))


def test_compaction_keeps_one_segment_of_current_documents(raw: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "MAX_SEGMENTS", 1)
    cache = DocumentCache(tmp_path / "cache")
    for name in SMALL:  # one segment per text
        single = tmp_path / name
        single.mkdir()
        shutil.copy(raw / name, single / name)
        build_corpus(read_user_files(single), cache)
    assert len(cache.segments()) == len(SMALL)
    raw_documents = read_user_files(raw).filter(pl.col("source_file") != "A_RES_72_130.txt")
    kept = set(raw_documents["source_sha256"])
    cache.compact(kept)
    (segment,) = cache.segments()
    assert set(pl.read_ipc(segment / "outcomes.arrow")["source_sha256"]) == kept


def test_headless_rebuild_after_an_edit_equals_a_clean_build(raw: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert build_release(raw, tmp_path / "cached", "2026.2.1", cache_dir=cache) == 0
    seed = raw / "A_RES_72_284.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Calls upon", "Urges", 1), encoding="utf-8")
    assert build_release(raw, tmp_path / "cached", "2026.2.2", cache_dir=cache) == 0
    assert build_release(raw, tmp_path / "clean", "2026.2.2") == 0
    cached = (tmp_path / "cached" / "2026.2.2" / "SHA256SUMS").read_text().splitlines()
    clean = (tmp_path / "clean" / "2026.2.2" / "SHA256SUMS").read_text().splitlines()
    assert [line for line in cached if "parquet/" in line] == [line for line in clean if "parquet/" in line]


def test_the_code_fingerprint_covers_every_project_module_the_build_imports() -> None:
    """Import the per-document build in a fresh interpreter: each project module it loads must be a file
    the fingerprint reads, so moving code into a new module can never leave a stale cache."""
    import subprocess
    import sys

    probe = ("import sys, pipeline.corpus; print('\\n'.join(m.__file__ for n, m in sys.modules.items() "
             "if n.split('.')[0] in ('pipeline', 'schemas') and getattr(m, '__file__', None)))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    imported = {Path(line).resolve() for line in loaded.stdout.split()}
    covered = {path.resolve() for path in cache_module.code_files()}
    assert imported and imported <= covered, sorted(str(p) for p in imported - covered)
    assert ROOT / "pipeline" / "lexicons" / "verbs.csv" in covered
    assert ROOT / "pipeline" / "assets" / "release.py" not in covered


def test_raw_rows_of_an_unchanged_archive_come_from_the_blob_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.sources as sources_module
    from pipeline.blobs import BlobCache
    from pipeline.sources import load_manifest, read_source

    sources = ROOT / "data" / "sources"
    source = next(s for s in load_manifest(sources) if s.archive == "sc-compilations-1946-1993.zip")
    blobs = BlobCache(tmp_path / "blobs")
    read = read_source(source, sources)
    assert read_source(source, sources, blobs, "code-1").equals(read)  # read, then stored
    monkeypatch.setattr(sources_module, "_member_row", lambda *args: pytest.fail("member read again"))
    assert read_source(source, sources, blobs, "code-1").equals(read)  # from the cache, location included
    with pytest.raises(pytest.fail.Exception, match="member read again"):
        read_source(source, sources, blobs, "code-2")  # other reading code: read again


def test_a_damaged_blob_is_computed_again(tmp_path: Path) -> None:
    from pipeline.blobs import BlobCache

    blobs = BlobCache(tmp_path / "blobs", limit=2)
    blobs.put("a", b"first")
    assert blobs.get("a") == b"first"
    path = tmp_path / "blobs" / "a"
    path.write_bytes(path.read_bytes().replace(b"first", b"fir5t"))
    assert blobs.get("a") is None and not path.exists()
    blobs.put("b", b"b")
    blobs.put("c", b"c")
    os.utime(tmp_path / "blobs" / "c", ns=(1, 1))  # c: the least recently used
    blobs.put("d", b"d")
    assert sorted(p.name for p in (tmp_path / "blobs").iterdir()) == ["b", "d"]
