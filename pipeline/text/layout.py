"""Line layout of a text form: what each line is before paragraphs are looked for.

Printers add page furniture (running symbol and title, job numbers, page counters), print
footnotes at the foot of a page and close with the meeting, date and vote. Setting these lines
aside first lets the segmenter see only resolution text, and gives every line a kind for the
nothing-lost accounting.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.lexicons import body_name_alternation, issuing_bodies
from pipeline.text.model import Line, ResolutionRejected
from pipeline.text.spans import SpannedText

BODIES = {body.name: body.symbol_prefix for body in issuing_bodies()}  # from pipeline/lexicons/bodies.csv
_BODY_NAMES = body_name_alternation()
_MD_LINE_PREFIX = r"\s*(?:#{1,6}\s+)?[*_]*"  # markdown heading hashes and emphasis before a line's text
OPENER = re.compile(rf"^{_MD_LINE_PREFIX}[“\"]?The ({_BODY_NAMES})[*_]*\s*[,.:;]?[*_]*\s*(?=\S|$)")
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPT}]+")

# Page furniture: lines a printer adds, never part of the resolution text.
_FURNITURE = [
    # running symbol, "S/RES/1231(1999))"; not a footnote's "A/78/369." on a line of its own
    re.compile(r"^\s*(?:A|S|E)(?:/[A-Z0-9.\-]*[A-Z0-9\-])+(?:\s*\(\d{4}\)+)?\s*$"),
    # job number, alone or with a page counter before or after, fused or not ("2 06-39006",
    # "306-45081", "08-325272", "13-461602/4", "3/413-46160", "01-33986* (E)")
    re.compile(r"^\s*(?:\d{1,3}(?:/\d{1,3})?\s*)?\d{2}-\d{5}\**\s*(?:\d{1,3}(?:/\d{1,3})?)?\s*(?:\(E\)?)?"
               r"\s*(?:\d{6})?\s*(?:/\.\.\.)?\s*$"),
    re.compile(r"^\s*(?:\d{1,3}\s+)?GE\.\d{2}-\d{5}\s*(?:\(E\))?(?:\s+\d{1,3})?\s*$"),  # Geneva job number
    re.compile(r"^\s*\*\d{5,}\*\s*$"),  # barcode
    re.compile(r"^\s*\d{6}\s*$"),  # the print date stamp ("201223") a text extractor puts on a line of its own
    re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$"),  # page counter 2/18
    re.compile(r"^\s*(?i:page) \d+\s*$"),
    re.compile(r"^\s*/\.\.\.\s*$"),
    re.compile(r"^\s*-{3,}\s*$"),
    re.compile(r"^\s*\*\s*\*\s*\*\s*$"),  # "***", a divider between the parts of a preamble
]
_ANY_FURNITURE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _FURNITURE))
_PAGE_SIDE_LINE = re.compile(r"^\s*(?:English|\d{1,3})\s*$")
_FOOTNOTE_RULE = re.compile(r"^\s*_{5,}\s*$")
NOTE_NUMBER_LINE = re.compile(r"^\s*(\d{1,3})\s*$")  # a footnote's number on a line of its own (pdftotext)
_COLUMNS = re.compile(r"\s{3,}")
_PAGE_BREAK = "\f"  # pdftotext opens every page after the first with a form feed
_NOTE_END = re.compile(r"[.)\]”\"]\s*$")
_NOTE_START = re.compile(r"^\s*[A-Z“\"(\d]")
FOOTNOTE_ENTRY = re.compile(r"^\s*(\d{1,3})/?\s+([^\s\-–—−,;:.)\]].*)$")  # not "3 – 14 June" (a wrapped date)
SUPERSCRIPT_ENTRY = re.compile(rf"^\s*([{SUPERSCRIPT}]+)\s*(\S.*)$")
_SLASH_ENTRY = re.compile(r"^\s*\d{1,3}/\s+\S")  # "1/ S/25046." in 1990s Council texts

# A header without an opener line: the number line, then symbol, date and adoption lines.
_NUMBER_LINE = re.compile(  # "Resolution 290", "4 (1946).", "72/284. Title"
    r"^\s*(?:RESOLUTION|Resolution)\s+\d{1,4}\b|^\s*\d{1,4}\s*\(\d{4}\)\s*\."
    r"|^\s*(?:\[[^\]]*\]\(#\)\s*)?\d{1,4}/\d{1,4}(?:\s*[A-Z])?\s*\.\s"
)
_SC_NUMBER_LINE = re.compile(r"^\s*(?:RESOLUTION|Resolution)?\s*\d{1,4}\s*\(\d{4}\)")
_HEADER_LINE = re.compile(
    r"^\s*(?:\[[^\]]*\]|[Oo]f\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|(?:Adopted|Adoption)\b.*\bmeeting\b.*"
    r"|on\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4})\s*$"
)
_PREAMBLE_LEAD = re.compile(r"^\s*(?:Whereas|[A-Z][a-z]+ing)\b")
_PART_LINE = re.compile(r"^\s*([A-H])\s*$")

# Closing block: meeting line, adoption date, vote.
# not a wrapped citation inside a paragraph ("2275th plenary meeting on 1 November 1974,")
_MEETING_LINE = re.compile(r"^\s*(\d+)(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b(?!.*[,;]\s*$)", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*\d{1,2}\s*[A-Z][a-z]+\s*\d{4}\s*$")
_ADOPTED_LINE = re.compile(r"^\s*\[?\s*Adopted\b")
ANNEX_LINE = re.compile(rf"^{_MD_LINE_PREFIX}Annex(?:\s+([IVXL]+|\d+))?[*_]*\s*$")

# Markdown and whitespace clean-up.
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\((?:#[^)\s]*|https?://[^)\s]*)\)")
_MD_EMPHASIS = re.compile(r"\*{1,3}")
_NON_BREAKING_HYPHEN = re.compile("\u2011")  # printed "-", as the Akoma Ntoso and PDF readers write it
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([()\[\]*_.#-])")
WHITESPACE = re.compile(r"\s+")
UNUSUAL_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")  # what differs from a single space


def split_lines(raw: str) -> list[Line]:
    lines = []
    position = 0
    for index, chunk in enumerate(raw.split("\n")):
        text = chunk[:-1] if chunk.endswith("\r") else chunk
        line = Line(index, position, position + len(text), text)
        line.kind = "body" if text.strip() else "blank"
        lines.append(line)
        position += len(chunk) + 1
    return lines


class Opener(NamedTuple):
    """The "The <body>," line; ``implicit`` when the text has none and the header's last line stands in."""

    index: int
    body: str
    rest_start: int | None  # where text after the opener on the same line starts
    implicit: bool = False


def find_opener(lines: list[Line]) -> Opener:
    """The opener line, or for printed Council texts without one (the preamble follows the number
    and adoption lines directly) the last of those header lines."""
    for index, line in enumerate(lines):
        match = OPENER.match(line.text)
        if match and not (line.stripped[:1] in "“\"" and line.text[match.end() :].strip()):  # not a quotation
            rest = line.text[match.end() :]
            rest_start = line.start + match.end() if rest.strip() else None
            return Opener(index, match.group(1), rest_start)
    header_end = printed_header_end(lines)
    if header_end is not None:
        number_at = next(k for k, line in enumerate(lines) if _NUMBER_LINE.match(line.text))
        header_text = " ".join(line.text for line in lines[: header_end + 1])
        named = [name for name in BODIES if name in header_text]
        if named:
            return Opener(header_end, named[0], None, implicit=True)
        if _SC_NUMBER_LINE.match(lines[number_at].text):
            return Opener(header_end, "Security Council", None, implicit=True)
    raise ResolutionRejected(
        'no opening "The General Assembly," / "The Security Council," / "The Human Rights Council," line found'
    )


def printed_header_end(lines: list[Line]) -> int | None:
    """Last line of a printed Council header (number, symbol, date and adoption lines), if it has one."""
    filled = [index for index, line in enumerate(lines) if line.stripped]
    number_at = next((k for k in filled[:5] if _NUMBER_LINE.match(lines[k].text)), None)
    if number_at is None:
        return None
    header_end = number_at
    for index in filled[filled.index(number_at) + 1 :]:
        if not _HEADER_LINE.match(lines[index].text):
            break
        header_end = index
    return header_end


def preamble_above(lines: list[Line], opener_index: int) -> int:
    """Where the body starts when a preamble ("Whereas ...") is printed above the opener line."""
    header_end = printed_header_end(lines)
    if header_end is None or header_end >= opener_index:
        return opener_index
    first = next((k for k in range(header_end + 1, opener_index) if lines[k].stripped), opener_index)
    return first if _PREAMBLE_LEAD.match(lines[first].text) else opener_index


def second_resolution(lines: list[Line], opener_index: int) -> Line | None:
    """A later opener line with its own number line above it: a second resolution in the file.

    An opener repeated without a number (a declaration in the annex, part B of the same
    resolution) is text of this one.
    """
    for index in range(opener_index + 1, len(lines)):
        line = lines[index]
        if not (OPENER.match(line.text) and not OPENER.sub("", line.text).strip()):
            continue
        above = [earlier for earlier in lines[max(0, index - 12) : index] if earlier.stripped][-6:]
        if any(_NUMBER_LINE.match(earlier.text) for earlier in above):
            return line
    return None


def mark_parts(lines: list[Line]) -> None:
    """Parts A, B... of one resolution: a letter alone on a line, then the opener again."""
    filled = [line for line in lines if line.stripped]
    for line, following in zip(filled, filled[1:], strict=False):
        if _PART_LINE.match(line.text) and OPENER.match(following.text) and not OPENER.sub("", following.text).strip():
            line.kind = "part_marker"
            following.kind = "header"


def part_letter(line: Line) -> str:
    match = _PART_LINE.match(line.text)
    return match.group(1) if match else ""


def mark_furniture(lines: list[Line], header_text: str) -> None:
    for line in lines:
        if line.kind == "body" and _ANY_FURNITURE.match(line.text):
            line.kind = "furniture"
    for before, line, after in zip(lines, lines[1:], lines[2:], strict=False):
        # "English" or a bare page number beside a running symbol or job number
        if line.kind == "body" and _PAGE_SIDE_LINE.match(line.text) and "furniture" in (before.kind, after.kind):
            line.kind = "furniture"
    # A running header after a page break (an empty line in PDF text) repeats the title next to
    # the symbol, job number and page counter: such title lines are furniture too.
    known = _squash(header_text)
    for index, line in enumerate(lines):
        if line.text != "" or line.kind != "blank":
            continue
        window = lines[index + 1 : index + 9]
        last = max((k for k, w in enumerate(window) if w.kind == "furniture"), default=0)
        for candidate in window[:last]:
            squashed = _squash(candidate.text)
            if candidate.kind == "body" and len(squashed) >= 5 and squashed in known:
                candidate.kind = "furniture"
    _mark_page_tops(lines, known)


def _mark_page_tops(lines: list[Line], known: str) -> None:
    """The running header at the top of a page after a form feed (pdftotext): lines whose every column
    (-layout sets title and symbol side by side) is furniture or the masthead's title, up to the last
    furniture line and on until the first line of text."""
    for start in (k for k, line in enumerate(lines) if line.text.startswith(_PAGE_BREAK)):
        window = lines[start : start + 8]
        last = max((k for k, w in enumerate(window) if w.kind == "furniture"), default=-1)
        for position, candidate in enumerate(window):
            if candidate.kind != "body":
                continue
            columns = [c for c in _COLUMNS.split(candidate.text.strip()) if c]
            if all(_ANY_FURNITURE.match(c) or (len(_squash(c)) >= 5 and _squash(c) in known) for c in columns):
                candidate.kind = "furniture"
            elif position > last:  # the title under the symbol ends at the first line of text
                break


def _squash(text: str) -> str:
    return WHITESPACE.sub(" ", clean_inline(text)).strip().casefold()


def mark_footnotes(lines: list[Line]) -> list[list[Line]]:
    """Footnote entries: lines after a rule of underscores, or lines opening with superscripts."""
    entries: list[list[Line]] = _page_foot_entries(lines)
    in_block = block_start = False
    last_number = 0
    for line in lines:
        if line.kind == "body" and _FOOTNOTE_RULE.match(line.text):
            line.kind = "furniture"
            in_block = block_start = True
            continue
        if in_block:
            if line.kind == "furniture" or (line.kind == "blank" and line.text == ""):
                in_block = False
                continue
            if line.kind != "body":
                continue
            line.kind = "footnote"
            entry = FOOTNOTE_ENTRY.match(line.text)
            # Footnotes are numbered in sequence; a wrapped line that opens with a number continues.
            if block_start or (entry and int(entry.group(1)) == last_number + 1) or not entries:
                entries.append([line])
                last_number = int(entry.group(1)) if entry else last_number
                block_start = False
            else:
                entries[-1].append(line)
            continue
        if line.kind == "body" and (SUPERSCRIPT_ENTRY.match(line.text) or _SLASH_ENTRY.match(line.text)):
            line.kind = "footnote"
            entries.append([line])
    return entries


def _page_foot_entries(lines: list[Line]) -> list[list[Line]]:
    """Footnotes of text with page breaks (pdftotext): everything from a page's last rule to the page's
    end that is not furniture. The numbers stand on lines of their own, in -layout output each above
    its text, in plain output in an order of their own, so each entry is [number line, text lines]:
    the texts in reading order, cut where a number line stands between them and else after the lines
    most like a footnote's end, as many entries as numbers, numbered in ascending order."""
    starts = [k for k, line in enumerate(lines) if line.text.startswith(_PAGE_BREAK)]
    if not starts:
        return []
    entries: list[list[Line]] = []
    for first, last in zip([0, *starts], [*starts, len(lines)], strict=True):
        rules = [k for k in range(first, last) if lines[k].kind == "body" and _FOOTNOTE_RULE.match(lines[k].text)]
        if not rules:
            continue
        lines[rules[-1]].kind = "furniture"
        zone = [line for line in lines[rules[-1] + 1 : last] if line.kind == "body"]
        numbered = [line for line in zone if NOTE_NUMBER_LINE.match(line.text)]
        texts = [line for line in zone if not NOTE_NUMBER_LINE.match(line.text)]
        for line in zone:
            line.kind = "footnote"
        if numbered and texts:
            numbers = sorted(numbered, key=lambda line: int(line.text))
            groups = _note_groups(texts, zone, len(numbers))
            entries += [[number, *group] for number, group in zip(numbers, groups, strict=False)]
    return entries


def _note_groups(texts: list[Line], zone: list[Line], count: int) -> list[list[Line]]:
    """Cut the footnote text lines of a page into ``count`` entries."""
    position = {id(line): k for k, line in enumerate(zone)}
    strong, weak = [], []
    for k in range(1, len(texts)):
        before, after = texts[k - 1], texts[k]
        if position[id(after)] - position[id(before)] > 1:  # a number line between them
            strong.append(k)
        elif _NOTE_END.search(before.text) and _NOTE_START.match(after.text):
            weak.append(k)
    cuts = strong[: count - 1]
    ranked = sorted(weak, key=lambda k: len(texts[k - 1].text.strip()))
    cuts = sorted(cuts + ranked[: max(0, count - 1 - len(cuts))])
    return [texts[a:b] for a, b in zip([0, *cuts], [*cuts, len(texts)], strict=True)]


def mark_closing(lines: list[Line]) -> str:
    """Mark the closing block (meeting, date, vote) and footnotes printed after it; return its text."""
    closing: list[str] = []
    start = None
    for index, line in enumerate(lines):
        if line.kind != "body":
            continue
        if _MEETING_LINE.match(line.text) or _ADOPTED_LINE.match(line.text):
            start = index
            break
    if start is None:
        # Adopted by silence procedure: the text ends with a bare date line.
        body = [k for k, line in enumerate(lines) if line.kind == "body"]
        if body and _DATE_LINE.match(lines[body[-1]].text):
            start = body[-1]
    if start is None:
        return ""
    in_vote = False
    in_bracket = False  # "[Adopted by a recorded vote ... In favour: ... ]" runs over blank lines
    annex = False
    previous_kind = ""
    for line in lines[start:]:
        if annex:
            break
        if line.kind != "body":
            if line.kind == "blank":
                in_vote = False
            else:
                previous_kind = line.kind
            continue
        text = line.text
        if ANNEX_LINE.match(text):
            line.kind = "annex_marker"
            annex = True
        elif _MEETING_LINE.match(text) or _DATE_LINE.match(text):
            line.kind = "closing"
            closing.append(text.strip())
        elif _ADOPTED_LINE.match(text) or in_vote or in_bracket:
            line.kind = "closing"
            closing.append(text.strip())
            in_vote = True
            if text.lstrip().startswith("[") and "]" not in text:
                in_bracket = True
            elif "]" in text:
                in_bracket = False
        elif FOOTNOTE_ENTRY.match(text) or SUPERSCRIPT_ENTRY.match(text):
            line.kind = "footnote"
            previous_kind = "footnote"
            in_vote = False
        elif closing and previous_kind == "footnote":
            line.kind = "footnote"
        else:
            break
        previous_kind = line.kind
    return "\n".join(closing)


def closing_footnote_entries(lines: list[Line], known: list[list[Line]]) -> list[list[Line]]:
    """Footnotes printed after the closing block (SC compilations), not yet in an entry."""
    seen = {id(line) for entry in known for line in entry}
    entries: list[list[Line]] = []
    for line in lines:
        if line.kind != "footnote" or id(line) in seen:
            continue
        if FOOTNOTE_ENTRY.match(line.text) or SUPERSCRIPT_ENTRY.match(line.text) or not entries:
            entries.append([line])
        else:
            entries[-1].append(line)
    return entries


def clean_inline(text: str) -> str:
    """A header line without markdown and with single spaces."""
    text = _MD_HEADING.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _MD_EMPHASIS.sub("", text)
    return WHITESPACE.sub(" ", text).strip()


def clean_spanned(spanned: SpannedText) -> SpannedText:
    """Paragraph or footnote text without markdown, superscripts and odd whitespace, offsets kept."""
    text = spanned.text  # each markup needs its sign: skip the pass when the sign is absent
    if "#" in text:
        spanned = spanned.sub(_MD_HEADING)
    if "](" in text:
        spanned = spanned.sub(_MD_LINK, keep_group=1)
    if "\\" in text:
        spanned = spanned.sub(_MD_ESCAPE, keep_group=1)
    if "*" in text:
        spanned = spanned.sub(_MD_EMPHASIS)
    if not text.isascii():
        spanned = spanned.sub(SUPERSCRIPT_RUN)
        if "\u2011" in text:
            spanned = spanned.sub(_NON_BREAKING_HYPHEN, replacement="-")
    spanned = spanned.sub(UNUSUAL_WHITESPACE, replacement=" ")
    return spanned.strip()
