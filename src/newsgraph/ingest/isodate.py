"""ISO 8601 dates and date-times as given in input metadata."""

from __future__ import annotations

import datetime as dt


def parse_iso_date(value: str) -> dt.date:
    """The calendar date of an ISO 8601 date or date-time; raises ValueError otherwise.

    The date is taken as written: a time zone offset does not move it to
    another day, because the article's own calendar date is what relative
    dates in its text refer to.
    """
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.datetime.fromisoformat(text).date()
