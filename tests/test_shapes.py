"""The SHACL shapes, case by case, and the validation stage around them.

Each ``tests/shape_cases/*.ttl`` is read after ``_base.ttl`` (a clean graph,
whose prefixes it may use) and says in ``# expect:`` lines exactly which
results it must yield: ``# expect: SEVERITY RULE/KIND FOCUS``, where RULE is
the shape's or SHACL-SPARQL constraint's local name, KIND the constraint that
failed (``MinCount``, ``Datatype``, ``SPARQL``...) and FOCUS the focus IRI
after the instance base; ``# expect: nothing`` for a case that must yield none.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SH

from newsgraph.namespace import ID, NG, ORG, SEM
from newsgraph.validate import Severity, ValidationReport, load_data, merge_reports, quarantine, validate

CASES = Path(__file__).parent / "shape_cases"
DATA = Path(__file__).parent / "data"
CASE_FILES = sorted(p for p in CASES.glob("*.ttl") if not p.name.startswith("_"))
EXPECTED_CASE_COUNT = 48


def read_case(path: Path) -> tuple[Graph, Counter]:
    base = (CASES / "_base.ttl").read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    graph = Graph().parse(data=base + "\n" + text, format="turtle")
    expected: Counter = Counter()
    for line in text.splitlines():
        if line.startswith("# expect:") and line.split(":", 1)[1].strip() != "nothing":
            severity, rule, focus = line.split(":", 1)[1].split()
            expected[(severity, rule, focus)] += 1
    return graph, expected


def observed(report: ValidationReport) -> Counter:
    return Counter(
        (r.severity.value, f"{r.rule}/{r.kind}", str(r.focus).removeprefix(str(ID))) for r in report.results
    )


def test_every_case_file_is_found():
    assert len(CASE_FILES) == EXPECTED_CASE_COUNT, [p.name for p in CASE_FILES]
    for path in CASE_FILES:
        assert "# expect:" in path.read_text(encoding="utf-8"), f"{path.name} says nothing about what it expects"


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_shape_case(path):
    graph, expected = read_case(path)
    report = validate(graph)
    assert observed(report) == expected, report.to_text()
    assert report.conforms == (not any(s == "Violation" for s, _, _ in expected))


def test_every_shape_has_a_violating_case():
    """No shape or SHACL-SPARQL constraint goes untested."""
    from newsgraph.validate import load_shapes

    shapes = load_shapes()
    named = {s for s in shapes.subjects(SH.message, None) if isinstance(s, URIRef)}
    rules = {str(s).rpartition("#")[2] for s in named}
    tested = {rule.partition("/")[0] for path in CASE_FILES for (_, rule, _) in read_case(path)[1]}
    assert rules - tested == set()


def test_contract_example_conforms():
    dataset = Dataset()
    dataset.parse(DATA / "contract-example.trig", format="trig")
    report = validate(dataset)
    assert report.conforms, report.to_text()
    # Only what the abridged example leaves out: a source, and mentions for the linked places.
    assert {(r.rule, str(r.focus).removeprefix(str(ID))) for r in report.results} == {
        ("ArticleSource", "article-example-1"),
        ("EntityProvenance", "place-oslo"),
        ("EntityProvenance", "place-santiago"),
        ("EntityProvenance", "state-chile"),
    }
    assert all(r.severity is Severity.WARNING for r in report.results)


def three_faults() -> Dataset:
    """The contract example with a one-person meeting, a date that is no date, and a membership without organization."""
    dataset = Dataset()
    dataset.parse(DATA / "contract-example.trig", format="trig")
    graph = dataset.graph(ID["graph-example-1"])
    planned = ID["event-meeting-2021-06-santiago"]
    graph.remove((planned, SEM.hasActor, ID["person-jon-berg"]))
    held = ID["event-meeting-2021-05-03-oslo"]
    graph.set((held, SEM.hasTimeStamp, Literal("soon")))
    graph.remove((ID["membership-ana-lopez-foreign-minister-chile"], ORG.organization, None))
    return dataset


def test_three_faults_give_exactly_three_readable_violations():
    report = validate(three_faults())
    assert not report.conforms
    found = {(r.rule, str(r.focus).removeprefix(str(ID))) for r in report.violations}
    assert found == {
        ("MeetingParticipants", "event-meeting-2021-06-santiago"),
        ("EventTimeStamp", "event-meeting-2021-05-03-oslo"),
        ("MembershipOrganization", "membership-ana-lopez-foreign-minister-chile"),
    }
    assert len(report.violations) == 3
    text = report.to_text()
    assert "3 violations" in text
    assert "A meeting needs at least two participants" in text
    assert 'value: "soon"' in text
    assert "article: example-1" in text
    # The sentence each fact came from, as the article wrote it.
    held = next(r for r in report.violations if r.rule == "EventTimeStamp")
    assert held.sentence.startswith("Chilean Foreign Minister Ana Lopez met")
    assert held.article == "example-1"
    assert held.label is None


def test_quarantine_moves_only_violating_facts():
    dataset = three_faults()
    report = validate(dataset)
    kept, quarantined = quarantine(dataset, report)
    assert isinstance(kept, Dataset)
    article = kept.graph(ID["graph-example-1"])
    focuses = {r.focus for r in report.violations}
    assert len(focuses) == 3
    assert not any((f, None, None) in article for f in focuses)
    moved = sum(1 for t in quarantined if t[0] in focuses)
    assert moved > 0
    assert len(list(kept.quads())) + moved == len(list(dataset.quads()))
    assert len(set(quarantined.subjects(RDF.type, SH.ValidationResult))) == 3
    assert validate(kept).conforms
    # Warnings never quarantine anything.
    assert (ID["state-chile"], None, None) in article


def test_quarantine_in_place_removes_from_the_input():
    dataset = three_faults()
    before = len(list(dataset.quads()))
    report = validate(dataset)
    kept, quarantined = quarantine(dataset, report, in_place=True)
    assert kept is dataset
    moved = sum(1 for t in quarantined if t[0] in {r.focus for r in report.violations})
    assert moved > 0 and len(list(dataset.quads())) == before - moved


def test_quarantine_of_a_conforming_graph_keeps_everything():
    graph, _ = read_case(CASES / "base.ttl")
    kept, quarantined = quarantine(graph, validate(graph))
    assert isomorphic(kept, graph)
    assert len(quarantined) == 0


def test_report_graph_is_a_shacl_report():
    report = validate(three_faults())
    [node] = report.graph.subjects(RDF.type, SH.ValidationReport)
    assert report.graph.value(node, SH.conforms) == Literal(False)
    assert len(set(report.graph.objects(node, SH.result))) == len(report.results)


def test_excluded_graphs_are_not_validated():
    report = validate(three_faults(), exclude=[str(ID["graph-example-1"])])
    assert report.conforms and report.results == ()


def test_merged_reports_have_one_report_node():
    faulty = validate(three_faults())
    clean = validate(read_case(CASES / "base.ttl")[0])
    merged = merge_reports([faulty, clean])
    assert merged.results == faulty.results and not merged.conforms
    [node] = merged.graph.subjects(RDF.type, SH.ValidationReport)
    assert len(set(merged.graph.objects(node, SH.result))) == 3 + len(faulty.warnings)


def test_warnings_do_not_break_conformance():
    report = validate(read_case(CASES / "event_timestamp_no_year.ttl")[0])
    assert report.conforms and report.warnings
    [node] = report.graph.subjects(RDF.type, SH.ValidationReport)
    assert report.graph.value(node, SH.conforms) == Literal(True)


def test_message_names_the_duplicate_participants():
    report = validate(read_case(CASES / "meeting_same_label.ttl")[0])
    [result] = report.results
    assert "person-ana-lopez-2" in result.message and "{?" not in result.message


def test_load_data_names_file_and_line(tmp_path):
    from newsgraph.errors import InputError

    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ng: <https://w3id.org/newsgraph/ontology#> .\n\nng:a ng:b .\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_data(bad)
    assert "bad.ttl" in str(caught.value)
    with pytest.raises(InputError):
        load_data(tmp_path / "graph.xyz")


def test_validation_is_fast_on_article_graphs():
    dataset = Dataset()
    dataset.parse(DATA / "contract-example.trig", format="trig")
    validate(dataset)  # warm: shapes, ontology and queries parsed once
    start = time.perf_counter()
    for _ in range(5):
        validate(dataset)
    assert (time.perf_counter() - start) / 5 < 0.5
