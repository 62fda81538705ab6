"""Headless build: run the Dagster job, as `unres build` and `make release` do."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import dagster as dg

from pipeline.definitions import EXECUTORS, build_definitions
from pipeline.release import DEFAULT_GOLD
from pipeline.resources import UnresConfig


def build_release(raw_dir: Path, releases_dir: Path, version: str = "", dist_dir: Path | None = None,
                  gold_dir: Path | None = None, cache_dir: Path | None = None, workers: int = 0,
                  step_documents: int = 1000, executor: str = "in_process", sources_dir: Path | None = None,
                  precedence: str | None = None, dagster_home: Path | None = None) -> int:
    """Build one release. ``dist_dir`` (the CLI's ``--dist``, default ``dist``) also publishes the
    archive and index there and compares with the previous release listed in it; None skips both.
    ``cache_dir`` keeps the rows of every text built, so that the next build parses only new texts.
    ``executor`` other than in_process runs the same job with steps in other processes. ``dagster_home``
    records the in-process run in that Dagster instance (the UI's), else in a throw-away one."""
    if not raw_dir.is_dir():
        print(f"unres build: raw directory {raw_dir} does not exist", file=sys.stderr)
        return 2
    if sources_dir is not None and not (sources_dir / "SOURCES.csv").is_file():
        print(f"unres build: {sources_dir}/SOURCES.csv does not exist; give the sources directory, or --sources ''",
              file=sys.stderr)
        return 2
    config = UnresConfig(raw_dir=str(raw_dir), releases_dir=str(releases_dir), version=version,
                         sources_dir=str(sources_dir) if sources_dir is not None else "",
                         **({"form_precedence": precedence} if precedence else {}),
                         dist_dir=str(dist_dir) if dist_dir is not None else "",
                         gold_dir=str(gold_dir) if gold_dir is not None else str(DEFAULT_GOLD),
                         cache_dir=str(cache_dir) if cache_dir is not None else "", workers=workers,
                         step_documents=step_documents)
    logging = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
    if executor == "in_process":
        job = build_definitions(config, executor="in_process", in_memory=True).resolve_job_def("build_release")
        if dagster_home is None:
            return _report(job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), raise_on_error=False,
                                                  run_config=logging))
        # A persistent instance records the run and every materialization, so `make ui` shows them.
        dagster_home.mkdir(parents=True, exist_ok=True)
        with dg.DagsterInstance.from_config(str(dagster_home.resolve())) as instance:
            return _report(job.execute_in_process(instance=instance, raise_on_error=False, run_config=logging))
    if executor not in EXECUTORS:
        print(f"unres build: executor {executor!r}: expected one of {', '.join(EXECUTORS)}", file=sys.stderr)
        return 2
    # Steps in other processes rebuild the job by reference and share a run store on disk.
    job = dg.build_reconstructable_job("pipeline.definitions", "release_job", reconstructable_kwargs={"executor": executor})
    resource = {**config.model_dump(), "workers": config.workers or 1}  # the executor owns the cores
    with tempfile.TemporaryDirectory(prefix="unres-dagster-") as home, dg.DagsterInstance.local_temp(home) as instance:
        return _report(dg.execute_job(job, instance=instance,
                                      run_config={**logging, "resources": {"config": {"config": resource}}}))


def _report(result: dg.ExecutionResult) -> int:
    """Print failed checks and steps, or where the release went; the exit status."""
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed:
            first = evaluation.metadata.get("first")
            print(f"check failed: {evaluation.check_name}: {first.value if first else ''}", file=sys.stderr)
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        cause = error.cause if error and error.cause else error
        print(f"step {event.step_key} failed: {cause.message.strip() if cause else ''}", file=sys.stderr)
    release = result.asset_materializations_for_node("release")
    archive = result.asset_materializations_for_node("archive")
    if not result.success:
        written = [f"release {release[0].metadata['path'].value}"] if release else []
        if archive and "archive" in archive[0].metadata:
            written.append(f"archive {archive[0].metadata['archive'].value} and its releases.json entry")
        print("unres build: failed; " + (f"written before the failure: {'; '.join(written)}" if written
                                         else "no release written"), file=sys.stderr)
        return 1
    if not release:
        print("unres build: the release step did not run; no release written", file=sys.stderr)
        return 1
    print(f"release: {release[0].metadata['path'].value}")
    if archive and "archive" in archive[0].metadata:
        metadata = archive[0].metadata
        print(f"archive: {metadata['archive'].value} ({metadata['archive_bytes'].value:,} bytes, "
              f"sha256 {metadata['archive_sha256'].value})")
    return 0
