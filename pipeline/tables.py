"""From parsed resolutions to typed Polars frames, one per published table.

The functions here turn the records of ``pipeline/text`` into frames whose columns and dtypes
come from the Pandera models in ``schemas/`` (the single source); the Dagster assets only call
them. Offsets of clauses, mentions and deadlines are into ``paragraphs.text``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from pipeline.lexicons import load
from pipeline.parallel import map_batches
from pipeline.text import actors as actor_text
from pipeline.text import clauses as clause_text
from pipeline.text import dates as date_text
from pipeline.text import symbols as symbol_text
from pipeline.text.ingest import InputRejected, decode_resolution
from pipeline.text.structure import ParsedResolution, ResolutionRejected, parse_resolution
from schemas import TABLES

if TYPE_CHECKING:
    from pipeline.cache import DocumentCache


def empty_frame(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(table))


def polars_schema(table: str) -> dict[str, pl.DataType]:
    """Column dtypes of a published table, read off its Pandera model."""
    columns = TABLES[table].model.to_schema().columns
    return {name: column.dtype.type for name, column in columns.items()}


def frame(table: str, rows: Iterable[dict]) -> pl.DataFrame:
    schema = polars_schema(table)
    rows = list(rows)
    if not rows:
        return pl.DataFrame(schema=schema)
    strings = {name: (pl.String if dtype == pl.Categorical else dtype) for name, dtype in schema.items()}
    built = pl.DataFrame(rows, schema=strings, orient="row" if isinstance(rows[0], tuple) else None)
    return built.cast(schema)  # type: ignore[arg-type]


# --- ingest ------------------------------------------------------------------------------


def read_raw_documents(raw_dir: Path) -> pl.DataFrame:
    """One row per input file: name, hash, size, decoded text or the reason it was not decoded."""
    rows = []
    for path in sorted(p for p in raw_dir.iterdir() if p.is_file() and not p.name.startswith(".")):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        try:
            text, encoding = decode_resolution(data, path.name)
            rows.append({"source_file": path.name, "source_sha256": digest, "n_bytes": len(data),
                         "encoding": encoding, "text": text, "reason": None, "detail": None})
        except InputRejected as error:
            rows.append({"source_file": path.name, "source_sha256": digest, "n_bytes": len(data),
                         "encoding": None, "text": None, "reason": error.reason, "detail": str(error)})
    return pl.DataFrame(rows, schema={"source_file": pl.String, "source_sha256": pl.String, "n_bytes": pl.Int64,
                                      "encoding": pl.String, "text": pl.String, "reason": pl.String,
                                      "detail": pl.String})


# --- the corpus: per-document work, then what needs every document ---------------------------

# Tables built one document at a time: what the cache stores and the workers return.
PER_DOCUMENT_TABLES = ("documents", "paragraphs", "footnotes", "clauses", "actor_mentions", "citations",
                       "deadlines", "instruments")
# A parse outcome per built input: its document id, or why it is not a resolution.
_OUTCOME_SCHEMA = {"source_sha256": pl.String, "document_id": pl.String, "reason": pl.String, "message": pl.String}


@dataclass(frozen=True)
class SourceText:
    source_file: str
    source_sha256: str
    text: str


@dataclass
class CorpusPlan:
    """What to build: one decodable text per distinct content, and the inputs already quarantined."""

    to_build: list[SourceText]
    quarantine: list[dict]


@dataclass
class DocumentTables:
    """The per-document rows of some documents, keyed by content hash so that they can be cached.

    Every frame has ``_source_sha256`` and ``_row`` (document order) besides its published columns;
    ``documents.source_file`` is left empty because the same content may come under another name.
    """

    outcomes: pl.DataFrame
    tables: dict[str, pl.DataFrame]

    @staticmethod
    def concat(parts: Iterable[DocumentTables]) -> DocumentTables:
        parts = list(parts)
        return DocumentTables(
            outcomes=pl.concat([part.outcomes for part in parts] or [pl.DataFrame(schema=_OUTCOME_SCHEMA)]),
            tables={table: pl.concat([part.tables[table] for part in parts] or [_keyed_frame(table, [])])
                    for table in PER_DOCUMENT_TABLES},
        )

    def select(self, digests: Iterable[str]) -> DocumentTables:
        wanted = pl.col("source_sha256").is_in(list(digests))
        keyed = pl.col("_source_sha256").is_in(list(digests))
        return DocumentTables(self.outcomes.filter(wanted), {t: f.filter(keyed) for t, f in self.tables.items()})


def plan_corpus(raw_documents: pl.DataFrame) -> CorpusPlan:
    """Undecodable inputs and byte-for-byte duplicates are quarantined before any parsing."""
    quarantine: list[dict] = []
    to_build: list[SourceText] = []
    first_file_of_hash: dict[str, str] = {}
    for row in raw_documents.iter_rows(named=True):
        name, digest = row["source_file"], row["source_sha256"]
        if row["text"] is None:
            quarantine.append({"source_file": name, "source_sha256": digest, "reason": row["reason"], "detail": row["detail"]})
        elif digest in first_file_of_hash:
            quarantine.append({"source_file": name, "source_sha256": digest, "reason": "duplicate",
                               "detail": f"{name}: same bytes as {first_file_of_hash[digest]}; kept that one"})
        else:
            first_file_of_hash[digest] = name
            to_build.append(SourceText(name, digest, row["text"]))
    return CorpusPlan(to_build, quarantine)


def build_documents(sources: Sequence[SourceText]) -> DocumentTables:
    """Parse and extract each text on its own (in a worker process for large corpora)."""
    outcomes: list[dict] = []
    rows: dict[str, list[dict]] = {table: [] for table in PER_DOCUMENT_TABLES}
    for source in sources:
        try:
            parsed = parse_resolution(source.text)
        except ResolutionRejected as error:
            outcomes.append({"source_sha256": source.source_sha256, "document_id": None, "reason": error.reason,
                             "message": str(error)})
            continue
        outcomes.append({"source_sha256": source.source_sha256, "document_id": parsed.header.document_id,
                         "reason": None, "message": None})
        document = _document_row(parsed, None, source.source_sha256)
        paragraphs = _paragraph_rows(parsed)
        footnotes = _footnote_rows(parsed)
        document_rows = {"documents": [document], "paragraphs": paragraphs, "footnotes": footnotes,
                         **_extract_document(document, paragraphs, footnotes)}
        for table, table_rows in document_rows.items():
            rows[table].extend(dict(row, _source_sha256=source.source_sha256, _row=position)
                               for position, row in enumerate(table_rows))
    return DocumentTables(pl.DataFrame(outcomes, schema=_OUTCOME_SCHEMA),
                          {table: _keyed_frame(table, table_rows) for table, table_rows in rows.items()})


def _keyed_frame(table: str, rows: list[dict]) -> pl.DataFrame:
    if table in ("instruments", "citations"):  # cited_document_id is known only once every document is in
        built = frame(table, [dict(row, cited_document_id=None) for row in rows]).drop("cited_document_id")
    else:
        built = frame(table, rows)
    return built.with_columns(pl.Series("_source_sha256", [row["_source_sha256"] for row in rows], pl.String),
                              pl.Series("_row", [row["_row"] for row in rows], pl.Int32))


def assemble_corpus(plan: CorpusPlan, built: DocumentTables) -> dict[str, pl.DataFrame]:
    """Every published table from the per-document rows: drop inputs that are not resolutions or
    repeat a document already built, then link citations to documents in the corpus."""
    quarantine = list(plan.quarantine)
    outcome_of = {row["source_sha256"]: row for row in built.outcomes.iter_rows(named=True)}
    kept: dict[str, str] = {}  # content hash -> input file
    file_of_document: dict[str, str] = {}
    for source in plan.to_build:
        name, digest = source.source_file, source.source_sha256
        outcome = outcome_of[digest]
        if outcome["reason"] is not None:
            quarantine.append({"source_file": name, "source_sha256": digest, "reason": outcome["reason"],
                               "detail": f"{name}: {outcome['message']}; quarantined"})
        elif outcome["document_id"] in file_of_document:
            quarantine.append({"source_file": name, "source_sha256": digest, "reason": "duplicate",
                               "detail": f"{name}: {outcome['document_id']} is already built from "
                                         f"{file_of_document[outcome['document_id']]}; kept that one"})
        else:
            file_of_document[outcome["document_id"]] = name
            kept[digest] = name
    document_of = {digest: outcome_of[digest]["document_id"] for digest in kept}
    tables = {
        table: frame.filter(pl.col("_source_sha256").is_in(list(kept)))
        .with_columns(pl.col("_source_sha256").replace_strict(document_of, return_dtype=pl.String).alias("_document"))
        .sort("_document", "_row")
        for table, frame in built.tables.items()
    }
    tables["documents"] = tables["documents"].with_columns(
        pl.col("_source_sha256").replace_strict(kept, return_dtype=pl.String).alias("source_file"))
    tables = {table: frame.drop("_source_sha256", "_row", "_document") for table, frame in tables.items()}
    in_corpus = pl.col("instrument_id").is_in(list(file_of_document))
    cited_document = pl.when(in_corpus).then(pl.col("instrument_id")).otherwise(None).alias("cited_document_id")
    tables["instruments"] = (tables["instruments"].unique("instrument_id", keep="first", maintain_order=True)
                             .with_columns(cited_document).sort("instrument_id"))
    tables["citations"] = tables["citations"].with_columns(cited_document)
    tables["footnotes"] = tables["footnotes"].sort("document_id", "footnote_number")
    actors = actors_table()
    return {
        **tables,
        "quarantine": frame("quarantine", quarantine).sort("source_file"),
        "verbs": verbs_table(),
        "actors": actors,
        "instrument_graph": build_instrument_graph(tables["citations"]),
        "mandates": build_mandates(tables["clauses"], tables["actor_mentions"], tables["deadlines"], actors,
                                   tables["paragraphs"]),
    }


def build_corpus(raw_documents: pl.DataFrame, cache: DocumentCache | None = None,
                 workers: int | None = None) -> dict[str, pl.DataFrame]:
    """Every published table from the raw inputs: what the Dagster graph does, in one call."""
    plan = plan_corpus(raw_documents)
    cached, missing = lookup(plan, cache)
    built = map_batches(build_documents, missing, workers)
    if cache is not None:
        for part in built:
            cache.store(part)
    return assemble_corpus(plan, DocumentTables.concat([cached, *built]))


def lookup(plan: CorpusPlan, cache: DocumentCache | None) -> tuple[DocumentTables, list[SourceText]]:
    """The cached rows of the planned texts, and the texts still to build."""
    if cache is None:
        return DocumentTables.concat([]), list(plan.to_build)
    cached = cache.load({source.source_sha256 for source in plan.to_build})
    have = set(cached.outcomes["source_sha256"].to_list())
    return cached, [source for source in plan.to_build if source.source_sha256 not in have]


# --- rows of one document ------------------------------------------------------------


def _document_row(parsed: ParsedResolution, name: str | None, digest: str) -> dict:
    header = parsed.header
    top = [p for p in parsed.paragraphs if p.kind == "paragraph"]
    return {
        "document_id": header.document_id, "body": header.body, "resolution_number": header.resolution_number,
        "session": header.session, "title": header.title, "adopted_on": header.adopted_on,
        "distributed_on": header.distributed_on, "agenda_items": header.agenda_items,
        "draft_symbol": header.draft_symbol, "committee": header.committee, "meeting": header.meeting,
        "vote": header.vote, "text_form": parsed.form, "source_file": name, "source_sha256": digest,
        "n_preamble": sum(p.section == "preamble" for p in top),
        "n_operative": sum(p.section == "operative" for p in top),
        "n_footnotes": len(parsed.footnotes),
        "n_residue_chars": sum(len(re.sub(r"\s", "", text)) for _, _, text in parsed.residue),
    }


def _paragraph_rows(parsed: ParsedResolution) -> list[dict]:
    rows = []
    for paragraph in parsed.paragraphs:
        lead = None
        if paragraph.kind != "heading":
            lead = clause_text.find_lead(paragraph.text, paragraph.section)
        rows.append({
            "paragraph_id": paragraph.paragraph_id, "document_id": parsed.header.document_id,
            "section": paragraph.section, "kind": paragraph.kind, "ordinal": paragraph.ordinal,
            "number": paragraph.number, "item": paragraph.item, "parent_paragraph_id": paragraph.parent_paragraph_id,
            "lead_phrase": lead.phrase if lead else None, "lead_verb": lead.verb if lead else None,
            "lead_modifier": lead.modifier if lead else None, "text": paragraph.text,
            "char_start": paragraph.char_start, "char_end": paragraph.char_end,
            "n_words": len(paragraph.text.split()),
        })
    return rows


def _footnote_rows(parsed: ParsedResolution) -> list[dict]:
    rows, numbers = [], set()
    for footnote in parsed.footnotes:
        if footnote.number in numbers:
            continue  # a repeated number is an OCR artefact; the first entry stands
        numbers.add(footnote.number)
        rows.append({
            "document_id": parsed.header.document_id, "footnote_number": footnote.number,
            "paragraph_id": footnote.paragraph_id, "text": footnote.text,
            "char_start": footnote.char_start, "char_end": footnote.char_end,
        })
    return rows


def verbs_table() -> pl.DataFrame:
    return frame("verbs", ({"verb": r["verb"], "section": r["section"], "category": r["category"],
                            "strength": int(r["strength"])} for r in load("verbs"))).sort("verb")


def actors_table() -> pl.DataFrame:
    return frame("actors", ({"actor_id": r["actor_id"], "name": r["name"], "kind": r["kind"],
                             "aliases": [a.strip() for a in r["aliases"].split("|") if a.strip()]}
                            for r in load("actors"))).sort("actor_id")


def build_instrument_graph(citations: pl.DataFrame) -> pl.DataFrame:
    """Citing resolution -> cited instrument, with counts: the corpus as a citation network."""
    graph = (
        citations.group_by("document_id", "instrument_id")
        .agg(pl.col("cited_document_id").first(), pl.len().alias("n_citations"),
             pl.col("paragraph_id").drop_nulls().n_unique().alias("n_paragraphs"))
        .rename({"document_id": "citing_document_id"})
        .sort("citing_document_id", "instrument_id")
    )
    return graph.select(list(polars_schema("instrument_graph"))).cast(polars_schema("instrument_graph"))  # type: ignore[arg-type]


def _extract_document(document: dict, paragraphs: list[dict], footnotes: list[dict]) -> dict[str, list[dict]]:
    """Extraction rows of one document."""
    document_id, body = document["document_id"], document["body"]
    out: dict[str, list[dict]] = {"clauses": [], "actor_mentions": [], "citations": [], "deadlines": [], "instruments": []}
    for paragraph in paragraphs:
        pid, text = paragraph["paragraph_id"], paragraph["text"]
        found = []
        if paragraph["section"] != "preamble" and paragraph["kind"] != "heading":
            found = clause_text.find_clauses(text)
        for clause in found:
            out["clauses"].append({
                "clause_id": f"{pid}:c{clause.index}", "document_id": document_id, "paragraph_id": pid,
                "clause_index": clause.index, "verb_phrase": clause.verb_phrase, "verb": clause.verb,
                "modifier": clause.modifier, "is_lead": clause.is_lead, "char_start": clause.start, "char_end": clause.end,
            })
        addressees: dict[int, list[str]] = {}
        for position, mention in enumerate(actor_text.find_actor_mentions(text, found), start=1):
            clause_id = f"{pid}:c{mention.clause_index}" if mention.clause_index is not None else None
            out["actor_mentions"].append({
                "mention_id": f"{pid}:m{position}", "document_id": document_id, "paragraph_id": pid,
                "clause_id": clause_id, "actor_id": mention.actor_id, "surface": mention.surface, "role": mention.role,
                "char_start": mention.start, "char_end": mention.end,
            })
            if mention.clause_index is not None and mention.role == "addressee":
                addressees.setdefault(mention.clause_index, []).append(mention.actor_id)
        for position, ref in enumerate(symbol_text.find_instrument_refs(text, body=body), start=1):
            if ref.instrument_id == document_id:
                continue
            out["citations"].append(_citation(f"{pid}:r{position}", document_id, pid, ref, "text", None))
            out["instruments"].append(_instrument(ref))
        if paragraph["section"] == "operative" and paragraph["kind"] != "heading":
            expressions = date_text.find_time_expressions(text, adopted_on=document["adopted_on"], body=body)
            for position, expression in enumerate(expressions, start=1):
                clause = _clause_at(found, expression.start)
                actors = addressees.get(clause.index, []) if clause else []
                out["deadlines"].append({
                    "deadline_id": f"{pid}:d{position}", "document_id": document_id, "paragraph_id": pid,
                    "clause_id": f"{pid}:c{clause.index}" if clause else None, "kind": expression.kind,
                    "surface": expression.surface, "date_start": expression.date_start, "date_end": expression.date_end,
                    "session": expression.session, "recurrence": expression.recurrence,
                    "actor_id": actors[0] if actors else None, "char_start": expression.start, "char_end": expression.end,
                })
    for footnote in footnotes:
        for position, ref in enumerate(symbol_text.find_instrument_refs(footnote["text"], body=body), start=1):
            citation_id = f"{document_id}:fn{footnote['footnote_number']}:r{position}"
            out["citations"].append(_citation(citation_id, document_id, footnote["paragraph_id"], ref,
                                              "footnote", footnote["footnote_number"]))
            out["instruments"].append(_instrument(ref))
    if document["draft_symbol"]:
        symbol = symbol_text.canonical_symbol(document["draft_symbol"]) or document["draft_symbol"]
        out["citations"].append({
            "citation_id": f"{document_id}:header:r1", "document_id": document_id, "paragraph_id": None,
            "instrument_id": symbol, "surface": document["draft_symbol"], "via": "header",
            "footnote_number": None, "pinpoint": None,
        })
        out["instruments"].append({"instrument_id": symbol, "kind": "document", "symbol": symbol, "name": None, "year": None})
    return out


def _clause_at(clauses: list, offset: int):
    chosen = None
    for clause in clauses:
        if clause.start <= offset:
            chosen = clause
    return chosen


def _citation(citation_id: str, document_id: str, paragraph_id: str | None, ref, via: str, footnote: int | None) -> dict:
    return {"citation_id": citation_id, "document_id": document_id, "paragraph_id": paragraph_id,
            "instrument_id": ref.instrument_id, "surface": ref.surface, "via": via,
            "footnote_number": footnote, "pinpoint": ref.pinpoint}


def _instrument(ref) -> dict:
    return {"instrument_id": ref.instrument_id, "kind": ref.kind, "symbol": ref.symbol, "name": ref.name, "year": ref.year}


_UN_KINDS = ("un_principal_organ", "un_secretariat", "un_entity", "un_subsidiary_body")


def build_mandates(clauses: pl.DataFrame, mentions: pl.DataFrame, deadlines: pl.DataFrame,
                   actors: pl.DataFrame, paragraphs: pl.DataFrame) -> pl.DataFrame:
    """Clauses addressed to a UN entity, with their first deadline and any recurrence."""
    reporting = re.compile(r"\b(?:" + "|".join(re.escape(r["term"]) for r in load("reporting_terms")) + r")", re.IGNORECASE)
    un_actors = actors.filter(pl.col("kind").cast(pl.String).is_in(_UN_KINDS)).select("actor_id")
    addressed = (
        mentions.filter(pl.col("role") == "addressee")
        .join(un_actors, on="actor_id")
        .select("clause_id", "actor_id")
        .unique(maintain_order=True)
    )
    first_deadline = (
        deadlines.filter(pl.col("kind") != "recurring").group_by("clause_id", maintain_order=True)
        .agg(pl.col("deadline_id").first(), pl.col("date_end").first())
    )
    recurrence = (
        deadlines.filter(pl.col("kind") == "recurring").group_by("clause_id", maintain_order=True)
        .agg(pl.col("recurrence").first())
    )
    texts = paragraphs.select("paragraph_id", "text")
    rows = (
        addressed.join(clauses.select("clause_id", "document_id", "paragraph_id", "verb", "char_start"), on="clause_id")
        .join(first_deadline, on="clause_id", how="left")
        .join(recurrence, on="clause_id", how="left")
        .join(texts, on="paragraph_id", how="left")
    )
    records = []
    scope_by_clause = _clause_scopes(clauses)
    for row in rows.iter_rows(named=True):
        start, end = scope_by_clause[row["clause_id"]]
        records.append({
            "mandate_id": f"{row['clause_id']}:{row['actor_id']}", "document_id": row["document_id"],
            "paragraph_id": row["paragraph_id"], "clause_id": row["clause_id"], "verb": row["verb"],
            "actor_id": row["actor_id"], "deadline_id": row["deadline_id"], "date_end": row["date_end"],
            "recurrence": row["recurrence"], "reporting": bool(reporting.search(row["text"][start:end] if end else row["text"][start:])),
        })
    return frame("mandates", records).sort("mandate_id") if records else empty_frame("mandates")


def _clause_scopes(clauses: pl.DataFrame) -> dict[str, tuple[int, int | None]]:
    """Each clause runs from its verb to the next clause's verb in the same paragraph."""
    scoped = clauses.sort("paragraph_id", "clause_index").with_columns(
        pl.col("char_start").shift(-1).over("paragraph_id").alias("scope_end")
    )
    return {clause_id: (start, end) for clause_id, start, end in scoped.select("clause_id", "char_start", "scope_end").rows()}
