"""Organizations the model names with a dotted acronym, on sentences written for the test: "U.N." is a
name though no token of it is alphabetic; figures and a legal form alone are not."""

from typing import Any

import pytest

DATE = "2024-03-05"


def _orgs(doc: dict[str, Any]) -> list[str]:
    return [o["name"] for o in doc["organizations"]]


def test_a_dotted_acronym_the_model_calls_an_organization_is_one(extract: Any) -> None:
    doc = extract("The talks stalled, and U.N. Secretary-General Ann Lee flew home.", DATE)
    assert _orgs(doc) == ["U.N."]
    assert [(t["person"], t["organization"]) for t in doc["titles"]] == [("Ann Lee", "U.N.")]


@pytest.mark.parametrize("text", [
    "Minera Sierra Alta, S.A.B. de C.V. said output rose in the quarter.",
])
def test_a_legal_form_after_a_comma_is_no_second_organization(extract: Any, text: str) -> None:
    assert _orgs(extract(text, DATE)) == ["Minera Sierra Alta"]


@pytest.mark.parametrize(("text", "orgs"), [
    ("Zeynep Kara, president of the branch of the Chamber of Civil Engineers, said so.",
     ["Chamber of Civil Engineers"]),  # a plural title word after "of" is part of the name
    ("The contract went to Egeyapı İnşaat A.Ş., whose chairman, Oğuz Aksoy, said the flats were safe.",
     ["Egeyapı İnşaat A.Ş."]),  # a legal form ends an organization, whatever NER called it
])
def test_organization_names_ending_in_a_plural_title_or_a_legal_form(extract: Any, text: str, orgs: list[str]) -> None:
    assert _orgs(extract(text, DATE)) == orgs


def test_an_organization_name_does_not_run_across_a_line_break(extract: Any) -> None:
    # NER: one ORG "Kestrel Power GmbH\nKestrel Power GmbH"
    text = ("The plant opens in 2026.\n\nAbout Kestrel Power GmbH\nKestrel Power GmbH develops sodium-ion cells "
            "for storage.")
    doc = extract(text, DATE)
    assert _orgs(doc) == ["Kestrel Power GmbH"]
    assert all("\n" not in m["text"] for o in doc["organizations"] for m in o["mentions"])


def test_an_acronym_defined_after_a_hyphenated_name_is_its_alias_and_no_person(extract: Any) -> None:
    doc = extract("The Japan Maritime Self-Defense Force (JMSDF) will send the destroyer JS Akebono.", DATE)
    assert [(o["name"], o["aliases"]) for o in doc["organizations"]] == [
        ("Japan Maritime Self-Defense Force", ["JMSDF"])]
    assert doc["people"] == []


def test_an_organization_word_and_its_complement_make_an_organization_not_a_person(extract: Any) -> None:
    doc = extract("The biennial is organised with support from the Iranian Artists Forum and the Aga Khan Trust "
                  "for Culture, which funded a workshop.", DATE)
    assert _orgs(doc) == ["Iranian Artists Forum", "Aga Khan Trust for Culture"]
    assert doc["people"] == []
