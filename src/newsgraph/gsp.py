"""Remote triple stores over HTTP: load with the SPARQL 1.1 Graph Store Protocol, query with the SPARQL Protocol.

``load`` PUTs each article graph (and the ontology graph) to
``ENDPOINT?graph=IRI`` (indirect graph identification) as N-Triples. PUT
replaces the graph, so loading again after a rebuild leaves no stale facts.
Quarantine graphs stay home: a remote store gets what queries see locally.

Addresses of the Graph Store Protocol service (not the query service):
Oxigraph ``http://HOST:7878/store``, Fuseki ``http://HOST:3030/DATASET/data``,
GraphDB ``http://HOST:7200/repositories/REPO/rdf-graphs/service``, Virtuoso
``http://HOST:8890/sparql-graph-crud-auth``.

``RemoteEndpoint`` runs library queries and free SPARQL on a query service.
Parameters arrive as RDF terms (IRIs found by a label lookup, never user
text) and are bound with a trailing VALUES block, which SPARQL joins before
ORDER BY and LIMIT, so the rows equal those of pyoxigraph's substitutions.
"""

from __future__ import annotations

import base64
import http.client
import itertools
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox

from newsgraph.errors import QueryError, StoreError
from newsgraph.store import ONTOLOGY_GRAPH, UNION_GRAPH, GraphKind, GraphStore, OxTerm

Auth = tuple[str, str]
# Graphs a remote store receives: facts and the ontology (role labels live there).
# The union graph goes too: it holds each fact once, so remote queries can use it as their default graph.
LOADED_KINDS = frozenset({GraphKind.ARTICLE, GraphKind.ONTOLOGY, GraphKind.UNION})
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_TRANSIENT = (urllib.error.URLError, ConnectionError, TimeoutError, http.client.HTTPException)
_MAX_WAIT = 30.0
_RESULTS_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"


@dataclass(frozen=True, slots=True)
class LoadResult:
    graphs: int
    triples: int


@dataclass(frozen=True, slots=True)
class _Http:
    """One HTTP client policy: credentials, timeout, retries with exponential backoff."""

    auth: Auth | None = field(default=None, repr=False)
    retries: int = 3
    timeout: float = 30
    backoff: float = 0.5

    def send(self, method: str, url: str, body: bytes, headers: Mapping[str, str]) -> tuple[str, bytes]:
        """The response's content type and body; StoreError when refused or unreachable."""
        for attempt in itertools.count():
            try:
                with urllib.request.urlopen(self._request(method, url, body, headers), timeout=self.timeout) as reply:
                    return reply.headers.get_content_type(), reply.read()
            except urllib.error.HTTPError as error:
                if error.code not in _RETRY_STATUS or attempt >= self.retries:
                    raise _refusal(method, url, error) from error
                time.sleep(_wait(error, attempt, self.backoff))
            except _TRANSIENT as error:
                if attempt >= self.retries:
                    raise StoreError(f"cannot reach {url} after {attempt + 1} attempts ({_reason(error)}): "
                                     f"is the server running, and is the address right?") from error
                time.sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _request(self, method: str, url: str, body: bytes, headers: Mapping[str, str]) -> urllib.request.Request:
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
        if self.auth is not None:
            token = base64.b64encode(f"{self.auth[0]}:{self.auth[1]}".encode()).decode("ascii")
            request.add_header("Authorization", f"Basic {token}")
        return request


def _wait(error: urllib.error.HTTPError, attempt: int, backoff: float) -> float:
    after = error.headers.get("Retry-After", "") if error.headers else ""
    return min(float(after), _MAX_WAIT) if after.isdigit() else backoff * 2 ** attempt


def _reason(error: Exception) -> str:
    return str(getattr(error, "reason", None) or error or type(error).__name__)


def _refusal(method: str, url: str, error: urllib.error.HTTPError) -> StoreError:
    said = _excerpt(error)
    if error.code in (401, 403):
        return StoreError(f"the server refused the credentials for {method} {url} (HTTP {error.code}{said}): "
                          f"give a user and password it accepts (newsgraph load --user NAME --password-env VAR), "
                          f"and check the server accepts writes (an `oxigraph serve-read-only` does not)")
    if error.code == 404:
        base = url.split("?", 1)[0]
        return StoreError(f"no Graph Store Protocol at {base} (HTTP 404{said}); for Oxigraph use "
                          f"http://host:port/store, for Fuseki http://host:3030/DATASET/data")
    return StoreError(f"{method} {url} failed: HTTP {error.code} {error.reason}{said}")


def _excerpt(error: urllib.error.HTTPError) -> str:
    try:
        text = error.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""
    return f": {' '.join(text.split())[:200]}" if text else ""


# -- loading -------------------------------------------------------------------

def load(
    store: GraphStore,
    endpoint: str,
    *,
    auth: Auth | None = None,
    retries: int = 3,
    timeout: float = 30,
    backoff: float = 0.5,
    on_progress: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """PUT every article graph, the ontology graph and the union graph of ``store`` to the Graph Store Protocol ``endpoint``.

    ``on_progress(done, total)`` is called after each graph.
    """
    client = _Http(auth, retries, timeout, backoff)
    total = len(store.graph_names(kinds=LOADED_KINDS))
    triples = 0
    for done, (name, body, count) in enumerate(_graph_bodies(store), 1):
        client.send("PUT", graph_url(endpoint, name), body, {"Content-Type": "application/n-triples"})
        triples += count
        if on_progress is not None:
            on_progress(done, total)
    return LoadResult(total, triples)


def graph_url(endpoint: str, name: str) -> str:
    """``endpoint?graph=NAME``, the Graph Store Protocol's indirect identification."""
    joiner = "&" if "?" in endpoint else "?"
    return f"{endpoint}{joiner}{urllib.parse.urlencode({'graph': name})}"


def _graph_bodies(store: GraphStore) -> Iterable[tuple[str, bytes, int]]:
    # One graph in memory at a time; quads() yields each graph's quads together.
    for name, quads in itertools.groupby(store.quads(kinds=LOADED_KINDS), key=lambda q: q.graph_name.value):
        triples = sorted((q.triple for q in quads), key=str)
        yield name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", len(triples)


# -- querying ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RemoteEndpoint:
    """A SPARQL query service, e.g. ``http://127.0.0.1:7878/query`` (Oxigraph) or ``http://host:3030/ds/sparql`` (Fuseki).

    Queries run over ``default_graphs`` (SPARQL 1.1 Protocol ``default-graph-uri``,
    which every server understands): by default the union graph and the
    ontology graph that ``load`` puts there, as ``newsgraph sparql`` does
    locally. Quarantine graphs are never part of it.
    """

    query_url: str
    auth: Auth | None = field(default=None, repr=False, kw_only=True)
    default_graphs: tuple[str, ...] = field(default=(UNION_GRAPH, ONTOLOGY_GRAPH), kw_only=True)
    timeout: float = field(default=30, kw_only=True)
    retries: int = field(default=3, kw_only=True)

    def query(self, sparql: str, *, bindings: Mapping[str, OxTerm] | None = None) -> object:
        """Solutions or a boolean (pyoxigraph types), or a list of ``ox.Triple`` for CONSTRUCT/DESCRIBE."""
        text = sparql + values_block(bindings) if bindings else sparql
        body = urllib.parse.urlencode({"query": text}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": _RESULTS_ACCEPT}
        client = _Http(self.auth, self.retries, self.timeout)
        try:
            kind, data = client.send("POST", self._url(), body, headers)
        except StoreError as error:
            if isinstance(error.__cause__, urllib.error.HTTPError) and error.__cause__.code == 400:
                raise QueryError(f"the server at {self.query_url} rejected the query: {error}") from error
            raise
        return _parse_results(kind, data, self.query_url)

    def _url(self) -> str:
        if not self.default_graphs:
            return self.query_url
        query = urllib.parse.urlencode([("default-graph-uri", g) for g in self.default_graphs])
        return self.query_url + ("&" if "?" in self.query_url else "?") + query


def values_block(bindings: Mapping[str, OxTerm]) -> str:
    """``VALUES (?a ?b) { (<x> "y") }`` from RDF terms; their N-Triples forms are escaped by pyoxigraph."""
    for name, term in bindings.items():
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise QueryError(f"cannot bind ?{name} to {term!r} on a remote endpoint: only IRIs and literals")
        ox.Variable(name)  # rejects a name that is not a SPARQL variable name
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    # On its own line: the query may end with a comment.
    return f"\nVALUES ({names}) {{ ({terms}) }}\n"


def _parse_results(kind: str, data: bytes, url: str) -> object:
    formats = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
               "application/sparql-results+xml": ox.QueryResultsFormat.XML,
               "text/tab-separated-values": ox.QueryResultsFormat.TSV}
    graphs = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}
    try:
        if kind in formats:
            return ox.parse_query_results(data, format=formats[kind])
        if kind in graphs:
            return [quad.triple for quad in ox.parse(data, format=graphs[kind])]
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"the answer of {url} does not parse as {kind}: {error}") from error
    raise StoreError(f"{url} answered with {kind or 'no content type'}, not SPARQL results: is it a SPARQL query service?")
