"""Links from entities to Wikidata and GeoNames, from the offline gazetteer only.

``link`` gives the ``skos:exactMatch`` IRIs for a state, place (capital, city,
region) or organization the gazetteer knows, and nothing for anything else: an
unknown name is never guessed at.
"""

from __future__ import annotations

from newsgraph.gazetteer import load_gazetteer
from newsgraph.model import EntityType

WIKIDATA = "http://www.wikidata.org/entity/"
GEONAMES = "https://sws.geonames.org/"


def wikidata_iri(qid: str) -> str:
    return f"{WIKIDATA}{qid}"


def geonames_iri(geonameid: int) -> str:
    return f"{GEONAMES}{geonameid}/"


def link(entity_type: EntityType, label: str, *, key: str | None = None) -> tuple[str, ...]:
    """Sorted exactMatch IRIs for a known state, place or organization; () otherwise. A place's ``key``
    ("place:6174041") says which of the places of that name it is."""
    gazetteer = load_gazetteer()
    if entity_type is EntityType.STATE:
        record = gazetteer.find_state(label)
    elif entity_type is EntityType.PLACE:
        record = gazetteer.place_by_id((key or "").removeprefix("place:")) or gazetteer.find_place(label)
    elif entity_type is EntityType.ORGANIZATION:
        record = gazetteer.find_organization(label)
    else:
        return ()
    return iris_of(record) if record is not None else ()


def iris_of(record) -> tuple[str, ...]:
    """The IRIs of any gazetteer record (a state, place or organization)."""
    iris = []
    if getattr(record, "wikidata", None):
        iris.append(wikidata_iri(record.wikidata))
    if getattr(record, "geonameid", None):
        iris.append(geonames_iri(record.geonameid))
    return tuple(sorted(iris))
