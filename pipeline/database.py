"""``unres.duckdb``: a DuckDB database beside a release's Parquet files, with keys and comments.

It is derived, not published: every build and every download makes it from the verified Parquet
files with the statements of this code (``duckdb_script`` over ``schemas.TABLES``). The release's own
``unres.sql`` is for people and is never run, since a downloaded one could do anything DuckDB can.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pipeline.durable import fsync_dir, fsync_file, remove_stale

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class DatabaseError(RuntimeError):
    """``unres.duckdb`` could not be built; the message names the file and why."""


def ensure_duckdb(release_dir: Path) -> Path:
    """Build ``release_dir/unres.duckdb``. Each process builds under its own scratch name, so builds
    of one release at once cannot mix their files, and a killed one's leftover is removed next time."""
    import duckdb
    import polars as pl

    from pipeline.release import duckdb_script
    from schemas import TABLES

    remove_stale(release_dir)
    frames = {}
    for name in TABLES:
        path = release_dir / "parquet" / f"{name}.parquet"
        try:
            schema = pl.read_parquet_schema(path)
        except (OSError, pl.exceptions.PolarsError) as error:
            raise DatabaseError(f"{path}: not a readable Parquet file ({error})") from error
        odd = [column for column in schema if not _IDENTIFIER.fullmatch(column)]
        if odd:
            raise DatabaseError(f"{path}: column name {odd[0]!r} is not an identifier")
        frames[name] = pl.DataFrame(schema=schema)
    try:
        sql = duckdb_script(frames)
    except KeyError as error:
        raise DatabaseError(f"{release_dir / 'parquet'}: a column of type {error} has no DuckDB type here") from error
    parquet = "'" + (release_dir / "parquet").as_posix().replace("'", "''") + "/"
    target = release_dir / "unres.duckdb"
    scratch = release_dir / f".unres.duckdb.tmp-{os.getpid()}"
    try:
        connection = duckdb.connect(str(scratch))
        try:
            connection.execute(sql.replace("'parquet/", parquet))
            connection.execute("checkpoint")
        finally:
            connection.close()
        fsync_file(scratch)
        os.replace(scratch, target)
        fsync_dir(release_dir)
    except (OSError, duckdb.Error) as error:
        raise DatabaseError(f"{target}: not built ({error})") from error
    finally:
        for leftover in (scratch, Path(f"{scratch}.wal")):
            leftover.unlink(missing_ok=True)
    return target
