"""Roles people hold, from titles next to their names.

A title (found by the role ruler) is tied to its holder in one of the ways
news writes it:

- before the name: "German Chancellor Angela Merkel", "special envoys A of X
  and B of Y" (a plural title distributes over the names that follow);
- in apposition after the name: "Jon Berg, a former Norwegian ambassador to
  Chile, ...";
- before the name with a comma: "Russia's foreign minister, Sergei Lavrov";
- before the name, after the title's own "of X" or "to X": "the president of
  Kenya, Paul Otieno", "the leader of the Oromo Liberation Front (OLF) X";
- as a copula's complement: "Berg is the foreign minister of Norway";
- as a second title after "and": "X, general secretary of the party and
  president of China";
- as a counterpart: "his Chilean counterpart Y" holds the role of the person
  it is the counterpart of, for the state its phrase names;
- as a wire lede's unnamed subject: "..., the Polish foreign minister said
  Friday. / Dariusz Rosati told reporters": the next sentence's subject.

The organization is, in order: "of X" after the holder's name, "of X" after
the title, a possessive before the title ("Russia's", "the ministry's"), a
body or state inside the title's phrase ("the Turkish ambassador").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import islice

from spacy.tokens import Doc, Span as SpacySpan, Token
from spacy.util import filter_spans

from newsgraph.clauses import SUBJECTS, modifying_states, possessive_at, relative_antecedent
from newsgraph.gazetteer import fold, load_gazetteer
from newsgraph.mentions import Mention, MentionIndex, load_triggers
from newsgraph.model import EntityType, Role, Span
from newsgraph.nlp import ROLE_SPANS, load_role_broader, load_role_lexicon

_FORMER = {"former", "ex", "ex-"}
_ACTORS = (EntityType.STATE, EntityType.ORGANIZATION)


@dataclass(frozen=True, slots=True)
class Holder:
    person: Mention
    organization: Mention | None  # from "of X" right after the name


@dataclass(frozen=True, slots=True)
class _Stated:
    """A title already tied to its holders, for the title that follows it."""
    title: SpacySpan
    holders: list[Holder]
    organization: Mention | None


def find_roles(index: MentionIndex) -> list[Role]:
    """Every (holder, role, organization) the titles in the Doc state."""
    doc = index.doc
    roles: list[Role] = []
    previous: _Stated | None = None
    # "deputy speaker" also contains "speaker": the longest title wins.
    titles = filter_spans(doc.spans.get(ROLE_SPANS, []))
    unheld = []
    for title, after in zip(titles, [*titles[1:], None]):
        if _modifies_a_noun(title):
            continue  # "deputy chief", "deputy director": a title of its own that has no concept
        # "Vietnamese Deputy Prime Minister and Foreign Minister X": X holds both, of the state they share
        # "Berg, the foreign minister's aide": a title in the possessive is someone else's
        holders = [] if possessive_at(doc, title.end) else find_holders(title, index) or _second_title_of(
            title, previous) or (find_holders(after, index) if _joined(title, after) else [])
        if holders:
            shared = previous.organization if previous is not None and (
                _joined(previous.title, title) or _a_colleague_of(title, previous)) else None
            roles += _roles_of(title, _concept(title), holders, index, fallback=shared)
            previous = _Stated(title, holders, _organization(doc, title, _phrase_start(doc, title.start), index))
        else:
            unheld.append(title)
    roles += _named_after_the_lede(unheld, roles, index)
    return roles + _counterparts(index, roles) + _states_said_later(unheld, roles, index)


def _concept(title: SpacySpan) -> str:
    return _deputy_concept(title, word) if (word := _deputy_of(title)) else _portfolio_concept(title)


def _named_after_the_lede(titles: list[SpacySpan], roles: list[Role], index: MentionIndex) -> list[Role]:
    """'..., the Polish foreign minister said here Friday. / Dariusz Rosati told reporters': a wire lede's
    unnamed subject is the person the next sentence names first, as its subject, and nowhere before."""
    sentences = list(islice((s for s in index.doc.sents if s.text.strip()), 2)) if titles else []
    lede = [t for t in titles if sentences and t.sent == sentences[0] and _the_subject(t, index.doc)]
    if len(sentences) < 2 or len(lede) != 1:
        return []
    first = next((m for m in index.within(sentences[1].start, sentences[1].end) if m.type is EntityType.PERSON), None)
    name = index.doc[first.start : first.end].root if first is not None else None
    if name is None or name.dep_ not in SUBJECTS or name.head != sentences[1].root or _named_before(first, index) or (
            any(r.holder == first.key for r in roles)):
        return []
    # A bare "the minister" could be anyone's: only a title that says whose is tied.
    return [r for r in _roles_of(lede[0], _concept(lede[0]), [Holder(first, None)], index) if r.organization]


def _the_subject(title: SpacySpan, doc: Doc) -> bool:
    """'The Polish foreign minister said': a definite singular title, its clause's subject."""
    return _definite_singular(title, doc) and title.root.dep_ in SUBJECTS


def _definite_singular(title: SpacySpan, doc: Doc) -> bool:
    """'the Jordanian monarch', not 'a monarch' nor 'the Syrian leaders' (the ruler matched a plural form)."""
    definite = any(t.lower_ == "the" for t in doc[_phrase_start(doc, title.start) : title.start])
    return definite and title.text.lower() in load_role_lexicon()


def _named_before(person: Mention, index: MentionIndex) -> bool:
    return any(m.key == person.key for m in index.before(person.start, type=EntityType.PERSON))


def _states_said_later(titles: list[SpacySpan], roles: list[Role], index: MentionIndex) -> list[Role]:
    """'King Hussein ... the Jordanian monarch is recovering': a state-qualified title that names no one is the
    article's one holder of it whose state was not said, and says that state."""
    found = []
    for title in titles:
        start = _phrase_start(index.doc, title.start)
        states = [m for m in index.within(start, title.start) if m.type is EntityType.STATE and m.adjectival]
        held = [r for r in roles if r.role == title.id_ and not r.former]
        holders = {r.holder for r in held}
        stateless = [r for r in held if r.organization is None]
        if _definite_singular(title, index.doc) and len(states) == 1 and len(holders) == 1 and stateless and (
                _states_beside(stateless[0], index) <= {states[0].key}):
            found.append(replace(stateless[0], organization=states[0].key, evidence=sentence_span(title.sent)))
    return found


def _states_beside(role: Role, index: MentionIndex) -> set[str]:
    """The states named just before the holder where the role was given ("Madagascar President X": X is no
    Chinese president)."""
    doc, evidence = index.doc, role.evidence
    names = [m for m in index.mentions if m.key == role.holder and evidence.start <= doc[m.start].idx < evidence.end]
    before = [(max(0, m.start - 4), m.start) for m in names]
    states = {s.key for start, end in before for s in index.within(start, end) if s.type is EntityType.STATE}
    # a nationality the gazetteer does not know ("Madagascan President X") is some state too
    unknown = any(t.ent_type_ == "NORP" and index.at(t.i) is None for start, end in before for t in doc[start:end])
    return states | ({"state:?"} if unknown else set())


def _roles_of(title: SpacySpan, concept: str, holders: list[Holder], index: MentionIndex, *,
              fallback: Mention | None = None) -> list[Role]:
    doc = index.doc
    phrase_start = _phrase_start(doc, title.start)
    organization = _organization(doc, title, phrase_start, index) or (
        fallback if fallback is not None and fallback.type is EntityType.STATE else None)
    if (sender := _sender_to_a_body(title, concept, organization, phrase_start, index)) is not None:
        organization, concept = sender, "Ambassador"
    if title.text.lower().removesuffix("s") in load_triggers()["titles_needing_a_body"] and not _heads_a_body(
            title, organization):
        return []
    towards = _towards(doc, title, index)
    former = any(t.lower_ in _FORMER for t in doc[phrase_start : title.start])
    evidence = sentence_span(title.sent)
    owners = _respective_states(title, holders, index) or [organization] * len(holders)
    return [Role(holder=h.person.key, role=_concept_in(concept, owner, index), organization=owner and owner.key,
                 evidence=evidence, towards=towards and towards.key, former=former)
            for h, state in zip(holders, owners) for owner in [h.organization or state]]


def _respective_states(title: SpacySpan, holders: list[Holder], index: MentionIndex) -> list[Mention] | None:
    """'the Chinese and Mauritian premiers, A and B': each holder is of the state named in the same place."""
    if title[-1].tag_ != "NNS" or len(holders) < 2:
        return None
    states = [m for m in modifying_states(title[-1], index, coordinated=True) if m.adjectival]
    return states if len(states) == len(holders) else None


def _sender_to_a_body(title: SpacySpan, concept: str, body: Mention | None, phrase_start: int,
                      index: MentionIndex) -> Mention | None:
    """'Britain's UN ambassador X', "China's UN envoy X": a state's envoy to a body of states is its ambassador
    there; the state, not the body, is whose."""
    if concept not in ("Ambassador", "SpecialRepresentative") or body is None or (
            body.type is not EntityType.ORGANIZATION or body.state is not None or body.end != title.start):
        return None
    states = [m for m in index.within(phrase_start, body.start) if m.type is EntityType.STATE]
    return states[-1] if states else None


def _concept_in(concept: str, owner: Mention | None, index: MentionIndex) -> str:
    """A title means another office in another state: the UK chancellor is a minister, an Italian
    'chancellor' (a German chancellor's counterpart) the prime minister; the president of a body
    (the European Commission, a party) is its leader, not a head of state. A title whose state is not
    said ("Chancellor Gordon Brown") is of the state among those with such a title the article names most."""
    if owner is not None and owner.type is EntityType.ORGANIZATION:
        return _concept_in_body(concept, owner)
    by_state = load_triggers()["role_by_state"].get(concept)
    if by_state is None or owner is not None and owner.type is not EntityType.STATE:
        return concept
    code = owner.key.partition(":")[2] if owner is not None else _state_named_most(index, set(by_state) - {"*"})
    return by_state.get(code, by_state["*"]) if code else concept


def _state_named_most(index: MentionIndex, codes: set[str]) -> str | None:
    """Of ``codes``, the state the article names most often (by name, adjective, or a place or body of it)."""
    named = Counter((m.key if m.type is EntityType.STATE else m.state).partition(":")[2]
                    for m in index.mentions if m.type is EntityType.STATE or m.state)
    ranked = sorted(((named[code], code) for code in codes if named[code]), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def _concept_in_body(concept: str, owner: Mention) -> str:
    """'European Commission President' is its leader, 'European Parliament President' its speaker;
    only for what is surely a body (known, named by a body noun, or by a name no place or state has), not a city
    NER misread."""
    by_body = load_triggers()["role_by_body"].get(concept)
    # the head noun: "Federation of Indian Chambers of ...", "European Bank for Reconstruction and Development"
    words = re.split(r" (?:of|for) ", fold(owner.name))[0].split()
    if by_body is None or not words:
        return concept
    if words[-1] in by_body:
        return by_body[words[-1]]
    gazetteer = load_gazetteer()
    if gazetteer.find_organization(owner.name) is not None or words[-1] in load_triggers()["body_nouns"]:
        return by_body["*"]
    # a name no place has ("FUNCINPEC President X", "Sun Microsystems president Y") is the body NER says it is,
    # unless a lone word ("its State President X")
    lone_word = len(words) == 1 and not owner.name.isupper()
    no_place = gazetteer.find_place(owner.name) is None and gazetteer.find_state(owner.name) is None
    return by_body["*"] if not lone_word and no_place else concept


def _deputy_of(title: SpacySpan) -> str | None:
    """'Deputy Chairman X', 'Assistant Secretary of State X': the word that makes X an official under the title's
    holder, not its holder (a deputy with a title of its own, "deputy prime minister", is matched whole)."""
    before = [t.lower_ for t in title.doc[max(0, title.start - 2) : title.start] if t.text != "-"]
    return before[-1] if before and before[-1] in load_triggers()["deputy_words"] else None


def _deputy_concept(title: SpacySpan, word: str) -> str:
    """'deputy PM' is a deputy prime minister, as "deputy prime minister" is; any other deputy, an official. An
    assistant's title must be the lexicon's as written: a US assistant secretary of state is an official."""
    lexicon = load_role_lexicon()
    any_form = word in load_triggers()["deputy_words_of_any_form"]
    titles = [t for t, c in lexicon.items() if c == title.id_] if any_form else []
    return next((lexicon[f"{word} {t}"] for t in [title.text.lower(), *titles] if f"{word} {t}" in lexicon), "Official")


def _portfolio_concept(title: SpacySpan) -> str:
    """'Secretary of State for Trade and Industry' is a minister: the bare title is the US foreign minister's, and
    the foreign secretary's own portfolio ("for Foreign Affairs") is a longer title of its own."""
    doc = title.doc
    general = title.text.lower() == "secretary of state" and title.end < len(doc) and doc[title.end].lower_ == "for"
    return "Minister" if general else title.id_


def _joined(first: SpacySpan, second: SpacySpan | None) -> bool:
    """'Deputy Prime Minister and Foreign Minister', '... and Finance Minister': two titles of one name, "and"
    between them (and the second's portfolio)."""
    doc = first.doc
    if second is None or first.end >= len(doc) or doc[first.end].lower_ != "and":
        return False
    portfolio = doc[first.end + 1 : second.start]  # capitalized words no entity takes: not "CBS Chairman"
    return all(t.is_title or t.text == "-" for t in portfolio) and not any(t.ent_type_ for t in portfolio) and (
        _phrase_start(doc, second.start) == first.end + 1)


def _heads_a_body(title: SpacySpan, body: Mention | None) -> bool:
    """'Arab League chief X', 'X, head of the OSCE': a chief or head is a leader only of a state or body named as
    such; not 'army chief X', 'chief of staff X', 'chief executive X', nor 'head of the Japanese delegation'."""
    doc, forces = title.doc, load_triggers()["forces"]
    before = doc[title.start - 1].lower_ if title.start else ""
    after = [t.text for t in doc[title.end : title.end + 2]]
    compound = bool(after) and after[0].islower() and after[0] != "of"  # "chief executive"
    of_a_force = before in forces or after[:1] == ["of"] and after[-1].lower() in forces  # "army chief", "of staff"
    if body is None or compound or of_a_force:
        return False
    # the body after "of" describes another noun: "head of UK equities", "of the DPRK delegation"
    return body.start < title.start or doc[body.end - 1].dep_ not in ("compound", "amod", "nmod", "poss")


def _a_colleague_of(title: SpacySpan, previous: _Stated) -> bool:
    """'Israeli Prime Minister A and Foreign Minister B': a minister named next, in the same phrase, is of the same
    state (not 'US President A and Prime Minister B', who may head another)."""
    doc, concept = title.doc, _concept(title)
    start = _phrase_start(doc, title.start)
    return (concept == "Minister" or "Minister" in load_role_broader().get(concept, ())) and start >= 2 and (
        doc[start - 1].lower_ == "and" and any(h.person.end == start - 1 for h in previous.holders))


def _modifies_a_noun(title: SpacySpan) -> bool:
    after = title.doc[title.end] if title.end < len(title.doc) else None
    return after is not None and after.pos_ == "NOUN" and after.is_lower


def _second_title_of(title: SpacySpan, previous: _Stated | None) -> list[Holder]:
    """'X, general secretary of the party and president of China': the second title is X's too; not one that
    opens a clause of its own ('met Vice President X, and the president joined the talks')."""
    doc = title.doc
    start = _phrase_start(doc, title.start)
    if previous is None or start < 1 or doc[start - 1].lower_ != "and" or title[-1].tag_ == "NNS" or (
            doc[start].lower_ == "the"):
        return []  # "President X and top US officials", "X, the adviser, and the CIA chief": others
    if _opens_a_clause(title):
        return []
    earlier, holders = previous.title, previous.holders
    between = doc[earlier.end : start - 1]
    same_phrase = earlier.sent == title.sent and len(between) <= 16 and not any(t.pos_ in ("VERB", "AUX") for t in between)
    return [Holder(h.person, None) for h in holders] if same_phrase else []


def _counterparts(index: MentionIndex, roles: list[Role]) -> list[Role]:
    """'X met his Iraqi counterpart Y': Y holds X's role, for the state the phrase names."""
    found = []
    for token in index.doc:
        if token.lemma_.lower() != "counterpart":
            continue
        title = index.doc[token.i : token.i + 1]
        holders = find_holders(title, index)
        peer = _peer_of(token, index)
        concepts = {r.role for r in roles if peer is not None and r.holder == peer.key and not r.former}
        if holders and len(concepts) == 1:
            found += _roles_of(title, concepts.pop(), holders, index)
    return found


def _peer_of(counterpart, index: MentionIndex) -> Mention | None:
    """Whose counterpart: a name's possessive, else the latest person before it in the sentence ("his")."""
    for child in counterpart.children:
        if child.dep_ == "poss" and (person := _person_at(index, child.i)) is not None:
            return person
    earlier = [m for m in index.before(counterpart.i, type=EntityType.PERSON) if m.start >= counterpart.sent.start]
    return earlier[-1] if earlier else None


def sentence_span(sent: SpacySpan) -> Span:
    """The sentence without the blanks around it (blanked boilerplate can precede it)."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    stripped = text.strip()
    return Span(start, start + len(stripped), stripped)


def find_holders(title: SpacySpan, index: MentionIndex) -> list[Holder]:
    doc = index.doc
    return (_names_after(title, index)
            or _name_in_apposition(doc, title, index)
            or _name_after_comma(doc, title, index)
            or _copula_subject(title, index))


def _person_at(index: MentionIndex, i: int) -> Mention | None:
    mention = index.at(i) if 0 <= i < len(index.doc) else None
    return mention if mention is not None and mention.type is EntityType.PERSON else None


def _names_after(title: SpacySpan, index: MentionIndex) -> list[Holder]:
    """'Foreign Minister Jon Berg'; 'special envoys A of X and B of Y'."""
    doc = index.doc
    # The ruler matched a plural form when the words are not a title as written.
    plural = title.text.lower() not in load_role_lexicon()
    holders: list[Holder] = []
    i, body = _after_complement(title, index)
    while i < len(doc) and doc[i].lower_.rstrip(".") in load_triggers()["honorifics"]:
        i += 1  # "Emir Sheikh Jaber Al-Sabah", "Minister Dr. Anna Berg"
    # "five African presidents, including A of X, B of Y and C of Z"
    listed = i
    while plural and i < len(doc) and doc[i].lower_ in (",", ":", "including", "namely") and i - title.end < 2:
        i += 1
    if doc[listed:i].text == "," and (person := _person_at(index, i)) and _comma_ends_the_phrase(title, person, doc):
        return []
    while (person := _person_at(index, i)) is not None:
        i = person.end
        own = body
        if i + 1 < len(doc) and doc[i].lower_ == "of" and (m := _actor_at(index, i + 1)):
            own, i = m, m.end
        holders.append(Holder(person, own))
        if not plural or i >= len(doc) or doc[i].lower_ not in ("and", ","):
            break
        i += 2 if doc[i].lower_ == "," and i + 1 < len(doc) and doc[i + 1].lower_ == "and" else 1
    return holders


def _after_complement(title: SpacySpan, index: MentionIndex) -> tuple[int, Mention | None]:
    """Where a name may start after the title's "of X", "to X" or "for X" ("the president of Egypt Hosni Mubarak",
    "the leader of the Islamic Resistance Movement (Hamas) Khaled Meshaal", "Minister for Water and Power Li
    Wei"), and the body a bracketed acronym names; the title's end when it has no complement."""
    doc = index.doc
    if title.end + 1 >= len(doc) or doc[title.end].lower_ not in ("of", "to", "for"):
        return title.end, None
    i = title.end + 2 if doc[title.end + 1].lower_ == "the" else title.end + 1
    while i < len(doc) and i - title.end <= 8 and doc[i].text[:1].isupper():
        i += 1
    actor = _actor_at(index, title.end + 1)  # a name with small words in it: "the Republic of Korea (ROK)"
    for end in ([actor.end] if actor is not None else []) + [i]:
        if (close := _bracket_at(doc, end)) is not None:
            acronym = index.at(end + 1)
            return close + 1, acronym if acronym is not None and acronym.type in _ACTORS else None
    return (actor.end, None) if actor is not None else (_portfolio_end(title, index), None)


def _portfolio_end(title: SpacySpan, index: MentionIndex) -> int:
    """Where a minister's portfolio ("for Agriculture and Fisheries", "for South and Central Asian Affairs")
    ends: at the first person named in its run of capitalised words, or where the run stops. A portfolio has a
    word of its own and holds no title or honorific: "spokesman for President X", "MP for Mr X" name no portfolio."""
    doc = index.doc
    honorifics = load_triggers()["honorifics"]
    titled = _titled(doc)
    i, words = title.end + 1, 0
    while i < len(doc) and i - title.end <= 10 and (doc[i].is_title or doc[i].lower_ in ("and", "&", "of", "the")):
        if (person := _person_at(index, i)) is not None and person.start == i:
            return i if words else title.end
        if i in titled or doc[i].lower_.rstrip(".") in honorifics:
            return title.end
        words += doc[i].is_title
        i += 1
    return i


def _bracket_at(doc: Doc, i: int) -> int | None:
    """The index of the ")" closing a bracketed acronym that opens at token i ("(PLO)"), else None."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text[:1].isupper():
        return i + 2
    return None


def _actor_at(index: MentionIndex, i: int) -> Mention | None:
    """The state or organization starting at token i, after an optional "the" and words that describe it
    ("the ruling Liberal Party", "the exiled Bhutan People's Party")."""
    doc = index.doc
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    described = i
    while i < len(doc) and i - described < 2 and doc[i].is_lower and doc[i].tag_ in ("JJ", "VBG", "VBN"):
        i += 1
    mention = index.at(i) if i < len(doc) else None
    if mention is None or mention.type not in _ACTORS or mention.start != i:
        return None
    # "the breakaway Russian republic", "the exiled Bhutan People's Party": a described name that modifies
    # the next word is that word's, not the actor
    modifier = mention.adjectival or doc[mention.end - 1].dep_ in ("compound", "amod", "poss")
    return None if i > described and modifier else mention


def _phrase_start(doc: Doc, title_start: int) -> int:
    """Where the noun phrase ending in the title begins ("a former Turkish ...")."""
    i, first = title_start, doc[title_start].sent.start
    while i > first and title_start - i < 6:
        previous = doc[i - 1]
        modifier = previous.dep_ == "amod" and previous.head.i >= title_start  # "the acting president": a participle
        deputy = i == title_start and previous.lower_ in load_triggers()["deputy_words"]  # "U.S. Under Secretary"
        # "The Democratic Republic of Congo's President X", "Bank of Japan Governor X": the "of" inside a state's or
        # a body's name is no clause word
        in_a_state = previous.ent_iob_ == "I" and previous.ent_type_ in ("GPE", "ORG")
        clause_word = previous.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PRON") and not (
            modifier or deputy or in_a_state or _inside_a_portfolio(doc, i - 1))
        # "Guinea-Bissau President X": a hyphen inside a name does not end the phrase
        inside_a_word = previous.text == "-" and not previous.whitespace_ and i - 2 >= first and (
            not doc[i - 2].whitespace_)
        if i - 3 >= first and _bracket_at(doc, i - 3) == i - 1:
            i -= 3  # "Palestine Liberation Organization (PLO) Chairman X": the body's initials in brackets
            continue
        if previous.is_punct and previous.tag_ != "POS" and not inside_a_word or clause_word:
            break
        i -= 1
    return i


def _a_portfolio(words: SpacySpan, body: Mention) -> bool:
    """'Justice Minister', 'Economy and Energy Minister', 'Justice and Parliamentary Affairs Minister': the
    capitalized words before a minister's title, a body NER read in them included, name the portfolio."""
    doc = words.doc
    if body.end == words.end:
        return body.end - body.start == 1 or any(_inside_a_portfolio(doc, j) for j in range(body.start, body.end))
    return any(_inside_a_portfolio(doc, t.i) for t in words) and all(t.is_title or t.lower_ == "and" for t in words)


def _inside_a_portfolio(doc: Doc, i: int) -> bool:
    """'Economy and Energy Minister X': an "and" between two capitalized words of a minister's portfolio, not one
    after a title ("Deputy Prime Minister and Finance Minister X")."""
    if doc[i].lower_ != "and" or not 1 <= i < len(doc) - 1:
        return False
    titled = _titled(doc)
    return all(doc[j].is_title and doc[j].ent_type_ in ("", "ORG") and j not in titled for j in (i - 1, i + 1))


def _titled(doc: Doc) -> set[int]:
    """The tokens inside a role title."""
    return {i for t in doc.spans.get(ROLE_SPANS, []) for i in range(t.start, t.end)}


def _opens_a_clause(title: SpacySpan) -> bool:
    """The title is the subject of a verb after it: its holder is not a name before it."""
    return title.root.dep_ in SUBJECTS and title.root.head.i > title.root.i


def _name_in_apposition(doc: Doc, title: SpacySpan, index: MentionIndex) -> list[Holder]:
    """'Jon Berg, the foreign minister, ...'"""
    start = _phrase_start(doc, title.start)
    if start < 2 or doc[start - 1].text != "," or (person := _person_at(index, start - 2)) is None:
        return []
    # "After talks with X, the president said": the title opens the clause, X ends a phrase; not "X, Korea's
    # minister of ..., said", where the parser makes both subjects of the verb
    name = doc[person.end - 1]
    if _opens_a_clause(title) and not (name.dep_ in SUBJECTS and name.head == title.root.head):
        return []
    return [Holder(person, None)]


def _name_after_comma(doc: Doc, title: SpacySpan, index: MentionIndex) -> list[Holder]:
    """"Russia's foreign minister, Sergei Lavrov, said"; "the president of Egypt, Hosni Mubarak, said"."""
    end, _ = _after_complement(title, index)
    if end + 1 < len(doc) and doc[end].text == "," and (person := _person_at(index, end + 1)):
        if _comma_ends_the_phrase(title, person, doc):
            return []
        after = person.end
        if after >= len(doc) or doc[after].text in (",", ".") or doc[after].pos_ in ("VERB", "AUX"):
            return [Holder(person, None)]
    return []


def _comma_ends_the_phrase(title: SpacySpan, person: Mention, doc: Doc) -> bool:
    """'According to the spokesman, Berg will ...', 'After talks with Zambian officials, Anna Berg said': the comma
    after a title inside a phrase ends the phrase, and the name after it starts the clause."""
    return title.root.dep_ == "pobj" and doc[person.end - 1].dep_ in SUBJECTS


def _copula_subject(title: SpacySpan, index: MentionIndex) -> list[Holder]:
    """'Berg is the foreign minister of Norway', 'Berg, who is the foreign minister'."""
    head = title.root
    if head.dep_ != "attr" or head.head.lemma_ != "be":
        return []
    # "Rubin, who is the first US treasury secretary to visit": "who" stands for the name it follows
    subjects = [relative_antecedent(t) for t in head.head.children if t.dep_ == "nsubj"]
    return [Holder(p, None) for t in subjects if (p := _person_at(index, t.i))]


def _organization(doc: Doc, title: SpacySpan, phrase_start: int, index: MentionIndex) -> Mention | None:
    preposition = doc[title.end].lower_ if title.end + 1 < len(doc) else None
    if preposition in _body_prepositions(title) and (m := _actor_at(index, title.end + 1)) and (
            preposition == "of" or not _modifies_a_noun(doc[m.start : m.end])) and not possessive_at(doc, m.end):
        return m  # not "a spokesman for EU trade commissioner X", nor "the leader of Iraq's largest party"
    # "Energy Minister X", "Economy and Energy Minister X": a minister's portfolio, which NER may read as an
    # organization, is no body
    portfolio = title[-1].lower_ == "minister"
    # "Spanish Parliament Speaker X": the title the lexicon knows starts with the body NER names
    body_in_title = [m for m in index.mentions if m.type is EntityType.ORGANIZATION and
                     phrase_start <= m.start < title.start < m.end < title.end]
    inside = body_in_title + [m for m in index.within(phrase_start, title.start) if m.type in _ACTORS and not (
        portfolio and m.type is EntityType.ORGANIZATION and _a_portfolio(doc[m.start : title.start], m))
        and not _leaning(doc, m) and m.name.lower() not in load_triggers()["deputy_words"]]  # NER's "Vice" ORG
    inside = [m for m in inside if not _people_of_a_group(m, title, inside)]
    # An organization ("the ministry's") beats a state ("Turkish"): it is more precise.
    inside.sort(key=lambda m: (m.type is not EntityType.ORGANIZATION, -m.end))
    if inside:
        return inside[0]
    pointer = next((t for t in doc[max(phrase_start - 1, 0) : title.start] if t.lower_ in ("its", "whose")), None)
    return _owner_pointed_to(pointer, index) if pointer is not None else None


def _owner_pointed_to(word: Token, index: MentionIndex) -> Mention | None:
    """'Venezuela, whose president, X', 'the SCBA, led by its president X', 'Cosatu said it would discuss a spat
    between its leader X and ...': the state or body "whose" or "its" stands for: the name just before
    "whose" or a participle (wherever the parser hangs them), else the subject of the nearest clause around it
    that is not "it"; none where that is anyone or anything else ("the party says its leader X")."""
    if word.lower_ == "whose":
        return _actor_just_before(word, index)
    for verb in (t for t in word.ancestors if t.pos_ in ("VERB", "AUX")):
        if verb.dep_ == "acl":
            return _actor_just_before(verb, index)
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.lower_ != "it"]
        if subjects:
            return _actor_named_at(relative_antecedent(subjects[0]), index)
    return None


def _actor_just_before(word: Token, index: MentionIndex) -> Mention | None:
    """The state or body named right before ``word``, but for a comma or a bracketed acronym."""
    before = word.i - 1 - (word.i >= 2 and word.doc[word.i - 1].text == ",")
    if before >= 3 and _bracket_at(word.doc, before - 2) == before:
        before -= 3  # "the Supreme Court Bar Association (SCBA), led by"
    return _actor_named_at(word.doc[before], index) if before >= 0 else None


def _actor_named_at(token: Token, index: MentionIndex) -> Mention | None:
    mention = index.at(token.i)
    return mention if mention is not None and mention.type in _ACTORS else None


def _people_of_a_group(demonym: Mention, title: SpacySpan, inside: list[Mention]) -> bool:
    """'Turkish Cypriot leader X', 'Nigerian rebel leader X': the demonym says whose community or group the leader
    heads, not the state the title is of."""
    if not demonym.adjectival:
        return False
    doc = title.doc
    community = any(m.adjectival and m is not demonym and _side_by_side(m, demonym, doc) for m in inside)
    group = _concept(title) == "Leader" and any(
        t.tag_ in ("NN", "NNS") and t.is_lower for t in doc[demonym.end : title.start])
    return community or group


def _side_by_side(a: Mention, b: Mention, doc: Doc) -> bool:
    """Nothing but a hyphen between two mentions ("Turkish Cypriot", "Greek-Cypriot")."""
    first, second = sorted((a, b), key=lambda m: m.start)
    return all(t.text == "-" for t in doc[first.end : second.start])


def _body_prepositions(title: SpacySpan) -> list[str]:
    """'an official from X', 'a spokesman for X': the words after ``title`` that name its body."""
    by_concept = load_triggers()["body_prepositions"]
    return by_concept.get(load_role_lexicon().get(title.text.lower(), ""), by_concept["*"])  # a plural: "of" only


def _leaning(doc: Doc, mention: Mention) -> bool:
    """'pro-Syrian President X' is no Syrian president."""
    return mention.start >= 2 and doc[mention.start - 1].text == "-" and doc[mention.start - 2].lower_ in ("pro", "anti")


def _towards(doc: Doc, title: SpacySpan, index: MentionIndex) -> Mention | None:
    if title.end + 1 < len(doc) and doc[title.end].lower_ == "to":
        mention = _actor_at(index, title.end + 1)
        return mention if mention is not None and mention.type is EntityType.STATE else None
    return None
