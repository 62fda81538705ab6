"""Every Security Council resolution in data/sources, parsed by the pipeline's own readers.

Shared by bench/sc_years.py (the number -> year lexicon) and bench/citations.py (citation recall).
Members are taken by extension, not by the manifest's member globs: the XML archive keeps 2000-2019
under Pre-2020/<year>/, which the ``*/English/*.xml`` glob does not reach. Drafts that were not
adopted and presidential statements are skipped.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.text.ingest import decode_resolution  # noqa: E402
from pipeline.text.model import ParsedResolution, ResolutionRejected  # noqa: E402
from pipeline.text.readers import read_resolution  # noqa: E402

SOURCES = ROOT / "data" / "sources"
# (archive, form, member extension), best form first: where a resolution is in two archives the first wins
ARCHIVES = (
    ("unxml-sc-2000-2026.zip", "akn_xml", ".xml"),
    ("sc-pdftext-1994-2014.zip", "pdf_text", ".txt"),
    ("sc-compilations-1946-1993.zip", "compilation_text", ".txt"),
)


def sc_resolutions() -> Iterator[tuple[str, ParsedResolution]]:
    """(archive/member, parsed resolution) for every adopted resolution, every form."""
    for archive, form, extension in ARCHIVES:
        with zipfile.ZipFile(SOURCES / archive) as opened:
            for member in sorted(opened.namelist()):
                if not member.endswith(extension) or "/Not adopted/" in member:
                    continue
                text, _ = decode_resolution(opened.read(member), member)
                try:
                    parsed = read_resolution(form, text, None, member)
                except ResolutionRejected as rejected:
                    print(f"skipped {archive}/{member}: {rejected}", file=sys.stderr)
                    continue
                yield f"{archive}/{member}", parsed


def one_form_each() -> dict[str, tuple[str, ParsedResolution]]:
    """document_id -> (member, parsed), keeping the best form of each resolution (ARCHIVES order)."""
    chosen: dict[str, tuple[str, ParsedResolution]] = {}
    for member, parsed in sc_resolutions():
        chosen.setdefault(parsed.header.document_id, (member, parsed))
    return chosen
