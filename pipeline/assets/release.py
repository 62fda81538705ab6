"""Release: the gold scores, the immutable versioned data package, its archive and its DuckDB file."""

import zipfile
from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.distribute import ensure_duckdb, publish, read_index, sha256_file
from pipeline.release import accuracy_report, write_release
from pipeline.resources import UnresConfig
from pipeline.sources import provenance
from schemas import TABLES


@dg.asset(group_name="release", description="accuracy.json: precision, recall and F1 of every table against the "
                                             "hand-checked gold annotations, on the gold documents' texts in this build.")
def accuracy(context: dg.AssetExecutionContext, config: UnresConfig, document_forms: pl.DataFrame) -> dg.Output[dict]:
    report = accuracy_report(document_forms, config.raw_path(), config.gold_path())
    scores = {f"f1/{table}": score["f1"] for table, score in report.get("tables", {}).items()}
    context.log.info(f"gold scores: {scores or report.get('reason')}")
    return dg.Output(report, metadata={"available": report["available"], **scores})


@dg.asset(group_name="release", ins={**{name: dg.AssetIn(name) for name in TABLES}, "accuracy": dg.AssetIn("accuracy")},
          description="data/releases/<version>/: Parquet, CSV, datapackage.json, README.md, CHANGES.md, "
                      "accuracy.json, SHA256SUMS; written once, atomically.")
def release(context: dg.AssetExecutionContext, config: UnresConfig, accuracy: dict,
            **tables: pl.DataFrame) -> dg.MaterializeResult:
    sources = provenance(tables["documents"], Path(config.sources_dir) if config.sources_dir else None)
    result = write_release(tables, config.releases_path(), config.release_version(), sources,
                           dist_dir=config.dist_path(), accuracy=accuracy,
                           cache_dir=Path(config.cache_dir) if config.cache_dir else None)
    context.log.info(f"release {'written' if result.written else 'unchanged (identical content)'}: {result.path}")
    return dg.MaterializeResult(metadata={
        "path": str(result.path), "written": result.written,
        **{f"rows/{name}": frame.height for name, frame in tables.items()}})


@dg.asset(group_name="release", deps=["release"],
          description="dist/unres-<version>.zip (deterministic) and its entry in dist/releases.json.")
def archive(context: dg.AssetExecutionContext, config: UnresConfig) -> dg.MaterializeResult:
    if config.dist_path() is None:
        return dg.MaterializeResult(metadata={"skipped": "no distribution directory (--dist '')"})
    root, dist = config.releases_path() / config.release_version(), config.dist_path()
    listed = {item["version"]: item for item in read_index(dist)["releases"]}.get(root.name)
    entry = listed if listed is not None and _published_as_listed(root, dist, listed) else publish(root, dist)
    path = dist / entry["archive"]
    context.log.info(f"published {path} ({entry['bytes']:,} bytes)")
    return dg.MaterializeResult(metadata={"archive": str(path), "archive_bytes": entry["bytes"],
                                          "archive_sha256": entry["sha256"]})


def _published_as_listed(root: Path, dist: Path, entry: dict) -> bool:
    """An unchanged rebuild: the listed archive is there, with its SHA-256, holding this release's
    SHA256SUMS; the archive is a function of the files SHA256SUMS lists, so it would be the same bytes."""
    try:
        if sha256_file(dist / entry["archive"]) != entry["sha256"]:
            return False
        with zipfile.ZipFile(dist / entry["archive"]) as opened:
            return opened.read(f"unres-{root.name}/SHA256SUMS") == (root / "SHA256SUMS").read_bytes()
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


@dg.asset(group_name="release", deps=["release"],
          description="unres.duckdb beside the release's Parquet files: tables with keys and column comments "
                      "(derived from the files, not checksummed).")
def release_duckdb(context: dg.AssetExecutionContext, config: UnresConfig) -> dg.MaterializeResult:
    root = config.releases_path() / config.release_version()
    database = root / "unres.duckdb"
    # A release directory never changes once renamed into place, and the database appears in it only
    # complete (built under a scratch name): one that is there was built from these very files.
    built = not database.is_file()
    if built:
        ensure_duckdb(root)
    context.log.info(f"{database} {'built' if built else 'already built from this release; kept'}")
    return dg.MaterializeResult(metadata={"path": str(database), "built": built})
