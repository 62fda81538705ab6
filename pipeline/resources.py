"""Pipeline configuration as a Dagster resource (paths and release version), never globals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dagster as dg


class UnresConfig(dg.ConfigurableResource):
    raw_dir: str = "data/raw"
    releases_dir: str = "data/releases"
    version: str = ""  # empty: today's date as CalVer, e.g. 2026.11.28
    dist_dir: str = "dist"  # releases.json + archives; empty: no archive, and CHANGES.md has nothing to compare with
    gold_dir: str = "tests/gold"  # gold annotations scored into accuracy.json

    def release_version(self) -> str:
        today = date.today()
        return self.version or f"{today.year}.{today.month}.{today.day}"

    def raw_path(self) -> Path:
        return Path(self.raw_dir)

    def releases_path(self) -> Path:
        return Path(self.releases_dir)

    def dist_path(self) -> Path | None:
        return Path(self.dist_dir) if self.dist_dir else None

    def gold_path(self) -> Path:
        return Path(self.gold_dir)
