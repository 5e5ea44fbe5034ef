"""The embedded store and the exports, on the hand-made fixture."""

from __future__ import annotations

import hashlib
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from newsgraph.errors import QueryError, StoreError, UsageError
from newsgraph.export import Format, export, join_trig, write_outputs, write_trig_share
from newsgraph import store as store_module
from newsgraph.store import ONTOLOGY_GRAPH, UNION_GRAPH, GraphKind, open_store, to_oxigraph

FIXTURE = Path(__file__).parent / "data" / "store-fixture.trig"
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ID = Namespace("https://w3id.org/newsgraph/id/")
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
XSD_NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
MOSCOW = str(ID["graph-moscow-talks"])
VIENNA = str(ID["graph-vienna-talks"])


def load_fixture() -> Dataset:
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    return dataset


def article_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def fill(store, dataset: Dataset, *, reverse: bool = False) -> None:
    for name, graph in sorted(article_graphs(dataset).items(), reverse=reverse):
        store.replace_graph(name, graph)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path, create=True) as opened:
        fill(opened, load_fixture())
        yield opened


def test_fixture_anchors_are_the_text_between_their_offsets():
    dataset = load_fixture()
    mentions = list(dataset.quads((None, NIF.referenceContext, None, None)))
    assert len(mentions) == 22
    for mention, _, article, graph in mentions:
        text = str(dataset.graph(graph).value(article, NIF.isString))
        begin, end = (int(dataset.graph(graph).value(mention, p)) for p in (NIF.beginIndex, NIF.endIndex))
        assert str(mention).endswith(f"#char={begin},{end}")
        assert text[begin:end] == str(dataset.graph(graph).value(mention, NIF.anchorOf))


def test_missing_store_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match=r"no store in .*: run `newsgraph build \.\.\. --out"):
        open_store(tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_create_and_read_only_exclude_each_other(tmp_path):
    with pytest.raises(UsageError):
        open_store(tmp_path, create=True, read_only=True)


def test_replace_graph_twice_leaves_the_same_triple_count(store):
    graphs = article_graphs(load_fixture())
    count = store.triple_count()
    assert count == sum(len(g) for g in graphs.values())
    store.replace_graph(MOSCOW, graphs[MOSCOW])
    store.replace_graph(MOSCOW, graphs[MOSCOW])
    assert store.triple_count() == count
    assert store.triple_count(MOSCOW) == len(graphs[MOSCOW])


def test_replace_graph_drops_what_the_new_graph_no_longer_says(store):
    smaller = Graph()
    smaller.add((ID["person-x"], RDFS.label, Literal("X")))
    store.replace_graph(MOSCOW, smaller)
    assert store.triple_count(MOSCOW) == 1
    assert store.has_graph(MOSCOW) and store.has_graph(VIENNA)


def test_replace_graph_writes_and_clears_the_quarantine_graph(store):
    bad = Graph()
    bad.add((ID["person-x"], RDFS.label, Literal("X")))
    quarantine = MOSCOW + "-quarantine"
    store.replace_graph(MOSCOW, article_graphs(load_fixture())[MOSCOW], quarantine=(quarantine, bad))
    assert store.graph_names(kinds=[GraphKind.QUARANTINE]) == [quarantine]
    store.replace_graph(MOSCOW, article_graphs(load_fixture())[MOSCOW], quarantine=(quarantine, Graph()))
    assert not store.has_graph(quarantine)


def test_a_failing_update_request_rolls_back_its_earlier_operations():
    # replace_graphs relies on this pyoxigraph guarantee: DROP + INSERT in one request is atomic.
    raw = ox.Store()
    graph = ox.NamedNode("http://example.org/g")
    raw.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("o"), graph))
    with pytest.raises(RuntimeError):
        raw.update("DROP GRAPH <http://example.org/g> ; DROP GRAPH <http://example.org/missing>")
    assert len(raw) == 1 and raw.contains_named_graph(graph)


def union_of(store) -> set:
    return {(q.subject, q.predicate, q.object) for q in store._open().quads_for_pattern(None, None, None, ox.NamedNode(UNION_GRAPH))}


def article_triples(store) -> set:
    return {(q.subject, q.predicate, q.object) for q in store.quads()}


def test_the_union_graph_follows_every_write(store):
    graphs = article_graphs(load_fixture())
    assert union_of(store) == article_triples(store)
    assert len(union_of(store)) < store.triple_count()  # shared facts once
    smaller = Graph()
    smaller.add((ID["person-x"], RDFS.label, Literal("X")))
    store.replace_graph(MOSCOW, smaller)
    assert union_of(store) == article_triples(store)
    store.remove_graph(VIENNA)
    assert union_of(store) == article_triples(store) == {tuple(map(to_oxigraph, t)) for t in smaller}
    store.replace_graphs({MOSCOW: graphs[MOSCOW], VIENNA: graphs[VIENNA]})
    assert union_of(store) == article_triples(store)
    assert ONTOLOGY_GRAPH not in store.graph_names() and UNION_GRAPH not in store.graph_names()


def test_graphs_new_to_the_store_are_added_together_with_their_union(tmp_path):
    graphs = article_graphs(load_fixture())
    quarantine = MOSCOW + "-quarantine"
    bad = Graph()
    bad.add((ID["person-x"], RDFS.label, Literal("X")))
    with open_store(tmp_path, create=True) as store:
        store.replace_graphs({**graphs, quarantine: bad})  # none held yet: the bulk add
        assert union_of(store) == article_triples(store)
        assert store.graph_names(kinds=[GraphKind.QUARANTINE]) == [quarantine]
        assert {n: store.triple_count(n) for n in graphs} == {n: len(g) for n, g in graphs.items()}
        with pytest.raises(UsageError):
            store.replace_graphs({UNION_GRAPH: bad})


class CountingFlushes:
    """The real pyoxigraph store, counting its flushes."""

    def __init__(self, store: ox.Store):
        self.store, self.flushes = store, 0

    def flush(self) -> None:
        self.flushes += 1
        self.store.flush()

    def __getattr__(self, name: str):
        return getattr(self.store, name)


def test_transactions_are_flushed_every_so_many_graphs_and_bulk_loads_never(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "FLUSH_EVERY", 3)
    graphs = article_graphs(load_fixture())
    with open_store(tmp_path, create=True) as store:
        store._store = counting = CountingFlushes(store._store)
        store.replace_graphs(graphs)  # none held yet: a bulk load, no memory tables to flush
        assert counting.flushes == 0
        for n, (name, graph) in enumerate(itertools.islice(itertools.cycle(graphs.items()), 7), start=1):
            store.replace_graph(name, graph)  # held: a transaction
            assert counting.flushes == n // 3
        store._store = counting.store


def test_compacting_keeps_every_quad_and_needs_a_writable_store(tmp_path):
    with open_store(tmp_path, create=True) as store:
        for name, graph in article_graphs(load_fixture()).items():
            store.replace_graphs({name: graph})  # one bulk write each: overlapping table files
        before = set(store._open())
        store.optimize()
        assert set(store._open()) == before and len(before) > 0
    with open_store(tmp_path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.optimize()


def test_the_union_graph_is_not_written_directly(store):
    with pytest.raises(UsageError, match="maintained by the store"):
        store.replace_graph(UNION_GRAPH, Graph())


def test_quarantined_facts_stay_out_of_query_answers(store):
    bad = Graph()
    bad.add((ID["person-x"], RDFS.label, Literal("Quarantined")))
    store.replace_graph(MOSCOW + "-quarantine", bad)
    labels = {s["l"].value for s in store.query("SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }")}
    assert "Ruben Rubinyan" in labels and "Quarantined" not in labels


def test_query_bindings_are_terms(store):
    rows = list(store.query("SELECT ?node ?l WHERE { ?node <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
                            bindings={"node": ID["state-turkiye"]}))
    assert {r["l"].value for r in rows} == {"Türkiye"}


def test_bad_sparql_is_a_query_error(store):
    with pytest.raises(QueryError, match="does not parse"):
        store.query("SELECT ?s WHERE { ?s ?p }")


def test_store_persists_and_read_only_refuses_writes(tmp_path):
    with open_store(tmp_path, create=True) as store:
        fill(store, load_fixture())
        count = store.triple_count()
    with open_store(tmp_path, read_only=True) as store:
        assert store.triple_count() == count
        assert store.graph_names() == [MOSCOW, VIENNA]
        with pytest.raises(StoreError, match="read-only"):
            store.replace_graph(MOSCOW, Graph())
    with pytest.raises(StoreError, match="closed"):
        store.triple_count()


def test_a_second_writer_is_told_the_store_is_in_use(store):
    with pytest.raises(StoreError, match="in use by another process"):
        open_store(store.path.parent)


def test_ontology_is_its_own_graph_and_stays_out_of_the_dataset(store):
    loaded = store.load_ontology()
    assert loaded > 0 and store.has_graph(ONTOLOGY_GRAPH)
    assert store.graph_names(kinds=[GraphKind.ARTICLE]) == [MOSCOW, VIENNA]
    assert ONTOLOGY_GRAPH not in {str(g.identifier) for g in store.dataset().graphs()}
    assert len(store.dataset(kinds=[GraphKind.ONTOLOGY])) == loaded


def test_dataset_round_trips_except_integer_subtypes(store):
    # Measured on pyoxigraph 0.5.13: the store keeps numbers by value, so
    # "7"^^xsd:nonNegativeInteger comes back as "7"^^xsd:integer. Nothing else changes.
    back = article_graphs(store.dataset())
    for name, graph in article_graphs(load_fixture()).items():
        assert isomorphic(back[name], as_stored(graph))


def as_stored(graph: Graph) -> Graph:
    stored = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD_NON_NEGATIVE:
            o = Literal(str(o), datatype=XSD_INTEGER)
        stored.add((s, p, o))
    return stored


# -- export -----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", list(Format))
def test_export_is_byte_identical_for_copies_loaded_in_different_orders(tmp_path, fmt):
    outputs = []
    for reverse in (False, True):
        with open_store(tmp_path / str(reverse), create=True) as store:
            fill(store, load_fixture(), reverse=reverse)
            outputs.append(export(store, fmt))
    assert outputs[0] == outputs[1]
    assert export(load_fixture(), fmt) == export(load_fixture(), fmt)


_EXPORT_SCRIPT = """
import hashlib, sys
from rdflib import Dataset
from newsgraph.export import Format, export
dataset = Dataset()
dataset.parse(sys.argv[1], format="trig")
print(" ".join(hashlib.sha256(export(dataset, f)).hexdigest() for f in Format))
"""


def test_export_does_not_depend_on_the_hash_seed():
    digests = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", _EXPORT_SCRIPT, str(FIXTURE)], env=env,
                              capture_output=True, text=True, check=True)
        digests.add(done.stdout)
    assert len(digests) == 1
    here = " ".join(hashlib.sha256(export(load_fixture(), f)).hexdigest() for f in Format)
    assert digests == {here + "\n"}


@pytest.mark.parametrize("fmt, parse_as", [(Format.TRIG, "trig"), (Format.NQ, "nquads"), (Format.JSONLD, "json-ld")])
def test_quad_exports_parse_back_to_the_same_graphs(fmt, parse_as):
    original = load_fixture()
    back = Dataset()
    back.parse(data=export(original, fmt), format=parse_as)
    for name, graph in article_graphs(original).items():
        assert isomorphic(back.graph(URIRef(name)), graph), name


def test_turtle_export_is_the_merged_union():
    original = load_fixture()
    merged = Graph()
    for graph in article_graphs(original).values():
        merged += graph
    back = Graph().parse(data=export(original, Format.TTL), format="turtle")
    assert isomorphic(back, merged)
    assert len(back) < sum(len(g) for g in article_graphs(original).values())  # shared facts once


def test_turtle_from_the_store_is_the_union_with_sorted_prefixes(store):
    merged = Graph()
    for graph in article_graphs(load_fixture()).values():
        merged += graph
    text = export(store, Format.TTL)
    back = Graph().parse(data=text, format="turtle")
    assert isomorphic(back, as_stored(merged))
    header = [line for line in text.decode("utf-8").splitlines() if line.startswith("@prefix ")]
    assert header == sorted(header) and len(header) > 5
    assert b"\\#char" not in text  # mention IRIs written whole, not as escaped prefixed names


def test_multi_line_literals_survive_trig():
    dataset = Dataset()
    text = "First line\n    indented second line\n@prefix not a directive"
    dataset.graph(URIRef(MOSCOW)).add((ID["article-x"], NIF.isString, Literal(text)))
    back = Dataset().parse(data=export(dataset, Format.TRIG), format="trig")
    assert str(back.graph(URIRef(MOSCOW)).value(ID["article-x"], NIF.isString)) == text


def test_blank_nodes_export_deterministically():
    def made() -> Dataset:
        dataset = Dataset()
        graph = dataset.graph(URIRef(MOSCOW))
        graph.parse(data="<http://e/s> <http://e/p> [ <http://e/q> 1 ], [ <http://e/q> 2 ] .", format="turtle")
        return dataset

    assert export(made(), Format.NQ) == export(made(), Format.NQ)
    assert export(made(), Format.TRIG) == export(made(), Format.TRIG)


def test_a_store_with_blank_nodes_writes_the_files_a_dataset_gives(tmp_path):
    """Streaming stops at the first blank node and the canonical, sorted path writes the file instead."""
    dataset = Dataset()
    graph = dataset.graph(URIRef(MOSCOW))
    graph.parse(data="<http://e/s> <http://e/p> [ <http://e/q> 1 ], [ <http://e/q> 2 ] .", format="turtle")
    out = tmp_path / "outputs"
    with open_store(tmp_path, create=True) as store:
        store.replace_graph(MOSCOW, graph)
        written = write_outputs(store, out)
    for path, fmt in zip(written, (Format.TTL, Format.TRIG), strict=True):
        assert path.read_bytes() == export(dataset, fmt), fmt
    assert sorted(p.name for p in out.iterdir()) == ["graph.trig", "graph.ttl"]


def test_write_outputs_replaces_both_files_and_leaves_no_temporaries(store, tmp_path):
    out = tmp_path / "outputs"
    out.mkdir()
    (out / "graph.ttl").write_text("old")
    ttl, trig = write_outputs(store, out)
    assert ttl.read_bytes() == export(store, Format.TTL)
    assert trig.read_bytes() == export(store, Format.TRIG)
    assert sorted(p.name for p in out.iterdir()) == ["graph.trig", "graph.ttl"]


@pytest.mark.parametrize("cut", [0.0, 0.5, 1.0])
def test_shares_of_graph_trig_join_to_the_file_written_whole(store, tmp_path, cut):
    whole = write_outputs(store, tmp_path / "whole")[1].read_bytes()
    out = tmp_path / "shares"
    shares = [write_trig_share(store, out / name, share) for name, share in (("a", (0.0, cut)), ("b", (cut, 1.0)))]
    assert join_trig(out, shares).read_bytes() == whole
    assert [p.name for p in out.iterdir()] == ["graph.trig"]


def test_a_share_with_a_blank_node_writes_nothing(tmp_path):
    graph = Graph().parse(data="<http://e/s> <http://e/p> [ <http://e/q> 1 ] .", format="turtle")
    with open_store(tmp_path, create=True) as store:
        store.replace_graph(MOSCOW, graph)
        assert write_trig_share(store, tmp_path / "out" / "share", (0.0, 1.0)) is None
    assert list((tmp_path / "out").iterdir()) == []


def test_shares_are_not_joined_when_one_met_a_blank_node(store, tmp_path):
    out = tmp_path / "shares"
    written = write_trig_share(store, out / "a", (0.0, 0.5))
    assert join_trig(out, [written, None]) is None
    assert list(out.iterdir()) == []  # the written share removed, no graph.trig


def test_mention_iris_of_an_article_id_with_a_dot_are_written_whole():
    dataset = Dataset()
    mention = ID["article-afp_eng_19970418.0191#char=0,7"]
    dataset.graph(URIRef(MOSCOW)).add((mention, RDFS.label, Literal("Moscow")))
    for fmt in (Format.TTL, Format.TRIG):
        text = export(dataset, fmt).decode()
        assert f"<{mention}>" in text and "\\#" not in text, fmt


def test_mention_iris_are_written_whole_and_literals_untouched():
    dataset = load_fixture()
    tricky = r"id:article-x\#char\=0\,7 and a backslash \ here"
    dataset.graph(URIRef(MOSCOW)).add((ID["article-moscow-talks"], RDFS.comment, Literal(tricky)))
    for fmt, parse_as in ((Format.TTL, "turtle"), (Format.TRIG, "trig")):
        text = export(dataset, fmt).decode()
        assert "<https://w3id.org/newsgraph/id/article-moscow-talks#char=0,7>" in text
        assert "\\#char" not in text.replace(tricky.replace("\\", "\\\\"), "")
        back = Dataset().parse(data=text, format=parse_as)
        assert Literal(tricky) in {q[2] for q in back.quads((ID["article-moscow-talks"], RDFS.comment, None, None))}
