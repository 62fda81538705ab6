"""From the bytes of an input file to text, or a clear reason why not."""

from __future__ import annotations

import codecs
import re

MAX_BYTES = 5_000_000  # the longest resolutions are ~200 kB; anything this large is not one
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls other than tab, newline, form feed, CR
# An HTML page, after any XML declaration, comments and white space before its first tag.
_HTML = re.compile(r"(?:\s|<\?xml[^>]*\?>|<!--.*?-->)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_INVISIBLE = re.compile("[\u00ad\u200b]")  # soft hyphen, zero-width space: invisible, they split words and matches


class InputRejected(ValueError):
    """An input file that cannot be decoded as a resolution text; ``reason`` is a short code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def decode_resolution(data: bytes, name: str) -> tuple[str, str]:
    """Decode a resolution file and name the encoding used.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such; other bytes fall back
    to cp1252, the encoding of Windows-made text files, only when they hold no UTF-8 character
    sequences: a UTF-8 file with a stray byte is refused with the byte's offset rather than read
    whole as cp1252 (every other accent and quote turned to mojibake) or with the byte replaced
    (a silent change to the text of a resolution). The text is normalised here, before any
    paragraph offset is taken from it.
    """
    if not data.strip():
        raise InputRejected("empty", f"{name}: the file is empty; nothing to build")
    if len(data) > MAX_BYTES:
        raise InputRejected("too_large", f"{name}: {len(data):,} bytes is more than the {MAX_BYTES:,}-byte limit for one resolution; split the file or check what it is")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), name), "utf-16"
        except UnicodeDecodeError as error:
            raise InputRejected("encoding", f"{name}: UTF-16 byte-order mark but invalid UTF-16 at byte {error.start}") from error
    if b"\x00" in data:
        raise InputRejected("binary", f"{name}: contains NUL bytes, so it is binary, not text; convert it to UTF-8 text first")
    try:
        return _checked(data.decode("utf-8-sig"), name), "utf-8"
    except UnicodeDecodeError as error:
        stray = error.start
    if _looks_utf8(data):
        line = data.count(b"\n", 0, stray) + 1
        raise InputRejected("encoding", f"{name}: UTF-8 text with an invalid byte 0x{data[stray]:02x} at byte offset {stray} "
                                        f"(line {line}); fix that byte or re-save the file as UTF-8")
    try:
        return _checked(data.decode("cp1252"), name), "cp1252"
    except UnicodeDecodeError as error:
        raise InputRejected("encoding", f"{name}: neither UTF-8 nor cp1252 (undefined byte 0x{data[error.start]:02x} at offset {error.start}); re-save it as UTF-8") from error


def _looks_utf8(data: bytes) -> bool:
    """Bytes that are not valid UTF-8 but hold at least as many UTF-8 multi-byte characters as stray
    bytes: a UTF-8 file damaged in places. Text in cp1252 almost never forms a UTF-8 sequence."""
    text = data.decode("utf-8", "surrogateescape")
    stray = sum(1 for char in text if "\udc80" <= char <= "\udcff")
    characters = sum(1 for char in text if char > "\x7f" and not "\udc80" <= char <= "\udcff")
    return data.startswith(codecs.BOM_UTF8) or characters >= stray


def _checked(text: str, name: str) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > max(10, len(text) // 100):
        raise InputRejected("binary", f"{name}: {controls} control characters, so it is binary, not text")
    if _HTML.match(text):
        raise InputRejected("not_a_resolution", f"{name}: this is an HTML page, not a resolution text; save the resolution's text instead")
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
