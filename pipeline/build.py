"""Headless build: run the Dagster job in process, as `unres build` and `make release` do."""

from __future__ import annotations

import sys
from pathlib import Path

import dagster as dg

from pipeline.definitions import build_definitions
from pipeline.resources import UnresConfig


def build_release(raw_dir: Path, releases_dir: Path, version: str = "", instance: dg.DagsterInstance | None = None) -> int:
    if not raw_dir.is_dir():
        print(f"unres build: raw directory {raw_dir} does not exist", file=sys.stderr)
        return 2
    config = UnresConfig(raw_dir=str(raw_dir), releases_dir=str(releases_dir), version=version)
    job = build_definitions(config).resolve_job_def("build_release")
    result = job.execute_in_process(
        instance=instance or dg.DagsterInstance.ephemeral(), raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
    )
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if not evaluation.passed:  # type: ignore[union-attr]
                first = evaluation.metadata.get("first")  # type: ignore[union-attr]
                print(f"check failed: {evaluation.check_name}: {first.value if first else ''}", file=sys.stderr)  # type: ignore[union-attr]
    if not result.success:
        print("unres build: failed; no release written", file=sys.stderr)
        return 1
    release = result.asset_materializations_for_node("release")
    path = release[0].metadata["path"].value if release else "?"
    print(f"release: {path}")
    return 0
