"""A name tied to an organization with no title written ("Dr. Alain Farley of McGill University"):
a title entry with ``title: null`` in ``people[].titles``, on sentences written for the test."""

from typing import Any

import pytest

DATE = "2024-03-05"


def _titles(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {p["name"]: p["titles"] for p in doc["people"]}


def test_a_name_of_an_organization_belongs_to_it(extract: Any) -> None:
    doc = extract("It works better, said Dr. Alain Farley of McGill University in Montreal.", DATE)
    assert _titles(doc) == {"Alain Farley": [{"title": None, "organization": "McGill University"}]}
    assert doc["titles"] == []  # no title record: no title is written


def test_names_listed_before_the_organization_share_it(extract: Any) -> None:
    doc = extract("James Blight and David Welch of Harvard University say that war was near.", DATE)
    assert _titles(doc) == {"James Blight": [{"title": None, "organization": "Harvard University"}],
                            "David Welch": [{"title": None, "organization": "Harvard University"}]}


def test_a_titled_name_keeps_its_title_only(extract: Any) -> None:
    doc = extract("Tom Reyes, chairman of Harlow Mining Corp., and Ann Wu of the Brindle Builders Association "
                  "attended.", DATE)
    assert _titles(doc) == {"Tom Reyes": [{"title": "chairman", "organization": "Harlow Mining Corp."}],
                            "Ann Wu": [{"title": None, "organization": "Brindle Builders Association"}]}


@pytest.mark.parametrize("text", [
    "The wife of John Smith of Boston spoke.",  # a place, not an organization
    "John Smith met reporters at the United Nations on Monday.",  # where he is, not whose he is
])
def test_a_place_or_a_meeting_is_no_affiliation(extract: Any, text: str) -> None:
    assert _titles(extract(text, DATE)) == {"John Smith": []}


@pytest.mark.parametrize(("text", "name", "org"), [
    ("Gilmore, of the Downtown Harbor Association, said the zoning was fair.", "Gilmore",
     "Downtown Harbor Association"),
    ("Greenpeace's Anna Berg said the ship had left.", "Anna Berg", "Greenpeace"),
    ("In the field of optics, Li Ming at the Institute of Physics has made headway.", "Li Ming",
     "Institute of Physics"),
])
def test_a_comma_of_a_possessive_or_at_a_research_institution_ties_a_name(
        extract: Any, text: str, name: str, org: str) -> None:
    assert _titles(extract(text, DATE)) == {name: [{"title": None, "organization": org}]}


def test_at_a_company_is_where_someone_is_not_whose(extract: Any) -> None:
    doc = extract("John Smith at Harlow Mining Corp. met reporters on Monday.", DATE)
    assert _titles(doc) == {"John Smith": []}
