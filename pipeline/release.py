"""Writing a release: Parquet, CSV, datapackage.json, dataset card, report, changes, accuracy and checksums.

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
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow as pa

from pipeline.blobs import BlobCache
from pipeline.card import dataset_card
from pipeline.changes import ChangeReport, compare, previous_release
from pipeline.datapackage import LICENSE, datapackage
from pipeline.distribute import DERIVED_FILES, check_version, release_date
from pipeline.durable import fsync_dir, fsync_tree, locked, remove_stale
from pipeline.report import write_report
from pipeline.sources import USER_SOURCE
from schemas import TABLES, TableSpec

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "tests" / "gold"


class ReleaseExists(RuntimeError):
    """A different release already exists under this version."""


@dataclass(frozen=True)
class ReleaseResult:
    path: Path
    written: bool  # False when an identical release was already there


def write_release(tables: dict[str, pl.DataFrame], releases_dir: Path, version: str,
                  sources: list[dict], *, dist_dir: Path | None = None, accuracy: dict | None = None,
                  cache_dir: Path | None = None) -> ReleaseResult:
    """Write ``releases_dir/<version>``. ``dist_dir`` holds ``releases.json`` and the archives: the
    previous release there is what ``CHANGES.md`` compares with (none given: a first release).
    ``accuracy`` is the ``accuracy.json`` of ``accuracy_report``. ``cache_dir`` keeps what the next
    build can reuse (the report's chart drawings); the files are the same with it or without. The check and the rename are under
    the directory's lock, so that of two builds of one version the second finds the first's release."""
    check_version(version)  # it becomes a path
    releases_dir.mkdir(parents=True, exist_ok=True)
    previous = previous_release(dist_dir, version) if dist_dir is not None else None
    changes = compare(tables, version, previous)
    accuracy = accuracy if accuracy is not None else {"available": False, "reason": "not computed for this release"}
    final = releases_dir / version
    staging = releases_dir / f".{version}.staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        _write_files(tables, staging, version, sources, changes, accuracy,
                     BlobCache(cache_dir / "release") if cache_dir is not None else None)
        fsync_tree(staging)
        with locked(releases_dir):
            remove_stale(releases_dir)
            if final.exists():
                if (final / "SHA256SUMS").read_bytes() == (staging / "SHA256SUMS").read_bytes():
                    shutil.rmtree(staging)
                    return ReleaseResult(final, written=False)
                raise ReleaseExists(
                    f"release {version} already exists at {final} with different content; "
                    "releases are immutable: build under a new version (--version)"
                )
            staging.rename(final)
            fsync_dir(releases_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return ReleaseResult(final, written=True)


def _write_files(tables: dict[str, pl.DataFrame], root: Path, version: str, sources: list[dict],
                 changes: ChangeReport, accuracy: dict, cache: BlobCache | None) -> None:
    (root / "parquet").mkdir(parents=True)
    (root / "csv").mkdir()
    for name, spec in TABLES.items():
        table = tables[name]
        _write_parquet(table, spec, root / "parquet" / f"{name}.parquet")
        _csv_ready(table).write_csv(root / "csv" / f"{name}.csv", quote_style="necessary", line_terminator="\n")
    changes.frame().write_parquet(root / "changes.parquet", compression="zstd", statistics=True)
    _write_text(root / "CHANGES.md", changes.markdown())
    _write_text(root / "accuracy.json", json.dumps(accuracy, indent=2, ensure_ascii=False) + "\n")
    _write_text(root / "CITATION.cff", citation_cff(version))
    _write_text(root / "LICENSE.md", LICENSE_TEXT)
    _write_text(root / "unres.sql", duckdb_script(tables))
    package = datapackage(root, version, sources, {name: tables[name].height for name in TABLES}, changes.schema_version)
    _write_text(root / "datapackage.json", json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    _write_text(root / "README.md", dataset_card(version, tables, sources, changes, accuracy))
    write_report(root, version, tables, accuracy, package, cache)
    sums = [f"{_sha256(path)}  {path.relative_to(root).as_posix()}" for path in sorted(root.rglob("*"))
            if path.is_file() and path.relative_to(root).as_posix() not in DERIVED_FILES]
    _write_text(root / "SHA256SUMS", "\n".join(sums) + "\n")


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _write_parquet(table: pl.DataFrame, spec: TableSpec, path: Path) -> None:
    """zstd Parquet whose Arrow fields carry the column descriptions of the Pandera model."""
    descriptions = {name: column.description for name, column in spec.model.to_schema().columns.items()}
    arrow = table.head(0).to_arrow().schema
    fields = [f.with_metadata({**(f.metadata or {}), b"description": descriptions[f.name].encode()})
              if descriptions.get(f.name) else f for f in arrow]
    table.write_parquet(path, compression="zstd", statistics=True, arrow_schema=pa.schema(fields),
                        metadata={"unres:table": spec.name, "unres:description": spec.description})


def _csv_ready(table: pl.DataFrame) -> pl.DataFrame:
    """CSV has no lists: list columns become JSON arrays (Frictionless type 'array')."""
    lists = [name for name, dtype in table.schema.items() if isinstance(dtype, pl.List)]
    return table.with_columns(
        pl.col(name).map_elements(lambda v: json.dumps(list(v), ensure_ascii=False), return_dtype=pl.String)
        for name in lists
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- accuracy, citation, licence ---------------------------------------------------------


def accuracy_report(forms: pl.DataFrame, raw_dir: Path | None, gold_dir: Path | None) -> dict:
    """Scores of ``pipeline.evaluate`` for every gold folder whose document is in this release.

    Each gold document is evaluated on its own text under the raw directory (the text the gold was
    annotated on, copied to a scratch directory), so the scores are those of this build's code on this
    build's input, whichever form of the resolution is published."""
    gold_dir = gold_dir if gold_dir is not None else DEFAULT_GOLD
    if not gold_dir.is_dir():
        return {"available": False, "reason": f"no gold directory ({gold_dir.name}) at build time; no scores"}
    if raw_dir is None or not raw_dir.is_dir():
        return {"available": False, "reason": "raw directory not given at build time; no scores"}
    from pipeline.evaluate import evaluate_folder

    user_texts = forms.filter(pl.col("source") == USER_SOURCE)
    source_of = dict(zip(user_texts["document_id"], user_texts["member"], strict=True))
    scored, skipped = [], []
    totals: dict[str, list[int]] = {}
    for folder in sorted(p for p in gold_dir.iterdir() if (p / "header.json").exists()):
        symbol = json.loads((folder / "header.json").read_text(encoding="utf-8"))["symbol"]
        if symbol not in source_of:
            skipped.append({"gold": folder.name, "document_id": symbol,
                            "reason": "no text of it under the raw directory in this release"})
            continue
        with tempfile.TemporaryDirectory() as scratch:
            shutil.copy2(raw_dir / source_of[symbol], Path(scratch) / source_of[symbol])
            results = evaluate_folder(folder, Path(scratch))
        tables = {}
        for table, (score, _missed, _extra) in results.items():
            tables[table] = _score(score.true_positives, score.predicted, score.expected)
            total = totals.setdefault(table, [0, 0, 0])
            for i, value in enumerate((score.true_positives, score.predicted, score.expected)):
                total[i] += value
        scored.append({"gold": folder.name, "document_id": symbol, "tables": tables})
    return {
        "available": bool(scored),
        "method": "unres evaluate: per table, multisets of comparable tuples against hand-checked gold "
                  "annotations (tests/gold); precision, recall and F1; totals are micro-averaged",
        "tables": {table: _score(*total) for table, total in sorted(totals.items())},
        "documents": scored,
        "skipped": skipped,
    }


def _score(true_positives: int, predicted: int, expected: int) -> dict:
    precision = true_positives / predicted if predicted else 1.0
    recall = true_positives / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "true_positives": true_positives, "predicted": predicted, "expected": expected}


def citation_cff(version: str) -> str:
    return "\n".join([
        "cff-version: 1.2.0",
        'message: "If you use this dataset, please cite it as below."',
        "type: dataset",
        'title: "unres: United Nations resolutions as tables"',
        f'version: "{version}"',
        f"date-released: {release_date(version)}",
        "authors:",
        '  - name: "The unres contributors"',
        f"license: {LICENSE['name']}",
        'abstract: "Paragraphs, footnotes, operative clauses and verbs, actors, cited instruments and deadlines '
        'extracted from the text of United Nations resolutions; the source texts are United Nations documents."',
        "keywords:",
        "  - United Nations",
        "  - resolutions",
        "  - open data",
        "",
    ])


LICENSE_TEXT = """# Licence

## The tables (this release)

The tables, the data package descriptor and the documentation in this release are licensed under the
Creative Commons Attribution 4.0 International licence (CC BY 4.0):
https://creativecommons.org/licenses/by/4.0/ . You may share and adapt them for any purpose, provided
you give appropriate credit (see CITATION.cff), link to the licence and indicate if changes were made.

## The source texts

The tables are derived from, and quote, the texts of resolutions of the United Nations General
Assembly and Security Council. Those texts are official United Nations documents, published by the
United Nations (https://documents.un.org, https://digitallibrary.un.org). Their use is subject to the
United Nations' terms of use (https://www.un.org/en/about-us/terms-of-use); the United Nations does
not endorse this dataset. Quoted text remains the United Nations'; this licence covers the structure,
extraction and annotation added by unres.

## No warranty

The tables are produced automatically and may contain extraction errors (see accuracy.json). They are
provided "as is", without warranty of any kind. For authoritative wording, consult the official
documents.
"""


# --- DuckDB -------------------------------------------------------------------------------

_DUCKDB_TYPES = {
    pl.String: "VARCHAR", pl.Categorical: "VARCHAR", pl.Boolean: "BOOLEAN", pl.Date: "DATE",
    pl.Int8: "TINYINT", pl.Int16: "SMALLINT", pl.Int32: "INTEGER", pl.Int64: "BIGINT",
    pl.UInt32: "UINTEGER", pl.Float64: "DOUBLE", pl.Null: "VARCHAR",
}


def _duckdb_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.List):
        return _duckdb_type(dtype.inner) + "[]"
    return _DUCKDB_TYPES[dtype.base_type()]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def duckdb_script(tables: dict[str, pl.DataFrame]) -> str:
    """SQL that builds ``unres.duckdb`` from ``parquet/``: every table with primary and foreign keys
    and the Pandera descriptions as comments. Run it inside the release directory."""
    lines = ["-- unres: DuckDB database of this release. Built by `unres download`/`unres build` as unres.duckdb;",
             "-- by hand: cd into the release directory, then `duckdb unres.duckdb < unres.sql`.", ""]
    created: set[str] = set()
    for name, spec in TABLES.items():
        frame = tables[name]
        columns = spec.model.to_schema().columns
        body = [f'  "{column}" {_duckdb_type(dtype)}' + (" NOT NULL" if column in spec.primary_key else "")
                for column, dtype in frame.schema.items()]
        body.append("  PRIMARY KEY (" + ", ".join(f'"{c}"' for c in spec.primary_key) + ")")
        skipped = []
        for key in spec.foreign_keys:
            target = TABLES[key.table]
            if key.table == name or key.table not in created or tuple(key.reference) != target.primary_key:
                # DuckDB checks a self-reference row by row within one INSERT: declared in the comment only.
                skipped.append(key)
                continue
            body.append("  FOREIGN KEY (" + ", ".join(f'"{c}"' for c in key.fields) + f') REFERENCES "{key.table}" ('
                        + ", ".join(f'"{c}"' for c in key.reference) + ")")
        lines.append(f'CREATE TABLE "{name}" (\n' + ",\n".join(body) + "\n);")
        lines.append(f'COMMENT ON TABLE "{name}" IS {_quote(spec.title + ": " + spec.description)};')
        for column in frame.columns:
            description = columns[column].description if column in columns else None
            for key in skipped:
                if column in key.fields:
                    description = f"{description} References {key.table}.{', '.join(key.reference)}."
            if description:
                lines.append(f'COMMENT ON COLUMN "{name}"."{column}" IS {_quote(description)};')
        select = ", ".join(f'"{c}"' for c in frame.columns)
        lines += [f"INSERT INTO \"{name}\" SELECT {select} FROM read_parquet('parquet/{name}.parquet');", ""]
        created.add(name)
    return "\n".join(lines)
