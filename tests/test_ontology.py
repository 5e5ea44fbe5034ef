"""The ontology, the closed NG namespace, the shapes' vocabulary and the generated docs agree."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SH, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS

from newsgraph.errors import UsageError
from newsgraph.model import EventType, MeetingMode, Status
from newsgraph.namespace import NG, NIF, ORG, SCHEMA, SEM
from newsgraph.resources import resource_path
from newsgraph.validate import load_ontology, load_shapes

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_IRI = URIRef("https://w3id.org/newsgraph/ontology")


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def defined_terms(graph: Graph) -> set[str]:
    return {
        str(s)[len(str(NG)) :]
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(NG))
    }


def ng_terms_used(graph: Graph) -> set[str]:
    ng = str(NG)
    used = {str(t)[len(ng) :] for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(ng)}
    for query in graph.objects(None, SH.select):
        used |= set(re.findall(r"\bng:(\w+)", str(query)))
    return used


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, RDFS.comment)


def test_every_term_has_one_label_and_a_comment(onto):
    for name in defined_terms(onto):
        term = NG[name]
        assert len(list(onto.objects(term, RDFS.label))) == 1, f"ng:{name} needs exactly one rdfs:label"
        assert onto.value(term, RDFS.comment), f"ng:{name} needs an rdfs:comment"


@pytest.mark.parametrize(
    ("cls", "supers"),
    [
        (NG.Person, {SCHEMA.Person, SEM.Actor}),
        (NG.State, {SCHEMA.Country, SEM.Actor, SEM.Place}),
        (NG.Organization, {ORG.Organization, SEM.Actor}),
        (NG.Place, {SCHEMA.Place, SEM.Place}),
        (NG.Event, {SEM.Event}),
        (NG.Article, {SCHEMA.NewsArticle, NIF.Context}),
    ],
)
def test_classes_are_aligned(onto, cls, supers):
    assert set(onto.objects(cls, RDFS.subClassOf)) == supers


def test_model_enums_are_ontology_terms(onto):
    """Every event type, status and meeting mode the pipeline can produce is defined."""
    for event_type in EventType:
        assert (NG[event_type.value], RDFS.subClassOf, NG.Event) in onto
    for status in Status:
        assert (NG[status.value], RDF.type, NG.EventStatus) in onto
    for mode in MeetingMode:
        assert (NG[mode.value], RDF.type, NG.MeetingMode) in onto
    assert set(onto.items(onto.value(NG.EventStatus, OWL.oneOf))) == {NG[s.value] for s in Status}
    assert set(onto.items(onto.value(NG.MeetingMode, OWL.oneOf))) == {NG[m.value] for m in MeetingMode}


def test_properties_have_domain_and_range(onto):
    properties = {p for kind in (OWL.ObjectProperty, OWL.DatatypeProperty) for p in onto.subjects(RDF.type, kind)}
    ours = {NG.status, NG.confidence, NG.mode, NG.content, NG.yearSource, NG.towards, NG.former, NG.ofState}
    assert ours <= properties
    for prop in properties:
        assert onto.value(prop, RDFS.domain) is not None, prop
        assert onto.value(prop, RDFS.range) is not None, prop


def test_roles_form_a_skos_scheme(onto):
    roles = set(onto.subjects(RDF.type, ORG.Role))
    assert NG.ForeignMinister in roles and NG.SpecialRepresentative in roles
    for role in roles:
        assert (role, RDF.type, SKOS.Concept) in onto
        assert (role, SKOS.inScheme, NG.RoleScheme) in onto
        assert len(list(onto.objects(role, RDFS.label))) == 1
        assert set(onto.objects(role, SKOS.broader)) <= roles


def test_namespace_lists_exactly_the_ontology_terms(onto):
    in_namespace = {name for name in NG.__annotations__ if not name.startswith("_")}
    assert in_namespace == defined_terms(onto)


def test_namespace_module_is_regenerated():
    maker = load_script("make_namespace")
    expected = maker.render(maker.read_terms(ROOT / "ontology"))
    actual = (ROOT / "src" / "newsgraph" / "namespace.py").read_text(encoding="utf-8")
    assert actual == expected, "run scripts/make_namespace.py"


def test_namespace_is_closed():
    with pytest.raises(AttributeError):
        NG.Meetign
    with pytest.raises(AttributeError):
        NG["NoSuchRole"]
    assert NG["ForeignMinister"] == URIRef(str(NG) + "ForeignMinister")


def test_shapes_use_only_defined_terms(onto):
    shapes = load_shapes()
    assert ng_terms_used(shapes) <= defined_terms(onto)
    assert "Meeting" in ng_terms_used(shapes)  # the check looks at the right thing


def test_shapes_have_messages_and_severities():
    shapes = load_shapes()
    named = [s for s in shapes.subjects(RDF.type, SH.PropertyShape)] + [
        s for s in shapes.subjects(RDF.type, SH.NodeShape) if (s, SH.sparql, None) in shapes
    ]
    for shape in named:
        assert shapes.value(shape, SH.severity) in {SH.Violation, SH.Warning}, shape
    for constraint in shapes.subjects(RDF.type, SH.SPARQLConstraint):
        assert shapes.value(constraint, SH.message), constraint


def test_docs_are_up_to_date():
    docs = load_script("ontology_docs")
    expected = docs.render(docs.read_turtle(ROOT / "ontology"), docs.read_turtle(ROOT / "shapes"))
    assert (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8") == expected, "run scripts/ontology_docs.py"
    assert "`ng:Meeting`" in expected and "`ng:ForeignMinister`" in expected


def test_resource_path_finds_bundled_folders():
    assert (resource_path("ontology") / "newsgraph.ttl").is_file()
    assert resource_path("shapes").is_dir()
    with pytest.raises(UsageError, match="not found"):
        resource_path("no-such-folder")


def test_ontology_title_is_dcterms(onto):
    assert onto.value(ONTOLOGY_IRI, DCTERMS.title)
