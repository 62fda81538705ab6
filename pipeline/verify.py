"""Verify a release directory: every file against SHA256SUMS, the data package against the files it
describes, the CSV against the Parquet, every table against its model.

SHA256SUMS alone proves little: whoever changes a file can re-sum it. ``datapackage.json`` records
each file's size, hash and row count a second time, and the CSV and Parquet copies of a table must
agree, so an edit has to be repeated consistently in three places to pass.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import polars as pl

from pipeline.datapackage import PARQUET_SUFFIX, table_files
from pipeline.distribute import checksum_problems, sha256_file
from pipeline.validate import foreign_key_errors, schema_errors
from schemas import TABLES


def verify_release(root: Path) -> list[str]:
    """Problems found, empty when the release is intact. Derived local files (``unres.duckdb``) are
    not checksummed: they are rebuilt from the verified Parquet files."""
    problems = checksum_problems(root)
    if problems:
        return problems
    problems = package_problems(root)
    if problems:
        return problems
    tables = {}
    for name in TABLES:
        try:
            tables[name] = pl.read_parquet(root / "parquet" / f"{name}.parquet")
        except (OSError, pl.exceptions.PolarsError) as error:
            problems.append(f"parquet/{name}.parquet: not a readable Parquet file ({error})")
    if problems:
        return problems
    for name, frame in tables.items():
        problems += [f"{name}: {p}" for p in schema_errors(name, frame)]
        problems += foreign_key_errors(name, tables)
    return problems


def package_problems(root: Path) -> list[str]:
    """``datapackage.json`` against the files: every table listed, each CSV and Parquet file with the
    size and hash it records, and as many rows in each as it says."""
    try:
        package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        described = table_files(package)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        return [f"datapackage.json: missing or not a data package ({error!r})"]
    problems = []
    for name in TABLES:
        if name not in described:
            problems.append(f"datapackage.json: no resources {name!r} and {name + PARQUET_SUFFIX!r} with its CSV "
                            "and Parquet files")
            continue
        files, resource = described[name], described[name]["csv"]
        wrong = [problem for described in files.values() for problem in _file_problems(root, described)]
        problems += wrong
        if wrong:
            continue
        counts = {"parquet": pl.scan_parquet(root / files["parquet"]["path"]).select(pl.len()),
                  "csv": pl.scan_csv(root / files["csv"]["path"], infer_schema=False).select(pl.len())}
        for form, query in counts.items():
            try:
                rows = query.collect().item()
            except (OSError, pl.exceptions.PolarsError) as error:
                problems.append(f"{files[form]['path']}: unreadable ({error})")
                continue
            if rows != resource.get("rows"):
                problems.append(f"{files[form]['path']}: {rows} rows, but datapackage.json says {resource.get('rows')}")
    return problems


def _file_problems(root: Path, described: dict) -> list[str]:
    path = described.get("path")
    if not isinstance(path, str) or PurePosixPath(path).is_absolute() or ".." in PurePosixPath(path).parts:
        return [f"datapackage.json: path {path!r} is not a path inside the release"]
    if not (root / path).is_file():
        return [f"{path}: listed in datapackage.json but missing"]
    problems = []
    if described.get("bytes") != (root / path).stat().st_size:
        problems.append(f"{path}: {(root / path).stat().st_size} bytes, but datapackage.json says {described.get('bytes')}")
    if described.get("hash") != f"sha256:{sha256_file(root / path)}":
        problems.append(f"{path}: SHA-256 does not match datapackage.json (file changed or corrupt)")
    return problems

