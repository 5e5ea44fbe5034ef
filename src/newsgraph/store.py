"""The embedded on-disk triple store of a build: ``OUT/store/`` (pyoxigraph).

Atomicity, as measured on pyoxigraph 0.5.13 (tests/test_store.py keeps these
honest):

- ``Store.update`` runs a whole SPARQL Update request (several operations
  separated by ``;``) in one transaction: when a later operation fails, the
  earlier ones are rolled back. ``replace_graphs`` therefore sends, for every
  graph, the union-graph DELETE, ``DROP SILENT GRAPH`` and ``INSERT DATA`` as
  ONE request, so a reader never sees an article half replaced and a failed
  write leaves the old graph.
- Graphs the store does not hold yet (a first build's case: nothing to
  remove) are added with ``Store.bulk_load`` from N-Quads, which writes table files
  directly instead of a transaction: 3.3x faster than ``extend`` per quad, and
  the store of 2,000 articles of the 68k corpus takes 49 MB on disk instead of
  181 MB. It is not documented as transactional, so a build killed during one
  may leave part of those graphs; the ledger marks them written only after
  the call returns, so the next build writes them again, and as they are then
  held, through the one-request replacement above (tests/test_crash.py kills
  a build once its first chunk of graphs is stored and compares the rerun
  with a clean build).

The SPARQL default graph is a materialized union graph (``UNION_GRAPH``, the
set of all article triples) plus the ontology graph, not pyoxigraph's
``use_default_graph_as_union``. Measured: that option is a bag (a triple in
1,000 article graphs is matched 1,000 times), and ``who-met-where`` on 40
article graphs did not finish in 5 minutes with it against 7 ms on the
materialized union; an explicit ``default_graph`` list is a bag too, and costs
about 25 ms per 1,000 graphs. Each article write updates the union graph in
the same transaction (triples only that article stated are removed, the new
ones added), so quarantine graphs stay out of answers for free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import IO, Self

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier

from newsgraph.errors import QueryError, StoreError, UsageError

STORE_DIR = "store"
ONTOLOGY_GRAPH = "https://w3id.org/newsgraph/ontology"
# The set union of the article graphs, kept up to date by every write (see below).
UNION_GRAPH = "https://w3id.org/newsgraph/union"
QUARANTINE_SUFFIX = "-quarantine"
# Oxigraph keeps what a transaction writes in memory tables until they are flushed: a long
# build that never flushed grew by about 90 KB per article graph. Bulk loads write table
# files instead and are not counted: flushing after them too cost the whole news-68k
# build 10-26 s for the same peak memory (705 against 709 MB).
FLUSH_EVERY = 1000

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
OxResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


class GraphKind(StrEnum):
    """What a named graph holds, told by its name."""

    ARTICLE = "article"
    QUARANTINE = "quarantine"
    ONTOLOGY = "ontology"
    UNION = "union"


ARTICLES_ONLY = frozenset({GraphKind.ARTICLE})


def kind_of(name: str) -> GraphKind:
    if name == ONTOLOGY_GRAPH:
        return GraphKind.ONTOLOGY
    if name == UNION_GRAPH:
        return GraphKind.UNION
    if name.endswith(QUARANTINE_SUFFIX):
        return GraphKind.QUARANTINE
    return GraphKind.ARTICLE


def to_oxigraph(term: Identifier) -> OxTerm:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise UsageError(f"cannot store the RDF term {term!r}: only IRIs, blank nodes and literals")


def to_rdflib(term: OxTerm) -> Identifier:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)  # rdflib tells "x" from "x"^^xsd:string; RDF 1.1 does not
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"the store holds an RDF term newsgraph cannot read: {term!r}")


class GraphStore:
    """A pyoxigraph store with one named graph per article (and the ontology).

    Use it as a context manager, or call ``close()``: closing flushes and
    releases the store's lock so another process can open it.
    """

    def __init__(self, store: ox.Store, *, path: Path, read_only: bool = False):
        self._store: ox.Store | None = store
        self.path = path
        self.read_only = read_only
        self._unflushed = 0  # graphs written by transaction since the last flush

    # -- lifecycle -----------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._store is not None and not self.read_only:
            self._store.flush()
        # pyoxigraph has no close(): dropping the last reference releases the lock.
        self._store = None

    def _open(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store in {self.path} is closed: open it again with open_store()")
        return self._store

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"the store in {self.path} was opened read-only: open it with read_only=False to write")
        return self._open()

    # -- writing -------------------------------------------------------------

    def replace_graph(self, name: str, triples: Graph | bytes, *,
                      quarantine: tuple[str, Graph | bytes] | None = None) -> None:
        """Replace graph ``name`` (and optionally its quarantine graph) in one transaction."""
        graphs = {name: triples}
        if quarantine is not None:
            graphs[quarantine[0]] = quarantine[1]
        self.replace_graphs(graphs)

    def replace_graphs(self, graphs: Mapping[str, Graph | bytes]) -> None:
        """Drop each named graph and insert its new triples, all in one transaction.

        A graph is an rdflib Graph or its N-Triples (``to_ntriples``, how the
        build's workers send them). An empty graph just removes the named graph.
        """
        texts = {name: graph if isinstance(graph, bytes) else to_ntriples(graph) for name, graph in graphs.items()}
        existing = {name for name in texts if self.has_graph(name)}
        if not existing:
            self._add_new(texts)
            return
        # A graph the store does not hold yet has nothing to take out of the union:
        # skipping that DELETE keeps first builds linear (it scans shared triples' graphs).
        operations = [operation for name, text in texts.items()
                      for operation in _replace_operations(name, text, existing=name in existing)]
        self._write(texts, lambda store: store.update(" ;\n".join(operations)))
        self._unflushed += len(texts)
        if self._unflushed >= FLUSH_EVERY:
            self.flush()

    def _add_new(self, texts: Mapping[str, bytes]) -> None:
        # Nothing to drop: the quads go straight into new table files (see the module docstring).
        data = b"".join(_as_nquads(name, text) for name, text in texts.items())
        if data:
            self._write(texts, lambda store: store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True))

    def _write(self, graphs: Mapping[str, bytes], action: Callable[[ox.Store], None]) -> None:
        try:
            action(self._writable())
        except (OSError, RuntimeError, ValueError) as error:
            raise StoreError(f"could not write graphs {sorted(graphs)} to {self.path}: {error}") from error

    def flush(self) -> None:
        """Write what the store buffers in memory to disk (``replace_graphs`` does every ``FLUSH_EVERY`` graphs)."""
        try:
            self._writable().flush()
            self._unflushed = 0
        except OSError as error:
            raise StoreError(f"could not flush the store in {self.path}: {error}") from error

    def optimize(self) -> None:
        """Compact the store's tables, as a build does when it has written its graphs.

        Each bulk write adds table files whose key ranges overlap, and every
        lookup then searches them all: on a 1M-triple store written in 54 bulk
        writes, who-met-where took 1.2x to 1.3x longer than after compaction.
        """
        try:
            self._writable().optimize()
        except OSError as error:
            raise StoreError(f"could not compact the store in {self.path}: {error}") from error

    def remove_graph(self, name: str) -> None:
        self.replace_graphs({name: Graph()})

    def load_ontology(self, name: str = ONTOLOGY_GRAPH, *, files: Iterable[Path] | None = None) -> int:
        """Replace graph ``name`` with the ontology files (default: the bundled ``ontology/*.ttl``).

        Returns the number of triples loaded.
        """
        from newsgraph.resources import resource_files

        graph = Graph()
        for path in files if files is not None else resource_files("ontology"):
            try:
                graph.parse(path, format="turtle")
            except Exception as error:  # rdflib raises many parser-specific types
                raise StoreError(f"cannot read ontology file {path}: {error}") from error
        self.replace_graphs({name: graph})
        return len(graph)

    # -- reading -------------------------------------------------------------

    def graph_names(self, *, kinds: Iterable[GraphKind] | None = None) -> list[str]:
        """Named graphs, sorted; only those of ``kinds`` when given (default: all but the union)."""
        wanted = frozenset(kinds) if kinds is not None else frozenset(GraphKind) - {GraphKind.UNION}
        names = (g.value for g in self._open().named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(n for n in names if kind_of(n) in wanted)

    def has_graph(self, name: str) -> bool:
        return self._open().contains_named_graph(ox.NamedNode(name))

    def triple_count(self, name: str | None = None) -> int:
        """Triples in graph ``name``, or summed over all graphs but the union (a triple in two graphs counts twice)."""
        store = self._open()
        if name is None:
            return len(store) - self.triple_count(UNION_GRAPH)
        return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(name)))

    def quads(self, *, kinds: Iterable[GraphKind] = ARTICLES_ONLY) -> Iterator[ox.Quad]:
        """Quads of the named graphs of ``kinds`` (default: article graphs)."""
        store = self._open()
        for name in self.graph_names(kinds=kinds):
            yield from store.quads_for_pattern(None, None, None, ox.NamedNode(name))

    def dump_graph(self, name: str, output: IO[bytes], *, format: ox.RdfFormat, prefixes: Mapping[str, str]) -> None:
        """Serialize graph ``name`` into ``output`` (oxigraph's own writer)."""
        try:
            self._open().dump(output, format, from_graph=ox.NamedNode(name), prefixes=dict(prefixes))
        except OSError as error:
            raise StoreError(f"could not read graph {name} from the store in {self.path}: {error}") from error

    def dataset(self, *, kinds: Iterable[GraphKind] = ARTICLES_ONLY) -> Dataset:
        """An in-memory rdflib copy of the graphs of ``kinds`` (default: article graphs)."""
        dataset = Dataset()
        for quad in self.quads(kinds=kinds):
            graph = dataset.graph(URIRef(quad.graph_name.value))
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        return dataset

    def query(self, sparql: str, *, bindings: Mapping[str, Identifier | OxTerm] | None = None) -> OxResult:
        """Run a SPARQL query; ``bindings`` replace variables by RDF terms (SEP-0007 substitutions).

        The default graph is the union graph (article facts, each once) plus the ontology.
        """
        substitutions = {ox.Variable(k): _as_ox(v) for k, v in (bindings or {}).items()}
        try:
            return self._open().query(sparql, substitutions=substitutions, **self._default_graph())
        except SyntaxError as error:
            raise QueryError(f"the SPARQL query does not parse: {error}") from error
        except OSError as error:
            raise StoreError(f"could not read the store in {self.path}: {error}") from error
        except (RuntimeError, ValueError) as error:
            raise QueryError(f"the SPARQL query cannot run: {error}") from error

    def _default_graph(self) -> dict[str, object]:
        return {"default_graph": [ox.NamedNode(UNION_GRAPH), ox.NamedNode(ONTOLOGY_GRAPH)]}


def _as_ox(term: Identifier | OxTerm) -> OxTerm:
    return term if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal) else to_oxigraph(term)


def _writable_kind(name: str) -> GraphKind:
    kind = kind_of(name)
    if kind is GraphKind.UNION:
        raise UsageError(f"{UNION_GRAPH} is maintained by the store itself: write article graphs instead")
    return kind


def to_ntriples(graph: Iterable[tuple[Identifier, Identifier, Identifier]]) -> bytes:
    """The triples of ``graph`` as N-Triples, one statement per line (a newline in a literal is escaped).

    The form article graphs travel in from the workers: bytes cost nothing to
    unpickle, where rdflib terms took longer than writing them to the store.
    """
    nodes: dict[URIRef, ox.NamedNode] = {}
    triples = (ox.Triple(_node(s, nodes), _node(p, nodes), _node(o, nodes)) for s, p, o in graph)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def _as_nquads(name: str, text: bytes) -> bytes:
    """N-Triples ``text`` as the N-Quads of graph ``name`` (article triples go to the union too)."""
    targets = [str(ox.NamedNode(name))]
    if _writable_kind(name) is GraphKind.ARTICLE:
        targets.append(_UNION)
    return b"".join(text.replace(b" .\n", f" {target} .\n".encode()) for target in targets)


def _node(term: Identifier, nodes: dict[URIRef, ox.NamedNode]) -> OxTerm:
    # Predicates, classes and an article's own nodes recur: make each pyoxigraph node once.
    if type(term) is not URIRef:
        return to_oxigraph(term)
    node = nodes.get(term)
    if node is None:
        node = nodes[term] = ox.NamedNode(term)
    return node


def _replace_operations(name: str, text: bytes, *, existing: bool = True) -> list[str]:
    kind = _writable_kind(name)
    target = str(ox.NamedNode(name))
    article = kind is GraphKind.ARTICLE
    operations = [_UNION_FORGET.format(graph=target)] if article and existing else []
    operations.append(f"DROP SILENT GRAPH {target}")
    if text:
        # N-Triples statements are SPARQL triples as they are.
        body = text.decode("utf-8")
        into = [target, _UNION] if article else [target]
        operations.append("INSERT DATA { " + " ".join(f"GRAPH {g} {{\n{body}\n}}" for g in into) + " }")
    return operations


_UNION = f"<{UNION_GRAPH}>"
# Before an article graph is dropped, take out of the union the triples no
# other article graph states.
_UNION_FORGET = (
    "DELETE {{ GRAPH " + _UNION + " {{ ?s ?p ?o }} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
    "FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {graph} && ?other != " + _UNION
    + " && ?other != <" + ONTOLOGY_GRAPH + "> && !STRENDS(STR(?other), \"" + QUARANTINE_SUFFIX + "\")) }} }}"
)


def store_path(out_dir: Path) -> Path:
    return Path(out_dir) / STORE_DIR


def open_store(out_dir: Path | str, *, create: bool = False, read_only: bool = False) -> GraphStore:
    """Open the store of the build in ``out_dir`` (it lives in ``out_dir/store/``).

    ``create`` makes it when missing; ``read_only`` opens it without taking the
    write lock (pyoxigraph: undefined if another process writes meanwhile).
    """
    if create and read_only:
        raise UsageError("open_store: create=True and read_only=True exclude each other")
    out_dir = Path(out_dir)
    path = store_path(out_dir)
    if not (path / "CURRENT").exists() and not create:
        raise StoreError(f"no store in {out_dir}/: run `newsgraph build ... --out {out_dir}/` first")
    try:
        if create:
            path.mkdir(parents=True, exist_ok=True)
        store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as error:
        raise StoreError(_open_problem(path, error)) from error
    return GraphStore(store, path=path, read_only=read_only)


def _open_problem(path: Path, error: OSError) -> str:
    if "lock" in str(error).lower():
        return (f"the store in {path} is in use by another process (a build or `newsgraph serve`?): "
                f"wait for it to finish, or open it read-only")
    return f"cannot open the store in {path}: {error}"
