"""Date expressions to ``TimeValue`` at the precision the text gives.

Absolute dates are parsed as written. Relative ones ("last month", "on
Sunday", "next week") are resolved against the article's publication date, and
left unresolved when it is unknown: the date is never taken from the clock.
A day and month without a year ("January 14") keep an unknown year unless the
article date supplies it.
"""

from __future__ import annotations

import datetime as dt
import re
from dateparser.date import DateDataParser

from newsgraph.model import TimeValue

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\.?\b", re.IGNORECASE)
_DAY = re.compile(r"\b([0-3]?\d)(st|nd|rd|th)?\b")
# Spans of time, not points in it ("three decades", "years", "a three-day visit"): never an event date.
_DURATION = re.compile(
    r"^(the )?(past |last |next |coming )?(\w+ )?(decades?|years|months|weeks|days|hours)$|\bfor\b|\bago\b.*\bago\b",
    re.IGNORECASE,
)
# How long something lasts, said of it ("a three-day visit", "week-long talks", "the two days' talks"): dates nothing.
_LENGTH = re.compile(
    r"^([\w-]+- ?|\d+ |(two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen) )(day|week|month|year|hour)"
    r"(-long|s'|'s)?$"
    r"|^(day|week|month|year)-long$", re.IGNORECASE)
# A decade ("the late 1980s", "the '90s") is coarser than a year, the coarsest precision a TimeValue has.
_DECADE = re.compile(r"\d0'?s\b")
_AGO = re.compile(r"\bago$", re.IGNORECASE)
_ONE_AGO = re.compile(r"^an? (?=(year|month|week|day)\b.*\bago$)", re.IGNORECASE)
_NOISE = re.compile(r"^((a|an|the|on|in|at|of|since|by|from|between|until|early|late|later|earlier|mid)\s+|mid-)", re.IGNORECASE)


def is_month(text: str) -> bool:
    return _MONTH.fullmatch(text.strip().rstrip(".")) is not None


def names_a_day(text: str) -> bool:
    """'Wednesday evening', 'later Wednesday': a time of day the model tags TIME that still names its day."""
    return _MONTH.search(text) is not None or any(day in text.lower() for day in _WEEKDAYS)


def is_relative(text: str) -> bool:
    """Whether the expression needs a reference date (it names no year and no month)."""
    return not _YEAR.search(text) and not _MONTH.search(text)


def _strip(text: str) -> str:
    text = _ONE_AGO.sub("1 ", text.strip(" ,."))  # "a year ago" is "1 year ago", not the noise-stripped "year ago"
    while (stripped := _NOISE.sub("", text)) != text:
        text = stripped
    return text


_MONTH_WORD = r"(" + "|".join(_MONTHS) + r")\.?"
_RANGES = (  # a span of days is dated by its first day: "Nov. 18-19", "15 to 17 March", "Oct. 29 to Nov. 2"
    (re.compile(_MONTH_WORD + r"\s+(\d{1,2})\s*(?:-|–|to|through|until)\s*" + _MONTH_WORD + r"\s+\d{1,2}\b", re.IGNORECASE),
     r"\1 \2"),
    (re.compile(r"\b(\d{1,2})\s+" + _MONTH_WORD + r"\s*(?:-|–|to|through|until)\s*\d{1,2}\s+" + _MONTH_WORD, re.IGNORECASE),
     r"\1 \2"),
    (re.compile(_MONTH_WORD + r"\s+(\d{1,2})\s*(?:-|–|to|and)\s*\d{1,2}\b", re.IGNORECASE), r"\1 \2"),
    (re.compile(r"\b(\d{1,2})\s*(?:-|–|to|and)\s*\d{1,2}\s+" + _MONTH_WORD, re.IGNORECASE), r"\1 \2"),
    (re.compile(_MONTH_WORD + r"\s+(?:and|to|or)\s+" + _MONTH_WORD, re.IGNORECASE), r"\1"),  # "August and December"
)


def _first_day(text: str) -> str:
    for pattern, replacement in _RANGES:
        text = pattern.sub(replacement, text)
    return text


def is_length(text: str) -> bool:
    """Whether a date expression says how long something lasts ("three-day", "week-long"), not when."""
    return bool(_LENGTH.search(_strip(text)))


def normalize_date(text: str, *, published: dt.date | None, prefer_future: bool = False) -> TimeValue | None:
    """The date ``text`` denotes, or None when it is no date or cannot be resolved."""
    text = _first_day(_strip(text))
    if not text or _DURATION.search(text) or _LENGTH.search(text) or _DECADE.search(text):
        return None
    if published is None:
        return _without_reference(text)
    return _with_reference(text, published, prefer_future)


def _parse(text: str, base: dt.datetime, prefer_future: bool):
    # A parser per call is cheap (about 10 µs) and keeps the reference date explicit.
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if prefer_future else "past"}
    return DateDataParser(languages=["en"], settings=settings).get_date_data(text)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"^(?:(?:midnight|noon|dawn|dusk) )?(" + "|".join(_WEEKDAYS) + r")( (morning|afternoon|evening|night))?$",
                      re.IGNORECASE)


def _weekday(text: str, published: dt.date, prefer_future: bool) -> TimeValue | None:
    """'on Sunday' in a story of Sunday is that Sunday; otherwise the nearest one before (after, if planned)."""
    match = _WEEKDAY.match(text.removeprefix("late ").removeprefix("early "))
    if match is None:
        return None
    target = _WEEKDAYS.index(match.group(1).lower())
    if prefer_future:
        day = published + dt.timedelta(days=(target - published.weekday()) % 7)
    else:
        day = published - dt.timedelta(days=(published.weekday() - target) % 7)
    return TimeValue(day.year, day.month, day.day, year_source="article-date")


_YEAR_WORDS = {"last year": -1, "this year": 0, "next year": 1}
_MONTH_ANCHORED = re.compile(r"^(next|coming|last|past|this) " + _MONTH_WORD + "$", re.IGNORECASE)


def _anchored_month(text: str, published: dt.date) -> TimeValue | None:
    """'next February' is the first February after the story; 'last August' the latest one before it."""
    match = _MONTH_ANCHORED.match(text)
    if match is None:
        return None
    word, month = match.group(1).lower(), _month_number(match.group(2))
    year = published.year
    if word in ("next", "coming") and month <= published.month:
        year += 1
    elif word in ("last", "past") and month >= published.month:
        year -= 1
    return TimeValue(year, month, year_source="article-date")


def _with_year_words(text: str, published: dt.date) -> str:
    """'August last year' is August of the year before the article's."""
    for words, offset in _YEAR_WORDS.items():
        if words in text.lower() and _MONTH.search(text):
            return re.sub(words, str(published.year + offset), text, flags=re.IGNORECASE)
    return text


# A day and month this close to the story's date are of its year, whichever way the tense leans.
_NEAR = dt.timedelta(days=14)


def _this_year(value: dt.date, published: dt.date) -> dt.date:
    try:
        return value.replace(year=published.year)
    except ValueError:  # 29 February
        return value.replace(year=published.year, day=28)


# "next year", "last month": the text says which way; preferring the future would only mislead the parser.
_ANCHORED = re.compile(r"\b(next|last|this|coming|previous|ago)\b", re.IGNORECASE)


_ORDINAL_DAY = re.compile(r"^(?:the )?(\d{1,2})(?:st|nd|rd|th)$", re.IGNORECASE)


def _day_of_the_month(day: int, published: dt.date, prefer_future: bool) -> TimeValue | None:
    """'on the 12th': that day of the story's month, or of the month before (after, if planned) when it is past."""
    year, month = published.year, published.month
    if not prefer_future and day > published.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    elif prefer_future and day < published.day:
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    try:
        return TimeValue(year, month, dt.date(year, month, day).day, year_source="article-date")
    except ValueError:
        return None  # "the 31st" of a month of 30 days


def _with_reference(text: str, published: dt.date, prefer_future: bool) -> TimeValue | None:
    prefer_future = prefer_future and not _ANCHORED.search(text)
    if (weekday := _weekday(text.lower(), published, prefer_future)) is not None:
        return weekday
    if (month := _anchored_month(text, published)) is not None:
        return month
    if (match := _ORDINAL_DAY.match(text)) is not None:
        return _day_of_the_month(int(match[1]), published, prefer_future)
    original, text = text, _with_year_words(text, published)
    base = dt.datetime.combine(published, dt.time(12))
    data = _parse(text, base, prefer_future)
    if data.date_obj is None:
        return None
    value = data.date_obj.date()
    source = "text" if _YEAR.search(text) and not any(w in original.lower() for w in _YEAR_WORDS) else "article-date"
    if source == "article-date" and abs(value.year - published.year) > 1 and not _AGO.search(text):
        return None  # the parser invented a year the text does not give ("five years ago" gives one)
    if _YEAR.search(text) and str(value.year) not in text:
        return None
    if source == "article-date" and value.year != published.year and data.period in ("day", "month") and (
            not _ANCHORED.search(original) and abs(_this_year(value, published) - published) <= _NEAR):
        value = _this_year(value, published)  # "Nov. 19 to 21" in a story of Nov. 21, "Dec. 7-9" in one of Dec. 4
    match data.period:
        case "year":
            return TimeValue(value.year, year_source=source)
        case "month":
            return TimeValue(value.year, value.month, year_source=source)
        case "day" | "time":
            return TimeValue(value.year, value.month, value.day, year_source=source)
        case _:  # a week: no ISO precision of ours fits it
            return None


def _without_reference(text: str) -> TimeValue | None:
    """Only what the text itself says: never a year it does not give."""
    if is_relative(text):
        return None
    year = _YEAR.search(text)
    month = _MONTH.search(text)
    month_number = _month_number(month.group(1)) if month else None
    day = _day(text, month) if month else None
    if year is None:
        return TimeValue(None, month_number, day) if month_number and day else None
    return TimeValue(int(year.group(1)), month_number, day if month_number else None)


def _month_number(name: str) -> int:
    return [month[:3] for month in _MONTHS[:12]].index(name.lower()[:3]) + 1


def _day(text: str, month: re.Match) -> int | None:
    # The day number next to the month name, either side ("14 January", "January 14").
    window = text[max(0, month.start() - 6) : month.end() + 6]
    for match in _DAY.finditer(window):
        if 1 <= int(match.group(1)) <= 31 and not _YEAR.fullmatch(match.group(1)):
            return int(match.group(1))
    return None
