"""Text that remembers where each character came from in the raw file.

Cleaning a resolution (joining wrapped lines, dropping markdown and footnote markers,
collapsing whitespace) must not lose the way back to the source: every published row
carries ``char_start``/``char_end`` into the raw text. A ``SpannedText`` is a string plus
a piecewise map from its positions to raw positions, cheap enough for a large corpus.
Every character comes from the raw text, save the hyphens restored where an extractor dropped a
compound's hyphen with the line break (``inserted``): each maps to the raw position it stands at.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class SpannedText:
    text: str
    # (position in text, position in raw) at the start of each contiguous run
    _anchors: tuple[tuple[int, int], ...]
    inserted: tuple[int, ...] = ()  # positions of characters the raw text does not have (restored hyphens)

    @cached_property
    def _keys(self) -> list[int]:
        return [anchor[0] for anchor in self._anchors]

    def raw_offset(self, index: int) -> int:
        """Raw position of ``text[index]`` (index may equal len(text) for an end bound)."""
        if not self._anchors:
            return 0
        if index >= len(self.text) and self.text:
            return self.raw_offset(len(self.text) - 1) + 1
        if len(self._anchors) == 1:
            text_at, raw_at = self._anchors[0]
            return raw_at + (index - text_at)
        position = bisect_right(self._keys, index) - 1
        text_at, raw_at = self._anchors[max(position, 0)]
        return raw_at + (index - text_at)

    def keep(self, pieces: Iterable[tuple[int, int, str | None]]) -> SpannedText:
        """Rebuild from ``(start, end, replacement)`` pieces of this text, in order.

        ``replacement`` None keeps ``text[start:end]``; a string stands in for that range
        and maps to its first raw position.
        """
        parts: list[str] = []
        anchors: list[tuple[int, int]] = []
        inserted: list[int] = []
        length = 0
        for start, end, replacement in pieces:
            if replacement is None:
                if start >= end:
                    continue
                parts.append(self.text[start:end])
                anchors.extend(self._anchors_within(start, end, length))
                inserted.extend(length + k - start for k in self.inserted if start <= k < end)
                length += end - start
            elif replacement:
                parts.append(replacement)
                raw = self.raw_offset(start)
                anchors.extend((length + k, raw) for k in range(len(replacement)))
                length += len(replacement)
        return SpannedText("".join(parts), tuple(anchors), tuple(inserted))

    def insert(self, index: int, char: str) -> SpannedText:
        """A character the raw text lacks (a restored hyphen) before ``text[index]``, mapped to its raw position."""
        result = self.keep([(0, index, None), (index, index, char), (index, len(self.text), None)])
        return SpannedText(result.text, result._anchors, tuple(sorted({*result.inserted, index})))

    def sub(self, pattern: re.Pattern[str], keep_group: int | None = None, replacement: str = "") -> SpannedText:
        """Replace each match by one of its groups (kept with its raw positions) or a literal."""
        pieces: list[tuple[int, int, str | None]] = []
        cursor = 0
        for match in pattern.finditer(self.text):
            pieces.append((cursor, match.start(), None))
            if keep_group is not None and match.group(keep_group) is not None:
                pieces.append((match.start(keep_group), match.end(keep_group), None))
            elif replacement:
                pieces.append((match.start(), match.end(), replacement))
            cursor = match.end()
        if cursor == 0 and not pieces:
            return self
        pieces.append((cursor, len(self.text), None))
        return self.keep(pieces)

    def strip(self) -> SpannedText:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return self.slice(start, max(end, start))

    def slice(self, start: int, end: int) -> SpannedText:
        if start == 0 and end == len(self.text):
            return self
        return self.keep([(start, end, None)])

    def text_range(self, raw_start: int, raw_end: int) -> tuple[int, int] | None:
        """The stretch of text whose characters come from raw positions [raw_start, raw_end)."""
        first = last = None
        bounds = [*self._keys[1:], len(self.text)]
        for (text_at, raw_at), text_end in zip(self._anchors, bounds, strict=True):
            low = max(raw_start, raw_at)
            high = min(raw_end, raw_at + (text_end - text_at))
            if low < high:
                first = text_at + (low - raw_at) if first is None else first
                last = text_at + (high - raw_at)
        return (first, last) if first is not None and last is not None else None

    def _anchors_within(self, start: int, end: int, shift: int) -> list[tuple[int, int]]:
        result = [(shift, self.raw_offset(start))]
        if len(self._anchors) == 1:
            return result
        keys = self._keys
        for position in range(bisect_right(keys, start), len(keys)):
            text_at, raw_at = self._anchors[position]
            if text_at >= end:
                break
            result.append((shift + text_at - start, raw_at))
        return result


def join(parts: Iterable[SpannedText], separator: str = " ", separators: Sequence[str] | None = None) -> SpannedText:
    """Concatenate spanned texts; the separator (or ``separators[k]`` between parts k and k + 1) maps to
    the end of the preceding part."""
    texts: list[str] = []
    anchors: list[tuple[int, int]] = []
    inserted: list[int] = []
    length = 0
    previous_end: int | None = None  # raw position just after the previous part
    for position, part in enumerate(parts):
        if separators is not None:
            separator = separators[position - 1] if position else ""
        if previous_end is not None and separator:
            anchors.append((length, previous_end))
            texts.append(separator)
            length += len(separator)
        anchors.extend((length + text_at, raw_at) for text_at, raw_at in part._anchors)
        inserted.extend(length + k for k in part.inserted)
        texts.append(part.text)
        length += len(part.text)
        previous_end = part.raw_offset(len(part.text)) if part.text else (part._anchors[0][1] if part._anchors else 0)
    return SpannedText("".join(texts), tuple(anchors), tuple(inserted))
