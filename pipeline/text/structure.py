"""Resolution structure: header fields, sections, paragraphs, sub-items and footnotes.

One grammar for the forms resolutions come in: the markdown-ish conversion of the UN PDF
(the seed), plain PDF text with running page headers and hard-wrapped lines, OCR of printed
compilations, and unwrapped plain text. The parser works line by line: it sets aside page
furniture (running headers, job numbers, page counters), footnote blocks and the closing
block, then segments the remaining lines into paragraphs by their openings (printed numbers,
(a)/(i) labels, lead words) and by the punctuation that ends the previous paragraph.
Every row keeps offsets into the raw text, and anything not accounted for is residue.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.lexicons import load
from pipeline.text.dates import parse_date
from pipeline.text.model import Footnote, Header, Line, Paragraph, ParsedResolution, ResolutionRejected
from pipeline.text.numbers import ordinal_to_int
from pipeline.text.spans import SpannedText, join
from pipeline.text.votes import strip_vote_marker


BODIES = {
    "General Assembly": "A",
    "Security Council": "S",
    "Human Rights Council": "A/HRC",
    "Economic and Social Council": "E",
}
_BODY_NAMES = "|".join(BODIES)
_MD_LINE_PREFIX = r"\s*(?:#{1,6}\s+)?[*_]*"  # markdown heading hashes and emphasis before a line's text
_OPENER = re.compile(rf"^{_MD_LINE_PREFIX}The ({_BODY_NAMES})[*_]*\s*[,.:;]?[*_]*\s*(?=\S|$)")
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_DIGIT = str.maketrans(_SUPERSCRIPT, "0123456789")
_DIGIT_TO_SUPERSCRIPT = str.maketrans("0123456789", _SUPERSCRIPT)
_SUPERSCRIPT_RUN = re.compile(f"[{_SUPERSCRIPT}]+")

# Page furniture: lines a printer adds, never part of the resolution text.
_FURNITURE = [
    re.compile(r"^\s*(?:A|S|E)(?:/[A-Z0-9.\-]+)+(?:\s*\(\d{4}\))?\s*$"),  # running symbol
    re.compile(r"^\s*\d{2}-\d{5}\s*(?:\(E\))?\s*(?:\d{6})?\s*(?:/\.\.\.)?\s*$"),  # job number
    re.compile(r"^\s*(?:\d{1,3}\s+)?GE\.\d{2}-\d{5}\s*(?:\(E\))?(?:\s+\d{1,3})?\s*$"),  # Geneva job number
    re.compile(r"^\s*\*\d{5,}\*\s*$"),  # barcode
    re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$"),  # page counter 2/18
    re.compile(r"^\s*(?i:page) \d+\s*$"),
    re.compile(r"^\s*/\.\.\.\s*$"),
    re.compile(r"^\s*-{3,}\s*$"),
]
_ANY_FURNITURE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _FURNITURE))
_FOOTNOTE_RULE = re.compile(r"^\s*_{5,}\s*$")
_FOOTNOTE_ENTRY = re.compile(r"^\s*(\d{1,3})\s+([^\s\-–—−,;:.)\]].*)$")  # not "3 – 14 June" (a wrapped date)
_SUPERSCRIPT_ENTRY = re.compile(rf"^\s*([{_SUPERSCRIPT}]+)\s*(\S.*)$")

# Closing block: meeting line, adoption date, vote.
_MEETING_LINE = re.compile(r"^\s*(\d+)(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*\d{1,2}\s*[A-Z][a-z]+\s*\d{4}\s*$")
_ADOPTED_LINE = re.compile(r"^\s*\[?\s*Adopted\b")
_ANNEX_LINE = re.compile(rf"^{_MD_LINE_PREFIX}Annex(?:\s+([IVXL]+|\d+))?[*_]*\s*$")

# Paragraph openings.
_NUMBER_LABEL = re.compile(r"^\s*(\d{1,3})\s*([.,])(?:\s+|$)")
_ITEM_LABEL = re.compile(r"^\s*\(([a-z]{1,2}|[ivxl]{1,5}|\d)\)(?:\s+|$)")
_ROMAN_HEADING = re.compile(r"^\s*([IVXL]{1,5})\.\s+|^\s*([A-Z])\.\s+(?=[A-Z])")
_ROMAN_LABEL = re.compile(r"^\s*[IVXL]{1,5}\.(?:\s+(?=[A-Z])|\s*$)")  # "II. Implementation ..." or "I." alone
_END_OF_PARAGRAPH = re.compile(r"[,;:.]\s*$")
_STRONG_END = re.compile(r"[;:.]\s*$")
_LEAD_WORD = re.compile(r"^\s*[“\"]?([A-Z][a-z]+)(?:,)?(?:\s+([a-z]+))?")
_ROMAN = "ivxl"

# Markdown and whitespace clean-up inside paragraph text.
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\((?:#[^)\s]*|https?://[^)\s]*)\)")
_MD_EMPHASIS = re.compile(r"\*{1,3}")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([()\[\]*_.#-])")
_WHITESPACE = re.compile(r"\s+")
_MARKER_AFTER_PUNCTUATION = re.compile(r"(?<=[,;:.])\s*\d{1,3}$")
_LABEL_ONLY = re.compile(r"\s*(?:\d{1,3}\.|\([a-z0-9]{1,5}\)|[IVXL]{1,5}\.)\s*")
_UNUSUAL_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")  # what differs from a single space


def parse_resolution(raw: str) -> ParsedResolution:
    """Parse one resolution's text; raises ResolutionRejected with the reason when it is not one."""
    if not raw.strip():
        raise ResolutionRejected("empty text")
    lines = _split_lines(raw)
    opener_index, body_name, opener_rest = _find_opener(lines)
    for line in lines[opener_index + 1 :]:
        if _OPENER.match(line.text) and not _OPENER.sub("", line.text).strip():
            raise ResolutionRejected(
                f'a second "The {body_name}," opener at line {line.index + 1}: two resolutions in one file; '
                "split it into one file per resolution", reason="multiple_resolutions")
    header_lines = lines[:opener_index]
    for line in header_lines:
        line.kind = "header" if line.stripped else "blank"
    lines[opener_index].kind = "header"
    body_lines = lines[opener_index + 1 :]
    if opener_rest is not None:
        rest_line = Line(-1, opener_rest, lines[opener_index].end, raw[opener_rest : lines[opener_index].end])
        body_lines = [rest_line, *body_lines]
    _mark_furniture(body_lines, " ".join(line.text for line in header_lines))
    footnote_entries = _mark_footnotes(body_lines)
    closing_text = _mark_closing(body_lines)
    footnote_entries += _closing_footnote_entries(body_lines, footnote_entries)

    header = _parse_header(header_lines, body_name, closing_text)
    segmenter = _Segmenter(header.document_id)
    segmenter.run(body_lines)
    paragraphs = segmenter.paragraphs
    if not any(p.section == "operative" for p in paragraphs):
        raise ResolutionRejected(f'no operative paragraph found after "The {body_name}" (line {lines[opener_index].index + 1})')

    footnotes = [_footnote(raw, entry) for entry in footnote_entries]
    _attach_footnote_markers(paragraphs, footnotes, body_lines)
    _strip_orphan_markers(paragraphs)
    residue = [(line.start, line.end, line.text) for line in body_lines if line.kind == "residue"]
    form = "markdown" if ("](#)" in raw or _SUPERSCRIPT_RUN.search(raw)) else (
        "pdf_text" if any(line.kind == "furniture" for line in body_lines) else "plain"
    )
    return ParsedResolution(header, paragraphs, footnotes, residue, form, lines)


# --- lines -------------------------------------------------------------------------------


def _split_lines(raw: str) -> list[Line]:
    lines = []
    position = 0
    for index, chunk in enumerate(raw.split("\n")):
        text = chunk[:-1] if chunk.endswith("\r") else chunk
        line = Line(index, position, position + len(text), text)
        line.kind = "body" if text.strip() else "blank"
        lines.append(line)
        position += len(chunk) + 1
    return lines


def _find_opener(lines: list[Line]) -> tuple[int, str, int | None]:
    for index, line in enumerate(lines):
        match = _OPENER.match(line.text)
        if match:
            rest = line.text[match.end() :]
            rest_start = line.start + match.end() if rest.strip() else None
            return index, match.group(1), rest_start
    raise ResolutionRejected(
        'no opening "The General Assembly," / "The Security Council," / "The Human Rights Council," line found'
    )


def _mark_furniture(lines: list[Line], header_text: str) -> None:
    for line in lines:
        if line.kind == "body" and _ANY_FURNITURE.match(line.text):
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


def _squash(text: str) -> str:
    return _WHITESPACE.sub(" ", _clean_inline(text)).strip().casefold()


def _mark_footnotes(lines: list[Line]) -> list[list[Line]]:
    """Footnote entries: lines after a rule of underscores, or lines opening with superscripts."""
    entries: list[list[Line]] = []
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
            entry = _FOOTNOTE_ENTRY.match(line.text)
            # Footnotes are numbered in sequence; a wrapped line that opens with a number continues.
            if block_start or (entry and int(entry.group(1)) == last_number + 1) or not entries:
                entries.append([line])
                last_number = int(entry.group(1)) if entry else last_number
                block_start = False
            else:
                entries[-1].append(line)
            continue
        if line.kind == "body" and _SUPERSCRIPT_ENTRY.match(line.text):
            line.kind = "footnote"
            entries.append([line])
    return entries


def _mark_closing(lines: list[Line]) -> str:
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
        if _ANNEX_LINE.match(text):
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
        elif _FOOTNOTE_ENTRY.match(text) or _SUPERSCRIPT_ENTRY.match(text):
            line.kind = "footnote"
            previous_kind = "footnote"
            in_vote = False
        elif closing and previous_kind == "footnote":
            line.kind = "footnote"
        else:
            break
        previous_kind = line.kind
    return "\n".join(closing)


def _closing_footnote_entries(lines: list[Line], known: list[list[Line]]) -> list[list[Line]]:
    """Footnotes printed after the closing block (SC compilations), not yet in an entry."""
    seen = {id(line) for entry in known for line in entry}
    entries: list[list[Line]] = []
    for line in lines:
        if line.kind != "footnote" or id(line) in seen:
            continue
        if _FOOTNOTE_ENTRY.match(line.text) or _SUPERSCRIPT_ENTRY.match(line.text) or not entries:
            entries.append([line])
        else:
            entries[-1].append(line)
    return entries


# --- header ------------------------------------------------------------------------------

_GA_NUMBER = re.compile(r"^\s*(?:\[[^\]]*\]\(#\)\s*)?(?:Resolution\s+)?(ES-\d+/\d+|S-\d+/\d+|\d{1,4}/\d{1,4}(?:\s*[A-Z]\b)?)\s*\.\s*(.*)$")
_OLD_GA_NUMBER = re.compile(r"^\s*(\d{1,4})\s*(?:[A-Z]\s*)?\(([IVXL]+)\)\s*\.\s*(.*)$")
_SC_NUMBER = re.compile(r"\b(?:RESOLUTION|Resolution)?\s*(\d{1,4})\s*\((\d{4})\)")
_SESSION_LINE = re.compile(r"^\s*([A-Za-z\-‑ ]+?)\s+(?:special\s+|emergency\s+special\s+)?session\b", re.IGNORECASE)
_AGENDA = re.compile(r"Agenda items?\s+([0-9][0-9 ()a-z,and]*)")
_ADOPTED_ON = re.compile(
    rf"adopted by the (?:{_BODY_NAMES})(?:\s+at its \d+(?:st|nd|rd|th) meeting,?)?\s+on\s+(.+)", re.IGNORECASE
)
_DISTR = re.compile(r"Distr\.?:?\s*(?:General|GENERAL|Limited|LIMITED)")
_BRACKET = re.compile(r"\[\s*((?:on the report of|without reference to)[^\]]*)\]", re.IGNORECASE | re.DOTALL)
_COMMITTEE = re.compile(r"on the report of the (.+?Committee)", re.IGNORECASE | re.DOTALL)
_SYMBOL_IN_TEXT = re.compile(r"\b(?:A|S|E)/(?:[A-Z0-9\-]+/)*[A-Z0-9\-]+(?:\.\d+)?(?:/(?:Add|Rev|Corr)\.\d+)*")
_MEETING_IN_TEXT = re.compile(r"(\d+)(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting")


def _clean_inline(text: str) -> str:
    text = _MD_HEADING.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _MD_EMPHASIS.sub("", text)
    return _WHITESPACE.sub(" ", text).strip()


def _parse_header(lines: list[Line], body: str, closing: str) -> Header:
    texts = [_clean_inline(line.text) for line in lines if line.stripped]
    joined = "\n".join(texts)
    flat = _WHITESPACE.sub(" ", joined)

    resolution_number, title, symbol = _resolution_number_and_title(texts, body)
    if symbol is None:
        symbol = _symbol_from_masthead(texts, body)
    if symbol is None:
        raise ResolutionRejected(f"no resolution number or symbol found in the header of this {body} text")

    session = None
    for text in texts:
        match = _SESSION_LINE.match(text)
        if match:
            session = ordinal_to_int(match.group(1).strip())
            if session:
                break
    if session is None and resolution_number and "/" in resolution_number and body != "Security Council":
        prefix = resolution_number.split("/")[0]
        session = int(prefix) if prefix.isdigit() else None

    agenda_items: list[str] = []
    agenda = _AGENDA.search(flat)
    if agenda:
        agenda_items = [
            item.strip() for item in re.split(r",|\band\b", agenda.group(1)) if re.match(r"\s*\d", item)
        ]

    adopted_on = None
    adopted = _ADOPTED_ON.search(flat)
    if adopted:
        adopted_on = parse_date(adopted.group(1)[:40])
    if adopted_on is None:
        resolution_of = re.search(r"(?:Resolution|RESOLUTION)?[^\n]*?\bof\s+(\d{1,2}\s*[A-Z][a-z]+\s*\d{4})", flat)
        if resolution_of:
            adopted_on = parse_date(resolution_of.group(1))
    if adopted_on is None and closing:
        adopted_on = parse_date(closing)

    distributed_on = None
    distr = _DISTR.search(flat)
    if distr:
        distributed_on = parse_date(flat[distr.end() : distr.end() + 60])

    committee = None
    draft_symbol = None
    bracket = _BRACKET.search(joined)
    if bracket:
        content = bracket.group(1)
        committee_match = _COMMITTEE.search(content)
        if committee_match:
            committee = _WHITESPACE.sub(" ", committee_match.group(1)).strip()
        symbols = _SYMBOL_IN_TEXT.findall(content)
        draft_symbol = symbols[0] if symbols else None

    meeting = None
    for source in (closing, flat):
        meeting_match = _MEETING_IN_TEXT.search(source)
        if meeting_match:
            meeting = int(meeting_match.group(1))
            break
    vote = None
    vote_match = re.search(r"(Adopted.*)", closing, re.DOTALL)
    if vote_match:
        vote = strip_vote_marker(_WHITESPACE.sub(" ", vote_match.group(1)))

    return Header(
        document_id=symbol,
        body=body,
        resolution_number=resolution_number,
        session=session,
        title=title,
        adopted_on=adopted_on,
        distributed_on=distributed_on,
        agenda_items=agenda_items,
        draft_symbol=draft_symbol,
        committee=committee,
        meeting=meeting,
        vote=vote,
    )


def _resolution_number_and_title(texts: list[str], body: str) -> tuple[str | None, str | None, str | None]:
    """The 'NN/NNN. Title' line (GA, HRC) or 'Resolution NNNN (YYYY)' (SC) and the symbol it implies."""
    prefix = BODIES[body]
    for index, text in enumerate(texts):
        old = _OLD_GA_NUMBER.match(text)
        match = _GA_NUMBER.match(text)
        if body == "Security Council":
            sc = _SC_NUMBER.search(text)
            # "Resolution 2139 (2014)", "2139 (2014)." or a title line that names it, such as
            # "United Nations Security Council Resolution 1654 (2006)"; not "resolutions 2042 (2012), ..."
            named = re.search(r"\b(?:RESOLUTION|Resolution)\s+\d{1,4}\s*\(\d{4}\)", text)
            if sc and (text.lstrip().lower().startswith("resolution") or named
                       or re.match(r"^\s*\d+\s*\(\d{4}\)\s*\.", text)):
                if named:
                    sc = _SC_NUMBER.search(text, named.start())
                number = f"{sc.group(1)} ({sc.group(2)})"
                return number, None, f"S/RES/{sc.group(1)}({sc.group(2)})"
            continue
        if old and body == "General Assembly":
            number = f"{old.group(1)} ({old.group(2)})"
            return number, _title_from(texts, index, old.group(3)), f"A/RES/{old.group(1)}({old.group(2)})"
        if match:
            number = re.sub(r"\s+", " ", match.group(1))
            symbol_number = number.replace(" ", "")
            return number, _title_from(texts, index, match.group(2)), f"{prefix}/RES/{symbol_number}"
    return None, None, None


def _title_from(texts: list[str], index: int, first: str) -> str | None:
    """A title wraps over lines up to the blank before the opener; our texts drop blanks, so stop at the end."""
    parts = [first.strip()] if first.strip() else []
    for text in texts[index + 1 :]:
        if _OPENER.match(text):
            break
        parts.append(text.strip())
    title = " ".join(parts).strip()
    return title or None


def _symbol_from_masthead(texts: list[str], body: str) -> str | None:
    for text in texts[:12]:
        match = re.match(r"^\s*((?:A/HRC|A|S|E)/RES/[A-Z0-9\-/]+)(?:\s*\((\d{4})\))?\s*$", text)
        if match:
            return match.group(1) + (f"({match.group(2)})" if match.group(2) else "")
    return None


# --- paragraphs --------------------------------------------------------------------------


class _Segmenter:
    """Groups body lines into paragraphs, in document order."""

    def __init__(self, document_id: str) -> None:
        self.document_id = document_id
        self.paragraphs: list[Paragraph] = []
        self._lines: list[list[Line]] = []  # raw lines of each paragraph, parallel to paragraphs
        self._label_starts: list[int] = []
        self.section = "preamble"
        self.annex: str | None = None
        self.last_number = 0
        self.counters: dict[str, int] = {}
        self.parent: Paragraph | None = None
        self.items: list[Paragraph] = []  # open item stack (a) > (i)
        self._by_id: dict[str, Paragraph] = {}
        self._force_open = False

    def run(self, lines: list[Line]) -> None:
        gap = False  # blank line seen since the current paragraph's last line
        page_break = False  # furniture or footnotes seen since then
        body = [line for line in lines if line.kind == "body"]
        following = {id(line): body[k + 1] if k + 1 < len(body) else None for k, line in enumerate(body)}
        for line in lines:
            if line.kind == "body" and self.section != "preamble" and _ANNEX_LINE.match(line.text):
                line.kind = "annex_marker"  # "Annex" on a line of its own, even without a closing block
            if line.kind in ("blank",):
                gap = True
                continue
            if line.kind in ("furniture", "footnote", "closing", "header"):
                page_break = True
                continue
            if line.kind == "annex_marker":
                self._start_annex(line)
                gap = page_break = False
                continue
            self._feed(line, gap, page_break, following[id(line)])
            gap = page_break = False
        self._finish()

    # A line either opens a paragraph or continues the current one.
    def _feed(self, line: Line, gap: bool, page_break: bool, next_line: Line | None) -> None:
        text = line.text
        if self._lines and self._label_only(self._lines[-1]):
            self._lines[-1].append(line)
            return
        if self._force_open:  # the first line after "Annex" is the annex title
            self._force_open = False
            self._open_unnumbered(line)
            return
        current = self._current_text()
        ends = bool(_END_OF_PARAGRAPH.search(current)) if current else True
        number = _NUMBER_LABEL.match(text)
        if number and self._accept_number(int(number.group(1)), number.group(2), current, ends):
            self._open_numbered(line, int(number.group(1)), number.end())
            return
        if _ROMAN_LABEL.match(text) and (current is None or ends or gap):
            self._open_unnumbered(line)
            return
        item = _ITEM_LABEL.match(text)
        if item and current is not None and (ends or re.search(r"\b(?:and|or)\s*$", current)):
            label = self._item_label(item.group(1))
            if label:
                self._open_item(line, label, item.end())
                return
        if current is None or self._opens_paragraph(text, current, ends, gap, page_break) or self._is_heading(
            text, current, next_line
        ):
            self._open_unnumbered(line)
            return
        self._lines[-1].append(line)

    def _accept_number(self, number: int, mark: str, current: str | None, ends: bool) -> bool:
        if number == self.last_number + 1:
            return mark == "." or ends
        if number == 1 and self.annex is not None and not self._annex_has_numbers():
            return True
        return mark == "." and ends and self.last_number < number <= self.last_number + 3

    def _annex_has_numbers(self) -> bool:
        return any(p.section == "annex" and p.number is not None for p in self.paragraphs if p.paragraph_id.startswith(self._annex_prefix()))

    def _opens_paragraph(self, text: str, current: str, ends: bool, gap: bool, page_break: bool) -> bool:
        lead = _LEAD_WORD.match(text)
        if not ends:
            # PDF extraction sometimes drops a preambular paragraph's last line ("... of 19 December"
            # with "2006," lost); after a blank line, a capitalised lexicon participle such as
            # "Recalling also" or "Bearing in mind" still starts the next preambular paragraph.
            return bool(
                lead and gap and not page_break and self.section == "preamble" and self.annex is None
                and lead.group(1).lower().endswith("ing") and lead.group(1).lower() in _lead_forms()
            )
        if not lead:
            return False
        if gap and not page_break:
            return True
        # Without a blank line, a capitalised line after a colon continues a title ("Action:
        # Addressing ..."), and inside numbered paragraphs it is a new sentence ("We therefore:").
        if current.endswith(":") or self.last_number > 0:
            return False
        return _is_lead_word(lead.group(1), lead.group(2))

    def _is_heading(self, text: str, current: str, next_line: Line | None) -> bool:
        """An unpunctuated line between a finished paragraph and a numbered one is a heading
        ("Budget estimates for the period ..." above "15. Decides ...")."""
        if self.section == "preamble" or not _STRONG_END.search(current) or _END_OF_PARAGRAPH.search(text):
            return False
        if next_line is None or len(text) > 300 or not text.strip()[:1].isupper():
            return False
        label = _NUMBER_LABEL.match(next_line.text)
        return bool(label) and int(label.group(1)) in (self.last_number + 1, 1)

    def _current_text(self) -> str | None:
        if not self._lines:
            return None
        last = self._lines[-1][-1]
        text = _SUPERSCRIPT_RUN.sub("", last.text).rstrip()
        # A footnote marker glued after the final punctuation ("Peace,1") hides the end.
        return _MARKER_AFTER_PUNCTUATION.sub("", text)

    def _label_only(self, lines: list[Line]) -> bool:
        return len(lines) == 1 and bool(_LABEL_ONLY.fullmatch(lines[0].text))

    def _item_label(self, raw_label: str) -> str | None:
        """Accept (a), (b)… in sequence and (i), (ii)… nested; OCR '(6)' after '(a)' reads '(b)'."""
        label = raw_label
        if raw_label.isdigit():
            if raw_label == "6" and self.items and self.items[-1].item == "a":
                return "b"
            return None
        if any(_continues(open_item.item, label) for open_item in self.items):
            return label
        return label if label in ("a", "i") else None

    # -- opening rows

    def _open_numbered(self, line: Line, number: int, label_end: int) -> None:
        if self.annex is None and self.section == "preamble":
            self.section = "operative"
        self.last_number = number
        prefix = self._annex_prefix()
        paragraph_id = self._unique(f"{prefix}op{number}")
        self._append(line, paragraph_id, number=number, item=None, parent=None, kind="paragraph", label_end=label_end)
        self.parent = self.paragraphs[-1]
        self.items = []

    def _open_item(self, line: Line, label: str, label_end: int) -> None:
        parent = self.parent
        for depth in range(len(self.items) - 1, -1, -1):
            if _continues(self.items[depth].item, label):
                parent = self._by_id[self.items[depth].parent_paragraph_id or ""]
                del self.items[depth:]
                break
        else:
            if self.items:
                parent = self.items[-1]
        base = parent.paragraph_id if parent else f"{self.document_id}:{self._annex_prefix()}x"
        self._append(
            line, self._unique_full(f"{base}({label})"), number=parent.number if parent else None, item=label,
            parent=parent.paragraph_id if parent else None, kind="item", label_end=label_end,
            section=parent.section if parent else None,
        )
        self.items.append(self.paragraphs[-1])

    def _open_unnumbered(self, line: Line) -> None:
        lead = _LEAD_WORD.match(line.text)
        if self.annex is None and self.section == "preamble" and lead and _is_operative_word(lead.group(1), lead.group(2)):
            self.section = "operative"
        # Unnumbered rows get their id once their kind is known (see _assign_unnumbered_ids).
        paragraph_id = self._unique(f"{self._annex_prefix()}pending{len(self.paragraphs) + 1}")
        self._append(line, paragraph_id, number=None, item=None, parent=None, kind="paragraph", label_end=0)
        self.parent = self.paragraphs[-1]
        self.items = []

    def _append(self, line: Line, paragraph_id: str, *, number: int | None, item: str | None,
                parent: str | None, kind: str, label_end: int, section: str | None = None) -> None:
        self.paragraphs.append(
            Paragraph(
                paragraph_id=paragraph_id, section=section or self._section(), kind=kind,
                ordinal=len(self.paragraphs) + 1, number=number, item=item, parent_paragraph_id=parent,
                text="", char_start=line.start, char_end=line.end,
            )
        )
        self._by_id[paragraph_id] = self.paragraphs[-1]
        self._lines.append([line])
        self._label_starts.append(label_end)

    def _start_annex(self, line: Line) -> None:
        match = _ANNEX_LINE.match(line.text)
        self.annex = (match.group(1) or "") if match else ""
        self._force_open = True
        self.last_number = 0
        self.parent = None
        self.items = []

    def _section(self) -> str:
        return "annex" if self.annex is not None else self.section

    def _annex_prefix(self) -> str:
        return f"annex{self.annex}:" if self.annex is not None else ""

    def _unique(self, local_id: str) -> str:
        return self._unique_full(f"{self.document_id}:{local_id}")

    def _unique_full(self, candidate: str) -> str:
        suffix = 2
        unique = candidate
        while unique in self._by_id:
            unique = f"{candidate}~{suffix}"
            suffix += 1
        return unique

    # -- text

    def _finish(self) -> None:
        for paragraph, lines, label_end in zip(self.paragraphs, self._lines, self._label_starts, strict=True):
            parts = []
            for position, line in enumerate(lines):
                start = line.start + (label_end if position == 0 else 0)
                parts.append(SpannedText(line.text[start - line.start :], ((0, start),)).strip())
            spanned = _dehyphenate(join([p for p in parts if p.text]))
            spanned = _clean_spanned(spanned)
            paragraph.text = spanned.text
            if spanned.text:
                first = lines[0]
                paragraph.char_start = first.start + len(first.text) - len(first.text.lstrip())
                paragraph.char_end = spanned.raw_offset(len(spanned.text))
            paragraph._spanned = spanned  # type: ignore[attr-defined]
            paragraph._lines = lines  # type: ignore[attr-defined]
        self._classify_headings()
        self._assign_unnumbered_ids()

    def _assign_unnumbered_ids(self) -> None:
        """pp<k> in the preamble, opu<k> for unnumbered operative text, h<k> for headings, p<k> in annexes."""
        counters: dict[str, int] = {}
        renamed: dict[str, str] = {}
        taken = {p.paragraph_id for p in self.paragraphs if ":pending" not in p.paragraph_id and "(" not in p.paragraph_id}
        for paragraph in self.paragraphs:
            if paragraph.kind == "item" or not re.search(r":pending\d+$", paragraph.paragraph_id):
                continue
            prefix = paragraph.paragraph_id.rsplit(":pending", 1)[0] + ":"
            if paragraph.kind == "heading":
                key = "h"
            elif paragraph.section == "preamble":
                key = "pp"
            elif paragraph.section == "annex":
                key = "p"
            else:
                key = "opu"
            counters[prefix + key] = counters.get(prefix + key, 0) + 1
            new_id = f"{prefix}{key}{counters[prefix + key]}"
            while new_id in taken:
                new_id += "~2"
            taken.add(new_id)
            renamed[paragraph.paragraph_id] = new_id
            paragraph.paragraph_id = new_id
        for paragraph in self.paragraphs:
            if paragraph.kind != "item":
                continue
            for old, new in renamed.items():
                if paragraph.paragraph_id.startswith(old + "("):
                    paragraph.paragraph_id = new + paragraph.paragraph_id[len(old):]
                if paragraph.parent_paragraph_id == old:
                    paragraph.parent_paragraph_id = new
                elif paragraph.parent_paragraph_id and paragraph.parent_paragraph_id.startswith(old + "("):
                    paragraph.parent_paragraph_id = new + paragraph.parent_paragraph_id[len(old):]

    def _classify_headings(self) -> None:
        """A short unpunctuated line block between paragraphs is a heading, not a paragraph."""
        for paragraph in self.paragraphs:
            if paragraph.kind != "paragraph" or paragraph.number is not None or paragraph.section == "preamble":
                continue
            text = paragraph.text
            looks_heading = bool(_ROMAN_HEADING.match(text)) or not _END_OF_PARAGRAPH.search(text)
            if looks_heading and len(text) <= 400:
                paragraph.kind = "heading"


def _dehyphenate(spanned: SpannedText) -> SpannedText:
    """'non- governmental' from a wrapped line: drop the space after a line-end hyphen."""
    return spanned.sub(re.compile(r"(?<=[a-z]-) (?=[a-z])"))


def _clean_spanned(spanned: SpannedText) -> SpannedText:
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
        spanned = spanned.sub(_SUPERSCRIPT_RUN)
    spanned = spanned.sub(_UNUSUAL_WHITESPACE, replacement=" ")
    return spanned.strip()


def _is_lead_word(word: str, following: str | None) -> bool:
    """Preambular and operative openings: participles, adjectives and finite verbs of the lexicon."""
    lower = word.lower()
    if lower in _lead_forms() or lower.endswith("ing"):
        return True
    if lower.endswith("ly") and following:
        return True
    return _is_operative_word(word, following)


def _is_operative_word(word: str, following: str | None) -> bool:
    lower = word.lower()
    if lower.endswith("ly") and following:
        lower = following
    if lower in _operative_forms():
        return True
    return lower == "we"


def _lead_forms() -> frozenset[str]:
    return _verb_forms()[0]


def _operative_forms() -> frozenset[str]:
    return _verb_forms()[1]


_FORM_CACHE: list[tuple[frozenset[str], frozenset[str]]] = []


def _verb_forms() -> tuple[frozenset[str], frozenset[str]]:
    """First words of lexicon forms: all of them, and the finite (operative) ones."""
    if not _FORM_CACHE:
        every: set[str] = set()
        finite: set[str] = set()
        for row in load("verbs"):
            for form in row.get("forms", "").split("|"):
                first = form.strip().split(" ")[0].lower()
                if not first or first == "we":
                    continue
                every.add(first)
                if first.endswith("s") and not first.endswith(("ss", "ous")):
                    finite.add(first)
        _FORM_CACHE.append((frozenset(every), frozenset(finite)))
    return _FORM_CACHE[0]


def _continues(last: str | None, label: str) -> bool:
    """Is ``label`` the next sibling of ``last``: (a)->(b), (h)->(i), (i)->(ii)?"""
    if last is None:
        return False
    if _is_roman(last) and _is_roman(label) and last != "h" and _roman_to_int(label) == _roman_to_int(last) + 1:
        return True
    return _next_letter(last) == label


def _next_letter(label: str) -> str | None:
    if len(label) == 1 and "a" <= label < "z":
        return chr(ord(label) + 1)
    return None


def _is_roman(label: str | None) -> bool:
    return bool(label) and all(c in _ROMAN for c in label)  # type: ignore[union-attr]


def _roman_to_int(label: str | None) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    previous = 0
    for char in reversed(label or ""):
        value = values[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


# --- footnotes ---------------------------------------------------------------------------


def _footnote(raw: str, entry: list[Line]) -> Footnote:
    first = entry[0]
    superscript = _SUPERSCRIPT_ENTRY.match(first.text)
    plain = _FOOTNOTE_ENTRY.match(first.text)
    match = superscript or plain
    number_text = match.group(1).translate(_SUPERSCRIPT_TO_DIGIT) if match else "0"
    body_start = first.start + (match.start(2) if match else 0)
    parts = [SpannedText(raw[body_start : first.end], ((0, body_start),))]
    parts += [SpannedText(line.text, ((0, line.start),)) for line in entry[1:]]
    spanned = _clean_spanned(join([p.strip() for p in parts]))
    spanned = spanned.sub(re.compile(r"(?<=[a-z/.-]) (?=[a-z0-9/]+\.\w)"))  # URLs split across lines
    return Footnote(
        number=int(number_text), text=spanned.text, char_start=first.start,
        char_end=entry[-1].end if spanned.text else first.end,
    )


def _attach_footnote_markers(paragraphs: list[Paragraph], footnotes: list[Footnote], lines: list[Line]) -> None:
    """Find each footnote's marker in document order, before the footnote itself is printed.

    Superscript markers are explicit. In PDF and OCR text a marker is a bare number glued to a
    word or punctuation ("Action1", "Peace,2") or set off by a space ("Development, 2"); the
    search keeps to the stretch between the previous marker and the footnote's own position.
    """
    cursor = 0  # raw position after the previous marker
    for footnote in sorted(footnotes, key=lambda f: (f.number, f.char_start)):
        best: tuple[int, Paragraph, int, int] | None = None
        for paragraph in paragraphs:
            if paragraph.char_end < cursor:
                continue
            if paragraph.char_start > footnote.char_start:
                break  # a marker stands before the footnote it calls
            found = _find_marker(paragraph, footnote.number, cursor, footnote.char_start)
            if found is not None:
                rank, start, end = found
                if best is None or rank < best[0]:
                    best = (rank, paragraph, start, end)
                if rank == 0:
                    break
        if best is None:
            continue
        _, paragraph, start, end = best
        footnote.paragraph_id = paragraph.paragraph_id
        cursor = end
        _remove_marker(paragraph, start, end)


@cache
def _marker_patterns(number: int) -> list[re.Pattern[str]]:
    """Marker forms by confidence: superscript; glued to a word or punctuation; set off by a space."""
    n = str(number)
    sup = n.translate(_DIGIT_TO_SUPERSCRIPT)
    return [
        re.compile(re.escape(sup)),
        re.compile(rf"(?:(?<=[A-Za-z\)\]”’\"])|(?<=[a-z\d”’\"\)][,;:.])|(?<=\b(?:19|20)\d\d)){n}(?=[\s,;:.)]|$)"),
        re.compile(
            rf"(?:(?<=[,;:.”’\)] )|(?<=[a-z]{{3}} )){n}(?=[,;:.]?(?:\s+[a-z(]|\s*$)|[,;:.])"
            rf"|(?<=\. ){n}(?=\s+[A-Z])"
        ),
    ]


_NOT_MARKER_BEFORE = re.compile(
    r"\b(?:resolutions?|paragraphs?|paras?\.|articles?|Article|chapter|Chapter|annex|item|items|No\.|vol\.|"
    r"Goal|Goals|target|section|sect\.|rule|Rule|principle|Principle|page|than|within|of|and|to|from|"
    r"on|by|at|for|the|over|about|some|least|most|per|every|in)\s*$"
)


def _find_marker(paragraph: Paragraph, number: int, lower: int, upper: int) -> tuple[int, int, int] | None:
    raw_text = _raw_paragraph_text(paragraph)
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


def _raw_paragraph_text(paragraph: Paragraph) -> SpannedText:
    cached = getattr(paragraph, "_raw_text", None)
    if cached is None:
        lines: list[Line] = paragraph._lines  # type: ignore[attr-defined]
        cached = join([SpannedText(line.text, ((0, line.start),)) for line in lines], separator=" ")
        paragraph._raw_text = cached  # type: ignore[attr-defined]
    return cached


_ORPHAN_MARKER = re.compile(r"(?<=[,;:.])\s?\d{1,3}$")


def _strip_orphan_markers(paragraphs: list[Paragraph]) -> None:
    """A number after a paragraph's final punctuation ("Protocol, 28") is a footnote marker whose
    footnote the source lost; it is not text."""
    for paragraph in paragraphs:
        spanned: SpannedText = paragraph._spanned  # type: ignore[attr-defined]
        match = _ORPHAN_MARKER.search(spanned.text)
        if match:
            paragraph._spanned = spanned.slice(0, match.start())  # type: ignore[attr-defined]
            paragraph.text = paragraph._spanned.text  # type: ignore[attr-defined]


def _remove_marker(paragraph: Paragraph, raw_start: int, raw_end: int) -> None:
    spanned: SpannedText = paragraph._spanned  # type: ignore[attr-defined]
    found = spanned.text_range(raw_start, raw_end)
    if found is None:
        return
    cut_start, cut_end = found
    # "Development, 2 which" -> drop the marker and one adjoining space.
    if cut_start > 0 and spanned.text[cut_start - 1] == " " and (cut_end >= len(spanned.text) or spanned.text[cut_end] in " ,;:."):
        cut_start -= 1
    pieces = [(0, cut_start, None), (cut_end, len(spanned.text), None)]
    spanned = spanned.keep(pieces).sub(_UNUSUAL_WHITESPACE, replacement=" ").strip()
    paragraph._spanned = spanned  # type: ignore[attr-defined]
    paragraph.text = spanned.text


__all__ = [
    "BODIES",
    "Footnote",
    "Header",
    "Paragraph",
    "ParsedResolution",
    "ResolutionRejected",
    "parse_resolution",
]
