import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factx.datenorm import normalize_date

ANCHOR = dt.date(2022, 11, 26)  # a Saturday


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("October 26", "2022-10-26", "date"),
        ("October 2022", "2022-10", "date"),
        ("2021", "2021", "date"),
        ("this year", "2022", "date"),
        ("last year", "2021", "date"),
        ("next month", "2022-12", "date"),
        ("12 consecutive years", "P12Y", "duration"),
        ("a decade", "P10Y", "duration"),
        ("last week", "2022-W46", "date"),
        ("Friday", "2022-11-25", "date"),
        ("yesterday", "2022-11-25", "date"),
        ("the second quarter", "2022-Q2", "date"),
        ("Q2 2024", "2024-Q2", "date"),
        ("the first half of 2023", "2023-H1", "date"),
        ("2009-2010", "2009/2010", "interval"),
        ("from 2019 to 2021", "2019/2021", "interval"),
        ("26 October 2022", "2022-10-26", "date"),
        ("the 1990s", "199", "date"),
        ("January 3", "2023-01-03", "date"),
        ("the first quarter of fiscal 2026", "FY2026-Q1", "date"),
        ("the second half of fiscal 2025", "FY2025-H2", "date"),
        ("fiscal 2024", "FY2024", "date"),
        ("summer 2025", "2025-SU", "date"),
        ("every year", "P1Y", "set"),
        ("every Monday", "XXXX-WXX-1", "set"),
        ("between March and May 2024", "2024-03/2024-05", "interval"),
        ("from January to March 2025", "2025-01/2025-03", "interval"),
        ("five-year", "P5Y", "duration"),
        ("three days ago", "2022-11-23", "date"),
        # two days of one month: an interval, not a day of the year 2025
        ("December 24-25", "2022-12-24/2022-12-25", "interval"),
        ("December 24 and 25", "2022-12-24/2022-12-25", "interval"),
        ("the last half of 1989", "1989-H2", "date"),
        ("last Oct. 23", "2022-10-23", "date"),  # the day of the month "last October" names
        ("the first two quarters of 1990", "1990-H1", "date"),
        # a night or a part of a day told from the document date: that day
        ("last night", "2022-11-25", "date"),
        ("tomorrow night", "2022-11-27", "date"),
        ("yesterday afternoon", "2022-11-25", "date"),
    ],
)
def test_datenorm_values(text: str, value: str, kind: str) -> None:
    result = normalize_date(text, ANCHOR)
    assert result is not None
    assert (result.value, result.kind) == (value, kind)


@pytest.mark.parametrize("text", ["may", "Five-Year", "the same day", "year", "5G", "the last half", "the last night",
                                  "night", "last nights"])
def test_datenorm_rejects_non_dates(text: str) -> None:
    result = normalize_date(text, ANCHOR)
    assert result is None or result.kind == "duration" and text == "Five-Year"


def test_datenorm_relative_without_anchor_stays_unresolved() -> None:
    result = normalize_date("yesterday", None)
    assert result is not None and result.value is None and result.relative


@given(st.dates(min_value=dt.date(1900, 1, 2), max_value=dt.date(2099, 12, 30)))
def test_datenorm_yesterday_is_the_day_before(anchor: dt.date) -> None:
    result = normalize_date("yesterday", anchor)
    assert result is not None and result.value == (anchor - dt.timedelta(days=1)).isoformat()
    tomorrow = normalize_date("tomorrow", anchor)
    assert tomorrow is not None and tomorrow.value == (anchor + dt.timedelta(days=1)).isoformat()


@given(st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2099, 12, 24)),
       st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]))
def test_datenorm_past_weekday_is_within_the_last_week(anchor: dt.date, weekday: str) -> None:
    result = normalize_date(weekday, anchor)
    assert result is not None and result.value is not None
    day = dt.date.fromisoformat(result.value)
    assert 0 <= (anchor - day).days < 7
    assert day.strftime("%A").lower() == weekday


@given(st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31)),
       st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_datenorm_month_day_is_closest_to_anchor(anchor: dt.date, month: int, day: int) -> None:
    name = dt.date(2000, month, day).strftime("%B")
    result = normalize_date(f"{name} {day}", anchor)
    assert result is not None and result.value is not None
    chosen = dt.date.fromisoformat(result.value)
    assert abs((chosen - anchor).days) <= 183


@pytest.mark.parametrize(
    ("value", "start", "calendar"),
    [("FY2025", 7, "2024-07/2025-06"), ("FY2026-Q1", 2, "2025-02/2025-04"), ("FY2025-H2", 4, "2024-10/2025-03"),
     ("FY2024", 1, "2024-01/2024-12"), ("FY2024", None, None), ("2024", 7, None)],
)
def test_datenorm_fiscal_interval(value: str, start: int | None, calendar: str | None) -> None:
    from factx.datenorm import fiscal_interval

    assert fiscal_interval(value, start) == calendar


@pytest.mark.parametrize(
    ("text", "anchor", "kwargs"),
    [
        ("next year", dt.date(9999, 12, 31), {}),
        ("next month", dt.date(9999, 12, 31), {}),
        ("tomorrow", dt.date(9999, 12, 31), {}),
        ("next week", dt.date(9999, 12, 31), {}),
        ("the first quarter of next year", dt.date(9999, 12, 31), {}),
        ("next fiscal year", dt.date(9999, 6, 1), {}),
        ("two years", dt.date(9999, 3, 1), {"offset": True}),
        ("last year", dt.date(1, 2, 1), {}),
        ("3000 years ago", dt.date(2024, 1, 1), {}),
    ],
)
def test_datenorm_relative_date_outside_the_calendar_is_no_date(
    text: str, anchor: dt.date, kwargs: dict[str, bool]
) -> None:
    assert normalize_date(text, anchor, **kwargs) is None


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("this year", dt.date(9999, 12, 31), "9999"),
        ("last year", dt.date(9999, 12, 31), "9998"),
        ("last year", dt.date(1000, 3, 1), "0999"),
        ("next year", dt.date(1, 1, 1), "0002"),
        ("this fiscal year", dt.date(9999, 12, 31), "FY9999"),
        ("the '90s", dt.date(9999, 12, 31), "999"),
        ("this decade", dt.date(2024, 1, 1), "202"),
    ],
)
def test_datenorm_relative_date_in_the_calendar_has_four_digit_years(text: str, anchor: dt.date, value: str) -> None:
    result = normalize_date(text, anchor)
    assert result is not None and result.value == value


@pytest.mark.parametrize(
    ("value", "years", "shifted"),
    [("1989-Q3", -1, "1988-Q3"), ("FY1990", -1, "FY1989"), ("1989-09-30", -1, "1988-09-30"), ("1989-H1", -1, "1988-H1"),
     ("1989", -1, "1988"), ("1989-03", 2, "1991-03"), ("2024-02-29", -1, None), ("1989-W05", -1, None),
     ("1988/1990", -1, None), ("199", -1, None), ("0001-05", -1, None), (None, -1, None)],
)
def test_datenorm_shift_years(value: str | None, years: int, shifted: str | None) -> None:
    from factx.datenorm import shift_years

    assert shift_years(value, years) == shifted


@pytest.mark.parametrize(
    ("text", "reference", "granularity", "value"),
    [
        ("the following day", "2003-06-30", "day", "2003-07-01"),
        ("The previous day", "2003-03-01", "day", "2003-02-28"),
        ("three years later", "2001", "year", "2004"),
        ("two years earlier", "2001-05-04", "day", "1999"),
        ("later that year", "2001-05", "month", "2001"),
        ("earlier that day", "2001-05-04", "day", "2001-05-04"),
        ("the following month", "2001-12", "month", "2002-01"),
        ("two weeks later", "2001-05-04", "day", "2001-W20"),
        ("the same month", "2001-05-04", "day", "2001-05"),
        ("the following day", "2001", "year", None),  # a year cannot carry a day
        ("that month", "2001-Q2", "quarter", None),
        ("the following day", "9999-12-31", "day", None),
        ("ten days before", "2001-05-04", "day", None),  # before an event, not the date said before
        ("the next year", "2001", "year", None),
        ("the weekend", "2001-05-04", "day", None),
        # "the very next", a part of the day, the day before or after, "prior"
        ("the very next year", "1982", "year", "1983"),
        ("the following morning", "1832-05-30", "day", "1832-05-31"),
        ("the night before", "1832-05-31", "day", "1832-05-30"),
        ("the day after", "2001-05-04", "day", "2001-05-05"),
        ("the next morning", "2000-02-22", "day", "2000-02-23"),
        ("three years prior", "2011", "year", "2008"),
        ("the following morning", "1832-05", "month", None),  # a month cannot carry a morning
    ],
)
def test_datenorm_from_reference(text: str, reference: str, granularity: str, value: str | None) -> None:
    from factx.datenorm import DateValue, from_reference

    result = from_reference(text, DateValue(reference, "date", granularity))
    assert (result.value if result else None) == value
    if result is not None:
        assert result.kind == "date" and result.relative


@pytest.mark.parametrize(
    ("text", "anchor", "future", "value"),
    [
        ("the weekend", dt.date(2022, 11, 28), False, "2022-W47-WE"),  # a Monday: the one just over
        ("the weekend", dt.date(2022, 11, 28), True, "2022-W48-WE"),
        ("the weekend", dt.date(2022, 11, 26), False, "2022-W47-WE"),  # said on that Saturday
        ("last weekend", dt.date(2022, 11, 27), False, "2022-W46-WE"),
        ("next weekend", dt.date(2022, 11, 26), False, "2022-W48-WE"),
        ("this weekend", dt.date(2022, 11, 24), False, "2022-W47-WE"),
    ],
)
def test_datenorm_weekend(text: str, anchor: dt.date, future: bool, value: str) -> None:
    result = normalize_date(text, anchor, future=future)
    assert result is not None and (result.value, result.granularity) == (value, "weekend")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5000 BCE", "-5000"), ("about 400 BCE", "-0400"), ("508 B.C.", "-0508"), ("500 CE", "0500"),
        ("AD842", "0842"), ("347 AD", "0347"), ("A.D. 71", "0071"), ("0 BC", None), ("12345 BC", None),
        ("'71", "1971"), ("the class of '05", "2005"), ("'31", "2031"), ("'33", "1933"),  # up to ten years ahead
    ],
)
def test_datenorm_era_and_short_years(text: str, value: str | None) -> None:
    result = normalize_date(text, ANCHOR)  # 2022-11-26
    assert (result.value if result else None) == value
    if result is not None:
        assert (result.kind, result.granularity) == ("date", "year")


@pytest.mark.parametrize(
    ("text", "kwargs", "value"),
    [
        ("Christmas", {}, "2022-12-25"),  # a month ahead is closer than last year's
        ("Valentine's Day", {"past": True}, "2022-02-14"),
        ("Valentine's Day", {"future": True}, "2023-02-14"),
        ("Halloween", {}, "2022-10-31"),
        ("Thanksgiving", {}, "2022-11-24"),  # the fourth Thursday of November
        ("last Thanksgiving", {}, "2022-11-24"),
        ("next Thanksgiving", {}, "2023-11-23"),
        ("New Year's Eve", {"future": True}, "2022-12-31"),
        ("Christmas Eve 2019", {}, "2019-12-24"),
        ("Christmas trees", {}, None),
    ],
)
def test_datenorm_holidays(text: str, kwargs: dict[str, bool], value: str | None) -> None:
    result = normalize_date(text, ANCHOR, **kwargs)
    assert (result.value if result else None) == value
