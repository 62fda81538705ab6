"""Ingest: every file under the raw directory, hashed and decoded."""


import dagster as dg
import polars as pl

from pipeline.assets._metadata import table_metadata
from pipeline.resources import UnresConfig
from pipeline.tables import read_raw_documents


@dg.asset(group_name="ingest", description="One row per input file: name, SHA-256, size, decoded text or why it was not decoded.")
def raw_documents(context: dg.AssetExecutionContext, config: UnresConfig) -> dg.Output[pl.DataFrame]:
    frame = read_raw_documents(config.raw_path())
    undecoded = frame.filter(pl.col("text").is_null())
    for row in undecoded.iter_rows(named=True):
        context.log.warning(row["detail"])
    context.log.info(f"read {frame.height} files from {config.raw_dir}, {undecoded.height} not decodable")
    return dg.Output(frame, metadata=table_metadata(frame.drop("text"), n_undecodable=undecoded.height))
