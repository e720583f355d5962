"""``people[].titles``: one entry per role, on sentences written for the test."""

from typing import Any

DATE = "2024-03-05"


def _held(doc: dict[str, Any], name: str) -> list[tuple[str | None, str | None]]:
    [person] = [p for p in doc["people"] if p["name"] == name]
    return [(t["title"], t["organization"]) for t in person["titles"]]


def test_a_title_written_in_two_cases_is_one_entry(extract: Any) -> None:
    doc = extract("Ann Lee, secretary of the Harlow Growers Association, opened the fair. Later, Secretary "
                  "Ann Lee of the Harlow Growers Association thanked the farmers.", DATE)
    assert _held(doc, "Ann Lee") == [("secretary", "Harlow Growers Association")]


def test_a_portfolio_that_names_the_organization_is_the_same_role(extract: Any) -> None:
    doc = extract("Vice Minister of Water Resources Li Ping spoke first. Li Ping, vice minister of the Ministry "
                  "of Water Resources, said the dams were safe.", DATE)
    assert _held(doc, "Li Ping") == [("vice minister", "Ministry of Water Resources")]


def test_two_roles_stay_two_entries(extract: Any) -> None:
    doc = extract("Ann Lee, chairman of Harlow Mining Corp. and deputy general manager of Brindle Port "
                  "Services, spoke.", DATE)
    assert _held(doc, "Ann Lee") == [("chairman", "Harlow Mining Corp."),
                                     ("deputy general manager", "Brindle Port Services")]


def test_a_title_with_no_organization_is_the_same_role_as_the_one_naming_it(extract: Any) -> None:
    doc = extract("Harlow Rovers name Tom Bell head coach. Harlow Rovers FC on Monday appointed Tom Bell as head "
                  "coach on a three-year contract.", DATE)
    assert _held(doc, "Tom Bell") == [("head coach", "Harlow Rovers FC")]


def test_the_same_title_of_two_organizations_stays_two_entries(extract: Any) -> None:
    doc = extract("Ann Lee, director of Harlow Mining Corp. and director of Brindle Port Services, spoke.", DATE)
    assert _held(doc, "Ann Lee") == [("director", "Harlow Mining Corp."), ("director", "Brindle Port Services")]
