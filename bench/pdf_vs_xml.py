"""How close the PDF reader comes to the UN's own XML of the same resolutions.

For each PDF in the sample archive: parse_resolution(pdf_text(...)) against parse_akn(...) of the
Akoma Ntoso file, paragraph by paragraph (by paragraph id), texts compared after whitespace
normalisation; footnotes by number. With poppler's pdftotext on the PATH the same comparison runs on
its plain and -layout output, fed straight to the parser, as the baseline the reader has to beat.

    .venv/bin/python bench/pdf_vs_xml.py [--show N] [--only A_RES_78_101]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.text.akn import parse_akn  # noqa: E402
from pipeline.text.model import ParsedResolution  # noqa: E402
from pipeline.text.pdf import pdf_text  # noqa: E402
from pipeline.text.structure import parse_resolution  # noqa: E402

PDFS = ROOT / "data/sources/ga-pdf-sessions-78-80-sample.zip"
XMLS = ROOT / "data/sources/unxml-ga-sessions-74-80.zip"
_XML_MEMBER = re.compile(r"/(\d+)session/English/A_RES_(\d+)_(\d+)[-.]")
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def kind_of(xml: str, pdf: str) -> str:
    """The commonest kinds of difference, tested from the most to the least specific."""
    if xml.replace(" ", "") == pdf.replace(" ", ""):
        return "spacing (a space added or lost)"
    if re.sub(r"[\s\-\u00ad\u2010\u2011]", "", xml) == re.sub(r"[\s\-\u00ad\u2010\u2011]", "", pdf):
        return "hyphen"
    if re.sub(r"[\d⁰¹²³⁴⁵⁶⁷⁸⁹\s]", "", xml) == re.sub(r"[\d⁰¹²³⁴⁵⁶⁷⁸⁹\s]", "", pdf):
        return "digits (footnote marker left or lost)"
    if pdf and xml.startswith(pdf):
        return "PDF text cut short"
    if xml and pdf.startswith(xml):
        return "PDF text runs on (next paragraph or furniture glued)"
    return "other wording"


def first_difference(a: str, b: str) -> int:
    """A little before where two texts part, for showing the difference itself."""
    index = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return max(0, index - 30)


def compare(xml: ParsedResolution, pdf: ParsedResolution) -> tuple[int, int, list[tuple[str, str, str, str]]]:
    """(equal, XML paragraphs, differences as (kind, id, xml text, pdf text))."""
    theirs = {p.paragraph_id: norm(p.text) for p in xml.paragraphs}
    ours = {p.paragraph_id: norm(p.text) for p in pdf.paragraphs}
    equal = 0
    differences = []
    for paragraph_id, text in theirs.items():
        if paragraph_id not in ours:
            differences.append(("paragraph missing from the PDF parse", paragraph_id, text, ""))
        elif ours[paragraph_id] == text:
            equal += 1
        else:
            differences.append((kind_of(text, ours[paragraph_id]), paragraph_id, text, ours[paragraph_id]))
    for paragraph_id in ours.keys() - theirs.keys():
        differences.append(("extra paragraph in the PDF parse", paragraph_id, "", ours[paragraph_id]))
    return equal, len(theirs), differences


def footnotes_equal(xml: ParsedResolution, pdf: ParsedResolution) -> tuple[int, int]:
    theirs = {f.number: norm(f.text) for f in xml.footnotes}
    ours = {f.number: norm(f.text) for f in pdf.footnotes}
    return sum(ours.get(number) == text for number, text in theirs.items()), len(theirs)


def pdftotext(data: bytes, layout: bool) -> str:
    arguments = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"]
    return subprocess.run(arguments, input=data, capture_output=True, check=True).stdout.decode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=3, help="examples printed per kind of difference")
    parser.add_argument("--only", help="one resolution, e.g. A_RES_78_101")
    parser.add_argument("--per-document", action="store_true", help="a line per document")
    parser.add_argument("--reader", help="only the readers whose name starts so, e.g. pdftotext")
    options = parser.parse_args()

    xml_zip = zipfile.ZipFile(XMLS)
    xml_members = {}
    for member in xml_zip.namelist():
        match = _XML_MEMBER.search(member)
        if match:
            xml_members[f"A_RES_{match.group(2)}_{match.group(3)}"] = member
    pdf_zip = zipfile.ZipFile(PDFS)
    names = [n for n in pdf_zip.namelist() if n.endswith(".pdf")]
    if options.only:
        names = [n for n in names if Path(n).stem == options.only]

    readers = {"pdf_text (pypdfium2)": lambda data, name: pdf_text(data, name)}
    if shutil.which("pdftotext"):
        readers["pdftotext"] = lambda data, name: pdftotext(data, layout=False)
        readers["pdftotext -layout"] = lambda data, name: pdftotext(data, layout=True)
    else:
        print("pdftotext not found (apt-get install -y poppler-utils): comparing pdf_text only\n")
    if options.reader:
        readers = {name: read for name, read in readers.items() if name.startswith(options.reader)}

    totals = {reader: Counter() for reader in readers}
    kinds = {reader: Counter() for reader in readers}
    examples: dict[str, dict[str, list]] = {reader: {} for reader in readers}
    seconds = pages = size = 0.0
    for name in names:
        stem = Path(name).stem
        data = pdf_zip.read(name)
        xml = parse_akn(xml_zip.read(xml_members[stem]).decode("utf-8"))
        document = pdfium.PdfDocument(data)
        pages += len(document)
        document.close()
        size += len(data)
        line = [f"{stem:14}"]
        for reader, read in readers.items():
            start = time.perf_counter()
            try:
                text = read(data, name)
            except Exception as error:  # noqa: BLE001 - a bench reports every failure and goes on
                text, parsed = None, None
                kinds[reader][f"reader failed: {type(error).__name__}"] += 1
            if reader.startswith("pdf_text"):
                seconds += time.perf_counter() - start
            try:
                parsed = parse_resolution(text) if text is not None else None
            except Exception as error:  # noqa: BLE001
                parsed = None
                kinds[reader][f"parser rejected: {type(error).__name__}"] += 1
            if parsed is None:
                totals[reader]["paragraphs"] += len(xml.paragraphs)
                line.append(f"{reader}: failed")
                continue
            equal, count, differences = compare(xml, parsed)
            notes_equal, notes = footnotes_equal(xml, parsed)
            totals[reader].update(equal=equal, paragraphs=count, notes_equal=notes_equal, notes=notes)
            if equal == count and not differences:
                totals[reader]["documents_all_equal"] += 1
            for kind, paragraph_id, theirs, ours in differences:
                kinds[reader][kind] += 1
                examples[reader].setdefault(kind, []).append((paragraph_id, theirs, ours))
            line.append(f"{reader}: {equal}/{count} ({equal / max(count, 1):.1%}) notes {notes_equal}/{notes}")
        if options.per_document:
            print("  ".join(line))

    print(f"\n{len(names)} PDFs, {int(pages)} pages, {size / 1e6:.1f} MB")
    if seconds:
        print(f"pdf_text: {seconds:.2f} s, {pages / seconds:.1f} pages/s, {size / 1e6 / seconds:.2f} MB/s\n")
    for reader, total in totals.items():
        share = total["equal"] / max(total["paragraphs"], 1)
        print(
            f"{reader:22} paragraphs equal to the XML {total['equal']}/{total['paragraphs']} ({share:.2%}); "
            f"footnotes {total['notes_equal']}/{total['notes']}; "
            f"documents all equal {total['documents_all_equal']}/{len(names)}"
        )
    for reader in readers:
        print(f"\n== {reader}: kinds of difference")
        for kind, count in kinds[reader].most_common():
            print(f"  {count:5}  {kind}")
            for paragraph_id, theirs, ours in examples[reader].get(kind, [])[: options.show]:
                start = first_difference(theirs, ours)
                print(f"         {paragraph_id} at {start}\n           xml: {theirs[start:start + 90]!r}"
                      f"\n           pdf: {ours[start:start + 90]!r}")


if __name__ == "__main__":
    main()
