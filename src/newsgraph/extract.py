"""Per-article extraction: a parsed Doc in, an ``Extraction`` out. Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.events import find_meetings
from newsgraph.facts import find_facts
from newsgraph.mentions import Mention, find_mentions, headline_places, state_mention
from newsgraph.model import Article, Entity, EntityType, Event, Extraction, Role, Span
from newsgraph.roles import find_roles


def extract(doc: Doc, article: Article) -> Extraction:
    """People, states, organizations, places, roles and meetings of one article."""
    index = find_mentions(doc)
    roles = merge_roles(find_roles(index))
    meetings, places = find_meetings(index, published=article.published, roles=roles, headline=headline_places(article))
    facts, actors = find_facts(index, published=article.published)
    events = meetings + facts
    mentions = index.mentions + places + actors
    # A span's text is the original's: where the parsed text differs (a hard wrap joined, a quote unescaped),
    # the mention must still quote the article (shapes: MentionText)
    original = article.original
    return Extraction(
        article=article,
        entities=collect_entities(doc, mentions, original=original),
        roles=tuple(replace(r, evidence=_in(original, r.evidence)) for r in roles),
        events=tuple(replace(e, evidence=tuple(_in(original, s) for s in e.evidence)) for e in events),
        notes=tuple(_unresolved_dates(events, article)),
    )


def _in(original: str, span: Span) -> Span:
    return Span(span.start, span.end, original[span.start : span.end])


def merge_roles(roles: list[Role]) -> list[Role]:
    """One role per (holder, concept, former): the most specific statement wins."""
    best: dict[tuple, Role] = {}
    for role in roles:
        key = (role.holder, role.role, role.former)
        known = best.get(key)
        if known is None or _specificity(role) > _specificity(known):
            best[key] = role
    return list(best.values())


def _specificity(role: Role) -> int:
    return (role.organization is not None) * 2 + (role.towards is not None)


def collect_entities(doc: Doc, mentions: list[Mention], *, original: str) -> tuple[Entity, ...]:
    """One Entity per key, with every mention and every other name it goes by; a state only named inside a
    body's name ("Iraqi interior ministry") is an entity too, since the body refers to it. ``original`` is the
    article's text before blanking, where a headline's mention is."""
    keys = {m.key for m in mentions}
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions + [state_mention(m.start, m.end, m.state) for m in mentions
                               if m.type is EntityType.ORGANIZATION and m.state and m.state not in keys]:
        if mention.key:
            grouped.setdefault(mention.key, []).append(mention)
    entities = []
    for key, group in sorted(grouped.items()):
        group.sort(key=lambda m: (m.start, m.end))
        # a name broken over two lines is one name: "Alan\nGreenspan" is "Alan Greenspan"
        name = Counter(_one_line(m.name) for m in group).most_common(1)[0][0]
        each = [_char_span(doc, m, original) for m in group]
        spans = tuple(dict.fromkeys(each))
        aliases = tuple(sorted({_one_line(span.text) for span, m in zip(each, group) if not m.metonym} - {name}))
        state = next((m.state for m in group if m.state), None)
        entities.append(Entity(key, group[0].type, name, spans, aliases, state))
    return tuple(entities)


def _one_line(name: str) -> str:
    return " ".join(name.split())


def _char_span(doc: Doc, mention: Mention, original: str) -> Span:
    if mention.chars is not None:
        start, end = mention.chars
    else:
        span = doc[mention.start : mention.end]
        start, end = span.start_char, span.end_char
    return Span(start, end, original[start:end])


def _unresolved_dates(events: list[Event], article: Article) -> list[str]:
    return [
        f"{article.id}: the date of the event in {event.evidence[0].text[:60]!r} has no year "
        "(the article date is unknown)"
        for event in events
        if event.time is not None and not event.time.resolved
    ]
