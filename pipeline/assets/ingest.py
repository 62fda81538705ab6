"""Ingest: one raw asset per vendored source (PUDL's raw layer), one for a user's loose files, and their union."""

import dataclasses
import hashlib
import io
from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.assets._metadata import table_metadata
from pipeline.blobs import BlobCache
from pipeline.cache import code_fingerprint
from pipeline.resources import UnresConfig
from pipeline.sidecars import EXTRACT_SCHEMA, MEETING_SCHEMA, extract_rows, meeting_rows
from pipeline.sources import (
    RAW_SCHEMA,
    Source,
    SourceError,
    archive_sha256,
    load_manifest,
    read_source,
    read_user_files,
    sidecar_records,
    sidecar_tables,
)

REPO = Path(__file__).resolve().parents[2]
# The sources this code location knows: the project's own manifest. A build may read the archives from
# another directory (config.sources_dir), whose manifest must name the same sources.
KNOWN_SOURCES = load_manifest(REPO / "data" / "sources")


def _log_rejected(context: dg.AssetExecutionContext, frame: pl.DataFrame, where: str) -> dg.Output[pl.DataFrame]:
    rejected = frame.filter(pl.col("reason").is_not_null())
    for row in rejected.iter_rows(named=True):
        context.log.warning(row["detail"])
    forms = ", ".join(f"{n} {f}" for f, n in frame.group_by("form").len().sort("form", nulls_last=True).rows())
    context.log.info(f"read {frame.height} inputs from {where} ({forms}); {rejected.height} not readable")
    return dg.Output(frame, metadata=table_metadata(frame, n_unreadable=rejected.height))


def _source_asset(known: Source) -> dg.AssetsDefinition:
    @dg.asset(name=f"raw_{known.source}", group_name="ingest",
              description=f"{known.what}. From {known.repository} at {known.commit} ({known.archive}); "
                          f"terms: {known.terms}. One row per member: path, SHA-256, form, decoded text.")
    def raw_source(context: dg.AssetExecutionContext, config: UnresConfig) -> dg.Output[pl.DataFrame]:
        if not config.sources_dir:
            return dg.Output(pl.DataFrame(schema=RAW_SCHEMA), metadata={"dagster/row_count": 0, "skipped": True})
        sources_dir = Path(config.sources_dir)
        listed = {source.source: source for source in load_manifest(sources_dir)}
        if known.source not in listed:
            raise SourceError(f"{sources_dir}: its manifest does not list the source {known.source}")
        frame = read_source(listed[known.source], sources_dir, _blobs(config), code_fingerprint())
        return _log_rejected(context, frame, listed[known.source].archive)

    return raw_source


SOURCE_ASSETS = [_source_asset(source) for source in KNOWN_SOURCES]


@dg.asset(group_name="ingest", description="A user's own files under the raw directory (text, PDF or Akoma Ntoso "
                                            "XML, told by their content): one row per file.")
def raw_user_files(context: dg.AssetExecutionContext, config: UnresConfig) -> dg.Output[pl.DataFrame]:
    return _log_rejected(context, read_user_files(config.raw_path()), config.raw_dir)


@dg.asset(group_name="ingest", ins={asset.key.path[-1]: dg.AssetIn(asset.key) for asset in SOURCE_ASSETS},
          description="Every input of the build, from every source: one row per file or archive member.")
def raw_documents(config: UnresConfig, raw_user_files: pl.DataFrame, **sources: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    if config.sources_dir:
        unknown = {source.source for source in load_manifest(Path(config.sources_dir))} - {s.source for s in KNOWN_SOURCES}
        if unknown:
            raise SourceError(f"{config.sources_dir}: sources {', '.join(sorted(unknown))} have no raw asset; "
                              f"add them to {REPO / 'data' / 'sources' / 'SOURCES.csv'}")
    frame = pl.concat([*(sources[name] for name in sorted(sources)), raw_user_files])
    return dg.Output(frame, metadata=table_metadata(frame))


def _blobs(config: UnresConfig) -> BlobCache | None:
    """Where the raw rows of unchanged archives are kept: beside the document cache."""
    return BlobCache(Path(config.cache_dir) / "raw") if config.cache_dir else None


def _manifest(config: UnresConfig) -> list[tuple[Source, Path]]:
    if not config.sources_dir:
        return []
    sources_dir = Path(config.sources_dir)
    return [(source, sources_dir) for source in load_manifest(sources_dir)]


@dg.asset(group_name="ingest", description="Vote and sponsor lists of the sources' data extracts (UNxml "
                                            "data_extract/*.json): one row per name in a list of a record.")
def raw_data_extracts(context: dg.AssetExecutionContext, config: UnresConfig) -> dg.Output[pl.DataFrame]:
    frames = [pl.DataFrame(schema=EXTRACT_SCHEMA)]
    cache = _blobs(config)
    for source, sources_dir in _manifest(config):
        # The rows are a function of the archive and the reading code: kept by their digest.
        key = hashlib.sha256("\0".join([code_fingerprint("pipeline.sidecars"), archive_sha256(source, sources_dir),
                                        *dataclasses.astuple(source)]).encode()).hexdigest()
        cached = cache.get(f"extracts-{key}.arrow") if cache is not None else None
        if cached is not None:
            frames.append(pl.read_ipc(io.BytesIO(cached)))
            continue
        records = [(f"{source.archive}/{member}", record) for member, record in sidecar_records(source, sources_dir)]
        frames.append(pl.DataFrame(extract_rows(records), schema=EXTRACT_SCHEMA))
        if records:
            context.log.info(f"{source.source}: {len(records)} data-extract records")
        if cache is not None:
            stored = io.BytesIO()
            frames[-1].write_ipc(stored, compression="lz4")
            cache.put(f"extracts-{key}.arrow", stored.getvalue())
    extracts = pl.concat(frames)
    return dg.Output(extracts, metadata=table_metadata(extracts))


@dg.asset(group_name="ingest", description="Security Council meeting records (meeting, day, tally of each "
                                            "resolution adopted), from the sources' CSV sidecars.")
def raw_meeting_records(config: UnresConfig) -> dg.Output[pl.DataFrame]:
    rows = []
    for source, sources_dir in _manifest(config):
        for member, records in sidecar_tables(source, sources_dir):
            rows.extend(meeting_rows(f"{source.archive}/{member}", records))
    meetings = pl.DataFrame(rows, schema=MEETING_SCHEMA)
    return dg.Output(meetings, metadata=table_metadata(meetings))
