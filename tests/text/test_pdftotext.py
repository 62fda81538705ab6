"""poppler's pdftotext output of GA PDFs, plain and -layout, read by the text parser against the UN's XML.

Fixtures: tests/fixtures/real/ga_A-RES-*.pdftotext[-layout].txt (SOURCES.md says how each was made);
the XML of the same resolution is read from the vendored archive, so every expected text is the UN's own.
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path

import pytest

from pipeline.text.akn import parse_akn
from pipeline.text.model import ParsedResolution
from pipeline.text.structure import parse_resolution

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/real"
XMLS = ROOT / "data/sources/unxml-ga-sessions-74-80.zip"
FORMS = ("pdftotext", "pdftotext-layout")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def _symbol(number: str) -> tuple[str, str]:
    """(session, number): "101" is A/RES/78/101, "80-102" A/RES/80/102."""
    session, _, own = number.rpartition("-")
    return session or "78", own


def _xml(number: str) -> ParsedResolution:
    session, own = _symbol(number)
    with zipfile.ZipFile(XMLS) as archive:
        member = next(m for m in archive.namelist() if f"/English/A_RES_{session}_{own}-" in m)
        return parse_akn(archive.read(member).decode("utf-8"))


@cache
def _parsed(number: str, form: str) -> ParsedResolution:
    session, own = _symbol(number)
    return parse_resolution((FIXTURES / f"ga_A-RES-{session}-{own}.{form}.txt").read_text(encoding="utf-8"))


# (resolution, paragraph, what the extractor did to it)
PARAGRAPHS = [
    ("101", "op1", 'split word "Colo nialism"; the number "1." on a line of its own'),
    ("101", "op2", 'footnote markers as plain digits "Peoples 2 and", "Rights; 3"'),
    ("101", "op8", 'two joins sharing a piece, "for th e": "the", not "forthe"'),
    ("101", "op8(a)", 'space before a hyphen "seventy -ninth"'),
    ("101", "op15", 'space before a hyphen "Non -Self-Governing"'),
    ("101", "pp5", "last paragraph above a page foot: footnote block, job number, date stamp, barcode"),
    ("101", "pp6", "first paragraph under a running header (title and symbol)"),
    ("101", "op12", "first paragraph under a running header printed symbol first, then title"),
    ("108", "pp5", "a paragraph running over a page foot with two footnotes"),
    ("108", "op4(c)", 'an item label "(c)" set inside the running header'),
    ("118", "pp13", 'split word "a nd"'),
    ("118", "pp15", 'split word "sexua l"'),
    ("118", "pp30", 'split word "chi ldren"'),
    ("101", "op8(e)", 'plain: the line-end hyphen dropped and the lines joined, "Non-SelfGoverning"'),
    ("101", "op18", 'plain: "case-bycase"'),
    ("108", "op15", 'plain: "costsaving"'),
    ("118", "op14", 'plain: "Secretary General", the hyphen dropped but a space kept'),
    ("118", "op44", 'plain: "data sharing"'),
    ("118", "pp5", 'a marker set off after a year, "of 12 August 1949 2 and the"'),
    ("148", "pp1", 'a marker after a comma, before a capital: "Development, 1 Agenda 21"'),
    ("148", "pp16", 'a marker after a year range: "for the Decade 2014–2024 12 constitute"'),
    ("148", "pp20", 'a paragraph above a "***" divider'),
    ("148", "pp21", 'a paragraph below a "***" divider'),
    ("80-102", "pp15", 'plain: the footnote rule glued to "Non-Self" (its line-end hyphen dropped)'),
    ("80-102", "pp16", "plain: the paragraph after that page foot"),
    ("124", "opu1", 'the one operative paragraph, a marker after its stop: "Committee. 1" is no heading'),
    ("79-145", "h1", 'a part number "I" on a line of its own between the preamble and "1."'),
    ("79-145", "h2", 'the part\'s title "Achieving sustainable fisheries", a heading row of its own'),
    ("79-145", "op1", "the first paragraph under the part's title"),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("number", "paragraph", "what"), PARAGRAPHS)
def test_paragraph_text_equals_the_xml(number: str, paragraph: str, what: str, form: str) -> None:
    paragraph_id = "A/RES/{}/{}:".format(*_symbol(number)) + paragraph
    theirs = {p.paragraph_id: _norm(p.text) for p in _xml(number).paragraphs}
    ours = {p.paragraph_id: _norm(p.text) for p in _parsed(number, form).paragraphs}
    assert ours.get(paragraph_id) == theirs[paragraph_id], what


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("number", ["101", "108", "118"])
def test_footnotes_numbered_and_linked_as_in_the_xml(number: str, form: str) -> None:
    """pdftotext prints a footnote's number on a line of its own; in plain output the numbers of a page
    stand in an order of their own among the texts (A/RES/78/108, page 2: texts 3, 4, then "5", then "3" "4");
    a footnote that is a symbol alone ("A/78/369.", A/RES/78/118 note 14) is no running header."""
    theirs = {f.number: _norm(f.text) for f in _xml(number).footnotes}
    ours = {f.number: _norm(f.text) for f in _parsed(number, form).footnotes}
    assert ours == theirs
    assert all(f.paragraph_id for f in _parsed(number, form).footnotes)


# the share of XML paragraphs the parse gives exactly, per fixture (a floor: what the parser reaches now)
FLOORS = [("101", "pdftotext", 38), ("101", "pdftotext-layout", 38), ("108", "pdftotext", 59),
          ("108", "pdftotext-layout", 59), ("118", "pdftotext", 90), ("118", "pdftotext-layout", 91),
          ("148", "pdftotext", 50), ("148", "pdftotext-layout", 49), ("80-102", "pdftotext", 41),
          ("80-102", "pdftotext-layout", 41)]


@pytest.mark.parametrize(("number", "form", "floor"), FLOORS)
def test_paragraphs_equal_to_the_xml(number: str, form: str, floor: int) -> None:
    theirs = {p.paragraph_id: _norm(p.text) for p in _xml(number).paragraphs}
    ours = {p.paragraph_id: _norm(p.text) for p in _parsed(number, form).paragraphs}
    assert sum(ours.get(key) == text for key, text in theirs.items()) >= floor
