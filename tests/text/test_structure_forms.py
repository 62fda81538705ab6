"""The same resolution in another text form parses to the same paragraphs.

Each real text is re-rendered as plain unwrapped text (one paragraph per line, no page furniture or
footnotes), with blank lines between paragraphs or without, with LF or CRLF line ends: the paragraph
ids and texts must not change. This is the form of texts copied from the UN's web pages or Word files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.text.structure import parse_resolution

RAW_TEXTS = sorted((Path(__file__).resolve().parents[2] / "data" / "raw").glob("*.txt"))


def _unwrapped(raw: str) -> list[str]:
    parsed = parse_resolution(raw)
    lines = [line.text.strip() for line in parsed.lines if line.kind == "header"] + [""]
    in_annex = False
    for paragraph in parsed.paragraphs:
        if paragraph.section == "annex" and not in_annex:
            lines.append("Annex")
            in_annex = True
        if paragraph.kind == "item":
            lines.append(f"({paragraph.item}) {paragraph.text}")
        elif paragraph.kind == "paragraph" and paragraph.number is not None:
            lines.append(f"{paragraph.number}. {paragraph.text}")
        else:
            lines.append(paragraph.text)
    return lines


@pytest.mark.parametrize("separator", ["\n", "\n\n", "\r\n"], ids=["lf", "blank-lines", "crlf"])
@pytest.mark.parametrize("path", RAW_TEXTS, ids=lambda p: p.name)
def test_unwrapped_form_gives_the_same_paragraphs(path: Path, separator: str) -> None:
    raw = path.read_text(encoding="utf-8")
    original = [(p.paragraph_id, p.text) for p in parse_resolution(raw).paragraphs]
    rendered = [(p.paragraph_id, p.text) for p in parse_resolution(separator.join(_unwrapped(raw))).paragraphs]
    assert rendered == original
