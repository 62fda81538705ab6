"""How many operative paragraphs find no lead verb, per source (not a test: it prints figures).

An operative paragraph is a row with section 'operative' and kind 'paragraph'; one without a lead
verb is either a lexicon or grammar gap (clauses.py, verbs.csv) or a row the reader put in the wrong
place (a preamble paragraph, a bullet, a quoted text). ``--release`` reads a built release's
parquet files (the figures before a change); without it every member of data/sources/*.zip is
re-parsed with read_resolution and find_lead, as the pipeline does (the figures after).

    .venv/bin/python bench/lead_verbs.py --release /tmp/full/releases/2026.12.1
    .venv/bin/python bench/lead_verbs.py --source unxml_sc --show 20
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from pipeline.sources import load_manifest, read_source  # noqa: E402
from pipeline.text.clauses import find_lead  # noqa: E402
from pipeline.text.ingest import InputRejected  # noqa: E402
from pipeline.text.model import ResolutionRejected  # noqa: E402
from pipeline.text.readers import read_resolution  # noqa: E402

SOURCES = ROOT / "data" / "sources"


def _released(release: Path) -> list[tuple[str, str, str, str | None]]:
    """(source, paragraph_id, text, lead_verb) of the operative paragraphs of a release."""
    documents = pl.read_parquet(release / "parquet" / "documents.parquet").select("document_id", "source")
    paragraphs = pl.read_parquet(release / "parquet" / "paragraphs.parquet").filter(
        (pl.col("section") == "operative") & (pl.col("kind") == "paragraph"))
    joined = paragraphs.join(documents, on="document_id", how="left")
    return list(joined.select("source", "paragraph_id", "text", "lead_verb").iter_rows())


def _parse(job: tuple[str, str, str | None, bytes | None, str]) -> list[tuple[str, str, str, str | None]]:
    source, form, text, data, name = job
    try:
        parsed = read_resolution(form, text, data, name)
    except (ResolutionRejected, InputRejected):
        return []
    rows = []
    for paragraph in parsed.paragraphs:
        if paragraph.section == "operative" and paragraph.kind == "paragraph":
            lead = find_lead(paragraph.text, paragraph.section)
            rows.append((source, paragraph.paragraph_id, paragraph.text, lead.verb if lead else None))
    return rows


def _reparsed(only: str | None) -> list[tuple[str, str, str, str | None]]:
    jobs = []
    for source in load_manifest(SOURCES):
        if only and source.source != only:
            continue
        raw = read_source(source, SOURCES).filter(pl.col("reason").is_null())
        jobs += [(source.source, r["form"], r["text"], r["data"], r["source_file"]) for r in raw.iter_rows(named=True)]
    with ProcessPoolExecutor() as pool:
        return [row for rows in pool.map(_parse, jobs, chunksize=16) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", type=Path, help="read this release's parquet files instead of re-parsing")
    parser.add_argument("--source", help="only this source (e.g. unxml_sc)")
    parser.add_argument("--top", type=int, default=8, help="openings (first two words) listed per source")
    parser.add_argument("--show", type=int, default=0, help="print this many paragraphs without a lead per source")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    rows = _released(args.release) if args.release else _reparsed(args.source)
    by_source: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for source, paragraph_id, text, verb in rows:
        if args.source is None or source == args.source:
            by_source[source].append((paragraph_id, text, verb))
    total = missing = 0
    for source in sorted(by_source):
        found = by_source[source]
        misses = [(pid, text) for pid, text, verb in found if verb is None]
        total, missing = total + len(found), missing + len(misses)
        openings = Counter(" ".join(text.split()[:2]) for _, text in misses)
        top = ", ".join(f"{opening!r} {n}" for opening, n in openings.most_common(args.top))
        print(f"{source:16} {len(found):7} operative, {len(misses):5} without lead ({len(misses) / max(len(found), 1):.2%}): {top}")
        for pid, text in random.Random(args.seed).sample(misses, min(args.show, len(misses))):
            print(f"    {pid}: {text[:160]}")
    print(f"{'all':16} {total:7} operative, {missing:5} without lead ({missing / max(total, 1):.2%}); "
          f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
