"""Links to Wikidata and GeoNames come from the offline gazetteer only."""

from __future__ import annotations

from newsgraph.link import link
from newsgraph.model import EntityType

WD = "http://www.wikidata.org/entity/"
GN = "https://sws.geonames.org/"


def test_state_links_to_wikidata_and_geonames():
    assert link(EntityType.STATE, "Turkey") == (f"{WD}Q43", f"{GN}298795/")
    assert link(EntityType.STATE, "Türkiye") == link(EntityType.STATE, "TURKIYE")


def test_capital_links():
    assert link(EntityType.PLACE, "Vienna") == (f"{WD}Q1741", f"{GN}2761369/")
    assert link(EntityType.PLACE, "Moscow") == (f"{WD}Q649", f"{GN}524901/")


def test_a_place_links_to_the_city_its_key_names_not_the_usual_one_of_its_name():
    assert link(EntityType.PLACE, "Victoria", key="place:6174041") == (f"{GN}6174041/",)  # in Canada
    assert link(EntityType.PLACE, "Victoria") != link(EntityType.PLACE, "Victoria", key="place:6174041")


def test_city_without_wikidata_links_to_geonames_only():
    assert link(EntityType.PLACE, "Gyumri") == (f"{GN}616635/",) or link(EntityType.PLACE, "Istanbul") == (f"{GN}745044/",)


def test_organization_links():
    assert link(EntityType.ORGANIZATION, "NATO") == (f"{WD}Q7184",)


def test_unknown_and_people_get_nothing():
    assert link(EntityType.PLACE, "Atlantis") == ()
    assert link(EntityType.STATE, "Narnia") == ()
    assert link(EntityType.PERSON, "Vienna") == ()


def test_links_are_sorted_iris():
    for entity_type, name in [(EntityType.STATE, "Armenia"), (EntityType.PLACE, "Yerevan")]:
        iris = link(entity_type, name)
        assert iris == tuple(sorted(iris)) and len(iris) == 2
        assert all(i.startswith((WD, GN)) for i in iris)
