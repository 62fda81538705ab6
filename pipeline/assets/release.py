"""Release: the gold scores, the immutable versioned data package, its archive and its DuckDB file."""

from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.distribute import ensure_duckdb, publish
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
    entry = publish(config.releases_path() / config.release_version(), config.dist_path())
    path = config.dist_path() / entry["archive"]
    context.log.info(f"published {path} ({entry['bytes']:,} bytes)")
    return dg.MaterializeResult(metadata={"archive": str(path), "archive_bytes": entry["bytes"],
                                          "archive_sha256": entry["sha256"]})


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
