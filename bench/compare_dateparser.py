"""Compare unres's deadline finder with dateparser's search_dates on the seed gold.

Run from the repository root: ``python bench/compare_dateparser.py``.

Gold: tests/gold/a_res_72_284/ (deadlines.csv, operative rows of paragraphs.csv, header.json
for the adoption date); the paragraphs there are the normalised text of data/raw/A_RES_72_284.txt.

- unres: a row is correct when (paragraph number, kind, date_start, date_end) equals a gold row
  (each gold row matched once).
- dateparser: ``search_dates(text, languages=["en"])`` on the same paragraphs; a found date is
  correct when it falls in [date_start, date_end] of a gold row of that paragraph. Recall counts
  the gold rows covered by at least one found date, over all gold rows and over dated rows only
  (recurring rows carry no date, so dateparser cannot find them).
"""

from __future__ import annotations

import csv
import json
import time
import warnings
from collections import Counter
from datetime import date
from pathlib import Path

from dateparser.search import search_dates

from pipeline.text.dates import find_time_expressions

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "a_res_72_284"


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _prf(correct: int, found: int, relevant: int, covered: int | None = None) -> tuple[float, float, float]:
    precision = correct / found if found else 0.0
    recall = (covered if covered is not None else correct) / relevant if relevant else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    header = json.loads((GOLD / "header.json").read_text(encoding="utf-8"))
    adopted_on = date.fromisoformat(header["adopted_on"])
    with (GOLD / "paragraphs.csv").open(encoding="utf-8", newline="") as handle:
        paragraphs = [row for row in csv.DictReader(handle) if row["section"] == "operative"]
    with (GOLD / "deadlines.csv").open(encoding="utf-8", newline="") as handle:
        gold = list(csv.DictReader(handle))
    gold_keys = Counter(
        (row["number"], row["kind"], _day(row["date_start"]), _day(row["date_end"])) for row in gold
    )

    began = time.perf_counter()
    found = Counter(
        (row["number"], expr.kind, expr.date_start, expr.date_end)
        for row in paragraphs
        for expr in find_time_expressions(row["text"], adopted_on=adopted_on, body=header["body"])
    )
    ours_seconds = time.perf_counter() - began
    correct = sum((found & gold_keys).values())
    ours = _prf(correct, sum(found.values()), sum(gold_keys.values()))
    for key in sorted((found - gold_keys).elements(), key=str):
        print("unres extra:  ", key)
    for key in sorted((gold_keys - found).elements(), key=str):
        print("unres missed: ", key)

    warnings.simplefilter("ignore")  # dateparser warns about its own dependencies' deprecations
    began = time.perf_counter()
    parsed = {row["number"]: search_dates(row["text"], languages=["en"]) or [] for row in paragraphs}
    dp_seconds = time.perf_counter() - began
    spans = [(row["number"], _day(row["date_start"]), _day(row["date_end"])) for row in gold]
    dp_found = dp_correct = 0
    covered: set[int] = set()
    for number, hits in parsed.items():
        for _surface, moment in hits:
            dp_found += 1
            inside = [i for i, (n, s, e) in enumerate(spans) if n == number and s and s <= moment.date() <= e]
            dp_correct += bool(inside)
            covered.update(inside)
    dated = sum(1 for _n, s, _e in spans if s)
    dp_all = _prf(dp_correct, dp_found, len(spans), len(covered))
    dp_dated = _prf(dp_correct, dp_found, dated, len(covered))

    print(f"gold rows: {len(gold)} ({dated} with dates); operative paragraphs: {len(paragraphs)}")
    print(f"{'system':<34}{'found':>6}{'P':>7}{'R':>7}{'F1':>7}{'seconds':>9}")
    print(
        f"{'unres find_time_expressions':<34}{sum(found.values()):>6}"
        f"{ours[0]:>7.3f}{ours[1]:>7.3f}{ours[2]:>7.3f}{ours_seconds:>9.3f}"
    )
    print(
        f"{'dateparser search_dates (all)':<34}{dp_found:>6}"
        f"{dp_all[0]:>7.3f}{dp_all[1]:>7.3f}{dp_all[2]:>7.3f}{dp_seconds:>9.3f}"
    )
    print(
        f"{'dateparser search_dates (dated)':<34}{dp_found:>6}"
        f"{dp_dated[0]:>7.3f}{dp_dated[1]:>7.3f}{dp_dated[2]:>7.3f}{dp_seconds:>9.3f}"
    )


if __name__ == "__main__":
    main()
