"""The report's charts: Altair specifications of aggregated release tables, rendered to static SVG by vl-convert.

Every chart gets its data already aggregated (a few hundred rows at most, whatever the corpus size) and
explicit sort orders, so the SVG depends only on the tables. vl-convert numbers gradient and clip ids with a
counter that lives as long as the process; ``svg`` renames them per chart, so two builds in one process
(or in two) give the same bytes. Dates are parsed and drawn in UTC, so the machine's time zone does not
show either.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import altair as alt
import polars as pl
import vl_convert

if TYPE_CHECKING:
    from pipeline.blobs import BlobCache

WIDTH = 640
TOP = 20  # bars in a "most ..." chart

_VL_VERSION = "_".join(alt.SCHEMA_VERSION.split(".")[:2])  # 'v6_4': the Vega-Lite that Altair writes
_ID = re.compile(r'(id="|url\(#|href="#)([^")]+)')


@dataclass(frozen=True)
class Chart:
    name: str  # anchor and id prefix in the page
    title: str
    caption: str  # how to read it
    svg: str | None  # None: no rows to draw in this release


def svg(name: str, chart: alt.TopLevelMixin, cache: BlobCache | None = None) -> str:
    """Static SVG of ``chart`` whose element ids are ``<name>-<n>`` in document order. The SVG is a
    function of the specification (data included), so ``cache`` keeps it by the specification's digest:
    a rebuild draws only the charts whose data changed."""
    if cache is None:
        return _render(name, chart.to_dict())
    specification = json.dumps(chart.to_dict(validate=False), sort_keys=True, ensure_ascii=False)
    key = hashlib.sha256("\0".join([vl_convert.__version__, _VL_VERSION, name, specification]).encode()).hexdigest()
    cached = cache.get(f"chart-{key}.svg")
    if cached is not None:
        return cached.decode("utf-8")
    text = _render(name, chart.to_dict())
    cache.put(f"chart-{key}.svg", text.encode("utf-8"))
    return text


def _render(name: str, specification: dict) -> str:
    text = vl_convert.vegalite_to_svg(specification, vl_version=_VL_VERSION)
    ids: dict[str, str] = {}
    for match in re.finditer(r'id="([^"]+)"', text):
        ids.setdefault(match.group(1), f"{name}-{len(ids) + 1}")
    return _ID.sub(lambda m: m.group(1) + ids.get(m.group(2), m.group(2)), text)


def _data(frame: pl.DataFrame) -> alt.Data:
    return alt.Data(values=frame.to_dicts())


def _chart(frame: pl.DataFrame, height: int = 260) -> alt.Chart:
    return alt.Chart(_data(frame)).properties(width=WIDTH, height=height)


def _labelled(frame: pl.DataFrame, label: str, key: str) -> pl.DataFrame:
    """The key where two rows would share a label, so that no two bars merge into one."""
    return frame.with_columns(pl.when(pl.col(label).is_duplicated()).then(pl.col(key)).otherwise(pl.col(label))
                              .alias(label))


def _bars(frame: pl.DataFrame, label: str, value: str, title: str) -> alt.Chart:
    """Horizontal bars in the frame's order (already sorted, ties broken by label)."""
    return (_chart(frame, height=max(14 * frame.height, 60)).mark_bar()
            .encode(x=alt.X(f"{value}:Q", title=title),
                    y=alt.Y(f"{label}:N", sort=frame[label].to_list(), title=None,
                            axis=alt.Axis(labelLimit=360))))


def coverage(documents: pl.DataFrame) -> alt.Chart | None:
    counts = (documents.filter(pl.col("adopted_on").is_not_null())
              .group_by(pl.col("adopted_on").dt.year().alias("year"), pl.col("body").cast(pl.String))
              .agg(pl.len().alias("resolutions")).sort("year", "body"))
    if counts.height == 0:
        return None
    return (_chart(counts).mark_bar()
            .encode(x=alt.X("year:O", title="year of adoption"), y=alt.Y("resolutions:Q", title="resolutions"),
                    color=alt.Color("body:N", sort=sorted(set(counts["body"])), title="body")))


def _clause_strength(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Every clause with its verb's strength and its resolution's year of adoption."""
    documents = tables["documents"].select("document_id", pl.col("body").cast(pl.String),
                                           pl.col("adopted_on").dt.year().alias("year"))
    return (tables["clauses"].select("document_id", "verb")
            .join(tables["verbs"].select("verb", "strength"), on="verb")
            .join(documents, on="document_id").filter(pl.col("year").is_not_null()))


def verb_strength(tables: dict[str, pl.DataFrame]) -> alt.Chart | None:
    means = (_clause_strength(tables).group_by("year", "body")
             .agg(pl.col("strength").mean().round(3).alias("mean_strength"), pl.len().alias("clauses"))
             .sort("year", "body"))
    if means.height == 0:
        return None
    return (_chart(means).mark_line(point=True)
            .encode(x=alt.X("year:O", title="year of adoption"),
                    y=alt.Y("mean_strength:Q", title="mean verb strength of operative clauses",
                            scale=alt.Scale(zero=False)),
                    color=alt.Color("body:N", sort=sorted(set(means["body"])), title="body")))


def verb_mix(tables: dict[str, pl.DataFrame]) -> alt.Chart | None:
    mix = (_clause_strength(tables).group_by("year", "strength").agg(pl.len().alias("clauses"))
           .sort("year", "strength"))
    if mix.height == 0:
        return None
    return (_chart(mix).mark_bar()
            .encode(x=alt.X("year:O", title="year of adoption"),
                    y=alt.Y("clauses:Q", stack="normalize", title="share of operative clauses"),
                    color=alt.Color("strength:O", scale=alt.Scale(scheme="viridis"), title="verb strength"),
                    order=alt.Order("strength:O")))


def addressees(tables: dict[str, pl.DataFrame]) -> alt.Chart | None:
    top = (tables["actor_mentions"].filter(pl.col("role") == "addressee")
           .group_by("actor_id").agg(pl.len().alias("mentions"))
           .join(tables["actors"].select("actor_id", "name"), on="actor_id", how="left")
           .with_columns(pl.coalesce("name", "actor_id").alias("actor")).pipe(_labelled, "actor", "actor_id")
           .sort(["mentions", "actor"], descending=[True, False]).head(TOP))
    return _bars(top, "actor", "mentions", "times addressed by a directive clause") if top.height else None


def in_degrees(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Per cited instrument: citing resolutions (in-degree), citations, and a label with its name."""
    instruments = tables["instruments"].select("instrument_id", "symbol", "name")
    return (tables["instrument_graph"].group_by("instrument_id")
            .agg(pl.len().alias("citing_resolutions"), pl.col("n_citations").sum().alias("citations"))
            .join(instruments, on="instrument_id", how="left")
            .with_columns(pl.when(pl.col("name").is_null()).then(pl.col("instrument_id"))
                          .when(pl.col("symbol").is_null()).then(pl.col("name"))  # a slug says no more than the name
                          .otherwise(pl.col("instrument_id") + " · " + pl.col("name"))
                          .alias("instrument")).pipe(_labelled, "instrument", "instrument_id")
            .sort(["citing_resolutions", "citations", "instrument_id"], descending=[True, True, False]))


def most_cited(degrees: pl.DataFrame) -> alt.Chart | None:
    top = degrees.head(TOP)
    return _bars(top, "instrument", "citing_resolutions", "citing resolutions") if top.height else None


def degree_distribution(degrees: pl.DataFrame) -> alt.Chart | None:
    distribution = (degrees.group_by("citing_resolutions").agg(pl.len().alias("instruments"))
                    .sort("citing_resolutions"))
    if distribution.height == 0:
        return None
    return (_chart(distribution).mark_circle(size=60)
            .encode(x=alt.X("citing_resolutions:Q", scale=alt.Scale(type="log"), title="citing resolutions (in-degree)"),
                    y=alt.Y("instruments:Q", scale=alt.Scale(type="log"), title="instruments")))


def deadlines(frame: pl.DataFrame) -> alt.Chart | None:
    months = (frame.with_columns(pl.coalesce("date_end", "date_start").dt.truncate("1mo").alias("month"))
              .filter(pl.col("month").is_not_null())
              .group_by("month", pl.col("kind").cast(pl.String)).agg(pl.len().alias("deadlines"))
              .sort("month", "kind").with_columns(pl.col("month").dt.to_string("%Y-%m-%d")))
    if months.height == 0:
        return None
    return (_chart(months, height=40 * months["kind"].n_unique() + 40).mark_circle(opacity=0.7)
            .encode(x=alt.X("month:T", scale=alt.Scale(type="utc"), axis=alt.Axis(format="%Y"),
                            title="month of the deadline (latest date implied)"),
                    y=alt.Y("kind:N", sort=sorted(set(months["kind"])), title=None),
                    size=alt.Size("deadlines:Q", scale=alt.Scale(zero=False, range=[40, 400]), title="deadlines")))


def quarantine_reasons(counts: pl.DataFrame) -> alt.Chart | None:
    return _bars(counts, "reason", "inputs", "quarantined inputs") if counts.height else None


def charts(tables: dict[str, pl.DataFrame], degrees: pl.DataFrame, reasons: pl.DataFrame,
           cache: BlobCache | None = None) -> dict[str, Chart]:
    """Every chart of the report by name, drawn where the release has rows for it (or taken from ``cache``)."""
    specs = {
        "coverage": ("Resolutions by body and year", "Resolutions in this release by year of adoption, stacked by "
                     "adopting body (resolutions without an adoption date are not drawn).", coverage(tables["documents"])),
        "verb-strength": ("Verb strength over time", "Mean strength (verbs table: 1 takes note … 11 decides) of the "
                          "operative clauses adopted each year, per body.", verb_strength(tables)),
        "verb-mix": ("Mix of verb strengths", "Share of operative clauses at each verb strength, per year of "
                     "adoption.", verb_mix(tables)),
        "addressees": ("Most-addressed actors", f"The {TOP} actors most often the object of a directive clause "
                       "(actor_mentions with role = addressee).", addressees(tables)),
        "most-cited": ("Most-cited instruments", f"The {TOP} instruments cited by the most resolutions "
                       "(instrument_graph in-degree).", most_cited(degrees)),
        "degree-distribution": ("Shape of the citation network", "How many instruments are cited by how many "
                                "resolutions (log–log): a long tail means a few instruments anchor the corpus.",
                                degree_distribution(degrees)),
        "deadlines": ("Deadlines on a timeline", "Dated deadlines and scheduled events per month and kind (the "
                      "latest date implied; session deadlines at the session's close).", deadlines(tables["deadlines"])),
        "quarantine": ("Quarantined inputs by reason", "Inputs not built into the tables, by reason code.",
                       quarantine_reasons(reasons)),
    }
    return {name: Chart(name, title, caption, svg(name, chart, cache) if chart is not None else None)
            for name, (title, caption, chart) in specs.items()}
