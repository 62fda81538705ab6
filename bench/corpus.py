"""Benchmark on the real corpus: every vendored source plus data/raw, as `make release` builds it.

Prints, on this machine: reading each source; parse + extract per form in one process (documents/s, MB/s),
beside one naive regex pass over the same texts (paragraph numbers and a 40-verb alternation), so the ratio
can be read on any machine; then `unres build` from scratch in its own process (wall time, peak RSS), a
rebuild after one edited text (warm document cache) and the tables part of that rebuild alone.

    .venv/bin/python bench/corpus.py [--sample N]   # N inputs per source (default: all)
    .venv/bin/python bench/corpus.py --skip-functions --steps   # and the slowest steps of each build
"""

from __future__ import annotations

import argparse
import os
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

import polars as pl  # noqa: E402

from pipeline.corpus import SourceText, build_documents  # noqa: E402
from pipeline.sources import input_bytes, load_manifest, read_source, read_user_files  # noqa: E402

SOURCES = ROOT / "data" / "sources"
_NAIVE = re.compile(r"^\s*\d{1,3}\.\s|\b(?:Recalling|Noting|Welcoming|Reaffirming|Recognizing|Expressing|Emphasizing|"
                    r"Stressing|Underlining|Concerned|Deeply|Taking|Having|Bearing|Convinced|Determined|Decides|"
                    r"Requests|Calls|Urges|Encourages|Invites|Welcomes|Notes|Reaffirms|Recognizes|Expresses|"
                    r"Emphasizes|Stresses|Underlines|Demands|Condemns|Endorses|Approves|Adopts|Authorizes|"
                    r"Reiterates|Acknowledges|Affirms|Recommends|Appeals)\b", re.MULTILINE)


def _inputs(sample: int | None) -> pl.DataFrame:
    frames = []
    for source in load_manifest(SOURCES):
        started = time.perf_counter()
        frame = read_source(source, SOURCES)
        frame = frame.head(sample) if sample else frame
        print(f"  read {source.source:<16} {frame.height:5d} inputs, {frame['n_bytes'].sum() / 1e6:6.1f} MB "
              f"in {time.perf_counter() - started:5.2f} s")
        frames.append(frame)
    frames.append(read_user_files(ROOT / "data" / "raw"))
    return pl.concat(frames).filter(pl.col("reason").is_null())


def _per_form(inputs: pl.DataFrame) -> None:
    print("parse + extract, one process (functions), and a naive regex pass over the same texts:")
    print(f"  {'form':<17} {'inputs':>6} {'MB':>6} {'seconds':>8} {'docs/s':>7} {'MB/s':>6} {'naive s':>8} {'ratio':>6}")
    for form in inputs["form"].unique().sort().to_list():
        rows = inputs.filter(pl.col("form") == form)
        sources = [SourceText(r["source"], r["source_file"], r["member"], r["source_sha256"], r["form"], r["location"],
                              r["archived"]) for r in rows.iter_rows(named=True)]
        size = rows["n_bytes"].sum() / 1e6
        started = time.perf_counter()
        build_documents(sources)
        seconds = time.perf_counter() - started
        texts = [input_bytes(r["location"], r["member"], r["archived"]).decode("utf-8", "replace")
                 for r in rows.iter_rows(named=True) if r["form"] != "pdf"]
        started = time.perf_counter()
        for text in texts:
            sum(1 for _ in _NAIVE.finditer(text))
        naive = time.perf_counter() - started
        ratio = f"{seconds / naive:6.0f}" if texts and naive else "     –"
        print(f"  {form:<17} {rows.height:6d} {size:6.1f} {seconds:8.2f} {rows.height / seconds:7.0f} "
              f"{size / seconds:6.2f} {naive:8.3f} {ratio}")


def _build(work: Path, raw: Path, version: str, steps: bool = False) -> tuple[float, float, str]:
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    home = ["--dagster-home", str(work / "dagster")] if steps else []
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "--raw", str(raw), "--sources", str(SOURCES),
                          "--out", str(work / "releases"), "--cache", str(work / "cache"), "--dist", "",
                          "--version", version, *home], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"bench: unres build failed:\n{run.stderr[-3000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    plan = next((line.split(" - ")[-1] for line in run.stderr.splitlines() if "plan_batches" in line and " texts: " in line), "")
    return wall, max(peak, before) / 1024, plan


def _print_steps(home: Path, shown: int = 15) -> None:
    """The slowest steps of the newest run recorded in the Dagster instance at ``home``, and the run's
    time outside any step (start-up, events, the executor)."""
    import dagster as dg

    with dg.DagsterInstance.from_config(str(home)) as instance:
        run = instance.get_runs(limit=1)[0]
        started, ended = {}, {}
        for entry in instance.all_logs(run.run_id):
            event = entry.dagster_event
            if event is None:
                continue
            if event.event_type_value == "STEP_START":
                started[event.step_key] = entry.timestamp
            elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
                ended[event.step_key] = entry.timestamp
        stats = instance.get_run_stats(run.run_id)
    seconds = sorted(((ended[key] - start, key) for key, start in started.items() if key in ended), reverse=True)
    total = stats.end_time - stats.start_time if stats.end_time and stats.start_time else 0.0
    print(f"  run {total:.1f} s, {len(seconds)} steps, {total - sum(s for s, _ in seconds):.1f} s between steps; slowest:")
    for duration, key in seconds[:shown]:
        print(f"    {duration:6.2f} s  {key}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=None, help="inputs per source (default: all)")
    parser.add_argument("--skip-functions", action="store_true", help="only the headless builds")
    parser.add_argument("--steps", action="store_true",
                        help="record the builds in a Dagster instance and print their slowest steps")
    args = parser.parse_args()
    print(f"real corpus: {SOURCES} and data/raw; {os.cpu_count()} cores")
    if not args.skip_functions:
        _per_form(_inputs(args.sample))
    work = Path(tempfile.mkdtemp(prefix="unres-corpus-bench-"))
    raw = work / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    wall, peak, plan = _build(work, raw, "2099.1.1", args.steps)
    print(f"unres build, whole corpus from scratch (incl. checks, release, archive skipped): {wall:.1f} s, "
          f"peak RSS {peak:.0f} MB\n  {plan}")
    if args.steps:
        _print_steps(work / "dagster")
    edited = sorted(raw.iterdir())[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Requests", "Invites", 1) if "Requests" in text else text + "\n", encoding="utf-8")
    wall, _, plan = _build(work, raw, "2099.1.2", args.steps)
    print(f"rebuild after editing {edited.name} (document cache warm; the release is written anew): {wall:.1f} s\n  {plan}")
    if args.steps:
        _print_steps(work / "dagster")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
