"""Absolute dates read with dateparser, relative offsets, tense and the new period forms (#16)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factx.datenorm import absolute_date, normalize_date

APRIL = dt.date(2015, 4, 21)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14/05/2019", "2019-05-14"),  # a day over 12 first: day-month-year
        ("07/22/2031", "2031-07-22"),  # a day over 12 second: month-day-year
        ("2/29/2024", "2024-02-29"),  # a leap day
        ("2021/17/Mar", "2021-03-17"),
        ("28.01.2025", "2025-01-28"),
        ("03.04.2025", "2025-04-03"),  # dots, ambiguous: day first
        ("03/04/2025", "2025-03-04"),  # slashes, ambiguous: month first
        ("Nov. 3 , 1998", "1998-11-03"),
        ("the 3rd of May, 2019", "2019-05-03"),
        ("2019-08-12", "2019-08-12"),
    ],
)
def test_absolute_formats(text: str, value: str) -> None:
    result = normalize_date(text, APRIL)
    assert result is not None and (result.value, result.granularity) == (value, "day")


@pytest.mark.parametrize("text", ["2/30/2024", "Feb 31", "31/31/2020", "2/30", "3-1", "2019-13-01", "12/5",
                                  "1-2-3", "June 31, 2020", "0/0/2000"])
def test_impossible_or_partial_numeric_dates_are_not_dates(text: str) -> None:
    result = normalize_date(text, APRIL)
    assert result is None or result.value is None


@given(st.from_regex(r"\A[0-9]{1,4}[./-][0-9]{1,4}([./-][0-9]{1,4})?\Z"))
def test_random_numeric_strings_never_give_an_impossible_date(text: str) -> None:
    result = absolute_date(text, APRIL)
    if result is not None:
        day = dt.date.fromisoformat(result.value or "")  # raises on an impossible date
        numbers = [int(x) for x in text.replace(".", "/").replace("-", "/").split("/")]
        assert day.day in numbers and day.month in numbers
        assert day.year in numbers or day.year % 100 in numbers


@pytest.mark.parametrize(
    ("text", "kwargs", "value"),
    [
        ("September", {"past": True}, "2014-09"),  # past tense in April: last September
        ("September", {"future": True}, "2015-09"),
        ("March", {"future": True}, "2016-03"),
        ("July 3", {"past": True}, "2014-07-03"),
        ("May 3", {"past": True}, "2015-05-03"),  # days ahead ("was set to expire May 3"), not a year back
        ("January this year", {}, "2015-01"),
        ("June last year", {}, "2014-06"),
        ("the 1988 second quarter", {}, "1988-Q2"),
        ("April 21", {"past": True}, "2015-04-21"),  # the document's own day
        ("Tuesday", {}, "2015-04-21"),  # the document's weekday is that day
        ("Tuesday", {"future": True}, "2015-04-21"),
        ("next Tuesday", {}, "2015-04-28"),
        ("last March", {}, "2015-03"),
        ("last May", {}, "2014-05"),
        ("next April", {}, "2016-04"),
        ("this September", {}, "2015-09"),
        ("three months", {"offset": True}, "2015-07"),
        ("two weeks", {"offset": True}, "2015-W19"),
        ("four years ago", {}, "2011"),
        ("the day after tomorrow", {}, "2015-04-23"),
        ("the day before yesterday", {}, "2015-04-19"),
        ("the 19th century", {}, "18"),
        ("the twenty-first century", {}, "20"),
        ("the '70s", {}, "197"),
        ("the nineties", {}, "199"),
        ("the decade", {}, "201"),
        ("this fiscal year", {}, "FY2015"),
        ("Q3", {"past": True}, "2014-Q3"),
        ("the latest quarter", {}, "2015-Q1"),
        ("the fourth quarter", {}, "2014-Q4"),  # closest: ended four months ago
        ("the third quarter", {}, "2015-Q3"),  # closest: begins in three months
        ("the third quarter", {"past": True}, "2014-Q3"),
        ("the fourth quarter", {"future": True}, "2015-Q4"),
        ("May", {"past": True, "month_may": True}, "2015-05"),  # the coming month, not a year back
        ("June", {"past": True}, "2014-06"),
        ("the past decade", {}, "P10Y"),
        ("Tuesday, March 8, 2011", {}, "2011-03-08"),
        ("Saturday, April 25", {}, "2015-04-25"),
    ],
)
def test_relative_and_tense(text: str, kwargs: dict[str, bool], value: str) -> None:
    result = normalize_date(text, APRIL, **kwargs)
    assert result is not None and result.value == value


def test_offset_leaves_a_plain_duration_alone_without_the_flag() -> None:
    result = normalize_date("three months", APRIL)
    assert result is not None and (result.value, result.kind) == ("P3M", "duration")


def test_the_quarter_in_future_text_is_the_current_one_late_in_it() -> None:
    result = normalize_date("the quarter", dt.date(2015, 6, 20), future=True)
    assert result is not None and result.value == "2015-Q2"


def test_the_quarter_in_future_text_soon_after_one_ended_is_the_reported_one() -> None:
    # "analysts expect it to earn 35 cents a share for the quarter", a month after the quarter ended
    result = normalize_date("the quarter", APRIL, future=True)
    assert result is not None and result.value == "2015-Q1"
