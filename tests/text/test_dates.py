"""Table-driven tests for deadlines, sessions, recurrences and dated events (pipeline.text.dates).

One row per sentence: (text, adopted_on, body, expected rows). Each expected row is
(surface, kind, date_start, date_end, session, recurrence). Sentences come from the seed
A/RES/72/284 (op numbers), the development corpus (/work/shared/corpus, file named) or are
made up to pin an edge case. Adding a case found in a real resolution is one line.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from pipeline.lexicons import ga_sessions, recurrences
from pipeline.text.dates import find_time_expressions, session_period

D = date.fromisoformat
SEED = D("2018-06-26")  # A/RES/72/284
S73 = (D("2018-09-18"), D("2019-09-16"))
S74 = (D("2019-09-17"), D("2020-09-14"))
S78 = (D("2023-09-05"), D("2024-09-09"))
S80 = (D("2025-09-09"), D("2026-09-07"))


def due(surface, start=None, end=None, session=None):
    return (surface, "due_date", start and D(start), end and D(end), session, None)


def event(surface, start, end):
    return (surface, "event_date", D(start), D(end), None, None)


def sess(surface, number, span=None):
    start, end = span or (None, None)
    return (surface, "session", start, end, number, None)


def every(surface, recurrence):
    return (surface, "recurring", None, None, None, recurrence)


CASES = [
    # --- seed A/RES/72/284 (gold deadlines.csv) ---
    (
        "op83",
        "Requests the Secretary-General to submit to the General Assembly at its seventy-third session, "
        "no later than May 2019, a report containing concrete recommendations",
        SEED,
        "General Assembly",
        [
            sess("at its seventy-third session", 73, S73),
            due("no later than May 2019", "2019-05-01", "2019-05-31"),
        ],
    ),
    (
        "op84",
        "Also requests the Secretary-General to submit to the General Assembly at its seventy-fourth "
        "session, "
        "no later than February 2020, a report on progress",
        SEED,
        "General Assembly",
        [
            sess("at its seventy-fourth session", 74, S74),
            due("no later than February 2020", "2020-02-01", "2020-02-29"),
        ],
    ),
    (
        "op85",
        "Decides to include in the provisional agenda of its seventy-fourth session the item entitled "
        "“The United Nations Global Counter-Terrorism Strategy” in order to undertake, by June 2020, an "
        "examination",
        SEED,
        "General Assembly",
        [sess("its seventy-fourth session", 74, S74), due("by June 2020", "2020-06-01", "2020-06-30")],
    ),
    (
        "op62",
        "requests the Secretary-General to report on an annual basis on progress in this regard, and "
        "decides to "
        "review it at the seventh biennial review of the Strategy, at the seventy-fourth session of the "
        "General Assembly;",
        SEED,
        "General Assembly",
        [
            every("on an annual basis", "annual"),
            sess("at the seventy-fourth session of the General Assembly", 74, S74),
        ],
    ),
    (
        "op72",
        "encourages the Office to provide quarterly briefings and to provide a periodic workplan",
        SEED,
        None,
        [every("quarterly", "quarterly"), every("periodic", "periodic")],
    ),
    (
        "op63",
        "and looks forward to the periodic briefings by the Office of Counter-Terrorism",
        SEED,
        None,
        [every("periodic", "periodic")],
    ),
    (
        "op58",
        "considered at the sixth biennial review of the Strategy, on 26 and 27 June 2018, all of which",
        SEED,
        None,
        [event("on 26 and 27 June 2018", "2018-06-26", "2018-06-27")],
    ),
    (
        "op82",
        "to convene a High-level Conference of Heads of Counter-Terrorism Agencies of Member States, "
        "on 28 and 29 June 2018;",
        SEED,
        None,
        [event("on 28 and 29 June 2018", "2018-06-28", "2018-06-29")],
    ),
    # --- seed negatives: historical dates, vague timing, resolution numbers ---
    (
        "op18",
        "in this regard recalls its resolution 70/254 of 12 February 2016, in which it welcomed the "
        "initiative",
        SEED,
        None,
        [],
    ),
    (
        "op36",
        "Recalls Security Council resolutions 2178 (2014) of 24 September 2014 and 2396 (2017) of "
        "21 December 2017",
        SEED,
        None,
        [],
    ),
    (
        "op7",
        "calls upon all States to make every effort to conclude a comprehensive convention",
        SEED,
        None,
        [],
    ),
    (
        "vague",
        "urges Member States to respond in a timely manner and expeditiously, immediately after an attack "
        "and in the long term, since its establishment",
        None,
        None,
        [],
    ),
    # --- GA corpus ---
    (
        "79/128 op4",
        "to be adopted by the end of 2027 at the latest, at the modalities to be determined by the General "
        "Assembly at its eightieth session",
        D("2024-12-04"),
        "GA",
        [
            due("by the end of 2027 at the latest", "2027-12-31", "2027-12-31"),
            sess("at its eightieth session", 80, S80),
        ],
    ),
    (
        "79/128 op5",
        "shall resume its session for up to five days by the end of April 2026 at the latest, in order to",
        D("2024-12-04"),
        "GA",
        [due("by the end of April 2026 at the latest", "2026-04-30", "2026-04-30")],
    ),
    (
        "79/128 op6",
        "Invites Governments to submit proposals no later than 31 December 2025;",
        D("2024-12-04"),
        "GA",
        [due("no later than 31 December 2025", "2025-12-31", "2025-12-31")],
    ),
    (
        "77/1",
        "to submit an oral update to the General Assembly in the second quarter of 2023 and a full report, "
        "within "
        "existing resources, at its seventy- eighth session under the item",
        D("2022-10-07"),
        "GA",
        [
            due("in the second quarter of 2023", "2023-04-01", "2023-06-30"),
            sess("at its seventy- eighth session", 78, S78),
        ],
    ),
    (
        "80/2",
        "shall be permitted to vote in the General Assembly until the end of its eightieth session.",
        D("2025-10-14"),
        "GA",
        [due("until the end of its eightieth session", "2025-10-14", "2026-09-07", 80)],
    ),
    (
        "made",
        "requests the Secretary-General to submit the report before the end of its eightieth session",
        None,
        "GA",
        [due("before the end of its eightieth session", "2026-09-07", "2026-09-07", 80)],
    ),
    (
        "75/210",
        "Requests the Secretary-General to report to the General Assembly at its seventy-eighth session, "
        "under "
        "the item entitled",
        D("2020-12-21"),
        "GA",
        [sess("at its seventy-eighth session", 78, S78)],
    ),
    (
        "78/200",
        "Decides to continue its consideration of the question at its eightieth session under the item",
        D("2023-12-19"),
        "GA",
        [sess("at its eightieth session", 80, S80)],
    ),
    (
        "75/309",
        "to convene an informal high-level meeting, on 18 June 2022, to commemorate the Day, to be observed "
        "annually;",
        D("2021-07-21"),
        "GA",
        [event("on 18 June 2022", "2022-06-18", "2022-06-18"), every("annually", "annual")],
    ),
    (
        "72/297",
        "Decides to appropriate 1,149,585,300 dollars for the maintenance of the Mission for the period from "
        "1 July 2018 to 30 June 2019",
        D("2018-07-05"),
        "GA",
        [event("from 1 July 2018 to 30 June 2019", "2018-07-01", "2019-06-30")],
    ),
    (
        "72/297 rate",
        "for the period from 1 July to 31 December 2018, at a monthly rate of 95,798,775 dollars",
        D("2018-07-05"),
        "GA",
        [event("from 1 July to 31 December 2018", "2018-07-01", "2018-12-31")],
    ),
    (
        "72/297 past",
        "Takes note of the budget performance report for the period from 1 July 2016 to 30 June 2017",
        D("2018-07-05"),
        "GA",
        [],
    ),
    (
        "76/262",
        "shall convene a formal meeting of the General Assembly within 10 working days of the casting of a "
        "veto",
        D("2022-04-26"),
        "GA",
        [due("within 10 working days of the casting of a veto")],
    ),
    (
        "79/85",
        "and to strive to publish them within 12 months of their approval;",
        D("2024-12-04"),
        "GA",
        [due("within 12 months of their approval")],
    ),
    (
        "79/85 annual",
        "the need for the Scientific Committee to hold regular sessions on an annual basis so that",
        D("2024-12-04"),
        "GA",
        [every("on an annual basis", "annual")],
    ),
    (
        "78/266",
        "the proclamation every five years of the International Year",
        None,
        "GA",
        [every("every five years", "every 5 years")],
    ),
    (
        "79/85 other body",
        "takes note of the report on its seventy-first session, and of the reports adopted during its "
        "seventy-first session",
        D("2024-12-04"),
        "GA",
        [],
    ),
    (
        "80/3 COP",
        "We welcome the convening of the twenty-ninth session of the Conference of the Parties",
        None,
        "GA",
        [],
    ),
    (
        "74/208 money",
        "the environmental damage amounted to 856.4 million United States dollars in 2014",
        None,
        "GA",
        [],
    ),
    # --- Security Council corpus: relative to the adoption date ---
    (
        "S/RES/425",
        "Requests the Secretary-General to report to the Council within twenty-four hours on the "
        "implementation of the present resolution.",
        D("1978-03-19"),
        "Security Council",
        [due("within twenty-four hours", "1978-03-19", "1978-03-20")],
    ),
    (
        "S/RES/338",
        "to terminate all military activity immediately, no later than 12 hours after the moment of the "
        "adoption of this decision",
        D("1973-10-22"),
        "Security Council",
        [due("no later than 12 hours after the moment of the adoption", "1973-10-22", "1973-10-22")],
    ),
    (
        "S/RES/970",
        "shall be suspended for a further period of 100 days from the adoption of the present resolution;",
        D("1995-01-12"),
        "SC",
        [due("100 days from the adoption", "1995-01-12", "1995-04-22")],
    ),
    (
        "S/RES/970 b",
        "Requests that every thirty days the Secretary-General submit to the Security Council a report",
        D("1995-01-12"),
        "SC",
        [every("every thirty days", "every 30 days")],
    ),
    (
        "S/RES/186",
        "Recommends that the stationing of the Force shall be for a period of three months",
        D("1964-03-04"),
        "SC",
        [due("for a period of three months", "1964-03-04", "1964-06-04")],
    ),
    (
        "S/RES/186 b",
        "The mediator shall report periodically to the Secretary-General on his efforts",
        D("1964-03-04"),
        "SC",
        [every("periodically", "periodic")],
    ),
    (
        "S/RES/232",
        "to the Secretary-General not later than 1 March 1967 on measures taken",
        D("1966-12-16"),
        "SC",
        [due("not later than 1 March 1967", "1967-03-01", "1967-03-01")],
    ),
    (
        "S/RES/1094",
        "no later than two weeks before the operation is to begin",
        D("1997-01-20"),
        "SC",
        [due("no later than two weeks before the operation")],
    ),
    (
        "S/RES/660",
        "to withdraw to the positions in which they were located on 1 August 1990",
        D("1990-08-02"),
        "SC",
        [],
    ),
    (
        "made SC",
        "Decides to extend the mandate until 31 March 2019 and requests a report within 90 days",
        D("2018-09-28"),
        "SC",
        [
            due("until 31 March 2019", "2018-09-28", "2019-03-31"),
            due("within 90 days", "2018-09-28", "2018-12-27"),
        ],
    ),
    (
        "made SC 12",
        "Decides to renew the authorization for a period of 12 months",
        D("2020-01-31"),
        "SC",
        [due("for a period of 12 months", "2020-01-31", "2021-01-31")],
    ),
    ("made SC nodate", "requests a report within 90 days", None, "SC", [due("within 90 days")]),
    (
        "made wd",
        "within 5 working days of the adoption of this resolution",
        D("2022-04-29"),
        "SC",
        [due("within 5 working days of the adoption", "2022-04-29", "2022-05-06")],
    ),
    (
        "made SC sixmonths",
        "and to brief the Council every six months and each year",
        D("2020-01-31"),
        "SC",
        [every("every six months", "every 6 months"), every("each year", "annual")],
    ),
    # --- hand-made edge cases ---
    (
        "made debate",
        "during the general debate of its eightieth session and prior to the seventy-ninth session of the "
        "General Assembly",
        D("2024-06-01"),
        "GA",
        [
            sess("its eightieth session", 80, S80),
            due("prior to the seventy-ninth session of the General Assembly", "2024-09-09", "2024-09-09", 79),
        ],
    ),
    (
        "made SC extend",
        "Decides to extend the mandate through 31 December 2024, requests a report by 1 December 2024 and "
        "every 120 days thereafter, and a briefing within 48 hours",
        D("2024-06-01"),
        "SC",
        [
            due("through 31 December 2024", "2024-06-01", "2024-12-31"),
            due("by 1 December 2024", "2024-12-01", "2024-12-01"),
            every("every 120 days", "every 120 days"),
            due("within 48 hours", "2024-06-01", "2024-06-03"),
        ],
    ),
    (
        "made SC date of adoption",
        "for a period of six months from the date of adoption of this resolution",
        D("2024-06-01"),
        "SC",
        [due("six months from the date of adoption", "2024-06-01", "2024-12-01")],
    ),
    (
        "made HRC Council",
        "to submit a summary report to the Council at its fifty-ninth session",
        None,
        "HRC",
        [sess("at its fifty-ninth session", 59)],
    ),
    (
        "made twice",
        "shall report twice a year, on a monthly basis and once a year",
        None,
        "SC",
        [
            every("twice a year", "every 6 months"),
            every("on a monthly basis", "monthly"),
            every("once a year", "annual"),
        ],
    ),
    (
        "76/80 annual",
        "and to submit to the Secretary-General annual reports on the current situation, and the third "
        "annual report",
        None,
        "GA",
        [every("annual", "annual")],
    ),
    ("made by 2030", "to achieve the Sustainable Development Goals by 2030", None, "GA", []),
    (
        "made adopted",
        "Recalling resolution 72/284 adopted on 26 June 2018 and its resolution 60/288 of 8 September 2006",
        None,
        "GA",
        [],
    ),
    (
        "made session past",
        "the debates at the sixty-second session of the General Assembly",
        D("2024-12-19"),
        "GA",
        [],
    ),
    (
        "made leap",
        "no later than February 2024 and by the end of the first half of 2025",
        None,
        "GA",
        [
            due("no later than February 2024", "2024-02-01", "2024-02-29"),
            due("by the end of the first half of 2025", "2025-06-30", "2025-06-30"),
        ],
    ),
    (
        "made HRC",
        "requests the High Commissioner to present a report to the Human Rights Council at its fifty-fourth "
        "session, and to the General Assembly at its seventy-eighth session",
        D("2023-04-04"),
        "Human Rights Council",
        [sess("at its fifty-fourth session", 54), sess("at its seventy-eighth session", 78, S78)],
    ),
    (
        "made other body",
        "invites the Commission on the Status of Women to consider the matter at its sixty-eighth session",
        None,
        "GA",
        [],
    ),
    (
        "made next",
        "Decides to consider the question at its next session",
        D("2018-12-20"),
        "GA",
        [sess("at its next session", 74, S74)],
    ),
    (
        "made biennial",
        "in the biennial Global Report on Trafficking in Persons and the triennial review",
        None,
        "GA",
        [every("biennial", "biennial"), every("triennial", "every 3 years")],
    ),
    (
        "made UPR",
        "in the context of the universal periodic review, at a monthly rate of 5 dollars",
        None,
        "HRC",
        [],
    ),
    ("made age", "children under 18 years of age and persons aged 60 years", None, "GA", []),
    # --- observances proclaimed on a day of the year recur annually ---
    ("A/RES/72/130 op1", "Declares 16 May the International Day of Living Together in Peace;", D("2017-12-08"), "GA",
     [every("16 May", "annual")]),
    ("made proclaim", "Decides to proclaim 21 June as the International Day of Yoga;", None, "GA",
     [every("21 June", "annual")]),
    ("made dated", "Recalling that on 21 June 2015 the first International Day of Yoga was observed", D("2016-12-01"), "GA", []),
    # --- recurrences from pipeline/lexicons/recurrences.csv ---
    ("made triennial", "to convene the conference triennially and to report on a triennial basis", None, "GA",
     [every("triennially", "every 3 years"), every("on a triennial basis", "every 3 years")]),
    ("made every three years", "to review the mandate every three years and every 3 years", None, "GA",
     [every("every three years", "every 3 years"), every("every 3 years", "every 3 years")]),
    ("made biennial basis", "Decides to consider the item on a biennial basis", None, "GA",
     [every("on a biennial basis", "biennial")]),
    ("made every two years", "to hold the meeting every two years and to report every 2 years", None, "GA",
     [every("every two years", "biennial"), every("every 2 years", "biennial")]),
    ("made twelve months", "to report every twelve months, every 12 months and on a quadrennial basis", None, "SC",
     [every("every twelve months", "annual"), every("every 12 months", "annual"),
      every("on a quadrennial basis", "every 4 years")]),
    ("made semi-annual", "to brief the Council on a semi-annual basis", None, "SC",
     [every("on a semi-annual basis", "every 6 months")]),
    ("made article typo", "to report on a annual basis", None, "GA", [every("on a annual basis", "annual")]),
    ("made each session", "to keep the question under review at each session and at each of its sessions", None,
     "HRC", [every("at each session", "every session"), every("at each of its sessions", "every session")]),
    # the first session of the series ("seventy-fifth") is not read yet
    ("made subsequent session", "to report to it at its seventy-fifth and every subsequent session", None, "GA",
     [every("every subsequent session", "every session")]),
    ("made amount plural", "monthly incomes and annual budgets; the universal periodic review", None, "GA", []),
    # --- a period with its end or start written: one expression, the written date binds ---
    ("unxml-sc-2000-2026.zip/…/2007/S_RES_1759_N0738915.xml op3",
     "Decides to renew the mandate of the United Nations Disengagement Observer Force for a period of six months, "
     "that is, until 31 December 2007;", D("2007-06-20"), "SC",
     [due("for a period of six months, that is, until 31 December 2007", "2007-06-20", "2007-12-31")]),
    ("sc-pdftext-1994-2014.zip/sc-pdftext/1995-N9518913.txt op1",
     "Decides to extend the mandate of UNFICYP for a further period ending on 31 December 1995;", D("1995-06-23"), "SC",
     [due("for a further period ending on 31 December 1995", "1995-06-23", "1995-12-31")]),
    ("unxml-sc-2000-2026.zip/…/2002/S_RES_1404_N0234045.xml op3",
     "Decides to extend the mandate of the monitoring mechanism for a further period of six months, ending on "
     "19 October 2002;", D("2002-04-18"), "SC",
     [due("for a further period of six months, ending on 19 October 2002", "2002-04-18", "2002-10-19")]),
    ("unxml-sc-2000-2026.zip/…/2003/S_RES_1462_N0323134.xml op20",
     "Decides to extend the mandate of UNOMIG for a new period terminating on 31 July 2003, and to further review",
     D("2003-01-30"), "SC", [due("for a new period terminating on 31 July 2003", "2003-01-30", "2003-07-31")]),
    ("unxml-sc-2000-2026.zip/…/2004/S_RES_1556_N0444602.xml op15",
     "Extends the special political mission set out in resolution 1547 for an additional 90 days to 10 December 2004",
     D("2004-07-30"), "SC", [due("for an additional 90 days to 10 December 2004", "2004-07-30", "2004-12-10")]),
    ("unxml-sc-2000-2026.zip/…/2005/S_RES_1620_N0547715.xml op1",
     "to establish the United Nations Integrated Office in Sierra Leone (UNIOSIL), for an initial period of 12 months "
     "beginning on 1 January 2006, with the following key tasks:", D("2005-08-31"), "SC",
     [due("for an initial period of 12 months beginning on 1 January 2006", "2006-01-01", "2007-01-01")]),
    ("unxml-sc-2000-2026.zip/…/2015/S_RES_2203_1502254E.xml op1",
     "Decides to extend the mandate of UNIOGBIS for a period of 12 months beginning on 1 March 2015 until 29 February "
     "2016;",
     D("2015-02-18"), "SC", [due("for a period of 12 months beginning on 1 March 2015 until 29 February 2016",
                                 "2015-03-01", "2016-02-29")]),
    # --- a time under way at the adoption that a completed act looks back to is not a deadline ---
    ("unxml-hrc-sessions-54-60.zip/…/55session/English/A_HRC_RES_55_15E.xml op1",
     "Takes note of the report of the Special Rapporteur on minority issues and the report submitted by the previous "
     "mandate holder to the General Assembly at its seventy-eighth session;", D("2024-04-04"), "HRC", []),
    ("data/raw/A_RES_73_209.txt op1",
     "Takes note of the views and comments expressed in the debates of the Sixth Committee at the seventy-third "
     "session of the General Assembly on this topic", D("2018-12-20"), "GA", []),
    ("made to be held", "decides that the panel discussion to be held at the seventy-eighth session of the General "
     "Assembly", D("2024-04-04"), "HRC", [sess("at the seventy-eighth session of the General Assembly", 78, S78)]),
    # --- due on a day counted from an event of unknown date ---
    ("S/RES/970 op6", "Decides that the measures shall be suspended on the fifth working day following the report of the "
     "Secretary-General, unless", D("1995-01-12"), "SC",
     [due("on the fifth working day following the report of the Secretary-General")]),
]


@pytest.mark.parametrize(
    ("source", "text", "adopted_on", "body", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_find_time_expressions(source, text, adopted_on, body, expected):
    found = find_time_expressions(text, adopted_on=adopted_on, body=body)
    assert [(e.surface, e.kind, e.date_start, e.date_end, e.session, e.recurrence) for e in found] == expected
    for expr in found:
        assert text[expr.start : expr.end] == expr.surface


# (source, text, body, own session, expected): a session without a calendar before the resolution's own is past.
OWN_SESSION_CASES = [
    ("unxml-hrc-sessions-54-60.zip/…/58session/English/A_HRC_RES_58_3E.xml op24",
     "on unilateral coercive measures and the rule of law, submitted to the Human Rights Council at its forty-second "
     "session, and also recalls the reports", "HRC", 58, []),
    ("unxml-ga-sessions-74-80.zip/…/78session/English/A_RES_78_190-2326049E.xml op69 (the Council's session)",
     "Requests the Special Rapporteur to prepare, for submission to the General Assembly at its seventy-ninth session "
     "and to the Human Rights Council at its fifty-sixth session, reports", "GA", 78,
     [sess("at its seventy-ninth session", 79, (D("2024-09-10"), D("2025-09-08"))), sess("at its fifty-sixth session", 56)]),
    ("unxml-ga-sessions-74-80.zip/…/78session/English/A_RES_78_69-2324917E.xml op218", "on marine plastic litter and microplastics, adopted by the United "
     "Nations Environment Assembly of the United Nations Environment Programme at its fourth session", "GA", 78, []),
    ("unxml-hrc-sessions-54-60.zip/…/58session/English/A_HRC_RES_58_17E.xml op18",
     "in the report to be submitted to the Human Rights Council at its sixty-fourth session;", "HRC", 58,
     [sess("at its sixty-fourth session", 64)]),
]


@pytest.mark.parametrize(("source", "text", "body", "session", "expected"), OWN_SESSION_CASES,
                         ids=[c[0] for c in OWN_SESSION_CASES])
def test_earlier_sessions_are_past(source, text, body, session, expected):
    found = find_time_expressions(text, adopted_on=D("2025-04-02"), body=body, session=session)
    assert [(e.surface, e.kind, e.date_start, e.date_end, e.session, e.recurrence) for e in found] == expected


def test_results_are_sorted_and_disjoint():
    text = (
        "at its seventy-third session, no later than May 2019, every six months, within 90 days, "
        "on 28 and 29 June 2018"
    )
    found = find_time_expressions(text, adopted_on=SEED)
    assert [e.start for e in found] == sorted(e.start for e in found)
    assert all(a.end <= b.start for a, b in pairwise(found))


RECURRENCE_ROWS = [row for row in recurrences() if row.recurrence]


@pytest.mark.parametrize("row", RECURRENCE_ROWS, ids=[row.phrase for row in RECURRENCE_ROWS])
def test_every_recurrence_row_is_read(row):
    """Each lexicon phrase, in a sentence, is one recurring expression with the row's recurrence."""
    phrase = row.phrase
    text = f"{phrase} reports to the Assembly" if row.form == "series_adjective" else f"to report {phrase} to it"
    assert [(e.surface, e.recurrence) for e in find_time_expressions(text)] == [(phrase, row.recurrence)]


def test_recurrence_rows_are_documented_and_well_formed():
    forms = {"word", "series_word", "series_adjective", "phrase", "not_recurring", "follower", "amount"}
    rows = recurrences()
    assert all(row.form in forms and row.comment for row in rows)
    assert len({row.phrase for row in rows}) == len(rows)


@pytest.mark.parametrize(("session", "span"), [(73, S73), (74, S74), (78, S78), (80, S80), (12, None)])
def test_session_period(session, span):
    assert session_period(session) == span


def test_session_calendar_is_contiguous():
    """Each session closes the day before the next opens, and every row says how it was derived."""
    rows = ga_sessions()
    for row, following in pairwise(rows):
        assert following.session == row.session + 1
        assert (following.opened_on - row.closed_on).days == 1
        assert row.opened_on.weekday() == 1  # a Tuesday
    assert all(row.comment for row in rows)
