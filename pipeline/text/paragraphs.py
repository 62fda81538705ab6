"""Paragraph segmentation: body lines grouped into preambular, operative and annex rows.

Text forms lose the markup that says where a paragraph starts, so a line opens a new row by
its printed number, its (a)/(i) label, or its lead word (a participle or a finite verb of the
verb lexicon) after a paragraph that ends with punctuation. Each row keeps a side record of its
raw lines and offset-mapped text for the footnote stage, so Paragraph stays a plain record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from pipeline.text.layout import ANNEX_LINE, SUPERSCRIPT_RUN, clean_spanned, part_letter
from pipeline.text.leads import (
    continues,
    is_lead_word,
    is_operative_word,
    is_preambular_word,
    lead_of,
    next_letter,
    opening_words,
)
from pipeline.text.model import Line, Paragraph
from pipeline.text.spans import SpannedText, join
from pipeline.text.wrapping import join_wrapped_lines

_NUMBER_LABEL = re.compile(r"^\s*(\d{1,3})\s*([.,])(?:\s+|$)")
_ITEM_LABEL = re.compile(r"^\s*\(([a-z]{1,2}|[ivxl]{1,5}|\d)\)(?:\s+|$)")
_BULLET = re.compile(r"^\s*[–—•▪◦]\s*\.?\s+(?=\S)")  # "– To monitor ...", "• Name(s)"
_ARTICLE = re.compile(r"^\s*Article\s+\d{1,3}(?:\s+(?:bis|ter|quater|quinquies|sexies))?\s*$")  # a statute's article heading
_ROMAN_HEADING = re.compile(r"^\s*([IVXL]{1,5})\.\s+|^\s*([A-Z])\.\s+(?=[A-Z])")
BULLET_LABEL = "•"  # items printed with a bullet are labelled •1, •2 ... under their parent, as the XML reader does
_ROMAN_LABEL = re.compile(r"^\s*[IVXL]{1,5}\.(?:\s+(?=[A-Z])|\s*$)")  # "II. Implementation ..." or "I." alone
_SECTION_LETTER = re.compile(r"\s*(?:[A-H]|[IVX]{1,4})\s*")  # "A" above a section: not a preamble heading
_ROMAN_ALONE = re.compile(r"\s*[IVXL]{1,5}\s*")  # a part number on its own line, without a dot
_END_OF_PARAGRAPH = re.compile(r"[,;:.]\s*$")
_STRONG_END = re.compile(r"[;:.]\s*$")
_MARKER_AFTER_PUNCTUATION = re.compile(r"(?<=[,;:.])(?:\s*\d{1,3}/?)+$")  # "Congo, 21 22", "Nations, 1/"
_LABEL_ONLY = re.compile(r"\s*(?:\d{1,3}\.|\([a-z0-9]{1,5}\)|[IVXL]{1,5}\.)\s*")


@dataclass
class ParagraphSource:
    """A paragraph with its raw lines and its cleaned text mapped to raw offsets."""

    paragraph: Paragraph
    lines: list[Line]
    spanned: SpannedText

    @cached_property
    def raw_text(self) -> SpannedText:
        """The raw lines joined by spaces, where footnote markers are looked for."""
        return join([SpannedText(line.text, ((0, line.start),)) for line in self.lines], separator=" ")

    def set_text(self, spanned: SpannedText) -> None:
        self.spanned = spanned
        self.paragraph.text = spanned.text


def segment(lines: list[Line], document_id: str) -> list[ParagraphSource]:
    """Paragraph rows of the body lines (kinds set by the layout stage), in document order."""
    segmenter = _Segmenter(document_id)
    segmenter.run(lines)
    return segmenter.sources


class _Segmenter:
    """Groups body lines into paragraphs, in document order."""

    def __init__(self, document_id: str) -> None:
        self.document_id = document_id
        self.paragraphs: list[Paragraph] = []
        self._lines: list[list[Line]] = []  # raw lines of each paragraph, parallel to paragraphs
        self._label_starts: list[int] = []
        self.section = "preamble"
        self.annex: str | None = None
        self.last_number = 0
        self.parent: Paragraph | None = None
        self.items: list[Paragraph] = []  # open item stack (a) > (i)
        self._by_id: dict[str, Paragraph] = {}
        self._force_open = False
        self._part_kind = ""  # the kind of the row a forced open gives: "heading" under a part number
        self.part = ""  # "A", "B" for a resolution printed in parts under one symbol
        self.lettered: str | None = None  # last "(a) Resolves ..." operative paragraph label
        self.sources: list[ParagraphSource] = []
        self._following: dict[int, Line | None] = {}  # id(body line) -> the next body line
        self._in_heading = False  # the last row was opened as a heading

    def run(self, lines: list[Line]) -> None:
        gap = False  # blank line seen since the current paragraph's last line
        page_break = False  # furniture or footnotes seen since then
        body = [line for line in lines if line.kind == "body"]
        following = {id(line): body[k + 1] if k + 1 < len(body) else None for k, line in enumerate(body)}
        self._following = following
        for line in lines:
            if line.kind == "body" and self.section != "preamble" and ANNEX_LINE.match(line.text):
                line.kind = "annex_marker"  # "Annex" on a line of its own, even without a closing block
            if line.kind in ("blank",):
                gap = True
                continue
            if line.kind in ("furniture", "footnote", "closing", "header"):
                page_break = True
                continue
            if line.kind == "annex_marker":
                self._start_annex(line)
                gap = page_break = False
                continue
            if line.kind == "part_marker":
                self._start_part(line)
                gap = page_break = False
                continue
            self._feed(line, gap, page_break, following[id(line)])
            gap = page_break = False
        self._finish()

    # A line either opens a paragraph or continues the current one.
    def _feed(self, line: Line, gap: bool, page_break: bool, next_line: Line | None) -> None:
        text = line.text
        if self._lines and self._label_only(self._lines[-1]):
            self._lines[-1].append(line)
            return
        if self._force_open:  # the first line after "Annex" is the annex title, after "I" the part's title
            self._force_open = False
            self._open_unnumbered(line)
            self.paragraphs[-1].kind = self._part_kind or "paragraph"
            return
        current = self._current_text()
        ends = bool(_END_OF_PARAGRAPH.search(current)) if current else True
        number = _NUMBER_LABEL.match(text)
        if number and self._accept_number(int(number.group(1)), number.group(2), current, ends):
            first_item = _ITEM_LABEL.match(text[number.end() :])
            if first_item and first_item.group(1) == "a":  # "5. (a) Decides ...": the number heads items
                self._open_numbered(_cut(line, 0, number.end()), int(number.group(1)), number.end())
                self._open_item(_cut(line, number.end(), len(text)), "a", first_item.end())
                return
            self._open_numbered(line, int(number.group(1)), number.end())
            return
        if _ROMAN_LABEL.match(text) and (current is None or ends or gap):
            self._open_unnumbered(line)
            return
        if (gap or ends) and _ROMAN_ALONE.fullmatch(text) and self._title_below(next_line):
            self._open_unnumbered(line)  # "I" on its own line heads a part; its title opens the next row
            self._part_kind = self.paragraphs[-1].kind = "heading"  # both heading rows, in the preamble too
            self._force_open = True
            return
        # a heading ends where the item below it, or in the preamble the paragraph below it, starts
        ends = ends or (self._in_heading and (self.section == "preamble" or bool(_ITEM_LABEL.match(text))))
        item = _ITEM_LABEL.match(text)
        if item and self._opens_lettered(item.group(1), text[item.end() :], current, ends):
            self._open_lettered(line, item.group(1), item.end())
            return
        if item and current is not None and (ends or re.search(r"\b(?:and|or)\s*$", current)):
            label = self._item_label(item.group(1))
            if label:
                self._open_item(line, label, item.end())
                return
        bullet = _BULLET.match(text)
        if bullet and current is not None:
            parent = self._bullet_parent(current, ends)
            if parent is not None:
                self._open_bullet(line, parent, bullet.end())
                return
        if current is not None and self._is_heading(text, current, next_line):
            self._open_heading(line)
            return
        if current is None or self._opens_paragraph(text, current, ends, gap, page_break) or self._after_article():
            self._open_unnumbered(line)
            return
        self._lines[-1].append(line)

    def _accept_number(self, number: int, mark: str, current: str | None, ends: bool) -> bool:
        if number == self.last_number + 1:
            return mark == "." or ends
        if number == 1 and self.annex is not None and not self._annex_has_numbers():
            return True
        return mark == "." and ends and self.last_number < number <= self.last_number + 3

    def _opens_lettered(self, label: str, rest: str, current: str | None, ends: bool) -> bool:
        """Operative paragraphs lettered instead of numbered: "(a) Resolves ...", "(b) Requests ..."."""
        if self.annex is not None or not (current is None or ends or re.search(r"\b(?:and|or)\s*$", current)):
            return False
        if self.lettered is not None:
            return label == next_letter(self.lettered)
        lead = lead_of(rest)
        return label == "a" and self.section == "preamble" and bool(lead) and is_operative_word(lead.group(1), lead.group(2))

    def _annex_has_numbers(self) -> bool:
        return any(p.section == "annex" and p.number is not None for p in self.paragraphs if p.paragraph_id.startswith(self._annex_prefix()))

    def _opens_paragraph(self, text: str, current: str, ends: bool, gap: bool, page_break: bool) -> bool:
        lead = lead_of(text)
        if not ends:
            # PDF extraction sometimes drops a preambular paragraph's last line ("... of 19 December"
            # with "2006," lost); after a blank line, a capitalised lexicon participle such as
            # "Recalling also" or "Bearing in mind" still starts the next preambular paragraph.
            # OCR also drops the comma that closes the preamble ("... to the United Nations" above
            # "Recommends to the General Assembly").
            return bool(
                lead and gap and not page_break and self.section == "preamble" and self.annex is None
                and ((lead.group(1).lower().endswith("ing") and lead.group(1).lower() in opening_words())
                     or is_operative_word(lead.group(1), lead.group(2)))
            )
        if not lead:
            return False
        if gap and not page_break:
            return True
        # Without a blank line, a capitalised line after a colon continues a title ("Action:
        # Addressing ..."), and inside numbered paragraphs it is a new sentence ("We therefore:").
        if current.endswith(":") or self.last_number > 0:
            return False
        return is_lead_word(lead.group(1), lead.group(2))

    def _is_heading(self, text: str, current: str, next_line: Line | None) -> bool:
        """An unpunctuated line (or two) after a finished paragraph, above the next number, item label
        or preambular lead, is a heading: "Budget estimates ..." above "15. Decides ...", "Monitoring
        of the arms embargo" above "(m) To monitor ...", "Somalia" above "Welcoming ..."."""
        text = SUPERSCRIPT_RUN.sub("", text)  # "Framework;⁴¹" ends with its semicolon
        if not _END_OF_PARAGRAPH.search(current) or _END_OF_PARAGRAPH.search(text) or not text.strip()[:1].isupper():
            return False
        if _ARTICLE.match(text) and self.section != "preamble":
            return True
        if self.section == "preamble":
            word = lead_of(text)
            if self.annex is not None or len(text) > 100 or _SECTION_LETTER.fullmatch(text) or (word and is_lead_word(*word.groups())):
                return False
        if next_line is not None and not self._heading_ends_above(next_line) and not _END_OF_PARAGRAPH.search(next_line.text):
            next_line = self._following.get(id(next_line))  # a heading wrapped over two lines
        if next_line is None or len(text) > 300 or not self._heading_ends_above(next_line):
            return False
        return self.section == "preamble" or bool(_STRONG_END.search(current) or _ITEM_LABEL.match(next_line.text))

    def _title_below(self, line: Line | None) -> bool:
        """A part number's title below it ("I" / "Achieving sustainable fisheries" / "1. Reaffirms"), not its
        first paragraph ("I" / "Resolves to give ..." / its next line; "I" / "1. Welcomes ...")."""
        if line is None or _NUMBER_LABEL.match(line.text):
            return False
        lead, after = lead_of(line.text), self._following.get(id(line))
        return not (lead and is_lead_word(*lead.groups())) or bool(after and _NUMBER_LABEL.match(after.text))

    def _after_article(self) -> bool:
        """A statute's "Article 12" line and its title line make a heading; the text opens after them."""
        return self._in_heading and len(self._lines[-1]) == 2 and bool(_ARTICLE.match(self._lines[-1][0].text))

    def _heading_ends_above(self, line: Line) -> bool:
        """Does ``line`` open what follows a heading: a preambular paragraph in the preamble, else the
        next numbered paragraph or the next item of the open list?"""
        if self.section == "preamble":
            word = lead_of(line.text)
            return bool(word) and is_lead_word(*word.groups())
        number = _NUMBER_LABEL.match(line.text)
        if number:
            return int(number.group(1)) in (self.last_number + 1, 1)
        if ANNEX_LINE.match(line.text) or _ARTICLE.match(line.text):  # "International Tribunal for Rwanda" above "Annex I"
            return True
        item = _ITEM_LABEL.match(line.text)
        if not item or self.parent is None or item.group(1).isdigit():
            return False
        return item.group(1) in ("a", "i") or any(continues(open_item.item, item.group(1)) for open_item in self.items)

    def _current_text(self) -> str | None:
        if not self._lines:
            return None
        last = self._lines[-1][-1]
        text = (last.text if last.text.isascii() else SUPERSCRIPT_RUN.sub("", last.text)).rstrip()
        # A footnote marker glued after the final punctuation ("Peace,1") hides the end.
        return _MARKER_AFTER_PUNCTUATION.sub("", text) if text[-1:].isdigit() or text.endswith("/") else text

    def _label_only(self, lines: list[Line]) -> bool:
        return len(lines) == 1 and bool(_LABEL_ONLY.fullmatch(lines[0].text))

    def _item_label(self, raw_label: str) -> str | None:
        """Accept (a), (b)… in sequence and (i), (ii)… nested; OCR '(6)' after '(a)' reads '(b)'."""
        label = raw_label
        if raw_label.isdigit():
            if raw_label == "6" and self.items and self.items[-1].item == "a":
                return "b"
            return None
        if any(continues(open_item.item, label) for open_item in self.items):
            return label
        return label if label in ("a", "i") else None

    # -- opening rows

    def _open_numbered(self, line: Line, number: int, label_end: int) -> None:
        if self.annex is None and self.section == "preamble":
            self.section = "operative"
        self.last_number = number
        self.lettered = None
        prefix = self._prefix()
        paragraph_id = self._unique(f"{prefix}op{number}")
        self._append(line, paragraph_id, number=number, item=None, parent=None, kind="paragraph", label_end=label_end)
        self.parent = self.paragraphs[-1]
        self.items = []

    def _open_item(self, line: Line, label: str, label_end: int) -> None:
        parent = self.parent
        for depth in range(len(self.items) - 1, -1, -1):
            if continues(self.items[depth].item, label):
                parent = self._by_id[self.items[depth].parent_paragraph_id or ""]
                del self.items[depth:]
                break
        else:
            if self.items:
                parent = self.items[-1]
        base = parent.paragraph_id if parent else f"{self.document_id}:{self._prefix()}x"
        self._append(
            line, self._unique_full(f"{base}({label})"), number=parent.number if parent else None, item=label,
            parent=parent.paragraph_id if parent else None, kind="item", label_end=label_end,
            section=parent.section if parent else None,
        )
        self.items.append(self.paragraphs[-1])

    def _bullet_parent(self, current: str, ends: bool) -> Paragraph | None:
        """What a bullet line hangs under, as the XML labels it: the chapeau ("... mandate:"), the
        unpunctuated item or heading above it, or the parent of the bullet before it."""
        last = self.paragraphs[-1]
        if (last.item or "").startswith(BULLET_LABEL):
            return self._by_id[last.parent_paragraph_id or ""]
        if current.endswith(":") or self._in_heading or (last.kind == "item" and not _END_OF_PARAGRAPH.search(current)):
            return last
        return None

    def _open_bullet(self, line: Line, parent: Paragraph, label_end: int) -> None:
        siblings = sum(p.parent_paragraph_id == parent.paragraph_id and (p.item or "").startswith(BULLET_LABEL)
                       for p in self.paragraphs)
        label = f"{BULLET_LABEL}{siblings + 1}"
        self._append(line, self._unique_full(f"{parent.paragraph_id}({label})"), number=parent.number, item=label,
                     parent=parent.paragraph_id, kind="item", label_end=label_end, section=parent.section)

    def _open_lettered(self, line: Line, label: str, label_end: int) -> None:
        if self.annex is None and self.section == "preamble":
            self.section = "operative"
        self.lettered = label
        paragraph_id = self._unique(f"{self._prefix()}op({label})")
        self._append(line, paragraph_id, number=None, item=label, parent=None, kind="paragraph", label_end=label_end)
        self.parent = self.paragraphs[-1]
        self.items = []

    def _open_heading(self, line: Line) -> None:
        """A heading row; the numbered paragraph and the list it stands in stay open. In the preamble
        the UN's XML mostly gives a heading a paragraph row of its own (GA), so there it is a pp row."""
        paragraph_id = self._unique(f"{self._prefix()}pending{len(self.paragraphs) + 1}")
        kind = "paragraph" if self.section == "preamble" else "heading"
        self._append(line, paragraph_id, number=None, item=None, parent=None, kind=kind, label_end=0)
        self._in_heading = True

    def _open_unnumbered(self, line: Line) -> None:
        lead = lead_of(line.text)
        if self.annex is None and self.section == "preamble" and lead and is_operative_word(lead.group(1), lead.group(2)):
            self.section = "operative"
        self.lettered = None
        # Unnumbered rows get their id once their kind is known (see _assign_unnumbered_ids).
        paragraph_id = self._unique(f"{self._prefix()}pending{len(self.paragraphs) + 1}")
        self._append(line, paragraph_id, number=None, item=None, parent=None, kind="paragraph", label_end=0)
        self.parent = self.paragraphs[-1]
        self.items = []

    def _append(self, line: Line, paragraph_id: str, *, number: int | None, item: str | None,
                parent: str | None, kind: str, label_end: int, section: str | None = None) -> None:
        self.paragraphs.append(
            Paragraph(
                paragraph_id=paragraph_id, section=section or self._section(), kind=kind,
                ordinal=len(self.paragraphs) + 1, number=number, item=item, parent_paragraph_id=parent,
                text="", char_start=line.start, char_end=line.end,
            )
        )
        self._by_id[paragraph_id] = self.paragraphs[-1]
        self._in_heading = False
        self._lines.append([line])
        self._label_starts.append(label_end)

    def _start_annex(self, line: Line) -> None:
        match = ANNEX_LINE.match(line.text)
        self.annex = (match.group(1) or "") if match else ""
        self._force_open = True
        self._part_kind = ""
        self.last_number = 0
        self.parent = None
        self.items = []

    def _start_part(self, line: Line) -> None:
        """Part B of a resolution in parts: its own preamble and numbering, ids under "B:"."""
        self.part = part_letter(line)
        self.section = "preamble"
        self.annex = None
        self.last_number = 0
        self.lettered = None
        self.parent = None
        self.items = []

    def _section(self) -> str:
        return "annex" if self.annex is not None else self.section

    def _annex_prefix(self) -> str:
        return f"annex{self.annex}:" if self.annex is not None else ""

    def _prefix(self) -> str:
        return (f"{self.part}:" if self.part else "") + self._annex_prefix()

    def _unique(self, local_id: str) -> str:
        return self._unique_full(f"{self.document_id}:{local_id}")

    def _unique_full(self, candidate: str) -> str:
        suffix = 2
        unique = candidate
        while unique in self._by_id:
            unique = f"{candidate}~{suffix}"
            suffix += 1
        return unique

    # -- text

    def _finish(self) -> None:
        for paragraph, lines, label_end in zip(self.paragraphs, self._lines, self._label_starts, strict=True):
            parts = []
            for position, line in enumerate(lines):
                start = line.start + (label_end if position == 0 else 0)
                parts.append(SpannedText(line.text[start - line.start :], ((0, start),)).strip())
            spanned = clean_spanned(join_wrapped_lines([p for p in parts if p.text]))
            paragraph.text = spanned.text
            if spanned.text:
                first = lines[0]
                paragraph.char_start = first.start + len(first.text) - len(first.text.lstrip())
                paragraph.char_end = spanned.raw_offset(len(spanned.text))
            self.sources.append(ParagraphSource(paragraph, lines, spanned))
        if not any(p.section == "operative" for p in self.paragraphs):
            self._operative_after_preamble()
        self._classify_headings()
        self._assign_unnumbered_ids()

    def _assign_unnumbered_ids(self) -> None:
        """pp<k> in the preamble, opu<k> for unnumbered operative text, h<k> for headings, p<k> in annexes."""
        counters: dict[str, int] = {}
        renamed: dict[str, str] = {}
        taken = {p.paragraph_id for p in self.paragraphs if ":pending" not in p.paragraph_id and "(" not in p.paragraph_id}
        for paragraph in self.paragraphs:
            if paragraph.kind == "item" or not re.search(r":pending\d+$", paragraph.paragraph_id):
                continue
            prefix = paragraph.paragraph_id.rsplit(":pending", 1)[0] + ":"
            if paragraph.kind == "heading":
                key = "h"
            elif paragraph.section == "preamble":
                key = "pp"
            elif paragraph.section == "annex":
                key = "p"
            else:
                key = "opu"
            counters[prefix + key] = counters.get(prefix + key, 0) + 1
            new_id = f"{prefix}{key}{counters[prefix + key]}"
            while new_id in taken:
                new_id += "~2"
            taken.add(new_id)
            renamed[paragraph.paragraph_id] = new_id
            paragraph.paragraph_id = new_id
        for paragraph in self.paragraphs:
            if paragraph.kind != "item":
                continue
            for old, new in renamed.items():
                if paragraph.paragraph_id.startswith(old + "("):
                    paragraph.paragraph_id = new + paragraph.paragraph_id[len(old):]
                if paragraph.parent_paragraph_id == old:
                    paragraph.parent_paragraph_id = new
                elif paragraph.parent_paragraph_id and paragraph.parent_paragraph_id.startswith(old + "("):
                    paragraph.parent_paragraph_id = new + paragraph.parent_paragraph_id[len(old):]

    def _operative_after_preamble(self) -> None:
        """Old texts without an operative lead verb ("Whereas ...", then "It is resolved that ..."):
        the first paragraph after the first that does not open like a preambular one starts the
        operative part."""
        top = [p for p in self.paragraphs if p.kind == "paragraph" and p.section == "preamble"]
        for position, paragraph in enumerate(top[1:], start=1):
            lead = lead_of(paragraph.text)
            if not (lead and is_preambular_word(lead.group(1), lead.group(2))):
                start = top[position].ordinal
                for row in self.paragraphs[start - 1 :]:
                    if row.section == "preamble":
                        row.section = "operative"
                return

    def _classify_headings(self) -> None:
        """A short unpunctuated line block between paragraphs is a heading, not a paragraph."""
        for paragraph in self.paragraphs:
            if paragraph.kind != "paragraph" or paragraph.number is not None or paragraph.item is not None \
                    or paragraph.section == "preamble":
                continue
            text = _MARKER_AFTER_PUNCTUATION.sub("", paragraph.text)  # "... Committee. 1": a marker after the stop
            looks_heading = bool(_ROMAN_HEADING.match(text)) or not _END_OF_PARAGRAPH.search(text)
            if looks_heading and len(text) <= 400:
                paragraph.kind = "heading"


def _cut(line: Line, start: int, end: int) -> Line:
    """Part of a line as a line of its own, offsets kept."""
    return Line(line.index, line.start + start, line.start + end, line.text[start:end], line.kind)
