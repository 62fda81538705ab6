"""A content-addressed cache of per-document rows, so that a rebuild parses only what changed.

Rows are keyed by the SHA-256 of a document's bytes and stored under a fingerprint of the code
and vocabularies that produced them: editing a parser, a lexicon or a schema starts a new
cache, so a cached row is always the row the current code would build. Each stored batch is a
segment (one Arrow IPC file per table) written atomically; many small segments are compacted
into one, and rows of documents no longer in the corpus are dropped then.
"""

from __future__ import annotations

import ast
import hashlib
import logging
import os
import shutil
from functools import cache
from pathlib import Path

import polars as pl

from pipeline.corpus import PER_DOCUMENT_TABLES, DocumentTables
from pipeline.durable import fsync_tree, remove_stale

REPO = Path(__file__).resolve().parents[1]
# What builds the cached rows: this module and every project module it imports, read off their import
# statements; anything else (assets, release writing) may change freely.
_ROOT_MODULE = "pipeline.corpus"
_PROJECT_PACKAGES = ("pipeline", "schemas")
MAX_SEGMENTS = 16  # more than this and the next build compacts them into one
_FILES = ("outcomes", *PER_DOCUMENT_TABLES)
_SUMS = "SHA256SUMS"

log = logging.getLogger(__name__)


@cache
def code_fingerprint(root: str = _ROOT_MODULE) -> str:
    """Digest of the code that builds what the module ``root`` builds (by default the cached rows)."""
    digest = hashlib.sha256(pl.__version__.encode())
    for path in code_files(root):
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def code_files(root: str = _ROOT_MODULE) -> list[Path]:
    """Source files of the module ``root`` and every project module it imports, found by following
    imports, and the lexicon data they read."""
    seen: set[Path] = set()
    pending = [root]
    while pending:
        name = pending.pop()
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):  # a module's packages run their __init__ first
            path = _module_path(parts[:depth])
            if path is None or path in seen:
                continue
            seen.add(path)
            pending.extend(_imports(path))
    return sorted(seen) + sorted((REPO / "pipeline" / "lexicons").glob("*.csv"))


def _module_path(parts: list[str]) -> Path | None:
    base = REPO.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@cache  # each fingerprint follows the imports of many of the same modules
def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return [name for name in names if name.split(".")[0] in _PROJECT_PACKAGES]


class DocumentCache:
    """Segments carry the SHA-256 of their files (``SHA256SUMS``, written last): a segment that was
    edited, swapped or cut short, or holds another table's columns, is dropped with a warning and its
    documents rebuilt. A cache that cannot be read or written costs time, never the build."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.directory = root / code_fingerprint()

    def segments(self) -> list[Path]:
        try:
            return sorted(p for p in self.directory.iterdir() if p.is_dir() and not p.name.startswith("."))
        except FileNotFoundError:
            return []
        except OSError as error:
            log.warning(f"document cache: {self.directory} cannot be read ({error}); building without it")
            return []

    def load(self, digests: set[str]) -> DocumentTables:
        """The cached rows of these documents (each from one segment only)."""
        found: set[str] = set()
        parts = []
        expected = DocumentTables.concat([])
        for segment in self.segments():
            try:
                sums = _sums(segment)
                outcomes = _read(segment, sums, "outcomes", expected.outcomes.schema)
                wanted = set(outcomes["source_sha256"].to_list()) & (digests - found)
                if not wanted:
                    continue
                tables = {table: _read(segment, sums, table, expected.tables[table].schema)
                          for table in PER_DOCUMENT_TABLES}
            except (OSError, ValueError, pl.exceptions.PolarsError) as error:  # rebuilt, not trusted
                log.warning(f"document cache: dropping segment {segment}: {error}")
                shutil.rmtree(segment, ignore_errors=True)
                continue
            parts.append(DocumentTables(outcomes, tables).select(wanted))
            found |= wanted
        return DocumentTables.concat(parts)

    def store(self, built: DocumentTables) -> None:
        digests = sorted(built.outcomes["source_sha256"].to_list())
        if not digests:
            return
        name = hashlib.sha256("\n".join(digests).encode()).hexdigest()[:24]
        final = self.directory / name
        staging = self.directory / f".{name}.{os.getpid()}"
        try:
            if final.exists():
                return
            staging.mkdir(parents=True, exist_ok=True)
            remove_stale(self.directory)
            frames = {"outcomes": built.outcomes, **built.tables}
            for table in _FILES:
                frames[table].write_ipc(staging / f"{table}.arrow", compression="lz4")
            sums = "".join(f"{_sha256(staging / f'{table}.arrow')}  {table}.arrow\n" for table in _FILES)
            (staging / _SUMS).write_text(sums, encoding="utf-8")
            fsync_tree(staging)
            staging.rename(final)
        except OSError as error:  # read-only, full, or another process stored the same segment first
            if not final.exists():
                log.warning(f"document cache: cannot store in {self.directory} ({error}); building without it")
            shutil.rmtree(staging, ignore_errors=True)

    def compact(self, digests: set[str]) -> None:
        """Keep only these documents, in one segment, once there are many segments; drop caches of
        other code versions."""
        for other in self.root.iterdir() if self.root.is_dir() else []:
            if other != self.directory and other.is_dir() and len(other.name) == 16 and _is_hex(other.name):
                shutil.rmtree(other, ignore_errors=True)
        segments = self.segments()
        if len(segments) <= MAX_SEGMENTS:
            return
        kept = self.load(digests)
        for segment in segments:
            shutil.rmtree(segment, ignore_errors=True)
        self.store(kept)


def _sums(segment: Path) -> dict[str, str]:
    """File name to recorded SHA-256; a segment without the record is not trusted."""
    return dict(line.split("  ")[::-1] for line in (segment / _SUMS).read_text(encoding="utf-8").splitlines())


def _read(segment: Path, sums: dict[str, str], table: str, schema: pl.Schema) -> pl.DataFrame:
    """One file of a segment, if its digest is the one recorded and its columns are the table's."""
    path = segment / f"{table}.arrow"
    if sums.get(path.name) != _sha256(path):
        raise ValueError(f"{path.name} does not match its recorded SHA-256 (changed or cut short)")
    frame = pl.read_ipc(path)
    if frame.schema != schema:
        raise ValueError(f"{path.name} does not hold the columns of {table}")
    return frame


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _is_hex(name: str) -> bool:
    return all(char in "0123456789abcdef" for char in name)
