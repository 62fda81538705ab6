"""What changed since the previous release: rows added, removed and changed by primary key, and
schema changes, as ``CHANGES.md`` (for people) and ``changes.parquet`` (one row per change).

The previous release is the newest version below this one in ``dist/releases.json``; its tables
are read from its published archive (checked against the index's SHA-256 first). The schema
version follows from the comparison (see ``schema_bump``)."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pipeline.datapackage import table_files
from pipeline.distribute import INDEX, read_index, sha256_file, version_key
from schemas import TABLES

FIRST_SCHEMA_VERSION = "1.0.0"
CHANGE_SCHEMA = {"table": pl.String, "change": pl.String, "key": pl.String, "column": pl.String,
                 "before": pl.String, "after": pl.String}
_KEY = "__key"
_PREV = "__prev"
_EXAMPLES = 5


@dataclass(frozen=True)
class PreviousRelease:
    version: str
    schema_version: str
    package: dict
    tables: dict[str, pl.DataFrame]


@dataclass
class TableChanges:
    table: str
    rows_before: int | None
    rows_after: int | None
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: pl.DataFrame | None = None  # key, column, before, after
    columns_added: list[tuple[str, str]] = field(default_factory=list)
    columns_removed: list[tuple[str, str]] = field(default_factory=list)
    columns_retyped: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def n_changed(self) -> int:
        return 0 if self.changed is None else self.changed[_KEY].n_unique()


@dataclass
class ChangeReport:
    version: str
    previous: str | None
    schema_version: str
    previous_schema_version: str | None
    bump: str | None  # major, minor, patch or None (identical)
    tables: list[TableChanges]

    def frame(self) -> pl.DataFrame:
        rows: list[dict] = []
        for t in self.tables:
            if t.rows_before is None:
                rows.append({"table": t.table, "change": "table added"})
            if t.rows_after is None:
                rows.append({"table": t.table, "change": "table removed"})
            rows += [{"table": t.table, "change": "column added", "column": c, "after": d} for c, d in t.columns_added]
            rows += [{"table": t.table, "change": "column removed", "column": c, "before": d} for c, d in t.columns_removed]
            rows += [{"table": t.table, "change": "column retyped", "column": c, "before": a, "after": b}
                     for c, a, b in t.columns_retyped]
        schema = pl.DataFrame(rows, schema=CHANGE_SCHEMA)
        parts = [schema]
        for t in self.tables:
            parts.append(pl.DataFrame({"table": t.table, "change": "row added", "key": t.added},
                                      schema={k: CHANGE_SCHEMA[k] for k in ("table", "change", "key")}))
            parts.append(pl.DataFrame({"table": t.table, "change": "row removed", "key": t.removed},
                                      schema={k: CHANGE_SCHEMA[k] for k in ("table", "change", "key")}))
            if t.changed is not None and t.changed.height:
                parts.append(t.changed.rename({_KEY: "key"}).with_columns(
                    pl.lit(t.table).alias("table"), pl.lit("value changed").alias("change")))
        return pl.concat(parts, how="diagonal_relaxed").select(
            pl.col(name).cast(dtype) for name, dtype in CHANGE_SCHEMA.items())

    def markdown(self) -> str:
        lines = [f"# Changes in unres {self.version}", ""]
        if self.previous is None:
            lines += ["First release: no earlier version is listed in `releases.json`, so there is nothing to compare with.",
                      f"Schema version {self.schema_version}.", ""]
            lines += ["| table | rows |", "|---|---:|"]
            lines += [f"| {t.table} | {t.rows_after} |" for t in self.tables]
            return "\n".join(lines) + "\n"
        bump = {"major": "major: a column or table was removed or retyped",
                "minor": "minor: a column or table was added",
                "patch": "patch: data only, same columns and types",
                None: "unchanged: same columns, types and rows"}[self.bump]
        lines += [
            f"Compared with **{self.previous}**, the previous release in `releases.json`. Rows are matched by "
            "primary key; a row is *changed* when any other column differs. Every change is listed in "
            "`changes.parquet` (table, change, key, column, before, after).",
            "",
            f"Schema version {self.previous_schema_version} → **{self.schema_version}** ({bump}).",
            "",
            "| table | rows before | rows after | added | removed | changed |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for t in self.tables:
            before = "–" if t.rows_before is None else t.rows_before
            after = "–" if t.rows_after is None else t.rows_after
            lines.append(f"| {t.table} | {before} | {after} | {len(t.added)} | {len(t.removed)} | {t.n_changed} |")
        lines += ["", "## Schema changes", ""]
        schema_lines = []
        for t in self.tables:
            if t.rows_before is None:
                schema_lines.append(f"- `{t.table}`: table added")
            if t.rows_after is None:
                schema_lines.append(f"- `{t.table}`: table removed")
            schema_lines += [f"- `{t.table}.{c}`: column added ({d})" for c, d in t.columns_added if t.rows_before is not None]
            schema_lines += [f"- `{t.table}.{c}`: column removed (was {d})" for c, d in t.columns_removed if t.rows_after is not None]
            schema_lines += [f"- `{t.table}.{c}`: type {a} → {b}" for c, a, b in t.columns_retyped]
        lines += schema_lines or ["None: every table has the same columns and types."]
        for t in self.tables:
            if not (t.added or t.removed or t.n_changed):
                continue
            lines += ["", f"## {t.table}", ""]
            if t.added:
                lines.append(f"- added ({len(t.added)}): " + _examples(t.added))
            if t.removed:
                lines.append(f"- removed ({len(t.removed)}): " + _examples(t.removed))
            if t.n_changed and t.changed is not None:
                counts = t.changed.group_by("column").len().sort("column").rows()
                lines.append(f"- changed ({t.n_changed}), by column: "
                             + ", ".join(f"`{column}` {n}" for column, n in counts))
                keys = t.changed[_KEY].unique().sort().head(_EXAMPLES).to_list()
                for key in keys:
                    cells = t.changed.filter(pl.col(_KEY) == key).head(3).rows(named=True)
                    lines.append(f"  - `{key}`: " + "; ".join(
                        f"{c['column']} " + _difference(c["before"], c["after"]) for c in cells))
        return "\n".join(lines) + "\n"


def _examples(keys: list[str]) -> str:
    shown = ", ".join(f"`{key}`" for key in keys[:_EXAMPLES])
    return shown + (f" and {len(keys) - _EXAMPLES} more" if len(keys) > _EXAMPLES else "")


def _difference(before: str | None, after: str | None, context: int = 25) -> str:
    """``“before” → “after”``, long values cut to the part that differs, with some context."""
    if before is None or after is None or len(before) + len(after) <= 100:
        return f"{_short(before)} → {_short(after)}"
    start = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after)))
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    left = max(0, start - context)

    def cut(text: str) -> str:
        right = min(len(text), len(text) - end + context)
        return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

    return f"{_short(cut(before), 200)} → {_short(cut(after), 200)}"


def _short(value: str | None, limit: int = 60) -> str:
    if value is None:
        return "null"
    text = value.replace("\n", " ").replace("|", "\\|")
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def previous_release(dist_dir: Path, version: str) -> PreviousRelease | None:
    """The newest release below ``version`` listed in ``dist_dir/releases.json``, read from its archive."""
    older = [item for item in read_index(dist_dir)["releases"] if version_key(item["version"]) < version_key(version)]
    if not older:
        return None
    entry = max(older, key=lambda item: version_key(item["version"]))
    archive = dist_dir / entry["archive"]
    if not archive.is_file():
        raise FileNotFoundError(f"{archive}: listed in {dist_dir / INDEX} as release {entry['version']} but missing; "
                                f"put the published {entry['archive']} there (it is compared with the new release), or build with --dist ''")
    if sha256_file(archive) != entry["sha256"]:
        raise ValueError(f"{archive}: SHA-256 does not match {dist_dir / INDEX}; refusing to compare against it")
    prefix = f"unres-{entry['version']}/"
    with zipfile.ZipFile(archive) as zipped:
        package = json.loads(zipped.read(prefix + "datapackage.json"))
        tables = {name: pl.read_parquet(io.BytesIO(zipped.read(prefix + files["parquet"]["path"])))
                  for name, files in table_files(package).items()}
    return PreviousRelease(entry["version"], package.get("schema_version") or FIRST_SCHEMA_VERSION, package, tables)


def compare(tables: dict[str, pl.DataFrame], version: str, previous: PreviousRelease | None) -> ChangeReport:
    if previous is None:
        return ChangeReport(version, None, FIRST_SCHEMA_VERSION, None, None,
                            [TableChanges(name, None, tables[name].height) for name in TABLES])
    previous_keys = {name: files["csv"]["schema"]["primaryKey"] for name, files in table_files(previous.package).items()}
    names = list(TABLES) + sorted(set(previous.tables) - set(TABLES))
    report = [_compare_table(name, tables.get(name), previous.tables.get(name),
                             list(TABLES[name].primary_key) if name in TABLES else previous_keys[name])
              for name in names]
    bump = schema_bump(report)
    return ChangeReport(version, previous.version, bump_version(previous.schema_version, bump),
                        previous.schema_version, bump, report)


def schema_bump(report: list[TableChanges]) -> str | None:
    """major: a table or column removed or retyped; minor: a table or column added; patch: rows only."""
    if any(t.rows_after is None or t.columns_removed or t.columns_retyped for t in report):
        return "major"
    if any(t.rows_before is None or t.columns_added for t in report):
        return "minor"
    if any(t.added or t.removed or t.n_changed for t in report):
        return "patch"
    return None


def bump_version(schema_version: str, bump: str | None) -> str:
    major, minor, patch = (int(part) for part in schema_version.split("."))
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return schema_version


def _types(frame: pl.DataFrame) -> dict[str, str]:
    return {name: str(dtype) for name, dtype in frame.schema.items()}


def _keyed(frame: pl.DataFrame, key: list[str]) -> pl.DataFrame:
    plain = frame.with_columns(pl.col(name).cast(pl.String) for name, dtype in frame.schema.items()
                               if dtype == pl.Categorical)
    return plain.with_columns(pl.concat_str([pl.col(k).cast(pl.String) for k in key], separator=" | ",
                                            ignore_nulls=False).alias(_KEY))


def _text(name: str, dtype: pl.DataType) -> pl.Expr:
    if isinstance(dtype, pl.List):
        return pl.col(name).map_elements(lambda v: json.dumps(list(v), ensure_ascii=False, default=str),
                                         return_dtype=pl.String)
    return pl.col(name).cast(pl.String)


def _compare_table(name: str, current: pl.DataFrame | None, previous: pl.DataFrame | None,
                   key: list[str]) -> TableChanges:
    changes = TableChanges(name, None if previous is None else previous.height,
                           None if current is None else current.height)
    if current is None or previous is None:
        present = current if current is not None else previous
        assert present is not None
        keys = _keyed(present, key)[_KEY].sort().to_list()
        types = list(_types(present).items())
        if current is None:
            changes.removed, changes.columns_removed = keys, types
        else:
            changes.added, changes.columns_added = keys, types
        return changes
    now, before = _types(current), _types(previous)
    changes.columns_added = [(c, t) for c, t in now.items() if c not in before]
    changes.columns_removed = [(c, t) for c, t in before.items() if c not in now]
    changes.columns_retyped = [(c, before[c], t) for c, t in now.items() if c in before and before[c] != t]
    if any(k not in before for k in key):
        # The key itself is new: rows cannot be matched, so every row counts as added and removed.
        changes.added = _keyed(current, key)[_KEY].sort().to_list()
        changes.removed = _keyed(previous, [k for k in key if k in before] or list(before)[:1])[_KEY].sort().to_list()
        return changes
    cur, prev = _keyed(current, key), _keyed(previous, key)
    changes.added = cur.join(prev.select(_KEY), on=_KEY, how="anti")[_KEY].sort().to_list()
    changes.removed = prev.join(cur.select(_KEY), on=_KEY, how="anti")[_KEY].sort().to_list()
    common = [c for c, t in now.items() if c in before and before[c] == t and c not in key]
    joined = cur.select(_KEY, *common).join(
        prev.select(_KEY, *[pl.col(c).alias(c + _PREV) for c in common]), on=_KEY, how="inner")
    cells = [
        joined.filter(pl.col(c).ne_missing(pl.col(c + _PREV))).select(
            _KEY, pl.lit(c).alias("column"),
            _text(c + _PREV, joined.schema[c]).alias("before"), _text(c, joined.schema[c]).alias("after"))
        for c in common
    ]
    changed = pl.concat(cells) if cells else pl.DataFrame(schema={_KEY: pl.String, "column": pl.String,
                                                                  "before": pl.String, "after": pl.String})
    changes.changed = changed.sort(_KEY, "column")
    return changes
