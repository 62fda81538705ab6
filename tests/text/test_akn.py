"""Table-driven tests for the Akoma Ntoso reader (pipeline.text.akn) on real AKN4UN files.

The fixtures in tests/fixtures/akn are copied unchanged out of the vendored zips in data/sources:
ga_74_208 (unxml-ga 74session/English/74_208.xml), ga_77_5 (77session/English/A_RES_77_5-2225005E.xml),
ga_79_132 (79session/English/A_RES_79_132-2423098E.xml), ga_74_255_a_b (74session/English/74_255.xml),
sc_2504_2020 (2020/English/S_RES_2504 (2020)-2000407E.xml), sc_prst_2020_11 (2020/English/S_PRST_2020_11.xml),
sc_draft_2023_212 (Not adopted/English/S_2023_212-2305680E.xml), hrc_54_10 (54session/English/A_HRC_RES_54_10E.xml),
ecosoc_2021_21 (2021/English/E_RES_2021_21-2110316E.xml), ga_74_256 (74session/English/74_256.xml),
ga_79_280 (79session/English/A_RES_79_280-2506205E.xml), sc_1526_2004 (Pre-2020/2004/S_RES_1526_N0422669.xml),
sc_1543_2004 (Pre-2020/2004/S_RES_1543_N0435138.xml), sc_1672_2006 (Pre-2020/2006/S_RES_1672_N0632677.xml),
sc_2100_2013 (Pre-2020/2013/S_RES_2100_1331417e.xml). Expected values are read off the XML by hand.
"""

from __future__ import annotations

import html
import re
import zipfile
from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline.text.akn import parse_akn
from pipeline.text.model import ParsedResolution, ResolutionRejected
from pipeline.text.structure import parse_resolution

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "akn"


@cache
def xml(name: str) -> str:
    return (FIXTURES / f"{name}.xml").read_text(encoding="utf-8-sig")


@cache
def parsed(name: str) -> ParsedResolution:
    return parse_akn(xml(name))


class HeaderCase(NamedTuple):
    fixture: str
    document_id: str
    body: str
    resolution_number: str
    session: int | None
    title: str | None
    adopted_on: date
    distributed_on: date
    agenda_items: list[str]
    draft_symbol: str | None
    committee: str | None
    meeting: int | None
    vote: str | None


HEADERS = [
    HeaderCase("ga_74_208", "A/RES/74/208", "General Assembly", "74/208", 74, "Oil slick on Lebanese shores",
               date(2019, 12, 19), date(2020, 1, 15), ["19"], "A/74/381", "Second Committee", 52, None),
    HeaderCase("ga_77_5", "A/RES/77/5", "General Assembly", "77/5", 77,
               "Plenary meetings of the General Assembly on 8 and 9 December 2022 devoted to the consideration of the item entitled “Oceans and the law of the sea” and to the commemoration of the fortieth anniversary of the adoption and opening for signature of the United Nations Convention on the Law of the Sea",
               date(2022, 11, 2), date(2022, 11, 8), ["72 (a)"], "A/77/L.6", None, 27, None),
    HeaderCase("ga_79_132", "A/RES/79/132", "General Assembly", "79/132", 79,
               "Credentials of representatives to the seventy-ninth session of the General Assembly",
               date(2024, 12, 6), date(2024, 12, 12), ["3 (b)"], "A/79/613", None, 48, None),
    HeaderCase("ga_74_255_a_b", "A/RES/74/255A-B", "General Assembly", "74/255", 74, "United Nations common system",
               date(2019, 12, 27), date(2020, 1, 9), ["142"], "A/74/600", "Fifth Committee", 52, None),
    HeaderCase("sc_2504_2020", "S/RES/2504(2020)", "Security Council", "2504 (2020)", None, None,
               date(2020, 1, 10), date(2020, 1, 10), [], "S/2020/24", None, 8700, None),
    HeaderCase("hrc_54_10", "A/HRC/RES/54/10", "Human Rights Council", "54/10", 54,
               "Mandate of Special Rapporteur on the implications for human rights of the environmentally sound management and disposal of hazardous substances and wastes",
               date(2023, 10, 11), date(2023, 10, 13), ["3"], "A/HRC/54/L.13", None, 46, "Adopted without a vote."),
    HeaderCase("ecosoc_2021_21", "E/RES/2021/21", "Economic and Social Council", "2021/21", 2021,
               "Reducing reoffending through rehabilitation and reintegration",
               date(2021, 7, 22), date(2021, 7, 28), ["19 (c)"], "E/2021/30", None, 13, None),
]


@pytest.mark.parametrize("case", HEADERS, ids=[c.fixture for c in HEADERS])
def test_header_fields(case: HeaderCase) -> None:
    header = parsed(case.fixture).header
    for field in HeaderCase._fields[1:]:
        assert getattr(header, field) == getattr(case, field), field


class CountCase(NamedTuple):
    fixture: str
    preamble: int  # top-level paragraphs by section, as the documents table counts them
    operative: int
    annex: int
    items: int
    headings: int
    footnotes: int


COUNTS = [
    CountCase("ga_74_208", 11, 9, 0, 0, 0, 5),
    CountCase("ga_77_5", 4, 1, 3, 13, 1, 2),
    CountCase("ga_79_132", 1, 1, 0, 0, 0, 1),
    CountCase("sc_2504_2020", 6, 10, 0, 0, 0, 0),
    CountCase("hrc_54_10", 11, 13, 0, 4, 0, 7),  # markers 2-8: the XML lost footnote 1
    CountCase("ecosoc_2021_21", 0, 1, 13, 0, 0, 6),  # the recommended draft (5 + 8 rows) reads as an annex
    # sections I and II each open with two <crossHeading refersTo="#preamble"> blocks inside <mainBody>
    CountCase("ga_74_256", 4, 25, 0, 0, 2, 2),
    # four "•" points of paragraph 1 are items, not text of the paragraph
    CountCase("sc_1672_2006", 4, 2, 0, 4, 0, 0),
    # the markup interleaves <mainBody> (one "Appalled by" paragraph), <preamble> (39 containers) and a second
    # <mainBody> (48 numbered paragraphs): every block is read, in document order
    CountCase("hrc_58_2", 40, 48, 0, 0, 0, 1),
]


@pytest.mark.parametrize("case", COUNTS, ids=[c.fixture for c in COUNTS])
def test_rows_per_section(case: CountCase) -> None:
    rows = parsed(case.fixture).paragraphs
    top = [p for p in rows if p.kind == "paragraph"]
    assert sum(p.section == "preamble" for p in top) == case.preamble
    assert sum(p.section == "operative" for p in top) == case.operative
    assert sum(p.section == "annex" for p in top) == case.annex
    assert sum(p.kind == "item" for p in rows) == case.items
    assert sum(p.kind == "heading" for p in rows) == case.headings
    assert len(parsed(case.fixture).footnotes) == case.footnotes
    assert parsed(case.fixture).residue == []
    assert [p.ordinal for p in rows] == list(range(1, len(rows) + 1))


class RowCase(NamedTuple):
    fixture: str
    paragraph_id: str
    section: str
    kind: str
    number: int | None
    item: str | None
    parent: str | None
    starts: str
    ends: str


ROWS = [
    RowCase("ga_74_208", "A/RES/74/208:pp1", "preamble", "paragraph", None, None, None,
            "Recalling its resolutions 61/194 of 20 December 2006, 62/188 of 19 December 2007,", "on the oil slick on Lebanese shores,"),
    # footnote 4 (an authorialNote) and its later <sup>4</sup> back-reference both leave the text
    RowCase("ga_74_208", "A/RES/74/208:pp9", "preamble", "paragraph", None, None, None,
            "Acknowledging also the conclusions", "set out in the report of the Secretary-General,"),
    RowCase("ga_74_208", "A/RES/74/208:op1", "operative", "paragraph", 1, None, None,
            "Takes note of the report of the Secretary-General;", "Takes note of the report of the Secretary-General;"),
    RowCase("ga_74_208", "A/RES/74/208:op9", "operative", "paragraph", 9, None, None,
            "Recognizes the multidimensionality", "under the item entitled “Sustainable development”."),
    RowCase("ga_77_5", "A/RES/77/5:opu1", "operative", "paragraph", None, None, None,
            "Decides to adopt the organizational arrangements", "as outlined in the annex to the present resolution."),
    RowCase("ga_77_5", "A/RES/77/5:annex:h1", "annex", "heading", None, None, None,
            "Organizational arrangements for the plenary meetings", "Convention on the Law of the Sea"),
    # "(a)<tab>Two plenary meetings ..." typed into an unnumbered <paragraph>: an item of annex paragraph 1
    RowCase("ga_77_5", "A/RES/77/5:annex:op1(a)", "annex", "item", 1, "a", "A/RES/77/5:annex:op1",
            "Two plenary meetings, on 8 December 2022,", "opening for signature of the United Nations Convention on the Law of the Sea;"),
    RowCase("ga_77_5", "A/RES/77/5:annex:op2(k)", "annex", "item", 2, "k", "A/RES/77/5:annex:op2",
            "Chairperson of the Commission on the Limits of the Continental Shelf, Adnan Al-Azri.", "Adnan Al-Azri."),
    RowCase("ga_79_132", "A/RES/79/132:opu1", "operative", "paragraph", None, None, None,
            "Approves the report of the Credentials Committee.", "Approves the report of the Credentials Committee."),
    # no final punctuation in the XML: the text is kept as printed
    RowCase("sc_2504_2020", "S/RES/2504(2020):pp6", "preamble", "paragraph", None, None, None,
            "Underscoring that Member States are obligated under Article 25", "to accept and carry out the Council’s decisions"),
    RowCase("sc_2504_2020", "S/RES/2504(2020):op10", "operative", "paragraph", 10, None, None,
            "Decides to remain actively seized of the matter.", "Decides to remain actively seized of the matter."),
    # a <list> intro is the paragraph's own text; its points are items
    RowCase("hrc_54_10", "A/HRC/RES/54/10:op1", "operative", "paragraph", 1, None, None,
            "Takes note of the report submitted by the Special Rapporteur", "which may include information on:"),
    RowCase("hrc_54_10", "A/HRC/RES/54/10:op1(a)", "operative", "item", 1, "a", "A/HRC/RES/54/10:op1",
            "The adverse consequences for persons in vulnerable situations;", "in vulnerable situations;"),
    RowCase("hrc_54_10", "A/HRC/RES/54/10:op1(d)", "operative", "item", 1, "d", "A/HRC/RES/54/10:op1",
            "Human rights issues relating to all business enterprises", "disposal of hazardous substances and wastes;"),
    # a collection of lettered resolutions: each part's rows carry its letter
    RowCase("ga_74_255_a_b", "A/RES/74/255A-B:A:op1", "operative", "paragraph", 1, None, None,
            "Reaffirms the authority of the International Civil Service Commission", ";"),
    RowCase("ga_74_255_a_b", "A/RES/74/255A-B:B:op2", "operative", "paragraph", 2, None, None,
            "Welcomes the report of the Commission for 2019;", "Welcomes the report of the Commission for 2019;"),
    RowCase("ga_74_255_a_b", "A/RES/74/255A-B:B:h2", "operative", "heading", None, None, None,
            "II. Conditions of service of staff in the Professional and higher categories", "higher categories"),
    RowCase("ecosoc_2021_21", "E/RES/2021/21:opu1", "operative", "paragraph", None, None, None,
            "Recommends to the General Assembly the adoption of the following draft resolution:", "draft resolution:"),
    RowCase("ecosoc_2021_21", "E/RES/2021/21:draft:op1", "annex", "paragraph", 1, None, None,
            "Encourages Member States to develop comprehensive strategies", ";"),
    # a section's preamble inside <mainBody> (refersTo="#preamble"): preamble rows, numbered on from pp1
    RowCase("ga_74_256", "A/RES/74/256:pp2", "preamble", "paragraph", None, None, None,
            "Having considered the report of the Office of Internal Oversight Services", "1 July 2018 to 30 June 2019,"),
    RowCase("ga_74_256", "A/RES/74/256:op1", "operative", "paragraph", 1, None, None,
            "Reaffirms its primary role", "action taken on reports submitted to it;"),
    # a participle-led <p> in <mainBody> before paragraph 1: the last preamble paragraph
    RowCase("sc_1543_2004", "S/RES/1543(2004):pp11", "preamble", "paragraph", None, None, None,
            "Remaining fully committed to the promotion of security", "stability in Timor-Leste,"),
    # <paragraph><num>–</num>: a bullet item of the chapeau above it, labelled by position, without the dash;
    # the annex ("Annex to resolution 1526 (2004)", after "Decides to remain actively seized") sits in <mainBody>
    RowCase("sc_1526_2004", "S/RES/1526(2004):annex:p1(•1)", "annex", "item", None, "•1", "S/RES/1526(2004):annex:p1",
            "To collate, assess, monitor and report on", "as directed by the Committee;"),
    RowCase("sc_1526_2004", "S/RES/1526(2004):annex:p1(•2)", "annex", "item", None, "•2", "S/RES/1526(2004):annex:p1",
            "To submit a comprehensive programme of work", "including proposed travel;"),
    # <point><num>•</num>: items of paragraph 1, whose own text stops at its chapeau
    RowCase("sc_1672_2006", "S/RES/1672(2006):op1", "operative", "paragraph", 1, None, None,
            "Decides that all States shall implement the measures", "with respect to the following individuals:"),
    RowCase("sc_1672_2006", "S/RES/1672(2006):op1(•4)", "operative", "item", 1, "•4", "S/RES/1672(2006):op1",
            "Gabril Abdul Kareem Badri", "Field Commander)"),
    # unnumbered "To ..." / "In support of ..., to ..." <paragraph>s after an item heading "(e) Support for ...":
    # its sub-items, not operative paragraphs
    RowCase("sc_2100_2013", "S/RES/2100(2013):op16(e)(•1)", "operative", "item", 16, "•1", "S/RES/2100(2013):op16(e)",
            "In support of the transitional authorities of Mali, to contribute", "in close coordination with humanitarian actors;"),
    RowCase("sc_2100_2013", "S/RES/2100(2013):op16(f)(•1)", "operative", "item", 16, "•1", "S/RES/2100(2013):op16(f)",
            "To assist the transitional authorities of Mali, as necessary and feasible,", "in collaboration with UNESCO;"),
    # a quoted text under "... continues to read as follows:" is a quoted item of that paragraph
    RowCase("ga_79_280", "A/RES/79/280:op1(•2)", "operative", "item", 1, "•2", "A/RES/79/280:op1",
            "“(b) On promotion, a staff member", "the granting of two steps at the lower level.”"),
]


@pytest.mark.parametrize("case", ROWS, ids=[c.paragraph_id for c in ROWS])
def test_paragraph_rows(case: RowCase) -> None:
    by_id = {p.paragraph_id: p for p in parsed(case.fixture).paragraphs}
    row = by_id[case.paragraph_id]
    assert (row.section, row.kind, row.number, row.item, row.parent_paragraph_id) == (
        case.section, case.kind, case.number, case.item, case.parent)
    assert row.text.startswith(case.starts)
    assert row.text.endswith(case.ends)
    assert row.text == re.sub(r"\s+", " ", row.text).strip()


@cache
def member(archive: str, path: str) -> ParsedResolution:
    """One resolution read straight out of a vendored zip in data/sources."""
    with zipfile.ZipFile(ROOT / "data" / "sources" / archive) as zipped:
        return parse_akn(zipped.read(path).decode("utf-8-sig"))


class MemberRowCase(NamedTuple):
    archive: str
    member: str
    paragraph_id: str
    section: str
    kind: str
    parent: str | None
    starts: str
    ends: str = ""


SC = "unxml-sc-2000-2026.zip"
GA = "unxml-ga-sessions-74-80.zip"
MEMBER_ROWS = [
    # an "ANNEX 1 - ..." heading inside <mainBody>: it and the plan's numbered points are annex rows
    MemberRowCase(SC, "unxml-sc-2000-2026/2025/English/S_RES_2803-2518686E.xml", "S/RES/2803(2025):annex1:h1",
                  "annex", "heading", None, "ANNEX 1 - President Donald J. Trump’s Comprehensive Plan"),
    MemberRowCase(SC, "unxml-sc-2000-2026/2025/English/S_RES_2803-2518686E.xml", "S/RES/2803(2025):annex1:op1",
                  "annex", "paragraph", None, "Gaza will be a deradicalized terror-free zone"),
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2005/S_RES_1617_N0544660.xml", "S/RES/1617(2005):annexI:p1",
                  "annex", "paragraph", None, "In accordance with paragraph 19 of this resolution, the Monitoring Team"),
    # no annex heading: what follows "Decides to remain seized of the matter." (procedures, forms) is annexed
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2002/S_RES_1409_N0238115.xml", "S/RES/1409(2002):annex:p1",
                  "annex", "paragraph", None, "Procedures 1 – The following procedures replace paragraphs 29 to 34"),
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2002/S_RES_1409_N0238115.xml", "S/RES/1409(2002):op9",
                  "operative", "paragraph", None, "Decides to remain seized of the matter."),
    # an unlabelled "Ensure ..." <paragraph> after the item heading "(iii) Protection of the United Nations"
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2017/S_RES_2348_1705210E.xml", "S/RES/2348(2017):op34(iii)(•1)",
                  "operative", "item", "S/RES/2348(2017):op34(iii)", "Ensure the protection of United Nations personnel"),
    # a lead-less <subheading> ending ":" between numbered paragraphs is a heading
    MemberRowCase(SC, "unxml-sc-2000-2026/2022/English/S_RES_2625 (2022)-2203832E.xml", "S/RES/2625(2022):h5",
                  "operative", "heading", None, "Reporting:"),
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2003/S_RES_1509_N0352570.xml", "S/RES/1509(2003):h3",
                  "operative", "heading", None, "Support for Security Reform:"),
    # "<num>–</num>" bullets after a numbered paragraph ending ";" are its items
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2014/S_RES_2171_1459579E.xml", "S/RES/2171(2014):op7(•1)",
                  "operative", "item", "S/RES/2171(2014):op7", "United Nations regional offices;"),
    # a quoted "“Annex" heading after the operative paragraph opens the annexed declaration
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2003/S_RES_1467_N0328598.xml", "S/RES/1467(2003):annex:p1",
                  "annex", "paragraph", None, "“The Security Council expresses its profound concern"),
    # "<p>7<tab>Further underlines": the number of the next paragraph typed without its dot
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2001/S_RES_1345_N0129889.xml", "S/RES/1345(2001):op7",
                  "operative", "paragraph", None, "Further underlines the requirement for all parties"),
    # "(d) otherwise supporting acts or activities of;" then an unnumbered "Al-Qaida, ...;": op2's wrap-up
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2008/S_RES_1822_N0840490.xml", "S/RES/1822(2008):op2",
                  "operative", "paragraph", None, "Reaffirms that acts or activities indicating",
                  "include: Al-Qaida, Usama bin Laden or the Taliban, or any cell, affiliate, splinter group or derivative thereof;"),
    # "<p>6.\u200e<tab>Reaffirms": a typed label with a left-to-right mark after it
    MemberRowCase(GA, "unxml-ga-sessions-74-80/74session/English/74_258.xml", "A/RES/74/258:op6",
                  "operative", "paragraph", None, "Reaffirms its decision, contained in paragraph 4"),
    # "Сalls upon" typed with a Cyrillic С: read as the Latin letter it looks like
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2017/S_RES_2341_1702174E.xml", "S/RES/2341(2017):op4",
                  "operative", "paragraph", None, "Calls upon Member States to explore ways"),
    # "Being concerned over cases ..., " in <mainBody> before paragraph 1: the last preamble paragraph
    MemberRowCase(SC, "unxml-sc-2000-2026/Pre-2020/2010/S_RES_1918_N1033139.xml", "S/RES/1918(2010):pp17",
                  "preamble", "paragraph", None, "Being concerned over cases when persons suspected of piracy"),
]


@pytest.mark.parametrize("case", MEMBER_ROWS, ids=[c.paragraph_id for c in MEMBER_ROWS])
def test_rows_of_archive_members(case: MemberRowCase) -> None:
    by_id = {p.paragraph_id: p for p in member(case.archive, case.member).paragraphs}
    row = by_id[case.paragraph_id]
    assert (row.section, row.kind, row.parent_paragraph_id) == (case.section, case.kind, case.parent)
    assert row.text.startswith(case.starts)
    assert row.text.endswith(case.ends)


class FootnoteCase(NamedTuple):
    fixture: str
    number: int
    paragraph_id: str
    text: str


FOOTNOTES = [
    FootnoteCase("ga_74_208", 1, "A/RES/74/208:pp2",
                 "See Report of the United Nations Conference on the Human Environment, Stockholm, 5–16 June 1972 (A/CONF.48/14/Rev.1), part one, chap. I."),
    FootnoteCase("ga_74_208", 4, "A/RES/74/208:pp9", "A/74/225."),  # op1's later <sup>4</sup> is not a new footnote
    FootnoteCase("ga_74_208", 5, "A/RES/74/208:op4", "A/62/343."),
    FootnoteCase("ga_79_132", 1, "A/RES/79/132:opu1", "A/79/613."),
    FootnoteCase("hrc_54_10", 2, "A/HRC/RES/54/10:pp11", "A/76/207."),
    FootnoteCase("hrc_54_10", 8, "A/HRC/RES/54/10:op1", "A/HRC/54/25."),
    FootnoteCase("ga_74_255_a_b", 2, "A/RES/74/255A-B:B:pp2",
                 "Official Records of the General Assembly, Seventy-fourth Session, Supplement No. 30 (A/74/30)."),
    FootnoteCase("ecosoc_2021_21", 2, "E/RES/2021/21:draft:p1", "Ibid., chap. I, resolution 1."),
]


@pytest.mark.parametrize("case", FOOTNOTES, ids=[f"{c.fixture}:{c.number}" for c in FOOTNOTES])
def test_footnotes_attach_where_their_marker_stands(case: FootnoteCase) -> None:
    found = [f for f in parsed(case.fixture).footnotes if f.number == case.number]
    assert [(f.paragraph_id, f.text) for f in found] == [(case.paragraph_id, case.text)]


@pytest.mark.parametrize("fixture", ["ga_74_208", "ga_77_5", "sc_2504_2020", "hrc_54_10", "ecosoc_2021_21", "ga_74_255_a_b",
                                     "ga_74_256", "sc_1526_2004", "sc_1672_2006", "sc_2100_2013", "ga_79_280"])
def test_offsets_point_at_the_row_in_the_xml(fixture: str) -> None:
    """Every row's span in the XML, markup removed, begins with its first word and ends with its last character."""
    source = xml(fixture)
    for row in [*parsed(fixture).paragraphs, *parsed(fixture).footnotes]:
        span = html.unescape(re.sub(r"<[^>]*>", "", source[row.char_start : row.char_end]))
        first_word = row.text.split(" ")[0]
        assert span.startswith(first_word.rstrip(".")), (row, span[:40])  # a heading's "II" is printed "II."
        assert span.endswith(row.text[-1]) or row.text.endswith(f"{span[-1]}."), (row, span[-40:])


class RejectCase(NamedTuple):
    fixture: str
    reason: str
    says: str


REJECTIONS = [
    RejectCase("sc_prst_2020_11", "presidential_statement", "S/PRST/2020/11 is a presidential statement"),
    RejectCase("sc_draft_2023_212", "not_adopted", "S/2023/212 is a draft resolution that was not adopted"),
]


@pytest.mark.parametrize("case", REJECTIONS, ids=[c.fixture for c in REJECTIONS])
def test_rejections_name_what_was_found(case: RejectCase) -> None:
    with pytest.raises(ResolutionRejected) as raised:
        parse_akn(xml(case.fixture))
    assert raised.value.reason == case.reason
    assert case.says in str(raised.value)


@pytest.mark.parametrize(("source", "reason"), [
    ("<akomaNtoso><statement name='resolution'>", "malformed_xml"),
    (xml("ga_79_132").replace('language="eng"', 'language="fra"'), "not_english"),
])
def test_rejections_of_broken_or_other_language_files(source: str, reason: str) -> None:
    with pytest.raises(ResolutionRejected) as raised:
        parse_akn(source)
    assert raised.value.reason == reason


# The PDF text form of the same resolution gives the same ids and texts, except where the PDF's
# line breaks left the text parser a wrong hyphen join (checked against the printed PDF: the XML is right).
TEXT_PARSER_ERRORS = {
    "A/RES/74/208:pp6": ("vis- à-vis", "vis-à-vis"),
}


@pytest.mark.parametrize(("fixture", "text_file"), [("ga_74_208", "A_RES_74_208.txt"), ("ga_77_5", "A_RES_77_5.txt")])
def test_xml_and_text_forms_agree(fixture: str, text_file: str) -> None:
    text_form = parse_resolution((ROOT / "data" / "raw" / text_file).read_text(encoding="utf-8"))
    xml_form = parsed(fixture)
    assert text_form.header.document_id == xml_form.header.document_id
    assert [p.paragraph_id for p in text_form.paragraphs] == [p.paragraph_id for p in xml_form.paragraphs]
    for text_row, xml_row in zip(text_form.paragraphs, xml_form.paragraphs, strict=True):
        wrong, right = TEXT_PARSER_ERRORS.get(text_row.paragraph_id, ("", ""))
        assert (text_row.text.replace(wrong, right) if wrong else text_row.text) == xml_row.text, text_row.paragraph_id
        assert (text_row.kind, text_row.number, text_row.item, text_row.parent_paragraph_id) == (
            xml_row.kind, xml_row.number, xml_row.item, xml_row.parent_paragraph_id)
    assert [(f.number, f.paragraph_id, f.text) for f in text_form.footnotes] == [
        (f.number, f.paragraph_id, f.text) for f in xml_form.footnotes]
    for field in ("title", "adopted_on", "distributed_on", "agenda_items", "draft_symbol", "committee", "meeting"):
        assert getattr(text_form.header, field) == getattr(xml_form.header, field), field
