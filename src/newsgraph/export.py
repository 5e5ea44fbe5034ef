"""Deterministic exports: the same graph gives byte-identical files.

Quads are taken from the article graphs only (not the ontology, not
quarantines), blank nodes are renamed canonically (RDFC-1.0) when there are
any, and everything is sorted before serialization:

- N-Quads: lines sorted;
- Turtle (the union of the article graphs, merged) and TriG (one named graph
  per article): pyoxigraph's writer, which groups consecutive statements of a
  subject, fed the sorted triples/quads, with its @prefix lines sorted (it
  writes them in hash order). From a store without blank nodes both are
  streamed so memory does not grow with the corpus, written by oxigraph from
  the store in its index order (as deterministic as the content): Turtle from
  the store's union graph, TriG graph by graph, by name. rdflib's Turtle writer was measured at 155 s
  for 134k triples, too slow to run after every build; its TriG writer orders
  graphs by hash-seeded set iteration;
- JSON-LD: compacted here with the published context
  (``newsgraph/data/context.jsonld``, embedded inline so the file needs no
  network): one object per named graph, its nodes by IRI, keys sorted, values
  in quad order. A value whose datatype does not match its term's coercion
  keeps the compact IRI key (``"nif:beginIndex"``) and an explicit ``@type``,
  so compaction never changes the RDF.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Identifier

from newsgraph.store import ARTICLES_ONLY, UNION_GRAPH, GraphKind, GraphStore, OxTerm, kind_of, to_oxigraph

T = TypeVar("T")

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
    return _streamed_or_sorted(source, fmt, frozenset(kinds), _joined)


def _joined(data: bytes | Iterable[bytes]) -> bytes:
    return data if isinstance(data, bytes) else b"".join(data)


def _serialize(quads: list[ox.Quad], fmt: Format) -> bytes:
    """Quads in ``sorted_quads`` order as ``fmt``."""
    if fmt is Format.NQ:
        lines = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
        return b"".join(sorted(set(lines)))
    if fmt is Format.JSONLD:
        return (json.dumps(compact_jsonld(quads), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt is Format.TTL:
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=lambda t: tuple(map(str, t)))
        return _oxigraph_text(triples, ox.RdfFormat.TURTLE)
    return _oxigraph_text(quads, ox.RdfFormat.TRIG)


OUTPUT_FILES = {Format.TTL: "graph.ttl", Format.TRIG: "graph.trig"}


def write_outputs(source: GraphStore | Dataset, out_dir: Path | str) -> tuple[Path, ...]:
    """Write ``graph.ttl`` and ``graph.trig`` into ``out_dir``, each atomically."""
    return tuple(write_output(source, out_dir, fmt) for fmt in OUTPUT_FILES)


def write_output(source: GraphStore | Dataset, out_dir: Path | str, fmt: Format) -> Path:
    """Write one of the build's files (``OUTPUT_FILES``) into ``out_dir``, atomically.

    From a store the file is streamed (memory bounded by the largest article
    graph, not the corpus) in the store's index order, which is as
    deterministic as the content: ``graph.trig`` graph by graph, by name, and
    ``graph.ttl`` from the store's union graph. A blank node met on the way stops the
    stream (their canonical names need all quads at once): then, as from a
    Dataset, the quads are read and sorted first.
    """
    path = Path(out_dir) / OUTPUT_FILES[fmt]
    # A stream stopped half-way leaves no file: write_atomically removes its temporary one.
    return _streamed_or_sorted(source, fmt, ARTICLES_ONLY, lambda data: write_atomically(path, data))


def _streamed_or_sorted(source: GraphStore | Dataset, fmt: Format, kinds: frozenset[GraphKind],
                        take: Callable[[bytes | Iterable[bytes]], T]) -> T:
    """``take`` of the streamed pieces when they can be streamed to the end, else of the sorted serialization."""
    if (pieces := _stream(source, fmt, kinds)) is not None:
        try:
            return take(pieces)
        except _BlankNode:
            pass
    return take(_serialize(sorted_quads(source, kinds=kinds), fmt))


def _stream(source: GraphStore | Dataset, fmt: Format, kinds: frozenset[GraphKind]) -> Iterable[bytes] | None:
    """Turtle and TriG of a store's article graphs, piece by piece; None when they cannot be streamed.

    The pieces raise ``_BlankNode`` when they meet one. Finding that out on
    the way spares a scan of the store before every export, which was a
    fifth of the time the exports took.
    """
    if not isinstance(source, GraphStore) or kinds != ARTICLES_ONLY or fmt not in (Format.TTL, Format.TRIG):
        return None
    return _pieces(source, fmt)


class _BlankNode(Exception):
    """A streamed export met a blank node."""


def _pieces(store: GraphStore, fmt: Format) -> Iterable[bytes]:
    return _turtle_pieces(store) if fmt is Format.TTL else _trig_pieces(store)


def _turtle_pieces(store: GraphStore) -> Iterator[bytes]:
    """The union graph as Turtle, in the store's index order, read back line by line."""
    with tempfile.TemporaryFile() as raw:
        store.dump_graph(UNION_GRAPH, raw, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        raw.seek(0)
        lines = iter(io.TextIOWrapper(raw, encoding="utf-8", newline="\n"))
        yield _prefix_header()
        body = itertools.dropwhile(lambda line: line.startswith("@prefix "), lines)
        while chunk := list(itertools.islice(body, _CHUNK)):
            yield _checked("".join(_full_iris(line) for line in chunk)).encode("utf-8")


_CHUNK = 20_000  # lines per piece when streaming the union graph


def _trig_pieces(store: GraphStore) -> Iterator[bytes]:
    """The article graphs as TriG, by name, each graph's triples in the store's index order (as graph.ttl).

    Oxigraph's writer reads the store faster than Python sorts its quads (graph.trig of 3,000 articles
    1.07 s against 1.39 s).
    """
    yield _prefix_header()
    yield from _trig_graphs(store, store.graph_names(kinds=ARTICLES_ONLY))


def write_trig_share(store: GraphStore, path: Path, share: tuple[float, float]) -> Path | None:
    """The TriG of a share of the article graphs (from ``share[0]`` to ``share[1]`` of them, by name), without
    the prefixes, into ``path``; None, and no file, when it meets a blank node. ``join_trig`` joins the shares."""
    names = store.graph_names(kinds=ARTICLES_ONLY)
    start, stop = (round(fraction * len(names)) for fraction in share)
    try:
        return write_atomically(path, _trig_graphs(store, names[start:stop]))
    except _BlankNode:
        return None


def join_trig(out_dir: Path | str, shares: list[Path | None]) -> Path | None:
    """``graph.trig`` from the shares ``write_trig_share`` wrote, in order, atomically; the shares are removed.

    None, and no graph.trig, when a share met a blank node (None): the file must then be written whole.
    """
    written = [share for share in shares if share is not None]
    try:
        if len(written) < len(shares):
            return None
        header = [_prefix_header()]
        return write_atomically(Path(out_dir) / OUTPUT_FILES[Format.TRIG], itertools.chain(header, _read(written)))
    finally:
        for share in written:
            share.unlink()


def _read(paths: list[Path]) -> Iterator[bytes]:
    for path in paths:
        with open(path, "rb") as data:
            while piece := data.read(1 << 20):
                yield piece


def _trig_graphs(store: GraphStore, names: list[str]) -> Iterator[bytes]:
    for name in names:
        with io.BytesIO() as raw:
            store.dump_graph(name, raw, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
            text = raw.getvalue().decode("utf-8")
        lines = itertools.dropwhile(lambda line: line.startswith("@prefix "), text.splitlines())
        if body := "".join(f"\t{_full_iris(line)}\n" for line in lines):
            yield f"{_graph_head(name)} {{\n{_checked(body)}}}\n".encode("utf-8")


def _prefix_header() -> bytes:
    return ("".join(sorted(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())) + "\n").encode("utf-8")


def _checked(text: str) -> str:
    if "_:" in text:
        raise _BlankNode  # or a literal holding "_:": the sorted path is right for both
    return text


_SIMPLE_LOCAL = re.compile(r"[A-Za-z0-9_-]+")


def _graph_head(name: str) -> str:
    """A graph's name as oxigraph's TriG writer puts it: a prefixed name when one needs no escapes."""
    for prefix, namespace in PREFIXES.items():
        if name.startswith(namespace) and _SIMPLE_LOCAL.fullmatch(name[len(namespace):]):
            return f"{prefix}:{name[len(namespace):]}"
    return f"<{name}>"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write ``data`` (bytes, or pieces of it) to a temporary file beside ``path``, then rename it over ``path``.

    A reader sees the old file or the new one, never half of one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for everyone the umask allows
        with os.fdopen(handle, "wb") as out:
            out.writelines([data] if isinstance(data, bytes) else data)
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


def _oxigraph_text(data: list[ox.Quad] | list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    text = ox.serialize(data, format=fmt, prefixes=PREFIXES).decode("utf-8")
    lines = text.split("\n")
    # Oxigraph writes the @prefix lines in hash-map order: sort them.
    end = next((i for i, line in enumerate(lines) if not line.startswith("@prefix ")), len(lines))
    body = "\n".join(_full_iris(line) for line in lines[end:])
    return ("".join(f"{line}\n" for line in sorted(lines[:end])) + "\n" + body).encode("utf-8")


# A prefixed name with backslash escapes, e.g. id:article-x\#char\=0\,7. It cannot
# occur inside a literal, where oxigraph doubles every backslash. A dot may sit inside a name, not at its end.
_ESCAPE = r"\\[-_~.!$&'()*+,;=/?#@%]"
_NAME_PART = rf"(?:[\w-]|\.(?=[\w\\-])|{_ESCAPE})"
_ESCAPED_NAME = re.compile(rf"(?<![\w:\\])([A-Za-z][\w-]*):({_NAME_PART}*{_ESCAPE}{_NAME_PART}*)")


def _full_iris(line: str) -> str:
    # Only a line with a backslash can hold an escaped name: the others skip the (slow) search.
    return _ESCAPED_NAME.sub(_full_iri, line) if "\\" in line else line


def _full_iri(match: re.Match[str]) -> str:
    # Mention IRIs (#char=B,E) read better whole than as escaped prefixed names.
    if match[1] not in PREFIXES:
        return match[0]
    local = match[2].replace("\\", "")  # each escape is a backslash before its character
    return f"<{PREFIXES[match[1]]}{local}>"


# -- JSON-LD -------------------------------------------------------------------

_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def jsonld_context() -> dict[str, object]:
    """The published JSON-LD context (the object under ``@context``)."""
    return json.loads(json.dumps(_context()))  # a copy: callers may change theirs


@cache
def _context() -> dict[str, object]:
    text = (resources.files("newsgraph") / "data" / "context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


@cache
def _prefixes() -> tuple[tuple[str, str], ...]:
    """(prefix, namespace) pairs, longest namespace first so the most specific wins."""
    pairs = [(k, v) for k, v in _context().items() if isinstance(v, str) and not k.startswith("@")]
    return tuple(sorted(pairs, key=lambda p: (-len(p[1]), p[0])))


@cache
def _terms() -> dict[str, tuple[str, str | None]]:
    """Property IRI -> (term, its @type coercion as a full IRI or "@id", or None)."""
    found = {}
    for term, definition in _context().items():
        if isinstance(definition, dict):
            coercion = definition.get("@type")
            found[_expand(definition["@id"])] = (term, coercion if coercion in (None, "@id") else _expand(coercion))
    return found


def _expand(compact: str) -> str:
    prefix, _, local = compact.partition(":")
    namespace = _context().get(prefix)
    return namespace + local if isinstance(namespace, str) and not local.startswith("//") else compact


def compact_iri(iri: str) -> str:
    """``prefix:local`` when a context prefix covers ``iri``, else ``iri`` itself."""
    for prefix, namespace in _prefixes():
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local and not local.startswith("/"):
            return f"{prefix}:{local}"
    return iri


def compact_jsonld(quads: list[ox.Quad]) -> dict[str, object]:
    """Sorted quads as a compacted JSON-LD document with the context inline."""
    graphs = []
    for name, group in itertools.groupby(quads, key=lambda q: q.graph_name):
        nodes = _nodes(list(group))
        if isinstance(name, ox.DefaultGraph):
            graphs.extend(nodes)
        else:
            graphs.append({"@id": _node_id(name), "@graph": nodes})
    return {"@context": _context(), "@graph": graphs}


def _nodes(quads: list[ox.Quad]) -> list[dict[str, object]]:
    by_subject: dict[str, dict[str, object]] = {}
    for quad in sorted(quads, key=lambda q: (str(q.subject), str(q.predicate), str(q.object))):
        node = by_subject.setdefault(_node_id(quad.subject), {"@id": _node_id(quad.subject)})
        key, value = _entry(quad.predicate.value, quad.object)
        node.setdefault(key, []).append(value)
    return [_sorted_keys(node) for _, node in sorted(by_subject.items())]


def _sorted_keys(node: dict[str, object]) -> dict[str, object]:
    # "@id" and "@type" first, then the properties by key.
    order = sorted(node, key=lambda k: (k not in ("@id", "@type"), k != "@id", k))
    return {k: _single(node[k]) for k in order}


def _single(values: object) -> object:
    return values[0] if isinstance(values, list) and len(values) == 1 else values


def _entry(predicate: str, value: OxTerm) -> tuple[str, object]:
    if predicate == _RDF_TYPE and isinstance(value, ox.NamedNode):
        return "@type", compact_iri(value.value)
    term, coercion = _terms().get(predicate, (None, None))
    if term is not None and _fits(value, coercion):
        return term, _coerced(value, coercion)
    return compact_iri(predicate), _explicit(value)


def _fits(value: OxTerm, coercion: str | None) -> bool:
    """Whether ``value`` can be written under a term with this coercion without changing it."""
    if isinstance(value, ox.Literal):
        return coercion is None or (not value.language and value.datatype.value == coercion)
    return coercion == "@id" or coercion is None


def _coerced(value: OxTerm, coercion: str | None) -> object:
    if coercion is not None:
        return _node_id(value) if coercion == "@id" else value.value
    return _explicit(value)


def _explicit(value: OxTerm) -> object:
    if not isinstance(value, ox.Literal):
        return {"@id": _node_id(value)}
    if value.language:
        return {"@value": value.value, "@language": value.language}
    if value.datatype.value == _XSD + "string":
        return value.value
    return {"@value": value.value, "@type": compact_iri(value.datatype.value)}


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact_iri(term.value)
