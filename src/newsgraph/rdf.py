"""Extractions to RDF: the only place IRIs are made.

Each article becomes one named graph holding everything drawn from it, with
``prov:wasDerivedFrom`` links to RFC 5147 ``#char=B,E`` mentions. IRIs are
deterministic: entities are named by their resolved key, events and
memberships by a hash of their content, so the same input gives the same IRIs.
An entity or event reported by several articles has one IRI, described in
each article's graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from anyascii import anyascii
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from newsgraph.link import link
from newsgraph.model import Entity, EntityType, Event, Extraction, Precision, Role, Span, TimeValue
from newsgraph.namespace import NG, NIF, ORG, PROV, SCHEMA, SEM

DEFAULT_BASE = "https://w3id.org/newsgraph/id/"

TYPES = {
    EntityType.PERSON: (NG.Person, SCHEMA.Person, SEM.Actor),
    EntityType.STATE: (NG.State, SCHEMA.Country, SEM.Actor, SEM.Place),
    EntityType.ORGANIZATION: (NG.Organization, ORG.Organization, SEM.Actor),
    EntityType.PLACE: (NG.Place, SCHEMA.Place, SEM.Place),
}
_DATATYPES = {Precision.DAY: XSD.date, Precision.MONTH: XSD.gYearMonth, Precision.YEAR: XSD.gYear}

# The terms written for every entity and mention, read once: each read of an rdflib namespace attribute
# makes and checks a new URIRef (DefinedNamespace: 5 us): mapping 2,000 articles took 0.60 s, now 0.42 s.
_TYPE, _LABEL, _ALT_LABEL, _EXACT_MATCH = RDF.type, RDFS.label, SKOS.altLabel, SKOS.exactMatch
_DERIVED_FROM, _MENTION = PROV.wasDerivedFrom, NIF.String
_BEGIN, _END, _ANCHOR, _CONTEXT = NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext
_OFFSET = XSD.nonNegativeInteger


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-") or "x"


# Cached: the same people and states recur within an article and across a corpus, and making the
# IRI (slug and URIRef's syntax check) and an offset's Literal were half of the time mapping took.
@lru_cache(maxsize=1 << 16)
def _entity_iri(base: str, key: str) -> URIRef:
    kind, _, ident = key.partition(":")
    prefix = {"org": "organization"}.get(kind, kind)
    return URIRef(f"{base}{prefix}-{slug(ident)}")


@lru_cache(maxsize=1 << 16)
def _offset_literal(offset: int) -> Literal:
    return Literal(offset, datatype=_OFFSET)


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:10]


@dataclass(frozen=True, slots=True)
class Minter:
    """Makes every instance IRI under one base."""

    base: str = DEFAULT_BASE

    def article(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article-{slug(article_id)}")

    def graph(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}graph-{slug(article_id)}")

    def mention(self, article: URIRef, span: Span) -> URIRef:
        """The RFC 5147 mention of ``span`` in the article whose IRI ``article`` made."""
        return URIRef(f"{article}#char={span.start},{span.end}")

    def entity(self, key: str) -> URIRef:
        return _entity_iri(self.base, key)

    def event(self, event: Event) -> URIRef:
        date = event.time.iso().lstrip("-") if event.time else "undated"
        place = slug(event.place.partition(":")[2]) if event.place else "noplace"
        # The key keeps two alike but separate events apart; without one (unresolved), the content decides.
        digest = _digest(event.type, sorted(event.actors), event.status, event.time and event.time.iso(), event.place,
                         event.key)
        return URIRef(f"{self.base}event-{event.type.lower()}-{date}-{place}-{digest}")

    def membership(self, role: Role) -> URIRef:
        digest = _digest(role.holder, role.role, role.organization, role.towards, role.former)
        return URIRef(f"{self.base}membership-{slug(role.holder.partition(':')[2])}-{slug(role.role)}-{digest}")


class TripleList(Graph):
    """A read-only Graph over a tuple of triples: cheap to build, to pickle and to read through once.

    What an article graph is made as, mapped to N-Triples and screened from
    (pyshacl-turbo reads a screening union of them). Every Graph read goes
    through ``triples``, a scan: fine for reading through, slow for many lookups.
    """

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]] = ()):
        super().__init__()
        self._triples = tuple(triples)

    def triples(self, pattern):  # type: ignore[override]
        s, p, o = pattern
        for triple in self._triples:
            if (s is None or triple[0] == s) and (p is None or triple[1] == p) and (o is None or triple[2] == o):
                yield triple

    def __len__(self) -> int:
        return len(self._triples)

    def __reduce__(self):
        return TripleList, (self._triples,)

    def add(self, triple):  # type: ignore[override]
        raise TypeError("a TripleList is read-only")

    def remove(self, triple):  # type: ignore[override]
        raise TypeError("a TripleList is read-only")


def article_graph(extraction: Extraction, *, minter: Minter = Minter()) -> Graph:
    """Everything one article says, as RDF."""
    graph = Graph()
    graph += article_triples(extraction, minter=minter)
    return graph


def article_triples(extraction: Extraction, *, minter: Minter = Minter()) -> TripleList:
    """``article_graph`` as a read-only TripleList: a third of the time, for graphs read through once."""
    collected = _Collector()
    writer = _Writer(collected, minter, extraction)
    writer.article()
    for entity in extraction.entities:
        writer.entity(entity)
    for role in extraction.roles:
        if role.organization is not None:  # org:Membership needs the body the role is of
            writer.membership(role)
    for event in extraction.events:
        writer.event(event)
    return TripleList(collected)


class _Collector(dict):
    """Triples in the order added, each once: all the writer needs of a Graph, without its indexes."""

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self[triple] = None


def time_literal(time: TimeValue) -> Literal:
    if not time.resolved:  # "--MM-DD", or "--MM" for a month alone ("--11" is not a gMonthDay)
        return Literal(time.iso(), datatype=XSD.gMonthDay if time.day is not None else XSD.gMonth)
    return Literal(time.iso(), datatype=_DATATYPES[time.precision])


@dataclass
class _Writer:
    graph: _Collector
    minter: Minter
    extraction: Extraction

    def __post_init__(self) -> None:
        self._article = self.minter.article(self.extraction.article.id)

    def article(self) -> None:
        article, node = self.extraction.article, self._article
        for cls in (NG.Article, SCHEMA.NewsArticle, NIF.Context):
            self.graph.add((node, _TYPE, cls))
        self.graph.add((node, DCTERMS.identifier, Literal(article.id)))
        self.graph.add((node, DCTERMS.source, Literal(article.url or article.source)))
        self.graph.add((node, NIF.isString, Literal(article.original)))
        if article.title:
            self.graph.add((node, DCTERMS.title, Literal(article.title)))
        if article.published:
            self.graph.add((node, SCHEMA.datePublished, Literal(article.published.isoformat(), datatype=XSD.date)))

    def derived(self, node: URIRef, span: Span) -> None:
        mention = self.minter.mention(self._article, span)
        self.graph.add((node, _DERIVED_FROM, mention))
        self.graph.add((mention, _TYPE, _MENTION))
        self.graph.add((mention, _BEGIN, _offset_literal(span.start)))
        self.graph.add((mention, _END, _offset_literal(span.end)))
        self.graph.add((mention, _ANCHOR, Literal(span.text)))
        self.graph.add((mention, _CONTEXT, self._article))

    def entity(self, entity: Entity) -> None:
        node = self.minter.entity(entity.key)
        for cls in TYPES[entity.type]:
            self.graph.add((node, _TYPE, cls))
        self.graph.add((node, _LABEL, Literal(entity.name)))
        for alias in entity.aliases:
            self.graph.add((node, _ALT_LABEL, Literal(alias)))
        for iri in link(entity.type, entity.name, key=entity.key):
            self.graph.add((node, _EXACT_MATCH, URIRef(iri)))
        if entity.state and entity.type is EntityType.ORGANIZATION:
            self.graph.add((node, NG.ofState, self.minter.entity(entity.state)))
        for span in entity.mentions:
            self.derived(node, span)

    def membership(self, role: Role) -> None:
        node = self.minter.membership(role)
        self.graph.add((node, _TYPE, ORG.Membership))
        self.graph.add((node, ORG.member, self.minter.entity(role.holder)))
        self.graph.add((node, ORG.role, NG[role.role]))
        self.graph.add((node, ORG.organization, self.minter.entity(role.organization)))
        if role.towards:
            self.graph.add((node, NG.towards, self.minter.entity(role.towards)))
        if role.former:
            self.graph.add((node, NG.former, Literal(True)))
        self.derived(node, role.evidence)

    def event(self, event: Event) -> None:
        node = self.minter.event(event)
        self.graph.add((node, _TYPE, NG[event.type.value]))
        self.graph.add((node, _TYPE, SEM.Event))
        for participant in event.participants:
            self.graph.add((node, SEM.hasActor, self.minter.entity(participant.entity)))
        if event.place:
            self.graph.add((node, SEM.hasPlace, self.minter.entity(event.place)))
        if event.time:
            self.graph.add((node, SEM.hasTimeStamp, time_literal(event.time)))
            if event.time.year_source != "text":
                self.graph.add((node, NG.yearSource, Literal(event.time.year_source)))
        self.graph.add((node, NG.status, NG[event.status.value]))
        self.graph.add((node, NG.confidence, Literal(Decimal(str(event.confidence)), datatype=XSD.decimal)))
        if event.mode:
            self.graph.add((node, NG.mode, NG[event.mode.value]))
        if event.content:
            self.graph.add((node, NG.content, Literal(event.content)))
        for span in event.evidence:
            self.derived(node, span)
