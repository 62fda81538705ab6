"""The same resolution in two forms: how close the text parser comes to the UN's own XML.

Two pair sets, matched by document id (both parsers give header.document_id):

* SC 2000-2014: sc-pdftext-1994-2014.zip (raw PDF text layers, no blank lines) read by
  parse_resolution, against unxml-sc-2000-2026.zip read by parse_akn;
* GA 78-80: ga-pdf-sessions-78-80-sample.zip read by pdf_text then parse_resolution, against
  unxml-ga-sessions-74-80.zip.

Per set: pairs, pairs whose paragraph id lists are identical, XML rows whose text the text parse
gives under the same id (whitespace-normalised), lead verb agreement (XML rows with a lead whose
same-id text row has the same lead verb), and the commonest difference classes with examples.

    .venv/bin/python bench/forms.py [--show N] [--only sc|ga] [--member 2000-N0049311.txt]
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.text.akn import parse_akn  # noqa: E402
from pipeline.text.clauses import find_lead  # noqa: E402
from pipeline.text.ingest import decode_resolution  # noqa: E402
from pipeline.text.model import Paragraph, ParsedResolution, ResolutionRejected  # noqa: E402
from pipeline.text.pdf import pdf_text  # noqa: E402
from pipeline.text.structure import parse_resolution  # noqa: E402

SOURCES = ROOT / "data" / "sources"
_SPACE = re.compile(r"\s+")
_SC_XML_YEAR = re.compile(r"/Pre-2020/(\d{4})/S_RES_[^/]+\.xml$")
_SC_TEXT_YEAR = re.compile(r"/(\d{4})-[^/]+\.txt$")
_GA_XML = re.compile(r"/(\d+)session/English/A_RES_\d+_\d+[-.][^/]*xml$")
_SC_YEARS = range(2000, 2015)
_GA_SESSIONS = {"78", "79", "80"}


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _xml_members(archive: str, keep: Callable[[str], bool]) -> Iterator[tuple[str, ParsedResolution]]:
    with zipfile.ZipFile(SOURCES / archive) as opened:
        for member in sorted(opened.namelist()):
            if keep(member) and "/Not adopted/" not in member:
                try:
                    yield member, parse_akn(opened.read(member).decode("utf-8"))
                except ResolutionRejected:
                    continue


def _sc_text(item: tuple[str, bytes]) -> tuple[str, ParsedResolution | str]:
    member, data = item
    try:
        return member, parse_resolution(decode_resolution(data, member)[0])
    except ResolutionRejected as rejected:
        return member, f"rejected: {rejected.reason}"


def _ga_pdf(item: tuple[str, bytes]) -> tuple[str, ParsedResolution | str]:
    member, data = item
    try:
        return member, parse_resolution(pdf_text(data, member))
    except ResolutionRejected as rejected:
        return member, f"rejected: {rejected.reason}"


def _text_members(archive: str, keep: Callable[[str], bool], read: Callable) -> Iterator[tuple[str, ParsedResolution | str]]:
    with zipfile.ZipFile(SOURCES / archive) as opened:
        items = [(member, opened.read(member)) for member in sorted(opened.namelist()) if keep(member)]
    with ProcessPoolExecutor() as pool:
        yield from pool.map(read, items, chunksize=8)


def _sc_xml_keep(member: str) -> bool:
    year = _SC_XML_YEAR.search(member)
    return bool(year) and int(year.group(1)) in _SC_YEARS


def _sc_text_keep(member: str) -> bool:
    year = _SC_TEXT_YEAR.search(member)
    return bool(year) and int(year.group(1)) in _SC_YEARS


def _ga_xml_keep(member: str) -> bool:
    session = _GA_XML.search(member)
    return bool(session) and session.group(1) in _GA_SESSIONS


PAIR_SETS = {
    "sc": ("SC 2000-2014: PDF text layer vs XML",
           lambda: _xml_members("unxml-sc-2000-2026.zip", _sc_xml_keep),
           lambda: _text_members("sc-pdftext-1994-2014.zip", _sc_text_keep, _sc_text)),
    "ga": ("GA 78-80: pdf_text vs XML",
           lambda: _xml_members("unxml-ga-sessions-74-80.zip", _ga_xml_keep),
           lambda: _text_members("ga-pdf-sessions-78-80-sample.zip", lambda m: m.endswith(".pdf"), _ga_pdf)),
}


def _kind_of_text(xml: str, text: str, following: str | None) -> str:
    """How two texts of one paragraph id differ, from the most to the least specific."""
    if xml.replace(" ", "") == text.replace(" ", ""):
        return "text: spacing"
    if re.sub(r"[\s\-\u00ad\u2010\u2011]", "", xml) == re.sub(r"[\s\-\u00ad\u2010\u2011]", "", text):
        return "text: hyphen"
    if re.sub(r"[\d\s]", "", xml) == re.sub(r"[\d\s]", "", text):
        return "text: digits (footnote marker left or lost)"
    if following and text.startswith(xml) and norm(text[len(xml):]).startswith(following[:40]):
        return "merged: the next XML row runs on into this one"
    if text and xml.startswith(text):
        return "text cut short (row split)"
    if xml and text.startswith(xml):
        return "text runs on (furniture or unmarked text glued)"
    if xml[:40] != text[:40]:
        return "misaligned: another paragraph under this id"
    return "text: other wording"


def _where(paragraph: Paragraph) -> str:
    if paragraph.kind == "item":
        return f"{paragraph.section} item"
    return f"{paragraph.section} {paragraph.kind}"


def compare(xml: ParsedResolution, text: ParsedResolution) -> tuple[int, int, int, list[tuple[str, str, str, str]]]:
    """(equal rows, lead verbs agreeing, XML rows with a lead, differences as (class, id, xml, text))."""
    ours = {p.paragraph_id: p for p in text.paragraphs}
    theirs_ids = {p.paragraph_id for p in xml.paragraphs}
    equal = leads_equal = leads = 0
    differences = []
    for position, paragraph in enumerate(xml.paragraphs):
        theirs = norm(paragraph.text)
        mine = ours.get(paragraph.paragraph_id)
        if paragraph.kind == "paragraph" and paragraph.section != "annex":
            lead = find_lead(paragraph.text, paragraph.section)
            if lead is not None:
                leads += 1
                other = find_lead(mine.text, paragraph.section) if mine is not None else None
                leads_equal += other is not None and other.verb == lead.verb
        if mine is None:
            differences.append((f"missing: {_where(paragraph)}", paragraph.paragraph_id, theirs, ""))
            continue
        text_norm = norm(mine.text)
        if text_norm == theirs:
            equal += 1
            continue
        following = norm(xml.paragraphs[position + 1].text) if position + 1 < len(xml.paragraphs) else None
        differences.append((_kind_of_text(theirs, text_norm, following), paragraph.paragraph_id, theirs, text_norm))
    for paragraph in text.paragraphs:
        if paragraph.paragraph_id not in theirs_ids:
            differences.append((f"extra: {_where(paragraph)}", paragraph.paragraph_id, "", norm(paragraph.text)))
    return equal, leads_equal, leads, differences


def _first_difference(a: str, b: str) -> int:
    index = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return max(0, index - 30)


def run(key: str, show: int, only_member: str | None) -> None:
    title, read_xml, read_text = PAIR_SETS[key]
    xml = {}
    for member, parsed in read_xml():
        xml.setdefault(parsed.header.document_id, (member, parsed))
    totals: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, str, str, str]]] = {}
    seen: set[str] = set()
    for member, parsed in read_text():
        if only_member and not member.endswith(only_member):
            continue
        if isinstance(parsed, str):
            totals["text rejected"] += 1
            continue
        document_id = parsed.header.document_id
        if document_id not in xml or document_id in seen:
            continue
        seen.add(document_id)
        xml_parsed = xml[document_id][1]
        totals["pairs"] += 1
        totals["same ids"] += [p.paragraph_id for p in xml_parsed.paragraphs] == [p.paragraph_id for p in parsed.paragraphs]
        equal, leads_equal, leads, differences = compare(xml_parsed, parsed)
        totals.update(equal=equal, rows=len(xml_parsed.paragraphs), leads_equal=leads_equal, leads=leads)
        short = member.rsplit("/", 1)[-1]
        for kind, paragraph_id, theirs, mine in differences:
            classes[kind] += 1
            examples.setdefault(kind, []).append((short, paragraph_id.split(":", 1)[1], theirs, mine))
    rows, leads = max(totals["rows"], 1), max(totals["leads"], 1)
    print(f"== {title}")
    print(f"  pairs {totals['pairs']}; identical paragraph ids {totals['same ids']}/{totals['pairs']}; "
          f"rows with identical text {totals['equal']}/{totals['rows']} ({totals['equal'] / rows:.2%}); "
          f"lead verb agreement {totals['leads_equal']}/{totals['leads']} ({totals['leads_equal'] / leads:.2%})"
          + (f"; text members rejected {totals['text rejected']}" if totals["text rejected"] else ""))
    for kind, count in classes.most_common():
        print(f"  {count:6}  {kind}")
        for short, paragraph_id, theirs, mine in examples[kind][:show]:
            start = _first_difference(theirs, mine)
            print(f"            {short} {paragraph_id} at {start}\n              xml:  {theirs[start:start + 100]!r}"
                  f"\n              text: {mine[start:start + 100]!r}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=2, help="examples printed per difference class")
    parser.add_argument("--only", choices=sorted(PAIR_SETS), help="one pair set")
    parser.add_argument("--member", help="one text member, e.g. 2000-N0049311.txt")
    options = parser.parse_args()
    for key in [options.only] if options.only else PAIR_SETS:
        run(key, options.show, options.member)


if __name__ == "__main__":
    main()
