"""Mentions of an organization by the acronym it is given, on sentences written for the test."""

from typing import Any

import pytest

DATE = "2024-03-05"


def _mentions(doc: dict[str, Any]) -> dict[str, list[str]]:
    return {o["name"]: [m["text"] for m in o["mentions"]] for o in doc["organizations"]}


def test_the_acronym_in_parentheses_is_a_mention(extract: Any) -> None:
    text = "She ran for the Party of Democratic Renewal (PDR) in the spring."
    doc = extract(text, DATE)
    assert _mentions(doc) == {"Party of Democratic Renewal": ["Party of Democratic Renewal", "PDR"]}
    for org in doc["organizations"]:
        for m in org["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_a_concept_acronym_is_no_organization_mention(extract: Any) -> None:
    doc = extract("The plan uses information and communication technology (ICT) in every school.", DATE)
    assert _mentions(doc) == {}


def test_a_legal_form_ends_the_company_name(extract: Any) -> None:
    doc = extract("Brackwater Pumps Ltd. of Glenmoor will supply the valves, the council said.", DATE)
    assert _mentions(doc) == {"Brackwater Pumps Ltd.": ["Brackwater Pumps Ltd."]}


def test_the_first_words_of_a_company_named_in_full_are_a_mention(extract: Any) -> None:
    text = ("Tavolen Quarry Holdings Co., Ltd. will run the site. Tavolen Quarry chief engineer Ilse Marten "
            "said work would start soon.")
    doc = extract(text, DATE)
    assert _mentions(doc) == {"Tavolen Quarry Holdings Co., Ltd.": ["Tavolen Quarry Holdings Co., Ltd.",
                                                                    "Tavolen Quarry"]}
    assert [p["name"] for p in doc["people"]] == ["Ilse Marten"]
    assert [(t["title"], t["organization"]) for t in doc["people"][0]["titles"]] == [
        ("chief engineer", "Tavolen Quarry Holdings Co., Ltd.")]


def test_a_place_before_its_council_is_no_short_form(extract: Any) -> None:
    doc = extract("Tanjung Sari District Council approved the plan after floods hit Tanjung Sari, he said.", DATE)
    assert _mentions(doc) == {"Tanjung Sari District Council": ["Tanjung Sari District Council"]}


def test_a_name_after_the_organization_word_that_modifies_it_is_an_organization(extract: Any) -> None:
    doc = extract("Piet de Vries, who is national officer at the trade union FNV Havens, said automation must "
                  "not cost jobs.", DATE)
    assert "FNV Havens" in [o["name"] for o in doc["organizations"]]
    assert "FNV Havens" not in [p["name"] for p in doc["people"]]


@pytest.mark.parametrize(("text", "orgs"), [
    # a possessive inside a name the model found, then a title: the name ends at the possessive
    ("Kestrel Apparel Holdings' Group Managing Director, Tom Bell, said the company would pay.",
     ["Kestrel Apparel Holdings"]),
    # a possessive that is part of the name stays
    ("Moody's Investors Service chief economist Ann Wu said so.", ["Moody's Investors Service"]),
])
def test_an_organization_ends_at_a_possessive_before_a_title(extract: Any, text: str, orgs: list[str]) -> None:
    assert [o["name"] for o in extract(text, DATE)["organizations"]] == orgs


@pytest.mark.parametrize(("text", "expected"), [
    # a name with an organization word and its "of" goes on through a list of portfolio words
    ("The Federal Ministry of Finance, Budget and National Planning priced a bond.",
     ["Federal Ministry of Finance, Budget and National Planning"]),
    ("The Ministry of Health, Labour and Welfare said cases rose.", ["Ministry of Health, Labour and Welfare"]),
    # a list of names, or of places, stays apart
    ("Officials from the Ministry of Finance, Bank Negara and the Securities Commission met.",
     ["Ministry of Finance", "Bank Negara", "Securities Commission"]),
    ("The Ministry of Finance, Malaysia and Singapore agreed.", ["Ministry of Finance"]),
])
def test_a_list_of_portfolios_belongs_to_the_name_before_it(extract: Any, text: str, expected: list[str]) -> None:
    assert [o["name"] for o in extract(text, DATE)["organizations"]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a one-word name the model calls an organization, only ever after a locative preposition: a place
    ("The squad will train in Dambulla for ten days.", []),
    ("He owns two farms near Parys.", []),
    # an organization word, or a mention elsewhere without the preposition, keeps it an organization
    ("The bill stalled in Congress.", ["Congress"]),
])
def test_a_one_word_organization_only_ever_after_a_locative_is_a_place(
        extract: Any, text: str, expected: list[str]) -> None:
    assert [o["name"] for o in extract(text, DATE)["organizations"]] == expected
