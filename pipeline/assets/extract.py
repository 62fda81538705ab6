"""Extract: clauses and verbs, actors, cited instruments, deadlines, and the mandates view."""


import dagster as dg
import polars as pl

from pipeline.assets._metadata import table_metadata
from pipeline.tables import build_extraction

EXTRACTED = ["verbs", "clauses", "actors", "actor_mentions", "instruments", "citations", "deadlines", "mandates",
             "instrument_graph"]


@dg.multi_asset(group_name="extract", outs={name: dg.AssetOut() for name in EXTRACTED})
def extraction(context: dg.AssetExecutionContext, documents: pl.DataFrame, paragraphs: pl.DataFrame,
               footnotes: pl.DataFrame):
    tables = build_extraction(documents, paragraphs, footnotes)
    context.log.info(", ".join(f"{name}: {getattr(tables, name).height}" for name in EXTRACTED))
    for name in EXTRACTED:
        frame = getattr(tables, name)
        yield dg.Output(frame, name, metadata=table_metadata(frame))
