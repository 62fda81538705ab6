"""Cited instruments: resolutions, documents, treaties and named instruments in one paragraph or footnote.

Identifier conventions (DESIGN.md):

- GA resolutions ``A/RES/60/288``; pre-1976 ``A/RES/217(III)``; special sessions ``A/RES/S-10/2``;
  GA decisions ``A/DEC/62/557``.
- Security Council ``S/RES/1373(2001)``: "NNNN (YYYY)" after "resolution(s)" is always the Council.
- Human Rights Council ``A/HRC/RES/31/30``; Economic and Social Council ``E/RES/1980/67``
  (a "YYYY/N" number is never a GA or HRC resolution).
- Part letters ("53/243 A and B", "52/169 M", "2200 A (XXI)") are **not** in the identifier: the
  DESIGN forms ``A/RES/217(III)`` and ``A/RES/2200(XXI)`` drop them, so every session/number form does
  too. They stay in the surface and in :attr:`InstrumentRef.part`.
- Other documents as written without spaces (``A/72/L.62``, ``A/69/711-S/2015/1``); UN Treaty Series
  ``UNTS/1577/27531``.
- Named instruments come from ``pipeline/lexicons/instruments.csv`` and are reported at their first
  mention per text (per distinct pinpoint); symbol mentions are reported every time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import Body, Instrument, bodies, body_named, body_of_symbol, instruments, resolve_body

# The bodies whose resolutions the UN cites by bare number ("resolution 31/30") come from
# lexicons/bodies.csv: series, decision series, kind and the shape of the number (number_form).
_GA = resolve_body(None)
_BODY_NAMES = "|".join(r"\s+".join(map(re.escape, body.name.split())) for body in bodies())
_SHORT_NAMES = "|".join(dict.fromkeys(body.short_name for body in bodies() if body.short_name))

_ROMAN = r"(?:E?S-)?[IVXLC]+"
_PART = r"[A-Z](?:(?:,\s|\sand\s|\sto\s|[-–])[A-Z])*(?![\w/])"
_ITEM = re.compile(
    rf"(?P<num>(?:E?S-)?\d{{1,4}}/\d{{1,4}}|\d{{1,4}})(?![\w/.])"
    rf"(?:\s?(?P<part>{_PART}))?"
    rf"(?:\s?\((?P<paren>\d{{4}}|{_ROMAN})\))?"
)
_OF_DATE = r"\s+of\s+\d{1,2}\s[A-Z][a-z]+\s\d{4}"
_ITEM_DATE = re.compile(_OF_DATE)
_LIST_ITEM = (
    rf"(?:(?:E?S-)?\d{{1,4}}/\d{{1,4}}|\d{{1,4}}(?:\s{_PART})?\s?\((?:\d{{4}}|{_ROMAN})\)|\d{{1,4}}(?={_OF_DATE}))"
    rf"(?:\s?{_PART})?(?:{_OF_DATE})?"
)
_RESOLUTION_LIST = re.compile(
    rf"(?:(?P<body>{_BODY_NAMES}|{_SHORT_NAMES})\s+|(?P<own>\b(?:its|their)\s+))?"
    rf"\b(?P<word>[Rr]esolutions?|[Dd]ecisions?)\s+"
    rf"(?P<items>{_LIST_ITEM}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_LIST_ITEM})*)"
)
_UNTS = re.compile(
    r"(?:United\s+Nations,?\s+Treaty\s+Series|\b[Ii]bid\.),?\s+vol\.\s?(?P<vol>\d+)(?:\s\(\d{4}\))?,?"
    r"\s+Nos?\.\s?(?P<no>\d+(?:\s?[-–]\s?\d+)?)"
)
_SYMBOL_CORE = r"[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9]+(?:[.\-–][A-Za-z0-9]+)*)+"
_SYMBOL = re.compile(rf"(?<![\w/.\-])(?P<sym>{_SYMBOL_CORE})(?:\s?\((?P<paren>\d{{4}}|{_ROMAN})\))?")
_SPECIAL_SESSION = re.compile(r"(?<![\w/\-])(?P<sym>E?S-\d{1,2}/\d{1,3})(?![\w/])")
_ANNEX = (
    r"(?:annex(?:es)?|appendix)(?:\s(?:[IVXLC]+|[A-Z]\b|\d+)(?:(?:,\s|\sand\s)(?:[IVXLC]+|[A-Z]\b|\d+))*)?"
)
_PARA_SECT = r"paras?\.\s\d+(?:\s?[-–]\s?\d+)?|sect\.\s[IVXLC\d]+(?:\.[A-Z\d]+)?|chap\.\s[IVXLC\d]+"
_PIN_SUFFIX = re.compile(rf",\s(?P<pin>(?:{_ANNEX}|{_PARA_SECT})(?:,\s(?:{_PARA_SECT}))?)")
_PIN_PREFIX = re.compile(
    r"(?P<pin>\b(?:[Aa]rticles?|[Pp]aragraphs?|[Ss]ections?|[Cc]hapters?|[Aa]nnex(?:es)?|[Pp]rinciples?"
    r"|[Pp]arts?)"
    r"\s[\dIVXLC]+(?:\s?\(\d+\))?(?:\s?\([a-z]\))?"
    r"(?:(?:,\s|\sand\s|\sto\s)[\dIVXLC]+(?:\s?\(\d+\))?(?:\s?\([a-z]\))?)*"
    r"(?:,\s(?:paragraph|para\.)\s\d+(?:\s?\([a-z]\))?)?)"
    r",?\sof\s(?P<det>the\s|its\s)?\Z"
)
_PIN_REACH = 200  # characters before a citation searched for its "article 12 of the" pinpoint
_YEAR_SESSION = re.compile(r"(?P<year>\d{4})/\d+")
_SYMBOL_YEAR = re.compile(r"/(?P<year>(?:19[4-9]|20\d)\d)/")
_REPORT_SHAPE = re.compile(r"(?:A|A/HRC|E)/\d+/\d+(?:/Add\.\d+)?")
_REPORT_CONTEXT = re.compile(r"\breport\b[^;()]{0,120}\(?\Z", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]")
_PART_OF_RES = re.compile(r"(?P<base>.*/RES/(?:E?S-)?\d+/\d+)\s?[A-Z]")
_SPACES = re.compile(r"\s+")


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


def find_instrument_refs(text: str, *, body: Body | str | None = None) -> list[InstrumentRef]:
    """Every cited instrument in one normalised paragraph or footnote text, sorted by start.

    ``body`` is the issuing body of the citing resolution (a Body, or its name or code); it resolves
    "its resolution 31/30" and bare "resolution 31/30" (default General Assembly).
    """
    citing = resolve_body(body)
    refs: list[InstrumentRef] = []
    for found in (
        _resolution_refs(text, citing),
        _unts_refs(text),
        _symbol_refs(text),
        _special_session_refs(text),
        _named_refs(text),
    ):
        for ref in found:
            if not any(ref.start < kept.end and kept.start < ref.end for kept in refs):
                refs.append(ref)
    return sorted(refs, key=lambda ref: (ref.start, ref.end))


def canonical_symbol(raw: str) -> str | None:
    """Canonical form of a document symbol as written ("A /72/ L.62" -> "A/72/L.62"), else None.

    Spaces are dropped, "(2001)" is glued on ("S/RES/1373(2001)"), a resolution part letter
    is dropped ("A/RES/53/243 B" -> "A/RES/53/243") and a bare special-session number is the
    Assembly's ("S-10/2" -> "A/RES/S-10/2"), as in the module conventions.
    """
    squeezed = re.sub(r"\s*/\s*", "/", raw.strip())
    part = _PART_OF_RES.fullmatch(squeezed)
    if part:
        squeezed = part.group("base")
    if _SPECIAL_SESSION.fullmatch(squeezed):
        return f"{_GA.resolution_series}{squeezed}"
    match = _SYMBOL.fullmatch(squeezed)
    if match is None or not any(ch.isdigit() for ch in match.group("sym")):
        return None
    paren = match.groupdict().get("paren")
    return match.group("sym") + (f"({paren})" if paren else "")


def _resolution_refs(text: str, citing: Body) -> list[InstrumentRef]:
    """Resolutions and decisions cited by number, alone or in a list ("resolutions 52/15 ..., 53/25")."""
    refs: list[InstrumentRef] = []
    if "esolution" not in text and "ecision" not in text:  # cheap test first: most paragraphs cite none
        return refs
    for listing in _RESOLUTION_LIST.finditer(text):
        is_decision = listing.group("word").lower().startswith("decision")
        items = list(_ITEM.finditer(text, listing.start("items"), listing.end("items")))
        items = [item for item in items if _is_list_member(text, listing.start("items"), item)]
        if is_decision and not (listing.group("body") or listing.group("own")):
            # bare "decision 15/4" is usually another organ's (CBD, UNFCCC); Assembly decisions are 3xx-5xx
            items = [item for item in items if int(item.group("num").rsplit("/", 1)[-1]) >= 300]
        stated = _stated_body(text, listing)
        for item in items:
            ref = _resolution_ref(
                text, listing, item, stated or citing, is_decision=is_decision, single=len(items) == 1
            )
            if ref is not None:
                refs.append(ref)
    return refs


def _is_list_member(text: str, items_start: int, item: re.Match[str]) -> bool:
    """True for a list item, false for a day number inside "of 8 September 2006"."""
    before = text[items_start : item.start()]
    if not before:
        return True
    return bool(re.search(r"(?:,\s+(?:and\s+)?|\s+and\s+)\Z", before)) and not re.search(r"\bof\s+\Z", before)


def _stated_body(text: str, listing: re.Match[str]) -> Body | None:
    """The body that issued the listed resolutions, when the text says which one.

    "Security Council resolution" names it; a bare "Council" or "its"/bare "resolutions" after
    "Human Rights Council resolutions on ..., including" takes the nearest body named earlier in the
    same clause.
    """
    named = listing.group("body")
    short = [body for body in bodies() if named and body.short_name == named]
    if named and not short:
        return body_named(named)
    if len(short) == 1:  # "Assembly"
        return short[0]
    window = text[max(0, listing.start() - 160) : listing.start()]
    window = _CLAUSE_BREAK.split(window)[-1]
    mentions = list(re.finditer(_BODY_NAMES, window))
    if short:  # "Council": the nearest council named before, else the one numbering by session
        before = [body for body in map(body_named, (m.group(0) for m in mentions)) if body in short]
        return before[-1] if before else _pick(short, None, "{session}/{number}")
    if listing.group("own"):
        own = re.search(rf"({_BODY_NAMES}),?\s+(?:in|by|through|under)\s+\Z", window)
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
    text: str, listing: re.Match[str], item: re.Match[str], issuer: Body, *, is_decision: bool, single: bool
) -> InstrumentRef | None:
    """One listed number as a reference, with identifier, kind and year from its shape and issuer.

    The shape says which bodies may have issued it ("N (YYYY)" only a body numbered with the year
    in parentheses, "YYYY/N" only a body numbering by year); the issuer stands if it is one of them.
    """
    num, paren, part = item.group("num"), item.group("paren"), item.group("part")
    date = _ITEM_DATE.match(text, item.end())
    year = int(date.group(0)[-4:]) if date else None
    if paren and paren.isdigit():
        if is_decision:
            return None
        issuer, year = _pick(bodies(), None, "{number}({year})"), int(paren)
    elif paren:
        issuer = _pick(bodies(), issuer, "{number}({roman})", early=True)
    elif "/" not in num:
        if not (date and issuer.number_form == "{number}({year})"):
            return None
        paren = str(year)  # a Council resolution dated instead of numbered with its year: "1616 of 29 July 2005"
    elif _YEAR_SESSION.fullmatch(num):
        issuer = _pick(bodies(), issuer, "{year}/{number}")
        year = year or int(num[:4])
    else:
        issuer = _pick(bodies(), issuer, "{session}/{number}", short=listing.group("body"))
    prefix = issuer.decision_series if is_decision else issuer.resolution_series
    if prefix is None:
        return None
    kind = "document" if is_decision else issuer.instrument_kind
    symbol = f"{prefix}{num}({paren})" if paren else f"{prefix}{num}"
    head = listing.start("word") if listing.group("own") or not listing.group("body") else listing.start()
    start, end, pinpoint = (head if single else item.start()), item.end(), None
    pin = _PIN_SUFFIX.match(text, end)
    before = _PIN_PREFIX.search(text, max(0, head - _PIN_REACH), head) if single else None
    if pin:
        pinpoint, end = pin.group("pin"), pin.end()
    elif before:
        pinpoint = before.group("pin")
        if before.group("det") != "its ":
            start = before.start()
    return InstrumentRef(
        start, end, text[start:end], symbol, kind, symbol, _name_of(symbol), year, pinpoint, part
    )


def _unts_refs(text: str) -> list[InstrumentRef]:
    """UN Treaty Series citations -> UNTS/<volume>/<number>.

    "United Nations, Treaty Series, vol. 1577, No. 27531" and a following "Ibid., vol. 2237, No. 39574".
    """
    refs = []
    if "vol." not in text:
        return refs
    for match in _UNTS.finditer(text):
        number = re.sub(r"\s?[-–]\s?", "-", match.group("no"))
        symbol = f"UNTS/{match.group('vol')}/{number}"
        refs.append(_with_suffix(text, match.start(), match.end(), symbol, "treaty"))
    return refs


def _symbol_refs(text: str) -> list[InstrumentRef]:
    """Document symbols written out ("A/71/858", "S/2017/375, annex", "S/RES/1373 (2001)")."""
    refs = []
    if "/" not in text:
        return refs
    for match in _SYMBOL.finditer(text):
        end = match.end() if match.group("paren") and "/RES/" in match.group("sym") else match.end("sym")
        symbol = canonical_symbol(text[match.start() : end])
        if symbol is None:
            continue
        refs.append(_with_suffix(text, match.start(), end, symbol, _symbol_kind(text, match.start(), symbol)))
    return refs


def _special_session_refs(text: str) -> list[InstrumentRef]:
    """A bare special-session number ("S-10/2", "ES-10/19") is a General Assembly resolution.

    The Human Rights Council's own special sessions are always cited with "resolution" before them.
    """
    if "S-" not in text:
        return []
    return [
        _with_suffix(text, m.start(), m.end(), f"{_GA.resolution_series}{m.group('sym')}", _GA.instrument_kind)
        for m in _SPECIAL_SESSION.finditer(text)
    ]


def _with_suffix(text: str, start: int, end: int, symbol: str, kind: str) -> InstrumentRef:
    """A symbol reference, extended over a trailing pinpoint (", annex", ", para. 15")."""
    pin = _PIN_SUFFIX.match(text, end)
    pinpoint = pin.group("pin") if pin else None
    end = pin.end() if pin else end
    year = None if symbol.startswith("UNTS/") else _SYMBOL_YEAR.search(symbol)
    paren = re.search(r"\((\d{4})\)\Z", symbol)
    found_year = int(paren.group(1)) if paren else int(year.group("year")) if year else None
    return InstrumentRef(
        start, end, text[start:end], symbol, kind, symbol, _name_of(symbol), found_year, pinpoint
    )


def _symbol_kind(text: str, start: int, symbol: str) -> str:
    """Resolution kinds by series; "report" for session/number documents or when "report of" precedes."""
    body = body_of_symbol(symbol)
    if body and symbol.startswith(body.resolution_series) and body.instrument_kind != "document":
        return body.instrument_kind
    if _REPORT_SHAPE.fullmatch(symbol) or _REPORT_CONTEXT.search(text[max(0, start - 160) : start]):
        return "report"
    return "document"


def _named_refs(text: str) -> list[InstrumentRef]:
    """Lexicon instruments by name, first mention per (instrument, pinpoint) in the text."""
    pattern, by_alias = _named_pattern()
    seen: set[tuple[str, str | None]] = set()
    refs = []
    for match in pattern.finditer(text):
        instrument = by_alias[_alias_key(match.group(0))]
        start, pinpoint = match.start(), None
        before = _PIN_PREFIX.search(text, max(0, start - _PIN_REACH), start)
        if before:
            pinpoint = before.group("pin")
            if before.group("det") != "its ":
                start = before.start()
        key = (instrument.instrument_id, pinpoint)
        if key in seen:
            continue
        seen.add(key)
        refs.append(
            InstrumentRef(
                start,
                match.end(),
                text[start : match.end()],
                instrument.instrument_id,
                instrument.kind,
                instrument.symbol,
                instrument.name,
                instrument.year,
                pinpoint,
            )
        )
    return refs


@cache
def _named_pattern() -> tuple[re.Pattern[str], dict[str, Instrument]]:
    """One alternation over every lexicon name and alias, longest first, case-sensitive."""
    by_alias: dict[str, Instrument] = {}
    pieces: list[tuple[int, str]] = []
    for instrument in instruments():
        for alias in instrument.surfaces:
            bracket = re.fullmatch(r"(?P<lead>.*)\[(?P<core>.+)\]", alias)
            core = bracket.group("core") if bracket else alias
            by_alias[_alias_key(core)] = instrument
            body = _alias_regex(core)
            if bracket:
                lead = re.escape(bracket.group("lead"))
                if lead[:1].islower():
                    lead = f"[{lead[0].upper()}{lead[0]}]{lead[1:]}"
                body = rf"(?<=\b{lead}){body}(?!\s+(?:of|on)\b)"
            pieces.append((len(core), body))
    pieces.sort(key=lambda piece: -piece[0])
    alternation = "|".join(body for _, body in pieces)
    return re.compile(rf"(?<![\w\-])(?:{alternation})(?![\w\-])"), by_alias


def _alias_regex(alias: str) -> str:
    """Alias as a regex tolerant of dash and apostrophe variants and line-joined spaces."""
    out = []
    for ch in alias:
        if ch in "-–‑":
            out.append("[-–‑]")
        elif ch in "'’":
            out.append("['’]")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alias_key(surface: str) -> str:
    """Lookup key that ignores the variants :func:`_alias_regex` tolerates."""
    return _SPACES.sub(" ", re.sub("[–‑]", "-", surface.replace("’", "'")))


@cache
def _name_of(symbol: str) -> str | None:
    """Instrument name for a symbol when exactly one lexicon instrument carries it."""
    names = [instrument.name for instrument in instruments() if instrument.symbol == symbol]
    return names[0] if len(names) == 1 else None
