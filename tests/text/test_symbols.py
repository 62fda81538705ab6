"""Table-driven tests for cited instruments: one row per text and the references expected in it.

Rows come from the seed A/RES/72/284 (paragraphs and footnotes), the real texts in
shared/corpus/ (file named in the comment) and hand-made edge cases.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.lexicons import instruments
from pipeline.text.symbols import InstrumentRef, canonical_symbol, find_instrument_refs

GA, SC, HRC, ECOSOC = (
    "General Assembly",
    "Security Council",
    "Human Rights Council",
    "Economic and Social Council",
)

# (text, citing body, [(surface, instrument_id, kind, pinpoint), ...])
CASES: list[tuple[str, str | None, list[tuple[str, str, str, str | None]]]] = [
    # --- seed A/RES/72/284 paragraphs
    (
        "Reaffirming the United Nations Global Counter-Terrorism Strategy, contained in its resolution "
        "60/288 "
        "of 8 September 2006, and recalling its resolution 68/276 of 13 June 2014, which called for, inter "
        "alia, "
        "an examination of the report of the Secretary-General on the progress made in the implementation "
        "of the Strategy",
        GA,
        [
            ("United Nations Global Counter-Terrorism Strategy", "A/RES/60/288", "ga_resolution", None),
            ("resolution 60/288", "A/RES/60/288", "ga_resolution", None),
            ("resolution 68/276", "A/RES/68/276", "ga_resolution", None),
        ],
    ),
    (
        "Recalls Security Council resolutions 2178 (2014) of 24 September 2014 and 2396 (2017) of 21 "
        "December 2017, "
        "and reaffirms the need to strengthen efforts;",
        GA,
        [
            ("2178 (2014)", "S/RES/2178(2014)", "sc_resolution", None),
            ("2396 (2017)", "S/RES/2396(2017)", "sc_resolution", None),
        ],
    ),
    (
        "the implementation of Security Council resolutions 1373 (2001) of 28 September 2001, 1624 (2005) of "
        "14 September 2005 and 2178 (2014), in accordance with its mandate and Council resolution 2395 "
        "(2017) of "
        "21 December 2017, and in sharing information",
        GA,
        [
            ("1373 (2001)", "S/RES/1373(2001)", "sc_resolution", None),
            ("1624 (2005)", "S/RES/1624(2005)", "sc_resolution", None),
            ("2178 (2014)", "S/RES/2178(2014)", "sc_resolution", None),
            ("Council resolution 2395 (2017)", "S/RES/2395(2017)", "sc_resolution", None),
        ],
    ),
    (
        "as set out in article 12 of the Universal Declaration of Human Rights and article 17 of the "
        "International Covenant on Civil and Political Rights, including in the context of digital "
        "communication",
        GA,
        [
            (
                "article 12 of the Universal Declaration of Human Rights",
                "A/RES/217(III)",
                "ga_resolution",
                "article 12",
            ),
            (
                "article 17 of the International Covenant on Civil and Political Rights",
                "UNTS/999/14668",
                "treaty",
                "article 17",
            ),
        ],
    ),
    (
        "must fully comply with their obligations under international law, including the Charter, in "
        "particular "
        "the purposes and principles thereof",
        GA,
        [("Charter", "charter-of-the-united-nations", "charter", None)],
    ),
    (
        "Recognizing that achieving the 2030 Agenda for Sustainable Development, which comprises universal "
        "goals, "
        "can contribute to the implementation of the Strategy, such as the African Union Agenda 2063,",
        GA,
        [
            ("2030 Agenda for Sustainable Development", "A/RES/70/1", "ga_resolution", None),
            ("African Union Agenda 2063", "african-union-agenda-2063", "named_instrument", None),
        ],
    ),
    (
        "recalls its resolution 70/254 of 12 February 2016, in which it welcomed the initiative by the "
        "Secretary-General and took note of his Plan of Action to Prevent Violent Extremism, recommends that "
        "Member States consider the implementation of relevant recommendations of the Plan of Action",
        GA,
        [
            ("resolution 70/254", "A/RES/70/254", "ga_resolution", None),
            ("Plan of Action to Prevent Violent Extremism", "A/70/674", "named_instrument", None),
        ],
    ),
    (
        "Takes note of the United Nations Global Counter-Terrorism Coordination Compact, a framework "
        "between the "
        "Secretary-General and the Counter-Terrorism Implementation Task Force (Global Counter-Terrorism "
        "Coordination Compact entities) heads, in the implementation of the Strategy",
        GA,
        [
            (
                "United Nations Global Counter-Terrorism Coordination Compact",
                "united-nations-global-counter-terrorism-coordination-compact",
                "named_instrument",
                None,
            )
        ],
    ),
    (
        "in particular obligations under the Convention on the Rights of the Child, and, bearing in mind",
        GA,
        [("Convention on the Rights of the Child", "UNTS/1577/27531", "treaty", None)],
    ),
    (
        "Recalling its resolution 71/291 of 15 June 2017, and taking note of the report of the "
        "Secretary-General "
        "on the implementation of resolution 71/291,",
        GA,
        [
            ("resolution 71/291", "A/RES/71/291", "ga_resolution", None),
            ("resolution 71/291", "A/RES/71/291", "ga_resolution", None),
        ],
    ),
    (
        "in the implementation of the Strategy, and to consider updating the Strategy, as requested in "
        "paragraph 84 above and in the present resolution, with 1,149,585,300 dollars by 26 June 2018",
        GA,
        [],
    ),
    # --- seed footnotes
    ("A/71/858.", GA, [("A/71/858", "A/71/858", "report", None)]),
    (
        "Resolutions 53/243 A and B.",
        GA,
        [("Resolutions 53/243 A and B", "A/RES/53/243", "ga_resolution", None)],
    ),
    ("A/HRC/37/52.", GA, [("A/HRC/37/52", "A/HRC/37/52", "report", None)]),
    ("See A/70/674.", GA, [("A/70/674", "A/70/674", "named_instrument", None)]),
    ("Resolution 217 A (III).", GA, [("Resolution 217 A (III)", "A/RES/217(III)", "ga_resolution", None)]),
    (
        "See resolution 2200 A (XXI), annex.",
        GA,
        [("resolution 2200 A (XXI), annex", "A/RES/2200(XXI)", "ga_resolution", "annex")],
    ),
    ("S/2017/375, annex.", GA, [("S/2017/375, annex", "S/2017/375", "document", "annex")]),
    (
        "United Nations, Treaty Series, vol. 1577, No. 27531.",
        GA,
        [("United Nations, Treaty Series, vol. 1577, No. 27531", "UNTS/1577/27531", "treaty", None)],
    ),
    # --- corpus
    (  # A_RES_72_130
        "resolution 52/15 of 20 November 1997 proclaiming the year 2000 the International Year for the "
        "Culture of "
        "Peace, resolution 53/25 of 10 November 1998 proclaiming the period 2001–2010",
        GA,
        [
            ("resolution 52/15", "A/RES/52/15", "ga_resolution", None),
            ("resolution 53/25", "A/RES/53/25", "ga_resolution", None),
        ],
    ),
    (  # A_RES_72_130
        "Reaffirming its resolutions 53/199 of 15 December 1998 and 61/185 of 20 December 2006 on the "
        "proclamation of international years and Economic and Social Council resolution 1980/67 of 25 July "
        "1980",
        GA,
        [
            ("53/199", "A/RES/53/199", "ga_resolution", None),
            ("61/185", "A/RES/61/185", "ga_resolution", None),
            ("Economic and Social Council resolution 1980/67", "E/RES/1980/67", "ecosoc_resolution", None),
        ],
    ),
    (  # A_RES_72_130
        "and General Assembly resolution 70/1 of 25 September 2015, entitled “Transforming our world: the "
        "2030 "
        "Agenda for Sustainable Development”,",
        GA,
        [
            ("General Assembly resolution 70/1", "A/RES/70/1", "ga_resolution", None),
            (
                "Transforming our world: the 2030 Agenda for Sustainable Development",
                "A/RES/70/1",
                "ga_resolution",
                None,
            ),
        ],
    ),
    (  # A_RES_72_297
        "as stated in its resolutions 1874 (S-IV) of 27 June 1963, 3101 (XXVIII) of 11 December 1973 and "
        "55/235 "
        "of 23 December 2000",
        GA,
        [
            ("1874 (S-IV)", "A/RES/1874(S-IV)", "ga_resolution", None),
            ("3101 (XXVIII)", "A/RES/3101(XXVIII)", "ga_resolution", None),
            ("55/235", "A/RES/55/235", "ga_resolution", None),
        ],
    ),
    (  # A_RES_72_297
        "the latest of which was resolution 2364 (2017) of 29 June 2017, by which the Council extended the "
        "mandate",
        GA,
        [("resolution 2364 (2017)", "S/RES/2364(2017)", "sc_resolution", None)],
    ),
    (  # A_RES_72_297
        "bearing in mind paragraphs 5 and 6 of Security Council resolution 1502 (2003) of 26 August 2003;",
        GA,
        [
            (
                "paragraphs 5 and 6 of Security Council resolution 1502 (2003)",
                "S/RES/1502(2003)",
                "sc_resolution",
                "paragraphs 5 and 6",
            )
        ],
    ),
    (  # A_RES_72_297
        "in accordance with the provisions of its resolution 973 (X), there shall be set off",
        GA,
        [("resolution 973 (X)", "A/RES/973(X)", "ga_resolution", None)],
    ),
    (
        "A/72/663 and A/72/746.",
        GA,
        [
            ("A/72/663", "A/72/663", "report", None),
            ("A/72/746", "A/72/746", "report", None),
        ],
    ),
    ("A/72/789/Add.14.", GA, [("A/72/789/Add.14", "A/72/789/Add.14", "report", None)]),
    (  # A_RES_74_208
        "Recalling that, in paragraph 5 of its resolution 73/224, it reiterated its request",
        GA,
        [("resolution 73/224", "A/RES/73/224", "ga_resolution", "paragraph 5")],
    ),
    (  # A_RES_75_210
        "Recalling its resolutions 52/169 M of 16 December 1997, 53/1 H of 16 November 1998, 55/44 of "
        "27 November 2000 and 72/213 of 20 December 2017",
        GA,
        [
            ("52/169 M", "A/RES/52/169", "ga_resolution", None),
            ("53/1 H", "A/RES/53/1", "ga_resolution", None),
            ("55/44", "A/RES/55/44", "ga_resolution", None),
            ("72/213", "A/RES/72/213", "ga_resolution", None),
        ],
    ),
    ("A/75/397, para. 15.", GA, [("A/75/397, para. 15", "A/75/397", "report", "para. 15")]),
    ("Resolution S-10/2.", GA, [("Resolution S-10/2", "A/RES/S-10/2", "ga_resolution", None)]),
    ("See CD/1839.", GA, [("CD/1839", "CD/1839", "document", None)]),
    (  # A_RES_76_262
        "acting in accordance with Article 24 (1) of the Charter, and Bearing in mind its decision 62/557 of "
        "15 September 2008",
        GA,
        [
            ("Article 24 (1) of the Charter", "charter-of-the-united-nations", "charter", "Article 24 (1)"),
            ("decision 62/557", "A/DEC/62/557", "document", None),
        ],
    ),
    (  # A_RES_79_128
        "Article 13, paragraph 1 (a), of the Charter,",
        GA,
        [
            (
                "Article 13, paragraph 1 (a), of the Charter",
                "charter-of-the-united-nations",
                "charter",
                "Article 13, paragraph 1 (a)",
            )
        ],
    ),
    (  # A_RES_76_300
        "Recalling also Human Rights Council resolution 48/13 of 8 October 2021, entitled “The human right "
        "to a "
        "clean, healthy and sustainable environment”,",
        GA,
        [("Human Rights Council resolution 48/13", "A/HRC/RES/48/13", "hrc_resolution", None)],
    ),
    (  # A_RES_76_300 (markers removed)
        "Recalling further all Human Rights Council resolutions on human rights and the environment, "
        "including "
        "resolutions 44/7 of 16 July 2020, 45/17 of 6 October 2020 and 46/7 of 23 March 2021, and relevant "
        "resolutions of the General Assembly,",
        GA,
        [
            ("44/7", "A/HRC/RES/44/7", "hrc_resolution", None),
            ("45/17", "A/HRC/RES/45/17", "hrc_resolution", None),
            ("46/7", "A/HRC/RES/46/7", "hrc_resolution", None),
        ],
    ),
    (  # A_RES_76_80
        "recalling in this regard its resolution ES-10/15 of 20 July 2004, and the Fact-Finding Mission "
        "established pursuant to Human Rights Council resolution S-28/1,",
        GA,
        [
            ("resolution ES-10/15", "A/RES/ES-10/15", "ga_resolution", None),
            ("Human Rights Council resolution S-28/1", "A/HRC/RES/S-28/1", "hrc_resolution", None),
        ],
    ),
    (
        "A/69/711-S/2015/1, annex.",
        GA,
        [("A/69/711-S/2015/1, annex", "A/69/711-S/2015/1", "document", "annex")],
    ),
    (
        "See A/C.6/78/SR.36 and A/C.6/79/SR.37.",
        GA,
        [
            ("A/C.6/78/SR.36", "A/C.6/78/SR.36", "document", None),
            ("A/C.6/79/SR.37", "A/C.6/79/SR.37", "document", None),
        ],
    ),
    (  # A_RES_77_1
        "See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
        GA,
        [("FCCC/CP/2015/10/Add.1", "FCCC/CP/2015/10/Add.1", "document", None)],
    ),
    (  # A_RES_80_3: "decision 15/4" of the CBD is not an Assembly decision
        "United Nations Environment Programme, document CBD/COP/15/17, decision 15/4, annex.",
        GA,
        [("CBD/COP/15/17", "CBD/COP/15/17", "document", None)],
    ),
    (  # A_RES_79_128
        "Resolution 69/283, annexes I and II.",
        GA,
        [("Resolution 69/283, annexes I and II", "A/RES/69/283", "ga_resolution", "annexes I and II")],
    ),
    (  # A_RES_72_1
        "Ibid., vol. 2237, No. 39574.",
        GA,
        [("Ibid., vol. 2237, No. 39574", "UNTS/2237/39574", "treaty", None)],
    ),
    (  # A_RES_80_3
        "and the Sendai Framework for Disaster Risk Reduction 2015–2030, the Paris Agreement and the New "
        "Urban Agenda",
        GA,
        [
            (
                "Sendai Framework for Disaster Risk Reduction 2015–2030",
                "A/RES/69/283",
                "ga_resolution",
                None,
            ),
            ("Paris Agreement", "paris-agreement", "treaty", None),
            ("New Urban Agenda", "A/RES/71/256", "ga_resolution", None),
        ],
    ),
    (  # S_RES_232_1966
        "Reaffirming its resolutions 216 (1965) of 12 November 1965, 217 (1965) of 20 November 1965 and "
        "221 (1966) of 9 April 1966, acting in accordance with Articles 39 and 41 of the United Nations "
        "Charter,",
        SC,
        [
            ("216 (1965)", "S/RES/216(1965)", "sc_resolution", None),
            ("217 (1965)", "S/RES/217(1965)", "sc_resolution", None),
            ("221 (1966)", "S/RES/221(1966)", "sc_resolution", None),
            (
                "Articles 39 and 41 of the United Nations Charter",
                "charter-of-the-united-nations",
                "charter",
                "Articles 39 and 41",
            ),
        ],
    ),
    (  # S_RES_119_1956
        "as provided in General Assembly resolution 377 A (V) of 3 November 1950,",
        SC,
        [("General Assembly resolution 377 A (V)", "A/RES/377(V)", "ga_resolution", None)],
    ),
    (  # S_RES_970_1995
        "the measures imposed by paragraph 9 of resolution 757 (1992) and paragraph 12 of resolution 820 "
        "(1993)",
        SC,
        [
            ("paragraph 9 of resolution 757 (1992)", "S/RES/757(1992)", "sc_resolution", "paragraph 9"),
            ("paragraph 12 of resolution 820 (1993)", "S/RES/820(1993)", "sc_resolution", "paragraph 12"),
        ],
    ),
    (  # S_RES_598_1987
        "Acting under Articles 39 and 40 of the Charter of the United Nations,",
        SC,
        [
            (
                "Articles 39 and 40 of the Charter of the United Nations",
                "charter-of-the-united-nations",
                "charter",
                "Articles 39 and 40",
            )
        ],
    ),
    # --- hand-made edge cases
    (
        "Recalling its resolution 31/30 and General Assembly resolution 60/251 of 15 March 2006,",
        HRC,
        [
            ("resolution 31/30", "A/HRC/RES/31/30", "hrc_resolution", None),
            ("General Assembly resolution 60/251", "A/RES/60/251", "ga_resolution", None),
        ],
    ),
    (
        "Recalling Human Rights Council resolutions 5/1 and 5/2 of 18 June 2007, and Council resolution "
        "16/21",
        HRC,
        [
            ("5/1", "A/HRC/RES/5/1", "hrc_resolution", None),
            ("5/2", "A/HRC/RES/5/2", "hrc_resolution", None),
            ("Council resolution 16/21", "A/HRC/RES/16/21", "hrc_resolution", None),
        ],
    ),
    (
        "Recalling Commission on Human Rights resolution 2005/69 of 20 April 2005 and its resolution "
        "2019/15,",
        ECOSOC,
        [
            ("Commission on Human Rights resolution 2005/69", "E/CN.4/RES/2005/69", "document", None),
            ("resolution 2019/15", "E/RES/2019/15", "ecosoc_resolution", None),
        ],
    ),
    (
        "Recalling its decision 2/102 of 6 October 2006,",
        HRC,
        [("decision 2/102", "A/HRC/DEC/2/102", "document", None)],
    ),
    (
        "Taking note of the report of the Secretary-General (S/2019/280) and recalling S/RES/1373 (2001) and "
        "draft resolution A /72/ L.62",
        SC,
        [
            ("S/2019/280", "S/2019/280", "report", None),
            ("S/RES/1373 (2001)", "S/RES/1373(2001)", "sc_resolution", None),
        ],
    ),
    (
        "The Charter of the Organization of American States and the Charter-based bodies, HIV/AIDS and "
        "COVID-19",
        GA,
        [],
    ),
    (
        "Reaffirming the Charter of the United Nations and the Universal Declaration of Human Rights, and "
        "recalling "
        "the Charter, the Universal Declaration, the United Nations Convention against Corruption and the "
        "Rome Statute",
        GA,
        [
            ("Charter of the United Nations", "charter-of-the-united-nations", "charter", None),
            ("Universal Declaration of Human Rights", "A/RES/217(III)", "ga_resolution", None),
            ("United Nations Convention against Corruption", "UNTS/2349/42146", "treaty", None),
            ("Rome Statute", "UNTS/2187/38544", "treaty", None),
        ],
    ),
    (
        "Geneva Convention relative to the Protection of Civilian Persons in Time of War, of 12 August 1949, "
        "and the Geneva Conventions",
        GA,
        [
            (
                "Geneva Convention relative to the Protection of Civilian Persons in Time of War, of 12 "
                "August 1949",
                "UNTS/75/973",
                "treaty",
                None,
            ),
            ("Geneva Conventions", "geneva-conventions-of-12-august-1949", "treaty", None),
        ],
    ),
    (
        "the Optional Protocol to the Convention on the Rights of the Child on the involvement of children "
        "in armed conflict and the Convention on the Rights of the Child",
        GA,
        [
            (
                "Optional Protocol to the Convention on the Rights of the Child on the involvement of "
                "children in armed conflict",
                "UNTS/2173/27531",
                "treaty",
                None,
            ),
            ("Convention on the Rights of the Child", "UNTS/1577/27531", "treaty", None),
        ],
    ),
    (
        "Economic and Social Council resolution 1296 (XLIV) of 23 May 1968 and Council resolution 2004/57",
        GA,
        [
            (
                "Economic and Social Council resolution 1296 (XLIV)",
                "E/RES/1296(XLIV)",
                "ecosoc_resolution",
                None,
            ),
            ("Council resolution 2004/57", "E/RES/2004/57", "ecosoc_resolution", None),
        ],
    ),
    (
        "Recalling the statement by its President of 9 May 2019 (S/PRST/2019/4) and the report of the "
        "Secretary-General of 27 June 2019 (S/2019/509),",
        SC,
        [
            ("S/PRST/2019/4", "S/PRST/2019/4", "document", None),
            ("S/2019/509", "S/2019/509", "report", None),
        ],
    ),
    (
        "contained in resolution 1514(XV), and recalling its resolution 73/338 and decision 73/546, "
        "decision 15/4 of the Conference of the Parties and Security Council resolution 2231 (2015), annex B",
        GA,
        [
            ("resolution 1514(XV)", "A/RES/1514(XV)", "ga_resolution", None),
            ("resolution 73/338", "A/RES/73/338", "ga_resolution", None),
            ("decision 73/546", "A/DEC/73/546", "document", None),
            (
                "Security Council resolution 2231 (2015), annex B",
                "S/RES/2231(2015)",
                "sc_resolution",
                "annex B",
            ),
        ],
    ),
    (
        "Welcoming the work of the Human Rights Council, in its resolution 31/30, and the Strategy",
        GA,
        [("resolution 31/30", "A/HRC/RES/31/30", "hrc_resolution", None)],
    ),
    # --- S/RES/1654 (2006): Council resolutions dated instead of numbered with their year
    (
        "Recalling its resolutions 1616 of 29 July 2005 and 1649 of 21 December 2005,",
        SC,
        [("1616", "S/RES/1616(2005)", "sc_resolution", None), ("1649", "S/RES/1649(2005)", "sc_resolution", None)],
    ),
    ("Recalling its resolution 1493 of 28 July 2003,", SC,
     [("resolution 1493", "S/RES/1493(2003)", "sc_resolution", None)]),
    # the Assembly numbers with its session: a bare dated number is not a Council resolution
    ("Recalling General Assembly resolution 2758 of 25 October 1971,", SC, []),
    ("Recalling also its resolution 2758 of 25 October 1971,", GA, []),
]


def _as_rows(refs: list[InstrumentRef]) -> list[tuple[str, str, str, str | None]]:
    return [(ref.surface, ref.instrument_id, ref.kind, ref.pinpoint) for ref in refs]


@pytest.mark.parametrize(("text", "body", "expected"), CASES)
def test_find_instrument_refs(
    text: str, body: str | None, expected: list[tuple[str, str, str, str | None]]
) -> None:
    refs = find_instrument_refs(text, body=body)
    assert _as_rows(refs) == expected
    for ref in refs:
        assert text[ref.start : ref.end] == ref.surface


def test_part_letters_stay_out_of_the_identifier() -> None:
    (ref,) = find_instrument_refs("Resolutions 53/243 A and B.")
    assert (ref.instrument_id, ref.part, ref.year) == ("A/RES/53/243", "A and B", 1999)  # lexicon year


def test_years_come_from_the_citation() -> None:
    refs = find_instrument_refs(
        "Recalling its resolution 60/288 of 8 September 2006, Security Council resolution 1373 (2001), "
        "Economic and Social Council resolution 1980/67 and S/2017/375 and CD/1985"
    )
    assert [ref.year for ref in refs] == [2006, 2001, 1980, 2017, None]


def test_named_instrument_carries_lexicon_symbol_and_name() -> None:
    (ref,) = find_instrument_refs("Recalling the Declaration and Programme of Action on a Culture of Peace,")
    assert (ref.symbol, ref.name, ref.year) == (
        "A/RES/53/243",
        "Declaration and Programme of Action on a Culture of Peace",
        1999,
    )


def test_symbol_mention_gets_name_when_symbol_is_unambiguous() -> None:
    (strategy,) = find_instrument_refs("Resolution 60/288.")
    (covenants,) = find_instrument_refs("See resolution 2200 A (XXI), annex.")
    assert strategy.name == "United Nations Global Counter-Terrorism Strategy"
    assert covenants.name is None  # ICCPR and ICESCR share resolution 2200 A (XXI)


def test_named_instrument_recorded_once_per_text_but_symbols_every_time() -> None:
    text = "the Charter of the United Nations and the Charter, resolution 66/10 and resolution 66/10"
    assert [ref.instrument_id for ref in find_instrument_refs(text)] == [
        "charter-of-the-united-nations",
        "A/RES/66/10",
        "A/RES/66/10",
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("A/72/L.62", "A/72/L.62"),
        ("A /72/ L.62", "A/72/L.62"),
        ("S/RES/1373 (2001)", "S/RES/1373(2001)"),
        ("S/RES/1373(2001)", "S/RES/1373(2001)"),
        ("A/RES/72/284", "A/RES/72/284"),
        ("A/RES/53/243 B", "A/RES/53/243"),
        ("A/HRC/37/52", "A/HRC/37/52"),
        ("A/69/711-S/2015/1", "A/69/711-S/2015/1"),
        ("A/78/481/Add.2", "A/78/481/Add.2"),
        ("S-10/2", "A/RES/S-10/2"),
        ("CD/1839", "CD/1839"),
        ("HIV/AIDS", None),
        ("resolution 60/288", None),
        ("26 June 2018", None),
    ],
)
def test_canonical_symbol(raw: str, expected: str | None) -> None:
    assert canonical_symbol(raw) == expected


@given(st.text(alphabet="AS/RE0123456789 ().,resolutinChaterf", max_size=80))
def test_spans_always_match_surface(text: str) -> None:
    refs = find_instrument_refs(text)
    assert [ref.start for ref in refs] == sorted(ref.start for ref in refs)
    for ref in refs:
        assert text[ref.start : ref.end] == ref.surface


def test_no_symbol_under_two_instruments():
    """An analyst joins on symbol: a treaty adopted by a resolution is not that resolution (the ICCPR and the
    ICESCR, both adopted by 2200 A (XXI), were both under A/RES/2200(XXI) beside the resolution itself)."""
    rows = instruments()
    owners: dict[str, set[str]] = {}
    for row in rows:
        if row.symbol:
            owners.setdefault(row.symbol, set()).add(row.instrument_id)
    ids = {row.instrument_id for row in rows}
    shared = {symbol: sorted(owner) for symbol, owner in owners.items() if len(owner | ({symbol} & ids)) > 1}
    assert shared == {}
