"""The offline gazetteer: states, capitals, places, bodies and the ruler patterns."""

from __future__ import annotations

import csv
from importlib.resources import files

import pytest
import spacy
from spacy.util import filter_spans

from newsgraph.gazetteer import Case, PlaceKind, UnStatus, fold, load_gazetteer
from newsgraph.nlp import add_rules


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def ruler_nlp(gazetteer):
    return add_rules(spacy.blank("en"))


def ents(nlp, text):
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


@pytest.mark.parametrize("name", ["Türkiye", "Turkey", "Turkiye", "TURKEY", "türkiye", "the Republic of Turkey"])
def test_turkiye_under_every_name_is_one_state(gazetteer, name):
    state = gazetteer.find_state(name)
    assert state is not None
    assert (state.iso3, state.label, state.wikidata, state.geonameid) == ("TUR", "Türkiye", "Q43", 298795)


@pytest.mark.parametrize(("name", "iso3"), [
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Iran", "IRN"), ("Syria", "SYR"),
    ("South Korea", "KOR"), ("North Korea", "PRK"), ("Czech Republic", "CZE"), ("Czechia", "CZE"),
    ("Ivory Coast", "CIV"), ("Cote d'Ivoire", "CIV"), ("Burma", "MMR"), ("Swaziland", "SWZ"),
    ("the United States", "USA"), ("the US", "USA"), ("U.S.", "USA"), ("America", "USA"),
    ("the UK", "GBR"), ("Britain", "GBR"), ("Great Britain", "GBR"), ("UAE", "ARE"),
    ("Georgia", "GEO"), ("Kosovo", "XKX"), ("Taiwan", "TWN"), ("Holy See", "VAT"), ("Palestine", "PSE"),
    ("Zaire", "COD"),  # former names, as 1990s wires use them
    ("Korea", "KOR"), ("S.Korea", "KOR"), ("N.Korea", "PRK"), ("N. Korea", "PRK"),  # headline forms
])
def test_common_and_official_names(gazetteer, name, iso3):
    assert gazetteer.find_state(name).iso3 == iso3


def test_labels_are_the_names_news_use(gazetteer):
    labels = {s.iso3: s.label for s in gazetteer.states}
    assert labels["RUS"] == "Russia" and labels["IRN"] == "Iran" and labels["KOR"] == "South Korea"
    assert labels["CZE"] == "Czechia" and labels["SWZ"] == "Eswatini" and labels["MMR"] == "Myanmar"


def test_abbreviations_are_case_sensitive(gazetteer):
    assert gazetteer.find_state("us") is None
    assert gazetteer.find_organization("who") is None
    assert gazetteer.find_organization("WHO").wikidata == "Q7817"


@pytest.mark.parametrize(("word", "iso3"), [
    ("Armenian", "ARM"), ("Azerbaijani", "AZE"), ("Turkish", "TUR"), ("French", "FRA"),
    ("Chinese", "CHN"), ("U.S.", "USA"), ("British", "GBR"), ("Dutch", "NLD"), ("South Sudanese", "SSD"),
    ("Zairean", "COD"),
])
def test_demonyms(gazetteer, word, iso3):
    assert gazetteer.find_state_by_demonym(word).iso3 == iso3
    assert gazetteer.find_state(word).iso3 == iso3


def test_shared_demonym_picks_no_state(gazetteer):
    assert gazetteer.find_state_by_demonym("Congolese") is None


def test_the_russian_capital_is_moscow(gazetteer):
    moscow = gazetteer.capital_of(gazetteer.find_state("Russian"))
    assert (moscow.label, moscow.geonameid, moscow.wikidata) == ("Moscow", 524901, "Q649")
    assert moscow.kind is PlaceKind.CAPITAL and moscow.country == "RUS"
    assert gazetteer.capital_of(None) is None


def test_vienna(gazetteer):
    vienna = gazetteer.find_place("Vienna")
    assert (vienna.geonameid, vienna.wikidata, vienna.country) == (2761369, "Q1741", "AUT")


def test_every_state_has_ids_and_a_capital(gazetteer):
    members = [s for s in gazetteer.states if s.un_status is UnStatus.MEMBER]
    assert len(members) == 193
    assert {"VAT", "PSE"} <= {s.iso3 for s in gazetteer.states if s.un_status is UnStatus.OBSERVER}
    for state in gazetteer.states:
        capital = gazetteer.capital_of(state)
        assert state.wikidata.startswith("Q") and state.geonameid > 0, state
        assert capital is not None and capital.kind is PlaceKind.CAPITAL, state
        assert capital.wikidata and capital.wikidata.startswith("Q"), state


def test_wikidata_ids_are_unique_per_state():
    path = files("newsgraph").joinpath("data/wikidata.tsv")
    rows = list(csv.DictReader((line for line in path.read_text(encoding="utf-8").splitlines()
                                if not line.startswith("#")), delimiter="\t"))
    assert len({r["state_qid"] for r in rows}) == len(rows) == 197
    assert len({r["iso3"] for r in rows}) == 197


def test_metonyms_stand_for_their_state(gazetteer):
    assert gazetteer.state_for_metonym("Ankara").iso3 == "TUR"
    assert gazetteer.state_for_metonym("the Kremlin").iso3 == "RUS"
    assert gazetteer.state_for_metonym("the White House").iso3 == "USA"
    assert gazetteer.state_for_metonym("Downing Street").iso3 == "GBR"
    assert gazetteer.state_for_metonym("Kiev").iso3 == "UKR"
    assert gazetteer.state_for_metonym("Vienna").iso3 == "AUT"
    assert gazetteer.state_for_metonym("Atlantis") is None


def test_a_city_named_like_a_state_does_not_take_the_name(gazetteer):
    assert gazetteer.find_place("Armenia") is None  # a Colombian city has the name
    assert gazetteer.find_place("Singapore").kind is PlaceKind.CAPITAL


def test_shared_city_names_go_to_the_capital_then_the_largest(gazetteer):
    assert gazetteer.find_place("Tripoli").country == "LBY"
    assert gazetteer.find_place("London").country == "GBR"


def test_a_shared_city_name_within_a_state_is_that_state_s_city(gazetteer):
    canada, lebanon = gazetteer.find_state("Canada"), gazetteer.find_state("Lebanon")
    assert gazetteer.find_place("Victoria", within=canada).country == "CAN"
    assert gazetteer.find_place("Tripoli", within=lebanon).country == "LBN"
    assert gazetteer.find_place("Tripoli", within=canada).country == "LBY"  # none there: the usual one
    assert gazetteer.shares_place_name("Victoria") and not gazetteer.shares_place_name("Oslo")


def test_regions_and_organizations(gazetteer):
    assert gazetteer.find_place("Nagorno-Karabakh").kind is PlaceKind.REGION
    assert gazetteer.find_place("Crimea").wikidata == "Q7835"
    assert gazetteer.find_organization("the United Nations").key == "un"
    assert gazetteer.find_organization("OSCE").wikidata == "Q81299"
    assert gazetteer.find_organization("Organization for Security and Cooperation in Europe").key == "osce"


def test_fold():
    assert fold("The Türkiye") == "turkiye"
    assert fold("Côte d'Ivoire") == fold("Cote d'Ivoire") == "cote d ivoire"
    assert fold("  U.S. ") == "u s"


def test_patterns_tag_a_sentence(ruler_nlp):
    assert ents(ruler_nlp, "Talks in Vienna between Armenian and Azerbaijani officials") == [
        ("Vienna", "GPE", "place:2761369"), ("Armenian", "NORP", "demonym:ARM"), ("Azerbaijani", "NORP", "demonym:AZE"),
    ]


def test_patterns_resolve_back_through_the_lookups(ruler_nlp, gazetteer):
    for text, _, ident in ents(ruler_nlp, "Officials of Türkiye, the U.S., NATO and the EU met in Moscow."):
        kind, _, key = ident.partition(":")
        found = {"state": gazetteer.find_state, "org": gazetteer.find_organization, "place": gazetteer.find_place}[kind](text)
        assert found is not None and key in (getattr(found, "iso3", None), getattr(found, "key", None), getattr(found, "id", None))


@pytest.mark.parametrize("text", ["We ate turkey in Nice.", "Reading is fun.", "It is mobile.", "who said it to us"])
def test_common_words_are_not_tagged(ruler_nlp, text):
    assert ents(ruler_nlp, text) == []


def test_ambiguous_city_names_have_no_pattern(gazetteer):
    texts = {p["pattern"] for case in Case for p in gazetteer.entity_ruler_patterns(case)}
    assert not {"Nice", "Mobile", "Reading", "Victoria"} & texts
    assert {"Vienna", "Yerevan", "Istanbul"} <= texts


def test_capitalized_forms_of_word_names_are_tagged(ruler_nlp):
    assert ents(ruler_nlp, "TURKEY and China and the Kremlin") == [
        ("TURKEY", "GPE", "state:TUR"), ("China", "GPE", "state:CHN"), ("Kremlin", "ORG", "metonym:RUS"),
    ]


def test_longest_name_wins(ruler_nlp):
    assert [e[2] for e in ents(ruler_nlp, "South Sudan, Papua New Guinea and South America")] == [
        "state:SSD", "state:PNG", "place:south-america",
    ]


@pytest.mark.parametrize(("text", "known"), [
    ("The Security Council met.", True),
    ("Talks at the UN Security Council ended.", True),
    ("The National Security Council met.", False),
    ("The Russian Security Council met.", False),
    ("a spokesman for the US national security council", False),
])
def test_a_known_body_s_name_ending_a_longer_name_or_in_lower_case_is_not_that_body(ruler_nlp, text, known):
    assert ("org:un-security-council" in [e[2] for e in ents(ruler_nlp, text)]) is known


def test_well_known_cities_named_like_words_are_tagged_when_capitalised(ruler_nlp):
    assert ents(ruler_nlp, "Talks in Geneva; gin from geneva") == [("Geneva", "GPE", "place:2660646")]


def test_rule_components_use_phrase_patterns_only(ruler_nlp):
    # A token pattern is tried at every token (the role titles alone once took a tenth of the
    # pipeline's time); phrase patterns are looked up once per token.
    rulers = [ruler_nlp.get_pipe(name) for name in ruler_nlp.pipe_names if name.endswith("_ruler")]
    assert len(rulers) == 5
    assert all(isinstance(p["pattern"], str) for ruler in rulers for p in ruler.patterns)


@pytest.mark.parametrize(("text", "found"), [
    ("Talks with the foreign ministers and a Foreign Minister", ["ForeignMinister", "ForeignMinister"]),
    ("The SPOKESMEN and a secretary-general", ["PressSecretary", "SecretaryGeneral"]),
])
def test_role_titles_match_singular_and_plural_in_any_case(ruler_nlp, text, found):
    doc = ruler_nlp(text)
    assert [span.id_ for span in filter_spans(doc.spans["roles"])] == found
