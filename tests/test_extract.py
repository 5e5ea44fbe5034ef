"""One sentence per extraction rule: the forms news really uses."""

import datetime as dt
import json

import pytest
from spacy.tokens import Span

from newsgraph.clauses import participant_roots
from newsgraph.events import Candidate, _merge_into, _without_repeats
from newsgraph.extract import extract
from newsgraph.ingest.read import read_articles
from newsgraph.mentions import Mention, _repeated_surnames, headline_end
from newsgraph.model import Article, EntityType, Event, EventType, MeetingMode, Participant, Status, TimeValue

MONDAY = dt.date(2021, 5, 4)


def names(extraction, keys):
    by_key = {e.key: e.name for e in extraction.entities}
    return sorted(by_key[k] for k in keys)


def meetings(extraction):
    return [(names(extraction, e.actors), e) for e in extraction.events]


def meeting_places(extraction):
    """Each meeting's sides and the names of its place (None where it has none)."""
    return {tuple(people): names(extraction, [e.place]) if e.place else None for people, e in meetings(extraction)
            if e.type is EventType.MEETING}


def only_meeting(extraction):
    found = meetings(extraction)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.",
        "Emmanuel Macron and Olaf Scholz met in Berlin on Monday.",
        "Emmanuel Macron held talks with Olaf Scholz in Berlin on Monday.",
        "Talks between Emmanuel Macron and Olaf Scholz took place in Berlin on Monday.",
        "A meeting of Emmanuel Macron and Olaf Scholz was held in Berlin on Monday.",
    ],
)
def test_meeting_forms_give_participants_place_and_date(extract_text, sentence):
    people, event = only_meeting(extract_text(sentence, published=MONDAY))
    assert people == ["Emmanuel Macron", "Olaf Scholz"]
    assert event.place == "place:2950159"  # Berlin in GeoNames
    assert event.time.iso() == "2021-05-03"
    assert event.status is Status.OCCURRED


def test_a_host_and_a_visitor_make_a_visit(extract_text):
    people, event = only_meeting(extract_text("Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva in Beijing."))
    assert people == ["Luiz Inacio Lula da Silva", "Xi Jinping"]
    assert event.mode is MeetingMode.VISIT


def test_a_visit_to_a_country_places_the_meeting_there(extract_text):
    text = "Indian Prime Minister Narendra Modi visited Japan, where he met Japanese Prime Minister Fumio Kishida."
    found = meetings(extract_text(text))
    assert any(people == ["Fumio Kishida", "Narendra Modi"] for people, _ in found)


@pytest.mark.parametrize("text", [
    "The talks are seen as crucial. Paul Otieno plans to fly to Brussels to meet Anna Berg.",
    "The talks are seen as crucial. Paul Otieno is scheduled to travel to Brussels to meet Anna Berg.",
    "Paul Otieno will travel to Brussels next week for talks with Anna Berg.",
    # the parser hangs the place on the side
    "Paul Otieno discussed trade with Norwegian Prime Minister Anna Berg in Brussels on Monday.",
    "Paul Otieno hosted a dinner for Norwegian Prime Minister Anna Berg in Brussels on Monday.",
])
def test_where_one_travels_to_meet_is_where_they_meet(extract_text, text):
    assert meeting_places(extract_text(text)) == {("Anna Berg", "Paul Otieno"): ["Brussels"]}


def test_a_traveller_no_name_names_leaves_the_host_at_home(extract_text):
    # Otieno is at home in Washington: the United States is not the unnamed traveller's side
    text = "The minister flies to Washington today for talks with the newly elected president, Paul Otieno."
    assert meetings(extract_text(text)) == []


def test_the_host_s_unnamed_leaders_met_in_a_city_of_it_are_the_visit(extract_text):
    text = "Trade Minister Paul Otieno made a surprise visit to Peru, where he met leaders in Lima during his first trip to the city."
    extraction = extract_text(text)
    assert [(people, names(extraction, [e.place])) for people, e in meetings(extraction)] == [(["Paul Otieno", "Peru"], ["Lima"])]


@pytest.mark.parametrize(("text", "state"), [
    ("Transport Minister Jon Otieno will attend a meeting in Victoria, Canada, on June 22.", "state:CAN"),
    ("TRIPOLI, Lebanon, March 3 (AFP) - Trade Minister Jon Otieno met Anna Berg in Tripoli.", "state:LBN"),
    ("Trade Minister Jon Otieno met Anna Berg in Tripoli on Monday.", "state:LBY"),
])
def test_a_city_name_several_cities_share_is_the_one_in_the_state_named_after_it(extract_text, text, state):
    places = [e for e in extract_text(text).entities if e.type is EntityType.PLACE]
    assert [p.state for p in places] == [state]


@pytest.mark.parametrize("text", [
    "Foreign Minister Jon Otieno and Trade Minister Anna Berg visited China last week.",
    "Speaker Jon Otieno and Senate President Anna Berg will pay an official visit to China from Dec. 3 to 9.",
])
def test_visitors_who_travel_together_meet_the_host_state(extract_text, text):
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "China", "Jon Otieno"] and event.mode is MeetingMode.VISIT


def test_visitors_who_travel_together_are_no_meeting_of_their_own(extract_text):
    text = ("Astronauts Anna Berg and Paul Otieno toured the park on Monday. "
            "During their visit to the square, they lit a Christmas tree.")
    assert meetings(extract_text(text, published=MONDAY)) == []


@pytest.mark.parametrize("text, sides", [
    ("Archbishop Paul Otieno spoke of his recent visit to the region with other senior British leaders.", []),
    ("Paul Otieno visited Peru with Anna Berg last week.", [["Paul Otieno", "Peru"]]),
    ("Paul Otieno had a visit with President Anna Berg on Monday.", [["Anna Berg", "Paul Otieno"]]),
])
def test_who_goes_along_on_a_journey_somewhere_is_not_met(extract_text, text, sides):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == sides


def test_a_visit_to_unnamed_people_of_a_state_is_no_meeting_told_again(extract_text):
    text = ("Defense Secretary Paul Otieno met with Iraqi Prime Minister Anna Berg in Baghdad on Monday. "
            "Later in the day, Otieno flew to visit U.S. service members at Qayyarah Airfield West.")
    extraction = extract_text(text, published=MONDAY)
    _, meeting = only_meeting(extraction)
    assert names(extraction, [meeting.place]) == ["Baghdad"]


def test_a_phone_call_is_a_meeting_by_phone(extract_text):
    people, event = only_meeting(extract_text("Joe Biden telephoned Vladimir Putin on Saturday.", published=MONDAY))
    assert people == ["Joe Biden", "Vladimir Putin"]
    assert event.mode is MeetingMode.PHONE


@pytest.mark.parametrize("later, day", [("the following day", "2006-12-13"), ("two days later", "2006-12-14")])
def test_a_day_counted_from_the_day_before_in_its_sentence(extract_text, later, day):
    text = f"Paul Otieno will meet Li Wei in Chad on Tuesday and his Kenyan counterpart Jon Berg {later} in Nairobi."
    found = {tuple(people): event.time.iso() for people, event in meetings(extract_text(text, published=dt.date(2006, 12, 11)))}
    assert found == {("Li Wei", "Paul Otieno"): "2006-12-12", ("Jon Berg", "Paul Otieno"): day}


@pytest.mark.parametrize("text", [
    "During his stay in Norway, Kenyan President Paul Otieno will meet Anna Berg on Tuesday and Jan Holm on Wednesday.",
    "Otieno, who is visiting Norway, met Anna Berg on Tuesday and Jan Holm on Wednesday.",
])
def test_a_meeting_left_without_its_verb_takes_place_where_its_sides_stay(extract_text, text):
    found = {tuple(people): event.place for people, event in meetings(extract_text(text, published=dt.date(2020, 3, 6)))}
    assert set(found.values()) == {"state:NOR"} and len(found) == 2


@pytest.mark.parametrize("text, place", [
    ("Kenyan President Paul Otieno arrived in Oslo on Monday for a three-day visit to Norway. During his visit to "
     "Norway, he will hold talks with Prime Minister Anna Berg.", "place:3143244"),  # Oslo
    ("Kenyan President Paul Otieno arrived in Oslo on Monday for a three-day visit to Norway, which will also take "
     "him to Bergen. During his visit to Norway, he will hold talks with Prime Minister Anna Berg.", "state:NOR"),
    ("Kenyan President Paul Otieno arrived in Oslo on Monday for a summit. He first visited Norway in 2015, when he "
     "held talks with Prime Minister Anna Berg.", "state:NOR"),
])
def test_a_meeting_in_a_state_is_in_the_one_city_of_it_where_its_people_stay(extract_text, text, place):
    people, event = only_meeting(extract_text(text, published=dt.date(2020, 3, 6)))
    assert people == ["Anna Berg", "Paul Otieno"] and event.place == place


@pytest.mark.parametrize("later, day", [
    ("Otieno is expected to be in Norway on April 17-18.", 17),  # the visit starts the day he is to be there
    ("Otieno arrived in Sweden on Tuesday.", None),  # another state (a visit of its own): the visit keeps its month
])
def test_a_visit_without_its_day_starts_the_day_its_visitor_is_said_to_be_there(extract_text, later, day):
    text = f"Kenyan President Paul Otieno will take a holiday after his visit to Norway in mid-April, an aide said. {later}"
    visits = {tuple(people): e for people, e in meetings(extract_text(text, published=dt.date(2020, 4, 9)))}
    assert (visits["Norway", "Paul Otieno"].time.month, visits["Norway", "Paul Otieno"].time.day) == (4, day)


def test_agreeing_for_the_first_time_to_meet_is_the_subject_s_plan(extract_text):
    people, event = only_meeting(extract_text("Jon Berg agreed for the first time to meet Anna Berg.", published=MONDAY))
    assert people == ["Anna Berg", "Jon Berg"] and event.status is Status.PLANNED


def test_will_meet_next_week_is_planned(extract_text):
    people, event = only_meeting(extract_text("Joe Biden will meet Vladimir Putin in Geneva next week.", published=MONDAY))
    assert event.status is Status.PLANNED
    assert event.place == "place:2660646"  # Geneva


def test_a_pronoun_stands_for_the_people_named_together_before(extract_text):
    text = "Antony Blinken and Wang Yi arrived in Alaska on Thursday. They met for three hours."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Antony Blinken", "Wang Yi"]


def test_they_are_the_one_described_and_the_one_named_not_the_spokesman_named_before(extract_text):
    text = ("Kenyan President Paul Otieno on Friday had a telephone discussion with Norwegian Prime Minister Anna Berg. "
            '"The two leaders compared notes on trade," Kenyan spokesman Jan Visser said. "The president looks forward '
            'to continuing his conversation with prime minister Berg when they see each other at the summit next '
            'week," said the spokesman.')
    found = {tuple(people) for people, _ in meetings(extract_text(text, published=MONDAY))}
    assert found == {("Anna Berg", "Paul Otieno")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Joe Biden did not meet Vladimir Putin.",
        "Joe Biden refused to meet Vladimir Putin.",
        "Joe Biden said he would be happy to meet Vladimir Putin.",
        "Joe Biden could meet Vladimir Putin if the talks go well.",
        "Joe Biden is trying to arrange a meeting with Vladimir Putin.",
        "Joe Biden offered to start talks with Vladimir Putin next month.",
        "China will encourage more tourists to visit Kenya, Li Wei said.",
        "Kenya requested Paul Otieno to meet Li Wei.",
        "Paul Otieno said in Berlin on Tuesday that Kenya remained opposed to talks with Chad.",
        "An official said Paul Otieno was still opposed to a budget summit with Anna Berg to resolve the issue.",
        "Li Wei said Kenya was ready for talks with Chad.",
        "On Saturday, Li Wei offered for the first time to meet Paul Otieno, although he dismissed an ultimatum.",
        "Joe Biden wants to hold talks with Vladimir Putin.",
        "Joe Biden needs to meet Vladimir Putin soon.",  # a need is no plan
        "Anna Berg and Paul Otieno agreed on a pact but need further talks with Chad.",
        "There was no meeting between Joe Biden and Vladimir Putin.",
        "No talks between Joe Biden and Vladimir Putin are planned.",
        "Joe Biden said he was open to talks with Vladimir Putin.",
        # asked for, or resisted, not held
        "Chief Executive Jon Berg resisted pressure to open talks with Acme Corp. after shareholders voted.",
        "Jon Berg made a proposal to hold talks with Anna Soto.",
        "Jon Berg flew to Oslo on Monday in a bid to meet Anna Soto.",
        "Jon Berg will not answer a call by rebels for talks with Anna Soto, his adviser said.",
        "Jon Berg said he will seek a meeting with Anna Soto.",
        "Jon Berg sought to meet Anna Soto.",
        # whether it happens at all is what failed
        "Talks between Jon Berg and Anna Soto failed to take place.",
        # not yet decided
        "A visit to Moscow by Foreign Minister Jon Berg was under consideration, an official said.",
        "A summit between Jon Berg and Anna Soto is under discussion.",
    ],
)
def test_negated_refused_or_wished_meetings_are_not_meetings(extract_text, sentence):
    assert meetings(extract_text(sentence)) == []


@pytest.mark.parametrize("sentence", [
    "Talks between Jon Berg and Anna Soto failed to produce a deal.",
    "A meeting between Jon Berg and Anna Soto on Monday called for calm.",
    "The visit by Jon Berg to Chile seeks to boost ties.",
])
def test_what_a_meeting_itself_fails_urges_or_seeks_is_no_refusal_of_it(extract_text, sentence):
    assert [e.status for _, e in meetings(extract_text(sentence))] == [Status.OCCURRED]


@pytest.mark.parametrize("text, found", [
    ("Anna Berg denied reports that she had met Paul Otieno in Oslo.", []),
    ("Anna Berg denied a newspaper report that she had met secretly with Paul Otieno.", []),
    ("Anna Berg confirmed reports that she had met Paul Otieno in Oslo.", [["Anna Berg", "Paul Otieno"]]),
])
def test_a_meeting_a_denied_report_tells_of_is_none(extract_text, text, found):
    assert [sorted(people) for people, _ in meetings(extract_text(text))] == found


def test_a_process_between_states_without_place_or_date_is_no_meeting(extract_text):
    assert meetings(extract_text("Progress depends on peace talks between Armenia and Azerbaijan.")) == []


def test_states_meet_when_no_person_is_named(extract_text):
    people, event = only_meeting(extract_text("Japan and South Korea held talks in Seoul on Monday.", published=MONDAY))
    assert people == ["Japan", "South Korea"]


def test_mentions_of_one_meeting_merge_into_one_event(extract_text):
    text = ("Emmanuel Macron met Olaf Scholz in Berlin on Monday. "
            "The meeting lasted two hours. The talks focused on energy.")
    assert len(extract_text(text, published=MONDAY).events) == 1



@pytest.mark.parametrize("also", [
    "The minister also held talks with Petrola Inc.",
    "The minister also met officials of Petrola Inc., he said.",
])
def test_also_with_another_side_is_one_meeting_more(extract_text, also):
    text = "Oil Minister Jon Edde was in Vienna for talks with Austrian officials. " + also
    found = sorted(people for people, _ in meetings(extract_text(text, published=MONDAY)))
    assert found == [["Austria", "Jon Edde"], ["Jon Edde", "Petrola Inc."]]


def test_talks_hung_on_the_place_a_visitor_was_in_are_held_there(nlp):
    text = ("Oil Minister Jon Edde said a deal was close. "
            "The minister was in the Austrian capital for talks with Petrola Inc and its unit Danuvia Corp.")
    doc = nlp(text)
    capital, preposition = next(t for t in doc if t.text == "capital"), next(t for t in doc if t.text == "for")
    preposition.head = capital  # the parser's error on a real article's sentence like this one
    extraction = extract(doc, Article("t", text, text, "t.txt", published=MONDAY))
    _, talks = only_meeting(extraction)
    assert names(extraction, [talks.place]) == ["Vienna"]


@pytest.mark.parametrize("report", [
    "Edde said Sunday in Oslo after meeting Karl Brandt, a senior official, that the deal would hold.",
    "Edde told reporters in Oslo on Sunday after talks with Karl Brandt that the deal would hold.",
])
def test_a_report_made_right_after_a_meeting_gives_its_place_and_day(extract_text, report):
    text = "Tarvia warned Norway on Tuesday over the deal. " + report
    extraction = extract_text(text, published=MONDAY)
    _, talks = only_meeting(extraction)
    assert names(extraction, [talks.place]) == ["Oslo"] and talks.time.iso() == "2021-05-02"


def test_a_visit_before_the_arrival_here_is_a_stop_of_its_own(extract_text):
    text = ("During his meeting with Anna Berg, Kenyan President Paul Otieno spoke of trade. "
            "Otieno arrived here Thursday after a state visit to Britain.")
    extraction = extract_text(text, published=MONDAY)
    found = {tuple(people): names(extraction, [e.place]) if e.place else None for people, e in meetings(extraction)}
    assert found == {("Anna Berg", "Paul Otieno"): None, ("Paul Otieno", "United Kingdom"): ["United Kingdom"]}


@pytest.mark.parametrize("stay", ["While staying in Moscow", "During staying in Moscow"])
def test_a_stay_said_without_its_subject_is_the_main_clause_s(extract_text, stay):
    text = f"In Tokyo, Jon Edde is expected to meet Karl Brandt. {stay}, Edde will hold a meeting with Ivan Petrov."
    extraction = extract_text(text, published=MONDAY)
    places = {tuple(people): names(extraction, [e.place]) for people, e in meetings(extraction)}
    assert places == {("Jon Edde", "Karl Brandt"): ["Tokyo"], ("Ivan Petrov", "Jon Edde"): ["Moscow"]}


@pytest.mark.parametrize("opening", ["Kicking off a three-day stay in Oslo", "Beginning a two-day visit to Oslo"])
def test_a_stay_a_participle_opens_is_the_main_clause_s(extract_text, opening):
    text = f"{opening}, Kenyan President Paul Otieno met Anna Berg on Monday."
    extraction = extract_text(text, published=MONDAY)
    _, meeting = only_meeting(extraction)
    assert meeting.place is not None and names(extraction, [meeting.place]) == ["Oslo"]


def test_a_second_subject_beside_a_visit_is_no_side_of_it(nlp):
    doc = nlp("Paul Otieno's visit and Kenya's entry to the African Union will help ties, Anna Berg said.")
    visit, entry, helps = doc[3], doc[7], doc[13]
    entry.head, entry.dep_ = helps, "nsubj"  # the parser's reading of a real article's longer sentence
    roots = [t.text for t in participant_roots(visit, [visit, helps])]
    assert "Otieno" in roots and "entry" not in roots


def test_here_in_a_clause_of_presence_is_the_dateline(extract_text):
    text = ("ADDIS ABABA, May 3 (Xinhua) -- Kenya and Norway on Monday signed a trade pact. The pact will go to Kenyan "
            "President Paul Otieno and Norwegian Prime Minister Anna Berg, who were here attending the summit.")
    assert meeting_places(extract_text(text, published=MONDAY)) == {("Anna Berg", "Paul Otieno"): ["Addis Ababa"]}


@pytest.mark.parametrize(("which", "place"), [("the", ["Addis Ababa"]), ("last year's", None)])
def test_a_body_s_gathering_told_again_is_where_it_was_said_to_be(extract_text, which, place):
    text = (f"Kenya and Norway signed a trade pact on the sidelines of {which} African Union summit in Addis Ababa. "
            "The pact will go to Kenyan President Paul Otieno and Norwegian Prime Minister Anna Berg, "
            "who are attending the African Union summit.")
    assert meeting_places(extract_text(text, published=MONDAY)) == {("Anna Berg", "Paul Otieno"): place}


def test_a_delegation_is_whom_a_leading_clause_hung_on_the_verb_names(extract_text):
    text = "Kenyan President Paul Otieno met a Norwegian delegation in Nairobi on Monday headed by Anna Berg."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]


@pytest.mark.parametrize("sentence", [
    "Kenyan President Paul Otieno and Norwegian Prime Minister Anna Berg told a joint news conference on Monday that trade would grow.",
    "Kenyan President Paul Otieno, in a joint press appearance with Norwegian Prime Minister Anna Berg on Monday, said trade would grow.",
])
def test_a_joint_press_conference_brings_its_sides_together(extract_text, sentence):
    people, meeting = only_meeting(extract_text(sentence, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and meeting.status is Status.OCCURRED


@pytest.mark.parametrize("sentence", [
    "Kenyan President Paul Otieno told a news conference on Monday that trade would grow.",
    "Norwegian coach for Kenya's National Football team Karl Brandt on Monday announced he would stay on as head coach. "
    "During a joint press conference with the Kenyan Football Federation, he said the fans are behind his decision.",
])
def test_a_press_conference_alone_or_with_a_sports_body_is_no_meeting(extract_text, sentence):
    assert [e for e in extract_text(sentence, published=MONDAY).events if e.type is EventType.MEETING] == []


def test_a_summit_named_after_its_city_is_there_though_ner_reads_a_body(extract_text):
    text = ("Kenyan President Paul Otieno and Norwegian Prime Minister Anna Berg attended the Nairobi Summit of the Forum "
            "on Africa-Europe Cooperation on Sunday.")
    extraction = extract_text(text, published=MONDAY)
    _, meeting = only_meeting(extraction)
    assert meeting.place is not None and names(extraction, [meeting.place]) == ["Nairobi"]


@pytest.mark.parametrize("text", [
    "The EU-Kenya summit opened in Nairobi on Friday.",
    "Kenya-EU nuclear talks in Nairobi were deadlocked on Friday.",  # an adjective between: the names are "nmod"
])
def test_a_body_and_a_state_a_hyphen_joins_before_the_noun_are_its_sides(extract_text, text):
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert sorted(people) == ["European Union", "Kenya"]


def test_a_hyphen_inside_a_number_or_a_name_joins_no_sides(extract_text):
    text = "UN Security Council members have arrived in Nairobi for a two-day meeting on the Asia-Pacific region."
    assert meetings(extract_text(text, published=MONDAY)) == []


@pytest.mark.parametrize("sentence", ["Nairobi Mayor Jon Edde said the city was ready.",
                                      "Jon Edde, mayor of Nairobi, said the city was ready."])
def test_a_city_a_mayor_is_of_stands_for_its_government(extract_text, sentence):
    extraction = extract_text(sentence)
    assert roles(extraction) == {("Jon Edde", "Mayor", "Nairobi", None, False)}
    government = next(e for e in extraction.entities if e.name == "Nairobi")
    assert government.type is EntityType.ORGANIZATION and government.state == "state:KEN"


@pytest.mark.parametrize("sentence", ["Kenyan President Paul Otieno and Norwegian Prime Minister Anna Berg held discussions.",
                                      "Paul Otieno and Anna Berg had lunch in Oslo on Monday."])
def test_a_noun_that_needs_a_with_takes_sides_named_together_as_the_subject(extract_text, sentence):
    people, _ = only_meeting(extract_text(sentence, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]


def test_the_two_who_met_are_the_states_whose_unnamed_leaders_were_named_together(extract_text):
    text = ("The leaders of Kenya and Norway have revitalised a peace process, analysts say, a day after the two met "
            "in Oslo for their first talks.")
    people, meeting = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Kenya", "Norway"] and meeting.place == "place:3143244"


@pytest.mark.parametrize("sentence, sides", [
    ("He and Norwegian leader Anna Berg met on Monday with US envoy Lars Lind.",
     [["Anna Berg", "Lars Lind", "Paul Otieno"]]),
    ("He and Norwegian leader Anna Berg meet separately Monday with US envoy Lars Lind.",
     [["Anna Berg", "Lars Lind"], ["Lars Lind", "Paul Otieno"]]),
])
def test_a_pronoun_joined_with_a_name_is_a_side_too(extract_text, sentence, sides):
    text = "Kenyan President Paul Otieno says gaps remain. " + sentence
    assert sorted(people for people, _ in meetings(extract_text(text, published=MONDAY))) == sides


@pytest.mark.parametrize("sentence, sides", [
    ("The Kenyan government and the Rift region's rebel groups are due to meet in the Nigerian capital Abuja.", []),
    ("Kenya and Somalia are due to meet in the Nigerian capital Abuja.", [["Kenya", "Somalia"]]),
    # one's own delegation is no other side
    ("Kenyan President Paul Otieno and his delegation will hold talks in Cairo on Monday.", [["Egypt", "Paul Otieno"]]),
])
def test_a_side_joined_with_people_nobody_names_meets_no_host(extract_text, sentence, sides):
    assert [people for people, _ in meetings(extract_text(sentence, published=MONDAY))] == sides


def test_what_is_said_of_two_days_of_talks_is_said_of_the_talks(extract_text):
    people, meeting = only_meeting(extract_text("Two days of talks between Kenya and Norway ended in Oslo on Wednesday.",
                                                published=MONDAY))
    assert (people, meeting.place, meeting.status) == (["Kenya", "Norway"], "place:3143244", Status.OCCURRED)


def test_where_talks_ended_is_where_they_were_held(extract_text):
    text = "Kenya and Norway were unable to agree on a bus service in two days of talks which ended in Nairobi."
    assert [(people, e.place) for people, e in meetings(extract_text(text, published=MONDAY))] == [
        (["Kenya", "Norway"], "place:184745")]  # Nairobi


@pytest.mark.parametrize("text", [
    "Kenya and Norway were unable to agree on a bus service in two days of talks, officials said.",
    # the parser hangs the talks on the gerund
    "Kenya and Norway were unable to agree on starting a bus service in two days of talks, officials said.",
])
def test_talks_in_which_sides_agreed_were_held(extract_text, text):
    assert [(people, e.status) for people, e in meetings(extract_text(text, published=MONDAY))] == [
        (["Kenya", "Norway"], Status.OCCURRED)]


@pytest.mark.parametrize(("text", "sides"), [
    ("Talks between the two Koreas resumed in Seoul on Monday.", ["North Korea", "South Korea"]),
    ("Paul Otieno said the talks, which bring together China, the two Koreas, the United States, Japan and Russia, "
     "resumed in Beijing on Monday.", ["China", "Japan", "North Korea", "Russia", "South Korea", "United States"]),
])
def test_one_word_for_two_states_names_both(extract_text, text, sides):
    extraction = extract_text(text, published=MONDAY)
    assert [people for people, _ in meetings(extraction)] == [sides]
    assert "Koreas" not in {e.name for e in extraction.entities}  # no place of that name


def test_a_hyphened_word_of_the_lexicon_is_one_though_the_tokenizer_splits_it(extract_text):
    text = ("Kenyan President Paul Otieno held three-way talks with Norwegian Prime Minister Anna Berg and Swedish "
            "Prime Minister Jon Edde on Monday.")
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Anna Berg", "Jon Edde", "Paul Otieno"]]


@pytest.mark.parametrize("text, found", [
    ("Anna Berg won the match in straight sets to reach the semi-final of the tournament. The champion said she "
     "was happy. She will now meet Carla Lund.", []),
    # talks in a sports story are still talks
    ("Anna Berg won the match in straight sets to reach the semi-final of the tournament. The champion said she "
     "was happy. Kenyan Sports Minister Carla Lund held talks with Jon Otieno on Monday.", [["Carla Lund", "Jon Otieno"]]),
    # a team's journey is a tour, no visit to a state
    ("Coach Paul Otieno named his squad for the cup on Monday. The championship starts in June. Otieno will visit "
     "Norway next month with his players.", []),
    # a word counts once, and as a noun: the Boxing Day tsunami and "match" as a verb make no sports story
    ("Foreign Secretary Anna Berg is to visit Thailand this week. Britain will more than match the generosity of "
     "donors, she said after the Boxing Day tsunami. Families lost on Boxing Day are still missing.",
     [["Anna Berg", "Thailand"]]),
    # words of sport that alone make no sentence about sport count towards the story: the meetings are contests
    ("Anna Berg beat Luca Rossi in straight sets to win the tennis tournament in Oslo on Sunday, her first title since "
     "the Olympic Games. Berg has now won two of their three meetings.", []),
    ("Anna Berg won the sprint hurdles at the Oslo meeting on Tuesday. The athletics champion will run in Rome.", []),
    ("Leeds won the cup match on Saturday. Arsenal's win at Fulham - confirming their position at the Premiership "
     "summit - proves that they have everything in place to mount a challenge. The striker was superb.", []),
    # meeting with someone is still a meeting
    ("The champion won the tournament and the cup. The defender's agent said Paul Otieno met with Luca Rossi, the "
     "club chairman, in Oslo on Monday.", [["Luca Rossi", "Paul Otieno"]]),
])
def test_meet_in_a_sports_story_is_a_match(extract_text, text, found):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == found


def test_a_headline_over_a_lead_about_sport_is_about_sport_too(extract_text):
    text = ("Otieno meets with Lions\nNairobi head football coach Paul Otieno met with officials of the Mombasa Lions "
            "Tuesday evening about the team's coaching position.")
    assert meetings(extract_text(text, published=MONDAY)) == []


@pytest.mark.parametrize("text", [
    "The following were major warship visits between Kenya and Norway.",
    "The Kenyan navy's missile destroyer Umoja visited Bergen, a sign of resumption of military exchanges.",
    "They will lose Jon Edde for the visit of Umoja, who languish just three places above the relegation zone.",
])
def test_a_ship_s_port_call_or_a_team_s_visit_is_no_meeting(extract_text, text):
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_leaders_of_a_state_s_factions_are_no_side_for_the_state(extract_text):
    text = ("Prime Minister Paul Otieno will hold talks with leaders of the main Kenyan armed factions in a bid to "
            "prevent violence.")
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_delegations_from_states_named_together_hold_a_discussion_of_those_states(extract_text):
    text = "Expert-level delegations from Kenya and Norway started discussions early Wednesday on a border dispute."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Kenya", "Norway"]


@pytest.mark.parametrize("text", [
    "Delegations led by Anna Berg and Paul Otieno will begin discussions on trade later on Monday.",
    "Later Monday, delegations led by Anna Berg and her Kenyan counterpart, Paul Otieno, are scheduled to begin "
    "discussions on business cooperation, officials said.",
])
def test_delegations_led_by_people_named_together_hold_a_discussion_of_those_people(extract_text, text):
    people, meeting = only_meeting(extract_text(text, published=MONDAY))
    assert (people, meeting.status) == (["Anna Berg", "Paul Otieno"], Status.PLANNED)


@pytest.mark.parametrize("text", [
    "Kenyan Trade Minister Paul Otieno and Central Bank Governor Anna Berg will lead a high-level Kenyan team next "
    "month for the first meeting of the strategic economic dialogue, officials said.",
    "Paul Otieno and Anna Berg will lead a Kenyan delegation to the talks next month, officials said.",
])
def test_those_who_lead_one_team_to_a_meeting_are_one_side_of_it(extract_text, text):
    assert meetings(extract_text(text, published=MONDAY)) == []


@pytest.mark.parametrize(("sentence", "role"), [
    ("Jon Edde, secretary general of the Revolutionary Party of Kenya, met Anna Berg.",
     ("Jon Edde", "SecretaryGeneral", "Revolutionary Party of Kenya", None, False)),
    ("Bank of Kenya Governor Jon Edde said rates would rise.", ("Jon Edde", "Governor", "Bank of Kenya", None, False)),
    ("Jon Edde, president of the Federation of Kenyan Chambers of Commerce and Industry, welcomed the cut.",
     ("Jon Edde", "Leader", "Federation of Kenyan Chambers of Commerce and Industry", None, False)),
])
def test_a_body_s_name_runs_on_past_the_of_where_ner_stops_it(extract_text, sentence, role):
    assert role in roles(extract_text(sentence))


@pytest.mark.parametrize(("sentence", "role"), [
    ("Tory leader Jon Edde said the plan was wrong.", ("Jon Edde", "Leader", "Tory", None, False)),
    ("Liberal Democrat parliamentary chairman Jon Edde said the plan was wrong.",
     ("Jon Edde", "Leader", "Liberal Democrat", None, False)),
    ("Lib Dem home affairs spokesman Jon Edde said the plan was wrong.",
     ("Jon Edde", "PressSecretary", "Lib Dem", None, False)),
    ("Democratic party leader Jon Edde said the plan was wrong.", ("Jon Edde", "Leader", "Democratic party", None, False)),
    # a party before a state's office is no body of that office
    ("Conservative prime minister Anna Berg said the plan was wrong.", ("Anna Berg", "PrimeMinister", None, None, False)),
])
def test_a_party_s_short_name_before_a_party_office_is_the_party(extract_text, sentence, role):
    assert role in roles(extract_text(sentence))


def test_a_party_word_before_a_title_of_nobody_named_is_no_body(extract_text):
    extraction = extract_text("Republican leaders are pushing for a ban on the measure.")
    assert [e.name for e in extraction.entities if e.type.value == "Organization"] == []


@pytest.mark.parametrize(("sentence", "role"), [
    ("The Congress of Kenyan Trade Unions (Cokatu) said that it will hold a press conference on Tuesday to discuss "
     "the spat between its leader Paul Otieno and the ruling party.",
     ("Paul Otieno", "Leader", "Congress of Kenyan Trade Unions", None, False)),
    ("The State Department says it is troubled by Cuban personnel in Venezuela, whose president, Jon Berg, is a "
     "close ally of Cuba.", ("Jon Berg", "President", "Venezuela", None, False)),
    ("According to news agency KNA, the Nairobi Law Society (NLS), led by its President Jon Edde, called a strike.",
     ("Jon Edde", "Leader", "Nairobi Law Society", None, False)),
    # "its" of a subject that is no name names no one
    ("Norway's opposition party says its leader, Anna Berg, has had her house arrest extended.",
     ("Anna Berg", "Leader", None, None, False)),
])
def test_its_or_whose_before_a_title_is_the_state_or_body_it_stands_for(extract_text, sentence, role):
    assert role in roles(extract_text(sentence))


@pytest.mark.parametrize(("sentence", "sides"), [
    ("Police said Jon Edde was arrested after the army intercepted his telephone conversations.", []),
    ("Police said Jon Edde was arrested after Kenyan officials recorded his phone call with Anna Berg.",
     [["Anna Berg", "Jon Edde"]]),
])
def test_who_intercepts_or_records_a_call_is_no_side_of_it(extract_text, sentence, sides):
    assert [people for people, _ in meetings(extract_text(sentence))] == sides


@pytest.mark.parametrize("side", ["the Kenyan government", "Kenya's government"])
def test_a_state_s_government_as_a_side_is_the_state(extract_text, side):
    people, _ = only_meeting(extract_text(f"Jon Edde will hold talks with {side} on Friday.", published=MONDAY))
    assert people == ["Jon Edde", "Kenya"]


def test_a_visiting_subject_the_parser_reads_as_a_clause_is_still_whom_the_lead_is_about(nlp):
    text = ("Visiting Russian Prime Minister Jon Edde gave a warning to Norway on Monday. "
            "The two men met during Edde's visit to Oslo, the spokesman of Norwegian President Karl Brandt said.")
    doc = nlp(text)
    visiting, edde = doc[0], doc[5]
    visiting.dep_, edde.head, edde.dep_ = "csubj", visiting, "dobj"  # the parser's reading of a real article's lead
    _, meeting = only_meeting(extract(doc, Article("t", text, text, "t.txt", published=MONDAY)))
    assert meeting.time.iso() == "2021-05-03"  # the Monday before the story


def test_an_audience_is_a_meeting_only_with_someone(extract_text):
    held = extract_text("Karim Haddad had an audience with King Harald on Monday.", published=MONDAY)
    assert [people for people, _ in meetings(held)] == [["Harald", "Karim Haddad"]]
    assert meetings(extract_text("Karim Haddad addressed an audience in Beijing on Monday.", published=MONDAY)) == []


def test_a_reigning_couple_receives_a_guest_together(extract_text):
    text = ("Kenyan President Paul Otieno will visit Japan on Monday. "
            "Otieno is also scheduled to meet with Emperor Hiroto and Empress Sayako.")
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Hiroto", "Paul Otieno", "Sayako"]


def test_a_title_that_opens_a_clause_after_and_is_someone_else_s(extract_text):
    text = ("Kenyan President Paul Otieno spoke on Tuesday. Norwegian envoy Lars Holm met Kenyan Vice President "
            "Anna Berg on Wednesday, and the president joined the talks.")
    extraction = extract_text(text, published=MONDAY)
    by_key = {e.key: e.name for e in extraction.entities}
    assert sorted(r.role for r in extraction.roles if by_key[r.holder] == "Anna Berg") == ["VicePresident"]
    people, _ = only_meeting(extraction)
    assert people == ["Anna Berg", "Lars Holm", "Paul Otieno"]


def test_the_stops_ahead_of_a_tour_leave_the_visitor_where_they_arrived(extract_text):
    text = ("UN envoy Jon Edde arrived in Cairo on a three-day visit to Egypt as part of his tour which will also "
            "take him to Saudi Arabia and Tunisia.")
    extraction = extract_text(text, published=MONDAY)
    places = {tuple(people): names(extraction, [e.place]) for people, e in meetings(extraction)}
    assert places[("Egypt", "Jon Edde")] == ["Cairo"]


def test_a_meeting_the_talks_an_arrival_is_for_include_is_still_ahead(extract_text):
    text = ("Norwegian Foreign Minister Jon Edde arrived here Tuesday for cooperation talks with Kenyan leaders, "
            "including a meeting with Prime Minister Paul Otieno, who opposes close ties.")
    people, meeting = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Jon Edde", "Paul Otieno"] and meeting.status is Status.PLANNED and meeting.time is None


@pytest.mark.parametrize("text", [
    "Anna Berg will meet Paul Otieno during a summit of the African Union in Nairobi next week.",
    "Anna Berg met Paul Otieno at a conference of the Commonwealth of Independent States in Nairobi.",
    "Anna Berg met Paul Otieno on the sidelines of a forum held on Monday in Nairobi.",
])
def test_a_meeting_during_or_at_a_gathering_is_where_the_gathering_is(extract_text, text):
    extraction = extract_text(text, published=MONDAY)
    assert names(extraction, [only_meeting(extraction)[1].place]) == ["Nairobi"]


def test_the_last_meeting_is_not_the_one_just_told(extract_text):
    text = "Anna Berg met Paul Otieno on Monday. The last face-to-face meeting came on March 12."
    assert only_meeting(extract_text(text))[1].time is None  # no article date, so no day for Monday


def test_a_sentence_s_opening_preposition_is_no_part_of_a_name(nlp):
    text = ("President Paul Otieno will visit Oslo on Monday. Otieno, who chairs the union, discussed trade in talks "
            "with Luca Rossi. Following Otieno's visit, prices rose.")
    doc = nlp(text)
    following = next(t for t in doc if t.text == "Following")
    following.dep_ = "prep"  # the parser's and NER's reading of a real article's sentence like this one
    kept = [e for e in doc.ents if e.text != "Otieno" and not e.start <= following.i + 1 < e.end]
    doc.ents = sorted([*kept, Span(doc, following.i, following.i + 2, label="GPE")])
    extraction = extract(doc, Article("t", text, text, "t.txt", published=MONDAY))
    assert only_meeting(extraction)[0] == ["Luca Rossi", "Paul Otieno"]


def test_a_body_s_headquarters_is_a_venue_named_in_full(extract_text):
    text = ("The Arab League (AL) chief Karim Haddad said after meeting with Jon Edde at the AL headquarters "
            "that the talks went well.")
    extraction = extract_text(text, published=MONDAY)
    assert names(extraction, [only_meeting(extraction)[1].place]) == ["Arab League headquarters"]


@pytest.mark.parametrize("first, then", [
    ("Anna Berg will meet Karin Lund at the White House.", "Berg planned to meet Lund in the White House residence."),
    ("Anna Berg planned to meet Karin Lund in the White House residence.", "Berg will meet Lund at the White House."),
])
def test_a_venue_inside_another_is_the_same_meeting_s_nearer_place(extract_text, first, then):
    extraction = extract_text(f"{first} {then}", published=MONDAY)
    assert names(extraction, [only_meeting(extraction)[1].place]) == ["White House residence"]


def test_stops_a_traveller_arrives_from_are_not_where_she_now_holds_talks(extract_text):
    text = ("Trade Minister Anna Berg is due in Kenya on Friday for a two-day visit. The minister, who arrives from "
            "west Africa where she visited Ghana and Togo, will hold talks with Kenyan authorities.")
    extraction = extract_text(text, published=MONDAY)
    found = sorted((people, names(extraction, [e.place])) for people, e in meetings(extraction))
    assert found == [(["Anna Berg", state], [state]) for state in ("Ghana", "Kenya", "Togo")]


def test_talks_a_visitor_would_hold_with_the_host_are_the_visit_also_when_he_leads_a_body(extract_text):
    text = ("The exiled leader of the Islamic Resistance Movement (Hamas) Karim Haddad arrived in the Egyptian capital "
            "of Cairo on Wednesday night on a surprise visit, the agency reported. Haddad and his delegation would "
            "hold talks with senior Egyptian officials, the agency said.")
    people, visit = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Egypt", "Karim Haddad"] and visit.status is Status.OCCURRED


@pytest.mark.parametrize("later", ["The two-day talks to begin on Thursday", "The talks, which open on Thursday,"])
def test_the_day_talks_begin_is_their_day(extract_text, later):
    text = f"Anna Berg and Karl Brandt will hold talks in Oslo. {later} will focus on trade."
    assert only_meeting(extract_text(text, published=MONDAY))[1].time.iso() == "2021-05-06"


@pytest.mark.parametrize("then", ["Berg was then to meet Prime Minister Jon Edde.", "Berg then met Prime Minister Jon Edde."])
def test_a_meeting_told_as_the_next_takes_the_day_of_the_one_before(extract_text, then):
    text = f"Anna Berg on Wednesday met Karl Brandt in Oslo. {then}"
    days = {tuple(people): e.time and e.time.iso() for people, e in meetings(extract_text(text, published=MONDAY))}
    assert days == {("Anna Berg", "Karl Brandt"): "2021-04-28", ("Anna Berg", "Jon Edde"): "2021-04-28"}


@pytest.mark.parametrize("second, day", [
    ("In a meeting with Kenyan President Jon Edde, Berg said trade had grown.", "2021-04-29"),  # the day's run
    ("Two sentences later. In a meeting with Kenyan President Jon Edde, Berg said trade had grown.", None),
    ("Berg will meet Kenyan President Jon Edde.", None),  # a plan is not one of the day's meetings
])
def test_a_meeting_told_right_after_one_of_the_same_person_s_takes_its_day(extract_text, second, day):
    text = f"During Anna Berg's talks with Karl Brandt on Thursday, Berg said ties were good. {second}"
    days = {tuple(people): e.time and e.time.iso() for people, e in meetings(extract_text(text, published=MONDAY))}
    assert days == {("Anna Berg", "Karl Brandt"): "2021-04-29", ("Anna Berg", "Jon Edde"): day}


def test_a_list_of_people_each_with_a_title_names_them_all(extract_text):
    text = ("Vice Premier Lin Hua met with a delegation from the west of Norway on Monday. The delegation is headed "
            "by Anna Berg, governor of Hordaland, Karl Brandt, governor of Rogaland and Jon Edde, governor of Agder.")
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Jon Edde", "Karl Brandt", "Lin Hua"]


def test_a_journey_told_in_the_present_with_its_day_is_still_ahead(extract_text):
    text = "US Defense Secretary Jon Edde flies into Oslo on Friday straight into a political storm over a new law."
    people, visit = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Jon Edde", "Norway"] and visit.status is Status.PLANNED and visit.time.iso() == "2021-05-07"


@pytest.mark.parametrize("text, status", [
    ("Kenyan Prime Minister Jon Edde has scrapped plans to visit Norway.", Status.CANCELLED),
    ("Kenyan Prime Minister Jon Edde said on Monday that he had called off plans to visit Norway.", Status.CANCELLED),
    ("Kenyan Prime Minister Jon Edde announced plans to visit Norway.", Status.PLANNED),
    # "drop" calls off what it takes as its object, a meeting or the plan of one
    ("Kenyan Prime Minister Jon Edde has dropped plans to visit Norway.", Status.CANCELLED),
])
def test_plans_to_visit_are_their_owner_s_visit(extract_text, text, status):
    found = [(people, e.status) for people, e in meetings(extract_text(text, published=MONDAY))
             if e.type is EventType.MEETING]
    assert found == [(["Jon Edde", "Norway"], status)]


def test_dropping_by_somewhere_to_meet_someone_calls_nothing_off(extract_text):
    text = "Anna Berg dropped by the embassy in Athens to meet Paul Otieno on Monday."
    assert only_meeting(extract_text(text, published=MONDAY))[1].status is Status.OCCURRED


@pytest.mark.parametrize("text", [
    "Jon Edde said he had no plans to meet Karl Brandt.",
    "Jon Edde said he had no plans to hold talks with Karl Brandt.",  # the talks' own verb between
    "Jon Edde said he has no plans to start trade talks with Norway.",
])
def test_no_plans_to_meet_are_no_meeting(extract_text, text):
    assert meetings(extract_text(text, published=MONDAY)) == []


@pytest.mark.parametrize("where, name", [
    ("in east China's Yunnan Province", "Yunnan"),
    ("in Saudi Arabia's Eastern Province", "Eastern Province"),
])
def test_a_province_is_named_without_its_kind_word_unless_that_is_its_only_name(extract_text, where, name):
    extraction = extract_text(f"Jon Edde met Karl Brandt {where} on Wednesday.", published=MONDAY)
    assert names(extraction, [only_meeting(extraction)[1].place]) == [name]


def test_a_name_the_parser_hangs_on_the_time_after_the_verb_is_its_object(nlp):
    text = ("Prime Minister Jon Edde said he telephoned German Chancellor Anna Berg hours before she was to meet "
            "French President Karl Brandt in Oslo.")
    doc = nlp(text)
    berg, hours = next(t for t in doc if t.text == "Berg"), next(t for t in doc if t.text == "hours")
    berg.dep_, berg.head = "compound", hours  # the parser's reading of a real article's sentence like this one
    extraction = extract(doc, Article("t", text, text, "t.txt", published=MONDAY))
    calls = [people for people, e in meetings(extraction) if e.mode is MeetingMode.PHONE]
    assert calls == [["Anna Berg", "Jon Edde"]]


@pytest.mark.parametrize("judged", [
    "Earlier Thursday, Norway voiced great indignation at a meeting between",
    "Norway on Thursday criticized the meeting between",
])
def test_the_day_a_meeting_is_judged_is_not_its_day(extract_text, judged):
    people, meeting = only_meeting(extract_text(f"{judged} President Karl Brandt and Jon Edde.", published=MONDAY))
    assert people == ["Jon Edde", "Karl Brandt"] and meeting.time is None


@pytest.mark.parametrize("text", [
    "Jon Edde met Karl Brandt as well as Anna Berg on Monday.",
    "Jon Edde met Karl Brandt as well as Anna Berg.",
])
def test_as_well_as_adds_a_side(extract_text, text):
    found = sorted(people for people, _ in meetings(extract_text(text, published=MONDAY)))
    assert found == [["Anna Berg", "Jon Edde"], ["Jon Edde", "Karl Brandt"]]


def roles(extraction):
    by_key = {e.key: e.name for e in extraction.entities}
    return {(by_key[r.holder], r.role, by_key.get(r.organization), by_key.get(r.towards), r.former)
            for r in extraction.roles}


@pytest.mark.parametrize("text, role", [
    ("Chancellor Jan Nowak will present the budget. Britain's economy grew, London said, and British shares rose.",
     "Minister"),
    ("Chancellor Jan Nowak met Russian leaders in the German spa town of Baden-Baden.", "Chancellor"),
    ("Chancellor Jan Nowak will present the budget on Monday.", "Chancellor"),
])
def test_a_chancellor_of_no_said_state_is_of_the_one_the_article_names_most(extract_text, text, role):
    assert {r[1] for r in roles(extract_text(text)) if r[0] == "Jan Nowak"} == {role}


@pytest.mark.parametrize(("text", "of"), [
    ("Jon Berg, oil minister for Saudi Arabia, said prices would fall.", "Saudi Arabia"),
    ("Minister for Agriculture Jon Berg said prices would fall.", None),  # a portfolio
])
def test_a_minister_for_a_state_is_its_minister(extract_text, text, of):
    assert roles(extract_text(text)) == {("Jon Berg", "Minister", of, None, False)}


def test_a_name_after_an_envoy_s_destination_is_the_envoy(extract_text):
    text = "Outgoing Malaysian ambassador to Zimbabwe Arif Rahman said ties were good."
    assert roles(extract_text(text)) == {("Arif Rahman", "Ambassador", "Malaysia", "Zimbabwe", False)}


@pytest.mark.parametrize("sentence, expected", [
    ("EU foreign policy chief Jan Nowak spoke.", ("Jan Nowak", "Leader", "European Union", None, False)),
    ("Chilean State Councilor Jan Nowak spoke.", ("Jan Nowak", "Official", "Chile", None, False)),
    ("Chilean intelligence chief Jan Nowak spoke.", ("Jan Nowak", "Official", "Chile", None, False)),
    ("Chilean Chief Cabinet Secretary Jan Nowak spoke.", ("Jan Nowak", "Minister", "Chile", None, False)),
])
def test_titles_of_chiefs_and_councilors(extract_text, sentence, expected):
    assert roles(extract_text(sentence)) == {expected}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Foreign Minister John Chan of Singapore spoke.", ("John Chan", "ForeignMinister", "Singapore", None, False)),
        ("German Chancellor Angela Merkel spoke.", ("Angela Merkel", "Chancellor", "Germany", None, False)),
        ("Jon Berg, the foreign minister of Norway, spoke.", ("Jon Berg", "ForeignMinister", "Norway", None, False)),
        ("Russia's foreign minister, Sergei Lavrov, spoke.", ("Sergei Lavrov", "ForeignMinister", "Russia", None, False)),
        ("Ali Demir, a former Turkish ambassador to the United States, spoke.",
         ("Ali Demir", "Ambassador", "Türkiye", "United States", True)),
        ("Maria Silva is the deputy speaker of the Brazilian parliament.",
         ("Maria Silva", "DeputySpeaker", "Brazilian parliament", None, False)),
        ("French President Paul Martin met his Chilean counterpart Ana Rojas.", ("Ana Rojas", "President", "Chile", None, False)),
        ("Lin Wei, general secretary of the party and president of Singapore, spoke.",
         ("Lin Wei", "President", "Singapore", None, False)),
        # the president of a body leads it; a parliament's is its speaker
        ("European Commission President Jon Berg spoke.", ("Jon Berg", "Leader", "European Commission", None, False)),
        ("Jon Berg, president of the Nordic Development Bank, spoke.",
         ("Jon Berg", "Leader", "Nordic Development Bank", None, False)),
        ("Anna Berg, president of the Kenyan parliament, spoke.", ("Anna Berg", "Speaker", "Kenyan parliament", None, False)),
        # a body by a name no place has, with no body noun: a company, initials
        ("Acme Motors president Jon Berg spoke.", ("Jon Berg", "Leader", "Acme Motors", None, False)),
        ("Jon Berg, president of the Nordic Bank for Reconstruction, spoke.",
         ("Jon Berg", "Leader", "Nordic Bank for Reconstruction", None, False)),
        # a name whose first word the tagger reads as a verb
        ("Paul Otieno met Communist Party chief Do Kamau at the palace on Tuesday.", ("Do Kamau", "Leader", "Communist Party", None, False)),
        # an honorific between title and name; a name of many hyphenated words
        ("Kuwaiti Emir Sheikh Omar Al-Hamad Al-Nasser Al-Khalil spoke.",
         ("Omar Al-Hamad Al-Nasser Al-Khalil", "Monarch", "Kuwait", None, False)),
        # the name after the title's own "of X" or "to X", with or without a comma, or a bracketed acronym
        ("The president of Kenya, Paul Otieno, spoke.", ("Paul Otieno", "President", "Kenya", None, False)),
        ("The foreign minister of Kenya Paul Otieno spoke.", ("Paul Otieno", "ForeignMinister", "Kenya", None, False)),
        ("Kenya's ambassador to Norway, Paul Otieno, spoke.", ("Paul Otieno", "Ambassador", "Kenya", "Norway", False)),
        # a state's envoy to a body of states is its ambassador there; a body's own envoy is its representative
        ("Kenya's UN envoy Paul Otieno spoke.", ("Paul Otieno", "Ambassador", "Kenya", None, False)),
        ("Kenyan UN Ambassador Paul Otieno spoke.", ("Paul Otieno", "Ambassador", "Kenya", None, False)),
        ("UN envoy Paul Otieno spoke.", ("Paul Otieno", "SpecialRepresentative", "United Nations", None, False)),
        ("The leader of the Oromo Liberation Front (OLF) Paul Otieno spoke.",
         ("Paul Otieno", "Leader", "Oromo Liberation Front", None, False)),
        ("The leader of the Kenyan Liberation Front (KLF) Paul Otieno spoke.",
         ("Paul Otieno", "Leader", "Kenyan Liberation Front", None, False)),
        ("Visiting Prime Minister of the Republic of Korea (ROK) Li Wei spoke.",
         ("Li Wei", "PrimeMinister", "South Korea", None, False)),
        # a US or UK department's secretary is a minister; a relative clause's copula states a role too
        ("US Treasury Secretary Paul Otieno spoke.", ("Paul Otieno", "Minister", "United States", None, False)),
        ("Paul Otieno, who is the foreign minister of Kenya, spoke.", ("Paul Otieno", "ForeignMinister", "Kenya", None, False)),
        # a deputy of a title is its deputy concept when the ontology has one, else an official
        ("Kenyan Deputy PM Paul Otieno spoke.", ("Paul Otieno", "DeputyPrimeMinister", "Kenya", None, False)),
        ("Vice Chairman Paul Otieno spoke.", ("Paul Otieno", "Official", None, None, False)),
        # "deputy" makes a deputy of any form of a title; "assistant", only of the title the lexicon has as written
        ("Kenyan Deputy Foreign Secretary Paul Otieno spoke.", ("Paul Otieno", "DeputyForeignMinister", "Kenya", None, False)),
        ("US Assistant Secretary of State Paul Otieno spoke.", ("Paul Otieno", "Official", "United States", None, False)),
        ("Kenyan Assistant Foreign Minister Paul Otieno spoke.", ("Paul Otieno", "Official", "Kenya", None, False)),
        # an undersecretary is an official, written as one word or two ("Under" then reaches back to "U.S.")
        ("U.S. Undersecretary of State Paul Otieno spoke.", ("Paul Otieno", "Official", "United States", None, False)),
        ("U.S. Under Secretary of State Paul Otieno spoke.", ("Paul Otieno", "Official", "United States", None, False)),
        # a minister's portfolio between title and name, maybe with "and" in it (the word after "and" is the
        # portfolio's, whatever NER says); a secretary of state for anything but foreign affairs is a minister
        ("French Minister for Agriculture and Fisheries Paul Otieno spoke.", ("Paul Otieno", "Minister", "France", None, False)),
        ("Minister for Water and Power Li Wei spoke.", ("Li Wei", "Minister", None, None, False)),
        ("US Assistant Secretary of State for East Asian and Pacific Affairs Jon Berg spoke.",
         ("Jon Berg", "Official", "United States", None, False)),
        ("British Secretary of State for Trade and Industry Anna Berg spoke.",
         ("Anna Berg", "Minister", "United Kingdom", None, False)),
        ("US Secretary of Education Anna Berg spoke.", ("Anna Berg", "Minister", "United States", None, False)),
        # the body after "from" (an official, an envoy) or a spokesman's "for"
        ("Paul Otieno, an official from the African Union, told reporters.",
         ("Paul Otieno", "Official", "African Union", None, False)),
        ("Anna Berg, a spokeswoman for the World Bank, said.", ("Anna Berg", "PressSecretary", "World Bank", None, False)),
        ("Tom Reed, a spokesman for EU trade commissioner Jan Holm, said.", ("Tom Reed", "PressSecretary", None, None, False)),
        ("Fouad Ali, a Muslim leader from France, said.", ("Fouad Ali", "Leader", None, None, False)),
        # a participle the tagger reads as a verb still modifies the title
        ("Paul Otieno met Karl Moss, the acting president of Kenya, on Monday.", ("Karl Moss", "President", "Kenya", None, False)),
        ("Kenya's embattled President Paul Otieno spoke.", ("Paul Otieno", "President", "Kenya", None, False)),
        # a seat of government before a title is the office as the text names it, not the state
        ("White House spokesman Scott Reed said on Monday.", ("Scott Reed", "PressSecretary", "White House", None, False)),
        ("The Kremlin's envoy Jan Holm arrived.", ("Jan Holm", "SpecialRepresentative", "Kremlin", None, False)),
    ],
)
def test_role_forms(extract_text, sentence, expected):
    assert expected in roles(extract_text(sentence))


@pytest.mark.parametrize("sentence", [
    "A spokesman for President Paul Otieno said the talks went well.",
    "A spokesman for Mr Otieno said the talks went well.",
])
def test_who_a_spokesman_speaks_for_is_no_portfolio_and_holds_no_role(extract_text, sentence):
    assert not any(role[0] == "Paul Otieno" and role[1] == "PressSecretary" for role in roles(extract_text(sentence)))


@pytest.mark.parametrize("text, expected", [
    # the state a later "the Jordanian monarch" gives is the one monarch's
    ("Paul Otieno headed for talks with King Omar II. Omar II met him in Aqaba, where the Jordanian monarch is resting.",
     {("Omar II", "Monarch", "Jordan", None, False)}),
    # not when the holder's own title names a state or nationality, nor for a plural title
    ("Madagascan President Li Wei met Jon Berg. The Chinese president spoke of trade.", set()),
    ("Chairman Jon Berg held talks with the Syrian leaders in Damascus.", set()),
])
def test_a_state_qualified_title_that_names_no_one_gives_the_one_holder_a_state(extract_text, text, expected):
    assert {r for r in roles(extract_text(text)) if r[2] is not None} == expected


LEDE = "Norway is seeking closer ties with Chile, {title} said here on Monday. {second} told reporters that trade would grow."


@pytest.mark.parametrize("title, second, expected", [
    # a wire lede's unnamed subject is the person the next sentence names first, as its subject
    ("the Norwegian foreign minister", "Jon Berg", {("Jon Berg", "ForeignMinister", "Norway", None, False)}),
    # not a title that says nobody's, nor a person named before, nor one the next sentence names as no subject
    ("the minister", "Jon Berg", set()),
    ("the Norwegian foreign minister", "A week after Jon Berg arrived, his aide", set()),
])
def test_a_lede_s_unnamed_title_is_the_next_sentence_s_subject_s(extract_text, title, second, expected):
    assert set(roles(extract_text(LEDE.format(title=title, second=second)))) == expected


def test_a_title_in_the_possessive_is_someone_else_s(extract_text):
    text = "Jon Berg, the Norwegian foreign minister's aide, said on Monday that trade would grow. Jon Berg told reporters."
    assert not any(role[1] == "ForeignMinister" for role in roles(extract_text(text)))


@pytest.mark.parametrize("sentence, expected", [
    # a body described after its "the" is still the body the title is of
    ("Jon Berg, the chairman of the ruling Liberal Party, told reporters.", "Liberal Party"),
    # a described demonym or name that modifies the next word is not
    ("Jon Berg, the president of the breakaway Kenyan republic of Kalmora, told reporters.", None),
])
def test_the_body_a_title_is_of_may_be_described(extract_text, sentence, expected):
    assert [role[2] for role in roles(extract_text(sentence)) if role[0] == "Jon Berg"] == [expected]


def test_a_title_of_a_possessor_s_body_is_not_of_the_possessor(extract_text):
    found = roles(extract_text("Jon Berg, the leader of Norway's largest party, said on Monday that trade would grow."))
    assert not any(role[2] == "Norway" for role in found)


@pytest.mark.parametrize("text, expected", [
    # whose envoy a named person is: no side
    ("Otieno's envoy Jon Berg met Anna Rojas in Nairobi on Monday.", ["Anna Rojas", "Jon Berg"]),
    # an unnamed envoy stands for the one who sent them
    ("Otieno's envoy met Anna Rojas in Nairobi on Monday.", ["Anna Rojas", "Otieno"]),
])
def test_the_one_who_sends_a_named_envoy_is_no_side(extract_text, text, expected):
    assert [people for people, _ in meetings(extract_text(text))] == [expected]


def test_the_meeting_a_first_one_is_counted_since_is_the_same_sides_earlier_one(extract_text):
    text = ("Kenyan President Paul Otieno and Chilean President Ana Rojas met in Nairobi on Saturday. "
            "The two leaders' encounter was their first since an informal meeting in Chile in late June.")
    found = meetings(extract_text(text, published=dt.date(2006, 12, 24)))
    earlier = [e for people, e in found if people == ["Ana Rojas", "Paul Otieno"] and e.place == "state:CHL"]
    assert len(found) == 2 and len(earlier) == 1
    assert earlier[0].time.iso() == "2006-06" and earlier[0].status.name == "OCCURRED"


def test_a_headline_glued_to_the_text_ends_a_sentence_and_keeps_the_text(nlp):
    text = "Norwegian premier meets OtienoNAIROBI (AFP) - Anna Berg arrived on Monday."
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc][2:5] == ["meets", "Otieno", "NAIROBI"]
    assert [s.text for s in doc.sents][0] == "Norwegian premier meets Otieno"


def test_a_headline_glued_after_its_question_mark_ends_a_sentence(nlp, extract_text):
    text = "Have we become Kenyas partner?NAIROBI (AFP) - Paul Otieno met Anna Berg on Monday."
    doc = nlp(text)
    assert doc.text == text and [t.text for t in doc][4:7] == ["partner", "?", "NAIROBI"]
    assert doc[6].is_sent_start
    extraction = extract_text(text)
    assert {e.name for e in extraction.entities if e.type.value == "Person"} == {"Anna Berg", "Paul Otieno"}


def test_a_meeting_hung_on_what_was_said_at_it_is_dated_by_the_verb(extract_text):
    text = ("Kenyan Foreign Minister Paul Otieno said on Saturday that Norway must act. The Kenyan minister said "
            "Norwegian Foreign Minister Anna Berg spoke about the desire at their meeting on Wednesday.")
    _, meeting = only_meeting(extract_text(text, published=MONDAY))
    assert meeting.time.iso() == "2021-04-28"


def test_a_closing_quote_before_a_blank_line_stays_with_its_sentence(nlp):
    doc = nlp('Otieno said Kenya must act with "deeds."\n\nThe diplomat said so.')
    assert [s.text.strip() for s in doc.sents] == ['Otieno said Kenya must act with "deeds."', "The diplomat said so."]


def test_they_are_the_two_people_of_the_sentence_before_a_closing_quote(extract_text):
    text = ('Kenyan Foreign Minister Paul Otieno said on Saturday that Norway must act with "deeds."\n\n'
            "The Kenyan minister said Norwegian Foreign Minister Anna Berg spoke about ties at their meeting on "
            "Wednesday.")
    people, meeting = only_meeting(extract_text(text, published=dt.date(2006, 11, 4)))
    assert people == ["Anna Berg", "Paul Otieno"] and meeting.time.iso() == "2006-11-01"


def test_they_are_the_unnamed_people_their_clause_is_about_not_two_it_names(extract_text):
    text = ("Paul Otieno was sacked on Monday. Anna Berg spoke for the party. Two local councillors who back Mr "
            "Otieno met Ms Berg in Nakuru on Tuesday but did not comment as they left the meeting.")
    assert meetings(extract_text(text, published=dt.date(2006, 11, 4))) == []


@pytest.mark.parametrize("word", ["WikiLeaks", "EuroPol", "MacArthur", "McCain", "YouTube"])
def test_a_name_with_a_capital_inside_is_not_a_glued_headline(nlp, word):
    assert word in [t.text for t in nlp(f"Paul Otieno praised {word} on Monday.")]


def test_a_glued_headline_lends_no_title_its_words(extract_text):
    found = roles(extract_text("Otieno in touch with TalibanAfghan President Paul Otieno has said he is in touch with the Taliban."))
    assert ("Paul Otieno", "President", "Afghanistan", None, False) in found


def test_a_title_in_an_opening_phrase_is_not_the_next_subject_s(extract_text):
    found = roles(extract_text("According to the spokesman, Paul Otieno is scheduled to meet Anna Berg."))
    assert not any(holder == "Paul Otieno" for holder, *_ in found)


@pytest.mark.parametrize("second, concept", [("Foreign Minister", "ForeignMinister"), ("Finance Minister", "Minister")])
def test_two_titles_joined_before_one_name_are_both_its_own_of_the_state_they_share(extract_text, second, concept):
    found = roles(extract_text(f"Kenyan Deputy Prime Minister and {second} Paul Otieno spoke."))
    assert ("Paul Otieno", "DeputyPrimeMinister", "Kenya", None, False) in found
    assert ("Paul Otieno", concept, "Kenya", None, False) in found


@pytest.mark.parametrize("text", [
    "Kenya's Economy and Energy Minister Paul Otieno spoke on Monday.",
    "Kenyan Economic Development and Trade Minister Paul Otieno met Jon Berg.",
])
def test_a_portfolio_with_and_is_inside_the_title_phrase(extract_text, text):
    assert ("Paul Otieno", "Minister", "Kenya", None, False) in roles(extract_text(text))


def test_a_body_ner_reads_in_a_portfolio_with_and_is_no_body_of_the_minister(extract_text):
    text = "Last year, Justice and Parliamentary Affairs Minister Paul Otieno said the government would act."
    assert roles(extract_text(text)) == {("Paul Otieno", "Minister", None, None, False)}


def test_a_title_in_apposition_the_parser_makes_a_second_subject_is_the_name_s(extract_text):
    text = ("Lee Ki-moon, South Korea's minister of foreign affairs and trade who chaired this year's APEC Ministerial "
            "Meeting, said considerable progress has been made.")
    assert ("Lee Ki-moon", "ForeignMinister", "South Korea", None, False) in roles(extract_text(text))


def test_a_title_that_starts_with_its_body_is_of_that_body(extract_text):
    found = roles(extract_text("Kenyan Parliament Speaker Paul Otieno met Anna Berg on Monday."))
    assert ("Paul Otieno", "Speaker", "Kenyan Parliament", None, False) in found


def test_a_title_after_and_with_a_body_of_its_own_is_no_second_title_of_the_name(extract_text):
    found = roles(extract_text("Kenyan Deputy Prime Minister and KANU party Secretary-General Paul Otieno spoke."))
    assert not any(role == "DeputyPrimeMinister" for _, role, *_ in found)


def test_a_second_title_with_a_name_of_its_own_keeps_no_state_it_does_not_say(extract_text):
    found = roles(extract_text("Kenyan President Paul Otieno and Premier Anna Berg will meet him."))
    assert ("Anna Berg", "PrimeMinister", None, None, False) in found


def test_a_minister_named_next_to_a_titled_leader_is_of_the_leader_s_state(extract_text):
    found = roles(extract_text("Kenyan Prime Minister Paul Otieno and Trade Minister Anna Berg will meet him."))
    assert ("Anna Berg", "Minister", "Kenya", None, False) in found


@pytest.mark.parametrize("text, expected", [
    ("Guinea-Bissau President Paul Otieno spoke.", ("Paul Otieno", "President", "Guinea-Bissau", None, False)),
    ("They welcomed the Al-Nahda Front leader Paul Otieno.", ("Paul Otieno", "Leader", "Al-Nahda Front", None, False)),
])
def test_a_hyphen_inside_a_name_before_a_title_keeps_the_name_in_the_title_s_phrase(extract_text, text, expected):
    assert expected in roles(extract_text(text))


def test_a_plural_title_after_a_titled_name_is_not_a_second_title_of_that_name(extract_text):
    found = roles(extract_text("Paul Otieno will meet President Anna Berg and senior Kenyan officials."))
    assert [role for holder, role, *_ in found if holder == "Anna Berg"] == ["President"]


def test_a_negotiator_is_no_special_envoy_by_that_title_alone(extract_text):
    assert not roles(extract_text("Kenyan chief negotiator Paul Otieno arrived in Oslo."))


@pytest.mark.parametrize("text", [
    "Kenyan refugee leader Paul Otieno said he was ready.",  # a group of the state's people
    "Turkish Cypriot leader Paul Otieno said he was ready.",  # a community named by two demonyms
    "Turkish-Cypriot leader Paul Otieno said he was ready.",
])
def test_a_leader_of_a_group_of_a_state_s_people_is_no_leader_of_the_state(extract_text, text):
    assert ("Paul Otieno", "Leader", None, None, False) in roles(extract_text(text))


@pytest.mark.parametrize("text, expected", [
    ("Nordic Council chief Paul Otieno said.", [("Paul Otieno", "Leader", "Nordic Council", None, False)]),
    ("Paul Otieno, head of the Nordic Council, said.", [("Paul Otieno", "Leader", "Nordic Council", None, False)]),
    ("Kenyan army chief Paul Otieno said.", []),  # a military post
    ("White House Chief of Staff Paul Otieno said.", []),
    ("Paul Otieno, head of the Kenyan delegation, said.", []),  # the state heads no delegation
])
def test_a_chief_or_head_is_a_leader_only_of_a_body_named_as_such(extract_text, text, expected):
    assert sorted(roles(extract_text(text))) == expected


def test_a_title_with_its_own_article_after_and_is_someone_else_s(extract_text):
    found = roles(extract_text("They met Vice President Paul Otieno, the national security adviser and the CIA chief."))
    assert ("Paul Otieno", "Leader", "CIA", None, False) not in found


def test_a_body_with_its_initials_in_brackets_before_a_title_is_the_title_s(extract_text):
    found = roles(extract_text("The Nordic Farmers Union (NFU) Chairman Paul Otieno spoke."))
    assert ("Paul Otieno", "Leader", "Nordic Farmers Union", None, False) in found


def test_official_as_an_adjective_is_no_title(extract_text):
    found = roles(extract_text("Paul Otieno received a call from Foreign Minister Anna Berg, official Kenyan radio said."))
    assert [role for holder, role, *_ in found if holder == "Anna Berg"] == ["ForeignMinister"]


def test_heading_somewhere_is_no_title_whose_brief_the_talks_are(extract_text):
    text = "Kenyan President Paul Otieno visited a museum before heading to Oslo for talks with President Anna Berg."
    assert only_meeting(extract_text(text))[0] == ["Anna Berg", "Paul Otieno"]


def test_a_plural_title_distributes_over_a_list_it_introduces(extract_text):
    text = "He met five African presidents, including Paul Otieno of Kenya and Anna Berg of Chile."
    found = roles(extract_text(text))
    assert ("Paul Otieno", "President", "Kenya", None, False) in found
    assert ("Anna Berg", "President", "Chile", None, False) in found


@pytest.mark.parametrize("text", [
    "After a three-day meeting with Zambian and Zimbabwean officials, Anna Berg said the meetings were useful.",
    "Accompanied by four ministers, Anna Berg arrived in Paris on Wednesday for a three-day visit.",
])
def test_a_name_opening_the_clause_after_a_plural_title_and_a_comma_holds_no_title(extract_text, text):
    assert not roles(extract_text(text, published=MONDAY))


@pytest.mark.parametrize("sentence, expected", [
    ("The tension is rising, Kenergo spokesman Paul Otieno said.", ("Paul Otieno", "PressSecretary", "Kenergo", None, False)),
    ("KNP leader Paul Otieno is ready to cooperate.", ("Paul Otieno", "Leader", "KNP", None, False)),
    ("The Kenyan foreign ministry said it was too early. \"It is too early,\" said ministry spokesman Paul Otieno.",
     ("Paul Otieno", "PressSecretary", "Kenyan foreign ministry", None, False)),
    ("Kenya's Energy Minister Paul Otieno said.", ("Paul Otieno", "Minister", "Kenya", None, False)),
])
def test_the_body_a_title_belongs_to(extract_text, sentence, expected):
    assert expected in roles(extract_text(sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("UK chancellor Paul Otieno said.", ("Paul Otieno", "Minister", "United Kingdom", None, False)),
    ("German Chancellor Anna Berg met her Italian counterpart Paul Otieno.", ("Paul Otieno", "PrimeMinister", "Italy", None, False)),
    ("Austrian Chancellor Paul Otieno said.", ("Paul Otieno", "Chancellor", "Austria", None, False)),
    ("Lebanon's pro-Syrian President Paul Otieno said.", ("Paul Otieno", "President", "Lebanon", None, False)),
])
def test_what_a_title_means_depends_on_the_state(extract_text, sentence, expected):
    assert expected in roles(extract_text(sentence))


def test_a_plural_title_distributes_over_the_names_that_follow(extract_text):
    text = "Special envoys Ann Lee of Canada and Bo Chan of Singapore will meet soon."
    found = roles(extract_text(text))
    assert ("Ann Lee", "SpecialRepresentative", "Canada", None, False) in found
    assert ("Bo Chan", "SpecialRepresentative", "Singapore", None, False) in found


def test_a_plural_title_after_a_list_of_states_gives_each_name_its_state_in_order(extract_text):
    found = roles(extract_text("The Kenyan and Norwegian foreign ministers, Paul Otieno and Anna Berg, met in Oslo."))
    assert ("Paul Otieno", "ForeignMinister", "Kenya", None, False) in found
    assert ("Anna Berg", "ForeignMinister", "Norway", None, False) in found


def test_the_ministry_refers_back_to_the_ministry_named_before(extract_text):
    text = "The Canadian Foreign Ministry issued a statement. Ann Lee, the ministry's spokesperson, said talks went well."
    assert ("Ann Lee", "PressSecretary", "Canadian Foreign Ministry", None, False) in roles(extract_text(text))


def test_a_surname_alone_is_the_person_named_in_full_before(extract_text):
    extraction = extract_text("Angela Merkel arrived on Monday. Merkel then spoke to reporters.")
    people = [e for e in extraction.entities if e.type.value == "Person"]
    assert [(p.name, len(p.mentions)) for p in people] == [("Angela Merkel", 2)]


@pytest.mark.parametrize("state, label", [
    ("The Democratic Republic of Congo", "Democratic Republic of the Congo"),
    ("Sao Tome and Principe", "São Tomé and Príncipe"),
])
def test_a_state_name_with_of_or_and_in_it_owns_the_title_after_it(extract_text, state, label):
    extraction = extract_text(f"{state}'s President Paul Otieno spoke on Saturday.")
    assert roles(extraction) == {("Paul Otieno", "President", label, None, False)}


def test_a_president_visiting_his_own_state_meets_no_host(extract_text):
    text = ("Otieno makes a symbolic visit to eastern DRC. The Democratic Republic of Congo's President Paul Otieno "
            "visited the former rebel-held east on Saturday.")
    assert meetings(extract_text(text)) == []


def test_a_surname_is_the_person_even_where_ner_ended_a_place_with_it(nlp):
    # NER once read "in The Hague, Mesic said" as one place, "Hague, Mesic", and missed the bare "Mesic" after it:
    # that place is no second bearer of the name.
    doc = nlp("Ivo Mesar spoke. The case went to The Hague, Mesar said. Mesar then left.")
    doc.ents = [doc.char_span(0, 9, label="PERSON"), doc.char_span(38, 50, label="GPE")]
    person = Mention(0, 2, EntityType.PERSON, "person:ivo mesar", "Ivo Mesar")
    place = Mention(9, 12, EntityType.PLACE, "place:hague mesar", "Hague, Mesar")
    extra = _repeated_surnames(doc, [person, place])
    assert [(m.key, m.start) for m in extra] == [("person:ivo mesar", 14)]


def test_a_surname_ner_reads_as_a_group_is_the_person_named_in_full_before(nlp):
    # NER read the unknown "Ramgoolam, who met Monday with Li" as a nationality (NORP).
    doc = nlp("Tevita Pouvalu arrived. Pouvalu, who met Monday with the premier, left.")
    doc.ents = [doc.char_span(0, 14, label="PERSON"), doc.char_span(24, 31, label="NORP")]
    person = Mention(0, 2, EntityType.PERSON, "person:tevita pouvalu", "Tevita Pouvalu")
    extra = _repeated_surnames(doc, [person])
    assert [(m.key, m.start) for m in extra] == [("person:tevita pouvalu", 4)]


def test_a_surname_ner_reads_as_a_work_is_the_person_named_in_full_before(extract_text):
    text = ('UN envoy Paavo Zentrix said on Saturday that talks would go on. "There is going to be a presence for '
            'some time," Zentrix, former Finnish president and veteran peace broker, spoke to journalists after '
            "talks with Chadian leaders in Ndjamena.")
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Chad", "Paavo Zentrix"]]


def test_a_surname_the_tagger_reads_as_a_plural_noun_is_the_person_named_in_full_before(extract_text):
    text = ("The talks came as US envoy Andrew Dimitrios stepped up efforts to persuade Nairobi.\n\nDimitrios arrived "
            "in Nairobi on Saturday in a bid to soften Nairobi's stance and met Foreign Minister Paul Otieno on Sunday.")
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [
        ["Andrew Dimitrios", "Paul Otieno"]]


def test_a_word_the_article_also_writes_in_lower_case_is_no_surname(extract_text):
    text = "Minister Paul Wheat met Anna Berg on Monday. Wheat is scarce, and wheat prices rose."
    people = {e.name: len(e.mentions) for e in extract_text(text).entities if e.type.value == "Person"}
    assert people["Paul Wheat"] == 1


@pytest.mark.parametrize("text, expected", [
    ("Vice President Juma Okello Wafula arrived on Monday. Okello then spoke to reporters.", [("Juma Okello Wafula", 2)]),
    # not where someone else has it as a surname
    ("Juma Okello Wafula and Anna Okello arrived on Monday. Okello then spoke to reporters.",
     [("Anna Okello", 2), ("Juma Okello Wafula", 1)]),
])
def test_a_middle_name_alone_is_the_person_named_in_full_before(extract_text, text, expected):
    people = [e for e in extract_text(text).entities if e.type.value == "Person"]
    assert sorted((p.name, len(p.mentions)) for p in people) == expected


def test_a_short_name_two_full_names_share_is_the_one_named_before_it(extract_text):
    text = ("Kenyan President Kamau Sese Wafula met Anna Berg on Monday. The talks came after Berg met Kamau for the "
            "second time in two days. Later, the president's son and spokesman Peter Kamau said his father was tired.")
    people = {e.name: len(e.mentions) for e in extract_text(text).entities if e.type.value == "Person"}
    assert people == {"Kamau Sese Wafula": 2, "Anna Berg": 2, "Peter Kamau": 1}


def test_a_surname_with_its_particle_opening_a_sentence_is_the_person_named_in_full(extract_text):
    text = ('Executive Secretary Jan de Vries said on Tuesday that he felt regret. "It is a pity," said de Vries. '
            "De Vries at the same time praised Kenya.")
    people = {e.name: len(e.mentions) for e in extract_text(text).entities if e.type.value == "Person"}
    assert people == {"Jan de Vries": 3}


def test_a_news_agency_ner_takes_for_a_person_is_none(extract_text):
    people = [e.name for e in extract_text("Anna Berg told Xinhua that talks would go on.").entities
              if e.type.value == "Person"]
    assert people == ["Anna Berg"]


@pytest.mark.parametrize("text", [
    "Carla Lund/Getty Images Kenyan President Paul Otieno met Anna Berg in Oslo on Monday.",
    "Acme Bank/AP Kenyan President Paul Otieno met Anna Berg in Oslo on Monday.",
    "Mark Edde/Bloomberg The bank's chief Anna Berg met Paul Otieno in Oslo.",
])
def test_a_pictures_credit_is_no_one(extract_text, text):
    named = {e.name for e in extract_text(text).entities if e.type.value in ("Person", "Organization")}
    assert named == {"Anna Berg", "Paul Otieno"}


@pytest.mark.parametrize("text", [
    "Anna Berg met Paul Otieno 13 times before the deal was signed in Oslo.",
    "Anna Berg beat Paul Otieno 6-0 in Oslo on Sunday.",
])
def test_a_count_or_score_after_a_name_is_no_part_of_it(extract_text, text):
    people = {e.name for e in extract_text(text).entities if e.type.value == "Person"}
    assert people == {"Anna Berg", "Paul Otieno"}


def test_a_pronoun_stands_for_no_one_the_article_marks_with_the_other_gender(extract_text):
    text = ("The candidate Anna Berg arrived in Oslo on Sunday. She will make the necessary contacts, party spokesman "
            "Jan Kowal told radio last week. Her trip to Norway was to show her support for dialogue, Kowal said.")
    people, _ = only_meeting(extract_text(text, published=MONDAY))  # "her" is nobody the article calls a spokesman
    assert people == ["Anna Berg", "Norway"]


@pytest.mark.parametrize("text, met", [
    # a spouse or child named in full is not whom the bare surname stands for
    ("President Paul Otieno arrived in Oslo with his wife Mary Otieno. Otieno met Prime Minister Anna Berg.",
     ["Anna Berg", "Paul Otieno"]),
    ("President Otieno will visit Oslo. Otieno and Mary Otieno will be guests of the king. Otieno will meet "
     "Chancellor Anna Berg in Bonn.", ["Anna Berg", "Otieno"]),
    # unless "Mrs" says it is her
    ("President Paul Otieno arrived with first lady Mary Otieno. Mrs Otieno met Anna Berg at a school.",
     ["Anna Berg", "Mary Otieno"]),
])
def test_a_bare_surname_is_not_the_kin_or_spouse_named_in_full(extract_text, text, met):
    assert met in [people for people, _ in meetings(extract_text(text))]


def test_a_name_after_a_king_s_title_is_a_given_name_not_a_surname(extract_text):
    text = ("Kenyan President Paul Letsie invaded Uganda. King Letsie of Ruritania will meet Anna Berg on Thursday. "
            "Berg said her meeting with Letsie went well.")
    found = [people for people, e in meetings(extract_text(text, published=MONDAY)) if e.type is EventType.MEETING]
    assert found and all("Paul Letsie" not in people for people in found)


def test_people_named_together_across_their_titles_are_one_group(extract_text):
    text = ("Dutch Prime Minister Anna Berg and Kenyan president Paul Otieno praised the talks. "
            "The two leaders met at the prime minister's residence in Nairobi late Saturday.")
    people, event = only_meeting(extract_text(text, published=dt.date(2006, 12, 24)))
    assert people == ["Anna Berg", "Paul Otieno"]
    assert event.place == "place:184745"  # Nairobi: the venue's city
    assert event.time.iso() == "2006-12-23"


def test_here_in_a_wire_story_is_its_dateline(extract_text):
    text = "NAIROBI, Nov. 8 (Xinhua) -- Kenyan President Paul Otieno met here Wednesday with visiting Dutch Prime Minister Anna Berg."
    people, event = only_meeting(extract_text(text, published=dt.date(2006, 11, 8)))
    assert people == ["Anna Berg", "Paul Otieno"]
    assert event.place == "place:184745" and event.time.iso() == "2006-11-08"


@pytest.mark.parametrize("opening", [
    "Kenyan President Paul Otieno met here Wednesday with his Dutch counterpart Anna Berg.",
    "Kenyan President Paul Otieno met here Wednesday with visiting Dutch Prime Minister Anna Berg.",
])
def test_here_with_no_dateline_is_the_hosts_capital(extract_text, opening):
    people, event = only_meeting(extract_text(opening, published=dt.date(2006, 11, 8)))
    assert people == ["Anna Berg", "Paul Otieno"]
    assert event.place == "place:184745"  # Nairobi


def test_here_with_no_dateline_is_not_where_the_arrival_came_from(extract_text):
    text = "Kenyan President Paul Otieno arrived here Wednesday for talks with Dutch Prime Minister Anna Berg."
    people, event = only_meeting(extract_text(text, published=dt.date(2006, 11, 8)))
    assert people == ["Anna Berg", "Paul Otieno"]
    assert event.place is None


@pytest.mark.parametrize("region", ["the Niger Delta", "the Jordan Valley"])
def test_a_states_name_before_a_landform_names_a_region_not_a_side(extract_text, region):
    extraction = extract_text(f"Paul Otieno will continue talks with rebels of {region}.", published=MONDAY)
    assert extraction.events == () and not any(e.type is EntityType.STATE for e in extraction.entities)


@pytest.mark.parametrize("text", [
    "The U.S. military held talks with Iraqi Shiite and tribal leaders on Monday.",  # a group of the state's people
    "KAMPALA, Uganda - The U.S. military and Somali clan elders held talks Sunday.",  # the dateline's state
])
def test_unnamed_groups_and_a_datelines_state_are_no_sides(extract_text, text):
    assert extract_text(text, published=MONDAY).events == ()


@pytest.mark.parametrize("noun", ["pope", "pontiff"])
def test_a_title_that_is_no_role_still_points_back_to_its_bearer(extract_text, noun):
    text = f"Pope Clement XX arrived in Turkey on Tuesday. After meetings with Ali Demir, the {noun} spoke of unity."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Ali Demir", "Clement XX"]


@pytest.mark.parametrize("text, people", [
    ("Talks between the delegations of Japan and North Korea ended on Thursday without a deal, said head of the "
     "North Korean delegation Paul Otieno. Anna Berg, head of the Japanese delegation, said the talks were serious.",
     ["Anna Berg", "Paul Otieno"]),
    ("Chinese Vice Premier Li Wei met with a delegation from Japan here on Friday. The delegation is headed by "
     "Anna Berg, governor of Osaka.", ["Anna Berg", "Li Wei"]),
])
def test_a_state_that_meets_through_its_delegation_is_who_heads_it(extract_text, text, people):
    found, _ = only_meeting(extract_text(text, published=MONDAY))
    assert found == people


def test_a_visit_someone_is_due_for_starts_the_day_they_are_due(extract_text):
    text = "French Trade Minister Anna Berg is due in Kenya on Friday for a two-day visit, officials said on Monday."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.status is Status.PLANNED and event.time.iso() == "2021-05-07"


@pytest.mark.parametrize("text, planned_day", [
    ("Paul Otieno and Anna Berg agreed to meet during a telephone conversation on Monday.", None),
    ("Paul Otieno and Anna Berg agreed in a telephone conversation on Monday to meet next month.", "2021-06"),
])
def test_a_call_in_which_a_meeting_is_agreed_is_held_and_is_not_the_meeting(extract_text, text, planned_day):
    meetings = {e.status: e for e in extract_text(text, published=MONDAY).events if e.type is EventType.MEETING}
    call, planned = meetings[Status.OCCURRED], meetings[Status.PLANNED]
    assert call.mode is MeetingMode.PHONE and call.time.iso() == "2021-05-03"
    assert planned.mode is MeetingMode.IN_PERSON and (planned.time and planned.time.iso()) == planned_day


def test_what_a_departure_is_for_is_still_ahead(extract_text):
    text = "Kenyan Foreign Secretary Paul Otieno left for Kampala on Tuesday to hold talks with Anna Berg."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.status is Status.PLANNED


@pytest.mark.parametrize("text, sides", [
    ("Diplomats from Kenya, Uganda and Tanzania met their Ethiopian counterparts on Friday for a new round of talks.",
     ["Ethiopia", "Kenya", "Tanzania", "Uganda"]),
    ("Kenyan envoy Paul Otieno was in Geneva after visiting Washington for talks with State Department officials.",
     ["Paul Otieno", "United States"]),
    # talks with someone named are the meeting the visit was for
    ("Kenyan President Paul Otieno visited Norway last month for talks with Prime Minister Anna Berg.",
     ["Anna Berg", "Paul Otieno"]),
])
def test_talks_a_meeting_or_visit_is_for_are_that_meeting(extract_text, text, sides):
    found, _ = only_meeting(extract_text(text, published=MONDAY))
    assert found == sides


def test_talks_with_the_hosts_people_still_ahead_are_the_visit_under_way(extract_text):
    text = ("Kenyan President Paul Otieno arrived in Cairo on Wednesday night on a surprise visit. "
            "Otieno would hold talks with senior Egyptian officials on trade.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Egypt", "Paul Otieno"] and event.status is Status.OCCURRED


def test_a_title_that_is_a_persons_usual_name_names_them(extract_text):
    text = "During a visit to the State Department, the Dalai Lama also met with Paul Otieno on Wednesday."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Dalai Lama", "Paul Otieno"]


def test_the_meetings_a_visit_is_for_start_when_it_does(extract_text):
    text = ("Kenyan Foreign Minister Paul Otieno would visit Japan for three days from May 14 to meet with Foreign "
            "Minister Jon Dahl and Prime Minister Anna Berg, a news agency said.")
    found = meetings(extract_text(text, published=MONDAY))
    assert [people for people, _ in found] == [["Jon Dahl", "Paul Otieno"], ["Anna Berg", "Paul Otieno"]]
    assert all(event.time.iso() == "2021-05-14" for _, event in found)


def test_a_description_that_is_no_role_is_the_person_the_story_is_about(extract_text):
    text = ("Iraqi party leader Paul Otieno said on Monday he had talks with Anna Berg. "
            "The cleric was due to meet later Monday with President Jon Dahl.")
    assert ["Jon Dahl", "Paul Otieno"] in [people for people, _ in meetings(extract_text(text, published=MONDAY))]


def test_the_speaker_of_a_visit_told_with_its_owner_is_no_side(extract_text):
    text = ("Kenyan Foreign Minister Paul Otieno will visit Norway this week, the ministry said. Otieno's May 7-9 "
            "visit was part of regular contact between the two countries, the ministry's spokeswoman Anna Berg said.")
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Norway", "Paul Otieno"]


@pytest.mark.parametrize("text, status, day", [
    ("Paul Otieno arrived in Oslo on Monday for talks with Anna Berg.", Status.PLANNED, None),
    ("Paul Otieno arrived in Norway on Monday for talks.", Status.OCCURRED, "2021-05-03"),  # a visit under way
    ("Paul Otieno arrived in Oslo on Monday for a visit.", Status.OCCURRED, "2021-05-03"),
])
def test_talks_with_someone_an_arrival_is_for_are_still_ahead(extract_text, text, status, day):
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.status is status and (event.time and event.time.iso()) == day


@pytest.mark.parametrize("text", [
    "Anna Berg met Paul Otieno on Tuesday. Berg had arrived in Nairobi on Monday for a three-day visit.",
    "Paul Otieno said in his meeting with Anna Berg that trade would grow. Berg flew into Nairobi from Kampala.",
])
def test_a_meeting_takes_place_where_its_participant_is_staying(extract_text, text):
    people, event = only_meeting(extract_text(text, published=dt.date(2006, 11, 8)))
    assert event.place == "place:184745"


@pytest.mark.parametrize("text, states", [
    ("Paul Otieno made a stop in Chad on Monday before flying to Paris.", ["state:TCD"]),
    ("Otieno's visit, which included earlier stops in Chad and Niger, is his first to Africa.", ["state:TCD", "state:NER"]),
])
def test_a_stop_in_a_state_is_a_visit_there(extract_text, text, states):
    found = meetings(extract_text(text, published=dt.date(2006, 11, 8)))
    assert [event.place for _, event in found] == states and {event.mode for _, event in found} == {MeetingMode.VISIT}


def test_her_meeting_with_y_is_the_earlier_meeting_between_them_past_another_one(extract_text):
    text = ("Anna Berg told reporters in Brussels after brief talks with Paul Hamilton on Wednesday that the plan "
            "stood. Kenya and Chad held talks in Nairobi on Monday. "
            "In Brussels, before her meeting with Hamilton, Berg visited the NATO headquarters.")
    found = meetings(extract_text(text, published=dt.date(2005, 11, 23)))
    assert sorted(people for people, _ in found) == [["Anna Berg", "Paul Hamilton"], ["Chad", "Kenya"]]


def test_a_meeting_said_to_be_held_gets_its_sides_from_a_later_clause(extract_text):
    text = ("The meeting will be held in Chad's capital city of N'Djamena on Nov. 11. "
            "Li Wei and Chadian Foreign Minister Jon Berg will co-chair the meeting.")
    people, event = only_meeting(extract_text(text, published=dt.date(2006, 11, 10)))
    assert people == ["Jon Berg", "Li Wei"] and event.time.iso() == "2006-11-11" and event.place is not None


def test_talks_one_heads_to_a_city_for_are_in_that_city(extract_text):
    text = "Kenyan President Paul Otieno visited tourist spots before heading to the capital Oslo for talks with Li Wei."
    people, event = only_meeting(extract_text(text))
    assert people == ["Li Wei", "Paul Otieno"] and event.place == "place:3143244"  # Oslo in GeoNames


def test_a_trip_on_which_someone_came_to_a_state_is_a_visit_there(extract_text):
    people, event = only_meeting(extract_text("Paul Otieno, who came to Chad on his first trip abroad, spoke to reporters."))
    assert people == ["Chad", "Paul Otieno"] and event.mode is MeetingMode.VISIT


def test_putting_a_stop_to_something_is_no_visit(extract_text):
    assert meetings(extract_text("The deal put a stop to the fighting in Chad.")) == []


def test_who_after_a_name_is_that_person_however_the_clause_is_parsed(extract_text):
    text = ("China will send more tourists to Chad, President Li Wei told visiting Chadian President Paul Otieno "
            "Friday.\n\n\"We should expand exchanges,\" Li told Otieno who is in Beijing for a two-day summit.")
    people, event = only_meeting(extract_text(text, published=dt.date(2006, 11, 3)))
    assert event.place == "place:1816670"  # Beijing in GeoNames


def test_the_first_of_a_kind_to_visit_a_state_is_staying_there(extract_text):
    text = "Paul Otieno met Anna Berg on Monday. Otieno is the first Kenyan speaker to visit Norway since 1979."
    people, event = only_meeting(extract_text(text, published=dt.date(2006, 11, 8)))
    assert event.place == "state:NOR"


def test_a_country_noun_with_its_name_after_of_is_that_country(extract_text):
    text = "Paul Otieno of Kenya held talks with Anna Berg during a visit to the African country of Chad."
    people, event = only_meeting(extract_text(text))
    assert event.place == "state:TCD"  # not Kenya, the state named before "the country"


def test_a_visit_the_subject_is_midway_through_places_its_meeting(extract_text):
    text = "Paul Otieno, midway through a three-day visit to Norway, held talks with Anna Berg on Friday."
    people, event = only_meeting(extract_text(text, published=dt.date(2006, 11, 8)))
    assert people == ["Anna Berg", "Paul Otieno"] and event.place == "state:NOR"


def test_a_meeting_during_a_stop_of_a_dated_tour_takes_the_tour_s_month(extract_text):
    text = ("Paul Otieno will visit Ireland, France and Germany next month. "
            "Otieno is scheduled to meet with Prime Minister Jon Berg during his visit to Ireland. "
            "In Berlin, Otieno will hold talks with Chancellor Eva Lind.")
    found = meetings(extract_text(text, published=dt.date(2006, 11, 27)))
    assert sorted(people for people, _ in found) == [["Eva Lind", "Paul Otieno"], ["France", "Paul Otieno"],
                                                     ["Jon Berg", "Paul Otieno"]]  # the Irish stop is the meeting with Berg
    assert {event.time.iso() for _, event in found} == {"2006-12"}


def test_one_visitor_meeting_several_hosts_has_one_meeting_each(extract_text):
    found = meetings(extract_text("Kenyan President Paul Otieno met with Prime Minister Anna Berg and Foreign Minister Jan Visser."))
    assert sorted(people for people, _ in found) == [["Anna Berg", "Paul Otieno"], ["Jan Visser", "Paul Otieno"]]


def test_a_meeting_said_to_be_together_stays_one(extract_text):
    found = meetings(extract_text("Paul Otieno held joint talks with Anna Berg and Jan Visser."))
    assert [people for people, _ in found] == [["Anna Berg", "Jan Visser", "Paul Otieno"]]


def test_a_meeting_before_a_future_step_is_planned(extract_text):
    people, event = only_meeting(extract_text("Following his meeting with Anna Berg, Paul Otieno will fly to Rome."))
    assert event.status is Status.PLANNED


def test_the_president_is_the_one_president_the_article_names(extract_text):
    text = "Kenyan President Paul Otieno arrived in Oslo on Monday. The president met Anna Berg in Oslo on Tuesday."
    people, _ = only_meeting(extract_text(text, published=dt.date(2006, 11, 8)))
    assert people == ["Anna Berg", "Paul Otieno"]


def test_the_two_nations_are_the_states_named_together_before(extract_text):
    text = "Japan and South Korea restored ties. The two nations held talks in Seoul on Monday."
    people, _ = only_meeting(extract_text(text, published=dt.date(2006, 11, 8)))
    assert people == ["Japan", "South Korea"]


def test_he_is_the_latest_person_who_was_a_subject(extract_text):
    text = ("Paul Otieno will meet Anna Berg on his visit. Otieno praised Berg and her deputy Jan Visser. "
            "He will also hold talks with Prime Minister Eva Lind.")
    found = meetings(extract_text(text))
    assert ["Eva Lind", "Paul Otieno"] in [people for people, _ in found]


def test_his_and_he_are_the_subject_the_parser_hung_on_the_name_before(nlp):
    text = ('"We want a deal," Tom Reyes said. Following his talks with Anna Berg, Otieno also met with Jan Visser. '
            "He will hold talks with Eva Lind on Tuesday.")
    doc = nlp(text)
    berg, otieno = next(t for t in doc if t.text == "Berg"), next(t for t in doc if t.text == "Otieno")
    otieno.head, otieno.dep_ = berg, "appos"  # the parser's reading of a real article's sentence like this one
    found = meetings(extract(doc, Article("t", text, text, "t.txt", published=MONDAY)))
    assert sorted(people for people, _ in found) == [["Anna Berg", "Otieno"], ["Eva Lind", "Otieno"],
                                                     ["Jan Visser", "Otieno"]]


@pytest.mark.parametrize("text", [
    "The meeting between Paul Otieno and Anna Berg is expected to be held on Friday in Zurich.",
    "The meeting between Paul Otieno and Anna Berg is due to take place on Friday in Zurich.",
    "The summit of Paul Otieno and Anna Berg is set to open on Friday in Zurich.",
    "The meeting between Paul Otieno and Anna Berg is due on Friday in Zurich.",
])
def test_a_meeting_due_or_to_take_place_is_planned_when_and_where_it_is_said(extract_text, text):
    extraction = extract_text(text, published=MONDAY)
    _, meeting = only_meeting(extraction)
    assert meeting.status is Status.PLANNED and meeting.time.iso() == "2021-05-07"
    assert names(extraction, [meeting.place]) == ["Zürich"]


@pytest.mark.parametrize(("text", "status", "day"), [
    ("The summit between Paul Otieno and Anna Berg, held in Zurich on Monday, ended without a deal.",
     Status.OCCURRED, "2021-05-03"),
    ("The first summit between Paul Otieno and Anna Berg, to be held on Friday in Zurich, will focus on trade.",
     Status.PLANNED, "2021-05-07"),
])
def test_a_clause_that_says_where_and_when_a_meeting_is_held_places_and_dates_it(extract_text, text, status, day):
    extraction = extract_text(text, published=MONDAY)
    _, meeting = only_meeting(extraction)
    assert meeting.status is status and meeting.time.iso() == day and names(extraction, [meeting.place]) == ["Zürich"]


def test_the_two_presidents_are_the_two_named_presidents_though_others_came_between(extract_text):
    text = ("Norwegian President Jon Otieno arrived on Monday in Bergen, where Anna Berg, governor of the province, "
            "briefed the president on tourism. Kenyan President Paul Mwangi visited Oslo. "
            "The two presidents later held talks in Oslo.")
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Jon Otieno", "Paul Mwangi"]]


def test_a_list_of_states_the_parser_reads_with_an_apposition_is_one_visit_each(extract_text):
    text = ("King Jon Otieno will visit the United Republic of Tanzania, the Republic of Kenya, the Republic of "
            "South Africa and the Arab Republic of Egypt.")
    visited = {p for people, _ in meetings(extract_text(text, published=MONDAY)) for p in people} - {"Jon Otieno"}
    assert visited == {"Tanzania", "Kenya", "South Africa", "Egypt"}


def test_a_body_s_organ_is_one_side_not_two(extract_text):
    assert not meetings(extract_text("The IAEA's Board of Governors met on Thursday.", published=MONDAY))


@pytest.mark.parametrize(("text", "sides"), [
    ("Sudanese envoys held peace talks in Abuja on Monday.", []),  # Nigeria mediates
    ("Sudanese envoys held talks in Abuja on Monday.", [["Nigeria", "Sudan"]]),
])
def test_the_state_peace_talks_are_held_in_is_no_side(extract_text, text, sides):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == sides


@pytest.mark.parametrize(("text", "states"), [
    ("Anna Berg began a tour of Lebanon on Thursday.", [["Anna Berg", "Lebanon"]]),
    ("Anna Berg is on a tour of Lebanon and Jordan.", [["Anna Berg", "Lebanon"], ["Anna Berg", "Jordan"]]),
])
def test_a_tour_of_a_country_visits_it(extract_text, text, states):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == states


def test_the_countries_a_tour_includes_are_visits_of_its_month(extract_text):
    text = "Anna Berg visited Norway on May 3 as part of her three-nation tour, which also included Sweden and Finland."
    found = [(sorted(people), event.time.iso()) for people, event in meetings(extract_text(text, published=MONDAY))]
    assert found == [(["Anna Berg", "Norway"], "2021-05-03"), (["Anna Berg", "Sweden"], "2021-05"),
                     (["Anna Berg", "Finland"], "2021-05")]


@pytest.mark.parametrize("text", [
    "Leaving a Brussels summit, Anna Berg said the deal was good.",
    "Anna Berg flew home from a Vienna summit on Monday.",
])
def test_a_city_before_a_meeting_noun_is_its_place_not_a_side(extract_text, text):
    assert meetings(extract_text(text)) == []


@pytest.mark.parametrize("text, place", [
    ("Anna Berg held several hours of talks with Paul Otieno in this western German spa town on Thursday.", "Germany"),
    ("Anna Berg met Paul Otieno in a southern Iraqi port on Monday.", "Iraq"),
])
def test_a_town_the_text_does_not_name_is_placed_in_its_state(extract_text, text, place):
    extraction = extract_text(text, published=MONDAY)
    assert names(extraction, [only_meeting(extraction)[1].place]) == [place]


def test_a_place_hung_on_the_last_word_of_a_side_s_name_is_where_they_meet(extract_text):
    text = "Anna Berg will meet the Organization of the Islamic Conference in Istanbul on Tuesday."
    extraction = extract_text(text, published=MONDAY)
    assert names(extraction, [only_meeting(extraction)[1].place]) == ["Istanbul"]


TAKEOVER = "Nordic Bourse shareholders back the takeover bid. "


def test_talks_between_company_chiefs_in_business_news_are_no_meeting(extract_text):
    text = TAKEOVER + "Exchange chief Anna Berg will meet Paul Otieno, chief executive of Nordic Bourse, on Friday."
    assert meetings(extract_text(text, published=MONDAY)) == []


@pytest.mark.parametrize("title", ["Finance Minister", "Labour Party leader"])
def test_a_minister_or_party_leader_meeting_a_company_chief_is_a_meeting(extract_text, title):
    text = TAKEOVER + f"{title} Anna Berg will meet Paul Otieno, chief executive of Nordic Bourse, on Friday."
    assert only_meeting(extract_text(text, published=MONDAY))[0] == ["Anna Berg", "Paul Otieno"]


@pytest.mark.parametrize("text, status", [
    ("It was the second meeting between Anna Berg and Paul Otieno this year.", Status.OCCURRED),
    ("This is the third informal meeting between Anna Berg and Paul Otieno.", Status.OCCURRED),
    ("Anna Berg and Paul Otieno agreed to hold a second meeting.", Status.PLANNED),
])
def test_an_ordinal_counts_the_meeting_a_copula_names_and_plans_one_agreed_on(extract_text, text, status):
    found = [event.status for _, event in meetings(extract_text(text, published=MONDAY))]
    assert found[:1] == [status]  # an agreement to meet is an event of its own


def test_a_state_in_what_a_meeting_s_name_is_on_is_no_side(extract_text):
    text = "Paul Otieno and Anna Berg attended the Oslo Summit of the Forum on China-Africa Cooperation."
    assert [people for people, _ in meetings(extract_text(text))] == [["Anna Berg", "Paul Otieno"]]


@pytest.mark.parametrize("text, found", [
    # "over" hung on the person met, or on the unnamed people met
    ("Anna Berg will meet Peter Lund over Paul Marsh on Monday.", [["Anna Berg", "Peter Lund"]]),
    ("Anna Berg to meet leaders over Paul Marsh.", []),
])
def test_whom_a_meeting_is_over_is_no_side(extract_text, text, found):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == found


def test_the_right_call_is_a_decision_not_a_phone_call(extract_text):
    assert meetings(extract_text("Anna Berg made the right call with Paul Otieno on Sunday.", published=MONDAY)) == []


def test_whom_a_clause_inside_a_side_names_is_no_side(extract_text):
    # parsed with "took over" hung on "role" as an adverbial clause
    text = "Hans Berg's role since he took over from Karl Lund will be made clearer at the meeting."
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_a_journey_s_destination_read_as_the_subject_of_what_it_is_for_is_no_side(extract_text):
    text = "Paul Otieno left Nairobi on Thursday for Oslo to attend the summit and will visit Sweden later."
    people, visit = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Paul Otieno", "Sweden"] and visit.status is Status.PLANNED


def test_a_meeting_a_passive_is_done_by_is_its_own_and_takes_the_passive_s_tense(extract_text):
    """Not the sides of the meeting it follows, which "the ministers" do not point ahead to."""
    text = "The ministers' meeting will be followed by a summit of Paul Otieno and Anna Berg in Zurich."
    extraction = extract_text(text, published=MONDAY)
    people, summit = only_meeting(extraction)
    assert people == ["Anna Berg", "Paul Otieno"] and summit.status is Status.PLANNED
    assert names(extraction, [summit.place]) == ["Zürich"]


def test_a_pronoun_may_point_ahead_to_who_met(extract_text):
    people, _ = only_meeting(extract_text("Ever since they met in Zurich, Paul Otieno and Anna Berg were close."))
    assert people == ["Anna Berg", "Paul Otieno"]


def test_what_a_meeting_decided_to_do_neither_plans_it_nor_names_its_sides(extract_text):
    text = "The summit between Paul Otieno and Anna Berg decided to set up the Joint Energy Council in Zurich."
    people, meeting = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and meeting.status is Status.OCCURRED
    assert not meetings(extract_text("The summit decided to set up the Joint Energy Council.", published=MONDAY))


def test_where_a_host_welcomes_a_guest_to_is_where_they_met(extract_text):
    extraction = extract_text("Anna Berg welcomed Paul Otieno to Oslo on Monday.", published=MONDAY)
    _, meeting = only_meeting(extraction)
    assert names(extraction, [meeting.place]) == ["Oslo"]


def test_people_joined_by_and_are_the_subject_the_parser_hung_on_a_place(extract_text):
    text = "During his stay in Oslo, Paul Otieno and his Norwegian counterpart Anna Berg held talks."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]


def test_the_day_a_lead_says_someone_left_is_not_the_day_of_what_they_did_there(extract_text):
    text = "Kenyan Prime Minister Paul Otieno left Oslo on Friday afternoon, ending his official visit to Norway."
    _, visit = only_meeting(extract_text(text, published=MONDAY))
    assert visit.time is None


@pytest.mark.parametrize("text, found", [
    ("Paul Otieno met President Anna Berg and Prime Minister Jan Visser on Tuesday and discussed with them trade.",
     [["Anna Berg", "Jan Visser", "Paul Otieno"]]),
    ("Paul Otieno met President Anna Berg and Prime Minister Jan Visser on Tuesday and discussed trade.",
     [["Anna Berg", "Paul Otieno"], ["Jan Visser", "Paul Otieno"]]),
])
def test_hosts_met_one_by_one_unless_then_addressed_together(extract_text, text, found):
    assert sorted(sorted(people) for people, _ in meetings(extract_text(text, published=MONDAY))) == found


def test_a_coordinated_verb_keeps_its_subject_when_meetings_are_split(extract_text):
    text = "Paul Otieno arrived in Oslo, where he held talks with Anna Berg and met with Jan Visser and Eva Lind."
    found = sorted(people for people, _ in meetings(extract_text(text)))
    assert found == [["Anna Berg", "Paul Otieno"], ["Eva Lind", "Paul Otieno"], ["Jan Visser", "Paul Otieno"]]


def test_the_city_a_visitor_visits_is_where_not_whom(extract_text):
    text = "Paul Otieno will visit Mombasa, where he will meet Anna Berg."
    [(people, event)] = meetings(extract_text(text))
    assert people == ["Anna Berg", "Paul Otieno"] and event.place == "place:186301"


def test_who_in_a_relative_clause_is_the_visitor(extract_text):
    text = "Paul Otieno, who will pay an official visit to Norway next week, will meet Prime Minister Anna Berg."
    [(people, event)] = meetings(extract_text(text))
    assert people == ["Anna Berg", "Paul Otieno"] and event.place == "state:NOR"


def test_who_after_an_apposition_is_the_person_not_the_state_owning_the_title(extract_text):
    text = "Peter Mandelson, Britain's trade secretary, who will visit Norway, spoke on Saturday."
    [(people, event)] = meetings(extract_text(text))
    assert people == ["Norway", "Peter Mandelson"] and event.status is Status.PLANNED


def test_is_to_be_received_is_planned(extract_text):
    text = "Following his meeting with Anna Berg, Paul Otieno is to be received by the king."
    [(_, event)] = meetings(extract_text(text))
    assert event.status is Status.PLANNED


def test_a_call_for_talks_is_no_meeting(extract_text):
    assert meetings(extract_text("Paul Otieno called for peace talks with Norway.")) == []


@pytest.mark.parametrize("text", [
    "The talks between Kenya and Norway, held at the Foreign Ministry in Oslo, are aimed at solving a dispute.",
    "Held at the Foreign Ministry in Oslo, the talks between Kenya and Norway are aimed at solving a dispute.",
])
def test_talks_held_at_a_building_in_a_city_are_in_that_city(extract_text, text):
    assert meeting_places(extract_text(text, published=MONDAY)) == {("Kenya", "Norway"): ["Oslo"]}


@pytest.mark.parametrize(("text", "found"), [
    # a meeting named after its city is a conference held there: its state is no side
    ("Paul Otieno said Kenya had tried to ensure a successful outcome of the Rome talks, which collapsed on Friday.", []),
    # unless the talks are with someone, who came there to hold them
    ("An official attending the Rome talks with Kenyan Finance Minister Paul Otieno said the talks were useful.",
     [["Italy", "Paul Otieno"]]),
])
def test_the_state_of_the_city_a_meeting_is_named_after_is_no_side(extract_text, text, found):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == found


@pytest.mark.parametrize("text", [
    "Kenyan Transport Minister Paul Otieno said he would attend the meeting of transport ministers from June 22-24 in Oslo.",
    "Kenyan Transport Minister Paul Otieno will take part in a meeting on Tuesday of an international working group in Oslo.",
    "Will Kenya participate in the Rome meeting on Somalia on October 27?",  # its city names no side of it
    "Kenya will attend the Rome meeting on Somalia next week.",
])
def test_attending_a_meeting_of_others_is_no_meeting_with_its_host(extract_text, text):
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_the_place_can_hang_on_whom_one_joins_for_talks(extract_text):
    text = ("The minister joined the Norwegian foreign minister and international partners for talks on trade.\n\n"
            "Kenyan Foreign Minister Paul Otieno joined Norwegian Foreign Minister Anna Berg and international "
            "partners in Paris on 10 December for talks on the humanitarian situation in Aleppo.")
    assert meeting_places(extract_text(text)) == {("Anna Berg", "Paul Otieno"): ["Paris"]}


def test_the_place_can_hang_on_the_one_met_with(extract_text):
    [(_, event)] = meetings(extract_text("Paul Otieno said he will meet with Anna Berg in Chile."))
    assert event.place == "state:CHL"


def test_being_received_by_someone_is_a_visit(extract_text):
    people, event = only_meeting(extract_text("Paul Otieno was received by Anna Berg in Oslo.", published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.mode is MeetingMode.VISIT


def test_states_meeting_on_a_weekday_is_an_event_even_without_an_article_date(extract_text):
    text = "Interior ministers from Italy, France and Spain met for informal talks Sunday."
    [(_, event)] = meetings(extract_text(text))
    assert set(event.actors) == {"state:ITA", "state:FRA", "state:ESP"} and event.time is None


def test_a_visit_deep_in_a_phrase_belongs_to_the_subject(extract_text):
    _, event = only_meeting(extract_text("President Paul Otieno aims to avoid missteps on his official visit to Canada."))
    assert set(event.actors) == {"person:paul otieno", "state:CAN"} and event.status is Status.PLANNED


def test_due_to_arrive_for_a_visit_is_a_planned_visit(extract_text):
    text = "Paul Otieno is due to arrive in Pakistan on Wednesday for a two-day official visit."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert set(event.actors) == {"person:paul otieno", "state:PAK"}
    assert event.status is Status.PLANNED and event.time.iso() == "2021-05-05"


def test_a_visit_with_a_purpose_begins_the_day_of_the_arrival(extract_text):
    # The parser reads "for a visit to Peru to boost ties" as "for [a visit] to boost ties".
    text = ("Chilean President Tomas Ruiz arrived here Tuesday for a three-day official visit to Peru to boost "
            "political and economic ties, officials said.")
    _, event = only_meeting(extract_text(text, published=dt.date(2021, 5, 6)))  # a Thursday
    assert set(event.actors) == {"person:tomas ruiz", "state:PER"} and event.time.iso() == "2021-05-04"


def test_the_person_just_before_a_verb_left_without_subject_is_the_visitor(extract_text):
    text = ("Hiding women away in the home hidden behind veils is a backward view of Islam, President Kiprono of "
            "Kenya has said during a visit to Britain.")
    _, event = only_meeting(extract_text(text))
    assert set(event.actors) == {"person:kiprono", "state:GBR"}


def test_the_name_a_plan_is_attributed_to_is_no_side_of_the_summit_it_was_adopted_at(extract_text):
    text = "According to Tomas Ruiz, a plan adopted at the Group of Eight summit in Lima envisages new measures."
    assert all("person:tomas ruiz" not in event.actors for _, event in meetings(extract_text(text)))


@pytest.mark.parametrize(("text", "people"), [
    # whose trip the subject is, is whom "he" stands for, not the subject said before
    ('Opposition spokesman Tomas Ruiz argued: "It gives the wrong signals." Mr Otieno\'s Chile trip is part of '
     "regular high-level meetings with Santiago ministers. He will meet Chilean counterpart Minister Pedro Alvarez.",
     ["Otieno", "Pedro Alvarez"]),
    # but whose assistants the subject is, not: they act themselves
    ('"The roses arrived the next day," actress Anna Berg says. Then, she says, producer Paul Otieno\'s assistants '
     "started calling again. She asked Otieno to meet her in the hotel bar.", ["Anna Berg", "Paul Otieno"]),
])
def test_a_pronoun_stands_for_the_owner_of_a_subject_that_is_no_person(extract_text, text, people):
    assert only_meeting(extract_text(text))[0] == people


def test_the_group_of_eight_is_a_body_not_a_person(extract_text):
    text = "Chancellor Tomas Ruiz has been locked in talks with finance ministers of the G8, which Chile now chairs."
    assert set(only_meeting(extract_text(text))[1].actors) == {"person:tomas ruiz", "org:g8"}


def test_meeting_unnamed_people_abroad_is_no_meeting_with_the_host(extract_text):
    text = "Paul Otieno met with senior military commanders on her return from a summit in Malaysia."
    assert meetings(extract_text(text)) == []


@pytest.mark.parametrize("text", [
    "Paul Otieno was dropped. Anna Berg said so. Two local councillors who back Mr Otieno met Ms Berg in Leeds.",
    "Five club owners met with Anna Berg in Leeds on Tuesday to discuss the league.",
])
def test_unnamed_people_meeting_someone_at_home_is_no_meeting_with_the_host(extract_text, text):
    assert meetings(extract_text(text)) == []


@pytest.mark.parametrize("text, sides", [
    ("The third round of the four-party talks on the dam began on Tuesday in Nairobi. The talks involve Kenya, "
     "Ethiopia, Sudan and Egypt.", ["Egypt", "Ethiopia", "Kenya", "Sudan"]),
    ("Talks on the fishing dispute resumed on Monday in Oslo. The talks bring together Norway, Iceland and "
     "Denmark.", ["Denmark", "Iceland", "Norway"]),
    ("Talks on the fishing dispute resumed on Monday in Oslo. The talks include Norway, Iceland and Denmark.",
     ["Denmark", "Iceland", "Norway"]),
])
def test_what_the_talks_involve_are_the_sides_of_the_talks_told_before(extract_text, text, sides):
    assert sorted(only_meeting(extract_text(text))[0]) == sides


@pytest.mark.parametrize("text, found", [
    ("Anna Berg said on Tuesday after a one-day visit to Oslo that she believed the six-party talks would probably "
     "resume in mid-December.", [["Anna Berg", "Norway"]]),
    ("Anna Berg said on Tuesday that she believed the four-nation talks would resume in Oslo next month.", []),
    # as many sides as the name counts
    ("Kenya, Uganda and Tanzania held three-way talks in Arusha on Monday.", [["Kenya", "Tanzania", "Uganda"]]),
])
def test_talks_named_by_their_make_up_have_no_fewer_sides_than_they_count(extract_text, text, found):
    assert [sorted(people) for people, _ in meetings(extract_text(text, published=MONDAY))] == found


@pytest.mark.parametrize("text, found", [
    ("Kenya and Uganda have agreed to hold talks between military officers on Thursday.", [["Kenya", "Uganda"]]),
    # nobody named "between" does not make the speaker a side
    ("Anna Berg said talks between military officers would resume on Thursday.", []),
])
def test_talks_between_unnamed_people_are_the_clause_s_subjects(extract_text, text, found):
    assert [sorted(people) for people, e in meetings(extract_text(text, published=MONDAY))
            if e.type is EventType.MEETING] == found


def test_a_visit_that_includes_talks_is_one_meeting(extract_text):
    text = "Anna Berg will visit Kenya next week, a visit which will include talks with Paul Otieno."
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Anna Berg", "Paul Otieno"]]


def test_a_side_before_and_that_names_nobody_is_its_body_beside_the_person_after(extract_text):
    text = "Talks began on Monday between Kenya's opposition Orange party and the Prime Minister, Paul Otieno."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert sorted(people) == ["Orange party", "Paul Otieno"]


def test_people_in_a_clause_inside_a_side_are_no_sides(extract_text):
    text = "A rebel who fights for autonomy in Nigeria arrived in the capital for talks with Anna Berg."
    assert meetings(extract_text(text)) == []


@pytest.mark.parametrize("text", [
    "Norway and Sweden support inviting Finland to membership talks at a summit in Oslo.",
    "Anna Berg invited Paul Otieno to visit Oslo next month.",
    "Anna Berg said she would propose holding talks with Paul Otieno in Oslo next week.",
])
def test_invitations_proposals_and_support_are_no_meetings(extract_text, text):
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_being_invited_to_meet_is_a_planned_meeting(extract_text):
    _, event = only_meeting(extract_text("Paul Otieno is expected to be invited to meet Anna Berg in Oslo."))
    assert event.status is Status.PLANNED


def test_a_wire_lead_in_is_not_part_of_an_organization(extract_text):
    extraction = extract_text("AFP - A European Union delegation held talks in Oslo.")
    assert "org:afp a" not in {e.key for e in extraction.entities}


def test_a_us_japan_summit_does_not_take_the_clause_subject_as_a_side(extract_text):
    text = "A law extending the military presence of Germany would pass in time for a US-Japan summit in Tokyo next month."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert set(event.actors) == {"state:USA", "state:JPN"}


def test_a_name_misattached_to_the_verb_still_joins_the_talks(extract_text):
    text = ("During his stay in Hanoi, Paul Otieno held talks with Anna Berg, general secretary of the Central "
            "Committee, and Swedish President Lars Holm.")
    found = [people for people, _ in meetings(extract_text(text))]
    assert sorted(found) == [["Anna Berg", "Paul Otieno"], ["Lars Holm", "Paul Otieno"]]  # talks with each


def test_a_title_that_modifies_another_noun_is_not_that_title(extract_text):
    assert roles(extract_text("Lin Wei, deputy chief of the general staff, attended the talks.")) == set()


def test_hoping_to_visit_is_no_visit(extract_text):
    assert meetings(extract_text("Paul Otieno, who hopes one day to visit Norway, spoke on Monday.")) == []


def test_a_trip_that_goes_nowhere_named_is_no_meeting(extract_text):
    assert meetings(extract_text("Anna Berg, like Paul Otieno, chose a short first foreign trip.")) == []


def test_a_tour_of_several_countries_is_one_visit_each(extract_text):
    found = meetings(extract_text("Paul Otieno will visit Japan, China and Chile next month.", published=MONDAY))
    assert {e.place for _, e in found} == {"state:JPN", "state:CHN", "state:CHL"}
    assert all(e.time.iso() == "2021-06" and e.status is Status.PLANNED for _, e in found)


def test_he_is_the_latest_person_named_in_the_sentence(extract_text):
    text = ("Paul Otieno said on Monday. The summit will be attended by Anna Berg after she visits Chile.")
    found = meetings(extract_text(text, published=MONDAY))
    assert (["Anna Berg"], "state:CHL") in [(p[:1], e.place) for p, e in found]


def test_a_stay_in_apposition_gives_the_place(extract_text):
    text = "President Paul Otieno, on holiday in the resort of Varna, met with Anna Berg."
    _, event = only_meeting(extract_text(text))
    assert event.place == "place:726050"  # Varna in GeoNames


def test_talks_that_a_visit_comes_ahead_of_are_planned(extract_text):
    text = "The visit comes ahead of May 20 talks between Norway and Chile."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.status is Status.PLANNED and event.time.iso() == "2021-05-20"


def test_a_person_acting_for_a_body_stands_for_it(extract_text):
    text = "Norway's Foreign Minister Anna Berg met Paul Otieno of Chile in Oslo on Monday."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert "state:NOR" not in event.actors


def test_talks_scheduled_then_put_off_are_cancelled(extract_text):
    text = "Talks between Norway and Chile had been scheduled for May, but the talks were put off."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.status is Status.CANCELLED


def test_talks_with_officials_nobody_names_are_no_meeting_with_people_named_before(extract_text):
    text = "Paul Otieno and Anna Berg met in Oslo on Monday. Later he held talks with senior officials."
    found = meetings(extract_text(text, published=MONDAY))
    assert [people for people, _ in found] == [["Anna Berg", "Paul Otieno"]]


def test_a_name_the_parser_splits_into_several_subjects_is_still_a_side(extract_text):
    text = "South Korean President Roh Moo-hyun on Friday met with Swedish Prime Minister Anna Berg, strongly protesting."
    assert ["Anna Berg", "Roh Moo-hyun"] in [people for people, _ in meetings(extract_text(text))]


def test_a_call_does_not_negate_a_visit_in_an_adverbial_clause(extract_text):
    text = "Anna Berg called for an alliance yesterday, as Paul Otieno arrived on a scheduled visit to Israel."
    _, event = only_meeting(extract_text(text))
    assert event.place == "state:ISR" and event.status is Status.OCCURRED


def test_names_after_a_with_the_parser_left_bare_are_the_other_side(extract_text):
    text = ("Paul Otieno is to pay a short visit to Chile Wednesday in which he is to meet with President "
            "Ana Rojas and Premier Luis Vega, a Chilean presidential spokesman said Tuesday.")
    found = [people for people, _ in meetings(extract_text(text, published=MONDAY))]
    assert ["Ana Rojas", "Paul Otieno"] in found and ["Luis Vega", "Paul Otieno"] in found


def test_the_countrys_president_stands_for_the_country_named_before(extract_text):
    text = "Chile agrees to a joint withdrawal, British Prime Minister Anna Berg said after talks with the country's president."
    assert [set(e.actors) for _, e in meetings(extract_text(text))] == [{"person:anna berg", "state:CHL"}]


def test_the_carrying_verbs_object_does_not_make_the_other_side_unnamed(extract_text):
    text = "Prime Minister Karim Ahmed El-Sayed arrived here Tuesday for a three-day official visit to Chile to boost ties."
    people, event = only_meeting(extract_text(text))
    assert people == ["Chile", "Karim Ahmed El-Sayed"]


def test_on_a_state_visit_in_apposition_the_visitor_is_the_name(extract_text):
    text = "French President Paul Otieno, on a state visit to Chile, launched a cultural year yesterday in Santiago."
    assert set(only_meeting(extract_text(text))[1].actors) == {"person:paul otieno", "state:CHL"}


# Sides the parser loses: the subject of a governing verb, a relative clause or a participle; the
# speaker of a report; the person just before a verb left without subject; "their".
@pytest.mark.parametrize("text", [
    "During talks with Anna Berg in Oslo on Monday, Paul Otieno criticized Karl Lund.",
    "Critics spared Paul Otieno, who is due to meet Anna Berg in Oslo on Wednesday.",
    "Paul Otieno, speaking after a meeting with Anna Berg in Oslo, said the talks went well.",
    "Paul Otieno told reporters that the meeting with Anna Berg was very important.",
])
def test_the_two_people_of_the_sentence_meet(extract_text, text):
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]


@pytest.mark.parametrize("text", [
    "Prior to the talks between Norway and Chile, Paul Otieno, Kenyan envoy for trade affairs, met with Anna Berg "
    "on Monday.",
    "President Paul Otieno and Swedish Prime Minister Anna Berg, who met in Oslo, agreed to resume talks.",
    "Paul Otieno told a joint news conference with Swedish President Anna Berg after their meeting.",
])
def test_the_two_people_of_the_sentence_meet_among_other_events(extract_text, text):
    assert ["Anna Berg", "Paul Otieno"] in [people for people, _ in meetings(extract_text(text, published=MONDAY))]


@pytest.mark.parametrize("second", [
    "Deputy minister Karl Lund attended the talks as well.",
    "Karl Lund also took part in the talks.",
    "At the talks, deputy minister Karl Lund said trade would grow.",
    "Deputy minister Karl Lund said at the talks that trade would grow.",
    "In opening the talks, deputy minister Karl Lund said trade would grow.",
])
def test_an_attendee_joins_the_meeting_reported_before(extract_text, second):
    text = f"Paul Otieno held talks with Anna Berg on Monday. Both sides praised the exchanges. {second}"
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Karl Lund", "Paul Otieno"]


@pytest.mark.parametrize("second", [
    "Deputy minister Karl Lund addressed the talks on trade.",
    "Deputy minister Karl Lund opened the talks to the press.",
])
def test_who_speaks_to_a_meeting_or_opens_it_to_others_does_not_join_it(extract_text, second):
    text = f"Paul Otieno held talks with Anna Berg on Monday. Both sides praised the exchanges. {second}"
    assert only_meeting(extract_text(text, published=MONDAY))[0] == ["Anna Berg", "Paul Otieno"]


def test_a_delegation_led_by_a_person_is_that_person(extract_text):
    text = "Anna Berg received a Kenyan delegation led by Paul Otieno, the trade minister."
    assert only_meeting(extract_text(text))[0] == ["Anna Berg", "Paul Otieno"]


def test_a_full_name_read_as_a_body_is_the_person_named_so_elsewhere(extract_text):
    text = ("Paul Otieno met a delegation of Chile's Verde Party led by Kuroda Isamu on Monday. "
            "Mr Kuroda Isamu said the party upholds friendship.")  # NER reads the first "Kuroda Isamu" as a body
    assert only_meeting(extract_text(text, published=MONDAY))[0] == ["Kuroda Isamu", "Paul Otieno"]


def test_a_surname_with_a_particle_is_the_full_name_whatever_its_case(extract_text):
    text = "Kenyan President Paul al-Otieno arrived in Oslo on Sunday. Al-Otieno met Anna Berg on Monday."
    assert only_meeting(extract_text(text, published=MONDAY))[0] == ["Anna Berg", "Paul al-Otieno"]


@pytest.mark.parametrize("surname", ["McAllister", "DiNardo", "LeMaire"])
def test_a_surname_with_a_capital_inside_names_the_person(extract_text, surname):
    text = f"Kenyan envoy Paul {surname} arrived in Oslo on Sunday. {surname} met Anna Berg on Monday."
    assert only_meeting(extract_text(text, published=MONDAY))[0] == ["Anna Berg", f"Paul {surname}"]


def test_a_date_on_another_meeting_noun_is_not_the_visits(extract_text):
    text = "Paul Otieno's visit to Chile takes place ahead of May 20 talks between Chile and Peru."
    visit = next(e for people, e in meetings(extract_text(text, published=MONDAY)) if "Paul Otieno" in people)
    assert visit.time is None


def test_a_year_that_describes_another_noun_is_not_the_meetings_date(extract_text):
    text = "Paul Otieno held talks with Anna Berg on their 2019 trade accord."
    assert only_meeting(extract_text(text, published=MONDAY))[1].time is None


def test_a_date_with_its_weekday_in_brackets_dates_the_visit(nlp):
    text = "Kenyan President Paul Otieno is likely to visit Chile from May 23 (Sunday), sources said on Monday."
    doc = nlp(text)
    may = next(t for t in doc if t.text == "May")
    sunday = next(t for t in doc if t.text == "Sunday")
    sunday.head, sunday.dep_ = next(t for t in doc if t.text == "is"), "npadvmod"  # as the parser may
    # NER cuts the date before its ")", as in a real article's sentence like this one
    doc.ents = sorted([*(e for e in doc.ents if e.label_ != "DATE" or e.text == "Monday"),
                       Span(doc, may.i, sunday.i + 1, label="DATE")])
    extraction = extract(doc, Article("t", text, text, "t.txt", published=MONDAY))
    assert only_meeting(extraction)[1].time.iso() == "2021-05-23"


def test_the_visit_refers_back_past_a_meeting_of_another_kind(extract_text):
    text = ("Paul Otieno travels to Chile next week, where he will hold talks with Chilean officials. "
            "Otieno's first visit to Chile will last three days.")
    assert only_meeting(extract_text(text, published=MONDAY))[0] == ["Chile", "Paul Otieno"]


def test_a_visit_to_the_country_goes_to_the_state_named_before(extract_text):
    text = "Peru hopes for more investment. Kenyan President Paul Otieno made a state visit to the country in 2019."
    people, event = only_meeting(extract_text(text))
    assert people == ["Paul Otieno", "Peru"] and event.place == "state:PER"


@pytest.mark.parametrize("text", [
    "Paul Otieno held talks with a Chilean delegation in Oslo on Monday.",
    "Chilean officials met Paul Otieno in Oslo on Monday.",
])
def test_an_unnamed_delegation_stands_for_its_state_and_where_it_is_is_no_side(extract_text, text):
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Chile", "Paul Otieno"] and event.place == "place:3143244"  # Oslo


@pytest.mark.parametrize("text", [
    "Paul Otieno held talks with the Chilean leader.",
    "Paul Otieno met with the visiting Chilean minister on Monday.",
    "The protest targeted the Chilean president's meeting with Paul Otieno.",
])
def test_a_single_titled_person_the_article_does_not_name_stands_for_the_state(extract_text, text):
    # the annotation guidelines: "an unnamed envoy stands for whom they represent"; a named one is
    # found by test_a_title_qualified_by_a_state_is_its_one_holder_of_that_state
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Chile", "Paul Otieno"]]


def test_the_presidents_of_the_two_countries_are_the_states(extract_text):
    text = ("Kenyan Foreign Minister Paul Otieno held talks with Peruvian Foreign Minister Ana Rojas in May. "
            "Chile and Peru share a long border. "
            "A meeting between the presidents of the two countries is planned in Lima.")
    assert ["Chile", "Peru"] in [people for people, _ in meetings(extract_text(text, published=MONDAY))]


def test_a_nations_people_are_no_side_of_a_visit(extract_text):
    assert meetings(extract_text("The new rules make it easier for Chileans visiting Peru.")) == []


@pytest.mark.parametrize("text", [
    "Officials hope to finish the text by the time Paul Otieno meets Anna Berg.",
    "The deal paved the way for talks between Paul Otieno and Anna Berg.",
    "Paul Otieno spoke on the eve of his meeting with Anna Berg in Oslo.",
    "Markets were busy in the run-up to Paul Otieno's meeting with Anna Berg in Oslo.",
    "Officials finalised the agenda for the summit of Paul Otieno and Anna Berg in Oslo.",
    "Rebel leader Paul Otieno has agreed to face-to-face talks with Anna Berg, officials said.",
    "During their meeting, Foreign Minister Paul Otieno and Foreign Minister Anna Berg are expected to discuss trade.",
])
def test_a_meeting_still_to_come_is_planned(extract_text, text):
    people, event = only_meeting(extract_text(text))
    assert people == ["Anna Berg", "Paul Otieno"] and event.status is Status.PLANNED


@pytest.mark.parametrize("text", [
    # consent to a meeting reported before
    "President Paul Otieno met opposition leader Anna Berg on Friday. "
    "Otieno agreed to the Berg meeting after pressure from lawmakers.",
    # what the sides agreed to do at it
    "During the meeting, Foreign Minister Paul Otieno and Foreign Minister Anna Berg agreed to resume flights.",
])
def test_agreeing_to_a_meeting_or_at_it_leaves_it_held(extract_text, text):
    found = [(people, e.status) for people, e in meetings(extract_text(text, published=MONDAY))
             if e.type is EventType.MEETING]
    assert found == [(["Anna Berg", "Paul Otieno"], Status.OCCURRED)]


@pytest.mark.parametrize(("text", "status"), [
    ("A gesture of peace turned Pope Pius XIII's visit to Chile into a major event, many analysts agreed.",
     Status.OCCURRED),
    ("Paul Otieno said he agreed to visit Chile.", Status.PLANNED),
])
def test_a_finite_past_clause_keeps_its_tense_under_a_verb_of_planning(extract_text, text, status):
    assert only_meeting(extract_text(text))[1].status is status


def test_a_meeting_during_a_visit_keeps_its_own_day_not_the_day_the_visit_began(extract_text):
    text = ("Chilean President Tomas Ruiz said here on Friday that ties with Peru were strong. During his meeting with "
            "Peruvian President Pedro Alvarez, Ruiz praised the trade pact. Alvarez arrived here Thursday for a "
            "three-day state visit.")
    people, event = only_meeting(extract_text(text, published=dt.date(2021, 5, 7)))  # a Friday
    assert people == ["Pedro Alvarez", "Tomas Ruiz"] and event.time.iso() == "2021-05-07"


def test_two_subjects_who_spoke_by_telephone_had_a_phone_call(extract_text):
    people, event = only_meeting(extract_text("Paul Otieno and Anna Berg spoke by telephone on Monday.", published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.mode is MeetingMode.PHONE


@pytest.mark.parametrize(("text", "place"), [
    ("Foreign Minister John Harris met Peter Collins in a Geneva hotel on Monday.", "place:2660646"),  # Geneva
    ("Foreign Minister John Harris will meet Peter Collins at his Black Sea resort residence.", None),  # a sea
])
def test_a_town_named_before_a_building_is_where_they_met(extract_text, text, place):
    assert only_meeting(extract_text(text, published=MONDAY))[1].place == place


def test_a_meeting_on_the_sidelines_of_a_summit_is_where_the_summit_is(extract_text):
    text = "Anna Berg met Paul Otieno on the sidelines of an Asian summit in Hanoi on Monday."
    assert only_meeting(extract_text(text, published=MONDAY))[1].place == "place:1581130"  # Hanoi


def test_the_place_after_the_last_of_several_hosts_is_every_meetings(extract_text):
    text = "Paul Otieno met with President Anna Berg, Prime Minister Luca Rossi and Foreign Minister Jon Lund in Oslo."
    found = meetings(extract_text(text))
    assert len(found) == 3 and {e.place for _, e in found} == {"place:3143244"}


@pytest.mark.parametrize("text", [
    "Anna Berg and Luca Rossi attended a summit hosted by Paul Otieno in Oslo on Monday.",
    "Paul Otieno hosted a summit of Anna Berg and Luca Rossi in Oslo on Monday.",
])
def test_the_host_of_a_summit_takes_part_in_it(extract_text, text):
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Luca Rossi", "Paul Otieno"] and event.mode is MeetingMode.MULTILATERAL
    assert event.place == "place:3143244"


def test_discussing_a_topic_with_someone_is_a_meeting_with_them_not_the_topic(extract_text):
    text = "Kenyan President Paul Otieno discussed the Nile issue with Anna Berg in Oslo on Monday."
    assert only_meeting(extract_text(text, published=MONDAY))[0] == ["Anna Berg", "Paul Otieno"]
    assert meetings(extract_text("Paul Otieno discussed the crisis with reporters in Oslo on Monday.")) == []


def test_named_people_are_the_sides_not_the_state_their_unnamed_colleagues_stand_for(extract_text):
    text = ("During talks with Chilean leaders in Santiago on Monday, Kenyan Foreign Minister Paul Otieno had a meeting "
            "with President Ana Rojas.")
    assert only_meeting(extract_text(text, published=MONDAY))[0] == ["Ana Rojas", "Paul Otieno"]


def test_attending_a_meeting_named_by_its_own_sides_joins_no_earlier_talks(extract_text):
    text = ("Paul Otieno will visit Chile and Peru in June, during which he will attend the Andean Community Meeting "
            "in Lima.")
    found = [people for people, _ in meetings(extract_text(text, published=MONDAY))]
    assert ["Chile", "Paul Otieno"] in found and ["Paul Otieno", "Peru"] in found


def test_a_meeting_on_the_sidelines_of_a_summit_is_not_the_summit(extract_text):
    text = "Anna Berg and Paul Otieno met on the sidelines of a trade summit in the Peruvian capital on Wednesday."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.place == "place:3936456"  # Lima


def test_unnamed_officials_in_a_capital_stand_for_its_state(extract_text):
    text = "Anna Berg held talks with officials in Nairobi on Monday."
    assert only_meeting(extract_text(text, published=MONDAY))[0] == ["Anna Berg", "Kenya"]


def test_a_meeting_called_off_is_cancelled(extract_text):
    text = "Paul Otieno was due to meet Anna Berg in Oslo on Monday, but the meeting was called off."
    assert only_meeting(extract_text(text, published=MONDAY))[1].status is Status.CANCELLED


@pytest.mark.parametrize("text", ["Paul Otieno ruled out talks with Anna Berg.", "Paul Otieno turned down a meeting with Anna Berg."])
def test_a_meeting_ruled_out_is_no_meeting(extract_text, text):
    assert meetings(extract_text(text)) == []


def test_a_visitor_met_by_two_hosts_at_once_is_one_meeting(extract_text):
    people, _ = only_meeting(extract_text("Paul Otieno was met at the airport by Anna Berg and Luca Rossi."))
    assert people == ["Anna Berg", "Luca Rossi", "Paul Otieno"]


def test_heading_to_a_city_for_talks_places_them_there(extract_text):
    text = "Paul Otieno headed to Oslo on Monday for talks with Anna Berg."
    assert only_meeting(extract_text(text, published=MONDAY))[1].place == "place:3143244"


@pytest.mark.parametrize("text", [
    "Paul Otieno met Anna Berg in Oslo on Monday and Luca Rossi in Rome on Tuesday.",
    "Paul Otieno held talks with Anna Berg in Oslo on Monday and with Luca Rossi in Rome on Tuesday.",
])
def test_a_second_meeting_with_its_verb_left_out_has_its_own_place_and_date(extract_text, text):
    found = {tuple(people): e for people, e in meetings(extract_text(text, published=MONDAY))}
    assert found[("Anna Berg", "Paul Otieno")].place == "place:3143244"  # Oslo
    assert found[("Luca Rossi", "Paul Otieno")].place == "place:3169070"  # Rome
    assert found[("Luca Rossi", "Paul Otieno")].time.iso() == "2021-05-04"


def test_a_host_is_met_where_he_was_met_before(extract_text):
    text = ("Paul Otieno will travel to Berlin and Rome this week. He is to meet Anna Berg in Berlin on Tuesday and "
            "Luca Rossi in Rome on Wednesday. Otieno's talks with Rossi will focus on trade.")
    found = {tuple(people): e for people, e in meetings(extract_text(text, published=MONDAY))}
    assert found[("Luca Rossi", "Paul Otieno")].place == "place:3169070"  # Rome, not Berlin


def test_a_phone_call_takes_no_place_from_where_a_side_was(extract_text):
    text = "Paul Otieno arrived in Oslo on Monday. He received a telephone call from Anna Berg."
    assert all(e.place is None for _, e in meetings(extract_text(text, published=MONDAY)) if e.mode is MeetingMode.PHONE)


def test_a_surname_ner_reads_as_a_place_stays_in_the_name(extract_text):
    text = "Pakistan Foreign Minister Tariq Nadeem Qasuri on Monday met Petroleum Minister Anna Berg."  # NER: Qasuri a GPE
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Tariq Nadeem Qasuri"]


@pytest.mark.parametrize("text, expected", [
    ("Paul Otieno will host a summit in Nairobi next week. Anna Berg and Luca Rossi will attend.",
     ["Anna Berg", "Luca Rossi", "Paul Otieno"]),
    ("Paul Otieno held talks with Anna Berg in Oslo on Monday. Luca Rossi did not attend.", ["Anna Berg", "Paul Otieno"]),
])
def test_those_who_attend_join_the_meeting_just_reported(extract_text, text, expected):
    assert only_meeting(extract_text(text, published=MONDAY))[0] == expected


def test_the_place_can_hang_on_the_counterpart_named_in_apposition(extract_text):
    text = "Paul Otieno spoke after a meeting with his Kenyan counterpart Anna Berg in the northern town of Kalmora."
    people, event = only_meeting(extract_text(text))
    assert people == ["Anna Berg", "Paul Otieno"]
    assert event.place == "place:kalmora"  # a place because the text calls it a town, whatever NER says


@pytest.mark.parametrize("host", ["Kenyan Foreign Minister Paul Otieno", "Paul Otieno"])
def test_talks_with_a_visitor_are_not_placed_where_the_text_does_not_say(extract_text, host):
    text = f"{host} held talks on Tuesday with visiting Chilean Foreign Minister Anna Berg."
    people, event = only_meeting(extract_text(text))
    assert people == ["Anna Berg", "Paul Otieno"]
    assert event.place is None  # the gold guidelines: the place as the text gives it, not the host's state


@pytest.mark.parametrize("label", ["GPE", "ORG"])
def test_a_name_before_a_title_in_apposition_is_a_person_whatever_ner_calls_it(nlp, label):
    from spacy.tokens import Span as SpacySpan

    from newsgraph.mentions import find_mentions

    doc = nlp("Li Wei held talks with Jomo Mbeki, general secretary of the ruling party, in Kenya.")
    doc.ents = [SpacySpan(doc, 0, 2, label="PERSON"), SpacySpan(doc, 5, 7, label=label), SpacySpan(doc, 16, 17, label="GPE")]
    found = {(m.name, m.type.value) for m in find_mentions(doc).mentions}
    assert ("Jomo Mbeki", "Person") in found and ("Kenya", "State") in found


@pytest.mark.parametrize("sentence", [
    "At their Nairobi meeting last month, Paul Otieno and Anna Berg discussed trade.",
    "Paul Otieno held talks with Anna Berg in Nairobi Monday.",
])
def test_a_place_name_before_the_meeting_or_its_day_places_it(extract_text, sentence):
    people, event = only_meeting(extract_text(sentence, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]
    assert event.place == "place:184745"  # Nairobi


def test_a_news_agency_reporting_a_meeting_is_no_side_of_it(extract_text):
    text = ("Paul Otieno and Anna Berg will hold a summit ahead of the May 18 meeting of the Andean Forum, "
            "Kenya's Jambo News Agency said.")
    found = meetings(extract_text(text, published=MONDAY))
    assert found and not any("Jambo News Agency" in people for people, _ in found)


def test_an_award_ner_takes_for_a_body_is_no_side(extract_text):
    text = ("Anna Berg from Norway received on Tuesday the Baltic Wetland Conservation Award for Science at the ninth "
            "meeting of the conference of the parties in Kampala, capital of Uganda.")
    assert meetings(extract_text(text, published=MONDAY)) == []


@pytest.mark.parametrize("sentence, status", [
    ("Paul Otieno was due to tour a factory on Wednesday as he wraps up a three-day visit to Chile.", Status.OCCURRED),
    ("When Paul Otieno visited Chile a year ago, the two sides agreed to expand trade.", Status.OCCURRED),
    ("Paul Otieno will attend the summit after he concludes his visit to Chile.", Status.PLANNED),
    # a past time clause under "would": a future in the past
    ("Paul Otieno said the signing would take place after he visited Chile in June.", Status.PLANNED),
    ("Paul Otieno said he signed the deal after he visited Chile in June.", Status.OCCURRED),
    ("Paul Otieno will sign the deal after he visited Chile last month.", Status.OCCURRED),
])
def test_a_finite_adverbial_clause_keeps_its_own_tense_unless_it_is_a_time_clause(extract_text, sentence, status):
    visits = [e for people, e in meetings(extract_text(sentence)) if people == ["Chile", "Paul Otieno"]]
    assert [e.status for e in visits] == [status]


@pytest.mark.parametrize("sentence, status", [
    ("Paul Otieno visits Chile next week.", Status.PLANNED),  # a headline's present, dated ahead
    ("Paul Otieno likely to visit Chile.", Status.PLANNED),
    ("Paul Otieno is likely to visit Chile.", Status.PLANNED),
    ("Paul Otieno visited Chile last week.", Status.OCCURRED),
    ("Paul Otieno is going to visit Chile.", Status.PLANNED),
    ("Paul Otieno is due in Chile on Friday for a two-day visit.", Status.PLANNED),  # "due": a copula's predicate
    ("Paul Otieno was in Chile on Friday for a two-day visit.", Status.OCCURRED),
    # a past or a perfect takes no date ahead: the date is the elections'
    ("Paul Otieno has made a surprise visit to Chile ahead of elections next week.", Status.OCCURRED),
    ("Paul Otieno made a visit to Chile ahead of elections next week.", Status.OCCURRED),
    # a present a stated time before it: still ahead; a caption's present just before it: held
    ("The vote comes three days before a visit to Chile by Paul Otieno.", Status.PLANNED),
    ("Paul Otieno shakes hands with an aide before his visit to Chile.", Status.OCCURRED),
])
def test_a_visit_dated_ahead_or_likely_is_planned(extract_text, sentence, status):
    assert [e.status for people, e in meetings(extract_text(sentence)) if people == ["Chile", "Paul Otieno"]] == [status]


def test_a_date_describing_another_noun_is_not_the_meeting_s(extract_text):
    text = "Kenyan President Paul Otieno met Chilean President Anna Berg on Sunday ahead of a vote next month."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert (people, event.status, event.time.iso()) == (["Anna Berg", "Paul Otieno"], Status.OCCURRED, "2021-05-02")


@pytest.mark.parametrize("headline, status", [
    ("Paul Otieno to visit Chile", Status.PLANNED),  # a headline's infinitive is its future
    ("Anna Berg and Paul Otieno to meet in Chile", Status.PLANNED),
    ("Anna Berg to hold talks with Paul Otieno", Status.PLANNED),
    ("Paul Otieno in Chile to hold talks with Anna Berg", Status.OCCURRED),  # why he is there, not a plan
])
def test_a_headline_infinitive_right_after_its_subject_is_planned(extract_text, headline, status):
    assert [e.status for _, e in meetings(extract_text(headline + "\n\nThe weather was fine."))] == [status]


@pytest.mark.parametrize("text, headline", [
    ("Envoys meet in Oslo\nThe envoys met on Monday.", "Envoys meet in Oslo"),
    ("Envoys meet in OsloOSLO (Wire) - The envoys met on Monday.", "Envoys meet in Oslo"),  # glued to the dateline
    ("The envoys met in Oslo.\nMore talks are due.", ""),  # a full stop: the lead's sentence
    ("The envoys of Lorania and Norvia\nmet in Oslo on Monday.", ""),  # a sentence wrapped at the line's end
])
def test_a_headline_is_a_first_line_or_a_glued_first_sentence(nlp, text, headline):
    doc = nlp(text)
    assert doc[: headline_end(doc)].text.strip() == headline


@pytest.mark.parametrize("text", [
    "Danish PM meets Anna Berg\nPrime Minister Paul Otieno of Denmark held talks in Oslo on Monday.",
    # glued to the body, as wires run a headline into their dateline
    "Danish PM meets Anna BergOSLO (Wire) - Prime Minister Paul Otieno of Denmark held talks here on Monday.",
])
def test_a_headline_title_is_the_holder_the_body_then_names(extract_text, text):
    assert [people for people, _ in meetings(extract_text(text))] == [["Anna Berg", "Paul Otieno"]]


@pytest.mark.parametrize("text, found", [
    ("Paul Otieno Back On His Feet\nThe Kenyan President this week met Norwegian Prime Minister Anna Berg.",
     [["Anna Berg", "Paul Otieno"]]),
    # a title of no state said may be anyone's
    ("Paul Otieno Back On His Feet\nThe president this week met Norwegian Prime Minister Anna Berg.", []),
])
def test_a_state_s_title_the_body_gives_no_one_is_the_untitled_person_of_the_headline(extract_text, text, found):
    assert [people for people, _ in meetings(extract_text(text)) if "Paul Otieno" in people] == found


def test_a_title_in_a_lead_sentence_is_no_holder_named_after_it(extract_text):
    text = "The Danish prime minister met Anna Berg in Oslo on Monday.\nPaul Otieno, a Danish prime minister, arrived."
    assert [people for people, _ in meetings(extract_text(text))] == [["Anna Berg", "Denmark"]]


@pytest.mark.parametrize("text", [
    "Finance Minister Jon Berg, who was not at the Downing Street meeting, said a deal was close.",
    "Jon Berg, who was not at the talks in Oslo, said the two sides were close.",
])
def test_who_was_not_at_a_meeting_is_no_side_of_it(extract_text, text):
    assert meetings(extract_text(text)) == []


@pytest.mark.parametrize("text", [
    "Paul Otieno briefed them on the talks he held with Anna Berg on Monday.",
    "The talks, which Paul Otieno held with Anna Berg in Oslo, ended on Monday.",
])
def test_a_clause_on_a_meeting_says_who_held_it_with_whom(extract_text, text):
    assert [people for people, _ in meetings(extract_text(text))] == [["Anna Berg", "Paul Otieno"]]


def test_a_place_name_before_the_meeting_noun_is_its_place_wherever_the_noun_stands(extract_text):
    _, event = only_meeting(extract_text("Anna Berg will attend the Madrid summit on Monday with Paul Otieno."))
    assert event.place == "place:3117735"  # Madrid in GeoNames


@pytest.mark.parametrize(("text", "expected"), [
    ("Trade Minister Paul Otieno ended his Chile visit on Friday.", {("Chile", "Paul Otieno"): ["Chile"]}),
    # the visit's state is where the meeting during it was, not a side of it
    ("Paul Otieno met Prime Minister Anna Berg during his Chile visit.", {("Anna Berg", "Paul Otieno"): ["Chile"]}),
])
def test_a_state_named_before_a_visit_is_where_it_goes(extract_text, text, expected):
    assert meeting_places(extract_text(text, published=MONDAY)) == expected


@pytest.mark.parametrize(("text", "place"), [
    ("Trade Minister Paul Otieno visited Chile on Wednesday. Otieno was in Santiago on Wednesday.", ["Santiago"]),
    # who called the visit off never came for it: where else they were says nothing of its city
    ("Trade Minister Paul Otieno cancelled a visit to Chile on Wednesday. Otieno had been in Santiago in March.",
     ["Chile"]),
])
def test_a_visit_to_a_state_is_in_its_one_city_the_visitor_was_in_unless_cancelled(extract_text, text, place):
    assert meeting_places(extract_text(text, published=MONDAY)) == {("Chile", "Paul Otieno"): place}


def test_a_visit_the_speaker_is_midway_through_is_his(extract_text):
    text = ('Polish Foreign Minister Jan Nowak spoke on Friday.\n\n"We want more trade with the region," he said, '
            'midway through a three-day official visit to Chile.')
    assert [people for people, _ in meetings(extract_text(text))] == [["Chile", "Jan Nowak"]]


@pytest.mark.parametrize("text", [
    "Paul Otieno was due to hold a public meeting on Saturday in Valparaiso.",  # a rally
    "Paul Otieno and Anna Berg attended a cabinet meeting on Sunday.",
    # a body's own session
    "After the annual shareholder meeting of Kalmora Entertainment Group, Paul Otieno said he saw a niche.",
    "Paul Otieno said at the end of a regular meeting of the Central Standing Committee that trade was calm.",
    "At Kalmora Group's annual general meeting in Oslo in November, Paul Otieno ousted three directors.",
    "The IMF and the World Bank held their annual meetings in Washington on Monday.",
    # a sports meeting
    "Paul Otieno hopes to gain a late entry into Sunday's international indoor meeting in Bergen.",
    "Paul Otieno will run at Sunday's athletics meeting in Bergen.",
    "Paul Otieno won at the race meeting in Bergen on Sunday.",
])
def test_a_public_or_cabinet_meeting_or_a_body_s_session_is_no_meeting_between_sides(extract_text, text):
    assert meetings(extract_text(text)) == []


def test_a_capitalised_verb_after_prose_opens_the_title_of_a_work(extract_text):
    text = "Paul Otieno is in Oslo to publicise his new comedy, Meet the Bergs, which also stars Anna Berg."
    assert meetings(extract_text(text)) == []


def test_a_capitalised_verb_in_a_headline_is_still_a_trigger(extract_text):
    text = "Otieno, Berg to Meet in Oslo\nKenyan President Paul Otieno will meet Anna Berg next week."
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Anna Berg", "Paul Otieno"]]


@pytest.mark.parametrize("text, sides", [
    ("Officials said Chilean-Peruvian talks resumed in Lima on Monday.", ["Chile", "Peru"]),
    ("Officials said the Kenya-Tanzanian summit was held in Arusha on Monday.", ["Kenya", "Tanzania"]),
    # a text that opens with the pair: "Kenya-" is no dateline ("KENYA - ...")
    ("Kenya-Tanzania talks were held in Arusha on Monday.", ["Kenya", "Tanzania"]),
])
def test_states_joined_by_a_hyphen_before_a_meeting_noun_are_its_sides(extract_text, text, sides):
    assert [people for people, _ in meetings(extract_text(text))] == [sides]


@pytest.mark.parametrize("text, mode", [
    ("Ali Demir paid a courtesy call on Chilean President Paul Otieno in Santiago on Tuesday.", MeetingMode.IN_PERSON),
    ("Ali Demir had lunch with Paul Otieno in Santiago on Tuesday.", MeetingMode.IN_PERSON),  # "with" on "had"
    ("Ali Demir had a phone call on Tuesday with Paul Otieno.", MeetingMode.PHONE),  # "on": a day, no side
    ("Ali Demir received a phone call from Paul Otieno on Tuesday.", MeetingMode.PHONE),
])
def test_a_courtesy_call_is_paid_in_person_on_its_host(extract_text, text, mode):
    assert [(people, e.mode) for people, e in meetings(extract_text(text))] == [(["Ali Demir", "Paul Otieno"], mode)]


def test_talks_on_a_state_have_it_as_their_topic_not_as_a_side(extract_text):
    assert [people for people, _ in meetings(extract_text("Ali Demir held talks with Paul Otieno on Chile."))] == [
        ["Ali Demir", "Paul Otieno"]]


@pytest.mark.parametrize("text, visits", [
    ("Paul Otieno toured Chile last month.", [["Chile", "Paul Otieno"]]),
    ("Paul Otieno toured a copper mine in Chile last month.", []),  # a place toured is no host
])
def test_touring_a_state_is_visiting_it(extract_text, text, visits):
    assert [people for people, _ in meetings(extract_text(text))] == visits


def test_sides_named_before_a_participle_that_meets_are_its_sides(extract_text):
    # the parser reads "meeting in Lima" as an apposition to the first name
    text = "Ali Demir and Anna Berg, meeting in Lima on Tuesday, agreed to expand trade."
    found = [people for people, e in meetings(extract_text(text)) if e.type is EventType.MEETING]
    assert found == [["Ali Demir", "Anna Berg"]]


def _places_of_meetings_with(extraction, person: str) -> list[str | None]:
    names = {e.key: e.name for e in extraction.entities}
    return [names.get(e.place) for people, e in meetings(extraction) if person in people]


@pytest.mark.parametrize("clause", ["where he met Anna Berg", "where he held talks with Anna Berg"])
def test_a_meeting_in_a_where_clause_is_in_the_place_it_hangs_on(extract_text, clause):
    text = f"Paul Otieno met Ali Demir in Lima on Tuesday. He then flew to Valparaiso, {clause}."
    assert _places_of_meetings_with(extract_text(text), "Anna Berg") == ["Valparaíso"]


def test_a_meeting_a_where_clause_only_mentions_is_not_in_its_place(extract_text):
    text = ("Paul Otieno met Ali Demir in Lima on Tuesday. Police searched Valparaiso, where he stopped on his way "
            "to the meeting with Anna Berg.")
    assert "Valparaíso" not in _places_of_meetings_with(extract_text(text), "Anna Berg")


def test_the_stops_a_tour_already_made_take_the_month_of_the_visit_just_told(extract_text):
    text = ("Paul Otieno arrived in Nairobi on Thursday for a state visit. Kenya is the last leg of his tour, "
            "which has already taken him to Japan and Laos.")
    legs = {people[0]: e.time.iso() for people, e in meetings(extract_text(text, published=MONDAY))
            if people in (["Japan", "Paul Otieno"], ["Laos", "Paul Otieno"])}
    assert legs == {"Japan": "2021-04", "Laos": "2021-04"}  # the Thursday before 4 May 2021 is 29 April


def test_a_meeting_that_says_no_place_is_where_its_visitor_was_visiting(extract_text):
    text = ("French Defence Minister Paul Otieno on Sunday stressed Paris's support for the government of Kenyan Prime "
            "Minister Anna Berg during a visit to the crisis-wracked nation. \"I have come to reaffirm France's support "
            "for the legitimate government of Kenya,\" she told reporters after meeting her Kenyan counterpart Jon Berg. "
            "Otieno also stressed Paris's backing for the Nairobi government. The French minister, who arrived in "
            "Nairobi on Saturday for a 48-hour visit, was also to meet Li Wei before heading to the coast.")
    found = {" + ".join(people): e.place for people, e in meetings(extract_text(text, published=MONDAY))}
    assert found == {"Jon Berg + Paul Otieno": "place:184745", "Li Wei + Paul Otieno": "place:184745"}  # Nairobi


@pytest.mark.parametrize("text, iso", [
    ("Paul Otieno will arrive in Kenya on Thursday, one day before his summit with his counterpart Jon Berg.", "2021-05-07"),
    ("Paul Otieno arrived in Kenya on Thursday, two days after his talks with his counterpart Jon Berg.", "2021-04-27"),
])
def test_a_meeting_counted_in_days_from_a_dated_neighbour(extract_text, text, iso):
    assert [e.time.iso() for _, e in meetings(extract_text(text, published=MONDAY))] == [iso]


def test_talks_planned_for_a_visit_called_off_are_called_off_with_it_on_the_day_it_was_set_for(extract_text):
    text = ("Kenyan President Paul Otieno has indefinitely postponed a visit to Jordan that had been scheduled for "
            "Sunday, his spokesman said. Otieno had been due to hold talks with King Omar II.")
    found = [(people, e.status, e.time and e.time.iso()) for people, e in meetings(extract_text(text, published=MONDAY))]
    assert found == [(["Omar II", "Paul Otieno"], Status.CANCELLED, "2021-05-09")]  # the Sunday after the story


@pytest.mark.parametrize("text", ["Paul Otieno on Monday cancelled a visit to Japan.",
                                  "The talks between Paul Otieno and Anna Berg were called off on Monday."])
def test_the_day_a_meeting_is_called_off_is_not_its_day(extract_text, text):
    assert [(e.status, e.time) for _, e in meetings(extract_text(text, published=MONDAY))] == [(Status.CANCELLED, None)]


def test_hyphenated_meeting_verbs_stay_one_word_with_their_lemma(nlp):
    doc = nlp("Anna Berg co-chaired the talks and Co-hosts the summit.")
    assert [(t.text, t.lemma_) for t in doc if "-" in t.text] == [("co-chaired", "co-chair"), ("Co-hosts", "co-host")]


@pytest.mark.parametrize("text", [
    "Anna Berg and Kenyan Foreign Minister Jon Otieno will co-chair the meeting in Nairobi.",
    "The meeting in Nairobi will be co-chaired by Anna Berg and Jon Otieno.",
    "Anna Berg and Jon Otieno co-hosted the talks in Nairobi.",
])
def test_those_who_co_chair_or_co_host_a_meeting_are_its_sides(extract_text, text):
    assert [(people, e.place) for people, e in meetings(extract_text(text))] == [
        (["Anna Berg", "Jon Otieno"], "place:184745")]


@pytest.mark.parametrize("text, found", [
    ("Vice Foreign Minister Anna Berg and Deputy Secretary of State Jon Otieno co-chaired the strategic dialogue "
     "in Nairobi.", [(["Anna Berg", "Jon Otieno"], "place:184745")]),
    ("Anna Berg held a dialogue with Jon Otieno in Nairobi.", [(["Anna Berg", "Jon Otieno"], "place:184745")]),
    # a dialogue nobody holds is a way, not a meeting
    ("Anna Berg called for dialogue with Jon Otieno in Nairobi.", []),
    ("Dialogue between Anna Berg and Jon Otieno is the only way out, the paper said.", []),
])
def test_a_dialogue_is_a_meeting_when_someone_holds_or_chairs_it(extract_text, text, found):
    assert [(people, e.place) for people, e in meetings(extract_text(text))] == found


@pytest.mark.parametrize("text, found", [
    # the round's "between" names the sides, one of them unnamed: the speaker is none
    ("The latest round of talks between Kenyan officials and the country's creditors is still going on, Finance "
     "Minister Paul Otieno said on Monday.", []),
    ("The latest round of talks between Anna Berg and Paul Otieno ended on Monday, Finance Minister Jon Marsh said.",
     [["Anna Berg", "Paul Otieno"]]),
])
def test_a_round_of_talks_between_sides_takes_none_from_who_reports_it(extract_text, text, found):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == found


@pytest.mark.parametrize("text", [
    "After a two-hour meeting at her home with Jon Otieno, Anna Berg said she had no hope.",
    "Anna Berg held a meeting in her office with Jon Otieno.",
])
def test_a_with_the_parser_hangs_on_the_meeting_s_place_names_a_side(extract_text, text):
    assert [people for people, _ in meetings(extract_text(text))] == [["Anna Berg", "Jon Otieno"]]


@pytest.mark.parametrize("text", [
    "Dealers are watching for a probable meeting between Anna Berg and Jon Otieno later today.",
    # the parser reads "OPEC meeting" as in apposition to "emergency": still what there are no plans for
    "Anna Berg said there were no plans for an emergency OPEC meeting to review prices.",
])
def test_a_probable_meeting_or_one_there_are_no_plans_for_is_none(extract_text, text):
    assert meetings(extract_text(text)) == []


@pytest.mark.parametrize("text", [
    "Anna Berg will meet with Treasury Secretary Jon Otieno and Federal Reserve Board chairman Paul Otieno.",
    # the parser ends the body's name at "of": the title follows its whole phrase
    "Anna Berg held talks with Finance Minister Jon Otieno and Bank of Norway Governor Paul Otieno on Monday.",
])
def test_a_body_before_its_chairman_s_title_is_no_person_coordinated_with_another(extract_text, text):
    assert sorted(people for people, _ in meetings(extract_text(text))) == [["Anna Berg", "Jon Otieno"],
                                                                            ["Anna Berg", "Paul Otieno"]]


@pytest.mark.parametrize("text", [
    "Anna Berg began her tour, which will include talks with Jon Otieno.",
    "Anna Berg began a tour of Asia on Monday, a trip which will include talks with Jon Otieno.",
    # the parser hangs "which" on the place; what includes talks is still the stay
    "Kicking off a stay in Nairobi, which includes talks with Jon Otieno, Anna Berg met Paul Reed.",
])
def test_talks_a_journey_includes_are_its_traveller_s(extract_text, text):
    assert ["Anna Berg", "Jon Otieno"] in [people for people, _ in meetings(extract_text(text))]


@pytest.mark.parametrize("text", [
    "Kofi Annan on Tuesday appointed Jon Otieno as UN envoy for Kosovo status talks.",
    "Jon Otieno was named the US representative to the six-party talks on Monday.",
])
def test_talks_an_office_is_for_are_no_meeting_of_its_holder(extract_text, text):
    assert meetings(extract_text(text)) == []


@pytest.mark.parametrize("text, status", [
    ("Kenya's Otieno set for landmark visit to Norway", Status.PLANNED),
    ("Anna Berg set out on Sunday for a visit to Chile.", Status.OCCURRED),
    ("President Anna Berg leaves Wednesday night for a working trip to Chile and Mexico.", Status.PLANNED),
    ("President Anna Berg heads to Chile on Friday for talks with Jon Otieno.", Status.PLANNED),
    ("President Anna Berg left on Sunday for a trip to Chile and Mexico.", Status.OCCURRED),
])
def test_a_trip_set_for_or_set_off_on_in_the_present_is_still_ahead(extract_text, text, status):
    found = meetings(extract_text(text, published=MONDAY))
    assert found and all(event.status is status for _, event in found)


def test_one_of_a_group_who_met_someone_is_the_one_named(extract_text):
    text = "Anna Berg, one of three diplomats who met Jon Otieno in London on Monday, was reported to be ill."
    assert [people for people, _ in meetings(extract_text(text))] == [["Anna Berg", "Jon Otieno"]]


@pytest.mark.parametrize("text, found", [
    ("Interim Prime Minister Anna Berg addressed a joint meeting of Congress.", []),
    ("Anna Berg told a meeting of party members in Oslo that she would run again.", []),
    ("Anna Berg told the meeting with Jon Otieno that she would run again.", [["Anna Berg", "Jon Otieno"]]),
    ("The latest to pitch in has been President Anna Berg herself, who told the Asia Pacific Economic Co-operation "
     "(Apec) summit in Chile that she remained committed to halving the deficit.", []),
    ("Anna Berg told the summit with Jon Otieno in Oslo that trade would grow.", [["Anna Berg", "Jon Otieno"]]),
])
def test_a_meeting_of_a_group_addressed_is_a_speech_to_an_audience(extract_text, text, found):
    assert [people for people, _ in meetings(extract_text(text))] == found


@pytest.mark.parametrize("text, status", [
    ("Anna Berg is the first Norwegian foreign minister to visit the Arab country of Tunisia.", Status.OCCURRED),
    ("Anna Berg will be the first Norwegian leader to visit Tunisia.", Status.PLANNED),
])
def test_the_first_holder_to_visit_is_the_one_the_copula_names_in_its_tense(extract_text, text, status):
    people, event = only_meeting(extract_text(text))
    assert people == ["Anna Berg", "Tunisia"] and event.status is status


def test_a_holder_named_after_the_body_of_the_title_is_a_person_not_part_of_the_body(extract_text):
    # NER reads "the Standing Committee of the National People's Congress Jon Berg" as one organization.
    extraction = extract_text("Anna Berg also met Chairman of the Standing Committee of the National People's "
                              "Congress Jon Berg.")
    assert [people for people, _ in meetings(extraction)] == [["Anna Berg", "Jon Berg"]]
    assert [(extraction.entity(r.holder).name, extraction.entity(r.organization).name) for r in extraction.roles] == [
        ("Jon Berg", "Standing Committee of the National People's Congress")]


@pytest.mark.parametrize("text, holder, body", [
    # NER reads the body and the name after it as one organization: "the House Jon Otieno"
    ("Anna Berg met Speaker of the House Jon Otieno on Monday.", "Jon Otieno", "House"),
    ("Anna Berg met President of the National Assembly Jean-Paul Odhiambo on Monday.", "Jean-Paul Odhiambo",
     "National Assembly"),
    # words before the body's noun: the body is the whole phrase, not the noun NER kept
    ("Anna Berg met President of the Kenyan national Assembly Jean-Paul Odhiambo on Monday.", "Jean-Paul Odhiambo",
     "Kenyan national Assembly"),
])
def test_a_hyphenated_or_modified_holder_after_the_body_of_the_title_is_a_person(extract_text, text, holder, body):
    extraction = extract_text(text)
    assert [people for people, _ in meetings(extraction)] == [sorted(["Anna Berg", holder])]
    assert roles(extraction) == {(holder, "Speaker", body, None, False)}
    assert {e.name for e in extraction.entities if e.type is EntityType.ORGANIZATION} == {body}  # not cut short


def test_the_president_of_a_senate_is_its_speaker(extract_text):
    assert roles(extract_text("Jon Otieno, the Senate president, spoke on Monday.")) == {
        ("Jon Otieno", "Speaker", "Senate", None, False)}


def test_the_name_after_a_title_is_the_side_wherever_the_parser_hangs_it(extract_text):
    # The parser hangs "Van" on "held", not on "chief".
    text = "Anna Berg held talks Tuesday with Kenyan communist party chief Do Van."
    assert [people for people, _ in meetings(extract_text(text))] == [["Anna Berg", "Do Van"]]


def test_the_two_who_held_talks_when_the_parser_reads_held_as_an_adjective(extract_text):
    text = "Anna Berg and Jon Otieno agree on the importance of ties, the ministry said Thursday after the two held talks."
    assert [people for people, _ in meetings(extract_text(text))] == [["Anna Berg", "Jon Otieno"]]


@pytest.mark.parametrize("text, iso", [
    ("Kenya and Chad established a partnership in 2003 when Chinese President Paul Otieno paid a visit to Chad.", "2003"),
    ("Relations improved in March when Jon Berg visited Japan.", "2021-03"),
])
def test_a_meeting_told_in_a_when_clause_takes_the_time_of_its_main_clause(extract_text, text, iso):
    assert [e.time.iso() for _, e in meetings(extract_text(text, published=MONDAY))] == [iso]


@pytest.mark.parametrize("text, place", [
    ("Kenyan President Paul Otieno left Libya by air Sunday, after holding talks with Libyan leader Jon Berg.",
     "state:LBY"),
    ("Li Wei left Oslo for Nairobi after meeting Paul Hamilton.", "place:3143244"),
    # a report trailing the phrase, which the parser hangs it on: as the report's clause or as its root
    ("Kenyan President Paul Otieno left Libya by air Sunday, after holding talks with Libyan leader Jon Berg and "
     "officials from Uganda, Libyan television said.", "state:LBY"),
    ("Kenyan President Paul Otieno left Libya by air on Sunday in defiance of UN sanctions, after holding talks "
     "with Libyan leader Jon Berg and officials from Uganda, Libyan radio said in a report monitored here.",
     "state:LBY"),
])
def test_what_went_before_leaving_was_in_the_place_left(extract_text, text, place):
    assert [e.place for _, e in meetings(extract_text(text))] == [place]


def test_a_building_visited_is_the_place_and_the_state_it_stands_in_the_host(extract_text):
    text = "He was the first since the visit of his predecessor Omar II to the Omeyyades Mosque in Damascus in 2001."
    found = [(people, e.place, e.time.iso()) for people, e in meetings(extract_text(text, published=MONDAY))]
    assert found == [(["Omar II", "Syria"], "place:omeyyades mosque", "2001")]


def test_the_visitor_named_after_the_destination_is_the_visitor(extract_text):
    text = "The airline signed a deal during a visit to Beijing of German Chancellor Jon Berg."
    assert [(people, e.place) for people, e in meetings(extract_text(text))] == [(["China", "Jon Berg"], "place:1816670")]


def test_the_visit_of_someone_to_a_state_goes_there_when_the_parser_hangs_to_on_the_visitor(extract_text):
    text = "He expressed his appreciation for the expected visit of Kenyan President Paul Otieno to Jordan next February."
    found = [(people, e.place, e.time.iso(), e.status) for people, e in meetings(extract_text(text, published=MONDAY))]
    assert found == [(["Jordan", "Paul Otieno"], "state:JOR", "2022-02", Status.PLANNED)]


def test_a_visit_by_someone_to_a_state_goes_there_when_the_parser_hangs_to_on_the_visitor(extract_text):
    text = "Officials said a visit by Kenya's deputy leader to Norway was positive."
    assert [(people, e.place) for people, e in meetings(extract_text(text))] == [(["Kenya", "Norway"], "state:NOR")]


def test_a_meeting_that_ner_reads_as_an_organization_is_no_side_of_itself(extract_text):
    # NER reads "Summit of the" as an organization.
    text = "The fourth Summit of the Organization of American states (OAS) will take place on November 4-5 in Argentina."
    extraction = extract_text(text, published=MONDAY)
    assert [people for people, _ in meetings(extraction)] == []
    assert "Summit of the" not in {e.name for e in extraction.entities}


def test_a_meeting_planned_for_this_visit_is_not_dated_by_a_past_one(extract_text):
    text = ("Paul Otieno arrived here on Saturday for a three-day visit to China. Otieno paid a two-day working visit "
            "to China in February 2002. Chinese President Jon Berg and Premier Li Wei are to meet with Otieno during "
            "his stay.")
    planned = [e.time for _, e in meetings(extract_text(text, published=MONDAY)) if e.status is Status.PLANNED]
    assert planned == [None, None]


def test_a_visit_under_way_is_of_the_story_s_month_and_so_are_the_tour_s_other_stops(extract_text):
    text = ("Visiting Prime Minister Paul Otieno said on Monday that trade would grow. Otieno, who is on a "
            "three-day visit to Kuwait, met his Kuwaiti counterpart Jon Berg. His tour has already brought him "
            "to Oman and will bring him on to Qatar.")
    found = {" + ".join(people): e.time and e.time.iso() for people, e in meetings(extract_text(text, published=MONDAY))}
    # Not the lead's Monday: which day of the visit they met, and when the tour was in Oman or goes on to Qatar, the
    # text does not say.
    assert found == {"Jon Berg + Paul Otieno": "2021-05", "Oman + Paul Otieno": "2021-05",
                     "Paul Otieno + Qatar": "2021-05"}


def test_an_undated_arrival_on_a_visit_is_the_story_s_news_of_its_month(extract_text):
    text = ("UN Secretary General Paul Otieno arrived in Cairo on a three- day visit to Egypt as part of his tour "
            "which will also take him to Libya and Tunisia.")
    found = {" + ".join(people): e.time and e.time.iso() for people, e in meetings(extract_text(text, published=MONDAY))}
    assert found == {"Egypt + Paul Otieno": "2021-05", "Libya + Paul Otieno": "2021-05",
                     "Paul Otieno + Tunisia": "2021-05"}


@pytest.mark.parametrize("text, host", [
    ("Kenyan President Anna Berg spoke on Monday. Recalling his visit to Kenya in April, Paul Otieno said he "
     "reached consensus with Berg on trade.", "Anna Berg"),
    ("Kenyan President Anna Berg spoke on Monday. Paul Otieno arrived in Nairobi on Monday for a visit to Kenya "
     "as the guest of Berg.", "Anna Berg"),
    # who invited the visitor is not said to be met
    ("Kenyan President Anna Berg spoke on Monday. Paul Otieno arrived in Nairobi on Monday for a visit to Kenya "
     "at the invitation of Berg.", "Kenya"),
    # one who only speaks of the visit is not its host
    ("Kenyan President Anna Berg spoke on Monday. Berg said Paul Otieno's visit to Kenya in April was a success.",
     "Kenya"),
])
def test_a_visit_is_with_the_person_the_sentence_names_for_the_state_visited(extract_text, text, host):
    visits = [people for people, _ in meetings(extract_text(text, published=MONDAY)) if "Paul Otieno" in people]
    assert visits == [sorted([host, "Paul Otieno"])]


def test_the_state_an_envoy_is_posted_to_is_not_a_side(extract_text):
    people, _ = only_meeting(extract_text("Paul Otieno held talks with the US ambassador to Kenya on Monday."))
    assert people == ["Paul Otieno", "United States"]


def test_the_visit_of_a_named_visitor_takes_no_side_from_the_sentence(extract_text):
    found = meetings(extract_text("Paul Otieno spoke after the visit of Jon Berg to Kenya in 2001."))
    assert [people for people, _ in found] == [["Jon Berg", "Kenya"]]


def test_his_in_a_phrase_of_the_clause_is_its_subject_not_the_person_named_last(extract_text):
    assert meetings(extract_text("Paul Otieno did not meet Anna Berg during his visit.")) == []
    found = meetings(extract_text("Paul Otieno told Anna Berg about his talks with Li Wei in Oslo."))
    assert [people for people, _ in found] == [["Li Wei", "Paul Otieno"]]


def test_a_place_hung_on_the_last_side_of_a_meeting_of_is_the_meetings(extract_text):
    _, event = only_meeting(extract_text("A meeting of Paul Otieno and Anna Berg in Geneva ended on Monday."))
    assert event.place == "place:2660646"  # Geneva


def test_a_with_phrase_the_parser_hangs_on_a_time_is_the_triggers(extract_text):
    found = meetings(extract_text("Paul Otieno arrived on Monday. He was to meet later in the day with President Jon Berg."))
    assert [people for people, _ in found] == [["Jon Berg", "Paul Otieno"]]


@pytest.mark.parametrize("text", [
    "The son of Paul Otieno met Anna Berg on Monday.",
    "Paul Otieno's widow met Anna Berg on Monday.",
    # "he" is the son, whom the sentence does not name, not his father
    "The son of Paul Otieno added in Geneva that he planned to go to Goma for a meeting with Anna Berg.",
    "An attorney for Paul Otieno met with NATO officials on Thursday in Brussels.",
    "A lawyer for Paul Otieno met with UN officials on Thursday.",
    # a deputy too; and the one met is no side alone, with the state of where they met as the other
    "Paul Otieno's deputy will meet Anna Berg in Oslo on Monday.",
    "Paul Otieno's top aides met Anna Berg in Brussels on Monday.",
])
def test_a_relative_or_aide_of_a_named_person_is_someone_unnamed(extract_text, text):
    assert meetings(extract_text(text)) == []


@pytest.mark.parametrize("text", [
    "Rebel leader Paul Otieno's chief deputy proclaimed in a videotape broadcast on Thursday that the government "
    "will be defeated.",
    "Rebel leader Paul Otieno's top deputy vowed in a videotape aired on Monday to keep fighting Kenya.",
])
def test_what_a_deputy_says_or_does_is_not_his_chiefs(extract_text, text):
    extraction = extract_text(text)
    assert all("person:paul otieno" not in event.actors for event in extraction.events)


def test_a_span_of_ordinal_days_before_a_month_dates_by_its_first_day(extract_text):
    _, event = only_meeting(extract_text("Paul Otieno will visit Kabul from 7th to 9th December.", published=MONDAY))
    assert event.time.iso() == "2021-12-07"


def test_talks_of_the_states_told_after_their_envoys_meeting_are_other_talks_unless_they_refer_back(extract_text):
    envoys = "Norwegian Foreign Minister Anna Berg and Kenyan Foreign Minister Jon Otieno"
    earlier = extract_text(f"{envoys.replace(' and ', ' said in a meeting with ')} that ties were good. Norway "
                           "and Kenya held talks in August.", published=MONDAY)
    assert sorted((people, e.time and e.time.iso()) for people, e in meetings(earlier)) == [
        (["Anna Berg", "Jon Otieno"], None), (["Kenya", "Norway"], "2020-08")]
    same = extract_text(f"Norway and Kenya held talks in Nairobi on Monday. {envoys} co-chaired the talks.",
                        published=MONDAY)
    assert [(people, e.time.iso()) for people, e in meetings(same)] == [(["Anna Berg", "Jon Otieno"], "2021-05-03")]


def test_two_hosts_of_one_state_to_meet_a_visitor_are_two_meetings(extract_text):
    text = "Kenyan President Paul Otieno and Prime Minister Jon Otieno are to meet with President Anna Berg of Norway."
    assert sorted(people for people, _ in meetings(extract_text(text))) == [["Anna Berg", "Jon Otieno"],
                                                                           ["Anna Berg", "Paul Otieno"]]


@pytest.mark.parametrize("text", [
    # hosts of two states, or one meeting they begin together
    "Kenyan President Paul Otieno and Norwegian Prime Minister Anna Berg met Chinese President Li Wei.",
    "Kenyan President Paul Otieno and Prime Minister Jon Otieno began a meeting with President Anna Berg of Norway.",
    # nor two envoys of one state, who hold one office between them: they meet as one delegation
    "Kenyan envoys Paul Otieno and Jon Otieno also met with defense agency chief Anna Berg.",
])
def test_hosts_of_two_states_or_of_one_meeting_stay_one_meeting(extract_text, text):
    assert len(meetings(extract_text(text))) == 1


@pytest.mark.parametrize("text, status, iso", [
    ("A summit between Paul Otieno and Anna Berg was put off until Thursday.", Status.PLANNED, "2021-05-06"),
    ("The talks between Paul Otieno and Anna Berg were postponed.", Status.CANCELLED, None),
])
def test_a_meeting_put_off_to_a_new_date_is_planned_for_it(extract_text, text, status, iso):
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.status is status and (event.time.iso() if event.time else None) == iso


def test_a_meeting_ner_calls_a_body_is_no_side(extract_text):
    # "leaders" are unnamed, and the summit is where they met, not whom
    assert meetings(extract_text("Paul Otieno met leaders at the Nairobi Summit on Monday.")) == []


def test_the_name_after_a_comma_is_who_the_object_noun_is(extract_text):
    text = "Jon Berg was then to meet the Kenyan head of government, Secretary of State Li Wei."
    assert [people for people, _ in meetings(extract_text(text))] == [["Jon Berg", "Li Wei"]]


def test_a_meeting_dated_after_its_story_is_still_to_come(extract_text):
    text = "Paul Otieno's May 10-12 visit was part of regular contacts, during which he would meet Anna Berg."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.time.iso() == "2021-05-10" and event.status is Status.PLANNED


def test_when_no_one_named_acts_the_visitor_is_the_one_acted_on(extract_text):
    text = "Kenyan newspapers criticised Chilean President Anna Berg on Monday on the eve of a state visit to Kenya."
    people, event = only_meeting(extract_text(text))
    assert people == ["Anna Berg", "Kenya"] and event.status is Status.PLANNED


@pytest.mark.parametrize("text, sides", [
    ("SANTIAGO - Kenyan diplomats met their Peruvian counterparts on Friday.", ["Kenya", "Peru"]),
    ("NAIROBI - Chilean newspapers criticised Peruvian President Anna Berg on the eve of a state visit to Kenya.",
     ["Anna Berg", "Kenya"]),
    ("US officials met Kenyan Foreign Minister Paul Otieno in Nairobi on Monday.", ["Paul Otieno", "United States"]),
])
def test_a_dateline_the_parser_hangs_on_the_subject_is_no_side(extract_text, text, sides):
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == sides


@pytest.mark.parametrize("sentence, venue", [
    ("Paul Otieno met Anna Berg at the Great Hall of the People on Friday.", "place:great hall of the people"),
    ("Paul Otieno received Anna Berg at the Elysee Palace on Friday.", "place:elysee palace"),
    ("Paul Otieno met Anna Berg in the Oval Office on Friday.", "place:oval office"),
    ("Paul Otieno met Anna Berg at 10 Downing Street on Friday.", "place:10 downing street"),  # with its house number
])
def test_a_meeting_in_a_named_building_takes_place_there(extract_text, sentence, venue):
    _, event = only_meeting(extract_text(sentence, published=MONDAY))
    assert event.place == venue


def test_a_building_does_not_keep_apart_two_reports_of_one_meeting(extract_text):
    text = ("Paul Otieno met Anna Berg at the Elysee Palace on Friday. "
            "Their meeting in Paris on Friday focused on trade.")
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.place == "place:elysee palace"


def test_a_building_s_name_stops_before_the_city_it_is_in(extract_text):
    _, event = only_meeting(extract_text("Paul Otieno met Anna Berg at the Golden Temple in Amritsar.", published=MONDAY))
    assert event.place == "place:golden temple"


def test_a_title_after_a_title_is_no_name(extract_text):
    text = "Paul Otieno, Kenyan Deputy Prime Minister and Minister of Trade, met Anna Berg on Friday."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]


def test_a_side_named_before_by_its_title_is_no_unnamed_side(extract_text):
    text = ("Norwegian King Harald Olsen reaffirmed in his meeting with Anna Berg that trade matters. "
            "Berg also discussed the peace process with the king, the report said.")
    people, _ = only_meeting(extract_text(text))
    assert people == ["Anna Berg", "Harald Olsen"]


@pytest.mark.parametrize("text, name", [
    ("After a meeting with Angolan President Jose Eduardo dos Santos, Anna Berg said trade would grow.", "Jose Eduardo dos Santos"),
    ("After a meeting with Prime Minister Maria do Carmo Silveira, Anna Berg said trade would grow.", "Maria do Carmo Silveira"),
    # NER stops at "de la" and reads the rest as a city; "van den"
    ("After a meeting with Mexican President Carlos de la Madrid, Anna Berg said trade would grow.", "Carlos de la Madrid"),
    ("After a meeting with Dutch Minister Pieter van den Berg, Anna Berg said trade would grow.", "Pieter van den Berg"),
    # a wire's stray space after a hyphen, left out of the name
    ("After a meeting with Sudanese President Omar Hassan El- Mahdi, Anna Berg said trade would grow.", "Omar Hassan El-Mahdi"),
])
def test_a_name_particle_does_not_cut_a_name(extract_text, text, name):
    people, _ = only_meeting(extract_text(text))
    assert people == sorted(["Anna Berg", name])


def test_a_name_does_not_run_on_into_the_next_title(extract_text):
    # a caption run into its story, without a full stop
    people, _ = only_meeting(extract_text("As Anna Berg met with Paul Otieno President Otieno said the talks were excellent."))
    assert people == ["Anna Berg", "Paul Otieno"]


@pytest.mark.parametrize("name", ["Omar al-Mahdi", "Omar El- Mahdi"])
def test_a_surname_without_its_arabic_article_is_the_person_named_before(extract_text, name):
    text = f"Sudanese President {name} arrived in Oslo on Monday. Anna Berg met Mahdi on Tuesday."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == sorted(["Anna Berg", name.replace("- ", "-")])


def test_who_is_praised_for_organizing_a_meeting_is_its_doer_not_who_praises(extract_text):
    text = "Paul Otieno congratulated Kenya for successfully organizing the 14th Andean Leaders' Meeting on Saturday."
    assert not any("Paul Otieno" in people for people, _ in meetings(extract_text(text, published=MONDAY)))


def test_a_title_and_name_read_as_one_entity_give_the_person(nlp):
    from spacy.tokens import Span as SpacySpan

    from newsgraph.mentions import find_mentions

    doc = nlp("Kalmora Governor Paul Otieno issued a statement on Monday.")
    doc.ents = [SpacySpan(doc, 0, 4, label="PERSON")]  # as NER reads some such names
    assert [(m.name, m.type.value) for m in find_mentions(doc).mentions] == [("Paul Otieno", "Person")]


@pytest.mark.parametrize("title", ["Interior ministry spokesman", "His Kenyan counterpart", "The peace mediator",
                                   "The Shiite cleric"])
@pytest.mark.parametrize("label", ["GPE", "ORG"])
def test_a_name_right_after_a_title_is_a_person_whatever_ner_calls_it(nlp, title, label):
    from spacy.tokens import Span as SpacySpan

    from newsgraph.mentions import find_mentions

    doc = nlp(f"{title} Jomo Mbeki told reporters in Kenya that Lake Victoria was calm.")
    doc.ents = [SpacySpan(doc, 3, 5, label=label), SpacySpan(doc, 8, 9, label="GPE"), SpacySpan(doc, 10, 12, label="LOC")]
    found = {(m.name, m.type.value) for m in find_mentions(doc).mentions}
    assert ("Jomo Mbeki", "Person") in found and ("Kenya", "State") in found
    assert "Person" not in {kind for name, kind in found if name != "Jomo Mbeki"}


def test_a_name_after_a_noun_for_a_person_that_modifies_the_next_word_is_no_person(nlp):
    from spacy.tokens import Span as SpacySpan

    from newsgraph.mentions import find_mentions

    doc = nlp("The billionaire Kalmora Steel owner told reporters in Kenya that trade was calm.")
    doc.ents = [SpacySpan(doc, 2, 4, label="ORG"), SpacySpan(doc, 8, 9, label="GPE")]
    assert "Person" not in {m.type.value for m in find_mentions(doc).mentions}


@pytest.mark.parametrize("sentence", [
    "Kenyan President Paul Otieno welcomed Swedish Prime Minister Anna Berg to a summit on Monday.",
    "Paul Otieno joined Anna Berg for talks in Nairobi on Monday.",
])
def test_whom_a_side_welcomes_or_joins_for_talks_is_a_side(extract_text, sentence):
    people, event = only_meeting(extract_text(sentence, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.time.iso() == "2021-05-03"


def test_whom_a_side_criticizes_during_talks_is_no_side(extract_text):
    assert extract_text("Paul Otieno criticized Anna Berg during talks on Monday.", published=MONDAY).events == ()


def test_the_minister_is_the_articles_one_holder_of_a_narrower_ministry(extract_text):
    text = ("Swedish Defence Minister Anna Berg stressed support for the Kenyan government. "
            "The Swedish minister will meet Paul Otieno on Monday.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.status is Status.PLANNED


@pytest.mark.parametrize("sentence", [
    "Anna Berg was to meet Paul Otieno on Tuesday.",
    "Anna Berg was to be received by Paul Otieno on Tuesday.",
    "Anna Berg was later to meet Paul Otieno on Tuesday.",  # "to meet" hung under "later"
    "Paul Otieno, who flew to Italy on Monday, was then to meet Kofi Mensah on Tuesday.",  # hung as a clause
])
def test_was_to_meet_is_a_plan(extract_text, sentence):
    _, event = only_meeting(extract_text(sentence, published=MONDAY))
    assert event.status is Status.PLANNED and event.time.iso() == "2021-05-04"


def test_an_apposition_hung_on_the_subject_across_its_verb_names_the_object(nlp):
    text = ("Kenyan President Paul Otieno met Anna Berg in Oslo on Monday. The Kenyan leader was given an audience "
            "with the pope and was then to meet the Vatican head of government, Secretary of State Marco Rossi.")
    doc = nlp(text)
    leader, rossi = next(t for t in doc if t.text == "leader"), next(t for t in doc if t.text == "Rossi")
    rossi.head, rossi.dep_ = leader, "appos"  # the parser's error on a real article's sentence like this one
    extraction = extract(doc, Article("t", text, text, "t.txt", published=MONDAY))
    assert ["Marco Rossi", "Paul Otieno"] in [people for people, _ in meetings(extraction)]


@pytest.mark.parametrize("sentence, held", [
    ("Anna Berg said she would not ask Paul Otieno to cut troops at their summit on Tuesday.", True),
    ("Anna Berg did not attend the summit with Paul Otieno on Tuesday.", False),
])
def test_what_is_not_done_at_a_meeting_leaves_the_meeting_held(extract_text, sentence, held):
    assert bool(extract_text(sentence, published=MONDAY).events) is held


@pytest.mark.parametrize("sentence", [
    "Anna Berg and Paul Otieno met on Tuesday at the meeting of the Asia-Pacific Economic Cooperation.",
    "Talks between Kenya and the European Union's Sweden and Germany were held on Tuesday.",
])
def test_a_body_named_beside_two_sides_is_their_forum_not_a_side(extract_text, sentence):
    extraction = extract_text(sentence, published=MONDAY)
    kinds = {e.key: e.type for e in extraction.entities}
    sides = [kinds[key] for event in extraction.events for key in event.actors]
    assert len(sides) >= 2 and EntityType.ORGANIZATION not in sides


def test_two_bodies_are_the_sides_of_their_talks(extract_text):
    people, _ = only_meeting(extract_text("Hamas held talks with Fatah in Gaza on Tuesday.", published=MONDAY))
    assert people == ["Fatah", "Hamas"]


def test_a_bilateral_summit_is_a_meeting_of_two_not_dated_by_what_comes_before_it(extract_text):
    text = "Anna Berg will arrive in Kenya on Wednesday, one day before her bilateral summit with Paul Otieno."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.mode is MeetingMode.IN_PERSON
    assert event.time.iso() == "2021-05-06" and event.status is Status.PLANNED  # the day after, not Wednesday


@pytest.mark.parametrize("sentence, sides", [
    ("Jon Berg dismissed the planned talks between Anna Berg and Paul Otieno as pointless.", ["Anna Berg", "Paul Otieno"]),
    ("Jon Berg welcomed the talks with Paul Otieno.", ["Jon Berg", "Paul Otieno"]),
])
def test_who_judges_a_meeting_is_no_side_unless_it_is_with_someone(extract_text, sentence, sides):
    people, _ = only_meeting(extract_text(sentence, published=MONDAY))
    assert people == sides


def test_talks_between_two_sides_take_no_side_from_the_verb_they_hang_on(extract_text):
    text = "Jon Berg prepared the ground for talks between Anna Berg and Paul Otieno on Tuesday."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]


@pytest.mark.parametrize("modifier", ["planned", "expected", "scheduled"])
def test_a_planned_meeting_is_a_plan_until_it_is_held(extract_text, modifier):
    _, event = only_meeting(extract_text(f"Jon Berg hailed the {modifier} talks between Anna Berg and Paul Otieno."))
    assert event.status is Status.PLANNED


@pytest.mark.parametrize("sentence, sides", [
    ("Kenya will host Jon Berg's speech on Wednesday.", None),
    ("Paul Otieno will receive a report from Jon Berg on Wednesday.", None),
    ("Paul Otieno also met members of a Swedish delegation led by Jon Berg on Wednesday.", ["Jon Berg", "Paul Otieno"]),
])
def test_what_a_host_receives_must_be_someone(extract_text, sentence, sides):
    found = meetings(extract_text(sentence, published=MONDAY))
    assert [people for people, _ in found] == ([sides] if sides else [])


@pytest.mark.parametrize("sentence, held", [
    ("Anna Berg called for the resumption of talks with Paul Otieno.", False),
    ("Anna Berg made a strong pitch for the resumption of talks with Paul Otieno.", False),
    ("The resumption of talks between Anna Berg and Paul Otieno took place in Oslo on Monday.", True),
])
def test_what_is_said_of_the_resumption_of_talks_is_said_of_the_talks(extract_text, sentence, held):
    assert bool(extract_text(sentence, published=MONDAY).events) is held


@pytest.mark.parametrize("sentence, sides", [
    ("The APEC meeting opened in Hanoi on Tuesday.", None),
    # whom the IMF talked with, the text does not say: only where (test_a_body_and_a_state_alone_...)
    ("The IMF held talks in Athens on Tuesday.", None),
    ("The IMF held talks with Greek Finance Minister Jon Berg in Athens on Tuesday.",
     ["International Monetary Fund", "Jon Berg"]),
])
def test_a_bodys_own_meeting_does_not_make_its_host_a_side(extract_text, sentence, sides):
    found = meetings(extract_text(sentence, published=MONDAY))
    assert [people for people, _ in found] == ([sides] if sides else [])


@pytest.mark.parametrize("before", ["", "Li Wei and Jon Berg met last week. "])
def test_the_two_are_the_two_people_of_the_sentence_before(extract_text, before):
    text = before + "Paul Otieno is ready to cooperate with Anna Berg. The two met in Oslo on Tuesday."
    found = [(people, event.time.iso() if event.time else None) for people, event in meetings(
        extract_text(text, published=MONDAY))]
    assert (["Anna Berg", "Paul Otieno"], "2021-05-04") in found


def test_the_two_may_reach_past_a_quote_to_the_sentence_before_it(extract_text):
    text = ("Kenyan Foreign Minister Paul Otieno will visit Norway, an official said. "
            '"The schedule is not fixed," the spokeswoman said. '
            "Norway's Foreign Minister Anna Berg offered the invitation in February when the two met in Oslo.")
    assert meeting_places(extract_text(text, published=MONDAY)).get(("Anna Berg", "Paul Otieno")) == ["Oslo"]


def test_a_title_word_read_into_a_name_is_dropped(nlp):
    from spacy.tokens import Span as SpacySpan

    from newsgraph.mentions import find_mentions

    doc = nlp("Chinese State Councilor Li Wei met Paul Otieno. Li said trade would grow.")
    doc.ents = [SpacySpan(doc, 2, 5, label="PERSON"), SpacySpan(doc, 6, 8, label="PERSON"), SpacySpan(doc, 9, 10, label="PERSON")]
    assert {m.name for m in find_mentions(doc).mentions if m.type is EntityType.PERSON} == {"Li Wei", "Paul Otieno"}


def test_a_one_word_person_right_after_a_name_is_its_last_part(nlp):
    from spacy.tokens import Span as SpacySpan

    from newsgraph.mentions import find_mentions

    doc = nlp("Kenyan President Paul Mwangi Otieno arrived on Monday.")
    doc.ents = [SpacySpan(doc, 2, 4, label="PERSON"), SpacySpan(doc, 4, 5, label="PERSON")]  # as NER splits some
    assert [m.name for m in find_mentions(doc).mentions if m.type is EntityType.PERSON] == ["Paul Mwangi Otieno"]


def test_a_visit_that_names_its_visitor_and_destination_takes_no_side_from_its_sentence(extract_text):
    text = "Li Wei and Jon Berg will sign a trade deal during Kenyan President Paul Otieno's visit to Sweden on Tuesday."
    found = meetings(extract_text(text, published=MONDAY))
    # the two who sign together meet, on an occasion of their own
    assert sorted(people for people, e in found if e.type is EventType.MEETING) == [["Jon Berg", "Li Wei"],
                                                                                     ["Paul Otieno", "Sweden"]]


def test_where_the_topic_lies_is_not_where_they_met(extract_text):
    _, event = only_meeting(extract_text("Paul Otieno discussed the crisis in Darfur with Anna Berg on Monday."))
    assert event.place is None


@pytest.mark.parametrize("text", [
    "Kenya's relations with China and Japan are strained by Prime Minister Paul Otieno's visits to the Yasukuni Shrine.",
    "Relations with Uganda suffered after Paul Otieno's visit to the Yasukuni Shrine, Kenya's critics say.",
])
def test_a_visit_that_names_its_visitor_and_destination_takes_no_side_from_around(extract_text, text):
    assert not any(len(people) > 1 for people, _ in meetings(extract_text(text, published=MONDAY)))


@pytest.mark.parametrize("text, sides", [
    # a clause saying which ones introduces them: nobody named before
    ("Anna Berg and Jon Berg both praised the plan. Paul Otieno met the negotiators who have been trying "
     "to broker a deal late Tuesday.", []),
    ("Anna Berg and Jon Berg arrived on Monday. Paul Otieno met the envoys, who have been trying to broker "
     "a deal, late Tuesday.", [["Anna Berg", "Paul Otieno"], ["Jon Berg", "Paul Otieno"]]),
    # a body says whose: not the two named before
    ("Anna Berg and Jon Berg both praised the plan. Paul Otieno met the APEC leaders late Tuesday.",
     [["Asia-Pacific Economic Cooperation", "Paul Otieno"]]),
])
def test_a_definite_plural_points_back_unless_a_clause_or_a_body_says_which(extract_text, text, sides):
    assert sorted(people for people, _ in meetings(extract_text(text, published=MONDAY))) == sides


def test_talks_a_side_prepares_for_are_planned(extract_text):
    _, event = only_meeting(extract_text("Paul Otieno prepared for talks with Anna Berg in Oslo.", published=MONDAY))
    assert event.status is Status.PLANNED


@pytest.mark.parametrize("text, sides", [
    ("Ministers of the Asia-Pacific Economic Cooperation began their annual meeting in Nairobi on Saturday.", []),
    ("An African Union delegation is paying a five-day visit to Kenya.", [["African Union", "Kenya"]]),
    # or when the two are the subjects "and" joins
    ("Kenyan officials and African Union envoys held talks in Addis Ababa on Monday.", [["African Union", "Kenya"]]),
])
def test_a_body_and_a_state_alone_meet_only_when_the_body_visits_or_both_act(extract_text, text, sides):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == sides


def test_a_possible_visit_is_no_meeting(extract_text):
    text = "Asked about Kenyan Minister Paul Otieno's possible visit to Sweden, Anna Berg said talks on trade went on."
    assert extract_text(text, published=MONDAY).events == ()


def test_a_visit_that_is_only_probable_is_no_meeting(extract_text):
    text = "Paul Otieno was to give a fresh impetus to the peace process, probably with a visit to South Africa."
    assert extract_text(text, published=MONDAY).events == ()


def test_a_city_read_as_a_person_is_a_place(extract_text):
    extraction = extract_text("Paul Otieno met Anna Berg in Porto Alegre.")
    assert "Porto Alegre" not in {e.name for e in extraction.entities if e.type.value == "Person"}


def test_later_in_the_day_is_the_day_of_the_verb_it_is_joined_to(extract_text):
    text = "Anna Berg arrived in Japan on Sunday and held talks with his Japanese counterpart Paul Otieno later in the day."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.time.iso() == "2021-05-02"


@pytest.mark.parametrize("text, day", [
    # "earlier in the day" with no verb of its own to share: the day the story named last
    ("Jon Berg said here on Saturday that ties were strong. For his part, Paul Otieno expressed pleasure with his "
     "visit to Kenya. Earlier in the day, Otieno also met Chairman of the Senate Anna Kamau.", "2021-05-01"),
    # talks "soon after arrival": the day of the arrival told last, not the last day named
    ("Leading a large delegation, Paul Otieno arrived in the Kenyan capital Nairobi on Friday afternoon for a "
     "three-day official visit. The Ugandan president held talks with his Kenyan counterpart Jon Berg soon after "
     "arrival.", "2021-04-30"),
    ("Paul Otieno arrived in Kenya on Friday for a three-day official visit. On Saturday he toured a dam. "
     "He held talks with President Jon Berg soon after his arrival.", "2021-04-30"),
])
def test_a_meeting_on_the_same_day_takes_the_day_told_before(extract_text, text, day):
    found = extract_text(text, published=MONDAY).events  # the visit and the talks on it
    assert found and all(e.time is not None and e.time.iso() == day for e in found)


def test_a_plan_is_not_what_happened_earlier_in_the_day(extract_text):
    text = ("Paul Otieno will hold talks with Anna Berg, a news agency reported on Saturday. "
            "Otieno and Berg agreed to meet during a telephone conversation earlier in the day.")
    found = {e.status: e for e in extract_text(text, published=MONDAY).events if e.type is EventType.MEETING}
    assert found[Status.PLANNED].time is None
    assert found[Status.OCCURRED].mode is MeetingMode.PHONE and found[Status.OCCURRED].time.iso() == "2021-05-01"


def test_a_meeting_named_by_its_make_up_is_no_earlier_meeting(extract_text):
    text = ("Anna Berg held talks with Paul Otieno. Their talks centered on trade. "
            "The six-party talks on the nuclear issue were last held in November, 2020.")
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.time is None


def test_a_meeting_without_a_date_takes_the_day_its_sides_acted_together(extract_text):
    text = ("Kenyan President Paul Otieno and visiting Chilean Foreign Minister Anna Berg agreed on Sunday to expand trade. "
            "Otieno and Berg exchanged ideas over the talks. "
            "During their meeting, the two also touched on the reforms of the United Nations.")
    found = [e for people, e in meetings(extract_text(text, published=MONDAY)) if e.type.value == "Meeting"]
    assert [e.time.iso() for e in found] == ["2021-05-02"]


def test_a_month_coordinated_with_a_dated_month_shares_its_year(extract_text):
    text = "Anna Berg met Paul Otieno in August and December last year."
    [(_, event)] = meetings(extract_text(text, published=MONDAY))
    assert event.time.iso() == "2020-08"


def test_a_visit_stays_when_the_visitor_met_someone_in_another_state(extract_text):
    text = "Kenyan President Paul Otieno visited Japan and South Korea last week. On Monday he met Chinese President Li Wei in Beijing."
    found = {tuple(people) for people, _ in meetings(extract_text(text, published=MONDAY))}
    assert ("Japan", "Paul Otieno") in found and ("Li Wei", "Paul Otieno") in found


def test_a_visit_stays_beside_a_summit_its_visitor_attended_in_the_same_state(extract_text):
    text = ("Liberian President Anna Berg visited Shenyang on Tuesday. "
            "Berg and Sudanese President Paul Otieno attended a summit in Beijing on Sunday.")
    found = {tuple(people) for people, _ in meetings(extract_text(text, published=MONDAY))}
    assert found == {("Anna Berg", "China"), ("Anna Berg", "Paul Otieno")}


@pytest.mark.parametrize("visit, stays", [
    ("Otieno's last visit to China was in 2015.", True),
    ("Otieno arrived in China on Sunday for a three-day visit.", False),
])
def test_a_visit_gives_way_to_meetings_there_only_on_the_same_occasion(extract_text, visit, stays):
    text = f"Kenyan President Paul Otieno met Chinese President Li Wei in Beijing on Tuesday. {visit}"
    found = {tuple(people) for people, _ in meetings(extract_text(text, published=MONDAY))}
    assert ("China", "Paul Otieno") in found if stays else found == {("Li Wei", "Paul Otieno")}


@pytest.mark.parametrize("sentence, status", [
    ("Chile is the last stop of Paul Otieno's Andean tour, which has already taken him to Peru and Bolivia.", Status.OCCURRED),
    ("Paul Otieno spoke in Santiago on Monday. Chile is the second stop of his tour, which will also take him to Peru "
     "and Bolivia.", Status.PLANNED),
])
def test_the_stops_a_tour_takes_the_visitor_to_are_visits_in_the_routes_tense(extract_text, sentence, status):
    found = meetings(extract_text(sentence, published=MONDAY))
    assert sorted(people for people, _ in found) == [["Bolivia", "Paul Otieno"], ["Paul Otieno", "Peru"]]
    assert {event.status for _, event in found} == {status}


def test_each_stop_of_a_tour_takes_its_own_routes_tense(extract_text):
    text = ("Kenyan President Paul Otieno is on a 12-day tour to five countries in the Gulf area, which has already "
            "brought him to the United Arab Emirates and will also bring him on to Qatar and Oman.")
    found = {tuple(people): event.status for people, event in meetings(extract_text(text, published=MONDAY))}
    assert found == {("Paul Otieno", "United Arab Emirates"): Status.OCCURRED, ("Oman", "Paul Otieno"): Status.PLANNED,
                     ("Paul Otieno", "Qatar"): Status.PLANNED}


def test_being_somewhere_for_a_visit_is_a_visit_there(extract_text):
    people, event = only_meeting(extract_text("Peruvian President Paul Otieno was in Nairobi on Monday for a state visit."))
    assert people == ["Kenya", "Paul Otieno"] and event.place == "place:184745"  # Nairobi


def test_a_meeting_with_someone_and_no_subject_is_with_the_one_the_story_follows(extract_text):
    text = ("In the late afternoon Anna Berg was expected to meet with Kenyan Foreign Minister Paul Otieno. "
            "A meeting with Prime Minister Li Wei and Defense Minister Jon Berg was scheduled for Monday.")
    found = {tuple(people) for people, _ in meetings(extract_text(text, published=MONDAY))}
    assert ("Anna Berg", "Jon Berg", "Li Wei") in found


def test_talks_a_deal_is_to_open_are_not_the_protagonist_s(extract_text):
    text = ("Anna Berg has hailed the deal. She has long argued for Finnish membership. "
            "The deal to open formal talks with Helsinki came despite a demand for Finland to recognise Cyprus.")
    assert meetings(extract_text(text)) == []


def test_a_name_the_parser_reads_into_the_day_is_still_the_one_met(extract_text):
    # The parser reads "Jon Berg-Otieno Wednesday" as one phrase headed by the day.
    people, _ = only_meeting(extract_text("Speaker Anna Berg met Kenyan President Jon Berg-Otieno Wednesday."))
    assert people == ["Anna Berg", "Jon Berg-Otieno"]


@pytest.mark.parametrize("title, side", [("the US speaker", "Anna Berg"), ("the Kenyan president", "Jon Otieno"),
                                         ("the Kenyan leader", "Jon Otieno"),
                                         ("the Ugandan president", "Uganda")])  # unnamed: the state stands for them
def test_a_title_qualified_by_a_state_is_its_one_holder_of_that_state(extract_text, title, side):
    text = (f"Kenyan President Jon Otieno met Speaker Anna Berg on Monday. Later {title} met Li Wei, "
            "the foreign minister.")
    later = [people for people, _ in meetings(extract_text(text, published=MONDAY)) if "Li Wei" in people]
    assert later == [sorted([side, "Li Wei"])]


def test_a_title_qualified_by_a_state_prefers_its_holder_for_that_state(extract_text):
    text = ("Kenyan Prime Minister Jon Otieno and President Anna Berg spoke on Monday. "
            "Later the Kenyan prime minister met Li Wei, the foreign minister.")
    later = [people for people, _ in meetings(extract_text(text, published=MONDAY)) if "Li Wei" in people]
    assert later == [["Jon Otieno", "Li Wei"]]


def test_a_plural_title_qualified_by_a_state_is_looked_up_whole(extract_text):
    # "Ministers" alone is no title; "Prime Ministers" is, so "Norwegian" names whose prime minister is meant.
    text = ("Norwegian Prime Minister Paul Otieno left Beijing on Friday afternoon, ending his official visit to China. "
            "During his stay in Beijing, Otieno and his Chinese counterpart Li Wei held the 10th Sino-Norwegian "
            "Prime Ministers' Meeting.")
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Li Wei", "Paul Otieno"]]


def test_where_a_side_is_said_to_be_is_where_they_met(extract_text):
    text = ("Kenyan President Paul Otieno told visiting Norwegian Prime Minister Anna Berg on Friday that trade would "
            "grow. Otieno told Berg, who is in Nairobi for a two-day summit, that ties were strong.")
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.place == "place:184745"  # Nairobi, not Kenya (the host's state)


def test_a_place_inside_a_state_of_being_is_no_presence(extract_text):
    _, event = only_meeting(extract_text("Paul Otieno, who is now in exile in Norway, met Anna Berg here on Friday.",
                                         published=MONDAY))
    assert event.place is None


def test_what_follows_a_reporting_clause_is_said_of_its_speaker(extract_text):
    text = ("Kenya would invest about 12 million euros to develop the project, which will create nearly 300 direct "
            "jobs, Otieno said, after meeting with outgoing UN Secretary-General Li Wei on Friday.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Li Wei", "Otieno"] and event.status is Status.OCCURRED


def test_what_precedes_a_reporting_clause_is_said_of_the_sentence_subject(extract_text):
    text = ("Kenyan President Paul Otieno left Sweden by air on Sunday, after holding talks with Swedish leader "
            "Anna Berg and officials from Norway, Kenyan television said in a report.")
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]


@pytest.mark.parametrize("between, near", [("", True), ("Trade grew. Exports rose. Imports fell. ", False)])
def test_an_undated_meeting_near_the_lead_takes_the_day_and_place_the_lead_gives_its_side(extract_text, between, near):
    text = ("Kenyan President Paul Otieno said in Oslo on Tuesday that ties with Norway were strong. "
            f"{between}Otieno made the remarks in his talks with Norwegian Prime Minister Jon Berg.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Jon Berg", "Paul Otieno"]
    assert (event.time.iso() if event.time else None, event.place) == (
        ("2021-05-04", "place:3143244") if near else (None, None))  # Oslo


@pytest.mark.parametrize("sentence, day", [
    ("Anna Berg was due to meet students in Nairobi on Tuesday morning and hold talks with Kenyan President "
     "Paul Otieno.", "2021-05-04"),
    # an arrival's day is not the meeting's, unless it is the story's own day (below)
    ("Anna Berg arrived in Nairobi on Sunday and met with Kenyan President Paul Otieno.", None),
    ("Anna Berg arrived in Nairobi on Tuesday and met with Kenyan President Paul Otieno.", "2021-05-04"),
    ("Anna Berg was holding talks on Friday at the ministry of trade and on Saturday was scheduled to meet with "
     "Kenyan President Paul Otieno.", "2021-05-08"),
])
def test_a_meeting_shares_the_day_of_the_verb_coordinated_with_or_scheduling_it(extract_text, sentence, day):
    people, event = only_meeting(extract_text(sentence, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and (event.time.iso() if event.time else None) == day


@pytest.mark.parametrize("text", [
    # "here" in the lead is the dateline's place for the meetings near it
    "NAIROBI, May 4 (Xinhua) -- Ugandan President Jon Berg said here Tuesday that ties with Kenya were strong. "
    "Berg made the remarks in his talks with Kenyan President Paul Otieno.",
    # talks in a city and a visit to its state are one meeting there
    "Kenyan President Paul Otieno held talks with his visiting Ugandan counterpart Jon Berg in Nairobi on Sunday. "
    "Otieno welcomed the first visit to Kenya by Berg.",
    "Kenyan President Paul Otieno welcomed the first visit to Kenya by Ugandan President Jon Berg on Sunday. "
    "Otieno held talks with Berg in Nairobi.",
    # the place of talks between two sides may hang on the second
    "The decision was made during the talks between Kenyan Prime Minister Paul Otieno and his visiting "
    "Ugandan counterpart Jon Berg in Nairobi capital on Sunday.",
])
def test_the_meeting_is_placed_in_the_city_the_text_gives(extract_text, text):
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Jon Berg", "Paul Otieno"] and event.place == "place:184745"  # Nairobi


@pytest.mark.parametrize("minister, name", [
    # Names the statistical NER misses after these titles.
    ("French Minister for Agriculture and Fisheries Dominique Vasseur", "Dominique Vasseur"),
    ("Federal Minister for Water and Power Liaquat Hussain Khero", "Liaquat Hussain Khero"),
])
def test_the_name_after_a_ministers_portfolio_is_a_person(extract_text, minister, name):
    found = extract_text(f"Chinese Vice Premier Li Wei on Monday met with visiting {minister}.")
    assert name in {e.name for e in found.entities if e.type is EntityType.PERSON}


def test_the_meeting_mentioned_after_a_summit_is_the_visit_before_it_when_it_names_no_new_side():
    host, guest, body = (Mention(i, i + 1, kind, key, key) for i, kind, key in (
        (0, EntityType.PERSON, "person:host"), (1, EntityType.PERSON, "person:guest"), (2, EntityType.STATE, "state:KEN")))
    merged = [Candidate(0, MeetingMode.VISIT, [host, guest], status=Status.OCCURRED),
              Candidate(10, MeetingMode.MULTILATERAL, [body], status=Status.OCCURRED)]
    # "At the meeting, the host said ...": one more report of the visit's talks.
    _merge_into(merged, Candidate(20, MeetingMode.IN_PERSON, [host], status=Status.OCCURRED, anaphoric=True), {})
    assert len(merged) == 2 and merged[0].trigger == 0
    # A meeting with someone the visit did not have is another meeting.
    _merge_into(merged, Candidate(30, MeetingMode.IN_PERSON, [host, body], status=Status.OCCURRED, anaphoric=True), {})
    assert len(merged) == 3


def test_an_undated_report_of_a_dated_meeting_at_its_place_is_that_meeting():
    def meeting(time, status=Status.OCCURRED):
        sides = (Participant("person:a"), Participant("person:b"))
        return None, Event(EventType.MEETING, sides, (), status=status, place="place:tunis", time=time)

    wednesday, later = TimeValue(2005, 11, 16), TimeValue(2005, 12, 20)
    kept = [meeting(None), meeting(wednesday), meeting(None, Status.PLANNED), meeting(later), meeting(None)]
    assert [(e.time, e.status) for _, e in _without_repeats(kept)] == [
        (wednesday, Status.OCCURRED), (None, Status.PLANNED), (later, Status.OCCURRED)]


@pytest.mark.parametrize("text, statuses", [
    # the report, written as the meeting was announced, tells of the meeting it opened with
    ("French President Jon Otieno met with his Iraqi counterpart Paul Hamilton on Thursday in Paris. During the "
     "meeting, Otieno and Hamilton are to discuss the situation in Iraq, the presidential office said.",
     [Status.OCCURRED]),
    # talks with a day of their own are more talks
    ("Jon Otieno met Paul Hamilton in Paris on Monday. The two agreed that the talks would resume next month.",
     [Status.OCCURRED, Status.PLANNED]),
])
def test_the_meeting_announced_after_it_is_told_is_that_meeting(extract_text, text, statuses):
    assert [e.status for e in extract_text(text, published=MONDAY).events] == statuses


def test_names_listed_after_a_description_are_sides_too(extract_text):
    # the parser hangs "Paul Hamilton" inside the relative clause and "Berg" inside the apposition before them
    text = ("Foreign Minister Anna Berg and visiting U.S. diplomats agreed on Monday that sanctions would remain. "
            "The agreement was reached at a meeting between Jon Otieno, who is U.S. Undersecretary of State for "
            "Political Affairs, Paul Hamilton, the Undersecretary of State for Arms Control and International "
            "Security, and Berg.")
    found = meetings(extract_text(text, published=MONDAY))
    assert [people for people, e in found if e.type is EventType.MEETING] == [["Anna Berg", "Jon Otieno", "Paul Hamilton"]]


@pytest.mark.parametrize("text", ["", "   ", ".", "Hello"])
def test_a_text_without_sentences_or_meetings_gives_no_events(extract_text, text):
    assert extract_text(text, published=MONDAY).events == ()


def test_a_meeting_is_no_side_of_another_said_of_it(extract_text):
    text = ("Kenyan President Paul Otieno met Dutch Prime Minister Anna Berg on Monday. Otieno told reporters the talk "
            "also focused on energy security, EU relations with Japan and bilateral relations and added that the "
            "meeting with Berg was very important both in respect to trade and broadly, in the European dimension.")
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]  # not Japan, of "relations with Japan" the parser hung on "the talk"


def test_a_meeting_that_names_no_one_does_not_stop_the_talks_pointing_back(extract_text):
    text = ("Kenyan President Paul Otieno met Dutch Prime Minister Anna Berg on Monday. \"This was a short meeting but "
            "a good one,\" the news agency quoted Otieno as saying. Otieno said the talks with Berg at the Hilton in "
            "Nairobi also focused on energy security.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.place is not None


def test_discussions_with_someone_are_a_meeting(extract_text):
    text = "Kenyan Foreign Minister Paul Otieno said he was very satisfied with discussions with Thai Prime Minister Li Wei on Thursday."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Li Wei", "Paul Otieno"] and event.status is Status.OCCURRED


@pytest.mark.parametrize("text, status", [
    ("Kenyan President Paul Otieno is due to have lunch with Premier Li Wei before leaving for home.", Status.PLANNED),
    ("Paul Otieno had a working dinner with Anna Berg at the embassy on Sunday.", Status.OCCURRED),
])
def test_a_meal_with_someone_is_a_meeting(extract_text, text, status):
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people in (["Li Wei", "Paul Otieno"], ["Anna Berg", "Paul Otieno"]) and event.status is status


def test_whom_one_tells_during_a_visit_is_met_there(extract_text):
    text = "Paul Otieno told President Jon Berg during a visit to Uganda last week that aid would continue."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Jon Berg", "Paul Otieno"] and event.status is Status.OCCURRED


def test_the_title_opening_a_clause_after_a_phrase_ending_in_a_name_is_not_that_names(extract_text):
    text = ("Kenyan President Jon Berg arrived in Uganda on Friday. "
            "After talks with Paul Otieno, the president said the dispute was over.")
    found = extract_text(text, published=MONDAY)
    assert not any(role[0] == "Paul Otieno" for role in roles(found))
    assert only_meeting(found)[0] == ["Jon Berg", "Paul Otieno"]


def test_a_tour_continued_by_travel_verbs_visits_each_place_they_go_to(extract_text):
    text = ("Kenyan President Paul Otieno arrived in Paris on Monday. Otieno was to continue his European tour by "
            "flying to Slovakia later Wednesday before he heads to Portugal and Spain.")
    planned = {p for people, e in meetings(extract_text(text, published=MONDAY)) if e.status is Status.PLANNED
               for p in [e.place]}
    assert planned == {"state:SVK", "state:PRT", "state:ESP"}


def test_a_leg_is_dated_by_its_own_route_and_the_others_by_that_month(extract_text):
    # "later Wednesday" is a TIME to the model, not a DATE; it still names its day
    text = "Otieno was to continue his tour by flying to Slovakia later Wednesday before he heads to Portugal."
    dates = {e.place: e.time.iso() for _, e in meetings(extract_text(text, published=MONDAY))}
    assert dates == {"state:SVK": "2021-05-05", "state:PRT": "2021-05"}


def test_a_place_name_with_an_apostrophe_is_a_place(extract_text):
    text = "Paul Otieno on Sunday visited Xi'an, a historical city. In his meeting with Governor Jon Berg, he spoke of trade."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Jon Berg", "Paul Otieno"] and event.place == "place:1790630"  # Xi'an


def test_a_visit_there_is_in_the_place_named_before(extract_text):
    text = ("Police defused a bomb in a town near Paul Otieno's villa on the island of Lamu on Wednesday, shortly after "
            "Ugandan President Jon Berg finished a visit there with Otieno.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Jon Berg", "Paul Otieno"] and event.place is not None and "lamu" in event.place.lower()


def test_there_as_a_dummy_subject_places_nothing(extract_text):
    text = "Paul Otieno spoke about the region in Nairobi on Monday. There will be intensive talks with Jon Berg next week."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.place is None


@pytest.mark.parametrize("text, published", [
    # a part of a day that names no day is of the day named before
    ("Kenyan President Paul Otieno arrived in Uganda on Sunday. He toured a dam with officials. "
     "In the late afternoon Otieno was expected to meet with Foreign Minister Jon Berg.", dt.date(2021, 5, 2)),
    # a meeting in the state a side arrived in on the story's own day (a Thursday) was that day
    ("Anna Berg arrived in Nairobi on Thursday evening to show support. "
     "Paul Otieno reaffirmed in his meeting with Berg that the attacks will not change Kenya.", dt.date(2005, 3, 10)),
])
def test_an_undated_meeting_takes_the_day_its_side_was_there(extract_text, text, published):
    _, event = only_meeting(extract_text(text, published=published))
    assert event.time.iso() == published.isoformat()


@pytest.mark.parametrize("text, place", [
    ("Paul Otieno headed to the capital Nairobi for talks with President Jon Berg.", "place:184745"),  # Nairobi
    # a city NER reads as a body
    ("Jon Otieno traveled to Lusaka for a meeting with Paul Hamilton.", "place:909137"),
    # a city NER reads as a people (NORP)
    ("Jon Otieno traveled to Tunis for a meeting with Paul Hamilton.", "place:2464470"),
])
def test_where_one_travels_for_talks_is_where_they_are(extract_text, text, place):
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.place == place


def test_the_owner_of_what_a_trip_phrase_hangs_on_makes_the_trip(extract_text):
    text = ("Paul Otieno's decision to announce the date of the budget while on a trip to China was a sensible "
            "thing to do, Jon Berg told the BBC.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["China", "Paul Otieno"] and event.place == "state:CHN"


@pytest.mark.parametrize("published, status", [(dt.date(2006, 11, 29), Status.PLANNED),  # told that Wednesday
                                               (dt.date(2006, 12, 3), Status.OCCURRED)])  # days later: held
def test_talks_one_sets_off_for_that_day_are_still_to_come(extract_text, published, status):
    text = "Kenyan President Paul Otieno headed for Uganda on Wednesday for talks with President Jon Berg."
    people, event = only_meeting(extract_text(text, published=published))
    assert people == ["Jon Berg", "Paul Otieno"] and event.status is status


def test_a_demonym_shared_by_two_states_qualifies_a_holder_of_either(extract_text):
    text = ("Visiting Prime Minister of the Republic of Korea (ROK) Paul Otieno said on Saturday that trade would grow. "
            "Otieno said he had discussed trade with his Kuwaiti counterpart Jon Berg during his visit to Kuwait. The Korean "
            "premier is on a 12-day tour to five countries in the Gulf area, which has already brought him to Qatar and "
            "will also bring him on to Oman.")
    found = [(people, e.place) for people, e in meetings(extract_text(text, published=MONDAY))]
    assert (["Oman", "Paul Otieno"], "state:OMN") in found and (["Paul Otieno", "Qatar"], "state:QAT") in found


def test_who_welcomes_talks_takes_no_part_in_them_but_who_praises_his_own_does(extract_text):
    text = "Paul Otieno and Jon Berg welcomed the resumption of six-party talks in Beijing this week."
    assert not extract_text(text, published=MONDAY).events
    people, _ = only_meeting(extract_text("Li Wei praised his talks with Anna Berg in Oslo.", published=MONDAY))
    assert people == ["Anna Berg", "Li Wei"]


@pytest.mark.parametrize("text, people", [
    ("Kenyan President Paul Otieno welcomed Ugandan President Jon Berg to talks in Nairobi on Monday.",
     ["Jon Berg", "Paul Otieno"]),
    ("Li Wei welcomed Anna Berg to talks in Oslo.", ["Anna Berg", "Li Wei"]),
])
def test_who_welcomes_someone_to_talks_holds_them_with_them(extract_text, text, people):
    # the parser reads "to talks" as an infinitive
    found, event = only_meeting(extract_text(text, published=MONDAY))
    assert found == people and event.place is not None


@pytest.mark.parametrize("text, people", [
    # whom one briefs on talks is no side of them
    ("Paul Otieno would brief Anna Berg on his talks last month with President Li Wei.", ["Li Wei", "Paul Otieno"]),
    # an apposition that says who a side is names no side
    ("Jon Berg, an adviser to President Li Wei, met Anna Berg in Oslo on Monday.", ["Anna Berg", "Jon Berg"]),
    # "his" in a phrase that opens a clause is the subject that follows, not the person named before
    ("US Ambassador Paul Hamilton said the troops were needed. After his meeting with US President Jon Berg on "
     "Nov. 16, Prime Minister Li Wei said ties would improve.", ["Jon Berg", "Li Wei"]),
])
def test_who_the_sides_are_and_who_is_only_named_beside_them(extract_text, text, people):
    assert only_meeting(extract_text(text, published=MONDAY))[0] == people


def test_where_leaders_have_gathered_is_where_their_talks_there_are(extract_text):
    text = ("Cotton and debt dominated the first day of the summit. The hosts had hoped for a show of unity on trade. "
            "French President Paul Otieno and leaders of 53 states have gathered in the Kenyan port city of Mombasa. "
            "Otieno said, during talks with the leaders of South Africa and Niger here, that trade would grow.")
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.place == "place:186301"  # Mombasa


def test_a_visit_by_a_titled_visitor_names_its_own_sides_not_the_speakers(extract_text):
    text = "SEOUL : Kenya's foreign minister said Wednesday a visit by the Ugandan leader to China was positive."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["China", "Uganda"] and event.place == "state:CHN"


def test_being_received_by_a_crowd_is_no_meeting(extract_text):
    text = "Paul Otieno was received by cheering crowds in Kampala, with Jon Berg and Anna Berg among the supporters."
    assert not extract_text(text, published=MONDAY).events


@pytest.mark.parametrize("text, met", [
    ("Paul Otieno sat down with Anna Berg in Oslo on Monday.", True),
    ("Paul Otieno and Anna Berg discussed trade in Oslo on Monday.", True),  # sides named together
    ("Paul Otieno sat with Anna Berg during the concert on Monday.", False),  # sitting down with is talks; sitting with, not
    ("Paul Otieno and Anna Berg spoke at the rally on Monday.", False),  # each spoke; to each other, only by phone
])
def test_sitting_down_with_and_discussing_together_are_meetings(extract_text, text, met):
    found = meetings(extract_text(text, published=MONDAY))
    assert [people for people, _ in found] == ([["Anna Berg", "Paul Otieno"]] if met else [])


def test_a_meal_with_no_one_named_is_no_meeting(extract_text):
    assert not extract_text("Paul Otieno said the dinner was excellent and the lunch was late.", published=MONDAY).events


@pytest.mark.parametrize("text, people", [
    ("Kenyan President Paul Otieno hosted a dinner for Prime Minister Anna Berg on Monday.", ["Anna Berg", "Paul Otieno"]),
    ("Otieno hosted a welcoming banquet for visiting Prime Minister Karl Visser on Wednesday.", ["Karl Visser", "Otieno"]),
    ("At a dinner hosted by Foreign Minister Jan Holm, Tony Grant told Eva Lind he would stand down.",
     ["Eva Lind", "Jan Holm", "Tony Grant"]),
])
def test_a_meal_meets_its_host_and_whom_it_is_for(extract_text, text, people):
    assert only_meeting(extract_text(text, published=MONDAY))[0] == people


@pytest.mark.parametrize("text", [
    "Paul Otieno said at a banquet hosted by Jan Holm that trade would grow.",  # a speech
    "Anna Berg hosted a dinner on Friday.",
])
def test_a_speech_at_a_meal_or_a_meal_for_no_one_named_is_no_meeting(extract_text, text):
    assert not extract_text(text, published=MONDAY).events


def test_their_meeting_is_of_the_people_named_together_before_it_not_of_the_speaker(extract_text):
    text = ("Kenyan Foreign Minister Paul Otieno would hold follow-up talks with his Ugandan counterpart, Jon Berg, "
            "on decisions made by Dutch Prime Minister Anna Berg and Chinese Premier Li Wei during their joint meeting "
            "with US President Jon Otieno at the White House in September, she said.")
    found = sorted(people for people, _ in meetings(extract_text(text, published=MONDAY)))
    assert found == [["Anna Berg", "Jon Otieno", "Li Wei"], ["Jon Berg", "Paul Otieno"]]


def test_a_name_after_a_title_may_end_in_a_regnal_number(extract_text):
    text = "Jordanian King Omar II on Wednesday held talks with visiting Kenyan President Paul Otieno at the palace."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Omar II", "Paul Otieno"]


def test_two_surnames_joined_by_a_hyphen_are_two_people(extract_text):
    text = ("Kenyan President Paul Otieno and Ugandan President Jon Berg arrived in Oslo on Monday. "
            "The Berg-Otieno meeting will proceed as scheduled.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Jon Berg", "Paul Otieno"] and event.status is Status.PLANNED


@pytest.mark.parametrize("text, found", [
    # a habit in the simple present is no one meeting
    ("Anna Berg visits the Kenyan capital every two months to monitor the talks.", 0),
    ("Anna Berg regularly meets Jon Otieno.", 0),
    # a life's count of times is no one meeting either, but one episode's count is
    ("Anna Berg, a teacher who has visited Malaysia some 15 times, said the beaches were clean.", 0),
    ("Anna Berg has met Jon Otieno five times this year.", 0),
    ("Anna Berg phoned Jon Otieno three times to complain about the referee.", 1),
    # a past series, or a frequency deep inside another phrase, is not a habit of the meeting's
    ("Anna Berg met Jon Otieno every day last week.", 1),
    ("Anna Berg meets Jon Otieno in Oslo on a tour that takes her to each of the Nordic capitals.", 1),
])
def test_a_habit_is_no_meeting(extract_text, text, found):
    assert len(meetings(extract_text(text))) == found


@pytest.mark.parametrize("text, held", [
    # what failed, or was refused, at a meeting says the meeting was held
    ("Anna Berg and Jon Otieno failed to reach an accord at a meeting which went on into the night.", True),
    ("Anna Berg refused to shake hands with Jon Otieno during their meeting in Oslo.", True),
    # what is only supported or refused to be held is not
    ("Norway and Kenya both support inviting Sweden to talks at a summit in December.", False),
    ("Anna Berg refused to attend the talks with Jon Otieno.", False),
])
def test_a_meeting_where_something_failed_was_held(extract_text, text, held):
    assert bool(meetings(extract_text(text))) is held


@pytest.mark.parametrize("text, body", [
    # the gazetteer knows the short name: both are that body
    ("Anna Berg held talks with the Organization of Islamic Conference (OIC) in Jeddah.", "org:oic"),
    # neither is known: both are the body the long name names
    ("Anna Berg held talks with the National Farmers Union (NFU) in Nairobi.", "org:national farmers union"),
    # its initials between commas
    ("The National Farmers Union, NFU, held talks with Anna Berg in Nairobi.", "org:national farmers union"),
    # its initials, never given beside it, later in the article
    ("The National Farmers Union protested. The NFU held talks with Anna Berg in Nairobi.",
     "org:national farmers union"),
])
def test_a_body_and_its_short_name_are_one_side(extract_text, text, body):
    _, event = only_meeting(extract_text(text))
    assert sorted(event.actors) == [body, "person:anna berg"]


def test_a_short_name_given_in_brackets_stands_for_its_body_wherever_it_recurs(extract_text):
    text = "The Northern Timber Council (NTC) working group meeting was postponed, NTC delegates said."
    bodies = {e.key for e in extract_text(text).entities if e.type.value == "Organization"}
    assert bodies == {"org:northern timber council"}


def test_the_words_whose_initials_are_in_brackets_after_them_are_one_body_whatever_ner_split(nlp):
    from spacy.tokens import Span as SpacySpan

    from newsgraph.mentions import find_mentions

    doc = nlp("Jon Kamau of the rebel Coast Freedom and Unity Movement (CFUM) spoke.")
    doc.ents = [SpacySpan(doc, 0, 2, label="PERSON"), SpacySpan(doc, 5, 7, label="ORG"),
                SpacySpan(doc, 8, 10, label="ORG"), SpacySpan(doc, 11, 12, label="PERSON")]
    found = {(m.name, m.type.value) for m in find_mentions(doc).mentions}
    assert found == {("Jon Kamau", "Person"), ("Coast Freedom and Unity Movement", "Organization")}


def test_a_state_with_its_initials_in_brackets_stays_a_state(nlp):
    from spacy.tokens import Span as SpacySpan

    from newsgraph.mentions import find_mentions

    doc = nlp("Trade with the United Arab Emirates (UAE) grew.")
    doc.ents = [SpacySpan(doc, 3, 6, label="GPE"), SpacySpan(doc, 7, 8, label="ORG")]
    assert ("United Arab Emirates", "State") in {(m.name, m.type.value) for m in find_mentions(doc).mentions}


@pytest.mark.parametrize("text", [
    "Berg Pushes Kenya on Trade\nNorwegian Prime Minister Anna Berg met Kenyan leaders on Monday.",
    "Berg Calls for Support in Oslo Meeting\nNorwegian Prime Minister Anna Berg met Paul Otieno.",
])
def test_a_headline_verb_is_no_part_of_the_name_before_it(extract_text, text):
    people = {e.name for e in extract_text(text).entities if e.type.value == "Person"}
    assert "Anna Berg" in people and not any(name.startswith("Berg ") for name in people)


def test_full_names_joined_by_spaced_hyphens_are_each_a_side(extract_text):
    text = "Anna Berg and Paul Otieno spoke. Within hours of the Anna Berg - Paul Otieno meeting in Oslo, Berg left."
    assert [people for people, _ in meetings(extract_text(text))] == [["Anna Berg", "Paul Otieno"]]


@pytest.mark.parametrize("text", [
    "Both Paul Otieno and Norwegian Prime Minister Anna Berg, with whom he will hold talks Friday, have been trying "
    "to repair relations with China.",
    "According to the spokesman of Norwegian Prime Minister Anna Berg, with whom Paul Otieno met, the talks went well.",
])
def test_whom_is_the_name_just_before_it(extract_text, text):
    people, _ = only_meeting(extract_text(f"Kenyan President Paul Otieno arrived in Oslo on Monday. {text}", published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]


@pytest.mark.parametrize("text, sides", [
    # the subject the sentence names after "he"
    ("Speaking at a joint news conference with Norwegian Prime Minister Anna Berg, with whom he had several "
     "hours' talks in Oslo, Kenyan President Paul Otieno said he was pleased.", ["Anna Berg", "Paul Otieno"]),
    # the person named before, in that sentence or the one before, when the other side is the only one found
    ("Kenyan President Paul Otieno arrived in Oslo on Tuesday. "
     "After talks with Jan Berg on Wednesday, he said trade was discussed.", ["Jan Berg", "Paul Otieno"]),
])
def test_he_is_not_the_other_side_already_found(extract_text, text, sides):
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == sides


@pytest.mark.parametrize("text, status", [
    ("Kenyan President Paul Otieno hopes to pass the bill before leaving for Oslo on Friday for talks with Norwegian "
     "Prime Minister Anna Berg.", Status.PLANNED),
    ("Kenyan President Paul Otieno passed the bill before leaving for Oslo on Friday for talks with Norwegian "
     "Prime Minister Anna Berg.", Status.OCCURRED),
])
def test_a_wish_does_not_reach_into_a_time_clause_and_what_follows_a_wish_is_planned(extract_text, text, status):
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.status is status


def test_hosting_a_thing_named_by_which_is_no_visit(extract_text):
    text = ("Kenyan President Paul Otieno is due to arrive in Norway on Tuesday on a four-day official visit. During his "
            "visit, President Otieno is scheduled to meet Norwegian Prime Minister Anna Berg. Another main topic of their "
            "talks will be ways to promote a dialogue which Kenya hosted last year, said the report.")
    found = meetings(extract_text(text, published=MONDAY))
    assert found and all(event.time is None or event.time.year == 2021 for _, event in found)  # not last year's


def test_a_qualified_title_without_article_is_the_one_holder_the_article_names(extract_text):
    text = ("Kenyan President Paul Otieno arrived in Oslo on Monday. Kenyan President will also have talks with "
            "Norwegian Prime Minister Anna Berg.")
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"]


def test_a_town_that_shares_the_surname_of_someone_named_in_full_is_that_person(extract_text):
    text = "Kenyan Foreign Minister Paul Hamilton spoke on Monday. Mr Hamilton held talks with Anna Berg on Friday."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Hamilton"]  # not Hamilton, Ontario


@pytest.mark.parametrize("text, expected", [
    ("Kenyan President Paul Otieno discussed a range of issues on the topic of trade with his Ugandan counterpart "
     "Jon Berg.", [["Jon Berg", "Paul Otieno"]]),
    ("Kenyan President Paul Otieno discussed ties with Japan on Monday.", []),  # what the ties are with
    ("Paul Otieno discussed trade with Anna Berg on Monday.", [["Anna Berg", "Paul Otieno"]]),  # no one trades with her
])
def test_discussed_with_someone_wherever_the_parser_hangs_the_with(extract_text, text, expected):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == expected


def test_talks_between_a_side_and_people_nobody_names_have_no_host_as_a_side(extract_text):
    text = "Talks were held in Nairobi between the Ugandan government and the rebels."
    assert meetings(extract_text(text, published=MONDAY)) == []  # not Uganda and Kenya, Nairobi's state


@pytest.mark.parametrize("text, expected", [
    ("Talks are taking place in Arusha between the government of Kenya and the Coast Liberation Front.",
     [["Coast Liberation Front", "Kenya"]]),
    # the body's own meeting in the state that hosts it is still no meeting of the two
    ("The Coast Liberation Front held talks in Kenya on Monday.", []),
])
def test_talks_between_a_state_and_a_body_have_both_as_sides(extract_text, text, expected):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == expected


@pytest.mark.parametrize("text, expected", [
    ("Kenyan Trade Minister Paul Otieno and Norwegian Trade Minister Anna Berg signed the accord in Oslo on Monday.",
     [["Anna Berg", "Paul Otieno"]]),
    ("The deal was signed by Kenyan Trade Minister Paul Otieno and Norwegian Trade Minister Anna Berg in Oslo.",
     [["Anna Berg", "Paul Otieno"]]),
    ("Kenya and Norway signed the accord in Oslo on Monday.", []),  # no one named who met
    ("Paul Otieno from Kenya and Jan Visser from Norway signed five-year contracts with Oslo Club on Friday.", []),
])
def test_two_people_signing_together_met(extract_text, text, expected):
    found = meetings(extract_text(text, published=MONDAY))
    assert [people for people, e in found if e.type is EventType.MEETING] == expected


def test_who_a_signing_is_held_in_the_presence_of_is_at_it_and_their_visit_told_next_is_no_repeat_of_it(extract_text):
    text = ("The deal was signed by Kenyan Trade Minister Paul Otieno and his Norwegian counterpart Anna Berg, in the "
            "presence of Kenyan President Jon Kamau and Norwegian Prime Minister Jan Visser. Kamau arrived here on Sunday "
            "for a state visit. Norway is the last leg of Kamau's three-nation tour, which has already taken him to "
            "Sweden and Finland.")
    found = {tuple(people): e for people, e in meetings(extract_text(text, published=MONDAY))}
    assert ["Anna Berg", "Jan Visser", "Jon Kamau", "Paul Otieno"] in map(list, found)
    assert found[("Jon Kamau", "Sweden")].time.iso() == "2021-05"  # the month of the visit told, kept apart


@pytest.mark.parametrize("text, expected", [
    # the parser hangs the names after the plural title on "It"
    ("It was signed in the presence of the Kenyan and Norwegian premiers, Paul Otieno and Anna Berg, by Kenyan "
     "Cabinet Secretary Jon Marsh and Norwegian Deputy Foreign Minister Carl Lund.",
     [["Anna Berg", "Carl Lund", "Jon Marsh", "Paul Otieno"]]),
    ("Jon Marsh met the foreign ministers, Paul Otieno and Anna Berg said on Monday.", []),  # they said it
])
def test_the_names_after_a_plural_title_and_a_comma_hold_it(extract_text, text, expected):
    found = meetings(extract_text(text, published=MONDAY))
    assert [people for people, e in found if e.type is EventType.MEETING] == expected


def test_where_one_leaves_for_talks_is_where_the_talks_are(extract_text):
    text = "Norwegian Prime Minister Anna Berg will leave for Nairobi on Friday for talks with Kenyan President Paul Otieno."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.place == "place:184745"  # Nairobi


def test_a_description_is_no_one_named_after_it(extract_text):
    # "the leader" points back; the president named later in the sentence only asked for the meeting
    text = ("A spokesman said the leader had agreed to meet Paul Otieno "
            "at the request of Kenyan President Jon Berg.")
    assert not any("Jon Berg" in people for people, _ in meetings(extract_text(text, published=MONDAY)))


@pytest.mark.parametrize("text", [
    "Paul Otieno opened talks with Anna Berg in Nairobi on Monday.",
    "Talks between Paul Otieno and Anna Berg opened in Nairobi on Monday.",
])
def test_opening_talks_holds_them(extract_text, text):
    # "open" is a wish as an adjective ("open to talks"), not as a verb
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.status is Status.OCCURRED


def test_talks_a_deal_provides_for_are_planned(extract_text):
    _, event = only_meeting(extract_text("Paul Otieno won a deal to open talks with Chad.", published=MONDAY))
    assert event.status is Status.PLANNED


@pytest.mark.parametrize("text, expected", [
    ("Paul Otieno was greeted at Kampala airport on Monday by Anna Berg.", [["Anna Berg", "Paul Otieno"]]),
    ("Anna Berg welcomed Paul Otieno at the presidential palace on Monday.", [["Anna Berg", "Paul Otieno"]]),
    # the summit is the meeting: the welcome adds no second one
    ("Anna Berg welcomed Paul Otieno and Jon Smith to a summit meeting on Monday.",
     [["Anna Berg", "Jon Smith", "Paul Otieno"]]),
    ("Anna Berg welcomed the decision on Monday.", []),
    ("Paul Otieno was greeted by big crowds in Kampala.", []),
    ("Jon Carter received an Oscar in 1983 for the score.", []),  # a name after "an" is a thing
])
def test_a_greeting_or_welcome_in_person_is_a_meeting(extract_text, text, expected):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == expected


def test_where_one_is_received_by_someone_is_where_the_parser_hangs_it_on_them(extract_text):
    _, event = only_meeting(extract_text("Paul Otieno was received by Anna Berg in Nairobi on Monday.", published=MONDAY))
    assert event.place == "place:184745"  # Nairobi


def test_a_title_and_name_misread_as_a_modifier_of_met_is_its_object(extract_text):
    # the small parser reads "Premier Wen Jiabao" here as a noun-phrase adverb of "met"
    people, _ = only_meeting(extract_text("Paul Otieno, currently visiting China, met Premier Wen Jiabao on Monday.",
                                          published=MONDAY))
    assert people == ["Paul Otieno", "Wen Jiabao"]


@pytest.mark.parametrize("text, expected", [
    ("Paul Otieno received a call from Anna Berg on Monday.", [["Anna Berg", "Paul Otieno"]]),
    ("Paul Otieno made a phone call to Anna Berg on Monday.", [["Anna Berg", "Paul Otieno"]]),
    ("Paul Otieno had a phone call with Anna Berg to discuss trade.", [["Anna Berg", "Paul Otieno"]]),
    # a call for something, or to do something, is an appeal
    ("Paul Otieno received a call from Anna Berg for a ceasefire.", []),
    ("Paul Otieno made a call for calm on Monday.", []),
])
def test_a_call_received_or_made_is_a_phone_call(extract_text, text, expected):
    found = meetings(extract_text(text, published=MONDAY))
    assert [people for people, _ in found] == expected
    assert all(event.mode is MeetingMode.PHONE for _, event in found)


@pytest.mark.parametrize("text, expected", [
    ("Anna Berg held a welcoming ceremony for Paul Otieno in Nairobi on Monday.", [["Anna Berg", "Paul Otieno"]]),
    ("Paul Otieno attended a ceremony marking the anniversary on Monday.", []),
])
def test_a_welcoming_ceremony_meets_its_guest(extract_text, text, expected):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == expected


@pytest.mark.parametrize("second, day", [
    ("Otieno made the remarks to reporters in Kampala when holding talks with Anna Berg.", 9),
    ("Otieno made the remarks in his talks with Anna Berg.", 9),
    # the talks asked about are no place the remarks were made at
    ("Otieno made the remarks in response to a question on Jon Smith's talks with Anna Berg.", None),
])
def test_talks_where_remarks_were_made_are_on_the_day_the_remarks_were_said(extract_text, second, day):
    # the speaker is named only in the second sentence
    text = "Kenya will deepen ties with Chad, a senior official said on Wednesday. Paul " + second
    talks = [e for people, e in meetings(extract_text(text, published=dt.date(2005, 3, 10))) if "Anna Berg" in people]
    assert [e.time.day if e.time else None for e in talks] == [day]


def test_talks_where_remarks_were_made_are_where_the_remarks_were_made(extract_text):
    # the parser hangs "in the ... city of Kampala" on the remarks, not on "made"
    text = ("Kenyan envoy Paul Otieno said here on Monday that the border is ready to reopen. Otieno made the "
            "statements to reporters in the Ugandan city of Kampala following a meeting with Anna Berg on the issue.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Paul Otieno"] and event.place == "place:232422"  # Kampala in GeoNames


@pytest.mark.parametrize("text", [
    # someone tied to a person is not that person
    "Paul Otieno has already met with Jon Smith's lawyer, as well as with Anna Berg's two grandmothers.",
    "Paul Otieno met an aide to Anna Berg on Monday.",
    # a possibility is no meeting
    "The possibility of a meeting between Paul Otieno and Anna Berg reemerged on Thursday.",
    # a capitalized meal in mid-sentence names a programme
    'The leader shrugged off the defection of Jon Carter. "The vote will not be decided by what Mr Carter did", '
    "he told BBC 1's Breakfast with Frost programme.",
])
def test_no_meeting_with_someone_else_a_possibility_or_a_programme(extract_text, text):
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_places_visited_by_someone_are_no_visit_to_a_host(extract_text):
    text = "Police found traces in locations around London that were visited by Jon Carter."
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_a_headline_name_ends_before_the_event_word(extract_text):
    people, _ = only_meeting(extract_text("Hugo Carter Visit to Spain Sparks Row", published=MONDAY))
    assert people == ["Hugo Carter", "Spain"]


@pytest.mark.parametrize("text", [
    "Paul Otieno and Anna Berg said they had already met many of the government's demands.",
    "Paul Otieno and Anna Berg met the deadline on Monday.",
    ("Core Gulf producer Qatar will meet its OPEC cut by lowering crude sales by 90,000 barrels per day during "
     "spring maintenance, a Qatari oil official said on Friday."),
    "Last week Paul Otieno's film met with scathing reviews from US critics.",
    "Paul Otieno's proposal met with resistance from Anna Berg.",
])
def test_meeting_a_demand_a_deadline_or_with_a_reaction_is_no_meeting(extract_text, text):
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_the_capital_a_demonym_qualifies_is_that_states(extract_text):
    text = ("The embargo serves US policy goals, he said. Jon Carter was expected to arrive in Baghdad Thursday. "
            "He will visit the Iraqi capital again in two months.")
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Iraq", "Jon Carter"]  # not the US named before


def test_names_broken_over_lines_are_one_line_and_a_line_break_is_no_name(extract_text):
    text = ("KENYA TO SEEK TALKS ON PRICES\nKenya will seek talks with Federal Reserve chairman Paul\n"
            "Otieno on Monday.\nOfficials said prices as announced by the\nU.S. Agriculture Department were unchanged.")
    names = {e.name for e in extract_text(text, published=MONDAY).entities}
    assert "Paul Otieno" in names
    assert all(name.strip() and "\n" not in name for name in names)


def test_an_unnamed_leader_who_meets_two_people_is_a_side(extract_text):
    [(people, _)] = meetings(extract_text("The Saudi leader will meet Anna Berg and Jon Smith.", published=MONDAY))
    assert "Saudi Arabia" in people  # not a meeting of Berg with Smith


@pytest.mark.parametrize("text, place", [
    ("BEIJING (Reuters) - Chinese President Hu Jintao met Kenyan President Paul Otieno on Monday.", "place:1816670"),
    # neither side is the dateline's: the story may be filed from elsewhere
    ("NAIROBI (AFP) - Ugandan leader Anna Berg held talks Monday with Chinese President Hu Jintao.", None),
])
def test_a_lead_meeting_hosted_by_the_datelines_state_is_there(extract_text, text, place):
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.place == place


def test_her_trip_is_hers_not_the_speakers(extract_text):
    text = "Anna Berg arrived in Israel on Sunday. Her trip to Israel was a success, Jon Dray said."
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Anna Berg", "Israel"]]


def test_talks_one_briefs_someone_on_are_the_talks_told_of(extract_text):
    text = "Jon Smith was expected to brief Paul Otieno on his talks last month in Nairobi with President Anna Berg."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    # the talks are Smith's with Berg (the parser hangs "with" on "brief"), held: "last month"
    assert people == ["Anna Berg", "Jon Smith"] and event.status is Status.OCCURRED


def test_talks_earlier_this_month_are_held(extract_text):
    text = "Jon Smith said Paul Otieno would inform Anna Berg about his talks earlier this month with Jon Carter."
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.status is Status.OCCURRED  # a month's date is no later than a story of that month


@pytest.mark.parametrize("text", [
    "ISLAMABAD : Kenyan President Paul Otieno met Pakistani President Jon Smith here on Monday.",
    # the dateline on the line after a headline; "here" hung on the object
    "Kenyan leader visits Pakistan\nISLAMABAD: Kenyan President Paul Otieno met Pakistani President Jon Smith here "
    "on Monday.",
])
def test_here_is_a_dateline_with_a_colon_also_after_a_headline(extract_text, text):
    found = [e for _, e in meetings(extract_text(text, published=MONDAY)) if len(e.actors) == 2 and all(
        a.startswith("person:") for a in e.actors)]
    assert [e.place for e in found] == ["place:1176615"]  # Islamabad


@pytest.mark.parametrize("sentence, sides", [
    ("Ivory Coast rebels held talks with the cleric Thabo Ndebele in Lome on Friday.",
     ["Ivory Coast rebels", "Thabo Ndebele"]),
    ("Darfur rebels met Sudanese officials in Abuja on Monday.", ["Darfur rebels", "Sudan"]),  # a group is no body
])
def test_a_state_or_place_named_before_rebels_names_the_group_not_the_state(extract_text, sentence, sides):
    extraction = extract_text(sentence, published=MONDAY)
    found, event = only_meeting(extraction)
    assert found == sides
    group = next(e for e in extraction.entities if e.name == sides[0])
    assert group.type.value == "Organization" and group.state is None  # the group fights the state, not of it


@pytest.mark.parametrize("text", [
    "Chadian officials and Darfur rebels arrived in Ghana on Friday for talks.",
    "The talks between Darfur rebels and Chadian officials focused on the refugees.",  # after "and" too
])
def test_unnamed_officials_stand_for_their_state_beside_a_named_side(extract_text, text):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Chad", "Darfur rebels"]]


@pytest.mark.parametrize("text, expected", [
    ("Talks between Kenya and Norway focused on fishing rights.", [["Kenya", "Norway"]]),
    ("The Kenya-Norway talks failed over fishing rights.", [["Kenya", "Norway"]]),
    ("Kenya and Norway have close relations.", []),  # two states named together are no meeting
])
def test_talks_that_name_their_two_sides_need_no_place_or_date(extract_text, text, expected):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == expected


@pytest.mark.parametrize("text, sides", [
    ("General Paul Otieno met with U.S. Air Force civilian employees on Monday.", None),  # nobody named
    ("The U.S. military held talks with Iraqi officials in Baghdad on Sunday.", ["Iraq", "United States"]),
])
def test_a_state_naming_people_nobody_names_is_no_side_unless_they_stand_for_it(extract_text, text, sides):
    found = meetings(extract_text(text, published=MONDAY))
    assert [people for people, _ in found] == ([sides] if sides else [])


@pytest.mark.parametrize("text", [
    "Anna Berg won the 17th game and set up a meeting with Paula Nowak on Friday.",
    "Before her quarter-final meeting with Paula Nowak, Anna Berg said her serve needed work.",
    "Rovers visit Tarnow, while Anna Berg meets Paula Nowak and Lechia face last year's semi-finalists Polonia.",
    "Anna Berg, a finalist last year, met Paula Nowak on Friday.",
    "Norway will meet Chile in the Davis Cup final from December 3-5.",
    "Defending champion Paul Otieno will meet Jon Berg in Sunday's final.",
    "Norway's ice hockey captain Paul Otieno met Jon Berg on Sunday.",
    "British heavyweight Paul Otieno will meet Jon Berg on Friday for the boxing title.",
])
def test_a_meeting_in_a_sentence_about_sport_is_a_match(extract_text, text):
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_a_meet_the_tagger_calls_a_verb_is_a_sports_meet(extract_text):
    # the parser reads "meet" as a verb, its article hung on the compound before it
    text = ("Otieno, Berg lose in last four Rome: Paul Otieno and Jon Berg bowed out of the $2.5 million Masters "
            "Series meet on Friday. The second seeds were knocked out in straight sets.")
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_a_meeting_the_tagger_calls_a_verb_is_still_a_meeting(extract_text):
    text = ("Special envoys Paul Otieno and Jon Berg have held three rounds of talks. A breakthrough came during a "
            "March 3, 2021, meeting in Oslo, when the two envoys agreed to open the border.")
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Jon Berg", "Paul Otieno"] and event.time.iso() == "2021-03-03"


@pytest.mark.parametrize("text, met", [
    ("Radio host Anna Berg talks with Daily Planet columnist Paula Nowak about the election.", False),
    ("Prime Minister Paul Otieno met with reporter Jan Berg of the Daily Planet on Monday.", False),
    ("Prime Minister Paul Otieno met Jan Berg, a reporter for the Daily Planet, on Monday.", False),
    ("Prime Minister Paul Otieno met Jan Berg, the foreign minister, on Monday.", True),
])
def test_talks_with_someone_of_the_press_are_an_interview(extract_text, text, met):
    assert bool(meetings(extract_text(text, published=MONDAY))) is met


def test_business_or_settler_leaders_do_not_stand_for_their_state(extract_text):
    assert meetings(extract_text("President Paul Otieno held private talks with Brazilian business leaders.")) == []
    people, _ = only_meeting(extract_text("President Paul Otieno held talks with Brazilian officials in Oslo."))
    assert people == ["Brazil", "Paul Otieno"]


def test_leaders_of_a_state_s_opposition_are_not_the_state(extract_text):
    assert meetings(extract_text("Anna Berg on Friday met with three leaders of the Chadian opposition.")) == []


@pytest.mark.parametrize("occasions, expected", [
    ("", [["Anna Berg", "Dragan Simic", "Goran Vukic", "Mira Lazic"]]),
    # unless the text says they were met one by one
    (", on separate occasions", [["Anna Berg", "Goran Vukic"], ["Anna Berg", "Dragan Simic"], ["Anna Berg", "Mira Lazic"]]),
])
def test_a_counted_group_named_one_by_one_is_met_at_once(extract_text, occasions, expected):
    text = ("Anna Berg met the three leaders of the opposition Unity coalition, Goran Vukic, Dragan Simic and "
            f"Mira Lazic{occasions}.")
    assert [people for people, _ in meetings(extract_text(text))] == expected


@pytest.mark.parametrize("text, status, day", [
    ("Kenyan Foreign Minister Paul Otieno arrived in Lima on Monday.", Status.OCCURRED, 3),
    # the day one leaves is none of the visit's days
    ("Kenyan Foreign Minister Paul Otieno was scheduled to leave for Lima late Monday, officials said.",
     Status.PLANNED, None),
    ("Kenyan Foreign Minister Paul Otieno leaves for Lima on Saturday.", Status.PLANNED, None),
    ("Kenyan Foreign Minister Paul Otieno is about to leave for Lima.", Status.PLANNED, None),
    ("Kenyan Foreign Minister Paul Otieno will go to Peru on Saturday.", Status.PLANNED, 8),
])
def test_an_official_travelling_to_another_state_visits_it(extract_text, text, status, day):
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Paul Otieno", "Peru"] and event.status is status and event.mode is MeetingMode.VISIT
    assert (event.time.day if event.time else None) == day


@pytest.mark.parametrize("text", [
    "Kenyan Foreign Minister Paul Otieno arrived in Mombasa on Monday.",  # at home
    "Paul Otieno arrived in Lima on Monday.",  # whom he acts for, the text does not say
    "Kenyan Foreign Minister Paul Otieno arrived in Lima for medical treatment on Monday.",  # a private journey
])
def test_a_journey_home_or_of_someone_of_no_known_state_is_no_visit(extract_text, text):
    assert meetings(extract_text(text, published=MONDAY)) == []


def test_a_journey_gives_way_to_the_meetings_held_there(extract_text):
    text = ("Kenyan Foreign Minister Paul Otieno arrived in Lima on Monday. "
            "He met Peruvian President Juan Perez on Tuesday.")
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Juan Perez", "Paul Otieno"]]


@pytest.mark.parametrize("text", [
    "A summit bringing together leaders of Chad, Mali and Niger opened in Bamako on Monday.",
    "Talks involving Chad, Mali and Niger opened in Bamako on Monday.",
    # the parser hangs the clause on what the summit is about
    "A summit on the border issue, which brought together leaders from Chad, Mali and Niger, opened in Bamako on Monday.",
])
def test_whom_a_meeting_brings_together_are_its_sides(extract_text, text):
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Chad", "Mali", "Niger"]


def test_a_visit_said_to_be_over_is_not_where_its_traveller_is_now(extract_text):
    text = ("During Paul Otieno's recent six-day visit to Norway, officials criticised him. "
            "Otieno was also expected to meet Secretary of State Anna Berg.")
    found = {tuple(people): e for people, e in meetings(extract_text(text, published=MONDAY))}
    assert found["Anna Berg", "Paul Otieno"].place is None


def test_officials_of_ministries_of_several_states_are_those_states(extract_text):
    text = "Kenyan, Ugandan and Tanzanian foreign ministry officials resumed talks with Chadian officials in Oslo."
    people, _ = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Chad", "Kenya", "Tanzania", "Uganda"]


def test_who_quarrels_over_a_visit_is_no_side_of_it(extract_text):
    for text in ("Kenya protested on Thursday over a visit by Prime Minister Jan Berg.",
                 "Kenya complained about the talks with Prime Minister Jan Berg."):
        assert meetings(extract_text(text, published=MONDAY)) == []
    # but who presides over talks holds them
    text = "Prime Minister Jan Berg arrived in Oslo to preside over the joint committee meetings with his counterpart Anna Lie."
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == [["Anna Lie", "Jan Berg"]]


@pytest.mark.parametrize("group", ["Brazil's creditor banks", "Brazil's business leaders", "Brazil's opposition"])
def test_a_state_s_business_or_banks_are_not_the_state(extract_text, group):
    assert meetings(extract_text(f"President Paul Otieno is in Oslo for talks with {group}.")) == []
    people, _ = only_meeting(extract_text("President Paul Otieno is in Oslo for talks with Brazil's leaders."))
    assert people == ["Brazil", "Paul Otieno"]


def test_people_named_together_meeting_people_nobody_names_are_one_side(extract_text):
    text = "Paul Otieno and Jan Berg are meeting with portfolio managers in New York to line up interest for the offering."
    assert meetings(extract_text(text)) == []
    people, _ = only_meeting(extract_text("Paul Otieno and Jan Berg met in Oslo on Monday."))
    assert people == ["Jan Berg", "Paul Otieno"]


@pytest.mark.parametrize("name", ["Hwang Min-seok", "Song Min-jae", "Chung In-sook", "Song Ji-woo"])
def test_a_romanised_given_name_is_not_cut_at_its_hyphen(nlp, name):
    from newsgraph.mentions import find_mentions

    doc = nlp(f"Finance Minister {name} met the envoy in Seoul on Monday.")
    assert [m.name for m in find_mentions(doc).mentions if m.type.value == "Person"] == [name]


def test_what_is_said_on_a_meeting_makes_the_speaker_no_side(extract_text):
    text = ("Anna Berg will pay a state visit to Vietnam. The upcoming visits will be of great significance, "
            "Jon Kamau said at a news conference on Berg's visits.")
    found = [(people, e.status) for people, e in meetings(extract_text(text, published=MONDAY))]
    assert found == [(["Anna Berg", "Vietnam"], Status.PLANNED)]


@pytest.mark.parametrize("text, expected", [
    # the body whose own meeting it is gathers its members and is no side of it
    ("Anna Berg attended the APEC meeting in Hanoi.", []),
    ("Anna Berg and Jon Kamau attended the APEC meeting in Hanoi.", [["Anna Berg", "Jon Kamau"]]),
    # nor does it become a side of a visit told beside it
    ("Anna Berg will visit Laos from Nov. 19 to 20, after conclusion of the APEC meeting.", [["Anna Berg", "Laos"]]),
])
def test_a_bodys_own_meeting_has_the_body_as_no_side(extract_text, text, expected):
    assert [people for people, _ in meetings(extract_text(text, published=MONDAY))] == expected


def test_a_definite_visit_with_its_place_is_the_stop_of_the_tour_told_before(extract_text):
    text = ("President Anna Berg will pay successive state visits to Vietnam, Laos and India from Nov. 15 to 26. "
            "She will first visit Vietnam. As second leg of her visit, Berg will visit Laos from Nov. 19 to 20.")
    laos = [e for people, e in meetings(extract_text(text, published=MONDAY)) if "Laos" in people]
    assert len(laos) == 1 and laos[0].time.iso() == "2021-11-19"


def test_what_a_visit_was_aimed_at_does_not_make_it_a_plan(extract_text):
    text = ("With the visit to Kenya by Foreign Minister Anna Berg on Monday and Tuesday, relations are warming. "
            "Newspapers reported that Berg's visit to Kenya was also aimed at paving the way for a visit by Jon Kamau.")
    _, event = only_meeting(extract_text(text, published=MONDAY))
    assert event.status is Status.OCCURRED


def test_the_delegation_is_the_one_introduced_with_its_leader(extract_text):
    text = ("A delegation of the Kenyan ruling party headed by Anna Berg arrived here on Saturday for a visit to "
            "Cambodia. The delegation will meet Prime Minister Jon Kamau on Monday.")
    found = [people for people, e in meetings(extract_text(text, published=MONDAY)) if e.status is Status.PLANNED]
    assert found == [["Anna Berg", "Jon Kamau"]]


@pytest.mark.parametrize("text, status", [
    # a journey told in the present, or as under way, is still ahead of its talks
    ("President Anna Berg travels to the Kenyan capital for talks with President Jon Kamau.", Status.PLANNED),
    ("President Anna Berg was leaving for a two-day official visit to Japan for summit talks.", Status.PLANNED),
    # told as done, it was held; arriving, the visit is under way
    ("President Anna Berg traveled to Nairobi for talks with President Jon Kamau.", Status.OCCURRED),
    ("President Anna Berg arrives in Seoul today for a two-day visit.", Status.OCCURRED),
])
def test_a_journey_on_its_way_says_its_talks_are_ahead(extract_text, text, status):
    _, event = only_meeting(extract_text(text))
    assert event.status is status


@pytest.mark.parametrize("text, expected", [
    ("Archbishop Paul Otieno met Anna Berg in Nairobi.", {"Anna Berg", "Paul Otieno"}),
    ("Emperor Kenji and Empress Sachiko will receive Anna Berg.", {"Anna Berg", "Kenji", "Sachiko"}),
])
def test_a_church_or_imperial_title_is_no_part_of_the_name(extract_text, text, expected):
    assert {e.name for e in extract_text(text).entities if e.type.value == "Person"} == expected


def test_an_emperor_is_a_monarch(extract_text):
    text = "Japanese Emperor Kenji received Anna Berg in Tokyo."
    assert ("Kenji", "Monarch", "Japan", None, False) in roles(extract_text(text))


def test_a_further_journey_is_not_where_the_meetings_before_it_were(extract_text):
    text = ("Mr Berg held talks with his Kenyan counterpart, Jon Kamau, and the Ugandan leader, Paul Otieno. He "
            "confirmed that a renewed drive would come at a London conference in March. Mr Berg also made a "
            "surprise trip to Iraq this week.")
    found = {tuple(people): e.place for people, e in meetings(extract_text(text))}
    assert ("Berg", "Jon Kamau") in found and found[("Berg", "Jon Kamau")] is None


def test_the_speaker_named_after_a_quotation_is_a_person(extract_text):
    # NER calls a speaker's name right after a quotation a work of art
    found = extract_text('"We want the crisis resolved," Marek Tollander told reporters.')
    assert "Marek Tollander" in {e.name for e in found.entities if e.type is EntityType.PERSON}


def test_a_visit_to_several_cities_of_one_state_is_one_visit_to_the_state(extract_text):
    text = "Paul Otieno, who will visit Beijing, Shanghai and Guangzhou, is on his first trip to China."
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["China", "Paul Otieno"] and event.place == "state:CHN"


def _with_headline(nlp, tmp_path, title, lead):
    """An article as the reader gives it: the headline of a JSON Lines item blanked in the text it parses."""
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "a", "title": title, "text": f"{title}\n{lead}"}) + "\n", encoding="utf-8")
    article = next(read_articles(path))
    assert not article.text.startswith(title)
    return extract(nlp(article.text), article)


@pytest.mark.parametrize("title, place, name", [
    ("Otieno to visit Chile", "state:CHL", "Chile"),
    ("Otieno, Berg hold talks in Santiago", "place:3871336", "Santiago"),
    ("Chile hosts Kenyan leader", "state:CHL", "Chile"),
])
def test_the_place_a_headline_gives_is_where_the_lead_s_meeting_is(nlp, tmp_path, title, place, name):
    found = _with_headline(nlp, tmp_path, title, "Kenyan President Paul Otieno will meet Anna Berg next week.")
    people, event = only_meeting(found)
    assert people == ["Anna Berg", "Paul Otieno"] and event.place == place
    # the place is named where the headline names it, in the article's text before blanking
    spans = {span.start: span.text for e in found.entities if e.key == place for span in e.mentions}
    assert spans[title.index(name)] == name


def test_a_headline_that_names_no_meeting_places_none(nlp, tmp_path):
    found = _with_headline(nlp, tmp_path, "Otieno urged to play larger role in Chile",
                           "Kenyan President Paul Otieno will meet Anna Berg next week.")
    assert only_meeting(found)[1].place is None


def test_a_name_does_not_run_into_the_body_of_the_next_title(nlp):
    from newsgraph.mentions import find_mentions

    # a photo caption repeated in the text: "Paul Otieno House Speaker Paul Otieno"
    doc = nlp("He lunched with House Speaker Paul Otieno House Speaker Paul Otieno and joined Anna Berg on Monday.")
    assert {m.name for m in find_mentions(doc).mentions if m.type is EntityType.PERSON} == {"Anna Berg", "Paul Otieno"}


def test_names_a_hard_wrapped_wire_cuts_across_lines_are_whole_sides(nlp, tmp_path):
    text = ("NORVIA SEEKS TALKS\n"
            "The Norvian envoy has been in Lorania exchanging views on\n"
            "problems confronting the region and the role of the bank.\n"
            "   He met with Prime Minister Jon Mwangi, Foreign\n"
            "Minister Anna Lind, Bank of Lorania Governor Jon\n"
            "Otieno\n"
            "and other high-ranking Loranian officials.\n"
            " Reuter\n")
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"id": "w", "text": text}) + "\n", encoding="utf-8")
    article = next(read_articles(path))
    found = extract(nlp(article.text), article)
    people, _ = only_meeting(found)
    assert {"Jon Mwangi", "Anna Lind", "Jon Otieno"} <= set(people)
    # every span quotes the article as it was read, line breaks and all (shapes: MentionText)
    spans = [s for e in found.entities for s in e.mentions] + [s for e in found.events for s in e.evidence]
    assert "Jon\nOtieno" in {s.text for s in spans}
    assert all(s.text == article.original[s.start : s.end] for s in spans)


@pytest.mark.parametrize("text", [
    "Anna Berg began a week-long visit to Kenya. On the fourth day of her six-day tour of Kenya, the UK chancellor "
    "predicted a vaccine could be found.",
    "Anna Berg arrived in Kenya on Monday. The British finance minister, on her first visit to Kenya, said a vaccine "
    "could be found.",
])
def test_the_state_of_an_unnamed_traveller_her_visit_names_is_no_side(extract_text, text):
    # "her" is the chancellor, named before: the United Kingdom is whom she comes from, not whom she visits
    people, event = only_meeting(extract_text(text, published=MONDAY))
    assert people == ["Anna Berg", "Kenya"] and event.place == "state:KEN"


@pytest.mark.parametrize("text, sides", [
    ("Anna Berg held talks with the London-based Amnesty International on Monday.", ["Amnesty International", "Anna Berg"]),
    ("Anna Berg met officials of the Kenya-based Common Fund for Commodities on Monday.",
     ["Anna Berg", "Common Fund for Commodities"]),
])
def test_where_a_body_is_based_is_no_side(extract_text, text, sides):
    assert only_meeting(extract_text(text, published=MONDAY))[0] == sides
