"""``pipeline.load``: one line from a table name to a Polars LazyFrame over a local release."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import polars as pl

from pipeline.distribute import InvalidVersion, check_version, download, read_sums, version_key

RELEASES_ENV = "UNRES_RELEASES_DIR"
PROJECT_RELEASES = Path(__file__).resolve().parents[1] / "data" / "releases"


def load(table: str, version: str = "latest", root: Path | str | None = None,
         source: str | None = None) -> pl.LazyFrame:
    """Lazy frame of ``table`` from ``<root>/<version>/parquet/``.

    ``root`` defaults to ``$UNRES_RELEASES_DIR``, else ``data/releases`` here, else the project's own
    ``data/releases`` (so that a notebook in another folder finds the releases built). ``version="latest"`` is the
    newest release present under ``root``; when there is none (or the asked version is missing) it
    is downloaded, verified and unpacked there first from ``source`` (default ``$UNRES_RELEASE_URL``
    or the project's published location).
    """
    # imported here, not at the top: schemas import pipeline.lexicons, which runs pipeline/__init__.py
    from schemas import TABLES

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    base = Path(root) if root is not None else default_root()
    if version == "latest":
        local = sorted(complete_versions(base), key=version_key)
        path = base / local[-1] if local else _fetch("latest", base, source)
    else:
        path = base / check_version(version)
        if version not in complete_versions(base):
            path = _fetch(version, base, source)
    return pl.scan_parquet(path / "parquet" / f"{table}.parquet")


def default_root() -> Path:
    if RELEASES_ENV in os.environ:
        return Path(os.environ[RELEASES_ENV])
    here = Path("data/releases")
    return PROJECT_RELEASES if not here.is_dir() and PROJECT_RELEASES.is_dir() else here


def _fetch(version: str, base: Path, source: str | None) -> Path:
    print(f"pipeline.load: no release {version} under {base}; downloading it", file=sys.stderr)
    return download(version, base, source, progress=sys.stderr)


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
