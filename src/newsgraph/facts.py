"""Events other than meetings: agreements, border closures and openings,
armed conflicts, cease-fires, policy changes and announcements.

Triggers are data (``data/triggers.json``, section ``facts``); arguments come
from the same clause analysis as meetings (``events``): actors from subjects,
objects and "between"/"with" phrases, place, date and status; negated or
merely wished-for ones are no events. ``content`` says what was agreed,
changed or announced, in the article's words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.clauses import (
    actors_under, anchors_of, governors_of, hyphened_word, is_unreal, lemma_of, objects_of, place_of, preposition_of,
    status_of, time_of,
)
from newsgraph.mentions import Mention, MentionIndex, load_triggers
from newsgraph.model import Event, EventType, Participant, Status
from newsgraph.roles import sentence_span

_CONTENT_CHARS = 200
_NEEDS_TIME_OR_ACTOR = (EventType.ARMED_CONFLICT, EventType.CEASEFIRE)
# Where each kind of event names its parties: the one who acts, the one acted on, "between"/"with" phrases
# (of the trigger, or of its object: "closed its border with X", not "closed it in solidarity with X").
_PARTIES = {
    EventType.AGREEMENT: ("subject", "with"),
    EventType.BORDER_CLOSURE: ("subject", "object with"),
    EventType.BORDER_OPENING: ("subject", "object with"),
    EventType.POLICY_CHANGE: ("subject",),
    EventType.ANNOUNCEMENT: ("subject",),
    EventType.ARMED_CONFLICT: ("subject", "object", "with", "on", "modifier"),
    EventType.CEASEFIRE: ("subject", "with", "modifier"),
}


def find_facts(index: MentionIndex, *, published: dt.date | None) -> tuple[list[Event], list[Mention]]:
    """The non-meeting events of an article, one per distinct event, and the entities they name."""
    events: list[Event] = []
    named: list[Mention] = []
    for token in index.doc:
        kind = fact_type(token)
        if kind is None or is_unreal(token):
            continue
        found = _fact(token, kind, index, published)
        if found is not None:
            event, mentions = found
            named += mentions
            _add(events, event)
    return events, named


def fact_type(token: Token) -> EventType | None:
    # Most tokens are no trigger word of any kind: one set lookup rules them out (half of extraction's time).
    words = _trigger_words()
    if token.lemma_.lower() not in words and token.lower_ not in words and not _after_hyphen(token):
        return None
    for name, spec in load_triggers()["facts"].items():
        if name.startswith("_"):
            continue
        if _is_trigger(token, spec):
            return EventType(name)
    return None


def _is_trigger(token: Token, spec: dict) -> bool:
    lemma = token.lemma_.lower()
    if "not_against" in spec and _no_war(token, spec):
        return False
    if token.pos_ == "VERB" and lemma in spec.get("verbs", ()):
        if "objects" in spec:
            return any(o.lemma_.lower() in spec["objects"] for o in _objects(token))
        if lemma in spec.get("needs_clause", ()):
            return any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
        return True
    nouns = spec.get("nouns", ())  # as written ("hostilities") or as one word though hyphened ("cease-fire")
    if token.pos_ in ("NOUN", "PROPN") and (lemma in nouns or token.lower_ in nouns or hyphened_word(token) in nouns):
        verbs = spec.get("noun_verbs")
        return not verbs or token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in verbs
    return False


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    specs = [spec for name, spec in load_triggers()["facts"].items() if not name.startswith("_")]
    return frozenset(word for spec in specs for key in ("verbs", "nouns") for word in spec.get(key, ()))


def _spec(kind: EventType) -> dict:
    return load_triggers()["facts"][kind.value]


def _after_hyphen(token: Token) -> bool:
    return token.i >= 2 and token.nbor(-1).text == "-"


def _party_roots(token: Token, kind: EventType) -> list[Token]:
    positions = _PARTIES[kind]
    roots: list[Token] = []
    verb = _clause_verb(token)
    subject_verbs = _spec(kind).get("subject_verbs")
    if "subject" in positions and (token.pos_ == "VERB" or subject_verbs is None or lemma_of(verb) in subject_verbs):
        controller = [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "xcomp" else []
        roots += controller  # "prompted Turkey to seal the border": Turkey seals it
        for clause in [] if controller else [verb, *governors_of(verb)]:
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "agent")]
            if subjects:
                roots += [o for s in subjects for o in ([s] if s.dep_ == "nsubj" else s.children)]
                break
    if "object" in positions and token.pos_ == "VERB":
        roots += [c for c in token.children if c.dep_ == "dobj"]
    if "with" in positions:
        # "went to war with X": on the verb a noun hangs on through "to"
        roots += _with_phrases([token, verb] if verb != token.head else [token])
    if "object with" in positions and token.pos_ == "VERB":
        # the parser may hang the object's "with" on the verb: then it comes right after the object
        objects = _objects(token)
        after = {o.right_edge.i + 1 for o in objects}
        roots += _with_phrases(objects) + [o for o in _with_phrases([token]) if o.head.i in after]
    if "on" in positions and token.pos_ != "VERB":
        roots += objects_of(token, ("on",))  # "waged war on Somalia" (not "the war on terror": _no_war)
    if "modifier" in positions and token.pos_ != "VERB":
        roots += [c for c in token.children if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i < token.i]
    return [r for r in roots if r.lower_ not in ("which", "that", "who")]


def _with_phrases(holders: list[Token]) -> list[Token]:
    return [o for h in holders for o in objects_of(h, ("with", "between", "among", "against"))]


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a trigger is in: itself, or the verb its noun hangs on ("agreed to a cease-fire",
    "went to war"; not "spoke about the war")."""
    if token.pos_ == "VERB":
        return token
    preposition = preposition_of(token)
    return preposition.head if preposition is not None and preposition.lower_ in ("to", "into") else token.head


def _no_war(token: Token, spec: dict) -> bool:
    """'to fight terrorism', 'the war on terror' (an evil fought), 'a trade war', 'fought a price war', 'a war of
    words' (a war of no arms): no war between sides."""
    fought = _fought(token)
    return any(t.lemma_.lower() in spec["not_against"] for t in fought) or any(
        t.lemma_.lower() in spec["not_kinds"] for n in [token, *fought] for t in _kind_words(n))


def _fought(token: Token) -> list[Token]:
    """What a verb or noun is against: its object, or what an "against" (or a noun's "on") phrase names."""
    return [c for c in token.children if c.dep_ == "dobj"] + objects_of(
        token, ("against", "on") if token.pos_ != "VERB" else ("against",))


def _kind_words(noun: Token) -> list[Token]:
    """What kind a noun is said to be: the words before it, or its "of" ("a war of words")."""
    return [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")] + objects_of(noun, ("of",))


def _objects(verb: Token) -> list[Token]:
    """What a verb acts on: its object, its passive subject, or the noun it describes ("the closed border")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl", "amod"):
        found.append(verb.head)
    return found


def _fact(token: Token, kind: EventType, index: MentionIndex, published) -> tuple[Event, list[Mention]] | None:
    # A noun's own clause only: "closed the border during the war" does not date the war.
    anchors = [a for a in anchors_of(token) if a == token or token.dep_ in ("dobj", "nsubj", "nsubjpass")]
    actors: dict[str, Mention] = {}
    for root in _party_roots(token, kind):
        for mention in actors_under(root, index):
            actors.setdefault(mention.key, mention)
    status = status_of(token, anchors)
    time = time_of(anchors, index.doc, published, prefer_future=status is Status.PLANNED)
    if not actors and not (kind in _NEEDS_TIME_OR_ACTOR and time):
        return None
    place = place_of(token, anchors, index, list(actors.values()))
    event = Event(
        type=kind,
        participants=tuple(Participant(m.key) for m in actors.values()),
        evidence=(sentence_span(token.sent),),
        status=status or Status.OCCURRED,
        place=place.key if place else None,
        time=time,
        confidence=round(0.5 + 0.1 * bool(time) + 0.1 * bool(place) + 0.1 * (len(actors) >= 2), 2),
        content=_content(token, kind),
    )
    return event, list(actors.values()) + ([place] if place else [])


def _content(token: Token, kind: EventType) -> str | None:
    """What was agreed, changed or announced, as the article says it."""
    if kind in (EventType.AGREEMENT, EventType.ANNOUNCEMENT) and token.pos_ == "VERB":
        parts = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "dobj")]
    elif token.pos_ == "VERB":
        parts = _objects(token)
    else:
        parts = [token]
    if not parts:
        return None
    start = min(t.i for p in parts for t in p.subtree)
    end = max(t.i for p in parts for t in p.subtree) + 1
    text = " ".join(index_text.strip() for index_text in [token.doc[start:end].text])
    return text if len(text) <= _CONTENT_CHARS else text[: _CONTENT_CHARS - 1] + "…"


def _add(events: list[Event], event: Event) -> None:
    """Mentions of one event in an article ("fought a war", "the war") become one."""
    for i, known in enumerate(events):
        if (known.type is event.type and known.status is event.status
                and (known.actors == event.actors
                     or (not known.actors or not event.actors) and _may_be_one(known, event))
                and (known.time is None or event.time is None or known.time.compatible(event.time))):
            events[i] = _merged(known, event)
            return
    events.append(event)


def _may_be_one(a: Event, b: Event) -> bool:
    """'fought a war' and 'the war' may be one; 'the Cold War' and 'the war against the IRA' are two."""
    words = [_without_determiner(e.content) for e in (a, b) if e.content]
    return len(words) < 2 or words[0] == words[1] or any(len(w.split()) == 1 for w in words)


def _without_determiner(content: str) -> str:
    first, _, rest = content.lower().partition(" ")
    determiners = ("a", "an", "the", "this", "that", "its", "their", "his", "her")
    return rest if rest and first in determiners else content.lower()


def _merged(a: Event, b: Event) -> Event:
    participants = {p.entity: p for p in a.participants + b.participants}
    return replace(
        a,
        participants=tuple(participants.values()),
        evidence=a.evidence + tuple(e for e in b.evidence if e not in a.evidence),
        place=a.place or b.place,
        time=a.time or b.time,
        content=a.content or b.content,
        confidence=max(a.confidence, b.confidence),
    )
