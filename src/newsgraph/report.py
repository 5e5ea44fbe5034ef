"""A static HTML report of the graph: an overview, a page per entity, event and article.

Every fact links to the sentences it came from (``article-….html#char-B-E``),
and every highlighted sentence links back to the facts drawn from it. All data
is escaped: Jinja2 autoescapes everything, and the highlighted article text is
built here from offsets, escaping each segment separately (``highlight``).
The pages load nothing from outside the report folder.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from newsgraph import network, pictures
from newsgraph.network import PREFIXES, select_rows, split_list
from newsgraph.query import Queryable

Progress = Callable[[int, int], None]
VALIDATION_FILE = "validation.txt"
VALIDATION_LINES = 40

_REPORT_PREFIXES = PREFIXES + """
PREFIX prov:    <http://www.w3.org/ns/prov#>
PREFIX nif:     <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema:  <https://schema.org/>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
"""

_ARTICLES = _REPORT_PREFIXES + """
SELECT ?article (MIN(?idText) AS ?id) (MIN(?titleText) AS ?title) (MIN(?sourceText) AS ?source)
       (MIN(?publishedText) AS ?published) (MIN(?string) AS ?text) WHERE {
  ?article a ng:Article .
  OPTIONAL { ?article dcterms:identifier ?idText }
  OPTIONAL { ?article dcterms:title ?titleText }
  OPTIONAL { ?article dcterms:source ?sourceText }
  OPTIONAL { ?article schema:datePublished ?date BIND(STR(?date) AS ?publishedText) }
  OPTIONAL { ?article nif:isString ?string }
} GROUP BY ?article ORDER BY ?id ?article"""

_MENTIONS = _REPORT_PREFIXES + """
SELECT DISTINCT ?node ?article ?begin ?end ?anchor WHERE {
  ?node prov:wasDerivedFrom ?mention .
  ?mention nif:referenceContext ?article ; nif:beginIndex ?begin ; nif:endIndex ?end .
  OPTIONAL { ?mention nif:anchorOf ?anchor }
}"""

_ENTITIES = _REPORT_PREFIXES + """
SELECT ?node ?kind (MIN(?name) AS ?label) WHERE {
  VALUES (?class ?kind) { (ng:Person "person") (ng:State "state") (ng:Organization "organization") (ng:Place "place") }
  ?node a ?class .
  OPTIONAL { ?node rdfs:label ?name }
} GROUP BY ?node ?kind"""

_ALT_LABELS = _REPORT_PREFIXES + "SELECT DISTINCT ?node ?value WHERE { ?node skos:altLabel ?value }"
_LINKS = _REPORT_PREFIXES + "SELECT DISTINCT ?node ?value WHERE { ?node skos:exactMatch ?value }"
_OF_STATE = _REPORT_PREFIXES + "SELECT DISTINCT ?node ?state WHERE { ?node ng:ofState ?state }"

_MEMBERSHIPS = _REPORT_PREFIXES + """
SELECT ?membership (MIN(?memberNode) AS ?member) (MIN(?roleName) AS ?role) (MIN(?orgNode) AS ?organization)
       (MIN(?towardsNode) AS ?towards) (MIN(?formerText) AS ?former) (MIN(?during) AS ?period) WHERE {
  ?membership a org:Membership .
  OPTIONAL { ?membership org:member ?memberNode }
  OPTIONAL { ?membership org:role ?roleNode OPTIONAL { ?roleNode rdfs:label ?roleName } }
  OPTIONAL { ?membership org:organization ?orgNode }
  OPTIONAL { ?membership ng:towards ?towardsNode }
  OPTIONAL { ?membership ng:former ?formerValue BIND(STR(?formerValue) AS ?formerText) }
  OPTIONAL { ?membership org:memberDuring ?time BIND(STR(?time) AS ?during) }
} GROUP BY ?membership"""


class FactKind(StrEnum):
    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"
    PLACE = "place"
    EVENT = "event"
    ROLE = "role"


ENTITY_KINDS = (FactKind.PERSON, FactKind.STATE, FactKind.ORGANIZATION, FactKind.PLACE)


@dataclass(frozen=True)
class Source:
    """A mention: a span of an article's text that a fact was derived from."""

    article: str
    begin: int
    end: int
    anchor: str
    href: str

    @property
    def mark_id(self) -> str:
        return mark_id(self.begin, self.end)


@dataclass(frozen=True)
class Fact:
    """A node of the graph as the report shows it: an entity, an event or a role held."""

    node: str
    kind: FactKind
    text: str
    href: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class Highlight:
    """A span to mark in an article, with links to the facts drawn from it."""

    begin: int
    end: int
    css: str
    links: tuple[Link, ...] = field(default=())


@dataclass(frozen=True)
class ReportData:
    """Everything read from the store, grouped for the pages."""

    articles: list[dict]
    entities: dict[str, Fact]
    events: dict[str, Fact]
    event_rows: dict[str, dict]
    roles: dict[str, Fact]
    role_rows: dict[str, dict]
    alt_labels: dict[str, tuple[str, ...]]
    links: dict[str, tuple[str, ...]]
    of_state: dict[str, tuple[str, ...]]
    event_states: dict[str, tuple[str, ...]]
    pages: dict[str, str]


def write_report(store: Queryable, out_dir: Path | str, *, on_progress: Progress | None = None) -> Path:
    """Write the report into ``out_dir`` and return the path of its ``index.html``.

    ``on_progress(done, total)`` is called after each file; without it, a tqdm
    bar is shown when stderr is a terminal.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    data = read_report_data(store)
    jobs = _jobs(store, data, out)
    with _progress(len(jobs), on_progress) as step:
        for job in jobs:
            job()
            step()
    return out / "index.html"


# -- reading the store --------------------------------------------------------

def read_report_data(store: Queryable) -> ReportData:
    articles = select_rows(store, _ARTICLES)
    entity_rows = select_rows(store, _ENTITIES)
    event_rows = {r["event"]: r for r in select_rows(store, network.EVENTS)}
    role_rows = {r["membership"]: r for r in select_rows(store, _MEMBERSHIPS)}
    nodes = [a["article"] for a in articles] + [r["node"] for r in entity_rows] + list(event_rows) + list(role_rows)
    pages = page_names(nodes)
    sources = _sources(select_rows(store, _MENTIONS), pages)
    labels = {r["node"]: r["label"] or _local_name(r["node"]) for r in entity_rows}
    entities = {r["node"]: Fact(r["node"], FactKind(r["kind"]), f"{labels[r['node']]} ({r['kind']})",
                                pages[r["node"]], sources.get(r["node"], ())) for r in entity_rows}
    events = {iri: Fact(iri, FactKind.EVENT, event_text(row), pages[iri], sources.get(iri, ()))
              for iri, row in event_rows.items()}
    roles = {iri: Fact(iri, FactKind.ROLE, role_text(row, labels), _role_href(row, iri, pages), sources.get(iri, ()))
             for iri, row in role_rows.items()}
    return ReportData(
        articles=articles, entities=entities, events=events, event_rows=event_rows, roles=roles,
        role_rows=role_rows, alt_labels=_values(store, _ALT_LABELS), links=_values(store, _LINKS),
        of_state=_values(store, _OF_STATE, column="state"), event_states=network.event_states(store), pages=pages)


def _sources(rows: Iterable[Mapping[str, str | None]], pages: Mapping[str, str]) -> dict[str, tuple[Source, ...]]:
    found: dict[str, set[Source]] = defaultdict(set)
    for row in rows:
        if row["article"] not in pages:
            continue  # a mention of an article the store does not hold
        begin, end = int(row["begin"]), int(row["end"])
        href = f"{pages[row['article']]}#{mark_id(begin, end)}"
        found[row["node"]].add(Source(row["article"], begin, end, row["anchor"] or "", href))
    return {node: tuple(sorted(s, key=lambda s: (s.article, s.begin, s.end))) for node, s in found.items()}


def _values(store: Queryable, sparql: str, *, column: str = "value") -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in select_rows(store, sparql):
        found[row["node"]].add(row[column])
    return {node: tuple(sorted(values)) for node, values in found.items()}


def event_text(row: Mapping[str, str | None]) -> str:
    """``meeting, 2022-07-01, in Vienna (planned)``."""
    parts = [row["kind"] or "event", row["date"] or "undated"] + ([f"in {row['place']}"] if row["place"] else [])
    status = f" ({row['status']})" if row["status"] and row["status"] != "occurred" else ""
    return ", ".join(parts) + status


def role_text(row: Mapping[str, str | None], labels: Mapping[str, str]) -> str:
    """``Ana Lopez: former ambassador of Chile to Norway``."""
    name = lambda iri: labels.get(iri, _local_name(iri)) if iri else "?"  # noqa: E731
    former = "former " if row["former"] == "true" else ""
    towards = f" to {name(row['towards'])}" if row["towards"] else ""
    return f"{name(row['member'])}: {former}{row['role'] or 'role'} of {name(row['organization'])}{towards}"


def _role_href(row: Mapping[str, str | None], iri: str, pages: Mapping[str, str]) -> str:
    # A role is shown on its holder's page, anchored by the membership's own name.
    holder = pages.get(row["member"] or "", "index.html")
    return f"{holder}#{fact_id(iri)}"


def page_names(nodes: Iterable[str]) -> dict[str, str]:
    """A file name per node IRI: its local name, made safe; a hash keeps changed or clashing names apart."""
    names: dict[str, str] = {}
    taken = {"index.html"}
    for node in sorted(set(nodes)):
        local = _local_name(node)
        safe = re.sub(r"[^A-Za-z0-9_.-]", "-", local)[:80] or "node"
        if safe != local or f"{safe}.html" in taken:
            safe = f"{safe}-{hashlib.sha1(node.encode()).hexdigest()[:8]}"
        names[node] = f"{safe}.html"
        taken.add(names[node])
    return names


def mark_id(begin: int, end: int) -> str:
    return f"char-{begin}-{end}"


def fact_id(iri: str) -> str:
    return "fact-" + re.sub(r"[^A-Za-z0-9_-]", "-", _local_name(iri))


def _local_name(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


# -- highlighting -------------------------------------------------------------

def highlight(text: str, marks: Sequence[Highlight]) -> Markup:
    """``text`` with each span in ``<mark id="char-B-E">``, then links to its facts; all text escaped.

    Spans nest; a span that crosses another is closed and reopened (the
    reopened part has no id), so the HTML stays well formed.
    """
    spans = _clean_marks(text, marks)
    starts = sorted(spans, key=lambda m: (m.begin, -m.end, m.css))
    boundaries = sorted({0, len(text)} | {m.begin for m in spans} | {m.end for m in spans})
    out: list[str] = []
    stack: list[Highlight] = []
    position, next_start = 0, 0
    for point in boundaries:
        out.append(escape(text[position:point]))
        position = point
        stack = _close_at(point, stack, out)
        while next_start < len(starts) and starts[next_start].begin == point:
            out.append(_open_tag(starts[next_start], first=True))
            stack.append(starts[next_start])
            next_start += 1
    return Markup("".join(out))


def _clean_marks(text: str, marks: Sequence[Highlight]) -> list[Highlight]:
    # One mark per span (links merged); empty or out-of-range spans are left out.
    merged: dict[tuple[int, int], Highlight] = {}
    for mark in marks:
        if not 0 <= mark.begin < mark.end <= len(text):
            continue
        key = (mark.begin, mark.end)
        old = merged.get(key)
        if old is None:
            merged[key] = mark
        else:
            css = " ".join(sorted(set(old.css.split()) | set(mark.css.split())))
            merged[key] = Highlight(mark.begin, mark.end, css, tuple(dict.fromkeys(old.links + mark.links)))
    return list(merged.values())


def _close_at(point: int, stack: list[Highlight], out: list[str]) -> list[Highlight]:
    ending = [i for i, m in enumerate(stack) if m.end == point]
    if not ending:
        return stack
    popped = stack[ending[0]:]
    for mark in reversed(popped):
        out.append("</mark>")
        if mark.end == point:
            out.append(_refs(mark))
    kept = stack[:ending[0]]
    for mark in popped:
        if mark.end != point:  # crossed by an ending span: reopen it
            out.append(_open_tag(mark, first=False))
            kept.append(mark)
    return kept


def _open_tag(mark: Highlight, *, first: bool) -> str:
    identity = f' id="{mark_id(mark.begin, mark.end)}"' if first else ""
    return f'<mark{identity} class="{escape(mark.css)}" data-span="{mark.begin}-{mark.end}">'


def _refs(mark: Highlight) -> str:
    if not mark.links:
        return ""
    links = "".join(f'<a href="{escape(link.href)}">{escape(link.text)}</a>' for link in mark.links)
    return f'<sup class="refs">{links}</sup>'


# -- pages --------------------------------------------------------------------

def _environment() -> Environment:
    # Autoescape everything, whatever the template's name.
    env = Environment(loader=PackageLoader("newsgraph", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["fact_id"] = fact_id
    return env


def _jobs(store: Queryable, data: ReportData, out: Path) -> list[Callable[[], None]]:
    env = _environment()
    pictures_made: dict[str, str] = {}
    jobs: list[Callable[[], None]] = [lambda: pictures_made.update(_write_pictures(store, data, out))]
    jobs.append(lambda: _render(env, "index.html", out / "index.html",
                                overview=_overview(store, data, pictures_made)))
    for fact in data.entities.values():
        jobs.append(lambda fact=fact: _render(env, "entity.html", out / fact.href, page=_entity_page(data, fact)))
    for fact in data.events.values():
        jobs.append(lambda fact=fact: _render(env, "event.html", out / fact.href, page=_event_page(data, fact)))
    for article in data.articles:
        jobs.append(lambda article=article: _render(env, "article.html", out / data.pages[article["article"]],
                                                     page=_article_page(data, article)))
    return jobs


def _render(env: Environment, template: str, path: Path, **context: object) -> None:
    path.write_text(env.get_template(template).render(**context), encoding="utf-8")


def _write_pictures(store: Queryable, data: ReportData, out: Path) -> dict[str, str]:
    made = {}
    graph = network.meeting_network(store)
    pictures.draw_meeting_network(graph, out / "network.png")
    network.write_network(store, network.NetworkFormat.GRAPHML, out / "network.graphml")
    network.write_network(store, network.NetworkFormat.GEXF, out / "network.gexf")
    made["network"] = "network.png"
    pair = _busiest_pair(network.state_relations(store))
    if pair:
        names = [data.entities[s].text.rsplit(" (", 1)[0] if s in data.entities else _local_name(s) for s in pair]
        pictures.draw_timeline(network.state_timeline(store, *pair), out / "timeline-states.png",
                               title=f"Events between {names[0]} and {names[1]}")
        made["timeline_states"] = "timeline-states.png"
        made["timeline_states_title"] = f"{names[0]} and {names[1]}"
    return made


def _busiest_pair(graph) -> tuple[str, str] | None:
    edges = sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
    return (edges[0][0], edges[0][1]) if edges else None


def _overview(store: Queryable, data: ReportData, made: Mapping[str, str]) -> dict:
    by_kind: dict[FactKind, list[Fact]] = defaultdict(list)
    for fact in sorted(data.entities.values(), key=lambda f: f.text.casefold()):
        by_kind[fact.kind].append(fact)
    events = sorted(data.events.values(), key=lambda f: (data.event_rows[f.node]["date"] or "~", f.text))
    counts = {"articles": len(data.articles), "people": len(by_kind[FactKind.PERSON]),
              "states": len(by_kind[FactKind.STATE]), "organizations": len(by_kind[FactKind.ORGANIZATION]),
              "places": len(by_kind[FactKind.PLACE]), "events": len(events),
              "meetings": sum(1 for r in data.event_rows.values() if r["kind"] == "meeting"),
              "roles": len(data.roles)}
    return {"counts": counts, "validation": _validation_summary(store), "pictures": dict(made),
            "entities": {kind.value: by_kind[kind] for kind in ENTITY_KINDS}, "events": events,
            "articles": [_article_link(data, a) for a in data.articles]}


def _validation_summary(store: Queryable) -> str | None:
    path = getattr(store, "path", None)
    file = Path(path).parent / VALIDATION_FILE if path else None
    if not file or not file.is_file():
        return None
    lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    more = [f"... {len(lines) - VALIDATION_LINES} more lines in {VALIDATION_FILE}"] if len(lines) > VALIDATION_LINES else []
    return "\n".join(lines[:VALIDATION_LINES] + more)


def _entity_page(data: ReportData, fact: Fact) -> dict:
    roles = [data.roles[m] for m, r in data.role_rows.items() if fact.node in (r["member"], r["organization"], r["towards"])]
    events = [data.events[e] for e in _events_of(data, fact.node)]
    return {"fact": fact, "label": fact.text.rsplit(" (", 1)[0], "alt_labels": data.alt_labels.get(fact.node, ()),
            "links": data.links.get(fact.node, ()), "of_state": [_fact_link(data, s) for s in data.of_state.get(fact.node, ())],
            "roles": sorted(roles, key=lambda f: f.text), "events": events, "iri": fact.node}


def _events_of(data: ReportData, node: str) -> list[str]:
    # An actor's events, and for a state also the events of its people and bodies.
    found = [e for e, r in data.event_rows.items()
             if node in split_list(r["actors"]) or node in data.event_states.get(e, ())]
    return sorted(found, key=lambda e: (data.event_rows[e]["date"] or "~", e))


def _event_page(data: ReportData, fact: Fact) -> dict:
    row = data.event_rows[fact.node]
    participants = [_fact_link(data, a) for a in split_list(row["actors"])]
    return {"fact": fact, "row": row, "participants": participants, "iri": fact.node}


def _fact_link(data: ReportData, node: str) -> Link:
    fact = data.entities.get(node)
    return Link(fact.href, fact.text.rsplit(" (", 1)[0]) if fact else Link("", _local_name(node))


def _article_link(data: ReportData, article: Mapping[str, str | None]) -> Link:
    return Link(data.pages[article["article"]], article["title"] or article["id"] or _local_name(article["article"]))


def _article_page(data: ReportData, article: Mapping[str, str | None]) -> dict:
    text = article["text"] or ""
    facts_by_span = _facts_by_span(data, article["article"])
    marks = [Highlight(b, e, _css(facts), tuple(Link(f.href, _short_name(f)) for f in facts))
             for (b, e), facts in facts_by_span.items()]
    sentences = [{"id": mark_id(b, e), "text": text[b:e], "facts": facts}
                 for (b, e), facts in sorted(facts_by_span.items())
                 if any(f.kind in (FactKind.EVENT, FactKind.ROLE) for f in facts)]
    return {"article": article, "link": _article_link(data, article), "html": highlight(text, marks),
            "sentences": sentences}


def _facts_by_span(data: ReportData, article: str) -> dict[tuple[int, int], list[Fact]]:
    spans: dict[tuple[int, int], list[Fact]] = defaultdict(list)
    for fact in [*data.events.values(), *data.roles.values(), *data.entities.values()]:
        for source in fact.sources:
            if source.article == article:
                spans[(source.begin, source.end)].append(fact)
    return dict(spans)


def _css(facts: Sequence[Fact]) -> str:
    # Sentences that give events or roles look different from names of entities.
    return "fact" if any(f.kind in (FactKind.EVENT, FactKind.ROLE) for f in facts) else "entity"


def _short_name(fact: Fact) -> str:
    if fact.kind in ENTITY_KINDS:
        return fact.kind.value
    return fact.text if len(fact.text) <= 40 else fact.text[:39] + "…"


# -- progress -----------------------------------------------------------------

class _progress:
    """A step counter that reports to ``on_progress``, or to a tqdm bar on a terminal, or nowhere."""

    def __init__(self, total: int, on_progress: Progress | None):
        self.total, self.done, self.on_progress, self.bar = total, 0, on_progress, None
        if on_progress is None and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc="report", unit="file", file=sys.stderr, leave=False)

    def __enter__(self) -> Callable[[], None]:
        return self.step

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def step(self) -> None:
        self.done += 1
        if self.on_progress is not None:
            self.on_progress(self.done, self.total)
        if self.bar is not None:
            self.bar.update(1)
