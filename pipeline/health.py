"""Corpus health: the measures that scale beyond hand gold, per source, published with every release.

Each measure is a count over a denominator (e.g. operative paragraphs without a lead verb, over operative
paragraphs), so a drop shows as a changed row in CHANGES.md and can be compared across releases.
"""

from __future__ import annotations

import re

import polars as pl

from pipeline.tables import frame
from pipeline.text.addressees import OBJECT_LEAD_IN
from schemas.health import MEASURES

DIRECTIVE_CATEGORIES = ("exhortation", "request", "demand")  # the categories whose objects are addressees
_JOB_NUMBER = r"\b\d{2}-\d{5}\b"  # "05-59277": the document's print job number
_NOT_ADDRESSED = ("call for",)  # "calls for the release of ..." names an action, not an addressee
_THAT_CLAUSE = rf"^{OBJECT_LEAD_IN}that\b"  # "demands that ...", "demands once more that ...": its subject acts

def corpus_health(tables: dict[str, pl.DataFrame], meetings: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per (source, measure), plus the whole corpus as source 'all'. ``meetings`` are the Council's
    meeting records (raw_meeting_records), against which Council headers are checked."""
    documents = tables["documents"].select("document_id", "source")
    source_of = dict(documents.rows())
    rows: list[dict] = []

    def add(measure: str, counts: dict[str, int], totals: dict[str, int] | None = None) -> None:
        for source in sorted(set(counts) | set(totals or {})):
            rows.append({"source": source, "measure": measure, "count": counts.get(source, 0),
                         "total": (totals or {}).get(source)})
        rows.append({"source": "all", "measure": measure, "count": sum(counts.values()),
                     "total": sum((totals or {}).values()) if totals is not None else None})

    def by_source(ids: pl.Series) -> dict[str, int]:
        counted: dict[str, int] = {}
        for document_id in ids.to_list():
            source = source_of.get(document_id)
            if source is not None:
                counted[source] = counted.get(source, 0) + 1
        return counted

    forms, quarantine = tables["document_forms"], tables["quarantine"]
    inputs = _counts(forms["source"]) if forms.height else {}
    for source, count in _counts(quarantine["source"]).items():
        inputs[source] = inputs.get(source, 0) + count
    add("inputs", inputs)
    add("quarantined", _counts(quarantine["source"]), inputs)
    published = _counts(documents["source"])
    add("documents", published)
    add("other_forms", _counts(forms.filter(~pl.col("chosen"))["source"]))
    add("documents_with_residue", by_source(tables["documents"].filter(pl.col("n_residue_chars") > 0)["document_id"]),
        published)

    paragraphs = tables["paragraphs"]
    own_symbol = pl.col("text").str.contains(_JOB_NUMBER) | pl.col("text").str.contains(
        pl.col("document_id").map_elements(_symbol_pattern, return_dtype=pl.String))
    add("paragraphs_with_furniture", by_source(paragraphs.filter(own_symbol)["document_id"]),
        by_source(paragraphs["document_id"]))
    operative = paragraphs.filter((pl.col("section") == "operative") & (pl.col("kind") == "paragraph"))
    worded = leading_paragraphs(paragraphs)
    add("operative_without_lead_verb", by_source(worded.filter(pl.col("lead_verb").is_null())["document_id"]),
        by_source(worded["document_id"]))

    directive = directive_clauses(tables)
    addressed = tables["actor_mentions"].filter(pl.col("role") == "addressee")["clause_id"].unique()
    add("directive_clauses_without_addressee",
        by_source(directive.filter(~pl.col("clause_id").is_in(addressed.to_list()))["document_id"]),
        by_source(directive["document_id"]))

    numbered = operative.filter(pl.col("number").is_not_null()).group_by("document_id").agg(
        (pl.col("number").unique().sort() != pl.int_range(1, pl.col("number").n_unique() + 1)).any().alias("gap"))
    add("documents_with_numbering_gaps", by_source(numbered.filter("gap")["document_id"]), published)

    if meetings is not None and meetings.height:
        checked = _meeting_agreement(tables["documents"], meetings)
        add("header_agrees_with_meeting_records", by_source(checked.filter("agrees")["document_id"]),
            by_source(checked["document_id"]))

    other = forms.filter(~pl.col("chosen"))
    add("other_form_texts_equal", _sums(other, "n_texts_equal"), _sums(other, "n_paragraphs_shared"))

    return frame("corpus_health", [dict(row, description=MEASURES[row["measure"]],
                                        share=round(row["count"] / row["total"], 6) if row["total"] else None)
                                   for row in rows]).sort("source", "measure")


def _meeting_agreement(documents: pl.DataFrame, meetings: pl.DataFrame) -> pl.DataFrame:
    """Each Council resolution with a meeting record: does its header give the record's date and meeting?"""
    records = meetings.filter(pl.col("symbol").is_not_null()).unique("symbol", keep="first", maintain_order=True)
    joined = documents.join(records, left_on="document_id", right_on="symbol")
    return joined.select("document_id", ((pl.col("adopted_on") == pl.col("met_on"))
                                         & (pl.col("meeting") == pl.col("meeting_right"))).fill_null(False).alias("agrees"))


def leading_paragraphs(paragraphs: pl.DataFrame) -> pl.DataFrame:
    """Operative paragraphs that must open with a lead verb: not a paragraph with no words of its own whose
    items carry the leads ("58. (a) Requests …")."""
    containers = paragraphs["parent_paragraph_id"].drop_nulls().unique().to_list()
    operative = paragraphs.filter((pl.col("section") == "operative") & (pl.col("kind") == "paragraph"))
    return operative.filter((pl.col("text").str.strip_chars() != "") | ~pl.col("paragraph_id").is_in(containers))


def directive_clauses(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    verbs = tables["verbs"].filter(pl.col("category").cast(pl.String).is_in(DIRECTIVE_CATEGORIES))["verb"]
    clauses = tables["clauses"].filter(pl.col("verb").is_in(verbs.to_list()) & ~pl.col("verb").is_in(_NOT_ADDRESSED))
    texts = tables["paragraphs"].select("paragraph_id", "text")
    after = clauses.join(texts, on="paragraph_id").with_columns(
        pl.col("text").str.slice(pl.col("char_end"), 60).alias("_after"))
    return after.filter(~pl.col("_after").str.contains(_THAT_CLAUSE)).select("clause_id", "document_id")


def _symbol_pattern(document_id: str) -> str:
    """The document's own symbol as it is printed in a running header ("S/RES/1546 (2004)")."""
    return r"\b" + re.escape(document_id).replace(r"\(", r"\s*\(") + r"(?:\s|$)"


def _counts(values: pl.Series) -> dict[str, int]:
    return dict(values.value_counts().rows()) if values.len() else {}


def _sums(forms: pl.DataFrame, column: str) -> dict[str, int]:
    return dict(forms.group_by("source").agg(pl.col(column).sum()).rows()) if forms.height else {}
