"""The HTML report of the seeds, checked file by file: pages, links and escaping."""

import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsgraph.cli import main
from newsgraph.network import select_rows
from newsgraph.report import Highlight, Link, highlight, page_names, write_report
from newsgraph.store import open_store

ROOT = Path(__file__).parent.parent
NODES = """PREFIX ng: <https://w3id.org/newsgraph/ontology#>
SELECT ?node ?kind WHERE { VALUES (?class ?kind) { (ng:Person "person") (ng:State "state") (ng:Event "event")
  (<http://semanticweb.cs.vu.nl/2009/11/sem/Event> "event") (ng:Article "article") } ?node a ?class }"""
MENTIONS = """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT DISTINCT ?article ?begin ?end ?anchor ?text WHERE {
  ?m nif:referenceContext ?article ; nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor .
  ?article nif:isString ?text }"""


class Page(HTMLParser):
    """Ids, links, resources and the text of each mark (by id) of one HTML page."""

    def __init__(self, text: str):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.tags: list[str] = []
        self.mark_text: dict[str, str] = defaultdict(str)
        self.open_marks: list[str | None] = []
        self.in_refs = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in ("img", "script", "link", "iframe", "object", "embed", "source"):
            self.resources.append(f"{tag} {attrs.get('src') or attrs.get('href')}")
        if tag == "mark":
            self.open_marks.append(attrs.get("id") or attrs.get("data-span"))
        if tag == "sup":
            self.in_refs += 1

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open_marks.pop()
        if tag == "sup":
            self.in_refs -= 1

    def handle_data(self, data):
        if not self.in_refs:
            for mark in self.open_marks:
                if mark and mark.startswith("char-"):
                    self.mark_text[mark] += data


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("report-out")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert main(["build", "seeds", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def report(built, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    calls = []
    with open_store(built, read_only=True) as store:
        index = write_report(store, folder, on_progress=lambda done, total: calls.append((done, total)))
        nodes = select_rows(store, NODES)
        mentions = select_rows(store, MENTIONS)
    pages = {p.name: Page(p.read_text(encoding="utf-8")) for p in folder.glob("*.html")}
    return {"folder": folder, "index": index, "calls": calls, "nodes": nodes, "mentions": mentions, "pages": pages}


def test_index_shows_counts_validation_and_pictures(report):
    assert report["index"] == report["folder"] / "index.html"
    html = report["index"].read_text(encoding="utf-8")
    for count in ("<b>3</b>people", "<b>3</b>meetings", "<b>2</b>articles", "<b>5</b>roles"):
        assert count in re.sub(r"\s+", "", html), count
    assert "the graph conforms" in html
    for picture in ("network.png", "timeline-states.png"):
        assert f'src="{picture}"' in html and (report["folder"] / picture).stat().st_size > 10_000


def test_a_page_per_person_state_event_and_article(report):
    names = page_names(r["node"] for r in report["nodes"])
    kinds = defaultdict(set)
    for row in report["nodes"]:
        kinds[row["kind"]].add(row["node"])
        assert names[row["node"]] in report["pages"], row
    assert {k: len(v) for k, v in kinds.items()} == {"person": 3, "state": 5, "event": 12, "article": 2}
    person = report["folder"] / names["https://w3id.org/newsgraph/id/person-serdar-kilic"]
    assert "ambassador" in person.read_text(encoding="utf-8")


def test_every_fact_link_points_at_a_mark_in_its_article(report):
    pages = report["pages"]
    fact_links = [link for page in pages.values() for link in page.links if re.match(r"article-.*#char-\d+-\d+$", link)]
    assert len(fact_links) > 100
    for link in fact_links:
        file, anchor = link.split("#")
        assert anchor in pages[file].ids, link


def test_every_link_inside_the_report_resolves(report):
    pages = report["pages"]
    for name, page in pages.items():
        for link in page.links:
            if link.startswith(("http://", "https://")):
                continue  # Wikidata and GeoNames identifiers, followed only on a click
            file, _, anchor = link.partition("#")
            target = pages[file or name] if (file or name).endswith(".html") else None
            assert target is not None or (report["folder"] / file).is_file(), (name, link)
            assert not anchor or anchor in target.ids, (name, link)


def test_marks_hold_exactly_the_mentioned_text(report):
    names = page_names(r["node"] for r in report["nodes"])
    assert report["mentions"]
    for row in report["mentions"]:
        page = report["pages"][names[row["article"]]]
        mark = f"char-{row['begin']}-{row['end']}"
        assert page.mark_text[mark] == row["anchor"] == row["text"][int(row["begin"]):int(row["end"])]


def test_sentences_link_back_to_their_facts(report):
    meeting = "event-meeting-2022-01-14"
    articles = [p for n, p in report["pages"].items() if n.startswith("article-")]
    assert all(any(link.startswith(meeting) for link in page.links) for page in articles)


def test_the_report_loads_nothing_from_outside(report):
    for name, page in report["pages"].items():
        assert "script" not in page.tags, name
        for resource in page.resources:
            assert resource in ("link data:,",) or re.fullmatch(r"img [\w.-]+\.png", resource), (name, resource)


def test_progress_is_reported_per_file(report):
    total = report["calls"][-1][1]
    assert report["calls"] == [(done, total) for done in range(1, total + 1)]
    assert total == len(report["pages"]) + 1  # every page and the pictures


def test_highlight_escapes_every_segment():
    text = 'Talks <script>alert(1)</script> & <img src=x onerror=alert(1)> "end"'
    html = highlight(text, [Highlight(6, 31, "fact", (Link('e.html?a="1"&b', '<b>x</b>'),))])
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert '<mark id="char-6-31" class="fact" data-span="6-31">&lt;script&gt;alert(1)&lt;/script&gt;</mark>' in html
    assert 'href="e.html?a=&#34;1&#34;&amp;b"' in html and "&amp; &lt;img src=x onerror=alert(1)&gt;" in html


def test_crossing_spans_stay_well_formed():
    text = "abcdefghij"
    html = str(highlight(text, [Highlight(0, 6, "fact"), Highlight(3, 9, "entity"), Highlight(3, 5, "entity"),
                                Highlight(8, 20, "entity"), Highlight(4, 4, "entity")]))
    assert re.sub(r"<[^>]+>", "", html) == text
    assert html.count("<mark") == html.count("</mark>") == 4  # one span reopened; bad spans dropped
    assert html.count('id="char-3-9"') == 1 and 'data-span="3-9">gh' in html
    depth = 0
    for tag in re.findall(r"</?mark", html):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
