"""Structure: header fields, paragraphs and footnotes of each resolution; bad inputs quarantined."""


import dagster as dg
import polars as pl

from pipeline.assets._metadata import table_metadata
from pipeline.tables import build_structure


@dg.multi_asset(
    group_name="structure",
    outs={
        "documents": dg.AssetOut(description="One row per resolution."),
        "paragraphs": dg.AssetOut(description="One row per paragraph, sub-item or heading."),
        "footnotes": dg.AssetOut(description="One row per footnote."),
        "quarantine": dg.AssetOut(description="Inputs not built, with the reason."),
    },
)
def structure(context: dg.AssetExecutionContext, raw_documents: pl.DataFrame):
    tables = build_structure(raw_documents)
    for row in tables.quarantine.iter_rows(named=True):
        context.log.warning(row["detail"])
    residue = tables.documents.filter(pl.col("n_residue_chars") > 0)
    context.log.info(f"parsed {tables.documents.height} resolutions into {tables.paragraphs.height} paragraphs; "
                     f"{tables.quarantine.height} quarantined")
    yield dg.Output(tables.documents, "documents", metadata=table_metadata(tables.documents, documents_with_residue=residue.height))
    yield dg.Output(tables.paragraphs, "paragraphs", metadata=table_metadata(tables.paragraphs))
    yield dg.Output(tables.footnotes, "footnotes", metadata=table_metadata(tables.footnotes))
    yield dg.Output(tables.quarantine, "quarantine", metadata=table_metadata(tables.quarantine))
