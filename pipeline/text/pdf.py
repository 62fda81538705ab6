"""PDF reader: the text of a resolution PDF, laid out so the text parser reads it like any text form.

pdfium gives each character with its box, baseline and font size. From those this module rebuilds
the lines of every page (spaces from the gaps between characters, so a word the PDF split with a
positioning jump stays one word); sets aside what the printer adds around the text (running
symbol and title, job number, barcode, page counter: lines at a page's top or bottom edge that
recur on other pages); writes raised small digits as Unicode superscripts, which the parser takes
as footnote markers; rejoins words hyphenated at a line end; and moves each page's footnotes,
under a rule of underscores, to the end of the text as "N text" entries, one per line.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.text.ingest import InputRejected

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PDFIUM_HYPHEN = 0x02  # pdfium's code for a hyphen it found at a line end
_SOFT_HYPHEN = 0xAD
_NON_BREAKING_HYPHEN = 0x2011  # printed as "-", as the Akoma Ntoso reader also writes it
_WORD_GAP = 0.15  # a gap wider than this share of the font size between two glyphs is a space
_RAISED_SIZE = 0.8  # a superscript is set smaller than this share of its line's font size ...
_RAISED_RISE = 0.15  # ... on a baseline raised by more than this share of it
_PARAGRAPH_GAP = 1.3  # a line gap this many times the usual leading opens a paragraph
_EDGE_GAP = 1.6  # page furniture stands this many leadings away from the text block, or more
_SUSPENDED = {"and", "or", "nor", "to"}  # "low- and middle-income": the hyphen waits for a later word
_WORD = re.compile(r"[^\W\d_][\w’']*(?:-[\w’']+)*")
_RANGE_END = re.compile(r"\d[–-]$")
_ID_TOKEN = re.compile(r"[A-Za-z0-9/\-*()]+")


@dataclass(slots=True)
class _Char:
    text: str
    left: float  # the glyph's origin
    right: float  # origin plus advance width
    y: float  # baseline
    size: float
    space: bool = False  # a space character written in the PDF


@dataclass
class _Line:
    page: int
    y: float
    size: float  # the commonest font size on the line
    left: float
    right: float
    text: str
    hyphen_end: bool
    note_number: int | None = None  # a footnote entry: the raised number it opens with
    chars: list[_Char] = field(default_factory=list, repr=False)


def pdf_text(data: bytes, name: str) -> str:
    """The text of a resolution PDF for ``parse_resolution``; raises InputRejected naming why not."""
    document = _open(data, name)
    try:
        pages = [_page_lines(document[index], index) for index in range(len(document))]
    finally:
        document.close()
    if not any(line.text.strip() for lines in pages for line in lines):
        raise InputRejected(
            "no_text_layer", f"{name}: {len(pages)} page(s) but no text layer; a scanned image needs OCR first"
        )
    leading = _leading(pages)
    furniture = _furniture(pages, leading)
    body: list[_Line] = []
    notes: list[_Line] = []
    for lines in pages:
        kept = [line for line in lines if id(line) not in furniture]
        page_body, page_notes = _split_footnotes(kept)
        body += page_body
        notes += page_notes
    words = _words(body + notes)
    return _render(body, leading, words) + _render_footnotes(notes, words)


# --- opening -------------------------------------------------------------------------------


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    if not data.strip():
        raise InputRejected("empty", f"{name}: the file is empty; nothing to build")
    if b"%PDF-" not in data[:1024]:
        raise InputRejected("not_a_pdf", f"{name}: no %PDF- signature at the start, so this is not a PDF")
    if b"%%EOF" not in data[-2048:]:
        raise InputRejected(
            "truncated", f"{name}: no %%EOF at the end of the PDF ({len(data):,} bytes): it is truncated; fetch it again"
        )
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputRejected(
                "encrypted", f"{name}: the PDF is encrypted with a password; save an unprotected copy"
            ) from error
        raise InputRejected("corrupt", f"{name}: pdfium cannot read this PDF ({error}); it is damaged") from error
    if len(document) == 0:
        document.close()
        raise InputRejected("corrupt", f"{name}: the PDF has no pages")
    return document


# --- characters and lines ------------------------------------------------------------------


def _page_lines(page: pdfium.PdfPage, page_number: int) -> list[_Line]:
    """The page's lines from top to bottom, superscripts merged into the line they belong to."""
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage)
    finally:
        textpage.close()
        page.close()
    clusters: list[list[_Char]] = []
    for char in sorted(chars, key=lambda c: -c.y):
        if clusters and clusters[-1][0].y - char.y <= 0.1 * max(char.size, clusters[-1][0].size):
            clusters[-1].append(char)
        else:
            clusters.append([char])
    merged: list[list[_Char]] = []
    for index, cluster in enumerate(clusters):
        below = clusters[index + 1] if index + 1 < len(clusters) else None
        if below and _raised_over(cluster, below):
            below.extend(cluster)
        else:
            merged.append(cluster)
    return [line for line in (_line(cluster, page_number) for cluster in merged) if line.text.strip()]


def _chars(textpage: pdfium.PdfTextPage) -> list[_Char]:
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    chars = []
    handle = textpage.raw  # the raw handle: ctypes converts the wrapper anew on every call (~40% of a call)
    for index in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(handle, index) == 1:
            continue  # pdfium's guessed spaces and line breaks; the gaps decide instead
        code = pdfium_c.FPDFText_GetUnicode(handle, index)
        hyphen = code == _PDFIUM_HYPHEN and pdfium_c.FPDFText_IsHyphen(handle, index) == 1
        if (code < 0x20 and not hyphen and code != 0x09) or code in (_SOFT_HYPHEN, 0xFFFE, 0xFFFF):
            continue
        pdfium_c.FPDFText_GetCharOrigin(handle, index, x, y)
        pdfium_c.FPDFText_GetLooseCharBox(handle, index, box)
        size = pdfium_c.FPDFText_GetFontSize(handle, index)
        text = "-" if hyphen or code == _NON_BREAKING_HYPHEN else chr(code)
        chars.append(_Char(text, x.value, max(box.right, x.value), y.value, size, text.isspace()))
    return chars


def _raised_over(cluster: list[_Char], below: list[_Char]) -> bool:
    """Small glyphs on a baseline a little above a line's: that line's superscripts."""
    size = _common_size(below)
    rise = cluster[0].y - below[0].y
    return max(c.size for c in cluster) < _RAISED_SIZE * size and 0 < rise < 0.6 * size


def _common_size(chars: list[_Char]) -> float:
    sizes = Counter(round(c.size, 1) for c in chars if not c.space)
    return sizes.most_common(1)[0][0] if sizes else max(c.size for c in chars)


def _line(cluster: list[_Char], page_number: int) -> _Line:
    size = _common_size(cluster)
    baseline = Counter(round(c.y, 1) for c in cluster if round(c.size, 1) == size).most_common(1)[0][0]
    ordered = sorted(cluster, key=lambda c: c.left)
    parts: list[str] = []
    previous: _Char | None = None
    previous_raised = space = False
    note_digits = ""
    for char in ordered:
        if char.space:
            space = previous is not None
            continue
        raised = char.size < _RAISED_SIZE * size and char.y - baseline > _RAISED_RISE * size
        if raised and char.text.isdigit() and len(note_digits) == len(parts):
            note_digits += char.text  # the raised number opening a footnote entry
        if previous is not None and not raised:
            reference = char.size if previous_raised else max(char.size, previous.size)
            if space or char.left - previous.right > _WORD_GAP * reference:
                parts.append(" ")
        parts.append(char.text.translate(_SUPERSCRIPT) if raised else char.text)
        previous, previous_raised, space = char, raised, False
    text = "".join(parts).rstrip()
    hyphen_end = bool(ordered) and (text.endswith("-") and len(text) > 1 and text[-2].isalnum())
    note_number = int(note_digits) if note_digits else None
    right = max(c.right for c in ordered)
    return _Line(page_number, baseline, size, ordered[0].left, right, text, hyphen_end, note_number, ordered)


# --- page furniture ------------------------------------------------------------------------


def _leading(pages: list[list[_Line]]) -> float:
    """The usual distance between the baselines of two lines of one paragraph."""
    gaps = [
        upper.y - lower.y
        for lines in pages
        for upper, lower in zip(lines, lines[1:], strict=False)
        if 0.9 * upper.size < upper.y - lower.y < 2.5 * upper.size
    ]
    return median(gaps) if gaps else 12.0


def _edge_runs(lines: list[_Line], leading: float) -> list[list[_Line]]:
    """The lines at a page's top and at its bottom edge (outermost first) that stand apart from
    the text block by a wide gap."""
    runs = []
    for run in (lines, lines[::-1]):
        for index in range(min(len(run) - 1, 5)):
            if abs(run[index].y - run[index + 1].y) > _EDGE_GAP * leading:
                runs.append(run[: index + 1])
                break
    return runs


def _furniture(pages: list[list[_Line]], leading: float) -> set[int]:
    """Edge lines that recur: the same text (numbers aside) or an identifying token on another
    edge line, or text repeated from another page (the running title of a two-page resolution);
    and whatever stands further out than such a line (the page counter beside the job number)."""
    runs = {page: _edge_runs(lines, leading) for page, lines in enumerate(pages)}
    shapes: dict[str, set[int]] = {}
    tokens: dict[str, set[int]] = {}
    for page, page_runs in runs.items():
        for line in (line for run in page_runs for line in run):
            shapes.setdefault(_shape(line.text), set()).add(page)
            for token in _id_tokens(line.text):
                tokens.setdefault(token, set()).add(id(line))
    page_texts = [_squash(" ".join(line.text for line in lines)) for lines in pages]
    furniture = set()
    for page, page_runs in runs.items():
        for run in page_runs:
            recurring = [
                index for index, line in enumerate(run)
                if len(shapes[_shape(line.text)]) > 1
                or any(len(tokens[token]) > 1 for token in _id_tokens(line.text))
                or _repeated(_squash(line.text), page, page_texts)
            ]
            if recurring:
                furniture.update(id(line) for line in run[: max(recurring) + 1])
    return furniture


def _repeated(squashed: str, page: int, page_texts: list[str]) -> bool:
    return len(squashed) >= 8 and any(squashed in text for other, text in enumerate(page_texts) if other != page)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", _squash(text))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _id_tokens(text: str) -> set[str]:
    """Symbols, job numbers and barcodes, whatever their punctuation: A/RES/78/101, 23-24977, *2324977*."""
    found = set()
    for token in _ID_TOKEN.findall(text):
        squashed = re.sub(r"[^A-Za-z0-9]", "", token)
        if len(squashed) >= 6 and any(c.isdigit() for c in squashed):
            found.add(squashed)
    return found


# --- footnotes -----------------------------------------------------------------------------


def _split_footnotes(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """Body and footnote lines of a page: footnotes sit under a short rule, or open with a raised
    number in a smaller font at the page's foot."""
    body_size = _common_size([c for line in lines for c in line.chars]) if lines else 0
    for index, line in enumerate(lines):
        if set(line.text.strip()) == {"_"} and len(line.text.strip()) >= 5:
            return lines[:index], lines[index + 1 :]
    for index, line in enumerate(lines):
        if line.note_number is not None and line.size < body_size and index > len(lines) // 2:
            return lines[:index], lines[index:]
    return lines, []


def _render_footnotes(notes: list[_Line], words: set[str]) -> str:
    entries: list[list[str]] = []  # [number, text]
    for line in notes:
        text = line.text.lstrip("⁰¹²³⁴⁵⁶⁷⁸⁹").strip() if line.note_number is not None else line.text.strip()
        if line.note_number is not None or not entries:
            entries.append([str(line.note_number or ""), text])
        elif entries[-1][1].endswith("-") and len(entries[-1][1]) > 1 and entries[-1][1][-2].isalnum():
            entries[-1][1] = _join_hyphenated(entries[-1][1], text, words)
        else:
            entries[-1][1] += " " + text
    out = []
    previous = None
    for number, text in entries:
        # A rule before each run of numbers: the parser takes an entry that does not continue the
        # numbering for a wrapped line of the one before.
        if previous is None or not number.isdigit() or int(number) != previous + 1:
            out.append("__________")
        out.append(f"{number} {text}".strip())
        previous = int(number) if number.isdigit() else None
    return "\n\n" + "\n".join(out) + "\n" if out else "\n"


# --- body ----------------------------------------------------------------------------------


def _render(lines: list[_Line], leading: float, words: set[str]) -> str:
    """Body lines in reading order; a blank line where extra space or an indent opens a paragraph."""
    margins = {page: _margins([line for line in lines if line.page == page]) for page in {line.page for line in lines}}
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None and out and out[-1].endswith("-") and previous.hyphen_end and line.text[:1].isalnum():
            out[-1] = _join_hyphenated(out[-1], line.text.strip(), words)
            previous = line
            continue
        if out and _RANGE_END.search(out[-1]) and line.text[:1].isdigit():
            out[-1] += line.text  # "2021–" / "2030": a range of numbers broken at its dash
            previous = line
            continue
        if previous is not None:
            if line.page == previous.page:
                opens = previous.y - line.y > _PARAGRAPH_GAP * leading
            else:  # a new page: the line is indented, or the last one of the page before stopped short
                opens = line.left > margins[line.page][0] + 0.5 * line.size or (
                    previous.right < margins[previous.page][1] - 3 * previous.size
                )
            if opens:
                out.append("")
        out.append(line.text)
        previous = line
    return "\n".join(out)


def _margins(lines: list[_Line]) -> tuple[float, float]:
    """Where a page's full lines start and end: the left and right edges most lines share."""
    lefts = Counter(round(line.left) for line in lines)
    rights = Counter(round(line.right) for line in lines)
    return float(lefts.most_common(1)[0][0]), float(rights.most_common(1)[0][0])


def _join_hyphenated(head: str, tail: str, words: set[str]) -> str:
    """Rejoin a word broken after a hyphen. The hyphen stays ("Non-Self-Governing", "case-by-case")
    unless the document spells the word elsewhere without it and never with it: then it was a
    hyphen added for the line break. Before "and"/"or" it is a suspended hyphen and keeps a space."""
    first = tail.split(" ", 1)[0]
    bare = re.sub(r"[^\w’'-]+$", "", first)
    if bare.lower() in _SUSPENDED:
        return f"{head} {tail}"
    stem = re.search(r"[\w’']+-$", head)
    if stem and bare:
        left = stem.group(0)[:-1]
        joined, hyphenated = (left + bare).lower(), f"{left}-{bare}".lower()
        if joined in words and hyphenated not in words:
            return head[:-1] + tail
    return head + tail


def _words(lines: list[_Line]) -> set[str]:
    """The document's own spellings, for telling a compound's hyphen from a line-break hyphen."""
    found = set()
    for line in lines:
        text = line.text[:-1] if line.hyphen_end else line.text
        for match in _WORD.finditer(text):
            if not (line.hyphen_end and match.end() == len(text)):
                found.add(match.group(0).lower())
    return found
