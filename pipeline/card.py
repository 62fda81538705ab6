"""The dataset card (the release's README.md): what is in it, coverage, accuracy, how it was made, how to cite."""

from __future__ import annotations

import subprocess
from importlib import metadata
from pathlib import Path

import polars as pl
import pyarrow as pa

from pipeline.changes import ChangeReport
from pipeline.distribute import release_date
from pipeline.sources import FORMS
from schemas import TABLES

REPO = Path(__file__).resolve().parents[1]


def _code_version() -> str:
    try:
        package = metadata.version("unres")
    except metadata.PackageNotFoundError:
        package = "unknown"
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                                check=True, timeout=10).stdout.strip()
        git = f"git commit {commit}"
    except (OSError, subprocess.SubprocessError):
        git = "git commit unknown (not built from a git checkout)"
    return f"unres {package}, {git}; polars {pl.__version__}, pyarrow {pa.__version__}"


def dataset_card(version: str, tables: dict[str, pl.DataFrame], sources: list[dict],
                 changes: ChangeReport | None = None, accuracy: dict | None = None) -> str:
    schema_version = changes.schema_version if changes else "1.0.0"
    lines = [
        *front_matter(tables),
        f"# unres {version}",
        "",
        "United Nations resolutions as validated tables: paragraphs, footnotes, operative clauses and verbs,",
        "actors, cited instruments and deadlines, votes and sponsors. Built by the unres pipeline from the sources",
        "listed below; the United Nations is the author of every source text.",
        "",
        f"Release {version} · schema version {schema_version} · licence CC BY 4.0 (tables; see LICENSE.md)",
        "",
        "## Tables",
        "",
        "| table | rows | one row per | primary key |",
        "|---|---:|---|---|",
    ]
    for name, spec in TABLES.items():
        lines.append(f"| {name} | {tables[name].height} | {spec.description} | {', '.join(spec.primary_key)} |")
    lines += ["", "The [release report](report/index.html) draws coverage, verbs, actors, citations, deadlines, accuracy",
              "and corpus health as static charts; the [data dictionary](report/dictionary.html) lists every column with",
              "its type, keys and three example values from this release.", ""]
    lines += ["## Coverage", "", *coverage_lines(tables), ""]
    lines += field_lines(tables)
    lines += [
        "## Load",
        "",
        "```python",
        "import polars as pl",
        'clauses = pl.read_parquet("parquet/clauses.parquet")',
        "# or, from anywhere: import pipeline; pipeline.load(\"clauses\", version=\"" + version + "\")",
        "```",
        "",
        "```sql",
        "-- duckdb unres.duckdb   (tables with keys and column comments; rebuilt from unres.sql on download)",
        "select verb, count(*) from clauses group by verb order by 2 desc limit 10;",
        "```",
        "",
        "Every column is described in `datapackage.json` (Frictionless Data Package v2) and in each Parquet",
        "field's metadata (`description`); CSV copies are in `csv/` (list columns as JSON arrays).",
        "Verify the files with `sha256sum -c SHA256SUMS` or `unres validate .`.",
        "",
        "## Schema version",
        "",
        f"`schema_version` {schema_version} (in `datapackage.json`) is semver over the tables' columns: major when a",
        "column or table is renamed or removed, retyped, or changes meaning; minor when a column or table is added;",
        "patch when only the rows change. The release version (CalVer) names the data; the schema version tells",
        "whether your code still reads it.",
        "",
        "## Changes",
        "",
    ]
    if changes is None or changes.previous is None:
        lines.append("First release: nothing to compare with. See `CHANGES.md`.")
    else:
        added = sum(len(t.added) for t in changes.tables)
        removed = sum(len(t.removed) for t in changes.tables)
        changed = sum(t.n_changed for t in changes.tables)
        lines.append(f"Against {changes.previous}: {added} rows added, {removed} removed, {changed} changed "
                     "(all tables). Per table, with examples, in `CHANGES.md`; every change in `changes.parquet`.")
    lines += ["", "## Accuracy", ""]
    if accuracy and accuracy.get("available"):
        lines += ["Scores against the hand-checked gold annotations in the unres repository (`tests/gold`),",
                  "computed by `unres evaluate` at build time; per document in `accuracy.json`.", "",
                  "| scored as | precision | recall | F1 | gold rows |", "|---|---:|---:|---:|---:|"]
        lines += [f"| {table} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['expected']} |"
                  for table, s in accuracy["tables"].items()]
        lines += ["", "Gold documents: " + ", ".join(d["document_id"] for d in accuracy["documents"]) + "."]
    else:
        lines.append("No accuracy figures: " + ((accuracy or {}).get("reason") or "not computed") + ".")
    lines += [
        "",
        "## Known limitations",
        "",
        "- Everything is extracted by rules and lexicons from the UN's XML, PDF files and their text; read `accuracy.json` before",
        "  relying on a table, and check the official document for authoritative wording.",
        "- Actors, verbs and named instruments are found only when the lexicons list them; others are absent.",
        "- Inputs that could not be parsed are listed in `quarantine` rather than in the tables.",
        "- Parquet files record the polars version that wrote them: a dependency upgrade changes file hashes",
        "  without changing the data (compare `changes.parquet`, not hashes).",
        "",
        "## How it was built",
        "",
        f"Code: {_code_version()}.",
        "Sources (every row of `documents` names its input in `source_file` and its bytes' SHA-256; every form",
        "of every resolution is in `document_forms`). The United Nations is the author of every text.",
        "",
        "| source | repository | commit | terms | resolutions published |",
        "|---|---|---|---|---:|",
    ]
    lines += [f"| {s['name']} | {s['path']} | {s['version']} | {s['terms']} | {s['documents']} |" for s in sources]
    lines += [
        "",
        "## Curation notes",
        "",
        "- Each resolution is published once, from its best form (by default akn_xml > pdf > pdf_text >",
        "  compilation_text > text); every other form of it is read too and compared with it (`document_forms`).",
        "- Nothing is dropped silently: every character of a resolution's body is in a paragraph or a footnote, or",
        "  counted as residue (`documents.n_residue_chars`, which must be 0); an input that cannot be parsed is in",
        "  `quarantine` with its reason, and the rest of the corpus still builds.",
        "- Every table passes its Pandera model and its keys before the release is written; the gold scores",
        "  (`accuracy.json`), the cross-form agreement and `corpus_health` measure how far to trust it.",
        "- Vocabularies (verbs and their strength, actors, named instruments, the session calendar) are curated",
        "  lexicon files in the unres repository; a change to them is a change of the release.",
        "- The tables quote public United Nations documents: they name States, organisations and officials as the",
        "  texts do, and hold no other personal data.",
        "",
        "## Contact",
        "",
        "Questions, errors in a table and requests: open an issue in the unres repository's issue tracker, giving",
        "the release version and the key of the row (e.g. `A/RES/72/284:op12`).",
        "",
        "## How to cite",
        "",
        f"The unres contributors, *unres: United Nations resolutions as tables*, version {version}",
        f"({release_date(version)}), CC BY 4.0. Machine-readable: `CITATION.cff`.",
        "",
        "## Licence",
        "",
        "Tables: CC BY 4.0. The source texts are United Nations documents, reproduced under the UN's terms of use",
        "(https://www.un.org/en/about-us/terms-of-use). Full terms in `LICENSE.md`.",
        "",
    ]
    return "\n".join(lines)


_TAGS = ("united-nations", "resolutions", "international-law", "international-relations", "legal", "tabular")
_SIZES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
          (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"))


def front_matter(tables: dict[str, pl.DataFrame]) -> list[str]:
    """Hugging Face dataset-card metadata, so the release directory can be pushed as a dataset repository
    as it is: one config per Parquet table; the size category is that of the largest table."""
    largest = max(frame.height for frame in tables.values())
    size = next((label for bound, label in _SIZES if largest < bound), "100M<n<1B")
    lines = ["---", "license: cc-by-4.0", 'pretty_name: "unres: United Nations resolutions as tables"',
             "language:", "- en", "tags:", *[f"- {tag}" for tag in _TAGS], "size_categories:", f"- {size}", "configs:"]
    for i, name in enumerate(TABLES):
        lines += [f"- config_name: {name}", f"  data_files: parquet/{name}.parquet"] + (["  default: true"] if i == 0 else [])
    return [*lines, "---", ""]


def field_lines(tables: dict[str, pl.DataFrame]) -> list[str]:
    """Every column with its type and description, one folded table per table (from the Pandera models)."""
    lines = ["## Fields", "",
             "Every column of every table, with its type and description; keys, constraints and example values are",
             "in the [data dictionary](report/dictionary.html), the same descriptions in `datapackage.json`.", ""]
    for name, spec in TABLES.items():
        columns = spec.model.to_schema().columns
        lines += ["<details>", f"<summary><code>{name}</code>: {len(columns)} columns</summary>", "",
                  "| column | type | description |", "|---|---|---|"]
        for column, model in columns.items():
            dtype = tables[name].schema.get(column, model.dtype.type)
            description = (model.description or "").replace("|", "\\|")
            lines.append(f"| `{column}` | {dtype} | {description} |")
        lines += ["", "</details>", ""]
    return lines


def coverage_lines(tables: dict[str, pl.DataFrame]) -> list[str]:
    """Resolutions by body and form, adoption years, and how far the other forms agree with the published one."""
    documents = tables["documents"]
    if documents.height == 0:
        return ["No resolutions in this release."]
    by_form = (documents.with_columns(pl.col("form").cast(pl.String), pl.col("body").cast(pl.String),
                                      pl.col("adopted_on").dt.year().alias("year"))
               .group_by("body").agg(pl.len().alias("n"), pl.col("year").min().alias("first"),
                                     pl.col("year").max().alias("last"),
                                     *[(pl.col("form") == form).sum().alias(form) for form in FORMS])
               .sort("body"))
    lines = ["| body | resolutions | years | " + " | ".join(FORMS) + " |", "|---|---:|---|" + "---:|" * len(FORMS)]
    for row in by_form.iter_rows(named=True):
        lines.append(f"| {row['body']} | {row['n']:,} | {row['first']}–{row['last']} | "
                     + " | ".join(f"{row[form]:,}" for form in FORMS) + " |")
    lines += ["", f"Quarantined inputs (not in the tables): {tables['quarantine'].height}; see `quarantine` for each "
                  "input and its reason.", ""]
    lines += agreement_lines(tables["document_forms"])
    return lines


def agreement_totals(forms: pl.DataFrame) -> pl.DataFrame:
    """Totals of document_forms per (other form, published form), over every resolution published from one
    form and also read from another; no rows when none came in two forms. The card and the report print it."""
    other = forms.filter(~pl.col("chosen"))
    published = forms.filter("chosen").select("document_id", pl.col("form").cast(pl.String).alias("published"))
    return (other.join(published, on="document_id").with_columns(pl.col("form").cast(pl.String))
            .group_by("form", "published")
            .agg(pl.len().alias("documents"), *[pl.col(c).sum() for c in _COUNTS]).sort("form", "published"))


def agreement_lines(forms: pl.DataFrame) -> list[str]:
    """The agreement totals as a Markdown table."""
    totals = agreement_totals(forms)
    if totals.height == 0:
        return ["No resolution came in two forms, so there is no cross-form agreement to report."]
    lines = ["Agreement between two forms of the same resolution (per resolution in `document_forms`): paragraphs of",
             "the other form found in the published one, and of those the share with the same text and lead verb;",
             "cited instruments of the other form also cited by the published one.", "",
             "| other form | published form | resolutions | paragraphs found | same text | same lead verb | citations found |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for row in totals.iter_rows(named=True):
        shared = row["n_paragraphs_shared"]
        lines.append(f"| {row['form']} | {row['published']} | {row['documents']:,} | "
                     f"{share(shared, row['n_paragraphs'])} | {share(row['n_texts_equal'], shared)} | "
                     f"{share(row['n_lead_verbs_equal'], shared)} | "
                     f"{share(row['n_citations_shared'], row['n_citations'])} |")
    return lines


_COUNTS = ("n_paragraphs", "n_paragraphs_shared", "n_texts_equal", "n_lead_verbs_equal", "n_citations",
           "n_citations_shared")


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "–"
