"""Pipeline configuration as a Dagster resource (paths, release version, fan-out), never globals."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import dagster as dg

from pipeline.cache import DocumentCache
from pipeline.sources import FORMS


class UnresConfig(dg.ConfigurableResource):
    raw_dir: str = "data/raw"  # a user's own files (text, PDF, Akoma Ntoso XML)
    sources_dir: str = "data/sources"  # vendored source archives listed in SOURCES.csv; empty: none
    form_precedence: str = ",".join(FORMS)  # which form of a resolution is published, best first
    releases_dir: str = "data/releases"
    version: str = ""  # empty: today's date as CalVer, e.g. 2026.11.28
    dist_dir: str = "dist"  # releases.json + archives; empty: no archive, and CHANGES.md has nothing to compare with
    gold_dir: str = "tests/gold"  # gold annotations scored into accuracy.json
    cache_dir: str = "data/cache"  # per-document rows by content hash; empty: parse everything every time
    step_documents: int = 1000  # documents per mapped build step
    workers: int = 0  # processes per build step; 0: every core (in process), 1: none besides the step's own

    def release_version(self) -> str:
        today = date.today()
        return self.version or f"{today.year}.{today.month}.{today.day}"

    def document_cache(self) -> DocumentCache | None:
        return DocumentCache(Path(self.cache_dir)) if self.cache_dir else None

    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1

    def precedence(self) -> tuple[str, ...]:
        forms = tuple(form.strip() for form in self.form_precedence.split(",") if form.strip())
        unknown = sorted(set(forms) - set(FORMS))
        if unknown:
            raise ValueError(f"form_precedence: {', '.join(unknown)} not among the forms {', '.join(FORMS)}")
        return forms

    def raw_path(self) -> Path:
        return Path(self.raw_dir)

    def releases_path(self) -> Path:
        return Path(self.releases_dir)

    def dist_path(self) -> Path | None:
        return Path(self.dist_dir) if self.dist_dir else None

    def gold_path(self) -> Path:
        return Path(self.gold_dir)
