"""Deterministic exports: the same graph gives byte-identical files.

Quads are taken from the article graphs only (not the ontology, not
quarantines), blank nodes are renamed canonically (RDFC-1.0) when there are
any, and everything is sorted before serialization:

- N-Quads: lines sorted;
- Turtle (the union of the article graphs, merged): rdflib, fed the sorted
  triples into a fresh graph with a fixed prefix table. rdflib's turtle writer
  orders subjects and predicates itself but writes objects in insertion order,
  so sorted insertion makes it stable;
- TriG (one named graph per article): each graph written as Turtle the same
  way, wrapped in its GRAPH block, graphs in IRI order, one prefix header;
- JSON-LD: pyoxigraph's expanded JSON-LD of the sorted quads, indented.
"""

from __future__ import annotations

import itertools
import json
import os
import tempfile
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import NamespaceManager
from rdflib.term import Identifier

from newsgraph.store import ARTICLES_ONLY, GraphKind, GraphStore, kind_of, to_oxigraph, to_rdflib

PREFIXES = {
    "ng": "https://w3id.org/newsgraph/ontology#",
    "id": "https://w3id.org/newsgraph/id/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "wd": "http://www.wikidata.org/entity/",
}


class Format(StrEnum):
    TTL = "ttl"
    TRIG = "trig"
    NQ = "nq"
    JSONLD = "jsonld"


def export(source: GraphStore | Dataset, fmt: Format, *, kinds: Iterable[GraphKind] = ARTICLES_ONLY) -> bytes:
    """The graphs of ``kinds`` in ``source`` serialized as ``fmt``, byte-stable."""
    quads = sorted_quads(source, kinds=kinds)
    if fmt is Format.NQ:
        lines = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
        return b"".join(sorted(set(lines)))
    if fmt is Format.JSONLD:
        data = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD) or b"[]")
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt is Format.TTL:
        return _merged(quads).serialize(format="turtle", encoding="utf-8")
    return _trig(quads)


def write_outputs(source: GraphStore | Dataset, out_dir: Path | str) -> tuple[Path, Path]:
    """Write ``graph.ttl`` and ``graph.trig`` into ``out_dir``, each atomically."""
    out_dir = Path(out_dir)
    written = []
    for name, fmt in (("graph.ttl", Format.TTL), ("graph.trig", Format.TRIG)):
        written.append(write_atomically(out_dir / name, export(source, fmt)))
    return written[0], written[1]


def write_atomically(path: Path, data: bytes) -> Path:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    A reader sees the old file or the new one, never half of one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def sorted_quads(source: GraphStore | Dataset, *, kinds: Iterable[GraphKind] = ARTICLES_ONLY) -> list[ox.Quad]:
    """The quads of the graphs of ``kinds``, blank nodes canonical, in a stable order."""
    quads = list(_quads(source, frozenset(kinds)))
    if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name)):
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    return sorted(set(quads), key=_quad_key)


def _quad_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object)


def _quads(source: GraphStore | Dataset, kinds: frozenset[GraphKind]) -> Iterable[ox.Quad]:
    if isinstance(source, GraphStore):
        return source.quads(kinds=kinds)
    return (quad for graph in source.graphs() if _wanted(graph.identifier, kinds) for quad in _graph_quads(graph))


def _wanted(name: object, kinds: frozenset[GraphKind]) -> bool:
    # Triples outside any named graph (e.g. a parsed Turtle file) count as article facts.
    return kind_of(str(name)) in kinds or (name == DATASET_DEFAULT_GRAPH_ID and GraphKind.ARTICLE in kinds)


def _graph_quads(graph: Graph) -> Iterable[ox.Quad]:
    name = _graph_name(graph.identifier)
    return (ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name) for s, p, o in graph)


def _graph_name(identifier: Identifier) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    if identifier == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return to_oxigraph(identifier)


def _fresh_namespaces(graph: Graph) -> None:
    # No rdflib defaults (brick, csvw, ...): the same fixed table on every run.
    graph.namespace_manager = NamespaceManager(graph, bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


def _merged(quads: list[ox.Quad]) -> Graph:
    graph = Graph(bind_namespaces="none")
    _fresh_namespaces(graph)
    for triple in sorted({(q.subject, q.predicate, q.object) for q in quads}, key=lambda t: tuple(map(str, t))):
        graph.add(tuple(to_rdflib(t) for t in triple))
    return graph


def _trig(quads: list[ox.Quad]) -> bytes:
    # rdflib's TriG writer orders graphs by set iteration (hash-seeded), so each
    # graph is written with the Turtle writer and wrapped here, graphs sorted.
    parts = [_prefix_header()]
    for name, group in itertools.groupby(quads, key=lambda q: q.graph_name):
        graph = _merged(list(group))
        body = _without_prefixes(graph.serialize(format="turtle"))
        if isinstance(name, ox.DefaultGraph):
            parts.append(body + "\n")
        else:
            label = f"_:{name.value}" if isinstance(name, ox.BlankNode) else graph.namespace_manager.normalizeUri(to_rdflib(name))
            # Not indented: that would change multi-line (triple-quoted) literals.
            parts.append(f"{label} {{\n{body}\n}}\n")
    return "\n".join(parts).encode("utf-8")


def _prefix_header() -> str:
    return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in sorted(PREFIXES.items()))


def _without_prefixes(turtle: str) -> str:
    # rdflib writes its @prefix lines first; only that leading block is dropped.
    lines = turtle.split("\n")
    start = next((i for i, line in enumerate(lines) if not line.startswith("@prefix ")), len(lines))
    return "\n".join(lines[start:]).strip("\n")
