"""Metadata every table asset reports: row count and a preview."""


import dagster as dg
import polars as pl


def table_metadata(frame: pl.DataFrame, **extra: object) -> dict:
    preview = frame.head(5).with_columns(pl.col(pl.String).str.slice(0, 60))
    header = "| " + " | ".join(preview.columns) + " |"
    rule = "|" + "---|" * len(preview.columns)
    rows = ["| " + " | ".join("" if v is None else str(v).replace("|", "\\|") for v in row) + " |" for row in preview.rows()]
    return {
        "dagster/row_count": frame.height,
        "preview": dg.MetadataValue.md("\n".join([header, rule, *rows])),
        **extra,
    }
