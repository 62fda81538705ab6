"""Akoma Ntoso (AKN4UN) reader: the same ParsedResolution the text parser gives, so extraction has one path.

The XML marks what the text parser has to infer (preamble containers, numbered paragraphs, lists,
headings, annexes, footnotes), so this reader follows the markup and gives rows the text
parser's ids: ``pp<k>`` preamble paragraphs, ``op<n>`` numbered paragraphs, ``op<n>(a)(i)`` items,
``opu<k>`` unnumbered operative paragraphs, ``h<k>`` headings, and an ``annex<I>:`` prefix in
annexes. Items printed without a label (a "–" or "•" bullet, an unlabelled "To assist ..." or quoted
text under a chapeau) are labelled ``•1``, ``•2`` ... by position under their parent: ``op8(•2)``.
A <mainBody> block marked ``refersTo="#preamble"`` (a section's preamble in a budget resolution), or
one with a preamble lead (or ending ",") before the part's first operative paragraph, is a preamble row;
what follows an "Annex ..." heading or "Decides to remain seized of the matter." in it is annex. Row text
is the printed text with its lead phrase, without its number or label and without footnote markers;
offsets point into the XML string. Text the reader cannot place is residue, never dropped."""

from __future__ import annotations

import re

from pipeline.text.akn_meta import (
    NOT_READ_FOR_TEXT,
    Node,
    Row,
    Text,
    Tree,
    annex_prefix,
    label_piece,
    parse_header,
    reject_non_resolutions,
    statements_of,
    symbol_of,
    take_label,
)
from pipeline.text.clauses import find_lead
from pipeline.text.leads import continues
from pipeline.text.model import Footnote, Paragraph, ParsedResolution, ResolutionRejected

_END_OF_PARAGRAPH = re.compile(r"[,;:.]\s*$")
_ROMAN_HEADING = re.compile(r"^\s*([IVXL]{1,5})\.\s+|^\s*([A-Z])\.\s+(?=[A-Z])")
_ARABIC = re.compile(r"^\s*(\d{1,3})\s*\.?\s*$")
_HEADING_NUMBER = re.compile(r"^\s*(?:[IVXL]{1,6}|[A-Z])\s*\.?\s*$")
_ITEM_NUMBER = re.compile(r"^\s*\(?\s*([a-z]{1,2}|[ivxl]{1,6}|\d{1,2}|[A-Z])\s*\)\s*\.?\s*$|^\s*([a-z]|[ivxl]{1,6})\.\s*$")
_ORNAMENT = re.compile(r"^[\W_]+$")  # "-----", "* * *"
_BULLET = re.compile(r"^\s*[–—•·▪◦-]\s*\.?\s*$")
# An item ending in a preposition ("(d) ... activities of;"): the row after it is the items' wrap-up
_DANGLING = re.compile(r"\b(?:of|by|to|for|with|from|on|in|against)\s*;\s*$")
_UNLABELLED = "•"  # label prefix of items printed without a label
# Openings of an item under a chapeau: "To assist", "In support of ..., to contribute", a quoted text
_ITEM_OPENING = re.compile(r"^(?:To\s+[a-z]|In\s+support\s+of\b[^;:]*?,\s+to\s+[a-z]|[“\"])")
_ANNEX_MARKER = re.compile(r"^\s*Annex(?:\s+([IVXL]+|\d+))?\s*$")
# An annex opening inside <mainBody>: "Annex I to resolution 1617 (2005)", "ANNEX 1 - ...", "Designation Annex"
_ANNEX_HEADING = re.compile(r"^\s*[“\"]?annex(?:\s+([IVXL]+|\d+))?(?=\s*$|\s*[-–—:.]|\s+[a-z])|^[\w ]{0,30}\bannex\s*$", re.I)
# The closing paragraph of a Council resolution: what follows it in <mainBody> is annexed material
_CLOSING = re.compile(r"^Decides\s+to\s+remain\s+(?:actively\s+)?seized\s+of\s+the\s+matter\s*\.?$")
# Markup that carries text inside a row; anything else that is not structure is read as text too.
_SKIPPED = frozenset({"img", "decoration", "meta", "formula", "noteRef"})
_BREAKS = frozenset({"eol", "br", "eop"})
_HEADINGS = frozenset({"crossHeading", "subheading", "heading", "block"})
_LISTS = frozenset({"list", "point", "blockList"})
_INTROS = frozenset({"intro", "listIntroduction"})
_GROUPS = frozenset({"section", "subsection", "part", "chapter", "title", "division", "hcontainer", "tblock"})


def parse_akn(xml: str) -> ParsedResolution:
    """Parse one AKN4UN resolution; raises ResolutionRejected naming what the file is when it is not one."""
    tree = Tree(xml, NOT_READ_FOR_TEXT)
    document = tree.document()
    symbol = symbol_of(document)
    reject_non_resolutions(document, symbol)
    conclusions = document.first("conclusions") or next(tree.root.iter("conclusions"), None)
    header = parse_header(document, symbol, conclusions)
    reader = _Reader(header.document_id, tree)
    for part, statement in statements_of(tree, document):
        reader.statement(statement, f"{part}:" if part else "")
    if not any(p.section == "operative" for p in reader.paragraphs):
        raise ResolutionRejected(f"{symbol}: no operative paragraph in <mainBody>", reason="not_a_resolution")
    return ParsedResolution(header, reader.paragraphs, reader.footnotes, reader.residue, "akn_xml", [])


class _Reader:
    def __init__(self, document_id: str, tree: Tree) -> None:
        self.document_id = document_id
        self.tree = tree
        self.paragraphs: list[Paragraph] = []
        self.footnotes: list[Footnote] = []
        self.residue: list[tuple[int, int, str]] = []
        self._ids: set[str] = set()
        self._by_id: dict[str, Paragraph] = {}
        self._open_items: list[Paragraph] = []  # items numbered at paragraph level, innermost last
        self._pending_label: Text | None = None
        self._pending_number = ""
        self._counters: dict[str, int] = {}
        self._operative: set[str] = set()  # prefixes (parts) whose first operative paragraph has been read
        self._annexed: dict[str, str] = {}  # operative prefix -> annex prefix, once an annex opens in <mainBody>

    # -- structure

    def statement(self, statement: Node, part: str) -> None:
        for block in statement.elements():  # some files interleave several preamble and mainBody blocks
            if block.tag == "preamble":
                self._preamble(block, part)
            elif block.tag == "mainBody":
                self._body(block, "operative", part)
        components = [c for block in statement.elements("components") for c in block.elements("component")]
        for component in components:  # a recommended draft (ECOSOC): read like an annex
            for embedded in component.elements():
                for block in (embedded.first("preamble"), embedded.first("mainBody")):
                    if block is not None:
                        self._body(block, "annex", f"{part}draft:")
        for attachment in [a for block in statement.elements("attachments") for a in block.elements("attachment")]:
            for doc in attachment.elements():
                self._annex(doc, part)

    def _preamble(self, preamble: Node, part: str) -> None:
        for child in preamble.children:
            if isinstance(child, Text):
                self._stray(child)
            elif child.tag in ("container", "p"):
                row, lists, tail = self._split_lists(child, set())
                if _continues_previous(row.text) and self.paragraphs:  # "urging the parties ..." split off
                    self._extend(self.paragraphs[-1], row)
                    self._list_rows(self.paragraphs[-1], lists, tail)
                elif row.text:
                    self._list_rows(self._add(row, "preamble", "paragraph", None, None, None, part), lists, tail)
                elif lists or tail.text:
                    self._list_rows(self.paragraphs[-1] if self.paragraphs else None, lists, tail)
            elif child.tag == "blockList":
                parent = self.paragraphs[-1] if self.paragraphs else None
                self._items(child, parent)
            elif child.tag in _HEADINGS:
                self._heading(self._collect(child), "preamble", part)
            elif child.tag not in _SKIPPED:
                self._stray(child)

    def _annex(self, doc: Node, part: str) -> None:
        """An attachment: rows in the annex section, prefixed by the annex's number when it has one."""
        body = doc.first("mainBody")
        if body is None:
            self._stray(doc)
            return
        self._body(body, "annex", f"{part}annex:")

    def _body(self, body: Node, section: str, prefix: str) -> None:
        for child in body.children:
            if section == "operative" and prefix in self._annexed:
                section, prefix = "annex", self._annexed[prefix]
            if isinstance(child, Node) and (section == "annex" or prefix in self._operative) \
                    and (heading := _annex_heading(child)):
                opened = annex_prefix(prefix, heading.group(1).upper() if heading.group(1) else None)
                for origin, moved in list(self._annexed.items()):
                    if moved == prefix:
                        self._annexed[origin] = opened
                if section == "operative":
                    self._annexed[prefix] = opened
                section, prefix = "annex", opened
            if isinstance(child, Text):
                self._stray(child)
            elif child.tag == "paragraph":
                prefix = self._paragraph(child, section, prefix)
            elif child.tag in _HEADINGS:  # also used for unnumbered paragraphs ("Reaffirming ..., ")
                row = self._collect(child)
                if row.text and section == "operative" and child.attrs.get("refersTo") == "#preamble":
                    self._add(row, "preamble", "paragraph", None, None, None, prefix)
                elif row.text:
                    self._unnumbered(row, section, prefix)
            elif child.tag in _GROUPS:
                self._group(child, section, prefix)
            elif child.tag in ("container", "p", "alinea", "blockContainer"):
                row = self._collect(child)
                if row.text:
                    self._unnumbered(row, section, prefix)
            elif child.tag in ("list", "blockList"):
                self._items(child, self.paragraphs[-1] if self.paragraphs else None)
            elif child.tag not in _SKIPPED:
                self._stray(child)

    def _group(self, group: Node, section: str, prefix: str) -> None:
        """<section>/<part>: its number and heading make one heading row, then its contents."""
        number = group.first("num")
        titles = [c for c in group.elements() if c.tag in _HEADINGS]
        row = self._collect(titles[0]) if titles else Row()
        if number is not None and number.text():
            if row.text:
                row.prepend(label_piece(number))
            else:  # a lone "B": a label for the heading that follows, not text
                self._pending_label = label_piece(number)
        if row.text:
            self._heading(row, section, prefix)
        rest = Node(group.tag, {}, group.start)
        rest.children = [c for c in group.children if c is not number and (not titles or c is not titles[0])]
        self._body(rest, section, prefix)

    def _paragraph(self, node: Node, section: str, prefix: str) -> str:
        """One <paragraph>; returns the prefix for what follows (an "Annex" marker row sets it)."""
        number = node.first("num")
        label = number.text() if number is not None else ""
        skip = {"num"}
        for doc_type in node.iter("docType") if section == "annex" else ():  # <docType>Annex</docType><docTitle>
            marker = _ANNEX_MARKER.match(doc_type.text())
            if marker:
                prefix = annex_prefix(prefix, marker.group(1))
                skip.add("docType")
        row, lists, tail = self._split_lists(node, skip)
        if not label and self._pending_number:  # "<num>1.</num>" with empty content numbers the next one
            label = self._pending_number
        if not label:  # a label typed into the text: "<p>(a)<tab>Two plenary meetings ..."
            label = take_label(row, self._next_number(section, prefix))
        self._pending_number = ""
        marker = _ANNEX_MARKER.match(row.text)
        if marker and section == "annex" and not label:
            self._notes(row, None)
            return annex_prefix(prefix, marker.group(1))
        arabic, item = _ARABIC.match(label), _ITEM_NUMBER.match(label)
        if item and not arabic and not _HEADING_NUMBER.match(label):
            paragraph = self._paragraph_item(row, item.group(1) or item.group(2), section, prefix)
        elif arabic and not row.text and not lists:
            self._pending_number = label
            return prefix
        elif arabic:
            paragraph = self._add(row, section, "paragraph", int(arabic.group(1)), None, None, prefix)
        elif _BULLET.match(label):
            paragraph = self._unlabelled_item(row, section, prefix, "bullet") or self._unnumbered(row, section, prefix)
        elif label and _HEADING_NUMBER.match(label) and not row.text and not lists:
            self._pending_label = label_piece(number)  # "II" alone: it opens the heading that follows
            return prefix
        elif label and _HEADING_NUMBER.match(label):
            row.prepend(label_piece(number))
            paragraph = self._heading(row, section, prefix)
        elif label:
            row.prepend(label_piece(number))
            paragraph = self._unnumbered(row, section, prefix)
        elif row.text:
            paragraph = self._unnumbered(row, section, prefix)
        else:
            paragraph = self.paragraphs[-1] if self.paragraphs else None
            self._notes(row, paragraph)
        self._list_rows(paragraph, lists, tail)
        return prefix

    def _split_lists(self, node: Node, skip: set[str]) -> tuple[Row, list[Node], Row]:
        """The row before the first list (with that list's intro), the lists, and the row after them
        (a wrap-up <alinea>, which joins the row once the items are read)."""
        blocks = [k for k, c in enumerate(node.children) if isinstance(c, Node) and c.tag in _LISTS]
        if not blocks:
            return self._gather(node.children, skip), [], Row()
        lists = [node.children[k] for k in blocks]
        intro = [c for c in lists[0].elements() if c.tag in _INTROS]
        head = self._gather([*node.children[: blocks[0]], *intro], skip)
        return head, lists, self._gather(node.children[blocks[-1] + 1 :], skip)

    def _list_rows(self, paragraph: Paragraph | None, lists: list[Node], tail: Row) -> None:
        for block in lists:
            if block.tag == "point":
                self._item(block, paragraph)
            else:
                self._items(block, paragraph, skip_intro=block is lists[0])
        self._extend(paragraph, tail)

    def _paragraph_item(self, row: Row, label: str, section: str, prefix: str) -> Paragraph:
        """A <paragraph> numbered '(a)': an item of the paragraph above, nested '(i)' under '(a)'."""
        for depth in range(len(self._open_items) - 1, -1, -1):
            if continues(self._open_items[depth].item, label):
                parent = self._by_id.get(self._open_items[depth].parent_paragraph_id or "")
                del self._open_items[depth:]
                break
        else:
            parent = self._open_items[-1] if self._open_items else self._last_top(section)
        paragraph = self._add(row, section, "item", parent.number if parent else None, label, parent, prefix)
        self._open_items.append(paragraph)
        return paragraph

    def _next_number(self, section: str, prefix: str) -> int:
        """The number the next numbered paragraph of this section and part would carry."""
        head = f"{self.document_id}:{prefix}op"
        last = next((p.number for p in reversed(self.paragraphs) if p.section == section and p.kind == "paragraph"
                     and p.number is not None and p.paragraph_id.startswith(head)), 0)
        return last + 1

    def _last_top(self, section: str) -> Paragraph | None:
        return next((p for p in reversed(self.paragraphs) if p.kind == "paragraph" and p.section == section), None)

    def _items(self, block: Node, parent: Paragraph | None, skip_intro: bool = False) -> None:
        """Points of a <list>/<blockList> (and its sublists) as item rows under ``parent``."""
        last: Paragraph | None = None
        for child in block.children:
            if isinstance(child, Text):
                self._stray(child)
            elif child.tag in _INTROS:
                if not skip_intro:
                    self._extend(parent, self._collect(child))
            elif child.tag in ("wrapUp", "listWrapUp"):
                self._extend(parent, self._collect(child))
            elif child.tag in ("point", "item"):
                last = self._item(child, parent)
            elif child.tag in ("sublist", "list", "blockList"):
                self._items(child, last or parent)
            elif child.tag in _HEADINGS:
                self._extend(last or parent, self._collect(child))
            elif child.tag not in _SKIPPED:
                self._stray(child)

    def _item(self, point: Node, parent: Paragraph | None) -> Paragraph | None:
        number = point.first("num")
        label = _ITEM_NUMBER.match(number.text()) if number is not None else None
        nested = [c for c in point.elements() if c.tag in ("list", "sublist", "blockList")]
        row = self._collect(point, skip={"num", "list", "sublist", "blockList"})
        if number is not None and _BULLET.match(number.text()) and parent is not None:
            item = self._add(row, parent.section, "item", parent.number, self._next_unlabelled(parent), parent, "")
        elif label is None:  # an unlabelled point continues its parent
            if number is not None:
                row.prepend(label_piece(number))
            self._extend(parent, row)
            item = parent
        else:
            item = self._add(row, parent.section if parent else "operative", "item",
                             parent.number if parent else None, label.group(1) or label.group(2), parent, "")
        for block in nested:
            self._items(block, item)
        return item

    # -- rows

    def _heading(self, row: Row, section: str, prefix: str) -> Paragraph | None:
        if not row.text:
            self._notes(row, self.paragraphs[-1] if self.paragraphs else None)
            return None
        return self._add(row, section, "heading", None, None, None, prefix)

    def _unnumbered(self, row: Row, section: str, prefix: str) -> Paragraph | None:
        """Like the text parser: a short unpunctuated block outside the preamble is a heading; a block
        opening in lower case continues the row before; a rule of dashes is an ornament, not text."""
        text = row.text
        if _ORNAMENT.match(text):
            self._notes(row, self.paragraphs[-1] if self.paragraphs else None)
            return None
        if _continues_previous(text) and self.paragraphs and self.paragraphs[-1].section == section:
            self._extend(self.paragraphs[-1], row)
            return self.paragraphs[-1]
        last = self.paragraphs[-1] if self.paragraphs and self.paragraphs[-1].section == section else None
        if last is not None and last.kind == "item" and _DANGLING.search(last.text) and section != "preamble" \
                and find_lead(text, section) is None:  # "(d) ... activities of;" then "Al-Qaida, ...;"
            while last.parent_paragraph_id in self._by_id:
                last = self._by_id[last.parent_paragraph_id]
            self._extend(last, row)
            return last
        opening = "opening" if _ITEM_OPENING.match(text) else ""
        if (opening or section == "operative" and not _ROMAN_HEADING.match(text)) and section != "preamble" \
                and find_lead(text, section) is None and (item := self._unlabelled_item(row, section, prefix, opening)):
            return item
        if section == "operative" and prefix not in self._operative and (find_lead(text, "preamble") or text.endswith(",")) \
                and not find_lead(text, "operative"):  # a preamble paragraph ("Being determined ...,") in <mainBody>
            return self._add(row, "preamble", "paragraph", None, None, None, prefix)
        looks_heading = bool(_ROMAN_HEADING.match(text)) or not _END_OF_PARAGRAPH.search(text) \
            or len(text) <= 100 and text.endswith(":") and find_lead(text, section) is None  # "Reporting:"
        kind = "heading" if section != "preamble" and looks_heading and len(text) <= 400 else "paragraph"
        return self._add(row, section, kind, None, None, None, prefix)

    def _unlabelled_item(self, row: Row, section: str, prefix: str, shape: str) -> Paragraph | None:
        """A lead-less row without a label: the next sibling of an unlabelled item, or an item of the
        chapeau (ending ':') or of the item heading ("(iii) Protection of the United Nations") above it, a
        ``bullet`` also under a heading or a numbered paragraph. None when nothing above introduces it."""
        last = self.paragraphs[-1] if self.paragraphs and self.paragraphs[-1].section == section else None
        parent = None
        if last is not None and (last.item or "").startswith(_UNLABELLED):
            parent = self._by_id.get(last.parent_paragraph_id or "")
        elif last is not None and (last.text.endswith(":") or last.kind == "item" and not _END_OF_PARAGRAPH.search(
                last.text) or shape == "bullet" and (last.kind == "heading" or last.number is not None and last.item is None)):
            parent = last
        if parent is None:
            return None
        return self._add(row, section, "item", parent.number, self._next_unlabelled(parent), parent, prefix)

    def _next_unlabelled(self, parent: Paragraph) -> str:
        siblings = sum(p.parent_paragraph_id == parent.paragraph_id and (p.item or "").startswith(_UNLABELLED)
                       for p in self.paragraphs)
        return f"{_UNLABELLED}{siblings + 1}"

    def _add(self, row: Row, section: str, kind: str, number: int | None, item: str | None,
             parent: Paragraph | None, prefix: str) -> Paragraph:
        if self._pending_label is not None and kind != "item" and number is None:
            row.prepend(self._pending_label)
            kind = "heading"
        self._pending_label = None
        if kind == "item":
            base = parent.paragraph_id if parent else f"{self.document_id}:{prefix}x"
            candidate = f"{base}({item})"
        elif number is not None:
            candidate = f"{self.document_id}:{prefix}op{number}"
        else:
            key = "h" if kind == "heading" else {"preamble": "pp", "annex": "p"}.get(section, "opu")
            self._counters[prefix + key] = self._counters.get(prefix + key, 0) + 1
            candidate = f"{self.document_id}:{prefix}{key}{self._counters[prefix + key]}"
        paragraph_id, suffix = candidate, 2
        while paragraph_id in self._ids:
            paragraph_id, suffix = f"{candidate}~{suffix}", suffix + 1
        self._ids.add(paragraph_id)
        start, end = self._span(row.pieces)
        paragraph = Paragraph(
            paragraph_id=paragraph_id, section=section, kind=kind, ordinal=len(self.paragraphs) + 1,
            number=number, item=item, parent_paragraph_id=parent.paragraph_id if parent else None,
            text=row.text, char_start=start, char_end=end,
        )
        self.paragraphs.append(paragraph)
        self._by_id[paragraph_id] = paragraph
        if section == "operative" and kind == "paragraph":
            self._operative.add(prefix)
            if _CLOSING.match(paragraph.text):
                self._annexed[prefix] = annex_prefix(prefix, None)
        if kind != "item":
            self._open_items = []
        self._notes(row, paragraph)
        return paragraph

    def _extend(self, paragraph: Paragraph | None, row: Row) -> None:
        """Text that belongs to an existing row (a list's intro or wrap-up)."""
        if not row.text:
            self._notes(row, paragraph)
            return
        if paragraph is None:
            self._stray_row(row)
            return
        start, end = self._span(row.pieces)
        paragraph.text = f"{paragraph.text} {row.text}".strip()
        paragraph.char_start = min(paragraph.char_start, start) if paragraph.char_end else start
        paragraph.char_end = max(paragraph.char_end, end)
        self._notes(row, paragraph)

    def _notes(self, row: Row, paragraph: Paragraph | None) -> None:
        for note in row.notes:
            body = self._collect(note)
            marker = note.attrs.get("marker", "").strip()
            number = int(marker) if marker.isdigit() else len(self.footnotes) + 1
            start, end = self._span(body.pieces) if body.pieces else (self.tree.char(note.start), self.tree.char(note.end))
            self.footnotes.append(Footnote(number, body.text, start, end, paragraph.paragraph_id if paragraph else None))

    def _span(self, pieces: list[Text]) -> tuple[int, int]:
        """From the first to the last printed character of the row's text in the XML string."""
        printed = [p for p in pieces if p.text.strip()]
        if not printed:
            return 0, 0
        xml, char = self.tree.xml, self.tree.char
        start, end = char(printed[0].start), char(printed[-1].end)
        head, tail = xml[start : char(printed[0].end)], xml[char(printed[-1].start) : end]
        return start + len(head) - len(head.lstrip()), end - (len(tail) - len(tail.rstrip()))

    def _stray(self, item: Node | Text) -> None:
        row = Row()
        if isinstance(item, Text):
            row.pieces.append(item)
        else:
            row = self._collect(item)
        self._stray_row(row)

    def _stray_row(self, row: Row) -> None:
        if row.text:
            start, end = self._span(row.pieces)
            self.residue.append((start, end, row.text))
        self._notes(row, None)

    # -- text

    def _collect(self, node: Node, skip: set[str] | frozenset[str] = frozenset()) -> Row:
        """The row text below ``node``: footnotes set aside, numeric <sup> markers dropped."""
        return self._gather(node.children, skip)

    def _gather(self, children: list[Node | Text], skip: set[str] | frozenset[str]) -> Row:
        row = Row()
        stack: list[Node | Text] = list(reversed(children))
        while stack:
            item = stack.pop()
            if isinstance(item, Text):
                row.pieces.append(item)
            elif item.tag == "authorialNote":
                row.notes.append(item)
            elif item.tag in skip or item.tag in _SKIPPED:
                continue
            elif item.tag == "sup" and item.text().isdigit():
                continue  # a marker pointing back at a footnote already printed
            elif item.tag in _BREAKS:
                row.pieces.append(Text(item.start, " "))
            else:
                if item.tag in ("p", "content", "tr", "td", "th", "intro", "wrapUp", "docTitle"):
                    row.pieces.append(Text(item.start, " "))  # block boundaries separate words
                stack.extend(reversed(item.children))
        return row


def _annex_heading(node: Node) -> re.Match[str] | None:
    """The annex number match when ``node`` is (or is a <paragraph> holding only) a heading opening an annex."""
    if node.tag == "paragraph" and node.first("num") is None:
        titles = [c for c in node.elements() if c.tag in _HEADINGS]
        node = titles[0] if len(titles) == 1 and len(node.elements()) == 1 else node
    return _ANNEX_HEADING.match(node.text()) if node.tag in _HEADINGS else None


def _continues_previous(text: str) -> bool:
    return text[:1].islower()


__all__ = ["parse_akn"]
