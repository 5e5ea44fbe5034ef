"""Articles from files, folders, JSON Lines and HTML pages, one at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from newsgraph.errors import SKIP_HINT, InputError, Problem
from newsgraph.ingest import jsonl
from newsgraph.ingest.boilerplate import clean
from newsgraph.ingest.decode import NotText, decode_text
from newsgraph.ingest.html import find_charset, parse_html
from newsgraph.ingest.sources import Kind, Source, find_sources
from newsgraph.model import Article
from newsgraph.rdf import slug

MAX_ITEM_BYTES = 50 * 1024 * 1024  # one article; larger is a mistake (a whole corpus in one file?)
# spaCy's default nlp.max_length: its parser and NER need about 1 GB per 100,000 characters,
# and refuse longer texts with a ValueError deep in the build.
MAX_ITEM_CHARS = 1_000_000


class OnError(StrEnum):
    STOP = "stop"  # raise InputError at the first bad item
    SKIP = "skip"  # report it through on_skip and go on


@dataclass(frozen=True, slots=True)
class _Read:
    """An article and where it was read, for naming duplicates."""

    article: Article
    source: str
    line: int | None


def read_articles(
    paths: str | Path | Iterable[str | Path],
    *,
    published: dt.date | None = None,
    on_error: OnError = OnError.STOP,
    on_skip: Callable[[Problem], None] | None = None,
    max_bytes: int = MAX_ITEM_BYTES,
    max_chars: int = MAX_ITEM_CHARS,
) -> Iterator[Article]:
    """Stream the articles in ``paths`` (one path, or several: files or folders), cleaned of boilerplate.

    ``published`` is the date of plain-text and HTML articles (it overrides an
    HTML page's own date); a JSON Lines item's own ``published`` wins over it.
    A bad item raises ``InputError`` with ``on_error=STOP``; with ``SKIP`` it is
    passed to ``on_skip`` and reading goes on. Ids must be unique in one run,
    also after slugging: two ids that name the same graph IRI are duplicates.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path, not the characters of one
    on_error = OnError(on_error)
    first_seen: dict[str, tuple[str, str]] = {}
    for item in _read_all(paths, published=published, max_bytes=max_bytes):
        if isinstance(item, _Read):
            item = _check_size(item, max_chars)
        if isinstance(item, _Read):
            item = _check_unique(item, first_seen)
        if isinstance(item, Problem):
            if on_error is OnError.STOP:
                raise InputError(item)
            if on_skip is not None:
                on_skip(item)
            continue
        yield item.article


def _check_size(read: _Read, max_chars: int) -> _Read | Problem:
    size = len(read.article.original)
    if size <= max_chars:
        return read
    return Problem(read.source, read.line,
                   f"article is {size:,} characters, over the {max_chars:,}-character limit of the parser; "
                   f"split it into articles {SKIP_HINT}")


def _check_unique(read: _Read, first_seen: dict[str, tuple[str, str]]) -> _Read | Problem:
    here = f"{read.source}:{read.line}" if read.line is not None else read.source
    # Graph IRIs keep only the letters and digits of an id ("a/b" and "a-b" give one graph),
    # so such ids would silently overwrite each other's graph.
    earlier_id, earlier = first_seen.setdefault(slug(read.article.id), (read.article.id, here))
    if earlier == here:
        return read
    if earlier_id == read.article.id:
        message = f"duplicate id {read.article.id!r} (also at {earlier})"
    else:
        message = (f"id {read.article.id!r} names the same article graph as id {earlier_id!r} (at {earlier}): "
                   "graph IRIs keep only letters and digits of an id")
    return Problem(read.source, read.line, f"{message}; give each article a unique id {SKIP_HINT}")


def _read_all(paths: Iterable[str | Path], *, published: dt.date | None, max_bytes: int) -> Iterator[_Read | Problem]:
    for source in find_sources(paths):
        if isinstance(source, Problem):
            yield source
        elif source.kind is Kind.JSONL:
            yield from _read_jsonl(source, published=published, max_bytes=max_bytes)
        else:
            yield _read_document(source, published=published, max_bytes=max_bytes)


def _read_jsonl(source: Source, *, published: dt.date | None, max_bytes: int) -> Iterator[_Read | Problem]:
    for item in jsonl.read_items(source, max_bytes=max_bytes):
        if isinstance(item, Problem):
            yield item
            continue
        cleaned = clean(item.text, title=item.title)
        article = Article(item.id, item.text, cleaned.text, f"{source.shown}:{item.line}",
                          title=cleaned.title, published=item.published or published, url=item.url)
        yield _Read(article, source.shown, item.line)


def _read_document(source: Source, *, published: dt.date | None, max_bytes: int) -> _Read | Problem:
    data = _read_bytes(source, max_bytes)
    if isinstance(data, Problem):
        return data
    try:
        if source.kind is Kind.HTML:
            article = _html_article(source, data, published)
        else:
            article = _text_article(source, decode_text(data), published)
    except NotText as error:
        return Problem(source.shown, error.line, error.message)
    if isinstance(article, Problem):
        return article
    return _Read(article, source.shown, None)


def _read_bytes(source: Source, max_bytes: int) -> bytes | Problem:
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            return Problem(source.shown, None,
                           f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for one article; "
                           "split it, or give a corpus as JSON Lines")
        with source.path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        return Problem(source.shown, None, "file not found; check the path")
    except OSError as error:
        return Problem(source.shown, None, f"cannot read ({error.strerror}); check the file's permissions")
    if not data.strip():
        return Problem(source.shown, None, f"empty file; remove it or add the article's text {SKIP_HINT}")
    return data


def _text_article(source: Source, text: str, published: dt.date | None) -> Article | Problem:
    if not text.strip():
        return Problem(source.shown, None, f"the file holds no text; remove it {SKIP_HINT}")
    cleaned = clean(text)
    return Article(source.name, text, cleaned.text, source.shown, title=cleaned.title, published=published)


def _html_article(source: Source, data: bytes, published: dt.date | None) -> Article | Problem:
    page = parse_html(decode_text(data, declared=find_charset(data)))
    if not page.text.strip():
        return Problem(source.shown, None,
                       f"the page has no visible text outside scripts, navigation and forms {SKIP_HINT}")
    cleaned = clean(page.text, title=page.title)
    return Article(source.name, page.text, cleaned.text, source.shown, title=cleaned.title,
                   published=published or page.published, url=page.url)
