"""Dates in sentences written for the test (#16): tense, names with years, signals, formats."""

from typing import Any

import pytest

DATE = "2015-04-21"  # a Tuesday


def _dates(doc: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    return [(d["text"], d["value"], d["modifier"]) for d in doc["dates"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The company said sales rose sharply in September.", ("September", "2014-09", None)),
        ("The company will open its new plant in September.", ("September", "2015-09", None)),
        ("The mayor said on Tuesday that the budget was approved.", ("Tuesday", "2015-04-21", None)),
        ("Officials declined to comment Saturday on the report.", ("Saturday", "2015-04-18", None)),
        ("The board met on Tuesday, March 8, 2011, to vote.", ("Tuesday, March 8, 2011", "2011-03-08", None)),
        ("The factory will reopen in three months.", ("three months", "2015-07", None)),
        ("Prices fell sharply last March.", ("last March", "2015-03", None)),
        ("The studio thrived in the '70s.", ("the '70s", "197", None)),
        ("Steam power spread in the 19th century.", ("the 19th century", "18", None)),
        ("Emissions must fall by 2030.", ("2030", "2030", None)),
        ("The rules apply from October 1.", ("from October 1", "2015-10-01", "AFTER")),
        ("Rents have doubled since 1987.", ("since 1987", "1987", "AFTER")),
        ("A 2011 study found the same effect.", ("2011", "2011", None)),
        ("The contract was signed on 14/05/2013.", ("14/05/2013", "2013-05-14", None)),
    ],
)
def test_dates_in_sentences(extract: Any, sentence: str, expected: tuple[str, Any, Any]) -> None:
    assert expected in _dates(extract(sentence, DATE))


@pytest.mark.parametrize(
    "sentence",
    ["The 2022 World Expo opened its gates.", "You may leave early if you wish.", "The team won 3-1 at home.",
     "The ratio was 2/30 in the sample."],
)
def test_non_dates(extract: Any, sentence: str) -> None:
    assert [d for d in extract(sentence, DATE)["dates"] if d["kind"] == "date"] == []


def test_from_in_a_comparison_is_no_start(extract: Any) -> None:
    doc = extract("Revenue rose 9% from 2014.", DATE)
    assert ("2014", None) in [(d["value"], d["modifier"]) for d in doc["dates"]]


@pytest.mark.parametrize(
    ("text", "option", "expected"),
    [
        ("NAIROBI, Kenya, July 3, 2023 /PRNewswire/ -- The clinic opened.", None, [("July 3, 2023", "2023-07-03")]),
        ("ROME, Jan. 5, 2022 (ANSA) -- Talks ended.", "2022-01-06", [("Jan. 5, 2022", "2022-01-05")]),
        ("date: 2023-07-03\n\nThe clinic opened.", None, []),
        ("---\ndate: 2023-07-03\n---\nThe clinic opened.", None, []),
        ("ROME, Jan. 5 (ANSA) -- Talks ended.", None, []),
    ],
)
def test_dateline_date_is_a_date_of_the_text(
    extract: Any, text: str, option: str | None, expected: list[tuple[str, str]]
) -> None:
    doc = extract(text, option)
    assert [(d["text"], d["value"]) for d in doc["dates"]] == expected
    for d in doc["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]
        assert (d["kind"], d["granularity"], d["relative"]) == ("date", "day", False)


def test_dateline_date_once_in_a_text_read_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    import factx
    from factx import api
    from factx.nlp import DEFAULT_MODEL

    monkeypatch.setattr(api, "CHUNK_CHARS", 120)
    text = "ROME, Jan. 5, 2022 (ANSA) -- " + "The talks ended on Tuesday after a long night.\n\n" * 6
    doc = factx.extract(text, model=DEFAULT_MODEL).to_dict()
    datelines = [d for d in doc["dates"] if d["value"] == "2022-01-05"]
    assert [(d["text"], d["start"]) for d in datelines] == [("Jan. 5, 2022", 6)]
    tuesdays = [d for d in doc["dates"] if d["text"] == "Tuesday"]
    assert len(tuesdays) == 6 and {d["value"] for d in tuesdays} == {"2022-01-04"}
    for d in doc["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brill Inc. said its second-quarter profit rose to $8 million from $6 million a year earlier.",
         [("second-quarter", "2015-Q2"), ("a year earlier", "2014-Q2")]),
        ("Loam Co. posted first-half sales of $90 million. In the year-ago period, sales were $70 million.",
         [("first-half", "2015-H1"), ("the year-ago period", "2014-H1")]),
        ("Reserves stood at $3 billion on March 31, up 4% from a year ago.",
         [("March 31", "2015-03-31"), ("a year ago", "2014-03-31")]),
        ("Pell Corp. said on Monday that fiscal 2014 revenue was $2 billion. The latest period included a charge.",
         [("Monday", "2015-04-20"), ("fiscal 2014", "FY2014"), ("The latest period", "FY2014")]),
        # a day a quarter ends on gives "the year-ago quarter" its quarter; "last year" is no reported period
        ("Assets were $9 million on Sept. 30, against $8 million in the year-ago quarter.",
         [("Sept. 30", "2014-09-30"), ("the year-ago quarter", "2013-Q3")]),
        ("Kell Inc. lost money last year. Sales rose 3% from a year earlier.",
         [("last year", "2014"), ("a year earlier", "2014")]),
        ("Rand Co. said on Monday that sales fell on March 31. The latest period was weak.",
         [("Monday", "2015-04-20"), ("March 31", "2015-03-31")]),
        # no figure beside "a year ago": the document's year before
        ("Pell Corp. said on Monday that fiscal 2014 revenue fell. She joined Pell a year ago.",
         [("Monday", "2015-04-20"), ("fiscal 2014", "FY2014"), ("a year ago", "2014")]),
    ],
)
def test_compared_period_is_the_reported_period_a_year_back(
    extract: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d["text"], d["value"]) for d in extract(text, DATE)["dates"]] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam failed on June 3, 2009. The following day, crews sealed the breach.",
         [("June 3, 2009", "2009-06-03"), ("The following day", "2009-06-04")]),
        ("Mora moved to Quito in 2004 and three years later opened a bakery.",
         [("2004", "2004"), ("three years later", "2007")]),
        ("The bridge reopened in March 2011. Later that year, tolls were cut.",
         [("March 2011", "2011-03"), ("Later that year", "2011")]),
        ("Rebels shelled the port over the weekend, officials said.", [("the weekend", "2015-W16-WE")]),
        # a comparison, not a date told from an earlier one
        ("In 2012 the firm opened. The suite shipped six months later than promised.",
         [("2012", "2012"), ("six months", "P6M")]),
    ],
)
def test_dates_told_from_the_date_before(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d["text"], d["value"]) for d in extract(text, DATE)["dates"]] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Readers prefer short texts (Okafor 2009; Lind et al., 2012).", [("2009", "2009"), ("2012", "2012")]),
        ("The method of Varga and Lutz 2016 was used (Mbeki 2011, 45).", [("2016", "2016"), ("2011", "2011")]),
        ("Harbor Society of Anglers Tuesday, March 10, 2015 The club met.",
         [("Tuesday, March 10, 2015", "2015-03-10")]),
        ("The fort was built around 350 BCE and rebuilt in AD 1120.",
         [("around 350 BCE", "-0350"), ("AD 1120", "1120")]),
        # names with years and numbers stay no dates
        ("Kenya Vision 2030 guides the plan, and Euro 2028 opens soon.", []),
        ("The seats in row AD 12 were sold.", []),
    ],
)
def test_years_in_citations_eras_and_headlines(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d["text"], d["value"]) for d in extract(text, DATE)["dates"]] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a date modifying a noun names the noun's event: a present or future verb does not move it ahead
        ("The suspect is not linked with the April 7 bombings.", ("April 7", "2015-04-07", None)),
        ("The deal follows Friday's ruling by the court.", ("Friday", "2015-04-17", None)),
        ("Traders are waiting for the May 5 deadline.", ("May 5", "2015-05-05", None)),
        # a past verb still puts it in the past
        ("Police searched for him after the November 3 shooting.", ("November 3", "2014-11-03", None)),
    ],
)
def test_a_date_modifying_a_noun_takes_the_closest_day(extract: Any, sentence: str, expected: Any) -> None:
    assert _dates(extract(sentence, DATE)) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an infinitive subject takes the tense of the verb it is the subject of
        ("Among the first members to sign the charter on Sunday were Chile and Peru.", ("Sunday", "2015-04-19", None)),
        ("To open the bridge on Friday was the council's choice.", ("Friday", "2015-04-17", None)),
        # a future verb keeps it ahead; an infinitive beside a present verb stays a scheduled day
        ("To open the bridge on Friday will cost the council dearly.", ("Friday", "2015-04-24", None)),
        ("The council plans to open the bridge on Friday.", ("Friday", "2015-04-24", None)),
    ],
)
def test_an_infinitive_subject_takes_its_verb_tense(extract: Any, sentence: str, expected: Any) -> None:
    assert _dates(extract(sentence, DATE)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year that modifies a lower-case noun is a date, also where the tagger calls the noun a proper noun
        ("Doctors compared it to the 1957 flu pandemic, which spread fast.", [("1957", "1957")]),
        # a year joined to one after a determiner shares it: both are dates
        ("The report uses the 2001 and 2011 censuses.", [("2001", "2001"), ("2011", "2011")]),
        ("Turnout fell between the 1992 and 1996 elections.", [("1992", "1992"), ("1996", "1996")]),
        # still counts and names
        ("The plant hired 2017 workers last spring.", [("last spring", "2014-SP")]),
        ("The 2012 Harbor Games drew crowds.", []),
    ],
)
def test_years_before_common_nouns(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d["text"], d["value"]) for d in extract(text, DATE)["dates"]] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last night the choir sang in the old hall.", [("Last night", "2015-04-20")]),
        ("The mayor will speak tomorrow night at the library.", [("tomorrow night", "2015-04-22")]),
        # the last night of something is no day told from the document date
        ("The last night of the fair was cold.", []),
    ],
)
def test_last_night_is_the_day_before(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d["text"], d["value"]) for d in extract(text, DATE)["dates"]] == expected


@pytest.mark.parametrize(
    "text", ["Our last night in the hills was quiet.", "Tickets for the last night of the tour sold out."]
)
def test_the_last_night_of_something_is_no_date(extract: Any, text: str) -> None:
    assert extract(text, DATE)["dates"] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "that Thursday" points back at a day the telling has reached: no scheduled day ahead
        ("That Thursday, I remember the rain started early.", ("Thursday", "2015-04-16", None)),
        # a present verb still schedules a bare weekday, also after a "that" that starts a clause
        ("We meet on Thursday.", ("Thursday", "2015-04-23", None)),
        ("He says that Friday suits him.", ("Friday", "2015-04-24", None)),
    ],
)
def test_that_weekday_is_no_scheduled_day(extract: Any, sentence: str, expected: Any) -> None:
    assert _dates(extract(sentence, DATE)) == [expected]
