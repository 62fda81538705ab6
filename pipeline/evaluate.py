"""Score the pipeline against hand-checked gold annotations (`unres evaluate`).

A gold folder holds ``header.json`` (with the document ``symbol``) and any of ``paragraphs.csv``,
``clauses.csv``, ``instruments.csv`` and ``deadlines.csv`` in the format of
``tests/gold/a_res_72_284`` (see its README). The document is looked up by symbol among the raw
texts and built with the same functions the Dagster assets call. Each table is scored as
multisets of comparable tuples: precision, recall, F1.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

from pipeline.corpus import build_corpus
from pipeline.sources import read_user_files

DEFAULT_GOLD_ROOT = Path("tests/gold")
DEFAULT_RAW = Path("data/raw")


@dataclass(frozen=True)
class Score:
    table: str
    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def compare(table: str, predicted: list[tuple], expected: list[tuple]) -> tuple[Score, list[tuple], list[tuple]]:
    """Score multisets of tuples; also return what was missed and what was extra."""
    got, want = Counter(predicted), Counter(expected)
    hits = sum((got & want).values())
    return (Score(table, hits, sum(got.values()), sum(want.values())),
            sorted((want - got).elements(), key=str), sorted((got - want).elements(), key=str))


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build_document(raw_dir: Path, symbol: str) -> dict[str, pl.DataFrame]:
    """All tables for the one raw text whose symbol is ``symbol``."""
    tables = _corpus(raw_dir)
    if symbol not in tables["documents"]["document_id"].to_list():
        raise SystemExit(f"unres evaluate: no raw text in {raw_dir} parses as {symbol}")
    own = {name: tables[name].filter(pl.col("document_id") == symbol)
           for name in ("documents", "paragraphs", "footnotes", "clauses", "actor_mentions", "citations", "deadlines")}
    cited = own["citations"]["instrument_id"].to_list()
    return {**own, "actors": tables["actors"], "instruments": tables["instruments"].filter(pl.col("instrument_id").is_in(cited))}


@cache
def _corpus(raw_dir: Path) -> dict[str, pl.DataFrame]:
    """The raw directory built once per evaluation, however many gold folders are scored."""
    return build_corpus(read_user_files(raw_dir))


def evaluate_folder(gold: Path, raw_dir: Path = DEFAULT_RAW) -> dict[str, tuple[Score, list, list]]:
    header = json.loads((gold / "header.json").read_text(encoding="utf-8"))
    tables = build_document(raw_dir, header["symbol"])
    paragraphs = tables["paragraphs"].filter(pl.col("kind") == "paragraph")
    number_of = dict(zip(tables["paragraphs"]["paragraph_id"], tables["paragraphs"]["number"], strict=True))
    ordinal_of = dict(zip(paragraphs["paragraph_id"], range(1, paragraphs.height + 1), strict=True))
    results: dict[str, tuple[Score, list, list]] = {}

    gold_paragraphs = _rows(gold / "paragraphs.csv")
    if (gold / "paragraphs.csv").exists():
        predicted = [(p["section"], p["number"] or None, p["lead_phrase"], p["lead_verb"], p["text"][:60], p["text"][-40:])
                     for p in paragraphs.with_columns(pl.col("number").cast(pl.String)).iter_rows(named=True)]
        expected = [(g["section"], g["number"] or None, g["lead_phrase"], g["lead_verb"], g["text_start"], g["text_end"])
                    for g in gold_paragraphs]
        results["paragraphs"] = compare("paragraphs", predicted, expected)

    gold_clauses = _rows(gold / "clauses.csv")
    if (gold / "clauses.csv").exists():
        clauses = tables["clauses"]
        predicted = [(str(number_of[c["paragraph_id"]]), c["verb"]) for c in clauses.iter_rows(named=True)]
        expected = [(g["number"], g["verb"]) for g in gold_clauses]
        results["clauses"] = compare("clauses", predicted, expected)
        actor_of = _actor_names(tables["actors"])
        index_of = dict(zip(clauses["clause_id"], clauses["clause_index"], strict=True))
        addressees = tables["actor_mentions"].filter(pl.col("role") == "addressee")
        predicted = list({(str(number_of[m["paragraph_id"]]), index_of.get(m["clause_id"]), m["actor_id"])
                          for m in addressees.iter_rows(named=True)})
        expected = [(g["number"], int(g["clause_index"]), actor_of.get(name.strip().lower(), name.strip().lower()))
                    for g in gold_clauses for name in g["addressees"].split(";") if name.strip()]
        results["addressees"] = compare("addressees", predicted, expected)

    gold_instruments = _rows(gold / "instruments.csv")
    if (gold / "instruments.csv").exists():
        symbols = dict(zip(tables["instruments"]["instrument_id"], tables["instruments"]["symbol"], strict=True))
        predicted = [(0 if c["via"] == "header" else ordinal_of.get(c["paragraph_id"]), symbols.get(c["instrument_id"]))
                     for c in tables["citations"].iter_rows(named=True)]
        predicted = [row for row in predicted if row[1]]
        expected = [(int(g["paragraph_ordinal"]), g["symbol"]) for g in gold_instruments if g["symbol"]]
        results["citations"] = compare("citations", predicted, expected)

    gold_deadlines = _rows(gold / "deadlines.csv")
    if (gold / "deadlines.csv").exists():
        predicted = [(str(number_of[d["paragraph_id"]]), d["kind"], _iso(d["date_start"]), _iso(d["date_end"]))
                     for d in tables["deadlines"].iter_rows(named=True)]
        expected = [(g["number"], g["kind"], g["date_start"] or None, g["date_end"] or None) for g in gold_deadlines]
        results["deadlines"] = compare("deadlines", predicted, expected)

    document = tables["documents"].row(0, named=True)
    fields = ["body", "session", "adopted_on", "distributed_on", "draft_symbol", "committee", "title",
              "resolution_number", "n_preamble", "n_operative"]
    predicted = [(f, _iso(document[f])) for f in fields if f in header] + [("agenda_items", tuple(document["agenda_items"]))]
    expected = [(f, _iso(header[f])) for f in fields if f in header] + [("agenda_items", tuple(header.get("agenda_items", [])))]
    results["documents"] = compare("documents", predicted, expected)
    return results


def _actor_names(actors: pl.DataFrame) -> dict[str, str]:
    """Gold names are free text: resolve them to actor ids through the lexicon's names and aliases."""
    lookup = {}
    for actor_id, name, aliases in actors.select("actor_id", "name", "aliases").rows():
        for alias in [name, *aliases]:
            lookup.setdefault(alias.lower(), actor_id)
    return lookup


def _iso(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def main(folders: list[Path] | None = None, raw_dir: Path = DEFAULT_RAW, release: Path | None = None) -> int:
    folders = folders or sorted(p for p in DEFAULT_GOLD_ROOT.iterdir() if (p / "header.json").exists())
    for folder in folders:
        if not (folder / "header.json").is_file():
            print(f"unres evaluate: {folder} is not a gold folder (no header.json); give folders like tests/gold/a_res_72_284",
                  file=sys.stderr)
            return 2
    print(f"{'gold':<24} {'table':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    for folder in folders:
        for table, (score, missed, extra) in evaluate_folder(folder, raw_dir).items():
            print(f"{folder.name:<24} {table:<12} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                  f"{score.true_positives:5d} {score.predicted:5d} {score.expected:5d}")
            for row in missed[:3]:
                print(f"{'':<24}   missed {row}", file=sys.stderr)
            for row in extra[:3]:
                print(f"{'':<24}   extra  {row}", file=sys.stderr)
    if release is not None:
        print_health(release)
    return 0


def newest_release(root: Path) -> Path | None:
    """The newest complete release directory under ``root`` (staging directories start with a dot)."""
    from pipeline.distribute import version_key

    done = [p for p in root.iterdir() if not p.name.startswith(".") and (p / "SHA256SUMS").is_file()] if root.is_dir() else []
    return max(done, key=lambda p: version_key(p.name)) if done else None


def print_health(release: Path) -> None:
    """The corpus-health measures of a built release, over the whole corpus: what gold cannot show."""
    path = release / "parquet" / "corpus_health.parquet"
    if not path.is_file():
        print(f"\n(no corpus_health table in {release})")
        return
    health = pl.read_parquet(path).filter(pl.col("source") == "all").sort("measure")
    print(f"\ncorpus health of {release} (all sources; per source in its corpus_health table)")
    for row in health.iter_rows(named=True):
        share = f"{row['share']:7.2%}" if row["share"] is not None else " " * 7
        total = f" of {row['total']:,}" if row["total"] is not None else ""
        print(f"  {row['measure']:<38} {share}  {row['count']:,}{total}")
