"""Bytes of a text file to a string, or a clear reason why they are not text.

UTF-8 (with or without a byte order mark) and UTF-16/32 with a byte order
mark are read as such. Anything else is read as Windows-1252 only when that is
clearly right: no valid UTF-8 sequences mixed in, no control characters, few
non-ASCII letters. Line ends are normalized to ``\\n`` (as Python's text mode
does), so offsets count one character per line end.
"""

from __future__ import annotations

import codecs
import re

# Longest BOMs first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_NON_ASCII_SHARE = 0.2  # Western text in a legacy code page is mostly ASCII
_FALLBACK = "cp1252"
_WEB_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"})


class NotText(ValueError):
    """The bytes are not text we can read; ``line`` is where it shows, if known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """``data`` as text with ``\\n`` line ends; raises ``NotText`` when it is not text.

    ``declared`` is the encoding the file names for itself (an HTML page's
    ``<meta charset>``); it is used when the bytes are not UTF-8 and decode with it.
    """
    return normalize_newlines(_decode(data, declared))


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_marked(data, encoding)
    if b"\x00" in data:
        raise NotText(
            "looks binary (it contains NUL bytes), not text; give a text, JSON Lines or HTML file "
            "(UTF-16 text needs a byte order mark)",
            _line_at(data, data.index(b"\x00")),
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _decode_declared(data, declared) or _decode_legacy(data, error)


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    # As browsers do: pages labelled Latin-1 or ASCII are Windows-1252.
    encoding = _FALLBACK if declared.lower() in _WEB_LATIN1_LABELS else declared
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_marked(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = encoding.removesuffix("-sig").upper()
        raise NotText(
            f"starts with a {name} byte order mark but is not valid {name} ({error.reason}); re-save it as UTF-8"
        ) from None


def _decode_legacy(data: bytes, error: UnicodeDecodeError) -> str:
    line = _line_at(data, error.start)
    failure = NotText(
        f"not UTF-8 text (byte 0x{data[error.start]:02x} cannot be decoded) and not clearly in another "
        "encoding; re-save the file as UTF-8",
        line,
    )
    if _UTF8_MULTIBYTE.search(data):
        raise failure  # mixed encodings: guessing would garble the UTF-8 parts
    try:
        text = data.decode(_FALLBACK)
    except UnicodeDecodeError:
        raise failure from None
    if not _plausible_text(text):
        raise failure
    return text


def _plausible_text(text: str) -> bool:
    non_ascii = sum(1 for c in text if ord(c) > 0x7F)
    return not _CONTROL.search(text) and non_ascii <= _MAX_NON_ASCII_SHARE * len(text)


def _line_at(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1
