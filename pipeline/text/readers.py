"""One reader per input form, all giving the same ParsedResolution, so extraction has one path."""

from __future__ import annotations

from pipeline.text.akn import parse_akn
from pipeline.text.model import ParsedResolution, ResolutionRejected
from pipeline.text.pdf import pdf_text
from pipeline.text.structure import parse_resolution

TEXT_FORMS = ("pdf_text", "compilation_text", "text")


def read_resolution(form: str, text: str | None, data: bytes | None, name: str) -> ParsedResolution:
    """Parse one input of a known form; raises ResolutionRejected (or InputRejected) naming why not."""
    if form == "akn_xml" and text is not None:
        return parse_akn(text)
    if form == "pdf" and data is not None:
        return parse_resolution(pdf_text(data, name))
    if form in TEXT_FORMS and text is not None:
        return parse_resolution(text)
    raise ResolutionRejected(f"{name}: no reader for the form {form!r} with this content", reason="unreadable")
