"""The whole build on the seed articles: the product's promise, end to end."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from newsgraph.cli import main
from newsgraph.query import ask, run_sparql
from newsgraph.store import open_store

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).parent / "golden" / "seeds.ttl"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeds built as a user would, from the project folder (dcterms:source keeps the path as given)."""
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert main(["build", "seeds", "--out", str(out)]) == 0
    return out


def test_the_build_writes_every_output_file(built):
    for name in ("graph.ttl", "graph.trig", "validation.txt", "validation.ttl"):
        assert (built / name).stat().st_size > 0, name
    assert "conforms" in (built / "validation.txt").read_text()


def test_who_met_where_gives_exactly_the_three_reported_meetings(built):
    with open_store(built, read_only=True) as store:
        rows = {(r[0], r[1], r[2], r[3]) for r in ask(store, "who-met-where").rows}
    assert rows == {
        ("2022-01-14", "Moscow", "Ruben Rubinyan; Serdar Kılıç", "occurred"),
        ("2022-07-01", "Vienna", "Ruben Rubinyan; Serdar Kılıç", "occurred"),
        (None, "Armenia", "Ruben Rubinyan; Serdar Kılıç", "planned"),
    }


PUBLIC_VOCABULARY_QUERY = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?article WHERE {
  ?meeting a ng:Meeting ; sem:hasPlace/rdfs:label "Moscow" ;
           prov:wasDerivedFrom/nif:referenceContext/dcterms:identifier ?article .
} ORDER BY ?article
"""


def test_the_moscow_meeting_is_one_node_sourced_from_both_articles(built):
    with open_store(built, read_only=True) as store:
        rows = run_sparql(store, PUBLIC_VOCABULARY_QUERY).rows
    assert rows == (("000_fc4613b8c23f63ca.txt",), ("004_98e25bbe12994206.txt",))


def test_the_graph_matches_the_golden_graph(built):
    graph = Graph().parse(built / "graph.ttl")
    golden = Graph().parse(GOLDEN)
    if not isomorphic(graph, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(graph), to_isomorphic(golden))
        pytest.fail("graph differs from tests/golden/seeds.ttl\n"
                    f"only in the build:\n{_lines(only_built)}\nonly in the golden graph:\n{_lines(only_golden)}")


def _lines(graph: Graph, limit: int = 40) -> str:
    lines = sorted(graph.serialize(format="nt").splitlines())
    return "\n".join(lines[:limit]) + (f"\n... {len(lines) - limit} more" if len(lines) > limit else "")


def test_building_twice_gives_byte_identical_exports(built, tmp_path, monkeypatch):
    again = tmp_path / "again"
    monkeypatch.chdir(ROOT)
    assert main(["build", "seeds", "--out", str(again)]) == 0
    for name in ("graph.ttl", "graph.trig"):
        assert (built / name).read_bytes() == (again / name).read_bytes(), name


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def test_exit_code_2_names_the_file_and_line_of_bad_input(tmp_path):
    bad = tmp_path / "news.jsonl"
    bad.write_text('{"id": "a", "text": "Fine."}\n{"id": "b", "text": \n', encoding="utf-8")
    result = _run("build", bad, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "news.jsonl:2" in result.stderr and "Traceback" not in result.stderr


def test_exit_code_2_for_a_missing_store(tmp_path):
    result = _run("ask", "who-met-where", "--store", tmp_path / "nowhere")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_exit_code_1_when_a_graph_file_does_not_conform(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("""
        @prefix ng: <https://w3id.org/newsgraph/ontology#> .
        @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
        <https://example.org/m> a ng:Meeting, sem:Event ; sem:hasActor <https://example.org/p> .
    """, encoding="utf-8")
    result = _run("validate", bad)
    assert result.returncode == 1
    assert "Violation" in result.stdout


def test_exit_code_0_when_the_built_graph_validates(built):
    assert _run("validate", "--store", built).returncode == 0
    assert _run("validate", built / "graph.trig").returncode == 0


def test_exit_code_2_when_every_item_was_skipped(tmp_path):
    bad = tmp_path / "news.jsonl"
    bad.write_text('{"id": "a"}\n{"text": "no id"}\n', encoding="utf-8")
    result = _run("build", bad, "--out", tmp_path / "out", "--on-error", "skip")
    assert result.returncode == 2 and "every input item was skipped" in result.stderr


def test_output_files_are_readable_by_others_as_the_umask_allows(built):
    import stat
    assert (built / "graph.ttl").stat().st_mode & stat.S_IROTH


PEOPLE_QUERY = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?label (GROUP_CONCAT(DISTINCT ?alt; separator="|") AS ?alts) WHERE {
  ?person a ng:Person ; rdfs:label ?label .
  OPTIONAL { ?person skos:altLabel ?alt }
} GROUP BY ?person ?label ORDER BY ?label
"""


def test_one_node_per_person_with_every_spelling_as_an_alternative_label(built):
    with open_store(built, read_only=True) as store:
        rows = {label: set((alts or "").split("|")) for label, alts in run_sparql(store, PEOPLE_QUERY).rows}
    assert set(rows) == {"Ani Badalyan", "Ruben Rubinyan", "Serdar Kılıç"}
    assert "Ruben Rubinian" in rows["Ruben Rubinyan"] and "Serdar Kilic" in rows["Serdar Kılıç"]


def test_one_node_for_turkiye_whatever_the_article_calls_it(built):
    query = """
    PREFIX ng: <https://w3id.org/newsgraph/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?state ?alt WHERE { ?state a ng:State ; skos:altLabel ?alt .
      FILTER (?alt IN ("Turkey", "Türkiye", "Turkish")) }"""
    with open_store(built, read_only=True) as store:
        rows = run_sparql(store, query).rows
    assert {state for state, _ in rows} == {"https://w3id.org/newsgraph/id/state-tur"}
    assert "Turkey" in {alt for _, alt in rows}


def test_validate_gives_the_same_verdict_with_either_engine(built):
    for engine in ("pyshacl", "turbo"):
        result = _run("validate", "--store", built, "--engine", engine)
        assert result.returncode == 0 and "conforms" in result.stdout, engine


@pytest.mark.parametrize("items", [
    # a state named only inside a body's name: the body's ng:ofState needs the state in the article's graph
    ['{"id": "a1", "text": "Three Kenyan traders were seized in Mombasa on Thursday, Uganda\'s Interior Ministry '
     'said.", "published": "2004-10-02"}'],
    # one meeting reported by two articles, the second naming one more side than the first names at all
    ['{"id": "b1", "text": "Paul Otieno met Anna Berg in Oslo on Monday.", "published": "2022-01-18"}',
     '{"id": "b2", "text": "Paul Otieno, Anna Berg and Jon Smith met in Oslo on Monday.", "published": "2022-01-18"}'],
])
def test_every_article_graph_conforms_on_its_own(tmp_path, items):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(items) + "\n", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "validation.txt").read_text().startswith("Validation: the graph conforms")
