"""Validation of published tables against their Pandera models and declared foreign keys."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.errors import SchemaErrors

from schemas import TABLES


def schema_errors(table: str, frame: pl.DataFrame) -> list[str]:
    """Every failed check of the table's model on a collected frame (value checks included)."""
    if isinstance(frame, pl.LazyFrame):  # Pandera checks only dtypes on lazy frames
        frame = frame.collect()
    try:
        TABLES[table].schema().validate(frame, lazy=True)
    except SchemaErrors as errors:
        return [_describe(case) for case in _failure_cases(errors)]
    except pa.errors.SchemaError as error:  # pragma: no cover - lazy=True raises SchemaErrors
        return [str(error)]
    return []


def _failure_cases(errors: SchemaErrors) -> list[dict]:
    cases = errors.failure_cases
    return cases.to_dicts() if hasattr(cases, "to_dicts") else [{"error": str(errors)}]


def _describe(case: dict) -> str:
    column = case.get("column") or case.get("schema_context")
    return f"{column}: {case.get('check')} failed for {case.get('failure_case')!r}"


def foreign_key_errors(table: str, tables: dict[str, pl.DataFrame], only: str | None = None) -> list[str]:
    """Values of each declared foreign key (into the table ``only``, if given) missing from the referenced table."""
    problems = []
    frame = tables[table]
    for key in TABLES[table].foreign_keys:
        if key.table not in tables or (only is not None and key.table != only):
            continue
        referenced = tables[key.table].select([pl.col(c).cast(pl.String) for c in key.reference]).unique()
        values = frame.select([pl.col(c).cast(pl.String) for c in key.fields]).drop_nulls().unique()
        missing = values.join(referenced, left_on=list(key.fields), right_on=list(key.reference), how="anti")
        if missing.height:
            sample = ", ".join(str(v) for v in missing.head(5).rows())
            problems.append(f"{table}.{','.join(key.fields)} -> {key.table}: {missing.height} missing, e.g. {sample}")
    return problems
