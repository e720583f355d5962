"""Titles on sentences written for the test: a place is where a title is held, not its organization;
rank abbreviations and occupational titles link to the organization the sentence names."""

from typing import Any

import pytest

DATE = "2024-03-05"


def _links(doc: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
    return [(t["title"], t["person"], t["organization"], t["place"]) for t in doc["titles"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("The court heard from Chicago Mayor Anton Cermak on Monday.", ("Mayor", "Anton Cermak", None, "Chicago")),
    ("Reith Chuol, governor of the Upper Nile region, spoke.", ("governor", "Reith Chuol", None, "Upper Nile")),
    # a member of parliament holds the seat of a place
    ("The plan was approved, said Sibu MP Oscar Ling on Monday.", ("MP", "Oscar Ling", None, "Sibu")),
    ("Halverton Mayor Rebecca Lindqvist presented the budget.", ("Mayor", "Rebecca Lindqvist", None, "Halverton")),
])
def test_a_place_is_where_the_title_is_held(extract: Any, text: str, expected: tuple[Any, ...]) -> None:
    doc = extract(text, DATE)
    assert _links(doc) == [expected]
    person = next(p for p in doc["people"] if p["name"] == expected[1])
    assert person["titles"] == [{"title": expected[0], "organization": None, "place": expected[3]}]


@pytest.mark.parametrize(("text", "expected"), [
    ("Lt. Jim Bowell of the Butler Township Fire Department said the fire was out.",
     ("Lt.", "Jim Bowell", "Butler Township Fire Department", None)),
    ("Edward Marks, an official with the Montgomery County Democratic Party, argued.",
     ("official", "Edward Marks", "Montgomery County Democratic Party", None)),
])
def test_ranks_and_occupations_link_to_their_organization(extract: Any, text: str,
                                                         expected: tuple[Any, ...]) -> None:
    assert _links(extract(text, DATE)) == [expected]


def test_an_organization_the_model_reads_as_a_place_stays_the_organization(extract: Any) -> None:
    doc = extract("Halvorsen Dynamics makes pumps. Halvorsen chief executive Mara Lind said sales rose.", DATE)
    assert [(t["person"], t["organization"], t["place"]) for t in doc["titles"]] == \
        [("Mara Lind", "Halvorsen Dynamics", None)]


@pytest.mark.parametrize(("text", "expected"), [
    # a title held in a place stays the place's, though an organization's name starts with the place
    ("The Penang Disaster Management Unit opened shelters. Penang Chief Minister Ahmad Kamal said 500 people "
     "had left.", ("Chief Minister", "Ahmad Kamal", None, "Penang")),
    ("The Johor Flood Relief Committee met on Monday. Johor Menteri Besar Ahmad Kamal said 500 people had left.",
     ("Menteri Besar", "Ahmad Kamal", None, "Johor")),
    # a company title before a short form is the company's
    ("Kestrel Energy said output rose. Kestrel chief executive Ann Wu said prices fell.",
     ("chief executive", "Ann Wu", "Kestrel Energy", None)),
])
def test_a_place_title_is_not_an_organization_named_after_the_place(extract: Any, text: str,
                                                                   expected: tuple[Any, ...]) -> None:
    assert _links(extract(text, DATE)) == [expected]
