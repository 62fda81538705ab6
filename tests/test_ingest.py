"""Bad input is quarantined with the file and the reason; the rest still builds."""

from __future__ import annotations

import codecs
import errno
import os
import shutil
from pathlib import Path

import polars as pl
import pytest

from pipeline.corpus import build_corpus
from pipeline.sources import read_user_files
from pipeline.tables import document_tables
from pipeline.text.ingest import InputRejected, decode_resolution
from pipeline.text.structure import parse_resolution

SEED = Path(__file__).resolve().parents[1] / "data" / "raw" / "A_RES_72_284.txt"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"<!DOCTYPE html><html><body>A/RES/72/284</body></html>", "not_a_resolution"),
        (b"<!-- saved from url=(0042)https://undocs.org/ -->\n<html lang='en'><body>A/RES/72/284</body></html>",
         "not_a_resolution"),
        ("Résolution “72/284 of the General Assembly".encode() + b"\x92", "encoding"),  # not read whole as cp1252
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


def test_a_stray_byte_in_a_utf8_text_is_named_not_read_as_cp1252() -> None:
    """One cp1252 quote in a UTF-8 file: refused with the byte and its offset, not decoded whole as cp1252
    (which would turn every accent and quote of the file into mojibake)."""
    data = SEED.read_bytes().replace(b"Member States", b"Member States\x92", 1)
    with pytest.raises(InputRejected) as error:
        decode_resolution(data, "r.txt")
    offset = data.index(b"\x92")
    line = data.count(b"\n", 0, offset) + 1
    assert error.value.reason == "encoding"
    assert f"invalid byte 0x92 at byte offset {offset} (line {line})" in str(error.value)


def test_invisible_characters_and_lone_cr_are_normalised_before_offsets_are_taken() -> None:
    clean = SEED.read_text(encoding="utf-8")
    dirty = clean.replace("terrorism", "terror\u00adism").replace("Reaffirming", "Re\u200baffirming").replace("\n", "\r")
    decoded, _ = decode_resolution(dirty.encode(), "r.txt")
    assert decoded == clean
    assert document_tables(parse_resolution(decoded), "x")["paragraphs"] == \
        document_tables(parse_resolution(clean), "x")["paragraphs"]  # the same text at the same offsets


@pytest.mark.faults
def test_unreadable_raw_files_are_quarantined_and_the_rest_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A symlink (to /etc/passwd), a FIFO, a file that cannot be opened (tests run as root, so the
    refusal is simulated) and a file name that is not UTF-8: each quarantined with its reason."""
    shutil.copy(SEED, tmp_path / SEED.name)
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    os.mkfifo(tmp_path / "pipe.txt")
    shutil.copy(SEED, tmp_path / "locked.txt")
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("not read", encoding="utf-8")
    real_open = Path.open

    def refusing_open(self: Path, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    rows = read_user_files(tmp_path)
    tables = build_corpus(rows)
    assert tables["documents"]["source_file"].to_list() == [SEED.name]
    quarantine = {row["source_file"]: (row["reason"], row["detail"]) for row in tables["quarantine"].iter_rows(named=True)}
    assert {name: reason for name, (reason, _) in quarantine.items()} == {
        "passwd.txt": "not_a_file", "pipe.txt": "not_a_file", "locked.txt": "unreadable", "caf\\xe9.txt": "encoding"}
    assert "Permission denied" in quarantine["locked.txt"][1]
    assert "file name is not valid UTF-8" in quarantine["caf\\xe9.txt"][1]
    passwd = rows.filter(pl.col("source_file") == "passwd.txt").row(0, named=True)
    assert passwd["location"] is None and passwd["n_bytes"] == 0  # the link's target was never read
