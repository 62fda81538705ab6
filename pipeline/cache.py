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

REPO = Path(__file__).resolve().parents[1]
# What builds the cached rows: this module and every project module it imports, read off their import
# statements; anything else (assets, release writing) may change freely.
_ROOT_MODULE = "pipeline.corpus"
_PROJECT_PACKAGES = ("pipeline", "schemas")
MAX_SEGMENTS = 16  # more than this and the next build compacts them into one
_FILES = ("outcomes", *PER_DOCUMENT_TABLES)

log = logging.getLogger(__name__)


@cache
def code_fingerprint() -> str:
    digest = hashlib.sha256(pl.__version__.encode())
    for path in code_files():
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def code_files() -> list[Path]:
    """Source files of the modules the cached rows come from, found by following imports from
    ``pipeline.corpus``, and the lexicon data they read."""
    seen: set[Path] = set()
    pending = [_ROOT_MODULE]
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


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return [name for name in names if name.split(".")[0] in _PROJECT_PACKAGES]


class DocumentCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.directory = root / code_fingerprint()

    def segments(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.iterdir() if p.is_dir() and not p.name.startswith("."))

    def load(self, digests: set[str]) -> DocumentTables:
        """The cached rows of these documents (each from one segment only)."""
        found: set[str] = set()
        parts = []
        for segment in self.segments():
            try:
                outcomes = pl.read_ipc(segment / "outcomes.arrow")
                wanted = set(outcomes["source_sha256"].to_list()) & (digests - found)
                if not wanted:
                    continue
                tables = {table: pl.read_ipc(segment / f"{table}.arrow") for table in PER_DOCUMENT_TABLES}
            except (OSError, pl.exceptions.PolarsError) as error:  # an unreadable segment is rebuilt, not trusted
                log.warning(f"document cache: dropping unreadable segment {segment}: {error}")
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
        if final.exists():
            return
        staging = self.directory / f".{name}.{os.getpid()}"
        staging.mkdir(parents=True, exist_ok=True)
        frames = {"outcomes": built.outcomes, **built.tables}
        for table in _FILES:
            frames[table].write_ipc(staging / f"{table}.arrow", compression="lz4")
        try:
            staging.rename(final)
        except OSError:  # another process stored the same segment first
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


def _is_hex(name: str) -> bool:
    return all(char in "0123456789abcdef" for char in name)
