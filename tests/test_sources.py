"""Sources: the manifest, members read in place from the archives, a user's files, and the data extracts."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from pipeline.sidecars import extract_rows, meeting_rows, sponsors_table, votes_table
from pipeline.sources import (
    MANIFEST,
    Source,
    SourceError,
    input_bytes,
    load_manifest,
    read_source,
    read_user_files,
    sidecar_records,
)
from pipeline.tables import actors_table

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
SEED = ROOT / "data" / "raw" / "A_RES_72_284.txt"


def _source(**changes: str) -> Source:
    fields = dict.fromkeys(Source.__dataclass_fields__, "")
    return replace(Source(**fields), **{"source": "sample", "archive": "sample.zip", "form": "akn_xml",
                                        "members": "*/English/*.xml", "sidecars": "data_extract/*.json", **changes})


def _zip(path: Path, members: dict[str, bytes]) -> str:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _real_member(archive: str, member: str) -> bytes:
    with zipfile.ZipFile(SOURCES / archive) as opened:
        return opened.read(member)


def test_the_project_manifest_lists_every_vendored_archive_with_its_hash() -> None:
    sources = load_manifest(SOURCES)
    assert {s.source: s.form for s in sources} == {
        "unxml_ga": "akn_xml", "unxml_sc": "akn_xml", "unxml_hrc": "akn_xml", "unxml_ecosoc": "akn_xml",
        "ga_pdf": "pdf", "sc_pdftext": "pdf_text", "sc_compilations": "compilation_text"}
    for source in sources:
        assert hashlib.sha256((SOURCES / source.archive).read_bytes()).hexdigest() == source.sha256, source.archive
    assert sorted(p.name for p in SOURCES.glob("*.zip")) == sorted(s.archive for s in sources)


def test_a_bad_manifest_row_names_the_file_and_line(tmp_path: Path) -> None:
    lines = (SOURCES / MANIFEST).read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",akn_xml,", ",xml,", 1)
    (tmp_path / MANIFEST).write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SourceError, match=r"SOURCES.csv, line 4: form 'xml' is not one of"):
        load_manifest(tmp_path)


def test_members_are_read_in_place_with_their_archive_path(tmp_path: Path) -> None:
    xml = _real_member("unxml-ga-sessions-74-80.zip", "unxml-ga-sessions-74-80/74session/English/74_10.xml")
    digest = _zip(tmp_path / "sample.zip", {"repo/74session/English/74_10.xml": xml, "repo/README.md": b"not a member",
                                            "repo/data_extract/74session.json": b"{}"})
    rows = read_source(_source(sha256=digest), tmp_path)
    assert rows.select("source", "source_file", "member", "form", "reason").rows() == [
        ("sample", "sample.zip/repo/74session/English/74_10.xml", "repo/74session/English/74_10.xml", "akn_xml", None)]
    assert rows["source_sha256"][0] == hashlib.sha256(xml).hexdigest()
    assert rows.select("location", "archived", "encoding").row(0) == (str((tmp_path / "sample.zip").resolve()), True, "utf-8")
    assert input_bytes(rows["location"][0], rows["member"][0], archived=True) == xml  # read again where it is


def test_an_archive_that_changed_is_refused(tmp_path: Path) -> None:
    _zip(tmp_path / "sample.zip", {"repo/74session/English/74_1.xml": b"<akomaNtoso/>"})
    with pytest.raises(SourceError, match=r"sample.zip: SHA-256 [0-9a-f]{64} differs from 0{64}"):
        read_source(_source(sha256="0" * 64), tmp_path)
    with pytest.raises(SourceError, match="listed in .* but missing"):
        read_source(_source(archive="gone.zip"), tmp_path)


def test_an_oversized_member_is_rejected_before_it_is_read(tmp_path: Path) -> None:
    """A member that unpacks to more than the limit (a zip bomb compresses 5 MB of spaces to a few kB)."""
    _zip(tmp_path / "sample.zip", {"repo/1/English/big.xml": b" " * 5_000_001,
                                   "repo/1/English/small.xml": b"<akomaNtoso>x</akomaNtoso>"})
    assert (tmp_path / "sample.zip").stat().st_size < 20_000
    rows = read_source(_source(), tmp_path).select("member", "reason", "detail").rows()
    assert rows[0][:2] == ("repo/1/English/big.xml", "too_large")
    assert "5,000,001 bytes unpacked" in rows[0][2] and rows[1][1] is None


def test_user_files_get_their_form_from_their_content(tmp_path: Path) -> None:
    xml = _real_member("unxml-ga-sessions-74-80.zip", "unxml-ga-sessions-74-80/74session/English/74_10.xml")
    (tmp_path / "74_10.xml").write_bytes(xml)
    (tmp_path / "A_RES_72_284.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "resolution.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "folder").mkdir()
    os.symlink("/etc/passwd", tmp_path / "passwd.txt")
    rows = {r["source_file"]: (r["form"], r["reason"]) for r in read_user_files(tmp_path).iter_rows(named=True)}
    assert rows == {"74_10.xml": ("akn_xml", None), "A_RES_72_284.txt": ("text", None), "resolution.pdf": ("pdf", None),
                    "folder": (None, "not_a_file"), "passwd.txt": (None, "not_a_file")}


def test_data_extract_objects_are_read_whatever_stands_between_them(tmp_path: Path) -> None:
    """The ECOSOC extracts separate their objects with stray quotes: '}"' newline '"{'."""
    records = [{"symbol": "E/RES/2024/1", "sponsors": ["submitted by the President of the Council"]},
               {"symbol": "E/RES/2024/2", "MS_in_favour": ["FRANCE"]}]
    text = json.dumps(records[0]) + '"\n"' + json.dumps(records[1]) + '"\n'
    _zip(tmp_path / "sample.zip", {"repo/data_extract/2024.json": text.encode()})
    assert [record for _, record in sidecar_records(_source(), tmp_path)] == records


def test_votes_and_sponsors_from_a_real_data_extract() -> None:
    """S/RES/2504 (2020): adopted 11-0-4; sponsors Belgium and Germany (UNxml/SCresolutions data_extract/2020.json)."""
    member = "unxml-sc-2000-2026/data_extract/2020.json"
    text = _real_member("unxml-sc-2000-2026.zip", member).decode()
    record = json.loads(text.splitlines()[0])
    rows = pl.DataFrame(extract_rows([(member, record)]))
    documents = pl.DataFrame({"document_id": ["S/RES/2504(2020)"]})
    votes = votes_table(rows, documents, actors_table())
    assert votes.group_by("vote").len().sort("vote").rows() == [("abstain", 4), ("yes", 11)]
    assert votes.filter(pl.col("member_state") == "UNITED KINGDOM").select("actor_id", "vote").row(0) == (
        "united-kingdom-of-great-britain-and-northern-ireland", "abstain")
    assert votes["actor_id"].null_count() == 0
    sponsors = sponsors_table(rows, documents, actors_table())
    assert sponsors.select("sponsor", "actor_id", "additional").rows() == [
        ("BELGIUM", "belgium", False), ("GERMANY", "germany", False)]
    assert votes_table(rows, pl.DataFrame({"document_id": ["S/RES/1(1946)"]}), actors_table()).height == 0


def test_meeting_records_give_the_meeting_day_and_tally_of_each_resolution() -> None:
    """sc-pdftext meeting_records_1994-2015.csv: S/PV.3326, 6 January 1994, S/RES/893 (1994) 15-0-0."""
    records = [{"record": "S/PV.3326", "day": "6 January", "outcome": "S/RES/893 (1994)\n      15-0-0", "year": "1994"},
               {"record": "S/PV.3377", "day": "16 May", "outcome": "S/RES/916 (1994)\n 15-0-0\nS/RES/917 (1994) 13-0-2",
                "year": "1994"},
               {"record": "S/PV.3384+Corr.1", "day": "31 May", "outcome": "S/RES/918 (1994) 15-0-0", "year": "1994"},
               {"record": "S/PV.4503", "day": "29 + 30 March", "outcome": "S/RES/1402 (2002) 14-0-0", "year": "2002"},
               {"record": "S/PV.5028", "day": "2 Sep.", "outcome": "S/RES/1559 (2004) 9-0-6", "year": "2004"}]
    assert [(r["symbol"], r["meeting"], r["met_on"], r["tally"]) for r in meeting_rows("m.csv", records)] == [
        ("S/RES/893(1994)", 3326, date(1994, 1, 6), "15-0-0"), ("S/RES/916(1994)", 3377, date(1994, 5, 16), "15-0-0"),
        ("S/RES/917(1994)", 3377, date(1994, 5, 16), "13-0-2"), ("S/RES/918(1994)", 3384, date(1994, 5, 31), "15-0-0"),
        ("S/RES/1402(2002)", 4503, date(2002, 3, 30), "14-0-0"), ("S/RES/1559(2004)", 5028, date(2004, 9, 2), "9-0-6")]


def test_extract_names_resolve_whatever_their_case_accents_and_apostrophes() -> None:
    """As the UNxml extracts print them: 'TÜRKİYE' (dotted capital I), 'COTE D'IVOIRE' (no accent), and a
    sponsorship on behalf of a group (GA data_extract/78session.json)."""
    rows = pl.DataFrame(extract_rows([("x.json", {
        "symbol": "A/RES/78/1", "MS_in_favour": ["TÜRKİYE", "COTE D'IVOIRE"],
        "sponsors": ["Uganda (on behalf of the States Members of the United Nations that are members of the Group of 77 and China)",
                     "submitted by the President of the General Assembly"]})]))
    documents = pl.DataFrame({"document_id": ["A/RES/78/1"]})
    votes = votes_table(rows, documents, actors_table())
    assert dict(votes.select("member_state", "actor_id").rows()) == {"TÜRKİYE": "turkiye", "COTE D'IVOIRE": "cote-d-ivoire"}
    sponsors = sponsors_table(rows, documents, actors_table())
    assert [actor for _, actor in sponsors.select("sponsor", "actor_id").rows()] == ["uganda", None]


def test_the_same_bytes_from_another_source_are_a_copy_not_a_quarantine(tmp_path: Path) -> None:
    """data/raw/S_RES_598_1987.txt is byte for byte sc-compilations' S_RES_0598_1987_EN_GOLD.txt: both are
    forms of the one resolution (the text is built once); a second copy in the same source is a duplicate."""
    from pipeline.corpus import build_corpus

    member = "sc-compilations/S_RES_0598_1987_EN_GOLD.txt"
    data = _real_member("sc-compilations-1946-1993.zip", member)
    digest = _zip(tmp_path / "sample.zip", {member: data})
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "S_RES_598_1987.txt").write_bytes(data)
    (raw / "again.txt").write_bytes(data)
    source = _source(form="compilation_text", members="*.txt", sidecars="", sha256=digest)
    tables = build_corpus(pl.concat([read_source(source, tmp_path), read_user_files(raw)]))
    forms = tables["document_forms"].select("document_id", "source", "member", "chosen", "n_texts_equal", "n_paragraphs")
    assert forms.rows() == [("S/RES/598(1987)", "raw", "S_RES_598_1987.txt", False, 20, 20),
                            ("S/RES/598(1987)", "sample", member, True, 20, 20)]
    assert tables["quarantine"].select("source_file", "reason").rows() == [("again.txt", "duplicate")]
