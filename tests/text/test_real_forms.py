"""Real HRC and Security Council texts (tests/fixtures/real, sources in SOURCES.md) parse as they read.

Every expected value below was read off the text by hand; the texts are web copies of the
official documents, several truncated at the end (so some have no closing meeting line).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.text.clauses import find_clauses
from pipeline.text.structure import parse_resolution
from pipeline.text.symbols import find_instrument_refs

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"

CASES = [
    # file, document_id, body, number, session, adopted_on, meeting, n_pre, n_op,
    # (first op number, lead), (last op number, lead), citations expected in the text
    ("hrc_A-HRC-RES-34-17.txt", "A/HRC/RES/34/17", "Human Rights Council", "34/17", 34,
     dt.date(2017, 3, 24), None, 5, 1, (1, "Welcomes"), (1, "Welcomes"),
     {"A/RES/32/127", "E/CN.4/RES/1993/51", "A/HRC/RES/6/20", "A/HRC/RES/30/3", "A/RES/60/251"}),
    ("hrc_A-HRC-RES-6-20.txt", "A/HRC/RES/6/20", "Human Rights Council", "6/20", 6,
     None, None, 5, 2, (1, "Welcomes"), (2, "Requests"),
     {"A/RES/32/127", "E/CN.4/RES/1993/51", "A/RES/60/251"}),
    ("sc_S-RES-1654(2006).txt", "S/RES/1654(2006)", "Security Council", "1654 (2006)", None,
     dt.date(2006, 1, 31), 5360, 4, 4, (1, "Requests"), (4, "Decides"), {"S/RES/1616(2005)", "S/RES/1649(2005)"}),
    ("sc_S-RES-1928(2010).txt", "S/RES/1928(2010)", "Security Council", "1928 (2010)", None,
     dt.date(2010, 6, 7), 6333, 4, 4, (1, "Decides"), (4, "Decides"),
     {"S/RES/825(1993)", "S/RES/1718(2006)", "S/RES/1874(2009)", "S/RES/1887(2009)", "S/PRST/2006/41",
      "S/PRST/2009/7"}),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_real_text_structure(case) -> None:
    (name, document_id, body, number, session, adopted_on, meeting, n_pre, n_op,
     first, last, _) = case
    parsed = parse_resolution((REAL / name).read_text(encoding="utf-8"))
    header = parsed.header
    assert (header.document_id, header.body, header.resolution_number) == (document_id, body, number)
    assert header.session == session
    assert header.adopted_on == adopted_on
    assert header.meeting == meeting
    top = [p for p in parsed.paragraphs if p.kind == "paragraph"]
    preamble = [p for p in top if p.section == "preamble"]
    operative = [p for p in top if p.section == "operative"]
    assert (len(preamble), len(operative)) == (n_pre, n_op)
    assert all(p.number is None for p in preamble)
    assert [p.number for p in operative] == list(range(1, n_op + 1))
    assert (operative[0].number, operative[0].text.split()[0]) == first
    assert (operative[-1].number, operative[-1].text.split()[0]) == last
    assert parsed.residue == []


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_real_text_lead_verbs_and_citations(case) -> None:
    name, document_id, *_, first, last, cited = case
    parsed = parse_resolution((REAL / name).read_text(encoding="utf-8"))
    operative = [p for p in parsed.paragraphs if p.kind == "paragraph" and p.section == "operative"]
    for paragraph, (_, lead) in ((operative[0], first), (operative[-1], last)):
        clauses = find_clauses(paragraph.text)
        assert clauses and clauses[0].verb_phrase == lead
    found = {ref.instrument_id for p in parsed.paragraphs for ref in find_instrument_refs(p.text, body=parsed.header.body)}
    assert cited <= found


def test_hrc_preamble_split_where_the_converter_lost_a_line_end() -> None:
    """'... the latest being 61/167 of 19 December' lost its '2006,': 'Recalling also' still opens pp2."""
    parsed = parse_resolution((REAL / "hrc_A-HRC-RES-6-20.txt").read_text(encoding="utf-8"))
    preamble = [p.text for p in parsed.paragraphs if p.section == "preamble"]
    assert preamble[0].endswith("the latest being 61/167 of 19 December")
    assert preamble[1].startswith("Recalling also Commission on Human Rights resolution 1993/51")
    assert preamble[3].startswith("Bearing in mind also the Vienna Declaration")


def test_hrc_bare_resolution_of_a_later_session_is_not_an_hrc_resolution() -> None:
    """In A/HRC/RES/34/17, 'Assembly resolutions ..., the latest being resolution 63/170' is GA 63/170:
    the Council had not reached its 63rd session."""
    parsed = parse_resolution((REAL / "hrc_A-HRC-RES-34-17.txt").read_text(encoding="utf-8"))
    found = {ref.instrument_id for ref in find_instrument_refs(parsed.paragraphs[0].text, body="Human Rights Council")}
    assert "A/RES/63/170" in found
    assert "A/HRC/RES/63/170" not in found
