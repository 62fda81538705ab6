"""The code location: assets, blocking asset checks, the configuration resource, the build job."""

from __future__ import annotations

import dagster as dg

from pipeline.assets.checks import TABLE_CHECKS
from pipeline.assets.extract import extraction
from pipeline.assets.ingest import raw_documents
from pipeline.assets.release import release
from pipeline.assets.structure import structure
from pipeline.resources import UnresConfig

ASSETS = [raw_documents, structure, extraction, release]

build_release_job = dg.define_asset_job("build_release", selection=dg.AssetSelection.all(),
                                        description="Raw texts to a validated, versioned release.")


def build_definitions(config: UnresConfig | None = None) -> dg.Definitions:
    # In process: the multiprocess executor spends seconds importing Dagster for every step.
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=TABLE_CHECKS,
        jobs=[build_release_job],
        resources={"config": config or UnresConfig()},
        executor=dg.in_process_executor,
    )


defs = build_definitions()
