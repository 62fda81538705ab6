"""Segmentation rules found by comparing text forms with the UN's XML of the same resolution (bench/forms.py).

One row per rule and real member: sc-pdftext-1994-2014.zip (raw PDF text layers, no blank lines) and
ga-pdf-sessions-78-80-sample.zip (read by pdf_text, paragraphs separated by blank lines). Every expected
value was read off the member's text by hand; ids are the XML reader's for the same rows.
"""

from __future__ import annotations

import zipfile
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline.text.ingest import decode_resolution
from pipeline.text.model import ParsedResolution
from pipeline.text.pdf import pdf_text
from pipeline.text.structure import parse_resolution

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"


@cache
def _parsed(member: str) -> ParsedResolution:
    if member.startswith("ga-pdf/"):
        with zipfile.ZipFile(SOURCES / "ga-pdf-sessions-78-80-sample.zip") as archive:
            return parse_resolution(pdf_text(archive.read(member), member))
    with zipfile.ZipFile(SOURCES / "sc-pdftext-1994-2014.zip") as archive:
        return parse_resolution(decode_resolution(archive.read(member), member)[0])


class Row(NamedTuple):
    member: str
    paragraph: str  # local paragraph id
    kind: str
    parent: str | None  # local id of the parent row
    starts: str
    ends: str  # starts == ends: the whole text
    why: str


ROWS = [
    # preambular paragraphs opening at a line start after a line ending with ","
    Row("sc-pdftext/2000-N0048559.txt", "pp6", "paragraph", None, "In this regard, calling on all the parties",
        "investigation and visits in the region,", 'a set phrase before the participle: "In this regard, calling"'),
    Row("sc-pdftext/2000-N0048559.txt", "pp12", "paragraph", None, "Welcoming the report of the Secretary-General of 13 June",
        "(S/2000/566),", "S/RES/1304(2000): every pp after pp6 was one off"),
    Row("sc-pdftext/2008-N0852589.txt", "pp3", "paragraph", None, "Further welcoming the continuing efforts",
        "build a stronger economy,", '"Further" + participle'),
    Row("sc-pdftext/2004-N0431863.txt", "pp3", "paragraph", None, "While noting the advances made",
        "children in armed conflict,", '"While" + participle'),
    Row("sc-pdftext/2008-N0865501.txt", "pp5", "paragraph", None, "Again taking into account the crisis situation",
        "Somalia’s territorial waters,", '"Again" + participle'),
    Row("sc-pdftext/2011-N1164769.txt", "pp12", "paragraph", None, "Re-emphasizing that the Government of Guinea-Bissau",
        "development in the country,", "a hyphenated lead word"),
    # a heading in the preamble is a row of its own (a pp row, as the GA XML prints it); the lead below opens the next
    Row("sc-pdftext/2014-N1458809.txt", "pp5", "paragraph", None, "Somalia", "Somalia", 'heading "Somalia" after "... the region,"'),
    Row("sc-pdftext/2014-N1458809.txt", "pp6", "paragraph", None, "Welcoming the recent high-level event on Somalia",
        "following up on their commitments,", "the paragraph under the preamble heading"),
    # no blank-line rule breaks blank-separated text: wrapped title words are not leads
    Row("ga-pdf/A_RES_78_180.pdf", "pp8", "paragraph", None, "Recalling also the Global Compact for Safe, Orderly and Regular",
        "resolution 73/195 of 19 December 2018,", '"Orderly and Regular Migration" after "Safe,": an -ly word grades no lead'),
    Row("ga-pdf/A_RES_79_120.pdf", "pp1", "paragraph", None, "Recalling its resolution 2099 (XX) of 20 December 1965",
        "friendly relations and cooperation among States,", '"Teaching, / Study, Dissemination": a base form is no lead'),
    # "5. (a) Decides ...": the number heads the items
    Row("sc-pdftext/2001-N0127608.txt", "op5", "paragraph", None, "", "", 'the number alone, "(a) Decides" is its item'),
    Row("sc-pdftext/2001-N0127608.txt", "op5(a)", "item", "op5", "Decides that all States shall take the necessary measures",
        "whether or not originating in their territories;", '"(a)" on the line of "5."'),
    Row("sc-pdftext/2001-N0127608.txt", "op5(d)", "item", "op5", "Affirms that the measures imposed by subparagraph (a)",
        "for their personal use only;", "the later items follow (a)"),
    # a heading inside a list of items: its own row, the items stay under the numbered paragraph
    Row("sc-pdftext/2005-N0539861.txt", "h1", "heading", None, "Monitoring of the cessation of hostilities",
        "movements of armed groups", 'after "... this resolution:", above "(a) To observe"'),
    Row("sc-pdftext/2005-N0539861.txt", "op2(d)", "item", "op2", "To assist the Government of National Reconciliation in undertaking",
        "cantonment and demobilization sites,", '"(d)" below the heading "Disarmament, demobilization, ..."'),
    # bullets: items •1, •2 ... under the chapeau or the unpunctuated item above them
    Row("sc-pdftext/2008-N0852583.txt", "op1(•1)", "item", "op1", "Liu Daqun (China)", "Liu Daqun (China)",
        '"– Liu Daqun (China)" under "... if sooner:"'),
    Row("sc-pdftext/2008-N0852583.txt", "op1(•4)", "item", "op1", "Mohamed Shahabuddeen (Guyana)", "Mohamed Shahabuddeen (Guyana)",
        "the fourth bullet, before a page foot"),
    Row("sc-pdftext/2011-N1143339.txt", "op7(a)(•1)", "item", "op7(a)", "To protect, without prejudice to the primary",
        "capabilities and areas of deployment,", 'a bullet under "(a) Protection of civilians"'),
    # headings above an annex marker and a statute's "Article 12" with its title line
    Row("sc-pdftext/2002-N0252281.txt", "h1", "heading", None, "International Tribunal for Rwanda",
        "International Tribunal for Rwanda", 'above "Annex I"'),
    Row("sc-pdftext/2002-N0252281.txt", "annexI:h2", "heading", None, "Article 12 Qualifications of judges",
        "Article 12 Qualifications of judges", '"Article 12" and its title, then unnumbered text'),
    Row("sc-pdftext/2002-N0252281.txt", "annexI:p1", "paragraph", None, "The permanent and ad litem judges shall be persons",
        "humanitarian law and human rights law.", "the article's text opens after its title line"),
]


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.member.split('/')[1]}-{r.paragraph}" for r in ROWS])
def test_segmentation_rule(row: Row) -> None:
    parsed = _parsed(row.member)
    document = parsed.header.document_id
    paragraph = next((p for p in parsed.paragraphs if p.paragraph_id == f"{document}:{row.paragraph}"), None)
    assert paragraph is not None, [p.paragraph_id for p in parsed.paragraphs]
    assert paragraph.kind == row.kind
    assert paragraph.parent_paragraph_id == (f"{document}:{row.parent}" if row.parent else None)
    if row.starts == row.ends:
        assert paragraph.text == row.starts
    else:
        assert paragraph.text.startswith(row.starts)
        assert paragraph.text.endswith(row.ends)
    assert parsed.residue == []
