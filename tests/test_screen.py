"""Screening many graphs at once gives exactly the reports of one validation per graph.

The shape cases are the hardest input a screen can get: every case repeats
``_base.ttl``, so all of them describe the same people, states, meetings and
articles, each differently. Validated together without renaming, one case's
triples would hide or cause another's results; the screen must find exactly
the cases that have a result, and ``validate_each`` must give each case the
report ``validate`` gives it alone.
"""

from __future__ import annotations

import itertools
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SH, SKOS, XSD

import newsgraph.validate as validation
from newsgraph.engines import graph_chunk
from newsgraph.rdf import DEFAULT_BASE, article_graph, article_triples
from newsgraph.namespace import ID, NG, NIF, PROV
from newsgraph.validate import Engine, validate, validate_each

from test_shapes import CASE_FILES, read_case, three_faults

pytest.importorskip("pyshacl_turbo", reason="the screen runs on pyshacl-turbo")

SHAPES = Namespace("https://w3id.org/newsgraph/shapes#")


@pytest.fixture(scope="module")
def cases() -> list[Graph]:
    return [read_case(path)[0] for path in CASE_FILES]


@pytest.fixture(scope="module")
def alone(cases) -> list[validation.ValidationReport]:
    return [validate(graph, screen=False) for graph in cases]


def test_screen_finds_exactly_the_cases_with_results(cases, alone, monkeypatch):
    with_results = {i for i, report in enumerate(alone) if report.results}
    for size in (2, 16, len(cases)):
        monkeypatch.setattr(validation, "SCREEN_SIZE", size)
        monkeypatch.setattr(validation, "SCREEN_TRIPLES", 10**9)
        clean = validation._screen(cases)
        assert clean & with_results == set(), [CASE_FILES[i].name for i in clean & with_results]
        assert clean == set(range(len(cases))) - with_results, "the screen flagged a clean case"


@pytest.mark.parametrize("engine", list(Engine))
def test_validate_each_gives_each_graphs_own_report(cases, alone, engine):
    reports = validate_each(cases, engine=engine)
    assert [r.results for r in reports] == [r.results for r in alone]
    assert [r.conforms for r in reports] == [r.conforms for r in alone]


def test_clean_report_is_the_one_validation_gives(cases, alone):
    index = next(i for i, report in enumerate(alone) if not report.results)
    screened = validate_each(cases)[index]
    assert set(screened.graph) == set(alone[index].graph)
    assert screened.to_text() == alone[index].to_text()


def test_dataset_report_is_the_same_with_and_without_screen():
    dataset = three_faults()
    for number, path in enumerate(CASE_FILES[:12]):
        named = dataset.graph(ID[f"graph-case-{number}"])
        named += read_case(path)[0]
    screened, unscreened = validate(dataset), validate(dataset, screen=False)
    assert screened.results == unscreened.results
    assert screened.conforms == unscreened.conforms
    assert isomorphic(screened.graph, unscreened.graph)  # report nodes are fresh blank nodes in each run


def test_blank_nodes_are_validated_one_by_one(cases, alone):
    odd = Graph()
    odd += cases[0]
    odd.add((BNode(), RDFS.label, Literal("a blank node the renaming cannot keep apart")))
    assert validation._apart([odd, cases[1]]) is None
    reports = validate_each([odd, cases[1]])
    assert reports[0].results == validate(odd, screen=False).results
    assert reports[1].results == alone[1].results


def test_a_graph_describing_an_ontology_term_is_not_screened(cases):
    odd = Graph()
    odd += cases[0]
    odd.add((URIRef("https://w3id.org/newsgraph/ontology#Person"), RDFS.label, Literal("changed")))
    assert validation._apart([odd, cases[1]]) is None


def test_screen_batches_cover_every_graph_once(cases, monkeypatch):
    monkeypatch.setattr(validation, "SCREEN_TRIPLES", 200)
    batches = list(validation._screen_batches(cases))
    assert [i for start, stop in batches for i in range(start, stop)] == list(range(len(cases)))
    assert all(stop - start <= validation.SCREEN_SIZE for start, stop in batches)
    assert all(sum(len(g) for g in cases[start : stop - 1]) < 200 for start, stop in batches)


def test_one_graph_is_screened_alone(cases, alone):
    for index in range(len(cases)):
        clean = validation._screen(cases[index : index + 1])
        assert clean == (set() if alone[index].results else {0}), CASE_FILES[index].name
    assert validation._screen([]) == set()
    assert validate_each([]) == []


def test_screen_leaves_the_input_unchanged(cases):
    before = [set(graph) for graph in cases[:4]]
    validate_each(cases[:4])
    assert [set(graph) for graph in cases[:4]] == before


def test_dataset_with_excluded_graphs():
    dataset = Dataset()
    for number, path in enumerate(CASE_FILES[:6]):
        dataset.graph(ID[f"graph-case-{number}"]).__iadd__(read_case(path)[0])
    excluded = [str(ID["graph-case-0"])]
    assert validate(dataset, exclude=excluded).results == validate(dataset, exclude=excluded, screen=False).results


MEETINGS = Path(__file__).parent.parent.parent / "shared" / "corpora" / "news-meetings.jsonl"


@pytest.fixture(scope="module")
def extractions():
    """40 resolved extractions of news-meetings when present (some with violations), else the seeds."""
    from newsgraph.ingest import read_articles
    from newsgraph.pipeline import extract_corpus
    from newsgraph.resolve import resolve

    paths = [MEETINGS] if MEETINGS.exists() else [Path(__file__).parent.parent / "seeds"]
    resolved = resolve(list(extract_corpus(itertools.islice(read_articles(paths), 40))))
    return [_with_faults(x) if n % 4 == 0 else x for n, x in enumerate(resolved)]


def _with_faults(extraction):
    """A meeting of one (a Violation, quarantined) and a mention whose text is not the article's (a Warning)."""
    events = tuple(replace(e, participants=e.participants[:1]) if e.type == "Meeting" else e for e in extraction.events)
    entities = extraction.entities
    if entities:
        first = entities[0]
        wrong = tuple(replace(span, text=span.text.upper() + "!") for span in first.mentions)
        entities = (replace(first, mentions=wrong), *entities[1:])
    return replace(extraction, events=events, entities=entities)


def test_graph_chunk_gives_what_one_validation_per_article_gives(extractions, monkeypatch):
    screened = graph_chunk(extractions, DEFAULT_BASE)
    monkeypatch.setattr(validation, "_screen", lambda units: set())
    alone = graph_chunk(extractions, DEFAULT_BASE)
    assert [g.name for g in screened] == [g.name for g in alone]
    assert any(g.report.violations for g in alone) and any(g.report.warnings for g in alone)
    assert any(not g.report.results for g in alone)
    for ours, reference in zip(screened, alone, strict=True):
        assert set(_parsed(ours.kept)) == set(_parsed(reference.kept)), ours.name
        assert isomorphic(_parsed(ours.quarantined), _parsed(reference.quarantined)), ours.name
        assert ours.report.results == reference.report.results
        assert ours.report.to_text() == reference.report.to_text()


def test_article_graphs_travel_as_their_ntriples(extractions):
    graphs = graph_chunk(extractions, DEFAULT_BASE)
    clean = [(x, g) for x, g in zip(extractions, graphs, strict=True) if not g.report.violations]
    assert clean
    for extraction, graph in clean:
        assert set(_parsed(graph.kept)) == set(article_triples(extraction)) and graph.triples == len(graph.kept.splitlines())
        assert graph.quarantined == b""
    copy = pickle.loads(pickle.dumps(graphs))
    assert [(g.kept, g.quarantined) for g in copy] == [(g.kept, g.quarantined) for g in graphs]


def _parsed(ntriples: bytes) -> Graph:
    return Graph().parse(data=ntriples.decode("utf-8"), format="nt")


def test_article_triples_are_the_article_graph_each_once(extractions):
    for extraction in extractions[:8]:
        triples, graph = article_triples(extraction), article_graph(extraction)
        assert len(triples) == len(graph) > 0  # no triple twice
        assert set(triples) == set(graph)


def _left_to_python(result: validation.ValidationResult) -> bool:
    """Whether the screen leaves the constraint that gave ``result`` to its Python checks."""
    shapes = {*validation.SCREENED_SHAPES_IN_PYTHON, *(part[2] for part in validation.SCREENED_PARTS_IN_PYTHON if part[2] is not None)}
    shapes |= {p for shape in validation.SCREENED_SHAPES_IN_PYTHON for p in validation.load_shapes().objects(shape, SH.property)}
    return (result.constraint in validation.SCREENED_IN_PYTHON or result.shape in shapes
            or (result.shape, result.constraint) == (SHAPES.EntityShape, SH.XoneConstraintComponent))


def test_python_checks_flag_every_graph_their_constraints_report_on(cases, alone):
    """The screen leaves MentionShape, EntityProvenanceShape, three SPARQL constraints and three parts of
    EntityShape to ``_passes_python_checks``.

    It may also flag what is only unusual (an article with two texts), never a graph with no result.
    """
    flagged = {path.name for path, graph in zip(CASE_FILES, cases, strict=True) if not validation._passes_python_checks(graph)}
    reported = {path.name for path, report in zip(CASE_FILES, alone, strict=True)
                if any(_left_to_python(r) for r in report.results)}
    with_results = {path.name for path, report in zip(CASE_FILES, alone, strict=True) if report.results}
    assert reported <= flagged <= with_results
    assert {"mention_iri_offsets.ttl", "mention_text_mismatch.ttl", "mention_offsets.ttl", "mention_structure.ttl",
            "entity_label_missing.ttl", "entity_label_two.ttl", "entity_two_kinds.ttl", "entity_no_provenance.ttl",
            "entity_altlabel_iri.ttl"} <= reported


def test_what_the_screen_leaves_out_of_pyshacl_turbo_no_shape_it_keeps_reads():
    shapes = validation._screen_shapes().graph
    off = set(shapes.subjects(SH.deactivated, Literal(True)))
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    todo = [shape for target in targets for shape in shapes.subjects(target, None) if shape not in off]
    seen: set = set()
    while todo:  # every node reachable from a shape still active: property shapes, lists, SPARQL constraints
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(o for o in shapes.objects(node, None) if not isinstance(o, Literal))
    terms = {o for node in seen for o in shapes.objects(node, None)}
    for prop in validation.SCREEN_UNREAD:
        local = str(prop).rpartition("#")[2]
        assert prop not in terms and not any(isinstance(t, Literal) and local in t for t in terms), prop


_MENTION, _PERSON = URIRef(f"{ID}article-a1#char=17,26"), URIRef(f"{ID}person-ana-lopez")


@pytest.mark.parametrize("change", [
    lambda g: g.remove((_MENTION, NIF.anchorOf, None)),
    lambda g: g.set((_MENTION, NIF.anchorOf, URIRef(f"{ID}ana"))),
    lambda g: g.set((_MENTION, NIF.beginIndex, Literal(17, datatype=XSD.int))),
    lambda g: g.remove((_MENTION, NIF.endIndex, None)),
    lambda g: g.remove((URIRef(f"{ID}article-a1"), RDF.type, None)),
    lambda g: g.remove((_PERSON, RDFS.label, None)),
    lambda g: g.add((_PERSON, RDFS.label, Literal("Ana"))),
    lambda g: g.set((_PERSON, RDFS.label, URIRef(f"{ID}ana"))),
    lambda g: g.add((_PERSON, SKOS.altLabel, URIRef(f"{ID}ana"))),
    lambda g: g.add((_PERSON, RDF.type, NG.Organization)),
    lambda g: g.set((_PERSON, PROV.wasDerivedFrom, URIRef(f"{ID}article-b2#char=17,26"))),
], ids=["no anchor", "anchor an IRI", "offset an xsd:int", "no end", "context untyped", "no label", "two labels",
        "label an IRI", "alternative name an IRI", "two kinds", "read in no article of the graph"])
def test_each_fault_left_to_python_sends_the_graph_to_validation(cases, change):
    graph = Graph()
    graph += cases[0]
    change(graph)
    assert any(_left_to_python(r) for r in validate(graph, screen=False).results)  # a real fault
    assert not validation._passes_python_checks(graph)


def test_classes_declared_in_a_graph_send_it_to_validation(cases):
    graph = Graph()
    graph += cases[0]
    graph.add((URIRef(f"{ID}Quote"), RDFS.subClassOf, NIF.String))
    assert not validation._passes_python_checks(graph)


@pytest.mark.parametrize("offset", [Literal("8.0", datatype=XSD.decimal), Literal("eight", datatype=XSD.integer)])
def test_an_offset_that_is_no_integer_sends_the_graph_to_validation(cases, offset):
    graph = Graph()
    graph += cases[0]
    graph.set((_MENTION, NIF.beginIndex, offset))
    assert not validation._passes_python_checks(graph)
