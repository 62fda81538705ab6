"""Words a text extractor split with a space, rejoined.

Justified PDF lines are set with positioning jumps inside words, which text extractors such as
poppler's pdftotext read as spaces ("Colo nialism", "th e", "seventy -ninth", "Committee ,").
A piece is told from a word by a lexicon of the UN's own texts (lexicons/words.txt) and by the
document's own spellings; the rejoin only removes a space, so the text stays a subsequence of the raw.

poppler's pdftotext (plain) also drops the hyphen that ends a line and joins the two lines into one
("Non-SelfGoverning", "costsaving", "Secretary General"). Where a line is longer than the document's
printed lines, the compound's hyphen is restored at its first line's end by lexicons/compounds.txt,
the hyphenated word pairs of the UN's texts: an inserted character, recorded as such (spans.py).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path
from statistics import median

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
_COMPOUNDS = Path(__file__).resolve().parents[1] / "lexicons" / "compounds.txt"
_PIECE = re.compile(r"[^\W\d_]{3,}")
_SPACED_PAIR = re.compile(r"(?<![\w'’])(?=([^\W\d_]+) ([^\W\d_]+)(?![\w'’]))")
_PRINTED_LINE = (50, 110)  # a median line length in this range: lines as printed, not one line per paragraph
_MERGED = 1.2  # a line this many times the median is two printed lines pdftotext joined at a hyphen
_FIRST_LINE_END = (0.6, 1.15)  # where, in median lengths, the first of them ended
_HYPHEN_EVIDENCE = 4  # the pair printed hyphenated this many times as often as closed up or spaced


@cache
def english() -> dict[str, int]:
    """Words of the UN's own XML texts (GA sessions 74-77, SC, HRC, ECOSOC) seen three times or more,
    with how often: lexicons/words.txt ("word count" lines), for telling a word from a fragment."""
    rows = (line.split(" ") for line in _LEXICON.read_text(encoding="utf-8").splitlines() if line)
    return {word: int(count) for word, count in rows}


@cache
def compounds() -> dict[str, tuple[int, int]]:
    """Hyphenated word pairs of the UN's own XML texts ("self-governing"), with how often each is printed
    hyphenated and as two words: lexicons/compounds.txt ("pair hyphenated spaced" lines)."""
    rows = (line.split(" ") for line in _COMPOUNDS.read_text(encoding="utf-8").splitlines() if line)
    return {pair: (int(hyphenated), int(spaced)) for pair, hyphenated, spaced in rows}


class Vocabulary:
    """How often the document prints each word (lower case); counted on first use, as most documents
    never need it."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._tokens: Counter[str] | None = None

    def count(self, word: str) -> int:
        if self._tokens is None:
            self._tokens = Counter(token.lower() for token in _TOKEN.findall("\n".join(self._texts)))
        return self._tokens[word.lower()]


def repair(sources: list[ParagraphSource], footnotes: list[Footnote], line_texts: list[str],
           dropped_hyphens: list[int]) -> None:
    """Mend the words split by spaces in every paragraph (offsets kept) and footnote; restore the compound
    hyphens dropped in joined lines and at ``dropped_hyphens`` (raw positions, a line glued to a rule)."""
    vocabulary = Vocabulary(line_texts)
    windows = _merge_windows(sources)
    for position in dropped_hyphens:
        for source in sources:
            if any(line.end == position for line in source.lines):
                windows.setdefault(id(source), []).append((position, position + 1))
    for source in sources:
        spanned = _mend(source.spanned, vocabulary)
        for low, high in windows.get(id(source), ()):
            spanned = _restore_hyphen(spanned, low, high)
        if spanned is not source.spanned:
            source.set_text(spanned)
    for note in footnotes:
        note.text = _mend(SpannedText(note.text, ((0, note.char_start),)), vocabulary).text


def _mend(spanned: SpannedText, vocabulary: Vocabulary) -> SpannedText:
    if " " not in spanned.text:
        return spanned
    text = spanned.text
    if " ," in text or " ;" in text or " :" in text or "( " in text:  # what _SPACE_BEFORE_PUNCTUATION needs
        spanned = spanned.sub(_SPACE_BEFORE_PUNCTUATION)
    if " -" in text or " –" in text or "- " in text or "– " in text:  # what _SPACE_BEFORE_HYPHEN needs
        spanned = spanned.sub(_SPACE_BEFORE_HYPHEN)
    mended = _rejoin_splits(spanned, vocabulary)
    return spanned if mended.text == spanned.text else mended


def _rejoin_splits(spanned: SpannedText, vocabulary: Vocabulary) -> SpannedText:
    """"th e" -> "the", "nation al" -> "national": the joined word is far commoner in the lexicon than the
    rarer piece (a fragment, or no word at all), or, not in it, printed by the document at least as often
    as the rarer piece, which is no word ("a part", "in to", "up on" stay: both pieces are common words).
    Of two joins that share a piece ("violence s hall": "violences", "shall") the better attested is made."""
    spaces: list[tuple[int, float]] = []  # (space removed, how far the joined word outnumbers its rarer piece)
    text = spanned.text
    for match in _PAIR.finditer(text):
        left, right = match.groups()
        verdict = _lexicon_verdict(left, right)
        if verdict is None:
            continue
        score, rarer = verdict
        if not score and vocabulary.count(left + right) < max(1, min(vocabulary.count(left), vocabulary.count(right))):
            continue
        space = match.start(2) - 1
        if spaces and spaces[-1][0] + 1 + len(left) == space:  # the previous join's right piece is this left one
            if score > spaces[-1][1]:
                spaces[-1] = (space, score)
            continue
        spaces.append((space, score))
    if not spaces:
        return spanned
    starts = [0, *(space + 1 for space, _ in spaces)]
    ends = [space for space, _ in spaces] + [len(text)]
    return spanned.keep([(start, end, None) for start, end in zip(starts, ends, strict=True)])


@lru_cache(maxsize=1 << 17)
def _lexicon_verdict(left: str, right: str) -> tuple[float, int] | None:
    """What the lexicon says of joining two pieces: None (never), or (score, rarer piece's count), where a
    score of 0 means the joined word is not in the lexicon and only the document's spellings can back it.
    Cached: the same pairs ("of the") recur in every paragraph."""
    if left[:1].islower() and right[:1].isupper():
        return None
    lexicon = english()
    joined = (left + right).lower()
    rarer = min(lexicon.get(left.lower(), 0), lexicon.get(right.lower(), 0))
    if joined in lexicon:
        return None if lexicon[joined] <= _COMMONER * rarer else (lexicon[joined] / (1 + rarer), rarer)
    return None if rarer else (0.0, 0)


def _merge_windows(sources: list[ParagraphSource]) -> dict[int, list[tuple[int, int]]]:
    """Per paragraph, the raw stretches where a joined line's first line ended: from 0.6 to 1.15 median
    line lengths into each line longer than 1.2 medians (measured on lines of 40 characters or more)."""
    lengths = [len(line.text.strip()) for source in sources for line in source.lines if len(line.text.strip()) >= 40]
    if not lengths:
        return {}
    typical = median(lengths)
    if not _PRINTED_LINE[0] <= typical <= _PRINTED_LINE[1]:
        return {}
    windows: dict[int, list[tuple[int, int]]] = {}
    for source in sources:
        for line in source.lines:
            if len(line.text.rstrip()) > _MERGED * typical:
                low, high = (int(line.start + share * typical) for share in _FIRST_LINE_END)
                windows.setdefault(id(source), []).append((low, high))
    return windows


def _restore_hyphen(spanned: SpannedText, low: int, high: int) -> SpannedText:
    """The best-attested compound whose hyphen falls in raw [low, high): "SelfGoverning" -> "Self-Governing"
    (camel case or closed up: the pair printed hyphenated 4x as often as closed), "Secretary General" ->
    "Secretary-General" (4x as often as spaced). One per joined line, as pdftotext joins at one hyphen."""
    text = spanned.text
    found = spanned.text_range(low, high)
    if found is None:
        return spanned
    start, end = found
    table, lexicon = compounds(), english()
    best: tuple[float, int, bool] | None = None  # (evidence, position, replaces a space)
    for match in _PIECE.finditer(text, max(0, start - 30), min(len(text), end + 30)):
        piece = match.group(0)
        for cut in range(1, len(piece) - 1):
            camel = piece[cut - 1].islower() and piece[cut].isupper()
            if cut < 2 and not camel or not start <= match.start() + cut < end:
                continue
            counts = table.get(f"{piece[:cut]}-{piece[cut:]}".lower())
            if counts and counts[0] >= _HYPHEN_EVIDENCE * (0 if camel else lexicon.get(piece.lower(), 0)):
                evidence = counts[0] / (1 + lexicon.get(piece.lower(), 0))
                if best is None or evidence > best[0]:
                    best = (evidence, match.start() + cut, False)
    for match in _SPACED_PAIR.finditer(text, max(0, start - 30), min(len(text), end + 30)):
        space = match.end(1)
        counts = table.get(f"{match.group(1)}-{match.group(2)}".lower())
        if start <= space < end and counts and counts[0] >= _HYPHEN_EVIDENCE * counts[1]:
            evidence = counts[0] / (1 + counts[1])
            if best is None or evidence > best[0]:
                best = (evidence, space, True)
    if best is None:
        return spanned
    _, position, spaced = best
    if spaced:
        spanned = spanned.keep([(0, position, None), (position + 1, len(text), None)])
    return spanned.insert(position, "-")
