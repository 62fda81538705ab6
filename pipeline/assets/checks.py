"""Asset checks from the Pandera models: a failing check blocks the release."""


import inspect

import dagster as dg
import polars as pl

from pipeline.validate import foreign_key_errors, schema_errors
from schemas import TABLES


def _with_parameters(function, names: list[str]):
    """Give a ``**frames`` function one named parameter per input, as Dagster reads inputs off the signature."""
    function.__signature__ = inspect.Signature(
        [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in names]
    )
    return function


def _schema_check(table: str) -> dg.AssetChecksDefinition:
    referenced = sorted({key.table for key in TABLES[table].foreign_keys} - {table})

    def check(**frames: pl.DataFrame) -> dg.AssetCheckResult:
        problems = schema_errors(table, frames[table]) + foreign_key_errors(table, frames)
        return dg.AssetCheckResult(passed=not problems, metadata={"problems": len(problems), "first": "\n".join(problems[:20])})

    return dg.asset_check(asset=table, name=f"{table}_schema", blocking=True,
                    additional_ins={name: dg.AssetIn(name) for name in referenced},
                    description=f"{table} conforms to schemas.{TABLES[table].model.__name__} and its foreign keys resolve.",
                    )(_with_parameters(check, [table, *referenced]))


def _residue_check() -> dg.AssetChecksDefinition:
    @dg.asset_check(asset="documents", name="documents_nothing_lost", blocking=True,
                    description="Every non-blank body character is in a paragraph, footnote, header or page furniture.")
    def check(documents: pl.DataFrame) -> dg.AssetCheckResult:
        with_residue = documents.filter(pl.col("n_residue_chars") > 0)
        return dg.AssetCheckResult(passed=with_residue.height == 0,
                                   metadata={"documents_with_residue": with_residue.height,
                                             "examples": ", ".join(with_residue["document_id"].head(10))})

    return check


TABLE_CHECKS = [_schema_check(table) for table in TABLES] + [_residue_check()]
