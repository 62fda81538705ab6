"""The vote line of a resolution's closing block ("Adopted at the 2074th meeting by 12 votes to none, ...")."""

from __future__ import annotations

import re

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A footnote marker ends the line: superscript digits, or one to three digits after a space
# ("to none 27", "Republics). 22") or glued to a word or its punctuation ("abstentions,3", "meeting.6").
_TRAILING_MARKER = re.compile(
    rf"\s*[{_SUPERSCRIPT_DIGITS}]+$"
    r"|(?:\s+|(?<=[a-z)\]][,;:.])|(?<=[a-z)\]]))\d{1,3}$"
)
# ... unless the number is a count: "by 12 votes to 1", "a recorded vote of 120 to 5".
_COUNT_BEFORE = re.compile(r"\b(?:to|of|by|with|and)$")


def strip_vote_marker(vote: str) -> str:
    """The vote without its brackets and a trailing footnote marker.

    '[Adopted at the 1747th meeting by 14 votes to none 27' -> 'Adopted at the 1747th meeting by 14 votes
    to none'; a final count stays ('by 12 votes to 1').
    """
    vote = vote.strip(" []")
    match = _TRAILING_MARKER.search(vote)
    if match and not _COUNT_BEFORE.search(vote[: match.start()].rstrip()):
        vote = vote[: match.start()].strip(" []")
    return vote
