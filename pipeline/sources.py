"""The inputs: vendored source archives read in place, and a user's loose files.

``data/sources/SOURCES.csv`` lists each archive with its repository, commit, SHA-256, terms and the form of
its members (akn_xml, pdf, pdf_text, compilation_text); ``data/raw/`` holds a user's own files, whose form is
told by their content. Every input becomes one raw row: where it came from (source, archive member), its
bytes' hash, its form and its decoded text, or the reason it cannot be read. Members are read straight from
the archives, never unpacked, and each read is bounded, so a hostile archive costs at most the limit.
"""

from __future__ import annotations

import csv
import dataclasses
import fnmatch
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from pipeline.text.ingest import MAX_BYTES, InputRejected, decode_resolution

if TYPE_CHECKING:
    from pipeline.blobs import BlobCache

MANIFEST = "SOURCES.csv"
USER_SOURCE = "raw"  # the source name of files under the raw directory
FORMS = ("akn_xml", "pdf", "pdf_text", "compilation_text", "text")  # also the default precedence, best first
MAX_PDF_BYTES = 50_000_000  # the longest resolution PDFs are a few MB
MAX_SIDECAR_BYTES = 200_000_000

# A raw row says where an input is, never what it holds: the build step that parses it reads it again
# (``input_bytes``), so the run never keeps the whole corpus in memory.
RAW_SCHEMA = {
    "source": pl.String, "source_file": pl.String, "member": pl.String, "location": pl.String,
    "archived": pl.Boolean, "source_sha256": pl.String, "n_bytes": pl.Int64, "form": pl.String,
    "encoding": pl.String, "reason": pl.String, "detail": pl.String,
}


class SourceError(RuntimeError):
    """The manifest or an archive it lists is missing or not what the manifest says."""


@dataclass(frozen=True)
class Source:
    source: str
    archive: str
    form: str
    members: str  # glob of the member paths that are resolutions, below the archive's top folder
    sidecars: str  # glob of metadata members (votes, sponsors, meeting records)
    repository: str
    commit: str
    sha256: str
    terms: str
    what: str


def load_manifest(sources_dir: Path) -> list[Source]:
    path = sources_dir / MANIFEST
    if not path.is_file():
        raise SourceError(f"{path}: no source manifest; list the archives there or build with --sources ''")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sources = []
    for line, row in enumerate(rows, start=2):
        try:
            source = Source(**{name: (row[name] or "").strip() for name in Source.__dataclass_fields__})
        except (KeyError, TypeError) as error:
            raise SourceError(f"{path}, line {line}: expected the columns {', '.join(Source.__dataclass_fields__)}") from error
        if source.form not in FORMS:
            raise SourceError(f"{path}, line {line}: form {source.form!r} is not one of {', '.join(FORMS)}")
        sources.append(source)
    return sources


def read_source(source: Source, sources_dir: Path, cache: BlobCache | None = None, code: str = "") -> pl.DataFrame:
    """One raw row per resolution member of the archive, in member order. The rows are a function of
    the archive's bytes, its manifest row and the reading code (fingerprint ``code``), so ``cache``
    keeps them by those: a rebuild hashes the archive, and reads and decodes its members only when
    one of them changed."""
    archive, digest = _checked_archive(source, sources_dir)
    location = str(archive.resolve())
    key = hashlib.sha256("\0".join([code, digest, *dataclasses.astuple(source)]).encode()).hexdigest()
    cached = cache.get(f"raw-{key}.arrow") if cache is not None and code else None
    if cached is not None:
        return pl.read_ipc(io.BytesIO(cached)).with_columns(pl.lit(location).alias("location"))
    rows = []
    with zipfile.ZipFile(archive) as opened:
        for info in _members(opened, source.members):
            rows.append({**_member_row(source, opened, info), "location": location, "archived": True})
    frame = pl.DataFrame(rows, schema=RAW_SCHEMA)
    if cache is not None and code:
        stored = io.BytesIO()
        frame.with_columns(pl.lit(None, pl.String).alias("location")).write_ipc(stored, compression="lz4")
        cache.put(f"raw-{key}.arrow", stored.getvalue())
    return frame


def read_user_files(raw_dir: Path) -> pl.DataFrame:
    """One raw row per file directly under ``raw_dir``; the form is told by the content. A file that
    cannot be read, or whose name cannot be written in the tables, gets a row with the reason, so
    that one bad file never stops the build of the others."""
    rows = []
    if raw_dir.is_dir():
        for path in sorted(p for p in raw_dir.iterdir() if not p.name.startswith(".")):
            name = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")  # non-UTF-8 bytes escaped
            if name != path.name:
                rows.append(_rejected_row(USER_SOURCE, name, name, b"", "encoding",
                                          f"{name}: the file name is not valid UTF-8; rename the file"))
                continue
            if path.is_symlink() or not path.is_file():
                rows.append(_rejected_row(USER_SOURCE, name, name, b"", "not_a_file",
                                          f"{name}: not a regular file (a symlink, folder or device); "
                                          "copy the resolution text itself into the folder"))
                continue
            try:
                with path.open("rb") as handle:
                    data = handle.read(MAX_PDF_BYTES + 1)
            except OSError as error:
                rows.append(_rejected_row(USER_SOURCE, name, name, b"", "unreadable",
                                          f"{name}: cannot be read ({error.strerror or error}); check its permissions"))
                continue
            rows.append({**_row(USER_SOURCE, name, name, data, None), "location": str(path.resolve())})
    return pl.DataFrame([{"archived": False, **row} for row in rows], schema=RAW_SCHEMA)


def archive_sha256(source: Source, sources_dir: Path) -> str:
    """The SHA-256 of the source's archive, checked against the manifest."""
    return _checked_archive(source, sources_dir)[1]


def sidecar_records(source: Source, sources_dir: Path) -> Iterator[tuple[str, dict]]:
    """(member, record) for every JSON object in the source's sidecar files.

    The UNxml extracts are JSON Lines, some with stray quotes between objects: objects are read one after
    another wherever they start, and text between them is skipped."""
    if not source.sidecars or not source.sidecars.endswith(".json"):
        return
    decoder = json.JSONDecoder()
    with zipfile.ZipFile(_checked_archive(source, sources_dir)[0]) as opened:
        for info in _members(opened, source.sidecars):
            text = _bounded_read(opened, info, MAX_SIDECAR_BYTES).decode("utf-8-sig")
            position = text.find("{")
            while position != -1:
                try:
                    record, end = decoder.raw_decode(text, position)
                except json.JSONDecodeError:
                    position = text.find("{", position + 1)
                    continue
                if isinstance(record, dict):
                    yield info.filename, record
                position = text.find("{", end)


def sidecar_tables(source: Source, sources_dir: Path) -> Iterator[tuple[str, list[dict]]]:
    """(member, rows) of the source's CSV sidecars (the Security Council meeting records)."""
    if not source.sidecars or not source.sidecars.endswith(".csv"):
        return
    with zipfile.ZipFile(_checked_archive(source, sources_dir)[0]) as opened:
        for info in _members(opened, source.sidecars):
            text = _bounded_read(opened, info, MAX_SIDECAR_BYTES).decode("utf-8-sig")
            yield info.filename, list(csv.DictReader(text.splitlines()))


# --- one input --------------------------------------------------------------------------


def _checked_archive(source: Source, sources_dir: Path) -> tuple[Path, str]:
    """The archive and its SHA-256, which must be the manifest's when the manifest gives one."""
    archive = sources_dir / source.archive
    if not archive.is_file():
        raise SourceError(f"{archive}: listed in {sources_dir / MANIFEST} (source {source.source}) but missing")
    digest = _file_sha256(archive)
    if source.sha256 and digest != source.sha256:
        raise SourceError(f"{archive}: SHA-256 {digest} differs from {source.sha256} in {MANIFEST}; "
                          "the archive changed: check it, then update the manifest")
    return archive, digest


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _members(opened: zipfile.ZipFile, pattern: str) -> list[zipfile.ZipInfo]:
    """Members matching ``pattern`` below the archive's top folder (or at its root), sorted by path."""
    chosen = []
    for info in opened.infolist():
        if info.is_dir():
            continue
        inner = info.filename.split("/", 1)[1] if "/" in info.filename else info.filename
        if fnmatch.fnmatchcase(inner, pattern) or fnmatch.fnmatchcase(info.filename, pattern):
            chosen.append(info)
    return sorted(chosen, key=lambda info: info.filename)


def _bounded_read(opened: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with opened.open(info) as handle:
        return handle.read(limit + 1)


def _member_row(source: Source, opened: zipfile.ZipFile, info: zipfile.ZipInfo) -> dict:
    name = f"{source.archive}/{info.filename}"
    limit = MAX_PDF_BYTES if source.form == "pdf" else MAX_BYTES
    if info.file_size > limit:
        return _rejected_row(source.source, name, info.filename, b"", "too_large",
                             f"{name}: {info.file_size:,} bytes unpacked is more than the {limit:,}-byte limit; not read")
    try:
        data = _bounded_read(opened, info, limit)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        return _rejected_row(source.source, name, info.filename, b"", "unreadable", f"{name}: cannot be read from the archive ({error})")
    return _row(source.source, name, info.filename, data, source.form)


def _row(source: str, name: str, member: str, data: bytes, form: str | None) -> dict:
    """Decode by form; a user's file gets its form from its content."""
    if form is None:
        form = "pdf" if data.startswith(b"%PDF-") else None
    if form == "pdf":
        limit = MAX_PDF_BYTES
        if len(data) > limit:
            return _rejected_row(source, name, member, data, "too_large",
                                 f"{name}: more than the {limit:,}-byte limit for one resolution PDF")
        return {**_base(source, name, member, data), "form": "pdf"}
    try:
        text, encoding = decode_resolution(data, name)
    except InputRejected as error:
        return _rejected_row(source, name, member, data, error.reason, str(error), form)
    if form is None:
        head = text.lstrip()[:2000]
        form = "akn_xml" if head.startswith("<") and "<akomaNtoso" in head else "text"
    return {**_base(source, name, member, data), "form": form, "encoding": encoding}


def _base(source: str, name: str, member: str, data: bytes) -> dict:
    return {"source": source, "source_file": name, "member": member,
            "source_sha256": hashlib.sha256(data).hexdigest(), "n_bytes": len(data),
            "location": None, "form": None, "encoding": None, "reason": None, "detail": None}


def _rejected_row(source: str, name: str, member: str, data: bytes, reason: str, detail: str,
                  form: str | None = None) -> dict:
    return {**_base(source, name, member, data), "form": form, "reason": reason, "detail": detail}


def input_bytes(location: str, member: str, archived: bool) -> bytes:
    """The bytes of one input again, for the step that parses it (a file, or a member of an archive)."""
    limit = MAX_PDF_BYTES + 1
    if not archived:
        with open(location, "rb") as handle:
            return handle.read(limit)
    with _open_archive(location).open(member) as handle:
        return handle.read(limit)


@cache
def _open_archive(location: str) -> zipfile.ZipFile:
    """One open archive per process: a build step reads hundreds of members of each."""
    return zipfile.ZipFile(location)


def provenance(documents: pl.DataFrame, sources_dir: Path | None) -> list[dict]:
    """The sources the published resolutions came from, as the data package and the dataset card name them."""
    counts = dict(documents.group_by("source").len().rows()) if documents.height else {}
    listed = load_manifest(sources_dir) if sources_dir is not None and (sources_dir / MANIFEST).is_file() else []
    records = [{"name": source.source, "title": source.what, "path": source.repository, "version": source.commit,
                "terms": source.terms, "documents": counts.get(source.source, 0)}
               for source in listed if counts.get(source.source)]
    if counts.get(USER_SOURCE):
        records.append({"name": USER_SOURCE, "title": "Resolution texts added under data/raw/ by the maintainers",
                        "path": "data/raw/", "version": "", "terms": "United Nations terms of use",
                        "documents": counts[USER_SOURCE]})
    return records
