"""Metadata every table asset reports: row count, a preview and, for published tables, the column schema
(so the Dagster catalog shows each column's type and description from schemas/)."""

import dagster as dg
import polars as pl

from schemas import TABLES


def table_metadata(frame: pl.DataFrame, table: str | None = None, **extra: object) -> dict:
    preview = frame.head(5).with_columns(pl.col(pl.String).str.slice(0, 60))
    header = "| " + " | ".join(preview.columns) + " |"
    rule = "|" + "---|" * len(preview.columns)
    rows = ["| " + " | ".join("" if v is None else str(v).replace("|", "\\|") for v in row) + " |" for row in preview.rows()]
    schema = {}
    if table in TABLES:
        columns = TABLES[table].model.to_schema().columns
        schema = {"dagster/column_schema": dg.TableSchema(columns=[
            dg.TableColumn(name, str(column.dtype), description=column.description or "",
                           constraints=dg.TableColumnConstraints(nullable=column.nullable,
                                                                 unique=(name,) == TABLES[table].primary_key))
            for name, column in columns.items()])}
    return {
        "dagster/row_count": frame.height,
        "preview": dg.MetadataValue.md("\n".join([header, rule, *rows])),
        **schema,
        **extra,
    }
