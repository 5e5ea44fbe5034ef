import datetime as dt

import pytest
from rdflib.namespace import XSD

from newsgraph.dates import is_length, normalize_date
from newsgraph.model import Precision, TimeValue
from newsgraph.rdf import time_literal

PUBLISHED = dt.date(2021, 5, 4)  # a Tuesday


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        ("January 14, 2022", "2022-01-14", Precision.DAY),
        ("14 January 2022", "2022-01-14", Precision.DAY),
        ("July 2022", "2022-07", Precision.MONTH),
        ("2019", "2019", Precision.YEAR),
        ("Monday", "2021-05-03", Precision.DAY),
        ("last month", "2021-04", Precision.MONTH),
        ("last year", "2020", Precision.YEAR),
        ("January 14", "2021-01-14", Precision.DAY),
        ("later Monday", "2021-05-03", Precision.DAY),
        ("earlier this month", "2021-05", Precision.MONTH),
        ("mid-January", "2021-01", Precision.MONTH),
        ("a year ago", "2020", Precision.YEAR),
        ("five years ago", "2016", Precision.YEAR),
        ("a month ago", "2021-04", Precision.MONTH),
        ("three days ago", "2021-05-01", Precision.DAY),
    ],
)
def test_dates_resolve_against_the_article_date_at_their_precision(text, iso, precision):
    value = normalize_date(text, published=PUBLISHED)
    assert value is not None and value.iso() == iso and value.precision is precision


def test_planned_events_take_the_next_month_of_that_name():
    assert normalize_date("June", published=PUBLISHED, prefer_future=True).iso() == "2021-06"
    assert normalize_date("June", published=PUBLISHED).iso() == "2020-06"


def test_a_year_that_comes_from_the_article_date_says_so():
    assert normalize_date("January 14", published=PUBLISHED).year_source == "article-date"
    assert normalize_date("January 14, 2022", published=PUBLISHED).year_source == "text"


@pytest.mark.parametrize("text", ["Monday", "last month", "next week", "the near future"])
def test_relative_dates_stay_unresolved_without_an_article_date(text):
    assert normalize_date(text, published=None) is None


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_name_and_abbreviation_without_an_article_date(month):
    name = dt.date(2021, month, 1).strftime("%B")
    assert normalize_date(f"14 {name} 2006", published=None) == TimeValue(2006, month, 14)
    assert normalize_date(f"{name[:3]}. 14, 2006", published=None) == TimeValue(2006, month, 14)


@pytest.mark.parametrize("text, iso", [("next February", "2022-02"), ("next May", "2022-05"), ("coming June", "2021-06"),
                                       ("last August", "2020-08"), ("last April", "2021-04"), ("this March", "2021-03")])
def test_a_month_anchored_by_next_last_or_this(text, iso):
    assert normalize_date(text, published=PUBLISHED).iso() == iso


def test_a_day_without_year_keeps_an_unknown_year_without_an_article_date():
    value = normalize_date("January 14", published=None)
    assert value == TimeValue(None, 1, 14)
    assert value.iso() == "--01-14" and not value.resolved


@pytest.mark.parametrize("text", ["decades", "three decades", "years", "the past two weeks"])
def test_durations_are_not_dates(text):
    assert normalize_date(text, published=PUBLISHED) is None


@pytest.mark.parametrize("text", ["the late 1980s", "the '90s", "the 1980s and 1990s", "the 1990's"])
@pytest.mark.parametrize("published", [PUBLISHED, None])
def test_a_decade_is_coarser_than_any_date_we_give(text, published):
    assert normalize_date(text, published=published) is None


@pytest.mark.parametrize("text, length", [("three-day", True), ("three- day", True), ("a 12-day", True), ("week-long", True), ("two day", True),
                                          ("48-hour", True), ("the three days'", True), ("two day's", True), ("in two weeks", False), ("the next day", False),
                                          ("Monday", False)])
def test_how_long_something_lasts_is_no_date(text, length):
    assert is_length(text) is length
    if length:
        assert normalize_date(text, published=PUBLISHED) is None


def test_absolute_dates_need_no_article_date():
    assert normalize_date("a July 1, 2022", published=None).iso() == "2022-07-01"
    assert normalize_date("in November 2020", published=None).iso() == "2020-11"


def test_time_values_compare_on_what_they_know():
    assert TimeValue(None, 1, 14).compatible(TimeValue(2022, 1, 14))
    assert TimeValue(2022, 1).compatible(TimeValue(2022, 1, 14))
    assert not TimeValue(2022, 1, 14).compatible(TimeValue(2022, 7, 1))


def test_a_weekday_in_a_story_of_that_weekday_is_the_same_day():
    sunday = dt.date(2006, 12, 24)
    assert normalize_date("Sunday", published=sunday).iso() == "2006-12-24"
    assert normalize_date("late Saturday", published=sunday).iso() == "2006-12-23"
    assert normalize_date("Monday", published=sunday, prefer_future=True).iso() == "2006-12-25"
    assert normalize_date("midnight Sunday", published=sunday).iso() == "2006-12-24"


@pytest.mark.parametrize("text, iso", [("Nov. 18-19", "2006-11-18"), ("17 to 19 November", "2006-11-17"),
                                        ("March 15-17, 2007", "2007-03-15"), ("Oct. 29 to Nov. 2", "2006-10-29"),
                                        ("30 October through 1 November", "2006-10-30"),
                                        ("between November 7 and 9", "2006-11-07")])
def test_a_span_of_days_is_dated_by_its_first_day(text, iso):
    assert normalize_date(text, published=dt.date(2006, 11, 18)).iso() == iso


@pytest.mark.parametrize("text, iso", [("August last year", "2005-08"), ("August and December last year", "2005-08"),
                                        ("March next year", "2007-03"), ("June this year", "2006-06")])
def test_months_of_last_this_and_next_year(text, iso):
    value = normalize_date(text, published=dt.date(2006, 11, 8))
    assert value.iso() == iso and value.year_source == "article-date"


def test_a_planned_date_of_the_story_s_own_day_stays_in_its_year():
    assert normalize_date("Nov. 18", published=dt.date(2006, 11, 18), prefer_future=True).iso() == "2006-11-18"


@pytest.mark.parametrize("text, iso", [
    ("Nov. 19 to 21", "2006-11-19"),  # under way as the story is written
    ("Nov. 10", "2006-11-10"),  # days before the story: this year's, not next year's
    ("Oct. 25", "2007-10-25"),  # a month before: a plan for next year
])
def test_a_planned_date_just_before_the_story_stays_in_its_year(text, iso):
    assert normalize_date(text, published=dt.date(2006, 11, 21), prefer_future=True).iso() == iso


@pytest.mark.parametrize("text, iso", [("next year", "2007"), ("early next year", "2007"), ("next month", "2006-12")])
def test_a_plan_dated_next_year_is_next_year(text, iso):
    assert normalize_date(text, published=dt.date(2006, 11, 21), prefer_future=True).iso() == iso


def test_a_day_just_after_the_story_is_of_its_year_whatever_the_tense():
    # "X's December 7-9 visit was ..." in a story of December 4: this December, not last year's
    assert normalize_date("December 7-9", published=dt.date(2006, 12, 4)).iso() == "2006-12-07"
    assert normalize_date("Dec. 20", published=dt.date(2006, 12, 4)).iso() == "2005-12-20"  # too far to say


@pytest.mark.parametrize("text, prefer_future, iso", [
    ("the 12th", False, "2006-11-12"),  # not December, which is what "12th" alone reads as
    ("the 25th", False, "2006-10-25"),  # past: still to come in the story's month, so the month before
    ("the 3rd", True, "2006-12-03"),  # planned: already past in the story's month, so the month after
    ("the 31st", True, None),  # November has no 31st
])
def test_an_ordinal_day_alone_is_of_the_story_month_or_the_nearest(text, prefer_future, iso):
    value = normalize_date(text, published=dt.date(2006, 11, 20), prefer_future=prefer_future)
    assert (value and value.iso()) == iso


@pytest.mark.parametrize("value, datatype", [(TimeValue(None, 1, 14), XSD.gMonthDay), (TimeValue(None, 11, None), XSD.gMonth),
                                              (TimeValue(2021, 11, None), XSD.gYearMonth)])
def test_a_date_is_written_in_the_xsd_type_of_its_precision(value, datatype):
    literal = time_literal(value)
    assert literal.datatype == datatype and str(literal) == value.iso()
