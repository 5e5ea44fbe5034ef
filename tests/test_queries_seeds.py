"""Every library query on the seed articles, with its expected rows written out.

The seeds are built once for the module. Rows are what a reader of the two
articles expects: one Moscow meeting reported by both articles, a planned
meeting in Armenia, the Vienna meeting, and the envoys' roles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.pipeline import build
from newsgraph.query import ask, list_queries
from newsgraph.store import open_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ID = "https://w3id.org/newsgraph/id/"
A0 = "000_fc4613b8c23f63ca.txt"
A4 = "004_98e25bbe12994206.txt"
BOTH = f"{A0}; {A4}"
ENVOYS = "Ruben Rubinyan; Serdar Kılıç"

PLANNED = ID + "event-meeting-undated-arm-a316d0185a"
MOSCOW = ID + "event-meeting-2022-01-14-524901-7d2d3b6ac2"
VIENNA = ID + "event-meeting-2022-07-01-2761369-c872101224"
AGREEMENT = ID + "event-agreement-undated-noplace-fa9b49cf72"

# The sentences behind each meeting, sorted as the answers list them.
S_AGREED = ("Representatives of Armenia and Turkey have agreed to continue negotiations after a first round of talks "
            "in Moscow on January 14 aimed at normalizing relations after years of animosity.")
S_RUSSIAN_CAPITAL = ("Ruben Rubinian, the deputy speaker of the Armenian parliament, and Serdar Kilic, a former Turkish "
                     "ambassador to the United States, agreed during their meeting in the Russian capital that Turkey "
                     "and Armenia should work to regulate ties “through dialogue” and without preconditions, the "
                     "Armenian Foreign Ministry said.")
S_FIRST = ("Their first meeting took place in Moscow on January 14, 2022, marking the start of a dialogue focused on "
           "reconciliation and practical steps toward cooperation.")
PLANNED_SOURCES = "; ".join([
    "Ani Badalyan, the ministry’s press secretary, confirmed that special representatives Ruben Rubinyan of Armenia "
    "and Serdar Kılıç of Türkiye will meet in Armenia in the near future to advance these discussions.",
    "Armenia and Türkiye are set to hold a new round of talks aimed at normalizing relations and reopening their "
    "shared border, which has been closed since 1993, the Armenian Foreign Ministry announced.",
    "As Rubinyan and Kılıç prepare to meet, both sides face domestic and international pressure to deliver tangible "
    "results, particularly on border access and trade.",
    "The upcoming meeting, as announced by the Armenian Foreign Ministry, is part of ongoing efforts to build on "
    "these commitments and move toward full normalization.",
])
MOSCOW_SOURCES = "; ".join([S_AGREED, S_RUSSIAN_CAPITAL, S_FIRST])
VIENNA_SOURCES = "; ".join([
    "A significant breakthrough came during a July 1, 2022, meeting in Vienna, where the envoys agreed to allow "
    "third-country nationals to cross the Armenia-Türkiye land border “as soon as possible” and to initiate direct "
    "air cargo transportation between the two countries.",
    "Analysts see the meeting as a critical step toward de-escalation in the South Caucasus, potentially paving the "
    "way for economic cooperation and regional stability.",
    "The talks come amid broader regional shifts, including Armenia’s efforts to diversify its foreign relations "
    "and Türkiye’s balancing act between its alliance with Azerbaijan and improving ties with Armenia.",
])

# name -> (params, columns, rows)
EXPECTED = {
    "who-met-where": ({}, ("date", "place", "participants", "status", "articles", "sources", "meeting"), [
        (None, "Armenia", ENVOYS, "planned", A0, PLANNED_SOURCES, PLANNED),
        ("2022-01-14", "Moscow", ENVOYS, "occurred", BOTH, MOSCOW_SOURCES, MOSCOW),
        ("2022-07-01", "Vienna", ENVOYS, "occurred", A0, VIENNA_SOURCES, VIENNA),
    ]),
    "who-met-whom": ({}, ("person1", "person2", "status", "meetings", "dates"), [
        ("Ruben Rubinyan", "Serdar Kılıç", "occurred", "2", "2022-01-14; 2022-07-01"),
        ("Ruben Rubinyan", "Serdar Kılıç", "planned", "1", None),
    ]),
    "meetings-of": ({"person": "Kilic"}, ("date", "place", "with", "status", "articles", "meeting"), [
        (None, "Armenia", "Ruben Rubinyan", "planned", A0, PLANNED),
        ("2022-01-14", "Moscow", "Ruben Rubinyan", "occurred", BOTH, MOSCOW),
        ("2022-07-01", "Vienna", "Ruben Rubinyan", "occurred", A0, VIENNA),
    ]),
    "roles-of": ({"person": "Kilic"}, ("role", "organization", "towards", "former", "articles", "membership"), [
        ("special representative", "Türkiye", None, "false", A0,
         ID + "membership-serdar-kilic-specialrepresentative-5e1fc8bb84"),
        ("ambassador", "Türkiye", "United States", "true", A4, ID + "membership-serdar-kilic-ambassador-2fc76318db"),
    ]),
    "envoys-of": ({"state": "Armenia"}, ("person", "role", "towards", "former", "articles", "membership"), [
        ("Ruben Rubinyan", "special representative", None, "false", A0,
         ID + "membership-ruben-rubinyan-specialrepresentative-fe1a239cec"),
    ]),
    "timeline": ({"state1": "Armenia", "state2": "Türkiye"},
                 ("date", "event", "place", "participants", "status", "articles", "sources", "node"), [
        (None, "agreement", None, "Armenia; Türkiye", "occurred", A4, S_AGREED, AGREEMENT),
        (None, "meeting", "Armenia", ENVOYS, "planned", A0, PLANNED_SOURCES, PLANNED),
        ("2022-01-14", "meeting", "Moscow", ENVOYS, "occurred", BOTH, MOSCOW_SOURCES, MOSCOW),
        ("2022-07-01", "meeting", "Vienna", ENVOYS, "occurred", A0, VIENNA_SOURCES, VIENNA),
    ]),
    "events-at": ({"place": "Moscow"}, ("date", "event", "participants", "status", "articles", "node"), [
        ("2022-01-14", "meeting", ENVOYS, "occurred", BOTH, MOSCOW),
    ]),
    "sources-of": ({"node": MOSCOW}, ("article", "begin", "end", "text", "mention"), [
        (A0, "747", "906", S_FIRST, ID + "article-000-fc4613b8c23f63ca-txt#char=747,906"),
        (A4, "227", "411", S_AGREED, ID + "article-004-98e25bbe12994206-txt#char=227,411"),
        (A4, "413", "729", S_RUSSIAN_CAPITAL, ID + "article-004-98e25bbe12994206-txt#char=413,729"),
    ]),
}

HOSTILE = [
    'Kilic" } UNION { ?s ?p ?o } #',
    "Kilic' . } DROP ALL ; INSERT DATA { <urn:x> <urn:y> <urn:z> }",
    "{ ?node ?p ?o }",
    "SELECT",
    "> } ; CLEAR DEFAULT",
    "<" + MOSCOW + "> } UNION { ?meeting ?p ?o",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-out")
    build([SEEDS], out)
    with open_store(out, read_only=True) as opened:
        yield opened


def test_every_library_query_has_expected_rows_here():
    assert sorted(EXPECTED) == [info.name for info in list_queries()]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_library_query_on_the_seeds(store, name):
    params, columns, rows = EXPECTED[name]
    answer = ask(store, name, params=params)
    assert answer.columns == columns
    assert list(answer.rows) == rows


@pytest.mark.parametrize("spelling", ["Kilic", "KILIÇ", "Serdar Kılıç", "  serdar   kilic "])
def test_spellings_of_a_name_find_the_same_person(store, spelling):
    assert ask(store, "meetings-of", params={"person": spelling}).rows == ask(store, "meetings-of", params={"person": "Kilic"}).rows


def test_turkey_and_tuerkiye_are_one_state(store):
    assert (ask(store, "timeline", params={"state1": "Armenia", "state2": "Turkey"}).rows
            == ask(store, "timeline", params={"state1": "Armenia", "state2": "Türkiye"}).rows)


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name", [info.name for info in list_queries() if info.params])
def test_a_hostile_parameter_is_a_plain_value(store, name, value):
    params, columns, _ = EXPECTED[name]
    before = store.triple_count()
    answer = ask(store, name, params={key: value for key in params})
    assert answer.columns == columns  # the query ran as written
    assert answer.rows == ()  # no node is named like that
    assert store.triple_count() == before


def test_a_hostile_suffix_does_not_widen_a_real_name(store):
    # "Kilic" alone matches; with SPARQL text after it, it is another (unknown) name.
    assert ask(store, "meetings-of", params={"person": "Kilic"}).rows
    assert ask(store, "meetings-of", params={"person": 'Kilic" || true || "'}).rows == ()
