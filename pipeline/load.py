"""``pipeline.load``: one line from a table name to a Polars LazyFrame over a local release."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import polars as pl

from pipeline.distribute import download, version_key

RELEASES_ENV = "UNRES_RELEASES_DIR"


def load(table: str, version: str = "latest", root: Path | str | None = None,
         source: str | None = None) -> pl.LazyFrame:
    """Lazy frame of ``table`` from ``<root>/<version>/parquet/``.

    ``root`` defaults to ``$UNRES_RELEASES_DIR`` or ``data/releases``. ``version="latest"`` is the
    newest release present under ``root``; when there is none (or the asked version is missing) it
    is downloaded, verified and unpacked there first from ``source`` (default ``$UNRES_RELEASE_URL``
    or the project's published location).
    """
    # imported here, not at the top: schemas import pipeline.lexicons, which runs pipeline/__init__.py
    from schemas import TABLES

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    base = Path(root if root is not None else os.environ.get(RELEASES_ENV, "data/releases"))
    if version == "latest":
        local = sorted((p.name for p in base.iterdir() if (p / "SHA256SUMS").is_file()), key=version_key) \
            if base.is_dir() else []
        path = base / local[-1] if local else download("latest", base, source, progress=sys.stderr)
    else:
        path = base / version
        if not (path / "SHA256SUMS").is_file():
            path = download(version, base, source, progress=sys.stderr)
    return pl.scan_parquet(path / "parquet" / f"{table}.parquet")
