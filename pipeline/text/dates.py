"""Calendar dates, deadlines and the General Assembly session calendar."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.lexicons import Body, bodies, resolve_body, session_calendar
from pipeline.text.numbers import CARDINAL_WORD, ORDINAL_WORD, cardinal_to_int, ordinal_to_int
from pipeline.text.recurrences import find_recurrences

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")
MONTHS = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
MONTH_NAME = "(?:" + "|".join(_MONTH_NAMES) + ")"
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s*({MONTH_NAME})\s*(\d{{4}})\b")


def parse_date(text: str) -> date | None:
    """The first 'D Month YYYY' date in ``text`` ('26 June 2018', '4 December2024'), else None."""
    match = DAY_MONTH_YEAR.search(text)
    if not match:
        return None
    day, month, year = match.groups()
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except ValueError:
        return None


# --- Time expressions in operative paragraphs -------------------------------------------
#
# Conventions (shared with tests/gold/a_res_72_284/deadlines.csv):
# - A month means its whole span ("no later than May 2019" = 2019-05-01..2019-05-31), a year
#   its whole year, a quarter or half its months; "the end of X" is the single last day of X.
# - date_start is the first day of the time named: a point at its precision (above), or for a period
#   ("until <date>", "until the end of X", "for a period of N months", "within N days") the adoption date
#   (None when not given) or the start it writes; date_end the end date. A period that writes its end
#   ("for a period of six months, that is, until 31 December 2006") is one expression ending on that date.
# - "within N units" counts from the adoption when no other anchor is named ("within 90 days",
#   "... of the adoption"); another anchor ("of their approval") leaves both dates None.
#   Hours: the end day is adoption + N // 24 days (12 hours = same day). Working days are
#   Monday to Friday, holidays ignored, the adoption day not counted.
# - "before/prior to its Nth session" is due the day before the session opens; "by/until the end
#   of its Nth session" is due on its closing day. Sessions of bodies other than the GA (the
#   Human Rights Council, when ``body`` or the clause names it) keep the number without dates.
# - "by 2030" and other bare years are left out: in GA texts they are goals, not deadlines.
# - A period "from 1 July 2018 to 30 June 2019" and dated events ("on 28 and 29 June 2018")
#   are event_date; deadlines are due_date; a GA session is session with its calendar dates.
# - Historical dates are dropped: dates introduced by "of" (resolution X of <date>) or
#   "adopted/signed/held on", and, when ``adopted_on`` is known, anything that ended before it or
#   that began by then after a completed act ("the report submitted ... at its seventy-eighth session").

_ORD = rf"\b({ORDINAL_WORD})"
_NUM = rf"(\d+|{CARDINAL_WORD})"
_UNIT = r"(hours?|(?:working |calendar )?days?|weeks?|months?|years?)"
_DMY = rf"(\d{{1,2}}) ?({MONTH_NAME}) ?(\d{{4}})"
_MY = rf"({MONTH_NAME}) (\d{{4}})"
_QUARTER = r"(first|second|third|fourth) quarter of (\d{4})"
_HALF = r"(first|second) half of (\d{4})"

# A date point: one day, a month, a quarter/half, or (after "the end of") a bare year.
_POINT = rf"(?:{_DMY}|{_MY}|the {_QUARTER}|the {_HALF})"
_POINT_OR_YEAR = rf"(?:{_POINT}|(\d{{4}}))"
_POINT_PARSE = re.compile(_POINT_OR_YEAR)

_DUE = re.compile(
    rf"\b(?:(?:no|not) later than|on or before|by|before|prior to|due (?:on|by))"
    rf"(?: the end of)? {_POINT}(?: at the latest)?"
    rf"|\b(?:by|before|until|up to|(?:no|not) later than) the end of {_POINT_OR_YEAR}(?: at the latest)?"
    rf"|\bin the (?:{_QUARTER}|{_HALF})"
)
_UNTIL = re.compile(rf"\b(?:until|till|through) {_DMY}")
_END_OF_SESSION = re.compile(
    rf"\b(?:by|before|until|up to|(?:no|not) later than) the end of (?:its|the) {_ORD} session"
    r"(?: of the General Assembly)?"
)
_SESSION = re.compile(
    rf"\b(?:(at|during) (?:the (?:main |first |second |resumed )?part of )?)?(its|the) (?:resumed )?{_ORD}"
    r" session(?: of the General Assembly)?"
)
_BEFORE_SESSION = re.compile(
    rf"\b(?:before|prior to) (?:the (?:start|opening) of )?(?:its|the) {_ORD} session"
    r"(?: of the General Assembly)?"
)
# "the provisional agenda of its ... session", "the general debate of its ... session"
_SESSION_PART_BEFORE = re.compile(r"\b(?:agenda|week|debate|segment|part|meetings?) of $")
_SESSION_RELATIVE = re.compile(r"\b(?:at|during) its (next|current|present|following) session\b")
_OTHER_BODY_AFTER = re.compile(r" of the (?!General Assembly)")
_ORGAN_NOUNS = ("Commission", "Committee", "Conference", "Board", "Forum", "Meeting", "Panel",  # not in bodies.csv
                "Environment Assembly", "Assembly of States Parties")
_BODY_NOUN = re.compile(
    r"\b("
    + "|".join(map(re.escape, (
        *(body.name for body in bodies()),
        *dict.fromkeys(body.short_name for body in bodies() if body.short_name),
        *_ORGAN_NOUNS,
    )))
    + r")\b"
)
_EVENT_DAYS = re.compile(
    rf"\b(?:on|between) (\d{{1,2}})(?:,? (?:and|to) (\d{{1,2}}))? ?({MONTH_NAME}) ?(\d{{4}})"
)
_EVENT_RANGE = re.compile(
    rf"\bfrom (\d{{1,2}})(?: ({MONTH_NAME}))?(?: (\d{{4}}))? (?:to|until|through) {_DMY}"
)
# What a relative span counts from: "of the adoption", "of their approval", "before the relevant discussion".
_ANCHOR = (
    r"(?: (of|from|after|following|before) (?:the (?:moment|date|time|day) of )?"
    r"(?:(?:the|their|its|his|her|a|an|this|the present) )?"
    r"((?:relevant |next |first )?[\w-]+(?: of (?:a|an|the) [\w-]+)?))?"
)
_FROM_ADOPTION = ("adopt", "resolution", "decision")
_WITHIN = re.compile(rf"\b(?:within|(?:no|not) later than|at least) {_NUM} {_UNIT}\b{_ANCHOR}")
_COUNT_FROM = re.compile(
    rf"\b{_NUM} {_UNIT} (?:from|after|following) (?:the (?:date|moment) of )?(?:the )?adoption\b"
)
_FOR_PERIOD = re.compile(
    rf"\bfor (?:a|an additional|a further) period of {_NUM} {_UNIT}\b"
    r"(?! (?:from|after|following) (?:the (?:date|moment) of )?(?:the )?adoption)"  # left to _COUNT_FROM
)
# A period with its end or start written out: "for a period of six months, that is, until 31 December 2006",
# "for a further period ending 15 December 1999", "for a further 12 months to 31 July 2009", "for an
# initial period of 12 months beginning on 1 January 2006". One expression: the written end date binds.
_PERIOD_HEAD = (
    rf"\bfor (?:(?:a|an|another)(?: (?:additional|further|new|final|initial|last|technical|limited))* period"
    rf"(?: of {_NUM} {_UNIT})?|(?:a further |an additional |another )?{_NUM} (?:more |further |additional )?{_UNIT})"
)
_PERIOD_ENDING = re.compile(
    rf"{_PERIOD_HEAD}(?:,? that is,?|,)? (?:until|till|through|to|(?:ending|terminating|expiring)(?: on)?) (?P<end>{_DMY})"
)
_PERIOD_BEGINNING = re.compile(
    rf"\bfor (?:(?:a|an|another)(?: (?:additional|further|new|final|initial|last|technical|limited))* period of "
    rf"|(?:a further |an additional |another )?){_NUM} {_UNIT},? (?:(?:beginning|starting|commencing)(?: on)?|from|beyond) (?P<begin>{_DMY})"
    rf"(?: (?:until|to|through) (?P<until>{_DMY}))?"
)
# "Declares 16 May the International Day of ...": an observance that recurs every year on that day.
_OBSERVANCE = re.compile(
    rf"\b(?:[Dd]eclares?|[Pp]roclaims?|[Dd]esignates?|to (?:declare|proclaim|designate))(?: that)? "
    rf"(\d{{1,2}} {MONTH_NAME})(?! ?\d{{4}})(?=,? (?:as |to be )?(?:the |an? )?(?:annual )?"
    r"(?:International|World|United Nations|Global)\b)"
)
# "on the fifth working day following the report": due, but counted from an event of unknown date.
_NTH_DAY_AFTER = re.compile(
    rf"\bon the {_ORD} (?:working |calendar )?day (?:following|after) (?:the |its |their )?[\w-]+(?: of the [\w-]+(?: [A-Z][\w-]*)*)?"
)
_FOUR_DIGITS = re.compile(r"\d{4}")
_SPAN_WORD = re.compile(r"\b(?:within|later than|at least|adoption|period of)\b")
_HISTORICAL_BEFORE = re.compile(
    r"\b(?:dated|since|as (?:of|at)|adopted(?: by the(?: [A-Z][\w-]*)+)?|signed|concluded|entered into force"
    r"|took place|(?:was|were|been) (?:held|convened))\s*$"
)
# A completed act before a time: "submitted by the previous mandate holder to the General Assembly ", "held ".
_DONE_BEFORE = re.compile(
    r"\b(?:(\w+) )?(?:held|submitted|presented|adopted|expressed|taken|conducted|convened|launched|organized"
    r"|hosted|made)(?: (?:by|to|in|at|during|of|before)\b(?:(?!\bbe\b)[^,;:()]){0,80}?)?\s*$"
)
_QUARTER_FIRST_MONTH = {"first": 1, "second": 4, "third": 7, "fourth": 10}
_HALF_FIRST_MONTH = {"first": 1, "second": 7}
_GA = resolve_body(None)


@dataclass(frozen=True)
class TimeExpression:
    """One time expression in a paragraph; ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    kind: str  # due_date | session | recurring | event_date
    date_start: date | None
    date_end: date | None
    session: int | None
    recurrence: str | None


def session_period(session: int) -> tuple[date, date] | None:
    """Opening and closing dates of a GA regular session, from the lexicon."""
    return session_calendar(_GA).get(session)


def find_time_expressions(
    text: str, *, adopted_on: date | None = None, body: Body | str | None = None, session: int | None = None
) -> list[TimeExpression]:
    """Deadlines, sessions, recurrences and dated events in one normalised paragraph.

    ``adopted_on`` anchors relative forms ("within 90 days") and drops what ended before the
    adoption; ``body`` (a Body, or its name or code: "GA", "Security Council") says whose "its ...
    session" it is (default the General Assembly); ``session``, the session the resolution was adopted
    at, drops the earlier sessions of a body without a calendar ("at its forty-second session" in
    A/HRC/RES/58/3).
    """
    citing = resolve_body(body)
    # Most paragraphs set no date: a cheap test for what each grammar needs (a year, the word
    # "session", a count word) skips the regexes that cannot match.
    dated = _FOUR_DIGITS.search(text) is not None
    sessions = "session" in text
    observed = "eclare" in text or "roclaim" in text or "esignate" in text  # the verbs _OBSERVANCE needs
    counted = "day following" in text or "day after" in text  # what _NTH_DAY_AFTER needs
    candidates = [
        *(_due_dates(text, adopted_on) if dated else ()),
        *(_until(text, adopted_on) if dated else ()),
        *(_end_of_session(text, citing, adopted_on) if sessions else ()),
        *(_before_session(text, citing) if sessions else ()),
        *(_sessions(text, citing) if sessions else ()),
        *(_relative_sessions(text, adopted_on, citing) if sessions else ()),
        *(_events(text) if dated else ()),
        *_relative_spans(text, adopted_on),
        *(_written_periods(text, adopted_on) if dated else ()),
        *_recurring(text),
        *(_expr(text, match.span(1), "recurring", recurrence="annual") for match in (_OBSERVANCE.finditer(text) if observed else ())),
        *(_expr(text, match, "due_date") for match in (_NTH_DAY_AFTER.finditer(text) if counted else ())),
    ]
    own_session = None if session_calendar(citing) else session  # a calendar dates the body's sessions itself
    kept: list[TimeExpression] = []
    for expr in sorted(candidates, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and expr.start < kept[-1].end:
            continue
        if _is_historical(text, expr, adopted_on) or (own_session and expr.session and expr.date_end is None
                                                       and expr.session < own_session):
            continue
        kept.append(expr)
    return kept


def _expr(text: str, bounds: re.Match[str] | tuple[int, int], kind: str,
          span: tuple[date | None, date | None] = (None, None),
          session: int | None = None, recurrence: str | None = None) -> TimeExpression:
    """A TimeExpression over ``bounds`` (a match or a (start, end) pair) of ``text``."""
    start, end = bounds.span() if isinstance(bounds, re.Match) else bounds
    return TimeExpression(start, end, text[start:end], kind, span[0], span[1], session, recurrence)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _point(surface: str) -> tuple[date, date] | None:
    """Span of the first date point in ``surface``: a day, month, quarter, half or bare year."""
    match = _POINT_PARSE.search(surface)
    if not match:
        return None
    day, d_month, d_year, month, m_year, quarter, q_year, half, h_year, year = match.groups()
    try:
        if day:
            one = date(int(d_year), MONTHS[d_month.lower()], int(day))
            return one, one
        if month:
            number = MONTHS[month.lower()]
            return date(int(m_year), number, 1), _month_end(int(m_year), number)
        if quarter:
            first = _QUARTER_FIRST_MONTH[quarter]
            return date(int(q_year), first, 1), _month_end(int(q_year), first + 2)
        if half:
            first = _HALF_FIRST_MONTH[half]
            return date(int(h_year), first, 1), _month_end(int(h_year), first + 5)
        return date(int(year), 1, 1), date(int(year), 12, 31)
    except ValueError:  # "31 June 2019"
        return None


def _due_dates(text: str, adopted_on: date | None) -> list[TimeExpression]:
    found = []
    for match in _DUE.finditer(text):
        span = _point(match.group(0))
        if span and " the end of " in match.group(0):
            span = _from_adoption(match, span[1], adopted_on)
        if span:
            found.append(_expr(text, match, "due_date", span))
    return found


_LASTING = re.compile(r"(?:until|up to)\b")


def _from_adoption(match: re.Match[str], end: date, adopted_on: date | None) -> tuple[date | None, date]:
    """'the end of X' is its last day; 'until/up to the end of X' is a period from the adoption to it,
    as 'until 31 March 2025' is."""
    if _LASTING.match(match.group(0)):
        return (adopted_on if adopted_on and adopted_on <= end else None), end
    return end, end


def _until(text: str, adopted_on: date | None) -> list[TimeExpression]:
    found = []
    for match in _UNTIL.finditer(text):
        span = _point(match.group(0))
        if span:
            start = adopted_on if adopted_on and adopted_on <= span[1] else None
            found.append(_expr(text, match, "due_date", (start, span[1])))
    return found


def _session_owner(text: str, match: re.Match[str], body: Body) -> Body | None:
    """Whose numbered session: the body named last in the clause ("Assembly"; "Council" is the
    citing body's own), else the citing body; None for a body without numbered sessions or another organ."""
    if match.group(0).endswith(f"of the {_GA.name}"):
        return _GA
    clause = re.split(r"[;:]", text[max(0, match.start() - 160):match.start()])[-1]
    nouns = _BODY_NOUN.findall(clause)
    if not nouns:
        return _own_session_body(body)
    named = [other for other in bodies() if nouns[-1] in (other.name, other.short_name)]
    if len(named) > 1:  # "Council"
        named = [body] if body in named else []
    return _own_session_body(named[0]) if named else None


def _own_session_body(body: Body) -> Body | None:
    """The body if it numbers its resolutions by session (GA, HRC); the Security Council has none."""
    return body if body.numbering == "session" else None


def _session_row(text: str, match: re.Match[str], kind: str, number: int, owner: Body) -> TimeExpression:
    """Session dates come from the body's calendar (bodies.csv); sessions without one keep the number only."""
    span = session_calendar(owner).get(number)
    return _expr(text, match, kind, span or (None, None), session=number)


def _end_of_session(text: str, body: Body, adopted_on: date | None) -> list[TimeExpression]:
    found = []
    for match in _END_OF_SESSION.finditer(text):
        owner = _session_owner(text, match, body)
        number = ordinal_to_int(match.group(1))
        period = session_calendar(owner).get(number) if owner and number else None
        if owner and number:
            span = _from_adoption(match, period[1], adopted_on) if period else (None, None)
            found.append(_expr(text, match, "due_date", span, session=number))
    return found


def _before_session(text: str, body: Body) -> list[TimeExpression]:
    """'before its eightieth session': due the day before the session opens."""
    found = []
    for match in _BEFORE_SESSION.finditer(text):
        number = ordinal_to_int(match.group(1))
        owner = _session_owner(text, match, body)
        period = session_calendar(owner).get(number) if number and owner else None
        if number and owner:
            eve = period and period[0] - timedelta(days=1)
            found.append(_expr(text, match, "due_date", (eve, eve), session=number))
    return found


def _sessions(text: str, body: Body) -> list[TimeExpression]:
    """'at its seventy-fourth session', 'the ... session of the General Assembly', agenda items."""
    found = []
    for match in _SESSION.finditer(text):
        preposition, _determiner, ordinal = match.groups()
        before = text[max(0, match.start() - 20) : match.start()]
        if not preposition and not _SESSION_PART_BEFORE.search(before):
            continue  # "the report on its seventy-first session" looks back
        if not match.group(0).endswith("General Assembly") and _OTHER_BODY_AFTER.match(text, match.end()):
            continue  # "the twenty-ninth session of the Conference of the Parties"
        # "the provisional agenda of its ... session" is always the resolution's own body
        owner = _session_owner(text, match, body) if preposition else _own_session_body(body)
        number = ordinal_to_int(ordinal)
        if owner and number:
            found.append(_session_row(text, match, "session", number, owner))
    return found


def _relative_sessions(text: str, adopted_on: date | None, body: Body) -> list[TimeExpression]:
    """'at its next session' resolved through the owner's calendar when the adoption date is known."""
    if not adopted_on:
        return []
    found = []
    for match in _SESSION_RELATIVE.finditer(text):
        owner = _session_owner(text, match, body)
        calendar = session_calendar(owner) if owner else {}
        current = next((n for n, (s, e) in calendar.items() if s <= adopted_on <= e), None)
        if owner is None or current is None:
            continue
        number = current + (match.group(1) in {"next", "following"})
        found.append(_session_row(text, match, "session", number, owner))
    return found


def _events(text: str) -> list[TimeExpression]:
    found = []
    for match in _EVENT_DAYS.finditer(text):
        first, last, month, year = match.groups()
        try:
            start = date(int(year), MONTHS[month.lower()], int(first))
            end = start.replace(day=int(last)) if last else start
        except ValueError:
            continue
        found.append(_expr(text, match, "event_date", (start, end)))
    for match in _EVENT_RANGE.finditer(text):
        day, month, year, end_day, end_month, end_year = match.groups()
        try:
            end = date(int(end_year), MONTHS[end_month.lower()], int(end_day))
            start = date(int(year or end_year), MONTHS[(month or end_month).lower()], int(day))
        except ValueError:
            continue
        found.append(_expr(text, match, "event_date", (start, end)))
    return found


def _relative_spans(text: str, adopted_on: date | None) -> list[TimeExpression]:
    """Security Council forms counted from the adoption: within N days, for a period of N months."""
    found = []
    if not _SPAN_WORD.search(text):
        return found
    for match in _WITHIN.finditer(text):
        amount, unit, preposition, anchor = match.groups()
        from_adoption = preposition is None or (preposition != "before" and anchor.startswith(_FROM_ADOPTION))
        if not from_adoption:
            found.append(_expr(text, match, "due_date"))
            continue
        found.append(_expr(text, match, "due_date", _after(adopted_on, amount, unit)))
    for match in _COUNT_FROM.finditer(text):
        found.append(_expr(text, match, "due_date", _after(adopted_on, match.group(1), match.group(2))))
    for match in _FOR_PERIOD.finditer(text):
        found.append(_expr(text, match, "due_date", _after(adopted_on, match.group(1), match.group(2))))
    return found


def _written_periods(text: str, adopted_on: date | None) -> list[TimeExpression]:
    """A period whose end ("that is, until 31 December 2006") or start ("beginning on 1 January 2006") is
    written: the written end binds, else the count runs from the written start. Starts on the adoption
    unless a start is written, as every period counted from the adoption does."""
    found = []
    for match in _PERIOD_ENDING.finditer(text):
        end = _point(match.group("end"))
        if end:
            start = adopted_on if adopted_on and adopted_on <= end[1] else None
            found.append(_expr(text, match, "due_date", (start, end[1])))
    for match in _PERIOD_BEGINNING.finditer(text):
        amount, unit = match.group(1), match.group(2)
        begin = _point(match.group("begin"))
        until = match.group("until") and _point(match.group("until"))
        if begin:
            found.append(_expr(text, match, "due_date", (begin[0], until[1]) if until else _after(begin[0], amount, unit)))
    return found


def _after(anchor: date | None, amount: str, unit: str) -> tuple[date | None, date | None]:
    """(anchor, anchor + amount units); (None, None) without an anchor or a readable amount."""
    count = cardinal_to_int(amount)
    if anchor is None or count is None:
        return None, None
    unit = unit.rstrip("s")
    if unit.startswith("hour"):
        return anchor, anchor + timedelta(days=count // 24)
    if unit == "working day":
        return anchor, _add_working_days(anchor, count)
    if unit.endswith("day"):
        return anchor, anchor + timedelta(days=count)
    if unit == "week":
        return anchor, anchor + timedelta(weeks=count)
    months = count * (12 if unit == "year" else 1)
    return anchor, _add_months(anchor, months)


def _add_months(day: date, months: int) -> date:
    """Same day N months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _add_working_days(day: date, count: int) -> date:
    """Monday-Friday only, public holidays ignored; the start day itself is not counted."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _recurring(text: str) -> list[TimeExpression]:
    return [_expr(text, match, "recurring", recurrence=recurrence) for match, recurrence in find_recurrences(text)]


def _is_historical(text: str, expr: TimeExpression, adopted_on: date | None) -> bool:
    """A past date: an event 'adopted/signed/held on', anything that ended before the adoption, or a time
    under way at the adoption that a completed act looks back to ("the report submitted ... to the
    General Assembly at its seventy-eighth session", in a resolution adopted during it)."""
    if expr.kind == "event_date" and _HISTORICAL_BEFORE.search(text[max(0, expr.start - 40):expr.start]):
        return True  # "adopted on 26 June 2018"; a deadline after "adopted" ("adopted by 2027") stays
    if adopted_on and expr.date_start and expr.date_start <= adopted_on and expr.kind != "due_date":
        looked_back = _DONE_BEFORE.search(text[max(0, expr.start - 100):expr.start])
        if looked_back and looked_back.group(1) not in {"be", "being"}:
            return True  # "to be held at its seventy-eighth session" is to come
    return bool(adopted_on and expr.date_end and expr.date_end < adopted_on)
