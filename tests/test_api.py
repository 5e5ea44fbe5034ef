"""The Python API: newsgraph.build / newsgraph.open and the KnowledgeGraph verbs, on the seeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import newsgraph
from newsgraph.export import Format, export, jsonld_context
from newsgraph.query import ask, run_sparql
from newsgraph.store import GraphKind, open_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("api-out")
    graph = newsgraph.build(SEEDS, out)
    try:
        yield graph
    finally:
        graph.close()


def test_build_returns_an_open_graph_with_the_build_result(built):
    assert isinstance(built, newsgraph.KnowledgeGraph)
    assert len(built.articles) == 2
    assert built.build_result is not None and built.build_result.conforms
    assert [a.graph for a in built.build_result.articles] == built.articles


def test_the_verbs_match_the_modules_behind_the_cli(built):
    store = built.store
    assert built.ask("who-met-where") == ask(store, "who-met-where")
    assert built.ask("timeline", state1="Armenia", state2="Turkey") == ask(
        store, "timeline", params={"state1": "Armenia", "state2": "Turkey"})
    text = "SELECT ?p WHERE { ?p a <https://w3id.org/newsgraph/ontology#Person> } ORDER BY ?p"
    assert built.sparql(text) == run_sparql(store, text)
    for fmt in Format:
        assert built.export(fmt) == export(store, fmt)
    assert built.export("nq") == built.export(Format.NQ)


def test_ask_answers_with_the_persons_meetings(built):
    answer = built.ask("meetings-of", person="Kılıç")
    assert [(r[0], r[1], r[2], r[3]) for r in answer.rows] == [
        (None, "Armenia", "Ruben Rubinyan", "planned"),
        ("2022-01-14", "Moscow", "Ruben Rubinyan", "occurred"),
        ("2022-07-01", "Vienna", "Ruben Rubinyan", "occurred"),
    ]
    assert json.loads(answer.to_json())["columns"] == ["date", "place", "with", "status", "articles", "meeting"]


def test_ask_reports_a_wrong_parameter(built):
    with pytest.raises(newsgraph.QueryError, match="missing: person"):
        built.ask("meetings-of")
    with pytest.raises(newsgraph.QueryError, match="unknown parameter"):
        built.ask("who-met-where", person="Kilic")


def test_validate_gives_the_report(built):
    report = built.validate()
    assert isinstance(report, newsgraph.ValidationReport)
    assert report.conforms and not report.violations
    assert report.to_text().startswith("Validation: the graph conforms")


def test_open_reads_an_earlier_build_and_the_context_manager_closes_it(built):
    with newsgraph.open(built.out_dir) as again:
        assert again.ask("who-met-whom") == built.ask("who-met-whom")
        assert again.export(Format.TTL) == built.export(Format.TTL)
    with pytest.raises(newsgraph.StoreError, match="closed"):
        again.ask("who-met-whom")


def test_open_leaves_the_store_free_for_a_writer(built):
    # Read-only: a build (a writer) can take the store while a graph is open.
    with open_store(built.out_dir) as writer:
        assert writer.graph_names(kinds={GraphKind.ARTICLE}) == built.articles


def test_open_without_a_build_says_what_to_do(tmp_path):
    with pytest.raises(newsgraph.StoreError, match="run `newsgraph build"):
        newsgraph.open(tmp_path)


def test_importing_newsgraph_stays_light():
    code = "import sys, newsgraph; newsgraph.NewsgraphError; print('spacy' in sys.modules, 'rdflib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_unknown_names_are_attribute_errors():
    with pytest.raises(AttributeError):
        newsgraph.no_such_thing  # noqa: B018


# -- JSON-LD -------------------------------------------------------------------

def test_jsonld_is_compacted_with_the_published_context(built):
    document = json.loads(built.export(Format.JSONLD))
    assert document["@context"] == jsonld_context()
    nodes = [node for graph in document["@graph"] for node in graph["@graph"]]
    meeting = next(n for n in nodes if n.get("@type") and "ng:Meeting" in n["@type"])
    assert isinstance(meeting["hasActor"], list) and all(isinstance(a, str) for a in meeting["hasActor"])
    assert meeting["status"].startswith("ng:")
    mention = next(n for n in nodes if "beginIndex" in n)
    assert mention["@type"] == "nif:String" and mention["beginIndex"].isdigit()


def test_jsonld_parses_back_to_the_same_graphs(built):
    back = Dataset()
    back.parse(data=built.export(Format.JSONLD), format="json-ld")
    original = Dataset()
    original.parse(data=built.export(Format.NQ), format="nquads")
    for name in built.articles:
        assert isomorphic(back.graph(name), original.graph(name)), name
    assert sum(len(back.graph(n)) for n in built.articles) == sum(len(original.graph(n)) for n in built.articles)


def test_values_the_context_cannot_coerce_keep_their_datatype():
    from rdflib import Literal, Namespace, URIRef

    nif = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    ng = Namespace("https://w3id.org/newsgraph/ontology#")
    name = URIRef("https://w3id.org/newsgraph/id/graph-x")
    dataset = Dataset()
    graph = dataset.graph(name)
    node = URIRef("https://w3id.org/newsgraph/id/x")
    graph.add((node, nif.beginIndex, Literal("7", datatype=URIRef("http://www.w3.org/2001/XMLSchema#long"))))
    graph.add((node, ng.status, Literal("occurred")))  # a literal where the term expects an IRI
    graph.add((node, ng.former, Literal(True)))
    data = export(dataset, Format.JSONLD)
    compacted = json.loads(data)["@graph"][0]["@graph"][0]
    assert compacted["nif:beginIndex"] == {"@value": "7", "@type": "xsd:long"}
    assert compacted["ng:status"] == "occurred"
    assert compacted["former"] == "true"
    back = Dataset()
    back.parse(data=data, format="json-ld")
    assert isomorphic(back.graph(name), graph)


def test_the_context_file_is_valid_json_ld_with_the_contract_prefixes():
    context = jsonld_context()
    expected = {"ng": "https://w3id.org/newsgraph/ontology#", "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
                "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#",
                "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
                "schema": "https://schema.org/", "skos": "http://www.w3.org/2004/02/skos/core#",
                "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "dcterms": "http://purl.org/dc/terms/",
                "xsd": "http://www.w3.org/2001/XMLSchema#"}
    assert {k: context[k] for k in expected} == expected
    # A document using only the context's terms reads as the contract's IRIs.
    sample = {"@context": context, "@id": "https://w3id.org/newsgraph/id/m", "@type": "ng:Meeting",
              "hasActor": "https://w3id.org/newsgraph/id/p", "beginIndex": "3", "label": "M"}
    triples = {(str(p), str(o), getattr(o, "datatype", None) and str(o.datatype))
               for _, p, o in Graph().parse(data=json.dumps(sample), format="json-ld")}
    assert triples == {
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://w3id.org/newsgraph/ontology#Meeting", None),
        ("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor", "https://w3id.org/newsgraph/id/p", None),
        ("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex", "3",
         "http://www.w3.org/2001/XMLSchema#integer"),
        ("http://www.w3.org/2000/01/rdf-schema#label", "M", None),
    }
