"""The Pandera models enforce values, not only dtypes, on collected frames."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from pipeline.corpus import build_corpus
from pipeline.sources import read_user_files
from pipeline.validate import foreign_key_errors, schema_errors

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture(scope="module")
def tables():
    return build_corpus(read_user_files(RAW))


def test_built_tables_pass(tables) -> None:
    for name, frame in tables.items():
        assert schema_errors(name, frame) == []
        assert foreign_key_errors(name, tables) == []


@pytest.mark.parametrize(
    ("table", "breakage", "expected"),
    [
        ("paragraphs", lambda f: pl.concat([f, f.head(1)]), "paragraph_id"),
        ("paragraphs", lambda f: f.with_columns(pl.lit(0, pl.Int32).alias("ordinal")), "ordinal"),
        ("paragraphs", lambda f: f.with_columns(pl.lit("appendix").cast(pl.Categorical).alias("section")), "section"),
        ("documents", lambda f: f.with_columns(pl.lit("xyz").alias("source_sha256")), "source_sha256"),
        ("documents", lambda f: f.with_columns(pl.lit(3, pl.Int32).alias("n_residue_chars")), "n_residue_chars"),
        ("footnotes", lambda f: pl.concat([f, f.head(1)]), "footnote_number"),
    ],
)
def test_bad_frame_fails_validation(tables, table: str, breakage, expected: str) -> None:
    frame = breakage(tables[table])
    problems = schema_errors(table, frame)
    assert problems and any(expected in p or "document_id" in p for p in problems), problems
    lazy_problems = schema_errors(table, frame.lazy())
    assert lazy_problems, "a LazyFrame must be collected before validation"


def test_dangling_foreign_key_is_reported(tables) -> None:
    footnotes = tables["footnotes"].with_columns(pl.lit("A/RES/0/0:pp1").alias("paragraph_id"))
    problems = foreign_key_errors("footnotes", {"footnotes": footnotes, "paragraphs": tables["paragraphs"],
                                               "documents": tables["documents"]})
    assert problems == ["footnotes.paragraph_id -> paragraphs: 1 missing, e.g. ('A/RES/0/0:pp1',)"]
