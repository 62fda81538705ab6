"""From the bytes of an input file to text, or a clear reason why not."""

from __future__ import annotations

import codecs
import re

MAX_BYTES = 5_000_000  # the longest resolutions are ~200 kB; anything this large is not one
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls other than tab, newline, form feed, CR


class InputRejected(ValueError):
    """An input file that cannot be decoded as a resolution text; ``reason`` is a short code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def decode_resolution(data: bytes, name: str) -> tuple[str, str]:
    """Decode a resolution file and name the encoding used.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such; other bytes fall
    back to cp1252, the encoding of Windows-made text files, when every byte is defined there.
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
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("cp1252"), name), "cp1252"
    except UnicodeDecodeError as error:
        raise InputRejected("encoding", f"{name}: neither UTF-8 nor cp1252 (undefined byte 0x{data[error.start]:02x} at offset {error.start}); re-save it as UTF-8") from error


def _checked(text: str, name: str) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > max(10, len(text) // 100):
        raise InputRejected("binary", f"{name}: {controls} control characters, so it is binary, not text")
    if text.lstrip().lower().startswith(("<!doctype html", "<html")):
        raise InputRejected("not_a_resolution", f"{name}: this is an HTML page, not a resolution text; save the resolution's text instead")
    return text.replace("\r\n", "\n").replace("\f", "\n")
