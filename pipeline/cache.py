"""A content-addressed cache of per-document rows, so that a rebuild parses only what changed.

Rows are keyed by the SHA-256 of a document's bytes and stored under a fingerprint of the code
and vocabularies that produced them: editing a parser, a lexicon or a schema starts a new
cache, so a cached row is always the row the current code would build. Each stored batch is a
segment (one Arrow IPC file per table) written atomically; many small segments are compacted
into one, and rows of documents no longer in the corpus are dropped then.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from functools import cache
from pathlib import Path

import polars as pl

from pipeline.tables import PER_DOCUMENT_TABLES, DocumentTables

REPO = Path(__file__).resolve().parents[1]
# Everything a cached row depends on; anything else (assets, release writing) may change freely.
_CODE = ("pipeline/text/*.py", "pipeline/lexicons/*", "pipeline/tables.py", "schemas/*.py")
MAX_SEGMENTS = 16  # more than this and the next build compacts them into one
_FILES = ("outcomes", *PER_DOCUMENT_TABLES)

log = logging.getLogger(__name__)


@cache
def code_fingerprint() -> str:
    digest = hashlib.sha256(pl.__version__.encode())
    for pattern in _CODE:
        for path in sorted(REPO.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


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
