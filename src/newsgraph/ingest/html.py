"""The visible text of an HTML page, its title, date and address.

Uses the standard library's ``html.parser``: it decodes the standard character
references (``&amp;``, ``&#233;``) but never expands entities a document
declares itself, so entity bombs stay inert text. Elements that are never the
story (scripts, navigation, footers, figures, forms) are dropped; block
elements become line breaks, paragraphs blank lines. Which elements do what is
data (``html`` in ``data/boilerplate.json``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from importlib import resources

from newsgraph.ingest.isodate import parse_iso_date

PARAGRAPH_BREAK = "\n\n"
LINE_BREAK = "\n"
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096
# html.parser ends a doctype at its first ">", leaving an internal subset's tail as text.
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class HtmlRules:
    drop: frozenset[str]
    paragraph: frozenset[str]
    line: frozenset[str]
    published_meta: tuple[str, ...]
    url_meta: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: dt.date | None
    url: str | None


@cache
def default_html_rules() -> HtmlRules:
    text = resources.files("newsgraph").joinpath("data/boilerplate.json").read_text(encoding="utf-8")
    data = json.loads(text)["html"]
    return HtmlRules(
        frozenset(data["drop"]),
        frozenset(data["paragraph"]),
        frozenset(data["line"]),
        tuple(data["published_meta"]),
        tuple(data["url_meta"]),
    )


def find_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta charset>`` near its top, if any."""
    found = _CHARSET.search(data[:_SNIFF_BYTES])
    return found.group(1).decode("ascii").lower() if found else None


def parse_html(markup: str, *, rules: HtmlRules | None = None) -> Page:
    parser = _PageParser(rules or default_html_rules())
    parser.feed(_DOCTYPE_SUBSET.sub("", markup, count=1))
    parser.close()
    return parser.page()


class _PageParser(HTMLParser):
    def __init__(self, rules: HtmlRules):
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.pieces: list[str] = []
        self.dropping: list[str] = []  # open elements whose content is not text
        self.pre_depth = 0
        self.capture: str | None = None  # "title" or "h1" while inside one
        self.captured: dict[str, list[str]] = {"title": [], "h1": []}
        self.published: dt.date | None = None
        self.url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self._read_metadata(tag, dict(attrs))
        if self._starts_capture(tag):
            self.capture = tag
        if tag in self.rules.drop:
            self.dropping.append(tag)
        elif not self.dropping:
            self._break_for(tag)
            self.pre_depth += tag == "pre"

    def _starts_capture(self, tag: str) -> bool:
        # An <h1> inside a dropped <header> is still the headline; a <title> inside an <svg> is not.
        wanted = tag == "h1" or (tag == "title" and not self.dropping)
        return wanted and self.capture is None and not self.captured[tag]

    def handle_endtag(self, tag: str) -> None:
        if tag == self.capture:
            self.capture = None
        if tag in self.dropping:
            # Pop to the matching element: unclosed children must not keep dropping text.
            del self.dropping[len(self.dropping) - 1 - self.dropping[::-1].index(tag) :]
        elif not self.dropping:
            self._break_for(tag)
            self.pre_depth -= tag == "pre" and self.pre_depth > 0

    def handle_data(self, data: str) -> None:
        if self.capture:
            self.captured[self.capture].append(data)
        if self.dropping or self.capture == "title":
            return
        self.pieces.append(data if self.pre_depth else _HTML_SPACE.sub(" ", data))

    def _break_for(self, tag: str) -> None:
        if tag in self.rules.paragraph:
            self.pieces.append(PARAGRAPH_BREAK)
        elif tag in self.rules.line:
            self.pieces.append(LINE_BREAK)

    def _read_metadata(self, tag: str, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if tag == "link" and (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href"):
            self.url = self.url or attrs["href"]
        elif content and key in self.rules.url_meta:
            self.url = self.url or content
        elif content and key in self.rules.published_meta and self.published is None:
            self.published = _lenient_date(content)

    def page(self) -> Page:
        title = _one_line("".join(self.captured["h1"])) or _one_line("".join(self.captured["title"]))
        return Page(_tidy("".join(self.pieces)), title or None, self.published, self.url)


def _lenient_date(value: str) -> dt.date | None:
    # A page's own date metadata is a hint, not user input: ignore it when malformed.
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


def _one_line(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _tidy(text: str) -> str:
    """Trim each line and keep at most one blank line between paragraphs."""
    lines = [line.replace("\xa0", " ").strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", PARAGRAPH_BREAK, "\n".join(lines)).strip("\n")
