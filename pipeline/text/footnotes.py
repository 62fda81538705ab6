"""Footnotes: entry text, and the marker in a paragraph that calls each one.

A marker is removed from the paragraph text once matched to its footnote, so that
"Peace,2" reads "Peace," and the footnote row names the paragraph it belongs to.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.text.layout import (
    FOOTNOTE_ENTRY,
    NOTE_NUMBER_LINE,
    SUPERSCRIPT,
    SUPERSCRIPT_ENTRY,
    UNUSUAL_WHITESPACE,
    clean_spanned,
)
from pipeline.text.model import Footnote, Line
from pipeline.text.paragraphs import ParagraphSource
from pipeline.text.spans import SpannedText, join

_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SUPERSCRIPT_TO_DIGIT = str.maketrans(SUPERSCRIPT, "0123456789")
_DIGIT_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT)
_SPLIT_URL = re.compile(r"(?<=[a-z/.-]) (?=[a-z0-9/]+\.\w)")
_ORPHAN_MARKER = re.compile(r"(?<=[,;:.])\s?\d{1,3}$")
_NOT_MARKER_BEFORE = re.compile(
    r"\b(?:resolutions?|paragraphs?|paras?\.|articles?|Article|chapter|Chapter|annex|item|items|No\.|vol\.|"
    r"Goal|Goals|target|section|sect\.|rule|Rule|principle|Principle|page|than|within|of|and|to|from|"
    r"on|by|at|for|the|over|about|some|least|most|per|every|in)\s*$"
)


def footnote(raw: str, entry: list[Line]) -> Footnote:
    """One footnote from its lines: the number that opens it and the text after it."""
    first = entry[0]
    alone = NOTE_NUMBER_LINE.match(first.text)
    if alone and len(entry) > 1:  # the number on a line of its own (pdftotext), the text on the lines given
        parts = [SpannedText(line.text, ((0, line.start),)) for line in entry[1:]]
        spanned = clean_spanned(join([p.strip() for p in parts])).sub(_SPLIT_URL)
        return Footnote(number=int(alone.group(1)), text=spanned.text, char_start=first.start, char_end=entry[-1].end)
    superscript = SUPERSCRIPT_ENTRY.match(first.text)
    plain = FOOTNOTE_ENTRY.match(first.text)
    match = superscript or plain
    number_text = match.group(1).translate(_SUPERSCRIPT_TO_DIGIT) if match else "0"
    body_start = first.start + (match.start(2) if match else 0)
    parts = [SpannedText(raw[body_start : first.end], ((0, body_start),))]
    parts += [SpannedText(line.text, ((0, line.start),)) for line in entry[1:]]
    spanned = clean_spanned(join([p.strip() for p in parts]))
    spanned = spanned.sub(_SPLIT_URL)  # URLs split across lines
    return Footnote(
        number=int(number_text), text=spanned.text, char_start=first.start,
        char_end=entry[-1].end if spanned.text else first.end,
    )


def attach_markers(sources: list[ParagraphSource], footnotes: list[Footnote]) -> None:
    """Find each footnote's marker in document order, before the footnote itself is printed.

    Superscript markers are explicit. In PDF and OCR text a marker is a bare number glued to a
    word or punctuation ("Action1", "Peace,2") or set off by a space ("Development, 2"); the
    search keeps to the stretch between the previous marker and the footnote's own position.
    """
    cursor = 0  # raw position after the previous marker
    for note in sorted(footnotes, key=lambda f: (f.number, f.char_start)):
        best: tuple[int, ParagraphSource, int, int] | None = None
        for source in sources:
            if source.paragraph.char_end < cursor:
                continue
            if source.paragraph.char_start > note.char_start:
                break  # a marker stands before the footnote it calls
            found = _find_marker(source, note.number, cursor, note.char_start)
            if found is not None:
                rank, start, end = found
                if best is None or rank < best[0]:
                    best = (rank, source, start, end)
                if rank == 0:
                    break
        if best is None:
            continue
        _, source, start, end = best
        note.paragraph_id = source.paragraph.paragraph_id
        cursor = end
        _remove_marker(source, start, end)


def strip_orphan_markers(sources: list[ParagraphSource]) -> None:
    """A number after a paragraph's final punctuation ("Protocol, 28") is a footnote marker whose
    footnote the source lost; it is not text."""
    for source in sources:
        match = _ORPHAN_MARKER.search(source.spanned.text)
        if match:
            source.set_text(source.spanned.slice(0, match.start()))


@cache
def _marker_patterns(number: int) -> list[re.Pattern[str]]:
    """Marker forms by confidence: superscript or "1/"; glued to a word or punctuation; set off by a
    space (also the second of a run after punctuation, "Congo, 21 22")."""
    n = str(number)
    sup = n.translate(_DIGIT_TO_SUPERSCRIPT)
    return [
        re.compile(rf"{re.escape(sup)}|(?<=\s){n}/(?=[\s,;:.]|$)"),
        re.compile(rf"(?:(?<=[A-Za-z\)\]”’\"])|(?<=[a-z\d”’\"\)][,;:.])|(?<=\b(?:19|20)\d\d)){n}(?=[\s,;:.)]|$)"),
        re.compile(
            rf"(?:(?<=[,;:.”’\)] )|(?<=[a-z]{{3}} )){n}(?=[,;:.]?(?:\s+[a-z(]|\s+\d{{1,3}}\s*$|\s*$)|[,;:.])"
            rf"|(?<=\. ){n}(?=\s+[A-Z])|(?<=[,;:.] \d )(?<=\d ){n}(?=\s*$)|(?<=[,;:.] \d\d ){n}(?=\s*$)"
            # pdftotext: "of 1949 2 and", "2015–2030 4 and"; "Development, 1 Agenda 21", "2012, 1 23/16 of",
            # "Rights Day, 2 9 December"
            rf"|(?<=\b(?:19|20)\d\d ){n}(?=,?\s+(?!(?:million|billion|per|times|years|of)\b)[a-z])"
            rf"|(?<=[a-z\d][,;] ){n}(?=\s+(?:[A-Z][a-z]|\d{{1,3}}/\d|\d{{1,2}} {_MONTH}\b))"
        ),
    ]


def _find_marker(source: ParagraphSource, number: int, lower: int, upper: int) -> tuple[int, int, int] | None:
    raw_text = source.raw_text
    digits = str(number)
    if digits not in raw_text.text and digits.translate(_DIGIT_TO_SUPERSCRIPT) not in raw_text.text:
        return None
    for rank, pattern in enumerate(_marker_patterns(number)):
        for match in pattern.finditer(raw_text.text):
            raw_start = raw_text.raw_offset(match.start())
            if raw_start < lower:
                continue
            if raw_start > upper and rank > 0:
                break
            if rank == 2 and _NOT_MARKER_BEFORE.search(raw_text.text[max(0, match.start() - 16) : match.start()]):
                continue
            return rank, raw_start, raw_text.raw_offset(match.end() - 1) + 1
    return None


def _remove_marker(source: ParagraphSource, raw_start: int, raw_end: int) -> None:
    spanned = source.spanned
    found = spanned.text_range(raw_start, raw_end)
    if found is None:
        return
    cut_start, cut_end = found
    # "Development, 2 which" -> drop the marker and one adjoining space.
    if cut_start > 0 and spanned.text[cut_start - 1] == " " and (cut_end >= len(spanned.text) or spanned.text[cut_end] in " ,;:."):
        cut_start -= 1
    pieces = [(0, cut_start, None), (cut_end, len(spanned.text), None)]
    source.set_text(spanned.keep(pieces).sub(UNUSUAL_WHITESPACE, replacement=" ").strip())
