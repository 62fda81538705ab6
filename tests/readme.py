"""The README runs: its Python examples, the commands it names and the figures it quotes, against a release.

Every fenced block and every command in inline code is either run here or listed in ``NOT_RUN`` with the reason;
``tests/test_readme.py`` fails on one that is neither. To refresh every shown output and figure after the numbers
changed (this builds the full-corpus release first, unless given one):

    .venv/bin/python -m tests.readme --update [--release data/releases/<version>]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# Where a release's path may differ between the README and a run: it is shown as data/releases/<version>.
RELEASE_PATH = re.compile(r"\S*releases/\d{4}\.\d{1,2}\.\d{1,2}(?:\.\d+)?")

# Blocks (by their first line) and inline commands that are not run, with the reason.
NOT_RUN = {
    "make release   # builds": "the build and the suite themselves: the fixture runs `unres build` with the "
                               "defaults `make release` uses, and this test is part of `make test`",
    "real corpus: ": "bench/corpus.py's timings on this machine (minutes, and they vary with the machine)",
    "# run_config.yaml": "Celery: the README says it was checked once in a scratch environment, not here",
    "UNRES_EXECUTOR=celery dagster-celery": "Celery: needs a broker and dagster-celery, not installed here",
    "data/sources/*.zip ─ raw_<source>": "a diagram of the assets, not a command",
    "dagster dev -w workspace.yaml": "`make ui`'s long-running server",
    "make release": "the fixture runs the same `unres build`",
    ".venv/bin/python -m tests.readme --update": "it rewrites README.md; the test runs the same comparison",
    "make test": "the suite itself",
    "make ui": "a long-running server (dagster dev)",
    "make bench": "bench/corpus.py, minutes",
    ".venv/bin/dagster job execute -m pipeline.definitions -j build_release": "a second full build, the same job",
    "UNRES_EXECUTOR=multiprocess dagster job execute -m pipeline.definitions -j build_release":
        "a second full build; tests/test_executors.py runs the multiprocess executor on three texts",
    "unres build --executor multiprocess": "tests/test_executors.py runs it on three texts",
    "unres build --dagster-home .dagster_home": "`make release`'s build; tests/test_build.py records a run",
    ".venv/bin/unres build --raw DIR --sources DIR --out DIR --version V": "the synopsis; the fixture runs a build",
    "python bench/forms.py": "a benchmark, minutes", "python bench/pdf_vs_xml.py": "a benchmark (poppler)",
    "python bench/citations.py": "a benchmark", "python bench/compare_dateparser.py": "a benchmark (dateparser)",
    "python bench/corpus.py": "a benchmark, minutes", "python bench/run.py --documents N": "a benchmark",
    "python bench/run.py --executor multiprocess": "a benchmark, minutes",
    "pytest -m faults": "part of the suite", "arrow::open_dataset": "R is not installed here",
    "unres download [VERSION|latest] [--to DIR] [--from URL]": "the synopsis of the download run below",
    "pipeline.load(table)": "the synopsis of the Python examples, which run",
}
# Inline code that is a command (a program, a call), as opposed to a name or a value.
COMMAND = re.compile(r"^(?:\.venv/bin/|unres |make |python |cd |pytest |dagster |UNRES_EXECUTOR=\S+ |pd\.|"
                     r"pipeline\.load\(|arrow::)")


@dataclass
class Block:
    info: str  # the fence's language
    start: int  # index of the first body line in the README's lines
    end: int  # index of the closing fence
    lines: list[str]

    @property
    def first(self) -> str:
        return self.lines[0] if self.lines else ""


def blocks(lines: list[str]) -> list[Block]:
    found, opened = [], None
    for index, line in enumerate(lines):
        if line.startswith("```"):
            if opened is None:
                opened = (line[3:].strip(), index + 1)
            else:
                found.append(Block(opened[0], opened[1], index, lines[opened[1]:index]))
                opened = None
    return found


def inline_commands(text: str) -> list[str]:
    outside = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    spans = (" ".join(span.split()) for span in re.findall(r"`([^`\n]+(?:\n[^`\n]+)?)`", outside))
    return sorted({span for span in spans if COMMAND.match(span)})


def normalised(text: str) -> str:
    return RELEASE_PATH.sub("data/releases/<version>", "\n".join(line.rstrip() for line in text.splitlines()))


# --- what runs ------------------------------------------------------------------------------


@dataclass
class Example:
    source: list[str]  # as in the README, with the prompts
    want: list[str]


def examples(block: Block) -> list[Example]:
    found: list[Example] = []
    for line in block.lines:
        if line.startswith(">>> "):
            found.append(Example([line], []))
        elif line.startswith("... ") or line == "...":
            found[-1].source.append(line)
        else:
            found[-1].want.append(line)
    return found


def run_example(example: Example, namespace: dict) -> str:
    code = "\n".join(line[4:] for line in example.source)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<README.md>", "single"), namespace)  # noqa: S102 - the README's own examples
    return out.getvalue().rstrip("\n")


@contextlib.contextmanager
def releases_dir(release: Path) -> Iterator[None]:
    """``pipeline.load`` finds ``release`` as the newest release, as it finds data/releases' newest."""
    before = os.environ.get("UNRES_RELEASES_DIR")
    os.environ["UNRES_RELEASES_DIR"] = str(release.parent)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("UNRES_RELEASES_DIR")
        else:
            os.environ["UNRES_RELEASES_DIR"] = before


def python_outputs(lines: list[str], release: Path) -> dict[int, list[tuple[Example, str]]]:
    """Each Python block's examples with what they print, run in one namespace in the README's order."""
    namespace: dict = {"__name__": "README"}
    results = {}
    with releases_dir(release):
        for block in blocks(lines):
            if block.info == "python":
                results[block.start] = [(example, run_example(example, namespace)) for example in examples(block)]
    return results


def evaluate_output(release: Path) -> dict[str, str]:
    """``unres evaluate --release <release>``: the gold table and the corpus-health block the README shows."""
    from pipeline.cli import main as unres

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = unres(["evaluate", "--release", str(release)])
    assert status == 0, f"unres evaluate --release {release}: exit status {status}"
    gold, health = out.getvalue().split("\ncorpus health of ", 1)
    return {"gold                     table": gold.strip("\n"), "corpus health of": "corpus health of " + health.strip("\n")}


# --- figures quoted in the prose ---------------------------------------------------------------


@dataclass
class Figure:
    pattern: str  # README text; {name} marks a figure
    values: dict[str, str]

    def spans(self, text: str) -> list[tuple[int, int, str]] | None:
        """(start, end, expected) of each figure in ``text``; None when the sentence is not found."""
        parts = re.split(r"\{(\w+)\}", self.pattern)
        regex = "".join(r"([\w.,–%]+)" if index % 2 else _loose(part) for index, part in enumerate(parts))
        match = re.search(regex, text)
        if match is None:
            return None
        names = parts[1::2]
        return [(match.start(i + 1), match.end(i + 1), self.values[name]) for i, name in enumerate(names)]


def _loose(literal: str) -> str:
    """``literal`` as a regex in which any run of spaces may be any whitespace (the README wraps its lines)."""
    return "".join(r"\s+" if token.isspace() else re.escape(token) for token in re.split(r"(\s+)", literal) if token)


WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def _word(count: int) -> str:
    return WORDS[count] if count < len(WORDS) else f"{count:,}"


def figures(release: Path) -> list[Figure]:
    from pipeline.card import agreement_totals, share

    def table(name: str) -> pl.DataFrame:
        return pl.read_parquet(release / "parquet" / f"{name}.parquet")

    health = table("corpus_health").with_columns(pl.col("measure").cast(pl.String))
    measure = {(row["source"], row["measure"]): row for row in health.iter_rows(named=True)}
    reasons = dict(table("quarantine").group_by(pl.col("reason").cast(pl.String)).len().rows())
    agreement = {(row["form"], row["published"]): row for row in agreement_totals(table("document_forms")).iter_rows(named=True)}

    def same_text(form: str) -> str:
        row = agreement.get((form, "akn_xml"))
        return share(row["n_texts_equal"], row["n_paragraphs_shared"]) if row else "–"

    def pct(source: str, name: str, digits: int = 2) -> str:
        return f"{measure[(source, name)]['share'] * 100:.{digits}f}"

    def counted(name: str) -> dict[str, str]:
        row = measure[("all", name)]
        return {"count": f"{row['count']:,}", "total": f"{row['total']:,}" if row["total"] is not None else ""}

    council = ("unxml_sc", "sc_pdftext", "sc_compilations")

    def council_share(name: str) -> dict[str, str]:
        count = sum(measure[(source, name)]["count"] for source in council)
        total = sum(measure[(source, name)]["total"] for source in council)
        return {"count": f"{count:,}", "total": f"{total:,}", "share": f"{count / total * 100:.2f}"}

    addressless = sorted(measure[(source, "directive_clauses_without_addressee")]["share"] for source in council)
    found = [
        Figure("A release holds **{documents} resolutions**", {"documents": f"{table('documents').height:,}"}),
        Figure("**One resolution, several forms.** {forms} inputs", {"forms": counted("other_forms")["count"]}),
        Figure("**Quarantine.** {count} of {total} inputs ({share}%) are not in the tables, each with its reason in "
               "`quarantine`: {not_adopted} not-adopted Security Council drafts, {statements} presidential statement "
               "and {languages} French",
               {**counted("quarantined"), "share": pct("all", "quarantined"),
                "not_adopted": f"{reasons.get('not_adopted', 0):,}",
                "statements": _word(reasons.get("presidential_statement", 0)),
                "languages": _word(reasons.get("not_english", 0))}),
        Figure("(`pipeline/lexicons/verbs.csv`, {verbs} lemmas", {"verbs": f"{table('verbs').height:,}"}),
        Figure("Operative paragraphs without a lead verb: {share}% ({count} of {total}; Council PDF text {pdftext}%, "
               "Council XML {xml}%, Council compilations {compilations}%)",
               {**counted("operative_without_lead_verb"), "share": pct("all", "operative_without_lead_verb"),
                "pdftext": pct("sc_pdftext", "operative_without_lead_verb"),
                "xml": pct("unxml_sc", "operative_without_lead_verb"),
                "compilations": pct("sc_compilations", "operative_without_lead_verb", 1)}),
        Figure("the Council's three sources together {share}% ({count} of {total})", council_share("operative_without_lead_verb")),
        Figure("Directive clauses without an addressee: {share}% ({count} of {total}; Security Council sources "
               "{low}–{high}%)",
               {**counted("directive_clauses_without_addressee"),
                "share": pct("all", "directive_clauses_without_addressee", 1),
                "low": f"{addressless[0] * 100:.1f}", "high": f"{addressless[-1] * 100:.1f}"}),
        Figure("The text parser agrees with the XML on {same} of Security Council PDF-text paragraphs",
               {"same": same_text("pdf_text")}),
        Figure("The same texts of the two forms of a Security Council resolution 2000–2014: {sc} of paragraphs; "
               "the GA PDFs: {ga}.", {"sc": same_text("pdf_text"), "ga": same_text("pdf")}),
    ]
    for source in health.filter(pl.col("source") != "all")["source"].unique().sort():
        found.append(Figure(f"| `{source}` | {{form}} | {{inputs}} |",
                            {"inputs": f"{measure[(source, 'inputs')]['count']:,}", "form": ""}))
    return found


def forms_table(release: Path) -> list[str]:
    """The rows of the README's cross-form agreement table, as the dataset card prints them."""
    from pipeline.card import agreement_lines

    lines = agreement_lines(pl.read_parquet(release / "parquet" / "document_forms.parquet"))
    return [line for line in lines if line.startswith("| ")][1:]


FORMS_HEADER = "| other form | published form | resolutions |"


# --- check and update ---------------------------------------------------------------------------


def problems_and_update(text: str, release: Path) -> tuple[list[str], str]:
    """What differs between the README and a run against ``release``, and the README with the run's output."""
    lines = text.split("\n")
    problems: list[str] = []
    replace: dict[tuple[int, int], list[str]] = {}  # README line range -> lines from the run

    def as_shown(output: str) -> list[str]:
        return RELEASE_PATH.sub(f"data/releases/{release.name}", output).split("\n")

    python = python_outputs(lines, release)
    commands = evaluate_output(release)
    for block in blocks(lines):
        if block.start in python:
            new: list[str] = []
            for example, got in python[block.start]:
                new += example.source + as_shown(got)
                if normalised("\n".join(example.want)) != normalised(got):
                    problems.append(f"README.md line {block.start + 1}: {example.source[0][4:]!r} prints\n{got}\n"
                                    f"not\n" + "\n".join(example.want))
            replace[(block.start, block.end)] = new
        elif any(block.first.startswith(key) for key in commands):
            got = next(output for key, output in commands.items() if block.first.startswith(key))
            if normalised("\n".join(block.lines)) != normalised(got):
                problems.append(f"README.md line {block.start + 1}: unres evaluate prints\n{got}\nnot\n"
                                + "\n".join(block.lines))
            replace[(block.start, block.end)] = as_shown(got)
    header = next((index for index, line in enumerate(lines) if line.startswith(FORMS_HEADER)), None)
    if header is None:
        problems.append(f"README.md: no table starting {FORMS_HEADER!r}")
    else:
        start = header + 2
        end = next(index for index in range(start, len(lines) + 1) if index == len(lines) or not lines[index].startswith("|"))
        rows = forms_table(release)
        if lines[start:end] != rows:
            problems.append(f"README.md line {start + 1}: the document_forms table is\n" + "\n".join(rows))
        replace[(start, end)] = rows
    for (start, end), new in sorted(replace.items(), reverse=True):
        lines[start:end] = new
    updated = "\n".join(lines)
    edits = []
    for figure in figures(release):
        spans = figure.spans(updated)
        if spans is None:
            problems.append(f"README.md: no sentence matching {figure.pattern!r}")
            continue
        for start, end, expected in spans:
            if expected and updated[start:end] != expected:
                problems.append(f"README.md: {updated[start:end]!r} where the release gives {expected!r} "
                                f"(in {figure.pattern!r})")
                edits.append((start, end, expected))
    for start, end, expected in sorted(edits, reverse=True):
        updated = updated[:start] + expected + updated[end:]
    return problems, updated


def unlisted(text: str) -> list[str]:
    """Blocks and inline commands that are neither run here nor listed in NOT_RUN."""
    lines = text.split("\n")
    run_blocks = ("gold                     table", "corpus health of")
    missing = [f"README.md line {block.start}: block {block.first!r}" for block in blocks(lines)
               if block.info != "python" and not block.first.startswith(run_blocks)
               and not any(block.first.startswith(key) for key in NOT_RUN)]
    missing += [f"README.md: command `{command}`" for command in inline_commands(text)
                if command not in NOT_RUN and command not in COMMANDS_RUN]
    return missing


# Inline commands that tests/test_readme.py runs, each by the test named here.
COMMANDS_RUN = {
    "unres build": "the release fixture",
    ".venv/bin/unres info [TABLE]": "test_commands_the_readme_names",
    ".venv/bin/unres validate data/releases/<version>": "test_commands_the_readme_names",
    "cd data/releases/<version> && sha256sum -c SHA256SUMS": "test_commands_the_readme_names",
    ".venv/bin/unres evaluate": "test_readme_shows_what_runs (the gold block)",
    "unres evaluate": "test_readme_shows_what_runs (the corpus-health block)",
    "unres release data/releases/<version>": "test_release_download_and_load_as_the_readme_says",
    "unres download": "test_release_download_and_load_as_the_readme_says",
    "python -m http.server -d dist 8000 &": "test_release_download_and_load_as_the_readme_says",
    "unres download latest --from http://127.0.0.1:8000 --to /tmp/unres":
        "test_release_download_and_load_as_the_readme_says",
    'pipeline.load(table, version="latest", root="data/releases")': "test_release_download_and_load_as_the_readme_says",
    'pd.read_parquet(path, dtype_backend="pyarrow")': "test_commands_the_readme_names",
}


def build_full_release(out: Path) -> Path:
    """``unres build`` of the whole corpus (data/sources, data/raw) into ``out``, with its own cache, unpublished."""
    log = out / "build.log"
    out.mkdir(parents=True, exist_ok=True)
    with log.open("w") as handle:
        status = subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "--out", str(out / "releases"),
                                 "--dist", "", "--cache", str(out / "cache")], cwd=ROOT, stdout=handle,
                                stderr=subprocess.STDOUT, check=False).returncode
    if status != 0:
        raise RuntimeError(f"unres build failed ({status}); the end of {log}:\n" + "\n".join(log.read_text().splitlines()[-20:]))
    (release,) = (out / "releases").iterdir()
    return release


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.readme", description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="rewrite README.md's outputs and figures from the run")
    parser.add_argument("--release", type=Path, default=None, help="a built full-corpus release (default: build one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="unres-readme-") as scratch:
        release = args.release or build_full_release(Path(scratch))
        text = README.read_text(encoding="utf-8")
        problems, updated = problems_and_update(text, release.resolve())
        problems += unlisted(text)
        for problem in problems:
            print(problem, file=sys.stderr)
        if args.update and updated != text:
            README.write_text(updated, encoding="utf-8")
            print(f"README.md updated from {release}")
    return 1 if problems and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
