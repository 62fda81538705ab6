"""Lines joined into one paragraph text, offsets kept: a compound wrapped at its hyphen is rejoined."""

from __future__ import annotations

import re

from pipeline.text.spans import SpannedText, join

_WRAPPED_HYPHEN = re.compile(r"[a-z]-$|(?<=[A-Za-z]) (?=-$)")  # "non-" / "governmental"; pdftotext's "Secretary -"
_SUSPENDED_HYPHEN = re.compile(r"(?:and|or|nor|to)\b")  # "low- and middle-income" keeps its space


def join_wrapped_lines(parts: list[SpannedText]) -> SpannedText:
    """Lines joined by a space, but a compound wrapped at its hyphen ("non-" / "governmental") is
    rejoined; only where two lines meet, so "Micro- and Small" within a line is left alone."""
    if not parts:
        return join(parts)
    pieces, separators = [parts[0]], []  # in one join: joining line by line copies the offsets of every line again
    for part in parts[1:]:
        before = pieces[-1]
        wrapped = _WRAPPED_HYPHEN.search(before.text)
        rejoin = wrapped and part.text[:1].isalpha() and not _SUSPENDED_HYPHEN.match(part.text)
        if rejoin and wrapped.group(0) == " ":  # "Secretary -" / "General": the space before the hyphen is the extractor's
            pieces[-1:] = [before.slice(0, wrapped.start()), before.slice(wrapped.end(), len(before.text))]
            separators.append("")
        separators.append("" if rejoin else " ")
        pieces.append(part)
    return join(pieces, separators=separators)
