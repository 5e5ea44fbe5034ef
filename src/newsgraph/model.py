"""Plain data passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses, so each stage can be
tested without the others. Offsets are character offsets into
``Article.original`` (RFC 5147 ``char=`` semantics: begin inclusive, end
exclusive).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "Person"
    STATE = "State"
    ORGANIZATION = "Organization"
    PLACE = "Place"


class EventType(StrEnum):
    MEETING = "Meeting"
    AGREEMENT = "Agreement"
    BORDER_CLOSURE = "BorderClosure"
    BORDER_OPENING = "BorderOpening"
    ARMED_CONFLICT = "ArmedConflict"
    CEASEFIRE = "Ceasefire"
    POLICY_CHANGE = "PolicyChange"
    ANNOUNCEMENT = "Announcement"


class MeetingMode(StrEnum):
    """How a meeting happened (after PLOVER's CONSULT modes)."""

    IN_PERSON = "InPerson"
    VISIT = "Visit"
    PHONE = "PhoneCall"
    MULTILATERAL = "Multilateral"
    THIRD_PARTY = "ThirdParty"


class Status(StrEnum):
    OCCURRED = "Occurred"
    PLANNED = "Planned"
    CANCELLED = "Cancelled"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's original text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news item after ingest.

    ``original`` is the text as read; ``text`` is the same text with
    boilerplate blanked out by spaces (and a hard-wrapped paragraph's line
    breaks made spaces), so every offset into ``text`` is also an offset into
    ``original`` and points at the same characters.
    """

    id: str
    original: str
    text: str
    source: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A date at the precision the text gives.

    ``year`` is None when the text gives a day and month but the year could
    not be resolved (no article date); such a value is never written as a
    full date.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    year_source: str = "text"  # "text", "article-date" or "merged-event"

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def resolved(self) -> bool:
        return self.year is not None

    def iso(self) -> str:
        """ISO 8601 at this precision; ``--MM-DD`` when the year is unknown."""
        year = f"{self.year:04d}" if self.year is not None else "-"
        parts = [year] + [f"{v:02d}" for v in (self.month, self.day) if v is not None]
        return "-".join(parts)

    def compatible(self, other: TimeValue) -> bool:
        """Whether both could denote the same day (unknown parts match anything)."""
        pairs = ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        return all(a is None or b is None or a == b for a, b in pairs)


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, state, organization or place as found in one article.

    ``key`` identifies the entity within the extraction (and, after
    resolution, across articles); mapping to RDF turns it into an IRI.
    """

    key: str
    type: EntityType
    name: str
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    state: str | None = None  # for organizations and places: key of their state


@dataclass(frozen=True, slots=True)
class Role:
    """Someone holding an office: ``holder`` is ``role`` of ``organization``."""

    holder: str
    role: str  # local name of an org:Role concept in the ontology, e.g. "ForeignMinister"
    organization: str | None
    evidence: Span
    towards: str | None = None
    former: bool = False


@dataclass(frozen=True, slots=True)
class Participant:
    entity: str
    role: str | None = None  # the role concept the participant acted in, if said


@dataclass(frozen=True, slots=True)
class Event:
    type: EventType
    participants: tuple[Participant, ...]
    evidence: tuple[Span, ...]
    status: Status = Status.OCCURRED
    place: str | None = None
    time: TimeValue | None = None
    confidence: float = 0.5
    mode: MeetingMode | None = None
    content: str | None = None  # what was agreed, announced or changed
    key: str = ""  # which real event this is: the same for every report of it (set by resolution)

    @property
    def actors(self) -> frozenset[str]:
        return frozenset(p.entity for p in self.participants)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    roles: tuple[Role, ...] = ()
    events: tuple[Event, ...] = ()
    notes: tuple[str, ...] = field(default=())  # e.g. dates left unresolved

    def entity(self, key: str) -> Entity:
        return next(e for e in self.entities if e.key == key)
