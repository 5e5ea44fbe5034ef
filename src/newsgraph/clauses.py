"""Clause analysis shared by every kind of event.

Given a trigger token, where its arguments are in the dependency parse:
the verb that carries it ("held talks", "the meeting took place"), the
verbs governing it ("agreed to meet"), whether it is real (not negated,
refused, conditional or wished for), its status, its participants' phrases,
its place and its date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsgraph.dates import is_length, is_month, names_a_day, normalize_date
from newsgraph.gazetteer import load_gazetteer
from newsgraph.mentions import (Mention, MentionIndex, gathering_words, load_triggers, occasion_nouns, state_mention,
                                venue_at)
from newsgraph.model import EntityType, Status, TimeValue
from newsgraph.nlp import ROLE_SPANS, load_role_lexicon


SUBJECTS = ("nsubj", "nsubjpass")
_CLAUSES = ("relcl", "ccomp", "advcl", "acl", "xcomp", "conj", "parataxis")
# How a date hangs from a noun it describes without a preposition: "elections next week".
_NOUN_MODIFIERS = ("npadvmod", "amod", "compound", "nmod")
_GOVERNING = ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "acomp")  # acomp: "is due to arrive"


def lemma_of(token: Token) -> str:
    """The lemma, corrected where the model is known to slip ("hopes" -> "hop")."""
    return load_triggers()["lemma_fixes"].get(token.lower_) or token.lemma_.lower()

def anchors_of(token: Token) -> list[Token]:
    """The trigger and the verb that carries it ("held talks", "the meeting took place")."""
    anchors = [token]
    nouns = load_triggers()["meeting"]["nouns"]
    # "a round of talks": what is said of the talks is said of the round.
    anchors += [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                for c in p.children if c.dep_ == "pobj" and c.lemma_.lower() in nouns]
    if token.pos_ != "VERB":
        # "a summit hosted by X in Oslo", "the talks, attended by A and B": who, where and when
        anchors += [c for c in token.children if c.dep_ == "acl" and lemma_of(c) in load_triggers()["meeting"]["host_verbs"]]
        head = token.head
        if head.lemma_ == "of" and head.head.lemma_.lower() in nouns:
            anchors.append(head.head)
            head = head.head.head
        carrier = phase_of(token)  # "called for the resumption of talks": what is said of the resumption
        if carrier is not token:
            anchors.append(carrier)
            head = carrier.head
        if carrier.dep_ == "nsubj" and _for_to_clause(head):
            anchors.append(head.head)  # "arrived for a visit to Peru to boost ties": parsed "for [a visit] to boost"
        elif carrier.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            anchors.append(head)
            if carrier.dep_ != "dobj":
                anchors += _what_it_is_to_do(head)
        elif (verb := verb_of_preposition(carrier)) is not None:
            anchors.append(verb)  # "arrived in China for talks": where and when he arrived
        elif _brought_to_as_a_clause(carrier):
            anchors.append(head)
    return anchors

def _what_it_is_to_do(verb: Token) -> list[Token]:
    """'The meeting is expected to take place on Friday in Oslo', 'is due to be held', 'is set to open': the
    infinitive its subject is to do, where its when and where hang (not what it does: "the summit decided to
    set up a council")."""
    if verb.lemma_ != "be" and not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]  # "is due to ..."
    return [c for h in heads for c in h.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]

def _for_to_clause(verb: Token) -> bool:
    """An infinitive with "for" and a subject ("for [X] to boost ties") that hangs on another verb."""
    return is_infinitive(verb) and verb.head is not verb and verb.head.pos_ == "VERB" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)

def _infinitive_to(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)

def is_infinitive(verb: Token) -> bool:
    return _infinitive_to(verb) is not None

def _briefed_on(token: Token) -> bool:
    """'briefed Y on his talks with Z', 'would inform Y about his talks', 'a news conference on his visits': a
    meeting told of, not the telling."""
    preposition = preposition_of(token)
    return told_of(token) or preposition is not None and preposition.lower_ in ("on", "about", "of") and (
        lemma_of(preposition.head) in load_triggers()["meeting"]["address_verbs"])

def told_of(token: Token) -> bool:
    """'a news conference on X's visits', 'a statement on the talks': a meeting something said is about."""
    preposition = preposition_of(token)
    return preposition is not None and preposition.lower_ == "on" and (
        lemma_of(preposition.head) in load_triggers()["meeting"]["topic_prepositions"]["on_nouns"])

def _settled_plan(trigger: Token, cues: dict) -> bool:
    """'a deal to meet X', 'the deal to open talks with X' (not "a deal to buy jets during a visit"): the noun
    just before the trigger's own infinitive, however the parser hangs it."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head if trigger.dep_ == "dobj" else None
    if verb is None or verb != trigger and lemma_of(verb) not in load_triggers()["meeting"]["light_verbs"]:
        return False
    to = _infinitive_to(verb)
    return to is not None and to.i > 0 and lemma_of(verb.doc[to.i - 1]) in cues["settled_plan_nouns"]

def _agreed_to(trigger: Token, preposition: Token | None, cues: dict) -> bool:
    """'X has agreed to talks with Y': consent to a meeting, which is still to come ("agreed to the meeting" may
    be to one already held)."""
    return (preposition is not None and preposition.lower_ == "to" and not is_definite(trigger)
            and lemma_of(preposition.head) in cues["planned_governors"])

def _brought_to_as_a_clause(noun: Token) -> bool:
    """'X welcomed Y to talks', when the parser reads "to talks" as an infinitive."""
    return noun.dep_ in ("xcomp", "ccomp") and is_infinitive(noun) and (
        lemma_of(noun.head) in load_triggers()["meeting"]["bring_verbs"])

def phase_of(token: Token) -> Token:
    """'the resumption of talks', 'the start of the visit', 'two days of talks': the noun that stands for the
    meeting in its clause."""
    head, lexicon = token.head, load_triggers()["meeting"]
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in (
            *lexicon["phase_nouns"], *lexicon["span_nouns"]):
        return head.head
    if token.dep_ == "appos" and token.left_edge.i == head.i + 1:
        return head  # "plans for an emergency OPEC meeting", parsed with "OPEC meeting" in apposition to "emergency"
    return token

def verb_of_preposition(token: Token) -> Token | None:
    """'arrived in China for talks', 'said midway through a visit', and 'was in Ankara for a state visit' (a copula
    with a place)."""
    preposition = preposition_of(token)
    if preposition is None:
        return None
    verb = preposition.head
    if verb.pos_ == "ADV" and verb.dep_ == "advmod":
        verb = verb.head  # "said midway through a visit to Thailand"
    elif preposition.lower_ == "for" and verb.dep_ == "pobj" and verb.head.lower_ in ("in", "at"):
        verb = verb.head.head  # "was in the capital for talks", parsed as if "the capital for talks" were a place
    elif preposition.lower_ in ("at", "during") and verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "pobj"):
        # "spoke about the issue at their meeting on Monday", parsed as if the meeting were the issue's
        verb = verb.head if verb.dep_ == "dobj" else verb.head.head
    return verb if verb.pos_ == "VERB" or verb.lemma_ == "be" and verb.dep_ == "ROOT" and preposition.lower_ == "for" else None

def is_definite(token: Token) -> bool:
    return any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that", "these") for c in token.children)

def clause_anchor(anchors: list[Token]) -> Token:
    """The verb that carries the trigger, or the trigger itself."""
    return anchors[-1] if anchors[-1].pos_ in ("VERB", "AUX") else anchors[0]

def shared_frame(anchors: list[Token]) -> list[Token]:
    """Verbs whose when and where are the trigger's too: the first of two coordinated without a subject or
    auxiliary of their own ("was due to meet A in Gaza on Sunday and hold talks with B"), the verb that
    schedules it ("on Saturday was scheduled to meet B", "a visit that had been scheduled for Sunday"), and what
    happened when it did ("in 2003, when X visited Y")."""
    schedule_verbs = load_triggers()["schedule_verbs"]
    # "a visit that had been scheduled for Sunday", "the talks to begin on Tuesday", "talks, which opened Monday",
    # "the summit, held in Oslo on Monday"
    framing = schedule_verbs + load_triggers()["opening_verbs"] + load_triggers()["holding_verbs"]
    scheduling = clauses_of(anchors[0], framing)
    if anchors[0].dep_ in SUBJECTS:  # "Held at the Foreign Ministry in Beijing, the talks are aimed at ..."
        scheduling += [c for c in anchors[0].head.children if c.dep_ == "advcl" and c.tag_ == "VBN"
                       and c.i < anchors[0].i and lemma_of(c) in framing]
    if anchors[0].pos_ == "NOUN" and scheduling:
        return scheduling
    verb = clause_anchor(anchors)
    if verb.dep_ == "conj" and verb.pos_ == "VERB" and not any(
            c.dep_ in (*SUBJECTS, "aux", "auxpass") for c in verb.children):
        return [verb.head]
    if verb.dep_ == "xcomp" and lemma_of(verb.head) in schedule_verbs:
        return [verb.head]
    when = any(c.dep_ in ("mark", "advmod") and c.lower_ == "when" for c in verb.children)
    if verb.dep_ in ("advcl", "relcl") and when:
        return [verb.head]  # "ties grew in 2003 when X paid a visit to Y" ("2003 when": a relative clause)
    return []

def clauses_of(noun: Token, verbs) -> list[Token]:
    """The relative or participle clauses on a noun whose verb is one of ``verbs``: "talks, which opened Monday",
    "two days of talks which ended in New Delhi"."""
    return [c for c in noun.children if c.dep_ in ("relcl", "acl") and lemma_of(c) in verbs]

def governors_of(token: Token):
    """The verbs above the trigger through clause links ("agreed to meet", "sparked hope by meeting")."""
    current = token
    while current.head != current:
        if current.dep_ in ("pcomp", "pobj") and current.head.dep_ == "prep" and current.pos_ in ("VERB", "AUX"):
            current = current.head  # through the preposition of a gerund
            if (reporter := _reporter_before(current)) is not None:
                yield reporter
                return
            if (clause := _clause_before_reporter(current)) is not None:
                yield clause  # "X left, after meeting W, the radio said": the phrase is X's
                current = clause
                continue
        elif _after_first_time(current) or _said_of_the_subject(current) or _agreed_on_an_occasion(current):
            current = current.head.head  # "offered for the first time to meet X": parsed as a time "to meet"
        elif current.dep_ not in _GOVERNING and not _what_a_report_says(current):
            return
        current = current.head
        yield current

def _what_a_report_says(noun: Token) -> bool:
    """'denied reports that he had met X': the verb takes what the report says (a clause with "that" as its
    conjunction, however the parser hangs it; not 'the report he wrote')."""
    return noun.dep_ == "dobj" and noun.lemma_.lower() in load_triggers()["status"]["report_nouns"] and any(
        c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" for m in c.children) for c in noun.children)


def _after_first_time(verb: Token) -> bool:
    """'X offered for the first time to meet Y': the parser hangs the infinitive on "time"; it is X's offer's."""
    return verb.dep_ == "relcl" and verb.head.lemma_ == "time" and verb.head.dep_ == "pobj" and is_infinitive(verb)


def _agreed_on_an_occasion(verb: Token) -> bool:
    """'A and B agreed in a telephone conversation on Monday to meet': the parser hangs the infinitive on the
    occasion; it is the agreeing verb's."""
    occasion = verb.head
    return verb.dep_ == "acl" and is_infinitive(verb) and occasion.dep_ == "pobj" and (
        occasion.head.head.pos_ == "VERB" and lemma_of(occasion.head.head) in load_triggers()["status"]["planned_governors"])


def _said_of_the_subject(verb: Token) -> bool:
    """'X is the first minister to visit Y': the copula's subject visits, in the copula's tense ("would be")."""
    if not (verb.dep_ == "relcl" and verb.head.dep_ == "attr"):
        return False
    ranked = any(c.ent_type_ == "ORDINAL" or c.lower_ in ("only", "last") for c in verb.head.children)
    return ranked and any(s.dep_ == "nsubj" for s in infinitive_subjects(verb))  # not "there was time to meet"


def _reporter_before(preposition: Token) -> Token | None:
    """'Y will do Z, X said, after meeting W': what follows the reporting clause is said of its speaker."""
    words = load_triggers()["report_verbs"]
    doc = preposition.doc
    for clause in preposition.head.children:
        if (clause.dep_ == "parataxis" and lemma_of(clause) in words and clause.right_edge.i < preposition.i
                and all(t.is_punct for t in doc[clause.right_edge.i + 1 : preposition.i])):
            return clause
    return None

def done_after(token: Token, words: tuple[str, ...] = ("after",)) -> Token | None:
    """The verb that an "after" phrase holding the trigger hangs on: "said after meeting Y", "left after holding
    talks", "arrived after a visit to Y", "said after the two held talks"."""
    carrier = token.head if token.dep_ == "dobj" and token.head.pos_ == "VERB" else token  # "after holding talks"
    if carrier.dep_ in ("pcomp", "pobj") and carrier.head.lower_ in words:
        return _before_a_trailing_report(carrier.head.head, carrier.head)
    if carrier.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words for c in carrier.children):
        return _before_a_trailing_report(carrier.head, carrier)
    return None

def _before_a_trailing_report(verb: Token, phrase: Token) -> Token:
    """'X left Libya on Sunday, after holding talks with Y, Libyan television said': the parser hangs the phrase on
    the report that trails it, whose subject comes after it; the phrase belongs to the clause before."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not subjects or any(s.i < phrase.i for s in subjects) or lemma_of(verb) not in load_triggers()["report_verbs"]:
        return verb
    # the report hung on the clause ("left ..., said") or the clause on the report, its root
    before = [verb.head] if verb.dep_ in ("advcl", "ccomp", "parataxis") else [
        c for c in verb.children if c.dep_ == "ccomp"]
    return next((c for c in before if c.i < phrase.i), verb)

def reported_right_after(token: Token) -> list[Token]:
    """'X said Sunday in Shanghai after meeting Y', 'X told reporters here after talks with Y', 'the ministry said
    Thursday after the two held talks': a report made as a meeting ends, whose place and day are the meeting's."""
    verb = done_after(token)
    return [verb] if verb is not None and lemma_of(verb) in load_triggers()["report_verbs"] else []

def _clause_before_reporter(preposition: Token) -> Token | None:
    """'Y left Libya, after meeting W, the radio said': the parser may hang the phrase on the reporting verb
    that follows it; it belongs to the clause before it, the reporting verb's head or its reported clause."""
    verb = preposition.head
    if lemma_of(verb) not in load_triggers()["report_verbs"] or verb.i < preposition.i:
        return None
    if verb.dep_ in ("advcl", "parataxis") and verb.head.i < preposition.i and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.right_edge.i < preposition.i), None)

def _within_sentence_frame(verb: Token) -> list[Token]:
    """The governors whose negation or wish reaches the trigger: not past an adverbial clause ("X called for an
    alliance, as Y arrived on a visit": the call is not about the visit; "X hoped to pass the bill before leaving
    for talks": the hope is not about the talks)."""
    found = []
    child = verb
    time_preps = load_triggers()["status"]["time_clause_preps"]
    for governor in governors_of(verb):
        if child.dep_ == "advcl" or child.dep_ == "pcomp" and child.head.lower_ in time_preps:
            break
        found.append(governor)
        child = governor
    return found

def is_unreal(token: Token) -> bool:
    """Negated, refused, conditional or only wished-for."""
    cues = load_triggers()["status"]
    anchors = anchors_of(token)
    chain = [*anchors, *_within_sentence_frame(clause_anchor(anchors))]
    # "avoided missteps on his visit": what the verb of a preposition avoids or refuses is not the visit.
    around = verb_of_preposition(token)
    setting = _is_setting(token)
    for t in chain:
        children = list(t.children)
        # "would not ask X to cut troops at their summit": the summit is held whatever is not done at it
        negated = any(c.dep_ == "neg" for c in children) and not (setting and t != token)
        if negated or any(c.dep_ == "mark" and c.lower_ in cues["condition_marks"] for c in children):
            return True
        held_there = setting and t.tag_ in ("VBD", "VBN")  # "failed to reach an accord at the meeting": it was held
        if t not in (token, around) and _phrasal(t) in cues["negating_governors"] and not (
                _passive_invitation(t) or held_there or _what_it_does(token, t, cues)):
            return True
        if _wishes(t, cues) or any(c.lower_ in cues["speculative_aux"] for c in children if c.dep_ == "aux"):
            return True
    if any(c.dep_ == "amod" and c.lower_ in cues["speculative_modifiers"] for c in token.children):
        return True  # "her possible visit to China"
    if _habitual(clause_anchor(anchors), cues):
        return True  # "visits Baghdad every two months", "regularly meets X": a habit, no one meeting
    if token.pos_ == "NOUN" and _said_with_no(token):
        return True  # "there was no meeting between them", "no talks are planned"
    if any(_plans_denied(verb) for verb in {token, clause_anchor(anchors)}):
        return True  # "had no plans to meet X", "did not announce plans to visit Y", "has no plans to start talks"
    if _undecided(token, cues):
        return True  # "a visit by X is under consideration"
    preposition = preposition_of(token)
    if preposition is not None and (preposition.head.pos_ == "ADJ" or preposition.head.dep_ == "acomp") and (
            (cue := lemma_of(preposition.head)) in cues["negating_governors"] or cue in cues["willingness_heads"]):
        return True  # "remained opposed to talks with X", "is ready for talks"
    if token.pos_ == "NOUN" and any(c.dep_ == "advmod" and c.lower_ in cues["speculative_adverbs"]
                                    for t in (token, preposition) if t is not None for c in t.children):
        return True  # "probably with a visit to South Africa"
    return _wishes(token.head, cues) or _requested(phase_of(token), cues)

def _what_it_does(token: Token, governor: Token, cues: dict) -> bool:
    """'the talks failed to produce a deal', 'the visit seeks to boost ties', 'the meeting called for calm': what
    the meeting itself does is no refusal or wish about it, unless that is whether it happens ('failed to take
    place')."""
    return token.dep_ == "nsubj" and token.head == governor and not any(
        c.dep_ == "xcomp" and _says_it_happens(c, cues["happening_verbs"]) for c in governor.children)


def _says_it_happens(verb: Token, words: list[str]) -> bool:
    """'happen', 'take place', 'go ahead': the verb with its particle, object or adverb."""
    return _phrasal(verb) in words or any(f"{lemma_of(verb)} {c.lower_}" in words for c in verb.children
                                          if c.dep_ in ("dobj", "advmod"))


def _plans_denied(verb: Token) -> bool:
    return bool(_planners(verb)) and (_said_with_no(verb.head) or any(c.dep_ == "neg" for c in verb.head.head.children))

def _said_with_no(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)

def _undecided(token: Token, cues: dict) -> bool:
    """'a visit by X was under consideration', 'a summit is under discussion': not yet decided."""
    return token.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "prep" and c.lower_ == "under" and any(lemma_of(o) in cues["undecided_nouns"] for o in c.children)
        for c in token.head.children)

def _habitual(verb: Token, cues: dict) -> bool:
    """A simple present with a frequency ("every two months", "regularly"), or a perfect with a count of times."""
    if _counted_times(verb):
        return True
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    # the adverb itself, or the determiner of a time phrase ("every two months"), not a word deep in a phrase
    near = [t for c in verb.children if c.dep_ in ("advmod", "npadvmod") for t in (c, *c.children)]
    return any(t.lower_ in cues["habitual_words"] for t in near)


def _counted_times(verb: Token) -> bool:
    """"has visited Malaysia some 15 times", "have met several times": a life's count, no one meeting (unlike
    "phoned him three times to complain", one episode)."""
    children = list(verb.children)
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in children) and any(
        c.dep_ == "npadvmod" and c.lower_ == "times" and any(g.dep_ in ("nummod", "amod") for g in c.children)
        for c in children)


def _wishes(word: Token, cues: dict) -> bool:
    """'hopes to meet', 'is open to talks'; not 'opened talks', where the word is a light verb."""
    lemma = lemma_of(word)
    return lemma in cues["willingness_heads"] and not (
        word.pos_ == "VERB" and lemma in load_triggers()["meeting"]["light_verbs"])

def _is_setting(token: Token) -> bool:
    preposition = preposition_of(token)
    return token.pos_ != "VERB" and preposition is not None and preposition.lower_ in load_triggers()["status"]["setting_preps"]

def hyphened_word(token: Token) -> str:
    """The word a token ends, with what hyphens join to it, in lower case and its last part's lemma: the tokenizer
    splits "run-up" and "face-to-face", which the lexicons hold whole."""
    doc, start = token.doc, token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
        start -= 2
    last = lemma_of(token)
    return last if start == token.i else "".join(t.lower_ + t.whitespace_ for t in doc[start : token.i]) + last

def _phrasal(verb: Token) -> str:
    """'called off' is not 'called': the lemma with its particle."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([lemma_of(verb), *particles])

def _passive_invitation(verb: Token) -> bool:
    """'X invited Y to visit' is an offer; 'Y is (expected to be) invited to meet X' reports an arrangement."""
    return verb.lemma_.lower() == "invite" and any(c.dep_ == "auxpass" for c in verb.children)

def _requested(token: Token, cues: dict) -> bool:
    """'calls for talks with Iran', 'an offer of talks', 'a call by rebels for talks' (the parser may hang "for
    talks" on the caller): asked for, not held."""
    preposition = preposition_of(token)
    if preposition is None or preposition.lower_ not in ("for", "of"):
        return False
    asker = preposition.head
    if asker.dep_ == "pobj" and asker.head.lower_ in ("by", "from"):
        asker = asker.head.head  # "a call by rebels for talks": the call, not the rebels, is for talks
    return asker.lemma_.lower() in cues["request_nouns"]

def calls_off(verb: Token) -> bool:
    """'cancelled', 'put off': what calls a meeting off, on a day of its own ("on Wednesday cancelled a visit");
    'dropped plans to visit', 'abandoned the talks', but not 'dropped by the embassy to meet X'."""
    triggers, lemma = load_triggers(), lemma_of(verb)
    if lemma in triggers["status"]["cancel_words_of_objects"]["words"]:
        dropped = {*triggers["meeting"]["nouns"], *triggers["intention_nouns"]}
        return any(c.dep_ == "dobj" and c.lemma_.lower() in dropped for c in verb.children)
    words = triggers["status"]["cancel_words"]
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]  # "put off"
    return lemma in words or any(f"{lemma} {p}" in words for p in particles)

def status_of(token: Token, anchors: list[Token]) -> Status | None:
    cues = load_triggers()["status"]
    clause = clause_anchor(anchors)
    verb = clause if clause.pos_ in ("VERB", "AUX") else _verb_of_phrase(clause)  # "aims to avoid missteps on his visit"
    governors = [*([verb] if verb is not None and verb != clause else []), *_tense_governors(verb or clause)]
    if verb is not None and _planners(verb):
        governors.append(verb.head.head)  # "scrapped plans to visit Y"
    if _briefed_on(token):
        return None  # "was expected to brief Y on his talks last month with Z": the talks' own tense and date say
    if any(calls_off(t) for t in anchors + governors):
        return Status.PLANNED if new_date_of(anchors + governors) is not None else Status.CANCELLED
    preposition = preposition_of(anchors[0]) or preposition_of(clause_anchor(anchors))
    if preposition is not None and preposition.lower_ == "of" and preposition.head.lower_ == "ahead":
        return Status.PLANNED  # "comes ahead of next week's talks"
    if preposition is not None and hyphened_word(preposition.head) in cues["lead_up_nouns"]:
        return Status.PLANNED  # "paved the way for talks", "on the eve of the summit", "in the run-up to the visit"
    if preposition is not None and preposition.lower_ == "for" and _phrasal(preposition.head) in cues["lead_up_verbs"]:
        return Status.PLANNED  # "prepared for talks in Moscow", "set for a visit" (not "set out for")
    if _on_the_way_for(preposition) or arrived_for(token) or _what_a_departure_is_for(verb):
        return Status.PLANNED  # "leaves Wednesday for a trip to Chile", "travels to Brasilia for talks", "was
        # leaving for a visit to Japan", "arrived here for talks with Y", "left for X to hold talks": still ahead
    if preposition is not None and is_due(preposition.head) or any(map(is_due, anchors)):
        return Status.PLANNED  # "is due in Beijing on Tuesday for talks", "the meeting is due on Friday"
    if _settled_plan(token, cues) or _agreed_to(token, preposition, cues):
        return Status.PLANNED  # "the deal to open talks with X", "agreed to talks with X"
    if _present_in_time_clause(clause, cues) or _before_a_wish_or_plan(verb, cues):
        return Status.PLANNED  # "by the time X meets Y": the present of a time clause is a future
    if preposition is not None and preposition.lower_ in ("after", "following", "since"):
        # Before the main clause: planned if that is still to come ("following the talks, X will ..."), else held.
        return Status.PLANNED if _is_future(preposition.head) else Status.OCCURRED
    if preposition is not None and preposition.lower_ == "before" and _told_as_now(preposition.head) and any(
            c.dep_ == "npadvmod" and c.ent_type_ == "DATE" for c in preposition.children):
        # "the vote comes three days before the summit": a gap from now. Not a caption's "shakes hands before
        # their meeting", a present told of a moment just past.
        return Status.PLANNED
    carrier = phase_of(token)
    setting = verb_of_preposition(carrier)  # "agreed on X in two days of talks": where they agreed
    if setting is not None and setting.dep_ == "pcomp" and setting.head.head.pos_ == "VERB" and (
            preposition_of(carrier).lower_ in ("in", "during")):
        # "unable to agree on starting X in two days of talks": the parser hangs the talks on the gerund
        setting = setting.head.head
        governors = [g for g in governors if g != setting]
    if _occasion_of_agreeing(token, setting, cues):
        return Status.OCCURRED  # "agreed to meet during a telephone conversation": the call was held
    if setting is not None and _expected_to_act(setting, cues):
        return Status.PLANNED  # "during their meeting, A and B are expected to discuss Z"
    # not "agreed during the meeting", nor "the visit was aimed at boosting ties"
    carriers = [a for a in anchors[1:] if a != setting and not (
        a == token.head and token.dep_ in SUBJECTS and lemma_of(a) in cues["purpose_governors"])]
    if {lemma_of(t) for t in _planning(clause, governors) + carriers} & set(cues["planned_governors"]):
        return Status.PLANNED  # "plan to meet", "are set to hold talks", "talks were scheduled for May"
    verbs = anchors + governors + ([preposition.head] if preposition is not None else [])
    if any(_is_future(verb) for verb in verbs):
        return Status.PLANNED  # "will meet", "is to be received"
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")} & set(cues["planned_modifiers"])
    if token.dep_ == "attr":
        modifiers -= set(cues["counting_modifiers"])  # "it was the second meeting between them": this one
    if modifiers and not _carried_out(token, anchors):
        return Status.PLANNED  # "the planned talks", but "arrived on a scheduled visit", "held the planned talks"
    if _dated_ahead(anchors) and not _told_as_done(anchors[0]):
        return Status.PLANNED  # "X visits Y next week": a headline's present, a time still to come
    if any(t.tag_ in ("VBD", "VBN") or t.lemma_ == "take" for t in verbs if t.pos_ in ("VERB", "AUX")):
        return Status.OCCURRED
    return None

def set_off_for(preposition: Token | None) -> bool:
    """The "for" of a departure: "left for Jordan for talks", "leaves Wednesday for a trip"."""
    return preposition is not None and preposition.lower_ == "for" and (
        lemma_of(preposition.head) in load_triggers()["meeting"]["departure_verbs"])


def is_due(verb: Token) -> bool:
    """'X is due in Kenya on Friday', 'is expected in Oslo': a presence still to come."""
    words = load_triggers()["status"]["planned_governors"]
    return verb.lemma_ == "be" and any(c.dep_ == "acomp" and lemma_of(c) in words for c in verb.children)


def arrived_for(token: Token) -> bool:
    """'X arrived here Wednesday for talks with Y': talks with someone an arrival is for are still ahead, and its
    day is not theirs; so is a meeting they include ("for talks with Turkish leaders, including a meeting with Y",
    however the parser hangs "including"); not "arrived for a visit" or "arrived in China for talks", a visit
    under way."""
    preposition = preposition_of(token)
    if preposition is None or token.pos_ != "NOUN" or not has_preposition(token, "with"):
        return False
    arrival = lemma_of(preposition.head) in load_triggers()["meeting"]["arrival_verbs"]
    if preposition.lower_ == "including":
        return arrival or arrived_for(preposition.head)
    return preposition.lower_ == "for" and arrival


def _what_a_departure_is_for(verb: Token | None) -> bool:
    """'X left for Kampala on Tuesday to hold talks with Y': what a departure is for is still ahead."""
    return verb is not None and is_infinitive(verb) and verb.dep_ in ("advcl", "xcomp") and (
        lemma_of(verb.head) in load_triggers()["meeting"]["departure_verbs"])


def _on_the_way_for(preposition: Token | None) -> bool:
    """The "for" of a journey told in the present or as under way, whose end is still ahead (not "arrives in Seoul
    for a visit": there, the visit is under way)."""
    if preposition is None or preposition.lower_ != "for":
        return False
    verb, lexicon = preposition.head, load_triggers()["meeting"]
    going = {*lexicon["departure_verbs"], *lexicon["travel_verbs"]} - set(lexicon["arrival_verbs"])
    if lemma_of(verb) not in going:
        return False
    under_way = verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    return verb.tag_ in ("VBZ", "VBP") or under_way


def _before_a_wish_or_plan(verb: Token | None, cues: dict) -> bool:
    """'X hoped to pass the bill before leaving for talks': what comes after a wished-for act is still to come."""
    if verb is None or verb.dep_ != "pcomp" or verb.head.lower_ != "before":
        return False
    main = verb.head.head
    return any(_wishes(t, cues) or _is_future(t) for t in [main, *governors_of(main)])

def new_date_of(verbs: list[Token]) -> Span | None:
    """'put off until Thursday', 'postponed to next week': the new date of a postponed meeting."""
    words = set(load_triggers()["status"]["postpone_words"])
    dates = [date for verb in verbs if _phrasal(verb) in words for p in verb.children
             if p.dep_ == "prep" and p.lower_ in ("until", "till", "to")
             for date in p.children if date.dep_ == "pobj" and date.ent_type_ in _TIMES]
    return next((e for d in dates for e in d.doc.ents if e.start <= d.i < e.end), None)

def _told_as_now(verb: Token) -> bool:
    """'comes', 'is speaking': a present, simple or progressive."""
    return verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _told_as_done(trigger: Token) -> bool:
    """'met Y ahead of elections next week', 'has made a visit to Y ...': the meeting's own verb in the past or the
    perfect cannot take a date still to come, so such a date is another thing's (not "cast a shadow over his
    talks next week": that verb is not the talks')."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head if trigger.dep_ == "dobj" else None
    return verb is not None and (verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))


def _dated_ahead(anchors: list[Token]) -> bool:
    """A date said to be ahead ("next week", "tomorrow") hangs from the trigger, whatever the article's date."""
    anchor_ids = {a.i for a in anchors}
    return any(e.label_ == "DATE" and _said_ahead(e.root) and _attached(e.root, anchor_ids) for e in anchors[0].doc.ents)


def _said_ahead(date: Token) -> bool:
    """'next week', 'tomorrow', 'the coming days': the words of the date (the root's subtree) say it is still ahead."""
    words = load_triggers()["status"]["future_time_words"]
    return any(t.lower_ in words for t in date.subtree)

def _tense_governors(verb: Token) -> list[Token]:
    """The verbs whose tense the trigger's clause takes: not past a finite adverbial clause of its own
    ("X was due to tour a plant as he wraps up his visit": the visit is under way), unless it is a time
    clause, whose present is the main clause's future ("will attend after he concludes his visit"), and whose
    past under "would" is a future in the past ("said the signing would take place after he attended the talks")."""
    finite = verb.dep_ == "advcl" and verb.tag_ in ("VBZ", "VBP", "VBD") and any(c.dep_ in SUBJECTS for c in verb.children)
    time_clause = any(c.dep_ == "mark" and c.lower_ in load_triggers()["status"]["future_marks"] for c in verb.children)
    would = any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.head.children)  # not "will ... after Y agreed"
    if finite and not (time_clause and (verb.tag_ != "VBD" or would)):
        return []
    return list(governors_of(verb))

def _present_in_time_clause(verb: Token, cues: dict) -> bool:
    if verb.tag_ not in ("VBZ", "VBP") or verb.dep_ not in ("advcl", "relcl"):
        return False
    marks = [c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")]
    # "by the time X meets Y": "time" governs the clause
    return any(m in cues["future_marks"] for m in marks) or verb.dep_ == "relcl" and verb.head.lower_ == "time"

def _carried_out(token: Token, anchors: list[Token]) -> bool:
    light = load_triggers()["meeting"]["light_verbs"] + ["take", "arrive"]
    return any(a.tag_ in ("VBD", "VBN") and (a == verb_of_preposition(token) or lemma_of(a) in light) for a in anchors[1:])

def _planning(clause: Token, governors: list[Token]) -> list[Token]:
    """The governors that may plan the trigger's clause: none above a finite past clause, whose tense is its own
    ("analysts agreed the gesture turned his visit into an event": the visit was made)."""
    for n, verb in enumerate([clause, *governors][:-1]):
        if verb.tag_ == "VBD" and verb.dep_ == "ccomp" and any(c.dep_ in SUBJECTS for c in verb.children):
            return governors[:n]
    return governors

def _occasion_of_agreeing(token: Token, setting: Token | None, cues: dict) -> bool:
    """'A and B agreed to meet during a telephone conversation': the parser hangs the occasion on the meeting
    agreed to, but it is when they agreed, in the agreeing verb's past."""
    preposition = preposition_of(token)
    if setting is None or preposition is None or preposition.lower_ not in ("during", "in") or not is_infinitive(setting):
        return False
    governor = setting.head
    return setting.dep_ == "xcomp" and lemma_of(governor) in cues["planned_governors"] and governor.tag_ == "VBD" and (
        lemma_of(setting) in load_triggers()["meeting"]["verbs"])


def _expected_to_act(verb: Token, cues: dict) -> bool:
    """'are expected to discuss', 'is scheduled to sign': an act still to come (not "agreed to resume", done)."""
    return lemma_of(verb) in cues["planned_governors"] and any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "xcomp" and is_infinitive(c) for c in verb.children)

def _is_future(verb: Token) -> bool:
    """'will be received', 'is to be received', 'was to meet' (but not 'agreed to continue')."""
    cues = load_triggers()["status"]
    # "is | to be received", "was | to meet her later" (a plan as the story tells it), parsed with "is" on top
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP", "VBD"):
        return any(is_infinitive(c) for c in _be_complements(verb))
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in cues["planned_aux"] for c in auxiliaries):
        return True
    if verb.lower_ == "going" and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in auxiliaries):
        return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)  # "is going to"
    if is_infinitive(verb):
        return any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in auxiliaries) or _headline_infinitive(verb)
    return False

def _be_complements(verb: Token) -> list[Token]:
    """The verbs "be" takes: "is | to be received"; also "was then | to meet", which the parser may hang as an
    adverbial clause when "be" has no other complement, or under the adverb ("was later | to meet")."""
    children = list(verb.children)
    found = [c for c in children if c.dep_ == "xcomp"]
    found += [x for c in children if c.dep_ == "acomp" and c.pos_ == "ADV" for x in c.children if x.dep_ == "xcomp"]
    if not any(c.dep_ in ("acomp", "attr", "prep", "xcomp") for c in children):
        found += [c for c in children if c.dep_ == "advcl"]
    return found


def _headline_infinitive(verb: Token) -> bool:
    """'X to meet Y', 'X and Y to hold talks': a headline's future, an infinitive with a subject and no verb above it."""
    ancestors = list(verb.ancestors)
    if any(a.pos_ in ("VERB", "AUX") for a in ancestors):
        return False  # "agreed to meet", "flew to Paris to meet"
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS] or ancestors[:1]
    to = _infinitive_to(verb)
    # the subject right before "to": "X in Libya to discuss Y" says why X is there, not what X will do
    return to.i > 0 and any(to.nbor(-1) in (s, *s.conjuncts) for s in subjects if s.pos_ in ("PROPN", "NOUN"))

def has_preposition(token: Token, word: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == word for c in token.children)

def preposition_of(token: Token) -> Token | None:
    """The preposition a noun trigger hangs from ("during the meeting", "will be followed by a summit")."""
    return token.head if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent") else None

def names_own_sides(token: Token) -> bool:
    """'talks between A and B', 'X's visit to Russia' (or to a shrine), 'the visit of X to Russia': the noun
    names its sides itself."""
    return has_preposition(token, "between") or (_names_its_visitor(token) and bool(_destinations(token)))

def _names_its_visitor(noun: Token) -> bool:
    """'X's visit', 'the visit of (his predecessor) X', 'a visit by the Ugandan leader'."""
    owners = [c for c in noun.children if c.dep_ == "poss"] + objects_of(noun, ("by",)) + [
        o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" and not _toured(p) for o in p.children
        if o.dep_ == "pobj"]
    return any(o.pos_ == "PROPN" or _is_title(o) or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in o.children)
               for o in owners)

def _toured(preposition: Token) -> bool:
    """The "of" of "a tour of Lebanon", "a visit of the region": a journey of places, not of its traveller."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in load_triggers()["meeting"]["stay_nouns"] and (
        bool(objects) and all(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects))

def _is_title(token: Token) -> bool:
    return any(t.end == token.i + 1 for t in token.doc.spans.get(ROLE_SPANS, []))

def object_misread(verb: Token) -> list[Token]:
    """'telephoned Chancellor X hours before ...': the parser may make the name right after a verb with no object
    a compound of the time phrase after it (one the verb does not hold, unlike "met President X Wednesday")."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return []
    doc = verb.doc
    end = next((t.i for t in doc[verb.i + 1 : verb.i + 8] if t.pos_ not in ("PROPN", "ADJ")), verb.i + 1)
    name = doc[end - 1]
    misread = name.ent_type_ == "PERSON" and name.dep_ == "compound" and doc[end].ent_type_ in _TIMES
    return [name] if end > verb.i + 1 and misread else []


def _goes_somewhere(journey: Token) -> bool:
    """A journey that names where it goes: "a visit to Peru", "visited Peru", "travelled to Lima"."""
    lexicon = load_triggers()["meeting"]
    if lemma_of(journey) not in (lexicon["journey_nouns"] if journey.pos_ == "NOUN" else lexicon["stay_verbs"]):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" or c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "FAC")
               for c in journey.children)


def participant_roots(token: Token, anchors: list[Token]) -> list[Token]:
    roots: list[Token] = []
    own_sides = names_own_sides(token)
    for anchor in anchors:
        # "criticized Y during talks": Y is no participant; "welcomed Y to talks", "joined Y for talks": Y is
        subject_only = anchor == verb_of_preposition(token) and not _brings_to(token, anchor)
        if own_sides and (subject_only or anchor is not token and token.pos_ == "NOUN"):
            # "prepared the ground for talks between A and B", "ties strained by X's visits to Y": they are the sides
            continue
        destinations = _destinations_named_before(anchor)
        for child in anchor.children:
            if child.dep_ in SUBJECTS and anchor is not token and (
                    _theirs_without(token, child) or _second_subject(token, child)):
                continue  # "X would hold talks on what A and B decided during their meeting": not X's meeting
            if subject_only:
                # "told Y during a visit to China": whom one tells, assures or urges there is met there (not "briefed Y
                # on his talks": they are the topic, and a "with Z" the parser hangs on "briefed" is theirs)
                addressed = child.dep_ == "dobj" and lemma_of(anchor) in load_triggers()["meeting"]["address_verbs"] and (
                    preposition_of(token).lower_ in ("during", "at", "in"))
                roots += [child] if child.dep_ in SUBJECTS or addressed else []
                roots += objects_of(anchor, ("with",)) if child == token.head and _briefed_on(token) else []
            elif child.dep_ == "dobj" and lemma_of(anchor) in load_triggers()["meeting"]["discuss_verbs"]:
                # "discussed the LRA issue with X": the object is the topic; X, wherever the parser hangs it, a side
                roots += with_under_topic(child)
            elif child.dep_ == "dobj" and lemma_of(anchor) in load_triggers()["meeting"]["signing_verbs"]:
                continue  # "A and B signed the accord": what they signed, no side
            elif child.dep_ == "agent" and any(o.lemma_.lower() in load_triggers()["meeting"]["nouns"]
                                               for o in child.children if o.dep_ == "pobj"):
                continue  # "the ministers' meeting will be followed by a summit of A and B": the summit's sides
            elif child in destinations:
                continue  # "his China visit": where, not whom (the state joins as any visit's host does)
            elif child.dep_ in (*SUBJECTS, "dobj", "poss", "compound", "nmod", "agent") or (
                child.dep_ in ("amod", "conj") and child.pos_ == "PROPN") or (
                child.dep_ == "npadvmod" and child.ent_type_ == "PERSON" and (
                    child.left_edge.i == anchor.i + 1 or _after_the_verbs_conjunction(child, anchor))):
                # "met Premier X" may be parsed as a modifier of the verb right after it, "met X as well as Y" too.
                # A name coordinated with the trigger itself is a parser slip for one coordinated with its object
                # ("held talks with A, ..., and B", "a meeting between rivals, A and B").
                roots.append(child)
            elif child.lower_ == "with" and _goes_somewhere(anchor):
                continue  # "his visit to the region with other British leaders": who went along, not whom he met
            elif child.dep_ == "prep" and _toured(child):
                continue  # "a tour of Lebanon": where, not whom
            elif child.dep_ == "prep" and (child.lower_ in ("with", "between", "among", "of", "by") or (
                    anchor is token and child.lower_ in _side_prepositions(token)) or _as_well_as(child)):
                # "a courtesy call on X", "met X as well as Y"
                roots.extend(c for c in child.children if c.dep_ == "pobj")
                roots.extend(_visitors_misread_as_objects(child))
            elif child.dep_ == "prep":
                roots.extend(_sides_hung_on_a_time_or_place(child) + _visitors_after_destination(child)
                             + _guests(token, child))
                if anchor is token:  # "a summit on the border issue, which brought together ...": a parser slip
                    clauses = [c for o in child.children for c in o.children if c.dep_ == "relcl"]
                    roots.extend(g for c in clauses for g in _gathered(c))
            elif child.dep_ in ("acl", "relcl") and anchor is token:
                # "a dinner hosted by X", "talks involving A", "the talks he held with X"
                roots.extend(_guests(token, child) + _gathered(child) + _holders_of(child))
            elif child.dep_ == "npadvmod" and child.ent_type_ in _TIMES:
                roots.extend(_names_misread_as_compounds(child))
    roots += _subject_read_as_a_number(token) + object_misread(token)
    return [who for r in roots if r.i not in {a.i for a in anchors} for who in _acting(r)]

_TIMES = ("DATE", "TIME")

def _after_the_verbs_conjunction(name: Token, verb: Token) -> bool:
    """'met X as well as Y': the parser may hang "as well as" and Y on the verb."""
    before = name.doc[name.left_edge.i - 1]
    return before.dep_ == "cc" and before.head == verb

def _as_well_as(preposition: Token) -> bool:
    """'met X as well as Y', read as a preposition "as" with "as well" on it."""
    return preposition.lower_ == "as" and any(c.lower_ == "well" for c in preposition.children)

def _side_prepositions(noun: Token) -> list[str]:
    """Prepositions other than "with" that name a noun trigger's other side ("a courtesy call on X")."""
    return load_triggers()["meeting"]["noun_side_prepositions"].get(noun.lemma_.lower(), []) if noun.pos_ == "NOUN" else []


def _subject_read_as_a_number(noun: Token) -> list[Token]:
    """'after the two held talks': the parser may read one noun phrase, "held" an adjective and "two" its number;
    "the two" is who held them."""
    light_verbs = load_triggers()["meeting"]["light_verbs"]
    if not any(c.dep_ == "amod" and lemma_of(c) in light_verbs for c in noun.children):
        return []
    return [c for c in noun.children if c.dep_ == "nummod" and c.lower_ in ("two", "both")]


def with_under_topic(topic: Token) -> list[Token]:
    """'discussed a range of issues on bird flu with X': the parser may hang "with X" anywhere in the topic's phrase,
    but not on a relation it names ("discussed ties with Japan": Japan is what the ties are with), unless X is a
    person ("discussed trade with Ana Lopez": no one has trade with a person)."""
    relations = load_triggers()["meeting"]["relation_nouns"]
    nouns = [t for t in topic.subtree
             if t == topic or t.dep_ in ("pobj", "conj") and t.head.dep_ in ("prep", "pobj", "conj")]
    return [o for n in nouns for o in objects_of(n, ("with",))
            if n.lemma_.lower() not in relations or o.ent_type_ == "PERSON"]


def is_theirs(noun: Token) -> bool:
    """'their meeting': a meeting of several, named before."""
    return any(c.dep_ == "poss" and c.lower_ in load_triggers()["anaphora"]["plural_pronouns"] for c in noun.children)


def _theirs_without(noun: Token, subject: Token) -> bool:
    """'their meeting' under a verb whose subject is one ("X said during their meeting"), not several ("A and B
    held their talks"): "their" are others."""
    return is_theirs(noun) and subject.tag_ in ("NNP", "NN") and not any(c.dep_ == "conj" for c in subject.children)


def _second_subject(trigger: Token, subject: Token) -> bool:
    """"X's visit, ..., and Y's entry to the EU will help", parsed with two subjects of "help": the other thing
    said beside the trigger is no side of it."""
    return trigger.dep_ in SUBJECTS and trigger.head == subject.head and subject.pos_ == "NOUN"


def _brings_to(token: Token, verb: Token) -> bool:
    preposition = preposition_of(token)
    return preposition.lower_ in ("to", "for") and lemma_of(verb) in load_triggers()["meeting"]["bring_verbs"]


def _names_misread_as_compounds(time: Token) -> list[Token]:
    """'met President X Wednesday': the parser may read the name as part of the day's phrase."""
    return [c for c in time.children if c.dep_ == "compound" and c.ent_type_ and c.ent_type_ not in _TIMES]


def _guests(meal: Token, child: Token) -> list[Token]:
    """'a banquet for X', 'a dinner in honour of X', 'a lunch hosted by X', 'a dinner where A told B': whom a meal
    brings together."""
    if lemma_of(meal) not in load_triggers()["meeting"]["occasion_nouns"]:
        return []
    if child.dep_ == "acl":
        return agents_of(child)
    if child.dep_ == "relcl" and any(c.lower_ == "where" for c in child.children):
        return [c for c in child.children if c.dep_ in (*SUBJECTS, "dobj")]
    objects = [c for c in child.children if c.dep_ == "pobj"]
    if child.lower_ == "in":  # "in honour of X"
        return [o for h in objects if h.lemma_.lower() in ("honour", "honor") for o in objects_of(h, ("of",))]
    # "a banquet for visiting Prime Minister X": the parser may read "visiting" as the verb of X
    visitors = [o for c in child.children if c.dep_ == "pcomp" for o in c.children if o.dep_ == "dobj"]
    return objects + visitors if child.lower_ == "for" else []


def _gathered(clause: Token) -> list[Token]:
    """'a summit which brought together leaders of A, B and C', 'talks involving A and B': whom a meeting gathers."""
    together = " together" if any(c.lower_ == "together" for c in clause.children) else ""  # a particle or an adverb
    lexicon, verb = load_triggers()["meeting"], lemma_of(clause) + together
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    if verb in lexicon["listing_verbs"]["words"]:
        return objects if all(o.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") for o in objects) else []
    return objects if verb in lexicon["gathering_verbs"] else []


def gathers(token: Token) -> bool:
    """'The talks involve A and B', 'the talks bring together A and B': the meeting's own verb names who takes part."""
    verbs = [token.head] if token.dep_ == "nsubj" else [c for c in token.children if c.dep_ in ("acl", "relcl")]
    return any(_gathered(verb) for verb in verbs)


def _holders_of(clause: Token) -> list[Token]:
    """'the talks he held with X', 'the meeting they had on Monday': who holds the meeting, and with whom."""
    if clause.dep_ != "relcl" or lemma_of(clause) not in load_triggers()["meeting"]["light_verbs"]:
        return []
    return [c for c in clause.children if c.dep_ in SUBJECTS] + objects_of(clause, ("with",))


def is_a_speech_at(meal: Token) -> bool:
    """'X said at a banquet hosted by Y': a speech, which meets nobody."""
    verb = verb_of_preposition(meal)
    return verb is not None and lemma_of(verb) in load_triggers()["report_verbs"] and not any(
        c.dep_ == "dobj" for c in verb.children)


def _sides_hung_on_a_time_or_place(preposition: Token) -> list[Token]:
    """'to meet later in the day with X', 'a meeting at his home with X': the parser may hang the "with" phrase
    on the noun of the time or the place."""
    where = preposition.lower_ in ("at", "in")
    nouns = [c for c in preposition.children if c.dep_ == "pobj" and (where or c.ent_type_ in _TIMES)]
    return [o for t in nouns for p in t.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children if o.dep_ == "pobj"]


def witnesses_of(anchors: list[Token]) -> list[Token]:
    """'A and B signed it in the presence of C and D': who is there, face to face with those who act."""
    return [o for a in anchors for p in objects_of(a, ("in",)) if p.lower_ == "presence" for o in objects_of(p, ("of",))]


def _visitors_after_destination(preposition: Token) -> list[Token]:
    """'a visit to Beijing of Chancellor X': the parser hangs the visitor on the place."""
    if preposition.lower_ != "to" or preposition.head.lemma_.lower() not in load_triggers()["meeting"]["stay_nouns"]:
        return []
    places = [c for c in preposition.children if c.dep_ == "pobj"]
    return [o for place in places for o in objects_of(place, ("of",)) if o.ent_type_ == "PERSON"]

def _visitors_misread_as_objects(preposition: Token) -> list[Token]:
    """'talks with visiting minister X': the parser may read "visiting" as a verb and X as its object."""
    words = load_triggers()["meeting"]["visiting"]
    return [o for c in preposition.children if c.dep_ == "pcomp" and c.lower_ in words for o in c.children if o.dep_ == "dobj"]

def relative_antecedent(token: Token) -> Token:
    """'X, who will meet Y': the subject "who" stands for X; 'a dialogue which Singapore hosted': "which", for the dialogue."""
    if token.lower_ in ("who", "which", "that") and token.dep_ in SUBJECTS or token.lower_ == "which" and token.dep_ == "dobj":
        clause = next((t for t in [token.head, *token.head.ancestors] if t.dep_ == "relcl"), None)
        if clause is not None:
            antecedent = clause.head
            while antecedent.dep_ == "conj":  # "A and B, who met in X": all of them
                antecedent = antecedent.head
            if token.lower_ == "who" and antecedent.dep_ == "appos" and antecedent.pos_ == "NOUN" and (
                    antecedent.head.pos_ == "PROPN"):
                antecedent = antecedent.head  # "X, Britain's trade secretary, who will visit Y": X, not Britain
            return _named_one_of(antecedent) or _journey_to(antecedent, clause) or antecedent
    if token.lower_ in ("who", "whom"):
        # "Y, with whom he will hold talks", "Li told Y who is in Beijing" (parsed as what Li told): the name
        # just before, wherever the parser hangs the clause
        before = (token.head.i if token.dep_ == "pobj" else token.i) - 1
        before -= before >= 0 and token.doc[before].text == ","
        if before >= 0 and token.doc[before].pos_ in ("PROPN", "NOUN"):
            return token.doc[before]
    return token

def _journey_to(place: Token, clause: Token) -> Token | None:
    """'a stay in Washington, which includes talks with X': what includes the talks is the stay, wherever the
    parser hangs the clause."""
    journey = place.head.head if place.dep_ == "pobj" else None
    lexicon = load_triggers()["meeting"]
    if journey is not None and journey.lemma_.lower() in lexicon["journey_nouns"] and (
            lemma_of(clause) in lexicon["contain_verbs"]):
        return journey
    return None


def _named_one_of(group: Token) -> Token | None:
    """'X, one of three officials who met Y': the one named, not the group."""
    one = group.head.head if group.dep_ == "pobj" and group.head.lower_ == "of" else None
    return one.head if one is not None and one.pos_ in ("NUM", "PRON") and one.dep_ == "appos" else None


def infinitive_subjects(verb: Token) -> list[Token]:
    """'X is the first speaker to visit Y': an infinitive on a noun tells what that noun does, and the noun is X."""
    if verb.dep_ not in ("relcl", "acl") or not is_infinitive(verb):
        return []
    noun = verb.head
    if noun.dep_ == "attr":
        return [c for c in noun.head.children if c.dep_ in SUBJECTS]
    return _planners(verb) or ([noun] if noun.pos_ == "PROPN" else [])


def _planners(verb: Token) -> list[Token]:
    """'X scrapped plans to visit Y', "X's decision to visit Y": whose the plan is."""
    noun = verb.head
    if verb.dep_ != "acl" or not is_infinitive(verb) or noun.lemma_.lower() not in load_triggers()["intention_nouns"]:
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return owners or ([c for c in noun.head.children if c.dep_ in SUBJECTS] if noun.dep_ == "dobj" else [])


def subjects_above(token: Token, *, trigger: Token | None = None) -> list[Token]:
    """The subjects of the nearest verb above a phrase that has any.

    "agreed to meet", "continued talks after the meeting", "avoid missteps on his visit": the side
    that acts is the subject of the verb the phrase belongs to, or of the verbs governing it.
    """
    preposition = preposition_of(token)
    if preposition is not None and preposition.head.pos_ == "PROPN" and preposition.head.dep_ in SUBJECTS:
        return [preposition.head]  # "Chirac, on a state visit to China, launched ...": Chirac visits
    if preposition is not None and (preposition.head.pos_ == "NOUN" or preposition.head.ent_type_ == "ORDINAL") and (
            owners := [c for c in preposition.head.children if c.dep_ == "poss"]):
        # "X's decision to act while on a trip to China", "X's remarks during talks with Y": X's;
        # "their first since a meeting in Jordan": theirs
        return owners
    verb = _verb_of_phrase(token)
    if verb is not None and (planners := _planners(verb)):
        return planners
    below = None
    for governor in [verb, *governors_of(verb)] if verb is not None else []:
        if below is not None and below.dep_ == "pcomp" and below.head.lower_ == "for":
            # "X congratulated Y for organizing the summit": Y organized it
            if objects := [c for c in governor.children if c.dep_ == "dobj"]:
                return objects
        below = governor
        # "X said the meeting with Y went well": the trigger as subject passes on to the speaker; so does
        # another meeting ("X said the talk focused on A, and added that the meeting with Y ...").
        subjects = [who for c in governor.children if c.dep_ in SUBJECTS and c != trigger
                    and c.lemma_.lower() not in load_triggers()["meeting"]["nouns"] for who in _acting(c)]
        if subjects and not _destination_read_as_subject(governor):
            return subjects
        if governor.dep_ in ("acl", "appos") and governor.tag_ == "VBG":
            # "X, speaking after a meeting with Y": X speaks; "A and B, meeting in Moscow, agreed" (read as apposition)
            return [governor.head]
    return []

def _destination_read_as_subject(verb: Token) -> bool:
    """'left Nairobi for Oslo to attend the summit and will visit Sweden', parsed 'for [Oslo] to attend': the
    subject of a journey's infinitive is where it goes; who goes is the journey's subject."""
    return _for_to_clause(verb) and lemma_of(verb.head) in load_triggers()["meeting"]["travel_verbs"]

def _acting(token: Token) -> list[Token]:
    """Who a participant word stands for: a relative pronoun's antecedent; when that is a journey, its traveller."""
    antecedent = relative_antecedent(token)
    return (antecedent != token and _travellers(antecedent)) or [antecedent]


def _travellers(noun: Token) -> list[Token]:
    """'Kicking off a stay in Washington, which includes talks with X, Y met Z': who makes the stay."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in load_triggers()["meeting"]["journey_nouns"]:
        return []
    return [c for c in noun.children if c.dep_ == "poss"] or subjects_above(noun)


def _verb_of_phrase(token: Token) -> Token | None:
    """The verb a noun phrase hangs from, through prepositions and objects ("missteps on [his visit]")."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "prep":  # "Following the talks" is a preposition
            return current
        if current.dep_ not in ("pobj", "prep", "dobj", "attr", "npadvmod", "compound", "appos") or current.head == current:
            return None
        current = current.head
    return None

def actors_under(root: Token, index: MentionIndex) -> list[Mention]:
    """The actors in a participant phrase, people first; not those of a clause inside it ("a rebel fighting in X")."""
    inside = {t.i for t in _phrase(root)}
    inside.update(_name_hung_elsewhere(max(inside) + 1, index))
    inside.update(_names_listed_after(root, max(inside) + 1, index))
    inside.update(t.i for leader in _leader_hung_on_the_verb(root) for t in _phrase(leader))
    # Overlap, not containment: the parser may split a name ("Roh Moo-hyun") into several subjects.
    # "LONDON - British newspapers ...", "BAGHDAD, Iraq - The U.S. military and ...": a dateline the parser hangs
    # on a side is none
    inside -= _describing(root, index) | _owner_named_before(root, index) | _dateline_tokens(index)
    if not inside:
        return []
    touched = [m for m in index.within(min(inside) - 4, max(inside) + 5)
               if inside.intersection(range(m.start, m.end)) and not _posted_to(m, index)
               and not _principal(m, index)]
    mentions = [m for m in map(_as_actor, touched) if m is not None and not m.adjectival]
    mentions += _paired_states(inside, root.doc)
    people = [m for m in mentions if m.type is EntityType.PERSON]
    if people:
        return _side_before_people(root, mentions) + people
    return _states_of_listed_bodies(mentions, touched) or _and_the_state_represented(root, mentions, touched, index)

def _paired_states(inside: set[int], doc: Doc) -> list[Mention]:
    """'talks between the two Koreas': one word, both states."""
    pairs = load_triggers()["state_pairs"]
    return [state_mention(i, i + 1, key) for i in sorted(inside) for key in pairs.get(doc[i].lower_, ())]

def _side_before_people(root: Token, mentions: list[Mention]) -> list[Mention]:
    """'Hamas leaders and Anna Berg', "Israel's Labour party and the Prime Minister, X": people first for each
    side, so a side before "and" that names nobody is its body or state."""
    conjunct = next((c for c in root.children if c.dep_ == "conj"), None)
    if root.pos_ != "NOUN" or conjunct is None:
        return []
    before = [m for m in mentions if m.end <= conjunct.left_edge.i]
    return [] if any(m.type is EntityType.PERSON for m in before) else before

def _and_the_state_represented(root: Token, mentions: list[Mention], touched: list[Mention],
                               index: MentionIndex) -> list[Mention]:
    """'Sudanese officials and Darfur rebels', 'Hamas and Egyptian officials': an unnamed side stands for its
    state beside the named one."""
    if not mentions:
        return _represented(root, touched, index)
    conjuncts = [c for c in root.children if c.dep_ == "conj"]
    if not conjuncts:
        return mentions
    if any(m.start <= root.i for m in mentions):  # the side before "and" is named
        return mentions + [m for c in conjuncts for m in _unnamed_side_represented(c, mentions, touched, index)]
    return _represented(root, [m for m in touched if m.end <= root.i], index) + mentions

def _unnamed_side_represented(side: Token, mentions: list[Mention], touched: list[Mention],
                              index: MentionIndex) -> list[Mention]:
    """'Hamas and Egyptian officials': a side after "and" that names nobody stands for its state; 'X and their
    team' for none."""
    span = range(side.left_edge.i, side.i + 1)
    if any(m.start in span for m in mentions):
        return []
    return _represented(side, [m for m in touched if m.start in span], index)

def _states_of_listed_bodies(mentions: list[Mention], touched: list[Mention]) -> list[Mention]:
    """'British, French and German foreign ministry officials': NER makes one body of the last demonym and the
    ministry, the others stay demonyms; the sides are the states the list names."""
    demonyms = [m for m in touched if m.adjectival and m.type is EntityType.STATE]
    bodies = [m for m in mentions if m.type is EntityType.ORGANIZATION and m.state]
    if not demonyms or not mentions or len(bodies) < len(mentions):
        return []
    states = [replace(m, adjectival=False, metonym=True) for m in demonyms]
    states += [state_mention(m.start, m.end, m.state) for m in bodies]
    return list({m.key: m for m in states}.values()) if len({m.key for m in states}) >= 2 else []

def _owner_named_before(root: Token, index: MentionIndex) -> set[int]:
    """'talks with Japan's creditor banks', 'Iraq's militia leaders': a group of the owner's people, not the owner;
    'the IAEA's Board of Governors': a body's organ, one side with it."""
    def a_body(token: Token) -> bool:
        return (mention := index.at(token.i)) is not None and mention.type is EntityType.ORGANIZATION
    groups = load_triggers()["non_state_groups"]
    group = root.lemma_.lower() in groups or any(  # not "Norway's Labour government", a party's
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in groups for c in root.children)
    body = a_body(root)
    return {t.i for c in root.children if c.dep_ == "poss" and (group or body and a_body(c)) for t in c.subtree}

def possessive_at(doc: Doc, i: int) -> bool:
    """Whether token i is a possessive "'s"."""
    return i < len(doc) and doc[i].tag_ == "POS"


def _principal(mention: Mention, index: MentionIndex) -> bool:
    """'Mobutu's envoy X met Y': whose envoy X is, not a side."""
    doc, after = index.doc, mention.end + 1
    if mention.type is not EntityType.PERSON or not possessive_at(doc, mention.end) or after >= len(doc):
        return False
    title = next((t for t in doc.spans.get("roles", []) if t.start == after), None)
    holder = index.at(title.end) if title is not None and title.end < len(doc) else None
    return holder is not None and holder.type is EntityType.PERSON

def _name_hung_elsewhere(after: int, index: MentionIndex) -> range:
    """'talks with party chief Do Muoi': the name right after a title is its holder's, wherever the parser hangs it."""
    named = index.at(after)
    if named is None or named.start != after or named.type is not EntityType.PERSON:
        return range(0)
    titled = any(title.end == after for title in index.doc.spans.get("roles", []))
    return range(named.start, named.end) if titled else range(0)

def _names_listed_after(titles: Token, after: int, index: MentionIndex) -> set[int]:
    """'the Chinese and Mauritian premiers, A and B,': the names after a plural title and a comma are its
    holders, wherever the parser hangs them (not 'met the ministers, A and B said')."""
    doc = index.doc
    if titles.tag_ != "NNS" or doc[after : after + 1].text != "," or not _is_title(titles):
        return set()
    names, i = [], after + 1
    while (named := index.at(i)) is not None and named.start == i and named.type is EntityType.PERSON:
        names.append(named)
        i = named.end + (doc[named.end : named.end + 1].text in (",", "and"))
    closed = i >= len(doc) or doc[i].is_punct or doc[i - 1].text == ","
    return {t for m in names for t in range(m.start, m.end)} if len(names) >= 2 and closed else set()


def _leader_hung_on_the_verb(group: Token) -> list[Token]:
    """'met a Latvian delegation here on Monday headed by X', parsed with "headed by X" on "met": X leads the
    group the verb takes."""
    if group.dep_ != "dobj" or group.lemma_.lower() not in load_triggers()["anaphora"]["led_group_nouns"]:
        return []
    return [agent for c in group.head.children if c.dep_ == "advcl" and c.i > group.i and c.tag_ == "VBN" and leads(c)
            for agent in agents_of(c)]


def _describing(root: Token, index: MentionIndex) -> set[int]:
    """'X, an adviser to President Y, met Z': an apposition that says who a named person is names no side
    (a name in apposition, "his counterpart, X", or a list the parser reads as one, is a side)."""
    named = index.at(root.i)
    if named is None or named.type is not EntityType.PERSON:
        return set()
    described = {t.i for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and index.at(c.i) is None
                 for t in c.subtree}
    names = [name for c in root.children if c.dep_ == "appos" for name in _listed_inside(c)]
    listed = set().union(*({t.i for t in name.subtree} - _describing(name, index) for name in names))
    return described - listed

def _posted_to(mention: Mention, index: MentionIndex) -> bool:
    """'Peru's ambassador to (the) Japan': the state an envoy is posted to is not a side with them."""
    doc = index.doc
    to = mention.start - 2 if mention.start >= 2 and doc[mention.start - 1].lower_ == "the" else mention.start - 1
    return to >= 1 and doc[to].lower_ == "to" and any(title.end == to for title in doc.spans.get(ROLE_SPANS, []))

def dateline(index: MentionIndex) -> Mention | None:
    """The name a wire story opens with ("BEIJING, Nov. 8 (Xinhua) --", "PARIS (Reuters) -", "SANTIAGO - ",
    "ISLAMABAD :"), also on the line after a headline."""
    doc = index.doc
    first = next((t for t in doc if not t.is_space), None)
    if first is None:
        return None
    second = next((t for t in doc[first.i :] if t.is_space and "\n" in t.text), None)
    starts = [first] + ([doc[second.i + 1]] if second is not None and second.i + 1 < len(doc) else [])
    return next((m for t in starts if (m := _dateline_at(t, index)) is not None), None)

def _dateline_at(token: Token, index: MentionIndex) -> Mention | None:
    mention = index.at(token.i)
    if mention is None or mention.start != token.i:
        return None
    doc = index.doc
    after = doc[mention.end : mention.end + 8].text.lstrip()
    opens = after.startswith("(") or re.match(r"[-—]+(\s|$)", after) is not None  # not "India-Pakistan talks"
    named_in_capitals = doc[mention.start : mention.end].text.isupper()
    marked = opens or any(mark in after for mark in ("--", " - ", "—", "(")) or named_in_capitals and after[:1] == ":"
    return mention if marked and (opens or named_in_capitals) else None

def _dateline_tokens(index: MentionIndex) -> set[int]:
    """The dateline's names: its place and the state after it ("BAGHDAD, Iraq -"), up to the dash or bracket."""
    opening = dateline(index)
    if opening is None:
        return set()
    end = next((t.i for t in index.doc[opening.end : opening.end + 6] if t.text[:1] in "-—(:"), opening.end)
    return set(range(opening.start, end))

def dateline_place(index: MentionIndex) -> Mention | None:
    """The place of a wire story's dateline, which "here" refers to."""
    mention = dateline(index)
    return mention if mention is not None and mention.type in (EntityType.PLACE, EntityType.STATE) else None

def _represented(root: Token, touched: list[Mention], index: MentionIndex) -> list[Mention]:
    """'a Chilean delegation', 'Iranian negotiators': an unnamed side stands for the state it represents."""
    if root.lemma_.lower() not in load_triggers()["anaphora"]["representative_nouns"]:
        return []
    if root.tag_ in ("NN", "NNP") and root.lemma_.lower() in load_role_lexicon():
        return []  # "the Italian leader", "Iraqi prime minister": one person, maybe named elsewhere, not the state
    groups = load_triggers()["non_state_groups"]
    of = [o for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    modifiers = [m for c in root.children if c.dep_ in ("compound", "amod") for m in (c, *c.conjuncts)]
    if any(m.lemma_.lower() in groups for m in modifiers + of):
        # "Brazilian business leaders", "Iraqi Shiite and tribal leaders", "leaders of the Serbian opposition":
        # a group of the state's people
        return []
    demonyms = [replace(m, adjectival=False, metonym=True) for m in touched if m.adjectival and m.type is EntityType.STATE]
    return demonyms or _stationed(root, index)

def _stationed(root: Token, index: MentionIndex) -> list[Mention]:
    """'officials in Ashgabat': unnamed people of a capital or state stand for that state."""
    places = [index.at(c.i) for p in root.children if p.dep_ == "prep" and p.lower_ == "in" for c in p.children if c.dep_ == "pobj"]
    actors = [a for m in places if m is not None and (a := _as_actor(m)) is not None and a.type is EntityType.STATE]
    return [replace(a, metonym=True) for a in actors]

def hyphen_joined_states(noun: Token, index: MentionIndex) -> list[Mention]:
    """'Israeli-Palestinian talks', 'the US-North Korean summit': states joined by hyphens before a meeting noun
    are its sides, demonyms too."""
    if noun.pos_ == "VERB":
        return []
    states = [m for m in index.within(noun.left_edge.i, noun.i) if m.type is EntityType.STATE]
    if len(states) < 2 or any(noun.doc[a.end : b.start].text != "-" for a, b in zip(states, states[1:])):
        return []
    return [replace(m, adjectival=False, metonym=m.metonym or m.adjectival) for m in states]

def _on_a_topic(preposition: Token) -> bool:
    """'the summit of the Forum on China-Africa Cooperation', 'will meet X over Y': what a phrase is on names no
    side, unless it is part of a name ("the Intergovernmental Authority on Development")."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return preposition.lower_ in ("on", "about", "over") and not any(
        o.ent_iob_ == "I" and preposition.ent_iob_ == "I" for o in objects)

def _phrase(root: Token):
    yield root
    kin = is_someone_elses(root)
    for child in root.children:
        # "a delegation in Oslo": where the side is, not who; "the son of X", "X's widow", "an attorney for X":
        # someone else.
        located = child.dep_ == "prep" and (child.lower_ in ("in", "at") or _on_a_topic(child))
        relative = kin and (child.dep_ == "poss" or child.dep_ == "prep" and child.lower_ in ("of", "for", "to"))
        # "X's role since he took over from Y": a clause the parser hangs on a noun as "advcl" is one too
        clause = child.dep_ in ("relcl", "acl", "advcl") or child.dep_ == "appos" and child.pos_ == "VERB"
        # "The leader was then to meet the head of government, Secretary of State X": an apposition hung on a
        # subject across its verb names the object
        astray = child.dep_ == "appos" and root.dep_ in SUBJECTS and root.i < root.head.i < child.i
        # "the London-based Amnesty International": where a body sits, not who
        located = located or child.dep_ == "amod" and child.lower_ == "based"
        if not located and not relative and not astray and (not clause or leads(child)):
            yield from _phrase(child)
        elif clause:
            for listed in _listed_inside(child):
                yield from _phrase(listed)


def _listed_inside(description: Token) -> list[Token]:
    """'between A, who is X, B, the Y of Z, and C': the names the parser joins to the noun describing the name
    before them are the list's next items; a comma before them, or a person's name after "and", says so ('an
    adviser to Y and Z' joins Z to Y, and 'centres based in Europe, Japan and India' joins them to a place, not to
    the description)."""
    doc = description.doc
    nouns = [description, *(c for c in description.children if c.dep_ in ("attr", "dobj"))]
    listed = [t for noun in nouns for t in noun.children if t.dep_ == "conj" and t.pos_ == "PROPN" and (
        doc[t.left_edge.i - 1].text == "," or doc[t.left_edge.i - 1].lower_ in ("and", "or")
        and (doc[t.left_edge.i - 2].text == "," or t.ent_type_ == "PERSON"))]
    # "A, governor of X, B, governor of Y and C": the parser may join the next people to the place or body a
    # title is of, which no person is ("an adviser of Y and Z" names two whom one advises)
    owners = objects_of(description, ("of",)) if description.pos_ == "NOUN" else []
    return listed + [t for o in owners if o.ent_type_ != "PERSON" for t in o.children
                     if t.dep_ == "conj" and t.ent_type_ == "PERSON"]

def is_someone_elses(noun: Token) -> bool:
    """'the son of X', 'X's lawyer': a person tied to X, who is not X."""
    cues, lemma = load_triggers()["anaphora"], noun.lemma_.lower()
    return lemma in cues["kin_nouns"] or lemma in cues["aide_nouns"]

def leads(clause: Token) -> bool:
    """'a delegation led by X', 'a team headed by X': X is who the side is."""
    return clause.lemma_.lower() in load_triggers()["meeting"]["leading_verbs"] and any(c.dep_ == "agent" for c in clause.children)

def _as_actor(mention: Mention) -> Mention | None:
    """A capital among the participants is its state's government ("talks with Baku"), and so is the government a
    state's name owns ("talks with the Indian government"); a news agency is no side, nor a meeting NER calls a
    body ("the Beijing Summit"), nor an award ("the Ramsar Award for Science")."""
    if mention.type is EntityType.ORGANIZATION and (_is_news_agency(mention.name) or _names_no_body(mention.name)):
        return None
    if mention.type is EntityType.ORGANIZATION and mention.state and mention.name.lower().endswith(" government"):
        return state_mention(mention.start, mention.end, mention.state)
    if mention.type is not EntityType.PLACE:
        return mention
    state = load_gazetteer().state_for_metonym(mention.name)
    return replace(mention, type=EntityType.STATE, key=state.key, name=state.label, metonym=True) if state else None

def _names_no_body(name: str) -> bool:
    """A meeting's name, which ends with its noun, or an award's, which may go on ("the Ramsar Award for Science")."""
    words = name.lower().split()
    head = re.split(r"\s(?:for|of)\s", name.lower(), maxsplit=1)[0].split()
    return bool(words) and (words[-1].rstrip("s") in occasion_nouns() or head[-1] in load_triggers()["award_nouns"])

def _is_news_agency(name: str) -> bool:
    """'Xinhua', 'Yonhap News Agency', 'Vietnam News Agency': who reports, never a side."""
    words = name.lower().split()
    agencies = load_triggers()["news_agencies"]
    return bool(words) and (" ".join(words) in agencies or words[0] in agencies
                            or " ".join(words[-2:]) in ("news agency", "press agency", "news service"))

def place_of(token: Token, anchors: list[Token], index: MentionIndex, participants) -> Mention | None:
    taken = {m.key for m in participants}
    if (left := _place_left_after(token, index)) is not None:
        return left
    for child in _destinations(token):
        if (m := place_at(child, index) or _venue_in_place(child, index)) and m.key not in taken:
            return m
    if token.pos_ in ("NOUN", "PROPN") and (m := place_at(token, index)) and m.key not in taken:
        return m  # "will attend the Madrid summit" ("the Beijing Summit of ..."), whatever its place in the clause
    # "meet X in Berlin", "meet with X in Chile" often hang the place on X; what is discussed is
    # no side, and where it lies is not where they met ("discussed the crisis in Darfur with X").
    lexicon = load_triggers()["meeting"]
    sides_as_object = token.pos_ == "VERB" and lemma_of(token) not in lexicon["discuss_verbs"]
    objects = [c for c in token.children if c.dep_ == "dobj"] if sides_as_object else []
    # "joined X and partners in Paris for talks", "welcomed X here for talks": whom the verb brings is a side too
    bringers = {*lexicon["join_verbs"], *lexicon["bring_verbs"]}
    bringing = [a for a in anchors if a is not token and lemma_of(a) in bringers]
    objects += [c for a in bringing for c in a.children if c.dep_ == "dobj"]
    sides_after = ("with", "between", "of") if token.pos_ == "NOUN" else ("with", "between")
    if lemma_of(token) in lexicon["occasion_nouns"]:
        sides_after += ("for",)  # "a dinner for X in Nairobi"
    objects += [o for p in token.children if p.dep_ == "prep" and p.lower_ in sides_after
                for o in p.children if o.dep_ == "pobj"]
    objects += [o for o in agents_of(token) if o.ent_type_ == "PERSON"]  # "was received by X in Nairobi"
    if token.pos_ == "VERB" and not sides_as_object:  # "discussed trade with X in Oslo": "with X" under the topic
        objects += [o for t in token.children if t.dep_ == "dobj" for o in with_under_topic(t) if o.ent_type_]
    # "met with A, B and C in Oslo", "met with his counterpart A in Oslo", "a meeting of A and B in Oslo"
    objects += [t for o in objects for t in o.subtree if t.dep_ == "conj" or t.dep_ == "appos" and t.pos_ == "PROPN"]
    # "meet the Organization of the Islamic Conference in Istanbul": on the name's last word
    objects += [token.doc[m.end - 1] for o in objects if (m := index.at(o.i)) is not None and m.end - 1 > o.i]
    for anchor in anchors + objects:
        places = ("in", "at", "on", "during") + _destination_prepositions(anchor)
        for prep in anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in places:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (m := _place_in_phrase(prep.lower_, obj, index)) and m.key not in taken:
                        return m
    destination = _destination_of_the_journey_for(token, index)
    if destination is not None and destination.key not in taken:
        return destination
    return _place_where(token, index) or (_place_of_the_same_gathering(token, index) if _a_gathering(token) else None)

def _destination_of_the_journey_for(token: Token, index: MentionIndex) -> Mention | None:
    """'plans to fly to Brussels to meet Y', 'arrived in Oslo to hold talks', 'will travel to Oslo for talks with Y':
    where one travels to meet is where."""
    journey = journey_for(token)
    return next(iter(travel_destinations(journey, index)), None) if journey is not None else None

def journey_for(token: Token) -> Token | None:
    """The travel verb of the journey a meeting is the purpose of ("flew to Oslo to meet Y", "flies to Oslo for
    talks"; not "hopes for talks")."""
    if token.dep_ == "advcl" and is_infinitive(token):
        verb = token.head
    elif (preposition := preposition_of(token)) is not None and preposition.lower_ == "for":
        verb = preposition.head
    else:
        return None
    return verb if lemma_of(verb) in load_triggers()["meeting"]["travel_verbs"] else None

def travel_destinations(verb: Token, index: MentionIndex) -> list[Mention]:
    """Where a travel verb goes, by the prepositions its lexicon gives it ("fly to", "arrive in", "leave for")."""
    prepositions = load_triggers()["meeting"]["travel_verbs"].get(lemma_of(verb), ())
    return [m for o in objects_of(verb, tuple(prepositions)) if (m := place_at(o, index))]

def _destination_prepositions(verb: Token) -> tuple[str, ...]:
    """'left for Oslo for talks', 'heading to Brasilia for talks': where one leaves for is where the talks are;
    'welcomed X to Oslo': where one brings the guest."""
    lexicon, lemma = load_triggers()["meeting"], lemma_of(verb)
    if lemma in lexicon["departure_verbs"]:
        return ("for", "to")
    return ("to",) if lemma in lexicon["bring_verbs"] else ()

def _place_where(token: Token, index: MentionIndex) -> Mention | None:
    """'flew to Shanghai, where he met X (held talks with X)': the place a "where" clause hangs on (not 'stopped in
    Hamburg, where he stopped on his way to the meeting')."""
    verb = token.head if token.dep_ == "dobj" else token
    where = verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)
    return place_at(verb.head, index) if where else None

def _place_left_after(token: Token, index: MentionIndex) -> Mention | None:
    """'left Libya on Sunday after talks with X', 'departed Beijing for Tokyo after a visit': what went before the
    leaving was in the place left, not where the traveller went next."""
    verb = done_after(token, ("after", "following"))
    if verb is None or lemma_of(verb) not in ("leave", "depart"):
        return None
    left = [c for c in verb.children if c.dep_ == "dobj"] + objects_of(verb, ("from",))
    return next((m for c in left if (m := place_at(c, index))), None)

def _venue_in_place(token: Token, index: MentionIndex) -> Mention | None:
    """'a visit to the Omeyyades Mosque in Damascus': a building visited, in the state of the place it is in."""
    venue = venue_at(token, index)
    return venue and _located(venue, token, index)

def _located(venue: Mention, token: Token, index: MentionIndex) -> Mention | None:
    """The venue in the state of the place its "in" names, if it names one."""
    where = next((m for o in objects_of(token, ("in",)) if (m := place_at(o, index))), None)
    if where is None:
        return None
    return replace(venue, state=venue.state or (where.key if where.type is EntityType.STATE else where.state))

def _place_in_phrase(preposition: str, obj: Token, index: MentionIndex) -> Mention | None:
    """Where 'in Oslo', 'at the Elysee', 'during the summit in Minsk', 'on the sidelines of the G8 in Gleneagles'
    put a meeting."""
    if preposition == "on":
        if obj.lemma_.lower() not in load_triggers()["occasion_nouns"]:  # "on the sidelines of"
            return None
        return next((m for o in objects_of(obj, ("of",)) if (m := _gathering_place(o, index))), None)
    gathering = obj.lemma_.lower() in load_triggers()["gathering_nouns"]
    if preposition == "during":
        return _gathering_place(obj, index) if gathering else None
    if (venue := venue_at(obj, index)) is not None:
        return _located(venue, obj, index) or venue
    # "at the Foreign Ministry in Beijing": a building the gazetteer does not know, in a place it does
    around = (place_at(o, index) for o in objects_of(obj, ("in",))) if preposition == "at" else ()
    return place_at(obj, index) or next(filter(None, around), None) or (
        _gathering_place(obj, index) if gathering else None)

def _gathering_place(gathering: Token, index: MentionIndex) -> Mention | None:
    """'the summit in Minsk', 'a summit of the CIS in Minsk' (the parser may hang the place on who gathers), 'a forum
    held in Bamako'; 'the APEC meeting' where the article puts 'the APEC Leaders' Meeting' in Hanoi."""
    return _place_said_of(gathering, index) or _place_of_the_same_gathering(gathering, index)


def _place_said_of(gathering: Token, index: MentionIndex) -> Mention | None:
    holders = [gathering, *objects_of(gathering, ("of",))]
    holders += [c for c in gathering.children if c.dep_ == "acl" and lemma_of(c) in ("hold", "host", "open")]
    places = (venue_at(c, index) or place_at(c, index) for h in holders for c in objects_of(h, ("in", "at")))
    return next(filter(None, places), None)


def _place_of_the_same_gathering(gathering: Token, index: MentionIndex) -> Mention | None:
    """A body's gathering told again is the one told with its place, unless either says which one it was ("last
    year's APEC summit", "the previous ASEAN summit")."""
    bodies = _bodies_of(gathering, index)
    others = (t for t in gathering.doc if t.i != gathering.i and _a_gathering(t) and _bodies_of(t, index) & bodies)
    return next(filter(None, (_place_said_of(t, index) for t in others)), None) if bodies else None


def _a_gathering(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in gathering_words()


def _bodies_of(gathering: Token, index: MentionIndex) -> set[str]:
    """The bodies named before a gathering's noun ("the APEC leaders' meeting"); none for one dated or said to be
    another ("last year's APEC summit")."""
    phrase = gathering.doc[gathering.left_edge.i : gathering.i]
    past = load_triggers()["meeting"]["past_stay_words"]["words"]
    if any(t.ent_type_ == "DATE" or t.lower_ in past or t.lower_ == "next" for t in phrase):
        return set()
    return {m.key for m in index.within(phrase.start, phrase.end) if m.type is EntityType.ORGANIZATION}

def _destinations(token: Token) -> list[Token]:
    """What a visit goes to: "visited Japan", "a visit to Japan", "a tour of Japan"."""
    lexicon = load_triggers()["meeting"]
    if token.lemma_.lower() not in lexicon["stay_verbs"] + lexicon["stay_nouns"]:
        return []
    found = [c for c in token.children if c.dep_ == "dobj"] + objects_of(token, ("to", "of"))
    found += _destinations_named_before(token)
    # "the visit of X to Y", "a visit by X to Y": the parser may hang "to Y" on the visitor
    found += [o for visitor in objects_of(token, ("of", "by")) for o in objects_of(visitor, ("to",))]
    if not found and (travel := verb_of_preposition(token)) is not None and lemma_of(travel) in lexicon["stay_verbs"]:
        found = objects_of(travel, ("to",))  # "came to Qatar on his first trip abroad"
    # "a tour which took him to A", "a tour which also included A and B"
    stops = [o for route in routes_of(token) for o in objects_of(route, ("to",)) or _included(route, lexicon)]
    return found + stops

def _destinations_named_before(journey: Token) -> list[Token]:
    """'his China visit': a place named before a visit is where it goes. Not before a trip or tour, which may be a
    team's or a flight's ("the Australia tour of India", "a London to Sydney trip")."""
    lexicon, lemma = load_triggers()["meeting"], journey.lemma_.lower()
    if journey.pos_ != "NOUN" or lemma not in lexicon["stay_nouns"] or lemma in lexicon["noun_needs_destination"]:
        return []
    return [c for c in journey.children if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC")]

def _included(verb: Token, lexicon: dict) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj"] if lemma_of(verb) in lexicon["contain_verbs"] else []

def objects_of(head: Token, prepositions: tuple[str, ...]) -> list[Token]:
    return [c for p in head.children if p.dep_ == "prep" and p.lower_ in prepositions for c in p.children if c.dep_ == "pobj"]

def agents_of(verb: Token) -> list[Token]:
    """Who a passive says did it: "X" of "was received by X"."""
    return [c for p in verb.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"]

def routes_of(token: Token) -> list[Token]:
    """The verbs that list a tour's stops, each in its own tense: "a tour which has taken him to A and will take
    him on to B", "the tour took him to A", "a tour which also included B". The parser may hang the relative clause on the tour's object
    ("a tour to five countries, which ..."), and that object on the verb the tour hangs on ("is on a tour to ...")."""
    holder = preposition.head if (preposition := preposition_of(token)) is not None else token
    objects = objects_of(token, ("to", "of")) + objects_of(holder, ("to",))
    verbs = [c for h in [token, *objects] for c in h.children if c.dep_ in ("relcl", "acl")]
    verbs += [token.head] if token.dep_ == "nsubj" else []
    lexicon = load_triggers()["meeting"]
    route_verbs = lexicon["route_verbs"] + lexicon["contain_verbs"]
    first = next((v for v in verbs if lemma_of(v) in route_verbs), None)
    if first is None:
        return _legs_continuing(token)
    return [first, *(c for c in first.children if c.dep_ == "conj" and lemma_of(c) in route_verbs)]

def _legs_continuing(tour: Token) -> list[Token]:
    """'continue his tour by flying to A before he heads to B': the travel verbs that carry the tour on."""
    if tour.dep_ != "dobj" or lemma_of(tour.head) not in ("continue", "resume"):
        return []
    travel = load_triggers()["meeting"]["stay_verbs"]
    means = [c for p in tour.head.children if p.dep_ == "prep" and p.lower_ == "by" for c in p.children if c.dep_ == "pcomp"]
    legs = means + [c for m in means for c in m.children if c.dep_ in ("advcl", "conj")]
    return [v for v in legs if lemma_of(v) in travel]

def destinations(token: Token, index: MentionIndex) -> list[Mention]:
    """Every place a visit goes to, in order: "will visit Japan, China and South Korea"."""
    found = {}
    for child in _destinations(token):
        for t in child.subtree:
            if (t == child or t.dep_ == "conj" or _listed_as_apposition(t)) and (m := place_at(t, index)) is not None:
                found.setdefault(m.key, m)
    return list(found.values())

def _listed_as_apposition(token: Token) -> bool:
    """'will visit the United Republic of Tanzania, the Republic of Kenya, the Republic of South Africa and
    Egypt': the parser may read the second of a list as an apposition to the first, the rest as its conjuncts."""
    return token.dep_ == "appos" and any(c.dep_ == "conj" for c in token.children)

def place_at(token: Token, index: MentionIndex) -> Mention | None:
    mention = index.at(token.i)
    if mention is not None and mention.type in (EntityType.PLACE, EntityType.STATE) and not mention.adjectival:
        return mention
    if mention is None and token.pos_ == "NOUN":
        lexicon = load_triggers()
        place_noun = token.lemma_ in lexicon["place_nouns"] or token.lemma_ in lexicon["country_nouns"]
        if place_noun and (
                named := next((m for c in token.children if c.dep_ == "appos" and (m := place_at(c, index))), None)):
            return named  # "to the capital Nairobi", "the port city Mombasa"
        # A venue in a place: "at the prime minister's residence in Jerusalem", "the resort of Sochi",
        # "the Arab country of Tunisia".
        for prep in token.children:
            if prep.dep_ == "prep" and (prep.lower_ == "in" or prep.lower_ == "of" and place_noun):
                return next((m for o in prep.children if o.dep_ == "pobj" and (m := place_at(o, index))), None)
    compounds = [c for c in token.children if c.dep_ == "compound"]
    named = next((m for c in compounds if (m := index.at(c.i)) and m.type is EntityType.PLACE), None)
    if named is not None and (_names_its_place(token) or named.state and token.lemma_ in load_triggers()["venue_nouns"]):
        return named  # "in Hanoi capital", "their Beijing meeting", "in Damascus Monday"; "a London hotel", of a town
    # "the Tunisian capital Tunis", when NER does not know the name itself
    described = [token, *compounds]
    capital = next((m for t in described if (m := _capital_description(t, index))), None)
    return capital or _the_country(token, index) or _state_of_a_town(token, index)

def _names_its_place(token: Token) -> bool:
    """Nouns a place name before them locates: a place noun, a meeting, or a date the parser took as the object."""
    lexicon = load_triggers()
    lemma = token.lemma_.lower()
    return lemma in lexicon["place_nouns"] or lemma in lexicon["meeting"]["nouns"] or token.ent_type_ == "DATE"

def _the_country(token: Token, index: MentionIndex) -> Mention | None:
    """'a state visit to the country': the state named last before it."""
    if token.lemma_.lower() not in load_triggers()["country_nouns"] or token.tag_ != "NN" or not any(
            c.lower_ == "the" for c in token.children):
        return None
    states = [m for m in index.before(token.i, type=EntityType.STATE) if not m.adjectival]
    return states[-1] if states else None

def _capital_description(token: Token, index: MentionIndex) -> Mention | None:
    """'the Russian capital' is the capital of the state the adjective names."""
    if token.lemma_.lower() != "capital":
        return None
    for child in token.children:
        mention = index.at(child.i)
        if mention is not None and mention.type is EntityType.STATE:
            gazetteer = load_gazetteer()
            capital = gazetteer.capital_of(gazetteer.find_state(mention.name))
            if capital is not None:
                return Mention(token.i, token.i + 1, EntityType.PLACE, capital.key, capital.label)
    return None

def _state_of_a_town(token: Token, index: MentionIndex) -> Mention | None:
    """'in this western German spa town', 'a southern Iraqi port': a place the text does not name lies in the
    state its adjective names, the most it says of where."""
    if token.lemma_.lower() not in load_triggers()["place_nouns"] or not (states := modifying_states(token, index)):
        return None
    return state_mention(token.i, token.i + 1, states[0].key)

def modifying_states(noun: Token, index: MentionIndex, *, coordinated: bool = False) -> list[Mention]:
    """The states named in a noun's modifiers: "the US speaker", "the Iraqi capital"; with ``coordinated``, also
    those joined to them ("the Chinese and Mauritian premiers")."""
    modifiers = {t.i for c in noun.children if c.dep_ in ("compound", "amod")
                 for t in ((c, *c.conjuncts) if coordinated else (c,))}
    return [m for m in index.within(noun.left_edge.i, noun.i)
            if m.type is EntityType.STATE and modifiers.intersection(range(m.start, m.end))]

def time_of(anchors: list[Token], doc: Doc, published, *, prefer_future: bool) -> TimeValue | None:
    anchor_ids = {a.i for a in anchors}
    ents = doc.ents  # a property that builds its tuple on each access
    for ent, after in zip(ents, [*ents[1:], None]):
        dated = ent.label_ == "DATE" or ent.label_ == "TIME" and names_a_day(ent.text)
        if not dated or not _attached(_before_bracket(ent).root, anchor_ids):
            continue
        text = _with_ordinal_day(ent) or _with_shared_year(ent, after)
        value = days_after_the_day_before(ent, published, prefer_future) or normalize_date(
            text, published=published, prefer_future=prefer_future)
        if value is not None:
            return value
    return (_same_day_as_before(anchors, doc, published, prefer_future=prefer_future)
            or _day_of_arrival_before(anchors, doc, published, prefer_future=prefer_future)
            or _part_of_the_day_before(anchors, doc, published, prefer_future=prefer_future))

def _before_bracket(ent: Span) -> Span:
    """'from August 23 (Monday)': the date hangs where its part before the bracket does."""
    bracket = next((t.i for t in ent if t.text == "("), None)
    return ent.doc[ent.start : bracket] if bracket is not None and bracket > ent.start else ent

_DAYS_AFTER = re.compile(r"^(?:the (?:following|next) day|the day after|(a|one|two|three|four|five) days? later)$",
                         re.IGNORECASE)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}
_COUNTS = {"a": 1, **{word: n for word, n in NUMBER_WORDS.items() if n <= 5}}  # the days a date is counted in

def days_after_the_day_before(ent, published, prefer_future: bool) -> TimeValue | None:
    """'will meet A on Tuesday and B the following day': counted from the last day its sentence named before it."""
    match = _DAYS_AFTER.match(ent.text.strip())
    if match is None:
        return None
    before = [e for e in ent.sent.ents if e.end <= ent.start and e.label_ == "DATE"]
    for earlier in reversed(before):
        day = normalize_date(earlier.text, published=published, prefer_future=prefer_future)
        if day is not None and day.day is not None and day.year is not None:
            return _days_later(day, _COUNTS[(match[1] or "one").lower()])
    return None

def _days_later(day: TimeValue, days: int) -> TimeValue:
    moved = dt.date(day.year, day.month, day.day) + dt.timedelta(days=days)
    return replace(day, year=moved.year, month=moved.month, day=moved.day)

def days_from_its_neighbour(token: Token, doc: Doc, published, *, prefer_future: bool) -> TimeValue | None:
    """'will arrive Wednesday, one day before the summit': the summit is the day after Wednesday ("two days
    after the talks": two days before the day of what comes after them)."""
    preposition = preposition_of(token)
    if preposition is not None and preposition.lower_ == "of" and preposition.head.lower_ == "ahead":
        preposition = preposition.head
    if preposition is None or preposition.lower_ not in ("before", "ahead", "after"):
        return None
    span = next((c for c in preposition.children if c.dep_ == "npadvmod" and c.lemma_ == "day"), None)
    count = span and next((c.lower_ for c in span.children if c.dep_ in ("nummod", "det")), None)
    if count not in _COUNTS:
        return None
    day = time_of([preposition.head], doc, published, prefer_future=prefer_future)
    if day is None or day.day is None or day.year is None:
        return None
    return _days_later(day, _COUNTS[count] if preposition.lower_ != "after" else -_COUNTS[count])

_PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night)\b", re.IGNORECASE)

def sentence_before(doc: Doc, i: int) -> int:
    """Where the sentence before token i's starts (its own start, in the first sentence)."""
    start = doc[i].sent.start
    return doc[start - 1].sent.start if start else start


def _part_of_the_day_before(anchors: list[Token], doc: Doc, published, *, prefer_future: bool) -> TimeValue | None:
    """'X arrived in Israel Sunday. ... In the late afternoon X was to meet Y': a part of a day that names no day is
    of the last day named before it, in its sentence or the two before."""
    anchor_ids = {a.i for a in anchors}
    if not any(e.label_ == "TIME" and _PART_OF_DAY.search(e.text) and not names_a_day(e.text) and _attached(e.root, anchor_ids)
               for e in doc.ents):
        return None
    first = min(anchor_ids)
    start = sentence_before(doc, sentence_before(doc, first))
    return _last_day_named_before(doc, start, first, published, prefer_future=prefer_future)

def _last_day_named_before(doc: Doc, start: int, end: int, published, *, prefer_future: bool) -> TimeValue | None:
    """The last date between tokens ``start`` and ``end`` that names a day."""
    for ent in reversed([e for e in doc.ents if start <= e.start < end and e.label_ in ("DATE", "TIME")]):
        value = normalize_date(ent.text, published=published, prefer_future=prefer_future)
        if value is not None and value.day is not None:
            return value
    return None

def _with_ordinal_day(ent) -> str | None:
    """'from 7th to 9th December': NER leaves the days out of the month; the first day is the date's."""
    doc = ent.doc
    if len(ent) != 1 or not is_month(ent.text):
        return None
    first, i = None, ent.start - 1
    while i >= 0 and (doc[i].ent_type_ == "ORDINAL" or first is not None and doc[i].lower_ in ("to", "-", "and")):
        first = doc[i] if doc[i].ent_type_ == "ORDINAL" else first
        i -= 1
    return f"{first.text} {ent.text}" if first is not None else None

def _with_shared_year(ent, after) -> str:
    """'in August and [December last year]': a month coordinated with a dated month shares its year."""
    doc = ent.doc
    if after is None or after.label_ != "DATE" or after.start == ent.end or len(ent) != 1 or not is_month(ent.text):
        return ent.text
    if all(t.lower_ in ("and", "or", ",") for t in doc[ent.end : after.start]) and any(
            t.lower_ == "year" or t.like_num and len(t.text) == 4 for t in after):
        return doc[ent.start : after.end].text
    return ent.text

def _same_day_as_before(anchors: list[Token], doc: Doc, published, *, prefer_future: bool) -> TimeValue | None:
    """'X arrived on Sunday and held talks with Y later in the day': the day of the verb it is joined to. Without
    such a verb ('Earlier in the day, X met Y'), the day the story last named: news tells its day first."""
    if not _says_same_day(anchors, planned=prefer_future):
        return None
    verb = clause_anchor(anchors)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return time_of([verb.head], doc, published, prefer_future=prefer_future)
    return _last_day_named_before(doc, 0, min(a.i for a in anchors), published, prefer_future=prefer_future)

def _says_same_day(anchors: list[Token], *, planned: bool) -> bool:
    """Whether 'later in the day', 'the same day' or the like hangs from the anchors (NER may tag "the day" alone).
    A plan is not what happened 'earlier in the day' ("agreed to meet in a call earlier in the day")."""
    anchor_ids = {a.i for a in anchors}
    sentence = anchors[0].sent
    text = sentence.text.lower()
    for phrase in load_triggers()["same_day"]:
        if planned and phrase.startswith("earlier"):
            continue
        at = text.find(phrase)
        span = sentence.char_span(at, at + len(phrase), alignment_mode="expand") if at >= 0 else None
        if span is not None and _attached(span.root, anchor_ids) and not _through_a_noun(span, anchor_ids):
            return True
    return False

def _through_a_noun(span: Span, anchor_ids: set[int]) -> bool:
    """'agreed to meet during a telephone conversation earlier in the day': the day is the conversation's."""
    current = span.root.head
    while current.i not in anchor_ids and current.head != current:
        if current.pos_ in ("NOUN", "PROPN"):
            return True
        current = current.head
    return False

def _day_of_arrival_before(anchors: list[Token], doc: Doc, published, *, prefer_future: bool) -> TimeValue | None:
    """'X arrived in Tehran on Monday. X held talks with Y soon after arrival': the day of the arrival told last,
    in its sentence or the two before."""
    lexicon = load_triggers()["meeting"]
    if not any(p.lower_ in ("after", "upon", "on") and any(o.lemma_.lower() in lexicon["arrival_nouns"] for o in p.children)
               for a in anchors for p in a.children if p.dep_ == "prep"):
        return None
    first = min(a.i for a in anchors)
    start = sentence_before(doc, sentence_before(doc, first))
    for verb in reversed(doc[start:first]):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon["arrival_verbs"]:
            day = time_of([verb], doc, published, prefer_future=prefer_future)
            if day is not None and day.day is not None:
                return day
    return None

def is_dated(anchors: list[Token], doc: Doc) -> bool:
    """Whether any date hangs from the trigger, even one that cannot be resolved ("talks Sunday")."""
    anchor_ids = {a.i for a in anchors}
    return any(ent.label_ == "DATE" and not is_length(ent.text) and _attached(ent.root, anchor_ids) for ent in doc.ents)

def _attached(token: Token, anchor_ids: set[int]) -> bool:
    """Whether a date hangs from an anchor without crossing a clause or a "since"."""
    current = token
    nouns = load_triggers()["meeting"]["nouns"]
    # "talks on its 1997 reform programme", "ahead of elections next week": the other noun's date. Only a date
    # still ahead: the parser also hangs "Tuesday" on the nearest noun ("met envoys in New York Tuesday").
    if token.head.pos_ == "NOUN" and token.head.i not in anchor_ids and token.head.ent_type_ not in _TIMES and (
            token.dep_ == "nummod" or token.dep_ in _NOUN_MODIFIERS and _said_ahead(token)):
        return False
    for _ in range(6):
        if current.lower_ in ("since", "until", "before", "after"):
            return False
        if current.i in anchor_ids:
            return True
        # "the visit comes ahead of December 21 talks": the date is the other meeting's.
        if current.dep_ in _CLAUSES or current.head == current or current.pos_ == "NOUN" and current.lemma_.lower() in nouns:
            return False
        current = current.head
    return False
