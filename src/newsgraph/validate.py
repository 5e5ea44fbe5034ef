"""Validate a graph against the SHACL shapes in ``shapes/`` and quarantine what fails.

Conformance here means *no Violation*: Warnings (and Infos) are reported but
do not make a graph non-conforming, because they flag what is only suspicious
(a date without a year, a mention whose text and offsets disagree), not what
makes an answer wrong. The report graph's ``sh:conforms`` follows the same
rule (pySHACL's ``allow_warnings``).

A Dataset is validated one named graph at a time (one article each), with the
ontology mixed in so ``sh:class`` sees the class hierarchy and the role
concepts; a plain Graph is validated as one unit. The shapes and the ontology
are parsed once per process.

Two engines give the same report: pySHACL (the reference) and pyshacl-turbo
(a Rust engine with pySHACL's API, faster on large graphs). Before its first
use, pyshacl-turbo is made to prove that it runs SHACL-SPARQL constraints, so
a version that ignored them could never report "conforms" for a graph that
breaks one (tests/test_engines.py checks every shape case under both).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache, partial
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from newsgraph.errors import InputError, Problem, UsageError
from newsgraph.namespace import NG, NIF, PROV
from newsgraph.rdf import TripleList
from newsgraph.resources import resource_files

# Graphs per screening call, and triples. Each call reads the ontology (436 triples) again; since the
# provenance rules test the article inside FILTER EXISTS, a call's cost grows with its size, no faster:
# 1,000 news-68k article graphs took 1.02-1.04 s in calls of 64 graphs, 1.14-1.18 s in calls of 16.
SCREEN_SIZE = 64
SCREEN_TRIPLES = 4000

# The screen checks these in Python (`_passes_python_checks`), not in pyshacl-turbo: the SPARQL constraints
# ran as three queries per mention (0.55 of 2.06 s on 2,000 news-68k article graphs); MentionShape took
# 1.14 of the 2.99 s the rest took on 3,409 such graphs, EntityShape and EntityProvenanceShape 0.79 s more.
_SHAPES = Namespace("https://w3id.org/newsgraph/shapes#")
SCREENED_IN_PYTHON = (_SHAPES.MentionLength, _SHAPES.MentionText, _SHAPES.MentionIri)  # SPARQL constraints
SCREENED_SHAPES_IN_PYTHON = (_SHAPES.MentionShape, _SHAPES.EntityProvenanceShape)  # whole shapes
# EntityShape's own parts; its EntityLink (a warning on few values) stays with pyshacl-turbo.
SCREENED_PARTS_IN_PYTHON = ((_SHAPES.EntityShape, SH.xone, None), (_SHAPES.EntityShape, SH.property, _SHAPES.EntityLabel),
                            (_SHAPES.EntityShape, SH.property, _SHAPES.EntityAltLabel))  # triples to remove
_ENTITY_KINDS = (NG.Person, NG.State, NG.Organization, NG.Place)  # EntityShape's targets and its sh:xone
# Read by no shape pyshacl-turbo screens with (tests/test_screen.py keeps this true), so left out of its
# input: a quarter of an article graph's triples.
SCREEN_UNREAD = frozenset({NIF.beginIndex, NIF.endIndex, NIF.anchorOf})
_INTEGERS = frozenset({XSD.integer, XSD.nonNegativeInteger, XSD.int, XSD.long})
_OFFSET_TYPES = frozenset({XSD.integer, XSD.nonNegativeInteger})  # MentionBegin's and MentionEnd's sh:or

_CHAR = re.compile(r"#char=(\d+),(\d+)$")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml"}


class Engine(StrEnum):
    """The SHACL engine that validates; both give the same results on newsgraph's shapes."""

    PYSHACL = "pyshacl"
    TURBO = "turbo"


class Severity(StrEnum):
    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"

    @classmethod
    def from_iri(cls, iri: Node | None) -> Severity:
        name = str(iri).rpartition("#")[2] if iri is not None else "Violation"
        return cls(name) if name in cls._value2member_map_ else cls.VIOLATION


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One SHACL result, with what a reader needs to find the fact in its text.

    ``shape`` is the shape that failed; ``constraint`` the SHACL-SPARQL
    constraint or, for core constraints, the constraint component.
    ``graph`` is the named graph (article) the result was found in, None for
    a plain Graph.
    """

    focus: Node
    path: Node | None
    value: Node | None
    severity: Severity
    message: str
    shape: Node
    article: str | None = None
    sentence: str | None = None
    constraint: Node | None = None
    label: str | None = None
    graph: URIRef | None = None

    @property
    def rule(self) -> str:
        """The rule's name: the SHACL-SPARQL constraint's, else the shape's (e.g. ``MeetingParticipants``)."""
        if isinstance(self.constraint, URIRef) and not str(self.constraint).startswith(str(SH)):
            return _local(self.constraint)
        return _local(self.shape) if isinstance(self.shape, URIRef) else "anonymous shape"

    @property
    def kind(self) -> str:
        """The kind of constraint that failed, e.g. ``MinCount`` or ``SPARQL``."""
        component = self.constraint if str(self.constraint).startswith(str(SH)) else SH.SPARQLConstraintComponent
        return _local(component).removesuffix("ConstraintComponent")


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating a graph; ``conforms`` is True when no result is a Violation."""

    conforms: bool
    results: tuple[ValidationResult, ...]
    graph: Graph

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity is Severity.VIOLATION)

    @property
    def warnings(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity is Severity.WARNING)

    def to_text(self) -> str:
        """A report a person can read: for each result its rule, fact, article and sentence."""
        verdict = "conforms" if self.conforms else "does not conform"
        lines = [
            f"Validation: the graph {verdict} "
            f"({len(self.violations)} violations, {len(self.warnings)} warnings; warnings do not break conformance)."
        ]
        for result in self.results:
            lines.append("")
            lines.extend(_describe(result))
        return "\n".join(lines) + "\n"


def validate(
    data: Graph | Dataset,
    *,
    shapes: Graph | None = None,
    exclude: Collection[str] = (),
    engine: Engine | str = Engine.PYSHACL,
    screen: bool = True,
) -> ValidationReport:
    """Validate ``data`` (a Graph, or a Dataset one named graph at a time) against the shapes.

    ``exclude`` names graphs of a Dataset not to validate, e.g. quarantine
    graphs or the ontology graph of a store. ``engine`` picks pySHACL or
    pyshacl-turbo; the report is the same. ``screen`` lets the named graphs
    of a Dataset be screened together first (see ``validate_each``); it
    changes the time taken, not the report.
    """
    run = _runner(_engine(engine), shapes)
    skipped = {str(name) for name in exclude}
    units = [(i, unit) for i, unit in _units(data) if i is None or str(i) not in skipped]
    clean = _screen([unit for _, unit in units]) if screen and shapes is None else set()
    results: list[ValidationResult] = []
    report_graph = _empty_report()
    for index, (identifier, unit) in enumerate(units):
        if index in clean:
            continue  # its own validation would find nothing: no result, nothing to merge
        unit_results, unit_report = _validate_unit(unit, run, identifier)
        results.extend(unit_results)
        _merge_report(report_graph, unit_report)
    return _finish(results, report_graph)


def validate_each(graphs: Sequence[Graph], *, engine: Engine | str = Engine.PYSHACL) -> list[ValidationReport]:
    """One report per graph, each exactly what ``validate(graph, engine=engine)`` gives.

    The graphs are screened together (up to ``SCREEN_SIZE`` graphs and
    ``SCREEN_TRIPLES`` triples per pyshacl-turbo call, their nodes renamed
    apart); most have no result at all and get the
    empty report at once. Only the graphs the screen found something in are
    validated on their own, so their reports come from ``engine`` itself.
    The reports of graphs without results are one shared, read-only report.
    """
    clean = _screen(list(graphs))
    return [_clean_report() if index in clean else validate(_indexed(graph), engine=engine, screen=False)
            for index, graph in enumerate(graphs)]


def _indexed(graph: Graph) -> Graph:
    """A TripleList copied into an indexed Graph: a SHACL engine looks triples up many times."""
    return _copy(graph) if isinstance(graph, TripleList) else graph


@lru_cache(maxsize=1)
def _clean_report() -> ValidationReport:
    """The report of a graph with no result, shared by all of them: its graph is a read-only TripleList."""
    report = _finish([], _empty_report())
    return ValidationReport(report.conforms, report.results, TripleList(report.graph))


def merge_reports(reports: Iterable[ValidationReport]) -> ValidationReport:
    """One report (one ``sh:ValidationReport`` node) from several, e.g. one per article."""
    results: list[ValidationResult] = []
    report_graph = _empty_report()
    for report in reports:
        results.extend(report.results)
        _merge_report(report_graph, report.graph)
    return _finish(results, report_graph)


def _finish(results: list[ValidationResult], report_graph: Graph) -> ValidationReport:
    conforms = not any(r.severity is Severity.VIOLATION for r in results)
    report_graph.set((_REPORT_NODE, SH.conforms, Literal(conforms)))
    return ValidationReport(conforms, tuple(sorted(results, key=_order)), report_graph)


def quarantine(data: Graph | Dataset, report: ValidationReport, *, in_place: bool = False) -> tuple[Graph, Graph]:
    """Split ``data`` into the triples kept and those of facts that violate a shape.

    Every triple whose subject is the focus node of a Violation (in the named
    graph where it was found) moves to the quarantined graph, which also holds
    a ``sh:ValidationResult`` for each of those violations. A Dataset stays a
    Dataset with the same named graphs; Warnings never quarantine anything.
    ``in_place=True`` removes the triples from ``data`` itself and returns it
    as the kept graph: copying a large Dataset whose graphs share many
    triples is slow in rdflib's memory store.
    """
    bad: dict[URIRef | None, set[Node]] = {}
    for result in report.violations:
        bad.setdefault(result.graph, set()).add(result.focus)
    quarantined = Graph()
    _bind_like(quarantined, data)
    kept = data if in_place else _copy(data)
    for graph in _graphs(kept) if isinstance(kept, ConjunctiveGraph) else [kept]:
        for focus in bad.get(_graph_id(graph.identifier), ()):
            for triple in list(graph.triples((focus, None, None))):
                quarantined.add(triple)
                graph.remove(triple)
    for result in report.violations:
        _attach(quarantined, result)
    return kept, quarantined


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The bundled shapes (every ``shapes/*.ttl``), parsed once."""
    return _parse_all(resource_files("shapes"))


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """The bundled ontology (every ``ontology/*.ttl``, role concepts included), parsed once."""
    return _parse_all(resource_files("ontology"))


def load_data(path: Path) -> Dataset:
    """Read a Turtle, TriG, N-Quads, N-Triples or JSON-LD file to validate."""
    rdf_format = _FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        known = ", ".join(sorted(_FORMATS))
        raise InputError(Problem(str(path), None, f"unknown RDF file type {path.suffix!r}; use one of {known}"))
    dataset = Dataset()
    try:
        dataset.parse(path, format=rdf_format)
    except OSError as error:
        raise InputError(Problem(str(path), None, f"cannot read the file: {error.strerror or error}")) from error
    except Exception as error:  # rdflib's parsers raise many unrelated types
        raise InputError(Problem(str(path), _error_line(error), f"not valid {rdf_format}: {error}")) from error
    return dataset


# ------------------------------------------------------------------ running pySHACL


class _CachingGraph(Graph):
    """A Graph that parses each SHACL-SPARQL query once, not once per focus node.

    pySHACL hands rdflib the query text for every focus node; parsing it
    costs far more than running it on an article-sized graph.
    """

    def query(  # type: ignore[override]
        self,
        query_object,
        processor="sparql",
        result="sparql",
        initNs=None,  # noqa: N803
        initBindings=None,  # noqa: N803
        *args,
        **kwargs,
    ):
        if isinstance(query_object, str):
            namespaces = tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items()))
            query_object = _prepared(query_object, namespaces)
        return super().query(query_object, processor, result, initNs, initBindings, *args, **kwargs)


@lru_cache(maxsize=256)
def _prepared(text: str, namespaces: tuple[tuple[str, str], ...]):
    return prepareQuery(text, initNs=dict(namespaces))


def _units(data: Graph) -> list[tuple[URIRef | None, Graph]]:
    """The graphs to validate one by one: each non-empty named graph, or the Graph itself."""
    if isinstance(data, ConjunctiveGraph):
        contexts = sorted(_graphs(data), key=lambda g: str(g.identifier))
        return [(_graph_id(c.identifier), c) for c in contexts if len(c) > 0]
    return [(None, data)]


def _graphs(data: ConjunctiveGraph) -> list[Graph]:
    return list(data.graphs() if isinstance(data, Dataset) else data.contexts())


def _graph_id(identifier: Node) -> URIRef | None:
    return None if identifier == DATASET_DEFAULT_GRAPH_ID or not isinstance(identifier, URIRef) else identifier


def _validate_unit(unit: Graph, run: _Run, identifier: URIRef | None) -> tuple[list[ValidationResult], Graph]:
    # The ontology is mixed in so sh:class sees subclasses and role concepts.
    work = _CachingGraph()
    for triple in load_ontology():
        work.add(triple)
    for triple in unit.triples((None, None, None)):
        work.add(triple)
    report = run(work)
    results = [_read_result(report, node, work, identifier) for node in report.subjects(RDF.type, SH.ValidationResult)]
    return results, report


# ------------------------------------------------------------------ the engines

# Validates one graph (data and ontology together) and returns the SHACL report graph.
_Run = Callable[[Graph], Graph]


def _engine(engine: Engine | str) -> Engine:
    try:
        return Engine(engine)
    except ValueError:
        known = ", ".join(e.value for e in Engine)
        raise UsageError(f"unknown validation engine {engine!r}; use one of {known}") from None


def _runner(engine: Engine, shapes: Graph | None) -> _Run:
    shapes_graph = shapes if shapes is not None else load_shapes()
    if engine is Engine.PYSHACL:
        return partial(_run_pyshacl, shapes=shapes_graph)
    _check_turbo_runs_sparql()
    # The bundled shapes are compiled once; shapes given by the caller once per call.
    compiled = _bundled_turbo_shapes() if shapes is None else _compile_turbo(shapes_graph)
    return partial(_run_turbo, compiled=compiled)


def _run_pyshacl(work: Graph, *, shapes: Graph) -> Graph:
    try:
        _, report, _ = pyshacl_validate(
            work, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True, inplace=True
        )
    except ReportableRuntimeError as error:
        raise UsageError(f"the SHACL shapes cannot be applied: {error.message}; check the shapes files") from error
    return report


def _run_turbo(work: Graph, *, compiled) -> Graph:
    import pyshacl_turbo

    try:
        _, report, _ = compiled.validate(work, inference="none", allow_warnings=True)
    except (pyshacl_turbo.ValidationFailure, pyshacl_turbo.ReportableRuntimeError, RuntimeError) as error:
        raise UsageError(f"pyshacl-turbo cannot apply the SHACL shapes: {error}; check the shapes files") from error
    return report


@lru_cache(maxsize=1)
def _bundled_turbo_shapes():
    return _compile_turbo(load_shapes())


def _compile_turbo(shapes: Graph):
    import pyshacl_turbo  # imported only when asked for: the default engine does not need it

    try:
        return pyshacl_turbo.compile_shapes(shapes, advanced=True)
    except (pyshacl_turbo.ValidationFailure, pyshacl_turbo.ReportableRuntimeError, RuntimeError) as error:
        raise UsageError(f"pyshacl-turbo cannot read the SHACL shapes: {error}; check the shapes files") from error


_PROBE_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <urn:newsgraph:probe#> .
ex:Shape a sh:NodeShape ;
    sh:targetClass ex:Thing ;
    sh:sparql [ a sh:SPARQLConstraint ; sh:message "probe" ;
        sh:select "SELECT $this ?value WHERE { $this <urn:newsgraph:probe#p> ?value . FILTER (?value > 1) }" ] .
"""
_PROBE_DATA = """
<urn:newsgraph:probe#a> a <urn:newsgraph:probe#Thing> ; <urn:newsgraph:probe#p> 2 .
<urn:newsgraph:probe#b> a <urn:newsgraph:probe#Thing> ; <urn:newsgraph:probe#p> 0 .
"""


@lru_cache(maxsize=1)
def _check_turbo_runs_sparql() -> None:
    """Refuse pyshacl-turbo if it skips SHACL-SPARQL: newsgraph's key rules are written in it."""
    try:
        import pyshacl_turbo
    except ImportError as error:
        raise UsageError("the turbo engine needs the pyshacl-turbo package; install it or use engine=pyshacl") from error
    compiled = _compile_turbo(Graph().parse(data=_PROBE_SHAPES, format="turtle"))
    conforms, report, _ = compiled.validate(Graph().parse(data=_PROBE_DATA, format="turtle"))
    focus = {str(node) for node in report.objects(None, SH.focusNode)} if isinstance(report, Graph) else set()
    if conforms or focus != {"urn:newsgraph:probe#a"}:
        raise UsageError(
            f"pyshacl-turbo {pyshacl_turbo.__version__} does not evaluate SHACL-SPARQL constraints correctly "
            "(a probe constraint gave the wrong results), so it could report 'conforms' for a graph that breaks "
            "newsgraph's SPARQL rules; use engine=pyshacl"
        )


def _read_result(report: Graph, node: Node, data: Graph, identifier: URIRef | None) -> ValidationResult:
    focus = report.value(node, SH.focusNode)
    constraint = report.value(node, SH.sourceConstraint) or report.value(node, SH.sourceConstraintComponent)
    messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
    article, sentence = _where(focus, data)
    return ValidationResult(
        focus=focus,
        path=report.value(node, SH.resultPath),
        value=report.value(node, SH.value),
        severity=Severity.from_iri(report.value(node, SH.resultSeverity)),
        message=messages[0] if messages else "",
        shape=report.value(node, SH.sourceShape),
        article=article,
        sentence=sentence,
        constraint=constraint,
        label=_label(focus, data),
        graph=identifier,
    )


# ------------------------------------------------------------------ screening many graphs at once
#
# Validating graphs one call each costs a call's overhead and the ontology
# per graph. The screen validates a few graphs in one pyshacl-turbo
# call over their union, after renaming each graph's nodes apart: an IRI of
# graph i becomes <urn:newsgraph:apart:i:IRI>. No two graphs then share a
# node, so none sees another's triples, and the common prefix keeps every
# string test of the shapes (STR order, STRBEFORE of a mention IRI, the
# #char= IRI rebuilt by CONCAT) answering as it does on the graph alone.
# Not renamed, because the graphs share them harmlessly: the ontology's and
# the shapes' own terms (no graph may describe one), and link targets (IRIs
# only ever the object of skos:exactMatch, which sh:pattern reads).
#
# The screen only says which graphs have no result at all. Every other graph
# is validated on its own, so every reported result comes from that run: a
# screen that flags too much costs time, never a different report. Graphs the
# renaming cannot keep apart (blank nodes; an ontology term described) are
# all validated on their own.

_APART = "urn:newsgraph:apart:"
_LINK = SKOS.exactMatch


def _screen(units: list[Graph]) -> set[int]:
    """Indexes of the units in which the screen found no result at all."""
    # One graph is worth screening too: a turbo call costs a fraction of a pySHACL one.
    if not units or not _screen_engine_ready():
        return set()
    clean: set[int] = set()
    for start, stop in _screen_batches(units):
        flagged = _screen_batch(units[start:stop])
        if flagged is not None:
            clean.update(start + i for i in range(stop - start) if i not in flagged)
    return clean


def _screen_batches(units: list[Graph]) -> Iterator[tuple[int, int]]:
    """(start, stop) of consecutive units, at most SCREEN_SIZE graphs and about SCREEN_TRIPLES triples each."""
    start, triples = 0, 0
    for index, unit in enumerate(units):
        triples += len(unit)
        if index + 1 - start >= SCREEN_SIZE or triples >= SCREEN_TRIPLES:
            yield start, index + 1
            start, triples = index + 1, 0
    if start < len(units):
        yield start, len(units)


def fastest_engine() -> Engine:
    """pyshacl-turbo when it is installed and passes the SHACL-SPARQL probe, else pySHACL: same reports."""
    return Engine.TURBO if _screen_engine_ready() else Engine.PYSHACL


@lru_cache(maxsize=1)
def _screen_engine_ready() -> bool:
    try:
        _check_turbo_runs_sparql()
    except UsageError:
        return False  # no trustworthy turbo: every graph is validated on its own
    return True


def _screen_batch(batch: list[Graph]) -> set[int] | None:
    """Indexes of the graphs with a result in one screening call, or None when the batch cannot be screened."""
    union = _apart(batch)
    if union is None:
        return None
    try:
        _, report, _ = _screen_shapes().validate(union, inference="none", allow_warnings=True)
    except Exception:  # noqa: BLE001 - any failure here only means: validate each graph on its own
        return None
    flagged = {index for index, graph in enumerate(batch) if not _passes_python_checks(graph)}
    for focus in report.objects(None, SH.focusNode):
        index = _apart_index(focus)
        if index is None or index >= len(batch):
            return None  # a result not traceable to one graph: trust no graph of the batch
        flagged.add(index)
    return flagged


@lru_cache(maxsize=1)
def _screen_shapes():
    """The bundled shapes without the constraints the screen checks in Python."""
    shapes = Graph()
    shapes += load_shapes()
    for constraint in SCREENED_IN_PYTHON:
        shapes.remove((None, SH.sparql, constraint))
    for shape in SCREENED_SHAPES_IN_PYTHON:
        shapes.add((shape, SH.deactivated, Literal(True)))
    for part in SCREENED_PARTS_IN_PYTHON:
        shapes.remove(part)
    return _compile_turbo(shapes)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the screen's Python checks read of one graph, gathered in one pass."""

    single: dict[Node, dict[Node, Node]]  # per mention property and nif:isString, each subject's one value
    multi: dict[Node, dict[Node, list[Node]]]  # per other property read, each subject's values

    def typed(self, classes: frozenset[Node]) -> set[Node]:
        """The nodes with a class among ``classes``."""
        return {node for node, types in self.multi[RDF.type].items() if not classes.isdisjoint(types)}


_SINGLE = (NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext, NIF.isString)
_MULTI = (RDF.type, RDFS.label, SKOS.altLabel, PROV.wasDerivedFrom)
_DECLARES_CLASSES = frozenset({RDFS.subClassOf})


def _facts(graph: Graph) -> _Facts | None:
    """None when a subject has two values of one mention property, or the graph declares subclasses
    (which would widen the shapes' targets beyond the nodes typed with the ontology's classes)."""
    single: dict[Node, dict[Node, Node]] = {prop: {} for prop in _SINGLE}
    multi: dict[Node, dict[Node, list[Node]]] = {prop: {} for prop in _MULTI}
    for subject, prop, value in graph:  # dict and set lookups: rdflib's == is a Python call per triple
        if (one := single.get(prop)) is not None:
            if subject in one:
                return None
            one[subject] = value
        elif (many := multi.get(prop)) is not None:
            many.setdefault(subject, []).append(value)
        elif prop in _DECLARES_CLASSES:
            return None
    return _Facts(single, multi)


def _passes_python_checks(graph: Graph) -> bool:
    """False when a constraint the screen leaves to Python could report on a node of ``graph``."""
    facts = _facts(graph)
    return facts is not None and _mentions_agree(facts) and _entities_agree(facts)


def _mentions_agree(facts: _Facts) -> bool:
    """False when MentionShape, MentionLength, MentionText or MentionIri could report on a node.

    Erring towards False is safe (the graph is then validated on its own), so
    the offsets and texts of any node are checked whatever its type, and an
    offset that is not an integer counts as a disagreement.
    """
    begins, ends, anchors, contexts, texts = (facts.single[prop] for prop in (
        NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext, NIF.isString))
    text_contexts = facts.typed(_classes_under(NIF.Context))
    for node in facts.typed(_classes_under(NIF.String)):
        if (_offset(begins.get(node)) is None or _offset(ends.get(node)) is None
                or not isinstance(anchors.get(node), Literal) or contexts.get(node) not in text_contexts):
            return False
    for node in begins.keys() & ends.keys():
        begin, end = _integer(begins[node]), _integer(ends[node])
        if begin is None or end is None or begin > end:
            return False
        anchor, context = anchors.get(node), contexts.get(node)
        if anchor is not None and len(str(anchor)) != end - begin:
            return False
        if context is None:
            continue
        # SPARQL's STR of an offset is its lexical form, as str() of an rdflib Literal is.
        if str(node) != f"{context}#char={begins[node]},{ends[node]}":
            return False
        text = texts.get(context)
        if anchor is not None and text is not None and 0 <= begin <= end and str(text)[begin:end] != str(anchor):
            return False
    return True


def _entities_agree(facts: _Facts) -> bool:
    """False when EntityShape's kinds, label or alternative names, or EntityProvenance could report on a node."""
    kinds = [_classes_under(kind) for kind in _ENTITY_KINDS]
    labels, alternatives, derived = (facts.multi[prop] for prop in (RDFS.label, SKOS.altLabel, PROV.wasDerivedFrom))
    articles = facts.typed(frozenset({NG.Article}))  # SPARQL's "a": no subclasses
    article_iris = {str(node) for node in articles if isinstance(node, URIRef)}
    contexts = facts.single[NIF.referenceContext]

    def read_in_article(mention: Node) -> bool:  # EntityProvenance: by the mention's IRI or its context
        article, cut, _ = str(mention).partition("#char=")
        return (isinstance(mention, URIRef) and bool(cut) and article in article_iris) or contexts.get(mention) in articles

    for node, types in facts.multi[RDF.type].items():
        held = sum(not kind.isdisjoint(types) for kind in kinds)
        if held == 0:
            continue  # not an entity
        label = labels.get(node, ())
        if (held > 1 or len(label) != 1 or not isinstance(label[0], Literal)
                or not all(isinstance(name, Literal) for name in alternatives.get(node, ()))
                or not any(read_in_article(mention) for mention in derived.get(node, ()))):
            return False
    return True


@lru_cache(maxsize=None)
def _classes_under(cls: URIRef) -> frozenset[Node]:
    """``cls`` and its subclasses in the ontology, as ``sh:targetClass`` and ``sh:class`` read them."""
    return frozenset(load_ontology().transitive_subjects(RDFS.subClassOf, cls))


def _offset(term: Node | None) -> int | None:
    """A mention offset as MentionBegin and MentionEnd accept it (an integer datatype, not negative), else None."""
    value = _integer(term) if isinstance(term, Literal) and term.datatype in _OFFSET_TYPES else None
    return value if value is not None and value >= 0 else None


def _integer(term: Node) -> int | None:
    """An integer offset's value; None for anything else SPARQL's arithmetic might read otherwise."""
    if isinstance(term, Literal) and term.datatype in _INTEGERS and isinstance(term.value, int):
        return term.value
    return None


def _apart(batch: list[Graph]) -> Graph | None:
    """The ontology plus the graphs of ``batch`` renamed apart, less what the screen's shapes do not read;
    None if they cannot be."""
    roles = _node_roles(batch)
    if roles is None:
        return None
    subjects, linked, objects, predicates = roles
    vocabulary = _vocabulary()
    if subjects & vocabulary or predicates & (subjects | objects):
        return None
    shared = vocabulary | (linked - subjects - objects)
    triples = list(load_ontology())
    for index, graph in enumerate(batch):
        names: dict[Node, Node] = {}  # each IRI is renamed once per graph: making a URIRef checks its syntax

        def renamed(term: Node, prefix: str = f"{_APART}{index}:") -> Node:
            name = names.get(term)
            if name is None:
                name = term if isinstance(term, Literal) or str(term) in shared else URIRef(prefix + term)
                names[term] = name
            return name

        triples.extend((renamed(s), p, renamed(o)) for s, p, o in graph if p not in SCREEN_UNREAD)
    return TripleList(triples)


def _node_roles(batch: list[Graph]) -> tuple[set[str], set[str], set[str], set[str]] | None:
    """Non-vocabulary IRIs used as subjects, as link targets, as other objects; all predicates.

    None when a graph holds a blank node, which cannot be renamed apart reliably.
    """
    vocabulary = _vocabulary()
    subjects: set[str] = set()
    linked: set[str] = set()
    objects: set[str] = set()
    predicates: set[str] = set()
    for graph in batch:
        for s, p, o in graph:
            if isinstance(s, BNode) or isinstance(o, BNode):
                return None
            subjects.add(str(s))
            predicates.add(str(p))
            if isinstance(o, URIRef) and str(o) not in vocabulary:
                (linked if p == _LINK else objects).add(str(o))
    return subjects, linked, objects, predicates


def _apart_index(node: Node) -> int | None:
    text = str(node) if isinstance(node, URIRef) else ""
    if not text.startswith(_APART):
        return None
    number = text[len(_APART) :].partition(":")[0]
    return int(number) if number.isdigit() else None


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Every IRI the ontology or the shapes name: shared by all graphs of a screen, never renamed."""
    return frozenset(str(t) for graph in (load_ontology(), load_shapes()) for triple in graph for t in triple
                     if isinstance(t, URIRef))


# ------------------------------------------------------------------ tracing a result to its text


def _label(node: Node, data: Graph) -> str | None:
    for prop in (RDFS.label, SKOS.prefLabel, NIF.anchorOf, DCTERMS.identifier):
        value = data.value(node, prop)
        if value is not None:
            return str(value)
    return None


def _where(focus: Node, data: Graph) -> tuple[str | None, str | None]:
    """The identifier of the article the focus comes from, and its sentence there."""
    if (focus, RDF.type, NG.Article) in data:
        return _identifier(focus, data), None
    mentions = [focus] if _CHAR.search(str(focus)) else sorted(data.objects(focus, PROV.wasDerivedFrom), key=str)
    article = sentence = None
    for mention in mentions:
        context = data.value(mention, NIF.referenceContext) or _context_from_iri(mention)
        article = article or _identifier(context, data)
        sentence = _sentence(mention, context, data)
        if sentence:
            return article, sentence
    return article or _only_article(data), sentence


def _only_article(data: Graph) -> str | None:
    """The article a graph is about, when it holds exactly one (a per-article named graph)."""
    articles = list(data.subjects(RDF.type, NG.Article))
    return _identifier(articles[0], data) if len(articles) == 1 else None


def _context_from_iri(mention: Node) -> URIRef | None:
    text = str(mention)
    return URIRef(text.partition("#char=")[0]) if _CHAR.search(text) else None


def _identifier(article: Node | None, data: Graph) -> str | None:
    if article is None:
        return None
    value = data.value(article, DCTERMS.identifier)
    return str(value) if value is not None else str(article)


def _sentence(mention: Node, context: Node | None, data: Graph) -> str | None:
    """The sentence around a mention: its anchor widened to sentence ends when the text is known."""
    text = data.value(context, NIF.isString) if context is not None else None
    match = _CHAR.search(str(mention))
    if text is not None and match:
        begin, end = int(match.group(1)), int(match.group(2))
        if 0 <= begin <= end <= len(text):
            return _widen(str(text), begin, end)
    anchor = data.value(mention, NIF.anchorOf)
    return str(anchor) if anchor is not None else None


def _widen(text: str, begin: int, end: int) -> str:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, begin)]
    start = starts[-1] if starts else 0
    after = _SENTENCE_END.search(text, max(end - 1, begin))
    stop = after.end() if after else len(text)
    return " ".join(text[start:stop].split())


# ------------------------------------------------------------------ report graph and quarantine

_REPORT_NODE = BNode("newsgraph-validation-report")


def _empty_report() -> Graph:
    graph = Graph()
    graph.bind("sh", SH)
    graph.add((_REPORT_NODE, RDF.type, SH.ValidationReport))
    return graph


def _merge_report(target: Graph, report: Graph) -> None:
    """Copy one pySHACL report's results (and their blank-node details) under the combined report."""
    own = set(report.subjects(RDF.type, SH.ValidationReport))
    for s, p, o in report:
        if s not in own:
            target.add((s, p, o))
    for node in report.subjects(RDF.type, SH.ValidationResult):
        target.add((_REPORT_NODE, SH.result, node))
    for prefix, namespace in report.namespaces():
        target.bind(prefix, namespace, override=False)


def _copy(data: Graph) -> Graph:
    if isinstance(data, ConjunctiveGraph):
        copy = Dataset()
        copy.addN(data.quads((None, None, None, None)))
    else:
        copy = Graph()
        for triple in data:
            copy.add(triple)
    _bind_like(copy, data)
    return copy


def _attach(graph: Graph, result: ValidationResult) -> None:
    node = BNode()
    graph.add((node, RDF.type, SH.ValidationResult))
    graph.add((node, SH.focusNode, result.focus))
    graph.add((node, SH.resultSeverity, SH[result.severity.value]))
    graph.add((node, SH.resultMessage, Literal(result.message)))
    for prop, value in ((SH.sourceShape, result.shape), (SH.resultPath, result.path), (SH.value, result.value)):
        if value is not None and not isinstance(value, BNode):
            graph.add((node, prop, value))
    if result.constraint is not None and not isinstance(result.constraint, BNode):
        graph.add((node, SH.sourceConstraintComponent, result.constraint))


def _bind_like(target: Graph, source: Graph) -> None:
    for prefix, namespace in source.namespaces():
        target.bind(prefix, namespace, override=False)


# ------------------------------------------------------------------ small helpers


def _parse_all(paths: tuple[Path, ...]) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def _local(node: Node | None) -> str:
    text = str(node)
    return re.split(r"[#/]", text)[-1] or text


def _order(result: ValidationResult) -> tuple:
    rank = list(Severity).index(result.severity)
    # The constraint and message break ties (one value failing three constraints of one shape), so the
    # order is the same whatever order the engine reported them in.
    return (
        rank,
        str(result.graph or ""),
        str(result.focus),
        str(result.shape),
        str(result.path),
        str(result.value),
        str(result.constraint),
        result.message,
    )


def _describe(result: ValidationResult) -> list[str]:
    focus = f"{result.label!r} <{result.focus}>" if result.label else f"<{result.focus}>"
    lines = [f"{result.severity.value}: {result.rule} [{result.kind}]", f"  {result.message}", f"  fact: {focus}"]
    if result.path is not None and not isinstance(result.path, BNode):
        lines.append(f"  property: <{result.path}>")
    if result.value is not None and result.value != result.focus:
        lines.append(f"  value: {_show(result.value)}")
    lines.append(f"  article: {result.article or '(unknown)'}")
    if result.sentence:
        lines.append(f"  sentence: \"{result.sentence}\"")
    return lines


def _show(value: Node) -> str:
    if isinstance(value, Literal):
        return f"\"{value}\"" + (f"^^<{value.datatype}>" if value.datatype else "")
    return f"<{value}>"


def _error_line(error: Exception) -> int | None:
    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else None
