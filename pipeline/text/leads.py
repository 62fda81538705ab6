"""Lead words and item labels: what tells a text line that it opens a paragraph.

The words come from the verb lexicon (participles and adjectives open preambular paragraphs, finite
verbs operative ones); this module holds the word shapes around them (adverbs, hyphens, set phrases
before the lead) and the sequence rules of (a)/(i) labels, shared by the segmenter and its heading rules.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.lexicons import finite_first_words, verb_forms

_LEAD_WORD = re.compile(r"^\s*[“\"]?([A-Z][a-z]+(?:-[a-z]+)?)(?:,)?(?:\s+([a-z]+))?")  # "Re-emphasizing"
# "In this regard, calling on ...": a set phrase before the lead word of a preambular paragraph
_INTRO = re.compile(r"^\s*(?:In|At|On|With)\s+(?:this|that|the\s+same)\s+[a-z]+,\s+(?=[a-z]+ing\b)")
_ROMAN = "ivxl"
_LEAD_ADVERBS = {"hereby", "therefore", "also", "further", "again"}  # "Hereby records", "Further decides"
_PREAMBLE_ADVERBS = {"also", "further", "again", "while"}  # "Further noting", "While welcoming"


def lead_of(text: str) -> re.Match[str] | None:
    """The lead word and the word after it; a set phrase before it ("In this regard, calling") is skipped."""
    intro = _INTRO.match(text)
    if intro:
        text = text[intro.end()].upper() + text[intro.end() + 1 :]
    return _LEAD_WORD.match(text)


@cache
def opening_words() -> frozenset[str]:
    """First words of the lexicon forms a paragraph can open with: finite forms, participles and
    adjectives, not bare base forms ("study", "note"), which would open one at "Teaching, / Study, ..."."""
    return frozenset(
        form.first_word for form in verb_forms()
        if form.kind not in (None, "declaration") or form.first_word != form.verb.split()[0]
    )


def is_lead_word(word: str, following: str | None) -> bool:
    """Preambular and operative openings: participles, adjectives and finite verbs of the lexicon.
    An adverb counts by the word it grades ("Deeply concerned", "Further noting"), so a wrapped
    "Orderly and Regular Migration" does not open a paragraph."""
    lower = word.lower()
    if lower in opening_words() or lower.endswith("ing"):
        return True
    if (lower.endswith("ly") or lower in _PREAMBLE_ADVERBS) and following:
        return is_lead_word(following, None)
    return is_operative_word(word, following)


def is_preambular_word(word: str, following: str | None) -> bool:
    """Participles, adjectives and "Whereas": words that open a preambular paragraph."""
    lower = word.lower()
    if (lower.endswith("ly") or lower in _PREAMBLE_ADVERBS) and following:
        lower = following
    return lower == "whereas" or lower.endswith("ing") or (lower in opening_words() and lower not in finite_first_words())


def is_operative_word(word: str, following: str | None) -> bool:
    lower = word.lower()
    if (lower.endswith("ly") or lower in _LEAD_ADVERBS) and following:
        lower = following
    if lower in finite_first_words():
        return True
    return lower == "we"




def continues(last: str | None, label: str) -> bool:
    """Is ``label`` the next sibling of ``last``: (a)->(b), (h)->(i), (i)->(ii)?"""
    if last is None:
        return False
    if is_roman(last) and is_roman(label) and last != "h" and roman_to_int(label) == roman_to_int(last) + 1:
        return True
    return next_letter(last) == label


def next_letter(label: str) -> str | None:
    if len(label) == 1 and "a" <= label < "z":
        return chr(ord(label) + 1)
    return None


def is_roman(label: str | None) -> bool:
    return bool(label) and all(c in _ROMAN for c in label)  # type: ignore[union-attr]


def roman_to_int(label: str | None) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    previous = 0
    for char in reversed(label or ""):
        value = values[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total
