"""Real Security Council texts that were quarantined by mistake: one row per class, named by zip member.

Every expected value was read off the member's text by hand (data/sources/sc-compilations-1946-1993.zip,
OCR of the printed volumes; data/sources/sc-pdftext-1994-2014.zip, raw PDF text layers).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline.text.ingest import decode_resolution
from pipeline.text.structure import ResolutionRejected, parse_resolution

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"
ARCHIVES = {"sc-compilations": "sc-compilations-1946-1993.zip", "sc-pdftext": "sc-pdftext-1994-2014.zip"}


def _member(member: str) -> str:
    folder = member.split("/")[0]
    with zipfile.ZipFile(SOURCES / ARCHIVES[folder]) as archive:
        return decode_resolution(archive.read(member), member)[0]


class Shape(NamedTuple):
    member: str
    document_id: str
    n_preamble: int
    n_operative: int
    first_operative: tuple[str, str]  # (local paragraph id, first word)
    why: str


SHAPES = [
    Shape("sc-compilations/S_RES_0004_1946_EN_GOLD.txt", "S/RES/4(1946)", 3, 2, ("opu1", "Hereby"),
          'no opener line ("Therefore the Security Council,"); "Hereby resolves" is operative'),
    Shape("sc-compilations/S_RES_0016_1947_EN_GOLD.txt", "S/RES/16(1947)", 1, 1, ("opu1", "Hereby"),
          'unknown lead verb: "Hereby records its approval"'),
    Shape("sc-compilations/S_RES_0017_1947_EN_GOLD.txt", "S/RES/17(1947)", 1, 1, ("opu1", "It"),
          'no opener and no lead verb: "Whereas ..." then "It is resolved that"'),
    Shape("sc-compilations/S_RES_0034_1947_EN_GOLD.txt", "S/RES/34(1947)", 0, 2, ("op(a)", "Resolves"),
          '"(a) Resolves ..." as the first operative line, "(b) Requests ..." the second'),
    Shape("sc-compilations/S_RES_0053_1948_EN_GOLD.txt", "S/RES/53(1948)", 1, 1, ("opu1", "Addresses"),
          'unknown lead verb: "Addresses an urgent appeal"'),
    Shape("sc-compilations/S_RES_0086_1950_EN_GOLD.txt", "S/RES/86(1950)", 0, 1, ("opu1", "Finds"),
          '"The Security Council" without comma, then "Finds that"'),
    Shape("sc-compilations/S_RES_0070_1949_EN_GOLD.txt", "S/RES/70(1949)", 2, 5, ("opu1", "Resolves:"),
          '"Whereas ..." preamble printed above the opener; a quoted "“The Security Council shall" is text'),
    Shape("sc-compilations/S_RES_0142_1960_EN_GOLD.txt", "S/RES/142(1960)", 1, 1, ("opu1", "Recommends"),
          'two footnote markers after the comma ("Congo, 21 22") hid the end of the preamble'),
    Shape("sc-compilations/S_RES_0441_1978_EN_GOLD.txt", "S/RES/441(1978)", 1, 1, ("opu1", "Decides:"),
          'a chapeau "Decides:" followed only by items (a)-(c)'),
    Shape("sc-compilations/S_RES_0464_1980_EN_GOLD.txt", "S/RES/464(1980)", 1, 1, ("opu1", "Recommends"),
          'OCR lost the comma closing the preamble ("... to the United Nations")'),
    Shape("sc-compilations/S_RES_0768_1992_EN_GOLD.txt", "S/RES/768(1992)", 4, 5, ("op1", "Decides"),
          'no opener: "RESOLUTION 768 (1992)", the adoption line, then the preamble'),
    Shape("sc-compilations/S_RES_0161_1961_EN_GOLD.txt", "S/RES/161(1961)", 9, 8, ("A:op1", "Urges"),
          "parts A and B under one symbol, each with its preamble (the second opener is not a second resolution)"),
    Shape("sc-pdftext/1997-N9709350.txt", "S/RES/1104(1997)", 2, 1, ("opu1", "Forwards"),
          'unknown lead verb: "Forwards the following nominations"'),
    Shape("sc-pdftext/2000-N0063466.txt", "S/RES/1318(2000)", 0, 1, ("opu1", "Decides"),
          "an annexed declaration repeats the opener: one resolution, not two"),
    Shape("sc-pdftext/2005-N0551064.txt", "S/RES/1625(2005)", 0, 1, ("opu1", "Decides"),
          "an annexed declaration repeats the opener: one resolution, not two"),
]


@pytest.mark.parametrize("case", SHAPES, ids=[c.member.split("/")[1] for c in SHAPES])
def test_real_sc_text_is_one_resolution(case: Shape) -> None:
    parsed = parse_resolution(_member(case.member))
    top = [p for p in parsed.paragraphs if p.kind == "paragraph"]
    operative = [p for p in top if p.section == "operative"]
    assert parsed.header.document_id == case.document_id
    assert (sum(p.section == "preamble" for p in top), len(operative)) == (case.n_preamble, case.n_operative)
    first = operative[0]
    assert (first.paragraph_id.split(":", 1)[1], first.text.split()[0]) == case.first_operative
    ids = [p.paragraph_id for p in parsed.paragraphs]
    assert len(ids) == len(set(ids))
    assert parsed.residue == []


class HeaderCase(NamedTuple):
    member: str
    document_id: str
    adopted_on: dt.date
    meeting: int
    why: str


HEADERS = [
    HeaderCase("sc-compilations/S_RES_0290_1970_EN_GOLD.txt", "S/RES/290(1970)", dt.date(1970, 12, 8), 1563,
               '"Resolution 290 / of 8 December 1970": no year, taken from the adoption date'),
    HeaderCase("sc-compilations/S_RES_0361_1974_EN_GOLD.txt", "S/RES/361(1974)", dt.date(1974, 8, 30), 1795,
               'misprinted "361 (197-4)"'),
    HeaderCase("sc-compilations/S_RES_0434_1978_EN_GOLD.txt", "S/RES/434(1978)", dt.date(1978, 9, 18), 2085,
               '"Resolution 434 (1973) of 18 September 1978": the year disagrees with the adoption date'),
    HeaderCase("sc-compilations/S_RES_0364_1974_EN_GOLD.txt", "S/RES/364(1974)", dt.date(1974, 12, 13), 1810,
               'a cited "2275th plenary meeting" of the Assembly is not the meeting'),
    HeaderCase("sc-compilations/S_RES_0589_1986_EN_GOLD.txt", "S/RES/589(1986)", dt.date(1986, 10, 10), 2714,
               '"Adopted unanimously at the 2714th (closed) meeting"'),
    HeaderCase("sc-pdftext/2008-N0832527.txt", "S/RES/1812(2008)", dt.date(2008, 4, 30), 5882,
               '"Resolution 1812 (208)" under a correct "S/RES/1812 (2008)" masthead'),
    HeaderCase("sc-pdftext/1994-N9400679.txt", "S/RES/893(1994)", dt.date(1994, 1, 6), 3326,
               '"Adopted bv the Security Council at its 3326th meeting."'),
    HeaderCase("sc-pdftext/1996-N9636431.txt", "S/RES/1090(1996)", dt.date(1996, 12, 13), 3725,
               '"at its 3725th (closed) meeting"'),
    HeaderCase("sc-pdftext/2003-N0349881.txt", "S/RES/1506(2003)", dt.date(2003, 9, 12), 4820,
               '"at its 4820th meeting (Part II)"'),
    HeaderCase("sc-pdftext/2005-N0536782.txt", "S/RES/1601(2005)", dt.date(2005, 5, 31), 5192,
               '"Adoption by the Security Council"'),
    HeaderCase("sc-pdftext/2006-N0666316.txt", "S/RES/1727(2006)", dt.date(2006, 12, 15), 5592,
               '"at is 5592nd meeting"'),
]


@pytest.mark.parametrize("case", HEADERS, ids=[c.member.split("/")[1] for c in HEADERS])
def test_real_sc_header(case: HeaderCase) -> None:
    header = parse_resolution(_member(case.member)).header
    assert (header.document_id, header.adopted_on, header.meeting) == (case.document_id, case.adopted_on, case.meeting)


class FootnoteCase(NamedTuple):
    member: str
    footnotes: list[tuple[int, str, str]]  # (number, local paragraph id, first word of the footnote)


FOOTNOTES = [
    FootnoteCase("sc-compilations/S_RES_0142_1960_EN_GOLD.txt", [(21, "pp1", "Republic"), (22, "pp1", "Official")]),
    FootnoteCase("sc-compilations/S_RES_0800_1993_EN_GOLD.txt", [(1, "pp1", "S/25046.")]),  # "1/" markers
]


@pytest.mark.parametrize("case", FOOTNOTES, ids=[c.member.split("/")[1] for c in FOOTNOTES])
def test_real_sc_footnotes(case: FootnoteCase) -> None:
    parsed = parse_resolution(_member(case.member))
    found = [(f.number, (f.paragraph_id or "").split(":", 1)[1], f.text.split()[0]) for f in parsed.footnotes]
    assert found == case.footnotes
    assert not any(p.text.rstrip().endswith(("21 22", "1/")) for p in parsed.paragraphs)


class FurnitureCase(NamedTuple):
    member: str
    edit: tuple[str, str]  # a page foot run into the text, as some text layers print it ("" = as is)
    paragraph: str
    text_end: str
    residue: list[str]


FURNITURE = [
    # page counter and job number on their own lines: "2 06-39006", "306-45081"
    FurnitureCase("sc-pdftext/2006-N0639006.txt", ("", ""), "op2", "until 15 June 2007;", []),
    FurnitureCase("sc-pdftext/2006-N0645081.txt", ("", ""), "op5(b)", "paragraph 20 of resolution 1493;", []),
    # the same page foot fused into the paragraph line: split out, nothing left over
    FurnitureCase("sc-pdftext/2006-N0639006.txt", ("2007;\nS/RES/1686 (2006)\n2 06-39006\n", "2007; S/RES/1686 (2006) 2 06-39006 "),
                  "op2", "until 15 June 2007;", []),
    # a job number the masthead does not print, run into a paragraph, is residue: the nothing-lost check fails
    FurnitureCase("sc-pdftext/1999-N9906730.txt", ("justice;\n99-06730 (E) /...", "justice; 99-06730 (E) /..."),
                  "op3", "justice; 99-06730 (E) /...", ["99-06730 (E)", "/..."]),
]


@pytest.mark.parametrize("case", FURNITURE, ids=[f"{c.member.split('/')[1]}-{c.paragraph}-{bool(c.edit[0])}" for c in FURNITURE])
def test_real_sc_furniture(case: FurnitureCase) -> None:
    raw = _member(case.member)
    if case.edit[0]:
        assert case.edit[0] in raw
        raw = raw.replace(case.edit[0], case.edit[1])
    parsed = parse_resolution(raw)
    paragraph = next(p for p in parsed.paragraphs if p.paragraph_id.endswith(":" + case.paragraph))
    assert paragraph.text.endswith(case.text_end)
    assert [text for _, _, text in parsed.residue] == case.residue


class Rejected(NamedTuple):
    members: tuple[str, ...]
    cut: str  # keep the text before this string ("" = whole)
    reason: str
    message: str


REJECTED = [
    Rejected(("sc-compilations/S_RES_0142_1960_EN_GOLD.txt", "sc-compilations/S_RES_0152_1960_EN_GOLD.txt"), "",
             "multiple_resolutions", "two resolutions in one file"),
    Rejected(("sc-compilations/S_RES_0142_1960_EN_GOLD.txt",), "Recommends", "not_a_resolution",
             "no operative paragraph found"),
]


@pytest.mark.parametrize("case", REJECTED, ids=["two-files-joined", "truncated-fragment"])
def test_real_sc_not_one_resolution(case: Rejected) -> None:
    raw = "\n\n".join(_member(member) for member in case.members)
    if case.cut:
        raw = raw[: raw.index(case.cut)]
    with pytest.raises(ResolutionRejected) as error:
        parse_resolution(raw)
    assert error.value.reason == case.reason
    assert case.message in str(error.value)
