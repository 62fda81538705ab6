"""Akoma Ntoso (AKN4UN) files: the element tree with source offsets, what the file is, and the header.

The tree is built with expat so that every text run keeps where it stands in the file: rows read
from XML are traceable to the XML the same way rows read from a text form are traceable to the
text. Votes and sponsors are read from the corpora's data extracts (pipeline/sidecars.py).
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from xml.parsers import expat

from pipeline.text.dates import parse_date
from pipeline.text.model import Header, ResolutionRejected
from pipeline.text.numbers import ordinal_to_int
from pipeline.text.votes import strip_vote_marker

BODY_OF_PREFIX = (  # longest prefix first
    ("A/HRC/", "Human Rights Council"),
    ("A/", "General Assembly"),
    ("S/", "Security Council"),
    ("E/", "Economic and Social Council"),
)
_WHITESPACE = re.compile(r"\s+")
TYPOGRAPHY = str.maketrans({"\u2011": "-", "\u00ad": None, "\u200b": None, "\u200e": None, "\u200f": None, "\ufeff": None})  # as printed
_TYPOGRAPHIC = re.compile("[" + "".join(re.escape(chr(code)) for code in TYPOGRAPHY) + "]")  # what TYPOGRAPHY changes
# A Cyrillic letter typed inside an English word ("Сalls", Cyrillic С): the Latin letter it looks like
_CYRILLIC = "АВЕКМНОРСТХаеорсух"
_LATIN = str.maketrans(_CYRILLIC, "ABEKMHOPCTXaeopcyx")
_HOMOGLYPH = re.compile(rf"[{_CYRILLIC}](?=[a-z])|(?<=[A-Za-z])[{_CYRILLIC}]")
# a label typed into the text, with the tab after it (and a left-to-right mark: "6.\u200e\t")
_TYPED_LABEL = re.compile(r"^\s*(\d{1,3}\.|\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\))[\s\u200e\u200f]+(?=\S|$)")
_TYPED_NUMBER = re.compile(r"^\s*(\d{1,3})(?:[\s\u200e\u200f]+|$)")  # "7<tab>Further underlines": no dot
# The same readings of the printed header as the text parser's, so both forms give the same fields.
_AGENDA = re.compile(r"Agenda items?\s+([0-9][0-9 ()a-z,and]*)")
_COMMITTEE = re.compile(r"on the report of the (.+?Committee)", re.IGNORECASE | re.DOTALL)
_SYMBOL_IN_TEXT = re.compile(r"\b(?:A|S|E)/(?:[A-Z0-9\-]+/)*[A-Z0-9\-]+(?:\.\d+)?(?:/(?:Add|Rev|Corr)\.\d+)*")
_LEADING_INT = re.compile(r"\s*(\d+)")
_SESSION_WORDS = re.compile(r"^\s*([A-Za-z\-‑ ]+?)\s+(?:special\s+|emergency\s+special\s+)?session\b", re.IGNORECASE)


class Node:
    """An element: tag as written (``akn4un:voters``), attributes, children, byte offsets in the file."""

    __slots__ = ("tag", "attrs", "children", "start", "end")

    def __init__(self, tag: str, attrs: dict[str, str], start: int) -> None:
        self.tag, self.attrs, self.children, self.start, self.end = tag, attrs, [], start, start

    def elements(self, tag: str | None = None) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node) and (tag is None or c.tag == tag)]

    def first(self, tag: str) -> Node | None:
        return next((c for c in self.children if isinstance(c, Node) and c.tag == tag), None)

    def iter(self, tag: str | None = None):
        """Descendants in document order (self included)."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            if tag is None or node.tag == tag:
                yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Node)]))

    def text(self) -> str:
        """All text below, whitespace collapsed."""
        parts: list[str] = []
        stack: list[Node | Text] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, Text):
                parts.append(item.text)
            else:
                parts.append(" ")
                stack.extend(reversed(item.children))
        return _WHITESPACE.sub(" ", "".join(parts)).translate(TYPOGRAPHY).strip()


class Text:
    """A run of character data with its byte offsets (the end is where the next markup begins)."""

    __slots__ = ("text", "start", "end")

    def __init__(self, start: int, text: str = "", end: int | None = None) -> None:
        self.text, self.start, self.end = text, start, start if end is None else end


def label_piece(number: Node) -> Text:
    """A heading's printed number: 'I' is printed 'I.' in the UN layout, as the text form shows it."""
    label = number.text()
    runs = [c for c in number.children if isinstance(c, Text) and c.text.strip()]
    printed = label if label.endswith((".", ")")) else f"{label}."
    if not runs:
        return Text(number.start, printed, number.end)
    lead = runs[0].text[: len(runs[0].text) - len(runs[0].text.lstrip())]
    return Text(runs[0].start + len(lead.encode()), printed, runs[-1].end)


class Row:
    """Text pieces of one row and the footnotes whose markers stand in it."""

    def __init__(self) -> None:
        self.pieces: list[Text] = []
        self.notes: list[Node] = []
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            # whitespace runs as one space (split, faster than a regex), typography translated only if present
            text = " ".join("".join(p.text for p in self.pieces).split())
            text = (text.translate(TYPOGRAPHY) if _TYPOGRAPHIC.search(text) else text).strip()
            self._text = _HOMOGLYPH.sub(lambda m: m.group().translate(_LATIN), text)
        return self._text

    def prepend(self, piece: Text) -> None:
        self.pieces.insert(0, piece)
        self._text = None


def take_label(row: Row, expected: int) -> str:
    """Remove a leading '12.' or '(a)' from the row's first printed text and return it; a bare '7'
    before a capital only when it is the ``expected`` next paragraph number."""
    printed = next((p for p in row.pieces if p.text.strip()), None)
    match = _TYPED_LABEL.match(printed.text) if printed else None
    if printed is not None and match is None and re.match(rf"{expected}\s+[A-Z]", row.text):
        match = _TYPED_NUMBER.match(printed.text)
    if printed is None or match is None:
        return ""
    rest = Text(printed.start + len(printed.text[: match.end()].encode()), printed.text[match.end() :], printed.end)
    row.pieces.remove(printed)
    row.prepend(rest)  # nothing printed stands before it
    return match.group(1)


def annex_prefix(prefix: str, number: str | None) -> str:
    """The row-id prefix of an annex: ``annex:``, ``annexII:``, after a part's ``B:``."""
    head = prefix.rsplit("annex", 1)[0] if "annex" in prefix else prefix
    return f"{head}annex{number or ''}:"


class Tree:
    """The parsed file: the root element and a converter from byte offsets to offsets in the str."""

    def __init__(self, xml: str, blank: tuple[str, ...] = ()) -> None:
        """``blank``: metadata blocks not needed (subject keywords, vote lists), overwritten with spaces
        before parsing, which keeps every offset and spares the parser most of the file."""
        self.xml = xml
        data = xml.encode("utf-8")
        # A byte that continues a UTF-8 sequence starts no character: subtract those before an offset.
        self._continuations = [m.start() for m in re.finditer(rb"[\x80-\xbf]", data)] if len(data) != len(xml) else []
        if blank:
            pattern = re.compile(rb"<(" + "|".join(blank).encode() + rb")\b.*?</\1>", re.DOTALL)
            data = pattern.sub(lambda m: b" " * (m.end() - m.start()), data)
        parser = expat.ParserCreate(encoding="UTF-8")  # no namespace processing: tags keep their prefix
        self.root = Node("#document", {}, 0)
        stack = [self.root]
        pending: list[Text | None] = [None]

        def close_text() -> None:
            if pending[0] is not None:
                pending[0].end = parser.CurrentByteIndex
                pending[0] = None

        def start(tag: str, attrs: dict[str, str]) -> None:
            close_text()
            node = Node(tag, attrs, parser.CurrentByteIndex)
            stack[-1].children.append(node)
            stack.append(node)

        def end(_tag: str) -> None:
            close_text()
            stack.pop().end = parser.CurrentByteIndex

        def characters(text: str) -> None:
            # Buffered text arrives when the next markup begins: it ends here, and starts where its
            # bytes begin (after the previous markup when an entity such as &amp; makes them differ).
            end = parser.CurrentByteIndex
            run = pending[0]
            if run is None:
                raw = text.encode("utf-8")
                start = end - len(raw)
                if data[start:end] != raw:
                    start = data.rfind(b">", 0, end) + 1
                run = pending[0] = Text(start)
                stack[-1].children.append(run)
            run.text += text

        parser.buffer_text = True
        parser.buffer_size = 1 << 20
        parser.StartElementHandler, parser.EndElementHandler = start, end
        parser.CharacterDataHandler = characters
        parser.CommentHandler = lambda _text: close_text()
        try:
            parser.Parse(data, True)
        except expat.ExpatError as error:
            raise ResolutionRejected(f"not well-formed XML: {error}", reason="malformed_xml") from error

    def char(self, byte_offset: int) -> int:
        return byte_offset - bisect.bisect_left(self._continuations, byte_offset)

    def document(self) -> Node:
        """The one document element under <akomaNtoso>."""
        akn = self.root.first("akomaNtoso")
        if akn is None or not akn.elements():
            raise ResolutionRejected("no <akomaNtoso> document element: not an Akoma Ntoso file")
        return akn.elements()[0]


# --- what the file is -----------------------------------------------------------------------


def reject_non_resolutions(document: Node, symbol: str) -> None:
    """Presidential statements, drafts not adopted, other languages and other documents are not read."""
    outcomes = {step.attrs.get("outcome") for step in meta_part(document, "workflow").elements("step")}
    if "/PRST/" in symbol:
        raise ResolutionRejected(f"{symbol} is a presidential statement, not a resolution", reason="presidential_statement")
    if document.attrs.get("name") == "draftResolution" or "notAdopted" in outcomes:
        raise ResolutionRejected(f"{symbol} is a draft resolution that was not adopted", reason="not_adopted")
    languages = {node.attrs.get("language") for node in meta_part(document, "identification").iter("FRBRlanguage")}
    if languages - {"eng", None}:
        raise ResolutionRejected(f"{symbol} is the {'/'.join(sorted(languages - {None}))} text; the corpus is read in English",
                                 reason="not_english")
    if "/RES/" not in symbol:
        raise ResolutionRejected(f"<{document.tag} name={document.attrs.get('name')!r}> {symbol!r} is not a resolution symbol")


def statements_of(tree: Tree, document: Node) -> list[tuple[str, Node]]:
    """The statements to read: the document itself, or each lettered resolution of a collection (74/255 A-B)."""
    if document.tag != "documentCollection":
        return [("", document)]
    akn = tree.root.first("akomaNtoso")
    parts = []
    for components in akn.elements("components") if akn else ():
        for component in components.elements("component"):
            for statement in component.elements("statement"):
                number = statement.first("preface")
                letter = number.text().split(" ")[0].strip(". ") if number else ""
                parts.append((letter or component.attrs.get("eId", f"part{len(parts) + 1}"), statement))
    return parts


# --- header ------------------------------------------------------------------------------

NOT_READ_FOR_TEXT = ("classification", "references", "presentation", "analysis")  # parse_akn reads none of them


def meta_part(document: Node, name: str) -> Node:
    """A block of <meta> (identification, workflow, analysis), or an empty element."""
    meta = document.first("meta")
    return (meta.first(name) if meta else None) or Node(name, {}, 0)


def symbol_of(document: Node) -> str:
    """The symbol as printed on the cover page (``S/RES/2504 (2020)``), else from the FRBR metadata."""
    cover = document.first("coverPage")
    for node in cover.iter("docNumber") if cover else ():
        if node.text():
            return node.text()
    for node in meta_part(document, "identification").iter("FRBRthis"):
        return node.attrs.get("value", "")
    return ""


def canonical_symbol(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol)


def parse_header(document: Node, symbol: str, conclusions: Node | None) -> Header:
    """The documents-table fields from the cover page, preface, ``conclusions`` (the adoption block,
    which collections and recommended drafts keep inside a component) and FRBR metadata."""
    document_id = canonical_symbol(symbol)
    body = next(name for prefix, name in BODY_OF_PREFIX if document_id.startswith(prefix))
    cover = document.first("coverPage") or Node("coverPage", {}, 0)
    preface = document.first("preface")
    number = preface.first("p").first("docNumber") if preface and preface.first("p") else None
    resolution_number = number.text().rstrip(". ") if number and number.text() else None
    for title in cover.iter("docTitle"):
        if title.attrs.get("refersTo") == "#resolutionNumber":
            resolution_number = re.sub(r"^Resolution\s+", "", title.text(), flags=re.IGNORECASE).strip()
    if not resolution_number or not re.search(r"\d", resolution_number):
        match = re.search(r"/RES/(.+)$", symbol)
        resolution_number = match.group(1).strip() if match else None
    titles = [t.text() for t in preface.iter("docTitle")] if preface else []
    title = next((t for t in titles if t), None) if body != "Security Council" else None

    proponent = " ".join(node.text() for node in cover.iter("docProponent"))
    committee_match = _COMMITTEE.search(proponent)
    originating = [n.text() for n in cover.iter("inline") if n.attrs.get("name") == "originating document"]
    drafts = [step.attrs.get("as", "") for step in meta_part(document, "workflow").elements("step")
              if step.attrs.get("outcome") == "draftResolution"]  # SC, HRC: no originating document printed
    symbols = _SYMBOL_IN_TEXT.findall(" ".join(originating) or proponent or " ".join(drafts))
    agenda_text = " ".join(n.text() for n in cover.iter("inline") if n.attrs.get("name") == "agenda item")
    agenda = _AGENDA.search(agenda_text)
    vote = None
    for node in conclusions.iter("vote") if conclusions else ():
        vote = strip_vote_marker(node.text()) or None
    return Header(
        document_id=document_id, body=body, resolution_number=resolution_number,
        session=_session(cover, body, resolution_number), title=title,
        adopted_on=_adopted_on(document, cover, conclusions), distributed_on=_dated(cover, "#dateOfIssuance"),
        agenda_items=[i.strip() for i in re.split(r",|\band\b", agenda.group(1)) if re.match(r"\s*\d", i)] if agenda else [],
        draft_symbol=symbols[0] if symbols else None,
        committee=_WHITESPACE.sub(" ", committee_match.group(1)).strip() if committee_match else None,
        meeting=_meeting(cover, conclusions), vote=vote,
    )


def _session(cover: Node, body: str, resolution_number: str | None) -> int | None:
    if body == "Security Council":
        return None
    for node in cover.iter("session"):
        value = node.attrs.get("value", "")
        if value.isdigit():
            return int(value)
        words = _SESSION_WORDS.match(node.text())
        if words and ordinal_to_int(words.group(1).strip()):
            return ordinal_to_int(words.group(1).strip())
    prefix = (resolution_number or "").split("/")[0]
    return int(prefix) if prefix.isdigit() else None


def _dated(node: Node | None, refers_to: str) -> date | None:
    for found in node.iter("docDate") if node else ():
        if found.attrs.get("refersTo") == refers_to:
            return _iso(found.attrs.get("date")) or parse_date(found.text())
    return None


def _adopted_on(document: Node, cover: Node, conclusions: Node | None) -> date | None:
    for node in meta_part(document, "identification").iter("FRBRdate"):
        if node.attrs.get("name") == "adoption" and _iso(node.attrs.get("date")):
            return _iso(node.attrs.get("date"))
    return _dated(conclusions, "#adoptionDate") or _dated(cover, "#adoptionDate")


def _iso(value: str | None) -> date | None:
    try:
        parsed = date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
    return parsed if parsed.year > 1 else None  # 0001-01-01 marks "no date"


def _meeting(cover: Node, conclusions: Node | None) -> int | None:
    for node in [*(conclusions.iter() if conclusions else ()), *cover.iter()]:
        if "adoptionMeeting" in (node.attrs.get("name", ""), node.attrs.get("refersTo", "").lstrip("#")):
            match = _LEADING_INT.match(node.text())
            if match:
                return int(match.group(1))
    return None
