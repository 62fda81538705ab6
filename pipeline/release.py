"""Writing a release: Parquet, CSV, datapackage.json, dataset card and checksums.

A version is written once: into a temporary directory that is renamed into place, so a failed
build leaves nothing behind; rebuilding identical content is a no-op and different content
under an existing version is refused. Nothing here depends on the clock or the machine, so
the same inputs and code give byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from schemas import TABLES, TableSpec

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (the tables); the source texts are United Nations documents, used under the UN's terms of use",
}


class ReleaseExists(RuntimeError):
    """A different release already exists under this version."""


@dataclass(frozen=True)
class ReleaseResult:
    path: Path
    written: bool  # False when an identical release was already there


def write_release(tables: dict[str, pl.DataFrame], releases_dir: Path, version: str,
                  sources: list[dict[str, str]]) -> ReleaseResult:
    releases_dir.mkdir(parents=True, exist_ok=True)
    final = releases_dir / version
    staging = releases_dir / f".{version}.staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        _write_files(tables, staging, version, sources)
        if final.exists():
            if (final / "SHA256SUMS").read_bytes() == (staging / "SHA256SUMS").read_bytes():
                shutil.rmtree(staging)
                return ReleaseResult(final, written=False)
            raise ReleaseExists(
                f"release {version} already exists at {final} with different content; "
                "releases are immutable: build under a new version (--version)"
            )
        staging.rename(final)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return ReleaseResult(final, written=True)


def _write_files(tables: dict[str, pl.DataFrame], root: Path, version: str, sources: list[dict[str, str]]) -> None:
    (root / "parquet").mkdir(parents=True)
    (root / "csv").mkdir()
    for name in TABLES:
        table = tables[name]
        table.write_parquet(root / "parquet" / f"{name}.parquet", compression="zstd", statistics=True)
        _csv_ready(table).write_csv(root / "csv" / f"{name}.csv", quote_style="necessary", line_terminator="\n")
    package = datapackage(root, version, sources, {name: tables[name].height for name in TABLES})
    (root / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "README.md").write_text(dataset_card(version, tables, sources), encoding="utf-8")
    sums = [f"{_sha256(path)}  {path.relative_to(root).as_posix()}" for path in sorted(root.rglob("*")) if path.is_file()]
    (root / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")


def _csv_ready(table: pl.DataFrame) -> pl.DataFrame:
    """CSV has no lists: list columns become JSON arrays (Frictionless type 'array')."""
    lists = [name for name, dtype in table.schema.items() if isinstance(dtype, pl.List)]
    return table.with_columns(
        pl.col(name).map_elements(lambda v: json.dumps(list(v), ensure_ascii=False), return_dtype=pl.String)
        for name in lists
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- datapackage.json --------------------------------------------------------------------


def datapackage(root: Path, version: str, sources: list[dict[str, str]], counts: dict[str, int]) -> dict:
    """Frictionless Data Package v2 descriptor, generated from the Pandera models."""
    resources = []
    for name, spec in TABLES.items():
        csv_path = root / "csv" / f"{name}.csv"
        parquet_path = root / "parquet" / f"{name}.parquet"
        resources.append({
            "name": name,
            "title": spec.title,
            "description": spec.description,
            "path": f"csv/{name}.csv",
            "type": "table",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": csv_path.stat().st_size,
            "hash": f"sha256:{_sha256(csv_path)}",
            "rows": counts[name],
            "schema": table_schema(spec),
            "parquet": {
                "path": f"parquet/{name}.parquet",
                "mediatype": "application/vnd.apache.parquet",
                "bytes": parquet_path.stat().st_size,
                "hash": f"sha256:{_sha256(parquet_path)}",
            },
        })
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "unres",
        "title": "unres: United Nations resolutions as tables",
        "description": "Paragraphs, footnotes, operative clauses and verbs, actors, cited instruments and deadlines "
                       "extracted from the text of United Nations resolutions.",
        "version": version,
        "created": f"{_version_date(version)}T00:00:00Z",
        "licenses": [LICENSE],
        "sources": [{"title": f"{s['document_id']} ({s['source_file']})", "path": f"data/raw/{s['source_file']}",
                     "hash": f"sha256:{s['source_sha256']}"} for s in sources],
        "resources": resources,
    }


_FRICTIONLESS_TYPES = {
    pl.String: "string", pl.Categorical: "string", pl.Boolean: "boolean", pl.Date: "date",
    pl.Int8: "integer", pl.Int16: "integer", pl.Int32: "integer", pl.Int64: "integer",
    pl.UInt32: "integer", pl.Float64: "number",
}


def table_schema(spec: TableSpec) -> dict:
    """Table Schema of one table: fields (type, description, constraints) and keys."""
    fields = []
    for name, column in spec.model.to_schema().columns.items():
        dtype = column.dtype.type
        field: dict = {
            "name": name,
            "type": "array" if isinstance(dtype, pl.List) else _FRICTIONLESS_TYPES[dtype.base_type()],
            "description": column.description,
        }
        constraints: dict = {}
        if not column.nullable:
            constraints["required"] = True
        if column.unique:
            constraints["unique"] = True
        for check in column.checks:
            stats = check.statistics or {}
            if check.name == "isin":
                constraints["enum"] = list(stats["allowed_values"])
            elif check.name == "greater_than_or_equal_to":
                constraints["minimum"] = stats["min_value"]
            elif check.name == "equal_to":
                constraints["minimum"] = constraints["maximum"] = stats["value"]
            elif check.name == "str_matches":
                constraints["pattern"] = str(stats["pattern"]).removeprefix("^").removesuffix("$")
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict = {"fields": fields, "primaryKey": list(spec.primary_key)}
    foreign = []
    for key in spec.foreign_keys:
        reference: dict = {"fields": list(key.reference)}
        if key.table != spec.name:
            reference = {"resource": key.table, **reference}
        foreign.append({"fields": list(key.fields), "reference": reference})
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def _version_date(version: str) -> str:
    parts = version.split(".")
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except (ValueError, IndexError):
        return "1970-01-01"


# --- dataset card ------------------------------------------------------------------------


def dataset_card(version: str, tables: dict[str, pl.DataFrame], sources: list[dict[str, str]]) -> str:
    documents = tables["documents"]
    lines = [
        f"# unres {version}",
        "",
        "United Nations resolutions as validated tables: paragraphs, footnotes, operative clauses and verbs,",
        "actors, cited instruments and deadlines. Built by the unres pipeline from the texts listed below.",
        "",
        "## Tables",
        "",
        "| table | rows | one row per | primary key |",
        "|---|---:|---|---|",
    ]
    for name, spec in TABLES.items():
        lines.append(f"| {name} | {tables[name].height} | {spec.description} | {', '.join(spec.primary_key)} |")
    bodies = documents.group_by("body").len().sort("body").rows() if documents.height else []
    years = documents.select(pl.col("adopted_on").dt.year().min().alias("a"), pl.col("adopted_on").dt.year().max().alias("b")).row(0) if documents.height else (None, None)
    lines += [
        "",
        "## Coverage",
        "",
        "Bodies: " + (", ".join(f"{body} ({count})" for body, count in bodies) or "none") + ".",
        f"Adoption years: {years[0]}–{years[1]}." if years[0] else "Adoption years: unknown.",
        "",
        "## Load",
        "",
        "```python",
        "import polars as pl",
        'clauses = pl.read_parquet("parquet/clauses.parquet")',
        "```",
        "",
        "```sql",
        "-- duckdb",
        "select verb, count(*) from 'parquet/clauses.parquet' group by verb order by 2 desc limit 10;",
        "```",
        "",
        "Every column is described in `datapackage.json` (Frictionless Data Package v2); CSV copies are in `csv/`",
        "(list columns as JSON arrays). Verify the files with `sha256sum -c SHA256SUMS`.",
        "",
        "## Sources",
        "",
        "| document | file | sha256 |",
        "|---|---|---|",
    ]
    lines += [f"| {s['document_id']} | {s['source_file']} | `{s['source_sha256'][:16]}…` |" for s in sources]
    lines += [
        "",
        "## Licence",
        "",
        "Tables: CC BY 4.0. The source texts are United Nations documents, reproduced under the UN's terms of use.",
        "",
    ]
    return "\n".join(lines)
