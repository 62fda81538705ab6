"""The code location: assets, blocking asset checks, the configuration resource, the build job."""

from __future__ import annotations

import os

import dagster as dg

from pipeline.assets.checks import TABLE_CHECKS
from pipeline.assets.corpus import corpus
from pipeline.assets.ingest import raw_documents
from pipeline.assets.release import release
from pipeline.resources import UnresConfig

ASSETS = [raw_documents, corpus, release]

build_release_job = dg.define_asset_job("build_release", selection=dg.AssetSelection.all(),
                                        description="Raw texts to a validated, versioned release.")


EXECUTORS = {"in_process": dg.in_process_executor, "multiprocess": dg.multiprocess_executor}


def build_definitions(config: UnresConfig | None = None, executor: str | None = None,
                      in_memory: bool = False) -> dg.Definitions:
    """In process by default, the build steps sharing a pool of worker processes: the multiprocess
    executor spends seconds importing Dagster for every step. ``UNRES_EXECUTOR=multiprocess`` runs
    each step, and so each mapped batch, in its own process, one per core, with no pool inside; a
    deployment adds its distributed executor to ``EXECUTORS`` and selects it the same way.

    ``in_memory`` passes outputs between in-process steps in memory (the headless build): the
    default IO manager pickles every frame to disk so that the UI can materialize one asset later."""
    executor = executor or os.environ.get("UNRES_EXECUTOR", "in_process")
    if executor not in EXECUTORS:
        raise ValueError(f"UNRES_EXECUTOR={executor!r}: expected one of {', '.join(EXECUTORS)}")
    config = config or UnresConfig()
    if executor != "in_process" and not config.workers:
        config = UnresConfig(**{**config.model_dump(), "workers": 1})  # the executor owns the cores
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=TABLE_CHECKS,
        jobs=[build_release_job],
        resources={"config": config, **({"io_manager": dg.mem_io_manager} if in_memory else {})},
        executor=EXECUTORS[executor],
    )


defs = build_definitions()


def release_job(executor: str | None = None) -> dg.JobDefinition:
    """The build job as a reconstructable target, for executors that run steps in other processes."""
    return build_definitions(executor=executor).resolve_job_def("build_release")
