"""Recurrences ("annually", "every thirty days", "on a biennial basis"), read through ``recurrences.csv``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import RECURRENCE_FORMS, recurrences
from pipeline.text.numbers import CARDINAL_WORD, ORDINAL_WORD, cardinal_to_int

_ORDINAL_BEFORE = re.compile(rf"\b({ORDINAL_WORD}) $")


def find_recurrences(text: str) -> list[tuple[re.Match[str], str]]:
    """Each recurrence phrase of ``text`` with the recurrence it names."""
    lexicon = _recurrence_lexicon()
    found = []
    for match in lexicon.pattern.finditer(text):
        word = match.group(0)
        if match.group("skip"):
            continue  # "the universal periodic review" is a mechanism, not a recurrence
        if word in lexicon.series and _ORDINAL_BEFORE.search(text[: match.start()]):
            continue  # "the sixth biennial review" names one event
        if match.group("amount"):
            recurrence = _every(match.group("amount"), match.group("unit"), lexicon.every)
        else:
            recurrence = lexicon.recurrence[_article_key(word)]
        if recurrence:
            found.append((match, recurrence))
    return found


@dataclass(frozen=True)
class _Recurrences:
    """``recurrences.csv`` compiled: one pattern, the recurrence of each surface, the named counts."""

    pattern: re.Pattern[str]
    recurrence: dict[str, str]  # surface (article as 'a', see _article_key) -> recurrence
    series: frozenset[str]  # words that name one event after an ordinal ("the sixth biennial review")
    every: dict[tuple[int, str], str]  # (2, "year") -> "biennial"


_EVERY = rf"every (?P<amount>\d+|{CARDINAL_WORD}) (?P<unit>hours?|days?|weeks?|months?|years?)"


@cache
def _recurrence_lexicon() -> _Recurrences:
    """One pattern over ``recurrences.csv``, whose ``form`` column says how a phrase is read.

    - ``word``: alone ("annually", "quarterly briefings"), unless an ``amount`` follows ("monthly rate");
    - ``series_word``: the same, but after an ordinal it names one event ("the sixth biennial review");
    - ``series_adjective``: only before a ``follower`` ("annual reports"), and not after an ordinal;
    - ``phrase``: as written ("on an annual basis", "twice a year"); a phrase the every-N-units
      grammar reads ("every two years") names that count instead ("every 2 years" is biennial too);
    - ``not_recurring``: read and dropped ("universal periodic", of the universal periodic review);
    - ``follower``, ``amount``: nouns, each also read in the plural ("reports", "salaries").
    Phrases are case-sensitive, longest first; counts without a name stay "every N units".
    """
    by_form: dict[str, list[str]] = {form: [] for form in RECURRENCE_FORMS}
    recurrence: dict[str, str] = {}
    every: dict[tuple[int, str], str] = {}
    for row in recurrences():  # forms and required recurrences are checked on load
        phrase, form = row.phrase, row.form
        counted = re.fullmatch(_EVERY, phrase)
        if form == "phrase" and counted and row.recurrence:  # "every two years": a name for a count
            count = cardinal_to_int(counted.group("amount"))
            if count is None:
                raise ValueError(f"recurrences.csv: no count in {phrase!r}")
            every[count, counted.group("unit").rstrip("s")] = row.recurrence
            continue
        by_form[form].append(phrase)
        if row.recurrence:
            recurrence[_article_key(phrase)] = row.recurrence

    def alternation(form: str, *, plural: bool = False) -> str:
        phrases = sorted(by_form[form], key=len, reverse=True)
        return "|".join(_plural(p) if plural else _phrase(p) for p in phrases) or "(?!)"  # none: never

    amounts = alternation("amount", plural=True)
    words = f"{alternation('word')}|{alternation('series_word')}"
    pattern = re.compile(
        rf"\b(?:(?P<skip>{alternation('not_recurring')})\b"
        rf"|(?:{alternation('phrase')})\b"
        rf"|(?:{words})\b(?! (?:{amounts})\b)"  # "monthly rate" is an amount
        rf"|(?:{alternation('series_adjective')})(?= (?:{alternation('follower', plural=True)})\b)"
        rf"|{_EVERY}\b)"
    )
    series = frozenset(by_form["series_word"] + by_form["series_adjective"])
    return _Recurrences(pattern, recurrence, series, every)


def _phrase(phrase: str) -> str:
    """A lexicon phrase as a pattern; 'a' and 'an' stand for each other ('on a annual basis')."""
    return " ".join("an?" if word in {"a", "an"} else re.escape(word) for word in phrase.split(" "))


def _article_key(phrase: str) -> str:
    """'on an annual basis' and 'on a annual basis' look up the same lexicon row."""
    return " ".join("a" if word == "an" else word for word in phrase.split(" "))


def _plural(noun: str) -> str:
    """A noun with its optional plural: 'reports?', 'salar(?:y|ies)'."""
    if re.search(r"[^aeiou]y$", noun):
        return re.escape(noun[:-1]) + "(?:y|ies)"
    return re.escape(noun) + "s?"


def _every(amount: str, unit: str, named: dict[tuple[int, str], str]) -> str | None:
    """'every thirty days' -> 'every 30 days'; counts named in the lexicon: two years -> biennial."""
    count = cardinal_to_int(amount)
    if count is None:
        return None
    unit = unit.rstrip("s")
    return named.get((count, unit)) or f"every {count} {unit}{'s' if count != 1 else ''}"
