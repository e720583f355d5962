"""Date forms of real text (#16), in sentences written for the test: years said in words,
weekdays after a future signal, dates told from the text's own year."""

from typing import Any

import pytest

DATE = "2015-04-21"  # a Tuesday


def _dates(doc: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(d["text"], d["value"]) for d in doc["dates"]]


def _assert_dates(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    """The exact dates of ``text``, each with true offsets."""
    doc = extract(text, DATE)
    assert _dates(doc) == expected
    for d in doc["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In nineteen eighty-two the mill closed for good.", [("nineteen eighty-two", "1982")]),
        ("Trade fell in May of nineteen seventy-four.", [("May of nineteen seventy-four", "1974-05")]),
        ("Floods came back in the spring of nineteen oh six.", [("the spring of nineteen oh six", "1906-SP")]),
        ("Fares were set to double by the year two thousand.", [("the year two thousand", "2000")]),
        ("We moved here in twenty twelve, I think.", [("twenty twelve", "2012")]),
        ("The chart was drawn in fifteen forty.", [("fifteen forty", "1540")]),
        # counts and clock times stay numbers
        ("She paid twenty five dollars for two thousand sheets.", []),
        ("The train leaves at ten fifteen.", []),
    ],
)
def test_years_said_in_words(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    _assert_dates(extract, text, expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The envoy would be flying to Lima on Thursday, aides said.", ("Thursday", "2015-04-23")),
        ("The crew could reach the summit as soon as Friday.", ("Friday", "2015-04-24")),
        ("Aid may arrive as early as Saturday, the agency said.", ("Saturday", "2015-04-25")),
        ("The court has scheduled a hearing Thursday on the appeal.", ("Thursday", "2015-04-23")),
        ("Talks, set to resume Monday in Oslo, were delayed.", ("Monday", "2015-04-27")),
        # a past or perfect report of the day, or a past scheduling verb: the day before
        ("The envoy said he could not attend on Thursday.", ("Thursday", "2015-04-16")),
        ("She would have signed the bill on Friday.", ("Friday", "2015-04-17")),
        ("A vigil planned for Saturday was cancelled.", ("Saturday", "2015-04-18")),
    ],
)
def test_weekday_put_ahead_by_the_sentence(extract: Any, sentence: str, expected: tuple[str, str]) -> None:
    assert _dates(extract(sentence, DATE)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a history: full years long before the document, nothing told from the document date
        ("Orla Lind was born in 1801 and moved to Turin in 1826. On 4 June she opened a school, and in"
         " October she married.",
         [("1801", "1801"), ("1826", "1826"), ("4 June", "1826-06-04"), ("October", "1826-10")]),
        # one old year in a report does not make it a history
        ("Mr. Voss joined Kell in 1998. The company posted a loss on March 31.",
         [("1998", "1998"), ("March 31", "2015-03-31")]),
        # a date told from the document date comes first: a news report
        ("The council said on Monday that the dam, built in 1950 and raised in 1961, closed in March.",
         [("Monday", "2015-04-20"), ("1950", "1950"), ("1961", "1961"), ("March", "2015-03")]),
    ],
)
def test_day_without_year_in_a_history_takes_the_story_year(
    extract: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(extract(text, DATE)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 412 the abbot died.", [("412", "0412")]),
        ("The fort fell after 286 and was rebuilt in 1390, when Osric ruled.",
         [("after 286", "0286"), ("1390", "1390")]),
        ("The monk (c. 560 – 615) wrote a rule.", [("560", "0560")]),
        ("The chapel was built around 930.", [("around 930", "0930")]),
        # amounts and counts stay numbers
        ("About 300 Britons lived in 450 houses.", []),
        ("The index rose by about 120.", []),
        ("Prices fell to 348.", []),
    ],
)
def test_years_before_1500(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(extract(text, DATE)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police recalled the 1998 bombings at the port.", [("1998", "1998")]),
        ("Turnout rose in the 2012 elections.", [("2012", "2012")]),
        ("The survey (Okafor 2009; Lind and Berg 2011; Mbeki et al., 2013; Varga 2014) agrees.",
         [("2009", "2009"), ("2011", "2011"), ("2013", "2013"), ("2014", "2014")]),
        # counts stay counts
        ("The firm has 1998 employees.", []),
        ("The 2000 employees were paid.", []),
    ],
)
def test_years_before_plural_nouns_and_in_long_citations(
    extract: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(extract(text, DATE)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board met on 3-June-2014 in Lyon.", [("3-June-2014", "2014-06-03")]),
        ("The abbot died in March of 512.", [("March of 512", "0512-03")]),
        ("It rained on the third of February.", [("the third of February", "2015-02-03")]),
        ("We had a quiz Thurs. and a party Fri. night.", [("Thurs", "2015-04-16"), ("Fri", "2015-04-17")]),
        ("The mill opened in 1921. In that same year a school was built.",
         [("1921", "1921"), ("that same year", "1921")]),
        # the verb "sat" and a lower-case abbreviation are no weekdays
        ("She sat. He waited on the sat. phone.", []),
    ],
)
def test_written_forms_of_days_months_and_weekdays(
    extract: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    _assert_dates(extract, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Over the summer, rivals cut their prices.", [("the summer", "2014-SU")]),
        ("Sales slowed this past winter.", [("this past winter", "2014-WI")]),
        ("The bridge will reopen in the summer.", [("the summer", "2015-SU")]),
        ("The war ended nearly four years ago.", [("nearly four years ago", "2011")]),
        # a season of any year, a kind of thing, a phrase cut short: no date
        ("In the summer it is hot here.", []),
        ("Winter storms closed the pass.", []),
    ],
)
def test_seasons_by_tense_and_approximate_ago(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(extract(text, DATE)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This may take a while, so be patient.", []),
        ("That may be the reason.", []),
        ("The vote was held this May.", [("this May", "2015-05")]),
    ],
)
def test_may_the_verb_after_this_is_no_month(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(extract(text, DATE)) == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a month or two after a quarter ended, "the quarter" is the one being reported
        ("Profit doubled in the quarter.", "2015-05-06", [("the quarter", "2015-Q1")]),
        ("Analysts expect profit to double in the quarter.", "2015-06-20", [("the quarter", "2015-Q2")]),
        ("Analysts expect profit to double in the quarter.", "2015-05-06", [("the quarter", "2015-Q1")]),
        ("Sales in the current quarter will rise.", "2015-05-06", [("the current quarter", "2015-Q2")]),
    ],
)
def test_the_quarter_is_the_reported_one(extract: Any, text: str, date: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(extract(text, date)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "before"/"until" with a date that names a noun's event: no tense, the weekday before
        ("Its stake before Friday's purchases is small.", ("before Friday", "2015-04-17")),
        ("The fund was closed until Monday's vote.", ("until Monday", "2015-04-20")),
    ],
)
def test_modifier_does_not_hide_a_noun_date(extract: Any, sentence: str, expected: tuple[str, str]) -> None:
    assert _dates(extract(sentence, DATE)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date told from the one before, where NER left out "the very" or "prior"
        ("In 1982, the plant closed. But the very next year, a new owner came.",
         [("1982", "1982"), ("the very next year", "1983")]),
        ("The survey ran in 2011. An earlier one was conducted three years prior.",
         [("2011", "2011"), ("three years prior", "2008")]),
        # "next year" alone is told from the document date
        ("In 1982, the plant closed. Next year it will reopen.", [("1982", "1982"), ("Next year", "2016")]),
    ],
)
def test_dates_told_from_the_date_before(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(extract(text, DATE)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day and month NER cut from the year written right after them
        ("On Dec. 6th 1954 she signed a power of attorney.", [("Dec. 6th 1954", "1954-12-06")]),
        # a count after the day is no year of it (a day two weeks ahead stays in this year, even in the past)
        ("On May 5 about 11 people were hurt.", [("May 5", "2015-05-05")]),
    ],
)
def test_a_day_and_its_year_are_one_date(extract: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(extract(text, DATE)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date told from the one before is anchored on it, not on the document date
        ("The ship sank on 3 May 1911. The following morning, boats went out.",
         [("3 May 1911", "1911-05-03", None), ("The following morning", "1911-05-04", "1911-05-03")]),
        ("Rates rose on Monday. The following day, shares fell.",
         [("Monday", "2015-04-20", DATE), ("The following day", "2015-04-21", "2015-04-20")]),
    ],
)
def test_a_told_date_is_anchored_on_the_date_before(
    extract: Any, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert [(d["text"], d["value"], d["anchor"]) for d in extract(text, DATE)["dates"]] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ivo Hale left Ghent in 1828 and reached Lyon on 30 May 1830. The following morning he fell"
         " ill. He was buried on 2 June.",
         [("1828", "1828"), ("30 May 1830", "1830-05-30"), ("The following morning", "1830-05-31"),
          ("2 June", "1830-06-02")]),
        # a date told from the document date before: a news report, the document's year
        ("Police said on Monday that the bridge, built in 1928 and rebuilt in 1960, shut on 2 March.",
         [("Monday", "2015-04-20"), ("1928", "1928"), ("1960", "1960"), ("2 March", "2015-03-02")]),
    ],
)
def test_a_story_date_told_from_its_own_keeps_the_history(
    extract: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(extract(text, DATE)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numeric dates the tokenizer splits at a month name
        ("The record gives 2021/17/Mar as the filing date.", [("2021/17/Mar", "2021-03-17")]),
        ("It was filed on 2021/Mar/17 in Lagos.", [("2021/Mar/17", "2021-03-17")]),
        ("The permit expired on 17-Mar-2021, the court heard.", [("17-Mar-2021", "2021-03-17")]),
        # an impossible day is no date
        ("It was filed on 31/Feb/2021 in Lagos.", []),
        # a count from now, ahead of the document date at the unit written
        ("The vote is two weeks from now.", [("two weeks from now", "2015-W19")]),
        ("Ten days from today the polls close.", [("Ten days from today", "2015-05-01")]),
        ("A year from now the line will open.", [("A year from now", "2016")]),
        # a distance is no date
        ("The shop is three miles from here.", []),
    ],
)
def test_split_numeric_dates_and_counts_from_now(
    extract: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    _assert_dates(extract, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day said in words after its month, as broadcast transcripts write it
        ("The vote is on March eighth.", [("March eighth", "2015-03-08")]),
        ("The fair opens on July twenty-first.", [("July twenty-first", "2015-07-21")]),
        # "this coming": the next such day, whatever the tense
        ("The fair is this coming Sunday.", [("this coming Sunday", "2015-04-26")]),
        # a lower-case "march" and an impossible day are no dates
        ("The march first reached the square.", []),
        ("It was March thirty-second.", []),
    ],
)
def test_a_day_in_words_after_its_month_and_this_coming_weekday(
    extract: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    _assert_dates(extract, text, expected)
