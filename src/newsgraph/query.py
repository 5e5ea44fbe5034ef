"""Questions to the graph: the SPARQL library in ``queries/*.rq`` and free SPARQL.

Each library query starts with a header of comment lines::

    # name: meetings-of
    # answers: the meetings a person took part in ...
    # param: person (person) — a person's name, matched on labels ...
    # lists: with, articles

A query ends with ``ORDER BY`` over projected variables (``?x`` or
``DESC(?x)``), so the file gives the same rows in any SPARQL store; ``ask``
runs it without that clause and sorts the rows here in SPARQL's order
(unbound, blank nodes, IRIs, then literals, numbers by value). Oxigraph
compares IRIs by reading their text from disk at each comparison: sorting
7,661 meetings by IRI took 1.2 s of a 1.8 s who-met-where; sorting here, 0.03 s.

``param: NAME (KIND) — description`` declares a variable ``?NAME`` that the
query projects; ``KIND`` (person, state, place, node) says which nodes a name
may designate. ``lists`` names columns built with GROUP_CONCAT and the
separator U+001F; their items are sorted here (SPARQL leaves GROUP_CONCAT
order to the engine) and joined with "; ".

A ``# parallel`` comment line inside the outer WHERE cuts a query of the
form ``SELECT ?vars WHERE { key-pattern OPTIONAL {...} ... }`` into sections
that ``ask`` runs at once, each in its own thread, joining their rows on the
key pattern's variables: oxigraph evaluates a query on one core, and releases
the GIL while it does. Each thread also turns its rows into text, and the
first sorts them, so that Python work overlaps the slower sections; hence a
cut query takes no params and binds every ORDER BY column before the first
cut. A section after a cut may give a list one item per row rather than
GROUP_CONCAT it (who-met-where's provenance: a fifth less of the store's
time): ``ask`` unites the items of that section's rows that differ only in
list columns. The file stays one query that any store can run; there, such
a list comes one item per row.

User text is never pasted into a query. A name is folded (anyascii + lower
case, so "Cavusoglu" finds "Çavuşoğlu") and compared in Python against the labels of
the candidate nodes; the matching node IRIs are then bound as RDF terms with
pyoxigraph substitutions. A name that matches nothing gives no rows.

``ask`` and ``run_sparql`` take anything with ``query(sparql, *, bindings=)``:
the embedded ``GraphStore`` or a remote endpoint (``newsgraph.gsp.RemoteEndpoint``,
which binds the same terms through a VALUES block).
"""

from __future__ import annotations

import csv
import gc
import io
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from operator import itemgetter
from importlib import resources
from typing import Protocol, TypeVar

import pyoxigraph as ox
from anyascii import anyascii

from newsgraph.errors import QueryError, StoreError
from newsgraph.store import OxTerm

LIST_SEPARATOR = "\u001f"
LIST_JOINER = "; "
SPARQL_QUERY_NAME = "sparql"
# A node no graph holds: bound when a name matches nothing, so the query still
# runs and reports its columns with no rows.
NO_MATCH = ox.NamedNode("urn:newsgraph:no-match")

T = TypeVar("T")

_NG = "https://w3id.org/newsgraph/ontology#"
_SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"


class ParamKind(StrEnum):
    """Which nodes a parameter's name may designate."""

    PERSON = "person"
    STATE = "state"
    PLACE = "place"
    NODE = "node"


_CLASS_OF = {
    ParamKind.PERSON: ox.NamedNode(_NG + "Person"),
    ParamKind.STATE: ox.NamedNode(_NG + "State"),
    ParamKind.PLACE: ox.NamedNode(_SEM + "Place"),
}

# The labels come from a sub-select so oxigraph hash-joins them with the typed nodes
# instead of seeking each node's labels (3x faster with 18,000 persons).
_LABELS_OF_CLASS = """
SELECT DISTINCT ?class ?node ?label WHERE {
  ?node a ?class .
  { SELECT ?node ?label WHERE {
      ?node <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#altLabel> ?label } }
}"""
_LABELS_OF_ANY = """
SELECT DISTINCT ?node ?label WHERE {
  ?node <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#altLabel> ?label .
}"""
_IS_SUBJECT = "SELECT ?node WHERE { ?node ?p ?o } LIMIT 1"


class Queryable(Protocol):
    """Where queries run: a ``GraphStore`` or a ``RemoteEndpoint``.

    ``query`` returns pyoxigraph solutions or a boolean; a graph result may
    also be any iterable of ``ox.Triple``.
    """

    def query(self, sparql: str, *, bindings: Mapping[str, OxTerm] | None = None) -> object: ...


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    kind: ParamKind
    description: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class OrderKey:
    column: str
    descending: bool = False


@dataclass(frozen=True, slots=True)
class QueryInfo:
    name: str
    description: str
    params: tuple[Param, ...]
    lists: tuple[str, ...]
    text: str  # the file as it is
    body: str  # the text without its final ORDER BY, which ``order`` holds
    order: tuple[OrderKey, ...]
    sections: Sections | None = None  # the body cut where it says ``# parallel``


@dataclass(frozen=True, slots=True)
class Sections:
    """A SELECT whose WHERE is a pattern giving each ``key`` once, then OPTIONAL groups, cut into sections
    that read only ``key`` in common: each runs as its own query, in its own thread, and their rows are
    joined on ``key`` (oxigraph evaluates one query on one core and releases the GIL meanwhile)."""

    columns: tuple[str, ...]  # the outer SELECT's, in its order
    key: tuple[str, ...]
    queries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    """Rows of plain strings (None where a value is unbound), in a stable order.

    ``to_json`` schema (stable)::

        {"query": "<query name, or 'sparql'>",
         "columns": ["<column>", ...],
         "rows": [{"<column>": "<value>" or null, ...}, ...]}
    """

    query: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]

    def to_table(self, *, max_width: int = 60) -> str:
        """An aligned table for reading; cells longer than ``max_width`` are cut (JSON and CSV keep them whole)."""
        cells = [list(self.columns)] + [[_cell(v, max_width) for v in row] for row in self.rows]
        widths = [max(len(r[i]) for r in cells) for i in range(len(self.columns))]
        lines = [_table_line(r, widths) for r in cells]
        lines.insert(1, _table_line(["-" * w for w in widths], widths))
        summary = f"({len(self.rows)} row{'' if len(self.rows) == 1 else 's'})"
        return "\n".join(lines + [summary]) + "\n"

    def to_json(self) -> str:
        rows = [dict(zip(self.columns, row)) for row in self.rows]
        data = {"query": self.query, "columns": list(self.columns), "rows": rows}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows([["" if v is None else v for v in row] for row in self.rows])
        return out.getvalue()


def _cell(value: str | None, max_width: int) -> str:
    text = "" if value is None else " ".join(value.split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def _table_line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


# -- the library ---------------------------------------------------------------

def list_queries() -> list[QueryInfo]:
    """The library queries, sorted by name."""
    return list(_library().values())


@cache
def _library() -> dict[str, QueryInfo]:
    folder = resources.files("newsgraph") / "queries"
    infos = [parse_query(f.read_text(encoding="utf-8"), source=f.name)
             for f in folder.iterdir() if f.name.endswith(".rq")]
    return {info.name: info for info in sorted(infos, key=lambda i: i.name)}


_HEADER = re.compile(r"^#\s*(name|answers|param|lists):\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s*\((\w+)\)\s*(?:—|-)\s*(.+)$")


def parse_query(text: str, *, source: str) -> QueryInfo:
    """A library query's header, checked: a broken file is reported by name."""
    fields: dict[str, list[str]] = {}
    for line in itertools.takewhile(lambda l: l.startswith("#"), text.splitlines()):
        if match := _HEADER.match(line):
            fields.setdefault(match[1], []).append(match[2])
    if not fields.get("name") or not fields.get("answers"):
        raise QueryError(f"{source}: the header needs `# name:` and `# answers:` lines")
    params = tuple(_parse_param(p, source) for p in fields.get("param", []))
    lists = tuple(c.strip() for line in fields.get("lists", []) for c in line.split(",") if c.strip())
    body, order = _split_order(text)
    sections = _sections(body, source, params=params, order=order)
    return QueryInfo(fields["name"][0], fields["answers"][0], params, lists, text, body, order, sections)


_PARALLEL = re.compile(r"^[ \t]*# parallel\b.*$", re.MULTILINE)
_SELECT_WHERE = re.compile(r"\bSELECT\b(.*?)\bWHERE\s*\{", re.IGNORECASE | re.DOTALL)


def _sections(body: str, source: str, *, params: tuple[Param, ...], order: tuple[OrderKey, ...]) -> Sections | None:
    """The body's sections, cut at ``# parallel`` lines inside its outer WHERE; None when it has none.

    The first section holds the key pattern (what comes before its first OPTIONAL) and OPTIONAL groups, among
    them every ORDER BY column; each later one, OPTIONAL groups only. Each section runs as
    ``SELECT * WHERE { key-pattern groups }``. A query with params is not cut.
    """
    head, *rest = [_without_comments(part) for part in _PARALLEL.split(body)]
    if not rest:
        return None
    select = _SELECT_WHERE.search(head)
    first_optional = head.find("OPTIONAL", select.end()) if select else -1
    rest[-1] = rest[-1].rstrip()
    if first_optional < 0 or not rest[-1].endswith("}") or "(" in select[1] or "*" in select[1]:
        raise QueryError(f"{source}: `# parallel` cuts a SELECT of plain variables whose WHERE is a pattern, "
                         "then OPTIONAL groups; this query is not one")
    rest[-1] = rest[-1][:-1]  # the outer WHERE's closing brace
    prologue, pattern = head[: select.start()], head[select.end(): first_optional]
    groups = [head[first_optional:], *rest]
    if params:
        raise QueryError(f"{source}: `# parallel` cuts only a query without `# param` lines; remove one or the other")
    if unsorted := [k.column for k in order if not re.search(rf"\?{k.column}\b", pattern + groups[0])]:
        raise QueryError(f"{source}: `# parallel`: ORDER BY ?{unsorted[0]} must be bound before the first cut "
                         "(each section is sorted and joined on its own); move its OPTIONAL group above the cut")
    return Sections(columns=tuple(re.findall(r"\?(\w+)", select[1])),
                    key=tuple(dict.fromkeys(re.findall(r"\?(\w+)", pattern))),
                    queries=tuple(f"{prologue}SELECT * WHERE {{{pattern}{g}}}" for g in groups))


def _without_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


_ORDER_KEY = re.compile(r"(ASC|DESC)\(\s*\?(\w+)\s*\)|\?(\w+)", re.IGNORECASE)
_FINAL_ORDER = re.compile(rf"\bORDER\s+BY((?:\s+(?:{_ORDER_KEY.pattern}))+)\s*$", re.IGNORECASE)


def _split_order(text: str) -> tuple[str, tuple[OrderKey, ...]]:
    """The text without a final ORDER BY over projected variables, and that clause's keys.

    Any other solution modifier (LIMIT, an expression, a variable not
    projected) stays in the query, for the store to apply.
    """
    match = _FINAL_ORDER.search(text)
    if match is None:
        return text, ()
    keys = tuple(OrderKey(inner or plain, direction.upper() == "DESC")
                 for direction, inner, plain in _ORDER_KEY.findall(match[1]))
    projected = _projected(text)
    if projected is not None and any(key.column not in projected for key in keys):
        return text, ()
    return text[: match.start()], keys


_PROJECTION = re.compile(r"\bSELECT\b(.*?)\bWHERE\b", re.IGNORECASE | re.DOTALL)
_INNERMOST_PARENS = re.compile(r"\([^()]*\)")


def _projected(text: str) -> set[str] | None:
    """The variables the outer SELECT projects; None for ``SELECT *``."""
    match = _PROJECTION.search(_without_comments(text))
    clause = match[1] if match else ""
    named = set(re.findall(r"\bAS\s+\?(\w+)", clause, re.IGNORECASE))
    while (flat := _INNERMOST_PARENS.sub(" ", clause)) != clause:
        clause = flat  # drop expressions, innermost first: their variables are not projected
    if "*" in clause:
        return None
    return named | set(re.findall(r"\?(\w+)", clause))


def _parse_param(line: str, source: str) -> Param:
    match = _PARAM.match(line)
    kinds = ", ".join(ParamKind)
    if not match or match[2] not in ParamKind.__members__.values():
        raise QueryError(f"{source}: `# param: {line}` should read `# param: NAME (KIND) — description`, KIND one of {kinds}")
    return Param(match[1], ParamKind(match[2]), match[3])


def _info(name: str) -> QueryInfo:
    library = _library()
    if name not in library:
        raise QueryError(f"no query named {name!r}; the library has: {', '.join(library)}")
    return library[name]


# -- asking --------------------------------------------------------------------

def ask(store: Queryable, name: str, *, params: Mapping[str, str] | None = None) -> Answer:
    """Run library query ``name`` with ``params`` (names or IRIs, never SPARQL)."""
    info = _info(name)
    given = _check_params(info, dict(params or {}))
    with _cyclic_gc_paused():
        columns, rows = _section_rows(store, info) if info.sections else _rows(store, info, given)
    keep = [i for i, c in enumerate(columns) if c not in given]
    return Answer(query=name, columns=tuple(columns[i] for i in keep),
                  rows=tuple(tuple(row[i] for i in keep) for row in rows) if given else tuple(rows))


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Rows are tuples of strings, which make no reference cycles; while thousands are made, Python's cycle
    collector would pass over every object the process holds again and again (who-met-where on 1M triples:
    20 ms of 260 in a fresh process, about 100 ms in one that also holds a large rdflib graph)."""
    paused_here = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused_here:
            gc.enable()


def _rows(store: Queryable, info: QueryInfo,
          given: dict[str, str]) -> tuple[tuple[str, ...], Iterable[tuple[str | None, ...]]]:
    """The query's rows as text (lists sorted), once each, in ORDER BY order, over every choice of nodes for its params."""
    choices = [_nodes_for(store, p, given[p.name]) for p in info.params]
    columns: tuple[str, ...] = ()
    rows: list[tuple[str, ...]] = []
    for combination in itertools.product(*choices):
        bindings = {p.name: node for p, node in zip(info.params, combination)}
        columns, found = _cells(store.query(info.body, bindings=bindings))
        rows.extend(found)
    ordered = sort_rows(rows, columns, info.order)
    return columns, dict.fromkeys(_texts(ordered, columns, info))  # an ordered set


def _section_rows(store: Queryable, info: QueryInfo) -> tuple[tuple[str, ...], Iterable[tuple[str | None, ...]]]:
    """``_rows`` of a query cut into sections (it has no params): each thread also converts its own rows, and
    the first sorts them, so that this Python work overlaps the evaluation of the slower sections."""
    sections = info.sections

    def run(number: int) -> tuple[tuple[str, ...], list[tuple[str | None, ...]]]:
        columns, rows = _cells(store.query(sections.queries[number]))
        if number == 0:  # it holds every ORDER BY column (checked when parsed), and the join keeps its order
            rows = sort_rows(rows, columns, info.order)
        return columns, _texts(rows, columns, info, unite=number > 0)

    with ThreadPoolExecutor(max_workers=len(sections.queries)) as pool:
        parts = list(pool.map(run, range(len(sections.queries))))
    return sections.columns, dict.fromkeys(_joined(parts, sections))


def _texts(cells: Iterable[tuple[str, ...]], columns: tuple[str, ...], info: QueryInfo, *,
           unite: bool = False) -> list[tuple[str | None, ...]]:
    """The rows as text, in order, list items sorted and joined; with ``unite``, rows that differ only in list
    columns become the first of them, holding the items of all."""
    rows = [list(map(_cell_text, row)) for row in cells]  # map: a fifth faster than a generator
    lists = [i for i, c in enumerate(columns) if c in info.lists]
    if unite and lists:
        rows = _united(rows, lists, len(columns))
    for row in rows:
        for i in lists:
            row[i] = _list_value(row[i])
    return [tuple(row) for row in rows]


def _united(rows: list[list[str | None]], lists: list[int], width: int) -> list[list[str | None]]:
    rest = [i for i in range(width) if i not in lists]
    others = itemgetter(*rest) if rest else lambda row: ()
    united: dict[object, list[str | None]] = {}
    for row in rows:
        first = united.setdefault(others(row), row)
        if first is not row:
            for i in lists:
                first[i] = LIST_SEPARATOR.join(filter(None, (first[i], row[i]))) or None
    return list(united.values())


def _joined(parts: list[tuple[tuple[str, ...], list[tuple]]], sections: Sections) -> list[tuple]:
    """The sections' rows joined on the key, in the first section's row order: what the whole query gives."""
    (first_columns, rows), *later = parts
    key_of = _key_getter(first_columns, sections.key)  # the first section's columns lead every joined row
    for columns, section_rows in later:
        table: dict[object, list[tuple]] = {}
        for row, key in zip(section_rows, map(_key_getter(columns, sections.key), section_rows)):
            table.setdefault(key, []).append(row)
        rows = [row + other for row in rows for other in table[key_of(row)]]
    # Each column from the first section that has it (the key: from the first), picked out of the sections'
    # rows laid end to end.
    where = [next((n, columns.index(c)) for n, (columns, _) in enumerate(parts) if c in columns) for c in sections.columns]
    starts = [0, *itertools.accumulate(len(columns) for columns, _ in parts)]
    positions = [starts[n] + i for n, i in where]
    pick = itemgetter(*positions) if len(positions) > 1 else lambda row: (row[positions[0]],)
    return list(map(pick, rows))


def _key_getter(columns: tuple[str, ...], key: tuple[str, ...]) -> Callable[[tuple], object]:
    return itemgetter(*(columns.index(k) for k in key))


def _check_params(info: QueryInfo, given: dict[str, str]) -> dict[str, str]:
    expected = [p.name for p in info.params]
    usage = " ".join(f"--param {p}=..." for p in expected) or "no parameters"
    unknown = sorted(set(given) - set(expected))
    missing = [p for p in expected if p not in given]
    if unknown:
        raise QueryError(f"{info.name} takes {usage}; unknown parameter(s): {', '.join(unknown)}")
    if missing:
        raise QueryError(f"{info.name} takes {usage}; missing: {', '.join(missing)}")
    return given


def _list_value(value: str | None) -> str | None:
    if value is None or LIST_SEPARATOR not in value:
        return value  # no item or one: nothing to sort
    items = sorted({i for i in value.split(LIST_SEPARATOR) if i}, key=_list_order)
    return LIST_JOINER.join(items)


@lru_cache(maxsize=65536)
def _list_order(item: str) -> tuple[str, str]:
    # Cached: the same names recur across thousands of rows of a large answer.
    return fold(item), item


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name: "Çavuşoğlu" -> "cavusoglu"."""
    return " ".join(anyascii(text).lower().split())


def find_nodes(store: Queryable, name: str, *, kind: ParamKind) -> list[ox.NamedNode]:
    """Nodes of ``kind`` whose label or alt label folds to the same text as ``name``, sorted."""
    wanted = fold(name)
    if not wanted:
        return []
    found = {solution["node"].value for solution in _label_solutions(store, kind)
             if fold(solution["label"].value) == wanted and isinstance(solution["node"], ox.NamedNode)}
    if kind is ParamKind.NODE and _is_subject(store, name):
        found.add(name)
    return [ox.NamedNode(v) for v in sorted(found)]


def _label_solutions(store: Queryable, kind: ParamKind) -> Iterable[ox.QuerySolution]:
    if kind is ParamKind.NODE:
        return store.query(_LABELS_OF_ANY)
    return store.query(_LABELS_OF_CLASS, bindings={"class": _CLASS_OF[kind]})


def _is_subject(store: Queryable, text: str) -> bool:
    """Whether ``text`` is the IRI of a node with statements (bound as a term, never pasted)."""
    try:
        node = ox.NamedNode(text.strip())
    except ValueError:
        return False
    return any(True for _ in store.query(_IS_SUBJECT, bindings={"node": node}))


def _nodes_for(store: Queryable, param: Param, value: str) -> list[ox.NamedNode]:
    return find_nodes(store, value, kind=param.kind) or [NO_MATCH]


# -- free SPARQL ---------------------------------------------------------------

def run_sparql(store: Queryable, text: str) -> Answer:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the store."""
    result = store.query(text)
    columns, rows = _collect(result)
    return Answer(SPARQL_QUERY_NAME, columns, rows)


def _collect(result: object) -> tuple[tuple[str, ...], tuple[tuple[str | None, ...], ...]]:
    if isinstance(result, ox.QueryBoolean):
        return ("answer",), ((str(bool(result)).lower(),),)
    if not isinstance(result, ox.QuerySolutions):  # CONSTRUCT / DESCRIBE: triples
        triples = _evaluate(lambda: [tuple(_text(t) for t in triple) for triple in result])
        return ("subject", "predicate", "object"), tuple(sorted(set(triples)))  # a graph is a set
    return _select(result)


def _select(result: ox.QuerySolutions) -> tuple[tuple[str, ...], tuple[tuple[str | None, ...], ...]]:
    columns, rows = _cells(result)
    return columns, tuple(tuple(map(_cell_text, row)) for row in rows)


def _cells(result: ox.QuerySolutions) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The solutions as SPARQL TSV cells: N-Triples terms, "" where unbound.

    The store writes TSV without holding the GIL (so the sections' threads overlap), and splitting it and
    reading the cells' text takes a third of the time of building pyoxigraph terms and reading their values
    (who-met-where on 1M triples: 27-37 -> 13 ms a section).
    """
    data = _evaluate(lambda: result.serialize(format=ox.QueryResultsFormat.TSV)).decode()
    # "\n" ends every line; not splitlines(): TSV escapes newlines in literals, not U+2028 or U+001C-U+001E.
    header, *lines = data.split("\n")[:-1]
    if not header:  # no columns: each line is an empty solution
        return (), [()] * len(lines)
    return tuple(name[1:] for name in header.split("\t")), [tuple(line.split("\t")) for line in lines]


def sort_rows(rows: list[tuple[str, ...]], columns: tuple[str, ...],
              order: tuple[OrderKey, ...]) -> list[tuple[str, ...]]:
    """Rows of TSV cells in SPARQL ORDER BY order over ``order``'s columns (ties keep their order)."""
    ordered = list(rows)
    for key in reversed(order):  # stable sorts, last key first
        if key.column not in columns:
            continue  # unbound in every row: no effect on the order
        index = columns.index(key.column)
        ordered.sort(key=lambda row: _cell_order(row[index]), reverse=key.descending)
    return ordered


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = frozenset(_XSD + t for t in (
    "integer", "decimal", "float", "double", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong"))
_BARE_BOOLEANS = frozenset({"true", "false"})


def _cell_order(cell: str) -> tuple:
    """SPARQL 1.1 §15.1: unbound, blank nodes, IRIs, literals; numbers compare by value."""
    if not cell:
        return (0,)
    if cell.startswith("_:"):
        return (1, cell[2:])
    if cell.startswith("<<"):
        return (4, cell)
    if cell[0] == "<":
        return (2, cell[1:-1])
    if cell[0] != '"':  # a number or a boolean, written bare
        return (3, 1, cell, _XSD + "boolean") if cell in _BARE_BOOLEANS else (3, 0, float(cell), cell)
    end = cell.rindex('"')
    value, suffix = _unescaped(cell[1:end]), cell[end + 1:]
    kind = suffix[3:-1] if suffix.startswith("^^") else suffix[1:] or _XSD + "string"
    if kind in _NUMERIC:
        try:
            return (3, 0, float(value), value)
        except ValueError:
            pass  # an ill-typed number sorts with the other literals
    return (3, 1, value, kind)


def _cell_text(cell: str) -> str | None:
    """A TSV cell's value: an IRI's or a literal's text, a blank node as ``_:id``, None where unbound."""
    first = cell[:1]
    if first == '"':
        return _unescaped(cell[1:cell.rindex('"')])
    if first == "<" and not cell.startswith("<<"):
        return cell[1:-1]
    return cell or None  # a blank node, a bare number or boolean, a quoted triple: as written


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescaped(text: str) -> str:
    """An N-Triples string's text (ECHAR and UCHAR escapes)."""
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text


def _unescape(match: re.Match[str]) -> str:
    code = match[1] or match[2]
    return chr(int(code, 16)) if code else _ESCAPED[match[3]]


def _evaluate(run: Callable[[], T]) -> T:
    # Results are lazy: evaluation errors surface while iterating.
    try:
        return run()
    except OSError as error:
        raise StoreError(f"could not read the store: {error}") from error
    except (RuntimeError, ValueError) as error:
        raise QueryError(f"the query failed while running: {error}") from error


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """A term of a CONSTRUCT or DESCRIBE answer as text."""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value
