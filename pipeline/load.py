"""``pipeline.load``: one line from a table name to a Polars LazyFrame over a local release."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import polars as pl

from pipeline.distribute import InvalidVersion, check_version, download, read_sums, version_key

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
        local = sorted(complete_versions(base), key=version_key)
        path = base / local[-1] if local else download("latest", base, source, progress=sys.stderr)
    else:
        path = base / check_version(version)
        if version not in complete_versions(base):
            path = download(version, base, source, progress=sys.stderr)
    return pl.scan_parquet(path / "parquet" / f"{table}.parquet")


def complete_versions(base: Path) -> list[str]:
    """The releases under ``base``: folders named by a version (never a download's or a build's staging
    folder), whose SHA256SUMS lists only files that are there. Both ``unres download`` and the build
    verify a release before renaming it to its version, so the full check is not repeated here."""
    found = []
    for path in base.iterdir() if base.is_dir() else []:
        try:
            check_version(path.name)
        except InvalidVersion:
            continue
        entries, problems = read_sums(path)
        if not problems and all((path / name).is_file() for _, name in entries):
            found.append(path.name)
    return found
