"""Meetings and talks with their arguments, from triggers and the parse.

A trigger is a verb ("met", "visited", "telephoned") or a noun ("talks",
"meeting", "summit", "phone call") from ``data/triggers.json``. Its arguments
come from the dependency parse around it and its governing verb (``clauses``):

- participants: subjects, objects, "with"/"between" phrases, possessives and
  "US-China"-style modifiers; pronouns and plural descriptions ("the envoys",
  "their") stand for the last group of people the article named together;
- place: an "in"/"at" phrase naming a place or state ("the Russian capital"
  is the capital of the state its adjective names);
- date: a date expression attached to the trigger, normalized in ``dates``;
- status: planned ("will meet", "plan to hold talks", "the upcoming meeting"),
  cancelled ("postponed the talks"), else occurred. Negated, refused,
  conditional or merely wished-for meetings ("would be happy to meet") are no
  events.

Mentions of one meeting across an article ("the talks", "their meeting") are
merged into one event; a meeting needs two participants and, when no person
is named, a place or a date (else it is a process such as "peace talks", not
an event). "X met A and B" and "X held talks with A and B" are a meeting with
each; a tour ("will visit A, B and C") is a visit to each; a visit where
nobody the visitor meets is named has the host state as its other side; a
side the text leaves unnamed ("met senior commanders") makes no meeting.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.clauses import (
    NUMBER_WORDS, SUBJECTS, actors_under, agents_of, anchors_of, arrived_for, calls_off, clause_anchor, clauses_of,
    dateline_place, days_after_the_day_before, days_from_its_neighbour, destinations, done_after, gathers,
    has_preposition, hyphen_joined_states, hyphened_word, infinitive_subjects, is_a_speech_at, is_dated,
    is_definite, is_due, is_infinitive, is_someone_elses, is_theirs, is_unreal, journey_for, leads, lemma_of,
    modifying_states, names_own_sides, new_date_of, object_misread, objects_of, participant_roots, phase_of, place_at,
    place_of, preposition_of, relative_antecedent, reported_right_after, routes_of, sentence_before, set_off_for,
    shared_frame, status_of, subjects_above, time_of, told_of, travel_destinations, with_under_topic, witnesses_of,
)
from newsgraph.dates import normalize_date
from newsgraph.gazetteer import load_gazetteer
from newsgraph.mentions import Mention, MentionIndex, known_state, load_triggers, names_a_group, state_mention
from newsgraph.model import Event, EventType, EntityType, MeetingMode, Participant, Role, Status, TimeValue
from newsgraph.nlp import ROLE_SPANS, load_role_broader, load_role_lexicon
from newsgraph.roles import sentence_span

# A state visit lasts days; a visit dated further from a meeting than this was another occasion.
VISIT_DAYS = 20


@dataclass
class Discourse:
    """What an article has named so far, for pronouns and descriptions to refer to."""

    people: list[list[Mention]] = field(default_factory=list)  # groups named together, latest last
    states: list[list[Mention]] = field(default_factory=list)
    holders: dict[str, list[Mention]] = field(default_factory=dict)  # role concept -> its holders
    holder_states: dict[str, set[str]] = field(default_factory=dict)  # holder -> the states their roles are of

    def latest_people(self, before: int | None = None) -> list[Mention] | None:
        """The last group named together (before token ``before``: a sentence's groups are added as it starts)."""
        return next((group for group in reversed(self.people) if before is None or group[0].start < before), None)


@dataclass
class Candidate:
    """An event mention before merging; mutable while the article is read."""

    trigger: int
    mode: MeetingMode
    participants: list[Mention] = field(default_factory=list)
    place: Mention | None = None
    time: TimeValue | None = None
    dated: bool = False  # a date is given, resolved or not
    status: Status | None = None  # None: the text does not say
    anaphoric: bool = False
    unnamed_side: bool = False  # "met senior commanders": the other side is nobody the article names
    joins: bool = False  # "X also attended the talks": X is one more side of a meeting reported before
    named_for_its_city: bool = False  # "the London talks": a conference held there, its state no side
    attends: bool = False  # "also due to attend are X and Y": the meeting attended is not named
    further: bool = False  # "X also held talks with Z": one meeting more, not one told before
    via_anaphora: bool = False
    ordinal: str | None = None
    here: Token | None = None  # "met here" in a story whose dateline was cut: somewhere the article does not name
    leg: bool = False  # one stop of a tour of several
    under_way: bool = False  # "X, who is on a visit to Y": the story's present
    next_in_line: bool = False  # "X met A on Wednesday and was then to meet B": B comes the same day
    subjects: list[Mention] = field(default_factory=list)  # the side that acts ("X met Y": X)
    owners: set[str] = field(default_factory=set)  # the body whose own meeting it is ("the APEC meeting"): no side
    mediated: bool = False  # "peace talks in Abuja": the state they are held in mediates, it is no side
    # "the minister flies to Washington for talks with X": X is at home there, and the unnamed traveller no host state
    traveller_unnamed: bool = False
    gathers: bool = False  # "the talks involve A and B": the sides of a meeting the article names before
    paired: bool = False  # "the EU-Russia summit", "talks between A and B": the text names its two sides
    # "talks between A and B resumed", "A and B held talks": its clause tells of it and names its sides, so no place
    # or date is needed; not a process others speak of ("progress depends on talks between A and B")
    told_with_its_sides: bool = False
    # "signed in the presence of X": a side of the event, but not one merging compares (X's visit told next is no
    # repeat of the signing)
    witnesses: list[Mention] = field(default_factory=list)
    evidence: list = field(default_factory=list)


def find_meetings(index: MentionIndex, *, published: dt.date | None, roles: list[Role],
                  headline: Sequence[Mention] = ()) -> tuple[list[Event], list[Mention]]:
    """The meetings an article reports, one event per meeting, and the places they name; ``headline`` is where
    a headline outside the text says the news is (``headline_places``)."""
    doc = index.doc
    groups = Discourse(holders=_holders(roles, index), holder_states=_holder_states(roles))
    merged: list[Candidate] = []
    represented = _represented_states(roles, index)
    offices = _offices(roles)
    sentences = list(doc.sents)
    # Where each person is, sentence by sentence ("arrived in X", a visit); news may say it after the meeting.
    stays = [_stays(sent, index) for sent in sentences]
    met_at: dict[str, Mention] = {}  # where each host was last met ("X met Y in Rome")
    here = dateline_place(index)
    visitors = {m.key for m in index.mentions if m.type is EntityType.PERSON and _is_visiting(doc, m)}
    journeys: list[Candidate] = []
    for number, sent in enumerate(sentences):
        groups.people.extend(_coordinated(index, sent.start, sent.end, EntityType.PERSON))
        groups.states.extend(_coordinated(index, sent.start, sent.end, EntityType.STATE))
        for token in sent:
            if token.pos_ == "VERB" and (journey := _journey(token, index, published, represented)) is not None:
                journey.evidence.append(sentence_span(sent))
                journeys.append(journey)
            candidate = _candidate(token, index, groups, published)
            if candidate is None:
                continue
            if candidate.place is None and (word := _adverb(anchors_of(token), "here")) is not None:
                candidate.place = here  # the dateline; with none, "here" is resolved once the sides are known
                candidate.here = word if here is None else None
            elif candidate.place is None and (word := _adverb(anchors_of(token), "there")) is not None:
                candidate.place = _place_named_before(word, index)
            candidate.evidence.append(sentence_span(sent))
            _meet_the_host_named_beside(candidate, sent, index, represented)
            persons = _persons(candidate)
            if len(persons) >= 2:
                groups.people.append(persons)
            _place_from_stay(candidate, persons, stays, number, met_at, over=_over(token))
            parts = (_split_tour(candidate, token, index, published)
                     or _split_separate(candidate, token, represented, offices))
            gapped = _gapped(candidate, token, index, published)
            for part in gapped:  # "... and B": where no place of its own is said, where its sides stay
                _place_from_stay(part, _persons(part), stays, number, met_at)
            for part in parts + gapped:
                _host_stays(part, met_at)
                _merge_into(merged, part, represented)
    # A journey is a visit only where the article reports no meeting of the traveller's in that state.
    for journey in journeys:
        host = _state_of(journey.place)
        if not any(_people(journey) <= _people(c) and (c.place is None or _state_of(c.place) == host) for c in merged):
            merged.append(journey)
    _fill_gaps(merged, sentences, index, represented, visitors, published, here)
    _name_the_delegations(merged, index, represented)
    _narrow_to_a_city(merged, stays, index, published)
    _place_from_headline(merged, headline, sentences)
    kept = [(c, event) for c in merged if (event := _to_event(c, represented)) is not None]
    # only an event with no state among its sides may be talks between companies: most articles skip the word count
    if any(not _has_a_state(event) for _, event in kept) and _about_deals(doc):
        public = _public_actors(roles, index)
        kept = [(c, event) for c, event in kept if event.actors & public]
    kept = _without_repeats(_without_bare_visits(kept))
    named = [m for c, _ in kept for m in [c.place, *_sides(c, represented)] if m is not None]
    return [event for _, event in kept], named


def _place_from_headline(merged: list[Candidate], headline: Sequence[Mention], sentences) -> None:
    """'Berlusconi to visit Libya' over 'Italian Prime Minister Silvio Berlusconi will meet Muammar Gaddafi ...':
    the one place a headline gives is where the lead's meetings that name none are."""
    if len(headline) != 1 or not sentences:
        return
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end
    place, state = headline[0], _state_of(headline[0])
    for candidate in merged:
        if (candidate.place is None and candidate.trigger < lead_end and candidate.mode is not MeetingMode.PHONE
                and state not in _keys(candidate)):  # not in a state that is one of its sides
            candidate.place = place


def _has_a_state(event: Event) -> bool:
    return any(key.startswith("state:") for key in event.actors)


def _about_deals(doc: Doc) -> bool:
    """Business news: two words of corporate deals or more ("takeover", "shareholders")."""
    words = load_triggers()["deal_words"]
    return sum(token.lemma_.lower() in words for token in doc) >= 2


def _public_actors(roles: list[Role], index: MentionIndex) -> set[str]:
    """States, the public bodies the gazetteer knows, parties, and who holds an office of any of them or of no named
    body ("President Bush", "Liberal Party leader John Turner"); not a company's chief."""
    gazetteer = load_gazetteer()
    public = {m.key for m in index.mentions if m.type is EntityType.STATE or m.type is EntityType.ORGANIZATION and (
        gazetteer.find_organization(m.name) is not None or "party" in m.name.lower().split())}
    return public | {r.holder for r in roles if _public_office(r, public)}


def _public_office(role: Role, public: set[str]) -> bool:
    if role.organization is None:
        return role.role != "Leader"  # "Prime Minister X", not "party leader X"
    return role.organization in public or role.organization.startswith("state:")


def _adverb(anchors: list[Token], word: str) -> Token | None:
    """'met Y here', also when the parser hangs "here" on the object Y, and 'who are here attending the summit';
    not "There will be"."""
    presence = load_triggers()["meeting"]["presence_verbs"]
    heads = anchors + [c for a in anchors for c in a.children if c.dep_ == "dobj"] + [
        a.head for a in anchors if a.dep_ in ("advcl", "xcomp") and a.head.lemma_ in presence]
    return next((c for a in heads for c in a.children if c.lower_ == word and c.dep_ == "advmod"), None)


def _place_named_before(there: Token, index: MentionIndex) -> Mention | None:
    """'a town near X's villa on the island of Sardinia ... after Y finished a visit there': the last place a
    preposition names before "there", in its sentence or the one before."""
    start = sentence_before(index.doc, there.i)
    places = [m for m in index.within(start, there.i) if m.type in (EntityType.PLACE, EntityType.STATE)
              and not m.adjectival and index.doc[m.end - 1].dep_ == "pobj"]
    return places[-1] if places else None


def _stays(sent, index: MentionIndex) -> dict[str, Mention]:
    """'X arrived in Beijing', 'X is visiting Japan', 'during a tour of Shanghai', 'X is in Beijing': X's meetings
    there take place there."""
    lexicon = load_triggers()["meeting"]
    found = {}
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in lexicon["stay_verbs"]:
            verb, places = token, [m for c in token.children for m in _places_under(c, index)]
        elif lemma in lexicon["presence_verbs"]:  # "Y, who is in Beijing for a summit"
            verb, places = token, _places_in(token, index)
        elif token.pos_ == "NOUN" and lemma in lexicon["stay_nouns"] and not _over(token):
            verb = token.head.head if preposition_of(token) is not None else token.head
            while verb.dep_ in ("advmod", "npadvmod") and verb.head is not verb:
                verb = verb.head  # "X, midway through a visit to Y, ...": the phrase qualifies X's verb
            places = [m for c in token.children for m in _places_under(c, index, nouns=True)]
        else:
            continue
        if any(c.lower_ == "also" for c in verb.children):
            continue  # "X met Y. X also made a trip to Iraq": a further journey, not where Y was met
        # "X, who will pay a visit to China": the visitor is the noun the relative clause hangs on;
        # "X, on holiday in Sochi, ...": the phrase hangs on X itself.
        subjects = [verb] if verb.pos_ == "PROPN" else [
            relative_antecedent(c) for c in verb.children if c.dep_ in SUBJECTS] or infinitive_subjects(verb) or (
            # "will hold talks and meet Y during his stay in X", "while staying in X, Y will meet Z",
            # "kicking off a stay in X, Y met Z"
            subjects_above(verb) if verb.dep_ == "conj" or verb.dep_ in ("advcl", "pcomp") and (
                verb is token or verb.tag_ == "VBG" and verb.lemma_ in lexicon["stay_phase_verbs"]["words"]) else [])
        people = [m for c in subjects for m in actors_under(c, index) if m.type is EntityType.PERSON]
        if places:  # "arrived in Oslo for a visit to Norway": in Oslo
            found.update({person.key: places[0] for person in people if not _in_state(found.get(person.key), places[0])})
    return found


def _over(stay: Token) -> bool:
    """'During X's recent visit to Norway', 'arrived here after a visit to Britain': a stay said to be over is not
    where they are now."""
    words = load_triggers()["meeting"]["past_stay_words"]["words"]
    return any(c.dep_ == "amod" and c.lower_ in words for c in stay.children) or _stop_before_this_one(stay) or (
        _where_they_come_from(stay))


def _where_they_come_from(visit: Token) -> bool:
    """'X, who arrives from west Africa where she visited Benin, ...': a stop left behind."""
    arrival = visit.head
    return any(c.dep_ == "advmod" and c.lower_ == "where" for c in visit.children) and (
        lemma_of(arrival) in load_triggers()["meeting"]["arrival_verbs"] + ["come"] and has_preposition(arrival, "from"))


def _places_in(verb: Token, index: MentionIndex) -> list[Mention]:
    """'is in Beijing', 'arrived in Kuwait', 'is due in Kenya': the places the verb's (or its predicate's) "in" names
    (not "in exile in Syria")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    return [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
            for o in c.children if (m := place_at(o, index)) is not None and m.start == o.i]


def _places_under(child: Token, index: MentionIndex, *, nouns: bool = False) -> list[Mention]:
    if child.dep_ == "dobj":
        objects = [child]
    elif child.dep_ == "prep" and child.lower_ in (("to", "of", "in") if nouns else ("in", "into", "to", "at", "for")):
        objects = [c for c in child.children if c.dep_ == "pobj"]  # also "headed for X", "flew into X"
    else:
        return []
    return [m for o in objects if (m := place_at(o, index)) is not None]


def _place_from_stay(candidate: Candidate, persons: list[Mention], stays: list[dict[str, Mention]], number: int,
                     met_at: dict[str, Mention], *, over: bool = False) -> None:
    """Where a host was last met, else the latest place a participant was said to be at, else the first said later.
    A visit that is ``over`` ("his recent visit to Norway") says where they were, not where they are; one that
    its sentence says they arrived for ("arrived in Cairo on a visit to Egypt, part of a tour that will also take
    him to Tunisia") leaves them where they arrived."""
    if candidate.mode is MeetingMode.VISIT and candidate.place is not None and not over:
        stay = stays[number]
        stay.update({p.key: candidate.place for p in persons if p.key not in stay})
    if candidate.place is not None or candidate.mode is MeetingMode.PHONE:
        return  # a call joins two places, neither of them said
    order = [*range(number, -1, -1), *range(number + 1, len(stays))]
    # Hosts first: "his meeting with Y" is where Y was met, not where the travelling subject last was.
    subjects = {m.key for m in candidate.subjects}
    hosts = [p for p in persons if p.key not in subjects] if subjects else []
    candidate.place = next((met_at[p.key] for p in hosts if p.key in met_at), None) or next(
        (stays[i][p.key] for i in order for p in persons if p.key in stays[i]), None)


def _fill_gaps(merged: list[Candidate], sentences, index: MentionIndex, represented, visitors: set[str], published,
               here: Mention | None) -> None:
    """What no report of a meeting says, the article may: where a visitor was received, when the sides acted together."""
    if not merged:
        return  # nothing to fill (and an empty text has no lead)
    undated = [c for c in merged if c.time is None and c.status is not Status.PLANNED]
    together = _dated_joint_acts(sentences, index, published) if undated else {}
    lead_people, lead_time, lead_place = _lead(sentences, index, published, here)
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end

    def in_lead(candidate: Candidate) -> bool:  # "X said in Oslo Sunday ... X made the remarks in talks with Y"
        return candidate.trigger < lead_end and bool(lead_people & {m.key for m in candidate.participants})

    for candidate in merged:
        if candidate.place is None and candidate.mode is not MeetingMode.PHONE:
            # "X held talks with visiting Y" says no place: the host's state is not named as where they met; with
            # "here" and no dateline, the host's capital is
            said_here = _capital_here(candidate.here, _host_state_here(candidate, index, represented, visitors))
            candidate.place = (lead_place if in_lead(candidate) else None) or _where_visiting(candidate, merged) or (
                said_here or _hosts_dateline(candidate, here, represented, sentences[0].end))
    for candidate in undated:
        candidate.time = together.get(frozenset(_people(candidate)))
        if candidate.time is not None or candidate.dated:
            continue
        if candidate.under_way:
            candidate.time = published and TimeValue(published.year, published.month, year_source="article-date")
        elif candidate.status is not Status.CANCELLED and not candidate.leg and in_lead(candidate):
            candidate.time = lead_time  # a stop the tour has already made was on another day
    visits = [c for c in merged if c.mode is MeetingMode.VISIT and c.status is not Status.CANCELLED and c.place]
    held_there = [c for c in merged if c.time is None and not c.dated and c.status is Status.OCCURRED and c.place]
    days_in = _days_in(sentences, index, published) if visits or held_there else {}
    for visit in visits:
        visit.time = _day_of_arrival(visit, days_in) or visit.time
    for candidate in held_there:
        candidate.time = candidate.time or _arrived_that_day(candidate, days_in, published)
    for candidate in merged:
        if candidate.time is None and not candidate.dated and candidate.place is not None:
            candidate.time = _month_of_its_visit(candidate, merged)
    starts = [s.start for s in sentences]  # which sentence a trigger is in: bisect_right(starts, trigger) - 1
    for candidate in merged:
        if candidate.leg and candidate.time is None and candidate.status is not Status.CANCELLED:
            candidate.time = _month_of_the_tour(candidate, merged, starts)
    for candidate in merged:
        if candidate.time is None and not candidate.dated:
            candidate.time = _day_of_the_one_before(candidate, merged, starts)


def _told_as_next(anchors: list[Token]) -> bool:
    """'then met B', 'was then to meet B' (the adverb on the "be" of "be to meet")."""
    verbs = anchors + [a.head for a in anchors if a.dep_ in ("xcomp", "advcl") and lemma_of(a.head) == "be"]
    return any(c.dep_ == "advmod" and c.lower_ == "then" for v in verbs for c in v.children)


def _held(candidate: Candidate) -> bool:
    return candidate.status is Status.OCCURRED and candidate.mode is not MeetingMode.VISIT


def _day_of_the_one_before(candidate: Candidate, merged: list[Candidate], starts: list[int]) -> TimeValue | None:
    """'X on Wednesday met A ... X was then to meet B': the day of the latest dated meeting of X's told before. A
    meeting held, told in the same sentence or the one after a held one of X's, is of that day's run too:
    'During X's talks with A on Thursday, X said ... In a meeting with B, X said'."""
    if not (candidate.next_in_line or _held(candidate)):
        return None
    people = _people(candidate)
    sentence = bisect_right(starts, candidate.trigger)

    def of_its_run(c: Candidate) -> bool:  # next in line: any meeting of X's before; else a held one just before
        return candidate.next_in_line or _held(c) and sentence - bisect_right(starts, c.trigger) <= 1

    before = [c for c in merged if c.trigger < candidate.trigger and c.time is not None and c.time.day is not None
              and people & _people(c) and of_its_run(c)]
    return max(before, key=lambda c: c.trigger).time if before else None


def _name_the_delegations(merged: list[Candidate], index: MentionIndex, represented) -> None:
    """'talks between the delegations of Japan and North Korea ... head of the Japanese delegation X': people first,
    so a state that meets through its delegation is the people the article says head it."""
    if not any(m.type is EntityType.STATE for c in merged for m in c.participants):
        return
    heads = _delegation_heads(index)
    for candidate in merged:
        sides = []
        for side in candidate.participants:
            acting = any(side.key in represented.get(p.key, ()) for p in _persons(candidate))
            sides += heads.get(side.key, [side]) if side.type is EntityType.STATE and not acting else [side]
        candidate.participants = _one_per_key(sides)


def _delegation_heads(index: MentionIndex) -> dict[str, list[Mention]]:
    """Who heads each state's delegation: 'head of the Japanese delegation X', 'X, head of the Japanese
    delegation', 'a delegation from Japan ... The delegation is headed by X' (the last one named, when definite)."""
    heads: dict[str, list[Mention]] = {}
    state = None
    nouns = set(load_triggers()["anaphora"]["led_group_nouns"])
    for token in (t for t in index.doc if t.lower_ in nouns):  # singular only: "the delegations of A and B" is two
        states = [m for m in index.within(token.left_edge.i, token.right_edge.i + 1) if m.type is EntityType.STATE]
        state = states[0] if states else state if is_definite(token) else None
        if state is not None and (people := _heads_of(token, index)):
            heads.setdefault(state.key, people)
    return heads


def _heads_of(group: Token, index: MentionIndex) -> list[Mention]:
    """The people a group noun says lead it: "head of the delegation X", "X, head of the delegation", "the
    delegation is headed by X"."""
    if group.dep_ == "nsubjpass" and leads(group.head):
        return _led_by(group.head, index)
    title = group.head.head
    if group.dep_ != "pobj" or group.head.lower_ != "of" or title.lemma_.lower() not in load_triggers()["anaphora"][
            "group_head_nouns"]:
        return []
    # the name right after the group ("head of the delegation X"), or the one the title describes
    places = [group.i + 1, group.right_edge.i + 1] + ([title.head.i] if title.dep_ == "appos" else [])
    named = [m for i in places if i < len(index.doc) and (m := index.at(i)) and m.type is EntityType.PERSON]
    return named[:1]


def _hosts_dateline(candidate: Candidate, here: Mention | None, represented, lead_end: int) -> Mention | None:
    """'BEIJING (Reuters) - Chinese President X met Y on Monday': a meeting the story opens with, hosted by the
    state of its dateline, is there."""
    state = here and _state_of(here)
    if state is None or candidate.trigger >= lead_end or candidate.mode is MeetingMode.PHONE:
        return None
    sides = {m.key for m in candidate.participants}
    return here if state in sides | _acted_for(sides, represented) else None


def _of_another_year(time: TimeValue | None, published) -> bool:
    return time is not None and published is not None and time.year is not None and time.year != published.year


def _state_of(place: Mention) -> str | None:
    return place.key if place.type is EntityType.STATE else place.state


def _in_state(place: Mention | None, state: Mention) -> bool:
    return place is not None and place.type is EntityType.PLACE and place.state == state.key


def _narrow_to_a_city(merged: list[Candidate], stays: list[dict[str, Mention]], index: MentionIndex, published) -> None:
    """'X visited China ... While in Beijing, X ...': a meeting placed in a state took place in its city when the
    article names one city of that state only, and its people were said to be there (in the story's year: a
    visit of another year was another stay; and not a cancelled one, whose people never came for it)."""
    cities: dict[str, set[str]] = {}
    for m in index.mentions:
        if m.type is EntityType.PLACE and m.state:
            cities.setdefault(m.state, set()).add(m.key)
    for candidate in merged:
        state = candidate.place
        if state is None or state.type is not EntityType.STATE or _of_another_year(candidate.time, published) or (
                candidate.status is Status.CANCELLED):
            continue
        people = _people(candidate)
        city = next((m for stay in stays for key, m in stay.items() if key in people and _in_state(m, state)), None)
        if city is not None and len(cities.get(state.key, ())) == 1:
            candidate.place = city


def _is_under_way(trigger: Token) -> bool:
    """'X, who is on a three-day visit to Y', 'X is visiting Y': a visit the story's present holds, of its month.

    Only the month: which day of several the visit began, the present tense does not say.
    """
    if trigger.pos_ == "VERB":
        return trigger.tag_ == "VBG" and any(a.dep_ == "aux" and a.tag_ in ("VBZ", "VBP") for a in trigger.children)
    on = trigger.head
    if trigger.dep_ != "pobj" or on.lower_ != "on":
        return False
    # "X arrived in Cairo on a three-day visit", undated: the story's news, so its month
    return on.head.lemma_ == "be" and on.head.tag_ in ("VBZ", "VBP") or _is_arrival(on.head) and on.head.tag_ == "VBD"


def _where_visiting(candidate: Candidate, merged: list[Candidate]) -> Mention | None:
    """'X met Y ... X, who arrived in Beirut on Saturday for a visit': a meeting of the visitor's that says no
    place was where they were visiting, when the article tells of one such visit at that time only."""
    people = _people(candidate)
    if len(people) < 2:
        return None
    places = {c.place.key: c.place for c in merged if c.mode is MeetingMode.VISIT and c.place is not None and not c.leg
              and c.status == candidate.status and not _far_apart(c.time, candidate.time)
              and len(visitors := _people(c)) == 1 and visitors <= people}
    return places.popitem()[1] if len(places) == 1 else None


def _month_of_its_visit(candidate: Candidate, merged: list[Candidate]) -> TimeValue | None:
    """'X will tour A, B and C in December ... X is to meet Y during his visit to A, Z in A's capital': in December too.

    Only a month or a year: which day of a visit of several days a meeting took, the visit does not say.
    """
    people = _people(candidate)
    places = (candidate.place.key, _host_state(candidate.place))
    times = {c.time for c in merged if c is not candidate and c.mode is MeetingMode.VISIT and c.time is not None
             and c.time.day is None and c.time.month is not None and c.place is not None and c.place.key in places
             and _is_plan(c) == _is_plan(candidate)  # "is to meet Y" is not during "his visit in February 2002"
             and people & _people(c)}
    return times.pop() if len(times) == 1 else None


def _is_plan(candidate: Candidate) -> bool:
    return candidate.status in (Status.PLANNED, Status.CANCELLED)


def _month_of_the_tour(leg: Candidate, merged: list[Candidate], starts: list[int]) -> TimeValue | None:
    """'X arrived here on Thursday. It is the last leg of a tour which has already taken him to A and B', 'which
    will also take him to C': the stops made and still ahead are of the month of the visit just told (which day,
    the article does not say)."""
    near = range(bisect_right(starts, leg.trigger) - 2, bisect_right(starts, leg.trigger))
    people = _people(leg)
    months = {replace(c.time, day=None) for c in merged if not c.leg and c.mode is MeetingMode.VISIT
              and c.time is not None and c.time.month is not None and bisect_right(starts, c.trigger) - 1 in near
              and people & _people(c)}
    return months.pop() if len(months) == 1 else None


LEAD_SENTENCES = 3  # the lead and the sentences that may still report its occasion


def _is_before(token: Token, verb: Token) -> bool:
    """'will arrive Wednesday, a day before the summit': the day of what comes before is not the meeting's."""
    preposition = preposition_of(token)
    return preposition is not None and verb == preposition.head and preposition.lower_ in ("before", "ahead", "prior")


def _is_arrival(verb: Token) -> bool:
    """'X arrived on Sunday (and met Y)': the day of an arrival is not its meetings'."""
    return lemma_of(verb) in load_triggers()["meeting"]["stay_verbs"]


def _lead(sentences, index: MentionIndex, published, here: Mention | None) -> tuple[set[str], TimeValue | None, Mention | None]:
    """The people the first sentence is about, and the day and place it gives them ("X said in Oslo Sunday", "here")."""
    root = sentences[0].root
    if root.pos_ not in ("VERB", "AUX"):
        return set(), None, None
    # "Visiting Prime Minister X said ...", which the parser reads as a clause "visiting X" that is the subject
    subjects = [c for c in root.children if c.dep_ in SUBJECTS or c.dep_ == "csubj" and c.lower_ == "visiting"]
    people = {m.key for c in subjects for m in actors_under(c, index) if m.type is EntityType.PERSON}
    leaving = lemma_of(root) in load_triggers()["meeting"]["departure_verbs"]  # "X left Beijing on Friday": after
    time = None if _is_arrival(root) or leaving else time_of([root], index.doc, published, prefer_future=False)
    place = place_of(root, [root], index, []) or (here if _adverb([root], "here") else None)
    return people, time if time and time.day else None, place


def _days_in(sentences, index: MentionIndex, published) -> dict[tuple[str, str, Status], TimeValue]:
    """'X arrived in Kuwait on Saturday', 'X is expected to be in Germany on April 17-18': the day a person is
    first said to be in a state (or a city of it), by person, state and whether it is done or to come."""
    lexicon = load_triggers()["meeting"]
    found: dict[tuple[str, str, Status], TimeValue] = {}
    verbs = {*lexicon["arrival_verbs"], *lexicon["presence_verbs"]}
    for verb in (t for sent in sentences for t in sent if t.lemma_.lower() in verbs):
        states = {_state_of(m) for m in _places_in(verb, index)} - {None}
        people = _people_under(verb, SUBJECTS, index) or (  # "X is expected to be in Y"
            _people_under(verb.head, SUBJECTS, index) if verb.dep_ == "xcomp" else [])
        status = Status.PLANNED if is_due(verb) else status_of(verb, [verb]) or Status.OCCURRED
        time = time_of([verb], index.doc, published, prefer_future=status is Status.PLANNED) if states and people else None
        if time is not None and time.day is not None:
            for key in ((p.key, state, status) for p in people for state in states):
                found.setdefault(key, time)
    return found


def _day_of_arrival(visit: Candidate, days_in: dict[tuple[str, str, Status], TimeValue]) -> TimeValue | None:
    """A visit that names no one it meets, and not its day, starts the day its visitor is said to be, or to be
    going to be, in its state, in the month it gives."""
    time, state, visitors = visit.time, _state_of(visit.place), _persons(visit)
    if time is not None and time.day is not None or len(visitors) != 1:
        return None
    day = days_in.get((visitors[0].key, state, visit.status))
    return day if day is not None and (time is None or (day.year, day.month) == (time.year, time.month)) else None


def _arrived_that_day(meeting: Candidate, days_in: dict[tuple[str, str, Status], TimeValue],
                      published: dt.date | None) -> TimeValue | None:
    """'X arrived here Monday evening ... the king reaffirmed in his meeting with X', told that Monday: a meeting
    held in the state a side arrived in on the story's own day was that day."""
    state = _state_of(meeting.place)
    days = [days_in.get((p.key, state, Status.OCCURRED)) for p in _persons(meeting)]
    return next((d for d in days if d is not None and published and d.iso() == published.isoformat()), None)


def _dated_joint_acts(sentences, index: MentionIndex, published) -> dict[frozenset[str], TimeValue]:
    """'A and B agreed on Monday to ...': A and B were together that day, so their undated meeting was then."""
    found: dict[frozenset[str], TimeValue] = {}
    for sent in sentences:
        for verb in (t for t in sent if t.pos_ == "VERB" and _joint_subject(t) and not calls_off(t)):
            people = frozenset(m.key for c in verb.children if c.dep_ in SUBJECTS
                               for m in actors_under(c, index) if m.type is EntityType.PERSON)
            if len(people) >= 2 and people not in found and (time := time_of([verb], index.doc, published, prefer_future=False)):
                found[people] = time
    return found


def _host_state_here(candidate: Candidate, index: MentionIndex, represented, visitors: set[str]) -> str | None:
    """The state whose capital "met here" is: the host's, else the subject's (none without "here")."""
    if candidate.here is None:
        return None
    host = _host_country(candidate.participants, index, represented, visitors)
    return host.key if host else _subjects_state(candidate, represented, visitors)


def _host_country(participants: list[Mention], index: MentionIndex, represented, visitors: set[str]) -> Mention | None:
    """'X met here with visiting Japanese Foreign Minister Y': X's state hosts them, when X acts for one state."""
    persons = [m for m in participants if m.type is EntityType.PERSON]
    hosts = [p for p in persons if p.key not in visitors]
    if len(hosts) != 1 or len(hosts) == len(persons):
        return None
    states = {key for key in represented.get(hosts[0].key, ()) if key.startswith("state:")}
    visiting = _acted_for((p.key for p in persons if p.key in visitors), represented)
    if len(states) != 1 or states <= visiting:
        return None
    key = states.pop()
    named = next((m for m in index.mentions if m.key == key), None)
    return named and replace(named, adjectival=False, metonym=False)


def _subjects_state(candidate: Candidate, represented, visitors: set[str]) -> str | None:
    """'X met here with Y': the state X acts for, where X, not visiting, received Y, who acts for another.
    Not 'X arrived here for talks with Y': X came to Y."""
    subjects = {m.key for m in candidate.subjects if m.type is EntityType.PERSON}
    if candidate.here is None or not subjects or subjects & visitors or _is_arrival(candidate.here.head):
        return None
    states = _acted_for(subjects, represented)
    others = _acted_for((m.key for m in candidate.participants if m.key not in subjects), represented)
    return states.pop() if len(states) == 1 and others and not states & others else None


def _capital_here(word: Token | None, state_key: str | None) -> Mention | None:
    """'X met here with visiting Y' in a wire story whose dateline was cut: "here" is where the host received
    the visitor, which for a head of state or minister is the host's capital; the word is that place's mention."""
    state = load_gazetteer().state_by_code(state_key.partition(":")[2]) if word is not None and state_key else None
    capital = load_gazetteer().capital_of(state)
    return capital and Mention(word.i, word.i + 1, EntityType.PLACE, capital.key, capital.label, state=state_key)


def _is_visiting(doc, person: Mention) -> bool:
    """'visiting French Minister Y', 'visiting senior U.S. officials Y and Z': the words before the name say so."""
    words = load_triggers()["meeting"]["visiting"]
    for token in reversed(doc[max(0, person.start - 8) : person.start]):
        if token.lower_ in words:
            return True
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "CCONJ") and token.lower_ != "of":
            return False
    return False


def _host_stays(candidate: Candidate, met_at: dict[str, Mention]) -> None:
    """'X met Y in Rome': Y is in Rome, where 'his meeting with Y' then takes place."""
    if candidate.place is not None:
        subjects = {s.key for s in candidate.subjects}
        met_at.update({m.key: candidate.place for m in candidate.participants
                      if m.type is EntityType.PERSON and m.key not in subjects})


def _split_separate(candidate: Candidate, token: Token, represented, offices: dict[str, set[str]]) -> list[Candidate]:
    """'X met separately with Y and Z', 'X held talks with Y and Z': one meeting per host, unless said to be together;
    'President Y and Premier Z are to meet X': one meeting per host of one state too."""
    lexicon = load_triggers()["meeting"]
    occasions = [o for c in token.children if c.dep_ == "prep" for o in c.children]  # "on separate occasions"
    separately = any(c.lower_ in lexicon["separately"] for c in token.children) or any(
        a.lower_ == "separate" for o in occasions for a in o.children)
    # "three-way talks", "met A and B and discussed with them"
    together = _and_with_them(token) or any(hyphened_word(t) in lexicon["together"] for t in token.sent)
    subjects = candidate.subjects
    others = [m for m in candidate.participants if m.key not in {s.key for s in subjects}]
    people = [m for m in others if m.type is EntityType.PERSON]
    one_visitor = len(subjects) == 1 and subjects[0].type is EntityType.PERSON and len(people) == len(others)
    welcomed = any(c.dep_ == "agent" for c in token.children)  # "X was met at the airport by A and B": one welcome
    one_each = separately or one_visitor and not together and not welcomed and not _a_counted_group(token, people) and (
        not _a_reigning_couple(people, token.doc))
    if candidate.mode is MeetingMode.MULTILATERAL or not _carried_by_verb(token) or together:
        return [candidate]
    if len(others) >= 2 and one_each:
        return [replace(candidate, participants=subjects + [other], evidence=list(candidate.evidence)) for other in others]
    if separately and len(subjects) >= 2 and len(others) == 1:  # "A and B meet separately with X"
        return [replace(candidate, participants=[subject, *others], subjects=[subject], evidence=list(candidate.evidence))
                for subject in subjects]
    # "A and B are to meet X", but "A and B began a meeting with X" is one
    if token.pos_ == "VERB" and len(people) == len(others) == 1 and len(subjects) >= 2 and (
            _hosts_of_one_state(subjects, people[0], represented, offices)):
        return [replace(candidate, participants=[host, people[0]], subjects=[host], evidence=list(candidate.evidence))
                for host in subjects]
    return [candidate]


def _and_with_them(verb: Token) -> bool:
    """'X met President A and Prime Minister B on Tuesday and discussed with them ...': one meeting of all three."""
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and any(o.lower_ == "them" for o in objects_of(c, ("with",)))
               for c in verb.children)


def _a_reigning_couple(people: list[Mention], doc: Doc) -> bool:
    """'Emperor A and Empress B', 'King A and Queen B': received together."""
    before = [doc[max(m.start - 2, 0) : m.start].text.lower() for m in people]
    return len(people) == 2 and any(all(any(words.endswith(title) for words in before) for title in pair)
                                    for pair in load_triggers()["meeting"]["consort_titles"])


def _a_counted_group(token: Token, people: list[Mention]) -> bool:
    """'met the three members of the coalition, A, B and C': a group counted, then named one by one, met at once."""
    def counted(name: Token) -> bool:
        while name != token and name.head != name:
            name = name.head
            if name.tag_ == "NNS" and any(c.dep_ == "nummod" for c in name.children):
                return True
        return False
    return bool(people) and all(counted(token.doc[m.end - 1]) for m in people)


def _hosts_of_one_state(hosts: list[Mention], guest: Mention, represented, offices: dict[str, set[str]]) -> bool:
    """The hosts act for one state between them (the only one said for any of them), the guest for another."""
    if any(h.type is not EntityType.PERSON for h in hosts):
        return False
    states = {k for h in hosts for k in represented.get(h.key, ()) if k.startswith("state:")}
    return len(states) == 1 and not states & represented.get(guest.key, set()) and _offices_apart(hosts, offices)


def _offices_apart(hosts: list[Mention], offices: dict[str, set[str]]) -> bool:
    """'President A and Premier B': each holds an office of their own, and each receives a guest;
    two envoys, or one whose office is not said, may travel as one delegation."""
    held = [offices.get(h.key, set()) for h in hosts]
    return all(held) and all(not a & b for i, a in enumerate(held) for b in held[i + 1:])


def _carried_by_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or token.dep_ == "dobj" and token.head.pos_ == "VERB"  # "met", "held talks with"


def _gapped(candidate: Candidate, token: Token, index: MentionIndex, published) -> list[Candidate]:
    """'met A in Oslo on Monday and B in Rome on Tuesday': a second meeting whose verb is left out."""
    taken = {m.key for m in candidate.participants}
    hosts = [m for m in candidate.participants if m.type is EntityType.PERSON and m not in candidate.subjects]
    if not _carried_by_verb(token) or not candidate.subjects or not hosts:
        return []
    doc, found, nouns = index.doc, [], load_triggers()["meeting"]["nouns"]
    for i in range(hosts[0].end, token.sent.end):
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].pos_ == "NOUN" and doc[i].lemma_.lower() in nouns:
            break  # a clause or a meeting of its own
        other = _conjoined_person(doc, i, index) if doc[i].lower_ == "and" else None
        if other is None or other.key in taken:
            continue
        end = next((k for k in range(other.end, token.sent.end) if doc[k].lower_ in ("and", ";", ",", ".")), token.sent.end)
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in doc[other.end:end]):
            break  # "... and B said": B starts a clause of its own
        found.append(replace(candidate, participants=[*candidate.subjects, other], evidence=list(candidate.evidence),
                             place=_place_between(index, other.end, end),
                             time=_date_between(doc, other.end, end, published, candidate.status)))
        taken.add(other.key)
    return found


def _conjoined_person(doc, i: int, index: MentionIndex) -> Mention | None:
    """The person after 'and', past 'with' and a title ('and his Italian counterpart B')."""
    j = i + 1
    while j < len(doc) and (index.at(j) is None or index.at(j).adjectival) and (
            doc[j].lower_ in ("with", "his", "her", "the") or doc[j].pos_ in ("ADJ", "NOUN", "PROPN")):
        j += 1
    mention = index.at(j) if j < len(doc) else None
    return mention if mention is not None and mention.type is EntityType.PERSON and j - i <= 6 else None


def _meet_the_host_named_beside(candidate: Candidate, sent, index: MentionIndex, represented) -> None:
    """'Recalling his visit to Kenya in April, X said he agreed with Y on ...': the one person the sentence names
    for the state visited is whom the visitor met there."""
    persons = _persons(candidate)
    others = [m for m in candidate.participants if m.type is not EntityType.PERSON]
    if candidate.mode is not MeetingMode.VISIT or len(persons) != 1 or len(others) > 1:
        return
    state = others[0].key if others else _host_state(candidate.place)
    hosts = {m.key: m for m in index.within(sent.start, sent.end) if m.type is EntityType.PERSON
             and m.key != persons[0].key and state in represented.get(m.key, ()) and _met_or_hosting(m, index)}
    if len(hosts) == 1:  # with no state visited, no one acts for it: hosts is empty
        candidate.participants = persons + list(hosts.values())


def _met_or_hosting(person: Mention, index: MentionIndex) -> bool:
    """A name in a 'with' phrase ("agreed with Y") or whose guest the visitor is ("as the guest of Y"), not one who
    only speaks, nor one who only invited ("at the invitation of Y" says who asked, not whom the visitor met)."""
    token = index.doc[person.end - 1]
    while token.dep_ in ("compound", "appos", "flat", "conj") and token.head is not token:
        token = token.head
    preposition = token.head if token.dep_ == "pobj" else None
    return preposition is not None and (preposition.lower_ == "with" or preposition.lower_ == "of" and (
        preposition.head.lemma_.lower() in load_triggers()["meeting"]["host_nouns"]))


def _place_between(index: MentionIndex, start: int, end: int) -> Mention | None:
    return next((m for m in index.within(start, end) if m.type in (EntityType.PLACE, EntityType.STATE) and not m.adjectival), None)


def _date_between(doc, start: int, end: int, published, status) -> TimeValue | None:
    dates = [e for e in doc.ents if e.label_ == "DATE" and start <= e.start < end]
    if not dates:
        return None
    future = status is Status.PLANNED
    return days_after_the_day_before(dates[0], published, future) or normalize_date(
        dates[0].text, published=published, prefer_future=future)


def _split_tour(candidate: Candidate, token: Token, index: MentionIndex, published) -> list[Candidate]:
    """'X will visit Japan, China and South Korea', 'X's tour of A and B': one visit per country; 'will visit
    Beijing, Shanghai and Guangzhou', one visit to China."""
    places = destinations(token, index)
    visitors = _persons(candidate)
    if candidate.mode is not MeetingMode.VISIT or len(places) < 2 or len(visitors) != 1:
        return []
    if len(places := _one_per_state(places)) == 1:
        return [replace(candidate, place=places[0])]
    routes = routes_of(token)  # "a tour which has taken him to A and will take him to B": a stop's tense is its route's
    route_to = {place.key: next((v for v in index.doc[place.start].ancestors if v in routes), None) for place in places}
    status = {key: candidate.status if route is None else status_of(route, [route]) for key, route in route_to.items()}
    # "flying to A later Wednesday before he heads to B": a route's own date is its stop's
    own = {key: time_of([route], index.doc, published, prefer_future=status[key] is Status.PLANNED)
           for key, route in route_to.items() if route is not None}
    # The tour's date is not any one leg's: each other leg keeps only its month.
    dated = candidate.time or next((t for t in own.values() if t is not None), None)
    month = replace(dated, day=None) if dated and dated.month else dated
    return [replace(candidate, participants=visitors, place=place, time=own.get(place.key) or month, leg=True,
                    evidence=list(candidate.evidence), status=status[place.key])
            for place in places]


def _one_per_state(places: list[Mention]) -> list[Mention]:
    """The states of several places of one state, the other places as they are."""
    by_state: dict[str, list[Mention]] = {}
    for place in places:
        by_state.setdefault(_state_of(place) or place.key, []).append(place)
    return [group[0] if len(group) == 1 else state_mention(group[0].start, group[0].end, key)
            for key, group in by_state.items()]


# Triggers -----------------------------------------------------------------

def _trigger_mode(token: Token) -> MeetingMode | None:
    lexicon = load_triggers()["meeting"]
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and _a_noun_misread(token):  # "a July 1 meeting in Vienna"; "the Masters Series meet"
        noun = token.lower_.removesuffix("s")
        return _noun_mode(token, noun, lexicon) if noun in lexicon["nouns"] else None
    if token.pos_ == "VERB" and lemma in lexicon["verbs"]:
        return None if _names_a_work(token) else _verb_mode(token, lemma, lexicon)
    if token.pos_ == "VERB" and lemma in lexicon["speak_verbs"]:
        return _spoke_with(token, lexicon)
    if token.pos_ == "VERB" and _attends_unnamed(token, lexicon):
        return MeetingMode.IN_PERSON
    if token.pos_ == "VERB" and lemma in lexicon["signing_verbs"] and _signed_together(token):
        return MeetingMode.IN_PERSON
    if token.pos_ in ("NOUN", "PROPN") and lemma in lexicon["nouns"] and not _purpose_of_a_meeting(token):
        return _noun_mode(token, lemma, lexicon)
    return None


def _names_a_work(verb: Token) -> bool:
    """'his new comedy, Meet the Fockers': a capitalised verb after prose opens a title. Not in a headline, whose
    words are capitalised ("Cheney, Edwards to Meet in Ohio", or one glued to its text), nor after a quotation mark
    or colon."""
    if not verb.text[:1].isupper() or verb.is_upper or verb.is_sent_start:
        return False
    start = verb.sent.start
    before = verb.doc[verb.i - 1]
    if before.is_quote or before.text in (":", "-", "--", "(", "["):
        return False
    words = [t for t in verb.doc[start : verb.i] if t.is_alpha]
    return 2 * sum(t.is_lower for t in words) > len(words)


def _a_noun_misread(verb: Token) -> bool:
    """A word the tagger calls a verb that an article or a preposition governs is a noun ("out of the meet"), also
    where the parser hangs the article on a compound before it ("the Masters Series meet")."""
    phrase = [verb, *(c for c in verb.children if c.dep_ == "compound")]
    return verb.dep_ == "pobj" or any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for t in phrase for c in t.children)


def _purpose_of_a_meeting(noun: Token) -> bool:
    """'A met B on Friday for a new round of talks', 'visited Washington for talks with officials': the talks are
    the meeting or visit the verb reports (not "visited Jordan for talks with Y", a meeting the visit was for)."""
    preposition = preposition_of(noun)
    mode = _trigger_mode(preposition.head) if preposition is not None and preposition.lower_ == "for" else None
    return mode is not None and preposition.head.pos_ == "VERB" and (
        mode is not MeetingMode.VISIT or not any(t.ent_type_ == "PERSON" for t in noun.subtree))


def _verb_mode(verb: Token, lemma: str, lexicon: dict) -> MeetingMode | None:
    # Who is visited or received (the object, or the passive subject: not "places that were visited by X"),
    # and by whom (not "greeted by big crowds"); "a dialogue which X hosted" has no whom.
    objects = [relative_antecedent(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects = objects or object_misread(verb)
    agents = agents_of(verb)
    excluded = lexicon["verb_excluding_objects"].get(lemma, ())
    # "met the government's demands", "met many of its targets", "will meet its OPEC cut" (parsed "OPEC [cut]"),
    # "the film met with scathing reviews"
    met = [t for o in objects for t in (o, *objects_of(o, ("of",)), *(c for c in o.children if c.i == o.i + 1))]
    if any(lemma_of(t) in excluded for t in met + objects_of(verb, ("with",))):
        return None
    if lemma in lexicon["verb_needs_object"] and (
            all(map(_names_a_thing, objects or agents)) or agents and all(map(_names_a_thing, agents))):
        return None
    if lemma in lexicon["host_verbs"] and _hosts_a_meeting(verb, lexicon):
        return None  # "hosted a summit", "the talks hosted by X": the meeting noun is the event
    return MeetingMode(lexicon["verbs"][lemma])


def _of_the_press(person: Mention, doc) -> bool:
    """'columnist Ana Rojas', 'Ana Rojas, a reporter for the Daily Planet': someone of the press.

    Not 'spoke to reporters Ana Rojas and ...': a plural noun describes no one person."""
    root = doc[person.end - 1]
    described = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    if person.start:
        described.append(doc[person.start - 1])
    return any(t.tag_ == "NN" and t.lemma_.lower() in load_triggers()["media_nouns"] for t in described)


def _about_sport(sentence) -> bool:
    """'set up a meeting with Roddick', 'in the 17th game': a match between players, no meeting."""
    return _sports_words(sentence) > 0


def _sports_words(tokens, *, story_words: frozenset[str] = frozenset()) -> int:
    """How many sports words, each counted once and as a noun: a story of the Boxing Day tsunami that will "match"
    its donors' generosity is none. ``story_words`` are lemmas counted too (a whole story's count)."""
    words, endings = load_triggers()["sports_words"], _sports_word_endings()
    found = set()
    for t in tokens:
        if t.pos_ == "VERB":
            continue
        lemma = t.lemma_.lower()
        if lemma in story_words:
            found.add(lemma)
        # "semi-finals", which the tokenizer splits: its last part's lemma first, as whole stories are counted
        elif lemma in endings and (word := hyphened_word(t)) in words:
            found.add(word)
    return len(found)


@lru_cache(maxsize=1)
def _sports_word_endings() -> frozenset[str]:
    return frozenset(word.rsplit("-", 1)[-1] for word in load_triggers()["sports_words"])


@lru_cache(maxsize=1)
def _sports_story_words() -> frozenset[str]:
    return frozenset(load_triggers()["sports_story_words"])


def _a_port_call(visit: Token) -> bool:
    """'warship visits between A and B', 'the U.S. Navy's missile destroyer Foster visited Qingdao': ships call at a
    port; nobody meets."""
    vessels = load_triggers()["vessel_nouns"]
    ships = [c for c in visit.children if c.dep_ == "compound"] + [
        t for c in visit.children if c.dep_ in SUBJECTS for t in c.subtree]
    return any(t.lemma_.lower() in vessels for t in ships)


def _a_headline_about_sport(token: Token, index: MentionIndex) -> bool:
    """'Saban meets with Dolphins' above 'LSU head football coach Nick Saban met with ...': a headline says what
    the lead says."""
    doc, end = index.doc, token.sent.end
    return index.in_headline(token.i) and end < len(doc) and _about_sport(doc[end].sent)


def _a_match_in_a_sports_story(token: Token, mode: MeetingMode) -> bool:
    """'She will now meet Venus Williams' in a story about a tournament: players meet in a match, a team's visit is a
    tour ("Wales have not won on their last three visits"), and "their last five meetings" or "the Birmingham
    meeting" are contests. Talks ("in talks with Real Madrid") and meeting with someone are still meetings."""
    meeting = token.pos_ == "VERB" and token.lemma_.lower() == "meet" or (
        token.pos_ == "NOUN" and lemma_of(token) in load_triggers()["sports_match_nouns"])
    contest = meeting and not (has_preposition(token, "with") or has_preposition(token, "between"))
    return (mode is MeetingMode.VISIT or contest) and _a_sports_story(token.doc)


def _a_sports_story(doc: Doc) -> bool:
    """Three words of sport in the story (counted once per story: the doc keeps the answer)."""
    if "sports_story" not in doc.user_data:
        doc.user_data["sports_story"] = _sports_words(doc, story_words=_sports_story_words()) >= 3
    return doc.user_data["sports_story"]


def _noun_mode(noun: Token, lemma: str, lexicon: dict) -> MeetingMode | None:
    needed = lexicon["noun_needs_modifier"].get(lemma)
    if needed and not (_has_modifier(noun, needed) or noun.dep_ == "dobj" and (
            lemma_of(noun.head) in needed or "with" in needed and (
                has_preposition(noun.head, "with") or _named_together(noun.head)))):
        return None  # "had lunch with X": the parser hangs "with" on the verb; "A and B held discussions"
    if _has_modifier(noun, lexicon["noun_excluding_modifier"].get(lemma, [])):
        return None  # "a public meeting" is a rally; "a cabinet meeting", "the annual meeting" a body's own session
    if lemma in lexicon["appeal_nouns"] and _says_for_what(noun) and not _has_modifier(noun, lexicon["phone_words"]):
        return None  # "a call from X for a ceasefire" is an appeal; "a phone call to discuss it" is not
    if _inside_round_of(noun) or _occasion_of_another(noun) or _an_audience(noun, lexicon) or _a_title_s_brief(noun):
        return None
    in_a_title = noun.pos_ == "PROPN" and not noun.is_sent_start
    if lemma in lexicon["occasion_nouns"] and (is_a_speech_at(noun) or in_a_title):
        return None  # a speech at a dinner meets nobody; "BBC's Breakfast with Frost" is a programme
    if _has_modifier(noun, lexicon["bilateral"] + lexicon["in_person_modifiers"].get(lemma, [])):
        return MeetingMode.IN_PERSON  # "their bilateral summit": two sides, not a summit of many; a courtesy call
    return MeetingMode(lexicon["nouns"][lemma])


def _a_title_s_brief(noun: Token) -> bool:
    """'UN envoy for Kosovo status talks', 'the US representative to the six-party talks': what an office is for."""
    preposition = preposition_of(noun)
    if preposition is None or preposition.lower_ not in ("for", "to", "at"):
        return False
    office = preposition.head
    return _inside_a_title(office)


def _inside_a_title(token: Token) -> bool:
    return any(s.start <= token.i < s.end for s in token.doc.spans.get(ROLE_SPANS, []))


def _an_audience(noun: Token, lexicon: dict) -> bool:
    """'addressed a joint meeting of Congress', 'told a meeting of party members', 'told the APEC summit in Chile':
    a speech to a gathering (not "told the meeting with Y", a meeting the speaker had, nor "A and B told a joint
    news conference", which they gave together)."""
    if noun.dep_ != "dobj" or lemma_of(noun.head) not in lexicon["audience_verbs"]:
        return False
    sides_named = has_preposition(noun, "with") or has_preposition(noun, "between")
    joint = any(c.lower_ == "joint" for c in noun.children)
    gathering = noun.lemma_.lower() in load_triggers()["gathering_nouns"] and not (sides_named or joint)
    return gathering or has_preposition(noun, "of")


def _says_for_what(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "for" or c.dep_ in ("acl", "relcl") and is_infinitive(c)
               for c in noun.children)


def _attends_unnamed(verb: Token, lexicon: dict) -> bool:
    """'Also due to attend are A and B': attending the meeting just reported, which the verb does not name."""
    named = any(c.dep_ in ("dobj", "auxpass", "agent") or c.dep_ == "prep" and c.lower_ == "in" for c in verb.children)
    # "the summit, which will be attended by X" belongs to the summit noun
    return verb.lemma_.lower() in lexicon["bare_join_verbs"] and not named and verb.dep_ not in ("relcl", "acl")


def _names_its_city(token: Token, place: Mention) -> bool:
    """'Leaving a Brussels summit': the city before the meeting noun is where it is, not the state whose capital it
    is ("the Doha round" of trade talks is a name, not a place)."""
    city = token.doc[place.end - 1]
    return place.type is EntityType.PLACE and city.dep_ == "compound" and city.head == token and token.lemma_ != "round"


def _hosts_a_meeting(verb: Token, lexicon: dict) -> bool:
    """'hosted a summit', 'the talks hosted by X', 'welcomed X to a summit': the meeting noun is the event."""
    hosted = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
    hosted += objects_of(verb, ("to", "for"))
    return any(t.lemma_.lower() in lexicon["nouns"] for t in hosted)


def _spoke_with(token: Token, lexicon: dict) -> MeetingMode | None:
    lemma = token.lemma_.lower()
    needs = lexicon["speak_verb_needs"].get(lemma, {})
    if needs and not any(c.lemma_.lower() in needs.get(c.dep_, ()) for c in token.children):
        return None  # "exchanged fire", "sat in silence"
    # "discussed the crisis with X": the parser may hang "with" on the object, or deeper in its phrase
    topics = [c for c in token.children if c.dep_ == "dobj"] if lemma in lexicon["discuss_verbs"] else []
    with_someone = has_preposition(token, "with") or any(with_under_topic(t) for t in topics)
    phone = any(w in token.sent.text.lower() for w in lexicon["phone_words"])
    mode = MeetingMode.PHONE if phone else MeetingMode.IN_PERSON
    if not with_someone:
        # "A and B spoke by telephone", "the two talked by phone": both sides are the subject; face to face, only
        # sides named together ("A and B discussed trade"; "they discussed" may be more than the last two named)
        if phone:
            return mode if _joint_subject(token) else None
        return mode if lemma in lexicon["joint_speak_verbs"] and _named_together(token) else None
    return mode


def _named_together(verb: Token) -> bool:
    """'A and B held discussions', 'delegations from A and B started discussions', 'delegations led by A and B
    began discussions': sides named together."""
    def together(name: Token) -> bool:
        return name.pos_ == "PROPN" and any(c.dep_ == "conj" for c in name.children)

    while verb.dep_ == "xcomp" and verb.head.lemma_ != "be" and not any(c.dep_ in SUBJECTS for c in verb.children):
        verb = verb.head  # "are scheduled to begin discussions"
    subjects = [s for s in verb.children if s.dep_ in SUBJECTS]
    groups = [s for s in subjects if s.tag_ == "NNS"]
    senders = [o for s in groups for p in s.children if p.lower_ == "from" for o in p.children]
    leaders = [o for s in groups for c in s.children if c.dep_ == "acl" and leads(c) for o in agents_of(c)]
    return any(map(together, subjects + senders + leaders))


def _signed_together(verb: Token) -> bool:
    """'A and B signed the accord', 'the deal was signed by A and B': two people named together, face to face."""
    signed = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    if any(c.dep_ == "prep" and c.lower_ == "with" for t in signed for c in t.children):
        return False  # "A and B signed contracts with Z": one side
    signers = [c for c in verb.children if c.dep_ == "nsubj"] + agents_of(verb)
    return any(map(_names_two_people, signers))


def _names_two_people(phrase: Token) -> bool:
    """Two people named in one phrase with an "and", however the parser hangs them ("Minister A and Minister B")."""
    words = phrase.doc[phrase.left_edge.i : phrase.right_edge.i + 1]
    return sum(e.label_ == "PERSON" for e in words.ents) >= 2 and any(t.lower_ == "and" for t in words)


def _joint_subject(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return any(any(c.dep_ == "conj" for c in s.children) or s.tag_ == "NNS" or s.lower_ == "they" for s in subjects)


def _has_modifier(token: Token, words: list[str]) -> bool:
    near = [c for c in token.children] + [c for p in token.children if p.dep_ == "prep" for c in p.children]
    return any(hyphened_word(c) in words for c in near) or hyphened_word(token.nbor(-1)) in words if token.i else False


def _occasion_of_another(token: Token) -> bool:
    """'met on the sidelines of the summit': the summit is where they met, not a meeting of theirs."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in load_triggers()["occasion_nouns"]


def _inside_round_of(token: Token) -> bool:
    """'talks' in "a round of talks" belongs to the 'round' trigger."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "round"


# One candidate --------------------------------------------------------------

def _candidate(token: Token, index: MentionIndex, groups, published) -> Candidate | None:
    mode = _trigger_mode(token)
    if mode is None or is_unreal(token) or _about_sport(token.sent) or _a_headline_about_sport(token, index) or (
            _a_match_in_a_sports_story(token, mode)):
        return None
    if mode is MeetingMode.VISIT and _a_port_call(token):
        return None
    if token.lemma_.lower() in load_triggers()["meeting"]["noun_needs_with"] and not has_preposition(token, "with"):
        return None  # "addressed an audience in Beijing"
    anchors = anchors_of(token)
    candidate = Candidate(trigger=token.i, mode=mode, status=status_of(token, anchors))
    counted = _sides_counted(token)  # a meeting named by its make-up is no earlier one
    candidate.anaphoric = token.pos_ != "VERB" and is_definite(token) and not (counted or _another_time(token))
    candidate.ordinal = _ordinal(token)
    candidate.participants, candidate.subjects, candidate.via_anaphora = _participants(token, anchors, index, groups)
    if mode is not MeetingMode.VISIT and len(candidate.participants) < counted:
        # "X said he believed the six-party talks would resume": fewer sides than its name counts are not its sides
        candidate.participants, candidate.subjects = [], []
    if any(_of_the_press(m, index.doc) for m in candidate.participants if m.type is EntityType.PERSON):
        return None  # an interview
    if _a_bodys_own(token, own := [m for m in candidate.participants if m not in candidate.subjects]):
        candidate.mode = MeetingMode.MULTILATERAL  # "the APEC meeting" gathers its members; its host is no side
        candidate.owners = {m.key for m in own}
    candidate.unnamed_side = _names_nobody(token, anchors, index, groups) or _a_team_led_to(token)
    candidate.witnesses = [m for w in witnesses_of(anchors) for m in actors_under(w, index) if m.type is EntityType.PERSON]
    candidate.mediated = _has_modifier(token, load_triggers()["meeting"]["mediated_modifiers"])
    candidate.traveller_unnamed = mode is not MeetingMode.VISIT and not candidate.subjects and bool(journey_for(token))
    candidate.gathers = gathers(token)
    candidate.paired = _paired(token) or bool(_between(token, anchors)) or _subjects_joined(clause_anchor(anchors))
    candidate.told_with_its_sides = candidate.paired and _what_its_clause_tells(token)
    shared = shared_frame(anchors)  # where and when, also from a verb it is coordinated with
    remarks = _remarks_made_at(token)
    reported = reported_right_after(token)  # "X said Sunday in Shanghai after meeting Y": where and when it ended
    ended = clauses_of(token, load_triggers()["closing_verbs"])  # "talks which ended in New Delhi": where they were
    candidate.place = place_of(token, anchors + shared + remarks + ended, index, candidate.participants) or (
        place_of(token, reported, index, candidate.participants) if reported else None)
    if candidate.place is None and token.lemma_.lower() in load_triggers()["meeting"]["noun_needs_destination"]:
        return None  # "her first foreign trip" says nothing of where, or whom she met
    if (place := candidate.place) is not None and _names_its_city(token, place):
        candidate.participants = [m for m in candidate.participants if (m.start, m.end) != (place.start, place.end)]
        # a conference held there ("the London talks"), not a visit, nor talks with someone who came to hold them
        # ("the Washington talks with X")
        candidate.named_for_its_city = candidate.mode is not MeetingMode.VISIT and not has_preposition(token, "with")
    # "X attended the talks" joins them; "X attended the APEC meeting" names its own sides ("the Paris meeting",
    # its city, none)
    own_sides = {m.key for m in candidate.participants} - {m.key for m in candidate.subjects}
    candidate.joins = token.pos_ != "VERB" and not own_sides and _attended(token)
    if token.pos_ == "VERB" and _attends_unnamed(token, load_triggers()["meeting"]):
        candidate.joins = candidate.anaphoric = candidate.attends = True
    candidate.further = not candidate.joins and any(c.lower_ == "also" for a in anchors for c in a.children)
    earlier_stop = candidate.mode is MeetingMode.VISIT and _stop_before_this_one(token)
    # "arrived Wednesday for talks with Y", "arrived Wednesday after a visit to Y": not their day
    arrival = token.head.head if arrived_for(token) or earlier_stop else None
    if _commented_on(token):
        when = [token]  # "Beijing on Thursday criticized the meeting between X and Y": not the meeting's day
    else:
        when = [a for a in anchors if not _is_before(token, a) and (a is token or not calls_off(a)) and a != arrival]
        when += [v for v in shared if not _is_arrival(v)] + _visit_it_is_for(token)
    future = candidate.status in (Status.PLANNED, Status.CANCELLED)
    candidate.time = days_from_its_neighbour(token, index.doc, published, prefer_future=future) or time_of(
        when, index.doc, published, prefer_future=future)
    if candidate.time is None and remarks and (said := _reports_before(token.sent)):
        candidate.time = time_of(said, index.doc, published, prefer_future=future)
    if candidate.time is None and reported:
        candidate.time = time_of(reported, index.doc, published, prefer_future=future)
    if (new_date := new_date_of(anchors)) is not None:
        candidate.time = normalize_date(new_date.text, published=published, prefer_future=True)  # "put off until X"
    candidate.dated = candidate.time is not None or is_dated(when, index.doc)
    candidate.under_way = candidate.mode is MeetingMode.VISIT and _is_under_way(token)
    candidate.next_in_line = _told_as_next(anchors)
    candidate.leg = earlier_stop
    if candidate.status in (None, Status.OCCURRED) and candidate.time and published and (
            _later_than(candidate.time, published)):
        # "X's December 7-9 visit was ..." in a story of December 4: still to come; "his talks earlier this
        # month" are not
        candidate.status = Status.PLANNED
    elif candidate.status is Status.OCCURRED and set_off_for(preposition_of(token)) and (
            candidate.time and published and candidate.time.iso() == published.isoformat()):
        candidate.status = Status.PLANNED  # "X headed for Jordan on Wednesday for talks with Y", told that Wednesday
    return candidate


def _stop_before_this_one(visit: Token) -> bool:
    """'X arrived here Thursday after a state visit to Britain': a visit that ended before the journey here,
    one stop of a tour, not the talks held here."""
    arrival = done_after(visit)
    return arrival is not None and lemma_of(arrival) in load_triggers()["meeting"]["arrival_verbs"]


def _visit_it_is_for(verb: Token) -> list[Token]:
    """'will visit Japan from April 14 to meet A and B': the meetings a visit is for start when it does."""
    visit = verb.head
    purpose = verb.pos_ == "VERB" and verb.dep_ == "advcl" and is_infinitive(verb)
    return [visit] if purpose and visit.pos_ == "VERB" and _trigger_mode(visit) is MeetingMode.VISIT else []


def _journey(token: Token, index: MentionIndex, published, represented) -> Candidate | None:
    """'X arrived in Lima', 'X will leave for Lima': an official who travels to another state visits it (``token`` a
    verb)."""
    lexicon = load_triggers()["meeting"]
    lemma = token.lemma_.lower()
    if lemma not in lexicon["travel_verbs"] or is_unreal(token) or any(
            hyphened_word(o) in lexicon["private_journeys"]["words"] for o in objects_of(token, ("for",))):
        return None
    places = travel_destinations(token, index)
    people = _travellers(token, index)
    host = _state_of(places[0]) if places else None
    if not people or host is None or any(not represented.get(p.key) or host in represented[p.key] for p in people):
        return None
    anchors = anchors_of(token)
    status = status_of(token, anchors)
    leaving = lemma in lexicon["departure_verbs"]
    present = token.tag_ in ("VBZ", "VBP") and not index.in_headline(token.i)  # headlines tell the past so
    if status in (None, Status.OCCURRED) and (present and (leaving or is_dated(anchors, index.doc))
                                              or token.head.lower_ == "about"):
        # "X leaves for Japan on Saturday", "X flies into Tokyo on Monday", "X is about to leave for Turkey"
        status = Status.PLANNED
    # The day one arrives or flies in is the visit's first; the day one leaves (or the lead's) is none of its days.
    future = status in (Status.PLANNED, Status.CANCELLED)
    time = None if leaving else time_of(anchors, index.doc, published, prefer_future=future)
    return Candidate(trigger=token.i, mode=MeetingMode.VISIT, participants=people, subjects=people, place=places[0],
                     time=time, dated=leaving or time is not None or is_dated(anchors, index.doc), status=status)


def _travellers(verb: Token, index: MentionIndex) -> list[Mention]:
    """Who travels: the verb's subject, or that of the verb it completes ("was scheduled to leave for X")."""
    subjects = [relative_antecedent(c) for c in verb.children if c.dep_ in SUBJECTS] or infinitive_subjects(verb) or (
        subjects_above(verb) if verb.dep_ in ("xcomp", "conj") else [])
    return [m for c in subjects for m in actors_under(c, index) if m.type is EntityType.PERSON]


def _remarks_made_at(token: Token) -> list[Token]:
    """'X made the remarks to reporters in Ramallah when holding talks with Y': the verb of remarks made at the
    meeting, whose place is the meeting's, and whose day is that of the sentence before that reports them. The
    remarks come too: the parser hangs "in Ramallah" on them as often as on the verb."""
    nouns = load_triggers()["remark_nouns"]
    made = token
    while made.dep_ in ("pobj", "dobj", "prep", "advcl", "pcomp") and (
            made == token or made.pos_ != "NOUN" or lemma_of(made) in nouns):
        made = made.head  # through "when holding", "in", "the remarks in"; not through "a question on his visit"
    remarks = [c for c in made.children if c.dep_ == "dobj" and lemma_of(c) in nouns]
    return [made, *remarks] if lemma_of(made) == "make" and any(map(is_definite, remarks)) else []


def _reports_before(sentence) -> list[Token]:
    """The reporting verbs of the sentence before ("X said on Tuesday that ...")."""
    if sentence.start == 0:
        return []
    return [t for t in sentence.doc[sentence.start - 1].sent if lemma_of(t) in load_triggers()["report_verbs"]]


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "last", "next", "latest", "previous")


def _a_bodys_own(token: Token, participants: list[Mention]) -> bool:
    """'the APEC meeting', 'OPEC's meeting', 'a meeting of the Arab League': named by the body that holds it."""
    if token.pos_ == "VERB" or not participants or any(m.type is not EntityType.ORGANIZATION for m in participants):
        return False
    owners = [c for c in token.children if c.dep_ in ("compound", "poss", "nmod")]
    owners += [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    named = {t.i for o in owners for t in o.subtree}
    return all(named.intersection(range(m.start, m.end)) for m in participants)


def _sides_counted(token: Token) -> int:
    """'the six-party talks', 'the four-nation summit': how many sides a meeting named by its make-up has; 0 for
    a meeting not so named (and 1 for a number not read)."""
    nouns = load_triggers()["party_count_nouns"]
    numbers = [n.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.lemma_.lower() in nouns
               for n in c.children if n.dep_ == "nummod"]
    return next((int(n) if n.isdigit() else NUMBER_WORDS.get(n, 1) for n in numbers), 0)


def _another_time(token: Token) -> bool:
    """'the last summit', 'the next meeting': not the one the article has been telling of."""
    return any(c.dep_ == "amod" and c.lower_ in ("last", "previous", "past", "earlier", "next") for c in token.children)


def _ordinal(token: Token) -> str | None:
    """'the first meeting' and 'the second meeting' are two meetings."""
    words = [c.lower_ for c in token.children if c.dep_ in ("amod", "nummod")]
    if token.head.lemma_ == "of" and token.head.head.lemma_.lower() == "round":
        words += [c.lower_ for c in token.head.head.children if c.dep_ == "amod"]
    return next((w for w in words if w in _ORDINALS[:5]), None)


def _attended(token: Token) -> bool:
    """'X also attended the talks', 'X took part in the summit', 'X said at the summit', 'X opened the talks': the
    verb adds X to the meeting."""
    lexicon = load_triggers()["meeting"]
    joining, speaking = lexicon["join_verbs"], lexicon["speak_at_verbs"]
    preposition = preposition_of(token)
    if token.dep_ == "dobj":
        verb = token.head
        # "opened the meeting to the press" lets others in
        verbs = joining if has_preposition(verb, "to") else [*joining, *speaking["object"]]
    elif preposition is not None and preposition.lower_ in ("in", "at"):
        verb = preposition.head
        verbs = joining if preposition.lower_ == "in" else speaking["at"]
    else:
        return False
    if verb.lower_ == "part":  # "took part in": the preposition hangs on "part"
        verb = verb.head
    took_part = verb.lemma_.lower() == "take" and any(c.lower_ == "part" for c in verb.children)
    return ("take part" if took_part else verb.lemma_.lower()) in verbs


def _later_than(time: TimeValue, published: dt.date) -> bool:
    """Later than the story at the time's own precision, as the shapes compare ("2006-12" is not after Dec. 4)."""
    iso = time.iso() if time.resolved else ""
    return bool(iso) and iso > published.isoformat()[: len(iso)]


# Arguments ------------------------------------------------------------------

def _participants(token, anchors, index: MentionIndex, groups) -> tuple[list[Mention], list[Mention], bool]:
    found: dict[str, Mention] = {}
    subjects: list[Mention] = []
    owners: list[Mention] = []  # whom "her" in "her tour" names
    stand_ins: list[Mention] = []  # the state of an unnamed subject, "the UK chancellor"
    via_anaphora = False
    roots = participant_roots(token, anchors)
    commented = _commented_on(token) or _absent_from(token)
    if commented:
        roots = [r for r in roots if r.dep_ not in SUBJECTS]
    # A verb's missing subject is its governor's ("agreed to meet"); a noun's, only when neither it nor the meeting
    # it is a round of names its sides ("a round of talks between A and B ..., X said": X is no side).
    if not commented and not any(r.dep_ in SUBJECTS for r in roots) and (
            token.pos_ == "VERB" or not any(_names_its_sides(a, roots, index) for a in anchors if a.pos_ == "NOUN")):
        verb = clause_anchor(anchors)
        above = subjects_above(verb, trigger=token)
        roots += above
        if not above and (person := _person_just_before(verb, index)) is not None:
            joined = _joined_with(person, verb, index)
            subjects += joined
            found.update((m.key, m) for m in joined)
    for root in roots:
        thing = _names_a_thing(root)
        if token.pos_ == "VERB" and root.dep_ == "dobj" and thing:
            continue  # "will host Mr Brown's speech": whose speech it is, not whom the host receives
        mentions = actors_under(root, index)
        if thing:  # "met with U.S. Air Force employees": people nobody names, not their state
            mentions = [m for m in mentions if m.type not in (EntityType.STATE, EntityType.PLACE) or m.end > root.i]
        if not any(m.type is EntityType.PERSON for m in mentions) and (person := _named_after_comma(root, index)):
            mentions = [person]
        mentions = _whom_a_visit_names(token, root, mentions)
        mentions = _pronoun_joined_with(root, mentions, groups, index) + mentions
        qualifiers = _qualifying_states(root, index)
        if {m.key for m in mentions} <= qualifiers and (group := _antecedent(root, groups, index, qualifiers)):
            mentions, via_anaphora = group, True
            if root.dep_ in SUBJECTS and {m.key for m in mentions} <= found.keys() - {m.key for m in subjects}:
                # "he" is not the other side already found: "Speaking with Y, with whom he held talks, X said": X;
                # "X arrived on Monday. After talks with Y, he said": X, named in that sentence or the one before,
                # when Y is the only side found
                mentions = (_sentence_subject_after(root, index) or len(found) == 1 and _latest_person(
                    root, index, other_than=found.keys(), since=sentence_before(index.doc, root.i)) or mentions)
        elif not mentions:
            mentions = _state_of_unnamed_holder(root, index, qualifiers)
        if root.dep_ in SUBJECTS:
            subjects += mentions
            stand_ins += mentions if {m.key for m in mentions} <= qualifiers else []
        elif root.dep_ == "poss" and root.head == token and token.pos_ != "VERB":
            people = [m for m in mentions if m.type is EntityType.PERSON]
            subjects += people  # "X's talks with Y": X acts
            owners += people if root.pos_ == "PRON" else []
        for mention in mentions:
            found.setdefault(mention.key, mention)
    if owners and stand_ins:
        # "On the fourth day of her tour of Kenya, the UK chancellor said": "her" is the chancellor, who was named
        # before; her state is no side of the visit
        found = {key: m for key, m in found.items() if m not in stand_ins}
        subjects = [m for m in subjects if m not in stand_ins]
    if not subjects and (visitors := _visitor_as_object(token, index) or _protagonist_of_a_with(token, roots, index)):
        subjects += visitors
        found.update({m.key: m for m in visitors})
    for mention in _after_bare_with(token, index) + hyphen_joined_states(token, index):
        found.setdefault(mention.key, mention)
    if len([m for m in found.values() if m.type is EntityType.PERSON]) < 2 and groups.people and _refers_back(token):
        # "the ministers' meeting will be followed by a summit of A and B": the meeting named before them is not theirs
        for mention in groups.latest_people(before=token.i) or []:
            found.setdefault(mention.key, mention)
        via_anaphora = True
    return list(found.values()), subjects, via_anaphora


def _whom_a_visit_names(token: Token, root: Token, mentions: list[Mention]) -> list[Mention]:
    """'visited Urumqi', 'visit U.S. service members': a visit's object says where, or of which state, not whom."""
    if root.dep_ == "dobj" and token.lemma_.lower() in load_triggers()["meeting"]["stay_verbs"]:
        return [m for m in mentions if m.type is EntityType.PERSON]
    return mentions


def _sentence_subject_after(pronoun: Token, index: MentionIndex) -> list[Mention]:
    """The person the pronoun's sentence is about, named after it as the subject of its main verb."""
    if pronoun.lower_ not in load_triggers()["anaphora"]["singular_pronouns"]:
        return []
    root = pronoun.sent.root
    return [m for c in root.children if c.dep_ in SUBJECTS and c.i > pronoun.i
            for m in actors_under(c, index) if m.type is EntityType.PERSON]


def _named_after_comma(root: Token, index: MentionIndex) -> Mention | None:
    """'to meet the Vatican head of government, Secretary of State X': the name after the comma, which the
    parser may hang elsewhere, is who the common noun is."""
    doc = index.doc
    comma = root.right_edge.i + 1
    if root.pos_ != "NOUN" or root.dep_ not in ("dobj", "pobj") or comma >= len(doc) or doc[comma].text != ",":
        return None
    titles = [t for t in doc.spans.get(ROLE_SPANS, []) if t.start == comma + 1]
    start = max((t.end for t in titles), default=comma + 1)
    person = index.at(start) if start < len(doc) else None
    if person is None or person.type is not EntityType.PERSON or person.start != start:
        return None
    after = doc[person.end] if person.end < len(doc) else None
    return person if after is None or after.text in (".", ",", ";") else None  # the name closes the phrase


def _names_a_thing(noun: Token) -> bool:
    """A common noun that is no person, group or office ("speech", "award"), not "members of a delegation",
    "the head of state" or "president"; or a name with "a" before it ("received an Oscar")."""
    if noun.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return True
    if noun.pos_ != "NOUN" or noun.ent_type_ or _inside_a_title(noun):
        return False
    cues = load_triggers()["anaphora"]
    return noun.lemma_.lower() not in {*cues["representative_nouns"], *cues["plural_nouns"], *cues["state_nouns"],
                                       *cues["people_nouns"]}


def _names_its_sides(noun: Token, roots: list[Token], index: MentionIndex) -> bool:
    """'talks between A and B' (even when the parser finds only one of them), 'X's visit to Russia', 'her trip to
    Israel', 'their meeting with Y'."""
    # "her trip ... was a success, X said", "Y's visit was part of regular contact, X said": the owner, not the
    # speaker, is the visitor
    owned = noun.dep_ in SUBJECTS and any(c.dep_ == "poss" for c in noun.children)
    named = _sides_named(roots, index) + owned
    own_sides = names_own_sides(noun) and not _nobody_named_between(noun, index)
    return named >= 2 or own_sides or is_theirs(noun) or named == 1 and bool(destinations(noun, index))


def _nobody_named_between(noun: Token, index: MentionIndex) -> bool:
    """'A and B agreed to hold talks between working-level military officers': people nobody names, and who point
    back to no one ("the two sides"), leave the talks' sides to the clause."""
    objects = [c for o in objects_of(noun, ("between",)) for c in (o, *o.conjuncts)]
    return bool(objects) and all(o.pos_ == "NOUN" and not is_definite(o) and not actors_under(o, index) for o in objects)


def _commented_on(token: Token) -> bool:
    """'X dismissed the planned talks as pointless', 'A and B welcomed the resumption of the talks', 'X protested
    over a visit', 'the army intercepted his phone calls': who judges or overhears a meeting is no side of it (one who
    judges talks with someone is: "X welcomed talks with Y")."""
    carrier = phase_of(token)
    lexicon = load_triggers()["meeting"]
    topic = lexicon["topic_prepositions"]
    if carrier.dep_ == "pobj" and carrier.head.lower_ in topic["words"] and (
            lemma_of(carrier.head.head) not in topic["unless_after"]):
        return True  # "a row with Singapore over a visit by X", "protested against the talks"
    at = carrier.head if carrier.dep_ == "pobj" and carrier.head.lower_ == "at" else None
    if at is not None and any(lemma_of(t) in lexicon["reaction_nouns"] for t in (at.head, *at.head.children)):
        return True  # "voiced indignation at a meeting between X and Y", the parser hanging "at" on either word
    if told_of(carrier):
        return True  # "said at a news conference on X's visits"
    verb = lemma_of(carrier.head) if carrier.dep_ == "dobj" else None
    return verb in lexicon["overhear_verbs"] or verb in lexicon["comment_verbs"] and not has_preposition(token, "with")


def _absent_from(token: Token) -> bool:
    """'X, who was not at the meeting, ...': the meeting was held, without X."""
    carrier = phase_of(token)
    return carrier.dep_ == "pobj" and carrier.head.lower_ == "at" and any(
        c.dep_ == "neg" for c in carrier.head.head.children)


def _visitor_as_object(token: Token, index: MentionIndex) -> list[Mention]:
    """'Newspapers rapped X on the eve of his visit to Y': when no one named acts, the visitor is the one acted on."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in load_triggers()["meeting"]["stay_nouns"]:
        return []
    for verb in (t for t in token.ancestors if t.pos_ == "VERB"):
        if _people_under(verb, SUBJECTS, index):
            return []
        if objects := _people_under(verb, ("dobj",), index):
            return objects
    return []


def _protagonist_of_a_with(token: Token, roots: list[Token], index: MentionIndex) -> list[Mention]:
    """'A meeting with X was scheduled for Monday': the other side is whom the story follows, the latest
    person who was a subject before."""
    if token.pos_ != "NOUN" or not roots or any(r.head.lower_ != "with" or r.head.head != token for r in roots):
        return []
    if token.dep_ == "dobj" and token.head.dep_ in ("relcl", "acl") and is_infinitive(token.head):
        return []  # "the deal to open talks with X": whoever the deal is of, not whom the story follows
    doc = index.doc
    earlier = [m for m in index.before(token.i, type=EntityType.PERSON) if doc[m.end - 1].dep_ in SUBJECTS]
    named = {m.key for r in roots for m in actors_under(r, index)}
    return [earlier[-1]] if earlier and earlier[-1].key not in named else []


def _people_under(verb: Token, deps, index: MentionIndex) -> list[Mention]:
    return [m for c in verb.children if c.dep_ in deps for m in actors_under(c, index) if m.type is EntityType.PERSON]


def _after_bare_with(token: Token, index: MentionIndex) -> list[Mention]:
    """'meet with [President A and Premier B]' when the parser hung no object on "with": the names that follow."""
    doc = index.doc
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("with", "between") or any(c.dep_ == "pobj" for c in prep.children):
            continue
        end = prep.i + 1
        while end < prep.sent.end and doc[end].pos_ not in ("VERB", "AUX") and doc[end].text not in (".", ";") and not (
                doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].pos_ == "DET"):
            end += 1
        return [m for m in index.within(prep.i + 1, end) if m.type in (EntityType.PERSON, EntityType.STATE)
                and not m.adjectival]
    return []


def _person_just_before(verb: Token, index: MentionIndex) -> Mention | None:
    """A verb the parser left without a subject ("..., Li Bin, Chinese envoy, met with Y", "..., X of Pakistan has
    said during a visit"): the person just before it, past the verb's own auxiliaries."""
    if verb.pos_ != "VERB" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None  # "a plan adopted at the summit": the participle's subject is the noun it describes
    earlier = [m for m in index.before(verb.i, type=EntityType.PERSON) if m.start >= verb.sent.start]
    if not earlier or any(t.pos_ in ("VERB", "AUX") and not (t.head == verb and t.dep_ in ("aux", "auxpass"))
                          for t in index.doc[earlier[-1].end : verb.i]):
        return None
    return earlier[-1]


def _joined_with(person: Mention, verb: Token, index: MentionIndex) -> list[Mention]:
    """'During his stay in Oslo, A and his counterpart B held talks', parsed with A joined to Oslo: the people
    joined by "and" since the last comma before the verb, the subject it was left without."""
    comma = max((t.i for t in index.doc[verb.sent.start : person.start] if t.text == ","), default=verb.sent.start - 1)
    people = [m for m in index.within(comma + 1, person.start) if m.type is EntityType.PERSON]
    joined = any(t.lower_ == "and" for t in index.doc[comma + 1 : person.start])
    return [*people, person] if people and joined else [person]


def _sides_named(roots: list[Token], index: MentionIndex) -> int:
    return len({m.key for root in roots for m in actors_under(root, index)})


def _names_nobody(token: Token, anchors: list[Token], index: MentionIndex, groups: Discourse) -> bool:
    """Whether the trigger's object or "with" phrase is a common noun naming no actor ("met commanders"),
    not even one named before ("discussed it with the king"), or such a noun is joined to a named subject."""
    cues = load_triggers()["anaphora"]
    roots = participant_roots(token, anchors)
    for root in roots:
        if root.head != token and not (root.head.lower_ == "with" and root.head.head in anchors):
            continue  # the carrying verb's own object ("to boost ties") is not the other side
        refers_back = root.lemma_.lower() in cues["plural_nouns"] + cues["state_nouns"] and _points_back(root)
        # "two local councillors met X", "X's deputy met Y" (not "the king met X": a description points back; nor
        # "Trump met X", a name the parser took for a noun)
        own_subject = root.dep_ == "nsubj" and root.head == token and root.is_lower and (
            not is_definite(root) or is_someone_elses(root))
        if root.dep_ in SUBJECTS and not own_subject or root.pos_ != "NOUN" or refers_back:
            continue
        actors = _whom_a_visit_names(token, root, actors_under(root, index))
        if (root.dep_ in ("dobj", "nsubj") or root.head.lower_ == "with") and not (
                actors or _antecedent(root, groups, index)
                or _state_of_unnamed_holder(root, index, _qualifying_states(root, index))):
            return True
    subjects = [r for r in roots if r.dep_ in SUBJECTS] or subjects_above(clause_anchor(anchors), trigger=token)
    return _unnamed_beside_a_side(subjects + _between(token, anchors), index, groups)


def _a_team_led_to(token: Token) -> bool:
    """'A and B will lead a US team for the first meeting of the dialogue': those who lead one delegation to a
    meeting are one side of it."""
    preposition = preposition_of(token)
    if preposition is None or preposition.lower_ not in ("for", "to"):
        return False
    verb, groups = preposition.head, load_triggers()["anaphora"]["led_group_nouns"]
    return lemma_of(verb) in load_triggers()["meeting"]["leading_verbs"] and any(
        c.dep_ == "dobj" and lemma_of(c) in groups for c in verb.children)


def _between(token: Token, anchors: list[Token]) -> list[Token]:
    """'talks between A and the rebels', also where the parser hangs "between" on a verb the trigger hangs on."""
    return [o for a in [token, *anchors] for o in objects_of(a, ("between",))]


def _unnamed_beside_a_side(sides: list[Token], index: MentionIndex, groups: Discourse) -> bool:
    """'The Sudanese government and the Darfur region's rebel groups are due to meet in Abuja', 'talks between the
    Ugandan government and the rebels': sides joined where one names an actor and another is a common noun naming
    none, nor one named before; not one's own ("X and his delegation"). Not a proper noun NER leaves unnamed: in
    "Minister X and Sri Lankan Minister of Trade Y" it is part of a title."""
    def unnamed(noun: Token) -> bool:
        own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
        return noun.pos_ == "NOUN" and not own and not (actors_under(noun, index) or _antecedent(noun, groups, index))

    return any(any(map(unnamed, root.conjuncts)) and actors_under(root, index) for root in sides)


def _antecedent(root: Token, groups: Discourse, index: MentionIndex,
                qualifiers: frozenset[str] = frozenset()) -> list[Mention] | None:
    """What a pronoun or description stands for: "the envoys", "their", "the two nations", "the president".

    ``qualifiers`` are the states a title is qualified by ("the US speaker"): its holder must not hold it for another.
    """
    cues = load_triggers()["anaphora"]
    lower, lemma = root.lower_, root.lemma_.lower()
    plural = root.tag_ == "NNS" or any(c.lower_ in ("both", "two") for c in root.children) or lower in ("both", "two")
    the = any(c.lower_ == "the" for c in root.children)
    if lemma in cues["state_nouns"] and plural:
        return groups.states[-1] if groups.states else None
    if lemma in cues["plural_nouns"] and plural and _of_the_states(root, cues) and groups.states:
        return groups.states[-1]  # "the prime ministers of the two countries": unnamed, so the states
    if (country := _the_country(root, cues)) is not None:
        # "the country's president": that state, its envoy unnamed; "the Iraqi capital": Iraq's, whatever came before
        if own := modifying_states(country, index):
            return [replace(m, adjectival=False, metonym=True) for m in own[:1]]
        states = [m for m in index.before(country.i, type=EntityType.STATE) if not m.adjectival]
        return states[-1:] or None
    # "the envoys", "both leaders" point back; bare "officials" are people the article does not name.
    if lower in cues["plural_pronouns"] or (lemma in cues["plural_nouns"] and plural and _points_back(root)):
        # "A and B during their meeting": the people named together just before; "A told a news conference with
        # B after their meeting": the two people of the sentence, else of it and the sentence before ("A is ready to
        # work with B. The two met ..."), else the last group named together. A description ("the two", "both
        # ministers", not "they") may reach one sentence further, past a quote.
        start = root.sent.start
        if lower in cues["plural_pronouns"] and _bound_to_unnamed_people(root, index):
            return None
        if pair := _the_two_holders(root, groups):
            return pair
        if together := _coordinated(index, start, root.i, EntityType.PERSON):
            return together[-1]
        before = sentence_before(index.doc, root.i)
        further = before if lower in cues["plural_pronouns"] else sentence_before(index.doc, before)
        for first in dict.fromkeys((start, before, further)):
            here = [m for m in index.before(root.i, type=EntityType.PERSON) if m.start >= first]
            here += _described_before(root, groups, index) if first == start else []
            if len({m.key for m in here}) == 2:
                return here
        # a pronoun may point ahead ("Since they met, A and B ..."); a description only back
        people = groups.latest_people(before=None if lower in cues["plural_pronouns"] else root.i)
        if people is None and lower in ("two", "both") and groups.states:
            return groups.states[-1]  # "the leaders of India and Pakistan ... the two met": no one named, the states
        return people
    if lemma in cues["led_group_nouns"] and not plural and the:
        return _leader_of_the_last(root, index)  # "the delegation", after "a delegation headed by X": X
    if lower in cues["singular_pronouns"]:
        if (bound := _clause_subject(root, index)) is not None:
            return bound or None
        return _latest_person(root, index) or None
    # a description points back: "the president" is no one the text has yet to name; a headline's "Iraqi PM" is
    # whom the body then names
    titled = [h for h in groups.holders.get(_title_concept(root), []) if h.start < root.i or index.in_headline(root.i)]
    # "the Italian leader": the one holding it for Italy, else the one holding it for no state said
    holders = [h for h in titled if groups.holder_states.get(h.key, set()) & qualifiers] or [
        h for h in titled if not qualifiers or not groups.holder_states.get(h.key)]
    if len(holders) == 1 and (qualifiers or the):
        return holders  # "the president", "Singaporean President", when the article names one
    if qualifiers and not titled and the and not plural and (person := _untitled_headline_person(index, groups)):
        return [person]  # "Castro Back On His Feet. The Cuban President ...": the one the headline names
    if lemma in cues["descriptor_nouns"] and not plural and not titled and the:
        # "The cleric was due to meet Y", "the veteran diplomat": the person the story is about
        subjects = [m for m in index.before(root.i, type=EntityType.PERSON) if _subject_or_its_owner(index.doc[m.end - 1])]
        return subjects[-1:] or None
    return None


def _untitled_headline_person(index: MentionIndex, groups: Discourse) -> Mention | None:
    """The one person a headline names, when the article gives them no title."""
    named = {m.key: m for m in index.before(index.headline_end, type=EntityType.PERSON)}
    titled = {h.key for holders in groups.holders.values() for h in holders}
    return next(iter(named.values())) if len(named) == 1 and not named.keys() & titled else None


def _described_before(pronoun: Token, groups: Discourse, index: MentionIndex) -> list[Mention]:
    """'The president looks forward to his talks with Y when they meet': the people its sentence describes by a
    title before the pronoun ("the president"), as the article named them."""
    titles = (t for t in index.doc[pronoun.sent.start : pronoun.i] if t.pos_ == "NOUN" and t.lower_ != pronoun.lower_
              and is_definite(t) and _title_concept(t))
    return [m for t in titles for m in _antecedent(t, groups, index) or [] if m.type is EntityType.PERSON]


def _the_two_holders(noun: Token, groups: Discourse) -> list[Mention] | None:
    """'the two presidents', 'both prime ministers': the two people named before with that office, though others
    came between ("A arrived in Sanya, where governor C briefed him; B visited Shenyang. The two presidents ...").
    Not "the two leaders", a word for any office."""
    concept = _title_concept(noun)
    counted = any(c.lower_ in ("two", "both") for c in noun.children)
    holders = [h for h in groups.holders.get(concept, []) if h.start < noun.i] if counted and concept != "Leader" else []
    return holders if len(holders) == 2 else None


def _leader_of_the_last(group: Token, index: MentionIndex) -> list[Mention] | None:
    """The people who lead the last group of the same name introduced before ``group`` ("led by X")."""
    for earlier in reversed(index.doc[: group.i]):
        if earlier.lemma_ == group.lemma_:
            # the parser may hang "headed by X" on the group's "of" phrase ("a delegation of the party headed by X")
            leaders = [m for verb in earlier.subtree if verb.dep_ == "acl" and leads(verb) for m in _led_by(verb, index)]
            if leaders:
                return leaders
    return None


def _led_by(verb: Token, index: MentionIndex) -> list[Mention]:
    """The people a leading verb's agent names ("headed by X and Y")."""
    return [m for agent in agents_of(verb) for m in actors_under(agent, index) if m.type is EntityType.PERSON]


def _latest_person(pronoun: Token, index: MentionIndex, *, other_than: Iterable[str] = (), since: int = 0) -> list[Mention]:
    """Whom "he" stands for, among the people named from token ``since`` on but ``other_than``: the latest person
    named in its sentence, else the person the story is about, the latest one who was a subject."""
    if pronoun.lower_ not in load_triggers()["anaphora"]["singular_pronouns"]:
        return []
    earlier = [m for m in index.before(pronoun.i, type=EntityType.PERSON)
               if m.key not in other_than and m.start >= since and _agrees(pronoun, m, index)]
    here = [m for m in earlier if m.start >= pronoun.sent.start]
    subjects = [m for m in earlier if _subject_or_its_owner(index.doc[m.end - 1]) or _left_as_subject(m, index)]
    return [(here or subjects or earlier)[-1]] if earlier else []


def _left_as_subject(person: Mention, index: MentionIndex) -> bool:
    """'After talks with Y, X also met Z', parsed with X hung on Y: X is the subject its main verb lacks."""
    return _person_just_before(index.doc[person.start].sent.root, index) == person


def _subject_or_its_owner(name: Token) -> bool:
    """A subject, or whose thing the subject is ("X's trip is part of ...; he will meet Y": X; not "X's
    assistants started calling", people who act themselves)."""
    if name.dep_ in SUBJECTS:
        return True
    owned = name.head
    return name.dep_ == "poss" and owned.dep_ in SUBJECTS and _names_a_thing(owned) and not is_someone_elses(owned)


def _clause_subject(pronoun: Token, index: MentionIndex) -> list[Mention] | None:
    """'X did not meet Y during his visit': "his" in a phrase of X's own clause is X, not the Y named last;
    'X added that he planned to meet Y': "he" is X. Empty when that subject names nobody ("the son of X")."""
    for verb in (t for t in pronoun.ancestors if t.pos_ in ("VERB", "AUX")):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < pronoun.i] or (
            [verb.head] if verb.dep_ == "acl" and verb.head.i < pronoun.i else []) or (  # a parser slip: "X, ..., added"
            _subject_after_a_fronted_phrase(pronoun, verb, index))
        if subjects:
            people = [m for c in subjects for m in actors_under(c, index)
                      if m.type is EntityType.PERSON and _agrees(pronoun, m, index)]
            kin = any(map(is_someone_elses, subjects))
            return people[:1] if people or kin else None
    return None


def _pronoun_joined_with(root: Token, named: list[Mention], groups: Discourse, index: MentionIndex) -> list[Mention]:
    """'He and Palestinian leader Y meet separately with Z': "he" is a side too, beside the name joined to it."""
    if not named or root.lower_ not in load_triggers()["anaphora"]["singular_pronouns"] or not any(
            c.dep_ == "conj" for c in root.children):
        return []
    keys = {m.key for m in named}
    return [m for m in _antecedent(root, groups, index) or [] if m.key not in keys]


def _bound_to_unnamed_people(pronoun: Token, index: MentionIndex) -> bool:
    """'Two local councillors who back X met Y ... as they left the meeting': "they" is its clause's subject, people
    the article does not name (an indefinite plural naming no actor), not the two it names in that sentence.
    Not "both parties", who were named before."""
    for verb in (t for t in pronoun.ancestors if t.pos_ in ("VERB", "AUX")):
        if subjects := [c for c in verb.children if c.dep_ in SUBJECTS and c.i < pronoun.i]:
            return all(s.tag_ == "NNS" and s.is_lower and not is_definite(s) and not actors_under(s, index)
                       and not any(c.lower_ == "both" for c in s.children) for s in subjects)
    return False


def _agrees(pronoun: Token, person: Mention, index: MentionIndex) -> bool:
    """'Her trip ..., party spokesman X said': "her" is nobody the article calls "Mr" or "spokesman"."""
    cues = load_triggers()["anaphora"]
    gender = cues["pronoun_genders"].get(pronoun.lower_)
    said = {cues["gender_words"].get(index.doc[m.start - 1].lower_) for m in index.mentions if m.key == person.key and m.start}
    return gender is None or said - {None} <= {gender}


def _subject_after_a_fronted_phrase(pronoun: Token, verb: Token, index: MentionIndex) -> list[Token]:
    """'After his meeting with Y, X said': "his" in a phrase that opens the clause is the subject that follows,
    also when the parser hung X on Y."""
    fronted = pronoun.dep_ == "poss" and any(a.dep_ == "prep" and a.head == verb and a.i < pronoun.i for a in pronoun.ancestors)
    if not fronted:
        return []
    if subjects := [c for c in verb.children if c.dep_ in SUBJECTS and c.i > pronoun.i]:
        return subjects
    left = _person_just_before(verb, index)
    past_the_phrase = left is not None and any(t.text == "," for t in index.doc[pronoun.i : left.start])
    return [index.doc[left.end - 1]] if past_the_phrase else []


def _title_concept(root: Token) -> str:
    """'the prime minister': the concept of the longest title ending at the noun, not of its last word."""
    titles = [t for t in root.doc.spans.get(ROLE_SPANS, []) if t.end == root.i + 1]
    return max(titles, key=len).id_ if titles else load_role_lexicon().get(root.lower_) or load_triggers()[
        "honorific_nouns"].get(root.lower_, "")


def _of_the_states(root: Token, cues: dict) -> bool:
    owners = [c for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    return any(o.lemma_.lower() in cues["state_nouns"] and o.tag_ == "NNS" for o in owners)


def _points_back(noun: Token) -> bool:
    """'the envoys', 'both leaders', 'the two sides' (but not bare 'officials', nor 'the negotiators
    who have been trying to broker a deal': a clause that says which ones introduces them)."""
    if noun.lower_ in ("both", "two") or any(c.lower_ in ("both", "two") for c in noun.children):
        return True
    return is_definite(noun) and not _introduced(noun)


def _introduced(noun: Token) -> bool:
    """'the negotiators who broker the deal': a restrictive clause says which ones (no comma before it);
    'the APEC leaders', 'Brazil's business leaders': a name says whose."""
    return any(c.dep_ == "relcl" and noun.doc[c.left_edge.i - 1].text != ","
               or c.dep_ == "compound" and c.ent_type_ == "ORG" or c.dep_ == "poss" and c.pos_ == "PROPN"
               for c in noun.children)


def _the_country(root: Token, cues: dict) -> Token | None:
    """'the country', or the possessive 'the country's' on a title."""
    for noun in [root, *(c for c in root.children if c.dep_ == "poss")]:
        if noun.lemma_.lower() in cues["state_nouns"] and noun.tag_ == "NN" and any(c.lower_ == "the" for c in noun.children):
            return noun
    return None


def _holders(roles: list[Role], index: MentionIndex) -> dict[str, list[Mention]]:
    first = {}
    for mention in index.mentions:
        first.setdefault(mention.key, mention)
    holders: dict[str, dict[str, Mention]] = {}
    for role in roles:
        if not role.former and role.holder in first:
            # "the minister" may be the article's one defence minister
            for concept in (role.role, *load_role_broader().get(role.role, ())):
                holders.setdefault(concept, {})[role.holder] = first[role.holder]
    honorifics = load_triggers()["honorific_nouns"]
    for mention in first.values():  # "Pope X ... the pontiff": no role, but the title points back all the same
        title = index.doc[mention.start - 1].lower_ if mention.start else ""
        if mention.type is EntityType.PERSON and title in honorifics:
            holders.setdefault(honorifics[title], {})[mention.key] = mention
    return {concept: list(people.values()) for concept, people in holders.items()}


def _holder_states(roles: list[Role]) -> dict[str, set[str]]:
    states: dict[str, set[str]] = {}
    for role in roles:
        if not role.former and role.organization and role.organization.startswith("state:"):
            states.setdefault(role.holder, set()).add(role.organization)
    return states


def _qualifying_states(root: Token, index: MentionIndex) -> frozenset[str]:
    """The states qualifying a definite title ("the US speaker", "the Kenyan president", a wire's "Kenyan
    President will also ...")."""
    # headlines drop articles: "Iraqi PM meets Putin"
    definite = any(c.lower_ == "the" for c in root.children) or (
        (root.pos_ == "PROPN" or index.in_headline(root.i)) and not any(c.dep_ == "det" for c in root.children))
    if not _title_concept(root) or not definite:
        return frozenset()
    named = frozenset(m.key for m in modifying_states(root, index))
    return named or frozenset(key for c in root.children if c.dep_ in ("compound", "amod")
                              for key in _states_of_a_demonym_tail(c.text))


@lru_cache(maxsize=None)
def _states_of_a_demonym_tail(word: str) -> frozenset[str]:
    """'the Korean premier': "Korean" alone is no state's demonym, but ends the demonyms of both Koreas; a holder
    of either qualifies."""
    if not word[:1].isupper() or load_gazetteer().find_state_by_demonym(word) is not None:
        return frozenset()
    return frozenset(s.key for s in load_gazetteer().states for d in s.demonyms if d.endswith(f" {word}"))


def _state_of_unnamed_holder(root: Token, index: MentionIndex, qualifiers: frozenset[str]) -> list[Mention]:
    """'talks with the Sudanese president' in an article naming no Sudanese president: Sudan stands for them."""
    if len(qualifiers) != 1:
        return []
    states = [m for m in index.within(root.left_edge.i, root.i) if m.key in qualifiers]
    return [replace(m, adjectival=False, metonym=True) for m in states[:1]]


def _refers_back(token: Token) -> bool:
    """A trigger whose own phrase names nobody but points back ("the envoys agreed during the meeting")."""
    cues = load_triggers()["anaphora"]
    return any(t.lemma_.lower() in cues["plural_nouns"] and t.tag_ == "NNS" and t.i != token.i and is_definite(t)
               and not _introduced(t) and not _of_the_states(t, cues) for t in token.subtree) or any(
        c.dep_ == "poss" and c.lower_ in cues["plural_pronouns"] for c in token.children)


def _coordinated(index: MentionIndex, start: int, end: int, kind: EntityType) -> list[list[Mention]]:
    """People (or states) named together ("A and B", "A, B and C"): what "they" will refer to."""
    doc = index.doc
    people = [m for m in index.within(start, end) if m.type is kind and not m.adjectival]
    groups, current = [], people[:1]
    for previous, mention in zip(people, people[1:]):
        between = doc[previous.end : mention.start]
        if _joins(between):
            current.append(mention)
        else:
            if len(current) >= 2:
                groups.append(current)
            current = [mention]
    if len(current) >= 2:
        groups.append(current)
    return groups


def _joins(between) -> bool:
    """'A and B', 'A, B', 'A of X and B', 'A and Palestinian president B': one group."""
    words = [t for t in between if not t.is_space]
    if not words or len(words) > 7 or not any(t.lower_ in ("and", ",") for t in words):
        return False
    return all(t.lower_ in ("and", ",", "of", "the") or t.pos_ in ("ADJ", "PROPN", "NOUN", "DET") and t.tag_ != "POS"
               for t in words)


# Merging and output ---------------------------------------------------------

def _represented_states(roles: list[Role], index: MentionIndex) -> dict[str, set[str]]:
    """Which states and bodies each person acts for: each body they serve or served, and its state."""
    state_of = {m.key: m.state for m in index.mentions if m.state}
    represented: dict[str, set[str]] = {}
    for role in roles:
        if role.organization:
            represented.setdefault(role.holder, set()).add(role.organization)
            if state := state_of.get(role.organization):
                represented[role.holder].add(state)
    return represented


def _offices(roles: list[Role]) -> dict[str, set[str]]:
    """The offices each person holds, by concept."""
    offices: dict[str, set[str]] = {}
    for role in roles:
        offices.setdefault(role.holder, set()).add(role.role)
    return offices


def _merge_into(merged: list[Candidate], candidate: Candidate, represented) -> None:
    passed_other_kinds = passed_its_kind = False
    for earlier in reversed(merged):
        same_kind = _same_kind(earlier, candidate)
        if (same_kind or not passed_other_kinds) and _compatible(earlier, candidate, represented) and (
                not passed_its_kind or _same_sides(earlier, candidate)):
            _absorb(earlier, candidate)
            return
        if candidate.anaphoric and earlier.status == candidate.status:
            # A definite mention ("the visit", "the talks") refers to the latest event of its kind only,
            # if that names anyone ("'This was a short meeting,' said X" does not); one that names both its
            # sides ("before her meeting with Barroso") or its place ("his visit ... to Laos") may be an
            # earlier one between exactly them.
            if earlier.mode is candidate.mode and earlier.participants:
                if len(_keys(candidate)) < 2 and candidate.place is None:
                    break
                passed_its_kind = True
            passed_other_kinds = True
    merged.append(candidate)


def _keys(c: Candidate) -> set[str]:
    return {m.key for m in c.participants}


def _same_sides(a: Candidate, b: Candidate) -> bool:
    return a.mode is b.mode and _keys(a) == _keys(b)


def _same_kind(earlier: Candidate, later: Candidate) -> bool:
    """'X told visiting President Y ... At the meeting, X said': a visit's talks are a meeting in person,
    for a later mention that names no side the visit does not have."""
    if earlier.mode is later.mode:
        return True
    return {earlier.mode, later.mode} == {MeetingMode.VISIT, MeetingMode.IN_PERSON} and _keys(later) <= _keys(earlier)


def _compatible(a: Candidate, b: Candidate, represented) -> bool:
    if b.attends:  # "X will attend": whatever the tense, the latest meeting said
        return _joinable(a, b) and not a.unnamed_side
    if a.status and b.status and a.status != b.status and not (_called_off(a, b) or _told_ahead(a, b, represented)) or (
            a.unnamed_side or b.unnamed_side):
        return False
    if a.ordinal and b.ordinal and a.ordinal != b.ordinal or b.further and _keys(b) - _keys(a):
        return False
    if (a.mode is MeetingMode.MULTILATERAL) != (b.mode is MeetingMode.MULTILATERAL):
        return False  # a summit is not one of the meetings held on its sidelines
    if (a.mode is MeetingMode.PHONE) != (b.mode is MeetingMode.PHONE) and not (a.anaphoric or b.anaphoric):
        return False  # "agreed in a phone call to meet": the call is not the meeting
    same_sides = _keys(a) == _keys(b) or _sides_with_host(a) == _sides_with_host(b)
    if a.place and b.place and not _may_be_same_place(a.place, b.place, same_sides=same_sides):
        return False
    if (a.leg or b.leg) and not (a.place and b.place):
        return False  # which stop of a tour an unplaced visit was, the text does not say
    if a.time and b.time and not a.time.compatible(b.time):
        return False
    # "the talks" with no actors of its own is the latest matching event; "X attended the talks" adds X to it;
    # "The meeting will be held in Hanoi. A and B will co-chair the meeting": A and B, the subjects of its verb,
    # are the sides the meeting lacked.
    return _same_participants(a, b, represented) or b.anaphoric and (
        not b.participants or _joinable(a, b) or not a.participants and (
            b.gathers or a.anaphoric and _sides_are_subjects(b)))


def _sides_with_host(c: Candidate) -> set[str]:
    """Its sides' keys, a visit's host state among them: it joins a visit's sides only once the merge is done."""
    host = _host_state(c.place) if c.mode is MeetingMode.VISIT else None
    return _keys(c) | ({host} if host else set())


def _sides_are_subjects(c: Candidate) -> bool:
    """All the sides a mention names act in its clause; a visit's host, where it goes, never does."""
    return c.mode is not MeetingMode.VISIT and _keys(c) <= {m.key for m in c.subjects}


def _may_be_same_place(a: Mention, b: Mention, *, same_sides: bool = False) -> bool:
    """'Talks in Beijing' may be those 'at the Great Hall': a building lies in a city of its state.
    Between the same sides, 'talks in Hanoi' may also be those of 'the visit to Vietnam'."""
    if a.key == b.key:
        return True
    if a.venue and b.venue:  # "the White House residence" is in "the White House"
        inner, outer = sorted((a.name.lower(), b.name.lower()), key=len, reverse=True)
        return inner.startswith(outer + " ")
    if a.venue == b.venue:
        return same_sides and any(x.type is EntityType.PLACE and y.type is EntityType.STATE and x.state == y.key
                                  for x, y in ((a, b), (b, a)))
    venue, other = (a, b) if a.venue else (b, a)
    return venue.state is None or venue.state in (other.key, other.state)


def _joinable(a: Candidate, b: Candidate) -> bool:
    """'X also attended the talks' joins the latest talks of the same kind that already have their sides;
    'also due to attend are X and Y', the latest meeting that has at least its host."""
    if not b.joins:
        return False
    if b.attends:
        return a.mode in (MeetingMode.IN_PERSON, MeetingMode.MULTILATERAL) and len(a.participants) >= 1
    return a.mode is b.mode and len(a.participants) >= 2


def _called_off(planned: Candidate, later: Candidate) -> bool:
    """'Talks had been scheduled for May, but the talks were put off': the plan was cancelled."""
    return planned.status is Status.PLANNED and later.status is Status.CANCELLED and later.anaphoric


def _told_ahead(held: Candidate, later: Candidate, represented) -> bool:
    """'X met Y on Thursday ... During the meeting, X and Y are to discuss Z': the dated meeting, told as it was
    announced (not 'the talks will resume next month', which has a day of its own); 'X arrived in Cairo on
    Wednesday on a visit. X would hold talks with Egyptian officials': talks with the host the visit is for."""
    if held.status is not Status.OCCURRED or held.time is None or later.status is not Status.PLANNED or later.time:
        return False
    if held.mode is MeetingMode.VISIT and held.place is not None:  # its host state, before it joins the sides
        # the body a visitor leads ("the leader of Hamas X arrived") is no side of its own
        sides = _keys(held) - _acted_for(_people(held), represented)
        return _keys(later) in (sides, sides | {_state_of(held.place)})
    return later.anaphoric and _keys(held) == _keys(later)


def _persons(c: Candidate) -> list[Mention]:
    return [m for m in c.participants if m.type is EntityType.PERSON]


def _people(c: Candidate) -> set[str]:
    return {m.key for m in _persons(c)}


def _acted_for(keys: Iterable[str], represented) -> set[str]:
    """The states and bodies the people ``keys`` name act for."""
    return set().union(*(represented.get(key, set()) for key in keys))


def _actors(c: Candidate) -> tuple[set[str], set[str]]:
    return _people(c), {m.key for m in c.participants if m.type is not EntityType.PERSON}


def _same_participants(a: Candidate, b: Candidate, represented) -> bool:
    (people_a, others_a), (people_b, others_b) = _actors(a), _actors(b)
    if people_a and people_b:
        return people_a <= people_b or people_b <= people_a
    if others_a and others_b:
        return others_a == others_b
    if people_a and not b.anaphoric:
        return False  # "X met Y ... Two rounds of the states' talks had been held last year": other talks
    people, states = (people_a, others_b) if people_a else (people_b, others_a)
    return bool(states) and states <= _acted_for(people, represented)


def _absorb(target: Candidate, other: Candidate) -> None:
    target.participants = _one_per_key(target.participants + other.participants)
    target.place = max(filter(None, (target.place, other.place)), key=_specificity, default=None)
    if not (other.mode is MeetingMode.VISIT and target.mode is not MeetingMode.VISIT):
        # A visit lasts days: the day it began is not that of a meeting held during it.
        target.time = _more_precise(target.time, other.time)
        target.dated = target.dated or other.dated
    target.under_way = target.under_way or other.under_way
    target.status = other.status if _called_off(target, other) else target.status or other.status
    target.ordinal = target.ordinal or other.ordinal
    target.owners |= other.owners
    target.mediated = target.mediated or other.mediated
    target.traveller_unnamed = target.traveller_unnamed or other.traveller_unnamed
    target.here = target.here or other.here
    target.paired = target.paired or other.paired
    target.told_with_its_sides = target.told_with_its_sides or other.told_with_its_sides
    target.witnesses = _one_per_key(target.witnesses + other.witnesses)
    target.via_anaphora = target.via_anaphora and other.via_anaphora
    target.evidence.extend(e for e in other.evidence if e not in target.evidence)


def _one_per_key(mentions: list[Mention]) -> list[Mention]:
    """The last mention of each entity, in the order each entity first comes."""
    return list({m.key: m for m in mentions}.values())


def _specificity(place: Mention) -> tuple[int, int]:
    """A venue before a city before a state; of two venues, the one inside the other ('the White House residence')."""
    return (2, len(place.name)) if place.venue else (0 if place.type is EntityType.STATE else 1, 0)


def _more_precise(a: TimeValue | None, b: TimeValue | None) -> TimeValue | None:
    if a is None or b is None:
        return a or b
    rank = lambda t: (t.resolved, t.day is not None, t.month is not None)  # noqa: E731
    return a if rank(a) >= rank(b) else b


def _sides(c: Candidate, represented) -> list[Mention]:
    """People first: a state or body stays a participant only if no participant acts for it."""
    people = _persons(c)
    covered = _acted_for((p.key for p in people), represented)
    others = [m for m in c.participants if m.type is not EntityType.PERSON and m.key not in covered | c.owners]
    if len(people) >= 2:  # "talks with Turkish leaders, including a meeting with X": the named people are the sides
        # (but "the Saudi leader will meet A and B": the unnamed one who acts is a side)
        acting = {m.key for m in c.subjects}
        others = [m for m in others if not m.metonym or m.key in acting]
    bodies = [m for m in others if m.type is EntityType.ORGANIZATION]
    if len(people) + len(others) - len(bodies) >= 2:
        # "A and B met at the APEC meeting", "talks of Iran with the EU's Britain, France and Germany":
        # a body named beside two sides is their forum or umbrella, not one more side.
        others = [m for m in others if m.type is not EntityType.ORGANIZATION]
    # A summit's host is no side; nor is the country where someone met unnamed people, or that mediates peace talks,
    # or where someone attends a meeting of others ("will attend the meeting of transport ministers in Victoria").
    hostless = c.mode is MeetingMode.MULTILATERAL or c.unnamed_side or c.mediated or c.joins or (
        c.named_for_its_city or c.traveller_unnamed)
    host = None if hostless else _host_state(c.place)
    sides = people + others
    visitors_only = c.mode is MeetingMode.VISIT and {m.key for m in sides} <= {m.key for m in c.subjects}
    if host and (len(sides) == 1 or visitors_only) and host not in covered | {m.key for m in others}:
        # "X visited China", "X held talks in Beijing", "X and Y visited China": the host state is the other
        # side when nobody there is named.
        others.append(replace(state_mention(c.place.start, c.place.end, host), chars=c.place.chars))
    named = {m.key for m in people}
    return people + [m for m in c.witnesses if m.key not in named] + others


def _without_bare_visits(kept: list[tuple[Candidate, Event]]) -> list[tuple[Candidate, Event]]:
    """A visit whose only other side is the host state gives way to the meetings the visitor had there,
    but not to meetings placed in another state ("toured Vietnam and Laos; in Pakistan he met X")
    or at another time ("met Y in Beijing on Friday; his last visit to China was in 2005"); nor to a summit
    the visitor attended ("X visited Shenyang ... X and Y attended the summit in Beijing"); nor one stop of a
    tour to a meeting that says no place ("his tour will also take him to Spain")."""
    def people(event: Event) -> set[str]:
        return {k for k in event.actors if k.startswith("person:")}

    def gives_way(visit: Event, leg: bool) -> bool:
        host = next(iter(visit.actors - people(visit)), "")
        elsewhere = host.startswith("state:")  # only a state visited can be told apart from where they met
        return any(people(visit) <= people(e) and not (elsewhere and _host_state(c.place) not in (None, host))
                   and not _far_apart(visit.time, e.time) and not (leg and c.place is None)
                   for c, e in kept if len(people(e)) >= 2 and e.mode is not MeetingMode.MULTILATERAL)

    def called_off_with(meeting: Event, visits: list[Event]) -> Event:
        # "X postponed his visit to Jordan ... X had been due to hold talks with King Y": off with it
        off = [v for v in visits if v.status is Status.CANCELLED and people(v) <= people(meeting)
               and not _far_apart(v.time, meeting.time)]
        if meeting.status is not Status.PLANNED or not off:
            return meeting
        return replace(meeting, status=Status.CANCELLED, time=meeting.time or off[0].time)

    bare = [e for c, e in kept if len(people(e)) == 1 and len(e.actors) == 2 and gives_way(e, c.leg)]
    return [(c, called_off_with(e, bare)) for c, e in kept if e not in bare]


def _without_repeats(kept: list[tuple[Candidate, Event]]) -> list[tuple[Candidate, Event]]:
    """One event per sides, place, day and status: a tour's stop whose host state the article names a
    person for is the meeting reported with that person, and gives it its evidence. An undated event
    between the same sides at the same place with the same status is the dated one told again."""
    out: list[tuple[Candidate, Event]] = []
    for candidate, event in kept:
        same = next((i for i, (_, earlier) in enumerate(out) if _repeats(earlier, event)), None)
        if same is None:
            out.append((candidate, event))
            continue
        earlier_candidate, earlier = out[same]
        evidence = earlier.evidence + tuple(e for e in event.evidence if e not in earlier.evidence)
        out[same] = (earlier_candidate, replace(earlier, evidence=evidence, time=earlier.time or event.time))
    return out


def _repeats(a: Event, b: Event) -> bool:
    return (a.actors, a.place, a.status) == (b.actors, b.place, b.status) and (
        a.time == b.time or a.time is None or b.time is None)


def _far_apart(a: TimeValue | None, b: TimeValue | None) -> bool:
    """Two occasions, not two days of one stay: a visit lasts days, so dates weeks apart tell them apart."""
    if not (a and b and a.resolved and b.resolved):
        return False
    if (a.month is None or b.month is None) and a.year == b.year:
        return False  # "visited China this year" may be the visit of the meeting in March
    return abs(_rough_day(a) - _rough_day(b)) > VISIT_DAYS


def _rough_day(time: TimeValue) -> int:
    return time.year * 372 + (time.month or 6) * 31 + (time.day or 15)


def _host_state(place: Mention | None) -> str | None:
    """The state a meeting place lies in, when the gazetteer knows it as a state (not a territory)."""
    return known_state(_state_of(place)) if place is not None else None


def _subjects_joined(verb: Token) -> bool:
    """'Iranian negotiators and EU officials met': the verb's subjects, joined by "and", are two sides."""
    return verb.pos_ == "VERB" and any(s.dep_ == "nsubj" and any(c.dep_ == "conj" for c in s.children)
                                       for s in verb.children)


def _paired(noun: Token) -> bool:
    """'the EU-Russia summit': two names a hyphen joins before the noun are its sides (a body and a state too)."""
    doc, named = noun.doc, ("ORG", "GPE", "NORP", "PERSON")
    # "Iran-EU nuclear talks": with an adjective between, the parser makes the names "nmod"
    return any(c.dep_ in ("compound", "nmod") and c.i >= 2 and doc[c.i - 1].text == "-"
               and doc[c.i - 2].head in (c, noun) and c.ent_iob_ == "B" and c.ent_type_ in named
               and doc[c.i - 2].ent_type_ in named for c in noun.children)  # named: not "Asia-Pacific"


def _what_its_clause_tells(token: Token) -> bool:
    """'The talks resumed', 'A and B held talks', 'A and B met': the meeting is what its clause tells of."""
    if token.pos_ == "VERB" or token.dep_ in ("nsubj", "nsubjpass"):
        return True
    if token.dep_ != "dobj":
        return False
    verb, triggers = lemma_of(token.head), load_triggers()
    return verb in triggers["meeting"]["light_verbs"] or verb in triggers["closing_verbs"]


def _a_body_and_a_state_alone(c: Candidate, actors: list[Mention]) -> bool:
    """One body and one state, nobody named: in news, a body's meeting in the state that hosts it ("the
    APEC meeting in Hanoi", "the Lisbon summit of EU leaders") or a state dealing with its own body, not
    two sides meeting (none of the 287 meetings in the five dev gold files has this make-up; all 8 such
    events the extractor found in them were wrong). A body's delegation visiting a state is one, so are talks
    "between the government of Uganda and the LRA" and sides a verb's subjects join ("Kenyan officials and AU
    envoys held talks"), and a group ("Darfur rebels") is no body."""
    body_visits = c.mode is MeetingMode.VISIT and any(m.type is EntityType.ORGANIZATION for m in c.subjects)
    body_and_state = len(actors) == 2 and {m.type for m in actors} == {EntityType.ORGANIZATION, EntityType.STATE}
    return body_and_state and not body_visits and not c.paired and not any(names_a_group(m.name) for m in actors)


def _to_event(c: Candidate, represented) -> Event | None:
    actors = _sides(c, represented)
    people = [m for m in actors if m.type is EntityType.PERSON]
    grounded = people or c.place or c.dated or c.told_with_its_sides
    if len(actors) < 2 or not grounded or _a_body_and_a_state_alone(c, actors):
        return None
    one_side = c.subjects and {m.key for m in actors} <= {m.key for m in c.subjects}
    if one_side and (c.unnamed_side or c.mode is MeetingMode.VISIT and c.place is None):
        return None  # "A and B met with senior commanders", "during their visit to the square": one side
    confidence = 0.5 + 0.2 * bool(people) + 0.1 * bool(c.place) + 0.1 * bool(c.time) - 0.15 * c.via_anaphora
    return Event(
        type=EventType.MEETING,
        participants=tuple(Participant(m.key) for m in actors),
        evidence=tuple(c.evidence),
        status=c.status or Status.OCCURRED,
        place=c.place.key if c.place else None,
        time=c.time,
        confidence=round(min(confidence, 0.95), 2),
        mode=c.mode,
    )

