"""Corpus health measures: which directive clauses count towards "without addressee", which paragraphs need a lead verb."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import NamedTuple

import polars as pl
import pytest

from pipeline.health import directive_clauses, leading_paragraphs
from pipeline.tables import document_tables, frame, verbs_table
from pipeline.text.akn import parse_akn
from pipeline.text.clauses import find_clauses

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"


class Directive(NamedTuple):
    source: str
    text: str
    counted: list[bool]  # per directive clause, in order: does it expect an addressee?


DIRECTIVES = [
    # a that-clause names its actor as a subject, also after an adverbial ("once more", "in particular")
    Directive("sc-pdftext-1994-2014/sc-pdftext/1995-N9519692.txt (S/RES/1001 (1995) op13)",
              "Demands once more, that all factions in Liberia strictly respect the status of ECOMOG and UNOMIL "
              "personnel, and further demands that these factions facilitate such deliveries", [False, False]),
    Directive("sc-pdftext-1994-2014/sc-pdftext/1998-N9822313.txt (S/RES/1187 (1998) op3)",
              "Expresses its deep concern at the significant outflow of refugees resulting from the recent hostilities, "
              "calls upon both sides to fulfil their obligations in this regard, and demands in particular that the "
              "Abkhaz side allow the unconditional and immediate return of all persons displaced", [True, False]),
    Directive("sc-pdftext-1994-2014/sc-pdftext/1998-N9820696.txt (S/RES/1183 (1998) op6)",
              "Requests the United Nations military observers and the multinational stabilization force to cooperate "
              "fully with each other;", [True]),
    # "calls for" names an action
    Directive("unxml-sc-2000-2026/Pre-2020/2019/S_RES_2493_1918701E.xml",
              "Noting the Peacebuilding Commission mandate pursuant to resolution 1645 (2005) and its gender strategy "
              "and calls for its full implementation to further promote women’s participation in peacebuilding efforts",
              [False]),
]


@pytest.mark.parametrize("case", DIRECTIVES, ids=[c.text[:40] for c in DIRECTIVES])
def test_directive_clauses(case: Directive) -> None:
    clauses = find_clauses(case.text)
    tables = {
        "verbs": verbs_table(),
        "paragraphs": pl.DataFrame({"paragraph_id": ["p"], "text": [case.text]}),
        "clauses": pl.DataFrame({"clause_id": [f"p:c{c.index}" for c in clauses], "document_id": ["d"] * len(clauses),
                                 "paragraph_id": ["p"] * len(clauses), "verb": [c.verb for c in clauses],
                                 "char_end": [c.end for c in clauses]},
                                schema={"clause_id": pl.String, "document_id": pl.String, "paragraph_id": pl.String,
                                        "verb": pl.String, "char_end": pl.Int64}),
    }
    counted = set(directive_clauses(tables)["clause_id"].to_list())
    directive = [c for c in clauses if c.verb in {"demand", "request", "call for", "urge", "call upon"}]
    assert [f"p:c{c.index}" in counted for c in directive] == case.counted


@pytest.mark.parametrize(("member", "container", "containers"), [
    # "58. (a) Requests …": the numbered paragraph has no words; each lettered item has its own lead
    ("unxml-sc-2000-2026/2021/English/S_RES_2605 (2021)-2116627E.xml", "S/RES/2605(2021):op58", 1),
    ("unxml-sc-2000-2026/Pre-2020/2001/S_RES_1343_N0127608.xml", "S/RES/1343(2001):op5", 2),  # op5 and op7
])
def test_a_paragraph_of_items_only_needs_no_lead_verb(member: str, container: str, containers: int) -> None:
    with zipfile.ZipFile(SOURCES / "unxml-sc-2000-2026.zip") as archive:
        parsed = parse_akn(archive.read(member).decode("utf-8"))
    paragraphs = frame("paragraphs", document_tables(parsed, "0" * 64)["paragraphs"])
    row = paragraphs.filter(pl.col("paragraph_id") == container)
    assert row["text"].item().strip() == "" and row["lead_verb"].item() is None
    assert paragraphs.filter(pl.col("parent_paragraph_id") == container)["lead_verb"].null_count() == 0
    counted = leading_paragraphs(paragraphs)
    assert container not in counted["paragraph_id"].to_list()
    assert counted.height == paragraphs.filter((pl.col("section") == "operative") & (pl.col("kind") == "paragraph")).height - containers
