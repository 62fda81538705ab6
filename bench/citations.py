"""Security Council -> Security Council citation edges: find_instrument_refs against a plain number scan.

    .venv/bin/python bench/citations.py              # figures by period
    .venv/bin/python bench/citations.py --sample 60  # also print 60 edges beyond the scan, to read by hand
    .venv/bin/python bench/citations.py --missed 20  # and 20 scan edges the grammar misses

The whole Council corpus of data/sources (bench/sc_corpus.py, best form of each resolution). An edge is
(citing resolution, cited S/RES/N(YYYY)), self-citations left out. The scan takes every "N (YYYY)" in a
paragraph or footnote whose year is the year of resolution N (lexicons/sc_resolution_years.csv), so it
keeps Council numbers and drops "paragraph 5 (2000)"-like noise; it cannot see bare or dated numbers
("resolution 1493", "1616 of 29 July 2005"), which is what the grammar should find beyond it.
"""

from __future__ import annotations

import argparse
import random
import re
import time

from sc_corpus import one_form_each

from pipeline.lexicons import sc_resolution_year
from pipeline.text.symbols import find_instrument_refs

PERIODS = ((1946, 1993), (1994, 2014), (2015, 2026))
_SCAN = re.compile(r"(?<![\w/.,])(\d{1,4})\s?\((\d{4})\)")
_SC_ID = re.compile(r"S/RES/(\d+)\((\d{4})\)")

Edge = tuple[str, str]  # (citing document id, cited instrument id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="edges beyond the scan to print with context")
    parser.add_argument("--missed", type=int, default=0, help="scan edges not found to print with context")
    args = parser.parse_args()
    started = time.perf_counter()
    found: dict[Edge, str] = {}
    scanned: dict[Edge, str] = {}
    years: dict[str, int] = {}
    for document_id, (_, parsed) in one_form_each().items():
        years[document_id] = int(_SC_ID.fullmatch(document_id).group(2))  # type: ignore[union-attr]
        texts = [p.text for p in parsed.paragraphs] + [f.text for f in parsed.footnotes]
        for text in texts:
            for ref in find_instrument_refs(text, body=parsed.header.body):
                if _SC_ID.fullmatch(ref.instrument_id) and ref.instrument_id != document_id:
                    found.setdefault((document_id, ref.instrument_id), _context(text, ref.start, ref.end))
            for match in _SCAN.finditer(text):
                number, year = match.groups()
                cited = f"S/RES/{number}({year})"
                if sc_resolution_year(int(number)) == int(year) and cited != document_id:
                    scanned.setdefault((document_id, cited), _context(text, match.start(), match.end()))
    seconds = time.perf_counter() - started
    print(f"{len(years)} Council resolutions read and searched in {seconds:.1f} s")
    print(f"{'citing years':<14}{'scan':>8}{'found':>8}{'both':>8}{'recall':>9}{'beyond':>8}")
    for low, high in (*PERIODS, (PERIODS[0][0], PERIODS[-1][1])):
        def within(edges: dict[Edge, str], low: int = low, high: int = high) -> set[Edge]:
            return {edge for edge in edges if low <= years[edge[0]] <= high}
        scan, hits = within(scanned), within(found)
        both = scan & hits
        print(f"{low}-{high:<9}{len(scan):>8}{len(hits):>8}{len(both):>8}"
              f"{len(both) / max(len(scan), 1):>9.1%}{len(hits - scan):>8}")
    _show("beyond the scan", found, set(found) - set(scanned), args.sample)
    _show("missed (in the scan, not found)", scanned, set(scanned) - set(found), args.missed)


def _context(text: str, start: int, end: int) -> str:
    return f"{text[max(0, start - 90):start]}[[{text[start:end]}]]{text[end:end + 50]}".replace("\n", " ")


def _show(title: str, contexts: dict[Edge, str], edges: set[Edge], count: int) -> None:
    if not count:
        return
    chosen = random.Random(0).sample(sorted(edges), min(count, len(edges)))
    print(f"\n{len(edges)} edges {title}, {len(chosen)} shown (seeded sample):")
    for citing, cited in sorted(chosen):
        print(f"- {citing} -> {cited}: {contexts[(citing, cited)]}")


if __name__ == "__main__":
    main()
