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
