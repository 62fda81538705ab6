"""Citation lists, Council numbers, document series and Treaty Series ranges, one real sentence a row.

Every text is a paragraph or footnote of a resolution in data/sources, read with zipfile; ``source``
names the archive member. Expected rows were read by hand from the sentence.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pipeline.lexicons import sc_resolution_year
from pipeline.text.symbols import find_instrument_refs

GA, SC, ECOSOC = "General Assembly", "Security Council", "Economic and Social Council"


class Ref(NamedTuple):
    surface: str
    instrument_id: str


class Case(NamedTuple):
    source: str
    body: str
    text: str
    refs: list[Ref]


def _sc(*numbers: tuple[int, int]) -> list[Ref]:
    """Listed Council items whose surface is the number and its year as written."""
    return [Ref(f"{n} ({y})", f"S/RES/{n}({y})") for n, y in numbers]


CASES = [
    Case(  # every number after a day-and-month qualifier, not only the first
        "sc-compilations/S_RES_0231_1966_EN_GOLD.txt", SC,
        "Reaffirms its resolutions 186 (1964) of 4 March, 187 (1964) of 13 March, 192 (1964) of 20 June, 193 "
        "(1964) of 9 August, 194 (1964) of 25 September and 198 (1964) of 18 December 1964, 201 (1965) of 19 "
        "March, 206 (1965) of 15 June, 207 (1965) of 10 August and 219 (1965) of 17 December 1965, 220 (1966) "
        "of 16 March and 222 (1966) of 16 June 1966, and the consensus expressed by the President at the "
        "1143rd meeting, on 11 August 1964;",
        _sc((186, 1964), (187, 1964), (192, 1964), (193, 1964), (194, 1964), (198, 1964), (201, 1965),
            (206, 1965), (207, 1965), (219, 1965), (220, 1966), (222, 1966)),
    ),
    Case(  # topic qualifiers with commas and "and", and the list going on after ";"
        "sc-pdftext/2013-N1341280.txt", SC,
        "Recalling also its previous resolutions 1265 (1999), 1296 (2000),1674 (2006), 1738 (2006) and 1894 "
        "(2009) on the protection of civilians in armed conflict, which reaffirm, inter alia, the relevant "
        "provisions of the United Nations World Summit outcome document; 1612 (2005), 1882 (2009), 1998 (2011) "
        "and 2068 (2012) on children and armed conflict; 1502 (2003) on the protection of humanitarian and "
        "United Nations personnel; and 1325 (2000), 1820 (2008), 1888 (2009), 1889 (2009), 1960 (2010) and "
        "2106 (2013) on women, peace and security,",
        _sc((1265, 1999), (1296, 2000), (1674, 2006), (1738, 2006), (1894, 2009), (1612, 2005), (1882, 2009),
            (1998, 2011), (2068, 2012), (1502, 2003), (1325, 2000), (1820, 2008), (1888, 2009), (1889, 2009),
            (1960, 2010), (2106, 2013)),
    ),
    Case(  # a qualifier before the first item; one ending in a space ("supplemented by")
        "unxml-sc-2000-2026/2024/English/S_RES_2750-2416409E.xml", SC,
        "Recalling its previous resolutions concerning Sudan, in particular 1591 (2005), 1651 (2005), "
        "supplemented by 2664 (2022), S/RES/2676 (2023), and S/RES/2736 (2024) its Presidential Statement of "
        "11 December 2018 (S/PRST/2018/19),",
        [*_sc((1591, 2005), (1651, 2005), (2664, 2022)), Ref("S/RES/2676 (2023)", "S/RES/2676(2023)"),
         Ref("S/RES/2736 (2024)", "S/RES/2736(2024)"), Ref("S/PRST/2018/19", "S/PRST/2018/19")],
    ),
    Case(  # Council numbers dated instead of numbered with their year
        "sc-pdftext/2004-N0444458.txt", SC,
        "Recalling its previous relevant resolutions and statements by its President on the situation in the "
        "Democratic Republic of the Congo, in particular resolutions 1493 of 28 July 2003 and 1533 of 12 March "
        "2004,",
        [Ref("1493", "S/RES/1493(2003)"), Ref("1533", "S/RES/1533(2004)")],
    ),
    Case(  # bare numbers in a Council text: the year comes from lexicons/sc_resolution_years.csv
        "sc-pdftext/2008-N0865359.txt", SC,
        "Recalling all its previous relevant resolutions, in particular resolutions 242, 338, 1397, and 1515 "
        "and the Madrid principles,",
        [Ref("242", "S/RES/242(1967)"), Ref("338", "S/RES/338(1973)"), Ref("1397", "S/RES/1397(2002)"),
         Ref("1515", "S/RES/1515(2003)")],
    ),
    Case(
        "sc-pdftext/2006-N0622904.txt", SC,
        "Declaring its determination to closely monitor compliance with the arms embargo imposed by resolution "
        "1493 and expanded by resolution 1596, and to enforce the measures provided for in paragraphs 13 and 15 "
        "of resolution 1596 against persons and entities acting in violation of this embargo,",
        [Ref("resolution 1493", "S/RES/1493(2003)"), Ref("resolution 1596", "S/RES/1596(2005)"),
         Ref("paragraphs 13 and 15 of resolution 1596", "S/RES/1596(2005)")],
    ),
    Case(  # a count after numbers with their year is not a resolution
        "sc-pdftext/2011-N1143339.txt", SC,
        "Decides that the authorized strength of UNOCI’s military component shall remain at 9,792 personnel, "
        "comprising of 9,600 troops and staff officers, including 2,400 additional troops authorized by "
        "resolutions 1942 (2010) and 1967 (2011), and 192 military observers;",
        _sc((1942, 2010), (1967, 2011)),
    ),
    Case(  # a mistyped year is the table's; the number names the resolution
        "unxml-sc-2000-2026/Pre-2020/2018/S_RES_2437_1816448E.xml", SC,
        "otherwise reiterates its resolutions 2240 (2015), 2312 (2106) and 2380 (2017) and its Presidential "
        "Statement S/PRST/2015/25;",
        [Ref("2240 (2015)", "S/RES/2240(2015)"), Ref("2312 (2106)", "S/RES/2312(2016)"),
         Ref("2380 (2017)", "S/RES/2380(2017)"), Ref("S/PRST/2015/25", "S/PRST/2015/25")],
    ),
    Case(  # number and year that no typo reconciles: a presidential statement, not resolution 11
        "unxml-sc-2000-2026/Pre-2020/2012/S_RES_2065_N1250625.xml", SC,
        "Recalling its previous resolutions and the statements of its President concerning the situation in "
        "Sierra Leone, in particular resolution 2005 (2011) and Presidential Statement 11 (2012),",
        [Ref("2005 (2011)", "S/RES/2005(2011)")],
    ),
    Case(  # "Security Council resolutions" outside a Council text makes bare numbers the Council's
        "unxml-sc-2000-2026/Pre-2020/2018/S_RES_2440_1818297E.xml", GA,
        "Recalling United Nations Security Council resolutions 1325 and 2250 and related resolutions;",
        [Ref("1325", "S/RES/1325(2000)"), Ref("2250", "S/RES/2250(2015)")],
    ),
    Case(  # the same words without the Council in an Assembly text are no Council citation
        "unxml-sc-2000-2026/Pre-2020/2018/S_RES_2440_1818297E.xml (body changed to the Assembly)", GA,
        "Recalling its resolutions 1325 and 2250 and related resolutions;",
        [],
    ),
    Case(  # session/number items each followed by a topic
        "unxml-ga-sessions-74-80/74session/English/74_150.xml", GA,
        "Recalling Human Rights Council resolutions 5/1 on institution-building of the Council and 5/2 on the "
        "Code of Conduct for Special Procedures Mandate-holders of the Human Rights Council of 18 June 2007,",
        [Ref("5/1", "A/HRC/RES/5/1"), Ref("5/2", "A/HRC/RES/5/2")],
    ),
    Case(  # a series with its session glued on (lexicons/document_series.csv)
        "unxml-ecosoc-2021-2025/2021/English/E_RES_2021_17-2109397E.xml fn", ECOSOC,
        "World Health Organization, document WHA58/2005/REC/1, resolution 58.3, annex.",
        [Ref("WHA58/2005/REC/1", "WHA58/2005/REC/1")],
    ),
    Case(  # a joint symbol is one document, one id (as DESIGN.md writes A/69/711-S/2015/1)
        "unxml-ecosoc-2021-2025/2021/English/E_RES_2021_17-2109397E.xml fn", ECOSOC,
        "A/76/74-E/2021/54.",
        [Ref("A/76/74-E/2021/54", "A/76/74-E/2021/54")],
    ),
    Case(
        "unxml-ecosoc-2021-2025/2021/English/E_RES_2021_17-2109397E.xml fn", ECOSOC,
        "E/CN.4/1998/53/Add.2, annex.",
        [Ref("E/CN.4/1998/53/Add.2, annex", "E/CN.4/1998/53/Add.2")],
    ),
    Case(  # a Treaty Series range: each of the four Geneva Conventions
        "unxml-ecosoc-2021-2025/2021/English/E_RES_2021_17-2109397E.xml fn", ECOSOC,
        "United Nations, Treaty Series, vol. 75, Nos. 970–973.",
        [Ref("United Nations, Treaty Series, vol. 75, Nos. 970–973", f"UNTS/75/{n}") for n in range(970, 974)],
    ),
    Case(
        "unxml-ecosoc-2021-2025/2021/English/E_RES_2021_17-2109397E.xml fn", ECOSOC,
        "Ibid., vol. 1125, Nos. 17512 and 17513.",
        [Ref("Ibid., vol. 1125, Nos. 17512 and 17513", "UNTS/1125/17512"),
         Ref("Ibid., vol. 1125, Nos. 17512 and 17513", "UNTS/1125/17513")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{case.source}" for i, case in enumerate(CASES)])
def test_citations(case: Case) -> None:
    refs = find_instrument_refs(case.text, body=case.body)
    assert [Ref(ref.surface, ref.instrument_id) for ref in refs] == case.refs
    assert all(case.text[ref.start : ref.end] == ref.surface for ref in refs)


class Year(NamedTuple):
    number: int
    year: int | None
    why: str


@pytest.mark.parametrize("row", [
    Year(186, 1964, "not in the corpus; the corpus cites it as 186 (1964) and 185 is 1963, 187 is 1964"),
    Year(27, 1947, "not in the corpus; 26 and 28 are both 1947"),
    Year(37, None, "not in the corpus, between 36 (1947) and 38 (1948), never cited with a year"),
    Year(1493, 2003, "S/RES/1493 (2003) header, sc-pdftext and unxml-sc"),
    Year(2825, 2026, "the last resolution in unxml-sc-2000-2026"),
    Year(2826, None, "after the corpus"),
])
def test_council_year_table(row: Year) -> None:
    assert sc_resolution_year(row.number) == row.year, row.why


class Kind(NamedTuple):
    text: str
    instrument_id: str
    kind: str
    symbol: str | None


@pytest.mark.parametrize("row", [
    # one id per instrument: the ICCPR by name and by Treaty Series number, and the 2030 Agenda by name
    # and by resolution carry the same id, kind and symbol (A/RES/72/284 fn 8, A/RES/72/130)
    Kind("the International Covenant on Civil and Political Rights", "UNTS/999/14668", "treaty", "UNTS/999/14668"),
    Kind("United Nations, Treaty Series, vol. 999, No. 14668.", "UNTS/999/14668", "treaty", "UNTS/999/14668"),
    Kind("the 2030 Agenda for Sustainable Development", "A/RES/70/1", "ga_resolution", "A/RES/70/1"),
    Kind("Resolution 70/1.", "A/RES/70/1", "ga_resolution", "A/RES/70/1"),
])
def test_one_row_per_instrument(row: Kind) -> None:
    (ref,) = find_instrument_refs(row.text)
    assert (ref.instrument_id, ref.kind, ref.symbol) == (row.instrument_id, row.kind, row.symbol)
