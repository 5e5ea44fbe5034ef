"""Fuzzing the readers, the cleaner and the offset mapping.

Whatever the bytes, reading gives Articles or Problems (never another exception),
and every Article keeps the offset guarantee: ``text`` is ``original`` with some
characters blanked to spaces, same length, newlines kept.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fuzzing import CASES, budget
from newsgraph.errors import InputError
from newsgraph.ingest import OnError, clean, read_articles
from newsgraph.model import Article

BOILERPLATE = ["Accessibility links", "Share this article", "Advertisement", "© 2024 Example", "Read more",
               "LEGAL WARNING: all rights reserved.", "Photo: Example", "click here", "By Jane Roe", "Related"]
PROSE = ["Ruben Rubinyan met Serdar Kılıç in Vienna on Monday.", "The ministry’s press secretary said so.",
         "Türkiye and Armenia agreed to reopen the border.", "\t  indented line", ""]
lines = st.one_of(st.sampled_from(BOILERPLATE + PROSE), st.text(max_size=80))
documents = st.lists(lines, max_size=20).map("\n".join)
line_ends = st.sampled_from(["\n", "\r\n", "\r"])


def check_offsets(article: Article) -> None:
    assert len(article.text) == len(article.original)
    for i, (kept, original) in enumerate(zip(article.text, article.original)):
        assert kept == original or kept == " "  # a kept character is the original one
        # a newline stays, but where a hard wrap is joined; one that ends a paragraph always stays
        assert original != "\n" or kept == "\n" or article.original[i + 1 : i + 2] not in ("", "\n", " ", "\t")


def read_all(path: Path) -> list[Article]:
    """Both error modes: skip gives articles and problems; stop gives the same or an InputError."""
    problems = []
    articles = list(read_articles([path], on_error=OnError.SKIP, on_skip=problems.append))
    for article in articles:
        check_offsets(article)
    try:
        stopped = list(read_articles([path]))
    except InputError as error:
        assert error.problems and problems and str(error.problems[0]) == str(problems[0])
    else:
        assert stopped == articles and not problems
    return articles


_FOLDER = tempfile.TemporaryDirectory(prefix="newsgraph-fuzz-")  # one folder, files overwritten per case


def in_file(name: str, data: bytes) -> Path:
    path = Path(_FOLDER.name) / name
    path.write_bytes(data)
    return path


@budget()
@given(st.binary(max_size=2000) | documents.map(lambda t: t.encode("utf-8")) | documents.map(
    lambda t: t.encode("cp1252", errors="replace")) | documents.map(lambda t: t.encode("utf-16")),
    st.sampled_from(["a.txt", "a.html", "a.jsonl", "a"]))
def test_any_bytes_in_any_kind_of_file(data, name):
    CASES["readers: random bytes"] += 1
    read_all(in_file(name, data))


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=5)
items = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=12), st.integers(), json_values),
    "text": st.one_of(documents, json_values),
    "title": st.one_of(st.text(max_size=30), json_values),
    "published": st.one_of(st.sampled_from(["2022-01-14", "2022-01-14T10:00:00Z", "14 January", "", "2022-02-30"]),
                           json_values),
    "url": st.one_of(st.text(max_size=20), json_values),
})
jsonl_lines = st.one_of(items.map(lambda i: json.dumps(i, ensure_ascii=False)), st.text(max_size=60),
                        st.just(""), st.just("{"), st.just("[1, 2]"))


@budget()
@given(st.lists(jsonl_lines, max_size=8), line_ends)
def test_json_lines(lines_, end):
    CASES["readers: JSON Lines"] += 1
    articles = read_all(in_file("news.jsonl", end.join(lines_).encode("utf-8", errors="surrogatepass")))
    assert len({a.id for a in articles}) == len(articles)  # ids unique


tags = st.sampled_from(["p", "div", "script", "style", "nav", "footer", "figure", "br", "h1", "title", "pre",
                        "svg", "form", "span", "a", "li", "header", "table"])
entities = st.sampled_from(["&amp;", "&lt;", "&#233;", "&#x0;", "&#99999999;", "&bogus;", "&lol9;", "&nbsp;",
                            "&#xD800;", "&", "&#"])
pieces = st.one_of(
    tags.map(lambda t: f"<{t}>"), tags.map(lambda t: f"</{t}>"), entities, st.sampled_from(PROSE),
    st.text(max_size=30),
    st.sampled_from(['<!DOCTYPE html [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>', "<!-- c -->", "<![CDATA[x]]>",
                     '<meta property="article:published_time" content="2022-01-14">', '<meta charset="koi8-r">',
                     '<link rel="canonical" href="https://x.example/a">', "<?xml version='1.0'?>", "<p class='x"]),
)


@budget()
@given(st.lists(pieces, max_size=30).map("".join))
def test_html_pages(markup):
    CASES["readers: HTML"] += 1
    read_all(in_file("page.html", markup.encode("utf-8", errors="surrogatepass")))


@budget()
@given(documents, st.one_of(st.none(), st.sampled_from(BOILERPLATE + PROSE), st.text(max_size=30)))
def test_cleaner_keeps_offsets_and_removals_cover_the_blanks(original, title):
    CASES["cleaner and offsets"] += 1
    cleaned = clean(original, title=title)
    check_offsets(Article("x", original, cleaned.text, "x"))
    blanked = {i for i, (c, o) in enumerate(zip(cleaned.text, original)) if c != o}
    covered = {i for r in cleaned.removed for i in range(r.start, r.end)}
    assert blanked <= covered  # every change is accounted for by a named rule
    assert all(0 <= r.start <= r.end <= len(original) for r in cleaned.removed)
