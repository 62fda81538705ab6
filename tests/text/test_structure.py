"""Structure parser: header fields, paragraphs, sub-items, page breaks and footnotes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.text.model import Paragraph
from pipeline.text.paragraphs import ParagraphSource
from pipeline.text.structure import ResolutionRejected, parse_resolution, parse_with_sources

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "raw" / "A_RES_72_284.txt"
RAW_TEXTS = sorted((ROOT / "data" / "raw").glob("*.txt"))

GA_HEADER = """General Assembly

Distr.: General
2 July 2018

Seventy-second session

Agenda item 118

Resolution adopted by the General Assembly on 26 June 2018

[without reference to a Main Committee ([A/72/L.62](#))]

72/284. A test resolution

The General Assembly,

"""


def _parse(body: str):
    return parse_resolution(GA_HEADER + body)


def _texts(parsed):
    return [(p.paragraph_id.split(":", 1)[1], p.text) for p in parsed.paragraphs]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # page break in mid-sentence, footnote printed at the foot of the page
        ("Recalling its work in building the\n\n¹ [A/71/858](#).\n\n\n\ncapacity of Member States,\n\n"
         "1. *Decides* to act.",
         [("pp1", "Recalling its work in building the capacity of Member States,"), ("op1", "Decides to act.")]),
        # footnote marker after punctuation
        ("Recalling the Declaration on a Culture of Peace,²\n\n² Resolutions 53/243 A and B.\n\n1. *Decides* to act.",
         [("pp1", "Recalling the Declaration on a Culture of Peace,"), ("op1", "Decides to act.")]),
        # sub-items with their own rows
        ("Noting the report,\n\n1. *Requests* the Secretary-General:\n\n(a) To report;\n\n(b) To brief;\n\n"
         "2. *Decides* to remain seized of the matter.",
         [("pp1", "Noting the report,"), ("op1", "Requests the Secretary-General:"), ("op1(a)", "To report;"),
          ("op1(b)", "To brief;"), ("op2", "Decides to remain seized of the matter.")]),
        # nested (i) under (a)
        ("1. *Decides*:\n\n(a) That:\n\n(i) one;\n\n(ii) two;\n\n(b) Also;",
         [("op1", "Decides:"), ("op1(a)", "That:"), ("op1(a)(i)", "one;"), ("op1(a)(ii)", "two;"), ("op1(b)", "Also;")]),
        # markdown escapes and links
        ("1. *Recalls* Security Council resolution 2178 \\(2014\\) and [A/70/674](#);",
         [("op1", "Recalls Security Council resolution 2178 (2014) and A/70/674;")]),
        # hard-wrapped PDF text with a running header inside a paragraph and a wrapped hyphen
        ("Recalling its resolution 60/288 on the non-\ngovernmental sector and the \n\nA/RES/72/284 \nA test resolution\n \n"
         "18-10782 \n2/18 \n \nStrategy of 2006, \n \n1. \nDecides to act. \n",
         [("pp1", "Recalling its resolution 60/288 on the non-governmental sector and the Strategy of 2006,"),
          ("op1", "Decides to act.")]),
        # a new sentence on a new line inside a numbered paragraph is not a new paragraph
        ("1. Our humanity demands it. We seek\npeace.\nWe therefore:\n\n(a) Commit to act;",
         [("op1", "Our humanity demands it. We seek peace. We therefore:"), ("op1(a)", "Commit to act;")]),
        # a capitalised line after a colon continues a title
        ("Recalling the Almaty Programme of Action:\nAddressing the Special Needs of Countries,\n\n1. *Decides* to act.",
         [("pp1", "Recalling the Almaty Programme of Action: Addressing the Special Needs of Countries,"),
          ("op1", "Decides to act.")]),
        # raw PDF text layer without blank lines: paragraphs found by their lead words
        ("Recalling its resolution 943 (1994),\nWelcoming the measures taken by the\nauthorities,\n"
         "Acting under Chapter VII of the Charter,\n1. Decides that the measures\nshall be suspended;\n"
         "2. Requests the Secretary-General to report;",
         [("pp1", "Recalling its resolution 943 (1994),"), ("pp2", "Welcoming the measures taken by the authorities,"),
          ("pp3", "Acting under Chapter VII of the Charter,"), ("op1", "Decides that the measures shall be suspended;"),
          ("op2", "Requests the Secretary-General to report;")]),
        # the annex title and roman-numbered headings are headings, not tails of paragraphs
        ("1. *Endorses* the declaration annexed;\n\n2. *Expresses* gratitude.\n\n18th plenary meeting\n14 October 2025\n\n"
         "Annex\nAwaza Political Declaration\n\n1. We welcome the Programme.\nI. \nGlobal context and commitments\n"
         "2. We recall the Agenda.",
         [("op1", "Endorses the declaration annexed;"), ("op2", "Expresses gratitude."),
          ("annex:h1", "Awaza Political Declaration"), ("annex:op1", "We welcome the Programme."),
          ("annex:h2", "I. Global context and commitments"), ("annex:op2", "We recall the Agenda.")]),
    ],
)
def test_paragraph_segmentation(body: str, expected: list[tuple[str, str]]) -> None:
    assert _texts(_parse(body)) == expected


def test_sub_item_parents() -> None:
    parsed = _parse("1. *Decides*:\n\n(a) That:\n\n(i) one;\n\n(b) Also;")
    parents = {p.paragraph_id.split(":", 1)[1]: (p.parent_paragraph_id or ":").split(":", 1)[1] for p in parsed.paragraphs}
    assert parents == {"op1": "", "op1(a)": "op1", "op1(a)(i)": "op1(a)", "op1(b)": "op1"}


def test_footnote_linked_to_marker_paragraph() -> None:
    parsed = _parse("Recalling the Strategy,¹\n\nNoting the report,\n\n¹ Resolution 60/288.\n\n1. *Decides* to act.")
    assert [(f.number, f.text, f.paragraph_id) for f in parsed.footnotes] == [
        (1, "Resolution 60/288.", "A/RES/72/284:pp1")
    ]


def test_pdf_footnote_marker_glued_to_word() -> None:
    body = ("Recalling the Global Plan of Action1 and the \n2030 Agenda, 2 \n__________________ \n \n"
            "1  Resolution 64/293. \n \n2  Resolution 70/1. \n\nA/RES/72/284 \n2/6 \n \n1. \nDecides to act. \n")
    parsed = _parse(body)
    assert parsed.paragraphs[0].text == "Recalling the Global Plan of Action and the 2030 Agenda,"
    assert [(f.number, f.text, f.paragraph_id) for f in parsed.footnotes] == [
        (1, "Resolution 64/293.", "A/RES/72/284:pp1"), (2, "Resolution 70/1.", "A/RES/72/284:pp1")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("Hello world, this is a letter.", "no opening"),
        (GA_HEADER + "Recalling its earlier resolutions,\n\nNoting the report,\n", "no operative paragraph"),
    ],
)
def test_rejected_texts_say_why(text: str, reason: str) -> None:
    with pytest.raises(ResolutionRejected, match=reason):
        parse_resolution(text)


def test_seed_header() -> None:
    header = parse_resolution(SEED.read_text(encoding="utf-8")).header
    assert (header.document_id, header.body, header.session, header.agenda_items) == (
        "A/RES/72/284", "General Assembly", 72, ["118"])
    assert (header.adopted_on, header.distributed_on) == (date(2018, 6, 26), date(2018, 7, 2))
    assert (header.draft_symbol, header.committee, header.meeting) == ("A/72/L.62", None, 101)
    assert header.title == "The United Nations Global Counter-Terrorism Strategy Review"


def test_seed_paragraphs_and_footnotes() -> None:
    parsed = parse_resolution(SEED.read_text(encoding="utf-8"))
    operative = [p for p in parsed.paragraphs if p.section == "operative"]
    assert [p.number for p in operative] == list(range(1, 86))
    assert sum(p.section == "preamble" for p in parsed.paragraphs) == 38
    for paragraph in parsed.paragraphs:
        assert "*" not in paragraph.text and "](#)" not in paragraph.text
        assert not any(char in paragraph.text for char in "¹²³⁴⁵⁶⁷⁸⁹⁰")
    links = {f.number: f.paragraph_id.split(":")[1] for f in parsed.footnotes}
    assert links == {1: "pp3", 2: "pp7", 3: "pp26", 4: "pp34", 5: "op2", 6: "op18", 7: "op19", 8: "op19",
                     9: "op49", 10: "op57", 11: "op77"}
    op8 = next(p for p in parsed.paragraphs if p.paragraph_id.endswith(":op8"))
    assert "and calls upon Member States" in op8.text


@pytest.mark.parametrize("path", RAW_TEXTS, ids=lambda p: p.name)
def test_nothing_lost(path: Path) -> None:
    """Every non-blank body line lies inside a paragraph or footnote, or is header, closing or page furniture."""
    raw = path.read_text(encoding="utf-8")
    parsed, sources = parse_with_sources(raw)
    assert parsed.residue == []
    spans = [(p.char_start, p.char_end) for p in parsed.paragraphs] + [(f.char_start, f.char_end) for f in parsed.footnotes]
    for line in parsed.lines:
        if line.kind == "body":
            assert any(start <= line.start + len(line.text) - len(line.text.lstrip()) < end for start, end in spans), line
    assert not restored_hyphens(parsed.paragraphs, sources, raw)  # these texts keep their line-end hyphens


# pdftotext plain drops a line-end hyphen and joins the lines ("Non-SelfGoverning", "Secretary General");
# -layout keeps it. Fixtures: tests/fixtures/real/SOURCES.md.
@pytest.mark.parametrize(("name", "restored"), [
    ("ga_A-RES-78-101.pdftotext.txt", 4), ("ga_A-RES-78-108.pdftotext.txt", 1), ("ga_A-RES-78-118.pdftotext.txt", 3),
    ("ga_A-RES-78-101.pdftotext-layout.txt", 0), ("ga_A-RES-78-118.pdftotext-layout.txt", 0),
    ("ga_A-RES-80-102.pdftotext.txt", 7),  # one at the footnote rule glued to "Non-Self"
])
def test_nothing_lost_but_restored_hyphens(name: str, restored: int) -> None:
    raw = (ROOT / "tests/fixtures/real" / name).read_text(encoding="utf-8")
    parsed, sources = parse_with_sources(raw)
    assert restored_hyphens(parsed.paragraphs, sources, raw) == restored


def restored_hyphens(paragraphs: list[Paragraph], sources: list[ParagraphSource], raw: str) -> int:
    """Every paragraph text is a subsequence of its raw stretch (a non-breaking hyphen read as "-"), save
    the hyphens restored where an extractor dropped a compound's hyphen with the line break: counted."""
    restored = 0
    for paragraph, source in zip(paragraphs, sources, strict=True):
        assert source.spanned.text == paragraph.text, paragraph.paragraph_id
        inserted = set(source.spanned.inserted)
        assert all(paragraph.text[k] == "-" for k in inserted), paragraph.paragraph_id
        restored += len(inserted)
        own = "".join(char for k, char in enumerate(paragraph.text) if k not in inserted)
        stretch = raw[paragraph.char_start : paragraph.char_end].replace("\u2011", "-")
        assert _is_subsequence("".join(own.split()), "".join(stretch.split())), paragraph.paragraph_id
    return restored


def _is_subsequence(needle: str, haystack: str) -> bool:
    position = 0
    for char in needle:
        position = haystack.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


FIXTURES = ROOT / "tests" / "fixtures"


@pytest.mark.parametrize(
    ("name", "document_id", "body", "adopted_on", "ids"),
    [
        ("hrc_form.txt", "A/HRC/RES/37/1", "Human Rights Council", date(2018, 3, 22), ["pp1", "pp2", "op1", "op2"]),
        ("sc_modern_form.txt", "S/RES/2139(2014)", "Security Council", date(2014, 2, 22),
         ["pp1", "pp2", "op1", "op2", "op3", "op4"]),
    ],
)
def test_other_bodies(name: str, document_id: str, body: str, adopted_on: date, ids: list[str]) -> None:
    parsed = parse_resolution((FIXTURES / name).read_text(encoding="utf-8"))
    assert (parsed.header.document_id, parsed.header.body, parsed.header.adopted_on) == (document_id, body, adopted_on)
    assert [p.paragraph_id.split(":", 1)[1] for p in parsed.paragraphs] == ids
    assert parsed.residue == []
    last = parsed.paragraphs[-1].text
    assert last.endswith(("fortieth session.", "seized of the matter."))


def test_hrc_header_vote_and_footnote() -> None:
    parsed = parse_resolution((FIXTURES / "hrc_form.txt").read_text(encoding="utf-8"))
    assert parsed.header.session == 37 and parsed.header.meeting == 55
    assert parsed.header.title == "Ensuring accountability and justice for all violations of international law"
    assert parsed.header.vote.startswith("Adopted by a recorded vote of 27 to 4")
    assert [(f.number, f.text, f.paragraph_id) for f in parsed.footnotes] == [(1, "See A/HRC/31/40.", "A/HRC/RES/37/1:pp2")]
    assert parsed.paragraphs[1].text.endswith("the Human Rights Council,")


@pytest.mark.parametrize(
    ("sentence", "clean"),
    [
        ("Recalling the Paris Principles. 1 In this regard, it acts,", "Recalling the Paris Principles. In this regard, it acts,"),
        ("Recalling the document entitled “The future we want”,1 which it endorsed,", "Recalling the document entitled “The future we want”, which it endorsed,"),
        ("Recalling the Rules (the Bangkok Rules);1 and noting them,", "Recalling the Rules (the Bangkok Rules); and noting them,"),
        ("Recalling the letter of the Representative of Lebanon 1 and others,", "Recalling the letter of the Representative of Lebanon and others,"),
        ("Recalling chapter 17 of Agenda 21,1", "Recalling chapter 17 of Agenda 21,"),
        ("Recalling the Plan of Action1 and its review,", "Recalling the Plan of Action and its review,"),
        ("Recalling the summit held on 16 September 20051 and its outcome,", "Recalling the summit held on 16 September 2005 and its outcome,"),
    ],
)
def test_pdf_footnote_marker_forms(sentence: str, clean: str) -> None:
    body = (f"{sentence} \n__________________ \n \n1  Resolution 60/1. \n\nA/RES/72/284 \n2/6 \n \n"
            "1. \nDecides to act. \n")
    parsed = _parse(body)
    assert parsed.paragraphs[0].text == clean
    assert [(f.number, f.paragraph_id) for f in parsed.footnotes] == [(1, "A/RES/72/284:pp1")]


def test_wrapped_footnote_line_opening_with_a_number_continues_the_footnote() -> None:
    body = ("Recalling the Rio Declaration,1 and Agenda 21,2 \n__________________ \n \n"
            "1 Report of the Conference, Rio de Janeiro, \n3 – 14 June 1992, vol. I. \n \n2 Ibid., annex II. \n\n"
            "A/RES/72/284 \n2/6 \n \n1. \nDecides to act. \n")
    footnotes = _parse(body).footnotes
    assert [(f.number, f.text) for f in footnotes] == [
        (1, "Report of the Conference, Rio de Janeiro, 3 – 14 June 1992, vol. I."), (2, "Ibid., annex II.")]


def test_markdown_headings_and_bold_opener_are_tolerated() -> None:
    raw = SEED.read_text(encoding="utf-8")
    markdown = (raw.replace("\nGeneral Assembly\n", "\n# General Assembly\n", 1)
                .replace("72/284. The", "## 72/284. The", 1)
                .replace("The General Assembly,\n", "**The General Assembly,**\n", 1))
    plain, styled = parse_resolution(raw), parse_resolution(markdown)
    assert styled.header.title == plain.header.title
    assert [(p.paragraph_id, p.text) for p in styled.paragraphs] == [(p.paragraph_id, p.text) for p in plain.paragraphs]
