"""Resolution structure: header fields, sections, paragraphs, sub-items and footnotes.

One grammar for the forms resolutions come in: the markdown-ish conversion of the UN PDF
(the seed), plain PDF text with running page headers and hard-wrapped lines, OCR of printed
compilations, and unwrapped plain text. The stages run line by line: layout sets aside page
furniture, footnote blocks and the closing block (layout.py); the header fields come from the
lines above the opener (header.py); the remaining lines are segmented into paragraphs
(paragraphs.py); footnote entries are matched to their markers (footnotes.py).
Every row keeps offsets into the raw text, and anything not accounted for is residue.
"""

from __future__ import annotations

from pipeline.text import furniture, layout, words
from pipeline.text.footnotes import attach_markers, footnote, strip_orphan_markers
from pipeline.text.header import parse_header
from pipeline.text.layout import SUPERSCRIPT_RUN
from pipeline.text.model import Footnote, Header, Line, Paragraph, ParsedResolution, ResolutionRejected
from pipeline.text.paragraphs import ParagraphSource, segment


def parse_resolution(raw: str) -> ParsedResolution:
    """Parse one resolution's text; raises ResolutionRejected with the reason when it is not one."""
    return parse_with_sources(raw)[0]


def parse_with_sources(raw: str) -> tuple[ParsedResolution, list[ParagraphSource]]:
    """The parse and, per paragraph, its raw lines and offset-mapped text (with any restored hyphens)."""
    if not raw.strip():
        raise ResolutionRejected("empty text")
    lines = layout.split_lines(raw)
    opener = layout.find_opener(lines)
    opener_index, body_name, opener_rest = opener.index, opener.body, opener.rest_start
    second = layout.second_resolution(lines, opener_index)
    if second is not None:
        raise ResolutionRejected(
            f'a second "The {body_name}," opener with its own resolution number at line {second.index + 1}: '
            "two resolutions in one file; split it into one file per resolution", reason="multiple_resolutions")
    layout.mark_parts(lines)
    body_start = opener_index + 1 if opener.implicit else layout.preamble_above(lines, opener_index)
    above = lines[:body_start] if opener.implicit else lines[: min(body_start, opener_index)]
    parts = [line for line in above if line.kind == "part_marker"]  # part A above the opener
    header_lines = [line for line in above if line.kind != "part_marker"]
    for line in header_lines:
        line.kind = "header" if line.stripped else "blank"
    lines[opener_index].kind = "header"
    rest = []
    if opener_rest is not None:
        rest = [Line(-1, opener_rest, lines[opener_index].end, raw[opener_rest : lines[opener_index].end])]
    body_lines = [*parts, *lines[body_start:opener_index], *rest, *lines[opener_index + 1 :]]
    own = furniture.own_furniture(header_lines)
    body_lines, dropped_hyphens = furniture.split_glued_rules(furniture.split_fused(body_lines, own))
    layout.mark_furniture(body_lines, " ".join(line.text for line in header_lines))
    footnote_entries = layout.mark_footnotes(body_lines)
    closing_text = layout.mark_closing(body_lines)
    footnote_entries += layout.closing_footnote_entries(body_lines, footnote_entries)

    header = parse_header(header_lines, body_name, closing_text)
    sources = segment(body_lines, header.document_id)
    paragraphs = [source.paragraph for source in sources]
    if not any(p.section == "operative" for p in paragraphs):
        raise ResolutionRejected(f'no operative paragraph found after "The {body_name}" (line {lines[opener_index].index + 1})')

    footnotes = [footnote(raw, entry) for entry in footnote_entries]
    words.repair(sources, footnotes, [line.text for line in body_lines if line.kind in ("body", "footnote")],
                 dropped_hyphens)
    attach_markers(sources, footnotes)
    strip_orphan_markers(sources)
    residue = [(line.start, line.end, line.text) for line in body_lines if line.kind == "residue"]
    residue += furniture.residue(sources, own)
    form = "markdown" if ("](#)" in raw or SUPERSCRIPT_RUN.search(raw)) else (
        "pdf_text" if any(line.kind == "furniture" for line in body_lines) else "plain"
    )
    return ParsedResolution(header, paragraphs, footnotes, residue, form, lines), sources


__all__ = [
    "Footnote",
    "Header",
    "Paragraph",
    "ParsedResolution",
    "ResolutionRejected",
    "parse_resolution",
]
