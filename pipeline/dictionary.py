"""The data dictionary, report/dictionary.html: every table and column of the release on one page.

Generated from the same Table Schemas as ``datapackage.json`` (themselves from the Pandera models in
``schemas/``), so no description is written twice; the examples are the release's own values.
"""

from __future__ import annotations

import polars as pl

from pipeline.datapackage import table_files
from pipeline.report_html import Markup, cell, code, esc, link, page, table
from schemas import TABLES

N_EXAMPLES = 3
_SCAN = 10_000  # examples come from the first rows holding a value
_LONG = 60  # characters of an example shown


def examples(frame: pl.DataFrame, column: str) -> list[object]:
    """The first distinct non-null values of a column, in table order."""
    values = frame.lazy().select(pl.col(column).drop_nulls().head(_SCAN)).collect().to_series()
    if values.dtype == pl.Categorical:
        values = values.cast(pl.String)
    return values.unique(maintain_order=True).head(N_EXAMPLES).to_list()


def _examples(frame: pl.DataFrame, column: str) -> Markup:
    shown = [str(value) if isinstance(value, int | float) and not isinstance(value, bool) else cell(value)
             for value in examples(frame, column)]  # values as stored: 1958, not 1,958
    return Markup('<span class="examples">' + "<br>".join(code(text[:_LONG] + "…" * (len(text) > _LONG)) for text in shown)
                  + "</span>")


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(code(name) for name in names)


def _constraints(field: dict) -> str:
    constraints = field.get("constraints", {})
    parts = []
    if "enum" in constraints:
        parts.append("one of " + ", ".join(constraints["enum"]))
    if "minimum" in constraints and constraints.get("maximum") == constraints["minimum"]:
        parts.append(f"= {constraints['minimum']}")
    elif "minimum" in constraints:
        parts.append(f"≥ {constraints['minimum']}")
    if "pattern" in constraints:
        parts.append(f"matches {constraints['pattern']}")
    if constraints.get("unique"):
        parts.append("unique")
    return "; ".join(parts)


def dictionary_html(version: str, tables: dict[str, pl.DataFrame], package: dict) -> str:
    """One section per table of ``schemas.TABLES``, columns in schema order, from ``package`` (datapackage.json)."""
    resources = {name: files["csv"] for name, files in table_files(package).items()}
    body = [
        "<header>",
        f"<h1>unres {esc(version)}: data dictionary</h1>",
        f"<p>Every table and column of this release, from the Pandera models that validate it (the same text is "
        f"in {link('../datapackage.json', 'datapackage.json')} and in each Parquet field's metadata). "
        f"Back to the {link('index.html', 'release report')}.</p>",
        table(["table", "rows", "columns", "one row per"],
              [(link(f"#{name}", name), tables[name].height, len(resources[name]["schema"]["fields"]), spec.description)
               for name, spec in TABLES.items()], numeric=[1, 2]),
        "</header>",
    ]
    for name, spec in TABLES.items():
        schema = resources[name]["schema"]
        frame = tables[name]
        foreign = [f"<li>{_columns(key.fields)} → {link(f'#{key.table}', key.table)}.{_columns(key.reference)}</li>"
                   for key in spec.foreign_keys]
        rows = []
        for field in schema["fields"]:
            column = field["name"]
            required = "required" if field.get("constraints", {}).get("required") else "nullable"
            rows.append((code(column), f"{field['type']} ({frame.schema[column]})", required, _constraints(field),
                         field["description"], _examples(frame, column)))
        body += [
            f'<section id="{esc(name)}">',
            f"<h2>{esc(name)}: {esc(spec.title)}</h2>",
            f"<p>{esc(spec.description)} {tables[name].height:,} rows · "
            f"{link(f'../parquet/{name}.parquet', f'parquet/{name}.parquet')} · "
            f"{link(f'../csv/{name}.csv', f'csv/{name}.csv')}</p>",
            f"<p>Primary key: {_columns(spec.primary_key)}.</p>",
        ]
        if foreign:
            body.append("<p>Foreign keys:</p>\n<ul>" + "".join(foreign) + "</ul>")
        body += [table(["column", "type", "null", "constraints", "description", f"{N_EXAMPLES} examples"], rows),
                 "</section>"]
    return page(f"unres {version}: data dictionary", "\n".join(body))
