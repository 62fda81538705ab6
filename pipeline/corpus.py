"""The corpus: per-document work (cacheable, parallel), then what needs every document at once.

``plan_corpus`` sets aside unreadable inputs and byte-identical copies; ``build_documents`` parses and
extracts each input on its own; ``assemble_corpus`` chooses, for each resolution that came in several
forms, the one to publish (Akoma Ntoso XML > PDF > PDF text > compilation text > a user's text, unless
told otherwise), records every form in ``document_forms`` with its agreement with the published one, and
links the documents to one another.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import polars as pl

from pipeline.health import corpus_health
from pipeline.parallel import map_batches
from pipeline.sources import FORMS, USER_SOURCE, input_bytes
from pipeline.tables import (
    actors_table,
    build_instrument_graph,
    build_mandates,
    document_tables,
    frame,
    verbs_table,
)
from pipeline.text.ingest import InputRejected, decode_resolution
from pipeline.text.model import ResolutionRejected
from pipeline.text.readers import read_resolution
from schemas import TABLES

# Tables built one document at a time: what the cache stores and the workers return.
PER_DOCUMENT_TABLES = tuple(name for name, spec in TABLES.items() if spec.per_document)
# A parse outcome per built input: its document id, or why it is not a resolution.
_OUTCOME_SCHEMA = {"source_sha256": pl.String, "document_id": pl.String, "reason": pl.String, "message": pl.String}


@dataclass(frozen=True)
class SourceText:
    """Where one input to build is: its bytes are read by the step that parses it."""

    source: str
    source_file: str
    member: str
    source_sha256: str
    form: str
    location: str
    archived: bool
    n_bytes: int = 0  # what the parallel build orders its work by


@dataclass
class CorpusPlan:
    """What to build: one readable input per distinct content, the inputs already quarantined, and copies:
    the same bytes again from another source (a second place the resolution is kept), built once."""

    to_build: list[SourceText]
    quarantine: list[dict]
    copies: list[SourceText] = field(default_factory=list)


@dataclass
class DocumentTables:
    """The per-document rows of some inputs, keyed by content hash so that they can be cached.

    Every frame has ``_source_sha256`` and ``_row`` (document order) besides its published columns;
    ``documents.source_file``, ``source`` and ``form`` are left empty because the same content may come
    under another name.
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


class RowCache(Protocol):
    def load(self, digests: set[str]) -> DocumentTables: ...
    def store(self, built: DocumentTables) -> None: ...


def plan_corpus(raw_documents: pl.DataFrame) -> CorpusPlan:
    """Unreadable inputs, and a second copy of a file under the raw directory, are quarantined before any
    parsing (the maintainer can act on them); the same bytes again in a vendored archive, or from another
    source, are a copy: recorded as an input of the resolution, not built again."""
    quarantine: list[dict] = []
    to_build: list[SourceText] = []
    copies: list[SourceText] = []
    first_of_hash: dict[str, SourceText] = {}
    user_file_of_hash: dict[str, str] = {}
    for row in raw_documents.iter_rows(named=True):
        name, digest = row["source_file"], row["source_sha256"]
        if row["reason"] is not None:
            quarantine.append(_quarantined(row, row["reason"], row["detail"]))
            continue
        source = SourceText(row["source"], name, row["member"], digest, row["form"], row["location"], row["archived"],
                            row["n_bytes"])
        first = first_of_hash.get(digest)
        user_copy = user_file_of_hash.get(digest)
        if source.source == USER_SOURCE and user_copy is not None:
            quarantine.append(_quarantined(row, "duplicate", f"{name}: same bytes as {user_copy}; kept that one"))
            continue
        if source.source == USER_SOURCE:
            user_file_of_hash[digest] = name
        if first is None:
            first_of_hash[digest] = source
            to_build.append(source)
        else:  # the same bytes from another source, or again in a vendored archive (kept as published)
            copies.append(source)
    return CorpusPlan(to_build, quarantine, copies)


def build_documents(sources: Sequence[SourceText]) -> DocumentTables:
    """Parse and extract each input on its own (in a worker process for large corpora)."""
    outcomes: list[dict] = []
    rows: dict[str, list[dict]] = {table: [] for table in PER_DOCUMENT_TABLES}
    for source in sources:
        try:
            parsed = read_resolution(source.form, *_content(source), source.source_file)
        except (ResolutionRejected, InputRejected) as error:
            outcomes.append({"source_sha256": source.source_sha256, "document_id": None, "reason": error.reason,
                             "message": str(error)})
            continue
        outcomes.append({"source_sha256": source.source_sha256, "document_id": parsed.header.document_id,
                         "reason": None, "message": None})
        for table, table_rows in document_tables(parsed, source.source_sha256).items():
            rows[table].extend(dict(row, _source_sha256=source.source_sha256, _row=position)
                               for position, row in enumerate(table_rows))
    return DocumentTables(pl.DataFrame(outcomes, schema=_OUTCOME_SCHEMA),
                          {table: _keyed_frame(table, table_rows) for table, table_rows in rows.items()})


def _content(source: SourceText) -> tuple[str | None, bytes | None]:
    """The input's text (text and XML forms) or bytes (PDF), read again and checked against its listed hash."""
    try:
        data = input_bytes(source.location, source.member, source.archived)
    except (OSError, KeyError, zipfile.BadZipFile) as error:
        raise InputRejected("unreadable", f"{source.source_file}: cannot be read again to build it ({error})") from error
    if hashlib.sha256(data).hexdigest() != source.source_sha256:
        raise InputRejected("unreadable", f"{source.source_file}: changed while the corpus was being built; build again")
    if source.form == "pdf":
        return None, data
    return decode_resolution(data, source.source_file)[0], None


def _keyed_frame(table: str, rows: list[dict]) -> pl.DataFrame:
    late = {"instruments": ("cited_document_id",), "citations": ("cited_document_id",),
            "documents": ("source", "source_file", "form")}.get(table, ())
    built = frame(table, [dict(row, **dict.fromkeys(late)) for row in rows]).drop(*late)
    return built.with_columns(pl.Series("_source_sha256", [row["_source_sha256"] for row in rows], pl.String),
                              pl.Series("_row", [row["_row"] for row in rows], pl.Int32))


def assemble_corpus(plan: CorpusPlan, built: DocumentTables, precedence: Sequence[str] = FORMS) -> dict[str, pl.DataFrame]:
    """Every published table from the per-document rows: one form per resolution, every input of it recorded,
    inputs that are not resolutions (or a second file of one under the raw directory) quarantined, citations
    linked."""
    quarantine = list(plan.quarantine)
    outcome_of = {row["source_sha256"]: row for row in built.outcomes.iter_rows(named=True)}
    candidates: dict[str, list[SourceText]] = {}
    for source in [*plan.to_build, *plan.copies]:
        outcome = outcome_of[source.source_sha256]
        if outcome["reason"] is not None:
            message = outcome["message"]
            named = message if message.startswith(source.source_file) else f"{source.source_file}: {message}"
            quarantine.append(_quarantined(source.__dict__, outcome["reason"], f"{named}; quarantined"))
        else:
            candidates.setdefault(outcome["document_id"], []).append(source)
    rank = {form: position for position, form in enumerate(precedence)}
    published: dict[str, SourceText] = {}  # document id -> its published input
    form_rows: list[dict] = []
    for document_id in sorted(candidates):
        ranked = sorted(candidates[document_id], key=lambda s: (rank.get(s.form, len(rank)), s.source == USER_SOURCE, s.source_file))
        published[document_id] = ranked[0]
        seen_sources: dict[str, str] = {}
        for source in ranked:
            if source.source == USER_SOURCE and source.source in seen_sources:  # a maintainer's second copy
                quarantine.append(_quarantined(source.__dict__, "duplicate",
                                               f"{source.source_file}: {document_id} is already read from "
                                               f"{seen_sources[source.source]} of the same source; kept that one"))
                continue
            seen_sources[source.source] = source.source_file
            form_rows.append({"document_id": document_id, "source": source.source, "member": source.member,
                              "source_file": source.source_file, "form": source.form,
                              "source_sha256": source.source_sha256, "chosen": source is ranked[0]})
    tables = _published_tables(built, published)
    forms = frame("document_forms", [dict(row, **dict.fromkeys(_AGREEMENT)) for row in form_rows]).drop(*_AGREEMENT)
    return {
        **tables,
        "quarantine": frame("quarantine", quarantine).sort("source_file"),
        "document_forms": form_agreement(forms, built),
    }


def derived_tables(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The lexicon tables and the tables computed from the per-document ones."""
    actors = actors_table(tables["actor_mentions"])
    return {
        "verbs": verbs_table(),
        "actors": actors,
        "instrument_graph": build_instrument_graph(tables["citations"]),
        "mandates": build_mandates(tables["clauses"], tables["actor_mentions"], tables["deadlines"], actors,
                                   tables["paragraphs"]),
    }


def _published_tables(built: DocumentTables, published: dict[str, SourceText]) -> dict[str, pl.DataFrame]:
    digests = {source.source_sha256: document_id for document_id, source in published.items()}
    tables = {
        table: part.filter(pl.col("_source_sha256").is_in(list(digests)))
        .with_columns(pl.col("_source_sha256").replace_strict(digests, return_dtype=pl.String).alias("_document"))
        .sort("_document", "_row")
        for table, part in built.tables.items()
    }
    provenance = pl.DataFrame(
        [{"_source_sha256": s.source_sha256, "source": s.source, "source_file": s.source_file, "form": s.form}
         for s in published.values()],
        schema={"_source_sha256": pl.String, "source": pl.String, "source_file": pl.String, "form": pl.String})
    target = frame("documents", [])
    documents = tables["documents"].join(provenance, on="_source_sha256", how="left")
    tables["documents"] = documents.select(*target.columns, "_source_sha256", "_row", "_document").cast(
        dict(target.schema))  # type: ignore[arg-type]
    tables = {table: part.drop("_source_sha256", "_row", "_document") for table, part in tables.items()}
    in_corpus = pl.col("instrument_id").is_in(list(published))
    cited_document = pl.when(in_corpus).then(pl.col("instrument_id")).otherwise(None).alias("cited_document_id")
    tables["instruments"] = (tables["instruments"].unique("instrument_id", keep="first", maintain_order=True)
                             .with_columns(cited_document).sort("instrument_id"))
    tables["citations"] = tables["citations"].with_columns(cited_document)
    tables["footnotes"] = tables["footnotes"].sort("document_id", "footnote_number")
    return tables


_AGREEMENT = ("n_paragraphs", "n_paragraphs_shared", "n_texts_equal", "n_lead_verbs_equal", "n_citations",
              "n_citations_shared")


def form_agreement(forms: pl.DataFrame, built: DocumentTables) -> pl.DataFrame:
    """Each form measured against the published form of the same resolution: paragraphs present in both
    (by id), with the same text (whitespace aside) and the same lead verb; cited instruments in both."""
    chosen = forms.filter("chosen").select("document_id", pl.col("source_sha256").alias("_chosen"))
    pairs = forms.select("document_id", "source_sha256").unique().join(chosen, on="document_id")  # a copy: one sha
    paragraphs = built.tables["paragraphs"].select(
        "_source_sha256", "paragraph_id", pl.col("text").str.replace_all(r"\s+", " ").str.strip_chars(), "lead_verb")
    mine = pairs.join(paragraphs, left_on="source_sha256", right_on="_source_sha256")
    theirs = paragraphs.rename({"text": "_text", "lead_verb": "_lead_verb", "_source_sha256": "_chosen"})
    matched = mine.join(theirs, on=["_chosen", "paragraph_id"], how="left")
    paragraph_counts = matched.group_by("source_sha256").agg(
        pl.len().alias("n_paragraphs"),
        pl.col("_text").is_not_null().sum().alias("n_paragraphs_shared"),
        (pl.col("text") == pl.col("_text")).sum().alias("n_texts_equal"),
        (pl.col("lead_verb").eq_missing(pl.col("_lead_verb")) & pl.col("_text").is_not_null()).sum().alias("n_lead_verbs_equal"),
    )
    cited = built.tables["citations"].select("_source_sha256", "instrument_id").unique()
    mine_cited = pairs.join(cited, left_on="source_sha256", right_on="_source_sha256")
    theirs_cited = cited.rename({"_source_sha256": "_chosen"}).with_columns(pl.lit(True).alias("_in_chosen"))
    citation_counts = mine_cited.join(theirs_cited, on=["_chosen", "instrument_id"], how="left").group_by(
        "source_sha256").agg(pl.len().alias("n_citations"), pl.col("_in_chosen").fill_null(False).sum().alias("n_citations_shared"))
    measured = (forms.join(paragraph_counts, on="source_sha256", how="left")
                .join(citation_counts, on="source_sha256", how="left")
                .with_columns(pl.col(*_AGREEMENT).fill_null(0)))
    target = frame("document_forms", [])
    return measured.select(target.columns).cast(dict(target.schema)).sort("document_id", "source", "member")  # type: ignore[arg-type]


def build_corpus(raw_documents: pl.DataFrame, cache: RowCache | None = None,
                 workers: int | None = None) -> dict[str, pl.DataFrame]:
    """Every published table from the raw inputs: what the Dagster graph does, in one call."""
    plan = plan_corpus(raw_documents)
    cached, missing = lookup(plan, cache)
    built = map_batches(build_documents, missing, workers, size=input_size)
    if cache is not None:
        for part in built:
            cache.store(part)
    tables = assemble_corpus(plan, DocumentTables.concat([cached, *built]))
    tables = {**tables, **derived_tables(tables)}
    return {**tables, "corpus_health": corpus_health(tables)}


def input_size(source: SourceText) -> int:
    return source.n_bytes


def lookup(plan: CorpusPlan, cache: RowCache | None) -> tuple[DocumentTables, list[SourceText]]:
    """The cached rows of the planned inputs, and the inputs still to build."""
    if cache is None:
        return DocumentTables.concat([]), list(plan.to_build)
    cached = cache.load({source.source_sha256 for source in plan.to_build})
    have = set(cached.outcomes["source_sha256"].to_list())
    return cached, [source for source in plan.to_build if source.source_sha256 not in have]


def _quarantined(row: dict, reason: str, detail: str) -> dict:
    return {"source_file": row["source_file"], "source": row["source"], "form": row["form"],
            "source_sha256": row["source_sha256"], "reason": reason, "detail": detail}
