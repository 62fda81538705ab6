"""Verify a release directory: every file against SHA256SUMS, every table against its model."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline.distribute import checksum_problems
from pipeline.validate import foreign_key_errors, schema_errors
from schemas import TABLES


def verify_release(root: Path) -> list[str]:
    """Problems found, empty when the release is intact. Derived local files (``unres.duckdb``) are
    not checksummed: they are rebuilt from the verified Parquet files."""
    problems = checksum_problems(root)
    if problems:
        return problems
    tables = {name: pl.read_parquet(root / "parquet" / f"{name}.parquet") for name in TABLES}
    for name, frame in tables.items():
        problems += [f"{name}: {p}" for p in schema_errors(name, frame)]
        problems += foreign_key_errors(name, tables)
    return problems
