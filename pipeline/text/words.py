"""Words a text extractor split with a space, rejoined.

Justified PDF lines are set with positioning jumps inside words, which text extractors such as
poppler's pdftotext read as spaces ("Colo nialism", "th e", "seventy -ninth", "Committee ,").
A piece is told from a word by a lexicon of the UN's own texts (lexicons/words.txt) and by the
document's own spellings; the rejoin only removes a space, so the text stays a subsequence of the raw.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from pipeline.text.model import Footnote
from pipeline.text.paragraphs import ParagraphSource
from pipeline.text.spans import SpannedText

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PAIR = re.compile(r"(?<![\w'’-])(?=([^\W\d_]+) ([^\W\d_]+)(?![\w'’]))")  # overlapping: each word with the next
_SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=[^\W\d_]) (?=[,;:](?:\s|$))|(?<=\() (?=[^\W\d_])")
# "seventy -ninth", "COVID -19", "micro -,", "medium - and long-term", "2015 –2030"
_SPACE_BEFORE_HYPHEN = re.compile(r"(?<=[^\W\d_]) (?=-(?:[^\W_]|,|\s(?:and|or|to)\b))|(?<=\d) (?=[–-]\d)|(?<=\d[–-]) (?=\d)")
_COMMONER = 10  # a joined word this many times commoner than its rarer piece: that piece was a fragment
_LEXICON = Path(__file__).resolve().parents[1] / "lexicons" / "words.txt"


@cache
def english() -> dict[str, int]:
    """Words of the UN's own XML texts (GA sessions 74-77, SC, HRC, ECOSOC) seen three times or more,
    with how often: lexicons/words.txt ("word count" lines), for telling a word from a fragment."""
    rows = (line.split(" ") for line in _LEXICON.read_text(encoding="utf-8").splitlines() if line)
    return {word: int(count) for word, count in rows}


class Vocabulary:
    """How often the document prints each word (lower case)."""

    def __init__(self, texts: list[str]) -> None:
        self.tokens: Counter[str] = Counter()
        for text in texts:
            for match in _TOKEN.finditer(text):
                self.tokens[match.group(0).lower()] += 1

    def count(self, word: str) -> int:
        return self.tokens[word.lower()]


def repair(sources: list[ParagraphSource], footnotes: list[Footnote], line_texts: list[str]) -> None:
    """Mend the words split by spaces in every paragraph (offsets kept) and footnote."""
    vocabulary = Vocabulary(line_texts)
    for source in sources:
        spanned = _mend(source.spanned, vocabulary)
        if spanned is not source.spanned:
            source.set_text(spanned)
    for note in footnotes:
        note.text = _mend(SpannedText(note.text, ((0, note.char_start),)), vocabulary).text


def _mend(spanned: SpannedText, vocabulary: Vocabulary) -> SpannedText:
    if " " not in spanned.text:
        return spanned
    mended = _rejoin_splits(spanned.sub(_SPACE_BEFORE_PUNCTUATION).sub(_SPACE_BEFORE_HYPHEN), vocabulary)
    return spanned if mended.text == spanned.text else mended


def _rejoin_splits(spanned: SpannedText, vocabulary: Vocabulary) -> SpannedText:
    """"th e" -> "the", "nation al" -> "national": the joined word is far commoner in the lexicon than the
    rarer piece (a fragment, or no word at all), or, not in it, printed by the document at least as often
    as the rarer piece, which is no word ("a part", "in to", "up on" stay: both pieces are common words)."""
    pieces: list[tuple[int, int, str | None]] = []
    cursor = 0
    text = spanned.text
    lexicon = english()
    for match in _PAIR.finditer(text):
        left, right = match.group(1), match.group(2)
        if match.start(1) < cursor or (left[:1].islower() and right[:1].isupper()):
            continue
        joined = (left + right).lower()
        rarer = min(lexicon.get(left.lower(), 0), lexicon.get(right.lower(), 0))
        if joined in lexicon:
            if lexicon[joined] <= _COMMONER * rarer:
                continue
        elif rarer or vocabulary.count(joined) < max(1, min(vocabulary.count(left), vocabulary.count(right))):
            continue
        space = match.start(2) - 1
        pieces.append((cursor, space, None))
        cursor = space + 1
    if not pieces:
        return spanned
    return spanned.keep([*pieces, (cursor, len(text), None)])
