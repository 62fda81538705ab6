"""The parsed resolution: what every reader (text, PDF, Akoma Ntoso XML) produces, so extraction has one path.

Offsets (``char_start``/``char_end``) point into the decoded source the reader was given: the text of a
text or PDF form, the XML of an Akoma Ntoso file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class ResolutionRejected(ValueError):
    """The input cannot be read as one resolution; the message says why and where, ``reason`` is a code."""

    def __init__(self, message: str, reason: str = "not_a_resolution") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass
class Line:
    """One line of a text form, with what the parser made of it (the unit of the nothing-lost accounting)."""

    index: int
    start: int
    end: int  # exclusive, without the line break
    text: str
    kind: str = "body"  # body | blank | header | furniture | footnote | closing | annex_marker | part_marker | residue

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class Paragraph:
    paragraph_id: str
    section: str  # preamble | operative | annex
    kind: str  # paragraph | item | heading
    ordinal: int
    number: int | None
    item: str | None
    parent_paragraph_id: str | None
    text: str
    char_start: int
    char_end: int


@dataclass
class Footnote:
    number: int
    text: str
    char_start: int
    char_end: int
    paragraph_id: str | None = None


@dataclass
class Header:
    document_id: str
    body: str
    resolution_number: str | None
    session: int | None
    title: str | None
    adopted_on: date | None
    distributed_on: date | None
    agenda_items: list[str]
    draft_symbol: str | None
    committee: str | None
    meeting: int | None
    vote: str | None


@dataclass
class ParsedResolution:
    header: Header
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    residue: list[tuple[int, int, str]]  # (char_start, char_end, text) not accounted for
    form: str  # how the text was laid out: akn_xml | markdown | pdf_text | plain
    lines: list[Line]  # text forms: every line with its kind; empty for XML
