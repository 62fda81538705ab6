"""Resolutions and decisions cited by number, as a grammar over lists.

A list opens with "resolution(s)" or "decision(s)", optionally after the issuing body ("Security Council
resolutions") or "its"; then items separated by "," / "and" / ", and". Between two items any qualifier
may stand that does not end the clause or open another "resolution(s)": a date ("of 4 March", "of 4
March 1964"), a topic ("on women, peace and security"), "adopted on ...", a parenthesis "(S/RES/1615)".
So every number of "Reaffirms its resolutions 186 (1964) of 4 March, 187 (1964) of 13 March, ..." is
cited, and a number after a qualifier is an item only when it has an item's shape (``_ITEM``).

Security Council numbers: the year in "N (YYYY)" is checked against lexicons/sc_resolution_years.csv,
and the table's year wins (the number is the identifier; texts mistype the year: "2312 (2106)"). A bare
"resolution 1493" is the Council's only when the Council cites it or the text names the Council.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import (
    Body,
    bodies,
    body_named,
    instruments,
    resolve_body,
    sc_resolution_year,
    sc_resolution_years,
)

_GA = resolve_body(None)
BODY_NAMES = "|".join(r"\s+".join(map(re.escape, body.name.split())) for body in bodies())
_SHORT_NAMES = "|".join(dict.fromkeys(body.short_name for body in bodies() if body.short_name))

ROMAN = r"(?:E?S-)?[IVXLC]+"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PART = r"[A-Z](?:(?:,\s|\sand\s|\sto\s|[-–])[A-Z])*(?![\w/])"
_ITEM = re.compile(
    rf"(?P<num>(?:E?S-)?\d{{1,4}}/\d{{1,4}}|\d{{1,4}})(?![\w/]|[.,]\d|\s+{_MONTH})"
    rf"(?:\s?(?P<part>{_PART}))?"
    rf"(?:\s?\((?P<paren>\d{{4}}|{ROMAN})\))?"
)
_DATE = re.compile(rf"\s+of\s+\d{{1,2}}(?:\s+and\s+\d{{1,2}})?\s+{_MONTH}(?:\s+(?P<year>\d{{4}}))?")
_OPENER = re.compile(
    rf"(?:(?P<body>{BODY_NAMES}|{_SHORT_NAMES})\s+|(?P<own>\b(?:its|their)\s+))?"
    r"\b(?P<word>[Rr]esolutions?|[Dd]ecisions?)\b"
)
# what may stand between two items: no clause break, sentence end, or another "resolution(s)" list
# the word of _OPENER, spelt with literals first ("R(?<!\wR)" is "\bR") so that re scans for them
_OPENER_WORD = re.compile(r"R(?<!\wR)esolutions?\b|r(?<!\wr)esolutions?\b|D(?<!\wD)ecisions?\b|d(?<!\wd)ecisions?\b")
_OPENER_REACH = max(len(name) for body in bodies() for name in (body.name, body.short_name or "")) + len("their ")
_WHITESPACE_RUN = re.compile(r"\s\s")
_QUALIFIER = r"(?:(?!\b[Rr]esolutions?\b|\b[Dd]ecisions?\b|\.\s|[;:])[^\n]){0,300}?"
# an item that names itself: "1325 (2000)", "217 A (III)", "60/288", "1616 of 29 July"; only these may
# follow a qualifier, stand after ";" or a bare space, or open a list after "resolutions on Iraq, in particular"
_STRONG = rf"(?:\d{{1,4}}(?:\s?[A-Z])?\s?\((?:\d{{4}}|{ROMAN})\)|(?:E?S-)?\d{{1,4}}/\d|\d{{1,4}}\s+of\s+\d{{1,2}}\s+{_MONTH})"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_FIRST = re.compile(r"\s+(?=\d|E?S-\d)")
_LEAD = re.compile(rf"{_QUALIFIER}[\s,]\s*(?={_STRONG})")
_NEXT = re.compile(rf"{_SEPARATOR}(?=\d|E?S-\d)")
_WITH_YEAR = rf"\d{{1,4}}(?:\s?[A-Z])?\s?\((?:\d{{4}}|{ROMAN})\)"
# after ";", an OCR full stop ("of 30 January. 282 (1970)"), a lost comma ("1888 (2009) 1889 (2009)") or
# a qualifier ending in a space ("supplemented by 2664 (2022)"), only a number with its year
_NEXT_STRONG = re.compile(
    rf"{_QUALIFIER}(?:{_SEPARATOR}(?={_STRONG})|(?:\s*[;.]\s*(?:and\s+)?|\s+)(?={_WITH_YEAR}))"
)
_PIN_SUFFIX_ANNEX = (
    r"(?:annex(?:es)?|appendix)(?:\s(?:[IVXLC]+|[A-Z]\b|\d+)(?:(?:,\s|\sand\s)(?:[IVXLC]+|[A-Z]\b|\d+))*)?"
)
_PARA_SECT = r"paras?\.\s\d+(?:\s?[-–]\s?\d+)?|sect\.\s[IVXLC\d]+(?:\.[A-Z\d]+)?|chap\.\s[IVXLC\d]+"
PIN_SUFFIX = re.compile(rf",\s(?P<pin>(?:{_PIN_SUFFIX_ANNEX}|{_PARA_SECT})(?:,\s(?:{_PARA_SECT}))?)")
PIN_PREFIX = re.compile(
    r"(?P<pin>\b(?:[Aa]rticles?|[Pp]aragraphs?|[Ss]ections?|[Cc]hapters?|[Aa]nnex(?:es)?|[Pp]rinciples?"
    r"|[Pp]arts?)"
    r"\s[\dIVXLC]+(?:\s?\(\d+\))?(?:\s?\([a-z]\))?"
    r"(?:(?:,\s|\sand\s|\sto\s)[\dIVXLC]+(?:\s?\(\d+\))?(?:\s?\([a-z]\))?)*"
    r"(?:,\s(?:paragraph|para\.)\s\d+(?:\s?\([a-z]\))?)?)"
    r",?\sof\s(?P<det>the\s|its\s)?\Z"
)
PIN_REACH = 200  # characters before a citation searched for its "article 12 of the" pinpoint
_BARE_FROM = 100  # undated bare Council numbers below this are counts or paragraph numbers, not citations
_YEAR_SESSION = re.compile(r"(?P<year>\d{4})/\d+")
_CLAUSE_BREAK = re.compile(r"[;:]")


@dataclass(frozen=True)
class InstrumentRef:
    """One cited instrument; ``text[start:end] == surface``. ``part`` ("A and B", "M") is an addition."""

    start: int
    end: int
    surface: str
    instrument_id: str
    kind: str
    symbol: str | None
    name: str | None
    year: int | None
    pinpoint: str | None
    part: str | None = None


@dataclass(frozen=True)
class _Item:
    match: re.Match[str]
    date: re.Match[str] | None


def resolution_refs(text: str, citing: Body) -> list[InstrumentRef]:
    """Resolutions and decisions cited by number, alone or in a list ("resolutions 52/15 ..., 53/25")."""
    refs: list[InstrumentRef] = []
    if "esolution" not in text and "ecision" not in text:  # cheap test first: most paragraphs cite none
        return refs
    position = 0
    while (opener := _next_opener(text, position)) is not None:
        items, led = _list_items(text, opener.end())
        position = items[-1].match.end() if items else opener.end()
        is_decision = opener.group("word").lower().startswith("decision")
        if is_decision and not (opener.group("body") or opener.group("own")):
            # bare "decision 15/4" is usually another organ's (CBD, UNFCCC); Assembly decisions are 3xx-5xx
            items = [item for item in items if int(item.match.group("num").rsplit("/", 1)[-1]) >= 300]
        issuer = _stated_body(text, opener) or citing
        for item in items:
            single = len(items) == 1 and not led
            ref = _resolution_ref(text, opener, item, issuer, is_decision=is_decision, single=single)
            if ref is not None:
                refs.append(ref)
    return refs


def _next_opener(text: str, position: int) -> re.Match[str] | None:
    """``_OPENER.search(text, position)``, searched only just before the next "resolution(s)" or
    "decision(s)": the body or "its" before it is at most ``_OPENER_REACH`` characters long unless the
    text has a run of whitespace there, when the whole stretch is searched."""
    word = _OPENER_WORD.search(text, position)
    if word is None:
        return None
    start = max(position, word.start() - _OPENER_REACH)
    if start > position and _WHITESPACE_RUN.search(text, start, word.start()):
        start = position
    return _OPENER.search(text, start, word.end())


def _list_items(text: str, start: int) -> tuple[list[_Item], bool]:
    """The items of the list whose "resolution(s)" ends at ``start``, and whether a qualifier led them.

    An item, then (separator, item) or (qualifier, separator, self-naming item) while they match. A bare
    number ("1493") must follow the word or a separator directly, and is skipped after a number with its
    year: in "1942 (2010) and 1967 (2011), and 192 military observers" the 192 is a count.
    """
    items: list[_Item] = []
    first = _FIRST.match(text, start)
    lead = None if first else _LEAD.match(text, start)
    if first is None and lead is None:
        return items, False
    position, dated_seen = (first or lead).end(), False  # type: ignore[union-attr]
    while (item := _ITEM.match(text, position)) is not None:
        date = _DATE.match(text, item.end())
        if not (dated_seen and not (date or item.group("paren") or "/" in item.group("num"))):
            items.append(_Item(item, date))  # a bare number after one with its year is skipped: a count
        dated_seen = dated_seen or bool(item.group("paren"))
        end = date.end() if date else item.end()
        follow = _NEXT.match(text, end) or _NEXT_STRONG.match(text, end)
        if follow is None:
            break
        position = follow.end()
    return items, lead is not None


def _stated_body(text: str, opener: re.Match[str]) -> Body | None:
    """The body that issued the listed resolutions, when the text says which one.

    "Security Council resolution" names it; a bare "Council" or "its"/bare "resolutions" after
    "Human Rights Council resolutions on ..., including" takes the nearest body named earlier in the
    same clause.
    """
    named = opener.group("body")
    short = [body for body in bodies() if named and body.short_name == named]
    if named and not short:
        return body_named(named)
    if len(short) == 1:  # "Assembly"
        return short[0]
    window = text[max(0, opener.start() - 160) : opener.start()]
    window = _CLAUSE_BREAK.split(window)[-1]
    mentions = list(re.finditer(BODY_NAMES, window))
    if short:  # "Council": the nearest council named before, else the one numbering by session
        before = [body for body in map(body_named, (m.group(0) for m in mentions)) if body in short]
        return before[-1] if before else _pick(short, None, "{session}/{number}")
    if opener.group("own"):
        own = re.search(rf"({BODY_NAMES}),?\s+(?:in|by|through|under)\s+\Z", window)
        return body_named(own.group(1)) if own else None
    if mentions and re.search(r"\bresolutions\b", window[mentions[-1].start() :]):
        return body_named(mentions[-1].group(0))
    # "subsequent Assembly resolutions concerning ..., the latest being resolution 63/170": the
    # short name of the Assembly earlier in the clause says whose the bare number is.
    if not mentions and re.search(rf"\b{_GA.short_name}\s+resolutions\b", window):
        return _GA
    return None


def _pick(candidates: tuple[Body, ...] | list[Body], issuer: Body | None, form: str, *,
          early: bool = False, short: str | None = None) -> Body:
    """Who issued a number written as ``form`` ("{session}/{number}"): the issuer if its numbers take
    that form, else the one the short name ("Council") names among those whose do, else the first."""
    able = [body for body in candidates if (body.early_number_form if early else body.number_form) == form]
    if issuer in able:
        return issuer  # type: ignore[return-value]
    return next((body for body in able if short and body.short_name == short), able[0])


def _resolution_ref(
    text: str, opener: re.Match[str], item: _Item, issuer: Body, *, is_decision: bool, single: bool
) -> InstrumentRef | None:
    """One listed number as a reference, with identifier, kind and year from its shape and issuer.

    The shape says which bodies may have issued it ("N (YYYY)" only a body numbered with the year
    in parentheses, "YYYY/N" only a body numbering by year); the issuer stands if it is one of them.
    """
    found = item.match
    num, paren, part = found.group("num"), found.group("paren"), found.group("part")
    year = int(item.date.group("year")) if item.date and item.date.group("year") else None
    if paren and paren.isdigit() and "/" in num:  # "75/200 (2020)": the year only repeats the session's
        year, paren = int(paren), None
    if paren and paren.isdigit():
        if is_decision:
            return None
        issuer = _pick(bodies(), None, "{number}({year})")
        year = council_year(int(num), int(paren))
        if year is None:
            return None
        paren = str(year)
    elif paren:
        issuer = _pick(bodies(), issuer, "{number}({roman})", early=True)
    elif "/" not in num:
        # a Council number without its year: dated ("1616 of 29 July 2005") or bare ("resolution 1493")
        if is_decision or issuer.number_form != "{number}({year})" or not (item.date or int(num) >= _BARE_FROM):
            return None
        year = sc_resolution_year(int(num)) or (year if item.date else None)
        if year is None:
            return None
        paren = str(year)
    elif _YEAR_SESSION.fullmatch(num):
        issuer = _pick(bodies(), issuer, "{year}/{number}")
        year = year or int(num[:4])
    else:
        issuer = _pick(bodies(), issuer, "{session}/{number}", short=opener.group("body"))
    prefix = issuer.decision_series if is_decision else issuer.resolution_series
    if prefix is None:
        return None
    kind = "document" if is_decision else issuer.instrument_kind
    symbol = f"{prefix}{num}({paren})" if paren else f"{prefix}{num}"
    head = opener.start("word") if opener.group("own") or not opener.group("body") else opener.start()
    start, end, pinpoint = (head if single else found.start()), found.end(), None
    pin = PIN_SUFFIX.match(text, end)
    before = PIN_PREFIX.search(text, max(0, head - PIN_REACH), head) if single else None
    if pin:
        pinpoint, end = pin.group("pin"), pin.end()
    elif before:
        pinpoint = before.group("pin")
        if before.group("det") != "its ":
            start = before.start()
    return InstrumentRef(start, end, text[start:end], symbol, kind, symbol, name_of(symbol), year, pinpoint, part)


def council_year(number: int, written: int) -> int | None:
    """The year of Council resolution ``number`` cited as "number (written)", None when they conflict.

    The table's year wins over a mistyped one, one wrong digit or no Council year ("1989 (2001)", "2312
    (2106)"); a year further off is a misread number ("587 (1991)" for 687, "20 (1982)" for 520) or not
    a resolution ("Presidential Statement 11 (2012)"), which no identifier can name. A number the table
    does not know keeps its written year.
    """
    known = sc_resolution_year(number)
    if known is None:
        return written
    low, high = sc_resolution_year_range()
    slips = sum(a != b for a, b in zip(str(known), str(written), strict=True))
    return known if slips <= 1 or not low <= written <= high else None


@cache
def sc_resolution_year_range() -> tuple[int, int]:
    years = [row.year for row in sc_resolution_years()]
    return min(years), max(years)


@cache
def name_of(symbol: str) -> str | None:
    """Instrument name for a symbol when exactly one lexicon instrument carries it."""
    names = [instrument.name for instrument in instruments() if instrument.symbol == symbol]
    return names[0] if len(names) == 1 else None
