"""Votes and sponsors: the sources' data extracts joined to the published resolutions."""

import dagster as dg
import polars as pl

from pipeline.assets._metadata import table_metadata
from pipeline.sidecars import sponsors_table, votes_table
from schemas import TABLES


@dg.asset(group_name=TABLES["votes"].group, description=TABLES["votes"].description)
def votes(raw_data_extracts: pl.DataFrame, documents: pl.DataFrame, actors: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    table = votes_table(raw_data_extracts, documents, actors)
    return dg.Output(table, metadata=table_metadata(table, "votes", n_documents=table["document_id"].n_unique()))


@dg.asset(group_name=TABLES["sponsors"].group, description=TABLES["sponsors"].description)
def sponsors(raw_data_extracts: pl.DataFrame, documents: pl.DataFrame, actors: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    table = sponsors_table(raw_data_extracts, documents, actors)
    return dg.Output(table, metadata=table_metadata(table, "sponsors", n_documents=table["document_id"].n_unique()))
