"""``datapackage.json``: the Frictionless Data Package (v2) of a release, generated from the Pandera models.

Each table is two resources, its CSV file (``<table>``) and its Parquet file (``<table>-parquet``), with the
same Table Schema, so that Frictionless tools and the readers in this package check both; ``table_files``
reads either this layout or the one before it (the Parquet file inside the CSV resource)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from schemas import TABLES, TableSpec

# The project's public page (placeholder until the project publishes one; distribute.DEFAULT_RELEASE_URL too).
HOMEPAGE = "https://unres-data.github.io"
# Where the United Nations publishes the texts every source holds copies of.
UN_DOCUMENTS = "https://documents.un.org"
PARQUET_SUFFIX = "-parquet"

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (the tables); the source texts are United Nations documents, used under the UN's terms of use",
}


def datapackage(root: Path, version: str, sources: list[dict], counts: dict[str, int],
                schema_version: str = "1.0.0") -> dict:
    """Frictionless Data Package v2 descriptor, generated from the Pandera models."""
    from pipeline.distribute import release_date  # which reads data packages with table_files

    resources = []
    for name, spec in TABLES.items():
        common = {"title": spec.title, "description": spec.description, "type": "table", "rows": counts[name],
                  "schema": table_schema(spec)}
        resources.append({"name": name, **_file(root, f"csv/{name}.csv"), "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", **common})
        resources.append({"name": name + PARQUET_SUFFIX, **_file(root, f"parquet/{name}.parquet"), "format": "parquet",
                          "mediatype": "application/vnd.apache.parquet", **common})
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "unres",
        "id": f"unres-{version}",
        "homepage": HOMEPAGE,
        "title": "unres: United Nations resolutions as tables",
        "description": "Paragraphs, footnotes, operative clauses and verbs, actors, cited instruments, deadlines, "
                       "mandates, votes and sponsors of United Nations resolutions (General Assembly, Security "
                       "Council, Human Rights Council, Economic and Social Council), from the UN's Akoma Ntoso XML, "
                       "PDF files and their text.",
        "keywords": ["United Nations", "resolutions", "General Assembly", "Security Council", "Human Rights Council",
                     "Economic and Social Council", "international law", "Akoma Ntoso", "text as data"],
        "contributors": [{"title": "The unres contributors", "roles": ["creator"]},
                         {"title": "United Nations", "roles": ["author"],
                          "path": "https://www.un.org/en/about-us/terms-of-use"}],
        "version": version,
        "schema_version": schema_version,
        "created": f"{release_date(version)}T00:00:00Z",
        "licenses": [LICENSE],
        "sources": [source_link(source) for source in sources],
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


def table_files(package: dict) -> dict[str, dict[str, dict]]:
    """Each table's ``{"csv": resource, "parquet": resource}`` (each with path, bytes, hash; the CSV one
    with rows and schema), in this layout or the one before it, where the Parquet file was a property of
    the CSV resource. A table without both files is left out, for the caller to report."""
    resources = {resource.get("name"): resource for resource in package["resources"] if isinstance(resource, dict)}
    files = {}
    for name, resource in resources.items():
        if not isinstance(name, str) or name.endswith(PARQUET_SUFFIX):
            continue
        parquet = resources.get(name + PARQUET_SUFFIX, resource.get("parquet"))
        if isinstance(parquet, dict):
            files[name] = {"csv": resource, "parquet": parquet}
    return files


def source_link(source: dict) -> dict:
    """A source of the release as the data package lists it: the repository's tree at the vendored commit,
    or, for the maintainers' own texts, the UN's document system they were copied from."""
    repository, commit = source.get("path", ""), source.get("version", "")
    if repository.startswith("https://github.com/") and commit:
        return {"title": source["title"], "path": f"{repository.rstrip('/')}/tree/{commit}", "version": commit}
    return {"title": f"{source['title']} (copied from the United Nations Official Document System)",
            "path": UN_DOCUMENTS}


def _file(root: Path, path: str) -> dict:
    return {"path": path, "bytes": (root / path).stat().st_size,
            "hash": f"sha256:{hashlib.sha256((root / path).read_bytes()).hexdigest()}"}


# Frictionless 5 reads Parquet through pandas: nullable integers and floats come back as NaN floats, lists as
# arrays, and it cannot count a Parquet file's bytes. Those errors on a Parquet resource say nothing about the
# file; its types are Pandera's to check (pipeline/verify.py), its bytes and hash verify_release's.
FRICTIONLESS_PARQUET_READER_ERRORS = ("byte-count", "type-error", "constraint-error")


def frictionless_errors(descriptor: Path) -> list[str]:
    """Errors ``frictionless validate`` finds in the data package: every check on the CSV resources, and on
    the Parquet resources all but those its Parquet reader gets wrong (row counts, keys, foreign keys stay)."""
    from frictionless import validate

    report = validate(str(descriptor))
    return [f"{task.name}: {error.type}: {error.note}" for task in report.tasks for error in task.errors
            if not (task.name.endswith(PARQUET_SUFFIX) and error.type in FRICTIONLESS_PARQUET_READER_ERRORS)]
