"""Absolute dates in press-release text, as ISO 8601 strings as precise as the text.

Loaders use this module to read a document's own date (a sign-off such as
``5 MARCH 2020``, a dateline such as ``SINGAPORE, 25 November 2022 -``, a
``March 09, 2020`` line under a headline); extraction uses :func:`find_dates` to
find the dates of events in running text. Relative expressions ("today", "Monday",
"last year") are not read here: extraction resolves them against the document date.

The rules are plain regular expressions rather than ``dateparser``: dateparser
fills a missing day with today's (``March 2020`` -> ``2020-03-22``), returns
nothing for ranges such as ``September 4-6, 2023`` and gives no offsets, and all
three matter here. English month names (full, three-letter and ``Sept``, with or
without a full stop) in day-month-year and month-day-year order, ISO dates, years,
and ranges between them are what press releases and wire stories use.

Examples:
    >>> parse_date("25 November 2022"), parse_date("Aug. 27, 2019"), parse_date("March 2020")
    ('2022-11-25', '2019-08-27', '2020-03')
    >>> [(d.text, d.iso_start, d.iso_end) for d in find_dates("from September 4-6, 2023.")]
    [('September 4-6, 2023', '2023-09-04', '2023-09-06')]
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from dataclasses import dataclass

__all__ = [
    "DateSpan",
    "Dateline",
    "find_dateline",
    "find_dates",
    "date_problem",
    "impossible_dates",
    "lead_date",
    "parse_date",
    "precision",
]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = sorted(_MONTHS, key=len, reverse=True)


def _month(group: str) -> str:
    return rf"(?P<{group}>(?:{'|'.join(_MONTH_NAMES)})\b\.?)"


def _day(group: str) -> str:
    return rf"(?P<{group}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"


def _year(group: str) -> str:
    return rf"(?P<{group}>(?:1[89]|20)\d\d)(?![,.]\d|[^\W_])"


_DASH = r"\s*[-\u2010-\u2015]\s*"
_TO = rf"(?:{_DASH}|\s+(?:to|until|till|through|and)\s+)"
_SEP = r"(?:,?\s+|\s*,\s*)"  # between parts: spaces, optionally one comma
_NOT_AFTER_DIGIT = r"(?<![\d,.])"

# Each pattern: named groups d1 m1 y1 (start) and d2 m2 y2 (end, of a range).
# Tried in this order; a later pattern never takes text an earlier one matched.
_PATTERNS = [
    # 4-6 September 2023, 4 to 6 Sept 2023
    rf"{_NOT_AFTER_DIGIT}{_day('d1')}{_TO}{_day('d2')}\s+{_month('m2')}{_SEP}{_year('y2')}",
    # September 4-6, 2023
    rf"{_month('m2')}\s*{_day('d1')}{_TO}{_day('d2')}{_SEP}{_year('y2')}",
    # 30 August - 2 September 2023 / 30 August 2023 to 2 September 2023
    rf"{_NOT_AFTER_DIGIT}{_day('d1')}\s+{_month('m1')}(?:{_SEP}{_year('y1')})?{_TO}"
    rf"{_day('d2')}\s+{_month('m2')}{_SEP}{_year('y2')}",
    # August 30 - September 2, 2023 / August 30, 2023 to September 2, 2023
    rf"{_month('m1')}\s*{_day('d1')}(?:{_SEP}{_year('y1')})?{_TO}"
    rf"{_month('m2')}\s*{_day('d2')}{_SEP}{_year('y2')}",
    # March to May 2020, March 2020 - May 2021
    rf"{_month('m1')}(?:{_SEP}{_year('y1')})?{_TO}{_month('m2')}{_SEP}{_year('y2')}",
    # 2020-03-05
    r"(?<![\d-])(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)(?![\d-])",
    # 5 March 2020, 5th of March, 2020
    rf"{_NOT_AFTER_DIGIT}{_day('d1')}\s+(?:of\s+)?{_month('m1')}{_SEP}{_year('y1')}",
    # March 5, 2020, Aug. 27 2019
    rf"{_month('m1')}\s*{_day('d1')}{_SEP}{_year('y1')}",
    # March 2020, March, 2020
    rf"{_month('m1')}{_SEP}{_year('y1')}",
    # from 2020 to 2022, 2020-2022, between 2020 and 2022
    rf"(?<![\w,.$])(?<!\d-){_year('y1')}{_TO}{_year('y2')}",
    # 2019
    rf"(?<![\w,.$])(?<!\d-){_year('y1')}(?![-\u2010-\u2015]\d)",
]
_COMPILED = [re.compile(p, re.IGNORECASE) for p in _PATTERNS]
_DAY_MONTH = [
    re.compile(rf"{_NOT_AFTER_DIGIT}{_day('d1')}\s+(?:of\s+)?{_month('m1')}", re.IGNORECASE),
    re.compile(rf"{_month('m1')}\s*{_day('d1')}\b", re.IGNORECASE),
]


@dataclass(frozen=True, order=True)
class DateSpan:
    """An absolute date or date range found in text.

    Attributes:
        start: offset of the expression's first character.
        end: offset one past its last character.
        text: the expression as written (``"September 4-6, 2023"``).
        iso_start: ISO 8601 date of the (first) day, month or year.
        iso_end: ISO 8601 date the range ends on; ``""`` for a single date.
    """

    start: int
    end: int
    text: str
    iso_start: str
    iso_end: str = ""


@dataclass(frozen=True)
class Dateline:
    """The dateline a news release opens with: ``PLACE, date (Agency) --``.

    Attributes:
        start: offset of the dateline's first character.
        end: offset one past the dash that ends it (the story starts after it).
        place: the place as written (``"CHONGQING"``, ``"CHONGQING, China"``).
        date: ISO date, ``""`` when the dateline gives no year and none was supplied.
        month: month number written in the dateline (0 if none).
        day: day number written in the dateline (0 if none).
        agency: news agency or wire named in it (``"Xinhua"``, ``"PRNewswire"``), or ``""``.
    """

    start: int
    end: int
    place: str
    date: str
    month: int = 0
    day: int = 0
    agency: str = ""


def _iso(year: str | None, month: str | None, day: str | None) -> str:
    """ISO text of the parts given; ``""`` if they do not form a date."""
    if not year:
        return ""
    y = int(year)
    if not month:
        return f"{y:04d}"
    m = _MONTHS[month.lower().rstrip(".")]
    if not day:
        return f"{y:04d}-{m:02d}"
    d = int(day)
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}"


def _capitalised(match: re.Match[str]) -> bool:
    """Month names must start with a capital ("may" is usually a verb)."""
    for group in ("m1", "m2"):
        if group in match.re.groupindex and match.group(group) and not match.group(group)[0].isupper():
            return False
    return True


_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)


def _and_allowed(match: re.Match[str]) -> bool:
    """``A and B`` is a range between two days of one month ("September 4 and 5, 2023"),
    otherwise only after ``between`` ("between 2020 and 2022"; not "for 2018 and 2019")."""
    if not re.search(r"\sand\s", match.group(0), re.IGNORECASE):
        return True
    groups = match.groupdict()
    if groups.get("d1") and groups.get("d2") and not groups.get("m1"):
        return True
    return bool(_BETWEEN.search(match.string, max(0, match.start() - 200), match.start()))


def _span_of(match: re.Match[str]) -> DateSpan | None:
    g = match.groupdict()
    if g.get("iso"):
        y, m, d = g["iso"].split("-")
        if not (1 <= int(m) <= 12) or not (1 <= int(d) <= calendar.monthrange(int(y), int(m))[1]):
            return None
        return DateSpan(match.start(), match.end(), match.group(0), g["iso"])
    if not _capitalised(match) or not _and_allowed(match):
        return None
    y2, m2, d2 = g.get("y2"), g.get("m2"), g.get("d2")
    y1 = g.get("y1") or y2
    m1 = g.get("m1") or (m2 if g.get("d1") else None)
    d1 = g.get("d1")
    start = _iso(y1, m1, d1)
    end = _iso(y2, m2, d2) if y2 else ""
    if not start or (y2 and not end) or (end and end < start):
        return None
    return DateSpan(match.start(), match.end(), match.group(0), start, end)


def find_dates(text: str, *, year: int | None = None) -> list[DateSpan]:
    """Find the absolute dates and date ranges in ``text``, in text order.

    Args:
        text: running text.
        year: if given, day-and-month expressions without a year ("March 7",
            "4 September") are read in this year; otherwise they are skipped.

    Returns:
        One :class:`DateSpan` per expression; ``iso_end`` is set for ranges only.

    Examples:
        >>> [(d.iso_start, d.iso_end) for d in find_dates("held 4 to 6 September 2023 in Chongqing")]
        [('2023-09-04', '2023-09-06')]
        >>> [(d.text, d.iso_start, d.iso_end) for d in find_dates("co-organise SCE from 2020 to 2022")]
        [('2020 to 2022', '2020', '2022')]
        >>> [d.iso_start for d in find_dates("Inaugurated in 2018; on 5 March 2020 and in May 2021.")]
        ['2018', '2020-03-05', '2021-05']
        >>> [d.iso_start for d in find_dates("CHONGQING, March 7 (Xinhua)", year=2020)]
        ['2020-03-07']
        >>> find_dates("more than 2,019 firms, 3,000 sqm, they may 5 times, en2017te")
        []
        >>> [d.text for d in find_dates("for 2018 and 2019, between 2020 and 2022")]
        ['2018', '2019', '2020 and 2022']
    """
    return list(_dates_in(text, year))


# Extraction's stages read the same sentences' dates again (events, figures, editions,
# the dateline's day): about two calls in five repeat one made shortly before. A few
# hundred sentences are kept, what one document reads; the cache does not grow beyond.
@functools.lru_cache(maxsize=256)
def _dates_in(text: str, year: int | None) -> tuple[DateSpan, ...]:
    """:func:`find_dates` of ``text`` (frozen spans, in text order)."""
    taken = _Taken()
    for region_start, region_end in regions(text):
        for pattern in _COMPILED:
            for match in pattern.finditer(text, region_start, region_end):
                if taken.overlaps(match.start(), match.end()):
                    continue
                span = _span_of(match)
                if span is not None:
                    taken.add(match.start(), match.end(), span)
        if year is not None:
            for pattern in _DAY_MONTH:
                for match in pattern.finditer(text, region_start, region_end):
                    if taken.overlaps(match.start(), match.end()) or not _capitalised(match):
                        continue
                    iso = _iso(str(year), match.group("m1"), match.group("d1"))
                    if iso:
                        taken.add(match.start(), match.end(), DateSpan(match.start(), match.end(), match.group(0), iso))
    return tuple(sorted(taken.values))


class _Taken:
    """Disjoint spans of text already taken by a date, with a logarithmic overlap test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.values: list = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i and self.ends[i - 1] > start:
            return True
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int, value: object) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.values.append(value)


# A date expression is a few words (at most 9: "30 August , 2023 - 2 September , 2023"),
# one of them holding a digit, made of word characters, spaces, commas, full stops and
# dashes only. Only the words around a digit, up to the nearest other character, are searched.
_REACH = 12
_WORD_RUN = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+")
_BARRIER = re.compile(r"[^\w\s,.\-\u2010-\u2015]")


def regions(text: str, barrier: re.Pattern[str] = _BARRIER) -> list[tuple[int, int]]:
    """The spans of ``text`` a date expression can lie in, in text order.

    Around each run of digits: ``_REACH`` words on each side, but not past a character
    no date holds (``<``, ``/``, ``(``...); overlapping spans merged. Searching only them
    gives the same dates as searching the whole text (each expression holds a digit, is
    shorter than the reach and holds none of those characters; a span ends at white space
    or at such a character, where a pattern's look-ahead sees what it would at the end),
    in time that grows with the digits rather than the text: a page of a million
    characters with a few dates costs milliseconds.

    Examples:
        >>> text = "Nothing here. " * 30 + "On 5 March 2020 it was done." + " More words." * 30
        >>> [(len(text[s:e].split()), "5 March 2020" in text[s:e]) for s, e in regions(text)]
        [(27, True)]
        >>> text = "<div>" * 1000 + "held 5 March 2020</div>" + "</div>" * 1000
        >>> [text[s:e] for s, e in regions(text)]
        ['held 5 March 2020']
        >>> regions("No digits at all.")
        []
    """
    return list(_regions(text, barrier))


@functools.lru_cache(maxsize=16)  # loaders search the same text for dates several times
def _regions(text: str, barrier: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    found: list[tuple[int, int]] = []
    words: list[int] = []  # start, end, start, end...
    masked = ""  # the text with each barrier character made a NUL (found by str.find in C)
    for digits in _DIGITS.finditer(text):
        at = digits.start()
        if not words:
            words = [i for m in _WORD_RUN.finditer(text) for i in m.span()]
            masked = barrier.sub("\x00", text)
        index = (bisect.bisect_right(words, at) - 1) // 2  # the word holding the digit
        first, last = max(0, index - _REACH), min(len(words) // 2 - 1, index + _REACH)
        start, end = words[2 * first], words[2 * last + 1]
        start = masked.rfind("\x00", start, at) + 1 or start
        if (stop := masked.find("\x00", at, end)) >= 0:
            end = stop
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], max(found[-1][1], end))
        else:
            found.append((start, end))
    return tuple(found)


# Expressions shaped like a date, whatever their numbers: an ISO date (perhaps a timestamp
# with an offset), a day and a month name with a year, a month name and a day with a year.
_TIME = r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d\d)(?::(?P<second>\d\d)(?:\.\d+)?)?[ \t]*(?P<tz>Z|[+-]\d\d(?::?\d\d)?)?)?"
_SHAPES = [
    re.compile(rf"(?<![\w.-])(?P<y>\d{{4}})-(?P<m>\d\d?)-(?P<d>\d\d?){_TIME}(?![\w-])"),
    re.compile(rf"(?<![\d,.])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>(?:{'|'.join(_MONTH_NAMES)})\b\.?)"
               rf"(?:,?\s+(?P<y>\d{{1,4}})(?![\d,.]\d))?", re.IGNORECASE),
    re.compile(rf"(?P<month>(?:{'|'.join(_MONTH_NAMES)})\b\.?)\s*(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?"
               rf"(?:,?\s+(?P<y>\d{{1,4}})(?![\d,.]\d))?", re.IGNORECASE),
]
# what a timestamp holds besides what a date does
_SHAPE_BARRIER = re.compile(r"[^\w\s,.:+\-\u2010-\u2015]")
# the offsets xsd:dateTime allows (-14:00 to +14:00)
_MAX_OFFSET_MINUTES = 14 * 60


def _problem(groups: dict[str, str | None]) -> str:
    """Why the parts of a date-shaped expression cannot be a date, ``""`` if they can."""
    year = int(groups["y"]) if groups.get("y") else None
    if groups.get("month"):
        if not groups["month"][0].isupper():
            return ""
        month = _MONTHS[groups["month"].lower().rstrip(".")]
    else:
        month = int(groups["m"])
    day = int(groups["d"])
    name = calendar.month_name[month] if 1 <= month <= 12 else ""
    if year == 0:
        return "there is no year 0"
    if not name:
        return f"there is no month {month}"
    longest = calendar.monthrange(year, month)[1] if year else (29 if month == 2 else calendar.monthrange(2001, month)[1])
    if not 1 <= day <= longest:
        return f"{name} {year or ''} has no day {day}".replace("  ", " ")
    if groups.get("hour") is not None:
        hour, minute, second = int(groups["hour"]), int(groups["minute"]), int(groups.get("second") or 0)
        if hour > 24 or minute > 59 or second > 60 or (hour == 24 and (minute or second)):
            return f"there is no time {groups['hour']}:{groups['minute']}"
    tz = groups.get("tz")
    if tz and tz != "Z":
        digits = tz[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if minutes > 59 or hours * 60 + minutes > _MAX_OFFSET_MINUTES:
            return f"the time zone offset {tz} is out of range (-14:00 to +14:00)"
    return ""


def impossible_dates(text: str) -> list[tuple[int, str, str]]:
    """The expressions of ``text`` shaped like a date that cannot exist, and why.

    sgcn reads none of them as a date (:func:`find_dates`, :func:`parse_date` pass them
    over); the loaders warn about each, naming the file and line.

    Returns:
        ``(offset, expression, reason)`` in text order.

    Examples:
        >>> [(e, r) for _, e, r in impossible_dates("On 31 February 2021, or 2021-13-05, or Feb. 30.")]
        [('31 February 2021', 'February 2021 has no day 31'), ('2021-13-05', 'there is no month 13'), ('Feb. 30', 'February has no day 30')]
        >>> [r for _, _, r in impossible_dates("0000-01-01 and 2020-03-05T09:00:00+25:00")]
        ['there is no year 0', 'the time zone offset +25:00 is out of range (-14:00 to +14:00)']
        >>> impossible_dates("On 29 February 2020 and 5 March 2021, 2020-03-05T09:00+08:00, they may 40 times.")
        []
    """
    found: list[tuple[int, str, str]] = []
    for region_start, region_end in regions(text, _SHAPE_BARRIER):
        taken = _Taken()
        for shape in _SHAPES:
            for match in shape.finditer(text, region_start, region_end):
                if taken.overlaps(match.start(), match.end()):
                    continue
                taken.add(match.start(), match.end(), None)
                if reason := _problem(match.groupdict()):
                    found.append((match.start(), match.group(0), reason))
    return sorted(found)


def date_problem(text: str) -> str:
    """Why a text meant as one date (a metadata field) is not one, ``""`` if it is.

    Examples:
        >>> date_problem("2020-02-31"), date_problem("2020-03-05"), date_problem("2023-13")
        ('February 2020 has no day 31', '', 'there is no month 13')
        >>> date_problem("sometime soon")
        'not a date sgcn reads'
    """
    if parse_date(text):
        return ""
    if partial := _ISO_PARTIAL.match(text.strip()):
        if partial.group(2) and not 1 <= int(partial.group(2)) <= 12:
            return f"there is no month {int(partial.group(2))}"
    for _, _, reason in impossible_dates(text):
        return reason
    return "not a date sgcn reads"


# no text of one date is longer ("Wednesday, 30th of September, 2023" is 35 characters)
_LONGEST_DATE = 120

_WEEKDAY = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+", re.IGNORECASE
)
_TIMESTAMP = re.compile(r"^((?:1[89]|20)\d\d-[01]\d-[0-3]\d)[T ]\d\d:\d\d")
_ISO_PARTIAL = re.compile(r"^((?:1[89]|20)\d\d)(?:-([01]\d))?$")


def parse_date(text: str) -> str:
    """The ISO 8601 form of a text that is one date, as precise as the text.

    A missing day or month is never filled in. Weekday names, surrounding
    whitespace and a final full stop are ignored; a timestamp gives its date.

    Args:
        text: e.g. ``"5 MARCH 2020"``, ``"March 09, 2020"``, ``"2019"``.

    Returns:
        ``"2020-03-05"``, ``"2020-03"`` or ``"2020"``; ``""`` if the text is not
        exactly one date (a range, a yearless date or other words included).

    Examples:
        >>> parse_date("5 MARCH 2020"), parse_date("March 09, 2020"), parse_date("2019")
        ('2020-03-05', '2020-03-09', '2019')
        >>> parse_date("Monday, 7 March 2022"), parse_date("2020-03-05T09:00:00+08:00")
        ('2022-03-07', '2020-03-05')
        >>> parse_date("2020-02-31"), parse_date("2020-03-05T09:00:00+25:00"), parse_date("2020-03-05 25:00")
        ('', '', '')
        >>> parse_date("2023-09"), parse_date(""), parse_date("Smart China Expo"), parse_date("4-6 May 2023")
        ('2023-09', '', '', '')
    """
    text = text.strip().rstrip(".").strip()
    if len(text) > _LONGEST_DATE:
        return ""  # words around a date, not one date: a long line costs nothing
    text = _WEEKDAY.sub("", text)
    if stamp := _TIMESTAMP.match(text):
        if impossible_dates(text):
            return ""  # a time or offset that cannot be (25:61, +25:00)
        text = stamp.group(1)
    if partial := _ISO_PARTIAL.match(text):
        month = partial.group(2)
        if month and not 1 <= int(month) <= 12:
            return ""
        return text
    spans = find_dates(text)
    if len(spans) == 1 and spans[0].text == text and not spans[0].iso_end:
        return spans[0].iso_start
    return ""


def precision(iso: str) -> str:
    """``"day"``, ``"month"``, ``"year"`` or ``""``: how precise an ISO date is.

    Examples:
        >>> precision("2020-03-05"), precision("2020-03"), precision("2020"), precision("")
        ('day', 'month', 'year', '')
    """
    return {10: "day", 7: "month", 4: "year"}.get(len(iso), "")


_NOT_PLACES = "|".join([*_MONTH_NAMES, r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)",
                        "today", "date", "dated", "published", "posted", "updated", "issued", "released"])
_PLACE_WORD = r"(?:[A-Z][A-Z.'\u2019-]+|[A-Z][a-z.'\u2019-]+)"
# One to four words, each in capitals or title case, on one line; then maybe ", Country".
# Month and weekday names are not places ("Monday, 7 March 2022" is a date, not a dateline).
_JOIN = r"(?:[ \t]*[/&][ \t]*|[ \t]+and[ \t]+)"
_ONE_PLACE = (
    rf"(?!(?i:{_NOT_PLACES})\b){_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}"
    rf"(?:,[ \t]+(?!(?i:{_NOT_PLACES})\b)[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?(?=,|{_JOIN}))?"
)
# A joint release names each party's city: "Nanning, China / Singapore", "SHANGHAI & SINGAPORE".
_PLACE = rf"{_ONE_PLACE}(?:{_JOIN}{_ONE_PLACE})*"
_DATELINE_HEAD = re.compile(
    rf"^[ \t*_]*(?P<place>{_PLACE})(?:,[ \t]+|[ \t]*(?P<paren>\()[ \t]*)", re.MULTILINE
)
_END = r"(?P<dash>--|[-\u2010-\u2015]+)|(?P<colon>:)(?!\d)"
_DATELINE_TAIL = re.compile(
    r"[ \t]*,?[ \t]*(?:\((?P<agency>[A-Za-z][\w .&-]*)\)|/(?P<wire>[A-Za-z][\w .&-]*)/)?"
    rf"[ \t]*(?:{_END}|(?P<eol>)[ \t*_]*$)"
)
_PAREN_TAIL = re.compile(rf"[ \t]*\)(?:[ \t]*(?:{_END}))?")
_OPENING_PARAGRAPHS = 5


def _is_opening(text: str, offset: int) -> bool:
    """Whether ``offset`` lies in one of the first paragraphs of ``text`` (notice,
    headline, standfirst, dateline), where a dateline of the looser forms stands."""
    before = [p for p in re.split(r"\n[ \t]*\n", text[:offset]) if p.strip()]
    return len(before) < _OPENING_PARAGRAPHS


def _dateline_at(text: str, head: re.Match[str], year: int | None) -> Dateline | None:
    """The dateline whose place ``head`` matched, if a date and an ending follow it."""
    line_end = text.find("\n", head.end())
    rest = text[head.end() : line_end if line_end >= 0 else len(text)]
    skip = _WEEKDAY.match(rest)
    offset = skip.end() if skip else 0
    # only a date at the start counts: the words up to white space past 160 characters hold it
    # (the cut is at white space, where a pattern's look-ahead sees what it would at the end)
    head_text = rest[offset:]
    if (cut := re.compile(r"\s").search(head_text, 160)) is not None:
        head_text = head_text[: cut.start()]
    spans = [s for s in find_dates(head_text, year=year if year is not None else 1) if s.start == 0]
    if not spans or spans[0].iso_end:
        return None
    span = spans[0]
    tail_at = offset + span.end
    tail = (_PAREN_TAIL if head.group("paren") else _DATELINE_TAIL).match(rest, tail_at)
    if tail is None:
        return None
    iso = span.iso_start
    parts = [int(x) for x in iso.split("-")]
    month = parts[1] if len(parts) > 1 else 0
    day = parts[2] if len(parts) > 2 else 0
    if iso.startswith("0001"):  # read with the stand-in year: a yearless date
        iso = ""
    groups = tail.groupdict()
    place = head.group("place")
    strict = place.isupper() and not head.group("paren") and bool(groups.get("dash"))
    if not strict and not (day and _is_opening(text, head.start())):
        return None
    if groups.get("eol") is not None:
        end = head.end() + tail_at
    else:
        end = head.end() + tail.end()
    return Dateline(
        start=head.start("place"),
        end=end,
        place=place,
        date=iso,
        month=month,
        day=day,
        agency=(groups.get("agency") or groups.get("wire") or "").strip(),
    )


def find_dateline(text: str, *, year: int | None = None) -> Dateline | None:
    """The dateline of a news release: a line that opens with a place and a full date.

    The place is a name in capitals or title case (optionally followed by
    ``, Country``); then, after a comma, a date, optionally a news agency in
    parentheses or a wire between slashes, and an ending: a dash, a colon or the
    end of the line. The date may also stand in parentheses after the place:
    ``SINGAPORE (14 June 2024) -``. Examples: ``SINGAPORE, 25 November 2022 -``,
    ``CHONGQING, March 7 (Xinhua) --``, ``CHONGQING, China, Aug. 27, 2019 /PRNewswire/ --``,
    ``Singapore, 14 June 2024 -``, ``SINGAPORE, 14 June 2024:``. A wire's dateline may give no
    date: ``SINGAPORE--(BUSINESS WIRE)--``.

    A place in capitals ended by a dash is a dateline wherever it stands, as it
    always was. The looser forms (title case, a colon, the end of the line,
    parentheses) must give a day and stand in the first paragraphs of the text,
    so that a caption or sign-off further down is not read as the dateline.

    Args:
        text: the document text.
        year: the year to read a yearless dateline date in (taken by the
            caller from elsewhere in the document); without it such a date is ``""``.

    Examples:
        >>> d = find_dateline("Title\\n\\nCHONGQING, March 7 (Xinhua) -- Chongqing will...", year=2020)
        >>> d.place, d.date, d.agency
        ('CHONGQING', '2020-03-07', 'Xinhua')
        >>> d = find_dateline("CHONGQING, China, Aug. 27, 2019 /PRNewswire/ -- The 2019 SCE")
        >>> d.place, d.date, d.agency
        ('CHONGQING, China', '2019-08-27', 'PRNewswire')
        >>> find_dateline("SINGAPORE, 25 November 2022 \u2013The Ministry").date
        '2022-11-25'
        >>> [find_dateline(t).date for t in ("Singapore, 14 June 2024 \u2013 Acme", "SINGAPORE (14 June 2024) Acme",
        ...     "Acme launches fund\\nSINGAPORE, 14 June 2024\\n\\nText.", "SINGAPORE, 14 June 2024: Acme")]
        ['2024-06-14', '2024-06-14', '2024-06-14', '2024-06-14']
        >>> find_dateline("Nanning, China / Singapore, 3 May 2028 - Two ports said.").place
        'Nanning, China / Singapore'
        >>> find_dateline("Singapore, a city-state, is small -- really.") is None
        True
        >>> find_dateline("Singapore, the host, welcomed guests on 14 June 2024.") is None
        True
        >>> d = find_dateline("SUZHOU, China & SINGAPORE--(BUSINESS WIRE)--Acme Pte. Ltd. today launched it.")
        >>> d.place, d.date, d.agency, d.end
        ('SUZHOU, China & SINGAPORE', '', 'BUSINESS WIRE', 44)
    """
    return _dateline_of(text, year)


# Asked four or five times of each document's text (the dateline to leave out of the
# parse, its places, its day): the last few texts are kept.
@functools.lru_cache(maxsize=8)
def _dateline_of(text: str, year: int | None) -> Dateline | None:
    """:func:`find_dateline` of ``text`` (a frozen :class:`Dateline`)."""
    for head in _DATELINE_HEAD.finditer(text):
        dateline = _dateline_at(text, head, year)
        if dateline is not None:
            return dateline
    wire = _WIRE_DATELINE.search(text)
    if wire is not None and _is_opening(text, wire.start()):
        return Dateline(start=wire.start("place"), end=wire.end(), place=wire.group("place"), date="",
                        agency=wire.group("agency").strip())
    return None


# A wire's dateline without a date: "SINGAPORE--(BUSINESS WIRE)--", "SUZHOU, China & SINGAPORE--(BUSINESS WIRE)--"
_WIRE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'\u2019 -]*?(?:,[ \t]+[A-Z][A-Za-z.]+)?(?:[ \t]+(?:&|and)[ \t]+[A-Z][A-Za-z.' -]*?)*)"
    r"[ \t]*--[ \t]*\((?P<agency>[A-Z][A-Za-z .&-]+)\)[ \t]*--[ \t]*")


def lead_date(text: str) -> str:
    """The month of the first dated occasion in a text's first paragraph, or ``""``.

    A news report that gives no date of its own is written around the occasion
    its lead paragraph dates ("taking place ... from September 4-6, 2023"); its
    date is known to the month at best, so only the month is returned, and only
    from a date that names a day or a month.

    Examples:
        >>> lead_date("Singapore returns to SCE, held from September 4-6, 2023.\\n\\nIn 2015 ...")
        '2023-09'
        >>> lead_date("The fund was launched in 2019.")
        ''
    """
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            for span in find_dates(paragraph):
                if precision(span.iso_start) in ("day", "month"):
                    return span.iso_start[:7]
            return ""
    return ""
