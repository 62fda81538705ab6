"""End to end: the Dagster job builds a release that reads back in Polars and DuckDB,
validates as a Frictionless package, is deterministic and never overwritten."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipeline.build import build_release
from pipeline.corpus import build_corpus
from pipeline.datapackage import PARQUET_SUFFIX, frictionless_errors
from pipeline.release import ReleaseExists, write_release
from pipeline.sources import read_user_files
from pipeline.verify import verify_release
from schemas import TABLES

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="module")
def release_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("releases")
    assert build_release(RAW, out, "2026.1.1") == 0
    return out / "2026.1.1"


def test_release_layout(release_dir: Path) -> None:
    for name in TABLES:
        assert (release_dir / "parquet" / f"{name}.parquet").is_file()
        assert (release_dir / "csv" / f"{name}.csv").is_file()
    assert {"datapackage.json", "README.md", "SHA256SUMS"} <= {p.name for p in release_dir.iterdir()}
    assert verify_release(release_dir) == []


def test_tables_read_back_in_polars(release_dir: Path) -> None:
    documents = pl.read_parquet(release_dir / "parquet" / "documents.parquet")
    seed = documents.filter(pl.col("document_id") == "A/RES/72/284").row(0, named=True)
    assert (seed["n_preamble"], seed["n_operative"], seed["n_footnotes"]) == (38, 85, 11)
    assert documents.schema["adopted_on"] == pl.Date and documents.schema["body"] == pl.Categorical
    paragraphs = pl.read_parquet(release_dir / "parquet" / "paragraphs.parquet")
    op85 = paragraphs.filter(pl.col("paragraph_id") == "A/RES/72/284:op85").row(0, named=True)
    assert op85["text"].startswith("Decides to include in the provisional agenda of its seventy-fourth session")
    assert op85["lead_verb"] == "decide"


def test_tables_query_in_duckdb(release_dir: Path) -> None:
    parquet = release_dir / "parquet"
    rows = duckdb.sql(
        f"select p.section, count(*) from '{parquet}/paragraphs.parquet' p "
        f"join '{parquet}/documents.parquet' d using (document_id) "
        "where d.document_id = 'A/RES/72/284' and p.kind = 'paragraph' group by 1 order by 1"
    ).fetchall()
    assert rows == [("operative", 85), ("preamble", 38)]


def test_datapackage_is_valid_frictionless(release_dir: Path) -> None:
    descriptor = json.loads((release_dir / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert all(field.get("description") for field in resource["schema"]["fields"]), resource["name"]
    assert {resource["name"] for resource in descriptor["resources"]} == {
        name + suffix for name in TABLES for suffix in ("", PARQUET_SUFFIX)}
    assert frictionless_errors(release_dir / "datapackage.json") == []


def test_rebuild_is_byte_identical_and_a_no_op(release_dir: Path, tmp_path: Path) -> None:
    assert build_release(RAW, tmp_path, "2026.1.1") == 0
    assert (tmp_path / "2026.1.1" / "SHA256SUMS").read_bytes() == (release_dir / "SHA256SUMS").read_bytes()
    before = (tmp_path / "2026.1.1" / "SHA256SUMS").stat().st_mtime_ns
    database = (tmp_path / "2026.1.1" / "unres.duckdb").stat().st_mtime_ns
    assert build_release(RAW, tmp_path, "2026.1.1") == 0
    assert (tmp_path / "2026.1.1" / "SHA256SUMS").stat().st_mtime_ns == before
    assert (tmp_path / "2026.1.1" / "unres.duckdb").stat().st_mtime_ns == database  # kept, not built again


def test_different_content_under_same_version_is_refused(release_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(release_dir, tmp_path / "2026.1.1")
    raw = read_user_files(RAW)
    built = build_corpus(raw.head(1))
    tables = {name: pl.read_parquet(release_dir / "parquet" / f"{name}.parquet") for name in TABLES}
    tables["documents"] = built["documents"].with_columns(pl.lit("changed").alias("title"))
    with pytest.raises(ReleaseExists, match="2026.1.1"):
        write_release(tables, tmp_path, "2026.1.1", [])
    assert (tmp_path / "2026.1.1" / "SHA256SUMS").read_bytes() == (release_dir / "SHA256SUMS").read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["2026.1.1"]


def test_failing_check_blocks_the_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.assets.corpus as corpus_assets

    real = corpus_assets.assemble_corpus

    def duplicated_documents(*args):
        tables = real(*args)
        tables["documents"] = pl.concat([tables["documents"], tables["documents"]])
        return tables

    monkeypatch.setattr(corpus_assets, "assemble_corpus", duplicated_documents)
    assert build_release(RAW, tmp_path, "2026.1.2") == 1
    assert not (tmp_path / "2026.1.2").exists()
    assert list(tmp_path.iterdir()) == []


def test_instrument_graph_links_resolutions_inside_the_corpus(release_dir: Path) -> None:
    parquet = release_dir / "parquet"
    edges = duckdb.sql(
        f"select citing_document_id, cited_document_id, n_citations from '{parquet}/instrument_graph.parquet' "
        "where cited_document_id is not null order by 1, 2"
    ).fetchall()
    assert ("A/RES/74/274", "A/RES/74/270", 1) in edges
    citations = pl.read_parquet(parquet / "citations.parquet")
    linked = citations.filter(pl.col("cited_document_id").is_not_null())
    assert (linked["cited_document_id"] == linked["instrument_id"]).all()
    assert set(linked["cited_document_id"]) <= set(pl.read_parquet(parquet / "documents.parquet")["document_id"])


def test_a_build_recorded_in_a_dagster_home_shows_its_run_and_materializations(tmp_path: Path) -> None:
    """`make release` records its run in .dagster_home, so that `make ui` shows history and each table's
    materialization with its row count."""
    import dagster as dg

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "S_RES_598_1987.txt", raw / "S_RES_598_1987.txt")
    home = tmp_path / "dagster_home"
    assert build_release(raw, tmp_path / "releases", "2026.1.9", dagster_home=home) == 0
    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs()
        assert [run.job_name for run in runs] == ["build_release"] and runs[0].is_success
        event = instance.get_latest_materialization_event(dg.AssetKey("documents"))
        assert event is not None and event.asset_materialization.metadata["dagster/row_count"].value == 1
