"""Normalize date expressions to TimeML-style ISO 8601 values, anchored to the document date.

Pure functions, no spaCy. ``normalize_date("the second quarter", anchor)`` returns a DateValue with
the value at the granularity the text gives ("2024-Q2"), or None when the text is not a date.
Relative expressions without an anchor keep ``value=None`` and ``relative=True``: they are never
resolved against the machine's clock.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .numparse import parse_digits, parse_words

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
_SET_WORDS = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D",
              "every year": "P1Y", "each year": "P1Y", "every month": "P1M", "each month": "P1M",
              "every week": "P1W", "each week": "P1W", "every day": "P1D", "each day": "P1D",
              "every quarter": "P3M", "each quarter": "P3M"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4, "last": 4}
_DURATION_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "Y",
                   "quarter": "M", "fortnight": "D", "hour": "H"}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR_RE = r"(?P<year>(?:1[5-9]|20)\d\d)"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS = {
    "iso": re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
    "mdy": re.compile(rf"^{_MONTH_RE} {_DAY_RE},? {_YEAR_RE}$"),
    "dmy": re.compile(rf"^{_DAY_RE} (?:of )?{_MONTH_RE},? {_YEAR_RE}$"),
    "md": re.compile(rf"^{_MONTH_RE} {_DAY_RE}$"),
    "dm": re.compile(rf"^{_DAY_RE} (?:of )?{_MONTH_RE}$"),
    "my": re.compile(rf"^{_MONTH_RE},? (?:of )?{_YEAR_RE}$"),
    "my_early": re.compile(rf"^{_MONTH_RE} of (?P<year>[1-9]\d{{2}}|1[0-4]\d\d)$"),  # "December of 384"
    "month_relative_year": re.compile(rf"^{_MONTH_RE},? (?:of )?(?P<which>this|last|next) year$"),
    "year_quarter": re.compile(
        r"^(?:the )?(?P<year>\d{4}) (?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter$"
    ),
    "m": re.compile(rf"^{_MONTH_RE}$"),
    "relative_month": re.compile(rf"^(?P<which>last|this|next|this past|this coming) {_MONTH_RE}(?: {_DAY_RE})?$"),
    "era_year": re.compile(
        r"^(?:(?:c\.|circa|about|around) )?(?:(?P<n>\d{1,4}) ?(?P<era>bce|b\.c\.e\.?|bc|b\.c\.?|ce|c\.e\.?|ad|a\.d\.?)"
        r"|(?:a\.d\.? ?(?P<n2>\d{1,4})|ad ?(?P<n3>\d{3,4})))$"
    ),
    "short_year": re.compile(r"^(?:the )?(?:class of )?'(?P<yy>\d\d)$"),
    "holiday": re.compile(
        r"^(?:(?P<which>last|this|next|this past|this coming) )?(?P<name>christmas eve|christmas day|christmas|"
        r"new year's eve|new year's day|halloween|valentine's day|thanksgiving day|thanksgiving)(?: (?P<year>\d{4}))?$"
    ),
    "century": re.compile(r"^(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th)[- ]century$"),
    "word_century": re.compile(r"^(?:the )?(?P<n>[a-z-]+)[- ]century$"),
    "short_decade": re.compile(r"^(?:the )?'(?P<d>\d)0s$"),
    "word_decade": re.compile(
        r"^(?:the )?(?P<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)$"
    ),
    "q_alone": re.compile(r"^q(?P<q>[1-4])$"),
    "latest_quarter": re.compile(r"^(?:the )?(?:latest|most recent|just-ended|just ended|last reported)[- ]quarter$"),
    "relative_fiscal": re.compile(r"^(?:the )?(?P<which>this|last|next|current|previous|coming) fiscal year$"),
    "y": re.compile(rf"^(?:the year )?{_YEAR_RE}$"),
    "fy": re.compile(r"^(?:fiscal(?: year)?|fy) ?(?P<year>(?:19|20)?\d\d)$"),
    "decade": re.compile(r"^(?:the )?(?P<decade>(?:1[5-9]|20)\d)0s$"),
    "quarter": re.compile(
        r"^(?:the )?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter"
        r"(?: of (?P<rest>.+))?$"
    ),
    "q_year": re.compile(r"^q(?P<q>[1-4]) (?:of )?(?P<year>\d{4})$"),
    "year_q": re.compile(r"^(?P<year>\d{4}) q(?P<q>[1-4])$"),
    # "the last half of 1989", "the first two quarters of 1990": halves by other words
    "half": re.compile(r"^(?:the )?(?P<ord>first|second|1st|2nd|last|latter)(?:[- ]half| two quarters)"
                       r"(?: of (?P<rest>.+))?$"),
    "h_year": re.compile(r"^h(?P<h>[12]) (?:of )?(?P<year>\d{4})$"),
    "season": re.compile(
        r"^(?:the )?(?P<season>spring|summer|autumn|fall|winter)(?: of)?(?: (?P<year>\d{4}))?$"
    ),
    "relative_season": re.compile(
        r"^(?P<which>last|this|next|this past|this coming) (?P<season>spring|summer|autumn|fall|winter)$"
    ),
    "mid_year": re.compile(rf"^mid-?{_YEAR_RE}$"),
    "ago": re.compile(r"^(?:(?:almost|nearly|just|some) )?(?P<n>\w+) (?P<unit>day|week|month|year)s? ago$"),
    "from_now": re.compile(r"^(?P<n>\w+) (?P<unit>day|week|month|year)s? from (?:now|today)$"),
    "duration": re.compile(
        r"^(?:(?:the|over the|in the|for the|during the) )?(?:(?P<window>past|last|previous|next|coming|"
        r"following|first) )?(?:(?P<n>[\w,.-]+(?: [\w-]+)?) )?"
        r"(?P<unit>year|month|week|day|decade|quarter|fortnight|hour)s?$"
    ),
    "relative_unit": re.compile(
        r"^(?:the )?(?P<which>this|last|next|previous|past|coming|current|the)"
        r"(?: (?P<unit>year|month|week|quarter|decade))$"
    ),
    "every": re.compile(
        r"^(?:every|each)(?: (?P<n>\w+))? (?P<unit>year|month|week|day|monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday)s?$"
    ),
    "weekday": re.compile(
        r"^(?:(?P<which>last|next|this|on|this coming|coming) )?"
        r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
    ),
}
_WORD_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                  "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                  "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
_WORD_ORDINALS.update({f"{tens}{sep}{unit}": n + d for tens, n in (("twenty", 20), ("thirty", 30))
                       for unit, d in list(_WORD_ORDINALS.items())[:9] for sep in ("-", " ")
                       if n + d <= 31})
_MONTH_WORD_DAY = re.compile(  # "march eighth", "july twenty-first": a day said in words after its month
    r"^(?P<month>january|february|march|april|may|june|july|august|september|october|november|december) "
    r"(?P<n>(?:twenty|thirty)[- ]?)?(?P<unit>[a-z]+)(?=$|,| )")
_WORD_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_FILLERS = re.compile(r"\b(?:consecutive|straight|successive|full|more|additional|long)\b ?")
_INTERVAL = re.compile(r"^(?:from |between )?(?P<a>.+?) ?(?: to | and | until | through |[-–—]| - )(?P<b>.+)$")


@dataclass(frozen=True)
class DateValue:
    """A normalized date: the ISO value (None if unresolvable), kind, granularity and modifier."""

    value: str | None
    kind: str = "date"  # date | duration | interval | set | time
    granularity: str | None = None
    modifier: str | None = None
    relative: bool = False


def _closest_year(anchor: dt.date, month: int, day: int | None, past: bool = False, future: bool = False) -> int:
    """The year that puts month/day closest to the anchor date; with a tense, the latest on or
    before it (past: "in September" in an April report is last September) or the first on or
    after it (future)."""
    if past:
        year = anchor.year if (month, day or 1) <= (anchor.month, anchor.day) else anchor.year - 1
        if day is not None and year < anchor.year and _valid_day(anchor.year, month, day) and (
            dt.date(anchor.year, month, day) - anchor
        ).days <= 45:
            year = anchor.year  # "had been set to expire Nov. 6" in a Nov. 2 report: days ahead, not a year back
        if day is None and year < anchor.year and month == anchor.month + 1:
            year = anchor.year  # "was cut to 3% for November" in late October: the coming month
        return year
    if future:
        return anchor.year if (month, day or 31) >= (anchor.month, anchor.day) else anchor.year + 1
    best, best_gap = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day or 15)
        except ValueError:
            continue
        gap = abs((candidate - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _period_year(anchor: dt.date, first_month: int, last_month: int, future: bool, past: bool = False) -> int:
    """The year of a quarter or half named without one: in past-tense text the latest that has
    begun ("the fourth quarter" in a January report is last year's), in future-tense text the
    first that has not ended, or one that ended at most two months ago when the next of that name
    is more than half a year away ("expects to report third-quarter results" in November); with no
    tense the one closest to the document date ("the fourth quarter" in September is the coming
    one), a tie going to the past one."""
    if past and not future:
        return anchor.year if anchor.month >= first_month else anchor.year - 1
    here = anchor.year * 12 + anchor.month
    if future:
        coming = anchor.year if anchor.month <= last_month else anchor.year + 1
        ended = coming - 1
        if here - (ended * 12 + last_month) <= 2 and (coming * 12 + first_month) - here > 6:
            return ended
        return coming

    def gap(year: int) -> tuple[int, int]:
        begin, end = year * 12 + first_month, year * 12 + last_month
        return (0 if begin <= here <= end else min(abs(here - begin), abs(here - end)), year)

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=gap)


def _last_completed_quarter(anchor: dt.date) -> str:
    """"the latest quarter", "the quarter" in a results report: the last one that has ended."""
    year, month = _add_months(anchor, -3)
    return f"{year}-Q{(month - 1) // 3 + 1}"


def _valid_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _count(text: str | None) -> float | None:
    """The number of units in "three days", "10 years"; None if it is no finite count."""
    if text is None:
        return 1.0
    text = text.strip()
    if text in ("a", "an", "one"):
        return 1.0
    value = parse_digits(text)
    if value is None:
        value = parse_words(text.replace("-", " - ").split())
    return value if value is not None and math.isfinite(value) else None


def _year_ref(rest: str | None, anchor: dt.date | None) -> tuple[int | str | None, bool]:
    """The year of "of 2024" / "of fiscal 2025" / "of this year"; (year or "FY2025", relative)."""
    if rest:
        rest = rest.strip()
        match = re.fullmatch(r"(?:the year )?(\d{4})", rest)
        if match:
            return int(match.group(1)), False
        fiscal = re.fullmatch(r"(?:fiscal(?: year)?|fy) ?((?:19|20)?\d\d)", rest)
        if fiscal:
            year = fiscal.group(1)
            return "FY" + (year if len(year) == 4 else "20" + year), False
        offsets = {"this year": 0, "the year": 0, "this fiscal year": 0, "the current year": 0, "last year": -1,
                   "the previous year": -1, "next year": 1, "the coming year": 1}
        if rest in offsets:
            return (anchor.year + offsets[rest] if anchor else None), True
        return None, True
    return (anchor.year if anchor else None), True


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


_UNITS_W = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS_W = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"]
_TENS_W = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_CENTURY_W = r"(?P<c>fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
_TAIL_W = (rf"(?P<t>(?:oh|o) (?:{'|'.join(_UNITS_W)})|{'|'.join(_TEENS_W)}|"
           rf"(?:{'|'.join(_TENS_W)})(?:[- ](?:{'|'.join(_UNITS_W)}))?|hundred)")
# "nineteen ninety-six", "fifteen sixteen", "nineteen oh five", "the year two thousand", "two thousand and eight"
SPOKEN_YEAR = re.compile(
    rf"(?<![\w-])(?:{_CENTURY_W} {_TAIL_W}|(?P<k>(?:the year )?two thousand)(?:(?: and)? (?P<k2>"
    rf"{'|'.join(_TEENS_W + _UNITS_W)}))?)(?![\w-])",
    re.IGNORECASE,
)


_WEEKDAY_NAMES = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
                  "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday"}
_WEEKDAY_ABBREVIATION = re.compile(r"\b(" + "|".join(_WEEKDAY_NAMES) + r")\.?$")


def _spoken_number(words: str) -> int:
    words = words.lower().replace("-", " ").replace("oh ", "").replace("o ", "")
    total = 0
    for word in words.split():
        if word in _UNITS_W:
            total += _UNITS_W.index(word) + 1
        elif word in _TEENS_W:
            total += _TEENS_W.index(word) + 10
        elif word in _TENS_W:
            total += (_TENS_W.index(word) + 2) * 10
    return total


def spoken_year(match: re.Match[str]) -> int | None:
    """The year a SPOKEN_YEAR match says: 1996 for "nineteen ninety-six", 2000 for "the year two
    thousand"; None for "twenty hundred" and "two thousand" without "the year" or a unit after it
    (a count: "two thousand people")."""
    if match["k"]:
        if match["k2"] is None and not match["k"].lower().startswith("the year"):
            return None
        return 2000 + (_spoken_number(match["k2"]) if match["k2"] else 0)
    century = _spoken_number(match["c"])
    if match["t"].lower() == "hundred":
        return century * 100 if century < 20 else None
    if century == 20 and not re.match(r"(?i)ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                                      r"eighteen|nineteen|twenty|thirty", match["t"]):
        return None  # "twenty five": a count; "twenty sixteen", "twenty twenty" are years
    return century * 100 + _spoken_number(match["t"])


def _digits_for_spoken_years(core: str) -> str:
    def sub(match: re.Match[str]) -> str:
        year = spoken_year(match)
        return match.group(0) if year is None else str(year)

    return SPOKEN_YEAR.sub(sub, core)


def is_yearless_day_or_month(text: str) -> bool:
    """"30 May", "July 14", "October": a month or a day of one written without its year."""
    core = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'")).strip(" ,.")
    core = re.sub(r"^(?:in|on|at|during|of|for)\s+", "", core)
    return any(_PATTERNS[name].match(core) for name in ("md", "dm", "m"))


def normalize_date(
    text: str, anchor: dt.date | None = None, *, future: bool = False, month_may: bool = False,
    past: bool = False, offset: bool = False,
) -> DateValue | None:
    """Normalize one date expression (without its modifier words); None if it is not a date.

    ``future`` / ``past`` give the tense of the verb the date attaches to: a month, a day or a
    weekday without a year resolves to the first occurrence on or after the anchor, or the latest
    on or before it ("since May"); with neither, to the closest. ``offset`` reads a counted
    duration as a point that far after the anchor ("will open in three months"). A relative
    date that falls outside the calendar (years 1-9999) from its anchor is no date."""
    try:
        value = _normalize(text, anchor, future=future, month_may=month_may, past=past)
        if offset and value is not None and value.kind == "duration" and anchor is not None:
            value = _later(value, anchor)
    except (OverflowError, ValueError):
        return None
    return _in_calendar(value) if value is not None else None


_YEAR_WIDTH = {"century": 2, "decade": 3}
_LEADING_YEAR = re.compile(r"(?P<fy>FY)?(?P<year>-?\d+)(?P<rest>(?:-[^/]*)?)")


def _in_calendar(value: DateValue) -> DateValue | None:
    """The value if every year in it is a year 1-9999, four digits written ("0999" for 999; a
    decade three digits, a century two); None when arithmetic on the anchor left the calendar:
    "next year" from 9999-12-31 ("10000") or "3000 years ago" from 2024. Durations and sets are
    no points in the calendar and pass as they are."""
    if value.kind not in ("date", "interval") or value.value is None:
        return value
    parts = []
    for part in value.value.split("/"):
        match = _LEADING_YEAR.fullmatch(part)
        if match is None:
            return None
        digits = match["year"]
        width = _YEAR_WIDTH.get(value.granularity or "", 4) if value.kind == "date" else len(digits)
        if digits.startswith("-") and (value.relative or len(digits) != 5):
            return None  # "5000 BCE" is written so; arithmetic on the anchor never goes before year 1
        if len(digits.lstrip("-")) > 4 or len(digits.lstrip("-")) > width:
            return None
        if width == 4 and int(digits) == 0:
            return None
        parts.append(f"{match['fy'] or ''}{digits if digits.startswith('-') else digits.zfill(width)}{match['rest']}")
    return replace(value, value="/".join(parts))


def _month_word_day(match: re.Match[str]) -> str | None:
    words = f"{match['n'] or ''}{match['unit']}"
    n = _WORD_ORDINALS.get(words) or _WORD_ORDINALS.get(words.replace(" ", "-"))
    return f"{match['month']} {n}" if n else None


def _normalize(text: str, anchor: dt.date | None, *, future: bool, month_may: bool, past: bool) -> DateValue | None:
    core = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'")).strip(" ,.")
    core = re.sub(r"^(?:in|on|at|during|of|for|the year of)\s+", "", core)
    core = re.sub(r"\s+,", ",", core)  # "Nov. 3 , 1998"
    core = _digits_for_spoken_years(core)  # "january nineteen ninety-seven", "the year two thousand"
    core = _WEEKDAY_ABBREVIATION.sub(lambda m: _WEEKDAY_NAMES[m.group(1)], core)  # "last wed." -> "last wednesday"
    core = re.sub(r"^(?:the )?(?P<n>[a-z]+(?:-[a-z]+)?) of (?=[a-z])",
                  lambda m: f"{_WORD_ORDINALS[m['n']]} of " if m["n"] in _WORD_ORDINALS else m.group(0), core)
    core = _MONTH_WORD_DAY.sub(lambda m: _month_word_day(m) or m.group(0), core)
    core = re.sub(r"(?<=\w)-(?=(?:year|month|week|day|decade|hour)s?\b)", " ", core)  # "five-year", "two-day"
    if not core:
        return None
    weekday = re.match(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?P<rest>.+)$", core)
    if weekday:  # "Tuesday, March 8": the date written beside the weekday, in any tense
        dated = _normalize(weekday["rest"], anchor, future=future, month_may=True, past=past)
        if dated is not None and dated.kind == "date" and dated.granularity == "day":
            return dated
    simple = _simple(core, anchor, future, month_may=month_may, past=past)
    if simple is not None:
        return simple
    # the interval rules come before dateparser, which reads "April 24-25" as April 24, 2025
    interval = _INTERVAL.match(core)
    if interval:
        left = _simple(interval.group("a"), anchor, future)
        b_text = interval.group("b")
        right = _simple("may" if b_text == "may" else b_text, anchor, future, month_may=True)
        if left is None and right is not None and interval.group("a").isdigit():
            # "March 3-5, 2024" or "2019-21": the left side borrows from the right.
            left = _borrow(interval.group("a"), right)
        right_ymd = _ymd(right)
        if left is not None and right_ymd is not None and left.kind == "date" and left.relative and (
            left.granularity in ("month", "day")
        ):
            # "between March and May 2024", "from January to March 2025": the year written once.
            year = right_ymd[0]
            again = _simple(f"{interval.group('a')} {year}", anchor, future)
            if again is not None and again.value and right is not None and right.value and again.value > right.value:
                again = _simple(f"{interval.group('a')} {year - 1}", anchor, future)
            left = again or left
        if right is None and left is not None and interval.group("b").isdigit():
            right = _borrow(interval.group("b"), left)
        if left and right and left.kind == "date" and right.kind == "date":
            value = f"{left.value}/{right.value}" if left.value and right.value else None
            return DateValue(value, "interval", left.granularity, None, left.relative or right.relative)
    return absolute_date(core, anchor, future=future, past=past)


_YMD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _ymd(value: DateValue | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a calendar date value ("2024", "2024-03", "2024-03-05"); None for
    anything else (a duration "P90D", a quarter, an interval, no value)."""
    if value is None or value.kind != "date" or not value.value:
        return None
    match = _YMD.fullmatch(value.value)
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _borrow(part: str, other: DateValue) -> DateValue | None:
    """"2019-21", "March 3-5": the bare number beside a date takes that date's other fields."""
    ymd = _ymd(other)
    if ymd is None or not part.isdigit():
        return None
    year, month, _ = ymd
    if other.granularity == "year" and len(part) == 2:
        return DateValue(f"{year // 100:02d}{part}", "date", "year")
    if other.granularity == "day" and len(part) <= 2 and month is not None:
        return DateValue(_valid_day(year, month, int(part)), "date", "day")
    return None


def _simple(  # noqa: C901
    core: str, anchor: dt.date | None, future: bool, *, month_may: bool = False, past: bool = False
) -> DateValue | None:
    p = _PATTERNS
    if core in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return DateValue(anchor.isoformat() if anchor else None, "date", "day", None, True)
    shifts = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
              "last night": -1}
    # "yesterday morning", "tomorrow night": the day, at the granularity factx gives a part of a day
    core = re.sub(r"^(yesterday|tomorrow) (?:morning|afternoon|evening|night)$", r"\1", core)
    if core in shifts:
        if anchor is None:
            return DateValue(None, "date", "day", None, True)
        shift = shifts[core]
        return DateValue((anchor + dt.timedelta(days=shift)).isoformat(), "date", "day", None, True)
    if core in ("now", "currently", "recently", "the same day", "the same year"):
        return None
    if m := re.fullmatch(r"(?:the |(?P<which>this|last|next|this past|this coming) )?weekend", core):
        return _weekend(m["which"], anchor, future and m["which"] != "last")
    if core in _SET_WORDS:
        return DateValue(_SET_WORDS[core], "set", None)
    if m := p["every"].match(core):
        n = _count(m["n"]) if m["n"] else 1.0
        if m["unit"] in WEEKDAYS:
            return DateValue(f"XXXX-WXX-{WEEKDAYS[m['unit']] + 1}", "set", "day")
        if n is None:
            return None
        letter = _DURATION_UNITS[m["unit"]]
        return DateValue(f"P{int(n)}{letter}", "set", m["unit"])
    if m := p["iso"].match(core):
        value = _valid_day(int(m["year"]), int(m["month"]), int(m["day"]))
        return DateValue(value, "date", "day") if value else None
    if (m := p["mdy"].match(core)) or (m := p["dmy"].match(core)):
        value = _valid_day(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
        return DateValue(value, "date", "day") if value else None
    if (m := p["md"].match(core)) or (m := p["dm"].match(core)):
        month, day = MONTHS[m["month"]], int(m["day"])
        if anchor is None:
            return DateValue(None, "date", "day", None, True)
        value = _valid_day(_closest_year(anchor, month, day, past, future), month, day)
        return DateValue(value, "date", "day", None, True) if value else None
    if (m := p["my"].match(core)) or (m := p["my_early"].match(core)):
        return DateValue(f"{int(m['year']):04d}-{MONTHS[m['month']]:02d}", "date", "month")
    if m := p["month_relative_year"].match(core):
        if anchor is None:
            return DateValue(None, "date", "month", None, True)
        rel_year = anchor.year + {"this": 0, "last": -1, "next": 1}[m["which"]]
        return DateValue(f"{rel_year}-{MONTHS[m['month']]:02d}", "date", "month", None, True)
    if m := p["year_quarter"].match(core):
        return DateValue(f"{m['year']}-Q{_ORDINALS[m['ord']]}", "date", "quarter")
    if m := p["m"].match(core):
        if core == "may" and not month_may:  # the verb; only "May 2024" / "May 3" are taken
            return None
        month = MONTHS[m["month"]]
        if anchor is None:
            return DateValue(None, "date", "month", None, True)
        return DateValue(f"{_closest_year(anchor, month, None, past, future)}-{month:02d}", "date", "month", None, True)
    if m := p["era_year"].match(core):  # "5000 BCE" is -5000, "AD 842" 0842
        number = int(m["n"] or m["n2"] or m["n3"])
        before = (m["era"] or "").startswith("b")
        return DateValue(f"-{number:04d}" if before else f"{number:04d}", "date", "year") if number else None
    if m := p["short_year"].match(core):  # "class of '71": the latest such year up to ten years ahead
        base = anchor.year if anchor else 1999
        short = base // 100 * 100 + int(m["yy"])
        if short + 100 <= base + 10:
            short += 100
        elif short > base + 10:
            short -= 100
        return DateValue(str(short), "date", "year", None, anchor is not None)
    if m := p["holiday"].match(core):
        return _holiday(m["name"], m["which"], int(m["year"]) if m["year"] else None, anchor, past, future)
    if m := p["relative_month"].match(core):
        month_value = _relative_month(m["which"], MONTHS[m["month"]], anchor)
        if m["day"] is None or month_value is None or month_value.value is None:
            return month_value
        # "last Oct. 23": the day in the month the words name
        dated = _valid_day(int(month_value.value[:4]), MONTHS[m["month"]], int(m["day"]))
        return DateValue(dated, "date", "day", None, True) if dated else None
    if (m := p["century"].match(core)) or (m := p["word_century"].match(core)):
        n = int(m["n"]) if m["n"].isdigit() else _WORD_ORDINALS.get(m["n"].replace("-", " ").replace(" ", "-"))
        return DateValue(f"{n - 1:02d}", "date", "century") if n and 1 <= n <= 21 else None
    if (m := p["short_decade"].match(core)) or (m := p["word_decade"].match(core)):
        digit = int(m["d"]) if m["d"].isdigit() else _WORD_DECADES[m["d"]]
        century = 19 if anchor is None else anchor.year // 100 - (digit * 10 > anchor.year % 100)
        return DateValue(f"{century}{digit}", "date", "decade", None, anchor is not None)
    if m := p["q_alone"].match(core):
        q = int(m["q"])
        q_year = _period_year(anchor, (q - 1) * 3 + 1, q * 3, future, past) if anchor else None
        return DateValue(f"{q_year}-Q{q}" if q_year else None, "date", "quarter", None, True)
    if p["latest_quarter"].match(core) or (core == "the quarter" and not future):
        return DateValue(_last_completed_quarter(anchor) if anchor else None, "date", "quarter", None, True)
    if m := p["relative_fiscal"].match(core):
        if anchor is None:
            return DateValue(None, "date", "fiscal_year", None, True)
        shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["which"], 0)
        return DateValue(f"FY{anchor.year + shift}", "date", "fiscal_year", None, True)
    if m := p["y"].match(core):
        return DateValue(m["year"], "date", "year")
    if m := p["mid_year"].match(core):
        return DateValue(m["year"], "date", "year", "MID")
    if m := p["fy"].match(core):
        year = m["year"] if len(m["year"]) == 4 else "20" + m["year"]
        return DateValue(f"FY{year}", "date", "fiscal_year")
    if m := p["decade"].match(core):
        return DateValue(m["decade"], "date", "decade")
    if m := p["quarter"].match(core):
        year, relative = _year_ref(m["rest"], anchor)
        if m["rest"] and year is None and not relative:
            return None
        q = _ORDINALS[m["ord"]]
        if not m["rest"] and anchor is not None:
            year = _period_year(anchor, (q - 1) * 3 + 1, (q - 1) * 3 + 3, future, past)
        return DateValue(f"{year}-Q{q}" if year else None, "date", "quarter", None, relative)
    if (m := p["q_year"].match(core)) or (m := p["year_q"].match(core)):
        return DateValue(f"{m['year']}-Q{m['q']}", "date", "quarter")
    if (m := p["half"].match(core)) and (m["rest"] or m["ord"] not in ("last", "latter") and "quarters" not in core):
        # "the last half" alone is as often a game's or a film's as a year's
        year, relative = _year_ref(m["rest"], anchor)
        h = 1 if m["ord"] in ("first", "1st") else 2
        if not m["rest"] and anchor is not None:
            year = _period_year(anchor, 1 if h == 1 else 7, 6 if h == 1 else 12, future, past)
        return DateValue(f"{year}-H{h}" if year else None, "date", "half", None, relative)
    if m := p["h_year"].match(core):
        return DateValue(f"{m['year']}-H{m['h']}", "date", "half")
    if m := p["season"].match(core):
        if m["year"]:
            return DateValue(f"{m['year']}-{_SEASONS[m['season']]}", "date", "season")
        if not (past or future) or core.endswith(" of") or anchor is None:
            return None  # "in the summer it is hot": a season of any year
        # "over the summer" in a past report is the latest one begun, "the summer" in a plan the next
        code = _SEASONS[m["season"]]
        first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        if past:
            year = anchor.year if anchor.month >= first else anchor.year - 1
        else:
            year = anchor.year if anchor.month < first else anchor.year + 1
        return DateValue(f"{year}-{code}", "date", "season", None, True)
    if m := p["relative_season"].match(core):
        if anchor is None:
            return DateValue(None, "date", "season", None, True)
        code = _SEASONS[m["season"]]
        first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        if m["which"] in ("last", "this past"):
            year = anchor.year if anchor.month > first + 2 else anchor.year - 1
        elif m["which"] in ("next", "this coming"):
            year = anchor.year if anchor.month < first else anchor.year + 1
        else:
            year = anchor.year
        return DateValue(f"{year}-{code}", "date", "season", None, True)
    if m := p["relative_unit"].match(core):
        return _relative_unit(m["which"], m["unit"], anchor)
    if m := p["weekday"].match(core):  # "this coming Sunday": the next one
        which = "next" if m["which"] in ("this coming", "coming") else m["which"]
        return _weekday(WEEKDAYS[m["weekday"]], which, anchor, future)
    if m := p["ago"].match(core):
        n = _count(m["n"])
        if n is None:
            return None
        return _ago(int(n), m["unit"], anchor)
    if m := p["from_now"].match(core):  # "two weeks from now": the week two weeks after the anchor
        n = _count(m["n"])
        if n is None or anchor is None:
            return None
        return _ago(-int(n), m["unit"], anchor)
    bare = re.sub(r"\s+", " ", _FILLERS.sub(" ", core)).strip()
    if m := p["duration"].match(bare):
        return _duration(m["n"], m["unit"], m["window"])
    return None


def _relative_unit(which: str, unit: str, anchor: dt.date | None) -> DateValue | None:
    granularity = unit
    shift = {"this": 0, "current": 0, "the": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}[which]
    if unit == "decade" and which not in ("this", "current", "the"):
        return _duration(None, "decade", which)  # "the past decade", "the next decade": ten years
    if anchor is None:
        return DateValue(None, "date", granularity, None, True)
    if unit == "year":
        value = str(anchor.year + shift)
    elif unit == "month":
        year, month = _add_months(anchor, shift)
        value = f"{year}-{month:02d}"
    elif unit == "quarter":
        if which == "the" and anchor.month % 3 != 0:
            shift = -1  # "the quarter" a month or two after one ended: the quarter being reported
        year, month = _add_months(anchor, 3 * shift)
        value = f"{year}-Q{(month - 1) // 3 + 1}"
    elif unit == "decade":
        value = str(anchor.year // 10)
    else:
        iso = (anchor + dt.timedelta(weeks=shift)).isocalendar()
        value = f"{iso.year}-W{iso.week:02d}"
    return DateValue(value, "date", granularity, None, True)


def _weekday(weekday: int, which: str | None, anchor: dt.date | None, future: bool) -> DateValue:
    if anchor is None:
        return DateValue(None, "date", "day", None, True)
    if which == "next" or (future and which != "last"):
        delta = (weekday - anchor.weekday()) % 7
        if which == "next" and delta == 0:
            delta = 7
        day = anchor + dt.timedelta(days=delta)
    else:
        delta = (anchor.weekday() - weekday) % 7
        if which == "last" and delta == 0:
            delta = 7
        day = anchor - dt.timedelta(days=delta)
    return DateValue(day.isoformat(), "date", "day", None, True)


_FIXED_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                   "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
                   "valentine's day": (2, 14)}


def _holiday_day(name: str, year: int) -> dt.date:
    if name in _FIXED_HOLIDAYS:
        return dt.date(year, *_FIXED_HOLIDAYS[name])
    first = dt.date(year, 11, 1)  # Thanksgiving (US): the fourth Thursday of November
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _holiday(name: str, which: str | None, year: int | None, anchor: dt.date | None, past: bool,
             future: bool) -> DateValue | None:
    """"Christmas", "last Thanksgiving", "Halloween 2019": the day, its year written, else by tense
    like a month and day ("last" the latest before the document date, "next" the first after)."""
    if year is not None:
        return DateValue(_holiday_day(name, year).isoformat(), "date", "day")
    if anchor is None:
        return DateValue(None, "date", "day", None, True)
    this = _holiday_day(name, anchor.year)
    if which in ("last", "this past"):
        day = this if this < anchor else _holiday_day(name, anchor.year - 1)
    elif which in ("next", "this coming"):
        day = this if this > anchor else _holiday_day(name, anchor.year + 1)
    elif which == "this":
        day = this
    else:
        day = dt.date.fromisoformat(f"{_closest_year(anchor, this.month, this.day, past, future)}-{this.month:02d}-01")
        day = _holiday_day(name, day.year)
    return DateValue(day.isoformat(), "date", "day", None, True)


def _weekend(which: str | None, anchor: dt.date | None, future: bool) -> DateValue:
    """"the weekend", "last weekend": TimeML "1989-W43-WE", the ISO week of its Saturday. Past (or
    no tense) is the latest weekend begun by the document date, future and "next" the first not yet
    over; "this weekend" with no tense is the one of the document's week."""
    if anchor is None:
        return DateValue(None, "date", "weekend", None, True)
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)  # latest Saturday on or before
    if which in ("next", "this coming") or future or which == "this" and anchor.weekday() < 5:
        if anchor.weekday() < 5 or which in ("next", "this coming") and anchor.weekday() == 5:
            saturday += dt.timedelta(days=7)
    elif which == "last" and anchor.weekday() >= 5:
        saturday -= dt.timedelta(days=7)  # "last weekend" said on a Sunday: the one before
    iso = saturday.isocalendar()
    return DateValue(f"{iso.year}-W{iso.week:02d}-WE", "date", "weekend", None, True)


def _relative_month(which: str, month: int, anchor: dt.date | None) -> DateValue:
    """"last March" is the latest March before the document's month, "next May" the first after
    it, "this September" the one of the document's year."""
    if anchor is None:
        return DateValue(None, "date", "month", None, True)
    year = anchor.year
    if which in ("last", "this past") and month >= anchor.month:
        year -= 1
    elif which in ("next", "this coming") and month <= anchor.month:
        year += 1
    return DateValue(f"{year}-{month:02d}", "date", "month", None, True)


_OFFSET = re.compile(r"P(\d+)([DWMY])")


def _later(value: DateValue, anchor: dt.date) -> DateValue | None:
    """"in three months" (future): the month three months after the anchor, at the unit written."""
    match = _OFFSET.fullmatch(value.value or "")
    if match is None or value.granularity not in ("day", "week", "month", "year"):
        return None
    n, unit = int(match.group(1)), value.granularity
    if unit == "day":
        return DateValue((anchor + dt.timedelta(days=n)).isoformat(), "date", "day", None, True)
    if unit == "week":
        iso = (anchor + dt.timedelta(weeks=n)).isocalendar()
        return DateValue(f"{iso.year}-W{iso.week:02d}", "date", "week", None, True)
    if unit == "month":
        year, month = _add_months(anchor, n)
        return DateValue(f"{year}-{month:02d}", "date", "month", None, True)
    return DateValue(str(anchor.year + n), "date", "year", None, True)


def _ago(n: int, unit: str, anchor: dt.date | None) -> DateValue:
    if anchor is None:
        return DateValue(None, "date", unit, None, True)
    if unit == "day":
        return DateValue((anchor - dt.timedelta(days=n)).isoformat(), "date", "day", None, True)
    if unit == "week":
        iso = (anchor - dt.timedelta(weeks=n)).isocalendar()
        return DateValue(f"{iso.year}-W{iso.week:02d}", "date", "week", None, True)
    if unit == "month":
        year, month = _add_months(anchor, -n)
        return DateValue(f"{year}-{month:02d}", "date", "month", None, True)
    return DateValue(str(anchor.year - n), "date", "year", None, True)


def _duration(n_text: str | None, unit: str, window: str | None) -> DateValue | None:
    if n_text is None and window is None:
        return None  # a bare "year" or "month" is not a date expression
    n = _count(n_text)
    if n is None or n <= 0:
        return None
    letter = _DURATION_UNITS[unit]
    amount = n * {"decade": 10, "quarter": 3, "fortnight": 14}.get(unit, 1)
    number = int(amount) if amount == int(amount) else amount
    value = f"PT{number}H" if letter == "H" else f"P{number}{letter}"
    return DateValue(value, "duration", unit)


_NUMERIC_DATE = re.compile(
    r"^(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2}|[a-z]{3,9}\.?)(?P=sep)(?P<c>\d{1,4}|[a-z]{3,9}\.?)$"
)
_WRITTEN_DATE = re.compile(rf"^(?:(?:{'|'.join(WEEKDAYS)}),? )?(?:the )?[\w.,/ -]+$")
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?")


def _date_order(parts: list[str], sep: str) -> str | None:
    """DATE_ORDER from the text where it shows it: a four-digit year first (YMD), a day over 12
    first (DMY) or second (MDY); else dots read day first (European) and slashes month first."""
    numbers = [int(x) for x in parts if x.isdigit()]
    if not numbers:
        return None
    if len(parts[0]) == 4:
        return "YMD"
    if len(numbers) == 3 and numbers[0] > 12:
        return "DMY"
    if len(numbers) == 3 and numbers[1] > 12:
        return "MDY"
    return "DMY" if sep == "." else "MDY"


@lru_cache(maxsize=8)
def _parser(order: str, anchor: dt.date | None, prefer: str) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings = {"DATE_ORDER": order, "PREFER_DATES_FROM": prefer, "STRICT_PARSING": True,
                "RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["absolute-time"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    # languages given: no language detection, nothing to download.
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def absolute_date(text: str, anchor: dt.date | None = None, *, future: bool = False,
                  past: bool = False) -> DateValue | None:
    """An absolute calendar day in a numeric or written format factx's own patterns do not read
    ("14/05/2019", "2021/17/Mar", "28.01.2025", "the 3rd of May, 2019"), parsed by dateparser with
    the field order the text shows. Only full dates (day, month and year) are taken, and only when
    every field of the result is written in the text: no impossible date ("2/30/2024") and no
    guessed field comes out."""
    text = text.strip().lower()
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        parts, sep = [numeric["a"], numeric["b"], numeric["c"]], numeric["sep"]
        if sep == "-" and len(parts[0]) == 4 and parts[1].isdigit() and parts[2].isdigit():
            return None  # ISO 8601 is year-month-day only: an invalid one is no date
    elif _WRITTEN_DATE.match(text) and _MONTH_WORD.search(text) and len(text) <= 40:
        parts, sep = re.findall(r"\d+", text), " "
        if len(parts) != 2:
            return None
    else:
        return None
    order = _date_order(parts, sep)
    if order is None:
        return None
    numbers = [int(x.rstrip(".")) for x in parts if x.rstrip(".").isdigit()]
    if not any(1 <= n <= 31 for n in numbers):
        return None  # no field can be the day, which must be written ("between October 2023 and June 2024")
    prefer = "future" if future else "past" if past else "current_period"
    data = _parser(order, anchor, prefer).get_date_data(text)
    day = data["date_obj"]
    if day is None or data["period"] != "day":
        return None
    years = [n for n, x in zip(numbers, [x for x in parts if x.isdigit()], strict=True)
             if n == day.year or (len(x) == 2 and n == day.year % 100)]
    if day.day not in numbers or not years or (day.month not in numbers and not _MONTH_WORD.search(text)):
        return None
    return DateValue(day.date().isoformat(), "date", "day")


def fiscal_interval(value: str | None, start_month: int | None) -> str | None:
    """Calendar months of a fiscal period, for fiscal years named by the year they end in:
    ``fiscal_interval("FY2025", 7)`` -> "2024-07/2025-06"; ``("FY2026-Q1", 2)`` -> "2025-02/2025-04"."""
    match = re.fullmatch(r"FY(\d{4})(?:-(Q[1-4]|H[12]))?", value or "")
    if not match or not start_month:
        return None
    year = int(match.group(1))
    first = dt.date(year - 1 if start_month > 1 else year, start_month, 1)
    offset, length = 0, 12
    if match.group(2):
        part = match.group(2)
        length = 3 if part[0] == "Q" else 6
        offset = (int(part[1]) - 1) * length
    begin_year, begin_month = _add_months(first, offset)
    end_year, end_month = _add_months(first, offset + length - 1)
    return f"{begin_year}-{begin_month:02d}/{end_year}-{end_month:02d}"


_SHIFTABLE = re.compile(r"(?P<fy>FY)?(?P<year>\d{4})(?P<rest>(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|SP|SU|FA|WI))?)")


def shift_years(value: str | None, years: int) -> str | None:
    """A calendar value moved by whole years at its own granularity: ``("1989-Q3", -1)`` ->
    "1988-Q3", ``("FY1990", -1)`` -> "FY1989"; None for what cannot move (intervals, weeks,
    decades, February 29 in a common year, a year outside 1-9999)."""
    match = _SHIFTABLE.fullmatch(value or "")
    if match is None:
        return None
    year = int(match["year"]) + years
    if not 1 <= year <= 9999:
        return None
    rest = match["rest"]
    day = re.fullmatch(r"-(\d{2})-(\d{2})", rest)
    if day and _valid_day(year, int(day.group(1)), int(day.group(2))) is None:
        return None
    return f"{match['fy'] or ''}{year:04d}{rest}"


_ANAPHORIC = re.compile(
    r"^(?:(?P<same>(?:(?:earlier|later) )?(?:that|that same|the same) (?P<same_unit>day|week|month|year))"
    r"|(?:(?:the )?(?:very )?(?P<step>following|previous|prior)|the very (?P<next>next))"
    r" (?P<step_unit>day|week|month|year|morning|afternoon|evening|night)"
    r"|the next (?P<next_unit>day|morning|afternoon|evening|night)"  # "the next year" may be a span ahead
    r"|the (?P<side_unit>day|week|month|year|morning|night|evening) (?P<side>before|after)"
    r"|(?P<n>[\w-]+) (?P<n_unit>day|week|month|year)s? (?P<way>later|earlier|afterwards?|prior))$"
)
_UNIT_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 3, "season": 3, "year": 4}
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}  # "the following morning": a day


def from_reference(text: str, reference: DateValue | None) -> DateValue | None:
    """A date told from the date mentioned before it, as TimeML anchors it: "the following day"
    after "Oct. 23, 1998" is 1998-10-24, "three years later" after 1995 is 1998, "that year" the
    reference's year. None when the text is no such expression or the reference cannot carry it
    (no reference, or one coarser than the unit: "the next day" after "1995")."""
    core = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,.")
    match = _ANAPHORIC.match(core)
    ymd = _ymd(reference)
    if match is None or reference is None or ymd is None or reference.granularity not in _UNIT_RANK:
        return None
    year, month, day = ymd
    unit = match["same_unit"] or match["step_unit"] or match["next_unit"] or match["side_unit"] or match["n_unit"]
    if unit in _PARTS_OF_DAY:
        unit = "day"
    if _UNIT_RANK[unit] < _UNIT_RANK[reference.granularity]:
        return None
    if match["same"]:
        shift = 0
    elif match["step_unit"] or match["next_unit"]:
        shift = -1 if match["step"] in ("previous", "prior") else 1
    elif match["side_unit"]:
        shift = -1 if match["side"] == "before" else 1
    else:
        count = _count(match["n"])
        if count is None or count != int(count) or count <= 0:
            return None
        shift = int(count) * (1 if match["way"] in ("later", "afterward", "afterwards") else -1)
    try:
        if unit == "year":
            value = DateValue(str(year + shift), "date", "year", None, True)
        elif unit == "month":
            base = dt.date(year, month or 1, 1)
            shifted = _add_months(base, shift)
            value = DateValue(f"{shifted[0]}-{shifted[1]:02d}", "date", "month", None, True)
        else:
            point = dt.date(year, month or 1, day or 1) + dt.timedelta(days=shift * (7 if unit == "week" else 1))
            if unit == "week":
                iso = point.isocalendar()
                value = DateValue(f"{iso.year}-W{iso.week:02d}", "date", "week", None, True)
            else:
                value = DateValue(point.isoformat(), "date", "day", None, True)
    except (OverflowError, ValueError):
        return None
    return _in_calendar(value)
