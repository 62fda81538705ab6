"""Table-driven tests for the binding deadline of a mandate clause (pipeline.text.binding).

One row per clause from a real text (archive/member named): the time expressions pipeline.text.dates
finds in it, and the surface of the one that binds (None: no deadline).
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.text.binding import binding_deadline
from pipeline.text.dates import find_time_expressions

D = date.fromisoformat

CASES = [
    # several due dates: the first one due, not the first written
    ("unxml-sc-2000-2026.zip/…/2014/S_RES_2153_1431493E.xml op8",
     "Decides that the Ivoirian authorities shall submit biannual reports to the Committee by 30 September 2015 and "
     "by 30 March 2015 on progress achieved", D("2014-04-29"), "by 30 March 2015"),
    ("unxml-sc-2000-2026.zip/…/2003/S_RES_1482_N0336398.xml op3",
     "Requests the President of the Tribunal to provide it, by 1 August 2003, by 15 November 2003 and by 15 January "
     "2004, with reports on the progress of the cases", D("2003-05-19"), "by 1 August 2003"),
    # a period the clause sets binds over a report asked inside it
    ("sc-pdftext-1994-2014.zip/sc-pdftext/1998-N9814753.txt op4",
     "Decides to establish an ad hoc Working Group, comprised of all members of the Council, for a period of six "
     "months, to review all recommendations in the report and to submit specific proposals for concrete action for "
     "consideration by the Council by September 1998;", D("1998-05-28"), "for a period of six months"),
    ("unxml-sc-2000-2026.zip/…/2003/S_RES_1462_N0323134.xml op20",
     "Decides to extend the mandate of UNOMIG for a new period terminating on 31 July 2003, and to further review "
     "that mandate unless a decision on the presence of the CIS peacekeeping force is taken by 15 February 2003;",
     D("2003-01-30"), "for a new period terminating on 31 July 2003"),
    # a due date binds over the session it is reported to, and over a recurrence
    ("A/RES/72/284 op83 (tests/gold/a_res_72_284)",
     "Requests the Secretary-General to submit to the General Assembly at its seventy-third session, no later than "
     "May 2019, a report containing concrete recommendations", D("2018-06-26"), "no later than May 2019"),
    ("A/RES/72/284 op62 (tests/gold/a_res_72_284)",
     "requests the Secretary-General to report on an annual basis on progress in this regard",
     D("2018-06-26"), None),
]


@pytest.mark.parametrize(("source", "text", "adopted_on", "expected"), CASES, ids=[c[0] for c in CASES])
def test_binding_deadline(source, text, adopted_on, expected):
    body = "GA" if source.startswith("A/") else "SC"
    rows = [{"kind": e.kind, "surface": e.surface, "date_end": e.date_end, "char_start": e.start}
            for e in find_time_expressions(text, adopted_on=adopted_on, body=body)]
    chosen = binding_deadline(rows)
    assert (chosen["surface"] if chosen else None) == expected
