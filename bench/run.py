"""Benchmark the build on a synthetic corpus made from the real texts (not a test: it prints figures).

    python bench/run.py                          # 1,000 documents
    python bench/run.py --documents 10000
    python bench/run.py --executor multiprocess  # the headless builds under Dagster's multiprocess executor

Each synthetic document is a real resolution from data/raw/ (and ../shared/corpus/ when present)
with its own number rewritten to a unique one and, for texts whose paragraphs are separated by
blank lines, its preambular paragraphs reshuffled. Printed: the time of each stage (the functions
the Dagster assets call), then three headless `unres build` runs in their own processes: from
scratch (wall time, peak RSS), after one document was edited (the document cache re-parses that
one only), and the tables part of that rebuild alone.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.cache import DocumentCache  # noqa: E402
from pipeline.corpus import (  # noqa: E402
    DocumentTables,
    assemble_corpus,
    build_corpus,
    build_documents,
    derived_tables,
    plan_corpus,
)
from pipeline.parallel import map_batches  # noqa: E402
from pipeline.sources import read_user_files  # noqa: E402
from pipeline.text.structure import parse_resolution  # noqa: E402
from pipeline.validate import foreign_key_errors, schema_errors  # noqa: E402

_GA_NUMBER = re.compile(r"\b(\d{2})/(\d{1,4})\b")


def _templates() -> list[str]:
    paths = sorted((ROOT / "data" / "raw").glob("*.txt"))
    paths += sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))
    texts = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        try:
            number = parse_resolution(text).header.resolution_number
        except ValueError:
            continue
        if number and "/" in number:  # GA/HRC numbering is rewritten below; SC numbers repeat otherwise
            texts.append(text)
    return texts


def synthesize(count: int, out: Path, seed: int = 7) -> int:
    """Write ``count`` documents into ``out``; return their total size in bytes."""
    rng = random.Random(seed)
    templates = _templates()
    total = 0
    next_number: dict[str, int] = {}
    for index in range(count):
        text = templates[index % len(templates)]
        number = parse_resolution(text).header.resolution_number or ""
        session = number.split("/")[0]
        next_number[session] = next_number.get(session, 999) + 1  # four digits, unique within a session
        new_number = f"{session}/{next_number[session]}"
        text = text.replace(f"A/RES/{number}", f"A/RES/{new_number}").replace(f"{number}.", f"{new_number}.", 1)
        blocks = text.split("\n\n")
        preamble = [k for k, block in enumerate(blocks) if re.match(r"(?:Recalling|Noting|Reaffirming|Recognizing)\b", block)]
        if len(preamble) > 2:
            shuffled = [blocks[k] for k in preamble]
            rng.shuffle(shuffled)
            for k, block in zip(preamble, shuffled, strict=True):
                blocks[k] = block
        data = "\n\n".join(blocks).encode("utf-8")
        (out / f"doc_{index:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _headless(raw: Path, work: Path, version: str, executor: str) -> tuple[float, str]:
    """Wall time and the plan line (how many texts came from the cache) of one `unres build`."""
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "--raw", str(raw), "--sources", "", "--out", str(work / "releases"),
                          "--version", version, "--executor", executor],
                         cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"bench: unres build failed:\n{run.stderr[-3000:]}")
    plan = next((line.split(" - ")[-1] for line in run.stderr.splitlines()
                 if "corpus.plan_batches" in line and " texts: " in line), "")
    return wall, plan


def _edit_one(raw: Path) -> Path:
    """Change one operative verb of one document, as a correction would."""
    path = sorted(raw.iterdir())[len(list(raw.iterdir())) // 2]
    text = path.read_text(encoding="utf-8")
    for old, new in (("Requests", "Invites"), ("Decides", "Resolves"), ("Calls upon", "Urges")):
        if old in text:
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            return path
    path.write_text(text + "\n", encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--executor", default="in_process", choices=["in_process", "multiprocess"],
                        help="Dagster executor of the headless builds")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic corpus and release")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="unres-bench-"))
    raw = work / "raw"
    raw.mkdir()
    size = synthesize(args.documents, raw)
    print(f"synthetic corpus: {args.documents} documents, {size / 1e6:.1f} MB in {raw}; {os.cpu_count()} cores")

    stages: list[tuple[str, float]] = []
    started = time.perf_counter()
    raw_documents = read_user_files(raw)
    stages.append(("ingest", time.perf_counter()))
    plan = plan_corpus(raw_documents)
    built = map_batches(build_documents, plan.to_build)
    stages.append(("parse + extract", time.perf_counter()))
    tables = assemble_corpus(plan, DocumentTables.concat(built))
    tables = {**tables, **derived_tables(tables)}
    stages.append(("assemble", time.perf_counter()))
    problems = sum(len(schema_errors(name, frame)) + len(foreign_key_errors(name, tables)) for name, frame in tables.items())
    stages.append(("validate", time.perf_counter()))
    previous = started
    for name, moment in stages:
        print(f"  {name:<16} {moment - previous:7.2f} s")
        previous = moment
    functions_total = previous - started
    print(f"functions total: {functions_total:.2f} s, {args.documents / functions_total:.0f} documents/s, "
          f"{size / 1e6 / functions_total:.2f} MB/s, {problems} validation problems, "
          f"{tables['documents'].height} resolutions, {tables['quarantine'].height} quarantined, "
          f"{tables['paragraphs'].height} paragraphs, {tables['clauses'].height} clauses")
    print(f"peak RSS of the per-stage run: {_peak_rss_mb():.0f} MB")
    del raw_documents, plan, built, tables

    # Headless builds run in their own process, so that their peak RSS is their own.
    label = f"headless Dagster build (unres build --executor {args.executor}, incl. release writing)"
    wall, plan_line = _headless(raw, work, "2099.1.1", args.executor)
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{label}: {wall:.2f} s, {args.documents / wall:.0f} documents/s, {size / 1e6 / wall:.2f} MB/s, "
          f"peak RSS {child_rss:.0f} MB\n  {plan_line}")
    edited = _edit_one(raw)
    wall, plan_line = _headless(raw, work, "2099.1.2", args.executor)
    print(f"rebuild after editing {edited.name} (document cache warm): {wall:.2f} s\n  {plan_line}")
    cache = DocumentCache(work / "cache")
    _edit_one(raw)
    started = time.perf_counter()
    build_corpus(read_user_files(raw), cache)
    print(f"  of which the tables (ingest, cache lookup, parse the one text, assemble): "
          f"{time.perf_counter() - started:.2f} s; the rest is Dagster start-up, checks and release writing")
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
