"""Header fields of a resolution: symbol, number, session, title, dates, agenda, committee, meeting, vote.

The header is everything above the "The <body>," opener, plus the closing block (meeting, date,
vote) that older and Council texts print after the last paragraph instead.
"""

from __future__ import annotations

import re

from pipeline.lexicons import body_name_alternation, symbol_prefix_alternation
from pipeline.text.dates import parse_date
from pipeline.text.layout import BODIES, OPENER, WHITESPACE, clean_inline
from pipeline.text.model import Header, Line, ResolutionRejected
from pipeline.text.numbers import ordinal_to_int
from pipeline.text.votes import strip_vote_marker

_BODY_NAMES = body_name_alternation()
_GA_NUMBER = re.compile(r"^\s*(?:\[[^\]]*\]\(#\)\s*)?(?:Resolution\s+)?(ES-\d+/\d+|S-\d+/\d+|\d{1,4}/\d{1,4}(?:\s*[A-Z]\b)?)\s*\.\s*(.*)$")
_OLD_GA_NUMBER = re.compile(r"^\s*(\d{1,4})\s*(?:[A-Z]\s*)?\(([IVXL]+)\)\s*\.\s*(.*)$")
_SC_NUMBER = re.compile(r"\b(?:RESOLUTION|Resolution)?\s*(\d{1,4})\s*\((\d{4})\)")
_SESSION_LINE = re.compile(r"^\s*([A-Za-z\-‑ ]+?)\s+(?:special\s+|emergency\s+special\s+)?session\b", re.IGNORECASE)
_AGENDA = re.compile(r"Agenda items?\s+([0-9][0-9 ()a-z,and]*)")
# "Adopted by the Security Council at its 3725th (closed) meeting, on", with the misprints of real
# headers: "Adopted bv", "Adoption by", "at is 5592nd meeting", "meeting (Part II)".
_AT_MEETING = r"at (?:its|is) (\d+)(?:st|nd|rd|th)\s+(?:\((?:closed|resumed)\)\s+)?meeting(?:\s*\(Part [IVX]+\))?"
_ADOPTED_ON = re.compile(
    rf"(?:adopted|adoption) b[vy] the (?:{_BODY_NAMES})(?:\s+{_AT_MEETING}[,.]?)?\s+on\s+(.+)", re.IGNORECASE
)
_ADOPTED_AT = re.compile(rf"(?:adopted|adoption) b[vy] the (?:{_BODY_NAMES})\s+{_AT_MEETING}", re.IGNORECASE)
_DISTR = re.compile(r"Distr\.?:?\s*(?:General|GENERAL|Limited|LIMITED)")
_BRACKET = re.compile(r"\[\s*((?:on the report of|without reference to)[^\]]*)\]", re.IGNORECASE | re.DOTALL)
_COMMITTEE = re.compile(r"on the report of the (.+?Committee)", re.IGNORECASE | re.DOTALL)
_SYMBOL_IN_TEXT = re.compile(r"\b(?:A|S|E)/(?:[A-Z0-9\-]+/)*[A-Z0-9\-]+(?:\.\d+)?(?:/(?:Add|Rev|Corr)\.\d+)*")
_MEETING_IN_TEXT = re.compile(r"(\d+)(?:st|nd|rd|th)\s+(?:\((?:closed|resumed)\)\s+)?(plenary\s+)?meeting")
_SC_NUMBER_MISPRINTED = re.compile(r"^\s*(?:RESOLUTION|Resolution)\s+(\d{1,4})\b(?:\s*\(([^)]{0,8})\))?")
_SC_MASTHEAD = re.compile(r"\bS/RES/(\d{1,4})\s*\((\d{4})\)")


def parse_header(lines: list[Line], body: str, closing: str) -> Header:
    """Header fields from the lines above the opener and the closing block's text."""
    texts = [clean_inline(line.text) for line in lines if line.stripped]
    joined = "\n".join(texts)
    flat = WHITESPACE.sub(" ", joined)

    adopted_on = None
    adopted = _ADOPTED_ON.search(flat)
    if adopted:
        adopted_on = parse_date(adopted.group(2)[:40])
    if adopted_on is None:
        resolution_of = re.search(r"(?:Resolution|RESOLUTION)?[^\n]*?\bof\s+(\d{1,2}\s*[A-Z][a-z]+\s*\d{4})", flat)
        if resolution_of:
            adopted_on = parse_date(resolution_of.group(1))
    if adopted_on is None and closing:
        adopted_on = parse_date(closing)

    resolution_number, title, symbol = _resolution_number_and_title(texts, body)
    if body == "Security Council":
        resolution_number, symbol = _sc_number(texts, adopted_on.year if adopted_on else None) or (None, None)
    if symbol is None:
        symbol = _symbol_from_masthead(texts)
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
            committee = WHITESPACE.sub(" ", committee_match.group(1)).strip()
        symbols = _SYMBOL_IN_TEXT.findall(content)
        draft_symbol = symbols[0] if symbols else None

    meeting = _meeting(flat, closing, body)
    vote = None
    vote_match = re.search(r"(Adopted.*)", closing, re.DOTALL)
    if vote_match:
        vote = strip_vote_marker(WHITESPACE.sub(" ", vote_match.group(1)))

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
            continue
        if old and body == "General Assembly":
            number = f"{old.group(1)} ({old.group(2)})"
            return number, _title_from(texts, index, old.group(3)), f"A/RES/{old.group(1)}({old.group(2)})"
        if match:
            number = re.sub(r"\s+", " ", match.group(1))
            symbol_number = number.replace(" ", "")
            return number, _title_from(texts, index, match.group(2)), f"{prefix}/RES/{symbol_number}"
    return None, None, None


def _sc_number(texts: list[str], adopted_year: int | None) -> tuple[str, str] | None:
    """'Resolution 2139 (2014)' and its symbol; the year checked against the masthead and the adoption date.

    Printed headers have misprints ("Resolution 290" without the year, "361 (197-4)", "1812 (208)"
    under a correct "S/RES/1812 (2008)" masthead); a Council resolution's year is its adoption year.
    """
    printed = _printed_sc_number(texts)
    masthead = next((m for text in texts[:12] if (m := _SC_MASTHEAD.search(text))), None)
    if printed is not None:
        number = printed[0]
    elif masthead is not None:
        number = masthead.group(1)
    else:
        return None
    years = [int(masthead.group(2))] if masthead and masthead.group(1) == number else []
    if printed and printed[1] and re.fullmatch(r"(?:19|20)\d\d", printed[1]):
        years.append(int(printed[1]))
    year = next((y for y in years if y == adopted_year), adopted_year or (years[0] if years else None))
    if year is None:
        return None
    return f"{number} ({year})", f"S/RES/{number}({year})"


def _printed_sc_number(texts: list[str]) -> tuple[str, str | None] | None:
    for text in texts:
        sc = _SC_NUMBER.search(text)
        # "Resolution 2139 (2014)", "2139 (2014)." or a title line that names it, such as
        # "United Nations Security Council Resolution 1654 (2006)"; not "resolutions 2042 (2012), ..."
        named = re.search(r"\b(?:RESOLUTION|Resolution)\s+\d{1,4}\s*\(\d{4}\)", text)
        if sc and (text.lstrip().lower().startswith("resolution") or named
                   or re.match(r"^\s*\d+\s*\(\d{4}\)\s*\.", text)):
            found = _SC_NUMBER.search(text, named.start()) if named else sc
            if found:
                return found.group(1), found.group(2)
    for text in texts:
        misprinted = _SC_NUMBER_MISPRINTED.match(text)
        if misprinted:
            return misprinted.group(1), misprinted.group(2)
    return None


def _meeting(flat: str, closing: str, body: str) -> int | None:
    """The adopting meeting: "at its 3725th (closed) meeting" in the header, else the closing block.

    A plenary meeting is the General Assembly's, so in a Council text it is a citation, not the meeting.
    """
    adopted_at = _ADOPTED_AT.search(flat)
    if adopted_at:
        return int(adopted_at.group(1))
    for source in (closing, flat):
        for match in _MEETING_IN_TEXT.finditer(source):
            if not (match.group(2) and body == "Security Council"):
                return int(match.group(1))
    return None


def _title_from(texts: list[str], index: int, first: str) -> str | None:
    """A title wraps over lines up to the blank before the opener; our texts drop blanks, so stop at the end."""
    parts = [first.strip()] if first.strip() else []
    for text in texts[index + 1 :]:
        if OPENER.match(text):
            break
        parts.append(text.strip())
    title = " ".join(parts).strip()
    return title or None


def _symbol_from_masthead(texts: list[str]) -> str | None:
    for text in texts[:12]:
        match = re.match(rf"^\s*((?:{symbol_prefix_alternation()})/RES/[A-Z0-9\-/]+)(?:\s*\((\d{{4}})\))?\s*$", text)
        if match:
            return match.group(1) + (f"({match.group(2)})" if match.group(2) else "")
    return None
