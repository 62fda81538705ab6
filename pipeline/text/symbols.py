"""Cited instruments: resolutions, documents, treaties and named instruments in one paragraph or footnote.

Identifier conventions (the table contract in README.md and docs/architecture.md):

- GA resolutions ``A/RES/60/288``; pre-1976 ``A/RES/217(III)``; special sessions ``A/RES/S-10/2``;
  GA decisions ``A/DEC/62/557``.
- Security Council ``S/RES/1373(2001)``: "NNNN (YYYY)" after "resolution(s)" is always the Council.
- Human Rights Council ``A/HRC/RES/31/30``; Economic and Social Council ``E/RES/1980/67``
  (a "YYYY/N" number is never a GA or HRC resolution).
- Part letters ("53/243 A and B", "52/169 M", "2200 A (XXI)") are **not** in the identifier: the
  DESIGN forms ``A/RES/217(III)`` and ``A/RES/2200(XXI)`` drop them, so every session/number form does
  too. They stay in the surface and in :attr:`InstrumentRef.part`.
- Other documents as written without spaces (``A/72/L.62``, ``E/CN.4/1998/53/Add.2``). The series are
  lexicons/document_series.csv (``WHA{session}`` reads "WHA58/2005/REC/1") or any run of capitals; then
  "/"-separated parts, suffixes such as ``Add.2``, ``Rev.1``, ``Corr.1`` included. A joint symbol
  ``A/69/711-S/2015/1`` is one id: it is one document circulated to two organs, and two ids would count
  one citation twice.
- UN Treaty Series ``UNTS/1577/27531``; "vol. 75, Nos. 970–973" is each of the four numbers.
- A lexicon instrument keeps its lexicon kind, symbol and name however it is cited, so one id is one
  instrument row (the ICCPR is ``UNTS/999/14668`` by name and by Treaty Series number).
- Named instruments come from ``pipeline/lexicons/instruments.csv`` and are reported at their first
  mention per text (per distinct pinpoint); symbol mentions are reported every time.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.lexicons import (
    Body,
    Instrument,
    body_of_symbol,
    document_series,
    instruments,
    resolve_body,
)
from pipeline.text.citations import (
    PIN_PREFIX,
    PIN_REACH,
    PIN_SUFFIX,
    ROMAN,
    InstrumentRef,
    council_year,
    name_of,
    resolution_refs,
)

__all__ = ["InstrumentRef", "canonical_symbol", "find_instrument_refs"]

_GA = resolve_body(None)
_UNTS = re.compile(
    r"(?:United\s+Nations,?\s+Treaty\s+Series|\b[Ii]bid\.),?\s+vol\.\s?(?P<vol>\d+)(?:\s\(\d{4}\))?,?"
    r"\s+Nos?\.\s?(?P<no>\d+(?:(?:\s?[-–]\s?|,\s|\sand\s)\d+)*)"
)
_UNTS_RANGE = re.compile(r"(?P<low>\d+)\s?[-–]\s?(?P<high>\d+)")
_UNTS_MAX_RANGE = 10  # "Nos. 970–973" is the four Geneva Conventions; a longer run is a misreading


def _series_alternation() -> str:
    """Known series (lexicons/document_series.csv) longest first, then any run of capitals ("CD", "UNMIK")."""
    known = sorted((row.series for row in document_series()), key=len, reverse=True)
    pieces = [re.escape(series).replace(re.escape("{session}"), r"\d{1,3}") for series in known]
    return "|".join([*pieces, r"[A-Z]{1,8}(?:\.\d+)?"])


_SYMBOL_CORE = rf"(?:{_series_alternation()})(?:/[A-Za-z0-9]+(?:[.\-–][A-Za-z0-9]+)*)+"
_SYMBOL = re.compile(rf"(?<![\w/.\-])(?P<sym>{_SYMBOL_CORE})(?:\s?\((?P<paren>\d{{4}}|{ROMAN})\))?")
_SPECIAL_SESSION = re.compile(r"(?<![\w/\-])(?P<sym>E?S-\d{1,2}/\d{1,3})(?![\w/])")
_SYMBOL_YEAR = re.compile(r"/(?P<year>(?:19[4-9]|20\d)\d)/")
_REPORT_SHAPE = re.compile(r"(?:A|A/HRC|E)/\d+/\d+(?:/Add\.\d+)?")
_REPORT_CONTEXT = re.compile(r"\breport\b[^;()]{0,120}\(?\Z", re.IGNORECASE)
_PART_OF_RES = re.compile(r"(?P<base>.*/RES/(?:E?S-)?\d+/\d+)\s?[A-Z]")
_SPACES = re.compile(r"\s+")


def find_instrument_refs(text: str, *, body: Body | str | None = None) -> list[InstrumentRef]:
    """Every cited instrument in one normalised paragraph or footnote text, sorted by start.

    ``body`` is the issuing body of the citing resolution (a Body, or its name or code); it resolves
    "its resolution 31/30" and bare "resolution 31/30" (default General Assembly).
    """
    citing = resolve_body(body)
    refs: list[InstrumentRef] = []
    for found in (
        resolution_refs(text, citing),
        _unts_refs(text),
        _symbol_refs(text),
        _special_session_refs(text),
        _named_refs(text),
    ):
        # an earlier finder's span wins; one finder may give several refs for one span ("Nos. 970-973")
        found = [ref for ref in found if not any(ref.start < kept.end and kept.start < ref.end for kept in refs)]
        refs += found
    return sorted((_as_in_lexicon(ref) for ref in refs), key=lambda ref: (ref.start, ref.end))


def _as_in_lexicon(ref: InstrumentRef) -> InstrumentRef:
    """A lexicon instrument's kind, symbol and name on every ref to it, so one id is one instrument row
    however it was cited ("resolution 70/1" and "the 2030 Agenda"; "vol. 999, No. 14668" and the ICCPR)."""
    instrument = _by_id().get(ref.instrument_id)
    if instrument is None:
        return ref
    return replace(ref, kind=instrument.kind, symbol=instrument.symbol, name=instrument.name,
                   year=ref.year or instrument.year)


@cache
def _by_id() -> dict[str, Instrument]:
    return {instrument.instrument_id: instrument for instrument in instruments()}


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


def _unts_refs(text: str) -> list[InstrumentRef]:
    """UN Treaty Series citations -> UNTS/<volume>/<number>, one per number.

    "United Nations, Treaty Series, vol. 1577, No. 27531", a following "Ibid., vol. 2237, No. 39574",
    and "vol. 75, Nos. 970–973" (each of the four, same surface).
    """
    refs = []
    if "vol." not in text:
        return refs
    for match in _UNTS.finditer(text):
        numbers: list[int] = []
        for piece in re.split(r",\s|\sand\s", match.group("no")):
            run = _UNTS_RANGE.fullmatch(piece)
            low, high = (int(run.group("low")), int(run.group("high"))) if run else (int(piece), int(piece))
            numbers += range(low, high + 1) if 0 <= high - low <= _UNTS_MAX_RANGE else [low, high]
        for number in dict.fromkeys(numbers):
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
        symbol = _council_year_checked(symbol)
        refs.append(_with_suffix(text, match.start(), end, symbol, _symbol_kind(text, match.start(), symbol)))
    return refs


def _council_year_checked(symbol: str) -> str:
    """"S/RES/2312 (2106)" -> S/RES/2312(2016): the number names the resolution, the table its year."""
    written = re.fullmatch(r"(?P<series>.+/)(?P<number>\d+)\((?P<year>\d{4})\)", symbol)
    body = body_of_symbol(symbol)
    if written is None or body is None or body.number_form != "{number}({year})":
        return symbol
    year = council_year(int(written.group("number")), int(written.group("year")))
    return f"{written.group('series')}{written.group('number')}({year or written.group('year')})"


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
    pin = PIN_SUFFIX.match(text, end)
    pinpoint = pin.group("pin") if pin else None
    end = pin.end() if pin else end
    year = None if symbol.startswith("UNTS/") else _SYMBOL_YEAR.search(symbol)
    paren = re.search(r"\((\d{4})\)\Z", symbol)
    found_year = int(paren.group(1)) if paren else int(year.group("year")) if year else None
    return InstrumentRef(
        start, end, text[start:end], symbol, kind, symbol, name_of(symbol), found_year, pinpoint
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
    gate = _named_gate()
    first = gate.search(text) if gate is not None else None
    if gate is not None and first is None:
        return []
    pattern, by_alias = _named_pattern()
    seen: set[tuple[str, str | None]] = set()
    refs = []
    for match in pattern.finditer(text, first.start() if first else 0):  # no name starts before its first word
        instrument = by_alias[_alias_key(match.group(0))]
        start, pinpoint = match.start(), None
        before = PIN_PREFIX.search(text, max(0, start - PIN_REACH), start)
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


@cache
def _named_gate() -> re.Pattern[str] | None:
    """The first words of the lexicon names, as written: a text holding none of them names no instrument,
    and this pattern scans far faster than the full alternation (None if some name opens otherwise)."""
    words = set()
    for instrument in instruments():
        for alias in instrument.surfaces:
            bracket = re.fullmatch(r"(?P<lead>.*)\[(?P<core>.+)\]", alias)
            word = re.match(r"\w+", bracket.group("core") if bracket else alias)
            if word is None:
                return None
            words.add(word.group(0))
    return re.compile("|".join(map(re.escape, sorted(words))))


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
