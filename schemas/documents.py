"""Models of the structural tables: documents, paragraphs, footnotes, and quarantined inputs."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

SECTIONS = ["preamble", "operative", "annex"]
BODIES = ["General Assembly", "Security Council", "Human Rights Council", "Economic and Social Council"]


class Documents(pa.DataFrameModel):
    document_id: str = pa.Field(unique=True, description="UN document symbol of the resolution, e.g. A/RES/72/284 or S/RES/1373(2001).")
    body: pl.Categorical = pa.Field(isin=BODIES, description="Adopting organ, from the 'The General Assembly,' opener.")
    resolution_number: str = pa.Field(nullable=True, description="Number as printed: '72/284', '1373 (2001)', '217 (III)'.")
    session: pl.Int32 = pa.Field(nullable=True, ge=1, description="Session number (GA/HRC) from the header or the resolution number.")
    title: str = pa.Field(nullable=True, description="Title printed after the resolution number.")
    adopted_on: pl.Date = pa.Field(nullable=True, description="Adoption date.")
    distributed_on: pl.Date = pa.Field(nullable=True, description="Distribution date ('Distr.: General').")
    agenda_items: pl.List(pl.String) = pa.Field(description="Agenda item numbers as printed, e.g. ['118'], ['101 (a)'].")
    draft_symbol: str = pa.Field(nullable=True, description="First symbol in the origin bracket: draft resolution (A/72/L.62) or committee report (A/72/907).")
    committee: str = pa.Field(nullable=True, description="Main Committee whose report the resolution was adopted on; null for plenary without reference to a Main Committee.")
    meeting: pl.Int32 = pa.Field(nullable=True, description="Number of the (plenary) meeting at which it was adopted.")
    vote: str = pa.Field(nullable=True, description="Adoption/vote line as printed (Security Council compilations), e.g. 'Adopted unanimously at the 2750th meeting.'")
    text_form: pl.Categorical = pa.Field(isin=["markdown", "pdf_text", "plain"], description="Form of the input text: markdown conversion, PDF text with page furniture, or plain text.")
    source_file: str = pa.Field(unique=True, description="Input file name under data/raw/.")
    source_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the input file's bytes.")
    n_preamble: pl.Int32 = pa.Field(ge=0, description="Number of preambular paragraphs.")
    n_operative: pl.Int32 = pa.Field(ge=0, description="Number of numbered or unnumbered operative paragraphs (sub-items and headings excluded).")
    n_footnotes: pl.Int32 = pa.Field(ge=0, description="Number of footnotes.")
    n_residue_chars: pl.Int32 = pa.Field(eq=0, description="Non-blank characters of the body not placed in a paragraph, footnote, header or page furniture (must be 0).")

    class Config:
        strict = True


class Paragraphs(pa.DataFrameModel):
    paragraph_id: str = pa.Field(unique=True, description="Document symbol + local id: ':pp3' preamble, ':op12' numbered operative, ':op12(a)' sub-item, ':opu1' unnumbered operative, ':h1' heading, ':annex:op2' annex.")
    document_id: str = pa.Field(description="Resolution the paragraph belongs to (documents.document_id).")
    section: pl.Categorical = pa.Field(isin=SECTIONS, description="preamble, operative or annex.")
    kind: pl.Categorical = pa.Field(isin=["paragraph", "item", "heading"], description="paragraph, sub-item ((a), (i)) or unnumbered heading.")
    ordinal: pl.Int32 = pa.Field(ge=1, description="Position of the row in document order, from 1.")
    number: pl.Int32 = pa.Field(nullable=True, ge=1, description="Printed paragraph number (operative and annex); the parent's number for sub-items.")
    item: str = pa.Field(nullable=True, description="Sub-item label without parentheses: 'a', 'ii'.")
    parent_paragraph_id: str = pa.Field(nullable=True, description="Paragraph (or sub-item) whose chapeau introduces this sub-item.")
    lead_phrase: str = pa.Field(nullable=True, description="Opening phrase as written: 'Recalling also', 'Takes note', 'Alarmed by'.")
    lead_verb: str = pa.Field(nullable=True, description="Lemma of the lead verb (verbs.verb): 'recall', 'take note', 'call upon'.")
    lead_modifier: str = pa.Field(nullable=True, description="Adverbial or adjectival modifier of the lead: 'also', 'further', 'with appreciation'; several joined by ';'.")
    text: str = pa.Field(description="Paragraph text with page breaks rejoined, footnote markers, markdown and the number label removed, whitespace normalised.")
    char_start: pl.Int64 = pa.Field(ge=0, description="Offset of the first character in the decoded source text.")
    char_end: pl.Int64 = pa.Field(ge=0, description="Offset after the last character in the decoded source text.")
    n_words: pl.Int32 = pa.Field(ge=0, description="Number of whitespace-separated words of text.")

    class Config:
        strict = True


class Footnotes(pa.DataFrameModel):
    document_id: str = pa.Field(description="Resolution (documents.document_id).")
    footnote_number: pl.Int32 = pa.Field(ge=0, description="Footnote number as printed.")
    paragraph_id: str = pa.Field(nullable=True, description="Paragraph where the footnote marker stands; null when the marker is in the closing vote line or was not found.")
    text: str = pa.Field(description="Footnote text, markdown removed and lines joined.")
    char_start: pl.Int64 = pa.Field(ge=0, description="Offset of the footnote entry in the decoded source text.")
    char_end: pl.Int64 = pa.Field(ge=0, description="Offset after the footnote entry in the decoded source text.")

    class Config:
        strict = True
        unique = ["document_id", "footnote_number"]


class Quarantine(pa.DataFrameModel):
    source_file: str = pa.Field(unique=True, description="Input file name under data/raw/.")
    source_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the input file's bytes.")
    reason: pl.Categorical = pa.Field(isin=["empty", "binary", "encoding", "not_a_resolution", "multiple_resolutions", "duplicate", "too_large"], description="Short reason code: empty, binary, encoding, not_a_resolution, multiple_resolutions, duplicate, too_large.")
    detail: str = pa.Field(description="What went wrong, where, and what to do.")

    class Config:
        strict = True
