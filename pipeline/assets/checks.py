"""Asset checks from the Pandera models: a failing check blocks the release."""


import dagster as dg
import polars as pl

from pipeline.validate import foreign_key_errors, schema_errors
from schemas import TABLES


def _schema_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table, name=f"{table}_schema", blocking=True,
                    description=f"{table} conforms to schemas.{TABLES[table].model.__name__}"
                                + (" and its keys into itself resolve." if _self_keys(table) else "."))
    def check(checked: pl.DataFrame) -> dg.AssetCheckResult:
        problems = schema_errors(table, checked) + foreign_key_errors(table, {table: checked}, only=table)
        return dg.AssetCheckResult(passed=not problems, metadata={"problems": len(problems), "first": "\n".join(problems[:20])})

    return check


# (table, referenced) where the referenced table is built from the table (actors takes the actors that
# actor_mentions found outside the lexicon): the check sits on the referenced asset, so that a blocking
# check does not close a cycle.
_BUILT_FROM = frozenset({("actor_mentions", "actors")})


def _foreign_key_check(table: str, referenced: str) -> dg.AssetChecksDefinition:
    keys = ", ".join(",".join(key.fields) for key in TABLES[table].foreign_keys if key.table == referenced)
    asset, other = (referenced, table) if (table, referenced) in _BUILT_FROM else (table, referenced)

    @dg.asset_check(asset=asset, name=f"{table}_keys_in_{referenced}", blocking=True,
                    additional_ins={"other_frame": dg.AssetIn(other)},
                    description=f"Every {table}.{keys} value is a key of {referenced}.")
    def check(checked: pl.DataFrame, other_frame: pl.DataFrame) -> dg.AssetCheckResult:
        frames = {asset: checked, other: other_frame}
        problems = foreign_key_errors(table, frames, only=referenced)
        return dg.AssetCheckResult(passed=not problems, metadata={"problems": len(problems), "first": "\n".join(problems[:20])})

    return check


def _self_keys(table: str) -> bool:
    return any(key.table == table for key in TABLES[table].foreign_keys)


def _residue_check() -> dg.AssetChecksDefinition:
    @dg.asset_check(asset="documents", name="documents_nothing_lost", blocking=True,
                    description="Every non-blank body character is in a paragraph, footnote, header or page furniture.")
    def check(documents: pl.DataFrame) -> dg.AssetCheckResult:
        with_residue = documents.filter(pl.col("n_residue_chars") > 0)
        return dg.AssetCheckResult(passed=with_residue.height == 0,
                                   metadata={"documents_with_residue": with_residue.height,
                                             "examples": ", ".join(with_residue["document_id"].head(10))})

    return check


TABLE_CHECKS = [
    *(_schema_check(table) for table in TABLES),
    *(_foreign_key_check(table, referenced) for table in TABLES
      for referenced in sorted({key.table for key in TABLES[table].foreign_keys} - {table})),
    _residue_check(),
]
