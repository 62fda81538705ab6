"""From parsed resolutions to typed Polars frames, one per published table.

The functions here turn the records of ``pipeline/text`` into frames whose columns and dtypes
come from the Pandera models in ``schemas/`` (the single source); the Dagster assets only call
them. Offsets of clauses, mentions and deadlines are into ``paragraphs.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import polars as pl

from pipeline import lexicons
from pipeline.text import actors as actor_text
from pipeline.text import clauses as clause_text
from pipeline.text import dates as date_text
from pipeline.text import symbols as symbol_text
from pipeline.text.binding import binding_deadline
from pipeline.text.model import ParsedResolution
from schemas import TABLES


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


# --- rows of one document ------------------------------------------------------------


def document_tables(parsed: ParsedResolution, digest: str) -> dict[str, list[dict]]:
    """The rows one parsed resolution contributes to each per-document table."""
    document = _document_row(parsed, digest)
    paragraphs = _paragraph_rows(parsed)
    footnotes = _footnote_rows(parsed)
    return {"documents": [document], "paragraphs": paragraphs, "footnotes": footnotes,
            **_extract_document(document, paragraphs, footnotes)}


def _document_row(parsed: ParsedResolution, digest: str) -> dict:
    header = parsed.header
    top = [p for p in parsed.paragraphs if p.kind == "paragraph"]
    return {
        "document_id": header.document_id, "body": header.body, "resolution_number": header.resolution_number,
        "session": header.session, "title": header.title, "adopted_on": header.adopted_on,
        "distributed_on": header.distributed_on, "agenda_items": header.agenda_items,
        "draft_symbol": header.draft_symbol, "committee": header.committee, "meeting": header.meeting,
        "vote": header.vote, "text_form": parsed.form, "source_sha256": digest,
        "n_preamble": sum(p.section == "preamble" for p in top),
        "n_operative": sum(p.section == "operative" for p in top),
        "n_footnotes": len(parsed.footnotes),
        "n_residue_chars": sum(len(re.sub(r"\s", "", text)) for _, _, text in parsed.residue),
    }


def _paragraph_rows(parsed: ParsedResolution) -> list[dict]:
    rows = []
    for paragraph, lead in zip(parsed.paragraphs, clause_text.document_leads(parsed.paragraphs), strict=True):
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
    return frame("verbs", ({"verb": v.verb, "section": v.section, "category": v.category, "strength": v.strength}
                           for v in lexicons.verbs())).sort("verb")


def actors_table(actor_mentions: pl.DataFrame | None = None) -> pl.DataFrame:
    """The lexicon's actors, and those the grammar found outside it (``in_lexicon`` false) in ``actor_mentions``."""
    rows = [{"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases), "in_lexicon": True}
            for a in lexicons.actors()]
    known = {row["actor_id"] for row in rows}
    if actor_mentions is not None:
        unknown = actor_mentions.filter(~pl.col("actor_id").is_in(list(known)))
        for actor_id, surfaces in unknown.group_by("actor_id").agg("surface").rows():
            name, kind = actor_text.discovered_actor(actor_id, surfaces)
            rows.append({"actor_id": actor_id, "name": name, "kind": kind, "aliases": [], "in_lexicon": False})
    return frame("actors", rows).sort("actor_id")


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
    document_id = document["document_id"]
    body = lexicons.resolve_body(document["body"])  # once, not in every paragraph's finders
    out: dict[str, list[dict]] = {"clauses": [], "actor_mentions": [], "citations": [], "deadlines": [], "instruments": []}
    finder = actor_text.DocumentActors(document_id)  # "the Committee", "him": what earlier paragraphs named
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
        for position, mention in enumerate(finder.find(text, found), start=1):
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
            expressions = date_text.find_time_expressions(text, adopted_on=document["adopted_on"], body=body,
                                                           session=document["session"])
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


def build_mandates(clauses: pl.DataFrame, mentions: pl.DataFrame, deadlines: pl.DataFrame,
                   actors: pl.DataFrame, paragraphs: pl.DataFrame) -> pl.DataFrame:
    """Clauses addressed to a UN entity, with their binding deadline (pipeline/text/binding.py) and any recurrence."""
    reporting = re.compile(r"\b(?:" + "|".join(re.escape(r.term) for r in lexicons.reporting_terms()) + r")", re.IGNORECASE)
    un_actors = actors.filter(pl.col("kind").cast(pl.String).is_in(lexicons.UN_ACTOR_KINDS)).select("actor_id")
    addressed = (
        mentions.filter(pl.col("role") == "addressee")
        .join(un_actors, on="actor_id")
        .select("clause_id", "actor_id")
        .unique(maintain_order=True)
    )
    by_clause: dict[str, list[dict]] = {}
    for row in deadlines.filter(pl.col("clause_id").is_not_null()).iter_rows(named=True):
        by_clause.setdefault(row["clause_id"], []).append(row)
    binding = [(clause_id, chosen["deadline_id"], chosen["date_end"]) for clause_id, rows in by_clause.items()
               if (chosen := binding_deadline(rows))]
    first_deadline = pl.DataFrame(binding, schema={"clause_id": pl.String, "deadline_id": pl.String,
                                                   "date_end": pl.Date}, orient="row")
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
