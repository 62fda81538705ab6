"""The lexicon tables, and the tables computed from the per-document ones: each its own asset, so the
graph shows where it comes from (mandates from clauses, the citation graph from citations)."""

import dagster as dg
import polars as pl

from pipeline.assets._metadata import table_metadata
from pipeline.health import corpus_health as measure_corpus
from pipeline.tables import actors_table, build_instrument_graph, build_mandates, verbs_table
from schemas import TABLES


@dg.asset(group_name=TABLES["verbs"].group, description=TABLES["verbs"].description + " From pipeline/lexicons/verbs.csv.")
def verbs() -> dg.Output[pl.DataFrame]:
    table = verbs_table()
    return dg.Output(table, metadata=table_metadata(table, "verbs"))


@dg.asset(group_name=TABLES["actors"].group, description=TABLES["actors"].description
          + " From pipeline/lexicons/actors.csv, and the actors outside it that actor_mentions names.")
def actors(actor_mentions: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    table = actors_table(actor_mentions)
    return dg.Output(table, metadata=table_metadata(table, "actors", n_discovered=table.filter(~pl.col("in_lexicon")).height))


@dg.asset(group_name=TABLES["instrument_graph"].group, description=TABLES["instrument_graph"].description)
def instrument_graph(citations: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    table = build_instrument_graph(citations)
    return dg.Output(table, metadata=table_metadata(table, "instrument_graph"))


@dg.asset(group_name=TABLES["mandates"].group, description=TABLES["mandates"].description)
def mandates(clauses: pl.DataFrame, actor_mentions: pl.DataFrame, deadlines: pl.DataFrame, actors: pl.DataFrame,
             paragraphs: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    table = build_mandates(clauses, actor_mentions, deadlines, actors, paragraphs)
    return dg.Output(table, metadata=table_metadata(table, "mandates", n_reporting=table.filter("reporting").height))


@dg.asset(group_name=TABLES["corpus_health"].group, description=TABLES["corpus_health"].description)
def corpus_health(context: dg.AssetExecutionContext, documents: pl.DataFrame, paragraphs: pl.DataFrame,
                  clauses: pl.DataFrame, actor_mentions: pl.DataFrame, verbs: pl.DataFrame,
                  document_forms: pl.DataFrame, quarantine: pl.DataFrame,
                  raw_meeting_records: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    table = measure_corpus({"documents": documents, "paragraphs": paragraphs, "clauses": clauses,
                            "actor_mentions": actor_mentions, "verbs": verbs, "document_forms": document_forms,
                            "quarantine": quarantine}, raw_meeting_records)
    overall = table.filter(pl.col("source") == "all")
    for measure, count, total in overall.select("measure", "count", "total").rows():
        context.log.info(f"health: {measure} {count}" + (f" of {total}" if total is not None else ""))
    return dg.Output(table, metadata=table_metadata(table, "corpus_health"))
