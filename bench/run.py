"""Benchmark the build on a synthetic corpus made from the real texts (not a test: it prints figures).

    python bench/run.py                 # 1,000 documents
    python bench/run.py --documents 10000

Each synthetic document is a real resolution from data/raw/ (and ../shared/corpus/ when present)
with its own number rewritten to a unique one and, for texts whose paragraphs are separated by
blank lines, its preambular paragraphs reshuffled. The figures are per stage (the same functions
the Dagster assets call) and for the whole headless Dagster build, with peak RSS.
"""

from __future__ import annotations

import argparse
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

from pipeline.tables import build_extraction, build_structure, read_raw_documents  # noqa: E402
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
    for index in range(count):
        text = templates[index % len(templates)]
        number = parse_resolution(text).header.resolution_number or ""
        session = number.split("/")[0]
        new_number = f"{session}/{10000 + index}"
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the synthetic corpus and release")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="unres-bench-"))
    raw = work / "raw"
    raw.mkdir()
    size = synthesize(args.documents, raw)
    print(f"synthetic corpus: {args.documents} documents, {size / 1e6:.1f} MB in {raw}")

    stages: list[tuple[str, float]] = []
    started = time.perf_counter()
    raw_documents = read_raw_documents(raw)
    stages.append(("ingest", time.perf_counter()))
    structure = build_structure(raw_documents)
    stages.append(("structure", time.perf_counter()))
    extraction = build_extraction(structure.documents, structure.paragraphs, structure.footnotes)
    stages.append(("extract", time.perf_counter()))
    tables = {"documents": structure.documents, "paragraphs": structure.paragraphs, "footnotes": structure.footnotes,
              "quarantine": structure.quarantine,
              **{name: getattr(extraction, name) for name in ("verbs", "clauses", "actors", "actor_mentions",
                                                              "instruments", "citations", "deadlines", "mandates",
                                                              "instrument_graph")}}
    problems = sum(len(schema_errors(name, frame)) + len(foreign_key_errors(name, tables)) for name, frame in tables.items())
    stages.append(("validate", time.perf_counter()))
    previous = started
    for name, moment in stages:
        print(f"  {name:<10} {moment - previous:7.2f} s")
        previous = moment
    functions_total = previous - started
    print(f"functions total: {functions_total:.2f} s, {args.documents / functions_total:.0f} documents/s, "
          f"{size / 1e6 / functions_total:.2f} MB/s, {problems} validation problems, "
          f"{structure.paragraphs.height} paragraphs, {extraction.clauses.height} clauses")

    print(f"peak RSS of the per-stage run: {_peak_rss_mb():.0f} MB")
    del raw_documents, structure, extraction, tables
    # The headless build runs in its own process so that its peak RSS is its own.
    started = time.perf_counter()
    code = subprocess.call([sys.executable, "-m", "pipeline.cli", "build", "--raw", str(raw),
                            "--out", str(work / "releases"), "--version", "2099.1.1"],
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"headless Dagster build (unres build, in process, incl. release writing): {wall:.2f} s, "
          f"{args.documents / wall:.0f} documents/s, {size / 1e6 / wall:.2f} MB/s, peak RSS {child_rss:.0f} MB, exit {code}")
    if not args.keep:
        shutil.rmtree(work)
    return code


if __name__ == "__main__":
    sys.exit(main())
