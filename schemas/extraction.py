"""Models of the extracted tables: verbs and clauses, actors and their mentions, instruments and
citations, deadlines, and the mandates view."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from pipeline.lexicons import ACTOR_KINDS, VERB_SECTIONS, instrument_kinds

INSTRUMENT_KINDS = list(instrument_kinds())  # resolution kinds from bodies.csv, then the named kinds


def _one_of(values: tuple[str, ...] | list[str]) -> str:
    """'a, b or c.': an enum spelled out in a description, from the one list."""
    return f"{', '.join(values[:-1])} or {values[-1]}."
DEADLINE_KINDS = ["due_date", "session", "recurring", "event_date"]


class Verbs(pa.DataFrameModel):
    verb: str = pa.Field(description="Lemma: 'call upon', 'take note', 'express concern'.")
    section: pl.Categorical = pa.Field(isin=list(VERB_SECTIONS), description="Where the verb leads paragraphs: preamble (participle/adjective), operative (finite verb) or both.")
    category: pl.Categorical = pa.Field(description="Function of the verb: decision, request, exhortation, endorsement, recognition, concern, condemnation, recall, ...")
    strength: pl.Int32 = pa.Field(ge=0, description="Ordinal strength, higher = more binding: takes note < welcomes < encourages < invites < calls upon < urges < requests < demands < decides.")

    class Config:
        strict = True


class Clauses(pa.DataFrameModel):
    clause_id: str = pa.Field(description="paragraph_id + ':c' + clause_index, e.g. A/RES/72/284:op2:c2.")
    document_id: str = pa.Field(description="Resolution (documents.document_id).")
    paragraph_id: str = pa.Field(description="Paragraph the clause is in.")
    clause_index: pl.Int32 = pa.Field(ge=1, description="Position of the clause in its paragraph; 1 is the lead.")
    verb_phrase: str = pa.Field(description="Verb as written with its adverb: 'also calls upon', 'strongly condemns'.")
    verb: str = pa.Field(description="Lemma (verbs.verb).")
    modifier: str = pa.Field(nullable=True, description="Modifier of the verb: 'also', 'further', 'strongly', 'with appreciation'; several joined by ';'.")
    is_lead: bool = pa.Field(description="True for the paragraph's lead verb.")
    char_start: pl.Int32 = pa.Field(ge=0, description="Offset of verb_phrase in paragraphs.text.")
    char_end: pl.Int32 = pa.Field(ge=0, description="Offset after verb_phrase in paragraphs.text.")

    class Config:
        strict = True


class Actors(pa.DataFrameModel):
    actor_id: str = pa.Field(description="Slug of the canonical actor, e.g. 'member-states', 'secretary-general'.")
    name: str = pa.Field(description="Canonical name.")
    kind: pl.Categorical = pa.Field(isin=list(ACTOR_KINDS), description=_one_of(ACTOR_KINDS))
    aliases: pl.List(pl.String) = pa.Field(description="Other names that resolve to this actor.")
    in_lexicon: bool = pa.Field(description="True for actors of pipeline/lexicons/actors.csv; false for actors the grammar found outside it, whose id is the slug of their phrase and whose kind is guessed from its head noun.")

    class Config:
        strict = True


class ActorMentions(pa.DataFrameModel):
    mention_id: str = pa.Field(description="paragraph_id + ':m' + position of the mention in the paragraph.")
    document_id: str = pa.Field(description="Resolution (documents.document_id).")
    paragraph_id: str = pa.Field(description="Paragraph naming the actor.")
    clause_id: str = pa.Field(nullable=True, description="Clause addressing the actor (role = addressee).")
    actor_id: str = pa.Field(description="Canonical actor (actors.actor_id).")
    surface: str = pa.Field(description="Actor as written.")
    role: pl.Categorical = pa.Field(isin=["addressee", "mention"], description="addressee: object of a directive verb (call upon, urge, request, ...); mention: any other naming.")
    char_start: pl.Int32 = pa.Field(ge=0, description="Offset of surface in paragraphs.text.")
    char_end: pl.Int32 = pa.Field(ge=0, description="Offset after surface in paragraphs.text.")

    class Config:
        strict = True


class Instruments(pa.DataFrameModel):
    instrument_id: str = pa.Field(description="UN symbol when one exists (A/RES/60/288, S/RES/1373(2001), A/71/858, UNTS/1577/27531), else a slug of the name.")
    kind: pl.Categorical = pa.Field(isin=INSTRUMENT_KINDS, description=_one_of(INSTRUMENT_KINDS))
    symbol: str = pa.Field(nullable=True, description="UN symbol, when the instrument has one.")
    name: str = pa.Field(nullable=True, description="Name of the instrument when known.")
    year: pl.Int32 = pa.Field(nullable=True, description="Year of adoption when known.")
    cited_document_id: str = pa.Field(nullable=True, description="documents.document_id when the instrument is itself a resolution in this release.")

    class Config:
        strict = True


class Citations(pa.DataFrameModel):
    citation_id: str = pa.Field(description="document_id + ':' + where (paragraph local id, 'fn<N>' or 'header') + ':r' + position.")
    document_id: str = pa.Field(description="Citing resolution.")
    paragraph_id: str = pa.Field(nullable=True, description="Paragraph citing it; for a footnote citation, the paragraph where the footnote marker stands.")
    instrument_id: str = pa.Field(description="Cited instrument (instruments.instrument_id).")
    surface: str = pa.Field(description="Reference as written.")
    via: pl.Categorical = pa.Field(isin=["text", "footnote", "header"], description="Where the reference is: paragraph text, footnote, or the header's origin bracket.")
    footnote_number: pl.Int32 = pa.Field(nullable=True, description="Footnote holding the reference (via = footnote).")
    pinpoint: str = pa.Field(nullable=True, description="Part cited: 'article 12', 'annex', 'para. 15'.")
    cited_document_id: str = pa.Field(nullable=True, description="documents.document_id when the cited instrument is itself a resolution in this release.")

    class Config:
        strict = True


class InstrumentGraph(pa.DataFrameModel):
    citing_document_id: str = pa.Field(description="Citing resolution (documents.document_id).")
    instrument_id: str = pa.Field(description="Cited instrument (instruments.instrument_id).")
    cited_document_id: str = pa.Field(nullable=True, description="documents.document_id when the cited instrument is in this release: an edge inside the corpus.")
    n_citations: pl.Int32 = pa.Field(ge=1, description="Number of citations (text, footnotes, header) from the citing resolution.")
    n_paragraphs: pl.Int32 = pa.Field(ge=0, description="Number of distinct paragraphs citing it.")

    class Config:
        strict = True


class Deadlines(pa.DataFrameModel):
    deadline_id: str = pa.Field(description="paragraph_id + ':d' + position.")
    document_id: str = pa.Field(description="Resolution (documents.document_id).")
    paragraph_id: str = pa.Field(description="Operative paragraph holding the time expression.")
    clause_id: str = pa.Field(nullable=True, description="Clause the time expression belongs to.")
    kind: pl.Categorical = pa.Field(isin=DEADLINE_KINDS, description="due_date (by/no later than), session (at its Nth session), recurring (annually, quarterly), event_date (on 28 and 29 June 2018).")
    surface: str = pa.Field(description="Time expression as written.")
    date_start: pl.Date = pa.Field(nullable=True, description="First day of the time the expression names. A point names itself at its precision: the day of 'by 1 December 2024' and 'the end of 2027', the 1st of 'no later than May 2019', a session's opening day, an event's first day. A period counted from the adoption ('until 31 March 2025', 'for a period of six months', 'within 90 days', 'until the end of its eightieth session') starts on the adoption day, or on the start it writes ('beginning on 1 January 2006'). Null when that day is not known (no adoption date; 'within 12 months of their approval'; a session without a calendar).")
    date_end: pl.Date = pa.Field(nullable=True, description="Last day of that time: the due day, the last day of a month or quarter, a session's closing day, the end a period writes ('that is, until 31 December 2006') or counts to. Never before the adoption: past dates are not deadlines rows.")
    session: pl.Int32 = pa.Field(nullable=True, description="GA session number for kind = session.")
    recurrence: str = pa.Field(nullable=True, description="annual, biennial, quarterly, periodic, ... for kind = recurring.")
    actor_id: str = pa.Field(nullable=True, description="Actor that must act (addressee of the clause), when the clause names one.")
    char_start: pl.Int32 = pa.Field(ge=0, description="Offset of surface in paragraphs.text.")
    char_end: pl.Int32 = pa.Field(ge=0, description="Offset after surface in paragraphs.text.")

    class Config:
        strict = True


class Mandates(pa.DataFrameModel):
    mandate_id: str = pa.Field(description="clause_id + ':' + actor_id.")
    document_id: str = pa.Field(description="Resolution (documents.document_id).")
    paragraph_id: str = pa.Field(description="Paragraph of the clause.")
    clause_id: str = pa.Field(description="Clause giving the mandate.")
    verb: str = pa.Field(description="Lemma of the directive verb (request, decide, invite, ...).")
    actor_id: str = pa.Field(description="UN entity mandated to act.")
    deadline_id: str = pa.Field(nullable=True, description="Binding deadline of the clause, when any: the end of a period it sets ('until 31 March 2025'), else its first due date ('no later than', 'by', 'within'), else the first session it names, else a dated event it sets; never a recurrence or a past date.")
    date_end: pl.Date = pa.Field(nullable=True, description="deadlines.date_end of that deadline: the day the mandate ends or is due.")
    recurrence: str = pa.Field(nullable=True, description="Recurrence of the mandate (annual, quarterly, ...), when any.")
    reporting: bool = pa.Field(description="True when the action is to report or brief (report, briefing, inform, keep ... informed).")

    class Config:
        strict = True
