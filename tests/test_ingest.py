"""Bad input is quarantined with the file and the reason; the rest still builds."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import polars as pl
import pytest

from pipeline.corpus import build_corpus
from pipeline.sources import read_user_files
from pipeline.text.ingest import InputRejected, decode_resolution

SEED = Path(__file__).resolve().parents[1] / "data" / "raw" / "A_RES_72_284.txt"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"<!DOCTYPE html><html><body>A/RES/72/284</body></html>", "not_a_resolution"),
        (b"x" * 5_000_001, "too_large"),
    ],
)
def test_rejected_inputs(data: bytes, reason: str) -> None:
    with pytest.raises(InputRejected) as error:
        decode_resolution(data, "bad.txt")
    assert error.value.reason == reason and "bad.txt" in str(error.value)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Résolution “72/284”".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Résolution".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + "Résolution “72/284”".encode("utf-16-le"), "utf-16"),
        ("Résolution “72/284”".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decoded(data: bytes, encoding: str) -> None:
    text, used = decode_resolution(data, "r.txt")
    assert used == encoding and text.startswith("Résolution")


def test_bad_files_quarantined_and_rest_builds(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "A_RES_72_284.txt")
    shutil.copy(SEED, tmp_path / "copy_of_seed.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x00\x01\x02binary")
    truncated = SEED.read_text(encoding="utf-8").split("1. *Reiterates")[0]
    (tmp_path / "truncated.txt").write_text(truncated.replace("72/284.", "72/999."), encoding="utf-8")
    (tmp_path / "letter.txt").write_text("Dear colleague, please find attached the report.", encoding="utf-8")
    seed = SEED.read_text(encoding="utf-8")
    (tmp_path / "two_in_one.txt").write_text(seed.replace("72/284.", "72/998.") + "\n\n" + seed.replace("72/284.", "72/999."),
                                             encoding="utf-8")
    (tmp_path / "A_RES_..%2F..%2Fetc.txt").write_text(seed.replace("72/284.", "../../etc/284."), encoding="utf-8")
    tables = build_corpus(read_user_files(tmp_path))
    assert tables["documents"]["document_id"].to_list() == ["A/RES/72/284"]
    reasons = dict(zip(tables["quarantine"]["source_file"], tables["quarantine"]["reason"].cast(pl.String), strict=True))
    assert reasons == {"copy_of_seed.txt": "duplicate", "empty.txt": "empty", "image.txt": "binary",
                       "letter.txt": "not_a_resolution", "truncated.txt": "not_a_resolution",
                       "two_in_one.txt": "multiple_resolutions", "A_RES_..%2F..%2Fetc.txt": "not_a_resolution"}
    details = dict(zip(tables["quarantine"]["source_file"], tables["quarantine"]["detail"], strict=True))
    assert "no operative paragraph" in details["truncated.txt"]
    assert "two resolutions in one file" in details["two_in_one.txt"]
    assert details["copy_of_seed.txt"].startswith("copy_of_seed.txt: same bytes as A_RES_72_284.txt")
