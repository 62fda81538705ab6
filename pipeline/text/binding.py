"""The binding deadline of a mandate clause, among the time expressions ``dates.py`` found in it.

Text order is not binding order: "Requests ... biannual reports by 30 September 2015 and by 30 March
2015" (S/RES/2153 (2014) op8) is first due in March, and "for a period of six months ..., and to submit
proposals ... by September 1998" (S/RES/1170 (1998) op4) sets a mandate that runs to November. The rule:

1. a period the clause sets ("until 31 March 2025", "for a further period of six months, that is, until
   31 December 2006", "for a period of twelve months"): the mandate lasts until its end;
2. else a due date ("no later than", "by", "within 90 days", "before its eightieth session"): the first
   one due, as a report asked "by 1 August, by 15 November and by 15 January" is first due in August;
3. else the session the clause names ("to report at its eightieth session"), the first one;
4. else a dated event the clause sets ("to convene ... on 28 and 29 June 2018").

Recurrences are never the deadline (mandates.recurrence holds them); past dates are not expressions at
all (``dates._is_historical``). Within a rank a dated expression beats an undated one, then text order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

_PERIOD = re.compile(r"(?:for|until|till|through|up to)\b")
_RANK = {"due_date": 2, "session": 3, "event_date": 4}


def binding_rank(kind: str, surface: str) -> int | None:
    """1 for a period the clause sets, 2-4 for a due date, a session or an event; None for a recurrence."""
    if kind == "due_date" and _PERIOD.match(surface):
        return 1
    return _RANK.get(kind)


def binding_deadline(expressions: Sequence[Mapping]) -> Mapping | None:
    """The binding one of a clause's deadlines rows (``kind``, ``surface``, ``date_end``, ``char_start``)."""
    ranked = [(rank, row) for row in expressions if (rank := binding_rank(row["kind"], row["surface"]))]
    if not ranked:
        return None
    return min(ranked, key=lambda pair: (pair[0], pair[1]["date_end"] is None,
                                         pair[1]["date_end"] or date.min, pair[1]["char_start"]))[1]
