"""JSON Lines files (plain or gzip): one article object per line, streamed.

Each line is ``{"id", "text", "title"?, "published"?, "url"?}``; other keys
are ignored. A bad line is one problem naming the file and line; the lines
around it are still read. Lines are read with a size cap, so one huge line is
a problem, not a memory blow-up.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from newsgraph.errors import SKIP_HINT, Problem
from newsgraph.ingest.isodate import parse_iso_date
from newsgraph.ingest.sources import Source

FIX = f"fix the line {SKIP_HINT}"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Item:
    """One valid line: the fields of an article, before cleaning."""

    line: int
    id: str
    text: str
    title: str | None
    published: dt.date | None
    url: str | None


def read_items(source: Source, *, max_bytes: int) -> Iterator[Item | Problem]:
    try:
        stream = gzip.open(source.path, "rb") if source.compressed else source.path.open("rb")
    except OSError as error:
        yield Problem(source.shown, None, f"cannot read ({error.strerror}); check the file's permissions")
        return
    with stream:
        yield from _read_stream(stream, source, max_bytes)


def _read_stream(stream: BinaryIO, source: Source, max_bytes: int) -> Iterator[Item | Problem]:
    number, seen_any = 0, False
    while True:
        number += 1
        try:
            raw, complete = _read_line(stream, max_bytes)
        except (OSError, EOFError, zlib.error) as error:
            yield Problem(source.shown, number, f"cannot decompress ({error}); check that it is a whole gzip file")
            return
        if not raw:
            break
        if not complete:
            yield Problem(source.shown, number, f"line is over the {max_bytes:,}-byte limit; split the item or {FIX}")
            continue
        if raw.strip():
            seen_any = True
            yield parse_line(raw, number, source.shown)
    if not seen_any:
        yield Problem(source.shown, None, "empty file (no JSON lines); remove it or add one article object a line")


def _read_line(stream: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    """The next line, and False when it was over ``max_bytes`` (the rest is skipped)."""
    raw = stream.readline(max_bytes + 1)
    if len(raw) <= max_bytes or raw.endswith(b"\n"):
        return raw, True
    while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
        pass
    return raw[:1], False


def parse_line(raw: bytes, number: int, shown: str) -> Item | Problem:
    def problem(message: str) -> Problem:
        return Problem(shown, number, f"{message}; {FIX}")

    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        return problem(f"not UTF-8 (byte 0x{raw[error.start]:02x} at byte {error.start + 1})")
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return problem(f"not valid JSON ({error.msg} at column {error.colno})")
    if not isinstance(value, dict):
        return problem(f"not a JSON object (found {_json_type(value)}); each line must be an object with 'id' and 'text'")
    return _item(value, number, problem)


def _item(value: dict, number: int, problem: Callable[[str], Problem]) -> Item | Problem:
    article_id = value.get("id")
    if article_id is None or article_id == "":
        return problem("missing 'id'; give every article a unique id")
    if isinstance(article_id, bool) or not isinstance(article_id, str | int):
        return problem(f"'id' must be a string or an integer, not {_json_type(article_id)}")
    text = value.get("text")
    if text is None:
        return problem("missing 'text'")
    if not isinstance(text, str):
        return problem(f"'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        return problem("'text' is empty")
    for key in ("title", "url"):
        if value.get(key) is not None and not isinstance(value[key], str):
            return problem(f"'{key}' must be a string, not {_json_type(value[key])}")
    published = _published(value.get("published"))
    if isinstance(published, str):
        return problem(published)
    return Item(number, str(article_id), text, value.get("title") or None, published, value.get("url") or None)


def _published(value: object) -> dt.date | None | str:
    """The date, or a message saying what is wrong with it."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return f"'published' must be an ISO 8601 date string such as \"2022-01-14\", not {_json_type(value)}"
    try:
        return parse_iso_date(value)
    except ValueError:
        return f"'published' is not an ISO 8601 date ({value[:40]!r}); write it as YYYY-MM-DD"


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
