"""Curated vocabularies kept as CSV data, read into typed rows that are validated on load.

One reader per file (:func:`verbs`, :func:`actors`, :func:`bodies`, ...), cached for the process, so
a new alias or body is a one-line data change and no caller parses a column itself. A bad row
raises :class:`LexiconError` naming the file, line and column. The views the grammar needs (verb
first words, bodies by name or symbol, the opener alternation) are derived here once.
"""

from __future__ import annotations

import csv
import re
import string
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.lexicons.rows import (
    ACTOR_KINDS,
    NAMED_INSTRUMENT_KINDS,
    NAMED_RECURRENCE_FORMS,
    NUMBERINGS,
    RECURRENCE_FORMS,
    UN_ACTOR_KINDS,
    VERB_CATEGORIES,
    VERB_SECTIONS,
    Actor,
    Body,
    CouncilYear,
    DocumentSeries,
    GaSession,
    Instrument,
    Recurrence,
    ReportingTerm,
    Verb,
    VerbForm,
    form_kind,
)

__all__ = [
    "ACTOR_KINDS", "LEXICON_DIR", "NAMED_INSTRUMENT_KINDS", "NAMED_RECURRENCE_FORMS", "NUMBERINGS",
    "RECURRENCE_FORMS", "UN_ACTOR_KINDS", "VERB_CATEGORIES", "VERB_SECTIONS", "Actor", "Body", "CouncilYear",
    "DocumentSeries", "GaSession", "Instrument", "LexiconError", "Recurrence", "ReportingTerm", "Verb", "VerbForm", "actors",
    "bodies", "body_by_code", "body_name_alternation", "body_named", "body_of_symbol", "document_series",
    "finite_first_words", "ga_sessions", "instrument_kinds", "instruments", "issuing_bodies", "lead_first_words", "read",
    "recurrences", "reporting_terms", "resolve_body", "sc_resolution_year", "sc_resolution_years",
    "session_calendar", "symbol_prefix_alternation", "verb_forms", "verbs",
]

LEXICON_DIR = Path(__file__).parent
_PLACEHOLDERS = frozenset({"number", "session", "year", "roman"})


class LexiconError(ValueError):
    """A lexicon row that cannot be read: ``verbs.csv line 12, column strength: 'x' is not an integer``."""


class _Cells:
    """One CSV row; every accessor raises :class:`LexiconError` naming the file, line and column."""

    def __init__(self, path: Path, line: int, row: dict[str, str]) -> None:
        self.path, self.line, self._row = path, line, row

    def fail(self, column: str, problem: str) -> LexiconError:
        return LexiconError(f"{self.path.name} line {self.line}, column {column}: {problem}")

    def optional(self, column: str) -> str | None:
        return (self._row.get(column) or "").strip() or None

    def text(self, column: str) -> str:
        value = self.optional(column)
        if value is None:
            raise self.fail(column, "empty; this column is required")
        return value

    def choice(self, column: str, allowed: tuple[str, ...]) -> str:
        value = self.text(column)
        if value not in allowed:
            raise self.fail(column, f"unknown value {value!r}; use one of {', '.join(allowed)}")
        return value

    def integer(self, column: str) -> int:
        value = self.text(column)
        if not re.fullmatch(r"\d+", value):
            raise self.fail(column, f"{value!r} is not a non-negative integer")
        return int(value)

    def day(self, column: str) -> date:
        value = self.text(column)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(column, f"{value!r} is not a date (YYYY-MM-DD)") from None

    def items(self, column: str) -> tuple[str, ...]:
        """A ``|``-separated list, each item stripped; empty items are an error."""
        value = self.optional(column)
        if value is None:
            return ()
        items = tuple(item.strip() for item in value.split("|"))
        if not all(items):
            raise self.fail(column, f"empty item in {value!r} (a doubled or trailing '|')")
        return items


# --- one parser per file -------------------------------------------------------------------


def _verb(cells: _Cells) -> Verb:
    forms = tuple(" ".join(form.lower().split()) for form in cells.items("forms"))
    if not forms:
        raise cells.fail("forms", "empty; a verb needs at least one form")
    return Verb(cells.text("verb"), cells.choice("section", VERB_SECTIONS),
                cells.choice("category", VERB_CATEGORIES), cells.integer("strength"), forms, cells.text("comment"))


def _actor(cells: _Cells) -> Actor:
    return Actor(cells.text("actor_id"), cells.text("name"), cells.choice("kind", ACTOR_KINDS),
                 cells.items("aliases"), cells.text("comment"))


def _instrument(cells: _Cells) -> Instrument:
    """One id is one instrument: a resolution id has its body's resolution kind, and a symbol other
    than the id is allowed only beside a Treaty Series id (the treaty's adopting resolution)."""
    year = cells.integer("year") if cells.optional("year") else None
    row = Instrument(cells.text("instrument_id"), cells.text("name"), cells.choice("kind", instrument_kinds()),
                     cells.optional("symbol"), year, cells.items("aliases"), cells.text("comment"))
    body = body_of_symbol(row.instrument_id)
    if body and row.instrument_id.startswith(body.resolution_series) and row.kind != body.instrument_kind:
        raise cells.fail("kind", f"{row.kind!r}: {row.instrument_id} is a resolution, so {body.instrument_kind!r}")
    if row.symbol and row.symbol != row.instrument_id and not row.instrument_id.startswith("UNTS/"):
        raise cells.fail("symbol", f"{row.symbol!r} differs from the id {row.instrument_id!r}: use the symbol "
                                   "as the id (or the UNTS/<volume>/<number> id of a treaty)")
    return row


def _session(cells: _Cells) -> GaSession:
    session = GaSession(cells.integer("session"), cells.day("opened_on"), cells.day("closed_on"), cells.text("comment"))
    if session.closed_on < session.opened_on:
        raise cells.fail("closed_on", f"{session.closed_on} is before opened_on {session.opened_on}")
    return session


def _recurrence(cells: _Cells) -> Recurrence:
    row = Recurrence(cells.text("phrase"), cells.choice("form", RECURRENCE_FORMS),
                     cells.optional("recurrence"), cells.text("comment"))
    if row.form in NAMED_RECURRENCE_FORMS and row.recurrence is None:
        raise cells.fail("recurrence", f"empty; a {row.form} ({row.phrase!r}) needs a recurrence")
    return row


def _reporting_term(cells: _Cells) -> ReportingTerm:
    return ReportingTerm(cells.text("term"), cells.text("comment"))


def _document_series(cells: _Cells) -> DocumentSeries:
    series = cells.text("series")
    if not re.fullmatch(r"[A-Z][A-Z\d.\-]*(?:\{session\})?(?:/[A-Z][A-Za-z\d.\-]*)*", series):
        raise cells.fail("series", f"{series!r} is not a symbol series (capitals, '/', '.', '-', one {{session}})")
    return DocumentSeries(series, cells.text("comment"))


def _council_year(cells: _Cells) -> CouncilYear:
    row = CouncilYear(cells.integer("year"), cells.integer("first_number"), cells.integer("last_number"),
                      cells.text("comment"))
    if row.last_number < row.first_number:
        raise cells.fail("last_number", f"{row.last_number} is below first_number {row.first_number}")
    return row


def _pattern(cells: _Cells, column: str, prefix: str, required: set[str]) -> str | None:
    """A symbol template: starts with ``prefix``, names every placeholder in ``required``, no others."""
    value = cells.optional(column)
    if value is None:
        return None
    names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    if not value.startswith(prefix) or not required <= names or not names <= _PLACEHOLDERS:
        raise cells.fail(column, f"{value!r} must start with {prefix!r} and use {{{'}, {'.join(sorted(required))}}}"
                                 f" (placeholders: {', '.join(sorted(_PLACEHOLDERS))})")
    return value


def _body(cells: _Cells) -> Body:
    prefix, numbering = cells.text("symbol_prefix"), cells.choice("numbering", NUMBERINGS)
    resolution = _pattern(cells, "resolution_pattern", f"{prefix}/", {"number", numbering})
    if resolution is None:
        raise cells.fail("resolution_pattern", "empty; this column is required")
    series = resolution.split("{", 1)[0]
    calendar = cells.optional("calendar")
    if calendar is not None and (_FILES.get(Path(calendar).stem, (None,))[0] is not _session
                                 or not (cells.path.parent / calendar).is_file()):
        raise cells.fail("calendar", f"{calendar!r} is not a session calendar file beside {cells.path.name}")
    kind = cells.text("instrument_kind")
    if not re.fullmatch(r"[a-z]+_resolution", kind) and kind not in NAMED_INSTRUMENT_KINDS:
        raise cells.fail("instrument_kind", f"{kind!r} is neither '<code>_resolution' nor one of "
                                            f"{', '.join(NAMED_INSTRUMENT_KINDS)}")
    return Body(
        cells.text("name"), cells.text("code"), cells.optional("short_name"), prefix, resolution,
        _pattern(cells, "decision_pattern", f"{prefix}/", {"number"}),
        _pattern(cells, "early_pattern", series, {"number", "roman"}), numbering, calendar, kind,
        cells.choice("in_corpus", ("yes", "no")) == "yes", cells.text("comment"),
    )


# file stem -> (parser, columns each value of which must be unique)
_FILES: dict[str, tuple[Callable[[_Cells], Any], tuple[str, ...]]] = {
    "verbs": (_verb, ("verb",)),
    "actors": (_actor, ("actor_id",)),
    "instruments": (_instrument, ("instrument_id",)),
    "ga_sessions": (_session, ("session",)),
    "recurrences": (_recurrence, ("phrase",)),
    "reporting_terms": (_reporting_term, ("term",)),
    "bodies": (_body, ("name", "code", "symbol_prefix")),
    "sc_resolution_years": (_council_year, ("year",)),
    "document_series": (_document_series, ("series",)),
}


def read(path: Path) -> tuple[Any, ...]:
    """Typed rows of one lexicon file (chosen by its name, e.g. ``verbs.csv``), validated, not cached."""
    if path.stem not in _FILES:
        raise LexiconError(f"{path.name}: no reader for this file; known: {', '.join(f'{n}.csv' for n in _FILES)}")
    parse, unique = _FILES[path.stem]
    rows: list[Any] = []
    seen: dict[tuple[str, object], int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if "comment" not in (reader.fieldnames or ()):
            raise LexiconError(f"{path.name} line 1: no 'comment' column; every lexicon keeps its provenance")
        for row in reader:
            cells = _Cells(path, reader.line_num, row)
            if None in row:
                raise cells.fail(reader.fieldnames[-1], f"more fields than the header: {row[None]!r}")  # type: ignore[index]
            value = parse(cells)
            for column in unique:
                key = (column, getattr(value, column))
                if key in seen:
                    raise cells.fail(column, f"duplicate {key[1]!r} (first on line {seen[key]})")
                seen[key] = cells.line
            rows.append(value)
    return tuple(rows)


@cache
def _lexicon(name: str) -> tuple[Any, ...]:
    return read(LEXICON_DIR / f"{name}.csv")


def verbs() -> tuple[Verb, ...]:
    return _lexicon("verbs")


def actors() -> tuple[Actor, ...]:
    return _lexicon("actors")


def instruments() -> tuple[Instrument, ...]:
    return _lexicon("instruments")


def ga_sessions() -> tuple[GaSession, ...]:
    return _lexicon("ga_sessions")


def recurrences() -> tuple[Recurrence, ...]:
    return _lexicon("recurrences")


def reporting_terms() -> tuple[ReportingTerm, ...]:
    return _lexicon("reporting_terms")


def bodies() -> tuple[Body, ...]:
    """Every body whose resolutions are parsed or cited, in ``bodies.csv`` order."""
    return _lexicon("bodies")


def document_series() -> tuple[DocumentSeries, ...]:
    """Known symbol series; the symbol grammar (text/symbols.py) reads any other capital series too."""
    return _lexicon("document_series")


def sc_resolution_years() -> tuple[CouncilYear, ...]:
    """Number ranges of each year; bench/sc_years.py writes the file from the vendored corpus."""
    return _lexicon("sc_resolution_years")


@cache
def sc_resolution_year(number: int) -> int | None:
    """Year of adoption of Council resolution ``number``, None when the corpus cannot tell."""
    return next((row.year for row in sc_resolution_years() if row.first_number <= number <= row.last_number), None)


@cache
# --- derived views -------------------------------------------------------------------------


@cache
def verb_forms() -> tuple[VerbForm, ...]:
    """Every form of every verb with its inflection (:func:`~pipeline.lexicons.rows.form_kind`)."""
    return tuple(VerbForm(form, verb.verb, form_kind(form, verb.verb, verb.section))
                 for verb in verbs() for form in verb.forms)


@cache
def lead_first_words() -> frozenset[str]:
    """First words a paragraph lead can open with (every form but the "we ..." declarations)."""
    return frozenset(form.first_word for form in verb_forms() if form.kind != "declaration")


@cache
def finite_first_words() -> frozenset[str]:
    """First words of finite forms ("decides", "calls"): what opens an operative paragraph."""
    return frozenset(form.first_word for form in verb_forms() if form.kind == "finite")


@cache
def instrument_kinds() -> tuple[str, ...]:
    """Instrument kinds: one resolution kind per body (bodies.csv), then the named kinds."""
    kinds = [body.instrument_kind for body in bodies() if body.instrument_kind not in NAMED_INSTRUMENT_KINDS]
    return (*dict.fromkeys(kinds), *NAMED_INSTRUMENT_KINDS)


@cache
def issuing_bodies() -> tuple[Body, ...]:
    """Bodies whose resolutions are parsed (``in_corpus``): the values of documents.body."""
    return tuple(body for body in bodies() if body.in_corpus)


def body_named(name: str) -> Body:
    """The body called ``name`` ("Security Council"); whitespace runs count as one space."""
    wanted = " ".join(name.split())
    for body in bodies():
        if body.name == wanted:
            return body
    raise LexiconError(f"bodies.csv: no body named {name!r}; known: {', '.join(b.name for b in bodies())}")


def body_by_code(code: str) -> Body:
    for body in bodies():
        if body.code == code:
            return body
    raise LexiconError(f"bodies.csv: no body with code {code!r}; known: {', '.join(b.code for b in bodies())}")


def resolve_body(value: Body | str | None) -> Body:
    """A body from a Body, its name, code or symbol prefix (any case); None is the General Assembly,
    whose bare resolution numbers ("resolution 60/288") are the default reading."""
    if isinstance(value, Body):
        return value
    if value is None:
        return body_by_code("ga")
    key = " ".join(value.split()).lower()
    for body in bodies():
        if key in (body.name.lower(), body.code, body.symbol_prefix.lower()):
            return body
    raise LexiconError(f"bodies.csv: no body {value!r} (by name, code or symbol prefix)")


def body_of_symbol(symbol: str) -> Body | None:
    """The body whose resolution or decision series ``symbol`` is in (longest series first)."""
    return next((body for series, body in _series() if symbol.startswith(series)), None)


@cache
def _series() -> tuple[tuple[str, Body], ...]:
    pairs = ((s, body) for body in bodies() for s in (body.resolution_series, body.decision_series) if s)
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def body_name_alternation() -> str:
    """Regex alternation of the issuing bodies' names, as the opener "The General Assembly," writes them."""
    return "|".join(re.escape(body.name) for body in issuing_bodies())


@cache
def symbol_prefix_alternation() -> str:
    """Regex alternation of the issuing bodies' symbol prefixes, longest first: ``A/HRC|A|S|E``."""
    prefixes = sorted((body.symbol_prefix for body in issuing_bodies()), key=len, reverse=True)
    return "|".join(re.escape(prefix) for prefix in prefixes)


@cache
def session_calendar(body: Body) -> dict[int, tuple[date, date]]:
    """Opening and closing dates by session number from the body's calendar file; {} without one."""
    if body.calendar is None:
        return {}
    return {row.session: (row.opened_on, row.closed_on) for row in _lexicon(Path(body.calendar).stem)}
