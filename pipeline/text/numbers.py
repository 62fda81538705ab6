"""English number words as the UN writes them ("seventy-fourth", "twenty-four")."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}
_ORDINAL_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}

# "seventy-fourth", "seventy fourth", and "seventy- fourth" (PDF line-break artefact)
_SEP = r"(?:[-\u2011] ?| )"
ORDINAL_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")" + _SEP + r"(?:" + "|".join(_ORDINAL_UNITS) + r")"
    r"|" + "|".join(list(_ORDINAL_TENS) + list(_ORDINAL_UNITS)) + r")"
)
CARDINAL_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")"
    r"(?:" + _SEP + r"(?:" + "|".join(k for k in _UNITS if _UNITS[k] < 10) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
)


def ordinal_to_int(words: str) -> int | None:
    """'seventy-fourth' -> 74, 'first' -> 1, '101st' -> 101; None if not an ordinal."""
    text = words.strip().lower()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text)
    if digits:
        return int(digits.group(1))
    parts = re.split(r"[-\u2011 ]+", text)
    if len(parts) == 1:
        return _ORDINAL_UNITS.get(parts[0]) or _ORDINAL_TENS.get(parts[0])
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ORDINAL_UNITS and _ORDINAL_UNITS[parts[1]] < 10:
        return _TENS[parts[0]] + _ORDINAL_UNITS[parts[1]]
    return None


def cardinal_to_int(words: str) -> int | None:
    """'twenty-four' -> 24, '90' -> 90, 'three' -> 3; None if not a number."""
    text = words.strip().lower()
    if text.isdigit():
        return int(text)
    parts = re.split(r"[-\u2011 ]+", text)
    if len(parts) == 1:
        return _UNITS.get(parts[0], _TENS.get(parts[0]))
    if len(parts) == 2 and parts[0] in _TENS and _UNITS.get(parts[1], 10) < 10:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None
