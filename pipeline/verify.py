"""Verify a release directory: every file against SHA256SUMS, every table against its model."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from pipeline.validate import foreign_key_errors, schema_errors
from schemas import TABLES


def verify_release(root: Path) -> list[str]:
    sums = root / "SHA256SUMS"
    if not sums.exists():
        return [f"{root}: no SHA256SUMS; not a release directory"]
    problems = []
    listed = set()
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        listed.add(name)
        path = root / name
        if not path.is_file():
            problems.append(f"{name}: listed in SHA256SUMS but missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"{name}: SHA-256 does not match SHA256SUMS (file changed or corrupt)")
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative != "SHA256SUMS" and relative not in listed:
            problems.append(f"{relative}: not listed in SHA256SUMS")
    if problems:
        return problems
    tables = {name: pl.read_parquet(root / "parquet" / f"{name}.parquet") for name in TABLES}
    for name, frame in tables.items():
        problems += [f"{name}: {p}" for p in schema_errors(name, frame)]
        problems += foreign_key_errors(name, tables)
    return problems
