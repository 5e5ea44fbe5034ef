"""pyshacl-turbo against pySHACL: every shape case gives the same report under both engines.

pyshacl-turbo is only an option if it gives pySHACL's results, SHACL-SPARQL
constraints included (an engine that skipped them would call a meeting of one
person with itself "conforming"). So each case in ``tests/shape_cases/`` is
validated by both and the results must be identical, field by field: focus,
path, value, severity, message, shape, constraint, article and sentence.
There is no allowed difference. One was found on real output with
pyshacl-turbo 0.6.5 and removed at its source: a month without a year written
as "--11"^^xsd:gMonthDay, which is not a gMonthDay, broke sh:datatype under
pyshacl-turbo and not under pySHACL (rdflib does not check that datatype's
lexical form); such a month is now an xsd:gMonth. The build validates the
graphs its screen flags with pyshacl-turbo when it passes the SHACL-SPARQL probe.
"""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import BNode, Dataset, Graph
from rdflib.namespace import RDF, SH

import newsgraph.validate as validation
from newsgraph.errors import UsageError
from newsgraph.validate import Engine, load_shapes, quarantine, validate

from test_shapes import CASE_FILES, CASES, DATA, EXPECTED_CASE_COUNT, observed, read_case, three_faults

pytest.importorskip("pyshacl_turbo", reason="pyshacl-turbo is not installed in this environment")

# Cases whose expected results come from SHACL-SPARQL constraints: the ones an
# engine that ignores sh:sparql would get wrong.
SPARQL_CASES = sorted(p.stem for p in CASE_FILES if "/SPARQL " in p.read_text(encoding="utf-8"))


def test_all_cases_are_compared():
    assert len(CASE_FILES) == EXPECTED_CASE_COUNT
    # Enough SPARQL-based cases that a turbo without SHACL-SPARQL could not pass unnoticed.
    assert len(SPARQL_CASES) >= 8, SPARQL_CASES


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_turbo_gives_pyshacls_results(path):
    graph, expected = read_case(path)
    reference = validate(graph, engine=Engine.PYSHACL)
    turbo = validate(graph, engine=Engine.TURBO)
    assert turbo.results == reference.results, turbo.to_text()
    assert turbo.conforms == reference.conforms
    # And both are what the case says, so agreeing on a wrong answer would not pass.
    assert observed(turbo) == expected


def test_sparql_constraints_run_under_turbo():
    """The results of SHACL-SPARQL constraints are there, not silently dropped."""
    kinds = Counter()
    for path in CASE_FILES:
        graph, _ = read_case(path)
        kinds.update(r.rule for r in validate(graph, engine=Engine.TURBO).results if r.kind == "SPARQL")
    sparql_rules = {
        str(c).rpartition("#")[2] for c in load_shapes().subjects(RDF.type, SH.SPARQLConstraint)
    }
    assert set(kinds) == sparql_rules


def test_engine_by_name():
    graph, _ = read_case(CASES / "meeting_one_participant.ttl")
    assert validate(graph, engine="turbo").results == validate(graph, engine=Engine.TURBO).results


def test_unknown_engine_is_refused():
    graph, _ = read_case(CASES / "base.ttl")
    with pytest.raises(UsageError, match="unknown validation engine 'jena'"):
        validate(graph, engine="jena")


def test_datasets_are_validated_per_graph_alike():
    dataset = three_faults()
    reference = validate(dataset)
    turbo = validate(dataset, engine=Engine.TURBO)
    assert turbo.results == reference.results
    assert [r.graph for r in turbo.violations] == [r.graph for r in reference.violations]
    assert len(turbo.violations) == 3
    # The turbo report quarantines the same facts.
    kept, quarantined = quarantine(three_faults(), turbo)
    kept_ref, quarantined_ref = quarantine(three_faults(), reference)
    assert set(kept.quads()) == set(kept_ref.quads())
    assert len(quarantined) == len(quarantined_ref)


def test_report_graph_under_turbo():
    report = validate(three_faults(), engine=Engine.TURBO)
    [node] = report.graph.subjects(RDF.type, SH.ValidationReport)
    assert len(set(report.graph.objects(node, SH.result))) == len(report.results)


def test_contract_example_under_turbo():
    dataset = Dataset()
    dataset.parse(DATA / "contract-example.trig", format="trig")
    assert validate(dataset, engine=Engine.TURBO).results == validate(dataset).results


def test_custom_shapes_under_turbo():
    graph, _ = read_case(CASES / "meeting_same_label.ttl")
    shapes = Graph()
    for triple in load_shapes():
        shapes.add(triple)
    for prefix, namespace in load_shapes().namespaces():
        shapes.bind(prefix, namespace)
    assert validate(graph, shapes=shapes, engine=Engine.TURBO).results == validate(graph, shapes=shapes).results


class _BlindToSparql:
    """A stand-in for an engine version that compiles shapes but never runs sh:sparql."""

    def validate(self, data, **options):
        report = Graph()
        report.add((BNode(), RDF.type, SH.ValidationReport))
        return True, report, "Conforms: True"


def test_an_engine_that_ignores_sparql_is_refused(monkeypatch):
    import pyshacl_turbo

    monkeypatch.setattr(pyshacl_turbo, "compile_shapes", lambda *args, **kwargs: _BlindToSparql())
    validation._check_turbo_runs_sparql.cache_clear()
    validation._bundled_turbo_shapes.cache_clear()
    try:
        graph, _ = read_case(CASES / "meeting_same_label.ttl")
        with pytest.raises(UsageError, match="does not evaluate SHACL-SPARQL"):
            validate(graph, engine=Engine.TURBO)
    finally:
        validation._check_turbo_runs_sparql.cache_clear()
        validation._bundled_turbo_shapes.cache_clear()
