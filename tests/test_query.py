"""The SPARQL library and free SPARQL, on the hand-made fixture plus the ontology."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from newsgraph.errors import QueryError
from newsgraph.query import (
    LIST_SEPARATOR,
    Answer,
    OrderKey,
    ParamKind,
    _library,
    _list_value,
    _select,
    _section_rows,
    ask,
    find_nodes,
    list_queries,
    parse_query,
    run_sparql,
    sort_rows,
)
from newsgraph.store import ONTOLOGY_GRAPH, open_store

FIXTURE = Path(__file__).parent / "data" / "store-fixture.trig"
ID = "https://w3id.org/newsgraph/id/"
MOSCOW_MEETING = ID + "event-meeting-2022-01-14-moscow-8b1d2e3f4a"
VIENNA_MEETING = ID + "event-meeting-2022-02-24-vienna-2d3e4f5a6b"
ANKARA_MEETING = ID + "event-meeting-2022-03-ankara-9e8d7c6b5a"
RUBINYAN_ROLE = ID + "membership-ruben-rubinyan-specialrepresentative-3f2a9c0d1e"
KILIC_ROLE = ID + "membership-serdar-kilic-ambassador-7c4e5f6a7b"
MOSCOW_SOURCES = ("Armenia's special representative to Türkiye, Ruben Rubinyan, met Serdar Kılıç in Moscow on "
                  "14 January 2022.; Rubinian and Kilic first met in Moscow on 14 January.")
VIENNA_SOURCE = "Armenia and Turkey held a second round of talks in Vienna on 24 February."
ANKARA_SOURCE = "Kılıç, a former Turkish ambassador, will meet Ararat Mirzoyan in Ankara in March."


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    with open_store(tmp_path_factory.mktemp("out"), create=True) as opened:
        opened.load_ontology(ONTOLOGY_GRAPH)
        for graph in dataset.graphs():
            if len(graph):
                opened.replace_graph(str(graph.identifier), graph)
        yield opened


def test_the_library_lists_every_query_with_its_parameters():
    infos = {i.name: i for i in list_queries()}
    assert list(infos) == sorted(infos)
    assert {name: [str(p) for p in info.params] for name, info in infos.items()} == {
        "envoys-of": ["state"], "events-at": ["place"], "meetings-of": ["person"], "roles-of": ["person"],
        "sources-of": ["node"], "timeline": ["state1", "state2"], "who-met-where": [], "who-met-whom": [],
    }
    assert infos["meetings-of"].params[0].kind is ParamKind.PERSON
    assert all(info.description for info in infos.values())


def test_who_met_where(store):
    answer = ask(store, "who-met-where")
    assert answer.columns == ("date", "place", "participants", "status", "articles", "sources", "meeting")
    assert answer.rows == (
        ("2022-01-14", "Moscow", "Ruben Rubinyan; Serdar Kılıç", "occurred", "moscow-talks; vienna-talks",
         MOSCOW_SOURCES, MOSCOW_MEETING),
        ("2022-02-24", "Vienna", "Armenia; Türkiye", "occurred", "vienna-talks", VIENNA_SOURCE, VIENNA_MEETING),
        ("2022-03", "Ankara", "Ararat Mirzoyan; Serdar Kılıç", "planned", "vienna-talks", ANKARA_SOURCE, ANKARA_MEETING),
    )


def test_who_met_whom_counts_a_merged_meeting_once(store):
    answer = ask(store, "who-met-whom")
    assert answer.columns == ("person1", "person2", "status", "meetings", "dates")
    assert answer.rows == (
        ("Ararat Mirzoyan", "Serdar Kılıç", "planned", "1", "2022-03"),
        ("Ruben Rubinyan", "Serdar Kılıç", "occurred", "1", "2022-01-14"),
    )


@pytest.mark.parametrize("name", ["Kilic", "kılıç", "SERDAR KILIC", "  serdar   kılıç "])
def test_meetings_of_matches_names_ignoring_case_and_accents(store, name):
    answer = ask(store, "meetings-of", params={"person": name})
    assert answer.columns == ("date", "place", "with", "status", "articles", "meeting")
    assert answer.rows == (
        ("2022-01-14", "Moscow", "Ruben Rubinyan", "occurred", "moscow-talks; vienna-talks", MOSCOW_MEETING),
        ("2022-03", "Ankara", "Ararat Mirzoyan", "planned", "vienna-talks", ANKARA_MEETING),
    )


def test_roles_of_takes_role_labels_from_the_ontology(store):
    assert ask(store, "roles-of", params={"person": "Rubinian"}).rows == (
        ("special representative", "Armenia", "Türkiye", "false", "moscow-talks", RUBINYAN_ROLE),
    )
    answer = ask(store, "roles-of", params={"person": "Kilic"})
    assert answer.columns == ("role", "organization", "towards", "former", "articles", "membership")
    assert answer.rows == (("ambassador", "Türkiye", None, "true", "vienna-talks", KILIC_ROLE),)


def test_envoys_of(store):
    assert ask(store, "envoys-of", params={"state": "turkey"}).rows == (
        ("Serdar Kılıç", "ambassador", None, "true", "vienna-talks", KILIC_ROLE),
    )
    assert ask(store, "envoys-of", params={"state": "Armenia"}).rows == (
        ("Ruben Rubinyan", "special representative", "Türkiye", "false", "moscow-talks", RUBINYAN_ROLE),
    )


def test_timeline_finds_events_through_states_and_their_members(store):
    answer = ask(store, "timeline", params={"state1": "Armenia", "state2": "Turkey"})
    assert answer.columns == ("date", "event", "place", "participants", "status", "articles", "sources", "node")
    # Moscow: two envoys of the two states; Vienna: the states themselves.
    # Ankara is left out: Mirzoyan holds no role of Armenia in the fixture.
    assert answer.rows == (
        ("2022-01-14", "meeting", "Moscow", "Ruben Rubinyan; Serdar Kılıç", "occurred", "moscow-talks; vienna-talks",
         MOSCOW_SOURCES, MOSCOW_MEETING),
        ("2022-02-24", "meeting", "Vienna", "Armenia; Türkiye", "occurred", "vienna-talks", VIENNA_SOURCE, VIENNA_MEETING),
    )
    swapped = ask(store, "timeline", params={"state1": "türkiye", "state2": "armenia"})
    assert swapped.rows == answer.rows


def test_events_at(store):
    assert ask(store, "events-at", params={"place": "moscow"}).rows == (
        ("2022-01-14", "meeting", "Ruben Rubinyan; Serdar Kılıç", "occurred", "moscow-talks; vienna-talks", MOSCOW_MEETING),
    )
    assert [r[-1] for r in ask(store, "events-at", params={"place": "Ankara"}).rows] == [ANKARA_MEETING]


def test_sources_of_a_name_and_of_an_iri(store):
    answer = ask(store, "sources-of", params={"node": "Turkey"})
    assert answer.columns == ("article", "begin", "end", "text", "mention")
    assert [row[:4] for row in answer.rows] == [
        ("moscow-talks", "36", "43", "Türkiye"),
        ("vienna-talks", "66", "72", "Turkey"),
        ("vienna-talks", "144", "151", "Turkish"),
    ]
    by_iri = ask(store, "sources-of", params={"node": VIENNA_MEETING})
    assert by_iri.rows == (("vienna-talks", "54", "127", VIENNA_SOURCE, ID + "article-vienna-talks#char=54,127"),)


def test_find_nodes_is_restricted_to_the_kind(store):
    assert [n.value for n in find_nodes(store, "Türkiye", kind=ParamKind.STATE)] == [ID + "state-turkiye"]
    assert find_nodes(store, "Türkiye", kind=ParamKind.PERSON) == []
    assert [n.value for n in find_nodes(store, "Moscow", kind=ParamKind.PLACE)] == [ID + "place-moscow"]


@pytest.mark.parametrize("hostile", [
    '"quotes"', 'Kilic"', "} UNION { ?s ?p ?o }", "DROP ALL", '"} ; DROP ALL ; SELECT * WHERE {"',
    "<https://w3id.org/newsgraph/id/person-serdar-kilic> } UNION {", "?person", "",
])
def test_parameters_are_plain_names_never_sparql(store, hostile):
    count, graphs = store.triple_count(), store.graph_names()
    for name, param in (("meetings-of", "person"), ("sources-of", "node"), ("envoys-of", "state")):
        answer = ask(store, name, params={param: hostile})
        assert answer.rows == ()
        assert answer.columns  # the query ran and reported its columns
    assert ask(store, "timeline", params={"state1": "Armenia", "state2": hostile}).rows == ()
    assert (store.triple_count(), store.graph_names()) == (count, graphs)


def test_unknown_query_lists_the_valid_ones(store):
    with pytest.raises(QueryError, match="no query named 'who-met'; the library has: .*who-met-where, who-met-whom"):
        ask(store, "who-met")


def test_missing_and_unknown_parameters_say_which_are_valid(store):
    with pytest.raises(QueryError, match=r"takes --param state1=\.\.\. --param state2=\.\.\.; missing: state2"):
        ask(store, "timeline", params={"state1": "Armenia"})
    with pytest.raises(QueryError, match="unknown parameter.*: name"):
        ask(store, "meetings-of", params={"person": "Kilic", "name": "x"})
    with pytest.raises(QueryError, match="no parameters; unknown parameter.*: person"):
        ask(store, "who-met-where", params={"person": "Kilic"})


def test_who_met_where_agrees_with_rdflib_in_memory_sparql(store):
    dataset = Dataset(default_union=True)
    dataset.parse(FIXTURE, format="trig")
    info = _library()["who-met-where"]
    rows = [tuple(None if v is None else str(v) for v in row) for row in dataset.query(info.text)]
    expected = _as_ask_answers(rows, ask(store, "who-met-where").columns, info.lists)
    assert len(rows) > len(expected) == 3  # the whole text gives one row per mention of each of the 3 meetings
    assert ask(store, "who-met-where").rows == expected


def _as_ask_answers(rows: list[tuple], columns: tuple[str, ...], lists: tuple[str, ...]) -> tuple[tuple, ...]:
    """What ask makes of the rows of a whole query text: rows that differ only in lists united, in their first
    row's place, each list's items sorted and joined."""
    at = [i for i, c in enumerate(columns) if c in lists]
    items: dict[tuple, list[set[str]]] = {}
    for row in rows:
        found = items.setdefault(tuple(v for i, v in enumerate(row) if i not in at), [set() for _ in at])
        for into, i in zip(found, at):
            into.update(filter(None, (row[i] or "").split(LIST_SEPARATOR)))
    answers = []
    for rest, found in items.items():
        row = list(rest)
        for into, i in zip(found, at):
            row.insert(i, _list_value(LIST_SEPARATOR.join(into)) if into else None)
        answers.append(tuple(row))
    return tuple(answers)


@pytest.mark.parametrize("info", list_queries(), ids=lambda i: i.name)
def test_each_library_query_is_sorted_as_its_order_by_says(store, info):
    # ask sorts in Python what the file's ORDER BY says; the store, given the whole text, must agree.
    params = {p.name: {"person": "Kilic", "state": "Türkiye", "state1": "Armenia", "state2": "Türkiye",
                       "place": "Moscow", "node": "Kilic"}[p.name] for p in info.params}
    bindings = {p.name: find_nodes(store, v, kind=p.kind)[0] for p, v in zip(info.params, params.values())}
    columns, rows = _select(store.query(info.text, bindings=bindings))
    keep = [i for i, c in enumerate(columns) if c not in params]
    kept = [tuple(row[i] for i in keep) for row in rows]
    by_store = _as_ask_answers(kept, tuple(columns[i] for i in keep), info.lists)
    assert by_store, f"{info.name} finds nothing in the fixture: the comparison would prove nothing"
    assert ask(store, info.name, params=params).rows == by_store


def test_the_final_order_by_is_read_off_the_text_when_python_can_apply_it():
    head = "# name: q\n# answers: a\nSELECT ?a ?n (COUNT(?x) AS ?c) WHERE { ?a ?n ?x } GROUP BY ?a ?n\n"
    sorted_here = parse_query(head + "ORDER BY DESC(?c) ?a  desc( ?n )\n", source="q.rq")
    assert sorted_here.order == (OrderKey("c", True), OrderKey("a"), OrderKey("n", True))
    assert "ORDER BY" not in sorted_here.body and sorted_here.text.endswith("desc( ?n )\n")
    for modifiers in ("ORDER BY STR(?a)", "ORDER BY ?a LIMIT 3", "ORDER BY ?x"):  # ?x is not projected
        kept = parse_query(head + modifiers, source="q.rq")
        assert (kept.order, kept.body) == ((), kept.text)


def test_rows_sort_in_sparql_order():
    # TSV cells as the store writes them: an integer bare or typed, a literal plain, an IRI, a blank node, unbound.
    integer = "^^<http://www.w3.org/2001/XMLSchema#integer>"
    column = ['"b"', '"10"' + integer, "", "<http://x/a>", "_:z", "2", '"1"' + integer]
    rows = [(cell, str(i)) for i, cell in enumerate(column)]
    ascending = [cell for cell, _ in sort_rows(rows, ("v", "i"), (OrderKey("v"),))]
    assert ascending == ["", "_:z", "<http://x/a>", '"1"' + integer, "2", '"10"' + integer, '"b"']
    descending = sort_rows(rows, ("v", "i"), (OrderKey("v", True),))
    assert [cell for cell, _ in descending] == ascending[::-1]
    assert sort_rows(rows, ("v", "i"), (OrderKey("absent"),)) == rows  # unbound in every row
    ties = [('"same"', i) for i in ("3", "1", "2")]
    assert sort_rows(ties, ("v", "i"), (OrderKey("v"), OrderKey("i", True))) == [ties[0], ties[2], ties[1]]


TRICKY_VALUES = """VALUES (?v ?w) {
  ("tab\\there, \\"quoted\\", back\\\\slash\\nnew line \\u00e9 \u2028 \u001c end" UNDEF)
  ("hej"@sv 12) (1.5e3 true) (<http://x/a> "2024"^^<http://www.w3.org/2001/XMLSchema#gYear>) (UNDEF UNDEF) }"""


@pytest.mark.parametrize("select", ["?v ?w", "?w", "*", "(1 AS ?one)"])
def test_rows_are_read_as_the_stores_own_terms_give_them(select):
    # ask reads the store's TSV itself; each value must be what pyoxigraph's terms say, unbound as None.
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.BlankNode("b1")))
    query = f"SELECT {select} WHERE {{ {{ {TRICKY_VALUES} }} UNION {{ ?s ?p ?v }} }}"
    columns, rows = _select(store.query(query))
    expected = [tuple(None if term is None else f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value
                      for term in solution) for solution in store.query(query)]
    assert columns == tuple(v.value for v in store.query(query).variables)
    assert list(rows) == expected and len(expected) == 6
    tricky = "tab\there, \"quoted\", back\\slash\nnew line é \u2028 \u001c end"
    assert select != "?v ?w" or tricky in {row[0] for row in rows}  # the escapes were there to read


# -- free SPARQL --------------------------------------------------------------

def test_the_default_graph_holds_each_fact_once(store):
    # Kılıç's label is stated by both articles; the union graph is a set.
    text = "SELECT ?l WHERE {{ <{}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
    assert run_sparql(store, text.format(ID + "person-serdar-kilic")).rows == (("Serdar Kılıç",),)


def test_run_sparql_select_ask_construct(store):
    select = run_sparql(store, "SELECT DISTINCT ?l WHERE { ?p a <https://w3id.org/newsgraph/ontology#Person> ; "
                               "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
    assert select.query == "sparql"
    assert select.rows == (("Ararat Mirzoyan",), ("Ruben Rubinyan",), ("Serdar Kılıç",))
    assert run_sparql(store, "ASK { ?s a <https://w3id.org/newsgraph/ontology#Meeting> }").rows == (("true",),)
    construct = run_sparql(store, "CONSTRUCT { ?s <http://e/p> ?o } WHERE { ?s a <https://w3id.org/newsgraph/ontology#Person> ; "
                                  "<http://www.w3.org/2004/02/skos/core#altLabel> ?o }")
    assert construct.columns == ("subject", "predicate", "object")
    # A graph: each triple once, sorted.
    assert [row[2] for row in construct.rows] == ["Rubinian", "Rubinyan", "Kilic", "Kılıç"]


def test_run_sparql_reads_the_ontology_graph_through_the_union(store):
    rows = run_sparql(store, "SELECT ?l WHERE { <https://w3id.org/newsgraph/ontology#Ambassador> "
                             "<http://www.w3.org/2000/01/rdf-schema#label> ?l }").rows
    assert rows == (("ambassador",),)


def test_bad_sparql_gives_the_parser_message(store):
    with pytest.raises(QueryError, match=r"does not parse: error at 1:\d+"):
        run_sparql(store, "SELECT ?s WHERE { ?s ?p }")


def test_updates_are_refused_and_change_nothing(store):
    count = store.triple_count()
    with pytest.raises(QueryError):
        run_sparql(store, "DROP ALL")
    assert store.triple_count() == count


# -- answers ----------------------------------------------------------------------

ANSWER = Answer("demo", ("name", "note"), (("Kılıç", None), ("Rubinyan", 'said "yes", then\nleft')))


def test_answer_json_schema():
    assert json.loads(ANSWER.to_json()) == {
        "query": "demo", "columns": ["name", "note"],
        "rows": [{"name": "Kılıç", "note": None}, {"name": "Rubinyan", "note": 'said "yes", then\nleft'}],
    }


def test_answer_csv_round_trips():
    rows = list(csv.reader(io.StringIO(ANSWER.to_csv())))
    assert rows == [["name", "note"], ["Kılıç", ""], ["Rubinyan", 'said "yes", then\nleft']]


def test_answer_table_is_aligned():
    lines = ANSWER.to_table().splitlines()
    assert lines[0].startswith("name      note") and lines[1].startswith("--------  ")
    assert lines[2] == "Kılıç"
    assert lines[3] == 'Rubinyan  said "yes", then left'
    assert lines[-1] == "(2 rows)"


def test_list_columns_are_sorted_and_deduplicated():
    assert _list_value(LIST_SEPARATOR.join(["b", "Ä", "a", "b"])) == "a; Ä; b"
    assert _list_value(None) is None


PARALLEL_QUERY = """# name: q
# answers: a
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?alt ?node ?label WHERE {
  ?node a ng:Person .
  OPTIONAL { ?node rdfs:label ?label }
  # parallel: a person has none, one or several alternative names
  OPTIONAL { ?node skos:altLabel ?alt }
}
ORDER BY DESC(?label) ?node
"""


def test_parallel_sections_give_the_rows_of_the_whole_query_in_its_order(store):
    info = parse_query(PARALLEL_QUERY, source="q.rq")
    assert info.sections.key == ("node",) and len(info.sections.queries) == 2
    columns, rows = _section_rows(store, info)
    whole = run_sparql(store, PARALLEL_QUERY)  # the store joins and sorts
    assert columns == whole.columns == ("alt", "node", "label")
    assert sorted(rows, key=repr) == sorted(whole.rows, key=repr)
    assert [row[1:] for row in rows] == [row[1:] for row in whole.rows]
    assert len({row[1] for row in rows}) < len(rows)  # a person with several alternative names: rows multiply


def test_a_later_section_s_list_given_one_item_per_row_is_united_per_key(store):
    info = parse_query(PARALLEL_QUERY.replace("# answers: a\n", "# answers: a\n# lists: alt\n"), source="q.rq")
    columns, rows = _section_rows(store, info)
    whole = run_sparql(store, PARALLEL_QUERY)
    alts: dict[str, set[str]] = {}
    for alt, node, _ in whole.rows:
        alts.setdefault(node, set()).update([alt] if alt else [])
    assert len(whole.rows) > len(rows) == len(alts)  # several alternative names: one row per person now
    for alt, node, _ in rows:
        assert alt == (_list_value(LIST_SEPARATOR.join(alts[node])) if alts[node] else None)


def test_a_parallel_mark_in_a_query_it_cannot_cut_is_reported_by_file():
    with pytest.raises(QueryError, match="q.rq: `# parallel` cuts a SELECT of plain variables"):
        parse_query(PARALLEL_QUERY.replace("SELECT ?alt ?node ?label", "SELECT (COUNT(?alt) AS ?n)"), source="q.rq")
    with pytest.raises(QueryError, match=r"q.rq: `# parallel`: ORDER BY \?alt must be bound before the first cut"):
        parse_query(PARALLEL_QUERY.replace("ORDER BY DESC(?label)", "ORDER BY ?alt"), source="q.rq")
    with pytest.raises(QueryError, match="q.rq: `# parallel` cuts only a query without `# param` lines"):
        parse_query(PARALLEL_QUERY.replace("# answers: a", "# answers: a\n# param: node (person) — who"), source="q.rq")


def test_a_header_without_name_is_reported_by_file():
    with pytest.raises(QueryError, match="broken.rq"):
        parse_query("# answers: x\nSELECT * {}", source="broken.rq")
    with pytest.raises(QueryError, match="KIND one of person, state, place, node"):
        parse_query("# name: x\n# answers: y\n# param: who (animal) — z\nSELECT * {}", source="x.rq")
