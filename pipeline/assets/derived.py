"""The lexicon tables, and the tables computed from the per-document ones: each its own asset, so the
graph shows where it comes from (mandates from clauses, the citation graph from citations)."""

import dagster as dg
import polars as pl

from pipeline.assets._metadata import table_metadata
from pipeline.tables import actors_table, build_instrument_graph, build_mandates, verbs_table
from schemas import TABLES


@dg.asset(group_name="lexicons", description=TABLES["verbs"].description + " From pipeline/lexicons/verbs.csv.")
def verbs() -> dg.Output[pl.DataFrame]:
    table = verbs_table()
    return dg.Output(table, metadata=table_metadata(table))


@dg.asset(group_name="lexicons", description=TABLES["actors"].description + " From pipeline/lexicons/actors.csv.")
def actors() -> dg.Output[pl.DataFrame]:
    table = actors_table()
    return dg.Output(table, metadata=table_metadata(table))


@dg.asset(group_name="extract", description=TABLES["instrument_graph"].description)
def instrument_graph(citations: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    table = build_instrument_graph(citations)
    return dg.Output(table, metadata=table_metadata(table))


@dg.asset(group_name="extract", description=TABLES["mandates"].description)
def mandates(clauses: pl.DataFrame, actor_mentions: pl.DataFrame, deadlines: pl.DataFrame, actors: pl.DataFrame,
             paragraphs: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    table = build_mandates(clauses, actor_mentions, deadlines, actors, paragraphs)
    return dg.Output(table, metadata=table_metadata(table, n_reporting=table.filter("reporting").height))
