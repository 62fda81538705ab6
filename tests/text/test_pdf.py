"""The PDF reader on original ODS PDFs (data/sources/ga-pdf-sessions-78-80-sample.zip) and on bad input.

Expected texts were read by hand off the printed PDFs; where the PDF itself spaces a word apart
("obs ervance", "th e", "micro -,") or breaks a compound at a line end ("Non-Self-/Governing",
"case-by-/case"), the expected text is the word as printed.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pipeline.text.ingest import InputRejected
from pipeline.text.pdf import pdf_text
from pipeline.text.structure import parse_resolution

PDFS = Path(__file__).resolve().parents[2] / "data" / "sources" / "ga-pdf-sessions-78-80-sample.zip"


@cache
def _pdf(stem: str) -> bytes:
    with zipfile.ZipFile(PDFS) as archive:
        return archive.read(f"ga-pdf/{stem}.pdf")


@cache
def _text(stem: str) -> str:
    return pdf_text(_pdf(stem), f"{stem}.pdf")


@cache
def _parsed(stem: str):
    return parse_resolution(_text(stem))


PARAGRAPHS = [
    # a footnote marker (raised "1" after "2023,") is not text
    ("A_RES_78_101", "A/RES/78/101:pp1", "Having examined the report of the Special Committee on the Situation with regard to the Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples for 2023,"),
    # a paragraph that ends at the foot of page 1 stays apart from the one opening page 2
    ("A_RES_78_101", "A/RES/78/101:pp5", "Regretting that measures to eliminate colonialism by 2020, as called for in its resolution 65/119 of 10 December 2010, have not been successful,"),
    ("A_RES_78_101", "A/RES/78/101:pp6", "Reiterating its conviction of the need for the eradication of colonialism, as well as racial discrimination and violations of basic human rights,"),
    # markers 2 and 3, one glued to "Peoples", one after the final semicolon
    ("A_RES_78_101", "A/RES/78/101:op2", "Reaffirms once again that the existence of colonialism in any form or manifestation, including economic exploitation, is incompatible with the Charter of the United Nations, the Declaration on the Granting of Independence to Colonial Countries and Peoples and the Universal Declaration of Human Rights;"),
    # "obs ervance": a positioning jump inside the word
    ("A_RES_78_101", "A/RES/78/101:op3", "Reaffirms its determination to continue to take all steps necessary to bring about the complete and speedy eradication of colonialism and the faithful observance by all States of the relevant provisions of the Charter, the Declaration on the Granting of Independence to Colonial Countries and Peoples and the Universal Declaration of Human Rights;"),
    # "Non-Self-" at a line end, "Governing" on the next: the compound's hyphen stays
    ("A_RES_78_101", "A/RES/78/101:op8(e)", "To continue to dispatch visiting and special missions to the Non-Self-Governing Territories in accordance with the relevant resolutions on decolonization, including resolutions on specific Territories;"),
    ("A_RES_78_101", "A/RES/78/101:op8(h)", "To observe annually the Week of Solidarity with the Peoples of Non-Self-Governing Territories;"),
    ("A_RES_78_101", "A/RES/78/101:op18", "Requests the Secretary-General, President pro tempore of the Special Committee, to meet informally at least once a year with the Chair and the Bureau of the Committee during the intersessional period, in order to explore innovative ways of using his good offices to help to advance the decolonization agenda on a case-by-case basis;"),
    # "micro -, small": a gap before the hyphen in the PDF
    ("A_RES_78_106", "A/RES/78/106:pp3", "Aware of the significant unsatisfied demand for financing from micro-, small and medium-sized enterprises, in particular those owned by women,"),
    # "fifty -sixth" and the marker after "session;" on the last line of page 2
    ("A_RES_78_106", "A/RES/78/106:op1", "Expresses its appreciation to the United Nations Commission on International Trade Law for having formulated and adopted the recommendations on access to credit for micro-, small and medium-sized enterprises, the text of which is contained in annex V to the report of the Commission on the work of its fifty-sixth session;"),
    # the last paragraph of page 1 is not run on into page 2's running title ("... Trade Law")
    ("A_RES_78_106", "A/RES/78/106:pp5", "Recognizing that a combination of private or commercial law, regulatory and policy measures may help to remove many of those obstacles as well as reduce the credit risk faced by financers when lending to micro-, small and medium-sized enterprises,"),
    # a heading at the top of page 5, after a paragraph ending in a comma, is its own row
    ("A_RES_78_148", "A/RES/78/148:pp29", "Social aspects"),
]


@pytest.mark.parametrize(("stem", "paragraph_id", "expected"), PARAGRAPHS, ids=[p[1] for p in PARAGRAPHS])
def test_paragraph_text(stem: str, paragraph_id: str, expected: str) -> None:
    paragraphs = {p.paragraph_id: p.text for p in _parsed(stem).paragraphs}
    assert paragraphs[paragraph_id] == expected


COUNTS = [
    # document, preambular paragraphs, numbered operative paragraphs, sub-items
    ("A_RES_78_101", 10, 20, 8),
    ("A_RES_78_106", 7, 3, 0),
]


@pytest.mark.parametrize(("stem", "n_pre", "n_op", "n_items"), COUNTS, ids=[c[0] for c in COUNTS])
def test_paragraph_counts(stem: str, n_pre: int, n_op: int, n_items: int) -> None:
    paragraphs = _parsed(stem).paragraphs
    assert sum(p.section == "preamble" for p in paragraphs) == n_pre
    assert sum(p.section == "operative" and p.kind == "paragraph" for p in paragraphs) == n_op
    assert sum(p.kind == "item" for p in paragraphs) == n_items


FOOTNOTES = [
    ("A_RES_78_101", 1, "Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 23 (A/78/23).", "A/RES/78/101:pp1"),
    ("A_RES_78_101", 2, "Resolution 1514 (XV).", "A/RES/78/101:op2"),
    ("A_RES_78_101", 3, "Resolution 217 A (III).", "A/RES/78/101:op2"),
    ("A_RES_78_101", 4, "A/56/61, annex.", "A/RES/78/101:op11"),
    ("A_RES_78_106", 1, "Official Records of the General Assembly, Seventy-eighth session, Supplement No. 17 (A/78/17).", "A/RES/78/106:op1"),
]


@pytest.mark.parametrize(("stem", "number", "text", "paragraph_id"), FOOTNOTES, ids=[f"{f[0]}-{f[1]}" for f in FOOTNOTES])
def test_footnotes(stem: str, number: int, text: str, paragraph_id: str) -> None:
    footnotes = {f.number: f for f in _parsed(stem).footnotes}
    assert footnotes[number].text == text
    assert footnotes[number].paragraph_id == paragraph_id


def test_footnote_numbers_are_complete() -> None:
    assert [f.number for f in _parsed("A_RES_78_101").footnotes] == [1, 2, 3, 4]
    assert [f.number for f in _parsed("A_RES_78_106").footnotes] == [1]


FURNITURE = [
    # document, strings printed around the text (job number, barcode, page counters, print date), symbol
    ("A_RES_78_101", ["23-24977", "*2324977*", "2/4", "3/4", "4/4", "201223"], "A/RES/78/101"),
    ("A_RES_78_106", ["23-24968", "*2324968*", "2/2", "201223"], "A/RES/78/106"),
    ("A_RES_78_117", ["23-24913", "*2324913*", "211223"], None),  # one page: the masthead symbol may stay
]


@pytest.mark.parametrize(("stem", "printed", "symbol"), FURNITURE, ids=[f[0] for f in FURNITURE])
def test_no_page_furniture(stem: str, printed: list[str], symbol: str | None) -> None:
    text = _text(stem)
    for furniture in printed:
        assert furniture not in text
    if symbol is not None:  # the running symbol is gone; a citation of it in a sentence would stay
        assert symbol not in text
    assert parse_resolution(text).residue == []


def test_running_title_of_a_two_page_resolution_is_dropped() -> None:
    # Page 2 repeats the title above the text, wrapped as in the header but without "78/106. "
    lines = _text("A_RES_78_106").splitlines()
    assert "Guide on Access to Credit for Micro-, Small and Medium-sized" not in lines
    assert "78/106. Guide on Access to Credit for Micro-, Small and Medium-sized" in lines
    assert not any(line.endswith("Trade Law") and "A/RES" in line for line in lines)


LINES = [
    # document, a line of pdf_text output as printed in the PDF
    ("A_RES_78_101", "Colonial Countries and Peoples for 2023,¹"),  # the marker as a superscript
    ("A_RES_78_101", "Countries and Peoples² and the Universal Declaration of Human Rights;³"),
    ("A_RES_78_101", "1 Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 23 (A/78/23)."),
    ("A_RES_78_101", "8. Requests the Special Committee to continue to seek suitable means for the"),  # "th e"
    # a suspended hyphen ("low-" at a line end before "and") keeps its space
    ("A_RES_78_148", "landlocked countries, especially low- and middle-income countries, inter alia, by"),
]


@pytest.mark.parametrize(("stem", "line"), LINES, ids=[f"{c[0]}:{c[1][:30]}" for c in LINES])
def test_printed_lines(stem: str, line: str) -> None:
    assert line in _text(stem).splitlines()


def test_markers_never_stay_as_plain_digits() -> None:
    # "2023, 1" / "Peoples2" are how a plain text layer reads the raised markers.
    text = _text("A_RES_78_101")
    assert not re.search(r"2023, 1\b|Peoples2|Rights; 3", text)


# --- bad input ------------------------------------------------------------------------------


def _blank_pdf() -> bytes:
    document = pdfium.PdfDocument.new()
    document.new_page(612, 792)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _encrypted_pdf() -> bytes:
    """A one-page PDF under the standard security handler whose user password is not empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] >>\n"
    return out + f"startxref\n{xref}\n%%EOF\n".encode()


BAD = [
    ("empty", lambda: b"", "empty"),
    ("whitespace", lambda: b" \n\t ", "empty"),
    ("header only", lambda: b"%PDF-1.7", "truncated"),
    ("random bytes", lambda: random.Random(7).randbytes(4096), "not_a_pdf"),
    ("text file", lambda: b"The General Assembly,\n1. Decides ...", "not_a_pdf"),
    ("first half of a real PDF", lambda: _pdf("A_RES_78_101")[: len(_pdf("A_RES_78_101")) // 2], "truncated"),
    ("garbage between header and %%EOF", lambda: b"%PDF-1.7\n" + b"x" * 200 + b"\n%%EOF\n", "corrupt"),
    ("page without text", _blank_pdf, "no_text_layer"),
    ("password-protected", _encrypted_pdf, "encrypted"),
]


@pytest.mark.parametrize(("case", "make", "reason"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_rejected_with_its_reason(case: str, make, reason: str) -> None:
    with pytest.raises(InputRejected) as caught:
        pdf_text(make(), "bad.pdf")
    assert caught.value.reason == reason
    assert str(caught.value).startswith("bad.pdf: ")
