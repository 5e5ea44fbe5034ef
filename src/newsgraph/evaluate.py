"""Score extractions against a hand-annotated gold standard.

The gold format and the annotation guidelines are in ``tests/gold/README.md``.
Scores are micro-averaged over all articles: true positives, false positives
and misses are summed before precision, recall and F1 are computed.

Names are compared after folding (anyascii, lower case, punctuation dropped),
so "Cavusoglu" matches "Çavuşoğlu"; a person also matches by surname alone when only
one person in the article (in the gold and in the extraction) has that
surname. States are compared through the gazetteer when it is installed, so
"Turkey" matches "Türkiye".
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from anyascii import anyascii

from newsgraph.errors import InputError, Problem
from newsgraph.model import (
    Article, Entity, EntityType, Event, EventType, Extraction, Participant, Role, Span, Status, TimeValue,
)

# The role concepts a gold file may use (local names in ontology/roles.ttl).
ROLE_CONCEPTS = frozenset({
    "HeadOfState", "President", "VicePresident", "Monarch", "HeadOfGovernment", "PrimeMinister",
    "Chancellor", "DeputyPrimeMinister", "Minister", "ForeignMinister", "DeputyForeignMinister",
    "DefenseMinister", "Ambassador", "SpecialRepresentative", "PressSecretary", "Speaker",
    "DeputySpeaker", "Lawmaker", "SecretaryGeneral", "Governor", "Mayor", "Leader", "Official",
})

_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$")
_KEYS = {"id", "published", "people", "roles", "meetings"}
_ROLE_KEYS = {"person", "role", "of", "towards", "former"}
_MEETING_KEYS = {"participants", "place", "date", "status"}
# Common alternative names of states, for when the gazetteer is not installed.
_STATE_VARIANTS = {
    "britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "turkey": "turkiye", "republic of turkiye": "turkiye",
    "russian federation": "russia", "ivory coast": "cote divoire", "dprk": "north korea",
}
# Words that do not tell one body from another ("Ministry of Foreign Affairs" = "Foreign Ministry").
_BODY_FILLER = {"the", "of", "for", "and", "affairs", "s"}


# -- the gold standard -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldRole:
    person: str
    role: str
    of: str | None
    towards: str | None = None
    former: bool = False


@dataclass(frozen=True, slots=True)
class GoldMeeting:
    participants: tuple[str, ...]
    place: str | None
    date: str | None  # "2022-01-14", "2022-01", "2022" or "--01-14" (year unknown)
    status: Status


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    published: dt.date | None
    people: tuple[str, ...]
    roles: tuple[GoldRole, ...]
    meetings: tuple[GoldMeeting, ...]


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Read a gold JSON Lines file; every bad line is reported with its number."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(Problem(str(path), None, f"cannot read gold file: {error}")) from error
    articles: list[GoldArticle] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = parse_gold_line(line)
        except ValueError as error:
            problems.append(Problem(str(path), number, str(error)))
            continue
        if article.id in seen:
            problems.append(Problem(str(path), number, f"duplicate article id {article.id!r}"))
            continue
        seen.add(article.id)
        articles.append(article)
    if problems:
        raise InputError(problems)
    return articles


def parse_gold_line(line: str) -> GoldArticle:
    """One gold article from one JSON line; ValueError says what is wrong."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object per line")
    _check_keys(data, required={"id", "meetings"}, allowed=_KEYS, what="article")
    article_id = _text(data["id"], "id")
    published = data.get("published")
    if published is not None:
        try:
            published = dt.date.fromisoformat(_text(published, "published"))
        except ValueError:
            raise ValueError(f"published must be YYYY-MM-DD or null, not {published!r}") from None
    people = tuple(_text(p, "people[]") for p in _list(data.get("people", []), "people"))
    roles = tuple(_parse_role(r, i) for i, r in enumerate(_list(data.get("roles", []), "roles")))
    meetings = tuple(_parse_meeting(m, i) for i, m in enumerate(_list(data["meetings"], "meetings")))
    return GoldArticle(article_id, published, people, roles, meetings)


def _parse_role(data: object, i: int) -> GoldRole:
    where = f"roles[{i}]"
    if not isinstance(data, dict):
        raise ValueError(f"{where} must be an object")
    _check_keys(data, required={"person", "role", "of"}, allowed=_ROLE_KEYS, what=where)
    role = _text(data["role"], f"{where}.role")
    if role not in ROLE_CONCEPTS:
        raise ValueError(f"{where}.role {role!r} is not one of: {', '.join(sorted(ROLE_CONCEPTS))}")
    former = data.get("former", False)
    if not isinstance(former, bool):
        raise ValueError(f"{where}.former must be true or false")
    return GoldRole(_text(data["person"], f"{where}.person"), role, _optional_text(data["of"], f"{where}.of"),
                    _optional_text(data.get("towards"), f"{where}.towards"), former)


def _parse_meeting(data: object, i: int) -> GoldMeeting:
    where = f"meetings[{i}]"
    if not isinstance(data, dict):
        raise ValueError(f"{where} must be an object")
    _check_keys(data, required=_MEETING_KEYS, allowed=_MEETING_KEYS, what=where)
    participants = tuple(_text(p, f"{where}.participants[]") for p in _list(data["participants"], f"{where}.participants"))
    if len(participants) < 2:
        raise ValueError(f"{where}.participants needs at least two names")
    date = _optional_text(data["date"], f"{where}.date")
    if date is not None and not _DATE.match(date):
        raise ValueError(f"{where}.date must be YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD or null, not {date!r}")
    try:
        status = Status(data["status"])
    except ValueError:
        raise ValueError(f"{where}.status must be one of {', '.join(s.value for s in Status)}, not {data['status']!r}") from None
    return GoldMeeting(participants, _optional_text(data["place"], f"{where}.place"), date, status)


def _check_keys(data: dict, *, required: set[str], allowed: set[str], what: str) -> None:
    if missing := sorted(required - data.keys()):
        raise ValueError(f"{what} lacks {', '.join(missing)}")
    if unknown := sorted(data.keys() - allowed):
        raise ValueError(f"{what} has unknown field(s) {', '.join(unknown)}")


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be a non-empty string, not {value!r}")
    return value


def _optional_text(value: object, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _list(value: object, where: str) -> list:
    if not isinstance(value, list):
        raise ValueError(f"{where} must be a list")
    return value


def as_extraction(article: GoldArticle) -> Extraction:
    """A second annotator's gold read as if it were extracted, to score one annotator against another."""
    names: dict[str, EntityType] = {}

    def key(name: str, kind: EntityType | None = None) -> str:
        kind = names.setdefault(name, kind or (EntityType.STATE if state_code(name) else EntityType.ORGANIZATION))
        return f"{kind.value}:{fold(name)}"

    nowhere = Span(0, 0, "")
    for person in (*article.people, *(r.person for r in article.roles)):
        key(person, EntityType.PERSON)
    roles = tuple(Role(key(r.person), r.role, r.of and key(r.of), nowhere, r.towards and key(r.towards), r.former)
                  for r in article.roles)
    events = tuple(Event(EventType.MEETING, tuple(Participant(key(p)) for p in m.participants), (nowhere,), m.status,
                         place=m.place and key(m.place, None if state_code(m.place) else EntityType.PLACE),
                         time=m.date and _time_from_iso(m.date))
                   for m in article.meetings)
    entities = tuple(Entity(key(name), kind, name, ()) for name, kind in names.items())
    return Extraction(Article(article.id, "", "", "gold", published=article.published),
                      entities=entities, roles=roles, events=events)


def _time_from_iso(text: str) -> TimeValue:
    if text.startswith("--"):
        return TimeValue(None, int(text[2:4]), int(text[5:7]))
    parts = [int(p) for p in text.split("-")]
    return TimeValue(*parts)


# -- name matching -----------------------------------------------------------


def fold(name: str) -> str:
    """Lower-case ASCII, punctuation and possessives dropped: 'U.S.' -> 'us', 'Çavuşoğlu' -> 'cavusoglu'."""
    # A possessive is not part of a name: "Pakistan's committee" names Pakistan.
    text = re.sub(r"'s\b", " ", anyascii(name).lower().replace("\u2019", "'")).replace(".", "").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _gazetteer_lookups() -> tuple[Callable[[str], object], ...]:
    """The gazetteer's state finders, if that module is installed (it is optional here)."""
    try:
        from newsgraph import gazetteer
    except ImportError:
        return ()
    finders = []
    if callable(getattr(gazetteer, "find_state", None)):
        finders.append(gazetteer.find_state)
    loader = getattr(gazetteer, "load_gazetteer", None)
    if callable(loader):
        try:
            table = loader()
        except Exception:  # a broken optional dependency must not break scoring
            table = None
        for name in ("find_state", "find_state_by_demonym"):
            if callable(method := getattr(table, name, None)):
                finders.append(method)
    return tuple(finders)


_FINDERS: tuple[Callable[[str], object], ...] | None = None


def state_code(name: str) -> str | None:
    """A stable code for the state ``name`` denotes, or None when it is not a state."""
    global _FINDERS
    if _FINDERS is None:
        _FINDERS = _gazetteer_lookups()
    for finder in _FINDERS:
        try:
            state = finder(name)
        except Exception:  # lookups of odd strings must not abort an evaluation
            state = None
        if state:
            return str(getattr(state, "iso3", None) or getattr(state, "key", None) or getattr(state, "label", None) or state)
    return None


def _variant(name: str) -> str:
    folded = fold(name)
    return _STATE_VARIANTS.get(folded, folded)


def _surname(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


@dataclass(frozen=True)
class NameMatcher:
    """Tells whether a gold name denotes an extracted entity, within one article."""

    extraction: Extraction
    gold_people: tuple[str, ...]
    _entities: dict[str, Entity] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_entities", {e.key: e for e in self.extraction.entities})

    def entity(self, key: str) -> Entity | None:
        return self._entities.get(key)

    def label(self, key: str | None) -> str:
        entity = self.entity(key) if key else None
        return entity.name if entity else str(key)

    def matches(self, gold: str, key: str | None) -> bool:
        entity = self.entity(key) if key else None
        if entity is None:
            return False
        names = (entity.name, *entity.aliases)
        if fold(gold) in {fold(n) for n in names}:
            return True
        if entity.type is EntityType.PERSON:
            return self._same_surname(gold, entity)
        if _variant(gold) in {_variant(n) for n in names}:
            return True
        return self._same_state(gold, entity) or self._same_body(gold, entity)

    def _same_surname(self, gold: str, entity: Entity) -> bool:
        surname = _surname(gold)
        if not surname or surname != _surname(entity.name):
            return False
        gold_namesakes = {fold(p) for p in self.gold_people if _surname(p) == surname} | {fold(gold)}
        found_namesakes = [e for e in self.extraction.entities
                           if e.type is EntityType.PERSON and _surname(e.name) == surname]
        return len(gold_namesakes) == 1 and len(found_namesakes) == 1

    def _same_state(self, gold: str, entity: Entity) -> bool:
        if entity.type is not EntityType.STATE:
            return False
        code = state_code(gold)
        return code is not None and code in {state_code(n) for n in (entity.name, *entity.aliases)}

    def _same_body(self, gold: str, entity: Entity) -> bool:
        """'Armenian Foreign Ministry' = 'Ministry of Foreign Affairs of Armenia': same state, same kind words."""
        if entity.type is not EntityType.ORGANIZATION or entity.state is None:
            return False
        state = self.entity(entity.state)
        state_name = state.name if state else entity.state
        gold_state, gold_words = _body_signature(gold)
        found_state, found_words = _body_signature(entity.name)
        found_state = found_state or state_code(state_name)
        return gold_state is not None and gold_state == found_state and bool(gold_words) and gold_words == found_words


def _body_signature(name: str) -> tuple[str | None, frozenset[str]]:
    state, words = None, set()
    for word in fold(name).split():
        if word in _BODY_FILLER:
            continue
        if state is None and (code := state_code(word)):
            state = code
            continue
        words.add(word)
    return state, frozenset(words)


# -- scores ------------------------------------------------------------------


class Metric(StrEnum):
    PEOPLE = "people"
    ROLES = "roles"
    ROLES_ANY_BODY = "roles (ignoring of)"
    MEETINGS = "meetings (participants)"
    MEETINGS_PLACE_DATE = "meetings (+place, +date)"


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of one metric; an empty side scores 1.0 (nothing to find, or nothing claimed)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class Difference:
    """One thing wrong in one article: a miss (in gold, not found) or a false positive."""

    metric: Metric
    kind: str  # "miss", "false positive" or "wrong status"
    what: str


@dataclass(frozen=True, slots=True)
class ArticleResult:
    id: str
    scores: Mapping[Metric, Score]
    status_correct: int
    status_total: int
    invented: int
    differences: tuple[Difference, ...]
    extracted: bool  # False when the extractions had nothing for this article


@dataclass(frozen=True, slots=True)
class EvalReport:
    articles: tuple[ArticleResult, ...]

    @property
    def scores(self) -> dict[Metric, Score]:
        return {m: sum((a.scores[m] for a in self.articles), Score()) for m in Metric}

    @property
    def status_accuracy(self) -> float:
        total = sum(a.status_total for a in self.articles)
        return sum(a.status_correct for a in self.articles) / total if total else 1.0

    @property
    def status_counts(self) -> tuple[int, int]:
        return sum(a.status_correct for a in self.articles), sum(a.status_total for a in self.articles)

    @property
    def invented(self) -> int:
        """Meetings found in articles whose gold reports none."""
        return sum(a.invented for a in self.articles)

    def to_dict(self) -> dict:
        correct, total = self.status_counts
        return {
            "articles": len(self.articles),
            "scores": {m.value: s.to_dict() for m, s in self.scores.items()},
            "status": {"correct": correct, "total": total, "accuracy": round(self.status_accuracy, 4)},
            "invented": self.invented,
            "missing_articles": [a.id for a in self.articles if not a.extracted],
            "differences": {a.id: [{"metric": d.metric.value, "kind": d.kind, "what": d.what} for d in a.differences]
                            for a in self.articles if a.differences},
        }

    def to_text(self, verbose: bool = False) -> str:
        lines = [f"{len(self.articles)} articles", "",
                 f"{'metric':<26} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for metric, s in self.scores.items():
            lines.append(f"{metric.value:<26} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
        correct, total = self.status_counts
        lines.append(f"{'status accuracy':<26} {self.status_accuracy:6.3f} ({correct}/{total} matched meetings)")
        lines.append(f"{'invented meetings':<26} {self.invented:6d} (in articles whose gold has none)")
        if missing := [a.id for a in self.articles if not a.extracted]:
            lines.append(f"no extraction for: {', '.join(missing)}")
        if verbose:
            for article in self.articles:
                if not article.differences:
                    continue
                lines += ["", f"{article.id}:"]
                lines += [f"  {d.kind:<14} {d.metric.value:<26} {d.what}" for d in article.differences]
        return "\n".join(lines) + "\n"


# -- evaluation --------------------------------------------------------------


def evaluate(gold: Sequence[GoldArticle], extractions: Mapping[str, Extraction]) -> EvalReport:
    """Score ``extractions`` (by article id) against ``gold``; articles without an extraction count as empty."""
    return EvalReport(tuple(evaluate_article(g, extractions.get(g.id)) for g in gold))


def evaluate_article(gold: GoldArticle, extraction: Extraction | None) -> ArticleResult:
    found = extraction or Extraction(Article(gold.id, "", "", gold.id))
    matcher = NameMatcher(found, gold.people)
    differences: list[Difference] = []
    scores = {
        Metric.PEOPLE: _score_people(gold, found, matcher, differences),
        Metric.ROLES: _score_roles(gold, found, matcher, differences, with_body=True),
        Metric.ROLES_ANY_BODY: _score_roles(gold, found, matcher, differences, with_body=False),
    }
    meetings = [e for e in found.events if e.type is EventType.MEETING]
    participants, full, correct, total = _score_meetings(gold.meetings, meetings, matcher, differences)
    scores[Metric.MEETINGS] = participants
    scores[Metric.MEETINGS_PLACE_DATE] = full
    invented = len(meetings) if not gold.meetings else 0
    return ArticleResult(gold.id, scores, correct, total, invented, tuple(differences), extraction is not None)


def _score_people(gold: GoldArticle, found: Extraction, matcher: NameMatcher, differences: list[Difference]) -> Score:
    people = [e.key for e in found.entities if e.type is EntityType.PERSON]
    pairs = _match(list(dict.fromkeys(gold.people)), people, lambda g, k: matcher.matches(g, k))
    differences += [Difference(Metric.PEOPLE, "miss", g) for g in dict.fromkeys(gold.people) if g not in pairs]
    matched = set(pairs.values())
    differences += [Difference(Metric.PEOPLE, "false positive", matcher.label(k)) for k in people if k not in matched]
    return Score(len(pairs), len(people) - len(pairs), len(set(gold.people)) - len(pairs))


def _score_roles(gold: GoldArticle, found: Extraction, matcher: NameMatcher, differences: list[Difference], *,
                 with_body: bool) -> Score:
    metric = Metric.ROLES if with_body else Metric.ROLES_ANY_BODY
    gold_roles = list(dict.fromkeys((r.person, r.role, r.of if with_body else None) for r in gold.roles))
    # The same role stated twice in an article is one fact.
    found_roles = list(dict.fromkeys((r.holder, r.role, r.organization if with_body else None) for r in found.roles))

    def same(g: tuple, f: tuple) -> bool:
        if g[1] != f[1] or not matcher.matches(g[0], f[0]):
            return False
        if not with_body or g[2] is None and f[2] is None:
            return True
        return g[2] is not None and matcher.matches(g[2], f[2])

    pairs = _match(gold_roles, found_roles, same)
    matched = set(pairs.values())
    differences += [Difference(metric, "miss", _role_text(*g)) for g in gold_roles if g not in pairs]
    differences += [Difference(metric, "false positive", _role_text(matcher.label(f[0]), f[1], f[2] and matcher.label(f[2])))
                    for f in found_roles if f not in matched]
    return Score(len(pairs), len(found_roles) - len(pairs), len(gold_roles) - len(pairs))


def _role_text(person: str, role: str, of: str | None) -> str:
    return f"{person} {role}" + (f" of {of}" if of else "")


def _score_meetings(gold: Sequence[GoldMeeting], found: Sequence[Event], matcher: NameMatcher,
                    differences: list[Difference]) -> tuple[Score, Score, int, int]:
    def same_participants(g: GoldMeeting, e: Event) -> bool:
        return _same_set(g.participants, e.actors, matcher)

    def same_place_date(g: GoldMeeting, e: Event) -> bool:
        return _same_place(g, e, matcher) and g.date == (e.time.iso() if e.time else None)

    # Among meetings with the same participants, pair those that also agree on place, date and status first.
    def agreement(g: GoldMeeting, e: Event) -> int:
        return same_place_date(g, e) * 2 + (g.status is e.status)

    pairs = _match(range(len(gold)), range(len(found)), lambda i, j: same_participants(gold[i], found[j]),
                   weight=lambda i, j: agreement(gold[i], found[j]))
    full_pairs = _match(range(len(gold)), range(len(found)),
                        lambda i, j: same_participants(gold[i], found[j]) and same_place_date(gold[i], found[j]))
    matched = set(pairs.values())
    for i, g in enumerate(gold):
        if i not in pairs:
            differences.append(Difference(Metric.MEETINGS, "miss", _gold_meeting_text(g)))
        elif i not in full_pairs:
            differences.append(Difference(Metric.MEETINGS_PLACE_DATE, "miss",
                                          f"{_gold_meeting_text(g)}; found {_event_text(found[pairs[i]], matcher)}"))
    for j, e in enumerate(found):
        if j not in matched:
            differences.append(Difference(Metric.MEETINGS, "false positive", _event_text(e, matcher)))
    correct = 0
    for i, j in pairs.items():
        if gold[i].status is found[j].status:
            correct += 1
        else:
            differences.append(Difference(Metric.MEETINGS, "wrong status",
                                          f"{_gold_meeting_text(gold[i])}; found {found[j].status.value}"))
    participants = Score(len(pairs), len(found) - len(pairs), len(gold) - len(pairs))
    full = Score(len(full_pairs), len(found) - len(full_pairs), len(gold) - len(full_pairs))
    return participants, full, correct, len(pairs)


def _same_set(gold_names: Sequence[str], keys: Iterable[str], matcher: NameMatcher) -> bool:
    names, keys = list(dict.fromkeys(gold_names)), list(keys)
    return len(names) == len(keys) and len(_match(names, keys, matcher.matches)) == len(names)


def _same_place(gold: GoldMeeting, event: Event, matcher: NameMatcher) -> bool:
    if gold.place is None or event.place is None:
        return gold.place is None and event.place is None
    return matcher.matches(gold.place, event.place)


def _gold_meeting_text(m: GoldMeeting) -> str:
    return f"{' + '.join(m.participants)} @ {m.place or '-'} {m.date or '-'} {m.status.value}"


def _event_text(e: Event, matcher: NameMatcher) -> str:
    names = " + ".join(sorted(matcher.label(k) for k in e.actors))
    place = matcher.label(e.place) if e.place else "-"
    return f"{names} @ {place} {e.time.iso() if e.time else '-'} {e.status.value}"


def _match(golds: Iterable, founds: Iterable, same: Callable[[object, object], bool], *,
           weight: Callable[[object, object], int] | None = None) -> dict:
    """A maximum one-to-one matching gold -> found (augmenting paths; inputs are a handful per article).

    With ``weight``, each gold item tries its best-agreeing candidates first, so
    ties between equal participant sets are broken in favour of full agreement.
    """
    golds, founds = list(golds), list(founds)
    candidates = {}
    for gi, g in enumerate(golds):
        options = [fi for fi, f in enumerate(founds) if same(g, f)]
        if weight is not None:
            options.sort(key=lambda fi: -weight(g, founds[fi]))
        candidates[gi] = options
    owner: dict[int, int] = {}  # found index -> gold index

    def augment(gi: int, visited: set[int]) -> bool:
        for fi in candidates[gi]:
            if fi in visited:
                continue
            visited.add(fi)
            if fi not in owner or augment(owner[fi], visited):
                owner[fi] = gi
                return True
        return False

    for gi in range(len(golds)):
        augment(gi, set())
    return {golds[gi]: founds[fi] for fi, gi in owner.items()}
