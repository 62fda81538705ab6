"""The code location: assets, blocking asset checks, the configuration resource, the build job."""

from __future__ import annotations

import importlib
import os

import dagster as dg

from pipeline.assets.checks import TABLE_CHECKS
from pipeline.assets.corpus import corpus
from pipeline.assets.derived import actors, corpus_health, instrument_graph, mandates, verbs
from pipeline.assets.ingest import (
    SOURCE_ASSETS,
    raw_data_extracts,
    raw_documents,
    raw_meeting_records,
    raw_user_files,
)
from pipeline.assets.release import accuracy, archive, release, release_duckdb
from pipeline.assets.sidecars import sponsors, votes
from pipeline.resources import UnresConfig

ASSETS = [*SOURCE_ASSETS, raw_user_files, raw_documents, raw_data_extracts, raw_meeting_records, corpus, verbs, actors,
          instrument_graph, mandates, corpus_health, votes, sponsors, accuracy, release, archive, release_duckdb]

build_release_job = dg.define_asset_job("build_release", selection=dg.AssetSelection.all(),
                                        description="Raw texts to a validated, versioned release.")


EXECUTORS = {"in_process": dg.in_process_executor, "multiprocess": dg.multiprocess_executor}
# Distributed executors of a deployment, imported only when selected; pin the package to the release
# matching the installed dagster (dagster 1.13.N pairs with dagster-celery / dagster-k8s 0.29.N).
DISTRIBUTED_EXECUTORS = {"celery": ("dagster_celery", "celery_executor"), "k8s": ("dagster_k8s", "k8s_job_executor")}


def executor_definition(name: str) -> dg.ExecutorDefinition:
    if name in EXECUTORS:
        return EXECUTORS[name]
    if name not in DISTRIBUTED_EXECUTORS:
        raise ValueError(f"UNRES_EXECUTOR={name!r}: expected one of {', '.join([*EXECUTORS, *DISTRIBUTED_EXECUTORS])}")
    module, attribute = DISTRIBUTED_EXECUTORS[name]
    try:
        return getattr(importlib.import_module(module), attribute)
    except ImportError as error:
        package = module.replace("_", "-")
        raise ValueError(f"UNRES_EXECUTOR={name!r} needs the {package} package, which is not installed: "
                         f"pip install {package} (the release matching dagster {dg.__version__})") from error


def build_definitions(config: UnresConfig | None = None, executor: str | None = None,
                      in_memory: bool = False) -> dg.Definitions:
    """In process by default, the build steps sharing a pool of worker processes: the multiprocess
    executor spends seconds importing Dagster for every step. ``UNRES_EXECUTOR=multiprocess`` runs
    each step, and so each mapped batch, in its own process, one per core, with no pool inside; a
    deployment selects ``celery`` or ``k8s`` the same way, with that package installed.

    ``in_memory`` passes outputs between in-process steps in memory (the headless build): the
    default IO manager pickles every frame to disk so that the UI can materialize one asset later."""
    executor = executor or os.environ.get("UNRES_EXECUTOR", "in_process")
    definition = executor_definition(executor)
    config = config or UnresConfig()
    if executor != "in_process" and not config.workers:
        config = UnresConfig(**{**config.model_dump(), "workers": 1})  # the executor owns the cores
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=TABLE_CHECKS,
        jobs=[build_release_job],
        resources={"config": config, **({"io_manager": dg.mem_io_manager} if in_memory else {})},
        executor=definition,
    )


defs = build_definitions()


def release_job(executor: str | None = None) -> dg.JobDefinition:
    """The build job as a reconstructable target, for executors that run steps in other processes."""
    return build_definitions(executor=executor).resolve_job_def("build_release")
