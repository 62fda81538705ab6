"""One Pandera model per published table: the single source for validation, the data dictionary
and ``datapackage.json``. ``TABLES`` lists them in publication order with their keys."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandera.polars as pa

from schemas.documents import DocumentForms, Documents, Footnotes, Paragraphs, Quarantine, Sponsors, Votes
from schemas.extraction import (
    ActorMentions,
    Actors,
    Citations,
    Clauses,
    Deadlines,
    InstrumentGraph,
    Instruments,
    Mandates,
    Verbs,
)
from schemas.health import CorpusHealth


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    """Everything stated once about a published table; validation, the data package, the DuckDB script,
    the dataset card and the Dagster assets and checks are derived from it."""

    name: str
    model: type[pa.DataFrameModel]
    title: str
    description: str
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    group: str = ""  # the Dagster asset group: where the table sits in the flow
    per_document: bool = False  # built one document at a time (cached by content hash)

    def schema(self) -> pa.DataFrameSchema:
        """The Pandera schema of the model, with the primary key as its uniqueness constraint."""
        return _schema(self.name)


@cache
def _schema(name: str) -> pa.DataFrameSchema:
    spec = TABLES[name]
    schema = spec.model.to_schema()
    schema.unique = list(spec.primary_key)
    return schema


def _fk(fields: str, table: str, reference: str | None = None) -> ForeignKey:
    return ForeignKey(tuple(fields.split(",")), table, tuple((reference or fields).split(",")))


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        TableSpec("documents", Documents, "Resolutions", "One row per resolution, with its header fields and provenance.",
                  ("document_id",), group="structure", per_document=True),
        TableSpec("paragraphs", Paragraphs, "Paragraphs",
                  "One row per preambular, operative or annex paragraph; sub-items (a), (i) and headings are rows of their own.",
                  ("paragraph_id",), (_fk("document_id", "documents"),
                                      _fk("parent_paragraph_id", "paragraphs", "paragraph_id")), group="structure", per_document=True),
        TableSpec("footnotes", Footnotes, "Footnotes", "One row per footnote, linked to the paragraph holding its marker.",
                  ("document_id", "footnote_number"),
                  (_fk("document_id", "documents"), _fk("paragraph_id", "paragraphs")), group="structure", per_document=True),
        TableSpec("verbs", Verbs, "Verb lexicon", "One row per verb lemma of the lexicon, with its category and strength.",
                  ("verb",), group="lexicons"),
        TableSpec("clauses", Clauses, "Operative clauses",
                  "One row per operative main verb: the lead verb and each further coordinated verb.",
                  ("clause_id",), (_fk("document_id", "documents"), _fk("paragraph_id", "paragraphs"),
                                   _fk("verb", "verbs")), group="extract", per_document=True),
        TableSpec("actors", Actors, "Actors", "One row per actor: every actor of the lexicon, with its kind and aliases, "
                  "and every actor the addressee grammar found outside it (in_lexicon false, its kind guessed from "
                  "the head noun).", ("actor_id",), group="extract"),
        TableSpec("actor_mentions", ActorMentions, "Actor mentions",
                  "One row per actor named in a paragraph; addressees are linked to the clause addressing them.",
                  ("mention_id",), (_fk("document_id", "documents"), _fk("paragraph_id", "paragraphs"),
                                    _fk("clause_id", "clauses"), _fk("actor_id", "actors")), group="extract", per_document=True),
        TableSpec("instruments", Instruments, "Cited instruments",
                  "One row per resolution, document, treaty or named instrument cited anywhere in the corpus.",
                  ("instrument_id",), group="extract", per_document=True),
        TableSpec("citations", Citations, "Citations", "One row per mention of an instrument, inline, in a footnote or in the header.",
                  ("citation_id",), (_fk("document_id", "documents"), _fk("paragraph_id", "paragraphs"),
                                     _fk("instrument_id", "instruments"), _fk("cited_document_id", "documents", "document_id")), group="extract", per_document=True),
        TableSpec("instrument_graph", InstrumentGraph, "Citation graph",
                  "One row per (citing resolution, cited instrument) pair with citation counts; load it in networkx or DuckDB.",
                  ("citing_document_id", "instrument_id"),
                  (_fk("citing_document_id", "documents", "document_id"), _fk("instrument_id", "instruments"),
                   _fk("cited_document_id", "documents", "document_id")), group="extract"),
        TableSpec("deadlines", Deadlines, "Deadlines",
                  "One row per time-bound obligation or scheduled event in an operative paragraph.",
                  ("deadline_id",), (_fk("document_id", "documents"), _fk("paragraph_id", "paragraphs"),
                                     _fk("clause_id", "clauses"), _fk("actor_id", "actors")), group="extract", per_document=True),
        TableSpec("mandates", Mandates, "Mandates",
                  "One row per clause requesting or directing action by a UN entity, with its deadline and recurrence.",
                  ("mandate_id",), (_fk("document_id", "documents"), _fk("clause_id", "clauses"),
                                    _fk("actor_id", "actors"), _fk("deadline_id", "deadlines")), group="extract"),
        TableSpec("document_forms", DocumentForms, "Forms of each resolution",
                  "One row per input form of a resolution (XML, PDF, PDF text, compilation text, a user's text): which one is "
                  "published, and how far each other form agrees with it.",
                  ("document_id", "source", "member"), (_fk("document_id", "documents"),), group="structure"),
        TableSpec("votes", Votes, "Recorded votes", "One row per Member State's vote on a resolution adopted by a recorded vote.",
                  ("document_id", "member_state"), (_fk("document_id", "documents"), _fk("actor_id", "actors")), group="sidecars"),
        TableSpec("sponsors", Sponsors, "Sponsors", "One row per sponsor of a resolution's draft, as the source records it.",
                  ("document_id", "sponsor"), (_fk("document_id", "documents"), _fk("actor_id", "actors")), group="sidecars"),
        TableSpec("corpus_health", CorpusHealth, "Corpus health",
                  "One row per (source, measure): quarantines, residue, furniture left in text, paragraphs without a lead "
                  "verb, directive clauses without an addressee, numbering gaps, cross-form agreement.",
                  ("source", "measure"), group="measure"),
        TableSpec("quarantine", Quarantine, "Quarantined inputs",
                  "One row per input file that was not built into the tables, with the reason.", ("source_file",), group="structure"),
    ]
}
