"""Curated vocabularies kept as CSV data, so a new alias or verb is a one-line data change."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent


@cache
def load(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``<name>.csv`` as dicts (header row = keys); cached for the process."""
    path = LEXICON_DIR / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(dict(row) for row in csv.DictReader(handle))
