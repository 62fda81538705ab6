"""Page furniture fused into a text line, and what of it survives inside paragraphs as residue.

A PDF text layer sometimes runs the page foot into the text ("... resolution 1546 (2004),
05-59277 3 Recognizing that ..."): the document's own job number, page counter and symbol.
Such a line is split into text, furniture and text before paragraphs are looked for, so the
next paragraph still opens on its own line; furniture-shaped text that still stands in a
paragraph is residue, so the nothing-lost check fails where the text is not clean.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from pipeline.lexicons import symbol_prefix_alternation
from pipeline.text.model import Line
from pipeline.text.paragraphs import ParagraphSource

_JOB = re.compile(r"\b\d{2}-\d{5}\b")
_SYMBOL = re.compile(rf"\b(?:{symbol_prefix_alternation()})/RES/[A-Z0-9\-/]+(?:\s*\(\d{{4}}\))?")
_GLUED_RULE = re.compile(r"(?<=[^\s_])_{10,}\s*$")  # pdftotext: "... of the Non-Self_______________"
_LEFTOVER = re.compile(r"\b\d{2}-\d{5}\s*\(E\)|/\.\.\.")  # a job number with its language tag, "/..."


@dataclass(frozen=True)
class OwnFurniture:
    """One document's furniture pattern, tried only on text holding one of its literals (every match
    holds a job number or the text of a symbol before its first space): most lines hold none."""

    source: str
    literals: tuple[str, ...]

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.source)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if any(literal in text for literal in self.literals) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if any(literal in text for literal in self.literals) else iter(())


def own_furniture(header_lines: list[Line]) -> OwnFurniture | None:
    """The document's own job numbers and symbol as its masthead prints them, with a page counter."""
    jobs = {m.group(0) for line in header_lines for m in _JOB.finditer(line.text)}
    symbols = {m.group(0) for line in header_lines for m in _SYMBOL.finditer(line.text)}
    tokens = {re.escape(job) + r"(?:\s*\(E\))?" for job in jobs}
    tokens |= {re.escape(symbol).replace(r"\ ", r"\s*") for symbol in symbols}
    if not tokens:
        return None
    own = "|".join(sorted(tokens))
    literals = tuple(sorted(jobs | {symbol.split(" ", 1)[0] for symbol in symbols}))
    return OwnFurniture(rf"(?:(?<=\s)\d{{1,3}}\s+)?(?:{own})(?:\s+(?:\d{{1,3}}\s+)?(?:{own}))*(?:\s+\d{{1,3}}(?=\s))?",
                        literals)


def split_fused(lines: list[Line], own: OwnFurniture | None) -> list[Line]:
    """Body lines with the document's own page foot inside them cut into text, furniture, text."""
    if own is None:
        return lines
    result = []
    for line in lines:
        match = own.search(line.text) if line.kind == "body" else None
        if match is None or not line.text[: match.start()].strip():
            result.append(line)
            continue
        cut = [(0, match.start(), "body"), (match.start(), match.end(), "furniture"), (match.end(), len(line.text), "body")]
        for start, end, kind in cut:
            if line.text[start:end].strip():
                result.append(Line(line.index, line.start + start, line.start + end, line.text[start:end], kind))
    return result


def split_glued_rules(lines: list[Line]) -> tuple[list[Line], list[int]]:
    """pdftotext plain joins a line that ends with a hyphen to the next; above a page's footnotes that is
    the footnote rule ("Non-Self" + "_______"). The rule gets a line of its own; the raw position where
    the text stopped is returned, as the place of a dropped hyphen."""
    result, dropped = [], []
    for line in lines:
        match = _GLUED_RULE.search(line.text) if line.kind == "body" else None
        if match is None:
            result.append(line)
            continue
        result.append(Line(line.index, line.start, line.start + match.start(), line.text[: match.start()], "body"))
        result.append(Line(line.index, line.start + match.start(), line.end, line.text[match.start() :], "body"))
        dropped.append(line.start + match.start())
    return result, dropped


def residue(sources: list[ParagraphSource], own: OwnFurniture | None) -> list[tuple[int, int, str]]:
    """Furniture still inside paragraphs, as (raw start, raw end, text)."""
    found = []
    for source in sources:
        spanned = source.spanned
        for pattern in (_LEFTOVER, own) if own else (_LEFTOVER,):
            for match in pattern.finditer(spanned.text):
                found.append((spanned.raw_offset(match.start()), spanned.raw_offset(match.end()), match.group(0)))
    return found
