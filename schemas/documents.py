"""Models of the structural tables: documents, paragraphs, footnotes, and quarantined inputs."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from pipeline.lexicons import issuing_bodies

SECTIONS = ["preamble", "operative", "annex"]
BODIES = [body.name for body in issuing_bodies()]  # from pipeline/lexicons/bodies.csv
FORMS = ["akn_xml", "pdf", "pdf_text", "compilation_text", "text"]
FORM_DESCRIPTION = ("Form of the input: akn_xml (the UN's Akoma Ntoso XML), pdf (an original PDF file), pdf_text "
                    "(the text layer of a PDF), compilation_text (OCR of the printed compilations) or text (a user's file).")
QUARANTINE_REASONS = {
    "empty": "the file holds nothing but white space",
    "binary": "NUL bytes or control characters: not text",
    "encoding": "neither UTF-8 (a stray invalid byte is named, not guessed), UTF-16 with a byte-order mark, nor cp1252; or a file name that is not UTF-8",
    "too_large": "more bytes than one resolution can hold",
    "not_a_file": "a symlink, folder or device in the raw directory",
    "unreadable": "a file or archive member that cannot be read (or changed while the corpus was built), or a form no reader knows",
    "not_a_pdf": "named or packed as a PDF but not one",
    "truncated": "a PDF cut short (no end-of-file marker)",
    "corrupt": "a PDF pdfium cannot open",
    "encrypted": "a PDF that needs a password",
    "no_text_layer": "a scanned PDF without text (needs OCR first)",
    "malformed_xml": "an XML file that is not well-formed",
    "not_english": "a text in another language (the tables are of English texts)",
    "not_a_resolution": "no opener, no resolution number, no operative part, or another kind of document",
    "presidential_statement": "a statement by the President of the Security Council, not a resolution",
    "not_adopted": "a draft resolution that was not adopted",
    "multiple_resolutions": "two resolutions in one file",
    "duplicate": "the same bytes as another input, or the same resolution again from the same source",
}


class Documents(pa.DataFrameModel):
    document_id: str = pa.Field(description="UN document symbol of the resolution, e.g. A/RES/72/284 or S/RES/1373(2001).")
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
    text_form: pl.Categorical = pa.Field(isin=["akn_xml", "markdown", "pdf_text", "plain"], description="Layout the parser read: Akoma Ntoso XML, markdown conversion, PDF text with page furniture, or plain text.")
    source: str = pa.Field(description="Source the published form came from: a source of data/sources/SOURCES.csv, or 'raw' for a file under data/raw/.")
    form: pl.Categorical = pa.Field(isin=FORMS, description=FORM_DESCRIPTION + " Other forms of the same resolution are in document_forms.")
    source_file: str = pa.Field(unique=True, description="Input the rows were read from: '<archive>/<member path>' for a source archive, the file name for data/raw/.")
    source_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the input file's bytes.")
    n_preamble: pl.Int32 = pa.Field(ge=0, description="Number of preambular paragraphs.")
    n_operative: pl.Int32 = pa.Field(ge=0, description="Number of numbered or unnumbered operative paragraphs (sub-items and headings excluded).")
    n_footnotes: pl.Int32 = pa.Field(ge=0, description="Number of footnotes.")
    n_residue_chars: pl.Int32 = pa.Field(eq=0, description="Non-blank characters of the body not placed in a paragraph, footnote, header or page furniture (must be 0).")

    class Config:
        strict = True


class Paragraphs(pa.DataFrameModel):
    paragraph_id: str = pa.Field(description="Document symbol + local id: ':pp3' preamble, ':op12' numbered operative, ':op12(a)' sub-item, ':opu1' unnumbered operative, ':h1' heading, ':annex:op2' annex, ':op(a)' lettered operative paragraph, ':A:op1' part A of a resolution in parts.")
    document_id: str = pa.Field(description="Resolution the paragraph belongs to (documents.document_id).")
    section: pl.Categorical = pa.Field(isin=SECTIONS, description="preamble, operative or annex.")
    kind: pl.Categorical = pa.Field(isin=["paragraph", "item", "heading"], description="paragraph, sub-item ((a), (i)) or unnumbered heading.")
    ordinal: pl.Int32 = pa.Field(ge=1, description="Position of the row in document order, from 1.")
    number: pl.Int32 = pa.Field(nullable=True, ge=1, description="Printed paragraph number (operative and annex); the parent's number for sub-items.")
    item: str = pa.Field(nullable=True, description="Sub-item label without parentheses: 'a', 'ii'; '•1', '•2' … for items printed without a label (bullets, dashes, unlabelled tasks under a chapeau), by position under their parent.")
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


class Quarantine(pa.DataFrameModel):
    source_file: str = pa.Field(description="Input not built: '<archive>/<member path>' or the file name under data/raw/.")
    source: str = pa.Field(description="Source of the input (data/sources/SOURCES.csv), or 'raw'.")
    form: pl.Categorical = pa.Field(nullable=True, isin=FORMS, description=FORM_DESCRIPTION + " Null when it could not be told.")
    source_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the input's bytes.")
    reason: pl.Categorical = pa.Field(isin=list(QUARANTINE_REASONS), description="Short reason code: " + "; ".join(f"{code} ({what})" for code, what in QUARANTINE_REASONS.items()) + ".")
    detail: str = pa.Field(description="What went wrong, where, and what to do.")

    class Config:
        strict = True


class DocumentForms(pa.DataFrameModel):
    document_id: str = pa.Field(description="Resolution (documents.document_id).")
    source: str = pa.Field(description="Source of this form (data/sources/SOURCES.csv), or 'raw'.")
    member: str = pa.Field(description="Path of the input inside its archive, or the file name under data/raw/.")
    source_file: str = pa.Field(unique=True, description="'<archive>/<member path>', or the file name under data/raw/.")
    form: pl.Categorical = pa.Field(isin=FORMS, description=FORM_DESCRIPTION)
    source_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the input's bytes.")
    chosen: bool = pa.Field(description="True for the form whose rows are published (precedence akn_xml > pdf > pdf_text > compilation_text > text).")
    n_paragraphs: pl.Int32 = pa.Field(ge=0, description="Paragraph rows this form gives.")
    n_paragraphs_shared: pl.Int32 = pa.Field(ge=0, description="Of those, rows whose paragraph_id the published form has too.")
    n_texts_equal: pl.Int32 = pa.Field(ge=0, description="Of the shared rows, those with the same text as the published form (white space aside).")
    n_lead_verbs_equal: pl.Int32 = pa.Field(ge=0, description="Of the shared rows, those with the same lead verb as the published form.")
    n_citations: pl.Int32 = pa.Field(ge=0, description="Distinct instruments this form cites.")
    n_citations_shared: pl.Int32 = pa.Field(ge=0, description="Of those, instruments the published form cites too.")

    class Config:
        strict = True


class Votes(pa.DataFrameModel):
    document_id: str = pa.Field(description="Resolution (documents.document_id).")
    member_state: str = pa.Field(description="Member State as the source prints it, e.g. 'UNITED KINGDOM'.")
    actor_id: str = pa.Field(nullable=True, description="The Member State in the actor lexicon (actors.actor_id); null when its name is not there.")
    vote: pl.Categorical = pa.Field(isin=["yes", "no", "abstain"], description="yes (in favour), no (against) or abstain, in a recorded vote.")
    source: str = pa.Field(description="Where the vote is recorded: '<archive>/<member path>' of the source's data extract.")

    class Config:
        strict = True


class Sponsors(pa.DataFrameModel):
    document_id: str = pa.Field(description="Resolution (documents.document_id).")
    sponsor: str = pa.Field(description="Sponsor as the source prints it: a Member State ('FRANCE') or another proposer ('submitted by the President of the Council').")
    actor_id: str = pa.Field(nullable=True, description="The sponsor in the actor lexicon (actors.actor_id); null when its name is not there.")
    additional: bool = pa.Field(description="True when the sponsor joined after the draft was issued (additional sponsors).")
    source: str = pa.Field(description="Where the sponsorship is recorded: '<archive>/<member path>' of the source's data extract.")

    class Config:
        strict = True
