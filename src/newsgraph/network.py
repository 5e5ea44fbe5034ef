"""networkx views of the graph, read from the store through SPARQL on the public vocabulary.

- ``meeting_network``: people and states that take part in meetings, one edge
  per meeting between each pair of its participants (a ``MultiGraph`` keyed by
  the meeting's IRI);
- ``state_relations``: states linked when they, or people holding a role of
  them, take part in the same event; ``weight`` counts those events;
- ``centrality`` and ``communities`` on either view;
- ``write_network``: GraphML or GEXF for Gephi, PNG or SVG pictures.

Nodes are IRIs. Everything is sorted before it enters a graph, so the same
store gives the same files.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import networkx as nx

from newsgraph.errors import UsageError
from newsgraph.query import LIST_SEPARATOR, ParamKind, Queryable, find_nodes, run_sparql

# Louvain is randomized; a fixed seed keeps communities stable between runs.
COMMUNITY_SEED = 7

PREFIXES = """
PREFIX ng:      <https://w3id.org/newsgraph/ontology#>
PREFIX sem:     <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX org:     <http://www.w3.org/ns/org#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
"""

_MEETING_ACTORS = PREFIXES + """
SELECT ?meeting ?actor ?label ?kind ?date ?place ?status WHERE {
  ?meeting a ng:Meeting ; sem:hasActor ?actor .
  { ?actor a ng:Person BIND("person" AS ?kind) } UNION { ?actor a ng:State BIND("state" AS ?kind) }
  OPTIONAL { ?actor rdfs:label ?label }
  OPTIONAL { ?meeting sem:hasTimeStamp ?stamp BIND(STR(?stamp) AS ?date) }
  OPTIONAL { ?meeting sem:hasPlace/rdfs:label ?place }
  OPTIONAL { ?meeting ng:status ?statusIri BIND(LCASE(STRAFTER(STR(?statusIri), "#")) AS ?status) }
}"""

# The states a person stands for: the states (or bodies of states) of their current roles.
_REPRESENTS = PREFIXES + """
SELECT DISTINCT ?person ?state WHERE {
  ?membership org:member ?person ; org:organization/ng:ofState? ?stateNode .
  ?person a ng:Person .
  ?stateNode a ng:State ; rdfs:label ?state .
  FILTER NOT EXISTS { ?membership ng:former true }
}"""

# An actor stands for a state when it is the state, a body of it, or holds a role of either.
EVENT_STATES = PREFIXES + """
SELECT DISTINCT ?event ?state ?label WHERE {
  ?event a sem:Event ; sem:hasActor ?actor .
  ?actor (^org:member/org:organization)?/ng:ofState? ?state .
  ?state a ng:State .
  OPTIONAL { ?state rdfs:label ?label }
}"""


# Every event, one row each: its ng kind, date, place, status, actors (IRIs) and their labels.
EVENTS = PREFIXES + """
SELECT ?event (MIN(?kindName) AS ?kind) (MIN(?stampText) AS ?date) (MIN(?placeLabel) AS ?place)
       (MIN(?statusName) AS ?status) (MIN(?confidenceText) AS ?confidence) (MIN(?contentText) AS ?content)
       (GROUP_CONCAT(DISTINCT STR(?actor); separator="\\u001F") AS ?actors)
       (GROUP_CONCAT(DISTINCT ?actorLabel; separator="\\u001F") AS ?participants)
WHERE {
  ?event a sem:Event .
  OPTIONAL { ?event a ?class FILTER(STRSTARTS(STR(?class), STR(ng:)) && ?class != ng:Event)
             BIND(LCASE(STRAFTER(STR(?class), "#")) AS ?kindName) }
  OPTIONAL { ?event sem:hasActor ?actor OPTIONAL { ?actor rdfs:label ?actorLabel } }
  OPTIONAL { ?event sem:hasTimeStamp ?stamp BIND(STR(?stamp) AS ?stampText) }
  OPTIONAL { ?event sem:hasPlace/rdfs:label ?placeLabel }
  OPTIONAL { ?event ng:status ?statusIri BIND(LCASE(STRAFTER(STR(?statusIri), "#")) AS ?statusName) }
  OPTIONAL { ?event ng:confidence ?confidenceValue BIND(STR(?confidenceValue) AS ?confidenceText) }
  OPTIONAL { ?event ng:content ?contentValue BIND(STR(?contentValue) AS ?contentText) }
}
GROUP BY ?event
ORDER BY ?date ?event"""


class NetworkFormat(StrEnum):
    GRAPHML = "graphml"
    GEXF = "gexf"
    PNG = "png"
    SVG = "svg"


@dataclass(frozen=True)
class TimelineEvent:
    """One event on a timeline: ``date`` is ISO 8601 at its precision (``2022``, ``2022-07``, ``2022-07-01``) or None."""

    event: str
    kind: str
    date: str | None
    place: str | None
    participants: tuple[str, ...]
    status: str | None


class NodeKind(StrEnum):
    PERSON = "person"
    STATE = "state"


@dataclass(frozen=True)
class Centrality:
    degree: float
    betweenness: float


def select_rows(store: Queryable, sparql: str) -> list[dict[str, str | None]]:
    """A SELECT query's solutions as dicts of strings (None where unbound)."""
    answer = run_sparql(store, sparql)
    return [dict(zip(answer.columns, row)) for row in answer.rows]


def meeting_network(store: Queryable) -> nx.MultiGraph:
    """People and states as nodes; one edge per meeting between each pair of its participants."""
    rows = select_rows(store, _MEETING_ACTORS)
    graph = nx.MultiGraph()
    represents = _represents(store)
    for row in sorted(rows, key=lambda r: r["actor"] or ""):
        actor = row["actor"]
        if actor not in graph:
            graph.add_node(actor, label=row["label"] or _local_name(actor), kind=row["kind"],
                           represents="; ".join(represents.get(actor, ())))
    first = _first_rows(rows, "meeting")
    for meeting, members in sorted(_group(rows, "meeting", "actor").items()):
        info = first[meeting]
        for one, other in itertools.combinations(sorted(members), 2):
            graph.add_edge(one, other, key=meeting, event=meeting, date=info["date"] or "",
                           place=info["place"] or "", status=info["status"] or "")
    return graph


def state_relations(store: Queryable) -> nx.Graph:
    """States linked when they or their people take part in the same event; ``weight`` counts events."""
    rows = select_rows(store, EVENT_STATES)
    graph = nx.Graph()
    for row in sorted(rows, key=lambda r: r["state"] or ""):
        if row["state"] not in graph:
            graph.add_node(row["state"], label=row["label"] or _local_name(row["state"]), kind=NodeKind.STATE.value)
    for event, states in sorted(_group(rows, "event", "state").items()):
        for one, other in itertools.combinations(sorted(states), 2):
            data = graph.get_edge_data(one, other, default={"weight": 0, "events": ()})
            graph.add_edge(one, other, weight=data["weight"] + 1, events=(*data["events"], event))
    return graph


def centrality(graph: nx.Graph) -> dict[str, Centrality]:
    """Degree and betweenness centrality of each node (parallel edges count once)."""
    simple = nx.Graph(graph)
    degree = nx.degree_centrality(simple)
    betweenness = nx.betweenness_centrality(simple)
    return {node: Centrality(degree[node], betweenness[node]) for node in sorted(simple)}


def communities(graph: nx.Graph) -> list[frozenset[str]]:
    """Louvain communities (fixed seed), largest first, ties by their first member."""
    simple = _weighted_simple(graph)
    if simple.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(simple, weight="weight", seed=COMMUNITY_SEED)
    return sorted((frozenset(c) for c in found), key=lambda c: (-len(c), sorted(c)))


def write_network(store: Queryable, fmt: NetworkFormat | str, path: Path) -> None:
    """Write the meeting network as GraphML, GEXF, or a PNG/SVG picture."""
    fmt = _format(fmt)
    graph = meeting_network(store)
    if fmt in (NetworkFormat.PNG, NetworkFormat.SVG):
        from newsgraph.pictures import PictureFormat, draw_meeting_network

        draw_meeting_network(graph, Path(path), fmt=PictureFormat(fmt.value))
        return
    exported = annotated_for_export(graph)
    if fmt is NetworkFormat.GRAPHML:
        nx.write_graphml(exported, path)
    else:
        _write_gexf(exported, Path(path))


def annotated_for_export(graph: nx.MultiGraph) -> nx.MultiGraph:
    """A copy with centrality and community per node, every attribute a string (GraphML/GEXF need plain types)."""
    scores = centrality(graph)
    community_of = {node: index for index, group in enumerate(communities(graph)) for node in group}
    exported = nx.MultiGraph()
    for node in sorted(graph):
        extra = {"degree": f"{scores[node].degree:.6f}", "betweenness": f"{scores[node].betweenness:.6f}",
                 "community": str(community_of.get(node, ""))}
        exported.add_node(node, **_strings({**graph.nodes[node], **extra}))
    for one, other, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        exported.add_edge(one, other, key=key, **_strings(data))
    return exported


def state_timeline(store: Queryable, state1: str, state2: str) -> list[TimelineEvent]:
    """Events between two states (IRIs or names): each side is the state, a body of it, or a person in a role of either."""
    states_of = event_states(store)
    known = {state for states in states_of.values() for state in states}
    sides = [{state} if state in known else _state_nodes(store, state) for state in (state1, state2)]
    rows = [r for r in select_rows(store, EVENTS) if all(set(states_of.get(r["event"], ())) & side for side in sides)]
    return [_timeline_event(r) for r in rows]


def event_states(store: Queryable) -> dict[str, tuple[str, ...]]:
    """The states each event involves, directly or through its actors' roles and bodies."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in select_rows(store, EVENT_STATES):
        found[row["event"]].add(row["state"])
    return {event: tuple(sorted(states)) for event, states in found.items()}


def _state_nodes(store: Queryable, state: str) -> set[str]:
    return {node.value for node in find_nodes(store, state, kind=ParamKind.STATE)}


def actor_timeline(store: Queryable, actor: str) -> list[TimelineEvent]:
    """Events an actor (a person's or state's IRI) took part in, in date order."""
    rows = [r for r in select_rows(store, EVENTS) if actor in split_list(r["actors"])]
    return [_timeline_event(r) for r in rows]


def split_list(joined: str | None) -> tuple[str, ...]:
    """The sorted items of a list column of ``EVENTS`` (joined with U+001F in SPARQL)."""
    return tuple(sorted(joined.split(LIST_SEPARATOR))) if joined else ()


def _timeline_event(row: Mapping[str, str | None]) -> TimelineEvent:
    return TimelineEvent(event=row["event"], kind=row["kind"] or "event", date=row["date"], place=row["place"],
                         participants=split_list(row["participants"]), status=row["status"])


def _write_gexf(graph: nx.MultiGraph, path: Path) -> None:
    # networkx stamps GEXF files with today's date; a fixed one keeps exports byte-identical.
    text = "\n".join(nx.generate_gexf(graph))
    text = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="1970-01-01"', text, count=1)
    path.write_text(text + "\n", encoding="utf-8")


def _format(fmt: NetworkFormat | str) -> NetworkFormat:
    try:
        return NetworkFormat(fmt)
    except ValueError:
        choices = ", ".join(f.value for f in NetworkFormat)
        raise UsageError(f"unknown network format {fmt!r}: use one of {choices}") from None


def _represents(store: Queryable) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in select_rows(store, _REPRESENTS):
        found[row["person"]].add(row["state"])
    return {person: tuple(sorted(states)) for person, states in found.items()}


def _group(rows: Iterable[Mapping[str, str | None]], key: str, value: str) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        groups[row[key]].add(row[value])
    return groups


def _first_rows(rows: Iterable[Mapping[str, str | None]], key: str) -> dict[str, Mapping[str, str | None]]:
    # The smallest row per key: one date, place and status per meeting even when the graph holds two.
    first: dict[str, Mapping[str, str | None]] = {}
    for row in sorted(rows, key=lambda r: tuple(v or "" for v in r.values())):
        first.setdefault(row[key], row)
    return first


def _weighted_simple(graph: nx.Graph) -> nx.Graph:
    # Parallel edges (several meetings) become one edge whose weight counts them.
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    for one, other, data in graph.edges(data=True):
        weight = data.get("weight", 1) if not graph.is_multigraph() else 1
        previous = simple.get_edge_data(one, other, default={"weight": 0})["weight"]
        simple.add_edge(one, other, weight=previous + weight)
    return simple


def _strings(data: Mapping[str, object]) -> dict[str, str]:
    return {key: _string(value) for key, value in sorted(data.items())}


def _string(value: object) -> str:
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "; ".join(map(str, value))
    return "" if value is None else str(value)


def _local_name(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
