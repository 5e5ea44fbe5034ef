"""Fuzzing the date normalizer: never raises; without a reference, relative text gives no date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from fuzzing import CASES, budget
from newsgraph.dates import is_relative, normalize_date
from newsgraph.model import TimeValue

WORDS = ["on", "last", "next", "this", "Monday", "Sunday", "morning", "week", "month", "year", "ago", "days", "two",
         "January", "Jan.", "Sept", "14", "1st", "31", "2022", "1993", "-", "to", "and", "early", "mid-", "the",
         "yesterday", "today", "tomorrow", "decades", "for", "since", "0", "99", "2099", "1800"]
phrases = st.one_of(st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join), st.text(max_size=40))
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@budget()
@given(phrases, st.one_of(st.none(), dates), st.booleans())
def test_normalize_date_never_raises_and_never_invents(text, published, prefer_future):
    CASES["date normalizer"] += 1
    value = normalize_date(text, published=published, prefer_future=prefer_future)
    assert value is None or isinstance(value, TimeValue)
    if published is None:
        if is_relative(text):
            assert value is None  # "on Monday" without an article date stays unresolved
        if value is not None and value.year is not None:
            assert str(value.year) in text  # a year only when the text gives it
    if value is not None:
        assert value.month is None or 1 <= value.month <= 12
        assert value.day is None or (value.month is not None and 1 <= value.day <= 31)
