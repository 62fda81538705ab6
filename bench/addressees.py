"""How often a directive clause of the UN's XML resolutions finds no addressee (not a test: it prints figures).

A directive clause is one whose verb is of category exhortation, request or demand (verbs.csv); that-clauses
("Requests that the report be circulated") and "call for" (an action object) are left out, since most have no
actor to address. Each resolution is read with parse_akn (files it rejects or fails on are skipped and
counted), its operative paragraphs with find_clauses and find_actor_mentions, as the pipeline does.

    .venv/bin/python bench/addressees.py                 # SC XML corpus
    .venv/bin/python bench/addressees.py --corpus ga --show 20
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.lexicons import verbs  # noqa: E402
from pipeline.text.actors import DocumentActors  # noqa: E402
from pipeline.text.akn import parse_akn  # noqa: E402
from pipeline.text.clauses import find_clauses  # noqa: E402
from pipeline.text.model import ResolutionRejected  # noqa: E402

CORPORA = {"sc": "data/sources/unxml-sc-2000-2026.zip", "ga": "data/sources/unxml-ga-sessions-74-80.zip"}
_THAT = re.compile(r"[\s,]*(?:(?:also|further|again|once again|in this regard|in that regard)[\s,]+)*that\b")
_DIRECTIVE = frozenset(v.verb for v in verbs() if v.category in ("exhortation", "request", "demand")) - {"call for"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="sc")
    parser.add_argument("--show", type=int, default=0, help="print this many clauses without an addressee")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    skipped: Counter[str] = Counter()
    clauses = unaddressed = discovered = mentions = 0
    misses: list[str] = []
    with zipfile.ZipFile(ROOT / CORPORA[args.corpus]) as archive:
        for member in sorted(n for n in archive.namelist() if n.endswith(".xml")):
            try:
                parsed = parse_akn(archive.read(member).decode("utf-8"))
            except ResolutionRejected as error:
                skipped[error.reason] += 1
                continue
            except Exception as error:  # noqa: BLE001 -- the AKN reader is being finished; count what fails
                skipped[f"error: {type(error).__name__}"] += 1
                continue
            finder = DocumentActors()
            for paragraph in parsed.paragraphs:
                if paragraph.section == "preamble" or paragraph.kind == "heading":
                    finder.find(paragraph.text)
                    continue
                found = find_clauses(paragraph.text)
                named = finder.find(paragraph.text, found)
                mentions += len(named)
                discovered += sum(not m.in_lexicon for m in named)
                addressed = {m.clause_index for m in named if m.role == "addressee"}
                for clause in found:
                    if clause.verb not in _DIRECTIVE or _THAT.match(paragraph.text, clause.end):
                        continue
                    clauses += 1
                    if clause.index not in addressed:
                        unaddressed += 1
                        misses.append(f"{parsed.header.document_id}: {paragraph.text[clause.start:clause.start + 160]}")
    print(f"{args.corpus}: {clauses} directive clauses, {unaddressed} without an addressee "
          f"({unaddressed / max(clauses, 1):.1%}); {mentions} actor mentions in operative paragraphs, "
          f"{discovered} of actors outside the lexicon; skipped files: {dict(skipped)}; "
          f"{time.perf_counter() - started:.0f} s")
    for miss in random.Random(args.seed).sample(misses, min(args.show, len(misses))):
        print("  ", " ".join(miss.split()))


if __name__ == "__main__":
    main()
