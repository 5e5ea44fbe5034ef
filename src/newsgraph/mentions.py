"""Entity mentions in a Doc, with in-article person coreference.

States, places and organizations come from the gazetteer ruler's ids or from
the statistical NER; people from NER plus two discourse rules:

- one sense per discourse: a word NER calls a place or organization here but a
  person's name elsewhere in the same article is that person;
- a surname alone ("Merkel") is the full name it ends ("Angela Merkel") when
  the article names exactly one such person.
"""

from __future__ import annotations

import itertools
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Span

from newsgraph.gazetteer import PlaceKind, PlaceRecord, fold, load_gazetteer
from newsgraph.model import Article, EntityType

_KNOWN_PREFIXES = {"state": EntityType.STATE, "place": EntityType.PLACE, "org": EntityType.ORGANIZATION}


@lru_cache(maxsize=1)
def load_triggers() -> dict:
    return json.loads(files("newsgraph").joinpath("data/triggers.json").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention: tokens [start, end) of the Doc."""

    start: int
    end: int
    type: EntityType
    key: str
    name: str  # the name this mention gives the entity (full name for people)
    adjectival: bool = False  # a demonym ("Turkish") rather than a name
    metonym: bool = False  # a place or seat standing for a state ("Ankara said"): not one of its names
    state: str | None = None  # for organizations: the state named in them
    venue: bool = False  # a building or site ("the Great Hall of the People"), inside some city
    chars: tuple[int, int] | None = None  # where a mention outside the parsed text is: a blanked headline's


class MentionIndex:
    """Mentions of one Doc, findable by token."""

    def __init__(self, doc: Doc, mentions: list[Mention], *, headline: int | None = None):
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self.headline_end = headline_end(doc) if headline is None else headline

    def in_headline(self, token_index: int) -> bool:
        return token_index < self.headline_end

    def at(self, token_index: int) -> Mention | None:
        i = bisect_right(self._starts, token_index) - 1
        if i >= 0 and self.mentions[i].start <= token_index < self.mentions[i].end:
            return self.mentions[i]
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def before(self, token_index: int, *, type: EntityType) -> list[Mention]:
        return [m for m in self.mentions if m.end <= token_index and m.type is type]


def known_state(key: str | None) -> str | None:
    """``key`` if the gazetteer has it as a state; a place's country may be a territory it has no state for."""
    return key if key and load_gazetteer().state_by_code(key.partition(":")[2]) is not None else None


def state_mention(start: int, end: int, key: str) -> Mention:
    """A state standing at tokens that name it only in passing ("Iraqi interior ministry", "visited China"):
    not one of its names."""
    label = load_gazetteer().state_by_code(key.partition(":")[2]).label
    return Mention(start, end, EntityType.STATE, key, label, metonym=True)


def find_mentions(doc: Doc) -> MentionIndex:
    """Every entity mention in ``doc``, people resolved to their full names."""
    titles = list(doc.spans.get("roles", []))
    entities = [part for ent in _names_run_on(_names_before_initials(doc), titles)
                if not (len(ent) >= 3 and _title_and_name(ent, titles)) for part in _holder_apart(ent, titles)]
    found = _inside_no_name(_attach_states(doc, [m for ent in entities if (m := _from_entity(ent)) is not None]))
    found = [_group_named_after(m, doc) for m in found]
    found += _bodies(doc, found)
    found = _parties_before_titles(doc, found)
    found += _bodies_named_before_titles(doc, found)
    found += _holders_of_titles(doc, found)
    found = _local_governments(doc, _coordinated_with_people(doc, _acronyms_beside(doc, found)), titles)
    headline = headline_end(doc)
    people = _resolve_people(found, doc, headline)
    return MentionIndex(doc, people + _repeated_surnames(doc, people), headline=headline)


def _names_run_on(ents, titles: list[Span]) -> list[Span]:
    """'the Commission of the | African Union', 'the Revolutionary Party of | Tanzania': where NER stops a body's
    name at its "of", the name runs on to the end of the capitalized words after it (the entities inside go), up to
    a title ("Bank of | Japan | Governor X") or a person, and a first name NER left out of it ("the African Union
    Alpha | Oumar Konare"). Not an occasion's name ("the Summit of the | Organization of American States")."""
    stops = {t.start for t in titles} | {i for e in ents if e.label_ == "PERSON" for i in range(e.start - 1, e.end)}
    merged: list[Span] = []
    for ent in ents:
        if merged and ent.start < merged[-1].end:
            continue  # inside the name before it, which ran on
        end = _run_on_end(ent, stops) if ent.label_ == "ORG" else ent.end
        merged.append(Span(ent.doc, ent.start, end, label="ORG") if end > ent.end else ent)
    return merged


_NAME_JOINERS = ("of", "and", "the", "for")  # "Justice and Equality Movement", "Bank of Japan"
_INITIALS_IN_BRACKETS = re.compile(r"\(\s*([A-Z]{2,})\s*\)")


def _names_before_initials(doc: Doc) -> list[Span]:
    """'the rebel Justice and Equality Movement (JEM)', "the Lord's Resistance Army (LRA)": the capitalised words
    whose initials the capitals in brackets after them spell are one body's name, whatever NER read the parts of
    it as (those go; it may read the initials as a person), if it read the body or its initials as one at all;
    not a state's or a place's ("the United Arab Emirates (UAE)")."""
    ents, gazetteer = list(doc.ents), load_gazetteer()
    for bracket in _brackets_round_initials(doc):
        short = doc[bracket + 1 : bracket + 2]
        long = _name_spelled_by(doc, bracket, short.text)
        if long is None or gazetteer.find_state(long.text) or gazetteer.find_place(long.text):
            continue
        named = [e for e in ents if e.start < short.end and e.end > long.start]
        inside = all(e.start >= long.start and e.end <= short.end and (e.label_ != "PERSON" or e.start == short.start)
                     for e in named)
        if inside and any(e.label_ == "ORG" for e in named):
            ents = sorted([e for e in ents if e not in named] + [Span(doc, long.start, long.end, label="ORG"),
                                                                 Span(doc, short.start, short.end, label="ORG")])
    return ents


def _brackets_round_initials(doc: Doc) -> list[int]:
    """Where "(" opens "(JEM)", found in the text: a walk over every token took three times as long."""
    spans = (doc.char_span(found.start(), found.start() + 1) for found in _INITIALS_IN_BRACKETS.finditer(doc.text))
    return [i for span in spans if span is not None and 0 < (i := span.start) < len(doc) - 2
            and doc[i + 1].text.isupper() and doc[i + 2].text == ")"]


def _name_spelled_by(doc: Doc, bracket: int, initials: str) -> Span | None:
    """The fewest capitalised words, joined by "and", "of", "'s" and the like, right before ``bracket`` whose
    capitals spell ``initials``."""
    start = bracket - 1
    while start >= max(0, bracket - 10) and (_capitalized(doc[start]) or doc[start].tag_ == "POS" or (
            doc[start].lower_ in (*_NAME_JOINERS, "-", "&"))):
        if _capitalized(doc[start]) and doc[start].lower_ != "the" and _capitals(doc[start:bracket]) == initials:
            return doc[start:bracket]
        start -= 1
    return None


def _run_on_end(ent: Span, stops: set[int]) -> int:
    doc, end = ent.doc, ent.end
    head = next((t for t in reversed(ent) if t.lower_ not in ("of", "the")), ent[0])
    if ent[-1].lower_ not in ("of", "the") or not any(t.lower_ == "of" for t in ent[-2:]) or (
            head.lemma_.lower() in occasion_nouns()):
        return end
    name_end = end
    while end < len(doc) and end not in stops and (
            _capitalized(doc[end]) or doc[end].tag_ == "POS" and name_end == end
            or doc[end].lower_ in _NAME_JOINERS):
        end += 1
        name_end = end if _capitalized(doc[end - 1]) else name_end
    return name_end


def _capitalized(token) -> bool:
    return token.is_title or token.is_upper


def _name_cased(token) -> bool:
    """'Blair', 'P.W.', and 'McCain' or 'DeLay', which are not title case; not 'BLAIR' in a shouted headline."""
    return token.is_title or token.text[:1].isupper() and any(c.islower() for c in token.text)


def _local_governments(doc: Doc, found: list[Mention], titles: list[Span]) -> list[Mention]:
    """'Shanghai Mayor X', "Hainan's governor X", 'X, governor of Hainan Province': a province or city a local
    office is of stands there for its government, a body in that place's state (a role is of a state or a body)."""
    local = [t for t in titles if t.id_ in load_triggers()["local_offices"]]
    starts, ends = {t.start for t in local}, {t.end for t in local}
    return [_as_local_government(m, doc) if m.type is EntityType.PLACE and not m.adjectival and (
        m.end in starts or m.end < len(doc) and doc[m.end].tag_ == "POS" and m.end + 1 in starts
        or m.start >= 1 and doc[m.start - 1].lower_ == "of" and m.start - 1 in ends) else m for m in found]


def _as_local_government(place: Mention, doc: Doc) -> Mention:
    name = doc[place.start : place.end].text
    return Mention(place.start, place.end, EntityType.ORGANIZATION, f"org:{fold(name)}", name,
                   state=known_state(place.state))


def _holder_apart(ent: Span, titles: list[Span]) -> list[Span]:
    """'Chairman of the Expediency Council Akbar Rafsanjani': NER may read a title's body and its holder's
    name as one organization; two or three capitalised words after the body's noun (a hyphenated name is one
    word) are the holder."""
    doc = ent.doc
    of = _of_before(ent)
    if ent.label_ != "ORG" or of is None or not any(t.end == of for t in titles):
        return [ent]
    nouns = load_triggers()["body_nouns"]
    starts = _word_starts(ent)
    for size in (2, 3):
        if len(starts) <= size:
            break
        name = doc[starts[-size] : ent.end]
        if doc[name.start - 1].lower_ in nouns and all(
                t.text == "-" or (t.is_title and t.pos_ == "PROPN" and t.lower_ not in nouns) for t in name):
            holder = Span(doc, name.start, ent.end, label="PERSON")
            if any(t.pos_ != "DET" for t in doc[of + 1 : ent.start]):
                return [holder]  # "of the French national Assembly X": the title's body phrase, not NER's "Assembly"
            return [Span(doc, ent.start, name.start, label="ORG"), holder]
    return [ent]


def _of_before(ent: Span) -> int | None:
    """The "of" before ``ent`` and its modifiers ("of the French national Assembly"), if there is one."""
    i = ent.start - 1
    while i >= max(0, ent.start - 4) and ent.doc[i].pos_ in ("DET", "ADJ", "PROPN") and ent.doc[i].lower_ != "of":
        i -= 1
    return i if i >= 0 and ent.doc[i].lower_ == "of" else None


def _word_starts(span: Span) -> list[int]:
    """Where each word of ``span`` starts; a hyphenated name ("Jean-Louis") is one word."""
    return [t.i for t in span if t.i == span.start or (t.text != "-" and span.doc[t.i - 1].whitespace_)]


def _from_entity(ent: Span) -> Mention | None:
    if ent.text.lower() in load_triggers()["state_pairs"]:
        return None  # "the two Koreas": two states, which the participants take in (clauses._paired_states)
    kind, _, ident = ent.ent_id_.partition(":")
    gazetteer = load_gazetteer()
    if kind == "demonym":
        state = gazetteer.find_state_by_demonym(ent.text)
        return state and Mention(ent.start, ent.end, EntityType.STATE, state.key, state.label, adjectival=True)
    if kind == "metonym":  # "the Kremlin", "the White House": the state's government acting
        state = gazetteer.state_for_metonym(ent.text)
        if state and _heads_a_title(ent) and gazetteer.find_place(ent.text) is None:
            # "White House spokesman X": the office a title belongs to, named as the text names it ("Ankara's
            # envoy", a capital, stays the state)
            return Mention(ent.start, ent.end, EntityType.ORGANIZATION, f"org:{state.iso3}:{fold(ent.text)}", ent.text,
                           state=state.key)
        return state and Mention(ent.start, ent.end, EntityType.STATE, state.key, state.label, metonym=True)
    if _names_a_landform(ent):
        return _unknown_place(ent.doc[ent.start : ent.end + 1])
    if kind in _KNOWN_PREFIXES:
        return _from_gazetteer(ent, kind)
    if _named_as_place(ent):
        return _unknown_place(ent)
    named = ent.label_ == "PERSON" or _name_after_a_title(ent) or _speaker_after_a_quote(ent)
    if named or ent.label_ in ("ORG", "NORP"):
        # NER reads "Yerevan" as a name, "Lusaka" as a body (unless a body of that name is known), "Tunis" as a people
        place = _find_place(ent)
        if place is not None and (named or gazetteer.find_organization(ent.text) is None):
            return _place_mention(ent, place)
    if named:
        return _person(ent)
    if ent.label_ == "ORG":
        return _organization(ent)
    if ent.label_ in ("GPE", "LOC"):
        return _unknown_place(ent)
    return None


def _names_a_landform(ent: Span) -> bool:
    """'rebels of the Niger Delta', 'the Jordan Valley': a state's name before a landform's noun names a region."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.is_title and after.lower_ in load_triggers()["feature_nouns"] and (
        ent.label_ in ("GPE", "LOC"))


def _heads_a_title(ent: Span) -> bool:
    """'White House spokesman', "the Kremlin's envoy": a role title follows the name."""
    start = ent.end + (ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS")
    return any(t.start == start for t in ent.doc.spans.get("roles", []))


def _name_after_a_title(ent: Span) -> bool:
    """'President Thabo Mbeki', 'his counterpart Nikola Kolev', 'Nikola Kolev, general secretary of ...': a
    name of two to four capitalised words right after a role title, or before one in apposition, is a
    person's, whatever NER calls it, unless it is a known state, place or body."""
    doc = ent.doc
    if ent.label_ not in ("GPE", "LOC", "ORG") or ent.ent_id_ or not _shaped_like_a_name(ent):
        return False
    if _body_in(ent.text) or load_gazetteer().find_state(ent.text):
        return False
    titles = doc.spans.get("roles", [])
    before = doc[ent.start - 1] if ent.start else None
    if before is not None and any(t.end == ent.start for t in titles):
        return True
    if before is not None and _is_person_noun(before):
        return not (ent.root.dep_ == "compound" and ent.root.head.i >= ent.end)  # "the billionaire [X] owner"
    # "X, general secretary of the party": the title opens the apposition, after "the" or "a" at most
    start = ent.end + 1 + (ent.end + 1 < len(doc) and doc[ent.end + 1].lower_ in ("the", "a"))
    return ent.end < len(doc) and doc[ent.end].text == "," and any(t.start == start for t in titles)


def headline_places(article: Article) -> list[Mention]:
    """Where a headline the reader blanked says its news is: 'Berlusconi to visit Libya', 'EU leaders hold talks
    in Sudan', 'Spanish PM to host allies in Madrid summit'; each at its characters in the article."""
    title = article.title or ""
    offset = article.original.find(title) if title else -1
    if offset < 0 or article.text[offset : offset + len(title)].strip():
        return []  # no headline, or one the extractor reads with the text
    cues = load_triggers()["headline_place_cues"]
    words = list(re.finditer(r"[A-Za-z][\w'.-]*", title))
    if not any(map(_a_meeting_word, (w.group() for w in words))):
        return []  # "Annan Urged to Play Larger Role in Iraq": the place of something else
    found: dict[str, Mention] = {}
    for i, first in enumerate(words):
        cued_before = i > 0 and words[i - 1].group().lower() in cues["before"]
        for j in range(min(len(words), i + 4), i, -1):  # the longest name first
            cued_after = j < len(words) and words[j].group().lower() in cues["after"]
            if not (cued_before or cued_after) or not all(w.group()[0].isupper() for w in words[i:j]):
                continue
            name = title[first.start() : words[j - 1].end()].rstrip(".")
            start = offset + first.start()
            if (mention := _place_named(name, (start, start + len(name)))) is not None:
                found.setdefault(mention.key, mention)
                break
    return list(found.values())


def _place_named(name: str, chars: tuple[int, int]) -> Mention | None:
    """The state or place the gazetteer knows by ``name`` (a demonym names none), at ``chars`` of the text."""
    gazetteer = load_gazetteer()
    if (state := gazetteer.find_state(name)) and not gazetteer.find_state_by_demonym(name):
        return Mention(0, 0, EntityType.STATE, state.key, state.label, chars=chars)
    if place := gazetteer.find_place(name):
        return Mention(0, 0, EntityType.PLACE, place.key, place.label, chars=chars,
                       state=f"state:{place.country}" if place.country else None)
    return None


def _a_meeting_word(word: str) -> bool:
    """'visits', 'Talks', 'mini-summit', 'Discussions': a headline's word for a meeting, read without a parse."""
    stem = word.lower().rpartition("-")[2]
    more = load_triggers()["headline_place_cues"]["meeting_words"]
    return any(form in _meeting_words() or form in more for form in (stem, stem.removesuffix("s"), stem.removesuffix("ing")))


def _speaker_after_a_quote(ent: Span) -> bool:
    """'..." Marek Tollander told reporters': NER may call a speaker's name after a quotation a work of art."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return (ent.label_ == "WORK_OF_ART" and before is not None and before.is_quote and _shaped_like_a_name(ent)
            and ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in load_triggers()["report_verbs"])


def _shaped_like_a_name(ent: Span) -> bool:
    """Two to four capitalised proper nouns: a person's name, whatever NER calls it, where a title or a quotation
    says so."""
    return 2 <= len(ent) <= 4 and all(t.is_title and t.pos_ == "PROPN" for t in ent)


def venue_at(token, index: MentionIndex) -> Mention | None:
    """'at the Great Hall of the People', 'in the Oval Office', 'at the Elysee': the building a meeting is in."""
    doc = token.doc
    # "the Elysee Palace": the seat's name may be an entity of its own before the building's noun
    named = {token.i, *(c.i for c in token.children if c.dep_ == "compound")}
    ent = next((e for e in doc.ents if named.intersection(range(e.start, e.end))), None)
    if ent is None or ent.label_ not in ("FAC", "ORG"):
        return None
    seat = ent.ent_id_.startswith("metonym:")
    number = doc[ent.start - 1] if ent.start else None  # "10 Downing Street": the house number is the address's
    start = number.i if number is not None and number.dep_ == "nummod" and ent.start <= number.head.i < ent.end else ent.start
    span = _trim(doc[start : max(ent.end, token.i + 1)])
    # The name ends before a preposition other than "of": "the Golden Temple [in Amritsar]", "... People [on Friday]"
    end = next((t.i for t in span if t.pos_ == "ADP" and t.lower_ != "of"), span.end)
    # "the Oval Office [of the] White House", but "the Arab League headquarters"
    while end > span.start and doc[end - 1].is_lower and not (
            end - 1 == token.i and token.lemma_ in load_triggers()["venue_nouns"]):
        end -= 1
    span = doc[span.start : end]
    if not span or span.root.i not in named:
        return None  # "the Golden Temple in [Amritsar]": the city, not the temple
    last = span[-1].lemma_.lower()
    if last in occasion_nouns() or (
            ent.label_ == "ORG" and not seat and last not in load_triggers()["venue_nouns"]):
        return None  # "the Beijing Summit" is an occasion, "the Foreign Ministry" a body
    state = "state:" + ent.ent_id_.partition(":")[2] if seat else None
    name = _owner_named_in_full(span, index)
    return Mention(span.start, span.end, EntityType.PLACE, f"place:{fold(name)}", name, state=state, venue=True)


def _owner_named_in_full(venue: Span, index: MentionIndex) -> str:
    """'the AL headquarters' is 'the Arab League headquarters' when the article gave the initials."""
    owner = next((m for m in index.within(venue.start, venue.end) if m.type is EntityType.ORGANIZATION), None)
    doc = venue.doc
    if owner is None or not doc[owner.start : owner.end].text.isupper():
        return venue.text
    return " ".join(p for p in (doc[venue.start : owner.start].text, owner.name, doc[owner.end : venue.end].text) if p)


def _title_and_name(ent: Span, titles: list[Span]) -> bool:
    """'[Okinawa Governor Masahide Ota]' read as one organization: the title's holder is found on its own."""
    doc = ent.doc
    return any(ent.start <= t.start and t.end + 2 <= ent.end and all(
        doc[i].pos_ == "PROPN" and doc[i].is_title for i in range(t.end, ent.end)) for t in titles)


def _named_as_place(ent: Span) -> bool:
    """'the southern town of Gjirokaster': whatever NER calls the name, the noun says it is a place."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in load_triggers()["place_nouns"]


def _from_gazetteer(ent: Span, kind: str) -> Mention | None:
    gazetteer = load_gazetteer()
    if kind == "state":
        state = gazetteer.find_state(ent.text)
        return state and Mention(ent.start, ent.end, EntityType.STATE, state.key, state.label)
    if kind == "place":
        place = _find_place(ent)
        return place and _place_mention(ent, place)
    organization = gazetteer.find_organization(ent.text)
    return organization and Mention(
        ent.start, ent.end, EntityType.ORGANIZATION, f"org:{organization.key}", organization.label
    )


def _find_place(span: Span) -> PlaceRecord | None:
    """The place a name denotes: of several so named, the one in the state the text names right after the name,
    there or anywhere ("Victoria, Canada"; "TRIPOLI, Lebanon ... met in Tripoli")."""
    doc, name, gazetteer = span.doc, fold(span.text), load_gazetteer()
    if not gazetteer.shares_place_name(span.text):
        return gazetteer.find_place(span.text)
    after = {e.start: e for e in doc.ents}
    qualified = (gazetteer.find_state(after[e.end + 1].text) for e in doc.ents
                 if e.end + 1 in after and doc[e.end].text == "," and fold(e.text) == name)
    return gazetteer.find_place(span.text, within=next(filter(None, qualified), None))


def _place_mention(span: Span, place: PlaceRecord) -> Mention:
    return Mention(span.start, span.end, EntityType.PLACE, place.key, place.label,
                   state=f"state:{place.country}" if place.country else None)


def _trim(span: Span) -> Span:
    """Drop determiners, titles, honorifics and possessive endings around a name."""
    honorifics = set(load_triggers()["honorifics"])
    start, end = span.start, span.end
    doc = span.doc
    # "[Following] Mbeki's visit": NER may take a sentence's opening preposition into the name
    while start < end and (doc[start].lower_.rstrip(".") in honorifics or doc[start].pos_ in ("DET", "ADV", "CCONJ", "SCONJ")
                           or doc[start].is_lower or doc[start].is_punct or doc[start].is_space
                           or doc[start].is_sent_start and doc[start].dep_ == "prep"):
        start += 1
    # "the National Committee of the": NER may stop inside a name
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")):
        end -= 1
    return doc[start:end]


def _person(ent: Span) -> Mention | None:
    if _continues_a_name(ent):
        return None  # "[Maria do] Carmo Silveira": the name before takes it in
    span = _trim(_extend_name(ent))
    if _ends_a_portfolio(span):
        span = span[1:]
    while len(span) > 1 and (span[-1].lemma_.lower() in _meeting_words() or _a_count_or_score(span[-1])):
        span = span[:-1]  # "Chavez Visit to Spain", "met Prince Charles 13 times": the name ends before them
    if not span or not _name_cased(span[0]) or len(span.text.split()) > 6:  # words: "Al-Sabah" is one
        return None
    if span.text.lower() in load_triggers()["news_agencies"] or "/" in span.text:
        return None  # "told Xinhua": a news agency NER may take for a person; "Joe Raedle/Getty Images": a credit
    return Mention(span.start, span.end, EntityType.PERSON, "", _STRAY_HYPHEN_SPACE.sub("-", span.text))


def _a_count_or_score(token) -> bool:
    """'13', '6-0' or the dash between: no word of a name."""
    return not token.is_alpha and (token.is_punct or any(ch.isdigit() for ch in token.text))


@lru_cache(maxsize=1)
def occasion_nouns() -> frozenset[str]:
    """Meeting nouns that name an occasion by themselves ("the Beijing Summit"); not those that are one only when
    joint ("a joint press conference"): "the UN Conference on Trade and Development" is a body."""
    meeting = load_triggers()["meeting"]
    return frozenset(n for n in meeting["nouns"] if meeting["noun_needs_modifier"].get(n) != ["joint"])


@lru_cache(maxsize=1)
def gathering_words() -> frozenset[str]:
    """Nouns of meetings and of the gatherings they may be held at ("talks", "summit", "conference")."""
    triggers = load_triggers()
    return frozenset(triggers["meeting"]["nouns"]) | frozenset(triggers["gathering_nouns"])


@lru_cache(maxsize=1)
def _meeting_words() -> frozenset[str]:
    lexicon = load_triggers()["meeting"]
    return frozenset(lexicon["nouns"]) | frozenset(lexicon["verbs"])


def _ends_a_portfolio(span: Span) -> bool:
    """'Minister for Water and [Power Li Wei]': the word after a portfolio's "and" is the portfolio's."""
    doc, start = span.doc, span.start
    if len(span) < 3 or start < 4 or doc[start - 1].lower_ != "and":
        return False
    title_ends = {t.end for t in doc.spans.get("roles", [])}
    i = start - 2
    while i > start - 6 and doc[i].is_title:
        i -= 1
    return doc[i].lower_ in ("for", "of") and i in title_ends


_STRAY_HYPHEN_SPACE = re.compile(r"(?<=\w)- (?=\w)")  # "Roh Moo- hyun" is Roh Moo-hyun


def _inside_no_name(found: list[Mention]) -> list[Mention]:
    """'Jose Eduardo dos [Santos]': a place NER saw inside a person's extended name is part of the name."""
    names = [m for m in found if m.type is EntityType.PERSON]
    return [m for m in found if m.type is EntityType.PERSON or not any(
        n.start <= m.start and m.end <= n.end for n in names)]


def _is_particle(token) -> bool:
    return token.is_lower and token.lower_ in load_triggers()["name_particles"]


def _continues_a_name(ent: Span) -> bool:
    doc = ent.doc
    return (ent.start >= 2 and _is_particle(doc[ent.start - 1]) and doc[ent.start - 2].ent_type_ == "PERSON"
            or _split_surname(doc[ent.start]))


def _split_surname(token) -> bool:
    """'[Susilo Bambang] [Yudhoyono]': NER may split a name into two people; a one-word person entity right
    after another person's name, with no comma or word between them, is its last part."""
    alone = token.ent_iob_ == "B" and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    return alone and token.ent_type_ == "PERSON" and token.i > 0 and token.doc[token.i - 1].ent_type_ == "PERSON"


def _extend_name(ent: Span) -> Span:
    """NER often stops a long name early ("Khurshid Mehmood [Kasuri]", "Jose Eduardo [dos Santos]",
    "[Maria do] [Carmo Silveira]"): take the proper nouns that follow, across a name particle."""
    doc, end = ent.doc, ent.end
    if _is_particle(doc[end - 1]) and end < len(doc) and doc[end].is_title:
        end = next((e.end for e in doc.ents if e.start == end), end + 1)
    elif end + 1 < len(doc) and _is_particle(doc[end]) and doc[end + 1].is_title:
        end += 2
    # not into the next name's title ("Paul Ryan | Speaker X"), nor into the body or place before it ("Paul Ryan |
    # House Speaker X", "Denis McDonough | Trump aide X")
    while end < len(doc) and end - ent.end < 2 and doc[end].pos_ == "PROPN" and doc[end].is_title and (
            doc[end].ent_type_ == "" or _misread_surname(doc[end]) or _split_surname(doc[end])) and (
            not _title_starts_at(doc, end) and not _title_starts_at(doc, end + 1)):
        end += 1
    # "Kamal El-[Ganzoury]": a hyphenated surname cut at its hyphen.
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_ and doc[end + 1].is_title and (
            doc[end - 1].whitespace_ == ""):
        end += 2
    # "Chung In-[yong]", "Moon Jae-[in]": a romanised given name cut at its hyphen (not "Bush-led", "Bush-era").
    if (end + 1 < len(doc) and end - ent.start >= 2 and doc[end].text == "-" and doc[end - 1].whitespace_ == ""
            and not doc[end].whitespace_ and len(doc[end - 1]) <= 4 and doc[end - 1].is_title
            and doc[end + 1].is_lower and doc[end + 1].is_alpha and not doc[end + 1].text.endswith("ed")
            and doc[end + 1].text not in ("era", "style", "like", "type")):
        end += 2
    # "Ahmed El- [Bashir]", "Roh Moo- [hyun]": a wire's stray space after the hyphen of a name.
    if end < len(doc) and len(doc[end - 1]) > 1 and doc[end - 1].text.endswith("-") and doc[end].is_alpha:
        end = next((e.end for e in doc.ents if e.start == end), end + 1)
    return doc[ent.start : end]


def _misread_surname(token) -> bool:
    """'Khurshid Mehmood [Kasuri]' with 'Kasuri' read as a place: a one-word name the gazetteer does not know."""
    gazetteer = load_gazetteer()
    alone = token.ent_iob_ == "B" and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    return alone and token.ent_type_ in ("GPE", "ORG", "LOC") and not (
        gazetteer.find_state(token.text) or gazetteer.find_place(token.text) or gazetteer.find_state_by_demonym(token.text))


def _organization(ent: Span) -> Mention | None:
    span = _trim(_without_agency_lead(ent))
    if not span or span.text.isupper() and len(span.text) < 2 or _people_of_a_state(span.text) or _a_credit(span.text):
        return None
    if span[-1].lemma_.lower() in occasion_nouns():
        return None  # "the fourth Summit of the": the meeting, not one of its sides
    if (named := _place_naming_a_meeting(span)) is not None:
        return named
    gazetteer = load_gazetteer()
    known = gazetteer.find_organization(span.text)
    if known:
        return Mention(span.start, span.end, EntityType.ORGANIZATION, f"org:{known.key}", known.label)
    state = next((s for t in span if (s := gazetteer.find_state(t.text) or gazetteer.find_state_by_demonym(t.text))), None)
    body = _body_in(span.text)
    key = f"org:{state.iso3}:{body}" if state and body else f"org:{fold(span.text)}"
    return Mention(span.start, span.end, EntityType.ORGANIZATION, key, span.text,
                   state=state.key if state else None)


def _a_credit(name: str) -> bool:
    """'Christian Smith/AP', 'Kambouris/Getty Images': a picture's credit, whose agency follows the slash."""
    if "/" not in name:
        return False
    triggers, agency = load_triggers(), name.rpartition("/")[2].strip().lower()
    return agency in triggers["news_agencies"] or agency in triggers["picture_agencies"]


def _place_naming_a_meeting(span: Span) -> Mention | None:
    """'the Beijing Summit of the Forum on ...', read by NER as one body: the city it opens with is the summit's
    place."""
    noun = next((t.i for t in span[1:4] if t.lemma_.lower() in gathering_words()), None)
    place = _find_place(span.doc[span.start : noun]) if noun is not None else None
    return place and _place_mention(span.doc[span.start : noun], place)


def _people_of_a_state(text: str) -> bool:
    """'Pakistanis', 'Iraqis': a nation's people, which NER may call an organization; no body, no side."""
    return text.endswith("s") and " " not in text and load_gazetteer().find_state_by_demonym(text[:-1]) is not None


def _without_agency_lead(ent: Span) -> Span:
    """NER glues a wire's lead-in to the first word: "AFP - A [European Union delegation]"."""
    if len(ent) > 2 and ent[0].lower_ in load_triggers()["news_agencies"] and ent[1].text in ("-", "--", "—"):
        return ent[2:]
    return ent


def _body_in(text: str) -> str | None:
    folded = f" {fold(text)} "
    return next((b for b in _body_phrases() if f" {b} " in folded), None)


@lru_cache(maxsize=1)
def _body_phrases() -> tuple[str, ...]:
    """Names of state bodies, longest first so "foreign ministry" wins over "ministry"."""
    return tuple(sorted(load_triggers()["bodies"], key=lambda b: (-len(b), b)))


def _group_named_after(mention: Mention, doc: Doc) -> Mention:
    """'Ivory Coast rebels', 'Darfur militants': a state or place right before a group noun names the group, an
    organization of its own; not the state, whose government the group fights."""
    if mention.type not in (EntityType.STATE, EntityType.PLACE) or mention.adjectival or mention.end >= len(doc):
        return mention
    noun = doc[mention.end]
    if noun.tag_ != "NNS" or noun.lemma_.lower() not in load_triggers()["group_nouns"] or doc[mention.end - 1].head != noun:
        return mention
    name = doc[mention.start : noun.i + 1].text
    return Mention(mention.start, noun.i + 1, EntityType.ORGANIZATION, f"org:{fold(name)}", name)


def names_a_group(name: str) -> bool:
    """'Darfur rebels': an armed or dissident group, no body of a state."""
    words = fold(name).split()
    return bool(words) and words[-1].removesuffix("s") in load_triggers()["group_nouns"]


def _bodies(doc: Doc, found: list[Mention]) -> list[Mention]:
    """State bodies NER missed: "the Armenian parliament", "Russia's foreign ministry", "the ministry"."""
    taken = {i for m in found for i in range(m.start, m.end)}
    by_end = {m.end: m for m in found}
    extra: list[Mention] = []
    i = 0
    while i < len(doc):
        body = _body_at(doc, i)
        if body is None or i in taken:
            i += 1
            continue
        end = i + len(body.split())
        owner = by_end.get(i) or (by_end.get(i - 1) if doc[i - 1].tag_ == "POS" else None)
        mention = _body_mention(doc, i, end, body, owner, found + extra)
        if mention is not None:
            extra.append(mention)
        i = end
    return extra


def _title_starts_at(doc: Doc, i: int) -> bool:
    return any(title.start == i for title in doc.spans.get("roles", []))


def _parties_before_titles(doc: Doc, found: list[Mention]) -> list[Mention]:
    """'Tory leader X', 'Liberal Democrat parliamentary chairman Y', 'Lib Dem home affairs spokesman Z', 'Democratic
    party leader X': a party's short name right before the office of someone named (a body's title, with at most
    the lower-case words of its portfolio between) is the party, whatever NER read it as."""
    concepts, names = load_triggers()["titles_of_bodies"], _party_names()
    parties = []
    for title in doc.spans.get("roles", []):
        start, first = title.start, title.sent.start
        while start > first and title.start - start < 3 and (doc[start - 1].is_lower or doc[start - 1].text == "-"):
            start -= 1  # "co-chairman", "home affairs spokesman"
        phrase = next((doc[start - n : start] for n in (2, 1) if start - n >= first and
                       doc[start - n : start].text.lower() in names and doc[start - n].is_title), None)
        named_next = title.end < len(doc) and doc[title.end].ent_type_ == "PERSON"  # not "Republican leaders are"
        if title.id_ in concepts and phrase is not None and named_next:
            name = doc[phrase.start : phrase.end + (doc[phrase.end].lower_ == "party")]  # "Democratic party leader"
            parties.append(Mention(name.start, name.end, EntityType.ORGANIZATION, f"org:{fold(name.text)}", name.text))
    taken = {i for m in parties for i in range(m.start, m.end)}
    return [m for m in found if taken.isdisjoint(range(m.start, m.end))] + parties


@lru_cache(maxsize=1)
def _party_names() -> frozenset[str]:
    return frozenset(name.lower() for name in load_triggers()["party_names"])


def _bodies_named_before_titles(doc: Doc, found: list[Mention]) -> list[Mention]:
    """'Gazprom spokesman X', 'NFP leader Y': a proper name NER missed right before a body's title,
    itself right before a name, is the body."""
    taken = {i for m in found for i in range(m.start, m.end)}
    concepts = load_triggers()["titles_of_bodies"]
    extra = []
    for title in doc.spans.get("roles", []):
        start = title.start
        while start > 0 and title.start - start < 3 and doc[start - 1].pos_ == "PROPN" and (
                doc[start - 1].is_title or doc[start - 1].is_upper) and start - 1 not in taken:
            start -= 1
        named_next = title.end < len(doc) and doc[title.end].ent_type_ == "PERSON"  # "Gazprom spokesman [Sergei] ..."
        if title.id_ in concepts and named_next and start < title.start and (
                doc[start : title.start].text.lower() not in _body_phrases()):
            name = doc[start : title.start].text
            extra.append(Mention(start, title.start, EntityType.ORGANIZATION, f"org:{fold(name)}", name))
            taken.update(range(start, title.start))
    return extra


def _attach_states(doc: Doc, found: list[Mention]) -> list[Mention]:
    """'Armenian' + 'Foreign Ministry' is the Armenian foreign ministry, not a ministry of nowhere."""
    by_end = {m.end: m for m in found}
    attached, absorbed = [], set()
    for mention in found:
        body = _body_in(mention.name) if mention.type is EntityType.ORGANIZATION and not mention.state else None
        owner = by_end.get(mention.start) or (
            by_end.get(mention.start - 1) if mention.start and doc[mention.start - 1].tag_ == "POS" else None)
        if body and owner is not None and owner.type is EntityType.STATE:
            attached.append(_body_mention(doc, mention.start, mention.end, body, owner, found))
            absorbed.add(owner)
        else:
            attached.append(mention)
    return [m for m in attached if m not in absorbed]


def _body_at(doc: Doc, i: int) -> str | None:
    for body, words in _bodies_by_first_word().get(doc[i].lower_, ()):
        if [t.lower_ for t in doc[i : i + len(words)]] == words:
            return body
    return None


@lru_cache(maxsize=1)
def _bodies_by_first_word() -> dict[str, list[tuple[str, list[str]]]]:
    """The body phrases by their first word, in their order of preference (a token is tried against few)."""
    index: dict[str, list[tuple[str, list[str]]]] = {}
    for body in _body_phrases():
        words = body.split()
        index.setdefault(words[0], []).append((body, words))
    return index


def _body_mention(doc, start, end, body, owner, known) -> Mention | None:
    if owner is not None and owner.type is EntityType.STATE:
        state = owner.key
        return Mention(owner.start, end, EntityType.ORGANIZATION, f"org:{state[6:]}:{body}",
                       doc[owner.start:end].text, state=state)
    if start > 0 and doc[start - 1].lower_ == "the" or _title_starts_at(doc, end):
        # A definite description ("the ministry", "ministry spokesman X") refers back to the last
        # organization of that kind.
        earlier = [m for m in known if m.type is EntityType.ORGANIZATION and m.end <= start
                   and (m.key.endswith(f":{body}") or body in fold(m.name))]
        if earlier:
            last = max(earlier, key=lambda m: m.end)
            return replace(last, start=start, end=end)
    return None


def _unknown_place(ent: Span) -> Mention | None:
    span = _trim(ent)
    if not span or not span[0].text[:1].isupper():  # capitalised: "Xi'an", "NAIROBI, Nov. 8 --"
        return None
    gazetteer = load_gazetteer()
    if state := gazetteer.find_state(span.text):  # NER found it before the gazetteer ruler could
        return Mention(span.start, span.end, EntityType.STATE, state.key, state.label)
    if place := _find_place(span):
        return _place_mention(span, place)
    name = _without_kind(span)
    return Mention(span.start, span.end, EntityType.PLACE, f"place:{fold(name)}", name)


def _without_kind(span: Span) -> str:
    """'Shandong Province' is Shandong, as 'the province of Shandong' is; not 'Eastern Province', whose kind word
    is part of its only name."""
    *name, kind = span
    if len(name) != 1 or kind.lower_ not in load_triggers()["place_kind_words"] or name[0].pos_ != "PROPN" or (
            name[0].lower_ in load_triggers()["compass_words"]):
        return span.text
    return name[0].text


def _holders_of_titles(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Proper names next to a role title are people ("Jon Berg, the envoy, ...", "envoy Jon Berg")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    extra = []
    counterparts = [doc[t.i : t.i + 1] for t in doc if t.lemma_.lower() == "counterpart"]
    titles = doc.spans.get("roles", [])
    for title in [*titles, *counterparts]:
        for name in (_name_before_apposition(doc, title), _name_after_title(doc, title),
                     _name_after_portfolio(doc, title)):
            if name is None or taken.intersection(range(name.start, name.end)) or any(
                    t.start < name.end and name.start < t.end for t in titles):
                continue  # "Deputy [Prime Minister]": a title is no name
            extra.append(Mention(name.start, name.end, EntityType.PERSON, "", name.text))
            taken.update(range(name.start, name.end))
    return extra


def _is_person_noun(token) -> bool:
    """'counterpart', 'mediator': a noun for a person that is no role title."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in load_triggers()["person_nouns"]


def _name_after_title(doc: Doc, title: Span) -> Span | None:
    """'his Chilean counterpart Ana Rojas', 'Foreign Minister Ana Rojas', 'King Omar II': capitalised words right
    after, the last maybe a regnal number.

    A capitalised word the tagger reads as a common word may start the name ("party chief Do Muoi"); an envoy's
    destination may come between ("ambassador to Zimbabwe Shaharuddin Som")."""
    start = title.end
    if start + 1 < len(doc) and doc[start].lower_ == "to" and doc[start + 1].ent_iob_ == "B" and (
            doc[start + 1].ent_type_ == "GPE"):
        start = next(e.end for e in doc.ents if e.start == start + 1)
    end = start
    while end < len(doc) and end - start < 4 and doc[end].is_title and doc[end].is_alpha and (
            doc[end].pos_ == "PROPN" or end == start):
        end += 1
    if end < len(doc) and end > start and _REGNAL.fullmatch(doc[end].text):
        end += 1
    return doc[start:end] if end - start >= 2 and doc[end - 1].pos_ == "PROPN" else None


_REGNAL = re.compile(r"[IVX]{1,5}")


def _name_after_portfolio(doc: Doc, title: Span) -> Span | None:
    """'Minister for Agriculture and Fisheries Dominique Vasseur': the name closes the run of capitalised
    words; after "X and Y", it starts right after Y, else it is the last two words."""
    if title.end >= len(doc) or doc[title.end].lower_ not in ("for", "of"):
        return None
    end = title.end + 1
    while end < len(doc) and (doc[end].is_title or doc[end].lower_ == "and" and doc[end - 1].is_title):
        end += 1
    while doc[end - 1].lower_ == "and":
        end -= 1
    joints = [t.i for t in doc[title.end + 1 : end] if t.lower_ == "and"]
    start = joints[-1] + 2 if joints else end - 2
    return doc[start:end] if 2 <= end - start <= 4 and start > title.end + 1 else None


def _name_before_apposition(doc: Doc, title: Span) -> Span | None:
    """The capitalised words before ", [the|a] ... TITLE", if any."""
    i = title.start - 1
    while i >= 0 and i > title.start - 6 and doc[i].text not in (",", "(") and not doc[i].is_sent_start:
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    end = i
    start = end
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
        start -= 1
    return doc[start:end] if 2 <= end - start <= 4 else None


def _acronyms_beside(doc: Doc, found: list[Mention]) -> list[Mention]:
    """'the Organization of Islamic Conference (OIC)', 'Asia Pacific Economic Co-operation (Apec)': a body and the
    short name in brackets after it are one body, by the name the gazetteer knows, else by the long one; so are
    a body and its initials between commas ('The National Farmers Union, NFU, said'). The short name stands for
    that body wherever the article uses it again ('ICCO delegates said'); initials never given in brackets stand
    for the one body named before whose initials they are ('The Securities and Exchange Commission ... the SEC')."""
    by_start = {m.start: m for m in found if m.type is EntityType.ORGANIZATION}
    same: dict[int, Mention] = {}
    by_short: dict[str, Mention] = {}
    known = load_gazetteer().find_organization
    for long in by_start.values():
        short = by_start.get(long.end + 1)
        if short is None or long.end >= len(doc) or short.end >= len(doc):
            continue
        bracketed = doc[long.end].text == "(" and doc[short.end].text == ")"
        if not bracketed and not (doc[long.end].text == doc[short.end].text == "," and _initials_of(short, long, doc)):
            continue
        same[long.start] = same[short.start] = by_short[short.name] = (
            short if known(short.name) and not known(long.name) else long)
    for mention in by_start.values():
        if mention.start not in same and mention.name in by_short:
            same[mention.start] = by_short[mention.name]
        elif mention.start not in same and not known(mention.name):
            bodies = {m.key: m for m in by_start.values() if m.start < mention.start and _initials_of(mention, m, doc)}
            if len(bodies) == 1:
                same[mention.start] = by_short[mention.name] = next(iter(bodies.values()))
    return [replace(m, key=same[m.start].key, name=same[m.start].name) if m.start in same and m.type is (
        EntityType.ORGANIZATION) else m for m in found]


def _initials_of(short: Mention, long: Mention, doc: Doc) -> bool:
    """'NFU' for 'The National Farmers Union': the capitals of the long name's capitalised words."""
    return short.name.isupper() and short.name == _capitals(doc[long.start : long.end])


def _capitals(words: Span) -> str:
    return "".join(t.text[0] for t in words if t.text[:1].isupper() and t.lower_ != "the")


def _unknown(mention: Mention) -> bool:
    """Not in the gazetteer: its key is its own folded name."""
    return mention.key.partition(":")[2] == fold(mention.name)


def _coordinated_with_people(doc: Doc, found: list[Mention]) -> list[Mention]:
    """'Emmanuel Macron and Olaf Scholz': a proper name joined to a person by "and" is a person too."""
    people_heads = {doc[m.end - 1].i for m in found if m.type is EntityType.PERSON}
    title_starts = {t.start for t in doc.spans.get("roles", [])}
    retyped = []
    for mention in found:
        head = doc[mention.end - 1]
        # "A and Federal Reserve Board chairman B", "A and Bank of France Governor B": the body is B's
        unknown = mention.type is not EntityType.PERSON and _unknown(mention) and not (
            {mention.end, head.right_edge.i + 1} & title_starts)
        joined = head.dep_ == "conj" and head.head.i in people_heads or any(
            c.dep_ == "conj" and c.i in people_heads for c in head.children)
        if unknown and joined and all(t.pos_ == "PROPN" and t.is_title for t in doc[mention.start:mention.end]):
            mention = replace(mention, type=EntityType.PERSON, key="", state=None)
        retyped.append(mention)
    return retyped


# Labels NER gives a surname it does not know when it stands alone: the labels newsgraph makes no mention
# of, and a group ("Ramgoolam, who met ...", read as a nationality). Only a surname of someone the article
# named in full is taken back.
_MISREAD_SURNAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "NORP"})


def _repeated_surnames(doc: Doc, people: list[Mention]) -> list[Mention]:
    """One sense per discourse: a surname the article gave in full is that person wherever it recurs."""
    taken = {i for m in people for i in range(m.start, m.end)}
    # A surname NER reads as a product, a work or a group ("Zentrix, former Finnish president, ...") names
    # nothing else.
    taken |= {t.i for ent in doc.ents if not (len(ent) == 1 and ent.label_ in _MISREAD_SURNAME_LABELS) for t in ent}
    full = [m for m in people if len(m.name.split()) >= 2]
    by_surname: dict[str, set[str]] = {}
    for m in full:
        for surname in _surnames(m.name):
            by_surname.setdefault(surname, set()).add(m.key)
    # a person's middle name ("Okello" of "Juma Okello Wafula") where no one has it as a first name or surname
    named_so = {m.name.split()[0] for m in full} | set(by_surname)
    for m in full:
        if m.type is EntityType.PERSON:
            for middle in set(_middle_names(m.name)) - named_so:
                by_surname.setdefault(middle, set()).add(m.key)
    # a word that is also the first of a full name: the one named in full before it ("Mobutu Sese Seko ...
    # Mobutu ... his son Nzanga Mobutu")
    first_named: dict[str, int] = {}
    rivals: dict[str, set[str]] = {}
    for m in full:
        first_named.setdefault(m.key, m.start)
        rivals.setdefault(m.name.split()[0], set()).add(m.key)
    extra = []
    for token in doc:
        keys = by_surname.get(token.text, set())
        if not keys:
            continue
        if len(persons := {k for k in keys if k.startswith("person:")}) == 1:
            keys = persons  # "in The Hague, Mesic said", read as one place, is no second Mesic
        if keys and token.text in rivals:
            keys = keys & _named_in_full_before(keys | rivals[token.text], token.i, first_named)
        # not "King Omar": a given name, someone else than "Paul Omar"
        if token.i not in taken and len(keys) == 1 and _named_as_such(token) and (
                not _after_regnal_title(token.i, token.i + 1, doc)):
            person = next(m for m in people if m.key in keys)
            extra.append(replace(person, start=token.i, end=token.i + 1))
    return extra


def _named_as_such(token) -> bool:
    """A proper noun; or a word the tagger reads as a common noun ("Natsios arrived", tagged a plural), when the
    article never writes it in lower case and it is no modifier ("Wheat prices")."""
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.dep_ != "compound" and not _written_in_lower_case(
        token.lower_, token.doc)


def _written_in_lower_case(word: str, doc: Doc) -> bool:
    """Whether the article also uses ``word`` as a common word ("wheat", "front"), not only as a name."""
    return any(t.is_lower and t.lower_ == word for t in doc)


def _surnames(name: str) -> list[str]:
    """The last word of a full name, without its Arabic article ('Omar el-Bashir' is also 'Bashir') and with the
    particles before it ('Yvo de Boer' is also 'de Boer', "De Boer" opening a sentence)."""
    words = name.split()
    last = words[-1]
    article, hyphen, rest = last.partition("-")
    if hyphen and rest and article.lower() in load_triggers()["surname_articles"]:
        return [last, rest]
    particles = list(itertools.takewhile(lambda w: w in load_triggers()["name_particles"], reversed(words[1:-1])))
    return [last, " ".join([*reversed(particles), last])] if particles else [last]


def _middle_names(name: str) -> list[str]:
    """'Juma Okello Wafula' is also 'Okello': the names between the first and the last (not an initial, "W.")."""
    return [w for w in name.split()[1:-1] if len(w) > 2 and w[:1].isupper() and not w.endswith(".")]


def _resolve_people(found: list[Mention], doc: Doc, headline: int) -> list[Mention]:
    """Give every person mention the key of its full name; re-type misread names."""
    found = [_headline_verb_cut(m, doc, headline) for m in found]
    people = [m for m in found if m.type is EntityType.PERSON]
    particles = load_triggers()["name_particles"]
    names = {m.name for m in people if len(m.name.split()) >= 2}
    # "De Boer" opening a sentence is the surname of "Yvo de Boer", not a full name of its own ("Do Muoi" is one)
    full_names = {n for n in names if not any(o.lower().endswith(" " + n.lower()) for o in names)}
    by_part: dict[str, set[str]] = {}
    for name in full_names:
        for part in (*_surnames(name), name.split()[0]):
            by_part.setdefault(fold(part), set()).add(name)  # folded: "Al-Bashir" is "Omar al-Bashir"
    # A middle name ("Okello" of "Juma Okello Wafula") only where no one has it as a first name or surname.
    middle = [(fold(part), name) for name in full_names for part in _middle_names(name) if fold(part) not in by_part]
    for part, name in middle:
        by_part.setdefault(part, set()).add(name)
    surnames = {fold(s) for name in full_names for s in _surnames(name)}
    partners = _partners(people, doc)
    first_named = {}
    for m in people:
        first_named.setdefault(m.name, m.start)  # mentions come in text order
    regnal = {fold(m.name) for m in people if " " not in m.name and _after_regnal_title(m.start, m.end, doc)}
    resolved = []
    known = set(by_part) | {fold(m.name) for m in people if "-" not in m.name}
    for mention in [part for m in found for part in _pair_of_names(m, doc, known) or [m]]:
        short = " " not in mention.name or mention.name.split()[0].lower() in particles  # "De Boer"
        candidates = by_part.get(fold(mention.name), set()) if short else set()
        if _addressed_as_partner(mention, doc):  # "Mrs Obama" is "first lady Michelle Obama"; "Obama" is not
            candidates = candidates & partners or candidates
        else:
            candidates = candidates - partners
        if fold(mention.name) in regnal:  # "King Hussein", and "Hussein" after him, is no "Saddam Hussein"
            candidates = {name for name in candidates if fold(name.split()[0]) == fold(mention.name)}
        candidates = _named_in_full_before(candidates, mention.start, first_named)
        if not short and mention.type is not EntityType.PERSON:
            # "led by Ueda Osamu", read as a body here and as a person elsewhere: the same name is the same person
            same = {name for name in full_names if fold(name) == fold(mention.name)}
            candidates = same if same and _shaped_like_a_person(doc[mention.start : mention.end]) else candidates
        if mention.type is EntityType.PERSON:
            full = mention.name if mention.name in full_names else _unique(candidates) or mention.name
            resolved.append(replace(mention, key=f"person:{fold(full)}", name=full))
        elif not mention.adjectival and _unique(candidates) and (
                mention.key.split(":")[1] == fold(mention.name) or _a_town_named_like(mention, surnames)):
            # Not a gazetteer entity, or a town sharing a surname ("Charles Kennedy ... Kennedy said"), and the
            # article uses this word as a person's name.
            full = _unique(candidates)
            resolved.append(replace(mention, type=EntityType.PERSON, key=f"person:{fold(full)}", name=full, state=None))
        else:
            resolved.append(mention)
    return resolved


def _shaped_like_a_person(name: Span) -> bool:
    """No body's word ("Polisario Front"), no word the article also writes in lower case, and no title right after
    ("Lib Dem spokesman X", "Kettering Town chairman X": the body the title is of)."""
    doc, nouns = name.doc, load_triggers()["body_nouns"]
    titled = any(t.start == name.end for t in doc.spans.get("roles", []))
    return not titled and not any(t.lower_ in nouns or _written_in_lower_case(t.lower_, doc) for t in name)


def _partners(people: list[Mention], doc: Doc) -> set[str]:
    """Full names of someone's kin or spouse, whom a bare surname ("Obama", "President Reagan") does not stand for
    (unless it is "Mrs Obama"): introduced as such ("first lady Michelle Obama", "his son Hunter Biden"), or
    joined by "and" to the bare surname ("Reagan and Nancy Reagan")."""
    anaphora = load_triggers()["anaphora"]
    words = set(anaphora["partner_words"] + anaphora["kin_nouns"])
    introduced = {m.name for m in people if len(m.name.split()) >= 2
                  and any(t.lower_.rstrip(".") in words for t in doc[max(0, m.start - 2) : m.start])}
    full_at = {i: m.name for m in people if len(m.name.split()) >= 2 for i in range(m.start, m.end)}
    # "and" joins the bare name and a word of the full one, either way round ("Reagan and Nancy Reagan": the
    # parser may join the first name); looked up from the few words of full names, not from every mention's children
    joined_to: dict[int, set[int]] = {}
    for i in full_at:
        if doc[i].dep_ == "conj":
            joined_to.setdefault(doc[i].head.i, set()).add(i)
    bare = [doc[m.end - 1] for m in people if len(m.name.split()) == 1]
    joined = {full_at[i] for t in bare for i in joined_to.get(t.i, set()) | ({t.head.i} if t.dep_ == "conj" else set())
              if i in full_at and _surnames(full_at[i])[0] == t.text}
    return introduced | joined


def _after_regnal_title(start: int, end: int, doc: Doc) -> bool:
    """'King Hussein', 'Prince Abdullah': the name after the title is a given name, not a surname."""
    return _word_before(start, end, doc, load_triggers()["regnal_titles"])


def _addressed_as_partner(mention: Mention, doc: Doc) -> bool:
    """'Mrs Obama': the honorific before the surname."""
    return _word_before(mention.start, mention.end, doc, load_triggers()["anaphora"]["partner_words"])


def _word_before(start: int, end: int, doc: Doc, words: list[str]) -> bool:
    """One of ``words`` right before the name in ``doc[start:end]``, inside NER's span or not."""
    return any(t.lower_.rstrip(".") in words for t in doc[max(0, start - 1) : end - 1])


def _a_town_named_like(mention: Mention, surnames: set[str]) -> bool:
    """A city (not a capital) of the gazetteer whose name is the surname of someone the article names in full."""
    place = load_gazetteer().find_place(mention.name) if mention.type is EntityType.PLACE else None
    return place is not None and place.kind is PlaceKind.CITY and fold(mention.name) in surnames


def _headline_verb_cut(mention: Mention, doc: Doc, headline_end: int) -> Mention:
    """'Kerry Makes Florida Visit', 'Bush Pushes Sudan': in a title-case headline NER may run a name into the
    verb after it (headline_verbs in triggers.json); the name ends before the verb."""
    if mention.type is not EntityType.PERSON or mention.end > headline_end:
        return mention
    verbs = load_triggers()["headline_verbs"]
    for token in doc[mention.start + 1 : mention.end]:
        word = token.lower_
        if word in verbs or word.endswith("s") and word[:-1] in verbs or word.endswith("es") and word[:-2] in verbs:
            return replace(mention, end=token.i, name=doc[mention.start : token.i].text)
    return mention


def headline_end(doc: Doc) -> int:
    """Where the headline ends: the text's first line, when a body follows it, or a first sentence glued to the
    body ("Iraqi PM meets PutinBAGHDAD (AFP) - ...", split by unglue_headlines); 0 when there is none."""
    first_break = next((t.i for t in doc if "\n" in t.text_with_ws), len(doc))
    if first_break < len(doc) - 1:
        last_word = doc[first_break - 1] if doc[first_break].is_space and first_break else doc[first_break]
        next_word = doc[first_break + 1]
        # a full stop ends the lead's sentence; a small letter goes on with a sentence wrapped at the line's end
        return 0 if last_word.text in (".", '"', "'") or next_word.text[:1].islower() else first_break + 1
    end = next(doc.sents).end if doc.has_annotation("SENT_START") and len(doc) else 0
    glued = 0 < end < len(doc) and not doc[end - 1].whitespace_ and doc[end - 1].is_alpha and doc[end].is_alpha
    return end if glued else 0


def _pair_of_names(mention: Mention, doc: Doc, known: set[str]) -> list[Mention] | None:
    """'the Bush-Putin meeting', 'the Clinton - Podesta - Dimon meeting': people the article names elsewhere,
    joined by hyphens, not one name."""
    if mention.type is not EntityType.PERSON or not any(t.text == "-" for t in doc[mention.start : mention.end]):
        return None
    parts, start = [], mention.start
    for i in range(mention.start, mention.end + 1):
        if i == mention.end or doc[i].text == "-":
            parts.append(doc[start:i])
            start = i + 1
    names = [fold(p.text) for p in parts]
    if len(set(names)) < 2 or not all(names) or not set(names) <= known:
        return None
    return [Mention(p.start, p.end, EntityType.PERSON, "", p.text) for p in parts]


def _named_in_full_before(candidates: set[str], start: int, first_named: dict[str, int]) -> set[str]:
    """'Mobutu Sese Seko ... Mobutu ... his son Nzanga Mobutu': of several full names a short one may stand for,
    the only one the article gave before it (news names a person in full first)."""
    if len(candidates) < 2:
        return candidates
    before = {name for name in candidates if first_named.get(name, start) < start}
    return before if len(before) == 1 else candidates


def _unique(names: set[str]) -> str | None:
    return next(iter(names)) if len(names) == 1 else None
