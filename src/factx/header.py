"""Find the document date in an article's header.

Recognised forms, in the order tried:
- YAML front matter: a first line ``---``, a ``date:`` key, a closing ``---``;
- a first line ``date: YYYY-MM-DD`` (any case);
- an inline prefix ``date YYYY-MM-DD`` directly followed by the text;
- a press-release dateline opening the text: ``SAN FRANCISCO, March 3, 2024 /PRNewswire/ --``,
  ``BEIJING, Oct. 26, 2024 (Xinhua) --`` or a line ``Posted: 2024-03-03``.

The header span is reported so that facts are never extracted from it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .errors import HeaderError, quote

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_YAML_DATE = re.compile(r"^date[ \t]*:[ \t]*(?P<value>[^\r\n]*)$", re.I | re.M)
_DATE_LINE = re.compile(r"\A\ufeff?[ \t]*date[ \t]*:[ \t]*(?P<value>[^\r\n]*)(?:\r?\n|\Z)", re.I)
_INLINE = re.compile(r"\A\ufeff?\s*date\s+(?P<value>\d{4}-\d{1,2}-\d{1,2})(?![\d-])\s*", re.I)
_MONTH_NAMES = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?|january|february|march|april|"
                r"june|july|august|september|october|november|december")
_DATELINE = re.compile(
    r"\A\ufeff?\s*(?P<place>[A-Z][A-Za-z.'\- ]{1,40}(?:, [A-Z][A-Za-z.'\- ]{1,30})?),\s+"
    rf"(?P<month>{_MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?"
    r"\s*(?:/[^/\n]{1,40}/|\([^)\n]{1,40}\))?\s*(?:--|—|–|-)\s*",
    re.I,
)
_POSTED = re.compile(
    r"\A\ufeff?\s*(?:posted|published|updated)\s*(?:on)?\s*:?\s*(?P<value>\d{4}-\d{1,2}-\d{1,2})[^\n]*(?:\n|\Z)",
    re.I,
)
_MONTH_NUMBER = {name: n for n, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?")
# A date header line that runs on into the headline: "date: 2024-03-05 Acme opens a plant" (no newline).
_RUN_ON = re.compile(r"[\"']?(\d{4}-\d{1,2}-\d{1,2})[\"']?[ \t]+(?=\S)")


@dataclass(frozen=True)
class Header:
    """What the header said: the date (or None), where it came from, and where the body starts;
    for a press-release dateline, also where its date is written (a date mention of the text,
    unlike a ``date:`` line or front matter, which are metadata)."""

    date: dt.date | None
    source: str  # "header", "dateline" or "none"
    end: int  # offset of the first character after the header
    date_span: tuple[int, int] | None = None  # (start, end) of "Oct. 26, 2024" in a dateline


def _at(end: int, parse: Callable[[str, str], dt.date], value: str, where: str) -> dt.date:
    """``parse(value, where)``; a HeaderError raised carries ``end``, where the header ends."""
    try:
        return parse(value, where)
    except HeaderError as err:
        err.end = end
        raise


def _parse_iso(value: str, where: str) -> dt.date:
    cleaned = value.strip().strip("\"'")
    match = _ISO_DAY.fullmatch(cleaned)
    if not match:
        raise HeaderError(f"malformed {where}: expected a date YYYY-MM-DD, got {quote(value.strip())}")
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise HeaderError(f"malformed {where}: {quote(cleaned)} is not a calendar date ({err})") from err


def read_header(content: str, *, strict: bool = True) -> Header:
    """Return the header of ``content``; raise HeaderError when it names an invalid date, unless
    ``strict`` is false (a date given by the caller overrides it): then the date is None and the
    header is still skipped."""
    try:
        return _read_header(content)
    except HeaderError as err:
        if strict:
            raise
        return Header(None, "none", err.end)


def _read_header(content: str) -> Header:
    front = _FRONT_MATTER.match(content)
    if front:
        date_line = _YAML_DATE.search(front.group("body"))
        if date_line:
            date = _at(front.end(), _parse_iso, date_line.group("value"), "front matter date")
            return Header(date, "header", front.end())
        return Header(None, "none", front.end())
    line = _DATE_LINE.match(content)
    if line:
        run_on = _RUN_ON.match(line.group("value"))
        if run_on and not _ISO_DAY.fullmatch(line.group("value").strip().strip("\"'")):
            date = _at(line.end(), _parse_iso, run_on.group(1), "date header")
            return Header(date, "header", line.start("value") + run_on.end())
        return Header(_at(line.end(), _parse_iso, line.group("value"), "date header"), "header", line.end())
    inline = _INLINE.match(content)
    if inline:
        date = _at(inline.end(), _parse_iso, inline.group("value"), "inline date header")
        return Header(date, "header", inline.end())
    posted = _POSTED.match(content)
    if posted:
        return Header(_at(posted.end(), _parse_iso, posted.group("value"), "posted date"), "dateline", posted.end())
    dateline = _DATELINE.match(content)
    if dateline and dateline.group("place").split(",")[0].strip().isupper():
        return _dateline(dateline)
    return Header(None, "none", 0)


def _dateline(match: re.Match[str]) -> Header:
    """The date of ``CITY, Month Day, Year /Agency/ --``; without a year the date stays unknown."""
    month = _MONTH_NUMBER[match.group("month").lower().rstrip(".")]
    if match.group("year") is None:
        return Header(None, "none", match.end())
    try:
        date = dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return Header(None, "none", 0)
    return Header(date, "dateline", match.end(), (match.start("month"), match.end("year")))
