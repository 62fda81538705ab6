"""Structure and extract: a graph-backed asset that fans the per-document work out over batches.

``plan_batches`` quarantines what cannot be built and looks every text up in the document
cache; each batch still to build is one mapped ``build_batch`` step, which the executor runs
where it runs steps (in this process over a worker pool, in one process per step, or on a
cluster); ``assemble`` joins cached and new rows and links documents to one another.
"""

import os
import time

import dagster as dg
import polars as pl

from pipeline.assets._metadata import table_metadata
from pipeline.corpus import (
    PER_DOCUMENT_TABLES,
    CorpusPlan,
    DocumentTables,
    SourceText,
    assemble_corpus,
    build_documents,
    input_size,
    lookup,
    plan_corpus,
)
from pipeline.parallel import batches, map_batches
from pipeline.progress import start_build
from pipeline.resources import UnresConfig
from schemas import TABLES

# What the graph publishes: the per-document tables and what choosing among inputs gives.
OUTPUTS = (*PER_DOCUMENT_TABLES, "document_forms", "quarantine")


@dg.op(out={"plan": dg.Out(), "cached": dg.Out(), "batches": dg.DynamicOut()})
def plan_batches(context: dg.OpExecutionContext, config: UnresConfig, raw_documents: pl.DataFrame):
    plan = plan_corpus(raw_documents)
    cached, missing = lookup(plan, config.document_cache())
    step_batches = batches(missing, config.step_documents)
    start_build(len(missing))
    context.log.info(f"{len(plan.to_build)} texts: {cached.outcomes.height} from the document cache, {len(missing)} "
                     f"to build in {len(step_batches)} batches; {len(plan.quarantine)} not decodable or duplicates")
    yield dg.Output(plan, "plan")
    yield dg.Output(cached, "cached")
    # At least one (maybe empty) batch: Dagster skips the fan-in of a dynamic output that yields nothing.
    for index, batch in enumerate(step_batches or [[]]):
        yield dg.DynamicOutput(list(batch), output_name="batches", mapping_key=f"batch_{index:05d}")


@dg.op
def build_batch(context: dg.OpExecutionContext, config: UnresConfig, batch: list[SourceText]) -> DocumentTables:
    if not batch:
        return DocumentTables.concat([])
    started = time.perf_counter()
    built = DocumentTables.concat(map_batches(build_documents, batch, config.worker_count(), size=input_size))
    cache = config.document_cache()
    if cache is not None:
        cache.store(built)
    seconds = time.perf_counter() - started
    context.log.info(f"built {len(batch)} texts in {seconds:.1f} s ({len(batch) / seconds:.0f}/s, process {os.getpid()}): "
                     f"{built.tables['paragraphs'].height} paragraphs, {built.tables['clauses'].height} clauses")
    return built


@dg.op(out={name: dg.Out() for name in OUTPUTS})
def assemble(context: dg.OpExecutionContext, config: UnresConfig, plan: CorpusPlan, cached: DocumentTables,
             built: list[DocumentTables]):
    tables = assemble_corpus(plan, DocumentTables.concat([cached, *built]), config.precedence())
    cache = config.document_cache()
    if cache is not None:
        cache.compact({source.source_sha256 for source in plan.to_build})
    for row in tables["quarantine"].iter_rows(named=True):
        context.log.warning(row["detail"])
    documents = tables["documents"]
    context.log.info(f"{documents.height} resolutions, {tables['paragraphs'].height} paragraphs; "
                     f"{tables['quarantine'].height} inputs quarantined")
    residue = documents.filter(pl.col("n_residue_chars") > 0).height
    for name in OUTPUTS:
        extra = {"documents_with_residue": residue} if name == "documents" else {}
        yield dg.Output(tables[name], name, metadata=table_metadata(tables[name], name, **extra))


@dg.graph_multi_asset(outs={
    name: dg.AssetOut(group_name=TABLES[name].group, description=TABLES[name].description) for name in OUTPUTS
})
def corpus(raw_documents):
    plan, cached, to_build = plan_batches(raw_documents)
    tables = assemble(plan, cached, to_build.map(build_batch).collect())
    return {name: getattr(tables, name) for name in OUTPUTS}
