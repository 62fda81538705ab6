"""A cache of derived bytes by the digest of what they are derived from (kept under the build's cache
directory, beside the document cache), so that a rebuild does not compute the same thing again."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


class BlobCache:
    """Bytes by the digest of what made them (a chart's specification, an archive's hash and the
    reading code): what a build would compute again from the same input. Each blob carries its own
    SHA-256, so a damaged one is computed again; the least recently used go once there are many."""

    def __init__(self, root: Path, limit: int = 512) -> None:
        self.root = root
        self.limit = limit

    def get(self, key: str) -> bytes | None:
        path = self.root / key
        try:
            digest, _, data = path.read_bytes().partition(b"\n")
        except OSError:
            return None
        if digest.decode("ascii", "replace") != hashlib.sha256(data).hexdigest():
            path.unlink(missing_ok=True)
            return None
        os.utime(path)  # recently used: kept when the cache is pruned
        return data

    def put(self, key: str, data: bytes) -> None:
        staging = self.root / f".{key}.staging-{os.getpid()}"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            staging.write_bytes(hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
            staging.replace(self.root / key)
            self._prune()
        except OSError as error:
            log.warning(f"cache: cannot store in {self.root} ({error}); computing it again next time")
            staging.unlink(missing_ok=True)

    def _prune(self) -> None:
        blobs = [path for path in self.root.iterdir() if not path.name.startswith(".")]
        if len(blobs) > self.limit:
            for path in sorted(blobs, key=lambda p: p.stat().st_mtime_ns)[: len(blobs) - self.limit]:
                path.unlink(missing_ok=True)
