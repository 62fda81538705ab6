"""Release: validated tables written as an immutable, versioned data package."""


import dagster as dg
import polars as pl

from pipeline.release import write_release
from pipeline.resources import UnresConfig
from schemas import TABLES


@dg.asset(group_name="release", ins={name: dg.AssetIn(name) for name in TABLES},
          description="data/releases/<version>/: Parquet, CSV, datapackage.json, README.md, SHA256SUMS.")
def release(context: dg.AssetExecutionContext, config: UnresConfig, **tables: pl.DataFrame) -> dg.MaterializeResult:
    sources = tables["documents"].select("document_id", "source_file", "source_sha256").sort("source_file").to_dicts()
    result = write_release(tables, config.releases_path(), config.release_version(), sources)
    context.log.info(f"release {'written' if result.written else 'unchanged (identical content)'}: {result.path}")
    return dg.MaterializeResult(metadata={"path": str(result.path), "written": result.written,
                                          **{f"rows/{name}": frame.height for name, frame in tables.items()}})
