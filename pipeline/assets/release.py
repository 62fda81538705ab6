"""Release: validated tables written as an immutable, versioned data package."""


from concurrent.futures import ThreadPoolExecutor

import dagster as dg
import polars as pl

from pipeline.distribute import ensure_duckdb, publish
from pipeline.release import write_release
from pipeline.resources import UnresConfig
from schemas import TABLES


@dg.asset(group_name="release", ins={name: dg.AssetIn(name) for name in TABLES},
          description="data/releases/<version>/ (Parquet, CSV, datapackage.json, README.md, CHANGES.md, "
                      "accuracy.json, SHA256SUMS) and its archive in dist/ with the releases.json index.")
def release(context: dg.AssetExecutionContext, config: UnresConfig, **tables: pl.DataFrame) -> dg.MaterializeResult:
    sources = tables["documents"].select("document_id", "source_file", "source_sha256").sort("source_file").to_dicts()
    result = write_release(tables, config.releases_path(), config.release_version(), sources,
                           dist_dir=config.dist_path(), raw_dir=config.raw_path(), gold_dir=config.gold_path())
    context.log.info(f"release {'written' if result.written else 'unchanged (identical content)'}: {result.path}")
    archive = {}
    # unres.duckdb (derived, not archived) is built while the archive is compressed: both leave the GIL.
    with ThreadPoolExecutor(max_workers=1) as background:
        database = background.submit(ensure_duckdb, result.path)
        if config.dist_path() is not None:
            entry = publish(result.path, config.dist_path())
            archive = {"archive": str(config.dist_path() / entry["archive"]), "archive_bytes": entry["bytes"],
                       "archive_sha256": entry["sha256"]}
            context.log.info(f"published {archive['archive']} ({entry['bytes']:,} bytes)")
        database.result()
    return dg.MaterializeResult(metadata={"path": str(result.path), "written": result.written, **archive,
                                          **{f"rows/{name}": frame.height for name, frame in tables.items()}})
