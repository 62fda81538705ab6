"""The release report, report/index.html: what a release holds and how far to trust it, on one static page.

It lives inside the release directory, so SHA256SUMS covers it and the archive carries it; like every
other file of a release it is a function of the tables alone (byte-identical for the same tables).
Charts are in ``report_charts``, the data dictionary beside it in ``dictionary``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from pipeline.card import agreement_totals, share
from pipeline.dictionary import dictionary_html
from pipeline.health import directive_clauses  # the measure's own selection of directive clauses
from pipeline.report_charts import Chart, charts, in_degrees
from pipeline.report_html import code, esc, link, page, table
from schemas import TABLES
from schemas.documents import QUARANTINE_REASONS
from schemas.health import MEASURES

if TYPE_CHECKING:
    from pipeline.blobs import BlobCache

EXAMPLES = 10  # cases listed under a health measure
QUARANTINE_ROWS = 1000  # the list stops there; the quarantine table has them all


def write_report(root: Path, version: str, tables: dict[str, pl.DataFrame], accuracy: dict, package: dict,
                 cache: BlobCache | None = None) -> None:
    """report/index.html and report/dictionary.html inside the release directory ``root``; ``cache``
    keeps the chart drawings for the next build."""
    out = root / "report"
    out.mkdir()
    for name, text in (("index.html", report_html(version, tables, accuracy, cache)),
                       ("dictionary.html", dictionary_html(version, tables, package))):
        (out / name).write_text(text, encoding="utf-8", newline="\n")


def report_html(version: str, tables: dict[str, pl.DataFrame], accuracy: dict, cache: BlobCache | None = None) -> str:
    degrees = in_degrees(tables)
    reasons = (tables["quarantine"].group_by(pl.col("reason").cast(pl.String)).agg(pl.len().alias("inputs"))
               .sort(["inputs", "reason"], descending=[True, False]))
    drawn = charts(tables, degrees, reasons, cache)
    sections = [
        ("coverage", "Coverage", [_figure(drawn["coverage"])]),
        ("verbs", "Verbs", [_figure(drawn["verb-strength"]), _figure(drawn["verb-mix"])]),
        ("actors", "Actors", [_figure(drawn["addressees"])]),
        ("citations", "Citations", [_figure(drawn["most-cited"]), _network(tables, degrees),
                                    _figure(drawn["degree-distribution"])]),
        ("deadlines", "Deadlines", [_figure(drawn["deadlines"]), _deadline_kinds(tables["deadlines"])]),
        ("accuracy", "Accuracy against gold", [_accuracy(accuracy)]),
        ("agreement", "Cross-form agreement", [_agreement(tables["document_forms"])]),
        ("health", "Corpus health", [_health(tables), _quarantine(tables["quarantine"], reasons, drawn["quarantine"])]),
    ]
    body = [
        "<header>",
        f"<h1>unres {esc(version)}: release report</h1>",
        f'<p>What this release holds and how far to trust it. Every column is described in the '
        f'{link("dictionary.html", "data dictionary")}; the dataset card is {link("../README.md", "README.md")}, '
        f'the machine-readable descriptor {link("../datapackage.json", "datapackage.json")}.</p>',
        "<nav>" + "".join(f'<a href="#{anchor}">{esc(title)}</a>' for anchor, title, _ in sections) + "</nav>",
        "</header>",
        "<h2>Tables</h2>",
        table(["table", "rows", "one row per"],
              [(link(f"dictionary.html#{name}", name), tables[name].height, spec.description)
               for name, spec in TABLES.items()], numeric=[1]),
    ]
    for anchor, title, parts in sections:
        body += [f'<section id="{anchor}">', f"<h2>{esc(title)}</h2>", *parts, "</section>"]
    n_charts = sum(chart.svg is not None for chart in drawn.values())
    return page(f"unres {version}: release report", "\n".join(body), charts=n_charts)


def _figure(chart: Chart) -> str:
    if chart.svg is None:
        return f'<h3>{esc(chart.title)}</h3>\n<p class="empty">No rows to draw in this release.</p>'
    return (f'<figure class="chart" id="chart-{chart.name}">\n<h3>{esc(chart.title)}</h3>\n'
            f"<figcaption>{esc(chart.caption)}</figcaption>\n{chart.svg}\n</figure>")


def _network(tables: dict[str, pl.DataFrame], degrees: pl.DataFrame) -> str:
    graph = tables["instrument_graph"]
    once = degrees.filter(pl.col("citing_resolutions") == 1).height
    rows = [
        ("cited instruments", degrees.height),
        ("citing resolutions", graph["citing_document_id"].n_unique()),
        ("edges (citing resolution, instrument)", graph.height),
        ("edges between two resolutions of this release", graph.filter(pl.col("cited_document_id").is_not_null()).height),
        ("instruments cited by one resolution only", f"{once:,} ({share(once, degrees.height)})"),
        ("largest in-degree", degrees["citing_resolutions"].max() if degrees.height else None),
    ]
    return "<h3>Network</h3>\n" + table(["", "count"], rows, numeric=[1])


def _deadline_kinds(deadlines: pl.DataFrame) -> str:
    kinds = (deadlines.with_columns(pl.coalesce("date_end", "date_start").is_not_null().alias("dated"))
             .group_by(pl.col("kind").cast(pl.String))
             .agg(pl.len().alias("n"), pl.col("dated").sum(), pl.col("recurrence").is_not_null().sum().alias("recurring"),
                  pl.col("actor_id").is_not_null().sum().alias("with_actor"))
             .sort("kind"))
    return table(["kind", "deadlines", "dated (drawn)", "with a recurrence", "with an actor"],
                 kinds.rows(), numeric=[1, 2, 3, 4])


def _accuracy(accuracy: dict) -> str:
    if not accuracy.get("available"):
        return f'<p class="empty">No accuracy figures: {esc(accuracy.get("reason") or "not computed")}.</p>'
    totals = table(["scored as", "precision", "recall", "F1", "true positives", "predicted", "gold rows"],
                   [(name, s["precision"], s["recall"], s["f1"], s["true_positives"], s["predicted"], s["expected"])
                    for name, s in accuracy["tables"].items()], numeric=[1, 2, 3, 4, 5, 6])
    scored = list(accuracy["tables"])
    per_document = table(["document", "gold", *[f"F1 {name}" for name in scored]],
                         [(d["document_id"], d["gold"], *[d["tables"].get(name, {}).get("f1") for name in scored])
                          for d in accuracy["documents"]], numeric=range(2, 2 + len(scored)))
    parts = [f"<p>{esc(accuracy['method'])} (from {link('../accuracy.json', 'accuracy.json')}).</p>", totals,
             "<h3>Per gold document</h3>", per_document]
    if accuracy.get("skipped"):
        parts += ["<h3>Gold documents not scored</h3>",
                  table(["gold", "document", "reason"], [(s["gold"], s["document_id"], s["reason"])
                                                         for s in accuracy["skipped"]])]
    return "\n".join(parts)


def _agreement(forms: pl.DataFrame) -> str:
    totals = agreement_totals(forms)
    if totals.height == 0:
        return '<p class="empty">No resolution came in two forms, so there is no cross-form agreement to report.</p>'
    rows = [(r["form"], r["published"], r["documents"], share(r["n_paragraphs_shared"], r["n_paragraphs"]),
             share(r["n_texts_equal"], r["n_paragraphs_shared"]), share(r["n_lead_verbs_equal"], r["n_paragraphs_shared"]),
             share(r["n_citations_shared"], r["n_citations"])) for r in totals.iter_rows(named=True)]
    return ("<p>Where a resolution came in more than one form, each other form is read and compared with the "
            "published one (per resolution in <code>document_forms</code>): paragraphs of the other form found in "
            "the published one, of those the share with the same text and the same lead verb, and cited instruments "
            "of the other form also cited by the published one.</p>\n"
            + table(["other form", "published form", "resolutions", "paragraphs found", "same text",
                     "same lead verb", "citations found"], rows, numeric=[2, 3, 4, 5, 6]))


def _health(tables: dict[str, pl.DataFrame]) -> str:
    """The corpus_health table, measure by source, then the first cases of the two text measures."""
    health = tables["corpus_health"].with_columns(pl.col("measure").cast(pl.String))
    sources = sorted(set(health["source"]) - {"all"}) + ["all"]
    cells = {(r["measure"], r["source"]): r for r in health.iter_rows(named=True)}

    def value(row: dict | None) -> str:
        if row is None:
            return "–"
        if row["total"] is None:
            return f"{row['count']:,}"
        return f"{row['count']:,} of {row['total']:,} ({share(row['count'], row['total'])})"

    parts = [
        "<p>Signs of text the pipeline did not understand, per source (the published <code>corpus_health</code> "
        "table). Each should be rare; the lists below show the first cases in key order.</p>",
        table(["measure", "what is counted", *sources],
              [(code(m), description, *[value(cells.get((m, s))) for s in sources])
               for m, description in MEASURES.items()], numeric=range(2, 2 + len(sources))),
    ]
    operative = tables["paragraphs"].filter((pl.col("section") == "operative") & (pl.col("kind") == "paragraph"))
    no_verb = operative.filter(pl.col("lead_verb").is_null()).sort("paragraph_id").head(EXAMPLES)
    if no_verb.height:
        parts += ["<h3>Operative paragraphs without a lead verb</h3>",
                  table(["paragraph", "opening"], [(code(pid), text[:120] + "…" * (len(text) > 120)) for pid, text in
                                                   no_verb.select("paragraph_id", "text").rows()])]
    addressed = tables["actor_mentions"].filter(pl.col("role") == "addressee").select("clause_id")
    unaddressed = (directive_clauses(tables).join(addressed, on="clause_id", how="anti")
                   .join(tables["clauses"].select("clause_id", "verb_phrase"), on="clause_id")
                   .sort("clause_id").head(EXAMPLES))
    if unaddressed.height:
        parts += ["<h3>Directive clauses without an addressee</h3>",
                  table(["clause", "verb as written"], [(code(cid), phrase) for cid, phrase in
                                                        unaddressed.select("clause_id", "verb_phrase").rows()])]
    return "\n".join(parts)


def _quarantine(quarantine: pl.DataFrame, reasons: pl.DataFrame, chart: Chart) -> str:
    if quarantine.height == 0:
        return "<h3>Quarantine</h3>\n<p class=\"empty\">No input was quarantined.</p>"
    listed = quarantine.sort("source_file").head(QUARANTINE_ROWS)
    more = (f" The first {QUARANTINE_ROWS:,} of {quarantine.height:,} by file name; all are in the quarantine table."
            if quarantine.height > QUARANTINE_ROWS else "")
    return "\n".join([
        _figure(chart),
        table(["reason", "what it means", "inputs"],
              [(code(r), QUARANTINE_REASONS[r], n) for r, n in reasons.rows()], numeric=[2]),
        "<h3>Quarantined inputs</h3>",
        f"<p>Inputs not built into the tables, with what went wrong and what to do.{esc(more)}</p>",
        table(["input", "source", "form", "reason", "detail"],
              [(code(f), s, form, code(r), d) for f, s, form, r, d in
               listed.select("source_file", "source", pl.col("form").cast(pl.String), pl.col("reason").cast(pl.String),
                             "detail").rows()]),
    ])
