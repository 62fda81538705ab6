"""Typed, immutable rows of the lexicon CSVs, and the closed vocabularies their columns take.

The kind lists here are the only copy: the readers validate the CSVs against them and ``schemas/``
builds its enum constraints from them, so a new actor kind or verb category is added here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ACTOR_KINDS = (
    "member_states", "state", "un_principal_organ", "un_secretariat", "un_entity", "un_subsidiary_body",
    "intergovernmental_organization", "civil_society", "private_sector", "party", "other",
)
UN_ACTOR_KINDS = ("un_principal_organ", "un_secretariat", "un_entity", "un_subsidiary_body")  # mandate holders
VERB_SECTIONS = ("preamble", "operative", "both")
VERB_CATEGORIES = (
    "recall", "recognition", "affirmation", "emphasis", "concern", "condemnation", "endorsement",
    "commitment", "exhortation", "request", "demand", "decision", "procedure",
)
# Kinds of instruments named in instruments.csv; resolution kinds come from bodies.csv.
NAMED_INSTRUMENT_KINDS = ("document", "report", "treaty", "charter", "declaration", "named_instrument")
RECURRENCE_FORMS = ("word", "series_word", "series_adjective", "phrase", "not_recurring", "follower", "amount")
NAMED_RECURRENCE_FORMS = ("word", "series_word", "series_adjective", "phrase")  # these need a recurrence
NUMBERINGS = ("session", "year")  # what a body's resolution number counts within


@dataclass(frozen=True)
class Verb:
    """A lemma of ``verbs.csv``; ``forms`` are lower case, single-spaced, as the grammar reads them."""

    verb: str
    section: str
    category: str
    strength: int
    forms: tuple[str, ...]
    comment: str


@dataclass(frozen=True)
class VerbForm:
    """One form of a lemma with the inflection its shape implies (see :func:`form_kind`)."""

    form: str
    verb: str
    kind: str | None  # finite | participle | declaration | adjective | None (a base form)

    @property
    def first_word(self) -> str:
        return self.form.split()[0]


def form_kind(form: str, lemma: str, section: str) -> str | None:
    """Inflection read from a form's shape, the one rule for every caller.

    First word ``we`` = declaration form; ``-ing`` or ``having`` = participle (preamble lead); the
    lemma's own first word = the adjectival lead of a preamble-only lemma ("alarmed"), else a base
    form; any other first word in ``-s`` = finite third person (operative lead and clauses).
    """
    first = form.split()[0]
    if first == "we":
        return "declaration"
    if first.endswith("ing") or first == "having":
        return "participle"
    if first == lemma.split()[0]:
        return "adjective" if section == "preamble" and form == lemma else None
    if first.endswith("s"):
        return "finite"
    return None


@dataclass(frozen=True)
class Actor:
    """A canonical actor of ``actors.csv``."""

    actor_id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    comment: str

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The name and every alias, as the text may write them."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Instrument:
    """A named instrument of ``instruments.csv``; an alias ``the [Charter]`` matches only after "the"."""

    instrument_id: str
    name: str
    kind: str
    symbol: str | None
    year: int | None
    aliases: tuple[str, ...]
    comment: str

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GaSession:
    """A regular session of a body's calendar (``ga_sessions.csv``)."""

    session: int
    opened_on: date
    closed_on: date
    comment: str


@dataclass(frozen=True)
class Recurrence:
    """A phrase of ``recurrences.csv``; ``form`` says how the grammar reads it (dates.py)."""

    phrase: str
    form: str
    recurrence: str | None
    comment: str


@dataclass(frozen=True)
class ReportingTerm:
    """A word that makes a mandate a reporting one (``reporting_terms.csv``)."""

    term: str
    comment: str


@dataclass(frozen=True)
class DocumentSeries:
    """A document symbol series (``document_series.csv``): ``E/CN.4``, ``WHA{session}``."""

    series: str
    comment: str


@dataclass(frozen=True)
class CouncilYear:
    """The Security Council resolution numbers of one year (``sc_resolution_years.csv``, generated)."""

    year: int
    first_number: int
    last_number: int
    comment: str


@dataclass(frozen=True)
class Body:
    """An organ whose resolutions are parsed or cited (``bodies.csv``).

    Patterns are symbol templates: ``A/RES/{session}/{number}``, ``S/RES/{number}({year})``;
    ``early_pattern`` is the numbering used before the current one (``A/RES/{number}({roman})``).
    """

    name: str
    code: str
    short_name: str | None
    symbol_prefix: str
    resolution_pattern: str
    decision_pattern: str | None
    early_pattern: str | None
    numbering: str
    calendar: str | None
    instrument_kind: str
    in_corpus: bool
    comment: str

    @property
    def resolution_series(self) -> str:
        """The symbol up to the number: ``A/HRC/RES/``."""
        return self.resolution_pattern.split("{", 1)[0]

    @property
    def decision_series(self) -> str | None:
        return self.decision_pattern.split("{", 1)[0] if self.decision_pattern else None

    @property
    def number_form(self) -> str:
        """How the number is written after the series: ``{session}/{number}``, ``{number}({year})``."""
        return self.resolution_pattern[len(self.resolution_series):]

    @property
    def early_number_form(self) -> str | None:
        return self.early_pattern[len(self.resolution_series):] if self.early_pattern else None

    def resolution_symbol(self, number: str, *, session: str = "", year: str = "", roman: str = "") -> str:
        """The symbol of resolution ``number``: ``resolution_symbol("1373", year="2001")`` = S/RES/1373(2001)."""
        pattern = self.early_pattern if roman and self.early_pattern else self.resolution_pattern
        return pattern.format(number=number, session=session, year=year, roman=roman)
