"""Metadata the sources carry beside the texts: per-country votes and sponsors (the UNxml data extracts)
and the Security Council meeting records, as tidy rows that join to ``documents``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

import polars as pl

from pipeline.tables import frame
from pipeline.text.symbols import canonical_symbol

# Data-extract list fields and what each says.
VOTE_FIELDS = {"MS_in_favour": "yes", "MS_against": "no", "MS_abstaining": "abstain"}
SPONSOR_FIELDS = {"sponsors": False, "additional_sponsors": True}
EXTRACT_SCHEMA = {"source_file": pl.String, "symbol": pl.String, "field": pl.String, "name": pl.String}
MEETING_SCHEMA = {"source_file": pl.String, "symbol": pl.String, "meeting": pl.Int32, "day": pl.String,
                  "year": pl.Int32, "met_on": pl.Date, "tally": pl.String}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY = re.compile(r"(\d{1,2})\s+([A-Z][a-z]+)\.?")
_OUTCOME = re.compile(r"(S/RES/\d+\s*\(\d{4}\))\s*([\d\-\s]*)")


def extract_rows(records: Iterable[tuple[str, dict]]) -> list[dict]:
    """One row per name in a vote or sponsor list of a data-extract record."""
    rows = []
    for source_file, record in records:
        symbol = record.get("symbol")
        if not isinstance(symbol, str):
            continue
        for field in (*VOTE_FIELDS, *SPONSOR_FIELDS):
            names = record.get(field) or []
            if isinstance(names, str):
                names = [names]
            rows.extend({"source_file": source_file, "symbol": symbol, "field": field, "name": name.strip()}
                        for name in names if isinstance(name, str) and name.strip())
    return rows


def meeting_rows(source_file: str, records: Iterable[dict]) -> list[dict]:
    """Security Council meeting records: each resolution adopted at a meeting, with the meeting's day and tally."""
    rows = []
    for record in records:
        meeting = re.match(r"S/PV\.(\d+)", (record.get("record") or "").strip())  # "S/PV.3384+Corr.1", "(Resumption 1)"
        year = (record.get("year") or "").strip()
        day = (record.get("day") or "").strip()
        for found in _OUTCOME.finditer(record.get("outcome") or ""):
            rows.append({"source_file": source_file, "symbol": canonical_symbol(found.group(1)),
                         "meeting": int(meeting.group(1)) if meeting else None, "day": day,
                         "year": int(year) if year.isdigit() else None, "met_on": _met_on(day, year),
                         "tally": found.group(2).strip() or None})
    return rows


def _met_on(day: str, year: str) -> date | None:
    """The (last) day of a meeting: "6 January", "29 + 30 March" (a meeting over two days), "2 Sep."."""
    found = _DAY.findall(day)
    month = found[-1][1][:3].lower() if found else ""
    if not year.isdigit() or month not in _MONTHS:
        return None
    try:
        return date(int(year), _MONTHS.index(month) + 1, int(found[-1][0]))
    except ValueError:
        return None


def votes_table(extracts: pl.DataFrame, documents: pl.DataFrame, actors: pl.DataFrame) -> pl.DataFrame:
    rows = _resolved(extracts.filter(pl.col("field").is_in(list(VOTE_FIELDS))), documents, actors)
    rows = rows.with_columns(pl.col("field").replace_strict(VOTE_FIELDS).alias("vote"))
    return _published("votes", rows, ["document_id", "member_state"])


def sponsors_table(extracts: pl.DataFrame, documents: pl.DataFrame, actors: pl.DataFrame) -> pl.DataFrame:
    rows = _resolved(extracts.filter(pl.col("field").is_in(list(SPONSOR_FIELDS))), documents, actors)
    rows = rows.with_columns(pl.col("field").replace_strict(SPONSOR_FIELDS, return_dtype=pl.Boolean).alias("additional"))
    return _published("sponsors", rows.rename({"member_state": "sponsor"}), ["document_id", "sponsor"])


def _resolved(rows: pl.DataFrame, documents: pl.DataFrame, actors: pl.DataFrame) -> pl.DataFrame:
    """Rows of documents in the release, with the canonical symbol and the actor the name resolves to."""
    symbols = {symbol: canonical_symbol(symbol) for symbol in rows["symbol"].unique().to_list()}
    names = actors.select("actor_id", pl.concat_list(pl.col("name"), pl.col("aliases")).alias("names")).explode("names")
    keys = {name: _name_key(name) for name in names["names"].to_list()}
    actor_of = (names.select(pl.col("names").replace_strict(keys, return_dtype=pl.String).alias("_key"), "actor_id")
                .unique("_key", keep="first", maintain_order=True))
    printed = {name: _name_key(name) for name in rows["name"].unique().to_list()}
    return (rows.with_columns(pl.col("symbol").replace_strict(symbols, return_dtype=pl.String).alias("document_id"),
                              pl.col("name").replace_strict(printed, return_dtype=pl.String).alias("_key"))
            .join(documents.select("document_id"), on="document_id")
            .join(actor_of, on="_key", how="left")
            .rename({"name": "member_state", "source_file": "source"}))


_ON_BEHALF = re.compile(r"\s*\(on behalf of .*\)\s*$", re.IGNORECASE)


def _name_key(name: str) -> str:
    """A name as the extracts and the lexicon both write it: "TÜRKİYE" = "Türkiye", "COTE D'IVOIRE" =
    "Côte d’Ivoire", and "Uganda (on behalf of the Group of 77 and China)" is Uganda's sponsorship."""
    plain = unicodedata.normalize("NFKD", _ON_BEHALF.sub("", name))
    plain = "".join(char for char in plain if not unicodedata.combining(char)).replace("’", "'")
    return " ".join(plain.casefold().split())


def _published(table: str, rows: pl.DataFrame, key: list[str]) -> pl.DataFrame:
    """First record of each key (the extracts repeat some resolutions), in key order."""
    target = frame(table, [])
    return (rows.unique(key, keep="first", maintain_order=True).select(target.columns)
            .cast(dict(target.schema)).sort(key))  # type: ignore[arg-type]
