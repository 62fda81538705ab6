"""Model of the corpus-health table: measures that scale beyond hand gold, per source."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

MEASURES = {
    "inputs": "inputs read from the source (files or archive members)",
    "quarantined": "inputs not built, over inputs (reasons in the quarantine table)",
    "documents": "resolutions published from the source",
    "other_forms": "inputs that are a second form of a resolution published from another input",
    "documents_with_residue": "resolutions with body text placed nowhere, over resolutions",
    "paragraphs_with_furniture": "paragraph rows holding a print job number or their own document symbol, over paragraph rows",
    "operative_without_lead_verb": "numbered or unnumbered operative paragraphs without a lead verb, over operative paragraphs (a paragraph "
                                   "with no words of its own, only items, '58. (a) Requests …', aside)",
    "directive_clauses_without_addressee": "clauses of a directive verb (exhortation, request, demand; 'call for' and "
                                           "that-clauses aside) with no addressee, over those clauses",
    "documents_with_numbering_gaps": "resolutions whose operative numbers do not run 1, 2, 3 ..., over resolutions",
    "header_agrees_with_meeting_records": "Council resolutions whose adoption date and meeting equal the Council's "
                                          "meeting records (sc-pdftext sidecar), over those with a record",
    "other_form_texts_equal": "paragraph texts of the other forms equal to the published form's, over paragraphs both have",
}


class CorpusHealth(pa.DataFrameModel):
    source: str = pa.Field(description="Source of the resolutions measured (documents.source), or 'all' for the whole corpus.")
    measure: pl.Categorical = pa.Field(isin=list(MEASURES), description="What is counted: " + "; ".join(f"{k} ({v})" for k, v in MEASURES.items()) + ".")
    description: str = pa.Field(description="The measure in words.")
    count: pl.Int64 = pa.Field(ge=0, description="How many.")
    total: pl.Int64 = pa.Field(nullable=True, ge=0, description="Out of how many (null for a plain count).")
    share: pl.Float64 = pa.Field(nullable=True, ge=0, le=1, description="count / total.")

    class Config:
        strict = True
