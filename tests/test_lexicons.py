"""Lexicons: every file is documented and validated on load, a bad row names its file, line and column,
and every row is reachable — each verb form, alias and body pattern is found by the grammar that reads it."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline import lexicons
from pipeline.lexicons import LEXICON_DIR, Body, LexiconError, read
from pipeline.text.actors import find_actor_mentions
from pipeline.text.clauses import find_clauses, find_lead
from pipeline.text.dates import find_time_expressions
from pipeline.text.symbols import find_instrument_refs

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
LEXICONS = sorted(path.stem for path in LEXICON_DIR.glob("*.csv"))


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicon_is_named_in_readme_and_every_row_loads(name: str) -> None:
    """Every data line becomes one typed row (none skipped), each with its provenance comment."""
    path = LEXICON_DIR / f"{name}.csv"
    assert f"`{name}.csv`" in README
    with path.open(encoding="utf-8", newline="") as handle:
        n_lines = sum(1 for _ in csv.DictReader(handle))
    rows = read(path)
    assert len(rows) == n_lines
    assert all(row.comment for row in rows)


# --- a broken row names its file, line and column ----------------------------------------------


class Broken(NamedTuple):
    file: str
    row: str  # written as line 3, after the header and the real file's first row
    error: str


BROKEN = [
    Broken("verbs.csv", "decide,operatives,decision,11,decides,x", "line 3, column section: unknown value 'operatives'"),
    Broken("verbs.csv", "urge,both,urging,8,urges,x", "line 3, column category: unknown value 'urging'"),
    Broken("verbs.csv", "urge,both,exhortation,high,urges,x", "line 3, column strength: 'high' is not a non-negative"),
    Broken("verbs.csv", "urge,both,exhortation,8,urges||urge,x", "line 3, column forms: empty item"),
    Broken("verbs.csv", "urge,both,exhortation,8,,x", "line 3, column forms: empty"),
    Broken("verbs.csv", "recall,both,recall,1,recalls,x", "line 3, column verb: duplicate 'recall' (first on line 2)"),
    Broken("verbs.csv", "urge,both,exhortation,8,urges,", "line 3, column comment: empty; this column is required"),
    Broken("verbs.csv", "urge,both,exhortation,8,urges,x,extra", "line 3, column comment: more fields than the header"),
    Broken("actors.csv", "nato,NATO,military_alliance,,x", "line 3, column kind: unknown value 'military_alliance'"),
    Broken("actors.csv", ",NATO,other,,x", "line 3, column actor_id: empty"),
    Broken("instruments.csv", "x-treaty,X Treaty,convention,,1990,,x", "line 3, column kind: unknown value 'convention'"),
    Broken("instruments.csv", "x-treaty,X Treaty,treaty,,199O,,x", "line 3, column year: '199O' is not"),
    Broken("ga_sessions.csv", "59,2004-09-31,2005-09-12,x", "line 3, column opened_on: '2004-09-31' is not a date"),
    Broken("ga_sessions.csv", "59,2005-09-14,2004-09-12,x", "line 3, column closed_on: 2004-09-12 is before"),
    Broken("recurrences.csv", "fortnightly,adverb,every 2 weeks,x", "line 3, column form: unknown value 'adverb'"),
    Broken("recurrences.csv", "fortnightly,word,,x", "line 3, column recurrence: empty; a word ('fortnightly') needs"),
    Broken("reporting_terms.csv", "report,x", "line 3, column term: duplicate 'report'"),
    Broken("bodies.csv", "Trusteeship Council,tc,Council,T,T/RES/{number},,,session,,tc_resolution,yes,x",
           "line 3, column resolution_pattern: 'T/RES/{number}' must start with 'T/' and use {number}, {session}"),
    Broken("bodies.csv", "Trusteeship Council,tc,Council,T,T/RES/{number}({year}),,,decade,,tc_resolution,yes,x",
           "line 3, column numbering: unknown value 'decade'"),
    Broken("bodies.csv", "Trusteeship Council,tc,Council,T,T/RES/{number}({year}),,,year,tc_sessions.csv,"
           "tc_resolution,yes,x", "line 3, column calendar: 'tc_sessions.csv' is not a session calendar file"),
    Broken("bodies.csv", "Trusteeship Council,tc,Council,T,T/RES/{number}({year}),,,year,,trusteeship,maybe,x",
           "line 3, column instrument_kind: 'trusteeship' is neither"),
    Broken("bodies.csv", "Trusteeship Council,ga,Council,T,T/RES/{number}({year}),,,year,,tc_resolution,no,x",
           "line 3, column code: duplicate 'ga' (first on line 2)"),
]


@pytest.mark.parametrize("case", BROKEN, ids=[f"{c.file}:{c.error.split(':')[0]}" for c in BROKEN])
def test_broken_row_names_file_line_and_column(tmp_path: Path, case: Broken) -> None:
    header, first = (LEXICON_DIR / case.file).read_text(encoding="utf-8").splitlines()[:2]
    (tmp_path / "ga_sessions.csv").write_bytes((LEXICON_DIR / "ga_sessions.csv").read_bytes())  # bodies' calendar
    path = tmp_path / case.file
    path.write_text(f"{header}\n{first}\n{case.row}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=f"^{case.file} ") as raised:
        read(path)
    assert case.error in str(raised.value)


def test_file_without_comment_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "reporting_terms.csv"
    path.write_text("term\nreport\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^reporting_terms.csv line 1: no 'comment' column"):
        read(path)


# --- reachability: each row is found by the grammar that reads it --------------------------------


def _sentence(form: str) -> str:
    """A form as a paragraph opening, its "*" slot left empty ("expresses * concern" -> "Expresses concern")."""
    words = " ".join(form.replace("*", " ").split())
    return words[:1].upper() + words[1:] + " the report"


READ_FORMS = [form for form in lexicons.verb_forms() if form.kind is not None]  # base forms are not leads


@pytest.mark.parametrize("form", READ_FORMS, ids=[f"{f.verb}:{f.form}" for f in READ_FORMS])
def test_every_verb_form_is_found(form: lexicons.VerbForm) -> None:
    """Finite and declaration forms open an operative paragraph (and a finite one a coordinated clause);
    participles and adjectival leads open a preamble paragraph — each read as its own lemma."""
    text = _sentence(form.form)
    if form.kind in ("participle", "adjective"):
        lead = find_lead(text + ",", "preamble")
        assert lead is not None and lead.verb == form.verb
        return
    lead = find_lead(text + ".", "operative")
    assert lead is not None and lead.verb == form.verb
    assert [clause.verb for clause in find_clauses(text + ".")][:1] == [form.verb]
    if form.kind == "finite":
        further = find_clauses(f"Decides to act, and {text[:1].lower()}{text[1:]}.")
        assert [clause.verb for clause in further] == ["decide", form.verb]


ALIASES = [(actor.actor_id, surface) for actor in lexicons.actors() for surface in actor.surfaces]


@pytest.mark.parametrize(("actor_id", "surface"), ALIASES, ids=[f"{a}:{s}" for a, s in ALIASES])
def test_every_actor_alias_is_found(actor_id: str, surface: str) -> None:
    """The alias as the object of "Invites" is a mention of its actor (with or without "the" before it)."""
    text = f"Invites {surface} to act."
    mentions = find_actor_mentions(text, find_clauses(text))
    assert any(m.actor_id == actor_id and (surface in m.surface or m.surface in surface) for m in mentions)


INSTRUMENT_ALIASES = [(i.instrument_id, s) for i in lexicons.instruments() for s in i.surfaces]


@pytest.mark.parametrize(("instrument_id", "alias"), INSTRUMENT_ALIASES, ids=[f"{i}:{a}" for i, a in INSTRUMENT_ALIASES])
def test_every_instrument_alias_is_found(instrument_id: str, alias: str) -> None:
    """A bracketed alias "the [Charter]" is found as its core after "the"."""
    written = alias.replace("[", "").replace("]", "")
    refs = find_instrument_refs(f"Recalling {written}, and")
    assert instrument_id in {ref.instrument_id for ref in refs}


class Cited(NamedTuple):
    body: str  # code in bodies.csv
    number: str  # as the text cites it after "resolution" or "decision"
    parts: dict[str, str]  # the pattern's placeholders
    symbol: str


RESOLUTIONS = [
    Cited("ga", "60/288", {"session": "60", "number": "288"}, "A/RES/60/288"),
    Cited("sc", "1373 (2001)", {"number": "1373", "year": "2001"}, "S/RES/1373(2001)"),
    Cited("hrc", "31/30", {"session": "31", "number": "30"}, "A/HRC/RES/31/30"),
    Cited("ecosoc", "1980/67", {"year": "1980", "number": "67"}, "E/RES/1980/67"),
    Cited("chr", "2005/69", {"year": "2005", "number": "69"}, "E/CN.4/RES/2005/69"),
    Cited("ga", "217 (III)", {"number": "217", "roman": "III"}, "A/RES/217(III)"),  # early_pattern
    Cited("ecosoc", "1296 (XLIV)", {"number": "1296", "roman": "XLIV"}, "E/RES/1296(XLIV)"),
]
DECISIONS = [
    Cited("ga", "62/557", {}, "A/DEC/62/557"),
    Cited("hrc", "2/102", {}, "A/HRC/DEC/2/102"),
    Cited("ecosoc", "2019/210", {}, "E/DEC/2019/210"),
    Cited("chr", "2005/101", {}, "E/CN.4/DEC/2005/101"),
]


def test_every_body_has_a_case() -> None:
    assert {case.body for case in RESOLUTIONS} == {body.code for body in lexicons.bodies()}
    assert {case.body for case in DECISIONS} == {body.code for body in lexicons.bodies() if body.decision_pattern}
    assert {case.body for case in RESOLUTIONS if "roman" in case.parts} == {
        body.code for body in lexicons.bodies() if body.early_pattern}


def _citations(case: Cited, word: str) -> list[tuple[str, Body | None]]:
    """The number after "its <word>" in the body's own text and after its name in another body's text."""
    body = lexicons.body_by_code(case.body)
    other = next(b for b in lexicons.issuing_bodies() if b != body)
    return [(f"Recalling its {word} {case.number},", body), (f"Recalling {body.name} {word} {case.number},", other)]


@pytest.mark.parametrize("case", RESOLUTIONS, ids=[f"{c.body}:{c.number}" for c in RESOLUTIONS])
def test_every_body_resolution_pattern_is_recognised(case: Cited) -> None:
    """The pattern makes the symbol; the symbol written out and the number cited by "resolution" are
    that body's resolution; the body is found again from its symbol, name, code and prefix."""
    body = lexicons.body_by_code(case.body)
    assert body.resolution_symbol(**case.parts) == case.symbol
    for text, citing in [(f"Recalling {case.symbol},", None), *_citations(case, "resolution")]:
        refs = find_instrument_refs(text, body=citing)
        assert [(ref.instrument_id, ref.kind) for ref in refs] == [(case.symbol, body.instrument_kind)], text
    assert lexicons.body_of_symbol(case.symbol) == body
    assert {lexicons.resolve_body(key) for key in (body.name, body.code, body.symbol_prefix.lower())} == {body}


@pytest.mark.parametrize("case", DECISIONS, ids=[f"{c.body}:{c.number}" for c in DECISIONS])
def test_every_body_decision_pattern_is_recognised(case: Cited) -> None:
    for text, citing in _citations(case, "decision"):
        refs = find_instrument_refs(text, body=citing)
        assert [(ref.instrument_id, ref.kind) for ref in refs] == [(case.symbol, "document")], text


SESSION_74 = (dt.date(2019, 9, 17), dt.date(2020, 9, 14))


@pytest.mark.parametrize(("code", "expected"), [
    ("ga", [(74, SESSION_74)]),  # calendar ga_sessions.csv
    ("hrc", [(74, (None, None))]),  # numbered sessions, no calendar file
    ("sc", []),  # numbered by year: "its ... session" is not the Council's
    ("ecosoc", []),
])
def test_session_owner_follows_the_body_row(code: str, expected: list) -> None:
    text = "Decides to consider the question at its seventy-fourth session."
    found = find_time_expressions(text, body=lexicons.body_by_code(code))
    assert [(e.session, (e.date_start, e.date_end)) for e in found] == expected


@pytest.mark.parametrize(("text", "opener", "prefix"), [
    ("General Assembly", True, None),
    ("Economic and Social Council", True, None),
    ("Commission on Human Rights", False, None),  # cited only: not an opener
    ("A/HRC/RES/34/17", None, "A/HRC/RES/"),  # longest prefix first
    ("S/RES/1654(2006)", None, "S/RES/"),
    ("E/CN.4/RES/1993/51", None, None),
])
def test_alternations_for_the_structure_grammar(text: str, opener: bool | None, prefix: str | None) -> None:
    if opener is not None:
        assert bool(re.fullmatch(lexicons.body_name_alternation(), text)) is opener
    else:
        found = re.match(rf"(?:{lexicons.symbol_prefix_alternation()})/RES/", text)
        assert (found.group(0) if found else None) == prefix


@pytest.mark.parametrize(("word", "lead", "finite"), [
    ("decides", True, True),
    ("calls", True, True),  # "calls upon"
    ("recalling", True, False),
    ("alarmed", True, False),  # adjectival lead
    ("having", True, False),  # "having considered"
    ("we", False, False),  # declarations open with "we": not a lead word by itself
    ("recall", True, False),  # a base form, not third person
])
def test_verb_first_words(word: str, lead: bool, finite: bool) -> None:
    assert (word in lexicons.lead_first_words(), word in lexicons.finite_first_words()) == (lead, finite)
